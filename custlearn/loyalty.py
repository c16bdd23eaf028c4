"""Lesson 04 — Loyalty: levels and metrics (顾客忠诚度).

Loyalty is a lasting positive attitude *plus* repeat behaviour (Dick & Basu
1994; Oliver 1999). This module holds the lesson's measures, each a plain
function over pandas tables, written out so a learner can follow the
arithmetic:

========================================  =====================================
Measure                                   Function
========================================  =====================================
Net Promoter Score (Reichheld 2003)       :func:`nps`, :func:`nps_categories`
NPS with its uncertainty (Rocks 2016)     :func:`nps_interval`
Repeat purchase rate ("80 of 100")        :func:`repeat_purchase_rate`
Retention and churn per period            :func:`retention_rate`,
                                          :func:`churn_rate`
Cohort retention matrix                   :func:`cohort_retention`
Attitude x behaviour (Dick & Basu 1994)   :func:`loyalty_matrix`,
                                          :func:`loyalty_matrix_counts`
Satisfaction -> loyalty curve             :func:`satisfaction_loyalty_curve`
========================================  =====================================

Which of the decks' eight loyalty criteria (衡量标准) each measure
operationalises: the repeat purchase rate, retention, churn and the cohort
matrix measure *repeat purchase*; the attitude items behind the Dick & Basu
matrix measure *identification with the product* and (item 2, "I would pay a
little more to stay") *price sensitivity*; NPS measures willingness to
recommend, a sign of loyalty the decks list. The data cannot measure
attention to the brand, time taken to choose, attitude to competing products
or tolerance of quality incidents directly.

Charts for these measures are in ``custlearn.plots`` (``nps_chart``,
``cohort_heatmap``, ``loyalty_matrix_chart``,
``satisfaction_loyalty_chart``).

"Active" in this module: a customer is active in a period if they have at
least one row in ``orders`` dated in that calendar period.

Every table is read once, at the door, by ``custlearn._tables``, with the
rule every lesson shares: dates may be text or timezone-aware (the local
day is kept) and are counted in calendar days; a missing date or id, text
in a number column, or an answer off its scale is a
:class:`custlearn.DataError` naming the column. Intervals come from the
ground floor, ``custlearn._stats`` (the Wilson interval lesson 03 teaches).
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from custlearn._i18n import N_, tr
from custlearn._stats import Interval, nps_bounds, nps_counts, percentile_bounds, wilson_bounds
from custlearn._tables import Column, Scale, read_customers, read_orders, read_scores, read_surveys, read_table
from custlearn._validate import (
    DataError,
    as_numeric_series,
    as_timestamp,
    require_choice,
    require_confidence,
    require_number,
    require_flag,
    require_positive_int,
    require_window,
)

__all__ = [
    "NPS_CATEGORIES",
    "LOYALTY_GROUPS",
    "PERIODS",
    "NPSInterval",
    "nps",
    "nps_categories",
    "nps_interval",
    "repeat_purchase_rate",
    "retention_rate",
    "churn_rate",
    "cohort_retention",
    "loyalty_matrix",
    "loyalty_matrix_counts",
    "satisfaction_loyalty_curve",
]

#: The three NPS groups in scale order, with the 0-10 scores each covers
#: (Reichheld 2003).
NPS_CATEGORIES = {"detractor": (0, 6), "passive": (7, 8), "promoter": (9, 10)}

#: Dick & Basu's (1994) four cells of relative attitude x repeat patronage.
LOYALTY_GROUPS = ["Loyalty", "Latent loyalty", "Spurious loyalty", "No loyalty"]

#: Calendar periods the retention functions accept (pandas period aliases).
PERIODS = {"D": "day", "W": "week", "M": "month", "Q": "quarter", "Y": "year"}

# The 0-10 "How likely are you to recommend us?" scale, and the advice for answers off it.
_NPS_SCALE = Scale(0, 10, fix=N_("NPS uses the 0-10 'How likely are you to recommend us?' question; drop or fix "
                              "those answers (a 1-5 or 1-10 scale is not the NPS scale)."))


# --------------------------------------------------------------------------
# private helpers
# --------------------------------------------------------------------------


def _scores(scores: Any) -> pd.Series:
    """0-10 recommendation answers as a float Series, checked."""
    return read_scores(scores, scale=_NPS_SCALE)


def _category_counts(s: pd.Series) -> tuple[int, int, int]:
    """(detractors, passives, promoters) counts of checked 0-10 scores (counted on the ground floor)."""
    return nps_counts(s.to_numpy())


def _period(period: Any) -> str:
    return require_choice(period, PERIODS, argument="period")


def _activity(orders: Any, *, customer_col: str, date_col: str, order_col: str | None = None) -> pd.DataFrame:
    """Who bought on which day (and in which order): the orders read once, at least one row.

    ``order_col`` is read as an id that may repeat (one order split over
    several item rows), not as the table's key.
    """
    extra = [Column(order_col, "id", "order_col")] if order_col is not None else []
    clean = read_orders(orders, customer_col=customer_col, date_col=date_col, extra=extra, min_rows=1)
    act = pd.DataFrame({"customer": clean[customer_col].to_numpy(), "date": clean[date_col].to_numpy()})
    if order_col is not None:
        act["order"] = clean[order_col].to_numpy()
    return act


def _ordinals(periods: pd.Series) -> np.ndarray:
    """Consecutive integer numbers of calendar periods (month 2024-02 = 2024-01 + 1)."""
    return pd.PeriodIndex(periods).asi8


def _as_of(value: Any, dates: pd.Series) -> pd.Timestamp:
    """The end of the observation window: ``value`` or the last date seen."""
    return dates.max() if value is None else as_timestamp(value, argument="as_of")


# --------------------------------------------------------------------------
# Net Promoter Score
# --------------------------------------------------------------------------


def nps(scores: Any) -> float:
    """Net Promoter Score of 0-10 "likely to recommend" answers, in [-100, 100].

    Lesson 04 (loyalty), framework: Net Promoter Score, a sign of loyalty
    ("recommends unprompted"). Each answer to "How likely is it that you
    would recommend us to a friend or colleague?" (0-10) is a *promoter*
    (9-10), a *passive* (7-8) or a *detractor* (0-6); then::

        NPS = 100 * (promoters - detractors) / answers
            = % promoters - % detractors

    Passives count in the denominator only.

    Source: Reichheld, F. F. (2003). The one number you need to grow.
    *Harvard Business Review*, 81(12), 46-54.

    Parameters
    ----------
    scores : Series, list or array of whole numbers 0-10
        One answer per response, e.g. ``surveys["likely_to_recommend"]``.

    Returns
    -------
    float
        The score in points, from -100 (all detractors) to 100 (all promoters).

    Raises
    ------
    DataError
        If there are no answers, missing answers, text, decimals or values
        outside 0-10.

    See Also
    --------
    nps_categories : the three shares behind the score.
    nps_interval : how uncertain the score is.

    Examples
    --------
    Ten answers: 5 promoters, 3 passives, 2 detractors -> 50% - 20% = 30.

    >>> from custlearn import loyalty
    >>> loyalty.nps([10, 9, 9, 10, 9, 8, 7, 7, 6, 0])
    30.0
    >>> loyalty.nps([6, 7, 8, 9])   # boundaries: 6 detracts, 9 promotes
    0.0
    >>> loyalty.nps([10, 9, 11])
    Traceback (most recent call last):
    ...
    custlearn.DataError: scores must be whole numbers from 0 to 10, but 1 value(s) are outside that range: 11.0. NPS uses the 0-10 'How likely are you to recommend us?' question; drop or fix those answers (a 1-5 or 1-10 scale is not the NPS scale).
    """
    s = _scores(scores)
    detractors, _passives, promoters = _category_counts(s)
    return 100.0 * (promoters - detractors) / len(s)


def nps_categories(scores: Any, *, per_answer: bool = False) -> pd.DataFrame | pd.Series:
    """Count and share of detractors, passives and promoters (NPS groups).

    Lesson 04 (loyalty), framework: Net Promoter Score. Scores 0-6 are
    detractors, 7-8 passives, 9-10 promoters (Reichheld 2003, "The one
    number you need to grow", HBR 81(12)); ``share = count / answers`` and
    ``NPS = 100 * (share of promoters - share of detractors)``.

    Parameters
    ----------
    scores : Series, list or array of whole numbers 0-10
    per_answer : bool, default False
        False: a summary table, one row per group. True: the group of every
        answer, an ordered categorical Series aligned with ``scores`` (handy
        for crossing with other columns, e.g. ``pd.crosstab``).

    Returns
    -------
    DataFrame or Series
        Summary (index ``category``: detractor, passive, promoter) with
        columns ``scores`` (the range as text), ``count`` and ``share``
        (fraction 0-1); or, with ``per_answer=True``, a Series named
        ``nps_category``.

    Raises
    ------
    DataError
        Same checks as :func:`nps`.

    Examples
    --------
    >>> from custlearn import loyalty
    >>> table = loyalty.nps_categories([10, 9, 9, 10, 9, 8, 7, 7, 6, 0])
    >>> table
                scores  count  share
    category
    detractor      0-6      2    0.2
    passive        7-8      3    0.3
    promoter      9-10      5    0.5
    >>> loyalty.nps_categories([6, 7, 9], per_answer=True).tolist()
    ['detractor', 'passive', 'promoter']
    """
    per_answer = require_flag(per_answer, argument="per_answer")
    s = _scores(scores)
    if per_answer:
        labels = np.select([s <= 6, s <= 8], ["detractor", "passive"], "promoter")
        index = scores.index if isinstance(scores, pd.Series) else s.index
        return pd.Series(
            pd.Categorical(labels, categories=list(NPS_CATEGORIES), ordered=True),
            index=index,
            name="nps_category",
        )
    counts = _category_counts(s)
    table = pd.DataFrame(
        {
            "scores": [f"{lo}-{hi}" for lo, hi in NPS_CATEGORIES.values()],
            "count": np.array(counts, dtype=np.int64),
            "share": np.array(counts, dtype=float) / len(s),
        },
        index=pd.Index(list(NPS_CATEGORIES), name="category"),
    )
    return table


@dataclass(frozen=True, repr=False)
class NPSInterval(Interval):
    """An NPS with its confidence interval, in points (-100 to 100).

    Lesson 04. Like every interval of the course it is an ``Interval``
    (``custlearn._stats.Interval``): ``estimate`` (the NPS, also readable
    as ``nps``), ``lower``, ``upper``, ``confidence``, ``n`` and ``method``;
    plus the ``standard_error`` in points. Made by :func:`nps_interval`.

    ``low`` and ``high`` (the names before version 0.2) still work for one
    release and warn: use ``lower`` and ``upper``.

    Examples
    --------
    >>> ci = NPSInterval(estimate=30.0, lower=14.7, upper=45.3, confidence=0.95, n=100,
    ...                  method="normal", standard_error=7.8)
    >>> ci
    NPS 30.0 (95% interval 14.7 to 45.3; standard error 7.8 points; n = 100; normal)
    >>> ci.nps, round(ci.upper - ci.lower, 1)
    (30.0, 30.6)
    """

    standard_error: float

    @property
    def nps(self) -> float:
        """The Net Promoter Score in points: the interval's ``estimate``."""
        return self.estimate

    @property
    def low(self) -> float:
        """Deprecated name of :attr:`lower`."""
        _renamed("low", "lower")
        return self.lower

    @property
    def high(self) -> float:
        """Deprecated name of :attr:`upper`."""
        _renamed("high", "upper")
        return self.upper

    def __repr__(self) -> str:
        return tr("NPS {nps:.1f} ({confidence:.0%} interval {lower:.1f} to {upper:.1f}; standard error "
                  "{standard_error:.1f} points; n = {n}; {method})", nps=self.nps, confidence=self.confidence,
                  lower=self.lower, upper=self.upper, standard_error=self.standard_error, n=self.n, method=self.method)


def _renamed(old: str, new: str) -> None:
    warnings.warn(
        tr("NPSInterval.{old} is deprecated and will be removed in the next release: use .{new} (every "
           "interval in custlearn has .lower and .upper).", old=old, new=new),
        DeprecationWarning,
        stacklevel=3,  # point at the learner's line that read .low or .high
    )


def _bootstrap_bounds(
    counts: tuple[int, int, int], confidence: float, n_boot: Any, seed: Any
) -> tuple[float, float]:
    """Percentile interval of the NPS over ``n_boot`` seeded multinomial resamples of the answers."""
    n_boot = require_positive_int(n_boot, argument="n_boot")
    seed = require_positive_int(seed, argument="seed", minimum=0)
    n = sum(counts)
    draws = np.random.default_rng(seed).multinomial(n, [c / n for c in counts], size=n_boot)
    boot = 100.0 * (draws[:, 2] - draws[:, 0]) / n  # (promoters - detractors) / n in each resample
    return percentile_bounds(boot, confidence)


def nps_interval(
    scores: Any,
    *,
    confidence: float = 0.95,
    method: str = "normal",
    n_boot: int = 2000,
    seed: int = 0,
) -> NPSInterval:
    """Confidence interval for the Net Promoter Score.

    Lesson 04 (loyalty), framework: Net Promoter Score with its uncertainty
    (why a 3-point change may be noise). With shares p_P of promoters and
    p_D of detractors among n answers, NPS/100 = p_P - p_D is a difference of
    two multinomial shares, so (in share units)::

        Var(p_P - p_D) = [p_P(1-p_P) + p_D(1-p_D) + 2 p_P p_D] / n
                       = [p_P + p_D - (p_P - p_D)^2] / n

    (the covariance of two multinomial shares is -p_P p_D / n). Equivalently:
    score each answer +1 (promoter), 0 (passive), -1 (detractor); NPS/100 is
    their mean and the formula is the variance of that mean. The
    ``"normal"`` (Wald) interval is ``NPS +/- z * 100 * sqrt(Var)``, clipped
    to [-100, 100]; ``"bootstrap"`` resamples the answers ``n_boot`` times
    (a multinomial draw of the three counts, seeded) and takes percentiles.

    Sources: Rocks, B. (2016). Interval estimation for the "Net Promoter
    Score". *The American Statistician*, 70(4), 365-372; Reichheld, F. F.
    (2003). The one number you need to grow. *Harvard Business Review*;
    Efron, B. & Tibshirani, R. (1993). *An Introduction to the Bootstrap*.

    Parameters
    ----------
    scores : Series, list or array of whole numbers 0-10
    confidence : float, default 0.95
    method : {"normal", "bootstrap"}
    n_boot : int, default 2000
        Bootstrap resamples (``method="bootstrap"`` only).
    seed : int, default 0
        Seed of the bootstrap's random draws, so results repeat exactly.

    Returns
    -------
    NPSInterval
        An interval in points: ``nps`` (= ``estimate``), ``lower``, ``upper``,
        ``standard_error``, ``n``, ``confidence`` and ``method``.

    Raises
    ------
    DataError
        Bad scores (as :func:`nps`), a confidence outside (0, 1), an unknown
        method, or (bootstrap) an ``n_boot`` below 1 or a ``seed`` that is not
        a whole number of 0 or more.

    Notes
    -----
    The normal interval is poor for small samples or when nearly everyone is
    in one group (if all answers are promoters the standard error is 0): use
    at least a few dozen answers, or compare with the bootstrap.

    Examples
    --------
    100 answers, 50 promoters, 30 passives, 20 detractors:
    Var = (0.5 + 0.2 - 0.3^2) / 100 = 0.0061, standard error 7.8 points.

    >>> from custlearn import loyalty
    >>> scores = [10] * 50 + [8] * 30 + [3] * 20
    >>> loyalty.nps_interval(scores)
    NPS 30.0 (95% interval 14.7 to 45.3; standard error 7.8 points; n = 100; normal)
    >>> ci = loyalty.nps_interval(scores)
    >>> round(ci.standard_error, 3), round(ci.lower, 1), round(ci.upper, 1)
    (7.81, 14.7, 45.3)

    A confidence level is a fraction:

    >>> loyalty.nps_interval(scores, confidence=95)
    Traceback (most recent call last):
    ...
    custlearn.DataError: confidence must be a fraction strictly between 0 and 1, e.g. confidence=0.95, but 95 was given. Give a fraction, not a percentage: 0.95, not 95.
    """
    s = _scores(scores)
    confidence = require_confidence(confidence)
    require_choice(method, ["normal", "bootstrap"], argument="method")
    n = len(s)
    detractors, passives, promoters = _category_counts(s)
    # The formula above, in custlearn._stats (lesson 05's scorecard uses it per segment).
    point, low, high, se = nps_bounds(detractors, promoters, n, confidence)
    if method == "bootstrap":
        low, high = _bootstrap_bounds((detractors, passives, promoters), confidence, n_boot, seed)
    return NPSInterval(
        estimate=point,
        lower=float(low),
        upper=float(high),
        confidence=confidence,
        n=n,
        method=method,
        standard_error=se,
    )


# --------------------------------------------------------------------------
# Repeat purchase, retention, churn, cohorts
# --------------------------------------------------------------------------


def repeat_purchase_rate(
    orders: pd.DataFrame,
    *,
    customer_col: str = "customer_id",
    date_col: str = "order_date",
    order_col: str = "order_id",
    count: str = "orders",
    within_days: int | None = None,
    as_of: Any = None,
) -> float:
    """Share of buyers who bought again: customers with 2+ purchases / buyers.

    Lesson 04 (loyalty), the decks' first loyalty criterion, *repeat
    purchase rate* (重复购买率): "80 of 100 customers came back = 80%"::

        repeat purchase rate = customers with at least 2 purchases
                               / customers with at least 1 purchase

    What counts as a purchase (``count``): ``"orders"`` (default) counts
    distinct values of ``order_col``, so two orders on the same day are two
    purchases; ``"days"`` counts distinct order days, so same-day orders
    count once (use it when one basket is split into several orders).
    So by default it counts orders (distinct order ids, not rows: an order
    split over several item rows counts once), not purchase days.

    With ``within_days``, only a second purchase within that many days of
    the customer's first one counts, and customers whose first purchase is
    less than ``within_days`` before ``as_of`` are left out (they have not
    had the full window to come back) -- a fairer comparison between
    customers who joined early and late.

    Source: the lesson's decks (重复购买率); Ehrenberg, A. S. C. (1988).
    *Repeat-Buying: Facts, Theory and Applications* (2nd ed.). London:
    Griffin (the share of a period's buyers who buy again).

    Parameters
    ----------
    orders : DataFrame
        One row per order, e.g. ``shop.orders``.
    customer_col, date_col, order_col : str
        Column names (``order_col`` is needed only with ``count="orders"``).
    count : {"orders", "days"}
    within_days : int, optional
        A window for the second purchase, in days.
    as_of : date, optional
        End of the observation window (default: the last order date);
        used only with ``within_days``.

    Returns
    -------
    float
        A fraction from 0 to 1.

    Raises
    ------
    DataError
        Missing columns, missing values, no orders, bad arguments, or no
        customer with a complete ``within_days`` window.

    Examples
    --------
    Customer 1 ordered twice, customer 2 twice on the same day, customer 3 once.

    >>> import pandas as pd
    >>> from custlearn import loyalty
    >>> orders = pd.DataFrame({
    ...     "order_id": [1, 2, 3, 4, 5],
    ...     "customer_id": [1, 1, 2, 2, 3],
    ...     "order_date": pd.to_datetime(["2024-01-05", "2024-02-10", "2024-01-07",
    ...                                   "2024-01-07", "2024-01-20"])})
    >>> round(loyalty.repeat_purchase_rate(orders), 3)
    0.667
    >>> round(loyalty.repeat_purchase_rate(orders, count="days"), 3)
    0.333

    Every order needs its date:

    >>> loyalty.repeat_purchase_rate(orders.assign(order_date=[None, "2024-02-10", "2024-01-07",
    ...                                                        "2024-01-07", "2024-01-20"]))
    Traceback (most recent call last):
    ...
    custlearn.DataError: The column "order_date" of the orders table has 1 missing date(s) (first at row 0), but every row needs one. Drop those rows on purpose (df.dropna(subset=["order_date"])) or fill them, then call again.
    """
    require_choice(count, ["orders", "days"], argument="count")
    if within_days is not None:
        within_days = require_window(within_days, argument="within_days")
    act = _activity(orders, customer_col=customer_col, date_col=date_col,
                    order_col=order_col if count == "orders" else None)
    # a purchase is an order (count="orders") or a day with an order (count="days")
    act["purchase"] = act["order"] if count == "orders" else act["date"]
    purchases = act.drop_duplicates(["customer", "purchase"])
    if within_days is not None:
        purchases = _within_window(purchases, within_days, _as_of(as_of, act["date"]))
    per_customer = purchases.groupby("customer").size()
    return float((per_customer >= 2).mean())


def _within_window(purchases: pd.DataFrame, within_days: int, end: pd.Timestamp) -> pd.DataFrame:
    """Purchases of the customers seen for a full window, made within it after their first one."""
    window = pd.Timedelta(days=within_days)
    first = purchases.groupby("customer")["date"].transform("min")
    full_window = first + window <= end
    if not full_window.any():
        raise DataError(
            tr("No customer made a first purchase at least within_days={within_days} days before "
               "as_of={end}, so nobody has had the full window to come back. Use a shorter within_days or "
               "a later as_of.", within_days=within_days, end=end.date())
        )
    eligible, first = purchases[full_window], first[full_window]
    return eligible[eligible["date"] <= first + window]


def _active_periods(act: pd.DataFrame, period: str) -> pd.DataFrame:
    """Distinct (customer, period) pairs with the period's integer ordinal."""
    periods = act["date"].dt.to_period(period)
    out = pd.DataFrame({"customer": act["customer"].to_numpy(), "period": periods.to_numpy()})
    out = out.drop_duplicates().reset_index(drop=True)
    out["ordinal"] = _ordinals(out["period"])
    return out


def retention_rate(
    orders: pd.DataFrame,
    period: str = "M",
    *,
    customer_col: str = "customer_id",
    date_col: str = "order_date",
    as_of: Any = None,
) -> pd.DataFrame:
    """Period-to-period retention: of the customers active in t-1, the share active in t.

    Lesson 04 (loyalty), repeat purchase measured over time. A customer is
    *active* in a calendar period if they have at least one order dated in
    it. For every period t after the first::

        active_previous = customers active in t-1
        retained        = customers active in t-1 AND in t
        retention_rate  = retained / active_previous
        churn_rate      = 1 - retention_rate

    This is the non-contractual reading of retention (nobody cancels, a
    customer just does not buy); a customer who skips a month and comes
    back counts as lost in that month and as active again later.

    Source: Gupta, S., Lehmann, D. R. & Stuart, J. A. (2004). Valuing
    customers. *Journal of Marketing Research*, 41(1), 7-18 (retention rate
    as the share of period t-1 customers still customers in t); Fader, P. S.
    & Hardie, B. G. S. (2010). Customer-base valuation in a contractual
    setting: the perils of ignoring heterogeneity. *Marketing Science*,
    29(1), 85-93.

    Parameters
    ----------
    orders : DataFrame
        One row per order.
    period : {"M", "W", "Q", "Y", "D"}, default "M"
        Calendar month, week (Monday-Sunday), quarter, year or day.
    customer_col, date_col : str
    as_of : date, optional
        Last day observed (default: the last order date). Orders after it
        are ignored; periods with no orders up to it still get a row.
        A last period that is only partly observed understates retention:
        choose an ``as_of`` at a period's end, or drop the last row.

    Returns
    -------
    DataFrame
        Index ``period`` (pandas Periods, from the second period observed);
        columns ``active_previous``, ``retained``, ``retention_rate`` and
        ``churn_rate`` (fractions; NaN where nobody was active in t-1).

    Raises
    ------
    DataError
        Missing columns or values, no orders (up to ``as_of``), an unknown
        period.

    Examples
    --------
    January: customers 1, 2, 3; February: 1, 2; March: 2 and a new 4.

    >>> import pandas as pd
    >>> from custlearn import loyalty
    >>> orders = pd.DataFrame({
    ...     "customer_id": [1, 2, 3, 1, 2, 2, 4],
    ...     "order_date": pd.to_datetime(["2024-01-03", "2024-01-09", "2024-01-20",
    ...         "2024-02-02", "2024-02-14", "2024-03-01", "2024-03-05"])})
    >>> loyalty.retention_rate(orders)
             active_previous  retained  retention_rate  churn_rate
    period
    2024-02                3         2        0.666667    0.333333
    2024-03                2         1        0.500000    0.500000
    >>> loyalty.retention_rate(orders, period="month")
    Traceback (most recent call last):
    ...
    custlearn.DataError: period="month" is not one of the valid choices: "D", "W", "M", "Q", "Y". Pass one of them, e.g. period="D".
    """
    period = _period(period)
    act = _limit(_activity(orders, customer_col=customer_col, date_col=date_col), as_of)
    active = _active_periods(act, period)
    end = _as_of(as_of, act["date"]).to_period(period)
    periods = pd.period_range(active["period"].min(), end, freq=period)
    # A customer active in t-1 is retained if the same customer is active in t:
    # shift every (customer, period) pair one period on and look for it in t.
    moved_on = active.assign(ordinal=active["ordinal"] + 1)
    retained_pairs = moved_on.merge(active[["customer", "ordinal"]], on=["customer", "ordinal"])
    ordinals = pd.Index(periods.asi8)
    active_count = active.groupby("ordinal").size().reindex(ordinals, fill_value=0)
    retained = retained_pairs.groupby("ordinal").size().reindex(ordinals, fill_value=0)
    table = pd.DataFrame(
        {
            "active_previous": active_count.shift(1, fill_value=0).to_numpy(),
            "retained": retained.to_numpy(),
        },
        index=pd.Index(periods, name="period"),
    ).iloc[1:]
    # No one active in t-1: the rate is undefined (NaN), not 0.
    denominator = table["active_previous"].where(table["active_previous"] > 0)
    table["retention_rate"] = table["retained"] / denominator
    table["churn_rate"] = 1.0 - table["retention_rate"]
    return table


def _limit(act: pd.DataFrame, as_of: Any) -> pd.DataFrame:
    """Drop activity after ``as_of``; DataError if nothing is left."""
    if as_of is None:
        return act
    end = as_timestamp(as_of, argument="as_of")
    kept = act[act["date"] <= end]
    if kept.empty:
        raise DataError(
            tr("No order is dated on or before as_of={end}; the first order is on {min_date}. Choose a "
               "later as_of.", end=end.date(), min_date=act['date'].min().date())
        )
    return kept


def churn_rate(
    orders: pd.DataFrame,
    period: str = "M",
    *,
    customer_col: str = "customer_id",
    date_col: str = "order_date",
    as_of: Any = None,
) -> pd.DataFrame:
    """Period-to-period churn: of the customers active in t-1, the share NOT active in t.

    Lesson 04 (loyalty). The complement of :func:`retention_rate`::

        churned    = active_previous - retained
        churn_rate = churned / active_previous = 1 - retention_rate

    "Active" = at least one order in the calendar period; in a
    non-contractual business this is an operational definition (the
    customer did not buy this period), not an observed cancellation.

    Source: Gupta, Lehmann & Stuart (2004), Valuing customers, *Journal of
    Marketing Research* 41(1); Ascarza, E. et al. (2018). In pursuit of
    enhanced customer retention management. *Customer Needs and
    Solutions*, 5, 65-81.

    Parameters
    ----------
    orders, period, customer_col, date_col, as_of
        As in :func:`retention_rate`.

    Returns
    -------
    DataFrame
        Index ``period``; columns ``active_previous``, ``churned`` and
        ``churn_rate`` (fraction).

    Raises
    ------
    DataError
        As :func:`retention_rate`.

    Examples
    --------
    >>> import pandas as pd
    >>> from custlearn import loyalty
    >>> orders = pd.DataFrame({
    ...     "customer_id": [1, 2, 3, 1, 2, 2, 4],
    ...     "order_date": pd.to_datetime(["2024-01-03", "2024-01-09", "2024-01-20",
    ...         "2024-02-02", "2024-02-14", "2024-03-01", "2024-03-05"])})
    >>> loyalty.churn_rate(orders)
             active_previous  churned  churn_rate
    period
    2024-02                3        1    0.333333
    2024-03                2        1    0.500000
    """
    table = retention_rate(orders, period, customer_col=customer_col, date_col=date_col, as_of=as_of)
    return pd.DataFrame(
        {
            "active_previous": table["active_previous"],
            "churned": table["active_previous"] - table["retained"],
            "churn_rate": table["churn_rate"],
        }
    )


def cohort_retention(
    customers: pd.DataFrame,
    orders: pd.DataFrame,
    period: str = "M",
    *,
    customer_col: str = "customer_id",
    date_col: str = "order_date",
    values: str = "share",
    as_of: Any = None,
) -> pd.DataFrame:
    """Cohort x periods-since-first-purchase matrix of the share still buying.

    Lesson 04 (loyalty), cohort analysis of repeat purchase. A customer's
    *cohort* is the calendar period of their first purchase. For cohort c
    and k = 0, 1, 2, ... periods later::

        share[c, k] = customers of cohort c active in period c + k
                      / customers in cohort c

    so ``share[c, 0] = 1.0``. "Active" = at least one order in that period.
    Cells not yet observed (c + k after ``as_of``) are NaN, not 0. Reading
    down a column compares cohorts at the same age; along a row follows one
    cohort.

    Only customers listed in ``customers`` are counted, so passing a subset
    (e.g. ``customers[customers["acquired_with_discount"]]``) gives the
    matrix of that group. Customers who never ordered belong to no cohort.

    Source: Fader, P. S. & Hardie, B. G. S. (2007). How to project customer
    retention. *Journal of Interactive Marketing*, 21(1), 76-90 (cohort
    survival tables); Gupta, Lehmann & Stuart (2004), Valuing customers,
    *JMR* 41(1).

    Parameters
    ----------
    customers : DataFrame
        One row per customer (only ``customer_col`` is used).
    orders : DataFrame
        One row per order.
    period : {"M", "W", "Q", "Y", "D"}, default "M"
    customer_col, date_col : str
    values : {"share", "count"}, default "share"
        Shares (fractions) or numbers of active customers (column 0 is then
        the cohort size).
    as_of : date, optional
        Last day observed (default: the last order date); later orders are
        ignored.

    Returns
    -------
    DataFrame
        Index ``cohort`` (Periods), columns ``periods_since_first_purchase``
        0, 1, ... (NaN where not yet observed).

    Raises
    ------
    DataError
        Missing columns or values, a customer id listed twice in
        ``customers``, no orders for the listed customers, bad arguments.

    Examples
    --------
    January cohort: customers 1, 2 (1 comes back in February, 2 in March);
    February cohort: customer 3 (comes back in March).

    >>> import pandas as pd
    >>> from custlearn import loyalty
    >>> customers = pd.DataFrame({"customer_id": [1, 2, 3]})
    >>> orders = pd.DataFrame({
    ...     "customer_id": [1, 2, 1, 3, 2, 3],
    ...     "order_date": pd.to_datetime(["2024-01-02", "2024-01-15", "2024-02-03",
    ...         "2024-02-09", "2024-03-11", "2024-03-20"])})
    >>> loyalty.cohort_retention(customers, orders)
    periods_since_first_purchase    0    1    2
    cohort
    2024-01                       1.0  0.5  0.5
    2024-02                       1.0  1.0  NaN
    """
    period = _period(period)
    require_choice(values, ["share", "count"], argument="values")
    listed = read_customers(customers, customer_col=customer_col)[customer_col]
    act = _limit(_activity(orders, customer_col=customer_col, date_col=date_col), as_of)
    end = _as_of(as_of, act["date"]).to_period(period).ordinal
    act = act[act["customer"].isin(listed)]
    if act.empty:
        raise DataError(
            tr("None of the customers in the customers table has an order (matched on "
               '"{customer_col}"{up_to}). Check that both tables use the same customer ids, or that the '
               "subset of customers is not empty.",
               customer_col=customer_col, up_to="" if as_of is None else tr(" up to as_of"))
        )
    active = _active_periods(act, period)
    active["cohort"] = active.groupby("customer")["ordinal"].transform("min")
    active["age"] = active["ordinal"] - active["cohort"]
    counts = active.groupby(["cohort", "age"]).size().unstack("age", fill_value=0)
    ages = range(0, end - int(counts.index.min()) + 1)
    counts = counts.reindex(columns=ages, fill_value=0).astype(float)
    sizes = counts[0]
    table = counts.div(sizes, axis=0) if values == "share" else counts
    # Cells after the end of the window are not observed: NaN, not 0.
    unobserved = (counts.index.to_numpy()[:, None] + np.asarray(ages)[None, :]) > end
    table = table.mask(unobserved)
    table.index = pd.PeriodIndex.from_ordinals(table.index.to_numpy(), freq=period)
    table.index.name = "cohort"
    table.columns = pd.Index(list(ages), name="periods_since_first_purchase")
    return table


# --------------------------------------------------------------------------
# Dick & Basu matrix
# --------------------------------------------------------------------------


def loyalty_matrix(
    surveys: pd.DataFrame,
    orders: pd.DataFrame,
    *,
    attitude_cols: Sequence[str] = ("attitude_1", "attitude_2", "attitude_3"),
    attitude_threshold: float = 5.0,
    patronage: str = "orders",
    patronage_threshold: float = 2,
    customer_col: str = "customer_id",
    order_col: str = "order_id",
    amount_col: str = "amount",
) -> pd.DataFrame:
    """Dick & Basu's four loyalty groups from attitude (survey) x repeat patronage (orders).

    Lesson 04 (loyalty), framework: Dick & Basu (1994) attitude x behaviour
    matrix (and the decks' levels: the attitude items are affective /
    cognitive loyalty, repeat patronage is behavioural loyalty)::

        attitude  = mean of the attitude items of a response (1-7), averaged
                    over the customer's responses
        patronage = number of distinct orders  (patronage="orders")
                    or net amount spent        (patronage="spend"; a refund,
                                                a negative amount, counts against it)

        high attitude:  attitude  >= attitude_threshold
        high patronage: patronage >= patronage_threshold

        high attitude + high patronage -> "Loyalty"
        high attitude + low patronage  -> "Latent loyalty"
        low attitude  + high patronage -> "Spurious loyalty"
        low attitude  + low patronage  -> "No loyalty"

    Source: Dick, A. S. & Basu, K. (1994). Customer loyalty: toward an
    integrated conceptual framework. *Journal of the Academy of Marketing
    Science*, 22(2), 99-113 (Figure 1).

    Parameters
    ----------
    surveys : DataFrame
        One row per response with the attitude items.
    orders : DataFrame
        One row per order (or order line): ``customer_col`` and ``order_col``,
        or ``amount_col`` with ``patronage="spend"``; no date is needed.
    attitude_cols : sequence of str
        The attitude items to average (default the three shipped items).
    attitude_threshold : float, default 5.0
        On the items' 1-7 scale, 5 = "somewhat agree".
    patronage : {"orders", "spend"}
    patronage_threshold : float, default 2
        With ``"orders"``: 2 means "bought again".
    customer_col, order_col, amount_col : str

    Returns
    -------
    DataFrame
        One row per surveyed customer (index ``customer_col``): ``attitude``,
        ``patronage``, ``high_attitude``, ``high_patronage``, ``loyalty_group``
        (ordered categorical of :data:`LOYALTY_GROUPS`). Surveyed customers
        with no order have patronage 0; customers never surveyed are left out
        (their attitude is unknown).

    Raises
    ------
    DataError
        Missing columns, missing ids, missing or non-numeric attitude items
        or amounts, no survey responses, bad arguments.

    Examples
    --------
    >>> import pandas as pd
    >>> from custlearn import loyalty
    >>> surveys = pd.DataFrame({"customer_id": [1, 2, 3, 4],
    ...     "attitude_1": [7, 6, 2, 3], "attitude_2": [6, 5, 3, 2],
    ...     "attitude_3": [6, 7, 1, 2]})
    >>> orders = pd.DataFrame({"order_id": [1, 2, 3, 4, 5, 6],
    ...     "customer_id": [1, 1, 2, 3, 3, 4], "amount": [10.0] * 6})
    >>> loyalty.loyalty_matrix(surveys, orders)[["attitude", "patronage", "loyalty_group"]]
                 attitude  patronage     loyalty_group
    customer_id
    1            6.333333          2           Loyalty
    2            6.000000          1    Latent loyalty
    3            2.000000          2  Spurious loyalty
    4            2.333333          1        No loyalty
    """
    require_choice(patronage, ["orders", "spend"], argument="patronage")
    attitude_threshold = require_number(attitude_threshold, argument="attitude_threshold", example="5.0")
    patronage_threshold = require_number(patronage_threshold, argument="patronage_threshold", example="2")
    attitude = _attitude(surveys, _attitude_items(attitude_cols), customer_col)
    behaviour = _patronage(orders, patronage, customer_col=customer_col, order_col=order_col,
                           amount_col=amount_col)
    table = pd.DataFrame({"attitude": attitude})
    table["patronage"] = behaviour.reindex(table.index, fill_value=0)
    table["high_attitude"] = table["attitude"] >= attitude_threshold
    table["high_patronage"] = table["patronage"] >= patronage_threshold
    labels = np.select(
        [
            table["high_attitude"] & table["high_patronage"],
            table["high_attitude"],
            table["high_patronage"],
        ],
        LOYALTY_GROUPS[:3],
        LOYALTY_GROUPS[3],
    )
    table["loyalty_group"] = pd.Categorical(labels, categories=LOYALTY_GROUPS, ordered=True)
    return table


def _attitude_items(attitude_cols: Any) -> list[str]:
    if isinstance(attitude_cols, str):
        attitude_cols = [attitude_cols]
    attitude_cols = list(attitude_cols) if pd.api.types.is_list_like(attitude_cols) else []
    if not attitude_cols:
        raise DataError(tr("attitude_cols is empty; name at least one attitude item, e.g. "
                           'attitude_cols=["attitude_1"].'))
    return attitude_cols


def _attitude(surveys: Any, attitude_cols: list[str], customer_col: str) -> pd.Series:
    """Each surveyed customer's attitude: the mean of a response's items, averaged over their responses."""
    answers = read_surveys(surveys, customer_col=customer_col, numbers=attitude_cols, min_rows=1,
                           arguments=dict.fromkeys(attitude_cols, "attitude_cols"))
    per_response = answers[attitude_cols].mean(axis=1)
    attitude = per_response.groupby(answers[customer_col].to_numpy()).mean()
    attitude.index.name = customer_col
    return attitude


def _patronage(orders: Any, patronage: str, *, customer_col: str, order_col: str, amount_col: str) -> pd.Series:
    """Each buyer's repeat patronage: distinct orders, or net spend (refunds count against it)."""
    if patronage == "orders":
        clean = read_orders(orders, customer_col=customer_col, date_col=None,
                            extra=[Column(order_col, "id", "order_col")])
        return clean.groupby(customer_col)[order_col].nunique()
    clean = read_orders(orders, customer_col=customer_col, date_col=None, amount_col=amount_col,
                        allow_refunds=True)
    return clean.groupby(customer_col)[amount_col].sum()


def loyalty_matrix_counts(matrix: pd.DataFrame, *, share: bool = False) -> pd.DataFrame:
    """The 2x2 Dick & Basu table: customers per attitude x repeat-patronage cell.

    Lesson 04 (loyalty), framework: Dick & Basu (1994), "Customer loyalty:
    toward an integrated conceptual framework", *JAMS* 22(2), Figure 1::

                          high patronage      low patronage
        high attitude     Loyalty             Latent loyalty
        low attitude      Spurious loyalty    No loyalty

    Parameters
    ----------
    matrix : DataFrame
        The result of :func:`loyalty_matrix` (needs ``high_attitude`` and
        ``high_patronage``).
    share : bool, default False
        Fractions of all customers instead of counts.

    Returns
    -------
    DataFrame
        Index ``attitude`` ("high", "low"), columns ``repeat_patronage``
        ("high", "low"); every cell present, zeros included.

    Raises
    ------
    DataError
        If ``matrix`` lacks the two columns, they hold anything but true/false
        (or 1/0) or a missing value, or it has no rows (with ``share``).

    Examples
    --------
    >>> import pandas as pd
    >>> from custlearn import loyalty
    >>> m = pd.DataFrame({"high_attitude": [True, True, False],
    ...                   "high_patronage": [True, False, False]})
    >>> loyalty.loyalty_matrix_counts(m)
    repeat_patronage  high  low
    attitude
    high                 1    1
    low                  0    1
    """
    share = require_flag(share, argument="share")
    matrix = read_table(matrix, [Column("high_attitude", "flag"), Column("high_patronage", "flag")],
                        table="loyalty matrix")
    levels = ["high", "low"]
    att = pd.Categorical(np.where(matrix["high_attitude"], "high", "low"), categories=levels)
    pat = pd.Categorical(np.where(matrix["high_patronage"], "high", "low"), categories=levels)
    counts = pd.crosstab(
        pd.Series(att, name="attitude"), pd.Series(pat, name="repeat_patronage"), dropna=False
    ).reindex(index=levels, columns=levels, fill_value=0)
    counts.index = pd.Index(levels, name="attitude")
    counts.columns = pd.Index(levels, name="repeat_patronage")
    counts = counts.astype(np.int64)
    if share:
        if len(matrix) == 0:
            raise DataError(tr("The loyalty matrix has no rows, so shares cannot be computed."))
        return counts / len(matrix)
    return counts


# --------------------------------------------------------------------------
# Satisfaction -> loyalty
# --------------------------------------------------------------------------


def satisfaction_loyalty_curve(
    surveys: pd.DataFrame,
    orders: pd.DataFrame,
    *,
    window_days: int = 90,
    satisfaction_col: str = "overall_satisfaction",
    recommend_col: str = "likely_to_recommend",
    survey_date_col: str = "survey_date",
    customer_col: str = "customer_id",
    date_col: str = "order_date",
    levels: Sequence[int] = (1, 2, 3, 4, 5),
    promoter_min: int = 9,
    confidence: float = 0.95,
    as_of: Any = None,
) -> pd.DataFrame:
    """Repurchase and recommend rates at each satisfaction level, with Wilson intervals.

    Lesson 04 (loyalty), satisfaction vs loyalty: positively related but not
    proportional -- loyalty climbs steeply only at the top of the scale
    (Jones & Sasser 1995). For each survey response::

        repurchased = the customer has an order dated after the survey date
                      and at most window_days later
        recommends  = likely_to_recommend >= promoter_min (9: a promoter)

    and for each satisfaction level, ``rate = count / responses`` with a
    Wilson (1927) score interval::

        (p + z^2/2n -/+ z*sqrt(p(1-p)/n + z^2/4n^2)) / (1 + z^2/n)

    Responses whose window ends after ``as_of`` (default: the last order
    date) cannot show a full window, so they are left out of the
    repurchase rate (``followed`` counts those kept); they still count in
    the recommend rate. The unit is the response, not the customer.

    Sources: Jones, T. O. & Sasser, W. E. (1995). Why satisfied customers
    defect. *Harvard Business Review*, 73(6), 88-99; Wilson, E. B. (1927).
    Probable inference, the law of succession, and statistical inference.
    *JASA*, 22(158), 209-212; Reichheld (2003) for promoters (9-10).

    Parameters
    ----------
    surveys : DataFrame
        One row per response.
    orders : DataFrame
        One row per order.
    window_days : int, default 90
    satisfaction_col, recommend_col, survey_date_col : str
        Survey columns (satisfaction on a whole-number scale given by
        ``levels``; recommendation on 0-10).
    customer_col, date_col : str
    levels : sequence of int, default 1..5
        Every level gets a row, even with no responses (rates NaN).
    promoter_min : int, default 9
    confidence : float, default 0.95
    as_of : date, optional

    Returns
    -------
    DataFrame
        Index ``satisfaction``; columns ``responses``, ``followed``,
        ``repurchased``, ``repurchase_rate``, ``repurchase_lower``,
        ``repurchase_upper``, ``recommenders``, ``recommend_rate``,
        ``recommend_lower``, ``recommend_upper`` (rates are fractions).

    Raises
    ------
    DataError
        Missing columns or values, satisfaction outside ``levels``,
        recommendation outside 0-10, no responses, bad arguments.

    Examples
    --------
    >>> import pandas as pd
    >>> from custlearn import loyalty
    >>> surveys = pd.DataFrame({"customer_id": [1, 2, 3, 4],
    ...     "survey_date": pd.to_datetime(["2024-01-10"] * 4),
    ...     "overall_satisfaction": [5, 5, 3, 3],
    ...     "likely_to_recommend": [10, 9, 7, 4]})
    >>> orders = pd.DataFrame({"customer_id": [1, 2, 3, 4, 1],
    ...     "order_date": pd.to_datetime(["2024-01-05"] * 4 + ["2024-02-01"])})
    >>> curve = loyalty.satisfaction_loyalty_curve(surveys, orders, window_days=30,
    ...                                            levels=[3, 4, 5], as_of="2024-06-30")
    >>> curve[["responses", "repurchased", "repurchase_rate", "recommend_rate"]]
                  responses  repurchased  repurchase_rate  recommend_rate
    satisfaction
    3                     2            0              0.0             0.0
    4                     0            0              NaN             NaN
    5                     2            1              0.5             1.0
    """
    window = pd.Timedelta(days=require_window(window_days, argument="window_days"))
    promoter_min = require_positive_int(promoter_min, argument="promoter_min", minimum=0, maximum=10)
    confidence = require_confidence(confidence)
    levels = _levels(levels)
    answers = read_surveys(
        surveys, customer_col=customer_col, date_col=survey_date_col, numbers=[satisfaction_col],
        scores={recommend_col: _NPS_SCALE}, min_rows=1,
        arguments={satisfaction_col: "satisfaction_col", recommend_col: "recommend_col"},
    )
    satisfaction = _on_levels(answers[satisfaction_col], levels, satisfaction_col)
    act = _activity(orders, customer_col=customer_col, date_col=date_col)
    end = _as_of(as_of, act["date"])
    # Each response: did the customer buy again within the window? Was the window over by as_of?
    # Would they recommend us (a promoter)?
    bought = _bought_again(answers[customer_col], answers[survey_date_col], act, window)
    followed = (answers[survey_date_col] + window <= end).to_numpy()
    recommends = (answers[recommend_col] >= promoter_min).to_numpy()
    rows = [_level_rates((satisfaction == level).to_numpy(), followed, bought, recommends, confidence)
            for level in levels]
    return pd.DataFrame(rows, index=pd.Index(levels, name="satisfaction"))


def _levels(levels: Any) -> list[int]:
    """The satisfaction scale's levels: a non-empty list of whole numbers."""
    values = as_numeric_series(list(levels), name="levels") if pd.api.types.is_list_like(levels) else None
    if values is None or values.empty or (values % 1 != 0).any():
        raise DataError(
            tr("levels must be a non-empty list of whole-number satisfaction levels, e.g. levels=[1, 2, "
               "3, 4, 5], but {levels!r} was given.", levels=levels)
        )
    return [int(v) for v in values]


def _on_levels(satisfaction: pd.Series, levels: list[int], satisfaction_col: str) -> pd.Series:
    """The satisfaction answers, once every one is one of the ``levels``."""
    outside = ~satisfaction.isin(levels)
    if outside.any():
        found = ", ".join(f"{v:g}" for v in pd.unique(satisfaction[outside])[:3])
        raise DataError(
            tr('The column "{satisfaction_col}" of the surveys table must hold the levels {levels}, but '
               "{n} value(s) are not among them: {found}. Fix those answers or pass levels=[...] for your "
               "scale.",
               satisfaction_col=satisfaction_col, levels=', '.join(str(v) for v in levels),
               n=int(outside.sum()), found=found)
        )
    return satisfaction


def _bought_again(
    customers: pd.Series, survey_dates: pd.Series, act: pd.DataFrame, window: pd.Timedelta
) -> np.ndarray:
    """For each response: has the customer an order after the survey day and at most ``window`` later?"""
    responses = pd.DataFrame(
        {"response": np.arange(len(customers)), "customer": customers.to_numpy(), "survey_date": survey_dates.to_numpy()}
    )
    pairs = responses.merge(act, on="customer")
    hit = (pairs["date"] > pairs["survey_date"]) & (pairs["date"] <= pairs["survey_date"] + window)
    bought = np.zeros(len(customers), dtype=bool)
    bought[pairs.loc[hit, "response"].to_numpy()] = True
    return bought


def _level_rates(
    at: np.ndarray, followed: np.ndarray, bought: np.ndarray, recommends: np.ndarray, confidence: float
) -> dict[str, float]:
    """One row of the curve: repurchase and recommend rates at one level, with Wilson bounds."""
    n = int(at.sum())
    n_followed = int((at & followed).sum())
    k_buy = int((at & followed & bought).sum())
    k_rec = int((at & recommends).sum())
    buy_low, buy_high = wilson_bounds(k_buy, n_followed, confidence)
    rec_low, rec_high = wilson_bounds(k_rec, n, confidence)
    return {
        "responses": n,
        "followed": n_followed,
        "repurchased": k_buy,
        "repurchase_rate": k_buy / n_followed if n_followed else math.nan,
        "repurchase_lower": buy_low,
        "repurchase_upper": buy_high,
        "recommenders": k_rec,
        "recommend_rate": k_rec / n if n else math.nan,
        "recommend_lower": rec_low,
        "recommend_upper": rec_high,
    }
