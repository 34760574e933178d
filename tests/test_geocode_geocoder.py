"""The geocoder on the seed report and on sentences of our own about other conflicts."""

from __future__ import annotations

import pytest

from thucydides.geocode import Geocoder, is_demonym
from thucydides.model import PlaceMention

# gold-accepted ids of the seed's places (seed.json lists town and district for each)
DEH_SALEH = {7052901, 1143529}
BANO = {7052857, 1147118}
PUL_HESAR = {7052909, 1464922}
BAGHLAN_ADM1 = 1147537
KABUL_CITY = 1138958
PANJSHIR_ADM1 = 6957555


def places(geocoder: Geocoder, text: str, nlp=None) -> list[PlaceMention]:
    mentions = geocoder.find_places(text, nlp(text) if nlp is not None else None)
    for mention in mentions:
        assert text[mention.start : mention.end] == mention.text
        assert 0.0 <= mention.confidence <= 1.0 and mention.why
    return mentions


def by_text(mentions: list[PlaceMention]) -> dict[str, list[PlaceMention]]:
    table: dict[str, list[PlaceMention]] = {}
    for mention in mentions:
        table.setdefault(mention.text, []).append(mention)
    return table


@pytest.fixture(scope="module")
def seed_places(geocoder, seed_text, nlp) -> dict[str, list[PlaceMention]]:
    return by_text(places(geocoder, seed_text, nlp))


@pytest.mark.parametrize("name, accepted", [("Deh Saleh", DEH_SALEH), ("Bano", BANO), ("Pul-Hesar", PUL_HESAR)])
def test_seed_districts_resolve_to_baghlan(seed_places, name, accepted):
    for mention in seed_places[name]:
        entry = mention.entry
        assert entry is not None and entry.geonameid in accepted, (name, mention.why)
        assert entry.country_iso == "AF" and entry.admin1_id == BAGHLAN_ADM1
        assert "Baghl" in (entry.admin1 or "")


def test_seed_provinces_and_capital(seed_places):
    assert {m.entry.geonameid for m in seed_places["Baghlan"]} == {BAGHLAN_ADM1}
    assert {m.entry.geonameid for m in seed_places["Panjshir"]} == {PANJSHIR_ADM1}
    assert {m.entry.geonameid for m in seed_places["Kabul"]} == {KABUL_CITY}
    assert {m.entry.geonameid for m in seed_places["Afghanistan"]} == {1149361}


def test_seed_person_names_are_not_places(seed_places):
    # "Former Vice President Amrullah Saleh", "Ahmed Shah Masood", "Tolo News"
    assert not [t for t in seed_places if t in ("Saleh", "Amrullah Saleh", "Masood", "Shah", "Tolo", "Mohammadi")]


def test_seed_demonym_is_marked(seed_places):
    (afghan,) = seed_places["Afghan"]
    assert is_demonym(afghan) and afghan.entry.country_iso == "AF"
    assert not any(is_demonym(m) for m in seed_places["Afghanistan"])


def test_without_a_parse_the_seed_resolves_the_same(geocoder, seed_text, seed_places):
    plain = by_text(places(geocoder, seed_text))
    for name in ("Deh Saleh", "Bano", "Pul-Hesar", "Baghlan", "Kabul"):
        assert {m.entry.geonameid for m in plain[name]} == {m.entry.geonameid for m in seed_places[name]}


# ---- our own sentences: other countries, the same rules ----------------------------------


def test_syria_transliterated_town_in_a_named_province(geocoder, nlp):
    found = by_text(places(geocoder, "Government forces shelled the town of Maarat al-Numan in Idlib province on Tuesday.", nlp))
    town = found["Maarat al-Numan"][0].entry
    assert town.country_iso == "SY" and town.feature.startswith("PPL") and town.admin1 == "Idlib"
    assert "spelling variant" in found["Maarat al-Numan"][0].why
    # "province" picks the unit; the mention keeps the bare name, which names nothing else here
    assert found["Idlib"][0].entry.feature == "ADM1"


