"""The built course site (``make book``) and the decks (``make slides``) render in a
real browser from a local server, with every request off 127.0.0.1 blocked: every
page opens with no console error, a lesson page shows each "Try it" as a picture
and no speaker notes, the instructor page keeps them, and every slide of every
deck fits a 1280 x 800 window.

``make test-browser`` builds them first when they are missing; a test here is
skipped (with the reason) only when that build did not produce its file.
"""

from __future__ import annotations

from pathlib import Path

import pytest

BUILD = Path(__file__).resolve().parents[1] / "_build"
HTML = BUILD / "book" / "_build" / "html"
INDEX = HTML / "index.html"
LESSON = "02_lifecycle"
DECK = BUILD / "slides" / "00_start_here.slides.html"


def _require(path, target: str):
    if not path.is_file():
        pytest.skip(f"{path.relative_to(BUILD.parent)} is missing: `make {target}` did not build it "
                    f"(`make test-browser` runs it first when it is missing; see its output above)")


def _url(site: str, path) -> str:
    return f"{site}/{path.relative_to(BUILD).as_posix()}"


def _report_blocked(context, what: str):
    if context.blocked:
        print(f"{what}: blocked {len(context.blocked)} request(s) off 127.0.0.1 (rendered without them): "
              + ", ".join(sorted(set(context.blocked))[:10]))


def _lesson_page():
    pages = sorted(HTML.rglob(f"{LESSON}.html"))
    return pages[0] if pages else HTML / f"{LESSON}.html"


def test_site_front_page_renders(page, context, site, screenshot):
    _require(INDEX, "book")
    page.goto(_url(site, INDEX))
    # Jupyter Book's index.html redirects to the first page of the table of contents.
    page.wait_for_load_state("load")
    page.locator("article h1:visible, main h1:visible").first.wait_for(state="visible")
    title = page.locator("article h1:visible, main h1:visible").first.inner_text()
    assert title.strip(), "the front page has an empty title"
    # The lesson map links every lesson; the navigation lists them too.
    links = page.locator(f'a[href*="{LESSON}"]')
    assert links.count() >= 1, "the front page does not link lesson 02"
    assert page.locator('a[href*="glossary"]').count() >= 1, "the front page does not link the glossary"
    print(f"site front page: {page.url} — {title!r}")
    _report_blocked(context, "site front page")
    screenshot(page, "site_front_page")


def test_site_lesson_page_renders(page, context, site, screenshot):
    lesson = _lesson_page()
    _require(lesson, "book")
    page.goto(_url(site, lesson))
    heading = page.locator("article h1:visible, main h1:visible").first
    heading.wait_for(state="visible")
    assert "lifecycle" in heading.inner_text().lower(), heading.inner_text()
    body = page.locator("article, main").first.inner_text()
    # Stored outputs are shown (not re-executed): figures and tables are there,
    # and the lesson ends with its bilingual glossary.
    assert page.locator("article img, main img").count() >= 1, "the lesson page shows no figure"
    assert page.locator("article table, main table").count() >= 1, "the lesson page shows no table"
    assert "In this lesson you learned to" in body
    assert "中文" in body, "the lesson's glossary (English | 中文) is missing"
    assert "Traceback" not in body
    first_img = page.locator("article img, main img").first
    first_img.scroll_into_view_if_needed()
    assert page.evaluate("img => img.complete && img.naturalWidth > 0", first_img.element_handle()), \
        "the lesson's first figure did not load"
    _report_blocked(context, "site lesson page")
    page.evaluate("window.scrollTo(0, 0)")
    screenshot(page, "site_lesson_02_lifecycle")


