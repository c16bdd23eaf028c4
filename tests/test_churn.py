"""Lesson 07: churn definitions, Kaplan-Meier, log-rank, risk score, gains, complaints.

References used here (never this module's own output):

* Kleinbaum, D. G. & Klein, M. (2012). Survival Analysis: A Self-Learning
  Text, 3rd ed., Springer, chapter 2: the remission data of Freireich et al.
  (1963, Blood 21, 699-716), 21 leukemia patients on 6-MP and 21 on placebo,
  with the Kaplan-Meier tables of both groups (S(t) to 4 decimals), the
  medians (23 and 8 weeks) and the log-rank statistic 16.79 (O - E = -10.26,
  Var = 6.2570; group 1: O = 9, E = 19.25; group 2: O = 21, E = 10.75).
* scipy.stats.ecdf with CensoredData (scipy >= 1.11): Kaplan-Meier survival
  and its Greenwood confidence interval, "linear" (plain) and "log-log".
* statsmodels.duration: SurvfuncRight (Greenwood standard error, quantile_ci
  for the median) and survdiff (log-rank).
* statsmodels proportion_confint(method="wilson"), statsmodels Logit.
* Hand computations, written out next to the assertion.
"""

import subprocess
import sys
import warnings

import numpy as np
import pandas as pd
import pytest

from custlearn import DataError, churn, lifecycle, service
from tests.conftest import _d, too_long_public_functions

# Freireich et al. (1963) as listed in Kleinbaum & Klein (2012), chapter 2 (weeks; + = censored).
MP_TIMES = [6, 6, 6, 7, 10, 13, 16, 22, 23, 6, 9, 10, 11, 17, 19, 20, 25, 32, 32, 34, 35]
MP_EVENT = [1] * 9 + [0] * 12
PLACEBO_TIMES = [1, 1, 2, 2, 3, 4, 4, 5, 5, 8, 8, 8, 8, 11, 11, 12, 12, 15, 17, 22, 23]
PLACEBO_EVENT = [1] * 21

# Kleinbaum & Klein (2012), chapter 2, KM table of group 1 (6-MP): t(f), n_f, m_f, S(t(f)).
MP_PUBLISHED = pd.DataFrame({
    "time": [6, 7, 10, 13, 16, 22, 23],
    "at_risk": [21, 17, 15, 12, 11, 7, 6],
    "events": [3, 1, 1, 1, 1, 1, 1],
    "survival": [0.8571, 0.8067, 0.7529, 0.6902, 0.6275, 0.5378, 0.4482],
})
# ... and of group 2 (placebo).
PLACEBO_PUBLISHED = pd.DataFrame({
    "time": [1, 2, 3, 4, 5, 8, 11, 12, 15, 17, 22, 23],
    "at_risk": [21, 19, 17, 16, 14, 12, 8, 6, 4, 3, 2, 1],
    "events": [2, 2, 1, 2, 2, 4, 2, 2, 1, 1, 1, 1],
    "survival": [0.9048, 0.8095, 0.7619, 0.6667, 0.5714, 0.3810, 0.2857, 0.1905, 0.1429, 0.0952, 0.0476, 0.0],
})


# --------------------------------------------------------------------------
# Kaplan-Meier
# --------------------------------------------------------------------------


@pytest.mark.parametrize("times, events, published", [
    (MP_TIMES, MP_EVENT, MP_PUBLISHED),
    (PLACEBO_TIMES, PLACEBO_EVENT, PLACEBO_PUBLISHED),
])
def test_kaplan_meier_reproduces_kleinbaum_klein_tables(times, events, published):
    km = churn.kaplan_meier(times, events)
    assert list(km.columns) == ["time", "at_risk", "events", "censored", "survival", "std_error", "lower", "upper"]
    at_events = km[km["events"] > 0].reset_index(drop=True)
    assert at_events["time"].tolist() == published["time"].tolist()
    assert at_events["at_risk"].tolist() == published["at_risk"].tolist()
    assert at_events["events"].tolist() == published["events"].tolist()
    np.testing.assert_allclose(at_events["survival"], published["survival"], atol=5e-5)  # 4 decimals


def test_kaplan_meier_censor_only_times_keep_the_curve_flat():
    km = churn.kaplan_meier(MP_TIMES, MP_EVENT).set_index("time")
    # 9+ and 11+ fall between the events at 7 and 10 / 10 and 13 (Kleinbaum & Klein, q_f column)
    assert km.loc[9.0, "survival"] == pytest.approx(0.8067, abs=5e-5)
    assert km.loc[11.0, "survival"] == pytest.approx(0.7529, abs=5e-5)
    assert km.loc[6.0, "censored"] == 1 and km.loc[10.0, "censored"] == 1 and km.loc[32.0, "censored"] == 2
    assert km["events"].sum() == 9 and km["censored"].sum() == 12


def test_greenwood_standard_error_matches_statsmodels():
    from statsmodels.duration.survfunc import SurvfuncRight

    km = churn.kaplan_meier(MP_TIMES, MP_EVENT)
    ref = SurvfuncRight(np.array(MP_TIMES, float), np.array(MP_EVENT))
    at_events = km[km["events"] > 0]
    np.testing.assert_allclose(at_events["time"], ref.surv_times)
    np.testing.assert_allclose(at_events["survival"], ref.surv_prob, rtol=1e-12)
    np.testing.assert_allclose(at_events["std_error"], ref.surv_prob_se, rtol=1e-10)
    # by hand at t = 6: 0.8571 * sqrt(3 / (21 * 18)) = 0.0764
    assert at_events["std_error"].iloc[0] == pytest.approx(0.0764, abs=5e-5)


def test_greenwood_without_censoring_is_the_binomial_standard_error():
    # Without censoring S(t) is a plain proportion; Greenwood reduces to sqrt(S(1-S)/n).
    # Placebo group: S(10) = 8/21 = 0.381, se = sqrt(0.381 * 0.619 / 21) = 0.106.
    km = churn.kaplan_meier(PLACEBO_TIMES, PLACEBO_EVENT)
    live = km[(km["survival"] > 0)]
    s = live["survival"].to_numpy()
    np.testing.assert_allclose(live["std_error"], np.sqrt(s * (1 - s) / 21), rtol=1e-12)
    row = km[km["time"] == 8].iloc[0]
    assert row["survival"] == pytest.approx(0.381, abs=5e-4)
    assert row["std_error"] == pytest.approx(0.106, abs=5e-4)


