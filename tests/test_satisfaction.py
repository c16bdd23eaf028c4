"""Tests of custlearn.satisfaction (lesson 03) and its charts.

Every formula is checked against an independent reference: a published
worked example (cited where used) or a well-kept library used only here
(statsmodels, scipy.stats). Expected values are never copied from the
module's own output.
"""

from __future__ import annotations

import math
import subprocess
import sys

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from scipy import stats

from custlearn import DataError
from custlearn import satisfaction as sat
from custlearn.plots.satisfaction import (
    importance_performance_chart,
    score_distribution_chart,
    servqual_gap_chart,
)

RNG_SEED = 20260303


# ---------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------


def servqual_frame(n=60, seed=1, dims=sat.DIMENSIONS, items=3, exp_prefix="exp_", per_prefix="per_"):
    """A hand-made surveys table with the schema's SERVQUAL columns (1-7)."""
    rng = np.random.default_rng(seed)
    cols = {}
    for d_i, d in enumerate(dims):
        for k in range(1, items + 1):
            cols[f"{exp_prefix}{d}_{k}"] = rng.integers(4, 8, n)
            cols[f"{per_prefix}{d}_{k}"] = rng.integers(1 + d_i % 3, 8, n)
    return pd.DataFrame(cols)


# Published worked example: the documented Cronbach example of pingouin
# (Vallat 2018, "Pingouin: statistics in Python", JOSS 3(31):1026), 15 respondents
# x 10 items, pingouin/datasets/cronbach_alpha.csv (long format there, typed in
# wide here). The pingouin.cronbach_alpha docstring prints alpha = 0.591719 and the
# Feldt 95% CI [0.195, 0.84], results "tested against the R package psych".
PINGOUIN_ITEMS = pd.DataFrame(
    {
        "Q1": [3, 5, 7, 2, 6, 1, 4, 2, 6, 5, 4, 4, 5, 6, 4],
        "Q2": [2, 4, 3, 4, 5, 2, 3, 4, 5, 4, 3, 2, 5, 5, 3],
        "Q3": [4, 6, 5, 3, 6, 3, 5, 4, 5, 6, 5, 3, 6, 5, 5],
        "Q4": [1, 3, 5, 3, 5, 4, 3, 3, 5, 4, 2, 2, 2, 4, 5],
        "Q5": [4, 5, 6, 2, 4, 2, 5, 7, 1, 3, 5, 5, 3, 2, 3],
        "Q6": [5, 1, 4, 2, 4, 5, 2, 2, 6, 5, 3, 3, 3, 2, 1],
        "Q7": [1, 2, 3, 2, 4, 2, 1, 2, 5, 3, 2, 4, 2, 1, 3],
        "Q8": [4, 5, 3, 6, 6, 3, 2, 4, 2, 1, 3, 2, 4, 4, 2],
        "Q9": [3, 5, 6, 6, 7, 5, 4, 6, 3, 7, 4, 3, 4, 6, 3],
        "Q10": [2, 5, 5, 3, 5, 2, 3, 5, 2, 2, 1, 4, 5, 5, 4],
    }
)


def hoyt_alpha_and_f(items: pd.DataFrame):
    """Alpha by Hoyt's (1941) two-way ANOVA route, fitted with statsmodels:
    alpha = 1 - MS_residual / MS_respondents. Returns (alpha, MS ratio, df1, df2)."""
    import statsmodels.formula.api as smf
    from statsmodels.stats.anova import anova_lm

    long = items.reset_index(names="resp").melt(id_vars="resp", var_name="item", value_name="score")
    fit = smf.ols("score ~ C(resp) + C(item)", data=long).fit()
    table = anova_lm(fit, typ=2)
    ms = table["sum_sq"] / table["df"]
    f_obs = ms["C(resp)"] / ms["Residual"]
    return 1 - 1 / f_obs, f_obs, table.loc["C(resp)", "df"], table.loc["Residual", "df"]


# ---------------------------------------------------------------------------
# import hygiene
# ---------------------------------------------------------------------------


