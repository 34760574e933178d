"""Where a clause's events happened: its place mentions, sorted out.

A sentence names places for many reasons. Set aside: a country alone (ACLED records no
country-only event), a place that is part of a person's or group's description ("a Kobo
resident", "the Zamfara police spokesperson", "Ethiopian National Defense Force"), the dateline,
a larger unit that only says where the first place lies ("Bano district of Baghlan", "Al Khabr
(Habban, Shabwah)", "Cankaya, Ankara": the names of a location trail, from the most precise to
its containers, are one place, the most precise that resolves in the trail's country), a
landmark ("north of Sanaa", "outside of Kobo") when another place is named, a site named after
a place ("the Socabaya prison") when another is named, a place of a crowd's grievance, and a
place the parse ties to another noun phrase than the event's.
What remains is one event place each, a coordinated list giving one event per place; a
village the gazetteer lacks is coded near the known place that qualifies it (ACLED's
geo_precision 2 or 3).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from thucydides.extract import lexicon
from thucydides.extract.actors import ActorMention
from thucydides.extract.casualties import Count
from thucydides.extract.regions import Region
from thucydides.extract.sentences import Place, Sentence
from thucydides.geocode import is_currency, is_demonym, is_named_after, is_organisation
from thucydides.geocode.containers import UNITS, is_placed, is_seat, lies_in, region_before_town
from thucydides.geocode.lexicon import lexicon as lexicon_geo
from thucydides.geocode.resolve import distance_km, feature_class, is_spelling_variant
from thucydides.model import GazetteerEntry

if TYPE_CHECKING:
    from spacy.tokens import Token


# heads that make a place name a modifier of a person or body, not where something happened
_NOT_A_LOCATION_HEADS = {
    "resident", "residents", "governor", "mayor", "official", "officials", "police", "committee",
    "council", "spokesman", "spokesperson", "spokeswoman", "commander", "chief", "forces", "army",
    "militia", "government", "authorities", "brigade", "battalion", "president", "minister",
    "media", "station", "native", "people", "office", "administration", "command", "university",
    "hospital", "deputy", "director", "head", "source", "sources", "leader", "man", "woman",
    "faction", "factions", "company",  # "fighters of the Zintan faction": a group, not a place
}


# words for a settlement that an actor phrase may be headed by ("Kebbe village" read as its
# villagers, ACLED's civilians): the name before them is still where it happened
_SETTLEMENT_HEADS = {"village", "villages", "town", "towns", "hamlet", "settlement", "community", "communities"}


_LANDMARK_PREPS = {"near", "outside", "around", "towards", "toward", "from", "beyond", "past", "off"}


_DIRECTIONS = {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "outskirts", "edge", "border", "kilometres", "kilometers", "km", "miles", "drive", "outside"}


# a line or edge named after places ("the Kano-Katsina border", "the Abuja-Lokoja highway"): a
# reference, the event place only when the text names no other
_BOUNDS = {"border", "borders", "boundary", "outskirts", "edge", "frontier", "highway", "motorway", "expressway"}


_LOCATIVE_PREPS = {"in", "at", "near", "inside", "outside", "around"}


@dataclass
class EventPlace:
    place: Place | None
    near: bool = False
    # named only as a building or site's name ("the Kakoba square"): the story's town, when it has one
    facility: bool = False


# buildings and sites inside a town: a place name modifying one ("prisoners of the Socabaya prison",
# "gathered at the Kakoba square") names the site, which lies in the town the story is told at
_FACILITY_NOUNS = {
    "square", "prison", "jail", "building", "ministry", "headquarters", "stadium", "mosque", "church",
    "market", "hospital", "roundabout", "park", "palace", "bank", "branch", "hotel", "courthouse",
    # a Mexican city's neighbourhood, as translations name it ("the Juárez colony", "la colonia X")
    "colony", "colonia",
    "penitentiary",
}

# a prison's noun is part of its proper name as often as not ("the Litoral Penitentiary", "the
# Kamiti Prison"): capitalised, it still names the building, not a place of that name abroad
_DETENTION_NOUNS = {"prison", "jail", "penitentiary"}


# a Mexican city's neighbourhood named after its noun ("la colonia X", "the colonia X")
_NAMED_AFTER_NOUNS = {"colonia", "colony", "barrio", "fraccionamiento"}


# what follows the unit opening an item of a list of places ("in Idlib countryside, A and B")
_AREA_WORDS = {"countryside", "province", "governorate", "region", "district", "county", "state", "area", "countrysides", "suburbs", "outskirts"}


def _opens_a_list(place: Place, candidates: list[Place], sentence: Sentence) -> bool:
    """ "shelled several areas: in Idlib countryside, A and B; in Hama countryside, C": the unit
    that opens an item of the list ("in X, …" up to the next semicolon) only says where the places
    after it lie; each of those is where it happened, not X."""
    doc = sentence.doc
    if place.first < 2 or doc[place.first - 1].lower_ != "in" or doc[place.first - 2].text not in {":", ";"}:
        return False  # (an item opens after the colon or the semicolon; a sentence's "In X, …" is its setting)
    after = place.last + 1
    while after < sentence.span.end and doc[after].lower_ in _AREA_WORDS:
        after += 1
    if after >= sentence.span.end or doc[after].text != ",":
        return False
    end = next((t.i for t in doc[after : sentence.span.end] if t.text in {";", "."}), sentence.span.end)
    return any(after < other.first < end for other in candidates if other is not place)


def _is_actor_modifier(place: Place, sentence: Sentence, actors: list[ActorMention]) -> bool:
    """ "Zamfara police spokesperson", "a Kobo resident", "the mayor of Donetsk": not a location."""
    last = sentence.doc[place.last]
    for mention in actors:
        inside = mention.first <= place.first and place.last <= mention.last
        if inside and mention.kind not in {"named", "anti"} and sentence.doc[mention.head].lower_ in _SETTLEMENT_HEADS:
            continue  # "attacked Kebbe village": the village is the target and the place
        if (inside and mention.first == place.first and place.first > sentence.span.start
                and sentence.doc[place.first - 1].lower_ in _LOCATIVE_PREPS):
            continue  # "In Tepic, Nayarit department, drivers rallied": a fronted place the parse gave the actor
        # "Ethiopian National Defense Force": a group's name, whatever the gazetteer says
        if inside and (mention.head not in place.tokens or mention.kind in {"named", "anti"}):
            return True
    head = last.head
    if last.dep_ in {"compound", "poss", "nmod", "amod"} and head.lower_ in _NOT_A_LOCATION_HEADS:
        return True
    # "the mayor of Donetsk", "a resident of the town of Kobo"
    current = last
    for _ in range(4):
        if current.dep_ == "pobj" and current.head.lower_ == "of":
            noun = current.head.head
            if _force_site(noun):
                return False  # "attacked the police command of X": the post is in X, X is the place
            if noun.lower_ in _NOT_A_LOCATION_HEADS:
                # "residents of X lynched two men", "attacked residents of X": the people of a
                # place acting or hit there tell where it happened; not when they only speak
                # (a town's or a neighbourhood's people: "residents of the X region were killed"
                # sums up a province's toll, told place by place after it)
                town = place.mention.entry is None or place.mention.entry.feature.startswith("PPL")
                return not (noun.lower_ in _PEOPLE_OF_A_PLACE and town and _in_the_deed(noun))
            current = noun
        else:
            break
    return False


def _force_site(noun: Token) -> bool:
    """ "the police command of X", "the police station of X": a force's post (the cue lexicon's
    armed targets) named with the compound before it, a building in X, not a body of X's."""
    compounds = [c for c in noun.children if c.dep_ == "compound" and c.i < noun.i]
    words = " ".join(t.lower_ for t in (*compounds, noun))
    return bool(compounds) and words in lexicon.cues().armed_targets


