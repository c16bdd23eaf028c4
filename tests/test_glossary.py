"""The glossary: one source (docs/glossary.yml), every lesson's table and the site's page generated from it.

- the source is sound: sorted, one entry per English term and per Chinese term, known lessons and related terms;
- every lesson's glossary cell is exactly what `tools/build_glossary.py cells` writes (a table edited by hand
  fails here: edit docs/glossary.yml and run `make notebooks`);
- the Chinese terms follow the course's rule for 顾客 and 客户 (issue 15), in the glossary and in the prose of
  every lesson and docs page (`python tools/build_glossary.py terms` lists what breaks it);
- every deck quote of the source is in the deck (when the decks are beside the repository).

Plain JSON and YAML: no Jupyter, no network.
"""

import json
import re
import shutil
from pathlib import Path

import pytest

from tools import build_glossary as bg

ROOT = Path(__file__).resolve().parents[1]
LESSONS = sorted((ROOT / "notebooks").glob("*.ipynb"))
STEMS = [p.stem for p in LESSONS]
PAGES = sorted((ROOT / "docs").glob("*.md")) + sorted((ROOT / "docs" / "zh").glob("*.md"))
GLOSSARY = bg.load()
CJK = re.compile(r"[\u3400-\u9fff]")

# Lessons whose prose still writes a form the rules avoid, and who fixes it. Each is a strict xfail: when
# the prose is fixed the test passes, strict turns that into a failure, and the line below must go.
PROSE_OWNED_ELSEWHERE: dict[str, str] = {}  # none left (issue 15 fixed the last, 07b's 会员积分)

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


def _notebook(path: Path, cells: list, title: str = "# 9 · Test lesson (测试)") -> Path:
    nb = {
        "nbformat": 4,
        "nbformat_minor": 5,
        "metadata": {},
        "cells": [{"cell_type": "markdown", "id": f"m{i}", "metadata": {}, "source": s}
                  for i, s in enumerate([title, *cells])]
        + [{"cell_type": "code", "id": "c", "metadata": {}, "source": "x = 1", "outputs": [], "execution_count": 1}],
    }
    path.write_text(json.dumps(nb, ensure_ascii=False), encoding="utf-8")
    return path


def _term(term: str, zh: str, lessons=("04_loyalty",), **kw) -> bg.Term:
    return bg.Term(term=term, zh=zh, definition=f"The meaning of {term}.", lessons=tuple(lessons), **kw)


def _by_term() -> dict[str, str]:
    return {t.term: t.zh for t in GLOSSARY.terms}


# ------------------------------------------------------------------ reading a table

def test_reads_only_the_glossary_table(tmp_path):
    nb = _notebook(tmp_path / "09_test.ipynb", [OTHER_TABLE, GLOSSARY_CELL])
    rows = bg.read_glossary(nb)
    assert [r[0] for r in rows] == ["Net Promoter Score (NPS)", "churn rate", "Pipe \\| inside"]
    assert rows[0][1:] == ("净推荐值", "Promoters minus detractors, in points.")
    cells = json.loads(nb.read_text(encoding="utf-8"))["cells"]
    assert [bg.is_glossary_cell(c) for c in cells] == [False, False, True, False]
    assert bg.lesson_title(json.loads(nb.read_text(encoding="utf-8")), "x") == "9 · Test lesson (测试)"


def test_source_as_list_of_lines(tmp_path):
    nb = _notebook(tmp_path / "09_lines.ipynb", [GLOSSARY_CELL.splitlines(keepends=True)])
    assert len(bg.read_glossary(nb)) == 3


# ------------------------------------------------------------------ the source

def test_source_is_sound():
    assert bg.problems(GLOSSARY, STEMS) == []
    assert len(GLOSSARY.terms) >= 100
    for t in GLOSSARY.terms:
        assert CJK.search(t.zh) and t.definition and t.lessons, t