def test_import_loads_no_scipy_or_plotting_library():
    code = (
        "import sys, custlearn.satisfaction, custlearn.plots.satisfaction\n"
        "print(','.join(m for m in ('scipy', 'sklearn', 'matplotlib', 'seaborn', 'statsmodels')"
        " if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_public_names_have_docstrings_with_examples_and_sources():
    for name in sat.__all__:
        obj = getattr(sat, name)
        if callable(obj) and name != "Interval":
            doc = obj.__doc__ or ""
            assert "Examples" in doc and ">>>" in doc, name
            assert "Lesson 03" in doc, name
            assert any(ch.isdigit() for ch in doc.split("Parameters")[0]), name  # a cited year


# ---------------------------------------------------------------------------
# CSAT, CES, score distribution
# ---------------------------------------------------------------------------


def test_csat_top_box_is_percentage_of_4s_and_5s_by_direct_count():
    rng = np.random.default_rng(RNG_SEED)
    scores = rng.integers(1, 6, 500)
    expected = 100 * np.count_nonzero(scores >= 4) / scores.size
    assert sat.csat(scores) == pytest.approx(expected)
    assert sat.csat(pd.Series(scores), statistic="mean") == pytest.approx(np.mean(scores))
    assert sat.csat(scores, top_box=1) == pytest.approx(100 * np.mean(scores == 5))
    assert sat.csat(scores, top_box=3) == pytest.approx(100 * np.mean(scores >= 3))


def test_csat_on_a_ten_point_scale():
    scores = [10, 9, 8, 1, 5]
    assert sat.csat(scores, scale=10, top_box=2) == pytest.approx(40.0)


def test_csat_top_box_and_mean_can_disagree():
    # moving unhappy customers from 1 to 3 raises the mean, not the top-box share
    before = [1, 1, 1, 4, 5]
    after = [3, 3, 3, 4, 5]
    assert sat.csat(after) == sat.csat(before) == pytest.approx(40.0)
    assert sat.csat(after, statistic="mean") > sat.csat(before, statistic="mean")


def test_csat_single_answer_and_all_ties():
    assert sat.csat([5]) == 100.0
    assert sat.csat([3, 3, 3]) == 0.0
    assert sat.csat([3, 3, 3], statistic="mean") == 3.0


def test_ces_top_box_is_share_of_5_6_7_on_a_seven_point_scale():
    # Dixon, Toman & DeLisi (2013) CES 2.0: agree = 5, 6 or 7
    rng = np.random.default_rng(RNG_SEED + 1)
    scores = rng.integers(1, 8, 300)
    assert sat.ces(scores) == pytest.approx(100 * np.isin(scores, [5, 6, 7]).mean())
    assert sat.ces(scores, statistic="mean") == pytest.approx(scores.mean())


def test_ces_rejects_answers_outside_one_to_seven():
    with pytest.raises(DataError, match="1 to 7"):
        sat.ces([8, 7, 6])
    with pytest.raises(DataError, match="1 to 7"):
        sat.ces([0, 7, 6])


@pytest.mark.parametrize(
    "scores, kwargs, words",
    [
        ([6, 5, 4], {}, "from 1 to 5"),
        ([0, 5, 4], {}, "from 1 to 5"),
        ([4.5, 5, 4], {}, "decimals"),
        ([5, np.nan, 4], {}, "missing"),
        (["5", "very happy"], {}, "text"),
        ([True, False], {}, "true/false"),
        ([], {}, "no answers"),
        ([5, 4], {"top_box": 5}, "smaller than scale"),
        ([5, 4], {"top_box": 0}, "top_box"),
        ([5, 4], {"scale": 1}, "scale"),
        ([5, 4], {"statistic": "median"}, "statistic"),
    ],
)
def test_csat_bad_input_raises_data_error(scores, kwargs, words):
    with pytest.raises(DataError, match=words):
        sat.csat(scores, **kwargs)


def test_csat_rejects_a_whole_table():
    with pytest.raises(DataError, match="one column"):
        sat.csat(pd.DataFrame({"a": [1, 2]}))


def test_score_distribution_matches_bincount_and_shows_empty_points():
    rng = np.random.default_rng(RNG_SEED + 2)
    scores = rng.choice([1, 2, 4, 5], 200)  # nobody chose 3
    dist = sat.score_distribution(scores)
    counts = np.bincount(scores, minlength=6)[1:]
    assert dist.index.tolist() == [1, 2, 3, 4, 5]
    assert dist["count"].tolist() == counts.tolist()
    assert dist.loc[3, "count"] == 0
    assert dist["percent"].sum() == pytest.approx(100.0)
    assert dist["percent"].to_numpy() == pytest.approx(100 * counts / 200)


def test_score_distribution_bad_input():
    with pytest.raises(DataError, match="from 1 to 7"):
        sat.score_distribution([9], scale=7)


# ---------------------------------------------------------------------------
# Wilson interval, margin of error, sample size
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "successes, n, confidence",
    [(0, 10, 0.95), (10, 10, 0.95), (6, 10, 0.95), (1, 1, 0.95), (0, 1, 0.9),
     (37, 50, 0.90), (412, 1000, 0.99), (3, 250, 0.80), (249, 250, 0.95), (50, 100, 0.5)],
)
def test_wilson_matches_statsmodels(successes, n, confidence):
    from statsmodels.stats.proportion import proportion_confint

    lower, upper = proportion_confint(successes, n, alpha=1 - confidence, method="wilson")
    ci = sat.proportion_ci(successes, n, confidence)
    assert ci.lower == pytest.approx(lower, abs=1e-12)
    assert ci.upper == pytest.approx(upper, abs=1e-12)
    assert ci.estimate == pytest.approx(successes / n)
    assert (ci.confidence, ci.n, ci.method) == (confidence, n, "Wilson")
    assert 0.0 <= ci.lower <= ci.estimate <= ci.upper <= 1.0


@pytest.mark.parametrize(
    "successes, n, lower, upper",
    # Newcombe (1998), "Two-sided confidence intervals for the single proportion:
    # comparison of seven methods", Statistics in Medicine 17:857-872: the paper's
    # illustrative examples 81/263, 15/148, 0/20, 1/29 with method 3 (Wilson score
    # interval without continuity correction), 95%.
    [(81, 263, 0.2553, 0.3662), (15, 148, 0.0624, 0.1605), (0, 20, 0.0000, 0.1611),
     (1, 29, 0.0061, 0.1718)],
)
def test_wilson_matches_newcombe_1998_table(successes, n, lower, upper):
    ci = sat.proportion_ci(successes, n)
    assert round(ci.lower, 4) == lower
    assert round(ci.upper, 4) == upper


def test_wilson_interval_has_readable_repr_and_is_frozen():
    ci = sat.proportion_ci(6, 10)
    assert repr(ci).startswith("Interval(estimate=0.6000, lower=0.3127")
    with pytest.raises(AttributeError):
        ci.lower = 0.0  # type: ignore[misc]


@pytest.mark.parametrize(
    "args, words",
    [
        ((11, 10), "at most n"),
        ((-1, 10), "successes"),
        ((1, 0), "n must be a whole number"),
        ((1.5, 10), "successes"),
        ((1, 10, 95), "not a percentage"),
        ((1, 10, 0), "confidence"),
        ((1, 10, 1), "confidence"),
        ((1, 10, "95%"), "confidence"),
    ],
)
def test_proportion_ci_bad_input(args, words):
    with pytest.raises(DataError, match=words):
        sat.proportion_ci(*args)


def test_margin_of_error_published_and_statsmodels():
    from statsmodels.stats.proportion import proportion_confint

    # the classic poll: n = 1,000 at 95% gives "plus or minus 3 points"
    # (1.96 * sqrt(0.25 / 1000) = 0.031; Cochran 1977, Sampling Techniques, ch. 3-4)
    assert round(sat.margin_of_error(1000), 3) == 0.031
    assert round(sat.margin_of_error(400), 3) == 0.049
    # the normal-approximation interval of statsmodels has the same half-width
    for n, p, conf in [(100, 0.5, 0.95), (385, 0.3, 0.9), (2500, 0.8, 0.99)]:
        lo, hi = proportion_confint(round(p * n), n, alpha=1 - conf, method="normal")
        assert sat.margin_of_error(n, p=round(p * n) / n, confidence=conf) == pytest.approx((hi - lo) / 2)


