"""Non-contractual scenarios: ``shop`` (online retailer) and ``cafe`` (restaurant chain).

Both run the same BG/NBD purchase simulation (see :mod:`._sim`); ``cafe`` adds
a points membership that guests join themselves, heavier visitors more often
(self-selection), with a small known causal effect on the visit rate.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from custlearn.datasets import _people, _sim


def simulate(P: dict, n: int, seed: int, start: pd.Timestamp, end: pd.Timestamp, locale: str, progress: bool) -> dict:
    """Return ``{"tables": {...}, "truth": DataFrame}`` for shop or cafe."""
    rngs = _sim.spawn(seed, ["people", "sat", "acq", "proc", "loop", "orders", "survey", "member"])
    is_cafe = P["scenario"] == "cafe"
    start64 = np.datetime64(start.date(), "D")
    W = float((end - start).days + 1)  # observation window [0, W) in days
    H = W + 7.0 * P["horizon_weeks"]  # simulation horizon

    # ---- customers ---------------------------------------------------------
    rng = rngs["acq"]
    signup = np.sort(rng.random(n) * W)
    pools = _people.Pools(locale, seed)
    ppl = _sim.people(n, rngs["people"], pools)
    sat = _sim.satisfaction(n, rngs["sat"], P)
    prospect = rng.random(n) < P["prospect_share"]
    weight = np.where(prospect, 0.0, sat["top"] + P["referral_base_weight"])
    acq = _sim.acquisition(n, rng, P, signup, weight)
    discount_acq = acq["acquired_with_discount"]

    # ---- latent purchase process --------------------------------------------
    rng = rngs["proc"]
    lam = rng.gamma(P["r"], 1.0 / P["alpha"], n)  # per week
    p0 = _sim.couple_dropout(rng, P, sat["S"], sat["top"], discount_acq.astype(float))
    nu = rng.gamma(P["gg_q"], 1.0 / P["gg_gamma"], n)
    rho = rng.beta(*P["return_prob_beta"], n)
    tau = rng.beta(*P["ticket_prob_beta"], n)
    t0 = signup + rng.exponential(P["first_purchase_delay_days"], n)
    join_t = np.full(n, np.inf)
    effect = 1.0
    if is_cafe:
        mp = P["membership"]
        effect = mp["true_effect"]
        mrng = rngs["member"]
        med = np.median(lam) if n else 1.0
        pj = _sim.logistic(mp["join_intercept"] + mp["join_slope"] * np.log(np.maximum(lam, 1e-9) / med))
        joins = (mrng.random(n) < pj) & ~prospect
        join_t = np.where(joins, t0 + mrng.exponential(7.0 * mp["join_delay_weeks"], n), np.inf)

    # ---- purchase rounds (vectorised over customers still alive) -----------
    rng = rngs["loop"]
    act = np.flatnonzero(~prospect & (t0 < H))
    a_t = t0[act]
    a_p = p0[act].copy()
    a_first = np.ones(len(act), dtype=bool)
    a_joined = np.zeros(len(act), dtype=bool)
    churn_t = np.full(n, np.nan)
    first_outcome = np.full(n, "none", dtype=object)
    joined_at = np.full(n, np.inf)
    o_idx, o_t, o_ret, o_member, o_first = [], [], [], [], []
    k_idx, k_t, k_ord, k_det = [], [], [], []
    n_orders = 0
    bar = None
    if progress:
        from tqdm.auto import tqdm

        bar = tqdm(total=len(act), desc=f"simulating {P['scenario']}", unit="customer")
    while len(act):
        m = len(act)
        o_idx.append(act)
        o_t.append(a_t)
        o_member.append(a_joined.copy())
        o_first.append(a_first)
        ret = rng.random(m) < rho[act]
        o_ret.append(ret)
        has_ticket = rng.random(m) < tau[act] + P["ticket_prob_if_returned"] * ret
        tk = np.flatnonzero(has_ticket)
        if len(tk):
            det = _sim.ticket_details(rng, P, ret[tk], sat["S"][act[tk]])
            tt = a_t[tk] + rng.exponential(1.5, len(tk))
            k_idx.append(act[tk])
            k_t.append(tt)
            k_ord.append(n_orders + tk)
            k_det.append(det)
            comp = det["is_complaint"] & (tt < H)
            ci = tk[comp]
            a_p[ci] = _sim.apply_complaint(P, a_p[ci], det["outcome"][comp])
            first = comp & (tt < W) & (first_outcome[act[tk]] == "none")
            first_outcome[act[tk[first]]] = det["outcome"][first]
        n_orders += m
        # dropout after a repeat purchase (BG/NBD: alive for sure at the first one)
        die = ~a_first & (rng.random(m) < a_p)
        churn_t[act[die]] = a_t[die]
        rate = lam[act] / 7.0 * np.where(a_joined, effect, 1.0)
        nxt = a_t + rng.exponential(1.0, m) / rate
        if is_cafe:
            jt = join_t[act]
            cross = ~a_joined & (jt > a_t) & (jt <= nxt) & ~die
            # memoryless: from the join time on, the member's rate applies
            nxt = np.where(cross, jt + rng.exponential(1.0, m) / (rate * effect), nxt)
            a_joined = a_joined | cross
            joined_at[act[cross]] = jt[cross]
        keep = ~die & (nxt < H)
        if bar is not None:
            bar.update(int((~keep).sum()))
        act, a_t, a_p, a_first, a_joined = act[keep], nxt[keep], a_p[keep], np.zeros(int(keep.sum()), dtype=bool), a_joined[keep]
    if bar is not None:
        bar.close()

    oc = np.concatenate(o_idx) if o_idx else np.zeros(0, dtype=np.int64)
    ot = np.concatenate(o_t) if o_t else np.zeros(0)
    oret = np.concatenate(o_ret) if o_ret else np.zeros(0, dtype=bool)
    omem = np.concatenate(o_member) if o_member else np.zeros(0, dtype=bool)
    ofirst = np.concatenate(o_first) if o_first else np.zeros(0, dtype=bool)

    # ---- order attributes ----------------------------------------------------
    rng = rngs["orders"]
    M = len(oc)
    order = np.lexsort((oc, ot))  # chronological, ties by customer
    pos_of_raw = np.empty(M, dtype=np.int64)
    pos_of_raw[order] = np.arange(M)
    oc, ot, oret, omem, firsto = oc[order], ot[order], oret[order], omem[order], ofirst[order]
    listp = rng.gamma(P["gg_p"], 1.0, M) / nu[oc]
    disc = np.zeros(M)
    promo = rng.random(M) < P["promo_prob"]
    lo, hi = P["promo_rate_range"]
    disc = np.where(promo, listp * rng.uniform(lo, hi, M), disc)
    welcome = firsto & discount_acq[oc]
    disc = np.where(welcome, listp * P["welcome_discount_rate"], disc)
    if is_cafe:
        mp = P["membership"]
        pts = omem & (rng.random(M) < mp["points_redeem_prob"])
        disc = np.where(pts & ~welcome, np.minimum(mp["points_discount"], 0.5 * listp), disc)
    listp = np.round(np.maximum(listp, 0.5), 2)
    disc = np.round(np.minimum(disc, listp - 0.01), 2)
    amount = np.round(listp - disc, 2)
    cats = list(P["categories"])
    rates = np.array([P["categories"][c] for c in cats])
    fav = rng.integers(0, len(cats), n)
    cat_i = np.where(rng.random(M) < P["favourite_category_share"], fav[oc], rng.integers(0, len(cats), M))
    margin = np.round((amount + disc) * rates[cat_i] - disc, 2)
    items = 1 + rng.poisson(amount / (10.0 if is_cafe else 60.0))
    chans = np.array(P["order_channels"], dtype=object)
    pref = rng.beta(1.2, 1.8, n)
    if is_cafe:
        ch_i = np.where(rng.random(M) < pref[oc] * 0.6, 1, 0)
        ch_i = np.where(np.array(cats)[cat_i] == "delivery", 2, ch_i)
    else:
        ch_i = (rng.random(M) < pref[oc]).astype(np.int64)
    ret_cost = np.where(oret, np.round(P["return_cost_fixed"] + P["return_cost_rate"] * amount, 2), 0.0)
    inwin = ot < W

    orders = pd.DataFrame(
        {
            "order_id": np.arange(1, int(inwin.sum()) + 1, dtype=np.int64),
            "customer_id": (oc[inwin] + 1).astype(np.int64),
            "order_date": _sim.to_dates(start64, ot[inwin]),
            "amount": amount[inwin],
            "items": items[inwin].astype(np.int64),
            "category": np.array(cats, dtype=object)[cat_i[inwin]],
            "discount": disc[inwin],
            "channel": chans[ch_i[inwin]],
            "returned": oret[inwin],
            "margin": margin[inwin],
            "return_cost": ret_cost[inwin],
        }
    )
    # order ids of the in-window orders (global position -> order_id)
    oid_of_pos = np.where(inwin, np.cumsum(inwin), 0)

    # ---- tickets --------------------------------------------------------------
    if k_idx:
        kc = np.concatenate(k_idx)
        kt = np.concatenate(k_t)
        kord = np.concatenate(k_ord)
        det = {key: np.concatenate([d[key] for d in k_det]) for key in k_det[0]}
    else:
        kc, kt, kord = np.zeros(0, dtype=np.int64), np.zeros(0), np.zeros(0, dtype=np.int64)
        det = {key: np.zeros(0) for key in ("category", "channel", "is_complaint", "resolved", "hours_to_first_response", "hours_to_resolve", "first_contact_resolution", "resolution_satisfaction", "handling_cost", "outcome")}
    tkeep = kt < W
    # times to the minute, for byte-stable output
    kmin = np.floor(kt * 1440.0)
    torder = np.lexsort((kc, kmin))
    torder = torder[tkeep[torder]]
    tickets = _ticket_frame(start64, kc[torder], kmin[torder], oid_of_pos[pos_of_raw[kord[torder]]], {k: v[torder] for k, v in det.items()})

    # ---- surveys --------------------------------------------------------------
    had_ticket = np.zeros(n, dtype=bool)
    had_ticket[kc[tkeep]] = True
    srng = rngs["survey"]
    wc = oc[inwin]
    wt = ot[inwin]
    buyers = np.flatnonzero(np.bincount(wc, minlength=n) > 0)
    resp = np.sort(buyers[srng.random(len(buyers)) < P["survey_share"]])
    if len(resp):
        by = np.lexsort((wt, wc))
        sc, st = wc[by], wt[by]
        first_i = np.searchsorted(sc, resp, side="left")
        cnt = np.searchsorted(sc, resp, side="right") - first_i
        pick_i = first_i + np.floor(srng.random(len(resp)) * cnt).astype(np.int64)
        sday = np.minimum(np.floor(st[pick_i] + srng.exponential(4.0, len(resp))), W - 1)
    else:
        sday = np.zeros(0)
    ans = _sim.surveys(srng, P, resp, sat, had_ticket)
    surveys = _sim.surveys_table(start64, resp, sday, ans)

    # ---- customers table ----------------------------------------------------
    ref = acq["referred_by"]
    customers = _sim.customers_table(start64, ppl, acq, signup, discount_acq)
    if is_cafe:
        member = joined_at < W
        customers["is_member"] = member
        ms = np.where(member, joined_at, 0.0)
        customers["member_since"] = pd.Series(_sim.to_dates(start64, ms)).where(member, pd.NaT).to_numpy()

    # ---- truth ------------------------------------------------------------------
    fut = ~inwin
    future_n = np.bincount(oc[fut], minlength=n)
    future_v = np.bincount(oc[fut], weights=amount[fut], minlength=n)
    nref = np.bincount(ref[ref > 0] - 1, minlength=n)
    churn_dates = pd.Series(_sim.to_dates(start64, np.nan_to_num(churn_t))).where(~np.isnan(churn_t), pd.NaT)
    truth = pd.DataFrame(
        {
            "customer_id": np.arange(1, n + 1, dtype=np.int64),
            "is_prospect": prospect,
            "purchase_rate": np.round(lam, 6),
            "dropout_prob": np.round(p0, 6),
            "alive_at_end": ~prospect & ~(churn_t < W),
            "churn_date": churn_dates.to_numpy(),
            "latent_satisfaction": np.round(sat["S"], 6),
            "spend_mean": np.round(P["gg_p"] / nu, 4),
            "future_purchases": future_n.astype(np.int64),
            "future_value": np.round(future_v, 2),
            "acquired_with_discount": discount_acq,
            "complaint_outcome": first_outcome,
            "referrals": nref.astype(np.int64),
            "return_prob": np.round(rho, 6),
            "ticket_prob": np.round(tau, 6),
        }
    )
    _sim.add_true_servqual(truth, sat)
    if is_cafe:
        truth["pre_join_rate"] = np.round(lam, 6)
        truth["true_member_effect"] = np.where(np.isfinite(join_t), effect, 1.0)
        truth["joined_at"] = pd.Series(_sim.to_dates(start64, np.where(np.isfinite(joined_at), joined_at, 0.0))).where(np.isfinite(joined_at), pd.NaT).to_numpy()
    return {"tables": {"customers": customers, "orders": orders, "surveys": surveys, "tickets": tickets}, "truth": truth}


def _ticket_frame(start64, kc, kmin, order_id, det) -> pd.DataFrame:
    df = _ticket_frame0(start64, kc, kmin, order_id, det)
    df["order_id"] = df["order_id"].mask(df["order_id"] == 0)
    df["resolution_satisfaction"] = df["resolution_satisfaction"].mask(df["resolution_satisfaction"] == -1)
    return df


def _ticket_frame0(start64, kc, kmin, order_id, det) -> pd.DataFrame:
    opened = (start64.astype("datetime64[m]") + kmin.astype(np.int64) * np.timedelta64(1, "m")).astype("datetime64[s]")
    return pd.DataFrame(
        {
            "ticket_id": np.arange(1, len(kc) + 1, dtype=np.int64),
            "customer_id": (kc + 1).astype(np.int64),
            "order_id": pd.array(np.where(order_id > 0, order_id, 0), dtype="Int64"),
            "opened_at": opened,
            "category": det["category"].astype(object),
            "channel": det["channel"].astype(object),
            "is_complaint": det["is_complaint"].astype(bool),
            "resolved": det["resolved"].astype(bool),
            "hours_to_first_response": det["hours_to_first_response"].astype(float),
            "hours_to_resolve": det["hours_to_resolve"].astype(float),
            "first_contact_resolution": det["first_contact_resolution"].astype(bool),
            "resolution_satisfaction": pd.array(np.where(np.isnan(det["resolution_satisfaction"].astype(float)), -1, det["resolution_satisfaction"]).astype(np.int64), dtype="Int64"),
            "handling_cost": det["handling_cost"].astype(float),
        }
    )
