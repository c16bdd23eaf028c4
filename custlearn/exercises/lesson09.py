"""Exercises of lesson 09, *From the classroom to the warehouse: the same measures on DuckDB and Spark*.

The learner answers with SQL (DuckDB over the shop's orders as Parquet) and
``custlearn.sql``; the expected answers are computed here from the shipped
data with pandas and ``custlearn.value``, the notebook side of the equality
the lesson teaches. The likely mistakes are computed the same way.
"""

from __future__ import annotations

from functools import cache

import pandas as pd

from custlearn._i18n import N_
from custlearn.exercises._core import Choice, Mistake, Number, Table, Text

__all__ = ["EXERCISES"]


@cache
def _shop():
    from custlearn import datasets

    return datasets.load("shop")


def _orders_of(year: int | None = None) -> pd.DataFrame:
    orders = _shop().orders
    return orders if year is None else orders[orders["order_date"].dt.year == year]


# ---------------------------------------------------------------- 09.1 customers who ordered in 2025


def _customers_2025() -> int:
    """09.1 — distinct customers with at least one order in 2025."""
    return int(_orders_of(2025)["customer_id"].nunique())


# ---------------------------------------------------------------- 09.2 revenue per month


def _by_month(year: int, how: str) -> pd.Series:
    """Per month of ``year``: the amounts added up ("sum"), counted or averaged."""
    orders = _orders_of(year)
    months = orders["order_date"].dt.to_period("M").rename("month")
    return orders.groupby(months)["amount"].agg(how).rename("revenue")


def _revenue_per_month_2025() -> pd.Series:
    """09.2 — revenue (sum of amount) per month of 2025."""
    return _by_month(2025, "sum")


# ---------------------------------------------------------------- 09.3 / 09.4 the BTYD summary and BG/NBD


@cache
def _summary(time_unit: str = "days") -> pd.DataFrame:
    from custlearn import value

    return value.clv_summary(_shop().orders, _shop().as_of, time_unit=time_unit)


def _order_rows() -> pd.Series:
    return _shop().orders.groupby("customer_id").size()


def _mean_frequency() -> float:
    """09.3 — mean BTYD frequency (repeat purchase days) of the shop's buyers."""
    return float(_summary()["frequency"].mean())


@cache
def _model(time_unit: str):
    from custlearn import value

    return value.BetaGeo().fit(_summary(time_unit))


def _expected_purchases(time_unit: str = "weeks", horizon: float = 52) -> float:
    """09.4 — expected purchases of all buyers in the next ``horizon`` units, BG/NBD on the summary in ``time_unit``."""
    return float(_model(time_unit).expected_purchases(_summary(time_unit), horizon).sum())


def _expected_purchases_new_customers() -> float:
    return float(_model("weeks").expected_purchases_population(52) * len(_summary("weeks")))


