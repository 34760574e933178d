"""extract_events end to end on reports written for the tests, with places given by hand.

The places stand in for the geocoder (tests/test_extract_seed.py runs the real one): each test
names the toponyms of its text and their gazetteer entries, so that the extraction rules alone
are tested. None of these texts is about the seed's places or groups.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from thucydides.extract import extract_events
from thucydides.model import Article, Event, GazetteerEntry, PlaceMention

_ids = iter(range(1000, 100000))


def entry(name: str, feature: str = "PPL", iso: str = "ML", *, admin1_id: int | None = None, gid: int | None = None) -> GazetteerEntry:
    return GazetteerEntry(
        geonameid=gid or next(_ids),
        name=name,
        feature=feature,
        country_iso=iso,
        country=None,
        admin1=None,
        admin2=None,
        latitude=10.0,
        longitude=10.0,
        admin1_id=admin1_id,
    )


def places_in(text: str, gazetteer: dict[str, GazetteerEntry | None]) -> list[PlaceMention]:
    found = []
    for name, found_entry in gazetteer.items():
        for match in re.finditer(rf"\b{re.escape(name)}\b", text):
            found.append(PlaceMention(name, match.start(), match.end(), found_entry))
    return sorted(found, key=lambda p: p.start)


def events_in(nlp, text: str, gazetteer: dict[str, GazetteerEntry | None], published: dt.date) -> list[Event]:
    """The events of an invented report whose places are given by hand."""
    article = Article(id="invented", text=text, published=published)
    return extract_events(article, nlp(text), places_in(text, gazetteer))


@pytest.fixture(scope="module")
def run(nlp):
    def extract(text: str, gazetteer: dict[str, GazetteerEntry | None], published: dt.date = dt.date(2023, 6, 14), **options) -> list[Event]:
        article = Article(id="test-article", text=text, published=published)
        return extract_events(article, nlp(text), places_in(text, gazetteer), **options)

    return extract


def at(events: list[Event]) -> list[tuple[str, str | None]]:
    return [(e.sub_event_type, e.location.text if e.location else None) for e in events]


def test_a_coordinated_list_of_captured_towns_is_one_claimed_event_per_town(run):
    text = "A spokesman for the Arakan Army said in a statement that the towns of Paletwa, Kyauktaw and Minbya had been captured."
    towns = {name: entry(name, iso="MM") for name in ("Paletwa", "Kyauktaw", "Minbya")}
    events = run(text, towns)
    assert at(events) == [("Non-state actor overtakes territory", town) for town in ("Paletwa", "Kyauktaw", "Minbya")]
    for event in events:
        assert event.status == "claimed"
        assert event.attribution[0].channel == "statement"
        assert "Paletwa, Kyauktaw and Minbya" in event.evidence[0].text
        assert event.plover.event_type == "ASSAULT" and "territory" in event.plover.context
        assert event.actor1 is not None and event.actor1.name == "AA: Arakan Army"


def test_the_army_retaking_a_town_from_a_group(run):
    text = "The Malian army said it had recaptured the town of Boni from JNIM fighters on Sunday after heavy fighting."
    (event,) = run(text, {"Boni": entry("Boni")})
    assert event.sub_event_type == "Government regains territory"
    assert event.actor1.name == "Military Forces of Mali (2021-)"
    assert event.actor2.name.startswith("JNIM")
    assert event.date.value == dt.date(2023, 6, 11) and event.date.precision == 1


def test_protests(run):
    (peaceful,) = run("Hundreds of protesters marched in Medellin on Tuesday to demand better pay.", {"Medellin": entry("Medellin", iso="CO")})
    assert (peaceful.sub_event_type, peaceful.actor1.name, peaceful.actor1.inter) == ("Peaceful protest", "Protesters (Colombia)", 6)
    assert peaceful.plover.event_type == "PROTEST" and peaceful.plover.mode == "demo"
    (dispersed,) = run("Police fired tear gas to disperse demonstrators in Omdurman.", {"Omdurman": entry("Omdurman", iso="SD")})
    assert dispersed.sub_event_type == "Protest with intervention"
    (shot,) = run("Soldiers opened fire on protesters in Mandalay, killing three.", {"Mandalay": entry("Mandalay", iso="MM")})
    assert shot.sub_event_type == "Excessive force against protesters"
    (riot,) = run("Demonstrators hurled stones at police and burned tires in Kisumu.", {"Kisumu": entry("Kisumu", iso="KE")})
    assert riot.sub_event_type == "Violent demonstration"


def test_an_air_strike_reported_by_a_monitor(run):
    text = "Russian warplanes killed at least seven civilians in an air strike on a market in Ariha on Saturday, the Syrian Observatory for Human Rights said."
    (event,) = run(text, {"Ariha": entry("Ariha", iso="SY")}, published=dt.date(2019, 12, 7))
    assert event.sub_event_type == "Air/drone strike"
    assert event.fatalities.count == 7
    assert (event.actor1.name, event.actor1.inter) == ("Military Forces of Russia (2000-)", 8)
    assert event.actor2.name == "Civilians (Syria)"
    assert event.status == "reported"
    assert event.attribution[0].speaker == "Syrian Observatory for Human Rights"
    assert event.date.value == dt.date(2019, 12, 7)


def test_history_is_no_current_event(run):
    text = "Rebels occupied the town of Kidal from 2012 to 2013. The army shelled Kidal in the 1990s."
    kidal = {"Kidal": entry("Kidal")}
    assert run(text, kidal) == []
    kept = run(text, kidal, keep_background=True)
    assert kept and all(event.status == "background" for event in kept)


@pytest.mark.parametrize(
    "text",
    [
        "Militants have not so far tried to enter Mopti.",
        "The army did not attack Mopti.",
        "There were no clashes in Mopti on Monday.",
        "No one claimed responsibility for the attack in Mopti.",
        "Analysts fear that the jihadists could seize Mopti.",
        "If the militants capture Mopti, the road south will be cut.",
    ],
)
def test_negation_hypotheses_and_opinion_make_no_event(run, text):
    assert run(text, {"Mopti": entry("Mopti")}) == []


def test_a_country_alone_is_no_place(run):
    text = "Gunmen killed five people in Mali on Monday."
    assert run(text, {"Mali": entry("Mali", feature="PCLI")}) == []


def test_a_following_sentence_without_a_place_continues_the_story(run):
    text = "Gunmen attacked the village of Dogo on Monday. Six villagers were killed and their granaries were burned."
    (event,) = run(text, {"Dogo": entry("Dogo", iso="NE")})
    assert event.sub_event_type == "Attack"
    assert event.fatalities.count == 6
    assert event.evidence[0].text.startswith("Gunmen attacked")


def test_same_day_same_place_is_one_event_of_the_higher_row(run):
    text = "Rebels clashed with soldiers in Bambari on Friday. The rebels also shelled the army base in Bambari on Friday."
    (event,) = run(text, {"Bambari": entry("Bambari", iso="CF")})
    assert event.sub_event_type == "Armed clash"


def test_several_places_several_events(run):
    text = "Warplanes struck Kafr Nabl and Maarat al-Numan on Tuesday, killing four people in each town."
    events = run(text, {"Kafr Nabl": entry("Kafr Nabl", iso="SY"), "Maarat al-Numan": entry("Maarat al-Numan", iso="SY")})
    assert at(events) == [("Air/drone strike", "Kafr Nabl"), ("Air/drone strike", "Maarat al-Numan")]


def test_planned_and_denied(run):
    (planned,) = run("The junta vowed to retake Loikaw within a week.", {"Loikaw": entry("Loikaw", iso="MM")})
    assert planned.status == "planned"
    (denied,) = run("The army denied that its jets had bombed Hpakant on Monday.", {"Hpakant": entry("Hpakant", iso="MM")})
    assert denied.status == "denied"


def test_an_unverifiable_account_of_a_party_is_a_claim(run):
    text = "Officials installed by Moscow said Ukrainian shelling killed two people in Nova Kakhovka on Sunday. The claims could not be independently verified."
    (event,) = run(text, {"Nova Kakhovka": entry("Nova Kakhovka", iso="UA")})
    assert event.sub_event_type == "Shelling/artillery/missile attack"
    assert event.status == "claimed"
    assert event.actor1.name == "Military Forces of Ukraine (2019-)"


def test_a_dateline_is_where_the_report_was_filed_not_the_event(run):
    text = "KISMAYO (Reuters) - A roadside bomb killed three soldiers near Jamame on Monday, police said."
    (event,) = run(text, {"KISMAYO": entry("Kismayo", iso="SO"), "Jamame": entry("Jamame", iso="SO")})
    assert event.location.text == "Jamame"
    assert event.location.geo_precision == 2  # near a town
    assert event.sub_event_type == "Remote explosive/landmine/IED"
    assert event.fatalities.count == 3


def test_a_headline_summed_up_by_the_body_adds_nothing(run):
    text = "Rebels take three towns in northern Mali\n\nThe rebels said they had captured Ber, Anefis and Bourem on Sunday."
    towns = {name: entry(name) for name in ("Ber", "Anefis", "Bourem")}
    events = run(text, towns)
    assert at(events) == [("Non-state actor overtakes territory", town) for town in ("Ber", "Anefis", "Bourem")]


def test_a_province_wide_account_gives_way_to_the_town_it_contains(run):
    gezira = entry("Gezira State", feature="ADM1", iso="SD")
    text = "Fighting was reported in Gezira State on Monday. Clashes erupted in Rufaa between the army and the RSF on Monday."
    events = run(text, {"Gezira State": gezira, "Rufaa": entry("Rufaa", iso="SD", admin1_id=gezira.geonameid)})
    assert at(events) == [("Armed clash", "Rufaa")]


def test_the_attack_where_it_occurred_takes_the_earlier_account(run):
    text = "Gunmen ambushed a police convoy in central Mexico on Thursday, killing 13 officers. Several gangs operate around Tejupilco, where the attack occurred."
    (event,) = run(text, {"Mexico": entry("Mexico", feature="PCLI", iso="MX"), "Tejupilco": entry("Tejupilco", iso="MX")})
    assert (event.sub_event_type, event.location.text, event.fatalities.count) == ("Armed clash", "Tejupilco", 13)


def test_a_text_naming_no_place_keeps_its_event_with_a_null_location(run):
    (event,) = run("Unknown gunmen abducted two aid workers on Friday.", {})
    assert event.sub_event_type == "Abduction/forced disappearance"
    assert event.location is None and event.confidence < 0.5


def test_a_source_that_names_its_coding(run):
    text = "Arrests: On 4 May 2023, police detained a journalist in Kayes. Fatalities coded as 0."
    (event,) = run(text, {"Kayes": entry("Kayes")}, published=dt.date(2023, 5, 4))
    assert event.sub_event_type == "Arrests" and event.fatalities.count == 0


def test_ids_are_stable_and_evidence_points_into_the_text(run, nlp):
    text = "Al-Shabab militants attacked a military base in Bulo Marer on Monday, killing four soldiers."
    places = {"Bulo Marer": entry("Bulo Marer", iso="SO", gid=55)}
    first, second = run(text, places), run(text, places)
    assert [e.id for e in first] == [e.id for e in second] and len(first) == 1
    for evidence in first[0].evidence:
        assert text[evidence.start : evidence.end] == evidence.text
    other = extract_events(Article(id="another", text=text, published=dt.date(2023, 6, 14)), nlp(text), places_in(text, places))
    assert other[0].id != first[0].id
    assert first[0].sub_event_type == "Armed clash" and first[0].actor1.name == "Al Shabaab"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\n  ",
        "!!! ??? ...",
        "2023-06-14 | 05:00",
        "killed killed killed " * 50,
        "Gunmen — “killed” ‘12’ … in Mopti; Mopti, Mopti (Mopti).",
        "BAMAKO:\n\nOn Monday.\nThe.\n",
        "They said that they said that they said that it was taken.",
    ],
)
def test_odd_texts_give_no_error(run, text):
    events = run(text, {"Mopti": entry("Mopti")})
    for event in events:
        for evidence in event.evidence:
            assert text[evidence.start : evidence.end] == evidence.text


def test_who_acts_when_the_parse_is_unhelpful(run):
    # a demonym before the weapon names the side that fired it
    (shelling,) = run("Two people were killed in Ukrainian shelling in Vasylivka on Monday.", {"Vasylivka": entry("Vasylivka", iso="UA")})
    assert shelling.actor1.name == "Military Forces of Ukraine (2019-)"
    # "they came under attack by X": they were hit, X attacked
    text = "Officials said the rebel commanders were meeting in Kidal when they came under attack by ground forces supported by aircraft."
    (clash,) = run(text, {"Kidal": entry("Kidal")})
    assert clash.sub_event_type == "Armed clash" and clash.actor1.name == "Military Forces of Mali (2021-)"
    # "claimed by" a group: the group did it; a named group before "a suicide bomber"
    text = "A suicide bomber killed six people at a checkpoint in Baidoa on Friday in an attack claimed by al-Shabab."
    (bombing,) = run(text, {"Baidoa": entry("Baidoa", iso="SO")})
    assert bombing.sub_event_type == "Suicide bomb" and bombing.actor1.name == "Al Shabaab"
    assert bombing.fatalities.count == 7  # the bomber is counted


# --- one happening, one event: what else a clause says is its setting ---------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On Thursday, residents of Lumbo gathered on the main road, blocking trucks heading to the market.", []),
        ("On Thursday, a crowd gathered in Lumbo to mark Labour Day despite the curfew in effect.", []),
        # fighters massing and a curfew imposed are changes of activity
        ("On Thursday, militants gathered near Lumbo ahead of the rainy season.", ["Change to group/activity"]),
        ("On Thursday, the authorities imposed a curfew in Lumbo.", ["Change to group/activity"]),
    ],
)
def test_people_gathering_or_a_curfew_in_effect_is_no_change_of_activity(run, text, expected):
    events = run(text, {"Lumbo": entry("Lumbo", iso="KE")})
    assert [e.sub_event_type for e in events if e.sub_event_type in {"Change to group/activity", "Other"}] == expected


def test_battles_that_continue_are_the_setting_of_the_reinforcements(run):
    text = "On Thursday, rebel reinforcements arrived on the Kalo front as battles continue in the area."
    events = run(text, {"Kalo": entry("Kalo", iso="SO")})
    assert at(events) == [("Change to group/activity", "Kalo")]


def test_what_a_crowd_rose_up_after_is_its_grievance(run):
    text = "On Thursday, two groups of villagers clashed with sticks in Lumbo after a police officer fired shots at a farmer."
    events = run(text, {"Lumbo": entry("Lumbo", iso="KE")})
    assert at(events) == [("Mob violence", "Lumbo")]
    # the same shooting told as news of its own stays an event
    events = run("On Thursday, a police officer fired shots at a farmer in Lumbo.", {"Lumbo": entry("Lumbo", iso="KE")})
    assert at(events) == [("Attack", "Lumbo")]


def test_the_man_a_crowd_demands_justice_for_died_before_the_demonstration(run):
    text = "On Monday, about 40 demonstrators blocked the coastal highway with burning tires in Lumbo to demand justice for the death of a trader who was allegedly shot by the police."
    events = run(text, {"Lumbo": entry("Lumbo", iso="KE")})
    assert [(e.sub_event_type, e.fatalities.count) for e in events] == [("Violent demonstration", 0)]


def test_the_dead_a_crowd_protests_over_are_not_its_dead_but_protesters_shot_are(run):
    events = run("On Monday, students protested in Lumbo over the killing of two classmates.", {"Lumbo": entry("Lumbo", iso="KE")})
    assert [(e.sub_event_type, e.fatalities.count) for e in events] == [("Peaceful protest", 0)]
    events = run("On Monday, police shot dead two protesters in Lumbo during a demonstration against fuel prices.", {"Lumbo": entry("Lumbo", iso="KE")})
    assert [(e.sub_event_type, e.fatalities.count) for e in events] == [("Excessive force against protesters", 2)]


def test_a_crowds_own_participle_clause_is_its_demonstration(run):
    text = "On Monday, hundreds of villagers vandalized a grain store in Lumbo, agitating against the rising price of maize."
    events = run(text, {"Lumbo": entry("Lumbo", iso="KE")})
    assert [e.sub_event_type for e in events] == ["Violent demonstration"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On Monday, rioters blocked the Lumbo highway with dirt mounds in both directions.", ["Violent demonstration"]),
        # a road blocked with no material (barricades, tyres, rocks) is no violence (ACLED's
        # codebook: "road-blocking using barricades, burning tires, or other material")
        ("On Monday, residents of Lumbo blocked the main road to demand water.", []),
        ("On Monday, farmers blocked the highway into Lumbo with their tractors to demand fuel.", []),
        ("On Monday, residents of Lumbo blocked the main road with rocks and logs to demand water.", ["Violent demonstration"]),
        # a mob that beats someone is mob violence; soldiers closing a road are no demonstration
        ("On Monday, a mob of rioters beat a man in Lumbo.", ["Mob violence"]),
        ("On Monday, soldiers blocked the main road into Lumbo.", []),
    ],
)
def test_a_crowd_blocking_roads_is_a_demonstration_not_a_mob(run, text, expected):
    events = run(text, {"Lumbo": entry("Lumbo", iso="LB")})
    assert [e.sub_event_type for e in events if e.sub_event_type in {"Violent demonstration", "Mob violence"}] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "On Monday, youths demonstrated in Lumbo, demanding answers from the police. "
            "Demonstrators took one of the suspects to the scene of the crime and killed him.",
            "Violent demonstration",
        ),
        # the force killing protesters is still excessive force
        ("On Monday, police shot dead two protesters in Lumbo during a demonstration against fuel prices.", "Excessive force against protesters"),
    ],
)
def test_demonstrators_who_kill_make_a_violent_demonstration(run, text, expected):
    events = run(text, {"Lumbo": entry("Lumbo", iso="KE")})
    assert [e.sub_event_type for e in events] == [expected]


def test_an_event_told_of_a_whole_country_is_coded_at_its_capital(run):
    # no place below the country: ACLED codes national-level events at the capital, precision 3
    text = "Police arrested 40 protesters on Monday, Chad's interior ministry said."
    (event,) = run(text, {"Chad": entry("Chad", feature="PCLI", iso="TD")})
    assert event.location is not None and event.location.name == "N'Djamena" and event.location.geo_precision == 3


def test_the_capital_is_that_of_the_country_named_as_a_place_not_as_a_modifier(run):
    text = "Police arrested 40 protesters on Monday, the US embassy in Chad said."
    (event,) = run(text, {"US": entry("United States", feature="PCLI", iso="US"), "Chad": entry("Chad", feature="PCLI", iso="TD")})
    assert event.location is not None and event.location.name == "N'Djamena"


def test_the_demonym_of_foreign_forces_gives_no_capital(nlp):
    text = "Kenyan soldiers set up checkpoints in the Kolbio area on Monday."
    start = text.index("Kenyan")
    kenya = entry("Kenya", feature="PCLI", iso="KE")
    places = [PlaceMention("Kenyan", start, start + len("Kenyan"), kenya, why="demonym of Kenya")]
    article = Article(id="test-article", text=text, published=dt.date(2023, 6, 14))
    events = extract_events(article, nlp(text), places)
    assert events and all(e.location is None or e.location.name != "Nairobi" for e in events)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # recruiting told by its office (round 7): the cue's own noun ("office") is no thing a
        # cue word describes; men called up for service (already read)
        ("On Monday, the rebels opened a recruitment office in Lumbo.", "Change to group/activity"),
        ("On Monday, the army began registering young men for conscription in Lumbo.", "Change to group/activity"),
        # a crowd that tried to retaliate is violent, whatever else it did
        ("On Monday, residents of Lumbo demonstrated after a policeman shot a driver, and tried to retaliate.", "Violent demonstration"),
        # a junta's council is an armed party: the deal it reaches is an agreement
        ("On Monday, the military council and the opposition coalition reached an agreement in Lumbo on sharing power.", "Agreement"),
    ],
)
def test_round_7_readings_type_their_events(run, text, expected):
    events = run(text, {"Lumbo": entry("Lumbo", iso="SD")})
    assert [e.sub_event_type for e in events] == [expected]
