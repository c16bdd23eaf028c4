"""Tests of custlearn.loyalty (lesson 04) and its charts.

Every formula is checked against something independent of the module:
published worked examples (cited beside the test), hand-computed tables,
exact enumeration, a seeded simulation, a brute-force re-implementation
with Python sets, or a well-kept library used only here (statsmodels,
scipy.stats).
"""

from __future__ import annotations

import itertools
import math

import matplotlib
import numpy as np
import pandas as pd
import pytest

from custlearn import DataError, loyalty
from custlearn._stats import Interval, wilson_bounds
from custlearn.plots import loyalty as plots_loyalty

matplotlib.use("Agg")


def d(*dates: str) -> pd.Series:
    return pd.Series(pd.to_datetime(list(dates)))


def orders_frame(rows: list[tuple[int, str]]) -> pd.DataFrame:
    """Orders from (customer_id, date) pairs, order_id 1, 2, ..."""
    return pd.DataFrame(
        {
            "order_id": np.arange(1, len(rows) + 1),
            "customer_id": [c for c, _ in rows],
            "order_date": pd.to_datetime([t for _, t in rows]),
            "amount": np.full(len(rows), 10.0),
        }
    )


# ---------------------------------------------------------------------------
# NPS
# ---------------------------------------------------------------------------


class TestNPS:
    def test_textbook_example_50_promoters_20_detractors_is_30(self):
        # Reichheld (2003), HBR 81(12): NPS = % promoters - % detractors.
        # 50 promoters, 30 passives, 20 detractors out of 100 -> 50 - 20 = 30.
        scores = [9] * 25 + [10] * 25 + [7] * 15 + [8] * 15 + [0] * 5 + [6] * 15
        assert loyalty.nps(scores) == pytest.approx(30.0)

    @pytest.mark.parametrize(
        "scores, expected",
        [
            ([6], -100.0),  # 6 is the highest detractor
            ([7], 0.0),  # 7 is a passive
            ([8], 0.0),  # 8 is a passive
            ([9], 100.0),  # 9 is the lowest promoter
            ([6, 7, 8, 9], 0.0),  # 1 promoter - 1 detractor
            ([6, 9, 9], 100.0 / 3),  # 2/3 - 1/3
            ([0, 10], 0.0),
            ([10, 10, 10], 100.0),
            ([0, 1, 2, 3, 4, 5, 6], -100.0),
            ([8, 8, 9, 6, 6], -20.0),  # 1/5 - 2/5
        ],
    )
    def test_boundary_scores(self, scores, expected):
        assert loyalty.nps(scores) == pytest.approx(expected)

    def test_accepts_series_array_and_integer_floats(self):
        s = pd.Series([9, 10, 3], name="likely_to_recommend", index=[10, 20, 30])
        assert loyalty.nps(s) == pytest.approx(100 / 3)
        assert loyalty.nps(np.array([9.0, 10.0, 3.0])) == pytest.approx(100 / 3)
        assert loyalty.nps(pd.Series([9, 3], dtype="Int64")) == 0.0

    def test_single_answer(self):
        assert loyalty.nps([10]) == 100.0

    def test_order_does_not_matter(self):
        rng = np.random.default_rng(1)
        scores = rng.integers(0, 11, 200)
        assert loyalty.nps(scores) == pytest.approx(loyalty.nps(scores[::-1]))

    def test_matches_independent_recode_mean(self):
        # NPS/100 = mean of +1 (9-10), 0 (7-8), -1 (0-6): an independent route.
        rng = np.random.default_rng(2)
        scores = rng.integers(0, 11, 500)
        recoded = np.where(scores >= 9, 1, np.where(scores <= 6, -1, 0))
        assert loyalty.nps(scores) == pytest.approx(100 * recoded.mean())

    @pytest.mark.parametrize(
        "bad, words",
        [
            ([9, 11], ["0 to 10", "11"]),
            ([9, -1], ["0 to 10", "-1"]),
            ([9, 8.5], ["whole numbers", "8.5"]),
            ([9, np.nan], ["missing"]),
            ([9, None], ["missing"]),
            ([], ["empty"]),
            (["9", "ten"], ["text", "ten"]),
            ([True, False], ["true/false"]),
            (pd.DataFrame({"a": [9]}), ["one column"]),
        ],
    )
    def test_bad_scores_raise_dataerror(self, bad, words):
        with pytest.raises(DataError) as err:
            loyalty.nps(bad)
        for w in words:
            assert w in str(err.value)

    def test_error_names_the_series(self):
        with pytest.raises(DataError, match="likely_to_recommend"):
            loyalty.nps(pd.Series([3, 12], name="likely_to_recommend"))


class TestNPSCategories:
    def test_summary_counts_shares_at_boundaries(self):
        table = loyalty.nps_categories([0, 6, 7, 8, 9, 10, 6, 9])
        assert list(table.index) == ["detractor", "passive", "promoter"]
        assert table.index.name == "category"
        assert table["count"].tolist() == [3, 2, 3]
        assert table["share"].tolist() == pytest.approx([3 / 8, 2 / 8, 3 / 8])
        assert table["scores"].tolist() == ["0-6", "7-8", "9-10"]
        assert table["share"].sum() == pytest.approx(1.0)

    def test_empty_group_has_zero(self):
        table = loyalty.nps_categories([9, 10])
        assert table["count"].tolist() == [0, 0, 2]

    def test_shares_give_nps(self):
        scores = [1, 7, 9, 10, 10, 3, 8]
        t = loyalty.nps_categories(scores)
        assert 100 * (t.loc["promoter", "share"] - t.loc["detractor", "share"]) == pytest.approx(
            loyalty.nps(scores)
        )

    def test_per_answer_keeps_index_and_order(self):
        s = pd.Series([6, 7, 8, 9], index=[5, 6, 7, 8])
        cats = loyalty.nps_categories(s, per_answer=True)
        assert cats.tolist() == ["detractor", "passive", "passive", "promoter"]
        assert list(cats.index) == [5, 6, 7, 8]
        assert cats.cat.ordered and list(cats.cat.categories) == ["detractor", "passive", "promoter"]

    def test_bad_input(self):
        with pytest.raises(DataError, match="0 to 10"):
            loyalty.nps_categories([5, 20])