@pytest.mark.parametrize("band, method", [("log-log", "log-log"), ("plain", "linear")])
@pytest.mark.parametrize("confidence", [0.95, 0.90])
def test_band_matches_scipy_ecdf(band, method, confidence):
    from scipy import stats

    times, events = np.array(MP_TIMES, float), np.array(MP_EVENT, bool)
    ref = stats.ecdf(stats.CensoredData.right_censored(times, ~events))
    ci = ref.sf.confidence_interval(confidence, method=method)
    km = churn.kaplan_meier(times, events, band=band, confidence=confidence)
    np.testing.assert_allclose(km["time"], ref.sf.quantiles)
    np.testing.assert_allclose(km["survival"], ref.sf.probabilities, rtol=1e-12)
    np.testing.assert_allclose(km["lower"], ci.low.probabilities, rtol=1e-9)
    np.testing.assert_allclose(km["upper"], ci.high.probabilities, rtol=1e-9)


def test_band_matches_scipy_on_random_data_with_ties():
    from scipy import stats

    rng = np.random.default_rng(7)
    times = rng.integers(0, 40, size=300).astype(float)   # many ties, events and censoring at one time
    events = rng.random(300) < 0.6
    ref = stats.ecdf(stats.CensoredData.right_censored(times, ~events))
    with warnings.catch_warnings():   # scipy warns where the interval is undefined (S = 0 or 1)
        warnings.simplefilter("ignore", RuntimeWarning)
        ci = ref.sf.confidence_interval(method="log-log")
    km = churn.kaplan_meier(times, events)
    np.testing.assert_allclose(km["survival"], ref.sf.probabilities, rtol=1e-12)
    defined = (km["survival"] > 0) & (km["survival"] < 1)
    np.testing.assert_allclose(km.loc[defined, "lower"], ci.low.probabilities[defined], rtol=1e-9)
    np.testing.assert_allclose(km.loc[defined, "upper"], ci.high.probabilities[defined], rtol=1e-9)


def test_log_log_band_stays_inside_zero_one_and_plain_is_cut():
    km = churn.kaplan_meier(PLACEBO_TIMES, PLACEBO_EVENT)
    assert ((km["lower"] >= 0) & (km["upper"] <= 1) & (km["lower"] <= km["survival"])
            & (km["survival"] <= km["upper"])).all()
    plain = churn.kaplan_meier(PLACEBO_TIMES, PLACEBO_EVENT, band="plain")
    assert plain["lower"].min() == 0.0 and plain["upper"].max() <= 1.0
    last = km.iloc[-1]   # everyone churned: S = 0, the band is the point, SE undefined
    assert last["survival"] == 0 and last["lower"] == 0 and last["upper"] == 0 and np.isnan(last["std_error"])


def test_kaplan_meier_edge_cases():
    one_event = churn.kaplan_meier([5], [True])
    assert one_event["survival"].tolist() == [0.0] and one_event["at_risk"].tolist() == [1]
    one_censored = churn.kaplan_meier([5], [False])
    assert one_censored["survival"].tolist() == [1.0]
    assert one_censored[["lower", "upper"]].iloc[0].tolist() == [1.0, 1.0]
    # a tie of a churn and a censoring at t=2: the censored one is still at risk at 2
    tie = churn.kaplan_meier([1, 2, 2, 3], [1, 1, 0, 1])
    assert tie["at_risk"].tolist() == [4, 3, 1]
    np.testing.assert_allclose(tie["survival"], [3 / 4, 3 / 4 * 2 / 3, 0.0])
    # duration 0 (a one-time buyer who never came back) is allowed
    assert churn.kaplan_meier([0, 0, 4], [1, 0, 1])["survival"].iloc[0] == pytest.approx(2 / 3)
    # Series with any index, observed as 0/1
    km = churn.kaplan_meier(pd.Series([3.0, 1.0], index=[10, 20]), pd.Series([1, 0], index=[5, 6]))
    assert km["time"].tolist() == [1.0, 3.0] and km["survival"].tolist() == [1.0, 0.0]


def test_kaplan_meier_by_group():
    km = churn.kaplan_meier(MP_TIMES + PLACEBO_TIMES, MP_EVENT + PLACEBO_EVENT,
                            groups=["6-MP"] * 21 + ["placebo"] * 21)
    assert km.columns[0] == "group"
    placebo = km[km["group"] == "placebo"].reset_index(drop=True)
    np.testing.assert_allclose(placebo["survival"], PLACEBO_PUBLISHED["survival"], atol=5e-5)


@pytest.mark.parametrize("durations, observed, words", [
    ([], [], "empty"),
    ([1, np.nan], [1, 1], "missing"),
    ([1, -2], [1, 1], "negative"),
    ([1, 2], [1, 2], "True/False"),
    ([1, 2], ["yes", "no"], "True/False"),
    ([1, 2], [1, None], "missing"),
    ([1, 2, 3], [1, 1], "same order"),
    (["a", 2], [1, 1], "text"),
])
def test_kaplan_meier_bad_input(durations, observed, words):
    with pytest.raises(DataError, match=words):
        churn.kaplan_meier(durations, observed)


def test_kaplan_meier_bad_arguments():
    with pytest.raises(DataError, match="band"):
        churn.kaplan_meier([1, 2], [1, 1], band="arcsine")
    with pytest.raises(DataError, match="confidence"):
        churn.kaplan_meier([1, 2], [1, 1], confidence=95)
    with pytest.raises(DataError, match="group label per customer"):
        churn.kaplan_meier([1, 2], [1, 1], groups=["a"])
    with pytest.raises(DataError, match="missing"):
        churn.kaplan_meier([1, 2], [1, 1], groups=["a", None])


# --------------------------------------------------------------------------
# median and log-rank
# --------------------------------------------------------------------------


def test_median_survival_matches_kleinbaum_klein_and_statsmodels():
    from statsmodels.duration.survfunc import SurvfuncRight

    km = churn.kaplan_meier(MP_TIMES + PLACEBO_TIMES, MP_EVENT + PLACEBO_EVENT,
                            groups=["6-MP"] * 21 + ["placebo"] * 21)
    medians = churn.median_survival(km)
    assert medians.loc["6-MP", "median"] == 23 and medians.loc["placebo", "median"] == 8  # K&K ch. 2
    with warnings.catch_warnings():   # statsmodels takes log(0) at S = 0
        warnings.simplefilter("ignore", RuntimeWarning)
        ci_mp = SurvfuncRight(np.array(MP_TIMES, float), np.array(MP_EVENT)).quantile_ci(0.5, method="cloglog")
        ci_pl = SurvfuncRight(np.array(PLACEBO_TIMES, float), np.ones(21)).quantile_ci(0.5, method="cloglog")
    assert medians.loc["6-MP", "lower"] == ci_mp[0] and np.isinf(ci_mp[1]) and np.isnan(medians.loc["6-MP", "upper"])
    assert (medians.loc["placebo", "lower"], medians.loc["placebo", "upper"]) == (ci_pl[0], ci_pl[1])


