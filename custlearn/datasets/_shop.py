"""Non-contractual scenarios: ``shop`` (online retailer) and ``cafe`` (café chain).

Both run the same BG/NBD purchase simulation (see :mod:`._sim`); ``cafe`` adds
a points membership that guests join themselves, heavier visitors more often
(self-selection), with a small known causal effect on the visit rate.

:func:`simulate` tells the company's story in steps, in this order; each step
draws only from its own core stream (:mod:`._streams`), and its docstring
names the effect it plants (the numbers of ``datasets/README.md``,
"Instructor section") and its parameters in :mod:`._params`.  The order of
the draws inside a stream is the data: see :mod:`._streams` before changing a
step, and :mod:`._addons` to add a column.
"""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pandas as pd

from custlearn._i18n import tr
from custlearn.datasets import _sim, _streams


def simulate(P: dict, n: int, seed: int, start: pd.Timestamp, end: pd.Timestamp, locale: str, progress: bool) -> _sim.World:
    """Simulate shop or cafe; the world's ``tables`` hold customers, orders, surveys, tickets and truth."""
    w = _sim.World(P, n, seed, start, end, _streams.core(seed, P["scenario"]))
    _who_the_customers_are(w, locale)
    _their_latent_habits(w)
    _who_joins_the_membership(w)
    _purchase_rounds(w, progress)
    _order_history(w)
    _what_they_spend(w)
    _what_they_buy(w)
    w.tables["orders"] = _orders_table(w)
    w.tables["tickets"] = _sim.tickets_table(w, w.ticket_log.order_id)
    w.tables["surveys"] = _who_answers_the_survey(w)
    w.tables["customers"] = _customers_table(w)
    w.tables["truth"] = _truth_table(w)
    return w


def _who_the_customers_are(w: _sim.World, locale: str) -> None:
    """Sign-ups, people, latent satisfaction (:func:`._sim.meet_the_customers`), prospects, acquisition.

    Plants the prospects who sign up and never buy (``prospect_share``) and
    the referrals and discount acquisition of README effect 4: a referrer is
    drawn with weight top + ``referral_base_weight`` (prospects never refer).
    Stream ``acq`` (sign-up, prospect, acquisition draws in this order).
    Sets ``w.signup``, ``w.people``, ``w.sat``, ``w.prospect``, ``w.acq``.
    """
    _sim.meet_the_customers(w, locale)
    rng = w.rngs["acq"]
    w.prospect = rng.random(w.n) < w.P["prospect_share"]
    weight = np.where(w.prospect, 0.0, w.sat["top"] + w.P["referral_base_weight"])
    w.acq = _sim.acquisition(w.n, rng, w.P, w.signup, weight)


def _their_latent_habits(w: _sim.World) -> None:
    """Each customer's purchase rate, dropout probability, spend level, return and ticket propensities.

    Plants BG/NBD purchase rates lambda ~ Gamma(``r``, ``alpha``) per week
    (README effect 1); p ~ Beta(``a``, ``b``) coupled to satisfaction and the
    welcome discount (effect 4, ``dropout_coupling``); the Gamma-Gamma spend
    level nu ~ Gamma(``gg_q``, ``gg_gamma``) (effect 2); return propensity
    ~ Beta(``return_prob_beta``) (effect 6); ticket propensity
    ~ Beta(``ticket_prob_beta``) (effect 5); the first purchase an
    Exponential(``first_purchase_delay_days``) after sign-up.  Stream ``proc``.
    Sets ``w.lam``, ``w.p0``, ``w.nu``, ``w.rho``, ``w.tau``, ``w.t0``.
    """
    rng, P, n = w.rngs["proc"], w.P, w.n
    w.lam = rng.gamma(P["r"], 1.0 / P["alpha"], n)  # per week
    w.p0 = _sim.couple_dropout(rng, P, w.sat["S"], w.sat["top"], w.acq["acquired_with_discount"].astype(float))
    w.nu = rng.gamma(P["gg_q"], 1.0 / P["gg_gamma"], n)
    w.rho = rng.beta(*P["return_prob_beta"], n)
    w.tau = rng.beta(*P["ticket_prob_beta"], n)
    w.t0 = w.signup + rng.exponential(P["first_purchase_delay_days"], n)


