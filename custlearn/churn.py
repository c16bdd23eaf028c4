"""Lesson 06 — retention, churn early warning and complaint recovery (流失预警 / 投诉管理).

The decks ask for a *value-loss early-warning system* (价值流失预警): find the
valuable customers who are about to leave and act before they go, and handle
complaints fast and well, because a well-recovered complaint can repair the
relationship. This module holds the lesson's measures, each a plain function
over pandas tables:

=============================================  ==================================
Step                                           Function
=============================================  ==================================
Define churn (non-contractual or contractual)  :func:`label_churn`
Time to churn per customer                     :func:`churn_durations`
Survival curve, Greenwood band (Kaplan-Meier)  :func:`kaplan_meier`
Median time to churn with its interval         :func:`median_survival`
Do two segments churn alike? (log-rank)        :func:`logrank_test`
What we know at the cut-off (features)         :func:`churn_features`
A churn-risk score judged on later data        :func:`churn_risk_model`
How well the score ranks customers             :func:`gains_table`
Complaint handling: speed, FCR, recovery       :func:`complaint_metrics`
Churn by how the first complaint ended         :func:`churn_by_complaint_outcome`
=============================================  ==================================

Two kinds of churn (Fader & Hardie 2009; Ascarza et al. 2018):

* **contractual** (the bank): the customer closes the account on a known
  day, so churn is *observed*;
* **non-contractual** (the shop): customers simply stop buying and the
  company never sees the moment. Churn must be *defined*: here, "no purchase
  within ``window_days`` after a cut-off date". The window is a business
  choice; the default comes from the data's own rhythm (the gap between
  purchases that 90 % of repeat purchases beat, the "at risk" threshold of
  :func:`custlearn.lifecycle.default_thresholds`).

All times are in days. Charts for this lesson are in ``custlearn.plots``
(``survival_chart``, ``gains_chart``, ``complaint_churn_chart``).

scipy and scikit-learn are imported inside the functions that need them, so
``import custlearn.churn`` stays fast.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from statistics import NormalDist
from typing import Any

import numpy as np
import pandas as pd

from custlearn import lifecycle
from custlearn._validate import (
    DataError,
    as_numeric_series,
    as_timestamp,
    require_choice,
    require_columns,
    require_datetime,
    require_frame,
    require_positive_int,
)
from custlearn.satisfaction import wilson_bounds

__all__ = [
    "KINDS",
    "COMPLAINT_GROUPS",
    "label_churn",
    "churn_durations",
    "kaplan_meier",
    "median_survival",
    "logrank_test",
    "LogRankResult",
    "churn_features",
    "churn_risk_model",
    "ChurnRiskModel",
    "gains_table",
    "complaint_metrics",
    "churn_by_complaint_outcome",
]

#: The two definitions of churn.
KINDS = ["non-contractual", "contractual"]

#: Groups of :func:`churn_by_complaint_outcome`, best to worst.
COMPLAINT_GROUPS = ["no complaint"] + list(lifecycle.OUTCOMES)

#: Default window of contractual churn: half a year (26 weeks).
CONTRACTUAL_WINDOW_DAYS = 182


# --------------------------------------------------------------------------
# private helpers
# --------------------------------------------------------------------------


def _tables(dataset: Any) -> dict[str, pd.DataFrame | None]:
    """customers, orders, surveys, tickets of a Dataset, a dict or a namespace."""
    names = ("customers", "orders", "surveys", "tickets")
    if isinstance(dataset, pd.DataFrame) or dataset is None:
        raise DataError(
            "dataset must hold several tables (customers, orders and optionally surveys and "
            f"tickets), but {'nothing' if dataset is None else 'one DataFrame'} was given. Pass "
            "shop = datasets.load('shop'), or a dict such as {'customers': ..., 'orders': ...}."
        )
    if isinstance(dataset, Mapping):
        found = {n: dataset.get(n) for n in names}
    else:
        found = {n: getattr(dataset, n, None) for n in names}
    for n in ("customers", "orders"):
        if found[n] is None:
            raise DataError(
                f"dataset has no {n} table. Pass shop = datasets.load('shop'), or a dict with "
                f"'customers' and 'orders' DataFrames (and optionally 'surveys', 'tickets')."
            )
    for n, table in found.items():
        if table is not None:
            require_frame(table, table=n, min_rows=0)
    return found


def _kind(kind: Any) -> str:
    return require_choice(kind, KINDS, argument="kind")


def _window(window_days: Any) -> int:
    return require_positive_int(window_days, argument="window_days")


def _customers(customers: Any, customer_col: str, signup_col: str) -> pd.DataFrame:
    """Checked customers table: unique ids, readable sign-up dates."""
    require_frame(customers, table="customers", min_rows=0)
    require_columns(customers, customer_col, table="customers", argument="customer_col")
    require_columns(customers, signup_col, table="customers", argument="signup_col")
    if customers[customer_col].isna().any():
        raise DataError(
            f'The column "{customer_col}" of the customers table has missing ids. Every '
            f"customer needs an id: drop or fix those rows first."
        )
    if customers[customer_col].duplicated().any():
        dup = customers.loc[customers[customer_col].duplicated(), customer_col].iloc[0]
        raise DataError(
            f'The customers table has repeated ids in "{customer_col}" (e.g. {dup}). One row per '
            f"customer is needed: remove duplicates first (lesson 01 shows how)."
        )
    return customers


def _purchase_days(orders: Any, customer_col: str, date_col: str) -> pd.DataFrame:
    """Distinct (customer, day) purchases, sorted; checked columns."""
    require_frame(orders, table="orders", min_rows=0)
    require_columns(orders, customer_col, table="orders", argument="customer_col")
    require_columns(orders, date_col, table="orders", argument="date_col")
    dates = require_datetime(orders, date_col, table="orders")
    if orders[customer_col].isna().any() or dates.isna().any():
        col = customer_col if orders[customer_col].isna().any() else date_col
        raise DataError(
            f'The column "{col}" of the orders table has missing values. Every order needs a '
            f"customer and a date: drop or fix those rows first."
        )
    days = pd.DataFrame({"customer": orders[customer_col].to_numpy(),
                         "day": dates.dt.normalize().to_numpy()})
    return days.drop_duplicates().sort_values(["customer", "day"], kind="stable").reset_index(drop=True)


def _data_end(orders: pd.DataFrame | None, date_col: str, as_of: Any) -> pd.Timestamp:
    if as_of is not None:
        return as_timestamp(as_of, argument="as_of").normalize()
    if orders is None or len(orders) == 0:
        raise DataError(
            "as_of (the last day observed) is needed when there are no orders to read it from. "
            'Pass as_of="YYYY-MM-DD", e.g. as_of="2025-12-31".'
        )
    return require_datetime(orders, date_col, table="orders").max().normalize()


def _default_window(orders: pd.DataFrame, as_of: pd.Timestamp, kind: str,
                    customer_col: str, date_col: str) -> int:
    """The default churn window (see :func:`label_churn`)."""
    if kind == "contractual":
        return CONTRACTUAL_WINDOW_DAYS
    return int(lifecycle.default_thresholds(orders, as_of, customer_col=customer_col,
                                            date_col=date_col)["at_risk_days"])


def _durations_observed(durations: Any, observed: Any) -> tuple[np.ndarray, np.ndarray]:
    """Checked float durations (>= 0) and boolean event flags of equal length."""
    t = as_numeric_series(durations, name="durations")
    if (t < 0).any():
        bad = t[t < 0].iloc[0]
        raise DataError(
            f"durations must be 0 or more (time from the start to churn or to the end of "
            f"observation), but {int((t < 0).sum())} negative value(s) were found, e.g. {bad:g}. "
            f"Check that start and end dates are not swapped."
        )
    if isinstance(observed, pd.DataFrame):
        raise DataError("observed must be one column of True/False (or 1/0) values, not a DataFrame.")
    e = pd.Series(list(observed) if not isinstance(observed, pd.Series) else observed.to_numpy())
    if e.isna().any():
        raise DataError(
            f"observed has {int(e.isna().sum())} missing value(s). Each customer needs True (churn "
            f"seen) or False (still a customer at the end: censored)."
        )
    if len(e) and not e.isin([True, False, 0, 1]).all():
        bad = e[~e.isin([True, False, 0, 1])].iloc[0]
        raise DataError(
            f"observed must be True/False (or 1/0): True if churn was seen, False if the customer "
            f"was still there at the end (censored). Found {bad!r}."
        )
    if len(e) != len(t):
        raise DataError(
            f"durations has {len(t)} values but observed has {len(e)}: give one duration and one "
            f"True/False per customer, in the same order."
        )
    if len(t) == 0:
        raise DataError("durations is empty: there are no customers to follow. Check the filter that produced it.")
    return t.to_numpy(dtype=float), e.astype(bool).to_numpy()


def _groups(groups: Any, n: int) -> np.ndarray:
    if isinstance(groups, pd.DataFrame):
        raise DataError("groups must be one column (a Series, list or array), not a DataFrame.")
    g = pd.Series(groups.to_numpy() if isinstance(groups, pd.Series) else list(groups))
    if len(g) != n:
        raise DataError(f"groups has {len(g)} values but durations has {n}: give one group label per customer.")
    if g.isna().any():
        raise DataError(
            f"groups has {int(g.isna().sum())} missing value(s). Give every customer a group, "
            f'e.g. groups.fillna("unknown"), or drop those customers.'
        )
    return g.to_numpy()




def _z(confidence: Any) -> float:
    if isinstance(confidence, bool) or not isinstance(confidence, (int, float)) or not 0 < confidence < 1:
        raise DataError(
            f"confidence must be a number between 0 and 1 (e.g. 0.95 for a 95% band), but {confidence!r} was given."
        )
    return NormalDist().inv_cdf(0.5 + confidence / 2)


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

    Lesson 06, framework: churn definitions (contractual vs non-contractual,
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
    exceed: ``lifecycle.default_thresholds(orders, cutoff)["at_risk_days"]``.
    A customer silent for longer than 9 in 10 repeat purchases ever wait is
    behaving unusually; on the shipped shop data this is 106 days at the end
    of 2024 and 137 days at the end of 2025 (the longer the history, the more
    long gaps are complete). Contractual: 182 days (half a year), a horizon
    long enough to act on. Both are business choices: try others.

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
        Missing columns or values, repeated customer ids, an unknown ``kind``,
        a window that ends after ``as_of``, or no customer at the cut-off.

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
    """
    kind = _kind(kind)
    cutoff = as_timestamp(cutoff, argument="cutoff").normalize()
    _customers(customers, customer_col, signup_col)
    signup = require_datetime(customers, signup_col, table="customers").dt.normalize()
    if kind == "non-contractual" and orders is None:
        raise DataError(
            'Non-contractual churn is read from purchases: pass the orders table, or use kind="contractual" '
            "if your customers close accounts."
        )
    end = _data_end(orders, date_col, as_of)
    if window_days is None:
        window_days = _default_window(orders, cutoff, kind, customer_col, date_col)
    window_days = _window(window_days)
    window_end = cutoff + pd.Timedelta(days=window_days)
    if window_end > end:
        raise DataError(
            f"The churn window runs from the cut-off {cutoff.date()} to {window_end.date()} "
            f"({window_days} days), but the data end on {end.date()}: the outcome of the last "
            f"{(window_end - end).days} days is unknown. Choose a cut-off on or before "
            f"{(end - pd.Timedelta(days=window_days)).date()} or a shorter window_days."
        )
    ids = customers[customer_col].to_numpy()
    if kind == "contractual":
        require_columns(customers, closed_col, table="customers", argument="closed_col")
        closed = require_datetime(customers, closed_col, table="customers").dt.normalize()
        open_at_cutoff = (signup <= cutoff) & (closed.isna() | (closed > cutoff))
        out = pd.DataFrame({
            "signup_date": signup[open_at_cutoff].to_numpy(),
            "closed": closed[open_at_cutoff].to_numpy(),
        }, index=pd.Index(ids[open_at_cutoff.to_numpy()], name=customer_col))
        out["tenure_days"] = (cutoff - out["signup_date"]).dt.days
        out["days_to_close"] = (out["closed"] - cutoff).dt.days.astype("Int64")
        out["window_end"] = window_end
        out["churned"] = (out["closed"] <= window_end).fillna(False).astype(bool)
    else:
        days = _purchase_days(orders, customer_col, date_col)
        unknown = ~pd.Index(days["customer"].unique()).isin(ids)
        if unknown.any():
            example = pd.Index(days["customer"].unique())[unknown][0]
            raise DataError(
                f"{int(unknown.sum())} customer id(s) in the orders table are not in the customers table "
                f"(e.g. {example}). Use the same ids in both tables."
            )
        before = days[days["day"] <= cutoff]
        after = days[(days["day"] > cutoff) & (days["day"] <= end)]
        grouped = before.groupby("customer")["day"]
        out = pd.DataFrame({"purchases_before": grouped.size(), "last_purchase": grouped.max()})
        out.index.name = customer_col
        out.insert(0, "signup_date", pd.Series(signup.to_numpy(), index=ids).reindex(out.index))
        out["days_since_last"] = (cutoff - out["last_purchase"]).dt.days
        out["next_purchase"] = after.groupby("customer")["day"].min().reindex(out.index)
        out["days_to_next"] = (out["next_purchase"] - cutoff).dt.days.astype("Int64")
        out["window_end"] = window_end
        out["churned"] = ~(out["next_purchase"] <= window_end).fillna(False).astype(bool)
        out["purchases_before"] = out["purchases_before"].astype(int)
    if out.empty:
        raise DataError(
            f"No customer is a customer at the cut-off {cutoff.date()} "
            f"({'an open account' if kind == 'contractual' else 'a purchase on or before it'}). "
            f"Choose a later cut-off."
        )
    out = out.sort_index()
    out.attrs.update({"cutoff": cutoff, "window_days": window_days, "kind": kind, "as_of": end})
    return out


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

    Lesson 06, framework: survival analysis of time to churn (Kaplan &
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
        to ``as_of``).
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
        As :func:`label_churn`.

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
    """
    kind = _kind(kind)
    _customers(customers, customer_col, signup_col)
    end = _data_end(orders, date_col, as_of)
    ids = customers[customer_col].to_numpy()
    signup = require_datetime(customers, signup_col, table="customers").dt.normalize()
    if kind == "contractual":
        require_columns(customers, closed_col, table="customers", argument="closed_col")
        closed = require_datetime(customers, closed_col, table="customers").dt.normalize()
        keep = (signup <= end).to_numpy()
        out = pd.DataFrame({"start": signup.to_numpy()[keep]}, index=pd.Index(ids[keep], name=customer_col))
        closed = pd.Series(closed.to_numpy()[keep], index=out.index)
        out["churned"] = (closed <= end).fillna(False).astype(bool)
        out["end"] = closed.where(out["churned"], end)
        if (out["end"] < out["start"]).any():
            bad = out.index[out["end"] < out["start"]][0]
            raise DataError(
                f'Customer {bad} has "{closed_col}" before "{signup_col}". Fix the dates: an account '
                f"closes after it opens."
            )
    else:
        if orders is None:
            raise DataError('Non-contractual durations are read from purchases: pass the orders table.')
        if window_days is None:
            window_days = _default_window(orders, end, kind, customer_col, date_col)
        window_days = _window(window_days)
        days = _purchase_days(orders, customer_col, date_col)
        days = days[days["day"] <= end]
        grouped = days.groupby("customer")["day"]
        out = pd.DataFrame({"start": grouped.min(), "end": grouped.max()})
        out.index.name = customer_col
        out["churned"] = (end - out["end"]).dt.days > window_days
    out["duration_days"] = (out["end"] - out["start"]).dt.days.astype(int)
    out = out[["start", "end", "duration_days", "churned"]].sort_index()
    out.attrs.update({"as_of": end, "kind": kind, "window_days": window_days})
    return out


# --------------------------------------------------------------------------
# Survival analysis
# --------------------------------------------------------------------------


def _km_one(t: np.ndarray, e: np.ndarray, z: float, band: str) -> pd.DataFrame:
    times = np.unique(t)                                   # distinct times, sorted
    position = np.searchsorted(times, t)
    events = np.bincount(position, weights=e, minlength=len(times)).astype(int)   # d_i
    leaving = np.bincount(position, minlength=len(times))                        # events + censored
    censored = leaving - events
    at_risk = len(t) - np.concatenate([[0], np.cumsum(leaving)[:-1]])            # n_i
    # Product-limit (Kaplan & Meier 1958): S(t) = product over t_i <= t of (1 - d_i / n_i)
    survival = np.cumprod(1.0 - events / at_risk)
    # Greenwood (1926): Var S(t) = S(t)^2 * sum over t_i <= t of d_i / (n_i (n_i - d_i))
    with np.errstate(divide="ignore", invalid="ignore"):
        terms = np.where(events > 0, events / (at_risk * (at_risk - events)), 0.0)
        greenwood = np.cumsum(terms)                       # inf once everyone left at risk has churned
        std_error = survival * np.sqrt(greenwood)
        if band == "log-log":
            # Kalbfleisch & Prentice (2002): a band for log(-log S), mapped back:
            # S ** exp(+-z * sqrt(greenwood) / |log S|); stays inside [0, 1].
            se_loglog = np.sqrt(greenwood) / np.abs(np.log(survival))
            lower = survival ** np.exp(z * se_loglog)
            upper = survival ** np.exp(-z * se_loglog)
        else:
            # plain (linear) Greenwood band: S +- z * SE, cut to [0, 1]
            lower = np.clip(survival - z * std_error, 0.0, 1.0)
            upper = np.clip(survival + z * std_error, 0.0, 1.0)
    # Where S is 1 (no churn yet) or 0 (everyone churned) the band is the point itself.
    std_error = np.where(survival == 0, np.nan, std_error)
    for edge in (0.0, 1.0):
        lower = np.where(survival == edge, edge, lower)
        upper = np.where(survival == edge, edge, upper)
    return pd.DataFrame({
        "time": times, "at_risk": at_risk.astype(int), "events": events, "censored": censored.astype(int),
        "survival": survival, "std_error": std_error, "lower": lower, "upper": upper,
    })


def kaplan_meier(
    durations: Any,
    observed: Any,
    *,
    groups: Any = None,
    confidence: float = 0.95,
    band: str = "log-log",
) -> pd.DataFrame:
    """Kaplan-Meier survival curve with Greenwood's variance and a confidence band.

    Lesson 06, framework: survival analysis of time to churn. At each
    distinct time t_i with n_i customers still at risk (not yet churned or
    censored before t_i) and d_i churning at t_i::

        S(t)        = product over t_i <= t of (1 - d_i / n_i)        (product-limit)
        Var S(t)    = S(t)^2 * sum over t_i <= t of d_i / (n_i (n_i - d_i))   (Greenwood)
        band "log-log" (default): S(t) ** exp(+-z * sqrt(sum ...) / |log S(t)|)
        band "plain":             S(t) +- z * sqrt(Var S(t)), cut to [0, 1]

    Censored customers (still customers when observation stopped) count in
    n_i up to and including their censoring time, then leave. The log-log
    band is recommended (Kalbfleisch & Prentice 2002): it stays inside [0, 1]
    and holds its coverage better in small samples than the plain band.
    Where S(t) is 1 or 0 the band is the point itself.

    Sources: Kaplan, E. L. & Meier, P. (1958). Nonparametric estimation from
    incomplete observations. *JASA* 53(282), 457-481; Greenwood, M. (1926).
    The natural duration of cancer. *Reports on Public Health and Medical
    Subjects* 33, HMSO; Kalbfleisch, J. D. & Prentice, R. L. (2002). *The
    Statistical Analysis of Failure Time Data*, 2nd ed., Wiley (the log-log band);
    Kleinbaum, D. G. & Klein, M. (2012). *Survival Analysis: A Self-Learning
    Text*, 3rd ed., Springer, chapter 2 (worked example used in the tests).

    Parameters
    ----------
    durations : list, array or Series of numbers >= 0
        Time from the start to churn or to censoring (e.g. ``duration_days``
        of :func:`churn_durations`).
    observed : list, array or Series of True/False (or 1/0)
        True if churn was observed, False if censored.
    groups : list, array or Series, optional
        One label per customer: one curve per group, stacked with a
        ``group`` column first.
    confidence : float, default 0.95
    band : {"log-log", "plain"}

    Returns
    -------
    DataFrame
        One row per distinct time (of churn or censoring): ``time``,
        ``at_risk`` (n_i), ``events`` (d_i), ``censored``, ``survival``,
        ``std_error`` (Greenwood), ``lower``, ``upper``.

    Raises
    ------
    DataError
        Empty, missing or negative durations, observed not True/False,
        lengths that differ, a bad confidence or band.

    Examples
    --------
    Six customers; churn seen at 2, 3, 3 and 5 months, two still there at 4 and 6.

    >>> km = kaplan_meier([2, 3, 3, 4, 5, 6], [True, True, True, False, True, False])
    >>> km[["time", "at_risk", "events", "censored", "survival"]].round(3)
       time  at_risk  events  censored  survival
    0   2.0        6       1         0     0.833
    1   3.0        5       2         0     0.500
    2   4.0        3       0         1     0.500
    3   5.0        2       1         0     0.250
    4   6.0        1       0         1     0.250
    >>> round(float(km["std_error"].iloc[1]), 3)
    0.204
    """
    require_choice(band, ["log-log", "plain"], argument="band")
    z = _z(confidence)
    t, e = _durations_observed(durations, observed)
    if groups is None:
        table = _km_one(t, e, z, band)
    else:
        g = _groups(groups, len(t))
        parts = []
        for label in pd.unique(g):
            mask = g == label
            part = _km_one(t[mask], e[mask], z, band)
            part.insert(0, "group", label)
            parts.append(part)
        table = pd.concat(parts, ignore_index=True)
    table.attrs.update({"confidence": confidence, "band": band})
    return table


def median_survival(km: pd.DataFrame) -> pd.Series | pd.DataFrame:
    """Median time to churn, with a confidence interval, from a Kaplan-Meier table.

    Lesson 06. The median is the first time at which the curve reaches 0.5
    or below; the interval takes the same reading of the band's curves (the
    first time the lower band, and the upper band, reach 0.5): the inversion
    of Brookmeyer & Crowley (1982)::

        median = min { t : S(t) <= 0.5 }
        lower  = min { t : lower band(t) <= 0.5 }
        upper  = min { t : upper band(t) <= 0.5 }    (NaN if never: "not reached")

    A median is NaN when fewer than half of the customers have churned by
    the last time observed: say "more than half are still customers after
    T days".

    Source: Brookmeyer, R. & Crowley, J. (1982). A confidence interval for the
    median survival time. *Biometrics* 38(1), 29-41; Kleinbaum & Klein (2012),
    chapter 2.

    Parameters
    ----------
    km : DataFrame
        The output of :func:`kaplan_meier` (with or without ``group``).

    Returns
    -------
    Series or DataFrame
        ``median``, ``lower``, ``upper``; one row per group if ``km`` has a
        ``group`` column.

    Raises
    ------
    DataError
        If ``km`` is not a Kaplan-Meier table.

    Examples
    --------
    >>> km = kaplan_meier([2, 3, 3, 4, 5, 6], [True, True, True, False, True, False])
    >>> float(median_survival(km)["median"])
    3.0
    """
    require_frame(km, table="km")
    require_columns(km, ["time", "survival", "lower", "upper"], table="Kaplan-Meier",
                    argument=None)

    def first_at_or_below_half(part: pd.DataFrame, column: str) -> float:
        hit = part.loc[part[column] <= 0.5, "time"]
        return float(hit.iloc[0]) if len(hit) else np.nan

    def one(part: pd.DataFrame) -> pd.Series:
        return pd.Series({c: first_at_or_below_half(part, col) for c, col in
                          (("median", "survival"), ("lower", "lower"), ("upper", "upper"))})

    if "group" in km.columns:
        rows = {label: one(part) for label, part in km.groupby("group", sort=False, observed=True)}
        out = pd.DataFrame(rows).T
        out.index.name = "group"
        return out
    return one(km).rename("median_survival")


@dataclass(frozen=True)
class LogRankResult:
    """Result of :func:`logrank_test`: the statistic, its degrees of freedom, the p-value, and per group O and E."""

    chi_square: float
    df: int
    p_value: float
    groups: pd.DataFrame = field(repr=False, compare=False)

    def __repr__(self) -> str:
        return (f"Log-rank test: chi-square = {self.chi_square:.3f} on {self.df} df, "
                f"p = {self.p_value:.3g}")


def logrank_test(durations: Any, observed: Any, groups: Any) -> LogRankResult:
    """Do two or more groups churn alike? The log-rank test (Mantel 1966; Peto & Peto 1972).

    Lesson 06: compare survival curves by segment. At every distinct churn
    time t with n_t customers at risk (n_gt in group g) and d_t churning, if
    the groups were alike the churns would split in proportion to who is at
    risk::

        E_g  = sum over t of n_gt * d_t / n_t          (expected churns of group g)
        U_g  = O_g - E_g                               (observed minus expected)
        V_gh = sum over t of d_t (n_t - d_t) / (n_t - 1) * (n_gt / n_t) * (1[g=h] - n_ht / n_t)
        chi-square = U' V^-1 U  over the first k-1 groups,  df = k - 1

    With two groups this is (O_1 - E_1)^2 / V_11. The p-value is the chi-square
    upper tail (scipy). A small p says the curves differ somewhere; it does
    not say by how much, nor why (segments differ in many ways).

    Sources: Mantel, N. (1966). Evaluation of survival data and two new rank
    order statistics arising in its consideration. *Cancer Chemotherapy
    Reports* 50(3), 163-170; Peto, R. & Peto, J. (1972). Asymptotically
    efficient rank invariant test procedures. *JRSS A* 135(2), 185-207;
    Kleinbaum & Klein (2012), chapter 2 (worked example: 16.79 on the
    leukemia remission data, reproduced in the tests).

    Parameters
    ----------
    durations, observed
        As in :func:`kaplan_meier`.
    groups : list, array or Series
        One label per customer; at least two different labels.

    Returns
    -------
    LogRankResult
        ``chi_square``, ``df``, ``p_value`` and ``groups`` (a DataFrame per
        group: ``customers``, ``observed`` O_g, ``expected`` E_g).

    Raises
    ------
    DataError
        As :func:`kaplan_meier`; fewer than two groups; no churn at all.

    Examples
    --------
    >>> result = logrank_test([1, 2, 3, 4, 5, 6, 7, 8], [1, 1, 1, 0, 1, 1, 0, 0],
    ...                       ["a", "a", "a", "a", "b", "b", "b", "b"])
    >>> round(result.chi_square, 3), result.df
    (4.213, 1)
    >>> result.groups["observed"].tolist()
    [3, 2]
    """
    t, e = _durations_observed(durations, observed)
    g = _groups(groups, len(t))
    labels = list(pd.unique(g))
    if len(labels) < 2:
        raise DataError(
            f"groups has only one label ({labels[0]!r}): the log-rank test compares two or more groups. "
            f"Check the column you passed as groups."
        )
    if not e.any():
        raise DataError("No churn is observed in any group (observed is all False): there is nothing to compare.")
    member = np.stack([g == label for label in labels])          # k x n
    churn_times = np.unique(t[e])
    observed_g = np.zeros(len(labels))
    expected_g = np.zeros(len(labels))
    variance = np.zeros((len(labels), len(labels)))
    for time in churn_times:
        at_risk_g = (member & (t >= time)).sum(axis=1)            # n_gt
        churned_g = (member & (t == time) & e).sum(axis=1)         # d_gt
        n, d = at_risk_g.sum(), churned_g.sum()
        share = at_risk_g / n
        observed_g += churned_g
        expected_g += d * share
        if n > 1:
            variance += d * (n - d) / (n - 1) * (np.diag(share) - np.outer(share, share))
    u = (observed_g - expected_g)[:-1]
    try:
        chi_square = float(u @ np.linalg.solve(variance[:-1, :-1], u))
    except np.linalg.LinAlgError:
        raise DataError(
            "A group has nobody at risk at any churn time (all its customers left before the first "
            "churn), so the groups cannot be compared. Drop that group or merge it with another."
        ) from None
    from scipy.stats import chi2

    df = len(labels) - 1
    table = pd.DataFrame({"customers": member.sum(axis=1), "observed": observed_g.astype(int),
                          "expected": expected_g}, index=pd.Index(labels, name="group"))
    return LogRankResult(chi_square=chi_square, df=df, p_value=float(chi2.sf(chi_square, df)), groups=table)


# --------------------------------------------------------------------------
# Early warning: features, risk model, gains
# --------------------------------------------------------------------------


def _tickets_known_at(tickets: pd.DataFrame, moment: pd.Timestamp, *, opened_col: str,
                      resolved_col: str, hours_col: str, rating_col: str) -> pd.DataFrame:
    """Tickets opened before ``moment``, as they stood at ``moment``.

    A ticket resolved after ``moment`` was still unresolved then, and its
    rating unknown: using it would leak the future into the features.
    """
    require_columns(tickets, [opened_col, resolved_col, hours_col, rating_col], table="tickets")
    opened = require_datetime(tickets, opened_col, table="tickets")
    known = tickets.loc[opened < moment].copy()
    opened = opened[opened < moment]
    hours = pd.to_numeric(known[hours_col], errors="coerce")
    done_by = opened + pd.to_timedelta(hours, unit="h")
    resolved_then = known[resolved_col].fillna(False).astype(bool) & (done_by < moment).fillna(False)
    known[resolved_col] = resolved_then
    known[hours_col] = hours.where(resolved_then)
    known[rating_col] = pd.to_numeric(known[rating_col], errors="coerce").astype(float).where(resolved_then)
    return known


def churn_features(
    dataset: Any,
    cutoff: Any,
    *,
    kind: str = "non-contractual",
    survey_cols: Sequence[str] = ("overall_satisfaction",),
    recent_days: int = 90,
    customer_col: str = "customer_id",
    signup_col: str = "signup_date",
    date_col: str = "order_date",
    amount_col: str = "amount",
    returned_col: str | None = "returned",
    discount_col: str | None = "acquired_with_discount",
    closed_col: str = "account_closed",
    survey_date_col: str = "survey_date",
    opened_col: str = "opened_at",
) -> pd.DataFrame:
    """What the company knows about each customer at the end of the cut-off day.

    Lesson 06, framework: churn early warning (价值流失预警) with
    behavioural and attitudinal predictors (Neslin et al. 2006; Ascarza et
    al. 2018). Only data dated on or before ``cutoff`` are used: orders and
    surveys up to that day, tickets opened by its end *as they stood then*
    (a complaint resolved later counts as unresolved, its rating unknown).

    The customers are those of :func:`label_churn` on the same cut-off
    (non-contractual: a purchase by the cut-off; contractual: an open
    account). Features, one row per customer:

    ===========================  ===================================================
    ``recency_days``             days since the last purchase (tenure if none)
    ``frequency``                distinct purchase days so far
    ``recent_orders``            orders in the last ``recent_days`` days
    ``monetary``                 mean order amount (0 if none)
    ``tenure_days``              days since sign-up
    ``return_share``             share of orders returned (if ``returned_col``)
    ``discount_acquired``        1 if acquired with a welcome discount
    ``<survey column>``          latest answer of each ``survey_cols`` (NaN if none)
    ``answered_survey``          1 if the customer answered a survey
    ``complaints``               complaints opened so far
    ``complaint_<outcome>``      1 if the first complaint ended so (resolved well,
                                 resolved not rated, resolved poorly, unresolved)
    ``first_complaint_outcome``  the same as text ("no complaint" if none)
    ===========================  ===================================================

    Missing survey answers stay NaN: the model fills them (median) inside its
    pipeline, and ``answered_survey`` tells it who answered.

    Sources: Neslin, S. A., Gupta, S., Kamakura, W., Lu, J. & Mason, C. H.
    (2006). Defection detection: measuring and understanding the predictive
    accuracy of customer churn models. *Journal of Marketing Research* 43(2),
    204-211; Ascarza et al. (2018), see :func:`label_churn`.

    Parameters
    ----------
    dataset : Dataset, dict or object with tables
        ``customers`` and ``orders`` (required), ``surveys`` and ``tickets``
        (optional: left out if missing), e.g. ``datasets.load("shop")``.
    cutoff : date
    kind : {"non-contractual", "contractual"}
    survey_cols : sequence of str
        Survey columns to carry (bank: add "staff_attitude",
        "product_knowledge"). Ignored without a surveys table.
    recent_days : int

    Returns
    -------
    DataFrame
        Indexed by customer id; the columns above (numbers, except
        ``first_complaint_outcome``). ``attrs["cutoff"]`` holds the cut-off.

    Raises
    ------
    DataError
        Missing tables or columns, unreadable dates, no customer at the cut-off.

    Examples
    --------
    >>> import pandas as pd
    >>> data = {"customers": pd.DataFrame({"customer_id": [1, 2],
    ...             "signup_date": pd.to_datetime(["2024-01-01", "2024-01-01"]),
    ...             "acquired_with_discount": [False, True]}),
    ...         "orders": pd.DataFrame({"customer_id": [1, 1, 2, 2],
    ...             "order_date": pd.to_datetime(["2024-01-05", "2024-03-01", "2024-01-20", "2024-06-01"]),
    ...             "amount": [20.0, 40.0, 10.0, 99.0], "returned": [False, True, False, False]})}
    >>> f = churn_features(data, "2024-03-31")
    >>> f[["recency_days", "frequency", "monetary", "return_share", "discount_acquired"]]
                 recency_days  frequency  monetary  return_share  discount_acquired
    customer_id
    1                      30          2      30.0           0.5                  0
    2                      71          1      10.0           0.0                  1
    """
    kind = _kind(kind)
    recent_days = require_positive_int(recent_days, argument="recent_days")
    tables = _tables(dataset)
    customers, orders = tables["customers"], tables["orders"]
    cutoff = as_timestamp(cutoff, argument="cutoff").normalize()
    moment = cutoff + pd.Timedelta(days=1)          # the end of the cut-off day
    _customers(customers, customer_col, signup_col)
    signup = pd.Series(require_datetime(customers, signup_col, table="customers").dt.normalize().to_numpy(),
                       index=customers[customer_col].to_numpy())

    require_columns(orders, [customer_col, date_col], table="orders", argument="date_col")
    require_columns(orders, amount_col, table="orders", argument="amount_col")
    odate = require_datetime(orders, date_col, table="orders").dt.normalize()
    upto = (odate <= cutoff).to_numpy()
    past = pd.DataFrame({"customer": orders[customer_col].to_numpy()[upto], "day": odate.to_numpy()[upto],
                         "amount": pd.to_numeric(orders[amount_col], errors="coerce").to_numpy(dtype=float)[upto]})
    if returned_col is not None:
        require_columns(orders, returned_col, table="orders", argument="returned_col")
        past["returned"] = orders[returned_col].fillna(False).astype(bool).to_numpy()[upto]

    if kind == "contractual":
        require_columns(customers, closed_col, table="customers", argument="closed_col")
        closed = pd.Series(require_datetime(customers, closed_col, table="customers").dt.normalize().to_numpy(),
                           index=signup.index)
        ids = signup.index[((signup <= cutoff) & (closed.isna() | (closed > cutoff))).to_numpy()]
    else:
        ids = pd.Index(pd.unique(past["customer"]))
        if not ids.isin(signup.index).all():
            raise DataError(
                f"{int((~ids.isin(signup.index)).sum())} customer id(s) in the orders table are not in the "
                f"customers table (e.g. {ids[~ids.isin(signup.index)][0]}). Use the same ids in both tables."
            )
    if len(ids) == 0:
        raise DataError(f"No customer is a customer at the cut-off {cutoff.date()}. Choose a later cut-off.")
    ids = ids.sort_values()
    out = pd.DataFrame(index=pd.Index(ids, name=customer_col))

    by_customer = past.groupby("customer")
    tenure = (cutoff - signup.reindex(ids)).dt.days.to_numpy()
    last = by_customer["day"].max().reindex(ids)
    out["recency_days"] = np.where(last.isna(), tenure, (cutoff - last).dt.days)
    out["frequency"] = past.drop_duplicates(["customer", "day"]).groupby("customer").size().reindex(ids, fill_value=0)
    recent = past[past["day"] > cutoff - pd.Timedelta(days=recent_days)]
    out["recent_orders"] = recent.groupby("customer").size().reindex(ids, fill_value=0)
    out["monetary"] = by_customer["amount"].mean().reindex(ids).fillna(0.0)
    out["tenure_days"] = tenure
    if returned_col is not None:
        out["return_share"] = by_customer["returned"].mean().reindex(ids).fillna(0.0)
    if discount_col is not None:
        require_columns(customers, discount_col, table="customers", argument="discount_col")
        flag = pd.Series(customers[discount_col].fillna(False).astype(bool).to_numpy(), index=signup.index)
        out["discount_acquired"] = flag.reindex(ids).astype(int)

    surveys = tables["surveys"]
    if surveys is not None and len(survey_cols):
        require_columns(surveys, [customer_col, survey_date_col, *survey_cols], table="surveys",
                        argument="survey_cols")
        sdate = require_datetime(surveys, survey_date_col, table="surveys")
        answered = surveys.loc[(sdate <= cutoff).to_numpy(), [customer_col, *survey_cols]].assign(_d=sdate)
        latest = answered.sort_values([customer_col, "_d"], kind="stable").groupby(customer_col).tail(1)
        latest = latest.set_index(customer_col)
        for col in survey_cols:
            out[col] = pd.to_numeric(latest[col], errors="coerce").astype(float).reindex(ids)
        out["answered_survey"] = ids.isin(latest.index).astype(int)

    tickets = tables["tickets"]
    outcome = pd.Series("no complaint", index=ids, dtype=object)
    out["complaints"] = 0
    if tickets is not None:
        known = _tickets_known_at(tickets, moment, opened_col=opened_col, resolved_col="resolved",
                                  hours_col="hours_to_resolve", rating_col="resolution_satisfaction")
        first = lifecycle.complaint_outcomes(known, customer_col=customer_col, opened_col=opened_col)
        first = first[first.index.isin(ids)]
        out["complaints"] = first["complaints"].reindex(ids, fill_value=0).astype(int)
        outcome.loc[first.index] = first["outcome"].astype(str)
    for name in lifecycle.OUTCOMES:
        column = "complaint_" + name.replace(",", "").replace(" ", "_")
        out[column] = (outcome == name).astype(int).to_numpy()
    out["first_complaint_outcome"] = pd.Categorical(outcome.to_numpy(), categories=COMPLAINT_GROUPS)
    out.attrs.update({"cutoff": cutoff, "kind": kind})
    return out


@dataclass(eq=False)
class ChurnRiskModel:
    """A fitted churn-risk score (returned by :func:`churn_risk_model`).

    Attributes
    ----------
    pipeline : sklearn Pipeline
        Median imputation, standard scaling, logistic regression.
    features : list of str
        The feature columns, in the model's order.
    train_cutoff, test_cutoff : Timestamp
    window_days : int
    kind : str
    auc : float
        Area under the ROC curve on the held-out (later) period.
    train_auc : float
        The same on the training period (compare: a large gap = overfitting).
    coefficients : DataFrame
        Per feature: ``coefficient`` (log-odds per standard deviation),
        ``odds_ratio``, ``sd`` and ``reading`` (in plain words).
    scores : DataFrame
        Held-out customers: ``churn_risk`` (predicted probability) and the
        later outcome ``churned``.
    """

    pipeline: Any
    features: list[str]
    train_cutoff: pd.Timestamp
    test_cutoff: pd.Timestamp
    window_days: int
    kind: str
    auc: float
    train_auc: float
    coefficients: pd.DataFrame = field(repr=False)
    scores: pd.DataFrame = field(repr=False)
    _feature_kwargs: dict = field(default_factory=dict, repr=False)

    def __repr__(self) -> str:
        return (f"ChurnRiskModel({self.kind}, window {self.window_days} days; trained at "
                f"{self.train_cutoff.date()}, tested at {self.test_cutoff.date()}: "
                f"held-out AUC {self.auc:.3f}, training AUC {self.train_auc:.3f})")

    def score(self, dataset: Any, cutoff: Any) -> pd.DataFrame:
        """Churn risk of every customer at ``cutoff`` (e.g. today, for the action list).

        Returns the features of :func:`churn_features` with a ``churn_risk``
        column (probability of churning in the next ``window_days`` days),
        highest risk first; every customer, whatever ``active_days`` was.
        """
        features = churn_features(dataset, cutoff, kind=self.kind, **self._feature_kwargs)
        missing = [f for f in self.features if f not in features.columns]
        if missing:
            raise DataError(f"The data at {cutoff} lack the model's feature(s) {', '.join(missing)}.")
        out = features.copy()
        out["churn_risk"] = self.pipeline.predict_proba(features[self.features].astype(float))[:, 1]
        return out.sort_values("churn_risk", ascending=False, kind="stable")

    def gains(self, deciles: int = 10) -> pd.DataFrame:
        """:func:`gains_table` of the held-out scores."""
        return gains_table(self.scores["churned"], self.scores["churn_risk"], deciles=deciles)


def churn_risk_model(
    dataset: Any,
    train_cutoff: Any = None,
    test_cutoff: Any = None,
    *,
    window_days: int | None = None,
    kind: str = "non-contractual",
    features: Sequence[str] | None = None,
    active_days: int | None = None,
    as_of: Any = None,
    C: float = 1.0,
    random_state: int = 0,
    **feature_kwargs: Any,
) -> ChurnRiskModel:
    """A churn-risk score from logistic regression, judged honestly on a later period.

    Lesson 06, framework: churn early warning (价值流失预警). The model
    learns from the past and is judged on the future, as it will be used::

        train: features at train_cutoff  ->  churned in (train_cutoff, train_cutoff + window]
        test:  features at test_cutoff   ->  churned in (test_cutoff,  test_cutoff + window]
        with train_cutoff + window <= test_cutoff (the training outcome is known at test time)

        P(churn) = 1 / (1 + exp(-(b0 + sum_j b_j * (x_j - mean_j) / sd_j)))

    The pipeline (scikit-learn) fills missing values with the training
    median, standardises each feature and fits an L2-penalised logistic
    regression (``C``; ``random_state`` fixed). Each coefficient is the change
    in log-odds of churning for one standard deviation more of the feature;
    ``exp(b)`` is the odds ratio. The held-out AUC (Hanley & McNeil 1982) is
    the probability that a random churner gets a higher score than a random
    stayer (0.5 = coin toss, 1 = perfect ranking).

    Sources: Neslin et al. (2006), *JMR* 43(2) (churn models judged on a
    later validation sample, top-decile lift); Hanley, J. A. & McNeil, B. J.
    (1982). The meaning and use of the area under a ROC curve. *Radiology*
    143(1), 29-36; Hosmer, D. W., Lemeshow, S. & Sturdivant, R. X. (2013).
    *Applied Logistic Regression*, 3rd ed., Wiley.

    Parameters
    ----------
    dataset : Dataset, dict or object with tables
        As in :func:`churn_features`.
    train_cutoff, test_cutoff : date, optional
        Defaults: ``test_cutoff = as_of - window_days`` and ``train_cutoff =
        test_cutoff - window_days`` (the latest honest split).
    window_days : int, optional
        Default: non-contractual, the "at risk" gap of
        :func:`custlearn.lifecycle.default_thresholds` on all orders up to
        ``as_of`` (fixed once, so train and test use the same definition);
        contractual, 182 days.
    kind : {"non-contractual", "contractual"}
    features : sequence of str, optional
        Feature columns (default: every numeric column of
        :func:`churn_features`).
    active_days : int, optional
        Keep only customers who bought within this many days before each
        cut-off: an early warning for customers not yet lapsed (the AUC on
        everyone is flattered by customers long gone).
    as_of : date, optional
        Last day observed (default: ``dataset.as_of`` or the last order).
    C : float
        Inverse strength of the L2 penalty (scikit-learn).
    random_state : int
    **feature_kwargs
        Passed to :func:`churn_features` (column names, ``survey_cols``).

    Returns
    -------
    ChurnRiskModel
        With ``auc`` (held-out), ``train_auc``, ``coefficients``, ``scores``,
        ``pipeline``; ``.score(dataset, cutoff)`` ranks customers at any date
        and ``.gains()`` gives the held-out :func:`gains_table`.

    Raises
    ------
    DataError
        Windows that overlap or end after the data, a feature that is not
        there, one class only (nobody or everybody churned), bad arguments.

    Examples
    --------
    300 customers who buy every 5-60 days until a day of their own (then stop):

    >>> import numpy as np, pandas as pd
    >>> rng = np.random.default_rng(1)
    >>> ids = np.arange(1, 301)
    >>> gap, stop = rng.integers(5, 60, size=300), rng.integers(30, 366, size=300)
    >>> rows = [(c, pd.Timestamp("2024-01-01") + pd.Timedelta(days=int(d)))
    ...         for c, g, s in zip(ids, gap, stop) for d in range(0, s, g)]
    >>> data = {"customers": pd.DataFrame({"customer_id": ids, "signup_date": pd.Timestamp("2024-01-01")}),
    ...         "orders": pd.DataFrame(rows, columns=["customer_id", "order_date"]).assign(amount=10.0)}
    >>> model = churn_risk_model(data, "2024-06-30", "2024-09-30", window_days=90, as_of="2024-12-31",
    ...                          returned_col=None, discount_col=None)
    >>> round(model.auc, 2)
    0.94
    >>> model.coefficients.index[0]
    'recency_days'
    """
    from sklearn.impute import SimpleImputer
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import roc_auc_score
    from sklearn.pipeline import Pipeline
    from sklearn.preprocessing import StandardScaler

    kind = _kind(kind)
    tables = _tables(dataset)
    date_col = feature_kwargs.get("date_col", "order_date")
    customer_col = feature_kwargs.get("customer_col", "customer_id")
    if as_of is None:
        as_of = getattr(dataset, "as_of", None)
    end = _data_end(tables["orders"], date_col, as_of)
    if window_days is None:
        window_days = _default_window(tables["orders"], end, kind, customer_col, date_col)
    window_days = _window(window_days)
    step = pd.Timedelta(days=window_days)
    test_cutoff = end - step if test_cutoff is None else as_timestamp(test_cutoff, argument="test_cutoff").normalize()
    train_cutoff = (test_cutoff - step if train_cutoff is None
                    else as_timestamp(train_cutoff, argument="train_cutoff").normalize())
    if train_cutoff + step > test_cutoff:
        raise DataError(
            f"The training outcome window ({train_cutoff.date()} + {window_days} days = "
            f"{(train_cutoff + step).date()}) ends after test_cutoff {test_cutoff.date()}: at test time "
            f"the training outcome would not be known yet (a leak from the future). Choose "
            f"train_cutoff on or before {(test_cutoff - step).date()}."
        )
    if active_days is not None:
        active_days = require_positive_int(active_days, argument="active_days")
    if isinstance(C, bool) or not isinstance(C, (int, float)) or not C > 0:
        raise DataError(f"C must be a positive number (e.g. 1.0), but {C!r} was given.")
    label_kwargs = {k: v for k, v in feature_kwargs.items()
                    if k in ("customer_col", "signup_col", "date_col", "closed_col")}

    def frame(cutoff: pd.Timestamp) -> tuple[pd.DataFrame, pd.Series]:
        x = churn_features(tables, cutoff, kind=kind, **feature_kwargs)
        y = label_churn(tables["customers"], tables["orders"], cutoff, window_days=window_days,
                        kind=kind, as_of=end, **label_kwargs)["churned"]
        x = x.loc[x.index.isin(y.index)]
        if active_days is not None:
            x = x[x["recency_days"] <= active_days]
        return x, y.reindex(x.index)

    x_train, y_train = frame(train_cutoff)
    x_test, y_test = frame(test_cutoff)
    if features is None:   # every numeric feature that varies in the training period
        features = [c for c in x_train.columns
                    if pd.api.types.is_numeric_dtype(x_train[c]) and x_train[c].nunique() > 1]
    features = list(features)
    require_columns(x_train, features, table="features", argument="features")
    for name, y in (("training", y_train), ("test", y_test)):
        if y.nunique() < 2:
            raise DataError(
                f"In the {name} period every customer has the same outcome (churned = {bool(y.iloc[0])}"
                f" for all {len(y)}), so there is nothing to learn or judge. Change the cut-offs or "
                f"window_days." if len(y) else f"The {name} period has no customers."
            )
    pipeline = Pipeline([
        ("fill_missing", SimpleImputer(strategy="median")),
        ("standardise", StandardScaler()),
        ("logistic", LogisticRegression(C=C, max_iter=1000, random_state=random_state)),
    ])
    pipeline.fit(x_train[features].astype(float), y_train.astype(int))
    risk_train = pipeline.predict_proba(x_train[features].astype(float))[:, 1]
    risk_test = pipeline.predict_proba(x_test[features].astype(float))[:, 1]

    coef = pipeline.named_steps["logistic"].coef_[0]
    sd = pipeline.named_steps["standardise"].scale_
    odds = np.exp(coef)
    constant = pipeline.named_steps["standardise"].var_ == 0
    reading = [
        f"{f} is constant in the training period: it carries no information" if flat else
        f"+1 SD ({s:.3g}) of {f} {'raises' if b >= 0 else 'lowers'} the odds of churning x{o:.2f}"
        for f, b, s, o, flat in zip(features, coef, sd, odds, constant)
    ]
    coefficients = pd.DataFrame({"coefficient": coef, "odds_ratio": odds, "sd": sd, "reading": reading},
                                index=pd.Index(features, name="feature"))
    coefficients = coefficients.reindex(coefficients["coefficient"].abs().sort_values(ascending=False).index)
    scores = pd.DataFrame({"churn_risk": risk_test, "churned": y_test.astype(bool).to_numpy()}, index=x_test.index)
    return ChurnRiskModel(
        pipeline=pipeline, features=features, train_cutoff=train_cutoff, test_cutoff=test_cutoff,
        window_days=window_days, kind=kind,
        auc=float(roc_auc_score(y_test.astype(int), risk_test)),
        train_auc=float(roc_auc_score(y_train.astype(int), risk_train)),
        coefficients=coefficients, scores=scores, _feature_kwargs=dict(feature_kwargs),
    )


def gains_table(y_true: Any, score: Any, deciles: int = 10) -> pd.DataFrame:
    """Gains and lift by decile of a risk score: how many churners a campaign reaches.

    Lesson 06: judging a churn score as a manager would use it. Sort the
    customers by score, highest first, cut them into ``deciles`` groups of
    (nearly) equal size (the first groups get one more customer when the
    count does not divide; ties are cut in the input order), then per group::

        churn_rate         = churners / customers
        cumulative_capture = churners in this and higher groups / all churners   (the gain)
        lift               = churn_rate / overall churn rate
        cumulative_lift    = cumulative churn rate / overall churn rate

    Top-decile lift 3 means that contacting the 10 % with the highest scores
    reaches three times as many churners as contacting 10 % at random.

    Sources: Neslin et al. (2006), *JMR* 43(2) (top-decile lift as a churn
    model's yardstick); Blattberg, R. C., Kim, B.-D. & Neslin, S. A. (2008).
    *Database Marketing: Analyzing and Managing Customers*, Springer (gains
    and lift charts).

    Parameters
    ----------
    y_true : list, array or Series of True/False (or 1/0)
        The later outcome: True if the customer churned.
    score : list, array or Series of numbers
        The risk score (higher = more likely to churn).
    deciles : int, default 10
        Number of groups (10 = deciles, 5 = quintiles).

    Returns
    -------
    DataFrame
        Index ``decile`` (1 = highest scores); columns ``customers``,
        ``churners``, ``churn_rate``, ``min_score``, ``max_score``,
        ``cumulative_customers`` (share), ``cumulative_capture``, ``lift``,
        ``cumulative_lift``.

    Raises
    ------
    DataError
        Missing values, lengths that differ, fewer customers than groups,
        no churner at all.

    Examples
    --------
    >>> g = gains_table([1, 1, 0, 1, 0, 0, 0, 0, 1, 0],
    ...                 [0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1, 0.05], deciles=5)
    >>> g[["customers", "churners", "cumulative_capture", "lift"]]
            customers  churners  cumulative_capture  lift
    decile
    1               2         2                0.50   2.5
    2               2         1                0.75   1.25
    3               2         0                0.75   0.0
    4               2         0                0.75   0.0
    5               2         1                1.00   1.25
    """
    deciles = require_positive_int(deciles, argument="deciles")
    s = as_numeric_series(score, name="score")
    y = as_numeric_series(pd.Series(y_true.to_numpy() if isinstance(y_true, pd.Series) else list(y_true),
                                    dtype=object).map(lambda v: int(v) if isinstance(v, (bool, np.bool_)) else v),
                          name="y_true")
    if len(y) != len(s):
        raise DataError(f"y_true has {len(y)} values but score has {len(s)}: give one outcome and one score per customer.")
    if not y.isin([0, 1]).all():
        raise DataError(f"y_true must be True/False (or 1/0), but {y[~y.isin([0, 1])].iloc[0]!r} was found.")
    if len(s) < deciles:
        raise DataError(
            f"There are {len(s)} customers, fewer than the {deciles} groups asked for. Pass a smaller deciles=."
        )
    if y.sum() == 0:
        raise DataError("No customer churned (y_true is all False): capture and lift are undefined.")
    order = np.argsort(-s.to_numpy(), kind="stable")       # highest score first, ties in input order
    ys, ss = y.to_numpy()[order], s.to_numpy()[order]
    group = np.concatenate([np.full(len(part), i + 1) for i, part in enumerate(np.array_split(ys, deciles))])
    frame = pd.DataFrame({"decile": group, "y": ys, "score": ss})
    table = frame.groupby("decile").agg(customers=("y", "size"), churners=("y", "sum"),
                                        min_score=("score", "min"), max_score=("score", "max"))
    table["churners"] = table["churners"].astype(int)
    overall = table["churners"].sum() / table["customers"].sum()
    table["churn_rate"] = table["churners"] / table["customers"]
    cum_customers = table["customers"].cumsum()
    cum_churners = table["churners"].cumsum()
    table["cumulative_customers"] = cum_customers / table["customers"].sum()
    table["cumulative_capture"] = cum_churners / table["churners"].sum()
    table["lift"] = table["churn_rate"] / overall
    table["cumulative_lift"] = (cum_churners / cum_customers) / overall
    return table[["customers", "churners", "churn_rate", "min_score", "max_score", "cumulative_customers",
                  "cumulative_capture", "lift", "cumulative_lift"]]


# --------------------------------------------------------------------------
# Complaint management
# --------------------------------------------------------------------------


def complaint_metrics(
    tickets: pd.DataFrame,
    *,
    by: str | None = None,
    response_target_hours: float = 24,
    resolve_target_hours: float = 48,
    good_rating: int = 4,
    complaints_only: bool = True,
    ticket_col: str = "ticket_id",
    opened_col: str = "opened_at",
    complaint_col: str = "is_complaint",
    resolved_col: str = "resolved",
    response_col: str = "hours_to_first_response",
    hours_col: str = "hours_to_resolve",
    fcr_col: str = "first_contact_resolution",
    rating_col: str = "resolution_satisfaction",
) -> pd.DataFrame:
    """How fast and how well complaints are handled: speed, first-contact resolution, recovery.

    Lesson 06, framework: complaint management (客户投诉管理: respond fast,
    fix, apologise, rebuild trust) and service recovery. Per group of
    complaints (all, or per ``by``)::

        median_response_hours   median hours to the first answer
        responded_in_target     share answered within response_target_hours
        resolved_share          share resolved at all
        median_resolve_hours    median hours to resolve (resolved ones)
        resolved_in_target      share resolved within resolve_target_hours (of all)
        first_contact_rate      share resolved at the first contact (of all)
        rated_share             share whose handling the customer rated
        recovery_rate           share *resolved well*: within resolve_target_hours
                                AND rated good_rating or better (of all)

    "Resolved well" is the rule of :func:`custlearn.lifecycle.complaint_outcomes`
    applied to each complaint (speed and the customer's own verdict, Smith,
    Bolton & Wagner 1999). Complaints that were not rated cannot count as
    recovered: read ``recovery_rate`` next to ``rated_share``.

    Sources: ISO 10002:2018, *Quality management - Customer satisfaction -
    Guidelines for complaints handling in organizations*; Tax, S. S., Brown,
    S. W. & Chandrashekaran, M. (1998). Customer evaluations of service
    complaint experiences. *Journal of Marketing* 62(2), 60-76; Smith, A. K.,
    Bolton, R. N. & Wagner, J. (1999). *Journal of Marketing Research* 36(3),
    356-372.

    Parameters
    ----------
    tickets : DataFrame
        One row per service contact.
    by : str, optional
        A column to group by (e.g. "category", "channel").
    response_target_hours, resolve_target_hours : number
    good_rating : int
        Lowest 1-5 rating that counts as a good resolution.
    complaints_only : bool
        Use only rows with ``complaint_col`` True (default); False for every contact.

    Returns
    -------
    DataFrame
        One row ("all") or one row per group; ``complaints`` plus the columns above.

    Raises
    ------
    DataError
        Missing columns, no complaints, bad targets.

    Examples
    --------
    >>> import pandas as pd
    >>> tickets = pd.DataFrame({"ticket_id": [1, 2, 3, 4],
    ...     "opened_at": pd.to_datetime(["2024-01-01"] * 4), "is_complaint": True,
    ...     "resolved": [True, True, True, False], "hours_to_first_response": [1.0, 30.0, 2.0, 5.0],
    ...     "hours_to_resolve": [10.0, 70.0, 2.0, None], "first_contact_resolution": [False, False, True, False],
    ...     "resolution_satisfaction": pd.array([5, 5, pd.NA, pd.NA], dtype="Int64")})
    >>> m = complaint_metrics(tickets)
    >>> print(m[["responded_in_target", "resolved_in_target", "first_contact_rate", "recovery_rate"]].to_string())
         responded_in_target  resolved_in_target  first_contact_rate  recovery_rate
    all                 0.75                 0.5                0.25           0.25
    """
    require_frame(tickets, table="tickets", min_rows=0)
    needed = [ticket_col, opened_col, resolved_col, response_col, hours_col, fcr_col, rating_col]
    needed += [complaint_col] if complaints_only else []
    needed += [by] if by is not None else []
    require_columns(tickets, needed, table="tickets", argument="by" if by is not None else None)
    for name, value in (("response_target_hours", response_target_hours), ("resolve_target_hours", resolve_target_hours)):
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not value > 0:
            raise DataError(f"{name} must be a positive number of hours (e.g. 24), but {value!r} was given.")
    data = tickets[tickets[complaint_col].fillna(False).astype(bool)] if complaints_only else tickets
    if len(data) == 0:
        raise DataError("There are no complaints in the tickets table (is_complaint is never True). Check the filter.")
    if data[ticket_col].duplicated().any():
        raise DataError(f'The column "{ticket_col}" has repeated ticket ids: one row per ticket is needed.')
    # Each complaint's outcome by the lifecycle rule: treat every ticket as its own "customer".
    outcome = lifecycle.complaint_outcomes(
        data, fast_hours=resolve_target_hours, good_rating=good_rating, customer_col=ticket_col,
        opened_col=opened_col, complaint_col=None, resolved_col=resolved_col, hours_col=hours_col,
        rating_col=rating_col)["outcome"]
    resolved = data[resolved_col].fillna(False).astype(bool).to_numpy()
    frame = pd.DataFrame({
        "group": data[by].to_numpy() if by is not None else "all",
        "response": pd.to_numeric(data[response_col], errors="coerce").to_numpy(dtype=float),
        "resolve": pd.to_numeric(data[hours_col], errors="coerce").to_numpy(dtype=float),
        "resolved": resolved,
        "fcr": data[fcr_col].fillna(False).astype(bool).to_numpy() & resolved,
        "rated": pd.to_numeric(data[rating_col], errors="coerce").notna().to_numpy(),
        "well": (outcome.reindex(data[ticket_col].to_numpy()) == "resolved well").to_numpy(),
    })
    frame["resolve"] = frame["resolve"].where(frame["resolved"])
    frame["responded_in_target"] = frame["response"] <= response_target_hours
    frame["resolved_in_target"] = frame["resolved"] & (frame["resolve"] <= resolve_target_hours)
    table = frame.groupby("group", sort=by is not None, observed=True).agg(
        complaints=("resolved", "size"),
        median_response_hours=("response", "median"),
        responded_in_target=("responded_in_target", "mean"),
        resolved_share=("resolved", "mean"),
        median_resolve_hours=("resolve", "median"),
        resolved_in_target=("resolved_in_target", "mean"),
        first_contact_rate=("fcr", "mean"),
        rated_share=("rated", "mean"),
        recovery_rate=("well", "mean"),
    )
    table.index.name = by
    table.attrs.update({"response_target_hours": response_target_hours,
                        "resolve_target_hours": resolve_target_hours, "good_rating": good_rating})
    return table


def churn_by_complaint_outcome(
    labels: pd.DataFrame,
    tickets: pd.DataFrame,
    *,
    cutoff: Any = None,
    confidence: float = 0.95,
    churned_col: str = "churned",
    customer_col: str = "customer_id",
    opened_col: str = "opened_at",
) -> pd.DataFrame:
    """Churn rate by how the customer's first complaint ended: the service-recovery effect.

    Lesson 06, framework: service recovery (a complaint handled fast and
    well can strengthen the relationship; the "recovery paradox" of
    McCollough, Berry & Yadav 2000). Each customer of ``labels`` (the output
    of :func:`label_churn`) gets the outcome of their first complaint opened
    by the end of the cut-off day, as it stood then
    (:func:`custlearn.lifecycle.complaint_outcomes`), or "no complaint"; then
    per group::

        churn_rate = churners / customers,  with a Wilson (1927) interval

    Read with care: customers who complain are the ones who bought (more
    orders, more chances to complain), so compare the complaint groups with
    each other more than with "no complaint".

    Sources: McCollough, M. A., Berry, L. L. & Yadav, M. S. (2000). An
    empirical investigation of customer satisfaction after service failure
    and recovery. *Journal of Service Research* 3(2), 121-137; Smith, Bolton &
    Wagner (1999); Wilson, E. B. (1927). *JASA* 22(158), 209-212.

    Parameters
    ----------
    labels : DataFrame
        Indexed by customer with a True/False ``churned_col``, e.g.
        :func:`label_churn` (its ``attrs["cutoff"]`` is used).
    tickets : DataFrame
        Service contacts (columns as in :func:`custlearn.lifecycle.complaint_outcomes`).
    cutoff : date, optional
        Default: ``labels.attrs["cutoff"]``; required otherwise.
    confidence : float

    Returns
    -------
    DataFrame
        Index ``complaint_outcome`` (:data:`COMPLAINT_GROUPS` order; empty
        groups left out): ``customers``, ``churners``, ``churn_rate``,
        ``lower``, ``upper``.

    Raises
    ------
    DataError
        Missing columns, no cut-off, churned not True/False.

    Examples
    --------
    >>> import pandas as pd
    >>> labels = pd.DataFrame({"churned": [True, False, True, False]},
    ...                       index=pd.Index([1, 2, 3, 4], name="customer_id"))
    >>> tickets = pd.DataFrame({"customer_id": [2, 3], "opened_at": pd.to_datetime(["2024-01-05"] * 2),
    ...     "is_complaint": True, "resolved": [True, False], "hours_to_resolve": [5.0, None],
    ...     "resolution_satisfaction": pd.array([5, pd.NA], dtype="Int64")})
    >>> churn_by_complaint_outcome(labels, tickets, cutoff="2024-01-31")[["customers", "churn_rate"]]
                       customers  churn_rate
    complaint_outcome
    no complaint               2         0.5
    resolved well              1         0.0
    unresolved                 1         1.0
    """
    _z(confidence)  # checks confidence; the interval takes it directly
    require_frame(labels, table="labels")
    require_columns(labels, churned_col, table="labels", argument="churned_col")
    churned = labels[churned_col]
    if churned.isna().any() or not churned.isin([True, False]).all():
        raise DataError(f'The column "{churned_col}" of labels must hold True/False only (the output of label_churn).')
    if cutoff is None:
        cutoff = labels.attrs.get("cutoff")
        if cutoff is None:
            raise DataError(
                "cutoff is needed: only complaints known at the cut-off may explain churn after it. Pass "
                'cutoff="YYYY-MM-DD" or labels from label_churn (they carry it).'
            )
    cutoff = as_timestamp(cutoff, argument="cutoff").normalize()
    require_frame(tickets, table="tickets", min_rows=0)
    require_columns(tickets, customer_col, table="tickets", argument="customer_col")
    known = _tickets_known_at(tickets, cutoff + pd.Timedelta(days=1), opened_col=opened_col,
                              resolved_col="resolved", hours_col="hours_to_resolve",
                              rating_col="resolution_satisfaction")
    first = lifecycle.complaint_outcomes(known, customer_col=customer_col, opened_col=opened_col)
    outcome = pd.Series("no complaint", index=labels.index, dtype=object)
    hit = first.index[first.index.isin(labels.index)]
    outcome.loc[hit] = first.loc[hit, "outcome"].astype(str)
    frame = pd.DataFrame({"group": pd.Categorical(outcome.to_numpy(), categories=COMPLAINT_GROUPS),
                          "churned": churned.astype(bool).to_numpy()})
    table = frame.groupby("group", observed=True).agg(customers=("churned", "size"), churners=("churned", "sum"))
    table.index = pd.Index(table.index.astype(str), name="complaint_outcome")
    table["churners"] = table["churners"].astype(int)
    table["churn_rate"] = table["churners"] / table["customers"]
    bounds = [wilson_bounds(int(k), int(n), confidence) for k, n in zip(table["churners"], table["customers"])]
    table["lower"] = [b[0] for b in bounds]
    table["upper"] = [b[1] for b in bounds]
    table.attrs["cutoff"] = cutoff
    return table
