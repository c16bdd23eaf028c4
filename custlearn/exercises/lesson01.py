"""Exercises of lesson 01, *Customer information management*.

Expected answers are computed from the shipped data with the solution's
logic (``custlearn.customer_data``); the likely mistakes are computed the same way.
"""

from __future__ import annotations

from functools import cache

import pandas as pd

from custlearn._i18n import N_
from custlearn.exercises._charts import Chart
from custlearn.exercises._core import Choice, Mistake, Number, Table, Text

__all__ = ["EXERCISES"]


@cache
def _raw():
    from custlearn import datasets

    return datasets.load("shop", raw=True)


@cache
def _shop():
    from custlearn import datasets

    return datasets.load("shop")


def _std_phone() -> pd.Series:
    from custlearn import customer_data

    return customer_data.standardize_phone(_raw().customers["phone"])


def _phones_rewritten() -> int:
    """01.1 — phones present in the raw extract but written differently from their standard form."""
    phone = _raw().customers["phone"]
    return int((phone.notna() & (_std_phone() != phone)).sum())


def _phones_rewritten_with_missing() -> int:
    phone = _raw().customers["phone"]
    return _phones_rewritten() + int(phone.isna().sum())


def _missing_email_share() -> float:
    """01.2 — share of raw customer records without an e-mail."""
    return float(_raw().customers["email"].isna().mean())


def _city_counts(table: str = "raw") -> pd.Series:
    """01.3 — raw customer records per standardised city (and, as a mistake, the clean table's)."""
    from custlearn import customer_data

    customers = _raw().customers if table == "raw" else _shop().customers
    return customer_data.standardize_city(customers["city"]).value_counts()


@cache
def _pairs() -> pd.DataFrame:
    from custlearn import customer_data

    return customer_data.find_duplicates(_raw().customers)


def _merge_pairs() -> int:
    """01.4 — pairs find_duplicates decides to merge (default thresholds)."""
    return int((_pairs()["decision"] == "merge").sum())


def _survivors() -> pd.Series:
    from custlearn import customer_data

    pairs = _pairs()
    survivor = customer_data.survivor_map(_raw().customers, pairs[pairs["decision"] == "merge"])
    return survivor.set_index("customer_id")["survivor_id"]


def _orders_moved() -> int:
    """01.5 — raw orders booked on a record that the merge removes."""
    orders = _raw().orders
    return int((orders["customer_id"].map(_survivors()) != orders["customer_id"]).sum())


def _removed_records() -> int:
    survivor = _survivors()
    return int((survivor.index != survivor.to_numpy()).sum())


def _orders_of_merged_records() -> int:
    """Mistake for 01.5: the orders of every record in a merge pair, survivors included."""
    merged = _pairs().loc[lambda p: p["decision"] == "merge", ["id_1", "id_2"]].stack()
    return int(_raw().orders["customer_id"].isin(merged).sum())


@cache
def _scv() -> pd.DataFrame:
    from custlearn import customer_data

    return customer_data.single_customer_view(_shop())


def _revenue_by_channel(how: str = "mean", buyers_only: bool = False) -> pd.Series:
    """01.6 — mean revenue per customer (all customers) by acquisition channel, clean data."""
    scv = _scv()
    if buyers_only:
        scv = scv[scv["orders"] > 0]
    return scv.groupby("acquisition_channel", observed=True)["revenue"].agg(how)


def _missing_shares(table: str = "raw", column: str = "missing_share") -> pd.Series:
    """01.7 — share of missing values per column of the raw customers (columns with any)."""
    from custlearn import customer_data

    profile = customer_data.profile(_raw().customers if table == "raw" else _shop().customers)
    return profile.loc[profile["missing"] > 0, column].astype(float)


def _unique_share(columns: tuple[str, ...] = ("city", "age", "signup_date"), per: str = "row") -> float:
    """01.8 — share of customers unique on city + age + signup_date (clean data)."""
    customers = _shop().customers
    people = customers[list(columns)].dropna()
    unique = int(people.value_counts().eq(1).sum())
    return {"row": unique / len(people), "count": float(unique), "customer": unique / len(customers)}[per]


