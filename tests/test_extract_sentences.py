"""Sentence-level rules of extraction: cues, dates, casualties, actors, attribution, status.

Every sentence here is written for the test, about other places and groups than the seed
report, so that the rules are shown to be general.
"""

from __future__ import annotations

import datetime as dt

import pytest

from thucydides.extract import status
from thucydides.extract.actors import ActorContext, actors_in, is_group_name
from thucydides.extract.attribution import SpeakerMemory, chain_for, statements_in
from thucydides.extract.casualties import combine, counts_in, explicit_coding, parse_number
from thucydides.extract.dates import find_dates, is_time_word
from thucydides.extract.sentences import Sentence, sentences_of
from thucydides.extract.triggers import find_cues


@pytest.fixture(scope="module")
def sentence(nlp):
    def first(text: str) -> Sentence:
        return sentences_of(text, nlp(text), [])[0]

    return first


def categories(sentence: Sentence) -> set[str]:
    return {cue.category for cue in find_cues(sentence)}


# --- cues ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rebels seized the town of Kidal after heavy fighting.", {"takeover", "clash"}),
        ("The village fell to the militants on Monday.", {"takeover"}),
        ("Government troops recaptured Hajin from the jihadists.", {"retake"}),
        ("A drone strike hit a car near Jilib.", {"air"}),
        ("Artillery shelling destroyed homes in Avdiivka.", {"shelling"}),
        ("A roadside bomb exploded under a bus near Kismayo.", {"ied", "explosion"}),
        ("A suicide bomber blew himself up at a checkpoint in Baidoa.", {"suicide"}),
        ("Men threw a hand grenade into a bar in Bujumbura.", {"grenade"}),
        ("Gunmen kidnapped twelve farmers near Kaduna.", {"abduct"}),
        ("Soldiers raped two women in the village.", {"sexual"}),
        ("Thousands of students marched through Khartoum.", {"protest"}),
        ("Police fired tear gas to disperse the crowd.", {"intervention"}),
        ("Youths pelted stones at police and burned tires.", {"riot_violence"}),
        ("The two sides signed a truce in Geneva.", {"agreement"}),
        ("The army deployed reinforcements to Kayes.", {"group_change"}),
        ("Police defused an explosive device outside the market.", {"disrupted"}),
        ("Fighters looted shops in Bunia.", {"loot"}),
        ("More than 2,000 families fled to Goma.", {"displacement"}),
    ],
)
def test_cues_of_each_kind(sentence, text, expected):
    assert expected <= categories(sentence(text))


@pytest.mark.parametrize(
    "text",
    [
        "Police seized weapons in a raid on a house in Aleppo.",  # weapons are no territory
        "The meeting took place in Bamako on Monday.",  # "took place" is no capture
        "The commander took part in the talks.",
    ],
)
def test_no_takeover_without_territory(sentence, text):
    assert "takeover" not in categories(sentence(text))


def test_strike_means_air_strike_only_near_aircraft(sentence):
    assert "air" in categories(sentence("Warplanes carried out strikes on Maarat al-Numan."))
    assert "air" not in categories(sentence("Teachers went on strike in Lagos over unpaid wages."))


def test_shot_down_is_disrupted_weapons_not_a_shooting(sentence):
    found = categories(sentence("Forces shot down a drone over Tripoli."))
    assert "disrupted" in found and "attack" not in found


# --- dates -------------------------------------------------------------------------------------

PUBLISHED = dt.date(2023, 6, 14)  # a Wednesday


@pytest.mark.parametrize(
    ("text", "value", "precision", "background"),
    [
        ("The attack happened on Sunday.", dt.date(2023, 6, 11), 1, False),
        ("It began late Wednesday night.", dt.date(2023, 6, 14), 1, False),
        ("Troops arrived yesterday.", dt.date(2023, 6, 13), 1, False),
        ("Fighting resumed on 12 June 2023.", dt.date(2023, 6, 12), 1, False),
        ("Clashes broke out on June 10.", dt.date(2023, 6, 10), 1, False),
        ("Talks collapsed last week.", dt.date(2023, 6, 7), 2, True),
        ("Protests erupted in March.", dt.date(2023, 3, 15), 3, True),
        ("The town was destroyed more than 20 years ago.", None, None, True),
        ("Rebels held the valley in the 1990s.", None, None, True),
        ("The group has operated there since 2015.", None, None, True),
        ("Occupation lasted from 1975 to 1999.", None, None, True),
    ],
)
def test_dates_resolved_against_publication(sentence, text, value, precision, background):
    found = find_dates(sentence(text), PUBLISHED)
    assert found, text
    mention = found[0]
    assert mention.value == value
    assert mention.precision == precision
    assert mention.background is background


