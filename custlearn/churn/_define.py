"""Lesson 07, first step: say what churn is, and how long each customer lasted.

:func:`label_churn` marks who churned in a window after a cut-off date;
:func:`churn_durations` gives each customer's time to churn (or to the end
of observation) for the survival curves of :mod:`custlearn.churn._survival`.
Both read their tables once, at the door, through :mod:`custlearn._tables`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from custlearn._errors import DataError
from custlearn._i18n import tr
from custlearn._purchases import gap_days, purchase_days
from custlearn._tables import Column, read_customers, read_orders
from custlearn._validate import as_timestamp, require_choice, require_window

__all__ = ["KINDS", "CONTRACTUAL_WINDOW_DAYS", "label_churn", "churn_durations"]

#: The two definitions of churn.
KINDS = ["non-contractual", "contractual"]

#: Default window of contractual churn: half a year (26 weeks).
CONTRACTUAL_WINDOW_DAYS = 182

#: Share of repeat-purchase gaps the default non-contractual window covers
#: (lesson 02's "at risk" threshold).
_AT_RISK_QUANTILE = 0.90


@dataclass(frozen=True)
class _Columns:
    """The caller's names of the columns lesson 07 reads from customers and orders."""

    customer_col: str = "customer_id"
    signup_col: str = "signup_date"
    date_col: str = "order_date"
    closed_col: str = "account_closed"


# --------------------------------------------------------------------------
# steps shared by the lesson's functions
# --------------------------------------------------------------------------


def _kind(kind: Any) -> str:
    return require_choice(kind, KINDS, argument="kind")


def _read_customers(customers: Any, kind: str, cols: _Columns, extra: Iterable[Column] = ()) -> pd.DataFrame:
    """The checked customers, indexed by id: sign-up day (and closing day, contractual)."""
    extra = list(extra)
    if kind == "contractual":
        extra.append(Column(cols.closed_col, "day", "closed_col", missing="keep"))
    clean = read_customers(customers, customer_col=cols.customer_col, signup_col=cols.signup_col, extra=extra)
    return clean.set_index(cols.customer_col)


def _read_orders(orders: Any, kind: str, cols: _Columns) -> pd.DataFrame | None:
    """The checked orders (customer, day); required for non-contractual churn."""
    if orders is None:
        if kind == "non-contractual":
            raise DataError(
                tr("Non-contractual churn is read from purchases: pass the orders table, or use "
                   'kind="contractual" if your customers close accounts.')
            )
        return None
    return read_orders(orders, customer_col=cols.customer_col, date_col=cols.date_col)


def _check_known(order_customers: pd.Series, customers: pd.DataFrame) -> None:
    """Every customer id of the orders must be in the customers table."""
    seen = pd.Index(pd.unique(order_customers))
    unknown = ~seen.isin(customers.index)
    if unknown.any():
        raise DataError(
            tr("{n} customer id(s) in the orders table are not in the customers table (e.g. {seen}). Use "
               "the same ids in both tables.", n=int(unknown.sum()), seen=seen[unknown][0])
        )


def _data_end(orders: pd.DataFrame | None, date_col: str, as_of: Any) -> pd.Timestamp:
    """The last day observed: ``as_of``, or else the last order's day."""
    if as_of is not None:
        return as_timestamp(as_of, argument="as_of").normalize()
    if orders is None or len(orders) == 0:
        raise DataError(
            tr("as_of (the last day observed) is needed when there are no orders to read it from. Pass "
               'as_of="YYYY-MM-DD", e.g. as_of="2025-12-31".')
        )
    return orders[date_col].max()


def _window(window_days: Any, orders: pd.DataFrame | None, as_of: pd.Timestamp, kind: str,
            cols: _Columns) -> int:
    """The churn window in days: as given, or the default of :func:`label_churn`."""
    if window_days is not None:
        return require_window(window_days, argument="window_days")
    if kind == "contractual":
        return CONTRACTUAL_WINDOW_DAYS
    # non-contractual: the gap that 90 % of repeat purchases up to as_of do not exceed
    days = purchase_days(orders[(orders[cols.date_col] <= as_of).to_numpy()],
                         customer_col=cols.customer_col, date_col=cols.date_col)
    (at_risk,), _ = gap_days(days, [_AT_RISK_QUANTILE], what=tr("a default churn window"),
                             fix=tr("Pass window_days=... yourself (e.g. window_days=90)."))
    return at_risk


