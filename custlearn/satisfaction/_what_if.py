"""Raising satisfaction: what a fitted model predicts if touch-point ratings rose (or fell).

Lesson 03, "raising satisfaction: where to invest first" and the journey
simulator of "Try it".  :func:`what_if` fits overall satisfaction (its
top-box share or its mean) on the touch-point ratings and predicts the
result after a change, with an interval.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from custlearn._i18n import tr
from custlearn._tables import Scale, read_scores
from custlearn._validate import DataError, require_choice, require_confidence, require_number
from custlearn.satisfaction._drivers import _complete_answers
from custlearn.satisfaction._regression import least_squares
from custlearn.satisfaction._scores import _scale_args
from custlearn.satisfaction._touch_points import _coding, _dummies, _touch_point_names

ROWS = ["as now", "what-if", "change"]


def _changes(changes: Any, names: list[str], scale: int) -> dict[str, float]:
    """The change per touch point: a dict {rating column: points}, each column a touch point, within +-(scale - 1)."""
    if not isinstance(changes, Mapping) or not changes:
        raise DataError(
            tr("changes must be a dict of touch point -> change in rating points, e.g. "
               'changes={{"{names}": 0.5}}, but {changes!r} was given.', names=names[0], changes=changes)
        )
    out = {}
    for column, delta in changes.items():
        if column not in names:
            raise DataError(tr('changes names "{column}", which is not a touch point here. The touch '
                               "points are: {names}. Use one of those column names.",
                               column=column, names=", ".join(names)))
        out[column] = require_number(delta, argument=f'changes["{column}"]', minimum=-(scale - 1), maximum=scale - 1,
                                     example="0.5")
    return out


def _blocks(ratings: pd.DataFrame, model: str, low: float, high: float) -> pd.DataFrame:
    """The model's columns for these ratings: the ratings themselves, or their low and high 1/0 codes."""
    if model == "linear":
        return ratings.astype(float)
    is_low, is_high = (ratings <= low).astype(float), (ratings >= high).astype(float)
    return pd.concat([is_low.add_prefix("low "), is_high.add_prefix("high ")], axis=1)


def _mean_design_after(ratings: pd.DataFrame, changes: dict[str, float], model: str, low: float, high: float,
                       scale: int) -> pd.Series:
    """The mean model columns after each change: +delta moves a rating floor(delta) points and one more with
    probability delta - floor(delta), within 1-scale, so each rating moves delta on average where the scale allows."""
    after = _blocks(ratings, model, low, high)
    for column, delta in changes.items():
        whole = math.floor(delta)
        frac = delta - whole
        lower = _blocks(ratings[[column]].add(whole).clip(1, scale), model, low, high)
        upper = _blocks(ratings[[column]].add(whole + 1).clip(1, scale), model, low, high)
        after[lower.columns] = (1.0 - frac) * lower + frac * upper
    return after.mean()


