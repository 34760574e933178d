"""Cleaning rules of thucydides.ingest.clean: each rule, idempotence, the seed's quirks."""

from __future__ import annotations

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from thucydides.ingest.clean import (
    clean_text,
    clean_title,
    compose_text,
    drop_repeated_headline,
    normalise_characters,
    normalise_whitespace,
    remove_boilerplate,
    split_title,
)
from thucydides.errors import InputError
from thucydides.ingest import read_text_article


def test_curly_quotes_dashes_and_ellipsis_become_ascii():
    text = "\u201cWe hold Kidal\u201d \u2014 the rebels\u2019 spokesman said\u2026 in 2012\u20132013"
    assert normalise_characters(text) == "\"We hold Kidal\" - the rebels' spokesman said... in 2012-2013"


def test_nfc_composes_accents_even_across_removed_invisible_characters():
    decomposed = "Tillabe\u0301ri and Gao\u200b"  # e + combining acute
    assert normalise_characters(decomposed) == "Tillab\u00e9ri and Gao"
    split_by_zero_width = "Niame\u200b\u0301y"
    assert normalise_characters(split_by_zero_width) == "Niam\u00e9y"


def test_spaces_controls_and_line_breaks():
    text = "Two\u00a0soldiers\u202fwere\tkilled\x07 in\r\nMopti\rregion\u2028today\x1b."
    assert clean_text(text) == "Two soldiers were killed in\nMopti\nregion\ntoday."


def test_zero_width_space_and_bom_removed_but_zwnj_kept():
    assert normalise_characters("\ufeffKun\u200bduz") == "Kunduz"
    # ZWNJ changes the spelling of Persian words: it must survive
    assert normalise_characters("\u0645\u06cc\u200c\u0631\u0648\u062f") == "\u0645\u06cc\u200c\u0631\u0648\u062f"


def test_blank_line_runs_collapse_and_line_ends_are_trimmed():
    text = "  First paragraph.   \n\n\n\n   Second   paragraph.\n \n\t\nThird.\n\n"
    assert normalise_whitespace(text) == "First paragraph.\n\nSecond paragraph.\n\nThird."


def test_trailing_related_block_is_cut_with_its_links():
    text = (
        "Fighters of the armed group attacked a police post in Kasese on Monday, police said.\n\n"
        "You may also like\n\n"
        "Floods displace thousands in the capital\n\n"
        "Election commission names new chair"
    )
    assert clean_text(text) == "Fighters of the armed group attacked a police post in Kasese on Monday, police said."


def test_related_header_with_a_colon_takes_its_links_with_it():
    # "Related articles:" is also a boilerplate line: removed alone, it left its headlines in
    # the report ("Two killed in clashes between rival gangs" read as news)
    text = (
        "Gangs attacked the town of Saut-d'Eau on Monday, the mayor said.\n\n"
        "Follow us on Instagram and YouTube\n\n"
        "Related articles:\n\n"
        "Two killed in clashes between rival gangs in Delmas\n\n"
        "Police seize rifles at a checkpoint in Croix-des-Bouquets"
    )
    assert clean_text(text) == "Gangs attacked the town of Saut-d'Eau on Monday, the mayor said."


def test_a_byline_with_its_date_and_reading_time_goes():
    text = "By Marie Claire Joseph | 4 March 2024 | 2 min read\n\nGunmen attacked a bus near Kenscoff on Sunday."
    assert clean_text(text) == "Gunmen attacked a bus near Kenscoff on Sunday."


def test_tail_header_followed_by_real_paragraphs_only_loses_the_header():
    long_paragraph = " ".join(["The army later said it had retaken the post after a day of heavy fighting."] * 3)
    text = f"Rebels attacked the post.\n\nRelated\n\n{long_paragraph}"
    assert clean_text(text) == f"Rebels attacked the post.\n\n{long_paragraph}"


def test_tail_header_before_short_report_paragraphs_keeps_them():
    """Wire style: one-sentence paragraphs are short, but they end like sentences, not headlines."""
    text = (
        "Police said two people were hurt in the blast in Quetta.\n\n"
        "More stories\n\n"
        "The device was hidden in a motorcycle parked near the market.\n\n"
        "No group has claimed responsibility.\n\n"
        "Read more"
    )
    assert clean_text(text) == (
        "Police said two people were hurt in the blast in Quetta.\n\n"
        "The device was hidden in a motorcycle parked near the market.\n\n"
        "No group has claimed responsibility."
    )


