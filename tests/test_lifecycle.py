"""Lesson 02: lifecycle stages, counts through time, transitions.

The expected stages below were worked out by hand from the rules in the
module docstring (the reference here is the rule table, applied on paper).
"""

import numpy as np
import pandas as pd
import pytest

from custlearn import DataError, lifecycle

AS_OF = "2024-06-30"


def _d(*days):
    return pd.to_datetime(list(days))


@pytest.fixture
def shop():
    customers = pd.DataFrame({
        "customer_id": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
        "signup_date": _d(*["2024-01-01"] * 8, "2024-06-01", "2024-07-15"),
        "referred_by": pd.array([pd.NA] * 8 + [6, 1], dtype="Int64"),
    })
    orders = pd.DataFrame({
        "customer_id": [2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 8, 9],
        "order_date": _d(
            "2024-06-20",                      # 2: one purchase, 10 days ago -> first-time
            "2024-05-01", "2024-06-25",        # 3: gap 55, silent 5 -> repeat (promoter -> advocate)
            "2024-02-01", "2024-03-01",        # 4: silent 121 > 90 -> lost
            "2024-01-10", "2024-06-28",        # 5: gap 170 > 60, silent 2 -> won back
            "2024-04-01", "2024-04-20",        # 6: silent 71 > 60 -> at risk, though a referrer
            "2024-05-15", "2024-06-15",        # 7: repeat, referral after as_of does not count
            "2024-06-01", "2024-06-01", "2024-07-02",  # 8: same-day orders count once; July ignored
            "2024-06-10",                      # 9: first-time
        ),
    })
    surveys = pd.DataFrame({
        "customer_id": [3, 3, 7, 2],
        "survey_date": _d("2024-05-02", "2024-06-26", "2024-07-01", "2024-06-21"),
        "likely_to_recommend": [3, 10, 10, 9],
    })
    return customers, orders, surveys


EXPECTED = {1: "prospect", 2: "first-time", 3: "advocate", 4: "lost", 5: "won back",
            6: "at risk", 7: "repeat", 8: "first-time", 9: "first-time"}


def test_each_rule_on_a_hand_made_table(shop):
    customers, orders, surveys = shop
    stages = lifecycle.assign_stages(customers, orders, AS_OF, surveys=surveys, at_risk_days=60, lost_days=90)
    assert stages["stage"].astype(str).to_dict() == EXPECTED
    assert 10 not in stages.index  # signed up after as_of
    assert stages.loc[8, "purchases"] == 1  # two orders on one day, one in July
    assert stages.loc[5, "gap_before_last"] == 170
    assert stages.loc[4, "days_since_last"] == 121
    assert stages.loc[6, "referrals"] == 1 and stages.loc[1, "referrals"] == 0  # 10 signed up after as_of
    assert bool(stages.loc[3, "promoter"]) and not bool(stages.loc[7, "promoter"])
    assert list(stages["stage"].cat.categories) == lifecycle.STAGES
    assert stages.attrs["at_risk_days"] == 60


def test_without_surveys_the_promoter_is_only_repeat(shop):
    customers, orders, _ = shop
    stages = lifecycle.assign_stages(customers, orders, AS_OF, at_risk_days=60, lost_days=90)
    assert stages.loc[3, "stage"] == "repeat"


def test_orders_on_as_of_count_and_later_ones_do_not(shop):
    customers, orders, _ = shop
    stages = lifecycle.assign_stages(customers, orders, "2024-06-20", at_risk_days=60, lost_days=90)
    assert stages.loc[2, "stage"] == "first-time" and stages.loc[2, "days_since_last"] == 0
    assert stages.loc[5, "purchases"] == 1 and stages.loc[5, "stage"] == "lost"


def test_default_thresholds_are_quantiles_of_the_gaps(shop):
    _, orders, _ = shop
    # distinct purchase-day gaps by hand: 3: 55; 4: 29; 5: 170; 6: 19; 7: 31; 8: 31 (June 1 -> July 2)
    gaps = np.array([55, 29, 170, 19, 31, 31])
    got = lifecycle.default_thresholds(orders, at_risk_quantile=0.5, lost_quantile=0.9)
    assert got == {"at_risk_days": int(np.ceil(np.quantile(gaps, 0.5))),
                   "lost_days": int(np.ceil(np.quantile(gaps, 0.9))), "gaps": 6}
    got = lifecycle.default_thresholds(orders, AS_OF, at_risk_quantile=0.5, lost_quantile=0.9)
    assert got["gaps"] == 5  # the July purchase is after as_of


