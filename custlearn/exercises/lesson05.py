"""Exercises of lesson 05, *Customer value: RFM, the 20/80/30 curve and lifetime value*.

Expected answers are computed from the shipped data with the solution's
logic (``custlearn.value``); the likely mistakes are computed the same way.
"""

from __future__ import annotations

from functools import cache

import pandas as pd

from custlearn.exercises._core import Chart, Choice, Mistake, Number, Table, Text

NARROW_FIRST = ["New Customers", "Promising", "Can't Lose Them"]


@cache
def _shop():
    from custlearn import datasets

    return datasets.load("shop")


def _revenue() -> pd.Series:
    return _shop().orders.groupby("customer_id")["amount"].sum()


# ---------------------------------------------------------------- 05.1 Pareto


def top20_revenue_share() -> float:
    """05.1 — share of revenue brought by the top 20% of the customers who bought."""
    from custlearn import value

    return value.pareto_table(_revenue()).top_share


def top20_revenue_share_all_customers() -> float:
    from custlearn import value

    ids = _shop().customers["customer_id"]
    return value.pareto_table(_revenue().reindex(ids, fill_value=0.0)).top_share


def top20_order_share() -> float:
    from custlearn import value

    return value.pareto_table(_shop().orders.groupby("customer_id").size()).top_share


# ---------------------------------------------------------------- 05.2 whale curve


@cache
def _profit() -> pd.DataFrame:
    from custlearn import value

    return value.customer_profit(_shop())


def bottom30_profit_share() -> float:
    """05.2 — profit share of the least profitable 30% of all customers (negative)."""
    from custlearn import value

    return value.whale_curve(_profit()["profit"]).bottom_share


def bottom30_without_acquisition() -> float:
    from custlearn import value

    p = _profit()
    return value.whale_curve(p["profit"] + p["acquisition_cost"]).bottom_share


def bottom30_returned_margin_kept() -> float:
    from custlearn import value

    orders = _shop().orders
    p = _profit()
    all_margin = orders.groupby("customer_id")["margin"].sum().reindex(p.index, fill_value=0.0)
    return value.whale_curve(all_margin - p["return_cost"] - p["service_cost"] - p["acquisition_cost"]).bottom_share


def bottom30_buyers_only() -> float:
    from custlearn import value

    p = _profit()
    return value.whale_curve(p.loc[p.index.isin(_shop().orders["customer_id"]), "profit"]).bottom_share


# ---------------------------------------------------------------- 05.3 RFM segments


@cache
def _scores(bins: int = 5) -> pd.DataFrame:
    from custlearn import value

    shop = _shop()
    return value.rfm_scores(value.rfm(shop.orders, shop.as_of), bins=bins)


def _segment_counts(scores: pd.DataFrame, rules: pd.DataFrame | None = None) -> pd.Series:
    from custlearn import value

    return value.rfm_segments(scores, rules=rules)["segment"].value_counts()


def segment_counts() -> pd.Series:
    """05.3 — customers per RFM segment, quintile scores, the R package's rules in their order."""
    return _segment_counts(_scores())


def segment_counts_reordered() -> pd.Series:
    from custlearn import value

    rules = value.RFM_SEGMENT_RULES
    first = rules["segment"].isin(NARROW_FIRST)
    return _segment_counts(_scores(), pd.concat([rules[first], rules[~first]]))


# ---------------------------------------------------------------- 05.5 / 05.6 simple CLV


def _buyers(year: int) -> set:
    orders = _shop().orders
    return set(orders.loc[orders["order_date"].dt.year == year, "customer_id"])


def retention_2024_2025() -> float:
    """05.5 — share of the 2024 buyers who bought again in 2025."""
    b24, b25 = _buyers(2024), _buyers(2025)
    return len(b24 & b25) / len(b24)


def retention_reversed() -> float:
    b24, b25 = _buyers(2024), _buyers(2025)
    return len(b24 & b25) / len(b25)


def buyers_2025_share_of_customers() -> float:
    return len(_buyers(2025)) / len(_shop().customers)


def margin_2025() -> float:
    """Mean 2025 profit after cost to serve (no acquisition cost) per 2025 buyer."""
    from custlearn import value

    shop = _shop()
    orders, tickets = shop.orders, shop.tickets
    p = value.customer_profit(shop.customers.assign(acquisition_cost=0.0),
                              orders[orders["order_date"].dt.year == 2025],
                              tickets[tickets["opened_at"].dt.year == 2025])
    return float(p.loc[sorted(_buyers(2025)), "profit"].mean())


def margin_2025_no_tickets() -> float:
    """Mistake for 05.6: margin after returns but without the service tickets."""
    from custlearn import value

    shop = _shop()
    orders = shop.orders
    p = value.customer_profit(shop.customers.assign(acquisition_cost=0.0),
                              orders[orders["order_date"].dt.year == 2025])
    return float(p.loc[sorted(_buyers(2025)), "profit"].mean())


def clv_gl_no_tickets() -> float:
    r = retention_2024_2025()
    return margin_2025_no_tickets() * r / (1.10 - r)


