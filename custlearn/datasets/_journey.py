"""Add-on ``journey``: what shapes satisfaction (lesson 03), drawn given each respondent's overall answer.

Deck 002 names four factors that shape a customer's satisfaction: needs and
preferences (需求和偏好), touch points (接触点), established beliefs (已建立的认识:
what the customer expected beforehand) and outside reviews (外部评价).  This
add-on gives every survey respondent of shop, cafe and bank a main need
(``main_need``), whether they read outside reviews and the star rating they
saw (``read_reviews``, ``review_rating_seen``), the expectation they held
before their first order (``prior_expectation``) and a 1-5 rating of each
touch point of the journey (``rating_<touch point>``).  Parameters:
``_params.<SCENARIO>["journey"]``; README "Instructor section", effect 10.

Causes drawn from their effect
------------------------------
``overall_satisfaction`` comes from the core streams and cannot move (every
shipped column keeps its values).  So the factors are drawn *given* each
respondent's overall answer k, from a planted joint model in which they
explain it.  A respondent's profile x = (need s, ratings r, expectation e)
has the prior p(x) = p(s) p(r) p(e): needs by their shares; ratings from one
shared factor ("halo") behind ordinal ratings with the given shares; the
expectation from the reviews read.  The planted mean answer is

    eta(x) = intercept + sum_j m[s, j] (-penalty_j [r_j <= low] + reward_j [r_j >= high])
             + expectation_effect (e - expectation_reference)

and P(k | x) is an ordered probit whose latent location is chosen so that its
mean is *exactly* eta(x), with cut points fitted so that sum_x p(x) P(k | x)
equals the shares pi_k of overall answers the core simulation implies
(S ~ Normal(0, 1) plus Normal(0, 0.45), cut at ``_sim.OVERALL_CUTS``; the
intercept makes the means agree).  Each respondent's profile is then drawn
from p(x | k) = p(x) P(k | x) / pi_k, and the reviews from p(reviews | e).
The pairs (x, k) are therefore distributed as the planted joint model:

- a regression of overall satisfaction on the low/high dummies of the ratings
  recovers penalty_j and reward_j (penalty-reward analysis), on the ratings
  themselves the population regression weights of :func:`truth`;
- at the same ratings, one point more of prior expectation lowers the mean
  answer by ``expectation_effect`` (expectation-disconfirmation);
- the star rating seen moves the expectation by ``expectation_per_star``;
- within a need segment, the touch point of that need weighs more.

The profiles are few enough to list (shop: 3 needs x 5^5 ratings x 5
expectations), so every population value is computed exactly by
:func:`truth` and :func:`what_if`, not simulated.  The ratings relate to the
customer's latent satisfaction, loyalty and the SERVQUAL answers only through
the overall answer.

Examples
--------
>>> from custlearn.datasets import _journey
>>> m = _journey.model("bank")
>>> m.names
('branch', 'app', 'phone', 'adviser')
>>> round(float(m.prior.sum()), 12)
1.0
"""

from __future__ import annotations

import functools
import itertools
import math
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from custlearn._i18n import tr
from custlearn._validate import DataError
from custlearn.datasets import _params
from custlearn.datasets._sim import OVERALL_CUTS, OVERALL_NOISE_SD

if TYPE_CHECKING:
    from custlearn.datasets._sim import World

SCENARIOS = ("shop", "cafe", "bank")
LEVELS = np.arange(1, 6)
STARS = np.round(np.arange(10, 51) / 10, 1)  # star ratings a customer may have seen: 1.0, 1.1, ..., 5.0
LABELS = {
    "website_app": "our website or app",
    "checkout": "checkout and payment",
    "delivery": "delivery",
    "returns": "returns and refunds",
    "service_contact": "your contacts with customer service",
    "ordering": "ordering (at the counter or in the app)",
    "food_and_drink": "the food and drink",
    "staff": "the staff who served you",
    "ambience": "the place itself (seating, cleanliness, atmosphere)",
    "branch": "our branches",
    "app": "the banking app",
    "phone": "phone banking",
    "adviser": "your personal adviser",
}
_FACTOR = "(deck 002, what shapes satisfaction: {})"


