"""The chart package as a whole: one face, one palette, one meaning per colour, documented and short."""

from __future__ import annotations

import ast
import importlib
import inspect
import re
import subprocess
import sys
from pathlib import Path

import matplotlib.colors as mcolors
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

from custlearn import DataError, churn, lifecycle, loyalty, plots, widgets
from custlearn.plots import _base

ROOT = Path(__file__).resolve().parents[1]
CHART_MODULES = ["customer_data", "lifecycle", "satisfaction", "loyalty", "value", "service", "churn", "warehouse"]
# The names custlearn.plots offered before it became a package: they must keep working.
FORMER_NAMES = [
    "PALETTE", "STAGE_COLOURS", "set_theme", "percent_axis", "money_axis",
    "missing_values_chart", "problems_found_chart", "name_similarity_chart",
    "lifecycle_funnel", "stage_trend", "transition_heatmap",
    "score_distribution_chart", "servqual_gap_chart", "importance_performance_chart",
    "cohort_heatmap", "nps_chart", "satisfaction_loyalty_chart", "loyalty_matrix_chart",
    "pareto_chart", "whale_chart", "rfm_segment_chart", "p_alive_chart", "clv_distribution_chart",
    "survival_chart", "gains_chart", "complaint_churn_chart",
]
MAX_LINES = 60


def teardown_function():
    plt.close("all")


def _hex(colour) -> str:
    return mcolors.to_hex(colour).upper()


# --------------------------------------------------------------------------- the face


def test_face_offers_every_former_name_and_every_chart_of_the_lesson_modules():
    assert set(FORMER_NAMES) <= set(plots.__all__)
    for name in plots.__all__:
        assert hasattr(plots, name), name
    for module_name in CHART_MODULES + ["_base"]:
        module = importlib.import_module(f"custlearn.plots.{module_name}")
        for name in module.__all__:
            if module_name != "_base" or name != "axes":
                assert getattr(plots, name) is getattr(module, name), f"plots.{name} is not {module_name}.{name}"


@pytest.mark.parametrize("module_name", [f"custlearn.plots.{m}" for m in CHART_MODULES + ["_base"]]
                         + ["custlearn.widgets"])
def test_all_lists_every_public_function_of_the_module(module_name):
    module = importlib.import_module(module_name)
    defined = {name for name, obj in vars(module).items()
               if inspect.isfunction(obj) and obj.__module__ == module_name and not name.startswith("_")}
    assert defined <= set(module.__all__), f"{module_name}.__all__ misses {sorted(defined - set(module.__all__))}"
    for name in module.__all__:
        assert hasattr(module, name), f"{module_name}.__all__ names {name}, which does not exist"


