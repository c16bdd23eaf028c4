"""Charts of lesson 05 (customer value): Pareto and whale curves, RFM
segments, P(alive) and CLV distributions, choosing k for clustering, the
indicator scorecard, and the holdout check of the BG/NBD model (tracking
and conditional expectations).

Re-exported by :mod:`custlearn.plots`. Each function takes the data (and
an optional ``ax=``), draws with matplotlib/seaborn, labels the axes in
words with units and returns the Axes. matplotlib and seaborn are imported
inside the functions.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from custlearn._i18n import N_, tr, translated
from custlearn._validate import DataError, as_numeric_series, require_columns, require_frame
from custlearn.plots._base import BAD, GOOD, HIGHLIGHT, MAIN, NEUTRAL, REFERENCE, SECOND, money_axis, percent_axis
from custlearn.plots._base import axes as _axes

__all__ = [
    "pareto_chart",
    "whale_chart",
    "rfm_segment_chart",
    "p_alive_chart",
    "clv_distribution_chart",
    "scorecard_chart",
    "tracking_chart",
    "holdout_chart",
    "k_choice_chart",
]


def pareto_chart(result: Any, *, ax: Any = None, label: str = N_("revenue")) -> Any:
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
    label = translated(label)  # the default in the language of the moment
    x = np.r_[0.0, result.table["customer_share"].to_numpy()]
    y = np.r_[0.0, result.table["cumulative_value_share"].to_numpy()]
    ax.plot(x, y, color=MAIN, lw=2.5, label=tr("cumulative share of {label}", label=label))
    ax.plot([0, 1], [0, 1], color=REFERENCE, lw=1, ls="--", label=tr("equal value per customer"))
    ax.plot([result.top, result.top, 0], [0, result.top_share, result.top_share], color=HIGHLIGHT, ls=":", lw=1.5,
            label=tr("top {top:.0%} of customers", top=result.top))
    ax.annotate(tr("top {top:.0%}: {top_share:.0%} of {label}", top=result.top, top_share=result.top_share, label=label),
                (result.top, result.top_share), xytext=(10, -20), textcoords="offset points")
    ax.set(xlim=(0, 1), ylim=(0, 1.02), title=tr("Pareto curve: how concentrated is {label}?", label=label),
           xlabel=tr("Share of customers, largest first"), ylabel=tr("Cumulative share of {label}", label=label))
    percent_axis(ax, "x")
    percent_axis(ax, "y")
    ax.legend(loc="lower right")
    return ax


def whale_chart(result: Any, *, title: str | None = None, ax: Any = None) -> Any:
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
    title : str, optional
        The chart's title; say which costs the profit is after (the default
        names none: lesson 05 draws the curve after the cost to serve and
        after the acquisition cost too).
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
    >>> whale_chart([60, -20, 30], title="After the cost to serve").get_title()
    'After the cost to serve'
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
    ax.plot(x, y, color=MAIN, lw=2.5, label=tr("cumulative profit"))
    ax.axhline(1.0, color=REFERENCE, lw=1, ls="--", label=tr("total profit (100%)"))
    ax.plot([result.peak_customer_share], [result.peak_height], "o", color=HIGHLIGHT)
    ax.annotate(tr("peak {peak:.0%} at {share:.0%} of customers", peak=result.peak_height,
                   share=result.peak_customer_share),
                (result.peak_customer_share, result.peak_height), textcoords="offset points",
                # beside the peak, on the side away from the top-20% line and the axis edge
                **({"xytext": (8, 8), "ha": "left"} if result.peak_customer_share < 0.5
                   else {"xytext": (-8, 8), "ha": "right"}))
    ax.axvline(result.top, color=HIGHLIGHT, ls=":", lw=1.5, label=tr("top {top:.0%}: {top_share:.0%}", top=result.top,
                                                                       top_share=result.top_share))
    ax.axvspan(1 - result.bottom, 1, color=BAD, alpha=0.08,
               label=tr("bottom {bottom:.0%}: {bottom_share:+.0%}", bottom=result.bottom,
                        bottom_share=result.bottom_share))
    ax.set(xlim=(0, 1), ylim=(min(0.0, float(y.min())), max(1.05, result.peak_height * 1.1)),
           title=title or tr("Whale curve: cumulative profit, most profitable customers first"),
           xlabel=tr("Share of customers, most profitable first"), ylabel=tr("Cumulative share of total profit"))
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
            raise DataError(tr('The column "{column}" adds up to 0; pass value_col=None to show customers only.',
                               column=value_col))
        value = segments.groupby("segment")[value_col].sum() / total
        frame = pd.concat([frame, pd.DataFrame({"segment": value.index, "share": value.to_numpy(),
                                                "measure": value_col})])
    ax = _axes(ax)
    sns.barplot(data=frame, y="segment", x="share", hue="measure", order=order, ax=ax,
                palette=[MAIN, SECOND][: frame["measure"].nunique()], saturation=1, orient="h")
    ax.set(title=tr("RFM segments"), ylabel="",
           xlabel=tr("Share of the total (each colour adds up to 100%)") if value_col else tr("Share of all customers"))
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
        raise DataError(tr("p_alive must hold probabilities from 0 to 1, but {n} value(s) are outside: "
                           "{values}. Pass model.p_alive(summary).", n=len(outside),
                           values=", ".join(f"{v:g}" for v in outside[:3])))
    ax = _axes(ax)
    sns.histplot(x=s.to_numpy(), bins=bins, binrange=(0, 1), color=MAIN, ax=ax)
    ax.set(title=tr("Who is still alive? (BG/NBD)"), xlabel=tr("P(alive): probability the customer is still active"),
           ylabel=tr("Number of customers"))
    percent_axis(ax, "x")
    return ax


def clv_distribution_chart(clv_values: Any, *, ax: Any = None, currency: str = N_("USD"), bins: int = 40) -> Any:
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
    ax.axvline(s.mean(), color=HIGHLIGHT, lw=2, label=tr("mean {mean:,.0f}", mean=s.mean()))
    ax.axvline(s.median(), color=SECOND, lw=2, ls="--", label=tr("median {median:,.0f}", median=s.median()))
    ax.set(title=tr("Customer lifetime value: a few customers are worth most"),
           xlabel=tr("Customer lifetime value ({currency})", currency=translated(currency)), ylabel=tr("Number of customers"))
    money_axis(ax, "x")
    ax.legend()
    return ax


# --------------------------------------------------------------------------
# The evaluation indicator system
# --------------------------------------------------------------------------


def _cell_colours(card: Any, overall: str) -> tuple[np.ndarray, list[list[str]]]:
    """RGB of each cell (indicator x segment) by its meaning, and the text to write in it."""
    from matplotlib.colors import to_rgb

    wide, table = card.wide, card.table.set_index(["segment", "indicator"])
    white = np.ones(3)
    shade = {"better": np.array(to_rgb(GOOD)), "worse": np.array(to_rgb(BAD)),
             "same": 0.5 * np.array(to_rgb(NEUTRAL)) + 0.5 * white, "none": white}
    rgb = np.ones((wide.shape[1], wide.shape[0], 3))
    text: list[list[str]] = []
    for i, indicator in enumerate(wide.columns):
        unit = card.definitions.loc[indicator, "unit"]
        row = []
        for j, segment in enumerate(wide.index):
            cell = table.loc[(segment, indicator)]
            words = card.format_value(cell["value"], unit)
            if np.isfinite(cell["lower"]):
                words += "\n" + tr("{lower} to {upper}", lower=card.format_value(cell["lower"], unit),
                                   upper=card.format_value(cell["upper"], unit))
            row.append(words)
            base = wide.loc[overall, indicator] if overall in wide.index else np.nan
            rgb[i, j] = shade[_meaning(cell, base, indicator, segment == overall)]
        text.append(row)
    return rgb, text


def _meaning(cell: pd.Series, base: float, indicator: str, is_overall: bool) -> str:
    """better / worse than all customers (the interval excludes their value), same, or none (no comparison)."""
    if is_overall or indicator == "customers" or not np.isfinite(cell["value"]) or not np.isfinite(base):
        return "none"
    if np.isfinite(cell["lower"]):
        clearly = cell["lower"] > base or cell["upper"] < base
    else:  # a model prediction (CLV): no interval, a difference of more than 10% counts
        clearly = abs(cell["value"] - base) > 0.1 * abs(base)
    return "same" if not clearly else ("better" if cell["value"] > base else "worse")


def scorecard_chart(card: Any, *, ax: Any = None, overall: str = "All customers") -> Any:
    """Heat table of :func:`custlearn.value.indicator_scorecard`: segments side by side on every indicator.

    Lesson 05, the evaluation indicator system (评估指标体系): one column per
    segment (all customers last, the yardstick), one row per indicator, each
    cell the value and, below it, its interval. The colour says what a
    manager reads: green = clearly better than all customers (the interval
    does not reach their value), vermillion = clearly worse, light grey = not
    clearly different; for CLV, which has no interval, a difference of more
    than 10%. The number of customers and the all-customers column are not
    coloured. More is better on every indicator.

    Parameters
    ----------
    card : Scorecard
        The result of ``value.indicator_scorecard``.
    ax : matplotlib Axes, optional
        Where to draw; a new figure sized to the table if None.
    overall : str, default "All customers"
        The name of the yardstick column in the scorecard.

    Returns
    -------
    matplotlib Axes

    Raises
    ------
    DataError
        If ``card`` is not a scorecard.

    Examples
    --------
    >>> import matplotlib.pyplot as plt, pandas as pd
    >>> from custlearn import value
    >>> orders = pd.DataFrame({"customer_id": [1, 1, 2, 3, 3, 4], "amount": 10.0,
    ...     "order_date": pd.to_datetime(["2024-03-01", "2025-02-01", "2024-05-01", "2024-06-01",
    ...                                   "2025-06-01", "2025-07-01"])})
    >>> segments = pd.Series(["loyal", "lapsed", "loyal", "new"], index=[1, 2, 3, 4])
    >>> card = value.indicator_scorecard(segments, orders, clv=pd.Series([120.0, 5, 90, 40], index=[1, 2, 3, 4]))
    >>> ax = scorecard_chart(card)
    >>> [t.get_text() for t in ax.get_xticklabels()]
    ['lapsed', 'loyal', 'new', 'All customers']
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['Customers', 'CLV per customer', 'Purchase days per customer', 'Retention rate']
    >>> scorecard_chart(card.wide)
    Traceback (most recent call last):
    ...
    custlearn.DataError: scorecard_chart needs the result of value.indicator_scorecard(...) (a Scorecard), but a DataFrame was given. Pass the scorecard itself: card = value.indicator_scorecard(segments, orders, ...).
    >>> plt.close(ax.figure)
    """
    import textwrap

    from matplotlib.patches import Patch

    from custlearn.value import Scorecard

    if not isinstance(card, Scorecard):
        raise DataError(tr("scorecard_chart needs the result of value.indicator_scorecard(...) (a Scorecard), but a "
                           "{kind} was given. Pass the scorecard itself: "
                           "card = value.indicator_scorecard(segments, orders, ...).", kind=type(card).__name__))
    rows, cols = card.wide.shape[1], card.wide.shape[0]
    ax = _axes(ax, figsize=(2.6 + 1.75 * cols, 1.2 + 0.72 * rows))
    rgb, text = _cell_colours(card, overall)
    ax.imshow(rgb, aspect="auto")
    for i in range(rows):
        for j in range(cols):
            dark = rgb[i, j].sum() < 2.0  # white text on the full good and bad colours
            ax.text(j, i, text[i][j], ha="center", va="center", fontsize=10.5, color="white" if dark else "black",
                    fontweight="bold" if card.wide.index[j] == overall else "normal")
    ax.set_xticks(range(cols), [textwrap.fill(str(s), 16) for s in card.wide.index])
    ax.set_yticks(range(rows), card.definitions["label"].tolist())
    ax.xaxis.tick_top()
    ax.tick_params(length=0)
    ax.grid(False)
    ax.set_xticks(np.arange(cols + 1) - 0.5, minor=True)
    ax.set_yticks(np.arange(rows + 1) - 0.5, minor=True)
    ax.grid(which="minor", color="white", linewidth=2)
    for spine in ax.spines.values():
        spine.set_visible(False)
    ax.legend(handles=[Patch(color=GOOD, label=tr("clearly better than all customers")),
                       Patch(color=BAD, label=tr("clearly worse")),
                       Patch(color=NEUTRAL, alpha=0.5, label=tr("not clearly different"))],
              loc="upper center", bbox_to_anchor=(0.5, -0.02), ncol=3, fontsize=9)
    ax.set_title(tr("Evaluation indicator system: segments side by side"), pad=12)
    return ax


# --------------------------------------------------------------------------
# Checking the model on a holdout
# --------------------------------------------------------------------------


def _tracking_axes(ax: Any, kind: str) -> list[Any]:
    import matplotlib.pyplot as plt

    panels = ["cumulative", "weekly"] if kind == "both" else [kind]
    if ax is None:
        _, made = plt.subplots(len(panels), 1, figsize=(8.5, 3.6 * len(panels)), sharex=True, squeeze=False)
        return list(made[:, 0])
    axes = list(np.ravel(ax)) if isinstance(ax, (list, tuple, np.ndarray)) else [ax]
    if len(axes) != len(panels):
        raise DataError(tr('kind="{kind}" draws {panels} panel(s), but {axes} Axes were given. Pass '
                           "ax=None (a new figure) or {panels} Axes.", kind=kind, panels=len(panels), axes=len(axes)))
    return axes


def tracking_chart(tracking: pd.DataFrame, *, kind: str = "both", ax: Any = None) -> Any:
    """Tracking chart: the cohort's repeat purchases week by week, actual against predicted (BG/NBD).

    Lesson 05, checking the model on a holdout (Fader, Hardie & Lee 2005,
    Figure 2): the blue line is what the customers did, the orange dashed
    line what the model fitted on the calibration period predicts; the black
    dotted line marks the end of the calibration period, the grey band the
    holdout the model never saw. Cumulative (top) shows whether the total
    drifts; weekly (bottom) whether the model follows the rhythm (it has no
    seasons, so it draws a smooth line through the weekly ups and downs). A
    last week shorter than the others (the holdout is not a whole number of
    weeks) is drawn in the cumulative panel only.

    Parameters
    ----------
    tracking : DataFrame
        The result of ``value.purchase_tracking``.
    kind : {"both", "cumulative", "weekly"}, default "both"
        Which panels to draw.
    ax : matplotlib Axes or a pair of Axes, optional
        Where to draw (two Axes for "both"); a new figure if None.

    Returns
    -------
    list of matplotlib Axes
        One per panel, top first.

    Raises
    ------
    DataError
        If ``tracking`` lacks the columns of ``purchase_tracking``, or
        ``kind`` or ``ax`` do not fit.

    Examples
    --------
    >>> import matplotlib.pyplot as plt, pandas as pd
    >>> table = pd.DataFrame({"week_end": pd.date_range("2025-01-07", periods=4, freq="7D"),
    ...     "period": ["calibration", "calibration", "holdout", "holdout"], "actual": [3, 5, 4, 6],
    ...     "predicted": [3.5, 4.5, 4.8, 5.0], "actual_cumulative": [3, 8, 12, 18],
    ...     "predicted_cumulative": [3.5, 8.0, 12.8, 17.8]})
    >>> top, bottom = tracking_chart(table)
    >>> top.get_ylabel(), bottom.get_ylabel()
    ('Repeat purchases, cumulative', 'Repeat purchases per week')
    >>> [t.get_text() for t in top.get_legend().get_texts()]
    ['actual', 'predicted (BG/NBD)', 'end of calibration', 'holdout']
    >>> tracking_chart(table.drop(columns="predicted"))
    Traceback (most recent call last):
    ...
    custlearn.DataError: The column "predicted" is not in the tracking table. ...
    >>> plt.close("all")
    """
    from custlearn._validate import require_choice

    require_choice(kind, ["both", "cumulative", "weekly"], argument="kind")
    require_frame(tracking, table="tracking")
    require_columns(tracking, ["week_end", "period", "actual", "predicted", "actual_cumulative",
                               "predicted_cumulative"], table="tracking")
    axes = _tracking_axes(ax, kind)
    panels = ["cumulative", "weekly"] if kind == "both" else [kind]
    when = pd.to_datetime(tracking["week_end"])
    calibration = when[(tracking["period"] == "calibration").to_numpy()]
    full = (tracking["days"] == tracking["days"].max()).to_numpy() if "days" in tracking else np.ones(len(when), bool)
    for panel, axis in zip(panels, axes):
        suffix = "_cumulative" if panel == "cumulative" else ""
        keep = slice(None) if panel == "cumulative" else full  # a short last week would look like a drop
        axis.plot(when[keep], tracking[f"actual{suffix}"][keep], color=MAIN, lw=2, label=tr("actual"))
        axis.plot(when[keep], tracking[f"predicted{suffix}"][keep], color=SECOND, lw=2, ls="--",
                  label=tr("predicted (BG/NBD)"))
        if len(calibration):
            axis.axvline(calibration.max(), color=HIGHLIGHT, ls=":", lw=1.5, label=tr("end of calibration"))
            axis.axvspan(calibration.max(), when.max(), color=NEUTRAL, alpha=0.25, label=tr("holdout"))
        axis.set_ylabel(tr("Repeat purchases, cumulative") if panel == "cumulative" else tr("Repeat purchases per week"))
        axis.set_ylim(bottom=0)
    axes[0].set_title(tr("Tracking: repeat purchases, actual vs predicted"))
    axes[0].legend(loc="upper left")
    axes[-1].set_xlabel(tr("Week ending"))
    return axes


def holdout_chart(table: pd.DataFrame, *, ax: Any = None) -> Any:
    """Mean holdout purchases by repeat purchases in the calibration period: predicted against actual.

    Lesson 05, the "conditional expectations" check of Fader, Hardie & Lee
    (2005, Figure 4), from ``value.holdout_by_frequency``: blue bars are what
    each group of customers really bought in the holdout (black lines: the
    interval of that mean), orange dots what the model predicted. A model
    that fits puts each dot within its bar's interval.

    Parameters
    ----------
    table : DataFrame
        The result of ``value.holdout_by_frequency``.
    ax : matplotlib Axes, optional
        Where to draw; a new figure if None.

    Returns
    -------
    matplotlib Axes

    Raises
    ------
    DataError
        If ``table`` lacks the columns of ``holdout_by_frequency``.

    Examples
    --------
    >>> import matplotlib.pyplot as plt, pandas as pd
    >>> table = pd.DataFrame({"customers": [50, 30, 20], "predicted": [0.2, 0.9, 2.1], "actual": [0.25, 0.8, 2.3],
    ...                       "actual_lower": [0.1, 0.5, 1.7], "actual_upper": [0.4, 1.1, 2.9]},
    ...                      index=pd.Index(["0", "1", "2+"], name="frequency"))
    >>> ax = holdout_chart(table)
    >>> ax.get_xlabel()
    'Repeat purchases in the calibration period'
    >>> holdout_chart(table.drop(columns="predicted"))
    Traceback (most recent call last):
    ...
    custlearn.DataError: The column "predicted" is not in the holdout table. ...
    >>> plt.close(ax.figure)
    """
    require_frame(table, table="holdout")
    require_columns(table, ["predicted", "actual", "actual_lower", "actual_upper"], table="holdout")
    ax = _axes(ax)
    x = np.arange(len(table))
    low = (table["actual"] - table["actual_lower"]).fillna(0).clip(lower=0)
    high = (table["actual_upper"] - table["actual"]).fillna(0).clip(lower=0)
    ax.bar(x, table["actual"], color=MAIN, width=0.6, label=tr("actual (mean)"))
    ax.errorbar(x, table["actual"], yerr=[low, high], fmt="none", ecolor=HIGHLIGHT, capsize=4, lw=1.2,
                label=tr("interval of the actual mean"))
    ax.plot(x, table["predicted"], "o", color=SECOND, markersize=9, label=tr("predicted (BG/NBD)"))
    ax.set_xticks(x, [str(i) for i in table.index])
    ax.set(title=tr("Holdout check: purchases by past repeat purchases"),
           xlabel=tr("Repeat purchases in the calibration period"), ylabel=tr("Mean purchases in the holdout"))
    ax.legend(loc="upper left")
    return ax


# --------------------------------------------------------------------------
# Clustering
# --------------------------------------------------------------------------


def k_choice_chart(clusters: Any, *, ax: Any = None) -> Any:
    """Choosing k: the silhouette (left) and the inertia, the "elbow" (right), for each k tried.

    Lesson 05, clustering: :func:`custlearn.value.cluster_customers` picks the
    k with the highest silhouette (blue, higher = clusters better separated;
    the black ring marks the chosen k). The inertia (orange) always falls as
    k grows; its bend, the elbow, is a second opinion read by eye. Neither
    replaces the business test: can each cluster be named and treated
    differently, and is it stable?

    Parameters
    ----------
    clusters : CustomerClusters or DataFrame
        The result of ``value.cluster_customers`` (or its ``k_scores``), with
        at least two values of k.
    ax : pair of matplotlib Axes, optional
        Where to draw; a new figure if None.

    Returns
    -------
    list of matplotlib Axes
        The silhouette and the inertia panels.

    Raises
    ------
    DataError
        If the scores hold fewer than two values of k, or lack the columns.

    Examples
    --------
    >>> import matplotlib.pyplot as plt, pandas as pd
    >>> scores = pd.DataFrame({"silhouette": [0.39, 0.29, 0.32], "inertia": [7157.0, 5649.0, 4304.0],
    ...                        "smallest_cluster": [0.38, 0.21, 0.16]}, index=pd.Index([2, 3, 4], name="k"))
    >>> left, right = k_choice_chart(scores)
    >>> left.get_ylabel(), right.get_ylabel()
    ('Silhouette (higher = better separated)', 'Inertia (within-cluster sum of squares)')
    >>> k_choice_chart(scores.iloc[:1])
    Traceback (most recent call last):
    ...
    custlearn.DataError: k_choice_chart needs the scores of at least two values of k, but 1 was given. Call value.cluster_customers(features) without k (it tries k_range), or with k_range=range(2, 9).
    >>> plt.close("all")
    """
    import matplotlib.pyplot as plt

    scores = getattr(clusters, "k_scores", clusters)
    require_frame(scores, table="k_scores", min_rows=0)
    require_columns(scores, ["silhouette", "inertia"], table="k_scores")
    if len(scores) < 2:
        raise DataError(tr("k_choice_chart needs the scores of at least two values of k, but {n} was given. "
                           "Call value.cluster_customers(features) without k (it tries k_range), or with "
                           "k_range=range(2, 9).", n=len(scores)))
    if ax is None:
        _, ax = plt.subplots(1, 2, figsize=(10, 3.8))
    left, right = list(np.ravel(ax))
    ks = scores.index.to_numpy()
    best = scores["silhouette"].idxmax()
    left.plot(ks, scores["silhouette"], "o-", color=MAIN, lw=2)
    left.plot([best], [scores.loc[best, "silhouette"]], "o", ms=14, mfc="none", mec=HIGHLIGHT, mew=2,
              label=tr("chosen: k = {best}", best=best))
    right.plot(ks, scores["inertia"], "o-", color=SECOND, lw=2)
    left.set(title=tr("Silhouette"), xlabel=tr("Number of clusters k"), ylabel=tr("Silhouette (higher = better separated)"))
    right.set(title=tr("Elbow"), xlabel=tr("Number of clusters k"), ylabel=tr("Inertia (within-cluster sum of squares)"))
    for axis in (left, right):
        axis.set_xticks(ks)
        axis.margins(x=0.08, y=0.15)  # room for the ring around the chosen k
    left.legend(loc="upper right")
    return [left, right]
