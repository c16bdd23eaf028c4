"""Tests of the lesson 08 case notebooks' helpers (capstone cases 08a shop, 08b cafe, 08c bank)."""

import pandas as pd


# ---------------------------------------------------------------- 08a · shop: the retention budget planner
# Expected values are worked by hand in the comments: save rate x P(left) x value if kept, per customer.


def _08a_texts(out):
    return [o["data"].get("text/markdown", o["data"].get("text/plain", "")) for o in out.outputs]


def _08a_candidates():
    # expected value saved at a 20% save rate: 0.2*0.9*100 = 18, 0.2*0.5*40 = 4, 0.2*0.1*200 = 4, 0.2*0.8*10 = 1.6
    return pd.DataFrame({"p_left": [0.9, 0.5, 0.1, 0.8], "value_if_kept": [100.0, 40.0, 200.0, 10.0]},
                        index=pd.Index([1, 2, 3, 4], name="customer_id"))


def test_08a_planner_contacts_only_customers_who_pay_for_their_contact():
    from custlearn import widgets

    box = widgets.retention_budget_planner(_08a_candidates(), budget=1000, contact_cost=5, save_rate=0.2)
    out = box.children[-1]
    note = _08a_texts(out)[0]
    # only the first customer saves at least USD 5: 1 contact, USD 5 spent, USD 18 saved, ROI (18-5)/5 = 260%
    assert note.startswith("**1 customer contacted** for **USD 5**; expected value saved **USD 18**")
    assert "**ROI 260%**" in note and "next contact would save less than it costs" in note
    assert "image/png" in out.outputs[1]["data"]
    assert repr(box).startswith("Try it: move the budget")


def test_08a_planner_moves_with_cost_budget_and_save_rate():
    from custlearn import widgets

    box = widgets.retention_budget_planner(_08a_candidates(), budget=1000, contact_cost=5, save_rate=0.2)
    budget, cost, save = box.children[1].children
    out = box.children[-1]
    cost.value = 3.0           # 18, 4 and 4 pay: 3 contacts, USD 9, USD 26 saved, ROI 17/9 = 189%
    assert _08a_texts(out)[0].startswith("**3 customers contacted** for **USD 9**; expected value saved **USD 26**")
    assert "**ROI 189%**" in _08a_texts(out)[0]
    budget.value = 6.0         # two contacts affordable: USD 18 + 4 = 22 saved for USD 6, ROI 16/6 = 267%
    assert "**2 customers contacted** for **USD 6**" in _08a_texts(out)[0]
    assert "**ROI 267%**" in _08a_texts(out)[0] and "budget runs out first" in _08a_texts(out)[0]
    budget.value = 1000.0
    save.value = 0.05          # best saves 0.05*0.9*100 = 4.5 >= 3; next 1.0: 1 contact
    assert _08a_texts(out)[0].startswith("**1 customer contacted** for **USD 3**")


def test_08a_planner_says_when_no_contact_pays():
    from custlearn import widgets

    box = widgets.retention_budget_planner(_08a_candidates(), contact_cost=20, save_rate=0.2)
    assert _08a_texts(box.children[-1])[0].startswith("**No customer is worth a contact**")


def test_08a_planner_reads_other_column_names():
    from custlearn import widgets

    frame = _08a_candidates().rename(columns={"p_left": "risk", "value_if_kept": "clv"})
    box = widgets.retention_budget_planner(frame, contact_cost=5, save_rate=0.2, risk_col="risk", value_col="clv",
                                           currency="EUR")
    assert "for **EUR 5**" in _08a_texts(box.children[-1])[0]


# ---------------------------------------------------------------- 08b · cafe: did the membership make guests loyal?
# Expected values are worked by hand in the comments, or come from scipy / statsmodels (used only here).
import pytest  # noqa: E402


def _08b_week(*weeks):
    return [pd.Timestamp("2024-01-01") + pd.Timedelta(weeks=k) for k in weeks]


