"""The Chinese edition (issue 21): built from the English notebooks and the translation files.

Usage (from the repository root; `make notebooks` runs ``build``)::

    .venv/bin/python tools/translate.py status                 # what is missing or stale, per notebook
    .venv/bin/python tools/translate.py skeleton notebooks/05_value.ipynb   # add entries to translate
    .venv/bin/python tools/translate.py check notebooks/05_value.ipynb      # one file's problems
    .venv/bin/python tools/translate.py accept notebooks/05_value.ipynb c05-012   # revised: current again
    .venv/bin/python tools/translate.py build [NOTEBOOK ...]   # write zh/notebooks/, zh/exercises/solutions/

**One source for code and numbers.** The English notebooks
(``notebooks/*.ipynb``, ``exercises/solutions/*.ipynb``) are the source. Their
Chinese text lives in ``translations/zh/<the notebook's path>.yml``, one entry
per cell, keyed by the cell's id::

    cells:
    - id: 3f2a9c1e            # the English cell's id
      sha: 9b0e4c1d27aa       # sha256 of the English source it translates (first 12 hex digits)
      markdown: |-            # a Markdown cell: its Chinese text
        ## 5.2 · RFM 分析 ...
    - id: 77c0d2b4
      sha: 1c5e0f9a3b21
      code: |-                # a code cell: the same code, its comments and printed words in Chinese
        print(f"收入占比：{share:.1%}")
    - id: 0d1e2f3a
      sha: 5a6b7c8d9e0f
      same: true              # a code cell read and found to have nothing to translate

Which cells need an entry: every Markdown cell but the glossary table (built
from docs/glossary.yml), and every code cell with a comment or a string
literal holding letters, except the hidden claim cells (tag ``claim``). A
code translation may change only comments and strings: its syntax tree must
equal the English one when strings and comments are set aside, every string
it changes must contain Chinese, and an f-string keeps the same expressions.
Digits are kept: a Markdown translation holds the same numbers as its source.
``skeleton`` writes the missing and stale entries with the English text and
``todo: true``; a translator replaces the text and removes the flag.

The built notebook is the English one (ids, tags, slide metadata) with the
Chinese text, the glossary table in Chinese, and one line first in the first
code cell: ``custlearn.set_language("zh")``. `make notebooks` then executes it;
tests/test_translations.py fails when a translation is missing, todo or
stale, when the built notebooks are not what the files say, or when an output
of the Chinese edition holds other numbers than the English one.
"""

from __future__ import annotations

import argparse
import ast
import copy
import functools
import hashlib
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tools.instructor_cells import LABEL, LABEL_ZH  # noqa: E402
from tools.nbtools import ROOT, read, source, write  # noqa: E402

LANG = "zh"
TRANSLATIONS = ROOT / "translations" / LANG
CJK = re.compile(r"[\u3400-\u9fff\uff01-\uff5e\u3000-\u303f]")
HAS_LETTERS = re.compile(r"[A-Za-z]")
LANGUAGE_LINES = ('import custlearn\n'
                  'custlearn.set_language("zh")  # 中文版：custlearn 的图表、反馈和错误信息都用中文\n\n')
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
DECK_QUOTE = re.compile(r"「[^」]*」")


# ------------------------------------------------------------------ where things live

def english_notebooks() -> list[Path]:
    return sorted(ROOT.glob("notebooks/*.ipynb")) + sorted(ROOT.glob("exercises/solutions/*.ipynb"))


def zh_path(english: Path) -> Path:
    """notebooks/X -> zh/notebooks/X; exercises/solutions/X -> zh/exercises/solutions/X."""
    rel = english.resolve().relative_to(ROOT)
    if rel.parts[0] == "notebooks":
        return ROOT / LANG / "notebooks" / rel.name
    return ROOT / LANG / "exercises" / "solutions" / rel.name


def translation_path(english: Path) -> Path:
    rel = english.resolve().relative_to(ROOT)
    return TRANSLATIONS / rel.with_suffix(".yml")


def sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


# ------------------------------------------------------------------ which cells are translated

def is_claim(cell: dict) -> bool:
    return "claim" in cell.get("metadata", {}).get("tags", [])


def is_glossary(cell: dict) -> bool:
    from tools.build_glossary import is_glossary_cell

    return is_glossary_cell(cell)


def _strings_and_comments(src: str) -> list[str]:
    import io
    import tokenize

    try:
        toks = list(tokenize.generate_tokens(io.StringIO(_python(src)).readline))
    except (tokenize.TokenError, SyntaxError, IndentationError):
        return [src]
    return [t.string for t in toks if t.type in (tokenize.STRING, tokenize.COMMENT)]


def needs_entry(cell: dict) -> bool:
    """Does this English cell need a translation entry?"""
    if cell["cell_type"] == "markdown":
        return not is_glossary(cell)
    if cell["cell_type"] != "code" or is_claim(cell):
        return False
    return any(HAS_LETTERS.search(s) for s in _strings_and_comments(source(cell)))


# ------------------------------------------------------------------ reading and writing the files

def _yaml():
    import yaml

    class Dumper(yaml.SafeDumper):
        pass

    def text(dumper, data):
        style = "|" if "\n" in data and not re.search(r"[ \t]\n|[ \t]$", data) else None
        return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)

    Dumper.add_representer(str, text)
    return yaml, Dumper


def load(path: Path) -> list[dict]:
    """The entries of a translation file (an empty list if there is none)."""
    if not path.exists():
        return []
    yaml, _ = _yaml()
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    cells = data.get("cells", [])
    if not isinstance(cells, list) or not all(isinstance(e, dict) and "id" in e for e in cells):
        raise ValueError(f"{path}: 'cells' must be a list of entries, each with an 'id'")
    return cells


def save(path: Path, english: Path, entries: list[dict]) -> None:
    yaml, Dumper = _yaml()
    path.parent.mkdir(parents=True, exist_ok=True)
    head = (f"# 中文版 of {english.resolve().relative_to(ROOT)} -> {zh_path(english).relative_to(ROOT)}\n"
            "# Built by tools/translate.py (read its docstring): one entry per cell, keyed by the English cell's id.\n")
    body = yaml.dump({"cells": entries}, Dumper=Dumper, allow_unicode=True, sort_keys=False, width=1000)
    path.write_text(head + body, encoding="utf-8")


# ------------------------------------------------------------------ code: only words may change

def _python(src: str) -> str:
    """The cell as plain Python (IPython's magics turned into calls)."""
    from IPython.core.inputtransformer2 import TransformerManager

    return TransformerManager().transform_cell(src)


class _Shape(ast.NodeTransformer):
    """Set the words aside: every string becomes '', an f-string the sorted list of its expressions."""

    def __init__(self) -> None:
        self.strings: list[str] = []
        self.inner: list[str] = []

    def visit_Constant(self, node: ast.Constant) -> ast.AST:
        if isinstance(node.value, str):
            self.strings.append(node.value)
            return ast.copy_location(ast.Constant(value=""), node)
        return node

    def visit_JoinedStr(self, node: ast.JoinedStr) -> ast.AST:
        parts = [v for v in node.values if isinstance(v, ast.FormattedValue)]
        literal = "".join(v.value for v in node.values if isinstance(v, ast.Constant))
        self.strings.append("f:" + literal)
        # The fields as a sorted list (words may move them around); strings inside a field (a
        # separator, a key) are set aside too and kept apart, as a multiset.
        inner = _Shape()
        exprs = sorted(ast.dump(inner.visit(copy.deepcopy(p))) for p in parts)
        self.inner += inner.strings + inner.inner
        return ast.copy_location(ast.Constant(value="f-string:" + "|".join(exprs)), node)


def _shape(src: str) -> tuple[str, list[str], list[str]]:
    shaper = _Shape()
    tree = shaper.visit(ast.parse(_python(src)))
    return ast.dump(tree), shaper.strings, shaper.inner