class TestNPSInterval:
    @staticmethod
    def formula_variance(p_p: float, p_d: float, n: int) -> float:
        # Multinomial derivation (Rocks 2016, The American Statistician 70(4)):
        # Var(p_P - p_D) = [p_P(1-p_P) + p_D(1-p_D) + 2 p_P p_D] / n.
        return (p_p * (1 - p_p) + p_d * (1 - p_d) + 2 * p_p * p_d) / n

    def test_standard_error_matches_multinomial_form(self):
        scores = [10] * 50 + [8] * 30 + [3] * 20
        ci = loyalty.nps_interval(scores)
        se = 100 * math.sqrt(self.formula_variance(0.5, 0.2, 100))
        assert ci.standard_error == pytest.approx(se)
        assert ci.standard_error == pytest.approx(100 * math.sqrt(0.0061))

    def test_published_worked_example_half_third_sixth(self):
        # Cross Validated, "How can I calculate margin of error in a NPS (Net
        # Promoter Score) result?", accepted answer (whuber): promoters 1/2,
        # passives 1/3, detractors 1/6 -> NPS = 1/3 and the variance of one
        # answer (+1/0/-1 "tickets") = (2/3)^2/2 + (1/3)^2/3 + (4/3)^2/6 = 5/9;
        # SE = sqrt(5/9)/sqrt(n). Also Engelhardt (2016), CYBAEA, "Net Promoter
        # Score confidence intervals 2: maths and stats" (same closed form).
        scores = [10] * 18 + [7] * 12 + [4] * 6  # n = 36
        ci = loyalty.nps_interval(scores)
        assert ci.nps == pytest.approx(100 / 3)
        assert ci.standard_error == pytest.approx(100 * math.sqrt(5 / 9) / 6)

    def test_variance_equals_population_variance_of_recoded_answers(self):
        rng = np.random.default_rng(3)
        scores = rng.integers(0, 11, 321)
        recoded = np.where(scores >= 9, 1.0, np.where(scores <= 6, -1.0, 0.0))
        expected_se = 100 * math.sqrt(np.var(recoded, ddof=0) / len(scores))
        assert loyalty.nps_interval(scores).standard_error == pytest.approx(expected_se)

    def test_variance_formula_by_exact_enumeration(self):
        # Draw n = 4 answers from shares (p_D, p_pass, p_P); enumerate all 3^4
        # outcomes with their multinomial probabilities and compute the exact
        # variance of the sample NPS (share units).
        p = {"D": 0.3, "0": 0.25, "P": 0.45}
        n = 4
        mean = second = 0.0
        for outcome in itertools.product("D0P", repeat=n):
            prob = math.prod(p[o] for o in outcome)
            value = (outcome.count("P") - outcome.count("D")) / n
            mean += prob * value
            second += prob * value**2
        exact = second - mean**2
        closed = (p["P"] + p["D"] - (p["P"] - p["D"]) ** 2) / n
        assert exact == pytest.approx(closed, rel=1e-12)
        # The module's standard error, on a sample whose shares equal p,
        # uses the same closed form: 20 answers with 9 promoters, 6 detractors.
        scores = [10] * 9 + [7] * 5 + [2] * 6
        ci = loyalty.nps_interval(scores)
        assert (ci.standard_error / 100) ** 2 == pytest.approx(
            (0.45 + 0.3 - 0.15**2) / 20, rel=1e-12
        )

    def test_variance_formula_by_simulation(self):
        rng = np.random.default_rng(20240601)
        p_d, p_pass, p_p, n = 0.2, 0.3, 0.5, 50
        draws = rng.multinomial(n, [p_d, p_pass, p_p], size=200_000)
        nps_draws = (draws[:, 2] - draws[:, 0]) / n
        closed = (p_p + p_d - (p_p - p_d) ** 2) / n
        assert nps_draws.var() == pytest.approx(closed, rel=0.02)

    def test_normal_interval_against_scipy_quantile(self):
        from scipy.stats import norm

        scores = [10] * 50 + [8] * 30 + [3] * 20
        ci = loyalty.nps_interval(scores, confidence=0.90)
        half = norm.ppf(0.95) * 100 * math.sqrt(0.0061)
        assert (ci.lower, ci.upper) == pytest.approx((30 - half, 30 + half))
        assert ci.nps == pytest.approx(30.0)
        assert ci.n == 100 and ci.confidence == 0.90 and ci.method == "normal"

    def test_three_point_change_is_within_noise_for_400_answers(self):
        # The lesson's point: with n = 400 the half-width is far above 3 points.
        scores = [10] * 160 + [7] * 120 + [2] * 120
        ci = loyalty.nps_interval(scores)
        assert ci.upper - ci.lower > 6

    def test_interval_clipped_to_scale(self):
        ci = loyalty.nps_interval([10] * 9 + [0])
        assert ci.upper <= 100.0 and ci.lower >= -100.0

    def test_all_promoters_has_zero_width(self):
        ci = loyalty.nps_interval([9, 10, 10])
        assert (ci.nps, ci.lower, ci.upper, ci.standard_error) == (100.0, 100.0, 100.0, 0.0)

    def test_bootstrap_close_to_scipy_bootstrap_and_normal(self):
        from scipy.stats import bootstrap

        rng = np.random.default_rng(5)
        scores = rng.choice([2, 7, 10], size=400, p=[0.25, 0.35, 0.40])
        recoded = np.where(scores >= 9, 100.0, np.where(scores <= 6, -100.0, 0.0))
        ref = bootstrap(
            (recoded,), np.mean, n_resamples=4000, method="percentile", random_state=np.random.default_rng(9)
        ).confidence_interval
        ours = loyalty.nps_interval(scores, method="bootstrap", n_boot=4000, seed=1)
        normal = loyalty.nps_interval(scores)
        assert ours.lower == pytest.approx(ref.low, abs=1.0)
        assert ours.upper == pytest.approx(ref.high, abs=1.0)
        assert ours.lower == pytest.approx(normal.lower, abs=1.0)
        assert ours.method == "bootstrap"

    def test_bootstrap_repeats_with_the_same_seed(self):
        scores = [0, 3, 7, 8, 9, 10, 10, 6, 9, 5]
        a = loyalty.nps_interval(scores, method="bootstrap", seed=42)
        b = loyalty.nps_interval(scores, method="bootstrap", seed=42)
        assert a == b

    def test_repr_is_readable(self):
        text = repr(loyalty.nps_interval([10] * 50 + [8] * 30 + [3] * 20))
        assert text.startswith("NPS 30.0 (95% interval")

    def test_result_is_frozen(self):
        ci = loyalty.nps_interval([9, 3])
        with pytest.raises(AttributeError):
            ci.nps = 0  # type: ignore[misc]

    def test_is_an_interval_with_lower_and_upper_and_the_lesson_repr(self):
        from scipy.stats import norm

        ci = loyalty.nps_interval([10] * 50 + [8] * 30 + [3] * 20)
        assert isinstance(ci, Interval)  # one interval type in the whole course
        assert ci.estimate == ci.nps == pytest.approx(30.0)
        assert ci.lower < ci.estimate < ci.upper
        # Lesson 04 prints the interval: the text is built here from Rocks' (2016) formula.
        se = 100 * math.sqrt(0.0061)
        half = norm.ppf(0.975) * se
        expected = (f"NPS 30.0 (95% interval {30 - half:.1f} to {30 + half:.1f}; "
                    f"standard error {se:.1f} points; n = 100; normal)")
        assert repr(ci) == expected == "NPS 30.0 (95% interval 14.7 to 45.3; standard error 7.8 points; n = 100; normal)"
        assert sorted(vars(ci)) == sorted(
            ["estimate", "lower", "upper", "confidence", "n", "method", "standard_error"]
        )

    @pytest.mark.parametrize("old, new", [("low", "lower"), ("high", "upper")])
    def test_low_and_high_still_work_for_one_release_with_a_deprecation_warning(self, old, new):
        ci = loyalty.nps_interval([9, 3, 7, 10, 10])
        with pytest.warns(DeprecationWarning, match=rf"NPSInterval\.{old} is deprecated.*use \.{new}") as record:
            value = getattr(ci, old)
        assert value == getattr(ci, new)
        assert record[0].filename == __file__  # the warning points at the caller's line, not at custlearn

    def test_nps_is_read_only(self):
        ci = loyalty.nps_interval([9, 3])
        with pytest.raises(AttributeError):
            ci.estimate = 0  # type: ignore[misc]
        assert ci.nps == ci.estimate == 0.0

    @pytest.mark.parametrize(
        "kwargs, words",
        [
            ({"method": "bootstrap", "n_boot": 2.5}, ["n_boot must be a whole number"]),
            ({"method": "bootstrap", "seed": -1}, ["seed must be a whole number of at least 0"]),
            ({"method": "bootstrap", "seed": "7"}, ["seed", '"7" (text)']),
            ({"confidence": 95}, ["0.95, not 95"]),
        ],
    )
    def test_scalar_checks_speak_the_shared_wording(self, kwargs, words):
        with pytest.raises(DataError) as err:
            loyalty.nps_interval([9, 3, 7], **kwargs)
        for w in words:
            assert w in str(err.value)

    @pytest.mark.parametrize(
        "kwargs, words",
        [
            ({"confidence": 95}, ["confidence", "between 0 and 1"]),
            ({"confidence": 0}, ["confidence"]),
            ({"confidence": "0.95"}, ["confidence"]),
            ({"method": "exact"}, ["method", "normal", "bootstrap"]),
            ({"method": "bootstrap", "n_boot": 0}, ["n_boot"]),
        ],
    )
    def test_bad_arguments(self, kwargs, words):
        with pytest.raises(DataError) as err:
            loyalty.nps_interval([9, 3, 7], **kwargs)
        for w in words:
            assert w in str(err.value)

    def test_bad_scores(self):
        with pytest.raises(DataError, match="decimals"):
            loyalty.nps_interval([9.5, 3])


