"""The contractual scenario ``bank``: accounts open at sign-up and close observably.

Monthly steps, vectorised over all open accounts: transactions arrive as a
Poisson process (rate per customer ~ Gamma), service tickets arrive, and the
account closes with a monthly hazard

    h_i = base * exp(-b_att * z_att_i - b_kn * z_kn_i) * 1.5 ** discount_i * C_i(t)

where z_att and z_kn are the latent staff attitude and product knowledge the
customer experiences (their survey items ``staff_attitude`` and
``product_knowledge`` measure them) and C_i(t) multiplies by the outcome of
every complaint so far (unresolved worst, well resolved slightly protective).

:func:`simulate` tells the bank's story in steps, in this order; each step
draws only from its own core stream (:mod:`._streams`), and its docstring
names the effect it plants (README "Instructor section", effect 8) and its
parameters in :mod:`._params`.  See :mod:`._addons` to add a column.
"""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pandas as pd

from custlearn._i18n import tr
from custlearn.datasets import _sim, _streams
from custlearn.datasets._params import DIMENSIONS

PERIOD = 365.25 / 12.0  # days in a month
BANK_TICKET_CATEGORIES = {
    "late delivery": "card delivery delay",
    "damaged or wrong item": "wrong charge",
    "installation/service problem": "online banking problem",
}


def simulate(P: dict, n: int, seed: int, start: pd.Timestamp, end: pd.Timestamp, locale: str, progress: bool) -> _sim.World:
    """Simulate the bank; the world's ``tables`` hold customers, orders (transactions), surveys, tickets and truth."""
    w = _sim.World(P, n, seed, start, end, _streams.core(seed, "bank"))
    _who_opens_an_account(w, locale)
    _how_the_staff_treat_them(w)
    _their_banking_habits(w)
    _months(w, progress)
    _transaction_history(w)
    _what_the_transactions_are(w)
    _what_the_bank_earns(w)
    w.tables["orders"] = _transactions_table(w)
    w.tables["tickets"] = _tickets_table(w)
    w.tables["surveys"] = _who_answers_the_survey(w)
    w.tables["customers"] = _customers_table(w)
    w.tables["truth"] = _truth_table(w)
    return w


def _who_opens_an_account(w: _sim.World, locale: str) -> None:
    """Sign-ups (:func:`._sim.meet_the_customers`), acquisition, product and home branch.

    Accounts open at the start of the sign-up day; everyone is a customer
    (no prospects); referrals and discount acquisition as in README effect 4
    (``referral_base_weight``, ``discount_prob_by_channel``); the product by
    ``products``; 12 branches named after the pool's first cities, weighted
    1 / rank^0.7.  Stream ``acq``.  Sets ``w.signup``, ``w.people``,
    ``w.sat``, ``w.acq``, ``w.product``, ``w.branch``.
    """
    pools = _sim.meet_the_customers(w, locale)
    rng, n = w.rngs["acq"], w.n
    w.signup = np.floor(w.signup)  # accounts open at the start of the sign-up day
    weight = w.sat["top"] + w.P["referral_base_weight"]
    w.acq = _sim.acquisition(n, rng, w.P, w.signup, weight)
    w.product = _sim.pick(rng, w.P["products"], n)
    k = min(12, len(pools.cities))
    bw = 1.0 / np.arange(1, k + 1) ** 0.7
    w.branch = pools.cities[:k][rng.choice(k, size=n, p=bw / bw.sum())]


def _how_the_staff_treat_them(w: _sim.World) -> None:
    """The staff attitude and product knowledge each customer experiences (README effect 8).

    Latent z-scores correlated 0.75 with the customer's true empathy and
    assurance perceptions (``satisfaction["perception_mean"]``,
    ``perception_sd``).  Stream ``proc`` (its first draws).  Sets
    ``w.z_att``, ``w.z_kn``.
    """
    rng, sp, n = w.rngs["proc"], w.P["satisfaction"], w.n
    z = {d: (w.sat["per"][d] - sp["perception_mean"][d]) / sp["perception_sd"] for d in DIMENSIONS}
    w.z_att = 0.75 * z["empathy"] + np.sqrt(1 - 0.75**2) * rng.normal(size=n)
    w.z_kn = 0.75 * z["assurance"] + np.sqrt(1 - 0.75**2) * rng.normal(size=n)