def code_problems(english: str, chinese: str) -> list[str]:
    """Why ``chinese`` is not the English code with only its words translated (empty: it is)."""
    try:
        en_shape, en_strings, en_inner = _shape(english)
        zh_shape, zh_strings, zh_inner = _shape(chinese)
    except SyntaxError as exc:
        return [f"the Chinese code does not parse: {exc}"]
    if en_shape != zh_shape:
        return ["the Chinese code differs from the English code beyond its strings and comments "
                "(same statements, names, numbers and f-string expressions are required)"]
    marker = re.compile(r"^\s*#\s*(end )?solution\s*$", re.IGNORECASE | re.MULTILINE)
    if marker.findall(english) != marker.findall(chinese):
        return ["the '# solution' / '# end solution' marker lines must stay as they are (English, same places)"]
    changed = [(e, z) for e, z in zip(en_strings, zh_strings) if e != z and not CJK.search(z)]
    changed += [("(a string inside an f-string field)", z) for z in (Counter(zh_inner) - Counter(en_inner))
                if not CJK.search(z)]
    if changed:
        e, z = changed[0]
        return [f"a string changed without becoming Chinese: {e!r} -> {z!r} (data, column names and "
                "arguments stay as they are)"]
    return []


MONTHS = {m: i for i, m in enumerate(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov",
                                        "dec"], 1)}
_MONTH = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
# Ways of writing the same number in the two languages, rewritten to one form before counting:
# 63 million = 6,300 万 = 63000000; 1 亿 = 100 million; "31 Dec 2024" = 2024 年 12 月 31 日.
_SCALES = [(re.compile(r"(\d+(?:\.\d+)?)\s*(?:million\b|M\b)"), 10**6), (re.compile(r"(\d+(?:\.\d+)?)\s*billion\b"), 10**9),
           (re.compile(r"(\d+(?:\.\d+)?)\s*百万"), 10**6), (re.compile(r"(\d+(?:\.\d+)?)\s*万"), 10**4), (re.compile(r"(\d+(?:\.\d+)?)\s*亿"), 10**8)]
_DATES = [(re.compile(r"\b" + _MONTH + r"\s*[-–]\s*" + _MONTH + r"\s+(\d{4})", re.I),
           lambda m: f"{m[3]} {MONTHS[m[1].lower()]} {MONTHS[m[2].lower()]}"),
          (re.compile(r"\b(\d{1,2})\s+" + _MONTH + r"\s+(\d{4})", re.I), lambda m: f"{m[3]} {MONTHS[m[2].lower()]} {m[1]}"),
          (re.compile(r"\b" + _MONTH + r"\s+(\d{1,2}),?\s+(\d{4})", re.I), lambda m: f"{m[3]} {MONTHS[m[1].lower()]} {m[2]}"),
          (re.compile(r"\b" + _MONTH + r"\s+(\d{4})", re.I), lambda m: f"{m[2]} {MONTHS[m[1].lower()]}")]


def _scaled(m: re.Match, factor: int) -> str:
    value = float(m[1].replace(",", "")) * factor
    return f"{value:.0f}" if value == int(value) else f"{value:g}"


@functools.cache
def _digit_terms() -> list[str]:
    from tools import build_glossary as bg

    words = {w for t in bg.load().terms for w in (t.term, t.zh, *re.findall(r"\(([^)]*)\)", t.term))}
    return sorted((w for w in words if re.search(r"\d", w)), key=len, reverse=True)


def _without_terms(text: str) -> str:
    """The text without the glossary terms that hold digits (留住后的12个月价值, 20/80/30 rule): a term is
    written as the glossary has it, whatever the other language's sentence says."""
    for term in _digit_terms():
        text = re.sub(re.escape(term), " ", text, flags=re.IGNORECASE)
    return text


