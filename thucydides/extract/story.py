"""The article as a whole: reading it sentence by sentence, then placing, dating and sharing
what its mentions say between them.

- a mention that names no place takes the place of a sibling clause, else of the story told just
  before it (unless dated to another day), else, when no sentence of the article names the
  place of anything it tells, the place the article is about ("in the Somali capital");
- each mention gets a day: its own date, else the story's, else the publication date;
- a later "the attack" at a named place takes over the earlier placeless account of it; an
  account at a province (or country) that contains events told place by place gives them its
  cues and is dropped; a placeless account of the weapon used ("killed in Ukrainian shelling")
  types the deaths told next at named places; "three districts" summed up and then named one by
  one is dropped;
- the sources of an event: those of the accounts merged into it, and statements that tell no
  event of their own, at its place or referring back to it ("X confirmed the incident").
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Sequence

from thucydides.extract import status
from thucydides.extract.actors import ActorContext, ActorMention, actors_in, is_pronoun
from thucydides.extract import lexicon
from thucydides.extract.attribution import SpeakerMemory, Statement, statements_in
from thucydides.extract.casualties import Count, add_later_deaths, counts_in, died_of_wounds, done_by_nature, given_toll, increment, lower_total, natural_deaths, opens_another_story, parse_of, running_toll, same_happening, some_of_the_dead, words_of_harm
from thucydides.extract.dates import days_of, find_dates, report_day, window_days
from thucydides.extract.mentions import Mention, build_mentions, victims_kind
from thucydides.extract.places import EventPlace, coded_places, listed
from thucydides.extract.regions import regions_of
from thucydides.extract.sentences import Place, Sentence, sentences_of
from thucydides.extract.triggers import find_cues
from thucydides.geocode import is_demonym, is_named_after
from thucydides.geocode.containers import is_placed, lies_in, placed_at
from thucydides.geocode.precision import national_capital
from thucydides.geocode.resolve import distance_km, feature_class
from thucydides.model import Actor, Article, PlaceMention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


_VIOLENT = {"clash", "attack", "kill", "air", "air_platform", "shelling", "ied", "suicide", "grenade", "explosion", "fire_on", "found_dead", "takeover", "retake", "abduct", "sexual", "torture"}


# a crowd's tactics ("blocked the road", "burned tyres") are a demonstration's, and so is the
# crowd control that breaks one up ("fired tear gas to disperse students")
_PROTEST = {"protest", "riot_violence", "mob", "demo_tactic", "blockade", "dispersal"}


# how far back (in sentences) a placeless mention may look for the story's place
_LOOKBACK = 2


@dataclass
class Story:
    article: Article
    sentences: list[Sentence]
    mentions: list[Mention]
    actors: list[tuple[int, ActorMention]]  # (sentence index, mention) in text order
    context: ActorContext
    unverified: bool
    statements: list[list[Statement]] = field(default_factory=list)  # by sentence index
    party_release: bool = False  # the text is a party's own communique (status.party_release)
    # starts of the counts of wounded who died afterwards already added to a toll told before
    later_dead: set[int] = field(default_factory=set)


def article_country(places: Sequence[PlaceMention], doc: Doc | None = None) -> str | None:
    """The country most of the article's resolved places lie in (a country, or a place only
    named in an organisation's or a movement's name, "the Free Kherson Committee", counts half; a
    demonym, or a country owning a body, a quarter: "Turkish forces struck X in northern Iraq",
    "Turkey's defence ministry said …" are about Iraq, where the Turks fight)."""
    votes: Counter[str] = Counter()
    towns: Counter[str] = Counter()
    named_as_place: Counter[str] = Counter()
    for mention in places:
        entry = mention.entry
        if entry is not None and entry.country_iso:
            whole = (entry.feature or "").startswith("PCL") or is_named_after(mention)
            only_whose = is_demonym(mention) or whole and _owns_a_body(mention, doc)
            votes[entry.country_iso] += 0.5 if only_whose else 1 if whole else 2
            named_as_place[entry.country_iso] += 0 if only_whose else 1
            towns[entry.country_iso] += 0 if whole else 1
    # a tie goes to the country a town is in: "people demonstrated outside the French embassy in
    # Niamey, calling for the withdrawal of French troops" is Niger's (a demonym twice, one town)
    # (then to the one named as a place rather than only as whose forces or bodies)
    return max(votes, key=lambda iso: (votes[iso], towns[iso], named_as_place[iso])) if votes else None


def _owns_a_body(mention: PlaceMention, doc: Doc | None) -> bool:
    """ "Turkey's defence ministry", "Rwanda's army": the country's possessive before a lower-case
    word says whose body it is, not where anything is ("Iraq's Hakurk region" names a place)."""
    if doc is None:
        return False
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or span.end + 1 >= len(doc):
        return False
    mark, owned = doc[span.end], doc[span.end + 1]
    # (lower-case: the tagger often takes "defence" there for part of a proper name)
    return mark.lower_ in {"'s", "’s"} and owned.text[:1].islower()


def family(categories: dict[str, float]) -> str:
    if set(categories) & _PROTEST:
        return "protest"
    # "inmates burned blankets to demand faster trials": property destroyed for a demand
    if "protest_purpose" in categories and set(categories) & {"destroy", "loot"} and not set(categories) & _VIOLENT:
        return "protest"
    if set(categories) & _VIOLENT:
        return "violent"
    return "strategic"


def read_story(article: Article, doc: Doc, places: Sequence[PlaceMention]) -> Story:
    sentences = sentences_of(article.text, doc, places)
    context = ActorContext(article_country(places, doc), article.published)
    memory = SpeakerMemory()
    mentions: list[Mention] = []
    all_actors: list[tuple[int, ActorMention]] = []
    all_statements: list[list[Statement]] = []
    # "NIAMEY, March 10 (Reuters) - … yesterday": a copy published later tells its days from its dateline
    told_on = report_day(article.text, article.published) or article.published
    later_dead: set[int] = set()
    for sentence in sentences:
        actors = _abbreviated_back(_named_back(actors_in(sentence, context), sentence, all_actors), sentence, all_actors)
        memory.groups_here = [(a.first, a.words) for a in actors if a.words and a.kind == "named" and a.armed]
        statements = statements_in(sentence, memory)
        memory.groups.extend(words for _, words in memory.groups_here)
        all_statements.append(statements)
        cues = find_cues(sentence)
        dates = find_dates(sentence, told_on)
        counts = counts_in(sentence)
        injuries = words_of_harm(sentence, {t.i for t in sentence.span})
        regions = regions_of(sentence, statements, cues)
        found = build_mentions(sentence, regions, cues, statements, actors, dates, counts, injuries, context)
        # "flooding killed 12 people", "an earthquake struck the city, killing 300": deaths
        # without violence are no event
        found = [m for m in found if not _done_by_nature(m, sentence)]
        found = [m for m in found if not _seen_in_a_tip(m)]
        if sentence.is_caption or sentence.is_subheading:
            # a photo caption shows a scene (often an old one), a sub-heading labels the section
            # after it: neither tells an event of the report
            found = []
        for mention in found:
            _resolve_pronoun_agent(mention, actors, all_actors)
            _resolve_pronoun_target(mention, actors)
            _members_of_the_group_target(mention, actors, all_actors)
            _claimant_agent(mention, actors)
        authors = suspected_authors(sentence)
        for mention in found:
            _suspected_author(mention, actors, authors, alone=len(found) == 1)
        if authors and all(m.background or m.modality or _told_as_a_reason(m) for m in found):
            # "No group claimed the attack, but the army blamed JNIM": a blame with no deed of its
            # own names the author of the deeds told just before (a group's record told with it,
            # "which has carried out similar attacks", is no deed of the day)
            _author_told_after(mentions, sentence, actors, authors)
        if not found and not dates:
            _deaths_told_after(mentions, sentence, counts, {i for c in cues for i in range(c.start, c.end)}, later_dead)
        mentions.extend(found)
        all_actors.extend((sentence.index, a) for a in actors)
    return Story(article, sentences, mentions, all_actors, context, status.unverified(article.text), all_statements, status.party_release(article.text), later_dead)


def _done_by_nature(mention: Mention, sentence: Sentence) -> bool:
    """ "Flooding killed 12 people", "a fire caused by an electrical fault destroyed stalls":
    deaths or damage whose cause is no violence are no event."""
    by_people = {c.category for c in mention.cues if c.anchor and not done_by_nature(sentence.doc[c.head])}
    if not by_people and any(c.anchor for c in mention.cues):
        return True
    return by_people <= {"kill"} and natural_deaths(mention.counts, sentence)


def _deaths_told_after(mentions: list[Mention], sentence: Sentence, counts: list[Count], event_words: set[int], later_dead: set[int]) -> None:
    """ "A gang shot two drivers in X. One driver died and the other is in hospital": deaths told
    in the next sentence, which tells no event of its own, are the previous sentence's when they
    are clearly the same happening (``casualties.same_happening``)."""
    # (not the dead a counterfactual counts: "dozens would have been killed had it exploded")
    deaths = [c for c in counts if c.kind == "death" and status.modality(sentence.doc[c.target].head, []) != "hypothetical"]
    # (nor the dead counted before, named back by their number: "Three fighters were killed in the
    # fighting. A hospital received the bodies of the two soldiers" killed in a strike told first)
    counted = {c.value for m in mentions if not m.background for c in m.counts if c.kind == "death"}
    deaths = [c for c in deaths if not (c.value in counted and _definite(sentence.doc[c.target]))]
    if not deaths:
        return
    # (the sentence before may be parsed on its own, a dateline's lead: ``same_happening`` reads
    # it by its words only, and every reader of a joined count looks it up in its own parse,
    # ``casualties.parse_of``)
    previous = [m for m in mentions if m.sentence.index == sentence.index - 1 and not m.background and m.modality is None]
    deaths = same_happening(deaths, sentence, previous[0].sentence, event_words) if previous else []
    if deaths and not any(c.kind == "death" for m in previous for c in m.counts):
        for mention in previous:
            mention.counts = mention.counts + deaths
        return
    # "… killed one person and wounded nine. Two of the wounded later died": more dead of the
    # happening told before, added to its toll
    later = [c for c in deaths if died_of_wounds(c, sentence.doc)]
    for mention in previous:
        mention.counts = add_later_deaths(mention.counts, later)
    later_dead.update(c.start for c in later)


def _named_back(actors: list[ActorMention], sentence: Sentence, earlier: list[tuple[int, ActorMention]]) -> list[ActorMention]:
    """ "the rebels", "the militants" after "M23 rebels": the armed group named last, not an
    unidentified one (the generic words of a definite description refer back)."""
    out: list[ActorMention] = []
    for mention in actors:
        head = sentence.doc[mention.head]
        definite = any(c.dep_ == "det" and c.lower_ in {"the", "these", "those"} for c in head.children)
        described = any(c.dep_ in {"amod", "compound", "nmod", "poss"} for c in head.children)
        # "the militiamen" after "a CODECO militia stronghold" likewise
        if mention.actor.name.startswith(("Unidentified Armed Group", "Unidentified Communal Militia")) and definite and not described:
            named = [a for a in actors if a.kind == "named" and a.armed and a.actor.inter in {2, 3, 4} and a.last < mention.first]
            named = named or [a for _, a in earlier if a.kind == "named" and a.armed and a.actor.inter in {2, 3, 4}]
            if named:
                # named in the words of the article that named it ("M23")
                found = named[-1]
                mention = replace(mention, actor=Actor(found.actor.name, found.actor.inter, found.words or found.actor.text), kind="named", words=found.words)
        out.append(mention)
    return out


def _acronym_parts(mention: ActorMention) -> set[str]:
    """The acronyms a named group goes by in the article: its whole acronym ("TPL-FN", the part
    of ACLED's name before the colon) and its first part alone ("TPL")."""
    whole = mention.actor.name.split(":")[0].strip() if ":" in mention.actor.name else (mention.words or "")
    if not re.fullmatch(r"[A-Z]{2,}(?:[-–][A-Za-z]+)+|[A-Z]{2,}", whole):
        return set()
    return {whole, re.split(r"[-–]", whole)[0]}


def _abbreviated_back(actors: list[ActorMention], sentence: Sentence, earlier: list[tuple[int, ActorMention]]) -> list[ActorMention]:
    """ "KRPA fighters" after "the Kalinga People's Army-Cordillera Front (KRPA-CF)": an outlet
    shortens a hyphenated acronym to its first part; the shorter acronym names the group the
    article named before, not an unidentified one."""
    told_before = [a for _, a in earlier if a.kind == "named" and a.armed]
    out: list[ActorMention] = []
    for mention in actors:
        if mention.actor.name.startswith("Unidentified Armed Group"):
            acronyms = {t.text for t in sentence.doc[mention.first : mention.last + 1] if t.is_alpha and len(t.text) >= 2 and t.text.isupper()}
            named = told_before + [a for a in actors if a.kind == "named" and a.armed and a.last < mention.first]
            found = [a for a in named if acronyms & _acronym_parts(a)]
            if found:
                group = found[-1]
                mention = replace(mention, actor=Actor(group.actor.name, group.actor.inter, mention.actor.text), kind="named", country=group.country, words=group.words)
        out.append(mention)
    return out


def _anchor_heads(mention: Mention) -> list[Token]:
    """The head words of the cues that anchor the mention (its deed's verbs or nouns)."""
    doc = mention.sentence.doc
    return [doc[cue.head] for cue in mention.cues if cue.anchor]


def _resolve_pronoun_agent(mention: Mention, actors: list[ActorMention], earlier: list[tuple[int, ActorMention]]) -> None:
    """ "they have taken": the nearest armed actor named before the pronoun."""
    if mention.agent is not None:
        return
    for verb in _anchor_heads(mention):
        if verb.dep_ == "dobj":
            verb = verb.head  # "it carried out air strikes": the deed's verb
        if verb.tag_ == "VBG" and verb.dep_ in {"advcl", "xcomp"} and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children):
            # "it carried out an operation near X, killing 12 fighters": the participle's doer is
            # the subject of the verb it hangs on
            verb = verb.head
        subject = next((c for c in verb.children if c.dep_ == "nsubj" and is_pronoun(c)), None)
        bare_group = next((c for c in verb.children if c.dep_ == "nsubj" and _the_group(c)), None)
        if subject is None and bare_group is not None:
            # "On Tuesday, the group set fire to a school": the one armed group the story named
            named = _the_one_named_group(actors, earlier, bare_group.i)
            if named is not None:
                mention.agent = named
                return
        if subject is None or (verb.lemma_.lower() == "come" and any(c.lower_ == "under" for c in verb.children)):
            continue  # "they came under attack": the pronoun is the target
        if subject.lower_ in {"it", "its"}:
            # "the army said it had recaptured": "it" is the speaker; elsewhere mostly a thing
            # ("the car … it went off")
            speaker = _speaker_actor(mention, actors)
            if speaker is not None:
                mention.agent = speaker
            return
        before = [a for a in actors if a.head < subject.i and a.armed] or [a for _, a in earlier if a.armed]
        if before:
            mention.agent = before[-1]
            return


