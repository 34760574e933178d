"""Store.add_result: idempotence, updates, near-duplicates, cross-article merge, deletions,
stable ids, the control timeline (hand-built ArticleResults; no model needed)."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest
from test_store_fixtures import ARMY_NG, BOKO, ISWAP, article, event, result

from thucydides.errors import NotFoundError
from thucydides.model import ArticleResult
from thucydides.store import EventFilter, Store

WIRE = (
    "MAIDUGURI, Nigeria (Wire) — Islamic State West Africa Province fighters overran the town of Bama in "
    "Borno state on Saturday after hours of fighting with soldiers, residents and a military source said. "
    "At least 12 soldiers were killed, the source said, speaking on condition of anonymity. Residents fled "
    "towards Maiduguri, and the army has not yet commented on the attack on the garrison town."
)


@pytest.fixture
def store(tmp_path: Path):
    with Store.open(tmp_path / "store.db") as opened:
        yield opened


def takeover(article_id: str, source: str, *, status="reported", deaths=0, text=None, url=None, speaker=None, **kwargs) -> ArticleResult:
    art = article(article_id, text or f"{source} report {article_id}: ISWAP took Bama. " * 3, source=source, url=url)
    return result(art, event(f"{article_id}-e1", status=status, deaths=deaths, speaker=speaker, evidence="ISWAP took Bama", **kwargs))


def test_reingesting_the_same_article_changes_nothing(store: Store):
    first = store.add_result(takeover("a", "Daily Trust"))
    before = store.counts()
    audit_rows = store.connection.execute("SELECT count(*) FROM audit").fetchone()[0]
    again = store.add_result(takeover("a", "Daily Trust"))
    assert (first.action, again.action) == ("new", "unchanged")
    assert again.event_ids == first.event_ids
    assert store.counts() == before
    assert store.connection.execute("SELECT count(*) FROM audit").fetchone()[0] == audit_rows


def test_same_url_is_the_same_article(store: Store):
    url, text = "https://example.org/bama", "ISWAP took Bama on Saturday. " * 3
    store.add_result(takeover("a", "Daily Trust", url=url, text=text))
    same = store.add_result(takeover("other-id", "Daily Trust", url=url, text=text))
    assert (same.action, same.article_id) == ("unchanged", "a")
    changed = store.add_result(takeover("other-id", "Daily Trust", url=url, text="Updated. " + text))
    assert (changed.action, changed.article_id) == ("updated", "a")  # the stored id is kept
    assert store.counts()["articles"] == 1


def test_an_updated_article_replaces_its_events(store: Store):
    url = "https://example.org/bama"
    first = store.add_result(takeover("a", "Daily Trust", url=url, deaths=5))
    (event_id,) = first.event_ids
    second = store.add_result(takeover("a", "Daily Trust", url=url, deaths=9, text="Updated: ISWAP took Bama, 9 dead. " * 3))
    assert second.action == "updated"
    assert second.event_ids == (event_id,)  # the same event, its id kept
    assert store.counts()["events"] == 1 and store.counts()["event_sources"] == 1
    assert store.event(event_id).event.fatalities.count == 9
    actions = [entry.action for entry in store.audit(event_id)]
    assert actions == ["created", "source_removed", "source_added", "updated"]
    assert store.audit(event_id)[-1].changes["fatalities"][1]["count"] == 9


def test_an_event_an_update_no_longer_reports_is_deleted_and_listed(store: Store):
    url = "https://example.org/gwoza"
    art = article("g", "Boko Haram attacked Gwoza; separately ISWAP took Bama.", source="HumAngle", url=url)
    first = store.add_result(result(art, event("g1", sub="Attack", place="Gwoza", actor1=BOKO, actor2=None), event("g2")))
    gwoza, bama = first.event_ids
    corrected = replace(art, text="Correction: only ISWAP took Bama; there was no attack on Gwoza.")
    second = store.add_result(result(corrected, event("g2")))
    assert second.deleted == (gwoza,)
    assert store.count_events() == 1
    with pytest.raises(NotFoundError, match="deleted"):
        store.event(gwoza)
    (deleted,) = store.deleted_events()
    assert deleted.event_id == gwoza and "no longer reports it" in deleted.reason
    assert deleted.last["sub_event_type"] == "Attack"
    assert store.deleted_events(since=dt.date.today() + dt.timedelta(days=1)) == []
    assert [entry.action for entry in store.audit(gwoza)][-1] == "deleted"
    # a deleted id is never given to another event
    again = store.add_result(result(replace(corrected, text="Gwoza attacked again.", id="g-new", url=None), event("g1", sub="Attack", place="Gwoza", actor1=BOKO, actor2=None)))
    assert gwoza not in again.event_ids


def test_reports_from_several_outlets_are_one_event_with_all_sources(store: Store):
    store.add_result(takeover("a", "Daily Trust", deaths=12))
    store.add_result(takeover("b", "HumAngle", status="claimed", deaths=20, speaker="ISWAP statement"))
    store.add_result(takeover("c", "Premium Times", status="denied", speaker="army spokesman"))
    (stored,) = store.events()
    assert [s.source for s in stored.sources] == ["Daily Trust", "HumAngle", "Premium Times"]
    assert stored.corroboration == 2  # the denial is a claim, not a corroboration
    assert stored.conflicting
    assert [c.stance for c in stored.claims] == ["asserts", "asserts", "denies"]
    assert (stored.event.fatalities.count, stored.event.fatalities.low, stored.event.fatalities.high) == (12, 12, 20)
    assert stored.event.status == "reported"
    data = stored.to_dict()
    assert {"sources", "corroboration", "claims", "review_state"} <= set(data)
    assert data["sources"][0]["article_id"] == "a" and data["review_state"] == "unreviewed"


def test_a_near_duplicate_is_linked_and_not_counted(store: Store):
    store.add_result(takeover("a", "Wire", text=WIRE))
    copy_text = WIRE.replace("MAIDUGURI, Nigeria (Wire) — ", "").replace("Residents fled", "Many residents fled")
    outcome = store.add_result(takeover("b", "Reprint Daily", text=copy_text))
    assert (outcome.action, outcome.duplicate_of) == ("duplicate", "a")
    assert store.article("b").article.duplicate_of == "a"
    (stored,) = store.events()
    assert len(stored.sources) == 2 and stored.corroboration == 1
    assert stored.sources[1].duplicate_of == "a"
    other = store.add_result(takeover("c", "Own Reporting", text="Our correspondent in Bama says ISWAP now holds the town. " * 4))
    assert other.action == "new"
    assert store.events()[0].corroboration == 2


def test_an_exact_copy_at_another_url_is_a_duplicate(store: Store):
    store.add_result(takeover("a", "Wire", text=WIRE, url="https://wire.example/1"))
    copy = store.add_result(takeover("b", "Mirror", text=WIRE, url="https://mirror.example/1"))
    assert (copy.action, copy.duplicate_of) == ("duplicate", "a")


def test_the_near_duplicate_index_survives_reopening(tmp_path: Path):
    path = tmp_path / "reopen.db"
    with Store.open(path) as store:
        store.add_result(takeover("a", "Wire", text=WIRE))
    with Store.open(path) as store:
        outcome = store.add_result(takeover("b", "Reprint", text=WIRE.replace("Saturday", "Saturday morning")))
    assert outcome.duplicate_of == "a"


def test_different_events_stay_apart(store: Store):
    store.add_result(takeover("a", "A"))
    store.add_result(takeover("b", "B", place="Gwoza"))  # another district
    store.add_result(takeover("c", "C", actor1=BOKO))  # another group
    store.add_result(takeover("d", "D", day=dt.date(2023, 3, 20)))  # another date
    store.add_result(takeover("e", "E", status="background"))  # history is not a current event
    assert store.count_events() == 5


def test_event_ids_are_stable_across_runs(tmp_path: Path):
    inputs = [takeover("a", "A"), takeover("b", "B", status="claimed"), takeover("c", "C", place="Gwoza")]
    ids = []
    for name in ("one.db", "two.db"):
        with Store.open(tmp_path / name) as store:
            for item in inputs:
                store.add_result(item)
            ids.append(sorted(e.event.id for e in store.events(limit=None)))
    assert ids[0] == ids[1] and len(ids[0]) == 2


def test_events_without_a_place_are_kept_apart(store: Store):
    store.add_result(takeover("a", "A", place=None))
    store.add_result(takeover("b", "B", place=None))
    assert store.count_events() == 2


def test_a_failed_write_leaves_nothing_behind(store: Store, monkeypatch):
    from thucydides.store import writer

    def broken(*args, **kwargs):
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(writer, "refresh_control", broken)
    from thucydides.errors import StoreError

    with pytest.raises(StoreError, match="disk I/O error"):
        store.add_result(takeover("a", "A"))
    assert store.counts() == {"articles": 0, "events": 0, "event_sources": 0, "control_states": 0, "deleted_events": 0}
    monkeypatch.undo()
    assert store.add_result(takeover("a", "A")).action == "new"


def test_skipped_articles_are_recorded_and_analysed_again(store: Store):
    art = article("s", "Bama: ISWAP took the town.", source="A")
    first = store.add_result(ArticleResult(article=art, skipped="time limit: analysis ran over 30 s"))
    assert first.skipped and store.connection.execute("SELECT skipped FROM articles").fetchone()[0].startswith("time limit")
    assert store.unchanged(art) is None  # not analysed yet: the CLI analyses it again
    second = store.add_result(result(art, event("s1")))
    assert second.action == "updated" and len(second.event_ids) == 1
    assert store.unchanged(art).action == "unchanged"


def test_the_control_timeline_follows_the_events(store: Store):
    store.add_result(takeover("a", "Amaq", status="claimed", speaker="ISWAP statement"))
    (record,) = store.control(admin1="borno")[1:]
    assert (record.name, record.state, record.controller, record.basis) == ("Bama", "controlled", ISWAP.name, "claimed")
    store.add_result(takeover("b", "Premium Times", status="denied", speaker="army spokesman"))
    province, district = store.control(country="NG")
    assert (province.level, province.state) == ("ADM1", "contested")
    assert (district.state, district.basis) == ("contested", "claimed")
    assert {s.article_id for s in district.sources} == {"a", "b"}
    store.add_result(takeover("c", "Reuters", status="reported"))
    district = store.control(country="NG")[1]
    assert (district.state, district.controller, district.basis) == ("controlled", ISWAP.name, "assessed")
    retaken = result(article("d", "Troops retook Bama.", source="Reuters"), event(
        "d1", sub="Government regains territory", actor1=ARMY_NG, actor2=ISWAP, day=dt.date(2023, 3, 9), evidence="retook Bama"))
    store.add_result(retaken)
    timeline = [r for r in store.control() if r.level == "ADM2"]
    assert [(r.date.day, r.controller) for r in timeline] == [(4, ISWAP.name), (9, ARMY_NG.name)]
    at = [r for r in store.control(at=dt.date(2023, 3, 5)) if r.level == "ADM2"]
    assert [r.controller for r in at] == [ISWAP.name]
    assert store.control(country="ML") == []


def test_article_keeps_its_text_places_and_evidence(store: Store):
    outcome = store.add_result(takeover("a", "Daily Trust"))
    stored = store.article("a")
    assert stored.article.text.startswith("Daily Trust report a")
    assert stored.event_ids == outcome.event_ids
    (event_id, span), = stored.evidence
    assert stored.article.text[span.start : span.end] == span.text == "ISWAP took Bama"
    assert stored.places[0].entry.admin2_id == 2348772
    with pytest.raises(NotFoundError):
        store.article("nope")


def test_filters(store: Store):
    store.add_result(takeover("a", "A", deaths=3))
    store.add_result(takeover("b", "B", status="claimed"))
    store.add_result(takeover("c", "C", place="Gwoza", actor1=BOKO, day=dt.date(2023, 4, 1)))
    store.add_result(takeover("d", "D", place="Kidal", actor1=ISWAP, actor2=None, sub="Armed clash", day=dt.date(2023, 2, 1)))
    def ids(**kwargs):
        return {e.event.location.name for e in store.events(EventFilter(**kwargs), limit=None)}
    assert ids() == {"Bama", "Gwoza", "Kidal"}
    assert ids(country="NG") == ids(country="nigeria") == {"Bama", "Gwoza"}
    assert ids(admin1="BORNO") == ids(admin1="Bórnò") == {"Bama", "Gwoza"}  # case and accents folded
    assert ids(admin2="Gwoza") == {"Gwoza"}
    assert ids(date_from=dt.date(2023, 3, 1), date_to=dt.date(2023, 3, 31)) == {"Bama"}
    assert ids(event_type="Battles", sub_event_type="Armed clash") == {"Kidal"}
    assert ids(actor="boko") == {"Gwoza"}
    assert ids(actor="100%") == set()
    assert ids(min_corroboration=2) == {"Bama"}
    assert ids(status=("claimed", "reported"), review_state="unreviewed") == {"Bama", "Gwoza", "Kidal"}
    assert ids(bbox=(13.0, 11.0, 14.0, 11.3)) == {"Gwoza"}
    assert store.count_events(EventFilter(country="NG")) == 2
    assert [e.event.location.name for e in store.events(limit=2)] == ["Gwoza", "Bama"]  # newest first
    assert [e.event.location.name for e in store.events(limit=2, offset=2)] == ["Kidal"]
    assert len(list(store.iter_events(batch_size=1))) == 3
    from thucydides.errors import InputError

    with pytest.raises(InputError, match="not a status"):
        store.events(EventFilter(status="rumoured"))


def test_incremental_control_equals_a_full_recompute(tmp_path: Path):
    """The timeline is refreshed piece by piece (a district's day, a province from a date on);
    after a corpus with updates, copies, denials and out-of-order dates it must equal the
    timeline computed from all events at once."""
    from test_store_crash import generate_corpus

    from thucydides.store.codec import result_from_dict
    from thucydides.store.units import full_timeline

    corpus = tmp_path / "corpus.jsonl"
    generate_corpus(corpus, 120, seed=5)
    with Store.open(tmp_path / "inc.db") as store:
        for number, line in enumerate(corpus.read_text().splitlines()):
            store.add_result(result_from_dict(json.loads(line), f"line {number}"))
        # a rejection and an edit moving an event to another day also refresh the timeline
        retaken = store.events(EventFilter(sub_event_type="Government regains territory"), limit=2)
        store.review(retaken[0].id, "reject", reviewer="ana")
        store.review(retaken[1].id, "edit", reviewer="ana", changes={"date": "2023-02-27"})
        stored = [(r.to_dict(), r.direct) for r in store.control()]
        with store._read() as connection:
            recomputed = [(r.to_dict(), r.direct) for r in full_timeline(connection)]
    assert len(stored) > 20
    assert stored == recomputed
