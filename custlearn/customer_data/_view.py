"""Lesson 01, *analyse → apply*: the single customer view, one row per customer.

:func:`single_customer_view` joins the clean customers with what they
bought, what they said in surveys and what they asked the service desk: the
table later lessons start from. Every column it reads can be named by the
caller, and every table goes through the course's one door
(:mod:`custlearn._tables`), so a date, an id or an amount is read by the
same rule here as in every other lesson.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from custlearn._errors import DataError
from custlearn._i18n import tr
from custlearn._tables import Column, optional_column, read_customers, read_orders, read_surveys, read_tickets
from custlearn._validate import as_timestamp, require_flag

__all__ = ["single_customer_view"]

def single_customer_view(dataset: Any = None, *, customers: pd.DataFrame | None = None,
                         orders: pd.DataFrame | None = None, surveys: pd.DataFrame | None = None,
                         tickets: pd.DataFrame | None = None, as_of: Any = None,
                         keep: Sequence[str] | None = ("signup_date", "acquisition_channel", "acquired_with_discount",
                                                       "age", "city"),
                         customer_col: str = "customer_id", date_col: str = "order_date",
                         amount_col: str = "amount", signup_col: str | None = "signup_date",
                         items_col: str | None = "items", discount_col: str | None = "discount",
                         margin_col: str | None = "margin", returned_col: str | None = "returned",
                         survey_date_col: str = "survey_date", response_col: str | None = "response_id",
                         satisfaction_col: str | None = "overall_satisfaction",
                         recommend_col: str | None = "likely_to_recommend", opened_col: str = "opened_at",
                         complaint_col: str | None = "is_complaint", resolved_col: str | None = "resolved",
                         allow_refunds: bool = False) -> pd.DataFrame:
    """One row per customer, joining orders, surveys and tickets: the single customer view.

    Lesson 01, *analyse → apply*: the "360° view" that CRM implementation
    prepares (Payne & Frow 2005, *A strategic framework for CRM*, Journal of
    Marketing 69(4), the information-management process). Fields (names
    used by later lessons):

    - from ``orders``: ``orders`` (count), ``first_order``, ``last_order``,
      ``revenue`` (sum of amount, returned orders included: see ``returns``),
      ``average_order`` (revenue / orders),
      ``items``, ``discount``, ``margin`` (sums, when the columns exist),
      ``returns`` (returned orders), ``return_rate`` (returns / orders),
      ``days_since_last_order`` (as_of − last order), ``tenure_days``
      (as_of − signup_date);
    - from ``surveys``: ``surveys`` (count), ``last_survey``,
      ``last_satisfaction`` (overall_satisfaction of the latest answer),
      ``last_recommend`` (likely_to_recommend of the latest answer);
    - from ``tickets``: ``tickets``, ``complaints`` (is_complaint),
      ``unresolved_complaints``, ``last_ticket``.

    Only ``keep`` columns of ``customers`` are carried (default: no name,
    e-mail or phone: *data minimisation* — analysis does not need them).
    Customers without orders, surveys or tickets get 0 counts and missing dates.
    Orders, surveys and tickets after ``as_of`` are left out.
    Every table is read by the course's one rule (see :mod:`custlearn._tables`):
    ids may be numbers or text, dates text or timezone-aware (wall time
    kept), amounts must be numbers. Optional columns (``signup_col``,
    ``items_col``, ``discount_col``, ``margin_col``, ``returned_col``,
    ``response_col``, ``satisfaction_col``, ``recommend_col``,
    ``complaint_col``, ``resolved_col``) are used when the table has them
    under their usual name; a name you pass must exist; ``None`` leaves one out.

    Parameters
    ----------
    dataset : a loaded dataset (``datasets.load("shop")``) or a dict of tables, optional
    customers, orders, surveys, tickets : DataFrame, optional
        Override or replace the dataset's tables (customers and orders are required).
    as_of : date, optional
        Default: ``dataset.as_of``, else the last order date.
    keep : list of str
        Columns of ``customers`` to carry into the view (only those present are kept).
    customer_col : str
        The customer id, in every table.
    date_col, amount_col, items_col, discount_col, margin_col, returned_col : str
        Columns of ``orders``: the order's date and amount; items, discount and
        margin (summed); returned (true/false, counted).
    signup_col : str
        Sign-up date in ``customers`` (for ``tenure_days``; may be missing for some customers).
    survey_date_col, response_col, satisfaction_col, recommend_col : str
        Columns of ``surveys``: the answer's date, its id (orders answers of one
        day), the overall satisfaction and the likelihood to recommend.
    opened_col, complaint_col, resolved_col : str
        Columns of ``tickets``: when it was opened, whether it is a complaint,
        whether it was resolved (both true/false).
    allow_refunds : bool, default False
        Negative amounts are refunds netted into revenue; otherwise they are an error.

    Returns
    -------
    DataFrame indexed by ``customer_col``, one row per customer of ``customers``.

    Raises
    ------
    DataError
        If customers or orders are missing, a column is missing, ids repeat in customers,
        an order or survey has no date, dates cannot be read, or amounts are not numbers.

    Examples
    --------
    >>> import pandas as pd
    >>> customers = pd.DataFrame({"customer_id": [1, 2], "signup_date": pd.to_datetime(["2024-01-01", "2024-02-01"])})
    >>> orders = pd.DataFrame({"customer_id": [1, 1], "order_date": pd.to_datetime(["2024-01-10", "2024-03-01"]),
    ...                        "amount": [20.0, 30.0], "returned": [False, True]})
    >>> view = single_customer_view(customers=customers, orders=orders, as_of="2024-03-31")
    >>> view[["orders", "revenue", "returns", "days_since_last_order"]]
                 orders  revenue  returns  days_since_last_order
    customer_id                                                 
    1                 2     50.0        1                   30.0
    2                 0      0.0        0                    NaN
    >>> single_customer_view(customers=customers, orders=orders.assign(amount=["20", "thirty"]))
    Traceback (most recent call last):
    ...
    custlearn.DataError: The column "amount" of the orders table holds text (dtype str), but numbers are expected. ...
    """
    customers, orders, surveys, tickets = _pick_tables(dataset, customers, orders, surveys, tickets)
    allow_refunds = require_flag(allow_refunds, argument="allow_refunds")
    keep = [keep] if isinstance(keep, str) else list(keep or [])
    summed = {"items": items_col, "discount": discount_col, "margin": margin_col}

    people = read_customers(customers, customer_col=customer_col, extra=[
        *optional_column(signup_col, "day", "signup_col", default="signup_date", missing="keep"),
        *(Column(c, "label", missing="keep", required=False) for c in keep)])
    extra = optional_column(returned_col, "flag", "returned_col", default="returned")
    for field, col in summed.items():
        extra += optional_column(col, "number", f"{field}_col", default=field)
    bought = read_orders(orders, customer_col=customer_col, date_col=date_col, amount_col=amount_col,
                         allow_refunds=allow_refunds, extra=extra)
    as_of = _as_of(as_of, dataset, bought[date_col])
    bought = bought[(bought[date_col] <= as_of.normalize()).to_numpy()]

    view = _carried(people, keep, customer_col)
    view = view.join(_order_fields(bought, customer_col=customer_col, date_col=date_col, amount_col=amount_col,
                                   summed=summed, returned_col=returned_col))
    view = _fill_order_fields(view, as_of)
    if signup_col is not None and signup_col in people.columns:
        view["tenure_days"] = _days_since(people[signup_col], view.index, as_of)
    if surveys is not None:
        view = view.join(_survey_fields(surveys, view.index, as_of=as_of, customer_col=customer_col,
                                        survey_date_col=survey_date_col, response_col=response_col,
                                        satisfaction_col=satisfaction_col, recommend_col=recommend_col))
    if tickets is not None:
        view = view.join(_ticket_fields(tickets, view.index, as_of=as_of, customer_col=customer_col,
                                        opened_col=opened_col, complaint_col=complaint_col,
                                        resolved_col=resolved_col))
    return view


# ------------------------------------------------------------------------------------- the tables and the date

def _pick_tables(dataset: Any, customers: Any, orders: Any, surveys: Any, tickets: Any) -> tuple[Any, Any, Any, Any]:
    """The four tables: those passed, else the dataset's (customers and orders are required)."""
    def table(name: str, given: Any) -> Any:
        if given is not None or dataset is None:
            return given
        return dataset.get(name) if isinstance(dataset, Mapping) else getattr(dataset, name, None)

    picked = (table("customers", customers), table("orders", orders), table("surveys", surveys),
              table("tickets", tickets))
    if picked[0] is None or picked[1] is None:
        raise DataError(tr("single_customer_view needs the customers and orders tables: pass a dataset "
                           "(datasets.load('shop')) or customers=... and orders=...."))
    return picked


