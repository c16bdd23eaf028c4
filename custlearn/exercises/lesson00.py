"""Exercises of lesson 00, *Start here* (notebook ``exercises/00_start_here.ipynb``).

Expected answers are computed from the shipped data with the solution's
logic; the likely mistakes are computed the same way.
"""

from __future__ import annotations

from functools import cache

import pandas as pd

from custlearn.exercises._core import Chart, Choice, Mistake, Number, Table, Text


@cache
def _shop():
    from custlearn import datasets

    return datasets.load("shop")


def customers() -> int:
    """00.1 — every customer in the customers table, buyers or not."""
    return len(_shop().customers)


def buyers() -> int:
    """Mistake for 00.1: counting only customers who placed an order."""
    return _shop().orders["customer_id"].nunique()


def discount_share() -> float:
    """00.2 — share of customers acquired with a discount (a fraction)."""
    return float(_shop().customers["acquired_with_discount"].mean())


def discount_count() -> int:
    """Mistake for 00.2: the number of customers instead of their share."""
    return int(_shop().customers["acquired_with_discount"].sum())


def revenue_by_category() -> pd.Series:
    """00.3 — total order amount per product category, largest first."""
    return _shop().orders.groupby("category", observed=True)["amount"].sum().sort_values(ascending=False)


def orders_by_category() -> pd.Series:
    """Mistake for 00.3: counting orders instead of adding amounts."""
    return _shop().orders.groupby("category", observed=True)["amount"].count()


def mean_by_category() -> pd.Series:
    """Mistake for 00.3: the average order instead of the total."""
    return _shop().orders.groupby("category", observed=True)["amount"].mean()


def orders_per_customer() -> float:
    """00.4 — average number of orders per customer who ordered."""
    return len(_shop().orders) / buyers()


def orders_per_signup() -> float:
    """Mistake for 00.4: dividing by every signed-up customer."""
    return len(_shop().orders) / customers()


EXERCISES = {
    "00.1": Number(
        customers,
        question="How many customers does the shop have?",
        mistakes=[Mistake(buyers, "That counts only customers who placed an order. Prospects signed up "
                                  "without buying are customers too: count the rows of shop.customers.")],
        hint="Count the rows of the customers table: len(shop.customers).",
        explain="Every row of the customers table is a customer, whether or not they have bought yet.",
    ),
    "00.2": Number(
        discount_share,
        question="What share of the shop's customers were acquired with a discount? (a fraction)",
        unit="fraction",
        mistakes=[Mistake(discount_count, "That is the number of customers; the question asks for their share. "
                                          "Divide by the number of customers, or take the mean of the True/False column.")],
        hint="The column acquired_with_discount is True/False; the mean of a True/False column is the share of True.",
    ),
    "00.3": Table(
        revenue_by_category,
        question="Total order amount per product category, largest first.",
        index_name="category",
        check_order=True,
        mistakes=[
            Mistake(orders_by_category, "You counted orders; the question asks for the total amount: use .sum() on the amount column."),
            Mistake(mean_by_category, "That is the average order amount; the question asks for the total: use .sum()."),
        ],
        hint="Group the orders by category, sum the amount, and sort from largest to smallest.",
    ),
    "00.4": Number(
        orders_per_customer,
        question="On average, how many orders has a customer who ordered placed?",
        mistakes=[Mistake(orders_per_signup, "You divided by every signed-up customer, including prospects who never "
                                             "ordered. The question asks per customer *who ordered*.")],
        hint="Number of orders divided by the number of different customers in the orders table.",
    ),
    "00.5": Chart(
        question="A line chart of the number of orders per month.",
        kind="line",
        hint="Count orders per month (e.g. group by order_date.dt.to_period('M')) and draw them with ax.plot(...).",
    ),
    "00.6": Choice(
        expected="b",
        question="Which table would you use to measure customer satisfaction?",
        options={
            "a": "orders shows what customers did, not how they felt about it.",
            "b": "Yes: the surveys table holds the satisfaction answers (overall_satisfaction, likely_to_recommend).",
            "c": "tickets records service contacts: a biased sample of customers who had a problem.",
        },
    ),
    "00.7": Text(
        question="Why is it harder to say that a shop customer has left than that a bank customer has?",
        min_words=20,
        keywords=["contract", "closure", "purchase"],
    ),
}
