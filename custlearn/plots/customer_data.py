"""Charts of lesson 01, customer information management (re-exported by :mod:`custlearn.plots`).

Each takes the result of a :mod:`custlearn.customer_data` function (and an
optional ``ax=``), draws with matplotlib, labels the axes in words with
units and returns the Axes.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from custlearn._i18n import tr
from custlearn._validate import require_columns, require_frame
from custlearn.plots._base import BAD, GOOD, HIGHLIGHT, MAIN, REFERENCE
from custlearn.plots._base import axes as _axes

__all__ = ["missing_values_chart", "problems_found_chart", "name_similarity_chart"]


def missing_values_chart(profile: pd.DataFrame, *, ax: Any = None, title: str | None = None) -> Any:
    """Horizontal bars: the share of missing values per column (columns with none are left out).

    Lesson 01, data-quality profiling: before any analysis, see which
    columns of a customer table are incomplete and how badly. Each bar is
    labelled with its share and count of missing rows.

    Parameters
    ----------
    profile : DataFrame
        The result of :func:`custlearn.customer_data.profile` (columns
        ``missing`` and ``missing_share``, indexed by column name).
    ax : matplotlib Axes, optional
        Where to draw; a new figure if None.
    title : str, optional
        The chart's title (default "Missing values per column").

    Returns
    -------
    matplotlib Axes

    Raises
    ------
    DataError
        If ``profile`` is not a DataFrame or lacks ``missing``/``missing_share``.

    Examples
    --------
    >>> import pandas as pd, matplotlib.pyplot as plt
    >>> p = pd.DataFrame({"missing": [0, 5, 20], "missing_share": [0.0, 0.05, 0.2]},
    ...                  index=pd.Index(["customer_id", "email", "age"], name="column"))
    >>> ax = missing_values_chart(p)
    >>> ax.get_xlabel(), len(ax.patches)
    ('Missing values (% of rows)', 2)
    >>> missing_values_chart(p.drop(columns="missing_share"))
    Traceback (most recent call last):
    ...
    custlearn.DataError: The column "missing_share" is not in the profile table. The table has these columns: missing. Rename your column, or pass the name your data uses.
    >>> plt.close("all")
    """
    require_frame(profile, table="profile", min_rows=0)
    require_columns(profile, ["missing", "missing_share"], table="profile")
    data = profile[profile["missing"] > 0].sort_values("missing_share")
    ax = _axes(ax, (8, max(2.0, 0.45 * len(data) + 1.2)))
    ax.barh([str(i) for i in data.index], data["missing_share"] * 100, color=MAIN)
    for y, (share, n) in enumerate(zip(data["missing_share"], data["missing"])):
        ax.text(share * 100, y, f"  {share:.1%} ({n:,})", va="center", fontsize=10)
    top = float(data["missing_share"].max() * 100) if len(data) else 1.0
    ax.set_xlim(0, top * 1.35)
    ax.set_xlabel(tr("Missing values (% of rows)"))
    ax.set_ylabel(tr("Column"))
    ax.set_title(title or tr("Missing values per column"))
    ax.grid(axis="y", visible=False)
    return ax


def problems_found_chart(table: pd.DataFrame, *, ax: Any = None, title: str | None = None) -> Any:
    """Paired bars per data-quality problem: how many the cleaning found vs how many were planted.

    Lesson 01, checking a cleaning against the truth: the raw extract of the
    course has a known number of each planted problem, so the lesson can
    show how much of each its cleaning steps caught. The planted count is
    the yardstick (grey); what the lesson found is the main bar (blue).

    Parameters
    ----------
    table : DataFrame
        Columns ``problem``, ``found`` and ``planted`` (or indexed by problem).
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
        If ``table`` is not a DataFrame or lacks ``found``/``planted``.

    Examples
    --------
    >>> import pandas as pd, matplotlib.pyplot as plt
    >>> t = pd.DataFrame({"problem": ["duplicate_person", "missing_age"], "found": [98, 100], "planted": [100, 100]})
    >>> ax = problems_found_chart(t)
    >>> ax.get_xlabel(), len(ax.patches)
    ('Rows with the problem', 4)
    >>> [t.get_text() for t in ax.get_legend().get_texts()]
    ['planted (truth)', 'found by the lesson']
    >>> problems_found_chart(t.rename(columns={"found": "caught"}))
    Traceback (most recent call last):
    ...
    custlearn.DataError: The column "found" is not in the table table. The table has these columns: caught, planted. Rename your column, or pass the name your data uses.
    >>> plt.close("all")
    """
    import numpy as np

    require_frame(table, table="table", min_rows=0)
    data = table.set_index("problem") if "problem" in table.columns else table
    require_columns(data, ["found", "planted"], table="table")
    data = data.iloc[::-1]
    y = np.arange(len(data))
    ax = _axes(ax, (8.5, max(2.5, 0.42 * len(data) + 1.2)))
    ax.barh(y + 0.2, data["planted"], height=0.4, color=REFERENCE, label=tr("planted (truth)"))
    ax.barh(y - 0.2, data["found"], height=0.4, color=MAIN, label=tr("found by the lesson"))
    for yy, (f, p) in enumerate(zip(data["found"], data["planted"])):
        ax.text(max(f, p), yy, tr("  {found:,} of {planted:,}", found=f, planted=p), va="center", fontsize=9)
    ax.set_yticks(y, [str(i).replace("_", " ") for i in data.index])
    ax.set_xlim(0, float(max(data["planted"].max(), data["found"].max(), 1)) * 1.3)
    ax.set_xlabel(tr("Rows with the problem"))
    ax.set_ylabel(tr("Planted problem"))
    ax.set_title(title or tr("Problems found by the cleaning vs planted in the data"))
    ax.legend(loc="lower right")
    ax.grid(axis="y", visible=False)
    return ax


def name_similarity_chart(pairs: pd.DataFrame, *, true_pair: Any = None, threshold: float | None = None,
                          ax: Any = None, title: str | None = None) -> Any:
    """Histogram of the name similarity of candidate duplicate pairs, true and false pairs apart.

    Lesson 01, finding duplicate customers: where to set the similarity
    threshold. Pairs that really are one person (green) pile up near 1;
    different people with similar names (vermillion) spread lower; the
    dashed black line is the threshold, so the pairs right of it are the
    ones a rule on names alone would merge.

    Parameters
    ----------
    pairs : DataFrame
        The result of :func:`custlearn.customer_data.find_duplicates`
        (column ``name_similarity``, 0-1).
    true_pair : boolean Series, optional
        Same index as ``pairs``: which pairs really are one person, if known
        (in the course, from ``datasets.duplicates``).
    threshold : float, optional
        A name-similarity threshold to mark.
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
        If ``pairs`` is not a DataFrame or lacks ``name_similarity``.

    Examples
    --------
    >>> import pandas as pd, matplotlib.pyplot as plt
    >>> pairs = pd.DataFrame({"name_similarity": [1.0, 0.95, 0.92, 1.0]})
    >>> ax = name_similarity_chart(pairs, true_pair=pd.Series([True, False, False, True]), threshold=0.9)
    >>> ax.get_ylabel()
    'Candidate pairs'
    >>> [t.get_text() for t in ax.get_legend().get_texts()]
    ['same person (truth)', 'different people (truth)', 'threshold 0.90']
    >>> plt.close("all")
    """
    import numpy as np

    require_frame(pairs, table="pairs", min_rows=0)
    require_columns(pairs, "name_similarity", table="pairs")
    ax = _axes(ax, (8, 4))
    bins = np.linspace(0, 1, 41)
    sim = pairs["name_similarity"].fillna(0)
    if true_pair is None:
        ax.hist(sim, bins=bins, color=MAIN, label=tr("candidate pairs"))
    else:
        true_pair = pd.Series(true_pair, index=pairs.index).astype(bool)
        ax.hist([sim[true_pair], sim[~true_pair]], bins=bins, stacked=True, color=[GOOD, BAD],
                label=[tr("same person (truth)"), tr("different people (truth)")])
    if threshold is not None:
        ax.axvline(threshold, color=HIGHLIGHT, lw=1.5, ls="--", label=tr("threshold {threshold:.2f}", threshold=threshold))
    ax.set_xlim(0, 1.02)
    ax.set_xlabel(tr("Name similarity (0 = nothing shared, 1 = same name)"))
    ax.set_ylabel(tr("Candidate pairs"))
    ax.set_title(title or tr("Name similarity of candidate duplicate pairs"))
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.2), ncol=3)
    return ax
