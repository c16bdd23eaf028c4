"""Lesson 05: RFM (recency, frequency, monetary) table, scores and segments."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from custlearn._validate import (
    DataError,
    require_columns,
    require_frame,
    require_no_missing,
    require_numeric,
    require_choice,
    require_positive_int,
)
from custlearn._tables import Column, Scale, read_table
from custlearn.value._orders import _empty_result, _read_orders

__all__ = ["rfm", "rfm_scores", "rfm_segments", "RFM_SEGMENT_RULES"]


def rfm(
    orders: pd.DataFrame,
    as_of: Any,
    *,
    customer_col: str = "customer_id",
    date_col: str = "order_date",
    amount_col: str = "amount",
    allow_refunds: bool = False,
) -> pd.DataFrame:
    """One row per customer: recency, frequency and monetary value (RFM).

    Lesson 05 (customer value), framework: RFM segmentation (Hughes 1994,
    *Strategic Database Marketing*; Fader, Hardie & Lee 2005, "RFM and CLV:
    using iso-value curves for customer base analysis", *Journal of Marketing
    Research* 42(4)).

    For each customer, using only the orders dated on or before ``as_of``
    (orders *on* ``as_of`` count, later orders are ignored)::

        recency   = as_of - date of the last order      (whole calendar days)
        frequency = number of orders                    (rows of the table)
        monetary  = total amount of those orders

    A customer who bought on ``as_of`` has recency 0. Times of day are
    ignored: an order at 15:00 on ``as_of`` is "on as_of".

    ``frequency`` counts order **rows**: two orders on one day are two
    orders. (:func:`clv_summary` and :func:`calibration_holdout` count
    purchase *days* instead, as the BTYD models need.)

    Parameters
    ----------
    orders : DataFrame
        One row per order.
    as_of : str, datetime or Timestamp
        The analysis date ("today"), e.g. ``"2025-12-31"``.
    customer_col, date_col, amount_col : str
        Column names, defaulting to the course data's ``customer_id``,
        ``order_date`` and ``amount``.
    allow_refunds : bool, default False
        Negative amounts raise DataError unless this is True. With True, a
        negative row is a refund: it lowers ``monetary`` but is not an order
        (it changes neither ``recency`` nor ``frequency``); a customer whose
        only rows are refunds is left out.

    Returns
    -------
    DataFrame
        Indexed by customer id (sorted), columns ``recency`` (int, days),
        ``frequency`` (int, orders) and ``monetary`` (float, money).

    Raises
    ------
    DataError
        A column is missing or has missing values, dates cannot be read,
        an amount is negative (and ``allow_refunds`` is False), or ``as_of``
        is before every order.

    Examples
    --------
    >>> import pandas as pd
    >>> orders = pd.DataFrame({
    ...     "customer_id": [1, 1, 2, 3],
    ...     "order_date": pd.to_datetime(["2025-01-10", "2025-01-30", "2025-01-05",
    ...                                   "2025-02-10"]),
    ...     "amount": [20.0, 30.0, 15.0, 99.0]})
    >>> rfm(orders, as_of="2025-01-31")
                 recency  frequency  monetary
    customer_id
    1                  1          2      50.0
    2                 26          1      15.0

    An export where the amounts came in as text is refused, not guessed:

    >>> rfm(orders.assign(amount=["20.00", "30.00", "15.00", "n/a"]), as_of="2025-01-31")
    Traceback (most recent call last):
    ...
    custlearn.DataError: The column "amount" of the orders table holds text (dtype ...), but numbers are expected. Examples found: '20.00', '30.00', '15.00'. Convert it first, e.g. df["amount"] = pd.to_numeric(df["amount"], errors="coerce"), and look at the rows that became NaN.
    """
    data = _read_orders(orders, as_of, customer_col=customer_col, date_col=date_col,
                        amount_col=amount_col, allow_refunds=allow_refunds)
    columns = {"recency": "int64", "frequency": "int64", "monetary": "float64"}
    if len(data.days) == 0:
        return _empty_result(columns, data)
    spend = data.total(data.amounts)  # refunds included: they lower the spend
    buys = data.amounts >= 0
    if not buys.all():  # a refund is not an order: recency and frequency count purchases only
        kept = np.bincount(data.codes[buys], minlength=data.k) > 0
        spend, data = spend[kept], data.only(buys)
    return pd.DataFrame(
        {
            "recency": (data.as_of_day - data.last_day()).astype(np.int64),
            "frequency": data.count().astype(np.int64),
            "monetary": spend,
        },
        index=data.ids,
    )


# --------------------------------------------------------------------------
# Scores
# --------------------------------------------------------------------------


def _tie_fair_scores(goodness: np.ndarray, bins: int) -> np.ndarray:
    """Scores 1..bins from the number of customers strictly worse: ``1 + (bins * k) // n``.

    ``k`` = how many customers have a strictly lower goodness, so equal values
    get equal scores. Integer arithmetic, so that SQL's
    ``1 + (bins * (RANK() OVER (ORDER BY v) - 1)) / COUNT(*) OVER ()`` gives the same.
    """
    n = len(goodness)
    worse = np.searchsorted(np.sort(goodness), goodness, side="left").astype(np.int64)
    return 1 + (bins * worse) // max(n, 1)


def _by_id_scores(goodness: np.ndarray, ids: np.ndarray, bins: int) -> np.ndarray:
    """Scores 1..bins in equal-count groups, ties broken by customer id (the rule before 0.3).

    Customers are sorted by id (stable), then by goodness (stable), numbered
    1..n, and ``pd.qcut`` cuts these positions into ``bins`` groups of (nearly)
    equal size. A single customer gets the middle score.
    """
    n = len(goodness)
    if n == 0:
        return np.array([], dtype=np.int64)
    if n == 1:
        return np.array([(bins + 1) // 2], dtype=np.int64)
    by_id = np.argsort(ids, kind="stable")
    order = by_id[np.argsort(goodness[by_id], kind="stable")]
    position = np.empty(n, dtype=np.float64)
    position[order] = np.arange(1, n + 1)
    return pd.qcut(position, bins, labels=False).astype(np.int64) + 1


def rfm_scores(
    rfm: pd.DataFrame,
    bins: int = 5,
    *,
    ties: str = "same",
    recency_col: str = "recency",
    frequency_col: str = "frequency",
    monetary_col: str = "monetary",
) -> pd.DataFrame:
    """Score recency, frequency and monetary value from 1 to ``bins`` (5 = best).

    Lesson 05, framework: RFM scoring in quintiles (Hughes 1994, *Strategic
    Database Marketing*; the R package ``rfm``, Rsquared Academy,
    https://rfm.rsquaredacademy.com). A customer's score on each measure
    counts how many customers do strictly worse on it::

        k     = number of customers with a strictly worse value
        score = 1 + floor(bins * k / n)          (n = number of customers)

    A *low* recency (a recent order) is good, so "worse" is a higher
    recency; for frequency and monetary value "worse" is lower. With all
    values different, ``k`` is the customer's position (0 .. n-1) and the
    rule cuts the customers into ``bins`` groups of (nearly) equal size,
    best fifth = 5. With ties (many customers with one order), **identical
    values always get identical scores** (``ties="same"``, the default): the
    groups are then unequal, and a score may be skipped (if 60% of the
    customers bought once, they all get frequency score 1, and the next
    customers, with 2 orders, get 1 + floor(5 * 0.6) = 4). The arithmetic is
    integer, ``1 + (bins * k) // n``, so SQL gets exactly the same scores
    with ``1 + (bins * (RANK() OVER (ORDER BY v) - 1)) // COUNT(*) OVER ()``
    (``RANK() - 1`` is k: tied rows share the rank of the first of them;
    ``ORDER BY v DESC`` for recency). A single customer gets score 1
    (nobody is worse).

    ``ties="id"`` gives the rule of custlearn before version 0.3: ties are
    broken by customer id (sort by id, then stably by the measure, number
    the customers ``1..n`` and cut the numbers with ``pd.qcut(position,
    bins)``), so the groups have equal sizes but two customers with one
    order each can get frequency scores 1 and 2 depending on their ids.
    **The renumbering experiment** shows why that is unfair: give the same
    customers other ids (``table.set_index(new_ids)``) and score again.
    Under ``ties="same"`` every customer keeps the same scores; under
    ``ties="id"`` the one-time buyers swap scores among themselves (on a
    public log of 2,400 customers, issue 17 found 22.7% of them moved to
    another segment).

    Parameters
    ----------
    rfm : DataFrame
        The output of :func:`rfm` (one row per customer, indexed by id).
    bins : int, default 5
        Number of score levels (5 = quintiles, 4 = quartiles ...), 2 to 9.
    ties : {"same", "id"}, default "same"
        ``"same"``: equal values get equal scores (the rule above);
        ``"id"``: the old rule, ties broken by customer id (equal-size groups).
    recency_col, frequency_col, monetary_col : str
        Column names in ``rfm``.

    Returns
    -------
    DataFrame
        The input's columns plus ``recency_score``, ``frequency_score``,
        ``monetary_score`` (int, 1..bins) and ``rfm_score``, the three digits
        read as one number (e.g. 545), as in the R ``rfm`` package.

    Raises
    ------
    DataError
        A column is missing, not numeric or has missing values, ``bins``
        is not a whole number from 2 to 9, or ``ties`` is not "same" or "id".

    Examples
    --------
    >>> import pandas as pd
    >>> table = pd.DataFrame({"recency": [5, 40, 10, 90, 5],
    ...                       "frequency": [4, 1, 2, 1, 6],
    ...                       "monetary": [200.0, 15.0, 80.0, 30.0, 500.0]},
    ...                      index=pd.Index([1, 2, 3, 4, 5], name="customer_id"))
    >>> rfm_scores(table)[["recency_score", "frequency_score", "monetary_score", "rfm_score"]]
                 recency_score  frequency_score  monetary_score  rfm_score
    customer_id
    1                        4                4               4        444
    2                        2                1               1        211
    3                        3                3               3        333
    4                        1                1               2        112
    5                        4                5               5        455

    Customers 1 and 5 have the same recency (5 days) and get the same
    recency score; 2 and 4 both bought once and get the same frequency
    score. Frequency score of customer 3 (2 orders): two customers bought
    less, so 1 + (5 * 2) // 5 = 3. With the old rule, ties go by id:

    >>> rfm_scores(table, ties="id")[["recency_score", "frequency_score"]].T.to_numpy().tolist()
    [[4, 2, 3, 1, 5], [4, 1, 3, 2, 5]]
    """
    bins = require_positive_int(bins, argument="bins", minimum=2, maximum=9)
    require_choice(ties, ["same", "id"], argument="ties")
    names = {"recency_col": recency_col, "frequency_col": frequency_col, "monetary_col": monetary_col}
    clean = read_table(rfm, [Column(c, "number", a) for a, c in names.items()], table="rfm")

    ids = rfm.index.to_numpy()

    def score(goodness: np.ndarray) -> np.ndarray:
        return _tie_fair_scores(goodness, bins) if ties == "same" else _by_id_scores(goodness, ids, bins)

    out = rfm.copy()
    out["recency_score"] = score(-clean[recency_col].to_numpy())  # lower recency = better
    out["frequency_score"] = score(clean[frequency_col].to_numpy())
    out["monetary_score"] = score(clean[monetary_col].to_numpy())
    out["rfm_score"] = out["recency_score"] * 100 + out["frequency_score"] * 10 + out["monetary_score"]
    return out


# --------------------------------------------------------------------------
# Segments
# --------------------------------------------------------------------------

#: The segment rules of the R package ``rfm`` (Rsquared Academy, Aravind
#: Hebbali; vignette "RFM Analysis" and ``?rfm_segment``), for scores 1-5.
#: A customer belongs to the FIRST row whose three score ranges (low..high,
#: inclusive) all contain the customer's scores; customers matching no row
#: are "Others". ``suggested_action`` is course text (not from the package).
#: Replace the table to use your own rules: ``rfm_segments(scores, rules=my_rules)``.
RFM_SEGMENT_RULES = pd.DataFrame(
    [
        # segment,            R lo,hi  F lo,hi  M lo,hi  suggested_action
        ("Champions",           4, 5,    4, 5,    4, 5,  "reward; ask for reviews and referrals"),
        ("Loyal Customers",     2, 5,    3, 5,    3, 5,  "upsell higher-value products; loyalty programme"),
        ("Potential Loyalist",  3, 5,    1, 3,    1, 3,  "membership offer; recommend related products"),
        ("New Customers",       4, 5,    1, 1,    1, 1,  "onboarding; a good first experience"),
        ("Promising",           3, 4,    1, 1,    1, 1,  "build brand awareness; free trials"),
        ("Need Attention",      2, 3,    2, 3,    2, 3,  "limited-time offers based on past purchases"),
        ("About To Sleep",      2, 3,    1, 2,    1, 2,  "share popular products; reconnect"),
        ("At Risk",             1, 2,    2, 5,    2, 5,  "personal win-back messages; renewals"),
        ("Can't Lose Them",     1, 1,    4, 5,    4, 5,  "win back with new products; talk to them"),
        ("Lost",                1, 2,    1, 2,    1, 2,  "revive with a low-cost campaign or let go"),
    ],
    columns=[
        "segment",
        "recency_low", "recency_high",
        "frequency_low", "frequency_high",
        "monetary_low", "monetary_high",
        "suggested_action",
    ],
)

_RULE_COLUMNS = [
    "segment", "recency_low", "recency_high", "frequency_low", "frequency_high",
    "monetary_low", "monetary_high",
]
_SCORE_COLUMNS = ["recency_score", "frequency_score", "monetary_score"]


def _read_rules(rules: Any) -> pd.DataFrame:
    """A rules table like :data:`RFM_SEGMENT_RULES`: a segment name and whole-number score ranges."""
    columns = [Column("segment", "label")] + [Column(c, "number", scale=Scale(0, 9)) for c in _RULE_COLUMNS[1:]]
    return read_table(rules, columns, table="rules", min_rows=1)


def rfm_segments(
    scores: pd.DataFrame,
    rules: pd.DataFrame | None = None,
    *,
    other: str = "Others",
) -> pd.DataFrame:
    """Name each customer's RFM segment with a table of score rules.

    Lesson 05, framework: RFM segmentation with the segment rules of the R
    package ``rfm`` (Rsquared Academy, Hebbali, "rfm: Recency, Frequency and
    Monetary Value Analysis", https://rfm.rsquaredacademy.com), kept in
    :data:`RFM_SEGMENT_RULES`. A customer gets the segment of the **first**
    rule for which all three hold::

        recency_low   <= recency_score   <= recency_high
        frequency_low <= frequency_score <= frequency_high
        monetary_low  <= monetary_score  <= monetary_high

    and ``other`` ("Others") when no rule matches, as in ``rfm_segment()``
    since rfm 0.2.2 (pull request #68, "avoid overwriting existing segment
    assignments"). The order of the rules matters: Champions is tested
    before Loyal Customers, so a 555 customer is a Champion. With the
    package's default rules, three segments are *shadowed* by an earlier,
    wider rule and never occur: New Customers and Promising (inside
    Potential Loyalist) and Can't Lose Them (inside At Risk). To use them,
    move them up or narrow the earlier rules in your own table.

    Parameters
    ----------
    scores : DataFrame
        The output of :func:`rfm_scores` (columns ``recency_score``,
        ``frequency_score``, ``monetary_score``).
    rules : DataFrame, optional
        Columns ``segment``, ``recency_low``, ``recency_high``,
        ``frequency_low``, ``frequency_high``, ``monetary_low``,
        ``monetary_high``, one row per segment, tested top to bottom.
        Defaults to :data:`RFM_SEGMENT_RULES` (for 1-5 scores).
    other : str, default "Others"
        The name for customers matched by no rule.

    Returns
    -------
    DataFrame
        ``scores`` with a ``segment`` column (text) added.

    Raises
    ------
    DataError
        A score column or a rule column is missing or holds missing values.

    Examples
    --------
    >>> import pandas as pd
    >>> scores = pd.DataFrame({"recency_score": [5, 1, 3, 2],
    ...                        "frequency_score": [5, 5, 1, 3],
    ...                        "monetary_score": [4, 5, 1, 1]},
    ...                       index=pd.Index([1, 2, 3, 4], name="customer_id"))
    >>> rfm_segments(scores)["segment"].tolist()
    ['Champions', 'At Risk', 'Potential Loyalist', 'Others']

    Customer 2 (scores 1-5-5) also fits "Can't Lose Them", but "At Risk"
    comes first in the R package's list, so it wins.
    """
    rules = _read_rules(RFM_SEGMENT_RULES if rules is None else rules)
    top = int(rules[_RULE_COLUMNS[1:]].max().max())  # the rules' scale: 1-5 for the R package's
    clean = read_table(scores, [Column(c, "number", scale=Scale(1, top)) for c in _SCORE_COLUMNS], table="scores")
    r, f, m = (clean[c].to_numpy() for c in _SCORE_COLUMNS)
    conditions = [
        (rule.recency_low <= r) & (r <= rule.recency_high)
        & (rule.frequency_low <= f) & (f <= rule.frequency_high)
        & (rule.monetary_low <= m) & (m <= rule.monetary_high)
        for rule in rules.itertuples(index=False)
    ]
    # np.select takes the first condition that is true: first matching rule wins.
    names = [str(s) for s in rules["segment"]]
    segment = np.select(conditions, names, default=other) if len(scores) else np.array([], dtype=object)
    out = scores.copy()
    out["segment"] = pd.array(segment.astype(object), dtype="str")
    return out
