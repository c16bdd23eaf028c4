"""Lesson 07 — retention and churn early warning (流失预警).

The decks ask for a *value-loss early-warning system* (价值流失预警): find the
valuable customers who are about to leave and act before they go. The lesson
walks three steps, one file each (complaint handling moved to
:mod:`custlearn.service`, see the end of this page):

1. **Say what churn is** (``_define``). Two kinds of churn (Fader & Hardie
   2009; Ascarza et al. 2018): *contractual* (the bank), where the customer
   closes the account on a known day and churn is observed; and
   *non-contractual* (the shop), where customers simply stop buying and
   churn must be defined: "no purchase within ``window_days`` after a
   cut-off date". The window is a business choice; the default comes from
   the data's own rhythm (the gap between purchases that 90 % of repeat
   purchases beat, lesson 02's "at risk" threshold).
2. **Measure how long customers last** (``_survival``): the Kaplan-Meier
   curve, its median and the log-rank test of segments.
3. **Score the risk ahead of time** (``_features``, ``_model``): what is known
   at a cut-off date, a logistic-regression score judged on a later period,
   and the gains table a campaign manager reads.

=============================================  ==================================
Step                                           Function
=============================================  ==================================
Define churn (non-contractual or contractual)  :func:`label_churn`
Time to churn per customer                     :func:`churn_durations`
Survival curve, Greenwood band (Kaplan-Meier)  :func:`kaplan_meier`
Median time to churn with its interval         :func:`median_survival`
Do two segments churn alike? (log-rank)        :func:`logrank_test`
What we know at the cut-off (features)         :func:`churn_features`
A churn-risk score judged on later data        :func:`churn_risk_model`
How well the score ranks customers             :func:`gains_table`
=============================================  ==================================

Moved (issue 19): ``complaint_metrics`` and ``churn_by_complaint_outcome`` are
now :func:`custlearn.service.complaint_metrics` and
:func:`custlearn.service.churn_by_complaint_outcome` (lesson 06, customer
service management). The old names here still work for one release and warn
with a ``DeprecationWarning``.

Constants: :data:`KINDS` (the two kinds of churn), :data:`CONTRACTUAL_WINDOW_DAYS`
(182, the default contractual window) and :data:`COMPLAINT_GROUPS` (the
groups of :func:`churn_by_complaint_outcome`, best to worst). Results:
:class:`LogRankResult`, :class:`ChurnRiskModel`.

Use::

    from custlearn import churn, datasets
    shop = datasets.load("shop")
    labels = churn.label_churn(shop.customers, shop.orders, "2024-12-31", window_days=180)
    durations = churn.churn_durations(shop.customers, shop.orders, shop.as_of)
    km = churn.kaplan_meier(durations["duration_days"], durations["churned"])

Every table is read once, at the door, by the course's one rule (text and
timezone-aware dates, nullable numbers; a missing date or a text amount is a
:class:`custlearn.DataError`). All times are in days. Charts for this lesson
are in ``custlearn.plots`` (``survival_chart``, ``gains_chart``). scipy and
scikit-learn are imported inside the functions that need them, so ``import
custlearn.churn`` stays fast.
"""

from custlearn._recovery import COMPLAINT_GROUPS
from custlearn.churn._define import CONTRACTUAL_WINDOW_DAYS, KINDS, churn_durations, label_churn
from custlearn.churn._features import churn_features
from custlearn.churn._model import ChurnRiskModel, churn_risk_model, gains_table
from custlearn.churn._moved import churn_by_complaint_outcome, complaint_metrics
from custlearn.churn._survival import LogRankResult, kaplan_meier, logrank_test, median_survival

__all__ = [
    "KINDS",
    "CONTRACTUAL_WINDOW_DAYS",
    "COMPLAINT_GROUPS",
    "label_churn",
    "churn_durations",
    "kaplan_meier",
    "median_survival",
    "logrank_test",
    "LogRankResult",
    "churn_features",
    "churn_risk_model",
    "ChurnRiskModel",
    "gains_table",
    "complaint_metrics",
    "churn_by_complaint_outcome",
]
