"""Exercises of lesson 04, *Loyalty: levels and metrics*.

Expected answers are computed from the shipped data with the solution's
logic (``custlearn.loyalty``); the likely mistakes are computed the same way.
"""

from __future__ import annotations

from functools import cache

import pandas as pd

from custlearn._i18n import N_
from custlearn.exercises._charts import Chart, two_groups
from custlearn.exercises._core import Choice, Mistake, Number, Table, Text

__all__ = ["EXERCISES"]

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


def _repeat_rate(days: int | None = 180, eligible_only: bool = True) -> float:
    """04.1 — share of buyers with a second purchase within 180 days of the first (joined 180+ days before the end)."""
    shop = _shop()
    return _loyalty().repeat_purchase_rate(shop.orders, within_days=days, as_of=shop.as_of if eligible_only else None)


def _repeaters_180() -> int:
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
def _churn_table(period: str = "M") -> pd.DataFrame:
    shop = _shop()
    table = _loyalty().churn_rate(shop.orders, period, as_of=shop.as_of)
    return table.join(_loyalty().retention_rate(shop.orders, period, as_of=shop.as_of)["retention_rate"])


def _monthly() -> pd.DataFrame:
    table = _churn_table()
    return table[table.index.year == _shop().as_of.year]


def _churn_2025() -> pd.Series:
    """04.2 — monthly churn rate in 2025 (share of last month's active customers who did not buy)."""
    return _monthly()["churn_rate"]


# ---------------------------------------------------------------- 04.3 NPS


def _scores() -> pd.Series:
    return _shop().surveys["likely_to_recommend"]


def _nps(promoters_from: int = 9, detractors_to: int = 6) -> float:
    """04.3 — NPS of all survey answers, in points (and, with other cut points, its mistakes)."""
    s = _scores()
    if (promoters_from, detractors_to) == (9, 6):
        return _loyalty().nps(s)
    return float(100 * ((s >= promoters_from).mean() - (s <= detractors_to).mean()))


# ---------------------------------------------------------------- 04.4 NPS interval


def _width(ci) -> float:
    """The width of an NPS interval: its upper end minus its lower end (the one place that reads them)."""
    return ci.upper - ci.lower


def _last_quarter_scores() -> pd.Series:
    surveys = _shop().surveys
    return surveys.loc[surveys["survey_date"].dt.to_period("Q") == pd.Period(LAST_QUARTER, "Q"),
                       "likely_to_recommend"]


def _half_width_last_quarter() -> float:
    """04.4 — half-width of the 95% interval of the NPS of 2025 Q4 answers, in points."""
    ci = _loyalty().nps_interval(_last_quarter_scores())
    return _width(ci) / 2


def _se_last_quarter() -> float:
    return _loyalty().nps_interval(_last_quarter_scores()).standard_error


def _half_width_all() -> float:
    ci = _loyalty().nps_interval(_scores())
    return _width(ci) / 2


# ---------------------------------------------------------------- 04.5 Dick & Basu


@cache
def _groups(attitude_threshold: float = 5.0) -> pd.DataFrame:
    shop = _shop()
    return _loyalty().loyalty_matrix(shop.surveys, shop.orders, attitude_threshold=attitude_threshold)


def _matrix_counts() -> pd.DataFrame:
    """04.5 — customers per attitude x repeat-patronage cell (default thresholds)."""
    return _loyalty().loyalty_matrix_counts(_groups())


def _matrix_shares() -> pd.DataFrame:
    return _loyalty().loyalty_matrix_counts(_groups(), share=True)


def _matrix_counts_threshold_4() -> pd.DataFrame:
    return _loyalty().loyalty_matrix_counts(_groups(4.0))


# ---------------------------------------------------------------- 04.7 discount cohort


