"""Tests of lesson 03's "what shapes satisfaction" measures and their charts.

``custlearn.satisfaction``: the least squares written out (``_regression``),
:func:`touch_point_importance`, :func:`penalty_reward`,
:func:`expectation_effect`, :func:`what_if`; and the truth recovery on the
shipped data (the planted values from ``datasets.journey_truth``, computed
exactly from the planted model, never from the functions under test).

References: statsmodels' OLS (test-only), a regression worked by hand.
"""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.colors as mcolors  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
import statsmodels.api as sm  # noqa: E402

from custlearn import DataError, datasets  # noqa: E402
from custlearn import satisfaction as sat  # noqa: E402
from custlearn.plots import _base  # noqa: E402
from custlearn.plots.satisfaction import expectation_chart, penalty_reward_chart, touch_point_chart  # noqa: E402
from custlearn.satisfaction._regression import least_squares  # noqa: E402

FOCUS = {"shop": "rating_delivery", "bank": "rating_app", "cafe": "rating_food_and_drink"}


def teardown_function():
    plt.close("all")


def journey(n: int = 900, seed: int = 4, penalty=(0.8, 0.1, 0.4), reward=(0.05, 0.7, 0.4), noise: float = 0.6) -> pd.DataFrame:
    """Survey answers from a known penalty-reward model: three touch points rated 1-5, overall 1-5."""
    rng = np.random.default_rng(seed)
    names = ["rating_checkout", "rating_service", "rating_delivery"]
    s = pd.DataFrame({c: rng.choice(np.arange(1, 6), n, p=[0.08, 0.12, 0.3, 0.3, 0.2]) for c in names})
    mean = 3.2 + sum(-p * (s[c] <= 2) + r * (s[c] >= 4) for c, p, r in zip(names, penalty, reward))
    s["prior_expectation"] = rng.integers(1, 6, n)
    mean = mean - 0.2 * (s["prior_expectation"] - 3)
    s["overall_satisfaction"] = np.clip(np.rint(mean + rng.normal(0, noise, n)), 1, 5).astype(int)
    s["main_need"] = rng.choice(["speed", "help"], n)
    return s


def dummies(s: pd.DataFrame, names: list[str], low: float = 2, high: float = 4) -> pd.DataFrame:
    return pd.concat({**{f"low {c}": (s[c] <= low).astype(float) for c in names},
                      **{f"high {c}": (s[c] >= high).astype(float) for c in names}}, axis=1)


# ---------------------------------------------------------------------------
# least squares by the normal equations
# ---------------------------------------------------------------------------


def test_least_squares_matches_a_regression_worked_by_hand():
    # x = 1..4, y = 2, 4.1, 5.9, 8: Sxx = 5, Sxy = 9.9, slope 1.98, intercept 5 - 1.98 * 2.5 = 0.05;
    # residuals -0.03, 0.09, -0.09, 0.03: RSS 0.018, s^2 = 0.009, se(slope) = sqrt(0.009 / 5)
    X = np.column_stack([np.ones(4), [1.0, 2.0, 3.0, 4.0]])
    fit = least_squares(X, np.array([2.0, 4.1, 5.9, 8.0]), ["intercept", "x"])
    assert fit.coef == pytest.approx([0.05, 1.98])
    assert np.sqrt(fit.cov[1, 1]) == pytest.approx(np.sqrt(0.009 / 5))
    assert fit.r_squared == pytest.approx(1 - 0.018 / 19.62)  # TSS = 9 + 0.81 + 0.81 + 9
    assert fit.df == 2


def test_least_squares_equals_statsmodels_ols_coefficients_errors_intervals_and_contrasts():
    rng = np.random.default_rng(8)
    X = np.column_stack([np.ones(200), rng.normal(size=(200, 3))])
    y = X @ [1.0, 0.5, -0.2, 0.0] + rng.normal(0, 1.3, 200)
    ours, ref = least_squares(X, y, ["c", "a", "b", "d"]), sm.OLS(y, X).fit()
    np.testing.assert_allclose(ours.coef, ref.params, rtol=1e-10)
    np.testing.assert_allclose(ours.cov, ref.cov_params(), rtol=1e-10)
    table = ours.table(0.9)
    np.testing.assert_allclose(table[["lower", "upper"]].to_numpy(), ref.conf_int(alpha=0.1), rtol=1e-10)
    assert ours.r_squared == pytest.approx(ref.rsquared)
    c = np.array([0.0, 1.0, 1.0, 0.0])
    est, se, lo, hi = ours.combination(c, 0.95)
    t = ref.t_test(c)
    assert est == pytest.approx(float(t.effect[0])) and se == pytest.approx(float(t.sd[0, 0]))
    np.testing.assert_allclose([lo, hi], t.conf_int(alpha=0.05)[0], rtol=1e-10)


