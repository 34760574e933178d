"""The extraction lexicons: TOML files under ``lexicons/``, read once per process into typed tables.

Every word list the rules use lives in those files (reviewable data, not code branches); this
module only parses and indexes them. A malformed file raises ConfigError naming the file.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from typing import Any, Iterable, Iterator

from thucydides.errors import ConfigError

_PACKAGE = "thucydides.extract.lexicons"


def _load(name: str) -> dict[str, Any]:
    try:
        text = resources.files(_PACKAGE).joinpath(name).read_text(encoding="utf-8")
        return tomllib.loads(text)
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ConfigError(
            f"cannot read the extraction lexicon {name}: {error}",
            "reinstall thucydides or fix the file under thucydides/extract/lexicons/",
        ) from None


@functools.lru_cache(maxsize=65536)  # asked of the same names and words again and again
def phrase_words(phrase: str) -> tuple[str, ...]:
    """A lexicon phrase as the words it matches: lower case, hyphens as optional separators,
    the possessive "'s" a word of its own (as spaCy splits it)."""
    text = normal_form(phrase).replace("-", " - ")
    text = re.sub(r"(\w)'s\b", r"\1 's", text)
    return tuple(word for word in text.split() if word != "-")


@functools.cache
def word_pattern(phrase: str) -> re.Pattern[str]:
    """``phrase`` as a whole-word regex, compiled once per process (rules test every phrase of
    a lexicon on every sentence: building the pattern each time was a tenth of the analysis)."""
    return re.compile(rf"\b{re.escape(phrase)}\b")


def find_phrase(phrase: str, text: str) -> re.Match[str] | None:
    """The first whole-word occurrence of ``phrase`` in ``text``; the substring test first
    (a phrase absent from the text cannot match, and most are absent)."""
    return word_pattern(phrase).search(text) if phrase in text else None


def iter_phrase(phrase: str, text: str) -> Iterator[re.Match[str]]:
    """Every whole-word occurrence of ``phrase`` in ``text``, as ``re.finditer`` finds them."""
    return word_pattern(phrase).finditer(text) if phrase in text else iter(())


@functools.lru_cache(maxsize=65536)  # asked of every token's text and lemma by several rules
def normal_form(word: str) -> str:
    """Lower case with typographic apostrophes made plain, as lexicon words are written; a verb's
    hyphenated "re-" joined to it ("re-captured" as "recaptured": the parse keeps it one word,
    analyse.join_re_prefix)."""
    return _RE_PREFIX.sub("re", word.lower().replace("’", "'").replace("‘", "'"))


_RE_PREFIX = re.compile(r"\bre-(?=[a-z])")


# --- cue words ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CueRule:
    category: str
    words: tuple[str, ...]
    pos: frozenset[str] = frozenset()
    with_words: frozenset[str] = frozenset()
    # the `with` entries of several words ("central command", "front line"): each must stand in
    # the sentence as a phrase, as a single word of ``with_words`` need only stand in it
    with_phrases: tuple[tuple[str, ...], ...] = ()
    without: tuple[tuple[str, ...], ...] = ()
    without_in_clause: bool = False  # the exclusions are read in the cue's clause, not its sentence
    # the `with` words must hang on the cue's verb, outside its subject ("blocked the road with
    # logs"; not "protesters carrying branches blocked the road")
    with_on_verb: bool = False
    needs: str | None = None
    strength: float = 1.0


@dataclass(frozen=True)
class CueLexicon:
    anchors: frozenset[str]
    categories: frozenset[str]
    rules: tuple[CueRule, ...]
    territory_nouns: frozenset[str] = frozenset()
    armed_targets: frozenset[str] = frozenset()
    # "surrender", "capitulate": verbs whose "to" phrase (or the one met before) names the side
    # yielded to, an agreement's other party
    yielding_verbs: frozenset[str] = frozenset()
    # "held", "controlled": the participle of "the GNA-held airbase", whose modifier holds the place hit
    holding_participles: frozenset[str] = frozenset()
    property_targets: frozenset[str] = frozenset()
    hideouts: frozenset[str] = frozenset()  # where armed men lodge, theirs when a word names them
    grievance_words: frozenset[str] = frozenset()  # "against", "demanding": what a crowd is against
    purpose_words: frozenset[str] = frozenset()  # those and "over", "for": its purpose, loosely
    civilian_cargo: frozenset[str] = frozenset()
    civilian_sites: frozenset[str] = frozenset()  # "residential", "market", "church": where people live, pray, trade
    force_cargo: frozenset[str] = frozenset()
    by_first_word: dict[str, tuple[CueRule, ...]] = field(default_factory=dict)
    game_words: tuple[tuple[str, ...], ...] = ()
    game_senses: frozenset[str] = frozenset()
    game_victims: frozenset[str] = frozenset()
    idea_attack_senses: frozenset[str] = frozenset()  # "attacked": also said of words against a plan
    idea_nouns: frozenset[str] = frozenset()  # "budget", "policy": what only words can attack
    seats_of_power: frozenset[str] = frozenset()  # "parliament", "congress": where a state governs
    seat_holders: frozenset[str] = frozenset()  # "governor", "mayor": whose office is such a seat
    armed_marchers: frozenset[str] = frozenset()  # "rebels", "troops": who march armed, no protest
    counting_out: frozenset[str] = frozenset()  # "one", "another": one weapon of a strike told before
    town_quarters: frozenset[str] = frozenset()  # "district", "neighbourhood": a quarter of a town
    repelled_words: frozenset[str] = frozenset()  # "repelled", "repulsed": an assault beaten back
    follow_up_words: frozenset[str] = frozenset()  # "pursuit", "mop-up": an operation after an attack
    unit_nouns: frozenset[str] = frozenset()  # "cell", "unit": a weapon word modifying one names the unit
    routine_duties: frozenset[str] = frozenset()  # "patrols", "security": what forces do day to day
    stepping_up_verbs: frozenset[str] = frozenset()  # "reinforce", "step": doing more of a duty


@functools.cache
def cues() -> CueLexicon:
    data = _load("triggers.toml")
    categories = data.get("categories", {})
    rules: list[CueRule] = []
    for entry in data.get("cue", []):
        category = entry["category"]
        if category not in categories:
            raise ConfigError(f"triggers.toml: cue category {category!r} is not declared in [categories]")
        for term in entry["terms"]:
            rules.append(
                CueRule(
                    category=category,
                    words=phrase_words(term),
                    pos=frozenset(entry.get("pos", ())),
                    with_words=frozenset(w.lower() for w in entry.get("with", ()) if " " not in w.strip()),
                    with_phrases=tuple(phrase_words(w) for w in entry.get("with", ()) if " " in w.strip()),
                    without=tuple(phrase_words(w) for w in entry.get("without", ())),
                    without_in_clause=entry.get("without_in") == "clause",
                    with_on_verb=entry.get("with_on") == "verb",
                    needs=entry.get("needs"),
                    strength=float(entry.get("strength", 1.0)),
                )
            )
    index: dict[str, list[CueRule]] = {}
    for rule in rules:
        index.setdefault(rule.words[0], []).append(rule)
    return CueLexicon(
        anchors=frozenset(name for name, spec in categories.items() if spec.get("anchor")),
        categories=frozenset(categories),
        rules=tuple(rules),
        territory_nouns=frozenset(data.get("territory_nouns", ())),
        armed_targets=frozenset(data.get("armed_target_nouns", ())),
        yielding_verbs=frozenset(data.get("yielding_verbs", ())),
        holding_participles=frozenset(data.get("holding_participles", ())),
        property_targets=frozenset(data.get("property_target_nouns", ())),
        hideouts=frozenset(data.get("hideout_nouns", ())),
        grievance_words=frozenset(data.get("grievance_words", ())),
        purpose_words=frozenset(data.get("grievance_words", ())) | frozenset(data.get("purpose_words", ())),
        civilian_cargo=frozenset(data.get("civilian_cargo", ())),
        civilian_sites=frozenset(data.get("civilian_site_words", ())),
        force_cargo=frozenset(data.get("force_cargo", ())),
        repelled_words=frozenset(data.get("repelled_words", ())),
        by_first_word={word: tuple(found) for word, found in index.items()},
        game_words=tuple(phrase_words(w) for w in data.get("game_words", ())),
        game_senses=frozenset(data.get("game_senses", ())),
        game_victims=frozenset(data.get("game_victims", ())),
        idea_attack_senses=frozenset(data.get("idea_attack_senses", ())),
        idea_nouns=frozenset(data.get("idea_nouns", ())),
        seats_of_power=frozenset(data.get("seat_of_power_nouns", ())),
        seat_holders=frozenset(data.get("seat_holders", ())),
        armed_marchers=frozenset(data.get("armed_marchers", ())),
        counting_out=frozenset(data.get("counting_out_words", ())),
        town_quarters=frozenset(data.get("town_quarter_words", ())),
        follow_up_words=frozenset(data.get("follow_up_words", ())),
        unit_nouns=frozenset(data.get("unit_nouns", ())),
        routine_duties=frozenset(data.get("routine_duties", ())),
        stepping_up_verbs=frozenset(data.get("stepping_up_verbs", ())),
    )


# --- status, attribution -----------------------------------------------------------------------


@functools.cache
def status_words() -> dict[str, Any]:
    """status.toml as lists of lower-case strings (sets for single words)."""
    data = _load("status.toml")
    return {key: frozenset(value) if isinstance(value, list) else value for key, value in data.items()}


# --- time ------------------------------------------------------------------------------------


@functools.cache
def time_words() -> dict[str, Any]:
    return _load("time.toml")


# --- casualties --------------------------------------------------------------------------------


@functools.cache
def casualty_words() -> dict[str, Any]:
    return _load("casualties.toml")


# --- countries -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class GovernmentPeriod:
    start: dt.date
    end: dt.date | None  # None: still in power

    @property
    def tag(self) -> str:
        """ACLED's tag: the years the government held power ("(2015-2023)", "(2023-)")."""
        return f"({self.start.year}-{self.end.year if self.end else ''})"


