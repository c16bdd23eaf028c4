"""Lesson 09: the measures of lesson 05 (RFM, RFM scores, the BTYD summary, the Pareto table) in SQL."""

from __future__ import annotations

import os
from typing import Any

import numpy as np
import pandas as pd

from custlearn._errors import DataError
from custlearn._i18n import tr
from custlearn._tables import Column, _require, read_table
from custlearn._validate import as_timestamp, require_choice, require_flag, require_fraction, require_positive_int
from custlearn.sql._engines import open_engine, run
from custlearn.sql._inputs import (before_every_order, by_customer, check_kinds, id_index, orders_source,
                                   register, typed)
from custlearn.value import TIME_UNITS, ParetoResult
from custlearn.value._curves import _share_at, _values

__all__ = ["rfm", "rfm_scores", "clv_summary", "pareto_table", "TIES"]

#: The tie rules of :func:`rfm_scores`; only "same" is exact in SQL.
TIES = ["same", "id"]


def rfm(
    orders: Any,
    as_of: Any,
    *,
    customer_col: str = "customer_id",
    date_col: str = "order_date",
    amount_col: str = "amount",
    allow_refunds: bool = False,
    engine: str = "duckdb",
    connection: Any = None,
    spark: Any = None,
) -> pd.DataFrame:
    """RFM per customer, computed in SQL: the same table as ``value.rfm``.

    Lesson 09 (the warehouse), framework: RFM segmentation (Hughes 1994;
    Fader, Hardie & Lee 2005), the measure of lesson 05 as one SQL text
    (``print(sql.query_text("rfm"))``) run on DuckDB or Spark::

        recency   = as_of - day of the last purchase   (whole days)
        frequency = number of purchases (order rows, refunds excluded)
        monetary  = total amount (refunds included)

    Parameters
    ----------
    orders : DataFrame, str or path
        A pandas frame; a path to a CSV or Parquet file, a glob
        (``"orders/*.parquet"``) or a folder of Parquet files (hive-partitioned
        folders too); or the name of a table of ``connection`` / ``spark``.
    as_of : str, datetime or Timestamp
        The analysis date; orders on it count, later ones do not.
    customer_col, date_col, amount_col : str
        Column names, as in ``value.rfm``.
    allow_refunds : bool, default False
        As in ``value.rfm``: negative amounts are an error unless True.
    engine : {"duckdb", "spark"}
        Where the SQL runs.
    connection : duckdb.DuckDBPyConnection, optional
        Your DuckDB connection (default: a new in-memory one).
    spark : SparkSession, optional
        Your Spark session (default: :func:`spark_session`, local[2]).

    Returns
    -------
    DataFrame
        Indexed by customer id (sorted): ``recency`` (int), ``frequency``
        (int), ``monetary`` (float); equal to ``value.rfm(orders, as_of)``.

    Raises
    ------
    DataError
        A column is missing or has missing values, dates cannot be read, an
        amount is negative (without ``allow_refunds``), ``as_of`` is before
        every order, or the files cannot be read.

    Examples
    --------
    >>> import pandas as pd
    >>> from custlearn import sql
    >>> orders = pd.DataFrame({"customer_id": [1, 1, 2, 3],
    ...     "order_date": ["2025-01-10", "2025-01-30", "2025-01-05", "2025-02-10"],
    ...     "amount": [20.0, 30.0, 15.0, 99.0]})
    >>> sql.rfm(orders, as_of="2025-01-31")
                 recency  frequency  monetary
    customer_id
    1                  1          2      50.0
    2                 26          1      15.0
    >>> sql.rfm("no/such/orders.parquet", as_of="2025-01-31")
    Traceback (most recent call last):
    ...
    custlearn.DataError: orders="no/such/orders.parquet" is neither a file nor a folder that exists. ...
    """
    as_of = as_timestamp(as_of, argument="as_of").normalize()
    require_flag(allow_refunds, argument="allow_refunds")
    with open_engine(engine, connection, spark) as runner:
        src, slots, counts = orders_source(runner, orders, customer_col=customer_col, date_col=date_col,
                                           amount_col=amount_col, allow_refunds=allow_refunds)
        before_every_order(as_of, counts)
        answer = run(runner, "rfm", slots, {"as_of": f"{as_of:%Y-%m-%d}"})
    out = typed(answer, {"recency": "int", "frequency": "int", "monetary": "float"})
    return by_customer(out, answer["customer"], src, customer_col)