@pytest.mark.parametrize(
    ("text", "background"),
    [
        ("Since March, 40 people have been killed in the district.", True),
        ("In 2019, the rebels held the valley.", True),
        ("Until 10 June, 750 prisoners had been released.", True),
        ("As of 12 June, the family had no news of him.", True),
        ("The curfew has been in force since 9 June 2023.", True),
        # a day closing the event's own span keeps its day
        ("The fighting lasted until 12 June.", False),
        ("On 12 June, troops entered the town.", False),
    ],
)
def test_a_span_opened_or_closed_by_a_date_is_a_recap(sentence, text, background):
    mention = find_dates(sentence(text), PUBLISHED)[0]
    assert mention.background is background


def test_a_weekday_is_never_after_publication(sentence):
    (mention,) = find_dates(sentence("The convoy was ambushed on Thursday."), PUBLISHED)
    assert mention.value == dt.date(2023, 6, 8)


@pytest.mark.parametrize(
    ("word", "expected"),
    [("Tuesday", True), ("march", True), ("Sept", True), ("night", True), ("weekend", True), ("weeks", True),
     ("yesterday", True), ("2023", True), ("attacks", False), ("statement", False), ("Twitter", False), ("230", False)],
)
def test_a_time_word_is_told_from_a_thing(word, expected):
    assert is_time_word(word) is expected


def test_a_yearless_date_ahead_is_a_plan(sentence):
    (mention,) = find_dates(sentence("Talks will open in Doha on July 2."), PUBLISHED)
    assert mention.value == dt.date(2023, 7, 2) and mention.future


def test_a_range_of_days_and_its_parenthesised_refinement(sentence):
    found = find_dates(sentence("Around 8 May 2023 (from 7 - 8 May), militants raided Diffa."), dt.date(2023, 5, 8))
    assert found[0].value == dt.date(2023, 5, 8) and not found[0].qualifier
    assert found[1].qualifier and found[1].until == dt.date(2023, 5, 8)
    (plain,) = find_dates(sentence("Fighting raged from 3 to 5 June 2023 in Bakhmut."), PUBLISHED)
    assert (plain.value, plain.until) == (dt.date(2023, 6, 3), dt.date(2023, 6, 5))


# --- casualties -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("At least twelve soldiers were killed in the ambush.", 12),
        ("The blast killed more than 6,000 people over the years.", 6000),
        ("Gunmen shot dead a teacher in Mopti.", 1),
        ("Militants killed eight police officers and five customs agents.", 13),
        ("Between 10 and 30 villagers died in the raid.", 10),
        ("Dozens of fighters were killed.", 12),
        ("The strike left 20 insurgents dead.", 20),
        ("Four soldiers were shot and killed by the rebels.", 4),
        ("The raid claimed the lives of 15 civilians.", 15),
    ],
)
def test_death_counts(sentence, text, count):
    deaths = [c for c in counts_in(sentence(text)) if c.kind == "death"]
    assert deaths and combine(deaths, []).count == count, text


def test_ranges_keep_low_and_high(sentence):
    fatalities = combine(counts_in(sentence("Between 10 and 30 villagers died in the raid.")), [])
    assert (fatalities.count, fatalities.low, fatalities.high) == (10, 10, 30)


def test_injuries_and_casualties_are_never_deaths(sentence):
    counts = counts_in(sentence("Seven people were wounded and there were heavy casualties."))
    assert all(c.kind == "injury" for c in counts)
    assert combine(counts, ["heavy casualties"]).count == 0
    assert "heavy casualties" in combine(counts, ["heavy casualties"]).text


def test_the_killer_is_not_counted_among_the_dead(sentence):
    counts = counts_in(sentence("A car bomb killed three soldiers in Galkayo."))
    assert [c.value for c in counts if c.kind == "death"] == [3]


def test_members_who_shot_others_dead_are_not_counted(sentence):
    # (session 10: "Members" was read as three dead, the parse hanging the dead on "dead")
    counts = counts_in(sentence("Members of the Grand Ravine gang shot dead four people in Croix-des-Bouquets on Sunday."))
    assert [c.value for c in counts if c.kind == "death"] == [4]


