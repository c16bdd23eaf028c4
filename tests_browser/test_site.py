"""The built course site (``make book``) and a deck (``make slides``) render in a
real browser from a local server, with every request off 127.0.0.1 blocked.

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
