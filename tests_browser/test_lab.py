"""What a trainee does in JupyterLab, in a real browser: open a notebook, Run All
Cells, see no error, move a "Try it" control and see its output change; answer
an exercise wrongly, then rightly, and read check()'s feedback; open a lesson
and meet no speaker notes and no news pop-up."""

from __future__ import annotations

import re
import time

import pytest

RUN_ALL_TIMEOUT = 180  # seconds; a lesson runs in well under 30 s on 2 cores

# Outputs a trainee would read as "it broke": stderr and tracebacks (JupyterLab
# renders both as stderr text), and widgets that failed to load.
ERROR_OUTPUT = ('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"], '
                '.jp-RenderedText[data-mime-type="application/vnd.jupyter.stderr"]')
WIDGET_FAILURES = ("Error displaying widget", "Loading widget...", "Failed to load model class")


def open_notebook(page, lab: str, name: str, folder: str = "notebooks"):
    """Open <folder>/<name> and wait until its kernel is idle; return the notebook panel."""
    # A workspace of its own (reset), so no tab of another test is restored.
    workspace = re.sub(r"\W", "-", f"{folder}-{name.removesuffix('.ipynb')}")
    page.goto(f"{lab}/lab/workspaces/{workspace}/tree/{folder}/{name}?reset")
    panel = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden)").first
    panel.wait_for(state="visible", timeout=60_000)
    # Run All before the kernel is connected would only clear the prompts, so
    # wait as a trainee does: the status bar names the kernel and says Idle,
    # and the server lists this notebook's session with an idle kernel.
    page.locator(".jp-StatusBar-TextItem", has_text=re.compile(r"\(ipykernel\) \| Idle")).first.wait_for(
        timeout=90_000)
    panel.locator('.jp-Notebook-ExecutionIndicator[data-status="idle"]').wait_for(timeout=30_000)
    deadline = time.monotonic() + 60
    while not any(
        s["path"].endswith(f"{folder}/{name}") and s.get("kernel") and s["kernel"]["execution_state"] == "idle"
        for s in page.request.get(f"{lab}/api/sessions").json()
    ):
        assert time.monotonic() < deadline, f"{name}: no idle kernel session on the server after 60 s"
        page.wait_for_timeout(250)
    return panel


def run_all_cells(page, lab: str, panel, name: str, folder: str = "notebooks") -> float:
    """Run ▸ Run All Cells from the menu bar, wait until it finishes, check that
    every code cell ran with no error output. Returns the seconds it took."""
    prompts = panel.locator(".jp-CodeCell .jp-InputArea-prompt")
    assert prompts.count() > 0
    # Every cell is in the page (no windowing), so the checks below see every output.
    cells = page.request.get(f"{lab}/api/contents/{folder}/{name}").json()["content"]["cells"]
    assert panel.locator(".jp-Notebook .jp-Cell").count() == len(cells), "not every cell is rendered"
    # The stored notebook already shows [1]..[n], so first see the run start:
    # an observer notes any busy kernel or [*] prompt from the click on.
    panel.evaluate("""panel => {
        panel.__runStarted = false;
        const check = () => {
            if (panel.querySelector('.jp-Notebook-ExecutionIndicator[data-status="busy"]') ||
                Array.from(panel.querySelectorAll('.jp-CodeCell .jp-InputArea-prompt'))
                    .some(p => p.textContent.includes('*'))) panel.__runStarted = true;
        };
        new MutationObserver(check).observe(panel, {subtree: true, childList: true,
                                                    characterData: true, attributes: true});
    }""")
    start = time.monotonic()
    panel.locator(".jp-Notebook").click(position={"x": 5, "y": 5})  # focus the notebook
    page.locator('.lm-MenuBar-itemLabel:text-is("Run")').click()
    page.locator('.lm-Menu-itemLabel:text-is("Run All Cells")').click()
    page.wait_for_function("panel => panel.__runStarted", arg=panel.element_handle(), timeout=30_000)
    deadline = start + RUN_ALL_TIMEOUT
    while True:
        # Finished when no cell is queued or running ([*]) and the kernel is idle;
        # after an error JupyterLab stops, leaving the cells below unrun ([ ]).
        texts = prompts.all_inner_texts()
        running = any("*" in t for t in texts)
        idle = panel.locator('.jp-Notebook-ExecutionIndicator[data-status="idle"]').count() == 1
        if not running and idle:
            break
        assert time.monotonic() < deadline, (f"Run All did not finish in {RUN_ALL_TIMEOUT} s: prompts {texts}; "
                                             f"browser console errors: {page.console_errors}")
        page.wait_for_timeout(250)
    seconds = time.monotonic() - start
    assert_no_error_output(panel, name)
    texts = [t.strip() for t in prompts.all_inner_texts()]
    unrun = [i for i, t in enumerate(texts, 1) if not re.fullmatch(r"\[\d+\]:", t)]
    assert not unrun, f"{name}: code cells {unrun} did not run (prompts {texts})"
    # The cells ran top to bottom: execution counts increase.
    counts = [int(re.search(r"\d+", t).group()) for t in texts]
    assert counts == sorted(counts), f"{name}: cells ran out of order: {counts}"
    return seconds