@dataclass(frozen=True, slots=True)
class Country:
    iso: str
    acled: str  # "the Democratic Republic of Congo" (inside "Military Forces of …")
    short: str  # "Democratic Republic of Congo" (inside "Civilians (…)")
    periods: tuple[GovernmentPeriod, ...] = ()

    def period_tag(self, day: dt.date | None) -> str | None:
        """The tag of the government in power on ``day``; None when the day or its period is unknown."""
        if day is None:
            return None
        return next((p.tag for p in self.periods if p.start <= day and (p.end is None or day <= p.end)), None)


@dataclass(frozen=True)
class CountryLexicon:
    by_iso: dict[str, Country]
    by_acled: dict[str, Country]  # "the Democratic Republic of Congo" → its Country
    by_word: dict[tuple[str, ...], str]  # demonym or name (as words) → ISO
    demonyms: frozenset[str] = frozenset()  # "afghan", "syrians": words for people, not places


def _government_period(spec: dict[str, Any], where: str) -> GovernmentPeriod:
    start = _date(spec.get("from"), where)
    if start is None:
        raise ConfigError(f"{where}: a period needs its 'from' date")
    return GovernmentPeriod(start, _date(spec.get("until"), where))


@functools.cache
def countries() -> CountryLexicon:
    data = _load("countries.toml")
    by_iso: dict[str, Country] = {}
    by_word: dict[tuple[str, ...], str] = {}
    for iso, spec in data.items():
        acled = spec["acled"]
        periods = tuple(_government_period(p, f"countries.toml: {iso}") for p in spec.get("periods", ()))
        by_iso[iso] = Country(iso, acled, spec.get("short", acled.removeprefix("the ")), periods)
        for word in [*spec.get("demonyms", ()), *spec.get("names", ())]:
            by_word.setdefault(phrase_words(word), iso)
    demonyms = frozenset(word.lower() for spec in data.values() for word in spec.get("demonyms", ()))
    by_acled = {country.acled: country for country in by_iso.values()}
    return CountryLexicon(by_iso, by_acled, by_word, demonyms - {n.lower() for spec in data.values() for n in spec.get("names", ())})


