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

Every table is read by the course's one rule (:mod:`custlearn._tables`): an
order, a sign-up or a survey answer without a date is an error naming the
rows (drop them on purpose first), timezone-aware dates are read in their own
local time, ids may be numbers, text, nullable or categorical.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple

import numpy as np
import pandas as pd

from custlearn._errors import DataError
from custlearn._i18n import tr
from custlearn._purchases import gap_days, purchase_days
from custlearn._recovery import OUTCOMES, first_complaints, read_complaints
from custlearn._tables import (
    Column,
    Scale,
    optional_column,
    read_customers,
    read_orders,
    read_surveys,
    read_table,
    read_tickets,
)
from custlearn._validate import (
    as_timestamp,
    require_choice,
    require_flag,
    require_fraction,
    require_number,
    require_positive,
    require_positive_int,
)

__all__ = [
    "STAGES",
    "NEW",
    "default_thresholds",
    "assign_stages",
    "stage_counts",
    "transition_matrix",
    "complaint_outcomes",
    "OUTCOMES",
]

#: The stages in funnel order: the climb first, then the ways out.
STAGES: list[str] = ["prospect", "first-time", "repeat", "advocate", "won back", "at risk", "lost"]
#: The row of :func:`transition_matrix` for customers who signed up between its two dates.
NEW = "new (signed up later)"


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

    Raises
    ------
    DataError
        If a column is missing, an order has no customer or no date (or an
        unreadable one), a quantile is not a fraction or the at-risk quantile
        is not below the lost one, or fewer than two gaps exist.

    Examples
    --------
    >>> import pandas as pd
    >>> orders = pd.DataFrame({"customer_id": [1, 1, 1, 2, 2],
    ...     "order_date": pd.to_datetime(["2024-01-01", "2024-01-11", "2024-02-10",
    ...                                   "2024-01-05", "2024-01-25"])})
    >>> default_thresholds(orders, at_risk_quantile=0.5, lost_quantile=0.9)
    {'at_risk_days': 20, 'lost_days': 28, 'gaps': 3}
    >>> default_thresholds(orders, at_risk_quantile=90, lost_quantile=98)
    Traceback (most recent call last):
    ...
    custlearn.DataError: at_risk_quantile must be a fraction strictly between 0 and 1, e.g. at_risk_quantile=0.9, but 90 was given. Give a fraction, not a percentage: 0.9, not 90.
    """
    at_risk_quantile, lost_quantile = _check_quantiles(at_risk_quantile, lost_quantile)
    bought = read_orders(orders, customer_col=customer_col, date_col=date_col, as_of=as_of)
    return _gap_thresholds(purchase_days(bought, customer_col=customer_col, date_col=date_col),
                           at_risk_quantile, lost_quantile)


#: The quantiles :func:`default_thresholds` uses unless told otherwise (at risk, lost).
_DEFAULT_QUANTILES = (0.90, 0.98)


def _check_quantiles(at_risk_quantile: Any, lost_quantile: Any) -> tuple[float, float]:
    """Two fractions, the at-risk quantile below the lost one."""
    at_risk_quantile = require_fraction(at_risk_quantile, argument="at_risk_quantile", example="0.9")
    lost_quantile = require_fraction(lost_quantile, argument="lost_quantile", example="0.98")
    if not at_risk_quantile < lost_quantile:
        raise DataError(
            tr("at_risk_quantile={at_risk_quantile:g} and lost_quantile={lost_quantile:g} must satisfy 0 "
               "< at_risk_quantile < lost_quantile < 1, e.g. 0.90 and 0.98: a customer is at risk before "
               "being lost.", at_risk_quantile=at_risk_quantile, lost_quantile=lost_quantile)
        )
    return at_risk_quantile, lost_quantile


def _gap_thresholds(days: pd.DataFrame, at_risk_quantile: float, lost_quantile: float) -> dict[str, int]:
    """The quantiles of the gaps between a customer's consecutive purchase days, in whole days (rounded up)."""
    (at_risk_days, lost), n = gap_days(days, [at_risk_quantile, lost_quantile], what=tr("thresholds"),
                                       fix=tr("Pass at_risk_days=... and lost_days=... yourself (e.g. 90 "
                                              "and 180)."))
    return {"at_risk_days": at_risk_days, "lost_days": max(lost, at_risk_days + 1), "gaps": n}


