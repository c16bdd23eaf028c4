"""Charts of lesson 05 (customer value): Pareto and whale curves, RFM
segments, P(alive) and CLV distributions.

Re-exported by :mod:`custlearn.plots`. Each function takes the data (and
an optional ``ax=``), draws with matplotlib/seaborn, labels the axes in
words with units and returns the Axes. matplotlib and seaborn are imported
inside the functions.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from custlearn._validate import DataError, as_numeric_series, require_columns, require_frame
from custlearn.plots._base import BAD, HIGHLIGHT, MAIN, REFERENCE, SECOND, money_axis, percent_axis
from custlearn.plots._base import axes as _axes

__all__ = [
    "pareto_chart",
    "whale_chart",
    "rfm_segment_chart",
    "p_alive_chart",
    "clv_distribution_chart",
]


def pareto_chart(result: Any, *, ax: Any = None, label: str = "revenue") -> Any:
    """Draw the Pareto (concentration) curve of :func:`custlearn.value.pareto_table`.

    Lesson 05, the 80/20 rule: how concentrated is the value of the
    customer base? The curve is the cumulative share of ``label`` (y)
    against the share of customers, best first (x); the grey diagonal is
    "every customer brings the same" (the yardstick); the black dotted lines
    mark the top 20% and the share they bring.

    Parameters
    ----------
    result : ParetoResult or values
        The result of ``pareto_table``, or per-customer values to pass to it.
    ax : matplotlib Axes, optional
        Where to draw; a new figure if None.
    label : str, default "revenue"
        What the values are, for the labels.

    Returns
    -------
    matplotlib Axes

    Raises
    ------
    DataError
        Bad values, as :func:`custlearn.value.pareto_table`.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> ax = pareto_chart([50, 10, 300, 40, 5])
    >>> ax.get_xlabel()
    'Share of customers, largest first'
    >>> [t.get_text() for t in ax.get_legend().get_texts()]
    ['cumulative share of revenue', 'equal value per customer', 'top 20% of customers']
    >>> pareto_chart(["50", "ten"])
    Traceback (most recent call last):
    ...
    custlearn.DataError: values must be numbers, but text was found: '50', 'ten'. ...
    >>> plt.close(ax.figure)
    """
    from custlearn.value import ParetoResult, pareto_table

    if not isinstance(result, ParetoResult):
        result = pareto_table(result)
    ax = _axes(ax)
    x = np.r_[0.0, result.table["customer_share"].to_numpy()]
    y = np.r_[0.0, result.table["cumulative_value_share"].to_numpy()]
    ax.plot(x, y, color=MAIN, lw=2.5, label=f"cumulative share of {label}")
    ax.plot([0, 1], [0, 1], color=REFERENCE, lw=1, ls="--", label="equal value per customer")
    ax.plot([result.top, result.top, 0], [0, result.top_share, result.top_share], color=HIGHLIGHT, ls=":", lw=1.5,
            label=f"top {result.top:.0%} of customers")
    ax.annotate(f"top {result.top:.0%}: {result.top_share:.0%} of {label}",
                (result.top, result.top_share), xytext=(10, -20), textcoords="offset points")
    ax.set(xlim=(0, 1), ylim=(0, 1.02), title=f"Pareto curve: how concentrated is {label}?",
           xlabel="Share of customers, largest first", ylabel=f"Cumulative share of {label}")
    percent_axis(ax, "x")
    percent_axis(ax, "y")
    ax.legend(loc="lower right")
    return ax


def whale_chart(result: Any, *, ax: Any = None) -> Any:
    """Draw the whale curve of :func:`custlearn.value.whale_curve` (Kotler's 20/80/30).

    Lesson 05, customer profitability after the cost to serve: cumulative
    profit as a share of total profit (y) against the share of customers
    sorted by profit (x). The hump above the grey 100% line is the profit
    the loss-making customers at the right (shaded in the bad colour) take
    back; the black dot marks the peak, the black dotted line the top 20%.

    Parameters
    ----------
    result : WhaleCurve or profit values
        The result of ``whale_curve``, or per-customer profits to pass to it.
    ax : matplotlib Axes, optional
        Where to draw; a new figure if None.

    Returns
    -------
    matplotlib Axes

    Raises
    ------
    DataError
        Bad values, as :func:`custlearn.value.whale_curve`.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> ax = whale_chart([60, -20, 30, 10, -30])
    >>> ax.get_ylabel()
    'Cumulative share of total profit'
    >>> whale_chart([60, None, 30])
    Traceback (most recent call last):
    ...
    custlearn.DataError: ...missing value(s)...
    >>> plt.close(ax.figure)
    """
    from custlearn.value import WhaleCurve, whale_curve

    if not isinstance(result, WhaleCurve):
        result = whale_curve(result)
    ax = _axes(ax)
    x = np.r_[0.0, result.table["customer_share"].to_numpy()]
    y = np.r_[0.0, result.table["cumulative_profit_share"].to_numpy()]
    ax.plot(x, y, color=MAIN, lw=2.5, label="cumulative profit")
    ax.axhline(1.0, color=REFERENCE, lw=1, ls="--", label="total profit (100%)")
    ax.plot([result.peak_customer_share], [result.peak_height], "o", color=HIGHLIGHT)
    ax.annotate(f"peak {result.peak_height:.0%} at {result.peak_customer_share:.0%} of customers",
                (result.peak_customer_share, result.peak_height), textcoords="offset points",
                # beside the peak, on the side away from the top-20% line and the axis edge
                **({"xytext": (8, 8), "ha": "left"} if result.peak_customer_share < 0.5
                   else {"xytext": (-8, 8), "ha": "right"}))
    ax.axvline(result.top, color=HIGHLIGHT, ls=":", lw=1.5, label=f"top {result.top:.0%}: {result.top_share:.0%}")
    ax.axvspan(1 - result.bottom, 1, color=BAD, alpha=0.08,
               label=f"bottom {result.bottom:.0%}: {result.bottom_share:+.0%}")
    ax.set(xlim=(0, 1), ylim=(min(0.0, float(y.min())), max(1.05, result.peak_height * 1.1)),
           title="Whale curve: cumulative profit after cost to serve",
           xlabel="Share of customers, most profitable first", ylabel="Cumulative share of total profit")
    percent_axis(ax, "x")
    percent_axis(ax, "y")
    ax.legend(loc="lower right")
    return ax


def rfm_segment_chart(segments: pd.DataFrame, *, value_col: str | None = "monetary", ax: Any = None) -> Any:
    """Bar chart of RFM segments: each segment's share of all customers and of all value.

    Lesson 05, RFM segmentation: a segment's share of customers next to its
    share of the money shows where the value sits (Champions: few customers,
    much of the revenue). Each colour adds up to 100% over the segments.
    Segments appear in the order of :data:`custlearn.value.RFM_SEGMENT_RULES`
    (Champions first), other names after them.

    Parameters
    ----------
    segments : DataFrame
        The output of :func:`custlearn.value.rfm_segments` (a ``segment``
        column; ``monetary`` if ``value_col`` is kept).
    value_col : str or None, default "monetary"
        A column whose share per segment is drawn next to the customer
        share; None for customers only.
    ax : matplotlib Axes, optional
        Where to draw; a new figure if None.

    Returns
    -------
    matplotlib Axes

    Raises
    ------
    DataError
        If ``segments`` lacks ``segment`` or ``value_col``, or the values add up to 0.

    Examples
    --------
    >>> import matplotlib.pyplot as plt, pandas as pd
    >>> seg = pd.DataFrame({"segment": ["Champions", "Lost", "Lost"],
    ...                     "monetary": [500.0, 20.0, 30.0]})
    >>> ax = rfm_segment_chart(seg)
    >>> ax.get_xlabel()
    'Share of the total (each colour adds up to 100%)'
    >>> [t.get_text() for t in ax.get_legend().get_texts()]
    ['customers', 'monetary']
    >>> rfm_segment_chart(seg, value_col="revenue")
    Traceback (most recent call last):
    ...
    custlearn.DataError: The column "revenue" is not in the segments table. The table has these columns: segment, monetary. If your data calls it something else, pass value_col="<your column name>".
    >>> plt.close(ax.figure)
    """
    import seaborn as sns

    from custlearn.value import RFM_SEGMENT_RULES

    require_frame(segments, table="segments")
    require_columns(segments, "segment", table="segments")
    counts = segments["segment"].value_counts(normalize=True)
    # Segments in the order of the rules (best first), others after.
    order = [s for s in RFM_SEGMENT_RULES["segment"] if s in counts.index]
    order += [s for s in counts.index if s not in order]
    frame = pd.DataFrame({"segment": counts.index, "share": counts.to_numpy(), "measure": "customers"})
    if value_col is not None:
        require_columns(segments, value_col, table="segments", argument="value_col")
        total = segments[value_col].sum()
        if total == 0:
            raise DataError(f'The column "{value_col}" adds up to 0; pass value_col=None to show customers only.')
        value = segments.groupby("segment")[value_col].sum() / total
        frame = pd.concat([frame, pd.DataFrame({"segment": value.index, "share": value.to_numpy(),
                                                "measure": value_col})])
    ax = _axes(ax)
    sns.barplot(data=frame, y="segment", x="share", hue="measure", order=order, ax=ax,
                palette=[MAIN, SECOND][: frame["measure"].nunique()], saturation=1, orient="h")
    ax.set(title="RFM segments", ylabel="",
           xlabel="Share of the total (each colour adds up to 100%)" if value_col else "Share of all customers")
    percent_axis(ax, "x")
    ax.legend(title="")
    return ax


def p_alive_chart(p_alive: Any, *, ax: Any = None, bins: int = 20) -> Any:
    """Histogram of each customer's probability of still being active (BG/NBD).

    Lesson 05, the BG/NBD model (Fader, Hardie & Lee 2005): in a shop
    without contracts nobody says goodbye, so the model gives each customer
    a probability of still being "alive". Many customers near 0 is a base
    that has quietly left.

    Parameters
    ----------
    p_alive : Series, list or array of probabilities (0-1)
        For example ``model.p_alive(summary)`` of a fitted ``value.BetaGeo``.
    ax : matplotlib Axes, optional
        Where to draw; a new figure if None.
    bins : int, default 20
        Number of bars between 0 and 1.

    Returns
    -------
    matplotlib Axes

    Raises
    ------
    DataError
        If a value is not a number from 0 to 1.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> ax = p_alive_chart([0.1, 0.5, 0.9, 0.95, 1.0])
    >>> ax.get_xlabel()
    'P(alive): probability the customer is still active'
    >>> p_alive_chart([0.5, 1.2])
    Traceback (most recent call last):
    ...
    custlearn.DataError: p_alive must hold probabilities from 0 to 1, but 1 value(s) are outside: 1.2. Pass model.p_alive(summary).
    >>> plt.close(ax.figure)
    """
    import seaborn as sns

    s = as_numeric_series(p_alive, name="p_alive")
    outside = s[(s < 0) | (s > 1)]
    if len(outside):
        raise DataError(f"p_alive must hold probabilities from 0 to 1, but {len(outside)} value(s) are outside: "
                        f"{', '.join(f'{v:g}' for v in outside[:3])}. Pass model.p_alive(summary).")
    ax = _axes(ax)
    sns.histplot(x=s.to_numpy(), bins=bins, binrange=(0, 1), color=MAIN, ax=ax)
    ax.set(title="Who is still alive? (BG/NBD)", xlabel="P(alive): probability the customer is still active",
           ylabel="Number of customers")
    percent_axis(ax, "x")
    return ax


def clv_distribution_chart(clv_values: Any, *, ax: Any = None, currency: str = "USD", bins: int = 40) -> Any:
    """Histogram of customer lifetime values, with the mean and median marked.

    Lesson 05, customer lifetime value: values are skewed, a few customers
    are worth most, so the mean (black line) sits well above the median
    (orange dashed line), and "the average customer" is worth less than the
    mean says.

    Parameters
    ----------
    clv_values : Series, list or array of money amounts
        One lifetime value per customer (e.g. ``value.clv(...)``).
    ax : matplotlib Axes, optional
        Where to draw; a new figure if None.
    currency : str, default "USD"
        For the x-axis label.
    bins : int, default 40
        Number of bars.

    Returns
    -------
    matplotlib Axes

    Raises
    ------
    DataError
        If a value is not a number or is missing.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> ax = clv_distribution_chart([5.0, 12.0, 30.0, 150.0])
    >>> ax.get_xlabel(), [t.get_text() for t in ax.get_legend().get_texts()]
    ('Customer lifetime value (USD)', ['mean 49', 'median 21'])
    >>> clv_distribution_chart([5.0, "lots"])
    Traceback (most recent call last):
    ...
    custlearn.DataError: clv_values must be numbers, but text was found: 'lots'. ...
    >>> plt.close(ax.figure)
    """
    import seaborn as sns

    s = as_numeric_series(clv_values, name="clv_values")
    ax = _axes(ax)
    sns.histplot(x=s.to_numpy(), bins=bins, color=MAIN, ax=ax)
    ax.axvline(s.mean(), color=HIGHLIGHT, lw=2, label=f"mean {s.mean():,.0f}")
    ax.axvline(s.median(), color=SECOND, lw=2, ls="--", label=f"median {s.median():,.0f}")
    ax.set(title="Customer lifetime value: a few customers are worth most",
           xlabel=f"Customer lifetime value ({currency})", ylabel="Number of customers")
    money_axis(ax, "x")
    ax.legend()
    return ax
