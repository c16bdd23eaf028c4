"""The package as a learner meets it: fast to import, clear names, functions that fit on a screen."""

import ast
import importlib
import inspect
import subprocess
import sys

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


# Issues 14 and 17: at most 60 lines of code per public function or method, docstring excluded.
SCREEN_CHECKED = ["custlearn.churn._define", "custlearn.churn._survival", "custlearn.churn._features",
                  "custlearn.churn._model", "custlearn.churn._complaints", "custlearn.cases",
                  "custlearn.value._rfm", "custlearn.value._clv", "custlearn.value._btyd", "custlearn.value._curves",
                  "custlearn.value._holdout", "custlearn.value._cluster", "custlearn.value._scorecard"]


@pytest.mark.parametrize("module", SCREEN_CHECKED)
def test_public_functions_fit_on_a_screen(module):
    source = inspect.getsource(importlib.import_module(module))
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.FunctionDef) and not node.name.startswith("_"):
            body = node.body[1:] if ast.get_docstring(node) is not None else node.body
            assert body[-1].end_lineno - body[0].lineno + 1 <= 60, node.name
