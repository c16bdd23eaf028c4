"""Lesson 06, complaint management: how complaints are handled, and churn by how the first one ended.

The decks ask to handle complaints fast and well, because a well-recovered
complaint can repair the relationship (客户投诉管理). :func:`complaint_metrics`
measures the handling (speed, first-contact resolution, recovery);
:func:`churn_by_complaint_outcome` compares the churn of customers by how
their first complaint ended.

Both moved here from :mod:`custlearn.churn` (issue 19: complaint management
belongs with service); ``custlearn.churn.complaint_metrics`` and
``custlearn.churn.churn_by_complaint_outcome`` still work for one release,
with a ``DeprecationWarning``. This module stands on the ground floor only
(the complaint-outcome rule of :mod:`custlearn._recovery`, the Wilson
interval of :mod:`custlearn._stats`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from custlearn._errors import DataError
from custlearn._i18n import tr
from custlearn._recovery import (
    COMPLAINT_GROUPS,
    NO_COMPLAINT,
    as_known_at,
    first_complaints,
    outcome_of,
    read_complaints,
)
from custlearn._stats import wilson_columns
from custlearn._tables import Column, read_result
from custlearn._validate import as_timestamp, require_confidence, require_flag, require_number, require_positive

__all__ = ["COMPLAINT_GROUPS", "complaint_metrics", "churn_by_complaint_outcome"]


@dataclass(frozen=True)
class _TicketColumns:
    """The caller's names of the ticket columns :func:`complaint_metrics` reads."""

    ticket_col: str
    opened_col: str
    complaint_col: str
    resolved_col: str
    response_col: str
    hours_col: str
    fcr_col: str
    rating_col: str


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
        Targets in hours, greater than 0 (a complaint resolved within
        ``resolve_target_hours`` counts as fast).
    good_rating : int
        Lowest 1-5 rating that counts as a good resolution.
    complaints_only : bool
        Use only rows with ``complaint_col`` True (default); False for every contact.
    ticket_col, opened_col, complaint_col, resolved_col, response_col, hours_col, fcr_col, rating_col : str
        The names of those columns in your tickets table (hours and ratings
        may be blank: not resolved, not rated).

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
    >>> complaint_metrics(tickets, by="region")
    Traceback (most recent call last):
    ...
    custlearn.DataError: The column "region" is not in the tickets table. The table has these columns: ticket_id, opened_at, is_complaint, resolved, hours_to_first_response, hours_to_resolve, first_contact_resolution, resolution_satisfaction. If your data calls it something else, pass by="<your column name>".
    """
    response_target_hours = require_positive(response_target_hours, argument="response_target_hours", example="24")
    resolve_target_hours = require_positive(resolve_target_hours, argument="resolve_target_hours", example="48")
    good_rating = require_number(good_rating, argument="good_rating")
    complaints_only = require_flag(complaints_only, argument="complaints_only")
    cols = _TicketColumns(ticket_col, opened_col, complaint_col, resolved_col, response_col, hours_col, fcr_col,
                          rating_col)
    data = _read_handling(tickets, by, complaints_only, cols)
    frame = _per_complaint(data, by, response_target_hours, resolve_target_hours, good_rating, cols)
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


def _read_handling(tickets: Any, by: str | None, complaints_only: bool, cols: _TicketColumns) -> pd.DataFrame:
    """The complaints (or every contact) with what complaint handling is judged on, one row per ticket."""
    extra = [Column(cols.response_col, "number", "response_col", missing="keep", negative=False),
             Column(cols.fcr_col, "flag", "fcr_col")]
    if by is not None:
        extra.append(Column(by, "label", "by"))
    data = read_complaints(
        tickets, customer_col=None, ticket_col=cols.ticket_col, opened_col=cols.opened_col,
        complaint_col=cols.complaint_col if complaints_only else None, resolved_col=cols.resolved_col,
        hours_col=cols.hours_col, rating_col=cols.rating_col, extra=extra,
        arguments={"resolved": "resolved_col", "hours": "hours_col", "rating": "rating_col",
                   "complaint": "complaint_col"})
    if len(data) == 0:
        raise DataError(
            tr("There are no complaints in the tickets table ({complaint_col} is never True). Check the "
               "filter, or pass complaints_only=False to judge every contact.", complaint_col=cols.complaint_col)
        )
    return data


def _per_complaint(data: pd.DataFrame, by: str | None, response_target_hours: float, resolve_target_hours: float,
                   good_rating: float, cols: _TicketColumns) -> pd.DataFrame:
    """Per complaint: its group, hours, and whether it met each target and was resolved well."""
    resolved = data["resolved"].to_numpy()
    frame = pd.DataFrame({
        "group": data[by].to_numpy() if by is not None else "all",
        "response": data[cols.response_col].to_numpy(),
        "resolve": data["hours"].where(data["resolved"]).to_numpy(),
        "resolved": resolved,
        "fcr": data[cols.fcr_col].to_numpy() & resolved,
        "rated": data["rating"].notna().to_numpy(),
        # "resolved well": the service-recovery rule, each complaint judged on its own
        "well": outcome_of(data["resolved"], data["hours"], data["rating"], fast_hours=resolve_target_hours,
                           good_rating=good_rating) == "resolved well",
    })
    frame["responded_in_target"] = frame["response"] <= response_target_hours
    frame["resolved_in_target"] = frame["resolved"] & (frame["resolve"] <= resolve_target_hours)
    return frame


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
    of :func:`custlearn.churn.label_churn`) gets the outcome of their first complaint opened
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
        :func:`custlearn.churn.label_churn` (its ``attrs["cutoff"]`` is used).
    tickets : DataFrame
        Service contacts (columns as in :func:`custlearn.lifecycle.complaint_outcomes`).
    cutoff : date, optional
        Default: ``labels.attrs["cutoff"]``; required otherwise.
    confidence : float
        Confidence level of the Wilson intervals, strictly between 0 and 1.
    churned_col, customer_col, opened_col : str
        The names of those columns in ``labels`` and ``tickets``.

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

    Only complaints known at the cut-off may explain churn after it:

    >>> churn_by_complaint_outcome(labels, tickets)
    Traceback (most recent call last):
    ...
    custlearn.DataError: cutoff is needed: only complaints known at the cut-off may explain churn after it. Pass cutoff="YYYY-MM-DD" or labels from label_churn (they carry it).
    """
    confidence = require_confidence(confidence)
    churned = read_result(labels, [Column(churned_col, "flag", "churned_col")], table="labels",
                          made_by="label_churn")[churned_col]
    cutoff = _cutoff(labels.attrs, cutoff)
    complaints = read_complaints(tickets, customer_col=customer_col, opened_col=opened_col)
    first = first_complaints(as_known_at(complaints, cutoff + pd.Timedelta(days=1)))
    outcome = pd.Series(NO_COMPLAINT, index=churned.index, dtype=object)
    hit = first.index[first.index.isin(churned.index)]
    outcome.loc[hit] = first.loc[hit, "outcome"].astype(str)
    table = churn_rates(outcome.to_numpy(), churned, confidence, groups=COMPLAINT_GROUPS, name="complaint_outcome")
    table.attrs["cutoff"] = cutoff
    return table