_WATER_WORDS = {"sea", "ocean", "gulf", "strait", "straits", "bay", "channel"}


def _water(place: Place) -> bool:
    """ "the Red Sea", "the Gulf of Aden", "Bab al-Mandab Strait": a body of water."""
    words = place.mention.text.lower().split()
    return bool(words) and (words[-1] in _WATER_WORDS or words[0] in _WATER_WORDS)


# the last word of an office ("the Defence Cabinet Secretary", "the Interior Minister"): a
# recogniser slip when the gazetteer knows no such place
_TITLE_WORDS = {"secretary", "minister", "general", "commander", "president", "governor", "director", "chief", "spokesman", "spokesperson", "officer", "envoy"}


def _a_title(place: Place) -> bool:
    words = place.mention.text.lower().split()
    return bool(words) and words[-1] in _TITLE_WORDS


_PEOPLE_OF_A_PLACE = {"resident", "residents", "people", "native", "inhabitants"}


def _in_the_deed(noun: Token) -> bool:
    """Whether a noun is the subject or object of a verb that is not one of telling."""
    # "hundreds of residents of X marched", "a group of inhabitants of X": the crowd counted is
    # the subject its count stands for
    for _ in range(2):
        if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.dep_ == "prep" and noun.head.head.pos_ in {"NOUN", "NUM"}:
            noun = noun.head.head
    verb = noun.head
    if noun.dep_ not in {"nsubj", "nsubjpass", "dobj"} or verb.pos_ not in {"VERB", "AUX"}:
        return False
    words = lexicon.status_words()
    lemma = verb.lemma_.lower()
    return not any(lemma in words[key] for key in ("reporting_verbs", "denial_verbs", "claim_verbs"))


# the marks opening an item of a list ("- Bangui: …", "• Haut-Mbomou: …")
_BULLETS = {"-", "•", "*", "·", "–", "—", "▪", "◦"}


def _bullet_label(place: Place, sentence: Sentence) -> bool:
    """ "- Bangui: On 17 April, teachers held a sit-in …": a list item headed by the place its
    incidents happened in (a roundup's item per province or town), not a dateline."""
    doc = sentence.doc
    before = [t for t in doc[sentence.span.start : place.first] if not t.is_space]
    following = next((t for t in doc[place.last + 1 : sentence.span.end] if not t.is_space), None)
    return bool(before) and all(t.text in _BULLETS for t in before) and following is not None and following.text == ":"


def _dateline(place: Place, sentence: Sentence) -> bool:
    """ "BEIRUT (Reuters) –", "UAGADOUGOU:", "DAVAO CITY, Philippines—": where the report was filed."""
    doc = sentence.doc
    before = doc[sentence.span.start : place.first]
    if any(not (t.is_space or t.is_punct) for t in before) or _bullet_label(place, sentence):
        return False
    text = place.mention.text
    following = [t for t in doc[place.last + 1 : min(place.last + 6, sentence.span.end)] if not t.is_space]
    markers = {"(", "-", "—", "–", ":", "|"}
    if following and following[0].text in markers:
        return True
    # "DAVAO CITY, Philippines—"
    if len(following) >= 3 and following[0].text == "," and any(t.text in markers for t in following[1:4]):
        return True
    return text.isupper() and len(text) > 3


def _contains(outer: Place, inner: Place) -> bool:
    a, b = outer.mention.entry, inner.mention.entry
    if a is None or b is None:
        return False
    if a.geonameid == b.geonameid:
        # "the village of Zorbaya, in Antioquia": a village the gazetteer lacks is placed at the unit
        # named beside it, which then only says where the village lies
        return is_placed(inner.mention) and not is_placed(outer.mention)
    if a.feature.startswith("PCL"):
        return b.country_iso == a.country_iso
    return a.geonameid in {b.admin1_id, b.admin2_id} or _city_district(a, b)


# a city's own district ("In Mogadishu, shells landed in Hodan district"): a district unit whose
# point lies this close to a city of this size is one of its quarters, where the event is
_CITY_DISTRICT_KM = 10.0
_CITY_POPULATION = 100_000


def _city_district(city: GazetteerEntry, unit: GazetteerEntry) -> bool:
    return (city.feature.startswith("PPL") and (city.population or 0) >= _CITY_POPULATION and unit.feature in {"ADM2", "ADM3"}
            and city.latitude is not None and unit.latitude is not None and city.country_iso == unit.country_iso
            and distance_km(city.latitude, city.longitude, unit.latitude, unit.longitude) <= _CITY_DISTRICT_KM)


def _road_named_after(place: Place, sentence: Sentence) -> bool:
    """ "near the Al-X road": a place named only as the name of a road."""
    token = sentence.doc[place.last]
    return token.dep_ in {"compound", "amod", "nmod"} and token.head.lower_ == "road"


def _landmark(place: Place, sentence: Sentence) -> bool:
    """ "north of Sanaa", "near the town of X", "outside of Kobo": a reference point."""
    token = sentence.doc[place.last]
    # "a vessel in the Red Sea off Mokha": a sea named with the town it lay off is the
    # reference, the town the place (ACLED codes an event at sea at the nearest town)
    water = [p for p in sentence.places if _water(p)]
    if _water(place) and any(t.lower_ == "off" for t in sentence.span):
        return True
    # "across the Dnipro river from X": a river named after (or like) a town is a reference line
    if token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ in {"river", "river's"}:
        return True
    current = token
    for _ in range(5):
        head = current.head
        if current.dep_ == "pobj" and head.lower_ == "off" and water:
            return False
        if current.dep_ == "pobj" and head.lower_ in _LANDMARK_PREPS:
            return True
        if current.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in _DIRECTIONS:
            return True
        if current.dep_ in {"compound", "amod", "nmod"} and head.lower_ in _BOUNDS:
            return True  # "the Kano-Katsina border", "the Abuja-Lokoja highway": a reference line
        if current.dep_ == "pobj" and head.lower_ == "between" and head.head.lower_ in _BOUNDS:
            return True  # "on the boundary between X and Y provinces"
        if current.dep_ == "conj" and sentence.place_at(head.i) is not None:
            current = head  # "from A and B departments": B is what A is
            continue
        if current.dep_ in {"pobj", "compound", "appos", "nmod"} and head.i != current.i:
            current = head
            continue
        if current.dep_ == "prep" and current.lower_ == "of" and head.i != current.i:
            current = head  # "herders from the Kapedo area of X county": X is where they came from
            continue
        break
    return False


def _heading(place: Place, sentence: Sentence) -> bool:
    """ "fled towards the Shabelle river": where someone went, not where anything happened."""
    token = sentence.doc[place.last]
    while token.dep_ in {"compound", "appos", "conj", "amod"} and token.head.i != token.i:
        token = token.head
    return token.dep_ == "pobj" and token.head.lower_ in {"towards", "toward"}


def _origin(place: Place, sentence: Sentence) -> bool:
    """ "fired from Gaza", "launched from the Kherson region": the place something came from."""
    token = sentence.doc[place.last]
    while token.dep_ in {"compound", "appos", "conj", "amod"} and token.head.i != token.i:
        token = token.head
    return token.dep_ == "pobj" and token.head.lower_ == "from"


