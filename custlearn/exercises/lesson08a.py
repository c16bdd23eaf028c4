"""Exercises of case 08a, *Where should next year's retention budget go?* (the shop).

Expected answers are computed from the shipped data with the solution's logic
(``custlearn.value``, ``custlearn.lifecycle``); the likely mistakes are
computed the same way. The written recommendation is graded with the rubric in
the solution notebook and the instructor notes.
"""

from __future__ import annotations

from functools import cache

import numpy as np
import pandas as pd

from custlearn._i18n import N_
from custlearn.exercises._charts import Chart
from custlearn.exercises._core import Choice, Mistake, Number, Table, Text

__all__ = ["EXERCISES"]

BUDGET = 20_000.0
CONTACT_COST = 5.0
SAVE_RATE = 0.20


@cache
def _shop():
    from custlearn import datasets

    return datasets.load("shop")


@cache
def _models():
    from custlearn import value

    shop = _shop()
    summary = value.clv_summary(shop.orders, shop.as_of, time_unit="weeks")
    bgnbd = value.BetaGeo().fit(summary)
    gamma_gamma = value.GammaGamma().fit(summary)
    return summary, bgnbd, gamma_gamma


def _revenue() -> pd.Series:
    return _shop().orders.groupby("customer_id")["amount"].sum()


def _margin_rate() -> float:
    """08a.1 — margin after returns and service costs, as a share of spend (acquisition cost not counted)."""
    from custlearn import value

    profit = value.customer_profit(_shop())
    return float((profit["profit"] + profit["acquisition_cost"]).sum() / _revenue().sum())


def _gross_margin_rate() -> float:
    return float(_shop().orders["margin"].sum() / _revenue().sum())


def _profit_rate() -> float:
    from custlearn import value

    return float(value.customer_profit(_shop())["profit"].sum() / _revenue().sum())


@cache
def _plan(save_rate: float = SAVE_RATE, rate: str = "margin") -> pd.DataFrame:
    from custlearn import value

    summary, bgnbd, gamma_gamma = _models()
    plan = pd.DataFrame({"p_alive": bgnbd.p_alive(summary)})
    plan["p_left"] = 1 - plan["p_alive"]
    clv12 = value.clv(bgnbd, gamma_gamma, summary, months=12, discount_rate=0.0)
    factor = _margin_rate() if rate == "margin" else 1.0
    plan["value_if_kept"] = clv12["clv"] / plan["p_alive"] * factor
    plan["expected_saved"] = save_rate * plan["p_left"] * plan["value_if_kept"]
    return plan


