"""Each input format of read_inputs, on small files the tests write; stdin; ids; --published."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
from pathlib import Path

from thucydides.errors import InputError
from thucydides.ingest import article_from_record, read_inputs, read_text_article
from thucydides.model import Article

PAGE = """<!DOCTYPE html>
<html><head>
<meta charset="utf-8">
<title>Army retakes Kasese border post | Lakeside Herald</title>
<meta property="og:title" content="Army retakes Kasese border post">
<meta property="og:url" content="https://lakeside.example/news/2023/06/kasese-post">
<meta property="og:site_name" content="Lakeside Herald">
<meta property="article:published_time" content="2023-06-14T08:30:00Z">
<script>window.tracker = function () { document.title = "pwned"; };</script>
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/politics">Politics</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/subscribe">Subscribe</a></li></ul></nav>
<header><div class="logo">Lakeside Herald</div></header>
<main><article>
<h1>Army retakes Kasese border post</h1>
<p>Soldiers recaptured a border post near Kasese on Tuesday after rebels of the Allied
Democratic Forces held it for two days, an army spokesman said.</p>
<p>The spokesman said four rebels and one soldier were killed in the fighting, which forced
hundreds of families to flee towards the town centre.</p>
<p>Residents said gunfire could be heard until late in the evening, and that the main road to
the border remained closed on Wednesday morning.</p>
</article></main>
<aside><h3>Most read</h3><ul><li><a href="/a">Floods hit the valley</a></li></ul></aside>
<footer><p>Copyright 2023 Lakeside Herald. All rights reserved.</p>
<p><a href="/privacy">Privacy policy</a> | <a href="/terms">Terms of use</a></p></footer>
</body></html>
"""

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel>
<title>Sahel Monitor</title><link>https://sahel.example/</link><description>News</description>
<item>
  <title>Gunmen attack market in Tillaberi region</title>
  <link>https://sahel.example/2024/03/market-attack</link>
  <guid>https://sahel.example/2024/03/market-attack</guid>
  <pubDate>Sat, 16 Mar 2024 09:15:00 GMT</pubDate>
  <description>&lt;p&gt;Gunmen on motorbikes attacked a weekly market near Tillaberi on Friday,
  killing seven traders, local officials said.&lt;/p&gt;&lt;p&gt;No group claimed the attack.&lt;/p&gt;</description>
</item>
<item>
  <title>Curfew extended in Dori</title>
  <link>https://sahel.example/2024/03/dori-curfew</link>
  <pubDate>Sun, 17 Mar 2024 18:00:00 GMT</pubDate>
  <description>Authorities extended a night curfew in Dori for another month.</description>
</item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Great Lakes Report</title>
  <id>urn:uuid:5a4f1b7e-feed</id>
  <updated>2022-11-02T12:00:00Z</updated>
  <entry>
    <title>Rebels withdraw from Rumangabo camp</title>
    <id>urn:uuid:5a4f1b7e-0001</id>
    <link href="https://greatlakes.example/2022/11/rumangabo"/>
    <updated>2022-11-02T11:00:00Z</updated>
    <published>2022-11-01T16:00:00Z</published>
    <summary>Short summary.</summary>
    <content type="html">&lt;p&gt;Rebels withdrew from the Rumangabo military camp on Tuesday,
    residents said, a week after seizing it from the army.&lt;/p&gt;&lt;p&gt;The army did not comment.&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>No link here</title>
    <id>urn:uuid:5a4f1b7e-0002</id>
    <updated>2022-11-03T10:00:00Z</updated>
    <content type="text">Protesters marched in Goma on Thursday against the fighting.</content>
  </entry>
</feed>
"""


def _write(tmp_path: Path, name: str, content: str | bytes) -> str:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return str(path)


def _articles(items):
    return [item for item in items if isinstance(item, Article)]


def test_txt_first_line_is_title_and_text_is_title_blank_line_body(tmp_path):
    path = _write(tmp_path, "report.txt", "\n\nClashes in Marawi\n\nFighting resumed in Marawi on Monday.\nTwo soldiers died.\n")
    [article] = read_inputs([path])
    assert article.title == "Clashes in Marawi"
    assert article.text == "Clashes in Marawi\n\nFighting resumed in Marawi on Monday.\nTwo soldiers died."
    assert article.origin == path
    assert article.published is None and article.url is None