def what_if(
    surveys: pd.DataFrame,
    changes: Mapping[str, float],
    touch_points: Any = None,
    *,
    target: str = "overall_satisfaction",
    model: str = "penalty_reward",
    statistic: str = "top_box",
    top_box: int = 2,
    scale: int = 5,
    low: float = 2,
    high: float = 4,
    confidence: float = 0.95,
) -> pd.DataFrame:
    """What-if: the predicted top-box share (or mean) of overall satisfaction if touch-point ratings changed.

    Lesson 03, "raising satisfaction: where to invest first" (提升策略,
    decks 000, 002, 004: improve the experience across the whole journey).
    A model of the respondents' answer is fitted by least squares
    (:mod:`custlearn.satisfaction._regression`): with ``statistic="top_box"``
    the answer is 100 if overall satisfaction is in the top ``top_box``
    points, else 0 (a linear probability model, so predictions are
    percentages); with ``"mean"`` the answer itself.  ``model`` says how the
    ratings enter: ``"penalty_reward"`` (default) their low/high codes as
    in :func:`penalty_reward`, so a fall can cost more than a rise earns;
    ``"linear"`` the ratings as numbers (:func:`touch_point_importance`),
    the same effect per point everywhere.

    ``changes`` moves ratings for everyone: +0.5 moves each rating up half a
    point on average (half the customers one point up), capped at 1 and
    ``scale``.  With x the mean model columns of the respondents now and x'
    after the change, and b the fitted coefficients with covariance V:
    "as now" is x b (the observed share), "what-if" x' b and "change"
    (x' - x) b, each with the interval estimate +- t sqrt(c V c) for its
    combination c (Student t, n - p degrees of freedom).  The interval
    covers the uncertainty of the coefficients only; it assumes the model
    is right, the respondents stand for all customers, and the rise in
    ratings causes the rise in satisfaction: a survey shows association,
    and changes larger than the ratings seen are guesses.

    Parameters
    ----------
    surveys : DataFrame
        One row per respondent; ratings and the target whole points 1-``scale``.
    changes : dict
        Touch-point column -> change in rating points, e.g.
        ``{"rating_delivery": 0.5}``; several at once are allowed.
    touch_points : list of str, optional
        The model's rating columns; default every column starting with ``rating_``.
    target : str, default "overall_satisfaction"
    model : {"penalty_reward", "linear"}, default "penalty_reward"
    statistic : {"top_box", "mean"}, default "top_box"
    top_box : int, default 2
        How many top points count (2: the share answering 4 or 5 of 5).
    scale : int, default 5
        The highest point of the ratings and of the target.
    low, high : float, default 2 and 4
        The cut points of the penalty-reward coding.
    confidence : float, default 0.95

    Returns
    -------
    DataFrame
        Index ``scenario``: "as now", "what-if", "change"; columns
        ``estimate``, ``lower``, ``upper`` (percent, or points of the
        scale), ``measure`` (what the numbers are), ``n``.

    Raises
    ------
    DataError
        As :func:`penalty_reward`; also if ``changes`` is empty, names a
        column that is not a touch point, or moves more than ``scale`` - 1
        points, or ``model``, ``statistic`` or ``top_box`` is unknown.

    Examples
    --------
    >>> import numpy as np, pandas as pd
    >>> rng = np.random.default_rng(11)
    >>> s = pd.DataFrame({"rating_delivery": rng.integers(1, 6, 500), "rating_app": rng.integers(1, 6, 500)})
    >>> mean = 3 - 0.8 * (s["rating_delivery"] <= 2) + 0.4 * (s["rating_delivery"] >= 4) + 0.3 * (s["rating_app"] >= 4)
    >>> s["overall_satisfaction"] = (mean + rng.normal(0, 0.7, 500)).round().clip(1, 5)
    >>> what_if(s, {"rating_delivery": 0.5})[["estimate", "lower", "upper"]].round(1)
              estimate  lower  upper
    scenario
    as now        29.8   26.2   33.4
    what-if       33.8   30.2   37.5
    change         4.0    3.3    4.8
    >>> fall = what_if(s, {"rating_delivery": -0.5})       # half a point down: a loss of 4.4 points
    >>> print(f"{fall.loc['change', 'estimate']:+.1f} {fall.loc['change', 'measure']}")
    -4.4 top-2-box % of overall_satisfaction
    >>> what_if(s, {"delivery": 0.5})
    Traceback (most recent call last):
    ...
    custlearn.DataError: changes names "delivery", which is not a touch point here. The touch points are: rating_delivery, rating_app. Use one of those column names.
    """
    scale, top_box = _scale_args(scale, top_box)
    scale, low, high = _coding(low, high, scale)
    require_choice(model, ["penalty_reward", "linear"], argument="model")
    require_choice(statistic, ["top_box", "mean"], argument="statistic")
    confidence = require_confidence(confidence)
    names = _touch_point_names(surveys, touch_points, target)
    changes = _changes(changes, names, scale)
    on_scale = Scale(1, scale, fix=tr("This what-if reads 1-{scale} answers; pass scale= if yours differ.", scale=scale))
    data = _complete_answers(surveys, target, names, argument="touch_points", scale=on_scale)
    y = read_scores(data[target], scale=on_scale, name=target)
    if model == "penalty_reward":
        _dummies(data[names], low, high)
    y = 100.0 * (y >= scale - top_box + 1) if statistic == "top_box" else y
    design = _blocks(data[names], model, low, high)
    X = np.column_stack([np.ones(len(data)), design.to_numpy()])
    fit = least_squares(X, y.to_numpy(dtype=float), ["intercept", *design.columns])
    now = np.concatenate([[1.0], design.mean().to_numpy()])
    after = np.concatenate([[1.0], _mean_design_after(data[names], changes, model, low, high, scale)[design.columns].to_numpy()])
    rows = [fit.combination(c, confidence) for c in (now, after, after - now)]
    measure = f"top-{top_box}-box % of {target}" if statistic == "top_box" else f"mean {target} (1-{scale})"
    return pd.DataFrame({"estimate": [r[0] for r in rows], "lower": [r[2] for r in rows], "upper": [r[3] for r in rows],
                         "measure": measure, "n": fit.n}, index=pd.Index(ROWS, name="scenario"))
