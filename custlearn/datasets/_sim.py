"""The simulation shared by the scenarios: the world, people, satisfaction, surveys, tickets.

The purchase process of ``shop`` and ``cafe`` is BG/NBD (Fader, Hardie & Lee
2005, "Counting your customers the easy way", Marketing Science 24(2)):
purchase rate lambda_i ~ Gamma(r, alpha) per week, dropout probability
p_i ~ Beta(a, b), the customer is alive at the first purchase and may drop out
after each repeat purchase.  Spend per order is Gamma-Gamma (Colombo & Jiang
1999; Fader, Hardie & Lee 2005, "RFM and CLV"): z ~ Gamma(p, nu_i),
nu_i ~ Gamma(q, gamma).

Effects are planted without changing the Beta(a, b) marginal of p: the Beta
draws are sorted and handed to customers ordered by a latent propensity to
leave (rank coupling, a Gaussian-copula-like device), so a BG/NBD fit still
recovers (r, alpha, a, b) while dissatisfied and discount-acquired customers
leave sooner.  Complaints change a customer's dropout probability during the
simulation, which therefore runs in purchase *rounds*: every round is one
vectorised numpy step over all customers still alive.

Each scenario's ``simulate`` is a list of named steps working on one
:class:`World`; the random streams they draw from are in :mod:`._streams`.
"""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pandas as pd

from custlearn.datasets import _people
from custlearn.datasets._params import DIMENSIONS

DAY = np.timedelta64(1, "D")
# overall_satisfaction = 1 + number of these cuts below S + Normal(0, OVERALL_NOISE_SD) (README effect 3)
OVERALL_CUTS = (-1.9, -0.95, 0.15, 1.0)
OVERALL_NOISE_SD = 0.45
TICKET_FIELDS = ("category", "channel", "is_complaint", "resolved", "hours_to_first_response", "hours_to_resolve",
                 "first_contact_resolution", "resolution_satisfaction", "handling_cost", "outcome")


class World:
    """One company while it is simulated: parameters, clock, random streams and what the steps add.

    Set here: ``P`` (the scenario's parameters, :mod:`._params`), ``n``
    (customers), ``seed``, ``start64`` (first day), ``W`` (the observation
    window is the days ``[0, W)``), ``H`` (the simulation runs on to day ``H``,
    52 weeks later, for the truth's future values), ``rngs`` (the core
    streams by name) and ``tables`` (the finished tables by name).  Each step
    of ``_shop.simulate`` / ``_bank.simulate`` adds the attributes its
    docstring names (``signup``, ``sat``, ``purchases`` ...).  Add-on steps
    (:mod:`._addons`) read a finished world and never change it.
    """

    def __init__(self, P: dict, n: int, seed: int, start: pd.Timestamp, end: pd.Timestamp, rngs: dict) -> None:
        self.P = P
        self.n = int(n)
        self.seed = int(seed)
        self.start64 = np.datetime64(start.date(), "D")
        self.W = float((end - start).days + 1)  # observation window [0, W) in days
        self.H = self.W + 7.0 * P["horizon_weeks"]  # simulation horizon
        self.rngs = rngs
        self.tables: dict[str, pd.DataFrame] = {}

    @property
    def is_cafe(self) -> bool:
        return self.P["scenario"] == "cafe"


def pick(rng: np.random.Generator, probs: dict, n: int) -> np.ndarray:
    keys = list(probs)
    w = np.array([probs[k] for k in keys], dtype=float)
    return np.array(keys, dtype=object)[rng.choice(len(keys), size=n, p=w / w.sum())]


def clip_round(x: np.ndarray, lo: int, hi: int) -> np.ndarray:
    return np.clip(np.rint(x), lo, hi).astype(np.int64)


def logistic(x):
    return 1.0 / (1.0 + np.exp(-x))


def stack(parts: list, dtype=float) -> np.ndarray:
    """Concatenate the per-round arrays (an empty array of ``dtype`` when there are none)."""
    return np.concatenate(parts) if parts else np.zeros(0, dtype=dtype)


