"""Lesson 05: customer lifetime value by formula and from history, and the
BTYD summary table (frequency, recency, T, monetary_value)."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from custlearn._i18n import tr
from custlearn._validate import (
    DataError,
    require_choice,
    require_columns,
    require_frame,
    require_no_missing,
    require_number,
    require_numeric,
)
from custlearn._tables import Column, read_table
from custlearn.value._orders import _empty_result, _Orders, _read_orders

__all__ = ["clv_simple", "clv_historical", "clv_summary", "TIME_UNITS"]

#: Days per time unit of a BTYD summary table.
TIME_UNITS = {"days": 1.0, "weeks": 7.0}


def _number(value: Any, name: str) -> Any:
    """A float, or a float Series for a Series/list/array argument."""
    if isinstance(value, (pd.Series, list, tuple, np.ndarray)):
        s = pd.Series(value) if not isinstance(value, pd.Series) else value
        if not pd.api.types.is_numeric_dtype(s) or pd.api.types.is_bool_dtype(s):
            raise DataError(tr("{name} must be numbers, but {dtype} values were given.", name=name, dtype=s.dtype))
        if s.isna().any():
            raise DataError(tr("{name} has {n} missing value(s); give a number for every customer.",
                               name=name, n=int(s.isna().sum())))
        return s.astype(float)
    return require_number(value, argument=name)


def _check_range(value: Any, name: str, low: float, high: float, *, high_open: bool, hint: str) -> None:
    arr = np.atleast_1d(np.asarray(value, dtype=float))
    bad = (arr < low) | ((arr >= high) if high_open else (arr > high))
    if bad.any():
        shown = arr[bad][0]
        rng = (tr("from {low:g} up to (not including) {high:g}", low=low, high=high) if high_open
               else tr("from {low} to {high}", low=format(low, "g"), high=format(high, "g")))
        raise DataError(tr("{name} must be {rng}, but {shown:g} was given. {hint}",
                           name=name, rng=rng, shown=shown, hint=hint))


def clv_simple(margin: Any, retention: Any, discount: Any) -> Any:
    """Customer lifetime value with a constant margin and retention rate.

    Lesson 05, framework: CLV by the simple retention formula of Gupta &
    Lehmann (2003), "Customers as assets", *Journal of Interactive
    Marketing* 17(1), 9-24 (also Gupta & Lehmann 2005, *Managing Customers
    as Investments*). A customer brings margin ``m`` per period while
    retained; retention ``r`` per period; discount rate ``i`` per period;
    margins arrive at the end of each period and the horizon is infinite::

        CLV = sum_{t=1..inf} m * r**t / (1 + i)**t  =  m * r / (1 + i - r)

    ``r / (1 + i - r)`` is Gupta & Lehmann's *margin multiple* (2.5 for
    r = 80%, i = 12%). All three inputs must use the same period (a year,
    usually): an annual margin with an annual retention and discount rate.

    Parameters
    ----------
    margin : float or Series
        Margin per customer per period (money, after cost to serve).
    retention : float or Series
        Share of customers retained each period, 0 <= r < 1.
    discount : float or Series
        Discount rate per period, 0 <= i < 1 (e.g. 0.12 for 12% a year).

    Returns
    -------
    float or Series
        Lifetime value in the margin's money, a Series if any input is one.

    Raises
    ------
    DataError
        A value is missing or out of range (retention given in percent,
        e.g. 80 instead of 0.8, is caught here).

    Examples
    --------
    >>> round(clv_simple(100, 0.8, 0.12), 2)   # Gupta & Lehmann: multiple 2.5
    250.0
    >>> round(clv_simple(100, 0.9, 0.12), 2)
    409.09
    >>> clv_simple(100, 80, 0.12)                # 80% written as 80
    Traceback (most recent call last):
    ...
    custlearn.DataError: retention must be from 0 up to (not including) 1, but 80 was given. Give it as a share, e.g. 0.8 for 80% retained per period.
    """
    m = _number(margin, "margin")
    r = _number(retention, "retention")
    i = _number(discount, "discount")
    _check_range(r, "retention", 0.0, 1.0, high_open=True,
                 hint=tr("Give it as a share, e.g. 0.8 for 80% retained per period."))
    _check_range(i, "discount", 0.0, 1.0, high_open=True,
                 hint=tr("Give it as a share per period, e.g. 0.12 for 12% a year."))
    return m * r / (1 + i - r)


def clv_historical(
    orders: pd.DataFrame,
    as_of: Any,
    *,
    annual_rate: float = 0.0,
    customer_col: str = "customer_id",
    date_col: str = "order_date",
    value_col: str = "margin",
) -> pd.DataFrame:
    """Historical (past) customer value: what each customer has already brought.

    Lesson 05, framework: CLV "three ways" - this is the backward-looking
    one, the *past customer value* of Kumar (2008), *Customer Lifetime
    Value: The Path to Profitability*, Foundations and Trends in Marketing
    2(1), section 2. Each past margin is compounded forward to ``as_of`` at
    the annual rate ``d`` (money earned earlier is worth more today)::

        past_value = sum over orders of  value_j * (1 + d) ** (age_j / 365.25)

    where ``age_j`` is the number of days from the order to ``as_of``.
    With ``annual_rate=0`` (default) it is simply the sum of past margins.
    ``orders`` counts order **rows** (two orders on one day are two), as
    :func:`rfm` does.
    It says nothing about the future: a customer who has left keeps a high
    historical value. Orders after ``as_of`` are ignored.

    Parameters
    ----------
    orders : DataFrame
        One row per order.
    as_of : str, datetime or Timestamp
        The analysis date.
    annual_rate : float, default 0
        Yearly rate for compounding past values to ``as_of`` (0 <= d < 1).
    customer_col, date_col : str
        Column names (default ``customer_id``, ``order_date``).
    value_col : str, default "margin"
        The money to add up: the course data's ``margin`` (gross margin per
        order), or ``"amount"`` for revenue. May be negative (a loss-making
        order).

    Returns
    -------
    DataFrame
        Indexed by customer, columns ``orders`` (count), ``total`` (plain
        sum of ``value_col``) and ``past_value`` (compounded to ``as_of``).

    Raises
    ------
    DataError
        Missing column or values, unreadable dates, ``as_of`` before every
        order, or a rate out of range.

    Examples
    --------
    >>> import pandas as pd
    >>> orders = pd.DataFrame({"customer_id": [1, 1, 2],
    ...     "order_date": pd.to_datetime(["2023-12-31", "2024-12-30", "2024-06-30"]),
    ...     "margin": [10.0, 10.0, 5.0]})
    >>> clv_historical(orders, "2024-12-30", annual_rate=0.10).round(2)
                 orders  total  past_value
    customer_id
    1                 2   20.0       21.00
    2                 1    5.0        5.24
    """
    rate = _number(annual_rate, "annual_rate")
    _check_range(rate, "annual_rate", 0.0, 1.0, high_open=True,
                 hint=tr("Give it as a share per year, e.g. 0.1 for 10%."))
    data = _read_orders(orders, as_of, customer_col=customer_col, date_col=date_col, amount_col=value_col,
                        allow_refunds=True, amount_argument="value_col")
    columns = {"orders": "int64", "total": "float64", "past_value": "float64"}
    if len(data.days) == 0:
        return _empty_result(columns, data)
    age_years = (data.as_of_day - data.days) / 365.25
    return pd.DataFrame(
        {
            "orders": data.count().astype(np.int64),
            "total": data.total(data.amounts),
            "past_value": data.total(data.amounts * (1 + rate) ** age_years),
        },
        index=data.ids,
    )


def clv_summary(
    orders: pd.DataFrame,
    as_of: Any,
    *,
    customer_col: str = "customer_id",
    date_col: str = "order_date",
    amount_col: str | None = "amount",
    time_unit: str = "days",
    allow_refunds: bool = False,
) -> pd.DataFrame:
    """The BTYD summary table: frequency, recency, T and monetary value.

    Lesson 05, framework: "buy till you die" models (BG/NBD and
    Gamma-Gamma), in the convention of Fader, Hardie & Lee (2005),
    "'Counting your customers' the easy way: an alternative to the
    Pareto/NBD model", *Marketing Science* 24(2), 275-284, and the
    ``lifetimes`` package. Several orders on one calendar day are one
    purchase (their amounts are added). Per customer, from the orders on or
    before ``as_of``::

        frequency      = number of distinct purchase days - 1   (repeat purchases, x)
        recency        = last purchase day - first purchase day  (t_x)
        T              = as_of - first purchase day               (the customer's "age")
        monetary_value = mean spend of the repeat purchase days   (0 if frequency = 0)

    ``frequency`` counts purchase **days**, not order rows: three orders on
    one day are one purchase (:func:`rfm` counts rows). The first purchase
    is not counted in ``frequency`` or ``monetary_value``: it starts the
    customer's clock. ``recency`` here is
    NOT the RFM recency: it is measured from the *first* purchase, so a high
    value is good. Times are in ``time_unit``: "days" or "weeks" (= days / 7,
    as in the CDNOW data of the paper; ``lifetimes``' ``freq="W"`` instead
    counts calendar-week periods, which rounds).

    **Pitfall**: the column is called ``T``, like ``DataFrame.T`` (the
    transpose). Always write ``summary["T"]``: ``summary.T`` silently gives
    the transposed table.

    The time unit is stored in ``summary.attrs["time_unit"]`` so that
    :func:`clv` can check it.

    Parameters
    ----------
    orders : DataFrame
        One row per order.
    as_of : str, datetime or Timestamp
        End of the observation period (orders on it count).
    customer_col, date_col, amount_col : str
        Column names. ``amount_col=None`` leaves out ``monetary_value``.
    time_unit : {"days", "weeks"}
        Unit of ``recency`` and ``T``. Fit and predict in the same unit.
    allow_refunds : bool, default False
        Negative amounts raise DataError unless True; with True, refund
        rows are dropped (they are not purchases; the spend model needs
        positive spend - subtract refunds from value separately).

    Returns
    -------
    DataFrame
        Indexed by customer (sorted): ``frequency`` (int), ``recency``,
        ``T`` and ``monetary_value`` (float).

    Raises
    ------
    DataError
        Missing columns or values, unreadable dates, negative amounts,
        ``as_of`` before every order, or an unknown ``time_unit``.

    Examples
    --------
    >>> import pandas as pd
    >>> orders = pd.DataFrame({"customer_id": [1, 1, 1, 1, 2],
    ...     "order_date": pd.to_datetime(["2025-01-01", "2025-01-08", "2025-01-08",
    ...                                   "2025-01-15", "2025-01-10"]),
    ...     "amount": [10.0, 20.0, 5.0, 15.0, 40.0]})
    >>> s = clv_summary(orders, "2025-01-29", time_unit="weeks")
    >>> s.round(3)
                 frequency  recency      T  monetary_value
    customer_id
    1                    2      2.0  4.000            20.0
    2                    0      0.0  2.714             0.0
    >>> round(float(s["T"].loc[2] * 7))   # days; write s["T"], never s.T
    19
    """
    require_choice(time_unit, list(TIME_UNITS), argument="time_unit")
    data = _read_orders(orders, as_of, customer_col=customer_col, date_col=date_col,
                        amount_col=amount_col, allow_refunds=allow_refunds)
    data = _purchases_only(data)
    columns = {"frequency": "int64", "recency": "float64", "T": "float64"}
    if amount_col is not None:
        columns["monetary_value"] = "float64"
    if len(data.days) == 0:
        out = _empty_result(columns, data)
    else:
        out = _btyd_columns(data, TIME_UNITS[time_unit])
    out.attrs["time_unit"] = time_unit
    return out


def _purchases_only(data: _Orders) -> _Orders:
    """The orders without refund rows (negative amounts): a refund is not a purchase."""
    if data.amounts is not None and (data.amounts < 0).any():
        return data.only(data.amounts >= 0)
    return data


def _btyd_columns(data: _Orders, unit: float) -> pd.DataFrame:
    """frequency (repeat purchase days), recency, T and the mean spend of a repeat purchase day."""
    first, last = data.first_day(), data.last_day()
    frequency = (data.purchase_days() - 1).astype(np.int64)
    out = pd.DataFrame(
        {"frequency": frequency, "recency": (last - first) / unit, "T": (data.as_of_day - first) / unit},
        index=data.ids,
    )
    if data.amounts is not None:
        on_first_day = data.days == first[data.codes]
        repeat_spend = data.total(np.where(on_first_day, 0.0, data.amounts))
        with np.errstate(invalid="ignore", divide="ignore"):
            out["monetary_value"] = np.where(frequency > 0, repeat_spend / np.maximum(frequency, 1), 0.0)
    return out


def _require_summary(
    summary: Any,
    *,
    frequency_col: str = "frequency",
    recency_col: str | None = "recency",
    T_col: str | None = "T",
    monetary_col: str | None = None,
) -> pd.DataFrame:
    """Check a BTYD summary table; return float columns x, t_x, T (and m)."""
    if isinstance(summary, pd.DataFrame) and T_col is not None and T_col not in summary.columns \
            and len(summary.columns) and summary.index.name is None and "frequency" in summary.index:
        raise DataError(
            tr('The summary table looks transposed (its rows are named "frequency", "recency", ...): was '
               'it written summary.T? In a table with a column called "T", summary.T is the transpose. '
               'Pass the summary itself and use summary["T"] for the column.')
        )
    require_frame(summary, table="summary", min_rows=1)
    cols = {"frequency_col": frequency_col, "recency_col": recency_col, "T_col": T_col,
            "monetary_col": monetary_col}
    cols = {k: v for k, v in cols.items() if v is not None}
    for argument, column in cols.items():
        if column not in summary.columns and argument == "T_col":
            raise DataError(
                tr('The column "{column}" is not in the summary table. The table has these columns: '
                   "{columns}. {column} is each customer's time from the first purchase to the end of the "
                   'observation period; clv_summary(orders, as_of) makes it (or pass T_col="<your column '
                   'name>"). Note: summary["T"] is the column, summary.T is the transpose.',
                   column=column, columns=', '.join(map(str, summary.columns)))
            )
    clean = read_table(summary, [Column(c, "number", a) for a, c in cols.items()], table="summary")
    x = clean[frequency_col].to_numpy()
    if (x < 0).any() or (x % 1 != 0).any():
        raise DataError(
            tr('The column "{frequency_col}" of the summary must hold whole numbers of 0 or more (repeat '
               "purchases), but {x:g} was found. Make the summary with clv_summary(orders, as_of).",
               frequency_col=frequency_col, x=x[(x < 0) | (x % 1 != 0)][0])
        )
    out = {"x": x}
    if recency_col is not None and T_col is not None:
        t_x = clean[recency_col].to_numpy()
        T = clean[T_col].to_numpy()
        if (t_x < 0).any() or (T < 0).any():
            raise DataError(
                tr("{recency_col} and {T_col} must be 0 or more, but negative values were found. Check "
                   "that as_of is after the orders and rebuild with clv_summary(orders, as_of).",
                   recency_col=recency_col, T_col=T_col)
            )
        if (t_x > T + 1e-9).any():
            raise DataError(
                tr("Some customers have {recency_col} > {T_col} (last purchase after the end of the "
                   "observation period), e.g. row {index}. recency is measured from the first purchase to "
                   "the last; T from the first purchase to as_of. Rebuild the summary with "
                   "clv_summary(orders, as_of).",
                   recency_col=recency_col, T_col=T_col, index=summary.index[np.argmax(t_x > T + 1e-9)])
            )
        if ((x == 0) & (t_x != 0)).any():
            raise DataError(
                tr("Some customers have frequency 0 but {recency_col} > 0: in the BTYD convention recency "
                   "is the time from the first to the last purchase, so it is 0 for one-time buyers. Did "
                   "you pass RFM recency (days since the last order)? Use clv_summary(orders, as_of).",
                   recency_col=recency_col)
            )
        out.update(t_x=t_x, T=T)
    if monetary_col is not None:
        out["m"] = clean[monetary_col].to_numpy()
    return pd.DataFrame(out, index=summary.index)


def _time_unit_of(summary: pd.DataFrame, time_unit: str | None) -> str | None:
    """The summary's time unit: the argument, else attrs, checked against each other."""
    stored = summary.attrs.get("time_unit") if isinstance(summary, pd.DataFrame) else None
    if time_unit is not None:
        require_choice(time_unit, list(TIME_UNITS), argument="time_unit")
        if stored is not None and stored != time_unit:
            raise DataError(
                tr('time_unit="{time_unit}" was given, but the summary was made with time_unit="{stored}" '
                   '(see summary.attrs). Recency and T are in {stored}: pass time_unit="{stored}" or '
                   "rebuild the summary.", time_unit=time_unit, stored=stored)
            )
        return time_unit
    return stored