def _open_at(customers: pd.DataFrame, day: pd.Timestamp, cols: _Columns) -> np.ndarray:
    """Contractual: whose account is open at the end of ``day`` (opened by then, not closed by then)."""
    signup, closed = customers[cols.signup_col], customers[cols.closed_col]
    return ((signup <= day) & (closed.isna() | (closed > day))).to_numpy()


def _customers_at(customers: pd.DataFrame, days: pd.DataFrame | None, cutoff: pd.Timestamp, kind: str,
                  cols: _Columns) -> pd.Index:
    """Who is a customer at the end of the cut-off day, sorted: an open account, or a purchase by then."""
    if kind == "contractual":
        ids = customers.index[_open_at(customers, cutoff, cols)]
    else:
        ids = pd.Index(pd.unique(days.loc[(days["day"] <= cutoff).to_numpy(), "customer"]))
    if len(ids) == 0:
        raise DataError(
            tr("No customer is a customer at the cut-off {cutoff} ({rule}). Choose a later cut-off.",
               cutoff=cutoff.date(),
               rule=tr("an open account") if kind == "contractual" else tr("a purchase on or before it"))
        )
    return ids.sort_values().rename(cols.customer_col)


# --------------------------------------------------------------------------
# Defining churn
# --------------------------------------------------------------------------


