"""The generating parameters of each scenario (the "truth" an instructor reads).

Time unit of the purchase process: weeks (``r``, ``alpha`` give a weekly
rate).  Money: one currency, called USD in the docs.  Everything here is
returned (deep-copied) by :func:`custlearn.datasets.parameters`.
"""

from __future__ import annotations

import copy

DIMENSIONS = ("tangibles", "reliability", "responsiveness", "assurance", "empathy")

# Recorded seeds and sizes of the shipped data (``python -m custlearn.datasets ship``).
SHIPPED = {
    "shop": {"customers": 5000, "seed": 20240101, "start": "2024-01-01", "end": "2025-12-31", "locale": "en_US"},
    "cafe": {"customers": 2500, "seed": 20240202, "start": "2024-01-01", "end": "2025-12-31", "locale": "en_US"},
    "bank": {"customers": 2500, "seed": 20240303, "start": "2024-01-01", "end": "2025-12-31", "locale": "en_US"},
}

STORIES = {
    "shop": "Northwind Goods, an online retailer (non-contractual: customers simply stop buying). "
    "Main dataset of lessons 1-7.",
    "cafe": "Copper Kettle, a café chain with a points membership that guests join "
    "themselves (self-selection). Lesson 8 case.",
    "bank": "Harbor Bank, a retail bank (contractual: churn is an observed account closure, "
    "driven by staff attitude, product knowledge and complaints). Lesson 8 case.",
}

_SATISFACTION = {
    # true perception and expectation means per SERVQUAL dimension, 1-7 scale
    "perception_mean": {"tangibles": 5.6, "reliability": 4.9, "responsiveness": 4.6, "assurance": 5.3, "empathy": 5.0},
    "expectation_mean": {"tangibles": 5.0, "reliability": 6.2, "responsiveness": 5.7, "assurance": 5.6, "empathy": 5.1},
    "perception_sd": 1.0,
    "expectation_sd": 0.7,
    "shared_factor_loading": 0.45,  # correlation between dimensions = loading**2
    "item_noise_sd": 0.85,  # per survey item, before rounding to 1..7
    # weights of the standardised dimension perceptions in latent satisfaction
    "weights": {"reliability": 0.35, "responsiveness": 0.25, "assurance": 0.20, "empathy": 0.12, "tangibles": 0.08},
    "noise_sd": 0.35,  # idiosyncratic part, before standardising S to mean 0, sd 1
    # loyalty rises steeply only at the top: top = logistic((S - top_center) / top_scale)
    "top_center": 1.0,
    "top_scale": 0.25,
}

_TICKETS = {
    "categories": {
        "late delivery": 0.22,
        "damaged or wrong item": 0.16,
        "refund/payment problem": 0.14,
        "price change": 0.08,
        "missing promotion information": 0.08,
        "installation/service problem": 0.10,
        "product question": 0.22,
    },
    "complaint_categories_exclude": ["product question"],
    "channels": {"phone": 0.35, "chat": 0.40, "email": 0.25},
    "channel_cost": {"phone": 9.0, "chat": 4.0, "email": 5.0},
    "cost_per_hour_open": 0.10,  # USD per hour until resolution (capped at 120 h)
    "cost_no_fcr": 12.0,  # extra USD when not resolved at first contact
    "resolved_prob": 0.82,
    "fcr_prob": 0.45,
    "asked_prob": 0.75,  # resolution_satisfaction asked (else missing)
    "well_max_hours": 48.0,  # well resolved = resolved within 48 h and satisfaction >= 4
    # multipliers on the customer's dropout probability after a complaint
    "dropout_multiplier": {"resolved_well": 0.45, "resolved_poorly": 1.4, "unresolved": 2.0},
    "dropout_add": {"resolved_well": 0.0, "resolved_poorly": 0.02, "unresolved": 0.05},
}

_BASE = {
    "horizon_weeks": 52,
    "prospect_share": 0.15,  # signed up, never buy
    "first_purchase_delay_days": 3.0,  # exponential mean, after signup
    "referral_share": 0.12,  # share of customers who arrive by referral (drawn among later signups)
    "referral_base_weight": 0.02,  # referral weight = top + base (top is steep at the top of satisfaction)
    "channels": {"search": 0.32, "social": 0.24, "email": 0.14, "marketplace": 0.30},
    "discount_prob_by_channel": {"search": 0.20, "social": 0.45, "email": 0.30, "marketplace": 0.40, "referral": 0.10},
    "acquisition_cost_by_channel": {"search": 38.0, "social": 30.0, "email": 12.0, "marketplace": 26.0, "referral": 15.0},
    "acquisition_cost_noise_sd": 0.25,  # lognormal sigma
    # latent propensity to leave, used to rank-couple the Beta draws of p:
    # L = -top_weight*top - sat_weight*S + discount_weight*discount + N(0, 1)
    "dropout_coupling": {"top_weight": 2.2, "sat_weight": 0.1, "discount_weight": 0.9, "noise_sd": 1.0},
    "satisfaction": _SATISFACTION,
    "tickets": _TICKETS,
    "ticket_prob_beta": (1.0, 30.0),  # per-customer ticket propensity per order
    "ticket_prob_if_returned": 0.25,  # added when the order was returned
}

