"""Data dictionary: every table and column with type, unit and meaning.

The ``type`` drives the dtypes on load (``read_csv`` gets explicit dtypes):
``int`` int64, ``Int64`` nullable integer, ``float``, ``bool``, ``str``,
``category``, ``date`` (datetime64, day), ``datetime`` (datetime64, minute).
All people in these tables are fictional.
"""

from __future__ import annotations

from custlearn.datasets import _addons
from custlearn.datasets._params import DIMENSIONS

_FICT = " All people are fictional."

CUSTOMERS = [
    ("customer_id", "int", "", "Customer identifier, 1, 2, ... in order of sign-up."),
    ("name", "str", "", "Full name (fictional, generated with Faker)." + _FICT),
    ("email", "str", "", "E-mail address, unique per customer (fictional)."),
    ("phone", "str", "", "Phone number, unique per customer (fictional)."),
    ("city", "category", "", "City of residence (Faker city names)."),
    ("signup_date", "date", "date", "Day the customer registered."),
    ("acquisition_channel", "category", "", "How the customer was acquired: search, social, email, marketplace or referral."),
    ("acquired_with_discount", "bool", "", "True if acquired with a welcome discount on the first order."),
    ("acquisition_cost", "float", "USD", "Cost of acquiring this customer (depends on the channel, with noise)."),
    ("referred_by", "Int64", "", "customer_id of the referring customer (referral channel); missing otherwise."),
    ("age", "int", "years", "Age at sign-up."),
]
CUSTOMERS_CAFE = [
    ("is_member", "bool", "", "True if the guest joined the points membership by the end of the window."),
    ("member_since", "date", "date", "Day the guest joined the membership; missing for non-members."),
]
CUSTOMERS_BANK = [
    ("product", "category", "", "Main account product: checking, savings, credit card or mortgage."),
    ("branch", "category", "", "Home branch of the customer."),
    ("account_opened", "date", "date", "Day the account was opened (= signup_date)."),
    ("account_closed", "date", "date", "Day the account was closed; missing (NaT) if still open at the end."),
]

ORDERS = [
    ("order_id", "int", "", "Order identifier, in date order."),
    ("customer_id", "int", "", "The customer who ordered (customers.customer_id)."),
    ("order_date", "date", "date", "Day of the order."),
    ("amount", "float", "USD", "Amount paid, after any discount."),
    ("items", "int", "items", "Number of items in the order."),
    ("category", "category", "", "Main product category of the order."),
    ("discount", "float", "USD", "Money discount given on the order (0 if none): welcome discounts and promotions."),
    ("channel", "category", "", "Where the order was placed."),
    ("returned", "bool", "", "True if the order was returned (its margin is lost and it costs return_cost)."),
    ("margin", "float", "USD", "Gross margin of the order before service costs: (amount + discount) x category margin rate - discount."),
    ("return_cost", "float", "USD", "Cost of handling the return (0 if not returned)."),
]
ORDERS_CAFE = [(c, t, u, m.replace("order", "visit").replace("Order", "Visit")) for c, t, u, m in ORDERS]
ORDERS_BANK = [
    ("order_id", "int", "", "Transaction identifier, in date order."),
    ("customer_id", "int", "", "The account holder (customers.customer_id)."),
    ("order_date", "date", "date", "Day of the transaction."),
    ("amount", "float", "USD", "Transaction amount."),
    ("items", "int", "", "Always 1 (one transaction per row)."),
    ("category", "category", "", "Transaction type: card payment, transfer, bill payment, atm withdrawal, deposit."),
    ("discount", "float", "USD", "Fee waived on the transaction (0 if none)."),
    ("channel", "category", "", "app, web, branch or atm."),
    ("returned", "bool", "", "True if the transaction was reversed (charge-back)."),
    ("margin", "float", "USD", "Bank income from the transaction (fees and interchange) plus the account's monthly margin on the first transaction of a month."),
    ("return_cost", "float", "USD", "Cost of handling a reversal (0 if none)."),
]