def test_margin_of_error_finite_population_correction():
    z = stats.norm.ppf(0.975)
    expected = z * math.sqrt(0.25 / 400) * math.sqrt((1000 - 400) / (1000 - 1))
    assert sat.margin_of_error(400, population=1000) == pytest.approx(expected)
    assert sat.margin_of_error(1000, population=1000) == 0.0  # a census has no sampling error
    assert sat.margin_of_error(1, population=1) == 0.0
    assert sat.margin_of_error(400, p=0.0) == 0.0


def test_required_sample_size_published_values():
    # Cochran (1977) n0 = z^2 p q / d^2: the textbook 385 for +/- 5 points at 95%, p = 0.5
    assert sat.required_sample_size(0.05) == 385
    # +/- 3 points: 1.96^2 * 0.25 / 0.03^2 = 1067.1 -> 1068
    assert sat.required_sample_size(0.03) == 1068
    # Krejcie & Morgan (1970), "Determining sample size for research activities",
    # Educational and Psychological Measurement 30:607-610, Table 1 (d = 0.05, 95%, P = 0.5).
    # (Their table rounds to the nearest whole; we round up, so we compare only
    # where both agree: e.g. N = 500 gives 217.5 -> 217 there, 218 here.)
    for population, expected in [(100, 80), (200, 132), (1000, 278), (10_000, 370)]:
        assert sat.required_sample_size(0.05, population=population) == expected


def test_required_sample_size_matches_statsmodels_and_inverts_margin():
    from statsmodels.stats.proportion import samplesize_confint_proportion

    for margin, p, conf in [(0.05, 0.5, 0.95), (0.02, 0.3, 0.9), (0.1, 0.8, 0.99)]:
        n0 = samplesize_confint_proportion(p, margin, alpha=1 - conf)
        n = sat.required_sample_size(margin, p=p, confidence=conf)
        assert n == math.ceil(n0)
        assert sat.margin_of_error(n, p=p, confidence=conf) <= margin
        assert sat.margin_of_error(n - 1, p=p, confidence=conf) > margin


@pytest.mark.parametrize(
    "func, args, kwargs, words",
    [
        (sat.margin_of_error, (0,), {}, "n must be"),
        (sat.margin_of_error, (10.5,), {}, "n must be"),
        (sat.margin_of_error, (100,), {"p": 1.5}, "p must be"),
        (sat.margin_of_error, (100,), {"population": 50}, "cannot be larger"),
        (sat.margin_of_error, (100,), {"confidence": 1.2}, "confidence"),
        (sat.required_sample_size, (5,), {}, "not a percentage"),
        (sat.required_sample_size, (0,), {}, "margin"),
        (sat.required_sample_size, (0.05,), {"population": 0}, "population"),
        (sat.required_sample_size, (0.05,), {"p": -0.1}, "p must be"),
    ],
)
def test_margin_and_sample_size_bad_input(func, args, kwargs, words):
    with pytest.raises(DataError, match=words):
        func(*args, **kwargs)


# ---------------------------------------------------------------------------
# Cronbach's alpha
# ---------------------------------------------------------------------------


def test_cronbach_alpha_published_example_pingouin():
    # pingouin.cronbach_alpha docstring: 0.591719, 95% CI [0.195, 0.84]
    assert round(sat.cronbach_alpha(PINGOUIN_ITEMS), 6) == 0.591719
    ci = sat.cronbach_alpha_ci(PINGOUIN_ITEMS, 0.95)
    assert round(ci.lower, 3) == 0.195
    assert round(ci.upper, 3) == 0.840
    assert ci.n == 15 and ci.method == "Feldt"


def test_cronbach_alpha_equals_hoyt_anova_route():
    # Hoyt (1941): alpha = 1 - MS_residual / MS_respondents from the two-way
    # ANOVA respondents x items (fitted with statsmodels).
    rng = np.random.default_rng(RNG_SEED + 3)
    trait = rng.normal(size=80)
    items = pd.DataFrame({f"i{j}": np.clip(np.round(4 + trait + rng.normal(size=80)), 1, 7) for j in range(5)})
    for data in (items, PINGOUIN_ITEMS):
        expected, *_ = hoyt_alpha_and_f(data)
        assert sat.cronbach_alpha(data) == pytest.approx(expected, abs=1e-10)


def test_cronbach_alpha_covariance_form_and_negative_alpha():
    # alpha = k/(k-1) * (1 - trace(C) / sum(C)) with C the item covariance matrix
    items = pd.DataFrame({"a": [1, 2, 3, 4, 5], "b": [5, 4, 3, 2, 1], "c": [2, 2, 3, 3, 5]})
    cov = np.cov(items.to_numpy(), rowvar=False, ddof=1)
    k = cov.shape[0]
    expected = k / (k - 1) * (1 - np.trace(cov) / cov.sum())
    assert sat.cronbach_alpha(items) == pytest.approx(expected)
    assert sat.cronbach_alpha(items) < 0  # a reversed item not recoded


def test_feldt_ci_by_the_anova_f_route():
    # McGraw & Wong (1996), ICC(C,k) interval = Feldt's interval for alpha:
    # F_obs = MS_resp / MS_res; lower = 1 - F_{1-g/2}(df1, df2) / F_obs,
    # upper = 1 - F_{g/2}(df1, df2) / F_obs.
    for confidence in (0.95, 0.90, 0.99):
        _, f_obs, df1, df2 = hoyt_alpha_and_f(PINGOUIN_ITEMS)
        g = 1 - confidence
        lower = 1 - stats.f.isf(g / 2, df1, df2) / f_obs
        upper = 1 - stats.f.isf(1 - g / 2, df1, df2) / f_obs
        ci = sat.cronbach_alpha_ci(PINGOUIN_ITEMS, confidence)
        assert ci.lower == pytest.approx(lower, abs=1e-10)
        assert ci.upper == pytest.approx(upper, abs=1e-10)
        assert ci.lower < ci.estimate < ci.upper