def assert_no_error_output(panel, name: str):
    errors = panel.locator(ERROR_OUTPUT)
    texts = errors.all_inner_texts()
    assert not texts, f"{name}: {len(texts)} error output(s) after Run All:\n" + "\n---\n".join(t[:1500] for t in texts)
    outputs = "\n".join(panel.locator(".jp-OutputArea").all_inner_texts())
    assert "Traceback (most recent call last)" not in outputs, f"{name}: a traceback in the outputs"
    for failure in WIDGET_FAILURES:
        assert failure not in outputs, f"{name}: a widget shows {failure!r}"


def demo_cell(panel, control: str):
    """The first code cell whose output holds a Try-it demo with the given control."""
    cell = panel.locator(f".jp-CodeCell:has(.jp-OutputArea {control})").first
    cell.wait_for(state="attached")
    return cell


def demo_output(cell) -> str:
    """What the demo's Output widget shows: its HTML (tables, text and the PNG's data URL)."""
    return cell.locator(".widget-output").first.inner_html()


def wait_for_change(page, panel, cell, before: str, timeout: float = 30) -> str:
    """Wait until the demo's output differs from ``before`` and has settled
    (kernel idle, output unchanged for a second); return the new output."""
    deadline = time.monotonic() + timeout
    idle = panel.locator('.jp-Notebook-ExecutionIndicator[data-status="idle"]')
    last, stable_since = None, None
    while time.monotonic() < deadline:
        now = demo_output(cell)
        if now != last:
            last, stable_since = now, time.monotonic()
        elif (now != before and now.strip() and idle.count() == 1
              and time.monotonic() - stable_since >= 1.0):
            return now
        page.wait_for_timeout(200)
    pytest.fail("the Try-it output did not change (and settle) after the control moved")


def test_start_here_runs_and_its_try_it_responds(page, lab, screenshot):
    name = "00_start_here.ipynb"
    panel = open_notebook(page, lab, name)
    seconds = run_all_cells(page, lab, panel, name)
    print(f"{name}: Run All in {seconds:.1f} s")
    assert_no_error_output(panel, name)

    # Lesson 00's Try it is the table explorer: two dropdowns above an Output.
    cell = demo_cell(panel, ".widget-dropdown select")
    cell.scroll_into_view_if_needed()
    before = demo_output(cell)
    assert "rows" in before, "the table explorer shows no table summary"
    screenshot(page, "lab_00_start_here_run_all")

    company = cell.locator(".widget-dropdown select").first
    options = company.locator("option").all_inner_texts()
    assert len(options) >= 2, options
    company.select_option(label=options[1])
    after = wait_for_change(page, panel, cell, before)
    assert options[1] in cell.locator(".widget-output").first.inner_text()
    assert after != before
    cell.scroll_into_view_if_needed()
    screenshot(page, "lab_00_start_here_try_it_changed")


