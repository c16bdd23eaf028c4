"""Lesson 01: customer information management (顾客信息管理).

From a messy CRM extract to a clean single customer view, in the order the
course's decks give for customer information: **collect** → **organise**
(classify, filter, verify: accuracy and completeness) → **analyse** → **apply**.

- :func:`profile` looks at every column of a table (type, missing values,
  distinct values, examples) and flags the usual problems: mixed formats,
  stray spaces, mixed letter case, out-of-range numbers, dates outside a window.
- :func:`standardize_phone`, :func:`standardize_email`, :func:`standardize_city`,
  :func:`standardize_name` and :func:`parse_dates` turn the many ways a value
  is typed into one written form (vectorised, documented rules).
- :func:`find_duplicates` lists pairs of records that are probably the same
  person, with the evidence; :func:`survivor_map` and :func:`merge_duplicates`
  merge them with a survivorship rule (record linkage, Fellegi & Sunter 1969;
  Christen 2012).
- :func:`single_customer_view` joins customers, orders, surveys and tickets
  into one row per customer: the table later lessons start from.
- :func:`pseudonymize` replaces identifiers with keyed HMAC-SHA-256 tokens
  (RFC 2104; FIPS 198-1).

What pseudonymisation does and does not protect
-----------------------------------------------
A keyed token hides *who* a row is about from anyone without the key, keeps
the same person on the same token (so tables still join and repeat customers
are still counted once), and cannot be reversed by hashing a list of guessed
e-mails or phone numbers, as a plain unkeyed hash can. It does **not** make
the data anonymous: whoever holds the key (or a lookup table) can re-identify
people, and the other columns (age, city, dates, amounts) can single a person
out. Pseudonymised data therefore remain personal data under the GDPR
(Recital 26, Art. 4(5)) and China's Personal Information Protection Law (PIPL,
Art. 73 distinguishes de-identification 去标识化 from anonymisation 匿名化).
Keep the key apart from the data, collect and keep only the columns an
analysis needs (data minimisation, GDPR Art. 5(1)(c); PIPL Art. 6), and
restrict who may re-identify.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import unicodedata
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from custlearn._validate import (
    DataError,
    as_timestamp,
    require_choice,
    require_columns,
    require_frame,
)

__all__ = [
    "profile",
    "standardize_phone",
    "standardize_email",
    "standardize_city",
    "standardize_name",
    "parse_dates",
    "name_similarity",
    "find_duplicates",
    "survivor_map",
    "merge_duplicates",
    "single_customer_view",
    "pseudonymize",
    "DEFAULT_RANGES",
    "DATE_FORMATS",
]

#: Plausible ranges of the shipped data's numeric columns, used by :func:`profile`.
DEFAULT_RANGES: dict[str, tuple[float | None, float | None]] = {
    "age": (18, 100),
    "amount": (0, None),
    "items": (1, None),
    "discount": (0, None),
    "acquisition_cost": (0, None),
}

#: Date formats tried in order by :func:`parse_dates` (ISO first). A slash date
#: is read month first ("03/05/2024" = 5 March 2024, the US habit) unless
#: ``slash="day_first"`` is passed.
DATE_FORMATS: tuple[str, ...] = (
    "%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y%m%d", "%d %b %Y", "%d %B %Y", "%b %d %Y", "%B %d %Y",
    "%d-%b-%Y", "%m/%d/%Y", "%d.%m.%Y", "%d-%m-%Y", "%Y年%m月%d日",
)

# ITU-T E.161: letters on a phone keypad (2 = ABC, ..., 9 = WXYZ).
_KEYPAD = str.maketrans({**{c: d for d, letters in {"2": "abc", "3": "def", "4": "ghi", "5": "jkl", "6": "mno",
                                                   "7": "pqrs", "8": "tuv", "9": "wxyz"}.items()
                            for c in letters}})

#: Abbreviations expanded by :func:`standardize_city` (whole words, after lower-casing).
CITY_ABBREVIATIONS: dict[str, str] = {
    "st": "saint", "ste": "sainte", "ft": "fort", "mt": "mount", "pt": "port", "n": "north", "s": "south",
    "e": "east", "w": "west", "nw": "northwest", "ne": "northeast", "sw": "southwest", "se": "southeast",
}


# --------------------------------------------------------------------------------------------- helpers

def _as_text_series(values: Any, *, name: str) -> pd.Series:
    """A Series of text (missing kept as NA) from a Series, list or array of text."""
    if isinstance(values, pd.DataFrame):
        raise DataError(
            f"{name} must be one column (a Series, list or array), but a whole DataFrame with columns "
            f"{', '.join(map(str, values.columns[:10]))} was given. Pick one column, e.g. df[\"{name}\"]."
        )
    if isinstance(values, (str, bytes)) or np.isscalar(values) or values is None:
        raise DataError(
            f"{name} must be a column of values (a Series, list or array), but a single "
            f"{type(values).__name__} was given. Wrap one value in a list: [{values!r}]."
        )
    s = values if isinstance(values, pd.Series) else pd.Series(list(values), dtype=object)
    if pd.api.types.is_bool_dtype(s) or pd.api.types.is_datetime64_any_dtype(s):
        raise DataError(
            f"{name} must hold text, but it holds {'true/false values' if pd.api.types.is_bool_dtype(s) else 'dates'} "
            f"(dtype {s.dtype}). Pass the column that holds the {name}."
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
    return s.str.normalize("NFKC").str.replace(r"\s+", " ", regex=True).str.strip()


def _name_key(names: pd.Series) -> pd.Series:
    """Comparison key of a name: 'Last, First' reordered, accents and case removed, one space."""
    s = _clean_space(names)
    swapped = s.str.extract(r"^([^,]+),\s*(.+)$")
    s = (swapped[1] + " " + swapped[0]).where(swapped[0].notna(), s)
    s = _strip_accents(s).str.casefold().str.replace(r"[^\w ]", "", regex=True)
    return s.str.replace(r"\s+", " ", regex=True).str.strip().replace("", pd.NA)


# --------------------------------------------------------------------------------------------- profile

def _shape(s: pd.Series) -> pd.Series:
    """The written shape of a value: digits -> 9, letters -> a (runs collapsed)."""
    out = s.str.replace(r"\d+", "9", regex=True)
    return out.str.replace(r"[^\W\d_]+", "a", regex=True)


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
        If ``df`` is not a DataFrame, a ``ranges`` column is unknown, or the window is not two dates.

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
    """
    require_frame(df, table=table, min_rows=0)
    if ranges is None:
        ranges = {c: r for c, r in DEFAULT_RANGES.items() if c in df.columns}
    else:
        if not isinstance(ranges, Mapping):
            raise DataError(f"ranges must be a dict such as {{'age': (18, 100)}}, but a {type(ranges).__name__} was given.")
        require_columns(df, list(ranges), table=table, argument="ranges")
    start = end = None
    if window is not None:
        if not isinstance(window, (tuple, list)) or len(window) != 2:
            raise DataError("window must be two dates (start, end), e.g. window=('2024-01-01', '2025-12-31').")
        start = as_timestamp(window[0], argument="window start")
        end = as_timestamp(window[1], argument="window end")
        if end < start:
            raise DataError(f"window ends ({end.date()}) before it starts ({start.date()}). Swap the two dates.")
    rows = []
    n = len(df)
    for col in df.columns:
        s = df[col]
        present = s.dropna()
        flags = []
        dates = None
        if pd.api.types.is_datetime64_any_dtype(s):
            dates = present
        elif (pd.api.types.is_string_dtype(s) or s.dtype == object) and len(present):
            text = present.astype(str)
            spaces = int((text != text.str.strip()).sum() + text.str.strip().str.contains("  ", regex=False).sum())
            if spaces:
                flags.append(f"stray spaces: {spaces:,}")
            letters = text.str.replace(r"[^A-Za-z]", "", regex=True)
            has = letters.str.len() > 1
            upper = int((has & (letters == letters.str.upper())).sum())
            lower = int((has & (letters == letters.str.lower())).sum())
            mixed = int(has.sum()) - upper - lower
            if sum(x > 0 for x in (upper, lower, mixed)) > 1:
                flags.append(f"mixed case: {upper:,} ALL CAPS, {lower:,} lower case, {mixed:,} Mixed")
            digits = text.str.count(r"\d")
            if (digits >= text.str.len() / 2).mean() > 0.5:
                shapes = _shape(text.str.strip()).value_counts()
                if len(shapes) > 1:
                    flags.append(f"mixed formats: {len(shapes):,} shapes (most common {shapes.index[0]!r} in "
                                 f"{int(shapes.iloc[0]):,} of {len(text):,})")
                    if start is not None:
                        dates = parse_dates(text)
                elif start is not None and shapes.index[0] == "9-9-9":
                    dates = parse_dates(text)
        if dates is not None and start is not None:
            dates = dates.dropna()
            before, after = int((dates < start).sum()), int((dates > end).sum())
            if before + after:
                flags.append(f"outside window: {before + after:,} ({before:,} before {start.date()}, "
                             f"{after:,} after {end.date()})")
        if col in ranges and pd.api.types.is_numeric_dtype(s) and not pd.api.types.is_bool_dtype(s):
            low, high = ranges[col]
            values = present.astype(float)
            bad = pd.Series(False, index=values.index)
            if low is not None:
                bad |= values < low
            if high is not None:
                bad |= values > high
            if bad.any():
                limits = (f"{low:g} to {high:g}" if low is not None and high is not None
                          else f"below {low:g}" if low is not None else f"above {high:g}")
                flags.append(f"out of range: {int(bad.sum()):,} outside {limits}" if low is not None and high is not None
                             else f"out of range: {int(bad.sum()):,} {limits}")
        shown = pd.unique(present.astype(str).to_numpy(dtype=object))[:examples]
        rows.append({
            "column": col,
            "dtype": str(s.dtype),
            "missing": int(s.isna().sum()),
            "missing_share": float(s.isna().mean()) if n else 0.0,
            "distinct": int(present.nunique()),
            "examples": ", ".join(map(str, shown)),
            "flags": "; ".join(flags),
        })
    out = pd.DataFrame(rows, columns=["column", "dtype", "missing", "missing_share", "distinct", "examples", "flags"])
    return out.set_index("column")


