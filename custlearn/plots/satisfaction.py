"""Charts of lesson 03 (satisfaction and service quality).

Re-exported by :mod:`custlearn.plots`. Each takes the result of a
:mod:`custlearn.satisfaction` function (or raw scores), draws with
matplotlib/seaborn on ``ax`` (a new figure if None) and returns the Axes.
matplotlib, seaborn and custlearn.satisfaction are imported inside the
functions, so importing this module stays light.
"""

from __future__ import annotations

from typing import Any

from custlearn._validate import DataError, require_columns, require_frame
from custlearn.plots._base import BAD, CAUTION, GOOD, GREY, LIGHT_GREY, NEUTRAL, REFERENCE
from custlearn.plots._base import axes as _axes
from custlearn.plots._base import percent_axis

__all__ = ["score_distribution_chart", "servqual_gap_chart", "importance_performance_chart"]


def score_distribution_chart(
    scores: Any,
    *,
    scale: int = 5,
    top_box: int = 2,
    question: str = "Overall satisfaction",
    ax: Any = None,
) -> Any:
    """Bar chart of the share of answers at each scale point, top box highlighted.

    Lesson 03, "CSAT top-box vs mean": the same answers summed up two ways.
    The bars are :func:`custlearn.satisfaction.score_distribution`; the top
    ``top_box`` points are drawn in the good colour (green), the other
    answers in the neutral grey, and the title gives the top-box percentage
    and the mean (:func:`custlearn.satisfaction.csat`).

    Parameters
    ----------
    scores : Series, list or array of whole numbers 1..scale
        The answers.
    scale : int, default 5
        The highest point of the scale.
    top_box : int, default 2
        How many points at the top count as satisfied.
    question : str, default "Overall satisfaction"
        The question's name for the title and the x-axis label.
    ax : matplotlib Axes, optional
        Where to draw; a new figure if None.

    Returns
    -------
    matplotlib Axes

    Raises
    ------
    DataError
        As :func:`custlearn.satisfaction.csat`.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> ax = score_distribution_chart([5, 4, 4, 3, 2, 5, 1, 4])
    >>> ax.get_title()
    'Overall satisfaction: top-2-box 62.5%, mean 3.50'
    >>> [t.get_text() for t in ax.get_legend().get_texts()]
    ['top-2 box (4-5)', 'other answers']
    >>> score_distribution_chart([5, 4, 6])
    Traceback (most recent call last):
    ...
    custlearn.DataError: scores must be whole numbers from 1 to 5, ...
    >>> plt.close(ax.figure)
    """
    from matplotlib.patches import Patch

    from custlearn import satisfaction

    dist = satisfaction.score_distribution(scores, scale=scale)
    top = satisfaction.csat(scores, scale=scale, top_box=top_box)
    mean = satisfaction.csat(scores, scale=scale, top_box=top_box, statistic="mean")
    ax = _axes(ax, (7.0, 4.0))
    threshold = scale - top_box + 1
    colours = [GOOD if s >= threshold else NEUTRAL for s in dist.index]
    ax.bar([str(s) for s in dist.index], dist["percent"] / 100, color=colours)
    top_label = f"top-{top_box} box ({threshold}-{scale})" if top_box > 1 else f"top box ({scale})"
    ax.legend(handles=[Patch(color=GOOD, label=top_label), Patch(color=NEUTRAL, label="other answers")],
              loc="best")
    percent_axis(ax)
    ax.set_xlabel(f"{question} (1 = lowest, {scale} = highest)")
    ax.set_ylabel("Share of respondents (%)")
    ax.set_title(f"{question}: top-{top_box}-box {top:.1f}%, mean {mean:.2f}")
    return ax


