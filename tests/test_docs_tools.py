"""The instructor-kit scripts: site table of contents, deck checks (the glossary: tests/test_glossary.py).

Fast and offline: plain JSON fixtures, no jupyter-book, no npm, no browser.
`make book` and `make slides` themselves are exercised by `make test-browser`.
"""

import json
from pathlib import Path

import pytest
import yaml

from tools import build_book, build_glossary, build_slides

ROOT = Path(__file__).resolve().parents[1]
LESSONS = sorted((ROOT / "notebooks").glob("*.ipynb"))


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


# ------------------------------------------------------------------ decks: every slide fits, offline, clear errors

def _lesson_cell(kind, slide, outputs=()):
    cell = {"cell_type": kind, "metadata": {"slideshow": {"slide_type": slide}}, "source": "x"}
    if kind == "code":
        cell.update(outputs=list(outputs), execution_count=1)
    return cell


FIGURE = {"output_type": "display_data", "data": {"image/png": "iVBOR", "text/plain": "<Figure>"}, "metadata": {}}
TEXT = {"output_type": "stream", "name": "stdout", "text": "63.8%\n"}


def test_deck_version_moves_long_content_to_its_own_subslide():
    nb = {"cells": [
        _lesson_cell("markdown", "slide"),
        _lesson_cell("code", "-", [TEXT]),            # first output: stays with the heading
        _lesson_cell("code", "fragment", [FIGURE]),   # a second output: new sub-slide
        _lesson_cell("markdown", "notes"),            # speaker notes never count
        _lesson_cell("markdown", "fragment"),         # after a figure: new sub-slide
        _lesson_cell("markdown", "-"),                # text after text stays
        _lesson_cell("markdown", "subslide"),
        _lesson_cell("code", "-", []),                # code without output stays
    ]}
    from tools.instructor_cells import LABEL

    nb["cells"][3]["source"] = f"{LABEL}\n\nTiming: 10 minutes."
    deck = build_slides.deck_version(nb)["cells"]
    kinds = [c["metadata"]["slideshow"]["slide_type"] for c in deck]
    assert kinds == ["slide", "-", "subslide", "notes", "subslide", "-", "subslide", "-"]
    assert deck[3]["source"] == "Timing: 10 minutes.", "the speaker view shows the notes without the label"


@pytest.mark.parametrize("path", LESSONS, ids=[p.stem for p in LESSONS])
def test_every_deck_section_holds_at_most_one_output_and_nothing_after_a_figure(path):
    nb = build_slides.deck_version(json.loads(path.read_text(encoding="utf-8")))
    outputs, block = 0, False
    for cell in nb["cells"]:
        kind = cell["metadata"]["slideshow"]["slide_type"]
        if kind in ("notes", "skip"):
            continue
        if kind in ("slide", "subslide"):
            outputs, block = 0, False
        assert not block, f"{path.name}: a cell follows a figure or a table on the same slide"
        outputs += bool(cell.get("outputs"))
        assert outputs <= 1, f"{path.name}: two outputs on one slide"
        block = block or (cell["cell_type"] == "code" and build_slides._shows_block(cell))


def test_deck_template_fits_every_slide_and_keeps_numbers_on_one_line():
    template = (ROOT / "tools" / "slides_template" / "custlearn_reveal" / "index.html.j2").read_text(encoding="utf-8")
    assert "white-space: nowrap" in template and "table.dataframe td" in template, "975,\\n076.01 must not wrap"
    assert "max-height" in template and ".jp-RenderedImage img" in template
    assert "function fit(" in template and 'Reveal.on("slidechanged"' in template
    assert "overflow-y', 'scroll'" not in template, "slides fit; they do not scroll"
    assert 'rel="icon" href="data:,"' in template, "no request for a favicon that is not there"
    assert "mermaid" not in template.split("-%}", 1)[1].replace("html_head_js_mermaidjs", "")


def test_decks_request_only_the_mathjax_files_that_are_copied():
    config = build_slides.ASSETS["mathjax_url"].split("config=", 1)[1]
    for name in config.split(","):
        assert f"config/{name}.js" in build_slides.MATHJAX_PARTS, f"MathJax loads config/{name}.js: copy it"