# ------------------------------------------------------------------------------------------ standardisers

def standardize_phone(phones: Any, *, country_code: str = "1", style: str = "national") -> pd.Series:
    """Write every phone number the same way; impossible numbers become missing.

    Lesson 01, *organise: verify*. The target is the international E.164
    numbering plan (ITU-T Recommendation E.164, 2010): ``+`` country code and
    national number, at most 15 digits. Rules, in order:

    1. spaces, ``tel:``, brackets, dots, dashes and slashes are separators;
    2. an extension at the end (``ext 12``, ``x12``, ``#12``, ``extension 12``)
       is dropped: it reaches a desk, not a person's line;
    3. letters are keypad digits (ITU-T E.161: 2 = ABC ... 9 = WXYZ), so
       ``1-800-FLOWERS`` is ``1-800-356-9377``;
    4. ``+``, ``00`` and ``011`` (the North American exit code) start an
       international number; otherwise the number is national in
       ``country_code``: with code 1 (North America) an 11-digit number
       starting with 1 drops that 1; elsewhere one leading trunk ``0`` is
       dropped (``020 7946 0018`` in the UK is ``+44 20 7946 0018``);
    5. a number is valid when it has 8-15 digits in all, and, for code 1,
       exactly 10 national digits; anything else becomes missing.

    ``style="national"`` writes numbers of ``country_code`` as the shipped data
    do (code 1: ``763-626-8741``; other codes: the national digits) and other
    countries in E.164; ``style="e164"`` writes every number as
    ``+17636268741`` (the form to match and store).

    Parameters
    ----------
    phones : Series, list or array of text (or numbers)
    country_code : str, default "1"
        Country code of numbers written without one ("1" North America,
        "44" UK, "86" China).
    style : {"national", "e164"}

    Returns
    -------
    Series of text, same index; missing where the input is missing or not a phone number.

    Raises
    ------
    DataError
        If ``phones`` is not a column of values, ``country_code`` is not 1-3 digits,
        or ``style`` is unknown.

    Examples
    --------
    >>> standardize_phone(["763.626.8741", "+1 (763) 626 8741 ext. 12", "0017636268741",
    ...                    "1-800-FLOWERS", "626-8741", None]).tolist()
    ['763-626-8741', '763-626-8741', '763-626-8741', '800-356-9377', nan, nan]
    >>> standardize_phone(["020 7946 0018", "+1 763 626 8741"], country_code="44", style="e164").tolist()
    ['+442079460018', '+17636268741']
    """
    s = _as_text_series(phones, name="phones")
    require_choice(style, ["national", "e164"], argument="style")
    country_code = str(country_code).lstrip("+")
    if not re.fullmatch(r"[1-9]\d{0,2}", country_code):
        raise DataError(f'country_code="{country_code}" is not a country calling code: give 1-3 digits without '
                        f'the plus, e.g. country_code="1" (North America), "44" (UK) or "86" (China).')
    t = s.str.normalize("NFKC").str.casefold().str.strip()
    t = t.str.replace(r"^tel:", "", regex=True)
    t = t.str.replace(r"\s*(?:ext\.?|extension|x|#)\s*\d{1,6}$", "", regex=True)
    plus = t.str.match(r"^\s*\+")
    t = t.str.translate(_KEYPAD)
    digits = t.str.replace(r"\D", "", regex=True)
    intl = plus | digits.str.startswith("00") | (digits.str.startswith("011") & (country_code == "1"))
    digits = digits.where(~(digits.str.startswith("00") & ~plus), digits.str.slice(2))
    digits = digits.where(~(digits.str.startswith("011") & ~plus & (country_code == "1")), digits.str.slice(3))
    national = digits.where(~intl)
    if country_code == "1":
        national = national.where(~((national.str.len() == 11) & national.str.startswith("1")), national.str.slice(1))
    else:
        national = national.where(~national.str.startswith("0"), national.str.slice(1))
    full = (country_code + national).where(~intl, digits)
    ok = full.str.len().between(8, 15) & full.notna()
    nanp = full.str.startswith("1")
    ok &= ~nanp | (full.str.len() == 11)
    full = full.where(ok & s.notna())
    if style == "e164":
        out = "+" + full
    else:
        home = full.str.startswith(country_code) & (full.str.len() == 11 if country_code == "1" else True)
        nat = full.str.slice(len(country_code))
        if country_code == "1":
            nat = nat.str.slice(0, 3) + "-" + nat.str.slice(3, 6) + "-" + nat.str.slice(6)
        out = nat.where(home, "+" + full)
    out = out.where(full.notna())
    return out.astype("str").rename(s.name)


