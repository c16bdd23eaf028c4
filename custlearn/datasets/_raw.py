"""The messy extract of lesson 1: the shop's customers and orders as a careless CRM exports them.

Every problem is planted on purpose, with a known count (``raw_problems``)
and, for duplicate people, the true customer behind each duplicate record
(``duplicates``).  Definitions used for the counts (each row counted once
per problem; a row can have several problems):

- duplicate_person: an extra record of an existing person (new id, later
  signup_date, name/email/phone typed differently).
- name_format, email_format, phone_format, city_variant: the value is present
  but differs from the person's canonical value (case, spaces, separators,
  spelling).
- missing_email, missing_phone, missing_city, missing_age: value missing.
- age_out_of_range: age below 18 or above 100.
- order_on_duplicate_record: an order booked on a duplicate record.
- negative_amount: amount < 0 on an order that is not a refund.
- date_format: order_date not written as YYYY-MM-DD.
- date_outside_window: order_date (once read) before start or after end.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

SHARES = {
    "duplicate_person": 0.02,
    "email_format": 0.05,
    "phone_format": 0.08,
    "city_variant": 0.04,
    "missing_email": 0.01,
    "missing_phone": 0.015,
    "missing_city": 0.01,
    "missing_age": 0.02,
    "age_out_of_range": 0.004,
    "negative_amount": 0.002,
    "date_format": 0.01,
    "date_outside_window": 0.002,
}


def _count(share: float, n: int) -> int:
    return int(round(share * n)) if n >= 50 else 0


def _phone_variant(phones: pd.Series, kind: np.ndarray) -> pd.Series:
    if len(phones) == 0:
        return phones
    digits = phones.str.replace(r"\D", "", regex=True)
    spaced = digits.str.slice(0, 3) + " " + digits.str.slice(3, 6) + " " + digits.str.slice(6)
    dotted = digits.str.slice(0, 3) + "." + digits.str.slice(3, 6) + "." + digits.str.slice(6)
    out = spaced.where(kind == 0, dotted.where(kind == 1, digits))
    return out.where(out != phones, spaced)


def _email_variant(emails: pd.Series, kind: np.ndarray) -> pd.Series:
    if len(emails) == 0:
        return emails
    up = emails.str.upper()
    title = emails.str.slice(0, 1).str.upper() + emails.str.slice(1)
    return up.where(kind == 0, title.where(kind == 1, (" " + emails).where(kind == 2, emails + " ")))


def _city_variant(cities: pd.Series, kind: np.ndarray) -> pd.Series:
    if len(cities) == 0:
        return cities
    out = cities.str.lower().where(kind == 0, cities.str.upper().where(kind == 1, cities + " "))
    return out.where(out != cities, cities + " ")


def _name_variant(names: pd.Series, kind: np.ndarray) -> pd.Series:
    if len(names) == 0:
        return names
    parts = names.str.partition(" ")
    first = parts[0]
    last = parts[2]
    swapped = (last + ", " + first).where(last != "", names + " ")
    out = names.str.upper().where(kind == 0, names.str.lower().where(kind == 1, swapped.where(kind == 2, names.str.replace(" ", "  ", n=1, regex=False))))
    return out.where(out != names, names + " ")


def _iso(dates: pd.Series) -> np.ndarray:
    """ISO day strings, via a lookup table of the days that occur (fast for millions of rows)."""
    days = dates.to_numpy().astype("datetime64[D]").astype(np.int64)
    if len(days) == 0:
        return np.zeros(0, dtype=object)
    lo = int(days.min())
    table = np.datetime_as_string(np.arange(lo, int(days.max()) + 1).astype("datetime64[D]"), unit="D").astype(object)
    return table[days - lo]


def make_raw(customers: pd.DataFrame, orders: pd.DataFrame, start: pd.Timestamp, end: pd.Timestamp, rng: np.random.Generator) -> dict:
    """Return raw_customers, raw_orders, raw_problems and raw_duplicates frames.

    The steps draw from ``rng`` (the ``raw`` stream of :mod:`._streams`) in
    this order: duplicate people, format problems and missing values,
    orders booked on duplicates, order problems.  Shares: ``SHARES``.
    """
    n = len(customers)
    cust = customers.copy()
    for c in ("name", "email", "phone", "city", "acquisition_channel"):
        cust[c] = cust[c].to_numpy(dtype=object)
    dup, orig = _duplicate_people(cust, start, end, rng)
    raw = pd.concat([cust, dup], ignore_index=True)
    canon = pd.concat([cust, cust.iloc[orig]], ignore_index=True)  # the person's canonical values
    _format_problems_and_missing_values(raw, n, rng)
    o, moved = _orders_on_duplicate_records(orders, n, orig, dup["signup_date"].to_numpy(), rng)
    k2, k3 = _order_problems(o, rng)
    problems = _problem_counts(raw, canon, o, len(orig), int(moved.sum()), k2, k3)
    duplicates = pd.DataFrame({"customer_id": np.arange(n + 1, n + len(orig) + 1, dtype=np.int64), "duplicate_of": (orig + 1).astype(np.int64)})
    return {"raw_customers": raw, "raw_orders": o, "raw_problems": problems, "raw_duplicates": duplicates}


def _duplicate_people(cust: pd.DataFrame, start: pd.Timestamp, end: pd.Timestamp, rng: np.random.Generator) -> tuple[pd.DataFrame, np.ndarray]:
    """duplicate_person: ``SHARES["duplicate_person"]`` of the people sign up again, 30-299 days later.

    The new record has the next free id, the name typed differently, the
    e-mail typed differently (2 in 3) and the phone in another format (3 in
    5), and looks like a plain search sign-up.  Returns the duplicate
    records in sign-up order and the 0-based position of each one's person.
    """
    n = len(cust)
    D = _count(SHARES["duplicate_person"], n)
    orig = np.sort(rng.choice(n, size=D, replace=False)) if D else np.zeros(0, dtype=np.int64)
    dup = cust.iloc[orig].copy()
    span = (end - start).days
    sd = (dup["signup_date"] - start).dt.days.to_numpy() + rng.integers(30, 300, D)
    sd = np.minimum(sd, span)
    dup["signup_date"] = start + pd.to_timedelta(sd, unit="D")
    ordd = np.argsort(sd, kind="stable")
    dup = dup.iloc[ordd]
    orig = orig[ordd]
    dup["customer_id"] = np.arange(n + 1, n + D + 1, dtype=np.int64)
    dup["name"] = _name_variant(dup["name"].reset_index(drop=True), rng.integers(0, 4, D)).to_numpy()
    ek = rng.integers(0, 6, D)  # 0-3: a variant, 4-5: same e-mail as before
    dup["email"] = np.where(ek < 4, _email_variant(dup["email"].reset_index(drop=True), ek).to_numpy(), dup["email"].to_numpy())
    pk = rng.integers(0, 5, D)
    dup["phone"] = np.where(pk < 3, _phone_variant(dup["phone"].reset_index(drop=True), pk).to_numpy(), dup["phone"].to_numpy())
    dup["acquisition_channel"] = "search"
    dup["acquired_with_discount"] = False
    dup["referred_by"] = pd.array([pd.NA] * D, dtype="Int64")
    return dup, orig


def _format_problems_and_missing_values(raw: pd.DataFrame, n: int, rng: np.random.Generator) -> None:
    """email_format, phone_format, city_variant, missing_*, age_out_of_range on disjoint original records (in place).

    Each problem takes the next ``SHARES[problem]`` x n rows of one random
    permutation of the original records; sign-up days become ISO text.
    """
    perm = rng.permutation(n)
    pos = 0

    def take(key: str) -> np.ndarray:
        nonlocal pos
        k = _count(SHARES[key], n)
        sel = perm[pos : pos + k]
        pos += k
        return sel

    sel = take("email_format")
    raw.loc[sel, "email"] = _email_variant(raw.loc[sel, "email"], rng.integers(0, 4, len(sel))).to_numpy()
    sel = take("phone_format")
    raw.loc[sel, "phone"] = _phone_variant(raw.loc[sel, "phone"], rng.integers(0, 3, len(sel))).to_numpy()
    sel = take("city_variant")
    raw.loc[sel, "city"] = _city_variant(raw.loc[sel, "city"], rng.integers(0, 3, len(sel))).to_numpy()
    raw["age"] = pd.array(raw["age"].to_numpy(), dtype="Int64")
    for key, col in (("missing_email", "email"), ("missing_phone", "phone"), ("missing_city", "city"), ("missing_age", "age")):
        sel = take(key)
        raw.loc[sel, col] = pd.NA if col == "age" else np.nan
    sel = take("age_out_of_range")
    bad_age = np.where(rng.random(len(sel)) < 0.5, rng.integers(0, 12, len(sel)), rng.integers(120, 200, len(sel)))
    raw.loc[sel, "age"] = bad_age
    raw["signup_date"] = _iso(raw["signup_date"])


def _orders_on_duplicate_records(orders: pd.DataFrame, n: int, orig: np.ndarray, dup_signup: np.ndarray, rng: np.random.Generator) -> tuple[pd.DataFrame, np.ndarray]:
    """order_on_duplicate_record: half of a person's orders after the duplicate's sign-up are booked on it.

    Returns the raw orders (text columns as objects) and which were moved.
    """
    o = orders.copy()
    for c in ("category", "channel"):
        o[c] = o[c].to_numpy(dtype=object)
    M, D = len(o), len(orig)
    cid = o["customer_id"].to_numpy().copy()
    moved = np.zeros(M, dtype=bool)
    if D:
        odate = o["order_date"].to_numpy()
        for_cust = pd.Series(np.arange(D), index=orig + 1)
        j = for_cust.reindex(cid).to_numpy()
        has = ~np.isnan(j)
        jj = np.where(has, j, 0).astype(np.int64)
        cand = has & (odate >= dup_signup[jj]) & (rng.random(M) < 0.5)
        cid = np.where(cand, np.arange(n + 1, n + D + 1)[jj], cid)
        moved = cand
    o["customer_id"] = cid
    return o, moved


def _order_problems(o: pd.DataFrame, rng: np.random.Generator) -> tuple[int, int]:
    """negative_amount, date_format, date_outside_window on disjoint orders (in place); order dates become text.

    Returns the numbers of reformatted and of moved dates.
    """
    M = len(o)
    dates = _iso(o["order_date"])
    operm = rng.permutation(M)
    k1, k2, k3 = (_count(SHARES[k], M) for k in ("negative_amount", "date_format", "date_outside_window"))
    neg, fmt, out = operm[:k1], operm[k1 : k1 + k2], operm[k1 + k2 : k1 + k2 + k3]
    o.loc[o.index[neg], "amount"] = -o["amount"].to_numpy()[neg]
    fmts = np.array(["%d %b %Y", "%m/%d/%Y", "%d.%m.%Y"])
    fk = rng.integers(0, 3, len(fmt))
    od = o["order_date"]
    for i, f in enumerate(fmts):
        s = fmt[fk == i]
        dates[s] = od.iloc[s].dt.strftime(str(f)).to_numpy()
    shift = np.where(rng.random(len(out)) < 0.5, -rng.integers(5, 60, len(out)), rng.integers(5, 60, len(out)))  # years
    bad = [(d + pd.DateOffset(years=int(y))).strftime("%Y-%m-%d") for d, y in zip(od.iloc[out], shift)]
    dates[out] = np.array(bad, dtype=object)
    o["order_date"] = dates
    return k2, k3


def _problem_counts(raw: pd.DataFrame, canon: pd.DataFrame, o: pd.DataFrame, D: int, moved: int, k2: int, k3: int) -> pd.DataFrame:
    """The raw_problems table: each problem counted by the definitions of the module docstring."""

    def differs(col: str) -> int:
        v = raw[col].to_numpy(dtype=object)
        c = canon[col].to_numpy(dtype=object)
        return int((pd.notna(v) & (v != c)).sum())

    age = raw["age"]
    problems = [
        ("duplicate_person", "raw_customers", "customer_id", D),
        ("name_format", "raw_customers", "name", differs("name")),
        ("email_format", "raw_customers", "email", differs("email")),
        ("phone_format", "raw_customers", "phone", differs("phone")),
        ("city_variant", "raw_customers", "city", differs("city")),
        ("missing_email", "raw_customers", "email", int(raw["email"].isna().sum())),
        ("missing_phone", "raw_customers", "phone", int(raw["phone"].isna().sum())),
        ("missing_city", "raw_customers", "city", int(raw["city"].isna().sum())),
        ("missing_age", "raw_customers", "age", int(age.isna().sum())),
        ("age_out_of_range", "raw_customers", "age", int(((age < 18) | (age > 100)).fillna(False).sum())),
        ("order_on_duplicate_record", "raw_orders", "customer_id", moved),
        ("negative_amount", "raw_orders", "amount", int((o["amount"] < 0).sum())),
        ("date_format", "raw_orders", "order_date", int(k2)),
        ("date_outside_window", "raw_orders", "order_date", int(k3)),
    ]
    problems = pd.DataFrame(problems, columns=["problem", "table", "column", "count"])
    problems["count"] = problems["count"].astype(np.int64)
    return problems
