"""Tests of lesson 05 (custlearn.value): RFM, Pareto/whale curves, CLV, BG/NBD, Gamma-Gamma.

Independent references:
- hand-computed tables (written out in the comments);
- Gupta & Lehmann (2003), "Customers as assets", J. Interactive Marketing 17(1):
  CLV = m r / (1 + i - r), margin multiple r / (1 + i - r) = 2.5 for r = 0.8, i = 0.12;
  and the infinite discounted sum computed term by term;
- the R package rfm (Rsquared Academy), vignette / ?rfm_segment rule vectors;
- Fader, Hardie & Lee (2005), "Counting your customers the easy way", Marketing
  Science 24(2), empirical analysis: BG/NBD on the CDNOW sample r = 0.243, alpha = 4.414,
  a = 0.793, b = 2.426, LL = -9582.4;
- Fader, Hardie & Lee (2005), "RFM and CLV: using iso-value curves", JMR 42(4)
  (and Fader & Hardie 2013, "The Gamma-Gamma model of monetary value"):
  CDNOW p = 6.25, q = 3.74, gamma = 15.44;
- lifetimes 0.11 (test-only): summary_data_from_transaction_data,
  BetaGeoFitter, GammaGammaFitter, customer_lifetime_value.
"""

from __future__ import annotations

import contextlib
import warnings

import numpy as np
import pandas as pd
import pytest

from custlearn import DataError, value