def _as_of(as_of: Any, dataset: Any, order_days: pd.Series) -> pd.Timestamp:
    """The view's date: the one given, else the dataset's, else the last order day."""
    if as_of is None and dataset is not None and not isinstance(dataset, Mapping):
        as_of = getattr(dataset, "as_of", None)
    if as_of is not None:
        return as_timestamp(as_of)
    if len(order_days) == 0:
        raise DataError(tr("as_of is missing and the orders have no dates. Pass as_of='YYYY-MM-DD'."))
    return order_days.max()


def _days_since(dates: pd.Series, index: pd.Index, as_of: pd.Timestamp) -> pd.Series:
    """Whole days from each date to ``as_of`` (NaN where the date is missing)."""
    return (as_of - pd.Series(dates.to_numpy(), index=index)).dt.days.astype(float)


# ------------------------------------------------------------------------------------- the fields

def _carried(people: pd.DataFrame, keep: list[str], customer_col: str) -> pd.DataFrame:
    """The ``keep`` columns of the customers present in the table, indexed by customer id."""
    carried = [c for c in keep if c in people.columns and c != customer_col]
    return people[carried].set_axis(pd.Index(people[customer_col].to_numpy(), name=customer_col))


def _order_fields(bought: pd.DataFrame, *, customer_col: str, date_col: str, amount_col: str,
                  summed: Mapping[str, str | None], returned_col: str | None) -> pd.DataFrame:
    """Per customer who bought: orders, first and last order, revenue, the summed columns, returns."""
    g = bought.groupby(customer_col)
    fields = pd.DataFrame({"orders": g.size(), "first_order": g[date_col].min(), "last_order": g[date_col].max(),
                           "revenue": g[amount_col].sum()})
    for field, col in summed.items():
        if col is not None and col in bought.columns:
            fields[field] = g[col].sum()
    fields["returns"] = g[returned_col].sum() if returned_col is not None and returned_col in bought.columns else 0
    return fields