def test_default_thresholds_used_when_not_given(shop):
    customers, orders, _ = shop
    expected = lifecycle.default_thresholds(orders, AS_OF)
    stages = lifecycle.assign_stages(customers, orders, AS_OF)
    assert stages.attrs["at_risk_days"] == expected["at_risk_days"]
    assert stages.attrs["lost_days"] == expected["lost_days"]


def test_stage_counts_match_assign_stages_on_each_date(shop):
    customers, orders, surveys = shop
    dates = ["2024-03-31", "2024-06-30", "2024-07-31"]
    counts = lifecycle.stage_counts(customers, orders, dates, surveys=surveys, at_risk_days=60, lost_days=90)
    assert list(counts.columns) == lifecycle.STAGES
    assert counts.loc[pd.Timestamp(AS_OF)].to_dict() == {
        "prospect": 1, "first-time": 3, "repeat": 1, "advocate": 1, "won back": 1, "at risk": 1, "lost": 1}
    assert counts.sum(axis=1).tolist() == [8, 9, 10]  # customers signed up by each date
    shares = lifecycle.stage_counts(customers, orders, dates, share=True, at_risk_days=60, lost_days=90)
    assert np.allclose(shares.sum(axis=1), 1.0)


def test_transition_rows_sum_to_one_and_new_customers_have_a_row(shop):
    customers, orders, surveys = shop
    m = lifecycle.transition_matrix(customers, orders, "2024-03-31", "2024-07-31", surveys=surveys,
                                    at_risk_days=60, lost_days=90)
    shares = m.drop(columns="customers")
    filled = m["customers"] > 0
    assert np.allclose(shares[filled].sum(axis=1), 1.0)
    assert m.loc[lifecycle.NEW, "customers"] == 2  # customers 9 and 10
    assert m["customers"].sum() == 10
    # by hand: on 2024-03-31 customer 4 is repeat (Feb 1, Mar 1); on 2024-07-31 silent 152 days -> lost
    counts = lifecycle.transition_matrix(customers, orders, "2024-03-31", "2024-07-31", normalize=False,
                                         at_risk_days=60, lost_days=90, include_new=False)
    assert lifecycle.NEW not in counts.index
    assert counts.loc["repeat", "customers"] == 1  # customer 4 (Feb 1, Mar 1)
    assert counts.loc["repeat", "lost"] == 1


def test_single_customer_and_no_orders():
    customers = pd.DataFrame({"customer_id": [1], "signup_date": _d("2024-01-01")})
    orders = pd.DataFrame({"customer_id": pd.Series([], dtype=int), "order_date": pd.Series([], dtype="datetime64[ns]")})
    stages = lifecycle.assign_stages(customers, orders, AS_OF, at_risk_days=30, lost_days=60, referred_by_col=None)
    assert stages["stage"].tolist() == ["prospect"]
    with pytest.raises(DataError, match="too few to set thresholds"):
        lifecycle.assign_stages(customers, orders, AS_OF)


def test_custom_column_names():
    customers = pd.DataFrame({"cid": [1], "joined": ["2024-01-01"]})
    orders = pd.DataFrame({"cid": [1, 1], "day": ["2024-02-01", "2024-02-10"]})
    stages = lifecycle.assign_stages(customers, orders, "2024-02-15", at_risk_days=30, lost_days=60,
                                     customer_col="cid", signup_col="joined", date_col="day", referred_by_col=None)
    assert stages["stage"].tolist() == ["repeat"]


