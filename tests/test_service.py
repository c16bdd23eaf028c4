"""Lesson 06: customer service management (custlearn.service).

References used here (never this module's own output):

* Hand-worked tables: every KPI, mix, backlog and loop table below is
  written out next to its assertion from a handful of tickets.
* statsmodels: ``proportion_confint(method="wilson")`` for every Wilson
  interval, ``ols`` for the naive and adjusted service-profit chain
  (coefficients, standard errors, t intervals), ``DescrStatsW.tconfint_mean``
  for the staff satisfaction intervals.
* scipy: ``pearsonr(...).confidence_interval()`` (Fisher z) for the office
  correlation; ``scipy.stats.t`` for a simulation of the power of the
  correlation test.
* Cohen, J. (1988). *Statistical Power Analysis for the Behavioral
  Sciences*, 2nd ed., table 3.4.1: 85 units for r = 0.30 and 28 for
  r = 0.50 (power 0.80, two-sided alpha 0.05).
* The planted truth of the shipped bank (``datasets.parameters``,
  ``datasets/README.md`` effects 11 and 12).
"""

from __future__ import annotations

import inspect
import re
import subprocess
import sys
import warnings

import numpy as np
import pandas as pd
import pytest

from custlearn import DataError, churn, datasets, lifecycle, service, value
from tests.conftest import _d, too_long_public_functions


def _wilson(k, n, confidence=0.95):
    from statsmodels.stats.proportion import proportion_confint

    return proportion_confint(k, n, alpha=1 - confidence, method="wilson")


# --------------------------------------------------------------------------
# the six classifications and the service mix
# --------------------------------------------------------------------------


@pytest.fixture
def kinds_tickets():
    return pd.DataFrame({
        "ticket_id": [1, 2, 3, 4, 5],
        "customer_id": [7, 7, 8, 9, 10],
        "stage": ["pre-sale", "after-sale", "in-sale", "after-sale", "after-sale"],
        "technical": [False, True, False, True, False],
        "on_site_visit": [False, True, False, False, False],
        "paid": [False, True, False, False, False],
        "resolved": [True, True, True, False, True],
        "hours_to_resolve": [2.0, 50.0, 200.0, np.nan, 24.0],
    })


def test_classify_services_by_hand(kinds_tickets):
    kinds = service.classify_services(kinds_tickets)
    assert kinds.index.tolist() == [1, 2, 3, 4, 5]
    assert kinds["timing"].tolist() == ["pre-sale", "after-sale", "in-sale", "after-sale", "after-sale"]
    assert kinds["timing"].cat.categories.tolist() == ["pre-sale", "in-sale", "after-sale"]
    assert kinds["nature"].tolist() == ["non-technical", "technical", "non-technical", "technical", "non-technical"]
    assert kinds["place"].tolist() == ["fixed point", "visit", "fixed point", "fixed point", "fixed point"]
    assert kinds["fee"].tolist() == ["free", "paid", "free", "free", "free"]
    # 2 h < 24: short; 50 h: medium; 200 h >= 168: long; unresolved; exactly 24 h is no longer short
    assert kinds["duration"].tolist() == ["short", "medium", "long", "unresolved", "medium"]
    # customer 7 has two tickets
    assert kinds["frequency"].tolist() == ["recurring", "recurring", "one-off", "one-off", "one-off"]
    longer = service.classify_services(kinds_tickets, short_hours=60, long_hours=300)
    assert longer["duration"].tolist() == ["short", "short", "medium", "unresolved", "short"]


def test_classify_services_keeps_other_stage_labels_and_refuses_missing_hours(kinds_tickets):
    chinese = kinds_tickets.assign(stage=["售前", "售后", "售中", "售后", "售后"])
    assert service.classify_services(chinese)["timing"].cat.categories.tolist() == ["售中", "售前", "售后"]
    with pytest.raises(DataError, match=r'1 resolved ticket\(s\) have no "hours_to_resolve" \(e.g. ticket_id 5\)'):
        service.classify_services(kinds_tickets.assign(hours_to_resolve=[2.0, 50.0, 200.0, np.nan, np.nan]))
    with pytest.raises(DataError, match="short_hours .* must be below long_hours"):
        service.classify_services(kinds_tickets, short_hours=168, long_hours=24)
    with pytest.raises(DataError, match='"technical" of the tickets table must hold true/false'):
        service.classify_services(kinds_tickets.assign(technical=["yes", "no", "no", "no", "no"]))


def test_service_mix_by_hand(kinds_tickets):
    kinds = service.classify_services(kinds_tickets)
    timing = service.service_mix(kinds, "timing")
    assert timing.index.tolist() == ["pre-sale", "in-sale", "after-sale"]
    assert timing["services"].tolist() == [1, 1, 3]
    assert timing["share"].tolist() == pytest.approx([0.2, 0.2, 0.6])
    crossed = service.service_mix(kinds, ["timing", "place"])
    assert crossed.index.tolist() == [("pre-sale", "fixed point"), ("in-sale", "fixed point"),
                                      ("after-sale", "fixed point"), ("after-sale", "visit")]
    assert crossed["services"].tolist() == [1, 1, 2, 1]
    assert crossed["share_within"].tolist() == pytest.approx([1.0, 1.0, 2 / 3, 1 / 3])
    assert crossed["share"].sum() == pytest.approx(1.0)
    with pytest.raises(DataError, match=r'by="stage" is not a classification'):
        service.service_mix(kinds, "stage")
    with pytest.raises(DataError, match="one or two of"):
        service.service_mix(kinds, ["timing", "nature", "fee"])
    with pytest.raises(DataError, match="classified must be the table that classify_services returns"):
        service.service_mix(kinds_tickets["stage"], "timing")