# ---------------------------------------------------------------------------
# Wilson interval (private, used by the satisfaction-loyalty curve)
# ---------------------------------------------------------------------------


class TestWilson:
    @pytest.mark.parametrize(
        "k, n, low, high",
        [
            # Newcombe, R. G. (1998). Two-sided confidence intervals for the
            # single proportion: comparison of seven methods. Statistics in
            # Medicine 17, 857-872, Table I, method 3 (score, no correction).
            (81, 263, 0.2553, 0.3662),
            (15, 148, 0.0624, 0.1605),
            (0, 20, 0.0, 0.1611),
            (1, 29, 0.0061, 0.1718),
            (29, 29, 0.8830, 1.0),
            (0, 10, 0.0, 0.2775),
        ],
    )
    def test_newcombe_table(self, k, n, low, high):
        got = wilson_bounds(k, n)
        assert got == pytest.approx((low, high), abs=6e-5)

    @pytest.mark.parametrize("k, n", [(3, 7), (50, 51), (0, 1), (12, 40)])
    @pytest.mark.parametrize("confidence", [0.8, 0.95, 0.99])
    def test_matches_statsmodels(self, k, n, confidence):
        from statsmodels.stats.proportion import proportion_confint

        ref = proportion_confint(k, n, alpha=1 - confidence, method="wilson")
        assert wilson_bounds(k, n, confidence) == pytest.approx(ref, abs=1e-10)

    def test_zero_n_is_nan(self):
        low, high = wilson_bounds(0, 0)
        assert math.isnan(low) and math.isnan(high)


# ---------------------------------------------------------------------------
# Repeat purchase rate
# ---------------------------------------------------------------------------


class TestRepeatPurchaseRate:
    def test_decks_80_of_100_came_back(self):
        # The decks: "80 of 100 customers came back = 80% repeat rate".
        rows = [(c, "2024-01-05") for c in range(1, 101)]
        rows += [(c, "2024-03-01") for c in range(1, 81)]
        assert loyalty.repeat_purchase_rate(orders_frame(rows)) == pytest.approx(0.80)

    def test_same_day_orders_count_twice_by_default_once_with_days(self):
        rows = [(1, "2024-01-05"), (1, "2024-01-05"), (2, "2024-01-05"), (2, "2024-02-05"), (3, "2024-01-09")]
        orders = orders_frame(rows)
        assert loyalty.repeat_purchase_rate(orders) == pytest.approx(2 / 3)
        assert loyalty.repeat_purchase_rate(orders, count="days") == pytest.approx(1 / 3)

    def test_days_ignores_time_of_day(self):
        orders = orders_frame([(1, "2024-01-05 09:00"), (1, "2024-01-05 18:00")])
        assert loyalty.repeat_purchase_rate(orders, count="days") == 0.0

    def test_duplicate_order_rows_count_once(self):
        orders = orders_frame([(1, "2024-01-05"), (1, "2024-01-09")])
        orders["order_id"] = [7, 7]  # one order split over two item rows
        assert loyalty.repeat_purchase_rate(orders) == 0.0

    def test_single_customer(self):
        assert loyalty.repeat_purchase_rate(orders_frame([(1, "2024-01-05")])) == 0.0
        assert loyalty.repeat_purchase_rate(orders_frame([(1, "2024-01-05"), (1, "2024-01-06")])) == 1.0

    def test_within_days_window_and_exclusion(self):
        rows = [
            (1, "2024-01-01"), (1, "2024-01-31"),  # back after 30 days: counts
            (2, "2024-01-01"), (2, "2024-02-01"),  # back after 31 days: too late
            (3, "2024-01-15"),  # never back
            (4, "2024-06-10"), (4, "2024-06-12"),  # first order too late to judge
        ]
        orders = orders_frame(rows)
        got = loyalty.repeat_purchase_rate(orders, within_days=30, as_of="2024-06-30")
        assert got == pytest.approx(1 / 3)

    def test_custom_column_names(self):
        orders = orders_frame([(1, "2024-01-05"), (1, "2024-02-05")]).rename(
            columns={"customer_id": "client", "order_date": "day", "order_id": "ticket"}
        )
        got = loyalty.repeat_purchase_rate(orders, customer_col="client", date_col="day", order_col="ticket")
        assert got == 1.0

    @pytest.mark.parametrize(
        "kwargs, words",
        [
            ({"customer_col": "client"}, ['"client"', "customer_col"]),
            ({"date_col": "when"}, ['"when"', "date_col"]),
            ({"order_col": "ticket"}, ['"ticket"', "order_col"]),
            ({"count": "rows"}, ["count", "orders", "days"]),
            ({"within_days": 0}, ["within_days"]),
            ({"within_days": 400}, ["within_days", "full window"]),
        ],
    )
    def test_bad_arguments(self, kwargs, words):
        orders = orders_frame([(1, "2024-01-05"), (1, "2024-02-05")])
        with pytest.raises(DataError) as err:
            loyalty.repeat_purchase_rate(orders, **kwargs)
        for w in words:
            assert w in str(err.value)

    def test_empty_missing_and_wrong_type(self):
        with pytest.raises(DataError, match="orders table has 0 rows"):
            loyalty.repeat_purchase_rate(orders_frame([]))
        orders = orders_frame([(1, "2024-01-05"), (2, "2024-02-05")])
        orders.loc[1, "customer_id"] = np.nan
        with pytest.raises(DataError, match="missing"):
            loyalty.repeat_purchase_rate(orders)
        with pytest.raises(DataError, match="DataFrame"):
            loyalty.repeat_purchase_rate([1, 2])
        bad_dates = orders_frame([(1, "2024-01-05")])
        bad_dates["order_date"] = ["not a date"]
        with pytest.raises(DataError, match="cannot be read as a date"):
            loyalty.repeat_purchase_rate(bad_dates)


# ---------------------------------------------------------------------------
# Retention and churn per period
# ---------------------------------------------------------------------------


def brute_force_retention(rows: list[tuple[int, str]], freq: str) -> dict:
    """Period -> (active in t-1, active in both), with Python sets."""
    active: dict[pd.Period, set] = {}
    for c, t in rows:
        active.setdefault(pd.Timestamp(t).to_period(freq), set()).add(c)
    first, last = min(active), max(active)
    out = {}
    p = first + 1
    while p <= last:
        prev, cur = active.get(p - 1, set()), active.get(p, set())
        out[p] = (len(prev), len(prev & cur))
        p += 1
    return out


