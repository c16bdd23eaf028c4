"""Exercises of lesson 08b, *Case: did the points membership make guests loyal?*

Expected answers are computed from the shipped cafe data with the solution's
logic (``custlearn.cases``); the likely mistakes are computed the same way.
"""

from __future__ import annotations

from functools import cache

import numpy as np
import pandas as pd

from custlearn._i18n import N_
from custlearn.exercises._charts import Chart
from custlearn.exercises._core import Choice, Mistake, Number, Text

__all__ = ["EXERCISES"]

SEED = 7


@cache
def _cafe():
    from custlearn import datasets

    return datasets.load("cafe")


@cache
def _rates() -> pd.DataFrame:
    from custlearn import cases

    cafe = _cafe()
    return cases.visit_rates(cafe.customers, cafe.orders, as_of=cafe.as_of)


@cache
def _did(post_weeks: int = 13, tolerance: int = 1, cohort_weeks: int = 4) -> pd.DataFrame:
    from custlearn import cases

    cafe = _cafe()
    return cases.membership_did(cafe.customers, cafe.orders, post_weeks=post_weeks, tolerance=tolerance,
                                cohort_weeks=cohort_weeks, as_of=cafe.as_of)


@cache
def _estimates(post_weeks: int = 13, tolerance: int = 1, confidence: float = 0.95) -> pd.DataFrame:
    from custlearn import cases

    return cases.effect_estimates(_rates(), _did(post_weeks, tolerance), n_boot=1000, seed=SEED,
                                  confidence=confidence)


def _effects(confidence: float = 0.95, post_weeks: int = 13) -> dict:
    """08b.6 — the three estimates, their interval ends (bootstrap: another seed moves them a little), the truth."""
    from custlearn import datasets

    rows = _estimates(post_weeks, confidence=confidence).loc[["naive", "matched", "difference-in-differences"]]
    # The names are shown in feedback (translated); only the 95% intervals are asked for.
    intervals = N_("95% intervals") if confidence == 0.95 else f"{confidence:.0%} intervals"
    return {N_("three estimates"): rows["effect"].to_numpy(),
            intervals: (np.r_[rows["lower"], rows["upper"]], 0.015),
            N_("true effect"): [datasets.parameters("cafe")["membership"]["true_effect"]]}


def _naive_effect() -> float:
    """08b.1 — mean visits per week of members / of non-members, counted from each guest's first visit."""
    r = _rates()
    return float(r.loc[r["member"], "visits_per_week"].mean() / r.loc[~r["member"], "visits_per_week"].mean())


def _naive_difference() -> float:
    r = _rates()
    return float(r.loc[r["member"], "visits_per_week"].mean() - r.loc[~r["member"], "visits_per_week"].mean())


def _naive_since_signup() -> float:
    """Mistake for 08b.1: visits per week since sign-up, all customers (prospects included)."""
    cafe = _cafe()
    c = cafe.customers.set_index("customer_id")
    visits = cafe.orders.groupby("customer_id").size().reindex(c.index, fill_value=0)
    rate = visits / (((cafe.as_of - c["signup_date"]).dt.days + 1) / 7)
    return float(rate[c["is_member"]].mean() / rate[~c["is_member"]].mean())


def _naive_median() -> float:
    r = _rates()
    return float(r.loc[r["member"], "visits_per_week"].median() / r.loc[~r["member"], "visits_per_week"].median())


def _did_effect() -> float:
    """08b.4 — the difference-in-differences effect (13-week window, tolerance 1, cohort 4 weeks)."""
    d = _did()
    return float((d["post_visits"].sum() / d["control_post_visits"].sum())
                 / (d["pre_visits"].sum() / d["control_pre_visits"].sum()))


def _matched_after_only() -> float:
    d = _did()
    return float(d["post_visits"].sum() / d["control_post_visits"].sum())


def _members_before_after() -> float:
    """Mistake for 08b.3: the members' own before/after change, no comparison group."""
    d = _did()
    return float((d["post_visits"].sum() / (13 * len(d))) / (d["pre_visits"].sum() / d["pre_weeks"].sum()))


def _did_lower() -> float:
    """08b.5 — lower end of the 95% bootstrap interval of the difference-in-differences (seed 7, 1,000 samples)."""
    return float(_estimates().loc["difference-in-differences", "lower"])


