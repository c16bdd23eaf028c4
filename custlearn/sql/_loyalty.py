"""Lesson 09: the measures of lesson 04 (NPS, repeat purchase, retention, churn, cohorts) in SQL."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from custlearn._errors import DataError
from custlearn._i18n import tr
from custlearn._validate import as_timestamp, require_choice, require_window
from custlearn.loyalty import PERIODS, _NPS_SCALE
from custlearn.sql._engines import Engine, open_engine, run
from custlearn.sql._inputs import customers_source, orders_source, scores_source, typed

__all__ = ["nps", "repeat_purchase_rate", "retention_rate", "churn_rate", "cohort_retention", "PERIOD_NUMBERS"]

#: The SQL expression numbering the calendar periods of ``{day}`` as pandas numbers them
#: (``Period.ordinal``): consecutive whole numbers, 0 for the period of 1970-01-01 (weeks:
#: Monday to Sunday, numbered from the week of 1969-12-29 = 1).
PERIOD_NUMBERS = {
    "D": "days_between(DATE '1970-01-01', {day})",
    "W": "CAST(FLOOR((days_between(DATE '1970-01-01', {day}) + 3) / 7) AS BIGINT) + 1",
    "M": "(YEAR({day}) - 1970) * 12 + MONTH({day}) - 1",
    "Q": "(YEAR({day}) - 1970) * 4 + QUARTER({day}) - 1",
    "Y": "YEAR({day}) - 1970",
}


def nps(
    scores: Any,
    *,
    column: str = "likely_to_recommend",
    engine: str = "duckdb",
    connection: Any = None,
    spark: Any = None,
) -> float:
    """Net Promoter Score of 0-10 answers, counted in SQL: the same number as ``loyalty.nps``.

    Lesson 09, framework: Net Promoter Score (Reichheld 2003, "The one
    number you need to grow", *Harvard Business Review* 81(12))::

        NPS = 100 * (promoters (9-10) - detractors (0-6)) / answers

    Parameters
    ----------
    scores : Series, list, array, DataFrame, str or path
        The answers (as ``loyalty.nps`` takes them), or a survey table
        (frame, files, a table name) whose ``column`` holds them.
    column : str, default "likely_to_recommend"
        The answers' column in a table.
    engine, connection, spark
        As in :func:`custlearn.sql.rfm`.

    Returns
    -------
    float
        From -100 to 100.

    Raises
    ------
    DataError
        No answers, missing answers, text, decimals or values outside 0-10.

    Examples
    --------
    >>> from custlearn import sql
    >>> sql.nps([10, 9, 9, 10, 9, 8, 7, 7, 6, 0])
    30.0
    >>> sql.nps([10, 9, 11])
    Traceback (most recent call last):
    ...
    custlearn.DataError: scores must be whole numbers from 0 to 10, but 1 value(s) are outside that range: 11.0. ...
    """
    with open_engine(engine, connection, spark) as runner:
        _src, slots = scores_source(runner, scores, column, _NPS_SCALE)
        counts = run(runner, "nps", slots, {}).iloc[0]
    return 100.0 * (int(counts["promoters"]) - int(counts["detractors"])) / int(counts["answers"])


def repeat_purchase_rate(
    orders: Any,
    *,
    customer_col: str = "customer_id",
    date_col: str = "order_date",
    order_col: str = "order_id",
    count: str = "orders",
    within_days: int | None = None,
    as_of: Any = None,
    engine: str = "duckdb",
    connection: Any = None,
    spark: Any = None,
) -> float:
    """Share of buyers who bought again, counted in SQL: the same number as ``loyalty.repeat_purchase_rate``.

    Lesson 09, framework: the repeat purchase rate of lesson 04 (Ehrenberg
    1988, *Repeat-Buying*)::

        repeat purchase rate = customers with 2+ purchases / customers with 1+

    A purchase is an order id (``count="orders"``) or a day with orders
    (``count="days"``). With ``within_days``, only customers whose first
    purchase is at least that many days before ``as_of`` count, and only
    the purchases within that many days of their first.

    Parameters
    ----------
    orders : DataFrame, str or path
        As in :func:`custlearn.sql.rfm`.
    customer_col, date_col, order_col : str
        Column names (``order_col`` only with ``count="orders"``).
    count : {"orders", "days"}
    within_days : int, optional
        The window for the second purchase, in days.
    as_of : date, optional
        End of the window (default: the last order's day); only with ``within_days``.
    engine, connection, spark
        As in :func:`custlearn.sql.rfm`.

    Returns
    -------
    float
        A fraction from 0 to 1.

    Raises
    ------
    DataError
        Missing columns or values, no orders, bad arguments, or no customer
        with a whole window.

    Examples
    --------
    >>> import pandas as pd
    >>> from custlearn import sql
    >>> orders = pd.DataFrame({"order_id": [1, 2, 3, 4, 5], "customer_id": [1, 1, 2, 2, 3],
    ...     "order_date": ["2024-01-05", "2024-02-10", "2024-01-07", "2024-01-07", "2024-01-20"]})
    >>> round(sql.repeat_purchase_rate(orders), 3), round(sql.repeat_purchase_rate(orders, count="days"), 3)
    (0.667, 0.333)
    """
    require_choice(count, ["orders", "days"], argument="count")
    if within_days is not None:
        within_days = require_window(within_days, argument="within_days")
    with open_engine(engine, connection, spark) as runner:
        _src, slots, counts = orders_source(runner, orders, customer_col=customer_col, date_col=date_col,
                                            order_col=order_col if count == "orders" else None, min_rows=1)
        end = pd.Timestamp(counts["last_day"]) if as_of is None else as_timestamp(as_of).normalize()
        slots["purchase"] = slots["order"] if count == "orders" else slots["day"]
        values = {"use_window": within_days is not None, "window_days": within_days or 0, "end": f"{end:%Y-%m-%d}"}
        answer = run(runner, "repeat_purchase_rate", slots, values).iloc[0]
    if within_days is not None and int(answer["buyers"]) == 0:
        raise DataError(
            tr("No customer made a first purchase at least within_days={within_days} days before "
               "as_of={end}, so nobody has had the full window to come back. Use a shorter within_days or "
               "a later as_of.", within_days=within_days, end=end.date())
        )
    return int(answer["repeat_buyers"]) / int(answer["buyers"])


def _active(runner: Engine, orders: Any, period: str, as_of: Any, customer_col: str,
            date_col: str) -> tuple[dict[str, str], pd.Timestamp]:
    """The orders' slots with the period number, and the last day observed (as_of or the last order)."""
    _src, slots, counts = orders_source(runner, orders, customer_col=customer_col, date_col=date_col, min_rows=1)
    if as_of is None:
        end = pd.Timestamp(counts["last_day"])
    else:
        end = as_timestamp(as_of, argument="as_of").normalize()
        if end < pd.Timestamp(counts["first_day"]):
            raise DataError(
                tr("No order is dated on or before as_of={end}; the first order is on {first_day}. Choose "
                   "a later as_of.", end=end.date(), first_day=pd.Timestamp(counts['first_day']).date())
            )
    slots["period"] = PERIOD_NUMBERS[period].replace("{day}", slots["day"])
    return slots, end


def retention_rate(
    orders: Any,
    period: str = "M",
    *,
    customer_col: str = "customer_id",
    date_col: str = "order_date",
    as_of: Any = None,
    engine: str = "duckdb",
    connection: Any = None,
    spark: Any = None,
) -> pd.DataFrame:
    """Period-to-period retention counted in SQL: the same table as ``loyalty.retention_rate``.

    Lesson 09, framework: retention as the share of period t-1's customers
    still buying in t (Gupta, Lehmann & Stuart 2004, *JMR* 41(1))::

        retention_rate = customers active in t-1 AND t / customers active in t-1

    The SQL counts, per calendar period, the active customers and those also
    active the period before; pandas lays the periods out (every period up
    to ``as_of``, empty ones too).

    Parameters
    ----------
    orders : DataFrame, str or path
        As in :func:`custlearn.sql.rfm`.
    period : {"M", "W", "Q", "Y", "D"}, default "M"
    customer_col, date_col : str
    as_of : date, optional
        Last day observed (default: the last order's day).
    engine, connection, spark
        As in :func:`custlearn.sql.rfm`.

    Returns
    -------
    DataFrame
        Index ``period``; ``active_previous``, ``retained`` (int),
        ``retention_rate`` and ``churn_rate`` (NaN where nobody was active in t-1).

    Raises
    ------
    DataError
        Missing columns or values, no orders up to ``as_of``, an unknown period.

    Examples
    --------
    >>> import pandas as pd
    >>> from custlearn import sql
    >>> orders = pd.DataFrame({"customer_id": [1, 2, 3, 1, 2, 2, 4],
    ...     "order_date": ["2024-01-03", "2024-01-09", "2024-01-20", "2024-02-02", "2024-02-14",
    ...                    "2024-03-01", "2024-03-05"]})
    >>> sql.retention_rate(orders)
             active_previous  retained  retention_rate  churn_rate
    period
    2024-02                3         2        0.666667    0.333333
    2024-03                2         1        0.500000    0.500000
    """
    period = require_choice(period, PERIODS, argument="period")
    with open_engine(engine, connection, spark) as runner:
        slots, end = _active(runner, orders, period, as_of, customer_col, date_col)
        answer = run(runner, "retention_rate", slots, {"as_of": f"{end:%Y-%m-%d}"})
    numbers = answer["period"].to_numpy(dtype=np.int64)
    ordinals = pd.RangeIndex(int(numbers.min()), end.to_period(period).ordinal + 1)
    active = pd.Series(answer["active"].to_numpy(dtype=np.int64), index=numbers).reindex(ordinals, fill_value=0)
    retained = pd.Series(answer["retained"].to_numpy(dtype=np.int64), index=numbers).reindex(ordinals, fill_value=0)
    periods = pd.PeriodIndex.from_ordinals(ordinals.to_numpy(), freq=period)
    table = pd.DataFrame(
        {"active_previous": active.shift(1, fill_value=0).to_numpy(), "retained": retained.to_numpy()},
        index=pd.Index(periods, name="period"),
    ).iloc[1:]
    table["retention_rate"] = table["retained"] / table["active_previous"].where(table["active_previous"] > 0)
    table["churn_rate"] = 1.0 - table["retention_rate"]
    return table


def churn_rate(
    orders: Any,
    period: str = "M",
    *,
    customer_col: str = "customer_id",
    date_col: str = "order_date",
    as_of: Any = None,
    engine: str = "duckdb",
    connection: Any = None,
    spark: Any = None,
) -> pd.DataFrame:
    """Period-to-period churn counted in SQL: the same table as ``loyalty.churn_rate``.

    Lesson 09, framework: churn as the complement of retention (Gupta,
    Lehmann & Stuart 2004; Ascarza et al. 2018)::

        churned = active_previous - retained,  churn_rate = churned / active_previous

    Parameters
    ----------
    orders, period, customer_col, date_col, as_of, engine, connection, spark
        As in :func:`retention_rate`.

    Returns
    -------
    DataFrame
        Index ``period``; ``active_previous``, ``churned`` and ``churn_rate``.

    Raises
    ------
    DataError
        As :func:`retention_rate`.

    Examples
    --------
    >>> import pandas as pd
    >>> from custlearn import sql
    >>> orders = pd.DataFrame({"customer_id": [1, 2, 3, 1, 2, 2, 4],
    ...     "order_date": ["2024-01-03", "2024-01-09", "2024-01-20", "2024-02-02", "2024-02-14",
    ...                    "2024-03-01", "2024-03-05"]})
    >>> sql.churn_rate(orders)["churned"].tolist()
    [1, 1]
    """
    table = retention_rate(orders, period, customer_col=customer_col, date_col=date_col, as_of=as_of,
                           engine=engine, connection=connection, spark=spark)
    return pd.DataFrame({"active_previous": table["active_previous"],
                         "churned": table["active_previous"] - table["retained"],
                         "churn_rate": table["churn_rate"]})


def cohort_retention(
    customers: Any,
    orders: Any,
    period: str = "M",
    *,
    customer_col: str = "customer_id",
    date_col: str = "order_date",
    values: str = "share",
    as_of: Any = None,
    engine: str = "duckdb",
    connection: Any = None,
    spark: Any = None,
) -> pd.DataFrame:
    """The cohort x periods-since-first-purchase matrix counted in SQL: as ``loyalty.cohort_retention``.

    Lesson 09, framework: cohort survival tables (Fader & Hardie 2007, "How
    to project customer retention", *J. Interactive Marketing* 21(1))::

        share[c, k] = customers of cohort c active in period c + k / customers of cohort c

    The SQL counts the customers per (cohort, age); pandas lays out the
    matrix (cells after ``as_of`` are NaN, not 0).

    Parameters
    ----------
    customers : DataFrame, str or path
        The customers to count (only ``customer_col`` is used).
    orders : DataFrame, str or path
        As in :func:`custlearn.sql.rfm`.
    period : {"M", "W", "Q", "Y", "D"}, default "M"
    customer_col, date_col : str
    values : {"share", "count"}
    as_of : date, optional
        Last day observed (default: the last order's day).
    engine, connection, spark
        As in :func:`custlearn.sql.rfm`.

    Returns
    -------
    DataFrame
        Index ``cohort`` (Periods), columns ``periods_since_first_purchase`` 0, 1, ...

    Raises
    ------
    DataError
        Missing columns or values, repeated customer ids, no orders of the
        listed customers, bad arguments.

    Examples
    --------
    >>> import pandas as pd
    >>> from custlearn import sql
    >>> customers = pd.DataFrame({"customer_id": [1, 2, 3]})
    >>> orders = pd.DataFrame({"customer_id": [1, 2, 1, 3, 2, 3],
    ...     "order_date": ["2024-01-02", "2024-01-15", "2024-02-03", "2024-02-09", "2024-03-11", "2024-03-20"]})
    >>> sql.cohort_retention(customers, orders)
    periods_since_first_purchase    0    1    2
    cohort
    2024-01                       1.0  0.5  0.5
    2024-02                       1.0  1.0  NaN
    """
    period = require_choice(period, PERIODS, argument="period")
    require_choice(values, ["share", "count"], argument="values")
    with open_engine(engine, connection, spark) as runner:
        _src, listed = customers_source(runner, customers, customer_col=customer_col)
        slots, end = _active(runner, orders, period, as_of, customer_col, date_col)
        answer = run(runner, "cohort_retention", {**slots, "customers": listed["customers"]},
                     {"as_of": f"{end:%Y-%m-%d}"})
    if answer.empty:
        raise DataError(
            tr("None of the customers in the customers table has an order (matched on "
               '"{customer_col}"{up_to}). Check that both tables use the same customer ids, or that the '
               "subset of customers is not empty.",
               customer_col=customer_col, up_to="" if as_of is None else tr(" up to as_of"))
        )
    counts = typed(answer, {"cohort": "int", "age": "int", "customers": "float"})
    last = end.to_period(period).ordinal
    matrix = counts.pivot(index="cohort", columns="age", values="customers")
    ages = range(0, last - int(matrix.index.min()) + 1)
    matrix = matrix.reindex(columns=ages).fillna(0.0)
    table = matrix.div(matrix[0], axis=0) if values == "share" else matrix
    table = table.mask((matrix.index.to_numpy()[:, None] + np.asarray(ages)[None, :]) > last)
    table.index = pd.PeriodIndex.from_ordinals(matrix.index.to_numpy(), freq=period)
    table.index.name = "cohort"
    table.columns = pd.Index(list(ages), name="periods_since_first_purchase")
    return table
