"""The scoring rule of seed.json, one rule per test, on hand-made gold and output pairs.

The article, places and groups are invented; the coordinates put Korvan and Meldis 10 km apart
(so each one's radius is capped at 5 km) and Tassin about 150 km away.
"""

from __future__ import annotations

import pytest

from thucydides.evaluate import score_gold
from thucydides.evaluate.gold import parse_item
from thucydides.evaluate.matching import capped_radii, distance_km
from thucydides.evaluate.fields import actor_correct, attribution_correct
from thucydides.evaluate.outputs import OutputActor, OutputAttribution, OutputEvent, output_from_dict

TEXT = (
    "Insurgents said on Monday they had captured the towns of Korvan and Meldis in the east. "
    "Police fired on protesters in Tassin, killing two, a hospital official told Radio Nord. "
    "In 1998 the army destroyed Korvan during a long siege. "
    "The rebels have not attacked Tassin since."
)
KORVAN = {"text": "Korvan", "geonameids": [101, 900], "latitude": 10.0, "longitude": 20.0}
MELDIS = {"text": "Meldis", "geonameids": [102, 900], "latitude": 10.0, "longitude": 20.0912}  # ~10 km east
TASSIN = {"text": "Tassin", "geonameids": [103], "latitude": 11.0, "longitude": 21.0}
TAKEOVER = ("Battles", "Non-state actor overtakes territory")
FORCE = ("Violence against civilians", "Attack")


def gold_event(gid, types, location, *, required=True, **fields):
    event = {
        "id": gid,
        "required": required,
        "event_type": types[0],
        "sub_event_type": types[1],
        "status": "claimed",
        "actor1": ["Insurgents", "rebels"],
        "actor2": [],
        "location": dict(location),
        "date": "2024-03-04",
        "fatalities": 0,
        "attribution": [],
        "evidence": None,
    }
    event.update(fields)
    return event


def gold_item(events, *, not_current=(), places=None, text=TEXT, article_id="a1"):
    raw = {
        "article": {"id": article_id, "text": text, "published": "2024-03-05"},
        "events": events,
        "not_current_events": [{"text": t, "why": "test"} for t in not_current],
    }
    if places is not None:
        raw["places"] = places
    return parse_item(raw, origin="test")


def out_event(oid, types, *, geonameid=None, point=None, status="claimed", evidence=None, place="x", **fields):
    event = {
        "id": oid,
        "event_type": types[0],
        "sub_event_type": types[1],
        "status": status,
        "actor1": {"name": "Insurgents", "inter": 2, "text": "Insurgents"},
        "actor2": None,
        "location": {
            "text": place,
            "geonameid": geonameid,
            "latitude": point[0] if point else None,
            "longitude": point[1] if point else None,
        },
        "date": {"value": "2024-03-04", "precision": 1, "text": None},
        "fatalities": {"count": 0},
        "attribution": [],
        "evidence": [evidence or {"start": 0, "end": 10, "text": TEXT[:10]}],
    }
    event.update(fields)
    return event


def output(events, *, article_id="a1", text=None, places=None):
    article = {"id": article_id}
    if text is not None:
        article["text"] = text
    if places is not None:
        article["places"] = places
    return output_from_dict({"article": article, "events": events}, origin="test")


def span(passage, text=TEXT):
    start = text.index(passage)
    return {"start": start, "end": start + len(passage), "text": passage}


def test_geonameid_or_radius_match_and_type_must_be_equal():
    gold = [gold_item([gold_event("G1", TAKEOVER, TASSIN)])]
    assert score_gold(gold, [output([out_event("o1", TAKEOVER, geonameid=103)])]).tp == 1
    near = (11.1, 21.0)  # ~11 km: inside the default 25 km, no other gold place to cap it
    assert score_gold(gold, [output([out_event("o1", TAKEOVER, point=near)])]).tp == 1
    far = (11.3, 21.0)  # ~33 km
    report = score_gold(gold, [output([out_event("o1", TAKEOVER, point=far)])])
    assert (report.tp, report.fp, report.fn) == (0, 1, 1)
    wrong_type = score_gold(gold, [output([out_event("o1", FORCE, geonameid=103)])])
    assert (wrong_type.tp, wrong_type.fp, wrong_type.fn) == (0, 1, 1)