def test_alpha_if_item_deleted_matches_independent_computation():
    rng = np.random.default_rng(RNG_SEED + 4)
    trait = rng.normal(size=60)
    items = pd.DataFrame({f"q{j}": np.round(4 + trait + rng.normal(size=60)) for j in range(1, 4)})
    items["noise"] = rng.integers(1, 8, 60).astype(float)  # measures something else
    table = sat.alpha_if_item_deleted(items)
    assert table.index.tolist() == ["q1", "q2", "q3", "noise"]
    full, *_ = hoyt_alpha_and_f(items)

    def alpha_from_covariance(data):  # alpha = k/(k-1) * (1 - trace(C) / sum(C))
        cov = np.cov(data.to_numpy(), rowvar=False, ddof=1)
        k = cov.shape[0]
        return k / (k - 1) * (1 - np.trace(cov) / cov.sum())

    for col in items.columns:
        rest = items.drop(columns=col)
        expected = alpha_from_covariance(rest)
        r = stats.pearsonr(items[col], rest.sum(axis=1)).statistic
        assert table.loc[col, "alpha_if_deleted"] == pytest.approx(expected, abs=1e-10)
        assert table.loc[col, "item_rest_correlation"] == pytest.approx(r, abs=1e-10)
        assert table.loc[col, "alpha_change"] == pytest.approx(expected - full, abs=1e-10)
    # the noise item is the one that hurts the scale
    assert table["alpha_change"].idxmax() == "noise"
    assert table.loc["noise", "alpha_change"] > 0


def test_alpha_if_item_deleted_constant_item_has_no_correlation():
    items = pd.DataFrame({"a": [1, 2, 3, 4], "b": [2, 2, 4, 4], "c": [3, 3, 3, 3]})
    table = sat.alpha_if_item_deleted(items)
    assert math.isnan(table.loc["c", "item_rest_correlation"])
    # without "a" the rest (b + c) still varies; all defined
    assert not math.isnan(table.loc["a", "alpha_if_deleted"])


def test_alpha_if_item_deleted_undefined_rest_gives_nan_not_error():
    # without "a", b + c is 5 for everyone: alpha of the rest is undefined
    items = pd.DataFrame({"a": [1, 2, 3, 5], "b": [1, 2, 3, 4], "c": [4, 3, 2, 1]})
    table = sat.alpha_if_item_deleted(items)
    assert math.isnan(table.loc["a", "alpha_if_deleted"])
    assert math.isnan(table.loc["a", "item_rest_correlation"])
    assert not math.isnan(table.loc["b", "alpha_if_deleted"])


@pytest.mark.parametrize(
    "items, words",
    [
        ([[1, 2], [3, 4]], "must be a DataFrame"),
        (pd.DataFrame({"a": [1, 2, 3]}), "at least 2 items"),
        (pd.DataFrame({"a": [1], "b": [2]}), "at least 2"),
        (pd.DataFrame({"a": [1, 2, None], "b": [2, 3, 4]}), "missing"),
        (pd.DataFrame({"a": ["x", "y"], "b": [2, 3]}), "numbers are expected"),
        (pd.DataFrame({"a": [1, 2, 3], "b": [3, 2, 1]}), "total variance is 0"),
        (pd.DataFrame({"a": [], "b": []}), "at least 2"),
    ],
)
def test_cronbach_alpha_bad_input(items, words):
    with pytest.raises(DataError, match=words):
        sat.cronbach_alpha(items)


def test_alpha_ci_and_item_deleted_bad_input():
    two = pd.DataFrame({"a": [1, 2, 3], "b": [1, 3, 3]})
    with pytest.raises(DataError, match="at least 3 items"):
        sat.alpha_if_item_deleted(two)
    with pytest.raises(DataError, match="confidence"):
        sat.cronbach_alpha_ci(two, 95)


# ---------------------------------------------------------------------------
# SERVQUAL
# ---------------------------------------------------------------------------


def test_servqual_gaps_on_schema_columns_by_hand():
    surveys = servqual_frame()
    gaps = sat.servqual_gaps(surveys)
    assert gaps.index.tolist() == list(sat.DIMENSIONS)
    assert gaps.columns.tolist() == ["expectation", "perception", "gap", "n", "items", "quality"]
    for d in sat.DIMENSIONS:
        exp = np.mean([surveys[f"exp_{d}_{k}"].to_numpy() for k in (1, 2, 3)])
        per = np.mean([surveys[f"per_{d}_{k}"].to_numpy() for k in (1, 2, 3)])
        assert gaps.loc[d, "expectation"] == pytest.approx(exp)
        assert gaps.loc[d, "perception"] == pytest.approx(per)
        assert gaps.loc[d, "gap"] == pytest.approx(per - exp)  # P - E (PZB 1988)
        assert gaps.loc[d, "n"] == 60 and gaps.loc[d, "items"] == 3
    assert gaps.loc["reliability", "quality"] == "technical"
    assert set(gaps.drop(index="reliability")["quality"]) == {"functional"}


def test_servqual_worked_gap_example():
    # a two-respondent, one-item-per-dimension check done by hand:
    # reliability E = (7 + 6) / 2 = 6.5, P = (4 + 5) / 2 = 4.5, gap = -2.0
    s = pd.DataFrame({"exp_reliability_1": [7, 6], "per_reliability_1": [4, 5]})
    gaps = sat.servqual_gaps(s, dimensions=["reliability"])
    assert gaps.loc["reliability", ["expectation", "perception", "gap"]].tolist() == [6.5, 4.5, -2.0]


def test_servqual_custom_prefixes_dimensions_and_groups():
    surveys = servqual_frame(dims=["speed", "care"], items=2, exp_prefix="E_", per_prefix="P_")
    gaps = sat.servqual_gaps(
        surveys, dimensions=["speed", "care"], expectation_prefix="E_", perception_prefix="P_",
        quality_types={"speed": "technical"},
    )
    assert gaps.index.tolist() == ["speed", "care"]
    assert gaps["items"].tolist() == [2, 2]
    assert gaps["quality"].tolist() == ["technical", "unassigned"]
    exp = surveys[["E_care_1", "E_care_2"]].to_numpy().mean()
    assert gaps.loc["care", "expectation"] == pytest.approx(exp)


