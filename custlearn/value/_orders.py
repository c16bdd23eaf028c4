"""Private helpers of lesson 05: read an orders table up to an ``as_of`` date.

Not public API. These checks are specific to order tables (refunds, an
``as_of`` date inside the data), so they live here rather than in
``custlearn._validate``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from custlearn._validate import (
    DataError,
    as_timestamp,
    require_columns,
    require_datetime,
    require_frame,
    require_no_missing,
    require_numeric,
)

_DAY = np.timedelta64(1, "D")


@dataclass(frozen=True)
class _Orders:
    """The checked columns of an orders table, cut at ``as_of``."""

    customers: np.ndarray  # customer ids (any dtype pandas can group on)
    days: np.ndarray  # calendar day of each order, int64 days since 1970-01-01
    amounts: np.ndarray | None  # float64, or None when no amount column was asked for
    as_of_day: int  # calendar day of as_of, same scale as ``days``
    customer_col: str
    customer_dtype: Any


def _as_days(dates: pd.Series) -> np.ndarray:
    """Calendar day of each timestamp as int64 days since 1970-01-01 (floor)."""
    values = dates.to_numpy()
    if values.dtype.kind != "M":  # timezone-aware: drop the zone, keep wall time
        values = dates.dt.tz_localize(None).to_numpy()
    return values.astype("datetime64[D]").astype(np.int64)


def _read_orders(
    orders: Any,
    as_of: Any,
    *,
    customer_col: str,
    date_col: str,
    amount_col: str | None,
    allow_refunds: bool,
    function: str,
    amount_argument: str = "amount_col",
) -> _Orders:
    """Check an orders table and keep the orders on or before ``as_of``.

    Raises DataError for a missing column, missing values, dates that cannot
    be read, negative amounts (unless ``allow_refunds``) and an ``as_of``
    before every order.
    """
    require_frame(orders, table="orders", min_rows=0)
    require_columns(orders, customer_col, table="orders", argument="customer_col")
    require_columns(orders, date_col, table="orders", argument="date_col")
    if amount_col is not None:
        require_columns(orders, amount_col, table="orders", argument=amount_argument)
    as_of_ts = as_timestamp(as_of, argument="as_of")
    as_of_day = int(np.datetime64(as_of_ts.normalize().to_datetime64(), "D").astype(np.int64))

    dates = require_datetime(orders, date_col, table="orders")
    columns = [customer_col, date_col] + ([amount_col] if amount_col is not None else [])
    if any(orders[c].hasnans for c in columns):
        require_no_missing(orders, columns, table="orders")
    days = _as_days(dates)
    amounts = None
    if amount_col is not None:
        amounts = require_numeric(orders, amount_col, table="orders").to_numpy(dtype=np.float64)
        if not allow_refunds and len(amounts) and amounts.min() < 0:
            bad = orders.loc[amounts < 0, amount_col]
            raise DataError(
                f'The column "{amount_col}" of the orders table has {len(bad)} negative '
                f"amount(s) (first: {bad.iloc[0]:g} at row {bad.index[0]}), but {function} "
                f"expects purchases of zero or more. If these rows are refunds or returns, "
                f"pass allow_refunds=True to net them into the customer's spend; if they "
                f"are errors, drop them first (orders[orders[\"{amount_col}\"] >= 0])."
            )
    customers = orders[customer_col].to_numpy()

    keep = days <= as_of_day
    if len(days) and not keep.any():
        first = pd.Timestamp(np.datetime64(int(days.min()), "D"))
        raise DataError(
            f"as_of={as_of_ts.date()} is before every order (the first order is on "
            f"{first.date()}), so no customer has bought yet. Give an as_of date inside "
            f"or after the order history, e.g. as_of=\"{pd.Timestamp(np.datetime64(int(days.max()), 'D')).date()}\"."
        )
    if not keep.all():
        customers, days = customers[keep], days[keep]
        amounts = amounts[keep] if amounts is not None else None
    return _Orders(customers, days, amounts, as_of_day, customer_col, orders[customer_col].dtype)


def _empty_result(columns: dict[str, str], customer_col: str, dtype: Any) -> pd.DataFrame:
    """An empty per-customer result with the right columns and dtypes."""
    index = pd.Index([], dtype=dtype, name=customer_col)
    return pd.DataFrame({c: pd.Series([], dtype=t, index=index) for c, t in columns.items()})
