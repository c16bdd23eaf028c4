"""Notebook hygiene: what strict nbval alone cannot promise.

nbval compares stored outputs, but a notebook saved without outputs passes it
while checking nothing, and a warning printed to stderr is only a mismatch if
it changes. These tests guard every committed lesson and solution notebook,
prove on small fixture notebooks that the guard catches what it must, and
check that the learner exercise notebooks are generated, fresh and runnable.
"""

from __future__ import annotations

import copy
import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

from tools import instructor_cells, nbtools, tolerance_rule
from tools.execute_notebooks import execute
from tools.make_exercises import learner_version

ROOT = nbtools.ROOT
LESSONS = nbtools.committed_notebooks("lesson")
SOLUTIONS = nbtools.committed_notebooks("solution")
LEARNERS = nbtools.committed_notebooks("learner")


def _rel(p: Path) -> str:
    return str(p.relative_to(ROOT))


@pytest.mark.parametrize("path", LESSONS + SOLUTIONS, ids=_rel)
def test_committed_notebook_is_clean(path):
    assert nbtools.problems(path) == []


@pytest.mark.parametrize("path", SOLUTIONS, ids=_rel)
def test_learner_version_exists_and_is_fresh(path):
    learner = ROOT / "exercises" / path.name
    assert learner.exists(), f"{_rel(learner)} is missing: run `make exercises`"
    assert nbtools.read(learner) == learner_version(nbtools.read(path)), (
        f"{_rel(learner)} is stale: run `make exercises`"
    )


@pytest.mark.parametrize("path", LEARNERS, ids=_rel)
def test_learner_notebook_has_a_solution_and_no_outputs(path):
    assert (ROOT / "exercises" / "solutions" / path.name).exists()
    assert nbtools.problems(path) == []


@pytest.fixture(scope="module")
def kernel():
    """One kernel for all learner notebooks: each starts from an empty namespace (%reset), but the
    libraries stay imported, so ten notebooks cost one start-up instead of ten."""
    from jupyter_client.manager import KernelManager

    km = KernelManager(kernel_name="python3")
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=60)
    yield km, kc
    kc.stop_channels()
    km.shutdown_kernel(now=True)


@pytest.mark.parametrize("path", LEARNERS, ids=_rel)
def test_learner_notebook_runs_without_errors(path, kernel):
    """A learner who runs the untouched notebook sees 'not answered yet', never a traceback."""
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    reset = nbformat.v4.new_code_cell(f"%reset -f\nimport os\nos.chdir({str(path.parent)!r})")
    nb.cells.insert(0, reset)
    km, kc = kernel
    client = NotebookClient(nb, km=km, timeout=120)
    client.kc = kc  # the module's client: no new channels per notebook
    client.execute()
    nb.cells.pop(0)
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    errors = [o for o in outputs if o.output_type == "error" or o.get("name") == "stderr"]
    assert errors == []
    text = "\n".join(o.get("text", "") for o in outputs if o.output_type == "stream")
    n_checks = sum(nbtools.source(c).count("check(") for c in nb.cells if c.cell_type == "code")
    assert text.count("Not answered yet") == n_checks > 0


# ------------------------------------------------------------------ fixtures

def _md(text, slide="slide"):
    return {"cell_type": "markdown", "id": f"md{abs(hash(text)) % 10**8}", "metadata": {"slideshow": {"slide_type": slide}}, "source": text}


def _code(src, n):
    return {"cell_type": "code", "id": f"code{n}", "execution_count": None, "metadata": {"slideshow": {"slide_type": "-"}},
            "outputs": [], "source": src}


