"""The course's "Try it" demos, built on ipywidgets.

Every demo returns a widget (a ``VBox`` of controls above an ``Output``), so a
lesson cell ends with the call and shows the demo. What a demo draws is put
into its ``Output`` directly (``Output.outputs``), not printed, so a notebook
executed for validation (nbval) stores nothing that changes between runs; the
first view is drawn when the demo is built.

A demo also answers in code, which is how the examples below and the tests
drive it: ``box.controls`` maps each control's name to its widget (set its
``value`` to move it) and ``box.shown()`` lists what the demo shows now, one
text per object (``"[figure]"`` for a chart). Colours follow the meanings of
:mod:`custlearn.plots` (blue the measure, green good, vermillion bad, grey
the yardstick, black the value to look at).

Helpers for a lesson's own demos live here too; ``show(out, *objects)`` and
``demo(controls, render)`` are the building blocks every demo shares.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import cache
from typing import Any

from custlearn._errors import DataError
from custlearn._i18n import tr

__all__ = [
    "show",
    "demo",
    "table_explorer",
    "duplicate_threshold_explorer",
    "lifecycle_thresholds",
    "margin_of_error_explorer",
    "journey_simulator",
    "nps_simulator",
    "clv_calculator",
    "rfm_cutoff_explorer",
    "cluster_explorer",
    "churn_window_explorer",
    "time_limit_explorer",
    "retention_budget_planner",
    "membership_effect_explorer",
    "bank_practice_simulator",
    "footprint_planner",
]

_STYLE = {"description_width": "initial"}  # show each control's whole description


def show(out: Any, *objects: Any) -> None:
    """Replace what the ``Output`` widget ``out`` shows with ``objects``.

    The building block of every lesson's "Try it" demo: matplotlib
    figures are rendered to PNG and closed (so the notebook does not show
    them a second time below the widget); strings are shown as Markdown;
    anything else (a DataFrame) as Jupyter would show it.

    Parameters
    ----------
    out : ipywidgets.Output
        Where to show the objects.
    *objects
        Figures, Markdown strings, DataFrames, ... in the order to show them.

    Returns
    -------
    None

    Examples
    --------
    >>> import ipywidgets as w
    >>> import matplotlib.pyplot as plt
    >>> out = w.Output()
    >>> fig, ax = plt.subplots()
    >>> show(out, "**Hello**", fig)
    >>> out.outputs[0]["data"]["text/markdown"], "image/png" in out.outputs[1]["data"]
    ('**Hello**', True)
    >>> plt.fignum_exists(fig.number)  # closed once shown
    False
    """
    import io

    from IPython.core.interactiveshell import InteractiveShell
    from IPython.display import Image, Markdown

    outputs = []
    fmt = InteractiveShell.instance().display_formatter.format
    for obj in objects:
        if isinstance(obj, str):
            obj = Markdown(obj)
        elif type(obj).__name__ == "Figure" and type(obj).__module__.startswith("matplotlib"):
            import matplotlib.pyplot as plt

            buffer = io.BytesIO()
            obj.savefig(buffer, format="png", bbox_inches="tight")
            plt.close(obj)
            obj = Image(data=buffer.getvalue(), format="png")
        data, metadata = fmt(obj)
        outputs.append({"output_type": "display_data", "data": data, "metadata": metadata})
    out.outputs = tuple(outputs)


def demo(controls: Mapping[str, Any], render: Callable[..., Any], *, title: str = "") -> Any:
    """A "Try it" demo: ``controls`` (name -> widget) above what ``render`` returns.

    Every lesson's demo is built with it: ``render(**values)`` returns one
    object or a tuple of objects to show (a DataFrame, a matplotlib Figure, a
    Markdown string). It runs once at once and again whenever a control
    changes.

    Parameters
    ----------
    controls : mapping of str to widget
        Each control under the keyword ``render`` receives its value as.
    render : callable
        Called with the controls' values; returns what to show.
    title : str, optional
        A sentence shown above the controls after "Try it:".

    Returns
    -------
    Demo
        An ``ipywidgets.VBox`` (title, a row of controls, an ``Output``) with
        ``.controls`` (the mapping) and ``.shown()`` (what it shows, as text).

    Raises
    ------
    DataError
        If ``controls`` is empty or one of them is not a widget with a value.

    Examples
    --------
    >>> import ipywidgets as w
    >>> box = demo({"n": w.IntSlider(value=2, min=1, max=5, description="n")},
    ...            lambda n: f"{n} squared is {n * n}", title="square a number")
    >>> box.shown()
    ['2 squared is 4']
    >>> box.controls["n"].value = 3  # moving the slider redraws
    >>> box.shown()
    ['3 squared is 9']
    >>> box
    Try it: square a number (interactive: run this cell in JupyterLab to use the controls)
    >>> demo({"n": 3}, lambda n: n)
    Traceback (most recent call last):
    ...
    custlearn.DataError: demo needs ipywidgets controls, but "n" is 3 (a int). Pass a widget such as ipywidgets.IntSlider(...).
    """
    import ipywidgets as w

    if not controls:
        raise DataError(tr("demo needs at least one control, e.g. {{'n': ipywidgets.IntSlider(...)}}."))
    for name, ctl in controls.items():
        if not isinstance(ctl, w.ValueWidget):
            raise DataError(tr('demo needs ipywidgets controls, but "{name}" is {ctl!r} (a {kind}). Pass '
                               "a widget such as ipywidgets.IntSlider(...).",
                               name=name, ctl=ctl, kind=type(ctl).__name__))
    out = w.Output()

    def update(_change: Any = None) -> None:
        values = {name: ctl.value for name, ctl in controls.items()}
        result = render(**values)
        show(out, *(result if isinstance(result, tuple) else (result,)))

    for ctl in controls.values():
        ctl.observe(update, names="value")
    update()
    header = [w.HTML(tr("<b>Try it:</b> {title}", title=title))] if title else []
    return _demo_class()([*header, w.HBox(list(controls.values())), out], title=title, controls=controls)


@cache
def _demo_class() -> type:
    import ipywidgets as w

    class Demo(w.VBox):
        """A VBox whose text form is a stable sentence, not a dump of its children.

        A notebook viewer without a live kernel (or nbval comparing outputs)
        shows this text instead of the controls.
        """

        def __init__(self, children: list, *, title: str = "", controls: Mapping[str, Any]) -> None:
            super().__init__(children)
            self._demo_title = title
            self.controls = dict(controls)

        def shown(self) -> list[str]:
            """What the demo shows now: Markdown or plain text, "[figure]" for a chart."""
            texts = []
            for output in self.children[-1].outputs:
                data = output["data"]
                texts.append("[figure]" if "image/png" in data else data.get("text/markdown", data.get("text/plain")))
            return texts

        def __repr__(self) -> str:
            if self._demo_title:
                return tr("Try it: {title} (interactive: run this cell in JupyterLab to use the controls)",
                          title=self._demo_title)
            return tr("Try it (interactive: run this cell in JupyterLab to use the controls)")

    return Demo


def _slider(kind: str, value: float, low: float, high: float, step: float, description: str,
            readout: str | None = None, **layout: Any) -> Any:
    """A course slider: redraws when released (not while dragging), whole description shown."""
    import ipywidgets as w

    make = w.IntSlider if kind == "int" else w.FloatSlider
    options = {"readout_format": readout} if readout else {}
    return make(value=value, min=low, max=high, step=step, description=description, continuous_update=False,
                style=_STYLE, **options, **layout)


def table_explorer(companies: Mapping[str, Any], *, rows: int = 5) -> Any:
    """Lesson 00: pick a company and one of its tables; see its size and first rows.

    The course's first "Try it": a learner meets the three fictional
    companies and their tables (customers, orders, surveys, tickets) before
    any analysis.

    Parameters
    ----------
    companies : mapping of str to dataset
        A name to a loaded dataset (``datasets.load(name)``, anything with a
        ``.tables`` mapping of table name to DataFrame).
    rows : int, default 5
        How many first rows to show.

    Returns
    -------
    Demo
        Controls ``company`` and ``table`` (drop-downs) above the table.

    Raises
    ------
    DataError
        If ``companies`` is empty.

    Examples
    --------
    >>> import pandas as pd
    >>> from types import SimpleNamespace
    >>> shop = SimpleNamespace(tables={"orders": pd.DataFrame({"amount": [5.0, 7.5]}),
    ...                                "customers": pd.DataFrame({"customer_id": [1]})})
    >>> box = table_explorer({"shop": shop})
    >>> box.controls["table"].options
    ('orders', 'customers')
    >>> box.shown()[0]
    '**shop.orders**: 2 rows × 1 columns'
    >>> box.controls["table"].value = "customers"
    >>> box.shown()[0]
    '**shop.customers**: 1 rows × 1 columns'
    """
    import ipywidgets as w

    names = list(companies)
    if not names:
        raise DataError(tr("table_explorer needs at least one company, e.g. {{'shop': "
                           "datasets.load('shop')}}."))
    company = w.Dropdown(options=names, value=names[0], description=tr("Company"))
    table = w.Dropdown(options=list(companies[names[0]].tables), description=tr("Table"))

    def sync_tables(change: Any) -> None:
        table.options = list(companies[change["new"]].tables)

    company.observe(sync_tables, names="value")

    def render(company: str, table: str) -> tuple[str, Any]:
        df = companies[company].tables.get(table)
        if df is None:  # the table list is being switched to another company
            return ("",)
        summary = tr("**{company}.{table}**: {n:,} rows × {shape} columns",
                     company=company, table=table, n=len(df), shape=df.shape[1])
        return summary, df.head(rows)

    return demo({"company": company, "table": table}, render,
                title=tr("choose a company and a table to see what it holds."))


def lifecycle_thresholds(customers: Any, orders: Any, as_of: Any, *, surveys: Any = None,
                         at_risk_days: int = 90, lost_days: int = 180, top: int = 8,
                         amount_col: str = "amount", **kwargs: Any) -> Any:
    """Lesson 02: move the "at risk" and "lost" thresholds; watch the funnel and the at-risk list.

    A lifecycle stage is a definition: how long may a customer be silent
    before we call them at risk, or lost? The demo redraws the funnel
    (:func:`custlearn.plots.lifecycle_funnel` of
    :func:`custlearn.lifecycle.assign_stages`) and lists the at-risk
    customers ranked by what they spent in the 365 days before ``as_of``:
    the value a win-back campaign could save.

    Parameters
    ----------
    customers, orders : DataFrame
        As for :func:`custlearn.lifecycle.assign_stages`.
    as_of : date
        The day the stages are taken.
    surveys : DataFrame, optional
        For the advocate stage, as in ``assign_stages``.
    at_risk_days, lost_days : int
        The sliders' first values (days without a purchase).
    top : int, default 8
        How many at-risk customers to list.
    amount_col : str, default "amount"
        The orders' money column.
    **kwargs
        Passed to ``assign_stages`` (column names, ``referred_by_col``, ...).

    Returns
    -------
    Demo
        Controls ``at_risk`` and ``lost`` (sliders) above the funnel, a note
        and the at-risk list.

    Raises
    ------
    DataError
        If ``orders`` lacks the customer, date or amount column.

    Examples
    --------
    >>> import pandas as pd
    >>> customers = pd.DataFrame({"customer_id": [1, 2, 3], "signup_date": pd.to_datetime(["2024-01-01"] * 3)})
    >>> orders = pd.DataFrame({"customer_id": [1, 1, 2, 3], "amount": [50.0, 70.0, 20.0, 10.0],
    ...     "order_date": pd.to_datetime(["2024-01-10", "2024-04-01", "2024-05-01", "2024-06-20"])})
    >>> box = lifecycle_thresholds(customers, orders, "2024-06-30", at_risk_days=45, lost_days=120,
    ...                            referred_by_col=None)
    >>> box.controls["at_risk"].description, box.shown()[:2]
    ('At risk after', ['[figure]', '**2 customers at risk**; they spent USD 140 in the last 365 days. The 8 most valuable:'])
    >>> box.controls["at_risk"].value = 75
    >>> box.shown()[1][:24]
    '**1 customer at risk**; '
    >>> lifecycle_thresholds(customers, orders.drop(columns="amount"), "2024-06-30")
    Traceback (most recent call last):
    ...
    custlearn.DataError: The column "amount" is not in the orders table. ... pass amount_col="<your column name>".
    """
    import matplotlib.pyplot as plt
    import pandas as pd

    from custlearn import lifecycle
    from custlearn._validate import require_columns
    from custlearn.plots import lifecycle_funnel

    as_of = pd.Timestamp(as_of)
    customer_col = kwargs.get("customer_col", "customer_id")
    date_col = kwargs.get("date_col", "order_date")
    require_columns(orders, [customer_col, date_col], table="orders")
    require_columns(orders, amount_col, table="orders", argument="amount_col")
    recent = orders[(orders[date_col] > as_of - pd.Timedelta(days=365)) & (orders[date_col] <= as_of)]
    spend = recent.groupby(customer_col)[amount_col].sum()

    def render(at_risk: int, lost: int) -> tuple:
        if lost <= at_risk:
            return (tr("**Lost after** ({lost} days) must be longer than **at risk after** ({at_risk} "
                       "days).", lost=lost, at_risk=at_risk),)
        stages = lifecycle.assign_stages(customers, orders, as_of, surveys=surveys, at_risk_days=at_risk,
                                         lost_days=lost, **kwargs)
        fig, ax = plt.subplots(figsize=(8, 3.8))
        lifecycle_funnel(stages, ax=ax, title=tr("Stages on {as_of:%d %b %Y}: at risk after {at_risk} "
                                                 "days, lost after {lost}", as_of=as_of, at_risk=at_risk, lost=lost))
        risky = stages[stages["stage"] == "at risk"].assign(spend_last_365_days=spend).fillna({"spend_last_365_days": 0})
        risky = risky.sort_values(["spend_last_365_days", "days_since_last"], ascending=[False, True]).head(top)
        table = risky[["purchases", "last_purchase", "days_since_last", "spend_last_365_days"]].round(
            {"spend_last_365_days": 2})
        n_risky = int((stages["stage"] == "at risk").sum())
        spent = dict(n_risky=n_risky, n=spend.reindex(stages.index[stages["stage"] == "at risk"]).sum(), top=top)
        note = (tr("**{n_risky:,} customer at risk**; they spent USD {n:,.0f} in the last 365 days. The {top} most "
                   "valuable:", **spent) if n_risky == 1 else
                tr("**{n_risky:,} customers at risk**; they spent USD {n:,.0f} in the last 365 days. The {top} most "
                   "valuable:", **spent))
        return fig, note, table

    controls = {"at_risk": _slider("int", at_risk_days, 30, 360, 15, tr("At risk after")),
                "lost": _slider("int", lost_days, 60, 540, 15, tr("Lost after"))}
    return demo(controls, render, title=tr("move the thresholds and watch the funnel and the at-risk list."))


def nps_simulator(promoters: float = 0.30, detractors: float = 0.20, answers: int = 200) -> Any:
    """Lesson 04: move the shares of promoters and detractors and the number of answers.

    Net Promoter Score (Reichheld 2003) and its uncertainty: shows the NPS,
    its 95% interval (``loyalty.nps_interval``, normal method) and a bar of
    the three groups in their course colours. The interval shrinks only with
    the square root of the number of answers: a 3-point change between two
    small surveys is usually noise.

    Parameters
    ----------
    promoters, detractors : float
        The sliders' first shares (0-1) of answers 9-10 and 0-6.
    answers : int, default 200
        The slider's first number of answers.

    Returns
    -------
    Demo
        Controls ``promoters``, ``detractors`` and ``answers`` (sliders)
        above the bar and a note.

    Examples
    --------
    >>> box = nps_simulator(promoters=0.5, detractors=0.2, answers=100)
    >>> [c.description for c in box.controls.values()]
    ['Promoters (9-10)', 'Detractors (0-6)', 'Answers']
    >>> box.shown()[1][:52]
    '**NPS = 30.0** = 50% promoters − 20% detractors. 95%'
    >>> box.controls["promoters"].value = 0.6
    >>> box.shown()[1][:17]
    '**NPS = 40.0** = '
    """
    import matplotlib.pyplot as plt

    from custlearn import loyalty
    from custlearn.plots import NEUTRAL, NPS_COLOURS

    def render(promoters: float, detractors: float, answers: int) -> tuple:
        if promoters + detractors > 1 + 1e-9:
            return (tr("Promoters ({promoters:.0%}) and detractors ({detractors:.0%}) add up to more than "
                       "100%: lower one of them.", promoters=promoters, detractors=detractors),)
        n_pro = int(round(promoters * answers))
        n_det = min(int(round(detractors * answers)), answers - n_pro)
        n_pas = answers - n_pro - n_det
        ci = loyalty.nps_interval([10] * n_pro + [8] * n_pas + [3] * n_det)
        half = (ci.upper - ci.lower) / 2
        noise = 1.96 * (2 ** 0.5) * ci.standard_error
        fig, ax = plt.subplots(figsize=(8, 1.9))
        left = 0.0
        for count, label, colour in ((n_det, "Detractors", NPS_COLOURS["detractor"]),
                                     (n_pas, "Passives", NPS_COLOURS["passive"]),
                                     (n_pro, "Promoters", NPS_COLOURS["promoter"])):
            share = count / answers
            ax.barh([0], [share * 100], left=left, color=colour, label=label)
            if share >= 0.08:
                ax.text(left + share * 50, 0, f"{label}\n{share:.0%}", ha="center", va="center", fontweight="bold",
                        color="black" if colour == NEUTRAL else "white")
            left += share * 100
        ax.set_xlim(0, 100)
        ax.set_yticks([])
        ax.legend(loc="center left", bbox_to_anchor=(1.01, 0.5))  # names the colours of bars too thin to label
        ax.set_xlabel(tr("Share of answers (%)"))
        ax.set_title(tr("NPS = {nps:.0f} (95% interval {lower:.0f} to {upper:.0f}), {answers:,} answers",
                        nps=ci.nps, lower=ci.lower, upper=ci.upper, answers=answers))
        note = (tr("**NPS = {nps:.1f}** = {n_pro:.0%} promoters − {n_det:.0%} detractors. 95% interval "
                   "**{lower:.1f} to {upper:.1f}** (± {half:.1f} points; standard error {standard_error:.1f}). "
                   "Two surveys of {answers:,} answers each from the *same* customers differ by chance alone by "
                   "up to **{noise:.1f} points** (19 times in 20): a smaller change between two such surveys may "
                   "be noise.",
                   nps=ci.nps, n_pro=n_pro / answers, n_det=n_det / answers, lower=ci.lower, upper=ci.upper,
                   half=half, standard_error=ci.standard_error, answers=answers, noise=noise))
        return fig, note

    controls = {"promoters": _slider("float", promoters, 0.0, 1.0, 0.01, tr("Promoters (9-10)"), ".0%"),
                "detractors": _slider("float", detractors, 0.0, 1.0, 0.01, tr("Detractors (0-6)"), ".0%"),
                "answers": _slider("int", answers, 20, 5000, 20, tr("Answers"))}
    return demo(controls, render, title=tr("move the shares of promoters and detractors and the number of "
                                           "answers; watch the NPS and its interval."))


def _margin_figure(n: int, observed: float, margin: float, target: float, need: int, top: int, level: str,
                   margin_at: Callable[[int, float], float]) -> Any:
    """Lesson 03's margin-of-error curves: at the observed share and at a cautious 50%."""
    import matplotlib.pyplot as plt
    import numpy as np

    from custlearn.plots import HIGHLIGHT, MAIN, REFERENCE

    sizes = np.unique(np.linspace(10, top, 300).astype(int))
    curve = [100 * margin_at(int(m), observed) for m in sizes]
    safe = [100 * margin_at(int(m), 0.5) for m in sizes]
    fig, ax = plt.subplots(figsize=(8, 3.8))
    ax.plot(sizes, safe, color=REFERENCE, lw=2, ls="--", label=tr("planning with a 50% share"))
    ax.plot(sizes, curve, color=MAIN, lw=2.5, label=tr("observed share {observed:.0%}", observed=observed))
    ax.axhline(100 * target, color=HIGHLIGHT, lw=1.5, label=tr("target ±{value:.1f} points", value=100 * target))
    ax.scatter([n], [100 * margin], color=MAIN, s=70, zorder=3)
    if need <= top:
        ax.axvline(need, color=HIGHLIGHT, lw=1, ls=":", label=tr("n needed for the target: {need:,}", need=need))
    ax.set_ylim(0, min(safe[0], max(15.0, 130 * margin, 200 * target)))  # keep the useful range in view
    ax.set_xlim(0, top)
    ax.set_title(tr("Margin of error of a share at {level} confidence", level=level))
    ax.set_xlabel(tr("Respondents (n)"))
    ax.set_ylabel(tr("Margin of error (± percentage points)"))
    ax.legend(loc="upper right")
    return fig


