"""Exercises of lesson 06, *Customer service management* (客户服务管理).

Expected answers are computed from the shipped data with the solution's
logic (``custlearn.service``, ``custlearn.churn`` for the churn labels); the
likely mistakes are computed the same way. Until issue 19's renumbering the
churn lesson's exercises were "06.N" (now "07.N"): ``check`` names the new id
when an answer to one of these does not fit (``custlearn.exercises``).
"""

from __future__ import annotations

from functools import cache

import numpy as np
import pandas as pd

from custlearn._i18n import N_
from custlearn.exercises._charts import Chart
from custlearn.exercises._core import Choice, Mistake, Number, Table, Text

__all__ = ["EXERCISES"]

CUTOFF = "2024-12-31"
STAGES = ["pre-sale", "in-sale", "after-sale"]


@cache
def _data(name: str = "shop"):
    from custlearn import datasets

    return datasets.load(name)


# 06.1 ---------------------------------------------------------------------


def _stage_share(stage: str = "after-sale", complaints_only: bool = False) -> float:
    """06.1 — share of the shop's tickets (or complaints) recorded at ``stage``."""
    tickets = _data().tickets
    if complaints_only:
        tickets = tickets[tickets["is_complaint"]]
    return float((tickets["stage"] == stage).mean())


def _after_sale_count() -> float:
    return float((_data().tickets["stage"] == "after-sale").sum())


# 06.2 ---------------------------------------------------------------------


def _in_time_by_stage(limits: dict | None = None) -> pd.Series:
    """06.2 — share of each stage's tickets resolved within the stage's time limit."""
    from custlearn import service

    return service.time_limit_attainment(_data().tickets, limits)["in_time_share"]


def _resolved_by_stage() -> pd.Series:
    return _data().tickets.groupby("stage", observed=True)["resolved"].mean().rename("in_time_share")


def _in_time_of_resolved() -> pd.Series:
    from custlearn import service

    table = service.time_limit_attainment(_data().tickets)
    resolved = _data().tickets.groupby("stage", observed=True)["resolved"].sum()
    return (table["in_time"] / resolved.reindex(table.index)).rename("in_time_share")


# 06.3 ---------------------------------------------------------------------


@cache
def _complaints(complaints_only: bool = True) -> pd.Series:
    from custlearn import service

    return service.complaint_metrics(_data().tickets, complaints_only=complaints_only).iloc[0]


def _recovery_rate() -> float:
    """06.3 — share of the shop's complaints resolved well (within 48 hours and rated 4 or 5)."""
    return float(_complaints()["recovery_rate"])


# 06.4 ---------------------------------------------------------------------


@cache
def _loop_by_owner() -> pd.DataFrame:
    from custlearn import service

    return service.closed_loop(_data().tickets, by="owner_team")


def _owner_bars(column: str = "closed_in_time") -> pd.Series:
    """06.4 — per owner team: the share of its tickets closed within the time limit (or another column)."""
    loop = _loop_by_owner()
    values = loop["closed_in_time"] * loop["tickets"] if column == "in_time_count" else loop[column]
    return pd.Series(values.to_numpy(float), index=pd.Index(loop.index.astype(str), name="owner_team"))


# 06.5 ---------------------------------------------------------------------


@cache
def _bank_labels(window: int = 365) -> pd.DataFrame:
    from custlearn import churn

    bank = _data("bank")
    return churn.label_churn(bank.customers, None, CUTOFF, kind="contractual", window_days=window, as_of=bank.as_of)


@cache
def _key_service(window: int = 365, top: float = 0.1, open_only: bool = True, managers: bool = True) -> pd.DataFrame:
    from custlearn import service

    bank = _data("bank")
    labels = _bank_labels(window)
    among = labels.index if open_only else bank.customers["customer_id"]
    key = service.key_accounts(bank.orders, CUTOFF, top=top, among=among)
    return service.key_account_service(key, labels, customers=bank.customers if managers else None)