def _fill_order_fields(view: pd.DataFrame, as_of: pd.Timestamp) -> pd.DataFrame:
    """Customers who bought nothing get 0; then average order, return rate and days since the last order."""
    view["orders"] = view["orders"].fillna(0).astype("int64")
    view["revenue"] = view["revenue"].fillna(0.0).round(2)
    if "items" in view:
        view["items"] = view["items"].fillna(0).astype("int64")
    for c in ("discount", "margin"):
        if c in view:
            view[c] = view[c].fillna(0.0).round(2)
    view["returns"] = view["returns"].fillna(0).astype("int64")
    buyers = view["orders"].where(view["orders"] > 0)
    view["average_order"] = (view["revenue"] / buyers).round(2)
    view["return_rate"] = view["returns"] / buyers
    view["days_since_last_order"] = _days_since(view["last_order"], view.index, as_of)
    return view


def _survey_fields(surveys: Any, index: pd.Index, *, as_of: pd.Timestamp, customer_col: str,
                   survey_date_col: str, response_col: str | None, satisfaction_col: str | None,
                   recommend_col: str | None) -> pd.DataFrame:
    """Per customer: surveys answered by ``as_of``, the last one's date and scores (blank answers allowed)."""
    extra = [*optional_column(response_col, "id", "response_col", default="response_id"),
             *optional_column(satisfaction_col, "number", "satisfaction_col", default="overall_satisfaction",
                              missing="keep"),
             *optional_column(recommend_col, "number", "recommend_col", default="likely_to_recommend",
                              missing="keep")]
    answers = read_surveys(surveys, customer_col=customer_col, date_col=survey_date_col, as_of=as_of, extra=extra)
    order = [survey_date_col] + ([response_col] if response_col in answers.columns else [])
    last = answers.sort_values(order, kind="stable").groupby(customer_col).tail(1).set_index(customer_col)
    fields = pd.DataFrame(index=index)
    fields["surveys"] = answers.groupby(customer_col).size().reindex(index).fillna(0).astype("int64")
    fields["last_survey"] = last[survey_date_col].reindex(index)
    for field, col in (("last_satisfaction", satisfaction_col), ("last_recommend", recommend_col)):
        if col is not None and col in last.columns:
            fields[field] = last[col].reindex(index).astype(float)
    return fields


def _ticket_fields(tickets: Any, index: pd.Index, *, as_of: pd.Timestamp, customer_col: str, opened_col: str,
                   complaint_col: str | None, resolved_col: str | None) -> pd.DataFrame:
    """Per customer: tickets opened by the end of ``as_of``, complaints, unresolved complaints, last ticket."""
    extra = [*optional_column(complaint_col, "flag", "complaint_col", default="is_complaint"),
             *optional_column(resolved_col, "flag", "resolved_col", default="resolved")]
    asked = read_tickets(tickets, customer_col=customer_col, opened_col=opened_col, as_of=as_of, extra=extra)

    def per_customer(flags: pd.Series) -> pd.Series:
        return flags.groupby(asked[customer_col]).sum().reindex(index).fillna(0).astype("int64")

    fields = pd.DataFrame(index=index)
    fields["tickets"] = per_customer(pd.Series(1, index=asked.index))
    if complaint_col is not None and complaint_col in asked.columns:
        complaint = asked[complaint_col]
        fields["complaints"] = per_customer(complaint)
        if resolved_col is not None and resolved_col in asked.columns:
            fields["unresolved_complaints"] = per_customer(complaint & ~asked[resolved_col])
    fields["last_ticket"] = asked.groupby(customer_col)[opened_col].max().reindex(index)
    return fields
