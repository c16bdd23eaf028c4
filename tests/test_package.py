"""The package as a learner meets it: fast to import, clear names, functions that fit on a screen."""

import ast
import importlib
import inspect
import subprocess
import sys
from pathlib import Path

import pytest

import custlearn


def test_version_and_error_name():
    assert custlearn.__version__
    assert custlearn.DataError.__module__ == "custlearn"
    assert repr(custlearn.DataError("x")) == "DataError('x')"


def test_import_custlearn_loads_no_heavy_library():
    code = (
        "import sys, custlearn\n"
        "heavy = [m for m in ('pandas', 'numpy', 'scipy', 'sklearn', 'matplotlib', 'seaborn', 'faker')"
        " if m in sys.modules]\n"
        "print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_exercises_and_plots_do_not_load_scipy_sklearn_or_faker():
    code = (
        "import sys, custlearn.exercises, custlearn.plots\n"
        "heavy = [m for m in ('scipy', 'sklearn', 'matplotlib', 'seaborn', 'faker') if m in sys.modules]\n"
        "print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


# Issue 14: at most 60 lines of code per public function or method, docstring excluded, in every
# module of the package (what a learner opens should fit on one screen).
PACKAGE = Path(__file__).resolve().parents[1] / "custlearn"
MODULES = sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_public_functions_fit_on_a_screen(path):
    too_long = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and not node.name.startswith("_"):
            body = node.body[1:] if ast.get_docstring(node) is not None else node.body
            if body and body[-1].end_lineno - body[0].lineno + 1 > 60:
                too_long.append(f"{node.name} ({body[-1].end_lineno - body[0].lineno + 1} lines)")
    assert not too_long, f"{path.name}: split into named steps: {too_long}"
