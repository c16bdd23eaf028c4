"""The floors of the package (DESIGN.md, "Floors: who may import whom"), checked on the source.

Every module of custlearn is parsed with ``ast``; every import counts, at module
level and inside functions, absolute (``from custlearn.x import y``, ``from
custlearn import x``, ``import custlearn.x``) and relative (``from . import
x``). A package's ``__init__`` is a module like any other, so a submodule
that imports its own package's face while the face imports the submodule is
an import circle. The checker is itself checked on small synthetic packages.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "custlearn"

# The ground floor: imports only the ground floor. (``custlearn`` itself is the
# package's door: DataError and the version, nothing else.)
GROUND = {"custlearn", "custlearn._errors", "custlearn._validate", "custlearn._tables", "custlearn._stats",
          "custlearn._purchases", "custlearn._recovery", "custlearn.plots._base",
          "custlearn._i18n", "custlearn._messages_zh", "custlearn._messages_zh_feedback"}
# Lesson modules or packages (any may not exist yet).
LESSONS = {"customer_data", "lifecycle", "satisfaction", "loyalty", "value", "service", "churn", "cases"}
# What a lesson never imports: the floors above it and the data on disk.
ABOVE_LESSONS = {"plots", "widgets", "exercises", "sql", "datasets"}
# A lesson may import another lesson only where the lesson really builds on it.
# Each entry says why; anything two lessons both need belongs on the ground floor.
LESSON_IMPORTS_ALLOWED: dict[tuple[str, str], str] = {
    ("service", "value"): "lesson 06 finds key accounts (大客户) by value: lesson 05's historical customer value",
    ("churn", "service"): "for one release, custlearn.churn.complaint_metrics and churn_by_complaint_outcome "
                          "warn and call their new home in custlearn.service (issue 19); remove with them",
}


# --------------------------------------------------------------------------- the checker


def module_sources(package: Path = PACKAGE) -> dict[str, tuple[str, bool, str]]:
    """Every module of the package: dotted name -> (source, is_package, path shown in messages)."""
    modules = {}
    for path in sorted(package.rglob("*.py")):
        parts = list(path.relative_to(package.parent).with_suffix("").parts)
        is_package = parts[-1] == "__init__"
        name = ".".join(parts[:-1] if is_package else parts)
        modules[name] = (path.read_text(encoding="utf-8"), is_package, str(path.relative_to(package.parent)))
    return modules


def _resolve(dotted: str, known: set[str]) -> str | None:
    """The module ``dotted`` names: itself, or the longest known prefix (a name inside a module)."""
    parts = dotted.split(".")
    for end in range(len(parts), 0, -1):
        if ".".join(parts[:end]) in known:
            return ".".join(parts[:end])
    return None


def _imported(node: ast.AST, name: str, is_package: bool, known: set[str]) -> list[str]:
    """The custlearn modules one import statement loads."""
    if isinstance(node, ast.Import):
        return [m for alias in node.names if (m := _resolve(alias.name, known))]
    if not isinstance(node, ast.ImportFrom):
        return []
    if node.level:  # relative: from . import x, from ..y import z
        base = name.split(".") if is_package else name.split(".")[:-1]
        base = base[: len(base) - (node.level - 1)]
        origin = ".".join(base + ([node.module] if node.module else []))
    else:
        origin = node.module or ""
    found = []
    for alias in node.names:  # from package import submodule loads the submodule
        target = f"{origin}.{alias.name}" if f"{origin}.{alias.name}" in known else _resolve(origin, known)
        if target:
            found.append(target)
    return found


def import_graph(modules: dict[str, tuple[str, bool, str]]) -> dict[str, dict[str, int]]:
    """Module -> {imported custlearn module: line of the first such import}, self-imports left out."""
    known = set(modules)
    graph: dict[str, dict[str, int]] = {}
    for name, (source, is_package, _path) in modules.items():
        edges: dict[str, int] = {}
        for node in ast.walk(ast.parse(source)):
            for target in _imported(node, name, is_package, known):
                if target != name:
                    edges.setdefault(target, node.lineno)
        graph[name] = edges
    return graph


def find_cycle(graph: dict[str, dict[str, int]]) -> list[str] | None:
    """One import circle as a path (first module repeated at the end), or None."""
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph.get(node, {})):
            if state.get(nxt) == 1:
                return path[path.index(nxt):] + [nxt]
            if nxt not in state and (cycle := visit(nxt)):
                return cycle
        path.pop()
        state[node] = 2
        return None

    for start in sorted(graph):
        if start not in state and (cycle := visit(start)):
            return cycle
    return None


def _unit(module: str) -> str:
    """The top-level part of custlearn a module belongs to: custlearn.value._rfm -> value."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def floor_violations(graph: dict[str, dict[str, int]], paths: dict[str, str],
                     allowed: dict[tuple[str, str], str]) -> tuple[list[str], set[tuple[str, str]]]:
    """Every import that breaks a floor rule, as "file:line: what and why"; and the allowed pairs used."""
    problems, used = [], set()
    for module, edges in sorted(graph.items()):
        for target, line in sorted(edges.items()):
            where = f"{paths.get(module, module)}:{line}: {module} imports {target}"
            source, dest = _unit(module), _unit(target)
            if module in GROUND and target not in GROUND:
                problems.append(f"{where}, but the ground floor imports only the ground floor {sorted(GROUND)}")
            elif source in LESSONS and dest in ABOVE_LESSONS:
                problems.append(f"{where}, but a lesson module never imports {dest} (a floor above it)")
            elif source in LESSONS and dest in LESSONS and source != dest:
                if (source, dest) in allowed:
                    used.add((source, dest))
                else:
                    problems.append(f"{where}: a lesson importing another lesson needs an entry with a reason in "
                                    f"LESSON_IMPORTS_ALLOWED, or move what both need to the ground floor")
    return problems, used


