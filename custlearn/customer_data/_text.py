"""Lesson 01: the text helpers every step of the clean-up shares.

A column of names, e-mails, phones or cities arrives as a Series, a list or
an array; :func:`_as_text_series` makes it one Series of text (missing values
kept as missing), and the small rules below (Unicode NFKC, one space, no
accents) are the common first steps of every standardiser and of the
duplicate finder.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from custlearn._errors import DataError
from custlearn._i18n import tr

__all__: list[str] = []


def _as_text_series(values: Any, *, name: str) -> pd.Series:
    """A Series of text (missing kept as NA) from a Series, list or array of text."""
    if isinstance(values, pd.DataFrame):
        raise DataError(
            tr("{name} must be one column (a Series, list or array), but a whole DataFrame with columns "
               '{columns} was given. Pick one column, e.g. df["{name}"].',
               name=name, columns=', '.join(map(str, values.columns[:10])))
        )
    if isinstance(values, (str, bytes)) or np.isscalar(values) or values is None:
        raise DataError(
            tr("{name} must be a column of values (a Series, list or array), but a single {kind} was "
               "given. Wrap one value in a list: [{values!r}].",
               name=name, kind=type(values).__name__, values=values)
        )
    s = values if isinstance(values, pd.Series) else pd.Series(list(values), dtype=object)
    if pd.api.types.is_bool_dtype(s) or pd.api.types.is_datetime64_any_dtype(s):
        raise DataError(
            tr("{name} must hold text, but it holds {kind} (dtype {dtype}). Pass the column that holds "
               "the {name}.",
               name=name, kind=tr("true/false values") if pd.api.types.is_bool_dtype(s) else tr("dates"),
               dtype=s.dtype)
        )
    if pd.api.types.is_float_dtype(s):  # e.g. phones read as numbers: 7636268741.0
        keep = s.notna()
        text = pd.Series(pd.NA, index=s.index, dtype="object")
        text[keep] = s[keep].map(lambda v: f"{v:.0f}")
        s = text
    out = s.astype("object").where(s.notna(), None)
    return out.map(lambda v: v if v is None else str(v)).astype("str")


def _strip_accents(s: pd.Series) -> pd.Series:
    """Remove accents: 'Zürich' -> 'Zurich' (NFKD, then drop combining marks)."""
    return s.str.normalize("NFKD").str.replace(r"[\u0300-\u036f]", "", regex=True)


def _clean_space(s: pd.Series) -> pd.Series:
    """Unicode NFKC, one space between words, none at the ends."""
    return s.str.normalize("NFKC").str.replace(r"\s+", " ", regex=True).str.strip()
