"""Charts of lesson 07: survival curves and gains/lift (churn by complaint outcome moved to plots.service).

Re-exported by :mod:`custlearn.plots`. Each takes the output of a
:mod:`custlearn.churn` function, draws with matplotlib, labels the axes in
words with units and returns the Axes. Complaint outcomes (and lifecycle
stages) keep their course colours (:data:`custlearn.plots.OUTCOME_COLOURS`)
in every chart.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from custlearn._i18n import tr, translated
from custlearn._validate import require_columns, require_frame
from custlearn.plots._base import MAIN, REFERENCE, SECOND, colours_for, percent_axis
from custlearn.plots._base import axes as _axes

__all__ = ["survival_chart", "gains_chart"]


def _survival_curve(ax: Any, part: pd.DataFrame, colour: str, label: str | None, band: bool) -> bool:
    """Draw one Kaplan-Meier curve; True if it marked censoring times."""
    # every curve starts at 100% at time 0 (a drop at time 0 shows as a vertical step)
    time = np.r_[0.0, part["time"].to_numpy(float)]
    surv = np.r_[1.0, part["survival"].to_numpy(float)]
    ax.step(time, surv, where="post", color=colour, lw=2, label=label)
    if band:
        low = np.r_[1.0, part["lower"].to_numpy(float)]
        high = np.r_[1.0, part["upper"].to_numpy(float)]
        ax.fill_between(time, low, high, step="post", color=colour, alpha=0.2, lw=0)
    cens = part[(part["censored"] > 0) & (part["events"] == 0)]
    if 0 < len(cens) <= 100:  # with many customers the ticks would only thicken the line
        ax.plot(cens["time"], cens["survival"], "|", color=colour, ms=6, alpha=0.6)
        return True
    return False


def survival_chart(km: pd.DataFrame, *, ax: Any = None, band: bool = True, time_unit: str = "days",
                   title: str | None = None) -> Any:
    """Kaplan-Meier step curves (one per group) with their Greenwood confidence band.

    Lesson 07, survival analysis of churn (Kaplan & Meier 1958): the share
    of customers not yet churned against the time since they started, for
    comparing groups (welcome discount or not, how a complaint ended). Each
    curve starts at 100% at time 0; the shaded band is the table's
    ``lower``/``upper``; small ticks mark censoring times (when there are at
    most 100). Groups the course knows (complaint outcomes, lifecycle
    stages) get their course colours, others the palette in order; the
    legend names the groups, the band and the ticks.

    Parameters
    ----------
    km : DataFrame
        The result of :func:`custlearn.churn.kaplan_meier` (with or
        without a ``group`` column).
    ax : matplotlib Axes, optional
        Where to draw; a new figure if None.
    band : bool, default True
        Shade the confidence band.
    time_unit : str, default "days"
        The unit of ``time``, for the x-axis label.
    title : str, optional
        The chart's title.

    Returns
    -------
    matplotlib Axes

    Raises
    ------
    DataError
        If ``km`` lacks the columns of ``kaplan_meier``'s result.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> from custlearn import churn, plots
    >>> km = churn.kaplan_meier([2, 3, 3, 4, 5, 6, 1, 2], [1, 1, 1, 0, 1, 0, 1, 1],
    ...                         groups=["resolved poorly"] * 6 + ["resolved well"] * 2)
    >>> ax = survival_chart(km, time_unit="months")
    >>> ax.get_xlabel(), ax.get_ylabel()
    ('Time since the start (months)', 'Still a customer')
    >>> ax.lines[0].get_label(), ax.lines[0].get_color() == plots.OUTCOME_COLOURS["resolved poorly"]
    ('resolved poorly (n=6)', True)
    >>> survival_chart(km.drop(columns="survival"))
    Traceback (most recent call last):
    ...
    custlearn.DataError: The column "survival" is not in the Kaplan-Meier table. The table has these columns: group, time, at_risk, events, censored, std_error, lower, upper. Rename your column, or pass the name your data uses.
    >>> plt.close("all")
    """
    require_frame(km, table="km")
    require_columns(km, ["time", "survival", "lower", "upper", "censored"], table="Kaplan-Meier")
    ax = _axes(ax, (8, 4.5))
    grouped = list(km.groupby("group", sort=False, observed=True)) if "group" in km.columns else [(None, km)]
    colours = colours_for([label for label, _ in grouped]) if "group" in km.columns else [MAIN]
    ticks = False
    for colour, (label, part) in zip(colours, grouped):
        name = None if label is None else f"{label} (n={int(part['at_risk'].iloc[0]):,})"
        ticks = _survival_curve(ax, part, colour, name, band) or ticks
    if band:
        ax.fill_between([], [], [], color=REFERENCE, alpha=0.2, lw=0, label=tr("shaded: 95% interval"))
    if ticks:
        ax.plot([], [], "|", color=REFERENCE, ms=8, label=tr("censored: not churned by the end"))
    ax.set_ylim(0, 1.02)
    ax.set_xlim(left=0)
    percent_axis(ax)
    ax.set_xlabel(tr("Time since the start ({time_unit})", time_unit=translated(time_unit)))
    ax.set_ylabel(tr("Still a customer"))
    ax.set_title(title or tr("Survival curve: share of customers not yet churned"))
    if "group" in km.columns or band or ticks:
        ax.legend(title=None, loc="upper right")
    return ax


def gains_chart(gains: pd.DataFrame, *, ax: Any = None, title: str | None = None) -> Any:
    """Cumulative gains curve of a churn score, with the random baseline and lift per decile.

    Lesson 07, judging a churn-risk score as a manager would: contacting the
    top x% of customers by score reaches what share of all churners? The
    diagonal is contacting at random; the bars (right axis) show each
    decile's lift, its churn rate as a multiple of the average.

    Parameters
    ----------
    gains : DataFrame
        The result of :func:`custlearn.churn.gains_table`.
    ax : matplotlib Axes, optional
        Where to draw; a new figure if None.
    title : str, optional
        The chart's title (default: the top-decile lift).

    Returns
    -------
    matplotlib Axes
        The curve's Axes (the lift bars are on its twin).

    Raises
    ------
    DataError
        If ``gains`` lacks the columns of ``gains_table``'s result.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> from custlearn import churn
    >>> g = churn.gains_table([1, 1, 0, 1, 0, 0, 0, 0, 1, 0], [9, 8, 7, 6, 5, 4, 3, 2, 1, 0], deciles=5)
    >>> ax = gains_chart(g)
    >>> ax.get_xlabel(), ax.get_title()
    ('Customers contacted, highest risk first', 'Gains chart: top-decile lift 2.5')
    >>> gains_chart(g[["customers", "lift"]])
    Traceback (most recent call last):
    ...
    custlearn.DataError: The columns "cumulative_customers", "cumulative_capture" are not in the gains table. The table has these columns: customers, lift. Rename your column, or pass the name your data uses.
    >>> plt.close("all")
    """
    require_frame(gains, table="gains")
    require_columns(gains, ["cumulative_customers", "cumulative_capture", "lift"], table="gains")
    ax = _axes(ax, (8, 4.5))
    x = np.r_[0.0, gains["cumulative_customers"].to_numpy(float)]
    lift_ax = ax.twinx()
    lift_ax.bar(x[:-1], gains["lift"].to_numpy(float), width=np.diff(x) * 0.9, align="edge",
                color=SECOND, alpha=0.35, label=tr("Lift of the decile (right axis)"))
    lift_ax.axhline(1.0, color=REFERENCE, lw=0.8, ls=":", label=tr("Lift 1 = the average churn rate"))
    lift_ax.set_ylabel(tr("Lift (x the average churn rate)"))
    lift_ax.grid(False)
    lift_ax.set_ylim(0, max(1.5, float(gains["lift"].max()) * 1.15))
    ax.set_zorder(lift_ax.get_zorder() + 1)
    ax.patch.set_visible(False)
    ax.plot(x, np.r_[0.0, gains["cumulative_capture"].to_numpy(float)], marker="o", color=MAIN, lw=2,
            label=tr("Churn score"))
    ax.plot([0, 1], [0, 1], color=REFERENCE, ls="--", lw=1, label=tr("Random contact"))
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1.02)
    percent_axis(ax)
    percent_axis(ax, "x")
    ax.set_xlabel(tr("Customers contacted, highest risk first"))
    ax.set_ylabel(tr("Share of all churners reached"))
    ax.set_title(title or tr("Gains chart: top-decile lift {lift:.1f}", lift=gains["lift"].iloc[0]))
    handles = ax.get_legend_handles_labels()
    more = lift_ax.get_legend_handles_labels()
    ax.legend(handles[0] + more[0], handles[1] + more[1], loc="lower right")
    return ax