def _08b_small():
    # member 1: first visit week 0, joins week 4 (2024-01-29); before = weeks 1-3, after = weeks 4-5
    # guest 2: same first week, 2 visits before (weeks 2, 3) like the member, 1 visit after (week 5)
    # guest 3: 1 visit before (week 1) and none from week 4 on: neither matched (tolerance 0) nor still a guest
    customers = pd.DataFrame({"customer_id": [1, 2, 3],
                              "member_since": pd.to_datetime(["2024-01-29", None, None])})
    orders = pd.DataFrame({"customer_id": [1] * 5 + [2] * 4 + [3] * 2,
                           "order_date": _08b_week(0, 1, 3, 4, 5) + _08b_week(0, 2, 3, 5) + _08b_week(0, 1)})
    return customers, orders


def test_08b_visit_rates_counts_from_the_first_visit():
    from custlearn import cases

    customers, orders = _08b_small()
    rates = cases.visit_rates(customers, orders, as_of="2024-02-11")  # 6 weeks = 42 days from 2024-01-01
    # member: 5 visits / (42 days / 7) = 0.8333; guest 3: 2 / 6 = 0.3333
    assert rates.loc[1, "visits_per_week"] == pytest.approx(5 / 6)
    assert rates.loc[3, "visits_per_week"] == pytest.approx(2 / 6)
    assert rates["member"].tolist() == [True, False, False]
    # a join after as_of does not count as membership yet
    assert not cases.visit_rates(customers, orders, as_of="2024-01-28").loc[1, "member"]


def test_08b_membership_did_matches_by_hand():
    from custlearn import cases

    customers, orders = _08b_small()
    did = cases.membership_did(customers, orders, post_weeks=2, tolerance=0, cohort_weeks=0)
    row = did.loc[1]
    assert (row["pre_weeks"], row["pre_visits"], row["post_visits"], row["controls"]) == (3, 2, 2, 1)
    assert (row["control_pre_visits"], row["control_post_visits"]) == (2.0, 1.0)
    assert row["join_week"] == pd.Timestamp("2024-01-29")
    # tolerance 1 would admit guest 3 (1 visit before), but guest 3 never comes back from week 4 on
    assert cases.membership_did(customers, orders, post_weeks=2, tolerance=1, cohort_weeks=0).loc[1, "controls"] == 1


def test_08b_did_equals_the_poisson_interaction_of_statsmodels():
    import numpy as np
    import statsmodels.api as sm

    from custlearn import cases

    did = pd.DataFrame({"pre_visits": [4, 2, 6], "post_visits": [5, 3, 4],
                        "control_pre_visits": [3.0, 2.5, 5.0], "control_post_visits": [2.0, 2.5, 3.0]})
    rates = pd.DataFrame({"visits_per_week": [1.0, 0.5], "member": [True, False]})
    est = cases.effect_estimates(rates, did, n_boot=50, seed=0)
    # Poisson model with group x period terms on one row per member and cell; its score equations make the
    # fitted cells equal the summed cells, so exp(member x after) is the ratio of ratios
    cells = [("pre_visits", 1, 0), ("post_visits", 1, 1), ("control_pre_visits", 0, 0), ("control_post_visits", 0, 1)]
    y = np.concatenate([did[col].to_numpy(dtype=float) for col, _, _ in cells])
    member = np.repeat([m for _, m, _ in cells], len(did))
    after = np.repeat([a for _, _, a in cells], len(did))
    X = np.column_stack([np.ones(len(y)), member, after, member * after])
    fit = sm.GLM(y, X, family=sm.families.Poisson()).fit()
    assert est.loc["difference-in-differences", "effect"] == pytest.approx(np.exp(fit.params[3]), rel=1e-6)
    assert est.loc["matched", "effect"] == pytest.approx(12 / 7.5)
    assert est.loc["naive", "effect"] == pytest.approx(2.0)


def test_08b_bootstrap_interval_agrees_with_scipy():
    import numpy as np
    from scipy import stats

    from custlearn import cases

    rng = np.random.default_rng(3)
    m, n = rng.gamma(2.0, 0.4, 300), rng.gamma(2.0, 0.25, 600)
    rates = pd.DataFrame({"visits_per_week": np.r_[m, n], "member": [True] * 300 + [False] * 600})
    did = pd.DataFrame({"pre_visits": [1], "post_visits": [1], "control_pre_visits": [1.0],
                        "control_post_visits": [1.0]})
    est = cases.effect_estimates(rates, did, n_boot=4000, seed=1)
    ref = stats.bootstrap((m, n), lambda a, b: a.mean() / b.mean(), method="percentile", n_resamples=4000,
                          vectorized=False, random_state=2).confidence_interval
    assert est.loc["naive", "lower"] == pytest.approx(ref.low, rel=0.02)
    assert est.loc["naive", "upper"] == pytest.approx(ref.high, rel=0.02)
    again = cases.effect_estimates(rates, did, n_boot=4000, seed=1)
    pd.testing.assert_frame_equal(est, again)  # a fixed seed gives the same interval