def test_first_build_without_the_npm_registry_ends_with_a_message_not_a_traceback(tmp_path, monkeypatch, capsys):
    fake_npm = tmp_path / "npm"
    fake_npm.write_text("#!/bin/sh\necho 'npm ERR! network request to https://registry.npmjs.org failed' >&2\nexit 1\n")
    fake_npm.chmod(0o755)
    monkeypatch.setattr(build_slides, "NPM_PREFIX", tmp_path / "npm-cache")
    monkeypatch.setattr(build_slides, "MODULES", tmp_path / "npm-cache" / "node_modules")
    monkeypatch.setattr(build_slides.shutil, "which", lambda name: str(fake_npm))
    with pytest.raises(SystemExit) as stop:
        build_slides.npm_assets()
    assert stop.value.code == 1
    err = capsys.readouterr().err
    assert "npm install failed" in err and "npm registry" in err and "make slides" in err
    assert "Traceback" not in err


# ------------------------------------------------------------------ site: trainee pages, instructor page, Try it

def test_trainee_page_leaves_out_instructor_cells_and_shows_each_try_it(tmp_path):
    from tools import instructor_cells

    demo = {"cell_type": "code", "id": "c-demo", "metadata": {}, "execution_count": 3, "source": "widgets.demo()",
            "outputs": [{"output_type": "display_data", "metadata": {},
                         "data": {"application/vnd.jupyter.widget-view+json": {"model_id": ""}, "text/plain": "Try it"}}]}
    nb = {"cells": [{"cell_type": "markdown", "id": "t", "metadata": {}, "source": "# 9 · Lesson"},
                    {"cell_type": "markdown", "id": "n", "metadata": {"slideshow": {"slide_type": "notes"}},
                     "source": "**Speaker notes — timing.** 0-10 intro"}, demo],
          "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    picture = {"output_type": "display_data", "metadata": {}, "data": {"image/png": "iVBOR"}}
    page = build_book.trainee_page(nb, {"c-demo": [picture]})
    notes = [c for c in page["cells"] if instructor_cells.is_instructor(c)]
    assert notes and all("remove-cell" in c["metadata"]["tags"] for c in notes)
    shown = next(c for c in page["cells"] if c.get("id") == "c-demo")
    assert shown["outputs"] == [picture], "the widget view is replaced by the picture of its first state"
    note = page["cells"][page["cells"].index(shown) + 1]
    assert "interactive in JupyterLab" in note["source"]


def test_instructor_page_gathers_every_lessons_speaker_notes():
    from tools.instructor_cells import LABEL, strip_label

    page = build_book.instructor_notes(LESSONS)
    assert LABEL not in page, "the label for trainees is left out"
    for path in LESSONS:
        nb = json.loads(path.read_text(encoding="utf-8"))
        title = build_glossary.lesson_title(nb, path.stem)
        assert f"## {title}" in page, path.name
        for cell in nb["cells"]:
            if cell["metadata"].get("slideshow", {}).get("slide_type") == "notes":
                text = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
                assert strip_label(text).strip() in page, f"{path.name}: a speaker-notes cell is missing"


def test_site_needs_current_try_it_pictures(tmp_path, monkeypatch, capsys):
    from tools import try_it_pictures

    monkeypatch.setattr(try_it_pictures, "CACHE", tmp_path)
    with pytest.raises(SystemExit):
        build_book.try_it(LESSONS[0])
    assert "make book" in capsys.readouterr().err


def test_try_it_first_state_is_read_from_the_widget_state():
    from tools import try_it_pictures

    png = {"output_type": "display_data", "metadata": {}, "data": {"image/png": "iVBOR", "text/plain": "<Figure>"}}
    state = {"box": {"model_name": "VBoxModel", "state": {"children": ["IPY_MODEL_ctl", "IPY_MODEL_out"]}},
             "ctl": {"model_name": "IntSliderModel", "state": {}},
             "out": {"model_name": "OutputModel", "state": {"outputs": [png]}}}
    nb = {"metadata": {"widgets": {try_it_pictures.WIDGET_STATE: {"state": state}}},
          "cells": [{"cell_type": "code", "id": "c1", "outputs": [
              {"output_type": "display_data", "data": {try_it_pictures.WIDGET_VIEW: {"model_id": "box"}}}]}]}
    assert try_it_pictures.demos(nb) == {"c1": [{"output_type": "display_data", "metadata": {},
                                                 "data": {"image/png": "iVBOR"}}]}


def test_site_config_drops_thebe_and_sets_the_theme_mode():
    import importlib.util

    config = yaml.safe_load((ROOT / "docs" / "_config.yml").read_text(encoding="utf-8"))
    assert config["sphinx"]["local_extensions"] == {"custlearn_site": "_ext"}
    assert config["sphinx"]["config"]["html_context"]["default_mode"] == "light"
    toc = (ROOT / "docs" / "_toc.yml").read_text(encoding="utf-8")
    assert "file: instructor_notes" in toc
    spec = importlib.util.spec_from_file_location("custlearn_site", ROOT / "docs" / "_ext" / "custlearn_site.py")
    site = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(site)

    class Script:
        def __init__(self, filename, body=""):
            self.filename, self.attributes = filename, {"body": body} if body else {}

    kept = Script("_static/sphinx-book-theme.js")
    context = {"script_files": [Script(None, 'const THEBE_JS_URL = "x"'), Script("_static/sphinx-thebe.js"), kept]}
    site.drop_thebe(None, "page", "page.html", context, None)
    assert context["script_files"] == [kept]


# ------------------------------------------------------------------ make lab

def test_lab_takes_one_port_from_port_or_lab_args():
    from tools import lab

    assert lab.split_port(["--no-browser", "--port=8899"]) == (8899, ["--no-browser"])
    assert lab.split_port(["--port", "8899", "--ip=0.0.0.0"]) == (8899, ["--ip=0.0.0.0"])
    assert lab.split_port(["--ServerApp.port=9000", "--no-browser"]) == (9000, ["--no-browser"])
    assert lab.split_port(["--no-browser"]) == (None, ["--no-browser"])
    cmd = lab.command(8899, ["--no-browser"], root=Path("/course"))
    assert [a for a in cmd if a.startswith("--port")] == ["--port=8899"]
    assert "--LabApp.default_url=/lab/tree/notebooks/00_start_here.ipynb" in cmd, "the printed address opens the start"
    assert "--ServerApp.port_retries=0" in cmd, "a port in use is reported, not silently replaced"
    with pytest.raises(SystemExit, match="needs a port number"):
        lab.split_port(["--port"])


def test_make_lab_lang_zh_opens_the_chinese_edition_with_a_sane_locale(monkeypatch):
    import subprocess

    from tools import lab

    cmd = lab.command(8899, [], root=Path("/course"), start=lab.STARTS["zh"])
    assert "--LabApp.default_url=/lab/tree/zh/notebooks/00_start_here.ipynb" in cmd
    assert (ROOT / lab.STARTS["zh"]).is_file()
    # LANG=zh on make's command line is the course's language; the recipes keep a UTF-8 locale.
    out = subprocess.run(["make", "-n", "lab", "LANG=zh"], cwd=ROOT, capture_output=True, text=True, check=True)
    assert "tools/lab.py --port 8888 --lang zh" in out.stdout
    out = subprocess.run(["make", "-n", "slides", "LANG=zh"], cwd=ROOT, capture_output=True, text=True, check=True)
    assert "tools/build_slides.py --lang zh" in out.stdout
    bad = subprocess.run(["make", "-n", "lab", "LANG=fr"], cwd=ROOT, capture_output=True, text=True)
    assert bad.returncode != 0 and "LANG=fr is not a language of the course" in bad.stderr
    # The server's environment makes every kernel speak Chinese.
    seen = {}
    monkeypatch.setattr(lab, "port_free", lambda port, ip: True)
    monkeypatch.setattr(lab.os, "execv", lambda path, args: seen.update(env=lab.os.environ.get("CUSTLEARN_LANG")))
    monkeypatch.setenv("CUSTLEARN_LANG", "en")  # recorded, so the teardown removes what lab.main sets
    lab.main(["--port", "8899", "--lang", "zh", "--", "--no-browser"])
    assert seen["env"] == "zh"


def test_lab_reports_a_port_in_use_before_starting(capsys):
    import socket

    from tools import lab

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        assert lab.main(["--port", str(port), "--", "--no-browser"]) == 1
    err = capsys.readouterr().err
    assert f"port {port} is already in use" in err and f"make lab PORT={port + 1}" in err


def test_course_jupyterlab_settings_switch_the_news_off():
    overrides = json.loads((ROOT / "tools" / "jupyterlab" / "overrides.json").read_text(encoding="utf-8"))
    assert overrides["@jupyterlab/apputils-extension:notification"]["fetchNews"] == "false"
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "share/jupyter/lab/settings/overrides.json" in makefile, "make lab installs the course's settings"
