"""Input checks shared by every public function of custlearn.

Every check raises :class:`DataError` (a ``ValueError``) with a message a
learner can act on: *which* column or argument, *what was found*, *what was
expected* and *how to fix it*.  The model is the Data 8 ``datascience``
package: 'The column "X" is not in the table. The table contains these
columns: ...'.

Functions here return the (possibly converted) value they checked, so a
public function can write::

    orders = require_columns(orders, [customer_col, date_col], table="orders")
    dates = require_datetime(orders, date_col, table="orders")
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
import pandas as pd

from custlearn._errors import DataError
from custlearn._i18n import tr

__all__ = [
    "DataError",
    "require_frame",
    "require_columns",
    "require_numeric",
    "require_datetime",
    "require_no_missing",
    "require_in_range",
    "require_choice",
    "require_positive_int",
    "require_number",
    "require_positive",
    "require_fraction",
    "require_confidence",
    "require_window",
    "require_flag",
    "as_timestamp",
    "as_numeric_series",
]


def _list(values: Iterable[Any], limit: int = 25) -> str:
    values = [str(v) for v in values]
    shown = ", ".join(values[:limit])
    if len(values) > limit:
        shown += f", ... ({len(values) - limit} more)"
    return shown or "(none)"


def _show(value: Any) -> str:
    """A value as a learner would type it: 'text' quoted, numbers plain."""
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        try:
            value = value.item()
        except (ValueError, AttributeError):
            pass
    if isinstance(value, pd.Timestamp):
        return str(value.date()) if value == value.normalize() else str(value)
    return repr(value) if isinstance(value, str) else str(value)


def _examples(values: pd.Series, limit: int = 3) -> str:
    return _list([_show(v) for v in pd.unique(np.asarray(values, dtype=object))[:limit]], limit)


def require_frame(df: Any, *, table: str = "table", min_rows: int = 1) -> pd.DataFrame:
    """Check that ``df`` is a DataFrame with at least ``min_rows`` rows.

    Examples
    --------
    >>> require_frame([1, 2], table="orders")
    Traceback (most recent call last):
    ...
    custlearn.DataError: orders must be a pandas DataFrame, but a list was given. ...
    """
    if not isinstance(df, pd.DataFrame):
        kind = type(df).__name__
        raise DataError(
            tr("{table} must be a pandas DataFrame, but a {kind} was given. Pass the table itself, for "
               "example shop.{table} after shop = datasets.load('shop'), or pd.read_csv(...) of your own "
               "file.", table=table, kind=kind)
        )
    if len(df) < min_rows:
        raise DataError(
            tr("{table} has {n} rows, but at least {min_rows} is needed. Check the filter that "
               "produced it (a date window or a condition that matched nothing).",
               table=table, n=len(df), min_rows=min_rows) if min_rows == 1 else
            tr("{table} has {n} rows, but at least {min_rows} are needed. Check the filter that "
               "produced it (a date window or a condition that matched nothing).",
               table=table, n=len(df), min_rows=min_rows)
        )
    return df


def require_columns(
    df: pd.DataFrame,
    columns: str | Sequence[str],
    *,
    table: str = "table",
    argument: str | None = None,
) -> pd.DataFrame:
    """Check that every column in ``columns`` is in ``df``.

    ``argument`` names the keyword the caller can use to point at another
    column (for example ``"amount_col"``); it is mentioned in the fix.

    Examples
    --------
    >>> import pandas as pd
    >>> orders = pd.DataFrame({"customer_id": [1], "total": [9.5]})
    >>> require_columns(orders, ["customer_id", "amount"], table="orders",
    ...                 argument="amount_col")
    Traceback (most recent call last):
    ...
    custlearn.DataError: The column "amount" is not in the orders table. The table has these columns: customer_id, total. If your data calls it something else, pass amount_col="<your column name>".
    """
    require_frame(df, table=table, min_rows=0)
    if isinstance(columns, str):
        columns = [columns]
    missing = [c for c in columns if c not in df.columns]
    if missing:
        names = ", ".join(f'"{c}"' for c in missing)
        fix = (
            tr(' If your data calls it something else, pass {argument}="<your column name>".', argument=argument)
            if argument
            else tr(" Rename your column, or pass the name your data uses.")
        )
        fields = dict(names=names, table=table, columns=_list(df.columns), fix=fix)
        raise DataError(
            tr("The columns {names} are not in the {table} table. The table has these columns: {columns}.{fix}",
               **fields) if len(missing) > 1 else
            tr("The column {names} is not in the {table} table. The table has these columns: {columns}.{fix}",
               **fields)
        )
    return df


def require_numeric(df: pd.DataFrame, column: str, *, table: str = "table") -> pd.Series:
    """Return ``df[column]`` if it holds numbers; otherwise raise DataError.

    Examples
    --------
    >>> import pandas as pd
    >>> orders = pd.DataFrame({"amount": ["12.50", "8"]})
    >>> require_numeric(orders, "amount", table="orders")
    Traceback (most recent call last):
    ...
    custlearn.DataError: The column "amount" of the orders table holds text (dtype str), but numbers are expected. Examples found: '12.50', '8'. Convert it first, e.g. df["amount"] = pd.to_numeric(df["amount"], errors="coerce"), and look at the rows that became NaN.
    """
    require_columns(df, column, table=table)
    s = df[column]
    if pd.api.types.is_bool_dtype(s) or not pd.api.types.is_numeric_dtype(s):
        kind = tr("text") if not pd.api.types.is_bool_dtype(s) else tr("true/false values")
        if pd.api.types.is_datetime64_any_dtype(s):
            kind = tr("dates")
        raise DataError(
            tr('The column "{column}" of the {table} table holds {kind} (dtype {dtype}), but numbers are '
               'expected. Examples found: {examples}. Convert it first, e.g. df["{column}"] = '
               'pd.to_numeric(df["{column}"], errors="coerce"), and look at the rows that became NaN.',
               column=column, table=table, kind=kind, dtype=s.dtype, examples=_examples(s.dropna()))
        )
    return s


def require_datetime(df: pd.DataFrame, column: str, *, table: str = "table") -> pd.Series:
    """Return ``df[column]`` as datetimes.

    Text dates in ISO form (``2024-03-01``) are converted; anything that
    cannot be read as a date raises DataError showing examples.

    Examples
    --------
    >>> import pandas as pd
    >>> orders = pd.DataFrame({"order_date": ["2024-01-05", "2024-02-30"]})
    >>> require_datetime(orders, "order_date", table="orders")
    Traceback (most recent call last):
    ...
    custlearn.DataError: The column "order_date" of the orders table should hold dates, but 1 value(s) cannot be read as a date: '2024-02-30'. Fix or drop those rows, e.g. pd.to_datetime(df["order_date"], errors="coerce") turns them into NaT.
    """
    require_columns(df, column, table=table)
    s = df[column]
    if pd.api.types.is_datetime64_any_dtype(s):
        return s
    if pd.api.types.is_numeric_dtype(s) or pd.api.types.is_bool_dtype(s):
        raise DataError(
            tr('The column "{column}" of the {table} table should hold dates, but it holds numbers (dtype '
               '{dtype}). Examples found: {examples}. Convert it with pd.to_datetime(df["{column}"], ...) '
               "using the right unit or format.",
               column=column, table=table, dtype=s.dtype, examples=_examples(s.dropna()))
        )
    converted = pd.to_datetime(s, errors="coerce", format="mixed")
    bad = s[converted.isna() & s.notna()]
    if len(bad):
        raise DataError(
            tr('The column "{column}" of the {table} table should hold dates, but {n} value(s) cannot be '
               'read as a date: {examples}. Fix or drop those rows, e.g. pd.to_datetime(df["{column}"], '
               'errors="coerce") turns them into NaT.',
               column=column, table=table, n=len(bad), examples=_examples(bad))
        )
    return converted


def require_no_missing(
    df: pd.DataFrame, columns: str | Sequence[str], *, table: str = "table"
) -> pd.DataFrame:
    """Raise DataError if any of ``columns`` has missing values (NaN/NaT/None).

    Examples
    --------
    >>> import pandas as pd
    >>> surveys = pd.DataFrame({"likely_to_recommend": [9, None, 3]})
    >>> require_no_missing(surveys, "likely_to_recommend", table="surveys")
    Traceback (most recent call last):
    ...
    custlearn.DataError: The column "likely_to_recommend" of the surveys table has 1 missing value(s) (first at row 1), but missing values are not allowed here. Drop them (df.dropna(subset=["likely_to_recommend"])) or fill them on purpose before calling.
    """
    if isinstance(columns, str):
        columns = [columns]
    require_columns(df, columns, table=table)
    for column in columns:
        na = df[column].isna()
        if na.any():
            first = df.index[na.to_numpy()][0]
            raise DataError(
                tr('The column "{column}" of the {table} table has {n} missing value(s) (first at row '
                   "{first}), but missing values are not allowed here. Drop them "
                   '(df.dropna(subset=["{column}"])) or fill them on purpose before calling.',
                   column=column, table=table, n=int(na.sum()), first=first)
            )
    return df


def as_numeric_series(values: Any, *, name: str = "values", allow_missing: bool = False) -> pd.Series:
    """Turn a list, array or Series of numbers into a float Series.

    Used by functions that take one column of scores (NPS, CSAT, ...).

    Examples
    --------
    >>> as_numeric_series([9, 10, 6]).tolist()
    [9.0, 10.0, 6.0]
    >>> as_numeric_series(["9", "ten"], name="scores")
    Traceback (most recent call last):
    ...
    custlearn.DataError: scores must be numbers, but text was found: '9', 'ten'. Convert with pd.to_numeric(...) first and decide what to do with answers that are not numbers.
    """
    if isinstance(values, pd.DataFrame):
        raise DataError(
            tr("{name} must be one column of numbers (a Series, list or array), but a whole DataFrame "
               'with columns {columns} was given. Pick one column, e.g. df["{first}"].', name=name,
               columns=_list(values.columns), first=values.columns[0] if len(values.columns) else "column")
        )
    if isinstance(values, pd.Series):
        s = values.copy()
    elif np.isscalar(values):
        s = pd.Series([values])
    else:
        s = pd.Series(list(values))
    is_bool = pd.api.types.is_bool_dtype(s) or s.map(lambda x: isinstance(x, (bool, np.bool_))).any()
    if is_bool:
        raise DataError(
            tr("{name} must be numbers, but true/false values were found. Scores are numbers such as "
               "0-10; convert yes/no answers on purpose (e.g. .astype(int)) if that is meant.", name=name)
        )
    if not pd.api.types.is_numeric_dtype(s):
        numbers = s.dropna().map(_is_real).all()
        if not numbers:  # the rule of table columns: text is never quietly turned into numbers
            text = s.dropna()[~s.dropna().map(_is_real)]
            raise DataError(
                tr("{name} must be numbers, but text was found: {examples}. Convert with "
                   "pd.to_numeric(...) first and decide what to do with answers that are not numbers.",
                   name=name, examples=_examples(text))
            )
        s = s.astype(float)
    s = pd.Series(s.to_numpy(dtype=float, na_value=np.nan), index=s.index, name=s.name)
    if not allow_missing and s.isna().any():
        raise DataError(
            tr("{name} has {n} missing value(s), but missing values are not allowed here. Drop them first "
               "(values.dropna()): a blank answer is not a score.", name=name, n=int(s.isna().sum()))
        )
    if np.isinf(s.to_numpy()).any():
        raise DataError(
            tr("{name} has {n} infinite value(s). They usually come from dividing by zero upstream: fix "
               "the calculation, or drop those values on purpose.", name=name, n=int(np.isinf(s.to_numpy()).sum()))
        )
    return s


def require_in_range(
    values: pd.Series,
    low: float | None,
    high: float | None,
    *,
    name: str,
    integer: bool = False,
    fix: str | None = None,
) -> pd.Series:
    """Raise DataError if any value lies outside [low, high] (or is not whole).

    Examples
    --------
    >>> import pandas as pd
    >>> require_in_range(pd.Series([9.0, 11.0, 0.0]), 0, 10, name="likely_to_recommend",
    ...                  integer=True)
    Traceback (most recent call last):
    ...
    custlearn.DataError: likely_to_recommend must be whole numbers from 0 to 10, but 1 value(s) are outside that range: 11.0. Check the scale of the question (a 1-10 or 0-100 scale needs converting) and drop or fix those answers.
    """
    s = values.dropna()
    outside = pd.Series(False, index=s.index)
    if low is not None:
        outside |= s < low
    if high is not None:
        outside |= s > high
    what = tr("whole numbers") if integer else tr("values")
    rng = _range(low, high)
    fix = fix or tr("Check the scale of the question (a 1-10 or 0-100 scale needs converting) "
                    "and drop or fix those answers.")
    if outside.any():
        raise DataError(
            tr("{name} must be {what} {rng}, but {n} value(s) are outside that range: {examples}. {fix}",
               name=name, what=what, rng=rng, n=int(outside.sum()), examples=_examples(s[outside]), fix=fix)
        )
    if integer:
        frac = s[(s % 1) != 0]
        if len(frac):
            raise DataError(
                tr("{name} must be whole numbers {rng}, but {n} value(s) have decimals: {examples}. "
                   "Scores on this scale are whole points; an average of scores is not a score. {fix}",
                   name=name, rng=rng, n=len(frac), examples=_examples(frac), fix=fix)
            )
    return values


def require_choice(value: Any, choices: Iterable[Any], *, argument: str) -> Any:
    """Raise DataError unless ``value`` is one of ``choices``.

    Examples
    --------
    >>> require_choice("months", ["days", "weeks"], argument="time_unit")
    Traceback (most recent call last):
    ...
    custlearn.DataError: time_unit="months" is not one of the valid choices: "days", "weeks". Pass one of them, e.g. time_unit="days".
    """
    choices = list(choices)
    try:
        valid = value in choices
    except (TypeError, ValueError):  # e.g. an array or a frame: never a valid choice
        valid = False
    if not valid:
        shown = ", ".join(f'"{c}"' for c in choices)
        raise DataError(
            tr('{argument}="{value}" is not one of the valid choices: {shown}. Pass one of them, e.g. '
               '{argument}="{choices}".', argument=argument, value=value, shown=shown, choices=choices[0])
        )
    return value


def _is_real(value: Any) -> bool:
    return isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, (bool, np.bool_))


def require_positive_int(value: Any, *, argument: str, minimum: int = 1, maximum: int | None = None) -> int:
    """Raise DataError unless ``value`` is a whole number from ``minimum`` (to ``maximum``).

    A float with no fraction (``3.0``) is accepted as 3.

    Examples
    --------
    >>> require_positive_int(0, argument="customers")
    Traceback (most recent call last):
    ...
    custlearn.DataError: customers must be a whole number of at least 1, but 0 was given.
    >>> require_positive_int(12, argument="bins", minimum=2, maximum=9)
    Traceback (most recent call last):
    ...
    custlearn.DataError: bins must be a whole number from 2 to 9, but 12 was given.
    """
    whole = _is_real(value) and np.isfinite(value) and float(value) == int(value)
    inside = whole and int(value) >= minimum and (maximum is None or int(value) <= maximum)
    if not inside:
        rng = _range(minimum, maximum, spec="")
        raise DataError(tr("{argument} must be a whole number {rng}, but {given} was given.",
                           argument=argument, rng=rng, given=_given(value)))
    return int(value)


def _given(value: Any) -> str:
    return tr('"{value}" (text)', value=value) if isinstance(value, str) else repr(value)


def _range(low: float | None, high: float | None, spec: str = "g") -> str:
    """'from 1 to 5', 'of at least 0' or 'of at most 10' (numbers shown with ``format(x, spec)``)."""
    if low is not None and high is not None:
        return tr("from {low} to {high}", low=format(low, spec), high=format(high, spec))
    if low is not None:
        return tr("of at least {low}", low=format(low, spec))
    return tr("of at most {high}", high=format(high, spec))


def require_number(
    value: Any,
    *,
    argument: str,
    minimum: float | None = None,
    maximum: float | None = None,
    example: str | None = None,
) -> float:
    """Raise DataError unless ``value`` is a finite number within [minimum, maximum].

    Examples
    --------
    >>> require_number("12", argument="margin")
    Traceback (most recent call last):
    ...
    custlearn.DataError: margin must be a number, but "12" (text) was given. Pass it without quotes, e.g. margin=12.
    """
    ok = _is_real(value) and bool(np.isfinite(value))
    if ok:
        ok = (minimum is None or value >= minimum) and (maximum is None or value <= maximum)
    if not ok:
        what = tr("a number") if minimum is None and maximum is None else tr("a number {range}",
                                                                            range=_range(minimum, maximum))
        fix = tr(" For example {argument}={example}.", argument=argument, example=example) if example else ""
        if isinstance(value, str) and not example:
            fix = tr(" Pass it without quotes, e.g. {argument}={value}.", argument=argument,
                     value=value.strip() or 1)
        raise DataError(tr("{argument} must be {what}, but {given} was given.{fix}",
                           argument=argument, what=what, given=_given(value), fix=fix))
    return float(value)


def require_positive(value: Any, *, argument: str, example: str | None = None) -> float:
    """Raise DataError unless ``value`` is a finite number greater than 0.

    Examples
    --------
    >>> require_positive(0, argument="contact_cost", example="5.0")
    Traceback (most recent call last):
    ...
    custlearn.DataError: contact_cost must be a number greater than 0, but 0 was given. For example contact_cost=5.0.
    """
    if not (_is_real(value) and np.isfinite(value) and value > 0):
        fix = tr(" For example {argument}={example}.", argument=argument, example=example) if example else ""
        raise DataError(tr("{argument} must be a number greater than 0, but {given} was given.{fix}",
                           argument=argument, given=_given(value), fix=fix))
    return float(value)


def require_fraction(value: Any, *, argument: str, closed: bool = False, example: str = "0.5") -> float:
    """Raise DataError unless ``value`` is a fraction: in (0, 1), or [0, 1] when ``closed``.

    A value above 1 that looks like a percentage gets the fix "0.95, not 95".

    Examples
    --------
    >>> require_fraction(20, argument="save_rate", example="0.2")
    Traceback (most recent call last):
    ...
    custlearn.DataError: save_rate must be a fraction strictly between 0 and 1, e.g. save_rate=0.2, but 20 was given. Give a fraction, not a percentage: 0.2, not 20.
    """
    ok = _is_real(value) and bool(np.isfinite(value))
    if ok:
        ok = (0 <= value <= 1) if closed else (0 < value < 1)
    if not ok:
        rng = tr("from 0 to 1") if closed else tr("strictly between 0 and 1")
        fix = ""
        if _is_real(value) and 1 < value <= 100 and (value >= 5 or float(value).is_integer()):
            fix = tr(" Give a fraction, not a percentage: {fraction:g}, not {value:g}.",
                     fraction=value / 100, value=value)
        raise DataError(tr("{argument} must be a fraction {rng}, e.g. {argument}={example}, but {given} "
                           "was given.{fix}",
                           argument=argument, rng=rng, example=example, given=_given(value), fix=fix))
    return float(value)


def require_confidence(value: Any, *, argument: str = "confidence") -> float:
    """A confidence level, a fraction strictly between 0 and 1 (0.95 for 95%).

    Examples
    --------
    >>> require_confidence(95)
    Traceback (most recent call last):
    ...
    custlearn.DataError: confidence must be a fraction strictly between 0 and 1, e.g. confidence=0.95, but 95 was given. Give a fraction, not a percentage: 0.95, not 95.
    """
    return require_fraction(value, argument=argument, example="0.95")


def require_window(value: Any, *, argument: str = "window_days", unit: str = "days") -> int:
    """A window length: a whole number of ``unit`` of at least 1, counted forward.

    Examples
    --------
    >>> require_window(-90)
    Traceback (most recent call last):
    ...
    custlearn.DataError: window_days must be a whole number of days of at least 1, but -90 was given. A window counts forward from its start: give its length, e.g. window_days=90.
    """
    if not (_is_real(value) and np.isfinite(value) and float(value) == int(value) and value >= 1):
        example = int(abs(value)) if _is_real(value) and np.isfinite(value) and abs(value) >= 1 else 90
        raise DataError(
            tr("{argument} must be a whole number of {unit} of at least 1, but {given} was given. A "
               "window counts forward from its start: give its length, e.g. {argument}={example}.",
               argument=argument, unit=unit, given=_given(value), example=example)
        )
    return int(value)


def require_flag(value: Any, *, argument: str) -> bool:
    """Raise DataError unless ``value`` is True or False.

    Examples
    --------
    >>> require_flag("yes", argument="share")
    Traceback (most recent call last):
    ...
    custlearn.DataError: share must be True or False, but "yes" (text) was given.
    """
    if not isinstance(value, (bool, np.bool_)):
        raise DataError(tr("{argument} must be True or False, but {given} was given.",
                           argument=argument, given=_given(value)))
    return bool(value)


def as_timestamp(value: Any, *, argument: str = "as_of") -> pd.Timestamp:
    """Read a date argument (``"2025-12-31"``, a datetime or a Timestamp).

    Examples
    --------
    >>> as_timestamp("2025-12-31")
    Timestamp('2025-12-31 00:00:00')
    >>> as_timestamp("2025-12-31 23:30+08:00")   # a time zone is dropped, the wall-clock time kept
    Timestamp('2025-12-31 23:30:00')
    >>> as_timestamp("31/12/2025x", argument="as_of")
    Traceback (most recent call last):
    ...
    custlearn.DataError: as_of="31/12/2025x" is not a date. Give it as "YYYY-MM-DD", e.g. as_of="2025-12-31".
    """
    if value is None or (isinstance(value, float) and np.isnan(value)):
        raise DataError(tr('{argument} is missing. Give a date as "YYYY-MM-DD", e.g. '
                           '{argument}="2025-12-31".', argument=argument))
    try:
        ts = pd.Timestamp(value)
    except (ValueError, TypeError):
        raise DataError(
            tr('{argument}="{value}" is not a date. Give it as "YYYY-MM-DD", e.g. {argument}="2025-12-31".',
               argument=argument, value=value)
        ) from None
    if ts is pd.NaT or pd.isna(ts):
        raise DataError(tr('{argument} is missing. Give a date as "YYYY-MM-DD", e.g. '
                           '{argument}="2025-12-31".', argument=argument))
    if ts.tzinfo is not None:  # the same rule as date columns: keep the wall-clock time, drop the zone
        ts = ts.tz_localize(None)
    return ts