SHOP = copy.deepcopy(_BASE)
SHOP.update(
    {
        "scenario": "shop",
        "time_unit": "week",
        # BG/NBD (Fader, Hardie & Lee 2005): lambda ~ Gamma(r, alpha) per week, p ~ Beta(a, b)
        "r": 0.8,
        "alpha": 8.0,
        "a": 0.6,
        "b": 3.0,
        # Gamma-Gamma spend (Colombo & Jiang 1999; Fader, Hardie & Lee 2005b):
        # z ~ Gamma(p, nu), nu ~ Gamma(q, gamma); E[zeta] = p * gamma / (q - 1)
        "gg_p": 6.0,
        "gg_q": 3.0,
        "gg_gamma": 20.0,
        "categories": {"electronics": 0.18, "home": 0.32, "fashion": 0.45, "beauty": 0.50, "books": 0.25, "sports": 0.35},
        "order_channels": ["web", "app"],
        "favourite_category_share": 0.6,
        "promo_prob": 0.12,
        "promo_rate_range": (0.10, 0.20),
        "welcome_discount_rate": 0.25,  # first order of discount-acquired customers
        "return_prob_beta": (0.8, 9.0),  # per-customer return propensity
        "return_cost_fixed": 7.5,
        "return_cost_rate": 0.05,  # return_cost = fixed + rate * amount; margin of a returned order is lost
        "survey_share": 0.30,
    }
)

CAFE = copy.deepcopy(_BASE)
CAFE.update(
    {
        "scenario": "cafe",
        "time_unit": "week",
        "r": 2.0,
        "alpha": 4.0,
        "a": 0.5,
        "b": 6.0,
        "gg_p": 5.0,
        "gg_q": 5.0,
        "gg_gamma": 9.6,
        "channels": {"search": 0.20, "social": 0.30, "email": 0.10, "marketplace": 0.40},
        "acquisition_cost_by_channel": {"search": 12.0, "social": 10.0, "email": 4.0, "marketplace": 9.0, "referral": 5.0},
        "categories": {"coffee & bakery": 0.70, "lunch": 0.62, "dinner": 0.60, "takeaway": 0.66, "delivery": 0.45},
        "order_channels": ["store", "app", "delivery"],
        "favourite_category_share": 0.6,
        "promo_prob": 0.05,
        "promo_rate_range": (0.10, 0.20),
        "welcome_discount_rate": 0.30,
        "return_prob_beta": (0.3, 40.0),
        "return_cost_fixed": 3.0,
        "return_cost_rate": 0.0,
        "ticket_prob_beta": (1.0, 60.0),
        "survey_share": 0.30,
        "membership": {
            # P(join) = logistic(intercept + slope * log(lambda / median lambda)): heavier guests join
            "join_intercept": -0.6,
            "join_slope": 2.5,
            "join_delay_weeks": 10.0,  # exponential mean after the first visit
            "true_effect": 1.05,  # visit rate multiplier after joining (the causal effect, +5 %)
            "points_redeem_prob": 0.10,  # member visits with a points discount
            "points_discount": 3.0,
        },
    }
)