# verbs that carry the wounded, the dead or captives elsewhere: where they were carried "to" is no
# place of the event ("the wounded were taken to hospitals in Dnipro", "flown to Juba");
# treatment is where they lie, not where they were hurt ("treated at a hospital in Goma")
_CARRIED_TO = {"take", "rush", "fly", "evacuate", "airlift", "shift", "transfer", "ferry", "transport", "refer", "admit", "carry"}
_TREATED = {"treat", "hospitalise", "hospitalize"}


def _destination(place: Place, sentence: Sentence) -> bool:
    """ "the wounded were rushed to a hospital in Peshawar": the first verb above the place
    carries someone to it, or they are treated at it ("were treated in Goma"; not "doctors in
    Douma treated dozens", where the doctors are)."""
    token, to = sentence.doc[place.last], False
    while token.head.i != token.i:
        token = token.head
        if token.pos_ in ("VERB", "AUX"):
            passive = any(child.dep_ == "auxpass" for child in token.children)
            return (to and token.lemma_ in _CARRIED_TO) or (passive and token.lemma_ in _TREATED)
        to = to or (token.lower_ == "to" and token.dep_ == "prep")
    return False


def _between(first: Place, second: Place, sentence: Sentence) -> bool:
    """ "between Dori and Sebba": ``first`` is the object of "between", ``second`` joined to it;
    "on the Bouar-Baboua road": the two ends of a road joined by a hyphen."""
    doc = sentence.doc
    a, b = doc[first.last], doc[second.last]
    if a.dep_ == "pobj" and a.head.lower_ == "between" and b.dep_ == "conj" and b.head.i == a.i:
        return True
    # (a road's two ends however the parse hangs a second name of several words: "on the road
    # between Sanamayn and Kafr Shams" made the first a modifier of the second's last word)
    if (first.first > 1 and doc[first.first - 1].lower_ == "between" and doc[first.first - 2].lower_ in lexicon_geo().route_words
            and second.first == first.last + 2 and doc[first.last + 1].lower_ == "and"):
        return True
    return (second.first == first.last + 2 and doc[first.last + 1].text in ("-", "‐", "–") and second.last + 1 < len(doc)
            and doc[second.last + 1].lower_ in lexicon_geo().route_words)


def _facility(place: Place, sentence: Sentence) -> bool:
    """ "the Kakoba square", "the Socabaya prison", "the Mbale Stanbic bank building": a place name
    modifying a building's or site's noun (through other modifiers) names the site, not the town."""
    doc = sentence.doc
    # "his home in the colonia Emiliano Zapata": the neighbourhood's noun in lower case before its name
    if place.first > sentence.span.start and doc[place.first - 1].lower_ in _NAMED_AFTER_NOUNS and doc[place.first - 1].is_lower:
        return True
    current = doc[place.last]
    for _ in range(3):
        if current.dep_ not in {"compound", "nmod", "amod"} or current.head.i == current.i:
            return False
        current = current.head
        if current.lower_ in _FACILITY_NOUNS and (current.is_lower or current.lower_ in _DETENTION_NOUNS):
            return True
    return False


def _grievance(place: Place, sentence: Sentence, anchors: list[Token]) -> bool:
    """ "students rallied in A against the jailing of writers charged with burning a bank in B": a
    place inside what a crowd is against or demands, a phrase holding none of the event's cue
    words, is where the grievance happened."""
    for token in _ancestors(sentence.doc[place.last])[1:]:
        if token.lower_ in lexicon.cues().grievance_words:
            return not any(token.i in {t.i for t in _ancestors(a)} for a in anchors)
    return False


def _time_setting(place: Place, sentence: Sentence, anchors: list[Token]) -> bool:
    """ "killed in clashes in A, after a tense week in B": a place inside a span of time a
    preposition of sequence opens is where that span was lived, not where the deed happened;
    unless the span's phrase holds the event's own cue word ("after a week of clashes in B")."""
    words = lexicon.time_words()
    chain = _ancestors(sentence.doc[place.last])[1:]
    for token in chain:
        if (token.lower_ in words["setting_spans"] and token.dep_ == "pobj"
                and token.head.lower_ in words["setting_prepositions"]):
            below = {t.i for t in chain[: chain.index(token)]}
            return not any(a.i in below for a in anchors)
    return False


def _qualifier(place: Place, earlier: Place, sentence: Sentence) -> bool:
    """ "Al Khabr (Habban, Shabwah)", "Bano district of Baghlan": a larger unit qualifying a place."""
    doc = sentence.doc
    between = doc[earlier.last + 1 : place.first].text.strip()
    if _contains(place, earlier):
        return True
    # "Cankaya, Ankara", "Timba, Cauca": a second name after a comma, in no list, says where the first is
    if between == "," and not _in_list(earlier, place, sentence):
        return True
    if between in {"(", ",", "(in", ", in"} or between.startswith("("):
        a, b = earlier.mention.entry, place.mention.entry
        linked = doc[place.first].dep_ == "conj" or any(t.lower_ in {"and", "or"} for t in doc[earlier.last + 1 : place.first])
        if between.startswith("("):
            return True
        if a is not None and b is not None and not linked:
            rank = {"PPL": 0, "ADM3": 1, "ADM2": 2, "ADM1": 3}
            return rank.get(b.feature[:4] if b.feature.startswith("ADM") else "PPL", 0) > rank.get(a.feature[:4] if a.feature.startswith("ADM") else "PPL", 0)
    return False


# A location trail names one place, from the most precise to its containers: "X area of Y
# district, Z province", "X town (X-Centre, Z)", "X city in the Y countryside", "in X, near Y".
# Between two names of a trail stand only kinds of place, directions, prepositions of
# containment and brackets; anything else ("and", a verb, a noun) ends the trail.
_TRAIL_UNITS = {
    "village", "villages", "town", "towns", "city", "area", "areas", "locality", "hamlet", "district",
    "subdistrict", "sub-district", "township", "municipality", "commune", "county", "ward", "quarter",
    "neighbourhood", "neighborhood", "suburb", "suburbs", "outskirts", "countryside", "camp", "settlement",
    "sector", "department", "province", "region", "state", "governorate", "lga", "oblast", "raion", "zone",
    "tehsil", "subdivision", "territory", "chiefdom", "prefecture", "sub-prefecture", "cercle", "woreda", "regency",
    "subcounty", "sub-county", "parish", "canton",
    "kebele", "division", "centre", "center", "capital", "front", "fronts", "frontline", "frontlines", "valley",
    "island", "airport", "airbase", "base", "checkpoint", "crossing", "bridge", "road", "street", "market",
    "square", "hill", "hills", "mountain", "river", "prison",
    # "the X area, on the coast of Y", "X, on the shores of lake Y"
    "coast", "coastline", "shore", "shores", "bank", "banks", "edge",
}
_TRAIL_DIRECTIONS = {
    "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "northern", "southern",
    "eastern", "western", "central", "northeastern", "northwestern", "southeastern", "southwestern", "rural",
    "upper", "lower",
}
_TRAIL_LINKS = {",", "(", ")", "of", "in", "near", "within", "inside", "on"}
# a road's ends are joined by a hyphen or, in edited copy, an en dash ("the Mokowe–Hindi road")
_HYPHENS = {"-", "–", "‐"}
_TRAIL_FILLERS = {"the", "all", "located", "just", "-", "–", "‐", "[", "]", "military", "camps", "bases", "positions",
                  # a container's epithet: "Qalqilya in the occupied West Bank", "in war-torn Darfur"
                  "occupied", "restive", "war", "torn", "volatile", "troubled", "embattled", "besieged"}
