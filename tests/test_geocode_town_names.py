"""Towns filed under a longer official name than the one written, and countries placed at their
capital (issue #4). Sentences of our own; the real embedded gazetteer."""

from __future__ import annotations

import pytest

from thucydides.geocode import Geocoder
from thucydides.geocode.build import short_town_name


def resolved(geocoder: Geocoder, text: str, name: str):
    return [m.entry for m in geocoder.find_places(text) if m.text == name and m.entry is not None]


@pytest.mark.parametrize(("name", "iso", "short"), [
    ("Makati City", "PH", "Makati"),
    ("Kansas City", "US", None),  # an American "X City" is its whole name
    ("Bago City", "PH", "Bago"),
    ("Tlapa de Comonfort", "MX", "Tlapa"),
    ("San Juan de los Lagos", "MX", None),  # a saint's name is shared by hundreds of towns
    ("Ciudad de Huajuapan de León", "MX", None),
    ("Alcalá de Henares", "ES", None),  # in Spain the second part tells namesakes apart
])
def test_short_town_names(name, iso, short):
    assert short_town_name(name, iso, 50_000) == short


@pytest.mark.parametrize("name", ["Centro de Readaptación", "Villas de la Loma", "Tres de Mayo", "Hidalgo del Parral"])
def test_a_generic_first_word_is_no_short_name(name):
    assert short_town_name(name, "MX", 50_000) is None


def test_no_short_name_that_a_province_bears(geocoder):
    # "Quezon" names a province: the city filed as "Quezon City" gets no short form "Quezon"
    [entry] = resolved(geocoder, "Soldiers clashed with rebels in Quezon on Sunday, Philippine police said.", "Quezon")
    assert entry.name != "Quezon City"


def test_a_hamlet_keeps_its_whole_name():
    # a hamlet's first word is often a common noun ("Labor de …"): only towns are shortened
    assert short_town_name("Labor de Peralta", "MX", 900) is None


@pytest.mark.parametrize(("text", "name", "town"), [
    ("Protesters gathered in Makati on Monday, Philippine police said.", "Makati", "Makati City"),
    ("Gunmen attacked a bar in Iguala, Guerrero, on Sunday.", "Iguala", "Iguala de la Independencia"),
    ("Soldiers patrolled near Acapulco after the killings.", "Acapulco", "Acapulco de Juárez"),
])
def test_a_town_is_found_by_the_name_it_is_written_by(geocoder, text, name, town):
    [entry] = resolved(geocoder, text, name)
    assert entry.name == town


def test_a_country_is_placed_at_its_capital(geocoder):
    # ACLED codes an event that a report places only in a country at the capital
    [country] = resolved(geocoder, "Kenya said the troops would leave the country.", "Kenya")
    [capital] = resolved(geocoder, "Officials met in Nairobi, Kenya.", "Nairobi")
    assert (country.latitude, country.longitude) == (capital.latitude, capital.longitude)


@pytest.mark.parametrize(("text", "name", "iso"), [
    # a Spanish plural article joins a name's parts as "de" and "la" do
    ("Police detained 30 protesters in San Cristóbal de las Casas, Chiapas, on Friday.", "San Cristóbal de las Casas", "MX"),
    ("Residents of Santiago de los Caballeros marched on Sunday.", "Santiago de los Caballeros", "DO"),
    # and a capitalised article opens one, as "Al" and "El" do
    ("Gunmen attacked a bar in Las Vegas on Saturday.", "Las Vegas", "US"),
    ("Le Havre police said two dockers were hurt.", "Le Havre", "FR"),
    ("La Paz police said the march was peaceful.", "La Paz", "BO"),
])
def test_names_with_articles_inside_or_first(geocoder, text, name, iso):
    [entry] = resolved(geocoder, text, name)
    assert entry.country_iso == iso
