"""Lesson 06, what kind of service: deck 001's six ways to classify a service, measured on the tickets.

Deck 001 (第七章 客户服务管理, 客户服务的分类) classifies services six ways:
by timing (售前/售中/售后), nature (技术性/非技术性), place (定点/巡回), fee
(免费/收费), duration (长期/中期/短期) and frequency (一次性/经常性).
:func:`classify_services` gives each ticket its label in all six;
:func:`service_mix` counts them.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from custlearn._errors import DataError
from custlearn._i18n import tr
from custlearn._tables import Column, read_result, read_tickets
from custlearn._validate import _list, require_positive

__all__ = ["SERVICE_CLASSIFICATIONS", "classify_services", "service_mix"]

#: Deck 001's six ways to classify a service (客户服务的分类), each quoted, with the labels
#: :func:`classify_services` gives and what in the tickets measures it.
SERVICE_CLASSIFICATIONS: dict[str, dict[str, Any]] = {
    "timing": {"deck": "按服务的时序分: 售前服务、售中服务、售后服务",
               "labels": ["pre-sale", "in-sale", "after-sale"], "measured_by": "the ticket's stage"},
    "nature": {"deck": "按服务的性质分: 技术性服务、非技术性服务",
               "labels": ["technical", "non-technical"], "measured_by": "technical (True/False)"},
    "place": {"deck": "按服务有无固定地点分: 定点服务、巡回服务",
              "labels": ["fixed point", "visit"], "measured_by": "on_site_visit (True: someone went out)"},
    "fee": {"deck": "按服务是否收费分: 免费服务、收费服务",
            "labels": ["free", "paid"], "measured_by": "paid (True/False)"},
    "duration": {"deck": "按服务的时间长短分: 长期服务、中期服务、短期服务",
                 "labels": ["short", "medium", "long", "unresolved"],
                 "measured_by": "hours to resolve (a proxy: under short_hours, under long_hours, longer)"},
    "frequency": {"deck": "按服务的频度分: 一次性服务、经常性服务",
                  "labels": ["one-off", "recurring"],
                  "measured_by": "the customer's tickets in the table (one, or more than one)"},
}


def classify_services(
    tickets: pd.DataFrame,
    *,
    short_hours: float = 24,
    long_hours: float = 168,
    ticket_col: str = "ticket_id",
    customer_col: str = "customer_id",
    stage_col: str = "stage",
    technical_col: str = "technical",
    visit_col: str = "on_site_visit",
    paid_col: str = "paid",
    resolved_col: str = "resolved",
    hours_col: str = "hours_to_resolve",
) -> pd.DataFrame:
    """Each service contact labelled in deck 001's six classifications.

    Lesson 06, framework: the classification of customer services
    (客户服务的分类, deck 001 chapter 7 section 1): by timing 售前/售中/售后,
    by nature 技术性/非技术性, by place 定点/巡回, by fee 免费/收费, by
    duration 长期/中期/短期 and by frequency 一次性/经常性. Per ticket::

        timing     = its stage (pre-sale, in-sale, after-sale, as recorded)
        nature     = "technical" if technical else "non-technical"
        place      = "visit" (巡回) if someone went to the customer, else "fixed point" (定点)
        fee        = "paid" if paid else "free"
        duration   = "short" (resolved in under short_hours), "medium" (under
                     long_hours), "long", or "unresolved"
        frequency  = "recurring" if the customer has more than one ticket in
                     the table, else "one-off"

    Duration and frequency are proxies: the deck means service contracts of
    different lengths and services given once or regularly; a ticket's time
    to resolve and a customer's repeat contacts are what the tickets show.
    :data:`SERVICE_CLASSIFICATIONS` lists the deck's words and the labels.

    Parameters
    ----------
    tickets : DataFrame
        One row per service contact.
    short_hours, long_hours : number
        The bounds of the duration classes, in hours (0 < short < long).
    ticket_col, customer_col, stage_col, technical_col, visit_col, paid_col, resolved_col, hours_col : str
        The names of those columns in your tickets table (``hours_col`` may
        be blank for an unresolved ticket).

    Returns
    -------
    DataFrame
        Indexed by ticket: ``timing``, ``nature``, ``place``, ``fee``,
        ``duration``, ``frequency`` (categoricals in the order of
        :data:`SERVICE_CLASSIFICATIONS`; timing keeps your stage labels).

    Raises
    ------
    DataError
        Missing columns or values, a flag that is not True/False, a resolved
        ticket without its hours, bounds out of order.

    Examples
    --------
    >>> import pandas as pd
    >>> tickets = pd.DataFrame({"ticket_id": [1, 2, 3], "customer_id": [7, 7, 8],
    ...     "stage": ["pre-sale", "after-sale", "after-sale"], "technical": [False, True, True],
    ...     "on_site_visit": [False, True, False], "paid": [False, True, False],
    ...     "resolved": [True, True, False], "hours_to_resolve": [2.0, 50.0, None]})
    >>> classify_services(tickets)
                    timing         nature        place  fee    duration  frequency
    ticket_id
    1             pre-sale  non-technical  fixed point  free       short  recurring
    2           after-sale      technical        visit  paid      medium  recurring
    3           after-sale      technical  fixed point  free  unresolved    one-off
    >>> classify_services(tickets, short_hours=200)
    Traceback (most recent call last):
    ...
    custlearn.DataError: short_hours (200) must be below long_hours (168): a short service ends before a long one starts. Pass e.g. short_hours=24, long_hours=168.
    """
    short_hours = require_positive(short_hours, argument="short_hours", example="24")
    long_hours = require_positive(long_hours, argument="long_hours", example="168")
    if short_hours >= long_hours:
        raise DataError(tr("short_hours ({short_hours:g}) must be below long_hours ({long_hours:g}): a "
                           "short service ends before a long one starts. Pass e.g. short_hours=24, long_hours=168.",
                           short_hours=short_hours, long_hours=long_hours))
    extra = [Column(stage_col, "label", "stage_col"), Column(technical_col, "flag", "technical_col"),
             Column(visit_col, "flag", "visit_col"), Column(paid_col, "flag", "paid_col"),
             Column(resolved_col, "flag", "resolved_col"),
             Column(hours_col, "number", "hours_col", missing="keep", negative=False)]
    data = read_tickets(tickets, customer_col=customer_col, opened_col=None, ticket_col=ticket_col, extra=extra)
    resolved = data[resolved_col].to_numpy(dtype=bool)
    hours = data[hours_col].to_numpy(dtype=float)
    _require_hours(data, resolved, hours, hours_col, ticket_col)
    out = pd.DataFrame({
        "timing": data[stage_col].astype(str).to_numpy(),
        "nature": np.where(data[technical_col].to_numpy(dtype=bool), "technical", "non-technical"),
        "place": np.where(data[visit_col].to_numpy(dtype=bool), "visit", "fixed point"),
        "fee": np.where(data[paid_col].to_numpy(dtype=bool), "paid", "free"),
        "duration": np.select([~resolved, hours < short_hours, hours < long_hours],
                              ["unresolved", "short", "medium"], "long"),
        "frequency": np.where(data[customer_col].duplicated(keep=False).to_numpy(), "recurring", "one-off"),
    }, index=pd.Index(data[ticket_col].to_numpy(), name=ticket_col))
    for name, spec in SERVICE_CLASSIFICATIONS.items():
        labels = spec["labels"] if name != "timing" else _stage_order(out["timing"], spec["labels"])
        out[name] = pd.Categorical(out[name], categories=labels)
    out.attrs.update({"short_hours": short_hours, "long_hours": long_hours})
    return out


def _require_hours(data: pd.DataFrame, resolved: np.ndarray, hours: np.ndarray, hours_col: str,
                   ticket_col: str) -> None:
    """A resolved ticket needs its hours to resolve: its duration class depends on them."""
    blank = resolved & np.isnan(hours)
    if blank.any():
        raise DataError(
            tr('{n} resolved ticket(s) have no "{hours_col}" (e.g. {ticket_col} {data}), but a resolved '
               "ticket's duration needs its hours. Fill them, or mark those tickets unresolved on purpose.",
               n=int(blank.sum()), hours_col=hours_col, ticket_col=ticket_col,
               data=data.loc[blank, ticket_col].iloc[0])
        )


def _stage_order(stages: pd.Series, known: list[str]) -> list[str]:
    """The course's stage labels first (pre-, in-, after-sale), then any other label the data use."""
    found = list(pd.unique(stages))
    return [s for s in known if s in found] + sorted(s for s in found if s not in known)


