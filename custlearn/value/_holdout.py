"""Lesson 05: checking a BG/NBD model on a holdout period.

The standard check of a "buy till you die" model (Fader, Hardie & Lee 2005,
section 4): fit it on a *calibration* period, predict the *holdout* period
that follows, and compare with what customers really did there:

- :func:`calibration_holdout`: per customer, the BTYD summary of the
  calibration period and the purchases in the holdout;
- :func:`purchase_tracking`: week by week, the repeat purchases of the whole
  cohort, actual against predicted (the tracking chart,
  ``plots.tracking_chart``);
- :func:`holdout_by_frequency`: the "conditional expectations" check, mean
  predicted against mean actual holdout purchases by the number of repeat
  purchases in the calibration period.

Every count here is of purchase **days**, as in :func:`clv_summary`: several
orders on one day are one purchase.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import numpy as np
import pandas as pd

from custlearn._i18n import tr
from custlearn._stats import mean_bounds
from custlearn._tables import Column, read_result
from custlearn._validate import DataError, as_timestamp, require_choice, require_confidence, require_positive_int
from custlearn.value._btyd import BetaGeo, _not_fitted, _prediction_unit
from custlearn.value._clv import TIME_UNITS, _btyd_columns, _purchases_only
from custlearn.value._orders import _as_date, _day_number, _Orders, _read_orders

__all__ = ["calibration_holdout", "purchase_tracking", "holdout_by_frequency"]


def _require_bgnbd(model: Any) -> None:
    if not isinstance(model, BetaGeo):
        raise DataError(tr("model must be a fitted BetaGeo, but a {kind} was given. Fit one first: "
                           "BetaGeo().fit(calibration_holdout(orders, ...)).", kind=type(model).__name__))
    _not_fitted(model)


def _periods(calibration_end: Any, holdout_end: Any) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The two dates, read and in order (the holdout follows the calibration period)."""
    cal_end = as_timestamp(calibration_end, argument="calibration_end").normalize()
    hold_end = as_timestamp(holdout_end, argument="holdout_end").normalize()
    if hold_end <= cal_end:
        raise DataError(
            tr("holdout_end={hold_end} must be after calibration_end={cal_end}: the holdout period is "
               "(calibration_end, holdout_end]. Give a later holdout_end or an earlier calibration_end.",
               hold_end=hold_end.date(), cal_end=cal_end.date())
        )
    return cal_end, hold_end


def _split(data: _Orders, cal_end: pd.Timestamp) -> tuple[_Orders, _Orders | None]:
    """The orders of the calibration period (customers born in it) and the holdout orders of those customers."""
    cal_day = _day_number(cal_end)
    in_cal = data.days <= cal_day
    if not in_cal.any():
        first = tr(" (the first is on {day})", day=_as_date(data.days.min()).date()) if len(data.days) else ""
        raise DataError(
            tr("No order is dated on or before calibration_end={cal_end}{first}, so there is nobody to "
               "calibrate on. Give a later calibration_end, or check the filter that produced the orders.",
               cal_end=cal_end.date(), first=first)
        )
    calibration = dataclasses.replace(data.only(in_cal), as_of_day=cal_day)
    born = np.bincount(data.codes[in_cal], minlength=data.k) > 0
    later = ~in_cal & born[data.codes]  # holdout orders of customers who bought in the calibration period
    return calibration, (data.only(later) if later.any() else None)