_EMAIL = re.compile(r"^[^@\s]+@[^@\s.]+(?:\.[^@\s.]+)*\.[a-z]{2,}$")


def standardize_email(emails: Any) -> pd.Series:
    """Write every e-mail address the same way; text that is no address becomes missing.

    Lesson 01, *organise: verify*. Rules, in order:

    1. Unicode NFKC (full-width ``ａ＠ｂ．ｃｎ`` typed on a Chinese keyboard becomes ``a@b.cn``);
    2. ``mailto:`` and a display name (``Ann Lee <ann@x.com>``) are removed, and quotes and brackets;
    3. all spaces are removed (an address cannot contain one) and dots,
       commas and semicolons at either end (``ann@x.com.`` at the end of a sentence);
    4. lower case: the domain is case-insensitive (RFC 5321, sec. 2.4); the
       part before ``@`` may in theory be case-sensitive but no large provider
       treats it so, and matching needs one form;
    5. valid when it is ``something@domain.tld`` with a tld of 2+ letters; otherwise missing.

    Provider-specific rules (Gmail ignores dots and ``+tags``) are *not*
    applied: they would merge addresses that other providers keep apart.

    Parameters
    ----------
    emails : Series, list or array of text

    Returns
    -------
    Series of text, same index; missing where the input is missing or not an address.

    Raises
    ------
    DataError
        If ``emails`` is not a column of values.

    Examples
    --------
    >>> standardize_email([" Ann.Lee@Example.COM", "mailto:ann.lee@example.com.",
    ...                    "Ann Lee <ANN.LEE@example.com>", "ann.lee@example", None]).tolist()
    ['ann.lee@example.com', 'ann.lee@example.com', 'ann.lee@example.com', nan, nan]
    """
    s = _as_text_series(emails, name="emails")
    t = s.str.normalize("NFKC")
    inside = t.str.extract(r"<([^<>]*@[^<>]*)>", expand=False)
    t = inside.where(inside.notna(), t)
    t = t.str.replace(r"^\s*mailto:", "", regex=True, case=False)
    t = t.str.replace(r"[\s\"'<>()\[\]]", "", regex=True)
    t = t.str.strip(".,;:").str.lower()
    ok = t.str.match(_EMAIL) & t.notna()
    return t.where(ok).astype("str").rename(s.name)


def _city_key(s: pd.Series, aliases: Mapping[str, str] | None = None) -> pd.Series:
    t = _strip_accents(_clean_space(s)).str.casefold()
    t = t.str.replace(r"[.'’]", "", regex=True).str.replace(r"[-‐–,]", " ", regex=True)
    t = t.str.replace(r"\s+", " ", regex=True).str.strip()
    words = t.str.split(" ")
    t = words.map(lambda ws: ws if not isinstance(ws, list) else " ".join(CITY_ABBREVIATIONS.get(w, w) for w in ws))
    t = t.astype("str").replace("", pd.NA)
    if aliases:
        keys = {k: v for k, v in zip(_city_key(pd.Series(list(aliases), dtype="str")),
                                     _city_key(pd.Series(list(aliases.values()), dtype="str")))}
        t = t.replace(keys)
    return t


def standardize_city(cities: Any, *, aliases: Mapping[str, str] | None = None) -> pd.Series:
    """Write every city the same way: the most common spelling of the same city.

    Lesson 01, *organise: verify*. Two spellings are the same city when their
    *key* is equal. The key: Unicode NFKC, accents removed (``Zürich`` →
    ``zurich``), case folded, dots and apostrophes removed, hyphens as spaces,
    one space between words, and whole-word abbreviations expanded (``St`` →
    saint, ``Ft`` → fort, ``Mt`` → mount, ``N``/``S``/``E``/``W`` → north ...;
    see ``CITY_ABBREVIATIONS``). ``aliases`` maps other names to a city
    (``{"NYC": "New York"}``; also ``{"北京": "Beijing"}``).

    Each key is then written as its most common spelling in the data (ties:
    a spelling in Mixed Case before ALL CAPS or all lower case, then
    alphabetical). Letting the data vote keeps spellings such as ``McAllen``
    or ``São Paulo`` that a blanket ``.title()`` or accent stripping would damage;
    a key seen only in lower or upper case is written in title case.

    Parameters
    ----------
    cities : Series, list or array of text
    aliases : dict, optional
        ``{other name: city}``, applied on keys (so case and accents do not matter).

    Returns
    -------
    Series of text, same index; missing where the input is missing or blank.

    Raises
    ------
    DataError
        If ``cities`` is not a column of values, or ``aliases`` is not a dict of text.

    Examples
    --------
    >>> standardize_city(["Saint Louis", "ST. LOUIS", "st louis ", "Saint Louis", "São Paulo",
    ...                   "sao paulo", "NYC", "  "], aliases={"NYC": "New York"}).tolist()
    ['Saint Louis', 'Saint Louis', 'Saint Louis', 'Saint Louis', 'São Paulo', 'São Paulo', 'New York', nan]
    """
    s = _as_text_series(cities, name="cities")
    if aliases is not None and (not isinstance(aliases, Mapping)
                                or not all(isinstance(k, str) and isinstance(v, str) for k, v in aliases.items())):
        raise DataError('aliases must be a dict of text, {other name: city}, e.g. aliases={"NYC": "New York"}.')
    key = _city_key(s, aliases)
    written = _clean_space(s)
    if aliases:  # an alias is written as its target
        alias_keys = _city_key(pd.Series(list(aliases), dtype="str"))
        targets = dict(zip(alias_keys, aliases.values()))
        is_alias = _city_key(s).isin(list(targets))
        written = written.where(~is_alias, _city_key(s).map(targets))
    frame = pd.DataFrame({"key": key, "written": written}).dropna()
    if len(frame) == 0:
        return pd.Series(pd.NA, index=s.index, dtype="str", name=s.name)
    counts = frame.groupby(["key", "written"]).size().rename("n").reset_index()
    w = counts["written"]
    counts["mixed"] = (w != w.str.upper()) & (w != w.str.lower())
    counts = counts.sort_values(["key", "n", "mixed", "written"], ascending=[True, False, False, True])
    best = counts.drop_duplicates("key").set_index("key")
    display = best["written"].where(best["mixed"], best["written"].str.title())
    return key.map(display).astype("str").rename(s.name)