SURVEYS = (
    [
        ("response_id", "int", "", "Survey response identifier, in date order."),
        ("customer_id", "int", "", "The respondent (customers.customer_id)."),
        ("survey_date", "date", "date", "Day of the answer (a few days after an order)."),
        ("overall_satisfaction", "int", "1-5", "Overall, how satisfied are you? 1 = very dissatisfied, 5 = very satisfied."),
        ("likely_to_recommend", "int", "0-10", "How likely are you to recommend us to a friend? (the NPS question)."),
        ("customer_effort", "int", "1-7", "The company made it easy to handle my issue: 1 = strongly disagree, 7 = made it very easy."),
    ]
    + [
        (f"exp_{d}_{k}", "int", "1-7", f"Expectation item {k} of the SERVQUAL dimension {d}: what an excellent company would offer (1 = strongly disagree, 7 = strongly agree).")
        for d in DIMENSIONS
        for k in (1, 2, 3)
    ]
    + [
        (f"per_{d}_{k}", "int", "1-7", f"Perception item {k} of the SERVQUAL dimension {d}: what this company offers (1 = strongly disagree, 7 = strongly agree).")
        for d in DIMENSIONS
        for k in (1, 2, 3)
    ]
    + [
        ("attitude_1", "int", "1-7", "Attitudinal loyalty: I prefer this company to others."),
        ("attitude_2", "int", "1-7", "Attitudinal loyalty: I would pay a little more to stay with this company."),
        ("attitude_3", "int", "1-7", "Attitudinal loyalty: I would choose this company again."),
        ("comment", "str", "", "Short free-text comment (from templates chosen by satisfaction; fictional)."),
    ]
)
SURVEYS_BANK = [
    ("staff_attitude", "int", "1-7", "The staff were friendly and respectful (1 = strongly disagree, 7 = strongly agree)."),
    ("product_knowledge", "int", "1-7", "The staff knew the products and explained them well (1-7)."),
]

TICKETS = [
    ("ticket_id", "int", "", "Service ticket identifier, in time order."),
    ("customer_id", "int", "", "The customer who contacted service."),
    ("order_id", "Int64", "", "The order the ticket is about (missing if none)."),
    ("opened_at", "datetime", "date and time", "When the ticket was opened (to the minute)."),
    ("category", "category", "", "late delivery, damaged or wrong item, refund/payment problem, price change, missing promotion information, installation/service problem or product question (bank: card delivery delay, wrong charge, online banking problem replace the first, second and sixth)."),
    ("channel", "category", "", "Contact channel: phone, chat or email."),
    ("is_complaint", "bool", "", "True for complaints (every category except product question)."),
    ("resolved", "bool", "", "True if the issue was resolved."),
    ("hours_to_first_response", "float", "hours", "Hours from opening to the first answer."),
    ("hours_to_resolve", "float", "hours", "Hours from opening to resolution; missing if unresolved."),
    ("first_contact_resolution", "bool", "", "True if resolved in the first contact."),
    ("resolution_satisfaction", "Int64", "1-5", "Satisfaction with how the issue was handled; missing if not asked."),
    ("handling_cost", "float", "USD", "Cost of handling the ticket (channel cost + time open + extra contacts)."),
]

TRUTH = [
    ("customer_id", "int", "", "Customer identifier."),
    ("is_prospect", "bool", "", "True if the customer signed up but never buys (not part of the BG/NBD population)."),
    ("purchase_rate", "float", "per week", "True purchase rate lambda (while alive), drawn from Gamma(r, alpha)."),
    ("dropout_prob", "float", "", "Base dropout probability p after each repeat purchase, Beta(a, b) marginal (bank: monthly closure hazard before complaints)."),
    ("alive_at_end", "bool", "", "True if the customer had not dropped out by the end of the window (prospects: False)."),
    ("churn_date", "date", "date", "Date of the purchase after which the customer dropped out (bank: account closure); missing if still alive at the end of the horizon."),
    ("latent_satisfaction", "float", "z-score", "Latent overall satisfaction S (mean 0, sd 1)."),
    ("spend_mean", "float", "USD", "The customer's mean spend per order zeta = p / nu (Gamma-Gamma; bank: mean transaction amount)."),
    ("future_purchases", "int", "orders", "Purchases in the horizon after the window's end (52 weeks)."),
    ("future_value", "float", "USD", "Amount spent in the horizon after the window's end (52 weeks, undiscounted); bank: margin earned."),
    ("acquired_with_discount", "bool", "", "As in customers."),
    ("complaint_outcome", "category", "", "Outcome of the customer's first complaint in the window: none, resolved_well, resolved_poorly, unresolved."),
    ("referrals", "int", "customers", "Number of customers this customer referred."),
    ("return_prob", "float", "", "Per-order return probability of the customer."),
    ("ticket_prob", "float", "", "Per-order probability of a service ticket (before returns)."),
] + [(f"true_per_{d}", "float", "1-7", f"True perception of {d}.") for d in DIMENSIONS] + [
    (f"true_exp_{d}", "float", "1-7", f"True expectation of {d}.") for d in DIMENSIONS
]
TRUTH_CAFE = [
    ("pre_join_rate", "float", "per week", "Visit rate before joining (the same for non-members)."),
    ("true_member_effect", "float", "ratio", "Causal multiplier of the visit rate after joining (1.0 for guests who never join)."),
    ("joined_at", "date", "date", "Day of joining (also in the horizon); missing if never."),
]
TRUTH_BANK = [
    ("closure_cause", "category", "", "Why the account was closed: none, service (staff attitude/knowledge), complaint_unresolved, complaint_poor, other."),
    ("true_staff_attitude", "float", "z-score", "Latent staff attitude experienced by the customer."),
    ("true_product_knowledge", "float", "z-score", "Latent product knowledge experienced by the customer."),
]