def _targets(save_rate: float = SAVE_RATE, rate: str = "margin") -> pd.DataFrame:
    ranked = _plan(save_rate, rate).sort_values("expected_saved", ascending=False)
    return ranked[ranked["expected_saved"] >= CONTACT_COST].head(int(BUDGET // CONTACT_COST))


def _expected_left() -> float:
    """08a.2 — expected number of buyers who have already left: the sum of 1 - P(alive)."""
    return float(_plan()["p_left"].sum())


def _share_left() -> float:
    return float(_plan()["p_left"].mean())


def _count_below_half() -> float:
    return float((_plan()["p_alive"] < 0.5).sum())


def _contacted() -> float:
    """08a.3 — customers the plan contacts (USD 5 a contact, 20% save rate, USD 20,000 budget)."""
    return float(len(_targets()))


def _expected_saved() -> float:
    """08a.4 — expected margin saved by the plan."""
    return float(_targets()["expected_saved"].sum())


def _stages() -> pd.Series:
    from custlearn import lifecycle

    shop = _shop()
    return lifecycle.assign_stages(shop.customers, shop.orders, shop.as_of, surveys=shop.surveys)["stage"]


def _plan_by_stage() -> pd.Series:
    """08a.5 — the plan's customers per lifecycle stage (stages with none left out)."""
    stage = _stages().reindex(_targets().index)
    return stage.value_counts(sort=False).loc[lambda s: s > 0].rename("customers")


def _buyers_by_stage() -> pd.Series:
    stage = _stages().reindex(_plan().index)
    return stage.value_counts(sort=False).loc[lambda s: s > 0].rename("customers")


def _plan_share_by_stage() -> pd.Series:
    counts = _plan_by_stage()
    return (counts / counts.sum()).rename("customers")


def _true_at_stake(with_margin: bool = True) -> pd.Series:
    from custlearn import datasets

    plan = _plan()
    truth = datasets.truth("shop").set_index("customer_id").reindex(plan.index)
    rate, drop = truth["purchase_rate"], truth["dropout_prob"]
    factor = _margin_rate() if with_margin else 1.0
    at_stake = (1 - np.exp(-rate * drop * 52)) / drop * truth["spend_mean"] * factor
    return pd.Series(np.where(truth["alive_at_end"], 0.0, at_stake), index=plan.index)


def _true_saved() -> float:
    """08a.7 — the margin the plan's contacts would really have saved (truth, same save rate)."""
    return float(SAVE_RATE * _true_at_stake().loc[_targets().index].sum())


def _true_saved_spend() -> float:
    return float(SAVE_RATE * _true_at_stake(False).loc[_targets().index].sum())


def _true_at_stake_no_save_rate() -> float:
    return float(_true_at_stake().loc[_targets().index].sum())


def _future_value_of_targets() -> float:
    from custlearn import datasets

    truth = datasets.truth("shop").set_index("customer_id")
    return float(SAVE_RATE * truth.loc[_targets().index, "future_value"].sum())


def _gains(save_rate: float = SAVE_RATE, rate: str = "margin", order: str = "best first",
           x: str = "money") -> pd.Series:
    """08a.6 — expected margin saved (running total) against the money spent on contacts, best customers first."""
    plan = _plan(save_rate, rate)
    if order == "best first":
        plan = plan.sort_values("expected_saved", ascending=False, kind="stable")
    saved = np.r_[0.0, plan["expected_saved"].cumsum().to_numpy()]
    contacts = np.arange(len(saved), dtype=float)
    return pd.Series(saved, index=pd.Index(contacts * CONTACT_COST if x == "money" else contacts, name=x))


EXERCISES = {
    "08a.1": Number(
        _margin_rate,
        question=N_("What share of spend is margin after returns and service costs (acquisition cost not counted)? "
                    "(a fraction)"),
        unit="fraction",
        mistakes=[
            Mistake(_gross_margin_rate, N_("That is the gross margin of the orders: returns and service tickets still "
                    "have to be paid from it. Use value.customer_profit and add back only the acquisition cost.")),
            Mistake(_profit_rate, N_("You also took off the acquisition cost. It was paid when the customer was won and "
                    "is not saved or lost by a retention contact: add it back.")),
        ],
        hint=N_("Add up the profit of all customers after returns and service costs but before the acquisition cost "
                "(value.customer_profit, then add the acquisition_cost back) and divide by the total amount of the "
                "orders."),
    ),
    "08a.2": Number(
        _expected_left,
        question=N_("How many of the shop's buyers does the BG/NBD model expect to have already left? "
                    "(the sum of 1 - P(alive); weeks as the time unit)"),
        unit=N_("customers"),
        mistakes=[
            Mistake(_share_left, N_("That is the share of buyers (the mean). The question asks for the expected number: "
                    "the sum of 1 - P(alive).")),
            Mistake(_count_below_half, N_("You counted the buyers with P(alive) below 50%. The expected number adds up "
                    "the probabilities: a customer with P(alive) 30% counts as 0.7.")),
        ],
        hint=N_("Fit BG/NBD to the weekly summary of the orders (value.clv_summary with time_unit='weeks', then "
                "value.BetaGeo().fit), compute each buyer's P(alive), and add up 1 - P(alive) over the buyers: the "
                "expected number who have left."),
    ),
    "08a.3": Number(
        _contacted,
        question=N_("With USD 5 per contact, a 20% save rate and a USD 20,000 budget, how many customers does the plan "
                    "contact? (contact only while the expected margin saved is at least the contact cost)"),
        unit=N_("customers"),
        mistakes=[
            Mistake(lambda: BUDGET / CONTACT_COST, N_("That spends the whole budget. The plan stops as soon as the next "
                    "contact would save less than the USD 5 it costs.")),
            Mistake(lambda: float(len(_targets(SAVE_RATE, "spend"))), N_("You valued customers by their spend. A contact "
                    "saves margin, not revenue: multiply the spend if kept by the margin rate of 08a.1.")),
            Mistake(lambda: float(len(_targets(1.0))), N_("You left out the save rate: a contact brings back only 20% "
                    "of the customers who have left.")),
        ],
        hint=N_("value if kept = clv (12 months, no discounting) / P(alive) x margin rate; expected saved = 0.2 x "
                "(1 - P(alive)) x value if kept; count the customers with expected saved >= 5 (at most 4,000)."),
    ),
    "08a.4": Number(
        _expected_saved,
        question=N_("What is the plan's expected margin saved in the next 12 months? (USD, before the cost of the "
                    "contacts)"),
        unit=N_("USD"),
        mistakes=[
            Mistake(lambda: _expected_saved() - _contacted() * CONTACT_COST, N_("That is net of the cost of the contacts. "
                    "The question asks for the margin saved before the cost.")),
            Mistake(lambda: _expected_saved() / SAVE_RATE, N_("You left out the save rate: only 20% of the customers "
                    "who have left come back after a contact.")),
        ],
        hint=N_("Add up the expected margin saved of the customers the plan contacts (those of 08a.3), before "
                "subtracting what the contacts cost."),
    ),
    "08a.5": Table(
        _plan_by_stage,
        question=N_("How many of the plan's customers are at each lifecycle stage on the last day of the data? "
                    "(default thresholds, surveys used; leave out stages with none)"),
        index_name=N_("stage"),
        mistakes=[
            Mistake(_buyers_by_stage, N_("Those are all buyers per stage. Keep only the customers in the plan.")),
            Mistake(_plan_share_by_stage, N_("Those are shares; the question asks for numbers of customers.")),
        ],
        hint=N_("Give every customer a stage on the last day (lifecycle.assign_stages with the surveys), keep the "
                "customers in the plan of 08a.3, count them per stage and leave out the stages with none."),
    ),
    "08a.6": Chart(
        _gains,
        question=N_("A line chart of the expected margin saved (y) against the money spent on contacts (x), best "
                    "customers first, with a title and labelled axes."),
        kind="curve",
        cover=lambda: float(len(_targets()) * CONTACT_COST),
        index_name=N_("USD spent"),
        mistakes=[
            Mistake(lambda: _gains(x="contacts"), N_("Your x axis counts contacts. The question asks for the money "
                    "spent: multiply the number of contacts by the USD 5 each costs.")),
            Mistake(lambda: _gains(rate="spend"), N_("Your curve adds up spend if kept. A contact saves margin: "
                    "multiply the value if kept by the margin rate of 08a.1.")),
            Mistake(lambda: _gains(order="as listed"), N_("Your customers are not sorted. Contact the best first: "
                    "sort by expected margin saved, largest first, before taking the running total.")),
            Mistake(lambda: _gains(save_rate=1.0), N_("You left out the save rate: a contact brings back only 20% of "
                    "the customers who have left.")),
        ],
        hint=N_("Sort the buyers by expected margin saved, largest first, take the running total of the expected "
                "margin saved (.cumsum()) and draw it against the money spent so far (USD 5 x the number of "
                "contacts), at least as far as the plan of 08a.3 goes."),
    ),
    "08a.7": Number(
        _true_saved,
        question=N_("Truth check: how much margin would the plan's contacts really have saved? (USD; 20% of the true "
                    "value at stake of the plan's customers, with the formula of the case)"),
        unit=N_("USD"),
        mistakes=[
            Mistake(_true_at_stake_no_save_rate, N_("That is the whole true value at stake. A contact brings back only "
                    "20% of the departed customers: multiply by the save rate.")),
            Mistake(_true_saved_spend, N_("That is spend, not margin: multiply by the margin rate of 08a.1.")),
            Mistake(_future_value_of_targets, N_("You used future_value: what the customers spent anyway, most of them "
                    "because they never left. The value a contact saves comes only from customers who had truly left.")),
        ],
        hint=N_("From the truth, the value at stake of a customer who had truly left (not alive_at_end) is the margin "
                "they would have spent over the next 52 weeks had they stayed: (1 - exp(-purchase_rate x "
                "dropout_prob x 52)) / dropout_prob x spend_mean x the margin rate; customers still alive have none. "
                "Add it up over the plan's customers and multiply by the 20% save rate."),
    ),
    "08a.8": Choice(
        expected="c",
        question=N_("The 'top spenders' plan picked customers who spent the most in the following year, yet it "
                    "would have saved much less than the plan. Why?"),
        options={
            "a": N_("The truth table is what really happened: they did spend the most. But spending is not what a "
                    "contact saves."),
            "b": N_("Every customer gets the same margin rate in this comparison; the difference lies elsewhere."),
            "c": N_("Yes: most top spenders were still active and bought anyway; a contact only saves customers who "
                    "had left."),
            "d": N_("The comparison uses the same save rate for every plan; the difference lies elsewhere."),
        },
    ),
    "08a.9": Choice(
        expected="c",
        question=N_("With the money for the plan's number of contacts, which list would really have saved the most "
                    "margin? a: the highest 1 - P(alive); b: the highest value if kept; c: the highest "
                    "(1 - P(alive)) x value if kept."),
        options={
            "a": N_("Risk alone finds customers who have left, but many of them were worth little: in truth this list "
                    "saves less than c."),
            "b": N_("Value alone picks valuable customers, most of whom were still active and needed no rescue: in "
                    "truth this list saves the least."),
            "c": N_("Yes: risk times value finds valuable customers who have probably left; in truth it saves the most."),
        },
    ),
    "08a.10": Text(
        question=N_("Write the recommendation of your one-page brief: whom to contact, with what, what it returns "
                    "(with its uncertainty and assumptions), and what to do with the rest of the budget."),
        min_words=60,
        keywords=[N_("save rate"), N_("contact")],
    ),
}