def test_median_interval_matches_statsmodels_on_random_data():
    from statsmodels.duration.survfunc import SurvfuncRight

    rng = np.random.default_rng(3)
    for _ in range(5):
        t = rng.integers(1, 30, 60).astype(float)
        e = rng.random(60) < 0.6
        with warnings.catch_warnings():   # statsmodels takes log(0) at S = 0
            warnings.simplefilter("ignore", RuntimeWarning)
            ref = SurvfuncRight(t, e.astype(int))
            ref_ci = tuple(float(v) for v in ref.quantile_ci(0.5, method="cloglog"))
        ours = churn.median_survival(churn.kaplan_meier(t, e))
        assert ours["median"] == ref.quantile(0.5)
        assert (ours["lower"], ours["upper"]) == ref_ci


def test_median_not_reached_and_bad_table():
    single = churn.median_survival(churn.kaplan_meier([1, 2, 3], [1, 0, 0]))
    assert np.isnan(single["median"])     # S stays at 2/3
    with pytest.raises(DataError, match="survival"):
        churn.median_survival(pd.DataFrame({"time": [1]}))
    with pytest.raises(DataError, match="DataFrame"):
        churn.median_survival([1, 2])


def test_logrank_matches_kleinbaum_klein_and_statsmodels():
    from statsmodels.duration.survfunc import survdiff

    times, events = MP_TIMES + PLACEBO_TIMES, MP_EVENT + PLACEBO_EVENT
    groups = ["6-MP"] * 21 + ["placebo"] * 21
    result = churn.logrank_test(times, events, groups)
    assert result.chi_square == pytest.approx(16.79, abs=0.005)   # Kleinbaum & Klein ch. 2
    assert result.df == 1 and result.p_value < 0.0001
    table = result.groups
    assert table.loc["6-MP", "observed"] == 9 and table.loc["placebo", "observed"] == 21
    assert table.loc["6-MP", "expected"] == pytest.approx(19.25, abs=0.005)
    assert table.loc["placebo", "expected"] == pytest.approx(10.75, abs=0.005)
    chi2, p = survdiff(np.array(times, float), np.array(events), np.array(groups))
    assert result.chi_square == pytest.approx(chi2, rel=1e-10) and result.p_value == pytest.approx(p, rel=1e-8)
    assert "16.793 on 1 df" in repr(result)


def test_logrank_three_groups_matches_statsmodels():
    from statsmodels.duration.survfunc import survdiff

    rng = np.random.default_rng(11)
    groups = np.repeat(["a", "b", "c"], 40)
    times = np.round(rng.exponential(np.repeat([10.0, 14.0, 20.0], 40)))
    events = rng.random(120) < 0.7
    result = churn.logrank_test(times, events, groups)
    chi2, p = survdiff(times, events.astype(int), groups)
    assert result.df == 2
    assert result.chi_square == pytest.approx(chi2, rel=1e-9) and result.p_value == pytest.approx(p, rel=1e-7)


def test_logrank_hand_computed():
    # a: churn at 1, 2, 3, censored at 4; b: churn at 5, 6, censored at 7, 8.
    # t=1: n=8 (4 a), E_a=4/8, V=1/4; t=2: n=7 (3 a), E_a=3/7, V=12/49; t=3: n=6 (2 a), E_a=2/6, V=8/36;
    # t=5, 6: no a at risk. O_a=3, E_a=1.261905, V=0.717120 -> (1.738095)^2 / 0.717120 = 4.2127
    result = churn.logrank_test([1, 2, 3, 4, 5, 6, 7, 8], [1, 1, 1, 0, 1, 1, 0, 0], list("aaaabbbb"))
    assert result.chi_square == pytest.approx(4.2127, abs=1e-4)
    assert result.groups.loc["a", "expected"] == pytest.approx(1.261905, abs=1e-6)


def test_logrank_bad_input():
    with pytest.raises(DataError, match="only one label"):
        churn.logrank_test([1, 2], [1, 1], ["a", "a"])
    with pytest.raises(DataError, match="nothing to compare"):
        churn.logrank_test([1, 2], [0, 0], ["a", "b"])
    with pytest.raises(DataError, match="group label per customer"):
        churn.logrank_test([1, 2], [1, 1], ["a"])
    with pytest.raises(DataError, match="nobody at risk"):   # b's customers all left before the first churn
        churn.logrank_test([1, 2, 5, 6], [0, 0, 1, 1], ["b", "b", "a", "a"])


# --------------------------------------------------------------------------
# label_churn and churn_durations
# --------------------------------------------------------------------------


def test_label_churn_non_contractual_by_hand(shop):
    customers, orders = shop
    labels = churn.label_churn(customers, orders, "2024-03-31", window_days=30, as_of="2024-05-31")
    assert labels.index.tolist() == [1, 2, 3, 4]          # 5 never bought, 6 bought after the cut-off
    assert labels["churned"].to_dict() == {1: True, 2: False, 3: True, 4: True}
    assert labels["purchases_before"].to_dict() == {1: 2, 2: 1, 3: 1, 4: 1}
    assert labels["days_since_last"].to_dict() == {1: 0, 2: 59, 3: 30, 4: 86}
    assert labels.loc[2, "days_to_next"] == 30 and labels.loc[4, "days_to_next"] == 31
    assert pd.isna(labels.loc[1, "next_purchase"])
    assert (labels["window_end"] == pd.Timestamp("2024-04-30")).all()
    assert labels.attrs["window_days"] == 30 and labels.attrs["kind"] == "non-contractual"


def test_label_churn_default_window_is_the_lifecycle_at_risk_gap():
    customers = pd.DataFrame({"customer_id": [1, 2], "signup_date": _d("2024-01-01", "2024-01-01")})
    orders = pd.DataFrame({"customer_id": [1, 1, 1, 2, 2, 2],
                           "order_date": _d("2024-01-01", "2024-01-11", "2024-02-10",
                                            "2024-01-05", "2024-01-25", "2024-09-01")})
    labels = churn.label_churn(customers, orders, "2024-03-01")
    # gaps before the cut-off: 10, 30 (customer 1), 20 (customer 2); 90th percentile
    # by linear interpolation = 20 + 0.8 * (30 - 20) = 28 days
    assert labels.attrs["window_days"] == 28
    assert labels.attrs["window_days"] == lifecycle.default_thresholds(orders, "2024-03-01")["at_risk_days"]


def test_label_churn_contractual_by_hand():
    customers = pd.DataFrame({
        "customer_id": [1, 2, 3, 4, 5, 6],
        "signup_date": _d("2024-01-01", "2024-01-01", "2024-01-01", "2024-01-01", "2024-01-01", "2024-04-02"),
        "account_closed": _d("2024-03-31", "2024-04-01", "2024-04-30", "2024-05-01", None, None),
    })
    labels = churn.label_churn(customers, None, "2024-03-31", window_days=30, kind="contractual",
                               as_of="2024-06-30")
    assert labels.index.tolist() == [2, 3, 4, 5]   # 1 closed on the cut-off, 6 opened after
    assert labels["churned"].to_dict() == {2: True, 3: True, 4: False, 5: False}
    assert labels.loc[2, "days_to_close"] == 1 and pd.isna(labels.loc[5, "days_to_close"])
    assert labels.loc[2, "tenure_days"] == 90


