"""Hostile article content renders as inert text in a real browser (issue 8, item 5).

The article's title, text, outlet, URL, actor names and attribution carry <script> tags, on*
handlers and javascript: URLs. The page must show them as literal characters: no dialog, no
script run, no element made from them, no javascript: link; and the CSP must stop inline script
even if some future code did insert markup."""

from __future__ import annotations

import pytest

from test_serve_helpers import (
    ARTIFACTS,
    CHROMIUM,
    TOKEN,
    LiveServer,
    PageWatch,
    hostile_article,
    launch_chromium,
    populate,
)
from thucydides.config import Settings
from thucydides.serve import create_app

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed (apt-get install chromium)"),
]

# elements that hostile markup could have produced inside the page's own containers
INJECTED = "script, img, svg, b, iframe, object, embed, [onerror], [onload], [onmouseover]"


def test_hostile_strings_render_as_text_and_run_nothing(tmp_path):
    from playwright.sync_api import expect, sync_playwright

    result = hostile_article()
    path = tmp_path / "hostile.db"
    [event_id] = populate(path, [result])
    ARTIFACTS.mkdir(exist_ok=True)

    with LiveServer(create_app(path, Settings(token=TOKEN))) as server, sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        try:
            page = browser.new_page(viewport={"width": 1440, "height": 900})
            watch = PageWatch(page)
            page.goto(server.url + "/")
            page.wait_for_selector("body[data-ready=true]", timeout=20_000)
            assert not watch.errors, watch.errors  # e.g. the events did not load

            # the table: the actor name is shown literally
            row = page.locator(f"tr.event-row[data-event-id='{event_id}']")
            expect(row).to_contain_text('<script>alert("actor")</script>Unidentified Armed Group')

            # the map's tooltip
            page.hover("path.event-marker")
            expect(page.locator(".leaflet-tooltip")).to_contain_text("<script>")

            # the event panel and the article text
            row.click()
            page.wait_for_selector("#tab-event .article-text")
            text = page.locator("#tab-event .article-text").inner_text()
            assert "<script>window.__pwned=1;alert(1)</script>" in text
            assert "<img src=x onerror=alert(2)>" in text
            # the evidence is highlighted exactly, although an emoji precedes it (offsets are
            # code points on the server and UTF-16 units in the browser)
            phrase = result.events[0].evidence[0].text
            assert page.locator("#tab-event mark.ev-current").inner_text() == phrase
            panel = page.locator("#tab-event").inner_text()
            assert '<svg onload="alert(5)">Outlet</svg>' in panel
            assert '<img src=x onerror="alert(6)">residents' in panel
            assert "javascript:alert(4)" in panel  # the URL is shown, as text

            # the review queue
            page.click("#tab-button-review")
            expect(page.locator(".queue-item")).to_have_count(1)
            expect(page.locator(".queue-evidence")).to_have_text(phrase)
            page.screenshot(path=str(ARTIFACTS / "xss-01-review-queue.png"))
            page.click("#tab-button-event")
            page.screenshot(path=str(ARTIFACTS / "xss-02-event.png"))

            for container in ("#tab-events", "#tab-event", "#tab-review", ".leaflet-tooltip-pane"):
                assert page.locator(container).locator(INJECTED).count() == 0, container
            assert page.locator("a[href^='javascript:' i]").count() == 0
            assert page.evaluate("() => window.__pwned") is None
            assert not watch.dialogs and not watch.errors, watch.dialogs + watch.errors

            # defence in depth: markup inserted by hand still cannot run inline script
            page.evaluate(
                "() => document.body.insertAdjacentHTML('beforeend', "
                "'<img id=probe src=/missing.png onerror=\"window.__csp_broken = 1\">')"
            )
            page.wait_for_timeout(500)
            assert page.evaluate("() => window.__csp_broken") is None
            csp_reports = [error for error in watch.errors if "Content Security Policy" in error]
            assert csp_reports, "the browser should report the blocked inline handler"
            # and nothing else went wrong: only the probe's blocked handler and its missing image
            assert all("Content Security Policy" in error or "404" in error for error in watch.errors), watch.errors
        finally:
            browser.close()