def test_service_mix_of_the_shipped_shop_covers_every_ticket():
    shop = datasets.load("shop")
    kinds = service.classify_services(shop.tickets)
    for name, spec in service.SERVICE_CLASSIFICATIONS.items():
        mix = service.service_mix(kinds, name)
        assert mix["services"].sum() == len(shop.tickets), name
        assert set(mix.index) <= set(spec["labels"]), name
        assert spec["deck"].startswith("按服务")


# --------------------------------------------------------------------------
# KPIs, time limits, backlog, the closed loop
# --------------------------------------------------------------------------


@pytest.fixture
def kpi_tickets():
    return pd.DataFrame({
        "ticket_id": [1, 2, 3, 4, 5, 6],
        "stage": ["in-sale", "pre-sale", "pre-sale", "after-sale", "after-sale", "after-sale"],
        "hours_to_first_response": [0.5, 2.0, 1.0, 8.0, 4.0, 0.2],
        "resolved": [True, True, True, False, True, True],
        "hours_to_resolve": [1.0, 30.0, 20.0, np.nan, 80.0, 0.5],
        "first_contact_resolution": [True, False, False, False, False, True],
        "time_limit_hours": [8.0, 24.0, 24.0, 72.0, 72.0, 72.0],
        "reopened": [False, True, False, False, False, False],
        "contacts": [1, 3, 2, 4, 2, 1],
    })


def test_service_kpis_by_hand(kpi_tickets):
    row = service.service_kpis(kpi_tickets).loc["all"]
    assert row["tickets"] == 6
    assert row["median_first_response_hours"] == 1.5       # 0.2 0.5 1 | 2 4 8
    assert row["resolved_share"] == pytest.approx(5 / 6)
    assert row["median_resolution_hours"] == 20.0          # 0.5 1 20 30 80 (resolved ones)
    assert row["first_contact_rate"] == pytest.approx(2 / 6)
    assert row["within_limit_share"] == pytest.approx(3 / 6)  # 1 (1 <= 8), 3 (20 <= 24), 6 (0.5 <= 72)
    assert row["reopen_rate"] == pytest.approx(1 / 5)      # of the resolved
    assert row["mean_contacts"] == pytest.approx(13 / 6)
    by = service.service_kpis(kpi_tickets, by="stage")
    assert by.index.tolist() == ["after-sale", "in-sale", "pre-sale"]
    after = by.loc["after-sale"]
    assert (after["tickets"], after["median_first_response_hours"], after["median_resolution_hours"]) == (3, 4.0, 40.25)
    shares = (after["resolved_share"], after["within_limit_share"], after["reopen_rate"])
    assert shares == pytest.approx((2 / 3, 1 / 3, 0))
    assert by.loc["pre-sale", "reopen_rate"] == 0.5 and by.loc["pre-sale", "mean_contacts"] == 2.5


def test_service_kpis_leave_out_what_the_table_cannot_give(kpi_tickets):
    plain = kpi_tickets.drop(columns=["time_limit_hours", "reopened", "contacts"])
    assert service.service_kpis(plain).columns.tolist() == [
        "tickets", "median_first_response_hours", "resolved_share", "median_resolution_hours", "first_contact_rate"]
    assert "within_limit_share" not in service.service_kpis(kpi_tickets, limit_col=None)
    with pytest.raises(DataError, match=r'The column "promise" is not in the tickets table.*limit_col='):
        service.service_kpis(kpi_tickets, limit_col="promise")
    with pytest.raises(DataError, match="repeated id"):
        service.service_kpis(pd.concat([kpi_tickets, kpi_tickets]))


def test_time_limit_attainment_by_hand(kpi_tickets):
    table = service.time_limit_attainment(kpi_tickets)
    assert table.index.tolist() == ["after-sale", "in-sale", "pre-sale"]
    assert table["tickets"].tolist() == [3, 1, 2]
    assert table["limit_hours"].tolist() == [72.0, 8.0, 24.0]
    assert table["in_time"].tolist() == [1, 1, 1]           # ticket 6; ticket 1; ticket 3
    assert table["late"].tolist() == [2, 0, 1]              # unresolved 4 and 80 h > 72; 30 h > 24
    assert table["in_time_share"].tolist() == pytest.approx([1 / 3, 1.0, 0.5])
    assert (table.loc["after-sale", "lower"], table.loc["after-sale", "upper"]) == pytest.approx(_wilson(1, 3))
    tried = service.time_limit_attainment(kpi_tickets, {"pre-sale": 48, "in-sale": 0.5, "after-sale": 100},
                                          cost_per_late_ticket=10, confidence=0.9)
    assert tried["in_time"].tolist() == [2, 0, 2] and tried["late"].tolist() == [1, 1, 0]
    assert tried["late_cost"].tolist() == [10.0, 10.0, 0.0]
    assert tried["limit_hours"].tolist() == [100.0, 0.5, 48.0]
    assert (tried.loc["pre-sale", "lower"], tried.loc["pre-sale", "upper"]) == pytest.approx(_wilson(2, 2, 0.9))