# invented reports with a block of links set in their middle: the header and its headlines go,
# the report before and after the block stays whole
_BEFORE = "Gunmen raided a cattle market near Lokichar on Tuesday, a county officer said."
_AFTER = "The officer said 40 head of cattle were driven away towards the border."


@pytest.mark.parametrize(
    "block",
    [
        "READ ALSO:\n\nDrought pushes herders deeper into the hills\n\nWhy the new highway worries fishermen",
        "Also read:\n- Drought pushes herders deeper into the hills\n- Rains return after two dry seasons?",
        "Related:\nDrought pushes herders deeper into the hills\nAdvertisement\nCouncil approves 2025 budget",
        "RELATED STORIES\n\nDrought pushes herders deeper into the hills",
        "You may also like\n\n\"We will rebuild\": traders reopen the old market\n\nTeachers' strike enters day 3",
        "See also\nDrought pushes herders deeper into the hills | 4 May 2024",
    ],
)
def test_a_block_of_links_in_the_middle_goes_with_its_headlines(block):
    # before: the header went alone (or stayed) and its headlines were read as the report's news
    text = f"{_BEFORE}\n\n{block}\n\n{_AFTER}\n\nResidents said they had asked for more patrols."
    cleaned = clean_text(text)
    assert cleaned == f"{_BEFORE}\n\n{_AFTER}\n\nResidents said they had asked for more patrols."
    assert clean_text(cleaned) == cleaned


def test_a_block_of_links_ends_at_the_first_line_of_the_report():
    # a sentence with its full stop, a caption with its credit and a long paragraph are the
    # report's, even short and right after the header
    caption = "A herder with his cattle near the market (Photo: Example Agency)"
    text = f"{_BEFORE}\nREAD ALSO:\nDrought pushes herders deeper into the hills\n{caption}\n{_AFTER}"
    assert clean_text(text) == f"{_BEFORE}\n{caption}\n{_AFTER}"
    short = "Police arrived at noon."
    assert clean_text(f"{_BEFORE}\nAlso read\n{short}\n{_AFTER}") == f"{_BEFORE}\n{short}\n{_AFTER}"
    two_sentences = "Police came late. They left early"
    assert clean_text(f"{_BEFORE}\nSee also:\n{two_sentences}") == f"{_BEFORE}\n{two_sentences}"
    lower = "and the herders went back to the hills"
    assert clean_text(f"{_BEFORE}\nRelated:\n{lower}\n{_AFTER}\n{short}") == f"{_BEFORE}\n{lower}\n{_AFTER}\n{short}"


def test_a_sub_heading_right_after_a_block_of_links_stays():
    # before: the sub-heading was headline-shaped and went with the block; it shares a word
    # with the paragraph it heads, which a link to another story does not
    heading = "Cattle taken towards the border"
    text = f"{_BEFORE}\n\nREAD ALSO:\n\nDrought pushes herders deeper into the hills\n\n{heading}\n\n{_AFTER}"
    assert clean_text(text) == f"{_BEFORE}\n\n{heading}\n\n{_AFTER}"
    assert clean_text(clean_text(text)) == clean_text(text)


def test_a_header_with_its_headline_takes_the_next_headlines_too():
    # before: "Read also: …" went as a boilerplate line, the headlines under it stayed as news
    links = "Read also: Drought pushes herders deeper into the hills\nWhy the new highway worries fishermen\nRains return after two dry seasons"
    assert clean_text(f"{_BEFORE}\n\n{links}\n\n{_AFTER}") == f"{_BEFORE}\n\n{_AFTER}"
    related = "Related: Drought pushes herders deeper into the hills\n- Council approves new budget"
    assert clean_text(f"{_BEFORE}\n{related}\n{_AFTER}") == f"{_BEFORE}\n{_AFTER}"


def test_a_trailing_block_of_links_is_still_cut_whole():
    text = f"{_BEFORE}\n\nREAD ALSO:\n\nDrought pushes herders deeper into the hills\n\nCouncil approves new budget"
    assert clean_text(text) == _BEFORE
    # headlines with their teaser sentences, one after the other, are links too
    teasers = "More stories\nDrought pushes herders deeper\nThe rains failed again.\nCouncil approves new budget\nIt passed by one vote."
    assert clean_text(f"{_BEFORE}\n{teasers}") == _BEFORE