@pytest.mark.parametrize(
    "kwargs, words",
    [
        ({"as_of": "someday"}, 'as_of="someday" is not a date'),
        ({"at_risk_days": 90, "lost_days": 60}, "must be larger than at_risk_days"),
        ({"at_risk_days": -5, "lost_days": 60}, "at_risk_days must be a number greater than 0"),
        ({"date_col": "when", "at_risk_days": 30, "lost_days": 60}, 'The column "when" is not in the orders table'),
        ({"signup_col": "joined", "at_risk_days": 30, "lost_days": 60}, 'pass signup_col="<your column name>"'),
    ],
)
def test_bad_input_raises_dataerror(shop, kwargs, words):
    customers, orders, _ = shop
    kwargs = {"as_of": AS_OF, **kwargs}
    as_of = kwargs.pop("as_of")
    with pytest.raises(DataError, match=words):
        lifecycle.assign_stages(customers, orders, as_of, **kwargs)


def test_bad_tables_raise_dataerror(shop):
    customers, orders, surveys = shop
    with pytest.raises(DataError, match=r"repeated id\(s\)"):
        lifecycle.assign_stages(pd.concat([customers, customers]), orders, AS_OF, at_risk_days=30, lost_days=60)
    with pytest.raises(DataError, match=r'"customer_id" of the orders table has 1 missing id\(s\) \(first at row 0\)'):
        lifecycle.assign_stages(customers, orders.assign(customer_id=orders["customer_id"].astype(float).where(
            orders.index > 0)), AS_OF, at_risk_days=30, lost_days=60)
    with pytest.raises(DataError, match="cannot be read as a date"):
        lifecycle.assign_stages(customers, orders.assign(order_date=["soon"] * len(orders)), AS_OF,
                                at_risk_days=30, lost_days=60)
    with pytest.raises(DataError, match='"likely_to_recommend" is not in the surveys table'):
        lifecycle.assign_stages(customers, orders, AS_OF, surveys=surveys.drop(columns="likely_to_recommend"),
                                at_risk_days=30, lost_days=60)
    with pytest.raises(DataError, match="customers must be a pandas DataFrame"):
        lifecycle.assign_stages([1, 2], orders, AS_OF)
    with pytest.raises(DataError, match="must be after start"):
        lifecycle.transition_matrix(customers, orders, "2024-06-30", "2024-01-01", at_risk_days=30, lost_days=60)
    with pytest.raises(DataError, match="dates is empty"):
        lifecycle.stage_counts(customers, orders, [])
    with pytest.raises(DataError, match="0 < at_risk_quantile < lost_quantile < 1"):
        lifecycle.default_thresholds(orders, at_risk_quantile=0.9, lost_quantile=0.5)


# ---------------------------------------------------------------- the one rule for tables (custlearn._tables)


def _stages(customers, orders, surveys=None, **kwargs):
    return lifecycle.assign_stages(customers, orders, AS_OF, surveys=surveys, at_risk_days=60, lost_days=90, **kwargs)


def test_a_missing_order_date_is_an_error_naming_the_column_and_the_row(shop):
    # before: the order was dropped silently, and customer 3 (orders 1 May and 25 June, a promoter) fell from
    # "advocate" to "first-time" with no message
    customers, orders, surveys = shop
    gap = orders.assign(order_date=orders["order_date"].where(orders.index != 2))  # row 2: customer 3, 25 June
    with pytest.raises(DataError, match=r'"order_date" of the orders table has 1 missing date\(s\) \(first at row 2\)'):
        _stages(customers, gap, surveys)
    with pytest.raises(DataError, match=r'"order_date" of the orders table has 1 missing date'):
        lifecycle.default_thresholds(gap)
    with pytest.raises(DataError, match=r'"order_date" of the orders table has 1 missing date'):
        lifecycle.stage_counts(customers, gap, [AS_OF], at_risk_days=60, lost_days=90)
    # dropped on purpose, the rule applies to what is left: by hand, customer 3 has one purchase (1 May),
    # silent 60 days, not more than at_risk_days=60: first-time
    kept = _stages(customers, gap.dropna(subset=["order_date"]), surveys)
    assert kept.loc[3, "last_purchase"] == pd.Timestamp("2024-05-01") and kept.loc[3, "days_since_last"] == 60
    assert kept.loc[3, "stage"] == "first-time"


def test_a_missing_signup_date_is_an_error_too(shop):
    customers, orders, _ = shop
    unknown = customers.assign(signup_date=customers["signup_date"].where(customers.index != 4))
    with pytest.raises(DataError, match=r'"signup_date" of the customers table has 1 missing date\(s\) \(first at row 4\)'):
        _stages(unknown, orders)


