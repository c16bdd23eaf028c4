"""The course's chart helpers, on seaborn and matplotlib: one module per lesson.

Call :func:`set_theme` once at the top of a notebook so every figure of the
course looks the same and stays readable when projected in a classroom.
Every chart takes the result of a lesson function (and an optional
``ax=``), labels its axes in words with units and returns the Axes::

    from custlearn import plots
    plots.set_theme()
    ax = plots.nps_chart(shop.surveys["likely_to_recommend"])

The charts live in one module per lesson (``custlearn.plots.lifecycle``,
``custlearn.plots.churn``, ...) over a shared base,
:mod:`custlearn.plots._base`: the palette, what each colour means (green is
always the good outcome, vermillion the bad one; each lifecycle stage and
each complaint outcome has one colour in every lesson) and the axis helpers.
This module only gathers them, so ``plots.<name>`` finds every one.

Figures keep Latin text: matplotlib's default fonts have no Chinese glyphs,
so Chinese terms go in the Markdown around a figure, not inside it.
matplotlib and seaborn are imported inside the functions, so ``import
custlearn.plots`` stays fast.
"""

from __future__ import annotations

from custlearn.plots._base import (
    BAD,
    BLACK,
    BLUE,
    CAUTION,
    COLOUR_MEANINGS,
    GOOD,
    GREEN,
    GREY,
    HIGHLIGHT,
    LIGHT_GREY,
    MAIN,
    NEUTRAL,
    NPS_COLOURS,
    ORANGE,
    OUTCOME_COLOURS,
    PALETTE,
    PURPLE,
    REFERENCE,
    SECOND,
    SEQUENTIAL_CMAP,
    SERIES,
    SKY_BLUE,
    STAGE_COLOURS,
    VERMILLION,
    YELLOW,
    colours_for,
    money_axis,
    percent_axis,
    set_theme,
)
from custlearn.plots.churn import gains_chart, survival_chart
from custlearn.plots.customer_data import missing_values_chart, name_similarity_chart, problems_found_chart
from custlearn.plots.lifecycle import lifecycle_funnel, stage_trend, transition_heatmap
from custlearn.plots.loyalty import cohort_heatmap, loyalty_matrix_chart, nps_chart, satisfaction_loyalty_chart
from custlearn.plots.service import (
    chain_estimates_chart,
    closed_loop_chart,
    complaint_churn_chart,
    key_account_chart,
    service_mix_chart,
    service_profit_chain_chart,
)
from custlearn.plots.satisfaction import (
    expectation_chart,
    importance_performance_chart,
    penalty_reward_chart,
    score_distribution_chart,
    servqual_gap_chart,
    touch_point_chart,
)
from custlearn.plots.value import (
    clv_distribution_chart,
    holdout_chart,
    k_choice_chart,
    p_alive_chart,
    pareto_chart,
    rfm_segment_chart,
    scorecard_chart,
    tracking_chart,
    whale_chart,
)
from custlearn.plots.warehouse import footprint_chart

__all__ = [
    # the look of every figure
    "set_theme", "percent_axis", "money_axis",
    # the palette and what each colour means
    "PALETTE", "BLUE", "ORANGE", "GREEN", "VERMILLION", "PURPLE", "SKY_BLUE", "YELLOW", "BLACK",
    "LIGHT_GREY", "GREY", "SERIES", "SEQUENTIAL_CMAP",
    "MAIN", "SECOND", "GOOD", "BAD", "CAUTION", "NEUTRAL", "REFERENCE", "HIGHLIGHT", "COLOUR_MEANINGS",
    "STAGE_COLOURS", "OUTCOME_COLOURS", "NPS_COLOURS", "colours_for",
    # lesson 01
    "missing_values_chart", "problems_found_chart", "name_similarity_chart",
    # lesson 02
    "lifecycle_funnel", "stage_trend", "transition_heatmap",
    # lesson 03
    "score_distribution_chart", "servqual_gap_chart", "importance_performance_chart",
    "touch_point_chart", "penalty_reward_chart", "expectation_chart",
    # lesson 04
    "cohort_heatmap", "nps_chart", "satisfaction_loyalty_chart", "loyalty_matrix_chart",
    # lesson 05
    "pareto_chart", "whale_chart", "rfm_segment_chart", "p_alive_chart", "clv_distribution_chart",
    "k_choice_chart", "scorecard_chart", "tracking_chart", "holdout_chart",
    # lesson 06: customer service management
    "service_mix_chart", "closed_loop_chart", "complaint_churn_chart", "key_account_chart",
    "service_profit_chain_chart", "chain_estimates_chart",
    # churn early warning
    "survival_chart", "gains_chart",
    # lesson 09: the warehouse
    "footprint_chart",
]