def test_least_squares_refuses_collinear_columns_and_too_few_rows():
    X = np.column_stack([np.ones(5), np.arange(5.0), 2 * np.arange(5.0)])
    with pytest.raises(DataError, match="perfectly collinear"):
        least_squares(X, np.arange(5.0), ["intercept", "a", "b"])
    with pytest.raises(DataError, match="at least 4"):
        least_squares(X[:3], np.arange(3.0), ["intercept", "a", "b"])


# ---------------------------------------------------------------------------
# touch-point importance
# ---------------------------------------------------------------------------


def test_touch_point_importance_equals_statsmodels_on_every_rating_column():
    s = journey()
    names = ["rating_checkout", "rating_service", "rating_delivery"]
    ours = sat.touch_point_importance(s, confidence=0.9)  # default: the rating_ columns, in table order
    ref = sm.OLS(s["overall_satisfaction"].astype(float), sm.add_constant(s[names].astype(float))).fit()
    assert list(ours.index) == names
    np.testing.assert_allclose(ours["weight"], ref.params[names], rtol=1e-10)
    np.testing.assert_allclose(ours["std_error"], ref.bse[names], rtol=1e-10)
    np.testing.assert_allclose(ours[["lower", "upper"]].to_numpy(), ref.conf_int(alpha=0.1).loc[names], rtol=1e-10)
    assert ours["r_squared"].tolist() == pytest.approx([ref.rsquared] * 3) and (ours["n"] == len(s)).all()
    assert ours["mean_rating"].tolist() == pytest.approx(s[names].mean().tolist())
    assert ours.sort_values("rank").index[0] == ref.params[names].idxmax()


def test_touch_point_importance_by_segment_is_one_regression_per_segment():
    s = journey()
    names = ["rating_checkout", "rating_delivery"]
    ours = sat.touch_point_importance(s, names, segment="main_need")
    assert ours.index.names == ["main_need", "touch_point"]
    for need, group in s.groupby("main_need"):
        ref = sm.OLS(group["overall_satisfaction"].astype(float), sm.add_constant(group[names].astype(float))).fit()
        np.testing.assert_allclose(ours.loc[need, "weight"], ref.params[names], rtol=1e-10)
        np.testing.assert_allclose(ours.loc[need, "upper"], ref.conf_int().loc[names, 1], rtol=1e-10)
        assert (ours.loc[need, "n"] == len(group)).all()


def test_touch_point_importance_drops_incomplete_rows_and_says_how_many_were_used():
    s = journey().astype({"rating_service": float})
    s.loc[[3, 10, 11], "rating_service"] = np.nan
    assert sat.touch_point_importance(s)["n"].iloc[0] == len(s) - 3
    pd.testing.assert_frame_equal(sat.touch_point_importance(s), sat.touch_point_importance(s.dropna().reset_index(drop=True)))


def test_touch_point_importance_explains_what_is_wrong():
    s = journey()
    with pytest.raises(DataError, match='No touch-point columns were found.*touch_points='):
        sat.touch_point_importance(s.drop(columns=[c for c in s if c.startswith("rating_")]))
    with pytest.raises(DataError, match='The target "overall_satisfaction" is also in touch_points'):
        sat.touch_point_importance(s, ["rating_checkout", "overall_satisfaction"])
    tiny = s[s["main_need"] == "help"].head(3)
    with pytest.raises(DataError, match=r'of the segment main_need="speed"'):
        sat.touch_point_importance(pd.concat([s[s["main_need"] == "help"], s[s["main_need"] == "speed"].head(3)]),
                                   segment="main_need")
    with pytest.raises(DataError, match="confidence"):
        sat.touch_point_importance(tiny, confidence=95)


# ---------------------------------------------------------------------------
# penalty-reward
# ---------------------------------------------------------------------------