def test_ukraine_exonym_and_region_word(geocoder, nlp):
    found = by_text(places(geocoder, "Russian troops shelled Kharkov overnight, the governor of Kharkiv region said.", nlp))
    assert found["Kharkov"][0].entry.geonameid == 706483  # Kharkiv the city, through the exonym list
    region = found["Kharkiv region"][0].entry  # the word picks the oblast over the city, so it is kept
    assert region.feature == "ADM1" and region.country_iso == "UA"
    assert is_demonym(found["Russian"][0])


def test_somalia_town_near_a_region(geocoder, nlp):
    found = by_text(places(geocoder, "Al-Shabaab fighters attacked an army base near Baidoa in Somalia's Bay region.", nlp))
    baidoa = found["Baidoa"][0].entry
    assert baidoa.country_iso == "SO" and baidoa.admin1 == "Bay"
    assert found["Somalia"][0].entry.feature == "PCLI"


def test_a_list_shares_its_kind_word_and_province(geocoder, nlp):
    text = "Gunmen attacked the towns of Bama, Gwoza and Konduga in Borno state, Nigeria."
    found = by_text(places(geocoder, text, nlp))
    for name in ("Bama", "Gwoza", "Konduga"):
        entry = found[name][0].entry
        assert entry.country_iso == "NG" and entry.admin1 == "Borno" and entry.feature.startswith("PPL"), name
    assert found["Borno"][0].entry.feature == "ADM1"


def test_a_multiword_name_spelt_differently_beats_its_parts(geocoder, nlp):
    found = by_text(places(geocoder, "Clashes were reported near Tal Afar, west of Mosul.", nlp))
    assert "Tal" not in found and "Afar" not in found
    assert found["Tal Afar"][0].entry.country_iso == "IQ"


def test_context_decides_a_short_transliteration(geocoder):
    with_context = by_text(places(geocoder, "Fighting was reported in Bano district of Baghlan province."))
    assert with_context["Bano"][0].entry.geonameid in BANO
    # with no Afghan context the loose spelling match is not tried across the world
    without = by_text(places(geocoder, "Fighting was reported in Bano."))
    assert all(m.entry is None or m.entry.country_iso != "AF" for m in without.get("Bano", []))


@pytest.mark.parametrize(
    "text, not_places",
    [
        ("Former Prime Minister Nawaz Sharif returned to Lahore on Monday.", {"Nawaz", "Sharif", "Nawaz Sharif"}),
        ("In May, fighters crossed from Syria into Jordan.", {"May", "In May"}),
        ("The Zaranj Times reported that fighters entered Lashkar Gah.", {"Zaranj"}),
        ("Protesters gathered in Tahrir Square in Cairo, Egypt.", {"Tahrir"}),
    ],
)
def test_filters_against_persons_months_outlets_facilities(geocoder, nlp, text, not_places):
    found = by_text(places(geocoder, text, nlp))
    assert not (not_places & set(found)), found.keys()


def test_a_possessive_name_is_the_unit_containing_the_next(geocoder):
    found = by_text(places(geocoder, "Kunar's Asadabad district was quiet, but Kunar itself saw fighting."))
    assert {m.entry.feature for m in found["Kunar"]} == {"ADM1"}


def test_a_famous_place_in_an_outlet_name_is_still_a_place(geocoder):
    # GeoWebNews counts "Washington" in "The Washington Post"; a village would not count
    found = by_text(places(geocoder, "The network told The Washington Post the trip was planned."))
    assert found["Washington"][0].entry.country_iso == "US"


def test_abbreviations_name_countries_not_villages(geocoder):
    found = by_text(places(geocoder, "US and UK officials met in Doha."))
    assert found["US"][0].entry.geonameid == 6252001  # not Us, a village in France
    assert found["UK"][0].entry.country_iso == "GB"
    assert found["Doha"][0].entry.country_iso == "QA"


def test_unknown_village_after_a_kind_word_is_an_unresolved_mention(geocoder, nlp):
    text = "Gunmen burned the village of Zqxwvillo in northern Mali."
    found = by_text(places(geocoder, text, nlp))
    (village,) = found["Zqxwvillo"]
    assert village.entry is None and "no gazetteer" in village.why
    assert found["Mali"][0].entry.country_iso == "ML"


def test_empty_and_placeless_texts(geocoder):
    assert geocoder.find_places("") == []
    assert geocoder.find_places("   \n") == []
    assert geocoder.find_places("nothing here names a place at all.") == []


