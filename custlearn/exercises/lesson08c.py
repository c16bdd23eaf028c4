"""Exercises of lesson 08c, the bank case: staff, complaints and account closures.

Expected answers are computed from the shipped ``bank`` data with the
solution's logic (``custlearn.churn``, ``custlearn.satisfaction`` and the
closure-rate model of the case notebook); the likely mistakes are computed
the same way.
"""

from __future__ import annotations

from functools import cache

import numpy as np
import pandas as pd

from custlearn._i18n import N_
from custlearn.cases import rate_model
from custlearn.exercises._charts import Chart
from custlearn.exercises._core import Choice, Mistake, Number, Table, Text

__all__ = ["EXERCISES"]

CUTOFF = "2024-12-31"
WINDOW = 365
BANDS = [0, 3, 4, 7]
BAND_LABELS = [N_("low (1-3)"), N_("middle (4)"), N_("high (5-7)")]  # shown in feedback, translated
DRIVERS = ["staff_attitude", "product_knowledge", "tangibles", "reliability", "responsiveness", "assurance", "empathy"]
STEP = 0.5


@cache
def _bank():
    from custlearn import datasets

    return datasets.load("bank")


@cache
def _labels(window: int = WINDOW) -> pd.DataFrame:
    from custlearn import churn

    bank = _bank()
    return churn.label_churn(bank.customers, None, CUTOFF, kind="contractual", window_days=window, as_of=bank.as_of)


@cache
def _durations() -> pd.DataFrame:
    from custlearn import churn

    bank = _bank()
    return churn.churn_durations(bank.customers, None, bank.as_of, kind="contractual")


@cache
def _respondents() -> pd.DataFrame:
    bank = _bank()
    answers = bank.surveys.set_index("customer_id")[["staff_attitude", "product_knowledge", "overall_satisfaction"]]
    table = _durations().join(answers, how="inner")
    discount = bank.customers.set_index("customer_id")["acquired_with_discount"]
    return table.assign(discount=discount.reindex(table.index).astype(float))


# 08c.1 ---------------------------------------------------------------------


def _closure_rate() -> float:
    """08c.1 — share of accounts open on 31 Dec 2024 closed within 365 days."""
    return float(_labels()["churned"].mean())


def _closed_by_end_of_all() -> float:
    return float(_bank().customers["account_closed"].notna().mean())


# 08c.2 ---------------------------------------------------------------------


def _logrank(item: str, bins: list[int] = BANDS, names: list[str] = BAND_LABELS) -> float:
    from custlearn import churn

    r = _respondents()
    band = pd.cut(r[item], bins, labels=names).astype(str)
    return float(churn.logrank_test(r["duration_days"], r["churned"], band).chi_square)


def _attitude_logrank() -> float:
    """08c.2 — log-rank chi-square across the three staff-attitude bands (survey answerers)."""
    return _logrank("staff_attitude")


def _knowledge_logrank() -> float:
    return _logrank("product_knowledge")


def _attitude_logrank_two_bands() -> float:
    return _logrank("staff_attitude", [0, 3, 7], ["low (1-3)", "4-7"])


# 08c.3 ---------------------------------------------------------------------


def _by_outcome(window: int = WINDOW) -> pd.DataFrame:
    from custlearn import service

    return service.churn_by_complaint_outcome(_labels(window), _bank().tickets)


def _closure_by_outcome() -> pd.Series:
    """08c.3 — closure rate in the 365 days after the cut-off, by first complaint outcome."""
    return _by_outcome()["churn_rate"]


def _closers_by_outcome() -> pd.Series:
    return _by_outcome()["churners"].astype(float)


def _closure_by_outcome_182() -> pd.Series:
    return _by_outcome(182)["churn_rate"]


# 08c.5 ---------------------------------------------------------------------


@cache
def _survey_table() -> pd.DataFrame:
    from custlearn import satisfaction

    bank = _bank()
    servqual = satisfaction.servqual_scores(bank.surveys).set_index(bank.surveys["customer_id"])
    answers = bank.surveys.set_index("customer_id")[["staff_attitude", "product_knowledge", "overall_satisfaction"]]
    return servqual.join(answers).join(_durations()["churned"].astype(int).rename("closed"))


def _drivers(target: str, drivers: tuple[str, ...] = tuple(DRIVERS)) -> pd.DataFrame:
    from custlearn import satisfaction

    return satisfaction.driver_analysis(_survey_table(), target, list(drivers))


