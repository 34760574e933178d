"""The geocoder's work per article, counted, never timed (issue #4: under 10 ms an article).

Each test pins a saving that a later rule could undo without changing any output: the
namesake check of ``choose`` growing with the square of a name's namesakes, the focus countries
worked out anew for every name that asks, a resolved group chosen again when nothing around it
changed, a skeleton read from the index again (or searched in some 250 countries one by one).
"""

from __future__ import annotations

import re

import pytest

from thucydides.geocode import Geocoder, resolve
from thucydides.geocode.gazetteer import Gazetteer
from thucydides.model import GazetteerEntry


def _town(geonameid: int, iso: str) -> GazetteerEntry:
    return GazetteerEntry(geonameid, "Millbrook", "PPL", iso, None, None, None, 40.0 + geonameid / 100, -80.0, 5_000)


def test_a_common_name_s_namesakes_are_weighed_in_linear_time(monkeypatch):
    # thirty towns of one name in the article's two countries, none supported by the text: each
    # candidate used to ask about every other one whether the text supported it (15 x 30 times)
    candidates = [(_town(i, "US" if i % 2 else "GB"), "name") for i in range(30)]
    context = resolve.Context(focus={"US": 1.0, "GB": 1.0}, named_admin1={})
    asked: list[int] = []
    real = resolve.has_local_evidence
    monkeypatch.setattr(resolve, "has_local_evidence", lambda entry, ctx: asked.append(entry.geonameid) or real(entry, ctx))
    choice, _ = resolve.choose(candidates, None, context)
    assert choice is not None
    assert len(asked) <= 2 * len(candidates)


@pytest.fixture()
def fresh(geocoder):
    """A geocoder on its own reader of the default index: nothing remembered yet, every SQL
    statement it runs recorded (``statements``)."""
    gazetteer = Gazetteer(geocoder.gazetteer.path)
    statements: list[str] = []
    gazetteer._conn().set_trace_callback(statements.append)
    fresh = Geocoder(gazetteer)
    fresh.statements = statements
    return fresh


# a misspelt town at home and one abroad: read by skeleton in the article's country, then in
# every other one; several names with namesakes in other countries
_ARTICLE = ("Gunmen attacked a checkpoint near Kandaharr on Sunday, officials in Afghanistan said. "
            "The delegation later flew on to Islamabadd, and then to Mumbai and Cambridge.")


def test_a_skeleton_is_read_once_whatever_countries_it_is_looked_for_in(fresh):
    fresh.find_places(_ARTICLE)
    read: set[tuple[str, str | None]] = set()  # (skeleton, country), None for every country
    for statement in fresh.statements:
        if "FROM skeleton" not in statement or "skel >=" in statement:  # (the fuzzy step's prefix scan)
            continue
        countries = re.findall(r"'([A-Z]{2})'", statement.partition("skel IN")[0])
        # every country but the article's is searched by the skeleton alone, not ~250 listed
        assert len(countries) <= 50, statement[:120]
        for skel in re.findall(r"'([^']*)'", statement.partition("skel IN")[2]):
            pairs = [(skel, iso) for iso in countries] or [(skel, None)]
            assert not any(pair in read or (skel, None) in read for pair in pairs), f"{skel} read again"
            read.update(pairs)
    assert any(iso is None for _, iso in read)  # the test reads the world at least once
    fresh.statements.clear()
    fresh.find_places(_ARTICLE)
    assert fresh.statements == []  # the same article again asks the index nothing


def test_the_index_s_skeletons_are_the_same_read_in_any_order(geocoder):
    # what the reader remembers of a skeleton (some countries, or all) gives what SQLite gives
    path = geocoder.gazetteer.path
    asks = [(["kbl", "hrt", "lndn"], ["AF"]), (["kbl", "lndn"], sorted(set(Gazetteer(path).countries()) - {"AF"})),
            (["kbl", "hrt", "lndn", "bkhdd"], ["AF", "GB", "IQ"]), (["lndn"], ["CA", "GB", "US"])]
    direct = Gazetteer(path)._conn()

    def truth(skels: list[str], countries: list[str]) -> dict[str, list[tuple[int, str, str]]]:
        found: dict[str, list[tuple[int, str, str]]] = {}
        for skel in sorted(skels):
            rows = direct.execute(
                f"SELECT geonameid, key, country_iso FROM skeleton WHERE skel = ? AND country_iso IN ({','.join('?' * len(countries))})"
                " ORDER BY country_iso, rowid", [skel, *countries]).fetchall()
            if rows:
                found[skel] = rows
        return found

    for order in (asks, asks[::-1], asks[1:] + asks[:1]):
        reader = Gazetteer(path)
        for skels, countries in order:
            assert reader.by_skeleton(skels, countries) == truth(skels, countries)


def test_each_name_votes_for_the_focus_a_few_times_however_many_names_ask(fresh, monkeypatch):
    # every name with a namesake abroad asks for the article's countries without its own vote:
    # the names' votes are counted once per article, not once per asking name
    from thucydides.geocode import context, geocoder as geocoder_module

    votes: dict[int, int] = {}
    real = context.country_vote

    def counted(item):
        votes[id(item)] = votes.get(id(item), 0) + 1
        return real(item)

    monkeypatch.setattr(context, "country_vote", counted)
    monkeypatch.setattr(geocoder_module, "country_vote", counted)
    text = ("Storms flooded Plymouth, Portsmouth and Cambridge in England on Monday; Bristol, Durham, "
            "Lancaster and Richmond were spared, and trains to Manchester and Birmingham ran late.")
    mentions = fresh.find_places(text)
    assert len([m for m in mentions if m.entry is not None]) >= 8
    assert max(votes.values()) <= 4


def test_a_name_alone_is_chosen_twice_not_three_times(fresh, monkeypatch):
    # the second round re-chooses a group only when another group's choice changed since
    from thucydides.geocode import geocoder as geocoder_module

    chosen: list[str] = []
    real = geocoder_module.choose
    monkeypatch.setattr(geocoder_module, "choose", lambda candidates, kind, ctx: chosen.append(kind) or real(candidates, kind, ctx))
    [mention] = fresh.find_places("Heavy rain fell across Mongolia on Monday.")
    assert mention.entry is not None and mention.entry.country_iso == "MN"
    assert len(chosen) == 2  # the first pass with the focus alone, one round with the others' evidence
