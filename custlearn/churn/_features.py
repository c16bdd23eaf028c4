"""Lesson 07, third step: what the company knows about each customer at a cut-off date.

:func:`churn_features` turns the tables of a dataset into one row per
customer, using only what was known at the end of the cut-off day:
purchases, returns, the welcome discount, the latest survey answer and the
first complaint *as it stood then*. These are the inputs of the risk score
of :mod:`custlearn.churn._model`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields
from typing import Any

import numpy as np
import pandas as pd

from custlearn._errors import DataError
from custlearn._i18n import tr
from custlearn._recovery import (
    COMPLAINT_GROUPS,
    NO_COMPLAINT,
    OUTCOMES,
    as_known_at,
    first_complaints,
    read_complaints,
)
from custlearn._tables import Column, read_orders, read_surveys
from custlearn._validate import as_timestamp, require_window
from custlearn.churn._define import _Columns, _check_known, _customers_at, _kind, _read_customers

__all__ = ["churn_features"]

_TABLES = ("customers", "orders", "surveys", "tickets")


@dataclass(frozen=True)
class _FeatureColumns(_Columns):
    """The caller's names of every column :func:`churn_features` reads."""

    amount_col: str = "amount"
    returned_col: str | None = "returned"
    discount_col: str | None = "acquired_with_discount"
    survey_date_col: str = "survey_date"
    opened_col: str = "opened_at"


#: The defaults of :func:`churn_features` (the risk model passes its keywords on).
_SURVEY_COLS = ("overall_satisfaction",)
_RECENT_DAYS = 90

#: The keywords of :func:`churn_features` that name a column.
_COLUMN_OPTIONS = tuple(f.name for f in fields(_FeatureColumns))


@dataclass(frozen=True)
class _Data:
    """The checked tables of a dataset (customers indexed by id; surveys and complaints optional)."""

    customers: pd.DataFrame
    orders: pd.DataFrame
    surveys: pd.DataFrame | None
    complaints: pd.DataFrame | None