def test_penalty_reward_equals_statsmodels_dummy_regression_with_simultaneous_intervals():
    s = journey()
    names = ["rating_checkout", "rating_service", "rating_delivery"]
    ours = sat.penalty_reward(s, names)
    D = dummies(s, names)
    ref = sm.OLS(s["overall_satisfaction"].astype(float), sm.add_constant(D)).fit()
    alpha = 0.05 / 3  # Bonferroni over three touch points
    ci = ref.conf_int(alpha=alpha)
    for c in names:
        assert ours.loc[c, "penalty"] == pytest.approx(-ref.params[f"low {c}"])
        assert ours.loc[c, "reward"] == pytest.approx(ref.params[f"high {c}"])
        assert [ours.loc[c, "penalty_lower"], ours.loc[c, "penalty_upper"]] == pytest.approx((-ci.loc[f"low {c}"])[::-1].tolist())
        assert [ours.loc[c, "reward_lower"], ours.loc[c, "reward_upper"]] == pytest.approx(ci.loc[f"high {c}"].tolist())
        contrast = (D.columns == f"low {c}") | (D.columns == f"high {c}")
        t = ref.t_test(np.concatenate([[0.0], contrast.astype(float)]))
        assert ours.loc[c, "asymmetry"] == pytest.approx(float(t.effect[0]))
        assert [ours.loc[c, "asymmetry_lower"], ours.loc[c, "asymmetry_upper"]] == pytest.approx(t.conf_int(alpha=alpha)[0].tolist())
        assert ours.loc[c, "share_low"] == pytest.approx((s[c] <= 2).mean())
    assert (ours["n"] == len(s)).all()


def test_penalty_reward_recovers_a_known_asymmetry_and_names_the_three_factors():
    # checkout: basic (penalty only), service: excitement (reward only), delivery: performance, app: nothing
    s = journey(n=30_000, seed=9, penalty=(0.8, 0.0, 0.4), reward=(0.0, 0.7, 0.4))
    s["rating_app"] = np.random.default_rng(2).integers(1, 6, len(s))
    out = sat.penalty_reward(s)
    assert out["factor"].to_dict() == {"rating_checkout": "basic", "rating_service": "excitement",
                                       "rating_delivery": "performance", "rating_app": "no clear effect"}
    # the rounding and clipping of the answer shrink effects a little: within 0.1 of the planted ones
    assert out["penalty"].tolist() == pytest.approx([0.8, 0.0, 0.4, 0.0], abs=0.1)
    assert out["reward"].tolist() == pytest.approx([0.0, 0.7, 0.4, 0.0], abs=0.1)
    assert set(out["factor"]) <= set(sat.FACTORS)


def test_penalty_reward_needs_low_middle_and_high_answers_and_a_middle_between_the_cuts():
    s = journey()
    s["rating_service"] = s["rating_service"].clip(lower=3)
    with pytest.raises(DataError, match='"rating_service" low \\(<= 2\\)'):
        sat.penalty_reward(s)
    with pytest.raises(DataError, match="high must be a number from 4 to 5"):
        sat.penalty_reward(journey(), high=3)
    off = journey()
    off.loc[0, "rating_checkout"] = 6
    with pytest.raises(DataError, match="rating_checkout"):
        sat.penalty_reward(off)


# ---------------------------------------------------------------------------
# the expectation effect
# ---------------------------------------------------------------------------


def test_expectation_effect_equals_statsmodels_in_both_forms_of_oliver_s_model():
    s = journey()
    names = ["rating_checkout", "rating_service", "rating_delivery"]
    P, E = s[names].mean(axis=1), s["prior_expectation"].astype(float)
    y = s["overall_satisfaction"].astype(float)
    ref = sm.OLS(y, sm.add_constant(pd.DataFrame({"performance": P, "expectation": E}))).fit()
    ours = sat.expectation_effect(s)
    np.testing.assert_allclose(ours["coefficient"], ref.params[["performance", "expectation"]], rtol=1e-10)
    np.testing.assert_allclose(ours[["lower", "upper"]].to_numpy(), ref.conf_int().loc[["performance", "expectation"]], rtol=1e-10)
    ref_d = sm.OLS(y, sm.add_constant(pd.DataFrame({"disconfirmation": P - E, "expectation": E}))).fit()
    dis = sat.expectation_effect(s, form="disconfirmation")
    np.testing.assert_allclose(dis["std_error"], ref_d.bse[["disconfirmation", "expectation"]], rtol=1e-10)
    # the same model written twice: b_D = b_P, c_E = b_P + b_E
    assert dis.loc["disconfirmation", "coefficient"] == pytest.approx(ours.loc["performance", "coefficient"])
    assert dis.loc["expectation", "coefficient"] == pytest.approx(ours["coefficient"].sum())
    assert ours["r_squared"].tolist() == pytest.approx([ref.rsquared] * 2)


