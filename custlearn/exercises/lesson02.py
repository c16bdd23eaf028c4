"""Exercises of lesson 02, *Relationship stages and the customer lifecycle*.

Expected answers are computed from the shipped data with the solution's
logic (``custlearn.lifecycle``); the likely mistakes are computed the same way.
"""

from __future__ import annotations

from functools import cache

import numpy as np
import pandas as pd

from custlearn._i18n import N_
from custlearn.exercises._charts import Chart
from custlearn.exercises._core import Choice, Mistake, Number, Table, Text

__all__ = ["EXERCISES"]

ACTIVE = ["first-time", "repeat", "advocate", "won back"]
MID_2025 = "2025-06-30"


@cache
def _shop():
    from custlearn import datasets

    return datasets.load("shop")


def _gaps() -> pd.Series:
    """Days between a customer's consecutive purchase days."""
    days = _shop().orders[["customer_id", "order_date"]].drop_duplicates().sort_values(["customer_id", "order_date"])
    return days.groupby("customer_id")["order_date"].diff().dt.days.dropna()


def _thresholds() -> dict:
    from custlearn import lifecycle

    return lifecycle.default_thresholds(_shop().orders, _shop().as_of)


@cache
def _stages(as_of=None, surveys: bool = True, at_risk=None, lost=None) -> pd.DataFrame:
    from custlearn import lifecycle

    shop = _shop()
    return lifecycle.assign_stages(shop.customers, shop.orders, as_of or shop.as_of,
                                   surveys=shop.surveys if surveys else None, at_risk_days=at_risk, lost_days=lost)


def _stage_share(stages: tuple[str, ...] = ("at risk",), buyers_only: bool = False, how: str = "mean") -> float:
    """02.2 — share of all customers (signed up by the end) who are at risk (and its mistakes)."""
    table = _stages()
    if buyers_only:
        table = table[table["purchases"] > 0]
    return float(table["stage"].isin(stages).agg(how))


def _counts(stages: pd.DataFrame) -> pd.Series:
    return stages["stage"].value_counts(sort=False)


def _mid_2025_counts() -> pd.Series:
    """02.3 — stage counts on 2025-06-30 with 90/180-day thresholds and the surveys."""
    return _counts(_stages(pd.Timestamp(MID_2025), True, 90, 180))


@cache
def _moves(normalize: bool = True, surveys: bool = True) -> pd.DataFrame:
    from custlearn import lifecycle

    shop = _shop()
    return lifecycle.transition_matrix(shop.customers, shop.orders, "2024-12-31", shop.as_of,
                                       surveys=shop.surveys if surveys else None, normalize=normalize)


def _repeat_to_lost() -> float:
    """02.4 — share of end-2024 repeat customers who are lost at the end of 2025."""
    return float(_moves().loc["repeat", "lost"])


def _lost_from_repeat() -> float:
    """Mistake for 02.4: reading the column (share of the lost who were repeat)."""
    counts = _moves(False).drop(columns="customers")
    return float(counts.loc["repeat", "lost"] / counts["lost"].sum())


def _end_counts(share: bool = False, surveys: bool = True) -> pd.Series:
    """02.5 — customers per stage on the last day of the data."""
    counts = _counts(_stages(None, surveys)).astype(float)
    return counts / counts.sum() if share else counts


def _by_outcome(how: str = "mean") -> pd.Series:
    """02.6 — share still buying at the end, by how the first complaint ended (and its mistakes)."""
    from custlearn import lifecycle

    shop = _shop()
    outcomes = lifecycle.complaint_outcomes(shop.tickets, as_of=shop.as_of).join(_stages()["stage"])
    still = outcomes["stage"].isin(ACTIVE).groupby(outcomes["outcome"], observed=True)
    return still.mean() if how == "mean" else still.sum().astype(float) if how == "sum" else 1 - still.mean()