class TestRetention:
    ROWS = [
        # Hand-computed: Jan {1,2,3}; Feb {1,2}; Mar {2,4}; Apr {} ; May {4}
        (1, "2024-01-03"), (2, "2024-01-09"), (3, "2024-01-20"), (3, "2024-01-21"),
        (1, "2024-02-02"), (2, "2024-02-14"),
        (2, "2024-03-01"), (4, "2024-03-05"),
        (4, "2024-05-30"),
    ]

    def test_hand_computed_months(self):
        table = loyalty.retention_rate(orders_frame(self.ROWS))
        assert [str(p) for p in table.index] == ["2024-02", "2024-03", "2024-04", "2024-05"]
        assert table.index.name == "period"
        assert table["active_previous"].tolist() == [3, 2, 2, 0]
        assert table["retained"].tolist() == [2, 1, 0, 0]
        np.testing.assert_allclose(table["retention_rate"], [2 / 3, 1 / 2, 0.0, np.nan])
        np.testing.assert_allclose(table["churn_rate"], [1 / 3, 1 / 2, 1.0, np.nan])

    def test_churn_is_complement(self):
        table = loyalty.churn_rate(orders_frame(self.ROWS))
        assert list(table.columns) == ["active_previous", "churned", "churn_rate"]
        assert table["churned"].tolist() == [1, 1, 2, 0]
        np.testing.assert_allclose(table["churn_rate"], [1 / 3, 1 / 2, 1.0, np.nan])

    @pytest.mark.parametrize("freq", ["M", "W", "Q", "D"])
    def test_against_brute_force_sets(self, freq):
        rng = np.random.default_rng(11)
        start = pd.Timestamp("2024-01-01")
        rows = [
            (int(c), str((start + pd.Timedelta(days=int(k))).date()))
            for c, k in zip(rng.integers(1, 40, 400), rng.integers(0, 300, 400))
        ]
        table = loyalty.retention_rate(orders_frame(rows), period=freq)
        ref = brute_force_retention(rows, freq)
        assert list(table.index) == list(ref)
        assert table["active_previous"].tolist() == [a for a, _ in ref.values()]
        assert table["retained"].tolist() == [r for _, r in ref.values()]

    def test_as_of_extends_and_cuts(self):
        table = loyalty.retention_rate(orders_frame(self.ROWS), as_of="2024-07-15")
        assert str(table.index[-1]) == "2024-07"
        assert table["active_previous"].tolist()[-2:] == [1, 0]
        cut = loyalty.retention_rate(orders_frame(self.ROWS), as_of="2024-02-28")
        assert [str(p) for p in cut.index] == ["2024-02"]

    def test_single_customer_single_period_gives_no_rows(self):
        table = loyalty.retention_rate(orders_frame([(1, "2024-01-05")]))
        assert len(table) == 0
        assert list(table.columns) == ["active_previous", "retained", "retention_rate", "churn_rate"]

    def test_yearly(self):
        table = loyalty.retention_rate(
            orders_frame([(1, "2023-05-01"), (2, "2023-06-01"), (1, "2024-02-01")]), period="Y"
        )
        assert table["retention_rate"].tolist() == [0.5]

    @pytest.mark.parametrize(
        "kwargs, words",
        [
            ({"period": "month"}, ["period", '"M"']),
            ({"customer_col": "client"}, ['"client"', "customer_col"]),
            ({"as_of": "2023-01-01"}, ["as_of", "first order"]),
            ({"as_of": "someday"}, ["as_of", "not a date"]),
        ],
    )
    def test_bad_arguments(self, kwargs, words):
        for fn in (loyalty.retention_rate, loyalty.churn_rate):
            with pytest.raises(DataError) as err:
                fn(orders_frame(self.ROWS), **kwargs)
            for w in words:
                assert w in str(err.value)

    def test_empty_orders(self):
        with pytest.raises(DataError, match="orders table has 0 rows"):
            loyalty.retention_rate(orders_frame([]))


# ---------------------------------------------------------------------------
# Cohort retention
# ---------------------------------------------------------------------------


class TestCohortRetention:
    # Hand-computed table (the "small hand-computed table"):
    #   customer 1: Jan, Feb, Apr        -> cohort Jan
    #   customer 2: Jan, Mar             -> cohort Jan
    #   customer 3: Jan only             -> cohort Jan
    #   customer 4: Feb, Mar (x2), Apr   -> cohort Feb
    #   customer 5: Feb                  -> cohort Feb
    #   customer 6: Apr                  -> cohort Apr
    #   customer 7: never ordered        -> no cohort
    # Jan cohort (3): k=0 3/3, k=1 {1} 1/3, k=2 {2} 1/3, k=3 {1} 1/3
    # Feb cohort (2): k=0 2/2, k=1 {4} 1/2, k=2 {4} 1/2, k=3 not observed
    # Apr cohort (1): k=0 1/1, k>=1 not observed
    ROWS = [
        (1, "2024-01-03"), (2, "2024-01-10"), (3, "2024-01-31"),
        (1, "2024-02-01"), (4, "2024-02-05"), (5, "2024-02-28"),
        (2, "2024-03-03"), (4, "2024-03-04"), (4, "2024-03-20"),
        (1, "2024-04-02"), (4, "2024-04-10"), (6, "2024-04-30"),
    ]
    CUSTOMERS = pd.DataFrame({"customer_id": [1, 2, 3, 4, 5, 6, 7]})

    def test_hand_computed_table(self):
        m = loyalty.cohort_retention(self.CUSTOMERS, orders_frame(self.ROWS))
        expected = pd.DataFrame(
            [
                [1.0, 1 / 3, 1 / 3, 1 / 3],
                [1.0, 1 / 2, 1 / 2, np.nan],
                [1.0, np.nan, np.nan, np.nan],
            ],
            index=pd.PeriodIndex(["2024-01", "2024-02", "2024-04"], freq="M", name="cohort"),
            columns=pd.Index([0, 1, 2, 3], name="periods_since_first_purchase"),
        )
        pd.testing.assert_frame_equal(m, expected)

    def test_counts(self):
        m = loyalty.cohort_retention(self.CUSTOMERS, orders_frame(self.ROWS), values="count")
        assert m[0].tolist() == [3, 2, 1]
        assert m.loc[pd.Period("2024-01", "M")].tolist() == [3, 1, 1, 1]

    def test_subset_of_customers(self):
        sub = self.CUSTOMERS[self.CUSTOMERS["customer_id"].isin([1, 4])]
        m = loyalty.cohort_retention(sub, orders_frame(self.ROWS))
        # Still observed up to April from the whole orders table.
        assert m.loc[pd.Period("2024-01", "M")].tolist() == [1.0, 1.0, 0.0, 1.0]
        assert m.loc[pd.Period("2024-02", "M")].tolist()[:3] == [1.0, 1.0, 1.0]
        assert math.isnan(m.loc[pd.Period("2024-02", "M")].tolist()[3])

    def test_as_of_extends_observation(self):
        m = loyalty.cohort_retention(self.CUSTOMERS, orders_frame(self.ROWS), as_of="2024-05-31")
        assert m.columns.tolist() == [0, 1, 2, 3, 4]
        assert m.loc[pd.Period("2024-04", "M"), 1] == 0.0  # observed, nobody back
        assert m.loc[pd.Period("2024-01", "M"), 4] == 0.0

    def test_quarterly(self):
        m = loyalty.cohort_retention(self.CUSTOMERS, orders_frame(self.ROWS), period="Q")
        # Q1 cohort = customers 1-5; in Q2: 1 and 4 -> 2/5.
        assert m.loc[pd.Period("2024Q1", "Q")].tolist() == [1.0, 0.4]
        assert m.loc[pd.Period("2024Q2", "Q")].tolist()[0] == 1.0

    def test_against_brute_force_sets(self):
        rng = np.random.default_rng(7)
        start = pd.Timestamp("2024-01-01")
        rows = [
            (int(c), str((start + pd.Timedelta(days=int(k))).date()))
            for c, k in zip(rng.integers(1, 60, 500), rng.integers(0, 200, 500))
        ]
        customers = pd.DataFrame({"customer_id": np.arange(1, 60)})
        m = loyalty.cohort_retention(customers, orders_frame(rows), period="W")
        months: dict[int, set] = {}
        for c, t in rows:
            months.setdefault(c, set()).add(pd.Timestamp(t).to_period("W"))
        last = max(p for s in months.values() for p in s)
        for cohort, row in m.iterrows():
            members = [c for c, s in months.items() if min(s) == cohort]
            for k, share in row.items():
                if cohort + k > last:
                    assert math.isnan(share)
                else:
                    back = sum(1 for c in members if cohort + k in months[c])
                    assert share == pytest.approx(back / len(members))

    def test_single_customer(self):
        m = loyalty.cohort_retention(pd.DataFrame({"customer_id": [1]}), orders_frame([(1, "2024-01-05")]))
        assert m.shape == (1, 1) and m.iloc[0, 0] == 1.0

    @pytest.mark.parametrize(
        "kwargs, words",
        [
            ({"period": "quarter"}, ["period"]),
            ({"values": "percent"}, ["values", "share", "count"]),
            ({"customer_col": "client"}, ['"client"', "customer_col"]),
        ],
    )
    def test_bad_arguments(self, kwargs, words):
        with pytest.raises(DataError) as err:
            loyalty.cohort_retention(self.CUSTOMERS, orders_frame(self.ROWS), **kwargs)
        for w in words:
            assert w in str(err.value)

    def test_no_matching_customers_and_empty(self):
        with pytest.raises(DataError, match="same customer ids"):
            loyalty.cohort_retention(pd.DataFrame({"customer_id": [99]}), orders_frame(self.ROWS))
        with pytest.raises(DataError, match="orders table has 0 rows"):
            loyalty.cohort_retention(self.CUSTOMERS, orders_frame([]))
        with pytest.raises(DataError, match="customers must be a pandas DataFrame"):
            loyalty.cohort_retention([1, 2], orders_frame(self.ROWS))