def test_conflicting_figures_give_the_lowest():
    from thucydides.extract.casualties import Count

    counts = [Count("death", 10, None, None, "ten people", 0, 1, 0), Count("death", 9, None, None, "nine people", 2, 3, 1)]
    fatalities = combine(counts, [])
    assert (fatalities.count, fatalities.low, fatalities.high) == (9, 9, 10)


def test_number_words():
    assert parse_number("one hundred and sixty four") == 164
    assert parse_number("forty-one") == 41
    assert parse_number("6,000") == 6000
    assert parse_number("three thousand") == 3000


def test_a_sources_own_fatality_coding_and_its_spread():
    assert explicit_coding("Unknown fatalities coded as 10 and spread across two locations.") == (10, 2)
    # one event a place a day: three places over two days are six events
    assert explicit_coding("Fatalities coded as 12, spread over four villages in three days.") == (12, 12)
    assert explicit_coding("Fatalities coded as 20 and split up between 3 events.") == (20, 3)
    assert explicit_coding("Nothing said here.") is None


# --- actors -------------------------------------------------------------------------------------


def names(found) -> list[tuple[str, int | None]]:
    return [(m.actor.name, m.actor.inter) for m in found]


def test_the_taliban_change_type_on_15_august_2021(sentence):
    text = "Taliban fighters entered the city."
    before = actors_in(sentence(text), ActorContext("AF", dt.date(2021, 8, 14)))
    after = actors_in(sentence(text), ActorContext("AF", dt.date(2021, 8, 15)))
    assert names(before) == [("Taliban", 2)]
    assert names(after) == [("Taliban", 1)]


def test_sudans_rsf_were_state_forces_until_april_2023(sentence):
    text = "The RSF attacked a village."
    assert names(actors_in(sentence(text), ActorContext("SD", dt.date(2022, 1, 1))))[0][1] == 1
    assert names(actors_in(sentence(text), ActorContext("SD", dt.date(2024, 1, 1))))[0] == ("Rapid Support Forces", 2)


@pytest.mark.parametrize(
    ("text", "country", "expected"),
    [
        ("Unidentified gunmen opened fire on a bus.", "ML", ("Unidentified Armed Group (Mali)", 3)),
        ("Anti-junta forces ambushed a convoy.", "MM", ("Anti-Junta forces", 3)),
        ("Protesters gathered outside parliament.", "CO", ("Protesters (Colombia)", 6)),
        ("Rioters set cars on fire.", "CO", ("Rioters (Colombia)", 5)),
        ("Police arrested the organisers.", "UA", ("Police Forces of Ukraine", 1)),
        ("Soldiers fired on the crowd.", "SO", ("Military Forces of Somalia", 1)),
        ("Al-Shabab militants stormed the base.", "SO", ("Al Shabaab", 2)),
        ("JNIM fighters attacked the post.", "BF", ("JNIM: Group for Support of Islam and Muslims", 2)),
        ("Hamas fired rockets.", "IL", ("Hamas Movement", 2)),
        ("Members of the ELN surrendered.", "CO", ("ELN: National Liberation Army", 2)),
    ],
)
def test_actor_names_and_inter_codes(sentence, text, country, expected):
    found = names(actors_in(sentence(text), ActorContext(country, dt.date(2023, 6, 1))))
    assert expected in found, found


def test_foreign_state_forces_are_external(sentence):
    found = actors_in(sentence("Russian jets bombed the market."), ActorContext("SY", dt.date(2023, 6, 1)))
    assert names(found) == [("Military Forces of Russia", 1)] or names(found) == [("Military Forces of Russia", 8)]
    generic = actors_in(sentence("Turkish soldiers crossed the border."), ActorContext("SY", dt.date(2023, 6, 1)))
    assert names(generic) == [("Military Forces of Turkey", 8)]


def test_a_group_name_is_never_a_place():
    assert is_group_name("al-Shabab") and is_group_name("Fano") and not is_group_name("Kismayo")


# --- attribution ----------------------------------------------------------------------------


def test_a_ministers_tweet(sentence):
    found = statements_in(sentence("Interior Minister General Amadou Diallo said in a tweet that the town had been retaken."), SpeakerMemory())
    (statement,) = found
    assert (statement.link.speaker, statement.link.role, statement.link.channel) == ("Amadou Diallo", "Interior Minister", "tweet")
    assert statement.is_party