def test_08b_recovers_a_planted_effect_without_selection():
    import numpy as np

    from custlearn import cases

    # 600 guests with Gamma rates, half join at random in week 10; members' rate x1.5 from joining
    rng = np.random.default_rng(11)
    rows, since = [], []
    for cid in range(1, 601):
        lam, joins = rng.gamma(4.0, 0.15), cid % 2 == 0
        since.append(pd.Timestamp("2024-01-01") + pd.Timedelta(weeks=10) if joins else pd.NaT)
        rows.append((cid, 0))
        for week in range(1, 30):
            for _ in range(rng.poisson(lam * (1.5 if joins and week >= 10 else 1.0))):
                rows.append((cid, week))
    orders = pd.DataFrame(rows, columns=["customer_id", "week"])
    orders["order_date"] = pd.Timestamp("2024-01-01") + pd.to_timedelta(orders["week"] * 7, unit="D")
    customers = pd.DataFrame({"customer_id": range(1, 601), "member_since": since})
    rates = cases.visit_rates(customers, orders)
    did = cases.membership_did(customers, orders, post_weeks=12, tolerance=1, cohort_weeks=0)
    est = cases.effect_estimates(rates, did, n_boot=300, seed=0)
    assert est.loc["difference-in-differences", "effect"] == pytest.approx(1.5, abs=0.1)
    assert est.loc["difference-in-differences", "lower"] < 1.5 < est.loc["difference-in-differences", "upper"]


def test_08b_other_column_names():
    from custlearn import cases

    customers, orders = _08b_small()
    customers = customers.rename(columns={"customer_id": "guest", "member_since": "joined"})
    orders = orders.rename(columns={"customer_id": "guest", "order_date": "visit_day"})
    did = cases.membership_did(customers, orders, post_weeks=2, tolerance=0, cohort_weeks=0,
                               customer_col="guest", date_col="visit_day", member_col="joined")
    assert did.index.name == "guest" and did.loc[1, "post_visits"] == 2
    assert cases.visit_rates(customers, orders, customer_col="guest", date_col="visit_day",
                             member_col="joined").index.name == "guest"


def test_08b_bad_input_raises_data_error():
    from custlearn import DataError, cases

    customers, orders = _08b_small()
    with pytest.raises(DataError, match="member_since"):
        cases.visit_rates(customers.drop(columns="member_since"), orders)
    with pytest.raises(DataError, match="order_date"):
        cases.membership_did(customers, orders.rename(columns={"order_date": "day"}))
    with pytest.raises(DataError, match="tolerance"):
        cases.membership_did(customers, orders, tolerance=-1)
    with pytest.raises(DataError, match="post_weeks"):
        cases.membership_did(customers, orders, post_weeks=0)
    with pytest.raises(DataError, match="No member could be matched"):
        cases.membership_did(customers, orders, post_weeks=20)
    with pytest.raises(DataError, match="repeated id"):
        cases.visit_rates(pd.concat([customers, customers]), orders)
    with pytest.raises(DataError, match="no visit"):
        cases.visit_rates(customers, orders, as_of="2023-01-01")
    rates = cases.visit_rates(customers, orders)
    did = cases.membership_did(customers, orders, post_weeks=2, tolerance=0, cohort_weeks=0)
    with pytest.raises(DataError, match="both members and non-members"):
        cases.effect_estimates(rates[rates["member"]], did)
    with pytest.raises(DataError, match="confidence"):
        cases.effect_estimates(rates, did, confidence=95)
    with pytest.raises(DataError, match="pre_visits"):
        cases.effect_estimates(rates, did.drop(columns="pre_visits"))


