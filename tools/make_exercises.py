"""Generate the learner exercise notebooks from the solution notebooks.

Usage (from the repository root; `make exercises` calls it)::

    .venv/bin/python tools/make_exercises.py          # write exercises/NN_*.ipynb
    .venv/bin/python tools/make_exercises.py --check  # exit 1 if any is stale

The solution notebook ``exercises/solutions/NN_topic.ipynb`` is the source.
Markers an author uses there:

* In a code cell, a line ``# solution`` starts the part the learner writes.
  Everything from that line to the end of the cell (or to a line
  ``# end solution``) is replaced by ``# Write your code here.``; each
  ``answer...`` name the removed part assigned at the start of a line comes
  back as ``answer = ...`` so the check cell that follows still runs.
* A cell tagged ``solution`` (cell metadata ``tags``) is left out of the
  learner version entirely: model answers, explanations of the solution.

Learner notebooks are written without outputs or execution counts.
"""

from __future__ import annotations

import argparse
import copy
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tools.nbtools import ROOT, read, source, write  # noqa: E402

START = re.compile(r"^\s*#\s*solution\s*$", re.IGNORECASE)
END = re.compile(r"^\s*#\s*end solution\s*$", re.IGNORECASE)
ANSWER = re.compile(r"^(answer\w*)\s*=(?!=)")
PLACEHOLDER = "# Write your code here."
PLACEHOLDERS = {"en": PLACEHOLDER, "zh": "# 在这里写你的代码。"}


def blank_code(src: str, placeholder: str = PLACEHOLDER) -> str:
    """Replace the ``# solution`` part of a code cell's source.

    >>> print(blank_code("x = 1\\n# solution\\nanswer = x + 1"))
    x = 1
    # Write your code here.
    answer = ...
    >>> print(blank_code("# solution\\nfig, ax = plt.subplots()\\nanswer_ax = ax\\n# end solution\\ncheck('1', answer_ax)"))
    # Write your code here.
    answer_ax = ...
    check('1', answer_ax)
    """
    lines = src.split("\n")
    out: list[str] = []
    in_solution = False
    removed: list[str] = []

    def flush() -> None:
        out.append(placeholder)
        names: list[str] = []
        for line in removed:
            m = ANSWER.match(line)
            if m and m.group(1) not in names:
                names.append(m.group(1))
        out.extend(f"{name} = ..." for name in names)
        removed.clear()

    for line in lines:
        if not in_solution and START.match(line):
            in_solution = True
            continue
        if in_solution and END.match(line):
            in_solution = False
            flush()
            continue
        (removed if in_solution else out).append(line)
    if in_solution:
        flush()
    return "\n".join(out)


def learner_version(solution: dict, language: str = "en") -> dict:
    """The learner notebook for a solution notebook (a new dict); ``language`` of the placeholder comment."""
    nb = copy.deepcopy(solution)
    nb.get("metadata", {}).pop("widgets", None)
    cells = []
    for cell in nb["cells"]:
        tags = cell.get("metadata", {}).get("tags", [])
        if "solution" in tags:
            continue
        if cell["cell_type"] == "code":
            src = source(cell)
            if any(START.match(line) for line in src.split("\n")):
                src = blank_code(src, PLACEHOLDERS[language])
            cell["source"] = src
            cell["outputs"] = []
            cell["execution_count"] = None
        else:
            cell["source"] = source(cell)
        cell.get("metadata", {}).pop("execution", None)
        cells.append(cell)
    nb["cells"] = cells
    return nb


def targets() -> list[tuple[Path, Path, str]]:
    """(solution, learner notebook, language): the English exercises and their Chinese edition (zh/exercises/)."""
    pairs = []
    for language, folder in [("en", ROOT / "exercises"), ("zh", ROOT / "zh" / "exercises")]:
        solutions = sorted((folder / "solutions").glob("*.ipynb"))
        pairs += [(s, folder / s.name, language) for s in solutions]
    return pairs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report stale learner notebooks")
    args = parser.parse_args(argv)
    stale = 0
    for solution_path, learner_path, language in targets():
        new = learner_version(read(solution_path), language)
        current = read(learner_path) if learner_path.exists() else None
        if current == new:
            continue
        stale += 1
        if args.check:
            print(f"stale: {learner_path.relative_to(ROOT)} (run `make exercises`)")
        else:
            write(new, learner_path)
            print(f"wrote {learner_path.relative_to(ROOT)}")
    return 1 if (args.check and stale) else 0


if __name__ == "__main__":
    raise SystemExit(main())
