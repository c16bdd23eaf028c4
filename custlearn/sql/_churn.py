"""Lesson 09: lesson 07's churn labels (non-contractual and contractual) in SQL."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from custlearn._errors import DataError
from custlearn._i18n import tr
from custlearn._validate import as_timestamp, require_choice, require_window
from custlearn.churn._define import _AT_RISK_QUANTILE, CONTRACTUAL_WINDOW_DAYS, KINDS, _window_end
from custlearn.sql._engines import Engine, open_engine, run
from custlearn.sql._inputs import Source, customers_source, id_index, orders_source, typed

__all__ = ["label_churn"]


def _default_window(runner: Engine, slots: dict[str, str], cutoff: pd.Timestamp) -> int:
    """Lesson 02's "at risk" gap: the 90% quantile of the repeat-purchase gaps up to the cut-off.

    The SQL counts the gaps per length; the quantile is numpy's (linear), as in pandas.
    """
    gaps = run(runner, "purchase_gaps", slots, {"cutoff": f"{cutoff:%Y-%m-%d}"})
    values = np.repeat(gaps["gap"].to_numpy(dtype=float), gaps["times"].to_numpy(dtype=np.int64))
    if len(values) < 2:
        raise DataError(
            tr("Only {n} gap(s) between repeat purchases were found, too few to set a default churn "
               "window from the data. Pass window_days=... yourself (e.g. window_days=90).", n=len(values))
        )
    return int(np.ceil(np.quantile(values, _AT_RISK_QUANTILE)))


def _known(runner: Engine, order_slots: dict[str, str], customer_slots: dict[str, str]) -> None:
    """Every customer id of the orders must be in the customers table."""
    found = run(runner, "check_known", {**order_slots, "customers": customer_slots["customers"]}, {}).iloc[0]
    if int(found["unknown"]):
        raise DataError(
            tr("{unknown} customer id(s) in the orders table are not in the customers table (e.g. "
               "{example}). Use the same ids in both tables.",
               unknown=int(found['unknown']), example=found['example'])
        )


def _typed_labels(answer: pd.DataFrame, kind: str, src: Source, customer_col: str) -> pd.DataFrame:
    """The engine's labels with the dtypes of ``churn.label_churn``."""
    if kind == "contractual":
        spec = {"signup_date": "day", "closed": "day", "tenure_days": "int", "days_to_close": "Int64",
                "churned": "bool"}
    else:
        spec = {"signup_date": "day", "purchases_before": "int", "last_purchase": "day", "days_since_last": "int",
                "next_purchase": "day", "days_to_next": "Int64", "churned": "bool"}
    out = typed(answer, spec, unit=src.date_unit)
    out.index = id_index(answer["customer"], src, customer_col)
    return out