def servqual_gap_chart(gaps: Any, *, scale: int = 7, ax: Any = None) -> Any:
    """Dumbbell chart of SERVQUAL expectation vs perception per dimension.

    Lesson 03, SERVQUAL gaps (Parasuraman, Zeithaml & Berry 1988): where
    the service falls short of what customers expect. Each dimension is a
    row: a grey dot for mean expectation (the yardstick), a coloured dot for
    mean perception (vermillion, the bad colour, when below expectation;
    green when at or above), joined by a line; the gap (perception -
    expectation) is written beside it. Rows are sorted with the largest
    shortfall at the top; the legend names the three dots.

    Parameters
    ----------
    gaps : DataFrame
        The result of :func:`custlearn.satisfaction.servqual_gaps`
        (columns ``expectation``, ``perception``, ``gap``).
    scale : int, default 7
        The items' scale, for the x-axis label.
    ax : matplotlib Axes, optional
        Where to draw; a new figure if None.

    Returns
    -------
    matplotlib Axes

    Raises
    ------
    DataError
        If ``gaps`` is empty or lacks those columns.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> import pandas as pd
    >>> g = pd.DataFrame({"expectation": [6.5, 5.8], "perception": [5.2, 6.0],
    ...                   "gap": [-1.3, 0.2]}, index=["reliability", "tangibles"])
    >>> ax = servqual_gap_chart(g)
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['tangibles', 'reliability']
    >>> [t.get_text() for t in ax.get_legend().get_texts()]
    ['Expectation', 'Perception ≥ expectation', 'Perception < expectation']
    >>> servqual_gap_chart(g.drop(columns="gap"))
    Traceback (most recent call last):
    ...
    custlearn.DataError: The column "gap" is not in the gaps table. The table has these columns: expectation, perception. Rename your column, or pass the name your data uses.
    >>> plt.close(ax.figure)
    """
    require_columns(gaps, ["expectation", "perception", "gap"], table="gaps")
    require_frame(gaps, table="gaps")
    data = gaps.sort_values("gap", ascending=False)  # bottom row first: largest shortfall on top
    ax = _axes(ax, (8.0, 0.6 * len(data) + 1.8))
    names = [str(i) for i in data.index]
    y = range(len(data))
    labelled: set[str] = set()

    def once(label: str) -> str | None:  # each kind of dot named once in the legend
        new = label not in labelled
        labelled.add(label)
        return label if new else None

    for yi, (_, row) in zip(y, data.iterrows()):
        below = row["gap"] < 0
        ax.plot([row["expectation"], row["perception"]], [yi, yi], color=LIGHT_GREY, lw=3, zorder=1)
        ax.scatter([row["expectation"]], [yi], color=REFERENCE, s=70, zorder=2, label=once("Expectation"))
        ax.scatter([row["perception"]], [yi], color=BAD if below else GOOD, s=70, zorder=3,
                   label=once("Perception < expectation" if below else "Perception ≥ expectation"))
        ax.annotate(f"gap {row['gap']:+.2f}", (max(row["expectation"], row["perception"]), yi),
                    xytext=(8, 0), textcoords="offset points", va="center")
    ax.set_yticks(list(y), names)
    low = min(data["expectation"].min(), data["perception"].min())
    high = max(data["expectation"].max(), data["perception"].max())
    ax.set_xlim(max(1.0, low - 0.5), min(float(scale) + 0.6, high + 1.0))
    ax.set_xlabel(f"Mean score (1-{scale} scale)")
    ax.set_ylabel("SERVQUAL dimension")
    ax.set_title("SERVQUAL gaps: perception - expectation")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.2), ncol=3)  # below the chart: the rows stay clear
    return ax


