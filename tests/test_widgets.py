"""The "Try it" demos: drawn at once, redrawn on change, stable text form."""

import ipywidgets as w
import matplotlib.pyplot as plt
import pandas as pd

from custlearn import widgets


def _texts(out):
    return [o["data"].get("text/markdown", o["data"].get("text/plain", "")) for o in out.outputs]


def test_demo_draws_at_once_and_redraws_on_change():
    slider = w.IntSlider(value=2, min=1, max=5)
    calls = []

    def render(n):
        calls.append(n)
        return f"n = {n}", pd.DataFrame({"x": range(n)})

    box = widgets.demo({"n": slider}, render, title="move n")
    out = box.children[-1]
    assert calls == [2]
    assert _texts(out)[0] == "n = 2"
    assert "text/html" in out.outputs[1]["data"]
    slider.value = 4
    assert calls == [2, 4]
    assert _texts(out)[0] == "n = 4"
    assert repr(box) == "Try it: move n (interactive: run this cell in JupyterLab to use the controls)"


def test_show_renders_and_closes_figures():
    out = w.Output()
    fig, ax = plt.subplots()
    ax.plot([1, 2], [1, 2])
    n_before = len(plt.get_fignums())
    widgets.show(out, fig)
    assert "image/png" in out.outputs[0]["data"]
    assert len(plt.get_fignums()) == n_before - 1


class _Fake:
    def __init__(self, **tables):
        self.tables = tables


def test_table_explorer_follows_the_company():
    companies = {
        "shop": _Fake(orders=pd.DataFrame({"a": [1, 2, 3]}), customers=pd.DataFrame({"b": [1]})),
        "bank": _Fake(accounts=pd.DataFrame({"c": [1, 2]})),
    }
    box = widgets.table_explorer(companies)
    company, table = box.children[1].children
    out = box.children[-1]
    assert _texts(out)[0] == "**shop.orders**: 3 rows × 1 columns"
    table.value = "customers"
    assert _texts(out)[0] == "**shop.customers**: 1 rows × 1 columns"
    company.value = "bank"
    assert list(table.options) == ["accounts"]
    assert _texts(out)[0] == "**bank.accounts**: 2 rows × 1 columns"


def test_lifecycle_thresholds_demo_moves_the_funnel_and_the_list():
    customers = pd.DataFrame({"customer_id": [1, 2, 3], "signup_date": pd.to_datetime(["2024-01-01"] * 3)})
    orders = pd.DataFrame({
        "customer_id": [1, 1, 2, 3],
        "order_date": pd.to_datetime(["2024-01-10", "2024-04-01", "2024-05-01", "2024-06-20"]),
        "amount": [50.0, 70.0, 20.0, 10.0],
    })
    box = widgets.lifecycle_thresholds(customers, orders, "2024-06-30", at_risk_days=45, lost_days=120,
                                       referred_by_col=None)
    at_risk, lost = box.children[1].children
    out = box.children[-1]
    assert "image/png" in out.outputs[0]["data"]
    assert _texts(out)[1].startswith("**2 customers at risk**; they spent USD 140")  # silent 90 and 60 days
    at_risk.value = 75
    assert _texts(out)[1].startswith("**1 customer at risk**; they spent USD 120")
    lost.value = 60
    assert "must be longer" in _texts(out)[0]


def test_footprint_planner_scales_the_bytes_per_order_and_follows_both_controls():
    import pytest

    from custlearn import DataError

    table = pd.DataFrame({"where": ["memory", "memory", "disk"], "bytes_per_order": [127.0, 10.0, 20.0]},
                         index=pd.Index(["pandas", "summary", "Parquet file"], name="what"))
    box = widgets.footprint_planner(table, orders_millions=10, memory_gb=4)
    note, shown, figure = box.shown()
    assert note.startswith("At **10 million orders** everything fits in the laptop's **4 GB** (the most: 1.3 GB, pandas)")
    assert "1.27" in shown and "0.2" in shown and figure == "[figure]"   # 127 bytes x 10M = 1.27 GB
    box.controls["orders"].value = 100                                    # 12.7 GB, 1.0 GB and 2.0 GB
    assert "1 of the 2 ways of holding them in memory needs more than the laptop's **4 GB**" in box.shown()[0]
    assert "Parquet file: 2.0 GB on disk" in box.shown()[0] and "only: summary (1.0 GB)" in box.shown()[0]
    box.controls["memory"].value = 16
    assert box.shown()[0].startswith("At **100 million orders** everything fits in the laptop's **16 GB**")
    with pytest.raises(DataError, match=r"orders_millions must be one of \[1, 3, 10"):
        widgets.footprint_planner(table, orders_millions=50)
    with pytest.raises(DataError, match='"where" is not in the footprint table'):
        widgets.footprint_planner(table.drop(columns="where"))


def test_a_widget_speaks_chinese_when_asked_and_english_again_after():
    """Labels, the text under the chart and the plural forms follow custlearn.set_language (issue 21)."""
    import custlearn
    from custlearn import plots

    table = pd.DataFrame({"where": ["memory", "memory", "disk"], "bytes_per_order": [127.0, 10.0, 20.0]},
                         index=pd.Index(["pandas", "summary", "Parquet file"], name="what"))
    custlearn.set_language("zh")
    try:
        with plt.rc_context():
            plots.set_theme()  # the course's Chinese font, as a lesson sets it
            box = widgets.footprint_planner(table, orders_millions=10, memory_gb=4)
            assert box.controls["orders"].description == "订单数（百万）"
            assert box.shown()[0].startswith("在 **10 百万笔订单**时，一切都能放进笔记本电脑的 **4 GB** 内存")
            box.controls["orders"].value = 100
            assert "2 种在内存中存放订单的方式中有 1 种需要的内存超过笔记本电脑的 **4 GB**" in box.shown()[0]
            assert repr(box).startswith("动手试试：")
    finally:
        custlearn.set_language("en")
    box = widgets.footprint_planner(table, orders_millions=100, memory_gb=4)
    assert box.controls["orders"].description == "Orders (millions)"
    assert "1 of the 2 ways of holding them in memory needs more than" in box.shown()[0]