def _the_group(token: Token) -> bool:
    """ "the group" alone (no name, adjective or owner: not "the rights group", "a group of
    villagers"): a definite description that refers back to a group told before."""
    determiner = any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
    # (a place after it, "the group near X", is where, not which group)
    described = any(c.dep_ in {"amod", "compound", "nmod", "poss", "acl", "relcl"} or (c.dep_ == "prep" and c.lower_ == "of") for c in token.children)
    return token.lower_ == "group" and determiner and not described


def _the_one_named_group(actors: list[ActorMention], earlier: list[tuple[int, ActorMention]], before: int) -> ActorMention | None:
    """The non-state armed group the story has named so far, when it has named exactly one (with
    two, "the group" could be either)."""
    named = [a for _, a in earlier if a.kind == "named" and a.armed and a.actor.inter in {2, 3, 4}]
    named += [a for a in actors if a.kind == "named" and a.armed and a.actor.inter in {2, 3, 4} and a.last < before]
    return named[-1] if len({a.actor.name for a in named}) == 1 else None


def _members_of_the_group_target(mention: Mention, actors: list[ActorMention], earlier: list[tuple[int, ActorMention]]) -> None:
    """ "troops exchanged fire with members of the group": the members of "the group" are the
    fighters of the one armed group the story named (not people of no side, civilians)."""
    target = mention.target
    if target is None or target.armed:
        return
    doc = mention.sentence.doc
    of_group = [p for c in doc[target.head].children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj" and _the_group(p)]
    if not of_group:
        return
    named = _the_one_named_group(actors, earlier, target.first)
    if named is not None:
        mention.target = replace(target, actor=named.actor, kind="named", words=named.words)
        mention.victims_kind = "armed"


_SUBORDINATE_CLAUSES = {"advcl", "xcomp", "acl", "relcl", "ccomp"}


def _subject_interrupted(verb: Token) -> Token | None:
    """The subject of the main clause a "when"-clause set off by a comma interrupts, when the
    parse hangs it on a subordinate clause between them ("were patrolling, after residents
    reported armed men robbing farmers, when they were ambushed"); None when it hangs on the
    main clause itself (the nearest actor before the pronoun then stands for it)."""
    when = any(c.lower_ == "when" and c.dep_ in {"advmod", "mark"} for c in verb.children)
    set_off = verb.i > 0 and any(t.text == "," for t in verb.doc[max(verb.left_edge.i - 1, 0):verb.left_edge.i])
    if verb.dep_ != "advcl" or not when or not set_off or verb.head.dep_ not in _SUBORDINATE_CLAUSES:
        return None
    clause = verb.head
    while clause.dep_ in _SUBORDINATE_CLAUSES and clause.head.i != clause.i:
        clause = clause.head
    return next((c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}), None)


def _resolve_pronoun_target(mention: Mention, actors: list[ActorMention]) -> None:
    """ "militants were planning an attack when they were arrested", "… when soldiers detained
    them": the pronoun undergoing the deed is the actor named before it in the sentence."""
    if mention.target is not None:
        return
    pronouns = {"they", "them", "he", "him", "she", "her"}
    for verb in _anchor_heads(mention):
        patient = next((c for c in verb.children if c.dep_ in {"nsubjpass", "dobj"} and c.lower_ in pronouns), None)
        # "killed four of them"
        patient = patient or next((p for c in verb.children if c.dep_ == "dobj" for o in c.children if o.dep_ == "prep" and o.lower_ == "of"
                                   for p in o.children if p.dep_ == "pobj" and p.lower_ in pronouns), None)
        if patient is None:
            continue
        agent_head = mention.agent.head if mention.agent is not None else None
        before = [a for a in actors if a.last < patient.i and a.head != agent_head and not is_pronoun(verb.doc[a.head])]
        # "soldiers were on patrol, after residents reported armed men extorting food from
        # farmers, when they were fired upon": a "when" told after the clauses between is the
        # main clause's, its pronoun the main clause's subject, not a noun of the clauses between
        main_subject = _subject_interrupted(verb)
        before = [a for a in before if main_subject is not None and a.first <= main_subject.i <= a.last] or before
        if mention.agent is not None and mention.agent.actor.inter == 1:
            # "militants were abducting villagers when troops arrived and killed four of them":
            # whom a state force kills of those told before are the armed men, not their victims
            before = [a for a in before if a.armed and a.actor.inter in {2, 3, 4}] or before
        if before:
            mention.target = before[-1]
            return


def _claimant_agent(mention: Mention, actors: list[ActorMention]) -> None:
    """ "Houthi fighters claimed to have shelled …", "the group said it had ambushed …" told as
    an infinitive of the claim: who claims to have done it did it."""
    if mention.agent is not None:
        return
    doc = mention.sentence.doc
    for cue in mention.cues:
        verb = doc[cue.head]
        # "the group claimed responsibility for the attack", "the group claimed the attack"
        owned = verb.dep_ == "pobj" and verb.head.lower_ == "for" and verb.head.head.lemma_.lower() == "responsibility"
        claimed = verb.dep_ == "dobj" and verb.head.lemma_.lower() == "claim"
        if cue.anchor and (owned or claimed):
            claim = verb.head if claimed else verb.head.head.head
            subject = next((c for c in claim.children if c.dep_ == "nsubj"), None)
            found = next((a for a in actors if subject is not None and a.first <= subject.i <= a.last and a.armed), None)
            # "the gang coalition known as X claimed the attack": the group named in the subject
            found = found or next((a for a in actors if subject is not None and a.armed and a.kind == "named" and any(a.first <= s.i <= a.last for s in subject.subtree)), None)
            if found is not None:
                mention.agent = found
                return
        if cue.anchor and verb.dep_ == "xcomp" and any(s.verb.i == verb.head.i for s in mention.statements):
            subject = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
            found = next((a for a in actors if subject is not None and a.first <= subject.i <= a.last and a.armed), None)
            if found is not None:
                mention.agent = found
                return


def _governed_deed(holder: Token) -> set[int]:
    """The words of the deed a guess is about: the noun the guessing participle hangs on ("a
    device suspected to have been planted"), else the subject of the guessing verb ("the attack
    was believed to have been carried out", "the blast bore the hallmarks"), without the guess."""
    # (up the verbs of the guess, not to a verb of saying: "police said the blast bore …")
    suspecting = lexicon.status_words()["suspecting_verbs"]
    while holder.head.i != holder.i and holder.head.pos_ in {"VERB", "AUX"} and (
            holder.dep_ == "xcomp" or (holder.dep_ == "ccomp" and holder.head.lemma_.lower() in suspecting)):
        holder = holder.head
    if holder.dep_ in {"acl", "relcl"}:
        deed = holder.head
    else:
        deed = next((c for c in holder.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if deed is None:
        return set()
    guess = {t.i for t in holder.subtree}
    return {t.i for t in deed.subtree if t.i not in guess or t.i == deed.i}


def _deed_phrase(verb: Token) -> set[int] | None:
    """ "blamed X for the attack", "suspect X of carrying out the bombing": the words of the "for"
    or "of" phrase; None when the verb names no deed (the deed is told elsewhere)."""
    phrase = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in {"for", "of", "over", "in"}), None)
    if phrase is None:
        xcomp = next((c for c in verb.children if c.dep_ == "xcomp"), None)  # "suspected to be behind the attack"
        return {t.i for t in xcomp.subtree} if xcomp is not None else None
    return {t.i for t in phrase.subtree}


