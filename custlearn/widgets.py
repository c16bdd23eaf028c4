"""The course's "Try it" demos, built on ipywidgets.

Every demo returns a widget (a ``VBox`` of controls above an ``Output``), so a
lesson cell ends with the call and shows the demo. What a demo draws is put
into its ``Output`` directly (``Output.outputs``), not printed, so a notebook
executed for validation (nbval) stores nothing that changes between runs; the
first view is drawn when the demo is built.

Helpers for a lesson's own demos live here too; ``show(out, *objects)`` is
the one building block they share.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import cache
from typing import Any

__all__ = ["show", "demo", "table_explorer"]


def show(out: Any, *objects: Any) -> None:
    """Replace what the ``Output`` widget ``out`` shows with ``objects``.

    Matplotlib figures are rendered and closed (so the notebook does not show
    them a second time below the widget); strings are shown as Markdown.
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

    ``render(**values)`` returns one object or a tuple of objects to show
    (a DataFrame, a matplotlib Figure, a Markdown string). It runs once at
    once and again whenever a control changes.
    """
    import ipywidgets as w

    out = w.Output()

    def update(_change: Any = None) -> None:
        values = {name: ctl.value for name, ctl in controls.items()}
        result = render(**values)
        show(out, *(result if isinstance(result, tuple) else (result,)))

    for ctl in controls.values():
        ctl.observe(update, names="value")
    update()
    header = [w.HTML(f"<b>Try it:</b> {title}")] if title else []
    return _Demo([*header, w.HBox(list(controls.values())), out], title=title)


@cache
def _demo_class() -> type:
    import ipywidgets as w

    class Demo(w.VBox):
        """A VBox whose text form is a stable sentence, not a dump of its children.

        A notebook viewer without a live kernel (or nbval comparing outputs)
        shows this text instead of the controls.
        """

        def __init__(self, children: list, *, title: str = "") -> None:
            super().__init__(children)
            self._demo_title = title

        def __repr__(self) -> str:
            what = f": {self._demo_title}" if self._demo_title else ""
            return f"Try it{what} (interactive: run this cell in JupyterLab to use the controls)"

    return Demo


def _Demo(children: list, *, title: str = "") -> Any:  # noqa: N802 - builds the widget class lazily
    return _demo_class()(children, title=title)


def table_explorer(companies: Mapping[str, Any], *, rows: int = 5) -> Any:
    """Lesson 00: pick a company and one of its tables; see its size and first rows.

    ``companies`` maps a name to a loaded dataset (``datasets.load(name)``).
    """
    import ipywidgets as w

    names = list(companies)
    company = w.Dropdown(options=names, value=names[0], description="Company")
    table = w.Dropdown(options=list(companies[names[0]].tables), description="Table")

    def sync_tables(change: Any) -> None:
        table.options = list(companies[change["new"]].tables)

    company.observe(sync_tables, names="value")

    def render(company: str, table: str) -> tuple[str, Any]:
        df = companies[company].tables.get(table)
        if df is None:  # the table list is being switched to another company
            return ("",)
        summary = f"**{company}.{table}**: {len(df):,} rows × {df.shape[1]} columns"
        return summary, df.head(rows)

    return demo({"company": company, "table": table}, render,
                title="choose a company and a table to see what it holds.")


def lifecycle_thresholds(customers: Any, orders: Any, as_of: Any, *, surveys: Any = None,
                         at_risk_days: int = 90, lost_days: int = 180, top: int = 8,
                         amount_col: str = "amount", **kwargs: Any) -> Any:
    """Lesson 02: move the "at risk" and "lost" thresholds; watch the funnel and the at-risk list.

    The at-risk list ranks the customers who are at risk by what they spent in
    the 365 days before ``as_of``: the value a win-back campaign could save.
    """
    import ipywidgets as w
    import matplotlib.pyplot as plt
    import pandas as pd

    from custlearn import lifecycle
    from custlearn._plots_lifecycle import lifecycle_funnel

    as_of = pd.Timestamp(as_of)
    customer_col = kwargs.get("customer_col", "customer_id")
    date_col = kwargs.get("date_col", "order_date")
    recent = orders[(orders[date_col] > as_of - pd.Timedelta(days=365)) & (orders[date_col] <= as_of)]
    spend = recent.groupby(customer_col)[amount_col].sum()

    at_risk = w.IntSlider(value=at_risk_days, min=30, max=360, step=15, description="At risk after",
                          continuous_update=False, style={"description_width": "initial"})
    lost = w.IntSlider(value=lost_days, min=60, max=540, step=15, description="Lost after",
                       continuous_update=False, style={"description_width": "initial"})

    def render(at_risk: int, lost: int) -> tuple:
        if lost <= at_risk:
            return (f"**Lost after** ({lost} days) must be longer than **at risk after** ({at_risk} days).",)
        stages = lifecycle.assign_stages(customers, orders, as_of, surveys=surveys, at_risk_days=at_risk,
                                         lost_days=lost, **kwargs)
        fig, ax = plt.subplots(figsize=(8, 3.8))
        lifecycle_funnel(stages, ax=ax, title=f"Stages on {as_of:%d %b %Y}: at risk after {at_risk} days, "
                                              f"lost after {lost}")
        risky = stages[stages["stage"] == "at risk"].assign(spend_last_365_days=spend).fillna({"spend_last_365_days": 0})
        risky = risky.sort_values(["spend_last_365_days", "days_since_last"], ascending=[False, True]).head(top)
        table = risky[["purchases", "last_purchase", "days_since_last", "spend_last_365_days"]].round(
            {"spend_last_365_days": 2})
        n_risky = int((stages["stage"] == "at risk").sum())
        note = (f"**{n_risky:,} customer{'' if n_risky == 1 else 's'} at risk**; they spent "
                f"USD {spend.reindex(stages.index[stages['stage'] == 'at risk']).sum():,.0f} in the last 365 days. "
                f"The {top} most valuable:")
        return fig, note, table

    return demo({"at_risk": at_risk, "lost": lost}, render,
                title="move the thresholds and watch the funnel and the at-risk list.")


def nps_simulator(promoters: float = 0.30, detractors: float = 0.20, answers: int = 200) -> Any:
    """Lesson 04: move the shares of promoters and detractors and the number of answers.

    Shows the Net Promoter Score, its 95% interval (``loyalty.nps_interval``,
    normal method) and a bar of the three groups. The interval shrinks only
    with the square root of the number of answers: a 3-point change between
    two small surveys is usually noise.
    """
    import ipywidgets as w
    import matplotlib.pyplot as plt

    from custlearn import loyalty

    style = {"description_width": "initial"}
    promoters_w = w.FloatSlider(value=promoters, min=0.0, max=1.0, step=0.01, description="Promoters (9-10)",
                                readout_format=".0%", continuous_update=False, style=style)
    detractors_w = w.FloatSlider(value=detractors, min=0.0, max=1.0, step=0.01, description="Detractors (0-6)",
                                 readout_format=".0%", continuous_update=False, style=style)
    answers_w = w.IntSlider(value=answers, min=20, max=5000, step=20, description="Answers",
                            continuous_update=False, style=style)

    def render(promoters: float, detractors: float, answers: int) -> tuple:
        if promoters + detractors > 1 + 1e-9:
            return (f"Promoters ({promoters:.0%}) and detractors ({detractors:.0%}) add up to more than 100%: "
                    f"lower one of them.",)
        n_pro = int(round(promoters * answers))
        n_det = min(int(round(detractors * answers)), answers - n_pro)
        n_pas = answers - n_pro - n_det
        scores = [10] * n_pro + [8] * n_pas + [3] * n_det
        ci = loyalty.nps_interval(scores)
        half = (ci.upper - ci.lower) / 2
        noise = 1.96 * (2 ** 0.5) * ci.standard_error
        fig, ax = plt.subplots(figsize=(8, 1.9))
        left = 0.0
        for count, label, colour in ((n_det, "Detractors", "#D55E00"), (n_pas, "Passives", "#999999"),
                                     (n_pro, "Promoters", "#009E73")):
            share = count / answers
            ax.barh([0], [share * 100], left=left, color=colour, label=label)
            if share >= 0.08:
                ax.text(left + share * 50, 0, f"{label}\n{share:.0%}", ha="center", va="center", color="white",
                        fontweight="bold")
            left += share * 100
        ax.set_xlim(0, 100)
        ax.set_yticks([])
        ax.set_xlabel("Share of answers (%)")
        ax.set_title(f"NPS = {ci.nps:.0f} (95% interval {ci.lower:.0f} to {ci.upper:.0f}), {answers:,} answers")
        note = (f"**NPS = {ci.nps:.1f}** = {n_pro / answers:.0%} promoters − {n_det / answers:.0%} detractors. "
                f"95% interval **{ci.lower:.1f} to {ci.upper:.1f}** (± {half:.1f} points; standard error "
                f"{ci.standard_error:.1f}). Two surveys of {answers:,} answers each from the *same* customers "
                f"differ by chance alone by up to **{noise:.1f} points** (19 times in 20): a smaller change "
                f"between two such surveys may be noise.")
        return fig, note

    return demo({"promoters": promoters_w, "detractors": detractors_w, "answers": answers_w}, render,
                title="move the shares of promoters and detractors and the number of answers; "
                      "watch the NPS and its interval.")


def margin_of_error_explorer(*, n: int = 400, share: float = 0.45, target_margin: float = 0.03,
                             confidence: float = 0.95, population: int | None = None,
                             max_n: int = 3000) -> Any:
    """Lesson 03: how sure is a survey share? Move the sample size and the observed share.

    Shows the Wilson interval of the observed share (``satisfaction.proportion_ci``),
    its margin of error (``satisfaction.margin_of_error``), and how many
    respondents a target margin needs (``satisfaction.required_sample_size``),
    planning with the observed share and with the cautious 50%.
    ``population`` applies the finite-population correction when given.
    """
    import ipywidgets as w
    import matplotlib.pyplot as plt
    import numpy as np

    from custlearn import satisfaction
    from custlearn.plots import PALETTE

    max_n = max(int(max_n), int(n), 20)
    style = {"description_width": "initial"}
    n_w = w.IntSlider(value=int(n), min=10, max=max_n, step=10, description="Respondents n",
                      continuous_update=False, style=style)
    share_w = w.FloatSlider(value=float(share), min=0.0, max=1.0, step=0.01, description="Observed share",
                            readout_format=".0%", continuous_update=False, style=style)
    target_w = w.FloatSlider(value=float(target_margin), min=0.01, max=0.10, step=0.005,
                             description="Target margin ±", readout_format=".1%", continuous_update=False,
                             style=style)
    level = f"{confidence:.0%}"

    def render(n: int, share: float, target: float) -> tuple:
        if population is not None and n > population:
            return (f"The sample (n = {n:,}) cannot be larger than the population ({population:,}).",)
        yes = int(round(share * n))
        observed = yes / n
        few = min(yes, n - yes) < 5  # the normal (plus-or-minus) margin breaks down here
        ci = satisfaction.proportion_ci(yes, n, confidence)
        margin = satisfaction.margin_of_error(n, p=observed, confidence=confidence, population=population)
        need = satisfaction.required_sample_size(target, p=observed, confidence=confidence, population=population)
        need_safe = satisfaction.required_sample_size(target, p=0.5, confidence=confidence, population=population)

        top = population if population is not None else max_n
        sizes = np.unique(np.linspace(10, top, 300).astype(int))
        curve = [100 * satisfaction.margin_of_error(int(m), p=observed, confidence=confidence, population=population)
                 for m in sizes]
        safe = [100 * satisfaction.margin_of_error(int(m), p=0.5, confidence=confidence, population=population)
                for m in sizes]
        fig, ax = plt.subplots(figsize=(8, 3.8))
        ax.plot(sizes, safe, color="#B0B0B0", lw=2, ls="--", label="planning with a 50% share")
        ax.plot(sizes, curve, color=PALETTE[0], lw=2.5, label=f"observed share {observed:.0%}")
        ax.axhline(100 * target, color=PALETTE[3], lw=1.5, label=f"target ±{100 * target:.1f} points")
        ax.scatter([n], [100 * margin], color=PALETTE[0], s=70, zorder=3)
        if need <= top:
            ax.axvline(need, color=PALETTE[3], lw=1, ls=":")
        ax.set_ylim(0, min(safe[0], max(15.0, 130 * margin, 200 * target)))  # keep the useful range in view
        ax.set_xlim(0, top)
        ax.set_title(f"Margin of error of a share at {level} confidence")
        ax.set_xlabel("Respondents (n)")
        ax.set_ylabel("Margin of error (± percentage points)")
        ax.legend(loc="upper right")
        head = (f"**n = {n:,}, {yes:,} said yes ({observed:.1%})**: {level} Wilson interval "
                f"{ci.lower:.1%} to {ci.upper:.1%}")
        if few:
            note = (f"{head}. With fewer than 5 'yes' or 'no' answers the ± margin formula breaks down "
                    f"(it would claim ±{100 * margin:.1f} points): trust the Wilson interval.  \n"
                    f"For ±{100 * target:.1f} points, plan with 50%: **{need_safe:,} respondents**.")
        else:
            note = (f"{head}; margin of error ±{100 * margin:.1f} percentage points.  \n"
                    f"For ±{100 * target:.1f} points you need **{need:,} respondents** at this share "
                    f"({need_safe:,} if you plan with 50%). Four times the respondents halve the margin.")
        return note, fig

    return demo({"n": n_w, "share": share_w, "target": target_w}, render,
                title="move the number of respondents and the observed share; watch the interval "
                      "and the sample size a target margin needs.")


def clv_calculator(margin: float = 100.0, retention: float = 0.8, discount: float = 0.12, *,
                   years: int = 15, currency: str = "USD") -> Any:
    """Lesson 05: the Gupta-Lehmann lifetime value; move margin, retention and discount rate.

    Shows ``CLV = m r / (1 + i - r)`` (``value.clv_simple``; Gupta & Lehmann
    2003), the margin multiple ``r / (1 + i - r)`` and a bar chart of the
    discounted expected margin of each year, ``m r**t / (1 + i)**t``: what a
    customer acquired today is expected to bring in year t. All three inputs
    are per year. Retention weighs far more than the discount rate: from 80%
    to 90% retention the multiple rises from 2.5 to 4.1 (at 12%).
    """
    import ipywidgets as w
    import matplotlib.pyplot as plt
    import numpy as np

    from custlearn import value
    from custlearn.plots import PALETTE

    style = {"description_width": "initial"}
    margin_w = w.FloatSlider(value=float(margin), min=0.0, max=max(500.0, float(margin)), step=5.0,
                             description=f"Margin per year ({currency})", readout_format=".0f",
                             continuous_update=False, style=style)
    retention_w = w.FloatSlider(value=float(retention), min=0.0, max=0.98, step=0.01, description="Retention rate",
                                readout_format=".0%", continuous_update=False, style=style)
    discount_w = w.FloatSlider(value=float(discount), min=0.0, max=0.30, step=0.01, description="Discount rate",
                               readout_format=".0%", continuous_update=False, style=style)

    def render(margin: float, retention: float, discount: float) -> tuple:
        clv_value = float(value.clv_simple(margin, retention, discount))
        multiple = retention / (1 + discount - retention)
        t = np.arange(1, years + 1)
        per_year = margin * retention ** t / (1 + discount) ** t
        shown = float(per_year.sum())
        first5 = float(per_year[:5].sum())
        fig, ax = plt.subplots(figsize=(8, 3.2))
        ax.bar(t, per_year, color=PALETTE[0])
        ax.set_xticks(t)
        ax.set_title(f"Discounted expected margin by year: CLV = {currency} {clv_value:,.0f}")
        ax.set_xlabel("Year after acquisition")
        ax.set_ylabel(f"Expected margin today ({currency})")
        ax.set_ylim(0, max(margin, 1.0))
        head = (f"**CLV = {currency} {margin:,.0f} × {retention:.0%} / (1 + {discount:.0%} − {retention:.0%}) "
                f"= {currency} {clv_value:,.0f}**; margin multiple **{multiple:.2f}** "
                f"(the customer is worth {multiple:.2f} times one year's margin).  \n")
        if clv_value > 0:
            note = head + (f"The first 5 years bring {first5 / clv_value:.0%} of it; the {years} years drawn bring "
                           f"{currency} {shown:,.0f}, the years after them the rest.")
        else:
            note = head + "With no margin or no retention a customer brings nothing after the first year."
        return note, fig

    return demo({"margin": margin_w, "retention": retention_w, "discount": discount_w}, render,
                title="move the margin, the retention rate and the discount rate; watch the lifetime value.")


def duplicate_threshold_explorer(customers: Any, duplicates: Any, *, threshold: float = 0.9,
                                 customer_col: str = "customer_id", **kwargs: Any) -> Any:
    """Lesson 01: move the name-similarity threshold; watch found, true and false duplicate pairs.

    ``duplicates`` says which record is a copy of which (columns
    ``customer_id`` and ``duplicate_of``, as ``datasets.duplicates("shop")``).
    Candidate pairs come once from ``customer_data.find_duplicates`` (blocked,
    so it stays fast); the slider only filters them. Two rules are compared:
    names alone (similarity at least the threshold), and names plus a
    matching e-mail or phone. Other keyword arguments go to ``find_duplicates``.
    """
    import ipywidgets as w
    import pandas as pd

    from custlearn import customer_data
    from custlearn._plots_customer_data import name_similarity_chart

    pairs = customer_data.find_duplicates(customers, name_threshold=0.5, customer_col=customer_col, **kwargs)
    person = dict(zip(duplicates[customer_col], duplicates["duplicate_of"]))  # record -> the true customer
    is_true = pd.Series([person.get(a, a) == person.get(b, b) for a, b in zip(pairs["id_1"], pairs["id_2"])],
                        index=pairs.index, dtype=bool)
    sizes = pd.Series(list(person.values())).value_counts() + 1  # records per duplicated person
    n_true = int((sizes * (sizes - 1) // 2).sum())  # pairs of records that are one person
    key = pairs["email_match"] | pairs["phone_match"]
    slider = w.FloatSlider(value=float(threshold), min=0.5, max=1.0, step=0.01, description="Name similarity ≥",
                           readout_format=".2f", continuous_update=False, style={"description_width": "initial"})

    def render(threshold: float) -> tuple:
        named = pairs["name_similarity"].fillna(0) >= threshold - 1e-12
        rows = []
        for rule, found in ((f"name similarity ≥ {threshold:.2f}", named),
                            (f"name ≥ {threshold:.2f} and the same e-mail or phone", named & key)):
            rows.append({"rule": rule, "pairs found": int(found.sum()), "true pairs": int((found & is_true).sum()),
                         "false pairs": int((found & ~is_true).sum()),
                         "true pairs missed": n_true - int((found & is_true).sum())})
        table = pd.DataFrame(rows).set_index("rule")
        import matplotlib.pyplot as plt

        fig, ax = plt.subplots(figsize=(8, 3.6))
        name_similarity_chart(pairs, true_pair=is_true, threshold=threshold, ax=ax,
                              title="Candidate pairs by name similarity (truth in colour)")
        ax.set_xlim(0.48, 1.02)
        by_name = rows[0]
        note = (f"On names alone, a threshold of **{threshold:.2f}** finds **{by_name['pairs found']:,} pairs**: "
                f"{by_name['true pairs']:,} true and **{by_name['false pairs']:,} false** (different people with "
                f"similar names), and misses {by_name['true pairs missed']:,} of the {n_true:,} true pairs. "
                f"Requiring also the same e-mail or phone: {rows[1]['true pairs']:,} true and "
                f"**{rows[1]['false pairs']:,} false** pairs.")
        return fig, note, table

    return demo({"threshold": slider}, render,
                title="move the name-similarity threshold; watch the pairs found, true and false.")


def churn_window_explorer(customers: Any, orders: Any, truth: Any, as_of: Any, *, window_days: int = 137,
                          alive_col: str = "alive_at_end", customer_col: str = "customer_id",
                          date_col: str = "order_date") -> Any:
    """Lesson 06: move the churn window; watch the churn rate, the false alarms and the misses.

    Non-contractual churn is a *definition*: a customer silent for more than
    ``window_days`` at ``as_of`` is labelled churned (as in
    :func:`custlearn.churn.churn_durations`). ``truth`` (e.g.
    ``datasets.truth("shop")``) says who is really still active
    (``alive_col``). A short window calls many truly active customers
    churned (false alarms); a long one misses customers who are already gone.
    """
    import ipywidgets as w
    import matplotlib.pyplot as plt
    import numpy as np
    import pandas as pd

    from custlearn.plots import PALETTE

    as_of = pd.Timestamp(as_of).normalize()
    dates = pd.to_datetime(orders[date_col]).dt.normalize()
    keep = (dates <= as_of).to_numpy()
    last = dates[keep].groupby(orders[customer_col].to_numpy()[keep]).max()
    silent = (as_of - last).dt.days.to_numpy()
    table = truth.set_index(customer_col) if customer_col in getattr(truth, "columns", []) else truth
    alive = table[alive_col].reindex(last.index).fillna(False).astype(bool).to_numpy()
    n = len(silent)
    grid = np.arange(30, 541, 5)
    false_alarms = np.array([int(((silent > g) & alive).sum()) for g in grid])
    missed = np.array([int(((silent <= g) & ~alive).sum()) for g in grid])

    slider = w.IntSlider(value=int(window_days), min=30, max=540, step=1, description="Churn window (days)",
                         continuous_update=False, style={"description_width": "initial"},
                         layout={"width": "480px"})

    def render(window: int) -> tuple:
        churned = silent > window
        fa = int((churned & alive).sum())
        miss = int((~churned & ~alive).sum())
        fig, ax = plt.subplots(figsize=(8, 3.8))
        ax.plot(grid, false_alarms, color=PALETTE[0], lw=2, label="Labelled churned, truly still active")
        ax.plot(grid, missed, color=PALETTE[3], lw=2, label="Truly gone, not labelled churned")
        ax.axvline(window, color="grey", ls="--", lw=1.2)
        ax.plot([window, window], [fa, miss], "o", color="black", ms=5)
        ax.set_xlim(grid[0], grid[-1])
        ax.set_ylim(bottom=0)
        ax.set_title(f"Churn window {window} days: {churned.mean():.0%} of buyers labelled churned")
        ax.set_xlabel("Churn window: days without a purchase (days)")
        ax.set_ylabel("Customers (count)")
        ax.legend(loc="upper right")
        note = (f"**Window {window} days:** {int(churned.sum()):,} of {n:,} buyers ({churned.mean():.0%}) are "
                f"labelled churned. Of them, **{fa:,} are truly still active** (false alarms). "
                f"**{miss:,} truly gone customers** bought within the window and are **missed**.")
        counts = pd.DataFrame(
            {"truly still active": [int((~churned & alive).sum()), fa],
             "truly gone": [miss, int((churned & ~alive).sum())]},
            index=pd.Index(["labelled active", "labelled churned"], name="label"))
        return fig, note, counts

    return demo({"window": slider}, render,
                title="move the churn window; watch the churn rate, the false alarms and the misses.")


def rfm_cutoff_explorer(scores: Any, *, min_recency: int = 4, min_frequency: int = 4) -> Any:
    """Lesson 05: choose the R and F score cut-offs of a "best customers" group.

    ``scores`` is the output of :func:`custlearn.value.rfm_scores` (it keeps
    ``monetary``). The grid shows how many customers hold each recency x
    frequency score; the framed corner is the group the cut-offs select, and
    the note says what share of customers and of revenue it holds.
    """
    import ipywidgets as w
    import matplotlib.pyplot as plt
    import numpy as np
    from matplotlib.patches import Rectangle

    bins = int(max(scores["recency_score"].max(), scores["frequency_score"].max()))
    grid = (scores.groupby(["frequency_score", "recency_score"]).size()
            .unstack(fill_value=0).reindex(index=range(1, bins + 1), columns=range(1, bins + 1), fill_value=0))
    total_revenue = float(scores["monetary"].sum())

    r_slider = w.IntSlider(value=min_recency, min=1, max=bins, description="R score at least",
                           continuous_update=False, style={"description_width": "initial"})
    f_slider = w.IntSlider(value=min_frequency, min=1, max=bins, description="F score at least",
                           continuous_update=False, style={"description_width": "initial"})

    def render(r_min: int, f_min: int) -> tuple:
        chosen = (scores["recency_score"] >= r_min) & (scores["frequency_score"] >= f_min)
        fig, ax = plt.subplots(figsize=(6.2, 4.6))
        ax.imshow(grid.to_numpy(), origin="lower", cmap="Blues")
        for (i, j), n in np.ndenumerate(grid.to_numpy()):
            ax.text(j, i, f"{n:,}", ha="center", va="center", fontsize=10,
                    color="white" if n > grid.to_numpy().max() * 0.6 else "black")
        ax.add_patch(Rectangle((r_min - 1.5, f_min - 1.5), bins - r_min + 1, bins - f_min + 1,
                               fill=False, edgecolor="#D55E00", linewidth=3))
        ax.set_xticks(range(bins), [str(k) for k in range(1, bins + 1)])
        ax.set_yticks(range(bins), [str(k) for k in range(1, bins + 1)])
        ax.set_xlabel("Recency score (5 = bought most recently)")
        ax.set_ylabel("Frequency score (5 = most orders)")
        ax.set_title("Customers by recency and frequency score")
        ax.grid(False)
        share_rev = float(scores.loc[chosen, "monetary"].sum()) / total_revenue if total_revenue else float("nan")
        note = (f"**Selected (R ≥ {r_min} and F ≥ {f_min}): {int(chosen.sum()):,} customers, "
                f"{chosen.mean():.0%} of buyers, {share_rev:.0%} of revenue.** "
                f"Loosen a cut-off and the group grows but its average value falls.")
        return note, fig

    return demo({"r_min": r_slider, "f_min": f_slider}, render,
                title="move the score cut-offs of the best-customer group; watch its size and its revenue.")


def retention_budget_planner(candidates: Any, *, budget: float = 20_000.0, contact_cost: float = 5.0,
                             save_rate: float = 0.20, risk_col: str = "p_left", value_col: str = "value_if_kept",
                             currency: str = "USD") -> Any:
    """Lesson 07a: move the budget, the cost of a contact and the save rate; watch the plan and its return.

    ``candidates`` has one row per customer with the probability that the
    customer has left or is leaving (``risk_col``, e.g. 1 - P(alive)) and the
    value the customer brings if kept (``value_col``, in money). The plan ranks
    customers by the expected value a contact saves::

        expected value saved = save rate x P(left) x value if kept

    and contacts them in that order while a contact pays for itself (expected
    value saved >= contact cost) and the budget lasts. It shows the customers
    contacted, the money spent, the expected value saved and the return on
    investment, ROI = (value saved - cost) / cost.
    """
    import ipywidgets as w
    import matplotlib.pyplot as plt
    import numpy as np

    from custlearn.plots import PALETTE

    risk = np.asarray(candidates[risk_col], dtype=float)
    worth = np.asarray(candidates[value_col], dtype=float)
    style = {"description_width": "initial"}
    budget_w = w.FloatSlider(value=float(budget), min=0.0, max=max(50_000.0, float(budget)), step=500.0,
                             description=f"Budget ({currency})", readout_format=",.0f", continuous_update=False,
                             style=style)
    cost_w = w.FloatSlider(value=float(contact_cost), min=0.5, max=max(30.0, float(contact_cost)), step=0.5,
                           description=f"Cost per contact ({currency})", readout_format=".1f",
                           continuous_update=False, style=style)
    save_w = w.FloatSlider(value=float(save_rate), min=0.01, max=0.60, step=0.01, description="Save rate",
                           readout_format=".0%", continuous_update=False, style=style)

    def render(budget: float, cost: float, save: float) -> tuple:
        saved = np.sort(np.nan_to_num(save * risk * worth))[::-1]      # best contact first
        pays = int((saved >= cost).sum())                                # contacts that pay for themselves
        affordable = int(np.floor(budget / cost + 1e-9)) if cost > 0 else len(saved)
        n = min(pays, affordable)
        spent, value_saved = n * cost, float(saved[:n].sum())
        fig, ax = plt.subplots(figsize=(8, 3.8))
        k = np.arange(0, min(len(saved), max(2 * pays, n, 10)) + 1)
        ax.plot(k * cost, np.concatenate([[0.0], np.cumsum(saved)])[k], color=PALETTE[0], lw=2.5,
                label="expected value saved")
        ax.plot(k * cost, k * cost, color="grey", ls="--", lw=1.2, label="money spent (break-even)")
        if n:
            ax.plot([spent], [value_saved], "o", color=PALETTE[3], ms=7, label="the plan")
        if budget < k[-1] * cost:
            ax.axvline(budget, color=PALETTE[1], lw=1.2, label="budget")
        ax.set_title(f"Plan: contact {n:,} customers for {currency} {spent:,.0f}")
        ax.set_xlabel(f"Money spent on contacts, best customers first ({currency})")
        ax.set_ylabel(f"Expected value saved ({currency})")
        ax.legend(loc="lower right")
        if n == 0:
            note = (f"**No customer is worth a contact** at {currency} {cost:,.2f} per contact and a "
                    f"{save:.0%} save rate: the best one would save {currency} {saved[0] if len(saved) else 0:,.2f}.")
            return note, fig
        roi = (value_saved - spent) / spent
        why = ("the budget runs out first" if affordable < pays else
               f"the next contact would save less than it costs; {currency} {budget - spent:,.0f} of the budget "
               f"is better kept or spent elsewhere")
        note = (f"**{n:,} customer{'' if n == 1 else 's'} contacted** for **{currency} {spent:,.0f}**; expected value saved "
                f"**{currency} {value_saved:,.0f}**, net **{currency} {value_saved - spent:,.0f}**, "
                f"**ROI {roi:.0%}**. The plan stops at {n:,} because {why}.")
        return note, fig

    return demo({"budget": budget_w, "cost": cost_w, "save": save_w}, render,
                title="move the budget, the cost of a contact and the save rate; watch who is contacted "
                      "and what it returns.")


def bank_practice_simulator(closures_per_year: float, estimated: Any, *, planted: Any = None,
                            attitude_points: float = 0.5, knowledge_points: float = 0.5,
                            unresolved_cut: float = 0.5, value_per_account: float | None = None,
                            currency: str = "USD") -> Any:
    """Lesson 07c (bank case): which practice saves most accounts? Move three levers; see closures avoided per year.

    Levers: raise the average staff-attitude score by ``attitude_points``
    (survey points, 1-7 scale), the product-knowledge score by
    ``knowledge_points``, and cut unresolved complaints by ``unresolved_cut``
    (a share). ``estimated`` maps ``"staff_attitude"`` and
    ``"product_knowledge"`` to ``(b, lower, upper)``: the change in the log
    closure rate per survey point (a closure-rate model, lower/upper its 95 %
    interval), and ``"unresolved"`` to ``(excess, lower, upper)``: closures
    per year that resolving *every* unresolved complaint would avoid.
    Closures avoided per year::

        staff or knowledge:  closures_per_year * (1 - exp(b * points))
        complaints:          cut * excess
        all three:           closures_per_year * (1 - exp(b_att * points_att + b_kn * points_kn)) + cut * excess

    ``planted`` (optional, instructors) has the same keys with single numbers
    from the data's generating parameters; a check box shows them next to the
    estimates. ``value_per_account`` (money per account-year) turns closures
    avoided into margin kept in the first year.
    """
    import ipywidgets as w
    import matplotlib.pyplot as plt
    import numpy as np
    import pandas as pd

    from custlearn.plots import PALETTE

    def triple(v: Any) -> tuple[float, float, float]:
        if isinstance(v, (int, float)):
            return float(v), float(v), float(v)
        a, lo, hi = (float(x) for x in v)
        return a, lo, hi

    est = {k: triple(estimated[k]) for k in ("staff_attitude", "product_knowledge", "unresolved")}
    true = {k: triple(planted[k])[0] for k in ("staff_attitude", "product_knowledge", "unresolved")} if planted else None
    style = {"description_width": "initial"}
    att_w = w.FloatSlider(value=float(attitude_points), min=0.0, max=2.0, step=0.1, readout_format=".1f",
                          description="Staff attitude + (points)", continuous_update=False, style=style)
    kn_w = w.FloatSlider(value=float(knowledge_points), min=0.0, max=2.0, step=0.1, readout_format=".1f",
                         description="Product knowledge + (points)", continuous_update=False, style=style)
    cut_w = w.FloatSlider(value=float(unresolved_cut), min=0.0, max=1.0, step=0.05, readout_format=".0%",
                          description="Unresolved complaints cut by", continuous_update=False, style=style)
    controls = {"attitude": att_w, "knowledge": kn_w, "cut": cut_w}
    if true is not None:
        controls["show_planted"] = w.Checkbox(value=False, description="Instructor: show the planted effects")

    def avoided(b: float, points: float) -> float:
        return closures_per_year * (1.0 - float(np.exp(b * points)))

    def render(attitude: float, knowledge: float, cut: float, show_planted: bool = False) -> tuple:
        rows = {}
        for name, key, points in (("Staff attitude training", "staff_attitude", attitude),
                                  ("Product knowledge training", "product_knowledge", knowledge)):
            b, lo, hi = est[key]
            vals = sorted([avoided(b, points), avoided(lo, points), avoided(hi, points)])
            rows[name] = {"estimate": avoided(b, points), "low": vals[0], "high": vals[2],
                          "planted": avoided(true[key], points) if true else np.nan}
        x, xlo, xhi = est["unresolved"]
        rows["Complaint handling"] = {"estimate": cut * x, "low": cut * min(xlo, xhi), "high": cut * max(xlo, xhi),
                                      "planted": cut * true["unresolved"] if true else np.nan}
        ba, bk = est["staff_attitude"], est["product_knowledge"]
        both = [closures_per_year * (1 - float(np.exp(ba[i] * attitude + bk[i] * knowledge))) for i in range(3)]
        total = {"estimate": both[0] + cut * x, "low": min(both) + cut * min(xlo, xhi),
                 "high": max(both) + cut * max(xlo, xhi),
                 "planted": (closures_per_year * (1 - float(np.exp(true["staff_attitude"] * attitude
                                                                    + true["product_knowledge"] * knowledge)))
                             + cut * true["unresolved"]) if true else np.nan}
        rows["All three"] = total
        table = pd.DataFrame(rows).T
        table.index.name = "practice"
        fig, ax = plt.subplots(figsize=(8, 3.6))
        y = np.arange(len(table))[::-1]
        h = 0.38 if show_planted else 0.6
        err = np.vstack([table["estimate"] - table["low"], table["high"] - table["estimate"]])
        ax.barh(y + (h / 2 if show_planted else 0), table["estimate"], height=h, color=PALETTE[0],
                xerr=err, capsize=4, label="Estimated from the data (95% interval)")
        if show_planted:
            ax.barh(y - h / 2, table["planted"], height=h, color=PALETTE[3], label="Planted (true) effect")
        ax.set_yticks(y, list(table.index))
        top = float(np.nanmax(table[["high", "planted"]].to_numpy())) if show_planted else float(table["high"].max())
        ax.set_xlim(0, max(top * 1.1, 1.0))
        ax.set_title(f"Account closures avoided per year (of about {closures_per_year:,.0f})")
        ax.set_xlabel("Closures avoided per year (accounts)")
        ax.set_ylabel("Practice")
        ax.legend(loc="upper right")
        order = table.drop(index="All three")["estimate"].sort_values(ascending=False)
        note = (f"**+{attitude:.1f} points of staff attitude, +{knowledge:.1f} of product knowledge, "
                f"{cut:.0%} fewer unresolved complaints:** about **{total['estimate']:,.0f} closures avoided per "
                f"year** (95% interval {total['low']:,.0f} to {total['high']:,.0f}). "
                f"Largest single lever here: **{order.index[0].lower()}** ({order.iloc[0]:,.0f} a year).")
        if value_per_account is not None:
            note += (f" At {currency} {value_per_account:,.0f} margin per account-year, that keeps about "
                     f"{currency} {total['estimate'] * value_per_account:,.0f} of margin in the first year.")
        if show_planted:
            note += f"  \nWith the planted effects: **{total['planted']:,.0f} closures avoided per year**."
            if all(est[k][0] > true[k] for k in ("staff_attitude", "product_knowledge")):
                note += (" The data's estimates of the staff effects are smaller than the planted ones: survey "
                         "scores measure the experience with noise, which shrinks the slopes.")
        else:
            table = table.drop(columns="planted")
        return note, fig, table.round(1)

    return demo(controls, render,
                title="raise staff attitude and product knowledge, cut unresolved complaints; watch the "
                      "closures avoided per year.")


def membership_effect_explorer(customers: Any, orders: Any, true_effect: float | None = None, *, as_of: Any = None,
                               post_weeks: int = 13, tolerance: int = 1, cohort_weeks: int = 4,
                               n_boot: int = 300, seed: int = 7) -> Any:
    """Lesson 07b: move the after-window and the matching tolerance; watch naive vs matched vs true effect.

    Uses :func:`custlearn.cases.visit_rates`, :func:`~custlearn.cases.membership_did` and
    :func:`~custlearn.cases.effect_estimates` (bootstrap with ``n_boot`` samples and a fixed ``seed``).
    ``true_effect`` (e.g. ``datasets.parameters("cafe")["membership"]["true_effect"]``) is drawn as a
    dashed line when given. A looser tolerance lets in less similar comparison guests and pulls the
    matched estimate towards the naive gap; a longer after-window leaves fewer members to match.
    """
    import ipywidgets as w
    import matplotlib.pyplot as plt
    import numpy as np

    from custlearn import cases
    from custlearn.plots import PALETTE

    rates = cases.visit_rates(customers, orders, as_of=as_of)
    style = {"description_width": "initial"}
    weeks_w = w.IntSlider(value=int(post_weeks), min=4, max=26, step=1, description="After-window (weeks)",
                          continuous_update=False, style=style)
    tol_w = w.IntSlider(value=int(tolerance), min=0, max=8, step=1, description="Tolerance (visits before)",
                        continuous_update=False, style=style)

    def render(weeks: int, tolerance: int) -> tuple:
        did = cases.membership_did(customers, orders, post_weeks=weeks, tolerance=tolerance,
                                   cohort_weeks=cohort_weeks, as_of=as_of)
        est = cases.effect_estimates(rates, did, n_boot=n_boot, seed=seed)
        names = ["naive", "matched", "difference-in-differences"]
        y = np.arange(len(names))[::-1]
        eff = est.loc[names, "effect"].to_numpy()
        lo, hi = est.loc[names, "lower"].to_numpy(), est.loc[names, "upper"].to_numpy()
        fig, ax = plt.subplots(figsize=(8, 3.2))
        ax.errorbar((eff - 1) * 100, y, xerr=[(eff - lo) * 100, (hi - eff) * 100], fmt="o", color=PALETTE[0],
                    capsize=5, lw=2)
        if true_effect is not None:
            ax.axvline((true_effect - 1) * 100, color=PALETTE[3], ls="--", lw=2,
                       label=f"true effect {true_effect - 1:+.0%}")
            ax.legend(loc="lower right")
        ax.axvline(0, color="grey", lw=1)
        ax.set_yticks(y, names)
        ax.set_xlim(-40, 110)
        ax.set_title(f"Effect of membership: after-window {weeks} weeks, match within {tolerance} visit(s)")
        ax.set_xlabel("Change in visits per week from joining (%, 95% interval)")
        ax.set_ylabel("Estimate")
        d = est.loc["difference-in-differences"]
        truth = f" True effect: **{true_effect - 1:+.0%}**." if true_effect is not None else ""
        note = (f"**{len(did):,} members matched.** Naive gap **{est.loc['naive', 'effect'] - 1:+.0%}**; "
                f"matched after joining **{est.loc['matched', 'effect'] - 1:+.0%}**; difference-in-differences "
                f"**{d['effect'] - 1:+.0%}** (95% interval {d['lower'] - 1:+.0%} to {d['upper'] - 1:+.0%}).{truth}")
        return note, fig

    return demo({"weeks": weeks_w, "tolerance": tol_w}, render,
                title="move the after-window and the matching tolerance; watch the estimates against the truth.")
