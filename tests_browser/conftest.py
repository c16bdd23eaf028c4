"""Fixtures of the real-browser test (``make test-browser``; not part of ``make test``).

Debian's Chromium (``/usr/bin/chromium``) is driven with Playwright from PyPI
through ``executable_path``: no browser is ever downloaded (never run
``playwright install``). Where Chromium is missing every test here is skipped
with the command that installs it.

* ``lab`` starts JupyterLab on 127.0.0.1 (free port, no token) whose root is a
  temporary copy of ``notebooks/``, ``exercises/`` and the Chinese edition ``zh/``, so running the lessons
  changes no tracked file; its user settings and workspace live in the same
  temporary directory, while the course's own settings (no news pop-up) come
  from ``.venv/share/jupyter/lab/settings/overrides.json`` as for a trainee.
* ``site`` serves ``_build/`` (the course site of ``make book`` and the decks of
  ``make slides``) from a local ``http.server`` on 127.0.0.1.
* ``browser`` runs on a fresh temporary profile (Playwright's own
  ``--user-data-dir``); ``context`` is a fresh context per test in which every
  request that is not to 127.0.0.1 is blocked and recorded: the course must
  work offline.
* ``page`` records console errors, page errors (uncaught exceptions) and
  requests answered with an error status; a test that leaves any of them
  fails (in its teardown): every page of the course opens cleanly.

Screenshots go to ``_build/screenshots/`` and are kept as artefacts.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BUILD = ROOT / "_build"
SCREENSHOTS = BUILD / "screenshots"
# CUSTLEARN_CHROMIUM overrides the path (another Chromium build, or to check the skip).
CHROMIUM = Path(os.environ.get("CUSTLEARN_CHROMIUM", "/usr/bin/chromium"))
# The flags measured to work headless in containers and CI (see TOOLING.md);
# Playwright adds --headless and a fresh --user-data-dir of its own.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
INSTALL_HINT = (
    f"Chromium not found at {CHROMIUM}; the real-browser test needs Debian's Chromium. "
    "Install it with: sudo apt-get install chromium"
)
LAB_START_TIMEOUT = 90  # seconds; JupyterLab serves in under 8 s on 2 cores

# JupyterLab user settings for the test run (a private settings directory):
# every cell kept in the DOM (no windowing) so the test sees all outputs of a
# long lesson. The news pop-up is switched off by the course's own settings
# (tools/jupyterlab/overrides.json, installed by the Makefile), not here.
LAB_SETTINGS = {
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
}
# The course's settings as `make lab` installs them; the browser test needs them in place.
LAB_OVERRIDES = Path(sys.prefix) / "share" / "jupyter" / "lab" / "settings" / "overrides.json"


def pytest_sessionstart(session):
    """Screenshots are the artefacts of one run: drop those of the previous run."""
    for old in [*SCREENSHOTS.glob("*.png"), SCREENSHOTS / "jupyterlab.log"]:
        old.unlink(missing_ok=True)


def pytest_collection_modifyitems(config, items):
    if not CHROMIUM.exists():
        skip = pytest.mark.skip(reason=INSTALL_HINT)
        for item in items:
            item.add_marker(skip)


def pytest_report_header(config):
    return f"chromium: {CHROMIUM} ({'found' if CHROMIUM.exists() else 'MISSING: sudo apt-get install chromium'})"


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def screenshot():
    """``screenshot(page, "name")`` saves ``_build/screenshots/name.png`` and returns its path."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def take(page, name: str, **kwargs) -> Path:
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(path), **kwargs)
        return path

    return take


@pytest.fixture(scope="session")
def playwright():
    sync_api = pytest.importorskip(
        "playwright.sync_api",
        reason="Playwright is not installed: `make test-browser` installs it (the `browser` extra)",
    )
    with sync_api.sync_playwright() as pw:
        yield pw


@pytest.fixture(scope="session")
def browser(playwright):
    browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
    yield browser
    browser.close()


@pytest.fixture
def context(browser):
    """A fresh browser context (own profile) that may reach only 127.0.0.1."""
    ctx = browser.new_context(viewport={"width": 1400, "height": 900}, device_scale_factor=1)
    ctx.set_default_timeout(30_000)
    ctx.blocked = []

    def route(r):
        url = r.request.url
        if url.startswith(("http://127.0.0.1", "ws://127.0.0.1", "file:", "data:", "blob:")):
            r.continue_()
        else:
            ctx.blocked.append(url)
            r.abort()

    ctx.route("**/*", route)
    yield ctx
    ctx.close()