def _attitude_weight_on_closure() -> float:
    """08c.5 — standardised weight of staff_attitude in the driver analysis of closing (7 drivers)."""
    return float(_drivers("closed").loc["staff_attitude", "standardised_weight"])


def _attitude_correlation_with_closure() -> float:
    return float(_drivers("closed").loc["staff_attitude", "correlation"])


def _attitude_weight_on_satisfaction() -> float:
    return float(_drivers("overall_satisfaction").loc["staff_attitude", "standardised_weight"])


def _attitude_weight_staff_items_only() -> float:
    return float(_drivers("closed", ("staff_attitude", "product_knowledge")).loc["staff_attitude",
                                                                                 "standardised_weight"])


# 08c.6 ---------------------------------------------------------------------


@cache
def _staff_model(columns: tuple[str, ...] = ("staff_attitude", "product_knowledge", "discount"),
                 exposure: bool = True) -> pd.DataFrame:
    return rate_model(_respondents(), list(columns), exposure=exposure)


def _attitude_rate_ratio() -> float:
    """08c.6 — closure rate ratio per survey point of staff attitude (with knowledge and discount)."""
    return float(_staff_model().loc["staff_attitude", "rate_ratio"])


def _attitude_coefficient() -> float:
    return float(_staff_model().loc["staff_attitude", "b"])


def _attitude_rate_ratio_no_exposure() -> float:
    return float(_staff_model(exposure=False).loc["staff_attitude", "rate_ratio"])


def _attitude_rate_ratio_alone() -> float:
    return float(_staff_model(("staff_attitude",)).loc["staff_attitude", "rate_ratio"])


def _attitude_reduction() -> float:
    return 1 - _attitude_rate_ratio()


# 08c.8 ---------------------------------------------------------------------


def _closed_2025() -> int:
    return int(_bank().customers["account_closed"].dt.year.eq(2025).sum())


def _closures_avoided_attitude() -> float:
    """08c.8 — closures avoided per year by +0.5 point of staff attitude: closures_2025 x (1 - RR^0.5)."""
    return float(_closed_2025() * (1 - _attitude_rate_ratio() ** STEP))


def _closures_avoided_one_point() -> float:
    return float(_closed_2025() * (1 - _attitude_rate_ratio()))


def _closures_avoided_all_closures() -> float:
    return float(int(_bank().customers["account_closed"].notna().sum()) * (1 - _attitude_rate_ratio() ** STEP))


def _closures_avoided_knowledge() -> float:
    rr = float(_staff_model().loc["product_knowledge", "rate_ratio"])
    return float(_closed_2025() * (1 - rr ** STEP))


def _band_curves(item: str = "product_knowledge", bins: tuple = tuple(BANDS),
                 names: tuple = tuple(BAND_LABELS)) -> dict[str, pd.Series]:
    """08c.7 — a Kaplan-Meier curve of the survey answerers per band of ``item``."""
    from custlearn import churn

    r = _respondents()
    band = pd.cut(r[item], list(bins), labels=list(names)).astype(str) if bins else pd.Series("all", r.index)
    curves = {}
    for name in (names if bins else ["all answerers"]):
        part = r[band == name] if bins else r
        km = churn.kaplan_meier(part["duration_days"], part["churned"])
        curves[name] = pd.Series(km["survival"].to_numpy(float), index=pd.Index(km["time"].to_numpy(float)))
    return curves


