"""Lesson 08 (cases, 案例分析与实操): small estimators the capstone cases need.

08b, the cafe: *did the points membership make guests come more often?*
Guests choose to join, and frequent guests join far more often, so the naive
member / non-member gap mostly shows **who joins**, not what the membership
does (self-selection). Two better comparisons use each member's own
behaviour before joining:

- **matching on pre-join behaviour** (Rosenbaum & Rubin 1983, 1985): each
  member is compared with non-members who were guests in the same weeks, first
  came in about the same weeks and visited about as often before the member
  joined; the effect is the ratio of the visit rates after joining;
- **difference-in-differences** (Angrist & Pischke 2009, ch. 5): the member's
  change from before to after joining, divided by the same change of the
  matched non-members in the same calendar weeks, which removes what changes
  for everybody (seasons, guests drifting away).

Functions: :func:`visit_rates` (per guest, for the naive gap),
:func:`membership_did` (the matched before/after table) and
:func:`effect_estimates` (naive, matched and difference-in-differences
effects with bootstrap intervals).

08c, the bank: *what drives account closures?* :func:`rate_model` fits a
closure-rate (Poisson) model with each account's time open as exposure and
gives a rate ratio per unit of each driver, with its 95% interval.

08a, the shop, needs no estimator of its own: it combines lessons 02-07.
Every table is read once, at the door, by :mod:`custlearn._tables`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from custlearn._errors import DataError
from custlearn._i18n import tr
from custlearn._stats import percentile_bounds
from custlearn._tables import Column, read_customers, read_orders, read_result, read_table
from custlearn._validate import as_timestamp, require_confidence, require_flag, require_positive_int

__all__ = ["visit_rates", "membership_did", "effect_estimates", "rate_model"]


def _guests(customers: Any, orders: Any, as_of: Any, customer_col: str, date_col: str,
            member_col: str) -> tuple[pd.Series, pd.DataFrame, pd.Timestamp]:
    """The join day of every customer (NaT for non-members), the visits up to ``as_of``, and the last day."""
    clean = read_customers(customers, customer_col=customer_col, min_rows=1,
                           extra=[Column(member_col, "day", "member_col", missing="keep")])
    joined = pd.Series(clean[member_col].to_numpy(), index=clean[customer_col].to_numpy(), name=member_col)
    as_of = None if as_of is None else as_timestamp(as_of).normalize()
    visits = read_orders(orders, customer_col=customer_col, date_col=date_col, as_of=as_of, min_rows=1)
    visits = visits.rename(columns={customer_col: "customer", date_col: "date"})
    if visits.empty:
        raise DataError(tr("orders has no visit on or before as_of. Check as_of and the date column."))
    end = visits["date"].max() if as_of is None else as_of
    return joined, visits, end


def visit_rates(customers: pd.DataFrame, orders: pd.DataFrame, *, as_of: Any = None,
                customer_col: str = "customer_id", date_col: str = "order_date",
                member_col: str = "member_since") -> pd.DataFrame:
    """Visits per week of every guest since the first visit, with the membership flag.

    Lesson 08b. The naive comparison of members and non-members uses this
    table: a guest's visit rate is

        visits_per_week = visits / weeks, weeks = (as_of - first visit + 1 day) / 7

    counted from the guest's first visit (so recent guests are not penalised
    for the weeks before they came), up to ``as_of``. ``member`` is True if the
    guest joined on or before ``as_of``. Guests without a visit are left out.

    Parameters
    ----------
    customers : DataFrame
        One row per customer with ``customer_col`` and the join date
        ``member_col`` (missing for non-members).
    orders : DataFrame
        One row per visit with ``customer_col`` and ``date_col``.
    as_of : date, optional
        Last day counted; default the last visit in ``orders``.

    Returns
    -------
    DataFrame
        Indexed by ``customer_col``: ``first_visit``, ``visits``, ``weeks``,
        ``visits_per_week``, ``member``.

    Raises
    ------
    DataError
        Missing columns, dates that are not dates, no visits up to ``as_of``.

    Examples
    --------
    >>> import pandas as pd
    >>> customers = pd.DataFrame({"customer_id": [1, 2],
    ...                           "member_since": pd.to_datetime(["2024-01-08", None])})
    >>> orders = pd.DataFrame({"customer_id": [1, 1, 1, 2],
    ...                        "order_date": pd.to_datetime(["2024-01-01", "2024-01-05", "2024-01-10",
    ...                                                      "2024-01-08"])})
    >>> rates = visit_rates(customers, orders, as_of="2024-01-14")
    >>> [round(x, 3) for x in rates["visits_per_week"]], rates["member"].tolist()
    ([1.5, 1.0], [True, False])
    >>> visit_rates(pd.concat([customers, customers]), orders)
    Traceback (most recent call last):
    ...
    custlearn.DataError: The customers table has 2 repeated id(s) in "customer_id" (e.g. 1), but one row per id is expected. ...
    """
    joined, visits, end = _guests(customers, orders, as_of, customer_col, date_col, member_col)
    per = visits.groupby("customer")["date"].agg(first_visit="min", visits="size")
    per["weeks"] = ((end - per["first_visit"]).dt.days + 1) / 7
    per["visits_per_week"] = per["visits"] / per["weeks"]
    since = joined.reindex(per.index)
    per["member"] = (since.notna() & (since <= end)).to_numpy()
    per.index.name = customer_col
    return per


def membership_did(customers: pd.DataFrame, orders: pd.DataFrame, *, post_weeks: int = 13,
                   tolerance: int = 1, cohort_weeks: int = 4, as_of: Any = None, start: Any = None,
                   customer_col: str = "customer_id", date_col: str = "order_date",
                   member_col: str = "member_since") -> pd.DataFrame:
    """Each member's visits before and after joining, next to matched non-members in the same weeks.

    Lesson 08b: a before/after comparison with a comparison group
    (difference-in-differences, Angrist & Pischke 2009) whose comparison guests
    are matched on behaviour before joining (Rosenbaum & Rubin 1985). Time is
    counted in whole weeks from ``start``. For a member who first visited in
    week f and joined in week J:

    - **before** = the weeks f+1 ... J-1 (the first visit's week is left out:
      every guest has a visit there by definition), ``pre_weeks`` = J-1-f;
    - **after** = the weeks J ... J + post_weeks - 1.

    The member's **comparison guests** are the non-members (not joined by
    ``as_of``) who first visited within ``cohort_weeks`` weeks of week f and
    no later than f, whose visits *before* differ from the member's by at
    most ``tolerance``. Member and comparison guests must also visit at least
    once in week J or later: a member was by definition still a guest when
    joining, so guests who had already stopped coming are no fair comparison.
    Members with fewer than 2 weeks before, with an *after* window that passes
    ``as_of``, or without any comparison guest are left out.

    Parameters
    ----------
    customers, orders : DataFrame
        As in :func:`visit_rates`.
    post_weeks : int
        Length of the *after* window in weeks (default 13, a quarter).
    tolerance : int
        Largest difference in visits *before* between a member and a comparison guest (0 = exact).
    cohort_weeks : int
        Comparison guests first visited at most this many weeks before the member did.
    as_of, start : date, optional
        End and start of the data; default the last and the first visit.

    Returns
    -------
    DataFrame
        One row per matched member, indexed by ``customer_col``: ``join_week``
        (first day of the week of joining; weeks counted from ``start``), ``pre_weeks``, ``pre_visits``,
        ``post_visits``, ``controls`` (number of comparison guests),
        ``control_pre_visits`` and ``control_post_visits`` (their mean
        visits in the same weeks).

    Raises
    ------
    DataError
        Missing columns, bad dates, ``post_weeks`` < 1, negative ``tolerance``
        or ``cohort_weeks``, no member who can be matched.

    Examples
    --------
    >>> import pandas as pd
    >>> customers = pd.DataFrame({"customer_id": [1, 2, 3],
    ...                           "member_since": pd.to_datetime(["2024-01-29", None, None])})
    >>> week = lambda *w: [pd.Timestamp("2024-01-01") + pd.Timedelta(weeks=k) for k in w]
    >>> orders = pd.DataFrame({"customer_id": [1] * 5 + [2] * 4 + [3] * 2,
    ...                        "order_date": week(0, 1, 3, 4, 5) + week(0, 2, 3, 5) + week(0, 1)})
    >>> did = membership_did(customers, orders, post_weeks=2, tolerance=0, cohort_weeks=0)
    >>> did[["pre_weeks", "pre_visits", "post_visits", "controls", "control_post_visits"]].to_dict("records")
    [{'pre_weeks': 3, 'pre_visits': 2, 'post_visits': 2, 'controls': 1, 'control_post_visits': 1.0}]
    """
    post_weeks = require_positive_int(post_weeks, argument="post_weeks")
    tolerance = require_positive_int(tolerance, argument="tolerance", minimum=0)
    cohort_weeks = require_positive_int(cohort_weeks, argument="cohort_weeks", minimum=0)
    joined, visits, end = _guests(customers, orders, as_of, customer_col, date_col, member_col)
    start = visits["date"].min() if start is None else as_timestamp(start, argument="start").normalize()
    weeks = _weekly_visits(joined, visits[(visits["date"] >= start).to_numpy()], start, end)
    rows = []
    for i in np.flatnonzero(weeks.is_member & (weeks.total > 0)):
        row = _match(weeks, int(i), post_weeks, tolerance, cohort_weeks)
        if row is not None:
            rows.append({customer_col: weeks.ids[i], **row})
    if not rows:
        raise DataError(tr("No member could be matched: each needs at least 2 weeks between the first "
                           "visit and joining, an after-window that ends by as_of and a comparison guest. Try a shorter "
                           "post_weeks or a larger tolerance or cohort_weeks."))
    return pd.DataFrame(rows).set_index(customer_col)


@dataclass(frozen=True)
class _Weeks:
    """Every guest's visits per week since ``start`` (cumulated), first week, and week of joining."""

    ids: np.ndarray
    start: pd.Timestamp
    cum: np.ndarray         # guests x (weeks + 1): visits before the start of each week
    total: np.ndarray       # all visits
    first: np.ndarray       # week of the first visit (huge if none)
    is_member: np.ndarray   # joined by the end of the data
    join_week: np.ndarray   # week of joining (-1 for non-members)
    last_week: int          # the week holding the last day of the data