def _cutoff(attrs: dict, cutoff: Any) -> pd.Timestamp:
    """The cut-off: as given, or the one label_churn left in the labels' ``attrs``."""
    if cutoff is None:
        cutoff = attrs.get("cutoff")
        if cutoff is None:
            raise DataError(
                tr("cutoff is needed: only complaints known at the cut-off may explain churn after it. "
                   'Pass cutoff="YYYY-MM-DD" or labels from label_churn (they carry it).')
            )
    return as_timestamp(cutoff, argument="cutoff").normalize()


def churn_rates(group: Any, churned: pd.Series, confidence: float, *, groups: list[str], name: str) -> pd.DataFrame:
    """Churn rate per group (in the order of ``groups``, empty ones left out), with Wilson intervals.

    Shared by :func:`churn_by_complaint_outcome` and
    :func:`custlearn.service.key_account_service`.
    """
    frame = pd.DataFrame({"group": pd.Categorical(np.asarray(group, dtype=object), categories=groups),
                          "churned": churned.to_numpy(dtype=bool)})
    table = frame.groupby("group", observed=True).agg(customers=("churned", "size"), churners=("churned", "sum"))
    table.index = pd.Index(table.index.astype(str), name=name)
    table["churners"] = table["churners"].astype(int)
    table["churn_rate"] = table["churners"] / table["customers"]
    table["lower"], table["upper"] = wilson_columns(table["churners"], table["customers"], confidence)
    return table