BANK = copy.deepcopy(_BASE)
BANK.update(
    {
        "scenario": "bank",
        "time_unit": "week",
        "prospect_share": 0.0,
        "channels": {"search": 0.25, "social": 0.15, "email": 0.10, "marketplace": 0.50},
        "acquisition_cost_by_channel": {"search": 90.0, "social": 70.0, "email": 30.0, "marketplace": 60.0, "referral": 40.0},
        "products": {"checking": 0.5, "savings": 0.2, "credit card": 0.2, "mortgage": 0.1},
        # transactions per month ~ Gamma(shape, mean/shape)
        "tx_per_month_shape": 2.0,
        "tx_per_month_mean": 1.4,
        "categories": {"card payment": 0.015, "transfer": 0.0, "bill payment": 0.0, "atm withdrawal": 0.0, "deposit": 0.0},
        "fee_by_category": {"card payment": 0.0, "transfer": 0.5, "bill payment": 0.3, "atm withdrawal": 1.0, "deposit": 0.0},
        "order_channels": ["app", "web", "branch", "atm"],
        "amount_lognormal": (3.9, 0.9),
        "monthly_account_margin": {"checking": 4.0, "savings": 3.0, "credit card": 9.0, "mortgage": 40.0},
        # monthly closure hazard = base * exp(-b_att*z_att - b_kn*z_kn) * complaint multiplier
        "closure_base_hazard": 0.011,
        "closure_beta_staff_attitude": 0.55,
        "closure_beta_product_knowledge": 0.40,
        "closure_complaint_multiplier": {"resolved_well": 0.8, "resolved_poorly": 2.0, "unresolved": 3.5},
        "ticket_prob_per_month": 0.035,
        "ticket_prob_low_attitude_add": 0.02,
        "survey_share": 0.35,
    }
)

# --------------------------------------------------------------------------- the customer journey (add-on "journey")
# What shapes satisfaction (lesson 03; deck 002's four factors): needs and preferences, touch points,
# established beliefs (the expectation held before the first order) and outside reviews.  Drawn by the
# add-on :mod:`._journey` given each respondent's overall_satisfaction, from the planted model
#
#   E[overall | need s, ratings r, expectation e] = intercept
#       + sum_j m[s, j] * (-penalty_j * [r_j <= low] + reward_j * [r_j >= high])
#       + expectation_effect * (e - expectation_reference)
#
# penalty_j / reward_j: the drop / rise in overall satisfaction (1-5 points) when touch point j is rated
# low (1-2) / high (4-5) instead of 3, averaged over customers (three-factor theory: a basic factor has a
# penalty and no reward, an excitement factor a reward and no penalty, a performance factor both).
# m[s, j]: a customer whose main need is s weighs the touch point of that need ``need_weight`` times as
# much as the other customers do; m is scaled so that its average over customers is 1 for every touch
# point (so penalty_j and reward_j stay the population averages).  The intercept is set so that the
# mean answer equals the mean overall satisfaction of the core simulation (datasets.journey_truth).
# shares: how often each rating 1..5 is given (exact population shares); halo: loading of one shared
# factor behind all ratings (their latent correlation is halo**2).
# reviews: a share ``read_share`` read outside reviews before the first order and saw an average star
# rating ~ Normal(rating_mean, rating_sd) on 1.0, 1.1, ..., 5.0; the expectation (1-5) is
# 1 + Binomial(4, q) with mean expectation_not_read (did not read) or
# expectation_at_mean_rating + expectation_per_star * (rating seen - rating_mean) (read).

_JOURNEY_SHOP = {
    "touch_points": {
        "website_app": {"penalty": 0.20, "reward": 0.20, "shares": (0.05, 0.11, 0.34, 0.30, 0.20)},
        "checkout": {"penalty": 0.45, "reward": 0.00, "shares": (0.06, 0.11, 0.33, 0.30, 0.20)},
        "delivery": {"penalty": 0.45, "reward": 0.45, "shares": (0.07, 0.12, 0.33, 0.28, 0.20)},
        "returns": {"penalty": 0.40, "reward": 0.00, "shares": (0.07, 0.12, 0.35, 0.28, 0.18)},
        "service_contact": {"penalty": 0.00, "reward": 0.45, "shares": (0.06, 0.11, 0.35, 0.29, 0.19)},
    },
    "low": 2,
    "high": 4,
    "halo": 0.75,
    "expectation_effect": -0.15,
    "expectation_reference": 3,
    "needs": {
        "fast delivery": {"share": 0.40, "touch_point": "delivery"},
        "easy ordering": {"share": 0.35, "touch_point": "website_app"},
        "help when needed": {"share": 0.25, "touch_point": "service_contact"},
    },
    "need_weight": 2.0,
    "reviews": {
        "read_share": 0.55,
        "rating_mean": 4.0,
        "rating_sd": 0.6,
        "expectation_not_read": 3.2,
        "expectation_at_mean_rating": 3.6,
        "expectation_per_star": 0.8,
    },
}

