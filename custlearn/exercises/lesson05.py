"""Exercises of lesson 05, *Customer value: RFM, the 20/80/30 curve and lifetime value*.

Expected answers are computed from the shipped data with the solution's
logic (``custlearn.value``); the likely mistakes are computed the same way.
"""

from __future__ import annotations

from functools import cache

import numpy as np
import pandas as pd

from custlearn._i18n import N_
from custlearn.exercises._charts import Chart
from custlearn.exercises._core import Choice, Mistake, Number, Table, Text

__all__ = ["EXERCISES"]

NARROW_FIRST = ["New Customers", "Promising", "Can't Lose Them"]


@cache
def _shop():
    from custlearn import datasets

    return datasets.load("shop")


def _revenue() -> pd.Series:
    return _shop().orders.groupby("customer_id")["amount"].sum()


# ---------------------------------------------------------------- 05.1 Pareto


def _top20_revenue_share() -> float:
    """05.1 — share of revenue brought by the top 20% of the customers who bought."""
    from custlearn import value

    return value.pareto_table(_revenue()).top_share


def _top20_revenue_share_all_customers() -> float:
    from custlearn import value

    ids = _shop().customers["customer_id"]
    return value.pareto_table(_revenue().reindex(ids, fill_value=0.0)).top_share


def _top20_order_share() -> float:
    from custlearn import value

    return value.pareto_table(_shop().orders.groupby("customer_id").size()).top_share


# ---------------------------------------------------------------- 05.2 whale curve


@cache
def _profit() -> pd.DataFrame:
    from custlearn import value

    return value.customer_profit(_shop())


def _bottom30_profit_share() -> float:
    """05.2 — profit share of the least profitable 30% of all customers (negative)."""
    from custlearn import value

    return value.whale_curve(_profit()["profit"]).bottom_share


def _bottom30_without_acquisition() -> float:
    from custlearn import value

    p = _profit()
    return value.whale_curve(p["profit"] + p["acquisition_cost"]).bottom_share


def _bottom30_returned_margin_kept() -> float:
    from custlearn import value

    orders = _shop().orders
    p = _profit()
    all_margin = orders.groupby("customer_id")["margin"].sum().reindex(p.index, fill_value=0.0)
    return value.whale_curve(all_margin - p["return_cost"] - p["service_cost"] - p["acquisition_cost"]).bottom_share


def _bottom30_buyers_only() -> float:
    from custlearn import value

    p = _profit()
    return value.whale_curve(p.loc[p.index.isin(_shop().orders["customer_id"]), "profit"]).bottom_share


# ---------------------------------------------------------------- 05.3 RFM segments


@cache
def _scores(bins: int = 5) -> pd.DataFrame:
    from custlearn import value

    shop = _shop()
    return value.rfm_scores(value.rfm(shop.orders, shop.as_of), bins=bins)


def _count_segments(scores: pd.DataFrame, rules: pd.DataFrame | None = None) -> pd.Series:
    from custlearn import value

    return value.rfm_segments(scores, rules=rules)["segment"].value_counts()


def _segment_counts() -> pd.Series:
    """05.3 — customers per RFM segment, quintile scores, the R package's rules in their order."""
    return _count_segments(_scores())


def _reordered_rules() -> pd.DataFrame:
    """The R package's rules with the narrow ones first, as in the lesson."""
    from custlearn import value

    rules = value.RFM_SEGMENT_RULES
    first = rules["segment"].isin(NARROW_FIRST)
    return pd.concat([rules[first], rules[~first]])


def _segment_counts_reordered() -> pd.Series:
    return _count_segments(_scores(), _reordered_rules())


# ---------------------------------------------------------------- 05.5 / 05.6 simple CLV


def _buyers(year: int) -> set:
    orders = _shop().orders
    return set(orders.loc[orders["order_date"].dt.year == year, "customer_id"])


def _retention_2024_2025() -> float:
    """05.5 — share of the 2024 buyers who bought again in 2025."""
    b24, b25 = _buyers(2024), _buyers(2025)
    return len(b24 & b25) / len(b24)


def _retention_reversed() -> float:
    b24, b25 = _buyers(2024), _buyers(2025)
    return len(b24 & b25) / len(b25)


def _buyers_2025_share_of_customers() -> float:
    return len(_buyers(2025)) / len(_shop().customers)


