"""The course glossary: one source file, every lesson's glossary table and the site's glossary page.

``docs/glossary.yml`` holds one entry per concept (English term, ONE Chinese term, one English definition,
the lessons that list it, the source decks' own wording where it differs, related terms) and the rules that
choose between 顾客 and 客户 (its header explains them). From it this script writes

- the glossary cell at the end of every lesson (the markdown cell holding ``| English | 中文 | Definition |``;
  its id and metadata are kept, its rows are the entries that list the lesson, sorted by term), and
- the site's glossary page (every entry, with its deck wording and lesson links).

Usage::

    python tools/build_glossary.py cells [notebooks/*.ipynb] [--check]   # what `make notebooks` runs
    python tools/build_glossary.py page [-o _build/book/glossary.md]     # what `make book` runs
    python tools/build_glossary.py terms [notebooks/*.ipynb docs/*.md]   # prose that breaks the term rules
    python tools/build_glossary.py decks [../shared/seeds]               # deck quotes found in the decks?

Every command first checks the source (sorted, one entry per term and per Chinese term, known lessons and
related terms, the 顾客/客户 rules) and stops with the list of problems if there are any. ``cells`` is
idempotent: a second run changes nothing. Notebooks are read and written as plain JSON (no Jupyter needed).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "docs" / "glossary.yml"
LESSONS = ROOT / "notebooks"
# The source decks (Chinese) live beside the repository, not in it; CUSTLEARN_DECKS points elsewhere.
DECKS = Path(os.environ.get("CUSTLEARN_DECKS", ROOT.parent / "shared" / "seeds"))
HEADER = ("english", "中文", "definition")
TITLE = "## Glossary"
FIELDS = ("term", "zh", "definition", "lessons", "deck", "deck_note", "see", "zh_definition")
REQUIRED = ("term", "zh", "definition", "lessons")
DECK_NUMBERS = ("000", "001", "002", "003", "004")
CJK = re.compile(r"[\u3400-\u9fff]")
# Quotations and code are not the course's own wording: the term rules skip them.
QUOTED = re.compile(r"```.*?```|`[^`\n]*`|“[^”\n]*”|「[^」\n]*」|『[^』\n]*』|\"[^\"\n]*\"", re.DOTALL)
# Deck 003's stored text follows some characters with their pinyin, e.g. 客戶(hù): not part of the deck's words.
PINYIN = re.compile(r"\([a-zü\u00e0-\u00fc\u0101-\u01dc]+\)")


@dataclass(frozen=True)
class Term:
    term: str
    zh: str
    definition: str
    lessons: tuple[str, ...]
    deck: tuple[tuple[str, str], ...] = ()
    deck_note: str = ""
    see: tuple[str, ...] = ()
    zh_definition: str = ""


@dataclass(frozen=True)
class Glossary:
    terms: tuple[Term, ...]
    rules: dict

    def for_lesson(self, stem: str) -> list[Term]:
        return [t for t in self.terms if stem in t.lessons]


# ------------------------------------------------------------------ the source file

def load(path: str | Path = SOURCE) -> Glossary:
    """Read the glossary source; a ValueError names the entry and field that cannot be read."""
    import yaml  # in the test extra; Jupyter Book (make book) brings it too

    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    if not isinstance(data, dict) or not isinstance(data.get("terms"), list) or not isinstance(data.get("rules"), dict):
        raise ValueError(f"{path}: expected the two sections 'rules:' and 'terms:' (a list of entries)")
    terms = []
    for i, entry in enumerate(data["terms"]):
        name = entry.get("term", "?") if isinstance(entry, dict) else repr(entry)
        where = f"{path}: entry {i + 1} ({name})"
        if not isinstance(entry, dict):
            raise ValueError(f"{where}: an entry is a mapping with the fields {', '.join(REQUIRED)}")
        missing = [f for f in REQUIRED if not entry.get(f)]
        unknown = sorted(set(entry) - set(FIELDS))
        if missing or unknown:
            raise ValueError(f"{where}: missing {missing}, unknown {unknown}; the fields are {', '.join(FIELDS)} "
                             f"({', '.join(REQUIRED)} required)")
        if not isinstance(entry["lessons"], list) or not isinstance(entry.get("see", []), list) \
                or not isinstance(entry.get("deck", {}), dict):
            raise ValueError(f"{where}: 'lessons' and 'see' are lists, 'deck' maps a deck number to a quote")
        terms.append(Term(
            term=str(entry["term"]), zh=str(entry["zh"]), definition=str(entry["definition"]),
            lessons=tuple(str(s) for s in entry["lessons"]),
            deck=tuple((str(k), str(v)) for k, v in entry.get("deck", {}).items()),
            deck_note=str(entry.get("deck_note", "")), see=tuple(str(s) for s in entry.get("see", [])),
            zh_definition=str(entry.get("zh_definition", "")),
        ))
    return Glossary(tuple(terms), data["rules"])


def avoided(rules: dict) -> dict[str, str]:
    """Every form the course does not write, with the course's term: 顾客/客户 swaps of the listed terms, and 'avoid'."""
    out = {}
    for kind, other in (("客户", "顾客"), ("顾客", "客户")):
        for term in rules.get(kind, []):
            swapped = term.replace(kind, other)
            if swapped not in rules.get("deck_words", {}):
                out[swapped] = term
    out.update(rules.get("avoid", {}))
    return out