def standardize_name(names: Any) -> pd.Series:
    """Write person names the same way: "First Last", one space, case repaired only when lost.

    Lesson 01, *organise: verify*. Rules: Unicode NFKC; one space between
    words, none at the ends; "Last, First" is turned round; a name typed in
    ALL CAPS or all lower case is put in title case, while a name typed in
    Mixed Case is kept as written (so ``McDonald`` or ``van der Berg`` survive).

    Examples
    --------
    >>> standardize_name(["LEE, ANN", "ann  lee", "Ann McDonald ", "ANN O'BRIEN", None]).tolist()
    ['Ann Lee', 'Ann Lee', 'Ann McDonald', "Ann O'Brien", nan]
    """
    s = _as_text_series(names, name="names")
    t = _clean_space(s)
    swapped = t.str.extract(r"^([^,]+),\s*(.+)$")
    t = (swapped[1] + " " + swapped[0]).where(swapped[0].notna(), t)
    lost = (t == t.str.upper()) | (t == t.str.lower())
    t = t.where(~lost, t.str.title())
    return t.replace("", pd.NA).astype("str").rename(s.name)


def parse_dates(values: Any, *, formats: Sequence[str] | None = None, slash: str = "month_first") -> pd.Series:
    """Read dates written in several formats; what no format reads becomes missing (NaT).

    Lesson 01, *organise: verify*. Each value is read with the first format of
    ``formats`` that fits (default :data:`DATE_FORMATS`: ISO 8601 ``2024-03-05``
    first, then ``05 Mar 2024``, ``03/05/2024``, ``05.03.2024`` ...). Slash
    dates are ambiguous: ``03/05/2024`` is 5 March in the US and 3 May in
    most of the world. ``slash="month_first"`` (default) reads them the US way;
    ``slash="day_first"`` the other way. Ask the data's owner which it is.

    Parameters
    ----------
    values : Series, list or array of text (or dates, returned as they are)
    formats : list of strptime formats, optional
    slash : {"month_first", "day_first"}

    Returns
    -------
    Series of datetime64, same index.

    Raises
    ------
    DataError
        If ``values`` is not a column of values, or ``slash`` is unknown.

    Examples
    --------
    >>> parse_dates(["2024-03-05", "05 Mar 2024", "03/05/2024", "05.03.2024", "soon"]).dt.strftime("%Y-%m-%d").tolist()
    ['2024-03-05', '2024-03-05', '2024-03-05', '2024-03-05', nan]
    """
    require_choice(slash, ["month_first", "day_first"], argument="slash")
    if isinstance(values, pd.Series) and pd.api.types.is_datetime64_any_dtype(values):
        return values
    s = _as_text_series(values, name="dates")
    formats = list(formats) if formats is not None else list(DATE_FORMATS)
    if slash == "day_first":
        formats = [f.replace("%m/%d/%Y", "%d/%m/%Y") for f in formats]
    t = _clean_space(s).str.replace(",", "", regex=False)
    out = pd.Series(pd.NaT, index=s.index, dtype="datetime64[ns]")
    for f in formats:
        todo = out.isna() & t.notna()
        if not todo.any():
            break
        out[todo] = pd.to_datetime(t[todo], format=f, errors="coerce").astype("datetime64[ns]")
    return out.rename(s.name)


# ------------------------------------------------------------------------------------------- duplicates

def name_similarity(a: Any, b: Any) -> pd.Series:
    """Similarity of two names from 0 (nothing shared) to 1 (same name), pair by pair.

    Lesson 01, record linkage. Names are first reduced to a key ("Last,
    First" turned round, case, accents and punctuation removed), then compared
    with Ratcliff & Obershelp's gestalt pattern matching (Ratcliff & Metzener
    1988, *Pattern matching: the gestalt approach*, Dr. Dobb's Journal), as
    implemented by Python's ``difflib.SequenceMatcher``:
    ``similarity = 2 * M / T``, with M the characters in matching blocks and T
    the characters in both names. A missing name gives NaN.

    Examples
    --------
    >>> name_similarity(["Ann Lee", "LEE, ANN", "Ann Lee"], ["ann  lee", "Ann Lee", "Anne Leigh"]).round(3).tolist()
    [1.0, 1.0, 0.706]
    """
    from difflib import SequenceMatcher

    ka = _name_key(_as_text_series(a, name="names"))
    kb = _name_key(_as_text_series(b, name="names"))
    if len(ka) != len(kb):
        raise DataError(f"The two columns of names must be equally long, but they have {len(ka)} and {len(kb)} "
                        f"values. Pass the two names of each pair side by side.")
    values = [np.nan if (x is pd.NA or y is pd.NA or not isinstance(x, str) or not isinstance(y, str))
              else SequenceMatcher(None, x, y, autojunk=False).ratio()
              for x, y in zip(ka.tolist(), kb.tolist())]
    return pd.Series(values, index=ka.index, dtype=float, name="name_similarity")