def same_numbers(english: str, chinese: str) -> bool:
    """Do the two texts hold the same numbers? Each side's numbers outside a glossary term must all be in
    the other side (the English "value if kept over 12 months" is the term 留住后的12个月价值)."""
    en, zh = numbers(english), numbers(chinese)
    if en == zh:
        return True
    return not (numbers(_without_terms(english)) - zh) and not (numbers(_without_terms(chinese)) - en)


def numbers(text: str) -> Counter:
    """The numbers written in a text, counted: thousands separators and leading zeros dropped, and
    "63 million" / "6300 万", "31 Dec 2024" / "2024 年 12 月 31 日" read as the same numbers."""
    text = re.sub(r"(?<=\d),(?=\d{3}\b)", "", text)
    for pattern, factor in _SCALES:
        text = pattern.sub(lambda m, f=factor: _scaled(m, f), text)
    for pattern, repl in _DATES:
        text = pattern.sub(repl, text)
    found = NUMBER.findall(text)
    return Counter(str(int(n)) if n.isdigit() else n for n in (x.replace(",", "") for x in found))


# ------------------------------------------------------------------ the checks

def problems(english: Path) -> list[str]:
    """Everything that keeps this notebook's Chinese edition from being built (empty: nothing)."""
    nb = read(english)
    path = translation_path(english)
    if not path.exists():
        return [f"no translation file {path.relative_to(ROOT)} (run tools/translate.py skeleton {english.relative_to(ROOT)})"]
    try:
        entries = load(path)
    except Exception as exc:  # a YAML error names the line
        return [f"{path.relative_to(ROOT)} cannot be read: {exc}"]
    by_id = {e["id"]: e for e in entries}
    found: list[str] = []
    dupes = [i for i, n in Counter(e["id"] for e in entries).items() if n > 1]
    if dupes:
        found.append(f"entries repeated for cells {dupes}")
    cells = {c["id"]: c for c in nb["cells"]}
    for orphan in [i for i in by_id if i not in cells]:
        found.append(f"cell {orphan}: the English notebook has no such cell any more (remove the entry)")
    for i, cell in enumerate(nb["cells"], 1):
        where = f"cell {i} ({cell['id']}, {cell['cell_type']})"
        entry = by_id.get(cell["id"])
        if entry is None:
            if needs_entry(cell):
                found.append(f"{where}: not translated")
            continue
        src = source(cell)
        if entry.get("todo"):
            found.append(f"{where}: marked todo")
        if entry.get("sha") != sha(src):
            found.append(f"{where}: stale (the English changed since it was translated)")
            continue
        keys = {"markdown", "code", "same"} & set(entry)
        expected = {"markdown"} if cell["cell_type"] == "markdown" else {"code", "same"}
        if len(keys) != 1 or not keys <= expected:
            found.append(f"{where}: the entry needs exactly one of {sorted(expected)}")
            continue
        if "markdown" in entry:
            zh = str(entry["markdown"])
            if src.startswith(LABEL) and not zh.startswith(LABEL_ZH):
                found.append(f"{where}: an instructor cell's Chinese starts with the label {LABEL_ZH}")
            lost = [q for q in DECK_QUOTE.findall(src) if q not in zh]
            if lost:
                found.append(f"{where}: a deck quotation must stay exactly as it is: {lost[0]}")
            if not same_numbers(src, zh):
                diff = (numbers(src) - numbers(zh)) + (numbers(zh) - numbers(src))
                found.append(f"{where}: the Chinese text has other numbers than the English ({sorted(diff)})")
        elif "code" in entry and not entry.get("todo"):
            found += [f"{where}: {p}" for p in code_problems(src, str(entry["code"]))]
    return found


# ------------------------------------------------------------------ whole documents

#: Documents translated whole (Chinese file -> English source). The Chinese file's first line names its
#: source and the hash of the English it translates (``document_header``); a test fails when it is stale.
DOCUMENTS = {"README.zh.md": "README.md", "docs/zh/intro.md": "docs/intro.md",
             "docs/zh/instructor_guide.md": "docs/instructor_guide.md"}
