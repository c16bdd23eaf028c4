"""Three fictional companies with known truth: ``shop``, ``cafe`` and ``bank``.

The data of every lesson.  ``load`` reads the small shipped versions (CSV
under ``datasets/``), ``generate`` simulates any size in memory, ``truth``
and ``parameters`` give the instructor the values that generated the data,
``journey_truth`` and ``journey_what_if`` the exact planted values of lesson
03's touch points, expectations, reviews and needs.
All people in these data are fictional (names, e-mails, phones from Faker
pools).

- ``shop`` (online retailer, non-contractual): lessons 1-7.
  ``load("shop", raw=True)`` is the messy extract of lesson 1.
- ``cafe`` (café chain with a self-selected points membership) and
  ``bank`` (retail bank, contractual): the cases of lesson 8.

Purchases follow the BG/NBD model (Fader, Hardie & Lee 2005, "Counting your
customers the easy way: an alternative to the Pareto/NBD model", Marketing
Science 24(2), 275-284); spend per order the Gamma-Gamma model (Colombo &
Jiang 1999, Journal of Interactive Marketing 13(3); Fader, Hardie & Lee 2005,
"RFM and CLV", Journal of Marketing Research 42(4)).  The effects each lesson
teaches are planted on top and listed in ``datasets/README.md``.

Examples
--------
>>> from custlearn import datasets
>>> shop = datasets.generate("shop", customers=50, seed=1)
>>> sorted(shop.tables)
['customers', 'orders', 'surveys', 'tickets']
>>> len(shop.customers)
50
"""

from __future__ import annotations

import copy
import functools
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from custlearn._i18n import tr
from custlearn._validate import DataError, as_timestamp, require_choice, require_number, require_positive_int
from custlearn.datasets import _io, _params, _people, _schema

__all__ = [
    "Dataset",
    "available",
    "load",
    "generate",
    "truth",
    "parameters",
    "journey_truth",
    "journey_what_if",
    "raw_problems",
    "duplicates",
    "raw_extract",
    "describe",
    "build",
    "ship",
]

SCENARIOS = tuple(_params.SCENARIOS)
PROGRESS_FROM = 200_000  # show a progress bar from this many customers on


