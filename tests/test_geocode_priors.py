"""Priors and widened mentions: big namesakes, organisations named after places, natural features."""

from __future__ import annotations

from dataclasses import replace

import pytest

from thucydides.geocode import is_organisation
from thucydides.geocode.resolve import Context, choose
from thucydides.model import GazetteerEntry


def _town(geonameid: int, country: str, population: int) -> GazetteerEntry:
    return GazetteerEntry(geonameid=geonameid, name="Springfield", feature="PPL", country_iso=country,
                          country=country, admin1=None, admin2=None, latitude=10.0, longitude=10.0,
                          population=population)


def test_a_city_that_dwarfs_its_namesakes_wins_against_the_focus_country():
    big, small = _town(1, "AA", 2_500_000), _town(2, "BB", 5_000)
    choice, _ = choose([(small, "name"), (big, "name")], None, Context(focus={"BB": 1.0}, named_admin1={}))
    assert choice.entry.geonameid == 1 and "largest town of its name" in choice.why


def test_two_comparable_cities_leave_the_focus_country_to_decide():
    big, other = _town(1, "AA", 1_000_000), _town(2, "BB", 200_000)
    choice, _ = choose([(other, "name"), (big, "name")], None, Context(focus={"BB": 1.0}, named_admin1={}))
    assert choice.entry.geonameid == 2


def test_a_named_province_still_beats_the_big_namesake():
    big, small = _town(1, "AA", 2_500_000), replace(_town(2, "BB", 5_000), admin1_id=77)
    context = Context(focus={"BB": 1.0}, named_admin1={77: "Some Province"})
    choice, _ = choose([(small, "name"), (big, "name")], "PPL", context)
    assert choice.entry.geonameid == 2


def test_toronto_in_an_american_article_is_the_canadian_city(geocoder):
    text = "The Texas company opened offices in Houston and Dallas. Its rival moved to Toronto last year."
    toronto = [m for m in geocoder.find_places(text) if m.text == "Toronto"]
    assert toronto and toronto[0].entry.country_iso == "CA"


@pytest.mark.parametrize(
    ("text", "organisation", "country"),
    [
        ("She studied at the University of Manitoba before moving to Syria.", "University of Manitoba", "CA"),
        ("Professors at Arizona State University said the drought would last.", "Arizona State University", "US"),
        ("The Bank of Canada held its rate on Wednesday.", "Bank of Canada", "CA"),
    ],
)
def test_organisation_named_after_a_place_is_one_mention(geocoder, text, organisation, country):
    mentions = geocoder.find_places(text)
    widened = [m for m in mentions if m.text == organisation]
    assert widened, [m.text for m in mentions]
    assert widened[0].entry.country_iso == country and is_organisation(widened[0])
    assert text[widened[0].start:widened[0].end] == organisation
    # the place inside it is not listed a second time
    assert not any(m.start > widened[0].start and m.start < widened[0].end for m in mentions)


def test_a_plain_place_is_not_an_organisation(geocoder):
    mentions = geocoder.find_places("Shelling hit Aleppo and the university district of Homs.")
    assert mentions and not any(is_organisation(m) for m in mentions)


@pytest.mark.parametrize(("text", "name", "lat", "lon"), [
    # a river is at its mouth, as GeoNames places streams (here where it joins the Tigris)
    ("Farmers along the Euphrates said the water level had fallen in Raqqa.", "Euphrates", 31.0, 47.44),
    ("Rebels hid in the Nuba Mountains of South Kordofan.", "Nuba Mountains", 11.5, 30.5),
    ("Fishermen on Lake Chad fled attacks near the Nigerian border.", "Lake Chad", 13.0, 14.5),
])
def test_major_natural_features_resolve(geocoder, text, name, lat, lon):
    feature = [m for m in geocoder.find_places(text) if m.text == name]
    assert feature and feature[0].entry is not None
    assert abs(feature[0].entry.latitude - lat) < 0.01 and abs(feature[0].entry.longitude - lon) < 0.01


def test_a_natural_feature_is_no_proximity_anchor(geocoder):
    # the island's rough point must not pull "Davao region" to the city: the text calls it a region
    text = "The rebels in Mindanao said their units in Davao region would step up attacks."
    davao = [m for m in geocoder.find_places(text) if m.text.startswith("Davao")]
    assert davao and davao[0].entry.feature == "ADM1"


def test_a_well_known_city_outside_the_demonym_countries_is_matched_by_spelling(geocoder):
    # the only country evidence is the foreign actor's demonym: the city is still found
    text = "Iranian-backed militias were seen in Deir Ezzour city."
    city = [m for m in geocoder.find_places(text) if m.text == "Deir Ezzour"]
    assert city and city[0].entry.country_iso == "SY" and "spelling variant" in city[0].why


def test_a_village_spelling_outside_the_focus_is_not_matched_across_the_world(geocoder):
    text = "Russian troops entered the village of Tall Hamees."
    village = [m for m in geocoder.find_places(text) if m.text == "Tall Hamees"]
    assert village and village[0].entry is None


def test_a_bare_capital_name_is_the_capital_not_the_province(geocoder):
    text = "Officials in Washington said new sanctions on Venezuela would follow."
    washington = [m for m in geocoder.find_places(text) if m.text == "Washington"]
    assert washington and washington[0].entry.feature == "PPLC"


def test_a_kind_word_still_names_the_province(geocoder):
    text = "Wildfires spread across Washington state and Oregon."
    mentions = [m for m in geocoder.find_places(text) if m.text.startswith("Washington")]
    assert mentions and mentions[0].entry.feature == "ADM1"


def test_an_ocean_name_is_not_outbid_by_a_town_spelt_like_it(geocoder):
    text = "Storms in California followed warmer water in the eastern Pacific this winter."
    pacific = [m for m in geocoder.find_places(text) if m.text == "Pacific"]
    assert pacific and pacific[0].entry.feature == "OCN"
