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


# the gazetteer's Las Palmas is a district of another province: a unit lies in no town
LAS_PALMAS = {"Las Palmas": located("Las Palmas", -2.2, -79.9, feature="ADM2", iso="EC", admin1="Guayas", admin1_id=7),
              "Manta": located("Manta", -0.95, -80.73, iso="EC", admin1="Manabi", admin1_id=8, population=220_000),
              "Manabi": located("Manabi", -1.0, -80.3, feature="ADM1", iso="EC", admin1="Manabi", admin1_id=8)}


def test_a_unit_named_like_a_zone_of_the_town_after_it_is_coded_at_the_town(run):
    text = "Gunmen on a motorbike shot a shopkeeper in the Las Palmas zone, Manta, Manabi province on Friday."
    (event,) = run(text, LAS_PALMAS)
    assert event.location.text == "Manta"


def test_a_town_named_like_its_province_stands_for_the_province(run):
    text = "Gunmen killed a farmer in Tlalixcoyan municipality, Veracruz on Monday."
    gazetteer = {"Tlalixcoyan": located("Tlalixcoyan", 18.8, -96.06, feature="ADM2", iso="MX",
                                        admin1="Veracruz de Ignacio de la Llave", admin1_id=9),
                 "Veracruz": located("Veracruz", 19.18, -96.14, iso="MX", admin1="Veracruz de Ignacio de la Llave",
                                     admin1_id=9, population=600_000)}
    (event,) = run(text, gazetteer)
    assert event.location.text == "Tlalixcoyan"


def test_a_district_that_says_where_a_border_is_is_no_part_of_the_border_name(run):
    text = "Smugglers shot a customs officer on the Kano-Katsina border in Bichi district on Friday."
    gazetteer = {"Kano": located("Kano", 11.5, 8.5, feature="ADM1", iso="NG", admin1="Kano", admin1_id=10),
                 "Katsina": located("Katsina", 12.5, 7.6, feature="ADM1", iso="NG", admin1="Katsina", admin1_id=11),
                 "Bichi": located("Bichi", 12.23, 8.24, feature="ADM2", iso="NG", admin1="Kano", admin1_id=10)}
    (event,) = run(text, gazetteer)
    assert event.location.text == "Bichi"


def test_an_unresolved_reference_point_is_coded_at_the_next_name_of_its_trail(run):
    text = "Militants fired mortars at army positions near Kouri Dogo, Mopti on Monday."
    gazetteer = {"Kouri Dogo": None, "Mopti": located("Mopti", 14.49, -4.2, admin1="Mopti", admin1_id=12, population=120_000)}
    (event,) = run(text, gazetteer)
    assert event.location.text == "Mopti" and event.location.geo_precision == 2


def test_the_place_an_article_is_about_is_where_its_trail_is_coded(run):
    text = ("On Friday evening, a shopkeeper was closing his store in the Las Palmas zone, Manta, Manabi province. "
            "Two gunmen on a motorbike shot him dead.")
    assert where(run(text, LAS_PALMAS)) == ["Manta"]


def test_a_people_named_in_an_aside_is_neither_the_place_nor_a_break_in_the_trail(nlp):
    text = "Militants bombed a girls' school in Dhok Mian village (Pashto name) of Fateh Jang district, Attock on Monday."
    gazetteer = {"Dhok Mian": None,
                 "Fateh Jang": located("Fateh Jang", 33.56, 72.64, iso="PK", admin1="Punjab", admin1_id=13),
                 "Attock": located("Attock", 33.77, 72.36, iso="PK", admin1="Punjab", admin1_id=13, population=150_000)}
    mentions = places_in(text, gazetteer)
    start = text.index("Pashto")
    pashtun_lands = located("Pashtunistan", 33.0, 70.0, feature="RGN", iso=None)
    mentions.append(PlaceMention("Pashto", start, start + len("Pashto"), pashtun_lands, why="demonym of Pashtunistan"))
    article = Article(id="test-places", text=text, published=dt.date(2024, 3, 14))
    (event,) = extract_events(article, nlp(text), sorted(mentions, key=lambda m: m.start))
    assert event.location.text == "Fateh Jang" and event.location.geo_precision == 2


