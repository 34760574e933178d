"""A capital named like its province against a focus-country town the article's places surround
(issue #4). Sentences of our own; the real embedded gazetteer."""

from __future__ import annotations

from thucydides.geocode import Geocoder
from thucydides.geocode.resolve import Context, choose
from thucydides.model import GazetteerEntry


def resolved(geocoder: Geocoder, text: str, name: str):
    return [m.entry for m in geocoder.find_places(text) if m.text == name and m.entry is not None]


def test_a_town_beside_the_article_places_beats_a_foreign_capital_of_its_name(geocoder):
    text = "Police in Fairfax County said a man from Vienna was arrested after a chase on Route 7 in Virginia."
    [entry] = resolved(geocoder, text, "Vienna")
    assert (entry.country_iso, entry.admin1) == ("US", "Virginia")


def test_a_town_in_the_named_state_beats_a_foreign_capital_of_its_name(geocoder):
    text = "A storm cut power to homes in Vienna and Reston, Virginia, on Sunday night, the utility said."
    [entry] = resolved(geocoder, text, "Vienna")
    assert entry.country_iso == "US"


def test_the_capital_keeps_its_name_without_local_evidence_for_the_namesake(geocoder):
    # the American reader's bare "Vienna" with nothing near the Virginian town is the capital
    [entry] = resolved(geocoder, "American diplomats flew to Vienna for talks on Iran's programme.", "Vienna")
    assert entry.country_iso == "AT"


def _place(geonameid: int, feature: str, country: str, admin1_id: int | None, population: int,
           latitude: float) -> GazetteerEntry:
    return GazetteerEntry(geonameid=geonameid, name="Marlow", feature=feature, country_iso=country, country=country,
                          admin1="Marlow" if admin1_id == 10 else "Other", admin2=None, latitude=latitude,
                          longitude=10.0, population=population, admin1_id=admin1_id)


def test_the_province_name_bonuses_do_not_beat_a_namesake_in_a_named_province():
    # an invented capital lying in its namesake province, and a town of the name in a province
    # of the focus country that the text names, beside another place of the article
    capital = _place(1, "PPLC", "AA", 10, 1_500_000, 40.0)
    province = _place(10, "ADM1", "AA", 10, 3_000_000, 40.0)
    town = _place(2, "PPL", "BB", 20, 15_000, 0.0)
    neighbour = _place(3, "ADM2", "BB", 20, 900_000, 0.2)
    context = Context(focus={"BB": 1.0, "AA": 0.5}, named_admin1={20: "Other"}, anchors=(neighbour,))
    choice, _ = choose([(capital, "name"), (province, "name"), (town, "name")], None, context)
    assert choice.entry.geonameid == 2