def test_label_churn_bad_input(shop):
    customers, orders = shop
    with pytest.raises(DataError, match="data end on 2024-05-01"):
        churn.label_churn(customers, orders, "2024-05-15", window_days=30)
    with pytest.raises(DataError, match="kind"):
        churn.label_churn(customers, orders, "2024-03-31", window_days=30, kind="subscription")
    with pytest.raises(DataError, match="window_days"):
        churn.label_churn(customers, orders, "2024-03-31", window_days=0)
    with pytest.raises(DataError, match="window_days"):
        churn.label_churn(customers, orders, "2024-03-31", window_days=True)
    with pytest.raises(DataError, match='"account_closed"'):
        churn.label_churn(customers, orders, "2024-03-31", window_days=30, kind="contractual")
    with pytest.raises(DataError, match="repeated id"):
        churn.label_churn(pd.concat([customers, customers]), orders, "2024-03-31", window_days=30)
    with pytest.raises(DataError, match="not in the customers table"):
        churn.label_churn(customers[customers["customer_id"] != 4], orders, "2024-03-31", window_days=30)
    with pytest.raises(DataError, match="Choose a later cut-off"):
        churn.label_churn(customers, orders, "2023-12-01", window_days=30)
    with pytest.raises(DataError, match="cutoff"):
        churn.label_churn(customers, orders, "31.03.2024x", window_days=30)
    with pytest.raises(DataError, match='"signup_date"'):
        churn.label_churn(customers.drop(columns="signup_date"), orders, "2024-03-31", window_days=30)
    with pytest.raises(DataError, match="pass the orders table"):
        churn.label_churn(customers, None, "2024-03-31", window_days=30, as_of="2024-05-31")
    with pytest.raises(DataError, match="as_of"):
        churn.label_churn(customers.assign(account_closed=pd.NaT), None, "2024-03-31", window_days=30,
                          kind="contractual")
    bad = orders.copy()
    bad.loc[0, "customer_id"] = np.nan
    with pytest.raises(DataError, match="missing"):
        churn.label_churn(customers, bad, "2024-03-31", window_days=30)


def test_churn_durations_non_contractual_by_hand(shop):
    customers, orders = shop
    d = churn.churn_durations(customers, orders, "2024-05-31", window_days=30)
    # 1: first 01-10, last 03-31, silent 61 > 30 -> churned at 81 days
    # 2: 02-01 .. 04-30, silent 31 > 30 -> churned at 89; 3: one purchase, silent 91 -> churned at 0
    # 4: 01-05 .. 05-01, silent 30 -> censored at 117; 6: 04-15 only, silent 46 -> churned at 0
    assert d["duration_days"].to_dict() == {1: 81, 2: 89, 3: 0, 4: 117, 6: 0}
    assert d["churned"].to_dict() == {1: True, 2: True, 3: True, 4: False, 6: True}
    km = churn.kaplan_meier(d["duration_days"], d["churned"])
    assert km["survival"].iloc[0] == pytest.approx(3 / 5)


def test_churn_durations_contractual_and_errors():
    customers = pd.DataFrame({"customer_id": [1, 2, 3], "signup_date": _d("2024-01-01", "2024-02-01", "2024-08-01"),
                              "account_closed": _d("2024-01-31", "2024-07-15", None)})
    d = churn.churn_durations(customers, None, "2024-06-30", kind="contractual")
    assert d.index.tolist() == [1, 2]            # 3 opened after as_of
    assert d["duration_days"].tolist() == [30, 150] and d["churned"].tolist() == [True, False]
    swapped = customers.assign(account_closed=_d("2023-12-01", None, None))
    with pytest.raises(DataError, match="closes after it opens"):
        churn.churn_durations(swapped, None, "2024-06-30", kind="contractual")
    with pytest.raises(DataError, match="orders"):
        churn.churn_durations(customers, None, "2024-06-30")


# --------------------------------------------------------------------------
# features, model, gains
# --------------------------------------------------------------------------


def test_churn_features_by_hand(dataset):
    f = churn.churn_features(dataset, "2024-03-31", recent_days=30)
    assert f.index.tolist() == [1, 2, 3, 4]
    assert f["recency_days"].to_dict() == {1: 0, 2: 59, 3: 30, 4: 86}
    assert f["frequency"].to_dict() == {1: 2, 2: 1, 3: 1, 4: 1}          # 4's two orders on one day
    assert f["recent_orders"].to_dict() == {1: 1, 2: 0, 3: 0, 4: 0}      # within 30 days: 03-02 .. 03-31
    assert f["monetary"].to_dict() == {1: 20.0, 2: 20.0, 3: 50.0, 4: 10.0}
    assert f["return_share"].to_dict() == {1: 0.5, 2: 0.0, 3: 0.0, 4: 0.0}
    assert f["tenure_days"].to_dict() == {1: 90, 2: 90, 3: 90, 4: 90}
    assert f["discount_acquired"].to_dict() == {1: 0, 2: 1, 3: 0, 4: 0}
    # latest answer on or before the cut-off: 1's answer of 04-02 is the future
    assert f.loc[1, "overall_satisfaction"] == 4 and np.isnan(f.loc[3, "overall_satisfaction"])
    assert f["answered_survey"].to_dict() == {1: 1, 2: 1, 3: 0, 4: 1}
    # 1: resolved in 5 h, rated 5 -> well; 2: 100 h -> poorly; 3: opened 03-31 20:00, resolved
    # 10 h later (after the cut-off day) -> unresolved as it stood; 4: a question, and a complaint after.
    assert f["first_complaint_outcome"].astype(str).to_dict() == {
        1: "resolved well", 2: "resolved poorly", 3: "unresolved", 4: "no complaint"}
    assert f["complaint_unresolved"].to_dict() == {1: 0, 2: 0, 3: 1, 4: 0}
    assert f["complaints"].to_dict() == {1: 1, 2: 1, 3: 1, 4: 0}


def test_churn_features_without_optional_tables_and_contractual():
    customers = pd.DataFrame({"customer_id": [1, 2, 3], "signup_date": _d("2024-01-01", "2024-01-01", "2024-01-01"),
                              "acquired_with_discount": [True, False, False],
                              "account_closed": _d(None, "2024-02-01", None)})
    orders = pd.DataFrame({"customer_id": [1], "order_date": _d("2024-01-20"), "amount": [5.0], "returned": [False]})
    f = churn.churn_features({"customers": customers, "orders": orders}, "2024-03-01", kind="contractual")
    assert f.index.tolist() == [1, 3]                   # 2 closed before the cut-off
    assert f.loc[3, "recency_days"] == 60 and f.loc[3, "frequency"] == 0   # no transactions: tenure
    assert "overall_satisfaction" not in f.columns and f["complaints"].sum() == 0