def _key_closure(group: str = "key account, relationship manager", **kwargs) -> float:
    """06.5 — share of the key accounts with a relationship manager closed within a year of the cut-off."""
    return float(_key_service(**kwargs).loc[group, "churn_rate"])


# 06.6 / 06.7 -------------------------------------------------------------


@cache
def _offices() -> pd.DataFrame:
    from custlearn import service

    bank = _data("bank")
    return service.office_table(bank.customers, bank.staff, offices=bank.offices, surveys=bank.surveys)


@cache
def _chain(outcome: str = "closure_rate", driver: str = "employee_satisfaction"):
    from custlearn import service

    return service.service_profit_chain(_offices(), outcome=outcome, driver=driver)


def _slope(kind: str = "adjusted", **kwargs) -> float:
    """06.6 — the staff effect on the closure share per point of staff satisfaction, adjusted for the city centre."""
    return float(_chain(**kwargs).estimates.loc[kind, "estimate"])


def _planted() -> float:
    from custlearn import datasets

    return float(datasets.parameters("bank")["service_profit_chain"]["closure_per_point"])


def _times_planted(kind: str = "naive") -> float:
    """06.7 — the naive estimate divided by the planted staff effect."""
    return _slope(kind) / _planted()


# 06.9 ---------------------------------------------------------------------


def _detectable(units: int = 12, power: float = 0.8, confidence: float = 0.95) -> float:
    """06.9 — the smallest correlation 12 branches find 4 times in 5 (5% two-sided)."""
    from custlearn import service

    return float(service.detectable_correlation(units, power=power, confidence=confidence))


def _detectable_one_sided() -> float:
    from custlearn import service

    return float(service.detectable_correlation(12, confidence=0.90))


