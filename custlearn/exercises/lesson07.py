"""Exercises of lesson 07, *Retention and churn early warning* (流失预警).

Expected answers are computed from the shipped data with the solution's
logic (``custlearn.churn``, ``custlearn.value``); the likely mistakes are
computed the same way.
"""

from __future__ import annotations

from functools import cache

import numpy as np
import pandas as pd

from custlearn._i18n import N_
from custlearn.exercises._charts import Chart, two_groups
from custlearn.exercises._core import Choice, Mistake, Number, Table, Text

__all__ = ["EXERCISES"]

CUTOFF = "2024-12-31"
WINDOW = 180
TEST_CUTOFF = "2025-06-30"


@cache
def _data(name: str = "shop"):
    from custlearn import datasets

    return datasets.load(name)


@cache
def _truth() -> pd.DataFrame:
    from custlearn import datasets

    return datasets.truth("shop").set_index("customer_id")


@cache
def _shop_labels(window: int | None = WINDOW, cutoff: str = CUTOFF) -> pd.DataFrame:
    from custlearn import churn

    shop = _data()
    return churn.label_churn(shop.customers, shop.orders, cutoff, window_days=window)


# 07.1 ----------------------------------------------------------------------


def _shop_churn_rate() -> float:
    """07.1 — share of shop customers (bought by the cut-off) with no purchase in the next 180 days."""
    return float(_shop_labels()["churned"].mean())


# 07.2 ----------------------------------------------------------------------


@cache
def _bank_labels() -> pd.DataFrame:
    from custlearn import churn

    bank = _data("bank")
    return churn.label_churn(bank.customers, None, CUTOFF, kind="contractual", window_days=182, as_of=bank.as_of)


def _bank_churn_rate() -> float:
    """07.2 — share of accounts open on the cut-off that closed within 182 days."""
    return float(_bank_labels()["churned"].mean())


def _bank_closed_by_end() -> float:
    """Mistake for 07.2: share of all bank customers whose account closed by the end of the data."""
    bank = _data("bank")
    return float(bank.customers["account_closed"].notna().mean())


def _bank_closed_in_window_of_all() -> float:
    """Mistake for 07.2: churners divided by all customers, not by the accounts open at the cut-off."""
    return float(_bank_labels()["churned"].sum() / len(_data("bank").customers))


# 07.3 ----------------------------------------------------------------------


@cache
def _durations() -> pd.DataFrame:
    from custlearn import churn

    shop = _data()
    return churn.churn_durations(shop.customers, shop.orders, shop.as_of)


def _discount_mask() -> np.ndarray:
    d = _durations()
    flag = _data().customers.set_index("customer_id")["acquired_with_discount"]
    return flag.reindex(d.index).fillna(False).astype(bool).to_numpy()


def _km_median(mask: np.ndarray) -> float:
    from custlearn import churn

    d = _durations()[mask]
    return float(churn.median_survival(churn.kaplan_meier(d["duration_days"], d["churned"]))["median"])


def _discount_median() -> float:
    """07.3 — Kaplan-Meier median time to churn (days) of customers won with a welcome discount."""
    return _km_median(_discount_mask())


def _discount_plain_median() -> float:
    """Mistake for 07.3: the plain median of the durations, censored customers treated as churned."""
    return float(_durations()["duration_days"][_discount_mask()].median())


def _discount_median_churned_only() -> float:
    """Mistake for 07.3: the median duration of the churned customers only."""
    d = _durations()[_discount_mask()]
    return float(d.loc[d["churned"], "duration_days"].median())


def _everyone_median() -> float:
    """Mistake for 07.3: the median of all buyers, not only the discount-acquired."""
    return _km_median(np.ones(len(_durations()), dtype=bool))


# 07.4 ----------------------------------------------------------------------


def _by_outcome(window: int | None = WINDOW) -> pd.DataFrame:
    from custlearn import service

    return service.churn_by_complaint_outcome(_shop_labels(window), _data().tickets)


def _churn_rate_by_outcome() -> pd.Series:
    """07.4 — churn rate in the 180 days after the cut-off, by outcome of the first complaint."""
    return _by_outcome()["churn_rate"]


