"""custlearn speaks English and Chinese (issue 21): the catalogue is complete, current and well formed.

Every ``tr("...")`` of the package is found by parsing the source (``ast``), so a
new English message without its Chinese fails here, not in a classroom.
"""

from __future__ import annotations

import ast
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


class _Filled:
    """A field's stand-in that takes any format spec ({share:.1%}, {n:,}): formats as ``text``."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __format__(self, spec: str) -> str:
        return self.text


@pytest.mark.parametrize("template", sorted(MESSAGES))
def test_the_chinese_names_the_same_fields(template):
    zh = MESSAGES[template]
    assert fields(zh) == fields(template), f"{template!r}: fields {fields(template)} but the Chinese has {fields(zh)}"
    assert CJK.search(zh) or not re.search(r"[A-Za-z]{3,}", string.Formatter().vformat(
        template, (), {k: _Filled("") for k in fields(template)})), f"not translated: {zh!r}"
    string.Formatter().vformat(zh, (), {k: _Filled("x") for k in fields(zh)})  # well formed


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