def suspected_authors(sentence: Sentence) -> list[tuple[Token, set[int] | None]]:
    """The phrases a sentence names as the suspected authors of a deed, each with the words of
    that deed (None: a deed told elsewhere). ACLED codes the suspected group as the actor:
    "an IED suspected to have been planted by al-Shabaab militants", "the attack was blamed on
    JNIM", "bore the hallmarks of Boko Haram", "is believed to be the work of X", "authorities
    suspect X of carrying out the bombing", "the army blamed X"."""
    words = lexicon.status_words()
    found: list[tuple[Token, set[int] | None]] = []
    for token in sentence.span:
        lemma = token.lemma_.lower()
        # (the walk up the parse of ``_open_question`` is spared the many words no rule below reads)
        if not _may_name_author(token, lemma, words) or _open_question(token):
            continue
        if lemma == "be":
            # "residents said the attackers were Boko Haram fighters": the unnamed doers told
            # before, named
            subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
            named = next((c for c in token.children if c.dep_ == "attr"), None)
            if (subject is not None and named is not None and subject.lower_ in words["unnamed_doers"]
                    and any(c.dep_ == "det" and c.lower_ in {"the", "these", "those"} for c in subject.children)):
                found.append((named, None))
            continue
        if token.dep_ == "agent":
            # a "by" phrase of a guessed deed: "suspected to have been planted by X",
            # "allegedly carried out by X"
            verb = token.head
            author = next((c for c in token.children if c.dep_ == "pobj"), None)
            guessed = verb.dep_ in {"xcomp", "ccomp"} and verb.head.lemma_.lower() in words["suspecting_verbs"]
            hedged = any(c.dep_ == "advmod" and c.lower_ in words["hedging_adverbs"] for c in verb.children)
            if author is not None and (guessed or hedged):
                found.append((author, _governed_deed(verb) or None))
            elif author is not None and verb.dep_ == "acl" and verb.tag_ == "VBN":
                # "a landmine laid by JNIM fighters killed …", "a bomb placed by X": the
                # participle's "by" names who made the deed's device
                found.append((author, {verb.head.i}))
        elif lemma in words["blaming_verbs"] and token.pos_ == "VERB":
            passive = next((c for c in token.children if c.dep_ == "nsubjpass"), None)
            onto = [p for c in token.children if c.dep_ in {"prep", "dative"} and c.lower_ in {"on", "to"} for p in c.children if p.dep_ == "pobj"]
            if passive is not None and onto:
                # "the attack was blamed on X", "the bombing was attributed to X"
                found.append((onto[0], {t.i for t in passive.subtree}))
            elif passive is not None and lemma in {"suspect", "accuse"}:
                # "X is suspected of carrying out the attack", "X is suspected to be behind it"
                found.append((passive, _deed_phrase(token)))
            if token.dep_ in {"relcl", "acl"} and onto and passive is None:
                # "an attack local officials attributed to jihadists", "a blast police blamed on X"
                found.append((onto[0], {t.i for t in token.head.subtree if t.i not in {s.i for s in token.subtree}} | {token.head.i}))
            obj = next((c for c in token.children if c.dep_ == "dobj"), None)
            if obj is not None and (lemma != "hold" or any(c.lower_ == "responsible" for c in token.children)):
                # "police blamed X for the attack", "the army blamed X", "held X responsible"
                found.append((obj, _deed_phrase(token) if lemma != "hold" else next(({t.i for t in c.subtree} for c in token.children if c.lower_ == "responsible"), None)))
        elif (token.lower_ == "behind" and token.dep_ == "prep") or (token.lower_ == "responsible" and token.dep_ in {"acomp", "amod", "oprd"}):
            # "X was behind the attack", "X is believed to be behind it", "X is thought to be
            # responsible for the bombing"
            verb = token.head
            while verb.dep_ == "xcomp" and verb.head.i != verb.i:
                verb = verb.head
            author = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            if author is not None and author.lower_ in {"it", "they"} and verb.dep_ == "ccomp":
                # "the TTP said it was behind the blast": the speaker owns the deed
                author = next((c for c in verb.head.children if c.dep_ == "nsubj"), author)
            if author is not None and verb.lemma_.lower() != "hold":
                found.append((author, {t.i for t in token.subtree}))
        elif lemma == "claim" and token.pos_ == "VERB" and any(c.dep_ == "dobj" and c.lemma_.lower() == "responsibility" for c in token.children):
            # "the Al-Quds Brigades claimed responsibility", "X claimed responsibility for the
            # attack": the claimant is who ACLED codes as the doer of the deed named or told before
            author = next((c for c in token.children if c.dep_ == "nsubj"), None)
            owned = next((c for c in token.children if c.dep_ == "dobj" and c.lemma_.lower() == "responsibility"), None)
            deed = next(({t.i for t in p.subtree} for holder in (owned, token) for c in holder.children if c.dep_ == "prep" and c.lower_ == "for"
                         for p in c.children if p.dep_ == "pobj"), None)
            if author is not None:
                found.append((author, deed))
        elif lemma == "fall" and any(c.dep_ == "nsubj" and c.lemma_.lower() == "suspicion" for c in token.children):
            # "suspicion fell on X"
            on = [p for c in token.children if c.dep_ == "prep" and c.lower_ == "on" for p in c.children if p.dep_ == "pobj"]
            if on:
                found.append((on[0], None))
        elif lemma in words["mark_nouns"] and token.pos_ == "NOUN":
            # "bore the hallmarks of X", "was believed to be the work of X"
            author = next((p for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"), None)
            holder = token
            while holder.dep_ in {"dobj", "attr"} and holder.head.i != holder.i:
                holder = holder.head
            deed = _governed_deed(holder) if holder.pos_ in {"VERB", "AUX"} else set()
            if author is not None and deed:
                found.append((author, deed))
    return found


def _may_name_author(token: Token, lemma: str, words: dict) -> bool:
    """Whether one of the rules of ``suspected_authors`` may read ``token``: a word each of them
    begins with (a cheap test, before the parse is walked)."""
    return (lemma in _AUTHOR_LEMMAS or token.lower_ in _AUTHOR_WORDS or token.dep_ == "agent"
            or lemma in words["blaming_verbs"] or lemma in words["mark_nouns"])


_AUTHOR_LEMMAS = frozenset({"be", "claim", "fall"})
_AUTHOR_WORDS = frozenset({"behind", "responsible"})


def _tip_participle(head: Token, tip_verbs: frozenset[str], markers: frozenset[str]) -> bool:
    """The deed word is a participle describing people a tip told of ("reported armed men
    extorting food", "reported the presence of gunmen planting a bomb"), the tip told in an
    "after" clause of the force's own deed."""
    if head.dep_ != "acl" or head.tag_ != "VBG":
        return False
    for verb in head.ancestors:
        if verb.pos_ not in {"VERB", "AUX"}:
            continue
        told_before = verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in markers for c in verb.children)
        return verb.lemma_.lower() in tip_verbs and told_before
    return False


def _seen_in_a_tip(mention: Mention) -> bool:
    """ "Soldiers were patrolling the village after residents reported armed men extorting food
    from farmers": what the tip tells moved the force to act; it is neither that day's deed
    nor dated (the force's own deed is the event)."""
    words = lexicon.status_words()
    heads = _anchor_heads(mention)
    return bool(heads) and all(_tip_participle(h, words["tip_verbs"], words["tip_markers"]) for h in heads)


def _told_as_a_reason(mention: Mention) -> bool:
    """The deed is told in the participle clause of saying that follows a claim or blame ("X
    claimed responsibility, saying it was responding to massacres in Gaza"): the reason given,
    no deed of the day."""
    words = lexicon.status_words()["reporting_verbs"]
    heads = _anchor_heads(mention)
    return bool(heads) and all(
        any(a.dep_ == "advcl" and a.tag_ == "VBG" and a.lemma_.lower() in words for a in [head, *head.ancestors]) for head in heads)


def _open_question(token: Token) -> bool:
    """ "too early to say whether X was responsible", "X was not behind the attack": a guess
    left open or denied names no author."""
    current = token
    for _ in range(4):
        if any(c.dep_ == "neg" or (c.dep_ == "mark" and c.lower_ in {"whether", "if"}) for c in current.children):
            return True
        if current.head.i == current.i:
            return False
        current = current.head
    return False


def _author_in(phrase: Token, actors: list[ActorMention]) -> ActorMention | None:
    """The armed actor a phrase names ("JNIM militants", "the Jamaat-ul-Ahrar faction")."""
    own = [a for a in actors if a.armed and a.first <= phrase.i <= a.last]
    if own:
        return next((a for a in own if a.kind in {"named", "anti"}), own[0])
    # (the noun phrase's own words, not a clause the parse hung on it: "militants wounded three
    # CRPF men" read as one phrase)
    clauses = {t.i for c in phrase.children if c.dep_ in {"relcl", "acl", "advcl", "ccomp", "conj"} for t in c.subtree}
    inside = {t.i for t in phrase.subtree} - clauses
    named = [a for a in actors if a.armed and a.head in inside]
    return next((a for a in named if a.kind in {"named", "anti"}), named[0] if named else None)


def _unknown_agent(mention: Mention) -> bool:
    """No doer told, or only unnamed men, or the one who blames ("police suspect X of …"
    parsed with the police as the subject of the deed's clause)."""
    agent = mention.agent
    if agent is None or agent.actor.name.startswith("Unidentified Armed Group"):
        return True
    head = mention.sentence.doc[agent.head]
    words = lexicon.status_words()
    return head.dep_ == "nsubj" and head.head.lemma_.lower() in words["blaming_verbs"] | words["suspecting_verbs"]


def _suspected_author(mention: Mention, actors: list[ActorMention], authors: list[tuple[Token, set[int] | None]], *, alone: bool) -> None:
    """A deed whose author the sentence names only as a suspicion or a blame takes the suspected
    as its agent (unless a doer is named outright)."""
    if not authors or not _unknown_agent(mention):
        return
    # (any cue word of the deed: "the attack" told back is no anchor of its own)
    heads = {c.head for c in mention.cues}
    for phrase, deed in authors:
        if (deed is not None and heads & deed) or (deed is None and alone):
            author = _author_in(phrase, actors)
            if author is None:
                continue
            _make_author(mention, author)
            return


def _make_author(mention: Mention, author: ActorMention) -> None:
    """The suspected author acts; who blamed it (the old agent of a "police suspect X of …" parse)
    is no side, nor is the author a target ("blamed on X" read as the deed's "on" phrase)."""
    if mention.target is not None and mention.target.actor.name == author.actor.name:
        mention.target = None
    accuser = mention.agent if mention.agent is not None and mention.agent.head != author.head else None
    mention.agent = author
    if accuser is not None and not accuser.actor.name.startswith("Unidentified"):
        mention.actors = [a for a in mention.actors if a.head != accuser.head]
    if mention.target is None:
        anchors = [mention.sentence.doc[c.head] for c in mention.cues if c.anchor]
        others = [a for a in mention.actors if a.head != author.head]
        mention.victims_kind = victims_kind(None, mention.counts, others, mention.sentence, anchors)


# how many sentences after the deeds a blame or claim with no deed of its own may name their author
_AUTHOR_REACH = 2


def _author_told_after(mentions: list[Mention], sentence: Sentence, actors: list[ActorMention], authors: list[tuple[Token, set[int] | None]]) -> None:
    """ "… killed three soldiers. No group claimed responsibility, but the army blamed JNIM.":
    a suspected author named in a sentence that tells no deed of its own (or names the deed only
    by a definite noun, "the attack") is that of the deeds of the sentence before."""
    told = [m for m in mentions if not m.background and m.modality is None and 0 < sentence.index - m.sentence.index <= _AUTHOR_REACH]
    # (the deeds of the last sentence that told a kind of violence, and what followed it:
    # "… two rockets were fired at X. One was intercepted … Y claimed responsibility")
    last = max((m.sentence.index for m in told if _typed(m)), default=sentence.index - 1)
    previous = [m for m in told if m.sentence.index >= last]
    if not previous:
        return
    doc = sentence.doc
    # (the deed named back by its noun: "blamed X for the attack", not "for the insecurity")
    nouns = lexicon.status_words()["referring_event_nouns"]
    for phrase, deed in authors:
        if deed is not None and not (any(doc[i].lower_ in {"the", "this", "that", "these"} for i in deed) and any(doc[i].lower_ in nouns for i in deed)):
            continue
        author = _author_in(phrase, actors)
        if author is None:
            continue
        for mention in previous:
            if _unknown_agent(mention) and (mention.target is None or author.actor.name != mention.target.actor.name):
                _make_author(mention, author)
        return


def _speaker_actor(mention: Mention, actors: list[ActorMention]) -> ActorMention | None:
    for statement in mention.statements:
        subject = next((c for c in statement.verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None) if statement.verb is not None else None
        if subject is None:
            continue
        found = next((a for a in actors if a.first <= subject.i <= a.last and a.armed), None)
        if found is not None:
            return found
    return None


def _own_day(mention: Mention) -> dt.date | None:
    if mention.date_source not in {"own", "sentence"}:
        return None
    days = [d for m in mention.dates for d in days_of(m)]
    return days[0] if days else None


def _unplace_named_back(doc: Story) -> None:
    """ "The president, speaking in the capital, condemned the assault", "Moscow did not comment on
    the attack": an event named back takes no place from the words around its noun (where it was
    spoken of, who spoke): it is the event told before, at that event's place."""
    told_before = False
    tolls: set[int] = set()
    for mention in doc.mentions:
        if mention.told_back and told_before and mention.place is not None and mention.place.place is not None and not mention.background:
            sentence_doc = mention.sentence.doc
            phrase = {t.i for c in mention.cues if c.anchor for t in sentence_doc[c.head].subtree}
            if mention.place.place.first not in phrase:
                mention.place, mention.place_source = None, "none"
                continue
        if _the_dead_again(mention, tolls, doc.sentences) and mention.place is not None and not mention.background:
            # "The rebels said the three were killed in a drone strike on the road to X": the dead
            # already counted, told again by another side with a place of its own telling
            mention.place, mention.place_source = None, "none"
            continue
        if is_current(mention) and mention.place is not None and not mention.told_back:
            told_before = True
            tolls.update(c.value for c in mention.counts if c.kind == "death")


def _the_dead_again(mention: Mention, tolls: set[int], sentences: Sequence[Sentence]) -> bool:
    """Its dead named back by their number ("the three", "the two killed") as counted before."""
    deaths = [c for c in mention.counts if c.kind == "death"]
    # (a count joined from the next sentence may come from another parse: read in its own)
    return bool(deaths) and all(c.value in tolls and _definite(parse_of(c, mention.sentence, sentences).doc[c.target]) for c in deaths)


def _definite(counted: Token) -> bool:
    """ "the three", "the two killed", "the four dead": a number told with "the"."""
    before = counted.doc[counted.i - 1] if counted.i > 0 else None
    return (before is not None and before.lower_ == "the") or any(t.lower_ == "the" for t in counted.subtree if t.i < counted.i)


def place_mentions(doc: Story) -> None:
    _unplace_named_back(doc)
    placed = [m for m in doc.mentions if m.place is not None]
    extra: list[Mention] = []
    for mention in doc.mentions:
        # a clause placed only at a site named after a place ("gathered at the Kakoba square"), or
        # at a name no gazetteer knows ("Also, a man was found shot dead in X"), is at a known
        # place of its sentence, else at the town its story is told at, when there is one
        at_site = _weak(mention.place)
        named_capital = _countrys_capital(mention, doc) if mention.country_only and mention.place is None and not mention.background else None
        if named_capital is not None:
            # "stormed a neighbourhood of Haiti's capital": the capital, named by its country
            mention.place, mention.place_source, mention.country_only = named_capital, "own", False
            placed.append(mention)
            continue
        if (mention.place is not None and not at_site) or mention.country_only or mention.background:
            continue
        if _across_the_border(mention):
            continue  # "… while militants fired rockets at positions across the border": the other side's
        index = mention.sentence.index
        named_again = _place_named_again(mention, placed) if mention.place is None else None
        if named_again is not None:
            # "… killed in the fighting in Metina": a name the story placed before (as "the Metina
            # region", which no gazetteer knows) is that place again, not the next town the sentence names
            mention.place, mention.place_source = named_again, "previous"
            placed.append(mention)
            continue
        siblings = [m for m in placed if m.sentence.index == index and not m.background and m.place_source == "own"
                    and not (at_site and _weak(m.place))]
        if at_site and listed(mention.place.place, mention.sentence):
            siblings = []  # "moved into A and B": an unknown name in a list is a place of its own
        if siblings:
            # a clause without a place of its own shares its sentence's places ("… and 20 others injured")
            places = list({place_key(m.place): m.place for m in siblings}.values())
            mention.place, mention.place_source = places[0], "sibling"
            extra.extend(replace(mention, place=place) for place in places[1:])
            placed.append(mention)
            continue
        fronted = _fronted_place(mention)
        if fronted is not None:
            # "In A, the state capital, troops arrested five men": the opening phrase places the
            # sentence, even when the parse hangs the clause off the town's apposition
            mention.place, mention.place_source = fronted, "sibling"
            placed.append(mention)
            continue
        # (a deed of violence or destruction: not "locals in X said soldiers were on patrol there")
        # (not dead told as "also killed": more dead of the account just told, wherever its
        # teller speaks from)
        told_from = None if at_site or _also_dead(mention) or not set(mention.categories) & (_VIOLENT | {"destroy", "loot"}) else _sources_place(mention)
        if told_from is not None:
            # "Sources in Bali said the fighters opened fire on the checkpoint at the entrance of
            # the town": the town the sources speak from is where the clause happened
            mention.place, mention.place_source = told_from, "sibling"
            placed.append(mention)
            continue
        capital = _capital_named(mention, doc)
        if capital is not None:
            # "In the capital, … in the X neighbourhood": a name no gazetteer knows, in the capital
            unknown = mention.place.place.mention
            mention.place = replace(mention.place, place=replace(mention.place.place, mention=placed_at(unknown, capital, "in", "in no gazetteer")))
            mention.place_source = "own"
            placed.append(mention)
            continue
        seat = _seat_of_government(mention, doc)
        if seat is not None:
            # "protested outside the prime minister's office": the seat of a national government
            # lies in the capital of the country the story is about
            mention.place, mention.place_source = seat, "own"
            placed.append(mention)
            continue
        if opens_another_story(mention.sentence):
            continue  # "Separately, …": not where the story told before happened
        deed = _the_attackers_deed(mention, [m for m in doc.mentions if m.place is not None])
        if deed is not None:
            mention.place, mention.place_source = deed.place, "previous"
            placed.append(mention)
            continue
        day = _own_day(mention)
        # nearest first: mentions placed by this loop were appended after those placed by name
        before = sorted((m for m in placed if index - _LOOKBACK <= m.sentence.index < index), key=lambda m: m.sentence.index)
        for earlier in reversed(before):
            if earlier.background or earlier.modality or earlier.dropped:
                continue
            if at_site and not _town(earlier.place):
                continue  # a site or an unknown village lies in a town, not just in its province
            # the story's place carries over unless the two are dated to different days (not
            # when the sentence says so: "On Saturday, gunmen killed two vigilantes in the same town")
            earlier_day = _own_day(earlier)
            if day is not None and earlier_day is not None and day != earlier_day and not _SAME_PLACE.search(mention.sentence.text):
                break
            mention.place, mention.place_source = earlier.place, "previous"
            placed.append(mention)
            break
        if mention.place_source == "own" and _site_named_after_a_place_abroad(mention, doc):
            # "a riot broke out inside the Litoral Penitentiary": a prison named after a place
            # abroad lies in the town the story is about, when no town was told just before
            focus = _focus_place(doc)
            if focus is not None:
                mention.place, mention.place_source = focus, "focus"
    doc.mentions.extend(extra)
    _place_at_focus(doc)


def _place_named_again(mention: Mention, placed: list[Mention]) -> EventPlace | None:
    """The place of an earlier clause whose name this clause's words give again after a
    preposition of place ("in Metina"), when the name was found there but not here."""
    doc = mention.sentence.span.doc
    words = [doc[i] for i in sorted(mention.region.tokens)]
    for earlier in placed:
        if earlier.sentence.index >= mention.sentence.index or earlier.background or earlier.place is None or earlier.place.place is None:
            continue
        name = earlier.place.place.mention.text.split()
        for k, word in enumerate(words[:len(words) - len(name) + 1]):
            following = [w.text for w in words[k:k + len(name)]]
            if following == name and word.i > 0 and doc[word.i - 1].lower_ in _FRONTING and mention.sentence.place_at(word.i) is None:
                return earlier.place
    return None


# prepositions that open a sentence with where it happened ("In A, …", "Near A, …")
_FRONTING = {"in", "near", "outside", "at"}


def _fronted_place(mention: Mention) -> EventPlace | None:
    """The town a sentence opens with ("In A, the state capital, …"), when it is a place of the
    gazetteer below a country and the clause is current news."""
    sentence = mention.sentence
    span = sentence.span
    if mention.background or len(span) < 3 or span[0].lower_ not in _FRONTING:
        return None
    first = next((p for p in sentence.places if p.first == span.start + 1), None)
    if first is None or first.country_only or first.mention.entry is None:
        return None
    after = span.doc[first.last + 1] if first.last + 1 < span.end else None
    if after is None or after.text != ",":
        return None
    return EventPlace(first)


# a place named again by its kind ("in the same town", "residents protested in the town")
_SAME_PLACE = re.compile(
    r"\b(?:(?:in|at|near|around|outside|across) the|the same) (?:town|city|village|area|district|locality|neighbou?rhood)\b(?! of)(?!'s)",
    re.IGNORECASE,
)


# "in the capital", "the country's capital", "the Haitian capital" (not a province's: "the
# provincial capital", "the regional capital")
_THE_CAPITAL = re.compile(r"\bthe (?:country's |nation's |[A-Z][a-z]+ )?capital\b(?! of)")


# buildings of a national government, which stand in the capital (not a governor's or a mayor's)
_SEAT_OF_GOVERNMENT = re.compile(
    r"\b(?:the )?(?:presidential palace|national palace|prime minister's office|office of the prime minister|"
    r"parliament(?: building)?|national assembly|presidency)\b", re.IGNORECASE)


def _seat_of_government(mention: Mention, doc: Story) -> EventPlace | None:
    """The national capital, for a clause with no place whose words name a seat of government."""
    # (a crowd's: violence "near the palace" is told at its own place)
    if mention.place is not None or doc.context.country is None or not set(mention.categories) & {"protest", "demo_tactic", "blockade"}:
        return None
    sentence = mention.sentence
    tokens = sorted(mention.region.tokens)
    if not tokens:
        return None
    text = sentence.doc[tokens[0] : tokens[-1] + 1].text
    match = _SEAT_OF_GOVERNMENT.search(text)
    if match is None:
        return None
    capital = national_capital(doc.context.country)
    if capital is None or capital.entry is None:
        return None
    start = sentence.char(sentence.doc[tokens[0]]) + match.start()
    words = [t for t in sentence.doc[tokens[0] : tokens[-1] + 1] if sentence.char(t) >= start]
    first = words[0].i if words else tokens[0]
    mention_of_it = PlaceMention(capital.entry.name, start, start + len(match.group(0)), capital.entry, confidence=0.5,
                                 why=f"the capital: {match.group(0)} named")
    return EventPlace(Place(mention_of_it, first, first), facility=False)


def _countrys_capital(mention: Mention, doc: Story) -> EventPlace | None:
    """ "X's capital", "the capital of X" in the clause of a mention told only of country X: its capital."""
    sentence = mention.sentence
    tokens = sentence.doc
    for place in sentence.places:
        if not place.country_only or place.first not in mention.region.tokens or place.mention.entry is None:
            continue
        after = [t.lower_ for t in tokens[place.last + 1 : place.last + 3]]
        before = [t.lower_ for t in tokens[max(place.first - 2, 0) : place.first]]
        if after != ["'s", "capital"] and before != ["capital", "of"]:
            continue
        capital = national_capital(place.mention.entry.country_iso)
        if capital is None or capital.entry is None:
            return None
        mention_of_it = PlaceMention(capital.entry.name, place.mention.start, place.mention.end, capital.entry, confidence=0.6,
                                     why=f"the capital of {place.mention.text}, named as such")
        return EventPlace(Place(mention_of_it, place.first, place.last))
    return None


def _capital_named(mention: Mention, doc: Story) -> PlaceMention | None:
    """The national capital, for a mention at a name no gazetteer knows whose sentence says the
    capital."""
    place = mention.place
    if place is None or place.place is None or place.place.mention.entry is not None or doc.context.country is None:
        return None
    if not _THE_CAPITAL.search(mention.sentence.text):
        return None
    return national_capital(doc.context.country)


def _weak(place: EventPlace | None) -> bool:
    """Placed only at a site named after a place, or at a name that no gazetteer knows."""
    return place is not None and place.place is not None and (place.facility or place.place.mention.entry is None)


def _site_named_after_a_place_abroad(mention: Mention, doc: Story) -> bool:
    place = mention.place
    if place is None or not place.facility or place.place is None or doc.context.country is None:
        return False
    entry = place.place.mention.entry
    return entry is not None and entry.country_iso != doc.context.country


def _town(place: EventPlace | None) -> bool:
    entry = place.place.mention.entry if place is not None and place.place is not None else None
    return entry is not None and feature_class(entry) == "PPL"


def _focus_place(doc: Story) -> EventPlace | None:
    """The place an article is about when no event sentence names one: the sub-national place it
    names most (first on ties), in the article's country, outside reporting frames."""
    counts: Counter[int] = Counter()
    first: dict[int, EventPlace] = {}
    in_names = {(i, t) for i, actor in doc.actors if actor.kind in {"named", "anti"} for t in range(actor.first, actor.last + 1)}
    # a dateline ("DAVAO CITY, Philippines—") counts like any other mention of its place
    for sentence in doc.sentences:
        # a location trail counts once, at the place its events would be coded at
        for coded in coded_places(sentence):
            place = coded.place
            entry = place.mention.entry
            if entry is None or (entry.feature or "").startswith("PCL") or entry.country_iso != doc.context.country:
                continue
            if (sentence.index, place.first) in in_names:
                continue  # "Security Belt": part of a group's name
            counts[entry.geonameid] += 1
            first.setdefault(entry.geonameid, EventPlace(place, near=coded.near))
    if not counts:
        return None
    return first[counts.most_common(1)[0][0]]


_SOURCE_NOUNS = {"sources", "source", "residents", "resident", "witnesses", "witness", "locals", "elders", "officials", "official"}


def _also_dead(mention: Mention) -> bool:
    """ "an official in X said four drivers were also killed": the clause's dead are told as more."""
    doc = mention.sentence.doc
    return any(doc[i].lower_ in {"also", "too"} and doc[i].dep_ == "advmod" and doc[i].head.lemma_.lower() in {"kill", "die", "slay"}
               for i in mention.region.tokens)


def _sources_place(mention: Mention) -> EventPlace | None:
    """The town named with the people a clause is told by ("sources in X", "residents of X told"),
    in the reporting frame of its own sentence."""
    doc = mention.sentence.doc
    for statement in mention.statements:
        for i in sorted(statement.frame):
            place = mention.sentence.place_at(i)
            if place is None or place.mention.entry is None or feature_class(place.mention.entry) != "PPL":
                continue
            preposition = doc[place.first].head
            if preposition.lower_ in {"in", "of", "from"} and preposition.head.lower_ in _SOURCE_NOUNS:
                return EventPlace(place)
    return None


_ACROSS = re.compile(r"\b(?:across|over) the (?:border|frontier|boundary)\b|\bon the other side of the (?:border|frontier)\b", re.IGNORECASE)


def _across_the_border(mention: Mention) -> bool:
    """A clause naming no place of its own whose deed lies across the border: not at the places
    its sentence (or the one before) names on this side."""
    doc = mention.sentence.doc
    tokens = sorted(mention.region.tokens)
    return bool(tokens) and _ACROSS.search(doc[tokens[0] : tokens[-1] + 1].text) is not None


def _place_at_focus(doc: Story) -> None:
    """An article whose events are told without naming their place ("in the Somali capital",
    "this city"): its current events are at the place the article is about, with low confidence."""
    if any(is_current(m) and m.place_source == "own" and not m.summary for m in doc.mentions):
        return
    focus = _focus_place(doc)
    if focus is None:
        return
    for mention in doc.mentions:
        if mention.place is None and is_current(mention):
            mention.place, mention.place_source = focus, "focus"


def _nearest_day(mention: Mention) -> dt.date | None:
    """Of two single days a sentence names, the one told in the deed's own phrase: "calm returned
    on Monday after an exchange of fire late on Saturday" dates the fire to Saturday (None when
    the sentence names one day, a range or a list, or no day inside the deed's phrase)."""
    days = [d for d in mention.dates if d.value is not None and d.until is None and not d.listed and d.kind != "day_before"]
    anchors = [c for c in mention.cues if c.anchor]
    if len({d.value for d in days}) < 2 or not anchors or len(days) != len(mention.dates):
        return None
    sentence = mention.sentence
    head = sentence.doc[anchors[0].head]
    if head.pos_ != "NOUN":
        return None  # a verb's phrase holds its whole clause: the first day stays
    phrase = list(head.subtree)
    first, last = sentence.char(phrase[0]), sentence.char_end(phrase[-1])
    inside = [d for d in days if first <= d.start and d.end <= last]
    return inside[0].value if len({d.value for d in inside}) == 1 else None


# the men named by the deed they did ("the attackers also looted …"): their attack, not a later
# fight in which they were hunted
_ATTACKER_ROLES = {"attackers", "assailants", "raiders"}


def _the_attackers_deed(mention: Mention, earlier: Sequence[Mention]) -> Mention | None:
    """ "ADF rebels attacked X … Troops caught up with the rebels near Y … Residents said the
    attackers also looted food": the attackers' further deed, told without a place or day of
    its own, belongs to their attack, not to the fight told just before where they were the
    hunted side."""
    agent = mention.agent
    if agent is None or not agent.armed or mention.place_source == "own" or any(days_of(d) for d in mention.dates):
        return None
    span = mention.sentence.span
    if not span.start <= agent.head < span.end:
        return None  # (a doer named back from another sentence, whose parse may be another Doc)
    head = mention.sentence.doc[agent.head]
    if head.lower_ not in _ATTACKER_ROLES or not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
        return None
    for told in reversed(earlier):
        if told.background or told.modality or told.dropped or told.sentence.index >= mention.sentence.index:
            continue
        if told.agent is not None and told.agent.actor.name == agent.actor.name and {"attack", "kill"} & set(told.categories):
            return told
    return None


def resolve_dates(doc: Story) -> None:
    """Each mention's day: its own date, else the story's (the mention told before it), else publication."""
    published = doc.article.published
    story: dt.date | None = None
    story_mention: Mention | None = None  # the mention that set ``story``
    told: dt.date | None = None  # the day of the last dated mention, history included
    for position, mention in enumerate(doc.mentions):
        values = [d for m in mention.dates for d in days_of(m)]
        deed = _the_attackers_deed(mention, doc.mentions[:position])
        if deed is not None and deed.day is not None:
            mention.day, mention.date_source = deed.day, "story"
            continue
        measured = _measured_from_the_main_clause(mention, published)
        if measured is not None and (measured[1] is not None or story is not None):
            # "The riot came two days after the air force said its jets had struck …": the deed
            # of an "after" clause measured in days is that many days before the main clause's
            # day (its sentence's day, else the story's); not the day of the riot
            days_back, main_day = measured
            mention.day = (main_day or story) - dt.timedelta(days=days_back)
            mention.date_source = "sentence"
            mention.background = published is not None and (published - mention.day).days > _window()
            continue
        later = _LATER.search(mention.sentence.text)
        # (not an event named back: "Two days later, JNIM said it had carried out the attack")
        if later and told is not None and not values and not mention.told_back:
            # "In February 2019, a bomber … Six months later, New Delhi stripped …": a span after
            # the time told before, not the day of publication
            mention.day = told + dt.timedelta(days=_later_days(later))
            mention.date_source = "sentence"
            if published is not None and (published - mention.day).days > _window():
                mention.background = True
            continue
        earlier = next((d for d in mention.dates if d.kind == "ago" and _EARLIER.search(d.text)), None)
        if earlier is not None and told is not None and mention.date_source in {"own", "sentence"} and len(values) <= 1 and not mention.told_back:
            # "… on Sunday, the army said. Two days earlier, militants had killed …": "earlier"
            # counts back from the day told before ("ago" counts from publication)
            mention.day = told - dt.timedelta(days=_later_days(_EARLIER.search(earlier.text)))
            mention.background = published is not None and (published - mention.day).days > _window()
            continue
        day_before = any(m.kind == "day_before" for m in mention.dates)
        if day_before and mention.date_source == "own" and story is None and not _dated_deed(mention):
            # "said on Monday it had recaptured X the previous day": the day before the day its
            # sentence names, else before publication
            named = values or [day for d in find_dates(mention.sentence, published) for day in days_of(d)]
            base = named[0] if named else published
            mention.day = base - dt.timedelta(days=1) if base is not None else None
        elif mention.date_source in {"own", "sentence"} and values:
            mention.day = _nearest_day(mention) or values[0]
        elif not values and mention.place_source != "own" and _after_history(doc, mention.sentence.index, published) is not None:
            # "… seized power in a coup in February 2021. The junta's crackdown on protests
            # prompted many to take up arms.": undated and unplaced right after history, it goes on
            # with that history
            mention.day = _after_history(doc, mention.sentence.index, published)
            mention.date_source = "story"
            mention.background = True
            continue
        elif mention.sequel and mention.date_source == "speech" and values:
            # "police said on Monday they had arrested five suspects after the ambush": what
            # followed the story's event is no longer on its day; the day it was told is nearer,
            # and is the mention's own (another day than the event it followed)
            mention.day = values[0]
            mention.date_source = "sentence"
        elif mention.date_source == "speech" and values and story is not None and (story > max(values) or _another_story(mention, story_mention)):
            # "On Monday the army said its troops fought …" in a story told of Tuesday: a deed is
            # not after the day it was told of; that day is the nearest the text gives
            mention.day = values[0]
        elif day_before and story is not None:
            mention.day = story - dt.timedelta(days=1)
        elif story is not None:
            # the story goes on until a sentence dates something else
            mention.day = story
            mention.date_source = "story"
        elif values:
            mention.day = values[0]
        else:
            mention.day = published
            mention.date_source = "published"
        # ("On Monday, the army said jihadists attacked …. The next day, …": a deed dated by the
        # day of its telling is the day a later "the next day" counts from)
        if mention.date_source in {"own", "sentence", "speech"} and values and not mention.modality:
            told = mention.day
        if mention.date_source in {"own", "sentence"} and values and not mention.background and not mention.modality:
            story = mention.day
            story_mention = mention
        if mention.day is not None and published is not None and not mention.modality:
            # a span that runs into the window is news ("from 3 to 5 March"): its last day counts
            # (split_ranges marks the days older than the window)
            spans = [day for d in mention.dates for day in (d.until, *d.listed) if day is not None] if mention.date_source == "own" else []
            if (published - max([mention.day, *spans])).days > _window():
                mention.background = True


def _another_story(mention: Mention, story: Mention | None) -> bool:
    """ "On Tuesday, the militia's security directorate said it arrested two suspects in the town
    of A" after a bomb told at B on Monday: a deed of another kind at a place of its own, told on a
    later day, is not the story's day going on; the day it was told is the nearest the text gives."""
    if story is None or mention.place_source != "own" or story.place_source != "own" or mention.place is None or story.place is None:
        return False
    if place_key(mention.place) == place_key(story.place):
        return False
    # ("the TNLA claimed on Tuesday it had captured A" after the junta's jets bombed B on Monday:
    # another side's deed at another place, as much another story as a deed of another kind)
    return family(mention.categories) != family(story.categories) or _other_doers(mention, story)


def _other_doers(mention: Mention, story: Mention) -> bool:
    """Both deeds have a named doer and no side of one is a side of the other."""
    if mention.agent is None or story.agent is None:
        return False
    sides = {a.actor.name for a in story.actors if a.armed}
    return mention.agent.actor.name not in sides and story.agent.actor.name not in {a.actor.name for a in mention.actors if a.armed}


def _measured_from_the_main_clause(mention: Mention, published: dt.date | None) -> tuple[int, dt.date | None] | None:
    """ "The riot came two days after the air force said its jets had struck …", "burned tyres on
    Sunday, a day after soldiers shot three traders", "two days after the killing of …": a deed
    told inside an "after" (or "before") phrase measured in days or weeks, with no day of its own
    there. Gives how many days before the main clause it was (negative after "before") and the
    day the sentence names outside the phrase, if any."""
    doc = mention.sentence.doc
    anchors = [doc[c.head] for c in mention.cues if c.anchor]
    if not anchors:
        return None
    time_words = lexicon.time_words()  # measure_units: "day", "week"; units_days: how many days each is
    for word in mention.sentence.span:
        if word.lower_ not in {"after", "before"} or word.dep_ not in {"mark", "prep"}:
            continue
        phrase = word.head if word.dep_ == "mark" else word
        inside = {t.i for t in phrase.subtree}
        if not all(a.i in inside and not _described_within(a, phrase) for a in anchors):
            continue
        measure = next((c for c in [*phrase.children, *word.children] if c.dep_ == "npadvmod" and c.lower_ in time_words["measure_units"]), None)
        count = _count_of(measure) if measure is not None else None
        if count is None:
            continue
        start = min(inside)
        end = max(inside)
        dates = find_dates(mention.sentence, published)
        own = [d for d in dates if mention.sentence.char(doc[start]) <= d.start < mention.sentence.char_end(doc[end]) and days_of(d)]
        if own:
            return None  # ("two days after bandits killed 11 villagers on Friday": its own day)
        outside = [day for d in dates if d not in own for day in days_of(d)]
        days = count * int(time_words["units_days"][measure.lower_])
        return (days if word.lower_ == "after" else -days), (outside[0] if len(set(outside)) == 1 else None)
    return None


def _described_within(anchor: Token, phrase: Token) -> bool:
    """A cue in a relative or participle clause of the phrase ("two days after riots at the
    prison where leaders were detained"): it describes something named there, it is not the
    deed the phrase measures."""
    token = anchor
    while token.i != phrase.i and token.head.i != token.i:
        if token.dep_ in {"relcl", "acl"}:
            return True
        token = token.head
    return False


def _count_of(measure: Token) -> int | None:
    """ "two days" → 2, "a day" → 1, "three weeks" → 3 (the count of the unit)."""
    for child in measure.children:
        if child.dep_ == "det" and child.lower_ in {"a", "an", "one"}:
            return 1
        if child.dep_ == "nummod":
            text = child.lower_
            return int(text) if text.isdigit() else _LATER_COUNTS.get(text)
    return None


def _after_history(doc: Story, index: int, published: dt.date | None) -> dt.date | None:
    """The latest day the sentence before names, when it names only days older than the
    reporting window ("… seized power in a coup in February 2021.")."""
    if index == 0 or published is None:
        return None
    days = [day for d in find_dates(doc.sentences[index - 1], published) for day in days_of(d)]
    return max(days) if days and all((published - day).days > _window() for day in days) else None


_LATER = re.compile(
    r"\b(?:(?P<count>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a few)\s+(?P<unit>days?|weeks?|months?|years?|decades?)\s+later"
    # ("the next morning", "the following evening": the day after, at another hour)
    r"|the\s+(?:following|next)\s+(?P<unit2>day|week|month|year|morning|afternoon|evening|night))\b",
    re.I,
)
# "two days earlier", "a week before": back from the day told before (not "ago": from publication)
_EARLIER = re.compile(r"\b(?P<count>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a few)\s+(?P<unit>days?|weeks?)\s+(?:earlier|before)\b", re.I)
_LATER_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "several": 3, "a few": 3}


def _later_days(match: re.Match[str]) -> int:
    unit = (match.group("unit") or match.group("unit2")).lower().rstrip("s")
    count_text = (match.group("count") or "1").lower()
    count = int(count_text) if count_text.isdigit() else _LATER_COUNTS.get(count_text, 1)
    return count * int(lexicon.time_words()["units_days"].get(unit, 1))


def _dated_deed(mention: Mention) -> bool:
    """The mention's clause names a day of its own besides "the day before", outside any
    speaker's words ("On 10 March, troops captured a base which rebels had raided the previous
    day": the capture's day is 10 March)."""
    sentence = mention.sentence
    frame = {i for s in mention.statements for i in s.frame}
    # "said on Monday it had …": a day right after the reporting verb is the day it was said,
    # however the parse hangs it
    frame |= {s.verb.i + 1 for s in mention.statements if s.verb.i + 1 < len(sentence.doc)}
    framed = {sentence.char(sentence.doc[i]) for i in frame}
    return any(d.kind != "day_before" and d.value is not None and not any(d.start <= c < d.end for c in framed) for d in mention.dates)


def _window() -> int:
    return window_days()


def split_ranges(mentions: list[Mention], published: dt.date | None = None) -> list[Mention]:
    """A mention dated "from 7 to 8 May" stands for one event per day; a day of a span that runs
    into the reporting window but is itself older than it is background."""
    out: list[Mention] = []
    for mention in mentions:
        ranges = [d for d in mention.dates if d.until is not None or d.listed] if mention.date_source == "own" else []
        if not ranges:
            out.append(mention)
            continue
        # (its dead are counted once, on its first day: "fighting raged on Sunday and Monday,
        # leaving 16 soldiers dead" tells no 16 dead a day; a toll not told day by day is put on
        # one day, never doubled)
        out.extend(replace(mention, day=day, background=mention.background or (published is not None and (published - day).days > window_days()),
                           counts=mention.counts if n == 0 else [c for c in mention.counts if c.kind != "death"])
                   for n, day in enumerate(days_of(ranges[0])))
    return out


def is_current(mention: Mention) -> bool:
    return not mention.dropped and not mention.background and mention.modality is None


def compatible_days(a: Mention, b: Mention) -> bool:
    """Same day, or one of them has no date of its own (a report date, the story's date)."""
    if a.day is None or b.day is None:
        return True
    if a.date_source not in {"own", "sentence"} or b.date_source not in {"own", "sentence"}:
        return True
    return a.day == b.day


def _accounts_named_back(donors: list[Mention], anaphor: Mention, earlier: list[Mention]) -> list[Mention]:
    """The placeless accounts a later mention names back, less a death dated in its own words to
    another day than the accounts of the kind the mention names, placeless or told at its place
    ("strikes on A killed nine on Monday … one soldier was killed on Sunday … condemned the A
    strike": not the soldier)."""
    named = [d for d in donors if _names_its_kind(anaphor, d)]
    here = [m for m in earlier if m.place is not None and place_key(m.place) == place_key(anaphor.place) and may_tell_the_same(m, anaphor)]
    days = {m.day for m in named + here if m.day is not None and m.date_source != "published"}
    return [d for d in donors if d in named or not (d.date_source == "own" and d.day is not None and days and d.day not in days)]


def _absorb(into: Mention, donor: Mention, *, counts: bool) -> None:
    # (a killing whose toll is not shared was not told of this place: "abduct 43 …, kill six
    # vigilantes" spread over the villages told next kills in one of them)
    # (an account of another kind gives an account typed already none of its kinds: "Daily
    # roundup: shelling on A villages, IED kills two in B" makes the IED told in B no shelling)
    own_kinds, donor_kinds = set(into.categories) & _TYPING, set(donor.categories) & _TYPING
    roundup = bool(own_kinds) and bool(donor_kinds) and (not own_kinds & donor_kinds or len(donor_kinds) > 1)
    into.cues = into.cues + [c for c in donor.cues if c.category not in into.categories and (counts or c.category != "kill") and not (roundup and c.category in _TYPING)]
    if into.target is None and _other_side(into, donor):
        # "soldiers fought gunmen of an armed group" in the province … "CODECO captured the town":
        # the unnamed fighters are the group told acting here, the military its opponent
        into.target = donor.agent
    into.agent = into.agent or donor.agent
    into.target = into.target or donor.target
    into.victims_kind = into.victims_kind or donor.victims_kind
    if counts and not any(c.kind == "death" for c in into.counts):
        into.counts = into.counts + donor.counts
    into.injuries = into.injuries + donor.injuries
    if not into.statements:
        into.statements = donor.statements
    # whoever told the absorbed account is a source of this one too
    into.sources = into.sources + [s for s in donor.statements + donor.sources if s not in into.statements]
    into.actors = into.actors + donor.actors


def _other_side(into: Mention, donor: Mention) -> bool:
    a, b = into.agent, donor.agent
    if a is None or b is None or donor.target is None or not (a.armed and b.armed) or a.actor.name == b.actor.name:
        return False
    return a.kind in {"named", "anti"} and donor.target.actor.name.startswith("Unidentified")


def _names_an_unknown_village(mention: Mention) -> bool:
    """The clause's region names a place no gazetteer holds ("the village of A"), besides the
    unit it was coded at."""
    return any(p.mention.entry is None and p.first in mention.region.tokens for p in mention.sentence.places)


def _contains(outer: Mention, inner: Mention) -> bool:
    if outer.place is None or inner.place is None or outer.place.place is None or inner.place.place is None:
        return False
    if is_placed(outer.place.place.mention):
        return False  # a village placed at its unit is not an account of the whole unit
    a, b = outer.place.place.mention.entry, inner.place.place.mention.entry
    if a is not None and b is None and (a.feature or "").startswith(("ADM", "PCL")):
        # villages no gazetteer holds, told right after an account at a district ("two
        # communities in X district" … "stormed A and B villages"), are its events one by one
        # (not when the account names a village of its own: "In X province, troops shelled the
        # village of A" is A's shelling coded at X, no sum of the villages told after it)
        return 0 < inner.sentence.index - outer.sentence.index <= 2 and not _names_an_unknown_village(outer)
    if a is None or b is None or a.geonameid == b.geonameid:
        return False
    if (a.feature or "").startswith("PCL"):
        return a.country_iso == b.country_iso
    return a.geonameid in {b.admin1_id, b.admin2_id}


# categories that say what kind of violence it was; "killed", "attack" alone do not
_TYPING = {"takeover", "retake", "clash", "air", "shelling", "ied", "suicide", "grenade", "chemical", "abduct", "sexual"}


_ANAPHOR_REACH = 10


_ELABORATION_REACH = 3


def follow_up_operation(mention: Mention) -> bool:
    """The clause tells an operation after an attack against its authors ("during a pursuit
    operation", "in a mop-up operation", "pursued the attackers")."""
    words = lexicon.cues().follow_up_words
    return any(t.lemma_.lower() in words or t.lower_ in words for t in mention.sentence.span)


def may_tell_the_same(a: Mention, b: Mention) -> bool:
    """Not two kinds of violence told apart: a takeover and an air strike at one town are two
    happenings; an untyped killing may be either."""
    typed_a, typed_b = set(a.categories) & _TYPING, set(b.categories) & _TYPING
    return not typed_a or not typed_b or bool(typed_a & typed_b)


def _names_its_kind(anaphor: Mention, told: Mention) -> bool:
    """The earlier account is of the kind the back-reference's own noun names ("the raid", "the
    ambush": an attack; "the clashes": a clash); a bare killing word names no kind."""
    named = {c.category for c in anaphor.cues if c.anchor} - {"kill", "lethal_force"}
    return bool(named & {c.category for c in told.cues if c.anchor})


def denied(mention: Mention) -> bool:
    """A side's denial tells it ("the army denied shelling the village")."""
    return any(s.kind == "deny" for s in mention.statements)


def _typed(mention: Mention) -> bool:
    return bool(set(mention.categories) & _TYPING)


def _told_as_a_shooting(mention: Mention) -> bool:
    """ "gunmen shot dead a village headman": a killing that names its weapon, gunfire."""
    words = set(lexicon.casualty_words()["shooting_words"])
    return any(c.text.lower() in words for c in mention.cues)


def _the_victim(target: ActorMention | None, sentence: Sentence) -> bool:
    """ "The victim", "the deceased": a definite noun that names the one harmed by what was told
    before, not someone new (a target named back from another sentence, whose parse may be
    another Doc, is not read here)."""
    if target is None or not sentence.span.start <= target.head < sentence.span.end:
        return False
    head = sentence.doc[target.head]
    nouns = lexicon.casualty_words()["victim_named_back"]
    return head.lemma_.lower() in nouns and any(c.dep_ == "det" and c.lower_ == "the" for c in head.children)


# how many sentences after the attack "the victim" may tell more of it
_VICTIM_REACH = 2


def _same_area(told: EventPlace | None, detail: EventPlace | None) -> bool:
    """The detail's place is the account's, lies in it ("a village of X district") or by it."""
    if told is None or detail is None or place_key(told) == place_key(detail) or _close_by(told, detail):
        return True
    entries = [p.place.mention.entry if p.place is not None else None for p in (told, detail)]
    return entries[0] is not None and entries[1] is not None and lies_in(entries[1], entries[0])


def _victim_told_again(doc: Story) -> None:
    """ "Gunmen shot dead a trader in X on Monday. The victim was shot three times in the chest
    outside his shop in Y": what happened to "the victim", told by no doer of its own shortly
    after an attack on civilians, is that attack told in more detail, not a second attack."""
    current = [m for m in doc.mentions if is_current(m)]
    for n, mention in enumerate(current):
        if mention.agent is not None or mention.sentence.is_headline or not _the_victim(mention.target, mention.sentence):
            continue
        before = [
            m for m in current[:n]
            if not m.dropped and not m.sentence.is_headline and family(m.categories) == "violent"
            and m.target is not None and m.target.is_civilian
            and 0 < mention.sentence.index - m.sentence.index <= _VICTIM_REACH
            # (on a day of its own, "the victim" is another's: told anew)
            and not (mention.date_source == "own" and mention.day is not None and m.day is not None and mention.day != m.day)
            and _same_area(m.place, mention.place)
        ]
        if before:
            account = before[-1]
            if _a_town(mention.place):
                # (the detail names where it happened, a village of the district or by the town
                # told first: ACLED codes the most precise place; the accounts placed after it
                # are placed there)
                account.place = mention.place
            _absorb(account, mention, counts=False)
            mention.dropped = True


def _a_town(place: EventPlace | None) -> bool:
    entry = place.place.mention.entry if place is not None and place.place is not None else None
    return entry is not None and not feature_class(entry).startswith(("ADM", "PCL", "country", "region"))


def _seizure_told_alone(mention: Mention) -> bool:
    """ "Four rifles and six pistols were seized": a seizure with no doer and no arrest of its own."""
    return "disrupted" in mention.categories and "arrest" not in mention.categories and mention.agent is None and not mention.counts


def _haul_of_the_arrests(doc: Story) -> None:
    """ "Police captured eleven members of a gang in X. Four rifles … were seized": the weapons
    told seized, by no one named, in the sentence right after an arrest of people at its place
    are what the arrest found, not a seizure of their own. ACLED codes Arrests when people are
    detained (the seizure told with the arrest in one clause, "arrested four rebels and recovered
    grenades", stays a seizure: coding.py)."""
    current = [m for m in doc.mentions if is_current(m)]
    for seizure in current:
        if seizure.dropped or not _seizure_told_alone(seizure):
            continue
        arrests = [
            m for m in current
            if not m.dropped and m.sentence.index == seizure.sentence.index - 1 and "arrest" in m.categories and "disrupted" not in m.categories
            and compatible_days(m, seizure) and (seizure.place_source != "own" or place_key(m.place) == place_key(seizure.place))
        ]
        if arrests:
            arrests[-1].sources = arrests[-1].sources + [s for s in seizure.statements + seizure.sources if s not in arrests[-1].statements]
            seizure.dropped = True


def _grievance_retold(doc: Story) -> None:
    """ "Journalists protested against the arrest of an editor. He was arrested over a tax case":
    what the demonstration was about, told again after it, is its setting, not an event (nor
    an intervention at it) — unless a sentence dates it or names who did it and where."""
    for n, protest in enumerate(doc.mentions):
        if not protest.grievances or not is_current(protest):
            continue
        for later in doc.mentions[n + 1 :]:
            gap = later.sentence.index - protest.sentence.index
            if gap > _LOOKBACK:
                break
            if gap < 1 or not is_current(later) or later.place_source == "own" or later.date_source == "own":
                continue
            told = set(later.categories) - {"intervention", "lethal_force"}
            if told and told <= protest.grievances and later.agent is None:
                later.background = True


# the kinds of violence told by the weapons fired or dropped, one of which a later clause counts out
_WEAPONS_FIRED = {"air", "shelling", "ied", "suicide", "grenade"}


# how many sentences after the strike one of its weapons may be counted out
_COUNTED_OUT_REACH = 2


def _counted_weapon(mention: Mention) -> bool:
    """The clause's subject is one weapon counted out of several ("One bomb hit a building",
    "one of the missiles struck a school", "another shell landed near a market")."""
    counting = lexicon.cues().counting_out
    doc = mention.sentence.doc
    for cue in mention.cues:
        if cue.category not in _TYPING | {"air_platform"}:
            continue
        weapon = doc[cue.head]
        if weapon.pos_ not in {"NOUN", "PROPN"}:
            continue
        counted = any(child.lower_ in counting and child.dep_ in {"det", "nummod", "amod"} for child in weapon.children)
        subject = weapon
        if weapon.dep_ == "pobj" and weapon.head.lower_ == "of" and weapon.head.head.lower_ in counting:
            counted, subject = True, weapon.head.head
        if counted and subject.dep_ in {"nsubj", "nsubjpass"}:
            return True
    return False


def _strike_counted_out(part: Mention, whole: Mention) -> bool:
    """ "Russian forces struck Kharkiv with guided bombs … One bomb hit a residential building in
    the city's X district": the bomb counted out is one of the strike's, at the strike's place or
    right by it, on its day, by no one else — the same happening told in part, not a new event."""
    if not _counted_weapon(part) or not set(whole.categories) & _WEAPONS_FIRED or whole.dropped:
        return False
    if not 0 <= part.sentence.index - whole.sentence.index <= _COUNTED_OUT_REACH or part.sentence.start < whole.sentence.start:
        return False
    if part.agent is not None and (whole.agent is None or part.agent.actor.name != whole.agent.actor.name):
        return False
    if not compatible_days(part, whole) or whole.sentence.is_headline:
        return False
    return _within_the_strikes_place(part, whole)


def _within_the_strikes_place(part: Mention, whole: Mention) -> bool:
    """The part is told at the strike's town or in a quarter of it ("the city's X district",
    whatever the gazetteer makes of X; "the X neighbourhood" nearby) — not at a village of the
    province the strike was told at (an account at a province is told place by place), nor
    across a border."""
    if place_key(part.place) == place_key(whole.place) or _of_the_town_told(part):
        return True
    entries = [m.place.place.mention.entry if m.place is not None and m.place.place is not None else None for m in (part, whole)]
    if any(e is None for e in entries) or entries[0].country_iso != entries[1].country_iso:
        return False
    if (entries[1].feature or "").startswith(("ADM", "PCL")):
        return False
    return _named_as_a_quarter(part) and _close_by(part.place, whole.place)


def _named_as_a_quarter(mention: Mention) -> bool:
    """ "the X district", "the district of X", "X neighbourhood": a quarter of a town."""
    place, doc = mention.place.place, mention.sentence.doc
    quarters = lexicon.cues().town_quarters
    after = doc[place.last + 1] if place.last + 1 < len(doc) else None
    before = doc[place.first - 2] if place.first >= 2 and doc[place.first - 1].lower_ == "of" else None
    return any(t is not None and t.lower_ in quarters for t in (after, before))


def _of_the_town_told(mention: Mention) -> bool:
    """ "in the city's X district": the place is owned by a town named back, the one told before."""
    if mention.place is None or mention.place.place is None:
        return False
    doc, first = mention.sentence.doc, mention.place.place.first
    if first < 3 or doc[first - 1].lower_ not in {"'s", "’s"}:
        return False
    owner = doc[first - 2]
    return owner.lower_ in lexicon.cues().territory_nouns and doc[first - 3].lower_ == "the"


def _fold_counted_out(doc: Story) -> None:
    """A weapon counted out of a strike told just before is that strike: its toll, if the strike
    told none, and its sources go to the strike, not its kind ("one bomb" is no roadside bomb)."""
    current = [m for m in doc.mentions if is_current(m)]
    for n, part in enumerate(current):
        wholes = [m for m in current[:n] if m.place is not None and _strike_counted_out(part, m)]
        if not wholes:
            continue
        whole = wholes[-1]
        if not any(c.kind == "death" for c in whole.counts):
            whole.counts = whole.counts + part.counts
        whole.injuries = whole.injuries + part.injuries
        whole.victims_kind = whole.victims_kind or part.victims_kind
        whole.sources = whole.sources + [s for s in part.statements + part.sources if s not in whole.statements + whole.sources]
        part.dropped = True


def share_between_mentions(doc: Story) -> None:
    _grievance_retold(doc)
    _victim_told_again(doc)
    _haul_of_the_arrests(doc)
    _fold_counted_out(doc)
    current = [m for m in doc.mentions if is_current(m)]
    for n, mention in enumerate(current):
        if mention.place is None or mention.place_source != "own":
            continue
        kind = family(mention.categories)
        earlier = [m for m in current[:n] if family(m.categories) == kind and mention.sentence.index - m.sentence.index <= _ANAPHOR_REACH]
        if mention.anaphoric and (mention.told_back or _retold_as_subject(mention)) and not any(c.kind == "death" for c in mention.counts):
            # "condemned the Y attack" after an attack told at a village of Y: the account told
            # before, named back by the town next to it
            retold = not mention.told_back
            near = [m for m in earlier if m.place is not None and not m.dropped and place_key(m.place) != place_key(mention.place)
                    and (_placed_around(mention.place, m.place) if retold else _close_by(m.place, mention.place)) and may_tell_the_same(m, mention)]
            for account in (m for m in near[-1:] if retold):
                # (where the fighting broke out, inside the unit the account was told at, is
                # where it happened: the account takes the more precise place)
                account.place = mention.place
            if near:
                _absorb(near[-1], mention, counts=False)
                mention.dropped = True
                continue
        if mention.anaphoric:
            # a later "the attack" at a named place is the earlier placeless account of it
            # (not another side's deed of another kind: "Israeli strikes kill 9 …" is not told
            # back by "fired rockets … in response to the enemy's massacres")
            # (nor a death told on a day of its own other than the one named back: "strikes on A
            # killed nine on Monday … one soldier was killed on Sunday … condemned the A strike")
            donors = [m for m in earlier if m.place is None and not m.dropped and may_tell_the_same(m, mention)
                      and (m.agent is None or mention.agent is None or m.agent.actor.name == mention.agent.actor.name)]
            donors = _accounts_named_back(donors, mention, earlier)
            for donor in donors:
                # (a headline's toll is told again in the body, in its own clause)
                _absorb(mention, donor, counts=not donor.sentence.is_headline)
                donor.dropped = True
            # "Saturday's second attack": the same kind of violence as the attacks told before
            # (an account told at a place it names first: one that only took the place of the
            # sentence before, such as a quote on what the victims' patrol was there to fight,
            # tells no more of who attacked)
            # (the account its own noun names at this place: "Sunday's raid near A" after a raid on
            # A and the villagers' later clash with the raiders there is the raid, not the clash;
            # "the raid … was the third this month" is on the raid's day)
            named = [m for m in earlier if place_key(m.place) == place_key(mention.place) and _names_its_kind(mention, m)]
            if named:
                donor = named[-1]
                if not _typed(mention):
                    mention.cues = mention.cues + [c for c in donor.cues if c.category in _TYPING]
                mention.agent = mention.agent or donor.agent
                if not any(d.value and d.precision == 1 for d in mention.dates):
                    mention.day, mention.date_source = donor.day, donor.date_source
                continue
            typed = [m for m in earlier if _typed(m) and m.place_source == "own"] or [m for m in earlier if _typed(m)]
            # (not what another side did elsewhere: "Rwandan forces clashed with the rebels in A" …
            # "the Islamic State claimed the killing of five Christians in B")
            here = [m for m in typed if place_key(m.place) == place_key(mention.place)]
            # (nor the kind of another place's violence when an account at this place was told:
            # "gunmen attacked a post in A … a grenade was hurled in B … condemned the A attack"
            # tells back the attack in A, of no more type than it had)
            # (told at a town right by it counts: "militants attacked a post in the X area of Y
            # district … condemned the Y attack")
            told_here = any(m.place is not None and (place_key(m.place) == place_key(mention.place) or _close_by(m.place, mention.place)) for m in earlier)
            typed = here or ([] if told_here else [m for m in typed if mention.agent is None or m.agent is None or m.agent.actor.name == mention.agent.actor.name])
            # (of the kind its own noun names, "the ambush", where one was told)
            typed = [m for m in typed if _names_its_kind(mention, m)] or typed
            if not _typed(mention) and typed:
                mention.cues = mention.cues + [c for c in typed[-1].cues if c.category in _TYPING]
                mention.agent = mention.agent or typed[-1].agent
        elif not _typed(mention) and not _told_as_a_shooting(mention):
            # "… killed in Ukrainian shelling" (no place) → "Three people were killed in Donetsk"
            # (not "gunmen shot dead a headman in B" after "the device was triggered by a phone")
            donors = [m for m in earlier if m.place is None and _typed(m) and mention.sentence.index - m.sentence.index <= _ELABORATION_REACH]
            if donors:
                _absorb(mention, donors[-1], counts=False)
    # an account at a province (or the whole country) of events told place by place
    units: dict[int, tuple[Mention, list[Mention]]] = {}
    for outer in current:
        if outer.dropped:
            continue
        details = [
            m
            for m in current
            if m is not outer
            and not m.dropped
            and m.place_source == "own"
            and _contains(outer, m)
            # (armed men "setting fire to huts" in a raid tell violence, whatever the crowd word)
            and (family(m.categories) == family(outer.categories) or family(outer.categories) == "violent" and bool(set(m.categories) & _VIOLENT) and m.agent is not None and m.agent.armed
                 # (an armed group's burning told with a crowd's words, "the group set fire to a
                 # school", is the destruction the account tells, "burns school in X")
                 or "destroy" in m.categories and "destroy" in outer.categories and m.agent is not None and m.agent.armed)
            and compatible_days(outer, m)
            # (a headline sums the report up: it is no place-by-place account of the lead's)
            and not (m.sentence.is_headline and not outer.sentence.is_headline)
            # (nor is a side's denial at the town the reports told at its district: "… clashes in
            # the south of X district" … "denied that its fighters had launched any attack in X")
            and denied(m) == denied(outer)
            # (nor is an operation launched after the attack to hunt its authors down, told later:
            # "attacked a base in X province … its troops neutralised 17 jihadists west of A
            # during a pursuit operation")
            and not (m.sentence.index > outer.sentence.index and follow_up_operation(m))
        ]
        # (an account of one kind of violence, where the body tells that kind and others in the
        # province, is the account of that kind: a headline's repelled attack on a base is not the
        # air strike told at another town of it)
        details = [m for m in details if may_tell_the_same(m, outer)] or details
        # (nor is "In a separate incident on the same day, …" the account told before it: "IED
        # attack on a patrol in X county" is not the shooting at a homestead in a town of it
        # told next as another story)
        details = [m for m in details if not (opens_another_story(m.sentence) and m.sentence.index > outer.sentence.index)]
        if not details:
            continue
        for detail in details:
            if detail.place is not None and detail.place.place is not None and detail.place.place.mention.entry is None:
                units.setdefault(id(detail), (detail, []))[1].append(outer)
            # (a headline's toll is told again in the body, where its own clause says whose: "X
            # seizes A as air strikes kill civilians in the province" gives A no dead)
            _absorb(detail, outer, counts=len(details) == 1 and not outer.sentence.is_headline)
        outer.dropped = True
    for detail, outers in units.values():
        # a village no gazetteer holds is coded at the unit it was told in, the latest and most
        # precise named before it (ACLED's practice)
        unit = max(outers, key=lambda m: (m.sentence.index, m.place.place.mention.entry.feature or ""))
        # (with the later tellings at that village, which took its place before it was placed:
        # "captured a base outside A town" … "its troops overran the base on Thursday")
        village = place_key(detail.place)
        for mention in [detail] + [m for m in doc.mentions if m is not detail and m.place_source != "own" and place_key(m.place) == village]:
            mention.place = replace(mention.place, place=replace(mention.place.place, mention=placed_at(mention.place.place.mention, unit.place.place.mention, "in", "in no gazetteer")))
    # "have taken three districts" … "Deh Saleh, Bano and Pul-Hesar had been taken"
    for mention in current:
        if mention.summary and not mention.dropped:
            # (told one by one on its own days: "destroyed two bases near A on Thursday" is no
            # summary of the ambush near B told on Wednesday)
            # (nor is a headline the account told one by one: "drone strikes hit smuggling sites
            # west of Tripoli" over "drones struck several sites in A and the B area")
            # (a headline's sum is told again by the body, even as a sum of its own)
            others = [m for m in current if m is not mention and not m.dropped and m.place_source == "own"
                      and (not m.summary or mention.sentence.is_headline and not m.sentence.is_headline)
                      and family(m.categories) == family(mention.categories) and compatible_days(m, mention)
                      and not (m.sentence.is_headline and not mention.sentence.is_headline)
                      # (nor a fight of another kind: "drones struck several sites in A and B" sums
                      # up no ground fighting told at a third town)
                      and may_tell_the_same(m, mention)]
            if others and not _headline_of_its_lead(mention, current):
                mention.dropped = True


def _headline_of_its_lead(headline: Mention, current: list[Mention]) -> bool:
    """ "Rebels attack police station in A" over a lead that tells the attack at no place of its
    own: the body's account took the headline's town, so the headline is that account's (its
    attackers and the police hit), not a sum of the other towns' accounts told later."""
    if not headline.sentence.is_headline or headline.place is None:
        return False
    # (the lead alone: a headline of two deeds, "… in A; police kill four in B", is a sum even
    # where a later paragraph's account took B from it)
    lead = next((m for m in current if not m.sentence.is_headline), None)
    return (lead is not None and not lead.dropped and lead.place_source == "previous" and place_key(lead.place) == place_key(headline.place)
            and family(lead.categories) == family(headline.categories) and compatible_days(lead, headline))


# how far a town named back may lie from the account told before ("the Y attack" for a village of Y)
_NAMED_BACK_KM = 30.0


# verbs a deed named back is the subject of when the text only tells more of it ("the fighting
# broke out when troops tried to advance near X", "the clashes lasted hours")
_RETELLING_VERBS = {"break", "erupt", "begin", "start", "last", "occur", "happen", "unfold", "rage"}


def _retold_as_subject(mention: Mention) -> bool:
    """ "… killed four soldiers in clashes in the A area. The fighting broke out when troops tried
    to advance near B": a deed named back as the subject of a verb of its course tells more of
    the deed before (where it began), not another."""
    doc = mention.sentence.doc
    for cue in mention.cues:
        head = doc[cue.head]
        if head.pos_ == "NOUN" and head.dep_ == "nsubj" and head.head.lemma_.lower() in _RETELLING_VERBS:
            return True
    return False


def _placed_around(inner: EventPlace | None, outer: EventPlace | None) -> bool:
    """The first place lies in the unit the second, an area no gazetteer holds, was placed at
    ("near the village of B" after "in the A area of Duhok province", A placed at Duhok)."""
    if inner is None or outer is None or inner.place is None or outer.place is None or not is_placed(outer.place.mention):
        return False
    entries = (inner.place.mention.entry, outer.place.mention.entry)
    if entries[0] is None or entries[1] is None or not feature_class(entries[1]).startswith("ADM"):
        return False
    return lies_in(entries[0], entries[1])


def _close_by(a: EventPlace | None, b: EventPlace | None) -> bool:
    entries = [p.place.mention.entry if p is not None and p.place is not None else None for p in (a, b)]
    if any(e is None or e.latitude is None or e.longitude is None for e in entries):
        return False
    return distance_km(entries[0].latitude, entries[0].longitude, entries[1].latitude, entries[1].longitude) <= _NAMED_BACK_KM


def place_key(place: EventPlace | None) -> str | None:
    if place is None or place.place is None:
        return None
    return _key_of(place.place)


def _refers_back(statement: Statement) -> bool:
    """What the statement reports points at something told before: "the incident", "Saturday's
    attack", "the two towns", or a toll ("confirmed two fatalities")."""
    words = lexicon.status_words()
    doc = statement.verb.doc
    for i in statement.complement:
        token = doc[i]
        lower = token.lower_
        if lower in words["toll_nouns"] and token.pos_ in {"NOUN", "ADJ", "VERB"}:
            return True
        if lower in words["referring_event_nouns"] or lower in words["referring_place_nouns"]:
            if any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in {"the", "this", "that", "these", "those"}) for c in token.children):
                return True
    return False