EXERCISES = {
    "09.1": Number(
        _customers_2025,
        question=N_("With one SQL query (DuckDB) over the shop's orders as Parquet: how many customers ordered at least "
                    "once in 2025?"),
        mistakes=[
            Mistake(lambda: len(_orders_of(2025)), N_("You counted the orders of 2025 (rows). A customer with five "
                    "orders is one customer: COUNT(DISTINCT customer_id).")),
            Mistake(lambda: int(_orders_of(2024)["customer_id"].nunique()), N_("You counted the customers of 2024. "
                    "Keep the orders of 2025: WHERE order_month >= '2025-01' (or order_date >= DATE '2025-01-01').")),
            Mistake(lambda: int(_orders_of()["customer_id"].nunique()), N_("You counted every customer who ever ordered. "
                    "Keep only the orders of 2025 with a WHERE before you count.")),
        ],
        hint=N_("Keep the orders placed in 2025 (a WHERE on order_month or order_date) and count the distinct "
                "customer ids among them: SELECT COUNT(DISTINCT customer_id) FROM ... WHERE ..."),
    ),
    "09.2": Table(
        _revenue_per_month_2025,
        question=N_("Revenue (the sum of amount) per month of 2025, from the Parquet files partitioned by month: a "
                    "Series (or one-column table) indexed by month."),
        index_name=N_("month"),
        mistakes=[
            Mistake(lambda: _by_month(2025, "count"), N_("You counted the orders per month (COUNT(*)). Revenue adds up "
                    "the amounts: SUM(amount).")),
            Mistake(lambda: _by_month(2025, "mean"), N_("You averaged the amounts (AVG): that is the mean order value. "
                    "Revenue is their sum: SUM(amount).")),
            Mistake(lambda: _by_month(2024, "sum"), N_("Those are the months of 2024. Keep the months of 2025: "
                    "WHERE order_month >= '2025-01'.")),
        ],
        hint=N_("Read the Parquet files with DuckDB, keep the months of 2025, group by order_month and add up the "
                "amounts (SUM(amount)); turn the result into a pandas Series indexed by the month."),
    ),
    "09.3": Number(
        _mean_frequency,
        question=N_("Compute the BTYD summary of the shop in SQL (sql.clv_summary over the Parquet folder, as of "
                    "shop.as_of). What is the mean frequency (repeat purchase days) per buyer?"),
        mistakes=[
            Mistake(lambda: float((_order_rows() - 1).mean()), N_("You counted order rows minus one (COUNT(*) - 1). "
                    "Two orders on one day are one purchase in the BTYD summary: use sql.clv_summary, which counts "
                    "purchase days.")),
            Mistake(lambda: float(_order_rows().mean()), N_("That is the mean number of orders per customer. "
                    "frequency counts repeat purchase days: the first purchase day does not count.")),
            Mistake(lambda: float((_summary()["frequency"] + 1).mean()), N_("That is the mean number of purchase days, "
                    "the first one included. frequency counts the repeat ones: one less per customer.")),
        ],
        hint=N_("Call sql.clv_summary on the Parquet folder with as_of=shop.as_of: it counts each customer's purchase "
                "days after the first (several orders on one day are one purchase); take the mean of its frequency "
                "column."),
    ),
    "09.4": Number(
        _expected_purchases,
        question=N_("Fit BG/NBD (value.BetaGeo) on the weekly summary computed in SQL (time_unit='weeks'). How many "
                    "purchases do all the shop's buyers make in the next 52 weeks, expected in total?"),
        unit=N_("purchases"),
        mistakes=[
            Mistake(lambda: _expected_purchases("days", 52), N_("Your summary is in days, so t=52 is 52 days. Use "
                    "time_unit='weeks' (t=52 is then a year).")),
            Mistake(lambda: _expected_purchases("weeks", 12), N_("t=12 is 12 weeks, not a year. The horizon is in the "
                    "summary's unit: 52 weeks.")),
            Mistake(lambda: _expected_purchases("days", 365), N_("You fitted the model on the summary in days. Close, "
                    "but a model fitted in days is not the one asked for: use time_unit='weeks' and t=52.")),
            Mistake(_expected_purchases_new_customers, N_("You used expected_purchases_population: that is for a new "
                    "customer with no history. Use expected_purchases(summary, 52), which reads each buyer's "
                    "frequency, recency and T.")),
        ],
        hint=N_("Compute the summary in weeks with sql.clv_summary(..., time_unit='weeks'), fit value.BetaGeo() on it, "
                "then add up bgnbd.expected_purchases(summary, 52) over all buyers."),
    ),
    "09.5": Choice(
        expected="b",
        question=N_("In the company's Databricks notebook you run sql.rfm(orders_table, as_of, engine='spark', "
                    "spark=spark) on 200 million orders. Where is RFM computed, and what comes back?"),
        options={
            "a": N_("No: pandas does not compute it. The SQL text runs in Spark SQL; pandas only receives the answer."),
            "b": N_("Yes: the executors run the SQL next to the data (the GROUP BY brings each customer's rows "
                    "together), and only the answer, one row per customer, comes back as a pandas frame."),
            "c": N_("No: DuckDB runs only with engine='duckdb'. With engine='spark' the same text runs in Spark SQL."),
            "d": N_("No: only the answer travels to the notebook, one row per customer, never the orders."),
        },
    ),
    "09.6": Choice(
        expected="a",
        question=N_("Your company has 40 million orders and your laptop 16 GB of memory. With the bytes per order "
                    "measured in the lesson (sql.footprint), can you compute RFM in pandas?"),
        options={
            "a": N_("Yes: 40 million times the bytes per order of the whole table and RFM's working memory is well "
                    "below 16 GB. Move when the need nears the memory, not before."),
            "b": N_("No: Spark is for orders that live in a cluster. Multiply the orders by the bytes per order first: "
                    "here they fit in memory."),
            "c": N_("No: pandas has no limit on rows; memory is the limit, and 40 million orders fit in 16 GB."),
            "d": N_("No: a sample of orders changes every customer's recency, frequency and spend; here all orders fit."),
        },
    ),
    "09.7": Text(
        question=N_("A colleague computed the shop's BTYD summary in the warehouse. How would you prove to your manager "
                    "that it equals lesson 05's, and what would you do if 147 customers differed?"),
        min_words=40,
        keywords=[N_("reconcile"), N_("sample of customers"), N_("assert")],
    ),
}
