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