def test_boilerplate_lines_go_wherever_they_stand():
    text = (
        "Gunmen abducted 12 traders near Bunia, a local official said.\n"
        "Advertisement\n"
        "Read more: Floods in the east displace thousands\n"
        "The official said the attackers crossed from the forest.\n"
        "Share this article\n"
        "Follow us on Twitter and Facebook\n"
        "Subscribe to our daily newsletter for the latest news\n"
        "Copyright 2024 Example Media. All rights reserved."
    )
    assert clean_text(text) == (
        "Gunmen abducted 12 traders near Bunia, a local official said.\n"
        "The official said the attackers crossed from the forest."
    )


def test_a_bare_read_link_a_channel_prompt_and_a_time_stamp_go():
    text = (
        "PUBLISHED : 3 Jun 2024 at 09:15\n"
        "Soldiers clashed with rebels near Tanauan on Monday, the army said.\n"
        "READ: Governor opens new farm road in the highlands\n"
        "Two rebels were killed in the fighting.\n"
        "Join our Telegram channel\n"
        "Subscribe to our channel in Telegram\n"
        "Updated: June 3, 2024 11:02 PHT"
    )
    assert clean_text(text) == (
        "Soldiers clashed with rebels near Tanauan on Monday, the army said.\n"
        "Two rebels were killed in the fighting."
    )


def test_a_channel_prompt_with_what_it_promises_goes_but_a_quote_about_joining_stays():
    text = (
        "Drones struck a fuel depot near Kursk overnight, the governor said.\n"
        "Join our WhatsApp channel and receive the day's top stories.\n"
        "Subscribe to our Telegram channel to get the latest news from the region.\n"
        "Join the group of fighters to get weapons, the commander said in a video after the raid."
    )
    assert clean_text(text) == (
        "Drones struck a fuel depot near Kursk overnight, the governor said.\n"
        "Join the group of fighters to get weapons, the commander said in a video after the raid."
    )


def test_an_outlet_date_line_and_a_page_prompt_go():
    text = (
        "Sahel desk | 3 March 2025, 08:20\n"
        "Jihadists attacked an army post near Boni on Sunday, killing four soldiers.\n"
        "Translated from French | Regional news | March 3, 2025\n"
        "The army said it repelled the attack.\n"
        "For the latest news, follow us on Instagram."
    )
    assert clean_text(text) == (
        "Jihadists attacked an army post near Boni on Sunday, killing four soldiers.\n"
        "The army said it repelled the attack."
    )
    # (a sentence of the report with a date stays)
    kept = "Residents said on 3 March 2025 that the jihadists had burnt houses in Boni."
    assert clean_text(kept) == kept


def test_an_agency_credit_on_its_own_line_goes():
    text = "Gunmen abducted 12 traders near Bunia, a local official said.\n\n© AFP\n\n© Reuters 2025"
    assert clean_text(text) == "Gunmen abducted 12 traders near Bunia, a local official said."
    # (a copyright sign inside a paragraph stays)
    kept = "The militia's logo, marked © by its designer, was painted on the walls of Bunia."
    assert clean_text(kept) == kept


def test_boilerplate_words_inside_a_paragraph_are_kept():
    text = (
        "Residents said they would read more statements from the militia on local radio.\n\n"
        "Copyright disputes over the radio station were not discussed. Share prices fell."
    )
    assert clean_text(text) == text


def test_call_to_action_glued_to_the_last_sentence_is_removed():
    assert clean_text("Three civilians were wounded in the shelling. Read more") == (
        "Three civilians were wounded in the shelling."
    )
    # not after a finished sentence: it may be the report's own words
    assert clean_text("They asked the reporter to read more") == "They asked the reporter to read more"


def test_repeated_headline_dropped_exactly_or_after_quote_normalisation():
    title = "Militia says it\u2019s taken the town of Mambasa"
    body = "Militia says it's taken the town of Mambasa\n\nMilitia says it\u2019s taken the town of Mambasa\n\nThe militia said..."
    assert drop_repeated_headline(clean_title(title), clean_text(body)) == "The militia said..."
    assert compose_text(title, body) == "Militia says it's taken the town of Mambasa\n\nThe militia said..."


def test_headline_not_dropped_when_the_first_paragraph_only_starts_like_it():
    body = "Militia takes Mambasa after a night of fighting, residents say."
    assert compose_text("Militia takes Mambasa", body) == f"Militia takes Mambasa\n\n{body}"


def test_split_title_takes_first_non_empty_line_but_not_a_paragraph():
    assert split_title("\n\nHeadline here\nBody line") == ("Headline here", "Body line")
    paragraph = "word " * 100
    assert split_title(paragraph + "\nmore") == (None, paragraph + "\nmore")


