"""Exercises of lesson 04, *Loyalty: levels and metrics*.

Expected answers are computed from the shipped data with the solution's
logic (``custlearn.loyalty``); the likely mistakes are computed the same way.
"""

from __future__ import annotations

from functools import cache

import pandas as pd

from custlearn.exercises._core import Chart, Choice, Mistake, Number, Table, Text

LAST_QUARTER = "2025Q4"
COHORT = "2024Q1"


@cache
def _shop():
    from custlearn import datasets

    return datasets.load("shop")


def _loyalty():
    from custlearn import loyalty

    return loyalty


# ---------------------------------------------------------------- 04.1 repeat purchase rate


def repeat_rate_180() -> float:
    """04.1 — share of buyers with a second purchase within 180 days of the first."""
    shop = _shop()
    return _loyalty().repeat_purchase_rate(shop.orders, within_days=180, as_of=shop.as_of)


def repeat_rate_ever() -> float:
    return _loyalty().repeat_purchase_rate(_shop().orders)


def repeaters_180() -> int:
    """Mistake for 04.1: the number of customers, not the share."""
    shop = _shop()
    orders = shop.orders
    first = orders.groupby("customer_id")["order_date"].transform("min")
    eligible = orders[first + pd.Timedelta(days=180) <= shop.as_of]
    first = first[eligible.index]
    in_window = eligible[eligible["order_date"] <= first + pd.Timedelta(days=180)]
    return int((in_window.groupby("customer_id")["order_id"].nunique() >= 2).sum())


# ---------------------------------------------------------------- 04.2 monthly churn


@cache
def _monthly() -> pd.DataFrame:
    shop = _shop()
    table = _loyalty().churn_rate(shop.orders, "M", as_of=shop.as_of)
    table = table.join(_loyalty().retention_rate(shop.orders, "M", as_of=shop.as_of)["retention_rate"])
    return table[table.index.year == shop.as_of.year]


def churn_2025() -> pd.Series:
    """04.2 — monthly churn rate in 2025 (share of last month's active customers who did not buy)."""
    return _monthly()["churn_rate"]


# ---------------------------------------------------------------- 04.3 NPS


def _scores() -> pd.Series:
    return _shop().surveys["likely_to_recommend"]


def nps_all() -> float:
    """04.3 — NPS of all survey answers, in points."""
    return _loyalty().nps(_scores())


def nps_as_fraction() -> float:
    return nps_all() / 100


def nps_passives_as_promoters() -> float:
    s = _scores()
    return 100 * ((s >= 7).mean() - (s <= 6).mean())


def nps_detractors_0_to_5() -> float:
    s = _scores()
    return 100 * ((s >= 9).mean() - (s <= 5).mean())


# ---------------------------------------------------------------- 04.4 NPS interval


def _last_quarter_scores() -> pd.Series:
    surveys = _shop().surveys
    return surveys.loc[surveys["survey_date"].dt.to_period("Q") == pd.Period(LAST_QUARTER, "Q"),
                       "likely_to_recommend"]


def half_width_last_quarter() -> float:
    """04.4 — half-width of the 95% interval of the NPS of 2025 Q4 answers, in points."""
    ci = _loyalty().nps_interval(_last_quarter_scores())
    return (ci.upper - ci.lower) / 2


def se_last_quarter() -> float:
    return _loyalty().nps_interval(_last_quarter_scores()).standard_error


def half_width_all() -> float:
    ci = _loyalty().nps_interval(_scores())
    return (ci.upper - ci.lower) / 2


# ---------------------------------------------------------------- 04.5 Dick & Basu


@cache
def _groups(attitude_threshold: float = 5.0) -> pd.DataFrame:
    shop = _shop()
    return _loyalty().loyalty_matrix(shop.surveys, shop.orders, attitude_threshold=attitude_threshold)


def matrix_counts() -> pd.DataFrame:
    """04.5 — customers per attitude x repeat-patronage cell (default thresholds)."""
    return _loyalty().loyalty_matrix_counts(_groups())