def test_gold_radius_km_is_honoured():
    wide = dict(TASSIN, geonameids=[], radius_km=50)
    gold = [gold_item([gold_event("G1", TAKEOVER, wide)])]
    assert score_gold(gold, [output([out_event("o1", TAKEOVER, point=(11.3, 21.0))])]).tp == 1


def test_radius_is_capped_at_half_the_distance_to_the_other_gold_place():
    events = [gold_event("G1", TAKEOVER, KORVAN), gold_event("G2", TAKEOVER, MELDIS)]
    radii = capped_radii(parse_item_events(events))
    gap = distance_km((10.0, 20.0), (10.0, 20.0912))
    assert radii == pytest.approx([gap / 2, gap / 2])
    gold = [gold_item(events)]
    three_km_east = (10.0, 20.0274)
    six_km_east = (10.0, 20.0548)  # 6 km from Korvan but 4 km from Meldis: Meldis, not Korvan
    report = score_gold(gold, [output([out_event("o1", TAKEOVER, point=three_km_east)])])
    assert [m.gold_id for m in report.articles[0].matches] == ["G1"]
    report = score_gold(gold, [output([out_event("o1", TAKEOVER, point=six_km_east)])])
    assert [m.gold_id for m in report.articles[0].matches] == ["G2"]


def test_the_same_place_coded_twice_does_not_cap_its_own_radius():
    events = [gold_event("G1", TAKEOVER, TASSIN), gold_event("G2", FORCE, TASSIN, required=False)]
    assert capped_radii(parse_item_events(events)) == [25.0, 25.0]


def parse_item_events(events):
    return gold_item(events).events


def test_matching_is_one_to_one():
    gold = [gold_item([gold_event("G1", TAKEOVER, TASSIN)])]
    twice = [out_event("o1", TAKEOVER, geonameid=103), out_event("o2", TAKEOVER, geonameid=103)]
    report = score_gold(gold, [output(twice)])
    assert (report.tp, report.fp, report.fn) == (1, 1, 0)
    # one output at an id two gold places share stands for one of them only
    both = [gold_item([gold_event("G1", TAKEOVER, KORVAN), gold_event("G2", TAKEOVER, MELDIS)])]
    report = score_gold(both, [output([out_event("o1", TAKEOVER, geonameid=900)])])
    assert (report.tp, report.fp, report.fn) == (1, 0, 1)


def test_required_gold_first_and_optional_gold_takes_what_is_left():
    events = [
        gold_event("OPT", TAKEOVER, TASSIN, required=False),
        gold_event("REQ", TAKEOVER, dict(TASSIN, geonameids=[103, 555])),
    ]
    gold = [gold_item(events)]
    # o1 fits both gold events, o2 only the required one: o2 → REQ, o1 → OPT, nothing wasted
    outputs = [out_event("o1", TAKEOVER, geonameid=103), out_event("o2", TAKEOVER, geonameid=555)]
    report = score_gold(gold, [output(outputs)])
    pairs = {m.gold_id: m.output_id for m in report.articles[0].matches}
    assert pairs == {"REQ": "o2", "OPT": "o1"}
    assert (report.tp, report.fp, report.fn, report.optional_matched) == (1, 0, 0, 1)
    # a single output fitting both goes to the required event
    report = score_gold(gold, [output([out_event("o1", TAKEOVER, geonameid=103)])])
    assert {m.gold_id for m in report.articles[0].matches} == {"REQ"}