# short words inside names the recogniser may cut a name before ("San Juan de Micay", "Hayy al Qati")
_NAME_PARTICLES = {"de", "del", "la", "le", "al", "el", "ad", "ar", "as", "ash", "at", "az", "e", "i", "ul", "bin", "ibn", "wa"}


def _trail_link(earlier: Place, place: Place, sentence: Sentence) -> bool:
    """Whether ``place`` only says where ``earlier`` lies, the two being names of one trail."""
    if earlier.country_only:
        return False  # a trail runs from the precise to the large: "in Mali, near Gao" names Gao
    tokens = [t for t in sentence.doc[earlier.last + 1 : place.first] if not t.is_space]
    # the end of a name the recogniser cut short ("Khor-e Bala area of …")
    while tokens and (tokens[0].pos_ == "PROPN" or tokens[0].text in _HYPHENS or tokens[0].lower_ in _NAME_PARTICLES):
        tokens.pop(0)
    # the start of the next name the recogniser left out ("(Al Mukalla" read as "Mukalla")
    while tokens and tokens[-1].lower_ in _NAME_PARTICLES and tokens[-1].text[:1].isupper():
        tokens.pop()
    # "X area west of Y in Z countryside": a reference point the recogniser missed ("west of Y")
    # says where X lies, like a direction
    kept: list[Token] = []
    for token in tokens:
        reference = (len(kept) >= 2 and kept[-1].lower_ == "of" and kept[-2].lower_ in _TRAIL_DIRECTIONS)
        if reference and (token.pos_ == "PROPN" or token.text in _HYPHENS):
            continue
        kept.append(token)
    tokens = kept
    words = [t.lower_ for t in tokens]
    if ")" in words and "(" not in words[: words.index(")")] and all(
            t.text[:1].isupper() or t.text == "," for t in tokens[: words.index(")")]):
        # "Ndele (Ndele, Bamingui), capital city of Kotto": a name the recogniser missed
        # inside the bracket the earlier name stands in closes it
        words = words[words.index(")") :]
    if "(" in words and ")" in words[words.index("(") :]:
        # "Dhok Mian village (Pashto name) of Fateh Jang district": an aside naming no place
        close = words.index(")", words.index("("))
        words = words[: words.index("(")] + words[close + 1 :]
    if not all(w in _TRAIL_LINKS or w in _TRAIL_UNITS or w in _TRAIL_DIRECTIONS or w in _TRAIL_FILLERS for w in words):
        return False
    if ")" in words:
        # "Nihm (Nihm, Sanaa), Sirwah (…)": what follows a closed bracket links to the trail's
        # first name, as a container or as the next item of a list
        words = words[len(words) - words[::-1].index(")") :]
    links = {w for w in words if w in _TRAIL_LINKS}
    if not links:
        return False  # "Ayn Laylah eastern Qara Tepe", "the Gao Timbuktu road": no link between them
    if "," in links and "(" not in links:
        # a comma joins the names of a trail ("Yae village, Myebon township", "Wukro, near
        # Mekelle") and those of a list ("A town, B town and C town", "A, in B and in C"): a list
        # is closed by "and"/"or"
        return not _comma_list(place, sentence)
    return True


def _comma_list(place: Place, sentence: Sentence) -> bool:
    """ "A, B and C", "A (X), B (Y) or C": after ``place``, names, brackets and commas run on to an
    "and"/"or" (the names were a list), not to another word or a closing bracket (a trail)."""
    depth = 0
    for token in sentence.doc[place.last + 1 : sentence.span.end]:
        word = token.lower_
        if word == "(":
            depth += 1
        elif word == ")":
            if depth == 0:
                return False  # "X (Y, Z)": the bracket that holds the names closes
            depth -= 1
        elif depth:
            continue
        elif word in {"and", "or", "&"}:
            return True
        elif not (token.text[:1].isupper() or word in {",", "-"} or word in _TRAIL_UNITS or word in _TRAIL_DIRECTIONS or token.is_space):
            return False
    return False


def _shared_units(trails: list[list[Place]], sentence: Sentence) -> list[list[Place]]:
    """Trails with the units a list's last name is followed by shared with the list's other names:
    in "the Mecula, Lupilichi and Msawize positions (Marrupa, Niassa)" each post lies in Marrupa."""
    result = [list(trail) for trail in trails]
    for index in range(len(result) - 2, -1, -1):
        trail, following = result[index], result[index + 1]
        if len(trail) == 1 and len(following) > 1 and _coordinated(trail[0], following[0], sentence):
            trail.extend(following[1:])
    return result


def _stands_for_people(place: Place, sentence: Sentence | None = None) -> bool:
    """The geocoder's demonyms and organisations ("Tuareg fighters", "the University of
    Kirkuk") stand for a people or a body, never for where something happened; so does a
    people's name modifying a noun ("attacked several Berom villages near X": whose villages). But
    a campus a deed is done to or at ("gunmen stormed the X Polytechnic University College") is a
    site in its town."""
    if is_demonym(place.mention):
        return True
    if is_organisation(place.mention):
        return not (sentence is not None and is_named_after(place.mention) and _campus_of_a_deed(place, sentence))
    if sentence is None or place.mention.text.lower() not in lexicon.actors().ethnic_names:
        return False
    last = sentence.doc[place.last]
    return last.dep_ in {"compound", "amod"} and last.head.pos_ == "NOUN" and last.head.i > last.i


# institutions whose grounds are a site: stormed, raided, attacked at (a body when it speaks)
_CAMPUS_WORDS = {"university", "college", "polytechnic", "school", "academy", "institute", "seminary", "hospital", "campus"}
_AT_WORDS = {"at", "in", "inside", "into", "on", "near", "outside", "around"}


def _campus_of_a_deed(place: Place, sentence: Sentence) -> bool:
    """ "stormed the X University College", "a bomb went off at the University of X": the phrase
    naming a teaching or care institution is a verb's object or a locating phrase's."""
    doc = sentence.doc
    head = doc[place.last]
    for _ in range(4):
        if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lower_ in _CAMPUS_WORDS:
            head = head.head.head  # "the University of X"
        elif head.dep_ in {"compound", "nmod", "amod"} and head.head.i > head.i:
            head = head.head  # "X Polytechnic University College"
        else:
            break
    if not any(t.lower_ in _CAMPUS_WORDS for t in doc[place.first : max(head.i, place.last) + 1]):
        return False
    return head.dep_ in {"dobj", "nsubjpass"} or (head.dep_ == "pobj" and head.head.lower_ in _AT_WORDS)


# "gunmen loyal to Damascus", "a militia backed by Tehran": a capital after these words is its
# government (whom the men obey), never where they fought
_ALLEGIANCE = {("loyal", "to"), ("allied", "to"), ("allied", "with"), ("aligned", "with"), ("backed", "by"),
               ("close", "to"), ("supported", "by"), ("sponsored", "by"), ("armed", "by"), ("answerable", "to")}


def _stands_for_government(place: Place, sentence: Sentence) -> bool:
    entry = place.mention.entry
    if entry is None or entry.feature != "PPLC" or place.first < 2:
        return False
    before = sentence.doc[place.first - 2 : place.first]
    return (before[0].lower_, before[1].lower_) in _ALLEGIANCE


def _agent_of_a_passive(place: Place, sentence: Sentence) -> bool:
    """ "listed as a terrorist organization by Türkiye, the US and the EU": a union of states or a
    capital named as the doer of a passive verb stands for its body or government, no place
    anything happened (a town may well be the doer: "shelled by forces from X" is not this)."""
    entry = place.mention.entry
    if entry is None or not (entry.feature == "PPLC" or entry.country_iso is None and entry.feature == "RGN"):
        return False
    token = sentence.doc[place.last]
    while token.dep_ in {"conj", "appos"} and token.head.i != token.i:
        token = token.head
    if not (token.dep_ == "pobj" and token.head.lower_ == "by"):
        return False
    by = token.head
    # (the parse may hang the "by" on the participle's complement: "listed as an organization by X")
    return by.dep_ == "agent" or any(a.tag_ == "VBN" for a in list(by.ancestors)[:3])


