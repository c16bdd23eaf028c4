"""Exercises of lesson 03, *Measuring satisfaction and service quality*.

Expected answers are computed from the shipped data with the solution's
logic (``custlearn.satisfaction``); the likely mistakes are computed the same way.
"""

from __future__ import annotations

from functools import cache

import pandas as pd

from custlearn._i18n import N_
from custlearn.exercises._charts import Chart
from custlearn.exercises._core import Choice, Mistake, Number, Table, Text

__all__ = ["EXERCISES"]

YEAR = 2025


@cache
def _surveys() -> pd.DataFrame:
    from custlearn import datasets

    return datasets.load("shop").surveys


def _overall() -> pd.Series:
    return _surveys()["overall_satisfaction"]


def _sat():
    from custlearn import satisfaction

    return satisfaction


# ---------------------------------------------------------------- 03.1 CSAT

def _csat_top2() -> float:
    """03.1 — top-2-box CSAT of overall satisfaction, in percent."""
    return _sat().csat(_overall())


def _csat_mean() -> float:
    return _sat().csat(_overall(), statistic="mean")


def _csat_top1() -> float:
    return _sat().csat(_overall(), top_box=1)


def _csat_top3() -> float:
    return _sat().csat(_overall(), top_box=3)


def _top2_count() -> float:
    return float((_overall() >= 4).sum())


# ---------------------------------------------------------------- 03.2 by year

def _year() -> pd.Series:
    return _surveys()["survey_date"].dt.year.rename("year")


def _top2_share_by_year() -> pd.Series:
    """03.2 — share (fraction) answering 4 or 5, per survey year."""
    return (_overall() >= 4).groupby(_year()).mean()


def _top2_percent_by_year() -> pd.Series:
    return _top2_share_by_year() * 100


def _mean_by_year() -> pd.Series:
    return _overall().groupby(_year()).mean()


def _top2_count_by_year() -> pd.Series:
    return (_overall() >= 4).groupby(_year()).sum().astype(float)


# ---------------------------------------------------------------- 03.3 Wilson interval

def _year_answers(year: int | None = YEAR) -> pd.Series:
    answers = _overall()
    return answers if year is None else answers[_year() == year]


def _wilson_upper(year: int | None = YEAR, confidence: float = 0.95) -> float:
    """03.3 — upper end of the 95% Wilson interval of the 2025 top-2-box share."""
    answers = _year_answers(year)
    return _sat().proportion_ci(int((answers >= 4).sum()), len(answers), confidence).upper


def _wilson_lower() -> float:
    answers = _year_answers()
    return _sat().proportion_ci(int((answers >= 4).sum()), len(answers)).lower


# ---------------------------------------------------------------- 03.4 sample size

def _needed_per_quarter() -> float:
    """03.4 — respondents for +/- 5 points at 95% confidence, planning with 50%."""
    return float(_sat().required_sample_size(0.05))


def _needed_unrounded() -> float:
    z = 1.959963984540054
    return z**2 * 0.25 / 0.05**2


# ---------------------------------------------------------------- 03.5 SERVQUAL gaps

def _servqual_gap() -> pd.Series:
    """03.5 — SERVQUAL gap (perception - expectation) per dimension."""
    return _sat().servqual_gaps(_surveys())["gap"]


def _servqual_gap_reversed() -> pd.Series:
    return -_servqual_gap()


def _servqual_perception() -> pd.Series:
    return _sat().servqual_gaps(_surveys())["perception"]


# ---------------------------------------------------------------- 03.6 alpha

def _alpha_reliability(prefix: str = "per_reliability_") -> float:
    """03.6 — Cronbach's alpha of the three reliability perception items."""
    return _sat().cronbach_alpha(_surveys().filter(regex=f"^{prefix}"))


# ---------------------------------------------------------------- 03.7 drivers

@cache
def _drivers(kind: str = "perception") -> pd.DataFrame:
    sat = _sat()
    scores = sat.servqual_scores(_surveys(), kind=kind)
    return sat.driver_analysis(_surveys()[["overall_satisfaction"]].join(scores), "overall_satisfaction",
                               list(sat.DIMENSIONS))


def _driver_weights() -> pd.Series:
    """03.7 — standardised regression weight of each dimension's perception score."""
    return _drivers()["standardised_weight"]