def test_importing_the_charts_loads_no_plotting_library():
    code = ("import sys, custlearn.plots, " + ", ".join(f"custlearn.plots.{m}" for m in CHART_MODULES) + "\n"
            "print(','.join(m for m in ('matplotlib', 'seaborn', 'scipy', 'sklearn') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


# --------------------------------------------------------------------------- one palette, one meaning


def test_every_hex_colour_is_typed_once_in_the_base():
    pattern = re.compile(r"#[0-9A-Fa-f]{6}\b")
    found = {}
    for path in sorted((ROOT / "custlearn").rglob("*.py")):
        for match in pattern.finditer(path.read_text(encoding="utf-8")):
            found.setdefault(match.group().upper(), []).append(str(path.relative_to(ROOT)))
    outside = {c: where for c, where in found.items() if set(where) != {"custlearn/plots/_base.py"}}
    assert not outside, f"hex colours typed outside custlearn/plots/_base.py: {outside}"
    twice = {c: len(where) for c, where in found.items() if len(where) > 1}
    assert not twice, f"hex colours typed more than once in the base: {twice}"


def test_the_meaning_maps_name_exactly_the_lessons_groups():
    assert list(plots.STAGE_COLOURS) == lifecycle.STAGES
    assert list(plots.OUTCOME_COLOURS) == churn.COMPLAINT_GROUPS
    assert list(plots.NPS_COLOURS) == list(loyalty.nps_categories([0, 7, 10]).index)
    # the good and bad ends of every scale share the meaning colours
    assert plots.OUTCOME_COLOURS["resolved well"] == plots.STAGE_COLOURS["advocate"] == plots.GOOD
    assert plots.OUTCOME_COLOURS["unresolved"] == plots.STAGE_COLOURS["lost"] == plots.NPS_COLOURS["detractor"]
    assert plots.OUTCOME_COLOURS["no complaint"] == plots.STAGE_COLOURS["prospect"] == plots.NEUTRAL
    assert len(set(plots.OUTCOME_COLOURS.values())) == len(plots.OUTCOME_COLOURS)
    assert len(set(plots.STAGE_COLOURS.values())) == len(plots.STAGE_COLOURS)
    assert {c for c, _ in plots.COLOUR_MEANINGS.values()} <= set(plots.PALETTE) | {plots.LIGHT_GREY, plots.GREY}


def test_colours_for_keeps_known_groups_and_never_repeats_a_colour():
    labels = ["welcome discount", "unresolved", "no discount", "resolved well", "other"]
    colours = plots.colours_for(labels)
    assert colours[1] == plots.BAD and colours[3] == plots.GOOD
    assert len(set(colours)) == len(labels)
    assert plots.colours_for(["promoters", "passives"]) == [plots.GOOD, plots.NEUTRAL]
    assert plots.colours_for(["a", "b", "a"]) == [plots.BLUE, plots.ORANGE, plots.BLUE]
    with pytest.raises(DataError, match="list of group labels"):
        plots.colours_for("a")


def _complaint_table():
    return pd.DataFrame({"customers": [969, 72, 25, 47, 31], "churn_rate": [0.17, 0.21, 0.12, 0.49, 0.45],
                         "lower": [0.15, 0.13, 0.04, 0.35, 0.29], "upper": [0.19, 0.31, 0.30, 0.63, 0.62]},
                        index=churn.COMPLAINT_GROUPS)


def test_a_complaint_outcome_has_one_colour_in_every_chart():
    bars = plots.complaint_churn_chart(_complaint_table())
    bar_colours = {t.get_text(): _hex(p.get_facecolor()) for t, p in zip(bars.get_xticklabels(), bars.patches)}
    outcomes = ["resolved well", "resolved, not rated", "resolved poorly", "unresolved"]
    groups = np.repeat(outcomes, 3)
    km = churn.kaplan_meier(np.tile([10, 20, 30], 4), np.ones(12), groups=groups)
    curves = plots.survival_chart(km, band=False)
    curve_colours = {line.get_label().split(" (n=")[0]: _hex(line.get_color())
                     for line in curves.lines if "(n=" in line.get_label()}
    for outcome in outcomes:
        assert bar_colours[outcome] == curve_colours[outcome] == plots.OUTCOME_COLOURS[outcome].upper(), outcome
    # the lesson's order of groups does not change a group's colour
    reversed_km = churn.kaplan_meier(np.tile([10, 20, 30], 4), np.ones(12), groups=groups[::-1])
    again = {line.get_label().split(" (n=")[0]: _hex(line.get_color())
             for line in plots.survival_chart(reversed_km, band=False).lines if "(n=" in line.get_label()}
    assert again == curve_colours


def test_a_stage_has_one_colour_in_the_funnel_and_the_trend():
    counts = pd.Series({s: i + 1 for i, s in enumerate(lifecycle.STAGES)})
    funnel = plots.lifecycle_funnel(counts)
    funnel_colours = {t.get_text(): _hex(p.get_facecolor()) for t, p in zip(funnel.get_yticklabels(), funnel.patches)}
    trend = plots.stage_trend(pd.DataFrame([counts, counts], index=pd.to_datetime(["2024-03-31", "2024-06-30"])))
    trend_colours = {c.get_label(): _hex(c.get_facecolor()[0]) for c in trend.collections}
    for stage, colour in plots.STAGE_COLOURS.items():
        assert funnel_colours[stage] == trend_colours[stage] == colour.upper(), stage


def test_every_colour_a_chart_draws_for_groups_is_named_in_its_legend():
    km = churn.kaplan_meier([5, 6, 7, 8], [1, 0, 1, 0], groups=["a", "a", "b", "b"])
    labels = [t.get_text() for t in plots.survival_chart(km).get_legend().get_texts()]
    assert labels == ["a (n=2)", "b (n=2)", "shaded: 95% interval", "censored: not churned by the end"]
    gaps = pd.DataFrame({"expectation": [6.0, 5.0], "perception": [5.0, 5.5], "gap": [-1.0, 0.5]}, index=["x", "y"])
    labels = [t.get_text() for t in plots.servqual_gap_chart(gaps).get_legend().get_texts()]
    assert labels == ["Expectation", "Perception ≥ expectation", "Perception < expectation"]
    labels = [t.get_text() for t in plots.score_distribution_chart([1, 4, 5]).get_legend().get_texts()]
    assert labels == ["top-2 box (4-5)", "other answers"]


# --------------------------------------------------------------------------- figure defects of issue 15


def test_stage_trend_ticks_name_the_period_drawn():
    quarters = pd.date_range("2024-03-31", "2025-12-31", freq="QE")
    counts = pd.DataFrame({"repeat": np.arange(len(quarters)), "lost": 1}, index=quarters)
    ax = plots.stage_trend(counts)
    assert ax.get_xlabel() == "End of quarter"
    assert [t.get_text() for t in ax.get_xticklabels()][:2] == ["Q1 2024", "Q2 2024"]
    assert [mdate for mdate in ax.get_xticks()][:1] == [plt.matplotlib.dates.date2num(quarters[0])]
    months = pd.date_range("2024-01-31", periods=3, freq="ME")
    ax = plots.stage_trend(pd.DataFrame({"repeat": [1, 2, 3]}, index=months))
    assert [t.get_text() for t in ax.get_xticklabels()] == ["Jan 2024", "Feb 2024", "Mar 2024"]
    ax = plots.stage_trend(pd.DataFrame({"repeat": [1, 2]}, index=pd.period_range("2024Q1", periods=2, freq="Q")))
    assert [t.get_text() for t in ax.get_xticklabels()] == ["Q1 2024", "Q2 2024"]


def test_complaint_bar_labels_sit_above_their_error_bars():
    table = _complaint_table()
    ax = plots.complaint_churn_chart(table)
    for text, upper in zip(ax.texts, table["upper"]):
        assert text.get_position()[1] > upper and text.get_va() == "bottom"
    assert ax.texts[2].get_text() == "12%\nn=25"
    assert max(ax.get_yticks()) == pytest.approx(1.0)


def test_rfm_segment_chart_says_what_its_axis_holds():
    seg = pd.DataFrame({"segment": ["Champions", "Lost", "Lost"], "monetary": [500.0, 20.0, 30.0]})
    assert "/" not in plots.rfm_segment_chart(seg).get_xlabel()
    assert plots.rfm_segment_chart(seg, value_col=None).get_xlabel() == "Share of all customers"


# --------------------------------------------------------------------------- documented and short


def _public_functions():
    for module_name in [f"custlearn.plots.{m}" for m in CHART_MODULES + ["_base"]] + ["custlearn.widgets"]:
        module = importlib.import_module(module_name)
        for name in module.__all__:
            obj = getattr(module, name)
            if inspect.isfunction(obj):
                yield module_name, name, obj


def _body_lines(function) -> int:
    """Lines of code from the first statement after the docstring to the end (the course's rule)."""
    node = ast.parse(inspect.getsource(function).strip()).body[0]
    body = node.body
    if isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) and isinstance(body[0].value.value, str):
        body = body[1:]
    return body[-1].end_lineno - body[0].lineno + 1