def test_optional_gold_is_neither_missed_nor_a_false_positive():
    gold = [gold_item([gold_event("G1", TAKEOVER, KORVAN), gold_event("G2", FORCE, TASSIN, required=False)])]
    found = score_gold(gold, [output([out_event("o1", TAKEOVER, geonameid=101), out_event("o2", FORCE, geonameid=103)])])
    assert (found.tp, found.fp, found.fn, found.optional_matched) == (1, 0, 0, 1)
    assert found.precision == found.recall == 1.0
    not_found = score_gold(gold, [output([out_event("o1", TAKEOVER, geonameid=101)])])
    assert (not_found.tp, not_found.fp, not_found.fn) == (1, 0, 0)


@pytest.mark.parametrize("status", ["background", "planned", "denied", "Planned"])
def test_not_current_statuses_are_ignored(status):
    gold = [gold_item([gold_event("G1", TAKEOVER, KORVAN)])]
    outputs = [out_event("o1", TAKEOVER, geonameid=101, status=status), out_event("o2", FORCE, geonameid=103, status=status)]
    report = score_gold(gold, [output(outputs)])
    assert (report.tp, report.fp, report.fn, report.ignored) == (0, 0, 1, 2)


def test_evidence_overlapping_a_not_current_passage_is_a_history_false_positive():
    history = "In 1998 the army destroyed Korvan during a long siege"
    gold = [gold_item([gold_event("G1", TAKEOVER, KORVAN)], not_current=[history, "have not attacked Tassin"])]
    # even at the gold place with the gold type, it cannot match: its evidence is the history
    from_history = out_event("o1", TAKEOVER, geonameid=101, evidence=span("army destroyed Korvan"))
    negated = out_event("o2", FORCE, geonameid=103, status="reported", evidence=span("rebels have not attacked Tassin"))
    report = score_gold(gold, [output([from_history, negated])])
    assert (report.tp, report.fp, report.fn, report.history_fp) == (0, 2, 1, 2)
    assert report.articles[0].false_positives[0].not_current == history
    as_background = out_event("o1", TAKEOVER, geonameid=101, status="background", evidence=span("army destroyed Korvan"))
    report = score_gold(gold, [output([as_background])])
    assert (report.fp, report.history_fp, report.ignored) == (0, 0, 1)


def test_history_overlap_uses_the_output_text_offsets_and_falls_back_to_words():
    history = "In 1998 the army destroyed Korvan during a long siege"
    gold = [gold_item([], not_current=[history])]
    cleaned = "Korvan falls\n\n" + TEXT.replace("  ", " ")  # the output's cleaned text has a title on top
    in_cleaned = out_event("o1", TAKEOVER, geonameid=101, evidence=span("destroyed Korvan", cleaned))
    assert score_gold(gold, [output([in_cleaned], text=cleaned)]).history_fp == 1
    # offsets that do not fit the gold text (no --with-text): the words are looked up instead
    shifted = dict(span("destroyed Korvan", cleaned))
    assert score_gold(gold, [output([out_event("o1", TAKEOVER, evidence=shifted)])]).history_fp == 1
    # evidence elsewhere in the text does not overlap
    current = out_event("o1", TAKEOVER, geonameid=101, evidence=span("captured the towns of Korvan"))
    assert score_gold(gold, [output([current])]).history_fp == 0


