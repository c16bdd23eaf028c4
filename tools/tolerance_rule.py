"""Write the rule by which ``check()`` judges answers into lesson 00, where trainees meet ``check`` first.

The example values are written as code (what a trainee types), not as claims about the data.

    python tools/tolerance_rule.py          # insert or update the cell in notebooks/00_start_here.ipynb
    python tools/tolerance_rule.py --check  # exit 1 if the cell is missing or differs from RULE below

The cell (id ``c00-tolerance``) follows the cell that says where the exercises
and model answers are. Only this cell is written; run the tool again after
merging lesson changes (it is idempotent). The rule itself is implemented once,
in ``custlearn/exercises/_core.py`` (``agreement``, ``canonical_labels``) and
``_charts.py``; ``tests/test_notebooks.py`` keeps this text and the code in step.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tools.nbtools import ROOT, read, source, write  # noqa: E402

NOTEBOOK = ROOT / "notebooks" / "00_start_here.ipynb"
CELL_ID = "c00-tolerance"
AFTER = "exercises/solutions/00_start_here.ipynb"  # the cell that names the model answers
RULE = """**How `check` judges an answer.** A number is right when it equals the answer, or the answer
rounded to the precision you wrote, down to two significant digits: if the exact share is `0.6812`,
then `0.6812`, `0.681` and `0.68` are all right (`check` says that you rounded), but `0.7` is rounded
too far. Counts (whole numbers) must be exact. A table follows the same rule cell by cell, so a table
shown with `.round(3)` is right; rows that name the same month are the same rows whether you label
them `2025-01`, with the first or the last day of the month, or as text. A chart is judged by the data
it draws (the values of its lines, bars or points), then by its title and axis labels."""


def rule_cell() -> dict:
    return {"cell_type": "markdown", "id": CELL_ID, "metadata": {"slideshow": {"slide_type": "fragment"}},
            "source": RULE}


def place(nb: dict) -> bool:
    """Insert or update the rule cell in ``nb`` (in place); True if anything changed."""
    cells = nb["cells"]
    existing = [i for i, c in enumerate(cells) if c.get("id") == CELL_ID]
    if existing:
        cell = cells[existing[0]]
        if source(cell) == RULE:
            return False
        cell["source"] = RULE
        return True
    anchor = next((i for i, c in enumerate(cells) if c["cell_type"] == "markdown" and AFTER in source(c)), None)
    if anchor is None:
        raise SystemExit(f"tolerance_rule: no cell naming {AFTER} in {NOTEBOOK.name}; place the rule by hand")
    cells.insert(anchor + 1, rule_cell())
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report a missing or stale rule cell")
    args = parser.parse_args(argv)
    nb = read(NOTEBOOK)
    changed = place(nb)
    if args.check:
        if changed:
            print(f"tolerance_rule: {NOTEBOOK.name} lacks the current rule cell: run tools/tolerance_rule.py")
        return 1 if changed else 0
    if changed:
        write(nb, NOTEBOOK)
        print(f"tolerance_rule: wrote the rule cell into {NOTEBOOK.name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