def test_chinese_site_front_and_lesson_pages_render(page, context, site, screenshot):
    """The Chinese site (html/zh/, built by `make book` with the English one): the two intros link each
    other, and a Chinese lesson page shows Chinese text, its figures and the Chinese glossary."""
    zh_intro, zh_lesson = HTML / "zh" / "intro.html", HTML / "zh" / f"{LESSON}.html"
    _require(zh_lesson, "book")
    page.goto(_url(site, HTML / "intro.html"))
    page.locator('a[href="zh/intro.html"]').first.click()
    page.wait_for_load_state("load")
    assert page.url.endswith("zh/intro.html"), page.url
    assert "课程地图" in page.locator("article, main").first.inner_text()
    assert page.locator('a[href="../intro.html"]').count() == 1, "the Chinese intro does not link the English one"
    screenshot(page, "site_zh_front_page")
    page.goto(_url(site, zh_lesson))
    heading = page.locator("article h1:visible, main h1:visible").first
    heading.wait_for(state="visible")
    body = page.locator("article, main").first.inner_text()
    assert "你学会了" in body and "术语表" in body and "Traceback" not in body
    first_img = page.locator("article img, main img").first
    first_img.scroll_into_view_if_needed()
    assert page.evaluate("img => img.complete && img.naturalWidth > 0", first_img.element_handle())
    _report_blocked(context, "Chinese site lesson page")
    page.evaluate("window.scrollTo(0, 0)")
    screenshot(page, "site_zh_lesson_02_lifecycle")


def test_deck_renders_offline(page, context, site, screenshot):
    _require(DECK, "slides")
    page.goto(_url(site, DECK))
    page.locator(".reveal .slides section").first.wait_for(state="attached")
    # reveal.js (loaded by require.js, so no global Reveal) marks itself ready.
    page.locator(".reveal.ready").wait_for(state="attached", timeout=30_000)
    total = page.locator(".reveal .slides section").count()
    assert total >= 5, f"the deck has only {total} slide(s)"
    current = page.locator(".reveal .slides section.present").last
    title = current.locator("h1, h2").first
    title.wait_for(state="visible")
    assert title.inner_text().strip(), "the first slide has no visible title"
    box = title.bounding_box()
    assert box and box["width"] > 0 and box["height"] > 0
    print(f"deck: {total} slides, first title {title.inner_text()!r}")
    screenshot(page, "deck_00_start_here_title")

    # Advance to the next slide: the deck responds to the keyboard.
    page.locator(".reveal").click(position={"x": 10, "y": 10})
    first_hash = page.evaluate("location.hash")
    page.keyboard.press("ArrowRight")
    page.wait_for_function("h => location.hash !== h", arg=first_hash)
    page.wait_for_timeout(800)  # let the slide transition finish before the screenshot
    shown = page.locator(".reveal .slides section.present").last
    assert shown.inner_text().strip(), "the second slide is empty"
    print(f"deck: moved to {page.evaluate('location.hash')}")
    _report_blocked(context, "deck")
    screenshot(page, "deck_00_start_here_next")


SLIDES = BUILD / "slides"
WINDOW = {"width": 1280, "height": 800}
# Where the present slide is drawn, and what in it is cut off: text wider than its box, figures or
# tables outside the slide.
MEASURE_SLIDE = """() => {
  const s = Array.from(document.querySelectorAll('.reveal .slides section.present')).pop();
  const r = s.getBoundingClientRect();
  const cut = Array.from(s.querySelectorAll('pre')).filter(e => e.scrollWidth > e.clientWidth + 2)
      .map(e => 'text: ' + e.textContent.trim().slice(0, 40));
  s.querySelectorAll('img, table').forEach(e => { const q = e.getBoundingClientRect();
      if (q.width && q.height && (q.right > r.right + 2 || q.bottom > r.bottom + 2 || q.left < r.left - 2))
          cut.push(e.tagName.toLowerCase() + ' outside the slide'); });
  const t = s.querySelector('h1, h2, h3');
  return {top: r.top, bottom: r.bottom, left: r.left, right: r.right, cut: cut,
          zoom: parseFloat(s.style.zoom || 1), title: (t ? t.textContent : s.textContent).trim().slice(0, 60)};
}"""