def test_servqual_missing_answers_drop_the_respondent_for_that_dimension_only():
    surveys = servqual_frame(n=10).astype(float)
    surveys.loc[0, "per_empathy_2"] = np.nan
    surveys.loc[1, "exp_empathy_1"] = np.nan
    gaps = sat.servqual_gaps(surveys)
    assert gaps.loc["empathy", "n"] == 8
    assert gaps.loc["tangibles", "n"] == 10
    keep = surveys.drop(index=[0, 1])
    expected = np.mean([keep[f"per_empathy_{k}"].to_numpy() for k in (1, 2, 3)])
    assert gaps.loc["empathy", "perception"] == pytest.approx(expected)
    scores = sat.servqual_scores(surveys, kind="gap")
    assert scores["empathy"].isna().sum() == 2


def test_servqual_scores_per_respondent():
    surveys = servqual_frame(n=5)
    per = sat.servqual_scores(surveys)
    exp = sat.servqual_scores(surveys, kind="expectation")
    gap = sat.servqual_scores(surveys, kind="gap")
    for d in sat.DIMENSIONS:
        by_hand = surveys[[f"per_{d}_{k}" for k in (1, 2, 3)]].sum(axis=1) / 3
        assert per[d].to_numpy() == pytest.approx(by_hand.to_numpy())
    assert (gap - (per - exp)).abs().max().max() == pytest.approx(0)
    assert per.index.equals(surveys.index)


def test_servqual_single_respondent():
    gaps = sat.servqual_gaps(servqual_frame(n=1))
    assert (gaps["n"] == 1).all()


def test_technical_functional_gaps_average_the_dimensions():
    gaps = sat.servqual_gaps(servqual_frame())
    tf = sat.technical_functional_gaps(gaps)
    assert tf.index.tolist() == ["technical", "functional"]
    functional = gaps[gaps["quality"] == "functional"]
    assert tf.loc["functional", "gap"] == pytest.approx(functional["gap"].mean())
    assert tf.loc["technical", "perception"] == pytest.approx(gaps.loc["reliability", "perception"])
    assert tf.loc["functional", "dimensions"] == "tangibles, responsiveness, assurance, empathy"
    with pytest.raises(DataError, match="quality"):
        sat.technical_functional_gaps(gaps.drop(columns="quality"))


@pytest.mark.parametrize(
    "change, kwargs, words",
    [
        (lambda s: s.drop(columns=[c for c in s if "empathy" in c and c.startswith("per_")]), {},
         'perception_prefix'),
        (lambda s: s.drop(columns=["per_empathy_3"]), {}, "same number"),
        (lambda s: s.assign(per_empathy_3=8), {}, "from 1 to 7"),
        (lambda s: s.assign(per_empathy_3=2.5), {}, "decimals"),
        (lambda s: s.assign(per_empathy_3="good"), {}, "numbers are expected"),
        (lambda s: s.iloc[0:0], {}, "0 rows"),
        (lambda s: s, {"dimensions": []}, "dimensions"),
        (lambda s: s, {"dimensions": ["empathy", "empathy"]}, "twice"),
        (lambda s: s, {"dimensions": ["speed"]}, '"speed"'),
        (lambda s: s, {"scale": 0}, "scale"),
    ],
)
def test_servqual_bad_input(change, kwargs, words):
    surveys = change(servqual_frame(n=5))
    with pytest.raises(DataError, match=words):
        sat.servqual_gaps(surveys, **kwargs)


def test_servqual_rejects_a_non_table_and_bad_kind():
    with pytest.raises(DataError, match="DataFrame"):
        sat.servqual_gaps([1, 2, 3])
    with pytest.raises(DataError, match="kind"):
        sat.servqual_scores(servqual_frame(n=3), kind="importance")


# ---------------------------------------------------------------------------
# Driver analysis
# ---------------------------------------------------------------------------


def driver_data(n=400, seed=RNG_SEED + 5):
    rng = np.random.default_rng(seed)
    x = rng.multivariate_normal(np.zeros(4), 0.4 + 0.6 * np.eye(4), size=n)  # correlated drivers
    weights = np.array([0.5, 0.3, 0.15, 0.0])
    y = x @ weights + rng.normal(scale=0.7, size=n)
    df = pd.DataFrame(x * [1.0, 2.0, 0.5, 3.0] + 4, columns=["reliability", "responsiveness", "assurance", "tangibles"])
    df["overall"] = 3 + y
    return df


def test_driver_analysis_matches_statsmodels_ols_on_standardised_data():
    import statsmodels.api as sm

    df = driver_data()
    drivers = ["reliability", "responsiveness", "assurance", "tangibles"]
    result = sat.driver_analysis(df, "overall", drivers)
    z = (df - df.mean()) / df.std()
    fit = sm.OLS(z["overall"], sm.add_constant(z[drivers])).fit()
    for d in drivers:
        assert result.loc[d, "standardised_weight"] == pytest.approx(fit.params[d], abs=1e-10)
        assert result.loc[d, "correlation"] == pytest.approx(stats.pearsonr(df[d], df["overall"]).statistic, abs=1e-10)
    assert result["r_squared"].iloc[0] == pytest.approx(fit.rsquared, abs=1e-10)
    assert (result["n"] == 400).all()
    # sorted by weight, largest first, and ranks 1..p
    assert result["standardised_weight"].is_monotonic_decreasing
    assert result["rank"].tolist() == [1, 2, 3, 4]
    # the planted weights are recovered in order
    assert result.index.tolist() == drivers