EXERCISES = {
    "02.1": Number(
        lambda: _thresholds()["at_risk_days"],
        question=N_("After how many days without a purchase is a shop customer 'at risk' by the default rule?"),
        abs=1.0,  # quantile conventions (interpolation, whole days) differ by up to a day
        unit=N_("days"),
        mistakes=[
            Mistake(lambda: float(np.median(_gaps())), N_("That is the median gap (half of the gaps are shorter). "
                    "The rule uses the gap that 90% of repeat purchases beat: the 0.9 quantile.")),
            Mistake(lambda: float(_gaps().mean()), N_("That is the mean gap. The rule uses a quantile: the gap that "
                    "90% of repeat purchases beat.")),
            Mistake(lambda: _thresholds()["lost_days"], N_("That is the threshold for 'lost'. 'At risk' starts "
                    "earlier: the gap that 90% of repeat purchases beat.")),
        ],
        hint=N_("Take each customer's purchase days in order and the gaps between consecutive ones in days; the "
                "threshold is the gap that 90% of them are shorter than (the 0.9 quantile). "
                "lifecycle.default_thresholds computes it."),
    ),
    "02.2": Number(
        _stage_share,
        question=N_("What share of all the shop's customers are 'at risk' on the last day of the data? (a fraction)"),
        unit="fraction",
        mistakes=[
            Mistake(lambda: _stage_share(buyers_only=True), N_("You divided by the customers who bought. The question "
                    "asks for the share of all customers, prospects included.")),
            Mistake(lambda: _stage_share(how="sum"), N_("That is the number of customers; divide by the number of "
                    "customers to get the share.")),
            Mistake(lambda: _stage_share(("at risk", "lost")), N_("You counted the lost customers too. 'At risk' is "
                    "one stage: silent longer than usual, but not yet lost.")),
        ],
        hint=N_("Give every customer a stage on the last day of the data (lifecycle.assign_stages, with the surveys), "
                "then take the share of all customers whose stage is 'at risk'."),
    ),
    "02.3": Table(
        _mid_2025_counts,
        question=N_("Number of customers at each stage on 2025-06-30 (at risk after 90 days, lost after 180, surveys used)."),
        index_name=N_("stage"),
        mistakes=[
            Mistake(lambda: _counts(_stages(None, True, 90, 180)),
                    N_("Those are the counts on the last day of the data. The question asks for 30 June 2025: pass "
                       "as_of='2025-06-30'.")),
            Mistake(lambda: _counts(_stages(pd.Timestamp(MID_2025), False, 90, 180)),
                    N_("Without the surveys no promoter can be found, so advocates are counted as repeat customers. "
                       "Pass surveys=shop.surveys.")),
            Mistake(lambda: _counts(_stages(pd.Timestamp(MID_2025), True, None, None)),
                    N_("You used the default thresholds. The question fixes them: at_risk_days=90, lost_days=180.")),
        ],
        hint=N_("Give every customer a stage as of 30 June 2025 (lifecycle.assign_stages with at_risk_days=90, "
                "lost_days=180 and the surveys), then count the customers in each stage (value_counts)."),
    ),
    "02.4": Number(
        _repeat_to_lost,
        question=N_("Of the customers who were 'repeat' at the end of 2024, what share were 'lost' at the end of 2025? "
                    "(a fraction; default thresholds, surveys used)"),
        unit="fraction",
        mistakes=[
            Mistake(_lost_from_repeat, N_("You read the matrix down a column: that is the share of the lost who "
                    "had been repeat customers. Read along the row 'repeat' instead.")),
            Mistake(lambda: float(_moves(False).loc["repeat", "lost"]), N_("That is the number of customers who moved "
                    "from repeat to lost; divide by the number of repeat customers (normalize=True does it).")),
            Mistake(lambda: float(_moves(True, False).loc["repeat", "lost"]), N_("Without the surveys the advocates "
                    "count as repeat customers. Pass surveys=shop.surveys.")),
        ],
        hint=N_("Build the transition matrix from 31 Dec 2024 to the end of the data (lifecycle.transition_matrix, "
                "with the surveys) and read along the row of the 'repeat' customers, in the column 'lost'."),
    ),
    "02.5": Chart(
        _end_counts,
        question=N_("A bar chart of the number of customers at each stage on the last day of the data."),
        kind="bar",
        index_name=N_("stage"),
        mistakes=[
            Mistake(lambda: _end_counts(share=True), N_("Your bars show shares of the customers. The question asks "
                    "for the number of customers at each stage.")),
            Mistake(lambda: _end_counts(surveys=False), N_("Without the surveys no promoter can be found, so the "
                    "advocates are drawn as repeat customers. Pass surveys=shop.surveys to assign_stages.")),
            Mistake(lambda: _counts(_stages(pd.Timestamp(MID_2025), True, 90, 180)), N_("Those are the stages of "
                    "30 June 2025 (exercise 02.3). This chart is about the last day of the data.")),
        ],
        hint=N_("Give every customer a stage on the last day of the data (lifecycle.assign_stages with the "
                "surveys), count the customers per stage and draw one bar per stage (plots.lifecycle_funnel "
                "draws it, or .plot.bar on the counts)."),
    ),
    "02.6": Table(
        _by_outcome,
        question=N_("For each outcome of the first complaint, the share of customers still buying at the end "
                    "(first-time, repeat, advocate or won back)."),
        index_name=N_("complaint outcome"),
        mistakes=[
            Mistake(lambda: _by_outcome("sum"), N_("Those are numbers of customers; the question asks for "
                    "shares: take the mean of the True/False column per outcome.")),
            Mistake(lambda: _by_outcome("gone"), N_("Those are the shares NOT buying any more (at risk or lost). "
                    "The question asks for the share still buying.")),
        ],
        hint=N_("Take each customer's first complaint outcome (lifecycle.complaint_outcomes), join the stage on the "
                "last day, mark the stages first-time, repeat, advocate and won back as still buying, and average "
                "that True/False column per outcome."),
    ),
    "02.7": Choice(
        expected="b",
        question=N_("A customer bought twice, 200 days apart, the second time last week (at risk after 137 days, "
                    "lost after 295). Which stage?"),
        options={
            "a": N_("Repeat customers buy again within the usual gap; this customer was silent for 200 days first."),
            "b": N_("Yes: active again after a silence longer than the at-risk threshold — won back."),
            "c": N_("At risk looks at the silence *since the last purchase*, which is one week."),
            "d": N_("First-time means exactly one purchase; this customer has two."),
        },
    ),
    "02.8": Text(
        question=N_("What would you do for at-risk customers, and for lost ones? Why rank the at-risk list by spend?"),
        min_words=30,
        keywords=[N_("value"), N_("contact"), N_("cost")],
    ),
}
