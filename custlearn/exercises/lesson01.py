"""Exercises of lesson 01, *Customer information management*.

Expected answers are computed from the shipped data with the solution's
logic (``custlearn.customer_data``); the likely mistakes are computed the same way.
"""

from __future__ import annotations

from functools import cache

import pandas as pd

from custlearn.exercises._core import Chart, Choice, Mistake, Number, Table, Text


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


def phones_rewritten() -> int:
    """01.1 — phones present in the raw extract but written differently from their standard form."""
    phone = _raw().customers["phone"]
    return int((phone.notna() & (_std_phone() != phone)).sum())


def phones_rewritten_with_missing() -> int:
    phone = _raw().customers["phone"]
    return phones_rewritten() + int(phone.isna().sum())


def missing_email_share() -> float:
    """01.2 — share of raw customer records without an e-mail."""
    return float(_raw().customers["email"].isna().mean())


def city_counts() -> pd.Series:
    """01.3 — raw customer records per standardised city."""
    from custlearn import customer_data

    return customer_data.standardize_city(_raw().customers["city"]).value_counts()


@cache
def _pairs() -> pd.DataFrame:
    from custlearn import customer_data

    return customer_data.find_duplicates(_raw().customers)


def merge_pairs() -> int:
    """01.4 — pairs find_duplicates decides to merge (default thresholds)."""
    return int((_pairs()["decision"] == "merge").sum())


def orders_moved() -> int:
    """01.5 — raw orders booked on a record that the merge removes."""
    from custlearn import customer_data

    pairs = _pairs()
    survivor = customer_data.survivor_map(_raw().customers, pairs[pairs["decision"] == "merge"])
    ids = survivor.set_index("customer_id")["survivor_id"]
    orders = _raw().orders
    return int((orders["customer_id"].map(ids) != orders["customer_id"]).sum())


def removed_records() -> int:
    from custlearn import customer_data

    pairs = _pairs()
    survivor = customer_data.survivor_map(_raw().customers, pairs[pairs["decision"] == "merge"])
    return int((survivor["customer_id"] != survivor["survivor_id"]).sum())


@cache
def _scv() -> pd.DataFrame:
    from custlearn import customer_data

    return customer_data.single_customer_view(_shop())


def revenue_by_channel() -> pd.Series:
    """01.6 — mean revenue per customer (all customers) by acquisition channel, clean data."""
    scv = _scv()
    return scv.groupby("acquisition_channel", observed=True)["revenue"].mean()


def revenue_by_channel_buyers() -> pd.Series:
    scv = _scv()
    buyers = scv[scv["orders"] > 0]
    return buyers.groupby("acquisition_channel", observed=True)["revenue"].mean()


def revenue_by_channel_sum() -> pd.Series:
    return _scv().groupby("acquisition_channel", observed=True)["revenue"].sum()


def _unique_share(columns: list[str], share: bool = True) -> float:
    people = _shop().customers[columns].dropna()
    unique = int(people.value_counts().eq(1).sum())
    return unique / len(people) if share else float(unique)


def unique_share() -> float:
    """01.8 — share of customers unique on city + age + signup_date (clean data)."""
    return _unique_share(["city", "age", "signup_date"])


