"""Where an event happened: location trails and place lists (thucydides/extract/places.py).

A location trail names one place, from the most precise to its containers ("X area of Y
district, Z county"): one event, at the most precise name that resolves. A list names several
places ("in A, B and C"): one event each. Sentences written for these tests, places given by
hand: every name is a populated place with no containment known to the gazetteer, so that only
the words of the text tie a name to the one before it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from test_extract_events import entry, places_in, run  # noqa: F401 - run is the fixture extracting with hand-built places

from thucydides.extract import extract_events
from thucydides.model import Article, Event, GazetteerEntry, PlaceMention


def where(events: list[Event]) -> list[str | None]:
    return [e.location.text if e.location else None for e in events]


def known(iso: str, *names: str) -> dict[str, GazetteerEntry | None]:
    return {name: entry(name, iso=iso) for name in names}


# one trail, one event: at its first (most precise) name
TRAILS = [
    # "X area of Y district, Z county"
    ("Gunmen killed two herders in Kalamba area of Mutito district, Kitui county on Monday.", known("KE", "Kalamba", "Mutito", "Kitui"), "Kalamba"),
    # "X town (X-Centre, Region)"
    ("Police fired tear gas at protesters in Dondo town (Dondo-Sede, Sofala) on Tuesday.", known("MZ", "Dondo", "Sofala"), "Dondo"),
    # "X city in Y countryside"
    ("A roadside bomb exploded in Abeche city in eastern Ouaddai countryside on Sunday.", known("TD", "Abeche", "Ouaddai"), "Abeche"),
    # "X village, Y municipality, Z province"
    ("Soldiers clashed with rebels in Tabon town, Carmen municipality, Cotabato province on Sunday.", known("PH", "Tabon", "Carmen", "Cotabato"), "Tabon"),
    ("Soldiers clashed with rebels in Tabon village, Carmen municipality, Cotabato province on Sunday.", known("PH", "Tabon", "Carmen", "Cotabato"), "Tabon"),
    # "in X, near Y"
    ("Rebels attacked an army post in Wukro, near Mekelle, on Friday.", known("ET", "Wukro", "Mekelle"), "Wukro"),
    # "X neighbourhood of Y"
    ("Protesters clashed with police in Comas neighbourhood of Lima on Thursday.", known("PE", "Comas", "Lima"), "Comas"),
    # "the outskirts of X in Y"
    ("Militants shelled the outskirts of Kherwa in Tillaberi on Saturday.", known("NE", "Kherwa", "Tillaberi"), "Kherwa"),
    # "Y's X neighbourhood": the owner contains the place
    ("Hundreds of residents marched in Lima's Comas neighbourhood on Thursday to demand water.", known("PE", "Comas", "Lima"), "Comas"),
    # the recogniser cut the name short: "Santa Cruz de la Sierra" read as "Santa Cruz"
    ("Protesters clashed with police in Santa Cruz de la Sierra city, Andres Ibanez province on Monday.", known("BO", "Santa Cruz", "Andres Ibanez"), "Santa Cruz"),
]


@pytest.mark.parametrize(("text", "gazetteer", "place"), TRAILS, ids=[t[2] + str(n) for n, t in enumerate(TRAILS)])
def test_a_location_trail_is_one_event_at_its_most_precise_place(run, text, gazetteer, place):
    assert where(run(text, gazetteer)) == [place]


# a list, one event per place
LISTS = [
    ("Fighting broke out in Tete, Moatize and Changara on Monday.", known("MZ", "Tete", "Moatize", "Changara"), ["Tete", "Moatize", "Changara"]),
    ("Bandits carried out attacks on Isiolo and on Garissa on Monday.", known("KE", "Isiolo", "Garissa"), ["Isiolo", "Garissa"]),
    ("Rebels clashed with troops in Kamba village, Lela village and Sado village on Monday.", known("CF", "Kamba", "Lela", "Sado"), ["Kamba", "Lela", "Sado"]),
    ("Rebels clashed with troops in Kamba district, Lela district and Sado district on Monday.", known("CF", "Kamba", "Lela", "Sado"), ["Kamba", "Lela", "Sado"]),
    # a list, then the unit that holds all its names
    ("Rebels clashed with troops in Kamba, Lela and Sado districts, Ouham prefecture on Monday.", known("CF", "Kamba", "Lela", "Sado", "Ouham"), ["Kamba", "Lela", "Sado"]),
    # a list of trails: each name with its own bracket
    (
        "Reinforcements were deployed to Nyala (South Darfur), Kadugli (South Kordofan), and Kassala (Kassala) on Monday.",
        known("SD", "Nyala", "South Darfur", "Kadugli", "South Kordofan", "Kassala"),
        ["Nyala", "Kadugli", "Kassala"],
    ),
    ("Clashes broke out in Kidira, in Bakel and in Goudiry on Monday.", known("SN", "Kidira", "Bakel", "Goudiry"), ["Kidira", "Bakel", "Goudiry"]),
]


@pytest.mark.parametrize(("text", "gazetteer", "places"), LISTS, ids=[t[2][0] + str(n) for n, t in enumerate(LISTS)])
def test_a_list_of_places_is_one_event_per_place(run, text, gazetteer, places):
    assert where(run(text, gazetteer)) == places


def test_an_unresolved_first_name_is_placed_at_the_next_name_of_its_trail(run):
    text = "Gunmen killed two herders in Kalamba area of Mutito district, Kitui county on Monday."
    gazetteer = known("KE", "Mutito", "Kitui") | {"Kalamba": None}
    (event,) = run(text, gazetteer)
    assert event.location.text == "Mutito" and event.location.geo_precision == 2


def test_a_first_name_resolved_in_another_country_than_its_trail_is_a_namesake(run):
    text = "Soldiers clashed with rebels in Tabon town, Carmen municipality, Cotabato province on Sunday."
    gazetteer = known("PH", "Carmen", "Cotabato") | {"Tabon": entry("Tabon", iso="CL")}
    (event,) = run(text, gazetteer)
    assert event.location.text == "Carmen" and event.location.geo_precision == 2


def test_a_village_placed_at_a_unit_past_a_nearer_container_is_coded_at_the_nearer(nlp):
    text = "A landmine killed a farmer in Tabon village, Carmen municipality, Cotabato province on Sunday."
    cotabato = entry("Cotabato", feature="ADM1", iso="PH")
    mentions = places_in(text, {"Carmen": entry("Carmen", iso="PH"), "Cotabato": cotabato})
    start = text.index("Tabon")
    # the geocoder placed the village at the province, though the municipality is named before it
    mentions.append(PlaceMention("Tabon", start, start + len("Tabon"), cotabato, why="placed at Cotabato (ADM1)"))
    article = Article(id="test-places", text=text, published=dt.date(2024, 3, 14))
    (event,) = extract_events(article, nlp(text), sorted(mentions, key=lambda m: m.start))
    assert event.location.text == "Carmen" and event.location.geo_precision == 2


def located(name: str, lat: float, lon: float, *, feature: str = "PPL", iso: str = "ML", admin1: str | None = None,
            admin1_id: int | None = None, population: int = 0) -> GazetteerEntry:
    """An entry with a point and a province, for the rules that compare places of a trail (a
    province's id is its own admin1_id)."""
    gid = admin1_id if feature == "ADM1" else None
    return replace(entry(name, feature, iso, admin1_id=admin1_id, gid=gid), latitude=lat, longitude=lon, admin1=admin1,
                   population=population)


def test_a_namesake_far_from_the_town_of_its_trail_is_coded_at_the_town(run):
    text = "Rebels shelled army positions near Bamba, Gao on Monday."
    gazetteer = {"Bamba": located("Bamba", 13.0, -8.0, admin1="Koulikoro", admin1_id=2),
                 "Gao": located("Gao", 16.27, -0.04, admin1="Gao", admin1_id=1, population=86_000)}
    (event,) = run(text, gazetteer)
    assert event.location.text == "Gao" and event.location.geo_precision == 2


def test_a_place_near_the_town_of_its_trail_is_coded_at_itself(run):
    text = "Rebels shelled army positions near Bamba, Gao on Monday."
    gazetteer = {"Bamba": located("Bamba", 16.1, -0.3, admin1="Tombouctou", admin1_id=3),
                 "Gao": located("Gao", 16.27, -0.04, admin1="Gao", admin1_id=1, population=86_000)}
    (event,) = run(text, gazetteer)
    assert event.location.text == "Bamba"


def test_a_well_known_city_the_text_puts_in_another_province_keeps_its_point(run):
    text = "Traders protested in Kumasi, Volta region on Monday against new market fees."
    gazetteer = {"Kumasi": located("Kumasi", 6.69, -1.62, iso="GH", admin1="Ashanti", admin1_id=5, population=1_500_000),
                 "Volta": located("Volta", 6.6, 0.47, feature="ADM1", iso="GH", admin1="Volta", admin1_id=6)}
    (event,) = run(text, gazetteer)
    assert event.location.text == "Kumasi"


def test_a_unit_named_like_a_zone_of_the_town_after_it_is_coded_at_the_town(run):
    text = "Police shot dead a young man in the Santa Rosa zone, Valencia, Carabobo state on Monday."
    gazetteer = {"Santa Rosa": located("Santa Rosa", 8.4, -69.7, feature="ADM2", iso="VE", admin1="Barinas", admin1_id=7),
                 "Valencia": located("Valencia", 10.16, -68.0, iso="VE", admin1="Carabobo", admin1_id=8, population=1_400_000),
                 "Carabobo": located("Carabobo", 10.16, -68.0, feature="ADM1", iso="VE", admin1="Carabobo", admin1_id=8)}
    (event,) = run(text, gazetteer)
    assert event.location.text == "Valencia"


def test_a_town_named_like_its_province_stands_for_the_province(run):
    text = "Gunmen killed a farmer in Tlalixcoyan municipality, Veracruz on Monday."
    gazetteer = {"Tlalixcoyan": located("Tlalixcoyan", 18.8, -96.06, feature="ADM2", iso="MX",
                                        admin1="Veracruz de Ignacio de la Llave", admin1_id=9),
                 "Veracruz": located("Veracruz", 19.18, -96.14, iso="MX", admin1="Veracruz de Ignacio de la Llave",
                                     admin1_id=9, population=600_000)}
    (event,) = run(text, gazetteer)
    assert event.location.text == "Tlalixcoyan"


def test_a_district_that_says_where_a_border_is_is_no_part_of_the_border_name(run):
    text = "Farmers pelted stones at police on the Oyo-Kwara border in Saki district (Oyo) on Monday."
    gazetteer = {"Oyo": located("Oyo", 8.0, 3.6, feature="ADM1", iso="NG", admin1="Oyo", admin1_id=10),
                 "Kwara": located("Kwara", 8.5, 4.55, feature="ADM1", iso="NG", admin1="Kwara", admin1_id=11),
                 "Saki": located("Saki", 8.67, 3.39, feature="ADM2", iso="NG", admin1="Oyo", admin1_id=10)}
    (event,) = run(text, gazetteer)
    assert event.location.text == "Saki"


def test_an_unresolved_reference_point_is_coded_at_the_next_name_of_its_trail(run):
    text = "Militants fired mortars at army positions near Kouri Dogo, Mopti on Monday."
    gazetteer = {"Kouri Dogo": None, "Mopti": located("Mopti", 14.49, -4.2, admin1="Mopti", admin1_id=12, population=120_000)}
    (event,) = run(text, gazetteer)
    assert event.location.text == "Mopti" and event.location.geo_precision == 2


def test_the_place_an_article_is_about_is_where_its_trail_is_coded(run):
    text = ("On Monday, in the Santa Rosa zone, Valencia, Carabobo state, a young man was at home. "
            "Police officers shot him dead.")
    gazetteer = {"Santa Rosa": located("Santa Rosa", 8.4, -69.7, feature="ADM2", iso="VE", admin1="Barinas", admin1_id=7),
                 "Valencia": located("Valencia", 10.16, -68.0, iso="VE", admin1="Carabobo", admin1_id=8, population=1_400_000),
                 "Carabobo": located("Carabobo", 10.16, -68.0, feature="ADM1", iso="VE", admin1="Carabobo", admin1_id=8)}
    assert where(run(text, gazetteer)) == ["Valencia"]


def test_a_people_named_in_an_aside_is_neither_the_place_nor_a_break_in_the_trail(nlp):
    text = "PKK militants detonated a bomb near Kelekan village (Kurdish name) of Lice district, Diyarbakir on Monday."
    gazetteer = {"Kelekan": None, "Lice": located("Lice", 38.46, 40.65, iso="TR", admin1="Diyarbakir", admin1_id=13),
                 "Diyarbakir": located("Diyarbakir", 37.9, 40.2, feature="ADM1", iso="TR", admin1="Diyarbakir", admin1_id=13)}
    mentions = places_in(text, gazetteer)
    start = text.index("Kurdish")
    kurdistan = located("Kurdistan", 36.5, 44.0, feature="RGN", iso=None)
    mentions.append(PlaceMention("Kurdish", start, start + len("Kurdish"), kurdistan, why="demonym of Kurdistan"))
    article = Article(id="test-places", text=text, published=dt.date(2024, 3, 14))
    (event,) = extract_events(article, nlp(text), sorted(mentions, key=lambda m: m.start))
    assert event.location.text == "Lice" and event.location.geo_precision == 2


def test_an_unknown_place_is_coded_at_the_known_place_named_before_it(run):
    text = "Around Ciudad del Este (Alto Parana), gunmen burned a truck and a tractor in Santa Rosa farm on Tuesday."
    gazetteer = {"Santa Rosa": None,
                 "Ciudad del Este": located("Ciudad del Este", -25.5, -54.6, iso="PY", admin1="Alto Parana", admin1_id=14,
                                            population=300_000),
                 "Alto Parana": located("Alto Parana", -25.5, -54.6, feature="ADM1", iso="PY", admin1="Alto Parana", admin1_id=14)}
    (event,) = run(text, gazetteer)
    assert event.location.text == "Ciudad del Este" and event.location.geo_precision == 2


def test_a_highway_named_after_two_towns_is_no_event_place_beside_a_named_town(run):
    text = "In Sagamu town, Ogun state, about 50 demonstrators blocked the Lagos-Ibadan highway with burning tyres on Monday."
    gazetteer = {"Sagamu": located("Sagamu", 6.84, 3.65, iso="NG", admin1="Ogun", admin1_id=15, population=250_000),
                 "Ogun": located("Ogun", 7.0, 3.35, feature="ADM1", iso="NG", admin1="Ogun", admin1_id=15),
                 "Lagos": located("Lagos", 6.45, 3.39, iso="NG", admin1="Lagos", admin1_id=16, population=9_000_000),
                 "Ibadan": located("Ibadan", 7.38, 3.9, iso="NG", admin1="Oyo", admin1_id=10, population=3_000_000)}
    assert where(run(text, gazetteer)) == ["Sagamu"]


def test_the_province_a_militia_came_from_is_no_event_place(run):
    text = "Militia from the Kuajok area of Warrap state attacked a cattle camp in Rumbek county on Monday."
    gazetteer = {"Warrap": located("Warrap", 8.0, 28.8, feature="ADM1", iso="SS", admin1="Warrap", admin1_id=17),
                 "Rumbek": located("Rumbek", 6.8, 29.68, iso="SS", admin1="Lakes", admin1_id=18, population=30_000)}
    assert where(run(text, gazetteer)) == ["Rumbek"]


def test_an_unknown_village_beside_a_town_that_is_an_event_place_adds_no_event(run):
    # the text puts the town in the wrong state: the state is no container of it, yet the village
    # named beside the town is at the town, not at the state
    text = "On Monday, a mob pelted stones at Kalyanpur village under Rampur police station area (Barhiya, Jharkhand)."
    gazetteer = {"Kalyanpur": None, "Rampur": None,
                 "Barhiya": located("Barhiya", 25.28, 86.02, iso="IN", admin1="Bihar", admin1_id=19, population=100_000),
                 "Jharkhand": located("Jharkhand", 23.6, 85.3, feature="ADM1", iso="IN", admin1="Jharkhand", admin1_id=20)}
    (event,) = run(text, gazetteer)
    assert event.location.text == "Barhiya" and event.location.geo_precision == 1


def test_an_article_left_out_of_the_next_name_does_not_break_the_trail(run):
    # the recogniser read "Ash Shihr" as "Shihr": "(Ash" still links the names of one trail
    text = "Pro-government forces took control of Al Qarn (Ash Shihr, Hadramawt) on Monday."
    gazetteer = {"Al Qarn": located("Al Qarn", 33.2, 35.6, iso="LB", admin1="Nabatieh", admin1_id=21),
                 "Shihr": located("Ash Shihr", 14.76, 49.6, iso="YE", admin1="Hadramawt", admin1_id=22, population=50_000),
                 "Hadramawt": located("Hadramawt", 15.9, 49.0, feature="ADM1", iso="YE", admin1="Hadramawt", admin1_id=22)}
    (event,) = run(text, gazetteer)
    assert event.location.text == "Shihr"


def test_a_fronted_place_the_parse_gives_to_the_actor_is_where_it_happened(run):
    # the small parse reads "Cagua" as a modifier of "drivers"; the "in" before it says where
    text = "On 6 May 2020, in Cagua, Miranda state, moto-taxi drivers protested near the service station Jimani to demand fuel."
    gazetteer = {"Cagua": located("Cagua", 10.19, -67.46, iso="VE", admin1="Miranda", admin1_id=23, population=100_000),
                 "Miranda": located("Miranda", 10.3, -66.4, feature="ADM1", iso="VE", admin1="Miranda", admin1_id=23),
                 "Jimani": None}
    assert where(run(text, gazetteer, published=dt.date(2020, 5, 7))) == ["Cagua"]


def test_a_lone_name_resolved_abroad_in_a_sentence_set_elsewhere_is_a_namesake(run):
    text = "On Monday, in Rosario (Santa Fe), workers of Lyon Textiles set fire to tires to demand unpaid wages."
    gazetteer = {"Rosario": located("Rosario", -32.95, -60.64, iso="AR", admin1="Santa Fe", admin1_id=24, population=1_200_000),
                 "Santa Fe": located("Santa Fe", -31.6, -60.7, feature="ADM1", iso="AR", admin1="Santa Fe", admin1_id=24),
                 "Lyon": located("Lyon", 45.75, 4.85, iso="FR", admin1="Auvergne-Rhone-Alpes", admin1_id=25, population=500_000)}
    assert where(run(text, gazetteer)) == ["Rosario"]


def test_places_of_two_countries_the_sentence_names_are_both_event_places(run):
    text = "Jets struck Rafah in Gaza and Naqoura in Lebanon on Monday."
    gazetteer = {"Rafah": located("Rafah", 31.3, 34.25, iso="PS", admin1="Gaza", admin1_id=26, population=150_000),
                 "Gaza": located("Gaza", 31.5, 34.47, feature="ADM1", iso="PS", admin1="Gaza", admin1_id=26),
                 "Naqoura": located("Naqoura", 33.12, 35.14, iso="LB", admin1="South", admin1_id=27, population=5_000),
                 "Lebanon": entry("Lebanon", feature="PCLI", iso="LB")}
    assert where(run(text, gazetteer)) == ["Rafah", "Naqoura"]


def test_a_place_naming_a_faction_is_no_event_place(run):
    text = "Mai-Mai militiamen (Kasongo faction) abducted six fishermen in Kalehe (Sud-Kivu) on Monday."
    gazetteer = {"Kasongo": located("Kasongo", -4.45, 26.66, iso="CD", admin1="Maniema", admin1_id=28, population=60_000),
                 "Kalehe": located("Kalehe", -2.1, 28.9, iso="CD", admin1="Sud-Kivu", admin1_id=29, population=20_000),
                 "Sud-Kivu": located("Sud-Kivu", -2.5, 28.85, feature="ADM1", iso="CD", admin1="Sud-Kivu", admin1_id=29)}
    assert where(run(text, gazetteer)) == ["Kalehe"]


def test_the_unit_after_a_list_says_where_each_of_its_names_lies(run):
    # the gazetteer's Tawila lies 900 km away: the list's unit puts every camp in Kutum
    text = "Jets bombed the Dali, Tawila and Kornoi military camps (Kutum, North Darfur) on Monday."
    gazetteer = {"Dali": None, "Kornoi": None,
                 "Tawila": located("Tawila", 19.0, 33.0, iso="SD", admin1="River Nile", admin1_id=30, population=3_000),
                 "Kutum": located("Kutum", 14.2, 24.66, iso="SD", admin1="North Darfur", admin1_id=31, population=40_000),
                 "North Darfur": located("North Darfur", 15.0, 25.0, feature="ADM1", iso="SD", admin1="North Darfur", admin1_id=31)}
    (event,) = run(text, gazetteer)
    assert event.location.text == "Kutum" and event.location.geo_precision == 2


def test_provinces_a_border_runs_between_are_reference_points(run):
    text = "Troops repelled an attack on the Wadi front (Harib, Shabwah) at the border between Shabwah and Marib governorates on Monday."
    gazetteer = {"Harib": located("Harib", 14.93, 45.5, iso="YE", admin1="Shabwah", admin1_id=33, population=20_000),
                 "Shabwah": located("Shabwah", 14.5, 46.8, feature="ADM1", iso="YE", admin1="Shabwah", admin1_id=33),
                 "Marib": located("Marib", 15.46, 45.33, iso="YE", admin1="Marib", admin1_id=32, population=40_000)}
    assert where(run(text, gazetteer)) == ["Harib"]


def test_the_second_of_two_reference_points_is_one_too(run):
    text = "Militiamen from Lakes and Unity states attacked a cattle camp in Tonj on Monday."
    gazetteer = {"Lakes": located("Lakes", 6.8, 29.7, feature="ADM1", iso="SS", admin1="Lakes", admin1_id=34),
                 "Unity": located("Unity", 9.3, 29.8, feature="ADM1", iso="SS", admin1="Unity", admin1_id=35),
                 "Tonj": located("Tonj", 7.27, 28.68, iso="SS", admin1="Warrap", admin1_id=36, population=20_000)}
    assert where(run(text, gazetteer)) == ["Tonj"]


def test_a_list_of_places_abroad_sets_no_scene(run):
    text = "Troops shelled Sumy from positions in Belgorod and Kursk regions on Monday."
    gazetteer = {"Sumy": located("Sumy", 50.9, 34.8, iso="UA", admin1="Sumy", admin1_id=37, population=260_000),
                 "Belgorod": located("Belgorod", 50.6, 36.6, feature="ADM1", iso="RU", admin1="Belgorod", admin1_id=38),
                 "Kursk": located("Kursk", 51.7, 36.2, feature="ADM1", iso="RU", admin1="Kursk", admin1_id=39)}
    assert "Sumy" in where(run(text, gazetteer))


def test_a_list_item_resolved_abroad_among_places_of_one_country_is_a_namesake(run):
    text = "Protesters blocked roads in Kisumu, Kericho, Nakuru and Eldoret on Monday."
    gazetteer = {"Kisumu": located("Kisumu", -0.1, 34.75, iso="KE", admin1="Kisumu", admin1_id=40, population=400_000),
                 "Kericho": located("Kericho", -9.5, 33.9, iso="TZ", admin1="Mbeya", admin1_id=41, population=3_000),
                 "Nakuru": located("Nakuru", -0.3, 36.07, iso="KE", admin1="Nakuru", admin1_id=42, population=300_000),
                 "Eldoret": located("Eldoret", 0.52, 35.27, iso="KE", admin1="Uasin Gishu", admin1_id=43, population=290_000)}
    assert where(run(text, gazetteer)) == ["Kisumu", "Nakuru", "Eldoret"]