def _check(modules: dict[str, tuple[str, bool, str]], allowed: dict[tuple[str, str], str]) -> list[str]:
    graph = import_graph(modules)
    cycle = find_cycle(graph)
    problems = [f"import circle: {' -> '.join(cycle)}"] if cycle else []
    floors, used = floor_violations(graph, {m: p for m, (_s, _i, p) in modules.items()}, allowed)
    stale = [f"LESSON_IMPORTS_ALLOWED lists {a} -> {b}, which no longer happens: remove the entry"
             for a, b in sorted(set(allowed) - used)]
    return problems + floors + stale


# --------------------------------------------------------------------------- the package


def test_custlearn_has_no_import_circle_and_keeps_its_floors():
    modules = module_sources()
    assert "custlearn.plots._base" in modules and "custlearn.plots" in modules  # the scan sees the package
    problems = _check(modules, LESSON_IMPORTS_ALLOWED)
    assert not problems, "\n".join(problems)


def test_the_ground_floor_exists_where_the_design_puts_it():
    modules = module_sources()
    for name in ("custlearn._errors", "custlearn._validate", "custlearn.plots._base"):
        assert name in modules


# --------------------------------------------------------------------------- the checker, checked


def _synthetic(**sources: str) -> dict[str, tuple[str, bool, str]]:
    """A made-up package: keyword = module name with "__" for dots; "pkg" marks a package's face."""
    modules = {}
    for key, source in sources.items():
        name = key.replace("__", ".")
        is_package = name.endswith(".pkg")
        name = name.removesuffix(".pkg")
        modules[name] = (source, is_package, name.replace(".", "/") + ("/__init__.py" if is_package else ".py"))
    return modules


def test_checker_finds_a_submodule_importing_its_own_face_inside_a_function():
    modules = _synthetic(
        custlearn__pkg="",
        custlearn__plots__pkg="from custlearn.plots.churn import survival_chart\n",
        custlearn__plots__churn="def survival_chart():\n    from custlearn.plots import PALETTE\n",
        custlearn__plots___base="PALETTE = []\n",
    )
    problems = _check(modules, {})
    assert problems == ["import circle: custlearn.plots -> custlearn.plots.churn -> custlearn.plots"]
    # importing the base instead breaks the circle
    modules["custlearn.plots.churn"] = ("def survival_chart():\n    from custlearn.plots._base import PALETTE\n",
                                        False, "custlearn/plots/churn.py")
    assert _check(modules, {}) == []


def test_checker_follows_relative_and_from_package_imports():
    modules = _synthetic(
        custlearn__pkg="",
        custlearn__value__pkg="from ._rfm import rfm\n",
        custlearn__value___rfm="from . import _orders\n",
        custlearn__value___orders="from .. import value\n",
    )
    graph = import_graph(modules)
    assert graph["custlearn.value"] == {"custlearn.value._rfm": 1}
    assert graph["custlearn.value._rfm"] == {"custlearn.value._orders": 1}
    assert graph["custlearn.value._orders"] == {"custlearn.value": 1}
    assert find_cycle(graph) == ["custlearn.value", "custlearn.value._rfm", "custlearn.value._orders",
                                 "custlearn.value"]


def test_checker_finds_broken_floors_with_file_and_line():
    modules = _synthetic(
        custlearn__pkg="from custlearn._errors import DataError\n",
        custlearn___errors="",
        custlearn___validate="import custlearn.lifecycle\n",
        custlearn__lifecycle="x = 1\n\ndef funnel():\n    from custlearn import plots\n",
        custlearn__churn="from custlearn import lifecycle, DataError\n",
        custlearn__plots__pkg="",
    )
    problems = _check(modules, {("loyalty", "satisfaction"): "an old reason"})
    assert problems == [
        "custlearn/_validate.py:1: custlearn._validate imports custlearn.lifecycle, but the ground floor imports "
        f"only the ground floor {sorted(GROUND)}",
        "custlearn/churn.py:1: custlearn.churn imports custlearn.lifecycle: a lesson importing another lesson "
        "needs an entry with a reason in LESSON_IMPORTS_ALLOWED, or move what both need to the ground floor",
        "custlearn/lifecycle.py:4: custlearn.lifecycle imports custlearn.plots, but a lesson module never imports "
        "plots (a floor above it)",
        "LESSON_IMPORTS_ALLOWED lists loyalty -> satisfaction, which no longer happens: remove the entry",
    ]
    assert _check(modules | {"custlearn._validate": ("", False, "custlearn/_validate.py"),
                             "custlearn.lifecycle": ("", False, "custlearn/lifecycle.py")},
                  {("churn", "lifecycle"): "builds on it"}) == []


@pytest.mark.parametrize("source", ["import custlearn.plots as p\n", "from custlearn.plots import nps_chart\n",
                                    "def f():\n    import custlearn.plots\n"])
def test_checker_sees_every_way_of_writing_an_import(source):
    modules = _synthetic(custlearn__pkg="", custlearn__plots__pkg="", custlearn__loyalty=source)
    assert "custlearn.plots" in import_graph(modules)["custlearn.loyalty"]