def label_churn(
    customers: pd.DataFrame,
    orders: pd.DataFrame | None,
    cutoff: Any,
    *,
    window_days: int | None = None,
    kind: str = "non-contractual",
    as_of: Any = None,
    customer_col: str = "customer_id",
    signup_col: str = "signup_date",
    date_col: str = "order_date",
    closed_col: str = "account_closed",
) -> pd.DataFrame:
    """Who churned in the ``window_days`` after a cut-off date, with the facts behind it.

    Lesson 07, framework: churn definitions (contractual vs non-contractual,
    Fader & Hardie 2009; Ascarza et al. 2018).

    * ``kind="non-contractual"`` (shop): the customers are those with at
      least one purchase on or before ``cutoff``; a customer **churned** if
      there is no purchase in the window ``cutoff < day <= cutoff +
      window_days``.
    * ``kind="contractual"`` (bank): the customers are those whose account is
      open at the end of ``cutoff`` (signed up on or before it, not closed by
      then); a customer **churned** if ``closed_col`` falls in the window.

    Default window, non-contractual: the number of days that 90 % of the gaps
    between a customer's consecutive purchases (before ``cutoff``) do not
    exceed, lesson 02's "at risk" gap
    (``lifecycle.default_thresholds(orders, cutoff)["at_risk_days"]``).
    A customer silent for longer than 9 in 10 repeat purchases ever wait is
    behaving unusually; on the shipped shop data this is 106 days at the end
    of 2024 and 137 days at the end of 2025 (the longer the history, the more
    long gaps are complete). Contractual: 182 days (half a year), a horizon
    long enough to act on. Both are business choices: try others.

    Dates may be datetimes or text, timezone-aware or not (read in their own
    local time); a missing order date is an error. The course counts whole
    days: each date is cut to its calendar day.

    Sources: Fader, P. S. & Hardie, B. G. S. (2009). Probability models for
    customer-base analysis. *Journal of Interactive Marketing* 23(1), 61-69
    (contractual vs non-contractual settings); Ascarza, E. et al. (2018). In
    pursuit of enhanced customer retention management. *Customer Needs and
    Solutions* 5, 65-81.

    Parameters
    ----------
    customers : DataFrame
        One row per customer with an id and a sign-up date (and, for
        contractual churn, the closing date ``closed_col``, NaT if open).
    orders : DataFrame or None
        One row per order. Needed for non-contractual churn; for contractual
        churn it only supplies the last day observed (pass ``as_of`` instead).
    cutoff : date
        The day the prediction is made ("today" of the early warning).
    window_days : int, optional
        Length of the outcome window in days (default: see above).
    kind : {"non-contractual", "contractual"}
    as_of : date, optional
        Last day observed (default: the last order date). The window must end
        on or before it, or the outcome would be unknown.
    customer_col, signup_col, date_col, closed_col : str
        The names of those columns in your tables.

    Returns
    -------
    DataFrame
        Indexed by customer id. Non-contractual: ``signup_date``,
        ``purchases_before`` (distinct purchase days up to the cut-off),
        ``last_purchase``, ``days_since_last`` (at the cut-off),
        ``next_purchase`` (first purchase after the cut-off, NaT if none by
        ``as_of``), ``days_to_next``, ``window_end`` and ``churned`` (bool).
        Contractual: ``signup_date``, ``closed``, ``tenure_days`` (at the
        cut-off), ``days_to_close``, ``window_end`` and ``churned``.
        ``result.attrs`` holds ``cutoff``, ``window_days``, ``kind``, ``as_of``.

    Raises
    ------
    DataError
        Missing columns or values, repeated customer ids, order ids not in
        the customers table, an unknown ``kind``, a window that ends after
        ``as_of``, or no customer at the cut-off.

    Examples
    --------
    >>> import pandas as pd
    >>> customers = pd.DataFrame({"customer_id": [1, 2, 3],
    ...     "signup_date": pd.to_datetime(["2024-01-01", "2024-01-01", "2024-03-01"])})
    >>> orders = pd.DataFrame({"customer_id": [1, 1, 2, 3],
    ...     "order_date": pd.to_datetime(["2024-01-10", "2024-02-20", "2024-01-15", "2024-03-05"])})
    >>> labels = label_churn(customers, orders, "2024-01-31", window_days=30, as_of="2024-03-31")
    >>> labels[["purchases_before", "days_since_last", "days_to_next", "churned"]]
                 purchases_before  days_since_last  days_to_next  churned
    customer_id
    1                           1               21            20    False
    2                           1               16          <NA>     True

    The outcome must be known for the whole window:

    >>> label_churn(customers, orders, "2024-03-15", window_days=30, as_of="2024-03-31")
    Traceback (most recent call last):
    ...
    custlearn.DataError: The churn window runs from the cut-off 2024-03-15 to 2024-04-14 (30 days), but the data end on 2024-03-31: the outcome of the last 14 days is unknown. Choose a cut-off on or before 2024-03-01 or a shorter window_days.
    """
    kind = _kind(kind)
    cutoff = as_timestamp(cutoff, argument="cutoff").normalize()
    cols = _Columns(customer_col, signup_col, date_col, closed_col)
    customers = _read_customers(customers, kind, cols)
    orders = _read_orders(orders, kind, cols)
    end = _data_end(orders, date_col, as_of)
    window_days = _window(window_days, orders, cutoff, kind, cols)
    return _labels(customers, orders, cutoff, window_days, end, kind, cols)


def _labels(customers: pd.DataFrame, orders: pd.DataFrame | None, cutoff: pd.Timestamp, window_days: int,
            end: pd.Timestamp, kind: str, cols: _Columns) -> pd.DataFrame:
    """The steps of :func:`label_churn` on clean tables (also used by the risk model)."""
    window_end = _window_end(cutoff, window_days, end)
    if kind == "contractual":
        ids = _customers_at(customers, None, cutoff, kind, cols)
        out = _account_labels(customers.loc[ids], cutoff, window_end, cols)
    else:
        _check_known(orders[cols.customer_col], customers)
        days = purchase_days(orders, customer_col=cols.customer_col, date_col=cols.date_col)
        ids = _customers_at(customers, days, cutoff, kind, cols)
        out = _purchase_labels(customers.loc[ids], days, cutoff, window_end, end, cols)
    out.attrs.update({"cutoff": cutoff, "window_days": window_days, "kind": kind, "as_of": end})
    return out


