"""Deaths told after an event belong to it only when they are clearly the same happening.

Invented reports; places given by hand (see test_extract_events.py).
"""

from __future__ import annotations

import datetime as dt

import pytest

from thucydides.model import Event

from test_extract_events import entry, events_in

GAO = {"Gao": entry("Gao", iso="ML")}
ATTACK = "On 8 March 2022, militants attacked a police post in Gao. "


@pytest.fixture(scope="module")
def run(nlp):
    def extract(text: str, gazetteer: dict = GAO) -> list[Event]:
        return events_in(nlp, text, gazetteer, dt.date(2022, 3, 10))

    return extract


@pytest.mark.parametrize(
    "after",
    [
        "Separately, flooding killed 12 people.",  # another story, and no violence
        "Separately, 12 people died in floods.",
        "In a separate incident, two children died of cholera.",
        "Meanwhile, 30 migrants died in the desert.",
        "A road accident killed three people.",  # a cause of its own
        "Three people died.",  # people the event was never told about
    ],
)
def test_deaths_of_another_happening_are_not_the_events(run, after):
    (event,) = run(ATTACK + after)
    assert (event.location.text, event.fatalities.count) == ("Gao", 0)


@pytest.mark.parametrize(
    ("after", "dead"),
    [
        ("Two officers died in the attack.", 2),  # the event told back
        ("Two officers later died of their wounds.", 2),
    ],
)
def test_deaths_told_back_to_the_event_are_its(run, after, dead):
    (event,) = run(ATTACK + after)
    assert event.fatalities.count == dead


def test_the_victims_told_before_dying_are_the_events(run):
    text = "On 8 March 2022, gunmen shot a farmer and his son near Gao. The son died and the farmer was taken to hospital."
    (event,) = run(text)
    assert event.fatalities.count == 1


@pytest.mark.parametrize("text", ["On 8 March 2022, flooding killed 12 people in Gao.", "On 8 March 2022, a landslide killed three people in Gao."])
def test_deaths_without_violence_are_no_event(run, text):
    assert run(text) == []


def test_a_killing_by_someone_is_still_an_event(run):
    (event,) = run("On 8 March 2022, gunmen killed three people in Gao.")
    assert (event.sub_event_type, event.fatalities.count) == ("Attack", 3)


@pytest.mark.parametrize("after", ["Separately, gunmen killed two herders.", "In a separate incident, gunmen shot dead two herders."])
def test_a_killing_told_as_another_story_does_not_take_the_place_or_the_dead_of_the_one_before(run, after):
    events = run(ATTACK + after)
    assert [(e.location.text, e.fatalities.count) for e in events if e.location is not None] == [("Gao", 0)]


@pytest.mark.parametrize(("toll", "counts"), [("two", [2, 1]), ("five", [4, 1])])
def test_a_lower_toll_confirmed_by_another_source_is_the_lowest_figure(run, toll, counts):
    # ACLED codes the lowest of conflicting reports; a higher toll is the total of both events
    places = {"Kharkiv": entry("Kharkiv", iso="UA"), "Izium": entry("Izium", iso="UA")}
    text = (
        "On 8 March 2022, artillery shelling killed four people in Kharkiv and one in Izium, the regional administration said. "
        f"The regional governor confirmed {toll} fatalities."
    )
    events = run(text, places)
    assert [(e.location.text, e.fatalities.count) for e in events] == list(zip(["Kharkiv", "Izium"], counts))


def test_conjoined_counts_each_with_its_place_are_two_tolls(run):
    places = {"Kharkiv": entry("Kharkiv", iso="UA"), "Izium": entry("Izium", iso="UA")}
    text = "On 8 March 2022, artillery shelling killed four people in Kharkiv and one in Izium."
    events = run(text, places)
    assert [(e.location.text, e.fatalities.count) for e in events] == [("Kharkiv", 4), ("Izium", 1)]


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        ("On 9 March 2022, soldiers shot dead five people at a market in Gao.", 5),
        ("On 9 March 2022, gunmen shot dead two traders in Gao.", 2),
        ("On 9 March 2022, militants attacked a post in Gao, leaving 12 soldiers dead.", 12),  # the object is the dead
        ("On 9 March 2022, three soldiers lay dead after the attack on a post in Gao.", 3),
    ],
)
def test_who_shoots_someone_dead_is_not_among_the_dead(run, text, dead):
    (event,) = run(text)
    assert event.fatalities.count == dead
