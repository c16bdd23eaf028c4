"""Lesson 01: customer information management (顾客信息管理).

From a messy CRM extract to a clean single customer view, in the order the
course's decks give for customer information: **collect** → **organise**
(classify, filter, verify: accuracy and completeness) → **analyse** → **apply**.
Each step has its own file; this page tells the story in order.

1. **Look before you clean** (``_profile.py``). :func:`profile` looks at every
   column of a table (type, missing values, distinct values, examples) and
   flags the usual problems: mixed formats, stray spaces, mixed letter case,
   out-of-range numbers (:data:`DEFAULT_RANGES`), dates outside a window.
2. **Verify: one written form per value** (``_standardize.py``).
   :func:`standardize_phone`, :func:`standardize_email`,
   :func:`standardize_city` (with :data:`CITY_ABBREVIATIONS`),
   :func:`standardize_name` and :func:`parse_dates` (with
   :data:`DATE_FORMATS`) turn the many ways a value is typed into one
   written form (vectorised, documented rules).
3. **Filter: one record per person** (``_duplicates.py``).
   :func:`find_duplicates` lists pairs of records that are probably the same
   person, with the evidence (:func:`name_similarity` compares the names);
   :func:`survivor_map` and :func:`merge_duplicates` merge them with a
   survivorship rule (record linkage, Fellegi & Sunter 1969; Christen 2012).
4. **Analyse → apply: the single customer view** (``_view.py``).
   :func:`single_customer_view` joins customers, orders, surveys and tickets
   into one row per customer: the table later lessons start from. Every
   column it reads can be named by the caller, and its tables are read by the
   same rule as in every lesson (:mod:`custlearn._tables`).
5. **Protect customer privacy** (``_privacy.py``). :func:`pseudonymize`
   replaces identifiers with keyed HMAC-SHA-256 tokens (RFC 2104; FIPS 198-1).

Use::

    from custlearn import customer_data, datasets
    raw = datasets.load("shop", raw=True)
    customer_data.profile(raw.customers, window=(raw.start, raw.end))
    pairs = customer_data.find_duplicates(raw.customers)

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

from custlearn.customer_data._duplicates import find_duplicates, merge_duplicates, name_similarity, survivor_map
from custlearn.customer_data._privacy import pseudonymize
from custlearn.customer_data._profile import DEFAULT_RANGES, profile
from custlearn.customer_data._standardize import (
    CITY_ABBREVIATIONS,
    DATE_FORMATS,
    parse_dates,
    standardize_city,
    standardize_email,
    standardize_name,
    standardize_phone,
)
from custlearn.customer_data._view import single_customer_view

__all__ = [
    "profile",
    "DEFAULT_RANGES",
    "standardize_phone",
    "standardize_email",
    "standardize_city",
    "standardize_name",
    "parse_dates",
    "DATE_FORMATS",
    "CITY_ABBREVIATIONS",
    "name_similarity",
    "find_duplicates",
    "survivor_map",
    "merge_duplicates",
    "single_customer_view",
    "pseudonymize",
]