def test_churn_features_bad_input(dataset):
    with pytest.raises(DataError, match="several tables"):
        churn.churn_features(dataset["orders"], "2024-03-31")
    with pytest.raises(DataError, match="no orders table"):
        churn.churn_features({"customers": dataset["customers"]}, "2024-03-31")
    with pytest.raises(DataError, match="survey_cols"):
        churn.churn_features(dataset, "2024-03-31", survey_cols=("staff_attitude",))
    with pytest.raises(DataError, match="amount_col"):
        churn.churn_features({**dataset, "orders": dataset["orders"].drop(columns="amount")}, "2024-03-31")
    with pytest.raises(DataError, match="later cut-off"):
        churn.churn_features(dataset, "2023-06-30")
    with pytest.raises(DataError, match="not in the customers table"):
        churn.churn_features({**dataset, "customers": dataset["customers"].iloc[1:]}, "2024-03-31")
    with pytest.raises(DataError, match="recent_days"):
        churn.churn_features(dataset, "2024-03-31", recent_days=0)


def _synthetic(n=300, seed=1):
    """Customers who buy every 5-60 days until a day of their own, then stop."""
    rng = np.random.default_rng(seed)
    ids = np.arange(1, n + 1)
    gap, stop = rng.integers(5, 60, size=n), rng.integers(30, 366, size=n)
    rows = [(c, pd.Timestamp("2024-01-01") + pd.Timedelta(days=int(d)))
            for c, g, s in zip(ids, gap, stop) for d in range(0, s, g)]
    return {"customers": pd.DataFrame({"customer_id": ids, "signup_date": pd.Timestamp("2024-01-01"),
                                       "acquired_with_discount": rng.random(n) < 0.3}),
            "orders": pd.DataFrame(rows, columns=["customer_id", "order_date"]).assign(amount=10.0, returned=False)}


def test_churn_risk_model_time_split_and_auc():
    from sklearn.metrics import roc_auc_score

    data = _synthetic()
    model = churn.churn_risk_model(data, "2024-06-30", "2024-09-30", window_days=90, as_of="2024-12-31")
    # the held-out set is the customers at the test cut-off, their outcome the later window
    labels = churn.label_churn(data["customers"], data["orders"], "2024-09-30", window_days=90, as_of="2024-12-31")
    assert model.scores.index.tolist() == labels.index.tolist()
    assert model.scores["churned"].tolist() == labels["churned"].tolist()
    assert model.auc == pytest.approx(roc_auc_score(labels["churned"], model.scores["churn_risk"]))
    assert model.auc > 0.8
    assert model.coefficients.loc["recency_days", "coefficient"] > 0      # long silence -> churn
    assert "constant" not in " ".join(model.coefficients["reading"])      # constant features left out
    assert "return_share" not in model.features
    assert "held-out AUC" in repr(model)
    gains = model.gains()
    assert gains["cumulative_capture"].iloc[-1] == 1.0
    ranked = model.score(data, "2024-12-31")
    assert ranked["churn_risk"].is_monotonic_decreasing and len(ranked) > 0
    again = churn.churn_risk_model(data, "2024-06-30", "2024-09-30", window_days=90, as_of="2024-12-31")
    assert again.auc == model.auc                                           # fixed random_state


def test_churn_risk_model_coefficients_match_statsmodels_logit():
    import statsmodels.api as sm

    data = _synthetic()
    features = ["recency_days", "frequency", "recent_orders"]
    model = churn.churn_risk_model(data, "2024-06-30", "2024-09-30", window_days=90, as_of="2024-12-31",
                                   features=features, C=1e8)
    x = churn.churn_features(data, "2024-06-30")[features].astype(float)
    y = churn.label_churn(data["customers"], data["orders"], "2024-06-30", window_days=90,
                          as_of="2024-12-31")["churned"].reindex(x.index).astype(float)
    z = (x - x.mean()) / x.std(ddof=0)
    fit = sm.Logit(y, sm.add_constant(z)).fit(disp=0)
    ours = model.coefficients["coefficient"].reindex(features)
    np.testing.assert_allclose(ours, fit.params[features], rtol=1e-3, atol=1e-4)
    np.testing.assert_allclose(model.coefficients["odds_ratio"], np.exp(model.coefficients["coefficient"]))


def test_churn_risk_model_bad_input():
    data = _synthetic()
    with pytest.raises(DataError, match="leak from the future"):
        churn.churn_risk_model(data, "2024-06-30", "2024-08-31", window_days=90, as_of="2024-12-31")
    with pytest.raises(DataError, match="data end"):
        churn.churn_risk_model(data, "2024-06-30", "2024-11-30", window_days=90, as_of="2024-12-31")
    with pytest.raises(DataError, match="features"):
        churn.churn_risk_model(data, "2024-06-30", "2024-09-30", window_days=90, as_of="2024-12-31",
                               features=["loyalty_points"])
    with pytest.raises(DataError, match="C must be"):
        churn.churn_risk_model(data, "2024-06-30", "2024-09-30", window_days=90, as_of="2024-12-31", C=0)
    # everyone keeps buying: one class only
    steady = pd.DataFrame([(c, pd.Timestamp("2024-01-01") + pd.Timedelta(days=d))
                           for c in (1, 2, 3) for d in range(0, 366, 7)], columns=["customer_id", "order_date"])
    same = {"customers": pd.DataFrame({"customer_id": [1, 2, 3], "signup_date": pd.Timestamp("2024-01-01"),
                                       "acquired_with_discount": False}),
            "orders": steady.assign(amount=1.0, returned=False)}
    with pytest.raises(DataError, match="same outcome"):
        churn.churn_risk_model(same, "2024-06-30", "2024-09-30", window_days=90, as_of="2024-12-31")


def test_gains_table_hand_computed():
    # 10 customers, 4 churners (overall rate 0.4), 5 groups of 2 by score, highest first:
    # group 1: (0.9 y1, 0.8 y1) -> 2 churners, rate 1.0, capture 2/4, lift 1.0/0.4 = 2.5
    # group 2: (0.7 y0, 0.6 y1) -> 1, rate 0.5, capture 3/4, lift 1.25, cum. lift (3/4)/0.4 = 1.875
    # groups 3, 4: no churner; group 5: (0.1 y1, 0.05 y0) -> 1, lift 1.25, capture 1, cum. lift 1
    g = churn.gains_table([1, 1, 0, 1, 0, 0, 0, 0, 1, 0],
                          [0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1, 0.05], deciles=5)
    assert g.index.tolist() == [1, 2, 3, 4, 5]
    assert g["churners"].tolist() == [2, 1, 0, 0, 1]
    np.testing.assert_allclose(g["churn_rate"], [1.0, 0.5, 0.0, 0.0, 0.5])
    np.testing.assert_allclose(g["cumulative_capture"], [0.5, 0.75, 0.75, 0.75, 1.0])
    np.testing.assert_allclose(g["lift"], [2.5, 1.25, 0.0, 0.0, 1.25])
    np.testing.assert_allclose(g["cumulative_lift"], [2.5, 1.875, 1.25, 0.9375, 1.0])
    np.testing.assert_allclose(g["cumulative_customers"], [0.2, 0.4, 0.6, 0.8, 1.0])
    assert g.loc[1, "max_score"] == 0.9 and g.loc[1, "min_score"] == 0.8