@pytest.mark.parametrize("limits, words", [
    ({"pre-sale": 24, "in-sale": 8}, 'no time limit for "after-sale"'),
    ({"pre-sale": 24, "in-sale": 0, "after-sale": 72}, 'The time limit for "in-sale" must be a number of hours'),
    ({"pre-sale": "24", "in-sale": 8, "after-sale": 72}, 'The time limit for "pre-sale"'),
    ([24, 8, 72], "limits must be a dict of hours per stage"),
])
def test_time_limit_attainment_bad_limits(kpi_tickets, limits, words):
    with pytest.raises(DataError, match=words):
        service.time_limit_attainment(kpi_tickets, limits)


def test_time_limit_attainment_bad_arguments(kpi_tickets):
    with pytest.raises(DataError, match="cost_per_late_ticket must be a number of at least 0"):
        service.time_limit_attainment(kpi_tickets, cost_per_late_ticket=-5)
    with pytest.raises(DataError, match=r'"time_limit_hours" is not in the tickets table.*limit_col='):
        service.time_limit_attainment(kpi_tickets.drop(columns="time_limit_hours"))


@pytest.fixture
def open_tickets():
    return pd.DataFrame({
        "ticket_id": [1, 2, 3, 4],
        "owner_team": ["A", "A", "B", "B"],
        "opened_at": pd.to_datetime(["2025-03-01 09:00", "2025-03-01 10:00", "2025-03-02 08:00", "2025-03-03 23:00"]),
        "resolved": [True, False, True, True],
        "hours_to_resolve": [5.0, np.nan, 30.0, 2.0],
        "time_limit_hours": [24.0, 24.0, 72.0, 8.0],
    })


def test_backlog_by_hand(open_tickets):
    table = service.backlog(open_tickets, ["2025-03-01", "2025-03-02", pd.Timestamp("2025-03-03"), "2025-03-04"])
    # end of 03-01: 1 closed at 14:00, 2 open 14 h (limit 24); end of 03-02: 2 open 38 h (overdue), 3 open 16 h;
    # end of 03-03: 3 closed at 14:00, 4 opened 23:00 (done 01:00 next day); end of 03-04: only 2
    assert table.index.tolist() == list(pd.to_datetime(["2025-03-01", "2025-03-02", "2025-03-03", "2025-03-04"]))
    assert table["open"].tolist() == [1, 2, 2, 1]
    assert table["overdue"].tolist() == [0, 1, 1, 1]
    by = service.backlog(open_tickets, "2025-03-03", by="owner_team")
    assert by.loc[(pd.Timestamp("2025-03-03"), "A")].tolist() == [1, 1]
    assert by.loc[(pd.Timestamp("2025-03-03"), "B")].tolist() == [1, 0]
    assert service.backlog(open_tickets.drop(columns="time_limit_hours"), "2025-03-02").columns.tolist() == ["open"]
    with pytest.raises(DataError, match='at="end of March" is not a date'):
        service.backlog(open_tickets, ["2025-03-01", "end of March"])


@pytest.fixture
def loop_tickets():
    return pd.DataFrame({
        "ticket_id": [1, 2, 3, 4, 5],
        "owner_team": ["A", "A", "A", "B", "B"],
        "stage": ["after-sale", "after-sale", "after-sale", "pre-sale", "pre-sale"],
        "resolved": [True, True, False, True, True],
        "hours_to_resolve": [10.0, 100.0, np.nan, 30.0, 5.0],
        "time_limit_hours": [72.0, 72.0, 72.0, 24.0, 24.0],
        "follow_up_call": [True, False, False, False, False],
        "resolution_satisfaction": pd.array([pd.NA, 4, pd.NA, pd.NA, 5], dtype="Int64"),
    })


def test_closed_loop_by_hand(loop_tickets):
    loop = service.closed_loop(loop_tickets)
    assert loop.index.tolist() == [("A", "after-sale"), ("B", "pre-sale")]
    assert loop.columns.tolist() == ["tickets", "handled_share", "closed_in_time", "lower", "upper",
                                     "feedback_share", "open_tickets"]
    a, b = loop.iloc[0], loop.iloc[1]
    assert (a["tickets"], a["open_tickets"], b["tickets"], b["open_tickets"]) == (3, 1, 2, 0)
    assert (a["handled_share"], a["closed_in_time"], a["feedback_share"]) == pytest.approx((2 / 3, 1 / 3, 2 / 3))
    assert (b["handled_share"], b["closed_in_time"], b["feedback_share"]) == pytest.approx((1.0, 0.5, 0.5))
    assert (a["lower"], a["upper"]) == pytest.approx(_wilson(1, 3))
    assert (b["lower"], b["upper"]) == pytest.approx(_wilson(1, 2))
    bare = loop_tickets.drop(columns=["follow_up_call", "resolution_satisfaction"])
    assert "feedback_share" not in service.closed_loop(bare)
    only_calls = service.closed_loop(loop_tickets, rating_col=None)
    assert only_calls["feedback_share"].tolist() == pytest.approx([1 / 3, 0.0])
    assert service.closed_loop(loop_tickets, by="owner_team").index.tolist() == ["A", "B"]


def test_closed_loop_and_limits_agree_on_the_shipped_shop():
    tickets = datasets.load("shop").tickets
    loop = service.closed_loop(tickets, by="stage")
    limits = service.time_limit_attainment(tickets)
    assert loop["closed_in_time"].to_dict() == pytest.approx(limits["in_time_share"].to_dict())
    kpis = service.service_kpis(tickets)
    share = (limits["in_time"].sum() / limits["tickets"].sum())
    assert kpis.loc["all", "within_limit_share"] == pytest.approx(share)
    # the backlog at the end of the data: the unresolved tickets and those resolved only after it
    end = pd.Timestamp("2026-01-01")
    later = tickets["opened_at"] + pd.to_timedelta(tickets["hours_to_resolve"], unit="h") >= end
    assert service.backlog(tickets, "2025-12-31")["open"].iloc[0] == (~tickets["resolved"] | later).sum()


