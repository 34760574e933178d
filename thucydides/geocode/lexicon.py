"""The geocoder's word lists, read once from ``data/lexicon.toml``, ``data/demonyms.tsv``,
``data/abbreviations.tsv`` and (the index builder's) ``data/town_names.toml``."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from thucydides.geocode.normalise import name_key


@dataclass(frozen=True)
class Lexicon:
    titles: frozenset[str]  # titles and first names: the name after one is a person's
    media_words: frozenset[str]
    person_object_verbs: frozenset[str]  # "arrested Musa Bello": the name after one is a person's
    facility_words: frozenset[str]
    place_cues: frozenset[str]
    kind_words: dict[str, str]  # "district" → "ADM2"
    calendar: frozenset[str]
    common: frozenset[str]
    demonyms: dict[str, str]  # name key ("south korean") → ISO code or region name
    organisation_of_heads: frozenset[str] = frozenset()  # "university" of "University of Alberta"
    organisation_end_heads: frozenset[str] = frozenset()  # "university" of "Colorado State University"
    institution_short_heads: frozenset[str] = frozenset()  # "tech" of "Georgia Tech"
    states_called_state: frozenset[str] = frozenset()  # "new york": "New York State" is the state
    movement_heads: frozenset[str] = frozenset()  # "committee" of "Free Kherson Committee"
    team_words: frozenset[str] = frozenset()  # "wanderers" of "Morpeth Wanderers"
    force_heads: frozenset[str] = frozenset()  # "brigade" of "Naval Brigade"
    group_names: frozenset[str] = frozenset()  # name keys of armed groups ("fano", "al shabab")
    group_words: frozenset[str] = frozenset()  # the words of those names ("security", "belt")
    locality_prefixes: frozenset[str] = frozenset()  # "colonia" of "Colonia Las Flores"
    name_opening_words: frozenset[str] = frozenset()  # "tell" of "Tell Zahab": common alone, not first in a name
    facility_heads: frozenset[str] = frozenset()  # "stadium" of "Kasarani Stadium"
    street_words: frozenset[str] = frozenset()  # "road" of "Oxford Road"
    street_openers: frozenset[str] = frozenset()  # "avenida" of "Avenida Paulista"
    result_verbs: frozenset[str] = frozenset()  # "beat" of "Leeds beat Chelsea"
    storm_words: frozenset[str] = frozenset()  # "tropical", "storm" of "Tropical Storm Maria"
    storm_heads: frozenset[str] = frozenset()  # "storm" of "Tropical Storm Maria"
    facility_openers: frozenset[str] = frozenset()  # "lake" of "Lake Eyasi"
    facility_names: frozenset[str] = frozenset()  # "capitol": a building named by one word
    place_first_names: frozenset[str] = frozenset()  # "chad" of "Chad Johnson"
    person_openers: frozenset[str] = frozenset()  # "queen" of "Queen Victoria"
    place_surnames: frozenset[str] = frozenset()  # "washington" of "Denzel Washington"
    body_words: frozenset[str] = frozenset()  # "tech" of "Georgia Tech": no surname
    landmarks: dict[str, tuple[str, str]] = field(default_factory=dict)  # "heathrow" → ("GB", "London")
    landmark_firsts: frozenset[str] = frozenset()  # "white" of "White House", as written
    british_words: frozenset[str] = frozenset()  # "whilst", "defence": British English
    short_forms: dict[str, str] = field(default_factory=dict)  # "sa" → "ZA", only beside South Africa
    abbreviations: dict[str, tuple[str, str]] = field(default_factory=dict)  # "Va." → ("US", "Virginia")
    currencies: frozenset[str] = frozenset()  # "pounds" of "Lebanese pounds"
    currency_verbs: frozenset[str] = frozenset()  # "pounds" of "Israel pounds Gaza" too
    city_suffix_countries: frozenset[str] = frozenset()  # "PH": "Makati City" is written "Makati"
    honorific_countries: frozenset[str] = frozenset()  # "MX": "Taxco de Alarcón" is written "Taxco"
    honorific_generic_heads: frozenset[str] = frozenset()  # "ciudad" of "Ciudad de …": no short form
    unit_prefixes: dict[str, tuple[str, ...]] = field(default_factory=dict)  # "ID": ("Kabupaten ",): "Nduga regency"
    strike_words: frozenset[str] = frozenset()  # "shelled" of "Russia shelled": the side striking
    organisation_heads: frozenset[str] = frozenset()  # "command" of "the Northern Salvation Command"
    organisation_openers: frozenset[str] = frozenset()  # "redes" of "Redes da Maré"
    headline_verbs: frozenset[str] = frozenset()  # "kill" of "Gunmen Kill Two": no town in a headline
    work_words: frozenset[str] = frozenset()  # "film" of "the film Casablanca": a title, no place
    route_words: frozenset[str] = frozenset()  # "road" of "the Bouar-Baboua road": the two ends
    prize_heads: frozenset[str] = frozenset()  # "cup" of "the Stanley Cup": after a person's name
    race_names: frozenset[str] = frozenset()  # "derby" of "the Kentucky Derby": no town after a place
    first_names: frozenset[str] = frozenset()  # "tyler": names the person alone too (among ``titles``)
    given_names: frozenset[str] = frozenset()  # "ali": a title before a name, the rest of a name after a place (among ``titles``)
    # a word of one country's own institutions ("gardai", "taoiseach") → its ISO code: a focus vote
    institution_countries: dict[str, str] = field(default_factory=dict)


def _demonyms() -> dict[str, str]:
    text = resources.files("thucydides.geocode.data").joinpath("demonyms.tsv").read_text(encoding="utf-8")
    table: dict[str, str] = {}
    # "Lao" + s is the country itself ("Laos"), no people
    countries = {name_key(row[1]) for row in _rows("country_names.tsv")}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        word, target = line.split("\t")[:2]
        key = name_key(word)
        table[key] = target
        # plural of the noun of nationality ("Afghans", "Syrians"); not for "-ese", "-ish", "-ch"
        if not key.endswith(("ese", "ish", "ch", "s", "i")) and key + "s" not in countries:
            table.setdefault(key + "s", target)
    return table


def _rows(name: str) -> list[list[str]]:
    """The tab-separated rows of a data file, without blank lines and comments."""
    text = resources.files("thucydides.geocode.data").joinpath(name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _abbreviations() -> dict[str, tuple[str, str]]:
    return {row[0]: (row[1], row[2]) for row in _rows("abbreviations.tsv")}


def _landmarks() -> dict[str, tuple[str, str]]:
    return {name_key(row[0]): (row[1], row[2]) for row in _rows("landmarks.tsv")}


def _landmark_firsts() -> frozenset[str]:
    """The first words of the landmarks as written, lower-case ("o'hare", "white"): a cheap test
    before a run's words are keyed."""
    return frozenset(row[0].split()[0].lower() for row in _rows("landmarks.tsv"))


