"""Charts of lesson 01, customer information management (re-exported by :mod:`custlearn.plots`)."""

from __future__ import annotations

from typing import Any

import pandas as pd

from custlearn._plots_base import axes as _axes
from custlearn._validate import require_columns, require_frame

__all__ = ["missing_values_chart", "problems_found_chart", "name_similarity_chart"]

_BLUE, _ORANGE, _GREEN, _RED, _GREY = "#0072B2", "#E69F00", "#009E73", "#D55E00", "#BBBBBB"


def missing_values_chart(profile: pd.DataFrame, *, ax: Any = None, title: str | None = None) -> Any:
    """Horizontal bars: the share of missing values per column (columns with none are left out).

    ``profile`` is the result of :func:`custlearn.customer_data.profile`
    (columns ``missing`` and ``missing_share``, indexed by column).

    Examples
    --------
    >>> import pandas as pd, matplotlib.pyplot as plt
    >>> p = pd.DataFrame({"missing": [0, 5, 20], "missing_share": [0.0, 0.05, 0.2]},
    ...                  index=pd.Index(["customer_id", "email", "age"], name="column"))
    >>> ax = missing_values_chart(p)
    >>> ax.get_xlabel(), len(ax.patches)
    ('Missing values (% of rows)', 2)
    >>> plt.close("all")
    """
    require_frame(profile, table="profile", min_rows=0)
    require_columns(profile, ["missing", "missing_share"], table="profile")
    data = profile[profile["missing"] > 0].sort_values("missing_share")
    ax = _axes(ax, (8, max(2.0, 0.45 * len(data) + 1.2)))
    ax.barh([str(i) for i in data.index], data["missing_share"] * 100, color=_BLUE)
    for y, (share, n) in enumerate(zip(data["missing_share"], data["missing"])):
        ax.text(share * 100, y, f"  {share:.1%} ({n:,})", va="center", fontsize=10)
    top = float(data["missing_share"].max() * 100) if len(data) else 1.0
    ax.set_xlim(0, top * 1.35)
    ax.set_xlabel("Missing values (% of rows)")
    ax.set_ylabel("Column")
    ax.set_title(title or "Missing values per column")
    ax.grid(axis="y", visible=False)
    return ax


def problems_found_chart(table: pd.DataFrame, *, ax: Any = None, title: str | None = None) -> Any:
    """Paired bars per data-quality problem: how many the cleaning found vs how many were planted.

    ``table`` has columns ``problem``, ``found`` and ``planted`` (or is indexed by problem).

    Examples
    --------
    >>> import pandas as pd, matplotlib.pyplot as plt
    >>> t = pd.DataFrame({"problem": ["duplicate_person", "missing_age"], "found": [98, 100], "planted": [100, 100]})
    >>> ax = problems_found_chart(t)
    >>> ax.get_xlabel(), len(ax.patches)
    ('Rows with the problem', 4)
    >>> plt.close("all")
    """
    import numpy as np

    require_frame(table, table="table", min_rows=0)
    data = table.set_index("problem") if "problem" in table.columns else table
    require_columns(data, ["found", "planted"], table="table")
    data = data.iloc[::-1]
    y = np.arange(len(data))
    ax = _axes(ax, (8.5, max(2.5, 0.42 * len(data) + 1.2)))
    ax.barh(y + 0.2, data["planted"], height=0.4, color=_GREY, label="planted (truth)")
    ax.barh(y - 0.2, data["found"], height=0.4, color=_BLUE, label="found by the lesson")
    for yy, (f, p) in enumerate(zip(data["found"], data["planted"])):
        ax.text(max(f, p), yy, f"  {f:,} of {p:,}", va="center", fontsize=9)
    ax.set_yticks(y, [str(i).replace("_", " ") for i in data.index])
    ax.set_xlim(0, float(max(data["planted"].max(), data["found"].max(), 1)) * 1.3)
    ax.set_xlabel("Rows with the problem")
    ax.set_ylabel("Planted problem")
    ax.set_title(title or "Problems found by the cleaning vs planted in the data")
    ax.legend(loc="lower right")
    ax.grid(axis="y", visible=False)
    return ax


def name_similarity_chart(pairs: pd.DataFrame, *, true_pair: Any = None, threshold: float | None = None,
                          ax: Any = None, title: str | None = None) -> Any:
    """Histogram of the name similarity of candidate pairs, true pairs and false pairs apart.

    ``pairs`` is the result of :func:`custlearn.customer_data.find_duplicates`
    (column ``name_similarity``); ``true_pair`` a boolean Series (same index)
    saying which pairs really are one person, if known.

    Examples
    --------
    >>> import pandas as pd, matplotlib.pyplot as plt
    >>> pairs = pd.DataFrame({"name_similarity": [1.0, 0.95, 0.92, 1.0]})
    >>> ax = name_similarity_chart(pairs, true_pair=pd.Series([True, False, False, True]), threshold=0.9)
    >>> ax.get_ylabel()
    'Candidate pairs'
    >>> plt.close("all")
    """
    import numpy as np

    require_frame(pairs, table="pairs", min_rows=0)
    require_columns(pairs, "name_similarity", table="pairs")
    ax = _axes(ax, (8, 4))
    bins = np.linspace(0, 1, 41)
    sim = pairs["name_similarity"].fillna(0)
    if true_pair is None:
        ax.hist(sim, bins=bins, color=_BLUE, label="candidate pairs")
    else:
        true_pair = pd.Series(true_pair, index=pairs.index).astype(bool)
        ax.hist([sim[true_pair], sim[~true_pair]], bins=bins, stacked=True, color=[_GREEN, _RED],
                label=["same person (truth)", "different people (truth)"])
    if threshold is not None:
        ax.axvline(threshold, color="black", lw=1.5, ls="--", label=f"threshold {threshold:.2f}")
    ax.set_xlim(0, 1.02)
    ax.set_xlabel("Name similarity (0 = nothing shared, 1 = same name)")
    ax.set_ylabel("Candidate pairs")
    ax.set_title(title or "Name similarity of candidate duplicate pairs")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.2), ncol=3)
    return ax