def _in_shanghai(dates):
    return dates.dt.tz_localize("Asia/Shanghai")


def test_timezone_aware_dates_keep_their_wall_time_and_equal_the_naive_result(shop):
    customers, orders, surveys = shop
    # an order at 01:00 on 1 July in Shanghai is 17:00 on 30 June in UTC: by its own wall time it is in July,
    # after as_of, as in the naive table where it is written "2024-07-01 01:00"
    late = pd.DataFrame({"customer_id": [2], "order_date": pd.to_datetime(["2024-07-01 01:00"])})
    naive_orders = pd.concat([orders, late], ignore_index=True)
    aware = (customers.assign(signup_date=_in_shanghai(customers["signup_date"])),
             naive_orders.assign(order_date=_in_shanghai(naive_orders["order_date"])),
             surveys.assign(survey_date=_in_shanghai(surveys["survey_date"])))
    got = _stages(*aware)
    expected = _stages(customers, naive_orders, surveys)
    pd.testing.assert_frame_equal(got, expected)
    assert got["stage"].astype(str).to_dict() == EXPECTED
    assert got.loc[2, "purchases"] == 1  # the July order (wall time) is after as_of
    assert lifecycle.default_thresholds(aware[1]) == lifecycle.default_thresholds(naive_orders)
    pd.testing.assert_frame_equal(
        lifecycle.stage_counts(aware[0], aware[1], ["2024-03-31", AS_OF], surveys=aware[2], at_risk_days=60,
                               lost_days=90),
        lifecycle.stage_counts(customers, naive_orders, ["2024-03-31", AS_OF], surveys=surveys, at_risk_days=60,
                               lost_days=90))


def test_string_dates_equal_parsed_dates(shop):
    customers, orders, surveys = shop
    text = (customers.assign(signup_date=customers["signup_date"].dt.strftime("%Y-%m-%d")),
            orders.assign(order_date=orders["order_date"].dt.strftime("%Y-%m-%d")),
            surveys.assign(survey_date=surveys["survey_date"].dt.strftime("%Y-%m-%d")))
    pd.testing.assert_frame_equal(_stages(*text), _stages(customers, orders, surveys), check_index_type=False)


def test_categorical_and_nullable_ids_equal_plain_ids(shop):
    customers, orders, surveys = shop
    odd = (customers.assign(customer_id=customers["customer_id"].astype("Int64"),
                            referred_by=customers["referred_by"].astype(float)),  # 6.0 and NaN: a plain CSV import
           orders.assign(customer_id=orders["customer_id"].astype("category")),
           surveys.assign(customer_id=surveys["customer_id"].astype("Int64")))
    pd.testing.assert_frame_equal(_stages(*odd), _stages(customers, orders, surveys))


def test_the_whole_as_of_day_counts_for_complaints():
    tickets = pd.DataFrame({"customer_id": [1, 2], "opened_at": pd.to_datetime(["2024-06-30 15:00", "2024-07-01 00:00"]),
                            "is_complaint": [True, True], "resolved": [True, False],
                            "hours_to_resolve": [3.0, None], "resolution_satisfaction": [5.0, None]})
    out = lifecycle.complaint_outcomes(tickets, as_of=AS_OF)
    assert out.index.tolist() == [1] and out.loc[1, "outcome"] == "resolved well"


@pytest.mark.parametrize("change, words", [
    ({"opened_at": ["2024-01-05", None]}, r'"opened_at" of the tickets table has 1 missing date\(s\) \(first at row 1\)'),
    ({"hours_to_resolve": ["20", "slow"]}, r'"hours_to_resolve" of the tickets table holds text'),
    ({"hours_to_resolve": [20.0, -3.0]}, r'"hours_to_resolve" of the tickets table has 1 negative value'),
    ({"resolution_satisfaction": [5, 7]}, r'"resolution_satisfaction" of the tickets table must hold whole numbers from 1 to 5'),
    ({"resolved": ["yes", "no"]}, r'"resolved" of the tickets table must hold true/false'),
    ({"is_complaint": [True, None]}, r'"is_complaint" of the tickets table has 1 missing value'),
])
def test_complaint_outcomes_bad_tables(change, words):
    tickets = pd.DataFrame({"customer_id": [1, 2], "opened_at": pd.to_datetime(["2024-01-05", "2024-02-01"]),
                            "is_complaint": [True, True], "resolved": [True, True], "hours_to_resolve": [20.0, 10.0],
                            "resolution_satisfaction": [5, 4]})
    with pytest.raises(DataError, match=words):
        lifecycle.complaint_outcomes(tickets.assign(**change))


