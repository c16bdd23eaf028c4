"""Keep instructor-only material out of a trainee's first read of the lesson notebooks.

    python tools/instructor_cells.py [notebooks/NN_topic.ipynb ...]   # mark them (default: notebooks/*.ipynb)
    python tools/instructor_cells.py --check                         # exit 1 if a cell is not marked

Instructor cells are the speaker notes of the decks (slide type ``notes``:
timing tables, discussion prompts with their model answers, grading rubrics,
instructor boxes) and any cell an author tags ``instructor`` by hand. Each
gets the tag ``instructor``, ``metadata.jupyter.source_hidden = true`` and, as
its first line, the label ``LABEL`` below:

* JupyterLab shows the cell collapsed: a thin bar showing only the cell's
  first line (the label), to click for the rest, so a trainee running the
  lesson reads neither the model answers nor the timing;
* the decks keep them: nbconvert and jupyterlab-rise show ``notes`` cells in
  the speaker view (press ``s`` or ``t``), whatever their metadata;
* the course site leaves them out of the lesson pages and gathers them on
  the instructor page (``tools/build_book.py``).

The marking changes metadata and adds the label line (never other text, never
outputs) and is idempotent: run it again after merging lesson changes;
``make notebooks`` does. The decks and the site's instructor page leave the
label out (``strip_label``).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tools.nbtools import ROOT, read, source, write  # noqa: E402

TAG = "instructor"
# The first line of a collapsed cell is all JupyterLab shows of it: a label, not the notes' first sentence.
LABEL = "*Instructor material: collapsed for trainees, shown in the deck's speaker view.*"
# The same label in the Chinese edition (translations/zh/ keep it exactly: tools/translate.py checks).
LABEL_ZH = "*讲师材料：对学员折叠显示，在幻灯片的演讲者视图中显示。*"
# Words that say "for the instructor" in the first line of a cell a trainee must not meet in plain sight.
INSTRUCTOR_WORDS = ("speaker notes", "instructor notes", "rubric for", "timing (", "timing:")


def is_instructor(cell: dict) -> bool:
    """A speaker-notes cell, or one tagged ``instructor``."""
    meta = cell.get("metadata", {})
    return meta.get("slideshow", {}).get("slide_type") == "notes" or TAG in meta.get("tags", [])


def is_marked(cell: dict) -> bool:
    meta = cell.get("metadata", {})
    return (TAG in meta.get("tags", []) and meta.get("jupyter", {}).get("source_hidden") is True
            and source(cell).split("\n", 1)[0] in (LABEL, LABEL_ZH))


def strip_label(text: str) -> str:
    """An instructor cell's text without the label line (for the decks and the site's instructor page)."""
    for label in (LABEL, LABEL_ZH):
        if text.startswith(label):
            return text[len(label):].lstrip("\n")
    return text


def mark(nb: dict) -> int:
    """Tag and collapse every instructor cell of ``nb`` (in place); return how many changed."""
    changed = 0
    for cell in nb.get("cells", []):
        if not is_instructor(cell) or is_marked(cell):
            continue
        meta = cell.setdefault("metadata", {})
        tags = meta.setdefault("tags", [])
        if TAG not in tags:
            tags.append(TAG)
        meta.setdefault("jupyter", {})["source_hidden"] = True
        text = source(cell)
        if not text.startswith(LABEL):
            cell["source"] = f"{LABEL}\n\n{text}"
        changed += 1
    return changed


def trainee_view(nb: dict) -> list[str]:
    """The text a trainee reads when the lesson opens in JupyterLab: every cell, and of a collapsed
    cell only its first line (what JupyterLab's collapsed bar shows)."""
    shown = []
    for cell in nb.get("cells", []):
        text = source(cell)
        if cell.get("metadata", {}).get("jupyter", {}).get("source_hidden"):
            text = text.split("\n", 1)[0]
        shown.append(text)
    return shown


def _first_line(cell: dict) -> str:
    text = source(cell).strip()
    return text.splitlines()[0] if text else "(empty)"


def unmarked(nb: dict) -> list[str]:
    """The first line of each instructor cell a trainee would read in plain sight: speaker notes not
    collapsed, and cells not marked as notes whose first line says they are for the instructor."""
    found = []
    for cell in nb.get("cells", []):
        head = _first_line(cell)
        if is_instructor(cell) and not is_marked(cell):
            found.append(head)
        elif not is_instructor(cell) and any(word in head.lower() for word in INSTRUCTOR_WORDS):
            found.append(head)
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="*", type=Path, help="default: notebooks/*.ipynb")
    parser.add_argument("--check", action="store_true", help="only report cells a trainee would read")
    args = parser.parse_args(argv)
    paths = args.notebooks or sorted((ROOT / "notebooks").glob("*.ipynb"))
    bad = 0
    for path in paths:
        nb = read(path)
        if args.check:
            for line in unmarked(nb):
                bad += 1
                print(f"{path.name}: instructor material in plain sight: {line[:80]!r} (run tools/instructor_cells.py)")
            continue
        changed = mark(nb)
        if changed:
            write(nb, path)
            print(f"instructor_cells: {path.name}: {changed} cell(s) tagged '{TAG}' and collapsed")
        if unmarked(nb):
            bad += 1
            print(f"{path.name}: instructor words in a trainee's cell: {unmarked(nb)} (tag it '{TAG}')")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