def test_driver_analysis_drops_incomplete_rows_listwise():
    import statsmodels.api as sm

    df = driver_data(n=50)
    df.loc[[3, 7], "assurance"] = np.nan
    df.loc[11, "overall"] = np.nan
    drivers = ["reliability", "assurance"]
    result = sat.driver_analysis(df, "overall", drivers)
    complete = df[["overall", *drivers]].dropna()
    z = (complete - complete.mean()) / complete.std()
    fit = sm.OLS(z["overall"], z[drivers]).fit()
    assert (result["n"] == 47).all()
    assert result.loc["assurance", "standardised_weight"] == pytest.approx(fit.params["assurance"], abs=1e-10)


def test_driver_analysis_single_driver_weight_is_the_correlation():
    df = driver_data(n=30)
    result = sat.driver_analysis(df, "overall", "reliability")
    assert result.loc["reliability", "standardised_weight"] == pytest.approx(result.loc["reliability", "correlation"])


@pytest.mark.parametrize(
    "target, drivers, change, words",
    [
        ("overall", ["speed"], None, 'pass drivers='),
        ("happy", ["reliability"], None, 'pass target='),
        ("overall", [], None, "drivers is empty"),
        ("overall", ["reliability", "reliability"], None, "twice"),
        ("overall", ["overall", "reliability"], None, "cannot drive itself"),
        (["overall"], ["reliability"], None, "one column name"),
        ("overall", ["reliability"], lambda d: d.assign(reliability="high"), "numbers are expected"),
        ("overall", ["reliability", "tangibles"], lambda d: d.assign(tangibles=5.0), "standard deviation 0"),
        ("overall", ["reliability", "double"], lambda d: d.assign(double=2 * d["reliability"]), "collinear"),
        ("overall", ["reliability", "assurance"], lambda d: d.iloc[:3], "complete row"),
        ("overall", ["reliability"], lambda d: d.iloc[0:0], "0 rows"),
    ],
)
def test_driver_analysis_bad_input(target, drivers, change, words):
    df = driver_data(n=20)
    if change is not None:
        df = change(df)
    with pytest.raises(DataError, match=words):
        sat.driver_analysis(df, target, drivers)


# ---------------------------------------------------------------------------
# Importance-performance grid
# ---------------------------------------------------------------------------


def test_importance_performance_quadrants_at_the_means():
    imp = pd.Series({"reliability": 0.40, "responsiveness": 0.30, "tangibles": 0.05, "empathy": 0.10,
                     "assurance": 0.20})
    perf = pd.Series({"reliability": 4.8, "responsiveness": 5.9, "tangibles": 4.9, "empathy": 5.8,
                      "assurance": 5.0})
    grid = sat.importance_performance(imp, perf)
    # means by hand: importance 1.05 / 5 = 0.21, performance 26.4 / 5 = 5.28
    assert grid["importance_cut"].iloc[0] == pytest.approx(0.21)
    assert grid["performance_cut"].iloc[0] == pytest.approx(5.28)
    expected = {
        "reliability": "Concentrate here",       # 0.40 >= 0.21, 4.8 < 5.28
        "responsiveness": "Keep up the good work",
        "tangibles": "Low priority",
        "assurance": "Low priority",              # 0.20 < 0.21, 5.0 < 5.28
        "empathy": "Possible overkill",
    }
    assert grid["quadrant"].to_dict() == expected
    assert grid.index.tolist() == ["reliability", "responsiveness", "assurance", "tangibles", "empathy"]
    assert set(sat.QUADRANTS.values()) == {
        "Concentrate here", "Keep up the good work", "Low priority", "Possible overkill"}


def test_importance_performance_median_and_fixed_cuts_and_ties():
    imp = {"a": 1.0, "b": 2.0, "c": 10.0}
    perf = {"a": 4.0, "b": 4.0, "c": 7.0}
    med = sat.importance_performance(imp, perf, importance_cut="median", performance_cut="median")
    assert med["importance_cut"].iloc[0] == 2.0 and med["performance_cut"].iloc[0] == 4.0
    # a value equal to the cut counts as high
    assert med.loc["b", "quadrant"] == "Keep up the good work"
    assert med.loc["a", "quadrant"] == "Possible overkill"
    fixed = sat.importance_performance(imp, perf, importance_cut=5, performance_cut=4.5)
    assert fixed.loc["c", "quadrant"] == "Keep up the good work"
    assert fixed.loc["a", "quadrant"] == "Low priority"


def test_importance_performance_with_driver_analysis_output():
    df = driver_data()
    drivers = ["reliability", "responsiveness", "assurance", "tangibles"]
    weights = sat.driver_analysis(df, "overall", drivers)["standardised_weight"]
    perf = df[drivers].mean()
    grid = sat.importance_performance(weights, perf)
    assert set(grid.index) == set(drivers)
    assert grid.loc["reliability", "importance"] == pytest.approx(weights["reliability"])


def test_importance_performance_accepts_driver_table_and_score_table():
    df = driver_data()
    drivers = ["reliability", "responsiveness", "assurance", "tangibles"]
    table = sat.driver_analysis(df, "overall", drivers)
    scores = df[drivers].copy()
    scores.loc[0, "tangibles"] = np.nan  # skipped in the mean
    grid = sat.importance_performance(table, scores)
    assert grid.loc["tangibles", "performance"] == pytest.approx(df["tangibles"].iloc[1:].mean())
    assert grid.loc["assurance", "importance"] == pytest.approx(table.loc["assurance", "standardised_weight"])
    with pytest.raises(DataError, match="standardised_weight"):
        sat.importance_performance(table.drop(columns="standardised_weight"), scores)
    with pytest.raises(DataError, match="numbers are expected"):
        sat.importance_performance(table, scores.assign(tangibles="high"))


@pytest.mark.parametrize(
    "imp, perf, kwargs, words",
    [
        ({"a": 1, "b": 2}, {"a": 1, "c": 2}, {}, "only importance has: b; only performance has: c"),
        ({"a": 1}, {"a": 1}, {}, "at least 2"),
        ({"a": 1, "b": None}, {"a": 1, "b": 2}, {}, "missing"),
        ({"a": 1, "b": "high"}, {"a": 1, "b": 2}, {}, "text"),
        ([1, 2], {"a": 1, "b": 2}, {}, "Series or dict"),
        ({"a": 1, "b": 2}, {"a": 1, "b": 2}, {"importance_cut": "mode"}, "importance_cut"),
        ({"a": 1, "b": 2}, {"a": 1, "b": 2}, {"performance_cut": None}, "performance_cut"),
        (pd.Series([1, 2], index=["a", "a"]), {"a": 1}, {}, "twice"),
    ],
)
def test_importance_performance_bad_input(imp, perf, kwargs, words):
    with pytest.raises(DataError, match=words):
        sat.importance_performance(imp, perf, **kwargs)