def _margin_2025() -> float:
    """Mean 2025 profit after cost to serve (no acquisition cost) per 2025 buyer."""
    from custlearn import value

    shop = _shop()
    orders, tickets = shop.orders, shop.tickets
    p = value.customer_profit(shop.customers.assign(acquisition_cost=0.0),
                              orders[orders["order_date"].dt.year == 2025],
                              tickets[tickets["opened_at"].dt.year == 2025])
    return float(p.loc[sorted(_buyers(2025)), "profit"].mean())


def _margin_2025_no_tickets() -> float:
    """Mistake for 05.6: margin after returns but without the service tickets."""
    from custlearn import value

    shop = _shop()
    orders = shop.orders
    p = value.customer_profit(shop.customers.assign(acquisition_cost=0.0),
                              orders[orders["order_date"].dt.year == 2025])
    return float(p.loc[sorted(_buyers(2025)), "profit"].mean())


def _clv_gl_no_tickets() -> float:
    r = _retention_2024_2025()
    return _margin_2025_no_tickets() * r / (1.10 - r)


def _gross_margin_2025() -> float:
    orders = _shop().orders
    o = orders[orders["order_date"].dt.year == 2025]
    return float(o.groupby("customer_id")["margin"].sum().mean())


def _clv_gupta_lehmann() -> float:
    """05.6 — m r / (1 + i - r) with the 2025 margin after cost to serve, 05.5's retention, i = 10%."""
    from custlearn import value

    return float(value.clv_simple(_margin_2025(), _retention_2024_2025(), 0.10))


def _clv_gl_gross_margin() -> float:
    r = _retention_2024_2025()
    return _gross_margin_2025() * r / (1.10 - r)


def _clv_gl_percent_rate() -> float:
    r = _retention_2024_2025()
    return _margin_2025() * r / (1 + 10 - r)


def _clv_gl_no_r() -> float:
    r = _retention_2024_2025()
    return _margin_2025() / (1.10 - r)


# ---------------------------------------------------------------- 05.7 / 05.8 BG/NBD


@cache
def _models(time_unit: str = "weeks"):
    from custlearn import value

    shop = _shop()
    summary = value.clv_summary(shop.orders, shop.as_of, time_unit=time_unit)
    return summary, value.BetaGeo().fit(summary), value.GammaGamma().fit(summary)


def _mean_pace(time_unit: str = "weeks") -> float:
    """05.7 — mean purchase rate of an alive customer, r / alpha, per week."""
    params = _models(time_unit)[1].params_
    return float(params["r"] / params["alpha"])


def _mean_pace_year() -> float:
    return _mean_pace() * 52


def _mean_dropout() -> float:
    params = _models()[1].params_
    return float(params["a"] / (params["a"] + params["b"]))


@cache
def _clv12() -> pd.Series:
    from custlearn import value

    summary, bg, gg = _models()
    return value.clv(bg, gg, summary, months=12, discount_rate=0.0)["clv"]


def _future(index: pd.Index) -> pd.Series:
    from custlearn import datasets

    return datasets.truth("shop").set_index("customer_id")["future_value"].reindex(index)


def _clv_rank_correlation() -> float:
    """05.8 — Spearman correlation of the predicted 12-month value with the true future value."""
    clv = _clv12()
    return float(clv.corr(_future(clv.index), method="spearman"))


def _clv_pearson_correlation() -> float:
    clv = _clv12()
    return float(clv.corr(_future(clv.index)))


def _past_spend_rank_correlation() -> float:
    clv = _clv12()
    return float(_revenue().reindex(clv.index).corr(_future(clv.index), method="spearman"))


# ---------------------------------------------------------------- 05.9 CLV vs CAC


def _by_channel(discount_rate: float, rate_per: str, buyers_only: bool) -> pd.DataFrame:
    from custlearn import value

    summary, bg, gg = _models()
    clv = value.clv(bg, gg, summary, months=36, discount_rate=discount_rate, rate_per=rate_per)["clv"]
    customers = _shop().customers.set_index("customer_id")
    if buyers_only:
        customers = customers.loc[customers.index.isin(clv.index)]
    channel = customers["acquisition_channel"]
    return pd.DataFrame({
        "acquisition_cost": customers["acquisition_cost"].groupby(channel, observed=True).mean(),
        "clv": clv.reindex(customers.index, fill_value=0.0).groupby(channel, observed=True).mean(),
    })