def _thresholds(days: pd.DataFrame, until: pd.Timestamp, at_risk_days: Any, lost_days: Any) -> tuple[float, float]:
    """The thresholds given, the missing ones from the purchase rhythm up to ``until``; lost after at risk."""
    if at_risk_days is not None:
        require_positive(at_risk_days, argument="at_risk_days", example="90")
    if lost_days is not None:
        require_positive(lost_days, argument="lost_days", example="180")
    if at_risk_days is None or lost_days is None:
        defaults = _gap_thresholds(days[days["day"] <= until], *_DEFAULT_QUANTILES)
        at_risk_days = defaults["at_risk_days"] if at_risk_days is None else at_risk_days
        lost_days = defaults["lost_days"] if lost_days is None else lost_days
    if lost_days <= at_risk_days:
        raise DataError(
            tr("lost_days ({lost_days}) must be larger than at_risk_days ({at_risk_days}): a customer is "
               "at risk before being lost. E.g. at_risk_days=90, lost_days=180.",
               lost_days=lost_days, at_risk_days=at_risk_days)
        )
    return at_risk_days, lost_days


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

    Raises
    ------
    DataError
        If a table or column is missing, ids repeat in ``customers``, an
        order or a sign-up has no date or an unreadable one, a score is off
        its 0-10 scale, a threshold is not a positive number or ``lost_days``
        is not above ``at_risk_days``, or too few repeat purchases exist to
        set the thresholds from the data.

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
    >>> late = orders.assign(order_date=orders["order_date"].where(orders.index != 3))
    >>> assign_stages(customers, late, "2024-06-30", at_risk_days=60, lost_days=90, referred_by_col=None)
    Traceback (most recent call last):
    ...
    custlearn.DataError: The column "order_date" of the orders table has 1 missing date(s) (first at row 3), but every row needs one. ...
    """
    as_of = as_timestamp(as_of)
    tables = _read_tables(customers, orders, surveys=surveys, promoter_min=promoter_min, customer_col=customer_col,
                          signup_col=signup_col, date_col=date_col, referred_by_col=referred_by_col,
                          survey_date_col=survey_date_col, recommend_col=recommend_col)
    at_risk_days, lost_days = _thresholds(tables.days, as_of, at_risk_days, lost_days)
    return _stages_on(tables, as_of, at_risk_days, lost_days)


# ----------------------------------------------------------------------------- the stage rules, step by step

class _Tables(NamedTuple):
    """The lesson's tables, read once: who signed up when, purchase days, recommendations, referrals."""

    customer_col: str
    people: pd.DataFrame  # customer, signup (day)
    days: pd.DataFrame  # customer, day: distinct purchase days, sorted
    answers: pd.DataFrame | None  # customer, day, recommend (0-10, may be blank)
    referrals: pd.DataFrame  # referrer, signup (the day the referred customer signed up)
    promoter_min: float


#: The keywords :func:`stage_counts` and :func:`transition_matrix` pass on to the reading of the tables.
_STAGE_OPTIONS = ("surveys", "promoter_min", "customer_col", "signup_col", "date_col", "referred_by_col",
                  "survey_date_col", "recommend_col")


def _read_tables(customers: Any, orders: Any, *, surveys: Any = None, promoter_min: Any = 9,
                 customer_col: str = "customer_id", signup_col: str = "signup_date", date_col: str = "order_date",
                 referred_by_col: str | None = "referred_by", survey_date_col: str = "survey_date",
                 recommend_col: str = "likely_to_recommend") -> _Tables:
    """Step 1: read customers, orders and surveys through the course's one door."""
    promoter_min = require_number(promoter_min, argument="promoter_min", minimum=0, maximum=10)
    referral = optional_column(referred_by_col, "label", "referred_by_col", default="referred_by", missing="keep")
    people = read_customers(customers, customer_col=customer_col, signup_col=signup_col, extra=referral,
                            min_rows=1)
    bought = read_orders(orders, customer_col=customer_col, date_col=date_col)
    answers = None
    if surveys is not None:
        answers = read_surveys(surveys, customer_col=customer_col, date_col=survey_date_col, missing="keep",
                               scores={recommend_col: Scale(0, 10)}, arguments={recommend_col: "recommend_col"})
        answers = pd.DataFrame({"customer": answers[customer_col].to_numpy(),
                                "day": answers[survey_date_col].to_numpy(),
                                "recommend": answers[recommend_col].to_numpy()})
    return _Tables(
        customer_col=customer_col,
        people=pd.DataFrame({"customer": people[customer_col].to_numpy(), "signup": people[signup_col].to_numpy()}),
        days=purchase_days(bought, customer_col=customer_col, date_col=date_col),
        answers=answers,
        referrals=_referrals(people, referred_by_col, signup_col),
        promoter_min=promoter_min,
    )


def _referrals(people: pd.DataFrame, referred_by_col: str | None, signup_col: str) -> pd.DataFrame:
    """Who referred each customer who names a referrer (the referrer read as an id), and when they signed up."""
    if referred_by_col is None or referred_by_col not in people.columns:
        return pd.DataFrame({"referrer": pd.Series(dtype=object), "signup": pd.Series(dtype="datetime64[ns]")})
    named = people[people[referred_by_col].notna().to_numpy()]
    referrer = read_table(named, [Column(referred_by_col, "id", "referred_by_col")], table="customers")
    return pd.DataFrame({"referrer": referrer[referred_by_col].to_numpy(), "signup": named[signup_col].to_numpy()})