class Dataset:
    """The tables of one scenario, with a readable summary when displayed.

    Attributes
    ----------
    name : str
        Scenario name (``"shop"``, ``"cafe"``, ``"bank"``).
    tables : dict of str to DataFrame
        ``customers``, ``orders``, ``surveys``, ``tickets``; also reachable as
        attributes (``shop.orders``) and items (``shop["orders"]``).
    start, end : Timestamp
        The observation window (both days included).
    as_of : Timestamp
        The end of the observation window, the "today" of the lessons.

    Notes
    -----
    Tables and the lessons that use them: ``customers`` (01 customer data,
    02 lifecycle, 05 value), ``orders`` (01, 02, 04 loyalty, 05 value,
    07 churn; visits in cafe, transactions in bank), ``surveys`` (03
    satisfaction, 04 loyalty), ``tickets`` (03, 05 cost to serve, 06 service, 07 churn),
    all four in 08 cases.  ``truth(...)`` is for instructors and for the
    "did the method find it?" checks of lessons 02, 05, 06 and 07.

    Examples
    --------
    >>> from custlearn import datasets
    >>> shop = datasets.generate("shop", customers=50, seed=1)
    >>> shop.as_of
    Timestamp('2025-12-31 00:00:00')
    >>> shop["orders"] is shop.orders
    True
    """

    def __init__(self, name: str, tables: dict[str, pd.DataFrame], start: pd.Timestamp, end: pd.Timestamp, *, raw: bool = False, extras: dict | None = None, meta: dict | None = None) -> None:
        self.name = name
        self.tables = tables
        self.start = start
        self.end = end
        self.as_of = end
        self.raw = raw
        self._extras = extras or {}
        self._meta = meta or {}

    def __getattr__(self, item: str) -> pd.DataFrame:
        tables = self.__dict__.get("tables", {})
        if item in tables:
            return tables[item]
        raise AttributeError(tr("A {name} dataset has no table or attribute {item!r}. Its tables are: {tables}.",
                                name=self.__dict__.get("name", ""), item=item, tables=", ".join(tables)))

    def __getitem__(self, table: str) -> pd.DataFrame:
        _check_table(self.name, table, list(self.tables))
        return self.tables[table]

    def __dir__(self):
        return sorted(set(super().__dir__()) | set(self.tables))

    def _rows(self) -> list[tuple[str, int, int]]:
        return [(t, len(df), df.shape[1]) for t, df in self.tables.items()]

    def _title(self, name: str) -> str:
        return tr("Dataset raw extract of {name}", name=name) if self.raw else tr("Dataset {name}", name=name)

    def __repr__(self) -> str:
        lines = [tr("{title}: {start:%Y-%m-%d} to {end:%Y-%m-%d} (as_of {as_of:%Y-%m-%d})", title=self._title(repr(self.name)),
                    start=self.start, end=self.end, as_of=self.as_of)]
        for t, rows, cols in self._rows():
            lines.append(tr("  {table:<10} {rows:>9,} rows x {cols:>2} columns", table=t, rows=rows, cols=cols))
        lines.append(tr("All people are fictional. See datasets.describe({name!r}).", name=self.name))
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        rows = "".join(f"<tr><td><code>{t}</code></td><td>{r:,}</td><td>{c}</td></tr>" for t, r, c in self._rows())
        return (
            "<p><b>" + self._title(f"<code>{self.name}</code>") + "</b>"
            + tr(": {start:%Y-%m-%d} to {end:%Y-%m-%d} (as_of {as_of:%Y-%m-%d})",
                 start=self.start, end=self.end, as_of=self.as_of) + "</p>"
            + tr("<table><thead><tr><th>table</th><th>rows</th><th>columns</th></tr></thead><tbody>{rows}</tbody></table>",
                 rows=rows)
            + tr("<p>All people are fictional. See <code>datasets.describe('{name}')</code>.</p>", name=self.name)
        )

    def copy(self) -> "Dataset":
        return Dataset(self.name, {k: v.copy() for k, v in self.tables.items()}, self.start, self.end, raw=self.raw, extras={k: v.copy() for k, v in self._extras.items()}, meta=copy.deepcopy(self._meta))


# --------------------------------------------------------------------------- checks


def _check_scenario(name: Any) -> str:
    if not isinstance(name, str) or name not in SCENARIOS:
        raise DataError(tr('There is no scenario "{name}". The scenarios are: {scenarios}. Use one of them, '
                           'e.g. datasets.load("shop").', name=name,
                           scenarios=", ".join(f'"{s}"' for s in SCENARIOS)))
    return name


def _check_table(scenario: str, table: Any, valid: list[str]) -> str:
    if table not in valid:
        raise DataError(tr('The {scenario} dataset has no table "{table}". Its tables are: {tables}.',
                           scenario=scenario, table=table, tables=", ".join(f'"{t}"' for t in valid)))
    return table


def _window(start: Any, end: Any) -> tuple[pd.Timestamp, pd.Timestamp]:
    s = as_timestamp(start, argument="start").normalize()
    e = as_timestamp(end, argument="end").normalize()
    if e < s:
        raise DataError(
            tr("end={e:%Y-%m-%d} is before start={s:%Y-%m-%d}. The observation window must run forward: "
               'swap them, e.g. start="{e:%Y-%m-%d}", end="{s:%Y-%m-%d}".', e=e, s=s)
        )
    if (e - s).days < 27:
        raise DataError(
            tr("The window {s:%Y-%m-%d} to {e:%Y-%m-%d} is {days} days long, but at least 28 days are "
               'needed to simulate purchases. Move end later, e.g. end="{s2:%Y-%m-%d}".',
               s=s, e=e, days=(e - s).days + 1, s2=s + pd.Timedelta(days=365))
        )
    return s, e


# --------------------------------------------------------------------------- generation