def margin_of_error_explorer(*, n: int = 400, share: float = 0.45, target_margin: float = 0.03,
                             confidence: float = 0.95, population: int | None = None,
                             max_n: int = 3000) -> Any:
    """Lesson 03: how sure is a survey share? Move the sample size and the observed share.

    Survey sampling: shows the Wilson interval of the observed share
    (``satisfaction.proportion_ci``; Wilson 1927), its margin of error
    (``satisfaction.margin_of_error``), and how many respondents a target
    margin needs (``satisfaction.required_sample_size``), planning with the
    observed share and with the cautious 50%. Four times the respondents
    halve the margin.

    Parameters
    ----------
    n : int, default 400
        The first sample size.
    share : float, default 0.45
        The first observed share of "yes" answers (0-1).
    target_margin : float, default 0.03
        The first target margin (0.03 = ±3 percentage points).
    confidence : float, default 0.95
    population : int, optional
        The population's size, for the finite-population correction.
    max_n : int, default 3000
        The sample-size slider's end.

    Returns
    -------
    Demo
        Controls ``n``, ``share`` and ``target`` (sliders) above the curves and a note.

    Examples
    --------
    >>> box = margin_of_error_explorer(n=400, share=0.5, target_margin=0.03)
    >>> box.controls["n"].description, box.shown()[1]
    ('Respondents n', '[figure]')
    >>> print(box.shown()[0].split(".  ")[0])
    **n = 400, 200 said yes (50.0%)**: 95% Wilson interval 45.1% to 54.9%; margin of error ±4.9 percentage points
    >>> box.controls["n"].value = 1600  # four times the respondents: half the margin
    >>> print(box.shown()[0].split(".  ")[0])
    **n = 1,600, 800 said yes (50.0%)**: 95% Wilson interval 47.6% to 52.4%; margin of error ±2.4 percentage points
    """
    from custlearn import satisfaction

    max_n = max(int(max_n), int(n), 20)
    level = f"{confidence:.0%}"

    def margin_at(size: int, p: float) -> float:
        return satisfaction.margin_of_error(size, p=p, confidence=confidence, population=population)

    def render(n: int, share: float, target: float) -> tuple:
        if population is not None and n > population:
            return (tr("The sample (n = {n:,}) cannot be larger than the population ({population:,}).",
                       n=n, population=population),)
        yes = int(round(share * n))
        observed = yes / n
        ci = satisfaction.proportion_ci(yes, n, confidence)
        margin = margin_at(n, observed)
        need = satisfaction.required_sample_size(target, p=observed, confidence=confidence, population=population)
        need_safe = satisfaction.required_sample_size(target, p=0.5, confidence=confidence, population=population)
        top = population if population is not None else max_n
        fig = _margin_figure(n, observed, margin, target, need, top, level, margin_at)
        head = (tr("**n = {n:,}, {yes:,} said yes ({observed:.1%})**: {level} Wilson interval {lower:.1%} "
                   "to {upper:.1%}", n=n, yes=yes, observed=observed, level=level, lower=ci.lower, upper=ci.upper))
        if min(yes, n - yes) < 5:  # the normal (plus-or-minus) margin breaks down here
            note = (tr("{head}. With fewer than 5 'yes' or 'no' answers the ± margin formula breaks down "
                       "(it would claim ±{value:.1f} points): trust the Wilson interval.  \nFor ±{value2:.1f} "
                       "points, plan with 50%: **{need_safe:,} respondents**.",
                       head=head, value=100 * margin, value2=100 * target, need_safe=need_safe))
        else:
            note = (tr("{head}; margin of error ±{value:.1f} percentage points.  \nFor ±{value2:.1f} "
                       "points you need **{need:,} respondents** at this share ({need_safe:,} if you plan with "
                       "50%). Four times the respondents halve the margin.",
                       head=head, value=100 * margin, value2=100 * target, need=need, need_safe=need_safe))
        return note, fig

    controls = {"n": _slider("int", int(n), 10, max_n, 10, tr("Respondents n")),
                "share": _slider("float", float(share), 0.0, 1.0, 0.01, tr("Observed share"), ".0%"),
                "target": _slider("float", float(target_margin), 0.01, 0.10, 0.005, tr("Target margin ±"), ".1%")}
    return demo(controls, render, title=tr("move the number of respondents and the observed share; watch "
                                           "the interval and the sample size a target margin needs."))