# ---------------------------------------------------------------------------
# Dick & Basu loyalty matrix
# ---------------------------------------------------------------------------


def surveys_frame(rows: list[tuple]) -> pd.DataFrame:
    """Surveys from (customer_id, attitude_1, attitude_2, attitude_3)."""
    return pd.DataFrame(rows, columns=["customer_id", "attitude_1", "attitude_2", "attitude_3"])


class TestLoyaltyMatrix:
    SURVEYS = surveys_frame(
        [
            (1, 7, 6, 5),  # mean 6.0, high
            (2, 5, 5, 5),  # mean 5.0 exactly: high (>= threshold)
            (3, 4, 5, 5),  # mean 4.667: low
            (4, 1, 2, 3),  # mean 2.0: low
            (5, 6, 6, 6),  # surveyed, never ordered: patronage 0
            (1, 5, 5, 5),  # second answer of customer 1: mean over responses (6+5)/2
        ]
    )
    ORDERS = orders_frame(
        [(1, "2024-01-01"), (1, "2024-02-01"), (2, "2024-01-05"), (3, "2024-01-01"),
         (3, "2024-03-01"), (3, "2024-04-01"), (4, "2024-01-09"), (6, "2024-01-01"), (6, "2024-01-02")]
    )

    def test_four_groups_hand_computed(self):
        m = loyalty.loyalty_matrix(self.SURVEYS, self.ORDERS)
        assert m.index.tolist() == [1, 2, 3, 4, 5]  # customer 6 never surveyed
        assert m.index.name == "customer_id"
        assert m["attitude"].tolist() == pytest.approx([5.5, 5.0, 14 / 3, 2.0, 6.0])
        assert m["patronage"].tolist() == [2, 1, 3, 1, 0]
        assert m["loyalty_group"].tolist() == [
            "Loyalty", "Latent loyalty", "Spurious loyalty", "No loyalty", "Latent loyalty"
        ]
        assert list(m["loyalty_group"].cat.categories) == loyalty.LOYALTY_GROUPS

    def test_thresholds_are_parameters(self):
        m = loyalty.loyalty_matrix(self.SURVEYS, self.ORDERS, attitude_threshold=4.5, patronage_threshold=3)
        assert m["loyalty_group"].tolist() == [
            "Latent loyalty", "Latent loyalty", "Loyalty", "No loyalty", "Latent loyalty"
        ]

    def test_spend_and_single_item(self):
        orders = self.ORDERS.assign(amount=[5.0, 5.0, 50.0, 1.0, 1.0, 1.0, 20.0, 9.0, 9.0])
        m = loyalty.loyalty_matrix(
            self.SURVEYS, orders, patronage="spend", patronage_threshold=15, attitude_cols="attitude_1"
        )
        assert m["patronage"].tolist() == [10.0, 50.0, 3.0, 20.0, 0.0]
        assert m["attitude"].tolist() == [6.0, 5.0, 4.0, 1.0, 6.0]
        assert m["loyalty_group"].tolist() == [
            "Latent loyalty", "Loyalty", "No loyalty", "Spurious loyalty", "Latent loyalty"
        ]

    def test_counts_2x2(self):
        m = loyalty.loyalty_matrix(self.SURVEYS, self.ORDERS)
        counts = loyalty.loyalty_matrix_counts(m)
        assert counts.index.name == "attitude" and counts.columns.name == "repeat_patronage"
        assert counts.loc["high"].tolist() == [1, 2]
        assert counts.loc["low"].tolist() == [1, 1]
        assert counts.to_numpy().sum() == len(m)
        # Consistent with the group labels, counted independently:
        by_group = m["loyalty_group"].value_counts()
        assert counts.loc["high", "high"] == by_group["Loyalty"]
        assert counts.loc["high", "low"] == by_group["Latent loyalty"]
        assert counts.loc["low", "high"] == by_group["Spurious loyalty"]
        assert counts.loc["low", "low"] == by_group["No loyalty"]
        shares = loyalty.loyalty_matrix_counts(m, share=True)
        assert shares.to_numpy().sum() == pytest.approx(1.0)

    def test_counts_keep_empty_cells(self):
        counts = loyalty.loyalty_matrix_counts(
            pd.DataFrame({"high_attitude": [True], "high_patronage": [True]})
        )
        assert counts.to_numpy().tolist() == [[1, 0], [0, 0]]

    def test_single_customer(self):
        m = loyalty.loyalty_matrix(surveys_frame([(1, 7, 7, 7)]), orders_frame([(1, "2024-01-01")]))
        assert m["loyalty_group"].tolist() == ["Latent loyalty"]

    @pytest.mark.parametrize(
        "kwargs, words",
        [
            ({"attitude_cols": ["attitude_9"]}, ['"attitude_9"', "attitude_cols"]),
            ({"attitude_cols": []}, ["attitude_cols", "empty"]),
            ({"patronage": "visits"}, ["patronage", "orders", "spend"]),
            ({"attitude_threshold": "high"}, ["attitude_threshold", "number"]),
            ({"patronage_threshold": np.nan}, ["patronage_threshold"]),
            ({"order_col": "ticket"}, ['"ticket"', "order_col"]),
            ({"patronage": "spend", "amount_col": "paid"}, ['"paid"', "amount_col"]),
        ],
    )
    def test_bad_arguments(self, kwargs, words):
        with pytest.raises(DataError) as err:
            loyalty.loyalty_matrix(self.SURVEYS, self.ORDERS, **kwargs)
        for w in words:
            assert w in str(err.value)

    def test_bad_tables(self):
        missing = self.SURVEYS.astype({"attitude_2": float})
        missing.loc[0, "attitude_2"] = np.nan
        with pytest.raises(DataError, match="missing"):
            loyalty.loyalty_matrix(missing, self.ORDERS)
        text = self.SURVEYS.astype({"attitude_1": str})
        with pytest.raises(DataError, match="numbers are expected"):
            loyalty.loyalty_matrix(text, self.ORDERS)
        with pytest.raises(DataError, match="surveys table has 0 rows"):
            loyalty.loyalty_matrix(self.SURVEYS.iloc[:0], self.ORDERS)
        with pytest.raises(DataError, match="true/false"):
            loyalty.loyalty_matrix_counts(pd.DataFrame({"high_attitude": ["yes"], "high_patronage": [False]}))
        with pytest.raises(DataError, match='"high_patronage".*missing'):
            loyalty.loyalty_matrix_counts(pd.DataFrame({"high_attitude": [True], "high_patronage": [None]}))
        with pytest.raises(DataError, match="high_attitude"):
            loyalty.loyalty_matrix_counts(pd.DataFrame({"x": [1]}))