def _clv_vs_cac() -> pd.DataFrame:
    """05.9 — per channel: mean acquisition cost and mean 3-year CLV (10% a year), non-buyers at 0."""
    return _by_channel(0.10, "year", False)


def _curve(x: pd.Series, y: pd.Series) -> pd.Series:
    """A curve from (0, 0) through the points (x, y): y indexed by x."""
    return pd.Series(np.r_[0.0, y.to_numpy(float)], index=pd.Index(np.r_[0.0, x.to_numpy(float)], name="x"))


def _whale(profit: pd.Series | None = None, ascending: bool = False) -> pd.Series:
    """05.10 — the whale curve: cumulative share of profit against the share of customers, most profitable first."""
    from custlearn import value

    profit = _profit()["profit"] if profit is None else profit
    if ascending:
        ranked = profit.sort_values(kind="stable").to_numpy(float)
        share = pd.Series(np.arange(1, len(ranked) + 1) / len(ranked))
        return _curve(share, pd.Series(np.cumsum(ranked) / ranked.sum()))
    table = value.whale_curve(profit).table
    return _curve(table["customer_share"], table["cumulative_profit_share"])


def _pareto_revenue_curve() -> pd.Series:
    from custlearn import value

    table = value.pareto_table(_revenue()).table
    return _curve(table["customer_share"], table["cumulative_value_share"])


# ---------------------------------------------------------------- 05.12 - 05.14 clustering


@cache
def _rfm_table() -> pd.DataFrame:
    from custlearn import value

    shop = _shop()
    return value.rfm(shop.orders, shop.as_of)


@cache
def _clusters(k: int = 4, log: bool = True, scale: bool = True):
    """k-means on the buyers' RFM table, as ``value.cluster_customers`` does it (no stability re-fits)."""
    from custlearn import value

    return value.cluster_customers(_rfm_table(), k=k, log=log, scale=scale, stability_runs=0)


def _silhouette(k: int = 4, log: bool = True, scale: bool = True) -> float:
    """05.12 — silhouette of k-means with k = 4 on the log-scaled, standardised RFM table."""
    return float(_clusters(k, log, scale).k_scores.loc[k, "silhouette"])


def _cluster_by_future_value(place: int) -> int:
    """05.14 — the number of the cluster (k = 4) with the ``place``-th highest mean true future value."""
    from custlearn import datasets

    labels = _clusters().labels
    future = datasets.truth("shop").set_index("customer_id")["future_value"].reindex(labels.index)
    return int(future.groupby(labels).mean().sort_values(ascending=False).index[place - 1])


# ---------------------------------------------------------------- 05.15 holdout purchases

CALIBRATION_END = "2024-12-31"


def _holdout_orders(cohort_only: bool) -> pd.DataFrame:
    orders = _shop().orders
    later = orders[orders["order_date"] > CALIBRATION_END]
    if cohort_only:
        later = later[later["customer_id"].isin(orders.loc[orders["order_date"] <= CALIBRATION_END, "customer_id"])]
    return later


def _holdout_purchase_days() -> int:
    """05.15 — purchase days in 2025 of the customers who bought in 2024 (value.calibration_holdout)."""
    from custlearn import value

    shop = _shop()
    return int(value.calibration_holdout(shop.orders, CALIBRATION_END, shop.as_of)["frequency_holdout"].sum())


def _holdout_rows(cohort_only: bool) -> int:
    return len(_holdout_orders(cohort_only))


def _holdout_days_everyone() -> int:
    return len(_holdout_orders(False).drop_duplicates(["customer_id", "order_date"]))


# ---------------------------------------------------------------- 05.16 fair ties


def _renumbering(ties: str, what: str = "segment", reordered: bool = False) -> float:
    """05.16 — share of buyers whose RFM segment (or score) changes when the ids are renumbered at random."""
    from custlearn import value

    table = _rfm_table()
    new_ids = pd.Index(np.random.default_rng(7).permutation(len(table)) + 1, name="customer_id")
    before = value.rfm_scores(table, ties=ties)
    after = value.rfm_scores(table.set_axis(new_ids), ties=ties).set_axis(table.index)
    if what == "score":
        return float((before["rfm_score"] != after["rfm_score"]).mean())
    rules = _reordered_rules() if reordered else value.RFM_SEGMENT_RULES
    moved = (value.rfm_segments(before, rules=rules)["segment"].to_numpy()
             != value.rfm_segments(after, rules=rules)["segment"].to_numpy())
    return float(moved.mean())