@pytest.fixture
def page(context):
    page = context.new_page()
    page.console_errors = []
    page.failed_requests = []
    page.on("console", lambda m: m.type == "error" and page.console_errors.append(f"{m.text} ({m.location.get('url', '')})"))
    page.on("pageerror", lambda e: page.console_errors.append(f"pageerror: {e}"))
    page.on("response", lambda r: r.status >= 400 and r.url.startswith("http://127.0.0.1")
            and page.failed_requests.append(f"{r.status} {r.url}"))
    yield page
    problems = page.console_errors + [f"request failed: {r}" for r in page.failed_requests]
    if problems:
        pytest.fail(f"the page logged {len(problems)} error(s):\n" + "\n".join(problems[:20]), pytrace=False)


@pytest.fixture(scope="session")
def lab(tmp_path_factory):
    """JupyterLab on 127.0.0.1 over a temporary copy of notebooks/; yields its base URL."""
    if not LAB_OVERRIDES.is_file():
        pytest.fail(f"{LAB_OVERRIDES} is missing: `make test-browser` (or `make lab`) installs the course's "
                    "JupyterLab settings from tools/jupyterlab/overrides.json")
    tmp = tmp_path_factory.mktemp("lab")
    root = tmp / "course"
    for folder in ("notebooks", "exercises", "zh"):
        shutil.copytree(ROOT / folder, root / folder, ignore=shutil.ignore_patterns(".ipynb_checkpoints", "solutions"))
    settings = tmp / "lab-settings"
    for name, value in LAB_SETTINGS.items():
        path = settings / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(value))
    env = dict(
        os.environ,
        JUPYTERLAB_SETTINGS_DIR=str(settings),
        JUPYTERLAB_WORKSPACES_DIR=str(tmp / "lab-workspaces"),
        JUPYTER_RUNTIME_DIR=str(tmp / "runtime"),
        # No user-level config or kernelspec: "python3" is this interpreter's kernel.
        JUPYTER_CONFIG_DIR=str(tmp / "config"),
        JUPYTER_DATA_DIR=str(tmp / "data"),
        IPYTHONDIR=str(tmp / "ipython"),
        PYDEVD_DISABLE_FILE_VALIDATION="1",
    )
    port = _free_port()
    cmd = [
        sys.executable, "-m", "jupyterlab",
        "--no-browser",
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.port={port}",
        "--ServerApp.port_retries=0",
        "--ServerApp.token=",
        "--ServerApp.password=",
        f"--ServerApp.root_dir={root}",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
    ]
    if os.geteuid() == 0:
        cmd.append("--allow-root")
    log_path = tmp / "jupyterlab.log"
    base = f"http://127.0.0.1:{port}"
    with open(log_path, "wb") as log:
        proc = subprocess.Popen(cmd, cwd=root, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + LAB_START_TIMEOUT
        while True:
            if proc.poll() is not None:
                pytest.fail(f"JupyterLab exited with {proc.returncode}:\n{log_path.read_text()[-3000:]}")
            try:
                with urllib.request.urlopen(f"{base}/lab", timeout=5) as response:
                    if response.status == 200:
                        break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"JupyterLab did not answer on {base}/lab within {LAB_START_TIMEOUT} s:\n"
                            f"{log_path.read_text()[-3000:]}")
            time.sleep(0.5)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        # Keep the server log next to the screenshots for a failed CI run.
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        shutil.copy(log_path, SCREENSHOTS / "jupyterlab.log")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def site():
    """``_build/`` served on 127.0.0.1; yields its base URL."""
    if not BUILD.is_dir():
        pytest.skip("_build/ does not exist: neither `make book` nor `make slides` has produced anything")
    handler = functools.partial(_QuietHandler, directory=str(BUILD))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)




@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """On a failure, keep a screenshot of the page as it was (``_build/screenshots/FAILED-<test>.png``)."""
    report = yield
    if report.when == "call" and report.failed and "page" in getattr(item, "funcargs", {}):
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        try:
            item.funcargs["page"].screenshot(path=str(SCREENSHOTS / f"FAILED-{item.name}.png"))
        except Exception as exc:  # the browser may be gone; the report matters more
            report.sections.append(("screenshot", f"no failure screenshot: {exc}"))
    return report