def _journey_figure(label: str, step: float, rise: Any, fall: Any, measure: str) -> Any:
    """Lesson 03's journey simulator: the predicted gain of a rise and loss of a fall, each with its interval."""
    import matplotlib.pyplot as plt

    from custlearn.plots import BAD, GOOD, HIGHLIGHT, REFERENCE

    fig, ax = plt.subplots(figsize=(8, 3.0))
    rows = ((1, rise, GOOD, tr("rise by {step:.1f}: predicted gain", step=step)),
            (0, fall, BAD, tr("fall by {step:.1f}: predicted loss", step=step)))
    for y, row, colour, name in rows:
        ax.barh([y], [row["estimate"]], color=colour, height=0.5, label=name)
        ax.text(row["estimate"], y + 0.33, f"{row['estimate']:+.1f}", ha="center", fontweight="bold")
    for y, row, _, _ in rows:
        ax.hlines(y, row["lower"], row["upper"], color=HIGHLIGHT, lw=1.5)
    reach = 1.15 * max(abs(fall["lower"]), abs(rise["upper"]), 0.5)
    ax.set_xlim(-reach, reach)  # symmetric, so a loss and a gain of the same size look the same size
    ax.set_ylim(-0.5, 1.7)
    ax.axvline(0, color=REFERENCE, lw=1)
    ax.set_yticks([0, 1], [tr("fall by {step:.1f}", step=step), tr("rise by {step:.1f}", step=step)])
    ax.set_xlabel(tr("Predicted change in {measure} (percentage points)", measure=measure))
    ax.set_title(tr("{label}: what a rise earns and a fall costs", label=label))
    handles, names = ax.get_legend_handles_labels()
    interval = plt.Line2D([], [], color=HIGHLIGHT, lw=1.5)
    ax.legend([*handles, interval], [*names, tr("95% interval")], loc="upper center", bbox_to_anchor=(0.5, -0.34), ncol=3)
    return fig


def journey_simulator(surveys: Any, *, touch_point: str | None = None, change: float = 0.5, top_box: int = 2) -> Any:
    """Lesson 03: improve one touch point of the journey; see the predicted satisfaction move, asymmetry included.

    The journey simulator of "Raising satisfaction: where to invest first"
    (提升策略, decks 000, 002, 004). For the chosen touch point,
    ``satisfaction.what_if`` with its penalty-reward model (Brandt 1987;
    Mittal, Ross & Baldasare 1998) predicts the top-box share of overall
    satisfaction if every rating of that touch point rose by ``change``
    points on average, and if it fell by as much, each with its 95%
    interval. A step moves some customers across an edge: a rise lifts
    some out of a low rating (2 to 3) or into a high one (3 to 4), a fall
    the other way. So what a rise earns and a fall costs differ when a low
    rating costs more than a high one earns (a basic factor, Kano et al.
    1984) or the other way round, and when more customers sit on one side
    of an edge than on the other; a straight-line model would give both the
    same size. The prediction shows association in the survey, not proof
    that the change would cause it.

    Parameters
    ----------
    surveys : DataFrame
        One row per respondent: ``overall_satisfaction`` and the touch-point
        ratings (columns starting with ``rating_``), whole points 1-5.
    touch_point : str, optional
        The first touch point shown (a rating column); default the first one.
    change : float, default 0.5
        The first step, in rating points (0.1-1.0).
    top_box : int, default 2
        How many top points of overall satisfaction count as satisfied.

    Returns
    -------
    Demo
        Controls ``touch_point`` (a drop-down) and ``change`` (a slider)
        above a note and a chart of the gain and the loss.

    Raises
    ------
    DataError
        If ``surveys`` is not a table with touch-point ratings, ``touch_point``
        is not one of them, or ``change`` is outside 0.1-1.0.

    Examples
    --------
    >>> import numpy as np, pandas as pd
    >>> rng = np.random.default_rng(11)
    >>> share = [0.07, 0.12, 0.33, 0.28, 0.20]                        # most ratings in the middle
    >>> s = pd.DataFrame({t: rng.choice(np.arange(1, 6), 500, p=share) for t in ["rating_delivery", "rating_app"]})
    >>> mean = 3.2 - 0.9 * (s["rating_delivery"] <= 2) + 0.6 * (s["rating_app"] >= 4)   # delivery: a basic factor
    >>> s["overall_satisfaction"] = (mean + rng.normal(0, 0.7, 500)).round().clip(1, 5)
    >>> box = journey_simulator(s, touch_point="rating_delivery")
    >>> rise, fall = box.shown()[0].split(". The same fall ")
    >>> print(rise)
    **delivery +0.5 rating points**: predicted top-2-box 42.6% → **45.3%** (+2.7 points, 95% interval +1.4 to +4.0)
    >>> print(fall[:70])
    would cost 6.0 points (4.3 to 7.6): here a fall costs more than a rise
    >>> box.controls["change"].value = 1.0                                  # a whole point: twice as far
    >>> print(box.shown()[0].split(". The same fall ")[0])
    **delivery +1.0 rating points**: predicted top-2-box 42.6% → **48.1%** (+5.5 points, 95% interval +2.8 to +8.1)
    >>> journey_simulator(s, touch_point="rating_returns")
    Traceback (most recent call last):
    ...
    custlearn.DataError: touch_point="rating_returns" is not a touch point of these surveys. The touch points are: rating_delivery, rating_app. Pick one of them.
    """
    import ipywidgets as w

    from custlearn import satisfaction
    from custlearn._validate import require_frame, require_number
    from custlearn.plots.satisfaction import _label
    from custlearn.satisfaction._touch_points import _touch_point_names

    names = _touch_point_names(require_frame(surveys, table="surveys"), None, "overall_satisfaction")
    touch_point = names[0] if touch_point is None else touch_point
    if touch_point not in names:
        raise DataError(tr('touch_point="{touch_point}" is not a touch point of these surveys. The touch '
                           "points are: {names}. Pick one of them.", touch_point=touch_point, names=", ".join(names)))
    change = require_number(change, argument="change", minimum=0.1, maximum=1.0, example="0.5")

    def render(touch_point: str, change: float) -> tuple:
        up = satisfaction.what_if(surveys, {touch_point: change}, top_box=top_box)
        rise, fall = up.loc["change"], satisfaction.what_if(surveys, {touch_point: -change}, top_box=top_box).loc["change"]
        now, after, label = up.loc["as now", "estimate"], up.loc["what-if", "estimate"], _label(touch_point)
        gain, loss = rise["estimate"], -fall["estimate"]
        verdict = (tr("a rise earns about what a fall costs") if abs(loss - gain) <= 0.1 * max(loss, gain) else
                   tr("a fall costs more than a rise earns: keep it from failing first") if loss > gain else
                   tr("a rise earns more than a fall costs: a chance to delight"))
        note = (tr("**{label} +{change:.1f} rating points**: predicted top-{top_box}-box {now:.1f}% → "
                   "**{after:.1f}%** ({gain:+.1f} points, 95% interval {lower:+.1f} to {upper:+.1f}). The same "
                   "fall would cost {loss:.1f} points ({value:.1f} to {value2:.1f}): here {verdict}. A survey "
                   "shows association, not what a change would cause.",
                   label=label, change=change, top_box=top_box, now=now, after=after, gain=gain,
                   lower=rise['lower'], upper=rise['upper'], loss=loss, value=-fall['upper'],
                   value2=-fall['lower'], verdict=verdict))
        return note, _journey_figure(label.capitalize(), change, rise, fall,
                                     tr("top-{top_box}-box share", top_box=top_box))

    controls = {"touch_point": w.Dropdown(options=[(_label(n), n) for n in names], value=touch_point,
                                          description=tr("Touch point"), style=_STYLE),
                "change": _slider("float", change, 0.1, 1.0, 0.1, tr("Step (rating points)"), ".1f")}
    return demo(controls, render, title=tr("pick a touch point and a step; see what a rise earns and a "
                                           "fall of the same size costs."))


def clv_calculator(margin: float = 100.0, retention: float = 0.8, discount: float = 0.12, *,
                   years: int = 15, currency: str = "USD") -> Any:
    """Lesson 05: the Gupta-Lehmann lifetime value; move margin, retention and discount rate.

    Shows ``CLV = m r / (1 + i - r)`` (``value.clv_simple``; Gupta & Lehmann
    2003), the margin multiple ``r / (1 + i - r)`` and a bar chart of the
    discounted expected margin of each year, ``m r**t / (1 + i)**t``: what a
    customer acquired today is expected to bring in year t. All three inputs
    are per year. Retention weighs far more than the discount rate: from 80%
    to 90% retention the multiple rises from 2.5 to 4.1 (at 12%).

    Parameters
    ----------
    margin : float, default 100.0
        The first margin per customer and year, in ``currency``.
    retention : float, default 0.8
        The first yearly retention rate (0-1).
    discount : float, default 0.12
        The first yearly discount rate (0-1).
    years : int, default 15
        How many years the bar chart shows.
    currency : str, default "USD"

    Returns
    -------
    Demo
        Controls ``margin``, ``retention`` and ``discount`` (sliders) above a note and the bars.

    Examples
    --------
    >>> box = clv_calculator(margin=100, retention=0.8, discount=0.12)
    >>> box.controls["retention"].description, box.shown()[1]
    ('Retention rate', '[figure]')
    >>> box.shown()[0].split("; ")[1][:25]
    'margin multiple **2.50** '
    >>> box.controls["retention"].value = 0.9
    >>> box.shown()[0].split("; ")[1][:25]
    'margin multiple **4.09** '
    """
    import matplotlib.pyplot as plt
    import numpy as np

    from custlearn import value
    from custlearn.plots import MAIN

    def render(margin: float, retention: float, discount: float) -> tuple:
        clv_value = float(value.clv_simple(margin, retention, discount))
        multiple = retention / (1 + discount - retention)
        t = np.arange(1, years + 1)
        per_year = margin * retention ** t / (1 + discount) ** t
        shown = float(per_year.sum())
        first5 = float(per_year[:5].sum())
        fig, ax = plt.subplots(figsize=(8, 3.2))
        ax.bar(t, per_year, color=MAIN)
        ax.set_xticks(t)
        ax.set_title(tr("Discounted expected margin by year: CLV = {currency} {clv_value:,.0f}",
                        currency=currency, clv_value=clv_value))
        ax.set_xlabel(tr("Year after acquisition"))
        ax.set_ylabel(tr("Expected margin today ({currency})", currency=currency))
        ax.set_ylim(0, max(margin, 1.0))
        head = (tr("**CLV = {currency} {margin:,.0f} × {retention:.0%} / (1 + {discount:.0%} − "
                   "{retention:.0%}) = {currency} {clv_value:,.0f}**; margin multiple **{multiple:.2f}** (the "
                   "customer is worth {multiple:.2f} times one year's margin).  \n",
                   currency=currency, margin=margin, retention=retention, discount=discount,
                   clv_value=clv_value, multiple=multiple))
        if clv_value > 0:
            note = head + tr("The first 5 years bring {share:.0%} of it; the {years} years drawn bring {currency} "
                             "{shown:,.0f}, the years after them the rest.", share=first5 / clv_value, years=years,
                             currency=currency, shown=shown)
        else:
            note = head + tr("With no margin or no retention a customer brings nothing after the first year.")
        return note, fig

    controls = {"margin": _slider("float", float(margin), 0.0, max(500.0, float(margin)), 5.0,
                                  tr("Margin per year ({currency})", currency=currency), ".0f"),
                "retention": _slider("float", float(retention), 0.0, 0.98, 0.01, tr("Retention rate"), ".0%"),
                "discount": _slider("float", float(discount), 0.0, 0.30, 0.01, tr("Discount rate"), ".0%")}
    return demo(controls, render,
                title=tr("move the margin, the retention rate and the discount rate; watch the lifetime "
                         "value."))