EXERCISES = {
    "05.1": Number(
        _top20_revenue_share,
        question=N_("What share of the shop's revenue do the top 20% of the customers who bought bring? (a fraction)"),
        unit="fraction",
        mistakes=[
            Mistake(_top20_revenue_share_all_customers,
                    N_("You included the customers who never bought (revenue 0), so your top 20% holds more people. "
                       "Use the revenue per customer from the orders table: only buyers.")),
            Mistake(_top20_order_share, N_("You ranked customers by their number of orders. Revenue is the sum of "
                    "amount per customer.")),
            Mistake(lambda: 1 - _top20_revenue_share(), N_("That is the share of the other 80% of buyers (the bottom "
                    "80%). The question asks for the share the top 20% bring.")),
        ],
        hint=N_("Add up each buyer's order amounts, sort the buyers from largest to smallest revenue, and take the "
                "share of all revenue that the first 20% of them bring (value.pareto_table gives it as top_share)."),
    ),
    "05.2": Number(
        _bottom30_profit_share,
        question=N_("What share of total profit (after cost to serve and acquisition) do the least profitable 30% of "
                    "all customers bring? (a fraction; negative if they lose money)"),
        unit="fraction",
        mistakes=[
            Mistake(_bottom30_without_acquisition,
                    N_("You left out the acquisition cost. Profit per customer subtracts it too: "
                       "value.customer_profit(shop) does.")),
            Mistake(_bottom30_returned_margin_kept,
                    N_("You kept the margin of returned orders. A returned order loses its margin (and costs "
                       "return_cost): sum the margin of orders with returned == False only.")),
            Mistake(_bottom30_buyers_only,
                    N_("You kept only the customers who bought. Customers who never bought cost their acquisition "
                       "and belong at the bottom of the whale curve: use every customer.")),
        ],
        hint=N_("Compute each customer's profit after the cost to serve and the acquisition cost "
                "(value.customer_profit), rank customers from most to least profitable and take the share of total "
                "profit that the last 30% bring (value.whale_curve gives it as bottom_share)."),
    ),
    "05.3": Table(
        _segment_counts,
        question=N_("The number of customers in each RFM segment on shop.as_of: quintile scores (bins=5) and the "
                    "R package's rules in their own order (value.RFM_SEGMENT_RULES). A Series indexed by segment."),
        index_name=N_("segment"),
        mistakes=[
            Mistake(lambda: _count_segments(_scores(4)),
                    N_("You scored in quartiles (bins=4). The rules are written for scores 1-5: use bins=5.")),
            Mistake(_segment_counts_reordered,
                    N_("You reordered the rules (as in the lesson). The question asks for the R package's own "
                       "order: rfm_segments(scores) with the default rules.")),
        ],
        hint=N_("Compute recency, frequency and monetary value on shop.as_of (value.rfm), score each in quintiles "
                "(value.rfm_scores with bins=5), give each customer the first segment whose rule fits "
                "(value.rfm_segments) and count the customers per segment."),
    ),
    "05.4": Choice(
        expected="a",
        question=N_("A customer has RFM scores R=5, F=1, M=1. Which segment do the R package's rules, "
                    "in their order, give?"),
        options={
            "a": N_("Yes: Potential Loyalist (R 3-5, F 1-3, M 1-3) comes before New Customers in the list, and the "
                    "first matching rule wins."),
            "b": N_("The scores fit New Customers (R 4-5, F 1, M 1), but an earlier rule also fits: the first "
                    "matching rule wins."),
            "c": N_("Promising needs R 3-4; this customer has R 5."),
            "d": N_("'Others' is only for customers no rule fits; several rules fit this one."),
        },
    ),
    "05.5": Number(
        _retention_2024_2025,
        question=N_("What share of the customers who bought in 2024 bought again in 2025? (a fraction)"),
        unit="fraction",
        mistakes=[
            Mistake(_retention_reversed, N_("You divided by the 2025 buyers. Retention starts from last year's "
                    "customers: divide by the number of 2024 buyers.")),
            Mistake(_buyers_2025_share_of_customers, N_("That is the share of all customers who bought in 2025. "
                    "Retention looks only at the 2024 buyers: how many of them bought again in 2025?")),
        ],
        hint=N_("Make the set of customers who bought in 2024 and the set who bought in 2025; retention is the number "
                "in both sets divided by the number of 2024 buyers."),
    ),
    "05.6": Number(
        _clv_gupta_lehmann,
        question=N_("The Gupta-Lehmann CLV m·r/(1+i−r) in USD with r from 05.5, i = 10% a year and m = the mean 2025 "
                    "profit after cost to serve (no acquisition cost) per customer who bought in 2025."),
        unit=N_("USD"),
        mistakes=[
            Mistake(_clv_gl_gross_margin, N_("Your m is the gross margin of all 2025 orders. After cost to serve, "
                    "returned orders lose their margin and return and ticket costs are subtracted: "
                    "value.customer_profit on the 2025 orders and tickets, with acquisition_cost set to 0.")),
            Mistake(_clv_gl_no_tickets, N_("Your m leaves out the service tickets. The cost to serve includes "
                    "the handling cost of the 2025 tickets: pass them to value.customer_profit too.")),
            Mistake(_clv_gl_percent_rate, N_("You used i = 10 (percent). Rates are shares: i = 0.10.")),
            Mistake(_clv_gl_no_r, N_("You computed m / (1 + i − r). Gupta and Lehmann's formula has r in the "
                    "numerator: m · r / (1 + i − r) (the first margin comes after one retention).")),
        ],
        hint=N_("m is the mean 2025 profit of a 2025 buyer after returns and service tickets (value.customer_profit on "
                "the 2025 orders and tickets, with acquisition_cost set to 0), r the retention of 05.5 and i = 0.10; "
                "the CLV is m x r / (1 + i - r) (value.clv_simple)."),
    ),
    "05.7": Number(
        _mean_pace,
        question=N_("Fit BG/NBD on the weekly summary (value.clv_summary(..., time_unit='weeks')). What is the mean "
                    "purchase rate r/alpha of an alive customer, in purchases per week?"),
        unit=N_("purchases per week"),
        mistakes=[
            Mistake(lambda: _mean_pace("days"), N_("That is a rate per day: your summary was in days. Use "
                    "time_unit='weeks', or multiply a daily rate by 7.")),
            Mistake(_mean_pace_year, N_("That is a rate per year; the question asks per week.")),
            Mistake(_mean_dropout, N_("That is a / (a + b), the mean chance of dropping out. The purchase rate is "
                    "r / alpha.")),
        ],
        hint=N_("Summarise the orders per customer in weeks (value.clv_summary with time_unit='weeks'), fit BG/NBD "
                "to it (value.BetaGeo().fit) and divide the fitted parameter r by alpha."),
    ),
    "05.8": Number(
        _clv_rank_correlation,
        question=N_("Spearman rank correlation between the predicted 12-month value (value.clv, months=12, "
                    "discount_rate=0) of the buyers and their true future_value (datasets.truth('shop'))."),
        mistakes=[
            Mistake(_clv_pearson_correlation, N_("That is the Pearson correlation of the values. Ranking is the "
                    "question: use .corr(..., method='spearman').")),
            Mistake(_past_spend_rank_correlation, N_("You correlated past spend, not the model's prediction, with "
                    "the truth. Use the clv column of value.clv(...).")),
        ],
        hint=N_("Predict each buyer's value over 12 months without discounting (value.clv with BG/NBD and "
                "Gamma-Gamma fitted to the weekly summary), line it up with the truth's future_value of the same "
                "customers and take the rank (Spearman) correlation."),
    ),
    "05.9": Table(
        _clv_vs_cac,
        question=N_("Per acquisition channel: mean acquisition_cost and mean 3-year CLV (value.clv, months=36, 10% a "
                    "year), over all acquired customers (non-buyers count with CLV 0). Columns acquisition_cost, clv."),
        index_name=N_("acquisition channel"),
        mistakes=[
            Mistake(lambda: _by_channel(0.10, "month", False),
                    N_("You discounted at 10% per month (the default rate_per='month'): 214% a year. Pass "
                       "rate_per='year'.")),
            Mistake(lambda: _by_channel(0.0, "year", False),
                    N_("You did not discount the future value. Money next year is worth less than today: "
                       "discount_rate=0.10 with rate_per='year'.")),
            Mistake(lambda: _by_channel(0.10, "year", True),
                    N_("You averaged over the buyers only. The channel also paid for the customers who never bought: "
                       "count them with CLV 0 (reindex(..., fill_value=0)).")),
        ],
        hint=N_("Predict each customer's 3-year value discounted at 10% a year (value.clv with months=36, "
                "discount_rate=0.10 and rate_per='year'); give customers who never bought a value of 0; then average "
                "the acquisition cost and the value per acquisition channel."),
    ),
    "05.10": Chart(
        _whale,
        question=N_("The whale curve of 05.2's profit (after the cost to serve and the acquisition cost), with a title "
                    "and labelled axes."),
        kind="curve",
        normalise=True,
        index_name=N_("share of customers"),
        mistakes=[
            Mistake(_pareto_revenue_curve, N_("Your curve adds up revenue. The whale curve adds up profit (value.customer_profit: "
                    "after the cost to serve and the acquisition cost): it climbs above 100% and then falls back.")),
            Mistake(lambda: _whale(ascending=True), N_("Your curve starts with the least profitable customers. Rank "
                    "them the other way: most profitable first, so the curve climbs, peaks and falls back.")),
            Mistake(lambda: _whale(_profit()["profit"] + _profit()["acquisition_cost"]), N_("Your profit leaves out "
                    "the acquisition cost. The question's profit subtracts it too: value.customer_profit(shop) "
                    "does.")),
            Mistake(lambda: _whale(_profit().loc[_profit().index.isin(_shop().orders["customer_id"]), "profit"]),
                    N_("You kept only the customers who bought. Those who never bought cost their acquisition and "
                       "belong at the right end of the curve: use every customer.")),
        ],
        hint=N_("Compute each customer's profit (value.customer_profit), rank customers from most to least "
                "profitable and draw the running total of profit, as a share of total profit, against the share of "
                "customers (value.whale_curve gives the table; plots.whale_chart draws it)."),
    ),
    "05.11": Text(
        question=N_("Where would you spend next year's acquisition budget, and what would you do about the least "
                    "profitable 30% of customers? Use your answers above."),
        min_words=40,
        keywords=[N_("acquisition cost"), N_("lifetime value"), N_("cost to serve")],
    ),
    "05.12": Number(
        _silhouette,
        question=N_("Cluster the buyers' RFM table (value.rfm on shop.as_of) with k-means, k = 4, after log(1 + x) and "
                    "standardisation (value.cluster_customers does both). What is the silhouette of the clustering?"),
        mistakes=[
            Mistake(lambda: _silhouette(log=False, scale=False),
                    N_("You clustered the raw numbers (log=False, scale=False). In raw units spend, in dollars, decides "
                       "alone and a few big spenders get clusters of their own; a silhouette in raw units cannot be "
                       "compared with one in scaled units. Keep the defaults log=True, scale=True.")),
            Mistake(lambda: _silhouette(scale=False),
                    N_("You took logs but did not standardise (scale=False): the measures keep different spreads, so "
                       "one counts more than the others in the distance. Standardise after the log (scale=True).")),
            Mistake(lambda: _silhouette(log=False),
                    N_("You standardised the raw, skewed numbers without taking logs (log=False): the few customers "
                       "who spend many times the median stay far out and k-means spends clusters on them. Take "
                       "log(1 + x) first (log=True).")),
            Mistake(lambda: _silhouette(k=2),
                    N_("That is the silhouette of k = 2, the k the silhouette prefers. The question asks for k = 4: "
                       "pass k=4 (the silhouette of k = 4 is in k_scores.loc[4, 'silhouette']).")),
        ],
        hint=N_("Make the RFM table of the buyers (value.rfm(shop.orders, shop.as_of)), cluster it with "
                "value.cluster_customers(table, k=4) and read the silhouette from the result's k_scores."),
    ),
    "05.13": Choice(
        expected="c",
        question=N_("The silhouette is highest at k = 2, the elbow bends at k = 4, and bootstrap samples give other "
                    "clusters for k = 3 and 5 but the same for k = 2 and 4. Which k do you choose for the shop?"),
        options={
            "a": N_("The silhouette is one test among several. Two clusters only split the good customers from the "
                    "rest, which the RFM segments already do: they fail the business test (can each cluster be named "
                    "and treated differently?)."),
            "b": N_("k = 4 is right, but not because of the elbow: the bend is read by eye and is often unclear, so "
                    "the elbow alone is no reason. Choose k by stability and the business test, with the silhouette "
                    "and the elbow as hints."),
            "c": N_("Yes: k = 4 is stable (the same clusters from other starts and on bootstrap samples), second on "
                    "the silhouette, and its four clusters can each be named and given their own treatment."),
            "d": N_("The inertia always falls as k grows (it is 0 with one customer per cluster), so the lowest "
                    "inertia is no criterion."),
        },
    ),
    "05.14": Number(
        lambda: _cluster_by_future_value(2),
        question=N_("With the four clusters of 05.12: which cluster (give its number) has the second-highest mean "
                    "true future value (future_value in datasets.truth('shop'))?"),
        mistakes=[
            Mistake(lambda: 2, N_("Cluster numbers are not ranks of future value: cluster_customers numbers the "
                    "clusters by their mean past spend (monetary), highest first. Compute the mean future_value "
                    "per cluster and sort it.")),
            Mistake(lambda: _cluster_by_future_value(1), N_("That is the cluster with the highest mean future value; "
                    "the question asks for the second-highest.")),
        ],
        hint=N_("Line up each buyer's cluster (clusters.labels) with the truth's future_value of the same customer, "
                "average it per cluster, sort from highest to lowest and give the number of the second cluster."),
    ),
    "05.15": Number(
        _holdout_purchase_days,
        question=N_("Split the orders into a calibration period (up to 2024-12-31) and a holdout period (2025, up to "
                    "shop.as_of). How many purchases did the customers who bought in 2024 make in the holdout, "
                    "counted as the BG/NBD model counts them (purchase days)?"),
        unit=N_("purchase days"),
        mistakes=[
            Mistake(lambda: _holdout_rows(True), N_("You counted order rows. BG/NBD counts purchase days: several "
                    "orders of one customer on one day are one purchase. Count distinct (customer, day) pairs, or "
                    "sum frequency_holdout of value.calibration_holdout.")),
            Mistake(lambda: _holdout_rows(False), N_("You counted every order row of 2025, those of customers who first "
                    "bought in 2025 included. The check is about the 2024 cohort only, and in purchase days: "
                    "value.calibration_holdout keeps exactly those.")),
            Mistake(_holdout_days_everyone, N_("You counted the purchase days of every customer in 2025, new customers "
                    "included. The model was fitted on the customers who bought in 2024: keep only them.")),
        ],
        hint=N_("value.calibration_holdout(shop.orders, '2024-12-31', shop.as_of) gives one row per customer of the "
                "2024 cohort with frequency_holdout, their purchase days in the holdout: add them up."),
    ),
    "05.16": Number(
        lambda: _renumbering("id"),
        question=N_("The renumbering experiment: score the buyers' RFM table with ties='id' (ties broken by customer "
                    "id), then give the same customers new ids (np.random.default_rng(7).permutation(n) + 1, in the "
                    "table's row order) and score again. What share of the customers change segment under the R "
                    "package's rules in their own order? (a fraction)"),
        unit="fraction",
        mistakes=[
            Mistake(lambda: _renumbering("same"), N_("With ties='same' (the default) equal values get equal scores, "
                    "so nobody moves: that is the point of the fair rule. The question asks about the old rule, "
                    "ties='id'.")),
            Mistake(lambda: _renumbering("id", what="score"), N_("That is the share whose RFM score changes. Several "
                    "scores lead to the same segment: compare the segments (value.rfm_segments).")),
            Mistake(lambda: _renumbering("id", reordered=True), N_("You used the lesson's reordered rules (narrow rules "
                    "first). The question asks for the R package's own order: value.rfm_segments(scores).")),
        ],
        hint=N_("Score the table twice with value.rfm_scores(..., ties='id'): once as it is, once after "
                "table.set_axis(new_ids); put the second result back on the old ids row by row (.set_axis(table.index)), "
                "name the segments of both (value.rfm_segments) and take the share of rows whose segment differs."),
    ),
    "05.17": Text(
        question=N_("Clusters or RFM segments: which would you use to plan next quarter's campaigns, and how would you "
                    "check that the groups are real and worth treating differently?"),
        min_words=40,
        keywords=[N_("stability"), N_("business test"), N_("scorecard")],
    ),
}
