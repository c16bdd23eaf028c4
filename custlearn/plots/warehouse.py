"""Charts of lesson 09 (from the classroom to the warehouse): how much room the orders take as the company grows.

Re-exported by :mod:`custlearn.plots`. matplotlib is imported inside the function.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from custlearn._i18n import tr
from custlearn._validate import DataError, require_columns, require_frame
from custlearn.plots._base import BAD, BLACK, GOOD, HIGHLIGHT, REFERENCE, SERIES
from custlearn.plots._base import axes as _axes

__all__ = ["footprint_chart"]

#: The company sizes drawn: 1 million to 1 billion orders.
ORDERS_DRAWN = (1e6, 1e9)


def _orders_label(orders: float) -> str:
    """1e6 -> '1M', 1e8 -> '100M', 1e9 -> '1B'."""
    return f"{orders / 1e9:g}B" if orders >= 1e9 else f"{orders / 1e6:g}M"


def footprint_chart(footprint: Any, *, memory_gb: float = 8.0, orders: float | None = None, ax: Any = None) -> Any:
    """Draw how many GB each way of holding the orders takes, from 1 million to 1 billion orders.

    Lesson 09, "when to move": each row of :func:`custlearn.sql.footprint`
    is a straight line on log scales, ``bytes_per_order * orders / 10**9``
    GB: solid for memory (pandas, the per-customer summary), dashed for
    files on disk. The grey dotted line is the laptop's memory: where a
    solid line crosses it, that way no longer fits. A black line marks
    ``orders`` if given.

    Parameters
    ----------
    footprint : DataFrame
        The output of ``sql.footprint``: indexed by what is held, with
        ``where`` ("memory" or "disk") and ``bytes_per_order``.
    memory_gb : float, default 8.0
        The laptop's memory, in GB.
    orders : float, optional
        A company size to mark, in orders.
    ax : matplotlib Axes, optional
        Where to draw; a new figure if None.

    Returns
    -------
    matplotlib Axes

    Raises
    ------
    DataError
        ``footprint`` is not a table with ``where`` and ``bytes_per_order``,
        or ``memory_gb`` is not a positive number.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> import pandas as pd
    >>> table = pd.DataFrame({"where": ["memory", "disk"], "bytes_per_order": [80.0, 20.0]},
    ...                      index=["pandas", "Parquet file"])
    >>> ax = footprint_chart(table, memory_gb=8, orders=1e8)
    >>> [t.get_text() for t in ax.get_legend().get_texts()]
    ['pandas (memory)', 'Parquet file (disk)', 'laptop memory: 8 GB', '100M orders']
    >>> [round(float(y), 1) for y in ax.get_lines()[0].get_ydata()[[0, -1]]]   # 80 bytes x 1M and x 1B orders
    [0.1, 80.0]
    >>> footprint_chart(table, memory_gb="8 GB")
    Traceback (most recent call last):
    ...
    custlearn.DataError: memory_gb must be a positive number of GB, but '8 GB' was given. Pass e.g. 8.
    >>> plt.close("all")
    """
    require_frame(footprint, table="footprint")
    require_columns(footprint, ["where", "bytes_per_order"], table="footprint")
    if isinstance(memory_gb, bool) or not isinstance(memory_gb, (int, float)) or not memory_gb > 0:
        raise DataError(tr("memory_gb must be a positive number of GB, but {given} was given. Pass e.g. 8.",
                           given=repr(memory_gb)))
    from matplotlib.ticker import FuncFormatter

    ax = _axes(ax, figsize=(10, 4.5))
    sizes = np.logspace(np.log10(ORDERS_DRAWN[0]), np.log10(ORDERS_DRAWN[1]), 31)
    colours = [c for c in SERIES if c not in (BLACK, GOOD, BAD)]  # black marks the chosen size; green, red: good, bad
    for (what, row), colour in zip(footprint.iterrows(), colours * len(footprint)):
        ax.plot(sizes, float(row["bytes_per_order"]) * sizes / 1e9, color=colour, lw=2.5,
                ls="-" if row["where"] == "memory" else "--", label=f"{what} ({row['where']})")
    ax.axhline(memory_gb, color=REFERENCE, lw=2, ls=":", label=tr("laptop memory: {memory_gb:g} GB", memory_gb=memory_gb))
    if orders is not None:
        ax.axvline(orders, color=HIGHLIGHT, lw=1, label=tr("{orders} orders", orders=_orders_label(orders)))
    ticks = [1e6, 1e7, 1e8, 1e9]
    ax.set(xscale="log", yscale="log", xlim=ORDERS_DRAWN,
           title=tr("How much room the orders take as the company grows"),
           xlabel=tr("Orders in the company (log scale)"), ylabel=tr("Size (GB, log scale)"))
    ax.set_xticks(ticks, [_orders_label(t) for t in ticks])
    ax.yaxis.set_major_formatter(FuncFormatter(lambda y, _pos: f"{y:g}"))
    ax.legend(loc="upper left", bbox_to_anchor=(1.02, 1), fontsize="small")
    return ax