def duplicate_threshold_explorer(customers: Any, duplicates: Any, *, threshold: float = 0.9,
                                 customer_col: str = "customer_id", **kwargs: Any) -> Any:
    """Lesson 01: move the name-similarity threshold; watch found, true and false duplicate pairs.

    Deduplication (record linkage): a lower threshold finds more of the true
    duplicate pairs but merges more different people with similar names.
    Candidate pairs come once from ``customer_data.find_duplicates``
    (blocked, so it stays fast); the slider only filters them. Two rules are
    compared: names alone (similarity at least the threshold), and names
    plus a matching e-mail or phone.

    Parameters
    ----------
    customers : DataFrame
        The customer records, as for :func:`custlearn.customer_data.find_duplicates`.
    duplicates : DataFrame
        Which record is a copy of which (columns ``customer_id`` and
        ``duplicate_of``, as ``datasets.duplicates("shop")``): the truth.
    threshold : float, default 0.9
        The slider's first value.
    customer_col : str, default "customer_id"
    **kwargs
        Passed to ``find_duplicates`` (column names).

    Returns
    -------
    Demo
        Control ``threshold`` (a slider) above the histogram, a note and a table.

    Raises
    ------
    DataError
        If ``duplicates`` lacks ``customer_col`` or ``duplicate_of``.

    Examples
    --------
    >>> import pandas as pd
    >>> people = pd.DataFrame({"customer_id": [1, 2, 3, 4],
    ...     "name": ["Anna Berg", "Anna Berg", "Anne Berg", "Otto Lind"],
    ...     "email": ["anna@x.org", "anna@x.org", "anne@y.org", "otto@z.org"]})
    >>> truth = pd.DataFrame({"customer_id": [2], "duplicate_of": [1]})
    >>> box = duplicate_threshold_explorer(people, truth, threshold=0.95, phone_col=None, city_col=None)
    >>> box.shown()[1][:70]
    'On names alone, a threshold of **0.95** finds **1 pairs**: 1 true and '
    >>> box.controls["threshold"].value = 0.8
    >>> box.shown()[1][:70]
    'On names alone, a threshold of **0.80** finds **3 pairs**: 1 true and '
    """
    import matplotlib.pyplot as plt
    import pandas as pd

    from custlearn import customer_data
    from custlearn._validate import require_columns
    from custlearn.plots import name_similarity_chart

    require_columns(duplicates, [customer_col, "duplicate_of"], table="duplicates")
    pairs = customer_data.find_duplicates(customers, name_threshold=0.5, customer_col=customer_col, **kwargs)
    person = dict(zip(duplicates[customer_col], duplicates["duplicate_of"]))  # record -> the true customer
    is_true = pd.Series([person.get(a, a) == person.get(b, b) for a, b in zip(pairs["id_1"], pairs["id_2"])],
                        index=pairs.index, dtype=bool)
    sizes = pd.Series(list(person.values())).value_counts() + 1  # records per duplicated person
    n_true = int((sizes * (sizes - 1) // 2).sum())  # pairs of records that are one person
    key = pairs["email_match"] | pairs["phone_match"]

    def render(threshold: float) -> tuple:
        named = pairs["name_similarity"].fillna(0) >= threshold - 1e-12
        rows = []
        for rule, found in ((f"name similarity ≥ {threshold:.2f}", named),
                            (f"name ≥ {threshold:.2f} and the same e-mail or phone", named & key)):
            rows.append({"rule": rule, "pairs found": int(found.sum()), "true pairs": int((found & is_true).sum()),
                         "false pairs": int((found & ~is_true).sum()),
                         "true pairs missed": n_true - int((found & is_true).sum())})
        table = pd.DataFrame(rows).set_index("rule")
        fig, ax = plt.subplots(figsize=(8, 3.6))
        name_similarity_chart(pairs, true_pair=is_true, threshold=threshold, ax=ax,
                              title=tr("Candidate pairs by name similarity (truth in colour)"))
        ax.set_xlim(0.48, 1.02)
        by_name = rows[0]
        note = (tr("On names alone, a threshold of **{threshold:.2f}** finds **{pairs_found:,} pairs**: "
                   "{true_pairs:,} true and **{false_pairs:,} false** (different people with similar names), and "
                   "misses {true_pairs_missed:,} of the {n_true:,} true pairs. Requiring also the same e-mail or "
                   "phone: {true_pairs2:,} true and **{false_pairs2:,} false** pairs.",
                   threshold=threshold, pairs_found=by_name['pairs found'], true_pairs=by_name['true pairs'],
                   false_pairs=by_name['false pairs'], true_pairs_missed=by_name['true pairs missed'],
                   n_true=n_true, true_pairs2=rows[1]['true pairs'], false_pairs2=rows[1]['false pairs']))
        return fig, note, table

    controls = {"threshold": _slider("float", float(threshold), 0.5, 1.0, 0.01, tr("Name similarity ≥"), ".2f")}
    return demo(controls, render, title=tr("move the name-similarity threshold; watch the pairs found, "
                                           "true and false."))


def churn_window_explorer(customers: Any, orders: Any, truth: Any, as_of: Any, *, window_days: int = 137,
                          alive_col: str = "alive_at_end", customer_col: str = "customer_id",
                          date_col: str = "order_date") -> Any:
    """Lesson 07: move the churn window; watch the churn rate, the false alarms and the misses.

    Non-contractual churn is a *definition*: a customer silent for more than
    ``window_days`` at ``as_of`` is labelled churned (as in
    :func:`custlearn.churn.churn_durations`). ``truth`` says who is really
    still active. A short window calls many truly active customers churned
    (false alarms); a long one misses customers who are already gone.

    Parameters
    ----------
    customers : DataFrame
        The customers (kept for the lesson's call; the buyers come from ``orders``).
    orders : DataFrame
        One row per order (``customer_col``, ``date_col``).
    truth : DataFrame
        Who is truly still active (``alive_col``), by ``customer_col`` or
        indexed by it (e.g. ``datasets.truth("shop")``).
    as_of : date
        The day the labels are taken.
    window_days : int, default 137
        The slider's first value.
    alive_col, customer_col, date_col : str
        Column names.

    Returns
    -------
    Demo
        Control ``window`` (a slider) above the error curves, a note and a 2x2 table.

    Raises
    ------
    DataError
        If ``orders`` or ``truth`` lacks its columns.

    Examples
    --------
    >>> import pandas as pd
    >>> as_of = pd.Timestamp("2024-12-31")
    >>> orders = pd.DataFrame({"customer_id": [1, 2, 3, 4],
    ...     "order_date": [as_of - pd.Timedelta(days=d) for d in (10, 50, 100, 200)]})
    >>> truth = pd.DataFrame({"customer_id": [1, 2, 3, 4], "alive_at_end": [True, False, True, False]})
    >>> box = churn_window_explorer(None, orders, truth, as_of, window_days=60)
    >>> box.shown()[1][:62]
    '**Window 60 days:** 2 of 4 buyers (50%) are labelled churned. '
    >>> box.controls["window"].value = 150
    >>> box.shown()[1][:62]
    '**Window 150 days:** 1 of 4 buyers (25%) are labelled churned.'
    """
    import matplotlib.pyplot as plt
    import numpy as np
    import pandas as pd

    from custlearn._validate import require_columns
    from custlearn.plots import HIGHLIGHT, MAIN, SECOND

    require_columns(orders, [customer_col, date_col], table="orders")
    as_of = pd.Timestamp(as_of).normalize()
    dates = pd.to_datetime(orders[date_col]).dt.normalize()
    keep = (dates <= as_of).to_numpy()
    last = dates[keep].groupby(orders[customer_col].to_numpy()[keep]).max()
    silent = (as_of - last).dt.days.to_numpy()
    table = truth.set_index(customer_col) if customer_col in getattr(truth, "columns", []) else truth
    require_columns(table, alive_col, table="truth", argument="alive_col")
    alive = table[alive_col].reindex(last.index).fillna(False).astype(bool).to_numpy()
    grid = np.arange(30, 541, 5)
    false_alarms = np.array([int(((silent > g) & alive).sum()) for g in grid])
    missed = np.array([int(((silent <= g) & ~alive).sum()) for g in grid])

    def render(window: int) -> tuple:
        churned = silent > window
        fa = int((churned & alive).sum())
        miss = int((~churned & ~alive).sum())
        fig, ax = plt.subplots(figsize=(8, 3.8))
        ax.plot(grid, false_alarms, color=MAIN, lw=2, label=tr("Labelled churned, truly still active"))
        ax.plot(grid, missed, color=SECOND, lw=2, label=tr("Truly gone, not labelled churned"))
        ax.axvline(window, color=HIGHLIGHT, ls="--", lw=1.2, label=tr("window {window} days", window=window))
        ax.plot([window, window], [fa, miss], "o", color=HIGHLIGHT, ms=5)
        ax.set_xlim(grid[0], grid[-1])
        ax.set_ylim(bottom=0)
        ax.set_title(tr("Churn window {window} days: {mean:.0%} of buyers labelled churned",
                        window=window, mean=churned.mean()))
        ax.set_xlabel(tr("Churn window: days without a purchase (days)"))
        ax.set_ylabel(tr("Customers (count)"))
        ax.legend(loc="upper right")
        note = (tr("**Window {window} days:** {n:,} of {n2:,} buyers ({mean:.0%}) are labelled churned. "
                   "Of them, **{fa:,} are truly still active** (false alarms). **{miss:,} truly gone customers** "
                   "bought within the window and are **missed**.",
                   window=window, n=int(churned.sum()), n2=len(silent), mean=churned.mean(), fa=fa, miss=miss))
        counts = pd.DataFrame(
            {"truly still active": [int((~churned & alive).sum()), fa],
             "truly gone": [miss, int((churned & ~alive).sum())]},
            index=pd.Index(["labelled active", "labelled churned"], name="label"))
        return fig, note, counts

    controls = {"window": _slider("int", int(window_days), 30, 540, 1, tr("Churn window (days)"),
                                  layout={"width": "480px"})}
    return demo(controls, render, title=tr("move the churn window; watch the churn rate, the false alarms "
                                           "and the misses."))


def _attainment_curves(tickets: Any, labels: list, by: str, resolved_col: str, hours_col: str,
                       grid: Any) -> dict:
    """Per label: the share of its tickets resolved within h hours for every h of ``grid``, and resolved at all."""
    import numpy as np

    resolved = tickets[resolved_col].to_numpy(dtype=bool)
    hours = np.where(resolved, tickets[hours_col].to_numpy(dtype=float), np.inf)
    group = tickets[by].astype(str).to_numpy()
    return {label: ((hours[group == str(label)][:, None] <= grid[None, :]).mean(axis=0),
                    float(resolved[group == str(label)].mean())) for label in labels}


def _attainment_figure(curves: dict, grid: Any, table: Any, by: str) -> Any:
    """One curve per label, the chosen limit on it in black, the share resolved at all as a dotted ceiling."""
    import matplotlib.pyplot as plt

    from custlearn.plots import HIGHLIGHT, REFERENCE, colours_for, percent_axis

    fig, ax = plt.subplots(figsize=(8, 4.2))
    for colour, (label, (share, resolved)) in zip(colours_for(list(curves)), curves.items()):
        ax.plot(grid, share, color=colour, lw=2, label=tr("{label}: limit {table:g} h",
                                                          label=label, table=table.loc[label, 'limit_hours']))
        ax.axhline(resolved, color=colour, lw=1, ls=":")
        ax.plot([table.loc[label, "limit_hours"]], [table.loc[label, "in_time_share"]], "o", color=HIGHLIGHT, ms=7)
    ax.plot([], [], "o", color=HIGHLIGHT, label=tr("closed in time at the chosen limit"))
    ax.plot([], [], ls=":", color=REFERENCE, label=tr("resolved at all: no limit gets above it"))
    ax.set_xlim(0, grid[-1])
    ax.set_ylim(0, 1)
    percent_axis(ax)
    ax.set_xlabel(tr("Time limit (hours from opening the ticket)"))
    ax.set_ylabel(tr("Tickets closed within the limit"))
    ax.set_title(tr("Tickets closed within the time limit, by {by}", by=by))
    ax.legend(loc="lower right", fontsize=9)
    return fig


def time_limit_explorer(tickets: Any, *, limits: Mapping[Any, float] | None = None,
                        cost_per_late_ticket: float = 10.0, by: str = "stage", max_hours: int = 168,
                        resolved_col: str = "resolved", hours_col: str = "hours_to_resolve",
                        limit_col: str = "time_limit_hours", currency: str = "USD") -> Any:
    """Lesson 06 (service): move the time limit of each stage; watch the share closed in time and the cost.

    Deck 002's closed loop gives every step a time limit and an owner
    (从收集、分类、汇总、处理、反馈、闭环等方面规定了时限和责任). For each label of
    ``by`` (the stages: pre-, in- and after-sale) the curve is the share of
    its tickets resolved within h hours, for every h; the black dot is the
    limit chosen on the slider (:func:`custlearn.service.time_limit_attainment`).
    A tighter promise is kept less often; a looser one is kept more often but
    promises the customer less; and no limit lifts a curve above the share
    of tickets resolved at all (the dotted line: an unresolved ticket is late
    under any limit). Each late ticket costs ``cost_per_late_ticket`` (for
    example a goodwill voucher for a broken promise).

    Parameters
    ----------
    tickets : DataFrame
        One row per service contact (``by``, ``resolved_col``, ``hours_col``,
        and ``limit_col`` when ``limits`` is None).
    limits : dict, optional
        The sliders' first values, hours per label of ``by``; by default the
        time limit recorded in ``limit_col`` (its median per label).
    cost_per_late_ticket : number, default 10
        The cost slider's first value (money per late ticket).
    by : str, default "stage"
        The column the limits depend on.
    max_hours : int, default 168
        The longest limit on the sliders (and the end of the curves).
    resolved_col, hours_col, limit_col : str
        Column names.
    currency : str
        Shown with the cost.

    Returns
    -------
    Demo
        One slider per label (named by the label) and ``cost``, above the
        curves, a note and the table of ``time_limit_attainment``.

    Raises
    ------
    DataError
        Missing columns, a label without a limit, a limit that is not a
        positive number, a negative cost.

    Examples
    --------
    >>> import pandas as pd
    >>> tickets = pd.DataFrame({"ticket_id": [1, 2, 3, 4, 5],
    ...     "stage": ["pre-sale", "in-sale", "in-sale", "after-sale", "after-sale"],
    ...     "resolved": [True, True, True, True, False], "hours_to_resolve": [30.0, 2.0, 12.0, 40.0, None],
    ...     "time_limit_hours": [24.0, 8.0, 8.0, 72.0, 72.0]})
    >>> box = time_limit_explorer(tickets, cost_per_late_ticket=5)
    >>> print(box.shown()[1])
    **Closed in time: 2 of 5 tickets (40%).** pre-sale 0% within 24 h, in-sale 50% within 8 h, after-sale 50% within 72 h. **3 late tickets cost USD 15.**
    >>> box.controls["in-sale"].value = 24
    >>> print(box.shown()[1].split("**")[1])
    Closed in time: 3 of 5 tickets (60%).
    >>> time_limit_explorer(tickets, limits={"in-sale": 8})
    Traceback (most recent call last):
    ...
    custlearn.DataError: limits has no time limit for "after-sale" (a label of the stage column). Give every label one, e.g. limits={"after-sale": 24, "in-sale": 24, "pre-sale": 24}.
    """
    import numpy as np

    from custlearn import service

    options = {"by": by, "resolved_col": resolved_col, "hours_col": hours_col, "limit_col": limit_col}
    first = service.time_limit_attainment(tickets, limits, cost_per_late_ticket=cost_per_late_ticket, **options)
    stages = service.SERVICE_CLASSIFICATIONS["timing"]["labels"]  # pre-, in-, after-sale first, in that order
    labels = sorted(first.index, key=lambda lab: (stages.index(lab) if lab in stages else len(stages), str(lab)))
    grid = np.arange(0, int(max_hours) + 1)
    curves = _attainment_curves(tickets, labels, by, resolved_col, hours_col, grid)

    def render(**values: Any) -> tuple:
        chosen = {label: float(values[str(label)]) for label in labels}
        table = service.time_limit_attainment(tickets, chosen, cost_per_late_ticket=values["cost"], **options)
        table = table.loc[labels]
        parts = ", ".join(tr("{label} {share:.0%} within {hours:g} h", label=label, share=row.in_time_share,
                             hours=row.limit_hours) for label, row in table.iterrows())
        late = int(table["late"].sum())
        counts = dict(n=int(table["in_time"].sum()), tickets=int(table["tickets"].sum()), parts=parts, late=late,
                      share=table["in_time"].sum() / table["tickets"].sum(), currency=currency,
                      cost=table["late_cost"].sum())
        note = (tr("**Closed in time: {n:,} of {tickets:,} tickets ({share:.0%}).** {parts}. **{late:,} late ticket "
                   "costs {currency} {cost:,.0f}.**", **counts) if late == 1 else
                tr("**Closed in time: {n:,} of {tickets:,} tickets ({share:.0%}).** {parts}. **{late:,} late tickets "
                   "cost {currency} {cost:,.0f}.**", **counts))
        shown = table[["tickets", "limit_hours", "in_time_share", "late", "late_cost"]].round(3)
        return _attainment_figure(curves, grid, table, by), note, shown

    top = max(int(max_hours), int(np.ceil(first["limit_hours"].max())))
    controls = {str(label): _slider("int", int(round(first.loc[label, "limit_hours"])), 1, top, 1,
                                    tr("{label} limit (hours)", label=label)) for label in labels}
    controls["cost"] = _slider("float", float(cost_per_late_ticket), 0.0, max(50.0, float(cost_per_late_ticket)),
                               0.5, tr("Cost per late ticket ({currency})", currency=currency), ".1f")
    return demo(controls, render, title=tr("move the time limit of each stage; watch the share of tickets "
                                           "closed in time and the cost of the late ones."))


def rfm_cutoff_explorer(scores: Any, *, min_recency: int = 4, min_frequency: int = 4) -> Any:
    """Lesson 05: choose the R and F score cut-offs of a "best customers" group.

    RFM scoring (Hughes 1994): the grid shows how many customers hold each
    recency x frequency score; the corner framed in black is the group the
    cut-offs select, and the note says what share of customers and of
    revenue it holds. Loosen a cut-off and the group grows but its average
    value falls.

    Parameters
    ----------
    scores : DataFrame
        The result of :func:`custlearn.value.rfm_scores` (``recency_score``,
        ``frequency_score`` and ``monetary``).
    min_recency, min_frequency : int, default 4
        The sliders' first values.

    Returns
    -------
    Demo
        Controls ``r_min`` and ``f_min`` (sliders) above a note and the grid.

    Raises
    ------
    DataError
        If ``scores`` lacks one of those columns.

    Examples
    --------
    >>> import pandas as pd
    >>> scores = pd.DataFrame({"recency_score": [1, 2, 2, 1], "frequency_score": [1, 2, 1, 2],
    ...                        "monetary": [10.0, 60.0, 20.0, 10.0]})
    >>> box = rfm_cutoff_explorer(scores, min_recency=2, min_frequency=2)
    >>> print(box.shown()[0].split("** ")[0])
    **Selected (R ≥ 2 and F ≥ 2): 1 customers, 25% of buyers, 60% of revenue.
    >>> box.controls["f_min"].value = 1
    >>> print(box.shown()[0].split("** ")[0])
    **Selected (R ≥ 2 and F ≥ 1): 2 customers, 50% of buyers, 80% of revenue.
    >>> rfm_cutoff_explorer(scores.drop(columns="monetary"))
    Traceback (most recent call last):
    ...
    custlearn.DataError: The column "monetary" is not in the scores table. ...
    """
    import matplotlib.pyplot as plt
    import numpy as np
    from matplotlib.patches import Rectangle

    from custlearn._validate import require_columns
    from custlearn.plots import HIGHLIGHT, SEQUENTIAL_CMAP

    require_columns(scores, ["recency_score", "frequency_score", "monetary"], table="scores")
    bins = int(max(scores["recency_score"].max(), scores["frequency_score"].max()))
    grid = (scores.groupby(["frequency_score", "recency_score"]).size()
            .unstack(fill_value=0).reindex(index=range(1, bins + 1), columns=range(1, bins + 1), fill_value=0))
    total_revenue = float(scores["monetary"].sum())

    def render(r_min: int, f_min: int) -> tuple:
        chosen = (scores["recency_score"] >= r_min) & (scores["frequency_score"] >= f_min)
        fig, ax = plt.subplots(figsize=(6.2, 4.6))
        ax.imshow(grid.to_numpy(), origin="lower", cmap=SEQUENTIAL_CMAP)
        for (i, j), n in np.ndenumerate(grid.to_numpy()):
            ax.text(j, i, f"{n:,}", ha="center", va="center", fontsize=10,
                    color="white" if n > grid.to_numpy().max() * 0.6 else "black")
        corner = (r_min - 1.5, f_min - 1.5), bins - r_min + 1, bins - f_min + 1
        ax.add_patch(Rectangle(*corner, fill=False, edgecolor="white", linewidth=6))  # a halo on dark cells
        ax.add_patch(Rectangle(*corner, fill=False, edgecolor=HIGHLIGHT, linewidth=3, label=tr("selected "
                                                                                               "group")))
        ax.set_xticks(range(bins), [str(k) for k in range(1, bins + 1)])
        ax.set_yticks(range(bins), [str(k) for k in range(1, bins + 1)])
        ax.set_xlabel(tr("Recency score (5 = bought most recently)"))
        ax.set_ylabel(tr("Frequency score (5 = most orders)"))
        ax.set_title(tr("Customers by recency and frequency score (framed: selected)"))
        ax.grid(False)
        share_rev = float(scores.loc[chosen, "monetary"].sum()) / total_revenue if total_revenue else float("nan")
        note = (tr("**Selected (R ≥ {r_min} and F ≥ {f_min}): {n:,} customers, {mean:.0%} of buyers, "
                   "{share_rev:.0%} of revenue.** Loosen a cut-off and the group grows but its average value "
                   "falls.", r_min=r_min, f_min=f_min, n=int(chosen.sum()), mean=chosen.mean(), share_rev=share_rev))
        return note, fig

    controls = {"r_min": _slider("int", min_recency, 1, bins, 1, tr("R score at least")),
                "f_min": _slider("int", min_frequency, 1, bins, 1, tr("F score at least"))}
    return demo(controls, render,
                title=tr("move the score cut-offs of the best-customer group; watch its size and its "
                         "revenue."))


def cluster_explorer(features: Any, *, k: int = 4, columns: Any = None, segments: Any = None,
                     recency_col: str = "recency", monetary_col: str = "monetary") -> Any:
    """Lesson 05: choose k and the features of k-means; watch the silhouette, the profiles and the crosstab.

    Clustering (聚类分析) with :func:`custlearn.value.cluster_customers`:
    k-means on the chosen features, by default after ``log(1 + x)`` and
    standardisation. The demo shows the silhouette of the clustering (from
    -1 to 1, higher = clusters better separated; Rousseeuw 1987) and the
    share of the smallest cluster, each cluster's profile in the original
    units with its suggested name, a crosstab of the clusters against
    ``segments`` (e.g. the RFM segments) and a picture of the customers by
    recency and spend, coloured by cluster. Untick "log and scale" to see
    the unscaled failure: the feature with the biggest numbers (money)
    decides alone, and a few big spenders get clusters of their own. A
    silhouette compares values of k on the same features and scaling only:
    in raw units it is measured in dollars and days. Stability is not
    re-computed here (``stability_runs=0``), so each redraw is quick.

    Parameters
    ----------
    features : DataFrame
        One row per customer (index = customer id) with numeric features,
        e.g. ``value.rfm(orders, as_of)``.
    k : int, default 4
        The first number of clusters (the slider goes from 2 to 8).
    columns : list of str, optional
        The features to choose from (default: every column of ``features``);
        all of them are chosen at first.
    segments : Series, optional
        A label per customer (index = customer id), e.g.
        ``value.rfm_segments(scores)["segment"]``, for the crosstab.
    recency_col, monetary_col : str
        The columns drawn in the picture (no picture without them).

    Returns
    -------
    Demo
        Controls ``k`` (slider), ``columns`` (a multiple choice) and
        ``log_scale`` (a tick box) above a note, the profiles, the crosstab
        and the picture.

    Raises
    ------
    DataError
        If ``features`` is not a table of numeric features (see
        ``cluster_customers``), ``k`` is not from 2 to 8, or ``segments`` is
        not one label per customer of ``features``.

    Examples
    --------
    >>> import pandas as pd
    >>> table = pd.DataFrame({"recency": [5, 9, 7, 300, 320, 280, 150],
    ...                       "frequency": [12, 10, 15, 1, 1, 2, 4],
    ...                       "monetary": [900.0, 700, 1200, 20, 35, 50, 200]})
    >>> box = cluster_explorer(table, k=2)
    >>> box.shown()[0].split("** ")[0]
    '**k = 2 on recency, frequency, monetary (log and scaled): silhouette 0.743; smallest cluster 42.9% of the customers.'
    >>> box.shown()[2]                    # the profiles are shown[1]
    '[figure]'
    >>> box.controls["log_scale"].value = False
    >>> box.shown()[0].split(":")[0]
    '**k = 2 on recency, frequency, monetary (raw units)'
    >>> box.controls["columns"].value = ()
    >>> box.shown()
    ['**Choose at least one feature** (hold Ctrl or Cmd and click to choose several).']
    >>> cluster_explorer(table, k=9)
    Traceback (most recent call last):
    ...
    custlearn.DataError: k must be a whole number from 2 to 8, but 9 was given.
    """
    import ipywidgets as w
    import matplotlib.pyplot as plt
    import pandas as pd

    from custlearn import value
    from custlearn._validate import require_frame, require_positive_int
    from custlearn.plots import colours_for

    k = require_positive_int(k, argument="k", minimum=2, maximum=8)
    names = list(require_frame(features, table="features").columns) if columns is None else columns
    fitted = {(k, tuple(names), True): value.cluster_customers(features, k=k, columns=names, stability_runs=0)}
    names = [str(c) for c in names]  # the first fit above checked the table at the door; each fit is kept
    labels = None if segments is None else _segment_labels(segments, features.index)

    def render(k: int, columns: tuple, log_scale: bool) -> tuple:
        if not columns:
            return tr("**Choose at least one feature** (hold Ctrl or Cmd and click to choose several).")
        if (k, columns, log_scale) not in fitted:
            try:
                fitted[k, columns, log_scale] = value.cluster_customers(
                    features, k=k, columns=list(columns), log=log_scale, scale=log_scale, stability_runs=0)
            except DataError as error:  # e.g. fewer distinct customers than clusters on one feature
                return tr("**This choice cannot be clustered:** {error}", error=error)
        found = fitted[k, columns, log_scale]
        scores = found.k_scores.loc[k]
        note = (tr("**k = {k} on {columns} ({units}): silhouette {silhouette:.3f}; smallest cluster "
                   "{smallest_cluster:.1%} of the customers.** Compare silhouettes only for the same features and "
                   "scaling; ask whether each cluster can be named and treated differently.",
                   k=k, columns=", ".join(columns), units=tr("log and scaled") if log_scale else tr("raw units"),
                   silhouette=scores['silhouette'], smallest_cluster=scores['smallest_cluster']))
        shown = [note, found.profiles.round(2)]
        if labels is not None:
            shown.append(pd.crosstab(labels, found.labels.rename("cluster")))
        if recency_col in features.columns and monetary_col in features.columns:
            fig, ax = plt.subplots(figsize=(7.5, 4))
            names_by_cluster = found.profiles["name"]
            for cluster, colour in zip(names_by_cluster.index, colours_for(names_by_cluster)):
                mine = (found.labels == cluster).to_numpy()
                ax.scatter(features[recency_col][mine], features[monetary_col][mine], s=6, alpha=0.6, color=colour,
                           label=f"{cluster}: {names_by_cluster[cluster]}")
            ax.set(yscale="log", title=tr("Customers by recency and spend: {k} clusters", k=k),
                   xlabel=tr("Days since the last order ({recency_col})", recency_col=recency_col),
                   ylabel=tr("Total spend ({monetary_col}, log scale)", monetary_col=monetary_col))
            ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8, markerscale=2, title=tr("cluster"))
            shown.append(fig)
        return tuple(shown)

    controls = {"k": _slider("int", k, 2, 8, 1, tr("Number of clusters k")),
                "columns": w.SelectMultiple(options=names, value=tuple(names), rows=min(len(names), 5),
                                            description=tr("Features"), style=_STYLE),
                "log_scale": w.Checkbox(value=True, description=tr("log and scale"), style=_STYLE)}
    return demo(controls, render, title=tr("choose k and the features; watch the silhouette, the profiles "
                                           "and the crosstab against the RFM segments."))


def _segment_labels(segments: Any, index: Any) -> Any:
    """One segment label per customer of ``index`` (the crosstab's rows), checked."""
    import pandas as pd

    if isinstance(segments, pd.DataFrame) and "segment" in segments.columns:
        segments = segments["segment"]
    if not isinstance(segments, pd.Series):
        raise DataError(tr("segments must be a Series of labels indexed by customer id (e.g. "
                           "value.rfm_segments(scores)['segment']), but a {kind} was given.",
                           kind=type(segments).__name__))
    missing = index.difference(segments.index)
    if len(missing):
        raise DataError(tr("segments has no label for {n} customer(s) of the features (e.g. {missing}). "
                           "Pass one label per customer, indexed like the features.",
                           n=len(missing), missing=list(missing[:3])))
    return segments[~segments.index.duplicated()].reindex(index).rename("segment")


def retention_budget_planner(candidates: Any, *, budget: float = 20_000.0, contact_cost: float = 5.0,
                             save_rate: float = 0.20, risk_col: str = "p_left", value_col: str = "value_if_kept",
                             currency: str = "USD") -> Any:
    """Lesson 08a: move the budget, the cost of a contact and the save rate; watch the plan and its return.

    The shop case: spend a retention budget where it saves most. The plan
    ranks customers by the expected value a contact saves::

        expected value saved = save rate x P(left) x value if kept

    and contacts them in that order while a contact pays for itself
    (expected value saved >= contact cost) and the budget lasts. It shows
    the customers contacted, the money spent, the expected value saved and
    the return on investment, ROI = (value saved - cost) / cost.

    Parameters
    ----------
    candidates : DataFrame
        One row per customer: the probability that the customer has left or
        is leaving (``risk_col``, e.g. 1 - P(alive)) and the value the
        customer brings if kept (``value_col``, in money).
    budget, contact_cost, save_rate : float
        The sliders' first values (money, money per contact, share 0-1).
    risk_col, value_col : str
        Column names.
    currency : str, default "USD"

    Returns
    -------
    Demo
        Controls ``budget``, ``cost`` and ``save`` (sliders) above a note and the curve.

    Raises
    ------
    DataError
        If ``candidates`` lacks ``risk_col`` or ``value_col``.

    Examples
    --------
    >>> import pandas as pd
    >>> candidates = pd.DataFrame({"p_left": [0.9, 0.5, 0.2], "value_if_kept": [100.0, 100.0, 100.0]})
    >>> box = retention_budget_planner(candidates, budget=100, contact_cost=5, save_rate=0.2)
    >>> box.shown()[0][:55]
    '**2 customers contacted** for **USD 10**; expected valu'
    >>> box.controls["cost"].value = 15
    >>> box.shown()[0][:55]
    '**1 customer contacted** for **USD 15**; expected value'
    >>> retention_budget_planner(candidates, value_col="clv")
    Traceback (most recent call last):
    ...
    custlearn.DataError: The column "clv" is not in the candidates table. ...
    """
    import matplotlib.pyplot as plt
    import numpy as np

    from custlearn._validate import require_columns
    from custlearn.plots import HIGHLIGHT, MAIN, REFERENCE

    require_columns(candidates, [risk_col, value_col], table="candidates")
    risk = np.asarray(candidates[risk_col], dtype=float)
    worth = np.asarray(candidates[value_col], dtype=float)

    def render(budget: float, cost: float, save: float) -> tuple:
        saved = np.sort(np.nan_to_num(save * risk * worth))[::-1]      # best contact first
        pays = int((saved >= cost).sum())                                # contacts that pay for themselves
        affordable = int(np.floor(budget / cost + 1e-9)) if cost > 0 else len(saved)
        n = min(pays, affordable)
        spent, value_saved = n * cost, float(saved[:n].sum())
        fig, ax = plt.subplots(figsize=(8, 3.8))
        k = np.arange(0, min(len(saved), max(2 * pays, n, 10)) + 1)
        ax.plot(k * cost, np.concatenate([[0.0], np.cumsum(saved)])[k], color=MAIN, lw=2.5,
                label=tr("expected value saved"))
        ax.plot(k * cost, k * cost, color=REFERENCE, ls="--", lw=1.2, label=tr("money spent (break-even)"))
        if n:
            ax.plot([spent], [value_saved], "o", color=HIGHLIGHT, ms=7, label=tr("the plan"))
        if budget < k[-1] * cost:
            ax.axvline(budget, color=HIGHLIGHT, ls=":", lw=1.2, label=tr("budget"))
        ax.set_title(tr("Plan: contact {n:,} customers for {currency} {spent:,.0f}",
                        n=n, currency=currency, spent=spent))
        ax.set_xlabel(tr("Money spent on contacts, best customers first ({currency})", currency=currency))
        ax.set_ylabel(tr("Expected value saved ({currency})", currency=currency))
        ax.legend(loc="lower right")
        if n == 0:
            note = (tr("**No customer is worth a contact** at {currency} {cost:,.2f} per contact and a "
                       "{save:.0%} save rate: the best one would save {currency} {value:,.2f}.",
                       currency=currency, cost=cost, save=save, value=saved[0] if len(saved) else 0))
            return note, fig
        roi = (value_saved - spent) / spent
        why = (tr("the budget runs out first") if affordable < pays else
               tr("the next contact would save less than it costs; {currency} {left:,.0f} of the budget is better "
                  "kept or spent elsewhere", currency=currency, left=budget - spent))
        plan = dict(n=n, currency=currency, spent=spent, saved=value_saved, net=value_saved - spent, roi=roi, why=why)
        note = (tr("**{n:,} customer contacted** for **{currency} {spent:,.0f}**; expected value saved **{currency} "
                   "{saved:,.0f}**, net **{currency} {net:,.0f}**, **ROI {roi:.0%}**. The plan stops at {n:,} "
                   "because {why}.", **plan) if n == 1 else
                tr("**{n:,} customers contacted** for **{currency} {spent:,.0f}**; expected value saved **{currency} "
                   "{saved:,.0f}**, net **{currency} {net:,.0f}**, **ROI {roi:.0%}**. The plan stops at {n:,} "
                   "because {why}.", **plan))
        return note, fig

    controls = {"budget": _slider("float", float(budget), 0.0, max(50_000.0, float(budget)), 500.0,
                                  tr("Budget ({currency})", currency=currency), ",.0f"),
                "cost": _slider("float", float(contact_cost), 0.5, max(30.0, float(contact_cost)), 0.5,
                                tr("Cost per contact ({currency})", currency=currency), ".1f"),
                "save": _slider("float", float(save_rate), 0.01, 0.60, 0.01, tr("Save rate"), ".0%")}
    return demo(controls, render, title=tr("move the budget, the cost of a contact and the save rate; "
                                           "watch who is contacted and what it returns."))


_LEVERS = ("staff_attitude", "product_knowledge", "unresolved")


def _effects(given: Mapping[str, Any], argument: str) -> dict[str, tuple[float, float, float]]:
    """Each lever's ``(effect, lower, upper)`` from ``given`` (a single number counts as all three)."""
    missing = [k for k in _LEVERS if k not in given]
    if missing:
        raise DataError(tr("{argument} must give an effect for each of {LEVERS}; missing: {missing}. Pass "
                           'a mapping such as {{"staff_attitude": (b, lower, upper), ...}}.',
                           argument=argument, LEVERS=', '.join(_LEVERS), missing=', '.join(missing)))
    out = {}
    for key in _LEVERS:
        v = given[key]
        out[key] = (float(v),) * 3 if isinstance(v, (int, float)) else tuple(float(x) for x in v)
    return out


def _closures_avoided(closures: float, est: Mapping[str, tuple], true: Mapping[str, tuple] | None,
                      attitude: float, knowledge: float, cut: float) -> Any:
    """Closures avoided per year by each practice and by all three (estimate, low, high, planted)."""
    import numpy as np
    import pandas as pd

    def staff(b_att: float, b_kn: float) -> float:  # closures x (1 - exp(b_att x points + b_kn x points))
        return closures * (1.0 - float(np.exp(b_att * attitude + b_kn * knowledge)))

    def row(parts: list[Callable[[int], float]], planted: float) -> dict[str, float]:
        # each part's estimate, and its lowest and highest over (effect, lower, upper), added up
        values = [[part(i) for i in range(3)] for part in parts]
        return {"estimate": sum(v[0] for v in values), "lower": sum(min(v) for v in values),
                "upper": sum(max(v) for v in values), "planted": planted}

    unplanted = np.nan
    ba, bk, x = est["staff_attitude"], est["product_knowledge"], est["unresolved"]
    t = {k: v[0] for k, v in true.items()} if true else None
    rows = {
        "Staff attitude training": row([lambda i: staff(ba[i], 0.0)],
                                       staff(t["staff_attitude"], 0.0) if t else unplanted),
        "Product knowledge training": row([lambda i: staff(0.0, bk[i])],
                                          staff(0.0, t["product_knowledge"]) if t else unplanted),
        "Complaint handling": row([lambda i: cut * x[i]], cut * t["unresolved"] if t else unplanted),
        "All three": row([lambda i: staff(ba[i], bk[i]), lambda i: cut * x[i]],
                         staff(t["staff_attitude"], t["product_knowledge"]) + cut * t["unresolved"]
                         if t else unplanted),
    }
    table = pd.DataFrame(rows).T
    table.index.name = "practice"
    return table


def _practice_figure(table: Any, closures: float, show_planted: bool) -> Any:
    """Bars of closures avoided per practice: the estimate with its interval, the planted effect beside it."""
    import matplotlib.pyplot as plt
    import numpy as np

    from custlearn.plots import MAIN, REFERENCE

    fig, ax = plt.subplots(figsize=(8, 3.6))
    y = np.arange(len(table))[::-1]
    h = 0.38 if show_planted else 0.6
    err = np.vstack([table["estimate"] - table["lower"], table["upper"] - table["estimate"]])
    ax.barh(y + (h / 2 if show_planted else 0), table["estimate"], height=h, color=MAIN,
            xerr=err, capsize=4, label=tr("Estimated from the data (95% interval)"))
    if show_planted:
        ax.barh(y - h / 2, table["planted"], height=h, color=REFERENCE, label=tr("Planted (true) effect"))
    ax.set_yticks(y, list(table.index))
    top = float(np.nanmax(table[["upper", "planted"]].to_numpy())) if show_planted else float(table["upper"].max())
    ax.set_xlim(0, max(top * 1.1, 1.0))
    ax.set_title(tr("Account closures avoided per year (of about {closures:,.0f})", closures=closures))
    ax.set_xlabel(tr("Closures avoided per year (accounts)"))
    ax.set_ylabel(tr("Practice"))
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.22), ncol=2)  # below the chart: the bars stay clear
    return fig


