"""Shared notebook helpers for the maintainer tools and the hygiene tests.

Notebooks are read as plain JSON (fast, and exactly what git stores).

Three kinds of notebook live in the repository:

* ``lesson``   — ``notebooks/NN_topic.ipynb``: executed, outputs committed.
* ``solution`` — ``exercises/solutions/NN_topic.ipynb``: executed, outputs committed.
* ``learner``  — ``exercises/NN_topic.ipynb``: generated from the solution,
  committed *without* outputs.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MAX_BYTES = 2_000_000

# Phrases of the lesson template (../shared/NOTEBOOKS.md), and of its Chinese edition (zh/notebooks/ ...).
INTRO_PHRASE = {"lesson": "In this lesson you will", "solution": "In these exercises you will"}
OUTRO_PHRASE = "you learned to"
ZH_INTRO_PHRASE = {"lesson": "在本课中，你将", "solution": "在这些练习中，你将"}
ZH_OUTRO_PHRASE = "你学会了"
SLIDE_TYPES = {"slide", "subslide", "fragment", "skip", "notes", "-"}

# Absolute or machine-specific paths that must not be stored in a notebook.
MACHINE_PATH = re.compile(
    r"(/home/\w|/root/|/work/|/Users/\w|/tmp/|/var/folders/|[A-Za-z]:\\\\?Users|site-packages|\.venv/)"
)
# A warning printed into an output, e.g. "FutureWarning: ..." or "UserWarning:".
WARNING_TEXT = re.compile(r"\b[A-Z]\w*Warning\b\s*:|^\s*warnings\.warn", re.MULTILINE)


def read(path: str | Path) -> dict:
    """Read a notebook as JSON."""
    return json.loads(Path(path).read_text(encoding="utf-8"))


def write(nb: dict, path: str | Path) -> None:
    """Write a notebook the way Jupyter does (indent 1, sorted keys, UTF-8)."""
    text = json.dumps(nb, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
    Path(path).write_text(text, encoding="utf-8")


def source(cell: dict) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else src


def kind_of(path: str | Path) -> str:
    """'lesson', 'solution' or 'learner' from where the notebook lives."""
    p = Path(path)
    if p.parent.name == "solutions":
        return "solution"
    if p.parent.name == "exercises":
        return "learner"
    return "lesson"


def is_chinese_edition(path: str | Path) -> bool:
    """Is this notebook of the Chinese edition (zh/notebooks/, zh/exercises/)?"""
    return "zh" in Path(path).parts[-4:-2]


def output_text(output: dict) -> str:
    """All the text an output carries (stream text, plain/HTML data, traceback)."""
    parts: list[str] = []
    if "text" in output:
        parts.append(source({"source": output["text"]}))
    for mime, value in output.get("data", {}).items():
        if mime.startswith("text/") or mime.endswith("json"):
            parts.append(value if isinstance(value, str) else "".join(value) if isinstance(value, list) else json.dumps(value))
    if "traceback" in output:
        parts.extend(output["traceback"])
    return "\n".join(parts)


def problems(path: str | Path, kind: str | None = None) -> list[str]:
    """Everything wrong with a committed notebook, as readable sentences.

    An empty list means the notebook is clean. ``kind`` defaults to the kind
    implied by its location (see the module docstring).
    """
    path = Path(path)
    kind = kind or kind_of(path)
    found: list[str] = []
    size = path.stat().st_size
    if size > MAX_BYTES:
        found.append(f"file is {size / 1e6:.1f} MB; the limit is {MAX_BYTES / 1e6:.0f} MB (smaller figures?)")
    try:
        nb = read(path)
    except json.JSONDecodeError as exc:
        return [f"not valid JSON: {exc}"]
    cells = nb.get("cells", [])
    if not cells:
        return ["notebook has no cells"]
    if "widgets" in nb.get("metadata", {}):
        found.append("metadata.widgets is stored (random widget state); run `make notebooks` to drop it")

    first = cells[0]
    if first.get("cell_type") != "markdown" or not source(first).lstrip().startswith("# "):
        found.append('first cell must be a Markdown title starting with "# "')

    code = [c for c in cells if c.get("cell_type") == "code"]
    text_all = "\n".join(source(c) for c in cells if c.get("cell_type") == "markdown")

    if kind == "learner":
        for i, c in enumerate(code, 1):
            if c.get("outputs") or c.get("execution_count") is not None:
                found.append(f"code cell {i}: learner notebooks are committed without outputs (run `make exercises`)")
                break
        return found

    zh = is_chinese_edition(path)
    intro = (ZH_INTRO_PHRASE if zh else INTRO_PHRASE)[kind]
    outro = ZH_OUTRO_PHRASE if zh else OUTRO_PHRASE
    if intro.lower() not in text_all.lower():
        found.append(f'missing the "{intro}:" section of the template')
    if outro.lower() not in text_all.lower():
        found.append(f'missing the "... {outro}:" section of the template')
    if not code:
        found.append("notebook has no code cells")

    counts = [c.get("execution_count") for c in code]
    never = [i for i, n in enumerate(counts, 1) if n is None]
    if never:
        found.append(
            f"{len(never)} of {len(code)} code cells were never executed (first: code cell {never[0]}); "
            "strict nbval would check nothing there. Run `make notebooks`."
        )
    elif counts != list(range(1, len(counts) + 1)):
        found.append(f"execution counts are {counts[:8]}..., not 1..{len(counts)} in order; re-run top to bottom")

    for i, c in enumerate(code, 1):
        for out in c.get("outputs", []):
            otype = out.get("output_type")
            if otype == "error":
                found.append(f"code cell {i}: error output ({out.get('ename')}: {out.get('evalue')})")
            elif otype == "stream" and out.get("name") == "stderr":
                first_line = source({"source": out.get("text", "")}).strip().splitlines()[:1]
                found.append(f"code cell {i}: stderr output ({first_line[0][:100] if first_line else ''})")
            text = output_text(out)
            if otype != "error" and WARNING_TEXT.search(text):
                found.append(f"code cell {i}: a warning is printed in the output; fix its cause")
            m = MACHINE_PATH.search(text)
            if m:
                found.append(f"code cell {i}: output contains a machine-specific path ({m.group(0)!r})")
        m = MACHINE_PATH.search(source(c))
        if m:
            found.append(f"code cell {i}: source contains a machine-specific path ({m.group(0)!r})")

    if kind == "lesson":
        from tools.instructor_cells import unmarked

        for head in unmarked(nb):
            found.append(f"instructor material in plain sight of a trainee ({head[:60]!r}): "
                         "run tools/instructor_cells.py to tag it 'instructor' and collapse it")
        missing = [
            i for i, c in enumerate(cells, 1)
            if c.get("metadata", {}).get("slideshow", {}).get("slide_type") not in SLIDE_TYPES
        ]
        if missing:
            found.append(
                f"{len(missing)} cell(s) have no slide metadata (first: cell {missing[0]}); "
                "every lesson cell needs metadata.slideshow.slide_type so the notebook is also the deck"
            )
    return found


def committed_notebooks(kind: str) -> list[Path]:
    """Notebooks of one kind in the repository, sorted."""
    pattern = {"lesson": "notebooks/*.ipynb", "solution": "exercises/solutions/*.ipynb", "learner": "exercises/*.ipynb"}[kind]
    return sorted(ROOT.glob(pattern))
