"""Scoring one question (CSAT, CES, the distribution of answers) and how sure a survey result is (lesson 03).

The Wilson interval (:func:`proportion_ci`) is written out in ``custlearn._stats``, the ground floor,
because lessons 04, 06, 07 and 08 use it too.
"""

from __future__ import annotations

import math
from typing import Any

import pandas as pd

from custlearn._i18n import tr
from custlearn._stats import z_value
from custlearn._tables import Scale, read_scores
from custlearn._validate import DataError, require_choice, require_fraction, require_positive_int


# ---------------------------------------------------------------------------
# the lesson's own checks (the general ones are in custlearn._validate)
# ---------------------------------------------------------------------------


def _scale_args(scale: Any, top_box: Any) -> tuple[int, int]:
    scale = require_positive_int(scale, argument="scale", minimum=2)
    top_box = require_positive_int(top_box, argument="top_box")
    if top_box >= scale:
        raise DataError(
            tr("top_box must be smaller than scale: top_box={top_box} on a 1-{scale} scale would count "
               "every answer. Use top_box=2 for 'top-2-box' (e.g. 4 and 5 on a 1-5 scale).",
               top_box=top_box, scale=scale)
        )
    return scale, top_box


def _scores(scores: Any, scale: int) -> pd.Series:
    """One question's answers as floats: not empty, whole numbers from 1 to ``scale``."""
    fix = tr("This function expects answers on a 1-{scale} scale; pass scale= if yours differs.", scale=scale)
    return read_scores(scores, scale=Scale(1, scale, fix=fix))


def _statistic(values: pd.Series, scale: int, top_box: int, statistic: str) -> float:
    require_choice(statistic, ["top_box", "mean"], argument="statistic")
    if statistic == "mean":
        return float(values.mean())
    # top box: the share of answers in the top `top_box` points, as a percentage
    threshold = scale - top_box + 1
    return float(100.0 * (values >= threshold).mean())


# ---------------------------------------------------------------------------
# Scoring one question: CSAT and CES
# ---------------------------------------------------------------------------


def csat(scores: Any, *, scale: int = 5, top_box: int = 2, statistic: str = "top_box") -> float:
    """Customer satisfaction score (CSAT): top-box percentage or mean.

    Lesson 03, "scoring a satisfaction question". CSAT is reported in two
    ways that managers often mix up:

    - top-box (the default): the percentage of answers in the top
      ``top_box`` points of the scale,
      ``CSAT = 100 * #{score >= scale - top_box + 1} / n``; on a 1-5 scale with
      ``top_box=2`` that is the share of 4s and 5s ("satisfied or very
      satisfied"), a number from 0 to 100;
    - mean (``statistic="mean"``): the average score, ``sum(score) / n``, on the
      scale itself (1 to ``scale``).

    The two can move apart: moving customers from 1 to 3 raises the mean but
    not the top-box share. Top-box is the usual choice because the strongest
    loyalty sits at the top of the scale (Jones & Sasser 1995, "Why
    satisfied customers defect", Harvard Business Review 73(6)); the
    American Customer Satisfaction Index reports a mean-based index (Fornell
    et al. 1996, Journal of Marketing 60(4)).

    Parameters
    ----------
    scores : Series, list or array of whole numbers from 1 to ``scale``
        One answer per respondent, e.g. ``surveys["overall_satisfaction"]``.
        Missing answers are not allowed: drop them first.
    scale : int, default 5
        The highest point of the scale (the lowest is 1).
    top_box : int, default 2
        How many top points count as satisfied (2 = "top-2-box").
    statistic : {"top_box", "mean"}, default "top_box"
        ``"top_box"`` gives a percentage (0-100), ``"mean"`` the mean score.

    Returns
    -------
    float
        The top-box percentage (0-100) or the mean score.

    Raises
    ------
    DataError
        If scores are empty, missing, not numbers, not whole or outside 1 to
        ``scale``, or if ``top_box`` is not smaller than ``scale``.

    Examples
    --------
    >>> answers = [5, 4, 4, 3, 2, 5, 1, 4]
    >>> csat(answers)                     # 5 of 8 answered 4 or 5
    62.5
    >>> round(csat(answers, statistic="mean"), 3)
    3.5
    >>> csat(answers, top_box=1)          # top-1-box: only the 5s
    25.0
    >>> csat(answers, top_box=5)          # every answer is in the top 5 of a 1-5 scale
    Traceback (most recent call last):
    ...
    custlearn.DataError: top_box must be smaller than scale: top_box=5 on a 1-5 scale would count every answer. Use top_box=2 for 'top-2-box' (e.g. 4 and 5 on a 1-5 scale).
    """
    scale, top_box = _scale_args(scale, top_box)
    s = _scores(scores, scale)
    return _statistic(s, scale, top_box, statistic)