def _practice_note(table: Any, attitude: float, knowledge: float, cut: float, *, value_per_account: float | None,
                   currency: str, show_planted: bool, smaller_than_planted: bool) -> str:
    """The sentence under the bars: all three levers together, the largest single one, the margin kept."""
    total = table.loc["All three"]
    order = table.drop(index="All three")["estimate"].sort_values(ascending=False)
    note = (tr("**+{attitude:.1f} points of staff attitude, +{knowledge:.1f} of product knowledge, "
               "{cut:.0%} fewer unresolved complaints:** about **{estimate:,.0f} closures avoided per year** (95% "
               "interval {lower:,.0f} to {upper:,.0f}). Largest single lever here: **{lower2}** ({order:,.0f} a "
               "year).",
               attitude=attitude, knowledge=knowledge, cut=cut, estimate=total['estimate'],
               lower=total['lower'], upper=total['upper'], lower2=order.index[0].lower(), order=order.iloc[0]))
    if value_per_account is not None:
        note += tr(" At {currency} {value:,.0f} margin per account-year, that keeps about {currency} {kept:,.0f} of "
                   "margin in the first year.", currency=currency, value=value_per_account,
                   kept=total["estimate"] * value_per_account)
    if show_planted:
        note += tr("  \nWith the planted effects: **{planted:,.0f} closures avoided per year**.", planted=total["planted"])
        if smaller_than_planted:
            note += tr(" The data's estimates of the staff effects are smaller than the planted ones: survey "
                       "scores measure the experience with noise, which shrinks the slopes.")
    return note