def gross_margin_2025() -> float:
    orders = _shop().orders
    o = orders[orders["order_date"].dt.year == 2025]
    return float(o.groupby("customer_id")["margin"].sum().mean())


def clv_gupta_lehmann() -> float:
    """05.6 — m r / (1 + i - r) with the 2025 margin after cost to serve, 05.5's retention, i = 10%."""
    from custlearn import value

    return float(value.clv_simple(margin_2025(), retention_2024_2025(), 0.10))


def clv_gl_gross_margin() -> float:
    r = retention_2024_2025()
    return gross_margin_2025() * r / (1.10 - r)


def clv_gl_percent_rate() -> float:
    r = retention_2024_2025()
    return margin_2025() * r / (1 + 10 - r)


def clv_gl_no_r() -> float:
    r = retention_2024_2025()
    return margin_2025() / (1.10 - r)


# ---------------------------------------------------------------- 05.7 / 05.8 BG/NBD


@cache
def _models(time_unit: str = "weeks"):
    from custlearn import value

    shop = _shop()
    summary = value.clv_summary(shop.orders, shop.as_of, time_unit=time_unit)
    return summary, value.BetaGeo().fit(summary), value.GammaGamma().fit(summary)


def mean_pace(time_unit: str = "weeks") -> float:
    """05.7 — mean purchase rate of an alive customer, r / alpha, per week."""
    params = _models(time_unit)[1].params_
    return float(params["r"] / params["alpha"])


def mean_pace_year() -> float:
    return mean_pace() * 52


def mean_dropout() -> float:
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


def clv_rank_correlation() -> float:
    """05.8 — Spearman correlation of the predicted 12-month value with the true future value."""
    clv = _clv12()
    return float(clv.corr(_future(clv.index), method="spearman"))


def clv_pearson_correlation() -> float:
    clv = _clv12()
    return float(clv.corr(_future(clv.index)))


def past_spend_rank_correlation() -> float:
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


def clv_vs_cac() -> pd.DataFrame:
    """05.9 — per channel: mean acquisition cost and mean 3-year CLV (10% a year), non-buyers at 0."""
    return _by_channel(0.10, "year", False)


