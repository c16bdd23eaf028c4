"""Charts of lesson 03 (satisfaction and service quality).

Re-exported by :mod:`custlearn.plots`. Each takes the result of a
:mod:`custlearn.satisfaction` function (or raw scores), draws with
matplotlib/seaborn on ``ax`` (a new figure if None) and returns the Axes.
matplotlib, seaborn and custlearn.satisfaction are imported inside the
functions, so importing this module stays light.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from custlearn._i18n import N_, tr, translated
from custlearn._validate import DataError, require_columns, require_frame, require_positive_int
from custlearn.plots._base import BAD, CAUTION, GOOD, GREY, HIGHLIGHT, LIGHT_GREY, MAIN, NEUTRAL, REFERENCE, colours_for
from custlearn.plots._base import axes as _axes
from custlearn.plots._base import percent_axis

__all__ = ["score_distribution_chart", "servqual_gap_chart", "importance_performance_chart",
           "touch_point_chart", "penalty_reward_chart", "expectation_chart"]


def score_distribution_chart(
    scores: Any,
    *,
    scale: int = 5,
    top_box: int = 2,
    question: str = N_("Overall satisfaction"),
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
    question = translated(question)  # the default question in the language of the moment
    top_label = (tr("top-{top_box} box ({threshold}-{scale})", top_box=top_box, threshold=threshold, scale=scale)
                 if top_box > 1 else tr("top box ({scale})", scale=scale))
    ax.legend(handles=[Patch(color=GOOD, label=top_label), Patch(color=NEUTRAL, label=tr("other answers"))],
              loc="best")
    percent_axis(ax)
    ax.set_xlabel(tr("{question} (1 = lowest, {scale} = highest)", question=question, scale=scale))
    ax.set_ylabel(tr("Share of respondents (%)"))
    ax.set_title(tr("{question}: top-{top_box}-box {top:.1f}%, mean {mean:.2f}", question=question, top_box=top_box,
                    top=top, mean=mean))
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
        ax.scatter([row["expectation"]], [yi], color=REFERENCE, s=70, zorder=2, label=once(tr("Expectation")))
        ax.scatter([row["perception"]], [yi], color=BAD if below else GOOD, s=70, zorder=3,
                   label=once(tr("Perception < expectation") if below else tr("Perception ≥ expectation")))
        ax.annotate(tr("gap {gap:+.2f}", gap=row["gap"]), (max(row["expectation"], row["perception"]), yi),
                    xytext=(8, 0), textcoords="offset points", va="center")
    ax.set_yticks(list(y), names)
    low = min(data["expectation"].min(), data["perception"].min())
    high = max(data["expectation"].max(), data["perception"].max())
    ax.set_xlim(max(1.0, low - 0.5), min(float(scale) + 0.6, high + 1.0))
    ax.set_xlabel(tr("Mean score (1-{scale} scale)", scale=scale))
    ax.set_ylabel(tr("SERVQUAL dimension"))
    ax.set_title(tr("SERVQUAL gaps: perception - expectation"))
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.2), ncol=3)  # below the chart: the rows stay clear
    return ax


def importance_performance_chart(grid: Any, *, ax: Any = None, performance_label: str = N_("Performance (mean score)"),
                                 importance_label: str = N_("Importance (standardised weight)")) -> Any:
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
        raise DataError(tr(
            "grid has unknown quadrant labels: {labels}. Pass the result "
            "of satisfaction.importance_performance(...) unchanged.", labels=", ".join(map(str, unknown))
        ))
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
        N_("Concentrate here"): (0.02, 0.98, "left", "top"),
        N_("Keep up the good work"): (0.98, 0.98, "right", "top"),
        N_("Low priority"): (0.02, 0.02, "left", "bottom"),
        N_("Possible overkill"): (0.98, 0.02, "right", "bottom"),
    }
    for label, (cx, cy, ha, va) in corners.items():
        ax.text(cx, cy, translated(label), transform=ax.transAxes, ha=ha, va=va, color=colour[label],
                fontweight="bold")
    ax.set_xlabel(translated(performance_label))  # the defaults in the language of the moment
    ax.set_ylabel(translated(importance_label))
    ax.set_title(tr("Importance-performance grid: where to act"))
    return ax


# ---------------------------------------------------------------------------
# what shapes satisfaction: touch points, penalty-reward, the expectation effect
# ---------------------------------------------------------------------------


def _label(name: Any) -> str:
    """A touch-point column as a reader says it: rating_website_app -> website app."""
    text = str(name)
    return text[len("rating_"):].replace("_", " ") if text.startswith("rating_") else text.replace("_", " ")


def _planted(truth: Any, keys: list, column: str) -> list[float] | None:
    """The planted value of each row (a Series, or a column of a truth table), or None without truth."""
    if truth is None:
        return None
    values = truth[column] if isinstance(truth, pd.DataFrame) else truth
    missing = [k for k in keys if k not in values.index]
    if missing:
        raise DataError(tr("truth has no value for {missing}. Pass the planted values of the same "
                           "touch points, e.g. datasets.journey_truth(name)[\"touch_points\"].",
                           missing=", ".join(map(str, missing))))
    return [float(values.loc[k]) for k in keys]


def _legend_planted_last(ax: Any, ncol: int) -> None:
    """The legend below the chart, the planted truth named last."""
    handles, labels = ax.get_legend_handles_labels()
    order = sorted(range(len(labels)), key=lambda i: labels[i] == "planted")
    ax.legend([handles[i] for i in order], [labels[i] for i in order], loc="upper center",
              bbox_to_anchor=(0.5, -0.16), ncol=ncol)


def touch_point_chart(importance: Any, *, truth: Any = None, ax: Any = None) -> Any:
    """Touch-point importance: each weight with its interval (per need segment if fitted so).

    Lesson 03, "what shapes satisfaction: touch points" (接触点, deck 002).
    One row per touch point, the first at the top: a dot at the weight
    (overall-satisfaction points per rating point) and a line over its
    interval, in the main colour; with a segmented result one colour per
    segment (named in the legend), dodged within the row.  ``truth`` adds
    the planted population weight as a grey diamond ("planted").

    Parameters
    ----------
    importance : DataFrame
        The result of :func:`custlearn.satisfaction.touch_point_importance`
        (with or without ``segment``).
    truth : Series or DataFrame, optional
        Planted weights with the same index (a DataFrame: its
        ``linear_weight`` column), e.g. ``datasets.journey_truth("shop")
        ["touch_points"]`` or ``["by_need"]`` for a segmented result.
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib Axes

    Raises
    ------
    DataError
        If ``importance`` is empty or lacks ``weight``, ``lower``,
        ``upper``, or ``truth`` misses a touch point.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> import pandas as pd
    >>> imp = pd.DataFrame({"weight": [0.28, 0.12], "lower": [0.23, 0.07], "upper": [0.33, 0.17]},
    ...                    index=pd.Index(["rating_delivery", "rating_checkout"], name="touch_point"))
    >>> ax = touch_point_chart(imp, truth=pd.Series({"rating_delivery": 0.3, "rating_checkout": 0.1}))
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['checkout', 'delivery']
    >>> [t.get_text() for t in ax.get_legend().get_texts()]
    ['estimate, 95% interval', 'planted']
    >>> touch_point_chart(imp.drop(columns="lower"))
    Traceback (most recent call last):
    ...
    custlearn.DataError: The column "lower" is not in the importance table. The table has these columns: weight, upper. Rename your column, or pass the name your data uses.
    >>> plt.close(ax.figure)
    """
    require_columns(importance, ["weight", "lower", "upper"], table="importance")
    require_frame(importance, table="importance")
    segmented = importance.index.nlevels == 2
    points = list(dict.fromkeys(importance.index.get_level_values(-1)))
    groups = list(dict.fromkeys(importance.index.get_level_values(0))) if segmented else [None]
    ax = _axes(ax, (8.0, 0.55 * len(points) * (1 + 0.4 * (len(groups) - 1)) + 1.8))
    colours = colours_for(groups) if segmented else [MAIN]
    step = 0.7 / len(groups)
    planted = _planted(truth, list(importance.index), "linear_weight")
    for g, (group, colour) in enumerate(zip(groups, colours)):
        rows = importance.xs(group, level=0) if segmented else importance
        y = [len(points) - 1 - points.index(p) + (len(groups) - 1) / 2 * step - g * step for p in rows.index]
        ax.hlines(y, rows["lower"], rows["upper"], color=colour, lw=2.5)
        ax.scatter(rows["weight"], y, color=colour, s=55, zorder=3,
                   label=f"{group}" if segmented else tr("estimate, 95% interval"))
        if planted is not None:
            offset = g * len(rows)
            ax.scatter(planted[offset:offset + len(rows)], y, marker="D", color=REFERENCE, s=30, zorder=4,
                       label=tr("planted") if g == 0 else None)
    ax.axvline(0, color=LIGHT_GREY, lw=1, zorder=0)
    ax.set_yticks(range(len(points)), [_label(p) for p in reversed(points)])
    ax.set_xlabel(tr("Weight: overall satisfaction points per rating point (with interval)"))
    ax.set_ylabel(tr("Touch point"))
    ax.set_title(tr("Touch-point importance by segment") if segmented else tr("Touch-point importance"))
    _legend_planted_last(ax, ncol=min(4, len(groups) + (truth is not None)))
    return ax


def penalty_reward_chart(table: Any, *, truth: Any = None, ax: Any = None) -> Any:
    """Penalty-reward chart: what a low rating costs (left) and a high one earns (right), per touch point.

    Lesson 03, penalty-reward analysis (Brandt 1987; Mittal, Ross &
    Baldasare 1998) and the three-factor theory (Kano et al. 1984).  Each
    touch point is a row: a bar to the left of zero for the penalty (the bad
    colour) and one to the right for the reward (the good colour), each with
    its interval; the class (basic, performance, excitement) is written at
    the right.  A basic factor has a long left bar and almost no right one.
    ``truth`` marks the planted penalty and reward as grey diamonds.

    Parameters
    ----------
    table : DataFrame
        The result of :func:`custlearn.satisfaction.penalty_reward`.
    truth : DataFrame, optional
        Planted ``penalty`` and ``reward`` with the same index, e.g.
        ``datasets.journey_truth("shop")["touch_points"]``.
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib Axes

    Raises
    ------
    DataError
        If ``table`` is empty or lacks the columns of penalty_reward, or
        ``truth`` misses a touch point.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> import pandas as pd
    >>> t = pd.DataFrame({"penalty": [0.45, 0.02], "penalty_lower": [0.3, -0.1], "penalty_upper": [0.6, 0.14],
    ...                   "reward": [0.03, 0.4], "reward_lower": [-0.1, 0.28], "reward_upper": [0.16, 0.52],
    ...                   "factor": ["basic", "excitement"]}, index=["rating_checkout", "rating_service_contact"])
    >>> ax = penalty_reward_chart(t)
    >>> sorted(x.get_text() for x in ax.texts)
    ['basic', 'excitement']
    >>> [x.get_text() for x in ax.get_legend().get_texts()]
    ['penalty: a low rating instead of a middle one', 'reward: a high rating instead of a middle one']
    >>> penalty_reward_chart(t.drop(columns="factor"))
    Traceback (most recent call last):
    ...
    custlearn.DataError: The column "factor" is not in the penalty-reward table. The table has these columns: penalty, penalty_lower, penalty_upper, reward, reward_lower, reward_upper. Rename your column, or pass the name your data uses.
    >>> plt.close(ax.figure)
    """
    cols = ["penalty", "penalty_lower", "penalty_upper", "reward", "reward_lower", "reward_upper", "factor"]
    require_columns(table, cols, table="penalty-reward")
    require_frame(table, table="penalty-reward")
    keys = list(table.index)
    planted = (_planted(truth, keys, "penalty"), _planted(truth, keys, "reward")) if truth is not None else None
    ax = _axes(ax, (8.5, 0.75 * len(table) + 2.2))
    y = np.arange(len(table) - 1, -1, -1, dtype=float)  # first touch point on top
    up, down = y + 0.17, y - 0.17  # the penalty above the reward in each row
    ax.barh(up, -table["penalty"], color=BAD, height=0.3, label=tr("penalty: a low rating instead of a middle one"))
    ax.barh(down, table["reward"], color=GOOD, height=0.3, label=tr("reward: a high rating instead of a middle one"))
    ax.hlines(up, -table["penalty_upper"], -table["penalty_lower"], color=HIGHLIGHT, lw=1.2)
    ax.hlines(down, table["reward_lower"], table["reward_upper"], color=HIGHLIGHT, lw=1.2)
    if planted is not None:
        ax.scatter(-np.array(planted[0]), up, marker="D", color=REFERENCE, s=30, zorder=4, label=tr("planted"))
        ax.scatter(planted[1], down, marker="D", color=REFERENCE, s=30, zorder=4)
    right = float(max(table["reward_upper"].max(), 0.0))
    for yi, factor in zip(y, table["factor"]):
        ax.text(right + 0.05, yi, str(factor), va="center", fontweight="bold")
    ax.set_xlim(-float(max(table["penalty_upper"].max(), 0.0)) - 0.1, right + 0.45)
    ax.axvline(0, color=REFERENCE, lw=1)
    ax.set_yticks(y, [_label(k) for k in keys])
    ax.set_xlabel(tr("Change in overall satisfaction (points): penalty to the left, reward to the right"))
    ax.set_ylabel(tr("Touch point"))
    ax.set_title(tr("Penalty and reward of each touch point"))
    _legend_planted_last(ax, ncol=1)
    return ax


_EXPECTATION_GROUPS = {N_("expected little (1-2)"): (1, 2), N_("expected 3"): (3, 3), N_("expected much (4-5)"): (4, 5)}


def _expectation_means(surveys: Any, expectation: str, performance: Any, target: str, min_answers: int) -> pd.DataFrame:
    """Mean target per half-point band of performance and expectation group (bands with enough answers)."""
    from custlearn.satisfaction._expectations import _performance_columns

    columns = _performance_columns(surveys, performance, target, expectation)
    require_columns(surveys, [target, expectation, *columns], table="surveys")
    data = surveys[[target, expectation, *columns]].apply(pd.to_numeric, errors="coerce").dropna()
    frame = pd.DataFrame({"performance": (data[columns].mean(axis=1) * 2).round() / 2, "target": data[target]})
    frame["group"] = None
    for name, (lo, hi) in _EXPECTATION_GROUPS.items():
        frame.loc[data[expectation].between(lo, hi).to_numpy(), "group"] = name
    means = frame.dropna().groupby(["group", "performance"])["target"].agg(["mean", "size"]).reset_index()
    return means[means["size"] >= min_answers]


def expectation_chart(surveys: Any, *, expectation: str = "prior_expectation", performance: Any = None,
                      target: str = "overall_satisfaction", min_answers: int = 10, ax: Any = None) -> Any:
    """The expectation effect: mean satisfaction against performance, one line per prior expectation.

    Lesson 03, "what shapes satisfaction: established beliefs"
    (已建立的认识, deck 002; Oliver 1980, expectation-disconfirmation).
    Perceived performance (the mean touch-point rating, in half-point
    bands) on the x axis, mean overall satisfaction on the y axis, one line
    for the customers who expected little (1-2), 3, or much (4-5) before
    their first order.  If expectations set the bar, the "expected much"
    line runs below the others at the same performance.  Bands with fewer
    than ``min_answers`` answers are left out (too few to show a mean).

    Parameters
    ----------
    surveys : DataFrame
        One row per respondent, with the expectation, performance and
        target columns (rows with a missing or non-numeric value are left out).
    expectation, performance, target
        As :func:`custlearn.satisfaction.expectation_effect`.
    min_answers : int, default 10
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib Axes

    Raises
    ------
    DataError
        If a column is missing, the expectation is also a performance column
        or the target, or no band has ``min_answers`` answers.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> import numpy as np, pandas as pd
    >>> rng = np.random.default_rng(2)
    >>> s = pd.DataFrame({"rating_app": rng.integers(1, 6, 900), "prior_expectation": rng.integers(1, 6, 900)})
    >>> s["overall_satisfaction"] = 1 + 0.8 * s["rating_app"] - 0.3 * s["prior_expectation"] + rng.normal(0, 0.4, 900)
    >>> ax = expectation_chart(s)
    >>> [t.get_text() for t in ax.get_legend().get_texts()]
    ['expected little (1-2)', 'expected 3', 'expected much (4-5)']
    >>> expectation_chart(s, expectation="expected")
    Traceback (most recent call last):
    ...
    custlearn.DataError: The column "expected" is not in the surveys table. The table has these columns: rating_app, prior_expectation, overall_satisfaction. Rename your column, or pass the name your data uses.
    >>> plt.close(ax.figure)
    """
    min_answers = require_positive_int(min_answers, argument="min_answers")
    means = _expectation_means(surveys, expectation, performance, target, min_answers)
    if means.empty:
        raise DataError(tr("No band of performance has {min_answers} answers in an expectation group. Use more "
                           "responses, or pass a smaller min_answers=.", min_answers=min_answers))
    ax = _axes(ax, (8.5, 5.0))
    groups = [g for g in _EXPECTATION_GROUPS if g in set(means["group"])]
    for group, colour in zip(groups, colours_for(groups)):
        rows = means[means["group"] == group]
        ax.plot(rows["performance"], rows["mean"], marker="o", color=colour, lw=2, label=translated(group))
    ax.set_xlabel(tr("Perceived performance: mean touch-point rating (1-5, half-point bands)"))
    ax.set_ylabel(tr("Mean {target}", target=target.replace("_", " ")))
    ax.set_title(tr("Do higher expectations give lower satisfaction at the same performance?"))
    ax.legend(title=tr("Before the first order, the customer"), loc="upper left")
    return ax