def _simulate(name: str, customers: int, seed: int, start: pd.Timestamp, end: pd.Timestamp, locale: str, progress: bool) -> dict[str, pd.DataFrame]:
    P = _params.get(name)
    if name == "bank":
        from custlearn.datasets import _bank as story
    else:
        from custlearn.datasets import _shop as story
    from custlearn.datasets import _addons, _streams

    world = story.simulate(P, customers, seed, start, end, locale, progress)
    if name == "shop":
        from custlearn.datasets import _raw

        world.tables.update(_raw.make_raw(world.tables["customers"], world.tables["orders"], start, end, _streams.raw(seed)))
    _addons.run(name, world)
    schema = _schema.schema(name)
    return {t: _io.coerce(world.tables[t], cols) for t, cols in schema.items()}


def _meta(name: str, customers: int, seed: int, start: pd.Timestamp, end: pd.Timestamp, locale: str) -> dict:
    import faker

    return {
        "scenario": name,
        "customers": int(customers),
        "seed": int(seed),
        "start": f"{start:%Y-%m-%d}",
        "end": f"{end:%Y-%m-%d}",
        "locale": locale,
        "faker_version": faker.VERSION,
        "generator": "custlearn.datasets",
        "note": "Synthetic data; all people are fictional.",
    }


def _dataset(name: str, frames: dict[str, pd.DataFrame], meta: dict, *, raw: bool = False) -> Dataset:
    start, end = pd.Timestamp(meta["start"]), pd.Timestamp(meta["end"])
    if raw:
        tables = {"customers": frames["raw_customers"], "orders": frames["raw_orders"], "surveys": frames["surveys"], "tickets": frames["tickets"]}
    else:
        tables = {t: frames[t] for t in _schema.public_tables(name)}
    extras = {t: df for t, df in frames.items() if t not in tables}
    return Dataset(name, tables, start, end, raw=raw, extras=extras, meta=meta)


def generate(name: str, *, customers: int = 5000, seed: int = 0, start: Any = "2024-01-01", end: Any = "2025-12-31", locale: str = "en_US", progress: bool | None = None) -> Dataset:
    """Simulate a scenario of any size in memory.

    Parameters
    ----------
    name : {"shop", "cafe", "bank"}
    customers : int
        Number of customers (>= 1).  A million takes well under 30 s.
    seed : int
        Same seed, same data, byte for byte.
    start, end : str or Timestamp
        The observation window (both days included).  The simulation also
        runs 52 weeks past ``end`` for the truth's future values.
    locale : str
        Faker locale of names, cities and phones, e.g. ``"zh_CN"``.
    progress : bool, optional
        Show a tqdm progress bar; by default from 200,000 customers on.

    Returns
    -------
    Dataset
        Use ``truth(ds)``, ``parameters(ds)``, ``raw_problems(ds)`` and
        ``raw_extract(ds)`` (shop) for the rest.

    Examples
    --------
    >>> from custlearn import datasets
    >>> cafe = datasets.generate("cafe", customers=50, seed=3)
    >>> "is_member" in cafe.customers.columns
    True
    >>> datasets.generate("shop", customers=0)
    Traceback (most recent call last):
    ...
    custlearn.DataError: customers must be a whole number of at least 1, but 0 was given.
    """
    _check_scenario(name)
    customers = require_positive_int(customers, argument="customers")
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0:
        raise DataError(tr("seed must be a whole number of at least 0, but {seed!r} was given. Pass e.g. "
                           "seed=7.", seed=seed))
    s, e = _window(start, end)
    _people.check_locale(locale)
    if progress is None:
        progress = customers >= PROGRESS_FROM
    frames = _simulate(name, customers, int(seed), s, e, locale, bool(progress))
    return _dataset(name, frames, _meta(name, customers, int(seed), s, e, locale))


# --------------------------------------------------------------------------- shipped data


@functools.lru_cache(maxsize=8)
def _shipped(name: str) -> tuple[dict[str, pd.DataFrame], dict]:
    folder = _io.data_dir() / name
    rec = _params.SHIPPED[name]
    meta = _io.read_manifest(folder)
    frames = _io.read_scenario(folder, name) if meta is not None else None
    if frames is None:  # installed without the repository: same data, generated
        s, e = pd.Timestamp(rec["start"]), pd.Timestamp(rec["end"])
        frames = _simulate(name, rec["customers"], rec["seed"], s, e, rec["locale"], False)
        meta = _meta(name, rec["customers"], rec["seed"], s, e, rec["locale"])
    return frames, meta