def _who_joins_the_membership(w: _sim.World) -> None:
    """cafe: who joins the points membership and when (self-selection, README effect 7).

    P(join) = logistic(``join_intercept`` + ``join_slope`` log(lambda /
    median lambda)): heavier guests join far more often; a guest joins an
    Exponential(``join_delay_weeks``) after the first visit; from then on the
    visit rate is multiplied by ``true_effect`` (all in ``membership``).
    Stream ``member``.  Sets ``w.join_t`` (inf: never) and ``w.effect``
    (shop: nobody joins, effect 1).
    """
    w.join_t = np.full(w.n, np.inf)
    w.effect = 1.0
    if not w.is_cafe:
        return
    mp, mrng = w.P["membership"], w.rngs["member"]
    w.effect = mp["true_effect"]
    med = np.median(w.lam) if w.n else 1.0
    pj = _sim.logistic(mp["join_intercept"] + mp["join_slope"] * np.log(np.maximum(w.lam, 1e-9) / med))
    joins = (mrng.random(w.n) < pj) & ~w.prospect
    w.join_t = np.where(joins, w.t0 + mrng.exponential(7.0 * mp["join_delay_weeks"], w.n), np.inf)


def _purchase_rounds(w: _sim.World, progress: bool) -> None:
    """When they buy and when they leave: one vectorised round per purchase of every customer still alive.

    Plants the BG/NBD process (README effect 1): a buyer is alive at the
    first purchase, waits Exponential(lambda) between purchases and drops out
    with probability p after each repeat purchase; complaints move p
    (:func:`_returns_and_tickets`, effect 5); cafe members buy faster from
    joining on (effect 7).  Stream ``loop`` (per round: returns, tickets,
    dropout, next purchase).  Sets ``w.churn_t``, ``w.first_outcome``,
    ``w.joined_at``, ``w.rounds`` (the orders in simulation order) and
    ``w.ticket_log`` (without order ids yet).
    """
    act = np.flatnonzero(~w.prospect & (w.t0 < w.H))
    alive = _alive(act, w.t0[act], w.p0[act].copy(), np.ones(len(act), dtype=bool), np.zeros(len(act), dtype=bool))
    w.churn_t = np.full(w.n, np.nan)
    w.first_outcome = np.full(w.n, "none", dtype=object)
    w.joined_at = np.full(w.n, np.inf)
    orders = {key: [] for key in ("customer", "t", "returned", "member", "first")}
    tickets = {key: [] for key in ("customer", "t", "order", "details")}
    n_orders = 0
    bar = _sim.progress_bar(progress, len(act), tr("simulating {scenario}", scenario=w.P["scenario"]))
    while len(alive.idx):
        returned = _returns_and_tickets(w, alive, tickets, n_orders)
        for key, values in zip(orders, (alive.idx, alive.t, returned, alive.joined.copy(), alive.first)):
            orders[key].append(values)
        n_orders += len(alive.idx)
        die, nxt = _dropout_and_next_purchase(w, alive)
        keep = ~die & (nxt < w.H)
        bar.update(int((~keep).sum()))
        alive = _alive(alive.idx[keep], nxt[keep], alive.p[keep], np.zeros(int(keep.sum()), dtype=bool), alive.joined[keep])
    bar.close()
    w.rounds = _sim.stacked(orders, customer=np.int64, returned=bool, member=bool, first=bool)
    w.ticket_log = _sim.stacked(tickets, customer=np.int64, order=np.int64)


def _alive(idx: np.ndarray, t: np.ndarray, p: np.ndarray, first: np.ndarray, joined: np.ndarray) -> SimpleNamespace:
    """The customers still alive in a round: position, time of this purchase, dropout probability, first purchase?, member?"""
    return SimpleNamespace(idx=idx, t=t, p=p, first=first, joined=joined)


def _returns_and_tickets(w: _sim.World, alive: SimpleNamespace, tickets: dict, n_orders: int) -> np.ndarray:
    """One round's returns, service tickets and the complaints' effect on dropout; returns the returned flags.

    ``n_orders`` orders came before this round (a ticket's ``order`` is the
    position of its order in simulation order).
    A purchase is returned with the customer's propensity rho; a ticket
    follows with probability tau + ``ticket_prob_if_returned`` x returned,
    Exponential(1.5 days) later.  Service recovery (README effect 5): a
    complaint changes the customer's p by its outcome
    (:func:`._sim.apply_complaint`, ``tickets["dropout_multiplier"]``).
    """
    rng, act, m = w.rngs["loop"], alive.idx, len(alive.idx)
    ret = rng.random(m) < w.rho[act]
    has_ticket = rng.random(m) < w.tau[act] + w.P["ticket_prob_if_returned"] * ret
    tk = np.flatnonzero(has_ticket)
    if len(tk):
        det = _sim.ticket_details(rng, w.P, ret[tk], w.sat["S"][act[tk]])
        tt = alive.t[tk] + rng.exponential(1.5, len(tk))
        for key, values in zip(tickets, (act[tk], tt, n_orders + tk, det)):
            tickets[key].append(values)
        comp = det["is_complaint"] & (tt < w.H)
        ci = tk[comp]
        alive.p[ci] = _sim.apply_complaint(w.P, alive.p[ci], det["outcome"][comp])
        _sim.note_first_complaint(w.first_outcome, act[tk], tt, det, w.W)
    return ret