def _owner_before_apposition(earlier: Place, place: Place, sentence: Sentence) -> bool:
    """ "Khartoum's twin city Omdurman", "Kabul's western suburb Paghman": a place in the possessive,
    up to three adjectives and nouns ending in a kind of place, then the place's name: the
    possessive only says where (or near what) the place lies."""
    words = list(sentence.doc[earlier.last + 1 : place.first])
    if not (2 <= len(words) <= 4 and words[0].text in ("'s", "’s", "'", "’")):
        return False
    return (all(t.is_alpha and t.is_lower and t.pos_ in {"ADJ", "NOUN", "PROPN"} for t in words[1:])
            and words[-1].lower_ in _TRAIL_UNITS)


def _region_before_town(earlier: Place, place: Place, sentence: Sentence) -> bool:
    """ "the Sinai town of Arish": the earlier name is the region the later one, a town, lies in."""
    doc = sentence.doc
    end = doc[earlier.last].idx + len(doc[earlier.last].text)
    return region_before_town(sentence.doc_text, end, doc[place.first].idx)


def _trails(places: list[Place], sentence: Sentence) -> list[list[Place]]:
    """The sentence's places (in text order) grouped into location trails, most precise first;
    a place named alone is a trail of one."""
    grouped: list[list[Place]] = []
    # "Dhok Mian village (Pashto name) of Fateh Jang district": a people's name is no link of a trail
    places = [p for p in places if not _stands_for_people(p, sentence)]
    for place in places:
        between = [t.text for t in sentence.doc[place.first - 1 : place.first]]
        # (the owner contains the place, which is more precise than the owner but not than what
        # the trail named before it: "Jilib town in Somalia's Middle Juba region" is Jilib)
        if grouped and grouped[-1][-1].last == place.first - 2 and between in (["'s"], ["'"], ["’s"]):
            grouped[-1].insert(len(grouped[-1]) - 1, place)  # "Amman's Jabal Hussein district": the owner contains it
        elif grouped and _owner_before_apposition(grouped[-1][-1], place, sentence):
            grouped[-1].insert(len(grouped[-1]) - 1, place)  # "Khartoum's twin city Omdurman": one place, Omdurman
        elif grouped and _region_before_town(grouped[-1][-1], place, sentence):
            grouped[-1].insert(len(grouped[-1]) - 1, place)  # "the Idlib town of Saraqib": the region contains the town
        elif grouped and _trail_link(grouped[-1][-1], place, sentence):
            grouped[-1].append(place)
        elif (grouped and len(grouped[-1]) > 1 and grouped[-1][-1].country_only
              and [t.text for t in sentence.doc[grouped[-1][-1].last + 1 : place.first]] == ["("]):
            # "Tarsiya area in northern Chad (Fada, Ennedi)": the bracket after the country still
            # says where the trail's first name lies
            grouped[-1].append(place)
        else:
            grouped.append([place])
    return grouped


_NEIGHBOURING_KM = 100.0  # a text may put a place in the next province: this close, it still fits
_WELL_KNOWN = 100_000  # people: a city this big is where the text says, whatever unit it names beside it


def _distance(a: GazetteerEntry, b: GazetteerEntry) -> float:
    if a.latitude is None or b.latitude is None:
        return 0.0  # no point to compare: nothing says it does not fit
    return distance_km(a.latitude, a.longitude, b.latitude, b.longitude)


def _consistent(place: Place, containers: list[Place]) -> bool:
    """Whether the event can be coded at ``place`` itself rather than at a container of its trail.

    A place resolved in another country than every unit its trail names ("Khor" in Qatar, in
    "Khor-e Bala area of Chahar Asyab district, Kabul") is a namesake: the text says where it is.
    So is a small place that lies in none of the trail's units, in another province and over
    100 km from each ("near Bamba, Gao" read in Koulikoro), and a unit followed by a town (a
    unit cannot lie in a town: "the Las Palmas zone, Manta" is no district of another
    province). The test is loose on purpose: a gazetteer's unit (a city for its province) or the text
    itself may put a place in the neighbouring province, and a city of 100,000+ matched by its
    own name stays where the gazetteer puts it ("Kumasi, Volta region")."""
    entry = place.mention.entry
    if entry is None:
        return False
    if is_placed(place.mention):
        # a village placed at a unit of its trail, past a container that resolves ("Tin Ma
        # village, Kyauktaw township, Mrauk-U district" placed at the district): the nearer one
        first = next((c.mention.entry for c in containers if c.mention.entry is not None), None)
        return first is None or first.geonameid == entry.geonameid
    # a region of no one country ("Sinai", "Darfur") does not tell a namesake from the place
    known = [c.mention.entry for c in containers if c.mention.entry is not None and c.mention.entry.country_iso]
    if not known:
        return True
    if entry.country_iso not in {c.country_iso for c in known}:
        return False
    if not is_spelling_variant(place.mention.why) and (
            feature_class(entry) == "ADM1" or (feature_class(entry) == "PPL" and entry.population >= _WELL_KNOWN)):
        return True  # a text may misplace a city known across its country ("Kumasi, Volta region")
    if feature_class(entry) in UNITS and feature_class(known[0]) == "PPL" and not is_seat(known[0]):
        return False  # "the X zone, Manta": a unit of X's name elsewhere, not a part of the town
    # a namesake in another corner of the country ("near Bamba, Gao" read in Koulikoro): it lies
    # in none of the trail's units (a provincial seat named like its province stands for it), and
    # is far from all of them
    if entry.admin1_id is None:
        return True  # the gazetteer does not say which province it lies in
    return any(lies_in(entry, c) or entry.admin1_id == c.admin1_id or _distance(entry, c) < _NEIGHBOURING_KM
               for c in known)


def _modifies(place: Place, other: Place, sentence: Sentence) -> bool:
    """ "Baghlan's Bano district": the place is a possessive or compound inside the other's phrase;
    not an item of a list closed by the kind word ("Kunar and Nuristan Provinces")."""
    if other.first > place.last:
        if _between(place, other, sentence):
            return False  # "the Bouar-Baboua road": the road's two ends, neither inside the other
        chain = [place, *(q for q in sentence.places if place.last < q.first and q.last < other.first), other]
        if all(_coordinated(a, b, sentence) for a, b in zip(chain, chain[1:])):
            return False  # "Maru, Anka and Bukkuyum LGAs"
    last = sentence.doc[place.last]
    head = last.head
    for _ in range(3):
        if head.i in other.tokens or any(t.i in other.tokens for t in head.children if t.dep_ == "compound"):
            return last.dep_ in {"poss", "compound", "nmod"} or (last.dep_ == "pobj" and last.head.lower_ == "of")
        if head.head.i == head.i or head.dep_ == "conj":
            break  # "Kamba district, Lela district and …": a conjunct is a sibling, not an owner
        if head.dep_ == "prep" and head.lower_ != "of":
            break  # "the A-B border in X district": X says where the border is, it is no part of its name
        head = head.head
    return False


def _ancestors(token: Token) -> list[Token]:
    chain = [token]
    while chain[-1].head.i != chain[-1].i:
        chain.append(chain[-1].head)
    return chain