def _resolve(x: Any) -> tuple[str, dict[str, pd.DataFrame], dict]:
    """A scenario name (shipped data) or a Dataset from generate()."""
    if isinstance(x, Dataset):
        frames = dict(x._extras)
        if not x.raw:
            frames.update(x.tables)
        return x.name, frames, x._meta
    name = _check_scenario(x)
    frames, meta = _shipped(name)
    return name, frames, meta


def available() -> pd.DataFrame:
    """List the scenarios: tables, shipped size, window and story.

    Examples
    --------
    >>> from custlearn import datasets
    >>> datasets.available()["scenario"].tolist()
    ['shop', 'cafe', 'bank']
    """
    rows = []
    for name in SCENARIOS:
        rec = _params.SHIPPED[name]
        rows.append(
            {
                "scenario": name,
                "tables": ", ".join(_params.TABLES[name]),
                "customers": rec["customers"],
                "start": pd.Timestamp(rec["start"]),
                "end": pd.Timestamp(rec["end"]),
                "story": _params.STORIES[name],
            }
        )
    return pd.DataFrame(rows)


def load(name: str, *, raw: bool = False) -> Dataset:
    """Load a shipped scenario (fast; cached per process, returns fresh copies).

    Parameters
    ----------
    name : {"shop", "cafe", "bank"}
    raw : bool
        ``True`` gives the messy extract of lesson 1 (shop only): customers
        and orders with duplicates, text dates and phones, missing and
        impossible values.  ``raw_problems("shop")`` counts them.

    Examples
    --------
    >>> from custlearn import datasets
    >>> shop = datasets.load("shop")
    >>> shop.orders["order_date"].dtype
    dtype('<M8[ns]')
    >>> datasets.load("shoes")
    Traceback (most recent call last):
    ...
    custlearn.DataError: There is no scenario "shoes". The scenarios are: "shop", "cafe", "bank". Use one of them, e.g. datasets.load("shop").
    """
    _check_scenario(name)
    if raw and name != "shop":
        raise DataError(tr('The raw extract exists for "shop" only, not "{name}". Use '
                           'datasets.load("shop", raw=True).', name=name))
    frames, meta = _shipped(name)
    return _dataset(name, {k: v.copy() for k, v in frames.items()}, copy.deepcopy(meta), raw=bool(raw))


def truth(name: Any) -> pd.DataFrame:
    """Per-customer latent values that generated the data (instructors).

    ``name`` is a scenario name (shipped data) or a Dataset from
    :func:`generate`.  One row per customer_id; see ``describe(name, "truth")``.

    Examples
    --------
    >>> from custlearn import datasets
    >>> t = datasets.truth(datasets.generate("shop", customers=50, seed=1))
    >>> len(t), t["customer_id"].is_unique
    (50, True)
    """
    _, frames, _ = _resolve(name)
    return frames["truth"].copy()


def raw_problems(name: Any = "shop") -> pd.DataFrame:
    """Counts of the problems planted in the raw extract: problem, table, column, count.

    Examples
    --------
    >>> from custlearn import datasets
    >>> p = datasets.raw_problems("shop")
    >>> list(p.columns)
    ['problem', 'table', 'column', 'count']
    """
    n, frames, _ = _resolve(name)
    if "raw_problems" not in frames:
        raise DataError(tr('The raw extract exists for "shop" only, not "{n}". Use '
                           'datasets.raw_problems("shop").', n=n))
    return frames["raw_problems"].copy()


def duplicates(name: Any = "shop") -> pd.DataFrame:
    """Which raw customer records are duplicates of which true customer (lesson 1 answer key).

    Examples
    --------
    >>> from custlearn import datasets
    >>> list(datasets.duplicates("shop").columns)
    ['customer_id', 'duplicate_of']
    """
    n, frames, _ = _resolve(name)
    if "raw_duplicates" not in frames:
        raise DataError(tr('The raw extract exists for "shop" only, not "{n}". Use '
                           'datasets.duplicates("shop").', n=n))
    return frames["raw_duplicates"].copy()