DOC_HEADER = re.compile(r"^<!-- 译自 (\S+)（sha256 前 12 位：([0-9a-f]{12})）")


def document_header(english: str) -> str:
    """The first line of a document's Chinese translation: its source and that source's hash."""
    text = (ROOT / english).read_text(encoding="utf-8")
    return f"<!-- 译自 {english}（sha256 前 12 位：{sha(text)}）；英文原文改动后，请同步更新译文和这一行。 -->"


def document_problems(chinese: str) -> list[str]:
    path = ROOT / chinese
    if not path.exists():
        return [f"{chinese} is missing (the Chinese of {DOCUMENTS[chinese]})"]
    first = path.read_text(encoding="utf-8").split("\n", 1)[0]
    m = DOC_HEADER.match(first)
    if not m or m.group(1) != DOCUMENTS[chinese]:
        return [f"{chinese}: the first line must be {document_header(DOCUMENTS[chinese])!r}"]
    if m.group(2) != sha((ROOT / DOCUMENTS[chinese]).read_text(encoding="utf-8")):
        return [f"{chinese} is stale: {DOCUMENTS[chinese]} changed since it was translated "
                f"(update the translation, then its first line to {document_header(DOCUMENTS[chinese])!r})"]
    return []


# ------------------------------------------------------------------ building

_CJK_END = re.compile(r"[\u3400-\u9fff\u3000-\u303f\uff01-\uff5e“”‘’]$")
_CJK_START = re.compile(r"^[\u3400-\u9fff\u3000-\u303f\uff01-\uff5e“”‘’]")


def join_cjk_lines(markdown: str) -> str:
    r"""Join a paragraph's lines where both sides of the break are Chinese.

    Markdown turns a line break inside a paragraph into a space, which shows
    between Chinese characters; a translator may still wrap lines. A quote's
    lines are joined the same way; code blocks, and lines that start a list
    item, a heading or a table row, are kept as they are.

    >>> join_cjk_lines("第一行\n接着写。\n- 列表\n```\n代码\n注释\n```")
    '第一行接着写。\n- 列表\n```\n代码\n注释\n```'
    """
    out: list[str] = []
    fenced = False
    for line in markdown.split("\n"):
        if line.lstrip().startswith("```"):
            fenced = not fenced
            out.append(line)
            continue
        prev = out[-1] if out else ""
        quoted = prev.lstrip().startswith(">") and line.lstrip().startswith(">")
        rest = line.lstrip()[1:].lstrip() if quoted else line.lstrip()  # a quote's next line: after its ">"
        if (not fenced and out and _CJK_END.search(prev) and _CJK_START.search(rest)
                and not prev.lstrip().startswith(("|", "#")) and (quoted or not line.lstrip().startswith(">"))):
            out[-1] = prev + rest
        else:
            out.append(line)
    return "\n".join(out)


def build(english: Path) -> dict:
    """The Chinese notebook for an English one: its text translated, outputs cleared."""
    nb = copy.deepcopy(read(english))
    from tools import build_glossary as bg

    by_id = {e["id"]: e for e in load(translation_path(english))}
    first_code = True
    glossary = bg.load()
    for cell in nb["cells"]:
        entry = by_id.get(cell["id"], {})
        if cell["cell_type"] == "markdown":
            if is_glossary(cell):
                text = bg.lesson_cell_zh(glossary, english.stem)
            else:
                text = join_cjk_lines(str(entry.get("markdown", source(cell))))
            cell["source"] = text
            continue
        if cell["cell_type"] != "code":
            continue
        text = str(entry["code"]) if "code" in entry else source(cell)
        if first_code:
            text, first_code = LANGUAGE_LINES + text, False
        cell["source"] = text
        cell["outputs"] = []
        cell["execution_count"] = None
    nb["metadata"]["custlearn"] = {"language": LANG, "source": str(english.resolve().relative_to(ROOT))}
    return nb