def label_churn(
    customers: Any,
    orders: Any,
    cutoff: Any,
    *,
    window_days: int | None = None,
    kind: str = "non-contractual",
    as_of: Any = None,
    customer_col: str = "customer_id",
    signup_col: str = "signup_date",
    date_col: str = "order_date",
    closed_col: str = "account_closed",
    engine: str = "duckdb",
    connection: Any = None,
    spark: Any = None,
) -> pd.DataFrame:
    """Who churned in the ``window_days`` after a cut-off, labelled in SQL: as ``churn.label_churn``.

    Lesson 09, framework: churn definitions (Fader & Hardie 2009; Ascarza et
    al. 2018), the labels of lesson 07:

    * non-contractual: the customers bought on or before ``cutoff``; one
      **churned** if no purchase day falls in ``cutoff < day <= cutoff +
      window_days`` (default window: the 90% quantile of the gaps between
      repeat purchases up to the cut-off, rounded up);
    * contractual: the account is open at the end of ``cutoff``; one
      **churned** if ``closed_col`` falls in the window (default 182 days).

    Parameters
    ----------
    customers : DataFrame, str or path
        One row per customer: id, sign-up date (and ``closed_col``, contractual).
    orders : DataFrame, str, path or None
        The orders (needed for non-contractual churn; contractual: only for
        the last day observed, or pass ``as_of``).
    cutoff : date
        The day of the prediction.
    window_days : int, optional
    kind : {"non-contractual", "contractual"}
    as_of : date, optional
        Last day observed (default: the last order's day).
    customer_col, signup_col, date_col, closed_col : str
        Column names.
    engine, connection, spark
        As in :func:`custlearn.sql.rfm`.

    Returns
    -------
    DataFrame
        The columns of ``churn.label_churn`` (indexed by customer id, sorted)
        and its ``attrs`` (cutoff, window_days, kind, as_of).

    Raises
    ------
    DataError
        As ``churn.label_churn``: missing columns or values, repeated ids,
        unknown customers in the orders, a window ending after ``as_of``.

    Examples
    --------
    >>> import pandas as pd
    >>> from custlearn import sql
    >>> customers = pd.DataFrame({"customer_id": [1, 2, 3],
    ...     "signup_date": ["2024-01-01", "2024-01-01", "2024-03-01"]})
    >>> orders = pd.DataFrame({"customer_id": [1, 1, 2, 3],
    ...     "order_date": ["2024-01-10", "2024-02-20", "2024-01-15", "2024-03-05"]})
    >>> labels = sql.label_churn(customers, orders, "2024-01-31", window_days=30, as_of="2024-03-31")
    >>> labels[["purchases_before", "days_since_last", "days_to_next", "churned"]]
                 purchases_before  days_since_last  days_to_next  churned
    customer_id
    1                           1               21            20    False
    2                           1               16          <NA>     True
    """
    kind = require_choice(kind, KINDS, argument="kind")
    cutoff = as_timestamp(cutoff, argument="cutoff").normalize()
    if window_days is not None:
        window_days = require_window(window_days, argument="window_days")
    if orders is None and kind == "non-contractual":
        raise DataError(tr("Non-contractual churn is read from purchases: pass the orders table, or use "
                           'kind="contractual" if your customers close accounts.'))
    with open_engine(engine, connection, spark) as runner:
        src, people = customers_source(runner, customers, customer_col=customer_col, signup_col=signup_col,
                                       closed_col=closed_col if kind == "contractual" else None)
        slots, counts = {}, {"row_count": 0}
        if orders is not None:
            _osrc, slots, counts = orders_source(runner, orders, customer_col=customer_col, date_col=date_col)
        if as_of is not None:
            end = as_timestamp(as_of, argument="as_of").normalize()
        elif int(counts["row_count"]):
            end = pd.Timestamp(counts["last_day"])
        else:
            raise DataError(tr("as_of (the last day observed) is needed when there are no orders to read "
                               'it from. Pass as_of="YYYY-MM-DD", e.g. as_of="2025-12-31".'))
        if window_days is None:
            window_days = CONTRACTUAL_WINDOW_DAYS if kind == "contractual" else _default_window(runner, slots, cutoff)
        window_end = _window_end(cutoff, window_days, end)
        values = {"cutoff": f"{cutoff:%Y-%m-%d}", "as_of": f"{end:%Y-%m-%d}", "window_end": f"{window_end:%Y-%m-%d}"}
        if kind == "contractual":
            answer = run(runner, "label_churn_contractual", people, values)
        else:
            _known(runner, slots, people)
            answer = run(runner, "label_churn", {**slots, "customers": people["customers"],
                                                 "signup": people["signup"]}, values)
    if answer.empty:
        raise DataError(
            tr("No customer is a customer at the cut-off {cutoff} ({rule}). Choose a later cut-off.",
               cutoff=cutoff.date(),
               rule=tr("an open account") if kind == "contractual" else tr("a purchase on or before it"))
        )
    out = _typed_labels(answer, kind, src, customer_col)
    columns = list(out.columns)
    out.insert(columns.index("churned"), "window_end", window_end)
    out.attrs.update({"cutoff": cutoff, "window_days": window_days, "kind": kind, "as_of": end})
    return out
