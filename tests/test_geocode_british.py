"""A British text's bare town name: the British town, not a smaller namesake the text does not support."""

from __future__ import annotations

from thucydides.geocode import Geocoder


def _entry(geocoder: Geocoder, text: str, name: str):
    [entry] = {m.entry.geonameid: m.entry for m in geocoder.find_places(text) if m.text == name and m.entry}.values()
    return entry


# a London paper's story set among American troops: the US is named far more than Britain
_BRITISH = (
    "The US said on Friday that two US soldiers and a British medic were hurt near the US base in Qatar. "
    "The Ministry of Defence paid tribute to the medic, who grew up in {town} and served with honour "
    "whilst on three tours abroad. American officials in Qatar and the US Army declined to comment."
)
_AMERICAN = (
    "The US said on Friday that two US soldiers and a British medic were hurt near the US base in Qatar. "
    "The Department of Defense paid tribute to the medic, who grew up in {town} and served with honor "
    "while on three tours abroad. American officials in Qatar and the US Army declined to comment."
)


def test_a_british_text_means_the_british_town(geocoder):
    assert _entry(geocoder, _BRITISH.format(town="Bristol"), "Bristol").country_iso == "GB"
    assert _entry(geocoder, _BRITISH.format(town="Plymouth"), "Plymouth").country_iso == "GB"


def test_an_american_text_keeps_the_namesake_at_home(geocoder):
    assert _entry(geocoder, _AMERICAN.format(town="Bristol"), "Bristol").country_iso == "US"


def test_the_namesake_keeps_its_reading_where_the_text_names_its_state(geocoder):
    text = _BRITISH.format(town="Bristol") + " His family still lives in Connecticut."
    assert _entry(geocoder, text, "Bristol").admin1 == "Connecticut"


def test_a_british_text_that_names_no_britain_is_not_enough(geocoder):
    text = _BRITISH.format(town="Plymouth").replace("a British medic", "a medic")
    assert _entry(geocoder, text, "Plymouth").country_iso == "US"