def importance_performance_chart(grid: Any, *, ax: Any = None, performance_label: str = "Performance (mean score)",
                                 importance_label: str = "Importance (standardised weight)") -> Any:
    """The importance-performance grid (Martilla & James 1977) as a chart.

    Lesson 03, "where to act": improve what matters to customers and is
    done badly. Performance on the x axis, importance on the y axis,
    cross-hairs at the cut points, each quadrant named in its corner in its
    colour ("Concentrate here" top left in the bad colour, "Keep up the good
    work" top right in the good colour, "Low priority" bottom left in grey,
    "Possible overkill" bottom right in the caution colour) and each
    attribute's dot labelled and coloured as its quadrant.

    Parameters
    ----------
    grid : DataFrame
        The result of :func:`custlearn.satisfaction.importance_performance`.
    ax : matplotlib Axes, optional
        Where to draw; a new figure if None.
    performance_label, importance_label : str
        Axis labels (say what the numbers are and their unit).

    Returns
    -------
    matplotlib Axes

    Raises
    ------
    DataError
        If ``grid`` is empty or lacks the columns of importance_performance.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> from custlearn.satisfaction import importance_performance
    >>> grid = importance_performance({"reliability": 0.4, "empathy": 0.1, "tangibles": 0.05},
    ...                               {"reliability": 4.8, "empathy": 5.8, "tangibles": 4.9})
    >>> ax = importance_performance_chart(grid)
    >>> sorted(t.get_text() for t in ax.texts)[:2]
    ['Concentrate here', 'Keep up the good work']
    >>> importance_performance_chart(grid.assign(quadrant="Fix it"))
    Traceback (most recent call last):
    ...
    custlearn.DataError: grid has unknown quadrant labels: Fix it. Pass the result of satisfaction.importance_performance(...) unchanged.
    >>> plt.close(ax.figure)
    """
    from custlearn.satisfaction import _QUADRANT_ORDER

    cols = ["importance", "performance", "importance_cut", "performance_cut", "quadrant"]
    require_columns(grid, cols, table="grid")
    require_frame(grid, table="grid")
    unknown = sorted(set(grid["quadrant"]) - set(_QUADRANT_ORDER))
    if unknown:
        raise DataError(
            f"grid has unknown quadrant labels: {', '.join(map(str, unknown))}. Pass the result "
            f"of satisfaction.importance_performance(...) unchanged."
        )
    ax = _axes(ax, (7.5, 5.5))
    # neutral "low priority" in the darker grey, so its corner label stays readable
    colour = dict(zip(_QUADRANT_ORDER, [BAD, GOOD, GREY, CAUTION]))
    for _, row in grid.iterrows():
        ax.scatter([row["performance"]], [row["importance"]], s=80, color=colour[row["quadrant"]], zorder=3)
    for name, row in grid.iterrows():
        ax.annotate(str(name), (row["performance"], row["importance"]), xytext=(6, 4),
                    textcoords="offset points")
    i_cut, p_cut = float(grid["importance_cut"].iloc[0]), float(grid["performance_cut"].iloc[0])
    ax.axhline(i_cut, color=REFERENCE, lw=1, ls="--", zorder=1)
    ax.axvline(p_cut, color=REFERENCE, lw=1, ls="--", zorder=1)
    # widen the limits so the cross-hairs are inside and labels have room
    x, yv = grid["performance"], grid["importance"]
    xspan = max(x.max() - x.min(), 1e-9)
    yspan = max(yv.max() - yv.min(), 1e-9)
    ax.set_xlim(min(x.min(), p_cut) - 0.25 * xspan, max(x.max(), p_cut) + 0.35 * xspan)
    ax.set_ylim(min(yv.min(), i_cut) - 0.25 * yspan, max(yv.max(), i_cut) + 0.25 * yspan)
    corners = {
        "Concentrate here": (0.02, 0.98, "left", "top"),
        "Keep up the good work": (0.98, 0.98, "right", "top"),
        "Low priority": (0.02, 0.02, "left", "bottom"),
        "Possible overkill": (0.98, 0.02, "right", "bottom"),
    }
    for label, (cx, cy, ha, va) in corners.items():
        ax.text(cx, cy, label, transform=ax.transAxes, ha=ha, va=va, color=colour[label],
                fontweight="bold")
    ax.set_xlabel(performance_label)
    ax.set_ylabel(importance_label)
    ax.set_title("Importance-performance grid: where to act")
    return ax
