"""Charts of lesson 06 (customer service management): service mix, closed loop, complaints, key accounts, chain.

Re-exported by :mod:`custlearn.plots`. Each takes the output of a
:mod:`custlearn.service` function, draws with matplotlib, labels the axes in
words with units and returns the Axes. Colours keep their course meaning
(:mod:`custlearn.plots._base`): the measure in blue, a second one beside it
in orange, a yardstick (the planted truth, a fitted line) in grey, a target
in black; complaint outcomes keep their outcome colours.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from custlearn._i18n import tr
from custlearn._validate import DataError, require_columns, require_frame
from custlearn.plots._base import HIGHLIGHT, MAIN, NEUTRAL, REFERENCE, SECOND, colours_for, percent_axis
from custlearn.plots._base import axes as _axes

__all__ = ["service_mix_chart", "closed_loop_chart", "complaint_churn_chart", "key_account_chart",
           "service_profit_chain_chart", "chain_estimates_chart"]


def _labels(index: pd.Index) -> list[str]:
    """Row labels in words: the parts of a two-level index joined by " / "."""
    return [" / ".join(str(p) for p in i) if isinstance(i, tuple) else str(i) for i in index]


def _legend_below(ax: Any, **options: Any) -> Any:
    """The legend under the x axis label (half an inch below the axes), in two columns."""
    from matplotlib.transforms import ScaledTranslation

    below = ax.transAxes + ScaledTranslation(0, -0.6, ax.figure.dpi_scale_trans)
    return ax.legend(loc="upper center", bbox_to_anchor=(0.5, 0.0), bbox_transform=below, ncol=2, fontsize=9,
                     **options)


def service_mix_chart(mix: pd.DataFrame, *, ax: Any = None, title: str | None = None) -> Any:
    """The service mix: the share of services by one classification, or one split by another.

    Lesson 06, deck 001's six ways to classify a service (客户服务的分类):
    one bar per label of :func:`custlearn.service.service_mix` (its share of
    all services, written at the bar's end); with two classifications,
    one stacked bar per label of the first, split by the second
    (``share_within``), the parts in the colours of their labels.

    Parameters
    ----------
    mix : DataFrame
        The result of :func:`custlearn.service.service_mix`.
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
        If ``mix`` lacks the columns of ``service_mix``'s result.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> import pandas as pd
    >>> mix = pd.DataFrame({"services": [10, 30], "share": [0.25, 0.75]},
    ...                    index=pd.Index(["pre-sale", "after-sale"], name="timing"))
    >>> ax = service_mix_chart(mix)
    >>> ax.get_xlabel(), ax.texts[1].get_text()
    ('Share of all services', '75% (30)')
    >>> service_mix_chart(mix.drop(columns="share"))
    Traceback (most recent call last):
    ...
    custlearn.DataError: The column "share" is not in the service mix table. The table has these columns: services. Rename your column, or pass the name your data uses.
    >>> plt.close("all")
    """
    require_frame(mix, table="mix")
    require_columns(mix, ["services", "share"], table="service mix")
    ax = _axes(ax, (8, 4.0))
    if mix.index.nlevels == 1:
        labels = _labels(mix.index)
        ax.barh(labels, mix["share"].to_numpy(float), color=MAIN)
        for i, (share, n) in enumerate(zip(mix["share"], mix["services"])):
            ax.text(float(share) + 0.01, i, f"{share:.0%} ({int(n):,})", va="center", fontsize=9)
        ax.set_ylabel(str(mix.index.name or ""))
    else:
        _stacked_mix(ax, mix)
    ax.invert_yaxis()
    ax.set_xlim(0, 1.12 if mix.index.nlevels == 1 else 1.0)
    percent_axis(ax, "x")
    ax.set_xlabel(tr("Share of all services") if mix.index.nlevels == 1 else tr("Share within the group"))
    ax.set_title(title or tr("Service mix by {names}", names=tr(" and ").join(str(n) for n in mix.index.names)))
    ax.grid(axis="y", visible=False)
    return ax


def _stacked_mix(ax: Any, mix: pd.DataFrame) -> None:
    require_columns(mix, ["share_within"], table="service mix")
    wide = mix["share_within"].unstack(fill_value=0.0)
    left = np.zeros(len(wide))
    for colour, label in zip(colours_for(wide.columns), wide.columns):
        ax.barh([str(i) for i in wide.index], wide[label].to_numpy(float), left=left, color=colour, label=str(label))
        left += wide[label].to_numpy(float)
    ax.set_ylabel(str(mix.index.names[0]))
    ax.legend(title=str(mix.index.names[1]), loc="upper left", bbox_to_anchor=(1.0, 1.0))


def closed_loop_chart(loop: pd.DataFrame, *, target: float | None = None, ax: Any = None,
                      title: str | None = None) -> Any:
    """The share closed within the time limit per owner and stage (or per stage), with intervals.

    Lesson 06, deck 002's closed loop (闭环, each step with a time limit and
    an owner): one dot per row of :func:`custlearn.service.closed_loop`
    (``closed_in_time``) or of :func:`custlearn.service.time_limit_attainment`
    (``in_time_share``), worst first, with its Wilson interval and the
    number of tickets (and the time limit, for ``time_limit_attainment``);
    ``target`` draws the share the company promises.

    Parameters
    ----------
    loop : DataFrame
        The result of ``closed_loop`` or ``time_limit_attainment``.
    target : float, optional
        A target share (0 to 1) drawn as a black line.
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
        If ``loop`` has neither share column, or lacks ``lower``, ``upper``, ``tickets``.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> import pandas as pd
    >>> loop = pd.DataFrame({"tickets": [20, 80], "closed_in_time": [0.4, 0.75],
    ...                      "lower": [0.22, 0.65], "upper": [0.61, 0.83]}, index=["in-sale", "after-sale"])
    >>> ax = closed_loop_chart(loop, target=0.8)
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['in-sale (n=20)', 'after-sale (n=80)']
    >>> closed_loop_chart(loop.drop(columns="closed_in_time"))
    Traceback (most recent call last):
    ...
    custlearn.DataError: The table has no share to draw: it needs "closed_in_time" (from service.closed_loop) or "in_time_share" (from service.time_limit_attainment).
    >>> plt.close("all")
    """
    require_frame(loop, table="loop")
    share = next((c for c in ("closed_in_time", "in_time_share") if c in loop.columns), None)
    if share is None:
        raise DataError(tr('The table has no share to draw: it needs "closed_in_time" (from service.closed_loop) or '
                           '"in_time_share" (from service.time_limit_attainment).'))
    require_columns(loop, ["tickets", "lower", "upper"], table="closed loop")
    data = loop.sort_values(share, kind="stable")
    ax = _axes(ax, (8, max(2.5, 0.45 * len(data) + 1.2)))
    y = np.arange(len(data))
    value = data[share].to_numpy(float)
    err = np.vstack([value - data["lower"].to_numpy(float), data["upper"].to_numpy(float) - value])
    ax.errorbar(value, y, xerr=err, fmt="o", color=MAIN, capsize=3, label=tr("Closed within the limit (95% interval)"))
    if target is not None:
        ax.axvline(float(target), color=HIGHLIGHT, lw=1, ls="--", label=tr("Target {target:.0%}", target=float(target)))
    limit = [f", {h:g} h" for h in data["limit_hours"]] if "limit_hours" in data else [""] * len(data)
    ax.set_yticks(y, [f"{label}{h} (n={int(n):,})" for label, h, n in zip(_labels(data.index), limit, data["tickets"])])
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    percent_axis(ax, "x")
    ax.set_xlabel(tr("Tickets resolved within their time limit"))
    ax.set_title(title or tr("Closed in time, worst first"))
    _legend_below(ax)  # with many rows no corner is free of dots, intervals and the target line
    return ax


def complaint_churn_chart(table: pd.DataFrame, *, ax: Any = None, title: str | None = None) -> Any:
    """Churn rate by how the customer's first complaint ended, with its confidence interval.

    Lesson 06, service recovery: a complaint resolved well keeps customers,
    one left unresolved loses them. Each bar is an outcome in its course
    colour (:data:`custlearn.plots.OUTCOME_COLOURS`, the same as in lesson
    02), its error bar the 95% interval, and the rate and the number of
    customers are written above the interval.

    Parameters
    ----------
    table : DataFrame
        The result of :func:`custlearn.service.churn_by_complaint_outcome`
        (indexed by outcome; ``customers``, ``churn_rate``, ``lower``, ``upper``).
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
        If ``table`` lacks those columns or holds no churn rate.

    Examples
    --------
    >>> import pandas as pd, matplotlib.pyplot as plt
    >>> table = pd.DataFrame({"customers": [100, 20, 10], "churn_rate": [0.5, 0.3, 0.7],
    ...                       "lower": [0.4, 0.15, 0.4], "upper": [0.6, 0.5, 0.9]},
    ...                      index=["no complaint", "resolved well", "unresolved"])
    >>> ax = complaint_churn_chart(table)
    >>> ax.get_ylabel(), ax.texts[1].get_text()
    ('Churned in the window', '30%\\nn=20')
    >>> complaint_churn_chart(table.assign(churn_rate=float("nan")))
    Traceback (most recent call last):
    ...
    custlearn.DataError: The table has no churn rates to draw: every churn_rate is missing. Pass the result of service.churn_by_complaint_outcome(...) on data with customers in the window.
    >>> plt.close("all")
    """
    require_frame(table, table="table")
    require_columns(table, ["customers", "churn_rate", "lower", "upper"], table="churn by complaint outcome")
    if table["churn_rate"].isna().all():
        raise DataError(tr("The table has no churn rates to draw: every churn_rate is missing. Pass the result "
                           "of service.churn_by_complaint_outcome(...) on data with customers in the window."))
    ax = _rate_bars(_axes(ax, (8, 4.5)), table)
    ax.set_xlabel(tr("Outcome of the customer's first complaint"))
    ax.set_title(title or tr("Churn by complaint outcome (95% interval)"))
    return ax


def _rate_bars(ax: Any, table: pd.DataFrame, colours: list[str] | None = None) -> Any:
    """One bar per group in its course colour, its interval, and the rate and customers above the interval."""
    labels = [str(i) for i in table.index]
    rate = table["churn_rate"].to_numpy(float)
    upper = table["upper"].to_numpy(float)
    err = np.vstack([rate - table["lower"].to_numpy(float), upper - rate])
    ax.bar(labels, rate, color=colours or colours_for(labels), yerr=err, capsize=4)
    for i, (value, top, n) in enumerate(zip(rate, upper, table["customers"].to_numpy())):
        # above the upper end of the interval, so the error bar never crosses the text
        ax.text(i, np.nanmax([top, value, 0.0]) + 0.02, f"{value:.0%}\nn={int(n):,}", ha="center", va="bottom",
                fontsize=9)
    ax.set_ylim(0, max(1.0, float(np.nanmax(upper)) + 0.15))
    ax.set_yticks(np.linspace(0, 1, 6))
    percent_axis(ax)
    ax.set_ylabel(tr("Churned in the window"))
    ax.tick_params(axis="x", rotation=15)
    ax.grid(axis="x", visible=False)
    return ax


def key_account_chart(table: pd.DataFrame, *, ax: Any = None, title: str | None = None) -> Any:
    """Churn of key accounts with and without a relationship manager, and of the other accounts.

    Lesson 06, key accounts (大客户): one bar per group of
    :func:`custlearn.service.key_account_service` with its 95% interval,
    the rate and the number of customers above it: key accounts with a
    relationship manager in blue, with standard service in orange, the
    other accounts in light grey (the rest).

    Parameters
    ----------
    table : DataFrame
        The result of :func:`custlearn.service.key_account_service`.
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
        If ``table`` lacks ``customers``, ``churn_rate``, ``lower`` or ``upper``.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> import pandas as pd
    >>> table = pd.DataFrame({"customers": [70, 40, 1000], "churn_rate": [0.14, 0.43, 0.19],
    ...     "lower": [0.08, 0.29, 0.16], "upper": [0.24, 0.58, 0.21]},
    ...     index=["key account, relationship manager", "key account, standard service", "other accounts"])
    >>> ax = key_account_chart(table)
    >>> ax.texts[0].get_text()
    '14%\\nn=70'
    >>> key_account_chart(table[["customers"]])
    Traceback (most recent call last):
    ...
    custlearn.DataError: The columns "churn_rate", "lower", "upper" are not in the key accounts table. The table has these columns: customers. Rename your column, or pass the name your data uses.
    >>> plt.close("all")
    """
    require_frame(table, table="table")
    require_columns(table, ["customers", "churn_rate", "lower", "upper"], table="key accounts")
    own = {"key account, relationship manager": MAIN, "key account, standard service": SECOND,
           "key account": MAIN, "other accounts": NEUTRAL}
    ax = _rate_bars(_axes(ax, (8, 4.5)), table, [own.get(str(g), REFERENCE) for g in table.index])
    ax.set_xticks(range(len(table)), [str(i).replace(", ", ",\n") for i in table.index], rotation=0)
    ax.set_xlabel("")
    ax.set_title(title or tr("Key accounts: churn after they were chosen"))
    return ax


def service_profit_chain_chart(table: pd.DataFrame, chain: Any = None, *, x: str = "employee_satisfaction",
                               y: str = "closure_rate", by: str = "location", ax: Any = None,
                               title: str | None = None) -> Any:
    """Offices as dots: staff satisfaction against closures, by location, with the naive line.

    Lesson 06, the service-profit chain (Heskett et al. 1994) at office
    level: one dot per office of :func:`custlearn.service.office_table`,
    its size the number of customers, its colour the location; the grey
    dashed line is the naive fit (all offices together). With ``chain``
    (:func:`custlearn.service.service_profit_chain` adjusted for
    ``city_centre``) the adjusted slope is drawn through each location's
    offices in its colour: parallel lines, flatter than the naive one when
    the location confounds.

    Parameters
    ----------
    table : DataFrame
        One row per office with ``x``, ``y`` (and ``by`` and ``customers`` if present).
    chain : ServiceProfitChain, optional
        Draws the adjusted slope per location.
    x, y, by : str
        The columns to draw.
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
        If ``table`` lacks ``x`` or ``y``.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> import pandas as pd
    >>> table = pd.DataFrame({"employee_satisfaction": [3.0, 3.5, 4.0, 4.5], "closure_rate": [0.3, 0.25, 0.15, 0.1],
    ...     "customers": [50, 60, 120, 110], "location": ["neighbourhood"] * 2 + ["city centre"] * 2})
    >>> ax = service_profit_chain_chart(table)
    >>> ax.get_xlabel(), ax.get_ylabel()
    ('Staff satisfaction (office mean, 1-5)', 'Accounts closed')
    >>> service_profit_chain_chart(table, x="satisfaction")
    Traceback (most recent call last):
    ...
    custlearn.DataError: The column "satisfaction" is not in the offices table. The table has these columns: employee_satisfaction, closure_rate, customers, location. Rename your column, or pass the name your data uses.
    >>> plt.close("all")
    """
    require_frame(table, table="table")
    require_columns(table, [x, y], table="offices")
    ax = _axes(ax, (8, 5))
    size = 20 + 280 * table["customers"] / table["customers"].max() if "customers" in table else 60
    groups = list(table.groupby(by, sort=True, observed=True)) if by in table else [("offices", table)]
    for colour, (label, part) in zip(colours_for([g for g, _ in groups]), groups):
        part_size = size[part.index] if isinstance(size, pd.Series) else size
        ax.scatter(part[x], part[y], s=part_size, color=colour, alpha=0.75, edgecolor="white", label=str(label))
        if chain is not None:
            _adjusted_line(ax, part, chain, x, y, colour)
    slope, intercept = np.polyfit(table[x].to_numpy(float), table[y].to_numpy(float), 1)
    grid = np.linspace(float(table[x].min()), float(table[x].max()), 2)
    ax.plot(grid, intercept + slope * grid, color=REFERENCE, ls="--", lw=1.5,
            label=tr("naive line ({slope:+.3f} per point)", slope=slope))
    if chain is not None:  # one legend entry for the per-location lines
        adjusted = float(chain.estimates.loc["adjusted", "estimate"])
        ax.plot([], [], color=REFERENCE, lw=2, label=tr("adjusted, one line per location ({adjusted:+.3f} per point)",
                                                           adjusted=adjusted))
    if y.endswith("rate"):
        percent_axis(ax)
    ax.set_xlabel(tr("Staff satisfaction (office mean, 1-5)") if x == "employee_satisfaction" else x)
    ax.set_ylabel(tr("Accounts closed") if y == "closure_rate" else y)
    ax.set_title(title or tr("The service-profit chain, office by office"))
    # below the chart, where it hides no office; the dot sizes are the offices' customers
    legend = _legend_below(ax, title=tr("dot size: the office's customers") if isinstance(size, pd.Series) else None,
                           title_fontsize=9)
    for handle in legend.legend_handles:  # the location dots in the legend at one size
        if hasattr(handle, "set_sizes"):
            handle.set_sizes([60])
    return ax


def _adjusted_line(ax: Any, part: pd.DataFrame, chain: Any, x: str, y: str, colour: str) -> None:
    """The adjusted slope through the centre of one location's offices, in the location's colour."""
    slope = float(chain.estimates.loc["adjusted", "estimate"])
    mx, my = float(part[x].mean()), float(part[y].mean())
    grid = np.linspace(float(part[x].min()), float(part[x].max()), 2)
    ax.plot(grid, my + slope * (grid - mx), color=colour, lw=2)


def chain_estimates_chart(chain: Any, *, planted: float | None = None, ax: Any = None, title: str | None = None) -> Any:
    """The staff effect, naive and adjusted, with intervals, next to the planted truth.

    Lesson 06, the truth check of the service-profit chain: each estimate
    of :func:`custlearn.service.service_profit_chain` as a dot with its
    95% interval (naive in orange, adjusted in blue), zero ("no effect") as a
    thin grey line and, if given, the planted effect
    (:func:`custlearn.datasets.parameters`) as a dashed grey line.

    Parameters
    ----------
    chain : ServiceProfitChain
        The result of :func:`custlearn.service.service_profit_chain`.
    planted : float, optional
        The effect planted in the data.
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
        If ``chain`` is not a result of ``service_profit_chain``.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> import pandas as pd
    >>> from custlearn import service
    >>> table = pd.DataFrame({"employee_satisfaction": [3.0, 3.5, 4.0, 4.5, 3.2, 4.1],
    ...     "city_centre": [0, 0, 1, 1, 0, 1], "closure_rate": [0.30, 0.25, 0.15, 0.10, 0.27, 0.16]})
    >>> ax = chain_estimates_chart(service.service_profit_chain(table), planted=-0.05)
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['naive', 'adjusted for city_centre']
    >>> chain_estimates_chart(table)
    Traceback (most recent call last):
    ...
    custlearn.DataError: chain must be the result of service.service_profit_chain(...), but a DataFrame was given.
    >>> plt.close("all")
    """
    estimates = getattr(chain, "estimates", None)
    if not isinstance(estimates, pd.DataFrame) or "adjusted_for" not in estimates.columns:
        raise DataError(tr("chain must be the result of service.service_profit_chain(...), but a {kind} was given.",
                           kind=type(chain).__name__))
    ax = _axes(ax, (8, 2.8))
    for i, (name, row) in enumerate(estimates.iterrows()):
        colour = MAIN if name == "adjusted" else SECOND
        ax.errorbar([row["estimate"]], [i], xerr=[[row["estimate"] - row["lower"]], [row["upper"] - row["estimate"]]],
                    fmt="o", color=colour, capsize=4, ms=8)
        ax.text(row["estimate"], i - 0.22, f"{row['estimate']:+.3f}", ha="center", fontsize=9, color=colour)
    ax.axvline(0.0, color=REFERENCE, lw=0.8, label=tr("no effect"))
    if planted is not None:
        ax.axvline(float(planted), color=REFERENCE, lw=2, ls="--", label=tr("planted {planted:+.3f}", planted=float(planted)))
    _legend_below(ax)
    labels = [tr("naive") if n == "naive" else tr("adjusted for {what}", what=estimates.loc[n, "adjusted_for"])
              for n in estimates.index]
    ax.set_yticks(range(len(estimates)), labels)
    ax.set_ylim(len(estimates) - 0.5, -0.6)
    words = {"closure_rate": tr("the share of accounts closed"), "employee_satisfaction": tr("staff satisfaction")}
    ax.set_xlabel(tr("Change in {outcome} per point of {driver}", outcome=words.get(chain.outcome, chain.outcome),
                     driver=words.get(chain.driver, chain.driver)))
    ax.set_title(title or tr("The staff effect, naive and adjusted"))
    return ax
