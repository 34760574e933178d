"""Who says it: reporting frames in a sentence, and the sources of an event across the article.

Every text is written for the tests (Mali, Burkina Faso, Niger, Nigeria, Yemen, Peru, Ukraine,
Sudan…); none is a gold article's.
"""

from __future__ import annotations

import datetime as dt

import pytest

from test_extract_events import entry as events_entry
from test_extract_events import places_in
from thucydides.extract import extract_events
from thucydides.extract.attribution import SpeakerMemory, chain_for, statements_in
from thucydides.extract.sentences import Sentence, sentences_of
from thucydides.model import Article, Event, GazetteerEntry



@pytest.fixture(scope="module")
def sentence(nlp):
    def first(text: str) -> Sentence:
        return sentences_of(text, nlp(text), [])[0]

    return first


def word(s: Sentence, text: str):
    return next(t for t in s.span if t.text == text)


def test_it_is_never_the_person_last_heard(nlp):
    text = "Families fled the town overnight, a local aid worker said. The army did not comment. It has repeatedly said it only targets terrorists. He said more would follow."
    memory = SpeakerMemory()
    found = [st for s in sentences_of(text, nlp(text), []) for st in statements_in(s, memory)]
    speakers = [st.link.speaker for st in found]
    assert speakers[0] == "local aid worker"
    assert "local aid worker" not in speakers[1:-1] and not found[1].is_neutral
    assert speakers[-1] == "local aid worker"  # ("he" may be)


# --- one sentence ------------------------------------------------------------------------------


def test_a_confirmation_reports_its_object(sentence):
    s = sentence("Police spokesman Ali Garba confirmed the incident in a statement.")
    (statement,) = statements_in(s, SpeakerMemory())
    assert (statement.link.speaker, statement.link.role, statement.link.channel) == ("Ali Garba", "Police spokesman", "statement")
    assert word(s, "incident").i in statement.complement


def test_a_topic_phrase_is_what_is_reported(sentence):
    s = sentence("The governor also informed about attacks against a police post in Kidal.")
    (statement,) = statements_in(s, SpeakerMemory())
    assert word(s, "attacks").i in statement.complement


@pytest.mark.parametrize(
    "text",
    [
        "An air raid was reported on the Sirwah front.",  # passive: the raid itself, at Sirwah
        "The mayor said on Tuesday.",  # a day is no topic
        "The police said on 3 March.",  # nor a date
        "The army commented on Sunday morning.",
    ],
)
def test_no_topic_where_there_is_none(sentence, text):
    s = sentence(text)
    time = next(w for w in ("Sirwah", "Tuesday", "March", "morning") if w in text)
    assert all(word(s, time).i not in st.complement for st in statements_in(s, SpeakerMemory()))


def test_a_participle_says_what_its_clause_subject_says(sentence):
    s = sentence("Colonel Moussa Keita confirmed the ambush, saying three soldiers were killed near Menaka.")
    statements = statements_in(s, SpeakerMemory())
    killed = word(s, "killed")
    assert [x.link.speaker for x in chain_for(killed.i, statements)] == ["Moussa Keita"]


def test_a_that_clause_misread_as_an_object_is_still_reported(sentence):
    memory = SpeakerMemory()
    statements_in(sentence("Regional governor Oleh Syniehubov said two people were wounded."), memory)
    s = sentence("He added that a Russian drone strike damaged a power line in the town of Kupiansk.")
    statements = statements_in(s, memory)
    assert [x.link.speaker for x in chain_for(word(s, "strike").i, statements)] == ["Oleh Syniehubov"]


