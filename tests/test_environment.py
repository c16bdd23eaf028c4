"""environment.yml (conda / Binder) must stay in step with pyproject.toml.

conda cannot run on the project's machines, so this test parses both files
and compares package names and lower bounds.
"""

import re
import tomllib
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
SPEC = re.compile(r"^\s*([A-Za-z0-9_.\-]+)\s*(.*)$")
# pip name -> conda-forge name, where they differ
CONDA_NAME = {"jupyterlab-rise": "jupyterlab_rise"}


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _parse(spec: str) -> tuple[str, str]:
    m = SPEC.match(spec.split(";")[0])
    assert m, spec
    return _norm(CONDA_NAME.get(m.group(1), m.group(1))), m.group(2).replace(" ", "")


def _pyproject():
    data = tomllib.loads((ROOT / "pyproject.toml").read_text())
    project = data["project"]
    specs = list(project["dependencies"])
    for extra in ("course", "test", "browser", "docs", "warehouse"):
        specs += project["optional-dependencies"][extra]
    return dict(_parse(s) for s in specs), project


def _environment():
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    deps = env["dependencies"]
    conda = [d for d in deps if isinstance(d, str)]
    pip = [d for d in deps if isinstance(d, dict)]
    return env, conda, pip


def test_python_pin_and_editable_install():
    env, conda, pip = _environment()
    _, project = _pyproject()
    assert "python=3.11" in conda
    assert project["requires-python"] == ">=3.11"
    assert pip == [{"pip": ["-e ."]}]
    assert "conda-forge" in env["channels"]


def test_same_packages_and_lower_bounds():
    wanted, _ = _pyproject()
    _, conda, _ = _environment()
    have = dict(_parse(s) for s in conda if not s.startswith(("python=", "pip")) or s.startswith("pip-"))
    assert sorted(have) == sorted(wanted)
    for name, spec in wanted.items():
        assert have[name] == spec, f"{name}: pyproject says {spec!r}, environment.yml says {have[name]!r}"


def test_core_requirements_of_the_course():
    wanted, _ = _pyproject()
    for name, bound in {"pandas": ">=3.0", "numpy": ">=2.0"}.items():
        assert wanted[name].startswith(bound)
    for name in ("scipy", "matplotlib", "seaborn", "ipywidgets", "faker", "tqdm", "jupyterlab",
                 "scikit-learn", "nbval", "pytest", "pytest-xdist"):
        assert name in wanted, name
    assert "<" in wanted["faker"], "Faker's data change between releases: pin a compatible range"


def test_course_and_docs_extras():
    _, project = _pyproject()
    extras = project["optional-dependencies"]
    course = {_parse(s)[0] for s in extras["course"]}
    assert "jupyterlab-rise" in course, "make lab installs RISE so lessons open as decks"
    docs = dict(_parse(s) for s in extras["docs"])
    assert "<2" in docs["jupyter-book"], "Jupyter Book 2 needs the internet to build: keep jupyter-book<2"
    core = {_parse(s)[0] for s in project["dependencies"]}
    assert "jupyter-book" not in core | course, "jupyter-book belongs in the docs extra only"


@pytest.mark.parametrize("extra, package, why", [
    ("browser", "playwright", "make test-browser drives Chromium with Playwright; make lab / make test need no browser"),
    ("warehouse", "pyspark", "make test-spark runs lesson 09's SQL on Spark (hundreds of MB); make lab / make test "
                             "need no Spark"),
])
def test_a_heavy_package_lives_in_its_extra_only(extra, package, why):
    _, project = _pyproject()
    extras = project["optional-dependencies"]
    assert package in {_parse(s)[0] for s in extras[extra]}, why
    others = {_parse(s)[0] for s in project["dependencies"] + extras["course"] + extras["test"]}
    assert package not in others, why


def test_duckdb_is_a_course_dependency():
    _, project = _pyproject()
    assert "duckdb" in {_parse(s)[0] for s in project["dependencies"]}, "lesson 09 runs DuckDB in the course"


@pytest.mark.parametrize("extra", ["browser", "warehouse"])
def test_every_install_in_the_makefile_asks_for_whole_extras(extra):
    """`make -n` shows each install command as the shell will get it.

    A comma inside a ``$(call install,...)`` argument splits the argument, so
    ``.[course,test]`` once reached uv as ``.[course`` (CI failed on it). The
    browser extra (make test-browser) and the warehouse extra (make test-spark,
    make bench) are each installed after the course install.
    """
    import shutil
    import subprocess

    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    data = tomllib.loads((ROOT / "pyproject.toml").read_text())
    extras = set(data["project"]["optional-dependencies"])
    out = subprocess.run(
        ["make", "-n", "-B", "PYTHON=python3", f".venv/.custlearn-{extra}-installed"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout
    specs = re.findall(r'-e "\.\[([^"]*)\]"', out)
    assert specs, out
    uv_lines = [line for line in out.splitlines() if "uv pip install" in line]
    assert len(uv_lines) == 2, out  # the course install, then the extra
    for line in uv_lines:
        assert line.count('"') % 2 == 0, f"unbalanced quotes: {line}"
    for spec in specs:
        assert set(spec.split(",")) <= extras, spec
    assert list(dict.fromkeys(specs)) == ["course,test", f"course,test,{extra}"], specs  # uv, then pip if uv fails


def test_make_test_keeps_each_notebook_in_one_process():
    """conftest.py's work groups: a notebook and a test file stay whole; two long files are split."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("root_conftest", ROOT / "conftest.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    group = module.work_group
    assert {group(f"notebooks/05_value.ipynb::Cell {i}") for i in range(40)} == {"notebooks/05_value.ipynb"}
    assert group("tests/test_value.py::test_rfm[3-id]") == "tests/test_value.py"
    assert group("tests/test_bad_input.py::test_wrong_shapes_raise_dataerror_or_give_a_result[value.rfm]") \
        == group("tests/test_bad_input.py::test_good_input_gives_a_result_without_silent_nan[value.rfm]") \
        != group("tests/test_bad_input.py::test_good_input_gives_a_result_without_silent_nan[value.clv]")
    assert group("tests/test_exercise_registry.py::test_question_text_exists[08c.6]") == \
        "tests/test_exercise_registry.py:08c"
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "--dist loadscope" in makefile  # the scheduler in conftest.py serves only this mode