def test_problems_of_a_source_are_all_named():
    bad = bg.Glossary((
        _term("Zeta", "甲", see=("Nowhere",)),
        _term("Churn", "顾客流失", lessons=("99_missing",)),
        _term("Churn", "甲", deck=(("007", "流失"),)),
        bg.Term("Two lines", "两行", "First line.\nSecond line.", ("04_loyalty",)),
        _term("No Chinese", "NPS"),
    ), GLOSSARY.rules)
    found = "\n".join(bg.problems(bad, STEMS))
    assert "not sorted" in found
    assert "two entries have the term 'Churn'" in found and "two entries have the zh '甲'" in found
    assert "unknown lesson '99_missing'" in found and "'see' names 'Nowhere'" in found
    assert "deck '007'" in found and "one line" in found and "has no Chinese" in found
    assert "writes 顾客流失 (the course writes 客户流失)" in found


def test_every_lesson_is_known_and_has_a_glossary():
    listed = {s for t in GLOSSARY.terms for s in t.lessons}
    assert listed == set(STEMS), "every lesson has entries, and every listed lesson exists"
    for stem in STEMS:
        assert len(GLOSSARY.for_lesson(stem)) >= 5, f"{stem}: under 5 glossary terms"


def test_bad_entries_give_a_clear_error(tmp_path):
    source = tmp_path / "glossary.yml"
    source.write_text("rules: {}\nterms:\n  - term: Churn\n    definition: A customer leaving.\n    lessons: [07_churn]\n",
                      encoding="utf-8")
    with pytest.raises(ValueError, match=r"entry 1 \(Churn\): missing \['zh'\]"):
        bg.load(source)
    source.write_text("terms: []\n", encoding="utf-8")
    with pytest.raises(ValueError, match="'rules:' and 'terms:'"):
        bg.load(source)


def test_room_for_a_chinese_definition(tmp_path):
    source = tmp_path / "glossary.yml"
    source.write_text("rules: {}\nterms:\n  - term: Churn\n    zh: 客户流失\n    definition: A customer leaving.\n"
                      "    lessons: [07_churn]\n    zh_definition: 客户终止与企业的关系。\n", encoding="utf-8")
    assert bg.load(source).terms[0].zh_definition == "客户终止与企业的关系。"


# ------------------------------------------------------------------ the lessons' tables

