"""Lesson 01, *organise: verify*: one written form for each kind of value.

A phone typed "763.626.8741", "(763) 626-8741" or "+1 763 626 8741" is one
number; "ST. LOUIS" and "Saint Louis" are one city. Each standardiser below
states its rules, in order, and turns every way of typing a value into one
written form (vectorised over a whole column): :func:`standardize_phone`,
:func:`standardize_email`, :func:`standardize_city`, :func:`standardize_name`
and :func:`parse_dates`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from custlearn._errors import DataError
from custlearn._i18n import tr
from custlearn._validate import require_choice
from custlearn.customer_data._text import _as_text_series, _clean_space, _strip_accents

__all__ = [
    "standardize_phone",
    "standardize_email",
    "standardize_city",
    "standardize_name",
    "parse_dates",
    "DATE_FORMATS",
    "CITY_ABBREVIATIONS",
]

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


# ------------------------------------------------------------------------------------------ phones

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
    >>> standardize_phone("763-626-8741")
    Traceback (most recent call last):
    ...
    custlearn.DataError: phones must be a column of values (a Series, list or array), but a single str was given. Wrap one value in a list: ['763-626-8741'].
    """
    s = _as_text_series(phones, name="phones")
    require_choice(style, ["national", "e164"], argument="style")
    country_code = str(country_code).lstrip("+")
    if not re.fullmatch(r"[1-9]\d{0,2}", country_code):
        raise DataError(tr('country_code="{country_code}" is not a country calling code: give 1-3 digits '
                           'without the plus, e.g. country_code="1" (North America), "44" (UK) or "86" (China).',
                           country_code=country_code))
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


# ------------------------------------------------------------------------------------------ e-mails

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


# ------------------------------------------------------------------------------------------ cities

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
    >>> standardize_city(["NYC"], aliases=["NYC", "New York"])
    Traceback (most recent call last):
    ...
    custlearn.DataError: aliases must be a dict of text, {other name: city}, e.g. aliases={"NYC": "New York"}.
    """
    s = _as_text_series(cities, name="cities")
    if aliases is not None and (not isinstance(aliases, Mapping)
                                or not all(isinstance(k, str) and isinstance(v, str) for k, v in aliases.items())):
        raise DataError(tr('aliases must be a dict of text, {{other name: city}}, e.g. aliases={{"NYC": '
                           '"New York"}}.'))
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


# ------------------------------------------------------------------------------------------ names and dates

def standardize_name(names: Any) -> pd.Series:
    """Write person names the same way: "First Last", one space, case repaired only when lost.

    Lesson 01, *organise: verify*. Rules: Unicode NFKC; one space between
    words, none at the ends; "Last, First" is turned round; a name typed in
    ALL CAPS or all lower case is put in title case, while a name typed in
    Mixed Case is kept as written (so ``McDonald`` or ``van der Berg`` survive).

    Parameters
    ----------
    names : Series, list or array of text

    Returns
    -------
    Series of text, same index; missing where the input is missing or blank.

    Raises
    ------
    DataError
        If ``names`` is not a column of values (a single text, a whole DataFrame,
        true/false values or dates).

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
    >>> parse_dates(["03/05/2024"], slash="european")
    Traceback (most recent call last):
    ...
    custlearn.DataError: slash="european" is not one of the valid choices: "month_first", "day_first". Pass one of them, e.g. slash="month_first".
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