def bank_practice_simulator(closures_per_year: float, estimated: Any, *, planted: Any = None,
                            attitude_points: float = 0.5, knowledge_points: float = 0.5,
                            unresolved_cut: float = 0.5, value_per_account: float | None = None,
                            currency: str = "USD") -> Any:
    """Lesson 08c (bank case): which practice saves most accounts? Move three levers; see closures avoided per year.

    Levers: raise the average staff-attitude score by ``attitude_points``
    (survey points, 1-7 scale), the product-knowledge score by
    ``knowledge_points``, and cut unresolved complaints by ``unresolved_cut``
    (a share). Closures avoided per year::

        staff or knowledge:  closures_per_year * (1 - exp(b * points))
        complaints:          cut * excess
        all three:           closures_per_year * (1 - exp(b_att * points_att + b_kn * points_kn)) + cut * excess

    Parameters
    ----------
    closures_per_year : float
        Account closures in a year today.
    estimated : mapping
        ``"staff_attitude"`` and ``"product_knowledge"`` to ``(b, lower,
        upper)``: the change in the log closure rate per survey point (a
        closure-rate model, lower/upper its 95% interval); ``"unresolved"``
        to ``(excess, lower, upper)``: closures per year that resolving
        *every* unresolved complaint would avoid.
    planted : mapping, optional
        Instructors: the same keys with single numbers from the data's
        generating parameters; a check box shows them next to the estimates.
    attitude_points, knowledge_points, unresolved_cut : float
        The sliders' first values.
    value_per_account : float, optional
        Margin per account-year: turns closures avoided into margin kept in the first year.
    currency : str, default "USD"

    Returns
    -------
    Demo
        Controls ``attitude``, ``knowledge``, ``cut`` (sliders) and, with
        ``planted``, ``show_planted`` (a check box), above a note, the bars
        and the table.

    Raises
    ------
    DataError
        If ``estimated`` or ``planted`` lacks one of the three levers.

    Examples
    --------
    >>> import math
    >>> estimated = {"staff_attitude": (math.log(0.5), math.log(0.4), math.log(0.6)),
    ...              "product_knowledge": (math.log(0.9), math.log(0.8), math.log(1.0)), "unresolved": (10, 4, 16)}
    >>> box = bank_practice_simulator(100, estimated, attitude_points=1.0, knowledge_points=0.0)
    >>> print(box.shown()[0].split(" (95%")[0])
    **+1.0 points of staff attitude, +0.0 of product knowledge, 50% fewer unresolved complaints:** about **55 closures avoided per year**
    >>> box.controls["cut"].value = 1.0  # resolve every unresolved complaint: 5 more
    >>> print(box.shown()[0].split(" (95%")[0])
    **+1.0 points of staff attitude, +0.0 of product knowledge, 100% fewer unresolved complaints:** about **60 closures avoided per year**
    >>> bank_practice_simulator(100, {"staff_attitude": -0.5})
    Traceback (most recent call last):
    ...
    custlearn.DataError: estimated must give an effect for each of staff_attitude, product_knowledge, unresolved; missing: product_knowledge, unresolved. ...
    """
    import ipywidgets as w

    est = _effects(estimated, "estimated")
    true = _effects(planted, "planted") if planted else None
    controls = {"attitude": _slider("float", float(attitude_points), 0.0, 2.0, 0.1, tr("Staff attitude + "
                                                                                       "(points)"), ".1f"),
                "knowledge": _slider("float", float(knowledge_points), 0.0, 2.0, 0.1, tr("Product "
                                                                                         "knowledge + (points)"),
                                     ".1f"),
                "cut": _slider("float", float(unresolved_cut), 0.0, 1.0, 0.05, tr("Unresolved complaints "
                                                                                  "cut by"), ".0%")}
    if true is not None:
        controls["show_planted"] = w.Checkbox(value=False, description=tr("Instructor: show the planted "
                                                                          "effects"))
    smaller = true is not None and all(est[k][0] > true[k][0] for k in ("staff_attitude", "product_knowledge"))

    def render(attitude: float, knowledge: float, cut: float, show_planted: bool = False) -> tuple:
        table = _closures_avoided(closures_per_year, est, true, attitude, knowledge, cut)
        fig = _practice_figure(table, closures_per_year, show_planted)
        note = _practice_note(table, attitude, knowledge, cut, value_per_account=value_per_account,
                              currency=currency, show_planted=show_planted, smaller_than_planted=smaller)
        return note, fig, (table if show_planted else table.drop(columns="planted")).round(1)

    return demo(controls, render,
                title=tr("raise staff attitude and product knowledge, cut unresolved complaints; watch "
                         "the closures avoided per year."))


