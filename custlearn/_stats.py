"""Statistics that several lessons share: normal quantiles and intervals.

Lesson 03 teaches the Wilson interval for a share ("how sure are we");
lessons 04, 06, 07 and 08 use it for their own shares. Lesson 04's Net Promoter
Score and its interval (Rocks 2016) are counted here too, because lesson 05's
indicator scorecard reports them per segment: :func:`nps_counts` and
:func:`nps_bounds` are the core of ``loyalty.nps`` and ``loyalty.nps_interval``
(the public names stay in lesson 04). Every interval of the course is an
:class:`Interval` with ``lower`` and ``upper``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from statistics import NormalDist
from typing import Any

import numpy as np

from custlearn._errors import DataError
from custlearn._i18n import tr
from custlearn._validate import require_confidence, require_positive_int

__all__ = [
    "Interval",
    "z_value",
    "proportion_ci",
    "wilson_bounds",
    "wilson_columns",
    "percentile_bounds",
    "mean_bounds",
    "nps_counts",
    "nps_bounds",
]


@dataclass(frozen=True)
class Interval:
    """An estimate with its confidence interval.

    Attributes: ``estimate``, ``lower``, ``upper``, ``confidence`` (e.g.
    0.95), ``n`` (observations) and ``method`` (e.g. ``"Wilson"``). Shares
    are fractions, not percentages.

    Examples
    --------
    >>> Interval(0.6, 0.3127, 0.8318, 0.95, 10, "Wilson")
    Interval(estimate=0.6000, lower=0.3127, upper=0.8318, confidence=0.95, n=10, method='Wilson')
    """

    estimate: float
    lower: float
    upper: float
    confidence: float
    n: int
    method: str

    def __repr__(self) -> str:
        return (
            f"Interval(estimate={self.estimate:.4f}, lower={self.lower:.4f}, "
            f"upper={self.upper:.4f}, confidence={self.confidence:g}, n={self.n}, "
            f"method={self.method!r})"
        )


def z_value(confidence: Any, *, argument: str = "confidence") -> float:
    """Two-sided standard normal quantile for a confidence level (1.96 for 0.95).

    Examples
    --------
    >>> round(z_value(0.95), 4)
    1.96
    >>> z_value(95)
    Traceback (most recent call last):
    ...
    custlearn.DataError: confidence must be a fraction strictly between 0 and 1, e.g. confidence=0.95, but 95 was given. Give a fraction, not a percentage: 0.95, not 95.
    """
    confidence = require_confidence(confidence, argument=argument)
    return NormalDist().inv_cdf(0.5 + confidence / 2)


def proportion_ci(successes: int, n: int, confidence: float = 0.95) -> Interval:
    """Wilson score confidence interval for a proportion (e.g. a top-box share).

    Lesson 03, "how sure are we". With ``p = successes / n`` and ``z`` the
    two-sided normal quantile (1.96 for 95%), Wilson (1927, "Probable
    inference, the law of succession, and statistical inference", JASA
    22(158)) gives::

        centre = (p + z^2 / (2n)) / (1 + z^2 / n)
        half   = z / (1 + z^2 / n) * sqrt(p (1 - p) / n + z^2 / (4 n^2))
        interval = [centre - half, centre + half]

    Unlike the textbook "p +/- z sqrt(p(1-p)/n)" it never leaves 0-1 and
    still works when nobody (or everybody) said yes; Agresti & Coull (1998)
    and Brown, Cai & DasGupta (2001) recommend it for survey-sized samples.

    Parameters
    ----------
    successes : int
        How many answered "yes" (e.g. gave a 4 or 5), 0 to ``n``.
    n : int
        How many answered, at least 1.
    confidence : float, default 0.95
        Confidence level, strictly between 0 and 1.

    Returns
    -------
    Interval
        ``estimate``, ``lower``, ``upper`` as fractions (multiply by 100 for
        percentages), plus ``confidence``, ``n`` and ``method="Wilson"``.

    Raises
    ------
    DataError
        If ``n`` is not a whole number >= 1, ``successes`` not a whole number
        from 0 to ``n``, or ``confidence`` not in (0, 1).

    Examples
    --------
    >>> ci = proportion_ci(6, 10)
    >>> round(ci.lower, 3), round(ci.upper, 3)
    (0.313, 0.832)
    >>> round(proportion_ci(0, 20).upper, 3)      # nobody said yes: still informative
    0.161
    >>> proportion_ci(12, 10)
    Traceback (most recent call last):
    ...
    custlearn.DataError: successes must be at most n, but successes=12 and n=10 were given. Pass the number who answered yes and the number who answered in total.
    """
    n = require_positive_int(n, argument="n")
    successes = require_positive_int(successes, argument="successes", minimum=0)
    if successes > n:
        raise DataError(
            tr("successes must be at most n, but successes={successes} and n={n} were given. Pass the "
               "number who answered yes and the number who answered in total.", successes=successes, n=n)
        )
    z = z_value(confidence)
    p = successes / n
    denom = 1 + z**2 / n
    centre = (p + z**2 / (2 * n)) / denom
    half = z / denom * math.sqrt(p * (1 - p) / n + z**2 / (4 * n**2))
    lower = 0.0 if successes == 0 else max(0.0, centre - half)
    upper = 1.0 if successes == n else min(1.0, centre + half)
    return Interval(p, lower, upper, float(confidence), n, "Wilson")


def wilson_bounds(successes: int, n: int, confidence: float = 0.95) -> tuple[float, float]:
    """(lower, upper) of :func:`proportion_ci`, or (nan, nan) when ``n`` is 0.

    For tables of many groups (lessons 04 and 05), where an empty group
    should show no interval rather than stop the whole table.

    Examples
    --------
    >>> [round(b, 4) for b in wilson_bounds(6, 10)]
    [0.3127, 0.8318]
    >>> wilson_bounds(0, 0)
    (nan, nan)
    """
    if n == 0:
        return math.nan, math.nan
    ci = proportion_ci(int(successes), int(n), confidence)
    return ci.lower, ci.upper


def wilson_columns(successes: Sequence[int], n: Sequence[int], confidence: float = 0.95) -> tuple[list, list]:
    """The Wilson bounds of many groups at once: the ``lower`` and ``upper`` columns of a table of shares.

    Examples
    --------
    >>> lower, upper = wilson_columns([6, 0], [10, 0])
    >>> [round(lower[0], 4), round(upper[0], 4)], lower[1]
    ([0.3127, 0.8318], nan)
    """
    bounds = [wilson_bounds(int(k), int(m), confidence) for k, m in zip(successes, n)]
    return [b[0] for b in bounds], [b[1] for b in bounds]


def percentile_bounds(draws: Sequence[float] | np.ndarray, confidence: float = 0.95) -> tuple[float, float]:
    """The percentile interval of bootstrap draws (Efron & Tibshirani 1993, ch. 13).

    Examples
    --------
    >>> percentile_bounds(list(range(101)), 0.9)
    (5.0, 95.0)
    """
    confidence = require_confidence(confidence)
    alpha = 1 - confidence
    low, high = np.quantile(np.asarray(draws, dtype=float), [alpha / 2, 1 - alpha / 2])
    return float(low), float(high)


def mean_bounds(values: Sequence[float] | np.ndarray, confidence: float = 0.95, *,
                floor: float | None = None) -> tuple[float, float]:
    """Normal interval of a mean: ``mean +/- z * s / sqrt(n)`` (s with n - 1); (nan, nan) below 2 values.

    For the per-customer means of lesson 05's scorecard and holdout check
    (purchases or referrals per customer): the large-sample interval of a
    mean (e.g. Agresti & Franklin, *Statistics*, ch. 8), fine for the
    hundreds of customers of a segment. ``floor`` cuts the lower bound where
    the mean cannot go (0 for counts: a segment with few referrals would
    otherwise get an interval below zero).

    Examples
    --------
    >>> [round(b, 4) for b in mean_bounds([1, 2, 3, 4], 0.95)]   # 2.5 +/- 1.96 * 1.291 / 2
    [1.2348, 3.7652]
    >>> [round(b, 2) for b in mean_bounds([0, 0, 0, 1], 0.95, floor=0)]   # 0.25 - 0.49 would be below 0
    [0.0, 0.74]
    >>> mean_bounds([5.0])
    (nan, nan)
    """
    x = np.asarray(values, dtype=float)
    if len(x) < 2:
        return math.nan, math.nan
    half = z_value(confidence) * float(x.std(ddof=1)) / math.sqrt(len(x))
    lower = float(x.mean()) - half
    return (lower if floor is None else max(lower, float(floor))), float(x.mean()) + half


def nps_counts(scores: np.ndarray) -> tuple[int, int, int]:
    """(detractors, passives, promoters) among checked 0-10 answers: 0-6, 7-8 and 9-10 (Reichheld 2003).

    The counting behind ``loyalty.nps`` (lesson 04) and lesson 05's scorecard.

    Examples
    --------
    >>> nps_counts(np.array([10, 9, 9, 10, 9, 8, 7, 7, 6, 0]))
    (2, 3, 5)
    """
    s = np.asarray(scores, dtype=float)
    detractors = int((s <= 6).sum())
    promoters = int((s >= 9).sum())
    return detractors, len(s) - detractors - promoters, promoters


def nps_bounds(detractors: int, promoters: int, n: int, confidence: float = 0.95) -> tuple[float, float, float, float]:
    """NPS, its normal (Wald) interval and standard error, all in points: Rocks (2016).

    With shares p_P = promoters / n and p_D = detractors / n::

        NPS = 100 (p_P - p_D),   se = 100 sqrt([p_P + p_D - (p_P - p_D)^2] / n)
        interval = NPS +/- z se, clipped to [-100, 100]

    Rocks, B. (2016), "Interval estimation for the 'Net Promoter Score'", *The
    American Statistician* 70(4). Returns (nps, lower, upper, se); all nan when
    ``n`` is 0 (a group with no answers shows no score rather than stopping a table).

    Examples
    --------
    >>> [round(v, 2) for v in nps_bounds(20, 50, 100)]
    [30.0, 14.69, 45.31, 7.81]
    """
    if n == 0:
        return math.nan, math.nan, math.nan, math.nan
    p_p, p_d = promoters / n, detractors / n
    point = 100.0 * (p_p - p_d)
    se = 100.0 * math.sqrt(max((p_p + p_d - (p_p - p_d) ** 2) / n, 0.0))
    z = z_value(confidence)
    return point, max(-100.0, point - z * se), min(100.0, point + z * se), se
