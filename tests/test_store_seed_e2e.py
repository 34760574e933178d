"""Done test of issue 5: the seed report plus rewrites in the style of other outlets (one a
wire copy, one contradicting it) → one event per Baghlan district with all its sources and
claims, corroboration counted, and a control timeline of the three districts.

The rewrites below are ours (written for this test, in the manner of a local news agency and
of an international outlet quoting the Taliban); the seed is read from examples/seed.txt.
This runs the whole pipeline (spaCy, geocoder, extractor) through `thucydides ingest`.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from thucydides.cli.main import main
from thucydides.store import EventFilter, Store

ROOT = Path(__file__).resolve().parent.parent

LOCAL_AGENCY = """Resistance fighters seize three districts in Baghlan, residents say

PUL-I-KHUMRI, Afghanistan — Fighters opposed to the Taliban captured the districts of Deh Saleh, Bano and \
Pul-Hesar in Baghlan province on Friday, residents said.

Residents of Bano said armed men loyal to local commanders entered the district centre after a short battle and \
raised the tricolour flag over the district headquarters.

Former defence minister Bismillah Mohammadi wrote on Twitter that the three districts had been freed.
"""

TALIBAN_DENIAL = """Taliban deny losing three districts in Baghlan

A Taliban spokesman on Saturday denied that anti-Taliban fighters had captured the districts of Deh Saleh, \
Bano and Pul-Hesar in Baghlan province.

Zabihullah Mujahid, the group's spokesman, said the three districts remained under Taliban control and that \
the fighters' claims were false.

The claims of both sides could not be independently verified.
"""

DISTRICTS = ("Deh Saleh", "Bano", "Pul-Hesar")


def _pipeline_or_skip() -> None:
    try:
        from thucydides.extract import extract_events  # noqa: F401
    except ImportError as error:
        pytest.skip(f"the extractor is not available yet ({error})")


def write_inputs(folder: Path, seed_text: str) -> Path:
    title, _, body = seed_text.partition("\n")
    # a wire copy: the seed republished by another outlet with a new headline and a trimmed ending
    copy = "Afghan resistance claims three districts north of Panjshir\n" + body.replace("\nYou may also like", "")
    records = [
        {"id": "seed", "text": seed_text, "source": "Seed Outlet", "published": "2021-08-20", "url": "https://seed.example/1"},
        {"id": "agency", "text": LOCAL_AGENCY, "source": "Local Agency", "published": "2021-08-21", "url": "https://agency.example/2"},
        {"id": "denial", "text": TALIBAN_DENIAL, "source": "World Service", "published": "2021-08-21", "url": "https://world.example/3"},
        {"id": "copy", "text": copy, "source": "Aggregator", "published": "2021-08-20", "url": "https://aggregator.example/4"},
    ]
    path = folder / "baghlan.jsonl"
    path.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    return path


@pytest.mark.slow
def test_seed_and_rewrites_become_one_event_per_district(tmp_path: Path, seed_text: str, seed_gold: dict, capsys):
    _pipeline_or_skip()
    gold_ids = {gold["location"]["text"]: set(gold["location"]["geonameids"]) for gold in seed_gold["events"]}
    db = tmp_path / "baghlan.db"
    inputs = write_inputs(tmp_path, seed_text)
    assert main(["ingest", str(inputs), "--db", str(db), "--workers", "1"]) == 0
    summary = capsys.readouterr().err.strip().splitlines()[-1]
    assert summary.startswith("ingested 4 articles (3 new, 0 unchanged, 1 duplicates), "), summary

    with Store.open(db, readonly=True) as store:
        assert store.article("copy").article.duplicate_of == "seed"
        takeovers = store.events(EventFilter(admin1="Baghlan", event_type="Battles"), limit=None)
        for district in DISTRICTS:
            matching = [e for e in takeovers if e.event.location and e.event.location.geonameid in gold_ids[district]]
            assert len(matching) == 1, f"{district}: {[e.event.location for e in takeovers]}"
            (stored,) = matching
            assert stored.event.sub_event_type == "Non-state actor overtakes territory"
            assert {source.source for source in stored.sources} == {"Seed Outlet", "Local Agency", "World Service", "Aggregator"}
            assert [s.duplicate_of for s in stored.sources if s.source == "Aggregator"] == ["seed"]
            # the seed and the agency; not the copy of the seed, not the denial
            assert stored.corroboration == 2, district
            stances = {(claim.outlet, claim.stance) for claim in stored.claims}
            assert ("World Service", "denies") in stances and ("Seed Outlet", "asserts") in stances, (district, stances)
            assert stored.conflicting and stored.event.status == "reported"
        districts = [record for record in store.control(admin1="Baghlan") if record.level == "ADM2"]
        assert len({record.geonameid for record in districts}) == len(districts) == 3, [(r.name, r.geonameid) for r in districts]
        for record in districts:
            assert record.date.isoformat() == "2021-08-20"
            assert {source.article_id for source in record.sources} >= {"seed", "agency", "denial"}
            # residents' account in a neutral outlet, beside the claim and the denial: assessed
            assert (record.state, record.basis) == ("controlled", "assessed"), record
            assert record.controller
        (province,) = [record for record in store.control(admin1="Baghlan") if record.level == "ADM1"]
        assert province.state == "contested"

    assert main(["ingest", str(inputs), "--db", str(db), "--workers", "1"]) == 0  # nothing twice
    assert "(0 new, 4 unchanged, 0 duplicates)" in capsys.readouterr().err
    assert main(["control", "--db", str(db), "--admin1", "Baghlan", "--format", "csv"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[0].startswith("geonameid,name,level,admin1") and len(lines) == 5