def churn_features(
    dataset: Any,
    cutoff: Any,
    *,
    kind: str = "non-contractual",
    survey_cols: Sequence[str] = _SURVEY_COLS,
    recent_days: int = _RECENT_DAYS,
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

    Lesson 07, framework: churn early warning (价值流失预警) with
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
    pipeline, and ``answered_survey`` tells it who answered. Every table is
    read by the course's one rule (text dates, time zones, nullable numbers);
    an amount that is not a number is an error, not a silent gap.

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
        Length in days of the window ``recent_orders`` counts.
    customer_col, signup_col, date_col, amount_col, closed_col, survey_date_col, opened_col : str
        The names of those columns in your tables.
    returned_col, discount_col : str or None
        The returned flag of an order and the welcome-discount flag of a
        customer; None leaves that feature out.

    Returns
    -------
    DataFrame
        Indexed by customer id; the columns above (numbers, except
        ``first_complaint_outcome``). ``attrs["cutoff"]`` holds the cut-off.

    Raises
    ------
    DataError
        Missing tables or columns, unreadable dates, amounts or answers that
        are not numbers, order ids not in the customers table, no customer at
        the cut-off.

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

    An amount typed as text is an error, not a silent gap:

    >>> data["orders"]["amount"] = ["20", "40", "ten", "99"]
    >>> churn_features(data, "2024-03-31")
    Traceback (most recent call last):
    ...
    custlearn.DataError: The column "amount" of the orders table holds text (dtype ...), but numbers are expected. Examples found: '20', '40', 'ten'. Convert it first, e.g. df["amount"] = pd.to_numeric(df["amount"], errors="coerce"), and look at the rows that became NaN.
    """
    kind = _kind(kind)
    recent_days = require_window(recent_days, argument="recent_days")
    survey_cols = _survey_columns(survey_cols)
    cutoff = as_timestamp(cutoff, argument="cutoff").normalize()
    cols = _FeatureColumns(customer_col, signup_col, date_col, closed_col, amount_col, returned_col,
                           discount_col, survey_date_col, opened_col)
    data = _read_data(dataset, kind, cols, survey_cols)
    return _features_at(data, cutoff, kind, cols, survey_cols, recent_days)


# --------------------------------------------------------------------------
# reading the tables, once
# --------------------------------------------------------------------------


def _dataset_tables(dataset: Any) -> dict[str, Any]:
    """customers, orders, surveys, tickets of a Dataset, a dict or a namespace (surveys, tickets optional)."""
    if isinstance(dataset, pd.DataFrame) or dataset is None:
        raise DataError(
            tr("dataset must hold several tables (customers, orders and optionally surveys and tickets), "
               "but {given} was given. Pass shop = datasets.load('shop'), or a dict such as "
               "{{'customers': ..., 'orders': ...}}.", given=tr("nothing") if dataset is None else tr("one DataFrame"))
        )
    if isinstance(dataset, Mapping):
        found = {n: dataset.get(n) for n in _TABLES}
    else:
        found = {n: getattr(dataset, n, None) for n in _TABLES}
    for n in ("customers", "orders"):
        if found[n] is None:
            raise DataError(
                tr("dataset has no {n} table. Pass shop = datasets.load('shop'), or a dict with "
                   "'customers' and 'orders' DataFrames (and optionally 'surveys', 'tickets').", n=n)
            )
    return found


def _survey_columns(survey_cols: Any) -> tuple[str, ...]:
    """The survey columns as a tuple of names (one name alone is a common slip)."""
    try:
        names = tuple(survey_cols) if not isinstance(survey_cols, str) else None
    except TypeError:
        names = None
    if names is None or not all(isinstance(n, str) for n in names):
        raise DataError(
            tr("survey_cols must be a list of survey column names, e.g. "
               'survey_cols=["overall_satisfaction"], but {survey_cols!r} was given.', survey_cols=survey_cols)
        )
    return names


def _read_data(dataset: Any, kind: str, cols: _FeatureColumns, survey_cols: tuple[str, ...]) -> _Data:
    """Each table of the dataset through its reader: the one rule for ids, dates, numbers and flags."""
    tables = _dataset_tables(dataset)
    discount = [] if cols.discount_col is None else [Column(cols.discount_col, "flag", "discount_col")]
    customers = _read_customers(tables["customers"], kind, cols, extra=discount)
    returned = [] if cols.returned_col is None else [Column(cols.returned_col, "flag", "returned_col")]
    orders = read_orders(tables["orders"], customer_col=cols.customer_col, date_col=cols.date_col,
                         amount_col=cols.amount_col, extra=returned)
    _check_known(orders[cols.customer_col], customers)
    surveys = None
    if tables["surveys"] is not None and survey_cols:
        surveys = read_surveys(tables["surveys"], customer_col=cols.customer_col, date_col=cols.survey_date_col,
                               numbers=survey_cols, missing="keep",
                               arguments={"date": "survey_date_col", **{c: "survey_cols" for c in survey_cols}})
    complaints = None
    if tables["tickets"] is not None:
        complaints = read_complaints(tables["tickets"], customer_col=cols.customer_col, opened_col=cols.opened_col)
    return _Data(customers, orders, surveys, complaints)


# --------------------------------------------------------------------------
# the features, on clean tables
# --------------------------------------------------------------------------


def _features_at(data: _Data, cutoff: pd.Timestamp, kind: str, cols: _FeatureColumns,
                 survey_cols: tuple[str, ...], recent_days: int) -> pd.DataFrame:
    """The steps of :func:`churn_features` (also used by the risk model, which reads once)."""
    past = data.orders[(data.orders[cols.date_col] <= cutoff).to_numpy()]
    past = past.rename(columns={cols.customer_col: "customer", cols.date_col: "day"})
    days = past[["customer", "day"]]
    ids = _customers_at(data.customers, days, cutoff, kind, cols)
    out = _purchase_features(past, data.customers, ids, cutoff, recent_days, cols)
    if cols.discount_col is not None:
        out["discount_acquired"] = data.customers[cols.discount_col].reindex(ids).astype(int)
    if data.surveys is not None:
        out = out.join(_survey_features(data.surveys, ids, cutoff, cols, survey_cols))
    out = out.join(_complaint_features(data.complaints, ids, cutoff + pd.Timedelta(days=1)))
    out.attrs.update({"cutoff": cutoff, "kind": kind})
    return out


def _purchase_features(past: pd.DataFrame, customers: pd.DataFrame, ids: pd.Index, cutoff: pd.Timestamp,
                       recent_days: int, cols: _FeatureColumns) -> pd.DataFrame:
    """Recency, frequency, recent orders, monetary value, tenure and returns up to the cut-off."""
    out = pd.DataFrame(index=ids)
    by_customer = past.groupby("customer")
    tenure = (cutoff - customers[cols.signup_col].reindex(ids)).dt.days.to_numpy()
    last = by_customer["day"].max().reindex(ids)
    out["recency_days"] = np.where(last.isna(), tenure, (cutoff - last).dt.days)
    out["frequency"] = past.drop_duplicates(["customer", "day"]).groupby("customer").size().reindex(ids, fill_value=0)
    recent = past[(past["day"] > cutoff - pd.Timedelta(days=recent_days)).to_numpy()]
    out["recent_orders"] = recent.groupby("customer").size().reindex(ids, fill_value=0)
    out["monetary"] = by_customer[cols.amount_col].mean().reindex(ids).fillna(0.0)
    out["tenure_days"] = tenure
    if cols.returned_col is not None:
        out["return_share"] = by_customer[cols.returned_col].mean().reindex(ids).fillna(0.0)
    return out


def _survey_features(surveys: pd.DataFrame, ids: pd.Index, cutoff: pd.Timestamp, cols: _FeatureColumns,
                     survey_cols: tuple[str, ...]) -> pd.DataFrame:
    """Each customer's latest answer on or before the cut-off, and whether they answered at all."""
    answered = surveys[(surveys[cols.survey_date_col] <= cutoff).to_numpy()]
    latest = (answered.sort_values([cols.customer_col, cols.survey_date_col], kind="stable")
              .groupby(cols.customer_col).tail(1).set_index(cols.customer_col))
    out = latest[list(survey_cols)].reindex(ids)
    out["answered_survey"] = ids.isin(latest.index).astype(int)
    return out


def _complaint_features(complaints: pd.DataFrame | None, ids: pd.Index, moment: pd.Timestamp) -> pd.DataFrame:
    """Complaints opened before ``moment`` and how the first one stood then (one 0/1 column per outcome)."""
    outcome = pd.Series(NO_COMPLAINT, index=ids, dtype=object)
    out = pd.DataFrame({"complaints": 0}, index=ids)
    if complaints is not None:
        first = first_complaints(as_known_at(complaints, moment))
        first = first[first.index.isin(ids)]
        out["complaints"] = first["complaints"].reindex(ids, fill_value=0).astype(int)
        outcome.loc[first.index] = first["outcome"].astype(str)
    for name in OUTCOMES:
        out["complaint_" + name.replace(",", "").replace(" ", "_")] = (outcome == name).astype(int).to_numpy()
    out["first_complaint_outcome"] = pd.Categorical(outcome.to_numpy(), categories=COMPLAINT_GROUPS)
    return out
