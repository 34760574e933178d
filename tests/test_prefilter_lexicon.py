"""The prefilter's rules on sentences of our own: what it keeps, what it skips, and why."""

from __future__ import annotations

import pytest

from thucydides.model import Article
from thucydides.prefilter import first_conflict_term, lexicon, skip_reason


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("Two soldiers were wounded near Sittwe on Tuesday.", "soldiers"),
        ("Clashes erupted overnight in the outskirts of Tripoli.", "clashes"),
        ("A roadside IED struck a convoy on the Kandahar highway.", "ied"),
        ("Demonstrators marched to the governor's office in Lagos.", "demonstrators"),
        ("Hundreds rallied in Santiago against the pension reform.", "rallied"),
        ("Gunmen abducted a priest in Kaduna state.", "gunmen"),
        ("The two sides agreed a truce in Sennar.", "truce"),
        ("Residents fled to Goma as the front moved south.", "residents fled"),  # 'fled' is the hit
        ("A counter-attack pushed them back from Bakhmut.", "attack"),
        ("Police said the air strike levelled a school.", "police"),
        ("The militia took control of the border post at Rafah.", "militia"),
    ],
)
def test_conflict_sentences_are_kept(text, term):
    found = first_conflict_term(text)
    assert found is not None
    assert found in term


@pytest.mark.parametrize(
    "text",
    [
        "The central bank kept its rate at 4.5 percent on Thursday, citing slower inflation.",
        "Thunder Road won the cup at Ascot by two lengths.",
        "The museum in Lyon opens a new wing of Flemish paintings in March.",
        "Shares of the carmaker rose after it beat quarterly estimates.",  # "beat": not a conflict word alone
        "The mayor of Porto inaugurated a tram line to the airport.",
    ],
)
def test_ordinary_news_has_no_conflict_vocabulary(text):
    assert first_conflict_term(text) is None
    assert skip_reason(Article(id="x", text=text)) == "prefilter: no conflict vocabulary"


def test_whole_words_do_not_match_inside_longer_words():
    # "war" is a whole-word term: "warm", "award" and "Warsaw" are not about war
    assert first_conflict_term("A warm award ceremony in Warsaw.") is None
    assert first_conflict_term("The war in the north.") == "war"


def test_phrases_match_across_spacing_and_hyphens():
    assert first_conflict_term("Crowds took to the\nstreets of Dhaka") == "took to the\nstreets"
    assert first_conflict_term("Martial-law rule returned to Yangon") == "martial-law"


def test_a_title_with_conflict_words_keeps_the_article():
    article = Article(id="t", title="Shelling in Kharkiv", text="The city was quiet by noon, officials said.")
    assert skip_reason(article) is None


def test_empty_and_unsupported_languages_are_skipped_with_their_reason():
    assert skip_reason(Article(id="e", text="  \n ")) == "prefilter: empty text"
    assert skip_reason(Article(id="f", text="Des soldats ont attaqué le village.", language="fr")) == (
        "prefilter: language 'fr' is not supported (English only)"
    )
    assert skip_reason(Article(id="g", text="Troops attacked the village.", language="en-GB")) is None


def test_lexicon_is_read_from_its_data_file():
    terms = lexicon()
    assert "kill" in terms.stems and "war" in terms.words
    assert terms.phrases is not None and terms.phrases.search("martial law")


@pytest.mark.parametrize(
    ("text", "term"),
    [
        # the only conflict word of each report is its mine, its general strike or its crowd
        ("A herder stepped on a mine near the pasture east of Tessit on Friday.", "stepped on a mine"),
        ("Two children lost their legs to an anti-personnel mine outside Pailin.", "anti-personnel mine"),
        ("A pickup ran over a mine on the track to Kurmuk.", "ran over a mine"),
        ("A land mine left from the 1990s was found under the school yard in Bihac.", "land mine"),
        ("Demining teams closed the road to Zalambessa for a week.", "demining"),
        ("A dawn-to-dusk hartal shut shops and buses across Malappuram district.", "hartal"),
        ("Traders observed a bandh in Imphal over the new levy.", "bandh"),
        ("Farmers staged a dharna outside the collectorate in Bathinda.", "dharna"),
        ("Thousands filled the streets of Cochabamba on Monday night.", "filled the streets"),
        ("Students poured into the streets of Cotonou after the verdict.", "poured into the streets"),
    ],
)
def test_mines_general_strikes_and_crowds_in_the_streets_are_kept(text, term):
    # none of them passed before: "mine" alone is no term, nor "hartal", "bandh", "dharna"
    assert first_conflict_term(text) == term
    assert skip_reason(Article(id="m", text=text)) is None


@pytest.mark.parametrize(
    "text",
    [
        # "mine" as a pronoun and as an industry stays ordinary news: only a mine of war is a term
        "A friend of mine opened a bakery in Ghent last spring.",
        "The blue umbrella by the door is mine, she told the concierge.",
        "The company won a licence to mine copper and cobalt near Kolwezi.",
        "Output at the open-pit mine rose by a tenth after the new crusher arrived.",
        "The coal mine in Silesia will hire 200 miners and reopen a second shaft.",
        # "bandhani" is a tie-dyed cloth, not a bandh
        "Bandhani saris from Jamnagar sold out at the craft fair.",
    ],
)
def test_mining_and_the_pronoun_mine_are_still_skipped(text):
    assert first_conflict_term(text) is None
    assert skip_reason(Article(id="n", text=text)) == "prefilter: no conflict vocabulary"