def test_footprint_chart_draws_each_way_as_a_line_of_its_bytes_per_order():
    table = pd.DataFrame({"where": ["memory", "memory", "disk"], "bytes_per_order": [127.0, 10.0, 20.0]},
                         index=["pandas", "summary", "Parquet file"])
    ax = plots.footprint_chart(table, memory_gb=16, orders=3e7)
    lines = ax.get_lines()
    for line, bytes_per_order in zip(lines, [127.0, 10.0, 20.0]):  # GB = bytes x orders / 10**9, at every size drawn
        x, y = line.get_xdata(), line.get_ydata()
        assert np.allclose(y, bytes_per_order * x / 1e9) and x.min() == 1e6 and x.max() == 1e9
    assert [line.get_linestyle() for line in lines[:3]] == ["-", "-", "--"]  # memory solid, disk dashed
    assert lines[3].get_ydata()[0] == 16 and _hex(lines[3].get_color()) == plots.REFERENCE.upper()
    assert lines[4].get_xdata()[0] == 3e7 and lines[4].get_label() == "30M orders"
    assert len({_hex(line.get_color()) for line in lines[:3]}) == 3
    assert not {_hex(line.get_color()) for line in lines[:3]} & {plots.GOOD.upper(), plots.BAD.upper(), plots.BLACK.upper()}
    assert ax.get_xscale() == ax.get_yscale() == "log"
    with pytest.raises(DataError, match='"bytes_per_order" is not in the footprint table'):
        plots.footprint_chart(table.drop(columns="bytes_per_order"))
    with pytest.raises(DataError, match="memory_gb must be a positive number"):
        plots.footprint_chart(table, memory_gb=0)