def find_duplicates(customers: pd.DataFrame, *, name_threshold: float = 0.9, key_name_threshold: float = 0.8,
                    customer_col: str = "customer_id", name_col: str = "name", email_col: str | None = "email",
                    phone_col: str | None = "phone", city_col: str | None = "city",
                    country_code: str = "1") -> pd.DataFrame:
    """Pairs of customer records that are probably the same person, with the evidence.

    Lesson 01, *organise: filter* — deduplication (record linkage; Fellegi &
    Sunter 1969, *A theory for record linkage*, JASA 64; Christen 2012,
    *Data Matching*, Springer, ch. 4 on blocking). Comparing every record with
    every other is n(n-1)/2 comparisons (13 million for 5,100 records), so
    only records that share a *blocking key* are compared: the same
    standardised e-mail, the same standardised phone, or the same first
    letters of first and last name. For each candidate pair:

    - ``email_match`` / ``phone_match``: equal after :func:`standardize_email` / :func:`standardize_phone`;
    - ``name_similarity``: :func:`name_similarity` (2M/T, 0-1);
    - ``same_city``: equal after :func:`standardize_city`.

    Decision rule: **merge** when the e-mail or the phone matches and the
    names are similar (``name_similarity >= key_name_threshold``: a shared
    family phone or office e-mail alone is not the same person); **review**
    when only the names are similar (``>= name_threshold``), or a key matches
    but the names differ. Pairs meeting neither rule are not listed. Same
    name is *not* same person: different people share common names, so
    name-only pairs go to a person, not to an automatic merge.

    Parameters
    ----------
    customers : DataFrame
        One row per record, with ``customer_col`` and ``name_col``; e-mail, phone and city are used when given.
    name_threshold : float, default 0.9
        Name similarity from which a pair is listed on names alone (0-1).
    key_name_threshold : float, default 0.8
        Name similarity a pair with a matching e-mail or phone needs to be merged.
    customer_col, name_col, email_col, phone_col, city_col : str
        Column names (``None`` to leave e-mail, phone or city out).
    country_code : str
        Passed to :func:`standardize_phone`.

    Returns
    -------
    DataFrame
        One row per pair (``id_1 < id_2``): ``id_1``, ``id_2``, ``name_1``, ``name_2``,
        ``email_match``, ``phone_match``, ``name_similarity``, ``same_city``,
        ``evidence`` (e.g. "email + phone + name") and ``decision`` ("merge" or "review"),
        sorted by decision and ids.

    Raises
    ------
    DataError
        If a column is missing, ids repeat, or a threshold is outside 0-1.

    Examples
    --------
    >>> import pandas as pd
    >>> people = pd.DataFrame({
    ...     "customer_id": [1, 2, 3, 4, 5],
    ...     "name": ["Ann Lee", "LEE, ANN", "Bob Stone", "Ann Lee", "Rita Stone"],
    ...     "email": ["ann@x.com", " ANN@X.COM", "bob@y.com", "ann.lee@z.com", "bob@y.com"],
    ...     "phone": ["763-626-8741", "7636268741", "701-555-0100", "702-555-0199", "701-555-0100"],
    ...     "city": ["Greenport", "greenport", "Wolfetown", "Lake Kyle", "Wolfetown"]})
    >>> pairs = find_duplicates(people)
    >>> pairs[["id_1", "id_2", "evidence", "decision"]]
       id_1  id_2              evidence decision
    0     1     2  email + phone + name    merge
    1     1     4                  name   review
    2     2     4                  name   review
    3     3     5         email + phone   review
    """
    require_frame(customers, table="customers", min_rows=0)
    cols = {"customer_col": customer_col, "name_col": name_col, "email_col": email_col,
            "phone_col": phone_col, "city_col": city_col}
    for arg, col in cols.items():
        if col is not None:
            require_columns(customers, col, table="customers", argument=arg)
    for arg, value in (("name_threshold", name_threshold), ("key_name_threshold", key_name_threshold)):
        if isinstance(value, bool) or not isinstance(value, (int, float, np.number)) or not 0 <= value <= 1:
            raise DataError(f"{arg} must be a similarity between 0 and 1, but {value!r} was given. "
                            f"0.9 lists near-identical names; lower values list more pairs (and more false ones).")
    ids = customers[customer_col]
    if ids.isna().any() or ids.duplicated().any():
        dup = ids[ids.duplicated()].head(3).tolist()
        raise DataError(f'The column "{customer_col}" must identify each record once, but it has '
                        f"{'missing values' if ids.isna().any() else 'repeated ids such as ' + ', '.join(map(str, dup))}. "
                        f"Give every record its own id first (e.g. customers.reset_index()).")
    columns = ["id_1", "id_2", "name_1", "name_2", "email_match", "phone_match", "name_similarity", "same_city",
               "evidence", "decision"]
    if len(customers) < 2:
        return pd.DataFrame({c: pd.Series(dtype=t) for c, t in zip(columns, [ids.dtype, ids.dtype, "str", "str",
                             bool, bool, float, bool, "str", "str"])})
    names = _as_text_series(customers[name_col], name=name_col).reset_index(drop=True)
    rec = pd.DataFrame({"id": ids.to_numpy(), "name": names, "name_key": _name_key(names)})
    rec["email"] = (standardize_email(customers[email_col]).reset_index(drop=True) if email_col
                    else pd.Series(pd.NA, index=rec.index, dtype="str"))
    rec["phone"] = (standardize_phone(customers[phone_col], country_code=country_code, style="e164")
                    .reset_index(drop=True) if phone_col else pd.Series(pd.NA, index=rec.index, dtype="str"))
    rec["city"] = (_city_key(_as_text_series(customers[city_col], name=city_col)).reset_index(drop=True)
                   if city_col else pd.Series(pd.NA, index=rec.index, dtype="str"))
    parts = rec["name_key"].str.split(" ")
    rec["initials"] = parts.str[0].str.slice(0, 2) + "|" + parts.str[-1].str.slice(0, 1)
    blocks = []
    for key in ("email", "phone", "initials"):
        b = rec[["id", key]].dropna()
        b = b[b[key].duplicated(keep=False)]
        m = b.merge(b, on=key, suffixes=("_1", "_2"))
        blocks.append(m.loc[m["id_1"] < m["id_2"], ["id_1", "id_2"]])
    pairs = pd.concat(blocks, ignore_index=True).drop_duplicates()
    r = rec.set_index("id")
    one, two = r.loc[pairs["id_1"].to_numpy()], r.loc[pairs["id_2"].to_numpy()]
    out = pd.DataFrame({"id_1": pairs["id_1"].to_numpy(), "id_2": pairs["id_2"].to_numpy(),
                        "name_1": one["name"].to_numpy(), "name_2": two["name"].to_numpy()})
    out["email_match"] = (one["email"].to_numpy() == two["email"].to_numpy()) & one["email"].notna().to_numpy()
    out["phone_match"] = (one["phone"].to_numpy() == two["phone"].to_numpy()) & one["phone"].notna().to_numpy()
    out["email_match"] = out["email_match"].astype(bool) & two["email"].notna().to_numpy()
    out["phone_match"] = out["phone_match"].astype(bool) & two["phone"].notna().to_numpy()
    out["name_similarity"] = name_similarity(out["name_1"], out["name_2"]).to_numpy()
    same_city = one["city"].to_numpy() == two["city"].to_numpy()
    out["same_city"] = pd.array(same_city, dtype="boolean").fillna(False).astype(bool) \
        & one["city"].notna().to_numpy() & two["city"].notna().to_numpy()
    similar = out["name_similarity"].fillna(0)
    key = out["email_match"] | out["phone_match"]
    named = similar >= name_threshold
    keep = key | named
    out = out[keep].copy()
    key, similar, named = key[keep], similar[keep], named[keep]
    name_ok = similar >= np.where(key, key_name_threshold, name_threshold)
    words = pd.DataFrame({"e": np.where(out["email_match"], "email", ""), "p": np.where(out["phone_match"], "phone", ""),
                          "n": np.where(name_ok, "name", "")}, index=out.index)
    out["evidence"] = [" + ".join(w for w in row if w) for row in words.itertuples(index=False)]
    out["decision"] = np.where(key & (similar >= key_name_threshold), "merge", "review")
    out = out.astype({"name_1": "str", "name_2": "str", "evidence": "str", "decision": "str"})
    out["_order"] = (out["decision"] == "review").astype(int)
    out = out.sort_values(["_order", "id_1", "id_2"]).drop(columns="_order").reset_index(drop=True)
    return out[columns]


