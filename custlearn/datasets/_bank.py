"""The contractual scenario ``bank``: accounts open at sign-up and close observably.

Monthly steps, vectorised over all open accounts: transactions arrive as a
Poisson process (rate per customer ~ Gamma), service tickets arrive, and the
account closes with a monthly hazard

    h_i = base * exp(-b_att * z_att_i - b_kn * z_kn_i) * 1.5 ** discount_i * C_i(t)

where z_att and z_kn are the latent staff attitude and product knowledge the
customer experiences (their survey items ``staff_attitude`` and
``product_knowledge`` measure them) and C_i(t) multiplies by the outcome of
every complaint so far (unresolved worst, well resolved slightly protective).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from custlearn.datasets import _people, _sim
from custlearn.datasets._params import DIMENSIONS

PERIOD = 365.25 / 12.0  # days in a month


def simulate(P: dict, n: int, seed: int, start: pd.Timestamp, end: pd.Timestamp, locale: str, progress: bool) -> dict:
    rngs = _sim.spawn(seed, ["people", "sat", "acq", "proc", "loop", "orders", "survey"])
    start64 = np.datetime64(start.date(), "D")
    W = float((end - start).days + 1)
    H = W + 7.0 * P["horizon_weeks"]

    rng = rngs["acq"]
    signup = np.sort(rng.random(n) * W)
    signup = np.floor(signup)  # accounts open at the start of the sign-up day
    pools = _people.Pools(locale, seed)
    ppl = _sim.people(n, rngs["people"], pools)
    sat = _sim.satisfaction(n, rngs["sat"], P)
    weight = sat["top"] + P["referral_base_weight"]
    acq = _sim.acquisition(n, rng, P, signup, weight)
    discount_acq = acq["acquired_with_discount"]
    product = _sim.pick(rng, P["products"], n)
    k = min(12, len(pools.cities))
    bw = 1.0 / np.arange(1, k + 1) ** 0.7
    branch = pools.cities[:k][rng.choice(k, size=n, p=bw / bw.sum())]

    rng = rngs["proc"]
    sp = P["satisfaction"]
    z = {d: (sat["per"][d] - sp["perception_mean"][d]) / sp["perception_sd"] for d in DIMENSIONS}
    z_att = 0.75 * z["empathy"] + np.sqrt(1 - 0.75**2) * rng.normal(size=n)
    z_kn = 0.75 * z["assurance"] + np.sqrt(1 - 0.75**2) * rng.normal(size=n)
    lam_m = rng.gamma(P["tx_per_month_shape"], P["tx_per_month_mean"] / P["tx_per_month_shape"], n)
    scale = rng.lognormal(-0.125, 0.5, n)  # customer's amount scale
    svc = -P["closure_beta_staff_attitude"] * z_att - P["closure_beta_product_knowledge"] * z_kn
    h0 = np.minimum(P["closure_base_hazard"] * np.exp(svc) * np.where(discount_acq, 1.5, 1.0), 0.9)
    tau = np.clip(P["ticket_prob_per_month"] + P["ticket_prob_low_attitude_add"] * (z_att < -0.5), 0, 1)

    rng = rngs["loop"]
    act = np.arange(n)
    t = signup.copy()
    cm = np.ones(n)
    bad = np.full(n, "", dtype=object)
    first_outcome = np.full(n, "none", dtype=object)
    closed = np.full(n, np.nan)
    cause = np.full(n, "none", dtype=object)
    o_c, o_t, o_first = [], [], []
    k_c, k_t, k_det = [], [], []
    mult = P["closure_complaint_multiplier"]
    bar = None
    if progress:
        from tqdm.auto import tqdm

        bar = tqdm(total=n, desc="simulating bank", unit="customer")
    while len(act):
        m = len(act)
        tc = t[act]
        h = np.minimum(h0[act] * cm[act], 0.95)
        close = rng.random(m) < h
        ct = np.where(close, tc + rng.random(m) * PERIOD, np.inf)
        # transactions this month, before any closure
        cnt = rng.poisson(lam_m[act])
        rep = np.repeat(np.arange(m), cnt)
        tt = tc[rep] + rng.random(len(rep)) * PERIOD
        ok = tt < np.minimum(ct[rep], H)
        rep, tt = rep[ok], tt[ok]
        ordr = np.lexsort((tt, rep))
        rep, tt = rep[ordr], tt[ordr]
        firstm = np.ones(len(rep), dtype=bool)
        firstm[1:] = rep[1:] != rep[:-1]
        o_c.append(act[rep])
        o_t.append(tt)
        o_first.append(firstm)
        # tickets
        tk = np.flatnonzero(rng.random(m) < tau[act])
        ttk = tc[tk] + rng.random(len(tk)) * PERIOD
        okk = ttk < np.minimum(ct[tk], H)
        tk, ttk = tk[okk], ttk[okk]
        if len(tk):
            det = _sim.ticket_details(rng, P, np.zeros(len(tk), dtype=bool), sat["S"][act[tk]])
            k_c.append(act[tk])
            k_t.append(ttk)
            k_det.append(det)
            comp = det["is_complaint"]
            ci = act[tk[comp]]
            oc = det["outcome"][comp]
            cm[ci] = np.minimum(cm[ci] * np.array([mult[o] for o in oc]), 20.0)
            worse = oc != "resolved_well"
            bad[ci[worse]] = oc[worse]
            f = comp & (ttk < W) & (first_outcome[act[tk]] == "none")
            first_outcome[act[tk[f]]] = det["outcome"][f]
        # closure and its cause
        ci = act[close]
        ctc = ct[close]
        closed[ci] = ctc
        u = rng.random(len(ci))
        cmc = cm[ci]
        pc = np.maximum(cmc - 1.0, 0.0) / cmc
        es = np.exp(svc[ci])
        ps = (1.0 - pc) * np.maximum(es - 1.0, 0.0) / es
        lab = np.where(bad[ci] == "unresolved", "complaint_unresolved", "complaint_poor")
        cause[ci] = np.where(u < pc, lab, np.where(u < pc + ps, "service", "other"))
        t[act] = tc + PERIOD
        keep = ~close & (t[act] < H)
        if bar is not None:
            bar.update(int((~keep).sum()))
        act = act[keep]
    if bar is not None:
        bar.close()

    oc = np.concatenate(o_c) if o_c else np.zeros(0, dtype=np.int64)
    ot = np.concatenate(o_t) if o_t else np.zeros(0)
    ofirst = np.concatenate(o_first) if o_first else np.zeros(0, dtype=bool)
    order = np.lexsort((oc, ot))
    oc, ot, ofirst = oc[order], ot[order], ofirst[order]
    M = len(oc)

    rng = rngs["orders"]
    cats = list(P["categories"])
    cw = np.array([0.55, 0.15, 0.12, 0.10, 0.08])
    cat_i = rng.choice(len(cats), size=M, p=cw)
    mu, sg = P["amount_lognormal"]
    amount = rng.lognormal(mu, sg, M) * scale[oc] * np.where(np.array(cats)[cat_i] == "deposit", 8.0, 1.0)
    amount = np.round(np.maximum(amount, 1.0), 2)
    fee = np.array([P["fee_by_category"][c] for c in cats])[cat_i]
    waived = (fee > 0) & (rng.random(M) < 0.1)
    disc = np.where(waived, fee, 0.0)
    inter = np.array([P["categories"][c] for c in cats])[cat_i] * amount
    acct = np.array([P["monthly_account_margin"][p] for p in product])[oc] * ofirst
    margin = np.round(inter + fee - disc + acct, 2)
    chans = np.array(P["order_channels"], dtype=object)
    ch_i = rng.choice(3, size=M, p=[0.55, 0.25, 0.20])
    ch_i = np.where(np.array(cats)[cat_i] == "atm withdrawal", 3, ch_i)
    returned = rng.random(M) < 0.003
    ret_cost = np.where(returned, 5.0, 0.0)
    margin = np.where(returned, np.round(margin - inter, 2), margin)
    inwin = ot < W
    orders = pd.DataFrame(
        {
            "order_id": np.arange(1, int(inwin.sum()) + 1, dtype=np.int64),
            "customer_id": (oc[inwin] + 1).astype(np.int64),
            "order_date": _sim.to_dates(start64, ot[inwin]),
            "amount": amount[inwin],
            "items": np.ones(int(inwin.sum()), dtype=np.int64),
            "category": np.array(cats, dtype=object)[cat_i[inwin]],
            "discount": np.round(disc[inwin], 2),
            "channel": chans[ch_i[inwin]],
            "returned": returned[inwin],
            "margin": margin[inwin],
            "return_cost": ret_cost[inwin],
        }
    )

    # tickets
    from custlearn.datasets._shop import _ticket_frame

    if k_c:
        kc, kt = np.concatenate(k_c), np.concatenate(k_t)
        det = {key: np.concatenate([d[key] for d in k_det]) for key in k_det[0]}
    else:
        kc, kt = np.zeros(0, dtype=np.int64), np.zeros(0)
        det = {key: np.zeros(0) for key in ("category", "channel", "is_complaint", "resolved", "hours_to_first_response", "hours_to_resolve", "first_contact_resolution", "resolution_satisfaction", "handling_cost", "outcome")}
    kmin = np.floor(kt * 1440.0)
    tord = np.lexsort((kc, kmin))
    tord = tord[kt[tord] < W]
    det = {k2: v[tord] for k2, v in det.items()}
    # bank tickets are not about one transaction
    tickets = _ticket_frame(start64, kc[tord], kmin[tord], np.zeros(len(tord), dtype=np.int64), det)
    bank_cats = {
        "late delivery": "card delivery delay",
        "damaged or wrong item": "wrong charge",
        "installation/service problem": "online banking problem",
    }
    tickets["category"] = tickets["category"].replace(bank_cats)

    # surveys: respondents at a random day while the account was open in the window
    srng = rngs["survey"]
    had_ticket = np.zeros(n, dtype=bool)
    had_ticket[kc[kt < W]] = True
    resp = np.flatnonzero(srng.random(n) < P["survey_share"])
    last = np.minimum(np.nan_to_num(closed, nan=np.inf), W - 1)
    resp = resp[last[resp] > signup[resp]]
    sday = np.floor(signup[resp] + srng.random(len(resp)) * (last[resp] - signup[resp]))
    ans = _sim.surveys(srng, P, resp, sat, had_ticket)
    ans["staff_attitude"] = _sim.clip_round(4.7 + 1.2 * z_att[resp] + srng.normal(0, 0.8, len(resp)), 1, 7)
    ans["product_knowledge"] = _sim.clip_round(4.9 + 1.1 * z_kn[resp] + srng.normal(0, 0.8, len(resp)), 1, 7)
    surveys = _sim.surveys_table(start64, resp, sday, ans)

    ref = acq["referred_by"]
    closed_in = closed < W
    customers = _sim.customers_table(
        start64, ppl, acq, signup, discount_acq,
        product=product,
        branch=branch,
        account_opened=_sim.to_dates(start64, signup),
        account_closed=pd.Series(_sim.to_dates(start64, np.nan_to_num(closed))).where(closed_in, pd.NaT).to_numpy(),
    )

    fut = ~inwin
    truth = pd.DataFrame(
        {
            "customer_id": np.arange(1, n + 1, dtype=np.int64),
            "is_prospect": np.zeros(n, dtype=bool),
            "purchase_rate": np.round(lam_m * 12.0 / 52.0, 6),
            "dropout_prob": np.round(h0, 6),
            "alive_at_end": ~closed_in,
            "churn_date": pd.Series(_sim.to_dates(start64, np.nan_to_num(closed))).where(~np.isnan(closed), pd.NaT).to_numpy(),
            "latent_satisfaction": np.round(sat["S"], 6),
            "spend_mean": np.round(np.exp(mu + sg**2 / 2) * scale, 4),
            "future_purchases": np.bincount(oc[fut], minlength=n).astype(np.int64),
            "future_value": np.round(np.bincount(oc[fut], weights=margin[fut], minlength=n), 2),
            "acquired_with_discount": discount_acq,
            "complaint_outcome": first_outcome,
            "referrals": np.bincount(ref[ref > 0] - 1, minlength=n).astype(np.int64),
            "return_prob": np.full(n, 0.003),
            "ticket_prob": np.round(tau, 6),
        }
    )
    _sim.add_true_servqual(truth, sat)
    truth["closure_cause"] = np.where(closed_in | ~np.isnan(closed), cause, "none")
    truth["true_staff_attitude"] = np.round(z_att, 4)
    truth["true_product_knowledge"] = np.round(z_kn, 4)
    return {"tables": {"customers": customers, "orders": orders, "surveys": surveys, "tickets": tickets}, "truth": truth}