def test_default_geocoder_is_one_per_process():
    from thucydides.geocode import default_geocoder

    assert default_geocoder() is default_geocoder()


def test_geo_precision_follows_acled():
    from thucydides.geocode import geo_precision_of
    from thucydides.model import GazetteerEntry

    def entry(feature: str) -> GazetteerEntry:
        return GazetteerEntry(1, "X", feature, "AF", "Afghanistan", None, None, 0.0, 0.0)

    assert geo_precision_of(entry("PPL")) == 1
    assert geo_precision_of(entry("PPLC"), near=True) == 2
    assert geo_precision_of(entry("ADM2")) == 2
    assert geo_precision_of(entry("ADM1")) == 3
    assert geo_precision_of(entry("RGN")) == 3
    for too_large in ("PCLI", "PCLH", "CONT", "OCN"):
        assert geo_precision_of(entry(too_large)) is None
    assert geo_precision_of(None) is None


# ---- regressions: each bug found on the dev sets, with sentences of our own --------------


def test_hyphenated_compounds_are_cut_at_the_hyphen(geocoder):
    found = by_text(places(geocoder, "The Norway-based monitor said the Asia-Pacific talks moved to Kenya-Somalia border towns."))
    assert found["Norway"][0].entry.feature == "PCLI"
    assert found["Kenya"][0].entry.country_iso == "KE" and found["Somalia"][0].entry.country_iso == "SO"
    # while a hyphenated name stays one name
    found = by_text(places(geocoder, "Fighting spread to Guinea-Bissau."))
    assert found["Guinea-Bissau"][0].entry.country_iso == "GW"


def test_former_is_not_a_title_that_makes_a_person(geocoder):
    found = by_text(places(geocoder, "Former Nairobi official charged\n\nA former Nairobi official was charged in Nairobi on Monday."))
    assert all(m.entry.country_iso == "KE" for m in found["Nairobi"]) and len(found["Nairobi"]) == 3


def test_a_withdrawn_country_code_does_not_shadow_the_current_country(geocoder):
    (mention,) = places(geocoder, "Slovakia closed its border.")
    assert mention.entry.country == "Slovakia"
    (town,) = by_text(places(geocoder, "Protests were held in Bratislava, Slovakia."))["Bratislava"]
    assert town.entry.country == "Slovakia"  # not Sikkim, whose old code was SK too


def test_a_dateline_is_a_place(geocoder):
    found = by_text(places(geocoder, "MOGADISHU (Reuters) - A car bomb exploded near a checkpoint on Sunday."))
    assert found["MOGADISHU"][0].entry.country_iso == "SO"


def test_two_small_place_words_in_a_name_are_a_person(geocoder, nlp):
    text = "The contractor, Adam Smith, was charged along with a city official in Denver."
    found = by_text(places(geocoder, text, nlp))
    assert "Smith" not in found and "Adam" not in found
    assert found["Denver"][0].entry.country_iso == "US"


def test_articles_glued_to_names(geocoder, nlp):
    found = by_text(places(geocoder, "Shelling hit Deir ez-Zor and the nearby town of al-Mayadin in Syria.", nlp))
    assert found["Deir ez-Zor"][0].entry.country_iso == "SY"
    assert "al-Mayadin" in found  # the article is part of the mention, resolved or not


from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_WORDS = st.sampled_from(["Kabul", "al-", "Bano", "district", "of", "the", "In", "Mr", "Syria's", "U.S.", ",", "and",
                          "Deh", "Saleh", "KABUL:", "-", "\n", "Province", "near", "Zqx", "’s", "State", "é", "  "])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(_WORDS, max_size=40).map(" ".join) | st.text(max_size=200))
def test_any_text_gives_ordered_valid_mentions(geocoder, text):
    mentions = places(geocoder, text)
    assert all(a.end <= b.start for a, b in zip(mentions, mentions[1:]))


def test_a_huge_capitalised_text_stays_fast(geocoder):
    import time

    text = " ".join(["Alpha Beta Gamma Delta Kabul Province"] * 3000)  # 18,000 capitalised words in one run
    started = time.process_time()
    geocoder.find_places(text)
    assert time.process_time() - started < 6  # about 1.5 s: linear, not quadratic


