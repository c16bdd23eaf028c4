"""The course's chart helpers, on seaborn and matplotlib.

Call :func:`set_theme` once at the top of a notebook so every figure of the
course looks the same and stays readable when projected in a classroom.
Figures keep Latin text: matplotlib's default fonts have no Chinese glyphs,
so Chinese terms go in the Markdown around a figure, not inside it.

matplotlib and seaborn are imported inside the functions, so ``import
custlearn`` stays fast.
"""

from __future__ import annotations

from typing import Any

__all__ = ["PALETTE", "set_theme", "percent_axis", "money_axis"]

# Okabe–Ito colour-blind-safe palette (Okabe & Ito 2008), blue first.
PALETTE = [
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # green
    "#D55E00",  # vermillion
    "#CC79A7",  # purple
    "#56B4E9",  # sky blue
    "#F0E442",  # yellow
    "#000000",  # black
]


def set_theme(*, projector: bool = False) -> None:
    """Give every figure the course look.

    Parameters
    ----------
    projector : bool, default False
        Larger fonts and thicker lines, for a classroom projector.

    Examples
    --------
    >>> from custlearn import plots
    >>> import matplotlib.pyplot as plt
    >>> with plt.rc_context():  # (here only so the example leaves the settings as it found them)
    ...     plots.set_theme()
    ...     print(plt.rcParams["axes.spines.top"], plt.rcParams["axes.titlelocation"])
    False left
    """
    import matplotlib as mpl
    import seaborn as sns

    sns.set_theme(
        context="talk" if projector else "notebook",
        style="whitegrid",
        palette=PALETTE,
        font_scale=1.0 if projector else 1.1,
        rc={
            "figure.figsize": (8.0, 4.5),
            "figure.dpi": 100,
            "savefig.dpi": 100,
            "figure.constrained_layout.use": True,
            "axes.titleweight": "bold",
            "axes.titlesize": "large",
            "axes.titlelocation": "left",
            "axes.spines.top": False,
            "axes.spines.right": False,
            "grid.alpha": 0.5,
            "legend.frameon": False,
            "svg.hashsalt": "custlearn",
            "image.cmap": "viridis",
        },
    )
    mpl.rcParams["axes.prop_cycle"] = mpl.cycler(color=PALETTE)


def percent_axis(ax: Any, axis: str = "y", *, decimals: int = 0, xmax: float = 1.0) -> Any:
    """Show an axis holding fractions (0–1) as percentages.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots()
    >>> _ = ax.plot([0, 1], [0.1, 0.5])
    >>> _ = percent_axis(ax)
    >>> ax.yaxis.get_major_formatter()(0.25)
    '25%'
    >>> plt.close(fig)
    """
    from matplotlib.ticker import PercentFormatter

    target = ax.yaxis if axis == "y" else ax.xaxis
    target.set_major_formatter(PercentFormatter(xmax=xmax, decimals=decimals))
    return ax


def money_axis(ax: Any, axis: str = "y", *, currency: str = "USD") -> Any:
    """Format an axis of money amounts with thousands separators (``12,500``).

    The currency goes in the axis label, e.g. ``"Revenue (USD)"``.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots()
    >>> _ = money_axis(ax)
    >>> ax.yaxis.get_major_formatter()(12500)
    '12,500'
    >>> plt.close(fig)
    """
    from matplotlib.ticker import FuncFormatter

    target = ax.yaxis if axis == "y" else ax.xaxis
    target.set_major_formatter(FuncFormatter(lambda v, _pos: f"{v:,.0f}"))
    return ax


# Lesson charts, each lesson's in its own module (imports stay lazy).
from custlearn._plots_churn import complaint_churn_chart, gains_chart, survival_chart  # noqa: E402
from custlearn._plots_customer_data import (  # noqa: E402
    missing_values_chart,
    name_similarity_chart,
    problems_found_chart,
)
from custlearn._plots_lifecycle import STAGE_COLOURS, lifecycle_funnel, stage_trend, transition_heatmap  # noqa: E402
from custlearn._plots_loyalty import (  # noqa: E402
    cohort_heatmap,
    loyalty_matrix_chart,
    nps_chart,
    satisfaction_loyalty_chart,
)
from custlearn._plots_value import (  # noqa: E402
    clv_distribution_chart,
    p_alive_chart,
    pareto_chart,
    rfm_segment_chart,
    whale_chart,
)
from custlearn._plots_satisfaction import (  # noqa: E402
    importance_performance_chart,
    score_distribution_chart,
    servqual_gap_chart,
)

__all__ += [
    # lesson 01
    "missing_values_chart", "problems_found_chart", "name_similarity_chart",
    # lesson 02
    "STAGE_COLOURS", "lifecycle_funnel", "stage_trend", "transition_heatmap",
    # lesson 03
    "score_distribution_chart", "servqual_gap_chart", "importance_performance_chart",
    # lesson 04
    "cohort_heatmap", "nps_chart", "satisfaction_loyalty_chart", "loyalty_matrix_chart",
    # lesson 05
    "pareto_chart", "whale_chart", "rfm_segment_chart", "p_alive_chart", "clv_distribution_chart",
    # lesson 06
    "survival_chart", "gains_chart", "complaint_churn_chart",
]
