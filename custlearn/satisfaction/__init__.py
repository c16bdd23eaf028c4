"""Lesson 03: measuring satisfaction and service quality, what shapes it and how to raise it.

Satisfaction is experience measured against expectation. This package holds
the measures the lesson uses, each written out so a learner can read it,
one job per file:

- scoring a question (``_scores``): :func:`csat` (top-box share or mean),
  :func:`ces` (Customer Effort Score), :func:`score_distribution`;
- how sure we are: :func:`proportion_ci` (Wilson interval; written out in
  ``custlearn._stats`` because lessons 04, 06, 07 and 08 use it too, and
  importable from here as the lesson teaches it), :func:`margin_of_error`,
  :func:`required_sample_size` (``_scores``);
- service quality (``_servqual``): :func:`servqual_scores`,
  :func:`servqual_gaps` (SERVQUAL, perception minus expectation) and
  :func:`technical_functional_gaps` (Gronroos' technical vs functional
  quality);
- is the scale reliable (``_reliability``): :func:`cronbach_alpha`,
  :func:`cronbach_alpha_ci` (Feldt interval), :func:`alpha_if_item_deleted`;
- where to act (``_drivers``): :func:`driver_analysis` (correlation and
  standardised regression weight) and :func:`importance_performance`
  (Martilla & James grid);
- what shapes satisfaction, deck 002's four factors: touch points
  (``_touch_points``: :func:`touch_point_importance`, by need segment too,
  and :func:`penalty_reward` with the three-factor classes
  :data:`FACTORS`), established beliefs and outside reviews
  (``_expectations``: :func:`expectation_effect`, :func:`reviews_effect`);
  needs and preferences by ``segment=`` of :func:`touch_point_importance`;
- raising it (``_what_if``): :func:`what_if`, the predicted top-box share
  if touch-point ratings changed.

The regressions are written out once, by the normal equations, in
``_regression`` (coefficients, standard errors, intervals).

Column names default to the course's ``surveys`` table (``exp_<dim>_<k>``,
``per_<dim>_<k>``, ``overall_satisfaction``, ``customer_effort``,
``rating_<touch point>``, ``prior_expectation``) and every function lets you
name your own columns. Every table is read once, at the door, by
``custlearn._tables`` (one rule for every lesson: text where numbers are
expected, answers off the scale and missing values the function cannot skip
are a :class:`custlearn.DataError` naming the column).

Only numpy and pandas are imported at module level; scipy is imported inside
the functions that need a distribution (the F of :func:`cronbach_alpha_ci`,
the Student t of the regression intervals).
"""

# proportion_ci and Interval are lesson 03's and keep their names here; wilson_bounds too (for
# code written before it moved to the ground floor, _stats, where lessons 04, 06, 07 and 08 take it).
from custlearn._stats import Interval, proportion_ci, wilson_bounds, z_value  # noqa: F401
from custlearn.satisfaction._drivers import _QUADRANT_ORDER, QUADRANTS, driver_analysis, importance_performance  # noqa: F401
from custlearn.satisfaction._expectations import expectation_effect, reviews_effect
from custlearn.satisfaction._reliability import alpha_if_item_deleted, cronbach_alpha, cronbach_alpha_ci
from custlearn.satisfaction._scores import ces, csat, margin_of_error, required_sample_size, score_distribution
from custlearn.satisfaction._servqual import (
    DIMENSIONS,
    QUALITY_TYPES,
    servqual_gaps,
    servqual_scores,
    technical_functional_gaps,
)
from custlearn.satisfaction._touch_points import FACTORS, TOUCH_POINT_PREFIX, penalty_reward, touch_point_importance
from custlearn.satisfaction._what_if import what_if

__all__ = [
    "DIMENSIONS",
    "QUALITY_TYPES",
    "QUADRANTS",
    "FACTORS",
    "TOUCH_POINT_PREFIX",
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
    "touch_point_importance",
    "penalty_reward",
    "expectation_effect",
    "reviews_effect",
    "what_if",
]
