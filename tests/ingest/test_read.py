"""Reading articles: each input kind, the offset story, and every bad-input message."""

from __future__ import annotations

import datetime as dt
import io
import json
import sys
from pathlib import Path

import pytest

from eventcoder.errors import InputError
from eventcoder.ingest import (
    IngestFailure,
    blank_boilerplate,
    boilerplate_spans,
    choose_published,
    parse_published,
    read_article,
    read_articles,
)

TODAY = dt.date(2025, 1, 2)
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"

BODY = (
    "Rebels attacked a convoy near the capital on Monday.\n"
    "Short link: https://example.org/x1\n"
    "Advertisement\n"
    "The government condemned the attack.\n"
    "  Share this article  \n"
    "© 2024 Some Wire. All rights reserved.\n"
)


def write(tmp_path: Path, name: str, data: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_bytes(data.encode("utf-8"))
    return path


# -- plain text ---------------------------------------------------------------------------------


def test_read_txt_keeps_length_and_article_words(tmp_path: Path) -> None:
    path = write(tmp_path, "raid.txt", BODY)
    article = read_article(path, today=TODAY)
    original = path.read_bytes().decode("utf-8")
    assert article.id == "raid"
    assert len(article.text) == len(original)
    for word in ("attacked", "condemned"):
        start = original.index(word)
        assert article.text[start : start + len(word)] == word


def test_read_txt_blanks_boilerplate_lines(tmp_path: Path) -> None:
    article = read_article(write(tmp_path, "raid.txt", BODY), today=TODAY)
    for junk in ("Short link", "Advertisement", "Share this", "All rights reserved"):
        assert junk not in article.text
    assert article.text.count("\n") == BODY.count("\n")


def test_read_txt_defaults_to_today(tmp_path: Path) -> None:
    article = read_article(write(tmp_path, "a.txt", BODY), today=TODAY)
    assert (article.published, article.published_source) == (TODAY, "today")


def test_read_txt_date_option_wins(tmp_path: Path) -> None:
    day = dt.date(2024, 3, 14)
    article = read_article(write(tmp_path, "a.txt", BODY), published=day, today=TODAY)
    assert (article.published, article.published_source) == (day, "option")


def test_read_txt_bom_counts_as_one_character(tmp_path: Path) -> None:
    path = write(tmp_path, "bom.txt", b"\xef\xbb\xbfPolice arrested two men.")
    article = read_article(path, today=TODAY)
    original = open(path, encoding="utf-8", newline="").read()
    start = original.index("arrested")
    assert article.text[start : start + 8] == "arrested"
    assert article.text[0] == " "


def test_read_txt_keeps_crlf_offsets(tmp_path: Path) -> None:
    path = write(tmp_path, "crlf.txt", "Line one.\r\nAdvertisement\r\nTroops shelled the town.\r\n")
    article = read_article(path, today=TODAY)
    original = open(path, encoding="utf-8", newline="").read()
    start = original.index("shelled")
    assert article.text[start : start + 7] == "shelled"
    assert "Advertisement" not in article.text


def test_read_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(b"Protesters marched in Nairobi."), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    article = read_article("-", today=TODAY)
    assert (article.id, article.text) == ("stdin", "Protesters marched in Nairobi.")


def test_read_example_article_has_no_boilerplate() -> None:
    path = EXAMPLES / "ceasefire-talks.txt"
    article = read_article(path, published=dt.date(2024, 3, 16))
    assert len(article.text) == len(path.read_text(encoding="utf-8"))
    assert "Short link" not in article.text and "Follow us" not in article.text
    assert "rejected the draft agreement" in article.text


# -- boilerplate ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Short link: https://example.org/abc",
        "Read more: Aid agencies warn of famine",
        "Share this article",
        "Click here to subscribe to our newsletter",
        "Follow us on Facebook and X",
        "ADVERTISEMENT",
        "Copyright 2023 Example News",
        "(c) 2021 Example Media Group",
        "Reporting by A. Writer; Editing by B. Editor",
    ],
)
def test_boilerplate_line_is_found(line: str) -> None:
    text = f"First sentence.\n{line}\nLast sentence."
    start = text.index(line)
    assert boilerplate_spans(text) == [(start, start + len(line))]