def _dropout_and_next_purchase(w: _sim.World, alive: SimpleNamespace) -> tuple[np.ndarray, np.ndarray]:
    """Who drops out after this purchase (never at the first) and when the others buy next.

    BG/NBD (README effect 1): dropout with probability p after a repeat
    purchase, next purchase an Exponential(lambda) later.  cafe (effect 7):
    a guest whose join time falls before the next visit buys at the member
    rate (x ``membership["true_effect"]``) from joining on (memoryless).
    """
    rng, act, m = w.rngs["loop"], alive.idx, len(alive.idx)
    die = ~alive.first & (rng.random(m) < alive.p)
    w.churn_t[act[die]] = alive.t[die]
    rate = w.lam[act] / 7.0 * np.where(alive.joined, w.effect, 1.0)
    nxt = alive.t + rng.exponential(1.0, m) / rate
    if w.is_cafe:
        jt = w.join_t[act]
        cross = ~alive.joined & (jt > alive.t) & (jt <= nxt) & ~die
        # memoryless: from the join time on, the member's rate applies
        nxt = np.where(cross, jt + rng.exponential(1.0, m) / (rate * w.effect), nxt)
        alive.joined = alive.joined | cross
        w.joined_at[act[cross]] = jt[cross]
    return die, nxt


def _order_history(w: _sim.World) -> None:
    """Every order of the simulation in date order (ties by customer), and the order each ticket is about.

    No random draws.  Sets ``w.purchases`` (``customer``, ``t``,
    ``returned``, ``member``, ``first``, ``inwin``: inside the window) and
    ``w.ticket_log.order_id`` (0 for an order after the window).
    """
    r = w.rounds
    order = np.lexsort((r.customer, r.t))  # chronological, ties by customer
    pos_of_raw = np.empty(len(order), dtype=np.int64)
    pos_of_raw[order] = np.arange(len(order))
    t = r.t[order]
    w.purchases = SimpleNamespace(customer=r.customer[order], t=t, returned=r.returned[order], member=r.member[order], first=r.first[order], inwin=t < w.W)
    oid_of_pos = np.where(w.purchases.inwin, np.cumsum(w.purchases.inwin), 0)
    w.ticket_log.order_id = oid_of_pos[pos_of_raw[w.ticket_log.order]]


def _what_they_spend(w: _sim.World) -> None:
    """What each order costs: Gamma-Gamma list price, promotions, welcome and points discounts.

    Plants the Gamma-Gamma spend (README effect 2: z ~ Gamma(``gg_p``, nu));
    promotions (``promo_prob``, ``promo_rate_range``); the welcome discount
    on the first order of discount-acquired customers
    (``welcome_discount_rate``, effect 4); cafe points discounts on member
    visits (``membership["points_redeem_prob"]``, ``points_discount``).
    Stream ``orders`` (its first draws).  Sets ``w.purchases.amount`` and
    ``.discount``.
    """
    rng, P, pur = w.rngs["orders"], w.P, w.purchases
    M = len(pur.customer)
    listp = rng.gamma(P["gg_p"], 1.0, M) / w.nu[pur.customer]
    disc = np.zeros(M)
    promo = rng.random(M) < P["promo_prob"]
    lo, hi = P["promo_rate_range"]
    disc = np.where(promo, listp * rng.uniform(lo, hi, M), disc)
    welcome = pur.first & w.acq["acquired_with_discount"][pur.customer]
    disc = np.where(welcome, listp * P["welcome_discount_rate"], disc)
    if w.is_cafe:
        mp = P["membership"]
        pts = pur.member & (rng.random(M) < mp["points_redeem_prob"])
        disc = np.where(pts & ~welcome, np.minimum(mp["points_discount"], 0.5 * listp), disc)
    listp = np.round(np.maximum(listp, 0.5), 2)
    pur.discount = np.round(np.minimum(disc, listp - 0.01), 2)
    pur.amount = np.round(listp - pur.discount, 2)


