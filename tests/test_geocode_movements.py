"""A place inside the name of a movement or campaign names the movement, not where anything
happened: a quoted name of capitalised words ("Save Lagos Now") or capitalised words ending in a
movement's word ("the Free Kherson Committee", "the Don't Let Belgrade Drown movement").

The geocoder keeps one mention of the name, resolved at its place and marked as an
organisation (never an event's location); the other words matched inside it ("Save", read as
the town Savé in Benin) are dropped. Sentences written for these tests.
"""

from __future__ import annotations

import datetime as dt

import pytest

from thucydides.extract import extract_events
from thucydides.geocode import is_named_after, is_organisation
from thucydides.model import Article


def places_of(geocoder, text: str):
    return {m.text: m for m in geocoder.find_places(text)}


@pytest.mark.parametrize(
    ("text", "name", "iso"),
    [
        ('Activists of the "Save Lagos Now" campaign handed out leaflets.', "Save Lagos Now", "NG"),
        ("Members of “Don't Let Belgrade Drown” met on Friday.", "Don't Let Belgrade Drown", "RS"),
        ("Supporters of the Don't Let Belgrade Drown movement met on Friday.", "Don't Let Belgrade Drown", "RS"),
        ("The Free Kherson Committee met on Friday.", "Free Kherson Committee", "UA"),
    ],
)
def test_a_place_inside_a_movements_name_is_the_movements_name(geocoder, text, name, iso):
    found = places_of(geocoder, text)
    assert name in found
    mention = found[name]
    assert mention.entry is not None and mention.entry.country_iso == iso
    assert is_organisation(mention) and is_named_after(mention)
    # no other word of the name is a place of its own ("Save" is no town in Benin)
    assert [m for m in found.values() if m is not mention and mention.start <= m.start < mention.end] == []
    assert all(m.entry is None or m.entry.country_iso != "BJ" for m in found.values())


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a quoted place, or a place with only the words of its kind, is still a place
        ('Shelling hit the so-called "Luhansk People\'s Republic" on Sunday.', "Luhansk"),
        ("Ukrainian forces pressed the Kherson campaign on Sunday.", "Kherson"),
        ('Residents of "Kidal" returned home.', "Kidal"),
        # a quoted sentence, or words quoted in a headline written in capitals, name no movement
        ('"Kidal Has Fallen," a rebel commander said on Monday.', "Kidal"),
        ('Rebels Say "Kidal Is Ours" After Battle\nRebels said on Monday they had taken the town.', "Kidal"),
    ],
)
def test_a_quoted_place_or_a_campaign_at_a_place_stays_a_place(geocoder, text, name):
    found = places_of(geocoder, text)
    assert name in found and not is_organisation(found[name])


def test_a_protest_by_movements_named_after_places_is_where_it_marched(geocoder, nlp):
    text = ('Thousands of activists from the "Save Lagos Now" movement and the Free Kherson Committee '
            "marched through Tamale on Friday. Members of \"Don't Let Belgrade Drown\" joined the march.")
    doc = nlp(text)
    places = geocoder.find_places(text, doc)
    events = extract_events(Article(id="movements", text=text, published=dt.date(2024, 3, 4)), doc, places)
    assert [(e.sub_event_type, e.location.name if e.location else None) for e in events] == [("Peaceful protest", "Tamale")]
    assert events[0].actor1 is not None and events[0].actor1.name == "Protesters (Ghana)"