@pytest.mark.parametrize(
    "line",
    [
        "Copyright lawyers said the ruling would be appealed.",
        "Readers of the newspaper protested outside its offices.",
        "Read more " + "about the ministers who met in Cairo and agreed a plan " * 5,
    ],
)
def test_boilerplate_keeps_article_lines(line: str) -> None:
    assert boilerplate_spans(f"Intro.\n{line}\n") == []


def test_blank_boilerplate_keeps_offsets() -> None:
    blanked = blank_boilerplate(BODY)
    assert len(blanked) == len(BODY)
    start = BODY.index("The government")
    assert blanked[start:].startswith("The government condemned")


# -- HTML ----------------------------------------------------------------------------------------


def test_read_html_example_main_text_and_meta() -> None:
    article = read_article(EXAMPLES / "security-summit.html", today=TODAY)
    assert "al-Shabaab fighters attacked a police post in Mandera" in article.text
    for junk in ("Home", "Advertisement", "Share this article", "Follow us", "All rights"):
        assert junk not in article.text
    assert article.title == "Kenya and Somalia agree to share intelligence"
    assert article.published == dt.date(2024, 5, 9)
    assert article.published_source == "html-meta"
    assert article.source == "Eventcoder Daily"
    assert article.url == "https://example.org/news/kenya-somalia-intelligence"


def test_read_html_date_option_beats_meta() -> None:
    day = dt.date(2024, 5, 10)
    article = read_article(EXAMPLES / "security-summit.html", published=day, today=TODAY)
    assert (article.published, article.published_source) == (day, "option")


@pytest.mark.parametrize(
    "head, body_extra",
    [
        ('<meta name="date" content="2022-08-01">', ""),
        ("", '<p><time datetime="2022-08-01T10:00:00Z">1 August</time></p>'),
        ('<meta itemprop="datePublished" content="Mon, 01 Aug 2022 10:00:00 GMT">', ""),
    ],
)
def test_read_html_date_sources(tmp_path: Path, head: str, body_extra: str) -> None:
    html = (
        f"<html><head><title>T</title>{head}</head><body><article>{body_extra}"
        "<p>The army shelled the northern district of the city on Sunday, residents said.</p>"
        "</article></body></html>"
    )
    article = read_article(write(tmp_path, "page.html", html), today=TODAY)
    assert (article.published, article.published_source) == (dt.date(2022, 8, 1), "html-meta")


def test_read_html_without_meta_uses_today(tmp_path: Path) -> None:
    html = (
        "<html><body><p>Police detained four protesters in the capital on Friday.</p></body></html>"
    )
    article = read_article(write(tmp_path, "bare.htm", html), today=TODAY)
    assert article.text == "Police detained four protesters in the capital on Friday."
    assert article.published_source == "today"


# -- JSON, JSONL, CSV ------------------------------------------------------------------------------


def test_read_json_object_uses_metadata_date(tmp_path: Path) -> None:
    rec = {
        "id": "a1",
        "text": "Troops withdrew.",
        "title": "T",
        "url": "u",
        "published": "2023-07-03T09:00:00Z",
        "source": "S",
    }
    article = read_article(write(tmp_path, "one.json", json.dumps(rec)), today=TODAY)
    assert (article.id, article.text, article.title, article.url, article.source) == (
        "a1",
        "Troops withdrew.",
        "T",
        "u",
        "S",
    )
    assert (article.published, article.published_source) == (dt.date(2023, 7, 3), "metadata")


def test_read_json_option_beats_metadata(tmp_path: Path) -> None:
    rec = {"id": "a1", "text": "Troops withdrew.", "published": "2023-07-03"}
    day = dt.date(2023, 7, 4)
    article = read_article(write(tmp_path, "one.json", json.dumps(rec)), published=day, today=TODAY)
    assert (article.published, article.published_source) == (day, "option")