# ---------------------------------------------------------------------------
# Satisfaction -> loyalty curve
# ---------------------------------------------------------------------------


class TestSatisfactionLoyaltyCurve:
    SURVEYS = pd.DataFrame(
        {
            "customer_id": [1, 2, 3, 4, 5, 6],
            "survey_date": pd.to_datetime(
                ["2024-01-10", "2024-01-10", "2024-01-10", "2024-01-10", "2024-01-10", "2024-06-01"]
            ),
            "overall_satisfaction": [5, 5, 5, 2, 2, 5],
            "likely_to_recommend": [10, 9, 8, 6, 9, 10],
        }
    )
    ORDERS = orders_frame(
        [
            (1, "2024-01-05"), (1, "2024-02-09"),  # back on day 30: inside a 30-day window
            (2, "2024-01-10"), (2, "2024-02-10"),  # same day (not after) and day 31: no
            (3, "2024-01-11"),  # next day: yes
            (4, "2024-01-01"),  # no later order
            (5, "2024-01-20"),  # yes
            (6, "2024-06-02"),  # survey on 2024-06-01: window not complete by as_of
            (9, "2024-06-20"),
        ]
    )

    def test_hand_computed(self):
        curve = loyalty.satisfaction_loyalty_curve(self.SURVEYS, self.ORDERS, window_days=30)
        assert curve.index.tolist() == [1, 2, 3, 4, 5]
        assert curve.index.name == "satisfaction"
        assert curve.loc[5, "responses"] == 4
        assert curve.loc[5, "followed"] == 3  # customer 6 left out (as_of = 2024-06-20)
        assert curve.loc[5, "repurchased"] == 2
        assert curve.loc[5, "repurchase_rate"] == pytest.approx(2 / 3)
        assert curve.loc[5, "recommenders"] == 3
        assert curve.loc[5, "recommend_rate"] == pytest.approx(3 / 4)
        assert curve.loc[2, "repurchase_rate"] == pytest.approx(1 / 2)
        assert curve.loc[2, "recommend_rate"] == pytest.approx(1 / 2)
        assert curve.loc[1, "responses"] == 0 and math.isnan(curve.loc[1, "repurchase_rate"])
        assert math.isnan(curve.loc[1, "recommend_lower"])

    def test_intervals_are_wilson_from_statsmodels(self):
        from statsmodels.stats.proportion import proportion_confint

        curve = loyalty.satisfaction_loyalty_curve(self.SURVEYS, self.ORDERS, window_days=30)
        assert (curve.loc[5, "repurchase_lower"], curve.loc[5, "repurchase_upper"]) == pytest.approx(
            proportion_confint(2, 3, method="wilson")
        )
        assert (curve.loc[5, "recommend_lower"], curve.loc[5, "recommend_upper"]) == pytest.approx(
            proportion_confint(3, 4, method="wilson")
        )

    def test_as_of_and_promoter_min(self):
        curve = loyalty.satisfaction_loyalty_curve(
            self.SURVEYS, self.ORDERS, window_days=30, as_of="2024-12-31", promoter_min=8, levels=[2, 5]
        )
        assert curve.index.tolist() == [2, 5]
        assert curve.loc[5, "followed"] == 4
        assert curve.loc[5, "repurchased"] == 3
        assert curve.loc[5, "recommenders"] == 4

    def test_longer_window_catches_later_orders(self):
        curve = loyalty.satisfaction_loyalty_curve(self.SURVEYS, self.ORDERS, window_days=31, as_of="2024-12-31")
        assert curve.loc[5, "repurchased"] == 4  # customer 2's day-31 order now counts

    def test_nobody_followed(self):
        curve = loyalty.satisfaction_loyalty_curve(self.SURVEYS, self.ORDERS, window_days=365)
        assert (curve["followed"] == 0).all()
        assert curve["repurchase_rate"].isna().all()
        assert curve.loc[5, "recommend_rate"] == pytest.approx(0.75)

    @pytest.mark.parametrize(
        "kwargs, words",
        [
            ({"window_days": 0}, ["window_days"]),
            ({"window_days": 7.5}, ["window_days"]),
            ({"promoter_min": 11}, ["promoter_min"]),
            ({"confidence": 1.5}, ["confidence"]),
            ({"levels": [3, 4, 5]}, ["overall_satisfaction", "levels", "2"]),
            ({"levels": [1.5, 2]}, ["levels", "whole"]),
            ({"levels": []}, ["levels", "empty"]),
            ({"satisfaction_col": "csat"}, ['"csat"', "satisfaction_col"]),
            ({"survey_date_col": "answered"}, ['"answered"', "survey_date_col"]),
            ({"date_col": "when"}, ['"when"', "date_col"]),
            ({"as_of": "later"}, ["as_of"]),
        ],
    )
    def test_bad_arguments(self, kwargs, words):
        with pytest.raises(DataError) as err:
            loyalty.satisfaction_loyalty_curve(self.SURVEYS, self.ORDERS, **kwargs)
        for w in words:
            assert w in str(err.value)

    def test_bad_tables(self):
        bad = self.SURVEYS.assign(likely_to_recommend=[10, 9, 8, 6, 9, 12])
        with pytest.raises(DataError, match="0 to 10"):
            loyalty.satisfaction_loyalty_curve(bad, self.ORDERS)
        bad = self.SURVEYS.astype({"overall_satisfaction": float})
        bad.loc[2, "overall_satisfaction"] = np.nan
        with pytest.raises(DataError, match="missing"):
            loyalty.satisfaction_loyalty_curve(bad, self.ORDERS)
        with pytest.raises(DataError, match="surveys table has 0 rows"):
            loyalty.satisfaction_loyalty_curve(self.SURVEYS.iloc[:0], self.ORDERS)
        with pytest.raises(DataError, match="orders table has 0 rows"):
            loyalty.satisfaction_loyalty_curve(self.SURVEYS, orders_frame([]))



# ---------------------------------------------------------------------------
# One rule for every table (issue 14): the same input gives the same answer
# ---------------------------------------------------------------------------

RULE_ORDERS = orders_frame(
    [(1, "2024-01-05"), (1, "2024-01-31"), (2, "2024-01-07"), (2, "2024-02-20"), (3, "2024-01-20"),
     (4, "2024-02-11"), (1, "2024-03-02"), (4, "2024-03-15"), (5, "2024-03-30")]
)
RULE_SURVEYS = pd.DataFrame(
    {
        "customer_id": [1, 2, 3, 4, 5],
        "survey_date": pd.to_datetime(["2024-01-10", "2024-01-10", "2024-01-25", "2024-02-12", "2024-03-30"]),
        "overall_satisfaction": [5, 4, 2, 5, 3],
        "likely_to_recommend": [10, 8, 3, 9, 7],
        "attitude_1": [7, 5, 2, 6, 4],
        "attitude_2": [6, 5, 3, 6, 4],
        "attitude_3": [6, 4, 2, 7, 5],
    }
)
RULE_CUSTOMERS = pd.DataFrame({"customer_id": [1, 2, 3, 4, 5, 6]})

