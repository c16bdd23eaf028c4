"""Names that moved to :mod:`custlearn.service` (issue 19): they keep working for one release, with a warning.

Complaint management is taught with customer service (lesson 06), so
:func:`custlearn.service.complaint_metrics` and
:func:`custlearn.service.churn_by_complaint_outcome` live there now. The old
names below call them and say so with a ``DeprecationWarning``; they will be
removed in the next release.
"""

from __future__ import annotations

import warnings
from typing import Any

import pandas as pd

from custlearn._i18n import tr

__all__ = ["complaint_metrics", "churn_by_complaint_outcome"]


def _moved(name: str) -> None:
    warnings.warn(
        tr("custlearn.churn.{name} is deprecated and will be removed in the next release: use "
           "custlearn.service.{name} (complaint management is part of lesson 06, customer service "
           "management). It takes the same arguments and gives the same table.", name=name),
        DeprecationWarning,
        stacklevel=3,  # point at the learner's line that called the old name
    )


def complaint_metrics(tickets: pd.DataFrame, **options: Any) -> pd.DataFrame:
    """Deprecated: use :func:`custlearn.service.complaint_metrics` (same arguments, same table).

    Lesson 06, framework: complaint management. Kept for one release so that
    code written for the old churn lesson still runs; it warns and calls the
    new name.

    Parameters
    ----------
    tickets : DataFrame
        One row per service contact.
    **options
        Any keyword of :func:`custlearn.service.complaint_metrics`.

    Returns
    -------
    DataFrame
        What :func:`custlearn.service.complaint_metrics` returns.

    Raises
    ------
    DataError
        As :func:`custlearn.service.complaint_metrics`.

    Examples
    --------
    >>> import warnings
    >>> import pandas as pd
    >>> tickets = pd.DataFrame({"ticket_id": [1, 2], "opened_at": pd.to_datetime(["2024-01-01"] * 2),
    ...     "is_complaint": True, "resolved": [True, False], "hours_to_first_response": [1.0, 5.0],
    ...     "hours_to_resolve": [10.0, None], "first_contact_resolution": [True, False],
    ...     "resolution_satisfaction": pd.array([5, pd.NA], dtype="Int64")})
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     table = complaint_metrics(tickets)
    >>> print(caught[0].category.__name__, str(caught[0].message).split(":")[0])
    DeprecationWarning custlearn.churn.complaint_metrics is deprecated and will be removed in the next release
    >>> float(table.loc["all", "recovery_rate"])
    0.5
    """
    _moved("complaint_metrics")
    from custlearn import service

    return service.complaint_metrics(tickets, **options)


def churn_by_complaint_outcome(labels: pd.DataFrame, tickets: pd.DataFrame, **options: Any) -> pd.DataFrame:
    """Deprecated: use :func:`custlearn.service.churn_by_complaint_outcome` (same arguments, same table).

    Lesson 06, framework: service recovery. Kept for one release; it warns
    and calls the new name.

    Parameters
    ----------
    labels : DataFrame
        Indexed by customer with a True/False churned column, e.g. from
        :func:`custlearn.churn.label_churn`.
    tickets : DataFrame
        Service contacts.
    **options
        Any keyword of :func:`custlearn.service.churn_by_complaint_outcome`.

    Returns
    -------
    DataFrame
        What :func:`custlearn.service.churn_by_complaint_outcome` returns.

    Raises
    ------
    DataError
        As :func:`custlearn.service.churn_by_complaint_outcome`.

    Examples
    --------
    >>> import warnings
    >>> import pandas as pd
    >>> labels = pd.DataFrame({"churned": [True, False]}, index=pd.Index([1, 2], name="customer_id"))
    >>> tickets = pd.DataFrame({"customer_id": [2], "opened_at": pd.to_datetime(["2024-01-05"]),
    ...     "is_complaint": True, "resolved": [True], "hours_to_resolve": [5.0],
    ...     "resolution_satisfaction": pd.array([5], dtype="Int64")})
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     table = churn_by_complaint_outcome(labels, tickets, cutoff="2024-01-31")
    >>> "custlearn.service.churn_by_complaint_outcome" in str(caught[0].message)
    True
    >>> table["customers"].tolist()
    [1, 1]
    """
    _moved("churn_by_complaint_outcome")
    from custlearn import service

    return service.churn_by_complaint_outcome(labels, tickets, **options)