def test_field_metrics_on_matched_pairs():
    events = [
        gold_event(
            "G1", FORCE, TASSIN, status="reported", actor1=["Police Forces of Testland"], actor2=["Protesters"],
            fatalities=2, date="2024-03-04", attribution=["hospital official", "Radio Nord"],
        ),
        gold_event("G2", TAKEOVER, KORVAN, date=None, attribution=[]),
    ]
    gold = [gold_item(events)]
    right = out_event(
        "o1", FORCE, geonameid=103, status="reported", fatalities={"count": 2},
        actor1={"name": "Police Forces of Testland", "text": "Police"}, actor2={"name": "Civilians", "text": "the protesters"},
        attribution=[{"speaker": "official", "role": "a Hospital Official", "channel": None, "via": "Radio Nord"}],
    )
    wrong = out_event(
        "o2", TAKEOVER, geonameid=101, status="reported", fatalities={"count": 3},
        actor1={"name": "Militia", "text": "gunmen"}, actor2={"name": "Army", "text": None}, date={"value": "2024-03-01"},
    )
    report = score_gold(gold, [output([right, wrong])])
    counts = {name: (r.correct, r.total) for name, r in report.fields.items()}
    assert counts == {
        "actor1": (1, 2),
        "actor2": (1, 2),  # G2 has no actor2: an output actor2 there is wrong
        "date": (1, 1),  # G2's date is null: not scored
        "fatalities": (1, 2),
        "status": (1, 2),
        "attribution": (1, 1),  # G2 names no source: not scored
    }
    missing_via = dict(right, attribution=[{"speaker": "hospital official"}])
    report = score_gold(gold, [output([missing_via])])
    assert report.fields["attribution"].value == 0.0


def test_sub_event_type_weighted_f1_counts_unmatched_gold_and_wrong_types():
    gold = [
        gold_item([gold_event("G1", TAKEOVER, KORVAN)], article_id="a1"),
        gold_item([gold_event("G1", TAKEOVER, KORVAN)], article_id="a2"),
        gold_item([gold_event("G1", FORCE, TASSIN)], article_id="a3"),
        gold_item([gold_event("G1", FORCE, TASSIN)], article_id="a4"),
    ]
    outputs = [
        output([out_event("o1", TAKEOVER, geonameid=101)], article_id="a1"),  # right
        output([out_event("o1", FORCE, point=(45.0, 5.0))], article_id="a2"),  # wrong type, elsewhere: still its label
        output([out_event("o1", FORCE, geonameid=103)], article_id="a3"),  # right
        output([], article_id="a4"),  # nothing predicted
    ]
    report = score_gold(gold, outputs)
    # TAKEOVER: P=1/1 R=1/2 F1=2/3; FORCE: P=1/2 R=1/2 F1=1/2; each has support 2
    assert report.sub_event_f1 == pytest.approx((2 / 3 * 2 + 0.5 * 2) / 4)
    assert (report.event_type.correct, report.event_type.total) == (2, 4)
    assert (report.tp, report.fp, report.fn) == (2, 1, 2)


def test_a_wrongly_typed_output_at_the_gold_place_is_the_label_of_that_gold_event():
    gold = [gold_item([gold_event("G1", TAKEOVER, KORVAN), gold_event("G2", FORCE, TASSIN)])]
    outputs = [out_event("o1", FORCE, geonameid=101), out_event("o2", TAKEOVER, geonameid=103)]
    labels = {c.gold_id: c.predicted_sub_event_type for c in score_gold(gold, [output(outputs)]).articles[0].classified}
    assert labels == {"G1": FORCE[1], "G2": TAKEOVER[1]}


def test_places_found_and_resolved():
    places = [TASSIN, KORVAN, dict(MELDIS, geonameids=[])]
    gold = [gold_item([], places=places)]
    listed = [
        {"text": "Tassin", "geonameid": 103, "latitude": None, "longitude": None},  # found, resolved by id
        {"text": "Korvan", "geonameid": 7, "latitude": 40.0, "longitude": 20.0},  # found, 3,300 km off
        {"text": "meldis", "geonameid": None, "latitude": 11.0, "longitude": 20.0},  # found, ~111 km: resolved
    ]
    report = score_gold(gold, [output([], places=listed)])
    assert (report.places_found.correct, report.places_found.total) == (3, 3)
    assert (report.places_resolved.correct, report.places_resolved.total) == (2, 3)
    assert [(p.text, p.resolved) for p in report.articles[0].places] == [("Tassin", True), ("Korvan", False), ("Meldis", True)]
    unlisted = score_gold(gold, [output([])])
    assert unlisted.places_found.value is None
    assert any("--with-places" in warning for warning in unlisted.warnings)


