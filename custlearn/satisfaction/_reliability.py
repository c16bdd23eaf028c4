"""Is the scale reliable: Cronbach's alpha, its Feldt interval, alpha if an item is deleted (lesson 03)."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from custlearn._i18n import tr
from custlearn._stats import Interval
from custlearn._tables import Column, read_table
from custlearn._validate import DataError, require_confidence


# ---------------------------------------------------------------------------
# Reliability: Cronbach's alpha
# ---------------------------------------------------------------------------


def _items(items: Any, *, min_items: int = 2) -> pd.DataFrame:
    """The item answers as floats: a table of at least ``min_items`` numeric columns, 2 rows, no blanks."""
    if not isinstance(items, pd.DataFrame):
        raise DataError(
            tr("items must be a DataFrame with one column per item and one row per respondent, but a "
               '{kind} was given. Select the items, e.g. surveys.filter(like="per_reliability_").',
               kind=type(items).__name__)
        )
    if items.shape[1] < min_items:
        raise DataError(
            tr("items has {n} column(s) ({columns}), but at least {min_items} items are needed: "
               "reliability is about how several items agree. Pass all the items of the scale as columns.",
               n=items.shape[1], columns=", ".join(map(str, items.columns)) or tr("none"), min_items=min_items)
        )
    return read_table(items, [Column(c, "number") for c in items.columns], table="items", min_rows=2)


def _alpha(x: np.ndarray) -> float:
    k = x.shape[1]
    item_variances = x.var(axis=0, ddof=1)           # s_i^2, one per item
    total_variance = x.sum(axis=1).var(ddof=1)       # s_X^2 of the total score
    if total_variance == 0:
        raise DataError(
            tr("Every respondent has the same total score, so the total variance is 0 and Cronbach's "
               "alpha is undefined. Reliability needs respondents who differ.")
        )
    return float(k / (k - 1) * (1 - item_variances.sum() / total_variance))


def cronbach_alpha(items: pd.DataFrame) -> float:
    """Cronbach's alpha: how consistently several items measure one thing.

    Lesson 03, "is the scale reliable". Cronbach (1951, "Coefficient alpha
    and the internal structure of tests", Psychometrika 16(3)); for k items
    (columns), n respondents (rows), item sample variances s_i^2 and the
    sample variance s_X^2 of each respondent's total score (ddof = 1)::

        alpha = k / (k - 1) * (1 - sum_i s_i^2 / s_X^2)

    Alpha rises when items move together. A common rule of thumb is 0.7 or
    more for a research scale (Nunnally 1978, *Psychometric Theory*). It can
    be negative when items disagree (a reversed item not recoded).

    Parameters
    ----------
    items : DataFrame
        One column per item, one row per respondent, numbers, no missing
        values (drop incomplete respondents first: ``items.dropna()``).

    Returns
    -------
    float

    Raises
    ------
    DataError
        If ``items`` is not a DataFrame of at least 2 numeric columns and 2
        rows without missing values, or all totals are equal.

    See Also
    --------
    cronbach_alpha_ci : Feldt confidence interval.
    alpha_if_item_deleted : which item hurts the scale.

    Examples
    --------
    >>> import pandas as pd
    >>> items = pd.DataFrame({"q1": [4, 5, 3, 2, 5], "q2": [4, 4, 3, 2, 5],
    ...                       "q3": [5, 5, 2, 3, 4]})
    >>> round(cronbach_alpha(items), 3)
    0.897
    >>> cronbach_alpha(items[["q1"]])
    Traceback (most recent call last):
    ...
    custlearn.DataError: items has 1 column(s) (q1), but at least 2 items are needed: reliability is about how several items agree. Pass all the items of the scale as columns.
    """
    x = _items(items).to_numpy()
    return _alpha(x)


def cronbach_alpha_ci(items: pd.DataFrame, confidence: float = 0.95) -> Interval:
    """Cronbach's alpha with Feldt's confidence interval.

    Lesson 03, "how sure are we about reliability". Feldt (1965, "The
    approximate sampling distribution of Kuder-Richardson reliability
    coefficient twenty", Psychometrika 30(3)) showed that
    (1 - alpha_true) / (1 - alpha) follows an F distribution with
    df1 = n - 1 and df2 = (n - 1)(k - 1); hence (Feldt, Woodruff & Salih
    1987, Applied Psychological Measurement 11(1), p. 95, eq. 6), with
    g = 1 - confidence and F_q the q-quantile::

        lower = 1 - (1 - alpha) * F_{1 - g/2}(df1, df2)
        upper = 1 - (1 - alpha) * F_{g/2}(df1, df2)

    Parameters
    ----------
    items : DataFrame
        As :func:`cronbach_alpha`.
    confidence : float, default 0.95

    Returns
    -------
    Interval
        ``estimate`` (alpha), ``lower``, ``upper``, ``confidence``, ``n``
        (respondents), ``method="Feldt"``.

    Raises
    ------
    DataError
        As :func:`cronbach_alpha`, or ``confidence`` not in (0, 1).

    Examples
    --------
    >>> import pandas as pd
    >>> items = pd.DataFrame({"q1": [4, 5, 3, 2, 5], "q2": [4, 4, 3, 2, 5],
    ...                       "q3": [5, 5, 2, 3, 4]})
    >>> ci = cronbach_alpha_ci(items)
    >>> round(ci.estimate, 3), round(ci.lower, 3), round(ci.upper, 3)
    (0.897, 0.482, 0.989)
    """
    from scipy import stats

    confidence = require_confidence(confidence)
    x = _items(items).to_numpy()
    n, k = x.shape
    alpha = _alpha(x)
    df1, df2 = n - 1, (n - 1) * (k - 1)
    g = 1 - confidence
    lower = 1 - (1 - alpha) * stats.f.ppf(1 - g / 2, df1, df2)
    upper = 1 - (1 - alpha) * stats.f.ppf(g / 2, df1, df2)
    return Interval(alpha, float(lower), float(upper), confidence, int(n), "Feldt")


def alpha_if_item_deleted(items: pd.DataFrame) -> pd.DataFrame:
    """For each item: Cronbach's alpha without it, and how it tracks the rest.

    Lesson 03, "an item that hurts the scale". Two standard item statistics
    (e.g. SPSS RELIABILITY, R psych::alpha; Nunnally & Bernstein 1994,
    *Psychometric Theory*, 3rd ed.):

    - ``alpha_if_deleted``: :func:`cronbach_alpha` of the other k - 1 items;
      if it is HIGHER than the full alpha, the item weakens the scale;
    - ``item_rest_correlation``: Pearson correlation of the item with the
      total of the other items (the corrected item-total correlation); below
      about 0.3 the item measures something else.

    Parameters
    ----------
    items : DataFrame
        As :func:`cronbach_alpha`, with at least 3 items.

    Returns
    -------
    DataFrame
        Index ``item`` (the column names); columns ``alpha_if_deleted``,
        ``item_rest_correlation`` and ``alpha_change`` (alpha_if_deleted minus
        the full alpha: positive = dropping the item helps). A value is NaN
        when it is undefined (a constant item, or the other items' totals all
        equal).

    Raises
    ------
    DataError
        As :func:`cronbach_alpha`; also with fewer than 3 items.

    Examples
    --------
    >>> import pandas as pd
    >>> items = pd.DataFrame({"q1": [4, 5, 3, 2, 5, 3], "q2": [4, 4, 3, 2, 5, 2],
    ...                       "q3": [5, 5, 2, 3, 4, 3], "q4": [2, 4, 4, 3, 3, 5]})
    >>> round(cronbach_alpha(items), 3)
    0.55
    >>> alpha_if_item_deleted(items).round(3)      # dropping q4 lifts alpha to 0.904
          alpha_if_deleted  item_rest_correlation  alpha_change
    item
    q1              -0.229                  0.971        -0.779
    q2               0.175                  0.644        -0.375
    q3               0.314                  0.512        -0.237
    q4               0.904                 -0.401         0.353
    """
    data = _items(items, min_items=3)
    x = data.to_numpy()
    full = _alpha(x)
    total = x.sum(axis=1)
    rows = []
    for j, name in enumerate(data.columns):
        rest = np.delete(x, j, axis=1)
        item = x[:, j]
        rest_total = total - item
        if item.std() == 0 or rest_total.std() == 0:
            r = float("nan")  # a constant item (or rest) has no correlation
        else:
            r = float(np.corrcoef(item, rest_total)[0, 1])
        # the other items' totals all equal: alpha without this item is undefined
        a = float("nan") if rest_total.std() == 0 else _alpha(rest)
        rows.append({"item": name, "alpha_if_deleted": a, "item_rest_correlation": r, "alpha_change": a - full})
    return pd.DataFrame(rows).set_index("item")