@pytest.mark.parametrize("path", LESSONS, ids=STEMS)
def test_lesson_glossary_cell_is_generated_from_the_source(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    cells = [c for c in nb["cells"] if bg.is_glossary_cell(c)]
    assert len(cells) == 1, f"{path.name}: one glossary cell ('| English | 中文 | Definition |')"
    assert bg._source(cells[0]) == bg.lesson_cell(GLOSSARY, path.stem), (
        f"{path.name}: the glossary table differs from docs/glossary.yml. Edit docs/glossary.yml (not the table) "
        "and run `make notebooks` or `python tools/build_glossary.py cells`.")
    assert nb["cells"][-1] is cells[0], "the glossary ends the lesson"
    assert bg.lesson_title(nb, path.stem) != path.stem, f"{path.name}: no '# title' heading"


def test_a_table_edited_by_hand_fails_and_cells_rewrites_only_that_cell(tmp_path, capsys):
    lesson = tmp_path / "04_loyalty.ipynb"
    shutil.copy(ROOT / "notebooks" / "04_loyalty.ipynb", lesson)
    before = json.loads(lesson.read_text(encoding="utf-8"))
    nb = json.loads(lesson.read_text(encoding="utf-8"))
    cell = next(c for c in nb["cells"] if bg.is_glossary_cell(c))
    cell["source"] = cell["source"].replace("| 客户保持率 |", "| 顾客保持率 |")
    lesson.write_text(json.dumps(nb, indent=1, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
    assert bg.main(["cells", "--check", str(lesson)]) == 1
    assert "04_loyalty.ipynb" in capsys.readouterr().out
    assert bg.main(["cells", str(lesson)]) == 0
    assert json.loads(lesson.read_text(encoding="utf-8")) == before, "only the table changes back; id and metadata kept"
    text = lesson.read_text(encoding="utf-8")
    assert bg.main(["cells", str(lesson)]) == 0 and lesson.read_text(encoding="utf-8") == text, "idempotent"


def test_a_lesson_without_a_glossary_cell_is_refused(tmp_path):
    lesson = _notebook(tmp_path / "04_loyalty.ipynb", [OTHER_TABLE])
    with pytest.raises(SystemExit, match="0 glossary cells"):
        bg.sync(lesson, GLOSSARY)


def test_lesson_cell_keeps_the_source_type_and_escapes_nothing_it_should_not(tmp_path):
    lesson = _notebook(tmp_path / "04_loyalty.ipynb", [GLOSSARY_CELL.splitlines(keepends=True)])
    assert bg.sync(lesson, GLOSSARY) is True
    cell = next(c for c in json.loads(lesson.read_text(encoding="utf-8"))["cells"] if bg.is_glossary_cell(c))
    assert isinstance(cell["source"], list) and "".join(cell["source"]) == bg.lesson_cell(GLOSSARY, "04_loyalty")
    rows = bg.read_glossary(lesson)
    assert [r[0] for r in rows] == [t.term for t in GLOSSARY.for_lesson("04_loyalty")]


def test_make_notebooks_writes_the_glossary_cells():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    target = makefile.split("\nnotebooks:", 1)[1].split("\n\n", 1)[0]
    assert "tools/build_glossary.py cells" in target


# ------------------------------------------------------------------ 顾客 and 客户

def test_chinese_terms_follow_the_rule():
    expected = {
        # 客户: the firm manages the relationship and its value
        "Customer relationship management (CRM)": "客户关系管理", "Customer lifecycle": "客户生命周期",
        "Customer value (to the firm)": "客户价值", "Customer segmentation": "客户细分",
        "Customer acquisition cost (CAC)": "客户获取成本", "Customer lifetime value (CLV)": "客户终身价值",
        "Retention rate": "客户保持率", "Churn": "客户流失", "Churn rate": "客户流失率", "Key account": "大客户",
        "Complaint management": "客户投诉管理", "Win-back": "客户赢回", "Active customer": "活跃客户",
        "Single customer view": "单一客户视图",
        # 顾客: the customer's own experience and attitude; the syllabus's names
        "Customer satisfaction": "顾客满意度", "Customer loyalty": "顾客忠诚", "Perceived value": "顾客感知价值",
        "Customer Effort Score (CES)": "顾客费力度", "Customer management": "顾客管理",
        "Customer information management": "顾客信息管理", "Protect customer privacy": "保护顾客隐私",
        # a noun for the customer, not deck 002's stage
        "Prospect": "潜在客户", "First-time customer": "首次购买客户", "Repeat customer": "重复购买客户",
        "Advocate": "品牌拥护者", "At risk": "有流失风险的客户", "Lost": "已流失客户", "Won back": "赢回客户",
        # other fixed terms
        "Retention budget": "挽留预算", "Value if kept": "留住后的12个月价值", "Rate ratio": "率比",
        "Points membership": "积分会员制",
    }
    by_term = _by_term()
    assert {k: by_term.get(k) for k in expected} == expected
    assert "最高两档占比" in by_term["CSAT (top-2-box)"]
    assert all("客户" in t for t in GLOSSARY.rules["客户"]) and all("顾客" in t for t in GLOSSARY.rules["顾客"])
    for t in GLOSSARY.terms:
        assert bg.violations(t.zh, GLOSSARY) == [], t


@pytest.mark.parametrize("text, found", [
    ("monthly retention (顾客保持率)", ["顾客保持率"]),
    ("顾客流失率", ["顾客流失"]),
    ("客户关系管理 (CRM) and 顾客关系", []),
    ("the customer relationship (客户关系)", ["客户关系"]),
    ("大客户管理", []),
    ("客户管理", ["客户管理"]),
    ("deck 001 writes “客户忠诚度”", []),
    ('the deck says "顾客关系管理"', []),
    ("code `保留预算 = 1`", []),
    ("流失风险评分 for 有流失风险的客户", []),
    ("the stage 流失风险", ["流失风险"]),
    ("顾客满意度 and 顾客满意度得分", []),
    ("customer satisfaction (顾客满意)", ["顾客满意"]),
    ("the decks' 顾客价值", []),
    ("deck 003: 客戶保留率", []),
    ("比率比, 前两格, 会员积分, 品牌提升者, 保留价值", ["比率比", "前两格", "会员积分", "品牌提升者", "保留价值"]),
])
def test_term_rules_find_what_they_should(text, found):
    assert [w for w, _, _ in bg.violations(text, GLOSSARY)] == found


def _prose_params():
    params = []
    for path in LESSONS:
        reason = PROSE_OWNED_ELSEWHERE.get(path.stem)
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        params.append(pytest.param(path, marks=marks, id=path.stem))
    return params + [pytest.param(p, id=p.name) for p in PAGES]


@pytest.mark.parametrize("path", _prose_params())
def test_prose_writes_the_course_terms(path):
    found = bg.prose_violations(path, GLOSSARY)
    assert not found, "prose that writes a term the rules avoid (docs/glossary.yml, 'rules'):\n" + "\n".join(found)


def test_known_prose_problems_name_real_lessons():
    assert set(PROSE_OWNED_ELSEWHERE) <= set(STEMS)


# ------------------------------------------------------------------ the decks

def test_deck_quotes_are_in_the_decks():
    if not bg.DECKS.is_dir():
        pytest.skip(f"the source decks are not at {bg.DECKS} (set CUSTLEARN_DECKS)")
    assert bg.deck_problems(GLOSSARY) == []
    made_up = bg.Glossary((_term("Retention rate", "客户保持率", deck=(("003", "客戶保持率"),)),), GLOSSARY.rules)
    assert bg.deck_problems(made_up) == ["Retention rate: deck 003 does not contain '客戶保持率'"]
    assert "客戶保留率" in bg.deck_text("003") and "客戶(hù)" not in bg.deck_text("003")


def test_every_deck_quote_differs_from_the_course_term():
    for t in GLOSSARY.terms:
        assert all(quote != t.zh for _, quote in t.deck), f"{t.term}: a deck quote equal to zh is not a difference"


# ------------------------------------------------------------------ the site's page

def test_site_page_lists_every_entry_with_its_decks_and_lessons():
    page = bg.render(GLOSSARY, bg.titles_of(LESSONS))
    assert page.startswith("# Glossary (术语表)")
    assert "| English | 中文 | Definition | Deck | Lessons |" in page
    rows = [line for line in page.splitlines() if line.startswith("| ") and not line.startswith("| English")]
    assert [r.split(" | ")[0][2:] for r in rows] == [t.term for t in GLOSSARY.terms]
    retention = next(r for r in rows if r.startswith("| Retention rate |"))
    assert "| 客户保持率 |" in retention and "客戶保留率 (003)" in retention
    assert retention.endswith("| [04](04_loyalty.ipynb), [05](05_value.ipynb) |")
    prospect = next(r for r in rows if r.startswith("| Prospect |"))
    assert "期待 (002) *(a stage of loyalty" in prospect
    assert "See: First-time customer." in prospect
    plain = bg.render(GLOSSARY, bg.titles_of(LESSONS), link=False)
    assert "](" not in plain.split("## Lessons")[0]
    for path in LESSONS:
        assert f"]({path.name})" in page, f"the page does not link {path.name}"


def test_page_command_writes_the_page(tmp_path):
    out = tmp_path / "site" / "glossary.md"
    assert bg.main(["page", "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == bg.render(GLOSSARY, bg.titles_of(LESSONS))
