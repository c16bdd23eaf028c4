"""Export every lesson notebook to an offline reveal.js deck.

    python tools/build_slides.py [notebooks/NN_topic.ipynb ...]

Writes ``_build/slides/<stem>.slides.html`` for each notebook (default: all of
``notebooks/*.ipynb``), WITHOUT executing them: the committed outputs are shown.
Slide boundaries come from each cell's ``metadata.slideshow.slide_type``;
"notes" cells become speaker notes (press ``s`` in a deck).

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
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
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
    print("build_slides: fetching", " ".join(NPM_PACKAGES), "from the npm registry into", NPM_PREFIX.relative_to(ROOT))
    subprocess.run(cmd, check=True)
    missing = [w for w in wanted if not (MODULES / w).is_file()]
    if missing:
        die(f"npm install finished but these files are missing: {missing}")


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


def export(notebooks: list[Path]) -> None:
    """One nbconvert run for all notebooks (starting Python once is the slow part)."""
    cmd = [
        sys.executable, "-m", "nbconvert", "--to", "slides",
        "--output-dir", str(OUT),
        f"--TemplateExporter.extra_template_basedirs={TEMPLATE_DIR}",
        "--template", "custlearn_reveal",
        "--SlidesExporter.reveal_scroll=True",
        f"--SlidesExporter.reveal_theme={THEME}",
        "--SlidesExporter.reveal_transition=none",
        "--log-level=WARN",
    ]
    cmd += [f"--SlidesExporter.{k}={v}" for k, v in ASSETS.items()]
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
    notebooks = [Path(a).resolve() for a in argv] or sorted((ROOT / "notebooks").glob("*.ipynb"))
    if not notebooks:
        die("no notebooks found in notebooks/")
    OUT.mkdir(parents=True, exist_ok=True)
    npm_assets()
    copy_assets()
    export(notebooks)
    decks = [OUT / f"{nb.stem}.slides.html" for nb in notebooks]
    missing = [d.name for d in decks if not d.is_file()]
    if missing:
        die(f"nbconvert did not write: {missing}")
    check_offline(decks)
    took = time.perf_counter() - start
    print(f"build_slides: {len(decks)} decks in {os.path.relpath(OUT, Path.cwd())}/ ({took:.0f} s); "
          f"open one in a browser, press s for the speaker notes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
