"""Charts of lesson 06: survival curves, gains/lift, churn by complaint outcome.

Re-exported by :mod:`custlearn.plots`. Each takes the output of a
:mod:`custlearn.churn` function, draws with matplotlib, labels the axes in
words with units and returns the Axes.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from custlearn._plots_base import axes as _axes
from custlearn._validate import DataError, require_columns, require_frame


def _palette() -> list[str]:
    from custlearn.plots import PALETTE

    return PALETTE


def survival_chart(km: pd.DataFrame, *, ax: Any = None, band: bool = True, time_unit: str = "days",
                   title: str | None = None) -> Any:
    """Kaplan-Meier step curves (one per group) with their Greenwood confidence band.

    ``km`` is the output of :func:`custlearn.churn.kaplan_meier` (with or
    without a ``group`` column). Each curve starts at 100 % at time 0; the
    shaded band is the table's ``lower``/``upper`` (log-log Greenwood by
    default); small ticks mark censoring times (when there are at most 100).

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> from custlearn import churn
    >>> km = churn.kaplan_meier([2, 3, 3, 4, 5, 6, 1, 2], [1, 1, 1, 0, 1, 0, 1, 1],
    ...                         groups=["a"] * 6 + ["b"] * 2)
    >>> ax = survival_chart(km, time_unit="months")
    >>> ax.get_xlabel(), ax.get_ylabel()
    ('Time since the start (months)', 'Still a customer')
    >>> plt.close("all")
    """
    from custlearn.plots import percent_axis

    require_frame(km, table="km")
    require_columns(km, ["time", "survival", "lower", "upper", "censored"], table="Kaplan-Meier")
    ax = _axes(ax, (8, 4.5))
    grouped = km.groupby("group", sort=False, observed=True) if "group" in km.columns else [(None, km)]
    colours = _palette()
    for i, (label, part) in enumerate(grouped):
        colour = colours[i % len(colours)]
        # every curve starts at 100% at time 0 (a drop at time 0 shows as a vertical step)
        time = np.r_[0.0, part["time"].to_numpy(float)]
        surv = np.r_[1.0, part["survival"].to_numpy(float)]
        ax.step(time, surv, where="post", color=colour, lw=2,
                label=None if label is None else f"{label} (n={int(part['at_risk'].iloc[0]):,})")
        if band:
            low = np.r_[1.0, part["lower"].to_numpy(float)]
            high = np.r_[1.0, part["upper"].to_numpy(float)]
            ax.fill_between(time, low, high, step="post", color=colour, alpha=0.2, lw=0)
        cens = part[(part["censored"] > 0) & (part["events"] == 0)]
        if len(cens) <= 100:  # with many customers the ticks would only thicken the line
            ax.plot(cens["time"], cens["survival"], "|", color=colour, ms=6, alpha=0.6)
    ax.set_ylim(0, 1.02)
    ax.set_xlim(left=0)
    percent_axis(ax)
    ax.set_xlabel(f"Time since the start ({time_unit})")
    ax.set_ylabel("Still a customer")
    ax.set_title(title or "Survival curve: share of customers not yet churned")
    if "group" in km.columns:
        ax.legend(title=None, loc="upper right")
    return ax


def gains_chart(gains: pd.DataFrame, *, ax: Any = None, title: str | None = None) -> Any:
    """Cumulative gains curve of a churn score, with the random baseline and lift per decile.

    ``gains`` is the output of :func:`custlearn.churn.gains_table`. The
    curve shows the share of all churners reached when contacting the top
    x % of customers by score; the diagonal is contacting at random. Bars
    (right axis) show each decile's lift.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> from custlearn import churn
    >>> g = churn.gains_table([1, 1, 0, 1, 0, 0, 0, 0, 1, 0], [9, 8, 7, 6, 5, 4, 3, 2, 1, 0], deciles=5)
    >>> ax = gains_chart(g)
    >>> ax.get_xlabel()
    'Customers contacted, highest risk first'
    >>> plt.close("all")
    """
    from custlearn.plots import percent_axis

    require_frame(gains, table="gains")
    require_columns(gains, ["cumulative_customers", "cumulative_capture", "lift"], table="gains")
    ax = _axes(ax, (8, 4.5))
    colours = _palette()
    x = np.r_[0.0, gains["cumulative_customers"].to_numpy(float)]
    width = np.diff(x)
    lift_ax = ax.twinx()
    lift_ax.bar(x[:-1], gains["lift"].to_numpy(float), width=width * 0.9, align="edge",
                color=colours[5], alpha=0.35, label="Lift of the decile (right axis)")
    lift_ax.axhline(1.0, color="grey", lw=0.8, ls=":")
    lift_ax.set_ylabel("Lift (x the average churn rate)")
    lift_ax.grid(False)
    lift_ax.set_ylim(0, max(1.5, float(gains["lift"].max()) * 1.15))
    ax.set_zorder(lift_ax.get_zorder() + 1)
    ax.patch.set_visible(False)
    ax.plot(x, np.r_[0.0, gains["cumulative_capture"].to_numpy(float)], marker="o", color=colours[0], lw=2,
            label="Churn score")
    ax.plot([0, 1], [0, 1], color="grey", ls="--", lw=1, label="Random contact")
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1.02)
    percent_axis(ax)
    percent_axis(ax, "x")
    ax.set_xlabel("Customers contacted, highest risk first")
    ax.set_ylabel("Share of all churners reached")
    ax.set_title(title or f"Gains chart: top-decile lift {gains['lift'].iloc[0]:.1f}")
    handles = ax.get_legend_handles_labels()
    more = lift_ax.get_legend_handles_labels()
    ax.legend(handles[0] + more[0], handles[1] + more[1], loc="lower right")
    return ax


def complaint_churn_chart(table: pd.DataFrame, *, ax: Any = None, title: str | None = None) -> Any:
    """Churn rate by how the first complaint ended, with its confidence interval.

    ``table`` is the output of :func:`custlearn.churn.churn_by_complaint_outcome`.

    Examples
    --------
    >>> import pandas as pd, matplotlib.pyplot as plt
    >>> table = pd.DataFrame({"customers": [100, 20, 10], "churn_rate": [0.5, 0.3, 0.7],
    ...                       "lower": [0.4, 0.15, 0.4], "upper": [0.6, 0.5, 0.9]},
    ...                      index=["no complaint", "resolved well", "unresolved"])
    >>> ax = complaint_churn_chart(table)
    >>> ax.get_ylabel()
    'Churned in the window'
    >>> plt.close("all")
    """
    from custlearn.plots import percent_axis

    require_frame(table, table="table")
    require_columns(table, ["customers", "churn_rate", "lower", "upper"], table="churn by complaint outcome")
    if table["churn_rate"].isna().all():
        raise DataError("The table has no churn rates to draw.")
    ax = _axes(ax, (8, 4.5))
    colours = {"no complaint": "#BBBBBB", "resolved well": "#009E73", "resolved, not rated": "#56B4E9",
               "resolved poorly": "#E69F00", "unresolved": "#D55E00"}
    labels = [str(i) for i in table.index]
    rate = table["churn_rate"].to_numpy(float)
    err = np.vstack([rate - table["lower"].to_numpy(float), table["upper"].to_numpy(float) - rate])
    ax.bar(labels, rate, color=[colours.get(label, "#0072B2") for label in labels], yerr=err, capsize=4)
    for i, (value, n) in enumerate(zip(rate, table["customers"].to_numpy())):
        ax.text(i, 0.02, f"{value:.0%}\nn={int(n):,}", ha="center", va="bottom", fontsize=9)
    ax.set_ylim(0, 1)
    percent_axis(ax)
    ax.set_xlabel("Outcome of the customer's first complaint")
    ax.set_ylabel("Churned in the window")
    ax.set_title(title or "Churn by complaint outcome (95% interval)")
    ax.tick_params(axis="x", rotation=15)
    ax.grid(axis="x", visible=False)
    return ax