def _economics() -> tuple[float, float, float]:
    cafe = _cafe()
    visits = cafe.orders.merge(cafe.customers[["customer_id", "member_since"]], on="customer_id")
    after = visits[visits["member_since"].notna() & (visits["order_date"] >= visits["member_since"])]
    weeks = ((cafe.as_of - cafe.customers["member_since"].dropna()).dt.days + 1).sum() / 7
    return len(after) / weeks * 52, float(after["margin"].mean()), float((after["discount"] == 3.0).mean() * 3.0)


def _net(effect: float, with_points: bool = True) -> float:
    per_year, margin, points = _economics()
    base = per_year / effect
    return (per_year - base) * margin - (base * points if with_points else 0.0)


def _net_return() -> float:
    """08b.7 — net USD per member per year at the difference-in-differences effect."""
    return _net(_did_effect())


EXERCISES = {
    "08b.1": Number(
        _naive_effect,
        question=N_("Members' mean visits per week divided by non-members' (each guest counted from the first visit "
                    "to cafe.as_of). Give the ratio (e.g. 1.25 for 25% more)."),
        unit="ratio",
        mistakes=[
            Mistake(_naive_difference, N_("That is the difference in visits per week. The effect is a multiplier: "
                    "divide the members' mean by the non-members' mean.")),
            Mistake(_naive_since_signup, N_("You counted from sign-up over all customers, so guests who never came "
                    "(prospects) pull the non-members down. Count each guest from the first visit: "
                    "cases.visit_rates(...).")),
            Mistake(_naive_median, N_("That is the ratio of medians; the question asks for the ratio of means.")),
            Mistake(lambda: 1 / _naive_effect(), N_("You divided the non-members' mean by the members': the ratio is "
                    "upside down. Put the members on top: members' mean / non-members' mean.")),
            Mistake(lambda: (_naive_effect() - 1) * 100, N_("That is the percentage difference, (ratio - 1) x 100. "
                    "Give the ratio itself: 1.25 for members coming 25% more often.")),
            Mistake(lambda: _naive_effect() * 100, N_("Give the ratio itself (e.g. 1.25 for 25% more), not a percentage.")),
        ],
        hint=N_("Count each guest's visits per week from the first visit to the end of the data "
                "(cases.visit_rates), average it over the members and over the non-members, and divide the members' "
                "average by the non-members'."),
    ),
    "08b.2": Choice(
        expected="c",
        question=N_("Why is the naive gap not the effect of the membership?"),
        options={
            "a": N_("The gap is large and its interval excludes 1, so it is not noise; noise is not the problem."),
            "b": N_("Points discounts lower the amount per visit, but the question is about visits per week."),
            "c": N_("Yes: guests choose to join, and frequent guests join far more often, so members came more "
                    "often before they joined (self-selection)."),
            "d": N_("Members and non-members are counted over the same weeks since their first visit; time is not "
                    "the problem."),
        },
    ),
    "08b.3": Choice(
        expected="b",
        question=N_("A member joined in week 20. Which non-members make a fair comparison group?"),
        options={
            "a": N_("All non-members mixes regulars with guests who came once: the members were the regulars, so "
                    "the gap would again show who joins."),
            "b": N_("Yes: guests who first came in about the same weeks, visited about as often before week 20 and "
                    "were still coming from week 20 on look like the member did before joining."),
            "c": N_("Visits after week 20 are the outcome; matching on them would match away the very effect you "
                    "want to measure."),
            "d": N_("Matching on age and city ignores what matters most here: how often the guest came before."),
        },
    ),
    "08b.4": Number(
        _did_effect,
        question=N_("The difference-in-differences effect with cases.membership_did(post_weeks=13, tolerance=1, "
                    "cohort_weeks=4): matched ratio after joining divided by matched ratio before. Give the ratio."),
        unit="ratio",
        mistakes=[
            Mistake(_matched_after_only, N_("That is the matched ratio after joining only. Divide it by the ratio "
                    "before joining (members' pre_visits over the comparison guests' control_pre_visits).")),
            Mistake(_members_before_after, N_("That is the members' own before/after change without a comparison "
                    "group: it mixes the membership with what changed for everybody (guests drifting away).")),
            Mistake(lambda: _matched_after_only() - _did()["pre_visits"].sum() / _did()["control_pre_visits"].sum(),
                    N_("You subtracted the before ratio from the after ratio. Difference-in-differences on a ratio "
                       "scale divides them: after / before.")),
        ],
        hint=N_("Match each member with comparison guests (cases.membership_did with post_weeks=13, tolerance=1, "
                "cohort_weeks=4); the matched ratio after joining is the members' visits over the comparison guests' "
                "visits in the same weeks; divide it by the same ratio before joining."),
    ),
    "08b.5": Number(
        _did_lower,
        question=N_("The lower end of the 95% bootstrap interval of the difference-in-differences effect "
                    "(cases.effect_estimates with n_boot=1000, seed=7)."),
        unit="ratio",
        mistakes=[
            Mistake(lambda: float(_estimates().loc["difference-in-differences", "upper"]),
                    N_("That is the upper end of the interval; the question asks for the lower one.")),
            Mistake(lambda: float(_estimates(confidence=0.90).loc["difference-in-differences", "lower"]),
                    N_("That is the lower end of the 90% interval. The question asks for 95% (confidence=0.95, "
                       "the default).")),
            Mistake(lambda: float(_estimates().loc["matched", "lower"]),
                    N_("That is the lower end for the matched ratio after joining; take the row "
                       "'difference-in-differences'.")),
        ],
        hint=N_("Bootstrap the three estimates 1,000 times with the seed 7 (cases.effect_estimates with the rates "
                "of 08b.1 and the matched table of 08b.4) and read the lower end of the difference-in-differences "
                "row."),
    ),
    "08b.6": Chart(
        _effects,
        question=N_("A chart of the naive, matched and difference-in-differences effects with their intervals, and "
                    "the true effect as a line."),
        kind="values",
        unit="ratio",
        mistakes=[
            Mistake(lambda: _effects(0.90), N_("Your intervals are 90% intervals. Draw the 95% intervals of "
                    "cases.effect_estimates (confidence=0.95, the default).")),
            Mistake(lambda: _effects(post_weeks=26), N_("Your matched and difference-in-differences estimates use a "
                    "26-week window. This chart uses the estimates of 08b.4 and 08b.5 (post_weeks=13).")),
        ],
        hint=N_("Draw the three estimates of 08b.5 as points with their 95% intervals as error bars "
                "(ax.errorbar with xerr from the lower and upper ends) and the true effect as a line "
                "(ax.axvline), all as ratios or all as percentage changes."),
    ),
    "08b.7": Number(
        _net_return,
        question=N_("Net return of the membership per member per year, in USD, at the difference-in-differences "
                    "effect: (visits - visits/effect) x margin per member visit - visits/effect x points cost per "
                    "member visit."),
        unit=N_("USD"),
        mistakes=[
            Mistake(lambda: _net(_did_effect(), with_points=False),
                    N_("You left out the points: they cost money on every member visit, also the visits the "
                       "member would have made anyway.")),
            Mistake(lambda: _net(_naive_effect()),
                    N_("You used the naive effect. Budget on the better (difference-in-differences) estimate.")),
        ],
        hint=N_("Member visits per year = the members' visits after joining divided by their weeks of membership, "
                "times 52; the visits the membership added are those minus what they would have been without it "
                "(divided by the effect); multiply them by the mean margin of a member visit, and subtract the points "
                "cost (share of member visits with a USD 3 discount x 3) of the visits they would have made anyway."),
    ),
    "08b.8": Choice(
        expected="a",
        question=N_("Of the decks' restaurant practices, which can these data test?"),
        options={
            "a": N_("Yes: only the points membership left a trace (join dates and visits); calls, customised "
                    "service and training are not recorded."),
            "b": N_("Follow-up calls are not recorded anywhere in the cafe data."),
            "c": N_("Nothing in the data says which guests got customised service."),
            "d": N_("The surveys measure perceived service, not whether staff were trained."),
        },
    ),
    "08b.9": Text(
        question=N_("Re-run the estimate with an after-window and a tolerance of your choice. Which did you choose, "
                    "why, and does the conclusion change?"),
        min_words=30,
        keywords=[N_("tolerance"), N_("window"), N_("members")],
    ),
    "08b.10": Text(
        question=N_("Write the recommendation of your brief for the owner: the result with its uncertainty, a "
                    "caveat, what to do and the expected return."),
        min_words=60,
        keywords=[N_("self-selection"), N_("interval"), N_("experiment"), N_("USD")],
    ),
}
