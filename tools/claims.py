"""Claims are tests: the numbers in a lesson's prose, and the cells that prove them.

A lesson may state a number or a comparison drawn from the data only if the
notebook proves it. The proof is a *claim cell*: a short code cell right
after the sentence, whose source starts with ``# Claim:`` and which asserts
the claim from the values computed above it, e.g.::

    # Claim: repeat customers leak more than first-time buyers (44% lost against 41%).
    assert leak.loc["repeat", "lost"] > leak.loc["first-time", "lost"]
    assert round(100 * leak.loc["repeat", "lost"]) == 44

Claim cells print nothing. They are hidden from the learner (collapsed
source in JupyterLab), from the slides (slide type "skip") and from the site
(tag ``remove-cell``); ``python tools/claims.py tag notebooks/*.ipynb`` gives
every ``# Claim:`` cell that metadata (re-runnable; ``make notebooks`` runs it).
When the data or the code change so that a claim no longer holds, the
notebook stops with an AssertionError under ``make test``.

The numeral test (``tests/test_claims.py``) finds every number written in a
markdown cell and requires that it

- appears in an output of the notebook (the number the reader sees above), or
- appears in a claim cell or as a literal in a code cell (a parameter the
  text describes, such as a 90-day window), or
- is part of a constant cited from the literature, listed with its source in
  the notebook's metadata ``custlearn.constants`` (``[{"text": "20/80/30",
  "source": "Kotler (1999) ..."}]``); ``python tools/claims.py cite NB TEXT
  SOURCE`` adds one.

Numbers that are not claims are skipped: inline code and code blocks, lesson,
deck, case, step and cell numbers ("lesson 05", "deck 002", "[12]", "lesson 1 of 8"), exercise
ids ("04.2"), ordered list markers, the lesson number in the title, the rows
of a lesson map, class minutes ("a 90-minute class", a timing table's
"15–25"), and publication years (1900-2023: the course data start in 2024).

    python tools/claims.py report notebooks/*.ipynb     # unbacked numbers, per notebook
    python tools/claims.py tag notebooks/*.ipynb        # hide every claim cell
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tools.nbtools import output_text, read, source, write

CLAIM_PREFIX = "# Claim:"
CLAIM_TAGS = ["claim", "remove-cell"]

NUMERAL = re.compile(r"(?<![\w.\-/])[-+−]?\d[\d,]*(?:\.\d+)?(?![\w])")
_CODE = re.compile(r"```.*?```|`[^`\n]*`", re.DOTALL)
_LINK_TARGET = re.compile(r"\]\([^)]*\)")
_HTML_TAG = re.compile(r"<[^>]+>")
_STRUCTURAL = re.compile(
    r"(?:\b(?:[Ll]essons?|[Dd]ecks?|[Cc]ases?|[Ss]teps?|[Ee]xercises?|[Qq]uestions?|[Pp]arts?|"
    r"[Cc]hapters?|ch\.|[Ss]ections?|[Ss]lides?|[Cc]ells?|[Ii]ssues?|[Ff]igures?|[Tt]ables?|[Ee]q\.?|RFC)"
    r"\s+)(\d{1,3}[a-c]?(?:\s*(?:,|and|or|-|–|to|of)\s*\d{1,3}[a-c]?)*)"
)
_CELL_REF = re.compile(r"\[\d{1,3}\](?!\()")
_LIST_MARKER = re.compile(r"^\s*\d{1,2}[.)]\s", re.MULTILINE)
_TITLE_NUMBER = re.compile(r"^#\s+\d{1,2}[a-c]?\s*·", re.MULTILINE)
_CHECK_ID = re.compile(r"\b0\d[a-c]?\.\d{1,2}\b")  # exercise ids such as 04.2 or 08b.3
_MINUTES = re.compile(r"\b\d{1,3}(?:\s*[–-]\s*\d{1,3})?(?:\s*|-)(?:minutes?|min)\b")  # class time, not data
_TIMING_ROW = re.compile(r"^\|\s*\d{1,3}\s*[–-]\s*\d{1,3}\s*\|", re.MULTILINE)  # a lesson plan's minutes
_LESSON_NUMBER = re.compile(r"0\d")  # "lessons 02 (lifecycle), 03 (...)": data never have a leading zero
_MAP_ROW = re.compile(r"^\|\s*\d{2}[a-c]?\s*\|", re.MULTILINE)  # a lesson map's lesson numbers


def normalise(token: str) -> str:
    """A numeral as digits: '1,756' -> '1756', '−3.5' -> '-3.5', '44.0' -> '44'."""
    token = token.replace(",", "").replace("−", "-").lstrip("+")
    if "." in token:
        token = token.rstrip("0").rstrip(".")
    return token or "0"


def _is_publication_year(token: str) -> bool:
    return len(token) == 4 and token.isdigit() and 1900 <= int(token) <= 2023


def prose(text: str, constants: list[str] = ()) -> str:
    """The markdown with everything that is not a claim removed (code, links, cited constants ...)."""
    for constant in sorted(constants, key=len, reverse=True):
        text = text.replace(constant, " ")
    for pattern in (_CODE, _LINK_TARGET, _HTML_TAG, _CELL_REF, _LIST_MARKER, _TITLE_NUMBER, _CHECK_ID,
                    _MINUTES, _TIMING_ROW, _MAP_ROW):
        text = pattern.sub(" ", text)
    return _STRUCTURAL.sub(" ", text)


def numerals(text: str, constants: list[str] = ()) -> list[str]:
    """The numbers a markdown text states, as written (claims only; see the module docstring)."""
    found = []
    for match in NUMERAL.finditer(prose(text, constants)):
        token = match.group(0)
        if not _is_publication_year(normalise(token)) and not _LESSON_NUMBER.fullmatch(token):
            found.append(token)
    return found


def is_claim(cell: dict) -> bool:
    return cell.get("cell_type") == "code" and source(cell).lstrip().startswith(CLAIM_PREFIX)


def constants_of(nb: dict) -> list[dict]:
    return list(nb.get("metadata", {}).get("custlearn", {}).get("constants", []))


def backing(nb: dict) -> set[str]:
    """Every number the notebook itself shows or asserts, normalised."""
    texts = []
    for cell in nb.get("cells", []):
        if cell.get("cell_type") != "code":
            continue
        texts.append(source(cell))
        texts.extend(output_text(o) for o in cell.get("outputs", []))
    found = set()
    for text in texts:
        for token in NUMERAL.findall(text):
            found.add(normalise(token))
            # "0.44" in an output also backs "44%" in prose, and "44%" backs "0.44".
            value = normalise(token)
            try:
                x = float(value)
            except ValueError:
                continue
            if abs(x) < 10:
                found.add(normalise(f"{100 * x:.10g}"))
    return found


def unbacked(nb: dict) -> list[tuple[int, str]]:
    """(cell index, numeral) of every number in markdown that nothing in the notebook backs."""
    constants = [c["text"] for c in constants_of(nb)]
    shown = backing(nb)
    out = []
    for i, cell in enumerate(nb.get("cells", [])):
        if cell.get("cell_type") != "markdown":
            continue
        for token in numerals(source(cell), constants):
            if normalise(token) not in shown:
                out.append((i, token))
    return out


def claim_problems(nb: dict) -> list[str]:
    """Claim cells that are not hidden, print something, or do not assert."""
    problems = []
    for i, cell in enumerate(nb.get("cells", [])):
        if not is_claim(cell):
            continue
        meta = cell.get("metadata", {})
        if not set(CLAIM_TAGS) <= set(meta.get("tags", [])) or not meta.get("jupyter", {}).get("source_hidden") \
                or meta.get("slideshow", {}).get("slide_type") != "skip":
            problems.append(f"cell {i}: claim cell not hidden (run: python tools/claims.py tag <notebook>)")
        if cell.get("outputs"):
            problems.append(f"cell {i}: a claim cell must print nothing")
        if "assert" not in source(cell):
            problems.append(f"cell {i}: a claim cell must assert its claim")
    return problems


def tag(path: str | Path) -> bool:
    """Give every claim cell of a notebook its hiding metadata; True if the file changed."""
    nb = read(path)
    changed = False
    for cell in nb.get("cells", []):
        if not is_claim(cell):
            continue
        meta = cell.setdefault("metadata", {})
        tags = meta.setdefault("tags", [])
        before = repr(meta)
        for t in CLAIM_TAGS:
            if t not in tags:
                tags.append(t)
        meta.setdefault("jupyter", {})["source_hidden"] = True
        meta.setdefault("slideshow", {})["slide_type"] = "skip"
        changed |= repr(meta) != before
    if changed:
        write(nb, path)
    return changed


def cite(path: str | Path, text: str, source_: str) -> None:
    """List ``text`` as a constant cited from ``source_`` in the notebook's metadata."""
    nb = read(path)
    constants = nb.setdefault("metadata", {}).setdefault("custlearn", {}).setdefault("constants", [])
    if not any(c["text"] == text for c in constants):
        constants.append({"text": text, "source": source_})
        write(nb, path)


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"report", "tag", "cite"}:
        print(__doc__)
        return 2
    command, args = argv[0], argv[1:]
    if command == "cite":
        cite(args[0], args[1], args[2])
        return 0
    bad = 0
    for path in args:
        if command == "tag":
            if tag(path):
                print(f"tagged claim cells in {path}")
            continue
        nb = read(path)
        missing = unbacked(nb)
        problems = claim_problems(nb)
        bad += len(missing) + len(problems)
        cells = nb["cells"]
        for i, token in missing:
            line = next((ln for ln in source(cells[i]).splitlines() if token in ln), "")
            print(f"{path}: cell {i}: {token!r} is not backed: {line.strip()[:110]}")
        for p in problems:
            print(f"{path}: {p}")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
