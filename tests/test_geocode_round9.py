"""Session 9 (geo): rules found on fresh invented general news and conflict notes. Each case is
our own sentence; the table cases are in tests/data/geocode_challenge.toml (ids "s9-…")."""

from __future__ import annotations

from thucydides.geocode.context import Vote, focus_of
from thucydides.geocode.geocoder import umlauts_spelt_out
from thucydides.geocode.recognise import has_glued_article


def _mentions(geocoder, text: str) -> dict[str, object]:
    return {m.text: m for m in geocoder.find_places(text)}


def test_a_glued_article_name_the_gazetteer_lacks_is_still_a_mention(geocoder):
    found = _mentions(geocoder, "Syrian rebels regrouped near Bab al-Hawa, close to the Turkish border.")
    assert "Bab al-Hawa" in found and found["Bab al-Hawa"].entry is None
    assert "Bab" not in found and "Hawa" not in found


def test_a_glued_article_name_with_no_country_named_is_a_mention(geocoder):
    # before: neither half ("Ras", "Ain") was read, so no mention at all
    assert "Ras al-Ain" in _mentions(geocoder, "Artillery shelled Ras al-Ain on Friday.")


def test_a_person_with_a_glued_article_is_no_place(geocoder):
    assert not _mentions(geocoder, "Khalid al-Hashimi, the envoy, left the talks early.")
    assert not has_glued_article("Hasakah") and has_glued_article("Tell al-Abyad")


def test_a_hat_is_no_city(geocoder):
    assert not _mentions(geocoder, "The waiter wore a red fez and a waistcoat.")


def test_the_parts_of_a_town_before_of(geocoder):
    found = _mentions(geocoder, "Shoppers crowded the souks of Fez before the holiday.")
    assert found["Fez"].entry.country_iso == "MA"


def test_umlauts_spelt_out():
    assert umlauts_spelt_out("kitzbuehel") == "kitzbuhel"
    assert umlauts_spelt_out("goettingen") == "gottingen"
    assert umlauts_spelt_out("kabul") == ""


def test_a_region_of_two_countries_votes_for_both():
    focus = focus_of([Vote("IN", 0.5, also=("PK",))])
    assert focus == {"IN": 1.0, "PK": 1.0}


def test_a_big_city_named_like_a_country_alias(geocoder):
    found = _mentions(geocoder, "Fans packed the stadium in Salvador for the derby.")
    assert found["Salvador"].entry.country_iso == "BR"
    assert _mentions(geocoder, "Voters in El Salvador went to the polls.")["El Salvador"].entry.country_iso == "SV"


def test_a_group_of_several_countries_votes_for_each(geocoder):
    # al-Shabaab: Somalia's, and what locals call the insurgents of Cabo Delgado
    assert _mentions(geocoder, "Al-Shabaab militants burned homes in Palma overnight.")["Palma"].entry.country_iso == "MZ"
    assert _mentions(geocoder, "Al-Shabaab militants attacked a base in Jowhar.")["Jowhar"].entry.country_iso == "SO"


def test_a_town_that_is_its_own_district_abroad_outweighs_a_council_area(geocoder):
    # Whitehorse, Yukon (a town and its namesake district) beside an Australian council area
    found = _mentions(geocoder, "Temperatures in Whitehorse dropped to minus 40.")
    assert found["Whitehorse"].entry.country_iso == "CA"
    # a county with no town of its name stays what its name means
    assert _mentions(geocoder, "Farmers in Devon counted the cost of the floods.")["Devon"].entry.country_iso == "GB"
