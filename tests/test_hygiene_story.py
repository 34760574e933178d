"""What a later "where the attack occurred" takes from the accounts told before it.

Invented reports; places given by hand (see test_extract_events.py).
"""

from __future__ import annotations

import datetime as dt

from thucydides.extract import extract_events
from thucydides.model import Article

from test_extract_events import entry, places_in


def test_the_attack_retold_at_a_town_keeps_the_attackers_not_the_patrol_a_quote_describes(nlp):
    # the quote about what the convoy was there to fight only took the place of the sentence
    # before: the kind of violence and who did it come from the account told at a named place
    state = entry("Durango State", feature="ADM1", iso="MX")
    places = {"Durango State": state, "Santiago Papasquiaro": entry("Santiago Papasquiaro", iso="MX", admin1_id=state.geonameid)}
    text = (
        "Gunmen kill 9 police in ambush in northern Mexico\n"
        "Gunmen ambushed a police convoy on Friday in northern Mexico, killing nine state police officers in a burst of gunfire, officials said.\n"
        "The Friday ambush set off a manhunt in a hilly area of Durango State.\n"
        '"The convoy was out on patrol to fight the gangs active in those hills," the police chief said.\n'
        "It is unclear which gang the gunmen belonged to. Several are active around Santiago Papasquiaro, where the attack occurred."
    )
    article = Article(id="retold", text=text, published=dt.date(2022, 3, 12))
    (event,) = extract_events(article, nlp(text), places_in(text, places))
    assert (event.sub_event_type, event.location.text) == ("Armed clash", "Santiago Papasquiaro")
    # gunmen a gang sent: ACLED's unidentified gang in Mexico (the attackers, not the patrol)
    assert event.actor1.name == "Unidentified Gang (Mexico)"
    assert event.actor2.name.startswith("Police Forces of Mexico")
    assert event.fatalities.count == 9