def test_08b_explorer_draws_at_once_and_follows_the_sliders():
    from custlearn import datasets, widgets

    cafe = datasets.load("cafe")
    box = widgets.membership_effect_explorer(cafe.customers, cafe.orders, 1.05, as_of=cafe.as_of, n_boot=50)
    out = box.children[-1]
    note = out.outputs[0]["data"]["text/markdown"]
    assert note.startswith("**") and "members matched" in note and "True effect: **+5%**" in note
    assert "image/png" in out.outputs[1]["data"]
    assert repr(box).startswith("Try it: move the after-window")
    weeks, tolerance = box.children[1].children
    tolerance.value = 3
    assert out.outputs[0]["data"]["text/markdown"] != note


# ---------------------------------------------------------------- 08c · bank: the practice simulator and the rate model
# Expected values worked by hand in the comments: closures avoided = closures x (1 - exp(b x points)) + cut x excess.


def _08c_texts(out):
    return [o["data"].get("text/markdown", o["data"].get("text/plain", "")) for o in out.outputs]


def _08c_box(**kwargs):
    import math

    from custlearn import widgets

    # attitude: b = ln 0.5 (lower ln 0.4, upper ln 0.6); knowledge: b = ln 0.9; unresolved: 10 (4 to 16) a year
    estimated = {"staff_attitude": (math.log(0.5), math.log(0.4), math.log(0.6)),
                 "product_knowledge": (math.log(0.9), math.log(0.8), math.log(1.0)),
                 "unresolved": (10.0, 4.0, 16.0)}
    return widgets.bank_practice_simulator(100, estimated, attitude_points=1.0, knowledge_points=0.0,
                                           unresolved_cut=0.5, **kwargs)


def test_08c_simulator_adds_up_the_three_levers():
    box = _08c_box(value_per_account=10)
    out = box.children[-1]
    note = _08c_texts(out)[0]
    # attitude 1 point: 100 x (1 - 0.5) = 50 (40 to 60); knowledge 0 points: 0; complaints 0.5 x 10 = 5 (2 to 8)
    # total 55, interval 40 + 2 = 42 to 60 + 8 = 68; margin 55 x USD 10 = USD 550
    assert note.startswith("**+1.0 points of staff attitude, +0.0 of product knowledge, 50% fewer unresolved "
                           "complaints:** about **55 closures avoided per year** (95% interval 42 to 68)")
    assert "**staff attitude training** (50 a year)" in note and "USD 550 of margin" in note
    assert "image/png" in out.outputs[1]["data"]
    table = out.outputs[2]["data"]["text/plain"]
    assert "planted" not in table and "Complaint handling" in table
    assert len(box.children[1].children) == 3  # no instructor box without planted effects
    assert repr(box).startswith("Try it: raise staff attitude and product knowledge")


def test_08c_simulator_follows_the_sliders_and_shows_the_planted_effects():
    import math

    box = _08c_box(planted={"staff_attitude": math.log(0.25), "product_knowledge": math.log(0.8), "unresolved": 20.0})
    out = box.children[-1]
    attitude, knowledge, cut, planted = box.children[1].children
    cut.value = 1.0            # complaints 1.0 x 10 = 10: total 50 + 10 = 60
    assert "about **60 closures avoided per year**" in _08c_texts(out)[0]
    attitude.value = 0.0       # only complaints are left: 10, the largest single lever
    assert "about **10 closures avoided per year**" in _08c_texts(out)[0]
    assert "**complaint handling** (10 a year)" in _08c_texts(out)[0]
    attitude.value = 1.0
    cut.value = 0.5
    planted.value = True       # planted: 100 x (1 - 0.25) + 0.5 x 20 = 85; both staff estimates are smaller
    note = _08c_texts(out)[0]
    assert "With the planted effects: **85 closures avoided per year**" in note
    assert "smaller than the planted ones" in note
    assert "planted" in out.outputs[2]["data"]["text/plain"]


