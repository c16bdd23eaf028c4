"""Purchase days and the rhythm of repeat purchases, shared by lessons 02 and 07.

Lesson 02 sets its "at risk" and "lost" thresholds from the gaps between a
customer's consecutive purchase days; lesson 07 takes the same "at risk" gap
as its default churn window. Both read the orders through
:func:`custlearn._tables.read_orders` first (so every date is already a
calendar day); the two steps here work on that clean table.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from custlearn._errors import DataError
from custlearn._i18n import tr

__all__ = ["purchase_days", "gap_days"]


def purchase_days(orders: pd.DataFrame, *, customer_col: str, date_col: str) -> pd.DataFrame:
    """Distinct (customer, day) purchases of a clean orders table, sorted by customer, then day.

    Two orders on one day are one purchase day. The columns are ``customer``
    and ``day``.

    Examples
    --------
    >>> import pandas as pd
    >>> orders = pd.DataFrame({"customer_id": [2, 1, 1, 1],
    ...     "order_date": pd.to_datetime(["2025-01-03", "2025-01-09", "2025-01-02", "2025-01-09"])})
    >>> purchase_days(orders, customer_col="customer_id", date_col="order_date")
       customer        day
    0         1 2025-01-02
    1         1 2025-01-09
    2         2 2025-01-03
    """
    days = pd.DataFrame({"customer": orders[customer_col].to_numpy(), "day": orders[date_col].to_numpy()})
    return days.drop_duplicates().sort_values(["customer", "day"], kind="stable").reset_index(drop=True)


def gap_days(days: pd.DataFrame, quantiles: Sequence[float], *, what: str, fix: str) -> tuple[list[int], int]:
    """The repeat-purchase gaps that the given shares of all gaps do not exceed, in whole days.

    Each gap is the number of days between two consecutive purchase days of
    one customer (from :func:`purchase_days`). For each quantile q the
    answer is the q-quantile of all gaps (linear interpolation, numpy's
    default), rounded up to a whole day. The silence since a customer's last
    purchase is no gap yet: it has not ended. Returns the days and the number
    of gaps they rest on. With fewer than two gaps there is no rhythm to
    read: the error says ``what`` could not be set and ``fix``, what to pass
    instead.

    Examples
    --------
    >>> import pandas as pd
    >>> days = pd.DataFrame({"customer": [1, 1, 1, 2, 2],
    ...     "day": pd.to_datetime(["2024-01-01", "2024-01-11", "2024-02-10", "2024-01-05", "2024-01-25"])})
    >>> gap_days(days, [0.5, 0.9], what="a churn window", fix="Pass window_days=... yourself.")
    ([20, 28], 3)
    >>> gap_days(days.iloc[:2], [0.9], what="a churn window", fix="Pass window_days=... yourself (e.g. 90).")
    Traceback (most recent call last):
    ...
    custlearn.DataError: Only 1 gap(s) between repeat purchases were found, too few to set a churn window from the data. Pass window_days=... yourself (e.g. 90).
    """
    gaps = days.groupby("customer")["day"].diff().dt.days.dropna()
    if len(gaps) < 2:
        raise DataError(
            tr("Only {n} gap(s) between repeat purchases were found, too few to set {what} from the data. "
               "{fix}", n=len(gaps), what=what, fix=fix)
        )
    values = np.quantile(gaps.to_numpy(dtype=float), list(quantiles))
    return [int(np.ceil(v)) for v in values], int(len(gaps))