def attach_floating_sources(doc: Story) -> None:
    """Statements that tell no event of their own are sources of the events they speak of: those
    at a place their sentence names ("residents in A confirmed the army was patrolling"), else,
    when they refer back ("X confirmed the incident"), the events told in the sentences before."""
    # a statement framing only clauses left without a place ("the army was now patrolling the
    # towns") floats too; one framing history or a plan is about that
    framed = {id(s) for m in doc.mentions if m.place is not None or not is_current(m) for s in m.statements}
    current = [m for m in doc.mentions if is_current(m) and m.place is not None]
    for sentence, statements in zip(doc.sentences, doc.statements):
        floating = [s for s in statements if id(s) not in framed and s.link.speaker != "unnamed source"]
        # a denial of an account told before ("The army denied the account.") contradicts it
        # (one that covers an account of its own sentence is already the dispute of its events)
        placed = {id(d) for m in doc.mentions for d in m.disputes}
        disputes = [s for s in floating if s.kind == "dispute" and id(s) not in placed]
        floating = [s for s in floating if s.kind != "dispute"]
        told = [m for m in current if 0 <= sentence.index - m.sentence.index <= 1]
        latest = max((m.sentence.index for m in told), default=None)
        for mention in told if disputes else []:
            if mention.sentence.index == latest:
                mention.disputes = mention.disputes + disputes
        if not floating:
            continue
        keys = {_key_of(p) for p in sentence.places}
        here = [m for m in current if place_key(m.place) in keys]
        if not here:
            before = [m for m in current if 0 < sentence.index - m.sentence.index <= _ANAPHOR_REACH]
            if not before:
                # "the army had regained the two towns", told far below the news
                # (a box of background between): the events of the same kind told before
                told = [m for m in doc.mentions if m.sentence.index == sentence.index and {id(x) for x in m.statements} & {id(f) for f in floating}]
                same = [m for m in current if m.sentence.index < sentence.index and any(_same_kind(m, t) for t in told)]
                referring = [f for f in floating if _refers_back(f)]
                for mention in same:
                    mention.sources = mention.sources + [f for f in referring if f not in mention.sources]
                continue
            latest = max(m.sentence.index for m in before)
            # the story told just before: its latest sentence and those up to two before it
            here = [m for m in before if latest - m.sentence.index <= _LOOKBACK]
            floating = [s for s in floating if _refers_back(s)]
        # the toll such a statement reports ("confirmed two fatalities") is a figure of the same
        # happening: a lower one conflicts with the event's own
        # (not some of the dead, "the dead included three children": a part, no rival figure)
        tolls = [c for c in counts_in(sentence) if any(c.target in s.complement for s in floating) and not some_of_the_dead(sentence.doc[c.target])]
        # (nor the dead counted before, named back by their number: "a hospital said it had
        # received the bodies of the two soldiers" killed in the strike told before the clash)
        counted = {c.value for m in doc.mentions if m.sentence.index < sentence.index and is_current(m) for c in m.counts if c.kind == "death"}
        tolls = [c for c in tolls if not (c.kind == "death" and c.value in counted and _definite(sentence.doc[c.target]))]
        # what a statement tells of another kind of violence ("residents said aircraft had bombed
        # villages around the town") is no source of a takeover of the town
        kinds = {id(s): {c.category for c in find_cues(sentence) if c.head in s.complement} & _TYPING for s in floating}
        # (the wounded who died afterwards are more dead, not a rival figure: "two of the wounded
        # later died, police said"; added once, here or as deaths told after, ``_deaths_told_after``)
        later = [c for c in tolls if died_of_wounds(c, sentence.doc)]
        tolls = [c for c in tolls if c not in later]
        later = [c for c in later if c.start not in doc.later_dead]
        doc.later_dead.update(c.start for c in later)
        # (a toll dated to a day of its own, not the event's, is of another happening: "one soldier
        # was killed in southern Lebanon on Sunday" after Monday's strike)
        own_days = {m.day for m in doc.mentions if m.sentence.index == sentence.index and m.date_source == "own" and m.day is not None}
        for mention in here:
            typed = set(mention.categories) & _TYPING
            mention.sources = mention.sources + [s for s in floating if s not in mention.sources and not (kinds[id(s)] and not typed & kinds[id(s)])]
            if own_days and mention.day is not None and mention.day not in own_days:
                continue
            mention.counts = add_later_deaths(lower_total(mention.counts, tolls), later)


