"""Export every lesson notebook to an offline reveal.js deck.

    python tools/build_slides.py [notebooks/NN_topic.ipynb ...]

Writes ``_build/slides/<stem>.slides.html`` for each notebook (default: all of
``notebooks/*.ipynb``), WITHOUT executing them: the committed outputs are shown.
Slide boundaries come from each cell's ``metadata.slideshow.slide_type``;
"notes" cells become speaker notes (press ``s`` in a deck).

Every slide fits the deck (a 1280 x 800 window shows it whole): the decks are
made from copies of the notebooks in which long content starts its own
sub-slide (``deck_version``: a second output, or anything after a figure or a
table), and the template (``tools/slides_template/custlearn_reveal``) caps the
height of figures, keeps numbers in tables on one line and zooms a slide that
is still too tall out until it fits. The notebooks themselves are not changed:
in JupyterLab (RISE) a lesson keeps its own slide layout.

``jupyter nbconvert --to slides`` loads reveal.js, require.js, jQuery and
MathJax from CDNs by default, which leaves a blank page offline. This script
fetches them once from the npm registry into ``_build/npm/`` (``npm install``,
cached: later builds need no network), copies what the decks load into
``_build/slides/`` and points nbconvert at those relative paths. The folder
``_build/slides/`` is self-contained: copy it anywhere, open a deck from disk.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
OUT = ROOT / "_build" / "slides"
NPM_PREFIX = ROOT / "_build" / "npm"
MODULES = NPM_PREFIX / "node_modules"
TEMPLATE_DIR = Path(__file__).resolve().parent / "slides_template"
# npm packages, pinned to a major version; installed into the cache under _build/npm.
NPM_PACKAGES = ["reveal.js@4", "requirejs@2", "jquery@3", "mathjax@2"]
# What each deck loads, relative to the deck (nbconvert options).
ASSETS = {
    "reveal_url_prefix": "reveal.js",
    "require_js_url": "require.js",
    "jquery_url": "jquery.min.js",
    "mathjax_url": "mathjax/MathJax.js?config=TeX-AMS_CHTML-full,Safe",
}
# The parts of MathJax 2 that the config above needs (the package is 73 MB).
MATHJAX_PARTS = [
    "MathJax.js",
    "config/TeX-AMS_CHTML-full.js",
    "config/Safe.js",
    "extensions",
    "jax/element",
    "jax/input/TeX",
    "jax/output/CommonHTML",
    "fonts/HTML-CSS/TeX/woff",
    "localization/en",
    "LICENSE",
]
# A src/href that would make the browser fetch something from the network.
REMOTE = re.compile(r"""<(?:script|link|img|iframe)\b[^>]*?\b(?:src|href)\s*=\s*["']((?:https?:)?//[^"']+)""", re.I)
REMOTE_IMPORT = re.compile(r"""\bimport\b[^;'"]*["']((?:https?:)?//[^"']+)""")
CSS_IMPORT = re.compile(r"""@import\s+url\(\s*["']?((?:https?:)?//[^)"']+)""")


def _rel(path: Path) -> str:
    return os.path.relpath(path, ROOT)


def die(msg: str) -> None:
    print(f"build_slides: {msg}", file=sys.stderr)
    sys.exit(1)


def npm_assets() -> None:
    """Install the front-end packages into _build/npm once (from the npm registry)."""
    wanted = ["reveal.js/dist/reveal.js", "requirejs/require.js", "jquery/dist/jquery.min.js", "mathjax/MathJax.js"]
    if all((MODULES / w).is_file() for w in wanted):
        return
    npm = shutil.which("npm")
    if not npm:
        die(
            "npm is needed once to fetch reveal.js, require.js, jQuery and MathJax from the npm registry.\n"
            "  Debian/Ubuntu: sudo apt-get install -y npm    macOS: brew install node"
        )
    NPM_PREFIX.mkdir(parents=True, exist_ok=True)
    if not (NPM_PREFIX / "package.json").exists():
        (NPM_PREFIX / "package.json").write_text('{"name": "custlearn-slides-assets", "private": true}\n')
    cmd = [npm, "install", "--prefix", str(NPM_PREFIX), "--no-audit", "--no-fund", "--loglevel=error", *NPM_PACKAGES]
    print("build_slides: fetching", " ".join(NPM_PACKAGES), "from the npm registry into", os.path.relpath(NPM_PREFIX, ROOT))
    try:
        done = subprocess.run(cmd, timeout=NPM_TIMEOUT)
    except subprocess.TimeoutExpired:
        die(npm_unreachable(f"npm install did not finish in {NPM_TIMEOUT} s"))
    if done.returncode != 0:
        die(npm_unreachable(f"npm install failed (exit code {done.returncode}; its message is above)"))
    missing = [w for w in wanted if not (MODULES / w).is_file()]
    if missing:
        die(f"npm install finished but these files are missing: {missing}")


NPM_TIMEOUT = 600  # seconds for the one-time download


def npm_unreachable(what: str) -> str:
    """The message for a first build that cannot reach the npm registry (no traceback)."""
    return (
        f"{what}.\n"
        "  The decks need reveal.js, require.js, jQuery and MathJax once, from the npm registry; after that\n"
        "  `make slides` works offline. Check that this machine can reach the registry\n"
        "  (`npm config get registry`; behind a proxy: `npm config set proxy http://...`), then run `make slides` again.\n"
        "  Or copy a `_build/npm/` folder from a machine where `make slides` worked."
    )


def _copy(src: Path, dst: Path) -> None:
    if src.is_dir():
        shutil.copytree(src, dst, dirs_exist_ok=True)
    else:
        dst.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(src, dst)


def copy_assets() -> None:
    """Copy what the decks load into _build/slides (skipped when already there)."""
    stamp = OUT / ".assets-copied"
    versions = {p: json.loads((MODULES / p / "package.json").read_text())["version"]
                for p in ("reveal.js", "requirejs", "jquery", "mathjax")}
    versions["mathjax parts"] = MATHJAX_PARTS
    if stamp.is_file() and json.loads(stamp.read_text()) == versions:
        return
    for sub in ("dist", "plugin", "LICENSE"):
        _copy(MODULES / "reveal.js" / sub, OUT / "reveal.js" / sub)
    _copy(MODULES / "requirejs" / "require.js", OUT / "require.js")
    _copy(MODULES / "jquery" / "dist" / "jquery.min.js", OUT / "jquery.min.js")
    for part in MATHJAX_PARTS:
        _copy(MODULES / "mathjax" / part, OUT / "mathjax" / part)
    stamp.write_text(json.dumps(versions))


# reveal.js's "white" theme loads its fonts from its own folder; "simple" and
# others @import Google Fonts, which an offline classroom cannot reach.
THEME = "white"


HIDDEN = {"notes", "skip"}


def _shows_block(cell: dict) -> bool:
    """A code cell whose output is a figure or a table: it fills most of a slide."""
    return any(("image/png" in o.get("data", {})) or ("<table" in "".join(o.get("data", {}).get("text/html", "")))
               for o in cell.get("outputs", []))


def deck_version(nb: dict) -> dict:
    """The notebook as its deck shows it: long content starts a sub-slide of its own.

    Within a slide, a cell that continues it (slide type ``-`` or ``fragment``)
    becomes a new sub-slide when it is a second code cell with output, or when
    it comes after a figure or a table. Notes and skipped cells do not count.
    """
    from tools.instructor_cells import strip_label

    outputs, block = 0, False
    for cell in nb["cells"]:
        show = cell.setdefault("metadata", {}).setdefault("slideshow", {})
        kind = show.get("slide_type", "-")
        if kind == "notes":  # the speaker view needs no "collapsed for trainees" label
            text = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
            cell["source"] = strip_label(text)
        if kind in HIDDEN:
            continue
        has_output = cell["cell_type"] == "code" and bool(cell.get("outputs"))
        if kind in ("slide", "subslide"):
            outputs, block = 0, False
        elif block or (has_output and outputs):
            show["slide_type"] = "subslide"
            outputs, block = 0, False
        outputs += has_output
        block = block or (cell["cell_type"] == "code" and _shows_block(cell))
    return nb


def deck_sources(notebooks: list[Path], folder: Path) -> list[Path]:
    """Write the deck version of each notebook into ``folder`` (same file names)."""
    written = []
    for path in notebooks:
        nb = json.loads(path.read_text(encoding="utf-8"))
        target = folder / path.name
        target.write_text(json.dumps(deck_version(nb), ensure_ascii=False), encoding="utf-8")
        written.append(target)
    return written


def export(notebooks: list[Path], out: Path | None = None) -> None:
    """One nbconvert run for all notebooks (starting Python once is the slow part).

    ``out`` is a sub-folder of OUT (the Chinese decks: OUT/zh); its decks load the shared assets from OUT.
    """
    out = out or OUT
    up = "../" * len(out.relative_to(OUT).parts)
    cmd = [
        sys.executable, "-m", "nbconvert", "--to", "slides",
        "--output-dir", str(out),
        f"--TemplateExporter.extra_template_basedirs={TEMPLATE_DIR}",
        "--template", "custlearn_reveal",
        f"--SlidesExporter.reveal_theme={THEME}",
        "--SlidesExporter.reveal_transition=none",
        "--log-level=WARN",
    ]
    cmd += [f"--SlidesExporter.{k}={up}{v}" for k, v in ASSETS.items()]
    cmd += [str(nb) for nb in notebooks]
    subprocess.run(cmd, check=True, cwd=ROOT)


def remote_urls(html: str) -> list[str]:
    """URLs that a browser would fetch to render the page (scripts, styles, images, imports)."""
    return REMOTE.findall(html) + REMOTE_IMPORT.findall(html) + CSS_IMPORT.findall(html)


def check_offline(decks: list[Path]) -> None:
    theme_css = OUT / "reveal.js" / "dist" / "theme" / f"{THEME}.css"
    if theme_css.is_file() and remote_urls(theme_css.read_text(encoding="utf-8")):
        die(f"the reveal.js theme {THEME!r} loads from the network: {remote_urls(theme_css.read_text(encoding='utf-8'))}")
    bad = {d.name: remote_urls(d.read_text(encoding="utf-8")) for d in decks}
    bad = {k: v for k, v in bad.items() if v}
    if bad:
        die(f"decks would load from the network: {bad}")


def main(argv: list[str]) -> int:
    start = time.perf_counter()
    lang = "en"
    if argv[:1] == ["--lang"]:
        lang, argv = argv[1], argv[2:]
    # The Chinese decks (make slides LANG=zh) are made from zh/notebooks/ into OUT/zh/.
    source_dir = ROOT / "notebooks" if lang == "en" else ROOT / lang / "notebooks"
    out = OUT if lang == "en" else OUT / lang
    notebooks = [Path(a).resolve() for a in argv] or sorted(source_dir.glob("*.ipynb"))
    if lang != "en":  # NB=notebooks/05_value.ipynb names the English source: take its Chinese edition
        notebooks = [p if p.parent.parent.name == lang else source_dir / p.name for p in notebooks]
    if not notebooks:
        die(f"no notebooks found in {_rel(source_dir)}/")
    out.mkdir(parents=True, exist_ok=True)
    npm_assets()
    copy_assets()
    with tempfile.TemporaryDirectory() as tmp:
        export(deck_sources(notebooks, Path(tmp)), out)
    decks = [out / f"{nb.stem}.slides.html" for nb in notebooks]
    missing = [d.name for d in decks if not d.is_file()]
    if missing:
        die(f"nbconvert did not write: {missing}")
    check_offline(decks)
    took = time.perf_counter() - start
    print(f"build_slides: {len(decks)} decks in {os.path.relpath(out, Path.cwd())}/ ({took:.0f} s); "
          f"open one in a browser, press s for the speaker notes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