# --- actors --------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ActorPeriod:
    start: dt.date | None
    end: dt.date | None
    inter: int | None
    name: str | None


@dataclass(frozen=True, slots=True)
class NamedActor:
    name: str
    inter: int
    country: str | None
    terms: tuple[tuple[str, ...], ...]
    acronyms: frozenset[str]
    periods: tuple[ActorPeriod, ...] = ()
    party: bool = False  # a political party: an actor only as its members ("BJP workers")
    # the countries where its terms name it ("coalition airstrikes": the coalition against the
    # Islamic State in Iraq and Syria, the Saudi-led one elsewhere); empty: everywhere
    theatre: frozenset[str] = frozenset()
    # (ISO code, name): the local branch ACLED names in a country instead of the {country} name
    branches: tuple[tuple[str, str], ...] = ()
    # a state faction's police, as ACLED names it: its "security forces" arresting or dispersing
    # a crowd are that police ("Police Forces of Yemen (2016-) Supreme Political Council")
    police: str | None = None
    # what ACLED names a foreign coalition's deeds in the home country of its leading state
    # (Operation Restoring Hope inside Saudi Arabia: "Military Forces of Saudi Arabia")
    at_home: str | None = None

    def coded_on(self, date: dt.date | None) -> tuple[str, int]:
        """(name, inter) as ACLED codes the actor on ``date`` (the latest coding when unknown)."""
        name, inter = self.name, self.inter
        for period in self.periods:
            applies = (
                period.start is None or (date is not None and date >= period.start) or (date is None and period.end is None)
            ) and (period.end is None or (date is not None and date <= period.end))
            if applies:
                name, inter = period.name or name, period.inter or inter
        return name, inter