def survivor_map(customers: pd.DataFrame, pairs: pd.DataFrame, *, customer_col: str = "customer_id",
                 signup_col: str | None = "signup_date") -> pd.DataFrame:
    """For every record, the id of the record that survives the merge.

    Lesson 01, deduplication. Pairs are joined into groups (if 1 = 2 and 2 = 3,
    all three are one person: connected components). The survivor of a group
    is its **oldest record**: the earliest ``signup_col`` (ties: the lowest
    id), the id the customer's history already hangs on.

    Parameters
    ----------
    customers : DataFrame
    pairs : DataFrame with ``id_1`` and ``id_2`` (e.g. the rows of :func:`find_duplicates` you accept)
    customer_col, signup_col : str (``signup_col=None``: lowest id survives)

    Returns
    -------
    DataFrame with ``customer_id`` (every record) and ``survivor_id``.

    Raises
    ------
    DataError
        If a column is missing or a pair names an id that is not in ``customers``.

    Examples
    --------
    >>> import pandas as pd
    >>> people = pd.DataFrame({"customer_id": [1, 2, 3, 4],
    ...                        "signup_date": ["2024-05-01", "2024-01-01", "2024-03-01", "2024-02-01"]})
    >>> pairs = pd.DataFrame({"id_1": [1, 2], "id_2": [3, 3]})
    >>> survivor_map(people, pairs)["survivor_id"].tolist()
    [2, 2, 2, 4]
    """
    require_frame(customers, table="customers", min_rows=0)
    require_columns(customers, customer_col, table="customers", argument="customer_col")
    if signup_col is not None:
        require_columns(customers, signup_col, table="customers", argument="signup_col")
    require_frame(pairs, table="pairs", min_rows=0)
    require_columns(pairs, ["id_1", "id_2"], table="pairs")
    ids = customers[customer_col].to_numpy()
    known = set(ids.tolist())
    unknown = [i for i in pd.concat([pairs["id_1"], pairs["id_2"]]).tolist() if i not in known]
    if unknown:
        raise DataError(f"pairs name {len(unknown)} id(s) that are not in the customers table, e.g. "
                        f"{', '.join(map(str, unknown[:3]))}. Find the pairs on the same customers table you merge.")
    parent = {i: i for i in ids.tolist()}

    def root(i: Any) -> Any:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for a, b in zip(pairs["id_1"].tolist(), pairs["id_2"].tolist()):
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[rb] = ra
    groups = pd.Series([root(i) for i in ids.tolist()], index=range(len(ids)))
    order = pd.DataFrame({"id": ids, "group": groups.to_numpy()})
    if signup_col is not None:
        order["signup"] = parse_dates(customers[signup_col].reset_index(drop=True)).to_numpy()
    else:
        order["signup"] = pd.NaT
    first = order.sort_values(["signup", "id"], na_position="last").drop_duplicates("group").set_index("group")["id"]
    return pd.DataFrame({customer_col: ids, "survivor_id": order["group"].map(first).to_numpy()})


def merge_duplicates(customers: pd.DataFrame, pairs: pd.DataFrame, *, customer_col: str = "customer_id",
                     signup_col: str | None = "signup_date") -> pd.DataFrame:
    """Merge duplicate records into one row per person (survivorship rule).

    Lesson 01, deduplication. The groups and their survivor come from
    :func:`survivor_map` (the oldest record survives, keeping its id). Each
    column keeps the **survivor's value**; where the survivor's value is
    missing, the first non-missing value of the group's other records (oldest
    first) fills it. Column ``records_merged`` says how many records became one.
    To move orders to the survivors, map their ids with ``survivor_map``.

    Parameters
    ----------
    customers : DataFrame
    pairs : DataFrame with ``id_1`` and ``id_2``: the pairs you accept (e.g. ``decision == "merge"``)
    customer_col, signup_col : str

    Returns
    -------
    DataFrame: one row per person, in the order of ``customers``, plus ``records_merged``.

    Raises
    ------
    DataError
        As :func:`survivor_map`.

    Examples
    --------
    >>> import pandas as pd
    >>> people = pd.DataFrame({"customer_id": [1, 2, 3], "name": ["Ann Lee", "ANN LEE", "Bob Stone"],
    ...                        "phone": [None, "763-626-8741", "701-555-0100"],
    ...                        "signup_date": ["2024-01-05", "2024-06-01", "2024-02-01"]})
    >>> merge_duplicates(people, pd.DataFrame({"id_1": [1], "id_2": [2]}))
       customer_id       name         phone signup_date  records_merged
    0            1    Ann Lee  763-626-8741  2024-01-05               2
    1            3  Bob Stone  701-555-0100  2024-02-01               1
    """
    ids = survivor_map(customers, pairs, customer_col=customer_col, signup_col=signup_col)
    data = customers.reset_index(drop=True).copy()
    data["_survivor"] = ids["survivor_id"].to_numpy()
    data["_is_survivor"] = data[customer_col].to_numpy() == data["_survivor"].to_numpy()
    if signup_col is not None:
        data["_signup"] = parse_dates(data[signup_col]).to_numpy()
    else:
        data["_signup"] = pd.NaT
    data["_pos"] = np.arange(len(data))
    data = data.sort_values(["_survivor", "_is_survivor", "_signup", customer_col],
                            ascending=[True, False, True, True], na_position="last")
    value_cols = [c for c in customers.columns if c != customer_col]
    grouped = data.groupby("_survivor", sort=False)
    merged = grouped[value_cols].first() if value_cols else pd.DataFrame(index=grouped.size().index)
    merged[customer_col] = merged.index.to_numpy()
    merged["records_merged"] = grouped.size().astype("int64")
    merged["_pos"] = data[data["_is_survivor"]].set_index("_survivor")["_pos"]
    merged = merged.sort_values("_pos")
    out = merged[[*customers.columns, "records_merged"]].reset_index(drop=True)
    for c in customers.columns:
        if out[c].dtype != customers[c].dtype:
            try:
                out[c] = out[c].astype(customers[c].dtype)
            except (TypeError, ValueError):
                pass
    return out