def _cohort_cell(who: pd.Series | None, period: str = "Q", age: int = 4) -> float:
    shop = _shop()
    customers = shop.customers if who is None else shop.customers[who]
    matrix = _loyalty().cohort_retention(customers, shop.orders, period, as_of=shop.as_of)
    start = pd.Period(COHORT, "Q").asfreq(period, how="start")
    return float(matrix.loc[start, age])


def _discount_cohort_year_later() -> float:
    """04.7 — discount-acquired customers of the 2024Q1 cohort buying 4 quarters later."""
    return _cohort_cell(_shop().customers["acquired_with_discount"])


def _no_discount_cohort_year_later() -> float:
    return _cohort_cell(~_shop().customers["acquired_with_discount"])


def _all_cohort_year_later() -> float:
    return _cohort_cell(None)


def _discount_cohort_three_quarters() -> float:
    return _cohort_cell(_shop().customers["acquired_with_discount"], age=3)


def _full_width_last_quarter() -> float:
    ci = _loyalty().nps_interval(_last_quarter_scores())
    return _width(ci)


def _pooled_curve(who: pd.DataFrame, period: str = "M", ages: int = 13) -> pd.Series:
    """Share of a group's customers buying k periods after their first purchase, all cohorts pooled."""
    shop = _shop()
    counts = _loyalty().cohort_retention(who, shop.orders, period, values="count", as_of=shop.as_of)
    return pd.Series([counts[k].sum() / counts[0][counts[k].notna()].sum() for k in range(1, ages)],
                     index=pd.RangeIndex(1, ages, name="age"))


def _mean_curve(who: pd.DataFrame, ages: int = 13) -> pd.Series:
    """Mistake for 04.6: the unweighted mean of the cohorts' shares."""
    shop = _shop()
    shares = _loyalty().cohort_retention(who, shop.orders, "M", as_of=shop.as_of)
    return pd.Series([shares[k].mean() for k in range(1, ages)], index=pd.RangeIndex(1, ages, name="age"))


def _curves(how: str = "pooled") -> dict[str, pd.Series]:
    """04.6 — one curve per acquisition group, months 1 to 12 after the first purchase."""
    customers = _shop().customers
    discount = customers["acquired_with_discount"]
    if how == "all":
        return {"all customers": _pooled_curve(customers)}
    if how == "quarters":
        return {N_("discount"): _pooled_curve(customers[discount], "Q", 5),
                N_("no discount"): _pooled_curve(customers[~discount], "Q", 5)}
    curve = _mean_curve if how == "mean" else _pooled_curve
    return {N_("discount"): curve(customers[discount]), N_("no discount"): curve(customers[~discount])}


