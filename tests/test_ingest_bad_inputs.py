"""Every kind of bad input gives one InputError naming it, and the other inputs still come out."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from thucydides.config import Settings
from thucydides.errors import InputError
from thucydides.ingest import article_from_record, read_inputs, read_text_article
from thucydides.model import Article

GOOD = "Good report\n\nTroops clashed with rebels near Beni on Monday."


def _write(tmp_path: Path, name: str, content: str | bytes) -> str:
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return str(path)


def _only_error(path: str, settings: Settings | None = None) -> InputError:
    """Reads ``path`` then a good file: the bad one gives exactly one error, the good one its article."""
    good = Path(path).with_name("zz-good.txt")
    good.write_text(GOOD, encoding="utf-8")
    items = list(read_inputs([path, str(good)], settings=settings))
    assert len(items) == 2, items
    error, article = items
    assert isinstance(error, InputError), error
    assert isinstance(article, Article) and article.title == "Good report"
    assert error.source == path
    assert error.fix  # every error says what to do
    return error


def test_missing_file(tmp_path):
    error = _only_error(str(tmp_path / "absent.txt"))
    assert "does not exist" in str(error)


@pytest.mark.parametrize("content", [b"", b"  \n\n \t\n"])
def test_empty_file(tmp_path, content):
    assert "is empty" in str(_only_error(_write(tmp_path, "empty.txt", content)))


def test_binary_file_with_nul_bytes(tmp_path):
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00"
    assert "binary" in str(_only_error(_write(tmp_path, "image.txt", png)))


def test_undecodable_bytes_name_the_byte_and_offset(tmp_path):
    error = _only_error(_write(tmp_path, "latin.txt", "Attaque pr\u00e8s de Mopti".encode("latin-1")))
    assert "not UTF-8" in str(error) and "0xe8" in str(error) and "offset 10" in str(error)


def test_utf16_with_bom_is_text_not_binary(tmp_path):
    path = _write(tmp_path, "wide.txt", "Title\n\nClash near Gao.".encode("utf-16"))
    [article] = read_inputs([path])
    assert article.text == "Title\n\nClash near Gao."


def test_unknown_extension(tmp_path):
    error = _only_error(_write(tmp_path, "report.pdf", b"%PDF-1.4"))
    assert "unknown file type (.pdf)" in str(error) and ".jsonl" in error.fix


def test_oversized_text_and_html_files(tmp_path):
    small = Settings(max_article_bytes=100)
    for name in ("big.txt", "big.html", "big.xml"):
        error = _only_error(_write(tmp_path, name, "x" * 101), settings=small)
        assert "over the limit of 100" in str(error)


def test_device_reporting_size_zero_is_still_capped(tmp_path):
    link = tmp_path / "zeros.txt"
    os.symlink("/dev/zero", link)
    assert "over the limit" in str(_only_error(str(link), settings=Settings(max_article_bytes=1000)))


def test_oversized_jsonl_line_is_skipped_and_the_rest_read(tmp_path):
    lines = [json.dumps({"text": "a" * 500}), json.dumps({"text": "Short report from Kidal."})]
    path = _write(tmp_path, "big.jsonl", "\n".join(lines))
    error, article = read_inputs([path], settings=Settings(max_article_bytes=200))
    assert error.source == f"{path} line 1" and "over the limit" in str(error)
    assert article.text == "Short report from Kidal."


@pytest.mark.parametrize(
    ("record", "words"),
    [
        ({"title": "No body"}, "no 'text' or 'html'"),
        ({"text": "   "}, "no 'text' or 'html'"),
        ({"text": 5}, "'text' is a int"),
        ({"text": "Clash.", "published": "last week"}, "not a date"),
        ({"text": "Clash.", "id": [1]}, "'id' is"),
        ("just a string", "not an object"),
    ],
)
def test_jsonl_records_that_cannot_be_articles(tmp_path, record, words):
    path = _write(tmp_path, "bad.jsonl", json.dumps(record) + "\n" + json.dumps({"text": "Fine."}) + "\n")
    error, article = read_inputs([path])
    assert isinstance(error, InputError) and error.source == f"{path} line 1"
    assert words in str(error)
    assert article.text == "Fine."


def test_jsonl_line_not_utf8_and_too_deeply_nested(tmp_path):
    nested = b"[" * 100_000 + b"]" * 100_000
    path = _write(tmp_path, "odd.jsonl", b'{"text": "caf\xe9"}\n' + nested + b'\n{"text": "Fine."}\n')
    bad_bytes, too_deep, article = read_inputs([path])
    assert "not UTF-8" in str(bad_bytes) and bad_bytes.source == f"{path} line 1"
    assert too_deep.source == f"{path} line 2"
    assert article.text == "Fine."


def test_empty_jsonl_and_stdin(tmp_path):
    import io

    assert "is empty" in str(_only_error(_write(tmp_path, "none.jsonl", "\n\n")))
    [error] = read_inputs(["-"], stdin=io.BytesIO(b""))
    assert error.source == "<stdin>" and "is empty" in str(error)


def test_feed_that_is_not_a_feed_or_has_no_items(tmp_path):
    assert "not a readable RSS or Atom feed" in str(_only_error(_write(tmp_path, "a.rss", "Plain words, no XML & no items")))
    empty = '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title></channel></rss>'
    assert "without items" in str(_only_error(_write(tmp_path, "b.xml", empty)))


def test_feed_item_without_text_is_one_error_among_items(tmp_path):
    feed = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
        "<item><title>Only a title</title><link>https://t.example/1</link></item>"
        "<item><title>Raid in Sagaing</title><description>Troops raided a village.</description></item>"
        "</channel></rss>"
    )
    path = _write(tmp_path, "items.xml", feed)
    error, article = read_inputs([path])
    assert error.source == f"{path} item 1" and "no text" in str(error)
    assert article.text == "Raid in Sagaing\n\nTroops raided a village."


def test_html_without_any_text(tmp_path):
    page = "<html><head><title></title><script>var a = 1;</script></head><body><nav></nav></body></html>"
    assert "no article text" in str(_only_error(_write(tmp_path, "blank.html", page)))


def test_folder_without_readable_files(tmp_path):
    folder = tmp_path / "empty-folder"
    folder.mkdir()
    (folder / "notes.md").write_text("x", encoding="utf-8")
    assert "folder without readable files" in str(_only_error(str(folder)))


def test_a_parser_crash_is_an_input_error_not_a_traceback(tmp_path, monkeypatch):
    import trafilatura

    def explode(*args, **kwargs):
        raise RuntimeError("parser bug")

    monkeypatch.setattr(trafilatura, "bare_extraction", explode)
    error = _only_error(_write(tmp_path, "page.html", "<p>Some text</p>"))
    assert "RuntimeError: parser bug" in str(error) and "as HTML" in str(error)


def test_error_message_is_one_line_what_and_fix(tmp_path):
    path = str(tmp_path / "absent.txt")
    [error] = read_inputs([path])
    assert str(error) == f"{path}: does not exist — check the path"
    assert "\n" not in str(error)


def test_direct_text_and_record_entry_points_raise_input_error():
    with pytest.raises(InputError, match="no text"):
        read_text_article(" \n\u200b ", origin="POST /articles")
    with pytest.raises(InputError, match="over the limit of 10"):
        read_text_article("x" * 11, max_bytes=10)
    with pytest.raises(InputError, match="not a string"):
        read_text_article(b"bytes")  # type: ignore[arg-type]
    with pytest.raises(InputError, match="not an object"):
        article_from_record(["text"], "api")  # type: ignore[arg-type]


def test_feed_with_out_of_range_character_reference(tmp_path):
    """Regression: feedparser's loose parser raised ValueError from chr() on this input."""
    error = _only_error(_write(tmp_path, "junk.xml", b"<>&#2000000;"))
    assert "not a readable RSS or Atom feed" in str(error)


def test_json_error_messages_read_cleanly(tmp_path):
    # json's own message for a control character ends in "at", which doubled ours ("at at column")
    from thucydides.errors import InputError
    from thucydides.ingest import read_inputs

    path = tmp_path / "control.jsonl"
    path.write_bytes(b'{"text": "a\x01b"}\n')
    (error,) = list(read_inputs([str(path)]))
    assert isinstance(error, InputError)
    assert "at at" not in str(error) and "control character at column" in str(error)