def test_expectation_effect_takes_the_performance_columns_given_and_refuses_confusions():
    s = journey()
    one = sat.expectation_effect(s, performance="rating_delivery")
    ref = sm.OLS(s["overall_satisfaction"].astype(float), sm.add_constant(s[["rating_delivery", "prior_expectation"]].astype(float))).fit()
    assert one["coefficient"].tolist() == pytest.approx(ref.params.iloc[1:].tolist())
    with pytest.raises(DataError, match="give two different columns"):
        sat.expectation_effect(s, performance=["rating_delivery", "prior_expectation"])
    with pytest.raises(DataError, match='form="gap"'):
        sat.expectation_effect(s, form="gap")


def test_reviews_effect_equals_statsmodels_difference_of_means_and_slope_among_readers():
    rng = np.random.default_rng(6)
    read = rng.random(400) < 0.6
    stars = np.where(read, rng.integers(20, 51, 400) / 10, np.nan)
    s = pd.DataFrame({"read_reviews": read, "review_rating_seen": stars,
                      "prior_expectation": np.clip(np.rint(np.where(read, 3.5 + 0.7 * (stars - 4), 3.1) + rng.normal(0, 0.8, 400)), 1, 5)})
    ours = sat.reviews_effect(s)
    E = s["prior_expectation"]
    diff = sm.OLS(E, sm.add_constant(s["read_reviews"].astype(float))).fit()
    assert ours.loc["read vs not read", "estimate"] == pytest.approx(E[read].mean() - E[~read].mean())
    assert ours.loc["read vs not read", ["lower", "upper"]].tolist() == pytest.approx(diff.conf_int().iloc[1].tolist())
    slope = sm.OLS(E[read], sm.add_constant(s.loc[read, "review_rating_seen"])).fit()
    assert ours.loc["per star seen", ["estimate", "std_error"]].tolist() == pytest.approx([slope.params.iloc[1], slope.bse.iloc[1]])
    assert ours["n"].tolist() == [400, int(read.sum())]
    with pytest.raises(DataError, match="read_reviews have the same value on every complete row"):
        sat.reviews_effect(s.assign(read_reviews=False))
    with pytest.raises(DataError, match="review_rating_seen have the same value on every complete row among those who"):
        sat.reviews_effect(s.assign(review_rating_seen=np.where(read, 4.0, np.nan)))


# ---------------------------------------------------------------------------
# what-if
# ---------------------------------------------------------------------------


def _design(s: pd.DataFrame, names: list[str], model: str) -> pd.DataFrame:
    return sm.add_constant(s[names].astype(float) if model == "linear" else dummies(s, names), has_constant="add")


@pytest.mark.parametrize("model", ["penalty_reward", "linear"])
@pytest.mark.parametrize("statistic", ["top_box", "mean"])
def test_what_if_equals_statsmodels_predictions_at_the_mean_design(model, statistic):
    s = journey()
    names = ["rating_checkout", "rating_service", "rating_delivery"]
    y = 100.0 * (s["overall_satisfaction"] >= 4) if statistic == "top_box" else s["overall_satisfaction"].astype(float)
    ref = sm.OLS(y, _design(s, names, model)).fit()
    # +1.5 for delivery: half the customers move one point, half two points (within 1-5)
    one, two = s.copy(), s.copy()
    one["rating_delivery"] = (s["rating_delivery"] + 1).clip(1, 5)
    two["rating_delivery"] = (s["rating_delivery"] + 2).clip(1, 5)
    x_now = _design(s, names, model).mean()
    x_after = 0.5 * _design(one, names, model).mean() + 0.5 * _design(two, names, model).mean()
    ours = sat.what_if(s, {"rating_delivery": 1.5}, model=model, statistic=statistic)
    assert ours.loc["as now", "estimate"] == pytest.approx(y.mean())  # a model with an intercept fits the mean
    for row, x in (("as now", x_now), ("what-if", x_after)):
        pred = ref.get_prediction(x.to_numpy()[None, :]).summary_frame(alpha=0.05)
        assert ours.loc[row, "estimate"] == pytest.approx(float(pred["mean"].iloc[0]))
        assert ours.loc[row, ["lower", "upper"]].tolist() == pytest.approx(pred[["mean_ci_lower", "mean_ci_upper"]].iloc[0].tolist())
    t = ref.t_test((x_after - x_now).to_numpy())
    assert ours.loc["change", "estimate"] == pytest.approx(float(t.effect[0]))
    assert ours.loc["change", ["lower", "upper"]].tolist() == pytest.approx(t.conf_int(alpha=0.05)[0].tolist())