def test_an_unknown_place_is_coded_at_the_known_place_named_before_it(run):
    text = "Outside Tarija, armed men shot two ranch hands at Las Lomas estancia on Sunday."
    gazetteer = {"Las Lomas": None,
                 "Tarija": located("Tarija", -21.53, -64.73, iso="BO", admin1="Tarija", admin1_id=14, population=200_000)}
    (event,) = run(text, gazetteer)
    assert event.location.text == "Tarija" and event.location.geo_precision == 2


def test_a_highway_named_after_two_towns_is_no_event_place_beside_a_named_town(run):
    text = "Truck drivers blocked the Abuja-Lokoja highway at Gegu town, Kogi state, on Tuesday over extortion at checkpoints."
    gazetteer = {"Gegu": located("Gegu", 8.1, 6.8, iso="NG", admin1="Kogi", admin1_id=15, population=10_000),
                 "Kogi": located("Kogi", 7.8, 6.7, feature="ADM1", iso="NG", admin1="Kogi", admin1_id=15),
                 "Abuja": located("Abuja", 9.06, 7.49, iso="NG", admin1="FCT", admin1_id=16, population=1_200_000),
                 "Lokoja": located("Lokoja", 7.8, 6.74, iso="NG", admin1="Kogi", admin1_id=15, population=200_000)}
    assert where(run(text, gazetteer)) == ["Gegu"]


def test_the_province_raiders_came_from_is_no_event_place(run):
    text = "Armed herders from the Kapedo area of Turkana county stole 300 goats in Marigat on Friday."
    gazetteer = {"Turkana": located("Turkana", 3.3, 35.6, feature="ADM1", iso="KE", admin1="Turkana", admin1_id=17),
                 "Marigat": located("Marigat", 0.47, 35.98, iso="KE", admin1="Baringo", admin1_id=18, population=20_000)}
    assert where(run(text, gazetteer)) == ["Marigat"]


def test_an_unknown_village_beside_a_town_that_is_an_event_place_adds_no_event(run):
    # the text puts the town in the wrong province: the province is no container of it, yet the
    # unknown hamlet and union named before the town are at the town, not at the province
    text = "On Friday, a crowd set fire to a police post at Basti Malana hamlet, Daira Din union (Kot Addu, Sindh)."
    gazetteer = {"Basti Malana": None, "Daira Din": None,
                 "Kot Addu": located("Kot Addu", 30.47, 70.97, iso="PK", admin1="Punjab", admin1_id=19, population=100_000),
                 "Sindh": located("Sindh", 26.0, 68.5, feature="ADM1", iso="PK", admin1="Sindh", admin1_id=20)}
    (event,) = run(text, gazetteer)
    assert event.location.text == "Kot Addu" and event.location.geo_precision == 1


def test_an_article_left_out_of_the_next_name_does_not_break_the_trail(run):
    # the recogniser read "Al Mukalla" as "Mukalla": "(Al" still links the names of one trail
    text = "Drones struck a fuel depot at Hisn Naqab (Al Mukalla, Hadramawt) on Monday."
    gazetteer = {"Hisn Naqab": located("Hisn Naqab", 23.6, 58.1, iso="OM", admin1="Muscat", admin1_id=21),
                 "Mukalla": located("Al Mukalla", 14.54, 49.12, iso="YE", admin1="Hadramawt", admin1_id=22, population=300_000),
                 "Hadramawt": located("Hadramawt", 15.9, 49.0, feature="ADM1", iso="YE", admin1="Hadramawt", admin1_id=22)}
    (event,) = run(text, gazetteer)
    assert event.location.text == "Mukalla"


def test_a_fronted_place_the_parse_gives_to_the_actor_is_where_it_happened(run):
    # the small parse reads "Tepic" as a modifier of "drivers"; the "in" before it says where
    text = "In Tepic, Nayarit department, moto-taxi drivers rallied outside the Garzon toll booth over higher tolls."
    gazetteer = {"Tepic": located("Tepic", 21.5, -104.9, iso="MX", admin1="Nayarit", admin1_id=23, population=370_000),
                 "Nayarit": located("Nayarit", 21.8, -104.8, feature="ADM1", iso="MX", admin1="Nayarit", admin1_id=23),
                 "Garzon": None}
    assert where(run(text, gazetteer)) == ["Tepic"]