def _their_banking_habits(w: _sim.World) -> None:
    """Transactions per month, amount scale, base closure hazard and ticket propensity.

    Transactions per month ~ Gamma(``tx_per_month_shape``, mean
    ``tx_per_month_mean``); closure hazard (README effect 8)
    ``closure_base_hazard`` x exp(-``closure_beta_staff_attitude`` z_att -
    ``closure_beta_product_knowledge`` z_kn) x 1.5 if acquired with a
    discount (capped at 0.9); tickets in ``ticket_prob_per_month`` of
    months, + ``ticket_prob_low_attitude_add`` when z_att < -0.5.  Stream
    ``proc`` (after :func:`_how_the_staff_treat_them`).  Sets ``w.lam_m``,
    ``w.scale``, ``w.svc``, ``w.h0``, ``w.tau``.
    """
    rng, P, n = w.rngs["proc"], w.P, w.n
    w.lam_m = rng.gamma(P["tx_per_month_shape"], P["tx_per_month_mean"] / P["tx_per_month_shape"], n)
    w.scale = rng.lognormal(-0.125, 0.5, n)  # customer's amount scale
    w.svc = -P["closure_beta_staff_attitude"] * w.z_att - P["closure_beta_product_knowledge"] * w.z_kn
    w.h0 = np.minimum(P["closure_base_hazard"] * np.exp(w.svc) * np.where(w.acq["acquired_with_discount"], 1.5, 1.0), 0.9)
    w.tau = np.clip(P["ticket_prob_per_month"] + P["ticket_prob_low_attitude_add"] * (w.z_att < -0.5), 0, 1)


def _months(w: _sim.World, progress: bool) -> None:
    """Month by month, for every open account: closure, transactions, tickets, why it closed.

    Plants README effect 8: the monthly closure hazard h0 x C, where C
    multiplies by ``closure_complaint_multiplier`` for every complaint
    (capped at 20, hazard capped at 0.95); nothing happens after a closure.
    Stream ``loop`` (per month: closure, closure day, transactions, tickets,
    cause).  Sets ``w.closed`` (day, NaN: open), ``w.cause``,
    ``w.first_outcome``, ``w.rounds`` (transactions in simulation order) and
    ``w.ticket_log``.
    """
    rng, n = w.rngs["loop"], w.n
    act, t = np.arange(n), w.signup.copy()
    w.cm = np.ones(n)  # complaint multiplier C of the hazard
    w.bad = np.full(n, "", dtype=object)  # the last complaint outcome worse than resolved_well
    w.first_outcome = np.full(n, "none", dtype=object)
    w.closed = np.full(n, np.nan)
    w.cause = np.full(n, "none", dtype=object)
    transactions = {key: [] for key in ("customer", "t", "first")}
    tickets = {key: [] for key in ("customer", "t", "details")}
    bar = _sim.progress_bar(progress, n, tr("simulating {scenario}", scenario="bank"))
    while len(act):
        m, tc = len(act), t[act]
        h = np.minimum(w.h0[act] * w.cm[act], 0.95)
        close = rng.random(m) < h
        ct = np.where(close, tc + rng.random(m) * PERIOD, np.inf)
        _month_transactions(w, act, tc, ct, transactions)
        _month_tickets(w, act, tc, ct, tickets)
        _why_they_closed(w, act[close], ct[close])
        t[act] = tc + PERIOD
        keep = ~close & (t[act] < w.H)
        bar.update(int((~keep).sum()))
        act = act[keep]
    bar.close()
    w.rounds = _sim.stacked(transactions, customer=np.int64, first=bool)
    w.ticket_log = _sim.stacked(tickets, customer=np.int64)


def _month_transactions(w: _sim.World, act: np.ndarray, tc: np.ndarray, ct: np.ndarray, transactions: dict) -> None:
    """This month's transactions: Poisson(m_i) at uniform times, none after the closure; flags each customer's first of the month."""
    rng = w.rngs["loop"]
    cnt = rng.poisson(w.lam_m[act])
    rep = np.repeat(np.arange(len(act)), cnt)
    tt = tc[rep] + rng.random(len(rep)) * PERIOD
    ok = tt < np.minimum(ct[rep], w.H)
    rep, tt = rep[ok], tt[ok]
    ordr = np.lexsort((tt, rep))
    rep, tt = rep[ordr], tt[ordr]
    firstm = np.ones(len(rep), dtype=bool)
    firstm[1:] = rep[1:] != rep[:-1]
    for key, values in zip(transactions, (act[rep], tt, firstm)):
        transactions[key].append(values)


