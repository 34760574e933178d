"""The prefilter costs no recall: it never skips a gold article that has events.

Runs on every article of ../shared/gold (the seed, the hand-coded dev reports, the ACLED notes)
at run time; skips, saying why, when ../shared is absent.
"""

from __future__ import annotations

from thucydides.prefilter import skip_reason
from thucydides.scale.corpus import read_gold_articles


def test_no_gold_article_with_events_is_skipped(shared_dir):
    gold = read_gold_articles(shared_dir)
    with_events = [item for item in gold if item.n_events]
    assert len(with_events) >= 300, "the gold sets hold the seed, 16 dev reports and 300 ACLED notes"
    skipped = {item.origin: skip_reason(item.article) for item in with_events if skip_reason(item.article)}
    assert skipped == {}


def test_it_still_skips_some_general_news(shared_dir):
    # GeoWebNews is general news with places and no events: a prefilter that keeps all of it
    # would save nothing on a news wire
    general = [item for item in read_gold_articles(shared_dir) if not item.n_events]
    skipped = [item for item in general if skip_reason(item.article)]
    assert len(skipped) >= len(general) // 10