def test_html_page_main_text_and_metadata_without_boilerplate(tmp_path):
    path = _write(tmp_path, "page.html", PAGE)
    [article] = read_inputs([path])
    assert article.title == "Army retakes Kasese border post"
    assert article.url == "https://lakeside.example/news/2023/06/kasese-post"
    assert article.published == dt.date(2023, 6, 14)
    assert article.source == "Lakeside Herald"
    assert article.text.startswith("Army retakes Kasese border post\n\nSoldiers recaptured a border post near Kasese")
    assert article.text.count("Army retakes Kasese border post") == 1
    assert "main road to the border remained closed" in article.text
    for junk in ("Politics", "Subscribe", "Privacy", "Copyright", "Floods hit the valley", "pwned", "tracker"):
        assert junk not in article.text


def test_htm_extension_and_page_without_metadata(tmp_path):
    path = _write(tmp_path, "bare.HTM", "<html><body><p>Police dispersed a protest in Mandalay on Sunday.</p></body></html>")
    [article] = read_inputs([path])
    assert article.text == "Police dispersed a protest in Mandalay on Sunday."
    assert article.title is None and article.published is None


def test_html_in_declared_legacy_charset(tmp_path):
    page = '<html><head><meta charset="iso-8859-1"></head><body><p>Attaque pr\xe8s de S\xe9gou.</p></body></html>'
    path = _write(tmp_path, "latin.html", page.encode("iso-8859-1"))
    [article] = read_inputs([path])
    assert "Attaque pr\u00e8s de S\u00e9gou." in article.text


def test_rss_one_article_per_item(tmp_path):
    path = _write(tmp_path, "feed.rss", RSS)
    first, second = read_inputs([path])
    assert first.title == "Gunmen attack market in Tillaberi region"
    assert first.text == (
        "Gunmen attack market in Tillaberi region\n\n"
        "Gunmen on motorbikes attacked a weekly market near Tillaberi on Friday, killing seven traders, "
        "local officials said.\n\nNo group claimed the attack."
    )
    assert first.url == "https://sahel.example/2024/03/market-attack"
    assert first.published == dt.date(2024, 3, 16)
    assert first.source == "Sahel Monitor"
    assert first.origin == f"{path} item 1"
    assert second.published == dt.date(2024, 3, 17) and second.origin == f"{path} item 2"
    assert second.text.endswith("Authorities extended a night curfew in Dori for another month.")


def test_atom_prefers_full_content_and_published_date(tmp_path):
    path = _write(tmp_path, "feed.atom", ATOM)
    first, second = read_inputs([path])
    assert "Rebels withdrew from the Rumangabo military camp on Tuesday" in first.text
    assert "Short summary" not in first.text
    assert first.published == dt.date(2022, 11, 1)
    assert first.url == "https://greatlakes.example/2022/11/rumangabo"
    assert second.url is None
    assert second.published == dt.date(2022, 11, 3)  # only <updated>: the next best date
    assert second.text == "No link here\n\nProtesters marched in Goma on Thursday against the fighting."


def test_feed_and_page_of_one_url_get_one_id(tmp_path):
    feed_path = _write(tmp_path, "feed.xml", RSS)
    record = {"html": "<p>Gunmen attacked a market.</p>", "url": "https://sahel.example/2024/03/market-attack#top"}
    jsonl_path = _write(tmp_path, "pages.jsonl", json.dumps(record) + "\n")
    from_feed = next(iter(read_inputs([feed_path])))
    [from_jsonl] = read_inputs([jsonl_path])
    assert from_feed.id == from_jsonl.id


def test_jsonl_bad_line_in_the_middle_names_file_and_line(tmp_path):
    lines = [
        json.dumps({"id": "a-1", "title": "Strike on Idlib", "text": "An air strike hit Idlib.", "published": "2020-05-04"}),
        '{"id": "a-2", "text": "broken',
        json.dumps({"text": "Shelling in Donetsk wounded two.", "url": "https://x.example/d", "source": "Wire"}),
    ]
    path = _write(tmp_path, "batch.jsonl", "\n".join(lines) + "\n")
    first, error, third = read_inputs([path])
    assert first.id == "a-1" and first.published == dt.date(2020, 5, 4)
    assert first.text == "Strike on Idlib\n\nAn air strike hit Idlib."
    assert isinstance(error, InputError)
    assert error.source == f"{path} line 2"
    assert "not valid JSON" in str(error)
    assert third.text == "Shelling in Donetsk wounded two." and third.title is None
    assert third.source == "Wire" and third.url == "https://x.example/d"
    assert third.origin == f"{path} line 3"


