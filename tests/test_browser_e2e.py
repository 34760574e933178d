"""End to end in real headless Chromium: the page served by uvicorn on loopback loads, filters,
opens an event with its evidence highlighted, and the analyst accepts it from the review queue
with the keyboard; the store then says accepted. Screenshots go to test-artifacts/.

Waits use Playwright's locators (``expect``), not ``wait_for_function``: the page's CSP forbids
evaluating strings, which is what a string predicate would need."""

from __future__ import annotations

import pytest

from test_serve_helpers import (
    ARTIFACTS,
    CHROMIUM,
    TOKEN,
    LiveServer,
    PageWatch,
    clash_article,
    launch_chromium,
    populate,
    protest_article,
    takeover_article,
)
from thucydides.config import Settings
from thucydides.serve import create_app

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed (apt-get install chromium)"),
]


def test_filter_open_see_evidence_accept_with_keyboard(tmp_path):
    from playwright.sync_api import expect, sync_playwright

    from thucydides.store import Store

    path = tmp_path / "e2e.db"
    populate(path, [clash_article(), protest_article(), takeover_article()])
    with Store.open(path, readonly=True) as store:
        [clash] = [e for e in store.events() if e.event.sub_event_type == "Armed clash"]
    ARTIFACTS.mkdir(exist_ok=True)

    with LiveServer(create_app(path, Settings(token=TOKEN))) as server, sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        try:
            page = browser.new_page(viewport={"width": 1440, "height": 900})
            watch = PageWatch(page)
            page.goto(server.url + "/")
            page.wait_for_selector("body[data-ready=true]", timeout=20_000)
            assert not watch.errors, watch.errors  # e.g. the events did not load
            assert page.locator("tr.event-row").count() == 4
            assert page.locator("path.event-marker").count() == 4  # one circle per event on the map
            # no network in tests: the tiles fail and the map falls back to a plain background
            expect(page.locator("#map.map-offline")).to_have_count(1)
            assert "Offline" in page.locator(".leaflet-control-attribution").inner_text()
            page.screenshot(path=str(ARTIFACTS / "e2e-01-overview.png"))

            # filter: Battles, then an actor
            page.select_option("#filter-type", "Battles")
            expect(page.locator("tr.event-row")).to_have_count(2)
            page.fill("#filter-actor", "jnim")
            page.click("#apply-filters")
            expect(page.locator("tr.event-row")).to_have_count(1)
            assert page.locator("#stats").inner_text().startswith("1 shown")

            # the time slider: the day before the clash hides it
            page.select_option("#filter-type", "")
            page.fill("#filter-actor", "")
            page.click("#apply-filters")
            expect(page.locator("tr.event-row")).to_have_count(4)
            page.eval_on_selector("#time-slider", "s => { s.value = 0; s.dispatchEvent(new Event('input')); }")
            assert page.locator("tr.event-row").count() == 1  # only the first day's protest
            page.eval_on_selector("#time-slider", "s => { s.value = s.max; s.dispatchEvent(new Event('input')); }")
            assert page.locator("tr.event-row").count() == 4

            # open the clash: its evidence is highlighted in the article text
            page.click(f"tr.event-row[data-event-id='{clash.id}']")
            page.wait_for_selector("#tab-event mark.ev-current")
            assert page.locator("#event-title").inner_text() == "Armed clash"
            marks = page.locator("#tab-event mark.ev-current")
            assert marks.count() == 1 and marks.inner_text() == "Soldiers clashed with JNIM fighters near Kidal"
            # the other event of the same article is marked too, more quietly, and links to it
            assert page.locator("#tab-event mark.ev-other").inner_text() == "a drone strike hit a market in Gao"
            assert "the army" in page.locator("#tab-event .claim-chain").first.inner_text()
            page.screenshot(path=str(ARTIFACTS / "e2e-02-event.png"))

            # the control view on the slider's date
            page.click("#tab-button-control")
            page.wait_for_selector(".control-row")
            assert "Tessalit" in page.locator(".control-table").inner_text()

            # write token, then the review queue: move to the clash with j, accept with a
            page.click("#token-button")
            page.fill("#token-input", TOKEN)
            page.fill("#reviewer-input", "Noor")
            page.click("#token-form button[type=submit]")
            page.click("#tab-button-review")
            page.wait_for_selector(".queue-item.current")
            for _ in range(page.locator(".queue-item").count()):
                if page.get_attribute(".queue-item.current", "data-event-id") == clash.id:
                    break
                page.keyboard.press("j")
            assert page.get_attribute(".queue-item.current", "data-event-id") == clash.id
            before = page.locator(".queue-item").count()
            page.keyboard.press("a")
            expect(page.locator(".queue-item")).to_have_count(before - 1)
            assert page.locator(f".queue-item[data-event-id='{clash.id}']").count() == 0
            page.wait_for_selector(".toast-ok")
            page.screenshot(path=str(ARTIFACTS / "e2e-03-review.png"))

            # e edits the current item: the form opens, the analyst corrects the deaths
            edited = page.get_attribute(".queue-item.current", "data-event-id")
            page.keyboard.press("e")
            page.wait_for_selector("dialog.editor[open]")
            page.fill("dialog.editor input[name=fatalities]", "4")
            page.fill("dialog.editor textarea[name=note]", "hospital count")
            page.screenshot(path=str(ARTIFACTS / "e2e-04-edit.png"))
            page.click("dialog.editor button[type=submit]")
            expect(page.locator(".queue-item")).to_have_count(before - 2)
            assert not watch.errors and not watch.dialogs, watch.errors + watch.dialogs
        finally:
            browser.close()

    with Store.open(path, readonly=True) as store:
        assert store.event(clash.id).review_state == "accepted"
        last = store.audit(clash.id)[-1]
        assert last.actor == "reviewer:Noor" and last.action == "accepted"
        corrected = store.event(edited)
        assert corrected.review_state == "edited" and corrected.event.fatalities.count == 4
        assert store.audit(edited)[-1].note == "hospital count"


def test_without_leaflet_the_page_says_so_and_the_rest_works(tmp_path):
    """`npm ci` not run: the map is replaced by a message naming the fix; table and panel work."""
    from playwright.sync_api import expect, sync_playwright

    path = tmp_path / "nomap.db"
    populate(path, [protest_article()])
    app = create_app(path, Settings(), node_modules=tmp_path / "no-node-modules")
    with LiveServer(app) as server, sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            page.goto(server.url + "/")
            page.wait_for_selector("body[data-ready=true]", timeout=20_000)
            expect(page.locator(".map-message")).to_contain_text("npm ci")
            page.click("tr.event-row")
            expect(page.locator("#tab-event mark.ev-current")).to_have_text("Hundreds of students marched peacefully through Mandalay")
            expect(page.locator("#token-button")).to_have_text("Read-only server")
        finally:
            browser.close()