def test_seed_keeps_one_headline_and_drops_you_may_also_like(seed_text):
    article = read_text_article(seed_text, origin="seed.txt")
    first_line = article.text.split("\n", 1)[0]
    assert article.title == first_line
    assert article.text.count(first_line) == 1
    assert "\u2019" not in article.text
    assert "You may also like" not in article.text
    assert article.text.endswith("were wounded and left.")
    assert article.text.startswith(first_line + "\n\n")


# pieces that exercise every rule: typography, invisible characters, boilerplate phrases
_PIECES = list("ab Z.!?'\"\n\r\t-:e") + [
    "\u2019", "\u201c", "\u2014", "\u00a0", "\u200b", "\u0301", "\x07", "\u2028", "\ufeff", "\u00e9",
    "Read more", "You may also like", "Share this", "Copyright 2020 X", "Related:", "Advertisement", "\n\n\n",
    "READ ALSO:", "Rebels take the port", "(Photo: X)",
    "word " * 31,
]
messy_text = st.lists(st.sampled_from(_PIECES), max_size=40).map("".join) | st.text(max_size=200)


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(messy_text)
def test_clean_text_is_idempotent(text):
    once = clean_text(text)
    assert clean_text(once) == once


@settings(max_examples=200, deadline=None, derandomize=True, database=None)
@given(st.one_of(st.none(), messy_text), messy_text)
def test_rereading_an_articles_text_gives_it_back(title, body):
    """Re-reading an article's text as a .txt gives back exactly that text (and title).

    Holds for a .txt (title None: first line) and for a record with a headline; a record whose
    title is empty has no headline, and a .txt re-read would take its first line as one.
    """
    assume(title is None or (clean_title(title) and len(clean_title(title)) <= 300))
    try:
        article = read_text_article(body, title=title)
    except InputError:
        assert not compose_text(title, body)  # refused only when nothing is left
        return
    again = read_text_article(article.text)
    assert again.text == article.text
    assert again.id == article.id
    if article.title and len(article.title) <= 300:
        assert again.title == article.title


@settings(max_examples=100, deadline=None, derandomize=True, database=None)
@given(messy_text)
def test_remove_boilerplate_never_grows_text(text):
    flat = normalise_whitespace(normalise_characters(text))
    assert len(remove_boilerplate(flat)) <= len(flat)


@pytest.mark.parametrize(
    "line",
    [
        "Follow us on Telegram for the latest updates from the region.",
        "This article was first published in Tigrinya. Follow us on Facebook and X for more news.",
        "Join our Telegram channel for breaking news from the Sahel and the coast.",
        "Subscribe to our WhatsApp group for updates from Kasai.",
        "Listen to our news bulletins every day at 6 a.m. and 8 p.m.",
        "Tune in to our programme every Sunday on 98.5 FM.",
    ],
)
def test_an_outlet_sign_off_asking_to_follow_it_goes(line):
    # an exile outlet's closing prompt (after a translation note), a messenger prompt promising
    # "breaking news" and a radio's schedule line are no report
    text = f"{_BEFORE}\n\n{_AFTER}\n\n{line}"
    assert clean_text(text) == f"{_BEFORE}\n\n{_AFTER}"


def test_an_outlet_prompt_to_its_messenger_channel_goes():
    text = f"{_BEFORE}\n\n{_AFTER}\n\nOur radio on Telegram: join our channel to receive the bulletins."
    assert clean_text(text) == f"{_BEFORE}\n\n{_AFTER}"


def test_an_agencys_subscriber_notice_and_a_translated_newsletter_prompt_go():
    text = (
        "Gendarmes detained six suspects in raids in Cizre on Monday, the governor's office said.\n\n"
        "Only a portion of the news stories offered to subscribers of the agency's wire appears on this website, in summarized form. Contact us for subscription options.\n\n"
        "Receive the most important news in your email. Subscribe to our newsletter."
    )
    assert clean_text(text) == "Gendarmes detained six suspects in raids in Cizre on Monday, the governor's office said."
    # (a report of subscribers inside a paragraph stays)
    kept = "Only part of the town's news reached subscribers of the local radio after the rebels cut the mast near Cizre."
    assert clean_text(kept) == kept


def test_a_sentence_about_listening_to_a_broadcast_stays():
    kept = "Residents said they listened to the radio bulletins every day for news of the fighting near Kaga-Bandoro."
    assert clean_text(f"{_BEFORE}\n\n{kept}") == f"{_BEFORE}\n\n{kept}"