def ces(scores: Any, *, scale: int = 7, top_box: int = 3, statistic: str = "top_box") -> float:
    """Customer Effort Score (CES) on the 1-7 "the company made it easy" item.

    Lesson 03, "Customer Effort Score". Dixon, Freeman & Toman (2010, "Stop
    trying to delight your customers", Harvard Business Review 88(7/8))
    found that reducing the effort a customer must make to get an issue
    handled predicts loyalty better than delighting them. The course uses
    the later 1-7 agreement form of the question, "The company made it easy
    for me to handle my issue" (1 = strongly disagree, 7 = strongly agree;
    Dixon, Toman & DeLisi 2013, *The Effortless Experience*), where a HIGH
    score means LOW effort. It is reported as

    - the share who agree (the default): answers of 5, 6 or 7, i.e. the top
      ``top_box=3`` points, ``CES = 100 * #{score >= 5} / n`` (0-100);
    - or the mean score (``statistic="mean"``), 1 to 7.

    The original 2010 question ran the other way ("How much effort did you
    personally have to put forth?", 1 = very low to 5 = very high effort):
    reverse such scores first (``6 - score``) so that high means easy.

    Parameters
    ----------
    scores : Series, list or array of whole numbers from 1 to ``scale``
        E.g. ``surveys["customer_effort"]`` (7 = "made it very easy").
    scale : int, default 7
        The highest point of the scale (the lowest is 1).
    top_box : int, default 3
        How many top points count as "easy" (3 = 5, 6 and 7 on a 1-7 scale).
    statistic : {"top_box", "mean"}, default "top_box"

    Returns
    -------
    float
        The percentage (0-100) of "easy" answers, or the mean score.

    Raises
    ------
    DataError
        As :func:`csat`.

    Examples
    --------
    >>> effort = [7, 6, 5, 4, 2, 7]
    >>> round(ces(effort), 3)          # 4 of 6 agreed (5-7)
    66.667
    >>> round(ces(effort, statistic="mean"), 3)
    5.167
    """
    scale, top_box = _scale_args(scale, top_box)
    s = _scores(scores, scale)
    return _statistic(s, scale, top_box, statistic)


def score_distribution(scores: Any, *, scale: int = 5) -> pd.DataFrame:
    """How many answered each point of a 1-``scale`` question.

    Lesson 03: look at the whole distribution before summarising it by a
    top-box share or a mean (Likert 1932, "A technique for the measurement
    of attitudes", Archives of Psychology 140). Every point of the scale
    appears, also those nobody chose; ``percent = 100 * count / n``.

    Parameters
    ----------
    scores : Series, list or array of whole numbers from 1 to ``scale``
    scale : int, default 5

    Returns
    -------
    DataFrame
        Index ``score`` (1 ... scale); columns ``count`` and ``percent``.

    Raises
    ------
    DataError
        As :func:`csat`.

    Examples
    --------
    >>> score_distribution([5, 4, 4, 1], scale=5)
           count  percent
    score
    1          1     25.0
    2          0      0.0
    3          0      0.0
    4          2     50.0
    5          1     25.0
    """
    scale = require_positive_int(scale, argument="scale", minimum=2)
    s = _scores(scores, scale)
    counts = s.astype(int).value_counts().reindex(range(1, scale + 1), fill_value=0)
    out = pd.DataFrame({"count": counts.to_numpy(dtype="int64")}, index=pd.Index(range(1, scale + 1), name="score"))
    out["percent"] = 100.0 * out["count"] / len(s)
    return out




# ---------------------------------------------------------------------------
# How sure are we: margin of error and sample size (the Wilson interval: custlearn._stats)
# ---------------------------------------------------------------------------


def _check_population(population: Any, n: int | None = None) -> int | None:
    if population is None:
        return None
    population = require_positive_int(population, argument="population")
    if n is not None and n > population:
        raise DataError(
            tr("The sample (n={n}) cannot be larger than the population (population={population}). Give "
               "the number of customers you could survey as population=, or leave it out.",
               n=n, population=population)
        )
    return population