def stack_tickets(details: list[dict]) -> dict:
    """Concatenate the per-round ticket details of :func:`ticket_details`."""
    if not details:
        return {key: np.zeros(0) for key in TICKET_FIELDS}
    return {key: np.concatenate([d[key] for d in details]) for key in details[0]}


def stacked(log: dict[str, list], **dtypes: type) -> SimpleNamespace:
    """A round-by-round log as one array per key (``details``: ticket details; other keys float unless given)."""
    return SimpleNamespace(**{key: stack_tickets(parts) if key == "details" else stack(parts, dtypes.get(key, float)) for key, parts in log.items()})


class _NoBar:
    def update(self, k: int) -> None:
        pass

    def close(self) -> None:
        pass


def progress_bar(progress: bool, total: int, desc: str):
    """A tqdm bar counting customers done, or one that shows nothing."""
    if not progress:
        return _NoBar()
    from tqdm.auto import tqdm

    return tqdm(total=total, desc=desc, unit="customer")


# --------------------------------------------------------------------------- people


def people(n: int, rng: np.random.Generator, pools: _people.Pools) -> dict:
    _, _, name = _people.names(pools, rng, n)
    return {
        "name": name,
        "email": _people.emails(pools, rng, n),
        "phone": _people.phones(pools, rng, n),
        "city": _people.cities(pools, rng, n),
        "age": clip_round(rng.normal(41, 13, n), 18, 85),
    }


def meet_the_customers(w: World, locale: str) -> _people.Pools:
    """Who signs up and when, who they are, how satisfied they are (streams ``acq``, ``people``, ``sat``).

    Sign-up days are uniform over the window and sorted, so ``customer_id``
    follows sign-up.  People are fictional (Faker pools of ``locale``, seeded
    with the scenario seed).  Plants latent satisfaction S and the true
    SERVQUAL perceptions and expectations (README effect 3; ``_params``
    ``satisfaction``).  Sets ``w.signup``, ``w.people``, ``w.sat``; returns the
    pools (the bank names its branches after their cities).
    """
    w.signup = np.sort(w.rngs["acq"].random(w.n) * w.W)
    pools = _people.Pools(locale, w.seed)
    w.people = people(w.n, w.rngs["people"], pools)
    w.sat = satisfaction(w.n, w.rngs["sat"], w.P)
    return pools


# --------------------------------------------------------------------------- satisfaction


def satisfaction(n: int, rng: np.random.Generator, P: dict) -> dict:
    """True SERVQUAL perceptions/expectations and latent satisfaction S (mean 0, sd 1).

    Plants README effect 3: the five dimensions weigh differently in S
    (``satisfaction["weights"]``; a shared factor, ``shared_factor_loading``,
    correlates them), and "top" = logistic((S - ``top_center``) /
    ``top_scale``) is near 0 except for the most satisfied (effect 4).
    """
    sp = P["satisfaction"]
    load = sp["shared_factor_loading"]
    g = rng.normal(size=n)
    per, exp_, z = {}, {}, {}
    ge = rng.normal(size=n)
    for d in DIMENSIONS:
        zd = load * g + np.sqrt(1 - load**2) * rng.normal(size=n)
        z[d] = zd
        per[d] = sp["perception_mean"][d] + sp["perception_sd"] * zd
        exp_[d] = sp["expectation_mean"][d] + sp["expectation_sd"] * (0.5 * ge + np.sqrt(0.75) * rng.normal(size=n))
    w = np.array([sp["weights"][d] for d in DIMENSIONS])
    corr = np.full((5, 5), load**2)
    np.fill_diagonal(corr, 1.0)
    var = float(w @ corr @ w) + sp["noise_sd"] ** 2
    s = sum(sp["weights"][d] * z[d] for d in DIMENSIONS) + sp["noise_sd"] * rng.normal(size=n)
    s = s / np.sqrt(var)
    top = logistic((s - sp["top_center"]) / sp["top_scale"])
    return {"S": s, "top": top, "per": per, "exp": exp_}


