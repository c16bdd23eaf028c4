"""Capture the first state of every "Try it" demo, for the static course site.

    .venv/bin/python tools/try_it_pictures.py [notebooks/NN_topic.ipynb ...]   # `make book` runs it

A "Try it" demo is an ipywidgets control panel above an ``Output`` widget
(``custlearn.widgets``); the site has no kernel, so it would show the code and
nothing else. This script executes each lesson (a temporary copy, in the
course's environment, never the committed file) with the widget state kept,
and reads from that state what each demo's ``Output`` shows when it is first
drawn: its figure (PNG) and its tables or text. ``tools/build_book.py`` puts
those outputs under the demo's code on the site, with a line saying the demo
is interactive in JupyterLab.

Results are cached in ``_build/try_it/<lesson>.json`` with the SHA-256 of the
notebook they came from: a lesson is executed again only when it changed.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CACHE = ROOT / "_build" / "try_it"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
KEPT = ("image/png", "text/html", "text/markdown", "text/plain")  # what the site can show without a kernel


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def cache_file(path: Path) -> Path:
    """Where a lesson's demos are kept: _build/try_it/<lesson>.json, the Chinese edition's in _build/try_it/zh/."""
    return CACHE / ("zh" if path.parent.parent.name == "zh" else "") / f"{path.stem}.json"


def cached(path: Path) -> dict | None:
    """The captured demos of a lesson, if the cache is there and made from this version of it."""
    file = cache_file(path)
    if not file.is_file():
        return None
    data = json.loads(file.read_text(encoding="utf-8"))
    return data if data.get("sha256") == digest(path) else None


def _outputs_of(model_id: str, state: dict) -> list[dict]:
    """The outputs of every Output widget inside the widget ``model_id`` (depth first)."""
    model = state.get(model_id)
    if model is None:
        return []
    if model.get("model_name") == "OutputModel":
        return [_keep(o) for o in model["state"].get("outputs", []) if o.get("output_type") == "display_data"]
    found = []
    for child in model["state"].get("children", []):
        found += _outputs_of(str(child).removeprefix("IPY_MODEL_"), state)
    return found


def _keep(output: dict) -> dict:
    data = {k: v for k, v in output.get("data", {}).items() if k in KEPT}
    if "image/png" in data or "text/html" in data or "text/markdown" in data:
        data.pop("text/plain", None)
    return {"output_type": "display_data", "metadata": {}, "data": data}


def demos(nb: dict) -> dict[str, list[dict]]:
    """Cell id -> the first-state outputs of the demo that cell shows (an executed notebook with widget state)."""
    state = nb.get("metadata", {}).get("widgets", {}).get(WIDGET_STATE, {}).get("state", {})
    found = {}
    for cell in nb.get("cells", []):
        for out in cell.get("outputs", []):
            view = out.get("data", {}).get(WIDGET_VIEW)
            if view and cell.get("id"):
                found[cell["id"]] = _outputs_of(view["model_id"], state)
    return found


def capture(path: Path, timeout: int = 300) -> dict:
    """Execute a copy of the lesson with widget state kept; return {sha256, demos}."""
    import nbformat
    from nbclient import NotebookClient

    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / path.name
        shutil.copy2(path, copy)
        nb = nbformat.read(copy, as_version=4)
        # Run where the lesson lives (relative paths as in JupyterLab), but write nothing there.
        NotebookClient(nb, timeout=timeout, kernel_name="python3", record_timing=False,
                       resources={"metadata": {"path": str(path.parent)}},
                       extra_arguments=["--IPKernelApp.log_level=ERROR"]).execute()
    return {"sha256": digest(path), "demos": demos(json.loads(nbformat.writes(nb)))}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="*", type=Path, help="default: notebooks/*.ipynb and zh/notebooks/*.ipynb")
    args = parser.parse_args(argv)
    os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    default = sorted((ROOT / "notebooks").glob("*.ipynb")) + sorted((ROOT / "zh" / "notebooks").glob("*.ipynb"))
    for path in args.notebooks or default:
        if cached(path) is not None:
            continue
        start = time.perf_counter()
        data = capture(path)
        cache_file(path).parent.mkdir(parents=True, exist_ok=True)
        cache_file(path).write_text(json.dumps(data), encoding="utf-8")
        shown = sum(1 for outs in data["demos"].values() if outs)
        print(f"try_it_pictures: {path.name}: {shown} demo(s) captured ({time.perf_counter() - start:.0f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