def _stages_on(tables: _Tables, as_of: pd.Timestamp, at_risk_days: float, lost_days: float) -> pd.DataFrame:
    """Steps 2-5 on one date: who has signed up, their purchases, promoters and referrals, then the stage."""
    people = tables.people[(tables.people["signup"] <= as_of).to_numpy()]
    index = pd.Index(people["customer"].to_numpy(), name=tables.customer_col)
    out = pd.DataFrame({"signup_date": people["signup"].to_numpy()}, index=index)
    out = out.join(_purchase_history(tables.days, index, as_of))
    out["promoter"] = _promoters(tables.answers, index, as_of, tables.promoter_min)
    out["referrals"] = _referral_counts(tables.referrals, index, as_of)
    out["stage"] = _apply_stage_rules(out, at_risk_days, lost_days)
    out.attrs.update({"as_of": as_of, "at_risk_days": at_risk_days, "lost_days": lost_days})
    return out


def _purchase_history(days: pd.DataFrame, index: pd.Index, as_of: pd.Timestamp) -> pd.DataFrame:
    """Step 2: purchases by ``as_of``, the first and the last, the silence since and the gap before the last."""
    days = days[(days["day"] <= as_of).to_numpy() & days["customer"].isin(index).to_numpy()].copy()
    days["previous"] = days.groupby("customer")["day"].shift()
    grouped = days.groupby("customer")
    last = grouped.tail(1).set_index("customer")
    history = pd.DataFrame(index=index)
    history["purchases"] = grouped.size().reindex(index, fill_value=0).astype(int)
    history["first_purchase"] = grouped["day"].min().reindex(index)
    history["last_purchase"] = last["day"].reindex(index)
    history["days_since_last"] = (as_of - history["last_purchase"]).dt.days.astype("Float64")
    history["gap_before_last"] = (last["day"] - last["previous"]).dt.days.reindex(index).astype("Float64")
    return history


def _promoters(answers: pd.DataFrame | None, index: pd.Index, as_of: pd.Timestamp, promoter_min: float) -> np.ndarray:
    """Step 3: a promoter's latest answer by ``as_of`` recommends at ``promoter_min`` or more (Reichheld 2003)."""
    if answers is None:
        return np.zeros(len(index), dtype=bool)
    answered = answers[(answers["day"] <= as_of).to_numpy()]
    latest = answered.sort_values(["customer", "day"], kind="stable").groupby("customer").tail(1)
    return index.isin(latest.loc[latest["recommend"] >= promoter_min, "customer"])


def _referral_counts(referrals: pd.DataFrame, index: pd.Index, as_of: pd.Timestamp) -> pd.Series:
    """Step 4: how many customers who signed up by ``as_of`` each customer referred."""
    made = referrals.loc[(referrals["signup"] <= as_of).to_numpy(), "referrer"]
    return made.value_counts().reindex(index, fill_value=0).astype(int)


def _apply_stage_rules(out: pd.DataFrame, at_risk_days: float, lost_days: float) -> pd.Categorical:
    """Step 5: the rules of the module docstring, in order; the first that matches wins."""
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
    return pd.Categorical(stage, categories=STAGES, ordered=True)


def _stage_options(options: dict[str, Any]) -> dict[str, Any]:
    """The keywords passed on to the reading of the tables, each checked to be one of them."""
    for name in options:
        require_choice(name, _STAGE_OPTIONS, argument="keyword")
    return options


def _dates_argument(dates: Any) -> list[pd.Timestamp]:
    """The dates to count on: one date or several, at least one."""
    if isinstance(dates, (str, pd.Timestamp)) or not isinstance(dates, Iterable):
        dates = [dates]
    dates = [as_timestamp(d, argument="dates") for d in dates]
    if not dates:
        raise DataError(tr("dates is empty. Give at least one date, e.g. pd.date_range('2024-03-31', "
                           "'2025-12-31', freq='QE')."))
    return dates


