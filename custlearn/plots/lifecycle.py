"""Charts of lesson 02, the customer lifecycle (re-exported by :mod:`custlearn.plots`).

Each takes the result of a :mod:`custlearn.lifecycle` function (and an
optional ``ax=``), draws every stage in its colour of
:data:`custlearn.plots.STAGE_COLOURS`, labels the axes in words and returns
the Axes.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from custlearn._i18n import tr
from custlearn._validate import DataError, require_frame
from custlearn.plots._base import SEQUENTIAL_CMAP, STAGE_COLOURS, colours_for, percent_axis
from custlearn.plots._base import axes as _axes

__all__ = ["lifecycle_funnel", "stage_trend", "transition_heatmap"]


def _stage_order(names: Any) -> list[str]:
    """The stages in funnel order (:data:`STAGE_COLOURS`), other names after them."""
    names = [str(n) for n in names]
    return [s for s in STAGE_COLOURS if s in names] + [s for s in names if s not in STAGE_COLOURS]


def lifecycle_funnel(stages: pd.Series | pd.DataFrame, *, ax: Any = None, title: str | None = None) -> Any:
    """Horizontal bars: how many customers sit at each lifecycle stage.

    Lesson 02, where the customer base stands today: prospects at the top,
    then the climb (first-time, repeat, advocate), then the ways out (at
    risk, lost). Each bar carries its count and share of all customers.

    Parameters
    ----------
    stages : Series or DataFrame
        The result of :func:`custlearn.lifecycle.assign_stages` (or its
        ``stage`` column), or a Series of counts indexed by stage.
    ax : matplotlib Axes, optional
        Where to draw; a new figure if None.
    title : str, optional
        The chart's title (default "Customers at each lifecycle stage").

    Returns
    -------
    matplotlib Axes

    Raises
    ------
    DataError
        If a table without a ``stage`` column is given.

    Examples
    --------
    >>> import pandas as pd, matplotlib.pyplot as plt
    >>> counts = pd.Series({"prospect": 5, "first-time": 4, "repeat": 3, "advocate": 1,
    ...                     "won back": 1, "at risk": 2, "lost": 2})
    >>> ax = lifecycle_funnel(counts)
    >>> ax.get_xlabel(), [t.get_text() for t in ax.get_yticklabels()][-1]
    ('Customers', 'prospect')
    >>> lifecycle_funnel(pd.DataFrame({"segment": ["lost"]}))
    Traceback (most recent call last):
    ...
    custlearn.DataError: The column "stage" is not in the stages table. The table has these columns: segment. Pass the result of lifecycle.assign_stages(...), or its "stage" column.
    >>> plt.close("all")
    """
    if isinstance(stages, pd.DataFrame):
        if "stage" not in stages.columns:
            raise DataError(tr('The column "stage" is not in the stages table. The table has these columns: '
                               '{columns}. Pass the result of lifecycle.assign_stages(...), or its "stage" column.',
                               columns=", ".join(map(str, stages.columns))))
        stages = stages["stage"]
    counts = stages if pd.api.types.is_numeric_dtype(stages) and not isinstance(stages.dtype, pd.CategoricalDtype) \
        else stages.value_counts(sort=False)
    counts = counts.set_axis(counts.index.astype(str)).reindex(_stage_order(counts.index)).fillna(0)
    ax = _axes(ax, (8, 4.2))
    ax.barh(list(counts.index)[::-1], counts.to_numpy()[::-1], color=colours_for(counts.index)[::-1])
    total = counts.sum()
    for y, value in enumerate(counts.to_numpy()[::-1]):
        ax.text(value, y, f"  {value:,.0f} ({value / total:.0%})" if total else "", va="center", fontsize=10)
    ax.set_xlim(0, counts.max() * 1.25 if total else 1)
    ax.set_xlabel(tr("Customers"))
    ax.set_ylabel(tr("Stage"))
    ax.set_title(title or tr("Customers at each lifecycle stage"))
    ax.grid(axis="y", visible=False)
    return ax


def _period_ticks(dates: pd.DatetimeIndex) -> tuple[str, list[str]]:
    """The x-axis label and one tick label per date, naming the period that ends there."""
    if len(dates) and dates.is_year_end.all():
        return tr("End of year"), [f"{d:%Y}" for d in dates]
    if len(dates) and dates.is_quarter_end.all():
        return tr("End of quarter"), [tr("Q{quarter} {date:%Y}", quarter=d.quarter, date=d) for d in dates]
    if len(dates) and dates.is_month_end.all():
        return tr("End of month"), [tr("{date:%b %Y}", date=d) for d in dates]
    return tr("Date"), [tr("{date:%d %b %Y}", date=d) for d in dates]


def stage_trend(counts: pd.DataFrame, *, ax: Any = None, share: bool = False, title: str | None = None) -> Any:
    """Stacked areas: how many customers sit at each lifecycle stage through time.

    Lesson 02, the whole-lifecycle view: is the base growing, and is the
    growth in the climbing stages or in "at risk" and "lost"? Each tick sits
    on a date of ``counts`` and names its period ("Q1 2024" for 31 March
    2024), since the counts are snapshots taken on those days.

    Parameters
    ----------
    counts : DataFrame
        The result of :func:`custlearn.lifecycle.stage_counts`: one row per
        date (a DatetimeIndex or PeriodIndex), one column per stage.
    ax : matplotlib Axes, optional
        Where to draw; a new figure if None.
    share : bool, default False
        Draw each date's shares (adding up to 100%) instead of counts.
    title : str, optional
        The chart's title.

    Returns
    -------
    matplotlib Axes

    Raises
    ------
    DataError
        If ``counts`` is not a DataFrame indexed by dates.

    Examples
    --------
    >>> import pandas as pd, matplotlib.pyplot as plt
    >>> counts = pd.DataFrame({"prospect": [3, 2], "repeat": [1, 2], "lost": [0, 1]},
    ...                       index=pd.to_datetime(["2024-06-30", "2024-09-30"]))
    >>> ax = stage_trend(counts)
    >>> ax.get_ylabel(), ax.get_xlabel(), [t.get_text() for t in ax.get_xticklabels()]
    ('Customers', 'End of quarter', ['Q2 2024', 'Q3 2024'])
    >>> stage_trend(counts.reset_index(drop=True))
    Traceback (most recent call last):
    ...
    custlearn.DataError: counts must be indexed by dates (one row per date, as lifecycle.stage_counts gives), but its index holds 0, 1. Set the dates as the index: counts.set_axis(pd.to_datetime(...)).
    >>> plt.close("all")
    """
    require_frame(counts, table="counts")
    dates = counts.index.to_timestamp(how="end").normalize() if isinstance(counts.index, pd.PeriodIndex) \
        else counts.index
    if not isinstance(dates, pd.DatetimeIndex):
        raise DataError(tr("counts must be indexed by dates (one row per date, as lifecycle.stage_counts gives), "
                           "but its index holds {labels}. Set the dates as the index: "
                           "counts.set_axis(pd.to_datetime(...)).", labels=", ".join(map(str, counts.index[:3]))))
    ax = _axes(ax, (9, 4.5))
    data = counts.div(counts.sum(axis=1), axis=0) if share else counts
    data = data[_stage_order(data.columns)]
    ax.stackplot(dates, *[data[c].to_numpy(dtype=float) for c in data.columns], labels=list(data.columns),
                 colors=colours_for(data.columns), alpha=0.9)
    xlabel, ticks = _period_ticks(dates)
    step = max(1, -(-len(dates) // 12))  # at most 12 tick labels
    ax.set_xticks(dates[::step], ticks[::step])
    ax.set_xlim(dates.min(), dates.max())
    ax.set_xlabel(xlabel)
    ax.set_ylabel(tr("Share of customers") if share else tr("Customers"))
    if share:
        percent_axis(ax)
    ax.set_title(title or tr("The customer lifecycle through time"))
    handles, labels = ax.get_legend_handles_labels()
    ax.legend(handles[::-1], labels[::-1], loc="upper left", bbox_to_anchor=(1.01, 1.0), title=tr("Stage"))
    return ax


def transition_heatmap(matrix: pd.DataFrame, *, ax: Any = None, title: str | None = None) -> Any:
    """Heatmap of a stage-to-stage transition matrix (each row adds up to 100%).

    Lesson 02, how customers move: of the customers at a stage at the start
    (rows), where are they at the end (columns)? Dark cells are the common
    moves; the diagonal is staying put.

    Parameters
    ----------
    matrix : DataFrame
        The result of :func:`custlearn.lifecycle.transition_matrix` (shares
        0-1; its ``customers`` column is shown in the row labels).
    ax : matplotlib Axes, optional
        Where to draw; a new figure if None.
    title : str, optional
        The chart's title.

    Returns
    -------
    matplotlib Axes

    Raises
    ------
    DataError
        If ``matrix`` is not a non-empty DataFrame.

    Examples
    --------
    >>> import pandas as pd, matplotlib.pyplot as plt
    >>> m = pd.DataFrame({"repeat": [0.7, 0.2], "lost": [0.3, 0.8], "customers": [10, 5]},
    ...                  index=["repeat", "at risk"])
    >>> ax = transition_heatmap(m)
    >>> ax.get_xlabel(), [t.get_text() for t in ax.get_yticklabels()]
    ('Stage at the end', ['repeat (n=10)', 'at risk (n=5)'])
    >>> plt.close("all")
    """
    import seaborn as sns

    require_frame(matrix, table="transition matrix")
    shares = matrix.drop(columns=["customers"], errors="ignore")
    if "customers" in matrix.columns:
        shares = shares.set_axis([f"{i} (n={n:,})" for i, n in zip(matrix.index, matrix["customers"])], axis=0)
    ax = _axes(ax, (9, 5.5))
    sns.heatmap(shares.astype(float) * 100, annot=True, fmt=".0f", cmap=SEQUENTIAL_CMAP, vmin=0, vmax=100,
                cbar_kws={"label": tr("% of the row's customers")}, linewidths=0.5, ax=ax)
    ax.set_xlabel(tr("Stage at the end"))
    ax.set_ylabel(tr("Stage at the start"))
    ax.set_title(title or tr("Where customers moved (row %)"))
    ax.tick_params(axis="x", rotation=30)
    return ax