def _tied(place: Place, anchors: list[Token]) -> bool:
    """The place belongs to an anchor's own phrase or clause, not to a neighbouring noun phrase.

    "demonstrations in … Kabul" ties Kabul; in "no connection between these groups in Panjshir
    and the demonstrations", Panjshir hangs on "groups", a noun that is not the anchor.
    """
    token = anchors[0].doc[place.last]
    path = _ancestors(token)
    path_ids = [t.i for t in path]
    for anchor in anchors:
        if anchor.i in path_ids:
            return True
        anchor_path = {t.i for t in _ancestors(anchor)}
        common = next((t for t in path if t.i in anchor_path), None)
        if common is not None and (common.pos_ in {"VERB", "AUX"} or common.dep_ == "ROOT" or _predicate_adjective(common)):
            return True
    return False


def _a_unit(place: Place) -> bool:
    """A province, district or other administrative unit the gazetteer resolves."""
    return place.mention.entry is not None and place.mention.entry.feature.startswith("ADM")


def _unknown_settlement(place: Place, sentence: Sentence) -> bool:
    """A place the gazetteer lacks that the text calls a settlement: "the village of X", "X town"."""
    if place.mention.entry is not None:
        return False
    doc = sentence.doc
    before = doc[place.first - 2 : place.first]
    after = doc[place.last + 1] if place.last + 1 < len(doc) else None
    called = len(before) == 2 and before[1].lower_ == "of" and before[0].lower_ in _SETTLEMENT_HEADS
    return called or (after is not None and after.lower_ in _SETTLEMENT_HEADS)


def _predicate_adjective(token: Token) -> bool:
    """An adjective heading a clause of its own: "gunmen on a motorcycle shot dead an official",
    parsed with "shot" a noun and "dead" the clause's head, is the deed's predicate."""
    return token.pos_ == "ADJ" and token.dep_ in {"ccomp", "advcl", "conj", "xcomp"}


def _no_country_feature(entry) -> bool:
    """A region, river, range or sea of no one country ("Darfur", "the Dnieper"): too large to code
    an event at when a town is named beside it."""
    return entry.country_iso is None and entry.feature in ("RGN", "STM", "MTS", "ISL", "DSRT", "VAL", "LK")


def event_places(
    region: Region, sentence: Sentence, actors: list[ActorMention], anchors: list[Token] | None = None,
    *, crowd: bool = False, movement: bool = False, flight: bool = False,
) -> tuple[list[EventPlace], bool]:
    """The places a region's events happened at (one event each), and whether only a country was
    named. ``crowd``: the region tells a demonstration, riot or mob, whose grievance is no place of it.
    ``movement``: the region tells only forces moving, who are not where they came from;
    ``flight``: people fleeing, who are not where they fled to."""
    inside = [p for p in sentence.places if p.first in region.tokens]
    if crowd and anchors:
        inside = [p for p in inside if not _grievance(p, sentence, anchors)] or [p for p in inside if not p.country_only]
    # a country named as where it happened ("in Mali"), not a demonym ("Russian forces")
    demonyms = lexicon.countries().demonyms
    countries = [p for p in inside if p.country_only and p.mention.text.lower() not in demonyms and not _is_actor_modifier(p, sentence, actors)]
    candidates = [
        p
        for p in inside
        if not p.country_only
        and not _stands_for_people(p, sentence)
        and not _stands_for_government(p, sentence)
        and not _agent_of_a_passive(p, sentence)
        and not _is_actor_modifier(p, sentence, actors)
        and not _dateline(p, sentence)
        and not _destination(p, sentence)
        # an unresolved "place" that is no proper noun ("Meanwhile") or an adjective
        # ("Russian-occupied") is a recogniser slip
        and (p.mention.entry is not None or (_looks_like_name(p, sentence) and not _a_title(p)))
    ]
    # a site named after a place ("the Socabaya prison") when the sentence names its town
    sites = [p for p in candidates if _facility(p, sentence)]
    candidates = [p for p in candidates if p not in sites] or candidates
    # the place heading a list item ("- Haut-Mbomou: … near Zemio") when the item names a place
    # of its own: it only says where that lies
    labels = [p for p in candidates if _bullet_label(p, sentence)]
    candidates = [p for p in candidates if p not in labels] or candidates
    # "… in A, after a tense week in B": B only sets the time (kept when it is all there is)
    settings = [p for p in candidates if _time_setting(p, sentence, anchors or [])]
    candidates = [p for p in candidates if p not in settings] or candidates
    named = candidates
    if anchors and candidates:
        tied = [p for p in candidates if _tied(p, anchors)]
        if tied:
            candidates = tied
        else:
            # nothing tied by the parse: the place nearest to the cue
            candidates = [min(candidates, key=lambda p: min(abs(p.first - a.i) for a in anchors))]
    tied_or_near = candidates
    # the names of a location trail are one place: the event is at the most precise, its
    # containers only say where that lies (the parse often ties the event to a container)
    trail_of = {p.first: trail for trail in _shared_units(_trails(inside, sentence), sentence) for p in trail}
    heads = [next((q for q in trail_of[p.first] if q in named), p) for p in candidates]
    candidates = sorted({p.first: p for p in heads}.values(), key=lambda p: p.first)
    kept: list[Place] = []
    for place in candidates:
        if any(_contains(place, other) for other in candidates if other is not place):
            continue
        if any(_modifies(place, other, sentence) for other in candidates if other is not place):
            continue
        earlier = [o for o in candidates if o.last < place.first and place.first - o.last <= 4]
        if earlier and _qualifier(place, earlier[-1], sentence):
            continue
        if _opens_a_list(place, candidates, sentence):
            continue
        kept.append(place)
    # a region of no one country ("Darfur", "the Sahel") named beside a town only says where the
    # town lies ("… on the edge of El Fasher, the last major city in Darfur held by the army")
    # (a river too: "the Dnieper", filed with no country like a region)
    regions = [p for p in kept if p.mention.entry is not None and _no_country_feature(p.mention.entry)]
    if regions and len(regions) < len(kept):
        kept = [p for p in kept if p not in regions]
    elif regions and len(regions) == len(kept):
        # (and when the parse ties the event to the region alone: "shelled Nikopol across the
        # Dnieper" happened at the town the region is named beside)
        towns = [p for p in named if p.mention.entry is not None and not _no_country_feature(p.mention.entry)
                 and p.first < regions[0].first and not p.country_only]
        kept = towns[-1:] or kept
    if len(named) == 1 and len(kept) == 1 and _road_named_after(kept[0], sentence):
        # "hit a trench near the X road": the road to X lies anywhere on the way there, not at X;
        # the story's place told before is where it happened (a road between two named places,
        # "the Gao-Ansongo road", is coded at the first, below)
        return [], False
    landmarks = [p for p in kept if _landmark(p, sentence)]
    main = [p for p in kept if p not in landmarks]
    fitting = _in_the_sentence_country(named, trail_of, sentence)
    namesakes = [p for p in named if p not in fitting or _far_variant(p, trail_of, sentence)]
    main = [p for p in main if p not in namesakes] or main
    # "ambushed a convoy between Bannu and Lakki Marwat": one event on the way, near the first
    ends = {q.first: p.first for p in main for q in main if _between(p, q, sentence)}
    main = [p for p in main if p.first not in ends]
    # "In Idlib province, forces shelled the village of X …": a unit named before a village the
    # gazetteer lacks only says where the village lies (one event, at the unit), not a second place
    units = [p for p in main if _a_unit(p) and any(_unknown_settlement(q, sentence) and q.first > p.last for q in main)]
    main = [p for p in main if p not in units]
    if main:
        # a village the gazetteer lacks is coded near the nearest known place that qualifies it
        # ("the village of Silgadji in northern Soum province", "outside of Kobo"): ACLED's
        # geo_precision 2 or 3
        members = [q for p in candidates for q in trail_of[p.first]]
        substitutes = [p for p in named if p not in main and p not in namesakes and p.mention.entry is not None
                       and (p in tied_or_near or p in members)]
        # a known place stands in for an unknown one nearby as its trail is coded: at the trail's
        # most precise known name, which may be an event place already ("at X hamlet, Y union
        # (Kot Addu, Sindh)": Kot Addu, not Sindh)
        coded = {s.first: next((q for q in trail_of[s.first] if q in named and q.mention.entry is not None), s)
                 for s in substitutes}
        placed = [_placed(place, trail_of[place.first], named, substitutes, coded) for place in main]
        placed = [replace(e, near=True) if e.place is not None and e.place.first in ends.values() else e for e in placed]
        return [replace(e, facility=e.place in sites) for e in _unique(placed)], False
    if landmarks:
        # "rockets fired from Gaza landed near Ashkelon": where a strike came from is a reference
        # point too, but the event is where it landed
        landmarks = sorted(landmarks, key=lambda p: _origin(p, sentence))
        if movement and _origin(landmarks[0], sentence) or flight and _heading(landmarks[0], sentence):
            # "reinforcements arrived from X": they arrived where the story is, not at X; "the
            # militants fled towards X": they fled from where the story is
            return [], False
        # "near X, Y": X is the reference point, coded like any place of a trail; an unknown one
        # ("In Tepic, … rallied outside the X toll booth") near the known place named
        known = [p for p in named if p.mention.entry is not None and p is not landmarks[0]]
        coded = {p.first: next((q for q in trail_of[p.first] if q in known), p) for p in known}
        return [replace(_placed(landmarks[0], trail_of[landmarks[0].first], named, known, coded), near=True)], False
    return [], bool(countries)


