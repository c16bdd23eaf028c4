"""Lesson 06 — customer service management (客户服务管理, deck 001 chapter 7; decks 002, 004).

Deck 001 defines customer service as giving the right customer the right
product and service at the right time, place, price and manner
(在合适的时间和合适的场合,以合适的价格和合适的方式向合适的客户提供合适的产品和服务),
classifies services six ways, and lists what pre-, in- and after-sale
service contain. Deck 002 asks for a closed information loop with a time
limit and a named owner at every step, and decks 002 and 004 for the people
who serve (training, pay, working conditions). This module measures each of
them on the tickets, the bank's offices and staff, and the key accounts:

=================================================  ==========================================
Question                                           Function
=================================================  ==========================================
What kind of service is each contact? (6 ways)     :func:`classify_services`
How does the service split by a classification?    :func:`service_mix`
How fast and how well is it served? (KPIs)         :func:`service_kpis`
Closed within the time limit of its stage?         :func:`time_limit_attainment`
What is still open on a day? (backlog)             :func:`backlog`
The closed loop, per owner and stage               :func:`closed_loop`
Complaint handling: speed, FCR, recovery           :func:`complaint_metrics`
Churn by how the first complaint ended             :func:`churn_by_complaint_outcome`
Who are the key accounts? (by value, lesson 05)    :func:`key_accounts`
Are key accounts served better, do they stay?      :func:`key_account_service`
The people who serve: satisfaction by group        :func:`staff_satisfaction`
One row per office: the service-profit chain       :func:`office_table`
The staff effect, naive and adjusted               :func:`service_profit_chain`
What 20-40 offices can show                        :func:`detectable_correlation`
=================================================  ==========================================

Constants: :data:`SERVICE_CLASSIFICATIONS` (deck 001's six ways, quoted,
with the labels used) and :data:`COMPLAINT_GROUPS` (the groups of
:func:`churn_by_complaint_outcome`, best to worst). Result:
:class:`ServiceProfitChain`.

Use::

    from custlearn import datasets, service
    shop, bank = datasets.load("shop"), datasets.load("bank")
    service.service_mix(service.classify_services(shop.tickets), "timing")
    service.closed_loop(shop.tickets)
    offices = service.office_table(bank.customers, bank.staff, offices=bank.offices, surveys=bank.surveys)
    print(service.service_profit_chain(offices))

Every table is read once, at the door, by the course's one rule
(:mod:`custlearn._tables`). Complaint handling moved here from
:mod:`custlearn.churn` (issue 19); the old names there still work for one
release. Key accounts are found with lesson 05's
:func:`custlearn.value.clv_historical`, the one lesson this module builds on.
Charts for this lesson are in ``custlearn.plots`` (``service_mix_chart``,
``closed_loop_chart``, ``complaint_churn_chart``, ``key_account_chart``,
``service_profit_chain_chart``, ``chain_estimates_chart``). scipy is
imported inside the functions that need it.
"""

from custlearn._recovery import COMPLAINT_GROUPS
from custlearn.service._chain import (
    ServiceProfitChain,
    detectable_correlation,
    office_table,
    service_profit_chain,
    staff_satisfaction,
)
from custlearn.service._classify import SERVICE_CLASSIFICATIONS, classify_services, service_mix
from custlearn.service._complaints import churn_by_complaint_outcome, complaint_metrics
from custlearn.service._key_accounts import key_account_service, key_accounts
from custlearn.service._kpis import backlog, closed_loop, service_kpis, time_limit_attainment

__all__ = [
    "SERVICE_CLASSIFICATIONS",
    "COMPLAINT_GROUPS",
    "classify_services",
    "service_mix",
    "service_kpis",
    "time_limit_attainment",
    "backlog",
    "closed_loop",
    "complaint_metrics",
    "churn_by_complaint_outcome",
    "key_accounts",
    "key_account_service",
    "staff_satisfaction",
    "office_table",
    "service_profit_chain",
    "ServiceProfitChain",
    "detectable_correlation",
]