EXERCISES = {
    "06.1": Number(
        _stage_share,
        question=N_("What share of the shop's service tickets are after-sale (stage 'after-sale')? (a fraction)"),
        unit="fraction",
        mistakes=[
            Mistake(_after_sale_count, N_("That is the number of after-sale tickets; the question asks for their share "
                    "of all tickets (divide by the number of tickets, or take the mean of stage == 'after-sale').")),
            Mistake(lambda: 1 - _stage_share(), N_("That is the share of tickets before or during the sale. The question "
                    "asks for the after-sale share.")),
            Mistake(lambda: _stage_share(complaints_only=True), N_("You kept only the complaints. The question is about "
                    "all service tickets, product questions included.")),
        ],
        hint=N_("Classify every ticket by its stage (service.classify_services gives the timing, or read the stage "
                "column) and take the share of all tickets that are after-sale (service.service_mix(kinds, 'timing'))."),
    ),
    "06.2": Table(
        _in_time_by_stage,
        question=N_("The share of each stage's tickets resolved within the time limit of the stage (the shop's own "
                    "limits, in time_limit_hours). A Series indexed by stage."),
        index_name=N_("stage"),
        mistakes=[
            Mistake(_resolved_by_stage, N_("Those are the shares resolved at all. A ticket counts as in time only if it "
                    "was resolved within its stage's time limit (hours_to_resolve <= time_limit_hours).")),
            Mistake(_in_time_of_resolved, N_("You divided by the resolved tickets only. An unresolved ticket broke the "
                    "promise too: divide by all the stage's tickets.")),
            Mistake(lambda: _in_time_by_stage({s: 24 for s in STAGES}), N_("You judged every stage against 24 hours. Each "
                    "stage has its own limit (pre-sale 24, in-sale 8, after-sale 72 hours): use time_limit_hours.")),
        ],
        hint=N_("For each ticket, check whether it was resolved and within the time limit of its stage; then take the "
                "share of such tickets per stage, over all of the stage's tickets (service.time_limit_attainment, "
                "column in_time_share)."),
    ),
    "06.3": Number(
        _recovery_rate,
        question=N_("What share of the shop's complaints were resolved well: resolved within 48 hours and rated 4 or 5 "
                    "by the customer? (a fraction of all complaints)"),
        unit="fraction",
        mistakes=[
            Mistake(lambda: float(_complaints()["resolved_in_target"]), N_("That is the share resolved within 48 hours. "
                    "Resolved well also needs the customer's rating of 4 or 5.")),
            Mistake(lambda: float(_complaints()["recovery_rate"] / _complaints()["rated_share"]), N_("You divided by the "
                    "rated complaints only. The recovery rate is a share of all complaints: an unrated complaint "
                    "cannot count as recovered.")),
            Mistake(lambda: float(_complaints()["recovery_rate"] / _complaints()["resolved_share"]), N_("You divided by "
                    "the resolved complaints only. Divide by all complaints: an unresolved one was not recovered.")),
            Mistake(lambda: float(_complaints(False)["recovery_rate"]), N_("You included the product questions. The "
                    "question is about complaints only (is_complaint True).")),
        ],
        hint=N_("Keep the complaints, mark those resolved within 48 hours and rated 4 or 5 by the customer, and take "
                "their share of all complaints (service.complaint_metrics, column recovery_rate)."),
    ),
    "06.4": Chart(
        _owner_bars,
        question=N_("A bar chart of the share of each owner team's tickets closed within the time limit of their "
                    "stage, one bar per owner team, with a title and labelled axes."),
        kind="bar",
        index_name=N_("owner team"),
        unit="share",
        mistakes=[
            Mistake(lambda: _owner_bars("handled_share"), N_("Your bars show the share resolved at all (handled). The "
                    "question asks for the share closed within the time limit (closed_in_time).")),
            Mistake(lambda: _owner_bars("in_time_count"), N_("Your bars count the tickets closed in time. Draw their "
                    "share of the team's tickets, so that large and small teams can be compared.")),
            Mistake(lambda: _owner_bars("feedback_share"), N_("Your bars show the share that got feedback (a call or "
                    "a rating). The question asks for the share closed within the time limit.")),
        ],
        hint=N_("Group the tickets by owner team, take the share of each team's tickets resolved within the time limit "
                "of their stage (service.closed_loop with by='owner_team', column closed_in_time) and draw one bar per "
                "team."),
    ),
    "06.5": Number(
        _key_closure,
        question=N_("Harbor Bank names its key accounts on 31 Dec 2024: the top 10% by the margin brought so far, among "
                    "the accounts open that day. What share of the key accounts with a relationship manager closed "
                    "within the next 365 days? (a fraction)"),
        unit="fraction",
        mistakes=[
            Mistake(lambda: _key_closure("key account", managers=False), N_("That is the share of all key accounts. "
                    "Split them by whether they have a relationship manager (pass customers=bank.customers).")),
            Mistake(lambda: _key_closure("key account, standard service"), N_("That is the share of the key accounts "
                    "without a relationship manager (standard service). The question asks about those with one.")),
            Mistake(lambda: _key_closure(window=182), N_("You used a 182-day window. The question looks at the 365 days "
                    "after 31 Dec 2024.")),
            Mistake(lambda: _key_closure(open_only=False), N_("You ranked all customers, also accounts already closed. "
                    "Rank only the accounts open on 31 Dec 2024 (among=labels.index).")),
            Mistake(lambda: _key_closure("other accounts"), N_("That is the share of the other accounts (not key "
                    "accounts). The question asks about the key accounts with a relationship manager.")),
        ],
        hint=N_("Label the accounts open on 31 Dec 2024 as closed or not within 365 days (churn.label_churn, "
                "contractual), rank them by the margin brought so far and keep the top 10% (service.key_accounts with "
                "among=...), split them by relationship manager and take the closed share of those with one "
                "(service.key_account_service)."),
    ),
    "06.6": Number(
        _slope,
        question=N_("Over Harbor Bank's 36 offices: the change in the share of accounts closed per point of staff "
                    "satisfaction, adjusted for the city centre (a fraction per point, negative if closures fall)."),
        mistakes=[
            Mistake(lambda: _slope("naive"), N_("That is the naive slope (closures on staff satisfaction alone). Adjust "
                    "for the city centre: city-centre offices differ in more than their staff.")),
            Mistake(lambda: float(_chain().correlation.estimate), N_("That is the correlation, a number without units. "
                    "The question asks for the slope: the change in the closed share per point of satisfaction.")),
            Mistake(lambda: 100 * _slope(), N_("That is the slope in percentage points. Give it as a fraction "
                    "(-0.04 for 4 points fewer).")),
            Mistake(lambda: _slope(outcome="staff_attitude"), N_("That is the slope of the customers' rating of the "
                    "staff. The question's outcome is the share of accounts closed (closure_rate).")),
        ],
        hint=N_("Give every office its staff's mean satisfaction, its closed share and whether it is in the city "
                "centre (service.office_table with offices=...), then fit closures on satisfaction and the city centre "
                "together and read the slope of satisfaction (service.service_profit_chain, the adjusted row)."),
    ),
    "06.7": Number(
        _times_planted,
        question=N_("The planted staff effect is datasets.parameters('bank')['service_profit_chain']['closure_per_point']. "
                    "How many times the planted effect is the naive estimate?"),
        unit="ratio",
        mistakes=[
            Mistake(lambda: _times_planted("adjusted"), N_("That is the adjusted estimate over the planted effect. The "
                    "question asks about the naive estimate.")),
            Mistake(lambda: _slope("naive") / _slope("adjusted"), N_("You divided the naive estimate by the adjusted one. "
                    "Divide it by the planted effect, the truth.")),
        ],
        hint=N_("Take the naive slope of closures on staff satisfaction over the offices (service.service_profit_chain) "
                "and divide it by the planted effect; the chain's against(planted) gives it as times_planted."),
    ),
    "06.8": Choice(
        expected="c",
        question=N_("Key accounts with a relationship manager closed 14% in 2025, key accounts on standard service 43%. "
                    "What do you conclude?"),
        options={
            "a": N_("Not from these data: the bank chose who got a manager. If it chose the accounts it expected to stay, "
                    "the gap shows that choice, not the managers' work."),
            "b": N_("The gap is no accident: the two intervals (about 8-24% and 29-58%) do not overlap. The question is "
                    "what causes it."),
            "c": N_("Right: the data show that key accounts with a manager stayed, not why. Managers were not given at "
                    "random; giving them to a random half of the standard-service key accounts and comparing the halves "
                    "a year later would tell."),
            "d": N_("Key accounts bring almost half of the margin; the riskiest are those without a manager, exactly the "
                    "ones to test a manager on."),
        },
    ),
    "06.9": Number(
        _detectable,
        question=N_("Harbor Bank has 12 branches. What is the smallest correlation a test over the 12 branches finds 4 "
                    "times in 5 (80% power, 5% two-sided)?"),
        mistakes=[
            Mistake(lambda: _detectable(36), N_("That is for the 36 offices. The question asks about the 12 branches.")),
            Mistake(lambda: _detectable(12, power=0.9), N_("You used 90% power. Four times in five is 80% power.")),
            Mistake(_detectable_one_sided, N_("You used a 10% level (or a one-sided 5% test). The question asks for a "
                    "5% two-sided test: confidence=0.95.")),
        ],
        hint=N_("The smallest correlation found 4 times in 5 on n units is tanh((z for 5% two-sided + z for 80% power) / "
                "sqrt(n - 3)) by Fisher's z (service.detectable_correlation with units=12)."),
    ),
    "06.10": Text(
        question=N_("Write a short brief for the shop's service director and the bank's retail director: which loop to "
                    "fix first and how, what to promise per stage, what to do about complaints and key accounts, and "
                    "what the office comparison can and cannot say."),
        min_words=60,
        keywords=[N_("time limit"), N_("owner"), N_("complaint"), N_("key account"), N_("interval")],
    ),
}