def named_countries(sentence: Sentence) -> list[str]:
    """ISO codes of the countries ``sentence`` names as places ("refugees returned to Chad"),
    not as a modifier of a noun ("the US government", "Afghan forces"), nor as the far side of a
    border ("close to the Ugandan frontier")."""
    return [p.mention.entry.country_iso for p in sentence.places
            if p.country_only and p.mention.entry is not None and p.mention.entry.country_iso
            and not is_demonym(p.mention) and sentence.doc[p.last].dep_ not in {"compound", "amod", "nmod", "poss"}
            and not _across_a_border(sentence.doc[p.last])]


# a border is shared: "the Ugandan border", "the border with Uganda" name the neighbour as often
# as the country where it happened (M23 shelling a Congolese town near the Ugandan border)
_BORDER_WORDS = {"border", "borders", "frontier", "boundary"}


def _across_a_border(token: Token) -> bool:
    """ "the Ugandan border", "the border with Uganda", "Uganda's border": a country named as one
    side of a border."""
    head = token.head
    if head.lower_ in _BORDER_WORDS:
        return True
    return head.lower_ in {"with", "of"} and head.head.lower_ in _BORDER_WORDS


# prepositions that tell where: a proper name after them that the geoparser did not resolve
# ("killed nine villagers in Dougoufe") is a place no gazetteer lists
_WHERE_PREPOSITIONS = {"in", "near", "outside", "around", "at"}
_TIME_NAMES = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
               "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
               "ramadan", "christmas", "easter", "eid"}


def names_an_unread_place(sentence: Sentence) -> bool:
    """``sentence`` says where with a proper name the geoparser left unresolved ("in Dougoufe",
    "near Bunagana"): its event is at a place no gazetteer lists, not anywhere in the country, so
    it gets no national capital (a wrong point is worse than none)."""
    resolved = {i for p in sentence.places if p.mention.entry is not None for i in p.tokens}
    for token in sentence.span:
        if (token.pos_ == "PROPN" and token.is_title and token.i not in resolved and token.dep_ == "pobj"
                and token.head.lower_ in _WHERE_PREPOSITIONS and token.lower_ not in _TIME_NAMES):
            return True
    return False


# heads that make a demonym name whose forces these are, not where anything happened
_FORCE_HEADS = {"forces", "force", "troops", "army", "military", "soldiers", "jets", "warplanes", "aircraft", "f-16s", "migs", "sukhois",
                "drones", "drone", "navy", "militias", "fighters", "mercenaries"}


# what a side strikes with or sponsors: "Israeli shelling", "Iranian-backed militias" name the side
# striking from abroad as often as at home, not the country an article is set in
_STRIKE_HEADS = {"shelling", "strike", "strikes", "airstrike", "airstrikes", "bombardment", "bombing", "raid", "raids",
                 "missile", "missiles", "rocket", "rockets", "artillery", "tanks", "tank", "backed", "offensive"}


def home_countries(sentences: list[Sentence]) -> list[str]:
    """The countries an article is set in, most named first: those it names as places, then by
    its demonyms, except those of armed forces ("Kenyan soldiers" may be posted abroad), of
    strikes and sponsors ("Israeli shelling", "Iranian-backed") and of currencies ("US dollars")."""
    votes: dict[str, int] = {}
    for sentence in sentences:
        for place in sentence.places:
            entry = place.mention.entry
            if not place.country_only or entry is None or not entry.country_iso or is_currency(place.mention):
                continue  # "paid in Lebanese pounds": money, not where the article is set
            if is_demonym(place.mention) and sentence.doc[place.last].head.lower_ in _FORCE_HEADS | _STRIKE_HEADS:
                continue
            if _across_a_border(sentence.doc[place.last]):
                continue  # "near the Ugandan border": the neighbour's name
            votes[entry.country_iso] = votes.get(entry.country_iso, 0) + (1 if is_demonym(place.mention) else 2)
    return sorted(votes, key=lambda iso: -votes[iso])


def coded_places(sentence: Sentence) -> list[EventPlace]:
    """Where each location trail of ``sentence`` is coded: its most precise name that fits it
    (not where the wounded were taken)."""
    trails = _trails([p for p in sentence.places if not _destination(p, sentence)], sentence)
    return [_placed(trail[0], trail, trail, []) for trail in trails]


def _in_the_sentence_country(places: list[Place], trail_of: dict[int, list[Place]], sentence: Sentence) -> list[Place]:
    """``places`` without the lone names resolved in another country than most of the sentence's
    places, when the sentence does not name that country and sets its scene in the other one, by
    a trail ("Miners employed by Denver Mining blocked the road into Uyuni (Potosi)") or a list
    the name is an item of ("in Kisumu, Kericho, Nakuru and Eldoret", Kericho read in Tanzania).
    "Shelled Sumy from positions in Belgorod and Kursk regions" sets no scene: Sumy stays."""
    votes: dict[str, int] = {}
    for p in sentence.places:
        entry = p.mention.entry
        if entry is not None and entry.country_iso and not p.country_only and not _stands_for_people(p, sentence):
            votes[entry.country_iso] = votes.get(entry.country_iso, 0) + 1
    if len(votes) < 2:
        return places
    ranked = sorted(votes.values(), reverse=True)
    if ranked[0] == ranked[1]:
        return places
    top = max(votes, key=lambda iso: votes[iso])
    # the sentence sets its scene with a trail in that country ("into Uyuni (Potosi)"), not
    # with a list of places ("from Belgorod and Kursk regions")
    scene = any(sum(1 for q in trail if q.mention.entry is not None and q.mention.entry.country_iso == top) >= 2
                for trail in trail_of.values())
    ordered = sorted(sentence.places, key=lambda q: q.first)

    def in_top(q: Place) -> bool:
        return q.mention.entry is not None and q.mention.entry.country_iso == top

    def listed_with_top(p: Place) -> bool:
        """ "Kisumu, Kericho, Nakuru and Eldoret": an item of a list of places of that country."""
        i = ordered.index(p)
        before = ordered[i - 1] if i else None
        after = ordered[i + 1] if i + 1 < len(ordered) else None
        return ((before is not None and in_top(before) and _coordinated(before, p, sentence))
                or (after is not None and in_top(after) and _coordinated(p, after, sentence)))

    named = set(named_countries(sentence))
    return [p for p in places
            if p.mention.entry is None or p.mention.entry.country_iso in (top, *named) or len(trail_of[p.first]) > 1
            or not (scene or listed_with_top(p))]


