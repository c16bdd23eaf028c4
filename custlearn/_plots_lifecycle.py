"""Charts of lesson 02 (re-exported by :mod:`custlearn.plots`)."""

from __future__ import annotations

from typing import Any

import pandas as pd

from custlearn._plots_base import axes as _axes

#: One colour per stage: the climb in blues and green, the ways out in warm colours.
STAGE_COLOURS = {
    "prospect": "#BBBBBB",
    "first-time": "#56B4E9",
    "repeat": "#0072B2",
    "advocate": "#009E73",
    "won back": "#CC79A7",
    "at risk": "#E69F00",
    "lost": "#D55E00",
}




def lifecycle_funnel(stages: pd.Series | pd.DataFrame, *, ax: Any = None, title: str | None = None) -> Any:
    """Horizontal bars: how many customers sit at each lifecycle stage.

    ``stages`` is the ``stage`` column of :func:`custlearn.lifecycle.assign_stages`
    (or the whole result), or a Series of counts indexed by stage.

    Examples
    --------
    >>> import pandas as pd, matplotlib.pyplot as plt
    >>> counts = pd.Series({"prospect": 5, "first-time": 4, "repeat": 3, "advocate": 1,
    ...                     "won back": 1, "at risk": 2, "lost": 2})
    >>> ax = lifecycle_funnel(counts)
    >>> ax.get_xlabel()
    'Customers'
    >>> plt.close("all")
    """
    if isinstance(stages, pd.DataFrame):
        stages = stages["stage"]
    counts = stages if pd.api.types.is_numeric_dtype(stages) and not isinstance(stages.dtype, pd.CategoricalDtype) \
        else stages.value_counts(sort=False)
    order = [s for s in STAGE_COLOURS if s in counts.index] + [s for s in counts.index if s not in STAGE_COLOURS]
    counts = counts.reindex(order).fillna(0)
    ax = _axes(ax, (8, 4.2))
    colours = [STAGE_COLOURS.get(s, "#777777") for s in counts.index]
    ax.barh(list(counts.index)[::-1], counts.to_numpy()[::-1], color=colours[::-1])
    total = counts.sum()
    for y, value in enumerate(counts.to_numpy()[::-1]):
        ax.text(value, y, f"  {value:,.0f} ({value / total:.0%})" if total else "", va="center", fontsize=10)
    ax.set_xlim(0, counts.max() * 1.25 if total else 1)
    ax.set_xlabel("Customers")
    ax.set_ylabel("Stage")
    ax.set_title(title or "Customers at each lifecycle stage")
    ax.grid(axis="y", visible=False)
    return ax


def stage_trend(counts: pd.DataFrame, *, ax: Any = None, share: bool = False, title: str | None = None) -> Any:
    """Stacked areas: the lifecycle through time (the output of ``stage_counts``).

    Examples
    --------
    >>> import pandas as pd, matplotlib.pyplot as plt
    >>> counts = pd.DataFrame({"prospect": [3, 2], "repeat": [1, 2], "lost": [0, 1]},
    ...                       index=pd.to_datetime(["2024-06-30", "2024-12-31"]))
    >>> ax = stage_trend(counts)
    >>> ax.get_ylabel()
    'Customers'
    >>> plt.close("all")
    """
    ax = _axes(ax, (9, 4.5))
    data = counts.div(counts.sum(axis=1), axis=0) if share else counts
    colours = [STAGE_COLOURS.get(c, "#777777") for c in data.columns]
    ax.stackplot(data.index, *[data[c].to_numpy(dtype=float) for c in data.columns], labels=list(data.columns),
                 colors=colours, alpha=0.9)
    ax.set_xlabel("Date")
    ax.set_ylabel("Share of customers" if share else "Customers")
    if share:
        from custlearn.plots import percent_axis

        percent_axis(ax)
    ax.set_title(title or "The customer lifecycle through time")
    handles, labels = ax.get_legend_handles_labels()
    ax.legend(handles[::-1], labels[::-1], loc="upper left", bbox_to_anchor=(1.01, 1.0), title="Stage")
    return ax


def transition_heatmap(matrix: pd.DataFrame, *, ax: Any = None, title: str | None = None) -> Any:
    """Heatmap of a stage-to-stage transition matrix (rows sum to 100%).

    ``matrix`` is the output of :func:`custlearn.lifecycle.transition_matrix`
    (its ``customers`` column is shown in the row labels).

    Examples
    --------
    >>> import pandas as pd, matplotlib.pyplot as plt
    >>> m = pd.DataFrame({"repeat": [0.7, 0.2], "lost": [0.3, 0.8], "customers": [10, 5]},
    ...                  index=["repeat", "at risk"])
    >>> ax = transition_heatmap(m)
    >>> ax.get_xlabel()
    'Stage at the end'
    >>> plt.close("all")
    """
    import seaborn as sns

    shares = matrix.drop(columns=["customers"], errors="ignore")
    if "customers" in matrix.columns:
        shares = shares.set_axis([f"{i} (n={n:,})" for i, n in zip(matrix.index, matrix["customers"])], axis=0)
    ax = _axes(ax, (9, 5.5))
    sns.heatmap(shares.astype(float) * 100, annot=True, fmt=".0f", cmap="Blues", vmin=0, vmax=100,
                cbar_kws={"label": "% of the row's customers"}, linewidths=0.5, ax=ax)
    ax.set_xlabel("Stage at the end")
    ax.set_ylabel("Stage at the start")
    ax.set_title(title or "Where customers moved (row %)")
    ax.tick_params(axis="x", rotation=30)
    return ax