_JOURNEY_CAFE = {
    **_JOURNEY_SHOP,
    "touch_points": {
        "ordering": {"penalty": 0.45, "reward": 0.00, "shares": (0.06, 0.11, 0.33, 0.30, 0.20)},
        "food_and_drink": {"penalty": 0.50, "reward": 0.50, "shares": (0.06, 0.11, 0.32, 0.30, 0.21)},
        "staff": {"penalty": 0.05, "reward": 0.50, "shares": (0.05, 0.10, 0.35, 0.30, 0.20)},
        "ambience": {"penalty": 0.20, "reward": 0.20, "shares": (0.05, 0.10, 0.35, 0.31, 0.19)},
    },
    "needs": {
        "quick service": {"share": 0.40, "touch_point": "ordering"},
        "good food": {"share": 0.35, "touch_point": "food_and_drink"},
        "friendly staff": {"share": 0.25, "touch_point": "staff"},
    },
}

_JOURNEY_BANK = {
    **_JOURNEY_SHOP,
    "touch_points": {
        "branch": {"penalty": 0.45, "reward": 0.00, "shares": (0.07, 0.12, 0.35, 0.28, 0.18)},
        "app": {"penalty": 0.50, "reward": 0.50, "shares": (0.06, 0.10, 0.32, 0.32, 0.20)},
        "phone": {"penalty": 0.20, "reward": 0.20, "shares": (0.07, 0.12, 0.36, 0.27, 0.18)},
        "adviser": {"penalty": 0.00, "reward": 0.50, "shares": (0.05, 0.10, 0.35, 0.30, 0.20)},
    },
    "needs": {
        "convenience": {"share": 0.45, "touch_point": "app"},
        "personal advice": {"share": 0.30, "touch_point": "adviser"},
        "quick help": {"share": 0.25, "touch_point": "phone"},
    },
}

SHOP["journey"] = copy.deepcopy(_JOURNEY_SHOP)
CAFE["journey"] = copy.deepcopy(_JOURNEY_CAFE)
BANK["journey"] = copy.deepcopy(_JOURNEY_BANK)

SCENARIOS = {"shop": SHOP, "cafe": CAFE, "bank": BANK}
TABLES = {
    "shop": ["customers", "orders", "surveys", "tickets"],
    "cafe": ["customers", "orders", "surveys", "tickets"],
    "bank": ["customers", "orders", "surveys", "tickets"],
}


def get(scenario: str) -> dict:
    return copy.deepcopy(SCENARIOS[scenario])


# --------------------------------------------------------------------------- issue 19: service management
# The add-ons of custlearn/datasets/_service.py (lesson 06) read these blocks; README effects 10-12.

# Effect 10, every scenario: the classification fields of each ticket (deck 001's ways to classify a
# service), its owner team, the time limit of its stage, reopening and follow-up calls.
_SERVICE_TICKETS = {
    "stages": ["pre-sale", "in-sale", "after-sale"],  # 售前 / 售中 / 售后
    "time_limit_hours": {"pre-sale": 24.0, "in-sale": 8.0, "after-sale": 72.0},  # promised time to resolve
    # in-sale: opened while the sale is under way (shop, cafe: within 24 h of the order's day;
    # bank: within 30 days of opening the account); only these categories can be in-sale
    "in_sale_hours": 24.0,
    "in_sale_days_bank": 30.0,
    "in_sale_categories": ["product question", "refund/payment problem"],
    # outside the in-sale window, the share of a category's tickets that come before a (next) purchase
    "pre_sale_share": {"product question": 0.6, "missing promotion information": 0.3},
    # 技术性: the share of a category's tickets that need technical know-how
    "technical_share": {"installation/service problem": 1.0, "online banking problem": 1.0,
                        "product question": 0.5, "damaged or wrong item": 0.15},
    # 巡回 (someone goes to the customer) rather than 定点 (phone, chat, e-mail, counter)
    "visit_share": {"installation/service problem": 0.55, "damaged or wrong item": 0.10, "product question": 0.04},
    # 收费: paid visits outside warranty, paid set-up help, express card replacement
    "paid_share": {"installation/service problem": 0.5, "product question": 0.1, "card delivery delay": 0.2},
    "paid_needs_visit": ["installation/service problem"],  # paid only when someone went out
    "paid_needs_technical": ["product question"],
    "owner_team": {
        "late delivery": "logistics", "damaged or wrong item": "logistics", "refund/payment problem": "finance",
        "price change": "sales", "missing promotion information": "marketing",
        "installation/service problem": "technical service", "product question": "customer service",
        "card delivery delay": "card operations", "wrong charge": "payments", "online banking problem": "digital banking",
    },
    "owner_team_technical_question": "technical service",
    "owner_team_bank": {"refund/payment problem": "payments", "product question": "branch office"},
    # contacts: 1 when resolved at the first contact; else 2 + Poisson(hours / 60, capped at 240 h)
    # (unresolved: 2 + Poisson(1.5)); at most 9
    "contacts_hours_per_extra": 60.0,
    "contacts_unresolved_extra": 1.5,
    "contacts_max": 9,
    # a resolved ticket reopens with this probability, by its resolution rating
    "reopen_prob": {1: 0.30, 2: 0.30, 3: 0.12, 4: 0.03, 5: 0.03, "not rated": 0.08},
    # a follow-up call (电话回访) after a resolved ticket
    "follow_up_prob": {"complaint": 0.35, "question": 0.10, "relationship manager": 0.85},
    "visit_prob_relationship_manager": 0.30,  # bank: a relationship manager visits for a key account's ticket
}