def same_sources(built: dict, committed: dict) -> bool:
    """Do two notebooks have the same cells (ids, kinds, sources, metadata), whatever their outputs?"""
    def key(nb: dict) -> list:
        return [(c["id"], c["cell_type"], source(c), c.get("metadata", {})) for c in nb["cells"]]

    return key(built) == key(committed) and built["metadata"].get("custlearn") == committed["metadata"].get("custlearn")


def skeleton(english: Path) -> int:
    """Add an entry (the English text, todo) for every cell that needs one and has none or a stale one."""
    nb = read(english)
    path = translation_path(english)
    old = {e["id"]: e for e in load(path)}
    entries, added = [], 0
    for cell in nb["cells"]:
        src = source(cell)
        entry = old.get(cell["id"])
        if entry is not None and entry.get("sha") == sha(src):
            entries.append(entry)
            continue
        if not needs_entry(cell) and entry is None:
            continue
        kind = "markdown" if cell["cell_type"] == "markdown" else "code"
        new = {"id": cell["id"], "sha": sha(src), "todo": True, kind: src}
        if entry is not None:  # stale: keep the old Chinese to revise
            new = {"id": cell["id"], "sha": sha(src), "todo": True, "was": entry.get("markdown", entry.get("code", "")),
                   kind: src}
        entries.append(new)
        added += 1
    save(path, english, entries)
    return added


def accept(english: Path, cell_ids: list[str]) -> int:
    """Mark entries current after their Chinese was revised to the changed English (their sha updated)."""
    english = english.resolve()
    sources = {c["id"]: source(c) for c in read(english)["cells"]}
    entries = load(translation_path(english))
    unknown = [i for i in cell_ids if i not in sources or i not in {e["id"] for e in entries}]
    if unknown:
        print(f"no such translated cell(s) in {english.relative_to(ROOT)}: {unknown}")
        return 1
    for entry in entries:
        if entry["id"] in cell_ids:
            entry["sha"] = sha(sources[entry["id"]])
            entry.pop("todo", None)
            entry.pop("was", None)
    save(translation_path(english), english, entries)
    print(f"accepted {len(cell_ids)} entr{'y' if len(cell_ids) == 1 else 'ies'} of {english.relative_to(ROOT)}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["status", "skeleton", "check", "build", "docs", "accept"])
    parser.add_argument("notebooks", nargs="*", type=Path)
    args = parser.parse_args(argv)
    if args.command == "accept":  # a stale entry revised by hand: record the English it now translates
        return accept(args.notebooks[0], [str(c) for c in args.notebooks[1:]])
    if args.command == "docs":  # the documents translated whole, and the header line each needs
        found = [p for chinese in DOCUMENTS for p in document_problems(chinese)]
        print("\n".join(found) or f"ok: {len(DOCUMENTS)} documents are current")
        return 1 if found else 0
    chosen = [p.resolve() for p in args.notebooks] or english_notebooks()
    chosen = [p if LANG not in p.relative_to(ROOT).parts[:1] else Path(read(p)["metadata"]["custlearn"]["source"]) for p in chosen]
    bad = 0
    for english in chosen:
        rel = english.resolve().relative_to(ROOT)
        if args.command == "skeleton":
            print(f"{rel}: {skeleton(english)} entries to translate in {translation_path(english).relative_to(ROOT)}")
            continue
        found = problems(english)
        if args.command in ("status", "check"):
            print(f"{'ok   ' if not found else 'TODO '} {rel}: {len(found)} problem(s)")
            for p in found[: None if args.command == "check" else 3]:
                print(f"       - {p}")
            bad += bool(found)
            continue
        if found:
            print(f"skipped {rel}: {len(found)} translation problem(s), e.g. {found[0]}")
            bad += 1
            continue
        out = zh_path(english)
        built = build(english)
        if out.exists() and same_sources(built, read(out)):
            print(f"same    {out.relative_to(ROOT)}")
            continue
        out.parent.mkdir(parents=True, exist_ok=True)
        write(built, out)
        print(f"wrote   {out.relative_to(ROOT)}")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