EXERCISES = {
    "01.1": Number(
        _phones_rewritten,
        question=N_("How many raw customer records have a phone that is present but written differently from its "
                    "standard form (customer_data.standardize_phone)?"),
        unit=N_("records"),
        mistakes=[
            Mistake(_phones_rewritten_with_missing,
                    N_("You also counted the records without a phone: a missing value compared with anything "
                       "counts as 'different'. Keep only phones that are present (.notna()).")),
            Mistake(lambda: int(_raw().customers["phone"].notna().sum()),
                    N_("That is every record with a phone. Count only the phones whose standard form differs from "
                       "the way they are written.")),
        ],
        hint=N_("Standardise the phone column with customer_data.standardize_phone, compare the result with the raw "
                "column where a phone is present (.notna()), and count the differences (.sum() of True/False)."),
    ),
    "01.2": Number(
        _missing_email_share,
        question=N_("What share of the raw customer records have no e-mail? (a fraction)"),
        unit="fraction",
        mistakes=[
            Mistake(lambda: float(_raw().customers["email"].isna().sum()),
                    N_("That is the number of records; the question asks for a share: divide by the number of records "
                       "(or take the mean of .isna()).")),
            Mistake(lambda: float(_raw().customers["email"].isna().sum() / len(_shop().customers)),
                    N_("You divided by the 5,000 customers of the clean table; the raw extract has more records "
                       "(duplicates included). Divide by len(raw.customers).")),
            Mistake(lambda: 1 - _missing_email_share(), N_("That is the share of records WITH an e-mail. "
                    "Count the missing ones (.isna()), not the present ones.")),
        ],
        hint=N_("Take the email column of the raw customers, mark the missing values with .isna(), and average "
                "them: the mean of a True/False column is the share of True."),
    ),
    "01.3": Table(
        _city_counts,
        question=N_("How many raw customer records are there per city, after standardising the city names? "
                    "Give a Series indexed by city."),
        index_name=N_("city"),
        mistakes=[
            Mistake(lambda: _raw().customers["city"].value_counts(),
                    N_("You counted the raw spellings: 'Greenport', 'GREENPORT' and 'Greenport ' are counted apart. "
                       "Standardise first with customer_data.standardize_city.")),
            Mistake(lambda: _raw().customers["city"].str.lower().value_counts(),
                    N_("Lower case alone is not enough: trailing spaces still split a city. Use "
                       "customer_data.standardize_city, which also removes spaces and keeps the usual spelling.")),
            Mistake(lambda: _city_counts("clean"), N_("You counted the clean table (datasets.load('shop')). The "
                    "question is about the raw extract: datasets.load('shop', raw=True), duplicates included.")),
            Mistake(lambda: _city_counts().div(len(_raw().customers)), N_("Those are shares of the records; the "
                    "question asks for numbers of records (value_counts without normalize=True).")),
        ],
        hint=N_("Standardise the raw city names first (customer_data.standardize_city on the raw city column), then "
                "count the records per standard name (.value_counts())."),
    ),
    "01.4": Number(
        _merge_pairs,
        question=N_("With the default settings, how many pairs of raw customer records does find_duplicates "
                    "decide to merge?"),
        unit=N_("pairs"),
        mistakes=[
            Mistake(lambda: float(len(_pairs())),
                    N_("That is every pair listed, the 'review' pairs included. Count only decision == 'merge'.")),
            Mistake(lambda: float((_pairs()["decision"] == "review").sum()),
                    N_("Those are the pairs to review (similar names only); the question asks for the pairs to merge.")),
        ],
        hint=N_("Run customer_data.find_duplicates on the raw customers with its default settings, then count the "
                "pairs whose decision column says 'merge'."),
    ),
    "01.5": Number(
        _orders_moved,
        question=N_("How many raw orders are booked on a customer record that the merge removes (and so must move "
                    "to the surviving record)?"),
        unit=N_("orders"),
        mistakes=[
            Mistake(_removed_records,
                    N_("That is the number of records merged away. The question asks for their orders: map "
                       "raw.orders['customer_id'] with survivor_map and count the orders whose id changes.")),
            Mistake(_orders_of_merged_records,
                    N_("You counted the orders of both records of each pair. The surviving record keeps its orders; "
                       "only the orders of the record that is removed move.")),
        ],
        hint=N_("customer_data.survivor_map gives each raw record the id of the record it merges into (for the "
                "pairs decided 'merge'); map the orders' customer_id through it and count the orders whose id changes."),
    ),
    "01.6": Table(
        _revenue_by_channel,
        question=N_("From the single customer view of the clean data (single_customer_view(datasets.load('shop'))), "
                    "what is the mean revenue per customer by acquisition channel? Count every customer, buyers "
                    "or not. Give a Series indexed by channel."),
        index_name=N_("acquisition channel"),
        mistakes=[
            Mistake(lambda: _revenue_by_channel(buyers_only=True),
                    N_("You kept only customers who bought. The question asks per customer, so customers without "
                       "orders count with revenue 0.")),
            Mistake(lambda: _revenue_by_channel("sum"),
                    N_("That is the total revenue per channel; the question asks for the mean per customer.")),
            Mistake(lambda: _revenue_by_channel("median"),
                    N_("That is the median revenue per customer; the question asks for the mean.")),
        ],
        hint=N_("Build the single customer view of the clean data (customer_data.single_customer_view), group it by "
                "acquisition_channel and average the revenue column: customers without orders count with revenue 0."),
    ),
    "01.7": Chart(
        _missing_shares,
        question=N_("A bar chart of the share of missing values per column of the raw customer table, with a title "
                    "and labelled axes."),
        kind="bar",
        index_name=N_("column"),
        unit="share",
        mistakes=[
            Mistake(lambda: _missing_shares(column="missing"), N_("Your bars count the missing values. The question "
                    "asks for their share: divide by the number of rows (the profile's missing_share column).")),
            Mistake(lambda: 1 - _missing_shares(), N_("Your bars show the share of values that are present. Draw the "
                    "share that is missing.")),
            Mistake(lambda: _missing_shares("clean"), N_("You profiled the clean table. The question is about the raw "
                    "extract (datasets.load('shop', raw=True)), where most gaps are.")),
        ],
        hint=N_("customer_data.profile(raw.customers) gives the share of missing values of every column "
                "(missing_share); draw those of the columns with missing values as bars, one bar per column "
                "(ax.barh or the lesson's plots.missing_values_chart)."),
    ),
    "01.8": Number(
        _unique_share,
        question=N_("In the clean customer table, what share of customers (with no missing value in these columns) "
                    "are the only one with their combination of city, age and signup_date? (a fraction)"),
        unit="fraction",
        mistakes=[
            Mistake(lambda: _unique_share(("city", "age")),
                    N_("You left out the sign-up day: the question combines city, age and signup_date.")),
            Mistake(lambda: _unique_share(per="count"),
                    N_("That is the number of unique customers; divide by the number of customers for the share.")),
            Mistake(lambda: 1 - _unique_share(), N_("That is the share of customers who share their combination with "
                    "someone. The question asks for the share who are the only one.")),
        ],
        hint=N_("Keep the three columns and drop the rows with a missing value; count how many rows have each "
                "combination (.value_counts()); the combinations seen exactly once are unique customers: divide "
                "their number by the number of rows."),
    ),
    "01.9": Choice(
        expected="b",
        question=N_("Customer e-mails were replaced by HMAC-SHA-256 tokens made with a secret key. Which is true? "
                    "a: the table is now anonymous, no longer personal data; b: it is still personal data; "
                    "c: a plain SHA-256 of the e-mails would protect as well; d: anyone can turn the tokens back "
                    "into e-mails."),
        options={
            "a": N_("Pseudonymised is not anonymised: whoever holds the key can re-identify, so GDPR and PIPL still "
                    "treat the table as personal data."),
            "b": N_("Yes: the key holder can re-identify people, and age, city and dates can single them out, so the "
                    "table is still personal data."),
            "c": N_("A plain SHA-256 can be reversed by hashing a list of known e-mails (a dictionary attack); the "
                    "secret key is what prevents this."),
            "d": N_("Without the key nobody can compute or reverse the tokens: HMAC is one-way."),
        },
    ),
    "01.10": Text(
        question=N_("A colleague says: 'The file is pseudonymised, so we can send it to the marketing agency as it is.' "
                    "What do you answer, and what would you do before sending anything?"),
        min_words=30,
        keywords=[N_("key"), N_("personal data"), N_("minimis")],
    ),
}