def couple_dropout(rng: np.random.Generator, P: dict, s, top, discount) -> np.ndarray:
    """Draw p ~ Beta(a, b) and assign the draws by rank of the propensity to leave.

    Plants README effect 4 (loyalty steep at the top, "customer bribery"):
    ``dropout_coupling`` weights top, S and the discount flag; the marginal of
    p stays exactly Beta(``a``, ``b``).
    """
    n = len(s)
    c = P["dropout_coupling"]
    draws = np.sort(rng.beta(P["a"], P["b"], n))
    leave = -c["top_weight"] * top - c["sat_weight"] * s + c["discount_weight"] * discount + c["noise_sd"] * rng.normal(size=n)
    order = np.argsort(leave, kind="stable")
    p = np.empty(n)
    p[order] = draws
    return p


# --------------------------------------------------------------------------- customers


def acquisition(n: int, rng: np.random.Generator, P: dict, signup_days, weight) -> dict:
    """Channel, referrer, discount flag and acquisition cost.

    ``weight`` is each customer's referral weight (0 for prospects); a referred
    customer's referrer is drawn among earlier sign-ups in proportion to it.
    Plants README effect 4 (promoters bring referrals: ``referral_share``;
    discount acquisition by channel: ``discount_prob_by_channel``) and the
    acquisition cost of effect 6 (``acquisition_cost_by_channel``,
    ``acquisition_cost_noise_sd``).
    """
    channel = pick(rng, P["channels"], n)
    referred_by = np.zeros(n, dtype=np.int64)  # 0 = none
    cand = (np.arange(n) >= max(1, int(0.03 * n))) & (rng.random(n) < P["referral_share"])
    cw = np.cumsum(weight)
    idx = np.flatnonzero(cand)
    # earlier sign-ups only: customers are sorted by signup, so use the prefix i-1
    before = cw[idx - 1]
    ok = before > 0
    idx, before = idx[ok], before[ok]
    u = rng.random(len(idx)) * before
    ref = np.searchsorted(cw, u, side="right")
    ref = np.minimum(ref, idx - 1)
    referred_by[idx] = ref + 1
    channel[idx] = "referral"
    dprob = np.array([P["discount_prob_by_channel"][c] for c in channel])
    discount = rng.random(n) < dprob
    base = np.array([P["acquisition_cost_by_channel"][c] for c in channel])
    sig = P["acquisition_cost_noise_sd"]
    cost = np.round(base * rng.lognormal(-(sig**2) / 2, sig, n), 2)
    return {"acquisition_channel": channel, "referred_by": referred_by, "acquired_with_discount": discount, "acquisition_cost": cost}


# --------------------------------------------------------------------------- tickets


def ticket_details(rng: np.random.Generator, P: dict, returned: np.ndarray, S: np.ndarray) -> dict:
    """Category, channel, resolution and cost of ``len(returned)`` tickets; and the outcome.

    README effect 5: categories, channels, resolution and first-contact
    resolution by ``tickets`` (``categories``, ``channels``,
    ``resolved_prob``, ``fcr_prob``, ``asked_prob``); resolution satisfaction
    rises with S; an outcome is "resolved_well" within ``well_max_hours`` and
    satisfaction >= 4.  ``handling_cost`` (effect 6): ``channel_cost``,
    ``cost_per_hour_open``, ``cost_no_fcr``.
    """
    tp = P["tickets"]
    m = len(returned)
    cats = list(tp["categories"])
    w = np.array([tp["categories"][c] for c in cats])
    cat = np.array(cats, dtype=object)[rng.choice(len(cats), size=m, p=w / w.sum())]
    # a returned order most often gives a damaged/wrong item or refund ticket
    r = returned & (rng.random(m) < 0.6)
    cat[r] = np.where(rng.random(int(r.sum())) < 0.6, "damaged or wrong item", "refund/payment problem")
    is_complaint = ~np.isin(cat, tp["complaint_categories_exclude"])
    channel = pick(rng, tp["channels"], m)
    resolved = rng.random(m) < tp["resolved_prob"]
    first_resp = np.where(
        channel == "email", rng.lognormal(np.log(8.0), 0.8, m), np.where(channel == "chat", rng.lognormal(np.log(0.15), 0.6, m), rng.lognormal(np.log(0.1), 0.7, m))
    )
    fcr = resolved & (rng.random(m) < tp["fcr_prob"])
    extra = rng.lognormal(np.log(30.0), 1.0, m)
    to_resolve = np.where(fcr, first_resp + rng.exponential(0.3, m), first_resp + extra)
    to_resolve = np.where(resolved, to_resolve, np.nan)
    hours = np.where(resolved, to_resolve, 0.0)
    latent = 3.6 + 0.9 * fcr - 0.012 * np.minimum(hours, 200) + 0.35 * S + rng.normal(0, 0.7, m) - 2.0 * (~resolved)
    rsat = clip_round(latent, 1, 5)
    asked = rng.random(m) < np.where(resolved, tp["asked_prob"], 0.5)
    well = resolved & (hours <= tp["well_max_hours"]) & (rsat >= 4)
    outcome = np.where(~resolved, "unresolved", np.where(well, "resolved_well", "resolved_poorly")).astype(object)
    cost = np.array([tp["channel_cost"][c] for c in channel]) + tp["cost_per_hour_open"] * np.minimum(np.where(resolved, hours, 120.0), 120.0) + tp["cost_no_fcr"] * (~fcr)
    return {
        "category": cat,
        "channel": channel,
        "is_complaint": is_complaint,
        "resolved": resolved,
        "hours_to_first_response": np.round(first_resp, 2),
        "hours_to_resolve": np.round(to_resolve, 2),
        "first_contact_resolution": fcr,
        "resolution_satisfaction": np.where(asked, rsat, np.nan),
        "handling_cost": np.round(cost, 2),
        "outcome": outcome,
    }