def columns(scenario: str) -> tuple[tuple[str, str, str, str, str], ...]:
    """The data-dictionary rows of the add-on's survey columns for ``scenario`` (table, column, type, unit, meaning)."""
    J = _params.SCENARIOS[scenario]["journey"]
    needs = ", ".join(J["needs"])
    rows = [
        ("main_need", "category", "", f"What matters most to you? One of: {needs}. " + _FACTOR.format("needs and preferences")),
        ("read_reviews", "bool", "", "Did you read reviews of us on other sites before your first visit or order? " + _FACTOR.format("outside reviews")),
        ("review_rating_seen", "float", "stars (1-5)", "Average star rating of the outside reviews read (1.0-5.0); missing if none read."),
        ("prior_expectation", "int", "1-5", "Before your first visit or order, how good did you expect us to be? 1 = very poor, 5 = excellent. " + _FACTOR.format("established beliefs")),
    ]
    rows += [(f"rating_{t}", "int", "1-5", f"How satisfied are you with {LABELS[t]}? 1 = very dissatisfied, 5 = very satisfied. " + _FACTOR.format("touch points"))
             for t in J["touch_points"]]
    return tuple(("surveys", *row) for row in rows)


# --------------------------------------------------------------------------- the planted model


@functools.lru_cache(maxsize=None)
def model(scenario: str) -> SimpleNamespace:
    """The planted joint model of ``scenario`` (cached): profiles, prior, planted mean and answer model.

    Attributes: ``names`` (touch points), ``needs``, ``R`` (every combination
    of ratings, one row each), ``prior`` (p(need, ratings, expectation), an
    array needs x rating rows x 5), ``eta`` (the planted mean answer, same
    shape), ``answer`` (P(k = 1..5 | profile), shape + (5,)), ``intercept``,
    ``cuts``, ``m`` (need multipliers, needs x touch points), ``reviews``
    (:func:`review_states`), ``shares`` (pi, the overall answers' shares).
    """
    J = _params.SCENARIOS[scenario]["journey"]
    names, needs = tuple(J["touch_points"]), tuple(J["needs"])
    R, p_r = rating_profiles(J)
    reviews = review_states(J["reviews"])
    p_s = np.array([J["needs"][s]["share"] for s in needs], dtype=float)
    m = need_multipliers(J, names, needs, p_s)
    prior = p_s[:, None, None] * p_r[None, :, None] * (reviews.p @ reviews.e_given)[None, None, :]
    shares = overall_shares()
    eta, intercept = planted_mean(J, names, R, m, prior, shares)
    answer, cuts = answer_model(eta, prior, shares)
    for a in (R, prior, eta, answer):
        a.flags.writeable = False
    return SimpleNamespace(scenario=scenario, names=names, needs=needs, R=R, prior=prior, eta=eta, answer=answer,
                           intercept=intercept, cuts=cuts, m=m, reviews=reviews, shares=shares, J=J)


def overall_shares() -> np.ndarray:
    """Shares of overall_satisfaction 1..5 the core simulation implies: S ~ N(0, 1) plus noise, cut at OVERALL_CUTS."""
    from scipy.special import ndtr

    sd = math.sqrt(1.0 + OVERALL_NOISE_SD**2)
    return np.diff(np.concatenate([[0.0], ndtr(np.array(OVERALL_CUTS) / sd), [1.0]]))