def _rfm_input(rfm: Any, columns: dict[str, str], customer_col: str) -> tuple[Any, pd.DataFrame | None]:
    """The per-customer table: a pandas frame read as ``value.rfm_scores`` reads it (row order kept)."""
    if not isinstance(rfm, pd.DataFrame):
        return rfm, None
    clean = read_table(rfm, [Column(c, "number", a) for a, c in columns.items()], table="rfm")
    clean = clean.reset_index(drop=True)
    clean.insert(0, "row_key", np.arange(len(clean), dtype=np.int64))
    return rfm, clean


def rfm_scores(
    rfm: Any,
    bins: int = 5,
    *,
    ties: str = "same",
    recency_col: str = "recency",
    frequency_col: str = "frequency",
    monetary_col: str = "monetary",
    customer_col: str = "customer_id",
    engine: str = "duckdb",
    connection: Any = None,
    spark: Any = None,
) -> pd.DataFrame:
    """RFM scores from 1 to ``bins`` in SQL; equal values get equal scores.

    Lesson 09, framework: RFM scoring (Hughes 1994), the rule of
    ``value.rfm_scores(..., ties="same")``. With ``k`` the number of
    customers with a strictly worse value (a lower frequency or monetary
    value, a *larger* recency) and ``n`` all customers::

        score = 1 + (bins * k) // n          -- 1 + FLOOR(bins * (RANK() - 1) / n) in SQL

    ``ties="id"`` (the older rule: ties broken by customer id into groups
    of equal size, ``pd.qcut`` of positions) is refused: ``pd.qcut`` places
    its group edges with floating-point quantiles, and an edge that should
    fall exactly on a customer's position can land one rounding error to
    either side, so no SQL text reproduces it customer for customer.

    Parameters
    ----------
    rfm : DataFrame, str or path
        The output of :func:`rfm` (indexed by customer), or files / a table
        with ``customer_col`` and the three measures.
    bins : int, default 5
        Number of score levels, 2 to 9.
    ties : {"same", "id"}
        Only "same" runs in SQL (see above).
    recency_col, frequency_col, monetary_col : str
        Column names of the three measures.
    customer_col : str
        The id column of files or a table (a pandas frame keeps its index).
    engine, connection, spark
        As in :func:`rfm`.

    Returns
    -------
    DataFrame
        A pandas frame: its rows and columns plus ``recency_score``,
        ``frequency_score``, ``monetary_score`` (int) and ``rfm_score`` (e.g.
        545). Files or a table: indexed by ``customer_col``, sorted.

    Raises
    ------
    DataError
        A column is missing or not numeric, ``bins`` is not 2 to 9, or
        ``ties="id"``.

    Examples
    --------
    >>> import pandas as pd
    >>> from custlearn import sql
    >>> table = pd.DataFrame({"recency": [5, 40, 10, 90, 5], "frequency": [4, 1, 2, 1, 6],
    ...                       "monetary": [200.0, 15.0, 80.0, 30.0, 500.0]},
    ...                      index=pd.Index([1, 2, 3, 4, 5], name="customer_id"))
    >>> sql.rfm_scores(table)["rfm_score"].tolist()   # customers 1 and 5 share recency 5: both score 4
    [444, 211, 333, 112, 455]
    >>> sql.rfm_scores(table, ties="id")
    Traceback (most recent call last):
    ...
    custlearn.DataError: ties="id" cannot run in SQL exactly: ...
    """
    bins = require_positive_int(bins, argument="bins", minimum=2, maximum=9)
    require_choice(ties, TIES, argument="ties")
    if ties == "id":
        raise DataError(
            tr('ties="id" cannot run in SQL exactly: that rule cuts positions with pd.qcut, whose group '
               "edges are floating-point quantiles; an edge that should fall exactly on a position can "
               "land one rounding error to either side, so SQL would give some customers a different "
               'score. Use ties="same" (equal values, equal scores), or value.rfm_scores(..., ties="id") '
               "in pandas.")
        )
    columns = {"recency_col": recency_col, "frequency_col": frequency_col, "monetary_col": monetary_col}
    original, clean = _rfm_input(rfm, columns, customer_col)
    with open_engine(engine, connection, spark) as runner:
        src = register(runner, original, "rfm", clean)
        if clean is None:  # files or a table: the columns and their kinds, checked in the engine's schema
            needed = [Column(customer_col, "id", "customer_col")] + [Column(c, "number", a) for a, c in columns.items()]
            _require(pd.DataFrame(columns=list(src.columns)), needed, "rfm")
            check_kinds(src, {c: "number" for c in columns.values()}, "rfm")
        q = runner.quote
        slots = {"rfm": q(src.view), "row": q("row_key" if clean is not None else customer_col),
                 "recency": q(recency_col), "frequency": q(frequency_col), "monetary": q(monetary_col)}
        answer = run(runner, "rfm_scores", slots, {"bins": bins})
        whole = None if clean is not None else runner.fetch(f"SELECT * FROM {q(src.view)} ORDER BY {q(customer_col)}", [])
    scores = typed(answer, {"recency_score": "int", "frequency_score": "int", "monetary_score": "int"})
    if clean is not None:
        out = original.copy()
    else:
        out = whole.set_index(customer_col)
        out.index = id_index(whole[customer_col], src, customer_col)
    for column in scores.columns:
        out[column] = scores[column].to_numpy()
    out["rfm_score"] = out["recency_score"] * 100 + out["frequency_score"] * 10 + out["monetary_score"]
    return out