def margin_of_error(
    n: int, *, p: float = 0.5, confidence: float = 0.95, population: int | None = None
) -> float:
    """Margin of error of a proportion from a sample of ``n`` (normal approximation).

    Lesson 03, "how sure are we". The half-width of the usual confidence
    interval for a proportion (Cochran 1977, *Sampling Techniques*, 3rd ed.,
    ch. 3 and 4)::

        MOE = z * sqrt(p (1 - p) / n) * sqrt((N - n) / (N - 1))

    where the last factor, the finite-population correction, is used only
    when the population size ``N`` is given. ``p = 0.5`` (the default) gives
    the largest, most cautious margin. Example: n = 400 at 95% gives
    1.96 * sqrt(0.25 / 400) = 0.049, "plus or minus 4.9 percentage points".

    Parameters
    ----------
    n : int
        Sample size (respondents), at least 1.
    p : float, default 0.5
        The expected proportion, from 0 to 1.
    confidence : float, default 0.95
    population : int, optional
        Population size ``N`` (e.g. active customers) for the finite-population
        correction; leave out for a large population.

    Returns
    -------
    float
        The margin as a fraction (0.049 = +/- 4.9 percentage points).

    Raises
    ------
    DataError
        If ``n`` or ``population`` is not a whole number >= 1, ``n > population``,
        or ``p`` / ``confidence`` is out of range.

    Examples
    --------
    >>> round(margin_of_error(400), 4)
    0.049
    >>> round(margin_of_error(400, population=1000), 4)
    0.038
    """
    n = require_positive_int(n, argument="n")
    p = require_fraction(p, argument="p", closed=True, example="0.5")
    z = z_value(confidence)
    population = _check_population(population, n)
    moe = z * math.sqrt(p * (1 - p) / n)
    if population is not None:
        fpc = 0.0 if population == 1 else math.sqrt((population - n) / (population - 1))
        moe *= fpc
    return moe


def required_sample_size(
    margin: float, *, p: float = 0.5, confidence: float = 0.95, population: int | None = None
) -> int:
    """How many respondents are needed for a target margin of error.

    Lesson 03, "how many do we need to ask". Solving the margin-of-error
    formula for n (Cochran 1977, *Sampling Techniques*, 3rd ed., ch. 4)::

        n0 = z^2 p (1 - p) / margin^2
        n  = n0 / (1 + (n0 - 1) / N)      (only when the population N is given)

    rounded UP to a whole respondent. With p = 0.5, 95% confidence and a
    margin of 0.05 this is the well-known n = 385 (1.96^2 * 0.25 / 0.05^2 =
    384.1, rounded up); with N = 1,000 customers it falls to 278
    (Krejcie & Morgan 1970, Table 1).

    Parameters
    ----------
    margin : float
        Target margin as a fraction, strictly between 0 and 1 (0.05 = +/- 5
        percentage points).
    p : float, default 0.5
        The expected proportion; 0.5 is the safe choice when unknown.
    confidence : float, default 0.95
    population : int, optional
        Population size for the finite-population correction.

    Returns
    -------
    int
        Respondents needed (completed answers, before allowing for
        non-response).

    Raises
    ------
    DataError
        If ``margin``, ``p`` or ``confidence`` are out of range, or
        ``population`` is not a whole number >= 1.

    Examples
    --------
    >>> required_sample_size(0.05)
    385
    >>> required_sample_size(0.05, population=1000)
    278
    >>> required_sample_size(0.03)
    1068
    >>> required_sample_size(5)           # 5 percentage points is 0.05
    Traceback (most recent call last):
    ...
    custlearn.DataError: margin must be a fraction strictly between 0 and 1, e.g. margin=0.05, but 5 was given. Give a fraction, not a percentage: 0.05, not 5.
    """
    margin = require_fraction(margin, argument="margin", example="0.05")
    p = require_fraction(p, argument="p", closed=True, example="0.5")
    z = z_value(confidence)
    population = _check_population(population)
    n0 = z**2 * p * (1 - p) / margin**2
    n = n0 if population is None else n0 / (1 + (n0 - 1) / population)
    # round up, but do not let float noise (384.0000000001) add a respondent
    return max(1, math.ceil(n - 1e-9))