EXERCISES = {
    "05.1": Number(
        top20_revenue_share,
        question="What share of the shop's revenue do the top 20% of the customers who bought bring? (a fraction)",
        unit="fraction",
        mistakes=[
            Mistake(top20_revenue_share_all_customers,
                    "You included the customers who never bought (revenue 0), so your top 20% holds more people. "
                    "Use the revenue per customer from the orders table: only buyers."),
            Mistake(top20_order_share, "You ranked customers by their number of orders. Revenue is the sum of "
                    "amount per customer."),
        ],
        hint="revenue = shop.orders.groupby('customer_id')['amount'].sum(); value.pareto_table(revenue).top_share",
    ),
    "05.2": Number(
        bottom30_profit_share,
        question="What share of total profit (after cost to serve and acquisition) do the least profitable 30% of "
                 "all customers bring? (a fraction; negative if they lose money)",
        unit="fraction",
        mistakes=[
            Mistake(bottom30_without_acquisition,
                    "You left out the acquisition cost. Profit per customer subtracts it too: "
                    "value.customer_profit(shop) does."),
            Mistake(bottom30_returned_margin_kept,
                    "You kept the margin of returned orders. A returned order loses its margin (and costs "
                    "return_cost): sum the margin of orders with returned == False only."),
            Mistake(bottom30_buyers_only,
                    "You kept only the customers who bought. Customers who never bought cost their acquisition "
                    "and belong at the bottom of the whale curve: use every customer."),
        ],
        hint="value.whale_curve(value.customer_profit(shop)['profit']).bottom_share",
    ),
    "05.3": Table(
        segment_counts,
        question="The number of customers in each RFM segment on shop.as_of: quintile scores (bins=5) and the "
                 "R package's rules in their own order (value.RFM_SEGMENT_RULES). A Series indexed by segment.",
        index_name="segment",
        mistakes=[
            Mistake(lambda: _segment_counts(_scores(4)),
                    "You scored in quartiles (bins=4). The rules are written for scores 1-5: use bins=5."),
            Mistake(segment_counts_reordered,
                    "You reordered the rules (as in the lesson). The question asks for the R package's own "
                    "order: rfm_segments(scores) with the default rules."),
        ],
        hint="value.rfm_segments(value.rfm_scores(value.rfm(shop.orders, shop.as_of)))['segment'].value_counts()",
    ),
    "05.4": Choice(
        expected="a",
        question="A customer has RFM scores R=5, F=1, M=1. Which segment do the R package's rules, "
                 "in their order, give?",
        options={
            "a": "Yes: Potential Loyalist (R 3-5, F 1-3, M 1-3) comes before New Customers in the list, and the "
                 "first matching rule wins.",
            "b": "The scores fit New Customers (R 4-5, F 1, M 1), but an earlier rule also fits: the first "
                 "matching rule wins.",
            "c": "Promising needs R 3-4; this customer has R 5.",
            "d": "'Others' is only for customers no rule fits; several rules fit this one.",
        },
    ),
    "05.5": Number(
        retention_2024_2025,
        question="What share of the customers who bought in 2024 bought again in 2025? (a fraction)",
        unit="fraction",
        mistakes=[
            Mistake(retention_reversed, "You divided by the 2025 buyers. Retention starts from last year's "
                    "customers: divide by the number of 2024 buyers."),
            Mistake(buyers_2025_share_of_customers, "That is the share of all customers who bought in 2025. "
                    "Retention looks only at the 2024 buyers: how many of them bought again in 2025?"),
        ],
        hint="Make the sets of customer ids with an order in 2024 and in 2025; len(both) / len(2024).",
    ),
    "05.6": Number(
        clv_gupta_lehmann,
        question="The Gupta-Lehmann CLV m·r/(1+i−r) in USD with r from 05.5, i = 10% a year and m = the mean 2025 "
                 "profit after cost to serve (no acquisition cost) per customer who bought in 2025.",
        unit="USD",
        mistakes=[
            Mistake(clv_gl_gross_margin, "Your m is the gross margin of all 2025 orders. After cost to serve, "
                    "returned orders lose their margin and return and ticket costs are subtracted: "
                    "value.customer_profit on the 2025 orders and tickets, with acquisition_cost set to 0."),
            Mistake(clv_gl_no_tickets, "Your m leaves out the service tickets. The cost to serve includes "
                    "the handling cost of the 2025 tickets: pass them to value.customer_profit too."),
            Mistake(clv_gl_percent_rate, "You used i = 10 (percent). Rates are shares: i = 0.10."),
            Mistake(clv_gl_no_r, "You computed m / (1 + i − r). Gupta and Lehmann's formula has r in the "
                    "numerator: m · r / (1 + i − r) (the first margin comes after one retention)."),
        ],
        hint="value.clv_simple(m, r, 0.10)",
    ),
    "05.7": Number(
        mean_pace,
        question="Fit BG/NBD on the weekly summary (value.clv_summary(..., time_unit='weeks')). What is the mean "
                 "purchase rate r/alpha of an alive customer, in purchases per week?",
        rel=1e-3,
        unit="purchases per week",
        mistakes=[
            Mistake(lambda: mean_pace("days"), "That is a rate per day: your summary was in days. Use "
                    "time_unit='weeks', or multiply a daily rate by 7."),
            Mistake(mean_pace_year, "That is a rate per year; the question asks per week."),
            Mistake(mean_dropout, "That is a / (a + b), the mean chance of dropping out. The purchase rate is "
                    "r / alpha."),
        ],
        hint="model = value.BetaGeo().fit(summary); model.params_['r'] / model.params_['alpha']",
    ),
    "05.8": Number(
        clv_rank_correlation,
        question="Spearman rank correlation between the predicted 12-month value (value.clv, months=12, "
                 "discount_rate=0) of the buyers and their true future_value (datasets.truth('shop')).",
        rel=1e-3,
        mistakes=[
            Mistake(clv_pearson_correlation, "That is the Pearson correlation of the values. Ranking is the "
                    "question: use .corr(..., method='spearman')."),
            Mistake(past_spend_rank_correlation, "You correlated past spend, not the model's prediction, with "
                    "the truth. Use the clv column of value.clv(...)."),
        ],
        hint="clv = value.clv(bg, gg, summary, months=12, discount_rate=0.0)['clv']; "
             "clv.corr(truth['future_value'].reindex(clv.index), method='spearman')",
    ),
    "05.9": Table(
        clv_vs_cac,
        question="Per acquisition channel: mean acquisition_cost and mean 3-year CLV (value.clv, months=36, 10% a "
                 "year), over all acquired customers (non-buyers count with CLV 0). Columns acquisition_cost, clv.",
        index_name="acquisition channel",
        rel=1e-4,
        mistakes=[
            Mistake(lambda: _by_channel(0.10, "month", False),
                    "You discounted at 10% per month (the default rate_per='month'): 214% a year. Pass "
                    "rate_per='year'."),
            Mistake(lambda: _by_channel(0.10, "year", True),
                    "You averaged over the buyers only. The channel also paid for the customers who never bought: "
                    "count them with CLV 0 (reindex(..., fill_value=0))."),
        ],
        hint="clv = value.clv(..., months=36, discount_rate=0.10, rate_per='year')['clv'], reindexed on all "
             "customers with fill_value=0, then grouped by acquisition_channel.",
    ),
    "05.10": Chart(
        question="The whale curve of profit after cost to serve, with a title and labelled axes.",
        kind="line",
        hint="plots.whale_chart(value.whale_curve(profit['profit'])) draws it.",
    ),
    "05.11": Text(
        question="Where would you spend next year's acquisition budget, and what would you do about the least "
                 "profitable 30% of customers? Use your answers above.",
        min_words=40,
        keywords=["acquisition cost", "lifetime value", "cost to serve"],
    ),
}