def test_a_surname_named_again_alone_is_the_person(geocoder, nlp):
    # the title makes "Kwame Adams" a person: "Adams" alone later is him, not Adams County, and
    # does not pull the article's English city to a namesake in the United States (without a
    # title or a listed first name nothing marks the name: the parse has no entity labels)
    text = "Captain Kwame Adams was sent off as Birmingham lost at home. Adams will miss the next match."
    found = by_text(places(geocoder, text, nlp))
    assert "Adams" not in found
    assert [m.entry.country_iso for m in found["Birmingham"]] == ["GB"]


def test_a_name_shared_by_a_district_and_its_city_votes_for_their_country():
    from thucydides.geocode.context import focus_countries
    from thucydides.geocode.mentions import Found
    from thucydides.geocode.recognise import Run, Span
    from thucydides.model import GazetteerEntry

    def place(gid, feature, iso, population):
        return GazetteerEntry(gid, "Zenda", feature, iso, None, None, None, 0.0, 0.0, population)

    # the district's population is its city's again: counted whole, it hid the city's country
    candidates = [(place(1, "PPL", "GB", 1_000_000), "name"), (place(2, "ADM2", "GB", 1_300_000), "name"),
                  (place(3, "PPL", "US", 150_000), "name"), (place(4, "PPL", "US", 20_000), "name")]
    span = Span(Run(0, 0), 0, 0, 0, 5, "Zenda", "zenda")
    assert focus_countries([Found(span, candidates)]) == {"GB": 1.0}


def test_a_place_cue_opening_a_sentence_counts(geocoder):
    [village] = [m for m in places(geocoder, "Near Zorbaya, gunmen burned two houses.") if m.text == "Zorbaya"]
    assert village.entry is None and "after 'near'" in village.why


@pytest.mark.parametrize("name", ["Donbas", "Darfur", "Waziristan", "Levant", "Siberia"])
def test_regions_often_in_the_news(geocoder, name):
    text = f"Reporters travelled across {name} last week."
    [region] = [m for m in places(geocoder, text) if m.text == name]
    assert region.entry is not None and region.entry.country_iso is None and region.entry.latitude is not None


def test_a_round_up_of_many_states_does_not_pull_a_big_city_to_a_namesake(geocoder, nlp):
    # small Louisvilles lie in Ohio and Mississippi; naming four states says little about each name
    text = "Fans from Ohio, Mississippi, Texas and Oregon filled the arena as Louisville won the final."
    [city] = by_text(places(geocoder, text, nlp))["Louisville"]
    assert city.entry is not None and city.entry.admin1 == "Kentucky"


# ---- round 6 (issue #4) ----------------------------------------------------------------------
def test_institution_words_vote_for_their_country():
    from thucydides.geocode.context import institution_votes
    from thucydides.geocode.lexicon import lexicon

    votes = institution_votes("the gardai and the lok sabha".split(), lexicon().institution_countries)
    assert [(v.iso, v.weight) for v in votes] == [("IE", 1.0), ("IN", 1.0)]
    assert institution_votes("garden party in lokeren".split(), lexicon().institution_countries) == ()


def test_an_institution_word_is_no_place_mention(geocoder):
    text = "The Taoiseach told the Dail that gardai would patrol Tullamore."
    found = by_text(places(geocoder, text))
    assert set(found) == {"Tullamore"} and found["Tullamore"][0].entry.country_iso == "IE"


def test_a_province_abroad_named_bare_loses_to_a_town_at_home(geocoder):
    # a region of Kyrgyzstan against an Afghan town of the article's country
    text = "Taliban fighters attacked a police post in Jalal Abad, Afghanistan."
    [town] = by_text(places(geocoder, text))["Jalal Abad"]
    assert town.entry is not None and town.entry.country_iso == "AF" and town.entry.feature.startswith("PPL")


def test_an_institution_word_read_as_a_place_casts_no_vote(geocoder):
    # "the Dail" is Ireland's parliament; "in Dail", with its cue, the Syrian town (no Irish vote)
    text = "Government forces shelled rebel positions in Dail, east of Deraa, on Friday."
    [town] = by_text(places(geocoder, text))["Dail"]
    assert town.entry is not None and town.entry.country_iso == "SY" and "Ireland" not in town.why