def note_first_complaint(first_outcome: np.ndarray, who: np.ndarray, when: np.ndarray, det: dict, W: float) -> None:
    """Record the outcome of each customer's first complaint in the window (``truth.complaint_outcome``)."""
    first = det["is_complaint"] & (when < W) & (first_outcome[who] == "none")
    first_outcome[who[first]] = det["outcome"][first]


def apply_complaint(P: dict, p: np.ndarray, outcome: np.ndarray) -> np.ndarray:
    """The new dropout probability after a complaint (README effect 5, service recovery).

    ``tickets["dropout_multiplier"]`` and ``dropout_add`` by outcome; capped at 0.95.
    """
    tp = P["tickets"]
    out = p.copy()
    for k in ("resolved_well", "resolved_poorly", "unresolved"):
        sel = outcome == k
        out[sel] = p[sel] * tp["dropout_multiplier"][k] + tp["dropout_add"][k]
    return np.minimum(out, 0.95)


# --------------------------------------------------------------------------- surveys

COMMENTS = {
    1: [
        "Very disappointed. The order was late and nobody helped.",
        "Poor service, I will not come back.",
        "Too many problems, support did not answer.",
        "Not what I expected at all.",
    ],
    2: [
        "Slow and unreliable, the staff did not seem to care.",
        "Several problems with my orders this year.",
        "Expected better for the price.",
        "Support took far too long to reply.",
    ],
    3: [
        "It was fine, nothing special.",
        "OK overall, delivery could be faster.",
        "Average experience, some things went wrong.",
        "Decent, but the competition is similar.",
    ],
    4: [
        "Good service and reliable delivery.",
        "Happy overall, a few small issues.",
        "Friendly staff and a good selection.",
        "Mostly smooth, I would buy again.",
    ],
    5: [
        "Excellent! Always reliable and quick to help.",
        "Love it, I recommend it to all my friends.",
        "Outstanding service, they really care.",
        "Best in town, never had a problem.",
    ],
}


