"""Lesson 06, how well the service runs: KPIs, time limits per stage, the backlog and the closed loop.

Deck 002 asks for an information loop with a time limit and a named owner
at every step (收集→分类→汇总→处理→反馈→闭环, "规定了时限和责任") and a
coordination system that answers fast (快速响应客户需求). The tickets say
how far that holds: :func:`service_kpis` (speed, first-contact resolution,
the time limit, reopening, contacts), :func:`time_limit_attainment` (the
share closed within the limit of each stage, for the limits you choose),
:func:`backlog` (what is still open on a day) and :func:`closed_loop` (per
owner and stage: handled, closed in time, feedback given).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np
import pandas as pd

from custlearn._errors import DataError
from custlearn._i18n import N_, tr
from custlearn._stats import wilson_columns
from custlearn._tables import Column, optional_column, read_tickets
from custlearn._validate import _list, as_timestamp, require_confidence, require_number

__all__ = ["service_kpis", "time_limit_attainment", "backlog", "closed_loop"]

_HOURS_FIX = N_("Hours are counted from the moment the ticket was opened: check the sign of those rows.")


def _hours(name: str, argument: str) -> Column:
    return Column(name, "number", argument, missing="keep", negative=False, negative_fix=_HOURS_FIX)


def _by_columns(by: str | Iterable[str] | None) -> list[str]:
    if by is None:
        return []
    return [by] if isinstance(by, str) else list(by)


def _read(tickets: Any, ticket_col: str, columns: list[Column], by: list[str]) -> pd.DataFrame:
    """The checked tickets: the columns a measure needs and the ``by`` labels (one row per ticket)."""
    extra = [*columns, *(Column(b, "label", "by") for b in by)]
    return read_tickets(tickets, customer_col=None, opened_col=None, ticket_col=ticket_col, extra=extra, min_rows=1)


def _in_time(data: pd.DataFrame, resolved_col: str, hours_col: str, limit: pd.Series) -> np.ndarray:
    """Resolved within its time limit (an unresolved ticket never is)."""
    return (data[resolved_col].to_numpy(dtype=bool) & (data[hours_col] <= limit).to_numpy())


def _grouped(frame: pd.DataFrame, by: list[str]) -> Any:
    keys = [frame[b] for b in by] if by else np.zeros(len(frame), dtype=int)
    return frame.groupby(keys, observed=True, sort=True)


def _with_wilson(table: pd.DataFrame, hits: str, n: str, confidence: float) -> pd.DataFrame:
    table["lower"], table["upper"] = wilson_columns(table[hits], table[n], confidence)
    return table


def _tidy_index(table: pd.DataFrame, by: list[str]) -> pd.DataFrame:
    if not by:
        table.index = pd.Index(["all"])
    return table


def service_kpis(
    tickets: pd.DataFrame,
    *,
    by: str | None = None,
    ticket_col: str = "ticket_id",
    response_col: str = "hours_to_first_response",
    resolved_col: str = "resolved",
    hours_col: str = "hours_to_resolve",
    fcr_col: str = "first_contact_resolution",
    limit_col: str | None = "time_limit_hours",
    reopened_col: str | None = "reopened",
    contacts_col: str | None = "contacts",
) -> pd.DataFrame:
    """The service KPIs of all tickets, or per group: speed, first-contact resolution, time limit, reopening.

    Lesson 06, framework: service-level measurement of a contact centre
    (first response, resolution time, first-contact resolution, SLA
    attainment, reopen rate: ISO 18295-1:2017, *Customer contact centres -
    Requirements for customer contact centres*, and the COPC standard), the
    numbers behind deck 002's "快速响应客户需求". Per group::

        tickets                      how many
        median_first_response_hours  median hours to the first answer
        resolved_share               resolved / tickets
        median_resolution_hours      median hours to resolve (resolved ones)
        first_contact_rate           resolved at the first contact / tickets
        within_limit_share           resolved within the ticket's time limit / tickets
        reopen_rate                  reopened / resolved
        mean_contacts                contacts with the customer per ticket

    Unresolved tickets count in every share of all tickets (they are not
    within any limit). The last three need their columns; a table without
    them (under their usual names) gives the others.

    Parameters
    ----------
    tickets : DataFrame
        One row per service contact.
    by : str, optional
        A column to group by (e.g. "stage", "channel", "owner_team").
    ticket_col, response_col, resolved_col, hours_col, fcr_col : str
        The names of those columns in your tickets table (hours may be blank).
    limit_col, reopened_col, contacts_col : str or None
        The time limit (hours), reopened (True/False) and contacts columns;
        None leaves that KPI out.

    Returns
    -------
    DataFrame
        One row ("all") or one row per group, with the columns above.

    Raises
    ------
    DataError
        Missing columns or values, text in a number column, negative hours,
        a repeated ticket id, no tickets.

    Examples
    --------
    >>> import pandas as pd
    >>> tickets = pd.DataFrame({"ticket_id": [1, 2, 3, 4], "hours_to_first_response": [0.5, 1.0, 8.0, 2.0],
    ...     "resolved": [True, True, True, False], "hours_to_resolve": [1.0, 30.0, 90.0, None],
    ...     "first_contact_resolution": [True, False, False, False], "time_limit_hours": [24.0, 72, 72, 72],
    ...     "reopened": [False, True, False, False], "contacts": [1, 2, 3, 4]})
    >>> print(service_kpis(tickets).T.round(3).to_string())
                                    all
    tickets                       4.000
    median_first_response_hours   1.500
    resolved_share                0.750
    median_resolution_hours      30.000
    first_contact_rate            0.250
    within_limit_share            0.500
    reopen_rate                   0.333
    mean_contacts                 2.500
    >>> service_kpis(tickets.assign(hours_to_resolve=[1.0, -30.0, 90.0, None]))
    Traceback (most recent call last):
    ...
    custlearn.DataError: The column "hours_to_resolve" of the tickets table has 1 negative value(s) (first: -30 at row 1), but values of zero or more are expected here. Hours are counted from the moment the ticket was opened: check the sign of those rows.
    """
    groups = _by_columns(by)
    columns = [_hours(response_col, "response_col"), Column(resolved_col, "flag", "resolved_col"),
               _hours(hours_col, "hours_col"), Column(fcr_col, "flag", "fcr_col"),
               *optional_column(limit_col, "number", "limit_col", default="time_limit_hours", negative=False),
               *optional_column(reopened_col, "flag", "reopened_col", default="reopened"),
               *optional_column(contacts_col, "number", "contacts_col", default="contacts", negative=False)]
    data = _read(tickets, ticket_col, columns, groups)
    resolved = data[resolved_col].to_numpy(dtype=bool)
    frame = pd.DataFrame({"response": data[response_col], "resolved": resolved,
                          "resolve": data[hours_col].where(resolved), "fcr": data[fcr_col].to_numpy(bool) & resolved},
                         index=data.index)
    spec = {"tickets": ("resolved", "size"), "median_first_response_hours": ("response", "median"),
            "resolved_share": ("resolved", "mean"), "median_resolution_hours": ("resolve", "median"),
            "first_contact_rate": ("fcr", "mean")}
    if limit_col in data:
        frame["in_time"] = _in_time(data, resolved_col, hours_col, data[limit_col])
        spec["within_limit_share"] = ("in_time", "mean")
    if reopened_col in data:
        frame["reopened"] = data[reopened_col].where(resolved).astype(float)
        spec["reopen_rate"] = ("reopened", "mean")
    if contacts_col in data:
        frame["contacts"] = data[contacts_col]
        spec["mean_contacts"] = ("contacts", "mean")
    table = _grouped(frame.assign(**{b: data[b] for b in groups}), groups).agg(**spec)
    table.index.names = groups or [None]
    return _tidy_index(table, groups)


def time_limit_attainment(
    tickets: pd.DataFrame,
    limits: Mapping[Any, float] | None = None,
    *,
    by: str = "stage",
    cost_per_late_ticket: float = 0.0,
    confidence: float = 0.95,
    ticket_col: str = "ticket_id",
    resolved_col: str = "resolved",
    hours_col: str = "hours_to_resolve",
    limit_col: str = "time_limit_hours",
) -> pd.DataFrame:
    """The share of tickets closed within the time limit of their stage, for the limits you choose.

    Lesson 06, framework: the closed loop's time limits (deck 002: 从收集、
    分类、汇总、处理、反馈、闭环等方面规定了时限和责任) and service-level
    attainment. Per group (stage by default)::

        in_time        = tickets resolved within the limit (hours_to_resolve <= limit)
        in_time_share  = in_time / tickets,  with a Wilson (1927) interval
        late           = tickets - in_time   (unresolved ones are late)
        late_cost      = late x cost_per_late_ticket   (e.g. a goodwill voucher per broken promise)

    ``limits=None`` judges each ticket against its own ``limit_col``;
    a dict (e.g. ``{"pre-sale": 24, "in-sale": 8, "after-sale": 72}``)
    tries other limits on the same tickets: a tighter promise is kept less
    often, a looser one is worth less to the customer (the "Try it").

    Parameters
    ----------
    tickets : DataFrame
        One row per service contact.
    limits : dict, optional
        Hours per label of ``by``; every label in the data needs one.
    by : str
        The column the limits depend on (default "stage").
    cost_per_late_ticket : number
        Money per late ticket (0 or more).
    confidence : float
        Confidence level of the intervals, strictly between 0 and 1.
    ticket_col, resolved_col, hours_col, limit_col : str
        The names of those columns in your tickets table.

    Returns
    -------
    DataFrame
        Indexed by group: ``tickets``, ``limit_hours`` (the limit; from the
        column: its median in the group), ``in_time``, ``in_time_share``,
        ``lower``, ``upper``, ``late``, ``late_cost``.

    Raises
    ------
    DataError
        Missing columns, a label without a limit, a limit that is not a
        positive number, a bad cost or confidence.

    Examples
    --------
    >>> import pandas as pd
    >>> tickets = pd.DataFrame({"ticket_id": [1, 2, 3, 4], "stage": ["in-sale", "in-sale", "after-sale", "after-sale"],
    ...     "resolved": [True, True, True, False], "hours_to_resolve": [2.0, 12.0, 40.0, None],
    ...     "time_limit_hours": [8.0, 8.0, 72.0, 72.0]})
    >>> time_limit_attainment(tickets)[["limit_hours", "in_time", "in_time_share", "late"]]
                limit_hours  in_time  in_time_share  late
    stage
    after-sale         72.0        1            0.5     1
    in-sale             8.0        1            0.5     1
    >>> time_limit_attainment(tickets, {"in-sale": 24, "after-sale": 24}, cost_per_late_ticket=10)["late_cost"].tolist()
    [20.0, 0.0]
    >>> time_limit_attainment(tickets, {"in-sale": 24})
    Traceback (most recent call last):
    ...
    custlearn.DataError: limits has no time limit for "after-sale" (a label of the stage column). Give every label one, e.g. limits={"after-sale": 24, "in-sale": 24}.
    """
    confidence = require_confidence(confidence)
    cost = require_number(cost_per_late_ticket, argument="cost_per_late_ticket", minimum=0, example="5.0")
    columns = [Column(resolved_col, "flag", "resolved_col"), _hours(hours_col, "hours_col")]
    if limits is None:
        columns.append(Column(limit_col, "number", "limit_col", negative=False))
    data = _read(tickets, ticket_col, columns, [by])
    limit = data[limit_col] if limits is None else data[by].map(_limits(limits, data[by], by)).astype(float)
    frame = pd.DataFrame({by: data[by], "limit": limit, "in_time": _in_time(data, resolved_col, hours_col, limit)})
    table = _grouped(frame, [by]).agg(tickets=("in_time", "size"), limit_hours=("limit", "median"),
                                       in_time=("in_time", "sum"))
    table.index.name = by
    table["in_time"] = table["in_time"].astype(int)
    table["in_time_share"] = table["in_time"] / table["tickets"]
    table = _with_wilson(table, "in_time", "tickets", confidence)
    table["late"] = table["tickets"] - table["in_time"]
    table["late_cost"] = table["late"] * cost
    return table


def _limits(limits: Any, labels: pd.Series, by: str) -> dict:
    """The limits as {label: hours}, checked: a mapping, every label present, positive numbers."""
    found = sorted(pd.unique(labels.astype(str)))
    example = "{" + ", ".join(f'"{s}": 24' for s in found) + "}"
    if not isinstance(limits, Mapping):
        raise DataError(tr("limits must be a dict of hours per {by}, e.g. limits={example}, but a {kind} "
                           "was given.", by=by, example=example, kind=type(limits).__name__))
    text = {str(k): v for k, v in limits.items()}
    for label in found:
        if label not in text:
            raise DataError(tr('limits has no time limit for "{label}" (a label of the {by} column). Give '
                               "every label one, e.g. limits={example}.", label=label, by=by, example=example))
        if not (isinstance(text[label], (int, float, np.integer, np.floating)) and not isinstance(text[label], bool)
                and np.isfinite(text[label]) and text[label] > 0):
            raise DataError(tr('The time limit for "{label}" must be a number of hours greater than 0, '
                               "but {text!r} was given. For example limits={example}.",
                               label=label, text=text[label], example=example))
    return {label: float(text[str(label)]) for label in pd.unique(labels)}


def backlog(
    tickets: pd.DataFrame,
    at: Any,
    *,
    by: str | None = None,
    ticket_col: str = "ticket_id",
    opened_col: str = "opened_at",
    resolved_col: str = "resolved",
    hours_col: str = "hours_to_resolve",
    limit_col: str | None = "time_limit_hours",
) -> pd.DataFrame:
    """The backlog: tickets still open at the end of each day of ``at``, and how many of them are overdue.

    Lesson 06, framework: the closed loop of deck 002 (闭环, with time
    limits): a ticket is open from the moment it is opened until it is
    resolved; the backlog is the loop still open. At the end of day ``d``::

        open     = opened before the end of d, and not resolved by then
                   (opened_at + hours_to_resolve later, or never resolved)
        overdue  = open, and open for longer than its time limit

    Parameters
    ----------
    tickets : DataFrame
        One row per service contact.
    at : date or list of dates
        The days to count at (each at its end, midnight).
    by : str, optional
        A column to split the backlog by (e.g. "owner_team").
    ticket_col, opened_col, resolved_col, hours_col : str
        The names of those columns in your tickets table.
    limit_col : str or None
        The time limit column; None (or a table without it) leaves
        ``overdue`` out.

    Returns
    -------
    DataFrame
        Indexed by ``date`` (and the group): ``open`` and ``overdue``.

    Raises
    ------
    DataError
        Missing columns or values, an unreadable date.

    Examples
    --------
    >>> import pandas as pd
    >>> tickets = pd.DataFrame({"ticket_id": [1, 2, 3],
    ...     "opened_at": pd.to_datetime(["2025-03-01 09:00", "2025-03-01 10:00", "2025-03-02 08:00"]),
    ...     "resolved": [True, False, True], "hours_to_resolve": [5.0, None, 30.0],
    ...     "time_limit_hours": [24.0, 24.0, 72.0]})
    >>> backlog(tickets, ["2025-03-01", "2025-03-03"])
                open  overdue
    date
    2025-03-01     1        0
    2025-03-03     1        1
    >>> backlog(tickets, "the first of March")
    Traceback (most recent call last):
    ...
    custlearn.DataError: at="the first of March" is not a date. Give it as "YYYY-MM-DD", e.g. at="2025-12-31".
    """
    days = [as_timestamp(d, argument="at").normalize() for d in ([at] if isinstance(at, (str, pd.Timestamp)) or
                                                                 not isinstance(at, Iterable) else at)]
    columns = [Column(opened_col, "date", "opened_col"), Column(resolved_col, "flag", "resolved_col"),
               _hours(hours_col, "hours_col"),
               *optional_column(limit_col, "number", "limit_col", default="time_limit_hours", negative=False)]
    groups = _by_columns(by)
    data = _read(tickets, ticket_col, columns, groups)
    opened = data[opened_col]
    done = opened + pd.to_timedelta(data[hours_col].where(data[resolved_col].to_numpy(bool)), unit="h")
    rows = []
    for day in days:
        end = day + pd.Timedelta(days=1)
        is_open = (opened < end) & ~(done < end)
        frame = pd.DataFrame({"date": day, "open": is_open.to_numpy()}, index=data.index)
        if limit_col in data:
            age = (end - opened).dt.total_seconds() / 3600
            frame["overdue"] = (is_open & (age > data[limit_col])).to_numpy()
        rows.append(frame.assign(**{b: data[b] for b in groups}))
    frame = pd.concat(rows)
    return frame.groupby(["date", *groups], observed=True, sort=True).sum().astype(int)


def closed_loop(
    tickets: pd.DataFrame,
    *,
    by: str | list[str] = ("owner_team", "stage"),
    confidence: float = 0.95,
    ticket_col: str = "ticket_id",
    resolved_col: str = "resolved",
    hours_col: str = "hours_to_resolve",
    limit_col: str = "time_limit_hours",
    follow_up_col: str | None = "follow_up_call",
    rating_col: str | None = "resolution_satisfaction",
) -> pd.DataFrame:
    """The closed information loop per owner and stage: handled, closed within the limit, fed back.

    Lesson 06, framework: deck 002's closed loop (建立客户信息渠道, 从收集、
    分类、汇总、处理、反馈、闭环等方面规定了时限和责任: every step with a
    time limit and a named owner). Per group (owner team and stage)::

        tickets         collected and classified (收集, 分类)
        handled_share   resolved / tickets (处理)
        closed_in_time  resolved within the ticket's time limit / tickets (闭环 in time),
                        with a Wilson (1927) interval
        feedback_share  the customer heard back: a follow-up call or a rating (反馈)
        open_tickets    not resolved: the loop is still open

    Parameters
    ----------
    tickets : DataFrame
        One row per service contact.
    by : str or list of str
        The owner and stage columns (or any grouping).
    confidence : float
        Confidence level of the intervals, strictly between 0 and 1.
    ticket_col, resolved_col, hours_col, limit_col : str
        The names of those columns in your tickets table.
    follow_up_col, rating_col : str or None
        What counts as feedback; None (or a table without them) leaves
        one out (without both, ``feedback_share`` is left out).

    Returns
    -------
    DataFrame
        Indexed by the groups: ``tickets``, ``handled_share``,
        ``closed_in_time``, ``lower``, ``upper``, ``feedback_share``,
        ``open_tickets``.

    Raises
    ------
    DataError
        Missing columns or values, a bad confidence.

    Examples
    --------
    >>> import pandas as pd
    >>> tickets = pd.DataFrame({"ticket_id": [1, 2, 3], "owner_team": ["logistics"] * 3, "stage": "after-sale",
    ...     "resolved": [True, True, False], "hours_to_resolve": [10.0, 100.0, None],
    ...     "time_limit_hours": 72.0, "follow_up_call": [True, False, False],
    ...     "resolution_satisfaction": pd.array([pd.NA, 4, pd.NA], dtype="Int64")})
    >>> print(closed_loop(tickets).round(3).to_string())
                          tickets  handled_share  closed_in_time  lower  upper  feedback_share  open_tickets
    owner_team stage
    logistics  after-sale       3          0.667           0.333  0.061  0.792           0.667             1
    >>> closed_loop(tickets, by="team")
    Traceback (most recent call last):
    ...
    custlearn.DataError: The column "team" is not in the tickets table. The table has these columns: ticket_id, owner_team, stage, resolved, hours_to_resolve, time_limit_hours, follow_up_call, resolution_satisfaction. If your data calls it something else, pass by="<your column name>".
    """
    confidence = require_confidence(confidence)
    groups = _by_columns(by)
    columns = [Column(resolved_col, "flag", "resolved_col"), _hours(hours_col, "hours_col"),
               Column(limit_col, "number", "limit_col", negative=False),
               *optional_column(follow_up_col, "flag", "follow_up_col", default="follow_up_call"),
               *optional_column(rating_col, "number", "rating_col", default="resolution_satisfaction",
                                missing="keep")]
    data = _read(tickets, ticket_col, columns, groups)
    resolved = data[resolved_col].to_numpy(dtype=bool)
    frame = pd.DataFrame({"resolved": resolved, "in_time": _in_time(data, resolved_col, hours_col, data[limit_col])},
                         index=data.index).assign(**{b: data[b] for b in groups})
    feedback = [data[follow_up_col].to_numpy(bool)] if follow_up_col in data else []
    feedback += [data[rating_col].notna().to_numpy()] if rating_col in data else []
    spec = {"tickets": ("resolved", "size"), "handled": ("resolved", "sum"), "in_time": ("in_time", "sum")}
    if feedback:
        frame["feedback"] = np.logical_or.reduce(feedback)
        spec["feedback_share"] = ("feedback", "mean")
    table = _with_wilson(_grouped(frame, groups).agg(**spec), "in_time", "tickets", confidence)
    table.index.names = groups
    table["handled_share"] = table["handled"] / table["tickets"]
    table["closed_in_time"] = table["in_time"] / table["tickets"]
    table["open_tickets"] = (table["tickets"] - table["handled"]).astype(int)
    order = ["tickets", "handled_share", "closed_in_time", "lower", "upper", "feedback_share", "open_tickets"]
    return table[[c for c in order if c in table]]