# --------------------------------------------------------------------------
# complaint management (moved from custlearn.churn, issue 19)
# --------------------------------------------------------------------------


def test_complaint_metrics_by_hand(dataset):
    tickets = dataset["tickets"].assign(channel=["phone", "chat", "phone", "phone", "chat"])
    overall = service.complaint_metrics(tickets, response_target_hours=2)
    row = overall.loc["all"]
    # complaints: tickets 1, 2, 3, 5 (4 is a question)
    assert row["complaints"] == 4
    assert row["median_response_hours"] == 1.5                         # 1, 2, 3, 0.5
    assert row["responded_in_target"] == 0.75                          # 1, 2, 0.5 <= 2 h
    assert row["resolved_share"] == 1.0
    assert row["median_resolve_hours"] == 7.5                          # 5, 100, 10, 2
    assert row["resolved_in_target"] == 0.75                           # all but the 100 h one
    assert row["first_contact_rate"] == 0.5                            # tickets 1 and 5
    assert row["recovery_rate"] == 0.5                                 # 1 and 3 (fast, rated 5); 5 rated 1
    by = service.complaint_metrics(tickets, by="channel")
    assert by.index.tolist() == ["chat", "phone"]
    assert by.loc["chat", "complaints"] == 2 and by.loc["chat", "recovery_rate"] == 0.0
    every = service.complaint_metrics(tickets, complaints_only=False)
    assert every.loc["all", "complaints"] == 5


def test_complaint_metrics_recovery_follows_the_lifecycle_rule(dataset):
    tickets = dataset["tickets"]
    per_ticket = lifecycle.complaint_outcomes(tickets.assign(customer_id=tickets["ticket_id"]))
    expected = (per_ticket["outcome"] == "resolved well").mean()
    assert service.complaint_metrics(tickets).loc["all", "recovery_rate"] == pytest.approx(expected)


def test_complaint_metrics_bad_input(dataset):
    tickets = dataset["tickets"]
    with pytest.raises(DataError, match="no complaints"):
        service.complaint_metrics(tickets.assign(is_complaint=False))
    with pytest.raises(DataError, match='"region"'):
        service.complaint_metrics(tickets, by="region")
    with pytest.raises(DataError, match="response_target_hours"):
        service.complaint_metrics(tickets, response_target_hours=-1)
    with pytest.raises(DataError, match="hours_to_first_response"):
        service.complaint_metrics(tickets.drop(columns="hours_to_first_response"))
    with pytest.raises(DataError, match="repeated id"):
        service.complaint_metrics(pd.concat([tickets, tickets]))


def test_churn_by_complaint_outcome_by_hand(dataset):
    labels = churn.label_churn(dataset["customers"], dataset["orders"], "2024-03-31", window_days=30,
                               as_of="2024-05-31")
    table = service.churn_by_complaint_outcome(labels, dataset["tickets"])
    # outcomes as in test_churn_features_by_hand; churned: 1 True, 2 False, 3 True, 4 True
    assert table.index.tolist() == ["no complaint", "resolved well", "resolved poorly", "unresolved"]
    assert table["customers"].tolist() == [1, 1, 1, 1]
    assert table["churn_rate"].tolist() == [1.0, 1.0, 0.0, 1.0]
    assert (table.loc["unresolved", "lower"], table.loc["unresolved", "upper"]) == pytest.approx(_wilson(1, 1))


def test_churn_by_complaint_outcome_wilson_matches_statsmodels():
    labels = pd.DataFrame({"churned": [True] * 7 + [False] * 13}, index=pd.Index(range(1, 21), name="customer_id"))
    tickets = pd.DataFrame({"customer_id": [1], "opened_at": _d("2024-01-01"), "is_complaint": [True],
                            "resolved": [False], "hours_to_resolve": [np.nan],
                            "resolution_satisfaction": pd.array([pd.NA], dtype="Int64")})
    table = service.churn_by_complaint_outcome(labels, tickets, cutoff="2024-02-01", confidence=0.9)
    assert table.loc["no complaint", "churners"] == 6
    bounds = (table.loc["no complaint", "lower"], table.loc["no complaint", "upper"])
    assert bounds == pytest.approx(_wilson(6, 19, 0.9))


def test_churn_by_complaint_outcome_bad_input(dataset):
    labels = pd.DataFrame({"churned": [True, False]}, index=pd.Index([1, 2], name="customer_id"))
    with pytest.raises(DataError, match="cutoff is needed"):
        service.churn_by_complaint_outcome(labels, dataset["tickets"])
    with pytest.raises(DataError, match='"churned" of the labels table has 1 missing'):
        service.churn_by_complaint_outcome(labels.assign(churned=[1.0, np.nan]), dataset["tickets"],
                                           cutoff="2024-03-31")
    with pytest.raises(DataError, match="true/false"):
        service.churn_by_complaint_outcome(labels.assign(churned=["yes", "no"]), dataset["tickets"],
                                           cutoff="2024-03-31")
    with pytest.raises(DataError, match='"churned"'):
        service.churn_by_complaint_outcome(labels.rename(columns={"churned": "lost"}), dataset["tickets"],
                                           cutoff="2024-03-31")
    with pytest.raises(DataError, match='"resolution_satisfaction"'):
        service.churn_by_complaint_outcome(labels, dataset["tickets"].drop(columns="resolution_satisfaction"),
                                           cutoff="2024-03-31")