def test_gains_table_uneven_groups_ties_and_input_order():
    # 7 customers into 3 groups: sizes 3, 2, 2; scores given in shuffled order, True/False outcomes
    y = pd.Series([False, True, True, False, False, True, False])
    score = pd.Series([0.1, 0.9, 0.5, 0.5, 0.2, 0.7, 0.3])
    g = churn.gains_table(y, score, deciles=3)
    # sorted: 0.9 T, 0.7 T, 0.5 T (input position 2 before 3), 0.5 F, 0.3 F, 0.2 F, 0.1 F
    assert g["customers"].tolist() == [3, 2, 2] and g["churners"].tolist() == [3, 0, 0]
    np.testing.assert_allclose(g["lift"], [1.0 / (3 / 7), 0.0, 0.0])


def test_gains_table_bad_input():
    with pytest.raises(DataError, match="one outcome and one score"):
        churn.gains_table([1, 0], [0.5], deciles=1)
    with pytest.raises(DataError, match="fewer than the 10 groups"):
        churn.gains_table([1, 0, 1], [0.5, 0.2, 0.1])
    with pytest.raises(DataError, match="No customer churned"):
        churn.gains_table([0, 0], [0.5, 0.2], deciles=2)
    with pytest.raises(DataError, match="missing"):
        churn.gains_table([1, 0], [0.5, np.nan], deciles=2)
    with pytest.raises(DataError, match="1/0"):
        churn.gains_table([1, 2], [0.5, 0.4], deciles=2)
    with pytest.raises(DataError, match="deciles"):
        churn.gains_table([1, 0], [0.5, 0.4], deciles=0)


# --------------------------------------------------------------------------
# one rule for every table (issue 14): dates, ids, numbers as _tables reads them
# --------------------------------------------------------------------------


def _shanghai(frame, column):
    """The same wall-clock times, now timezone-aware (Asia/Shanghai)."""
    return frame.assign(**{column: pd.to_datetime(frame[column]).dt.tz_localize("Asia/Shanghai")})


def test_timezone_aware_dates_give_the_naive_answer(dataset):
    # Before issue 14: "Invalid comparison between dtype=datetime64[us, Asia/Shanghai] and Timestamp".
    customers, orders, tickets = dataset["customers"], dataset["orders"], dataset["tickets"]
    aware = {**dataset, "orders": _shanghai(orders, "order_date"), "tickets": _shanghai(tickets, "opened_at"),
             "customers": _shanghai(customers, "signup_date")}
    naive_labels = churn.label_churn(customers, orders, "2024-03-31", window_days=30, as_of="2024-05-31")
    aware_labels = churn.label_churn(aware["customers"], aware["orders"], "2024-03-31", window_days=30,
                                     as_of="2024-05-31")
    pd.testing.assert_frame_equal(aware_labels, naive_labels)
    pd.testing.assert_frame_equal(churn.churn_durations(aware["customers"], aware["orders"], "2024-05-31"),
                                  churn.churn_durations(customers, orders, "2024-05-31"))
    pd.testing.assert_frame_equal(churn.churn_features(aware, "2024-03-31"), churn.churn_features(dataset, "2024-03-31"))
    # ticket 3 was opened at 20:00 Shanghai time on the cut-off day: still "unresolved" as it stood then
    pd.testing.assert_frame_equal(service.churn_by_complaint_outcome(aware_labels, aware["tickets"]),
                                  service.churn_by_complaint_outcome(naive_labels, tickets))


def test_a_late_evening_order_counts_on_its_own_local_day():
    # 23:30 in Shanghai on the cut-off day is a purchase on or before the cut-off (wall time kept, not UTC)
    customers = pd.DataFrame({"customer_id": [1], "signup_date": _d("2024-01-01")})
    orders = pd.DataFrame({"customer_id": [1, 1], "order_date": pd.to_datetime(
        ["2024-01-05 10:00", "2024-03-31 23:30"]).tz_localize("Asia/Shanghai")})
    labels = churn.label_churn(customers, orders, "2024-03-31", window_days=30, as_of="2024-05-31")
    assert labels.loc[1, "days_since_last"] == 0 and labels.loc[1, "purchases_before"] == 2


def test_text_dates_give_the_parsed_answer(dataset):
    as_text = {name: table.copy() for name, table in dataset.items()}
    for name, column in (("orders", "order_date"), ("customers", "signup_date"), ("surveys", "survey_date"),
                         ("tickets", "opened_at")):
        as_text[name][column] = dataset[name][column].dt.strftime("%Y-%m-%d %H:%M")
    pd.testing.assert_frame_equal(
        churn.label_churn(as_text["customers"], as_text["orders"], "2024-03-31", window_days=30, as_of="2024-05-31"),
        churn.label_churn(dataset["customers"], dataset["orders"], "2024-03-31", window_days=30, as_of="2024-05-31"),
        check_dtype=False)   # text is read at pandas' default resolution (us), the fixture is ns
    pd.testing.assert_frame_equal(churn.churn_features(as_text, "2024-03-31"),
                                  churn.churn_features(dataset, "2024-03-31"), check_dtype=False)


@pytest.mark.parametrize("convert", [
    lambda s: s.astype("category"),
    lambda s: s.astype("Int64"),
    lambda s: s.astype(float),
], ids=["categorical", "nullable", "float"])
def test_ids_of_any_dtype_give_the_plain_answer(dataset, convert):
    other = {name: table.assign(customer_id=convert(table["customer_id"])) for name, table in dataset.items()}
    pd.testing.assert_frame_equal(churn.churn_features(other, "2024-03-31"), churn.churn_features(dataset, "2024-03-31"))
    pd.testing.assert_frame_equal(
        churn.churn_durations(other["customers"], other["orders"], "2024-05-31"),
        churn.churn_durations(dataset["customers"], dataset["orders"], "2024-05-31"))


def test_nullable_numbers_and_flags_give_the_plain_answer(dataset):
    orders = dataset["orders"].assign(amount=dataset["orders"]["amount"].astype("Float64"),
                                      returned=dataset["orders"]["returned"].astype("boolean"))
    surveys = dataset["surveys"].assign(overall_satisfaction=dataset["surveys"]["overall_satisfaction"].astype("Int64"))
    pd.testing.assert_frame_equal(churn.churn_features({**dataset, "orders": orders, "surveys": surveys}, "2024-03-31"),
                                  churn.churn_features(dataset, "2024-03-31"))