def test_a_lone_name_resolved_abroad_in_a_sentence_set_elsewhere_is_a_namesake(run):
    text = "Miners employed by Denver Mining blocked the road into Uyuni (Potosi) on Thursday over unpaid bonuses."
    gazetteer = {"Uyuni": located("Uyuni", -20.46, -66.82, iso="BO", admin1="Potosi", admin1_id=24, population=30_000),
                 "Potosi": located("Potosi", -20.0, -66.5, feature="ADM1", iso="BO", admin1="Potosi", admin1_id=24),
                 "Denver": located("Denver", 39.74, -104.98, iso="US", admin1="Colorado", admin1_id=25, population=700_000)}
    assert where(run(text, gazetteer)) == ["Uyuni"]


def test_places_of_two_countries_the_sentence_names_are_both_event_places(run):
    text = "Shells hit Taftan in Balochistan and Mirjaveh in Iran on Monday."
    gazetteer = {"Taftan": located("Taftan", 28.96, 61.59, iso="PK", admin1="Balochistan", admin1_id=26, population=10_000),
                 "Balochistan": located("Balochistan", 28.0, 65.0, feature="ADM1", iso="PK", admin1="Balochistan", admin1_id=26),
                 "Mirjaveh": located("Mirjaveh", 29.02, 61.45, iso="IR", admin1="Sistan and Baluchestan", admin1_id=27, population=10_000),
                 "Iran": entry("Iran", feature="PCLI", iso="IR")}
    assert where(run(text, gazetteer)) == ["Taftan", "Mirjaveh"]


def test_a_place_naming_a_faction_is_no_event_place(run):
    text = "Fighters of the Zintan faction kidnapped two traders in Gharyan on Monday."
    gazetteer = {"Zintan": located("Zintan", 31.93, 12.25, iso="LY", admin1="Jabal al Gharbi", admin1_id=28, population=40_000),
                 "Gharyan": located("Gharyan", 32.17, 13.02, iso="LY", admin1="Jabal al Gharbi", admin1_id=28, population=80_000)}
    assert where(run(text, gazetteer)) == ["Gharyan"]


def test_the_unit_after_a_list_says_where_each_of_its_names_lies(run):
    # the gazetteer's Lupilichi lies 900 km away: the list's unit puts every post in Marrupa
    text = "Insurgents shelled the Mecula, Lupilichi and Msawize positions (Marrupa, Niassa) on Monday."
    gazetteer = {"Mecula": None, "Msawize": None,
                 "Lupilichi": located("Lupilichi", -20.0, 33.5, iso="MZ", admin1="Manica", admin1_id=30, population=3_000),
                 "Marrupa": located("Marrupa", -13.2, 37.5, iso="MZ", admin1="Niassa", admin1_id=31, population=40_000),
                 "Niassa": located("Niassa", -13.0, 36.5, feature="ADM1", iso="MZ", admin1="Niassa", admin1_id=31)}
    (event,) = run(text, gazetteer)
    assert event.location.text == "Marrupa" and event.location.geo_precision == 2


def test_provinces_a_border_runs_between_are_reference_points(run):
    text = "Gunmen attacked an army checkpoint on the Amerli road (Tuz, Salahuddin) on the boundary between Salahuddin and Kirkuk provinces on Friday."
    gazetteer = {"Tuz": located("Tuz", 34.89, 44.63, iso="IQ", admin1="Salahuddin", admin1_id=33, population=60_000),
                 "Salahuddin": located("Salahuddin", 34.5, 43.5, feature="ADM1", iso="IQ", admin1="Salahuddin", admin1_id=33),
                 "Kirkuk": located("Kirkuk", 35.47, 44.39, iso="IQ", admin1="Kirkuk", admin1_id=32, population=900_000)}
    assert where(run(text, gazetteer)) == ["Tuz"]


def test_the_second_of_two_reference_points_is_one_too(run):
    text = "Bandits from Baringo and Samburu counties shot two herders in Tot on Monday."
    gazetteer = {"Baringo": located("Baringo", 0.8, 35.9, feature="ADM1", iso="KE", admin1="Baringo", admin1_id=34),
                 "Samburu": located("Samburu", 1.2, 37.0, feature="ADM1", iso="KE", admin1="Samburu", admin1_id=35),
                 "Tot": located("Tot", 1.08, 35.67, iso="KE", admin1="Elgeyo-Marakwet", admin1_id=36, population=5_000)}
    assert where(run(text, gazetteer)) == ["Tot"]


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