def test_the_old_churn_names_warn_and_give_the_same_tables(dataset):
    tickets = dataset["tickets"]
    with pytest.warns(DeprecationWarning, match=r"custlearn\.churn\.complaint_metrics is deprecated.*"
                                                r"use custlearn\.service\.complaint_metrics") as record:
        old = churn.complaint_metrics(tickets, by="is_complaint", complaints_only=False)
    assert record[0].filename == __file__  # the warning points at the caller's line
    pd.testing.assert_frame_equal(old, service.complaint_metrics(tickets, by="is_complaint", complaints_only=False))
    labels = churn.label_churn(dataset["customers"], dataset["orders"], "2024-03-31", window_days=30,
                               as_of="2024-05-31")
    with pytest.warns(DeprecationWarning, match=r"custlearn\.service\.churn_by_complaint_outcome"):
        old = churn.churn_by_complaint_outcome(labels, tickets, confidence=0.9)
    pd.testing.assert_frame_equal(old, service.churn_by_complaint_outcome(labels, tickets, confidence=0.9))
    with warnings.catch_warnings(), pytest.raises(DataError, match="confidence"):
        warnings.simplefilter("ignore", DeprecationWarning)
        churn.churn_by_complaint_outcome(labels, tickets, confidence=95)
    assert churn.COMPLAINT_GROUPS == service.COMPLAINT_GROUPS


# --------------------------------------------------------------------------
# key accounts
# --------------------------------------------------------------------------


@pytest.fixture
def value_orders():
    return pd.DataFrame({
        "customer_id": [1, 2, 2, 3, 4, 5, 6],
        "order_date": pd.to_datetime(["2024-03-01", "2024-03-01", "2024-06-01", "2024-05-01", "2024-02-01",
                                      "2025-02-01", "2024-07-01"]),
        "margin": [10.0, 50.0, 30.0, 40.0, 5.0, 100.0, 80.0],
    })


def test_key_accounts_by_hand(value_orders):
    key = service.key_accounts(value_orders, "2024-12-31", top=0.4)
    # values by 2024-12-31: 1 10, 2 80, 3 40, 4 5, 6 80 (5 buys later); 2 and 6 tie: the lower id first
    assert key.index.tolist() == [2, 6, 3, 1, 4]
    assert key["rank"].tolist() == [1, 2, 3, 4, 5]
    assert key["key_account"].tolist() == [True, True, False, False, False]    # round(0.4 x 5) = 2
    past = value.clv_historical(value_orders, "2024-12-31")["total"]
    assert key["value"].to_dict() == past.to_dict()                            # lesson 05's value
    among = service.key_accounts(value_orders, "2024-12-31", top=0.4, among=[1, 2, 3, 5])
    assert among.index.tolist() == [2, 3, 1, 5] and among.loc[5, "value"] == 0.0
    assert among["key_account"].tolist() == [True, True, False, False]
    assert among.attrs["as_of"] == pd.Timestamp("2024-12-31") and among.attrs["top"] == 0.4
    assert service.key_accounts(value_orders, "2024-12-31", top=0.01)["key_account"].sum() == 1  # at least one


def test_key_accounts_bad_input(value_orders):
    with pytest.raises(DataError, match="top must be a fraction .* not 10"):
        service.key_accounts(value_orders, "2024-12-31", top=10)
    with pytest.raises(DataError, match="among must be a list of customer ids"):
        service.key_accounts(value_orders, "2024-12-31", among=7)
    with pytest.raises(DataError, match="among must list each customer id once"):
        service.key_accounts(value_orders, "2024-12-31", among=[1, 1, 2])
    with pytest.raises(DataError, match=r'"profit" is not in the orders table.*value_col='):
        service.key_accounts(value_orders, "2024-12-31", value_col="profit")


def test_key_account_service_by_hand(value_orders):
    key = service.key_accounts(value_orders, "2024-12-31", top=0.4)                    # 2 and 6
    labels = pd.DataFrame({"churned": [False, True, False, True, False, False]},
                          index=pd.Index([1, 2, 3, 4, 5, 6], name="customer_id"))
    customers = pd.DataFrame({"customer_id": [1, 2, 3, 4, 5, 6],
                              "relationship_manager": pd.array([pd.NA, pd.NA, 9, pd.NA, pd.NA, 17], dtype="Int64")})
    tickets = pd.DataFrame({
        "customer_id": [6, 6, 2, 1, 1, 99],
        "opened_at": pd.to_datetime(["2024-12-31 15:00", "2025-01-10 09:00", "2025-02-01 09:00", "2025-03-01 09:00",
                                     "2025-03-02 09:00", "2025-01-05 09:00"]),
        "follow_up_call": [True, True, False, True, False, True],
    })
    table = service.key_account_service(key, labels, customers=customers, tickets=tickets)
    assert table.index.tolist() == ["key account, relationship manager", "key account, standard service",
                                    "other accounts"]
    assert table["customers"].tolist() == [1, 1, 4]            # 3 has a manager but is not a key account
    assert table["churners"].tolist() == [0, 1, 1]
    assert table["churn_rate"].tolist() == pytest.approx([0.0, 1.0, 0.25])
    assert (table.loc["other accounts", "lower"], table.loc["other accounts", "upper"]) == pytest.approx(_wilson(1, 4))
    # tickets after the key accounts were chosen (6's ticket on 2024-12-31 is before; 99 is no customer here)
    assert table["tickets"].tolist() == [1, 1, 2]
    assert table["follow_up_share"].tolist() == pytest.approx([1.0, 0.0, 0.5])
    plain = service.key_account_service(key, labels)
    assert plain.index.tolist() == ["key account", "other accounts"] and plain["customers"].tolist() == [2, 4]
    with pytest.raises(DataError, match="key lists a customer more than once"):
        service.key_account_service(pd.concat([key, key]), labels)
    with pytest.raises(DataError, match='"relationship_manager" is not in the customers table.*manager_col='):
        service.key_account_service(key, labels, customers=customers.drop(columns="relationship_manager"))