def _far_variant(place: Place, trail_of: dict[int, list[Place]], sentence: Sentence) -> bool:
    """A lone name resolved only by a spelling variant, far from the scene its sentence sets with a
    trail ("in Mexicali, Baja California, … shot in Colonia X", X matched to a namesake 2,000 km
    away), lying in none of its units: a namesake, the clause's event is at the scene."""
    entry = place.mention.entry
    if entry is None or not is_spelling_variant(place.mention.why) or len(trail_of[place.first]) > 1:
        return False
    if listed(place, sentence):
        return False
    scenes = [[q.mention.entry for q in trail if q.mention.entry is not None and not q.country_only]
              for trail in trail_of.values() if place not in trail]
    scenes = [known for known in scenes if len(known) >= 2]
    return bool(scenes) and all(
        not any(lies_in(entry, c) or entry.admin1_id == c.admin1_id or _distance(entry, c) < _NEIGHBOURING_KM for c in known)
        for known in scenes)


def _placed(place: Place, trail: list[Place], named: list[Place], substitutes: list[Place],
            coded: dict[int, Place] | None = None) -> EventPlace:
    """Where an event told at ``place`` is coded: the place itself, or, when it is unresolved or a
    namesake that does not fit its trail, the most precise container (or nearby place) that resolves."""
    containers = trail[trail.index(place) + 1 :]
    if not _consistent(place, containers):
        # unresolved, or resolved to a namesake outside the units the trail names: the
        # most precise container that resolves
        known = [q for q in containers if q in named and q.mention.entry is not None]
        if known:
            return EventPlace(known[0], near=True)
    if place.mention.entry is None:
        # the known place named next to it, after it ("X farm, outside Y") or else before it
        # ("outside Y, … shot two ranch hands at X estancia")
        after = [s for s in substitutes if 0 < s.first - place.last <= 12]
        before = [s for s in substitutes if s.last < place.first]
        if after or before:
            nearest = after[0] if after else before[-1]
            return EventPlace((coded or {}).get(nearest.first, nearest), near=True)
    # a village placed at the town or unit named beside it: ACLED's precision 2 or 3
    return EventPlace(place, near=is_placed(place.mention))


def counts_by_place(places: list[EventPlace], counts: list[Count], sentence: Sentence) -> list[list[Count]]:
    """Death counts of a sentence that names several places: each count to the place it goes with.

    "Three people were killed in Donetsk and one in Horlivka": the nearest place after the count.
    "Two people were killed in the villages of A and B": one count over two places is shared.
    """
    if len(places) == 1 or not counts:
        return [list(counts) for _ in places]
    firsts = [p.place.first for p in places if p.place is not None]
    assigned: list[list[Count]] = [[] for _ in places]
    listed = all(_coordinated(a.place, b.place, sentence) for a, b in zip(places, places[1:]) if a.place and b.place)
    for count in counts:
        after = [n for n, first in enumerate(firsts) if first > count.target]
        if (len(counts) >= len(places) or not listed) and after:
            assigned[after[0]].append(count)
            continue
        share = count.value // len(places)
        remainder = count.value - share * len(places)
        for n in range(len(places)):
            value = share + (1 if n < remainder else 0)
            assigned[n].append(Count(count.kind, value, None, None, count.text, count.start, count.end, count.target, count.vague))
    return assigned


def _coordinated(a: Place, b: Place, sentence: Sentence) -> bool:
    """ "Jebghas and Tel Minis", "Deh Saleh, Bano and Pul-Hesar": places of one list."""
    doc = sentence.doc
    between = doc[a.last + 1 : b.first].text.strip().lower() if b.first > a.last else ""
    if between in {",", "and", ", and", "or", ", or", "&"}:
        return True
    last = doc[b.last]
    return last.dep_ == "conj" and last.head.i in a.tokens


def listed(place: Place, sentence: Sentence) -> bool:
    """Whether ``place`` is one of a list of the sentence's places ("moved into A and B")."""
    others = [p for p in sentence.places if p is not place and not p.country_only]
    return any(_coordinated(o, place, sentence) or _coordinated(place, o, sentence) for o in others)


def list_head(place: Place, places: list[EventPlace], sentence: Sentence) -> list[int]:
    """Tokens that make the evidence cover a whole place list and the noun governing it:
    "the districts of Deh Saleh, Bano and Pul-Hesar"."""
    doc = sentence.doc
    firsts = [p.place.first for p in places if p.place is not None]
    key = [min(firsts)] if len(firsts) > 1 else []
    first_place = min((p.place for p in places if p.place is not None), key=lambda p: p.first, default=place)
    current = doc[first_place.last]
    for _ in range(3):
        head = current.head
        if current.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN":
            key.append(head.head.i)
            current = head.head
        elif current.dep_ == "compound" and head.pos_ == "NOUN":
            key.append(head.i)
            current = head
        else:
            break
    return key


def _unique(places: list[EventPlace]) -> list[EventPlace]:
    """One event place per place, "near" only if it is near at every mention (an unknown village
    coded at a town that is also named as an event place is at that town)."""
    unique: dict[int, EventPlace] = {}
    for event_place in places:
        key = event_place.place.first if event_place.place is not None else -1
        if key not in unique:
            unique[key] = event_place
        elif not event_place.near:
            unique[key] = replace(unique[key], near=False)
    return list(unique.values())


_ADJECTIVE_ENDINGS = ("-occupied", "-held", "-controlled", "-backed", "-led", "-installed", "-allied", "-linked", "-based", "-run")


def _looks_like_name(place: Place, sentence: Sentence) -> bool:
    text = place.mention.text.lower()
    if text.endswith(_ADJECTIVE_ENDINGS):
        return False
    return any(t.pos_ == "PROPN" for t in sentence.doc[place.first : place.last + 1])


def _in_list(first: Place, second: Place, sentence: Sentence) -> bool:
    """ "A, B and C": a comma list, closed by "and"/"or" before the sentence moves on."""
    doc = sentence.doc
    after = [t for t in doc[second.last + 1 : min(second.last + 8, sentence.span.end)]]
    if after and after[0].lower_ in {"and", "or"}:
        return True
    if after and after[0].text == "," and len(after) > 1 and (after[1].lower_ in {"and", "or"} or sentence.place_at(after[1].i) is not None):
        return True
    before = doc[max(sentence.span.start, first.first - 2) : first.first]
    if any(t.text == "," for t in before) and any(sentence.place_at(t.i) is not None for t in doc[max(sentence.span.start, first.first - 4) : first.first]):
        return True
    return doc[second.last].dep_ == "conj" and doc[second.last].head.i in first.tokens and any(
        t.lower_ in {"and", "or"} for t in doc[second.last + 1 : min(second.last + 12, sentence.span.end)]
    )