EXERCISES = {
    "01.1": Number(
        phones_rewritten,
        question="How many raw customer records have a phone that is present but written differently from its "
                 "standard form (customer_data.standardize_phone)?",
        abs=0.5,
        unit="records",
        mistakes=[Mistake(phones_rewritten_with_missing,
                          "You also counted the records without a phone: a missing value compared with anything "
                          "counts as 'different'. Keep only phones that are present (.notna()).")],
        hint="Compare raw.customers['phone'] with its standardised version, only where the phone is present, "
             "and count the differences.",
    ),
    "01.2": Number(
        missing_email_share,
        question="What share of the raw customer records have no e-mail? (a fraction)",
        unit="fraction",
        mistakes=[
            Mistake(lambda: float(_raw().customers["email"].isna().sum()),
                    "That is the number of records; the question asks for a share: divide by the number of records "
                    "(or take the mean of .isna())."),
            Mistake(lambda: float(_raw().customers["email"].isna().sum() / len(_shop().customers)),
                    "You divided by the 5,000 customers of the clean table; the raw extract has more records "
                    "(duplicates included). Divide by len(raw.customers)."),
        ],
        hint="raw.customers['email'].isna().mean()",
    ),
    "01.3": Table(
        city_counts,
        question="How many raw customer records are there per city, after standardising the city names? "
                 "Give a Series indexed by city.",
        index_name="city",
        mistakes=[
            Mistake(lambda: _raw().customers["city"].value_counts(),
                    "You counted the raw spellings: 'Greenport', 'GREENPORT' and 'Greenport ' are counted apart. "
                    "Standardise first with customer_data.standardize_city."),
            Mistake(lambda: _raw().customers["city"].str.lower().value_counts(),
                    "Lower case alone is not enough: trailing spaces still split a city. Use "
                    "customer_data.standardize_city, which also removes spaces and keeps the usual spelling."),
        ],
        hint="customer_data.standardize_city(raw.customers['city']).value_counts()",
    ),
    "01.4": Number(
        merge_pairs,
        question="With the default settings, how many pairs of raw customer records does find_duplicates "
                 "decide to merge?",
        abs=0.5,
        unit="pairs",
        mistakes=[
            Mistake(lambda: float(len(_pairs())),
                    "That is every pair listed, the 'review' pairs included. Count only decision == 'merge'."),
            Mistake(lambda: float((_pairs()["decision"] == "review").sum()),
                    "Those are the pairs to review (similar names only); the question asks for the pairs to merge."),
        ],
        hint="pairs = customer_data.find_duplicates(raw.customers); (pairs['decision'] == 'merge').sum()",
    ),
    "01.5": Number(
        orders_moved,
        question="How many raw orders are booked on a customer record that the merge removes (and so must move "
                 "to the surviving record)?",
        abs=0.5,
        unit="orders",
        mistakes=[Mistake(removed_records,
                          "That is the number of records merged away. The question asks for their orders: map "
                          "raw.orders['customer_id'] with survivor_map and count the orders whose id changes.")],
        hint="survivor_map(raw.customers, merge_pairs) gives each record's survivor; map the orders' customer_id "
             "with it and count the changes.",
    ),
    "01.6": Table(
        revenue_by_channel,
        question="From the single customer view of the clean data (single_customer_view(datasets.load('shop'))), "
                 "what is the mean revenue per customer by acquisition channel? Count every customer, buyers "
                 "or not. Give a Series indexed by channel.",
        index_name="acquisition channel",
        rel=1e-4,
        mistakes=[
            Mistake(revenue_by_channel_buyers,
                    "You kept only customers who bought. The question asks per customer, so customers without "
                    "orders count with revenue 0."),
            Mistake(revenue_by_channel_sum,
                    "That is the total revenue per channel; the question asks for the mean per customer."),
        ],
        hint="scv.groupby('acquisition_channel', observed=True)['revenue'].mean()",
    ),
    "01.7": Chart(
        question="A bar chart of the share of missing values per column of the raw customer table, with a title "
                 "and labelled axes.",
        kind="bar",
        min_marks=3,
        hint="customer_data.profile(raw.customers) gives missing_share per column; plot the columns with missing "
             "values as bars, or use the lesson's missing_values_chart.",
    ),
    "01.8": Number(
        unique_share,
        question="In the clean customer table, what share of customers (with no missing value in these columns) "
                 "are the only one with their combination of city, age and signup_date? (a fraction)",
        unit="fraction",
        mistakes=[
            Mistake(lambda: _unique_share(["city", "age"]),
                    "You left out the sign-up day: the question combines city, age and signup_date."),
            Mistake(lambda: _unique_share(["city", "age", "signup_date"], share=False),
                    "That is the number of unique customers; divide by the number of customers for the share."),
        ],
        hint="people = customers[['city', 'age', 'signup_date']].dropna(); "
             "people.value_counts().eq(1).sum() / len(people)",
    ),
    "01.9": Choice(
        expected="b",
        question="Customer e-mails were replaced by HMAC-SHA-256 tokens made with a secret key. Which is true? "
                 "a: the table is now anonymous, no longer personal data; b: it is still personal data; "
                 "c: a plain SHA-256 of the e-mails would protect as well; d: anyone can turn the tokens back "
                 "into e-mails.",
        options={
            "a": "Pseudonymised is not anonymised: whoever holds the key can re-identify, so GDPR and PIPL still "
                 "treat the table as personal data.",
            "b": "Yes: the key holder can re-identify people, and age, city and dates can single them out, so the "
                 "table is still personal data.",
            "c": "A plain SHA-256 can be reversed by hashing a list of known e-mails (a dictionary attack); the "
                 "secret key is what prevents this.",
            "d": "Without the key nobody can compute or reverse the tokens: HMAC is one-way.",
        },
    ),
    "01.10": Text(
        question="A colleague says: 'The file is pseudonymised, so we can send it to the marketing agency as it is.' "
                 "What do you answer, and what would you do before sending anything?",
        min_words=30,
        keywords=["key", "personal data", "minimis"],
    ),
}