def _driver_correlations() -> pd.Series:
    return _drivers()["correlation"]


def _gap_driver_weights() -> pd.Series:
    return _drivers("gap")["standardised_weight"]


def _wald_upper() -> float:
    """Mistake for 03.3: the normal (Wald) interval instead of Wilson's."""
    answers = _year_answers()
    p, n = float((answers >= 4).mean()), len(answers)
    return p + 1.959963984540054 * (p * (1 - p) / n) ** 0.5


def _servqual_expectation() -> pd.Series:
    return _sat().servqual_gaps(_surveys())["expectation"]


def _grid(importance: str = "standardised_weight", performance: str = "perception", swap: bool = False) -> pd.DataFrame:
    """03.8 — the importance-performance grid as points: x = performance, y = importance."""
    sat = _sat()
    grid = sat.importance_performance(_drivers()[importance], sat.servqual_scores(_surveys(), kind=performance))
    x, y = grid["performance"], grid["importance"]
    return pd.DataFrame({"x": y if swap else x, "y": x if swap else y})


# ---------------------------------------------------------------- 03.11 touch-point weights

def _touch_points() -> list[str]:
    return [c for c in _surveys().columns if c.startswith("rating_")]


def _touch_point_weights() -> pd.Series:
    """03.11 — weight of each touch point: all five ratings in one regression (rating points)."""
    return _sat().touch_point_importance(_surveys())["weight"]


def _touch_point_correlations() -> pd.Series:
    return _surveys()[_touch_points()].corrwith(_overall())


def _touch_point_alone() -> pd.Series:
    """Mistake for 03.11: the slope of each touch point fitted on its own."""
    s = _surveys()
    return pd.Series({t: s[t].cov(_overall()) / s[t].var() for t in _touch_points()})


def _touch_point_standardised() -> pd.Series:
    return _sat().driver_analysis(_surveys(), "overall_satisfaction", _touch_points())["standardised_weight"]


# ---------------------------------------------------------------- 03.12 what a fall of delivery costs

def _delivery_change(delta: float = -0.5, **options) -> float:
    """03.12 — predicted change of the top-2-box share (points) if delivery ratings moved by ``delta``."""
    return float(_sat().what_if(_surveys(), {"rating_delivery": delta}, **options).loc["change", "estimate"])


def _delivery_level_after_fall() -> float:
    return float(_sat().what_if(_surveys(), {"rating_delivery": -0.5}).loc["what-if", "estimate"])


# ---------------------------------------------------------------- 03.13 the expectation effect

def _expectation_effect(form: str = "performance", term: str = "expectation") -> float:
    """03.13 — change in overall satisfaction per point of prior expectation, at the same performance."""
    return float(_sat().expectation_effect(_surveys(), form=form).loc[term, "coefficient"])


def _expectation_alone() -> float:
    """Mistake for 03.13: the slope on the prior expectation alone, performance not held fixed."""
    s = _surveys()
    return float(s["prior_expectation"].cov(_overall()) / s["prior_expectation"].var())


def _expectation_high_minus_low() -> float:
    s = _surveys()
    return float(_overall()[s["prior_expectation"] >= 4].mean() - _overall()[s["prior_expectation"] <= 2].mean())


