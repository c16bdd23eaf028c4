"""Lesson 03: measuring satisfaction and service quality.

Satisfaction is experience measured against expectation. This module holds
the measures the lesson uses, each written out so a learner can read it:

- scoring a question: :func:`csat` (top-box share or mean),
  :func:`ces` (Customer Effort Score), :func:`score_distribution`;
- how sure we are: :func:`proportion_ci` (Wilson interval; written out in
  ``custlearn._stats`` because lessons 04, 06 and 07 use it too, and
  importable from here as the lesson teaches it), :func:`margin_of_error`,
  :func:`required_sample_size`;
- service quality: :func:`servqual_scores`, :func:`servqual_gaps`
  (SERVQUAL, perception minus expectation) and
  :func:`technical_functional_gaps` (Gronroos' technical vs functional
  quality);
- is the scale reliable: :func:`cronbach_alpha`, :func:`cronbach_alpha_ci`
  (Feldt interval), :func:`alpha_if_item_deleted`;
- where to act: :func:`driver_analysis` (correlation and standardised
  regression weight) and :func:`importance_performance` (Martilla & James
  grid).

Column names default to the course's ``surveys`` table (``exp_<dim>_<k>``,
``per_<dim>_<k>``, ``overall_satisfaction``, ``customer_effort``) and every
function lets you name your own columns. Every table is read once, at the
door, by ``custlearn._tables`` (one rule for every lesson: text where numbers
are expected, answers off the scale and missing values the function cannot
skip are a :class:`custlearn.DataError` naming the column).

Only numpy and pandas are imported at module level; scipy is imported inside
:func:`cronbach_alpha_ci`, the one function that needs the F distribution.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

# proportion_ci and Interval are lesson 03's and keep their names here; wilson_bounds too (for
# code written before it moved to the ground floor, _stats, where lessons 04, 06 and 07 take it).
from custlearn._stats import Interval, proportion_ci, wilson_bounds, z_value  # noqa: F401
from custlearn._tables import Column, Scale, read_scores, read_surveys, read_table
from custlearn._validate import (
    DataError,
    as_numeric_series,
    require_choice,
    require_confidence,
    require_fraction,
    require_number,
    require_positive_int,
)

__all__ = [
    "DIMENSIONS",
    "QUALITY_TYPES",
    "QUADRANTS",
    "Interval",
    "csat",
    "ces",
    "score_distribution",
    "proportion_ci",
    "margin_of_error",
    "required_sample_size",
    "servqual_scores",
    "servqual_gaps",
    "technical_functional_gaps",
    "cronbach_alpha",
    "cronbach_alpha_ci",
    "alpha_if_item_deleted",
    "driver_analysis",
    "importance_performance",
]

#: The five SERVQUAL dimensions (Parasuraman, Zeithaml & Berry 1988), in the
#: order of the course's ``surveys`` columns.
DIMENSIONS = ("tangibles", "reliability", "responsiveness", "assurance", "empathy")

#: Gronroos' (1984) two kinds of service quality, mapped onto the SERVQUAL
#: dimensions. Reliability ("doing what was promised, dependably and
#: accurately") is about the service *outcome*: technical quality, what is
#: delivered. The other four are about the service *process*: functional
#: quality, how it is delivered (Parasuraman, Berry & Zeithaml 1991,
#: "Understanding customer expectations of service", Sloan Management Review
#: 32(3)). Pass your own mapping to ``quality_types=`` if you group them
#: differently.
QUALITY_TYPES = {
    "tangibles": "functional",
    "reliability": "technical",
    "responsiveness": "functional",
    "assurance": "functional",
    "empathy": "functional",
}

#: The four cells of the importance-performance grid (Martilla & James 1977),
#: keyed by (high importance?, high performance?).
QUADRANTS = {
    (True, False): "Concentrate here",
    (True, True): "Keep up the good work",
    (False, False): "Low priority",
    (False, True): "Possible overkill",
}
_QUADRANT_ORDER = ["Concentrate here", "Keep up the good work", "Low priority", "Possible overkill"]


# ---------------------------------------------------------------------------
# the lesson's own checks (the general ones are in custlearn._validate)
# ---------------------------------------------------------------------------


def _scale_args(scale: Any, top_box: Any) -> tuple[int, int]:
    scale = require_positive_int(scale, argument="scale", minimum=2)
    top_box = require_positive_int(top_box, argument="top_box")
    if top_box >= scale:
        raise DataError(
            f"top_box must be smaller than scale: top_box={top_box} on a 1-{scale} scale would "
            f"count every answer. Use top_box=2 for 'top-2-box' (e.g. 4 and 5 on a 1-5 scale)."
        )
    return scale, top_box


def _scores(scores: Any, scale: int) -> pd.Series:
    """One question's answers as floats: not empty, whole numbers from 1 to ``scale``."""
    fix = f"This function expects answers on a 1-{scale} scale; pass scale= if yours differs."
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
# How sure are we: intervals, margin of error, sample size
# ---------------------------------------------------------------------------
# proportion_ci (the Wilson interval) and Interval are written out in
# custlearn._stats, the ground floor, and imported above: lessons 04, 06 and
# 07 use them too.