def membership_effect_explorer(customers: Any, orders: Any, true_effect: float | None = None, *, as_of: Any = None,
                               post_weeks: int = 13, tolerance: int = 1, cohort_weeks: int = 4,
                               n_boot: int = 300, seed: int = 7) -> Any:
    """Lesson 08b: move the after-window and the matching tolerance; watch naive vs matched vs true effect.

    The cafe case: does the membership make guests visit more, or do the
    keen guests join? Uses :func:`custlearn.cases.visit_rates`,
    :func:`~custlearn.cases.membership_did` and
    :func:`~custlearn.cases.effect_estimates` (bootstrap with ``n_boot``
    samples and a fixed ``seed``). A looser tolerance lets in less similar
    comparison guests and pulls the matched estimate towards the naive gap;
    a longer after-window leaves fewer members to match.

    Parameters
    ----------
    customers, orders : DataFrame
        The cafe's guests (with ``member_since``) and visits.
    true_effect : float, optional
        The planted effect as a multiplier (e.g.
        ``datasets.parameters("cafe")["membership"]["true_effect"]``),
        drawn as a grey dashed line when given.
    as_of : date, optional
        The end of the data.
    post_weeks, tolerance : int
        The sliders' first values (weeks after joining; largest difference
        in visits before joining between a member and a comparison guest).
    cohort_weeks, n_boot, seed : int
        As for ``membership_did`` and ``effect_estimates``.

    Returns
    -------
    Demo
        Controls ``weeks`` and ``tolerance`` (sliders) above a note and the estimates.

    Raises
    ------
    DataError
        As ``visit_rates``, ``membership_did`` and ``effect_estimates`` (e.g. no member can be matched).

    Examples
    --------
    >>> import pandas as pd
    >>> week = lambda *w: [pd.Timestamp("2024-01-01") + pd.Timedelta(weeks=k) for k in w]
    >>> customers = pd.DataFrame({"customer_id": [1, 2, 3],
    ...                           "member_since": pd.to_datetime(["2024-01-29", None, None])})
    >>> orders = pd.DataFrame({"customer_id": [1] * 8 + [2] * 5 + [3] * 3,
    ...     "order_date": week(0, 1, 3, 4, 5, 6, 7, 8) + week(0, 2, 3, 6, 8) + week(0, 1, 8)})
    >>> box = membership_effect_explorer(customers, orders, 1.2, post_weeks=4, tolerance=0, cohort_weeks=0,
    ...                                  n_boot=20)
    >>> box.controls["weeks"].description, box.shown()[0][:22]
    ('After-window (weeks)', '**1 members matched.**')
    >>> box.controls["tolerance"].value = 2
    >>> box.shown()[0][:22]
    '**1 members matched.**'
    """
    import matplotlib.pyplot as plt
    import numpy as np

    from custlearn import cases
    from custlearn.plots import MAIN, NEUTRAL, REFERENCE

    rates = cases.visit_rates(customers, orders, as_of=as_of)

    def render(weeks: int, tolerance: int) -> tuple:
        did = cases.membership_did(customers, orders, post_weeks=weeks, tolerance=tolerance,
                                   cohort_weeks=cohort_weeks, as_of=as_of)
        est = cases.effect_estimates(rates, did, n_boot=n_boot, seed=seed)
        names = ["naive", "matched", "difference-in-differences"]
        y = np.arange(len(names))[::-1]
        eff = est.loc[names, "effect"].to_numpy()
        lo, hi = est.loc[names, "lower"].to_numpy(), est.loc[names, "upper"].to_numpy()
        fig, ax = plt.subplots(figsize=(8, 3.6))
        ax.errorbar((eff - 1) * 100, y, xerr=[(eff - lo) * 100, (hi - eff) * 100], fmt="o", color=MAIN,
                    capsize=5, lw=2, label=tr("estimate (95% interval)"))
        if true_effect is not None:
            ax.axvline((true_effect - 1) * 100, color=REFERENCE, ls="--", lw=2,
                       label=tr("true effect {true_effect:+.0%}", true_effect=true_effect - 1))
        ax.axvline(0, color=NEUTRAL, lw=1, label=tr("no effect"))
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.3), ncol=3)  # below the chart: the estimates stay clear
        ax.set_yticks(y, names)
        ax.set_xlim(-40, 110)
        ax.set_title(tr("Effect of membership: after-window {weeks} weeks, match within {tolerance} "
                        "visit(s)", weeks=weeks, tolerance=tolerance))
        ax.set_xlabel(tr("Change in visits per week from joining (%, 95% interval)"))
        ax.set_ylabel(tr("Estimate"))
        d = est.loc["difference-in-differences"]
        truth = tr(" True effect: **{effect:+.0%}**.", effect=true_effect - 1) if true_effect is not None else ""
        note = (tr("**{n:,} members matched.** Naive gap **{est:+.0%}**; matched after joining "
                   "**{est2:+.0%}**; difference-in-differences **{effect:+.0%}** (95% interval {lower:+.0%} to "
                   "{upper:+.0%}).{truth}",
                   n=len(did), est=est.loc['naive', 'effect'] - 1, est2=est.loc['matched', 'effect'] - 1,
                   effect=d['effect'] - 1, lower=d['lower'] - 1, upper=d['upper'] - 1, truth=truth))
        return note, fig

    controls = {"weeks": _slider("int", int(post_weeks), 4, 26, 1, tr("After-window (weeks)")),
                "tolerance": _slider("int", int(tolerance), 0, 8, 1, tr("Tolerance (visits before)"))}
    return demo(controls, render,
                title=tr("move the after-window and the matching tolerance; watch the estimates against "
                         "the truth."))