def test_an_outlet_quoting_a_commander_and_the_coordinated_statement(sentence):
    text = "Radio Dalsan quoted a local army commander as saying that the base was under the control of the militia and stated that there were heavy losses."
    found = statements_in(sentence(text), SpeakerMemory())
    assert [s.link.speaker for s in found] == ["local army commander", "local army commander"]
    assert all(s.link.via == "Radio Dalsan" for s in found)


def test_according_to_and_told(sentence):
    (according,) = statements_in(sentence("Five people were killed, according to local residents."), SpeakerMemory())
    assert according.link.speaker == "local residents" and according.is_neutral
    (told,) = statements_in(sentence("Security sources told Reuters that the convoy was hit."), SpeakerMemory())
    assert told.link.via == "Reuters"


def test_a_pronoun_speaker_is_the_last_named_one(sentence):
    memory = SpeakerMemory()
    statements_in(sentence("Colonel Ibrahim Traore, the army spokesman, said the post was attacked."), memory)
    (again,) = statements_in(sentence("He said two soldiers were wounded."), memory)
    assert again.link.speaker == "Ibrahim Traore"


def test_the_chain_of_an_event_is_innermost_first(sentence):
    text = "Radio Dalsan quoted a local army commander as saying that the base was under the control of the militia."
    s = sentence(text)
    statements = statements_in(s, SpeakerMemory())
    base = next(t for t in s.span if t.text == "base")
    assert [x.link.speaker for x in chain_for(base.i, statements)] == ["local army commander"]


# --- status -----------------------------------------------------------------------------------


def token(s: Sentence, word: str):
    return next(t for t in s.span if t.text == word)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The rebels have not yet attacked Gao.", "attacked"),
        ("There were no clashes in the district.", "clashes"),
        ("No one claimed responsibility for the attack.", "attack"),
        ("The army has not so far tried to recapture the town.", "recapture"),
        ("The militia refused to withdraw.", "withdraw"),
    ],
)
def test_negated_cues(sentence, text, word):
    assert status.negated(token(sentence(text), word))


def test_a_negation_outside_the_cue_does_not_negate_it(sentence):
    s = sentence("There is no link between the bombing and the demonstrations in Tunis.")
    assert not status.negated(token(s, "demonstrations"))
    s = sentence("A reason for the demonstration was not reported.")
    assert not status.negated(token(s, "demonstration"))


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("The insurgents vowed to attack the capital.", "attack", "planned"),
        ("The army will launch an offensive.", "offensive", "planned"),
        ("The airport could be shelled at any time.", "shelled", "hypothetical"),
        ("If confirmed, the massacre would be the worst this year.", "massacre", "hypothetical"),
        ("The road has probably been mined.", "mined", "hypothetical"),
        ("Militants attacked the post.", "attacked", None),
    ],
)
def test_modality(sentence, text, word, expected):
    s = sentence(text)
    assert status.modality(token(s, word), statements_in(s, SpeakerMemory())) == expected


def test_opinion_is_no_event(sentence):
    s = sentence("Analysts fear that the jihadists will seize Timbuktu.")
    assert status.in_opinion(token(s, "seize"))


def test_habits_and_tallies(sentence):
    assert status.habitual("The group frequently carries out such bombings.", list(sentence("The group frequently carries out such bombings.").span))
    assert status.habitual("Bandits have attacked villages in recent years.", [])
    assert not status.habitual("Bandits attacked the village on Friday.", list(sentence("Bandits attacked the village on Friday.").span))


def test_claims_and_reports():
    from thucydides.extract.attribution import Statement
    from thucydides.model import Attribution

    party = Statement(None, Attribution("Defence Ministry spokesman"), "say", set(), set(), "defence ministry spokesman")  # type: ignore[arg-type]
    neutral = Statement(None, Attribution("residents"), "say", set(), set(), "residents")  # type: ignore[arg-type]
    assert status.report_status([[party]], corroborated=False, article_unverified=False, self_claim=True) == "claimed"
    assert status.report_status([[party]], corroborated=True, article_unverified=False, self_claim=True) == "reported"
    assert status.report_status([[party]], corroborated=False, article_unverified=False, self_claim=False) == "reported"
    assert status.report_status([[party]], corroborated=False, article_unverified=True, self_claim=False) == "claimed"
    assert status.report_status([[neutral]], corroborated=False, article_unverified=False, self_claim=True) == "reported"
    assert status.report_status([], corroborated=False, article_unverified=False, self_claim=True) == "reported"