EXERCISES = {
    "03.1": Number(
        _csat_top2,
        question=N_("The shop's CSAT as a top-2-box percentage: the share of overall_satisfaction answers of 4 or 5, "
                    "in percent (0-100)."),
        unit="percent",
        mistakes=[
            Mistake(_csat_mean, N_("That is the mean score on the 1-5 scale. The top-2-box CSAT is the percentage of "
                    "answers of 4 or 5.")),
            Mistake(_csat_top1, N_("That is the top-1-box share (only the 5s). Top-2-box counts the 4s and the 5s.")),
            Mistake(_csat_top3, N_("You counted 3, 4 and 5 (top-3-box). A 3 is neutral: count only 4 and 5.")),
            Mistake(_top2_count, N_("That is the number of satisfied respondents; divide by all respondents and "
                    "multiply by 100.")),
        ],
        hint=N_("Mark the answers of 4 or 5 (overall_satisfaction >= 4), take the mean of that True/False column "
                "(the share) and multiply by 100; satisfaction.csat does it."),
    ),
    "03.2": Table(
        _top2_share_by_year,
        question=N_("For each survey year, the share (a fraction) of overall_satisfaction answers of 4 or 5. "
                    "A Series indexed by year."),
        index_name=N_("year"),
        mistakes=[
            Mistake(_top2_percent_by_year, N_("Those are percentages; the question asks for fractions between 0 and 1. "
                    "Divide by 100.")),
            Mistake(_mean_by_year, N_("Those are mean scores. Take the mean of the True/False column (score >= 4) "
                    "instead: that is the share.")),
            Mistake(_top2_count_by_year, N_("Those are numbers of satisfied respondents; the question asks for shares: "
                    "use .mean() of (score >= 4), not .sum().")),
        ],
        hint=N_("Mark the answers of 4 or 5 (overall_satisfaction >= 4), group that True/False column by the year of "
                "survey_date (.dt.year) and take the mean in each year: the share of satisfied answers."),
    ),
    "03.3": Number(
        _wilson_upper,
        question=N_("The upper end of the 95% Wilson interval for the top-2-box share of the 2025 survey answers "
                    "(a fraction)."),
        unit="fraction",
        mistakes=[
            Mistake(lambda: _wilson_upper(None), N_("You used the answers of both years. Keep only the surveys "
                    "of 2025 (survey_date.dt.year == 2025).")),
            Mistake(lambda: _wilson_upper(YEAR, 0.90), N_("That is the 90% interval; use confidence=0.95.")),
            Mistake(_wilson_lower, N_("That is the lower end of the interval; the question asks for the upper end.")),
            Mistake(_wald_upper, N_("That is the upper end of the normal (Wald) interval, p + 1.96 x standard error. "
                    "The question asks for Wilson's interval, which stays honest near 0 and 1: "
                    "satisfaction.proportion_ci.")),
        ],
        hint=N_("Keep the 2025 answers; count them (n) and how many are 4 or 5 (the successes); the Wilson "
                "interval of that share is satisfaction.proportion_ci(successes, n): take its upper end."),
    ),
    "03.4": Number(
        _needed_per_quarter,
        question=N_("The shop wants each quarter's top-2-box share known to within ±5 percentage points at 95% "
                    "confidence. Planning with a share of 50%, how many completed answers does a quarter need?"),
        unit=N_("respondents"),
        mistakes=[
            Mistake(_needed_unrounded, N_("Round UP to a whole respondent: with fewer, the margin would be slightly "
                    "wider than 5 points.")),
            Mistake(lambda: float(_sat().required_sample_size(0.05, confidence=0.90)),
                    N_("That is the number for 90% confidence; the question asks for 95%.")),
            Mistake(lambda: float(_sat().required_sample_size(0.03)),
                    N_("That is the number for ±3 points; the question asks for ±5 points (margin=0.05).")),
        ],
        hint=N_("The margin of a share is z x sqrt(p(1 - p) / n); solve it for n with z = 1.96 (95%), p = 0.5 and a "
                "margin of 0.05, and round up to a whole respondent (satisfaction.required_sample_size)."),
    ),
    "03.5": Table(
        _servqual_gap,
        question=N_("The SERVQUAL gap (mean perception minus mean expectation) of each of the five dimensions. "
                    "A Series indexed by dimension."),
        index_name=N_("dimension"),
        mistakes=[
            Mistake(_servqual_gap_reversed, N_("The signs are reversed: you computed expectation minus perception. "
                    "SERVQUAL's gap is perception minus expectation, so a shortfall is negative.")),
            Mistake(_servqual_perception, N_("Those are the mean perceptions; subtract the mean expectations to get "
                    "the gaps.")),
            Mistake(_servqual_expectation, N_("Those are the mean expectations; the gap is the mean perception minus "
                    "the mean expectation.")),
        ],
        hint=N_("For each dimension, average its perception items and its expectation items over the answers, then "
                "subtract: perception minus expectation (satisfaction.servqual_gaps lays it out)."),
    ),
    "03.6": Number(
        _alpha_reliability,
        question=N_("Cronbach's alpha of the three reliability perception items (per_reliability_1 to _3)."),
        mistakes=[
            Mistake(lambda: _alpha_reliability("exp_reliability_"), N_("That is the alpha of the expectation items. "
                    "Use the perception items, whose names start with per_reliability_.")),
            Mistake(lambda: _alpha_reliability("per_"), N_("You used all fifteen perception items. Select only the "
                    "three reliability items: surveys.filter(regex='^per_reliability_').")),
        ],
        hint=N_("Select the three items whose names start with per_reliability_ and compute Cronbach's alpha of those "
                "three columns together (satisfaction.cronbach_alpha)."),
    ),
    "03.7": Table(
        _driver_weights,
        question=N_("The standardised regression weight of each dimension's perception score on overall_satisfaction "
                    "(driver analysis). A Series indexed by dimension."),
        index_name=N_("driver"),
        mistakes=[
            Mistake(_driver_correlations, N_("Those are the correlations. The question asks for the standardised "
                    "weights, which separate the effect of each dimension from the others.")),
            Mistake(_gap_driver_weights, N_("You used the gap scores as drivers. Use the perception scores: "
                    "satisfaction.servqual_scores(surveys) (kind='perception', the default).")),
        ],
        hint=N_("Score each dimension from its perception items (satisfaction.servqual_scores), then regress "
                "overall_satisfaction on the five scores with standardised variables (satisfaction.driver_analysis) "
                "and take the standardised weights."),
    ),
    "03.8": Chart(
        _grid,
        question=N_("The importance-performance grid: each dimension's importance (standardised weight) against its "
                    "performance (mean perception score), with a title and labelled axes."),
        kind="points",
        index_name=N_("dimension"),
        mistakes=[
            Mistake(lambda: _grid(swap=True), N_("Your points have importance across (x) and performance up (y). The "
                    "grid puts performance on the x axis and importance on the y axis, so that the quadrants read "
                    "as Martilla and James named them.")),
            Mistake(lambda: _grid("correlation"), N_("Your importance is the correlation with overall satisfaction. "
                    "Use the standardised weights of the driver analysis, which separate each dimension's effect.")),
            Mistake(lambda: _grid(performance="gap"), N_("Your performance is the SERVQUAL gap. The grid uses the mean "
                    "perception score (servqual_scores with kind='perception', the default).")),
            Mistake(lambda: _grid(performance="expectation"), N_("Your performance is the mean expectation. Use the "
                    "mean perception: how the service was experienced, not what was expected.")),
        ],
        hint=N_("Put each dimension at x = its mean perception score and y = its standardised weight from the driver "
                "analysis (satisfaction.importance_performance builds the table; plots.importance_performance_chart "
                "draws it), with ax.scatter."),
    ),
    "03.9": Choice(
        expected="a",
        question=N_("The shop can improve one dimension this year. Which should it choose?"),
        options={
            "a": N_("Yes: reliability matters most and performs below average (Concentrate here), and it has the "
                    "largest SERVQUAL shortfall."),
            "b": N_("Tangibles already exceed expectations and move satisfaction least: more spending there is "
                    "possible overkill."),
            "c": N_("Empathy performs a little below average but matters less than reliability or responsiveness: "
                    "low priority."),
            "d": N_("Assurance performs above average and matters less than the top two: keep it, do not prioritise it."),
        },
    ),
    "03.10": Text(
        question=N_("Write a short note to the shop's manager: what the satisfaction survey says, how sure we are, and "
                    "what to do first."),
        min_words=40,
        keywords=[N_("reliability"), N_("interval"), N_("responsiveness")],
    ),
    "03.11": Table(
        _touch_point_weights,
        question=N_("The weight of each touch point in overall satisfaction: the five touch-point ratings (the columns "
                    "starting with rating_) in one regression of overall_satisfaction, in satisfaction points per rating "
                    "point. A Series indexed by touch point."),
        index_name=N_("touch point"),
        mistakes=[
            Mistake(_touch_point_correlations, N_("Those are the raw correlations with overall satisfaction. Customers who "
                    "like one step of the journey like the others too (a halo), so every correlation looks strong. "
                    "Put all five ratings in one regression: satisfaction.touch_point_importance.")),
            Mistake(_touch_point_alone, N_("You fitted each touch point on its own: its slope takes the credit of the "
                    "other steps that move with it. Fit the five ratings together, so that each weight holds the "
                    "others fixed.")),
            Mistake(_touch_point_standardised, N_("Those are standardised weights (in standard deviations). The question "
                    "asks for the weights in rating points: the column weight of satisfaction.touch_point_importance.")),
        ],
        hint=N_("Regress overall_satisfaction on the five rating_ columns together (review_rating_seen is not a touch "
                "point) and take one coefficient per touch point: satisfaction.touch_point_importance(surveys) does it; "
                "its column weight is the answer."),
    ),
    "03.12": Number(
        lambda: _delivery_change(-0.5),
        question=N_("If every customer's delivery rating fell by half a point on average, by how many percentage points "
                    "would the top-2-box share of overall satisfaction change, as the penalty-reward what-if predicts? "
                    "(A fall is negative.)"),
        unit=N_("points"),
        mistakes=[
            Mistake(lambda: _delivery_change(-0.5, model="linear"), N_("That is the straight-line model "
                    "(model='linear'): it gives every step the same weight and misses the asymmetry. Use the "
                    "penalty-reward model, the default of satisfaction.what_if.")),
            Mistake(lambda: -_delivery_change(0.5), N_("That is the gain of a rise of half a point with a minus sign. "
                    "A fall is not a rise in reverse: a low rating can cost more than a high one earns. Predict the "
                    "fall itself: changes={'rating_delivery': -0.5}.")),
            Mistake(_delivery_level_after_fall, N_("That is the predicted top-2-box share after the fall; the question "
                    "asks for the change: the row 'change' of satisfaction.what_if.")),
            Mistake(lambda: _delivery_change(-0.5, statistic="mean"), N_("That is the change of the mean score "
                    "(statistic='mean'). The question asks for the top-2-box share, in percentage points.")),
        ],
        hint=N_("Predict the top-2-box share with every delivery rating half a point lower: "
                "satisfaction.what_if(surveys, {'rating_delivery': -0.5}) fits the penalty-reward model; take the "
                "estimate in its row 'change' (negative for a loss)."),
    ),
    "03.13": Number(
        _expectation_effect,
        question=N_("At the same perceived performance (the mean of the five touch-point ratings), by how much does "
                    "overall satisfaction change for one point more of prior expectation? Give the coefficient "
                    "(satisfaction points per point of expectation)."),
        mistakes=[
            Mistake(_expectation_alone, N_("That is the slope of overall satisfaction on the prior expectation alone: it "
                    "does not hold performance fixed. Regress on performance and expectation together "
                    "(satisfaction.expectation_effect).")),
            Mistake(lambda: _expectation_effect("disconfirmation"), N_("That is the expectation's coefficient in the "
                    "disconfirmation form (performance minus expectation, and expectation), where it means something "
                    "else. Use the performance form, form='performance' (the default).")),
            Mistake(lambda: _expectation_effect(term="performance"), N_("That is the weight of performance. The question "
                    "asks for the coefficient of the prior expectation.")),
            Mistake(_expectation_high_minus_low, N_("That is the difference in mean satisfaction between the customers "
                    "who expected much (4-5) and little (1-2): performance is not held fixed, and it is not per point "
                    "of expectation. Use a regression on both.")),
        ],
        hint=N_("Compute each respondent's perceived performance as the mean of the five rating_ columns, then regress "
                "overall_satisfaction on performance and prior_expectation together and take the coefficient of the "
                "expectation (satisfaction.expectation_effect does it)."),
    ),
    "03.14": Choice(
        expected="a",
        question=N_("The shop can fund one project on its customer journey this year. Which should come first?"),
        options={
            "a": N_("Yes: delivery weighs most, and a rise of its rating earns as much as any other (with service "
                    "contact), while a fall of it costs the most. Invest there first."),
            "b": N_("Returns is a basic factor: a low rating costs, but a high one earns almost nothing, so raising its "
                    "rating gains hardly anything. Keep returns from failing; do not make it the first investment."),
            "c": N_("Service contact is a delighter that earns about as much as delivery when it rises, but delivery "
                    "also costs the most when it falls and weighs most overall. A good second project."),
            "d": N_("Customers who want easy ordering weigh delivery at least as much as the website or app, and a rise "
                    "of the website or app earns about half of delivery's. Not first."),
        },
    ),
}