@dataclass(frozen=True, slots=True)
class GenericKind:
    kind: str  # "military", "police", "government", "unidentified", "militia", "protesters"…
    name: str  # template with {acled} or {short}
    inter: int
    heads: tuple[tuple[str, ...], ...]


@dataclass(frozen=True, slots=True)
class StateUnit:
    """A unit ACLED names after its state's forces and period tag ("... (2016-) Gendarmerie")."""

    name: str
    force: str  # "military" or "police": whose unit it is
    terms: tuple[tuple[str, ...], ...]
    country: str | None = None  # ISO code when only one state has a unit of that name


@dataclass(frozen=True, slots=True)
class IdentityMilitia:
    """Fighters named after their tribe, clan or community ("X tribesmen" → "X Tribal Militia")."""

    suffix: str  # "Tribal Militia", "Clan Militia", "Communal Militia"
    heads: tuple[tuple[str, ...], ...]


@dataclass(frozen=True, slots=True)
class GroupWords:
    """The words that make a capitalised name a group's (actors.toml `[group_names]`)."""

    strong: frozenset[str] = frozenset()  # "army", "front", "liberation": a group's name alone
    weak: frozenset[str] = frozenset()  # "movement", "organization": with an acronym or armed words
    connectors: frozenset[str] = frozenset()  # "of", "for", "the": inside a name
    state: frozenset[str] = frozenset()  # the words of a country's own forces ("armed", "forces")
    state_marks: frozenset[str] = frozenset()  # which make them so ("armed", "defence", "national")
    descriptive: frozenset[str] = frozenset()  # "rebel", "islamist": describe, do not name
    members: frozenset[str] = frozenset()  # "militants", "members": armed people of a name
    rebel: frozenset[str] = frozenset()  # words of a rebel group's name (inter 2; else 3)
    rebel_heads: frozenset[str] = frozenset()  # "forces", "party": heads with a rebel's word only
    party_members: frozenset[str] = frozenset()  # "workers", "supporters": a party's people
    armed_deeds: frozenset[str] = frozenset()  # "retake", "ambush": verbs only armed doers do
    state_bodies: frozenset[str] = frozenset()  # "command": after a country and its forces' words, a state's body
    unit_heads: frozenset[str] = frozenset()  # "brigade": a group's name only as armed men's ("gunmen of the X Brigade")


@dataclass(frozen=True)
class ActorLexicon:
    named: tuple[NamedActor, ...]
    generic: tuple[GenericKind, ...]
    term_index: dict[str, tuple[tuple[tuple[str, ...], NamedActor], ...]]
    acronym_index: dict[str, NamedActor]
    head_index: dict[str, tuple[tuple[tuple[str, ...], GenericKind], ...]]
    units: tuple[StateUnit, ...] = ()
    identities: tuple[IdentityMilitia, ...] = ()
    unit_nouns: frozenset[str] = frozenset()  # "brigade", "division": the head of a unit's name
    region_unit_nouns: frozenset[str] = frozenset()  # "division": of an administrative region too
    group_words: GroupWords = GroupWords()
    ethnic_names: frozenset[str] = frozenset()  # "fulani", "dinka": peoples with ethnic militias
    herder_words: frozenset[str] = frozenset()  # "herders", "herdsmen"
    herder_peoples: dict[str, str] = field(default_factory=dict)  # ISO → the country's herding people


def _date(value: Any, where: str) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise ConfigError(f"{where}: {value!r} is not an ISO date") from None


@functools.cache
def actors_section(key: str) -> dict[str, Any]:
    """One table of actors.toml as written (`[gangs]`), for the module that reads it."""
    return dict(_load("actors.toml").get(key, {}))


def _term_variants(terms: Iterable[str]) -> tuple[tuple[str, ...], ...]:
    """A group's terms as word sequences; a hyphenated term also as the single word the parser
    keeps whole ("MS-13" is one token, "al-Shabaab" three)."""
    variants: list[tuple[str, ...]] = []
    for term in terms:
        variants.append(phrase_words(term))
        if "-" in term:
            variants.append(tuple(normal_form(term).split()))
    return tuple(dict.fromkeys(variants))