# ("the number killed"; "gave a higher figure of 16")
_TOLL_WORDS = re.compile(r"\b(?:toll|number of|number (?:killed|dead)|(?:higher|lower) (?:figure|tally|count))\b", re.I)
# how many sentences back a toll update may reach for the happening it updates
_UPDATE_REACH = 4


def update_tolls(doc: Story) -> None:
    """ "Eight rebels were killed in a clash on Monday. Four more bodies were found on Tuesday,
    taking the toll to 12": a toll told as the running total of a happening told before is that
    happening's figure (12), and the dead found since ("four more bodies") are no event of their
    own. A sentence that also tells a deed of its own ("troops killed two more rebels on Tuesday,
    bringing the toll to 12") is that deed's, and updates nothing."""
    for sentence in doc.sentences:
        if not _TOLL_WORDS.search(sentence.span.text):
            continue
        tolls = [c for c in counts_in(sentence) if running_toll(c, sentence.doc)]
        if not tolls:
            continue
        told_here = [m for m in doc.mentions if m.sentence.index == sentence.index and is_current(m)]
        # ("raised the death toll from Sunday's attack to 11": the happening the toll is of is named, not told)
        named = _naming_the_happening(tolls, sentence.doc)
        if any(not all(c.head in named for c in m.cues if c.anchor) and (m.agent is not None and m.agent.armed or any(
                c.kind == "death" and not increment(c) and c not in tolls and not running_toll(c, parse_of(c, sentence, doc.sentences).doc) for c in m.counts))
               for m in told_here):
            continue
        before = [m for m in doc.mentions if is_current(m) and m.place is not None and 0 < sentence.index - m.sentence.index <= _UPDATE_REACH
                  and any(c.kind == "death" for c in m.counts)]
        # (the toll of a place the sentence names again: "the toll from the attack in A rose to 9")
        keys = {_key_of(p) for p in sentence.places}
        before = [m for m in before if place_key(m.place) in keys] or before
        if not before:
            continue
        latest = max(before, key=lambda m: m.sentence.index)
        total = max(tolls, key=lambda c: c.value)
        # the happening's figure so far: the highest any telling of it at its place gave ("killing
        # at least 12 … We pulled eight bodies out" is 12, not the eight of the last sentence)
        told = max(c.value for m in before if place_key(m.place) == place_key(latest.place) for c in m.counts if c.kind == "death")
        if total.value < told:
            if not given_toll(total, sentence.doc):
                continue  # (a lower figure is no total of these dead)
            # "residents said 20 … The government put the toll at 12": conflicting figures, the
            # lowest with the range kept (taxonomy.md)
            total = replace(total, low=total.value, high=told)
        elif total.value > told and given_toll(total, sentence.doc) and _rival_source(before, latest) and not _told_later(sentence, latest, doc):
            # "police said they had recovered 11 bodies … a rights group put the number of dead at
            # 17": two sources' figures, not a rise; the lowest is the count (ACLED's rule)
            total = replace(total, value=told, low=told, high=total.value)
        for mention in doc.mentions:
            if mention in before and place_key(mention.place) == place_key(latest.place) and compatible_days(mention, latest):
                mention.counts = [c for c in mention.counts if c.kind != "death"] + [total]
        for mention in told_here:
            mention.dropped = True