def raw_extract(ds: Dataset) -> Dataset:
    """The raw (messy) version of a generated shop Dataset, like ``load("shop", raw=True)``."""
    n, frames, meta = _resolve(ds)
    if "raw_customers" not in frames:
        raise DataError(tr('The raw extract exists for "shop" only, not "{n}".', n=n))
    return _dataset(n, {k: v.copy() for k, v in frames.items()}, copy.deepcopy(meta), raw=True)


def parameters(name: Any) -> dict:
    """The generating parameters of a scenario (with seed, size, window, horizon).

    Examples
    --------
    >>> from custlearn import datasets
    >>> p = datasets.parameters("shop")
    >>> p["r"], p["alpha"], p["a"], p["b"], p["horizon_weeks"]
    (0.8, 8.0, 0.6, 3.0, 52)
    """
    if isinstance(name, Dataset):
        n, meta = name.name, name._meta
    else:
        n = _check_scenario(name)
        rec = _params.SHIPPED[n]
        meta = {k: rec[k] for k in ("customers", "seed", "start", "end", "locale")}
    P = _params.get(n)
    for k in ("customers", "seed", "start", "end", "locale"):
        if k in meta:
            P[k] = meta[k]
    return P


def journey_truth(name: Any) -> dict:
    """What shapes satisfaction (lesson 03): the planted journey effects and what a regression on all customers finds.

    For instructors and the lesson's truth checks.  The survey columns
    ``main_need``, ``read_reviews``, ``review_rating_seen``,
    ``prior_expectation`` and ``rating_<touch point>`` come from a planted
    model (README "Instructor section", effect 10; ``parameters(name)
    ["journey"]``).  Its profiles are few enough to list, so every value here
    is exact, not simulated: ``touch_points`` (per rating column: planted
    ``penalty``, ``reward`` and three-factor class ``factor``, the
    population regression weight ``linear_weight`` that
    ``satisfaction.touch_point_importance`` estimates, and the shares of
    low, middle and high ratings), ``by_need`` (the same per need segment),
    ``expectation`` (the planted ``expectation_effect`` and the reviews'
    parameters), ``intercept``, ``cuts``, ``overall_shares``, ``coding``.

    Examples
    --------
    >>> from custlearn import datasets
    >>> t = datasets.journey_truth("shop")
    >>> t["touch_points"].loc["rating_checkout", ["penalty", "reward", "factor"]].to_dict()
    {'penalty': 0.45, 'reward': 0.0, 'factor': 'basic'}
    >>> t["expectation"]["expectation_effect"]
    -0.15
    """
    from custlearn.datasets import _journey

    return _journey.truth(name.name if isinstance(name, Dataset) else _check_scenario(name))


def journey_what_if(name: Any, changes: dict, *, statistic: str = "top_box", top_box: int = 2) -> pd.DataFrame:
    """The planted truth of a what-if (lesson 03): overall satisfaction of all customers if ratings changed.

    ``changes`` maps rating columns to a change in points, e.g.
    ``{"rating_delivery": 0.5}``: each rating moves floor(change) points and
    one more with probability change - floor(change), within 1-5 (as
    ``satisfaction.what_if`` assumes).  Returns the rows "as now",
    "what-if" and "change" with one column ``planted``: the top-``top_box``-box
    share in percent (``statistic="top_box"``) or the mean answer
    (``"mean"``) of the planted population, computed exactly.

    Examples
    --------
    >>> from custlearn import datasets
    >>> print(f"{datasets.journey_what_if('shop', {'rating_delivery': 0.5}).loc['change', 'planted']:+.2f}")
    +4.06
    >>> datasets.journey_what_if("shop", {"delivery": 0.5})
    Traceback (most recent call last):
    ...
    custlearn.DataError: changes names "delivery", which is not a touch-point column of shop. Its touch points are: rating_website_app, rating_checkout, rating_delivery, rating_returns, rating_service_contact.
    """
    from custlearn.datasets import _journey

    scenario = name.name if isinstance(name, Dataset) else _check_scenario(name)
    columns = [f"rating_{t}" for t in _params.SCENARIOS[scenario]["journey"]["touch_points"]]
    if not isinstance(changes, dict) or not changes:
        raise DataError(tr("changes must be a dict of rating column -> change in points, e.g. "
                           '{{"{columns}": 0.5}}, but {changes!r} was given.', columns=columns[0], changes=changes))
    moves = {}
    for column, delta in changes.items():
        if column not in columns:
            raise DataError(tr('changes names "{column}", which is not a touch-point column of '
                               "{scenario}. Its touch points are: {columns}.",
                               column=column, scenario=scenario, columns=", ".join(columns)))
        moves[column[len("rating_"):]] = require_number(delta, argument=f'changes["{column}"]', minimum=-4, maximum=4, example="0.5")
    require_choice(statistic, ["top_box", "mean"], argument="statistic")
    top_box = require_positive_int(top_box, argument="top_box", maximum=4)
    return _journey.what_if(scenario, moves, statistic, top_box)