def _churners_by_outcome() -> pd.Series:
    return _by_outcome()["churners"].astype(float)


def _churn_rate_by_outcome_default_window() -> pd.Series:
    return _by_outcome(None)["churn_rate"]


# 07.5 / 07.6 ---------------------------------------------------------------


@cache
def _model():
    from custlearn import churn

    return churn.churn_risk_model(_data(), CUTOFF, TEST_CUTOFF, window_days=WINDOW)


def _held_out_auc() -> float:
    """07.5 — AUC of the shop's churn-risk score on the later (held-out) period."""
    return float(_model().auc)


def _training_auc() -> float:
    return float(_model().train_auc)


def _top_decile_lift() -> float:
    """07.6 — lift of the top 10% by risk on the held-out period."""
    return float(_model().gains()["lift"].iloc[0])


def _top_decile_churn_rate() -> float:
    return float(_model().gains()["churn_rate"].iloc[0])


def _top_decile_capture() -> float:
    return float(_model().gains()["cumulative_capture"].iloc[0])


# 07.8 ----------------------------------------------------------------------


@cache
def _p_alive() -> pd.DataFrame:
    from custlearn import value

    summary = value.clv_summary(_data().orders, _data().as_of, time_unit="weeks")
    p = value.BetaGeo().fit(summary).p_alive(summary).rename("p_alive")
    return p.to_frame().join(_truth()[["alive_at_end", "future_purchases"]])


def _auc(y: pd.Series, score: pd.Series) -> float:
    from sklearn.metrics import roc_auc_score

    return float(roc_auc_score(y.astype(int), score))


def _p_alive_auc_dropped_out() -> float:
    """07.8 — AUC of 1 - P(alive) for the truly dropped-out customers (not alive at the end)."""
    t = _p_alive()
    return _auc(~t["alive_at_end"], 1 - t["p_alive"])


def _p_alive_auc_wrong_direction() -> float:
    t = _p_alive()
    return _auc(~t["alive_at_end"], t["p_alive"])


def _p_alive_auc_no_purchase() -> float:
    t = _p_alive()
    return _auc(t["future_purchases"] == 0, 1 - t["p_alive"])


def _km_curve(mask: np.ndarray, censored_as_churned: bool = False) -> pd.Series:
    """07.7 — a Kaplan-Meier curve (survival by day) of the customers in ``mask``."""
    from custlearn import churn

    d = _durations()[mask]
    events = np.ones(len(d), dtype=bool) if censored_as_churned else d["churned"]
    km = churn.kaplan_meier(d["duration_days"], events)
    return pd.Series(km["survival"].to_numpy(float), index=pd.Index(km["time"].to_numpy(float), name="days"))


def _km_curves(how: str = "km") -> dict[str, pd.Series]:
    discount = _discount_mask()
    if how == "everyone":
        return {"all customers": _km_curve(np.ones(len(discount), dtype=bool))}
    naive = how == "naive"
    return {N_("welcome discount"): _km_curve(discount, naive), N_("no discount"): _km_curve(~discount, naive)}