def matrix_shares() -> pd.DataFrame:
    return _loyalty().loyalty_matrix_counts(_groups(), share=True)


def matrix_counts_threshold_4() -> pd.DataFrame:
    return _loyalty().loyalty_matrix_counts(_groups(4.0))


# ---------------------------------------------------------------- 04.7 discount cohort


def _cohort_cell(who: pd.Series | None, period: str = "Q", age: int = 4) -> float:
    shop = _shop()
    customers = shop.customers if who is None else shop.customers[who]
    matrix = _loyalty().cohort_retention(customers, shop.orders, period, as_of=shop.as_of)
    start = pd.Period(COHORT, "Q").asfreq(period, how="start")
    return float(matrix.loc[start, age])


def discount_cohort_year_later() -> float:
    """04.7 — discount-acquired customers of the 2024Q1 cohort buying 4 quarters later."""
    return _cohort_cell(_shop().customers["acquired_with_discount"])


def no_discount_cohort_year_later() -> float:
    return _cohort_cell(~_shop().customers["acquired_with_discount"])


def all_cohort_year_later() -> float:
    return _cohort_cell(None)


def discount_cohort_three_quarters() -> float:
    return _cohort_cell(_shop().customers["acquired_with_discount"], age=3)


EXERCISES = {
    "04.1": Number(
        repeat_rate_180,
        question="What share of buyers made a second purchase within 180 days of their first one "
                 "(customers who joined at least 180 days before the end of the data)? (a fraction)",
        unit="fraction",
        mistakes=[
            Mistake(repeat_rate_ever, "That is the repeat rate over the whole data, with no window: it flatters "
                    "customers who joined early. Pass within_days=180 and as_of=shop.as_of."),
            Mistake(repeaters_180, "That is the number of repeat buyers; divide by the number of eligible buyers "
                    "to get the share."),
        ],
        hint="loyalty.repeat_purchase_rate(shop.orders, within_days=180, as_of=shop.as_of).",
    ),
    "04.2": Table(
        churn_2025,
        question="The monthly churn rate for each month of 2025: of the customers active in the previous month, "
                 "the share who did not buy this month. A Series indexed by month.",
        index_name="month",
        mistakes=[
            Mistake(lambda: _monthly()["retention_rate"], "Those are the retention rates; churn is "
                    "1 - retention (the share who did NOT buy again)."),
            Mistake(lambda: _monthly()["churned"].astype(float), "Those are numbers of customers; the question "
                    "asks for the churn rate, a share."),
        ],
        hint="loyalty.churn_rate(shop.orders, 'M', as_of=shop.as_of), keep the rows of 2025 "
             "(table[table.index.year == 2025]) and the column churn_rate.",
    ),
    "04.3": Number(
        nps_all,
        question="The Net Promoter Score of all the shop's survey answers, in points (-100 to 100).",
        abs=0.05,
        unit="points",
        mistakes=[
            Mistake(nps_as_fraction, "That is the NPS as a fraction. NPS is written in points: "
                    "100 × (share of promoters − share of detractors)."),
            Mistake(nps_passives_as_promoters, "You counted passives (7-8) with the promoters. Promoters answer "
                    "9 or 10 only; passives count only in the denominator."),
            Mistake(nps_detractors_0_to_5, "You counted detractors as 0-5. Detractors answer 0 to 6 "
                    "(Reichheld 2003): a 6 detracts."),
        ],
        hint="loyalty.nps(shop.surveys['likely_to_recommend']).",
    ),
    "04.4": Number(
        half_width_last_quarter,
        question="How many points either side of the NPS does the 95% interval reach, for the answers of the "
                 "last quarter of 2025 only? (half the width of the interval)",
        abs=0.05,
        unit="points",
        mistakes=[
            Mistake(se_last_quarter, "That is the standard error. The 95% interval reaches about 1.96 standard "
                    "errors either side: (upper - lower) / 2."),
            Mistake(half_width_all, "That is the interval of all answers. Keep only the answers with survey_date "
                    "in 2025 Q4: fewer answers, a wider interval."),
        ],
        hint="Filter surveys on survey_date.dt.to_period('Q') == '2025Q4', then ci = loyalty.nps_interval(...) "
             "and (ci.upper - ci.lower) / 2.",
    ),
    "04.5": Table(
        matrix_counts,
        question="The Dick & Basu 2x2 table: number of surveyed customers per attitude (rows high/low) x repeat "
                 "patronage (columns high/low) cell, with the default thresholds (attitude 5+, 2+ orders).",
        index_name="attitude level",
        mistakes=[
            Mistake(matrix_shares, "Those are shares of customers; the question asks for numbers of customers."),
            Mistake(matrix_counts_threshold_4, "You used a lower attitude threshold. The default is 5 on the 1-7 "
                    "scale ('somewhat agree')."),
        ],
        hint="groups = loyalty.loyalty_matrix(shop.surveys, shop.orders); loyalty.loyalty_matrix_counts(groups).",
    ),
    "04.6": Chart(
        question="A line chart of the share of customers buying in each month after their first purchase, one line "
                 "for discount-acquired customers and one for the others.",
        kind="line",
        min_marks=2,
        hint="Compute one curve per group (loyalty.cohort_retention on each group of customers) and draw both "
             "on the same Axes with ax.plot(...).",
    ),
    "04.7": Number(
        discount_cohort_year_later,
        question="Of the customers acquired with a discount whose first purchase was in 2024 Q1, what share "
                 "bought in the same quarter one year later (4 quarters after the first)? (a fraction)",
        unit="fraction",
        mistakes=[
            Mistake(no_discount_cohort_year_later, "That is the share for customers acquired WITHOUT a discount. "
                    "Select customers[customers['acquired_with_discount']]."),
            Mistake(all_cohort_year_later, "That is the share for all customers of the cohort; keep only the "
                    "discount-acquired ones."),
            Mistake(discount_cohort_three_quarters, "That is 3 quarters after the first purchase: column 0 is "
                    "the quarter of the first purchase, so a year later is column 4."),
        ],
        hint="loyalty.cohort_retention(customers[customers['acquired_with_discount']], shop.orders, 'Q'), "
             "row '2024Q1', column 4.",
    ),
    "04.8": Choice(
        expected="b",
        question="The NPS went from -16 to -13 between two quarters, with about 250 answers each. What do you tell "
                 "the board?",
        options={
            "a": "A 3-point rise from 250 answers a quarter is well within sampling noise: with about 250 answers "
                 "each, two surveys of the same customers differ by 3 points or more most of the time.",
            "b": "Right: the change is smaller than the noise between two samples of this size; report the "
                 "intervals and watch the trend over more quarters (or collect more answers).",
            "c": "The score rose, not fell; and a 3-point move either way is within the noise.",
            "d": "NPS is meaningful with 250 answers; the interval is wide (about ±10 points), not useless.",
        },
    ),
    "04.9": Choice(
        expected="c",
        question="A competitor launches a 20% discount. In which Dick & Basu cell are customers most likely to "
                 "switch, although their purchase history makes them look loyal?",
        options={
            "a": "True loyals buy often AND prefer us: attitude protects them against a competitor's offer.",
            "b": "Latent loyals like us but buy little; their purchase history does not make them look loyal.",
            "c": "Right: spurious loyals buy again from habit or price, without attachment; a better price "
                 "elsewhere breaks the habit. Build attitude (service, personal contact) before it happens.",
            "d": "Customers with no loyalty may leave, but their history (few orders) does not make them look loyal.",
        },
    ),
    "04.10": Text(
        question="Marketing wants to repeat last year's welcome discount because 'discount customers come back "
                 "just as often'. Using this lesson's results, what do you advise?",
        min_words=30,
        keywords=["cohort", "retention", "discount"],
    ),
}