def test_key_accounts_with_a_manager_stay_longer_in_the_shipped_bank():
    """Effect 12 as a learner finds it: value ranks the accounts, a manager goes with fewer closures."""
    bank = datasets.load("bank")
    labels = churn.label_churn(bank.customers, None, "2024-12-31", kind="contractual", window_days=365,
                               as_of=bank.as_of)
    key = service.key_accounts(bank.orders, "2024-12-31", among=labels.index)
    table = service.key_account_service(key, labels, customers=bank.customers, tickets=bank.tickets)
    managed, standard = table.loc["key account, relationship manager"], table.loc["key account, standard service"]
    assert managed["upper"] < standard["lower"]                 # the intervals do not even overlap
    ratio = managed["churn_rate"] / standard["churn_rate"]
    planted = datasets.parameters("bank")["key_accounts"]["closure_risk_ratio"]
    assert abs(ratio - planted) < 0.2, ratio
    assert managed["follow_up_share"] > standard["follow_up_share"] + 0.2


# --------------------------------------------------------------------------
# the people who serve and the service-profit chain
# --------------------------------------------------------------------------


@pytest.fixture
def chain_tables():
    customers = pd.DataFrame({
        "customer_id": [1, 2, 3, 4, 5, 6],
        "branch_office": ["A", "A", "A", "B", "B", "C"],
        "account_closed": pd.to_datetime(["2025-01-01", None, "2025-06-01", None, None, "2024-09-01"]),
    })
    staff = pd.DataFrame({"branch_office": ["A", "A", "B", "C", "C", "C", "D"],
                          "employee_satisfaction": [3, 4, 5, 2, 2, 5, 1],
                          "training_hours": [10, 20, 30, 0, 10, 20, 50],
                          "pay_band": [1, 2, 2, 1, 1, 3, 4]})
    surveys = pd.DataFrame({"customer_id": [1, 2, 4, 4, 6], "staff_attitude": [4, 6, 7, 5, None]})
    offices = pd.DataFrame({"branch_office": ["A", "B", "C", "D"],
                            "location": ["city centre", "neighbourhood", "neighbourhood", "neighbourhood"]})
    return customers, staff, surveys, offices


def test_office_table_by_hand(chain_tables):
    customers, staff, surveys, offices = chain_tables
    table = service.office_table(customers, staff, surveys=surveys, offices=offices)
    assert table.index.tolist() == ["A", "B", "C"]                       # D has staff but no customers
    assert table["customers"].tolist() == [3, 2, 1] and table["closed"].tolist() == [2, 0, 1]
    assert table["closure_rate"].tolist() == pytest.approx([2 / 3, 0.0, 1.0])
    assert (table.loc["A", "lower"], table.loc["A", "upper"]) == pytest.approx(_wilson(2, 3))
    assert table["staff"].tolist() == [2, 1, 3]
    assert table["employee_satisfaction"].tolist() == pytest.approx([3.5, 5.0, 3.0])
    assert table["training_hours"].tolist() == pytest.approx([15.0, 30.0, 10.0])
    assert table["staff_attitude"].tolist()[:2] == [5.0, 6.0] and np.isnan(table.loc["C", "staff_attitude"])
    assert table["responses"].tolist() == [2, 2, 0]                      # 6's answer is blank
    assert table["location"].tolist() == ["city centre", "neighbourhood", "neighbourhood"]
    assert table["city_centre"].tolist() == [1, 0, 0]
    with pytest.raises(DataError, match=r'1 office\(s\) of the customers table have no staff.*"C"'):
        service.office_table(customers, staff[staff["branch_office"] != "C"])
    with pytest.raises(DataError, match='"account_closed" of the customers table should hold dates'):
        service.office_table(customers.assign(account_closed=[1, 0, 1, 0, 0, 1]), staff)


def _shipped_offices() -> pd.DataFrame:
    bank = datasets.load("bank")
    return service.office_table(bank.customers, bank.staff, offices=bank.offices, surveys=bank.surveys)


def test_service_profit_chain_matches_statsmodels_ols():
    import statsmodels.formula.api as smf
    from scipy import stats

    offices = _shipped_offices()
    chain = service.service_profit_chain(offices, confidence=0.9)
    for name, formula in (("naive", "closure_rate ~ employee_satisfaction"),
                          ("adjusted", "closure_rate ~ employee_satisfaction + city_centre")):
        fit = smf.ols(formula, offices).fit()
        row = chain.estimates.loc[name]
        assert row["estimate"] == pytest.approx(fit.params["employee_satisfaction"], rel=1e-9)
        assert row["std_error"] == pytest.approx(fit.bse["employee_satisfaction"], rel=1e-9)
        low, high = fit.conf_int(alpha=0.1).loc["employee_satisfaction"]
        assert (row["lower"], row["upper"]) == pytest.approx((low, high), rel=1e-9)
    r = stats.pearsonr(offices["employee_satisfaction"], offices["closure_rate"])
    ci = r.confidence_interval(confidence_level=0.9)
    assert (chain.correlation.estimate, chain.correlation.lower, chain.correlation.upper) == pytest.approx(
        (r.statistic, ci.low, ci.high), rel=1e-9)
    assert chain.units == 36 and chain.estimates.loc["adjusted", "adjusted_for"] == "city_centre"
    assert "36 units" in chain.caution and f"{chain.detectable:.2f}" in chain.caution