def test_read_json_list_gives_each_record(tmp_path: Path) -> None:
    recs = [{"text": "First story."}, {"id": 7, "text": "Second story."}, {"title": "no text"}]
    items = list(read_articles(write(tmp_path, "many.json", json.dumps(recs)), today=TODAY))
    assert [i.id for i in items[:2]] == ["many-1", "7"]
    assert isinstance(items[2], IngestFailure)
    assert items[2].record == 3 and "'text'" in items[2].reason


def test_read_jsonl_bad_line_is_a_failure_and_reading_goes_on(tmp_path: Path) -> None:
    lines = [
        '{"id": "x", "text": "Talks began."}',
        '{"id": "y", "text": ',
        "",
        '{"id": "z", "text": "Talks ended."}',
    ]
    items = list(read_articles(write(tmp_path, "feed.jsonl", "\n".join(lines)), today=TODAY))
    assert [getattr(i, "id", None) for i in items] == ["x", None, "z"]
    failure = items[1]
    assert isinstance(failure, IngestFailure)
    assert failure.line == 2
    assert failure.message.startswith(f"{tmp_path / 'feed.jsonl'}:2: broken JSON")


def test_read_jsonl_bad_published_is_a_failure(tmp_path: Path) -> None:
    path = write(
        tmp_path, "feed.jsonl", '{"id": "x", "text": "Talks began.", "published": "soon"}\n'
    )
    (item,) = read_articles(path, today=TODAY)
    assert isinstance(item, IngestFailure) and "'soon' is not a date" in item.reason


def test_read_csv_rows(tmp_path: Path) -> None:
    data = 'id,text,published\nr1,"Militants seized the town, officials said.",2021-05-05\nr2,,2021-05-06\n'
    items = list(read_articles(write(tmp_path, "rows.csv", data), today=TODAY))
    assert items[0].id == "r1" and items[0].text == "Militants seized the town, officials said."
    assert items[0].published == dt.date(2021, 5, 5)
    assert isinstance(items[1], IngestFailure) and items[1].line == 3


def test_read_csv_without_text_column(tmp_path: Path) -> None:
    (item,) = read_articles(write(tmp_path, "rows.csv", "id,body\n1,hello\n"), today=TODAY)
    assert isinstance(item, IngestFailure) and "no 'text' column" in item.reason


def test_read_article_refuses_several_records(tmp_path: Path) -> None:
    path = write(tmp_path, "two.jsonl", '{"text": "A."}\n{"text": "B."}\n')
    with pytest.raises(InputError, match="holds 2 articles"):
        read_article(path)


def test_read_articles_never_raises_for_a_bad_file(tmp_path: Path) -> None:
    good = write(tmp_path, "good.txt", "Police arrested a journalist.")
    items = list(read_articles([tmp_path / "missing.txt", good], today=TODAY))
    assert isinstance(items[0], IngestFailure) and "no such file" in items[0].reason
    assert items[1].id == "good"


def test_read_articles_expands_folders(tmp_path: Path) -> None:
    write(tmp_path, "b.txt", "Second.")
    write(tmp_path, "a.txt", "First.")
    write(tmp_path, "notes.bin", b"\x00\x01")
    assert [a.id for a in read_articles(tmp_path, today=TODAY)] == ["a", "b"]


# -- bad input ------------------------------------------------------------------------------------


def _error(path: Path | str, **kwargs: object) -> str:
    with pytest.raises(InputError) as info:
        read_article(path, **kwargs)  # type: ignore[arg-type]
    message = str(info.value)
    assert "\n" not in message
    return message


def test_bad_input_empty_file(tmp_path: Path) -> None:
    path = write(tmp_path, "empty.txt", b"")
    assert _error(path) == f"{path}: file is empty; give a file that contains article text"


def test_bad_input_whitespace_only(tmp_path: Path) -> None:
    assert "only whitespace" in _error(write(tmp_path, "ws.txt", " \n\t\n  "))


def test_bad_input_only_boilerplate(tmp_path: Path) -> None:
    assert "only boilerplate" in _error(
        write(tmp_path, "junk.txt", "Advertisement\nShare this article\n")
    )