@pytest.mark.parametrize("call, words", [
    (lambda c, o, s: lifecycle.assign_stages(c, o, AS_OF, surveys=s, promoter_min=11, at_risk_days=60, lost_days=90),
     "promoter_min must be a number from 0 to 10, but 11 was given"),
    (lambda c, o, s: lifecycle.assign_stages(c, o, AS_OF, at_risk_days="60", lost_days=90),
     'at_risk_days must be a number greater than 0, but "60" \\(text\\) was given'),
    (lambda c, o, s: lifecycle.assign_stages(c, o, AS_OF, at_risk_days=60, lost_days=float("inf")),
     "lost_days must be a number greater than 0, but inf was given"),
    (lambda c, o, s: lifecycle.default_thresholds(o, at_risk_quantile=90, lost_quantile=98),
     "at_risk_quantile must be a fraction strictly between 0 and 1, e.g. at_risk_quantile=0.9, but 90 was given. "
     "Give a fraction, not a percentage: 0.9, not 90."),
    (lambda c, o, s: lifecycle.default_thresholds(o, lost_quantile=1.0),
     "lost_quantile must be a fraction strictly between 0 and 1"),
    (lambda c, o, s: lifecycle.stage_counts(c, o, [AS_OF], share="yes", at_risk_days=60, lost_days=90),
     'share must be True or False, but "yes" \\(text\\) was given'),
    (lambda c, o, s: lifecycle.stage_counts(c, o, [AS_OF], at_risk_days=60, lost_days=90, survey=s),
     'keyword="survey" is not one of the valid choices: "surveys"'),
    (lambda c, o, s: lifecycle.transition_matrix(c, o, "2024-03-31", AS_OF, normalize=1, at_risk_days=60, lost_days=90),
     "normalize must be True or False, but 1 was given"),
    (lambda c, o, s: lifecycle.complaint_outcomes(_tickets(), fast_hours=0),
     "fast_hours must be a number greater than 0, but 0 was given. For example fast_hours=48."),
    (lambda c, o, s: lifecycle.complaint_outcomes(_tickets(), good_rating=4.5),
     "good_rating must be a whole number from 1 to 5, but 4.5 was given"),
    (lambda c, o, s: lifecycle.assign_stages(c, o, AS_OF, referred_by_col="referrer", at_risk_days=60, lost_days=90),
     'The column "referrer" is not in the customers table.*pass referred_by_col='),
])
def test_scalar_arguments_are_checked_with_one_wording(shop, call, words):
    customers, orders, surveys = shop
    with pytest.raises(DataError, match=words):
        call(customers, orders, surveys)


def _tickets():
    return pd.DataFrame({"customer_id": [1], "opened_at": pd.to_datetime(["2024-01-05"]), "is_complaint": [True],
                         "resolved": [True], "hours_to_resolve": [20.0], "resolution_satisfaction": [5]})


def test_stage_counts_takes_one_date_and_reads_the_tables_once_for_all_dates(shop):
    customers, orders, surveys = shop
    one = lifecycle.stage_counts(customers, orders, AS_OF, surveys=surveys, at_risk_days=60, lost_days=90)
    assert one.index.tolist() == [pd.Timestamp(AS_OF)]
    # the same as counting assign_stages on that date
    by_hand = _stages(customers, orders, surveys)["stage"].value_counts().reindex(lifecycle.STAGES).tolist()
    assert one.iloc[0].tolist() == by_hand


def test_a_threshold_given_as_a_float_is_kept_as_given(shop):
    customers, orders, _ = shop
    stages = lifecycle.assign_stages(customers, orders, AS_OF, at_risk_days=60.5, lost_days=90)
    assert stages.attrs["at_risk_days"] == 60.5 and stages.attrs["lost_days"] == 90