def test_service_profit_chain_with_two_adjusters_matches_statsmodels():
    import statsmodels.formula.api as smf

    rng = np.random.default_rng(3)
    table = pd.DataFrame({"e": rng.normal(3.5, 0.5, 30), "centre": rng.integers(0, 2, 30),
                          "size": rng.normal(4, 1, 30)})
    table["y"] = 0.3 - 0.05 * table["e"] - 0.06 * table["centre"] + 0.01 * table["size"] + rng.normal(0, 0.03, 30)
    chain = service.service_profit_chain(table, outcome="y", driver="e", adjust_for=["centre", "size"])
    fit = smf.ols("y ~ e + centre + size", table).fit()
    assert chain.estimates.loc["adjusted", "estimate"] == pytest.approx(fit.params["e"], rel=1e-9)
    assert chain.estimates.loc["adjusted", "upper"] == pytest.approx(fit.conf_int().loc["e", 1], rel=1e-9)
    same = service.service_profit_chain(table, outcome="y", driver="e", adjust_for=[])
    assert same.estimates.loc["adjusted", "estimate"] == same.estimates.loc["naive", "estimate"]


def test_the_truth_check_finds_the_planted_staff_effect():
    """Effect 11: did the adjusted analysis find the planted staff effect; how much does the naive one overstate it?"""
    planted = datasets.parameters("bank")["service_profit_chain"]["closure_per_point"]
    chain = service.service_profit_chain(_shipped_offices())
    check = chain.against(planted)
    assert bool(check.loc["adjusted", "covers"])
    assert check.loc["naive", "times_planted"] > 1.2                    # the naive line overstates it
    assert abs(check.loc["naive", "estimate"]) > abs(check.loc["adjusted", "estimate"])
    assert check.loc["naive", "times_planted"] == pytest.approx(check.loc["naive", "estimate"] / planted)
    assert check["planted"].tolist() == [planted, planted]
    # the first link: offices with more satisfied staff are rated better by their customers
    link = service.service_profit_chain(_shipped_offices(), outcome="staff_attitude", adjust_for=[])
    assert link.estimates.loc["naive", "lower"] > 0


def test_service_profit_chain_bad_input():
    table = pd.DataFrame({"employee_satisfaction": [3.0, 3.5, 4.0, 4.5], "city_centre": [0, 0, 1, 1],
                          "closure_rate": [0.3, 0.25, 0.15, 0.1]})
    with pytest.raises(DataError, match="has 4 rows, but at least 4|has the same value"):
        service.service_profit_chain(table.assign(employee_satisfaction=4.0))
    wider = pd.concat([table, table.assign(employee_satisfaction=table["employee_satisfaction"] - 0.2)])
    with pytest.raises(DataError, match="move together"):
        service.service_profit_chain(wider.assign(twin=wider["city_centre"]), adjust_for=["city_centre", "twin"])
    with pytest.raises(DataError, match="at least 4 are needed"):
        service.service_profit_chain(table.iloc[:3])
    with pytest.raises(DataError, match=r'"closure_rate" of the table table holds text'):
        service.service_profit_chain(table.assign(closure_rate=["a", "b", "c", "d"]))
    with pytest.raises(DataError, match="table must be the table that office_table returns"):
        service.service_profit_chain(table["closure_rate"])


def test_detectable_correlation_matches_cohen_and_a_simulation():
    from scipy import stats

    assert service.detectable_correlation(85) == pytest.approx(0.30, abs=0.005)   # Cohen (1988) table 3.4.1
    assert service.detectable_correlation(28) == pytest.approx(0.50, abs=0.015)
    # simulate: 36 offices, the true correlation at the detectable value: found about 80% of the time
    r = service.detectable_correlation(36)
    rng = np.random.default_rng(19)
    x = rng.normal(size=(4000, 36))
    y = r * x + np.sqrt(1 - r**2) * rng.normal(size=(4000, 36))
    xc, yc = x - x.mean(1, keepdims=True), y - y.mean(1, keepdims=True)
    rs = (xc * yc).sum(1) / np.sqrt((xc**2).sum(1) * (yc**2).sum(1))
    t = rs * np.sqrt(34 / (1 - rs**2))
    power = (2 * stats.t.sf(np.abs(t), 34) < 0.05).mean()
    assert power == pytest.approx(0.80, abs=0.03)
    assert service.detectable_correlation(36, power=0.5) < r < service.detectable_correlation(20)
    with pytest.raises(DataError, match="units must be a whole number of at least 4"):
        service.detectable_correlation(3)
    with pytest.raises(DataError, match="power must be a fraction"):
        service.detectable_correlation(36, power=80)