def _short_forms() -> dict[str, str]:
    return {name_key(row[0]): row[1] for row in _rows("short_forms.tsv")}


def _group_names() -> frozenset[str]:
    """The names of the armed groups the event extractor knows (its actor dictionary): "Fano"
    is the Amhara militia, not the Italian town; "al-Shabab" not a village in Iran."""
    from thucydides.extract.lexicon import actors

    return frozenset(name_key(" ".join(words)) for actor in actors().named for words in actor.terms)


def _toml(name: str) -> dict:
    return tomllib.loads(resources.files("thucydides.geocode.data").joinpath(name).read_text(encoding="utf-8"))


def _unit_nouns() -> frozenset[str]:
    """The nouns that head a unit's name ("brigade"), from the actor dictionary, less those that
    also name an administrative region ("Dhaka Division"): a place the geocoder must still find."""
    from thucydides.extract.lexicon import actors

    return actors().unit_nouns - actors().region_unit_nouns


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    data = _toml("lexicon.toml")
    words = data["words"]
    towns = _toml("town_names.toml")
    return Lexicon(
        titles=frozenset(data["titles"]) | frozenset(data["given_names"]) | frozenset(data["first_names"]),
        media_words=frozenset(data["media_words"]),
        person_object_verbs=frozenset(data["person_object_verbs"]),
        facility_words=frozenset(data["facility_words"]),
        place_cues=frozenset(data["place_cues"]),
        kind_words=dict(data["kind_words"]),
        calendar=frozenset(words["calendar"]),
        common=frozenset(words["common"]) | frozenset(words["calendar"]),
        demonyms=_demonyms(),
        organisation_of_heads=frozenset(data["organisation_of_heads"]),
        organisation_end_heads=frozenset(data["organisation_end_heads"]),
        institution_short_heads=frozenset(data["institution_short_heads"]),
        states_called_state=frozenset(data["states_called_state"]),
        movement_heads=frozenset(data["movement_heads"]),
        team_words=frozenset(data["team_words"]),
        force_heads=frozenset(data["force_heads"]) | _unit_nouns(),
        # a word of one country's institutions or forces is no place either ("a FAMa convoy")
        group_names=(groups := _group_names() | frozenset(data["body_names"])
                     | frozenset(name_key(word) for word in data["institution_countries"])),
        group_words=frozenset(word for name in groups for word in name.split()),
        locality_prefixes=frozenset(data["locality_prefixes"]),
        name_opening_words=frozenset(data["name_opening_words"]),
        facility_heads=frozenset(data["facility_heads"]),
        street_words=frozenset(data["street_words"]),
        street_openers=frozenset(data["street_openers"]),
        result_verbs=frozenset(data["result_verbs"]),
        storm_words=frozenset(data["storm_words"]),
        storm_heads=frozenset(data["storm_heads"]),
        facility_openers=frozenset(data["facility_openers"]),
        facility_names=frozenset(data["facility_names"]),
        place_first_names=frozenset(data["place_first_names"]),
        person_openers=frozenset(data["person_openers"]),
        place_surnames=frozenset(data["place_surnames"]),
        body_words=frozenset(data["body_words"]),
        landmarks=_landmarks(),
        landmark_firsts=_landmark_firsts(),
        british_words=frozenset(data["british_words"]),
        short_forms=_short_forms(),
        abbreviations=_abbreviations(),
        currencies=frozenset(data["currencies"]),
        currency_verbs=frozenset(data["currency_verbs"]),
        city_suffix_countries=frozenset(towns["city_suffix_countries"]),
        honorific_countries=frozenset(towns["honorific_countries"]),
        honorific_generic_heads=frozenset(towns["honorific_generic_heads"]),
        unit_prefixes={iso: tuple(f"{p} " for p in prefixes) for iso, prefixes in towns["unit_prefixes"].items()},
        strike_words=frozenset(data["strike_words"]),
        headline_verbs=frozenset(data["headline_verbs"]),
        organisation_heads=frozenset(data["organisation_heads"]),
        organisation_openers=frozenset(data["organisation_openers"]),
        work_words=frozenset(data["work_words"]),
        first_names=frozenset(data["first_names"]),
        given_names=frozenset(data["given_names"]),
        prize_heads=frozenset(data["prize_heads"]),
        route_words=frozenset(data["route_words"]),
        race_names=frozenset(data["race_names"]),
        institution_countries=dict(data["institution_countries"]),
    )