def test_what_if_shows_the_asymmetry_a_straight_line_cannot():
    s = journey(n=20_000, seed=3, penalty=(0.9, 0.0, 0.0), reward=(0.0, 0.0, 0.0))
    up = sat.what_if(s, {"rating_checkout": 1}, statistic="mean").loc["change", "estimate"]
    down = sat.what_if(s, {"rating_checkout": -1}, statistic="mean").loc["change", "estimate"]
    # planted: only 2 -> 3 (up) and 3 -> 2 (down) cross the penalty; 30 % rate 3, 12 % rate 2
    assert up == pytest.approx(0.9 * 0.12, abs=0.03) and down == pytest.approx(-0.9 * 0.30, abs=0.03)
    line_up = sat.what_if(s, {"rating_checkout": 1}, statistic="mean", model="linear").loc["change", "estimate"]
    line_down = sat.what_if(s, {"rating_checkout": -1}, statistic="mean", model="linear").loc["change", "estimate"]
    assert abs(line_up + line_down) < 0.5 * abs(up + down)  # the line gives (nearly) the same size both ways


def test_what_if_explains_bad_changes():
    s = journey()
    with pytest.raises(DataError, match='changes names "delivery", which is not a touch point'):
        sat.what_if(s, {"delivery": 0.5})
    with pytest.raises(DataError, match="changes must be a dict"):
        sat.what_if(s, 0.5)
    with pytest.raises(DataError, match=r'changes\["rating_delivery"\] must be a number from -4 to 4'):
        sat.what_if(s, {"rating_delivery": 7})
    with pytest.raises(DataError, match='model="tree"'):
        sat.what_if(s, {"rating_delivery": 0.5}, model="tree")


# ---------------------------------------------------------------------------
# the planted truth recovered from the shipped data
# ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def shipped():
    return {name: (datasets.load(name).surveys, datasets.journey_truth(name)) for name in ("shop", "bank", "cafe")}


@pytest.mark.parametrize("name", ["shop", "bank", "cafe"])
def test_shipped_touch_point_weights_cover_the_planted_population_weights(shipped, name):
    surveys, truth = shipped[name]
    found = sat.touch_point_importance(surveys, confidence=0.99)
    planted = truth["touch_points"]["linear_weight"]
    assert list(found.index) == list(planted.index)
    assert ((found["lower"] <= planted) & (planted <= found["upper"])).all(), found.join(planted)


@pytest.mark.parametrize("name", ["shop", "bank", "cafe"])
def test_shipped_penalties_and_rewards_cover_the_planted_ones_and_the_classes_agree(shipped, name):
    surveys, truth = shipped[name]
    planted = truth["touch_points"]
    wide = sat.penalty_reward(surveys, confidence=0.99)  # 2 x J intervals at once: 99 % simultaneous for each kind
    for what in ("penalty", "reward"):
        assert ((wide[f"{what}_lower"] <= planted[what]) & (planted[what] <= wide[f"{what}_upper"])).all(), what
    found = sat.penalty_reward(surveys)
    agree = found["factor"] == planted["factor"]
    if name == "cafe":  # 627 answers: a small symmetric effect may look like none, never like its opposite
        agree |= found["factor"] == "no clear effect"
    assert agree.all(), found[["factor"]].join(planted[["factor"]], rsuffix="_planted")


@pytest.mark.parametrize("name", ["shop", "bank", "cafe"])
def test_shipped_expectation_effect_and_the_reviews_effect_cover_the_planted_ones(shipped, name):
    surveys, truth = shipped[name]
    effect = sat.expectation_effect(surveys).loc["expectation"]
    assert effect["lower"] <= truth["expectation"]["expectation_effect"] <= effect["upper"]
    reviews = sat.reviews_effect(surveys, confidence=0.99)
    for term, key in (("per star seen", "expectation_per_star"), ("read vs not read", "expectation_read_minus_not_read")):
        assert reviews.loc[term, "lower"] <= truth["expectation"][key] <= reviews.loc[term, "upper"], term
    assert surveys["review_rating_seen"].isna().equals(~surveys["read_reviews"])