def test_every_public_chart_and_widget_fits_one_screen():
    long = {f"{m}.{n}": _body_lines(f) for m, n, f in _public_functions() if _body_lines(f) > MAX_LINES}
    assert not long, f"more than {MAX_LINES} lines of code (split into named steps): {long}"


def test_every_chart_and_widget_is_documented_like_a_lesson_function():
    counted = {"charts": 0, "widgets": 0}
    for module_name, name, function in _public_functions():
        doc = inspect.getdoc(function) or ""
        if name == "axes":  # the base's Axes helper, not a chart
            continue
        for section in ("Parameters\n----------", "Returns\n-------", "Examples\n--------", ">>> "):
            assert section in doc, f"{module_name}.{name}: no {section.splitlines()[0]!r}"
        assert re.search(r"\b[Ll]esson", doc), f"{module_name}.{name} does not say which lesson it belongs to"
        source = inspect.getsource(function)
        if "raise DataError" in source or "require_" in source:
            assert "Raises\n------" in doc, f"{module_name}.{name} validates its input but has no Raises"
        counted["widgets" if module_name.endswith("widgets") else "charts"] += 1
    # the charts, set_theme, percent_axis, money_axis and colours_for; 16 demos and their building blocks
    # (lesson 03's journey simulator, lesson 05's cluster explorer, lesson 06's time-limit explorer and
    # lesson 09's footprint planner are the last four)
    assert counted == {"charts": 38, "widgets": 17}


@pytest.mark.parametrize("module_name", CHART_MODULES)
def test_each_chart_module_shows_at_least_two_failing_calls(module_name):
    module = importlib.import_module(f"custlearn.plots.{module_name}")
    failing = [n for n in module.__all__ if "custlearn.DataError:" in (inspect.getdoc(getattr(module, n)) or "")]
    assert len(failing) >= min(2, len(module.__all__)), f"custlearn.plots.{module_name}: only {failing} show a DataError"


def test_every_widget_example_moves_a_control_and_sees_the_redraw():
    for name in widgets.__all__:
        doc = inspect.getdoc(getattr(widgets, name))
        if name not in ("show",):
            assert re.search(r'\.controls\["\w+"\]\.value = ', doc) or ".value = " in doc, name