def describe(name: str, table: str | None = None) -> pd.DataFrame:
    """Data dictionary: table, column, type, unit, meaning.  All people are fictional.

    Examples
    --------
    >>> from custlearn import datasets
    >>> d = datasets.describe("shop", "orders")
    >>> d.loc[d["column"] == "amount", "unit"].item()
    'USD'
    >>> datasets.describe("shop", "order")
    Traceback (most recent call last):
    ...
    custlearn.DataError: The shop dataset has no table "order". Its tables are: "customers", "orders", "surveys", "tickets", "truth", "raw_customers", "raw_orders", "raw_problems", "raw_duplicates".
    """
    _check_scenario(name)
    schema = _schema.schema(name)
    if table is not None:
        _check_table(name, table, list(schema))
    rows = [
        {"table": t, "column": c, "type": k, "unit": u, "meaning": m}
        for t, cols in schema.items()
        if table is None or t == table
        for c, k, u, m in cols
    ]
    return pd.DataFrame(rows)


# --------------------------------------------------------------------------- files


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
        return True
    except ValueError:
        return False


def build(name: str, out: Any, *, customers: int, seed: int, start: Any = "2024-01-01", end: Any = "2025-12-31", locale: str = "en_US", force: bool = False, progress: bool | None = None) -> dict:
    """Generate a scenario and write its CSVs and ``manifest.json`` into the folder ``out``.

    Writes to a temporary folder first and then moves it into place.  Refuses
    to write into the shipped ``datasets/`` folder, or over an existing
    non-empty folder, unless ``force=True``.  Returns the manifest.
    """
    _check_scenario(name)
    out = Path(out)
    if _inside(out, _io.shipped_dir()) and not force:
        raise DataError(
            tr("{out} is inside the shipped datasets folder {shipped_dir}; the lessons depend on those "
               "files. Write somewhere else (--out DIR), or pass --force (force=True) if you really mean "
               "to replace shipped data (then run the manifest test).", out=out, shipped_dir=_io.shipped_dir())
        )
    if out.exists() and not out.is_dir():
        raise DataError(tr("{out} exists and is a file, not a folder. Choose a folder name for --out.", out=out))
    if out.is_dir() and any(out.iterdir()) and not force:
        raise DataError(tr("{out} already exists and is not empty. Choose a new folder, or pass --force "
                           "(force=True) to replace it.", out=out))
    ds = generate(name, customers=customers, seed=seed, start=start, end=end, locale=locale, progress=progress)
    frames = dict(ds._extras)
    frames.update(ds.tables)
    schema = _schema.schema(name)
    frames = {t: frames[t] for t in schema}
    return _io.write_scenario(frames, ds._meta, out)


def ship(out: Any = None, *, scenarios: tuple[str, ...] = SCENARIOS) -> dict:
    """Regenerate every shipped scenario from its recorded seed into ``datasets/`` (``make datasets``)."""
    base = Path(out) if out is not None else _io.shipped_dir()
    result = {}
    for name in scenarios:
        rec = _params.SHIPPED[name]
        result[name] = build(name, base / name, customers=rec["customers"], seed=rec["seed"], start=rec["start"], end=rec["end"], locale=rec["locale"], force=True, progress=False)
    _shipped.cache_clear()
    return result