def _rival_source(before: list[Mention], latest: Mention) -> bool:
    """The figure told before came from a source of its own ("…, police said"): a toll someone
    else then puts at a higher figure is their account, not a later count of the reporter's."""
    return any(place_key(m.place) == place_key(latest.place) and any(s.link.speaker for s in m.statements) for m in before)


def _told_later(sentence: Sentence, latest: Mention, doc: Story) -> bool:
    """A toll sentence told as coming after the first figure: a word of it ("later", "updated",
    "rose") or a day of its own after the happening's ("put the toll at 10 on Tuesday")."""
    words = set(lexicon.casualty_words()["later_toll_words"])
    if any(t.lower_ in words for t in sentence.span):
        return True
    days = [day for d in find_dates(sentence, doc.article.published) for day in days_of(d)]
    return latest.day is not None and any(day > latest.day for day in days)


def _naming_the_happening(tolls: list[Count], doc: Doc) -> set[int]:
    """Tokens of the phrase naming what a toll counts: "the toll from Sunday's attack", "raised
    the death toll from the bombing to 11"."""
    named: set[int] = set()
    for count in tolls:
        verb = doc[count.target].head.head
        holders = [verb, *(c for c in verb.children if c.dep_ in {"dobj", "nsubj"})]
        for holder in holders:
            for prep in (c for c in holder.children if c.dep_ == "prep" and c.lower_ in {"from", "of", "in"}):
                named.update(t.i for t in prep.subtree)
    return named


_TERRITORY = {"takeover", "retake", "transfer"}


def _same_kind(a: Mention, b: Mention) -> bool:
    """Two tellings of one kind of happening: one family, or both a change of hands of a place
    ("entered the towns" … "the army had regained the two towns")."""
    return family(a.categories) == family(b.categories) or bool(set(a.categories) & _TERRITORY and set(b.categories) & _TERRITORY)


def _key_of(place: Place) -> str | None:
    entry = place.mention.entry
    return f"id:{entry.geonameid}" if entry is not None else "text:" + place.mention.text.lower()