# Every lesson-04 function that reads a table, on (orders, surveys).
RULE_CALLS = {
    "repeat_purchase_rate": lambda o, s: loyalty.repeat_purchase_rate(o),
    "repeat_within_days": lambda o, s: loyalty.repeat_purchase_rate(o, within_days=30, as_of="2024-04-30"),
    "retention_rate": lambda o, s: loyalty.retention_rate(o, as_of="2024-03-31"),
    "churn_rate": lambda o, s: loyalty.churn_rate(o, period="W"),
    "cohort_retention": lambda o, s: loyalty.cohort_retention(RULE_CUSTOMERS, o),
    "loyalty_matrix": lambda o, s: loyalty.loyalty_matrix(s, o),
    "loyalty_matrix_spend": lambda o, s: loyalty.loyalty_matrix(s, o, patronage="spend", patronage_threshold=15),
    "satisfaction_loyalty_curve": lambda o, s: loyalty.satisfaction_loyalty_curve(
        s, o, window_days=30, as_of="2024-06-30"),
}


def assert_same(got, expected):
    if isinstance(expected, pd.DataFrame):
        pd.testing.assert_frame_equal(got, expected)
    else:
        assert got == expected


def shanghai(dates: pd.Series) -> pd.Series:
    """The same wall-clock dates, as timezone-aware datetimes in Asia/Shanghai."""
    return dates.dt.tz_localize("Asia/Shanghai")


RULE_VARIANTS = {
    # dates: timezone-aware (wall time kept), text, a time of day (cut to the day)
    "timezone-aware dates": (lambda o: o.assign(order_date=shanghai(o["order_date"])),
                             lambda s: s.assign(survey_date=shanghai(s["survey_date"]))),
    "text dates": (lambda o: o.assign(order_date=o["order_date"].dt.strftime("%Y-%m-%d")),
                   lambda s: s.assign(survey_date=s["survey_date"].dt.strftime("%Y-%m-%d"))),
    "times of day": (lambda o: o.assign(order_date=o["order_date"] + pd.Timedelta(hours=23, minutes=30)),
                     lambda s: s.assign(survey_date=s["survey_date"] + pd.Timedelta(hours=9))),
    # ids: categorical, nullable
    "categorical ids": (lambda o: o.astype({"customer_id": "category"}),
                        lambda s: s.astype({"customer_id": "category"})),
    "nullable ids": (lambda o: o.astype({"customer_id": "Int64", "order_id": "Int64"}),
                     lambda s: s.astype({"customer_id": "Int64"})),
    # numbers: nullable scores and amounts (pyarrow is not installed with the course)
    "nullable numbers": (lambda o: o.astype({"amount": "Float64"}),
                         lambda s: s.astype({"overall_satisfaction": "Int64", "likely_to_recommend": "Int64",
                                             "attitude_1": "Int64"})),
}


@pytest.mark.parametrize("call", list(RULE_CALLS), ids=list(RULE_CALLS))
@pytest.mark.parametrize("variant", list(RULE_VARIANTS), ids=list(RULE_VARIANTS))
def test_same_data_in_another_form_gives_the_same_answer(call, variant):
    change_orders, change_surveys = RULE_VARIANTS[variant]
    expected = RULE_CALLS[call](RULE_ORDERS, RULE_SURVEYS)
    got = RULE_CALLS[call](change_orders(RULE_ORDERS.copy()), change_surveys(RULE_SURVEYS.copy()))
    assert_same(got, expected)


def test_timezone_aware_dates_keep_their_local_day():
    # An order at 23:30 in Shanghai on 31 Jan is a January order there (15:30 UTC):
    # the shop counts its own calendar days.
    orders = pd.DataFrame({"customer_id": [1, 1], "order_date": pd.to_datetime(
        ["2024-01-31 23:30", "2024-02-01 00:30"]).tz_localize("Asia/Shanghai")})
    table = loyalty.retention_rate(orders)
    assert [str(p) for p in table.index] == ["2024-02"]
    assert table["retained"].tolist() == [1]


@pytest.mark.parametrize("call", [c for c in RULE_CALLS if not c.startswith("loyalty_matrix")])
def test_a_missing_order_date_is_a_dataerror_naming_the_column(call):
    orders = RULE_ORDERS.copy()
    orders.loc[3, "order_date"] = pd.NaT
    with pytest.raises(DataError, match=r'"order_date" of the orders table has 1 missing date\(s\) \(first at row 3\)'):
        RULE_CALLS[call](orders, RULE_SURVEYS)


def test_a_missing_survey_date_is_a_dataerror_naming_the_column():
    surveys = RULE_SURVEYS.assign(survey_date=RULE_SURVEYS["survey_date"].astype(object))
    surveys.loc[2, "survey_date"] = None
    with pytest.raises(DataError, match=r'"survey_date" of the surveys table has 1 missing date'):
        loyalty.satisfaction_loyalty_curve(surveys, RULE_ORDERS)


@pytest.mark.parametrize(
    "call, table, column",
    [
        ("loyalty_matrix_spend", "orders", "amount"),
        ("loyalty_matrix", "surveys", "attitude_2"),
        ("satisfaction_loyalty_curve", "surveys", "likely_to_recommend"),
        ("satisfaction_loyalty_curve", "surveys", "overall_satisfaction"),
    ],
)
def test_text_in_a_numeric_column_is_a_dataerror_naming_it(call, table, column):
    orders, surveys = RULE_ORDERS.copy(), RULE_SURVEYS.copy()
    frame = orders if table == "orders" else surveys
    frame[column] = frame[column].astype(str)
    frame.loc[1, column] = "n/a"
    with pytest.raises(DataError, match=rf'"{column}" of the {table} table holds text'):
        RULE_CALLS[call](orders, surveys)


def test_a_missing_customer_id_and_a_repeated_customer_are_dataerrors():
    orders = RULE_ORDERS.astype({"customer_id": "Int64"})
    orders.loc[4, "customer_id"] = pd.NA
    with pytest.raises(DataError, match=r'"customer_id" of the orders table has 1 missing id'):
        loyalty.retention_rate(orders)
    twice = pd.DataFrame({"customer_id": [1, 2, 2]})
    with pytest.raises(DataError, match=r'customers table has 1 repeated id\(s\) in "customer_id"'):
        loyalty.cohort_retention(twice, RULE_ORDERS)


def test_a_refund_nets_against_spend_patronage():
    # Spend patronage is the customer's net spend: a refund (negative amount) counts against it.
    orders = RULE_ORDERS.assign(amount=[10.0, -4.0, 10.0, 10.0, 10.0, 10.0, 10.0, 10.0, 10.0])
    m = loyalty.loyalty_matrix(RULE_SURVEYS, orders, patronage="spend")
    assert m.loc[1, "patronage"] == 10.0 - 4.0 + 10.0


def test_orders_without_a_date_column_still_give_the_dick_and_basu_matrix():
    m = loyalty.loyalty_matrix(RULE_SURVEYS, RULE_ORDERS.drop(columns="order_date"))
    assert m["patronage"].tolist() == [3, 2, 1, 2, 1]


def test_loyalty_matrix_counts_reads_one_and_zero_as_flags():
    flags = pd.DataFrame({"high_attitude": [1, 1, 0], "high_patronage": [1, 0, 0]})
    bools = flags.astype(bool)
    pd.testing.assert_frame_equal(loyalty.loyalty_matrix_counts(flags), loyalty.loyalty_matrix_counts(bools))


