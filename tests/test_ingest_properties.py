"""Property tests: arbitrary bytes or text into every reader raise nothing but InputError, quickly."""

from __future__ import annotations

import datetime as dt
import io
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from thucydides.config import Settings
from thucydides.errors import InputError
from thucydides.ingest.articles import article_from_record, read_text_article
from thucydides.ingest.decode import decode_text
from thucydides.ingest.feeds import read_feed
from thucydides.ingest.readers import read_html_bytes, read_inputs, read_jsonl_stream
from thucydides.ingest.webpage import html_fragment_to_text
from thucydides.model import Article

SETTINGS = Settings(max_article_bytes=20_000)
# a reader that takes longer than this on a few KB is hanging, not working
PER_EXAMPLE = settings(
    max_examples=60,
    deadline=dt.timedelta(seconds=3),
    suppress_health_check=[HealthCheck.too_slow],
    database=None,
    derandomize=True,  # the same examples every run: the suite is deterministic
)

_MARKUP = [
    "<", ">", "</", "/>", "<p>", "</p>", "<div>", "<br>", "<script>", "</script>", "<!--", "-->", "<![CDATA[", "]]>",
    '<?xml version="1.0" encoding="utf-8"?>', '<?xml version="1.0" encoding="bogus"?>', "<rss version=\"2.0\">",
    "<channel>", "<item>", "</item>", "<title>", "</title>", "<description>", "<feed xmlns=\"http://www.w3.org/2005/Atom\">",
    "<entry>", "<content type=\"html\">", "&amp;", "&#0;", "&#x110000;", "&lt;p&gt;", "&nbsp;", "<!DOCTYPE x [<!ENTITY a \"aaaa\">]>",
    "&a;", "<meta charset=\"utf-16\">", "<meta charset=\"nope\">", "Troops attacked Gao.", " ", "\n", "\x00", "\u2019", "\ud7ff",
    '{"text": ', '"x"', "}", "[", "]", '"html": "<p>a</p>"', ",", '"published": "2020-13-45"', "null",
]
markup_text = st.lists(st.sampled_from(_MARKUP), max_size=60).map("".join)
any_bytes = st.binary(max_size=3000) | markup_text.map(lambda text: text.encode("utf-8", "surrogatepass"))


@pytest.fixture(scope="module", autouse=True)
def _warm_imports():
    """Import the parsers once, so the first example's deadline does not pay for it."""
    read_html_bytes("warm.html", b"<p>warm up</p>")
    list(read_feed("warm.xml", b"<rss version='2.0'><channel><item><description>x</description></item></channel></rss>", settings=SETTINGS))


def _only_input_errors(call) -> None:
    try:
        result = call()
        if hasattr(result, "__next__"):
            for item in result:
                assert isinstance(item, (Article, InputError))
        else:
            assert isinstance(result, Article)
    except InputError as error:
        assert "\n" not in str(error)


@PER_EXAMPLE
@given(any_bytes)
def test_text_reader(data):
    _only_input_errors(lambda: read_text_article(decode_text("x.txt", data), origin="x.txt"))


@PER_EXAMPLE
@given(any_bytes)
def test_html_reader(data):
    _only_input_errors(lambda: read_html_bytes("x.html", data))


@PER_EXAMPLE
@given(any_bytes)
def test_feed_reader(data):
    _only_input_errors(lambda: read_feed("x.xml", data, settings=SETTINGS))


@PER_EXAMPLE
@given(any_bytes)
def test_jsonl_reader(data):
    _only_input_errors(lambda: read_jsonl_stream(io.BytesIO(data), "x.jsonl", settings=SETTINGS))


@PER_EXAMPLE
@given(st.text(max_size=500) | markup_text)
def test_direct_text_and_html_fragment(text):
    _only_input_errors(lambda: read_text_article(text, max_bytes=SETTINGS.max_article_bytes))
    assert isinstance(html_fragment_to_text(text), str)


@PER_EXAMPLE
@given(
    st.dictionaries(
        st.sampled_from(["id", "title", "text", "html", "url", "published", "source", "other"]),
        st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=80) | markup_text | st.lists(st.integers(), max_size=2),
    )
)
def test_record_reader(record):
    _only_input_errors(lambda: article_from_record(record, "record"))


@settings(max_examples=25, deadline=dt.timedelta(seconds=5), database=None, derandomize=True)
@given(st.sampled_from([".txt", ".html", ".htm", ".xml", ".rss", ".atom", ".jsonl", ".bin", ""]), any_bytes)
def test_read_inputs_never_raises(suffix, data):
    """Through the public entry point not even an InputError escapes: it comes out in line."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        items = list(read_inputs([str(path), str(path) + ".missing.txt"], settings=SETTINGS))
    assert items and all(isinstance(item, (Article, InputError)) for item in items)
    assert isinstance(items[-1], InputError)  # the missing file still gets its error after the first
    assert all("\n" not in str(item) for item in items if isinstance(item, InputError))  # one line each