# ---------------------------------------------------------------------------
# Issue 14: intervals from the ground floor, one rule for tables, one wording
# ---------------------------------------------------------------------------


def test_intervals_live_on_the_ground_floor_and_keep_their_lesson_03_names():
    from custlearn import _stats

    assert sat.proportion_ci is _stats.proportion_ci
    assert sat.Interval is _stats.Interval
    assert sat.wilson_bounds is _stats.wilson_bounds
    assert isinstance(sat.cronbach_alpha_ci(PINGOUIN_ITEMS), _stats.Interval)
    assert {"Interval", "proportion_ci"} <= set(sat.__all__)


def test_score_errors_name_the_column_given():
    with pytest.raises(DataError, match="overall_satisfaction must be whole numbers from 1 to 5"):
        sat.csat(pd.Series([5, 6], name="overall_satisfaction"))
    with pytest.raises(DataError, match="customer_effort is empty"):
        sat.ces(pd.Series([], name="customer_effort", dtype=float))


def nullable(frame: pd.DataFrame, dtype: str = "Int64") -> pd.DataFrame:
    return frame.astype({c: dtype for c in frame.columns})


def test_servqual_reads_nullable_answers_like_plain_ones():
    plain = servqual_frame(n=12).astype(float)
    plain.loc[2, "per_empathy_1"] = np.nan  # a skipped item
    pd.testing.assert_frame_equal(sat.servqual_gaps(nullable(plain)), sat.servqual_gaps(plain))
    pd.testing.assert_frame_equal(sat.servqual_scores(nullable(plain), kind="gap"),
                                  sat.servqual_scores(plain, kind="gap"))
    gaps = sat.servqual_gaps(plain)
    nullable_gaps = gaps.astype({"expectation": "Float64", "perception": "Float64", "gap": "Float64"})
    pd.testing.assert_frame_equal(sat.technical_functional_gaps(nullable_gaps), sat.technical_functional_gaps(gaps))


def test_servqual_text_answer_is_a_dataerror_naming_the_column():
    surveys = servqual_frame(n=4).astype({"exp_tangibles_2": object})
    surveys.loc[1, "exp_tangibles_2"] = "seven"
    with pytest.raises(DataError, match='"exp_tangibles_2" of the surveys table holds text'):
        sat.servqual_gaps(surveys)


def test_driver_analysis_and_alpha_read_nullable_columns_like_plain_ones():
    df = driver_data(n=40).round(0)
    df.loc[5, "assurance"] = np.nan
    drivers = ["reliability", "responsiveness", "assurance"]
    pd.testing.assert_frame_equal(sat.driver_analysis(nullable(df), "overall", drivers),
                                  sat.driver_analysis(df, "overall", drivers))
    assert sat.cronbach_alpha(nullable(PINGOUIN_ITEMS)) == sat.cronbach_alpha(PINGOUIN_ITEMS)
    grid = sat.importance_performance({"a": 0.4, "b": 0.1}, nullable(pd.DataFrame({"a": [4, None], "b": [6, 5]})))
    assert grid["performance"].tolist() == [4.0, 5.5]


def test_infinite_scores_are_a_dataerror_not_a_silent_nan():
    df = driver_data(n=20)
    df.loc[3, "reliability"] = np.inf
    with pytest.raises(DataError, match='"reliability" of the surveys table has 1 infinite value'):
        sat.driver_analysis(df, "overall", ["reliability", "assurance"])


@pytest.mark.parametrize(
    "call, words",
    [
        (lambda: sat.margin_of_error(400, p=50), ["p must be a fraction from 0 to 1", "0.5, not 50"]),
        (lambda: sat.required_sample_size(0.05, confidence="95%"), ["confidence must be a fraction", '"95%" (text)']),
        (lambda: sat.cronbach_alpha_ci(PINGOUIN_ITEMS, 95), ["0.95, not 95"]),
        (lambda: sat.importance_performance({"a": 1, "b": 2}, {"a": 1, "b": 2}, importance_cut=None),
         ["importance_cut must be a number, but None was given", '"median"']),
        (lambda: sat.csat([5, 4], scale=5.5), ["scale must be a whole number of at least 2"]),
        (lambda: sat.servqual_gaps(servqual_frame(n=3), scale="7"), ["scale must be a whole number", '"7" (text)']),
    ],
)
def test_bad_scalar_arguments_get_the_shared_wording(call, words):
    with pytest.raises(DataError) as err:
        call()
    for w in words:
        assert w in str(err.value)


# ---------------------------------------------------------------------------
# Planted truth, end to end: a small simulated survey with known weights
# ---------------------------------------------------------------------------


def test_end_to_end_recovers_planted_dimension_weights():
    rng = np.random.default_rng(RNG_SEED + 6)
    n = 1500
    weights = {"reliability": 0.35, "responsiveness": 0.25, "assurance": 0.20, "empathy": 0.12, "tangibles": 0.08}
    true_per = {d: rng.normal(size=n) for d in sat.DIMENSIONS}
    cols = {}
    for d in sat.DIMENSIONS:
        for k in (1, 2, 3):
            cols[f"exp_{d}_{k}"] = np.clip(np.round(6 + 0.8 * rng.normal(size=n)), 1, 7).astype(int)
            cols[f"per_{d}_{k}"] = np.clip(np.round(4.5 + true_per[d] + 0.6 * rng.normal(size=n)), 1, 7).astype(int)
    latent = sum(w * true_per[d] for d, w in weights.items()) + 0.3 * rng.normal(size=n)
    cols["overall_satisfaction"] = np.digitize(latent, np.quantile(latent, [0.1, 0.25, 0.5, 0.8])) + 1
    surveys = pd.DataFrame(cols)

    scores = sat.servqual_scores(surveys).join(surveys["overall_satisfaction"])
    drivers = sat.driver_analysis(scores, "overall_satisfaction", list(sat.DIMENSIONS))
    assert drivers.index.tolist() == sorted(weights, key=weights.get, reverse=True)
    # the three perception items of a dimension form a reliable scale
    alpha = sat.cronbach_alpha(surveys[[f"per_reliability_{k}" for k in (1, 2, 3)]])
    assert alpha > 0.7
    gaps = sat.servqual_gaps(surveys)
    assert (gaps["gap"] < 0).all()
    grid = sat.importance_performance(drivers["standardised_weight"], gaps["perception"])
    assert grid.loc["reliability", "importance"] == drivers["standardised_weight"].max()


