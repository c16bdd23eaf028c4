"""Lesson 01, *organise: filter*: find the records that are one person, and merge them.

Record linkage in three steps (Fellegi & Sunter 1969; Christen 2012):

1. :func:`find_duplicates` compares only records that share a *blocking key*
   (the same e-mail, the same phone, the same initials) and lists each
   candidate pair with its evidence and a decision, "merge" or "review";
   :func:`name_similarity` is the name comparison it uses;
2. :func:`survivor_map` joins the accepted pairs into groups and names the
   record that survives (the oldest);
3. :func:`merge_duplicates` keeps one row per person, the survivor's values
   first, gaps filled from the other records.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from custlearn._errors import DataError
from custlearn._i18n import tr
from custlearn._tables import Column, read_table
from custlearn._validate import require_fraction
from custlearn.customer_data._standardize import _city_key, parse_dates, standardize_email, standardize_phone
from custlearn.customer_data._text import _as_text_series, _clean_space, _strip_accents

__all__ = ["name_similarity", "find_duplicates", "survivor_map", "merge_duplicates"]

PAIR_COLUMNS = ["id_1", "id_2", "name_1", "name_2", "email_match", "phone_match", "name_similarity", "same_city",
                "evidence", "decision"]


# ------------------------------------------------------------------------------------------- comparing names

def _name_key(names: pd.Series) -> pd.Series:
    """Comparison key of a name: 'Last, First' reordered, accents and case removed, one space."""
    s = _clean_space(names)
    swapped = s.str.extract(r"^([^,]+),\s*(.+)$")
    s = (swapped[1] + " " + swapped[0]).where(swapped[0].notna(), s)
    s = _strip_accents(s).str.casefold().str.replace(r"[^\w ]", "", regex=True)
    return s.str.replace(r"\s+", " ", regex=True).str.strip().replace("", pd.NA)



def name_similarity(a: Any, b: Any) -> pd.Series:
    """Similarity of two names from 0 (nothing shared) to 1 (same name), pair by pair.

    Lesson 01, record linkage. Names are first reduced to a key ("Last,
    First" turned round, case, accents and punctuation removed), then compared
    with Ratcliff & Obershelp's gestalt pattern matching (Ratcliff & Metzener
    1988, *Pattern matching: the gestalt approach*, Dr. Dobb's Journal), as
    implemented by Python's ``difflib.SequenceMatcher``:
    ``similarity = 2 * M / T``, with M the characters in matching blocks and T
    the characters in both names. A missing name gives NaN.

    Parameters
    ----------
    a, b : Series, list or array of text
        The two names of each pair, side by side (equally long).

    Returns
    -------
    Series of float named ``name_similarity``, with the index of ``a``; NaN where a name is missing.

    Raises
    ------
    DataError
        If ``a`` or ``b`` is not a column of values, or they are not equally long.

    Examples
    --------
    >>> name_similarity(["Ann Lee", "LEE, ANN", "Ann Lee"], ["ann  lee", "Ann Lee", "Anne Leigh"]).round(3).tolist()
    [1.0, 1.0, 0.706]
    >>> name_similarity(["Ann Lee", "Bob Stone"], ["Ann Lee"])
    Traceback (most recent call last):
    ...
    custlearn.DataError: The two columns of names must be equally long, but they have 2 and 1 values. Pass the two names of each pair side by side.
    """
    from difflib import SequenceMatcher

    ka = _name_key(_as_text_series(a, name="names"))
    kb = _name_key(_as_text_series(b, name="names"))
    if len(ka) != len(kb):
        raise DataError(tr("The two columns of names must be equally long, but they have {n} and {n2} "
                           "values. Pass the two names of each pair side by side.", n=len(ka), n2=len(kb)))
    values = [np.nan if (x is pd.NA or y is pd.NA or not isinstance(x, str) or not isinstance(y, str))
              else SequenceMatcher(None, x, y, autojunk=False).ratio()
              for x, y in zip(ka.tolist(), kb.tolist())]
    return pd.Series(values, index=ka.index, dtype=float, name="name_similarity")


# ------------------------------------------------------------------------------------------- finding pairs

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
    >>> find_duplicates(people, name_threshold=90)
    Traceback (most recent call last):
    ...
    custlearn.DataError: name_threshold must be a fraction from 0 to 1, e.g. name_threshold=0.9, but 90 was given. Give a fraction, not a percentage: 0.9, not 90.
    """
    name_threshold = require_fraction(name_threshold, argument="name_threshold", closed=True, example="0.9")
    key_name_threshold = require_fraction(key_name_threshold, argument="key_name_threshold", closed=True,
                                          example="0.8")
    records = _read_records(customers, customer_col=customer_col, name_col=name_col, email_col=email_col,
                            phone_col=phone_col, city_col=city_col)
    if len(records) < 2:
        return _no_pairs(records[customer_col].dtype)
    rec = _comparable(records, customer_col=customer_col, name_col=name_col, email_col=email_col,
                      phone_col=phone_col, city_col=city_col, country_code=country_code)
    pairs = _compare(_candidate_pairs(rec), rec)
    return _decide(pairs, name_threshold=name_threshold, key_name_threshold=key_name_threshold)


def _read_records(customers: Any, *, customer_col: str, name_col: str, email_col: str | None,
                  phone_col: str | None, city_col: str | None) -> pd.DataFrame:
    """The records, one per id; names, e-mails, phones and cities as they were typed (missing allowed)."""
    columns = [Column(customer_col, "id", "customer_col"), Column(name_col, "label", "name_col", missing="keep")]
    for col, argument in ((email_col, "email_col"), (phone_col, "phone_col"), (city_col, "city_col")):
        if col is not None:
            columns.append(Column(col, "label", argument, missing="keep"))
    return read_table(customers, columns, table="customers", key=customer_col)


def _no_pairs(id_dtype: Any) -> pd.DataFrame:
    """The empty result: no pair can be found among fewer than two records."""
    dtypes = [id_dtype, id_dtype, "str", "str", bool, bool, float, bool, "str", "str"]
    return pd.DataFrame({c: pd.Series(dtype=t) for c, t in zip(PAIR_COLUMNS, dtypes)})


def _comparable(records: pd.DataFrame, *, customer_col: str, name_col: str, email_col: str | None,
                phone_col: str | None, city_col: str | None, country_code: str) -> pd.DataFrame:
    """Each record in comparable form: name key, standard e-mail and phone, city key, initials."""
    names = _as_text_series(records[name_col], name=name_col).reset_index(drop=True)
    rec = pd.DataFrame({"id": records[customer_col].to_numpy(), "name": names, "name_key": _name_key(names)})

    def standard(col: str | None, how: Any) -> pd.Series:
        if col is None:
            return pd.Series(pd.NA, index=rec.index, dtype="str")
        return how(records[col]).reset_index(drop=True)

    rec["email"] = standard(email_col, standardize_email)
    rec["phone"] = standard(phone_col, lambda s: standardize_phone(s, country_code=country_code, style="e164"))
    rec["city"] = standard(city_col, lambda s: _city_key(_as_text_series(s, name=city_col)))
    parts = rec["name_key"].str.split(" ")
    rec["initials"] = parts.str[0].str.slice(0, 2) + "|" + parts.str[-1].str.slice(0, 1)
    return rec


def _candidate_pairs(rec: pd.DataFrame) -> pd.DataFrame:
    """Blocking: the pairs (id_1 < id_2) that share an e-mail, a phone or initials."""
    blocks = []
    for key in ("email", "phone", "initials"):
        b = rec[["id", key]].dropna()
        b = b[b[key].duplicated(keep=False)]
        m = b.merge(b, on=key, suffixes=("_1", "_2"))
        blocks.append(m.loc[m["id_1"] < m["id_2"], ["id_1", "id_2"]])
    return pd.concat(blocks, ignore_index=True).drop_duplicates()


def _compare(pairs: pd.DataFrame, rec: pd.DataFrame) -> pd.DataFrame:
    """The evidence of each pair: e-mail match, phone match, name similarity, same city."""
    r = rec.set_index("id")
    one, two = r.loc[pairs["id_1"].to_numpy()], r.loc[pairs["id_2"].to_numpy()]

    def equal(col: str) -> np.ndarray:  # both known and the same
        same = pd.array(one[col].to_numpy() == two[col].to_numpy(), dtype="boolean").fillna(False)
        return np.asarray(same, dtype=bool) & one[col].notna().to_numpy() & two[col].notna().to_numpy()

    out = pd.DataFrame({"id_1": pairs["id_1"].to_numpy(), "id_2": pairs["id_2"].to_numpy(),
                        "name_1": one["name"].to_numpy(), "name_2": two["name"].to_numpy()})
    out["email_match"] = equal("email")
    out["phone_match"] = equal("phone")
    out["name_similarity"] = name_similarity(out["name_1"], out["name_2"]).to_numpy()
    out["same_city"] = equal("city")
    return out


def _decide(out: pd.DataFrame, *, name_threshold: float, key_name_threshold: float) -> pd.DataFrame:
    """The decision rule: merge on a shared key with similar names; review a key alone or names alone."""
    similar = out["name_similarity"].fillna(0)
    key = out["email_match"] | out["phone_match"]
    keep = key | (similar >= name_threshold)
    out, key, similar = out[keep].copy(), key[keep], similar[keep]
    name_ok = similar >= np.where(key, key_name_threshold, name_threshold)
    words = pd.DataFrame({"e": np.where(out["email_match"], "email", ""),
                          "p": np.where(out["phone_match"], "phone", ""),
                          "n": np.where(name_ok, "name", "")}, index=out.index)
    out["evidence"] = [" + ".join(w for w in row if w) for row in words.itertuples(index=False)]
    out["decision"] = np.where(key & (similar >= key_name_threshold), "merge", "review")
    out = out.astype({"name_1": "str", "name_2": "str", "evidence": "str", "decision": "str"})
    out["_order"] = (out["decision"] == "review").astype(int)
    out = out.sort_values(["_order", "id_1", "id_2"]).drop(columns="_order").reset_index(drop=True)
    return out[PAIR_COLUMNS]


# ------------------------------------------------------------------------------------------- merging

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
        If a column is missing, an id is missing or repeated in ``customers``, or a pair
        names an id that is not in ``customers``.

    Examples
    --------
    >>> import pandas as pd
    >>> people = pd.DataFrame({"customer_id": [1, 2, 3, 4],
    ...                        "signup_date": ["2024-05-01", "2024-01-01", "2024-03-01", "2024-02-01"]})
    >>> pairs = pd.DataFrame({"id_1": [1, 2], "id_2": [3, 3]})
    >>> survivor_map(people, pairs)["survivor_id"].tolist()
    [2, 2, 2, 4]
    >>> survivor_map(people, pd.DataFrame({"id_1": [1], "id_2": [9]}))
    Traceback (most recent call last):
    ...
    custlearn.DataError: pairs name 1 id(s) that are not in the customers table, e.g. 9. Find the pairs on the same customers table you merge.
    """
    ids = _read_ids(customers, customer_col=customer_col, signup_col=signup_col)
    links = read_table(pairs, [Column("id_1", "id"), Column("id_2", "id")], table="pairs")
    _require_known(links, ids[customer_col])
    group = _connected_groups(ids[customer_col].tolist(), zip(links["id_1"].tolist(), links["id_2"].tolist()))
    order = pd.DataFrame({"id": ids[customer_col].to_numpy(), "group": group})
    order["signup"] = _signup_dates(ids, signup_col)
    first = order.sort_values(["signup", "id"], na_position="last").drop_duplicates("group").set_index("group")["id"]
    return pd.DataFrame({customer_col: order["id"].to_numpy(), "survivor_id": order["group"].map(first).to_numpy()})


def _read_ids(customers: Any, *, customer_col: str, signup_col: str | None) -> pd.DataFrame:
    """The records' ids (one per record) and their sign-up dates as typed."""
    columns = [Column(customer_col, "id", "customer_col")]
    if signup_col is not None:
        columns.append(Column(signup_col, "label", "signup_col", missing="keep"))
    return read_table(customers, columns, table="customers", key=customer_col).reset_index(drop=True)


def _signup_dates(ids: pd.DataFrame, signup_col: str | None) -> np.ndarray:
    """Sign-up dates read by :func:`parse_dates` (the lesson's own rule for messy dates); NaT without them."""
    if signup_col is None:
        return np.full(len(ids), np.datetime64("NaT"), dtype="datetime64[ns]")
    return parse_dates(ids[signup_col]).to_numpy()


def _require_known(links: pd.DataFrame, ids: pd.Series) -> None:
    """Every id a pair names must be a record of the customers table."""
    named = pd.concat([links["id_1"], links["id_2"]])
    unknown = named[~named.isin(ids)].tolist()
    if unknown:
        raise DataError(tr("pairs name {n} id(s) that are not in the customers table, e.g. {unknown}. "
                           "Find the pairs on the same customers table you merge.",
                           n=len(unknown), unknown=', '.join(map(str, unknown[:3]))))


def _connected_groups(ids: list[Any], links: Any) -> list[Any]:
    """Union-find: the group (a representative id) of each id, joining every linked pair."""
    parent = {i: i for i in ids}

    def root(i: Any) -> Any:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for a, b in links:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[rb] = ra
    return [root(i) for i in ids]


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
    data["_is_survivor"] = ids[customer_col].to_numpy() == ids["survivor_id"].to_numpy()
    data["_signup"] = _signup_dates(data, signup_col)
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
    return _restore_dtypes(merged[[*customers.columns, "records_merged"]].reset_index(drop=True), customers)


def _restore_dtypes(out: pd.DataFrame, customers: pd.DataFrame) -> pd.DataFrame:
    """Give each merged column the dtype it had in ``customers`` where it can (a group's first() may widen it)."""
    for c in customers.columns:
        if out[c].dtype != customers[c].dtype:
            try:
                out[c] = out[c].astype(customers[c].dtype)
            except (TypeError, ValueError):
                pass
    return out