RAW_CUSTOMERS = [
    ("customer_id", "int", "", "Record id. Duplicates of a person have their own, later id (see datasets.duplicates)."),
    ("name", "str", "", "Name, as typed (case and spacing vary)."),
    ("email", "str", "", "E-mail, as typed (case and spaces vary; some missing)."),
    ("phone", "str", "", "Phone, text in several formats (some missing)."),
    ("city", "str", "", "City, with spelling variants (some missing)."),
    ("signup_date", "str", "", "Sign-up day as text (ISO)."),
    ("acquisition_channel", "str", "", "As in customers."),
    ("acquired_with_discount", "bool", "", "As in customers."),
    ("acquisition_cost", "float", "USD", "As in customers."),
    ("referred_by", "Int64", "", "As in customers."),
    ("age", "Int64", "years", "Age, with missing and impossible values."),
]
RAW_ORDERS = [
    ("order_id", "int", "", "Order id."),
    ("customer_id", "int", "", "Record id of the customer (may point to a duplicate record)."),
    ("order_date", "str", "", "Order day as text: mostly ISO, some other formats, some outside the window."),
    ("amount", "float", "USD", "Amount; some wrongly negative (not refunds)."),
    ("items", "int", "items", "As in orders."),
    ("category", "str", "", "As in orders."),
    ("discount", "float", "USD", "As in orders."),
    ("channel", "str", "", "As in orders."),
    ("returned", "bool", "", "As in orders."),
    ("margin", "float", "USD", "As in orders."),
    ("return_cost", "float", "USD", "As in orders."),
]
RAW_PROBLEMS = [
    ("problem", "str", "", "Planted problem."),
    ("table", "str", "", "Raw table."),
    ("column", "str", "", "Column."),
    ("count", "int", "rows", "Number of rows with the problem."),
]
RAW_DUPLICATES = [
    ("customer_id", "int", "", "Record id of the duplicate in raw customers."),
    ("duplicate_of", "int", "", "The true customer_id of the same person."),
]


def schema(scenario: str) -> dict[str, list[tuple[str, str, str, str]]]:
    """Table name -> list of (column, type, unit, meaning) for one scenario."""
    cust = CUSTOMERS + (CUSTOMERS_CAFE if scenario == "cafe" else CUSTOMERS_BANK if scenario == "bank" else [])
    orders = ORDERS_CAFE if scenario == "cafe" else ORDERS_BANK if scenario == "bank" else ORDERS
    surveys = SURVEYS + (SURVEYS_BANK if scenario == "bank" else [])
    truth = TRUTH + (TRUTH_CAFE if scenario == "cafe" else TRUTH_BANK if scenario == "bank" else [])
    out = {"customers": cust, "orders": orders, "surveys": surveys, "tickets": TICKETS, "truth": truth}
    if scenario == "shop":
        out.update({"raw_customers": RAW_CUSTOMERS, "raw_orders": RAW_ORDERS, "raw_problems": RAW_PROBLEMS, "raw_duplicates": RAW_DUPLICATES})
    out = {t: list(cols) for t, cols in out.items()}
    for table, *row in _addons.schema_rows(scenario):  # columns and tables of add-ons (see _addons)
        out.setdefault(table, []).append(tuple(row))
    return out


PUBLIC_TABLES = ("customers", "orders", "surveys", "tickets")


def public_tables(scenario: str) -> tuple[str, ...]:
    """The tables a learner loads: the four of every scenario, then each new table of an add-on (bank: offices, staff).

    A table an add-on adds is the learner's unless its name starts with
    ``truth`` (instructors' tables, like ``truth`` itself).
    """
    added = [t for t, *_ in _addons.schema_rows(scenario) if t not in PUBLIC_TABLES and t != "truth"]
    return PUBLIC_TABLES + tuple(t for t in dict.fromkeys(added) if not t.startswith("truth"))