def rating_profiles(J: dict) -> tuple[np.ndarray, np.ndarray]:
    """Every combination of touch-point ratings and its probability.

    Rating j is an ordinal cut of ``halo`` f + sqrt(1 - halo^2) z_j, with one
    shared factor f ~ N(0, 1) (the halo that makes ratings agree) and the cut
    points placed so that rating j has exactly the ``shares`` of its touch
    point.  Integrated over f by Gauss-Hermite quadrature (60 nodes).
    """
    from scipy.special import ndtr, ndtri

    tps, halo = J["touch_points"], J["halo"]
    R = np.array(list(itertools.product(range(1, 6), repeat=len(tps))), dtype=np.int64)
    f, wf = np.polynomial.hermite_e.hermegauss(60)
    wf = wf / wf.sum()
    given_f = np.ones((len(f), len(R)))
    for j, tp in enumerate(tps.values()):
        shares = np.asarray(tp["shares"], dtype=float)
        tau = ndtri(np.cumsum(shares)[:-1] / shares.sum())
        below = ndtr((tau[None, :] - halo * f[:, None]) / math.sqrt(1.0 - halo**2))
        level = np.diff(np.hstack([np.zeros((len(f), 1)), below, np.ones((len(f), 1))]), axis=1)
        given_f *= level[:, R[:, j] - 1]
    return R, wf @ given_f


def review_states(rv: dict) -> SimpleNamespace:
    """Outside reviews and the expectation they set.

    State 0: read no reviews; state 1 + i: read reviews and saw the star
    rating ``STARS[i]``.  ``p`` is each state's probability, ``e_given`` the
    distribution of the prior expectation (1-5) in each state: 1 + Binomial(4,
    q) with the state's ``mean`` (so the mean is exactly linear in the stars).
    """
    w = np.exp(-0.5 * ((STARS - rv["rating_mean"]) / rv["rating_sd"]) ** 2)
    p = np.concatenate([[1.0 - rv["read_share"]], rv["read_share"] * w / w.sum()])
    seen = rv["expectation_at_mean_rating"] + rv["expectation_per_star"] * (STARS - rv["rating_mean"])
    mean = np.concatenate([[rv["expectation_not_read"]], seen])
    if mean.min() < 1 or mean.max() > 5:
        raise DataError(tr("The reviews parameters give mean expectations from {min_mean:.2f} to "
                           "{max_mean:.2f}, but they must lie in 1-5. Make expectation_per_star smaller.",
                           min_mean=mean.min(), max_mean=mean.max()))
    q = (mean - 1.0) / 4.0
    e_given = np.stack([math.comb(4, i) * q**i * (1.0 - q) ** (4 - i) for i in range(5)], axis=1)
    return SimpleNamespace(p=p, mean=mean, e_given=e_given, read=np.arange(len(p)) > 0, stars=np.concatenate([[np.nan], STARS]))


def need_multipliers(J: dict, names: tuple[str, ...], needs: tuple[str, ...], p_s: np.ndarray) -> np.ndarray:
    """m[s, j]: ``need_weight`` on the touch point of need s, 1 elsewhere, scaled to average 1 over customers."""
    raw = np.array([[J["need_weight"] if J["needs"][s]["touch_point"] == t else 1.0 for t in names] for s in needs])
    return raw / (p_s @ raw)[None, :]


def planted_mean(J: dict, names: tuple[str, ...], R: np.ndarray, m: np.ndarray, prior: np.ndarray, shares: np.ndarray) -> tuple[np.ndarray, float]:
    """eta[s, r, e], the planted mean overall answer of each profile, and the intercept that makes its mean that of ``shares``."""
    tps = J["touch_points"]
    penalty = np.array([tps[t]["penalty"] for t in names])
    reward = np.array([tps[t]["reward"] for t in names])
    part = (R >= J["high"]) * reward - (R <= J["low"]) * penalty  # rating rows x touch points
    touch = (part @ m.T).T  # needs x rating rows
    expectation = J["expectation_effect"] * (LEVELS - J["expectation_reference"])
    eta = touch[:, :, None] + expectation[None, None, :]
    intercept = float(shares @ LEVELS - (prior * eta).sum())
    eta = intercept + eta
    if eta.min() <= 1 or eta.max() >= 5:
        raise DataError(
            tr("The planted journey effects give mean answers from {min_eta:.2f} to {max_eta:.2f}, but "
               "every profile's mean must lie strictly inside 1-5. Make the penalties, rewards or "
               "need_weight smaller.", min_eta=eta.min(), max_eta=eta.max())
        )
    return eta, intercept