def footprint_planner(footprint: Any, *, orders_millions: float = 100, memory_gb: int = 8) -> Any:
    """Lesson 09: how big may the company grow before pandas no longer fits on the laptop?

    Scales the measured bytes per order of :func:`custlearn.sql.footprint`
    to the chosen number of orders (GB = bytes per order x orders / 10**9)
    and compares what is held in memory with the laptop's memory: a table of
    GB per way of holding the orders, a note, and the chart of
    :func:`custlearn.plots.footprint_chart` with the chosen size marked.
    Measured on a few thousand orders, the same per-order sizes hold for a
    company of any size.

    Parameters
    ----------
    footprint : DataFrame
        The output of ``sql.footprint`` (``where`` and ``bytes_per_order`` per row).
    orders_millions : float, default 100
        The first company size, in millions of orders (one of 1, 3, 10, 30, 100, 300, 1000).
    memory_gb : int, default 8
        The laptop's first memory, in GB (one of 4, 8, 16, 32, 64).

    Returns
    -------
    Demo
        Controls ``orders`` (millions) and ``memory`` (GB) above a note, the table and the chart.

    Raises
    ------
    DataError
        If ``footprint`` lacks ``where`` or ``bytes_per_order``, or a first value is not one of the choices.

    Examples
    --------
    >>> import pandas as pd
    >>> table = pd.DataFrame({"where": ["memory", "memory", "disk"], "bytes_per_order": [120.0, 10.0, 20.0]},
    ...                      index=pd.Index(["pandas: the whole table", "one row per customer", "Parquet file"], name="what"))
    >>> box = footprint_planner(table, orders_millions=100, memory_gb=8)
    >>> print(box.shown()[0])
    At **100 million orders**, 1 of the 2 ways of holding them in memory needs more than the laptop's **8 GB**. Keep the orders in files (Parquet file: 2.0 GB on disk) and let DuckDB read them; in pandas, only: one row per customer (1.0 GB).
    >>> box.controls["memory"].value = 16
    >>> print(box.shown()[0].split(" (")[0])
    At **100 million orders** everything fits in the laptop's **16 GB**
    >>> box.shown()[2]
    '[figure]'
    """
    import ipywidgets as w
    import matplotlib.pyplot as plt

    from custlearn._validate import require_columns, require_frame
    from custlearn.plots import footprint_chart

    require_frame(footprint, table="footprint")
    require_columns(footprint, ["where", "bytes_per_order"], table="footprint")
    sizes, memories = [1, 3, 10, 30, 100, 300, 1000], [4, 8, 16, 32, 64]
    for name, first, options in [("orders_millions", orders_millions, sizes), ("memory_gb", memory_gb, memories)]:
        if first not in options:
            raise DataError(tr("{name} must be one of {options}, but {first!r} was given.",
                               name=name, options=options, first=first))
    in_memory = footprint["where"] == "memory"

    def render(orders: int, memory: int) -> tuple:
        gb = footprint["bytes_per_order"] * orders * 1e6 / 1e9
        table = gb.round(2).to_frame("GB").assign(where=footprint["where"])
        table["fits"] = ["yes" if not m or g <= memory else "no" for m, g in zip(in_memory, gb)]
        held = gb[in_memory]
        fits = held[held <= memory]
        if len(fits) == len(held):
            note = (tr("At **{orders:,} million orders** everything fits in the laptop's **{memory} GB** "
                       "(the most: {max_held:,.1f} GB, {idxmax}). Leave some room for the system and JupyterLab.",
                       orders=orders, memory=memory, max_held=held.max(), idxmax=held.idxmax()))
        else:
            files = ", ".join(f"{what}: {gb[what]:,.1f} GB" for what in gb[~in_memory].index)  # names and sizes
            kept = ", ".join(f"{what} ({g:,.1f} GB)" for what, g in fits.items())
            too_big = len(held) - len(fits)
            held_by = dict(orders=orders, too_big=too_big, ways=len(held), memory=memory, files=files)
            note = (tr("At **{orders:,} million orders**, {too_big} of the {ways} ways of holding them in memory needs "
                       "more than the laptop's **{memory} GB**. Keep the orders in files ({files} on disk) and let "
                       "DuckDB read them", **held_by) if too_big == 1 else
                    tr("At **{orders:,} million orders**, {too_big} of the {ways} ways of holding them in memory need "
                       "more than the laptop's **{memory} GB**. Keep the orders in files ({files} on disk) and let "
                       "DuckDB read them", **held_by)) + (tr("; in pandas, only: {kept}.", kept=kept) if kept else ".")
        fig, ax = plt.subplots(figsize=(8, 4.5))
        footprint_chart(footprint, memory_gb=memory, orders=orders * 1e6, ax=ax)
        return note, table, fig

    style = {"description_width": "initial"}
    controls = {"orders": w.SelectionSlider(options=[(f"{s:,}", s) for s in sizes], value=orders_millions,
                                            description=tr("Orders (millions)"), continuous_update=False,
                                            style=style),
                "memory": w.SelectionSlider(options=[(str(m), m) for m in memories], value=memory_gb,
                                            description=tr("Laptop memory (GB)"), continuous_update=False,
                                            style=style)}
    return demo(controls, render,
                title=tr("grow the company and change the laptop; see which ways of holding the orders "
                         "still fit."))