def test_a_missing_order_date_is_an_error_naming_the_column(shop):
    customers, orders = shop
    gap = orders.assign(order_date=orders["order_date"].where(orders.index != 2))
    for call in (lambda: churn.label_churn(customers, gap, "2024-03-31", window_days=30, as_of="2024-05-31"),
                 lambda: churn.churn_durations(customers, gap, "2024-05-31"),
                 lambda: churn.churn_features({"customers": customers, "orders": gap}, "2024-03-31")):
        with pytest.raises(DataError, match=r'"order_date" of the orders table has 1 missing date\(s\) \(first at row 2\)'):
            call()


def test_text_amounts_and_answers_are_errors_not_silent_gaps(dataset):
    # Before issue 14 churn_features turned "ten" into NaN and carried on.
    orders = dataset["orders"].assign(amount=dataset["orders"]["amount"].astype(object))
    orders.loc[3, "amount"] = "ten"
    with pytest.raises(DataError, match=r'"amount" of the orders table holds text .* numbers are expected'):
        churn.churn_features({**dataset, "orders": orders}, "2024-03-31")
    surveys = dataset["surveys"].assign(overall_satisfaction=["4", "1", "two", "5"])
    with pytest.raises(DataError, match='"overall_satisfaction" of the surveys table holds text'):
        churn.churn_features({**dataset, "surveys": surveys}, "2024-03-31")
    tickets = dataset["tickets"].assign(hours_to_resolve=["5", "100", "10", "1", "2"])
    with pytest.raises(DataError, match='"hours_to_resolve" of the tickets table holds text'):
        service.complaint_metrics(tickets)


def test_order_customers_must_be_customers_in_every_function(shop):
    customers, orders = shop
    fewer = customers[customers["customer_id"] != 6]     # 6 buys only after the cut-off
    with pytest.raises(DataError, match="not in the customers table"):
        churn.churn_durations(fewer, orders, "2024-05-31", window_days=30)
    with pytest.raises(DataError, match="not in the customers table"):
        churn.churn_features({"customers": fewer, "orders": orders}, "2024-03-31")


def test_the_default_window_is_lesson_02s_at_risk_gap_on_the_shop():
    from custlearn import datasets

    shop = datasets.load("shop")
    expected = lifecycle.default_thresholds(shop.orders, "2024-12-31")["at_risk_days"]
    labels = churn.label_churn(shop.customers, shop.orders, "2024-12-31")
    assert labels.attrs["window_days"] == expected == 106      # as the docstring says


def test_too_few_repeat_purchases_for_a_default_window(shop):
    customers, orders = shop
    with pytest.raises(DataError, match=r"Only 1 gap\(s\) .* too few to set a default churn window .* window_days=90"):
        # by the cut-off only customer 1 came back (01-10 -> 03-31); customer 4's two orders share a day
        churn.label_churn(customers, orders, "2024-03-31", as_of="2024-12-31")


def test_complaint_groups_follow_lesson_02s_rule_on_the_shipped_data():
    from custlearn import datasets
    from custlearn._recovery import first_complaints, read_complaints

    for name in ("shop", "bank"):
        tickets = datasets.load(name).tickets
        ours = first_complaints(read_complaints(tickets))
        ref = lifecycle.complaint_outcomes(tickets)
        assert ours["outcome"].astype(str).tolist() == ref["outcome"].astype(str).tolist()
        assert ours["complaints"].tolist() == ref["complaints"].tolist()
    assert churn.COMPLAINT_GROUPS == ["no complaint", *lifecycle.OUTCOMES]


@pytest.mark.parametrize("kwargs, words", [
    ({"C": -1.0}, "C must be a number greater than 0"),
    ({"C": "1"}, "C must be a number greater than 0"),
    ({"active_days": -30}, "active_days must be a whole number of days of at least 1"),
    ({"random_state": 1.5}, "random_state must be a whole number"),
    ({"window_days": -90}, "window_days must be a whole number of days of at least 1, but -90 was given. A window "
                           "counts forward from its start: give its length, e.g. window_days=90"),
    ({"recent_days": 0}, "recent_days must be a whole number of days"),
    ({"survey_cols": "overall_satisfaction"}, "survey_cols must be a list of survey column names"),
    ({"loyalty": 1}, "which has no loyalty="),
])
def test_churn_risk_model_scalar_checks(kwargs, words):
    with pytest.raises(DataError, match=words):
        churn.churn_risk_model(_synthetic(60), "2024-06-30", "2024-09-30", **{"window_days": 90, **kwargs})


def test_scalar_checks_of_the_other_functions(dataset, shop):
    customers, orders = shop
    with pytest.raises(DataError, match=r"Give a fraction, not a percentage: 0.95, not 95"):
        churn.kaplan_meier([1, 2], [1, 1], confidence=95)
    labels = churn.label_churn(customers, orders, "2024-03-31", window_days=30, as_of="2024-05-31")
    with pytest.raises(DataError, match=r"confidence must be a fraction .* 0.9, not 90"):
        service.churn_by_complaint_outcome(labels, dataset["tickets"], confidence=90)
    with pytest.raises(DataError, match="resolve_target_hours must be a number greater than 0"):
        service.complaint_metrics(dataset["tickets"], resolve_target_hours=0)
    with pytest.raises(DataError, match="good_rating must be a number"):
        service.complaint_metrics(dataset["tickets"], good_rating="4")
    with pytest.raises(DataError, match="complaints_only must be True or False"):
        service.complaint_metrics(dataset["tickets"], complaints_only="yes")
    with pytest.raises(DataError, match="deciles must be a whole number of at least 1, but 2.5 was given"):
        churn.gains_table([1, 0], [0.5, 0.4], deciles=2.5)
    with pytest.raises(DataError, match="window_days must be a whole number of days"):
        churn.churn_durations(customers, orders, "2024-05-31", window_days=-30)


def test_one_value_where_a_column_is_expected():
    with pytest.raises(DataError, match="observed must be a list, array or Series"):
        churn.kaplan_meier([1, 2], True)
    with pytest.raises(DataError, match="groups must be one column"):
        churn.kaplan_meier([1, 2], [1, 1], groups=pd.DataFrame({"g": ["a", "b"]}))
    with pytest.raises(DataError, match="y_true must be a list, array or Series"):
        churn.gains_table(1, [0.5])
    with pytest.raises(DataError, match="km must be the table that kaplan_meier returns"):
        churn.median_survival(pd.Series([1.0, 0.5]))