def test_08c_rate_model_matches_statsmodels_poisson_with_exposure():
    # Independent reference: statsmodels' Poisson GLM with log(exposure) as offset (test-only dependency).
    import numpy as np
    import statsmodels.api as sm

    from custlearn.cases import rate_model

    rng = np.random.default_rng(7)
    n = 600
    x = rng.normal(size=(n, 2))
    days = rng.integers(30, 730, n)
    rate = 0.2 * np.exp(-0.5 * x[:, 0] + 0.3 * x[:, 1])
    events = rng.random(n) < 1 - np.exp(-rate * days / 365.25)
    frame = pd.DataFrame({"a": x[:, 0], "b": x[:, 1], "churned": events, "duration_days": days})
    ours = rate_model(frame, ["a", "b"])
    ref = sm.GLM(events.astype(float), sm.add_constant(x), family=sm.families.Poisson(),
                 offset=np.log(days / 365.25)).fit()
    assert np.allclose(ours["b"], ref.params[1:], atol=1e-4)
    assert np.allclose(ours["se"], ref.bse[1:], rtol=1e-3)
    assert np.allclose(ours["rate_ratio"], np.exp(ref.params[1:]), rtol=1e-4)


def test_08c_case_recovers_the_planted_staff_effects_from_the_truth():
    # The truth check of the case: with each customer's true latent experience, the rate model's 95% interval
    # holds the planted closure-hazard coefficients (-0.55 attitude, -0.40 knowledge per z).
    from custlearn import churn, datasets
    from custlearn.cases import rate_model

    bank = datasets.load("bank")
    planted = datasets.parameters("bank")
    truth = datasets.truth("bank").set_index("customer_id")
    d = churn.churn_durations(bank.customers, None, bank.as_of, kind="contractual")
    d = d.join(truth[["true_staff_attitude", "true_product_knowledge"]]).assign(
        discount=bank.customers.set_index("customer_id")["acquired_with_discount"].astype(float))
    fit = rate_model(d, ["true_staff_attitude", "true_product_knowledge", "discount"])
    for column, key in (("true_staff_attitude", "closure_beta_staff_attitude"),
                        ("true_product_knowledge", "closure_beta_product_knowledge")):
        b, se = fit.loc[column, "b"], fit.loc[column, "se"]
        assert b - 1.96 * se < -planted[key] < b + 1.96 * se


def test_08c_rate_model_checks_its_input():
    from custlearn import DataError
    from custlearn.cases import rate_model

    frame = pd.DataFrame({"a": [1.0, 2.0], "churned": [1, 0], "duration_days": [100, 200]})
    with pytest.raises(DataError, match="columns is empty"):
        rate_model(frame, [])
    with pytest.raises(DataError, match='"b" is not in the frame table'):
        rate_model(frame, ["b"])
    with pytest.raises(DataError, match="numbers are expected"):
        rate_model(frame.assign(a=["x", "y"]), ["a"])
    with pytest.raises(DataError, match="missing value"):
        rate_model(frame.assign(a=[1.0, None]), ["a"])


# ---------------------------------------------------------------- one rule for every table (issue 14)


def test_08b_timezone_aware_text_and_categorical_inputs_give_the_plain_answer():
    from custlearn import cases

    customers, orders = _08b_small()
    kwargs = {"post_weeks": 2, "tolerance": 0, "cohort_weeks": 0}
    expected_rates = cases.visit_rates(customers, orders, as_of="2024-02-11")
    expected_did = cases.membership_did(customers, orders, **kwargs)
    variants = {
        "timezone-aware": (customers.assign(member_since=customers["member_since"].dt.tz_localize("Asia/Shanghai")),
                           orders.assign(order_date=orders["order_date"].dt.tz_localize("Asia/Shanghai"))),
        "text dates": (customers.assign(member_since=customers["member_since"].dt.strftime("%Y-%m-%d")),
                       orders.assign(order_date=orders["order_date"].dt.strftime("%Y-%m-%d"))),
        "categorical ids": (customers.assign(customer_id=customers["customer_id"].astype("category")),
                            orders.assign(customer_id=orders["customer_id"].astype("category"))),
    }
    for name, (c, o) in variants.items():
        pd.testing.assert_frame_equal(cases.visit_rates(c, o, as_of="2024-02-11"), expected_rates,
                                      check_dtype=False, obj=name)
        pd.testing.assert_frame_equal(cases.membership_did(c, o, **kwargs), expected_did, check_dtype=False, obj=name)


def test_08b_a_missing_visit_date_is_an_error_naming_the_column():
    from custlearn import DataError, cases

    customers, orders = _08b_small()
    gap = orders.assign(order_date=orders["order_date"].where(orders.index != 4))
    with pytest.raises(DataError, match=r'"order_date" of the orders table has 1 missing date\(s\) \(first at row 4\)'):
        cases.visit_rates(customers, gap)
    with pytest.raises(DataError, match='"member_since" of the customers table should hold dates'):
        cases.membership_did(customers.assign(member_since=["2024-01-29", "soon", None]), orders)


