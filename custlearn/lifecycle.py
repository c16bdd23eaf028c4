"""Lesson 02 — relationship stages and the customer lifecycle (顾客关系 / 客户生命周期).

The decks describe a relationship that is established (建立), maintained (维护),
deepened (深化), and sometimes ruptured and repaired (断裂与修复), and a
customer who climbs from prospect to advocate. Published frameworks make the
same point: the *loyalty ladder* of Christopher, Payne & Ballantyne (1991,
*Relationship Marketing*, Butterworth-Heinemann) — prospect, customer, client,
supporter, advocate — and the relationship phases of Dwyer, Schurr & Oh (1987,
"Developing buyer-seller relationships", *Journal of Marketing* 51(2), 11-27)
— awareness, exploration, expansion, commitment, dissolution.

This module turns those stages into rules on data a company already has
(sign-ups, orders, and optionally survey answers), so a manager can count how
many customers sit at each stage on any date, see how they move between two
dates, and list who is about to leave.

The stages, and the rule that assigns each (the first rule that matches wins):

============  ==============================================================
stage         rule at the date ``as_of``
============  ==============================================================
prospect      signed up, no purchase yet
lost          last purchase more than ``lost_days`` ago
at risk       last purchase more than ``at_risk_days`` ago (lapsing)
won back      active again after a silence longer than ``at_risk_days``
advocate      2+ purchases, active, and a promoter (recommend 9-10 in the
              latest survey) or has referred a customer who signed up
repeat        2+ purchases, active
first-time    exactly one purchase, active
============  ==============================================================

"Active" means the last purchase is at most ``at_risk_days`` old. The two
thresholds default to the data's own rhythm: see :func:`default_thresholds`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
import pandas as pd

from custlearn._validate import (
    DataError,
    as_timestamp,
    require_columns,
    require_datetime,
    require_frame,
)

__all__ = [
    "STAGES",
    "default_thresholds",
    "assign_stages",
    "stage_counts",
    "transition_matrix",
    "complaint_outcomes",
    "OUTCOMES",
]

#: The stages in funnel order: the climb first, then the ways out.
STAGES: list[str] = ["prospect", "first-time", "repeat", "advocate", "won back", "at risk", "lost"]
NEW = "new (signed up later)"


def _purchase_days(orders: pd.DataFrame, customer_col: str, date_col: str, as_of: pd.Timestamp | None) -> pd.DataFrame:
    """Distinct (customer, purchase day) pairs on or before ``as_of``, sorted."""
    require_frame(orders, table="orders", min_rows=0)
    require_columns(orders, [customer_col, date_col], table="orders",
                    argument="customer_col" if customer_col not in orders.columns else "date_col")
    dates = require_datetime(orders, date_col, table="orders").dt.normalize()
    days = pd.DataFrame({"customer": orders[customer_col].to_numpy(), "day": dates.to_numpy()})
    if days["customer"].isna().any():
        raise DataError(
            f'The column "{customer_col}" of the orders table has missing customer ids. '
            f"Every order must belong to a customer: drop or fix those rows first."
        )
    days = days.dropna(subset=["day"])
    if as_of is not None:
        days = days[days["day"] <= as_of]
    return days.drop_duplicates().sort_values(["customer", "day"], kind="stable").reset_index(drop=True)


def default_thresholds(
    orders: pd.DataFrame,
    as_of: Any = None,
    *,
    at_risk_quantile: float = 0.90,
    lost_quantile: float = 0.98,
    customer_col: str = "customer_id",
    date_col: str = "order_date",
) -> dict[str, int]:
    """Thresholds for "at risk" and "lost" from the data's own purchase rhythm.

    The gaps between a customer's consecutive purchase days show how long
    customers usually wait before buying again. If 90% of those gaps are
    shorter than *D* days, a customer silent for more than *D* days is behaving
    unusually: at risk. A silence longer than 98% of all gaps means lost.
    Lesson 02; the rhythm-based rule follows the "expected repurchase
    interval" logic of recency-based churn rules (e.g. Fader, Hardie & Lee
    2005 discuss why a fixed threshold ignores each customer's own rate).

    Gaps that have not ended yet (the silence since the last purchase) are
    not counted, so in a short window the quantiles are on the low side:
    treat the defaults as a starting point and try other values.

    Parameters
    ----------
    orders : DataFrame
        One row per order.
    as_of : date, optional
        Only purchases on or before this date count (default: all).
    at_risk_quantile, lost_quantile : float
        Quantiles of the gaps, 0 < at_risk_quantile < lost_quantile < 1.

    Returns
    -------
    dict
        ``{"at_risk_days": int, "lost_days": int, "gaps": int}`` — whole days
        (rounded up) and the number of gaps they are based on.

    Examples
    --------
    >>> import pandas as pd
    >>> orders = pd.DataFrame({"customer_id": [1, 1, 1, 2, 2],
    ...     "order_date": pd.to_datetime(["2024-01-01", "2024-01-11", "2024-02-10",
    ...                                   "2024-01-05", "2024-01-25"])})
    >>> default_thresholds(orders, at_risk_quantile=0.5, lost_quantile=0.9)
    {'at_risk_days': 20, 'lost_days': 28, 'gaps': 3}
    """
    if not (0 < at_risk_quantile < lost_quantile < 1):
        raise DataError(
            f"at_risk_quantile={at_risk_quantile} and lost_quantile={lost_quantile} must satisfy "
            f"0 < at_risk_quantile < lost_quantile < 1, e.g. 0.90 and 0.98."
        )
    as_of = as_timestamp(as_of) if as_of is not None else None
    days = _purchase_days(orders, customer_col, date_col, as_of)
    gaps = days.groupby("customer")["day"].diff().dt.days.dropna()
    if len(gaps) < 2:
        raise DataError(
            f"Only {len(gaps)} gap(s) between repeat purchases were found, too few to set thresholds "
            f"from the data. Pass at_risk_days=... and lost_days=... yourself (e.g. 90 and 180)."
        )
    at_risk, lost = np.quantile(gaps.to_numpy(dtype=float), [at_risk_quantile, lost_quantile])
    at_risk_days = int(np.ceil(at_risk))
    return {"at_risk_days": at_risk_days, "lost_days": max(int(np.ceil(lost)), at_risk_days + 1), "gaps": int(len(gaps))}


def _check_thresholds(at_risk_days: Any, lost_days: Any) -> None:
    for name, value in (("at_risk_days", at_risk_days), ("lost_days", lost_days)):
        if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)) or not value > 0:
            raise DataError(f"{name} must be a positive number of days, but {value!r} was given.")
    if lost_days <= at_risk_days:
        raise DataError(
            f"lost_days ({lost_days}) must be larger than at_risk_days ({at_risk_days}): a customer "
            f"is at risk before being lost. E.g. at_risk_days=90, lost_days=180."
        )


def assign_stages(
    customers: pd.DataFrame,
    orders: pd.DataFrame,
    as_of: Any,
    *,
    surveys: pd.DataFrame | None = None,
    at_risk_days: float | None = None,
    lost_days: float | None = None,
    promoter_min: int = 9,
    customer_col: str = "customer_id",
    signup_col: str = "signup_date",
    date_col: str = "order_date",
    referred_by_col: str | None = "referred_by",
    survey_date_col: str = "survey_date",
    recommend_col: str = "likely_to_recommend",
) -> pd.DataFrame:
    """Each customer's lifecycle stage on the date ``as_of``.

    Lesson 02. The stages and their rules are listed in the module docstring
    (prospect, first-time, repeat, advocate, won back, at risk, lost): the
    loyalty ladder of Christopher, Payne & Ballantyne (1991) and the phases of
    Dwyer, Schurr & Oh (1987) made observable.

    Parameters
    ----------
    customers : DataFrame
        One row per customer with an id and a sign-up date. Customers who
        signed up after ``as_of`` are left out.
    orders : DataFrame
        One row per order. Orders after ``as_of`` are ignored; several orders
        on one day count as one purchase.
    as_of : date
        The date the stages describe (e.g. ``"2025-12-31"``).
    surveys : DataFrame, optional
        Survey answers; a customer whose latest answer on or before ``as_of``
        has ``recommend_col >= promoter_min`` is a promoter (Reichheld 2003).
    at_risk_days, lost_days : number, optional
        Silence (days since the last purchase) after which a customer is at
        risk / lost. Default: :func:`default_thresholds` on the orders up to
        ``as_of``.
    referred_by_col : str or None
        Column of ``customers`` naming who referred each customer; a customer
        who referred someone (signed up by ``as_of``) counts as an advocate.
        ``None`` if your data have no such column.

    Returns
    -------
    DataFrame
        Indexed by customer id: ``signup_date``, ``purchases``,
        ``first_purchase``, ``last_purchase``, ``days_since_last``,
        ``gap_before_last`` (days), ``promoter``, ``referrals`` and ``stage``
        (an ordered categorical in the order of :data:`STAGES`). The
        thresholds used are in ``result.attrs``.

    Examples
    --------
    >>> import pandas as pd
    >>> customers = pd.DataFrame({"customer_id": [1, 2, 3, 4, 5],
    ...     "signup_date": pd.to_datetime(["2024-01-01"] * 5)})
    >>> orders = pd.DataFrame({"customer_id": [2, 3, 3, 4, 5, 5],
    ...     "order_date": pd.to_datetime(["2024-06-20", "2024-05-01", "2024-06-25",
    ...                                   "2024-03-01", "2024-01-10", "2024-06-28"])})
    >>> stages = assign_stages(customers, orders, "2024-06-30", at_risk_days=60, lost_days=90,
    ...                        referred_by_col=None)
    >>> stages["stage"].tolist()
    ['prospect', 'first-time', 'repeat', 'lost', 'won back']
    """
    as_of = as_timestamp(as_of)
    require_frame(customers, table="customers")
    require_columns(customers, [customer_col, signup_col], table="customers",
                    argument="signup_col" if customer_col in customers.columns else "customer_col")
    if at_risk_days is None or lost_days is None:
        defaults = default_thresholds(orders, as_of, customer_col=customer_col, date_col=date_col)
        at_risk_days = defaults["at_risk_days"] if at_risk_days is None else at_risk_days
        lost_days = defaults["lost_days"] if lost_days is None else lost_days
    _check_thresholds(at_risk_days, lost_days)
    signup = require_datetime(customers, signup_col, table="customers")
    if customers[customer_col].duplicated().any():
        dup = customers.loc[customers[customer_col].duplicated(), customer_col].iloc[0]
        raise DataError(
            f'The customers table has repeated ids in "{customer_col}" (e.g. {dup}). One row per '
            f"customer is needed: remove duplicates first (lesson 01 shows how)."
        )
    known = signup.notna() & (signup <= as_of)
    out = pd.DataFrame({"signup_date": signup[known].to_numpy()},
                       index=pd.Index(customers.loc[known, customer_col].to_numpy(), name=customer_col))

    days = _purchase_days(orders, customer_col, date_col, as_of)
    days = days[days["customer"].isin(out.index)]
    days["previous"] = days.groupby("customer")["day"].shift()
    grouped = days.groupby("customer")
    last = grouped.tail(1).set_index("customer")
    out["purchases"] = grouped.size().reindex(out.index, fill_value=0).astype(int)
    out["first_purchase"] = grouped["day"].min().reindex(out.index)
    out["last_purchase"] = last["day"].reindex(out.index)
    out["days_since_last"] = (as_of - out["last_purchase"]).dt.days.astype("Float64")
    out["gap_before_last"] = (last["day"] - last["previous"]).dt.days.reindex(out.index).astype("Float64")

    out["promoter"] = False
    if surveys is not None:
        require_columns(surveys, [customer_col, survey_date_col, recommend_col], table="surveys",
                        argument="recommend_col")
        sdate = require_datetime(surveys, survey_date_col, table="surveys")
        answered = surveys.loc[sdate <= as_of, [customer_col, recommend_col]].assign(_d=sdate[sdate <= as_of])
        latest = answered.sort_values([customer_col, "_d"], kind="stable").groupby(customer_col).tail(1)
        promoters = latest.loc[pd.to_numeric(latest[recommend_col], errors="coerce") >= promoter_min, customer_col]
        out["promoter"] = out.index.isin(promoters)

    out["referrals"] = 0
    if referred_by_col is not None and referred_by_col in customers.columns:
        referrers = customers.loc[known, referred_by_col].dropna()
        out["referrals"] = referrers.value_counts().reindex(out.index, fill_value=0).astype(int)
    elif referred_by_col is not None and referred_by_col != "referred_by":
        require_columns(customers, referred_by_col, table="customers", argument="referred_by_col")

    silent = out["days_since_last"].astype(float)
    gap = out["gap_before_last"].astype(float).fillna(0)
    n = out["purchases"]
    conditions = [
        n == 0,
        silent > lost_days,
        silent > at_risk_days,
        gap > at_risk_days,
        (n >= 2) & (out["promoter"] | (out["referrals"] > 0)),
        n >= 2,
    ]
    choices = ["prospect", "lost", "at risk", "won back", "advocate", "repeat"]
    stage = np.select([c.to_numpy(dtype=bool) for c in conditions], choices, default="first-time")
    out["stage"] = pd.Categorical(stage, categories=STAGES, ordered=True)
    out.attrs.update({"as_of": as_of, "at_risk_days": at_risk_days, "lost_days": lost_days})
    return out


def stage_counts(
    customers: pd.DataFrame,
    orders: pd.DataFrame,
    dates: Iterable[Any],
    *,
    share: bool = False,
    at_risk_days: float | None = None,
    lost_days: float | None = None,
    **kwargs: Any,
) -> pd.DataFrame:
    """How many customers sit at each stage on each of ``dates`` (the lifecycle through time).

    Lesson 02, the "whole-lifecycle" view (全生命周期). The thresholds are
    fixed across dates (default: :func:`default_thresholds` on the orders up
    to the last date) so that a change in the counts is a change in the
    customers, not in the rule.

    Parameters
    ----------
    dates : sequence of dates
        For example ``pd.date_range("2024-03-31", "2025-12-31", freq="QE")``.
    share : bool
        Shares of the customers signed up by each date instead of counts.
    **kwargs
        Passed to :func:`assign_stages` (column names, ``surveys=``, ...).

    Returns
    -------
    DataFrame
        One row per date, one column per stage (in :data:`STAGES` order).

    Examples
    --------
    >>> import pandas as pd
    >>> customers = pd.DataFrame({"customer_id": [1, 2],
    ...     "signup_date": pd.to_datetime(["2024-01-01", "2024-02-01"])})
    >>> orders = pd.DataFrame({"customer_id": [1, 1, 2],
    ...     "order_date": pd.to_datetime(["2024-01-05", "2024-01-20", "2024-02-03"])})
    >>> counts = stage_counts(customers, orders, ["2024-01-31", "2024-06-30"],
    ...                       at_risk_days=30, lost_days=90, referred_by_col=None)
    >>> counts[["first-time", "repeat", "at risk", "lost"]]
    stage       first-time  repeat  at risk  lost
    date
    2024-01-31           0       1        0     0
    2024-06-30           0       0        0     2
    """
    dates = [as_timestamp(d, argument="dates") for d in dates]
    if not dates:
        raise DataError("dates is empty. Give at least one date, e.g. pd.date_range('2024-03-31', '2025-12-31', freq='QE').")
    if at_risk_days is None or lost_days is None:
        defaults = default_thresholds(orders, max(dates), customer_col=kwargs.get("customer_col", "customer_id"),
                                      date_col=kwargs.get("date_col", "order_date"))
        at_risk_days = defaults["at_risk_days"] if at_risk_days is None else at_risk_days
        lost_days = defaults["lost_days"] if lost_days is None else lost_days
    rows = {}
    for date in dates:
        stages = assign_stages(customers, orders, date, at_risk_days=at_risk_days, lost_days=lost_days, **kwargs)
        rows[date] = stages["stage"].value_counts(sort=False).reindex(STAGES, fill_value=0)
    table = pd.DataFrame(rows).T.astype(int)
    table.index.name = "date"
    table.columns = pd.Index(STAGES, name="stage")
    if share:
        table = table.div(table.sum(axis=1).replace(0, np.nan), axis=0)
    table.attrs.update({"at_risk_days": at_risk_days, "lost_days": lost_days})
    return table


def transition_matrix(
    customers: pd.DataFrame,
    orders: pd.DataFrame,
    start: Any,
    end: Any,
    *,
    normalize: bool = True,
    include_new: bool = True,
    at_risk_days: float | None = None,
    lost_days: float | None = None,
    **kwargs: Any,
) -> pd.DataFrame:
    """Where customers at each stage on ``start`` stand on ``end``.

    Lesson 02: where the lifecycle leaks. Row *i*, column *j* is the share of
    customers at stage *i* on ``start`` who are at stage *j* on ``end``; each
    row sums to 1 (a Markov-chain style transition matrix, as in Pfeifer &
    Carraway 2000, "Modeling customer relationships as Markov chains",
    *Journal of Interactive Marketing* 14(2)). Customers who signed up
    between the two dates form the row ``"new (signed up later)"``.

    Parameters
    ----------
    start, end : date
        ``start`` must be before ``end``.
    normalize : bool
        Shares per row (default) or counts.
    include_new : bool
        Include the row for customers who signed up after ``start``.
    **kwargs
        Passed to :func:`assign_stages`. The thresholds default to
        :func:`default_thresholds` on the orders up to ``end`` and are the
        same on both dates.

    Returns
    -------
    DataFrame
        Rows: stage on ``start``; columns: stage on ``end``; a ``customers``
        column with each row's number of customers.

    Examples
    --------
    >>> import pandas as pd
    >>> customers = pd.DataFrame({"customer_id": [1, 2, 3],
    ...     "signup_date": pd.to_datetime(["2024-01-01", "2024-01-01", "2024-02-10"])})
    >>> orders = pd.DataFrame({"customer_id": [1, 1, 3],
    ...     "order_date": pd.to_datetime(["2024-01-10", "2024-02-05", "2024-02-12"])})
    >>> m = transition_matrix(customers, orders, "2024-01-31", "2024-02-29",
    ...                       at_risk_days=30, lost_days=60, referred_by_col=None)
    >>> [float(m.loc[a, b]) for a, b in [("first-time", "repeat"), ("prospect", "prospect"),
    ...                                  ("new (signed up later)", "first-time")]]
    [1.0, 1.0, 1.0]
    """
    start, end = as_timestamp(start, argument="start"), as_timestamp(end, argument="end")
    if end <= start:
        raise DataError(f"end ({end.date()}) must be after start ({start.date()}). Swap them, or pick a later end date.")
    if at_risk_days is None or lost_days is None:
        defaults = default_thresholds(orders, end, customer_col=kwargs.get("customer_col", "customer_id"),
                                      date_col=kwargs.get("date_col", "order_date"))
        at_risk_days = defaults["at_risk_days"] if at_risk_days is None else at_risk_days
        lost_days = defaults["lost_days"] if lost_days is None else lost_days
    before = assign_stages(customers, orders, start, at_risk_days=at_risk_days, lost_days=lost_days, **kwargs)["stage"]
    after = assign_stages(customers, orders, end, at_risk_days=at_risk_days, lost_days=lost_days, **kwargs)["stage"]
    rows_order: Sequence[str] = STAGES + ([NEW] if include_new else [])
    from_stage = pd.Series(NEW, index=after.index, dtype=object)
    from_stage.loc[before.index] = before.astype(str)
    if not include_new:
        keep = from_stage != NEW
        from_stage, after = from_stage[keep], after[keep]
    counts = pd.crosstab(
        pd.Categorical(from_stage, categories=rows_order),
        pd.Categorical(after.astype(str), categories=STAGES),
        dropna=False,
    )
    counts.index = pd.Index(rows_order, name=f"stage on {start.date()}")
    counts.columns = pd.Index(STAGES, name=f"stage on {end.date()}")
    sizes = counts.sum(axis=1)
    table = counts.div(sizes.replace(0, np.nan), axis=0) if normalize else counts
    table["customers"] = sizes
    table.attrs.update({"at_risk_days": at_risk_days, "lost_days": lost_days})
    return table


#: Outcomes of a complaint, from best to worst (service recovery).
OUTCOMES: list[str] = ["resolved well", "resolved, not rated", "resolved poorly", "unresolved"]


def complaint_outcomes(
    tickets: pd.DataFrame,
    *,
    as_of: Any = None,
    fast_hours: float = 48,
    good_rating: int = 4,
    customer_col: str = "customer_id",
    opened_col: str = "opened_at",
    complaint_col: str | None = "is_complaint",
    resolved_col: str = "resolved",
    hours_col: str = "hours_to_resolve",
    rating_col: str = "resolution_satisfaction",
) -> pd.DataFrame:
    """How each customer's first complaint ended: the rupture and its repair.

    Lesson 02 (rupture and repair, 断裂与修复) and lesson 06 (complaint
    management). A complaint is *resolved well* when it was resolved within
    ``fast_hours`` and the customer rated the resolution ``good_rating`` or
    better (1-5 scale); *resolved poorly* when it was resolved but slowly or
    rated lower; *resolved, not rated* when it was resolved fast but the
    customer was not asked; *unresolved* otherwise. Speed and the customer's
    own verdict are the two levers of the service-recovery literature
    (Smith, Bolton & Wagner 1999, "A model of customer satisfaction with
    service encounters involving failure and recovery", *Journal of
    Marketing Research* 36(3)).

    Parameters
    ----------
    tickets : DataFrame
        Service contacts, one row each.
    as_of : date, optional
        Only complaints opened on or before this date count.
    complaint_col : str or None
        True/False column marking complaints among the contacts; ``None`` if
        every row is a complaint.

    Returns
    -------
    DataFrame
        Indexed by customer: ``first_complaint`` (when it was opened),
        ``complaints`` (how many by ``as_of``), ``hours_to_resolve``,
        ``rating`` and ``outcome`` (ordered categorical, :data:`OUTCOMES`).

    Examples
    --------
    >>> import pandas as pd
    >>> tickets = pd.DataFrame({"customer_id": [1, 2, 2, 3, 4],
    ...     "opened_at": pd.to_datetime(["2024-01-05", "2024-02-01", "2024-01-03", "2024-03-01", "2024-03-02"]),
    ...     "is_complaint": [True, True, True, True, True],
    ...     "resolved": [True, True, False, True, True],
    ...     "hours_to_resolve": [20.0, 10.0, None, 90.0, 5.0],
    ...     "resolution_satisfaction": pd.array([5, 5, pd.NA, 5, pd.NA], dtype="Int64")})
    >>> complaint_outcomes(tickets)["outcome"].tolist()
    ['resolved well', 'unresolved', 'resolved poorly', 'resolved, not rated']
    """
    require_frame(tickets, table="tickets", min_rows=0)
    needed = [customer_col, opened_col, resolved_col, hours_col, rating_col]
    needed += [complaint_col] if complaint_col is not None else []
    require_columns(tickets, needed, table="tickets")
    opened = require_datetime(tickets, opened_col, table="tickets")
    keep = opened.notna()
    if complaint_col is not None:
        keep &= tickets[complaint_col].fillna(False).astype(bool)
    if as_of is not None:
        keep &= opened <= as_of_ts if (as_of_ts := as_timestamp(as_of)) is not None else keep
    data = pd.DataFrame({
        "customer": tickets.loc[keep, customer_col].to_numpy(),
        "first_complaint": opened[keep].to_numpy(),
        "resolved": tickets.loc[keep, resolved_col].fillna(False).astype(bool).to_numpy(),
        "hours_to_resolve": pd.to_numeric(tickets.loc[keep, hours_col], errors="coerce").astype(float).to_numpy(),
        "rating": pd.to_numeric(tickets.loc[keep, rating_col], errors="coerce").astype(float).to_numpy(),
    })
    counts = data.groupby("customer").size()
    first = data.sort_values(["customer", "first_complaint"], kind="stable").groupby("customer").head(1)
    first = first.set_index("customer")
    fast = first["hours_to_resolve"] <= fast_hours
    rated = first["rating"].notna()
    good = first["rating"] >= good_rating
    outcome = np.select(
        [~first["resolved"], fast & good, fast & ~rated],
        ["unresolved", "resolved well", "resolved, not rated"],
        default="resolved poorly",
    )
    first["outcome"] = pd.Categorical(outcome, categories=OUTCOMES, ordered=True)
    first["complaints"] = counts.reindex(first.index).astype(int)
    first.index.name = customer_col
    return first[["first_complaint", "complaints", "hours_to_resolve", "rating", "outcome"]]