def test_tables_named_by_the_caller_are_read_by_the_same_rule(shop):
    customers, orders = shop
    mine = orders.rename(columns={"customer_id": "client", "order_date": "day"})
    mine_customers = customers.rename(columns={"customer_id": "client", "signup_date": "joined"})
    labels = churn.label_churn(mine_customers, mine, "2024-03-31", window_days=30, as_of="2024-05-31",
                               customer_col="client", signup_col="joined", date_col="day")
    expected = churn.label_churn(customers, orders, "2024-03-31", window_days=30, as_of="2024-05-31")
    pd.testing.assert_frame_equal(labels, expected.rename_axis("client"))
    with pytest.raises(DataError, match='The column "order_date" is not in the orders table.*pass date_col='):
        churn.label_churn(mine_customers, mine, "2024-03-31", window_days=30, customer_col="client",
                          signup_col="joined")


def test_the_risk_model_reads_each_table_once_and_agrees_with_its_parts():
    # The model reads the dataset once; its training data equal the public functions' answers.
    data = _synthetic(120)
    model = churn.churn_risk_model(data, "2024-06-30", "2024-09-30", window_days=90, as_of="2024-12-31",
                                   features=["recency_days", "frequency"], C=1e6)
    x = churn.churn_features(data, "2024-09-30")
    y = churn.label_churn(data["customers"], data["orders"], "2024-09-30", window_days=90, as_of="2024-12-31")
    assert model.scores.index.tolist() == x.index.tolist()
    assert model.scores["churned"].tolist() == y["churned"].reindex(x.index).tolist()


# --------------------------------------------------------------------------
# charts and imports
# --------------------------------------------------------------------------


def test_charts_draw_and_label():
    import matplotlib.pyplot as plt

    from custlearn.plots import complaint_churn_chart, gains_chart, survival_chart

    km = churn.kaplan_meier(MP_TIMES + PLACEBO_TIMES, MP_EVENT + PLACEBO_EVENT,
                            groups=["6-MP"] * 21 + ["placebo"] * 21)
    ax = survival_chart(km, time_unit="weeks")
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend[:2] == ["6-MP (n=21)", "placebo (n=21)"] and "weeks" in ax.get_xlabel()
    first_line = ax.get_lines()[0]
    assert first_line.get_ydata()[0] == 1.0        # starts at 100%
    g = churn.gains_table([1, 1, 0, 1, 0, 0, 0, 0, 1, 0], np.arange(10)[::-1], deciles=5)
    ax = gains_chart(g)
    assert "2.5" in ax.get_title()
    table = pd.DataFrame({"customers": [10, 5], "churn_rate": [0.5, 0.2], "lower": [0.2, 0.05],
                          "upper": [0.8, 0.6]}, index=["no complaint", "resolved well"])
    ax = complaint_churn_chart(table)
    assert len(ax.patches) == 2
    with pytest.raises(DataError, match="survival"):
        survival_chart(pd.DataFrame({"time": [1]}))
    with pytest.raises(DataError, match="lift"):
        gains_chart(pd.DataFrame({"cumulative_customers": [1.0]}))
    plt.close("all")


def test_import_stays_light():
    code = ("import sys, custlearn.churn; "
            "print(any(m.split('.')[0] in ('scipy', 'sklearn', 'matplotlib') for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_churn_and_cases_stand_on_the_ground_floor_only():
    # What lessons 02, 03, 06 and 07 share (purchase rhythm, complaint outcomes, Wilson) lives on the ground floor.
    code = ("import sys, custlearn.churn, custlearn.cases; "
            "print(sorted(m for m in sys.modules if m in ('custlearn.lifecycle', 'custlearn.satisfaction', "
            "'custlearn.loyalty', 'custlearn.value', 'custlearn.customer_data')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_every_public_name_is_in_all():
    from custlearn import cases

    for module in (churn, cases):
        public = {n for n, v in vars(module).items() if not n.startswith("_") and callable(v)
                  and getattr(v, "__module__", "").startswith(module.__name__)}
        assert public <= set(module.__all__), public - set(module.__all__)
        assert all(hasattr(module, n) for n in module.__all__)


# --------------------------------------------------------------------------
# lesson 07 "Try it": churn_window_explorer (custlearn.widgets)
# --------------------------------------------------------------------------


def _window_demo_data():
    as_of = pd.Timestamp("2024-12-31")
    customers = pd.DataFrame({"customer_id": [1, 2, 3, 4], "signup_date": pd.Timestamp("2024-01-01")})
    silent = {1: 10, 2: 50, 3: 100, 4: 200}                      # days since the last purchase at as_of
    orders = pd.DataFrame({
        "customer_id": [1, 1, 2, 3, 4, 1],
        "order_date": [as_of - pd.Timedelta(days=300), as_of - pd.Timedelta(days=silent[1]),
                       as_of - pd.Timedelta(days=silent[2]), as_of - pd.Timedelta(days=silent[3]),
                       as_of - pd.Timedelta(days=silent[4]), as_of + pd.Timedelta(days=5)],  # after as_of: ignored
        "amount": 10.0,
    })
    truth = pd.DataFrame({"customer_id": [1, 2, 3, 4], "alive_at_end": [True, False, True, False]})
    return customers, orders, truth, as_of


def _demo_texts(out):
    return [o["data"].get("text/markdown", o["data"].get("text/plain", "")) for o in out.outputs]


def test_churn_window_explorer_counts_false_alarms_and_misses():
    from custlearn import widgets

    customers, orders, truth, as_of = _window_demo_data()
    box = widgets.churn_window_explorer(customers, orders, truth, as_of, window_days=60)
    slider = box.children[1].children[0]
    out = box.children[-1]
    assert "image/png" in out.outputs[0]["data"]                 # the first view is drawn at once
    note = _demo_texts(out)[1]
    # window 60: customers 3 (alive) and 4 (gone) are labelled churned; 2 (gone) bought 50 days ago: missed
    assert note.startswith("**Window 60 days:** 2 of 4 buyers (50%) are labelled churned")
    assert "**1 are truly still active**" in note and "**1 truly gone customers**" in note
    slider.value = 150                                           # only customer 4 is labelled churned
    assert "1 of 4 buyers (25%)" in _demo_texts(out)[1] and "**0 are truly still active**" in _demo_texts(out)[1]
    slider.value = 30                                            # 2, 3, 4 churned: nobody gone is missed
    note = _demo_texts(out)[1]
    assert "3 of 4 buyers (75%)" in note and "**0 truly gone customers**" in note
    assert repr(box).startswith("Try it: move the churn window")
    import matplotlib.pyplot as plt

    plt.close("all")


def test_churn_window_explorer_takes_truth_indexed_by_customer():
    from custlearn import widgets

    customers, orders, truth, as_of = _window_demo_data()
    box = widgets.churn_window_explorer(customers, orders, truth.set_index("customer_id"), as_of, window_days=60)
    assert "2 of 4 buyers" in _demo_texts(box.children[-1])[1]