def _fixture(tmp_path: Path, name: str, code: list[str]) -> Path:
    nb = {
        "cells": [
            _md("# 9 · A fixture lesson (测试)"),
            _md("In this lesson you will:\n- add two numbers"),
            *[_code(src, i) for i, src in enumerate(code)],
            _md("In this lesson you learned to:\n- add two numbers"),
        ],
        "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}},
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    path = tmp_path / name
    nbtools.write(nb, path)
    return path


@pytest.fixture(scope="module")
def executed_good(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("nb")
    path = _fixture(tmp, "good.ipynb", ["x = 1 + 1\nprint(f'x = {x}')", "x * 10"])
    execute(path)
    return path


def test_guard_passes_a_clean_executed_notebook(executed_good):
    assert nbtools.problems(executed_good, kind="lesson") == []


def test_guard_fails_a_notebook_saved_without_outputs(executed_good, tmp_path):
    nb = nbtools.read(executed_good)
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            cell["outputs"], cell["execution_count"] = [], None
    path = tmp_path / "no_outputs.ipynb"
    nbtools.write(nb, path)
    found = nbtools.problems(path, kind="lesson")
    assert any("never executed" in p for p in found), found


def test_guard_fails_a_notebook_with_a_stderr_warning(tmp_path):
    path = _fixture(tmp_path, "warns.ipynb", ["import warnings\nwarnings.warn('this API will change', FutureWarning)"])
    execute(path)
    found = nbtools.problems(path, kind="lesson")
    assert any("stderr output" in p for p in found), found
    assert any("warning is printed" in p for p in found), found


def test_guard_fails_errors_order_paths_widgets_template_and_slides(executed_good, tmp_path):
    base = nbtools.read(executed_good)

    def variant(change) -> list[str]:
        nb = copy.deepcopy(base)
        change(nb)
        path = tmp_path / "v.ipynb"
        nbtools.write(nb, path)
        return nbtools.problems(path, kind="lesson")

    code = [i for i, c in enumerate(base["cells"]) if c["cell_type"] == "code"]

    def error(nb):
        nb["cells"][code[0]]["outputs"].append({"output_type": "error", "ename": "KeyError", "evalue": "'x'", "traceback": []})

    def order(nb):
        nb["cells"][code[0]]["execution_count"] = 2
        nb["cells"][code[1]]["execution_count"] = 1

    def abspath(nb):
        nb["cells"][code[0]]["outputs"][0]["text"] = "saved to /home/alice/custlearn/out.csv\n"

    def widgets(nb):
        nb["metadata"]["widgets"] = {"application/vnd.jupyter.widget-state+json": {}}

    def no_intro(nb):
        nb["cells"][1]["source"] = "Some text."

    def no_slides(nb):
        nb["cells"][0]["metadata"] = {}

    def no_title(nb):
        nb["cells"][0]["source"] = "A lesson"

    assert any("error output (KeyError" in p for p in variant(error))
    assert any("not 1..2 in order" in p for p in variant(order))
    assert any("machine-specific path" in p for p in variant(abspath))
    assert any("metadata.widgets" in p for p in variant(widgets))
    assert any("In this lesson you will" in p for p in variant(no_intro))
    assert any("slide metadata" in p for p in variant(no_slides))
    assert any("Markdown title" in p for p in variant(no_title))


def test_guard_fails_a_huge_notebook(executed_good, tmp_path):
    nb = nbtools.read(executed_good)
    nb["cells"][2]["outputs"].append({"output_type": "display_data", "metadata": {},
                                       "data": {"image/png": "A" * 2_100_000, "text/plain": "<Figure>"}})
    path = tmp_path / "big.ipynb"
    nbtools.write(nb, path)
    assert any("limit is 2 MB" in p for p in nbtools.problems(path, kind="lesson"))


def test_executing_twice_gives_no_diff(tmp_path):
    path = _fixture(tmp_path, "twice.ipynb", [
        "import matplotlib.pyplot as plt\nfig, ax = plt.subplots()\n_ = ax.plot([1, 2], [3, 4])\nplt.show()",
        "print('hello')",
    ])
    execute(path)
    first = path.read_bytes()
    execute(path)
    assert path.read_bytes() == first
    meta = json.loads(first)
    assert "widgets" not in meta["metadata"]
    assert all("execution" not in c["metadata"] for c in meta["cells"])


def test_learner_generation_blanks_solutions_and_drops_solution_cells(tmp_path):
    solution = {
        "cells": [
            _md("# Exercises"),
            {**_md("The model answer is 42."), "metadata": {"tags": ["solution"]}},
            {**_code("import pandas as pd\n# solution\nanswer = 6 * 7\n", 1), "execution_count": 1,
             "outputs": [{"output_type": "stream", "name": "stdout", "text": "42\n"}]},
            _code("check('T.1', answer)", 2),
        ],
        "metadata": {"widgets": {}}, "nbformat": 4, "nbformat_minor": 5,
    }
    learner = learner_version(solution)
    sources = [nbtools.source(c) for c in learner["cells"]]
    assert "The model answer is 42." not in sources
    assert sources[1] == "import pandas as pd\n# Write your code here.\nanswer = ..."
    assert all(c.get("outputs", []) == [] for c in learner["cells"] if c["cell_type"] == "code")
    assert all(c.get("execution_count") is None for c in learner["cells"] if c["cell_type"] == "code")
    assert "widgets" not in learner["metadata"]
    assert solution["cells"][2]["outputs"], "the solution itself must not be modified"


def test_make_exercises_check_flags_a_stale_learner(tmp_path, monkeypatch):
    import tools.make_exercises as me

    (tmp_path / "exercises" / "solutions").mkdir(parents=True)
    sol = tmp_path / "exercises" / "solutions" / "99_demo.ipynb"
    nbtools.write({"cells": [_md("# Demo"), _code("# solution\nanswer = 1", 1)], "metadata": {},
                   "nbformat": 4, "nbformat_minor": 5}, sol)
    monkeypatch.setattr(me, "ROOT", tmp_path)
    assert me.main(["--check"]) == 1
    assert me.main([]) == 0
    assert me.main(["--check"]) == 0
    shutil.rmtree(tmp_path / "exercises")


def test_stream_chunks_are_joined_so_reruns_match():
    from tools.execute_notebooks import coalesce_streams

    outputs = [
        {"output_type": "stream", "name": "stdout", "text": "a\n"},
        {"output_type": "stream", "name": "stdout", "text": ["b\n", "c\n"]},
        {"output_type": "stream", "name": "stderr", "text": "warn\n"},
        {"output_type": "display_data", "data": {"text/plain": "x"}, "metadata": {}},
        {"output_type": "stream", "name": "stdout", "text": "d\n"},
    ]
    joined = coalesce_streams(outputs)
    assert [o.get("name") for o in joined] == ["stdout", "stderr", None, "stdout"]
    assert joined[0]["text"] == "a\nb\nc\n"


# ------------------------------------------------------------------ instructor material, the rule of check()

@pytest.mark.parametrize("path", LESSONS, ids=_rel)
def test_trainee_view_of_each_lesson_shows_no_speaker_notes(path):
    """Opened in JupyterLab, a lesson shows no speaker notes, timing or model answers in plain sight;
    the deck keeps them (their cells are still 'notes' slides)."""
    nb = nbtools.read(path)
    shown = "\n".join(instructor_cells.trainee_view(nb)).lower()
    for words in ("speaker notes", "instructor notes", "rubric for", "with model answers", "timing:"):
        assert words not in shown, f"{path.name}: a trainee reads {words!r}"
    notes = [c for c in nb["cells"] if instructor_cells.is_instructor(c)]
    assert notes, f"{path.name}: the speaker notes of the deck are gone"
    assert all(c["metadata"]["slideshow"]["slide_type"] == "notes" for c in notes)
    assert all(c["metadata"]["jupyter"]["source_hidden"] and "instructor" in c["metadata"]["tags"] for c in notes)
    assert all(nbtools.source(c).startswith(instructor_cells.LABEL) for c in notes), "the collapsed bar shows the label"


def test_instructor_cells_tool_marks_once_and_checks(tmp_path):
    notes = {**_md("**Speaker notes — timing.** 0-10 intro", slide="notes"), "id": "n1"}
    boxed = {**_md("*Instructor notes.* Ask the room first."), "id": "n2"}
    boxed["metadata"]["tags"] = ["instructor"]
    nb = {"cells": [_md("# 9 · Fixture"), notes, boxed, _md("Trainee text.")], "metadata": {},
          "nbformat": 4, "nbformat_minor": 5}
    path = tmp_path / "09_fixture.ipynb"
    nbtools.write(nb, path)
    assert instructor_cells.main(["--check", str(path)]) == 1
    assert instructor_cells.main([str(path)]) == 0
    marked = nbtools.read(path)
    label = instructor_cells.LABEL
    assert instructor_cells.trainee_view(marked) == ["# 9 · Fixture", label, label, "Trainee text."]
    assert instructor_cells.mark(marked) == 0, "marking twice changes nothing"
    assert instructor_cells.main(["--check", str(path)]) == 0
    assert nbtools.source(marked["cells"][1]) == f"{label}\n\n**Speaker notes — timing.** 0-10 intro"
    assert instructor_cells.strip_label(nbtools.source(marked["cells"][1])) == "**Speaker notes — timing.** 0-10 intro"
    sneaky = {"cells": [_md("# 9 · Fixture"), _md("**Speaker notes** left as a plain slide")], "metadata": {},
              "nbformat": 4, "nbformat_minor": 5}
    assert instructor_cells.unmarked(sneaky) == ["**Speaker notes** left as a plain slide"]


def test_the_rule_of_check_is_in_lesson_00_and_is_what_the_checker_does():
    from custlearn.exercises._core import agreement, canonical_labels

    assert tolerance_rule.main(["--check"]) == 0, "run tools/tolerance_rule.py"
    assert tolerance_rule.CELL_ID in [c.get("id") for c in nbtools.read(tolerance_rule.NOTEBOOK)["cells"]]
    # the examples of the rule's text
    assert [agreement(x, 0.6812) for x in (0.6812, 0.681, 0.68, 0.7)] == ["exact", "rounded", "rounded", "too coarse"]
    assert agreement(4212, 4211) is None
    month = pd.period_range("2025-01", periods=1, freq="M")
    labels = [month[0], pd.Timestamp("2025-01-01"), pd.Timestamp("2025-01-31"), "2025-01"]
    assert set(canonical_labels(labels, month)) == {"2025-01"}
