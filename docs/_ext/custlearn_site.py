"""Sphinx extension of the custlearn course site (loaded by docs/_config.yml, ``local_extensions``).

Jupyter Book 1 always loads sphinx-thebe, which writes its configuration
script into every page; on a warm build it is written twice and the browser
reports "Identifier 'THEBE_JS_URL' has already been declared". The site runs
no code (``launch_buttons.thebe: false``, offline), so this extension drops the
thebe scripts from every page: no console error, and no thebe URL in the HTML.
"""

from __future__ import annotations

from typing import Any


def _is_thebe(script: Any) -> bool:
    body = str(getattr(script, "attributes", {}).get("body", ""))
    return "THEBE_JS_URL" in body or "thebe" in str(getattr(script, "filename", script) or "")


def drop_thebe(app: Any, pagename: str, templatename: str, context: dict, doctree: Any) -> None:
    scripts = context.get("script_files")
    if scripts:
        scripts[:] = [s for s in scripts if not _is_thebe(s)]
    styles = context.get("css_files")
    if styles:
        styles[:] = [s for s in styles if "thebe" not in str(getattr(s, "filename", s) or "")]


def setup(app: Any) -> dict:
    app.connect("html-page-context", drop_thebe, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