def violations(text: str, glossary: Glossary) -> list[tuple[str, str, int]]:
    """(form written, course term, position) for every use of an avoided form outside quotations and code.

    A form is fine where it is part of a term the rules name (客户关系 inside 客户关系管理, 流失风险 inside
    流失风险评分, listed under 'fine').
    """
    text = QUOTED.sub(lambda m: " " * len(m.group(0)), text)
    rules = glossary.rules
    accepted = set(rules.get("客户", [])) | set(rules.get("顾客", [])) | set(rules.get("avoid", {}).values()) \
        | set(rules.get("fine", []))
    found = []
    for wrong, right in avoided(glossary.rules).items():
        for m in re.finditer(re.escape(wrong), text):
            if not any(_inside(text, m.start(), wrong, ok) for ok in accepted):
                found.append((wrong, right, m.start()))
    return sorted(found, key=lambda f: f[2])


def _inside(text: str, start: int, form: str, term: str) -> bool:
    """True if the ``form`` found at ``start`` is part of an occurrence of ``term`` in ``text``."""
    k = term.find(form)
    while k != -1:
        if start - k >= 0 and text[start - k:start - k + len(term)] == term:
            return True
        k = term.find(form, k + 1)
    return False


def problems(glossary: Glossary, lessons: list[str]) -> list[str]:
    """Everything wrong with the source, as sentences (empty: the source is sound)."""
    out = []
    names = [t.term for t in glossary.terms]
    if names != sorted(names, key=str.casefold):
        out.append("entries are not sorted by term (case-insensitive)")
    for field in ("term", "zh"):
        values = [getattr(t, field) for t in glossary.terms]
        out += [f"two entries have the {field} {v!r}" for v in sorted({v for v in values if values.count(v) > 1})]
    for t in glossary.terms:
        for field in ("term", "zh", "definition", "deck_note", "zh_definition"):
            if "\n" in getattr(t, field) or re.search(r"(?<!\\)\|", getattr(t, field)):
                out.append(f"{t.term}: {field} must be one line without '|'")
        if not t.definition.endswith((".", "?", ")")):
            out.append(f"{t.term}: the definition is a sentence: end it with a full stop")
        if not CJK.search(t.zh):
            out.append(f"{t.term}: zh {t.zh!r} has no Chinese")
        out += [f"{t.term}: unknown lesson {s!r} (known: {', '.join(lessons)})" for s in t.lessons if s not in lessons]
        if len(set(t.lessons)) != len(t.lessons):
            out.append(f"{t.term}: a lesson is listed twice")
        out += [f"{t.term}: 'see' names {s!r}, which is not a term" for s in t.see if s not in names or s == t.term]
        out += [f"{t.term}: deck {d!r} is not one of {', '.join(DECK_NUMBERS)}" for d, _ in t.deck if d not in DECK_NUMBERS]
        out += [f"{t.term}: zh {t.zh!r} writes {w} (the course writes {r})" for w, r, _ in violations(t.zh, glossary)]
    return out


def checked(path: str | Path = SOURCE) -> Glossary:
    """The glossary, or SystemExit with every problem of the source listed."""
    glossary = load(path)
    found = problems(glossary, lesson_stems())
    if found:
        sys.exit(f"build_glossary: {path} has {len(found)} problem(s):\n  " + "\n  ".join(found))
    return glossary