# ------------------------------------------------------------------------------------------ through time

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
    dates : sequence of dates, or one date
        For example ``pd.date_range("2024-03-31", "2025-12-31", freq="QE")``.
    share : bool
        Shares of the customers signed up by each date instead of counts.
    at_risk_days, lost_days : number, optional
        As in :func:`assign_stages`, the same on every date.
    **kwargs
        As in :func:`assign_stages`: ``surveys=``, ``promoter_min=`` and the
        column names (``customer_col=`` ...). The tables are read once.

    Returns
    -------
    DataFrame
        One row per date, one column per stage (in :data:`STAGES` order).

    Raises
    ------
    DataError
        As :func:`assign_stages`; also if ``dates`` is empty or a keyword is
        not one :func:`assign_stages` takes.

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
    >>> stage_counts(customers, orders, [], at_risk_days=30, lost_days=90)
    Traceback (most recent call last):
    ...
    custlearn.DataError: dates is empty. Give at least one date, e.g. pd.date_range('2024-03-31', '2025-12-31', freq='QE').
    """
    dates = _dates_argument(dates)
    share = require_flag(share, argument="share")
    tables = _read_tables(customers, orders, **_stage_options(kwargs))
    at_risk_days, lost_days = _thresholds(tables.days, max(dates), at_risk_days, lost_days)
    rows = {}
    for date in dates:
        stages = _stages_on(tables, date, at_risk_days, lost_days)
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
    at_risk_days, lost_days : number, optional
        As in :func:`assign_stages`, the same on both dates.
    **kwargs
        As in :func:`assign_stages` (``surveys=``, column names ...). The thresholds default to
        :func:`default_thresholds` on the orders up to ``end`` and are the
        same on both dates.

    Returns
    -------
    DataFrame
        Rows: stage on ``start``; columns: stage on ``end``; a ``customers``
        column with each row's number of customers.

    Raises
    ------
    DataError
        As :func:`assign_stages`; also if ``end`` is not after ``start``.

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
    >>> transition_matrix(customers, orders, "2024-02-29", "2024-01-31", at_risk_days=30, lost_days=60)
    Traceback (most recent call last):
    ...
    custlearn.DataError: end (2024-01-31) must be after start (2024-02-29). Swap them, or pick a later end date.
    """
    start, end = as_timestamp(start, argument="start"), as_timestamp(end, argument="end")
    if end <= start:
        raise DataError(tr("end ({end}) must be after start ({start}). Swap them, or pick a later end "
                           "date.", end=end.date(), start=start.date()))
    normalize = require_flag(normalize, argument="normalize")
    include_new = require_flag(include_new, argument="include_new")
    tables = _read_tables(customers, orders, **_stage_options(kwargs))
    at_risk_days, lost_days = _thresholds(tables.days, end, at_risk_days, lost_days)
    before = _stages_on(tables, start, at_risk_days, lost_days)["stage"]
    after = _stages_on(tables, end, at_risk_days, lost_days)["stage"]
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


# ------------------------------------------------------------------------------------------ rupture and repair

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
        Only complaints opened on or before this day count (the whole day).
    fast_hours : number, default 48
        A resolution within this many hours is fast.
    good_rating : int, default 4
        The lowest rating (1-5) that counts as a good resolution.
    customer_col, opened_col : str
        The customer id and when the ticket was opened (a date and time).
    complaint_col : str or None
        True/False column marking complaints among the contacts; ``None`` if
        every row is a complaint.
    resolved_col, hours_col, rating_col : str
        Whether it was resolved (true/false), the hours it took and the
        customer's rating of the resolution (1-5; both blank when unresolved
        or not asked).

    Returns
    -------
    DataFrame
        Indexed by customer: ``first_complaint`` (when it was opened),
        ``complaints`` (how many by ``as_of``), ``hours_to_resolve``,
        ``rating`` and ``outcome`` (ordered categorical, :data:`OUTCOMES`).

    Raises
    ------
    DataError
        If a column is missing, a ticket has no customer or no opening date,
        a flag is not true/false, hours are negative or text, a rating is off
        the 1-5 scale, or ``fast_hours`` / ``good_rating`` are out of range.

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
    >>> complaint_outcomes(tickets, good_rating=8)
    Traceback (most recent call last):
    ...
    custlearn.DataError: good_rating must be a whole number from 1 to 5, but 8 was given.
    """
    fast_hours = require_positive(fast_hours, argument="fast_hours", example="48")
    good_rating = require_positive_int(good_rating, argument="good_rating", minimum=1, maximum=5)
    complaints = read_complaints(
        tickets, customer_col=customer_col, opened_col=opened_col, complaint_col=complaint_col,
        resolved_col=resolved_col, hours_col=hours_col, rating_col=rating_col,
        arguments={"resolved": "resolved_col", "hours": "hours_col", "rating": "rating_col",
                   "complaint": "complaint_col", "customer": "customer_col", "opened": "opened_col"})
    if as_of is not None:  # the whole as_of day counts
        end = as_timestamp(as_of, argument="as_of").normalize() + pd.Timedelta(days=1)
        complaints = complaints[(complaints["opened"] < end).to_numpy()]
    return first_complaints(complaints, fast_hours=fast_hours, good_rating=good_rating).rename_axis(customer_col)