def _month_tickets(w: _sim.World, act: np.ndarray, tc: np.ndarray, ct: np.ndarray, tickets: dict) -> None:
    """This month's service tickets and what complaints do to the closure hazard (README effect 8).

    A ticket with probability tau, at a uniform time before any closure;
    each complaint multiplies C by ``closure_complaint_multiplier`` of its
    outcome (capped at 20).
    """
    rng, mult = w.rngs["loop"], w.P["closure_complaint_multiplier"]
    tk = np.flatnonzero(rng.random(len(act)) < w.tau[act])
    ttk = tc[tk] + rng.random(len(tk)) * PERIOD
    okk = ttk < np.minimum(ct[tk], w.H)
    tk, ttk = tk[okk], ttk[okk]
    if not len(tk):
        return
    det = _sim.ticket_details(rng, w.P, np.zeros(len(tk), dtype=bool), w.sat["S"][act[tk]])
    for key, values in zip(tickets, (act[tk], ttk, det)):
        tickets[key].append(values)
    comp = det["is_complaint"]
    ci = act[tk[comp]]
    oc = det["outcome"][comp]
    w.cm[ci] = np.minimum(w.cm[ci] * np.array([mult[o] for o in oc]), 20.0)
    worse = oc != "resolved_well"
    w.bad[ci[worse]] = oc[worse]
    _sim.note_first_complaint(w.first_outcome, act[tk], ttk, det, w.W)


def _why_they_closed(w: _sim.World, ci: np.ndarray, ctc: np.ndarray) -> None:
    """The day and the cause of this month's closures (``truth.closure_cause``).

    The cause is drawn by the share of the hazard due to complaints
    ((C - 1) / C), to service (attitude and knowledge below average) and
    the rest ("other").
    """
    w.closed[ci] = ctc
    u = w.rngs["loop"].random(len(ci))
    cmc = w.cm[ci]
    pc = np.maximum(cmc - 1.0, 0.0) / cmc
    es = np.exp(w.svc[ci])
    ps = (1.0 - pc) * np.maximum(es - 1.0, 0.0) / es
    lab = np.where(w.bad[ci] == "unresolved", "complaint_unresolved", "complaint_poor")
    w.cause[ci] = np.where(u < pc, lab, np.where(u < pc + ps, "service", "other"))


def _transaction_history(w: _sim.World) -> None:
    """Every transaction of the simulation in date order (ties by customer).  No random draws.

    Sets ``w.purchases`` (``customer``, ``t``, ``first``: the customer's
    first of its month, ``inwin``: inside the window).
    """
    r = w.rounds
    order = np.lexsort((r.customer, r.t))
    t = r.t[order]
    w.purchases = SimpleNamespace(customer=r.customer[order], t=t, first=r.first[order], inwin=t < w.W)


def _what_the_transactions_are(w: _sim.World) -> None:
    """Each transaction's type and amount.

    Types card payment 55 %, transfer 15 %, bill payment 12 %, ATM 10 %,
    deposit 8 % (``categories``); amount ~ Lognormal(``amount_lognormal``)
    x the customer's scale (deposits x 8), at least 1.  Stream ``orders``
    (its first draws).  Sets ``w.purchases.cat_i`` (type index) and
    ``.amount``.
    """
    rng, P, pur = w.rngs["orders"], w.P, w.purchases
    M = len(pur.customer)
    cats = list(P["categories"])
    pur.cat_i = rng.choice(len(cats), size=M, p=np.array([0.55, 0.15, 0.12, 0.10, 0.08]))
    mu, sg = P["amount_lognormal"]
    amount = rng.lognormal(mu, sg, M) * w.scale[pur.customer] * np.where(np.array(cats)[pur.cat_i] == "deposit", 8.0, 1.0)
    pur.amount = np.round(np.maximum(amount, 1.0), 2)


def _what_the_bank_earns(w: _sim.World) -> None:
    """Fees (10 % waived), interchange, the account's monthly margin, channel and reversals.

    margin = interchange (``categories`` rate x amount) + fee
    (``fee_by_category``) - waived fee + ``monthly_account_margin`` of the
    product on the customer's first transaction of a month; 0.3 % of
    transactions are reversed (their interchange is lost, cost 5 USD; README
    effect 6).  Channel app 55 %, web 25 %, branch 20 %, ATM withdrawals at
    the ATM.  Stream ``orders`` (after :func:`_what_the_transactions_are`).
    Sets ``w.purchases.discount``, ``.margin``, ``.channel``,
    ``.returned``, ``.return_cost``.
    """
    rng, P, pur = w.rngs["orders"], w.P, w.purchases
    M, cats = len(pur.customer), list(P["categories"])
    fee = np.array([P["fee_by_category"][c] for c in cats])[pur.cat_i]
    waived = (fee > 0) & (rng.random(M) < 0.1)
    pur.discount = np.where(waived, fee, 0.0)
    inter = np.array([P["categories"][c] for c in cats])[pur.cat_i] * pur.amount
    acct = np.array([P["monthly_account_margin"][p] for p in w.product])[pur.customer] * pur.first
    margin = np.round(inter + fee - pur.discount + acct, 2)
    ch_i = rng.choice(3, size=M, p=[0.55, 0.25, 0.20])
    ch_i = np.where(np.array(cats)[pur.cat_i] == "atm withdrawal", 3, ch_i)
    pur.channel = np.array(P["order_channels"], dtype=object)[ch_i]
    pur.returned = rng.random(M) < 0.003
    pur.return_cost = np.where(pur.returned, 5.0, 0.0)
    pur.margin = np.where(pur.returned, np.round(margin - inter, 2), margin)