def _window_end(cutoff: pd.Timestamp, window_days: int, end: pd.Timestamp) -> pd.Timestamp:
    """The window's last day, which must be observed (on or before ``end``)."""
    window_end = cutoff + pd.Timedelta(days=window_days)
    if window_end > end:
        raise DataError(
            tr("The churn window runs from the cut-off {cutoff} to {window_end} ({window_days} days), but "
               "the data end on {end}: the outcome of the last {days} days is unknown. Choose a cut-off "
               "on or before {end2} or a shorter window_days.",
               cutoff=cutoff.date(), window_end=window_end.date(), window_days=window_days, end=end.date(),
               days=(window_end - end).days, end2=(end - pd.Timedelta(days=window_days)).date())
        )
    return window_end


def _account_labels(accounts: pd.DataFrame, cutoff: pd.Timestamp, window_end: pd.Timestamp,
                    cols: _Columns) -> pd.DataFrame:
    """Contractual: churned = the account closes within the window."""
    out = pd.DataFrame({"signup_date": accounts[cols.signup_col], "closed": accounts[cols.closed_col]})
    out["tenure_days"] = (cutoff - out["signup_date"]).dt.days
    out["days_to_close"] = (out["closed"] - cutoff).dt.days.astype("Int64")
    out["window_end"] = window_end
    out["churned"] = (out["closed"] <= window_end).fillna(False).astype(bool)
    return out


def _purchase_labels(buyers: pd.DataFrame, days: pd.DataFrame, cutoff: pd.Timestamp, window_end: pd.Timestamp,
                     end: pd.Timestamp, cols: _Columns) -> pd.DataFrame:
    """Non-contractual: churned = no purchase day in the window after the cut-off."""
    before = days[(days["day"] <= cutoff).to_numpy()]
    after = days[((days["day"] > cutoff) & (days["day"] <= end)).to_numpy()]
    grouped = before.groupby("customer")["day"]
    out = pd.DataFrame({"signup_date": buyers[cols.signup_col]})
    out["purchases_before"] = grouped.size().reindex(out.index).astype(int)
    out["last_purchase"] = grouped.max().reindex(out.index)
    out["days_since_last"] = (cutoff - out["last_purchase"]).dt.days
    out["next_purchase"] = after.groupby("customer")["day"].min().reindex(out.index)
    out["days_to_next"] = (out["next_purchase"] - cutoff).dt.days.astype("Int64")
    out["window_end"] = window_end
    out["churned"] = ~(out["next_purchase"] <= window_end).fillna(False).astype(bool)
    return out


# --------------------------------------------------------------------------
# Time to churn
# --------------------------------------------------------------------------