def test_jsonl_html_record_is_read_like_a_page(tmp_path):
    record = {"id": 7, "html": PAGE, "title": "Own title wins"}
    [article] = read_inputs([_write(tmp_path, "p.jsonl", json.dumps(record))])
    assert article.id == "7"
    assert article.title == "Own title wins"
    assert article.published == dt.date(2023, 6, 14)  # from the page: the record had none
    assert "Soldiers recaptured a border post near Kasese" in article.text


def test_jsonl_blank_lines_are_skipped_and_line_numbers_stay_true(tmp_path):
    path = _write(tmp_path, "gaps.jsonl", '\n{"text": "Clash in Cauca."}\n\n[1, 2]\n')
    article, error = read_inputs([path])
    assert article.origin == f"{path} line 2"
    assert error.source == f"{path} line 4" and "not an object" in str(error)


def test_stdin_is_jsonl():
    stream = io.BytesIO(b'{"text": "Militants attacked Gao."}\nnot json\n')
    article, error = read_inputs(["-"], stdin=stream)
    assert article.text == "Militants attacked Gao." and article.origin == "<stdin> line 1"
    assert isinstance(error, InputError) and error.source == "<stdin> line 2"


def test_published_fills_only_articles_without_a_date(tmp_path):
    dated = json.dumps({"text": "Attack in Borno.", "published": "2019-01-02T10:00:00+01:00"})
    undated = json.dumps({"text": "Attack in Yobe."})
    path = _write(tmp_path, "d.jsonl", dated + "\n" + undated + "\n")
    first, second = read_inputs([path], published=dt.date(2021, 8, 20))
    assert first.published == dt.date(2019, 1, 2)
    assert second.published == dt.date(2021, 8, 20)


def test_inputs_come_out_in_order_across_files(tmp_path):
    a = _write(tmp_path, "b.txt", "First\n\nOne.")
    b = _write(tmp_path, "a.jsonl", '{"text": "Second."}\n{"text": "Third."}\n')
    missing = str(tmp_path / "gone.txt")
    c = _write(tmp_path, "c.txt", "Fourth\n\nFour.")
    items = list(read_inputs([a, b, missing, c]))
    assert [item.origin if isinstance(item, Article) else item.source for item in items] == [
        a, f"{b} line 1", f"{b} line 2", missing, c
    ]


def test_folder_stands_for_its_readable_files_sorted(tmp_path):
    folder = tmp_path / "reports"
    (folder / "sub").mkdir(parents=True)
    (folder / "b.txt").write_text("B\n\nbody b", encoding="utf-8")
    (folder / "sub" / "a.txt").write_text("A\n\nbody a", encoding="utf-8")
    (folder / "notes.md").write_text("ignored", encoding="utf-8")
    (folder / ".hidden.txt").write_text("H\n\nhidden", encoding="utf-8")
    titles = [article.title for article in read_inputs([str(folder)])]
    assert titles == ["B", "A"]  # b.txt sorts before sub/a.txt


def test_ids_are_stable_and_follow_the_rules(tmp_path):
    path = _write(tmp_path, "r.txt", "Title\n\nBody about Kidal.")
    first = next(iter(read_inputs([path])))
    again = next(iter(read_inputs([path])))
    assert first.id == again.id and len(first.id) == 16 and int(first.id, 16) >= 0
    # the same text saved with other bytes (CRLF, curly quote) is the same article
    variant = _write(tmp_path, "r2.txt", "Title\r\n\r\n\r\nBody about Kidal.\r\n".encode())
    assert next(iter(read_inputs([variant]))).id == first.id
    # a URL wins over the text; an explicit id wins over both
    by_url = read_text_article("Other words", url="https://a.example/x")
    assert by_url.id == read_text_article("Different words", url="https://a.example/x").id
    assert article_from_record({"id": "given-1", "text": "x", "url": "https://a.example/x"}, "r").id == "given-1"


def test_id_is_a_known_hash_value():
    """Pins the id function: a change would re-key every stored article."""
    article = read_text_article("Title\n\nBody.")
    assert article.id == hashlib.sha256(b"Title\n\nBody.").hexdigest()[:16]
    by_url = read_text_article("x", url=" https://a.example/x#comments ")
    assert by_url.id == hashlib.sha256(b"https://a.example/x").hexdigest()[:16]