def test_08b_effect_estimates_reads_its_tables_and_scalars():
    from custlearn import DataError, cases

    customers, orders = _08b_small()
    rates = cases.visit_rates(customers, orders)
    did = cases.membership_did(customers, orders, post_weeks=2, tolerance=0, cohort_weeks=0)
    with pytest.raises(DataError, match='"member" of the rates table must hold true/false'):
        cases.effect_estimates(rates.assign(member=["yes", "no", "no"]), did)
    with pytest.raises(DataError, match='"post_visits" of the did table holds text'):
        cases.effect_estimates(rates, did.assign(post_visits="2"))
    with pytest.raises(DataError, match="The did table has 0 rows"):
        cases.effect_estimates(rates, did.iloc[:0])
    with pytest.raises(DataError, match="did must be the table that membership_did returns"):
        cases.effect_estimates(rates, did["post_visits"])
    with pytest.raises(DataError, match="n_boot must be a whole number of at least 1"):
        cases.effect_estimates(rates, did, n_boot=0)
    with pytest.raises(DataError, match="seed must be a whole number of at least 0"):
        cases.effect_estimates(rates, did, seed=-1)
    with pytest.raises(DataError, match=r"Give a fraction, not a percentage: 0.9, not 90"):
        cases.effect_estimates(rates, did, confidence=90)


def test_08b_bootstrap_interval_is_the_percentile_interval_of_numpy():
    # Efron & Tibshirani's percentile interval: the alpha/2 and 1 - alpha/2 quantiles of the draws. The draws
    # are made here with the same generator calls, independently of the module.
    import numpy as np

    from custlearn import cases

    rates = pd.DataFrame({"visits_per_week": [1.0, 2.0, 3.0, 0.5, 1.0, 1.5], "member": [True] * 3 + [False] * 3})
    did = pd.DataFrame({"pre_visits": [4, 2, 3], "post_visits": [3, 3, 5],
                        "control_pre_visits": [4.0, 2.0, 3.0], "control_post_visits": [2.0, 2.0, 4.0]})
    est = cases.effect_estimates(rates, did, n_boot=500, seed=4, confidence=0.9)
    rng = np.random.default_rng(4)
    vm, vn = np.array([1.0, 2.0, 3.0]), np.array([0.5, 1.0, 1.5])
    naive = [rng.choice(vm, 3).mean() / rng.choice(vn, 3).mean() for _ in range(500)]
    assert (est.loc["naive", "lower"], est.loc["naive", "upper"]) == pytest.approx(
        tuple(np.quantile(naive, [0.05, 0.95])), rel=1e-12)


def test_08c_rate_model_reads_flags_and_checks_days():
    from custlearn import DataError
    from custlearn.cases import rate_model

    frame = pd.DataFrame({"discount": [True, False, True, False, True, False, True, False],
                          "churned": [1, 1, 1, 0, 1, 0, 0, 0],
                          "duration_days": [200, 300, 365, 365, 300, 365, 365, 365]})
    as_numbers = frame.assign(discount=frame["discount"].astype(float), churned=frame["churned"].astype(bool))
    pd.testing.assert_frame_equal(rate_model(frame, ["discount"]), rate_model(as_numbers, ["discount"]))
    pd.testing.assert_frame_equal(rate_model(frame, "discount"), rate_model(frame, ["discount"]))
    with pytest.raises(DataError, match='"duration_days" of the frame table has 1 negative value'):
        rate_model(frame.assign(duration_days=[-5, 300, 365, 365, 300, 365, 365, 365]), ["discount"])
    with pytest.raises(DataError, match='"churned" of the frame table must hold true/false'):
        rate_model(frame.assign(churned=[2, 1, 1, 0, 1, 0, 0, 0]), ["discount"])
    with pytest.raises(DataError, match="exposure must be True or False"):
        rate_model(frame, ["discount"], exposure="yes")
    with pytest.raises(DataError, match="frame must be a pandas DataFrame"):
        rate_model(frame["discount"], ["discount"])