def calibration_holdout(
    orders: pd.DataFrame,
    calibration_end: Any,
    holdout_end: Any,
    *,
    customer_col: str = "customer_id",
    date_col: str = "order_date",
    amount_col: str | None = "amount",
    time_unit: str = "days",
    allow_refunds: bool = False,
) -> pd.DataFrame:
    """Split the orders into a calibration and a holdout period, one row per customer.

    Lesson 05, framework: validating a BTYD model on a holdout (Fader, Hardie
    & Lee 2005, "'Counting your customers' the easy way", *Marketing
    Science* 24(2), section 4: calibrate on the first 39 weeks of CDNOW,
    check on the next 39). For every customer whose first purchase is on or
    before ``calibration_end``:

    - ``frequency``, ``recency``, ``T`` and ``monetary_value``: the
      :func:`clv_summary` of the orders up to ``calibration_end`` (``T``
      ends at ``calibration_end``), ready for ``BetaGeo().fit``;
    - ``frequency_holdout``: the purchase **days** in the holdout
      (calibration_end, holdout_end]. Several orders on one day are one
      purchase, as in ``frequency``: counting order rows instead inflates
      the actual purchases (on the log of issue 17: 1,959 rows for 1,882
      purchase days) and makes a good model look too low;
    - ``monetary_value_holdout``: the mean spend of those purchase days
      (0 without any), when ``amount_col`` is given;
    - ``duration_holdout``: the holdout's length, the same for everybody.

    Customers whose first purchase falls in the holdout are left out: they
    belong to a later cohort. The result is the same as ``lifetimes``'
    ``calibration_and_holdout_data`` (whose ``_cal`` columns carry no
    suffix here), except that its ``monetary_value_holdout`` averages order
    rows. ``holdout_end`` should not be after the end of the data, or the
    holdout looks emptier than it was.

    Parameters
    ----------
    orders : DataFrame
        One row per order.
    calibration_end, holdout_end : str, datetime or Timestamp
        The last day of each period (orders on it count in it).
    customer_col, date_col, amount_col : str
        Column names; ``amount_col=None`` leaves out the monetary columns.
    time_unit : {"days", "weeks"}
        Unit of ``recency``, ``T`` and ``duration_holdout`` (weeks = days / 7).
    allow_refunds : bool, default False
        As in :func:`clv_summary`: refund rows are dropped, not purchases.

    Returns
    -------
    DataFrame
        Indexed by customer: ``frequency``, ``recency``, ``T``,
        (``monetary_value``), ``frequency_holdout``,
        (``monetary_value_holdout``), ``duration_holdout``; the time unit and
        both dates in ``attrs``.

    Raises
    ------
    DataError
        Bad orders (as :func:`clv_summary`), unreadable dates, a holdout_end
        not after calibration_end, or no order in the calibration period.

    Examples
    --------
    >>> import pandas as pd
    >>> orders = pd.DataFrame({"customer_id": [1, 1, 1, 1, 2, 3],
    ...     "order_date": pd.to_datetime(["2025-01-01", "2025-01-08", "2025-02-03", "2025-02-03",
    ...                                   "2025-01-20", "2025-02-10"]),
    ...     "amount": [10.0, 20.0, 5.0, 15.0, 40.0, 8.0]})
    >>> split = calibration_holdout(orders, "2025-01-31", "2025-02-28")
    >>> split[["frequency", "recency", "T", "frequency_holdout", "duration_holdout"]]
                 frequency  recency     T  frequency_holdout  duration_holdout
    customer_id
    1                    1      7.0  30.0                  1              28.0
    2                    0      0.0  11.0                  0              28.0
    >>> split["monetary_value_holdout"].tolist()
    [20.0, 0.0]

    Customer 1 ordered twice on 3 February: one purchase day in the holdout.
    Customer 3 first bought in the holdout and is left out.

    >>> calibration_holdout(orders, "2025-02-28", "2025-01-31")
    Traceback (most recent call last):
    ...
    custlearn.DataError: holdout_end=2025-01-31 must be after calibration_end=2025-02-28: the holdout period is (calibration_end, holdout_end]. Give a later holdout_end or an earlier calibration_end.
    """
    require_choice(time_unit, list(TIME_UNITS), argument="time_unit")
    cal_end, hold_end = _periods(calibration_end, holdout_end)
    data = _read_orders(orders, hold_end, customer_col=customer_col, date_col=date_col, amount_col=amount_col,
                        allow_refunds=allow_refunds, as_of_argument="holdout_end")
    calibration, holdout = _split(_purchases_only(data), cal_end)
    unit = TIME_UNITS[time_unit]
    out = _btyd_columns(calibration, unit)
    days = np.zeros(calibration.k, dtype=np.int64)
    spend = np.zeros(calibration.k)
    if holdout is not None:
        where = calibration.ids.get_indexer(holdout.ids)
        days[where] = holdout.purchase_days()
        if holdout.amounts is not None:
            spend[where] = holdout.total(holdout.amounts)
    out["frequency_holdout"] = days
    if amount_col is not None:
        out["monetary_value_holdout"] = np.where(days > 0, spend / np.maximum(days, 1), 0.0)
    out["duration_holdout"] = (_day_number(hold_end) - _day_number(cal_end)) / unit
    out.attrs.update(time_unit=time_unit, calibration_end=cal_end, holdout_end=hold_end)
    return out


