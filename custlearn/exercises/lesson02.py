"""Exercises of lesson 02, *Relationship stages and the customer lifecycle*.

Expected answers are computed from the shipped data with the solution's
logic (``custlearn.lifecycle``); the likely mistakes are computed the same way.
"""

from __future__ import annotations

from functools import cache

import numpy as np
import pandas as pd

from custlearn.exercises._core import Chart, Choice, Mistake, Number, Table, Text

ACTIVE = ["first-time", "repeat", "advocate", "won back"]
MID_2025 = "2025-06-30"


@cache
def _shop():
    from custlearn import datasets

    return datasets.load("shop")


def _gaps() -> pd.Series:
    days = _shop().orders[["customer_id", "order_date"]].drop_duplicates().sort_values(["customer_id", "order_date"])
    return days.groupby("customer_id")["order_date"].diff().dt.days.dropna()


def at_risk_days() -> float:
    """02.1 — the default at-risk threshold: 90% of gaps are shorter."""
    from custlearn import lifecycle

    return lifecycle.default_thresholds(_shop().orders, _shop().as_of)["at_risk_days"]


@cache
def _stages(as_of=None, surveys: bool = True, at_risk=None, lost=None) -> pd.DataFrame:
    from custlearn import lifecycle

    shop = _shop()
    return lifecycle.assign_stages(shop.customers, shop.orders, as_of or shop.as_of,
                                   surveys=shop.surveys if surveys else None, at_risk_days=at_risk, lost_days=lost)


def at_risk_share() -> float:
    """02.2 — share of all customers (signed up by the end) who are at risk."""
    return float((_stages()["stage"] == "at risk").mean())


def at_risk_share_of_buyers() -> float:
    stages = _stages()
    return float((stages.loc[stages["purchases"] > 0, "stage"] == "at risk").mean())


def at_risk_count() -> int:
    return int((_stages()["stage"] == "at risk").sum())


def _counts(stages: pd.DataFrame) -> pd.Series:
    return stages["stage"].value_counts(sort=False)


def mid_2025_counts() -> pd.Series:
    """02.3 — stage counts on 2025-06-30 with 90/180-day thresholds and the surveys."""
    return _counts(_stages(pd.Timestamp(MID_2025), True, 90, 180))


@cache
def _moves(normalize: bool = True) -> pd.DataFrame:
    from custlearn import lifecycle

    shop = _shop()
    return lifecycle.transition_matrix(shop.customers, shop.orders, "2024-12-31", shop.as_of,
                                       surveys=shop.surveys, normalize=normalize)


def repeat_to_lost() -> float:
    """02.4 — share of end-2024 repeat customers who are lost at the end of 2025."""
    return float(_moves().loc["repeat", "lost"])


def lost_from_repeat() -> float:
    """Mistake for 02.4: reading the column (share of the lost who were repeat)."""
    counts = _moves(False).drop(columns="customers")
    return float(counts.loc["repeat", "lost"] / counts["lost"].sum())


def _repair(stages: pd.DataFrame) -> pd.Series:
    from custlearn import lifecycle

    shop = _shop()
    outcomes = lifecycle.complaint_outcomes(shop.tickets, as_of=shop.as_of).join(stages["stage"])
    return outcomes["stage"].isin(ACTIVE).groupby(outcomes["outcome"], observed=True).mean()


def still_buying_by_outcome() -> pd.Series:
    """02.6 — share still buying at the end, by how the first complaint ended."""
    return _repair(_stages())


def still_buying_counts_by_outcome() -> pd.Series:
    from custlearn import lifecycle

    shop = _shop()
    outcomes = lifecycle.complaint_outcomes(shop.tickets, as_of=shop.as_of).join(_stages()["stage"])
    return outcomes["stage"].isin(ACTIVE).groupby(outcomes["outcome"], observed=True).sum().astype(float)