def test_lesson_runs_and_its_slider_moves_the_output(page, lab, screenshot):
    name = "02_lifecycle.ipynb"
    panel = open_notebook(page, lab, name)
    seconds = run_all_cells(page, lab, panel, name)
    print(f"{name}: Run All in {seconds:.1f} s")
    assert_no_error_output(panel, name)

    cell = demo_cell(panel, ".widget-slider .noUi-handle")
    handle = cell.locator(".widget-slider .noUi-handle").first
    handle.scroll_into_view_if_needed()
    readout = cell.locator(".widget-readout").first
    value_before = readout.inner_text()
    before = demo_output(cell)
    assert "<img" in before or "<table" in before, "the lifecycle demo shows neither a chart nor a table"
    screenshot(page, "lab_02_lifecycle_try_it_before")

    handle.focus()
    for _ in range(3):
        handle.press("ArrowRight")
    page.wait_for_function(
        "([el, v]) => el.textContent.trim() !== v", arg=[readout.element_handle(), value_before], timeout=10_000
    )
    value_after = readout.inner_text()
    after = wait_for_change(page, panel, cell, before)
    print(f"{name}: slider {value_before} -> {value_after}")
    assert after != before
    assert_no_error_output(panel, name)
    handle.scroll_into_view_if_needed()
    screenshot(page, "lab_02_lifecycle_try_it_after")


NEWS = re.compile(r"Jupyter news", re.I)


def code_cell(panel, text: str):
    """The first code cell whose source contains ``text``, pinned by its position (a locator by text
    would move to another cell once this one is edited)."""
    sources = panel.locator(".jp-CodeCell .jp-InputArea-editor").all_inner_texts()
    index = next(i for i, src in enumerate(sources) if text in src)
    return panel.locator(".jp-CodeCell").nth(index)


def replace_source(page, cell, source: str):
    """Type ``source`` over the cell's code, as a trainee does."""
    editor = cell.locator(".jp-InputArea-editor .cm-content").first
    editor.click()
    page.keyboard.press("Control+A")
    page.keyboard.type(source)


def run_and_read(page, panel, cell, check_cell) -> str:
    """Run the answer cell and its check cell (Shift+Enter twice); return the check's output."""
    before = check_cell.locator(".jp-OutputArea").inner_text()
    cell.locator(".jp-InputArea-editor").first.click()
    page.keyboard.press("Shift+Enter")
    page.keyboard.press("Shift+Enter")
    deadline = time.monotonic() + 60
    idle = panel.locator('.jp-Notebook-ExecutionIndicator[data-status="idle"]')
    while time.monotonic() < deadline:
        now = check_cell.locator(".jp-OutputArea").inner_text()
        if now.strip() and now != before and idle.count() == 1:
            return now
        page.wait_for_timeout(200)
    pytest.fail(f"the check did not answer within 60 s (output: {before!r})")


def test_an_exercise_answered_wrongly_then_rightly(page, lab, screenshot):
    """A trainee opens exercise 00, runs it (every check says 'not answered yet'), answers 00.1 with the
    tempting wrong count, reads the hint, then answers right and reads the verdict."""
    name = "00_start_here.ipynb"
    panel = open_notebook(page, lab, name, folder="exercises")
    run_all_cells(page, lab, panel, name, folder="exercises")
    checks = panel.locator(".jp-CodeCell", has=page.locator(".jp-InputArea-editor", has_text='check("00.'))
    assert "Not answered yet" in checks.first.locator(".jp-OutputArea").inner_text()

    answer = code_cell(panel, "# Write your code here.")
    check = code_cell(panel, 'check("00.1", answer)')
    replace_source(page, answer, 'answer = shop.orders["customer_id"].nunique()')
    wrong = run_and_read(page, panel, answer, check)
    assert "❌ 00.1 Not yet" in wrong and "Prospects" in wrong and "💡 Hint" in wrong, wrong
    check.scroll_into_view_if_needed()
    screenshot(page, "lab_exercise_00_1_wrong")

    replace_source(page, answer, "answer = len(shop.customers)")
    right = run_and_read(page, panel, answer, check)
    assert "✅ 00.1 Correct. 5,000 is right." in right, right
    assert_no_error_output(panel, name)
    check.scroll_into_view_if_needed()
    screenshot(page, "lab_exercise_00_1_right")


