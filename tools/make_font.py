"""Make the course's Chinese font: Noto Sans SC cut down to exactly the characters the course draws.

Usage (from the repository root; run it after a translation or a Chinese message changed)::

    .venv/bin/python tools/make_font.py            # write custlearn/plots/fonts/NotoSansSC-custlearn-*.otf
    .venv/bin/python tools/make_font.py --check    # exit 1 if a character the course uses is missing

matplotlib's own font (DejaVu Sans) has no Chinese, so a Chinese figure on a
fresh machine shows empty boxes. custlearn ships a subset of Noto Sans CJK SC
(SIL Open Font License 1.1, © Google; derived from Adobe's Source Han Sans),
and :func:`custlearn.plots.set_theme` registers it behind DejaVu Sans: Latin
letters and digits keep DejaVu Sans, each Chinese character falls back to
this font.

The characters are every character from U+2E80 up (CJK, full-width forms,
Chinese punctuation) found in what the course can draw or print in Chinese:
the translation files (translations/zh/), custlearn's Chinese catalogues
(custlearn/_messages_zh*.py) and the glossary (docs/glossary.yml). The source
is Debian's fonts-noto-cjk (``sudo apt-get install fonts-noto-cjk``), face
"Noto Sans CJK SC" of NotoSansCJK-Regular.ttc and NotoSansCJK-Bold.ttc (the
titles are bold); only this script needs it, not the course. tests/test_font.py checks the shipped font against the same
characters and every Chinese figure's text.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOTO = Path("/usr/share/fonts/opentype/noto")
FACE = "Noto Sans CJK SC"
FONT_DIR = ROOT / "custlearn" / "plots" / "fonts"
STYLES = ("Regular", "Bold")
OUTPUTS = {style: FONT_DIR / f"NotoSansSC-custlearn-{style}.otf" for style in STYLES}
FAMILY = "Noto Sans SC custlearn"
FIRST_CJK = 0x2E80


def sources() -> list[Path]:
    """The files whose Chinese the course draws or prints."""
    files = sorted((ROOT / "translations" / "zh").rglob("*.yml"))
    files += sorted((ROOT / "custlearn").glob("_messages_zh*.py"))
    files += [ROOT / "docs" / "glossary.yml", ROOT / "tools" / "translate.py"]
    return [f for f in files if f.exists()]


def needed() -> set[str]:
    """Every character from U+2E80 up in the sources."""
    chars: set[str] = set()
    for path in sources():
        chars |= {c for c in path.read_text(encoding="utf-8") if ord(c) >= FIRST_CJK}
    return chars


def covered(font_path: Path) -> set[str]:
    """The characters a font file has a glyph for."""
    from fontTools.ttLib import TTFont

    return {chr(cp) for cp in TTFont(font_path).getBestCmap()}


def make(chars: set[str], style: str, out: Path) -> int:
    from fontTools import subset
    from fontTools.ttLib import TTCollection

    source = NOTO / f"NotoSansCJK-{style}.ttc"
    faces = [f for f in TTCollection(source).fonts if f["name"].getDebugName(1) == FACE]
    if not faces:
        raise SystemExit(f"{source} has no face {FACE!r}")
    font = faces[0]
    options = subset.Options()
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.hinting = False
    options.desubroutinize = False
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(ord(c) for c in chars))
    subsetter.subset(font)
    for record in font["name"].names:  # a name of its own, so it never passes for the full font
        if record.nameID in (1, 16):
            record.string = FAMILY
        elif record.nameID in (3, 4):
            record.string = f"{FAMILY} {style}"
        elif record.nameID == 6:
            record.string = FAMILY.replace(" ", "") + f"-{style}"
    out.parent.mkdir(parents=True, exist_ok=True)
    font.save(out)
    return len(chars)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report characters missing from the font")
    args = parser.parse_args(argv)
    chars = needed()
    if args.check:
        bad = 0
        for out in OUTPUTS.values():
            missing = sorted(chars - covered(out)) if out.exists() else sorted(chars)
            if missing:
                print(f"{len(missing)} character(s) missing from {out.relative_to(ROOT)}: {''.join(missing[:40])} "
                      "(run tools/make_font.py)")
                bad += 1
        if not bad:
            print(f"ok: the fonts have all {len(chars)} characters")
        return 1 if bad else 0
    if not (NOTO / "NotoSansCJK-Regular.ttc").exists():
        print(f"{NOTO} has no Noto Sans CJK: sudo apt-get install fonts-noto-cjk", file=sys.stderr)
        return 1
    for style, out in OUTPUTS.items():
        n = make(chars, style, out)
        print(f"wrote {out.relative_to(ROOT)}: {n} characters, {out.stat().st_size / 1024:.0f} KB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