def lesson_stems() -> list[str]:
    return [p.stem for p in sorted(LESSONS.glob("*.ipynb"))]


# ------------------------------------------------------------------ lesson glossary cells

def _cells(row: str) -> list[str]:
    """Split one Markdown table row into stripped cells (``\\|`` is kept)."""
    row = row.strip()
    if row.startswith("|"):
        row = row[1:]
    if row.endswith("|") and not row.endswith("\\|"):
        row = row[:-1]
    return [c.strip() for c in re.split(r"(?<!\\)\|", row)]


def _is_rule(row: str) -> bool:
    return bool(re.fullmatch(r"\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*", row))


def _is_header(lines: list[str], i: int) -> bool:
    return "|" in lines[i] and tuple(c.lower() for c in _cells(lines[i])) == HEADER \
        and i + 1 < len(lines) and _is_rule(lines[i + 1])


def glossary_rows(markdown: str) -> list[tuple[str, str, str]]:
    """Rows of every ``English | 中文 | Definition`` table in a Markdown text."""
    lines = markdown.splitlines()
    rows: list[tuple[str, str, str]] = []
    i = 0
    while i < len(lines):
        if _is_header(lines, i):
            i += 2
            while i < len(lines) and lines[i].strip().startswith("|"):
                cells = _cells(lines[i])
                if len(cells) == 3 and cells[0]:
                    rows.append((cells[0], cells[1], cells[2]))
                i += 1
            continue
        i += 1
    return rows


def _source(cell: dict) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else src


def is_glossary_cell(cell: dict) -> bool:
    lines = _source(cell).splitlines()
    return cell.get("cell_type") == "markdown" and any(_is_header(lines, i) for i in range(len(lines)))


def lesson_title(nb: dict, default: str) -> str:
    """The first level-1 heading of the notebook, without the leading ``#``."""
    for cell in nb.get("cells", []):
        if cell.get("cell_type") != "markdown":
            continue
        for line in _source(cell).splitlines():
            if line.startswith("# "):
                return line[2:].strip()
    return default


def lesson_cell(glossary: Glossary, stem: str) -> str:
    """The markdown of a lesson's glossary cell: the entries that list the lesson, sorted by term."""
    lines = [TITLE, "", "| English | 中文 | Definition |", "|---|---|---|"]
    lines += [f"| {t.term} | {t.zh} | {t.definition} |" for t in glossary.for_lesson(stem)]
    return "\n".join(lines)