def surveys(rng: np.random.Generator, P: dict, cust_idx: np.ndarray, sat: dict, had_ticket: np.ndarray) -> dict:
    """Survey answers of the respondents ``cust_idx`` (0-based customer positions).

    README effect 3: overall satisfaction, recommendation, effort and the
    attitude items follow S (recommendation and attitude also "top", effect
    4); SERVQUAL items scatter around the true values (``satisfaction``
    ``item_noise_sd``).  Draw order: overall, recommend, effort, expectation
    items, perception items, attitude items, comment choice.
    """
    sp = P["satisfaction"]
    m = len(cust_idx)
    S = sat["S"][cust_idx]
    top = sat["top"][cust_idx]
    out: dict = {}
    overall = np.digitize(S + rng.normal(0, OVERALL_NOISE_SD, m), OVERALL_CUTS) + 1
    out["overall_satisfaction"] = overall.astype(np.int64)
    out["likely_to_recommend"] = clip_round(6.9 + 1.5 * S + 0.9 * top + rng.normal(0, 0.9, m), 0, 10)
    out["customer_effort"] = clip_round(5.0 + 0.8 * S - 0.9 * had_ticket[cust_idx] + rng.normal(0, 1.0, m), 1, 7)
    for d in DIMENSIONS:
        for k in (1, 2, 3):
            out[f"exp_{d}_{k}"] = clip_round(sat["exp"][d][cust_idx] + rng.normal(0, 0.8, m), 1, 7)
    for d in DIMENSIONS:
        for k in (1, 2, 3):
            out[f"per_{d}_{k}"] = clip_round(sat["per"][d][cust_idx] + rng.normal(0, sp["item_noise_sd"], m), 1, 7)
    for k in (1, 2, 3):
        out[f"attitude_{k}"] = clip_round(4.4 + 1.1 * S + 0.7 * top + rng.normal(0, 0.9, m), 1, 7)
    choice = rng.integers(0, 4, m)
    comments = np.empty(m, dtype=object)
    for lvl, texts in COMMENTS.items():
        sel = overall == lvl
        comments[sel] = np.array(texts, dtype=object)[choice[sel]]
    out["comment"] = comments
    return out


def to_dates(start: np.datetime64, days: np.ndarray) -> np.ndarray:
    """Day offsets (float) from ``start`` to datetime64[s] dates (midnight)."""
    return (start + np.floor(days).astype(np.int64) * DAY).astype("datetime64[s]")


def surveys_table(start: np.datetime64, resp: np.ndarray, sday: np.ndarray, answers: dict) -> pd.DataFrame:
    """The surveys table: one row per response, in date order (ties by customer)."""
    order = np.lexsort((resp, sday))
    table = pd.DataFrame({
        "response_id": np.arange(1, len(resp) + 1, dtype=np.int64),
        "customer_id": (resp[order] + 1).astype(np.int64),
        "survey_date": to_dates(start, sday[order]),
    })
    for key, val in answers.items():
        table[key] = val[order]
    return table


def dates_or_missing(start: np.datetime64, days: np.ndarray, present: np.ndarray) -> np.ndarray:
    """Dates of the day offsets ``days`` where ``present``, missing (NaT) elsewhere."""
    return pd.Series(to_dates(start, np.where(present, days, 0.0))).where(present, pd.NaT).to_numpy()


def customers_table(w: World, **extra: object) -> pd.DataFrame:
    """The customers table's shared columns, then the scenario's ``extra`` ones in order."""
    acq = w.acq
    ref = acq["referred_by"]
    table = pd.DataFrame({
        "customer_id": np.arange(1, w.n + 1, dtype=np.int64),
        "name": w.people["name"],
        "email": w.people["email"],
        "phone": w.people["phone"],
        "city": w.people["city"],
        "signup_date": to_dates(w.start64, w.signup),
        "acquisition_channel": acq["acquisition_channel"],
        "acquired_with_discount": acq["acquired_with_discount"],
        "acquisition_cost": acq["acquisition_cost"],
        "referred_by": pd.array(np.where(ref > 0, ref, 0), dtype="Int64"),
        "age": w.people["age"],
        **extra,
    })
    table["referred_by"] = table["referred_by"].mask(ref <= 0)
    return table


def orders_table(w: World, columns: dict) -> pd.DataFrame:
    """The orders table (shop orders, cafe visits, bank transactions): those inside the window.

    ``w.purchases`` holds every order of the simulation in date order
    (``customer``, ``t`` in days, ``inwin``); ``columns`` their attributes.
    """
    pur = w.purchases
    inwin = pur.inwin
    return pd.DataFrame({
        "order_id": np.arange(1, int(inwin.sum()) + 1, dtype=np.int64),
        "customer_id": (pur.customer[inwin] + 1).astype(np.int64),
        "order_date": to_dates(w.start64, pur.t[inwin]),
        **{name: values[inwin] for name, values in columns.items()},
    })


