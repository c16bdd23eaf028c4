"""Lesson 01, *organise: verify accuracy and completeness*: look before you clean.

:func:`profile` reads every column of a table and says what looks wrong
(stray spaces, mixed letter case, mixed formats, numbers out of range, dates
outside the extract's window), so the clean-up starts from a list of
problems, not from a guess.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from custlearn._errors import DataError
from custlearn._i18n import tr
from custlearn._validate import as_timestamp, require_columns, require_frame, require_positive_int
from custlearn.customer_data._standardize import parse_dates

__all__ = ["profile", "DEFAULT_RANGES"]

#: Plausible ranges of the shipped data's numeric columns, used by :func:`profile`.
DEFAULT_RANGES: dict[str, tuple[float | None, float | None]] = {
    "age": (18, 100),
    "amount": (0, None),
    "items": (1, None),
    "discount": (0, None),
    "acquisition_cost": (0, None),
}


def profile(df: pd.DataFrame, *, ranges: Mapping[str, tuple[float | None, float | None]] | None = None,
            window: tuple[Any, Any] | None = None, examples: int = 3, table: str = "table") -> pd.DataFrame:
    """Profile every column of a table: type, missing values, distinct values, examples and flags.

    Lesson 01, *organise: verify accuracy and completeness* (the decks' collect →
    organise → analyse → apply). Data profiling in the sense of Olson (2003),
    *Data Quality: The Accuracy Dimension*, ch. 8, and Abedjan, Golab &
    Naumann (2015), *Profiling relational data: a survey*, VLDB Journal 24.

    Per column: ``missing_share = missing values / rows``; ``distinct`` counts
    different non-missing values. ``flags`` names what looks wrong:

    - *stray spaces*: text with leading, trailing or double spaces;
    - *mixed case*: text written both ALL CAPS / all lower case and Mixed Case;
    - *mixed formats*: text of digits (phones, dates, codes) written in more
      than one shape, where a shape replaces every run of digits by 9 and every
      run of letters by a ("763-626-8741" and "763.626.8741" differ);
    - *out of range*: numbers outside ``ranges[column] = (low, high)``;
    - *outside window*: dates (or ISO-like text dates) before ``window[0]`` or
      after ``window[1]``.

    Parameters
    ----------
    df : DataFrame
        Any table; columns may hold text, numbers, true/false values or dates.
    ranges : dict, optional
        ``{column: (low, high)}`` (None = no limit). Default: :data:`DEFAULT_RANGES`
        (age 18-100, amounts and counts not negative) for the columns present.
    window : (start, end), optional
        Dates outside this window are flagged; with ``end`` = the extract's
        date, the dates after it are *future dates*. Without it, no date is flagged.
    examples : int, default 3
        How many example values to show.
    table : str
        Name of the table, for messages.

    Returns
    -------
    DataFrame
        One row per column: ``dtype``, ``missing``, ``missing_share``,
        ``distinct``, ``examples``, ``flags`` (empty text when nothing looks wrong).

    Raises
    ------
    DataError
        If ``df`` is not a DataFrame, a ``ranges`` column is unknown or its limits are not
        numbers, the window is not two dates in order, or ``examples`` is not a whole number.

    Examples
    --------
    >>> import pandas as pd
    >>> people = pd.DataFrame({"phone": ["763-626-8741", "763.626.8742", None],
    ...                        "city": ["Greenport", "GREENPORT ", "Wolfetown"],
    ...                        "age": [34, 7, 51]})
    >>> p = profile(people, ranges={"age": (18, 100)})
    >>> int(p.loc["phone", "missing"]), int(p.loc["city", "distinct"])
    (1, 3)
    >>> print(p.loc["phone", "flags"])
    mixed formats: 2 shapes (most common '9-9-9' in 1 of 2)
    >>> print(p.loc["city", "flags"])
    stray spaces: 1; mixed case: 1 ALL CAPS, 0 lower case, 2 Mixed
    >>> print(p.loc["age", "flags"])
    out of range: 1 outside 18 to 100
    >>> profile(people, window=("2025-12-31", "2024-01-01"))
    Traceback (most recent call last):
    ...
    custlearn.DataError: window ends (2024-01-01) before it starts (2025-12-31). Swap the two dates.
    """
    require_frame(df, table=table, min_rows=0)
    ranges = _ranges(df, ranges, table)
    window = _window(window)
    examples = require_positive_int(examples, argument="examples", minimum=0)
    rows = [_describe(df[col], col, ranges.get(col), window, examples) for col in df.columns]
    columns = ["column", "dtype", "missing", "missing_share", "distinct", "examples", "flags"]
    return pd.DataFrame(rows, columns=columns).set_index("column")


# ----------------------------------------------------------------------------------- the arguments

def _ranges(df: pd.DataFrame, ranges: Any, table: str) -> Mapping[str, tuple[float | None, float | None]]:
    """The plausible range of each numeric column: the caller's, or the defaults for the columns present."""
    if ranges is None:
        return {c: r for c, r in DEFAULT_RANGES.items() if c in df.columns}
    if not isinstance(ranges, Mapping):
        raise DataError(tr("ranges must be a dict such as {{'age': (18, 100)}}, but a {kind} was given.",
                           kind=type(ranges).__name__))
    require_columns(df, list(ranges), table=table, argument="ranges")
    for col, limits in ranges.items():
        if not isinstance(limits, (tuple, list)) or len(limits) != 2 or not all(map(_is_limit, limits)):
            raise DataError(tr("ranges[{col!r}] must be two numbers (low, high), e.g. {{{col!r}: (18, "
                               "100)}}; use None for no limit, but {limits!r} was given.", col=col, limits=limits))
    return ranges


