"""Dates: time expressions in a sentence, resolved against the publication date.

Explicit dates ("6 May 2020", "June 11"), weekdays ("on Sunday", "late Monday": the most recent
such day on or before publication), relative days and periods ("yesterday", "last week": its
midpoint, ACLED time_precision 2), months (precision 3). Decades, "N years ago", year ranges
and anything older than the reporting window mark background. A resolved date is never after
publication; an explicit date after it ("on October 8") marks a planned event.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, replace

from thucydides.extract import lexicon
from thucydides.extract.sentences import Sentence, dateline_of

_MONTHS = {name.lower(): n for n, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): n for n, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
MONTH_NAMES = frozenset(_MONTHS)  # "may", "sept", "december" (lower case)
_WEEKDAYS = {name.lower(): n for n, name in enumerate(calendar.day_name)}
# parts of a day, which name a time like the lexicon's relative days and units ("on the night")
_DAY_PARTS = frozenset({"morning", "mornings", "afternoon", "evening", "evenings", "night", "nights", "weekend", "dawn", "dusk", "midnight", "noon", "hour", "hours"})
_MONTH = r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>1[89]\d\d|20\d\d)"
_WEEKDAY = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"

_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("iso", re.compile(r"\b(?P<year>\d{4})-(?P<mon>\d{2})-(?P<day>\d{2})\b")),
    ("day_month", re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?\b")),
    ("month_day", re.compile(rf"\b{_MONTH}\s+{_DAY}(?!\d)(?:,?\s+{_YEAR})?\b")),
    ("month_year", re.compile(rf"\b(?P<edge>early|mid|late|the end of|end of|the beginning of|beginning of|the start of|start of)?\s*-?\s*{_MONTH}\s+{_YEAR}\b", re.I)),
    (
        "month",
        re.compile(
            rf"\b(?P<prep>(?i:in|since|until|till|during|by|from|of|last|this|early|mid|late|through|between|before|after))\s+(?:(?P<edge>early|mid|late|the end of|end of|the beginning of|beginning of)\s*-?\s*)?{_MONTH}\b(?!\s+\d)"
        ),
    ),
    ("decade", re.compile(r"\b(?:the\s+)?(?:early\s+|mid-?|late\s+)?(?P<decade>1[89]\d0|20\d0|'?\d0)s\b")),
    (
        "ago",
        re.compile(
            r"\b(?:more than\s+|over\s+|about\s+|nearly\s+|almost\s+|some\s+)?(?P<count>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|many|few|a few|a couple of)\s+(?P<unit>days?|weeks?|months?|years?|decades?|centur(?:y|ies))\s+(?:ago|earlier|before)\b",
            re.I,
        ),
    ),
    ("year_range", re.compile(r"\b(?:from\s+|between\s+)?(?P<year>1[89]\d\d|20\d\d)\s*(?:to|and|-|–|until)\s*(?P<year2>1[89]\d\d|20\d\d)\b")),
    # "on Wednesday last week": that weekday of the week before publication's
    ("weekday_last_week", re.compile(rf"\b(?:on\s+)?{_WEEKDAY}\s+(?:of\s+)?last\s+week\b")),
    # "on the eve of Sunday's election": the day before that weekday
    ("eve", re.compile(rf"\bon the eve of {_WEEKDAY}(?:'s)?")),
    # "next Monday", "this coming Friday", "on Friday next week": a weekday after publication
    ("weekday_next", re.compile(rf"\b(?:on\s+|for\s+|by\s+)?(?:next|this\s+coming|coming)\s+{_WEEKDAY}\b")),
    ("weekday_next", re.compile(rf"\b(?:on\s+|for\s+|by\s+)?{_WEEKDAY}\s+(?:of\s+)?next\s+week\b")),
    ("weekday", re.compile(rf"\b(?P<mod>late|early|on|last|this|past)?\s*{_WEEKDAY}(?:'s)?(?:\s+(?P<part>morning|afternoon|evening|night))?\b")),
    # "on Christmas Eve", "on New Year's Day": holidays of one fixed day
    ("holiday", re.compile(r"\b(?:on|over|during)\s+(?P<holiday>Christmas Eve|Christmas Day|Christmas|Boxing Day|New Year's Eve|New Year's Day)\b")),
    # "on the 28th": a day of the month of publication (of the month before, when still to come)
    ("month_day_only", re.compile(r"\bon the (?P<day>[0-3]?\d)(?:st|nd|rd|th)\b(?=\s*[,.;)]|\s*$|\s+(?:at|when|in|near|and|as|after|before|morning|afternoon|evening|night)\b)")),
    # "in 2014", "during the 2017 siege", "in the 2020 war": a year naming the time of a deed or
    # of the happening it is named by
    ("year", re.compile(rf"\b(?P<prep>(?i:in|since|until|till|during|by|from|of|before|after|between|early|late|mid))\s+(?P<the>(?i:the)\s+)?{_YEAR}\b")),
)
# "since 18 March", "Until 29 April, 753 prisoners were released", "As of 6 May, …": a day that
# opens or closes a span frames a tally or a state, not one day's event (a day ending a range of
# the event itself, "fighting lasted until 8 May", is not fronted and keeps its day)
_SPAN_EDGE = re.compile(r"(?:\bsince\s+|^\s*(?:until|till|up to|as of)\s+)$", re.I)
_DAY_KINDS = {"iso", "day_month", "month_day", "month_day_only", "holiday"}
_HOLIDAYS = {"christmas eve": (12, 24), "christmas day": (12, 25), "christmas": (12, 25), "boxing day": (12, 26),
             "new year's eve": (12, 31), "new year's day": (1, 1)}
# a quick test of text each slow pattern cannot match without (same flags, a part of the
# pattern): most sentences name no year, and month_year alone cost more than all the others
_YEARISH = re.compile(r"(?:1[89]|20)\d\d")
_PRECHECKS: dict[str, re.Pattern[str]] = {
    "month_year": _YEARISH,
    "year_range": _YEARISH,
    "year": _YEARISH,
    "ago": re.compile(r"ago|earlier|before", re.I),
}
_DAY_BEFORE = re.compile(r"\b(?:the day before|the previous day|a day earlier|the day earlier|the previous night|the night before)\b", re.I)
_COUNT_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "several": 3, "many": 5, "few": 3, "a few": 3, "a couple of": 2}


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int  # article character offsets
    end: int
    text: str
    kind: str
    value: dt.date | None
    precision: int | None  # ACLED time_precision: 1 day, 2 week, 3 month
    background: bool = False  # before the reporting window
    future: bool = False  # after publication
    qualifier: bool = False  # "(week of)", "(between 3 June - 5 June)": refines a date just given
    until: dt.date | None = None  # end of a day range ("from 7 to 8 May")
    listed: tuple[dt.date, ...] = ()  # the days of a list ("on Thursday, Friday and Saturday")


def window_days() -> int:
    return int(lexicon.time_words()["window_days"])


def _month_year(month: int, published: dt.date | None, year: int | None) -> int | None:
    if year is not None:
        return year
    if published is None:
        return None
    return published.year if month <= published.month else published.year - 1


def _safe_date(year: int | None, month: int, day: int) -> dt.date | None:
    if year is None:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _month_point(year: int, month: int, edge: str | None) -> dt.date:
    last = calendar.monthrange(year, month)[1]
    edge = (edge or "").lower()
    if "end" in edge or edge == "late":
        return dt.date(year, month, last)
    if "beginning" in edge or "start" in edge or edge == "early":
        return dt.date(year, month, 1)
    return dt.date(year, month, 15)


def _is_background(value: dt.date | None, published: dt.date | None) -> bool:
    return value is not None and published is not None and (published - value).days > window_days()


def _mention(kind: str, match: re.Match[str], base: int, published: dt.date | None) -> DateMention | None:
    text = match.group(0).strip()
    start, end = base + match.start(), base + match.end()
    groups = match.groupdict()
    if kind == "iso":
        value = _safe_date(int(groups["year"]), int(groups["mon"]), int(groups["day"]))
        return _resolved(kind, start, end, text, value, 1, published)
    if kind in {"day_month", "month_day"}:
        month = _MONTHS[groups["month"].lower().rstrip(".")]
        day = int(groups["day"])
        if not 1 <= day <= 31:
            return None
        year = int(groups["year"]) if groups.get("year") else None
        if year is None and published is not None:
            year = published.year
            candidate = _safe_date(year, month, day)
            # a yearless date well after publication is last year's; a few months ahead is a plan
            if candidate is not None and candidate > published and (candidate - published).days > 120:
                year -= 1
        return _resolved(kind, start, end, text, _safe_date(year, month, day), 1, published)
    if kind in {"month_year", "month"}:
        raw = groups["month"]
        if kind == "month" and not raw[0].isupper():
            return None
        month = _MONTHS[raw.lower().rstrip(".")]
        year = int(groups["year"]) if groups.get("year") else _month_year(month, published, None)
        if kind == "month" and (groups.get("prep") or "").lower() == "last" and published is not None and year == published.year:
            year -= 1 if month >= published.month else 0
        if year is None:
            return DateMention(start, end, text, kind, None, 3)
        value = _month_point(year, month, groups.get("edge"))
        background = published is not None and (year, month) < (published.year, published.month) and _is_background(value, published)
        since = (groups.get("prep") or "").lower() in {"since", "until", "till", "before"}
        return DateMention(start, end, text, kind, value, 3, background or since, _is_future(value, published))
    if kind == "decade":
        return DateMention(start, end, text, kind, None, None, background=True)
    if kind == "ago":
        if re.fullmatch(r"(?:a|one)\s+day\s+(?:earlier|before)", text, re.I):
            return None  # "a day earlier" counts back from the story's day, not publication's (_DAY_BEFORE)
        unit = groups["unit"].lower().rstrip("s").replace("ie", "y")
        days = lexicon.time_words()["units_days"].get(unit, lexicon.time_words()["units_days"].get(unit + "s", 1))
        count_text = groups["count"].lower()
        count = int(count_text) if count_text.isdigit() else _COUNT_WORDS.get(count_text, 2)
        back = days * count
        value = published - dt.timedelta(days=back) if published else None
        background = back > window_days()
        if background:
            return DateMention(start, end, text, kind, None, None, True)
        return DateMention(start, end, text, kind, value, 1 if back <= 2 else 2)
    if kind == "year_range":
        return DateMention(start, end, text, kind, None, None, background=published is None or int(groups["year"]) < published.year)
    if kind == "weekday_last_week":
        if published is None:
            return DateMention(start, end, text, kind, None, 1)
        monday = published - dt.timedelta(days=published.weekday() + 7)
        return _resolved(kind, start, end, text, monday + dt.timedelta(days=_WEEKDAYS[groups["weekday"].lower()]), 1, published)
    if kind == "weekday_next":
        if published is None:
            return DateMention(start, end, text, kind, None, 1)
        ahead = (_WEEKDAYS[groups["weekday"].lower()] - published.weekday()) % 7 or 7
        if "next" in text.lower():
            # "Friday next week", "next Wednesday" (told on a Tuesday: not tomorrow): that
            # weekday of the week after publication's; "this coming Wednesday" is the nearest
            monday = published + dt.timedelta(days=7 - published.weekday())
            return _resolved(kind, start, end, text, monday + dt.timedelta(days=_WEEKDAYS[groups["weekday"].lower()]), 1, published)
        return _resolved(kind, start, end, text, published + dt.timedelta(days=ahead), 1, published)
    if kind == "eve":
        if published is None:
            return DateMention(start, end, text, kind, None, 1)
        back = (published.weekday() - _WEEKDAYS[groups["weekday"].lower()]) % 7
        return _resolved(kind, start, end, text, published - dt.timedelta(days=back + 1), 1, published)
    if kind == "holiday":
        if published is None:
            return None
        month, day = _HOLIDAYS[groups["holiday"].lower()]
        year = published.year if (month, day) <= (published.month, published.day) else published.year - 1
        return _resolved(kind, start, end, text, _safe_date(year, month, day), 1, published)
    if kind == "month_day_only":
        day = int(groups["day"])
        if published is None or not 1 <= day <= 31:
            return None
        year, month = (published.year, published.month) if day <= published.day else (
            (published.year, published.month - 1) if published.month > 1 else (published.year - 1, 12))
        return _resolved(kind, start, end, text, _safe_date(year, month, day), 1, published)
    if kind == "weekday":
        if published is None:
            return DateMention(start, end, text, kind, None, 1)
        weekday = _WEEKDAYS[groups["weekday"].lower()]
        back = (published.weekday() - weekday) % 7
        if (groups.get("mod") or "").lower() == "last" and back == 0:
            back = 7
        value = published - dt.timedelta(days=back)
        return DateMention(start, end, text, kind, value, 1)
    if kind == "year":
        year = int(groups["year"])
        prep = (groups.get("prep") or "").lower()
        before = published is not None and year < published.year
        if groups.get("the"):
            # "during the 2024 elections" in 2024 names a time of this year, maybe this week
            return DateMention(start, end, text, kind, None, None, background=before)
        # "since 2015", "until 2011", "in 2006": a recap; the year of publication alone is too vague
        return DateMention(start, end, text, kind, None, None, background=before or prep in {"since", "until", "till", "before"} or published is None or year <= published.year)
    return None


def _is_future(value: dt.date | None, published: dt.date | None) -> bool:
    return value is not None and published is not None and value > published


def is_time_word(word: str) -> bool:
    """Whether ``word`` names a time rather than a thing: a month, a weekday, a one-word relative
    day ("yesterday"), a unit or part of a day ("week", "night") or a year ("on Tuesday", "in
    March", "on the night", "in 2023", against "on the attacks", "in a statement")."""
    lower = word.lower()
    words = lexicon.time_words()
    return (
        lower in MONTH_NAMES
        or lower in _WEEKDAYS
        or lower in _DAY_PARTS
        or lower in words["units_days"]
        or lower in words["relative_days"]  # its one-word phrases
        or _YEARISH.fullmatch(lower) is not None
    )


def _resolved(kind: str, start: int, end: int, text: str, value: dt.date | None, precision: int, published: dt.date | None) -> DateMention:
    return DateMention(start, end, text, kind, value, precision, _is_background(value, published), _is_future(value, published))


def _relative(text: str, base: int, published: dt.date | None) -> list[DateMention]:
    words = lexicon.time_words()
    lower = text.lower()
    found: list[DateMention] = []
    for phrase, back in words["relative_days"].items():
        for match in lexicon.iter_phrase(phrase, lower):
            value = published - dt.timedelta(days=int(back)) if published else None
            found.append(DateMention(base + match.start(), base + match.end(), text[match.start() : match.end()], "relative", value, 1))
    # longest first: "earlier this month" is not "this month"
    for phrase, (back, precision) in sorted(words["relative_periods"].items(), key=lambda item: -len(item[0])):
        for match in lexicon.iter_phrase(phrase, lower):
            if any(base + match.start() < f.end and f.start < base + match.end() for f in found):
                continue
            value = published - dt.timedelta(days=int(back)) if published else None
            found.append(
                DateMention(base + match.start(), base + match.end(), text[match.start() : match.end()], "period", value, int(precision), _is_background(value, published))
            )
    for phrase in words["background_phrases"]:
        for match in lexicon.iter_phrase(phrase, lower):
            found.append(DateMention(base + match.start(), base + match.end(), text[match.start() : match.end()], "background", None, None, True))
    for match in _DAY_BEFORE.finditer(text):
        found.append(DateMention(base + match.start(), base + match.end(), match.group(0), "day_before", None, 1))
    return found


def report_day(text: str, published: dt.date | None) -> dt.date | None:
    """The day a dateline gives the report ("NIAMEY, March 10 (Reuters) -" in a copy published on
    the 12th): the day its "yesterday", "today" and weekdays are told from. None without one, or
    when it is no day shortly before publication."""
    dateline = dateline_of(text)
    if dateline is None or published is None:
        return None
    for kind in ("day_month", "month_day"):
        match = dict(_PATTERNS)[kind].search(dateline)
        mention = _mention(kind, match, 0, published) if match else None
        if mention is not None and mention.value is not None and 0 <= (published - mention.value).days <= window_days():
            return mention.value
    return None


def _overlaps(a: DateMention, b: DateMention) -> bool:
    return a.start < b.end and b.start < a.end


def find_dates(sentence: Sentence, published: dt.date | None) -> list[DateMention]:
    """Date expressions of a sentence (article offsets), longest first where they overlap."""
    text = sentence.text
    base = sentence.start
    found: list[DateMention] = []
    for kind, pattern in _PATTERNS:
        precheck = _PRECHECKS.get(kind)
        if precheck is not None and not precheck.search(text):
            continue
        for match in pattern.finditer(text):
            mention = _mention(kind, match, base, published)
            if mention is None or any(_overlaps(mention, other) for other in found):
                continue
            if kind in _DAY_KINDS and _SPAN_EDGE.search(text[: match.start()]):
                mention = replace(mention, background=True)
            found.append(mention)
    for mention in _relative(text, base, published):
        if not any(_overlaps(mention, other) for other in found):
            found.append(mention)
    found = _named_nights(found, text, base)
    found.sort(key=lambda m: m.start)
    return _mark_qualifiers(_join_ranges(found, text, base), text, base)


_NIGHT_WORDS = frozenset({"overnight", "last night"})
_NIGHT_JOINS = {"": 0, "on": 0, ",": 0, "into": 1, "to": 1}


def _named_nights(found: list[DateMention], text: str, base: int) -> list[DateMention]:
    """ "overnight on Sunday", "Sunday overnight": the night of the day named, not the night
    before publication; "overnight into Monday" is the night that began the day before Monday."""
    dropped: set[int] = set()
    moved: dict[int, DateMention] = {}
    for n, night in enumerate(found):
        if night.text.lower() not in _NIGHT_WORDS:
            continue
        for m, day in enumerate(found):
            if m == n or day.value is None or day.kind == "relative":
                continue
            after = text[night.end - base : day.start - base].strip().lower() if day.start >= night.end else None
            before = text[day.end - base : night.start - base].strip().lower() if day.end <= night.start else None
            if after in _NIGHT_JOINS or before in {"", ","}:
                back = _NIGHT_JOINS.get(after or "", 0) if after is not None else 0
                moved[m] = replace(day, value=day.value - dt.timedelta(days=back))
                dropped.add(n)
                break
    return [moved.get(n, mention) for n, mention in enumerate(found) if n not in dropped]


_NIGHT_OF = re.compile(r"\b(?:(?:the\s+)?night\s+(?:of|from)|overnight(?:\s+(?:from|of))?)\s*$", re.I)


def _day_list(found: list[DateMention], n: int, text: str, base: int) -> list[DateMention]:
    """The dates of a list of days starting at ``found[n]``: "on Thursday, Friday and Saturday",
    "on Tuesday and Thursday" (a list names its days, not those between them)."""
    run = [found[n]]
    for later in found[n + 1 :]:
        between = text[run[-1].end - base : later.start - base].strip().lower()
        if between not in {",", "and", ", and"} or not (later.value and run[-1].value) or not 0 < (later.value - run[-1].value).days <= 7 or later.kind != found[n].kind:
            break
        run.append(later)
        if between != ",":
            break
    return run if len(run) > 1 and text[run[-2].end - base : run[-1].start - base].strip().lower() != "," else [found[n]]


def _join_ranges(found: list[DateMention], text: str, base: int) -> list[DateMention]:
    """ "from 7 to 8 May", "between 3 June - 5 June": one mention spanning the days; a list of
    days one mention naming each; "the night of Sunday to Monday" its first day."""
    joined: list[DateMention] = []
    skip: set[int] = set()
    for n, mention in enumerate(found):
        if n in skip:
            continue
        later = found[n + 1] if n + 1 < len(found) else None
        between = text[mention.end - base : later.start - base].strip().lower() if later else ""
        if later and mention.value and later.value and (later.value - mention.value).days == 1 and (
                between in {"to", "and", "-", "–"} and _NIGHT_OF.search(text[: mention.start - base]) or _night_into(text, mention, later, base)):
            # one night that runs past midnight is one event, on the day it began
            joined.append(replace(mention, end=later.end, text=text[mention.start - base : later.end - base]))
            skip.add(n + 1)
            continue
        days = _day_list(found, n, text, base)
        if len(days) > 2 or (len(days) == 2 and not re.search(r"\bbetween\s*$", text[: mention.start - base], re.I)):
            last = days[-1]
            joined.append(replace(mention, end=last.end, text=text[mention.start - base : last.end - base], kind="list", listed=tuple(d.value for d in days if d.value)))
            skip.update(range(n + 1, n + len(days)))
            continue
        if later and mention.value and later.value and (between in {"to", "and", "-", "–", "until", "through"} or _told_span(text, mention, later, base)) and 0 < (later.value - mention.value).days <= 7:
            # a span that began by the publication date has begun: no plan, even if it runs on;
            # one that runs into the reporting window is news (its older days: story.split_ranges)
            span = DateMention(mention.start, later.end, text[mention.start - base : later.end - base], "range", mention.value, 1, mention.background and later.background, mention.future, until=later.value)
            joined.append(_one_unknown_day(span, text[: mention.start - base]))
            skip.add(n + 1)
            continue
        # "from 7 - 8 May": a bare day number before a full date
        # ("between 21 and 27 January" too)
        bare = re.search(r"(\d{1,2})\s*(?:-|–|to)\s*$", text[: mention.start - base]) or re.search(r"\bbetween\s+(\d{1,2})\s+and\s*$", text[: mention.start - base], re.I)
        if bare and mention.value and mention.kind in {"day_month"} and 0 < mention.value.day - int(bare.group(1)) <= 7:
            first = mention.value.replace(day=int(bare.group(1)))
            if mention.value.day - first.day == 1 and _NIGHT_OF.search(text[: bare.start()]):
                # "during the night of 4-5 May": one night past midnight, on the day it began
                joined.append(replace(mention, start=base + bare.start(), text=text[bare.start() : mention.end - base], value=first))
                continue
            span = DateMention(base + bare.start(), mention.end, text[bare.start() : mention.end - base], "range", first, 1, mention.background, mention.future, until=mention.value)
            joined.append(_one_unknown_day(span, text[: bare.start()]))
            continue
        joined.append(mention)
    return joined


# "late Sunday into Monday", "Sunday night until the early hours of Monday", "began late on
# Friday and lasted into Saturday": a night past midnight
_LATE = re.compile(r"\blate\s+(?:on\s+)?$", re.I)
_NIGHT_AFTER = re.compile(r"^\s*(?:night|evening)\b", re.I)
_INTO_THE_NEXT = re.compile(r"\b(?:into|until|till|to)(?:\s+the)?(?:\s+early(?:\s+hours\s+of|\s+morning(?:\s+of)?)?|\s+small\s+hours\s+of)?\s*$", re.I)


def _night_into(text: str, first: DateMention, last: DateMention, base: int) -> bool:
    """A fight from late on one day into the next ("late Sunday into Monday", "from Sunday night
    into Monday morning"): one night past midnight, one event on the day it began (ACLED dates a
    night by the evening it began)."""
    between = text[first.end - base : last.start - base]
    # (the date may hold its "late": "late Sunday" is one weekday mention)
    late = _LATE.search(text[: first.start - base]) is not None or first.text.lower().startswith("late ") or _NIGHT_AFTER.search(between) is not None
    return late and _INTO_THE_NEXT.search(between) is not None and len(between.split()) <= 8 and not any(mark in between for mark in (";", ":", "."))


# "on an unspecified day between 1 and 3 June", "at some point between Monday and Wednesday":
# one happening on a day not known, not one per day
_UNKNOWN_DAY = re.compile(r"\b(?:an?\s+(?:unspecified|unknown|undetermined)\s+(?:day|date)|some\s*time|at\s+some\s+point|one\s+day)\s*(?:between\s*)?$", re.I)


def _one_unknown_day(span: DateMention, before: str) -> DateMention:
    """A span whose one day is unknown is one event at its middle day, known to the week (ACLED's
    time_precision 2, dated at the midpoint)."""
    if span.value is None or span.until is None or not _UNKNOWN_DAY.search(before):
        return span
    middle = span.value + (span.until - span.value) / 2
    return replace(span, kind="day_month", value=middle, precision=2, until=None)


# "the clashes, which began on Friday, continued into Sunday", "started on Saturday and lasted
# until Monday": a happening told with its first and its last day is one per day between them
_SPAN_START = re.compile(r"\b(?:began|begun|begin|begins|started|start|starts|erupted|broke out|flared up|flared)(?:\s+[\w'-]+){0,4}\s*$", re.I)
_SPAN_END = re.compile(r"\b(?:until|till|into|through|to)\s*(?:the\s+)?$", re.I)


def _told_span(text: str, first: DateMention, last: DateMention, base: int) -> bool:
    between = text[first.end - base : last.start - base]
    return (
        _SPAN_START.search(text[: first.start - base]) is not None
        and _SPAN_END.search(between) is not None
        and len(between.split()) <= 8
        and not any(mark in between for mark in (";", ":"))
    )


def _mark_qualifiers(found: list[DateMention], text: str, base: int) -> list[DateMention]:
    """A date inside parentheses right after another date refines it: "(between 3 June - 5 June)"."""
    marked: list[DateMention] = []
    for n, mention in enumerate(found):
        before = text[: mention.start - base]
        opened = before.rfind("(") > before.rfind(")")
        if opened and n and found[n - 1].end <= base + before.rfind("(") + 1 and before.rfind("(") - (found[n - 1].end - base) <= 3:
            mention = replace(mention, qualifier=True)
        marked.append(mention)
    return marked


def days_of(mention: DateMention) -> list[dt.date]:
    """The days a date mention covers (a range → one per day, ACLED's unit)."""
    if mention.listed:
        return list(mention.listed)
    if mention.value is None:
        return []
    if mention.until is None:
        return [mention.value]
    count = (mention.until - mention.value).days
    return [mention.value + dt.timedelta(days=n) for n in range(count + 1)]
