"""Chinese figures on any machine (issue 21): the course ships its own CJK font and every character it draws.

The fonts are a subset of Noto Sans CJK SC made by tools/make_font.py. These tests fail when a
character the course can draw (a translation, a Chinese message, a glossary term) is missing from
them: such a character would be an empty box in a figure. A figure of the Chinese edition that
still draws a missing glyph warns, and the executed notebook's clean-run test
(tests/test_translations.py) fails on the warning.
"""

from __future__ import annotations

import warnings

import matplotlib
import pytest

from custlearn import plots
from custlearn.plots import _base
from tools import make_font

matplotlib.use("Agg")


@pytest.mark.parametrize("path", _base.CJK_FONTS, ids=lambda p: p.name)
def test_the_font_has_every_character_the_course_uses(path):
    missing = sorted(make_font.needed() - make_font.covered(path))
    assert not missing, f"{len(missing)} character(s) missing from {path.name}: {''.join(missing[:40])} " \
                        "(run tools/make_font.py)"


def test_the_fonts_are_shipped_with_their_licence():
    licence = (_base.CJK_FONTS[0].parent / "OFL.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in licence and "Adobe" in licence
    import tomllib

    data = tomllib.loads((make_font.ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    shipped = data["tool"]["setuptools"]["package-data"]["custlearn"]
    assert "plots/fonts/*.otf" in shipped and "plots/fonts/OFL.txt" in shipped


def test_set_theme_draws_chinese_with_the_course_font_not_a_system_one():
    import matplotlib.pyplot as plt
    from matplotlib import font_manager
    from matplotlib.font_manager import FontProperties

    with plt.rc_context():
        plots.set_theme()
        chain = font_manager.fontManager._find_fonts_by_props(FontProperties())
        names = [font_manager.get_font(p).family_name for p in chain]
        assert names[-1] == _base.CJK_FAMILY and sum("CJK" in n for n in names) == 0, names
        bold = font_manager.fontManager._find_fonts_by_props(FontProperties(weight="bold"))
        assert str(_base.CJK_FONTS[1]) in [str(p) for p in bold]
        text = "".join(sorted(make_font.needed()))
        fig, ax = plt.subplots()
        ax.set_title(text[:60])  # bold
        ax.set_xlabel(text[60:120])
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # "Glyph ... missing from font(s)" is a UserWarning
            fig.canvas.draw()
        plt.close(fig)