@pytest.mark.parametrize("name", ["shop", "bank"])
def test_shipped_need_segments_weigh_their_own_touch_point_most(shipped, name):
    surveys, truth = shipped[name]
    found = sat.touch_point_importance(surveys, segment="main_need", confidence=0.99)
    planted = truth["by_need"]["linear_weight"]
    covered = [found.loc[k, "lower"] <= planted.loc[k] <= found.loc[k, "upper"] for k in found.index]
    assert all(covered)
    for need, spec in datasets.parameters(name)["journey"]["needs"].items():
        own = f"rating_{spec['touch_point']}"
        assert found.xs(own, level="touch_point")["weight"].idxmax() == need, (need, own)


@pytest.mark.parametrize("name", ["shop", "bank", "cafe"])
@pytest.mark.parametrize("delta", [0.5, -0.5])
@pytest.mark.parametrize("statistic", ["top_box", "mean"])
def test_shipped_what_if_covers_the_planted_change(shipped, name, delta, statistic):
    surveys, _ = shipped[name]
    change = {FOCUS[name]: delta}
    found = sat.what_if(surveys, change, statistic=statistic).loc["change"]
    planted = datasets.journey_what_if(name, change, statistic=statistic).loc["change", "planted"]
    assert found["lower"] <= planted <= found["upper"], (found.to_dict(), planted)


# ---------------------------------------------------------------------------
# charts
# ---------------------------------------------------------------------------


def _hex(colour) -> str:
    return mcolors.to_hex(colour).upper()


def test_touch_point_chart_draws_each_weight_its_interval_and_the_planted_value(shipped):
    surveys, truth = shipped["shop"]
    imp = sat.touch_point_importance(surveys)
    ax = touch_point_chart(imp, truth=truth["touch_points"])
    dots, planted = ax.collections[1], ax.collections[2]
    x, y = dots.get_offsets()[:, 0], dots.get_offsets()[:, 1]
    assert x.tolist() == pytest.approx(imp["weight"].tolist())
    order = np.argsort(-y)  # top to bottom: the table's order
    assert [t.get_text() for t in ax.get_yticklabels()][::-1] == [c[len("rating_"):].replace("_", " ") for c in imp.index]
    assert list(order) == list(range(len(imp)))
    assert planted.get_offsets()[:, 0].tolist() == pytest.approx(truth["touch_points"]["linear_weight"].tolist())
    assert _hex(dots.get_facecolor()[0]) == _base.MAIN.upper()
    seg = touch_point_chart(sat.touch_point_importance(surveys, segment="main_need"), truth=truth["by_need"])
    labels = [t.get_text() for t in seg.get_legend().get_texts()]
    assert labels == ["easy ordering", "fast delivery", "help when needed", "planted"]


def test_touch_point_chart_refuses_truth_for_other_touch_points(shipped):
    surveys, _ = shipped["shop"]
    with pytest.raises(DataError, match="truth has no value for rating_website_app, rating_checkout, rating_returns"):
        touch_point_chart(sat.touch_point_importance(surveys), truth=pd.Series({"rating_delivery": 0.3}))


def test_penalty_reward_chart_bars_are_the_penalties_left_and_rewards_right(shipped):
    surveys, truth = shipped["shop"]
    table = sat.penalty_reward(surveys)
    ax = penalty_reward_chart(table, truth=truth["touch_points"])
    bars = ax.patches
    left, right = bars[: len(table)], bars[len(table):]
    assert [b.get_width() for b in left] == pytest.approx((-table["penalty"]).tolist())
    assert [b.get_width() for b in right] == pytest.approx(table["reward"].tolist())
    assert {_hex(b.get_facecolor()) for b in left} == {_base.BAD.upper()}
    assert {_hex(b.get_facecolor()) for b in right} == {_base.GOOD.upper()}
    assert sorted(t.get_text() for t in ax.texts) == sorted(table["factor"])


def test_expectation_chart_plots_the_mean_answer_per_band_and_expectation_group(shipped):
    surveys, _ = shipped["shop"]
    ax = expectation_chart(surveys, min_answers=20)
    ratings = [c for c in surveys if c.startswith("rating_")]
    band = (surveys[ratings].mean(axis=1) * 2).round() / 2
    high = surveys["prior_expectation"] >= 4
    expected = surveys[high].groupby(band[high])["overall_satisfaction"].agg(["mean", "size"])
    expected = expected[expected["size"] >= 20]
    line = next(li for li in ax.get_lines() if li.get_label() == "expected much (4-5)")
    assert line.get_xdata().tolist() == pytest.approx(expected.index.tolist())
    assert line.get_ydata().tolist() == pytest.approx(expected["mean"].tolist())
    with pytest.raises(DataError, match="min_answers"):
        expectation_chart(surveys.head(30), min_answers=500)