def tickets_table(w: World, order_id: np.ndarray) -> pd.DataFrame:
    """The tickets table: the tickets opened inside the window, to the minute, in time order.

    ``w.ticket_log`` holds every ticket of the simulation (``customer``,
    ``t`` in days, ``details`` from :func:`ticket_details`); ``order_id`` is
    the order each is about (0: none).  Sets ``w.had_ticket`` (a ticket in
    the window, which lowers the survey's customer effort score).
    """
    log = w.ticket_log
    inwin = log.t < w.W
    w.had_ticket = np.zeros(w.n, dtype=bool)
    w.had_ticket[log.customer[inwin]] = True
    kmin = np.floor(log.t * 1440.0)  # times to the minute, for byte-stable output
    sel = np.lexsort((log.customer, kmin))
    sel = sel[inwin[sel]]
    det = {key: values[sel] for key, values in log.details.items()}
    oid = order_id[sel]
    rsat = det["resolution_satisfaction"].astype(float)
    table = pd.DataFrame({
        "ticket_id": np.arange(1, len(sel) + 1, dtype=np.int64),
        "customer_id": (log.customer[sel] + 1).astype(np.int64),
        "order_id": pd.array(np.where(oid > 0, oid, 0), dtype="Int64"),
        "opened_at": (w.start64.astype("datetime64[m]") + kmin[sel].astype(np.int64) * np.timedelta64(1, "m")).astype("datetime64[s]"),
        "category": det["category"].astype(object),
        "channel": det["channel"].astype(object),
        "is_complaint": det["is_complaint"].astype(bool),
        "resolved": det["resolved"].astype(bool),
        "hours_to_first_response": det["hours_to_first_response"].astype(float),
        "hours_to_resolve": det["hours_to_resolve"].astype(float),
        "first_contact_resolution": det["first_contact_resolution"].astype(bool),
        "resolution_satisfaction": pd.array(np.where(np.isnan(rsat), -1, det["resolution_satisfaction"]).astype(np.int64), dtype="Int64"),
        "handling_cost": det["handling_cost"].astype(float),
    })
    table["order_id"] = table["order_id"].mask(table["order_id"] == 0)
    table["resolution_satisfaction"] = table["resolution_satisfaction"].mask(table["resolution_satisfaction"] == -1)
    return table


def truth_table(w: World, churn_days: np.ndarray, future_weights: np.ndarray, **own: object) -> pd.DataFrame:
    """The truth columns every scenario shares, with the scenario's ``own`` ones.

    ``churn_days``: the day of dropout (bank: closure), NaN if none within
    the horizon; ``future_weights``: per order in ``w.purchases``, what the
    future value adds up (shop, cafe: the amount; bank: the margin).
    """
    pur = w.purchases
    fut = ~pur.inwin
    ref = w.acq["referred_by"]
    truth = pd.DataFrame({
        "customer_id": np.arange(1, w.n + 1, dtype=np.int64),
        **own,
        "churn_date": dates_or_missing(w.start64, churn_days, ~np.isnan(churn_days)),
        "latent_satisfaction": np.round(w.sat["S"], 6),
        "future_purchases": np.bincount(pur.customer[fut], minlength=w.n).astype(np.int64),
        "future_value": np.round(np.bincount(pur.customer[fut], weights=future_weights[fut], minlength=w.n), 2),
        "acquired_with_discount": w.acq["acquired_with_discount"],
        "complaint_outcome": w.first_outcome,
        "referrals": np.bincount(ref[ref > 0] - 1, minlength=w.n).astype(np.int64),
    })
    add_true_servqual(truth, w.sat)
    return truth


def add_true_servqual(truth: pd.DataFrame, sat: dict) -> None:
    """Add each customer's true perception and expectation per SERVQUAL dimension (in place)."""
    for kind in ("per", "exp"):
        for d in DIMENSIONS:
            truth[f"true_{kind}_{d}"] = np.round(sat[kind][d], 4)
