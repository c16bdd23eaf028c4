"""The package as a learner meets it: fast to import, clear names."""

import subprocess
import sys

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