@pytest.mark.parametrize(
    "call, words",
    [
        (lambda: loyalty.repeat_purchase_rate(RULE_ORDERS, within_days=-30),
         ["within_days must be a whole number of days of at least 1", "within_days=30"]),
        (lambda: loyalty.satisfaction_loyalty_curve(RULE_SURVEYS, RULE_ORDERS, window_days="90"),
         ["window_days must be a whole number of days", '"90" (text)']),
        (lambda: loyalty.satisfaction_loyalty_curve(RULE_SURVEYS, RULE_ORDERS, promoter_min=11),
         ["promoter_min must be a whole number from 0 to 10, but 11 was given"]),
        (lambda: loyalty.satisfaction_loyalty_curve(RULE_SURVEYS, RULE_ORDERS, confidence=95),
         ["0.95, not 95"]),
        (lambda: loyalty.satisfaction_loyalty_curve(RULE_SURVEYS, RULE_ORDERS, levels=5),
         ["levels must be a non-empty list of whole-number satisfaction levels", "but 5 was given"]),
        (lambda: loyalty.loyalty_matrix(RULE_SURVEYS, RULE_ORDERS, attitude_threshold="5"),
         ["attitude_threshold must be a number", "For example attitude_threshold=5.0"]),
        (lambda: loyalty.loyalty_matrix(RULE_SURVEYS, RULE_ORDERS, patronage_threshold=np.inf),
         ["patronage_threshold must be a number, but inf was given"]),
        (lambda: loyalty.loyalty_matrix_counts(loyalty.loyalty_matrix(RULE_SURVEYS, RULE_ORDERS), share=1),
         ["share must be True or False, but 1 was given"]),
        (lambda: loyalty.nps_categories([9, 3], per_answer="yes"),
         ["per_answer must be True or False"]),
        (lambda: loyalty.retention_rate(RULE_ORDERS, period="month"),
         ['period="month" is not one of the valid choices']),
    ],
)
def test_bad_scalar_arguments_get_the_shared_wording(call, words):
    with pytest.raises(DataError) as err:
        call()
    for w in words:
        assert w in str(err.value)


def test_lesson_04_takes_its_intervals_from_the_ground_floor_not_from_lesson_03():
    import subprocess
    import sys

    code = "import sys, custlearn.loyalty\nprint('custlearn.satisfaction' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"

# ---------------------------------------------------------------------------
# Charts
# ---------------------------------------------------------------------------


class TestCharts:
    def teardown_method(self):
        import matplotlib.pyplot as plt

        plt.close("all")

    def test_cohort_heatmap(self):
        m = loyalty.cohort_retention(TestCohortRetention.CUSTOMERS, orders_frame(TestCohortRetention.ROWS))
        ax = plots_loyalty.cohort_heatmap(m)
        assert ax.get_xlabel() == "Months since first purchase"
        assert ax.get_title()
        with pytest.raises(DataError, match='values="share"'):
            plots_loyalty.cohort_heatmap(m * 10)

    def test_nps_bar(self):
        ax = plots_loyalty.nps_chart([10, 9, 9, 10, 9, 8, 7, 7, 6, 0])
        assert [round(p.get_height(), 3) for p in ax.patches] == [0.2, 0.3, 0.5]
        with pytest.raises(DataError):
            plots_loyalty.nps_chart([11])

    def test_curve(self):
        curve = loyalty.satisfaction_loyalty_curve(
            TestSatisfactionLoyaltyCurve.SURVEYS, TestSatisfactionLoyaltyCurve.ORDERS, window_days=30
        )
        ax = plots_loyalty.satisfaction_loyalty_chart(curve)
        assert "satisfaction" in ax.get_xlabel().lower()
        with pytest.raises(DataError, match="repurchase_rate"):
            plots_loyalty.satisfaction_loyalty_chart(pd.DataFrame({"x": [1]}))

    def test_matrix(self):
        m = loyalty.loyalty_matrix(TestLoyaltyMatrix.SURVEYS, TestLoyaltyMatrix.ORDERS)
        ax = plots_loyalty.loyalty_matrix_chart(m)
        texts = [t.get_text() for t in ax.texts]
        assert any(t.startswith("Latent loyalty\n2") for t in texts)
        ax2 = plots_loyalty.loyalty_matrix_chart(loyalty.loyalty_matrix_counts(m))
        assert [t.get_text() for t in ax2.texts] == texts
        with pytest.raises(DataError, match="loyalty_matrix"):
            plots_loyalty.loyalty_matrix_chart(pd.DataFrame({"x": [1]}))


def test_import_does_not_load_heavy_libraries():
    import subprocess
    import sys

    code = (
        "import sys, custlearn.loyalty, custlearn.plots.loyalty\n"
        "print(','.join(m for m in ('scipy', 'sklearn', 'matplotlib', 'seaborn', 'statsmodels')"
        " if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_inputs_are_not_modified_and_counts_are_integers():
    orders = orders_frame(TestCohortRetention.ROWS)
    customers = TestCohortRetention.CUSTOMERS.copy()
    surveys = TestSatisfactionLoyaltyCurve.SURVEYS.copy()
    before = (orders.copy(), customers.copy(), surveys.copy())
    table = loyalty.retention_rate(orders)
    assert table["active_previous"].dtype == np.int64 and table["retained"].dtype == np.int64
    loyalty.churn_rate(orders)
    loyalty.cohort_retention(customers, orders)
    loyalty.repeat_purchase_rate(orders, within_days=10)
    loyalty.satisfaction_loyalty_curve(surveys, orders, window_days=10)
    pd.testing.assert_frame_equal(orders, before[0])
    pd.testing.assert_frame_equal(customers, before[1])
    pd.testing.assert_frame_equal(surveys, before[2])


# ---------------------------------------------------------------- the lesson's "Try it" widget (nps_simulator)


def _widget_texts(out):
    return [o["data"].get("text/markdown", o["data"].get("text/plain", "")) for o in out.outputs]


def test_nps_simulator_draws_at_once_with_the_interval_of_the_reference_formula():
    from custlearn import widgets

    box = widgets.nps_simulator(promoters=0.5, detractors=0.2, answers=100)
    out = box.children[-1]
    assert "image/png" in out.outputs[0]["data"]
    text = _widget_texts(out)[1]
    # Rocks (2016): Var = (pP + pD - (pP - pD)^2) / n = (0.5 + 0.2 - 0.09) / 100 = 0.0061, SE 7.81 points,
    # 95% interval 30 +/- 1.96 * 7.81 = 14.7 to 45.3 (same worked example as the nps_interval doctest).
    assert text.startswith("**NPS = 30.0** = 50% promoters − 20% detractors")
    assert "**14.7 to 45.3**" in text and "standard error 7.8" in text
    # two independent surveys: difference SE = sqrt(2) * 7.81 = 11.05; 1.96 * 11.05 = 21.6 points
    assert "**21.6 points**" in text
    assert repr(box).startswith("Try it: move the shares of promoters and detractors")


def test_nps_simulator_redraws_and_refuses_shares_above_100_percent():
    from custlearn import widgets

    box = widgets.nps_simulator(promoters=0.5, detractors=0.2, answers=100)
    promoters, detractors, answers = box.children[1].children
    out = box.children[-1]
    answers.value = 400  # four times the answers: the interval halves
    assert "**22.3 to 37.7**" in _widget_texts(out)[1]
    detractors.value = 0.6
    assert len(out.outputs) == 1 and "add up to more than 100%" in _widget_texts(out)[0]
    detractors.value = 0.5
    assert "**NPS = 0.0**" in _widget_texts(out)[1]
