from __future__ import annotations

import datetime as dt
from io import BytesIO
from pathlib import Path

import pytest

from eventcoder.ingest import IngestFailure
from eventcoder.records import Article

warcio = pytest.importorskip("warcio", reason="reading .warc.gz needs warcio")
from warcio.statusandheaders import StatusAndHeaders  # noqa: E402
from warcio.warcwriter import WARCWriter  # noqa: E402

from eventcoder.scale.estimate import estimate_articles  # noqa: E402
from eventcoder.scale.warc import read_warc  # noqa: E402

PAGE = """<html><head><title>Talks resume</title>
<meta property="og:site_name" content="Example News">{meta}</head>
<body><nav>Home | World</nav><article><h1>Talks resume</h1>
<p>Egyptian mediators met Hamas officials in Cairo on Monday to discuss a new truce.</p>
<p>Israeli negotiators are expected to join the talks later this week, officials said.</p>
</article></body></html>"""


def _record(writer: WARCWriter, uri: str, body: bytes, content_type: str, date: str) -> None:
    http = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
    record = writer.create_warc_record(
        uri,
        "response",
        payload=BytesIO(body),
        http_headers=http,
        warc_headers_dict={"WARC-Date": date},
    )
    writer.write_record(record)


def _write_warc(path: Path) -> None:
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        meta = '<meta property="article:published_time" content="2024-03-14T08:00:00Z">'
        _record(
            writer,
            "https://example.org/a",
            PAGE.format(meta=meta).encode(),
            "text/html; charset=utf-8",
            "2024-03-20T10:00:00Z",
        )
        _record(
            writer,
            "https://example.org/logo.png",
            b"\x89PNG\r\n",
            "image/png",
            "2024-03-20T10:00:01Z",
        )
        _record(
            writer,
            "https://example.org/b",
            PAGE.format(meta="").encode(),
            "text/html",
            "2024-03-21T10:00:00Z",
        )
        _record(
            writer,
            "https://example.org/c",
            b"<html><body></body></html>",
            "text/html",
            "2024-03-21T10:00:02Z",
        )


def test_read_warc_reads_each_html_record_as_one_article(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    _write_warc(path)
    items = list(read_warc(str(path)))
    articles = [i for i in items if isinstance(i, Article)]
    failures = [i for i in items if isinstance(i, IngestFailure)]
    assert [a.url for a in articles] == ["https://example.org/a", "https://example.org/b"]
    assert all(a.id.startswith("urn:uuid:") for a in articles)
    assert "Egyptian mediators met Hamas officials" in articles[0].text
    assert articles[0].title == "Talks resume" and articles[0].source == "Example News"
    assert len(failures) == 1 and failures[0].record == 3


def test_read_warc_prefers_the_page_date_then_the_capture_date(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    _write_warc(path)
    a, b = [i for i in read_warc(str(path)) if isinstance(i, Article)]
    assert (a.published, a.published_source) == (dt.date(2024, 3, 14), "html-meta")
    assert (b.published, b.published_source) == (dt.date(2024, 3, 21), "metadata")


def test_estimate_counts_html_records_of_a_warc(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    _write_warc(path)
    assert estimate_articles([str(path)]) == 3


def test_read_warc_names_a_file_that_is_not_a_warc(tmp_path: Path) -> None:
    from eventcoder.errors import InputError

    path = tmp_path / "fake.warc.gz"
    path.write_bytes(b"this is not an archive at all")
    with pytest.raises(InputError, match="fake.warc.gz: not a WARC archive"):
        list(read_warc(str(path)))


def test_run_batch_reads_warc_files_in_a_folder(tmp_path: Path) -> None:
    from scale_fakes import read_output

    from eventcoder.scale.runner import run_batch

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    _write_warc(corpus / "crawl.warc.gz")
    summary = run_batch([str(corpus)], tmp_path / "out", coder_factory="scale_fakes:FakeCoder")
    assert (summary.articles, summary.rejected) == (3, 1)
    _, articles = read_output(tmp_path / "out")
    assert sorted(a[4] for a in articles if a[4]) == [
        "https://example.org/a",
        "https://example.org/b",
    ]