def test_staff_satisfaction_matches_statsmodels():
    from statsmodels.stats.weightstats import DescrStatsW

    staff = datasets.load("bank").staff
    table = service.staff_satisfaction(staff, confidence=0.9)
    assert table.index.tolist() == [1, 2, 3, 4] and table["staff"].sum() == len(staff)
    for band, row in table.iterrows():
        scores = staff.loc[staff["pay_band"] == band, "employee_satisfaction"].to_numpy(float)
        assert row["satisfaction"] == pytest.approx(scores.mean())
        assert (row["lower"], row["upper"]) == pytest.approx(DescrStatsW(scores).tconfint_mean(alpha=0.1))
    one = service.staff_satisfaction(pd.DataFrame({"pay_band": [1, 2, 2], "employee_satisfaction": [3, 4, 5],
                                                   "training_hours": [1, 2, 3]}))
    assert np.isnan(one.loc[1, "lower"]) and one.loc[2, "satisfaction"] == 4.5   # one person: no interval
    with pytest.raises(DataError, match=r'"employee_satisfaction" of the staff table holds text'):
        service.staff_satisfaction(staff.assign(employee_satisfaction="high"))


# --------------------------------------------------------------------------
# the module as a learner meets it
# --------------------------------------------------------------------------

MODULES = ["custlearn.service._classify", "custlearn.service._kpis", "custlearn.service._complaints",
           "custlearn.service._key_accounts", "custlearn.service._chain"]


def test_service_stands_on_the_ground_floor_and_value_only():
    code = ("import sys, custlearn.service; "
            "print(sorted(m for m in sys.modules if m in ('custlearn.lifecycle', 'custlearn.satisfaction', "
            "'custlearn.loyalty', 'custlearn.churn', 'custlearn.customer_data', 'custlearn.cases', 'scipy', "
            "'sklearn', 'matplotlib')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize("module", MODULES)
def test_public_functions_fit_on_a_screen(module):
    assert too_long_public_functions(module) == []


def test_every_public_function_is_documented_like_a_lesson_function():
    functions = [getattr(service, n) for n in service.__all__ if inspect.isfunction(getattr(service, n))]
    assert len(functions) == 14
    for function in functions:
        doc = inspect.getdoc(function)
        name = function.__name__
        assert "Lesson 06, framework:" in doc, name
        assert re.search(r"(19|20)\d\d|decks? 00\d", doc), f"{name} cites no source"
        for section in ("Parameters\n----------", "Returns\n-------", "Raises\n------", "Examples\n--------"):
            assert section in doc, (name, section)
        assert "custlearn.DataError:" in doc, f"{name} shows no failing call"
    public = {n for n, v in vars(service).items() if not n.startswith("_") and callable(v)
              and getattr(v, "__module__", "").startswith("custlearn.service")}
    assert public <= set(service.__all__)


# --------------------------------------------------------------------------
# the "Try it": time limit per stage against the share closed in time and the cost
# --------------------------------------------------------------------------


def test_time_limit_explorer_moves_the_limits_and_the_cost(kpi_tickets):
    from custlearn import widgets

    box = widgets.time_limit_explorer(kpi_tickets, cost_per_late_ticket=4)
    assert list(box.controls) == ["pre-sale", "in-sale", "after-sale", "cost"]  # the stages in the deck's order
    assert [box.controls[s].value for s in ("pre-sale", "in-sale", "after-sale")] == [24, 8, 72]  # recorded limits
    figure, note, table = box.shown()
    assert figure == "[figure]"
    # by hand: in time 1 (after-sale: 0.5 h), 1 (in-sale: 1 h), 1 (pre-sale: 20 h); late 3 x USD 4
    assert note.startswith("**Closed in time: 3 of 6 tickets (50%).** pre-sale 50% within 24 h, in-sale 100% within "
                           "8 h, after-sale 33% within 72 h. **3 late tickets cost USD 12.**")
    box.controls["pre-sale"].value = 48   # ticket 2 (30 h) now in time
    box.controls["after-sale"].value = 100  # ticket 5 (80 h) too; ticket 4 is never resolved: late under any limit
    box.controls["cost"].value = 10.0
    assert box.shown()[1].startswith("**Closed in time: 5 of 6 tickets (83%).**")
    assert "**1 late ticket costs USD 10.**" in box.shown()[1]


def test_time_limit_explorer_curves_are_the_shares_resolved_within_each_limit(kpi_tickets):
    import matplotlib.pyplot as plt

    from custlearn import widgets

    box = widgets.time_limit_explorer(kpi_tickets, max_hours=100)
    plt.close("all")
    curves = widgets._attainment_curves(kpi_tickets, ["after-sale"], "stage", "resolved", "hours_to_resolve",
                                        np.array([0, 1, 72, 79, 80, 100]))
    share, resolved = curves["after-sale"]
    # after-sale hours: unresolved, 80, 0.5 -> within 0 h none, 1 h one, 80 h two; resolved at all 2 of 3
    assert share.tolist() == pytest.approx([0, 1 / 3, 1 / 3, 1 / 3, 2 / 3, 2 / 3])
    assert resolved == pytest.approx(2 / 3)
    assert box.controls["after-sale"].max == 100


def test_time_limit_explorer_refuses_bad_limits_with_the_fix(kpi_tickets):
    from custlearn import widgets

    with pytest.raises(DataError, match='no time limit for "after-sale"'):
        widgets.time_limit_explorer(kpi_tickets, limits={"pre-sale": 24, "in-sale": 8})
    with pytest.raises(DataError, match="cost_per_late_ticket must be a number of at least 0"):
        widgets.time_limit_explorer(kpi_tickets, cost_per_late_ticket=-1)