@functools.cache
def actors() -> ActorLexicon:
    data = _load("actors.toml")
    named: list[NamedActor] = []
    for spec in data.get("actor", []):
        periods = tuple(
            ActorPeriod(_date(p.get("from"), f"actors.toml: {spec['name']}"), _date(p.get("until"), f"actors.toml: {spec['name']}"), p.get("inter"), p.get("name"))
            for p in spec.get("period", ())
        )
        named.append(
            NamedActor(
                name=spec["name"],
                inter=int(spec["inter"]),
                country=spec.get("country"),
                terms=_term_variants(spec.get("terms", ())),
                acronyms=frozenset(spec.get("acronyms", ())),
                periods=periods,
                party=bool(spec.get("party", False)),
                theatre=frozenset(spec.get("theatre", ())),
                branches=tuple(sorted(spec.get("branches", {}).items())),
                police=spec.get("police"),
                at_home=spec.get("at_home"),
            )
        )
    nouns = data.get("unit_nouns", {})
    unit_nouns = [*nouns.get("unit", ()), *nouns.get("region", ())]
    generic = tuple(
        GenericKind(kind, spec["name"], int(spec["inter"]), tuple(phrase_words(h) for h in [*spec["heads"], *(unit_nouns if spec.get("unit_nouns") else ())]))
        for kind, spec in data.get("generic", {}).items()
    )
    term_index: dict[str, list[tuple[tuple[str, ...], NamedActor]]] = {}
    acronym_index: dict[str, NamedActor] = {}
    for actor in named:
        for words in actor.terms:
            term_index.setdefault(words[0], []).append((words, actor))
        for acronym in actor.acronyms:
            acronym_index.setdefault(acronym, actor)
    head_index: dict[str, list[tuple[tuple[str, ...], GenericKind]]] = {}
    for kind in generic:
        for words in kind.heads:
            head_index.setdefault(words[-1], []).append((words, kind))
    units = []
    for spec in data.get("unit", []):
        if spec.get("force") not in {"military", "police"}:
            raise ConfigError(f"actors.toml: unit {spec.get('name')!r} has force {spec.get('force')!r}", 'use "military" or "police"')
        units.append(StateUnit(spec["name"], spec["force"], tuple(phrase_words(t) for t in spec["terms"]), spec.get("country")))
    identities = tuple(IdentityMilitia(spec["suffix"], tuple(phrase_words(h) for h in spec["heads"])) for spec in data.get("identity", []))
    # longest phrases first, so "local militia" wins over "militia"
    return ActorLexicon(
        named=tuple(named),
        generic=generic,
        term_index={k: tuple(sorted(v, key=lambda p: -len(p[0]))) for k, v in term_index.items()},
        acronym_index=acronym_index,
        head_index={k: tuple(sorted(v, key=lambda p: -len(p[0]))) for k, v in head_index.items()},
        units=tuple(units),
        identities=identities,
        unit_nouns=frozenset(unit_nouns),
        region_unit_nouns=frozenset(nouns.get("region", ())),
        ethnic_names=frozenset(n.lower() for n in data.get("identity_names", {}).get("ethnic", ())),
        herder_words=frozenset(data.get("identity_names", {}).get("herders", {}).get("words", ())),
        herder_peoples=dict(data.get("identity_names", {}).get("herders", {}).get("peoples", {})),
        group_words=GroupWords(**{key: frozenset(value) for key, value in data.get("group_names", {}).items()}),
    )


# --- coding table --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CodingRow:
    rank: int  # 0 = highest precedence
    sub_event_type: str
    event_type: str
    plover: str
    mode: str | None
    context: tuple[str, ...]
    modes: dict[str, str]


@functools.cache
def coding_rows() -> dict[str, CodingRow]:
    rows = _load("coding.toml").get("row", [])
    if len(rows) != 25:
        raise ConfigError(f"coding.toml lists {len(rows)} sub-event types, ACLED has 25", "restore the file")
    return {
        row["sub_event_type"]: CodingRow(
            rank,
            row["sub_event_type"],
            row["event_type"],
            row["plover"],
            row.get("mode"),
            tuple(row.get("context", ())),
            dict(row.get("modes", {})),
        )
        for rank, row in enumerate(rows)
    }


@functools.cache
def coding_headings() -> dict[str, str]:
    """Activity headings a source may open with ("Property destruction: …") → sub-event type."""
    headings = _load("coding.toml").get("headings", {})
    rows = coding_rows()
    for heading, label in headings.items():
        if label not in rows:
            raise ConfigError(f"coding.toml: heading {heading!r} names unknown sub-event type {label!r}")
    return dict(headings)
