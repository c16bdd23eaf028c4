"""The Chinese edition (issue 21) is complete, current, built from the English one, and holds its numbers.

What runs where: the English notebooks are executed by nbval in `make test`. The Chinese ones
(zh/notebooks/, zh/exercises/) are built and executed by `make notebooks` and are NOT executed
again here: their code is the English code (tools/translate.py checks the syntax trees), so this
file checks, without a kernel, that

- every cell that needs a translation has one, and none is a todo or stale (its English changed);
- each Chinese notebook is what the English notebook and its translation file build today;
- each ran top to bottom without an error, a warning (a missing glyph is one) or stderr;
- every code cell's outputs hold the same numbers as the English cell's (stored outputs compared);
- the learner notebooks are generated from the Chinese solutions, and the prose keeps the
  glossary's 顾客/客户 rules.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest

from tools import build_glossary as bg
from tools import nbtools
from tools import translate as tl
from tools.make_exercises import learner_version

ENGLISH = tl.english_notebooks()
IDS = [str(p.relative_to(tl.ROOT)) for p in ENGLISH]


# --------------------------------------------------------------------------- the tool itself

@pytest.mark.parametrize("english, chinese, ok", [
    ('print(f"Share: {x:.1%}")  # the share', 'print(f"占比：{x:.1%}")  # 占比', True),
    ('ax.set_title("Revenue by month")', 'ax.set_title("按月收入")', True),
    ('print(f"{a} of {b} customers")', 'print(f"{b} 位客户中的 {a} 位")', True),        # words reordered
    ('df["amount"].sum()', 'df["金额"].sum()', True),                                   # caught at run time
    ('df["amount"].sum()', 'df["amount "].sum()', False),                               # not Chinese
    ('x = shop.orders["amount"].sum()', 'x = shop.orders["amount"].mean()', False),     # code changed
    ('print(f"{x:.1%}")', 'print(f"{x:.2%}")', False),                                  # format changed
    ('print(f"{x} and {y}")', 'print(f"{x} 和 {x}")', False),                           # expression changed
    ('print(f"{n:,} of {t:.1%}")', 'print(f"{t:.1%} 中的 {n:,}")', True),               # fields reordered
    ("print(f\"found: {', '.join(x)}\")", "print(f\"发现：{'、'.join(x)}\")", True),    # a separator translated
    ("print(f\"{c['found']}\")", "print(f\"{c['find']}\")", False),                 # a key changed
    ('# solution\nanswer = 1', '# 答案\nanswer = 1', False),                              # marker translated
    ('%timeit f()\n# time it', '%timeit f()\n# 计时', True),                              # IPython magic
])
def test_a_code_translation_may_change_only_its_words(english, chinese, ok):
    assert (tl.code_problems(english, chinese) == []) is ok


def test_numbers_are_read_as_written():
    assert tl.numbers("2,500 customers, 20% bring 63.8%; 2023-12-31") == \
        Counter({"2500": 1, "20": 1, "63.8": 1, "2023": 1, "12": 1, "31": 1})
    assert tl.numbers("共 2500 位客户") == tl.numbers("2,500 customers")


def test_chinese_lines_of_one_paragraph_are_joined_so_no_space_shows():
    assert tl.join_cjk_lines("第一行\n接着写。\n- 列表项\n  续行") == "第一行接着写。\n- 列表项续行"
    assert tl.join_cjk_lines("## 标题\n正文") == "## 标题\n正文"
    assert tl.join_cjk_lines("```\n# 注释\n代码\n```") == "```\n# 注释\n代码\n```"
    assert tl.join_cjk_lines("English line\n中文") == "English line\n中文"
    assert tl.join_cjk_lines("| 表 |\n| 格 |") == "| 表 |\n| 格 |"
    assert tl.join_cjk_lines("> **管理者。** 第一行\n> 接着写。") == "> **管理者。** 第一行接着写。"
    assert tl.join_cjk_lines("正文\n> 引文") == "正文\n> 引文"


def test_which_cells_need_a_translation():
    md = {"cell_type": "markdown", "source": "Some text", "metadata": {}}
    assert tl.needs_entry(md)
    assert tl.needs_entry({"cell_type": "code", "source": 'print("Hello")', "metadata": {}})
    assert tl.needs_entry({"cell_type": "code", "source": "x = 1  # a comment", "metadata": {}})
    assert not tl.needs_entry({"cell_type": "code", "source": "x.head(3)", "metadata": {}})
    assert not tl.needs_entry({"cell_type": "code", "source": 'assert x, "claim"', "metadata": {"tags": ["claim"]}})


# --------------------------------------------------------------------------- the edition

@pytest.mark.parametrize("english", ENGLISH, ids=IDS)
def test_every_cell_is_translated_and_current(english):
    found = tl.problems(english)
    assert not found, f"{len(found)} problem(s) (tools/translate.py check {english.relative_to(tl.ROOT)}):\n" + \
        "\n".join(found[:10])


@pytest.mark.parametrize("english", ENGLISH, ids=IDS)
def test_the_chinese_notebook_is_built_from_todays_files(english):
    zh = tl.zh_path(english)
    assert zh.exists(), f"{zh.relative_to(tl.ROOT)} is missing: run `make notebooks`"
    assert tl.same_sources(tl.build(english), nbtools.read(zh)), (
        f"{zh.relative_to(tl.ROOT)} is not what {english.relative_to(tl.ROOT)} and its translation build: "
        "run `make notebooks NB=...`")


@pytest.mark.parametrize("english", ENGLISH, ids=IDS)
def test_the_chinese_notebook_ran_clean(english):
    zh = tl.zh_path(english)
    assert nbtools.problems(zh) == []


def _text(value) -> str:
    return value if isinstance(value, str) else "".join(value)


def _numbers_of(cell: dict) -> Counter:
    """The numbers a code cell shows: printed text, and each result's HTML (a table: not its plain text,
    which pandas wraps by the width of the labels, repeating the index) or else its plain text."""
    found: Counter = Counter()
    for out in cell.get("outputs", []):
        data = out.get("data", {})
        found += tl.numbers(_text(out.get("text", "")))
        if "text/html" in data:
            found += tl.numbers(re.sub(r"<[^>]*>", " ", _text(data["text/html"])))
        else:
            found += tl.numbers(_text(data.get("text/plain", "")) + " " + _text(data.get("text/markdown", "")))
    return found


@pytest.mark.parametrize("english", ENGLISH, ids=IDS)
def test_the_two_editions_show_the_same_numbers(english):
    en = {c["id"]: c for c in nbtools.read(english)["cells"] if c["cell_type"] == "code"}
    zh = {c["id"]: c for c in nbtools.read(tl.zh_path(english))["cells"] if c["cell_type"] == "code"}
    differ = []
    for cid, cell in en.items():
        a, b = _numbers_of(cell), _numbers_of(zh[cid])
        if a != b:
            differ.append(f"cell {cid}: English only {sorted((a - b).elements())[:6]}, "
                          f"Chinese only {sorted((b - a).elements())[:6]}")
    assert not differ, "\n".join(differ[:10])


def test_the_chinese_learner_notebooks_are_generated_from_the_solutions():
    solutions = sorted((tl.ROOT / tl.LANG / "exercises" / "solutions").glob("*.ipynb"))
    assert len(solutions) == len(list((tl.ROOT / "exercises" / "solutions").glob("*.ipynb")))
    for sol in solutions:
        learner = sol.parent.parent / sol.name
        assert nbtools.read(learner) == learner_version(nbtools.read(sol), "zh"), f"{learner.name}: run `make exercises`"


def test_the_chinese_prose_keeps_the_glossary_rules():
    glossary = bg.checked()
    found = [v for p in sorted((tl.ROOT / tl.LANG / "notebooks").glob("*.ipynb"))
             + sorted((tl.ROOT / tl.LANG / "exercises" / "solutions").glob("*.ipynb"))
             for v in bg.prose_violations(p, glossary)]
    assert not found, "\n".join(found[:10])


def test_every_glossary_term_has_its_chinese_definition():
    missing = [t.term for t in bg.load().terms if not tl.CJK.search(t.zh_definition)]
    assert not missing, f"{len(missing)} glossary entries have no zh_definition, e.g. {missing[:5]}"


@pytest.mark.parametrize("chinese", sorted(tl.DOCUMENTS))
def test_documents_translated_whole_are_current(chinese):
    assert tl.document_problems(chinese) == []