# ---------------------------------------------------------------------------
# Charts
# ---------------------------------------------------------------------------


def test_score_distribution_chart_draws_bars_with_top_box_highlight():
    fig, ax = plt.subplots()
    out = score_distribution_chart([5, 5, 4, 1, 2, 3, 4], ax=ax, question="CSAT")
    assert out is ax
    heights = [p.get_height() for p in ax.patches]
    assert heights == pytest.approx([1 / 7, 1 / 7, 1 / 7, 2 / 7, 2 / 7])
    colours = {tuple(p.get_facecolor()) for p in ax.patches[3:]}
    assert len(colours) == 1 and colours != {tuple(ax.patches[0].get_facecolor())}
    assert "top-2-box" in ax.get_title() and "%" in ax.get_ylabel()
    plt.close(fig)
    with pytest.raises(DataError, match="from 1 to 5"):
        score_distribution_chart([6])


def test_servqual_gap_chart_draws_every_dimension():
    gaps = sat.servqual_gaps(servqual_frame())
    ax = servqual_gap_chart(gaps)
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert sorted(labels) == sorted(sat.DIMENSIONS)
    assert labels[-1] == gaps["gap"].idxmin()  # largest shortfall on top
    assert "1-7" in ax.get_xlabel()
    assert sum(t.get_text().startswith("gap ") for t in ax.texts) == 5
    plt.close(ax.figure)
    with pytest.raises(DataError, match="gap"):
        servqual_gap_chart(gaps.drop(columns="gap"))


def test_importance_performance_chart_labels_quadrants_and_points():
    grid = sat.importance_performance({"a": 0.4, "b": 0.1, "c": 0.3}, {"a": 4.0, "b": 6.0, "c": 6.5})
    fig, ax = plt.subplots()
    assert importance_performance_chart(grid, ax=ax) is ax
    texts = {t.get_text() for t in ax.texts}
    assert {"Concentrate here", "Keep up the good work", "Low priority", "Possible overkill", "a", "b", "c"} <= texts
    assert ax.get_xlabel().startswith("Performance") and ax.get_ylabel().startswith("Importance")
    plt.close(fig)
    with pytest.raises(DataError, match="quadrant"):
        importance_performance_chart(grid.drop(columns="quadrant"))
    with pytest.raises(DataError, match="unknown quadrant"):
        importance_performance_chart(grid.assign(quadrant="Fix it"))


# ---------------------------------------------------------------------------
# lesson 03 "Try it": widgets.margin_of_error_explorer
# ---------------------------------------------------------------------------


def _widget_texts(out):
    return [o["data"].get("text/markdown", o["data"].get("text/plain", "")) for o in out.outputs]


def test_margin_of_error_explorer_draws_at_once_with_wilson_interval_and_sample_size():
    from custlearn import widgets

    box = widgets.margin_of_error_explorer(n=400, share=0.5, target_margin=0.05)
    n_w, share_w, target_w = box.children[1].children
    out = box.children[-1]
    text, _ = _widget_texts(out)
    assert "image/png" in out.outputs[1]["data"]
    ci = sat.proportion_ci(200, 400)
    assert f"Wilson interval {ci.lower:.1%} to {ci.upper:.1%}" in text
    assert "±4.9 percentage points" in text          # 1.96 * sqrt(0.25 / 400)
    assert "**385 respondents**" in text               # Cochran: the well-known 385
    assert repr(box).startswith("Try it: move the number of respondents")
    assert "interactive" in repr(box)


def test_margin_of_error_explorer_redraws_when_a_control_moves():
    from custlearn import widgets

    box = widgets.margin_of_error_explorer(n=400, share=0.5, target_margin=0.05)
    n_w, share_w, target_w = box.children[1].children
    out = box.children[-1]
    n_w.value = 1600                                   # four times the respondents ...
    assert "±2.4 percentage points" in _widget_texts(out)[0]   # ... half the margin
    target_w.value = 0.03
    assert "**1,068 respondents**" in _widget_texts(out)[0]
    share_w.value = 0.2
    text = _widget_texts(out)[0]
    assert "320 said yes (20.0%)" in text
    assert f"**{sat.required_sample_size(0.03, p=0.2):,} respondents** at this share (1,068 if you plan with 50%)" in text


def test_margin_of_error_explorer_warns_at_the_extremes_and_respects_the_population():
    from custlearn import widgets

    box = widgets.margin_of_error_explorer(n=200, share=0.0)
    text = _widget_texts(box.children[-1])[0]
    assert "0 said yes" in text and "breaks down" in text and "trust the Wilson interval" in text
    upper = sat.proportion_ci(0, 200).upper
    assert f"0.0% to {upper:.1%}" in text
    box = widgets.margin_of_error_explorer(n=400, share=0.5, target_margin=0.05, population=1000)
    text = _widget_texts(box.children[-1])[0]
    assert f"±{100 * sat.margin_of_error(400, population=1000):.1f} percentage points" in text
    assert "**278 respondents**" in text               # Krejcie & Morgan (1970), N = 1,000
    box.children[1].children[0].value = 1200
    assert "cannot be larger than the population" in _widget_texts(box.children[-1])[0]
    plt.close("all")