def sync(path: str | Path, glossary: Glossary, write: bool = True) -> bool:
    """Make the notebook's glossary cell what the source says; True if it differed (and, with write, was fixed)."""
    path = Path(path)
    nb = json.loads(path.read_text(encoding="utf-8"))
    cells = [c for c in nb.get("cells", []) if is_glossary_cell(c)]
    if len(cells) != 1:
        sys.exit(f"build_glossary: {path.name} has {len(cells)} glossary cells ('| English | 中文 | Definition |' "
                 "tables); a lesson ends with exactly one")
    cell, text = cells[0], lesson_cell(glossary, path.stem)
    if _source(cell) == text:
        return False
    if write:
        cell["source"] = text.splitlines(keepends=True) if isinstance(cell.get("source"), list) else text
        path.write_text(json.dumps(nb, indent=1, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
    return True


def read_glossary(path: str | Path) -> list[tuple[str, str, str]]:
    """The (English, 中文, Definition) rows of a notebook's glossary table, as the learner sees them."""
    nb = json.loads(Path(path).read_text(encoding="utf-8"))
    return [row for c in nb.get("cells", []) if c.get("cell_type") == "markdown" for row in glossary_rows(_source(c))]


# ------------------------------------------------------------------ the prose of the lessons

def prose_violations(path: str | Path, glossary: Glossary) -> list[str]:
    """Sentences naming each use of an avoided term in a lesson's markdown (not its glossary cell) or a .md page."""
    path = Path(path)
    if path.suffix == ".ipynb":
        nb = json.loads(path.read_text(encoding="utf-8"))
        parts = [(f"cell {c.get('id')}", _source(c)) for c in nb.get("cells", [])
                 if c.get("cell_type") == "markdown" and not is_glossary_cell(c)]
    else:
        parts = [(f"line {n}", line) for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)]
    out = []
    for where, text in parts:
        for wrong, right, at in violations(text, glossary):
            context = text[max(0, at - 30):at + len(wrong) + 15].replace("\n", " ")
            out.append(f"{path.name} {where}: {wrong} -> {right}: …{context}…")
    return out


# ------------------------------------------------------------------ the decks

def deck_text(number: str, folder: Path = DECKS) -> str:
    """A deck's stored text, without the pinyin readings that follow some characters of deck 003."""
    files = sorted(folder.glob(f"{number}_*.txt"))
    if not files:
        raise FileNotFoundError(f"no deck {number}_*.txt in {folder}")
    return PINYIN.sub("", files[0].read_text(encoding="utf-8"))


def deck_problems(glossary: Glossary, folder: Path = DECKS) -> list[str]:
    """Deck quotes of the source that the deck does not contain word for word."""
    texts = {n: deck_text(n, folder) for n in DECK_NUMBERS}
    return [f"{t.term}: deck {n} does not contain {quote!r}" for t in glossary.terms for n, quote in t.deck
            if quote not in texts.get(n, "")]


# ------------------------------------------------------------------ the site's page

def _deck_cell(t: Term) -> str:
    text = "; ".join(f"{quote} ({n})" for n, quote in t.deck)
    return f"{text} *({t.deck_note})*" if t.deck and t.deck_note else text


def _lesson_ref(stem: str, text: str, link: bool) -> str:
    return f"[{text}]({stem}.ipynb)" if link else text


def render(glossary: Glossary, titles: dict[str, str], link: bool = True) -> str:
    """The glossary page (MyST Markdown): every entry, its deck wording and its lessons."""
    rules = glossary.rules
    out = [
        "# Glossary (术语表)",
        "",
        f"{len(glossary.terms)} terms of the {len(titles)} lessons, sorted by the English term. *中文* is the one "
        "Chinese term the course uses for the concept; *Deck* gives the source decks' own wording where it "
        "differs (deck number in parentheses); *Lessons* says where the term is taught.",
        "",
        "**顾客 or 客户?** The course writes 客户 when the firm manages the relationship and its value ("
        + "、".join(rules.get("客户", [])[:8]) + " …) and 顾客 for the customer's own experience and attitude, "
        "and in the names of the syllabus (" + "、".join(rules.get("顾客", [])) + "). The decks mix the two; "
        f"the {'[instructor guide](instructor_guide.md)' if link else 'instructor guide'} explains the rule.",
        "",
        "Generated by `tools/build_glossary.py` from `docs/glossary.yml`: edit that file, not this page.",
        "",
        "| English | 中文 | Definition | Deck | Lessons |",
        "|---|---|---|---|---|",
    ]
    for t in glossary.terms:
        see = f" See: {', '.join(t.see)}." if t.see else ""
        where = ", ".join(_lesson_ref(s, s.split("_", 1)[0], link) for s in t.lessons)
        out.append(f"| {t.term} | {t.zh} | {t.definition}{see} | {_deck_cell(t)} | {where} |")
    out += ["", "## Lessons", ""]
    out += [f"- {stem.split('_', 1)[0]} · {_lesson_ref(stem, title, link)}" for stem, title in sorted(titles.items())]
    return "\n".join(out) + "\n"


def lesson_cell_zh(glossary: Glossary, stem: str) -> str:
    """The glossary cell of a lesson's Chinese edition: 中文 | English | 定义 (``zh_definition``)."""
    lines = ["## 术语表", "", "| 中文 | English | 定义 |", "|---|---|---|"]
    lines += [f"| {t.zh} | {t.term} | {t.zh_definition or t.definition} |" for t in glossary.for_lesson(stem)]
    return "\n".join(lines)


def render_zh(glossary: Glossary, titles: dict[str, str], link: bool = True) -> str:
    """The glossary page of the Chinese site: every entry with its Chinese definition, deck wording and lessons."""
    rules = glossary.rules
    out = [
        "# 术语表 (Glossary)",
        "",
        f"{len(titles)} 课的 {len(glossary.terms)} 个术语，按英文术语排序。*中文* 是本课程为每个概念使用的唯一中文术语；"
        "*课件* 列出来源课件与之不同的原文措辞（括号内为课件编号）；*课* 说明在哪几课讲到。",
        "",
        "**顾客还是客户？** 企业经营关系及其价值时，本课程写 客户（" + "、".join(rules.get("客户", [])[:8])
        + " …）；指顾客自身的体验与态度，以及课程大纲的名称时，写 顾客（" + "、".join(rules.get("顾客", []))
        + "）。课件中两者混用；" + ("[讲师指南](instructor_guide.md)" if link else "讲师指南") + "说明了这条规则。",
        "",
        "本页由 `tools/build_glossary.py` 根据 `docs/glossary.yml` 生成：请修改该文件，而不是本页。",
        "",
        "| 中文 | English | 定义 | 课件 | 课 |",
        "|---|---|---|---|---|",
    ]
    zh_of = {t.term: t.zh for t in glossary.terms}
    for t in glossary.terms:
        see = f" 参见：{'、'.join(zh_of.get(s, s) for s in t.see)}。" if t.see else ""
        where = ", ".join(_lesson_ref(s, s.split("_", 1)[0], link) for s in t.lessons)
        deck = "; ".join(f"{quote} ({n})" for n, quote in t.deck)
        out.append(f"| {t.zh} | {t.term} | {t.zh_definition or t.definition}{see} | {deck} | {where} |")
    out += ["", "## 各课", ""]
    out += [f"- {stem.split('_', 1)[0]} · {_lesson_ref(stem, title, link)}" for stem, title in sorted(titles.items())]
    return "\n".join(out) + "\n"


def titles_of(paths: list[Path]) -> dict[str, str]:
    return {p.stem: lesson_title(json.loads(p.read_text(encoding="utf-8")), p.stem) for p in paths}


# ------------------------------------------------------------------ command line

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    cells = sub.add_parser("cells", help="write (or --check) every lesson's glossary cell")
    cells.add_argument("notebooks", nargs="*", help="default: notebooks/*.ipynb")
    cells.add_argument("--check", action="store_true", help="change nothing; exit 1 if a cell differs")
    page = sub.add_parser("page", help="the site's glossary page")
    page.add_argument("-o", "--output", default="-", help="output file (default: stdout)")
    page.add_argument("--no-links", action="store_true", help="lesson column as plain text")
    page.add_argument("--lang", choices=["en", "zh"], default="en", help="zh: the Chinese site's page")
    terms = sub.add_parser("terms", help="list prose that writes a term the course does not use")
    terms.add_argument("files", nargs="*", help="default: notebooks/*.ipynb docs/*.md")
    decks = sub.add_parser("decks", help="check the deck quotes against the decks' text")
    decks.add_argument("folder", nargs="?", default=str(DECKS))
    parser.add_argument("--source", default=str(SOURCE), help="the glossary source (default: docs/glossary.yml)")
    args = parser.parse_args(argv)
    glossary = checked(args.source)
    lessons = sorted(LESSONS.glob("*.ipynb"))
    if args.command == "cells":
        paths = [Path(p) for p in args.notebooks] or lessons
        differ = [p.name for p in paths if sync(p, glossary, write=not args.check)]
        verb = "differs from docs/glossary.yml in" if args.check else "rewrote the glossary cell of"
        print(f"build_glossary: {verb} {', '.join(differ)}" if differ else
              f"build_glossary: the glossary cells of {len(paths)} notebooks are up to date")
        return 1 if differ and args.check else 0
    if args.command == "page":
        if args.lang == "zh":
            text = render_zh(glossary, titles_of(sorted((ROOT / "zh" / "notebooks").glob("*.ipynb"))), link=not args.no_links)
        else:
            text = render(glossary, titles_of(lessons), link=not args.no_links)
        if args.output == "-":
            sys.stdout.write(text)
        else:
            Path(args.output).parent.mkdir(parents=True, exist_ok=True)
            Path(args.output).write_text(text, encoding="utf-8")
            print(f"build_glossary: {len(glossary.terms)} terms -> {args.output}")
        return 0
    if args.command == "terms":
        files = [Path(p) for p in args.files] or lessons + sorted((ROOT / "docs").glob("*.md"))
        found = [line for f in files for line in prose_violations(f, glossary)]
        print("\n".join(found) if found else f"build_glossary: the prose of {len(files)} files follows the term rules")
        return 1 if found else 0
    found = deck_problems(glossary, Path(args.folder))
    print("\n".join(found) if found else f"build_glossary: every deck quote is in the decks ({args.folder})")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
