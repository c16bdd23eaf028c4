"""Charts of lesson 04 (loyalty), re-exported by :mod:`custlearn.plots`.

Each helper takes the result of a ``custlearn.loyalty`` function (and an
optional ``ax=``), draws with seaborn / matplotlib, labels everything in
words with units, and returns the Axes. matplotlib and seaborn are imported
inside the functions so importing this module stays light.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from custlearn._i18n import N_, tr, translated
from custlearn._validate import DataError, require_columns, require_frame
from custlearn.plots._base import MAIN, SECOND, SEQUENTIAL_CMAP, colours_for, percent_axis
from custlearn.plots._base import axes as _axes

__all__ = [
    "cohort_heatmap",
    "nps_chart",
    "satisfaction_loyalty_chart",
    "loyalty_matrix_chart",
]

def cohort_heatmap(matrix: pd.DataFrame, *, ax: Any = None, annotate: bool = True) -> Any:
    """Heatmap of a cohort retention matrix (share of each cohort still buying).

    Lesson 04 (loyalty), cohort analysis: do customers won later stay as
    long as the early ones? Rows are cohorts (period of first purchase),
    columns the periods since the first purchase; darker blue is more of the
    cohort still buying; cells not yet observed stay blank.

    Parameters
    ----------
    matrix : DataFrame
        The result of ``loyalty.cohort_retention(...)`` (shares, 0-1).
    ax : matplotlib Axes, optional
        Where to draw; a new figure if None.
    annotate : bool, default True
        Write the percentage in each cell (turn off for many cohorts).

    Returns
    -------
    matplotlib Axes

    Raises
    ------
    DataError
        If ``matrix`` is not a non-empty DataFrame of shares.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> import pandas as pd
    >>> from custlearn import loyalty
    >>> from custlearn.plots import cohort_heatmap
    >>> orders = pd.DataFrame({"customer_id": [1, 2, 1, 3, 2, 3],
    ...     "order_date": pd.to_datetime(["2024-01-02", "2024-01-15", "2024-02-03",
    ...         "2024-02-09", "2024-03-11", "2024-03-20"])})
    >>> m = loyalty.cohort_retention(pd.DataFrame({"customer_id": [1, 2, 3]}), orders)
    >>> ax = cohort_heatmap(m)
    >>> ax.get_xlabel()
    'Months since first purchase'
    >>> cohort_heatmap(m * 3)
    Traceback (most recent call last):
    ...
    custlearn.DataError: The cohort matrix must hold shares from 0 to 1, but larger values were found. Pass loyalty.cohort_retention(..., values="share"), not values="count".
    >>> plt.close(ax.figure)
    """
    import seaborn as sns

    matrix = require_frame(matrix, table="cohort matrix")
    values = matrix.apply(pd.to_numeric, errors="coerce").astype(float)
    if (values.max().max() > 1.0 + 1e-9) or (values.min().min() < 0):
        raise DataError(tr(
            "The cohort matrix must hold shares from 0 to 1, but larger values were found. "
            'Pass loyalty.cohort_retention(..., values="share"), not values="count".'
        ))
    freq = getattr(matrix.index, "freqstr", None) or ""
    unit = {"M": N_("Months"), "W": N_("Weeks"), "Q": N_("Quarters"), "Y": N_("Years"), "D": N_("Days")}.get(
        freq[:1], N_("Periods")
    )
    ax = _axes(ax)
    values.index = [str(i) for i in matrix.index]
    sns.heatmap(
        values,
        ax=ax,
        vmin=0,
        vmax=1,
        cmap=SEQUENTIAL_CMAP,
        annot=annotate,
        fmt=".0%",
        cbar_kws={"label": tr("Share of cohort still buying"), "format": "{x:.0%}"},
        linewidths=0.5,
    )
    ax.set_xlabel(tr("{unit} since first purchase", unit=translated(unit)))
    ax.set_ylabel(tr("Cohort (period of first purchase)"))
    ax.set_title(tr("Cohort retention: share of each cohort buying again"))
    return ax


def nps_chart(scores: Any, *, ax: Any = None) -> Any:
    """Bar chart of the shares of detractors, passives and promoters, NPS in the title.

    Lesson 04 (loyalty), Net Promoter Score (Reichheld 2003): NPS is the
    share of promoters (9-10) minus the share of detractors (0-6), so the
    chart shows the three groups it is made of, in their course colours
    (:data:`custlearn.plots.NPS_COLOURS`: detractors bad, passives neutral,
    promoters good).

    Parameters
    ----------
    scores : Series, list or array of 0-10 answers
        Answers to "How likely are you to recommend us?".
    ax : matplotlib Axes, optional
        Where to draw; a new figure if None.

    Returns
    -------
    matplotlib Axes

    Raises
    ------
    DataError
        Bad scores, as ``loyalty.nps``.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> from custlearn.plots import nps_chart
    >>> ax = nps_chart([10, 9, 9, 10, 9, 8, 7, 7, 6, 0])
    >>> ax.get_title()
    'NPS = 30 (50% promoters - 20% detractors)'
    >>> nps_chart([10, 9, 11])
    Traceback (most recent call last):
    ...
    custlearn.DataError: scores must be whole numbers from 0 to 10, but 1 value(s) are outside that range: 11.0. ...
    >>> plt.close(ax.figure)
    """
    import seaborn as sns

    from custlearn import loyalty

    table = loyalty.nps_categories(scores).reset_index()
    score = loyalty.nps(scores)
    table["label"] = [f"{c.capitalize()}s\n({r})" for c, r in zip(table["category"], table["scores"])]
    ax = _axes(ax)
    sns.barplot(
        data=table,
        x="label",
        y="share",
        hue="label",
        palette=colours_for(table["category"]),
        saturation=1,  # the course colours as they are
        legend=False,
        ax=ax,
    )
    for i, (share, count) in enumerate(zip(table["share"], table["count"])):
        ax.annotate(f"{share:.0%} (n={count})", (i, share), ha="center", va="bottom", xytext=(0, 2), textcoords="offset points")
    ax.set_ylim(0, max(1.0, float(table["share"].max()) * 1.1))
    percent_axis(ax)
    ax.set_xlabel(tr("Answer to 'How likely are you to recommend us?' (0-10)"))
    ax.set_ylabel(tr("Share of answers"))
    p_p = table.loc[table["category"] == "promoter", "share"].iloc[0]
    p_d = table.loc[table["category"] == "detractor", "share"].iloc[0]
    ax.set_title(tr("NPS = {score:.0f} ({promoters:.0%} promoters - {detractors:.0%} detractors)", score=score,
                    promoters=p_p, detractors=p_d))
    return ax


def satisfaction_loyalty_chart(curve: pd.DataFrame, *, ax: Any = None) -> Any:
    """Repurchase and recommend rates by satisfaction level, with Wilson intervals.

    Lesson 04 (loyalty), satisfaction -> loyalty (Jones & Sasser 1995): only
    the most satisfied customers are clearly more loyal, so the curves bend
    up at the top of the scale. Repurchase is the main measure (blue),
    recommendation the second (orange); error bars are 95% intervals.

    Parameters
    ----------
    curve : DataFrame
        The result of ``loyalty.satisfaction_loyalty_curve(...)``.
    ax : matplotlib Axes, optional
        Where to draw; a new figure if None.

    Returns
    -------
    matplotlib Axes

    Raises
    ------
    DataError
        If ``curve`` lacks the rate and interval columns.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> import pandas as pd
    >>> from custlearn.plots import satisfaction_loyalty_chart
    >>> curve = pd.DataFrame({"repurchase_rate": [0.2, 0.3, 0.7],
    ...     "repurchase_lower": [0.1, 0.2, 0.6], "repurchase_upper": [0.3, 0.4, 0.8],
    ...     "recommend_rate": [0.0, 0.1, 0.6], "recommend_lower": [0.0, 0.05, 0.5],
    ...     "recommend_upper": [0.1, 0.2, 0.7]}, index=pd.Index([3, 4, 5], name="satisfaction"))
    >>> ax = satisfaction_loyalty_chart(curve)
    >>> ax.get_xlabel()
    'Overall satisfaction (1 = very dissatisfied, 5 = very satisfied)'
    >>> satisfaction_loyalty_chart(curve[["repurchase_rate"]])
    Traceback (most recent call last):
    ...
    custlearn.DataError: The columns "repurchase_lower", "repurchase_upper", "recommend_rate", "recommend_lower", "recommend_upper" are not in the satisfaction-loyalty curve table. ...
    >>> plt.close(ax.figure)
    """
    curve = require_frame(curve, table="satisfaction-loyalty curve")
    needed = [f"{m}_{s}" for m in ("repurchase", "recommend") for s in ("rate", "lower", "upper")]
    require_columns(curve, needed, table="satisfaction-loyalty curve")
    ax = _axes(ax)
    x = [float(v) for v in curve.index]
    for measure, label, colour, offset in (
        ("repurchase", tr("Bought again within the window"), MAIN, -0.04),
        ("recommend", tr("Would recommend (9-10)"), SECOND, 0.04),
    ):
        rate = curve[f"{measure}_rate"].astype(float)
        low = (rate - curve[f"{measure}_lower"].astype(float)).clip(lower=0)
        high = (curve[f"{measure}_upper"].astype(float) - rate).clip(lower=0)
        ax.errorbar(
            [v + offset for v in x],
            rate,
            yerr=[low.fillna(0), high.fillna(0)],
            marker="o",
            capsize=4,
            color=colour,
            label=label,
        )
    ax.set_xticks(x)
    ax.set_xticklabels([f"{v:g}" for v in x])
    ax.set_ylim(0, 1)
    percent_axis(ax)
    ax.set_xlabel(tr("Overall satisfaction (1 = very dissatisfied, 5 = very satisfied)"))
    ax.set_ylabel(tr("Share of responses (95% interval)"))
    ax.set_title(tr("Loyalty by satisfaction level"))
    ax.legend(loc="upper left")
    return ax


def loyalty_matrix_chart(matrix: pd.DataFrame, *, ax: Any = None) -> Any:
    """Dick & Basu (1994) 2x2 chart: customers in each attitude x patronage cell.

    Lesson 04 (loyalty), Dick & Basu's two dimensions of loyalty: relative
    attitude (what customers say) against repeat patronage (what they do).
    Each cell shows its group name, the number of customers and their
    share; darker blue is more customers.

    Parameters
    ----------
    matrix : DataFrame
        The per-customer result of ``loyalty.loyalty_matrix(...)`` or the 2x2
        counts of ``loyalty.loyalty_matrix_counts(...)``.
    ax : matplotlib Axes, optional
        Where to draw; a new figure if None.

    Returns
    -------
    matplotlib Axes

    Raises
    ------
    DataError
        If ``matrix`` is neither of those tables.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> import pandas as pd
    >>> from custlearn.plots import loyalty_matrix_chart
    >>> m = pd.DataFrame({"high_attitude": [True, True, False, False],
    ...                   "high_patronage": [True, False, True, False]})
    >>> ax = loyalty_matrix_chart(m)
    >>> ax.get_ylabel()
    'Relative attitude (survey)'
    >>> plt.close(ax.figure)
    """
    import seaborn as sns

    from custlearn import loyalty

    matrix = require_frame(matrix, table="loyalty matrix", min_rows=0)
    if {"high_attitude", "high_patronage"} <= set(matrix.columns):
        counts = loyalty.loyalty_matrix_counts(matrix)
    elif list(matrix.index) == ["high", "low"] and list(matrix.columns) == ["high", "low"]:
        counts = matrix
    else:
        raise DataError(tr(
            "loyalty_matrix_chart needs the result of loyalty.loyalty_matrix(...) (columns "
            "high_attitude and high_patronage) or of loyalty.loyalty_matrix_counts(...); "
            "the table given has columns {columns}.", columns=", ".join(map(str, matrix.columns))
        ))
    total = float(counts.to_numpy().sum())
    names = [[tr("Loyalty"), tr("Latent loyalty")], [tr("Spurious loyalty"), tr("No loyalty")]]
    labels = [
        [
            f"{names[i][j]}\n{int(counts.iloc[i, j])} ({counts.iloc[i, j] / total:.0%})" if total else names[i][j]
            for j in range(2)
        ]
        for i in range(2)
    ]
    ax = _axes(ax)
    shown = counts.copy()
    shown.index = [tr("High"), tr("Low")]
    shown.columns = [tr("High"), tr("Low")]
    sns.heatmap(shown, annot=labels, fmt="", cmap=SEQUENTIAL_CMAP, cbar=False, linewidths=1, ax=ax)
    ax.set_xlabel(tr("Repeat patronage (orders)"))
    ax.set_ylabel(tr("Relative attitude (survey)"))
    ax.set_title(tr("Dick & Basu loyalty matrix (customers)"))
    return ax