EXERCISES = {
    "02.1": Number(
        at_risk_days,
        question="After how many days without a purchase is a shop customer 'at risk' by the default rule?",
        abs=1.0,
        unit="days",
        mistakes=[
            Mistake(lambda: float(np.median(_gaps())), "That is the median gap (half of the gaps are shorter). "
                    "The rule uses the gap that 90% of repeat purchases beat: the 0.9 quantile."),
            Mistake(lambda: float(_gaps().mean()), "That is the mean gap. The rule uses a quantile: the gap that "
                    "90% of repeat purchases beat."),
        ],
        hint="lifecycle.default_thresholds(shop.orders, shop.as_of) returns it; or take the 0.9 quantile of the gaps "
             "between consecutive purchase days.",
    ),
    "02.2": Number(
        at_risk_share,
        question="What share of all the shop's customers are 'at risk' on the last day of the data? (a fraction)",
        unit="fraction",
        mistakes=[
            Mistake(at_risk_share_of_buyers, "You divided by the customers who bought. The question asks for the "
                    "share of all customers, prospects included."),
            Mistake(at_risk_count, "That is the number of customers; divide by the number of customers to get the share."),
        ],
        hint="(stages['stage'] == 'at risk').mean() on the result of assign_stages at shop.as_of.",
    ),
    "02.3": Table(
        mid_2025_counts,
        question="Number of customers at each stage on 2025-06-30 (at risk after 90 days, lost after 180, surveys used).",
        index_name="stage",
        mistakes=[
            Mistake(lambda: _counts(_stages(None, True, 90, 180)),
                    "Those are the counts on the last day of the data. The question asks for 30 June 2025: pass "
                    "as_of='2025-06-30'."),
            Mistake(lambda: _counts(_stages(pd.Timestamp(MID_2025), False, 90, 180)),
                    "Without the surveys no promoter can be found, so advocates are counted as repeat customers. "
                    "Pass surveys=shop.surveys."),
            Mistake(lambda: _counts(_stages(pd.Timestamp(MID_2025), True, None, None)),
                    "You used the default thresholds. The question fixes them: at_risk_days=90, lost_days=180."),
        ],
        hint="lifecycle.assign_stages(..., '2025-06-30', surveys=..., at_risk_days=90, lost_days=180), then "
             "value_counts() of the stage column.",
    ),
    "02.4": Number(
        repeat_to_lost,
        question="Of the customers who were 'repeat' at the end of 2024, what share were 'lost' at the end of 2025? "
                 "(a fraction; default thresholds, surveys used)",
        unit="fraction",
        mistakes=[Mistake(lost_from_repeat, "You read the matrix down a column: that is the share of the lost who "
                          "had been repeat customers. Read along the row 'repeat' instead.")],
        hint="lifecycle.transition_matrix(customers, orders, '2024-12-31', shop.as_of, surveys=...) "
             "and read the row 'repeat', column 'lost'.",
    ),
    "02.5": Chart(
        question="A bar chart of the number of customers at each stage on the last day of the data.",
        kind="bar",
        min_marks=7,
        hint="plots.lifecycle_funnel(stages) draws one; or stages['stage'].value_counts().plot.bar(...).",
    ),
    "02.6": Table(
        still_buying_by_outcome,
        question="For each outcome of the first complaint, the share of customers still buying at the end "
                 "(first-time, repeat, advocate or won back).",
        index_name="complaint outcome",
        mistakes=[Mistake(still_buying_counts_by_outcome, "Those are numbers of customers; the question asks for "
                          "shares: take the mean of the True/False column per outcome.")],
        hint="lifecycle.complaint_outcomes(shop.tickets, as_of=shop.as_of), join the stages, then group by "
             "outcome and take the mean of stage.isin([...]).",
    ),
    "02.7": Choice(
        expected="b",
        question="A customer bought twice, 200 days apart, the second time last week (at risk after 137 days, "
                 "lost after 295). Which stage?",
        options={
            "a": "Repeat customers buy again within the usual gap; this customer was silent for 200 days first.",
            "b": "Yes: active again after a silence longer than the at-risk threshold — won back.",
            "c": "At risk looks at the silence *since the last purchase*, which is one week.",
            "d": "First-time means exactly one purchase; this customer has two.",
        },
    ),
    "02.8": Text(
        question="What would you do for at-risk customers, and for lost ones? Why rank the at-risk list by spend?",
        min_words=30,
        keywords=["value", "contact", "cost"],
    ),
}
