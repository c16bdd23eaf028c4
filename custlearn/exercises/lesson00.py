"""Exercises of lesson 00, *Start here* (notebook ``exercises/00_start_here.ipynb``).

Expected answers are computed from the shipped data with the solution's
logic; the likely mistakes are computed the same way.
"""

from __future__ import annotations

from functools import cache

import pandas as pd

from custlearn._i18n import N_
from custlearn.exercises._charts import Chart
from custlearn.exercises._core import Choice, Mistake, Number, Table, Text

__all__ = ["EXERCISES"]


@cache
def _shop():
    from custlearn import datasets

    return datasets.load("shop")


def _customers() -> int:
    """00.1 — every customer in the customers table, buyers or not."""
    return len(_shop().customers)


def _buyers() -> int:
    """Mistake for 00.1: counting only customers who placed an order."""
    return _shop().orders["customer_id"].nunique()


def _discount_share() -> float:
    """00.2 — share of customers acquired with a discount (a fraction)."""
    return float(_shop().customers["acquired_with_discount"].mean())


def _discount_share_of_buyers() -> float:
    """Mistake for 00.2: the share among the customers who ordered."""
    shop = _shop()
    buyers = shop.customers["customer_id"].isin(shop.orders["customer_id"])
    return float(shop.customers.loc[buyers, "acquired_with_discount"].mean())


def _by_category(column: str = "amount", how: str = "sum") -> pd.Series:
    """00.3 — total order amount per product category, largest first (and its mistakes)."""
    orders = _shop().orders
    return orders.groupby("category", observed=True)[column].agg(how).sort_values(ascending=False)


def _orders_per_customer() -> float:
    """00.4 — average number of orders per customer who ordered."""
    return len(_shop().orders) / _buyers()


def _median_orders_per_customer() -> float:
    return float(_shop().orders.groupby("customer_id").size().median())


def _per_month(measure: str = "orders") -> pd.Series:
    """00.5 — orders per month (and, as mistakes, other measures per month)."""
    orders = _shop().orders
    month = orders["order_date"].dt.to_period("M").rename("month")
    if measure == "revenue":
        return orders.groupby(month)["amount"].sum()
    if measure == "customers":
        return orders.groupby(month)["customer_id"].nunique()
    counts = orders.groupby(month).size()
    return counts.cumsum() if measure == "cumulative" else counts


EXERCISES = {
    "00.1": Number(
        _customers,
        question=N_("How many customers does the shop have?"),
        mistakes=[
            Mistake(_buyers, N_("That counts only customers who placed an order. Prospects signed up "
                                "without buying are customers too: count the rows of shop.customers.")),
            Mistake(lambda: len(_shop().orders), N_("That is the number of orders (rows of the orders table). "
                    "Customers are the rows of the customers table.")),
        ],
        hint=N_("Every row of the customers table is one customer: count its rows (len of the table)."),
        explain=N_("Every row of the customers table is a customer, whether or not they have bought yet."),
    ),
    "00.2": Number(
        _discount_share,
        question=N_("What share of the shop's customers were acquired with a discount? (a fraction)"),
        unit="fraction",
        mistakes=[
            Mistake(lambda: int(_shop().customers["acquired_with_discount"].sum()),
                    N_("That is the number of customers; the question asks for their share. "
                       "Divide by the number of customers, or take the mean of the True/False column.")),
            Mistake(lambda: 1 - _discount_share(), N_("That is the share acquired WITHOUT a discount. "
                    "Count the True values of acquired_with_discount, not the False ones.")),
            Mistake(_discount_share_of_buyers, N_("You kept only the customers who ordered. The question asks about "
                    "all the shop's customers, prospects included.")),
        ],
        hint=N_("The column acquired_with_discount is True/False; the mean of a True/False column is the share of True."),
    ),
    "00.3": Table(
        _by_category,
        question=N_("Total order amount per product category, largest first."),
        index_name=N_("category"),
        check_order=True,
        mistakes=[
            Mistake(lambda: _by_category(how="count"), N_("You counted orders; the question asks for the total "
                    "amount: add up the amount column (.sum()).")),
            Mistake(lambda: _by_category(how="mean"), N_("That is the average order amount; the question asks for "
                    "the total: .sum().")),
            Mistake(lambda: _by_category("margin"), N_("You added up the margin column. The order amount is the "
                    "column amount.")),
        ],
        hint=N_("Group the orders by category, add up the amount in each group, and sort from largest to smallest "
                "(sort_values with ascending=False)."),
    ),
    "00.4": Number(
        _orders_per_customer,
        question=N_("On average, how many orders has a customer who ordered placed?"),
        mistakes=[
            Mistake(lambda: len(_shop().orders) / _customers(), N_("You divided by every signed-up customer, including "
                    "prospects who never ordered. The question asks per customer *who ordered*.")),
            Mistake(lambda: _buyers() / len(_shop().orders), N_("You divided the other way round: that is customers "
                    "per order. Put the number of orders on top.")),
            Mistake(_median_orders_per_customer, N_("That is the median number of orders. The average is the number "
                    "of orders divided by the number of customers who ordered.")),
        ],
        hint=N_("Number of orders divided by the number of different customers in the orders table (.nunique())."),
    ),
    "00.5": Chart(
        _per_month,
        question=N_("A line chart of the number of orders per month."),
        kind="line",
        index_name=N_("month"),
        mistakes=[
            Mistake(lambda: _per_month("revenue"), N_("Your line shows the revenue (the sum of amount) per month. "
                    "The question asks for the number of orders: count the rows in each month (.size()).")),
            Mistake(lambda: _per_month("customers"), N_("Your line shows the number of different customers per month. "
                    "A customer can order twice in a month: count orders, not customers (.size()).")),
            Mistake(lambda: _per_month("cumulative"), N_("Your line adds the months up (a running total, .cumsum()). "
                    "Draw each month's own number of orders.")),
        ],
        hint=N_("Count the orders in each month: take the month of order_date (.dt.to_period('M')), group the "
                "orders by it and count them (.size()); then draw the counts against the months with ax.plot."),
    ),
    "00.6": Choice(
        expected="b",
        question=N_("Which table would you use to measure customer satisfaction?"),
        options={
            "a": N_("orders shows what customers did, not how they felt about it."),
            "b": N_("Yes: the surveys table holds the satisfaction answers (overall_satisfaction, likely_to_recommend)."),
            "c": N_("tickets records service contacts: a biased sample of customers who had a problem."),
        },
    ),
    "00.7": Text(
        question=N_("Why is it harder to say that a shop customer has left than that a bank customer has?"),
        min_words=20,
        keywords=[N_("contract"), N_("closure"), N_("purchase")],
    ),
}