def service_mix(classified: pd.DataFrame, by: str | list[str] = "timing") -> pd.DataFrame:
    """How the services split by one classification (or two, crossed): counts and shares.

    Lesson 06, framework: the service mix by deck 001's classifications
    (客户服务的分类). For each label of ``by``::

        services = tickets with that label
        share    = services / all tickets

    With two classifications (e.g. ``["timing", "nature"]``) each pair of
    labels gets a row, and ``share_within`` is its share of the first
    label's tickets (e.g. how much of after-sale service is technical).

    Parameters
    ----------
    classified : DataFrame
        The result of :func:`classify_services`.
    by : str or list of two str
        Names among ``timing``, ``nature``, ``place``, ``fee``, ``duration``,
        ``frequency``.

    Returns
    -------
    DataFrame
        Indexed by label (or by the two labels): ``services``, ``share``
        (and ``share_within`` for two); labels without services are left out.

    Raises
    ------
    DataError
        ``classified`` is not the table of :func:`classify_services`, or
        ``by`` names something else.

    Examples
    --------
    >>> import pandas as pd
    >>> tickets = pd.DataFrame({"ticket_id": [1, 2, 3, 4], "customer_id": [1, 2, 3, 4],
    ...     "stage": ["pre-sale", "after-sale", "after-sale", "after-sale"],
    ...     "technical": [False, True, True, False], "on_site_visit": False, "paid": False,
    ...     "resolved": True, "hours_to_resolve": [1.0, 2.0, 3.0, 4.0]})
    >>> service_mix(classify_services(tickets), "timing")
                services  share
    timing
    pre-sale           1   0.25
    after-sale         3   0.75
    >>> service_mix(classify_services(tickets), ["timing", "nature"])["share_within"].round(3).tolist()
    [1.0, 0.667, 0.333]
    >>> service_mix(classify_services(tickets), "stage")
    Traceback (most recent call last):
    ...
    custlearn.DataError: by="stage" is not a classification of the services. Use one or two of: timing, nature, place, fee, duration, frequency (deck 001's six ways), e.g. by="timing" or by=["timing", "nature"].
    """
    names = [by] if isinstance(by, str) else list(by) if isinstance(by, (list, tuple)) else [by]
    bad = [b for b in names if b not in SERVICE_CLASSIFICATIONS]
    if bad or not 1 <= len(names) <= 2:
        given = f'"{by}"' if isinstance(by, str) else repr(by)
        raise DataError(
            tr("by={given} is not a classification of the services. Use one or two of: "
               "{SERVICE_CLASSIFICATIONS} (deck 001's six ways), e.g. by=\"timing\" or by=[\"timing\", "
               '"nature"].', given=given, SERVICE_CLASSIFICATIONS=_list(SERVICE_CLASSIFICATIONS))
        )
    data = read_result(classified, [Column(b, "label", "by") for b in names], table="classified",
                       made_by="classify_services", min_rows=1)
    counts = data.groupby(names, observed=True).size()
    table = pd.DataFrame({"services": counts.astype(int), "share": counts / len(data)})
    if len(names) == 2:
        table["share_within"] = counts / counts.groupby(level=0, observed=True).transform("sum")
    return table