def test_articles_pair_by_id_then_by_text_then_by_elimination():
    gold = [gold_item([gold_event("G1", TAKEOVER, KORVAN)], article_id="a1")]
    by_text = score_gold(gold, [output([out_event("o1", TAKEOVER, geonameid=101)], article_id="7f3a", text=TEXT)])
    assert by_text.tp == 1 and any("by URL or text" in w for w in by_text.warnings)
    alone = score_gold(gold, [output([out_event("o1", TAKEOVER, geonameid=101)], article_id="7f3a")])
    assert alone.tp == 1 and any("the only ones left" in w for w in alone.warnings)
    two = gold + [gold_item([], article_id="a2", text="Another report entirely, about the harvest.")]
    missing = score_gold(two, [output([], article_id="zz"), output([], article_id="yy")])
    assert missing.fn == 1 and not missing.articles[0].has_output
    assert any("have no output line" in w for w in missing.warnings)
    assert any("match no gold article" in w for w in missing.warnings)


def test_summary_line_and_dict():
    gold = [gold_item([gold_event("G1", TAKEOVER, KORVAN), gold_event("G2", FORCE, TASSIN)])]
    report = score_gold(gold, [output([out_event("o1", TAKEOVER, geonameid=101), out_event("o2", TAKEOVER, geonameid=103)])])
    line = report.format_text().splitlines()[0]
    assert line.startswith("events: P=0.50 R=0.50 F1=0.50 (tp=1 fp=1 fn=1) history_fp=0")
    assert line == report.summary_line()
    text = report.format_text()
    assert "missed G2 Attack @ Tassin: output at this place typed Non-state actor overtakes territory" in text
    assert "FP o2 Non-state actor overtakes territory" in text
    data = report.to_dict()
    assert data["summary"]["event_f1"] == 0.5
    assert data["articles"][0]["missed"][0]["gold"] == "G2"


# --- attribution: a source's name is read like an actor's -------------------------------------


def output_with(*links: OutputAttribution) -> OutputEvent:
    return OutputEvent(id="x", event_type=None, sub_event_type=None, status=None, actor1=None, actor2=None, location=None, date=None, fatalities=None, attribution=links, evidence=())


def test_a_gold_source_with_a_leading_article_or_its_channel():
    links = (OutputAttribution(speaker="army", role=None, channel="statement", via=None),)
    assert attribution_correct(output_with(*links), ["the army"])
    assert attribution_correct(output_with(*links), ["army statement"])
    assert not attribution_correct(output_with(*links), ["police statement"])


def test_actor_names_compare_without_an_acled_period_tag():
    tagged = OutputActor(name="Military Forces of Freedonia (2019-)", text="soldiers")
    untagged = OutputActor(name="Police Forces of Freedonia", text=None)
    assert actor_correct(tagged, ["Military Forces of Freedonia (2011-2019)"])
    assert actor_correct(tagged, ["Military Forces of Freedonia"])
    assert actor_correct(untagged, ["Police Forces of Freedonia (2019-)"])
    # a unit's name follows its force's tag: the tag is ignored there too, the unit is not
    unit = OutputActor(name="Police Forces of Freedonia (2019-2022) Federal Police", text=None)
    assert actor_correct(unit, ["Police Forces of Freedonia (2019-) Federal Police"])
    assert not actor_correct(unit, ["Police Forces of Freedonia (2019-) Prison Guards"])
    # another actor, or a unit beside its whole force, still counts
    assert not actor_correct(tagged, ["Police Forces of Freedonia (2019-)"])
    assert not actor_correct(OutputActor(name="Military Forces of Freedonia (2019-) Border Guard", text=None), ["Military Forces of Freedonia (2019-)"])