def _is_limit(value: Any) -> bool:
    """A limit of a range: None (no limit) or a finite number."""
    if value is None:
        return True
    number = isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, bool)
    return number and bool(np.isfinite(value))


def _window(window: Any) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    """The extract's window (start, end) as two dates, or None."""
    if window is None:
        return None
    if not isinstance(window, (tuple, list)) or len(window) != 2:
        raise DataError(tr("window must be two dates (start, end), e.g. window=('2024-01-01', "
                           "'2025-12-31')."))
    start = as_timestamp(window[0], argument="window start")
    end = as_timestamp(window[1], argument="window end")
    if end < start:
        raise DataError(tr("window ends ({end}) before it starts ({start}). Swap the two dates.",
                           end=end.date(), start=start.date()))
    return start, end


# ----------------------------------------------------------------------------------- one column

def _describe(s: pd.Series, col: Any, limits: tuple[float | None, float | None] | None,
              window: tuple[pd.Timestamp, pd.Timestamp] | None, examples: int) -> dict[str, Any]:
    """One row of the profile: counts, examples and what looks wrong in column ``col``."""
    present = s.dropna()
    flags: list[str] = []
    shapes = None
    if (pd.api.types.is_string_dtype(s) or s.dtype == object) and len(present):
        text = present.astype(str)
        shapes = _digit_shapes(text)
        flags += _space_flag(text) + _case_flag(text) + _format_flag(shapes, len(text))
    if window is not None:
        flags += _window_flag(_dates(s, present, shapes), window)
    if limits is not None and pd.api.types.is_numeric_dtype(s) and not pd.api.types.is_bool_dtype(s):
        flags += _range_flag(present.astype(float), *limits)
    shown = pd.unique(present.astype(str).to_numpy(dtype=object))[:examples]
    return {
        "column": col,
        "dtype": str(s.dtype),
        "missing": int(s.isna().sum()),
        "missing_share": float(s.isna().mean()) if len(s) else 0.0,
        "distinct": int(present.nunique()),
        "examples": ", ".join(map(str, shown)),
        "flags": "; ".join(flags),
    }


def _shape(s: pd.Series) -> pd.Series:
    """The written shape of a value: digits -> 9, letters -> a (runs collapsed)."""
    out = s.str.replace(r"\d+", "9", regex=True)
    return out.str.replace(r"[^\W\d_]+", "a", regex=True)


def _digit_shapes(text: pd.Series) -> pd.Series | None:
    """How often each shape is written, for a column mostly of digits (phones, dates, codes); else None."""
    digits = text.str.count(r"\d")
    if (digits >= text.str.len() / 2).mean() <= 0.5:
        return None
    return _shape(text.str.strip()).value_counts()


def _space_flag(text: pd.Series) -> list[str]:
    """Stray spaces: leading, trailing or double."""
    spaces = int((text != text.str.strip()).sum() + text.str.strip().str.contains("  ", regex=False).sum())
    return [f"stray spaces: {spaces:,}"] if spaces else []


def _case_flag(text: pd.Series) -> list[str]:
    """Mixed case: values in more than one of ALL CAPS, all lower case and Mixed Case."""
    letters = text.str.replace(r"[^A-Za-z]", "", regex=True)
    has = letters.str.len() > 1
    upper = int((has & (letters == letters.str.upper())).sum())
    lower = int((has & (letters == letters.str.lower())).sum())
    mixed = int(has.sum()) - upper - lower
    if sum(x > 0 for x in (upper, lower, mixed)) > 1:
        return [f"mixed case: {upper:,} ALL CAPS, {lower:,} lower case, {mixed:,} Mixed"]
    return []


def _format_flag(shapes: pd.Series | None, values: int) -> list[str]:
    """Mixed formats: a column of digits written in more than one shape."""
    if shapes is None or len(shapes) < 2:
        return []
    return [f"mixed formats: {len(shapes):,} shapes (most common {shapes.index[0]!r} in "
            f"{int(shapes.iloc[0]):,} of {values:,})"]


def _dates(s: pd.Series, present: pd.Series, shapes: pd.Series | None) -> pd.Series | None:
    """The dates of a column: datetimes as they are, digit text read by :func:`parse_dates`; else None."""
    if pd.api.types.is_datetime64_any_dtype(s):
        return present
    if shapes is not None and (len(shapes) > 1 or shapes.index[0] == "9-9-9"):
        return parse_dates(present.astype(str))
    return None


def _window_flag(dates: pd.Series | None, window: tuple[pd.Timestamp, pd.Timestamp]) -> list[str]:
    """Outside window: dates before its start or after its end."""
    if dates is None:
        return []
    start, end = window
    dates = dates.dropna()
    before, after = int((dates < start).sum()), int((dates > end).sum())
    if before + after == 0:
        return []
    return [f"outside window: {before + after:,} ({before:,} before {start.date()}, {after:,} after {end.date()})"]


def _range_flag(values: pd.Series, low: float | None, high: float | None) -> list[str]:
    """Out of range: numbers below ``low`` or above ``high`` (None: no limit)."""
    bad = pd.Series(False, index=values.index)
    if low is not None:
        bad |= values < low
    if high is not None:
        bad |= values > high
    if not bad.any():
        return []
    if low is not None and high is not None:
        return [f"out of range: {int(bad.sum()):,} outside {low:g} to {high:g}"]
    return [f"out of range: {int(bad.sum()):,} {f'below {low:g}' if low is not None else f'above {high:g}'}"]