def _check_population(population: Any, n: int | None = None) -> int | None:
    if population is None:
        return None
    population = require_positive_int(population, argument="population")
    if n is not None and n > population:
        raise DataError(
            f"The sample (n={n}) cannot be larger than the population (population={population}). "
            f"Give the number of customers you could survey as population=, or leave it out."
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


# ---------------------------------------------------------------------------
# SERVQUAL
# ---------------------------------------------------------------------------


def _dimension_items(columns: pd.Index, prefix: str, dimension: str, *, argument: str) -> dict[int, str]:
    pattern = re.compile(rf"^{re.escape(prefix)}{re.escape(dimension)}_(\d+)$")
    found = {int(m.group(1)): str(c) for c in columns if (m := pattern.match(str(c)))}
    if not found:
        raise DataError(
            f'No item columns for the SERVQUAL dimension "{dimension}" were found: expected '
            f'columns named "{prefix}{dimension}_1", "{prefix}{dimension}_2", ... in the surveys '
            f"table. If your columns use another prefix, pass {argument}=\"<prefix>\"; if you "
            f"measure other dimensions, pass dimensions=[...]."
        )
    return dict(sorted(found.items()))


def _check_dimensions(dimensions: Any) -> list[str]:
    if isinstance(dimensions, str):
        dimensions = [dimensions]
    dims = list(dimensions)
    if not dims or not all(isinstance(d, str) and d for d in dims):
        raise DataError(
            f"dimensions must be a list of dimension names such as {list(DIMENSIONS)}, "
            f"but {dimensions!r} was given."
        )
    if len(set(dims)) != len(dims):
        raise DataError(f"dimensions lists a name twice: {dims}. Give each dimension once.")
    return dims


def _paired_items(
    columns: pd.Index, dimension: str, expectation_prefix: str, perception_prefix: str
) -> tuple[list[str], list[str]]:
    exp = _dimension_items(columns, expectation_prefix, dimension, argument="expectation_prefix")
    per = _dimension_items(columns, perception_prefix, dimension, argument="perception_prefix")
    if exp.keys() != per.keys():
        missing = [f"{perception_prefix}{dimension}_{k}" for k in exp.keys() - per.keys()] + \
                  [f"{expectation_prefix}{dimension}_{k}" for k in per.keys() - exp.keys()]
        raise DataError(
            f'The SERVQUAL dimension "{dimension}" has expectation items {list(exp.values())} but '
            f"perception items {list(per.values())}: {', '.join(sorted(missing))} is missing. SERVQUAL "
            f"pairs each expectation item with the perception item of the same number; make the two "
            f"sets match (load the missing column, or drop its partner on purpose)."
        )
    return list(exp.values()), list(per.values())


def _dimension_scores(
    surveys: Any,
    dimensions: Any,
    expectation_prefix: str,
    perception_prefix: str,
    scale: Any,
) -> dict[str, tuple[pd.Series, pd.Series, int]]:
    """Each respondent's mean expectation and perception per dimension, and its item count.

    The step both SERVQUAL functions share: find the paired item columns of
    each dimension, read them once on their 1-``scale`` scale (a skipped item
    may be blank), and average the items of a dimension. ``mean(skipna=False)``:
    a respondent who skipped an item of a dimension has no score for it.
    """
    scale = require_positive_int(scale, argument="scale", minimum=2)
    dims = _check_dimensions(dimensions)
    read_surveys(surveys, customer_col=None, min_rows=1)  # a table with answers, before looking for items
    items = {d: _paired_items(surveys.columns, d, expectation_prefix, perception_prefix) for d in dims}
    columns = [c for exp_cols, per_cols in items.values() for c in (*exp_cols, *per_cols)]
    on_scale = Scale(1, scale, fix=f"SERVQUAL items are answered on a 1-{scale} scale; pass scale= if yours "
                                   f"differs.")
    answers = read_surveys(surveys, customer_col=None, scores=dict.fromkeys(columns, on_scale), missing="keep")
    return {
        d: (answers[exp_cols].mean(axis=1, skipna=False), answers[per_cols].mean(axis=1, skipna=False),
            len(exp_cols))
        for d, (exp_cols, per_cols) in items.items()
    }


def servqual_scores(
    surveys: pd.DataFrame,
    *,
    kind: str = "perception",
    dimensions: Sequence[str] = DIMENSIONS,
    expectation_prefix: str = "exp_",
    perception_prefix: str = "per_",
    scale: int = 7,
) -> pd.DataFrame:
    """Each respondent's SERVQUAL score per dimension (the mean of its items).

    Lesson 03, SERVQUAL (Parasuraman, Zeithaml & Berry 1988, "SERVQUAL: a
    multiple-item scale for measuring consumer perceptions of service
    quality", Journal of Retailing 64(1)). For respondent i and dimension d
    with items k = 1..K::

        perception_d  = mean_k per_<d>_<k>
        expectation_d = mean_k exp_<d>_<k>
        gap_d         = perception_d - expectation_d

    A respondent who skipped any item of a dimension gets NaN for it.
    These scores are the inputs of :func:`driver_analysis`.

    Parameters
    ----------
    surveys : DataFrame
        One row per response, with columns ``<prefix><dimension>_<k>``.
    kind : {"perception", "expectation", "gap"}, default "perception"
    dimensions : list of str, default the five SERVQUAL dimensions
    expectation_prefix, perception_prefix : str, default "exp_", "per_"
    scale : int, default 7
        Items are whole numbers from 1 to ``scale``.

    Returns
    -------
    DataFrame
        Same index as ``surveys``; one column per dimension.

    Raises
    ------
    DataError
        If ``surveys`` is not a non-empty DataFrame, a dimension has no item
        columns, expectation and perception items do not pair up, or an item
        is not a whole number from 1 to ``scale``.

    Examples
    --------
    >>> import pandas as pd
    >>> s = pd.DataFrame({"exp_reliability_1": [7, 6], "exp_reliability_2": [7, 6],
    ...                   "per_reliability_1": [5, 6], "per_reliability_2": [4, 5]})
    >>> servqual_scores(s, kind="gap", dimensions=["reliability"])
       reliability
    0         -2.5
    1         -0.5
    """
    require_choice(kind, ["perception", "expectation", "gap"], argument="kind")
    scores = _dimension_scores(surveys, dimensions, expectation_prefix, perception_prefix, scale)
    out = {}
    for d, (expectation, perception, _n_items) in scores.items():
        out[d] = {"perception": perception, "expectation": expectation, "gap": perception - expectation}[kind]
    return pd.DataFrame({d: v.to_numpy() for d, v in out.items()}, index=surveys.index)


def servqual_gaps(
    surveys: pd.DataFrame,
    *,
    dimensions: Sequence[str] = DIMENSIONS,
    expectation_prefix: str = "exp_",
    perception_prefix: str = "per_",
    scale: int = 7,
    quality_types: Mapping[str, str] | None = None,
) -> pd.DataFrame:
    """SERVQUAL gap per dimension: mean perception minus mean expectation.

    Lesson 03, service quality = perceived minus expected. Parasuraman,
    Zeithaml & Berry (1988, Journal of Retailing 64(1)) measure five
    dimensions (tangibles, reliability, responsiveness, assurance, empathy),
    each with expectation items ("an excellent company would ...") and
    perception items ("this company ..."). Per dimension, over the n
    respondents who answered all its items::

        expectation = mean over respondents of mean_k exp_<d>_<k>
        perception  = mean over respondents of mean_k per_<d>_<k>
        gap         = perception - expectation

    A negative gap is a shortfall: the service is below what customers
    expect. The ``quality`` column groups the dimensions into Gronroos'
    (1984, "A service quality model and its marketing implications",
    European Journal of Marketing 18(4)) technical quality (what is
    delivered: reliability) and functional quality (how it is delivered:
    the other four); see :data:`QUALITY_TYPES` and
    :func:`technical_functional_gaps`.

    Parameters
    ----------
    surveys : DataFrame
        One row per response with columns ``<prefix><dimension>_<k>``
        (the course's ``surveys``: ``exp_tangibles_1`` ... ``per_empathy_3``).
    dimensions : list of str, default the five SERVQUAL dimensions
    expectation_prefix, perception_prefix : str, default "exp_", "per_"
    scale : int, default 7
        Items are whole numbers from 1 to ``scale``.
    quality_types : dict, optional
        Dimension -> "technical" / "functional"; default :data:`QUALITY_TYPES`.
        Dimensions not in it get "unassigned".

    Returns
    -------
    DataFrame
        Index ``dimension``; columns ``expectation``, ``perception``, ``gap``,
        ``n`` (respondents with all items of the dimension answered),
        ``items`` (items per dimension), ``quality``.

    Raises
    ------
    DataError
        As :func:`servqual_scores`.

    Examples
    --------
    >>> import pandas as pd
    >>> s = pd.DataFrame({"exp_reliability_1": [7, 6, 7], "per_reliability_1": [5, 6, 4],
    ...                   "exp_empathy_1": [5, 5, 6], "per_empathy_1": [6, 5, 6]})
    >>> servqual_gaps(s, dimensions=["reliability", "empathy"]).round(3)
                 expectation  perception    gap  n  items     quality
    dimension
    reliability        6.667         5.0 -1.667  3      1   technical
    empathy            5.333         5.667  0.333  3      1  functional

    An answer off the 1-7 scale stops the calculation and is named:

    >>> servqual_gaps(s.assign(per_empathy_1=[6, 8, 6]), dimensions=["reliability", "empathy"])
    Traceback (most recent call last):
    ...
    custlearn.DataError: The column "per_empathy_1" of the surveys table must hold whole numbers from 1 to 7, but 1 value(s) are outside that range: 8.0. SERVQUAL items are answered on a 1-7 scale; pass scale= if yours differs.
    """
    scores = _dimension_scores(surveys, dimensions, expectation_prefix, perception_prefix, scale)
    types = dict(QUALITY_TYPES if quality_types is None else quality_types)
    rows = []
    for d, (expectation, perception, items) in scores.items():
        complete = expectation.notna() & perception.notna()  # answered every item of both kinds
        e, p = expectation[complete].mean(), perception[complete].mean()
        rows.append(
            {
                "dimension": d,
                "expectation": float(e),
                "perception": float(p),
                "gap": float(p - e),
                "n": int(complete.sum()),
                "items": items,
                "quality": types.get(d, "unassigned"),
            }
        )
    return pd.DataFrame(rows).set_index("dimension")


def technical_functional_gaps(gaps: pd.DataFrame) -> pd.DataFrame:
    """Average SERVQUAL results into technical vs functional quality.

    Lesson 03, Gronroos (1984, "A service quality model and its marketing
    implications", European Journal of Marketing 18(4)): technical quality
    is *what* the customer gets, functional quality *how* it is delivered.
    Each group's expectation, perception and gap is the unweighted mean
    over its dimensions (every dimension counts once).

    Parameters
    ----------
    gaps : DataFrame
        The result of :func:`servqual_gaps` (columns ``expectation``,
        ``perception``, ``gap``, ``quality``).

    Returns
    -------
    DataFrame
        Index ``quality``; columns ``expectation``, ``perception``, ``gap``,
        ``dimensions`` (the dimension names, comma-separated).

    Raises
    ------
    DataError
        If ``gaps`` lacks those columns.

    Examples
    --------
    >>> import pandas as pd
    >>> g = pd.DataFrame({"expectation": [6.5, 6.0, 5.0], "perception": [5.5, 5.0, 5.0],
    ...                   "gap": [-1.0, -1.0, 0.0],
    ...                   "quality": ["technical", "functional", "functional"]},
    ...                  index=pd.Index(["reliability", "empathy", "tangibles"], name="dimension"))
    >>> technical_functional_gaps(g)
                expectation  perception  gap           dimensions
    quality
    technical           6.5         5.5 -1.0          reliability
    functional          5.5         5.0 -0.5  empathy, tangibles
    """
    gaps = read_table(
        gaps,
        [*(Column(c, "number", missing="keep") for c in ("expectation", "perception", "gap")),
         Column("quality", "label")],
        table="gaps",
        min_rows=1,
    )
    order = list(dict.fromkeys(["technical", "functional", *gaps["quality"].astype(str)]))
    rows = []
    for q in order:
        part = gaps[gaps["quality"].astype(str) == q]
        if len(part) == 0:
            continue
        rows.append(
            {
                "quality": q,
                "expectation": float(part["expectation"].mean()),
                "perception": float(part["perception"].mean()),
                "gap": float(part["gap"].mean()),
                "dimensions": ", ".join(str(i) for i in part.index),
            }
        )
    return pd.DataFrame(rows).set_index("quality")


# ---------------------------------------------------------------------------
# Reliability: Cronbach's alpha
# ---------------------------------------------------------------------------


def _items(items: Any, *, min_items: int = 2) -> pd.DataFrame:
    """The item answers as floats: a table of at least ``min_items`` numeric columns, 2 rows, no blanks."""
    if not isinstance(items, pd.DataFrame):
        raise DataError(
            f"items must be a DataFrame with one column per item and one row per respondent, "
            f"but a {type(items).__name__} was given. Select the items, e.g. "
            f'surveys.filter(like="per_reliability_").'
        )
    if items.shape[1] < min_items:
        raise DataError(
            f"items has {items.shape[1]} column(s) ({', '.join(map(str, items.columns)) or 'none'}), "
            f"but at least {min_items} items are needed: reliability is about how several items "
            f"agree. Pass all the items of the scale as columns."
        )
    return read_table(items, [Column(c, "number") for c in items.columns], table="items", min_rows=2)


def _alpha(x: np.ndarray) -> float:
    k = x.shape[1]
    item_variances = x.var(axis=0, ddof=1)           # s_i^2, one per item
    total_variance = x.sum(axis=1).var(ddof=1)       # s_X^2 of the total score
    if total_variance == 0:
        raise DataError(
            "Every respondent has the same total score, so the total variance is 0 and "
            "Cronbach's alpha is undefined. Reliability needs respondents who differ."
        )
    return float(k / (k - 1) * (1 - item_variances.sum() / total_variance))


def cronbach_alpha(items: pd.DataFrame) -> float:
    """Cronbach's alpha: how consistently several items measure one thing.

    Lesson 03, "is the scale reliable". Cronbach (1951, "Coefficient alpha
    and the internal structure of tests", Psychometrika 16(3)); for k items
    (columns), n respondents (rows), item sample variances s_i^2 and the
    sample variance s_X^2 of each respondent's total score (ddof = 1)::

        alpha = k / (k - 1) * (1 - sum_i s_i^2 / s_X^2)

    Alpha rises when items move together. A common rule of thumb is 0.7 or
    more for a research scale (Nunnally 1978, *Psychometric Theory*). It can
    be negative when items disagree (a reversed item not recoded).

    Parameters
    ----------
    items : DataFrame
        One column per item, one row per respondent, numbers, no missing
        values (drop incomplete respondents first: ``items.dropna()``).

    Returns
    -------
    float

    Raises
    ------
    DataError
        If ``items`` is not a DataFrame of at least 2 numeric columns and 2
        rows without missing values, or all totals are equal.

    See Also
    --------
    cronbach_alpha_ci : Feldt confidence interval.
    alpha_if_item_deleted : which item hurts the scale.

    Examples
    --------
    >>> import pandas as pd
    >>> items = pd.DataFrame({"q1": [4, 5, 3, 2, 5], "q2": [4, 4, 3, 2, 5],
    ...                       "q3": [5, 5, 2, 3, 4]})
    >>> round(cronbach_alpha(items), 3)
    0.897
    >>> cronbach_alpha(items[["q1"]])
    Traceback (most recent call last):
    ...
    custlearn.DataError: items has 1 column(s) (q1), but at least 2 items are needed: reliability is about how several items agree. Pass all the items of the scale as columns.
    """
    x = _items(items).to_numpy()
    return _alpha(x)


def cronbach_alpha_ci(items: pd.DataFrame, confidence: float = 0.95) -> Interval:
    """Cronbach's alpha with Feldt's confidence interval.

    Lesson 03, "how sure are we about reliability". Feldt (1965, "The
    approximate sampling distribution of Kuder-Richardson reliability
    coefficient twenty", Psychometrika 30(3)) showed that
    (1 - alpha_true) / (1 - alpha) follows an F distribution with
    df1 = n - 1 and df2 = (n - 1)(k - 1); hence (Feldt, Woodruff & Salih
    1987, Applied Psychological Measurement 11(1), p. 95, eq. 6), with
    g = 1 - confidence and F_q the q-quantile::

        lower = 1 - (1 - alpha) * F_{1 - g/2}(df1, df2)
        upper = 1 - (1 - alpha) * F_{g/2}(df1, df2)

    Parameters
    ----------
    items : DataFrame
        As :func:`cronbach_alpha`.
    confidence : float, default 0.95

    Returns
    -------
    Interval
        ``estimate`` (alpha), ``lower``, ``upper``, ``confidence``, ``n``
        (respondents), ``method="Feldt"``.

    Raises
    ------
    DataError
        As :func:`cronbach_alpha`, or ``confidence`` not in (0, 1).

    Examples
    --------
    >>> import pandas as pd
    >>> items = pd.DataFrame({"q1": [4, 5, 3, 2, 5], "q2": [4, 4, 3, 2, 5],
    ...                       "q3": [5, 5, 2, 3, 4]})
    >>> ci = cronbach_alpha_ci(items)
    >>> round(ci.estimate, 3), round(ci.lower, 3), round(ci.upper, 3)
    (0.897, 0.482, 0.989)
    """
    from scipy import stats

    confidence = require_confidence(confidence)
    x = _items(items).to_numpy()
    n, k = x.shape
    alpha = _alpha(x)
    df1, df2 = n - 1, (n - 1) * (k - 1)
    g = 1 - confidence
    lower = 1 - (1 - alpha) * stats.f.ppf(1 - g / 2, df1, df2)
    upper = 1 - (1 - alpha) * stats.f.ppf(g / 2, df1, df2)
    return Interval(alpha, float(lower), float(upper), confidence, int(n), "Feldt")


def alpha_if_item_deleted(items: pd.DataFrame) -> pd.DataFrame:
    """For each item: Cronbach's alpha without it, and how it tracks the rest.

    Lesson 03, "an item that hurts the scale". Two standard item statistics
    (e.g. SPSS RELIABILITY, R psych::alpha; Nunnally & Bernstein 1994,
    *Psychometric Theory*, 3rd ed.):

    - ``alpha_if_deleted``: :func:`cronbach_alpha` of the other k - 1 items;
      if it is HIGHER than the full alpha, the item weakens the scale;
    - ``item_rest_correlation``: Pearson correlation of the item with the
      total of the other items (the corrected item-total correlation); below
      about 0.3 the item measures something else.

    Parameters
    ----------
    items : DataFrame
        As :func:`cronbach_alpha`, with at least 3 items.

    Returns
    -------
    DataFrame
        Index ``item`` (the column names); columns ``alpha_if_deleted``,
        ``item_rest_correlation`` and ``alpha_change`` (alpha_if_deleted minus
        the full alpha: positive = dropping the item helps). A value is NaN
        when it is undefined (a constant item, or the other items' totals all
        equal).

    Raises
    ------
    DataError
        As :func:`cronbach_alpha`; also with fewer than 3 items.

    Examples
    --------
    >>> import pandas as pd
    >>> items = pd.DataFrame({"q1": [4, 5, 3, 2, 5, 3], "q2": [4, 4, 3, 2, 5, 2],
    ...                       "q3": [5, 5, 2, 3, 4, 3], "q4": [2, 4, 4, 3, 3, 5]})
    >>> round(cronbach_alpha(items), 3)
    0.55
    >>> alpha_if_item_deleted(items).round(3)      # dropping q4 lifts alpha to 0.904
          alpha_if_deleted  item_rest_correlation  alpha_change
    item
    q1              -0.229                  0.971        -0.779
    q2               0.175                  0.644        -0.375
    q3               0.314                  0.512        -0.237
    q4               0.904                 -0.401         0.353
    """
    data = _items(items, min_items=3)
    x = data.to_numpy()
    full = _alpha(x)
    total = x.sum(axis=1)
    rows = []
    for j, name in enumerate(data.columns):
        rest = np.delete(x, j, axis=1)
        item = x[:, j]
        rest_total = total - item
        if item.std() == 0 or rest_total.std() == 0:
            r = float("nan")  # a constant item (or rest) has no correlation
        else:
            r = float(np.corrcoef(item, rest_total)[0, 1])
        # the other items' totals all equal: alpha without this item is undefined
        a = float("nan") if rest_total.std() == 0 else _alpha(rest)
        rows.append({"item": name, "alpha_if_deleted": a, "item_rest_correlation": r, "alpha_change": a - full})
    return pd.DataFrame(rows).set_index("item")


# ---------------------------------------------------------------------------
# Where to act: driver analysis and the importance-performance grid
# ---------------------------------------------------------------------------


def _driver_names(target: Any, drivers: Any) -> list[str]:
    """The drivers as a list of column names, each once, without the target itself."""
    if not isinstance(target, str):
        raise DataError(f'target must be one column name, e.g. "overall_satisfaction", but {target!r} was given.')
    if isinstance(drivers, str):
        drivers = [drivers]
    drivers = list(drivers) if pd.api.types.is_list_like(drivers) else []
    if not drivers:
        raise DataError(
            "drivers is empty: give the columns that may drive the target, e.g. "
            'drivers=["reliability", "responsiveness"].'
        )
    if len(set(drivers)) != len(drivers):
        raise DataError(f"drivers lists a column twice: {drivers}. Give each column once.")
    if target in drivers:
        raise DataError(
            f'The target "{target}" is also in drivers. A measure cannot drive itself: '
            f"remove it from drivers."
        )
    return drivers


def _complete_answers(surveys: Any, target: str, drivers: list[str]) -> pd.DataFrame:
    """The target and driver columns, read once, on the rows that answered all of them (listwise)."""
    arguments = {**dict.fromkeys(drivers, "drivers"), target: "target"}
    data = read_surveys(surveys, customer_col=None, numbers=[target, *drivers], missing="keep",
                        min_rows=1, arguments=arguments).dropna()
    n, p = len(data), len(drivers)
    if n < p + 2:
        raise DataError(
            f"Only {n} complete row(s) (no missing value in {target} or the drivers), but at "
            f"least {p + 2} are needed to fit {p} driver(s). Use more responses or fewer drivers."
        )
    sd = data.std(ddof=1)
    constant = [c for c in data.columns if not sd[c] > 0]
    if constant:
        raise DataError(
            f"The column(s) {', '.join(constant)} have the same value on every complete row, so "
            f"they cannot explain or be explained (standard deviation 0). Drop them."
        )
    return data


def _standardised_weights(z: pd.DataFrame, target: str, drivers: list[str]) -> tuple[np.ndarray, float]:
    """Least squares of z(target) on all z(drivers) together: the weights beta_j and R^2."""
    zx, zy = z[drivers].to_numpy(), z[target].to_numpy()
    if np.linalg.matrix_rank(zx) < len(drivers):
        raise DataError(
            f"The drivers {', '.join(drivers)} are perfectly collinear (one is an exact mix of "
            f"the others), so their separate weights are not defined. Drop the redundant driver."
        )
    beta, *_ = np.linalg.lstsq(zx, zy, rcond=None)   # OLS on z-scores: no intercept needed
    residual = zy - zx @ beta
    return beta.astype(float), 1 - float(residual @ residual) / float(zy @ zy)


def driver_analysis(surveys: pd.DataFrame, target: str, drivers: Sequence[str]) -> pd.DataFrame:
    """Which attributes move overall satisfaction: correlation and standardised weight.

    Lesson 03, "what drives satisfaction" (key driver analysis). For each
    driver x_j and the target y (e.g. ``overall_satisfaction``):

    - ``correlation``: Pearson r between x_j and y (stated importance aside,
      this is the simplest "derived importance");
    - ``standardised_weight``: the coefficient beta_j of the least-squares
      regression of z(y) on all z(x_j) together, where z(v) = (v - mean) / sd::

          z(y) = sum_j beta_j z(x_j) + error

      i.e. the change in y, in standard deviations, for a one-sd rise in x_j
      with the other drivers held constant (Hair et al. 2019, *Multivariate
      Data Analysis*, 8th ed.). Correlated drivers share credit, so a
      driver can have a high r and a small beta.

    Rows with a missing value in the target or any driver are dropped
    (listwise); the number used is in the ``n`` column. The regression's R^2
    is in the ``r_squared`` column (the same on every row).

    Parameters
    ----------
    surveys : DataFrame
        One row per respondent.
    target : str
        Column with the overall measure, e.g. ``"overall_satisfaction"``.
    drivers : list of str
        Columns with the attribute scores, e.g. the five columns of
        ``servqual_scores(surveys)`` joined to the surveys.

    Returns
    -------
    DataFrame
        Index ``driver``; columns ``correlation``, ``standardised_weight``,
        ``rank`` (1 = largest weight), ``n``, ``r_squared``; sorted by
        ``standardised_weight``, largest first.

    Raises
    ------
    DataError
        If a column is missing or not numeric, ``drivers`` is empty or repeats
        a name or contains ``target``, a column is constant, drivers are
        perfectly collinear, or there are too few complete rows.

    Examples
    --------
    >>> import pandas as pd
    >>> s = pd.DataFrame({"overall": [2, 3, 3, 4, 5, 4, 5, 1],
    ...                   "speed": [2, 4, 3, 5, 5, 3, 6, 1],
    ...                   "price": [3, 2, 4, 3, 4, 5, 4, 2]})
    >>> driver_analysis(s, "overall", ["speed", "price"]).round(3)
            correlation  standardised_weight  rank  n  r_squared
    driver
    speed         0.911                0.779     1  8      0.973
    price         0.658                0.401     2  8      0.973
    >>> driver_analysis(s, "overall", ["speed", "cost"])
    Traceback (most recent call last):
    ...
    custlearn.DataError: The column "cost" is not in the surveys table. The table has these columns: overall, speed, price. If your data calls it something else, pass drivers="<your column name>".
    """
    drivers = _driver_names(target, drivers)
    data = _complete_answers(surveys, target, drivers)
    z = (data - data.mean()) / data.std(ddof=1)        # z-scores: each column in standard deviations
    beta, r_squared = _standardised_weights(z, target, drivers)
    corr = [float(np.corrcoef(z[d], z[target])[0, 1]) for d in drivers]
    out = pd.DataFrame(
        {"correlation": corr, "standardised_weight": beta},
        index=pd.Index(drivers, name="driver"),
    )
    out = out.sort_values("standardised_weight", ascending=False, kind="stable")
    out["rank"] = np.arange(1, len(drivers) + 1)
    out["n"] = len(data)
    out["r_squared"] = r_squared
    return out


def _attribute_values(values: Any, *, argument: str) -> pd.Series:
    if isinstance(values, Mapping):
        values = pd.Series(dict(values), dtype=object)
    if not isinstance(values, pd.Series):
        raise DataError(
            f"{argument} must be a Series or dict with one value per attribute (the attribute "
            f"names as index/keys), but a {type(values).__name__} was given. For example "
            f'driver_analysis(...)["standardised_weight"] or scores.mean().'
        )
    if values.index.has_duplicates:
        dup = values.index[values.index.duplicated()].unique()
        raise DataError(f"{argument} names an attribute twice: {', '.join(map(str, dup))}. Give each once.")
    s = as_numeric_series(values, name=argument)
    s.index = values.index
    return s


def _importance(importance: Any) -> pd.Series:
    """Importance per attribute: a Series or dict, or the weights of :func:`driver_analysis`."""
    if isinstance(importance, pd.DataFrame):
        if "standardised_weight" not in importance.columns:
            raise DataError(
                "importance was given as a table without a standardised_weight column. Pass "
                "the result of driver_analysis(...), or one column of numbers per attribute, "
                'e.g. table["my_importance"].'
            )
        importance = importance["standardised_weight"]
    return _attribute_values(importance, argument="importance")


def _performance(performance: Any) -> pd.Series:
    """Performance per attribute: a Series or dict, or the mean answer of each column of a score table."""
    if isinstance(performance, pd.DataFrame):
        columns = [Column(c, "number", missing="keep") for c in performance.columns]
        performance = read_table(performance, columns, table="performance", min_rows=1).mean()
    return _attribute_values(performance, argument="performance")


def _same_attributes(importance: pd.Series, performance: pd.Series) -> pd.Series:
    """``performance`` in the order of ``importance``, once both name the same 2+ attributes."""
    only_imp = [str(a) for a in importance.index if a not in performance.index]
    only_perf = [str(a) for a in performance.index if a not in importance.index]
    if only_imp or only_perf:
        found = [f"only importance has: {', '.join(only_imp)}" if only_imp else "",
                 f"only performance has: {', '.join(only_perf)}" if only_perf else ""]
        raise DataError(
            "importance and performance must name the same attributes, but "
            + "; ".join(part for part in found if part)
            + ". Check the spelling of the names, or select the same attributes in both."
        )
    if len(importance) < 2:
        raise DataError(
            f"importance has {len(importance)} attribute(s), but a grid needs at least 2 to compare. "
            f"Give one value per attribute."
        )
    return performance.reindex(importance.index)


def _cut(values: pd.Series, cut: Any, *, argument: str) -> float:
    """Where the cross-hair sits on one axis: the attributes' mean or median, or a number."""
    if isinstance(cut, str):
        require_choice(cut, ["mean", "median"], argument=argument)
        return float(values.mean() if cut == "mean" else values.median())
    return require_number(cut, argument=argument, example='"mean" (the default), "median" or a number such as 4')


def importance_performance(
    importance: Any,
    performance: Any,
    *,
    importance_cut: Any = "mean",
    performance_cut: Any = "mean",
) -> pd.DataFrame:
    """Importance-performance grid: where to act first.

    Lesson 03, Martilla & James (1977, "Importance-performance analysis",
    Journal of Marketing 41(1)). Each attribute gets an importance (e.g. its
    standardised weight from :func:`driver_analysis`) and a performance
    (e.g. its mean perception score). Cross-hairs split the grid into four
    quadrants; an attribute is "high" on an axis when its value is at or
    above the cut (>=)::

        high importance, low performance   -> "Concentrate here"
        high importance, high performance  -> "Keep up the good work"
        low importance,  low performance   -> "Low priority"
        low importance,  high performance  -> "Possible overkill"

    Where to put the cross-hairs is a judgement (Martilla & James 1977).
    The default is the mean of the attributes' values on each axis (the
    "data-centred" grid, Bacon 2003, International Journal of Market
    Research 45(1)), so attributes are compared with each other rather
    than with the scale midpoint; ``"median"`` or a number (e.g. 4 on a 1-7
    scale) are the alternatives.

    Parameters
    ----------
    importance : Series, dict or the DataFrame of :func:`driver_analysis`
        One number per attribute, keyed by attribute name. Given the result
        of :func:`driver_analysis`, its ``standardised_weight`` column is used.
    performance : Series, dict or DataFrame
        One number per attribute, keyed by attribute name; or a table of
        per-respondent scores with one column per attribute (e.g.
        :func:`servqual_scores`), whose column means (missing answers
        skipped) are used. Must name the same attributes as ``importance``.
    importance_cut, performance_cut : "mean", "median" or float, default "mean"

    Returns
    -------
    DataFrame
        Index ``attribute``; columns ``importance``, ``performance``,
        ``importance_cut``, ``performance_cut``, ``quadrant``; sorted by
        quadrant (Concentrate here first) and then importance, largest first.

    Raises
    ------
    DataError
        If an input is not a Series/dict of numbers, has missing values,
        fewer than 2 attributes, or the two name different attributes; or a
        cut is not "mean", "median" or a number.

    Examples
    --------
    >>> imp = {"reliability": 0.40, "responsiveness": 0.30, "tangibles": 0.05, "empathy": 0.10}
    >>> perf = {"reliability": 4.8, "responsiveness": 5.9, "tangibles": 4.9, "empathy": 5.8}
    >>> importance_performance(imp, perf)[["importance", "performance", "quadrant"]]
                    importance  performance               quadrant
    attribute
    reliability           0.40          4.8       Concentrate here
    responsiveness        0.30          5.9  Keep up the good work
    tangibles             0.05          4.9           Low priority
    empathy               0.10          5.8      Possible overkill

    Straight from the survey: weights from :func:`driver_analysis`, mean
    perception per dimension from :func:`servqual_scores`:

    >>> import pandas as pd
    >>> s = pd.DataFrame({"overall": [2, 3, 3, 4, 5, 4, 5, 1],
    ...                   "speed": [2, 4, 3, 5, 5, 3, 6, 1],
    ...                   "price": [3, 2, 4, 3, 4, 5, 4, 2]})
    >>> weights = driver_analysis(s, "overall", ["speed", "price"])
    >>> importance_performance(weights, s[["speed", "price"]])["quadrant"].to_dict()
    {'speed': 'Keep up the good work', 'price': 'Low priority'}
    """
    imp = _importance(importance)
    perf = _same_attributes(imp, _performance(performance))
    i_cut = _cut(imp, importance_cut, argument="importance_cut")
    p_cut = _cut(perf, performance_cut, argument="performance_cut")
    out = pd.DataFrame(
        {
            "importance": imp.to_numpy(),
            "performance": perf.to_numpy(),
            "importance_cut": i_cut,
            "performance_cut": p_cut,
        },
        index=pd.Index(imp.index, name="attribute"),
    )
    # "high" on an axis: at or above its cut
    high_imp = out["importance"] >= i_cut
    high_perf = out["performance"] >= p_cut
    out["quadrant"] = [QUADRANTS[(bool(a), bool(b))] for a, b in zip(high_imp, high_perf)]
    order = out["quadrant"].map({q: i for i, q in enumerate(_QUADRANT_ORDER)})
    return out.assign(_order=order).sort_values(
        ["_order", "importance"], ascending=[True, False], kind="stable"
    ).drop(columns="_order")
