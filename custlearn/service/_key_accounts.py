"""Lesson 06, key accounts (大客户): found by value (lesson 05), and served to a higher standard?

Deck 001 lists ten practices for key accounts: 优先向大客户供货, 向大客户开展
关系营销, 及时向大客户及时供应新产品, 关注大客户的动态, 安排企业领导访问大客户,
与大客户联合设计促销方案, 经常征求大客户的意见, 及时,准确地与大客户相互传递信息,
为大客户制定特别的奖励政策, 组织大客户与企业之间的业务洽谈会. To practise
them a company must first know who they are: :func:`key_accounts` ranks
customers by the value they have brought (lesson 05's
:func:`custlearn.value.clv_historical`); :func:`key_account_service`
compares how the key accounts are served, and whether they stay, against
the rest.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np
import pandas as pd

from custlearn._errors import DataError
from custlearn._i18n import tr
from custlearn._tables import Column, optional_column, read_customers, read_result, read_tickets
from custlearn._validate import as_timestamp, require_confidence, require_fraction
from custlearn.service._complaints import churn_rates
from custlearn.value import clv_historical

__all__ = ["key_accounts", "key_account_service"]

MANAGER, STANDARD, OTHER, KEY = "key account, relationship manager", "key account, standard service", \
    "other accounts", "key account"
GROUPS = [MANAGER, STANDARD, KEY, OTHER]


def key_accounts(
    orders: pd.DataFrame,
    as_of: Any,
    *,
    top: float = 0.1,
    among: Iterable[Any] | None = None,
    customer_col: str = "customer_id",
    date_col: str = "order_date",
    value_col: str = "margin",
) -> pd.DataFrame:
    """The key accounts (大客户): the ``top`` share of customers by the value they brought up to ``as_of``.

    Lesson 06, framework: key-account management (deck 001's ten key-account
    practices; the value tiers of lesson 05: "VIP service for high value").
    Value is lesson 05's historical customer value,
    :func:`custlearn.value.clv_historical` (the sum of ``value_col``, the
    margin, on or before ``as_of``)::

        rank          1 = the most valuable (ties: the lower customer id first)
        key_account   rank <= round(top x customers)   (at least one)

    Rank the customers who could be served: pass ``among`` (e.g. the
    accounts still open on ``as_of``, ``labels.index`` of
    :func:`custlearn.churn.label_churn`); a customer of ``among`` without
    orders has value 0, a customer outside it is left out.

    Parameters
    ----------
    orders : DataFrame
        One row per order (bank: transaction).
    as_of : date
        The day the key accounts are chosen; later orders are not used.
    top : float
        The share of customers that are key accounts, strictly between 0 and 1.
    among : list, Index or Series of customer ids, optional
        The customers to rank (default: everyone with an order by ``as_of``).
    customer_col, date_col, value_col : str
        The names of those columns in your orders table.

    Returns
    -------
    DataFrame
        Indexed by customer, best first: ``value``, ``rank``, ``key_account``;
        ``attrs`` keep ``as_of`` and ``top``.

    Raises
    ------
    DataError
        Missing columns or values, a bad ``top`` or ``as_of``.

    Examples
    --------
    >>> import pandas as pd
    >>> orders = pd.DataFrame({"customer_id": [1, 2, 2, 3, 4], "order_date": pd.to_datetime(["2024-03-01"] * 5),
    ...                        "margin": [10.0, 50.0, 30.0, 40.0, 5.0]})
    >>> key_accounts(orders, "2024-12-31", top=0.4, among=[1, 2, 3, 5])
                 value  rank  key_account
    customer_id
    2             80.0     1         True
    3             40.0     2         True
    1             10.0     3        False
    5              0.0     4        False
    >>> key_accounts(orders, "2024-12-31", top=10)
    Traceback (most recent call last):
    ...
    custlearn.DataError: top must be a fraction strictly between 0 and 1, e.g. top=0.1, but 10 was given. Give a fraction, not a percentage: 0.1, not 10.
    """
    top = require_fraction(top, argument="top", example="0.1")
    day = as_timestamp(as_of, argument="as_of").normalize()
    value = clv_historical(orders, day, customer_col=customer_col, date_col=date_col, value_col=value_col)["total"]
    if among is not None:
        ids = _ids(among)
        value = value.reindex(ids, fill_value=0.0)
        value.index.name = customer_col
    if len(value) == 0:
        raise DataError(tr("There is no customer to rank: no order on or before {day} (and none in "
                           "among). Check as_of, or pass the customers to rank as among=...", day=day.date()))
    order = np.lexsort((value.index.to_numpy(), -value.to_numpy()))
    table = pd.DataFrame({"value": value.to_numpy()[order], "rank": np.arange(1, len(value) + 1)},
                         index=value.index[order])
    table["key_account"] = table["rank"] <= max(1, int(round(top * len(table))))
    table.attrs.update({"as_of": day, "top": top, "value_col": value_col})
    return table


def _ids(among: Any) -> pd.Index:
    if isinstance(among, (str, bytes)) or not isinstance(among, Iterable):
        raise DataError(tr("among must be a list of customer ids (e.g. labels.index), but {kind} "
                           "{among!r} was given. Pass the ids of the customers to rank.",
                           kind=type(among).__name__, among=among))
    ids = pd.Index(list(among))
    if ids.hasnans or ids.has_duplicates:
        raise DataError(tr("among must list each customer id once, with none missing: drop the blanks and "
                           "the repeats (e.g. pd.Index(ids).dropna().unique()) and pass it again."))
    return ids


def key_account_service(
    key: pd.DataFrame,
    labels: pd.DataFrame,
    *,
    customers: pd.DataFrame | None = None,
    tickets: pd.DataFrame | None = None,
    manager_col: str = "relationship_manager",
    churned_col: str = "churned",
    customer_col: str = "customer_id",
    opened_col: str = "opened_at",
    follow_up_col: str = "follow_up_call",
    confidence: float = 0.95,
) -> pd.DataFrame:
    """Key accounts against the rest: who serves them, how their tickets are followed up, and who stays.

    Lesson 06, framework: key-account management (deck 001: 向大客户开展关系
    营销, 安排企业领导访问大客户, ...). Each customer of ``labels`` (the
    churn labels at the day the key accounts were chosen) falls in a group:
    a key account with a relationship manager, a key account with standard
    service, or another account (without ``customers``: key account or
    not). Per group::

        churn_rate      churners / customers,  with a Wilson (1927) interval
        tickets         their tickets opened after the key accounts were chosen
        follow_up_share tickets followed up by a call (电话回访) / tickets

    Read with care: a relationship manager is not given at random. If the
    bank gave managers to the accounts it expected to stay, the gap shows
    that choice, not the manager's work; only an experiment settles it.

    Parameters
    ----------
    key : DataFrame
        The result of :func:`key_accounts` (its ``attrs["as_of"]`` is used).
    labels : DataFrame
        Indexed by customer with a True/False ``churned_col``, e.g.
        :func:`custlearn.churn.label_churn` at the same day.
    customers : DataFrame, optional
        One row per customer with ``manager_col`` (blank: no manager).
    tickets : DataFrame, optional
        Service contacts with ``customer_col``, ``opened_col`` and
        ``follow_up_col`` (True/False).
    manager_col, churned_col, customer_col, opened_col, follow_up_col : str
        The names of those columns in your tables.
    confidence : float
        Confidence level of the intervals, strictly between 0 and 1.

    Returns
    -------
    DataFrame
        Indexed by ``group``: ``customers``, ``churners``, ``churn_rate``,
        ``lower``, ``upper`` (and ``tickets``, ``follow_up_share`` with
        ``tickets``); empty groups left out.

    Raises
    ------
    DataError
        ``key`` or ``labels`` not the tables they should be, missing columns
        or values, a bad confidence.

    Examples
    --------
    >>> import pandas as pd
    >>> orders = pd.DataFrame({"customer_id": [1, 2, 3, 4], "order_date": pd.to_datetime(["2024-03-01"] * 4),
    ...                        "margin": [90.0, 80.0, 10.0, 5.0]})
    >>> key = key_accounts(orders, "2024-12-31", top=0.5)
    >>> labels = pd.DataFrame({"churned": [False, True, True, False]}, index=pd.Index([1, 2, 3, 4], name="customer_id"))
    >>> customers = pd.DataFrame({"customer_id": [1, 2, 3, 4],
    ...                           "relationship_manager": pd.array([17, pd.NA, pd.NA, pd.NA], dtype="Int64")})
    >>> key_account_service(key, labels, customers=customers)[["customers", "churn_rate"]]
                                       customers  churn_rate
    group
    key account, relationship manager          1         0.0
    key account, standard service              1         1.0
    other accounts                             2         0.5
    >>> key_account_service(labels, labels)
    Traceback (most recent call last):
    ...
    custlearn.DataError: The column "key_account" is not in the key table. The table has these columns: churned. Rename your column, or pass the name your data uses.
    """
    confidence = require_confidence(confidence)
    flags = read_result(key, [Column("key_account", "flag")], table="key", made_by="key_accounts")["key_account"]
    churned = read_result(labels, [Column(churned_col, "flag", "churned_col")], table="labels",
                          made_by="label_churn", min_rows=1)[churned_col]
    if flags.index.has_duplicates:
        raise DataError(tr("key lists a customer more than once; it must have one row per customer, as "
                           "key_accounts returns it. Make it again with key_accounts(...), or drop the repeats on purpose."))
    is_key = flags.reindex(churned.index, fill_value=False).to_numpy(dtype=bool)
    group = np.where(is_key, KEY, OTHER).astype(object)
    if customers is not None:
        served = _managed(customers, customer_col, manager_col).reindex(churned.index, fill_value=False)
        group[is_key] = np.where(served.to_numpy(dtype=bool)[is_key], MANAGER, STANDARD)
    table = churn_rates(group, churned, confidence, groups=GROUPS, name="group")
    if tickets is not None:
        who = pd.Series(pd.Categorical(group, categories=GROUPS), index=churned.index)
        table = table.join(_follow_ups(tickets, who, key.attrs.get("as_of"), customer_col, opened_col, follow_up_col))
    return table


def _managed(customers: Any, customer_col: str, manager_col: str) -> pd.Series:
    """True for the customers with a relationship manager (a value in ``manager_col``), by customer id."""
    data = read_customers(customers, customer_col=customer_col,
                          extra=[Column(manager_col, "label", "manager_col", missing="keep")])
    return pd.Series(data[manager_col].notna().to_numpy(), index=data[customer_col].to_numpy())


def _follow_ups(tickets: Any, group: pd.Series, as_of: Any, customer_col: str, opened_col: str,
                follow_up_col: str) -> pd.DataFrame:
    """Per group: tickets opened after ``as_of`` and the share followed up by a call."""
    day = as_timestamp(as_of, argument="as_of") if as_of is not None else None
    data = read_tickets(tickets, customer_col=customer_col, opened_col=opened_col,
                        extra=optional_column(follow_up_col, "flag", "follow_up_col", default="follow_up_call"))
    if day is not None:
        data = data[(data[opened_col] >= day + pd.Timedelta(days=1)).to_numpy()]
    data = data[data[customer_col].isin(group.index).to_numpy()]
    frame = pd.DataFrame({"group": group.reindex(data[customer_col]).astype(str).to_numpy()})
    spec = {"tickets": ("group", "size")}
    if follow_up_col in data:
        frame["follow_up"] = data[follow_up_col].to_numpy(dtype=bool)
        spec["follow_up_share"] = ("follow_up", "mean")
    out = frame.groupby("group").agg(**spec)
    return out.reindex(pd.Index(group.cat.categories, name="group")).fillna({"tickets": 0}).astype(
        {"tickets": int})