# ------------------------------------------------------------------------------------- single view

def _table(dataset: Any, name: str, given: Any) -> Any:
    if given is not None:
        return given
    if dataset is None:
        return None
    return getattr(dataset, name, None) if not isinstance(dataset, Mapping) else dataset.get(name)


def single_customer_view(dataset: Any = None, *, customers: pd.DataFrame | None = None,
                         orders: pd.DataFrame | None = None, surveys: pd.DataFrame | None = None,
                         tickets: pd.DataFrame | None = None, as_of: Any = None,
                         keep: Sequence[str] | None = ("signup_date", "acquisition_channel", "acquired_with_discount",
                                                       "age", "city"),
                         customer_col: str = "customer_id", date_col: str = "order_date",
                         amount_col: str = "amount") -> pd.DataFrame:
    """One row per customer, joining orders, surveys and tickets: the single customer view.

    Lesson 01, *analyse → apply*: the "360° view" that CRM implementation
    prepares (Payne & Frow 2005, *A strategic framework for CRM*, Journal of
    Marketing 69(4), the information-management process). Fields (names
    used by later lessons):

    - from ``orders``: ``orders`` (count), ``first_order``, ``last_order``,
      ``revenue`` (sum of amount, returned orders included: see ``returns``),
      ``average_order`` (revenue / orders),
      ``items``, ``discount``, ``margin`` (sums, when the columns exist),
      ``returns`` (returned orders), ``return_rate`` (returns / orders),
      ``days_since_last_order`` (as_of − last order), ``tenure_days``
      (as_of − signup_date);
    - from ``surveys``: ``surveys`` (count), ``last_survey``,
      ``last_satisfaction`` (overall_satisfaction of the latest answer),
      ``last_recommend`` (likely_to_recommend of the latest answer);
    - from ``tickets``: ``tickets``, ``complaints`` (is_complaint),
      ``unresolved_complaints``, ``last_ticket``.

    Only ``keep`` columns of ``customers`` are carried (default: no name,
    e-mail or phone: *data minimisation* — analysis does not need them).
    Customers without orders, surveys or tickets get 0 counts and missing dates.
    Orders, surveys and tickets after ``as_of`` are left out.

    Parameters
    ----------
    dataset : a loaded dataset (``datasets.load("shop")``) or a dict of tables, optional
    customers, orders, surveys, tickets : DataFrame, optional
        Override or replace the dataset's tables (customers and orders are required).
    as_of : date, optional
        Default: ``dataset.as_of``, else the last order date.
    keep : list of str
        Columns of ``customers`` to carry into the view (only those present are kept).
    customer_col, date_col, amount_col : str

    Returns
    -------
    DataFrame indexed by ``customer_col``, one row per customer of ``customers``.

    Raises
    ------
    DataError
        If customers or orders are missing, a column is missing, ids repeat in customers,
        or dates cannot be read.

    Examples
    --------
    >>> import pandas as pd
    >>> customers = pd.DataFrame({"customer_id": [1, 2], "signup_date": pd.to_datetime(["2024-01-01", "2024-02-01"])})
    >>> orders = pd.DataFrame({"customer_id": [1, 1], "order_date": pd.to_datetime(["2024-01-10", "2024-03-01"]),
    ...                        "amount": [20.0, 30.0], "returned": [False, True]})
    >>> view = single_customer_view(customers=customers, orders=orders, as_of="2024-03-31")
    >>> view[["orders", "revenue", "returns", "days_since_last_order"]]
                 orders  revenue  returns  days_since_last_order
    customer_id                                                 
    1                 2     50.0        1                   30.0
    2                 0      0.0        0                    NaN
    """
    customers = _table(dataset, "customers", customers)
    orders = _table(dataset, "orders", orders)
    surveys = _table(dataset, "surveys", surveys)
    tickets = _table(dataset, "tickets", tickets)
    if customers is None or orders is None:
        raise DataError("single_customer_view needs the customers and orders tables: pass a dataset "
                        "(datasets.load('shop')) or customers=... and orders=....")
    require_frame(customers, table="customers", min_rows=0)
    require_frame(orders, table="orders", min_rows=0)
    require_columns(customers, customer_col, table="customers", argument="customer_col")
    require_columns(orders, [customer_col, date_col, amount_col], table="orders")
    ids = customers[customer_col]
    if ids.isna().any() or ids.duplicated().any():
        raise DataError(f'The column "{customer_col}" of customers must name each customer once, but some ids repeat '
                        f"or are missing. Merge duplicates first (customer_data.merge_duplicates).")
    from custlearn._validate import require_datetime, require_numeric

    odates = require_datetime(orders, date_col, table="orders")
    require_numeric(orders, amount_col, table="orders")
    if as_of is None:
        as_of = getattr(dataset, "as_of", None) if dataset is not None and not isinstance(dataset, Mapping) else None
    if as_of is None:
        if odates.notna().any():
            as_of = odates.max()
        else:
            raise DataError("as_of is missing and the orders have no dates. Pass as_of='YYYY-MM-DD'.")
    as_of_ts = as_timestamp(as_of)
    view = pd.DataFrame(index=pd.Index(ids.to_numpy(), name=customer_col))
    for c in (keep or []):
        if c in customers.columns and c != customer_col:
            view[c] = pd.Series(customers[c].array, index=view.index)
    o = orders.assign(**{date_col: odates})
    o = o[o[date_col] <= as_of_ts]
    g = o.groupby(customer_col)
    agg = pd.DataFrame({"orders": g.size(), "first_order": g[date_col].min(), "last_order": g[date_col].max(),
                        "revenue": g[amount_col].sum()})
    for c in ("items", "discount", "margin"):
        if c in o.columns and pd.api.types.is_numeric_dtype(o[c]):
            agg[c] = g[c].sum()
    agg["returns"] = g["returned"].sum() if "returned" in o.columns else 0
    view = view.join(agg)
    view["orders"] = view["orders"].fillna(0).astype("int64")
    view["revenue"] = view["revenue"].fillna(0.0).round(2)
    for c in ("items",):
        if c in view:
            view[c] = view[c].fillna(0).astype("int64")
    for c in ("discount", "margin"):
        if c in view:
            view[c] = view[c].fillna(0.0).round(2)
    view["returns"] = view["returns"].fillna(0).astype("int64")
    with np.errstate(invalid="ignore", divide="ignore"):
        view["average_order"] = (view["revenue"] / view["orders"].where(view["orders"] > 0)).round(2)
        view["return_rate"] = view["returns"] / view["orders"].where(view["orders"] > 0)
    view["days_since_last_order"] = (as_of_ts - view["last_order"]).dt.days.astype(float)
    if "signup_date" in customers.columns:
        signup = require_datetime(customers, "signup_date", table="customers")
        view["tenure_days"] = (as_of_ts - pd.Series(signup.to_numpy(), index=view.index)).dt.days.astype(float)
    if surveys is not None:
        require_columns(surveys, [customer_col, "survey_date"], table="surveys")
        sd = require_datetime(surveys, "survey_date", table="surveys")
        s = surveys.assign(survey_date=sd)
        s = s[s["survey_date"] <= as_of_ts]
        sort_cols = ["survey_date"] + (["response_id"] if "response_id" in s.columns else [])
        last = s.sort_values(sort_cols).groupby(customer_col).tail(1).set_index(customer_col)
        view["surveys"] = s.groupby(customer_col).size().reindex(view.index).fillna(0).astype("int64")
        view["last_survey"] = last["survey_date"].reindex(view.index)
        for src, dst in (("overall_satisfaction", "last_satisfaction"), ("likely_to_recommend", "last_recommend")):
            if src in last.columns:
                view[dst] = last[src].reindex(view.index).astype("Float64").astype(float)
    if tickets is not None:
        require_columns(tickets, [customer_col, "opened_at"], table="tickets")
        td = require_datetime(tickets, "opened_at", table="tickets")
        t = tickets.assign(opened_at=td)
        t = t[t["opened_at"] < as_of_ts + pd.Timedelta(days=1)]
        tg = t.groupby(customer_col)
        view["tickets"] = tg.size().reindex(view.index).fillna(0).astype("int64")
        if "is_complaint" in t.columns:
            comp = t["is_complaint"].astype(bool)
            view["complaints"] = comp.groupby(t[customer_col]).sum().reindex(view.index).fillna(0).astype("int64")
            if "resolved" in t.columns:
                unres = comp & ~t["resolved"].astype(bool)
                view["unresolved_complaints"] = (unres.groupby(t[customer_col]).sum().reindex(view.index)
                                                 .fillna(0).astype("int64"))
        view["last_ticket"] = tg["opened_at"].max().reindex(view.index)
    return view


