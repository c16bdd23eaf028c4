"""Touch points (接触点): how much each step of the journey weighs, and whether a bad step costs more than a good one earns.

Lesson 03, "what shapes satisfaction".  Two regressions of overall
satisfaction on the touch-point ratings, both written out in
:mod:`custlearn.satisfaction._regression`:

- :func:`touch_point_importance`: the ratings as numbers; each weight is the
  change in overall satisfaction per rating point, with its interval, for
  everyone or per need segment;
- :func:`penalty_reward`: each rating coded low / middle / high; the penalty
  of a low rating and the reward of a high one, and the three-factor class
  (basic, performance, excitement) they imply.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from custlearn._i18n import tr
from custlearn._tables import Scale, read_surveys
from custlearn._validate import DataError, require_confidence, require_number, require_positive_int
from custlearn.satisfaction._drivers import _complete_answers, _driver_names, _enough_rows
from custlearn.satisfaction._regression import LeastSquares, least_squares

#: The prefix of the course's touch-point rating columns (``rating_delivery``,
#: ``rating_app``, ...): with ``touch_points=None`` every column starting
#: with it is a touch point.
TOUCH_POINT_PREFIX = "rating_"

#: The classes of the three-factor theory of satisfaction (Kano et al. 1984;
#: Matzler & Sauerwein 2002) as :func:`penalty_reward` assigns them.
FACTORS = {
    "basic": "a low rating costs clearly more than a high one earns: fix it first (Kano: must-be)",
    "performance": "low costs and high earns about the same: the more, the better",
    "excitement": "a high rating earns clearly more than a low one costs: a delighter (Kano: attractive)",
    "no clear effect": "neither a penalty nor a reward is clearly above zero",
}


def _touch_point_names(surveys: Any, touch_points: Any, target: Any) -> list[str]:
    """The touch-point columns: as given, or every column whose name starts with ``rating_``."""
    if touch_points is None:
        read_surveys(surveys, customer_col=None, min_rows=1)  # a table with answers, before looking at its names
        touch_points = [str(c) for c in surveys.columns if str(c).startswith(TOUCH_POINT_PREFIX)]
        if not touch_points:
            raise DataError(
                tr("No touch-point columns were found: by default every column whose name starts with "
                   '"{TOUCH_POINT_PREFIX}" is one (e.g. rating_delivery), but the surveys table has none. '
                   "Pass touch_points=[...] with the columns of your touch-point ratings.",
                   TOUCH_POINT_PREFIX=TOUCH_POINT_PREFIX)
            )
    return _driver_names(target, touch_points, argument="touch_points")


def _importance_rows(data: pd.DataFrame, target: str, names: list[str], confidence: float) -> pd.DataFrame:
    """One least-squares fit of the target on the ratings: weight, interval, mean rating, rank."""
    X = np.column_stack([np.ones(len(data)), data[names].to_numpy(dtype=float)])
    fit = least_squares(X, data[target].to_numpy(dtype=float), ["intercept", *names])
    table = fit.table(confidence).iloc[1:]
    out = pd.DataFrame({
        "weight": table["coefficient"].to_numpy(),
        "std_error": table["std_error"].to_numpy(),
        "lower": table["lower"].to_numpy(),
        "upper": table["upper"].to_numpy(),
        "mean_rating": data[names].mean().to_numpy(),
        "n": fit.n,
        "r_squared": fit.r_squared,
    }, index=pd.Index(names, name="touch_point"))
    out["rank"] = out["weight"].rank(ascending=False, method="first").astype(int)
    return out


def touch_point_importance(
    surveys: pd.DataFrame,
    touch_points: Any = None,
    *,
    target: str = "overall_satisfaction",
    segment: str | None = None,
    confidence: float = 0.95,
) -> pd.DataFrame:
    """How much each touch point of the journey weighs in overall satisfaction, with intervals.

    Lesson 03, "what shapes satisfaction: touch points" (接触点, deck 002).
    The weights are the coefficients of the least-squares regression of
    overall satisfaction y on all touch-point ratings x_j together::

        y = b_0 + sum_j b_j x_j + error

    b_j is the change in overall satisfaction (in points of its scale) for
    one rating point more at touch point j, the other touch points held
    fixed: the "derived importance" of key driver analysis (Hair et al.
    2019, *Multivariate Data Analysis*, 8th ed.), in the units managers act
    on.  Coefficients, standard errors and Student-t intervals come from the
    normal equations (:mod:`custlearn.satisfaction._regression`).  Ratings
    that move together (a halo) share credit, so a touch point can matter
    and still get a small, uncertain weight.  With ``segment`` (e.g.
    ``"main_need"``, deck 002's needs and preferences 需求和偏好), the same
    regression is fitted within each segment: customers with different
    needs weigh touch points differently.

    Rows with a missing value in the target or any rating are dropped
    (listwise); ``n`` says how many were used.

    Parameters
    ----------
    surveys : DataFrame
        One row per respondent.
    touch_points : list of str, optional
        The rating columns. Default: every column whose name starts with
        ``rating_`` (the course's surveys: ``rating_delivery``, ...).
    target : str, default "overall_satisfaction"
        The overall measure.
    segment : str, optional
        A label column to fit each segment on its own.
    confidence : float, default 0.95
        Confidence level of the intervals.

    Returns
    -------
    DataFrame
        Index ``touch_point`` (with ``segment``: the segment, then the touch
        point), in the order given; columns ``weight``, ``std_error``,
        ``lower``, ``upper``, ``mean_rating``, ``n``, ``r_squared``, ``rank``
        (1 = largest weight, within the segment).

    Raises
    ------
    DataError
        If a column is missing or not numeric, no ``rating_`` column exists
        and none is given, a column repeats or is the target, a column (or a
        segment's column) is constant, ratings are perfectly collinear, or
        there are too few complete rows (in a segment).

    Examples
    --------
    >>> import numpy as np, pandas as pd
    >>> rng = np.random.default_rng(3)
    >>> s = pd.DataFrame({"rating_delivery": rng.integers(1, 6, 300),
    ...                   "rating_checkout": rng.integers(1, 6, 300)})
    >>> noise = rng.normal(0, 0.6, 300)
    >>> s["overall_satisfaction"] = (0.5 * s["rating_delivery"] + 0.2 * s["rating_checkout"] + noise).round()
    >>> touch_point_importance(s)[["weight", "lower", "upper", "rank"]].round(2)
                     weight  lower  upper  rank
    touch_point
    rating_delivery    0.48   0.43   0.54     1
    rating_checkout    0.23   0.17   0.28     2
    >>> touch_point_importance(s, ["rating_delivery", "rating_website"])
    Traceback (most recent call last):
    ...
    custlearn.DataError: The column "rating_website" is not in the surveys table. The table has these columns: rating_delivery, rating_checkout, overall_satisfaction. If your data calls it something else, pass touch_points="<your column name>".
    """
    confidence = require_confidence(confidence)
    names = _touch_point_names(surveys, touch_points, target)
    data = _complete_answers(surveys, target, names, argument="touch_points", segment=segment)
    if segment is None:
        return _importance_rows(data, target, names, confidence)
    parts = []
    for label, group in data.groupby(segment, sort=True, observed=True):
        _enough_rows(group, target, names, "touch_points", where=tr(' of the segment {segment}="{label}"', segment=segment, label=label))
        parts.append(_importance_rows(group, target, names, confidence).assign(**{segment: str(label)}))
    return pd.concat(parts).reset_index().set_index([segment, "touch_point"])


# ---------------------------------------------------------------------------
# penalty-reward analysis
# ---------------------------------------------------------------------------


def _coding(low: Any, high: Any, scale: Any) -> tuple[int, float, float]:
    """The scale and the two cut points: low ratings are <= low, high ratings >= high, the middle in between."""
    scale = require_positive_int(scale, argument="scale", minimum=3)
    low = require_number(low, argument="low", minimum=1, maximum=scale - 2, example="2")
    high = require_number(high, argument="high", minimum=low + 2, maximum=scale,
                          example=f"{int(low) + 2} (at least low + 2, so a middle rating is left between them)")
    return scale, low, high


def _dummies(ratings: pd.DataFrame, low: float, high: float) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Each rating coded 1/0 as low (<= low) and as high (>= high); the middle ratings are the baseline."""
    is_low, is_high = (ratings <= low).astype(float), (ratings >= high).astype(float)
    for name in ratings.columns:
        middle = int(((ratings[name] > low) & (ratings[name] < high)).sum())
        for count, what in ((int(is_low[name].sum()), tr("low (<= {low:g})", low=low)),
                            (int(is_high[name].sum()), tr("high (>= {high:g})", high=high)),
                            (middle, tr("in the middle (between {low:g} and {high:g})", low=low, high=high))):
            if count == 0:
                raise DataError(
                    tr('No complete answer rates the touch point "{name}" {what}, so its penalty and '
                       "reward cannot be estimated. Move the cut points (low=, high=), or leave that "
                       "touch point out.", name=name, what=what)
                )
    return is_low, is_high


def _factor(penalty_lower: float, reward_lower: float, asymmetry_lower: float, asymmetry_upper: float) -> str:
    """The three-factor class from the intervals (see FACTORS)."""
    if asymmetry_upper < 0:
        return "basic"
    if asymmetry_lower > 0:
        return "excitement"
    return "performance" if penalty_lower > 0 or reward_lower > 0 else "no clear effect"


def _penalty_reward_table(fit: LeastSquares, names: list[str], is_low: pd.DataFrame, is_high: pd.DataFrame,
                          confidence: float) -> pd.DataFrame:
    """Penalty, reward and asymmetry with simultaneous intervals, and the class, per touch point."""
    J = len(names)
    level = 1.0 - (1.0 - confidence) / J  # Bonferroni: the intervals of all J touch points hold together
    rows = []
    for j, name in enumerate(names):
        c_low, c_high = np.zeros(len(fit.coef)), np.zeros(len(fit.coef))
        c_low[1 + j], c_high[1 + J + j] = 1.0, 1.0
        pen, _, pen_lo, pen_hi = fit.combination(-c_low, level)  # the penalty is the drop: minus the coefficient
        rew, _, rew_lo, rew_hi = fit.combination(c_high, level)
        asym, _, asym_lo, asym_hi = fit.combination(c_high + c_low, level)  # reward - penalty
        rows.append({"penalty": pen, "penalty_lower": pen_lo, "penalty_upper": pen_hi,
                     "reward": rew, "reward_lower": rew_lo, "reward_upper": rew_hi,
                     "asymmetry": asym, "asymmetry_lower": asym_lo, "asymmetry_upper": asym_hi,
                     "factor": _factor(pen_lo, rew_lo, asym_lo, asym_hi),
                     "share_low": float(is_low[name].mean()), "share_high": float(is_high[name].mean()), "n": fit.n})
    return pd.DataFrame(rows, index=pd.Index(names, name="touch_point"))


def penalty_reward(
    surveys: pd.DataFrame,
    touch_points: Any = None,
    *,
    target: str = "overall_satisfaction",
    low: float = 2,
    high: float = 4,
    scale: int = 5,
    confidence: float = 0.95,
) -> pd.DataFrame:
    """Penalty-reward analysis: does a bad touch point cost more than a good one earns?

    Lesson 03, "what shapes satisfaction: touch points", and "where to
    invest first".  Penalty-reward contrast analysis (Brandt 1987; Mittal,
    Ross & Baldasare 1998, "The asymmetric impact of negative and positive
    attribute-level performance on overall satisfaction and repurchase
    intentions", Journal of Marketing 62(1)) codes each touch point's
    rating as low (<= ``low``), middle or high (>= ``high``) and regresses
    overall satisfaction on two 1/0 columns per touch point::

        y = b_0 + sum_j (d_j [x_j low] + u_j [x_j high]) + error

    The middle rating is the baseline, so ``penalty`` = -d_j is how much a
    low rating pulls overall satisfaction down, ``reward`` = u_j how much a
    high one lifts it, ``asymmetry`` = reward - penalty.  The three-factor
    theory (Kano et al. 1984, "Attractive quality and must-be quality";
    Matzler & Sauerwein 2002, International Journal of Service Industry
    Management 13(4)) names the patterns, :data:`FACTORS`: **basic** when
    the asymmetry's interval lies below 0 (fix these first: doing them well
    earns little, failing costs a lot), **excitement** when above 0 (a
    delighter: the deck's "latent needs" 潜在需求), **performance** when
    it covers 0 but the penalty or reward is clearly above 0, else "no clear
    effect".  Because one class is decided for every touch point at once,
    the intervals hold simultaneously (Bonferroni): each is at the level
    1 - (1 - ``confidence``) / J for J touch points, so a truly symmetric
    touch point is called basic or excitement by luck with probability at
    most 1 - ``confidence`` over the whole table.

    Parameters
    ----------
    surveys : DataFrame
        One row per respondent.
    touch_points : list of str, optional
        The rating columns; default every column starting with ``rating_``.
        Answers are whole points from 1 to ``scale``; rows with a missing
        answer are dropped (listwise).
    target : str, default "overall_satisfaction"
    low, high : float, default 2 and 4
        Ratings at or below ``low`` are low, at or above ``high`` high, the
        ones between them the baseline (at least one point of middle).
    scale : int, default 5
        The ratings' highest point.
    confidence : float, default 0.95
        Simultaneous confidence level of all the intervals.

    Returns
    -------
    DataFrame
        Index ``touch_point`` (order given); columns ``penalty``,
        ``penalty_lower``, ``penalty_upper``, ``reward``, ``reward_lower``,
        ``reward_upper``, ``asymmetry``, ``asymmetry_lower``,
        ``asymmetry_upper``, ``factor``, ``share_low``, ``share_high``, ``n``.

    Raises
    ------
    DataError
        As :func:`touch_point_importance`; also if a rating is off the
        scale or not whole, the cut points leave no middle, or a touch
        point has no low, middle or high answer.

    Examples
    --------
    >>> import numpy as np, pandas as pd
    >>> rng = np.random.default_rng(5)
    >>> s = pd.DataFrame({"rating_checkout": rng.integers(1, 6, 600),
    ...                   "rating_service": rng.integers(1, 6, 600)})
    >>> mean = 3 - 0.8 * (s["rating_checkout"] <= 2) + 0.7 * (s["rating_service"] >= 4)
    >>> s["overall_satisfaction"] = (mean + rng.normal(0, 0.5, 600)).round().clip(1, 5)
    >>> penalty_reward(s)[["penalty", "reward", "factor"]].round(2)
                     penalty  reward      factor
    touch_point
    rating_checkout     0.84    0.02       basic
    rating_service     -0.02    0.70  excitement
    >>> penalty_reward(s, low=2, high=3)
    Traceback (most recent call last):
    ...
    custlearn.DataError: high must be a number from 4 to 5, but 3 was given. For example high=4 (at least low + 2, so a middle rating is left between them).
    """
    scale, low, high = _coding(low, high, scale)
    confidence = require_confidence(confidence)
    names = _touch_point_names(surveys, touch_points, target)
    on_scale = Scale(1, scale, fix=f"Touch points are rated 1-{scale} here; pass scale= if yours differ.")
    data = _complete_answers(surveys, target, names, argument="touch_points", scale=on_scale)
    is_low, is_high = _dummies(data[names], low, high)
    X = np.column_stack([np.ones(len(data)), is_low.to_numpy(), is_high.to_numpy()])
    terms = ["intercept", *(f"low {n}" for n in names), *(f"high {n}" for n in names)]
    fit = least_squares(X, data[target].to_numpy(dtype=float), terms)
    return _penalty_reward_table(fit, names, is_low, is_high, confidence)