# --------------------------------------------------------------------------
# The tracking chart's table
# --------------------------------------------------------------------------


def _week_ends(first_day: int, cal_day: int, hold_day: int, step: int) -> np.ndarray:
    """Period ends every ``step`` days, one on calibration_end, the first on or before ``first_day``."""
    back = -(-(cal_day - first_day) // step)  # steps back to reach the first purchase (rounded up)
    ends = np.arange(cal_day - back * step, hold_day, step)
    return np.append(ends, hold_day) if ends[-1] != hold_day else ends


def _expected_by_end(model: BetaGeo, births: np.ndarray, ends: np.ndarray, unit: float) -> np.ndarray:
    """Sum over customers of E[X(end - birth)] at each period end (0 before a customer's first purchase)."""
    born, count = np.unique(births, return_counts=True)
    ages = np.maximum(ends[:, None] - born[None, :], 0) / unit
    expected = np.asarray(model.expected_purchases_population(ages.ravel())).reshape(ages.shape)
    return expected @ count


def purchase_tracking(
    model: BetaGeo,
    orders: pd.DataFrame,
    calibration_end: Any,
    holdout_end: Any,
    *,
    customer_col: str = "customer_id",
    date_col: str = "order_date",
    time_unit: str | None = None,
    step_days: int = 7,
) -> pd.DataFrame:
    """Week by week: the cohort's repeat purchases, actual against predicted by the BG/NBD model.

    Lesson 05, framework: the tracking plot of Fader, Hardie & Lee (2005),
    "'Counting your customers' the easy way", *Marketing Science* 24(2),
    Figure 2 (weekly and cumulative repeat transactions of the CDNOW cohort,
    predicted and actual, across the calibration and holdout periods). The
    cohort is every customer whose first purchase is on or before
    ``calibration_end``; a customer's clock starts on that first purchase
    day ``s_i``. At the end ``tau`` of each week (weeks end on
    ``calibration_end``, so the boundary is a week end)::

        predicted_cumulative(tau) = sum over customers i of E[X(tau - s_i)]   (0 while tau <= s_i)
        actual_cumulative(tau)    = repeat purchase days of the cohort up to tau

    with ``E[X(t)]`` :meth:`BetaGeo.expected_purchases_population`: the
    *unconditional* expectation, which knows only when each customer
    started, not what they did. A weekly value is the difference of two
    consecutive cumulative values. Purchases are purchase days, as the model
    was fitted on; the first purchase is not a repeat purchase. Draw it with
    ``plots.tracking_chart``; fit the model on
    ``calibration_holdout(...)`` of the same dates.

    Parameters
    ----------
    model : BetaGeo
        Fitted on the calibration period.
    orders : DataFrame
        One row per order (the calibration and the holdout period).
    calibration_end, holdout_end : str, datetime or Timestamp
        The last day of each period.
    customer_col, date_col : str
        Column names.
    time_unit : {"days", "weeks"}, optional
        The model's time unit, if the model does not know it.
    step_days : int, default 7
        Length of a period of the table in days (7 = weeks). The last
        period ends on ``holdout_end`` and may be shorter.

    Returns
    -------
    DataFrame
        One row per week (index ``week``, 1, 2, ...): ``week_end`` (date),
        ``days`` (the period's length: ``step_days``, fewer for a short last
        period), ``period`` ("calibration" or "holdout"), ``actual``, ``predicted``,
        ``actual_cumulative``, ``predicted_cumulative``; the cohort size
        and both dates in ``attrs``.

    Raises
    ------
    DataError
        An unfitted model or unknown time unit, bad orders, dates out of
        order, or no order in the calibration period.

    Examples
    --------
    >>> import pandas as pd
    >>> model = BetaGeo()
    >>> model.params_ = pd.Series({"r": 0.5, "alpha": 10.0, "a": 0.7, "b": 3.0})
    >>> orders = pd.DataFrame({"customer_id": [1, 1, 2, 2, 1],
    ...     "order_date": pd.to_datetime(["2025-01-01", "2025-01-10", "2025-01-06", "2025-01-20", "2025-02-02"])})
    >>> table = purchase_tracking(model, orders, "2025-01-21", "2025-02-04", time_unit="weeks")
    >>> table[["week_end", "period", "actual", "actual_cumulative"]]
           week_end       period  actual  actual_cumulative
    week
    1    2025-01-07  calibration       0                  0
    2    2025-01-14  calibration       1                  1
    3    2025-01-21  calibration       1                  2
    4    2025-01-28      holdout       0                  2
    5    2025-02-04      holdout       1                  3
    >>> round(float(table["predicted_cumulative"].iloc[-1]), 2)
    0.42
    """
    _require_bgnbd(model)
    unit = _prediction_unit(model, pd.DataFrame(), time_unit)
    step = require_positive_int(step_days, argument="step_days")
    cal_end, hold_end = _periods(calibration_end, holdout_end)
    data = _read_orders(orders, hold_end, customer_col=customer_col, date_col=date_col, amount_col=None,
                        allow_refunds=False, as_of_argument="holdout_end")
    cal_day, hold_day = _day_number(cal_end), _day_number(hold_end)
    first = data.first_day()
    cohort = first <= cal_day
    if not cohort.any():
        _split(data, cal_end)  # raises: nobody bought in the calibration period
    code, day = data.distinct_days()
    repeat = cohort[code] & (day > first[code])  # the cohort's purchase days after each one's first
    ends = _week_ends(int(first[cohort].min()), cal_day, hold_day, step)  # ends[0]: before every first purchase
    week = np.searchsorted(ends, day[repeat], side="left")  # ends[week - 1] < day <= ends[week]
    actual = np.bincount(week, minlength=len(ends))[1:]
    predicted_cumulative = _expected_by_end(model, first[cohort], ends, TIME_UNITS[unit])[1:]
    out = pd.DataFrame({
        "week_end": [_as_date(d) for d in ends[1:]],
        "days": np.diff(ends).astype(np.int64),
        "period": np.where(ends[1:] <= cal_day, "calibration", "holdout"),
        "actual": actual.astype(np.int64),
        "predicted": np.diff(predicted_cumulative, prepend=0.0),
        "actual_cumulative": np.cumsum(actual).astype(np.int64),
        "predicted_cumulative": predicted_cumulative,
    }, index=pd.RangeIndex(1, len(ends), name="week"))
    out.attrs.update(customers=int(cohort.sum()), calibration_end=cal_end, holdout_end=hold_end, time_unit=unit)
    return out


# --------------------------------------------------------------------------
# Conditional expectations
# --------------------------------------------------------------------------


def holdout_by_frequency(
    model: BetaGeo,
    split: pd.DataFrame,
    *,
    max_frequency: int = 7,
    confidence: float = 0.95,
    time_unit: str | None = None,
) -> pd.DataFrame:
    """Mean predicted against mean actual holdout purchases, by repeat purchases in the calibration period.

    Lesson 05, framework: the "conditional expectations" check of Fader,
    Hardie & Lee (2005), *Marketing Science* 24(2), Figure 4: group the
    customers by ``frequency`` in the calibration period (0, 1, ...,
    ``max_frequency``+, the last group pooled) and compare in each group::

        predicted = mean of E[Y(duration_holdout) | frequency, recency, T]   (BetaGeo.expected_purchases)
        actual    = mean of frequency_holdout                               (purchase days in the holdout)

    ``actual_lower`` and ``actual_upper`` are the normal interval of the
    actual mean (``mean +/- z s / sqrt(n)``, clipped at 0): a prediction inside it is as
    close as the group's size allows. A model that fits draws predicted
    close to actual in every group; predictions too low for the heavy
    buyers and too high for the light ones is the usual sign of a model
    fitted on too short a calibration period.

    Parameters
    ----------
    model : BetaGeo
        Fitted on the calibration columns of ``split``.
    split : DataFrame
        The output of :func:`calibration_holdout`.
    max_frequency : int, default 7
        The last group pools this many repeat purchases and more.
    confidence : float, default 0.95
        Confidence of the interval of the actual mean.
    time_unit : {"days", "weeks"}, optional
        The unit of ``split``, if it does not carry it in ``attrs``.

    Returns
    -------
    DataFrame
        Index ``frequency`` (text: "0", "1", ..., "7+"): ``customers``,
        ``predicted``, ``actual``, ``actual_lower``, ``actual_upper``.

    Raises
    ------
    DataError
        An unfitted model, a bad or mismatched ``split`` (missing holdout
        columns, another time unit), or bad arguments.

    Examples
    --------
    >>> import pandas as pd
    >>> model = BetaGeo()
    >>> model.params_ = pd.Series({"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426})
    >>> split = pd.DataFrame({"frequency": [0, 0, 1, 3, 4], "recency": [0, 0, 10.0, 30, 35],
    ...                       "T": [39.0] * 5, "frequency_holdout": [0, 1, 0, 2, 3],
    ...                       "duration_holdout": [39.0] * 5})
    >>> holdout_by_frequency(model, split, max_frequency=2, time_unit="weeks").round(2)
               customers  predicted  actual  actual_lower  actual_upper
    frequency
    0                  2       0.19     0.5          0.00          1.48
    1                  1       0.42     0.0           NaN           NaN
    2+                 2       2.14     2.5          1.52          3.48
    """
    _require_bgnbd(model)
    columns = [Column("frequency_holdout", "number"), Column("duration_holdout", "number")]
    holdout = read_result(split, columns, table="split", made_by="calibration_holdout")
    _prediction_unit(model, split, time_unit)
    top = require_positive_int(max_frequency, argument="max_frequency")
    confidence = require_confidence(confidence)
    d = model._data(split, {"frequency_col": "frequency", "recency_col": "recency", "T_col": "T"})
    x = d["x"].to_numpy()
    predicted = model._expected(x, d["t_x"].to_numpy(), d["T"].to_numpy(), holdout["duration_holdout"].to_numpy())
    group = np.minimum(x, top).astype(int)
    labels = [str(g) if g < top else f"{top}+" for g in range(top + 1)]
    rows = []
    for g, label in enumerate(labels):
        actual = holdout["frequency_holdout"].to_numpy()[group == g]
        lower, upper = mean_bounds(actual, confidence, floor=0.0)  # a mean count is never below 0
        rows.append({"frequency": label, "customers": len(actual), "predicted": predicted[group == g].mean()
                     if len(actual) else np.nan, "actual": actual.mean() if len(actual) else np.nan,
                     "actual_lower": lower, "actual_upper": upper})
    return pd.DataFrame(rows).set_index("frequency")
