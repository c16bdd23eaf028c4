"""Service recovery: how each complaint ended, shared by the lessons that read complaints.

Lesson 02 (rupture and repair) and lesson 06 (complaint management, churn by
complaint outcome) sort complaints by the same rule, so the rule and its
names live here, on the ground floor:

- a complaint is **resolved well** when it was resolved within ``fast_hours``
  and the customer rated the resolution ``good_rating`` or better;
- **resolved, not rated** when it was resolved fast but nobody asked the
  customer;
- **resolved poorly** when it was resolved, but slowly or rated lower;
- **unresolved** otherwise.

Speed and the customer's own verdict are the two levers of the
service-recovery literature (Smith, Bolton & Wagner 1999, *Journal of
Marketing Research* 36(3), 356-372).

The steps work on the clean complaints of :func:`read_complaints` (columns
``customer``, ``opened``, ``resolved``, ``hours``, ``rating``), read once by
:func:`custlearn._tables.read_tickets`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np
import pandas as pd

from custlearn._i18n import N_
from custlearn._tables import Column, Scale, read_tickets

__all__ = [
    "OUTCOMES",
    "NO_COMPLAINT",
    "COMPLAINT_GROUPS",
    "read_complaints",
    "outcome_of",
    "as_known_at",
    "first_complaints",
]

#: Outcomes of a complaint, from best to worst.
OUTCOMES: list[str] = ["resolved well", "resolved, not rated", "resolved poorly", "unresolved"]

#: The group of customers who never complained.
NO_COMPLAINT = "no complaint"

#: Customers grouped by their first complaint, best to worst, those who never complained first.
COMPLAINT_GROUPS: list[str] = [NO_COMPLAINT, *OUTCOMES]

_HOURS_FIX = N_("Hours are counted from the moment the ticket was opened: check the sign of those rows.")


def read_complaints(
    tickets: Any,
    *,
    customer_col: str | None = "customer_id",
    opened_col: str = "opened_at",
    complaint_col: str | None = "is_complaint",
    resolved_col: str = "resolved",
    hours_col: str = "hours_to_resolve",
    rating_col: str = "resolution_satisfaction",
    ticket_col: str | None = None,
    extra: Iterable[Column] = (),
    arguments: Mapping[str, str] | None = None,
) -> pd.DataFrame:
    """The complaints among the tickets, checked: ``customer``, ``opened``, ``resolved``, ``hours``, ``rating``.

    ``complaint_col=None`` takes every ticket as a complaint. ``hours`` and
    ``rating`` may be blank (not resolved, not rated); a resolved flag must be
    there. ``arguments`` maps a role (``"resolved"``, ``"hours"``,
    ``"rating"``, ``"complaint"``, ``"customer"``, ``"opened"``,
    ``"ticket"``) to the keyword the calling function uses for that column.
    ``extra`` columns come back under their own names.

    Examples
    --------
    >>> import pandas as pd
    >>> tickets = pd.DataFrame({"customer_id": [1, 2], "opened_at": ["2024-01-05 10:00", "2024-01-06"],
    ...     "is_complaint": [True, False], "resolved": [True, True], "hours_to_resolve": [5.0, 1.0],
    ...     "resolution_satisfaction": [4, None]})
    >>> read_complaints(tickets)
       customer              opened  resolved  hours  rating
    0         1 2024-01-05 10:00:00      True    5.0     4.0
    >>> read_complaints(tickets.assign(hours_to_resolve=["5 h", "1 h"]))
    Traceback (most recent call last):
    ...
    custlearn.DataError: The column "hours_to_resolve" of the tickets table holds text (dtype ...), but numbers are expected. ...
    """
    args = dict(arguments or {})
    columns = [
        Column(resolved_col, "flag", args.get("resolved")),
        Column(hours_col, "number", args.get("hours"), missing="keep", negative=False, negative_fix=_HOURS_FIX),
        Column(rating_col, "number", args.get("rating"), missing="keep", scale=Scale(1, 5)),
    ]
    if complaint_col is not None:
        columns.append(Column(complaint_col, "flag", args.get("complaint")))
    clean = read_tickets(tickets, customer_col=customer_col, opened_col=opened_col, ticket_col=ticket_col,
                         extra=[*columns, *extra], arguments=args)
    if complaint_col is not None:
        clean = clean[clean[complaint_col].to_numpy()]
    names = {opened_col: "opened", resolved_col: "resolved", hours_col: "hours", rating_col: "rating"}
    if customer_col is not None:
        names = {customer_col: "customer", **names}
    others = [c for c in clean.columns if c not in names and c != complaint_col]
    return clean[[*names, *others]].rename(columns=names)


def outcome_of(resolved: pd.Series, hours: pd.Series, rating: pd.Series, *, fast_hours: float,
               good_rating: float) -> np.ndarray:
    """The outcome of each complaint by the rule above (an array of :data:`OUTCOMES` names).

    Examples
    --------
    >>> import pandas as pd
    >>> outcome_of(pd.Series([True, True, True, False]), pd.Series([5.0, 5.0, 90.0, None]),
    ...            pd.Series([5.0, None, 5.0, None]), fast_hours=48, good_rating=4).tolist()
    ['resolved well', 'resolved, not rated', 'resolved poorly', 'unresolved']
    """
    fast = (hours <= fast_hours).to_numpy()
    rated = rating.notna().to_numpy()
    good = (rating >= good_rating).to_numpy()
    return np.select(
        [~resolved.to_numpy(dtype=bool), fast & good, fast & ~rated],
        ["unresolved", "resolved well", "resolved, not rated"],
        default="resolved poorly",
    )


def as_known_at(complaints: pd.DataFrame, moment: pd.Timestamp) -> pd.DataFrame:
    """The complaints opened before ``moment``, as they stood at ``moment``.

    A complaint resolved after ``moment`` was still unresolved then, and its
    rating unknown: counting it as resolved would leak the future into an
    analysis made at ``moment``.

    Examples
    --------
    >>> import pandas as pd
    >>> c = pd.DataFrame({"customer": [1, 2], "opened": pd.to_datetime(["2024-03-31 20:00", "2024-03-30 09:00"]),
    ...     "resolved": [True, True], "hours": [10.0, 2.0], "rating": [5.0, 4.0]})
    >>> as_known_at(c, pd.Timestamp("2024-04-01"))[["resolved", "hours", "rating"]]
       resolved  hours  rating
    0     False    NaN     NaN
    1      True    2.0     4.0
    """
    known = complaints[(complaints["opened"] < moment).to_numpy()].copy()
    done_by = known["opened"] + pd.to_timedelta(known["hours"], unit="h")
    resolved_then = known["resolved"].to_numpy(dtype=bool) & (done_by < moment).to_numpy()
    known["resolved"] = resolved_then
    known["hours"] = known["hours"].where(resolved_then)
    known["rating"] = known["rating"].where(resolved_then)
    return known


def first_complaints(complaints: pd.DataFrame, *, fast_hours: float = 48, good_rating: float = 4) -> pd.DataFrame:
    """Each customer's first complaint and how it ended, with the number of complaints.

    Returns a table indexed by ``customer``: ``first_complaint`` (when it was
    opened), ``complaints``, ``hours_to_resolve``, ``rating`` and ``outcome``
    (an ordered categorical of :data:`OUTCOMES`).

    Examples
    --------
    >>> import pandas as pd
    >>> c = pd.DataFrame({"customer": [2, 1, 2], "opened": pd.to_datetime(["2024-02-01", "2024-01-05", "2024-01-03"]),
    ...     "resolved": [True, True, False], "hours": [10.0, 20.0, None], "rating": [5.0, 5.0, None]})
    >>> first_complaints(c)[["complaints", "outcome"]]
              complaints         outcome
    customer
    1                  1   resolved well
    2                  2      unresolved
    """
    counts = complaints.groupby("customer").size()
    first = complaints.sort_values(["customer", "opened"], kind="stable").groupby("customer").head(1)
    first = first.set_index("customer")
    outcome = outcome_of(first["resolved"], first["hours"], first["rating"], fast_hours=fast_hours,
                         good_rating=good_rating)
    return pd.DataFrame({
        "first_complaint": first["opened"],
        "complaints": counts.reindex(first.index).astype(int),
        "hours_to_resolve": first["hours"],
        "rating": first["rating"],
        "outcome": pd.Categorical(outcome, categories=OUTCOMES, ordered=True),
    }, index=first.index)