def test_a_surname_of_several_words_is_the_speaker_named_before(sentence):
    memory = SpeakerMemory()
    statements_in(sentence("Juan Carlos Huamán Quispe, the prefect of Puno, said a bridge was blown up."), memory)
    (again,) = statements_in(sentence("Huamán Quispe said the road was closed."), memory)
    assert again.link.speaker == "Juan Carlos Huamán Quispe"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The information centre on rocket attacks said a school was hit.", "information centre on rocket attacks"),
        ("Residents in Tillaberi and Ayorou said soldiers were deployed.", "Residents in Tillaberi and Ayorou"),
        ("Residents said on Friday that the market burned.", "Residents"),
        # a time after the speaker tells when, not who ("residents in Tillaberi" tells who)
        ("Residents on Sunday said soldiers were deployed.", "Residents"),
        ("Witnesses at night said gunmen fired on the camp.", "Witnesses"),
    ],
)
def test_a_speaker_told_by_a_phrase(sentence, text, speaker):
    (statement,) = statements_in(sentence(text), SpeakerMemory())
    assert statement.link.speaker == speaker and statement.link.role is None


def test_the_group_and_the_agency_are_named(sentence):
    memory = SpeakerMemory(groups=["JNIM"])
    (group,) = statements_in(sentence("In a statement, the group said it had lost two fighters."), memory)
    assert (group.link.speaker, group.link.channel) == ("JNIM", "statement") and group.is_party
    statements_in(sentence("Witnesses told Reuters that the camp was shelled."), memory)
    (agency,) = statements_in(sentence("Nine civilians died, the agency reported."), memory)
    assert agency.link.speaker == "Reuters"
    # described, not referred back to: a group of people is no armed group
    (described,) = statements_in(sentence("The group of residents said the well was poisoned."), memory)
    assert described.link.speaker != "JNIM"


# --- the article: every source of an event -----------------------------------------------------


def entry(name: str, feature: str = "PPL", iso: str = "NG", **ids) -> GazetteerEntry:
    return events_entry(name, feature, iso, **ids)


@pytest.fixture(scope="module")
def run(nlp):
    def extract(text: str, gazetteer: dict[str, GazetteerEntry], published: dt.date = dt.date(2024, 3, 10)) -> list[Event]:
        return extract_events(Article(id="attribution-test", text=text, published=published), nlp(text), places_in(text, gazetteer))

    return extract


def speakers(event: Event) -> list[str]:
    return [link.speaker for link in event.attribution]


def test_the_leads_source_and_a_later_confirmation_are_sources_of_the_event(run):
    state = entry("Sokoto", "ADM1", gid=900001)
    text = (
        "Gunmen kidnapped 40 villagers in Nigeria's Sokoto state, a police official said on Sunday.\n\n"
        "The abduction took place on Saturday in the village of Kebbe, two residents said.\n\n"
        "Police spokesman Ahmed Rufai confirmed the incident in a statement."
    )
    events = run(text, {"Sokoto": state, "Kebbe": entry("Kebbe", admin1_id=900001)})
    (event,) = [e for e in events if e.location and e.location.text == "Kebbe"]
    assert {"police official", "two residents", "Ahmed Rufai"} <= set(speakers(event))


def test_a_source_in_a_sentence_naming_the_place_is_a_source_of_the_event_there(run):
    text = (
        "The army said its troops entered Dinder overnight after the rebels withdrew.\n\n"
        "Residents of Dinder confirmed that soldiers were now patrolling the streets."
    )
    events = run(text, {"Dinder": entry("Dinder", iso="SD")})
    (event,) = [e for e in events if e.location and e.location.text == "Dinder"]
    assert "Residents of Dinder" in speakers(event)


def test_a_statement_referring_to_nothing_told_is_no_source(run):
    text = (
        "Militants attacked an army post in Dori on Monday, killing four soldiers, the army said.\n\n"
        "Separately, the minister said the budget would be debated next week."
    )
    events = run(text, {"Dori": entry("Dori", iso="BF")})
    (event,) = [e for e in events if e.location and e.location.text == "Dori"]
    assert speakers(event) == ["army"]


def test_an_armed_groups_statement_is_named_after_the_group(run):
    text = (
        "A car bomb exploded at a checkpoint in Marib on Sunday, killing six soldiers.\n\n"
        "The Houthis were blamed for the attack by local officials.\n\n"
        "In a statement, the group confirmed the bombing."
    )
    events = run(text, {"Marib": entry("Marib", iso="YE")})
    (event,) = [e for e in events if e.location and e.location.text == "Marib"]
    assert any(link.speaker == "Houthis" and link.channel == "statement" for link in event.attribution)