def _weekly_visits(joined: pd.Series, visits: pd.DataFrame, start: pd.Timestamp, end: pd.Timestamp) -> _Weeks:
    """Count each guest's visits in whole weeks from ``start``; weeks are the clock of the comparison."""
    last_week = int((end - start).days // 7)
    ids = np.union1d(joined.index.to_numpy(), visits["customer"].unique())
    row = pd.Series(np.arange(len(ids)), index=ids)
    counts = np.zeros((len(ids), last_week + 1), dtype=np.int64)
    np.add.at(counts, (row[visits["customer"].to_numpy()].to_numpy(),
                       ((visits["date"] - start).dt.days // 7).to_numpy()), 1)
    cum = np.concatenate([np.zeros((len(ids), 1), dtype=np.int64), counts.cumsum(axis=1)], axis=1)
    total = cum[:, -1]
    first = np.where(total > 0, counts.argmax(axis=1), np.iinfo(np.int64).max // 2)
    since = joined.reindex(ids)
    is_member = (since.notna() & (since <= end)).to_numpy()
    join_week = np.full(len(ids), -1)
    join_week[is_member] = ((since[is_member] - start).dt.days // 7).to_numpy()
    return _Weeks(ids, start, cum, total, first, is_member, join_week, last_week)


def _match(w: _Weeks, i: int, post_weeks: int, tolerance: int, cohort_weeks: int) -> dict[str, Any] | None:
    """Member i's before/after visits next to its comparison guests, or None if it cannot be matched."""
    f, j = int(w.first[i]), int(w.join_week[i])
    a, b = f + 1, j + post_weeks  # before = weeks a..j-1, after = weeks j..b-1
    if j - a < 2 or b > w.last_week + 1 or w.total[i] - w.cum[i, j] == 0:
        return None
    before = w.cum[:, j] - w.cum[:, a]
    still = (w.total - w.cum[:, j]) > 0   # still a guest at joining: visits in week j or later
    peers = (~w.is_member & still & (w.first <= f) & (w.first >= f - cohort_weeks)
             & (np.abs(before - before[i]) <= tolerance))
    if not peers.any():
        return None
    return {"join_week": w.start + pd.Timedelta(weeks=j), "pre_weeks": j - a,
            "pre_visits": int(before[i]), "post_visits": int(w.cum[i, b] - w.cum[i, j]),
            "controls": int(peers.sum()), "control_pre_visits": float(before[peers].mean()),
            "control_post_visits": float((w.cum[peers, b] - w.cum[peers, j]).mean())}


def _naive(rates: pd.DataFrame) -> float:
    m = rates["visits_per_week"].to_numpy()[rates["member"].to_numpy()]
    n = rates["visits_per_week"].to_numpy()[~rates["member"].to_numpy()]
    return float(m.mean() / n.mean())


def _ratios(did: pd.DataFrame) -> tuple[float, float]:
    post = did["post_visits"].sum() / did["control_post_visits"].sum()
    pre = did["pre_visits"].sum() / did["control_pre_visits"].sum()
    return float(post), float(post / pre)


def effect_estimates(rates: pd.DataFrame, did: pd.DataFrame, *, n_boot: int = 1000, seed: int = 0,
                     confidence: float = 0.95) -> pd.DataFrame:
    """Naive, matched and difference-in-differences effects of membership, with bootstrap intervals.

    Lesson 08b. All three are multipliers of the visit rate (1.05 = +5 %):

    - **naive** = mean visits per week of members / of non-members (``rates``
      from :func:`visit_rates`);
    - **matched** = sum of the members' visits after joining / sum of their
      comparison guests' mean visits in the same weeks (``did`` from
      :func:`membership_did`);
    - **difference-in-differences** = matched ratio after / matched ratio
      before (the before ratio is 1 when the matching is exact).

    Intervals are percentile bootstraps (Efron & Tibshirani 1993, *An
    Introduction to the Bootstrap*): guests are resampled with replacement
    within members and non-members (naive), matched members with their
    comparison means (matched, difference-in-differences), ``n_boot`` times
    with a fixed ``seed``.

    Parameters
    ----------
    rates : DataFrame
        From :func:`visit_rates`: ``visits_per_week`` and ``member`` (True/False).
    did : DataFrame
        From :func:`membership_did`: ``pre_visits``, ``post_visits``,
        ``control_pre_visits``, ``control_post_visits``.
    n_boot : int
        Bootstrap samples.
    seed : int
        Seed of the random draws (the same seed gives the same intervals).
    confidence : float
        Confidence level of the intervals, strictly between 0 and 1.

    Returns
    -------
    DataFrame
        Index ``estimate`` (naive, matched, difference-in-differences); columns
        ``effect``, ``lower``, ``upper`` and ``members`` (members used).

    Raises
    ------
    DataError
        Missing columns, no member or no non-member, ``confidence`` outside (0, 1).

    Examples
    --------
    >>> import pandas as pd
    >>> rates = pd.DataFrame({"visits_per_week": [1.0, 2.0, 0.5, 1.0], "member": [True, True, False, False]})
    >>> did = pd.DataFrame({"pre_visits": [4, 2], "post_visits": [3, 3],
    ...                     "control_pre_visits": [4.0, 2.0], "control_post_visits": [2.0, 2.0]})
    >>> est = effect_estimates(rates, did, n_boot=200, seed=1)
    >>> est["effect"].round(3).tolist(), est["members"].tolist()
    ([2.0, 1.5, 1.5], [2, 2, 2])
    >>> effect_estimates(rates, did, confidence=95)
    Traceback (most recent call last):
    ...
    custlearn.DataError: confidence must be a fraction strictly between 0 and 1, e.g. confidence=0.95, but 95 was given. Give a fraction, not a percentage: 0.95, not 95.
    """
    rates = read_result(rates, [Column("visits_per_week", "number", negative=False), Column("member", "flag")],
                        table="rates", made_by="visit_rates")
    did = read_result(did, [Column(c, "number", negative=False) for c in _DID_COLUMNS], table="did",
                      made_by="membership_did", min_rows=1)
    n_boot = require_positive_int(n_boot, argument="n_boot")
    seed = require_positive_int(seed, argument="seed", minimum=0)
    confidence = require_confidence(confidence)
    member = rates["member"].to_numpy()
    if member.all() or not member.any():
        raise DataError(tr("rates must hold both members and non-members (the column 'member' has only "
                           "{only}).", only="True" if member.all() else "False"))
    rng = np.random.default_rng(seed)
    naive_boot = _naive_draws(rates, rng, n_boot)
    post_boot, did_boot = _matched_draws(did, rng, n_boot)
    post, diff = _ratios(did)
    table = pd.DataFrame(
        [[_naive(rates), *percentile_bounds(naive_boot, confidence), int(member.sum())],
         [post, *percentile_bounds(post_boot, confidence), len(did)],
         [diff, *percentile_bounds(did_boot, confidence), len(did)]],
        columns=["effect", "lower", "upper", "members"],
        index=pd.Index(["naive", "matched", "difference-in-differences"], name="estimate"))
    table["members"] = table["members"].astype(int)
    return table


#: The columns of a matched before/after table (:func:`membership_did`).
_DID_COLUMNS = ["pre_visits", "post_visits", "control_pre_visits", "control_post_visits"]


def _naive_draws(rates: pd.DataFrame, rng: np.random.Generator, n_boot: int) -> np.ndarray:
    """Bootstrap the naive ratio: resample guests within members and within non-members."""
    member = rates["member"].to_numpy()
    v = rates["visits_per_week"].to_numpy(dtype=float)
    vm, vn = v[member], v[~member]
    return np.array([rng.choice(vm, len(vm)).mean() / rng.choice(vn, len(vn)).mean() for _ in range(n_boot)])


def _matched_draws(did: pd.DataFrame, rng: np.random.Generator, n_boot: int) -> tuple[np.ndarray, np.ndarray]:
    """Bootstrap the matched and difference-in-differences ratios: resample matched members."""
    cols = did[_DID_COLUMNS].to_numpy(dtype=float)
    idx = rng.integers(0, len(cols), size=(n_boot, len(cols)))
    sums = cols[idx].sum(axis=1)  # n_boot x 4
    post_boot = sums[:, 1] / sums[:, 3]
    return post_boot, post_boot / (sums[:, 0] / sums[:, 2])


def rate_model(
    frame: pd.DataFrame,
    columns: list[str],
    *,
    event: str = "churned",
    days_col: str = "duration_days",
    exposure: bool = True,
) -> pd.DataFrame:
    """Closure-rate (Poisson) model: how much each driver changes the rate of an event.

    Lesson 08, case 08c (the bank). Each row is one account, observed for
    ``days_col`` days (its *exposure*), with ``event`` True if it closed. The
    model says the closure rate per year is::

        rate = exp(b0 + b1 * x1 + b2 * x2 + ...)

    so ``exp(b_k)`` is the **rate ratio**: how many times the closure rate
    changes per one unit more of driver *k* (0.75 = 25% fewer closures per
    point), holding the others fixed. Fitting counts with exposure is the
    standard Poisson regression for rates (Cameron & Trivedi 2013,
    *Regression Analysis of Count Data*, ch. 3); standard errors come from the
    inverse Fisher information, the interval is ``exp(b ± 1.96 se)``.
    Machinery: scikit-learn's ``PoissonRegressor`` without penalty.

    Parameters
    ----------
    frame : DataFrame
        One row per account.
    columns : list of str
        The drivers (numbers; True/False columns as 0/1).
    event : str
        True/False (or 0/1) column: the account closed while observed.
    days_col : str
        Days each account was observed (at least 1 is used).
    exposure : bool
        False fits the event as if every account were observed equally long
        (shown in the case as the mistake it is).

    Returns
    -------
    DataFrame
        One row per driver: ``b``, ``se``, ``rate_ratio``, ``lower``, ``upper``.

    Raises
    ------
    DataError
        No driver, a missing column, text or missing values in a driver, an
        event that is not True/False, negative days.

    Examples
    --------
    >>> import pandas as pd
    >>> frame = pd.DataFrame({"attitude": [1, 1, 2, 2, 3, 3, 4, 4],
    ...                       "churned": [1, 1, 1, 0, 1, 0, 0, 0],
    ...                       "duration_days": [200, 300, 365, 365, 300, 365, 365, 365]})
    >>> rate_model(frame, ["attitude"])["rate_ratio"].round(2).tolist()  # statsmodels GLM: 0.4367
    [0.44]
    >>> rate_model(frame.assign(attitude=["low", "low", "mid", "mid", "high", "high", "top", "top"]), ["attitude"])
    Traceback (most recent call last):
    ...
    custlearn.DataError: The column "attitude" of the frame table holds text (dtype ...), but numbers are expected. ...
    """
    from sklearn.linear_model import PoissonRegressor

    columns = [columns] if isinstance(columns, str) else list(columns)
    if not columns:
        raise DataError(tr("columns is empty: name at least one driver, e.g. ['staff_attitude']."))
    exposure = require_flag(exposure, argument="exposure")
    frame = _read_accounts(frame, columns, event, days_col if exposure else None)
    x = frame[columns].to_numpy(float)
    years = frame[days_col].clip(lower=1).to_numpy(float) / 365.25 if exposure else np.ones(len(frame))
    y = frame[event].to_numpy(float)
    fit = PoissonRegressor(alpha=0, tol=1e-10, max_iter=1000).fit(x, y / years, sample_weight=years)
    design = np.column_stack([np.ones(len(x)), x])
    expected = years * fit.predict(x)
    se = np.sqrt(np.diag(np.linalg.inv(design.T @ (design * expected[:, None]))))[1:]
    return pd.DataFrame(
        {"b": fit.coef_, "se": se, "rate_ratio": np.exp(fit.coef_),
         "lower": np.exp(fit.coef_ - 1.96 * se), "upper": np.exp(fit.coef_ + 1.96 * se)},
        index=pd.Index(columns, name="per one unit of"),
    )


def _read_accounts(frame: Any, columns: list[str], event: str, days_col: str | None) -> pd.DataFrame:
    """The drivers (numbers, or True/False read as 1/0), the event flag and the days observed."""
    def driver(name: str) -> Column:
        flag = isinstance(frame, pd.DataFrame) and name in frame and pd.api.types.is_bool_dtype(frame[name])
        return Column(name, "flag" if flag else "number")

    spec = [*(driver(c) for c in columns), Column(event, "flag", "event")]
    if days_col is not None:
        spec.append(Column(days_col, "number", "days_col", negative=False))
    return read_table(frame, spec, table="frame")
