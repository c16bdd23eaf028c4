"""Lesson 05: the Pareto (80/20) curve, the whale curve (20/80/30) and profit per customer."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from custlearn._i18n import tr
from custlearn._tables import Column, read_customers, read_orders, read_tickets
from custlearn._validate import DataError, as_numeric_series, require_fraction

__all__ = ["pareto_table", "whale_curve", "customer_profit", "ParetoResult", "WhaleCurve"]


def _values(values: Any, name: str) -> pd.Series:
    """Per-customer values as a float Series (keeps the index as customer id)."""
    s = as_numeric_series(values, name=name)
    if not np.isfinite(s.to_numpy()).all():
        raise DataError(
            tr("{name} has infinite values; every customer needs a finite amount. Check the division or "
               "join that produced them.", name=name)
        )
    return s


def _curve(s: pd.Series, value_name: str) -> pd.DataFrame:
    """Customers sorted best first with cumulative shares (stable for ties)."""
    order = np.argsort(-s.to_numpy(), kind="stable")
    sorted_values = s.to_numpy()[order]
    n = len(s)
    total = sorted_values.sum()
    cumulative = np.cumsum(sorted_values)
    table = pd.DataFrame(
        {
            "rank": np.arange(1, n + 1),
            value_name: sorted_values,
            f"cumulative_{value_name}": cumulative,
            "customer_share": np.arange(1, n + 1) / n,
            f"cumulative_{value_name}_share": cumulative / total,
        },
        index=s.index[order],
    )
    return table


def _share_at(table: pd.DataFrame, column: str, customer_share: float) -> float:
    """Read the curve at a customer share, linear between customers, from (0, 0)."""
    x = np.concatenate([[0.0], table["customer_share"].to_numpy()])
    y = np.concatenate([[0.0], table[column].to_numpy()])
    return float(np.interp(customer_share, x, y))


@dataclass(frozen=True)
class ParetoResult:
    """Result of :func:`pareto_table`: the curve and its headline number.

    ``table`` has one row per customer, best first; ``top_share`` is the
    share of the total brought by the top ``top`` fraction of customers.
    """

    table: pd.DataFrame = field(repr=False)
    top: float
    top_share: float
    customers: int
    total: float

    def __str__(self) -> str:
        return tr("The top {top:.0%} of {customers:,} customers bring {top_share:.1%} of the total of {total:,.2f}.",
                  top=self.top, customers=self.customers, top_share=self.top_share, total=self.total)


@dataclass(frozen=True)
class WhaleCurve:
    """Result of :func:`whale_curve`: the cumulative profit curve and headlines.

    ``peak_height`` is the highest cumulative profit as a share of the total
    profit (1.5 = the profitable customers alone earn 150% of what the firm
    keeps); ``peak_customer_share`` is the share of customers (best first)
    at that peak; ``top_share`` is the profit share of the top ``top``
    fraction; ``bottom_share`` is the (usually negative) profit share of the
    least profitable ``bottom`` fraction.
    """

    table: pd.DataFrame = field(repr=False)
    top: float
    top_share: float
    bottom: float
    bottom_share: float
    peak_height: float
    peak_customer_share: float
    customers: int
    total_profit: float

    def __str__(self) -> str:
        return tr("Top {top:.0%} of customers: {top_share:.1%} of profit. Bottom {bottom:.0%}: {bottom_share:.1%} of "
                  "profit. Peak {peak_height:.1%} of total profit at {peak_customer_share:.1%} of customers.",
                  top=self.top, top_share=self.top_share, bottom=self.bottom, bottom_share=self.bottom_share,
                  peak_height=self.peak_height, peak_customer_share=self.peak_customer_share)


def pareto_table(values: Any, *, top: float = 0.2) -> ParetoResult:
    """The Pareto (concentration) curve of revenue over customers.

    Lesson 05, framework: the Pareto principle / 80-20 rule of customer
    value (Kotler & Keller, *Marketing Management*; the concentration or
    Lorenz curve). Customers are sorted from the largest value to the
    smallest (ties keep their input order); for the first ``k`` of ``n``::

        customer_share            = k / n
        cumulative_value_share    = (v_1 + ... + v_k) / (v_1 + ... + v_n)

    ``top_share`` reads the curve at ``customer_share = top`` (20%), with a
    straight line between neighbouring customers and the curve starting at
    (0, 0); with 10 customers it is exactly the share of the top 2.

    Parameters
    ----------
    values : Series, list or array
        One value per customer, e.g. ``rfm(...)["monetary"]``; a Series'
        index (the customer id) is kept in the table. Values must be 0 or
        more: for profit, which can be negative, use :func:`whale_curve`.
    top : float, default 0.2
        The customer share for the headline number.

    Returns
    -------
    ParetoResult
        ``.table`` (columns ``rank``, ``value``, ``cumulative_value``,
        ``customer_share``, ``cumulative_value_share``; index = customer),
        ``.top_share``, ``.customers``, ``.total``; ``print(result)`` gives
        the headline in words.

    Raises
    ------
    DataError
        No values, missing or negative values, a total of 0, or ``top``
        outside 0..1.

    Examples
    --------
    >>> result = pareto_table([50, 10, 300, 40])
    >>> result.table["cumulative_value_share"].round(3).tolist()
    [0.75, 0.875, 0.975, 1.0]
    >>> round(result.top_share, 3)  # 20% of 4 customers = 0.8 of the first
    0.6
    >>> print(result)
    The top 20% of 4 customers bring 60.0% of the total of 400.00.
    >>> pareto_table([50, 10, 300, 40], top=20)       # a percentage where a share is meant
    Traceback (most recent call last):
    ...
    custlearn.DataError: top must be a fraction from 0 to 1, e.g. top=0.2, but 20 was given. Give a fraction, not a percentage: 0.2, not 20.
    """
    s = _values(values, "values")
    top = require_fraction(top, argument="top", closed=True, example="0.2")
    if len(s) == 0:
        raise DataError(tr("values is empty: a Pareto curve needs at least one customer."))
    if (s < 0).any():
        raise DataError(
            tr("values has {n} negative value(s) (e.g. {s:g}), but a Pareto curve of revenue needs values "
               "of 0 or more. For profit, which can be negative, use whale_curve(profit).",
               n=int((s < 0).sum()), s=s[s < 0].iloc[0])
        )
    if s.sum() == 0:
        raise DataError(tr("values add up to 0, so shares of the total cannot be computed."))
    table = _curve(s, "value")
    return ParetoResult(table, float(top), _share_at(table, "cumulative_value_share", top), len(s), float(s.sum()))


def whale_curve(profit: Any, *, top: float = 0.2, bottom: float = 0.3) -> WhaleCurve:
    """The whale curve: cumulative profit over customers, most profitable first.

    Lesson 05, framework: Kotler's 20/80/30 rule (Kotler 1999, *Kotler on
    Marketing: How to Create, Win, and Dominate Markets*, as deck 002 quotes
    it: the most profitable 20% of customers bring 80% of the total profit,
    and the worst 30% halve the firm's potential profit) and the whale curve
    of Kaplan & Cooper (1998, *Cost and Effect*) / Kaplan &
    Narayanan (2001, "Measuring and managing customer profitability").
    Profit is per customer **after cost to serve** (returns, service,
    discounts), so some customers are negative. For the first ``k`` of ``n``
    customers sorted by profit (largest first)::

        customer_share          = k / n
        cumulative_profit_share = (p_1 + ... + p_k) / total profit

    The curve rises above 100% while profitable customers are added and
    falls back to 100% as the loss-making ones are: its peak height is what
    the firm would earn without them; ``bottom_share`` is what the last
    ``bottom`` (30%) of customers add (negative: what they cost).

    Parameters
    ----------
    profit : Series, list or array
        Profit per customer (may be negative); a Series' index is kept.
    top, bottom : float, default 0.2 and 0.3
        Customer shares for the headline numbers.

    Returns
    -------
    WhaleCurve
        ``.table`` (``rank``, ``profit``, ``cumulative_profit``,
        ``customer_share``, ``cumulative_profit_share``), ``.top_share``,
        ``.bottom_share``, ``.peak_height``, ``.peak_customer_share``,
        ``.total_profit``; ``print(result)`` gives the headline in words.

    Raises
    ------
    DataError
        No values, missing values, or a total profit of 0 or less (shares of
        a total loss have no meaning: plot the money instead).

    Examples
    --------
    >>> w = whale_curve([60, -20, 30, 10, -30])
    >>> w.table["cumulative_profit_share"].round(3).tolist()
    [1.2, 1.8, 2.0, 1.6, 1.0]
    >>> round(w.peak_height, 3), round(w.peak_customer_share, 3)
    (2.0, 0.6)
    """
    s = _values(profit, "profit")
    top = require_fraction(top, argument="top", closed=True, example="0.2")
    bottom = require_fraction(bottom, argument="bottom", closed=True, example="0.3")
    if len(s) == 0:
        raise DataError(tr("profit is empty: a whale curve needs at least one customer."))
    total = float(s.sum())
    if total <= 0:
        raise DataError(
            tr("The total profit is {total:,.2f}, but a whale curve shows shares of a positive total "
               "profit. With a total loss, plot cumulative profit in money instead (whale_curve needs "
               "profit.sum() > 0).", total=total)
        )
    table = _curve(s, "profit")
    column = "cumulative_profit_share"
    peak = int(np.argmax(table[column].to_numpy()))
    top_share = _share_at(table, column, top)
    bottom_share = 1.0 - _share_at(table, column, 1.0 - bottom)
    return WhaleCurve(
        table, float(top), top_share, float(bottom), bottom_share,
        float(table[column].iloc[peak]), float(table["customer_share"].iloc[peak]), len(s), total,
    )


def customer_profit(
    customers: Any,
    orders: pd.DataFrame | None = None,
    tickets: pd.DataFrame | None = None,
    *,
    customer_col: str = "customer_id",
    margin_col: str = "margin",
    returned_col: str = "returned",
    return_cost_col: str = "return_cost",
    handling_cost_col: str = "handling_cost",
    acquisition_cost_col: str = "acquisition_cost",
) -> pd.DataFrame:
    """Profit per customer after the cost to serve and the acquisition cost (the input of :func:`whale_curve`).

    Lesson 05, framework: customer profitability, behind Kotler's 20/80/30
    rule (Kotler 1999, *Kotler on Marketing*, as deck 002 quotes it: the
    most profitable 20% of customers bring 80% of the total profit, and the
    worst 30% halve the potential profit) and the whale curve of Kaplan &
    Cooper (1998, *Cost and Effect*). ``profit`` subtracts the acquisition
    cost too, a sunk cost for customers already won: for the profit after
    the cost to serve alone (what serving a customer earns from now on),
    add ``acquisition_cost`` back. Per customer, the formula of the course data
    (``datasets/README.md``, section "Cost to serve and the whale curve")::

        profit = sum(margin of the orders NOT returned)   (a returned order loses its margin)
               - sum(return_cost of all orders)           (handling the returns)
               - sum(handling_cost of all tickets)        (customer service)
               - acquisition_cost                         (getting the customer)

    Every customer of ``customers`` gets a row: one without orders or
    tickets has ``profit = -acquisition_cost`` (a prospect who never
    bought costs money). Revenue alone hides these costs: a big spender who
    returns much and calls often can be a loss.

    Parameters
    ----------
    customers : DataFrame or dataset
        One row per customer with ``customer_col`` and
        ``acquisition_cost_col``. Or a loaded dataset
        (``datasets.load("shop")``): its ``customers``, ``orders`` and
        ``tickets`` are used.
    orders : DataFrame
        One row per order: ``customer_col``, ``margin_col`` (money),
        ``returned_col`` (True/False) and ``return_cost_col`` (money).
        Required unless ``customers`` is a dataset.
    tickets : DataFrame, optional
        Service tickets with ``customer_col`` and ``handling_cost_col``;
        None counts no service cost.
    customer_col, margin_col, returned_col, return_cost_col, handling_cost_col, acquisition_cost_col : str
        Column names, defaulting to the course data's.

    Returns
    -------
    DataFrame
        Indexed by customer id (in the order of ``customers``): ``margin``
        (kept orders), ``return_cost``, ``service_cost``,
        ``acquisition_cost`` and ``profit`` (all money).

    Raises
    ------
    DataError
        A table or column is missing, a column is not numeric (or
        ``returned`` not True/False) or has missing values, a customer
        appears twice in ``customers``, or an order or ticket belongs to a
        customer who is not in ``customers``.

    Examples
    --------
    >>> import pandas as pd
    >>> customers = pd.DataFrame({"customer_id": [1, 2, 3], "acquisition_cost": [20.0, 30.0, 10.0]})
    >>> orders = pd.DataFrame({"customer_id": [1, 1, 2],
    ...                        "margin": [50.0, 40.0, 15.0],
    ...                        "returned": [False, True, False],
    ...                        "return_cost": [0.0, 9.5, 0.0]})
    >>> tickets = pd.DataFrame({"customer_id": [1, 2], "handling_cost": [5.0, 21.0]})
    >>> customer_profit(customers, orders, tickets)
                 margin  return_cost  service_cost  acquisition_cost  profit
    customer_id
    1              50.0          9.5           5.0              20.0    15.5
    2              15.0          0.0          21.0              30.0   -36.0
    3               0.0          0.0           0.0              10.0   -10.0
    >>> customer_profit(customers, orders.assign(customer_id=[1, 1, 9]), tickets)
    Traceback (most recent call last):
    ...
    custlearn.DataError: orders has 1 row(s) of customers not in the customers table (e.g. customer_id 9). Every cost must belong to a known customer: load the matching customers table, or drop those rows first.
    """
    customers, orders, tickets = _profit_tables(customers, orders, tickets)
    cols = {"customer_col": customer_col}
    customers = read_customers(customers, customer_col=customer_col, min_rows=1, extra=[
        Column(acquisition_cost_col, "number", "acquisition_cost_col")])
    orders = read_orders(orders, customer_col=customer_col, date_col=None, extra=[
        Column(margin_col, "number", "margin_col"), Column(returned_col, "flag", "returned_col"),
        Column(return_cost_col, "number", "return_cost_col")])
    ids = pd.Index(customers[customer_col], name=customer_col)
    kept_margin = orders[margin_col].where(~orders[returned_col], 0.0)  # a returned order loses its margin
    out = pd.DataFrame(
        {
            "margin": _sum_per_customer(kept_margin, orders[customer_col], ids, "orders", **cols),
            "return_cost": _sum_per_customer(orders[return_cost_col], orders[customer_col], ids, "orders", **cols),
            "service_cost": _service_cost(tickets, ids, customer_col, handling_cost_col),
            "acquisition_cost": customers[acquisition_cost_col].to_numpy(),
        },
        index=ids,
    )
    out["profit"] = out["margin"] - out["return_cost"] - out["service_cost"] - out["acquisition_cost"]
    return out


def _profit_tables(customers: Any, orders: Any, tickets: Any) -> tuple[Any, Any, Any]:
    """customers, orders and tickets, from three tables or from one loaded dataset."""
    if orders is None and hasattr(customers, "customers") and hasattr(customers, "orders"):
        return customers.customers, customers.orders, getattr(customers, "tickets", None)
    if orders is None:
        raise DataError(
            tr("customer_profit needs the orders: customer_profit(customers, orders, tickets), or pass a "
               "loaded dataset: customer_profit(datasets.load('shop')).")
        )
    return customers, orders, tickets


def _sum_per_customer(values: pd.Series, owners: pd.Series, ids: pd.Index, table: str, *,
                      customer_col: str) -> np.ndarray:
    """Sum of ``values`` per customer of ``ids``; a row of an unknown customer is an error."""
    position = ids.get_indexer(owners)
    unknown = position < 0
    if unknown.any():
        raise DataError(
            tr("{table} has {n} row(s) of customers not in the customers table (e.g. {customer_col} "
               "{owners}). Every cost must belong to a known customer: load the matching customers table, "
               "or drop those rows first.",
               table=table, n=int(unknown.sum()), customer_col=customer_col, owners=owners[unknown].iloc[0])
        )
    return np.bincount(position, weights=values.to_numpy(dtype=float), minlength=len(ids))


def _service_cost(tickets: Any, ids: pd.Index, customer_col: str, handling_cost_col: str) -> np.ndarray:
    """Handling cost of the service tickets per customer (zero without a tickets table)."""
    if tickets is None:
        return np.zeros(len(ids))
    tickets = read_tickets(tickets, customer_col=customer_col, opened_col=None,
                           extra=[Column(handling_cost_col, "number", "handling_cost_col")])
    return _sum_per_customer(tickets[handling_cost_col], tickets[customer_col], ids, "tickets",
                             customer_col=customer_col)
