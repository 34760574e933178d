"""A country's short form ("SA", "the Islamic Republic") names it only beside the country's own name;
and regions at GeoNames' points."""

from __future__ import annotations

from thucydides.geocode import Geocoder


def _named(geocoder: Geocoder, text: str, name: str):
    return [m for m in geocoder.find_places(text) if m.text == name]


def test_a_short_form_beside_its_country_names_it(geocoder):
    text = "Farmers in South Africa protested on Monday. Unions said SA's maize exports had halved."
    [short] = _named(geocoder, text, "SA")
    assert short.entry.country_iso == "ZA" and short.entry.feature == "PCLI"


def test_a_short_form_without_its_country_names_nothing(geocoder):
    # a company's "SA", South Australia's initials: the short form alone is no country
    assert not _named(geocoder, "Shares in Nestle SA rose after SA regulators in Adelaide approved the deal.", "SA")


def test_the_islamic_republic_beside_iran(geocoder):
    text = "Iran denied the report. Officials said the Islamic Republic's navy had seized a tanker."
    [republic] = _named(geocoder, text, "Islamic Republic")
    assert republic.entry.country_iso == "IR"


def test_a_long_form_of_another_country_is_not_the_short_form(geocoder):
    text = "Iran and Mauritania signed a deal. The Islamic Republic of Mauritania will export fish."
    assert not _named(geocoder, text, "Islamic Republic")


def test_the_west_coast_is_its_own_region_at_geonames_point(geocoder):
    text = ("Wildfires spread along the West Coast on Sunday. Firefighters in California and Oregon said "
            "the United States had not seen such a season in decades.")
    [coast] = _named(geocoder, text, "West Coast")
    assert coast.entry.geonameid == 9881904 and coast.entry.feature == "RGN"