def churn_durations(
    customers: pd.DataFrame,
    orders: pd.DataFrame | None,
    as_of: Any = None,
    *,
    window_days: int | None = None,
    kind: str = "non-contractual",
    customer_col: str = "customer_id",
    signup_col: str = "signup_date",
    date_col: str = "order_date",
    closed_col: str = "account_closed",
) -> pd.DataFrame:
    """Each customer's time to churn (or to the end of observation): input for survival curves.

    Lesson 07, framework: survival analysis of time to churn (Kaplan &
    Meier 1958; in marketing, Helsen & Schmittlein 1993).

    * Contractual (bank): the clock starts at sign-up (account opening);
      ``churned`` if the account was closed on or before ``as_of`` and the
      duration runs to the closing day; otherwise the customer is
      *censored* at ``as_of`` (still a customer when we stopped watching).
    * Non-contractual (shop): the clock starts at the first purchase. A
      customer silent for more than ``window_days`` at ``as_of`` has
      churned, and the churn happened at the last purchase (the last sign of
      life: the "death" of the BG/NBD model, ``truth.churn_date`` in the
      course data). Someone who bought within ``window_days`` may or may not
      buy again: the only fact is that they lasted at least until their last
      purchase, so they are censored there. One-time buyers who never came
      back churn at duration 0.

    Source: Kaplan, E. L. & Meier, P. (1958). Nonparametric estimation from
    incomplete observations. *JASA* 53(282), 457-481; Helsen, K. &
    Schmittlein, D. C. (1993). Analyzing duration times in marketing.
    *Marketing Science* 12(4), 395-414.

    Parameters
    ----------
    customers, orders, window_days, kind, customer_col, signup_col, date_col, closed_col
        As in :func:`label_churn` (default window measured on the orders up
        to ``as_of``; contractual churn needs no window).
    as_of : date, optional
        End of observation (default: the last order date).

    Returns
    -------
    DataFrame
        Indexed by customer: ``start``, ``end`` (dates), ``duration_days``
        (int) and ``churned`` (bool; False = censored). Non-contractual data
        include only customers with a purchase by ``as_of``.

    Raises
    ------
    DataError
        As :func:`label_churn`; an account closed before it opened.

    Examples
    --------
    >>> import pandas as pd
    >>> customers = pd.DataFrame({"customer_id": [1, 2, 3],
    ...     "signup_date": pd.to_datetime(["2024-01-01"] * 3),
    ...     "account_closed": pd.to_datetime(["2024-03-01", None, None])})
    >>> churn_durations(customers, None, "2024-06-30", kind="contractual")
                     start        end  duration_days  churned
    customer_id
    1           2024-01-01 2024-03-01             60     True
    2           2024-01-01 2024-06-30            181    False
    3           2024-01-01 2024-06-30            181    False
    >>> churn_durations(customers.drop(columns="account_closed"), None, "2024-06-30", kind="contractual")
    Traceback (most recent call last):
    ...
    custlearn.DataError: The column "account_closed" is not in the customers table. The table has these columns: customer_id, signup_date. If your data calls it something else, pass closed_col="<your column name>".
    """
    kind = _kind(kind)
    cols = _Columns(customer_col, signup_col, date_col, closed_col)
    customers = _read_customers(customers, kind, cols)
    orders = _read_orders(orders, kind, cols)
    end = _data_end(orders, date_col, as_of)
    if kind == "contractual":
        window_days = None if window_days is None else require_window(window_days, argument="window_days")
        out = _account_durations(customers, end, cols)
    else:
        window_days = _window(window_days, orders, end, kind, cols)
        _check_known(orders[customer_col], customers)
        out = _purchase_durations(orders, end, window_days, cols)
    out["duration_days"] = (out["end"] - out["start"]).dt.days.astype(int)
    out = out[["start", "end", "duration_days", "churned"]].sort_index()
    out.attrs.update({"as_of": end, "kind": kind, "window_days": window_days})
    return out


def _account_durations(customers: pd.DataFrame, end: pd.Timestamp, cols: _Columns) -> pd.DataFrame:
    """Contractual: from opening to closing, or censored at ``end`` if still open."""
    accounts = customers[(customers[cols.signup_col] <= end).to_numpy()]
    out = pd.DataFrame({"start": accounts[cols.signup_col]})
    closed = accounts[cols.closed_col]
    out["churned"] = (closed <= end).fillna(False).astype(bool)
    out["end"] = closed.where(out["churned"], end)
    if (out["end"] < out["start"]).any():
        bad = out.index[out["end"] < out["start"]][0]
        raise DataError(
            tr('Customer {bad} has "{closed_col}" before "{signup_col}". Fix the dates: an account closes '
               "after it opens.", bad=bad, closed_col=cols.closed_col, signup_col=cols.signup_col)
        )
    return out


def _purchase_durations(orders: pd.DataFrame, end: pd.Timestamp, window_days: int, cols: _Columns) -> pd.DataFrame:
    """Non-contractual: from the first to the last purchase; churned if silent for longer than the window."""
    days = purchase_days(orders[(orders[cols.date_col] <= end).to_numpy()],
                         customer_col=cols.customer_col, date_col=cols.date_col)
    grouped = days.groupby("customer")["day"]
    out = pd.DataFrame({"start": grouped.min(), "end": grouped.max()})
    out.index.name = cols.customer_col
    out["churned"] = (end - out["end"]).dt.days > window_days
    return out