def _transactions_table(w: _sim.World) -> pd.DataFrame:
    """The transactions inside the window (the bank's ``orders`` table; one item each)."""
    pur = w.purchases
    return _sim.orders_table(w, {
        "amount": pur.amount,
        "items": np.ones(len(pur.customer), dtype=np.int64),
        "category": np.array(list(w.P["categories"]), dtype=object)[pur.cat_i],
        "discount": np.round(pur.discount, 2),
        "channel": pur.channel,
        "returned": pur.returned,
        "margin": pur.margin,
        "return_cost": pur.return_cost,
    })


def _tickets_table(w: _sim.World) -> pd.DataFrame:
    """The tickets inside the window, in the bank's words; a bank ticket is about no single transaction."""
    tickets = _sim.tickets_table(w, np.zeros(len(w.ticket_log.customer), dtype=np.int64))
    tickets["category"] = tickets["category"].replace(BANK_TICKET_CATEGORIES)
    return tickets


def _who_answers_the_survey(w: _sim.World) -> pd.DataFrame:
    """Who answers the survey, when, and what they answer, with the two staff items (README effect 8).

    ``survey_share`` of customers answer once, on a uniform day while the
    account was open in the window; answers as :func:`._sim.surveys`, plus
    ``staff_attitude`` = 4.7 + 1.2 z_att + noise and ``product_knowledge`` =
    4.9 + 1.1 z_kn + noise (1-7).  Stream ``survey``.
    """
    srng, n = w.rngs["survey"], w.n
    resp = np.flatnonzero(srng.random(n) < w.P["survey_share"])
    last = np.minimum(np.nan_to_num(w.closed, nan=np.inf), w.W - 1)
    resp = resp[last[resp] > w.signup[resp]]
    sday = np.floor(w.signup[resp] + srng.random(len(resp)) * (last[resp] - w.signup[resp]))
    ans = _sim.surveys(srng, w.P, resp, w.sat, w.had_ticket)
    ans["staff_attitude"] = _sim.clip_round(4.7 + 1.2 * w.z_att[resp] + srng.normal(0, 0.8, len(resp)), 1, 7)
    ans["product_knowledge"] = _sim.clip_round(4.9 + 1.1 * w.z_kn[resp] + srng.normal(0, 0.8, len(resp)), 1, 7)
    return _sim.surveys_table(w.start64, resp, sday, ans)


def _customers_table(w: _sim.World) -> pd.DataFrame:
    """The customers table with product, home branch, and the account's opening and closing days."""
    return _sim.customers_table(
        w,
        product=w.product,
        branch=w.branch,
        account_opened=_sim.to_dates(w.start64, w.signup),
        account_closed=_sim.dates_or_missing(w.start64, w.closed, w.closed < w.W),
    )


def _truth_table(w: _sim.World) -> pd.DataFrame:
    """The instructor's truth: latent values, the closure's cause, the staff attitude and knowledge experienced."""
    n, closed = w.n, w.closed
    mu, sg = w.P["amount_lognormal"]
    truth = _sim.truth_table(
        w, closed, w.purchases.margin,
        is_prospect=np.zeros(n, dtype=bool),
        purchase_rate=np.round(w.lam_m * 12.0 / 52.0, 6),
        dropout_prob=np.round(w.h0, 6),
        alive_at_end=~(closed < w.W),
        spend_mean=np.round(np.exp(mu + sg**2 / 2) * w.scale, 4),
        return_prob=np.full(n, 0.003),
        ticket_prob=np.round(w.tau, 6),
    )
    truth["closure_cause"] = np.where((closed < w.W) | ~np.isnan(closed), w.cause, "none")
    truth["true_staff_attitude"] = np.round(w.z_att, 4)
    truth["true_product_knowledge"] = np.round(w.z_kn, 4)
    return truth