EXERCISES = {
    "07.1": Number(
        _shop_churn_rate,
        question=N_("Of the shop's customers who had bought by 31 Dec 2024, what share made no purchase in the "
                    "next 180 days? (a fraction)"),
        unit="fraction",
        mistakes=[
            Mistake(lambda: float(_shop_labels(None)["churned"].mean()),
                    N_("You used the default window (the data's 'at risk' gap). The question fixes it: window_days=180.")),
            Mistake(lambda: float(_shop_labels()["churned"].sum()),
                    N_("That is the number of churners; the question asks for the share: take the mean of 'churned'.")),
            Mistake(lambda: float(1 - _shop_labels()["churned"].mean()),
                    N_("That is the share who bought again (retention). Churn is the share who did NOT buy.")),
            Mistake(lambda: float(_shop_labels(90)["churned"].mean()),
                    N_("You used a 90-day window. The question gives the customers 180 days to buy again.")),
            Mistake(lambda: float(_shop_labels(365)["churned"].mean()),
                    N_("You used a 365-day window. The question gives the customers 180 days to buy again.")),
            Mistake(lambda: float(_shop_labels(WINDOW, "2025-06-30")["churned"].mean()),
                    N_("You used the cut-off 30 June 2025. The question looks at the customers who had bought by "
                       "31 Dec 2024 and the 180 days after that date.")),
            Mistake(lambda: float(_shop_labels(WINDOW, "2024-06-30")["churned"].mean()),
                    N_("You used the cut-off 30 June 2024. The question looks at the customers who had bought by "
                       "31 Dec 2024 and the 180 days after that date.")),
        ],
        hint=N_("Take the customers who had bought by 31 Dec 2024, mark as churned those with no purchase in the 180 "
                "days after it (churn.label_churn with the cut-off and window_days=180), and take the share churned "
                "(the mean of the True/False column)."),
    ),
    "07.2": Number(
        _bank_churn_rate,
        question=N_("Of the bank accounts open on 31 Dec 2024, what share closed within 182 days? (a fraction)"),
        unit="fraction",
        mistakes=[
            Mistake(_bank_closed_by_end, N_("That is the share of all customers whose account ever closed by the end "
                    "of the data. Contractual churn looks at the accounts open on the cut-off and a 182-day window.")),
            Mistake(_bank_closed_in_window_of_all, N_("You divided by all bank customers. Divide by the accounts open on "
                    "the cut-off (the rows of label_churn).")),
            Mistake(lambda: float(_bank_labels()["churned"].sum()),
                    N_("That is the number of closed accounts; the question asks for the share.")),
        ],
        hint=N_("Take the bank accounts still open on 31 Dec 2024 and mark those closed within the next 182 days "
                "(churn.label_churn with kind='contractual', window_days=182 and as_of); the churn rate is the share "
                "marked."),
    ),
    "07.3": Number(
        _discount_median,
        question=N_("Kaplan-Meier median time to churn (days) of shop customers won with a welcome discount "
                    "(churn_durations at shop.as_of, default window)."),
        unit=N_("days"),
        mistakes=[
            Mistake(_discount_plain_median, N_("That is the plain median of the durations: it treats customers who have "
                    "not churned yet (censored) as if they had churned. Use kaplan_meier and median_survival.")),
            Mistake(_discount_median_churned_only, N_("That is the median of the churned customers only. Leaving out the "
                    "customers still there makes churn look faster: use kaplan_meier with both groups.")),
            Mistake(_everyone_median, N_("That is the median of all buyers. Keep only those with "
                    "acquired_with_discount True.")),
        ],
        hint=N_("Take each buyer's time to churn or to the end of the data (churn.churn_durations), keep the "
                "customers acquired with a discount, fit a Kaplan-Meier curve that counts the customers still there as "
                "censored (churn.kaplan_meier) and read the day it falls to 50% (churn.median_survival)."),
    ),
    "07.4": Table(
        _churn_rate_by_outcome,
        question=N_("The churn rate in the 180 days after 31 Dec 2024, by outcome of the customer's first complaint "
                    "(with 'no complaint'). A Series indexed by outcome."),
        index_name=N_("complaint outcome"),
        mistakes=[
            Mistake(_churners_by_outcome, N_("Those are numbers of churners; the question asks for rates "
                    "(the churn_rate column).")),
            Mistake(_churn_rate_by_outcome_default_window, N_("You labelled churn with the default window. "
                    "Use window_days=180 (the labels of 07.1).")),
        ],
        hint=N_("Label churn as in 07.1 (cut-off 31 Dec 2024, 180 days), give each customer the outcome of the first "
                "complaint ('no complaint' for the others) and take the churn rate per outcome "
                "(service.churn_by_complaint_outcome)."),
    ),
    "07.5": Number(
        _held_out_auc,
        question=N_("Held-out AUC of churn.churn_risk_model(shop, '2024-12-31', '2025-06-30', window_days=180)."),
        mistakes=[
            Mistake(_training_auc, N_("That is the AUC on the training period (model.train_auc). The honest "
                    "number is on the later period the model never saw: model.auc.")),
            Mistake(lambda: 1 - _held_out_auc(), N_("That is 1 - AUC: the score ranked the other way round (staying "
                    "instead of churning). Score churn with the model's risk, high for likely churners.")),
        ],
        hint=N_("Fit the risk model on the customers of the first cut-off and score those of the later cut-off it never "
                "saw (churn.churn_risk_model with both cut-offs and window_days=180); the held-out AUC is its auc."),
    ),
    "07.6": Number(
        _top_decile_lift,
        question=N_("Top-decile lift of that score on the held-out period: how many times the average churn rate "
                    "do the 10% with the highest risk have?"),
        mistakes=[
            Mistake(_top_decile_churn_rate, N_("That is the churn rate of the top decile. Lift divides it by the "
                    "overall churn rate.")),
            Mistake(_top_decile_capture, N_("That is the share of all churners found in the top decile (the gain). "
                    "Lift is the decile's churn rate / the overall churn rate.")),
        ],
        hint=N_("Rank the held-out customers by risk, take the 10% with the highest risk and divide their churn rate "
                "by the churn rate of all held-out customers (the first row of the model's gains table, column lift)."),
    ),
    "07.7": Chart(
        _km_curves,
        question=N_("Kaplan-Meier survival curves of shop customers won with and without a welcome discount, "
                    "with a title and labelled axes."),
        kind="step",
        unit="share",
        x_unit="days",
        index_name=N_("day"),
        legend=two_groups("welcome discount", "no discount", "discount|welcome|折扣|迎新"),
        mistakes=[
            Mistake(lambda: _km_curves("everyone"), N_("Your chart has one curve for all buyers. Draw one per group: "
                    "customers won with a welcome discount and the others (kaplan_meier with groups=...).")),
            Mistake(lambda: _km_curves("naive"), N_("Your curves treat every customer as churned at the end of their "
                    "time, also those still buying (censored). Pass the churned column as the event, so customers "
                    "still there leave the risk set without counting as churn.")),
        ],
        hint=N_("Take each buyer's time to churn (churn.churn_durations), split the buyers by acquired_with_discount, "
                "fit one Kaplan-Meier curve per group (churn.kaplan_meier with groups=...) and draw them as steps with "
                "a legend (plots.survival_chart does it)."),
    ),
    "07.8": Number(
        _p_alive_auc_dropped_out,
        question=N_("AUC of 1 - P(alive) (BG/NBD in weeks, on all shop orders up to shop.as_of) for the customers "
                    "truly dropped out at the end of the data (truth: alive_at_end False)."),
        mistakes=[
            Mistake(_p_alive_auc_wrong_direction, N_("Your AUC is below 0.5: you scored with P(alive) itself. A high "
                    "P(alive) means *staying*; score churn with 1 - P(alive).")),
            Mistake(_p_alive_auc_no_purchase, N_("You used 'no purchase in the next 52 weeks' as the target. The "
                    "question asks about the truly dropped out: ~truth['alive_at_end'].")),
        ],
        hint=N_("Fit BG/NBD to the weekly summary of all orders, compute each buyer's P(alive), and measure how well "
                "1 - P(alive) ranks the customers who truly dropped out (not alive_at_end in the truth) above the "
                "others: the AUC (sklearn.metrics.roc_auc_score)."),
    ),
    "07.9": Choice(
        expected="c",
        question=N_("P(alive) ranks the truly dropped-out better (AUC about 0.9); the risk score ranks 'no purchase in "
                    "the next 52 weeks' better. Why?"),
        options={
            "a": N_("The risk score is not broken: on its own target (not buying soon) it does better than P(alive)."),
            "b": N_("With thousands of customers a gap this size is not chance, and the AUC does depend on what "
                    "you call churn: the two targets are different customers."),
            "c": N_("Yes: BG/NBD reads each silence against the customer's own pace, so it spots who dropped out; "
                    "'not buying in a year' also includes slow buyers who are still alive, which the risk score, "
                    "trained on 'no purchase in the window', picks up."),
            "d": N_("P(alive) is not fitted on the truth table: both scores see only the orders before the end."),
        },
    ),
    "07.10": Text(
        question=N_("You have the win-back list ranked by expected value. Whom do you contact, with what, and how do "
                    "you use P(alive) and the complaint history? What would make you distrust the list?"),
        min_words=40,
        keywords=[N_("value"), N_("P(alive)"), N_("complaint"), N_("cost")],
    ),
}