# ------------------------------------------------------------------------------------------ privacy

def _key_bytes(key: Any) -> bytes:
    if key is None or (isinstance(key, (str, bytes)) and len(key) == 0):
        raise DataError("pseudonymize needs a secret key, but none was given. Make one once with "
                        "secrets.token_hex(32), keep it in a password vault or an environment variable "
                        "(not in the notebook), and pass key=os.environ['...'].")
    if isinstance(key, str):
        key = key.encode("utf-8")
    if not isinstance(key, (bytes, bytearray)):
        raise DataError(f"key must be text or bytes, but a {type(key).__name__} was given. "
                        f"Use secrets.token_hex(32) to make one.")
    if len(key) < 16:
        raise DataError(f"The key is too short ({len(key)} bytes; at least 16 are needed): a short key can be "
                        f"guessed. Make one with secrets.token_hex(32).")
    return bytes(key)


def pseudonymize(df: pd.DataFrame, columns: str | Sequence[str], key: str | bytes, *, length: int = 16,
                 prefix: str = "") -> pd.DataFrame:
    """Replace identifying columns by keyed tokens (HMAC-SHA-256), so tables still join.

    Lesson 01, *protect customer privacy* (保护顾客隐私). Each value becomes
    ``token = HMAC-SHA-256(key, value as UTF-8 text)`` written in hexadecimal
    (RFC 2104, Krawczyk, Bellare & Canetti 1997; NIST FIPS 198-1, 2008),
    cut to its first ``length`` characters (16 hex = 64 bits; 64 = the full
    digest). The same value and key always give the same token (tables still
    join, repeat customers still count once); another key gives unrelated
    tokens; without the key nobody can compute the token of a guessed e-mail,
    which defeats the dictionary attack that breaks a plain SHA-256 of an
    e-mail or phone. Missing values stay missing. Standardise values first
    (``standardize_email``...): ``Ann@X.com`` and ``ann@x.com`` give different tokens.

    The key is never printed, stored or put in an error message.
    Pseudonymised data are **still personal data** (GDPR Art. 4(5) and
    Recital 26; PIPL Art. 73: de-identified 去标识化, not anonymised 匿名化):
    whoever has the key can re-identify, and the columns left in clear (age,
    city, dates) can single people out. Keep the key apart from the data and
    drop columns the analysis does not need (data minimisation).

    Parameters
    ----------
    df : DataFrame
    columns : str or list of str
        Columns to replace (identifiers: ids, names, e-mails, phones).
    key : str or bytes
        The secret, at least 16 bytes (e.g. ``secrets.token_hex(32)``).
    length : int, default 16
        Hex characters kept, 8-64.
    prefix : str
        Text put before each token (e.g. ``"c_"``).

    Returns
    -------
    DataFrame: a copy of ``df`` with those columns replaced by text tokens.

    Raises
    ------
    DataError
        No key or a short key, a column not in ``df``, ``length`` outside 8-64.

    Examples
    --------
    >>> import pandas as pd
    >>> people = pd.DataFrame({"email": ["ann@x.com", "bob@y.com", "ann@x.com"], "age": [34, 51, 34]})
    >>> safe = pseudonymize(people, "email", key="course-demo-key-not-for-real-use")
    >>> safe["email"].str.len().tolist(), safe["email"].iloc[0] == safe["email"].iloc[2], safe["age"].tolist()
    ([16, 16, 16], True, [34, 51, 34])
    >>> pseudonymize(people, "email", key="")
    Traceback (most recent call last):
    ...
    custlearn.DataError: pseudonymize needs a secret key, but none was given. ...
    """
    secret = _key_bytes(key)
    require_frame(df, table="df", min_rows=0)
    if isinstance(columns, str):
        columns = [columns]
    columns = list(columns)
    if not columns:
        raise DataError("columns is empty: name the identifying columns to pseudonymise, e.g. ['email', 'phone'].")
    require_columns(df, columns, table="df", argument="columns")
    if isinstance(length, bool) or not isinstance(length, (int, np.integer)) or not 8 <= length <= 64:
        raise DataError(f"length must be a whole number from 8 to 64 hex characters, but {length!r} was given. "
                        f"16 (64 bits) is plenty for a customer file; 64 keeps the whole digest.")
    out = df.copy()
    for c in columns:
        s = out[c]
        present = s.notna()
        text = s[present].map(lambda v: unicodedata.normalize("NFC", str(v)))
        tokens = [prefix + hmac.new(secret, v.encode("utf-8"), hashlib.sha256).hexdigest()[:length]
                  for v in text.tolist()]
        col = pd.Series(pd.NA, index=s.index, dtype="str")
        col[present] = tokens
        out[c] = col
    return out

