"""Lesson 09, "when to move": how much room the orders take, measured on a laptop-sized table.

Memory and file sizes grow in proportion to the number of orders, so a
table of a few thousand orders tells how much a company of 100 million would
need: measure once per order, multiply. The measurement is deterministic
(sizes, not times), so a lesson can print it.
"""

from __future__ import annotations

import os
import tempfile
import tracemalloc
from pathlib import Path
from typing import Any

import pandas as pd

from custlearn._errors import DataError
from custlearn._i18n import tr
from custlearn._tables import read_orders
from custlearn._validate import as_timestamp

__all__ = ["footprint"]

#: The rows of :func:`footprint`, in order.
FOOTPRINT_ROWS = {
    "pandas: the whole table + value.rfm": "memory",
    "pandas: 3 columns + value.rfm": "memory",
    "one row per customer: clv_summary": "memory",
    "CSV file": "disk",
    "Parquet file": "disk",
}


def _peak_bytes(function: Any, *args: Any, **kwargs: Any) -> int:
    """The peak of the memory Python allocates while ``function`` runs (tracemalloc; numpy's arrays count).

    A first run outside the measurement leaves out one-time costs (modules imported on first use, caches).
    """
    function(*args, **kwargs)
    started = not tracemalloc.is_tracing()
    if started:
        tracemalloc.start()
    try:
        before, _ = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        function(*args, **kwargs)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        if started:
            tracemalloc.stop()
    return max(peak - before, 0)


def _file_bytes(frame: pd.DataFrame) -> tuple[int, int]:
    """The size of ``frame`` as one CSV file and as one Parquet file, both written by DuckDB (one thread)."""
    import duckdb

    from custlearn.sql._warehouse import as_stored

    with tempfile.TemporaryDirectory(prefix="custlearn_footprint_") as folder:
        con = duckdb.connect()
        try:
            con.execute("SET threads = 1")
            relation = as_stored(con, frame)
            csv, parquet = os.path.join(folder, "orders.csv"), os.path.join(folder, "orders.parquet")
            relation.write_csv(csv)
            relation.write_parquet(parquet)
        finally:
            con.close()
        return Path(csv).stat().st_size, Path(parquet).stat().st_size


def footprint(
    orders: pd.DataFrame,
    as_of: Any,
    *,
    customer_col: str = "customer_id",
    date_col: str = "order_date",
    amount_col: str = "amount",
) -> pd.DataFrame:
    """Bytes per order that the orders take in pandas, in files, and summed up per customer.

    Lesson 09 (the warehouse), "when to move": pandas holds the whole table
    in memory, and a measure needs working memory on top. Measured here on
    a laptop-sized table, per order, so that ``bytes_per_order * orders``
    estimates a company of any size (1 GB = 10**9 bytes)::

        data    = the frame's memory (deep: text counted), or the file's size
        working = the peak memory value.rfm allocates on top of the data (tracemalloc)
        bytes_per_order = (data + working) / orders

    Rows: the whole table read into pandas and RFM run on it; only the 3
    columns RFM reads; the per-customer summary that BG/NBD is fitted on
    (``value.clv_summary``, one row per customer); the table as a CSV file
    and as a Parquet file (columnar, compressed), both written by DuckDB.
    Per order, these sizes hold for a company twice as large (tested);
    Parquet's is an upper bound (a larger file compresses a little better,
    and a file of a few rows is mostly overhead: measure thousands of
    orders). DuckDB's own memory is not in the table: it reads only the columns a
    query needs, a piece of the file at a time, and its GROUP BY holds one
    row per customer (spilling to disk beyond its memory limit).

    Parameters
    ----------
    orders : DataFrame
        A laptop-sized extract of the orders (all orders of the customers
        in it: sample customers, not orders).
    as_of : str, datetime or Timestamp
        The analysis date of the RFM and the summary.
    customer_col, date_col, amount_col : str
        Column names, as in ``value.rfm``.

    Returns
    -------
    DataFrame
        Indexed by ``what``: ``where`` ("memory" or "disk"), ``data`` and
        ``working`` (bytes per order), ``bytes_per_order`` (their sum).
        ``attrs``: ``orders`` and ``customers`` (buyers) of the extract.

    Raises
    ------
    DataError
        ``orders`` is not a DataFrame, lacks a column, has no order on or
        before ``as_of``, or a value the pandas measures refuse.

    Examples
    --------
    >>> import pandas as pd
    >>> from custlearn import sql
    >>> orders = pd.DataFrame({"customer_id": [1, 1, 2, 3],
    ...     "order_date": pd.to_datetime(["2025-01-10", "2025-01-30", "2025-01-05", "2025-01-20"]),
    ...     "amount": [20.0, 30.0, 15.0, 99.0]})
    >>> table = sql.footprint(orders, as_of="2025-01-31")
    >>> float(table.loc["pandas: 3 columns + value.rfm", "data"])   # 3 columns of 8 bytes
    24.0
    >>> float(table.loc["one row per customer: clv_summary", "data"])   # 3 customers x 40 bytes / 4 orders
    30.0
    >>> list(table.columns), table.attrs
    (['where', 'data', 'working', 'bytes_per_order'], {'orders': 4, 'customers': 3})
    """
    as_of = as_timestamp(as_of, argument="as_of")
    from custlearn import value

    needed = read_orders(orders, customer_col=customer_col, date_col=date_col, amount_col=amount_col)
    n = len(needed)
    if n == 0 or not (needed[date_col] <= as_of).any():
        raise DataError(tr("footprint needs orders on or before as_of={as_of}, but there are none. Give "
                           "an extract with orders, and an as_of inside its dates.", as_of=as_of.date()))
    columns = [customer_col, date_col, amount_col]
    frame = orders.memory_usage(deep=True, index=False).sum()
    three = needed[columns].memory_usage(deep=True, index=False).sum()
    working = _peak_bytes(value.rfm, needed[columns], as_of, customer_col=customer_col, date_col=date_col,
                          amount_col=amount_col)
    summary = value.clv_summary(needed, as_of, customer_col=customer_col, date_col=date_col, amount_col=amount_col)
    csv, parquet = _file_bytes(orders)
    data = [frame, three, summary.memory_usage(deep=True).sum(), csv, parquet]
    table = pd.DataFrame({"where": list(FOOTPRINT_ROWS.values()),
                          "data": [d / n for d in data],
                          "working": [working / n, working / n, 0.0, 0.0, 0.0]},
                         index=pd.Index(list(FOOTPRINT_ROWS), name="what"))
    table["bytes_per_order"] = table["data"] + table["working"]
    table.attrs.update(orders=n, customers=len(summary))
    return table