def _what_they_buy(w: _sim.World) -> None:
    """Each order's category and margin, items, channel and return cost.

    Customers mostly buy their favourite category (``favourite_category_share``);
    margin = (amount + discount) x category rate - discount (``categories``,
    README effect 6); cafe delivery orders come through the delivery channel;
    a returned order costs ``return_cost_fixed`` + ``return_cost_rate`` x
    amount (effect 6).  Stream ``orders`` (after :func:`_what_they_spend`).
    Sets ``w.purchases.category``, ``.margin``, ``.items``, ``.channel``,
    ``.return_cost``.
    """
    rng, P, pur, n = w.rngs["orders"], w.P, w.purchases, w.n
    M, oc = len(pur.customer), pur.customer
    cats = list(P["categories"])
    rates = np.array([P["categories"][c] for c in cats])
    fav = rng.integers(0, len(cats), n)
    cat_i = np.where(rng.random(M) < P["favourite_category_share"], fav[oc], rng.integers(0, len(cats), M))
    pur.category = np.array(cats, dtype=object)[cat_i]
    pur.margin = np.round((pur.amount + pur.discount) * rates[cat_i] - pur.discount, 2)
    pur.items = 1 + rng.poisson(pur.amount / (10.0 if w.is_cafe else 60.0))
    pref = rng.beta(1.2, 1.8, n)
    if w.is_cafe:
        ch_i = np.where(rng.random(M) < pref[oc] * 0.6, 1, 0)
        ch_i = np.where(np.array(cats)[cat_i] == "delivery", 2, ch_i)
    else:
        ch_i = (rng.random(M) < pref[oc]).astype(np.int64)
    pur.channel = np.array(P["order_channels"], dtype=object)[ch_i]
    pur.return_cost = np.where(pur.returned, np.round(P["return_cost_fixed"] + P["return_cost_rate"] * pur.amount, 2), 0.0)


def _orders_table(w: _sim.World) -> pd.DataFrame:
    """The orders (cafe: visits) inside the window."""
    pur = w.purchases
    return _sim.orders_table(w, {
        "amount": pur.amount,
        "items": pur.items.astype(np.int64),
        "category": pur.category,
        "discount": pur.discount,
        "channel": pur.channel,
        "returned": pur.returned,
        "margin": pur.margin,
        "return_cost": pur.return_cost,
    })


def _who_answers_the_survey(w: _sim.World) -> pd.DataFrame:
    """Who answers the survey, when, and what they answer.

    ``survey_share`` of the buyers in the window answer once, a few days
    (Exponential, mean 4) after one of their orders chosen at random; the
    answers plant README effects 3 and 4 (:func:`._sim.surveys`).  Stream
    ``survey`` (respondents, order, delay, answers).
    """
    srng, pur, n = w.rngs["survey"], w.purchases, w.n
    wc, wt = pur.customer[pur.inwin], pur.t[pur.inwin]
    buyers = np.flatnonzero(np.bincount(wc, minlength=n) > 0)
    resp = np.sort(buyers[srng.random(len(buyers)) < w.P["survey_share"]])
    if len(resp):
        by = np.lexsort((wt, wc))
        sc, st = wc[by], wt[by]
        first_i = np.searchsorted(sc, resp, side="left")
        cnt = np.searchsorted(sc, resp, side="right") - first_i
        pick_i = first_i + np.floor(srng.random(len(resp)) * cnt).astype(np.int64)
        sday = np.minimum(np.floor(st[pick_i] + srng.exponential(4.0, len(resp))), w.W - 1)
    else:
        sday = np.zeros(0)
    ans = _sim.surveys(srng, w.P, resp, w.sat, w.had_ticket)
    return _sim.surveys_table(w.start64, resp, sday, ans)


def _customers_table(w: _sim.World) -> pd.DataFrame:
    """The customers table; cafe adds who is a member at the end of the window and since when."""
    if not w.is_cafe:
        return _sim.customers_table(w)
    member = w.joined_at < w.W
    return _sim.customers_table(w, is_member=member, member_since=_sim.dates_or_missing(w.start64, w.joined_at, member))


def _truth_table(w: _sim.World) -> pd.DataFrame:
    """The instructor's truth: each customer's latent values (cafe: also the membership's true effect)."""
    truth = _sim.truth_table(
        w, w.churn_t, w.purchases.amount,
        is_prospect=w.prospect,
        purchase_rate=np.round(w.lam, 6),
        dropout_prob=np.round(w.p0, 6),
        alive_at_end=~w.prospect & ~(w.churn_t < w.W),
        spend_mean=np.round(w.P["gg_p"] / w.nu, 4),
        return_prob=np.round(w.rho, 6),
        ticket_prob=np.round(w.tau, 6),
    )
    if w.is_cafe:
        truth["pre_join_rate"] = np.round(w.lam, 6)
        truth["true_member_effect"] = np.where(np.isfinite(w.join_t), w.effect, 1.0)
        truth["joined_at"] = _sim.dates_or_missing(w.start64, w.joined_at, np.isfinite(w.joined_at))
    return truth