@contextlib.contextmanager
def _quiet():
    """lifetimes (archived, 2020) warns under pandas 3; silence it, only around its calls."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        yield


@pytest.fixture(scope="module")
def lifetimes():
    with _quiet():
        import lifetimes
        import lifetimes.datasets
        import lifetimes.utils
    return lifetimes


@pytest.fixture(scope="module")
def cdnow(lifetimes):
    """CDNOW sample, 2357 customers, weeks (FHL 2005), with monetary value."""
    with _quiet():
        data = lifetimes.datasets.load_cdnow_summary_data_with_monetary_value()
    return data[["frequency", "recency", "T", "monetary_value"]].astype(float)


def orders_table(rows):
    return pd.DataFrame(rows, columns=["customer_id", "order_date", "amount"]).assign(
        order_date=lambda d: pd.to_datetime(d["order_date"], format="ISO8601")
    )


# ---------------------------------------------------------------------------
# rfm
# ---------------------------------------------------------------------------

ORDERS = orders_table(
    [
        (1, "2025-03-01", 20.0),
        (1, "2025-03-20 15:30", 30.0),  # last order: 11 days before as_of
        (2, "2025-01-31", 15.0),  # 59 days before as_of
        (3, "2025-03-31 09:00", 40.0),  # ON as_of (with a time): included, recency 0
        (3, "2025-02-28", 10.0),
        (3, "2025-04-01", 99.0),  # after as_of: ignored
        (4, "2025-05-05", 70.0),  # only after as_of: customer 4 absent
    ]
)


def test_rfm_hand_computed():
    got = value.rfm(ORDERS, as_of="2025-03-31")
    # recency: Mar 31 - Mar 20 = 11; Mar 31 - Jan 31 = 59; Mar 31 - Mar 31 = 0
    expected = pd.DataFrame(
        {"recency": [11, 59, 0], "frequency": [2, 1, 2], "monetary": [50.0, 15.0, 50.0]},
        index=pd.Index([1, 2, 3], name="customer_id"),
    )
    pd.testing.assert_frame_equal(got, expected)


def test_rfm_custom_columns_text_dates_and_unsorted_input():
    own = ORDERS.rename(columns={"customer_id": "client", "order_date": "day", "amount": "total"})
    own = own.assign(day=own["day"].dt.strftime("%Y-%m-%d")).iloc[::-1]
    got = value.rfm(own, "2025-03-31", customer_col="client", date_col="day", amount_col="total")
    assert got.index.name == "client"
    assert got["recency"].tolist() == [11, 59, 0]
    assert got["monetary"].tolist() == [50.0, 15.0, 50.0]


def test_rfm_empty_and_single_customer():
    empty = value.rfm(ORDERS.iloc[:0], "2025-03-31")
    assert list(empty.columns) == ["recency", "frequency", "monetary"] and len(empty) == 0
    one = value.rfm(ORDERS[ORDERS["customer_id"] == 2], "2025-02-01")
    assert one.loc[2].tolist() == [1, 1, 15.0]


def test_rfm_refunds():
    orders = pd.concat([ORDERS, orders_table([(1, "2025-03-25", -5.0)])], ignore_index=True)
    with pytest.raises(DataError, match="negative.*allow_refunds=True"):
        value.rfm(orders, "2025-03-31")
    got = value.rfm(orders, "2025-03-31", allow_refunds=True)
    # The refund lowers the spend (50 - 5) but is not an order: recency 11, frequency 2.
    assert got.loc[1].tolist() == [11, 2, 45.0]


@pytest.mark.parametrize(
    "orders, as_of, words",
    [
        (ORDERS, "2024-12-31", "before every order"),
        (ORDERS, "31.13.2025", "is not a date"),
        (ORDERS.drop(columns="amount"), "2025-03-31", 'amount_col="<your column name>"'),
        (ORDERS.assign(order_date=["2025-01-01", "2025-02-30", "x", "y", "z", "w", "v"]), "2025-03-31",
         "cannot be read as a date"),
        (ORDERS.assign(amount=[1.0, None, 1, 1, 1, 1, 1]), "2025-03-31", "missing value"),
        (ORDERS.assign(amount=list("abcdefg")), "2025-03-31", "numbers are expected"),
        ([1, 2], "2025-03-31", "must be a pandas DataFrame"),
    ],
)
def test_rfm_bad_input(orders, as_of, words):
    with pytest.raises(DataError, match=words):
        value.rfm(orders, as_of)


# ---------------------------------------------------------------------------
# rfm_scores
# ---------------------------------------------------------------------------


def test_rfm_scores_hand_computed_with_ties():
    # 10 customers, bins = 5, score = 1 + (5 * k) // 10 with k = customers strictly worse.
    # frequency: ids 1..8 have 1 order (k = 0 -> score 1), id 9 has 3 (k = 8 -> 1 + 40 // 10 = 5),
    #            id 10 has 5 (k = 9 -> 1 + 45 // 10 = 5): the eight one-time buyers all score 1.
    # recency: 100, 90, ..., 10, all different: k = 0..9 -> 1, 1, 2, 2, 3, 3, 4, 4, 5, 5 (equal-count).
    # monetary: 10, 10, 30, ..., 100 (ids 1 and 2 tie at 10): k = 0, 0, 2, 3, ..., 9
    #           -> 1, 1, 2, 2, 3, 3, 4, 4, 5, 5.
    table = pd.DataFrame(
        {
            "recency": [100, 90, 80, 70, 60, 50, 40, 30, 20, 10],
            "frequency": [1, 1, 1, 1, 1, 1, 1, 1, 3, 5],
            "monetary": [10, 10, 30, 40, 50, 60, 70, 80, 90, 100.0],
        },
        index=pd.Index(range(1, 11), name="customer_id"),
    )
    got = value.rfm_scores(table)
    assert got["frequency_score"].tolist() == [1, 1, 1, 1, 1, 1, 1, 1, 5, 5]
    assert got["recency_score"].tolist() == [1, 1, 2, 2, 3, 3, 4, 4, 5, 5]
    assert got["monetary_score"].tolist() == [1, 1, 2, 2, 3, 3, 4, 4, 5, 5]
    assert got["rfm_score"].iloc[-1] == 555 and got["rfm_score"].iloc[0] == 111
    # The old rule (ties="id"): positions after sorting by id then frequency: ids 1,2 -> 1; 3,4 -> 2; ...
    old = value.rfm_scores(table, ties="id")
    assert old["frequency_score"].tolist() == [1, 1, 2, 2, 3, 3, 4, 4, 5, 5]


def test_rfm_scores_a_second_hand_worked_example_with_recency_ties():
    # bins = 4, n = 6. recency 3, 3, 8, 8, 8, 20: "worse" = a HIGHER recency.
    #   recency 3: k = 4 (the 8s and the 20) -> 1 + (4 * 4) // 6 = 1 + 2 = 3
    #   recency 8: k = 1 (the 20)            -> 1 + 4 // 6 = 1
    #   recency 20: k = 0                    -> 1
    # frequency 1, 1, 1, 2, 2, 7: 1 -> k = 0 -> 1; 2 -> k = 3 -> 1 + 12 // 6 = 3; 7 -> k = 5 -> 1 + 20 // 6 = 4
    table = pd.DataFrame({"recency": [3, 3, 8, 8, 8, 20], "frequency": [1, 1, 1, 2, 2, 7],
                          "monetary": [5.0, 6, 7, 8, 9, 10]}, index=pd.Index([11, 12, 13, 14, 15, 16]))
    got = value.rfm_scores(table, bins=4)
    assert got["recency_score"].tolist() == [3, 3, 1, 1, 1, 1]
    assert got["frequency_score"].tolist() == [1, 1, 1, 3, 3, 4]
    # monetary all different: k = 0..5 -> 1 + 4k // 6 = 1, 1, 2, 3, 3, 4
    assert got["monetary_score"].tolist() == [1, 1, 2, 3, 3, 4]


def test_rfm_scores_equal_values_always_get_equal_scores():
    rng = np.random.default_rng(4)
    table = pd.DataFrame({"recency": rng.integers(0, 40, 500), "frequency": rng.geometric(0.5, 500),
                          "monetary": rng.gamma(2, 20, 500).round(-1)},
                         index=pd.Index(rng.permutation(np.arange(1, 501)), name="customer_id"))
    for bins in (2, 3, 5, 9):
        got = value.rfm_scores(table, bins=bins)
        for col in ("recency", "frequency", "monetary"):
            per_value = got.groupby(col)[f"{col}_score"].nunique()
            assert (per_value == 1).all(), (bins, col)
            # better value, score at least as high (recency: lower is better)
            order = got.sort_values(col, ascending=col == "recency")[f"{col}_score"].to_numpy()
            assert (np.diff(order) <= 0).all(), (bins, col)
            assert got[f"{col}_score"].between(1, bins).all()


def test_rfm_scores_are_the_documented_sql_rank_formula():
    # The SQL of the docstring, computed here with pandas' rank(method="min") (SQL's RANK()):
    # score = 1 + (bins * (RANK() OVER (ORDER BY v) - 1)) // COUNT(*) OVER ()
    rng = np.random.default_rng(0)
    table = pd.DataFrame(
        {"recency": rng.integers(0, 30, 200), "frequency": rng.integers(1, 4, 200),
         "monetary": rng.gamma(2, 20, 200).round(0)},
        index=pd.Index(rng.permutation(np.arange(1, 201)), name="customer_id"),
    )
    got = value.rfm_scores(table, bins=4)
    for col, sign in (("recency", -1), ("frequency", 1), ("monetary", 1)):
        rank = (sign * table[col]).rank(method="min").astype(int)
        expected = 1 + (4 * (rank - 1)) // len(table)
        assert (got[f"{col}_score"] == expected).all(), col


def test_rfm_scores_invariant_to_renumbering_the_ids_under_same_not_under_id():
    # The renumbering experiment: the same customers under other ids.
    rng = np.random.default_rng(1)
    n = 400
    table = pd.DataFrame({"recency": rng.integers(0, 60, n), "frequency": rng.geometric(0.45, n),
                          "monetary": rng.gamma(2, 30, n).round(2)},
                         index=pd.Index(np.arange(1, n + 1), name="customer_id"))
    renumbered = table.set_index(pd.Index(rng.permutation(np.arange(1001, 1001 + n)), name="customer_id"))
    columns = ["recency_score", "frequency_score", "monetary_score"]
    same_before = value.rfm_scores(table)[columns].to_numpy()
    same_after = value.rfm_scores(renumbered)[columns].to_numpy()  # rows in the same order: same customers
    np.testing.assert_array_equal(same_before, same_after)
    segments = (value.rfm_segments(value.rfm_scores(table))["segment"].to_numpy(),
                value.rfm_segments(value.rfm_scores(renumbered))["segment"].to_numpy())
    assert (segments[0] == segments[1]).all()
    id_before = value.rfm_scores(table, ties="id")[columns].to_numpy()
    id_after = value.rfm_scores(renumbered, ties="id")[columns].to_numpy()
    moved = (id_before != id_after).any(axis=1).mean()
    assert moved > 0.2  # under the old rule many customers change scores with their id alone


def test_rfm_scores_recency_ties_and_row_order_do_not_matter():
    # Recency ties: ids 3 and 1 both have recency 5 (the best).
    # ties="same": both have k = 3 customers worse -> 1 + 15 // 5 = 4; frequency all 1 -> all score 1.
    # ties="id": sorted by id 1 then 3; goodness = -recency, positions 1 -> 4, 3 -> 5.
    table = pd.DataFrame(
        {"recency": [5, 50, 5, 30, 40], "frequency": [1, 1, 1, 1, 1], "monetary": [1.0, 2, 3, 4, 5]},
        index=pd.Index([1, 2, 3, 4, 5], name="customer_id"),
    )
    got = value.rfm_scores(table)
    assert got["recency_score"].to_dict() == {1: 4, 2: 1, 3: 4, 4: 3, 5: 2}
    assert got["frequency_score"].to_dict() == {1: 1, 2: 1, 3: 1, 4: 1, 5: 1}
    old = value.rfm_scores(table, ties="id")
    assert old["recency_score"].to_dict() == {1: 4, 2: 1, 3: 5, 4: 3, 5: 2}
    assert old["frequency_score"].to_dict() == {1: 1, 2: 2, 3: 3, 4: 4, 5: 5}
    for ties in ("same", "id"):
        shuffled = value.rfm_scores(table.sample(frac=1, random_state=3), ties=ties).sort_index()
        pd.testing.assert_frame_equal(shuffled, value.rfm_scores(table, ties=ties))


def test_rfm_scores_id_rule_matches_the_documented_rank_then_qcut_recipe():
    rng = np.random.default_rng(0)
    table = pd.DataFrame(
        {"recency": rng.integers(0, 30, 200), "frequency": rng.integers(1, 4, 200),
         "monetary": rng.gamma(2, 20, 200).round(0)},
        index=pd.Index(rng.permutation(np.arange(1, 201)), name="customer_id"),
    )
    got = value.rfm_scores(table, bins=4, ties="id")
    by_id = table.sort_index()  # the recipe: stable sort by id, rank(method="first"), qcut
    for col, sign in (("recency", -1), ("frequency", 1), ("monetary", 1)):
        ranks = (sign * by_id[col]).rank(method="first")
        expected = pd.qcut(ranks, 4, labels=[1, 2, 3, 4]).astype(int)
        assert (got[f"{col}_score"].sort_index() == expected).all(), col
        assert got[f"{col}_score"].value_counts().tolist() == [50, 50, 50, 50]


def test_rfm_scores_edge_cases():
    one = pd.DataFrame({"recency": [3], "frequency": [2], "monetary": [9.0]}, index=pd.Index([7], name="customer_id"))
    score_columns = ["recency_score", "frequency_score", "monetary_score"]
    assert value.rfm_scores(one)[score_columns].iloc[0].tolist() == [1, 1, 1]  # nobody is worse: k = 0
    assert value.rfm_scores(one, ties="id")[score_columns].iloc[0].tolist() == [3, 3, 3]  # the old middle score
    for ties in ("same", "id"):
        empty = value.rfm_scores(one.iloc[:0], ties=ties)
        assert len(empty) == 0 and "rfm_score" in empty.columns
    with pytest.raises(DataError, match='ties="first"'):
        value.rfm_scores(one, ties="first")
    with pytest.raises(DataError, match="from 2 to 9"):
        value.rfm_scores(one, bins=10)
    with pytest.raises(DataError, match="from 2 to 9"):
        value.rfm_scores(one, bins=1)
    with pytest.raises(DataError, match="missing value"):
        value.rfm_scores(one.assign(monetary=np.nan))
    with pytest.raises(DataError, match='"recency" is not in the rfm table'):
        value.rfm_scores(one.drop(columns="recency"))


# ---------------------------------------------------------------------------
# rfm_segments
# ---------------------------------------------------------------------------

# The R package rfm, vignette "RFM Analysis" / example of ?rfm_segment (Rsquared Academy):
R_SEGMENTS = ["Champions", "Loyal Customers", "Potential Loyalist", "New Customers", "Promising",
              "Need Attention", "About To Sleep", "At Risk", "Can't Lose Them", "Lost"]
R_RECENCY_LOWER = [4, 2, 3, 4, 3, 2, 2, 1, 1, 1]
R_RECENCY_UPPER = [5, 5, 5, 5, 4, 3, 3, 2, 1, 2]
R_FREQUENCY_LOWER = [4, 3, 1, 1, 1, 2, 1, 2, 4, 1]
R_FREQUENCY_UPPER = [5, 5, 3, 1, 1, 3, 2, 5, 5, 2]
R_MONETARY_LOWER = [4, 3, 1, 1, 1, 2, 1, 2, 4, 1]
R_MONETARY_UPPER = [5, 5, 3, 1, 1, 3, 2, 5, 5, 2]


def test_segment_rules_are_the_r_package_rules():
    rules = value.RFM_SEGMENT_RULES
    assert rules["segment"].tolist() == R_SEGMENTS
    assert rules["recency_low"].tolist() == R_RECENCY_LOWER
    assert rules["recency_high"].tolist() == R_RECENCY_UPPER
    assert rules["frequency_low"].tolist() == R_FREQUENCY_LOWER
    assert rules["frequency_high"].tolist() == R_FREQUENCY_UPPER
    assert rules["monetary_low"].tolist() == R_MONETARY_LOWER
    assert rules["monetary_high"].tolist() == R_MONETARY_UPPER


def test_segments_first_match_wins_on_all_125_score_combinations():
    grid = pd.DataFrame(
        [(r, f, m) for r in range(1, 6) for f in range(1, 6) for m in range(1, 6)],
        columns=["recency_score", "frequency_score", "monetary_score"],
    )

    def r_rfm_segment(r, f, m):  # a plain loop, as rfm_segment() does since PR #68
        for i, name in enumerate(R_SEGMENTS):
            if (R_RECENCY_LOWER[i] <= r <= R_RECENCY_UPPER[i] and R_FREQUENCY_LOWER[i] <= f <= R_FREQUENCY_UPPER[i]
                    and R_MONETARY_LOWER[i] <= m <= R_MONETARY_UPPER[i]):
                return name
        return "Others"

    got = value.rfm_segments(grid)["segment"].tolist()
    assert got == [r_rfm_segment(*row) for row in grid.itertuples(index=False)]
    # Hand checks: 555 is a Champion (also fits Loyal Customers); 155 is At Risk (shadows Can't Lose Them);
    # 211 matches nothing.
    seg = dict(zip(map(tuple, grid.to_numpy()), got))
    assert seg[(5, 5, 5)] == "Champions" and seg[(1, 5, 5)] == "At Risk" and seg[(1, 1, 1)] == "Lost"
    assert seg[(2, 1, 1)] == "About To Sleep"  # R 2-3, F 1-2, M 1-2 comes before Lost
    assert seg[(2, 3, 1)] == "Others"
    assert {"New Customers", "Promising", "Can't Lose Them"}.isdisjoint(got)  # shadowed, as documented


def test_segments_own_rules_and_errors():
    scores = pd.DataFrame({"recency_score": [5, 1], "frequency_score": [1, 5], "monetary_score": [1, 5]})
    mine = pd.DataFrame(
        [("Can't Lose Them", 1, 1, 4, 5, 4, 5), ("New", 4, 5, 1, 1, 1, 1)],
        columns=["segment", "recency_low", "recency_high", "frequency_low", "frequency_high",
                 "monetary_low", "monetary_high"],
    )
    assert value.rfm_segments(scores, mine)["segment"].tolist() == ["New", "Can't Lose Them"]
    assert value.rfm_segments(scores.iloc[:0])["segment"].tolist() == []
    with pytest.raises(DataError, match="monetary_high"):
        value.rfm_segments(scores, mine.drop(columns="monetary_high"))
    with pytest.raises(DataError, match='"recency_score" is not in the scores table'):
        value.rfm_segments(scores.drop(columns="recency_score"))
    with pytest.raises(DataError, match="missing value"):
        value.rfm_segments(scores.assign(monetary_score=[1, None]))


def test_rfm_pipeline_on_orders():
    table = value.rfm(ORDERS, "2025-03-31")
    seg = value.rfm_segments(value.rfm_scores(table))
    assert seg.index.tolist() == [1, 2, 3] and seg["segment"].notna().all()


# ---------------------------------------------------------------------------
# Pareto and whale curves
# ---------------------------------------------------------------------------


def test_pareto_hand_computed_ten_customers():
    # values 1..10, total 55; top 2 customers (20%) = 10 + 9 = 19 -> 19/55.
    values = pd.Series(np.arange(1, 11, dtype=float), index=pd.Index(range(101, 111), name="customer_id"))
    result = value.pareto_table(values)
    assert result.top_share == pytest.approx(19 / 55)
    assert result.table.index[0] == 110 and result.table["rank"].tolist() == list(range(1, 11))
    assert result.table["customer_share"].iloc[1] == pytest.approx(0.2)
    assert result.table["cumulative_value_share"].tolist() == pytest.approx(np.cumsum(np.arange(10, 0, -1)) / 55)
    assert result.customers == 10 and result.total == 55
    assert str(result) == "The top 20% of 10 customers bring 34.5% of the total of 55.00."  # 19/55 = 34.5%


def test_pareto_interpolates_between_customers():
    # 4 customers: 300, 50, 40, 10 (total 400). 20% of 4 = 0.8 customer: 0.8 * 300/400 = 0.6.
    assert value.pareto_table([50, 10, 300, 40]).top_share == pytest.approx(0.6)
    # top = 0.3 -> 1.2 customers: 0.75 + 0.2 * 50/400 = 0.775
    assert value.pareto_table([50, 10, 300, 40], top=0.3).top_share == pytest.approx(0.775)
    single = value.pareto_table([5.0])
    assert single.top_share == pytest.approx(0.2)


@pytest.mark.parametrize(
    "values, words",
    [([], "empty"), ([1.0, -2.0], "whale_curve"), ([0.0, 0.0], "add up to 0"), ([1.0, None], "missing"),
     ([1.0, np.inf], "infinite")],
)
def test_pareto_bad_input(values, words):
    with pytest.raises(DataError, match=words):
        value.pareto_table(values)


def test_whale_curve_hand_computed():
    # Profits sorted: 60, 30, 10, -20, -30 (total 50): cumulative 60, 90, 100, 80, 50.
    w = value.whale_curve(pd.Series([60, -20, 30, 10, -30], index=list("abcde")))
    assert w.table["cumulative_profit_share"].tolist() == pytest.approx([1.2, 1.8, 2.0, 1.6, 1.0])
    assert w.peak_height == pytest.approx(2.0) and w.peak_customer_share == pytest.approx(0.6)
    assert w.table.index.tolist() == ["a", "c", "d", "b", "e"]
    # top 20% = the first customer: 60/50 = 1.2. Bottom 30% = what is added after 70% of customers:
    # the curve at 70% lies halfway between 60% (2.0) and 80% (1.6) -> 1.8, so the bottom 30% add 1.0 - 1.8.
    assert w.top_share == pytest.approx(1.2)
    assert w.bottom_share == pytest.approx(1.0 - 1.8)
    assert w.total_profit == 50


def test_whale_curve_kotler_like_example():
    # 10 customers: two bring 80 each, six bring 10, two lose 50 each; total 160 - 100 + 60 = 120.
    profit = [80, 80, 10, 10, 10, 10, 10, 10, -50, -50]
    w = value.whale_curve(profit)
    assert w.top_share == pytest.approx(160 / 120)
    # bottom 30% = the last three: 10 - 50 - 50 = -90 -> -90/120
    assert w.bottom_share == pytest.approx(-90 / 120)
    assert w.peak_height == pytest.approx(220 / 120) and w.peak_customer_share == pytest.approx(0.8)


def test_whale_curve_bad_input():
    with pytest.raises(DataError, match="total profit"):
        value.whale_curve([10, -20])
    with pytest.raises(DataError, match="empty"):
        value.whale_curve([])
    with pytest.raises(DataError, match="top"):
        value.whale_curve([1, 2], top=1.5)


# ---------------------------------------------------------------------------
# clv_simple, clv_historical
# ---------------------------------------------------------------------------


def test_clv_simple_gupta_lehmann_closed_form():
    # Gupta & Lehmann (2003): margin multiple r / (1 + i - r); r = 0.8, i = 0.12 -> 0.8 / 0.32 = 2.5.
    assert value.clv_simple(100, 0.8, 0.12) == pytest.approx(250.0)
    assert value.clv_simple(1, 0.9, 0.12) == pytest.approx(0.9 / 0.22)


@pytest.mark.parametrize("m, r, i", [(100, 0.8, 0.12), (37.5, 0.6, 0.1), (10, 0.95, 0.05), (5, 0.0, 0.1)])
def test_clv_simple_equals_the_infinite_discounted_sum(m, r, i):
    t = np.arange(1, 5001)
    assert value.clv_simple(m, r, i) == pytest.approx(np.sum(m * r**t / (1 + i) ** t), rel=1e-9)


def test_clv_simple_series_and_errors():
    got = value.clv_simple(pd.Series([100.0, 50.0]), 0.8, 0.12)
    assert got.tolist() == pytest.approx([250.0, 125.0])
    with pytest.raises(DataError, match="retention.*0.8 for 80%"):
        value.clv_simple(100, 80, 0.12)
    with pytest.raises(DataError, match="discount"):
        value.clv_simple(100, 0.8, -0.1)
    with pytest.raises(DataError, match="margin must be a number"):
        value.clv_simple("100", 0.8, 0.1)
    with pytest.raises(DataError, match="missing"):
        value.clv_simple(pd.Series([1.0, None]), 0.8, 0.1)


def test_clv_historical_hand_computed():
    orders = pd.DataFrame({
        "customer_id": [1, 1, 2, 2],
        "order_date": pd.to_datetime(["2023-12-31", "2024-12-30", "2024-06-30", "2025-01-05"]),
        "margin": [10.0, -4.0, 5.0, 99.0],
    })
    got = value.clv_historical(orders, "2024-12-30", annual_rate=0.10)
    # customer 1: 10 compounded 365 days (365/365.25 years) + (-4) on as_of
    assert got.loc[1, "past_value"] == pytest.approx(10 * 1.1 ** (365 / 365.25) - 4)
    assert got.loc[2, "past_value"] == pytest.approx(5 * 1.1 ** (183 / 365.25))
    assert got["orders"].tolist() == [2, 1] and got["total"].tolist() == [6.0, 5.0]
    plain = value.clv_historical(orders, "2024-12-30")
    assert plain["past_value"].tolist() == [6.0, 5.0]
    with pytest.raises(DataError, match="annual_rate"):
        value.clv_historical(orders, "2024-12-30", annual_rate=5)
    with pytest.raises(DataError, match='value_col="<your column name>"'):
        value.clv_historical(orders.drop(columns="margin"), "2024-12-30")


# ---------------------------------------------------------------------------
# clv_summary
# ---------------------------------------------------------------------------


def test_clv_summary_hand_computed():
    orders = orders_table([
        (1, "2025-01-01", 10.0),
        (1, "2025-01-08 10:00", 20.0),  # two orders on Jan 8: one purchase day of 25
        (1, "2025-01-08 18:00", 5.0),
        (1, "2025-01-15", 15.0),
        (2, "2025-01-10", 40.0),
        (2, "2025-02-10", 40.0),  # after as_of
    ])
    got = value.clv_summary(orders, "2025-01-29")
    # customer 1: 3 purchase days -> frequency 2; recency Jan 1 -> Jan 15 = 14; T Jan 1 -> Jan 29 = 28;
    # monetary = mean(25, 15) = 20. Customer 2: one day -> 0, 0, 19, 0.
    expected = pd.DataFrame(
        {"frequency": [2, 0], "recency": [14.0, 0.0], "T": [28.0, 19.0], "monetary_value": [20.0, 0.0]},
        index=pd.Index([1, 2], name="customer_id"),
    )
    pd.testing.assert_frame_equal(got, expected)
    assert got.attrs["time_unit"] == "days"
    weeks = value.clv_summary(orders, "2025-01-29", time_unit="weeks")
    assert weeks["T"].tolist() == pytest.approx([4.0, 19 / 7]) and weeks.attrs["time_unit"] == "weeks"
    no_money = value.clv_summary(orders, "2025-01-29", amount_col=None)
    assert list(no_money.columns) == ["frequency", "recency", "T"]


@pytest.mark.parametrize("time_unit, divide", [("days", 1.0), ("weeks", 7.0)])
def test_clv_summary_matches_lifetimes(lifetimes, time_unit, divide):
    rng = np.random.default_rng(11)
    n = 3000
    orders = pd.DataFrame({
        "customer_id": rng.integers(1, 400, n),
        "order_date": pd.Timestamp("2024-01-01") + pd.to_timedelta(rng.integers(0, 500, n), unit="D")
        + pd.to_timedelta(rng.integers(0, 86400, n), unit="s"),
        "amount": rng.gamma(2.0, 30.0, n).round(2),
    })
    as_of = "2025-03-31"
    got = value.clv_summary(orders, as_of, time_unit=time_unit)
    with _quiet():
        ref = lifetimes.utils.summary_data_from_transaction_data(
            orders, "customer_id", "order_date", monetary_value_col="amount", observation_period_end=as_of, freq="D"
        )
    ref[["recency", "T"]] = ref[["recency", "T"]] / divide  # our weeks = days / 7 (lifetimes' freq="W" floors)
    ref = ref.sort_index()
    assert got.index.tolist() == ref.index.tolist()
    for col in ["frequency", "recency", "T", "monetary_value"]:
        np.testing.assert_allclose(got[col].to_numpy(float), ref[col].to_numpy(float), rtol=1e-12, err_msg=col)


def test_clv_summary_errors_and_edges():
    with pytest.raises(DataError, match='time_unit="months"'):
        value.clv_summary(ORDERS, "2025-03-31", time_unit="months")
    with pytest.raises(DataError, match="before every order"):
        value.clv_summary(ORDERS, "2020-01-01")
    with pytest.raises(DataError, match="negative"):
        value.clv_summary(orders_table([(1, "2025-01-01", -3.0)]), "2025-03-31")
    refunds = orders_table([(1, "2025-01-01", 10.0), (1, "2025-01-05", -3.0), (1, "2025-01-09", 20.0)])
    got = value.clv_summary(refunds, "2025-01-10", allow_refunds=True)
    assert got.loc[1].tolist() == [1, 8.0, 9.0, 20.0]  # the refund is not a purchase
    # A customer whose first purchase is on as_of has T = 0: allowed (adds nothing to the likelihood).
    first_today = value.clv_summary(ORDERS, "2025-03-31 18:00")
    assert first_today.loc[3].tolist() == [1, 31.0, 31.0, 40.0]  # Feb 28 then Mar 31 (on as_of, counted)
    assert value.clv_summary(ORDERS[ORDERS["customer_id"] == 4], "2025-05-05")["T"].tolist() == [0.0]
    newcomer = pd.DataFrame({"frequency": [0], "recency": [0.0], "T": [0.0]})
    model = value.BetaGeo()
    model.params_ = pd.Series(FHL_BGNBD)
    assert model.p_alive(newcomer).iloc[0] == 1.0
    from custlearn.value._btyd import _bgnbd_loglik

    assert _bgnbd_loglik(np.array(list(FHL_BGNBD.values())), np.zeros(1), np.zeros(1), np.zeros(1))[0] == \
        pytest.approx(0.0, abs=1e-12)
    empty = value.clv_summary(ORDERS.iloc[:0], "2025-03-31")
    assert len(empty) == 0 and list(empty.columns) == ["frequency", "recency", "T", "monetary_value"]


# ---------------------------------------------------------------------------
# BG/NBD
# ---------------------------------------------------------------------------

FHL_BGNBD = {"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426}  # FHL 2005, CDNOW sample (2357 customers), weeks




def test_bgnbd_log_likelihood_is_eq6_written_plainly():
    from scipy.special import beta as B
    from scipy.special import gamma as G

    from custlearn.value._btyd import _bgnbd_loglik

    r, alpha, a, b = 0.5, 3.0, 1.2, 2.5
    x = np.array([0, 1, 3, 7.0])
    t_x = np.array([0, 4.0, 10.5, 20.0])
    T = np.array([12.0, 20, 30, 25])
    # The FHL (2005) likelihood in its original (non-log) form, as in their Excel note 004.
    A = B(a, b + x) / B(a, b) * G(r + x) * alpha**r / (G(r) * (alpha + T) ** (r + x))
    C = (x > 0) * B(a + 1, b + x - 1) / B(a, b) * G(r + x) * alpha**r / (G(r) * (alpha + t_x) ** (r + x))
    np.testing.assert_allclose(_bgnbd_loglik(np.array([r, alpha, a, b]), x, t_x, T), np.log(A + C), rtol=1e-12)


def test_bgnbd_gradient_matches_finite_differences():
    from scipy.optimize import approx_fprime

    from custlearn.value._btyd import _bgnbd_loglik

    s = value.simulate_bgnbd(300, 0.4, 5.0, 0.9, 2.0, 40.0, seed=2)
    x, t_x, T = (s[c].to_numpy(float) for c in ("frequency", "recency", "T"))
    params = np.array([0.6, 4.0, 1.3, 2.8])
    _, grads = _bgnbd_loglik(params, x, t_x, T, gradient=True)
    numeric = approx_fprime(params, lambda p: _bgnbd_loglik(p, x, t_x, T).sum(), 1e-7)
    np.testing.assert_allclose([g.sum() for g in grads], numeric, rtol=1e-4)


def test_bgnbd_reproduces_fader_hardie_lee_cdnow(cdnow, lifetimes):
    model = value.BetaGeo().fit(cdnow[["frequency", "recency", "T"]], time_unit="weeks")
    for name, published in FHL_BGNBD.items():
        assert model.params_[name] == pytest.approx(published, abs=1.5e-3), name
    assert model.log_likelihood_ == pytest.approx(-9582.4, abs=0.1)  # FHL 2005, CDNOW
    with _quiet():
        ref = lifetimes.BetaGeoFitter().fit(cdnow["frequency"], cdnow["recency"], cdnow["T"])
    for name in FHL_BGNBD:
        assert model.params_[name] == pytest.approx(ref.params_[name], rel=1e-4), name


def test_bgnbd_predictions_match_lifetimes(cdnow, lifetimes):
    model = value.BetaGeo()
    model.params_ = pd.Series(FHL_BGNBD)
    with _quiet():
        ref = lifetimes.BetaGeoFitter()
        ref.params_ = pd.Series(FHL_BGNBD)
        ref_alive = ref.conditional_probability_alive(cdnow["frequency"], cdnow["recency"], cdnow["T"])
        ref_39 = ref.conditional_expected_number_of_purchases_up_to_time(
            39, cdnow["frequency"], cdnow["recency"], cdnow["T"])
    np.testing.assert_allclose(model.p_alive(cdnow).to_numpy(), np.asarray(ref_alive), rtol=1e-10)
    np.testing.assert_allclose(model.expected_purchases(cdnow, 39).to_numpy(), np.asarray(ref_39), rtol=1e-10)
    # Customer 1 of CDNOW (x=2, t_x=30.43, T=38.86): 1.226 purchases expected in the next 39 weeks.
    assert model.expected_purchases(cdnow.loc[[1]], 39).iloc[0] == pytest.approx(1.226, abs=5e-4)
    # One-time buyers are alive with probability 1 in the BG/NBD.
    assert (model.p_alive(cdnow)[cdnow["frequency"] == 0] == 1).all()
    assert model.expected_purchases(cdnow.iloc[:3], 0).tolist() == pytest.approx([0, 0, 0])


def test_bgnbd_recovers_simulated_parameters():
    truth = {"r": 0.3, "alpha": 6.0, "a": 0.7, "b": 2.2}
    s = value.simulate_bgnbd(20_000, *truth.values(), T=104.0, seed=4)
    model = value.BetaGeo().fit(s, time_unit="weeks")
    for name, true in truth.items():
        assert model.params_[name] == pytest.approx(true, rel=0.15), name


def test_bgnbd_errors(cdnow):
    with pytest.raises(DataError, match=r'summary\["T"\]'):
        value.BetaGeo().fit(cdnow.drop(columns="T"))
    with pytest.raises(DataError, match="transposed"):
        value.BetaGeo().fit(cdnow.iloc[:5].T)
    with pytest.raises(DataError, match="not fitted"):
        value.BetaGeo().p_alive(cdnow)
    with pytest.raises(DataError, match="RFM recency"):
        value.BetaGeo().fit(cdnow.assign(recency=cdnow["T"] - cdnow["recency"]))
    with pytest.raises(DataError, match="recency > T"):
        value.BetaGeo().fit(cdnow.assign(recency=cdnow["recency"] * 3))
    with pytest.raises(DataError, match="No customer .* repeat purchase"):
        value.BetaGeo().fit(cdnow.assign(frequency=0, recency=0.0))
    with pytest.raises(DataError, match="whole numbers"):
        value.BetaGeo().fit(cdnow.assign(frequency=cdnow["frequency"] + 0.5))
    with pytest.raises(DataError, match="time_unit"):
        value.BetaGeo().fit(cdnow, time_unit="months")
    days = cdnow.copy()
    days.attrs["time_unit"] = "days"
    model = value.BetaGeo().fit(cdnow, time_unit="weeks")
    with pytest.raises(DataError, match="summary is in days"):
        model.p_alive(days)
    with pytest.raises(DataError, match="t must be"):
        model.expected_purchases(cdnow, -1)


def test_bgnbd_on_clv_summary_output_carries_the_unit():
    s = value.simulate_bgnbd(2000, 0.5, 5.0, 1.0, 3.0, 52.0, seed=9)
    s.attrs["time_unit"] = "weeks"
    model = value.BetaGeo().fit(s)
    assert model.time_unit_ == "weeks" and "weeks" in repr(model)


# ---------------------------------------------------------------------------
# Gamma-Gamma and clv
# ---------------------------------------------------------------------------

FHL_GG = {"p": 6.25, "q": 3.74, "v": 15.44}  # FHL 2005 (JMR), CDNOW; Fader & Hardie (2013) note


def test_gamma_gamma_reproduces_published_cdnow(cdnow, lifetimes):
    model = value.GammaGamma().fit(cdnow)
    for name, published in FHL_GG.items():
        assert model.params_[name] == pytest.approx(published, abs=0.01), name
    repeat = cdnow[cdnow["frequency"] > 0]
    with _quiet():
        ref = lifetimes.GammaGammaFitter().fit(repeat["frequency"], repeat["monetary_value"])
        ref_spend = ref.conditional_expected_average_profit(cdnow["frequency"], cdnow["monetary_value"])
    for name in FHL_GG:
        assert model.params_[name] == pytest.approx(ref.params_[name], rel=1e-4), name
    np.testing.assert_allclose(model.expected_spend(cdnow).to_numpy(), np.asarray(ref_spend), rtol=1e-4)


def test_gamma_gamma_expected_spend_formula():
    model = value.GammaGamma()
    model.params_ = pd.Series(FHL_GG)
    s = pd.DataFrame({"frequency": [0, 2, 10], "monetary_value": [0.0, 22.35, 40.0]})
    p, q, v = FHL_GG.values()
    # FHL 2005b eq. (5): weighted average of population mean p v / (q - 1) and the customer's mean.
    pop = p * v / (q - 1)
    want = [pop] + [(q - 1) / (p * x + q - 1) * pop + p * x / (p * x + q - 1) * m for x, m in [(2, 22.35), (10, 40.0)]]
    assert model.expected_spend(s).tolist() == pytest.approx(want)


def test_gamma_gamma_errors(cdnow):
    with pytest.raises(DataError, match="positive"):
        value.GammaGamma().fit(cdnow.assign(monetary_value=0.0))
    with pytest.raises(DataError, match="only 1"):
        value.GammaGamma().fit(pd.DataFrame({"frequency": [0, 1], "monetary_value": [0.0, 5.0]}))
    with pytest.raises(DataError, match='"monetary_value" is not in the summary'):
        value.GammaGamma().fit(cdnow.drop(columns="monetary_value"))
    model = value.GammaGamma()
    model.params_ = pd.Series({"p": 2.0, "q": 0.9, "v": 3.0})
    with pytest.raises(DataError, match="infinite"):
        model.expected_spend(cdnow)


@pytest.fixture(scope="module")
def fitted(cdnow):
    bg, gg = value.BetaGeo(), value.GammaGamma()
    bg.params_ = pd.Series(FHL_BGNBD)
    gg.params_ = pd.Series(FHL_GG)
    return bg, gg


@pytest.mark.parametrize("months, rate", [(12, 0.01), (24, 0.0), (6, 0.03)])
def test_clv_matches_lifetimes_weeks(cdnow, lifetimes, fitted, months, rate):
    bg, gg = fitted
    got = value.clv(bg, gg, cdnow, months=months, discount_rate=rate, time_unit="weeks", days_per_month=4.345 * 7)
    with _quiet():
        ref_bg = lifetimes.BetaGeoFitter()
        ref_bg.params_ = pd.Series(FHL_BGNBD)
        ref_bg.predict = ref_bg.conditional_expected_number_of_purchases_up_to_time  # set by .fit()
        ref_gg = lifetimes.GammaGammaFitter()
        ref_gg.params_ = pd.Series(FHL_GG)
        ref = ref_gg.customer_lifetime_value(ref_bg, cdnow["frequency"], cdnow["recency"], cdnow["T"],
                                             cdnow["monetary_value"], time=months, discount_rate=rate, freq="W")
    np.testing.assert_allclose(got["clv"].to_numpy(), np.asarray(ref), rtol=1e-8)


def test_clv_matches_lifetimes_days(cdnow, lifetimes):
    days = cdnow.assign(recency=cdnow["recency"] * 7, T=cdnow["T"] * 7)
    params = {**FHL_BGNBD, "alpha": FHL_BGNBD["alpha"] * 7}  # alpha is in time units: weeks -> days
    bg, gg = value.BetaGeo(), value.GammaGamma()
    bg.params_, gg.params_ = pd.Series(params), pd.Series(FHL_GG)
    got = value.clv(bg, gg, days, months=12, discount_rate=0.01, time_unit="days", days_per_month=30)
    with _quiet():
        ref_bg = lifetimes.BetaGeoFitter()
        ref_bg.params_ = pd.Series(params)
        ref_bg.predict = ref_bg.conditional_expected_number_of_purchases_up_to_time  # set by .fit()
        ref_gg = lifetimes.GammaGammaFitter()
        ref_gg.params_ = pd.Series(FHL_GG)
        ref = ref_gg.customer_lifetime_value(ref_bg, days["frequency"], days["recency"], days["T"],
                                             days["monetary_value"], time=12, discount_rate=0.01, freq="D")
    np.testing.assert_allclose(got["clv"].to_numpy(), np.asarray(ref), rtol=1e-8)


def test_clv_units(cdnow, fitted):
    bg, gg = fitted
    monthly = value.clv(bg, gg, cdnow, discount_rate=0.01, time_unit="weeks")
    yearly = value.clv(bg, gg, cdnow, discount_rate=1.01**12 - 1, rate_per="year", time_unit="weeks")
    np.testing.assert_allclose(monthly["clv"], yearly["clv"], rtol=1e-12)
    # Horizon: expected purchases over 12 months = E[Y(12 * 30.4375 / 7 weeks)].
    np.testing.assert_allclose(monthly["expected_purchases"], bg.expected_purchases(cdnow, 365.25 / 7), rtol=1e-12)
    # No discount: CLV = spend x purchases.
    flat = value.clv(bg, gg, cdnow, discount_rate=0.0, time_unit="weeks")
    np.testing.assert_allclose(flat["clv"], flat["expected_spend"] * flat["expected_purchases"], rtol=1e-12)
    with pytest.raises(DataError, match='annual rate.*rate_per="year"'):
        value.clv(bg, gg, cdnow, discount_rate=0.12, time_unit="weeks")
    with pytest.raises(DataError, match="time unit of the summary is unknown"):
        value.clv(bg, gg, cdnow)
    with pytest.raises(DataError, match='rate_per="week"'):
        value.clv(bg, gg, cdnow, rate_per="week", time_unit="weeks")
    with pytest.raises(DataError, match="months must be"):
        value.clv(bg, gg, cdnow, months=0, time_unit="weeks")
    tagged = cdnow.copy()
    tagged.attrs["time_unit"] = "weeks"
    with pytest.raises(DataError, match='time_unit="days" was given'):
        value.clv(bg, gg, tagged, time_unit="days")
    weekly_model = value.BetaGeo()
    weekly_model.params_, weekly_model.time_unit_ = bg.params_, "weeks"
    with pytest.raises(DataError, match="fitted on a summary in weeks"):
        value.clv(weekly_model, gg, cdnow, time_unit="days")
    with pytest.raises(DataError, match="fitted BetaGeo"):
        value.clv(gg, bg, cdnow, time_unit="weeks")


def simulate_orders(n_customers, seed):
    """Orders from a BG/NBD-like process: Gamma purchase rates (per day), Beta drop-out, Gamma spend."""
    rng = np.random.default_rng(seed)
    rows = []
    start, end = pd.Timestamp("2024-01-01"), pd.Timestamp("2025-09-30")
    span = (end - start).days
    for cid in range(1, n_customers + 1):
        lam, p, mean = rng.gamma(0.6, 1 / 40), rng.beta(1.0, 3.0), rng.gamma(4.0, 15.0)
        day = int(rng.integers(0, span // 2))
        rows.append((cid, day, rng.gamma(5.0, mean / 5.0)))
        while True:
            day += int(np.ceil(rng.exponential(1 / lam)))
            if day > span:
                break
            rows.append((cid, day, rng.gamma(5.0, mean / 5.0)))
            if rng.random() < p:
                break
    frame = pd.DataFrame(rows, columns=["customer_id", "day", "amount"])
    frame["order_date"] = start + pd.to_timedelta(frame.pop("day"), unit="D")
    return frame, end


def test_end_to_end_from_orders():
    orders, end = simulate_orders(3000, seed=3)
    summary = value.clv_summary(orders, end, time_unit="weeks")
    bg = value.BetaGeo().fit(summary)
    gg = value.GammaGamma().fit(summary)
    out = value.clv(bg, gg, summary, months=12, discount_rate=0.1, rate_per="year")
    assert out.index.equals(summary.index) and (out["clv"] >= 0).all()
    assert bg.time_unit_ == "weeks"
    # Weekly rates: Gamma(0.6, 40 days) = Gamma(r=0.6, alpha=40/7 weeks); drop-out Beta(1, 3).
    assert bg.params_["r"] == pytest.approx(0.6, rel=0.3)
    assert bg.params_["alpha"] == pytest.approx(40 / 7, rel=0.35)


def test_fit_at_the_edge_says_why():
    rng = np.random.default_rng(3)
    n = 5000  # made-up uniform orders: every customer buys at the same rate and nobody leaves
    orders = pd.DataFrame({
        "customer_id": rng.integers(1, 600, n),
        "order_date": pd.Timestamp("2024-01-01") + pd.to_timedelta(rng.integers(0, 600, n), unit="D"),
        "amount": rng.gamma(3.0, 20.0, n),
    })
    summary = value.clv_summary(orders, "2025-09-30", time_unit="weeks")
    model = value.BetaGeo().fit(summary)
    assert model.edge_ and "edge of the search range" in repr(model)
    assert model.p_alive(summary).between(0, 1).all()
    fine = value.BetaGeo().fit(value.simulate_bgnbd(5000, 0.5, 5.0, 1.0, 3.0, 52.0, seed=1))
    assert fine.edge_ == [] and "edge" not in repr(fine)


def _title(ax):
    # set_theme() puts titles on the left (axes.titlelocation), where get_title() does not look.
    return " ".join(ax.get_title(loc=loc) for loc in ("left", "center", "right")).strip()


def test_charts_draw_label_and_check_input():
    import matplotlib as mpl
    import matplotlib.pyplot as plt

    from custlearn.plots import value as charts
    from custlearn import plots

    with mpl.rc_context():  # set_theme() changes global settings: restore them for other tests
        plots.set_theme()
        _draw_and_check_charts(charts, plt)


def _draw_and_check_charts(charts, plt):
    scores = value.rfm_scores(value.rfm(ORDERS, "2025-03-31"))
    drawn = [
        charts.pareto_chart(value.pareto_table([50, 10, 300, 40])),
        charts.whale_chart(value.whale_curve([60, -20, 30, 10, -30])),
        charts.rfm_segment_chart(value.rfm_segments(scores)),
        charts.p_alive_chart([0.2, 0.9, 1.0]),
        charts.clv_distribution_chart([5.0, 10.0, 80.0]),
    ]
    try:
        for ax in drawn:
            assert _title(ax) and ax.get_xlabel() and ax.get_ylabel() is not None
        assert "Pareto" in _title(drawn[0]) and "Whale" in _title(drawn[1])
        # The whale curve's peak (200% at 60% of customers) is marked.
        xs, ys = drawn[1].lines[2].get_data()
        assert (float(xs[0]), float(ys[0])) == pytest.approx((0.6, 2.0))
        # RFM segments in rule order (Champions before Lost ...).
        labels = [t.get_text() for t in drawn[2].get_yticklabels()]
        order = list(value.RFM_SEGMENT_RULES["segment"]) + ["Others"]
        assert labels == sorted(labels, key=order.index)
        with pytest.raises(DataError, match="probabilities"):
            charts.p_alive_chart([0.5, 1.5])
        with pytest.raises(DataError, match="total profit"):
            charts.whale_chart([-5.0, 1.0])
        with pytest.raises(DataError, match='"segment" is not in the segments table'):
            charts.rfm_segment_chart(scores)
    finally:
        plt.close("all")


def test_import_is_light():
    import subprocess
    import sys

    code = ("import sys, custlearn.value; "
            "print(sorted(m for m in ('scipy', 'matplotlib', 'seaborn', 'sklearn') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# ---------------------------------------------------------------- customer_profit (profit after cost to serve)


def _profit_tables():
    # Hand-computed (datasets/README.md, "Profit per customer"):
    # customer 1: kept margin 50 + 30 = 80 (the 40 of the returned order is lost), return cost 9.5,
    #             tickets 5 + 7 = 12, acquisition 20  -> 80 - 9.5 - 12 - 20 = 38.5
    # customer 2: margin 15, no returns, ticket 21, acquisition 30 -> 15 - 21 - 30 = -36
    # customer 3: nothing bought (a prospect), acquisition 10 -> -10
    # customer 4: only a returned order: margin 0, return cost 12, acquisition 5 -> -17
    customers = pd.DataFrame({"customer_id": [1, 2, 3, 4], "acquisition_cost": [20.0, 30.0, 10.0, 5.0]})
    orders = pd.DataFrame({
        "customer_id": [1, 1, 2, 1, 4],
        "margin": [50.0, 40.0, 15.0, 30.0, 25.0],
        "returned": [False, True, False, False, True],
        "return_cost": [0.0, 9.5, 0.0, 0.0, 12.0],
    })
    tickets = pd.DataFrame({"customer_id": [1, 2, 1], "handling_cost": [5.0, 21.0, 7.0]})
    return customers, orders, tickets


def test_customer_profit_hand_computed():
    customers, orders, tickets = _profit_tables()
    out = value.customer_profit(customers, orders, tickets)
    assert list(out.columns) == ["margin", "return_cost", "service_cost", "acquisition_cost", "profit"]
    assert out.index.name == "customer_id" and list(out.index) == [1, 2, 3, 4]
    assert out["margin"].tolist() == [80.0, 15.0, 0.0, 0.0]
    assert out["return_cost"].tolist() == [9.5, 0.0, 0.0, 12.0]
    assert out["service_cost"].tolist() == [12.0, 21.0, 0.0, 0.0]
    assert out["profit"].tolist() == pytest.approx([38.5, -36.0, -10.0, -17.0])
    # without tickets there is no service cost
    assert value.customer_profit(customers, orders)["profit"].tolist() == pytest.approx([50.5, -15.0, -10.0, -17.0])
    # no orders at all: everybody costs their acquisition
    none = value.customer_profit(customers, orders.iloc[:0], tickets.iloc[:0])
    assert none["profit"].tolist() == [-20.0, -30.0, -10.0, -5.0]


def test_customer_profit_custom_columns_and_inputs_unchanged():
    customers, orders, tickets = _profit_tables()
    before = [customers.copy(), orders.copy(), tickets.copy()]
    c = customers.rename(columns={"customer_id": "client", "acquisition_cost": "cac"})
    o = orders.rename(columns={"customer_id": "client", "margin": "gm", "returned": "ret", "return_cost": "rc"})
    t = tickets.rename(columns={"customer_id": "client", "handling_cost": "cost"})
    out = value.customer_profit(c, o, t, customer_col="client", margin_col="gm", returned_col="ret",
                                return_cost_col="rc", handling_cost_col="cost", acquisition_cost_col="cac")
    assert out.index.name == "client"
    assert out["profit"].tolist() == pytest.approx([38.5, -36.0, -10.0, -17.0])
    for a, b in zip((customers, orders, tickets), before):
        pd.testing.assert_frame_equal(a, b)


def test_customer_profit_on_the_shipped_shop_matches_the_readme_formula():
    from custlearn import datasets

    shop = datasets.load("shop")
    out = value.customer_profit(shop)
    assert len(out) == len(shop.customers)
    o, t = shop.orders, shop.tickets
    ids = shop.customers["customer_id"]
    expected = (o.loc[~o["returned"]].groupby("customer_id")["margin"].sum().reindex(ids, fill_value=0)
                - o.groupby("customer_id")["return_cost"].sum().reindex(ids, fill_value=0)
                - t.groupby("customer_id")["handling_cost"].sum().reindex(ids, fill_value=0)
                - shop.customers.set_index("customer_id")["acquisition_cost"])
    np.testing.assert_allclose(out["profit"].to_numpy(), expected.to_numpy())
    whale = value.whale_curve(out["profit"])
    assert whale.peak_height > 1.2 and whale.bottom_share < 0  # README section 6: Kotler's 20/80/30 holds


@pytest.mark.parametrize(
    "change, words",
    [
        (lambda c, o, t: (c.drop(columns="acquisition_cost"), o, t), 'acquisition_cost_col="'),
        (lambda c, o, t: (c, o.drop(columns="margin"), t), 'margin_col="'),
        (lambda c, o, t: (c, o.drop(columns="return_cost"), t), 'return_cost_col="'),
        (lambda c, o, t: (c, o, t.drop(columns="handling_cost")), 'handling_cost_col="'),
        (lambda c, o, t: (c, o.assign(margin=o["margin"].astype(str)), t), "numbers are expected"),
        (lambda c, o, t: (c, o.assign(margin=[1.0, np.nan, 2.0, 3.0, 4.0]), t), "missing value"),
        (lambda c, o, t: (c, o.assign(returned=["no", "yes", "no", "no", "yes"]), t), "true/false"),
        (lambda c, o, t: (c.assign(customer_id=[1, 1, 3, 4]), o, t), "repeated id"),
        (lambda c, o, t: (c, o.assign(customer_id=[1, 1, 2, 1, 9]), t), "not in the customers table"),
        (lambda c, o, t: (c, o, t.assign(customer_id=[1, 2, 7])), "tickets has 1 row"),
        (lambda c, o, t: (c.iloc[:0], o, t), "at least 1"),
        (lambda c, o, t: (c.to_dict(), o, t), "must be a pandas DataFrame"),
    ],
)
def test_customer_profit_bad_input_raises_dataerror(change, words):
    customers, orders, tickets = change(*_profit_tables())
    with pytest.raises(DataError, match=words):
        value.customer_profit(customers, orders, tickets)


def test_customer_profit_needs_the_orders():
    customers, _, _ = _profit_tables()
    with pytest.raises(DataError, match="needs the orders"):
        value.customer_profit(customers)


# ---------------------------------------------------------------- the lesson's "Try it" widget (clv_calculator)


def _clv_widget_texts(out):
    return [o["data"].get("text/markdown", o["data"].get("text/plain", "")) for o in out.outputs]


def test_clv_calculator_draws_at_once_with_the_gupta_lehmann_value():
    from custlearn import widgets

    box = widgets.clv_calculator(margin=100, retention=0.8, discount=0.12)
    out = box.children[-1]
    text = _clv_widget_texts(out)[0]
    # Gupta & Lehmann (2003): multiple r / (1 + i - r) = 0.8 / 0.32 = 2.5; CLV = 100 x 2.5 = 250
    assert text.startswith("**CLV = USD 100 × 80% / (1 + 12% − 80%) = USD 250**; margin multiple **2.50**")
    # first 5 years: sum_{t=1..5} 100 (0.8/1.12)^t = 203.1 = 81% of 250
    assert "The first 5 years bring 81% of it" in text
    assert "image/png" in out.outputs[1]["data"]
    assert repr(box).startswith("Try it: move the margin, the retention rate and the discount rate")


def test_clv_calculator_redraws_and_handles_zero_retention():
    from custlearn import widgets

    box = widgets.clv_calculator(margin=100, retention=0.8, discount=0.12)
    margin, retention, discount = box.children[1].children
    out = box.children[-1]
    retention.value = 0.9  # 0.9 / 0.22 = 4.09; CLV 409 (the clv_simple doctest)
    assert "= USD 409**; margin multiple **4.09**" in _clv_widget_texts(out)[0]
    margin.value = 200
    assert "= USD 818**" in _clv_widget_texts(out)[0]
    retention.value = 0.0
    text = _clv_widget_texts(out)[0]
    assert "= USD 0**" in text and "brings nothing" in text


def test_rfm_cutoff_explorer_counts_the_framed_corner():
    from custlearn import value, widgets

    orders = pd.DataFrame({
        "customer_id": [1, 2, 2, 3, 3, 3, 4, 4, 4, 4],
        "order_date": pd.to_datetime(["2024-01-05", "2024-03-01", "2024-05-01", "2024-04-01", "2024-05-01",
                                      "2024-06-01", "2024-06-10", "2024-06-15", "2024-06-20", "2024-06-25"]),
        "amount": [10.0, 20.0, 20.0, 30.0, 30.0, 30.0, 25.0, 25.0, 25.0, 25.0],
    })
    scores = value.rfm_scores(value.rfm(orders, "2024-06-30"), bins=2)
    box = widgets.rfm_cutoff_explorer(scores, min_recency=2, min_frequency=2)
    note = box.children[-1].outputs[0]["data"]["text/markdown"]
    # by hand: customers 3 and 4 are the most recent and most frequent (scores 2, 2);
    # they spent 90 + 100 of the 240 in total = 79%
    assert note.startswith("**Selected (R ≥ 2 and F ≥ 2): 2 customers, 50% of buyers, 79% of revenue.**")
    assert "image/png" in box.children[-1].outputs[1]["data"]
    box.children[1].children[1].value = 1
    note = box.children[-1].outputs[0]["data"]["text/markdown"]
    assert "R ≥ 2 and F ≥ 1" in note


# ---------------------------------------------------------------- CLV horizons in any time unit (issue 17)


def test_clv_horizon_in_weeks_and_days(cdnow, fitted):
    bg, gg = fitted
    months = value.clv(bg, gg, cdnow, months=12, discount_rate=0.01, time_unit="weeks")
    same = value.clv(bg, gg, cdnow, horizon=12, horizon_unit="months", discount_rate=0.01, time_unit="weeks")
    pd.testing.assert_frame_equal(months, same)
    default = value.clv(bg, gg, cdnow, discount_rate=0.01, time_unit="weeks")  # 12 months when nothing is given
    pd.testing.assert_frame_equal(months, default)
    # No discounting: CLV = E[spend] * E[Y(horizon)], whatever the steps (52 weeks = 364 days).
    flat_weeks = value.clv(bg, gg, cdnow, horizon=52, horizon_unit="weeks", discount_rate=0.0, time_unit="weeks")
    flat_days = value.clv(bg, gg, cdnow, horizon=364, horizon_unit="days", discount_rate=0.0, time_unit="weeks")
    np.testing.assert_allclose(flat_weeks["expected_purchases"], bg.expected_purchases(cdnow, 52), rtol=1e-12)
    np.testing.assert_allclose(flat_weeks["clv"], flat_weeks["expected_spend"] * bg.expected_purchases(cdnow, 52),
                               rtol=1e-12)
    np.testing.assert_allclose(flat_days["clv"], flat_weeks["clv"], rtol=1e-9)
    # Discounted: 52 weekly steps (364 days) vs 12 monthly steps (365.25 days), same monthly rate: within 1%.
    weeks = value.clv(bg, gg, cdnow, horizon=52, horizon_unit="weeks", discount_rate=0.01, time_unit="weeks")
    ratio = weeks["clv"].sum() / months["clv"].sum()
    assert 0.99 < ratio < 1.01
    # Discounting by hand for one customer: week k discounted (1.01) ** (7 k / 30.4375).
    row = cdnow.iloc[[5]]
    cumulative = np.array([bg.expected_purchases(row, k).iloc[0] for k in range(0, 40)])
    spend = gg.expected_spend(row).iloc[0]
    by_hand = spend * sum((cumulative[k] - cumulative[k - 1]) / 1.01 ** (7 * k / (365.25 / 12)) for k in range(1, 40))
    got = value.clv(bg, gg, row, horizon=39, horizon_unit="weeks", discount_rate=0.01, time_unit="weeks")
    assert got["clv"].iloc[0] == pytest.approx(by_hand, rel=1e-12)


def test_clv_horizon_errors(cdnow, fitted):
    bg, gg = fitted
    with pytest.raises(DataError, match='months must be a whole number of months, but 8.97 was given.*horizon=39, '
                                        'horizon_unit="weeks"'):
        value.clv(bg, gg, cdnow, months=8.97, time_unit="weeks")
    with pytest.raises(DataError, match="Give the horizon once"):
        value.clv(bg, gg, cdnow, months=12, horizon=52, horizon_unit="weeks", time_unit="weeks")
    with pytest.raises(DataError, match='horizon_unit="years"'):
        value.clv(bg, gg, cdnow, horizon=1, horizon_unit="years", time_unit="weeks")
    with pytest.raises(DataError, match="horizon must be a whole number of weeks.*in days"):
        value.clv(bg, gg, cdnow, horizon=2.5, horizon_unit="weeks", time_unit="weeks")
    with pytest.raises(DataError, match="horizon must be a whole number"):
        value.clv(bg, gg, cdnow, horizon=0, horizon_unit="days", time_unit="weeks")


# ---------------------------------------------------------------- population expectation, holdout, tracking


def simulate_bgnbd_orders(n, *, r=0.8, alpha_days=56.0, a=0.6, b=3.0, start="2024-01-01", days=730,
                          born_within=365, seed=0):
    """Orders drawn from the BG/NBD story in continuous time (days), then cut to calendar days.

    Customer i starts (first purchase) on a random day of the first ``born_within`` days; while
    alive buys as a Poisson process with rate lambda ~ Gamma(r, alpha) per day; after each repeat
    purchase leaves with probability p ~ Beta(a, b). A repeat purchase at time t after the first is
    dated on day floor(birth + t).
    """
    rng = np.random.default_rng(seed)
    lam = rng.gamma(r, 1 / alpha_days, n)
    p = rng.beta(a, b, n)
    birth = rng.integers(0, born_within, n)
    times = birth[:, None] + np.cumsum(rng.exponential(1.0, (n, 400)), axis=1) / lam[:, None]
    allowed = rng.geometric(p)  # repeat purchases before leaving (the last one included)
    keep = (times < days) & (np.arange(1, 401)[None, :] <= allowed[:, None])
    rows, cols = np.nonzero(keep)
    customer = np.r_[np.arange(n), rows] + 1
    day = np.r_[birth, np.floor(times[rows, cols])].astype(int)
    orders = pd.DataFrame({"customer_id": customer,
                           "order_date": pd.Timestamp(start) + pd.to_timedelta(day, unit="D"),
                           "amount": np.round(rng.gamma(4.0, 12.0, len(day)), 2)})
    return orders.sort_values(["order_date", "customer_id"], kind="stable").reset_index(drop=True)


def test_expected_purchases_population_matches_lifetimes(lifetimes):
    t = np.array([0.0, 1.0, 13.0, 39.0, 52.0, 78.0, 500.0])
    for params in (FHL_BGNBD, {"r": 0.8, "alpha": 8.0, "a": 0.6, "b": 3.0}, {"r": 2.0, "alpha": 3.0, "a": 1.7, "b": 5.0}):
        ours = value.BetaGeo()
        ours.params_ = pd.Series(params)
        with _quiet():
            ref = lifetimes.BetaGeoFitter()
            ref.params_ = pd.Series(params)
            expected = ref.expected_number_of_purchases_up_to_time(t)
        np.testing.assert_allclose(ours.expected_purchases_population(t), expected, rtol=1e-10, atol=1e-14)
        assert ours.expected_purchases_population(39.0) == pytest.approx(expected[3], rel=1e-10)
    with pytest.raises(DataError, match="t must be a time of 0 or more"):
        ours.expected_purchases_population([1.0, -2.0])
    with pytest.raises(DataError, match="not fitted"):
        value.BetaGeo().expected_purchases_population(10)


def test_expected_purchases_population_matches_a_simulation():
    # simulate_bgnbd draws x = repeat purchases in (0, T]: its mean estimates E[X(T)].
    model = value.BetaGeo()
    model.params_ = pd.Series({"r": 0.5, "alpha": 5.0, "a": 1.2, "b": 3.0})
    for T in (10.0, 52.0):
        sim = value.simulate_bgnbd(200_000, r=0.5, alpha=5.0, a=1.2, b=3.0, T=T, seed=11)
        x = sim["frequency"].to_numpy()
        se = x.std(ddof=1) / np.sqrt(len(x))
        assert abs(x.mean() - model.expected_purchases_population(T)) < 4 * se


@pytest.fixture(scope="module")
def simulated_orders():
    return simulate_bgnbd_orders(6000, seed=5)


def test_calibration_holdout_matches_lifetimes(lifetimes, simulated_orders):
    # One row per purchase day (amounts of a day added): lifetimes averages the holdout's order rows,
    # ours its purchase days; on such a table both are the same.
    orders = simulated_orders.groupby(["customer_id", "order_date"], as_index=False)["amount"].sum()
    ours = value.calibration_holdout(orders, "2024-12-31", "2025-06-30")
    with _quiet():
        ref = lifetimes.utils.calibration_and_holdout_data(
            orders, "customer_id", "order_date", calibration_period_end="2024-12-31",
            observation_period_end="2025-06-30", monetary_value_col="amount")
    ref = ref.rename(columns=lambda c: c.removesuffix("_cal"))
    ref = ref[["frequency", "recency", "T", "monetary_value", "frequency_holdout", "monetary_value_holdout",
               "duration_holdout"]]
    pd.testing.assert_frame_equal(ours, ref, check_dtype=False, check_names=False)
    assert ours.attrs["time_unit"] == "days" and ours["frequency_holdout"].sum() > 1000
    weeks = value.calibration_holdout(orders, "2024-12-31", "2025-06-30", time_unit="weeks")
    np.testing.assert_allclose(weeks[["recency", "T", "duration_holdout"]] * 7, ours[["recency", "T", "duration_holdout"]])


def test_calibration_holdout_counts_purchase_days_not_rows(lifetimes):
    # The trap of issue 17: two orders on one holdout day are ONE purchase.
    orders = orders_table([(1, "2025-01-02", 10.0), (1, "2025-01-20", 5.0), (1, "2025-02-05", 7.0),
                           (1, "2025-02-05", 3.0), (1, "2025-02-09", 1.0), (2, "2025-01-25", 4.0),
                           (2, "2025-02-14", 6.0), (2, "2025-02-14", 6.0), (3, "2025-02-01", 9.0)])
    split = value.calibration_holdout(orders, "2025-01-31", "2025-02-28")
    # customer 1: days 02-05 (two orders) and 02-09 -> 2 purchases (3 rows); customer 2: 02-14 twice -> 1
    assert split["frequency_holdout"].to_dict() == {1: 2, 2: 1}
    assert split["monetary_value_holdout"].to_dict() == {1: 5.5, 2: 12.0}  # per purchase DAY: (10 + 1) / 2, 12 / 1
    assert split.index.tolist() == [1, 2]  # customer 3 first bought in the holdout
    rows = orders[orders["order_date"] > "2025-01-31"].groupby("customer_id").size()
    assert rows.loc[[1, 2]].sum() == 5 and split["frequency_holdout"].sum() == 3
    with _quiet():
        ref = lifetimes.utils.calibration_and_holdout_data(orders, "customer_id", "order_date", "2025-01-31",
                                                           "2025-02-28", monetary_value_col="amount")
    assert ref["frequency_holdout"].to_dict() == {1: 2.0, 2: 1.0}


def test_calibration_holdout_errors_and_refunds():
    orders = orders_table([(1, "2025-01-02", 10.0), (1, "2025-02-03", -4.0), (2, "2025-02-10", 5.0)])
    with pytest.raises(DataError, match="negative"):
        value.calibration_holdout(orders, "2025-01-31", "2025-02-28")
    split = value.calibration_holdout(orders, "2025-01-31", "2025-02-28", allow_refunds=True)
    assert split["frequency_holdout"].tolist() == [0]  # a refund is not a purchase
    with pytest.raises(DataError, match="must be after calibration_end"):
        value.calibration_holdout(orders, "2025-02-28", "2025-02-28")
    with pytest.raises(DataError, match="No order is dated on or before calibration_end=2024-12-01"):
        value.calibration_holdout(orders[orders["amount"] > 0], "2024-12-01", "2025-02-28")
    with pytest.raises(DataError, match="holdout_end=2024-01-01 is before every order"):
        value.calibration_holdout(orders[orders["amount"] > 0], "2023-12-01", "2024-01-01")
    with pytest.raises(DataError, match='calibration_end="soon" is not a date'):
        value.calibration_holdout(orders, "soon", "2025-02-28")


def test_purchase_tracking_sums_the_population_expectation_from_each_birth(lifetimes, simulated_orders):
    orders = simulated_orders
    model = value.BetaGeo()
    model.params_ = pd.Series({"r": 0.8, "alpha": 8.0, "a": 0.6, "b": 3.0})  # the simulation's, in weeks
    table = value.purchase_tracking(model, orders, "2024-12-31", "2025-06-30", time_unit="weeks")
    assert table["week_end"].iloc[-1] == pd.Timestamp("2025-06-30")
    assert (table.loc[table["week_end"] <= "2024-12-31", "period"] == "calibration").all()
    assert pd.Timestamp("2024-12-31") in set(table["week_end"])  # the boundary is a week end
    # Independent: lifetimes' E[X(t)] summed over customers at each week end, ages from each first purchase.
    first = orders.groupby("customer_id")["order_date"].min()
    first = first[first <= "2024-12-31"]
    ages = (table["week_end"].to_numpy()[:, None] - first.to_numpy()[None, :]) / np.timedelta64(7, "D")
    with _quiet():
        ref = lifetimes.BetaGeoFitter()
        ref.params_ = model.params_
        expected = ref.expected_number_of_purchases_up_to_time(np.maximum(ages, 0.0)).sum(axis=1)
    np.testing.assert_allclose(table["predicted_cumulative"], expected, rtol=1e-9)
    # Actual: distinct (customer, day) after each customer's first day, up to each week end.
    days = orders[orders["customer_id"].isin(first.index)].drop_duplicates(["customer_id", "order_date"])
    repeat = days[days["order_date"] > days["customer_id"].map(first)]
    counted = [(repeat["order_date"] <= end).sum() for end in table["week_end"]]
    assert table["actual_cumulative"].tolist() == counted
    assert (table["actual"].cumsum() == table["actual_cumulative"]).all()
    np.testing.assert_allclose(table["predicted"].cumsum(), table["predicted_cumulative"])
    # The true model tracks the simulated purchases (day rounding merges a few purchases: within 3%).
    end = table.iloc[-1]
    assert abs(end["predicted_cumulative"] / end["actual_cumulative"] - 1) < 0.03
    assert table.attrs["customers"] == len(first)


def test_holdout_by_frequency_matches_lifetimes_and_the_simulation(lifetimes, simulated_orders):
    split = value.calibration_holdout(simulated_orders, "2024-12-31", "2025-06-30", time_unit="weeks")
    model = value.BetaGeo()
    model.params_ = pd.Series({"r": 0.8, "alpha": 8.0, "a": 0.6, "b": 3.0})
    table = value.holdout_by_frequency(model, split)
    assert table.index.tolist() == ["0", "1", "2", "3", "4", "5", "6", "7+"]
    assert table["customers"].sum() == len(split)
    with _quiet():
        ref = lifetimes.BetaGeoFitter()
        ref.params_ = model.params_
        predicted = ref.conditional_expected_number_of_purchases_up_to_time(
            split["duration_holdout"], split["frequency"], split["recency"], split["T"])
    group = np.minimum(split["frequency"], 7)
    np.testing.assert_allclose(table["predicted"], pd.Series(np.asarray(predicted)).groupby(group.to_numpy()).mean(),
                               rtol=1e-9)
    np.testing.assert_allclose(table["actual"], split.groupby(group)["frequency_holdout"].mean())
    # With the true parameters, predicted is within sampling error of actual in every sizeable group.
    sizeable = table[table["customers"] >= 100]
    se = (sizeable["actual_upper"] - sizeable["actual"]) / 1.959964
    assert len(sizeable) >= 5
    assert ((sizeable["predicted"] - sizeable["actual"]).abs() < 3.5 * se + 0.03).all(), table
    with pytest.raises(DataError, match="frequency_holdout"):
        value.holdout_by_frequency(model, split.drop(columns="frequency_holdout"))
    with pytest.raises(DataError, match="max_frequency"):
        value.holdout_by_frequency(model, split, max_frequency=0)
    with pytest.raises(DataError, match="split must be the table that calibration_holdout returns"):
        value.holdout_by_frequency(model, split.to_dict())


# ---------------------------------------------------------------- clustering (issue 17)


def test_silhouette_hand_worked_and_equal_to_scikit_learn():
    # Four customers on one feature: 0, 1, 5, 6 (no log, no scaling: distances are plain differences).
    # k = 2, clusters {0, 1} and {5, 6}:
    #   s(0) = (b - a) / max(a, b) with a = 1, b = (5 + 6) / 2 = 5.5 -> 4.5 / 5.5
    #   s(1): a = 1, b = (4 + 5) / 2 = 4.5 -> 3.5 / 4.5;  s(6) = s(0), s(5) = s(1) by symmetry
    # k = 3, clusters {0, 1}, {5}, {6}: s(0) = (5 - 1) / 5 = 0.8, s(1) = (4 - 1) / 4 = 0.75, s(5) = s(6) = 0
    from sklearn.metrics import silhouette_score

    table = pd.DataFrame({"x": [0.0, 1, 5, 6]}, index=pd.Index([10, 11, 12, 13], name="customer_id"))
    result = value.cluster_customers(table, k_range=[2, 3], log=False, scale=False, sample=None, stability_runs=0)
    two = (4.5 / 5.5 + 3.5 / 4.5) / 2
    three = (0.8 + 0.75 + 0 + 0) / 4
    assert result.k_scores["silhouette"].tolist() == pytest.approx([two, three], abs=1e-12)
    assert result.k == 2 and result.chosen_by == "silhouette"
    # No monetary column and two clusters of equal size: numbered by k-means' own order.
    assert result.labels.tolist() in ([1, 1, 2, 2], [2, 2, 1, 1])
    assert silhouette_score(table[["x"]], result.labels) == pytest.approx(two, abs=1e-12)
    # inertia: squared distances to the cluster means 0.5 and 5.5: 4 * 0.25 = 1
    assert result.k_scores.loc[2, "inertia"] == pytest.approx(1.0)


def _three_groups(n=300, seed=0):
    """Customers in three planted groups: champions, occasional, lapsed one-time buyers."""
    rng = np.random.default_rng(seed)
    group = np.repeat([0, 1, 2], [n // 6, n // 3, n - n // 6 - n // 3])
    recency = np.choose(group, [rng.integers(1, 30, n), rng.integers(60, 200, n), rng.integers(400, 700, n)])
    frequency = np.choose(group, [rng.integers(10, 25, n), rng.integers(3, 6, n), np.ones(n, dtype=int)])
    monetary = np.round(frequency * rng.gamma(8.0, 8.0, n), 2)
    ids = pd.Index(rng.permutation(np.arange(1, n + 1)), name="customer_id")
    return pd.DataFrame({"recency": recency, "frequency": frequency, "monetary": monetary}, index=ids), group


def test_cluster_silhouette_equals_scikit_learn_on_the_documented_sample():
    from sklearn.metrics import silhouette_score

    table, _ = _three_groups(600)
    full = value.cluster_customers(table, k_range=range(2, 6), sample=None, stability_runs=0)
    z = full.pipeline[:-1].transform(table.to_numpy(dtype=float))
    assert full.k_scores.loc[full.k, "silhouette"] == pytest.approx(silhouette_score(z, full.labels), rel=1e-12)
    # With a sample: the rows sorted by value, then default_rng(random_state).choice(n, sample, replace=False).
    sampled = value.cluster_customers(table, k_range=range(2, 6), sample=200, random_state=4, stability_runs=0)
    x = table.to_numpy(dtype=float)
    order = np.lexsort(x.T[::-1])
    rows = np.sort(np.random.default_rng(4).choice(len(x), 200, replace=False))
    z_sorted = sampled.pipeline[:-1].transform(x[order])
    labels_sorted = sampled.labels.to_numpy()[order]
    expected = silhouette_score(z_sorted[rows], labels_sorted[rows])  # the chosen k's labels on the sample
    assert sampled.k_scores.loc[sampled.k, "silhouette"] == pytest.approx(expected, rel=1e-12)
    assert abs(sampled.k_scores.loc[sampled.k, "silhouette"] - full.k_scores.loc[sampled.k, "silhouette"]) < 0.05


def test_clusters_find_the_planted_groups_name_them_and_order_them_by_value():
    table, group = _three_groups(600)
    result = value.cluster_customers(table)
    assert result.k == 3
    assert value.adjusted_rand_index(result.labels, pd.Series(group, index=table.index)) > 0.95
    profiles = result.profiles
    assert profiles.index.tolist() == [1, 2, 3]
    assert profiles["mean_monetary"].is_monotonic_decreasing  # cluster 1 is the most valuable
    assert profiles["customers"].sum() == 600 and profiles["share_of_customers"].sum() == pytest.approx(1)
    assert profiles["share_of_revenue"].sum() == pytest.approx(1)
    revenue = table["monetary"].groupby(result.labels).sum() / table["monetary"].sum()
    np.testing.assert_allclose(profiles["share_of_revenue"], revenue.sort_index())
    np.testing.assert_allclose(profiles["mean_recency"], table["recency"].groupby(result.labels).mean().sort_index())
    # The naming rule, by hand: a cluster mean >= 1.5 x the mean of all customers is high, <= 2/3 low.
    overall = table.mean()
    for c, row in profiles.iterrows():
        ratio = row["mean_monetary"] / overall["monetary"]
        word = "high value" if ratio >= 1.5 else "low value" if ratio <= 1 / 1.5 else "mid value"
        assert row["name"].startswith(word)
    assert profiles.loc[1, "name"] == "high value, frequent, recent"
    assert profiles.loc[3, "name"] == "low value, rare, lapsed"
    assert "silhouette" in repr(result) and "high value, frequent, recent" in repr(result)


def test_cluster_labels_do_not_depend_on_row_order_or_ids():
    table, _ = _three_groups(400, seed=2)
    result = value.cluster_customers(table, k_range=range(2, 6))
    shuffled = value.cluster_customers(table.sample(frac=1, random_state=9), k_range=range(2, 6))
    pd.testing.assert_series_equal(shuffled.labels.sort_index(), result.labels.sort_index())
    pd.testing.assert_frame_equal(shuffled.profiles, result.profiles)
    pd.testing.assert_frame_equal(shuffled.k_scores, result.k_scores)
    renumbered = table.set_index(pd.Index(np.arange(5001, 5401), name="customer_id"))
    again = value.cluster_customers(renumbered, k_range=range(2, 6))
    assert again.labels.tolist() == result.labels.tolist()


def test_log_and_scale_are_why_clusters_follow_behaviour_not_money():
    # Planted: frequency 1 vs 12 orders; spend per customer is noise with a huge range.
    rng = np.random.default_rng(3)
    n = 400
    planted = np.repeat([0, 1], n // 2)
    table = pd.DataFrame({"frequency": np.where(planted == 1, 12, 1) + rng.integers(0, 2, n),
                          "monetary": rng.uniform(0, 20_000, n)})
    scaled = value.cluster_customers(table, k=2, log=False, scale=True, stability_runs=0)
    raw = value.cluster_customers(table, k=2, log=False, scale=False, stability_runs=0)
    truth = pd.Series(planted, index=table.index)
    assert value.adjusted_rand_index(scaled.labels, truth) > 0.95
    assert value.adjusted_rand_index(raw.labels, truth) < 0.1  # unscaled: money decides alone


def test_stability_is_high_for_real_groups_and_lower_for_noise():
    table, _ = _three_groups(600, seed=5)
    real = value.cluster_customers(table, k=3, stability_runs=4)
    assert real.stability.index.tolist() == ["other starts", "bootstrap samples"]
    assert (real.stability["runs"] == 4).all()
    assert (real.stability["mean_ari"] > 0.95).all()
    noise = pd.DataFrame(np.random.default_rng(1).uniform(0, 1, (600, 3)), columns=["a", "b", "c"])
    blur = value.cluster_customers(noise, k=7, log=False, stability_runs=4)
    assert blur.stability["mean_ari"].max() < real.stability["mean_ari"].min()
    assert value.cluster_customers(table, k=3, stability_runs=0).stability.empty


def test_adjusted_rand_index_by_hand_and_against_scikit_learn():
    from sklearn.metrics import adjusted_rand_score

    # Hand: table [[2, 1, 0], [0, 1, 2]]: index = 1 + 1 = 2; rows C(3,2) + C(3,2) = 6; columns 3 * C(2,2) = 3;
    # expected = 6 * 3 / C(6,2) = 1.2; maximum = (6 + 3) / 2 = 4.5; ARI = 0.8 / 3.3.
    assert value.adjusted_rand_index([1, 1, 1, 2, 2, 2], [1, 1, 2, 2, 3, 3]) == pytest.approx(0.8 / 3.3)
    rng = np.random.default_rng(0)
    for _ in range(20):
        a, b = rng.integers(0, rng.integers(1, 6), 200), rng.integers(0, rng.integers(1, 8), 200)
        assert value.adjusted_rand_index(a, b) == pytest.approx(adjusted_rand_score(a, b), abs=1e-12)
    a = pd.Series(["x", "x", "y", "z"], index=[4, 3, 2, 1])
    b = pd.Series([7, 5, 5, 9], index=[1, 2, 3, 4])  # matched by customer id, not by position
    assert value.adjusted_rand_index(a, b) == pytest.approx(adjusted_rand_score(["x", "x", "y", "z"], [9, 5, 5, 7]))
    assert value.adjusted_rand_index([1, 1, 2], ["b", "b", "a"]) == 1.0
    with pytest.raises(DataError, match="in only one of them"):
        value.adjusted_rand_index(a, b.rename({4: 8}))
    with pytest.raises(DataError, match="missing label"):
        value.adjusted_rand_index([1, None, 2], [1, 2, 2])
    with pytest.raises(DataError, match="one label per customer"):
        value.adjusted_rand_index(pd.DataFrame({"a": [1]}), [1])


def test_cluster_customers_errors_and_predict():
    table, _ = _three_groups(60)
    result = value.cluster_customers(table, k=3, stability_runs=0)
    assert result.predict(table).tolist() == result.labels.tolist()
    refund = table.copy()
    refund.iloc[0, refund.columns.get_loc("monetary")] = -1.0
    with pytest.raises(DataError, match='"monetary" has 1 negative'):
        value.cluster_customers(refund, k=2)
    assert value.cluster_customers(table.assign(monetary=table["monetary"] - 100), k=2, log=False,
                                   stability_runs=0).k == 2
    with pytest.raises(DataError, match="3 distinct customer"):
        value.cluster_customers(pd.DataFrame({"x": [1.0, 1, 2, 3, 3]}), k=3)
    with pytest.raises(DataError, match="k_range is empty"):
        value.cluster_customers(table, k_range=[])
    with pytest.raises(DataError, match="k_range must be"):
        value.cluster_customers(table, k_range="2-8")
    with pytest.raises(DataError, match="k must be a whole number"):
        value.cluster_customers(table, k=1)
    with pytest.raises(DataError, match='"name" of the features table holds text'):
        value.cluster_customers(table.assign(name="x"))
    with pytest.raises(DataError, match='"missing" is not in the features table'):
        value.cluster_customers(table, columns=["recency", "missing"])
    # Only some columns: the profiles still show the named R, F, M columns in their units.
    two = value.cluster_customers(table, k=2, columns=["recency", "frequency"], stability_runs=0)
    assert two.columns == ("recency", "frequency") and "mean_monetary" in two.profiles.columns


def test_clusters_on_the_shop_separate_the_planted_behaviour():
    from custlearn import datasets

    shop = datasets.load("shop")
    table = value.rfm(shop.orders, shop.as_of)
    result = value.cluster_customers(table, k=4, stability_runs=0)
    truth = datasets.truth("shop").set_index("customer_id").reindex(table.index)
    planted = truth[["purchase_rate", "spend_mean", "future_value"]].groupby(result.labels).mean()
    assert planted["purchase_rate"].iloc[0] > 2 * planted["purchase_rate"].iloc[-1]
    assert planted["future_value"].iloc[0] == planted["future_value"].max()


# ---------------------------------------------------------------- the evaluation indicator system (issue 17)


@pytest.fixture(scope="module")
def shop_card():
    from custlearn import datasets

    shop = datasets.load("shop")
    segments = value.rfm_segments(value.rfm_scores(value.rfm(shop.orders, shop.as_of)))
    clv = pd.Series(np.linspace(0, 300, len(segments)), index=segments.index)
    return shop, segments, value.indicator_scorecard(segments, shop, clv=clv), clv


def test_scorecard_equals_the_lesson_functions_it_reuses(shop_card):
    from custlearn import loyalty, satisfaction
    from custlearn._stats import proportion_ci

    shop, segments, card, clv = shop_card
    table = card.table.set_index(["segment", "indicator"])
    for name in ["Champions", "At Risk", "Lost"]:
        ids = segments.index[segments["segment"] == name]
        answers = shop.surveys[shop.surveys["customer_id"].isin(ids)]
        # satisfaction = lesson 03's CSAT top-2-box, with lesson 03's Wilson interval
        sat = answers["overall_satisfaction"].dropna()
        row = table.loc[(name, "satisfaction")]
        assert row["value"] == pytest.approx(satisfaction.csat(sat) / 100)
        ci = proportion_ci(int((sat >= 4).sum()), len(sat))
        assert (row["lower"], row["upper"], row["n"]) == (pytest.approx(ci.lower), pytest.approx(ci.upper), len(sat))
        # NPS = lesson 04's nps and nps_interval
        rec = answers["likely_to_recommend"].dropna()
        row = table.loc[(name, "nps")]
        interval = loyalty.nps_interval(rec)
        assert row["value"] == pytest.approx(loyalty.nps(rec))
        assert (row["lower"], row["upper"]) == (pytest.approx(interval.lower), pytest.approx(interval.upper))
        # retention = the last row of lesson 04's retention_rate on the segment's orders (calendar years)
        mine = shop.orders[shop.orders["customer_id"].isin(ids)]
        last = loyalty.retention_rate(mine, "Y", as_of=shop.as_of).iloc[-1]
        row = table.loc[(name, "retention")]
        assert row["n"] == last["active_previous"]
        if last["active_previous"]:
            assert row["value"] == pytest.approx(last["retention_rate"])
        # frequency: purchase days in 2025 per customer; referrals from referred_by; CLV as given
        in_2025 = mine[mine["order_date"].dt.year == 2025].drop_duplicates(["customer_id", "order_date"])
        assert table.loc[(name, "purchase_frequency"), "value"] == pytest.approx(len(in_2025) / len(ids))
        referred = shop.customers["referred_by"].isin(ids).sum()
        assert table.loc[(name, "referrals"), "value"] == pytest.approx(referred / len(ids))
        assert table.loc[(name, "clv"), "value"] == pytest.approx(clv.loc[ids].mean())
        assert table.loc[(name, "customers"), "value"] == len(ids)
    assert table.loc[("All customers", "customers"), "value"] == len(segments)
    assert table.loc[("All customers", "nps"), "value"] == pytest.approx(
        loyalty.nps(shop.surveys.loc[shop.surveys["customer_id"].isin(segments.index), "likely_to_recommend"].dropna()))


def test_scorecard_intervals_are_the_ground_floor_formulas(shop_card):
    from custlearn._stats import mean_bounds, wilson_bounds

    shop, segments, card, _ = shop_card
    row = card.table.set_index(["segment", "indicator"]).loc[("Champions", "retention")]
    assert (row["lower"], row["upper"]) == pytest.approx(wilson_bounds(round(row["value"] * row["n"]), row["n"]))
    ids = segments.index[segments["segment"] == "Champions"]
    mine = shop.orders[shop.orders["customer_id"].isin(ids) & (shop.orders["order_date"].dt.year == 2025)]
    days = mine.drop_duplicates(["customer_id", "order_date"]).groupby("customer_id").size().reindex(ids, fill_value=0)
    row = card.table.set_index(["segment", "indicator"]).loc[("Champions", "purchase_frequency")]
    assert (row["lower"], row["upper"]) == pytest.approx(mean_bounds(days.to_numpy()))
    # mean +/- 1.96 s / sqrt(n), by hand
    half = 1.959964 * days.std(ddof=1) / np.sqrt(len(days))
    assert row["lower"] == pytest.approx(days.mean() - half, rel=1e-5)


def test_scorecard_shape_order_and_views(shop_card):
    _, segments, card, _ = shop_card
    assert list(card.wide.columns) == list(value.INDICATORS)
    assert card.wide.index[0] == "Champions" and card.wide.index[-1] == "All customers"  # RFM rule order
    assert list(card.table.columns) == ["segment", "indicator", "label", "value", "lower", "upper", "n", "unit",
                                        "definition"]
    assert len(card.table) == len(card.wide.index) * len(card.wide.columns)
    assert card.definitions.loc["retention", "definition"].startswith("share of the segment's customers who bought "
                                                                      "in 2024 and bought again in 2025")
    assert card.table.loc[card.table["indicator"] == "clv", "lower"].isna().all()  # a prediction: no interval
    text = card.formatted()
    assert text.loc["Champions", "Retention rate"].startswith("100% (")
    assert "Indicator scorecard" in repr(card)


def test_scorecard_for_clusters_model_clv_and_missing_tables():
    from custlearn import datasets

    shop = datasets.load("shop")
    table = value.rfm(shop.orders, shop.as_of)
    clusters = value.cluster_customers(table, k=3, stability_runs=0)
    card = value.indicator_scorecard(clusters, shop.orders, overall=None)  # no surveys, no customers
    assert list(card.wide.columns) == ["customers", "clv", "purchase_frequency", "retention"]
    assert card.wide.index.tolist() == [f"{c}: {n}" for c, n in clusters.profiles["name"].items()]
    # The CLV computed when none is given: BG/NBD + Gamma-Gamma, 12 months at 10% a year.
    summary = value.clv_summary(shop.orders, shop.as_of, time_unit="weeks")
    expected = value.clv(value.BetaGeo().fit(summary), value.GammaGamma().fit(summary), summary, months=12,
                         discount_rate=0.10, rate_per="year")["clv"]
    first = clusters.labels.index[clusters.labels == 1]
    assert card.wide.iloc[0]["clv"] == pytest.approx(expected.loc[first].mean())
    assert card.wide["clv"].iloc[0] == card.wide["clv"].max()  # cluster 1 has the highest spend


def test_scorecard_errors():
    orders = orders_table([(1, "2025-01-02", 10.0), (2, "2025-02-03", 4.0)])
    segments = pd.Series(["a", "b"], index=[1, 2])
    clv = pd.Series([1.0, 2.0], index=[1, 2])
    with pytest.raises(DataError, match="None of the 2 customers of the segments"):
        value.indicator_scorecard(pd.Series(["a", "b"], index=["x", "y"]), orders, clv=clv)
    with pytest.raises(DataError, match="clv has no value for 1 customer"):
        value.indicator_scorecard(segments, orders, clv=clv.iloc[:1])
    with pytest.raises(DataError, match="missing label"):
        value.indicator_scorecard(pd.Series(["a", None], index=[1, 2]), orders, clv=clv)
    with pytest.raises(DataError, match="repeated customer ids"):
        value.indicator_scorecard(pd.Series(["a", "b"], index=[1, 1]), orders, clv=clv)
    with pytest.raises(DataError, match='period="W"'):
        value.indicator_scorecard(segments, orders, clv=clv, period="W")
    with pytest.raises(DataError, match="top_box must be"):
        value.indicator_scorecard(segments, orders, clv=clv, top_box=5)
    with pytest.raises(DataError, match="segments must be one label per customer"):
        value.indicator_scorecard([1, 2], orders, clv=clv)
    card = value.indicator_scorecard(segments.to_frame("segment"), orders, clv=clv, as_of="2025-03-31")
    assert card.wide.loc["a", "retention"] != card.wide.loc["a", "retention"]  # nobody bought in 2024: NaN


def test_scorecard_and_holdout_charts_draw_by_meaning(shop_card):
    import matplotlib.colors as mcolors
    import matplotlib.pyplot as plt

    from custlearn import plots

    _, _, card, _ = shop_card
    ax = plots.scorecard_chart(card)
    try:
        image = ax.get_images()[0].get_array()
        rows = list(card.wide.columns)
        cols = list(card.wide.index)
        good, bad = np.array(mcolors.to_rgb(plots.GOOD)), np.array(mcolors.to_rgb(plots.BAD))
        # Champions' retention (100%, interval above 59%) is clearly better: the good colour
        assert np.allclose(image[rows.index("retention"), cols.index("Champions")], good)
        # At Risk's retention is clearly worse: the bad colour; the all-customers column is white
        assert np.allclose(image[rows.index("retention"), cols.index("At Risk")], bad)
        assert np.allclose(image[:, cols.index("All customers")], 1.0)
        texts = [t.get_text() for t in ax.texts]
        assert "100%\n99% to 100%" in texts
    finally:
        plt.close("all")


def test_tracking_and_holdout_charts(simulated_orders):
    import matplotlib.pyplot as plt

    from custlearn import plots

    model = value.BetaGeo()
    model.params_ = pd.Series({"r": 0.8, "alpha": 8.0, "a": 0.6, "b": 3.0})
    tracking = value.purchase_tracking(model, simulated_orders, "2024-12-31", "2025-06-30", time_unit="weeks")
    assert tracking["days"].iloc[-1] < 7  # 181 holdout days: the last week is short
    try:
        top, bottom = plots.tracking_chart(tracking)
        actual_top, predicted_top = top.get_lines()[:2]
        assert len(actual_top.get_xdata()) == len(tracking)
        assert len(bottom.get_lines()[0].get_xdata()) == len(tracking) - 1  # the short week is not drawn weekly
        np.testing.assert_allclose(predicted_top.get_ydata(), tracking["predicted_cumulative"])
        (only,) = plots.tracking_chart(tracking, kind="weekly")
        assert only.get_ylabel() == "Repeat purchases per week"
        with pytest.raises(DataError, match="draws 2 panel"):
            plots.tracking_chart(tracking, ax=only)
        split = value.calibration_holdout(simulated_orders, "2024-12-31", "2025-06-30", time_unit="weeks")
        table = value.holdout_by_frequency(model, split)
        ax = plots.holdout_chart(table)
        assert [round(p.get_height(), 6) for p in ax.patches] == [round(v, 6) for v in table["actual"]]
    finally:
        plt.close("all")



def test_expected_purchases_takes_one_horizon_per_customer(cdnow, fitted):
    bg, _ = fitted
    rows = cdnow.iloc[:5].set_axis([11, 12, 13, 14, 15])
    horizons = [10.0, 20.0, 39.0, 52.0, 0.0]
    got = bg.expected_purchases(rows, horizons)
    assert got.index.tolist() == [11, 12, 13, 14, 15]
    expected = [bg.expected_purchases(rows.iloc[[i]], h).iloc[0] for i, h in enumerate(horizons)]
    np.testing.assert_allclose(got, expected, rtol=1e-12)
    np.testing.assert_allclose(bg.expected_purchases(rows, pd.Series(horizons, index=[1, 2, 3, 4, 5])), expected)
    with pytest.raises(DataError, match="t has 2 values but the summary has 5"):
        bg.expected_purchases(rows, [1.0, 2.0])


def test_scorecard_count_intervals_stop_at_zero():
    """Referrals and purchase days per customer are counts: their interval never goes below 0.

    Independent reference: the normal interval worked with numpy, mean -/+ 1.96 s / sqrt(n), cut at 0.
    """
    segments = pd.Series(["few"] * 40 + ["many"] * 40, index=pd.RangeIndex(1, 81, name="customer_id"))
    orders = pd.DataFrame({"customer_id": list(range(1, 81)) * 2,
                           "order_date": pd.to_datetime(["2025-01-10"] * 80 + ["2025-03-10"] * 80),
                           "amount": 10.0})
    referrer = [1] + [None] * 79 + [41] * 30 + [42] * 30 + [None] * 20
    customers = pd.DataFrame({"customer_id": range(1, 161), "signup_date": pd.Timestamp("2024-06-01"),
                              "referred_by": referrer})
    card = value.indicator_scorecard(segments, orders, customers=customers, clv=pd.Series(1.0, index=range(1, 81)),
                                     as_of="2025-12-31", overall=None).table.set_index(["segment", "indicator"])
    made = np.r_[1, np.zeros(39)]  # 'few': one referral among 40 customers
    raw_lower = made.mean() - 1.959964 * made.std(ddof=1) / np.sqrt(40)
    assert raw_lower < 0
    assert card.loc[("few", "referrals"), "lower"] == 0.0
    assert card.loc[("few", "referrals"), "upper"] == pytest.approx(made.mean() + 1.959964 * made.std(ddof=1) / np.sqrt(40),
                                                                   rel=1e-5)
    assert (card.xs("referrals", level="indicator")["lower"] >= 0).all()
    assert card.loc[("many", "referrals"), "value"] == pytest.approx(60 / 40)