def clv_summary(
    orders: Any,
    as_of: Any,
    *,
    customer_col: str = "customer_id",
    date_col: str = "order_date",
    amount_col: str | None = "amount",
    time_unit: str = "days",
    allow_refunds: bool = False,
    engine: str = "duckdb",
    connection: Any = None,
    spark: Any = None,
) -> pd.DataFrame:
    """The BTYD summary (frequency, recency, T, monetary value) computed in SQL.

    Lesson 09, framework: "buy till you die" models in the convention of
    Fader, Hardie & Lee (2005), *Marketing Science* 24(2), 275-284: the
    same table as ``value.clv_summary``. Several orders on one calendar day
    are one purchase::

        frequency      = purchase days - 1
        recency        = last purchase day - first purchase day
        T              = as_of - first purchase day
        monetary_value = mean spend of the repeat purchase days (0 without repeats)

    100 million orders make a summary of one row per customer: small enough
    to fit ``value.BetaGeo`` on in pandas. Write ``summary["T"]``, never
    ``summary.T`` (the transpose).

    Parameters
    ----------
    orders : DataFrame, str or path
        As in :func:`rfm`.
    as_of : str, datetime or Timestamp
        End of the observation period (orders on it count).
    customer_col, date_col, amount_col : str
        Column names; ``amount_col=None`` leaves out ``monetary_value``.
    time_unit : {"days", "weeks"}
        Unit of ``recency`` and ``T``.
    allow_refunds : bool, default False
        As in ``value.clv_summary``: refund rows are dropped when True.
    engine, connection, spark
        As in :func:`rfm`.

    Returns
    -------
    DataFrame
        Indexed by customer (sorted): ``frequency`` (int), ``recency``,
        ``T``, ``monetary_value`` (float); ``attrs["time_unit"]`` is set.

    Raises
    ------
    DataError
        As :func:`rfm`, or an unknown ``time_unit``.

    Examples
    --------
    >>> import pandas as pd
    >>> from custlearn import sql
    >>> orders = pd.DataFrame({"customer_id": [1, 1, 1, 1, 2],
    ...     "order_date": ["2025-01-01", "2025-01-08", "2025-01-08", "2025-01-15", "2025-01-10"],
    ...     "amount": [10.0, 20.0, 5.0, 15.0, 40.0]})
    >>> sql.clv_summary(orders, "2025-01-29", time_unit="weeks").round(3)
                 frequency  recency      T  monetary_value
    customer_id
    1                    2      2.0  4.000            20.0
    2                    0      0.0  2.714             0.0
    """
    require_choice(time_unit, list(TIME_UNITS), argument="time_unit")
    as_of = as_timestamp(as_of, argument="as_of").normalize()
    require_flag(allow_refunds, argument="allow_refunds")
    with open_engine(engine, connection, spark) as runner:
        src, slots, counts = orders_source(runner, orders, customer_col=customer_col, date_col=date_col,
                                           amount_col=amount_col, allow_refunds=allow_refunds)
        before_every_order(as_of, counts)
        answer = run(runner, "clv_summary", slots, {"as_of": f"{as_of:%Y-%m-%d}", "unit": TIME_UNITS[time_unit]})
    spec = {"frequency": "int", "recency": "float", "T": "float", "monetary_value": "float"}
    answer.columns = ["customer", *spec]
    if amount_col is None:
        del spec["monetary_value"]
    out = by_customer(typed(answer, spec), answer["customer"], src, customer_col)
    out.attrs["time_unit"] = time_unit
    return out