def _site_pages():
    return sorted(p for p in HTML.glob("*.html") if p.name not in ("genindex.html", "search.html")) if HTML.is_dir() else []


def test_every_site_page_opens_without_errors(page, context, site):
    """Every page of the site: no console error, no page error, no request for a missing file."""
    _require(INDEX, "book")
    pages = _site_pages()
    assert len(pages) >= 14, [p.name for p in pages]
    for path in pages:
        page.goto(_url(site, path))
        page.wait_for_load_state("load")
        assert not page.console_errors and not page.failed_requests, (path.name, page.console_errors,
                                                                      page.failed_requests)
    print(f"site: {len(pages)} pages opened with no console error")
    _report_blocked(context, "site pages")


def test_site_lesson_shows_try_it_pictures_and_no_speaker_notes(page, site, screenshot):
    lesson = _lesson_page()
    _require(lesson, "book")
    page.goto(_url(site, lesson))
    body = page.locator("article, main").first.inner_text()
    for words in ("Speaker notes", "with model answers", "Rubric for"):
        assert words not in body, f"the trainee page shows {words!r}"
    note = page.get_by_text("interactive in JupyterLab").first
    note.wait_for(state="visible")
    # the picture of the demo's first state is the output of the demo's cell
    cell = page.locator("div.cell", has_text="widgets.lifecycle_thresholds").first
    img = cell.locator("img").first
    img.wait_for(state="visible")
    assert page.evaluate("i => i.complete && i.naturalWidth > 200", img.element_handle()), "no first-state picture"
    img.scroll_into_view_if_needed()
    screenshot(page, "site_02_lifecycle_try_it")


def test_site_instructor_page_keeps_the_speaker_notes(page, site, screenshot):
    notes = HTML / "instructor_notes.html"
    _require(notes, "book")
    page.goto(_url(site, notes))
    body = page.locator("article, main").first.inner_text()
    assert body.count("Speaker notes") >= 10 and "model answers" in body
    screenshot(page, "site_instructor_notes")


def _slides(page):
    """(horizontal, vertical) index of every slide of the open deck."""
    counts = page.evaluate("""() => Array.from(document.querySelectorAll('.reveal .slides > section'))
        .map(h => Math.max(1, h.querySelectorAll(':scope > section').length))""")
    return [(h, v) for h, n in enumerate(counts) for v in range(n)]


@pytest.mark.parametrize("deck", sorted(str(p.relative_to(SLIDES)) for p in [*SLIDES.glob("*.slides.html"),
                                          *SLIDES.glob("zh/*.slides.html")]) or ["(no decks)"])
def test_every_slide_of_every_deck_fits_a_1280x800_window(page, site, deck, screenshot):
    path = SLIDES / deck
    _require(path, "slides")
    page.set_viewport_size(WINDOW)
    page.goto(_url(site, path))
    page.locator(".reveal.ready").wait_for(state="attached", timeout=30_000)
    assert page.locator(".reveal aside.notes").count() >= 1, "the deck lost its speaker notes"
    misfits, smallest = [], (1.0, "")
    for h, v in _slides(page):
        page.evaluate(f"location.hash = '#/{h}/{v}'")
        page.wait_for_timeout(150)
        m = page.evaluate(MEASURE_SLIDE)
        smallest = min(smallest, (m["zoom"], f"{h}/{v} {m['title']!r}"))
        if m["cut"] or m["top"] < -1 or m["left"] < -1 or m["bottom"] > WINDOW["height"] + 1 \
                or m["right"] > WINDOW["width"] + 1:
            misfits.append(f"slide {h}/{v} {m['title']!r}: {m}")
            screenshot(page, f"FAILED-deck-{path.stem}-{h}-{v}")
    print(f"{deck}: {len(_slides(page))} slides fit; smallest zoom {smallest[0]:.2f} ({smallest[1]})")
    assert not misfits, "\n".join(misfits)