# Effect 11, bank: branch offices, their staff and the service-profit chain (Heskett et al. 1994).
# 36 offices: each of the 12 branches runs one city-centre office (half its customers) and two
# neighbourhood offices (a quarter each). Customers keep their latent staff attitude (w.z_att) and
# their closure; they are assigned to the offices of their own branch so that, in expectation,
#   office mean attitude = branch mean + attitude_per_point * (E_o - branch mean of E)
#   office closure rate  = branch rate  + closure_per_point * (E_o - branch mean of E)
#                                       + centre_closure_effect * (city centre - 1/2)
# where E_o is the office's mean employee-satisfaction score (1-5). closure_per_point is the planted
# (adjusted) staff effect; the centre effect is the confounder: city-centre offices have more satisfied,
# better-trained staff AND customers who close less for other reasons.
_SERVICE_PROFIT_CHAIN = {
    "offices_per_branch": 3,
    "location_share": {"city centre": 0.5, "neighbourhood": 0.25},  # of the branch's customers
    "office_names": {"city centre": "Central", "neighbourhood": ["North", "South"]},
    "staff_base": {"city centre": 12, "neighbourhood": 7},  # + Poisson(3) / Poisson(2)
    "staff_extra_mean": {"city centre": 3.0, "neighbourhood": 2.0},
    "relationship_managers": {"city centre": 2, "neighbourhood": 1},
    "adviser_share": 0.4,  # of the staff other than the manager and relationship managers
    "tenure_gamma": (2.0, 3.0),  # years, shape and scale (mean 6); the office manager + 4
    "climate_sd": 0.45,  # office working climate, points of satisfaction (centred in each branch)
    "climate_centre_shift": 0.45,  # city-centre offices: more satisfied staff ...
    "training_base_hours": 20.0,
    "training_centre_hours": 10.0,  # ... and better trained
    "training_per_climate": 6.0,
    "training_role_hours": {"teller": 0.0, "customer adviser": 6.0, "relationship manager": 10.0, "office manager": 4.0},
    "training_sd": 6.0,
    "satisfaction_intercept": 3.5,  # employee satisfaction survey (1-5): latent = intercept + climate
    "satisfaction_per_pay_band": 0.2,  # + per pay band above 2
    "satisfaction_per_training_hour": 0.02,  # + per training hour above 24
    "satisfaction_noise_sd": 0.8,
    "attitude_per_point": 0.6,  # customers' latent staff attitude (sd) per point of office satisfaction
    "closure_per_point": -0.05,  # the planted staff effect: closure share per point of office satisfaction
    "centre_closure_effect": -0.07,  # city-centre customers close less for other reasons (the confounder)
    "newton_steps": 12,  # fitting the assignment: a fixed number of Newton steps (converged to 1e-10 in about 5)
}

# Effect 12, bank: key accounts (大客户) with a relationship manager stay longer.
_KEY_ACCOUNTS = {
    "designated_days_before_end": 365,  # the bank names its key accounts one year before the window ends
    "top_share": 0.10,  # the most valuable accounts open that day, by margin earned so far
    "relationship_manager_share": 0.6,  # of key accounts (capacity); other accounts:
    "relationship_manager_share_other": 0.02,
    "closure_risk_ratio": 0.4,  # key accounts with a relationship manager close 0.4 times as often in the next year
}

for _scenario in (SHOP, CAFE, BANK):
    _scenario["service"] = copy.deepcopy(_SERVICE_TICKETS)
del _scenario
BANK["service_profit_chain"] = copy.deepcopy(_SERVICE_PROFIT_CHAIN)
BANK["key_accounts"] = copy.deepcopy(_KEY_ACCOUNTS)
TABLES["bank"] = TABLES["bank"] + ["offices", "staff"]