def pareto_table(
    values: Any,
    *,
    top: float = 0.2,
    value_col: str = "monetary",
    customer_col: str = "customer_id",
    engine: str = "duckdb",
    connection: Any = None,
    spark: Any = None,
) -> ParetoResult:
    """The Pareto (80/20) curve of value over customers, computed in SQL.

    Lesson 09, framework: the Pareto principle of customer value (Kotler &
    Keller, *Marketing Management*), the same result as
    ``value.pareto_table``: customers from the largest value down, with::

        customer_share         = rank / n
        cumulative_value_share = running total / total

    Equal values keep their order in a Series (its row order); in files or
    a table they are ordered by ``customer_col``, which is the Series order
    when the Series came sorted by id (as :func:`rfm`'s output does).

    Parameters
    ----------
    values : Series, list, array, DataFrame, str or path
        One value per customer (a Series' index is kept as the customer),
        or a table / files with ``customer_col`` and ``value_col``.
    top : float, default 0.2
        The customer share of the headline number.
    value_col, customer_col : str
        Columns of a table (not used for a Series).
    engine, connection, spark
        As in :func:`rfm`.

    Returns
    -------
    value.ParetoResult
        ``.table``, ``.top_share``, ``.customers``, ``.total``.

    Raises
    ------
    DataError
        No values, missing, negative or infinite values, a total of 0, or
        ``top`` outside 0..1.

    Examples
    --------
    >>> from custlearn import sql
    >>> result = sql.pareto_table([50, 10, 300, 40])
    >>> result.table["cumulative_value_share"].round(3).tolist()
    [0.75, 0.875, 0.975, 1.0]
    >>> print(result)
    The top 20% of 4 customers bring 60.0% of the total of 400.00.
    """
    top = require_fraction(top, argument="top", closed=True, example="0.2")
    if isinstance(values, pd.DataFrame):
        values = values.set_index(customer_col)[value_col] if customer_col in values.columns else values[value_col]
    clean, index_name = None, customer_col
    if not isinstance(values, (str, os.PathLike)):
        s = _values(values, "values")
        index_name = s.index.name
        clean = pd.DataFrame({"customer": s.index.to_numpy(), "position": np.arange(len(s)), "value": s.to_numpy()})
    with open_engine(engine, connection, spark) as runner:
        src = register(runner, values, "values", clean)
        q = runner.quote
        customer = "customer" if clean is not None else customer_col
        if clean is None:
            _require(pd.DataFrame(columns=list(src.columns)),
                     [Column(customer_col, "id", "customer_col"), Column(value_col, "number", "value_col")], "values")
            check_kinds(src, {value_col: "number"}, "values")
        slots = {"values": q(src.view), "customer": q(customer),
                 "position": q("position" if clean is not None else customer_col),
                 "value": q("value" if clean is not None else value_col)}
        answer = run(runner, "pareto_table", slots, {})
    table = typed(answer, {"rank": "int", "value": "float", "cumulative_value": "float",
                           "customer_share": "float", "cumulative_value_share": "float"})
    _check_curve(table)
    ids = answer["customer"]
    table.index = pd.Index(ids.to_numpy(), name=index_name) if clean is None or not len(ids) else \
        pd.Index(ids.to_numpy().astype(clean["customer"].dtype), name=index_name)
    total = float(table["value"].sum())
    return ParetoResult(table, float(top), _share_at(table, "cumulative_value_share", top), len(table), total)


def _check_curve(table: pd.DataFrame) -> None:
    """The checks of ``value.pareto_table`` on the values as the engine read them."""
    v = table["value"].to_numpy()
    if len(v) == 0:
        raise DataError(tr("values is empty: a Pareto curve needs at least one customer."))
    if np.isnan(v).any() or np.isinf(v).any():
        raise DataError(tr("values has missing or infinite values; every customer needs a finite amount. "
                           "Drop them on purpose or fix the calculation that produced them."))
    if (v < 0).any():
        raise DataError(tr("values has {n} negative value(s) (e.g. {v:g}), but a Pareto curve of revenue "
                           "needs values of 0 or more. For profit, which can be negative, use value.whale_curve(profit).",
                           n=int((v < 0).sum()), v=v[v < 0][0]))
    if v.sum() == 0:
        raise DataError(tr("values add up to 0, so shares of the total cannot be computed."))