def test_trainee_view_of_a_lesson_shows_no_speaker_notes_and_no_news(page, lab, screenshot):
    name = "04_loyalty.ipynb"
    panel = open_notebook(page, lab, name)
    cells = page.request.get(f"{lab}/api/contents/notebooks/{name}").json()["content"]["cells"]
    notes = [c for c in cells if c["metadata"].get("slideshow", {}).get("slide_type") == "notes"]
    assert notes, "the lesson has speaker notes (for the deck)"
    shown = panel.locator(".jp-Notebook").inner_text()
    for cell in notes:
        # A collapsed cell shows its first line only: the label, not the notes below it.
        label, _, notes_text = cell["source"].partition("\n\n")
        assert "Instructor material" in label and label.strip("*") in shown, "the collapsed bar names what it holds"
        first_line = notes_text.strip().splitlines()[0][:40]
        assert first_line not in shown, f"a trainee reads the speaker notes: {first_line!r}"
    collapsed = panel.locator(".jp-Cell .jp-InputPlaceholder")
    assert collapsed.count() >= len(notes), "the speaker notes are collapsed (a bar to click), not deleted"
    page.wait_for_timeout(3000)  # the news question used to pop up a moment after start
    assert not page.get_by_text(NEWS).count(), "JupyterLab asks about Jupyter news over the notebook"
    screenshot(page, "lab_04_loyalty_trainee_view")


CJK = re.compile(r"[\u4e00-\u9fff]")


def test_chinese_edition_runs_and_speaks_chinese(page, lab, screenshot):
    """The Chinese edition (make lab LANG=zh opens it): lesson 00 runs top to bottom with no error, its
    text, its Try it and its figures speak Chinese; an exercise's feedback is Chinese too."""
    name = "00_start_here.ipynb"
    panel = open_notebook(page, lab, name, folder="zh/notebooks")
    seconds = run_all_cells(page, lab, panel, name, folder="zh/notebooks")
    print(f"zh/{name}: Run All in {seconds:.1f} s")
    text = panel.locator(".jp-Notebook").inner_text()
    assert "在本课中，你将" in text and "你学会了" in text, "the lesson's text is not the Chinese edition"
    cell = demo_cell(panel, ".widget-dropdown select")
    cell.scroll_into_view_if_needed()
    shown = cell.locator(".widget-output").first.inner_text() + " " + " ".join(
        cell.locator(".widget-label").all_inner_texts())
    assert CJK.search(shown), f"the Try it does not speak Chinese: {shown[:200]!r}"
    assert panel.locator(".jp-OutputArea img").count() >= 1, "no figure"
    screenshot(page, "lab_zh_00_start_here")

    panel = open_notebook(page, lab, name, folder="zh/exercises")
    run_all_cells(page, lab, panel, name, folder="zh/exercises")
    answer = code_cell(panel, "# 在这里写你的代码。")
    check = code_cell(panel, 'check("00.1", answer)')
    replace_source(page, answer, 'answer = shop.orders["customer_id"].nunique()')
    wrong = run_and_read(page, panel, answer, check)
    assert "❌ 00.1" in wrong and "💡" in wrong and CJK.search(wrong), wrong
    check.scroll_into_view_if_needed()
    screenshot(page, "lab_zh_exercise_00_1_wrong")