def ordered_probit(eta: np.ndarray, cuts: np.ndarray) -> np.ndarray:
    """P(answer = 1..5) with mean exactly ``eta``: 1 + number of ``cuts`` below mu + N(0, 1), mu solved by bisection."""
    from scipy.special import ndtr

    eta = np.asarray(eta, dtype=float).ravel()
    lo, hi = np.full(len(eta), cuts[0] - 12.0), np.full(len(eta), cuts[-1] + 12.0)
    for _ in range(80):
        mid = (lo + hi) / 2.0
        below = 1.0 + ndtr(mid[:, None] - cuts[None, :]).sum(axis=1) < eta
        lo, hi = np.where(below, mid, lo), np.where(below, hi, mid)
    mu = (lo + hi) / 2.0
    at_most = ndtr(cuts[None, :] - mu[:, None])
    return np.diff(np.hstack([np.zeros((len(eta), 1)), at_most, np.ones((len(eta), 1))]), axis=1)


def answer_model(eta: np.ndarray, prior: np.ndarray, shares: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """P(k | profile) for every profile, mean exactly eta; the cut points fitted so the answers' shares are ``shares``.

    Shifting every cut moves mu with them, so the first cut is 0 and the
    three gaps (kept positive as exp) are solved from the shares of 1, 2 and
    5; the shares of 3 and 4 follow, because the means already agree.
    """
    from scipy.optimize import root

    values, where = np.unique(eta, return_inverse=True)
    weight = np.bincount(where.ravel(), weights=prior.ravel(), minlength=len(values))

    def cuts_of(gaps: np.ndarray) -> np.ndarray:
        return np.concatenate([[0.0], np.cumsum(np.exp(gaps))])

    def miss(gaps: np.ndarray) -> np.ndarray:
        return (weight @ ordered_probit(values, cuts_of(gaps)) - shares)[[0, 1, 4]]

    fit = root(miss, np.zeros(3), method="hybr", tol=1e-13)
    cuts = cuts_of(fit.x)
    table = ordered_probit(values, cuts)
    if np.abs(weight @ table - shares).max() > 1e-9:
        raise DataError(tr("The journey answer model could not match the shares of the overall answers. "
                           "Check the journey parameters."))
    return table[where.reshape(eta.shape)], cuts


# --------------------------------------------------------------------------- the add-on step


def _inverse_cdf(weights: np.ndarray, u: np.ndarray) -> np.ndarray:
    """Positions drawn with probability proportional to ``weights``, one per uniform in ``u``."""
    cdf = np.cumsum(weights)
    return np.minimum(np.searchsorted(cdf, u * cdf[-1], side="right"), len(cdf) - 1)


def _draw_given(answer: np.ndarray, weights: np.ndarray, u: np.ndarray) -> np.ndarray:
    """For each row i, a position drawn from ``weights[:, answer[i] - 1]`` with the uniform ``u[i]``."""
    out = np.zeros(len(answer), dtype=np.int64)
    for k in range(weights.shape[1]):
        sel = answer == k + 1
        if sel.any():
            out[sel] = _inverse_cdf(weights[:, k], u[sel])
    return out


def draw(w: World, rng: np.random.Generator) -> dict[str, dict[str, Any]]:
    """Each respondent's main need, reviews, prior expectation and touch-point ratings, given their overall answer.

    Plants README effect 10 (``journey`` in :mod:`._params`): the profile
    (need, ratings, expectation) is drawn from p(profile | overall answer)
    of :func:`model`, then the reviews read from p(reviews | expectation).
    Draws, in this order: one uniform per respondent for the profile, one
    for the reviews.
    """
    M = model(w.P["scenario"])
    overall = np.asarray(w.tables["surveys"]["overall_satisfaction"], dtype=np.int64)
    joint = (M.prior[..., None] * M.answer).reshape(-1, 5)
    profile = _draw_given(overall, joint, rng.random(len(overall)))
    s, r, e = np.unravel_index(profile, M.prior.shape)
    expectation = (e + 1).astype(np.int64)
    state = _draw_given(expectation, M.reviews.p[:, None] * M.reviews.e_given, rng.random(len(overall)))
    cols: dict[str, Any] = {
        "main_need": np.array(M.needs, dtype=object)[s],
        "read_reviews": M.reviews.read[state],
        "review_rating_seen": M.reviews.stars[state],
        "prior_expectation": expectation,
    }
    for j, name in enumerate(M.names):
        cols[f"rating_{name}"] = M.R[r, j].astype(np.int64)
    return {"surveys": cols}


# --------------------------------------------------------------------------- the truth an instructor reads


def _weighted_ols(X: np.ndarray, y: np.ndarray, weight: np.ndarray) -> np.ndarray:
    """Population least squares: the coefficients b minimising sum(weight (y - X b)^2)."""
    return np.linalg.solve(X.T @ (X * weight[:, None]), X.T @ (weight * y))


def _factor(penalty: float, reward: float) -> str:
    """The planted three-factor class: a penalty larger than the reward is basic, smaller is excitement."""
    return "basic" if penalty > reward else "excitement" if reward > penalty else "performance"


def _touch_point_table(M: SimpleNamespace) -> pd.DataFrame:
    """Per touch point: planted penalty and reward, class, population regression weight and rating shares."""
    tps, R = M.J["touch_points"], M.R
    p_r = M.prior.sum(axis=(0, 2))
    X = np.column_stack([np.ones(len(R)), R])
    weight = _weighted_ols(X, (M.prior * M.eta).sum(axis=(0, 2)) / p_r, p_r)[1:]
    low, high = R <= M.J["low"], R >= M.J["high"]
    return pd.DataFrame({
        "penalty": [tps[t]["penalty"] for t in M.names],
        "reward": [tps[t]["reward"] for t in M.names],
        "factor": [_factor(tps[t]["penalty"], tps[t]["reward"]) for t in M.names],
        "linear_weight": weight,
        "share_low": p_r @ low, "share_middle": p_r @ (~low & ~high), "share_high": p_r @ high,
    }, index=pd.Index([f"rating_{t}" for t in M.names], name="touch_point"))


def _need_table(M: SimpleNamespace) -> pd.DataFrame:
    """Per need and touch point: planted penalty and reward (x the need's multiplier) and population regression weight."""
    tps, R = M.J["touch_points"], M.R
    X = np.column_stack([np.ones(len(R)), R])
    rows = []
    for i, need in enumerate(M.needs):
        p_r = M.prior[i].sum(axis=1)
        weight = _weighted_ols(X, (M.prior[i] * M.eta[i]).sum(axis=1) / p_r, p_r)[1:]
        for j, t in enumerate(M.names):
            rows.append({"need": need, "touch_point": f"rating_{t}", "penalty": M.m[i, j] * tps[t]["penalty"],
                         "reward": M.m[i, j] * tps[t]["reward"], "linear_weight": weight[j], "multiplier": M.m[i, j]})
    return pd.DataFrame(rows).set_index(["need", "touch_point"])


def _expectation_truth(M: SimpleNamespace) -> dict[str, float]:
    """The expectation effect, the population weight of mean performance beside it, and the reviews' effect."""
    p_re = M.prior.sum(axis=0)  # rating rows x expectation
    perf = np.repeat(M.R.mean(axis=1), 5)
    X = np.column_stack([np.ones(perf.size), perf, np.tile(LEVELS, len(M.R))])
    b = _weighted_ols(X, ((M.prior * M.eta).sum(axis=0) / p_re).ravel(), p_re.ravel())
    rv = M.J["reviews"]
    return {"expectation_effect": M.J["expectation_effect"], "population_expectation_coefficient": float(b[2]),
            "performance_weight": float(b[1]),
            "expectation_per_star": rv["expectation_per_star"], "expectation_not_read": rv["expectation_not_read"],
            "expectation_at_mean_rating": rv["expectation_at_mean_rating"], "review_rating_mean": rv["rating_mean"],
            "mean_expectation": float(M.reviews.p @ M.reviews.mean),
            "expectation_read_minus_not_read": float(M.reviews.p[1:] @ M.reviews.mean[1:] / M.reviews.p[1:].sum() - M.reviews.mean[0])}


def truth(scenario: str) -> dict[str, Any]:
    """What the journey add-on planted and what a regression on the whole population finds, exactly.

    ``touch_points``: per rating column, the planted ``penalty`` and
    ``reward`` (population averages), the planted three-factor class
    (``factor``), the population least-squares weight of overall
    satisfaction on all ratings together (``linear_weight``) and the shares
    of low, middle and high ratings.  ``by_need``: the same per need segment
    (penalty and reward times the need's multiplier).  ``expectation``: the
    planted effect of one point of prior expectation at the same ratings,
    the population coefficients of expectation and of the mean rating in
    the regression of overall satisfaction on both (the first equals the
    planted effect), and the reviews' parameters.  Also
    ``intercept``, ``cuts`` (the answer model's latent cut points),
    ``overall_shares`` and ``coding`` (low and high).
    """
    M = model(scenario)
    return {
        "touch_points": _touch_point_table(M),
        "by_need": _need_table(M),
        "expectation": _expectation_truth(M),
        "intercept": M.intercept,
        "cuts": M.cuts.tolist(),
        "overall_shares": dict(zip(LEVELS.tolist(), M.shares.tolist())),
        "coding": {"low": M.J["low"], "high": M.J["high"]},
    }


def _shifted_rows(M: SimpleNamespace, changes: dict[str, float]) -> list[tuple[float, np.ndarray]]:
    """(probability, rating row of every profile after the change) for each way the fractional moves can fall.

    A change of +delta moves a rating floor(delta) points, and one point more
    with probability delta - floor(delta), within 1-5 (so the mean rating
    moves delta where the scale allows).
    """
    J = len(M.names)
    place = 5 ** np.arange(J - 1, -1, -1)
    idx = [M.names.index(t) for t in changes]
    out = []
    for ups in itertools.product((0, 1), repeat=len(idx)):
        prob, R = 1.0, M.R.copy()
        for j, up, delta in zip(idx, ups, changes.values()):
            whole, frac = math.floor(delta), delta - math.floor(delta)
            prob *= frac if up else 1.0 - frac
            R[:, j] = np.clip(R[:, j] + whole + up, 1, 5)
        if prob > 0:
            out.append((prob, (R - 1) @ place))
    return out


def what_if(scenario: str, changes: dict[str, float], statistic: str = "top_box", top_box: int = 2) -> pd.DataFrame:
    """The planted population's mean or top-box share of overall satisfaction now and after changing ratings.

    ``changes`` maps touch points (without ``rating_``) to a change in
    rating points; the result has the rows "as now", "what-if" and "change"
    and one column ``planted`` (top-box in percent, or the mean 1-5).
    """
    M = model(scenario)
    value = M.eta if statistic == "mean" else M.answer[..., 5 - top_box:].sum(axis=-1)
    now = float((M.prior * value).sum())
    after = sum(p * float((M.prior * value[:, rows, :]).sum()) for p, rows in _shifted_rows(M, changes))
    scale = 1.0 if statistic == "mean" else 100.0
    return pd.DataFrame({"planted": [scale * now, scale * after, scale * (after - now)]},
                        index=pd.Index(["as now", "what-if", "change"], name="scenario"))