def test_bad_input_binary_with_nul(tmp_path: Path) -> None:
    path = write(tmp_path, "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    message = _error(path)
    assert message.startswith(f"{path}: looks like a binary file")


def test_bad_input_binary_without_nul(tmp_path: Path) -> None:
    noise = bytes((i * 131 + 7) % 128 + 128 for i in range(4000))
    assert "looks like a binary file" in _error(write(tmp_path, "noise.txt", noise))


def test_bad_input_control_characters(tmp_path: Path) -> None:
    assert "binary" in _error(write(tmp_path, "ctl.txt", "\x01\x02\x03\x04abc" * 50))


def test_bad_input_invalid_utf8_gives_byte_offset(tmp_path: Path) -> None:
    message = _error(write(tmp_path, "latin.txt", "Talks in Bogot\xe1 stalled.".encode("latin-1")))
    assert "not valid UTF-8" in message
    assert "byte offset 14" in message and "iconv" in message


def test_bad_input_utf16(tmp_path: Path) -> None:
    path = write(tmp_path, "wide.txt", "Troops withdrew.".encode("utf-16"))
    assert "UTF-16LE-encoded" in _error(path) and "iconv -f UTF-16LE" in _error(path)


def test_bad_input_too_large_is_refused_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "huge.txt"
    path.write_bytes(b"Soldiers marched. " * 1_111_112)  # 20 MB of text
    opened: list[object] = []
    monkeypatch.setattr(Path, "open", lambda *a, **k: opened.append(a) or pytest.fail("opened"))
    message = _error(path)
    assert message.startswith(f"{path}: input is 20.0 MB, over the 10.0 MB limit")
    assert "--max-bytes" in message
    assert opened == []


def test_bad_input_max_bytes_is_configurable(tmp_path: Path) -> None:
    path = write(tmp_path, "small.txt", "Police arrested a journalist.")
    assert "over the 10 bytes limit" in _error(path, max_bytes=10)
    assert read_article(path, max_bytes=1000).id == "small"


def test_bad_input_stdin_too_large(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"x" * 50)))
    assert _error("-", max_bytes=20).startswith("<stdin>: input is more than 20 bytes")


def test_bad_input_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nope.txt"
    assert _error(path) == f"{path}: no such file; check the path"


def test_bad_input_directory(tmp_path: Path) -> None:
    assert "is a directory" in _error(tmp_path)


@pytest.mark.parametrize(
    "html",
    [
        "<html><body><script>var x = 1;</script></body></html>",
        "<html><head><title>Only a title</title></head><body></body></html>",
        "<<<>>> << >",
    ],
)
def test_bad_input_html_without_text(tmp_path: Path, html: str) -> None:
    path = write(tmp_path, "broken.html", html)
    message = _error(path)
    assert message.startswith(f"{path}: ") and (
        "no article text" in message or "could not be parsed" in message
    )


def test_bad_input_broken_json_names_line(tmp_path: Path) -> None:
    path = write(tmp_path, "bad.json", '{\n  "text": "Talks began."\n  "id": 3\n}')
    message = _error(path)
    assert message.startswith(f"{path}: broken JSON at line 3, column 3: Expecting ','")


def test_bad_input_json_of_wrong_shape(tmp_path: Path) -> None:
    assert "object or a list of objects" in _error(write(tmp_path, "n.json", "42"))


# -- dates ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2024-05-09", dt.date(2024, 5, 9)),
        ("2024-05-09T23:30:00-05:00", dt.date(2024, 5, 9)),
        ("Thu, 09 May 2024 07:30:00 GMT", dt.date(2024, 5, 9)),
        ("May 9, 2024", dt.date(2024, 5, 9)),
        ("2024-02-30", None),
        ("yesterday", None),
        ("", None),
        (None, None),
    ],
)
def test_parse_published(value: str | None, expected: dt.date | None) -> None:
    assert parse_published(value) == expected


def test_choose_published_precedence() -> None:
    a, b, c, t = (dt.date(2020, 1, d) for d in (1, 2, 3, 4))
    assert choose_published(option=a, metadata=b, html_meta=c, today=t) == (a, "option")
    assert choose_published(metadata=b, html_meta=c, today=t) == (b, "metadata")
    assert choose_published(html_meta=c, today=t) == (c, "html-meta")
    assert choose_published(today=t) == (t, "today")