EXERCISES = {
    "04.1": Number(
        _repeat_rate,
        question=N_("What share of buyers made a second purchase within 180 days of their first one "
                    "(customers who joined at least 180 days before the end of the data)? (a fraction)"),
        unit="fraction",
        mistakes=[
            Mistake(lambda: _repeat_rate(None, False), N_("That is the repeat rate over the whole data, with no window: "
                    "it flatters customers who joined early. Count only a second purchase within 180 days, among "
                    "customers who joined at least 180 days before the end (within_days and as_of).")),
            Mistake(lambda: _repeat_rate(90), N_("You used a 90-day window. The question asks for a second purchase "
                    "within 180 days of the first.")),
            Mistake(lambda: _repeat_rate(365), N_("You used a 365-day window. The question asks for a second purchase "
                    "within 180 days of the first.")),
            Mistake(_repeaters_180, N_("That is the number of repeat buyers; divide by the number of eligible buyers "
                    "to get the share.")),
        ],
        hint=N_("Among the buyers whose first purchase was at least 180 days before the end of the data, count those "
                "with a second purchase within 180 days of the first and divide by them "
                "(loyalty.repeat_purchase_rate, with within_days and as_of)."),
    ),
    "04.2": Table(
        _churn_2025,
        question=N_("The monthly churn rate for each month of 2025: of the customers active in the previous month, "
                    "the share who did not buy this month. A Series indexed by month."),
        index_name=N_("month"),
        mistakes=[
            Mistake(lambda: _monthly()["retention_rate"], N_("Those are the retention rates; churn is "
                    "1 - retention (the share who did NOT buy again).")),
            Mistake(lambda: _monthly()["churned"].astype(float), N_("Those are numbers of customers; the question "
                    "asks for the churn rate, a share.")),
            Mistake(lambda: _churn_table()["churn_rate"], N_("Those are the churn rates of every month of the data. "
                    "Keep the twelve months of 2025.")),
            Mistake(lambda: _churn_table("Q")["churn_rate"].loc[lambda s: s.index.year == 2025],
                    N_("Those are quarterly churn rates. The question asks month by month: period 'M'.")),
        ],
        hint=N_("For each month take the customers who bought in the previous month and the share of them who did not "
                "buy this month (loyalty.churn_rate with the period 'M' and as_of); keep the months of 2025."),
    ),
    "04.3": Number(
        _nps,
        question=N_("The Net Promoter Score of all the shop's survey answers, in points (-100 to 100)."),
        unit=N_("points"),
        mistakes=[
            Mistake(lambda: _nps(7, 6), N_("You counted passives (7-8) with the promoters. Promoters answer "
                    "9 or 10 only; passives count only in the denominator.")),
            Mistake(lambda: _nps(9, 5), N_("You counted detractors as 0-5. Detractors answer 0 to 6 "
                    "(Reichheld 2003): a 6 detracts.")),
            Mistake(lambda: _nps(9, -1), N_("That is the share of promoters alone, in points. NPS subtracts the "
                    "share of detractors (answers 0 to 6) from the share of promoters (9 and 10).")),
            Mistake(lambda: float(_scores().mean()), N_("That is the mean answer on the 0-10 scale. NPS counts "
                    "promoters (9-10) and detractors (0-6): 100 x (share of promoters - share of detractors).")),
        ],
        hint=N_("Classify every answer: promoters answer 9 or 10, detractors 0 to 6. The NPS is 100 x (share of "
                "promoters - share of detractors) over all answers (loyalty.nps)."),
    ),
    "04.4": Number(
        _half_width_last_quarter,
        question=N_("How many points either side of the NPS does the 95% interval reach, for the answers of the "
                    "last quarter of 2025 only? (half the width of the interval)"),
        unit=N_("points"),
        mistakes=[
            Mistake(_se_last_quarter, N_("That is the standard error. The 95% interval reaches about 1.96 standard "
                    "errors either side: (upper end - lower end) / 2.")),
            Mistake(_half_width_all, N_("That is the interval of all answers. Keep only the answers with survey_date "
                    "in 2025 Q4: fewer answers, a wider interval.")),
            Mistake(_full_width_last_quarter, N_("That is the whole width of the interval (upper end - lower end). The question "
                    "asks how far it reaches either side: half of it.")),
        ],
        hint=N_("Keep the answers whose survey_date falls in the fourth quarter of 2025, compute the NPS interval of "
                "those answers (loyalty.nps_interval), and take half the distance between its ends."),
    ),
    "04.5": Table(
        _matrix_counts,
        question=N_("The Dick & Basu 2x2 table: number of surveyed customers per attitude (rows high/low) x repeat "
                    "patronage (columns high/low) cell, with the default thresholds (attitude 5+, 2+ orders)."),
        index_name=N_("attitude level"),
        mistakes=[
            Mistake(_matrix_shares, N_("Those are shares of customers; the question asks for numbers of customers.")),
            Mistake(_matrix_counts_threshold_4, N_("You used a lower attitude threshold. The default is 5 on the 1-7 "
                    "scale ('somewhat agree').")),
        ],
        hint=N_("Place every surveyed customer in a cell by attitude (high from 5 on the 1-7 scale) and repeat "
                "patronage (high from 2 orders) with loyalty.loyalty_matrix, then count the customers per cell "
                "(loyalty.loyalty_matrix_counts)."),
    ),
    "04.6": Chart(
        _curves,
        question=N_("A line chart of the share of customers buying in each month after their first purchase, one line "
                    "for discount-acquired customers and one for the others."),
        kind="line",
        index_name=N_("month after the first purchase"),
        unit="share",
        legend=two_groups("discount", "no discount", "discount|折扣"),
        mistakes=[
            Mistake(lambda: _curves("all"), N_("Your chart has one line for all customers. Draw two: one for the "
                    "customers acquired with a discount and one for the others.")),
            Mistake(lambda: _curves("mean"), N_("You averaged the cohorts' shares, so a small late cohort weighs as "
                    "much as a big early one. Pool the cohorts: at each month, add up the buyers of all cohorts "
                    "old enough and divide by their customers (cohort_retention with values='count').")),
            Mistake(lambda: _curves("quarters"), N_("Your lines count quarters after the first purchase. The question "
                    "asks month by month: period 'M'.")),
        ],
        hint=N_("For each group (acquired_with_discount True, then False), count the customers buying k months after "
                "their first purchase over all cohorts old enough (loyalty.cohort_retention with 'M' and "
                "values='count') and divide by those cohorts' customers, for k = 1 to 12; draw both lines on one "
                "Axes with a legend."),
    ),
    "04.7": Number(
        _discount_cohort_year_later,
        question=N_("Of the customers acquired with a discount whose first purchase was in 2024 Q1, what share "
                    "bought in the same quarter one year later (4 quarters after the first)? (a fraction)"),
        unit="fraction",
        mistakes=[
            Mistake(_no_discount_cohort_year_later, N_("That is the share for customers acquired WITHOUT a discount. "
                    "Select customers[customers['acquired_with_discount']].")),
            Mistake(_all_cohort_year_later, N_("That is the share for all customers of the cohort; keep only the "
                    "discount-acquired ones.")),
            Mistake(_discount_cohort_three_quarters, N_("That is 3 quarters after the first purchase: column 0 is "
                    "the quarter of the first purchase, so a year later is column 4.")),
        ],
        hint=N_("Keep the customers acquired with a discount, build their quarterly cohort table "
                "(loyalty.cohort_retention with 'Q') and read the 2024Q1 cohort in column 4: four quarters after "
                "the first purchase."),
    ),
    "04.8": Choice(
        expected="b",
        question=N_("The NPS went from -16 to -13 between two quarters, with about 250 answers each. What do you tell "
                    "the board?"),
        options={
            "a": N_("A 3-point rise from 250 answers a quarter is well within sampling noise: with about 250 answers "
                    "each, two surveys of the same customers differ by 3 points or more most of the time."),
            "b": N_("Right: the change is smaller than the noise between two samples of this size; report the "
                    "intervals and watch the trend over more quarters (or collect more answers)."),
            "c": N_("The score rose, not fell; and a 3-point move either way is within the noise."),
            "d": N_("NPS is meaningful with 250 answers; the interval is wide (about ±10 points), not useless."),
        },
    ),
    "04.9": Choice(
        expected="c",
        question=N_("A competitor launches a 20% discount. In which Dick & Basu cell are customers most likely to "
                    "switch, although their purchase history makes them look loyal?"),
        options={
            "a": N_("True loyals buy often AND prefer us: attitude protects them against a competitor's offer."),
            "b": N_("Latent loyals like us but buy little; their purchase history does not make them look loyal."),
            "c": N_("Right: spurious loyals buy again from habit or price, without attachment; a better price "
                    "elsewhere breaks the habit. Build attitude (service, personal contact) before it happens."),
            "d": N_("Customers with no loyalty may leave, but their history (few orders) does not make them look loyal."),
        },
    ),
    "04.10": Text(
        question=N_("Marketing wants to repeat last year's welcome discount because 'discount customers come back "
                    "just as often'. Using this lesson's results, what do you advise?"),
        min_words=30,
        keywords=[N_("cohort"), N_("retention"), N_("discount")],
    ),
}
