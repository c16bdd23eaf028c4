"""The one door for every table of the course: orders, surveys, tickets, customers.

Every lesson module reads its tables through the four readers here
(:func:`read_orders`, :func:`read_surveys`, :func:`read_tickets`,
:func:`read_customers`), so the same input gets the same answer, or the same
:class:`custlearn.DataError`, in every lesson. The rest of a lesson function
then works on clean data and reads like the lesson.

The rules, the same for every table and every lesson
----------------------------------------------------
- **A table is a pandas DataFrame.** A Series, a list or ``None`` is refused
  with the fix.
- **Column names are the caller's.** Each reader takes the names and the
  keyword a caller uses to change them (``customer_col=`` ...), and an error
  names that keyword.
- **Ids** (customer, order, ticket) may be numbers or text, plain, nullable
  (``Int64``) or categorical. A missing id is an error. Where a table is keyed
  by an id (customers by customer id, tickets by ticket id, orders by order id
  when an order column is named) a repeated id is an error.
- **Dates** may be datetimes of any resolution, or text such as
  ``"2025-03-01"``. A timezone-aware column is read in its own local time: the
  zone is dropped and the wall-clock time kept (an order at 23:30 in Shanghai
  falls on that Shanghai day). Dates of orders and surveys are then cut to the
  calendar day: the course counts days. A missing or unreadable date in a
  column that needs one is an error naming the rows; drop them on purpose
  first. Optional date columns (a ticket's ``resolved_at``, a member's join
  date) may be missing.
- **Numbers** (amounts, scores, hours) may be int or float, plain, nullable
  (``Float64``, ``Int64``) or pyarrow-backed; they come back as float64. Text,
  true/false, infinities and (unless the column allows it) missing values are
  errors. A negative amount is a refund: an error unless the function takes
  ``allow_refunds=True``.
- **Scores** must lie on their scale (e.g. whole points from 0 to 10).
  One question's answers passed on their own (a Series, list or array, for
  NPS or CSAT) are read by :func:`read_scores`: numbers (text that reads as a
  number is converted, as ``as_numeric_series`` does), none missing, on the
  scale, not empty.
- **Flags** (``returned``, ``resolved``) are true/false or 1/0.
- **An as_of date** keeps only the rows on or before that day.

These readers are private: learners meet them only through the messages.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from custlearn._errors import DataError
from custlearn._i18n import tr, translated
from custlearn._validate import _examples, _list, as_numeric_series, as_timestamp, require_in_range

__all__ = [
    "Column",
    "Scale",
    "optional_column",
    "read_table",
    "read_orders",
    "read_surveys",
    "read_tickets",
    "read_customers",
    "read_result",
    "read_dates",
    "read_numbers",
    "read_scores",
    "as_days",
]


@dataclass(frozen=True)
class Scale:
    """The answer scale of a score column, e.g. ``Scale(0, 10)`` for likelihood to recommend.

    ``fix`` replaces the usual advice for answers off the scale (e.g. "pass scale= if yours differs").
    """

    low: float
    high: float
    integer: bool = True
    fix: str | None = None


@dataclass(frozen=True)
class Column:
    """What a reader expects of one column.

    ``kind`` is ``"id"``, ``"date"``, ``"day"`` (a date cut to the calendar
    day), ``"number"``, ``"flag"`` or ``"label"`` (any values: categories,
    text). ``argument`` is the keyword the caller uses to name another column;
    ``missing`` is ``"error"`` or ``"keep"``; ``required=False`` lets the column
    be absent. Numbers may carry a ``scale`` and ``negative=False``.
    """

    name: str
    kind: str
    argument: str | None = None
    missing: str = "error"
    required: bool = True
    scale: Scale | None = None
    negative: bool = True
    negative_fix: str | None = None


def optional_column(name: str | None, kind: str, argument: str, *, default: str, **options: Any) -> list[Column]:
    """A column a function uses when the table has it, as a list to spread into a reader's ``extra``.

    Under its usual name (``default``) the column may be absent; a name the
    caller chose must exist (a typo is an error, not a silently empty field);
    ``None`` leaves the column out.

    Examples
    --------
    >>> import pandas as pd
    >>> orders = pd.DataFrame({"customer_id": [1], "order_date": ["2025-01-05"]})
    >>> read_orders(orders, extra=optional_column("margin", "number", "margin_col", default="margin")).columns.tolist()
    ['customer_id', 'order_date']
    >>> read_orders(orders, extra=optional_column("profit", "number", "margin_col", default="margin"))
    Traceback (most recent call last):
    ...
    custlearn.DataError: The column "profit" is not in the orders table. The table has these columns: customer_id, order_date. If your data calls it something else, pass margin_col="<your column name>".
    """
    if name is None:
        return []
    return [Column(name, kind, argument, required=name != default, **options)]


# ---------------------------------------------------------------------------
# one column at a time
# ---------------------------------------------------------------------------


def _frame(df: Any, table: str, min_rows: int) -> pd.DataFrame:
    if not isinstance(df, pd.DataFrame):
        kind = tr("nothing (None)") if df is None else tr("a {kind}", kind=type(df).__name__)
        hint = (
            tr(" A Series is one column; pass the whole table (e.g. shop.orders, not shop.orders['amount']).")
            if isinstance(df, pd.Series) else ""
        )
        raise DataError(
            tr("{table} must be a pandas DataFrame, but {kind} was given.{hint} Pass the table itself, "
               "for example shop.{table} after shop = datasets.load('shop'), or pd.read_csv(...) of your "
               "own file.", table=table, kind=kind, hint=hint)
        )
    if len(df) < min_rows:
        raise DataError(
            tr("The {table} table has {n} rows, but at least {min_rows} is needed. Check the filter "
               "that produced it (a date window or a condition that matched nothing).",
               table=table, n=len(df), min_rows=min_rows) if min_rows == 1 else
            tr("The {table} table has {n} rows, but at least {min_rows} are needed. Check the filter "
               "that produced it (a date window or a condition that matched nothing).",
               table=table, n=len(df), min_rows=min_rows)
        )
    return df


def _missing_error(df: pd.DataFrame, col: str, na: np.ndarray, table: str, what: str) -> DataError:
    rows = df.index[na]
    return DataError(
        tr('The column "{col}" of the {table} table has {n} missing {what} (first at row {rows}), but '
           'every row needs one. Drop those rows on purpose (df.dropna(subset=["{col}"])) or fill them, '
           "then call again.", col=col, table=table, n=int(na.sum()), what=what, rows=_list(rows[:3]))
    )


def _ids(df: pd.DataFrame, col: str, table: str) -> pd.Series:
    s = df[col]
    na = s.isna().to_numpy()
    if na.any():
        raise _missing_error(df, col, na, table, tr("id(s)"))
    if isinstance(s.dtype, pd.CategoricalDtype):
        s = s.astype(s.cat.categories.dtype)
    if pd.api.types.is_float_dtype(s) and (s % 1 == 0).all():
        s = s.astype(np.int64)
    elif pd.api.types.is_integer_dtype(s) and not isinstance(s.dtype, np.dtype):
        s = s.astype(np.int64)  # nullable or pyarrow integers, known to have no missing value here
    return s


def read_dates(df: pd.DataFrame, col: str, *, table: str, missing: str = "error") -> pd.Series:
    """A date column as naive datetimes (text parsed, a timezone dropped, wall time kept).

    Examples
    --------
    >>> import pandas as pd
    >>> orders = pd.DataFrame({"order_date": ["2025-03-01 23:30+08:00", "2025-03-02"]})
    >>> read_dates(orders, "order_date", table="orders").dt.strftime("%Y-%m-%d %H:%M").tolist()
    ['2025-03-01 23:30', '2025-03-02 00:00']
    >>> read_dates(pd.DataFrame({"d": ["2025-03-01", None]}), "d", table="orders")
    Traceback (most recent call last):
    ...
    custlearn.DataError: The column "d" of the orders table has 1 missing date(s) (first at row 1), but every row needs one. ...
    """
    s = df[col]
    if isinstance(s.dtype, pd.CategoricalDtype):
        s = s.astype(object)
    if pd.api.types.is_bool_dtype(s) or pd.api.types.is_numeric_dtype(s):
        raise DataError(
            tr('The column "{col}" of the {table} table should hold dates, but it holds {kind} (dtype '
               '{dtype}). Examples found: {examples}. Convert it with pd.to_datetime(df["{col}"], ...) '
               "using the right unit or format.",
               col=col, table=table, kind=tr("true/false values") if pd.api.types.is_bool_dtype(s) else tr("numbers"),
               dtype=s.dtype, examples=_examples(s.dropna()))
        )
    if not pd.api.types.is_datetime64_any_dtype(s):
        s = _parse_dates(s, col, table)
    if isinstance(s.dtype, pd.DatetimeTZDtype):
        s = s.dt.tz_localize(None)
    elif not isinstance(s.dtype, np.dtype):  # pyarrow timestamps
        s = s.astype("datetime64[ns]")
    if missing == "error":
        na = s.isna().to_numpy()
        if na.any():
            raise _missing_error(df, col, na, table, tr("date(s)"))
    return s


def _parse_dates(s: pd.Series, col: str, table: str) -> pd.Series:
    """Text dates to datetimes; several time zones are each read in their own local time."""
    def parse(values: pd.Series) -> pd.Series:
        try:
            out = pd.to_datetime(values, errors="coerce", format="mixed")
        except (ValueError, TypeError):  # offsets that differ: one value at a time
            out = values.map(lambda v: pd.NaT if pd.isna(v) else _one_date(v))
            return pd.to_datetime(out, errors="coerce")
        return out.dt.tz_localize(None) if isinstance(out.dtype, pd.DatetimeTZDtype) else out

    converted = parse(s)
    bad = s[converted.isna().to_numpy() & s.notna().to_numpy()]
    if len(bad):
        raise DataError(
            tr('The column "{col}" of the {table} table should hold dates, but {n} value(s) cannot be '
               'read as a date: {examples}. Fix or drop those rows, e.g. pd.to_datetime(df["{col}"], '
               'errors="coerce") turns them into NaT.', col=col, table=table, n=len(bad), examples=_examples(bad))
        )
    return converted


def _one_date(value: Any) -> Any:
    try:
        ts = pd.Timestamp(value)
    except (ValueError, TypeError):
        return pd.NaT
    return ts.tz_localize(None) if ts.tzinfo is not None else ts


def as_days(dates: pd.Series) -> pd.Series:
    """Cut datetimes to their calendar day (midnight), keeping the resolution.

    Examples
    --------
    >>> import pandas as pd
    >>> as_days(pd.Series(pd.to_datetime(["2025-03-01 23:30"]))).tolist()
    [Timestamp('2025-03-01 00:00:00')]
    """
    values = dates.to_numpy()
    unit = np.datetime_data(values.dtype)[0]
    days = values.astype("datetime64[D]").astype(f"datetime64[{unit}]")
    return pd.Series(days, index=dates.index, name=dates.name)


def read_scores(values: Any, *, scale: Scale, name: str | None = None) -> pd.Series:
    """One question's answers (a Series, list or array) as float64: not empty, none missing, on the scale.

    For the measures that score one column (NPS, CSAT, CES). ``name`` defaults
    to the Series' name (else ``"scores"``).

    Examples
    --------
    >>> read_scores([9, 10, 3], scale=Scale(0, 10)).tolist()
    [9.0, 10.0, 3.0]
    >>> read_scores(pd.Series([], name="likely_to_recommend", dtype=float), scale=Scale(0, 10))
    Traceback (most recent call last):
    ...
    custlearn.DataError: likely_to_recommend is empty: there are no answers, so there is nothing to score. Check the filter that produced it (a date window or a segment with no survey responses).
    """
    if name is None:
        name = str(getattr(values, "name", None) or "scores")
    s = as_numeric_series(values, name=name)
    if len(s) == 0:
        raise DataError(
            tr("{name} is empty: there are no answers, so there is nothing to score. Check the filter "
               "that produced it (a date window or a segment with no survey responses).", name=name)
        )
    return require_in_range(s, scale.low, scale.high, name=name, integer=scale.integer, fix=scale.fix)


def read_numbers(
    df: pd.DataFrame,
    col: str,
    *,
    table: str,
    missing: str = "error",
    scale: Scale | None = None,
    negative: bool = True,
    negative_fix: str | None = None,
) -> pd.Series:
    """A numeric column as float64, with missing values, infinities and the scale checked.

    Examples
    --------
    >>> import pandas as pd
    >>> orders = pd.DataFrame({"amount": ["12.50", "8"]})
    >>> read_numbers(orders, "amount", table="orders")
    Traceback (most recent call last):
    ...
    custlearn.DataError: The column "amount" of the orders table holds text (dtype str), but numbers are expected. Examples found: '12.50', '8'. Convert it first, e.g. df["amount"] = pd.to_numeric(df["amount"], errors="coerce"), and look at the rows that became NaN.
    >>> read_numbers(pd.DataFrame({"nps": pd.array([9, 11], dtype="Int64")}), "nps",
    ...              table="surveys", scale=Scale(0, 10))
    Traceback (most recent call last):
    ...
    custlearn.DataError: The column "nps" of the surveys table must hold whole numbers from 0 to 10, but 1 value(s) are outside that range: 11.0. ...
    """
    s = _as_float(df[col], col, table)
    na = s.isna().to_numpy()
    if missing == "error" and na.any():
        raise _missing_error(df, col, na, table, tr("value(s)"))
    values = s.to_numpy()
    inf = np.isinf(values)
    if inf.any():
        raise DataError(
            tr('The column "{col}" of the {table} table has {n} infinite value(s) (first at row {index}). '
               "They usually come from dividing by zero upstream: fix the calculation, or replace them "
               "with NaN and drop those rows on purpose.",
               col=col, table=table, n=int(inf.sum()), index=df.index[inf][0])
        )
    if scale is not None:
        _check_scale(s, col, table, scale)
    if not negative and (values < 0).any():
        neg = values < 0
        fix = translated(negative_fix) if negative_fix else tr("Check the sign of those rows, or drop them on purpose.")
        raise DataError(
            tr('The column "{col}" of the {table} table has {n} negative value(s) (first: {values:g} at '
               "row {index}), but values of zero or more are expected here. {fix}",
               col=col, table=table, n=int(neg.sum()), values=values[neg][0], index=df.index[neg][0], fix=fix)
        )
    return s


def _as_float(s: pd.Series, col: str, table: str) -> pd.Series:
    if pd.api.types.is_bool_dtype(s) or not pd.api.types.is_numeric_dtype(s):
        if s.dtype == object and s.dropna().map(_is_number).all():
            s = s.astype(float)
        else:
            kind = tr("true/false values") if pd.api.types.is_bool_dtype(s) else tr("text")
            if pd.api.types.is_datetime64_any_dtype(s):
                kind = tr("dates")
            raise DataError(
                tr('The column "{col}" of the {table} table holds {kind} (dtype {dtype}), but numbers are '
                   'expected. Examples found: {examples}. Convert it first, e.g. df["{col}"] = '
                   'pd.to_numeric(df["{col}"], errors="coerce"), and look at the rows that became NaN.',
                   col=col, table=table, kind=kind, dtype=s.dtype, examples=_examples(s.dropna()))
            )
    if not isinstance(s.dtype, np.dtype):  # nullable or pyarrow: NA becomes NaN
        return pd.Series(s.to_numpy(dtype=np.float64, na_value=np.nan), index=s.index, name=s.name)
    return s.astype(np.float64)


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, (bool, np.bool_))


def _check_scale(s: pd.Series, col: str, table: str, scale: Scale) -> None:
    v = s.dropna()
    outside = (v < scale.low) | (v > scale.high)
    what = tr("whole numbers") if scale.integer else tr("values")
    rng = tr("from {low} to {high}", low=format(scale.low, "g"), high=format(scale.high, "g"))
    fix = translated(scale.fix) if scale.fix else tr("Check the scale of the question (a 1-10 or 0-100 scale "
                                                     "needs converting) and drop or fix those answers.")
    if outside.any():
        raise DataError(
            tr('The column "{col}" of the {table} table must hold {what} {rng}, but {n} value(s) are '
               "outside that range: {examples}. {fix}",
               col=col, table=table, what=what, rng=rng, n=int(outside.sum()), examples=_examples(v[outside]), fix=fix)
        )
    if scale.integer and (v % 1 != 0).any():
        frac = v[v % 1 != 0]
        raise DataError(
            tr('The column "{col}" of the {table} table must hold whole numbers {rng}, but {n} value(s) '
               "have decimals: {examples}. Scores on this scale are whole points, and an average of "
               "scores is not a score: use the answers themselves.",
               col=col, table=table, rng=rng, n=len(frac), examples=_examples(frac))
        )


def _flags(df: pd.DataFrame, col: str, table: str, missing: str) -> pd.Series:
    s = df[col]
    na = s.isna().to_numpy()
    if na.any() and missing == "error":
        raise _missing_error(df, col, na, table, tr("value(s)"))
    present = s[~na]
    ok = pd.api.types.is_bool_dtype(s.dtype) or bool(present.isin([0, 1]).all())
    if not ok:
        raise DataError(
            tr('The column "{col}" of the {table} table must hold true/false (or 1/0) values, but other '
               'values were found: {examples}. Convert it on purpose, e.g. df["{col}"] = '
               'df["{col}"].eq("yes").', col=col, table=table, examples=_examples(present[~present.isin([0, 1])]))
        )
    if na.any():
        return s.astype("boolean")
    return pd.Series(present.astype(bool).to_numpy(), index=s.index, name=s.name)


# ---------------------------------------------------------------------------
# whole tables
# ---------------------------------------------------------------------------


def read_table(
    df: Any,
    columns: Sequence[Column],
    *,
    table: str,
    key: str | None = None,
    min_rows: int = 0,
) -> pd.DataFrame:
    """Check ``df`` against ``columns`` and return a clean copy of just those columns.

    ``key`` names the column that must be unique (one row per id).

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"ticket_id": [1, 1], "opened_at": ["2025-01-02", "2025-01-03"]})
    >>> read_table(t, [Column("ticket_id", "id"), Column("opened_at", "date")],
    ...            table="tickets", key="ticket_id")
    Traceback (most recent call last):
    ...
    custlearn.DataError: The tickets table has 1 repeated id(s) in "ticket_id" (e.g. 1), but one row per id is expected. ...
    """
    df = _frame(df, table, min_rows)
    _require(df, columns, table)
    out = {}
    for c in columns:
        if c.name not in df.columns or c.name in out:
            continue
        out[c.name] = _read_column(df, c, table)
    clean = pd.DataFrame(out, index=df.index)
    if key is not None:
        _unique(clean, key, table)
    return clean


def _require(df: pd.DataFrame, columns: Sequence[Column], table: str) -> None:
    for c in columns:
        if c.required and c.name not in df.columns:
            fix = (tr(' If your data calls it something else, pass {argument}="<your column name>".',
                      argument=c.argument)
                   if c.argument else tr(" Rename your column, or pass the name your data uses."))
            raise DataError(
                tr('The column "{name}" is not in the {table} table. The table has these columns: '
                   "{columns}.{fix}", name=c.name, table=table, columns=_list(df.columns), fix=fix)
            )


def _read_column(df: pd.DataFrame, c: Column, table: str) -> pd.Series:
    if c.kind == "id":
        return _ids(df, c.name, table)
    if c.kind in ("date", "day"):
        s = read_dates(df, c.name, table=table, missing=c.missing)
        return as_days(s) if c.kind == "day" else s
    if c.kind == "number":
        return read_numbers(df, c.name, table=table, missing=c.missing, scale=c.scale,
                            negative=c.negative, negative_fix=c.negative_fix)
    if c.kind == "flag":
        return _flags(df, c.name, table, c.missing)
    if c.kind == "label":
        na = df[c.name].isna().to_numpy()
        if c.missing == "error" and na.any():
            raise _missing_error(df, c.name, na, table, tr("value(s)"))
        return df[c.name]
    raise ValueError(f"unknown column kind {c.kind!r}")  # a programming error, not bad data


def _unique(clean: pd.DataFrame, key: str, table: str) -> None:
    dup = clean[key].duplicated()
    if dup.any():
        raise DataError(
            tr('The {table} table has {n} repeated id(s) in "{key}" (e.g. {examples}), but one row per id '
               'is expected. Remove the repeats on purpose (df.drop_duplicates("{key}") if they are exact '
               "copies; lesson 01 shows how to merge real duplicates).",
               table=table, n=int(dup.sum()), key=key, examples=_examples(clean.loc[dup, key], 1))
        )


def _cut(clean: pd.DataFrame, date_col: str, as_of: Any) -> pd.DataFrame:
    if as_of is None:
        return clean
    end = as_timestamp(as_of, argument="as_of").normalize()
    keep = clean[date_col] <= end
    return clean if keep.all() else clean[keep.to_numpy()]




def read_orders(
    orders: Any,
    *,
    customer_col: str = "customer_id",
    date_col: str | None = "order_date",
    amount_col: str | None = None,
    order_col: str | None = None,
    as_of: Any = None,
    allow_refunds: bool = False,
    extra: Iterable[Column] = (),
    min_rows: int = 0,
    arguments: Mapping[str, str] | None = None,
) -> pd.DataFrame:
    """The checked orders: ids, the calendar day of each order, amounts as float64.

    Only the named columns come back (in the caller's names), cut to ``as_of``
    when it is given. ``date_col=None`` reads no date (for a measure that only
    counts orders or sums amounts; ``as_of`` then cannot be used). ``arguments`` maps a role (``"amount"``, ``"date"`` ...)
    to the keyword a function uses for it, if not the usual ``amount_col`` ...

    Examples
    --------
    >>> import pandas as pd
    >>> orders = pd.DataFrame({"customer_id": [1, 2, 2],
    ...     "order_date": ["2025-01-05", "2025-01-06 18:00", "2025-02-01"],
    ...     "amount": [10, 20.5, 7]})
    >>> read_orders(orders, amount_col="amount", as_of="2025-01-31")
       customer_id order_date  amount
    0            1 2025-01-05    10.0
    1            2 2025-01-06    20.5
    >>> read_orders(orders.assign(amount=[10, -5, 7]), amount_col="amount", allow_refunds=False)
    Traceback (most recent call last):
    ...
    custlearn.DataError: The column "amount" of the orders table has 1 negative value(s) (first: -5 at row 1), but values of zero or more are expected here. If these rows are refunds or returns, pass allow_refunds=True ...
    """
    args = {"customer": "customer_col", "date": "date_col", "amount": "amount_col", "order": "order_col",
            **(arguments or {})}
    columns = [Column(customer_col, "id", args["customer"])]
    if date_col is not None:
        columns.append(Column(date_col, "day", args["date"]))
    if amount_col is not None:
        columns.append(Column(amount_col, "number", args["amount"], negative=allow_refunds,
                              negative_fix=tr(
                                  "If these rows are refunds or returns, pass allow_refunds=True to net them into the "
                                  "customer's spend; if they are errors, drop them first "
                                  '(orders[orders["{col}"] >= 0]).', col=amount_col)))
    if order_col is not None:
        columns.append(Column(order_col, "id", args["order"]))
    clean = read_table(orders, [*columns, *extra], table="orders", key=order_col, min_rows=min_rows)
    return _cut(clean, date_col, as_of) if date_col is not None else clean


def read_surveys(
    surveys: Any,
    *,
    customer_col: str | None = "customer_id",
    date_col: str | None = None,
    scores: Mapping[str, Scale] | None = None,
    numbers: Iterable[str] = (),
    as_of: Any = None,
    missing: str = "error",
    extra: Iterable[Column] = (),
    min_rows: int = 0,
    arguments: Mapping[str, str] | None = None,
) -> pd.DataFrame:
    """The checked survey answers: ids, survey day, scores on their scale.

    ``scores`` maps a column to its :class:`Scale`; ``numbers`` are numeric
    columns with no fixed scale. ``missing="keep"`` lets scores be blank (an
    unanswered question).

    Examples
    --------
    >>> import pandas as pd
    >>> s = pd.DataFrame({"customer_id": [1, 2], "likely_to_recommend": [9, "ten"]})
    >>> read_surveys(s, scores={"likely_to_recommend": Scale(0, 10)})
    Traceback (most recent call last):
    ...
    custlearn.DataError: The column "likely_to_recommend" of the surveys table holds text (dtype object), but numbers are expected. ...
    """
    args = {"customer": "customer_col", "date": "survey_date_col", **(arguments or {})}
    columns = []
    if customer_col is not None:
        columns.append(Column(customer_col, "id", args["customer"]))
    if date_col is not None:
        columns.append(Column(date_col, "day", args["date"]))
    for col, scale in (scores or {}).items():
        columns.append(Column(col, "number", args.get(col), missing=missing, scale=scale))
    for col in numbers:
        columns.append(Column(col, "number", args.get(col), missing=missing))
    clean = read_table(surveys, [*columns, *extra], table="surveys", min_rows=min_rows)
    return _cut(clean, date_col, as_of) if date_col is not None else clean


def read_tickets(
    tickets: Any,
    *,
    customer_col: str | None = "customer_id",
    opened_col: str | None = "opened_at",
    ticket_col: str | None = None,
    as_of: Any = None,
    extra: Iterable[Column] = (),
    min_rows: int = 0,
    arguments: Mapping[str, str] | None = None,
) -> pd.DataFrame:
    """The checked service tickets: ids, the time each was opened (not cut to the day), extras.

    With ``as_of``, the tickets opened on or before that day are kept: the
    whole day, up to midnight at its end (a ticket opened at 15:00 on the
    as_of day counts), as orders and surveys of that day count.

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"customer_id": [1, None], "opened_at": ["2025-01-02", "2025-01-03"]})
    >>> read_tickets(t)
    Traceback (most recent call last):
    ...
    custlearn.DataError: The column "customer_id" of the tickets table has 1 missing id(s) (first at row 1), but every row needs one. ...
    """
    args = {"customer": "customer_col", "opened": "opened_col", "ticket": "ticket_col", **(arguments or {})}
    columns = [Column(opened_col, "date", args["opened"])] if opened_col is not None else []
    if customer_col is not None:
        columns.insert(0, Column(customer_col, "id", args["customer"]))
    if ticket_col is not None:
        columns.append(Column(ticket_col, "id", args["ticket"]))
    clean = read_table(tickets, [*columns, *extra], table="tickets", key=ticket_col, min_rows=min_rows)
    if as_of is None or opened_col is None:
        return clean
    end = as_timestamp(as_of, argument="as_of").normalize() + pd.Timedelta(days=1)  # the whole as_of day
    return clean[(clean[opened_col] < end).to_numpy()]


def read_customers(
    customers: Any,
    *,
    customer_col: str = "customer_id",
    signup_col: str | None = None,
    extra: Iterable[Column] = (),
    min_rows: int = 0,
    arguments: Mapping[str, str] | None = None,
) -> pd.DataFrame:
    """The checked customers table: one row per customer id, sign-up day read.

    Examples
    --------
    >>> import pandas as pd
    >>> c = pd.DataFrame({"customer_id": [1, 2, 2], "signup_date": ["2024-01-01"] * 3})
    >>> read_customers(c, signup_col="signup_date")
    Traceback (most recent call last):
    ...
    custlearn.DataError: The customers table has 1 repeated id(s) in "customer_id" (e.g. 2), but one row per id is expected. ...
    """
    args = {"customer": "customer_col", "signup": "signup_col", **(arguments or {})}
    columns = [Column(customer_col, "id", args["customer"])]
    if signup_col is not None:
        columns.append(Column(signup_col, "day", args["signup"]))
    return read_table(customers, [*columns, *extra], table="customers", key=customer_col, min_rows=min_rows)


def read_result(
    df: Any,
    columns: Sequence[Column],
    *,
    table: str,
    made_by: str,
    key: str | None = None,
    min_rows: int = 0,
) -> pd.DataFrame:
    """A table that another custlearn function made (``km`` of ``kaplan_meier`` ...), read like data.

    The same rule as :func:`read_table`; only the first message differs: a
    value that is not a DataFrame is told which function makes the table.

    Examples
    --------
    >>> read_result([0.5, 0.2], [Column("survival", "number")], table="km", made_by="kaplan_meier")
    Traceback (most recent call last):
    ...
    custlearn.DataError: km must be the table that kaplan_meier returns (a pandas DataFrame), but a list was given. Make it first, e.g. km = kaplan_meier(...), and pass it whole.
    """
    if not isinstance(df, pd.DataFrame):
        kind = tr("nothing (None)") if df is None else tr("a {kind}", kind=type(df).__name__)
        raise DataError(
            tr("{table} must be the table that {made_by} returns (a pandas DataFrame), but {kind} was "
               "given. Make it first, e.g. {table} = {made_by}(...), and pass it whole.",
               table=table, made_by=made_by, kind=kind)
        )
    return read_table(df, columns, table=table, key=key, min_rows=min_rows)
