"""Add-ons of lesson 06 (customer service management): ticket classification, branch offices, staff, key accounts.

Three add-ons (:mod:`._addons`), each drawing from its own stream and only
adding columns and tables; every column shipped before them keeps its values.
Their effects are README effects 10-12, their parameters the blocks
``service``, ``service_profit_chain`` and ``key_accounts`` of :mod:`._params`.

- :func:`offices_and_staff` (bank, effect 12): each branch runs one
  city-centre and two neighbourhood offices; each office's staff answer an
  employee-satisfaction survey; customers are assigned to the offices of
  their own branch so that offices with more satisfied staff have customers
  with a better latent staff attitude and fewer closures (the service-profit
  chain, Heskett et al. 1994), and city-centre offices, whose staff are more
  satisfied and better trained, also have customers who close less for other
  reasons (the confounder).  The customers' latent attitude and closures are
  those of the core simulation: only *which office* a customer belongs to is
  drawn here.
- :func:`key_accounts` (bank, effect 13): the most valuable accounts get a
  relationship manager; those who have one stay longer.
- :func:`ticket_classification` (every scenario, effect 11): each ticket's
  stage (售前/售中/售后), technical or not, on-site visit (巡回) or fixed point
  (定点), free or paid, contacts, owner team, time limit, reopening and
  follow-up call, derived from its category, order and resolution.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from custlearn.datasets import _sim

LOCATIONS = ("city centre", "neighbourhood", "neighbourhood")


# --------------------------------------------------------------------------- effect 12: offices and staff


def offices_and_staff(w: _sim.World, rng: np.random.Generator) -> dict:
    """Branch offices, their staff and each customer's office (README effect 12).

    Plants the service-profit chain with a confounder (``service_profit_chain``
    parameters): office working climate (centred in each branch; city-centre
    offices ``climate_centre_shift`` higher) -> staff satisfaction survey and
    training hours -> customers' latent staff attitude (``attitude_per_point``)
    and closure share (``closure_per_point``, the planted staff effect); city
    centre -> closure (``centre_closure_effect``, other reasons).  Draw order:
    climate, staff, assignment.
    """
    P = w.P["service_profit_chain"]
    offices = _office_list(w.tables["customers"]["branch"].astype(str).to_numpy(), P)
    centre = (offices["location"] == "city centre").to_numpy()
    climate = P["climate_sd"] * rng.normal(size=len(offices)) + P["climate_centre_shift"] * centre
    climate -= offices.assign(c=climate).groupby("branch")["c"].transform("mean").to_numpy()
    staff = _staff(offices, climate, rng, P)
    score = staff.groupby("branch_office", sort=False)["employee_satisfaction"].mean()
    office_of = _assign_customers(w, offices, score.reindex(offices["branch_office"]).to_numpy(), rng, P)
    return {
        "customers": {"branch_office": office_of},
        "offices": {c: offices[c].to_numpy() for c in ("branch_office", "branch", "location")},
        "staff": {c: staff[c].to_numpy() for c in staff.columns},
    }


def _office_list(branch: np.ndarray, P: dict) -> pd.DataFrame:
    """Three offices per branch present, in branch order: "<branch> Central", "<branch> North", "<branch> South"."""
    names = P["office_names"]
    suffix = [names["city centre"], *names["neighbourhood"]]
    rows = [(f"{b} {s}", b, loc, P["location_share"][loc])
            for b in sorted(pd.unique(branch)) for s, loc in zip(suffix, LOCATIONS)]
    return pd.DataFrame(rows, columns=["branch_office", "branch", "location", "share"])


def _staff(offices: pd.DataFrame, climate: np.ndarray, rng: np.random.Generator, P: dict) -> pd.DataFrame:
    """The staff table: roles by position in the office, tenure, pay band, training and the satisfaction survey.

    Per office: one office manager, ``relationship_managers``, advisers
    (``adviser_share`` of the rest), tellers.  Pay band: teller 1 (2 after
    8 years), adviser 2 (3 after 10 years), relationship manager 3, office
    manager 4.  Training hours and the satisfaction answer (1-5) follow the
    office climate, the city centre, the role and the pay band.
    """
    loc = offices["location"].to_numpy()
    heads = np.array([P["staff_base"][x] for x in loc]) + rng.poisson([P["staff_extra_mean"][x] for x in loc])
    office = np.repeat(np.arange(len(offices)), heads)
    pos = np.arange(len(office)) - np.repeat(np.cumsum(heads) - heads, heads)
    rms = np.array([P["relationship_managers"][x] for x in loc])[office]
    advisers = np.rint(P["adviser_share"] * (heads[office] - 1 - rms))
    role = np.select([pos == 0, pos <= rms, pos <= rms + advisers],
                     ["office manager", "relationship manager", "customer adviser"], "teller").astype(object)
    shape, scale = P["tenure_gamma"]
    tenure = np.round(rng.gamma(shape, scale, len(office)) + 4.0 * (role == "office manager"), 1)
    band = np.select([role == "office manager", role == "relationship manager", role == "customer adviser"],
                     [4, 3, 2 + (tenure > 10)], 1 + (tenure > 8)).astype(np.int64)
    centre = (loc == "city centre")[office]
    hours = (P["training_base_hours"] + P["training_centre_hours"] * centre
             + P["training_per_climate"] * climate[office] + np.array([P["training_role_hours"][r] for r in role])
             + P["training_sd"] * rng.normal(size=len(office)))
    hours = np.maximum(np.rint(hours), 0.0).astype(np.int64)
    latent = (P["satisfaction_intercept"] + climate[office] + P["satisfaction_per_pay_band"] * (band - 2)
              + P["satisfaction_per_training_hour"] * (hours - 24.0)
              + P["satisfaction_noise_sd"] * rng.normal(size=len(office)))
    return pd.DataFrame({
        "employee_id": np.arange(1, len(office) + 1, dtype=np.int64),
        "branch_office": offices["branch_office"].to_numpy()[office],
        "role": role,
        "tenure_years": tenure,
        "training_hours": hours,
        "employee_satisfaction": _sim.clip_round(latent, 1, 5),
        "pay_band": band,
    })


def _assign_customers(w: _sim.World, offices: pd.DataFrame, score: np.ndarray, rng: np.random.Generator,
                      P: dict) -> np.ndarray:
    """Each customer's office, among the three of their branch (README effect 12).

    In each branch, the probabilities of a multinomial logit in the
    customer's latent staff attitude z and closure y are fitted so that the
    expected share, mean attitude and closure share of each office are the
    targets of ``_params`` (:func:`_targets`); one uniform per customer
    (in customer order) then picks the office.
    """
    customers = w.tables["customers"]
    branch = customers["branch"].astype(str).to_numpy()
    z = w.z_att
    y = customers["account_closed"].notna().to_numpy(dtype=float)
    u = rng.random(len(z))
    office_of = np.empty(len(z), dtype=object)
    for b, rows in offices.groupby("branch", sort=True):
        mine = np.flatnonzero(branch == b)
        targets = _targets(rows, score[rows.index.to_numpy()], z[mine], y[mine], P)
        p = _tilted_probabilities(np.column_stack([np.ones(len(mine)), z[mine], y[mine]]), targets, P["newton_steps"])
        pick = np.minimum((np.cumsum(p, axis=1) < u[mine, None]).sum(axis=1), len(rows) - 1)
        office_of[mine] = rows["branch_office"].to_numpy()[pick]
    return office_of


def _targets(rows: pd.DataFrame, score: np.ndarray, z: np.ndarray, y: np.ndarray, P: dict) -> np.ndarray:
    """Per office of one branch: expected share, mean attitude and closure share (a K x 3 array, as totals / n)."""
    share = rows["share"].to_numpy() / rows["share"].sum()
    centre = (rows["location"] == "city centre").to_numpy(dtype=float)
    dev = score - share @ score
    mean_z = z.mean() + P["attitude_per_point"] * dev
    rate = y.mean() + P["closure_per_point"] * dev + P["centre_closure_effect"] * (centre - share @ centre)
    rate = np.clip(rate, 0.1 * y.mean(), 1.0 - 0.1 * (1.0 - y.mean()))
    return np.column_stack([share, share * mean_z, share * rate])


def _tilted_probabilities(X: np.ndarray, targets: np.ndarray, steps: int) -> np.ndarray:
    """Probabilities p[i, k] = softmax_k(X[i] @ theta[k]) whose column means of X match ``targets``.

    The moment-matching (maximum-entropy) fit, by a fixed number of damped
    Newton steps on its convex objective (the last office's theta fixed at
    0; a small ridge keeps a branch without closures finite), so the same
    data give the same probabilities.  Rounded to 10 decimals.
    """
    n, d = X.shape
    K = len(targets)
    theta = np.zeros((K, d))
    theta[:, 0] = np.log(targets[:, 0])
    for _ in range(steps):
        p = _softmax(X @ theta.T)
        grad = (p.T @ X / n - targets)[:-1].ravel()
        H = np.zeros(((K - 1) * d, (K - 1) * d))
        for a in range(K - 1):
            for b in range(K - 1):
                weight = p[:, a] * ((a == b) - p[:, b]) / n
                H[a * d:(a + 1) * d, b * d:(b + 1) * d] = (X * weight[:, None]).T @ X
        step = np.linalg.solve(H + 1e-6 * np.eye(len(H)), grad)
        theta[:-1] -= np.clip(step, -2.0, 2.0).reshape(K - 1, d)
    return np.round(_softmax(X @ theta.T), 10)


def _softmax(eta: np.ndarray) -> np.ndarray:
    e = np.exp(eta - eta.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


# --------------------------------------------------------------------------- effect 13: key accounts


def designation_day(w: _sim.World) -> np.datetime64:
    """The day the bank names its key accounts: ``designated_days_before_end`` before the window's last day."""
    last = int(w.W) - 1
    before = w.P["key_accounts"]["designated_days_before_end"]
    return w.start64 + np.timedelta64(last - before if last > before else last // 2, "D")


def key_accounts(w: _sim.World, rng: np.random.Generator) -> dict:
    """Who has a relationship manager (README effect 13): key accounts served to a higher standard stay longer.

    On :func:`designation_day` the bank ranks the accounts open that day by
    the margin they have earned so far; the top ``top_share`` are its key
    accounts.  ``relationship_manager_share`` of them get a relationship
    manager of their office (others: ``relationship_manager_share_other``),
    drawn backwards from the closures of the next year so that key accounts
    with a manager close ``closure_risk_ratio`` times as often as those
    without.  The closures themselves are the core simulation's.
    """
    P, customers, orders = w.P["key_accounts"], w.tables["customers"], w.tables["orders"]
    day = pd.Timestamp(designation_day(w))
    opened, closed = customers["account_opened"], customers["account_closed"]
    open_then = ((opened <= day) & ~(closed <= day)).to_numpy()
    margin = orders[orders["order_date"] <= day].groupby("customer_id")["margin"].sum()
    value = margin.reindex(customers["customer_id"], fill_value=0.0).to_numpy()
    ranked = np.flatnonzero(open_then)[np.argsort(-value[open_then], kind="stable")]
    key = np.zeros(len(customers), dtype=bool)
    key[ranked[: int(round(P["top_share"] * len(ranked)))]] = True
    left = (closed > day).to_numpy()
    prob = np.where(open_then, P["relationship_manager_share_other"], 0.0)
    prob[key] = _manager_probability(left[key], P["relationship_manager_share"], P["closure_risk_ratio"])
    has = rng.random(len(customers)) < prob
    manager = _pick_manager(customers["branch_office"].to_numpy(), has, w.tables["staff"], rng)
    return {"customers": {"relationship_manager": pd.array(manager, dtype="Int64")}}


def _manager_probability(left: np.ndarray, share: float, ratio: float) -> np.ndarray:
    """P(manager | left or stayed) so that P(manager) = share and P(left | manager) = ratio x P(left | none).

    Bayes' rule backwards: with p the key accounts' closure share,
    p_none = p / (share x ratio + 1 - share) and p_manager = ratio x p_none.
    """
    p = left.mean() if len(left) else 0.0
    p_none = p / (share * ratio + 1.0 - share)
    p_manager = ratio * p_none
    if_left = share * p_manager / p if p > 0 else share
    if_stayed = share * (1.0 - p_manager) / (1.0 - p) if p < 1 else share
    return np.where(left, if_left, if_stayed)


def _pick_manager(office: np.ndarray, has: np.ndarray, staff: pd.DataFrame, rng: np.random.Generator) -> np.ndarray:
    """The employee id of a relationship manager of the customer's office (uniform), or missing."""
    managers = staff[staff["role"] == "relationship manager"].groupby("branch_office")["employee_id"].apply(np.array)
    choice = rng.random(len(office))
    out = np.full(len(office), pd.NA, dtype=object)
    for i in np.flatnonzero(has):
        ids = managers[office[i]]
        out[i] = int(ids[int(choice[i] * len(ids))])
    return out


# --------------------------------------------------------------------------- effect 11: ticket classification


def ticket_classification(w: _sim.World, rng: np.random.Generator) -> dict:
    """Each ticket's service classification, owner, time limit, reopening and follow-up (README effect 11).

    Derived from the ticket's category, order (or account) and resolution by
    the ``service`` parameters; draw order: stage, technical, visit, paid,
    contacts, reopened, follow-up call.  In the bank, the tickets of a
    customer with a relationship manager, opened after
    :func:`designation_day`, get more visits and follow-up calls.
    """
    S, t = w.P["service"], w.tables["tickets"]
    category = t["category"].astype(str).to_numpy()
    m = len(t)
    stage = _stages(w, t, category, rng.random(m), S)
    technical = rng.random(m) < _share(S["technical_share"], category)
    premium = _premium(w, t)
    visit_prob = np.where(premium, S["visit_prob_relationship_manager"], _share(S["visit_share"], category))
    visit = rng.random(m) < visit_prob
    allowed = ~np.isin(category, S["paid_needs_visit"]) | visit
    allowed &= ~np.isin(category, S["paid_needs_technical"]) | technical
    paid = (rng.random(m) < _share(S["paid_share"], category)) & allowed
    return {"tickets": {
        "stage": stage,
        "technical": technical,
        "on_site_visit": visit,
        "paid": paid,
        "contacts": _contacts(t, rng, S),
        "owner_team": _owner(category, technical, w.P["scenario"] == "bank", S),
        "time_limit_hours": np.array([S["time_limit_hours"][s] for s in stage], dtype=float),
        "reopened": _reopened(t, rng, S),
        "follow_up_call": _follow_up(t, premium, rng, S),
    }}


def _share(shares: dict, category: np.ndarray) -> np.ndarray:
    return np.array([shares.get(c, 0.0) for c in category], dtype=float)


def _stages(w: _sim.World, t: pd.DataFrame, category: np.ndarray, u: np.ndarray, S: dict) -> np.ndarray:
    """售前/售中/售后: in-sale while the sale is under way, pre-sale by ``pre_sale_share``, else after-sale."""
    if w.P["scenario"] == "bank":
        opened = t["customer_id"].map(w.tables["customers"].set_index("customer_id")["account_opened"])
        under_way = (t["opened_at"] - opened) <= pd.Timedelta(days=S["in_sale_days_bank"])
    else:
        day = t["order_id"].map(w.tables["orders"].set_index("order_id")["order_date"])
        under_way = (t["opened_at"] - day) <= pd.Timedelta(hours=S["in_sale_hours"])
    in_sale = under_way.fillna(False).to_numpy(dtype=bool) & np.isin(category, S["in_sale_categories"])
    pre_sale = ~in_sale & (u < _share(S["pre_sale_share"], category))
    return np.where(in_sale, "in-sale", np.where(pre_sale, "pre-sale", "after-sale")).astype(object)


def _premium(w: _sim.World, t: pd.DataFrame) -> np.ndarray:
    """Bank tickets of a customer with a relationship manager, opened after the key accounts were named."""
    customers = w.tables["customers"]
    if "relationship_manager" not in customers:
        return np.zeros(len(t), dtype=bool)
    has = customers.set_index("customer_id")["relationship_manager"].notna()
    after = t["opened_at"] >= pd.Timestamp(designation_day(w)) + pd.Timedelta(days=1)
    return (t["customer_id"].map(has).to_numpy(dtype=bool) & after.to_numpy())


def _contacts(t: pd.DataFrame, rng: np.random.Generator, S: dict) -> np.ndarray:
    """Contacts with the customer: 1 if resolved at the first contact, else 2 + Poisson (longer, more)."""
    hours = np.minimum(t["hours_to_resolve"].fillna(0.0).to_numpy(), 240.0)
    resolved = t["resolved"].to_numpy(dtype=bool)
    extra = rng.poisson(np.where(resolved, hours / S["contacts_hours_per_extra"], S["contacts_unresolved_extra"]))
    first = t["first_contact_resolution"].to_numpy(dtype=bool)
    return np.where(first, 1, np.minimum(2 + extra, S["contacts_max"])).astype(np.int64)


def _owner(category: np.ndarray, technical: np.ndarray, bank: bool, S: dict) -> np.ndarray:
    """The team that owns the ticket until the loop is closed (the named owner of deck 002)."""
    teams = {**S["owner_team"], **(S["owner_team_bank"] if bank else {})}
    owner = np.array([teams[c] for c in category], dtype=object)
    question = (category == "product question") & technical
    return np.where(question, S["owner_team_technical_question"], owner).astype(object)


def _reopened(t: pd.DataFrame, rng: np.random.Generator, S: dict) -> np.ndarray:
    """A resolved ticket reopens with ``reopen_prob`` of its resolution rating ("not rated" if none)."""
    rating = t["resolution_satisfaction"]
    prob = rating.map(S["reopen_prob"]).astype(float).fillna(S["reopen_prob"]["not rated"]).to_numpy()
    return (rng.random(len(t)) < prob) & t["resolved"].to_numpy(dtype=bool)


def _follow_up(t: pd.DataFrame, premium: np.ndarray, rng: np.random.Generator, S: dict) -> np.ndarray:
    """A follow-up call after a resolved ticket (电话回访): complaints more often, key accounts' most."""
    f = S["follow_up_prob"]
    base = np.where(t["is_complaint"].to_numpy(dtype=bool), f["complaint"], f["question"])
    prob = np.where(premium, f["relationship manager"], base)
    return (rng.random(len(t)) < prob) & t["resolved"].to_numpy(dtype=bool)