EXERCISES = {
    "08c.1": Number(
        _closure_rate,
        question=N_("Of the bank accounts open on 31 Dec 2024, what share closed within 365 days? (a fraction)"),
        unit="fraction",
        mistakes=[
            Mistake(lambda: float(_labels(182)["churned"].mean()),
                    N_("You used a 182-day window (the default of contractual churn). The question asks for 365 days: "
                       "window_days=365.")),
            Mistake(_closed_by_end_of_all, N_("That is the share of all customers whose account closed by the end of "
                    "the data. Take the accounts open on 31 Dec 2024 and a 365-day window (label_churn).")),
            Mistake(lambda: float(_labels()["churned"].sum()),
                    N_("That is the number of closed accounts; the question asks for the share (the mean of 'churned').")),
        ],
        hint=N_("Take the accounts still open on 31 Dec 2024 and mark those closed within the next 365 days "
                "(churn.label_churn with kind='contractual', window_days=365 and as_of); the closure rate is the "
                "share marked."),
    ),
    "08c.2": Number(
        _attitude_logrank,
        question=N_("Log-rank chi-square comparing account survival (from opening) of survey answerers in three "
                    "staff-attitude bands: low (1-3), middle (4), high (5-7)."),
        mistakes=[
            Mistake(_knowledge_logrank, N_("You banded product_knowledge. The question is about staff_attitude.")),
            Mistake(_attitude_logrank_two_bands, N_("You used two bands. Use three: pd.cut(..., [0, 3, 4, 7]).")),
        ],
        hint=N_("Take each account's time from opening to closure or to the end of the data "
                "(churn.churn_durations with kind='contractual'), keep the survey answerers, cut their staff_attitude "
                "into the bands 1-3, 4 and 5-7 (pd.cut with the edges 0, 3, 4, 7), and compare the bands' survival "
                "with churn.logrank_test: its chi_square."),
    ),
    "08c.3": Table(
        _closure_by_outcome,
        question=N_("The closure rate in the 365 days after 31 Dec 2024, by outcome of the customer's first complaint "
                    "(with 'no complaint'). A Series indexed by outcome."),
        index_name=N_("complaint outcome"),
        mistakes=[
            Mistake(_closers_by_outcome, N_("Those are numbers of closed accounts; the question asks for rates "
                    "(the churn_rate column).")),
            Mistake(_closure_by_outcome_182, N_("You labelled closures with a 182-day window. Use the labels of 08c.1 "
                    "(365 days).")),
        ],
        hint=N_("Label the closures as in 08c.1 (cut-off 31 Dec 2024, 365 days), give each customer the outcome of "
                "the first complaint ('no complaint' for the others) and take the closure rate per outcome "
                "(service.churn_by_complaint_outcome)."),
    ),
    "08c.4": Choice(
        expected="b",
        question=N_("Counted from account opening, 11% of customers whose first complaint was resolved well closed "
                    "by the end, against 18% of customers who never complained. What do you conclude?"),
        options={
            "a": N_("Not so fast: complainers had to stay a customer long enough to complain, so their survival from "
                    "opening is flattered whatever happened to the complaint."),
            "b": N_("Right: the comparison is biased (complainers must stay long enough to complain). Compare the "
                    "outcomes with each other, or count closures per customer-year from the complaint on: then "
                    "'resolved well' is no better than 'no complaint'."),
            "c": N_("Sample size is not the issue: the bias comes from who can be in the group at all (survivorship)."),
            "d": N_("A good resolution does matter compared with a poor one; the problem is only the comparison with "
                    "customers who never complained."),
        },
    ),
    "08c.5": Number(
        _attitude_weight_on_closure,
        question=N_("Driver analysis of closing (closed = 1 if the account closed by the end) on staff_attitude, "
                    "product_knowledge and the five SERVQUAL perception scores: the standardised weight of "
                    "staff_attitude."),
        mistakes=[
            Mistake(_attitude_correlation_with_closure, N_("That is the correlation. The question asks for the "
                    "standardised weight (all drivers together).")),
            Mistake(_attitude_weight_on_satisfaction, N_("That is the weight in the driver analysis of overall "
                    "satisfaction. Use 'closed' as the target.")),
            Mistake(_attitude_weight_staff_items_only, N_("You left out the SERVQUAL dimensions. Use all seven drivers: "
                    "they share the credit.")),
        ],
        hint=N_("Score the five SERVQUAL perception dimensions of each answerer (satisfaction.servqual_scores), add "
                "staff_attitude, product_knowledge and a 0/1 column for an account closed by the end, and run the "
                "driver analysis of that column on the seven drivers (satisfaction.driver_analysis): read "
                "staff_attitude's standardised weight."),
    ),
    "08c.6": Number(
        _attitude_rate_ratio,
        unit="ratio",
        question=N_("With the closure-rate model (rate_model) on the survey answerers with staff_attitude, "
                    "product_knowledge and discount, what is the closure rate ratio per survey point of staff attitude?"),
        mistakes=[
            Mistake(_attitude_coefficient, N_("That is the coefficient b, a change in the log rate. The rate ratio "
                    "is exp(b): the 'rate_ratio' column.")),
            Mistake(lambda: 1 / _attitude_rate_ratio(), N_("That ratio is upside down: it is how much the closure rate "
                    "changes per point LESS of staff attitude. Give the rate ratio per point more: below 1 when "
                    "better attitude means fewer closures.")),
            Mistake(lambda: (1 - _attitude_rate_ratio()) * 100, N_("That is the reduction in percent (27.5 for 27.5% "
                    "fewer closures). Give the rate ratio itself, a multiplier such as 0.8.")),
            Mistake(_attitude_reduction, N_("That is 1 - rate ratio (the share of closures fewer). Give the ratio itself.")),
            Mistake(_attitude_rate_ratio_alone, N_("You fitted staff_attitude alone. Keep product_knowledge and discount "
                    "in the model, so attitude does not take their credit.")),
            Mistake(_attitude_rate_ratio_no_exposure, N_("You ignored how long each account was open. A closure rate "
                    "needs the exposure: years open (rate_model does it with duration_days).")),
        ],
        hint=N_("Fit the closure-rate model of the case to the survey answerers, with staff_attitude, "
                "product_knowledge and discount as the explanatory columns and the years each account was open as "
                "exposure (rate_model), and read staff_attitude's rate_ratio: how the closure rate is multiplied per "
                "survey point."),
    ),
    "08c.7": Chart(
        _band_curves,
        question=N_("Kaplan-Meier curves of the survey answerers by product-knowledge band (low 1-3, middle 4, "
                    "high 5-7), with a title and labelled axes."),
        kind="step",
        unit="share",
        x_unit="days",
        index_name=N_("day"),
        legend={"low (1-3)": r"\blow|低", "middle (4)": r"\bmid|中", "high (5-7)": r"\bhigh|高"},
        mistakes=[
            Mistake(lambda: _band_curves("staff_attitude"), N_("Your curves split the answerers by staff_attitude. "
                    "This chart is about product_knowledge.")),
            Mistake(lambda: _band_curves(bins=(0, 3, 7), names=("low (1-3)", "4-7")), N_("Your chart has two bands. "
                    "Use three: low (1-3), middle (4), high (5-7): pd.cut with the edges 0, 3, 4, 7.")),
            Mistake(lambda: _band_curves(bins=()), N_("Your chart has one curve for all answerers. Draw one per "
                    "product-knowledge band (kaplan_meier with groups=band).")),
        ],
        hint=N_("Cut the answerers' product_knowledge into the bands 1-3, 4 and 5-7 (pd.cut with the edges 0, 3, 4, "
                "7), fit one Kaplan-Meier curve per band on the time from opening (churn.kaplan_meier with "
                "groups=band) and draw them as steps with a legend (plots.survival_chart does it)."),
    ),
    "08c.8": Number(
        _closures_avoided_attitude,
        question=N_("If training raised the average staff-attitude score by 0.5 point, how many closures a year would "
                    "it avoid? Use the 2025 closures as the baseline and the rate ratio of 08c.6."),
        unit=N_("closures"),
        mistakes=[
            Mistake(_closures_avoided_one_point, N_("That is for a whole point. For half a point the rate is multiplied "
                    "by rate_ratio ** 0.5.")),
            Mistake(_closures_avoided_all_closures, N_("You used all closures of both years. The baseline for a year is "
                    "the closures of 2025.")),
            Mistake(_closures_avoided_knowledge, N_("You used the product-knowledge rate ratio. The question is about "
                    "staff attitude.")),
        ],
        hint=N_("Half a point multiplies the closure rate by the rate ratio of 08c.6 to the power 0.5; the closures "
                "avoided are the 2025 closures times one minus that multiplier."),
    ),
    "08c.9": Choice(
        expected="b",
        question=N_("Which practice should Harbor Bank change first?"),
        options={
            "a": N_("An unresolved complaint multiplies a customer's closure rate most, but few customers are in that "
                    "state: fixing half of them avoids only a handful of closures a year."),
            "b": N_("Yes: staff attitude reaches every customer, its effect is clearly away from zero, and half a point "
                    "avoids the most closures per year; complaint handling (on quality) and knowledge follow."),
            "c": N_("Product knowledge points the same way, but its effect is about half as large in these data and its "
                    "interval nearly reaches zero."),
            "d": N_("Observational data call for caution and a pilot, not for doing nothing: the effects are large and "
                    "consistent, and a pilot with a comparison group will measure them."),
        },
    ),
    "08c.10": Text(
        question=N_("Write the recommendation of your brief for the retail director: which practice first and why, "
                    "the expected effect with its uncertainty, two caveats, a next step and the expected return."),
        min_words=60,
        keywords=[N_("staff attitude"), N_("interval"), N_("complaint"), N_("survey"), N_("pilot"), N_("USD")],
    ),
}
