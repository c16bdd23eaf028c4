"""The instructor-kit scripts: glossary, site table of contents, deck checks.

Fast and offline: plain JSON fixtures, no jupyter-book, no npm, no browser.
`make book` and `make slides` themselves are exercised by `make test-browser`.
"""

import json
import re
from pathlib import Path

import pytest
import yaml

from tools import build_book, build_glossary, build_slides

ROOT = Path(__file__).resolve().parents[1]
LESSONS = sorted((ROOT / "notebooks").glob("*.ipynb"))
CJK = re.compile(r"[\u3400-\u9fff]")

GLOSSARY_CELL = """## Glossary

| English | 中文 | Definition |
|---|---|---|
| Net Promoter Score (NPS) | 净推荐值 | Promoters minus detractors, in points. |
| churn rate | 流失率 | Share of customers lost in a period. |
| Pipe \\| inside | 竖线 | A cell may contain an escaped pipe. |
"""
OTHER_TABLE = """## Ways to ask

| Way | 中文 | What it gives |
|---|---|---|
| Survey | 问卷调查 | numbers |
"""


def _notebook(path: Path, cells: list[str], title: str = "# 9 · Test lesson (测试)") -> Path:
    nb = {
        "nbformat": 4,
        "nbformat_minor": 5,
        "metadata": {},
        "cells": [{"cell_type": "markdown", "metadata": {}, "source": s} for s in [title, *cells]]
        + [{"cell_type": "code", "metadata": {}, "source": "x = 1", "outputs": [], "execution_count": 1}],
    }
    path.write_text(json.dumps(nb, ensure_ascii=False), encoding="utf-8")
    return path


def test_reads_only_the_glossary_table(tmp_path):
    nb = _notebook(tmp_path / "09_test.ipynb", [OTHER_TABLE, GLOSSARY_CELL])
    entries = build_glossary.read_glossary(nb)
    assert [e.english for e in entries] == ["Net Promoter Score (NPS)", "churn rate", "Pipe \\| inside"]
    first = entries[0]
    assert (first.chinese, first.definition) == ("净推荐值", "Promoters minus detractors, in points.")
    assert {e.lesson for e in entries} == {"09_test"}
    assert {e.title for e in entries} == {"9 · Test lesson (测试)"}


def test_source_as_list_of_lines(tmp_path):
    nb = _notebook(tmp_path / "09_lines.ipynb", [GLOSSARY_CELL.splitlines(keepends=True)])
    assert len(build_glossary.read_glossary(nb)) == 3


def test_render_sorts_case_insensitively_and_names_the_lesson(tmp_path):
    a = _notebook(tmp_path / "09_a.ipynb", [GLOSSARY_CELL])
    b = _notebook(tmp_path / "10_b.ipynb", ["| English | 中文 | Definition |\n|---|---|---|\n| Advocate | 推荐者 | Recommends us. |\n"],
                  title="# 10 · Other")
    page = build_glossary.render(build_glossary.read_glossary(a) + build_glossary.read_glossary(b))
    rows = [line for line in page.splitlines() if line.startswith("| ") and not line.startswith("| English")]
    assert [r.split(" | ")[0][2:] for r in rows] == ["Advocate", "churn rate", "Net Promoter Score (NPS)", "Pipe \\| inside"]
    assert rows[0].endswith("| [10](10_b.ipynb) |")
    assert "| English | 中文 | Definition | Lesson |" in page
    assert "4 entries from 2 lessons" in page
    plain = build_glossary.render(build_glossary.read_glossary(a), link=False)
    assert "](" not in plain.split("## Lessons")[0]


def test_main_writes_the_page_and_fails_without_a_glossary(tmp_path, capsys):
    good = _notebook(tmp_path / "09_good.ipynb", [GLOSSARY_CELL])
    out = tmp_path / "site" / "glossary.md"
    assert build_glossary.main([str(good), "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("# Glossary (术语表)")
    bad = _notebook(tmp_path / "09_bad.ipynb", [OTHER_TABLE])
    assert build_glossary.main([str(good), str(bad), "-o", str(out)]) == 1
    assert "09_bad.ipynb" in capsys.readouterr().err


@pytest.mark.parametrize("path", LESSONS, ids=[p.stem for p in LESSONS])
def test_every_lesson_has_a_readable_glossary(path):
    entries = build_glossary.read_glossary(path)
    assert len(entries) >= 5, f"{path.name}: no 'English | 中文 | Definition' glossary table (or under 5 terms)"
    for e in entries:
        assert e.english and e.definition, e
        assert CJK.search(e.chinese), f"{path.name}: '{e.english}' has no Chinese term ({e.chinese!r})"
    assert not entries[0].title == path.stem, f"{path.name}: no '# title' heading"


def test_site_toc_lists_every_lesson_and_page():
    toc = yaml.safe_load((ROOT / "docs" / "_toc.yml").read_text(encoding="utf-8"))
    files = [toc["root"]] + [ch["file"] for part in toc["parts"] for ch in part["chapters"]]
    assert len(files) == len(set(files))
    assert [f for f in files if f[:2].isdigit()] == [p.stem for p in LESSONS], "docs/_toc.yml and notebooks/ differ"
    assert {"intro", "glossary", "data_dictionary", "instructor_guide"} <= set(files)
    assert (ROOT / "docs" / "intro.md").is_file()
    config = yaml.safe_load((ROOT / "docs" / "_config.yml").read_text(encoding="utf-8"))
    assert config["execute"]["execute_notebooks"] == "off", "the site must show the committed outputs"
    # the intro's lesson map links every lesson
    intro = (ROOT / "docs" / "intro.md").read_text(encoding="utf-8")
    for p in LESSONS:
        assert f"]({p.name})" in intro, f"docs/intro.md does not link {p.name}"


def test_docs_extra_is_what_build_book_installs():
    assert any(r.startswith("jupyter-book") and "<2" in r for r in build_book.requirements())


def test_offline_check_of_decks():
    html = """<script src="require.js"></script>
    <link rel="stylesheet" href="reveal.js/dist/reveal.css">
    <script src="https://cdnjs.cloudflare.com/ajax/libs/jquery/2.0.3/jquery.min.js"></script>
    <script type="module">import mermaid from 'https://cdn.example/mermaid.mjs';</script>
    <a href="https://github.com/hakimel/reveal.js">a link is not loaded</a>"""
    assert build_slides.remote_urls(html) == [
        "https://cdnjs.cloudflare.com/ajax/libs/jquery/2.0.3/jquery.min.js",
        "https://cdn.example/mermaid.mjs",
    ]
    assert all(not v.startswith(("http:", "https:", "//")) for v in build_slides.ASSETS.values())


def test_book_refuses_to_build_without_the_instructor_guide(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(build_book, "GUIDE", tmp_path / "instructor_guide.md")
    monkeypatch.setattr(build_book, "BOOK", tmp_path / "book")
    with pytest.raises(SystemExit):
        build_book.assemble()
    assert "instructor_guide.md is missing" in capsys.readouterr().err
    assert not (tmp_path / "book").exists(), "nothing is written when the guide is missing"


def test_slides_offline_check_sees_css_font_imports():
    from tools import build_slides

    css = "@import url(https://fonts.googleapis.com/css?family=Lato);\nbody { color: red }"
    assert build_slides.remote_urls(css) == ["https://fonts.googleapis.com/css?family=Lato"]
    assert build_slides.remote_urls("@import url(./fonts/source-sans-pro/source-sans-pro.css);") == []
