"""custlearn speaks English and Chinese (issue 21): the catalogue is complete, current and well formed.

Every ``tr("...")`` of the package is found by parsing the source (``ast``), so a
new English message without its Chinese fails here, not in a classroom.
"""

from __future__ import annotations

import ast
from collections import Counter

from tools.translate import _without_terms, numbers
import re
import string
from pathlib import Path

import pytest

import custlearn
from custlearn import DataError
from custlearn._i18n import tr
from custlearn._messages_zh import MESSAGES as _MESSAGES
from custlearn._messages_zh_feedback import FEEDBACK

MESSAGES = {**_MESSAGES, **FEEDBACK}

PACKAGE = Path(custlearn.__file__).parent
CJK = re.compile(r"[\u4e00-\u9fff]")


def tr_calls(package: Path = PACKAGE) -> tuple[dict[str, list[str]], list[str]]:
    """Every template passed to ``tr`` (-> where), and the calls whose template is not a literal."""
    found: dict[str, list[str]] = {}
    not_literal: list[str] = []
    for path in sorted(package.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("tr", "N_"):
                where = f"{path.relative_to(package.parent)}:{node.lineno}"
                if node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
                    found.setdefault(node.args[0].value, []).append(where)
                else:
                    not_literal.append(where)
    return found, not_literal


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


TEMPLATES, NOT_LITERAL = tr_calls()


def test_the_checker_finds_the_calls(tmp_path):
    (tmp_path / "m.py").write_text('x = tr("a {n}", n=1)\ny = tr(name)\nz = other("b")\nq = N_("c" "d")\n')
    found, not_literal = tr_calls(tmp_path)
    assert sorted(found) == ["a {n}", "cd"]
    assert len(not_literal) == 1


def test_the_two_catalogues_do_not_overlap():
    both = sorted(set(_MESSAGES) & set(FEEDBACK))
    assert not both, f"in both _messages_zh.py and _messages_zh_feedback.py: {both[:3]}"


def test_every_template_is_a_literal():
    assert not NOT_LITERAL, f"tr() needs the English template as a literal (the catalogue's key): {NOT_LITERAL}"


def test_every_template_has_its_chinese():
    missing = sorted(set(TEMPLATES) - set(MESSAGES))
    assert not missing, (f"{len(missing)} template(s) have no Chinese in custlearn/_messages_zh.py, e.g. "
                         f"{missing[0]!r} at {TEMPLATES[missing[0]][0]}" if missing else "")


def test_the_catalogue_keeps_no_template_the_code_lost():
    stale = sorted(set(MESSAGES) - set(TEMPLATES))
    assert not stale, f"{len(stale)} catalogue entries match no tr() call (the English changed?): {stale[:3]}"


def literal_text(template: str) -> str:
    """The template's own words, its fields left out (parsing also fails on a malformed template)."""
    return "".join(literal for literal, _, _, _ in string.Formatter().parse(template))


def specs(template: str) -> set[tuple[str, str, str]]:
    """Each field with its conversion and number format: ``{x:.1%}`` keeps ``.1%`` in Chinese too.

    A date's format (``{d:%d %b %Y}``) is the language's own (``{d:%Y}年{d:%m}月{d:%d}日``): not compared.
    """
    return {(name, conversion or "", spec or "") for _, name, spec, conversion in string.Formatter().parse(template)
            if name is not None and not re.search(r"%[A-Za-z]", spec or "")}


def template_problems(template: str, zh: str) -> list[str]:
    """What is wrong with one catalogue entry (empty: nothing)."""
    found = []
    if fields(zh) != fields(template):
        found.append(f"{template!r}: fields {fields(template)} but the Chinese has {fields(zh)}")
    elif specs(zh) != specs(template):
        found.append(f"{template!r}: format specs {specs(template)} but the Chinese has {specs(zh)}")
    if not CJK.search(zh) and re.search(r"[A-Za-z]{3,}", literal_text(template)):
        found.append(f"not translated: {zh!r}")
    lost = numbers(_without_terms(literal_text(template))) - numbers(literal_text(zh))
    if lost:  # the Chinese may add a number ("每提高 1 分" for "per point"), never lose one
        found.append(f"{template!r}: the Chinese lacks the number(s) {sorted(lost)}: {zh!r}")
    return found


def test_the_checker_of_an_entry_finds_each_fault():
    assert template_problems("{n} rows", "{n} 行") == []
    assert len(template_problems("{n} rows", "{m} 行")) == 1
    assert len(template_problems("{x:.1%} share", "占比 {x:.0%}")) == 1
    assert len(template_problems("Share of revenue", "Share of revenue")) == 1
    assert len(template_problems("within 30 days", "在 60 天内")) == 1
    assert template_problems("per point", "每提高 1 分") == []
    assert template_problems("the top-2-box share", "最高两档占比") == []


def test_every_chinese_template_names_the_same_fields_and_numbers():
    """One test for the ~1,500 entries (a test each would cost more time than the checks)."""
    found = [p for template in sorted(MESSAGES) for p in template_problems(template, MESSAGES[template])]
    assert not found, f"{len(found)} catalogue entries are wrong:\n" + "\n".join(found[:20])


def test_language_switch_and_fallback():
    custlearn.set_language("zh-CN")
    try:
        assert custlearn.get_language() == "zh"
        with pytest.raises(DataError, match="不是 custlearn 支持的语言"):
            custlearn.set_language("fr")
        assert tr("a template the catalogue lacks: {n}", n=2) == "a template the catalogue lacks: 2"
    finally:
        custlearn.set_language("en")
    with pytest.raises(DataError, match='language="klingon" is not a language custlearn speaks'):
        custlearn.set_language("klingon")
    with pytest.raises(DataError, match="must be a language code as text"):
        custlearn.set_language(None)


def test_the_environment_variable_chooses_at_import():
    import os
    import subprocess
    import sys

    code = "import custlearn; print(custlearn.get_language())"
    for value, expected in [("zh", "zh"), ("zh_CN", "zh"), ("", "en"), ("xx", "en")]:
        env = dict(os.environ, CUSTLEARN_LANG=value)
        out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
        assert out.stdout.strip() == expected, value


# ---------------------------------------------------------------------------
# the library's messages, in use (the bad-input cases in Chinese: tests/test_bad_input.py)
# ---------------------------------------------------------------------------


@pytest.fixture
def chinese():
    custlearn.set_language("zh")
    yield
    custlearn.set_language("en")


def test_a_dataerror_in_chinese_names_the_same_column_and_fix(chinese):
    import pandas as pd

    from custlearn import value

    orders = pd.DataFrame({"customer_id": [1, 2], "order_date": ["2025-01-05", "2025-02-30"], "amount": [5.0, 7.5]})
    with pytest.raises(DataError) as zh:
        value.rfm(orders, "2025-12-31")
    custlearn.set_language("en")
    with pytest.raises(DataError) as en:
        value.rfm(orders, "2025-12-31")
    assert en.value.args[0].startswith('The column "order_date" of the orders table should hold dates')
    message = str(zh.value)
    assert message.startswith('orders 表的 "order_date" 列应存放日期，但有 1 个值无法读作日期')
    assert "'2025-02-30'" in message and 'pd.to_datetime(df["order_date"], errors="coerce")' in message


def test_the_pieces_of_a_message_follow_the_language(chinese):
    """A message built of parts (the kind found, the range, the fix) is Chinese in every part."""
    from custlearn._validate import require_fraction, require_number

    with pytest.raises(DataError) as fraction:
        require_fraction(95, argument="save_rate")
    assert str(fraction.value) == ("save_rate 必须是小数（严格介于 0 和 1 之间），例如 save_rate=0.5，但传入的是 95。"
                                   "请给出小数，而不是百分数：是 0.95，而不是 95。")
    with pytest.raises(DataError) as number:
        require_number("12", argument="margin", minimum=0)
    assert str(number.value) == 'margin 必须是一个数（不小于 0），但传入的是 "12"（文本）。请不带引号传入，例如 margin=12。'


def test_warnings_follow_the_language(chinese):
    import pandas as pd

    from custlearn import churn

    tickets = pd.DataFrame({"ticket_id": [1], "opened_at": ["2025-01-02"], "is_complaint": [True],
                            "resolved": [True], "resolution_hours": [3.0], "satisfaction_rating": [4]})
    with pytest.warns(DeprecationWarning, match=r"custlearn\.churn\.complaint_metrics 已弃用"):
        try:
            churn.complaint_metrics(tickets)
        except DataError:
            pass  # the warning comes first; the table is not the point here


def test_the_dataset_summary_follows_the_language(chinese):
    from custlearn import datasets

    shown = repr(datasets.load("cafe"))
    assert shown.startswith("数据集 'cafe'：2024-01-01 至 2025-12-31（as_of 2025-12-31）")
    assert "所有人物均为虚构。详见 datasets.describe('cafe')。" in shown
    custlearn.set_language("en")
    assert repr(datasets.load("cafe")).startswith("Dataset 'cafe': 2024-01-01 to 2025-12-31 (as_of 2025-12-31)")


def _command(args: list[str], language: str):
    """``python -m <args>`` run in this process (its ``main``) in ``language``: returncode, stdout, stderr.

    One real subprocess (test_a_real_command_line_reads_the_environment) shows that CUSTLEARN_LANG reaches
    a command line; the rest run here, which is many times faster than starting Python again.
    """
    import contextlib
    import importlib
    import io
    import types

    module, *argv = args
    main = importlib.import_module(f"{module}.__main__").main
    out, err, code = io.StringIO(), io.StringIO(), 0
    before = custlearn.get_language()
    custlearn.set_language(language)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(argv) or 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    finally:
        custlearn.set_language(before)
    return types.SimpleNamespace(returncode=code, stdout=out.getvalue(), stderr=err.getvalue())


def test_a_real_command_line_reads_the_environment():
    import os
    import subprocess
    import sys

    env = dict(os.environ, CUSTLEARN_LANG="zh")
    run = subprocess.run([sys.executable, "-m", "custlearn.datasets", "--help"], env=env, capture_output=True,
                         text=True)
    assert run.returncode == 0 and run.stdout.startswith("用法：python -m custlearn.datasets [-h]"), run.stderr


@pytest.mark.parametrize("module", ["custlearn.datasets", "custlearn.sql"])
def test_the_command_lines_help_in_chinese_and_in_english(module):
    zh, en = _command([module, "--help"], "zh"), _command([module, "--help"], "en")
    assert zh.returncode == en.returncode == 0, zh.stderr + en.stderr
    assert zh.stdout.startswith(f"用法：python -m {module} [-h]") and "选项" in zh.stdout
    assert "显示这条帮助信息并退出" in zh.stdout and not re.search(r"\b(usage|options|show this help)\b", zh.stdout)
    assert en.stdout.startswith(f"usage: python -m {module} [-h]") and "show this help message and exit" in en.stdout
    description = {"custlearn.datasets": ("生成 custlearn 的模拟数据集（所有人物均为虚构）。",
                                          "Generate the synthetic datasets of custlearn (all people are fictional)."),
                   "custlearn.sql": ("把一家大公司的数据写成分区的 Parquet 文件（第 09 课）。",
                                     "Write a large company as partitioned Parquet (lesson 09).")}[module]
    assert description[0] in zh.stdout and description[1] in en.stdout


def test_the_command_line_says_what_is_wrong_in_chinese():
    wrong = _command(["custlearn.datasets", "build", "--scenario", "shoes"], "zh")
    assert wrong.returncode == 2
    assert "python -m custlearn.datasets build：错误：参数 --scenario：无效的选项：'shoes'" in wrong.stderr
    missing = _command(["custlearn.datasets", "build", "--scenario", "shop"], "zh")
    assert missing.returncode == 2 and missing.stderr.startswith("错误：build 需要 --scenario 和 --out")


def test_argparse_is_left_as_it_was(chinese):
    import argparse
    import gettext

    from custlearn.datasets.__main__ import main

    with pytest.raises(SystemExit):
        main(["--help"])
    assert argparse._ is gettext.gettext  # Chinese only while custlearn's command line runs
