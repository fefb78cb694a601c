"""Articles from WARC web archives (``.warc.gz`` or ``.warc``), as news crawls such as CC-NEWS ship them.

Every ``response`` (or ``resource``) record holding an HTML page becomes one article, read like an
``.html`` file by ``eventcoder.ingest``: main text, title, site name and date meta tags. The
article id is the record's ``WARC-Record-ID``; the URL is ``WARC-Target-URI`` unless the page names
a canonical one. Other records (requests, metadata, images, PDFs) are skipped silently; an HTML
record with no article text is an ``IngestFailure``. Needs the ``warcio`` package.
"""

from __future__ import annotations

import datetime as dt
import gzip
from collections.abc import Iterator
from typing import Any

from eventcoder.errors import ConfigError, InputError
from eventcoder.ingest import DEFAULT_MAX_BYTES, IngestFailure, choose_published
from eventcoder.ingest.decode import decode_text
from eventcoder.ingest.html import declared_charset, extract_html
from eventcoder.records import Article

__all__ = ["count_html_records", "read_warc"]

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def _import_warcio() -> Any:
    try:
        from warcio.archiveiterator import ArchiveIterator
    except ImportError:
        raise ConfigError("reading .warc.gz files needs warcio: pip install warcio") from None
    return ArchiveIterator


def _content_type(record: Any) -> tuple[str, str | None]:
    """(media type, charset) of a record's payload."""
    raw = ""
    if record.http_headers is not None:
        raw = record.http_headers.get_header("Content-Type") or ""
    if not raw:
        raw = record.rec_headers.get_header("Content-Type") or ""
    parts = [p.strip() for p in raw.split(";")]
    charset = None
    for p in parts[1:]:
        if p.lower().startswith("charset="):
            charset = p.split("=", 1)[1].strip("\"' ").lower() or None
    return parts[0].lower(), charset


def _is_html_record(record: Any) -> bool:
    return record.rec_type in ("response", "resource") and _content_type(record)[0] in _HTML_TYPES


def count_html_records(path: str) -> int:
    """How many HTML records (articles or failures) ``read_warc`` will yield, without parsing them."""
    archive_iterator = _import_warcio()
    with open(path, "rb") as fh:
        return sum(1 for record in archive_iterator(fh, arc2warc=True) if _is_html_record(record))


def _check_warc(path: str, fh: Any) -> None:
    """InputError unless ``fh`` starts like a WARC (or ARC) archive, gzipped or not."""
    head = fh.read(2)
    fh.seek(0)
    if head == b"\x1f\x8b":
        try:
            with gzip.GzipFile(fileobj=fh) as gz:
                head = gz.read(16)
        except (OSError, EOFError):
            head = b""
        fh.seek(0)
    else:
        head = fh.read(16)
        fh.seek(0)
    if not head.startswith((b"WARC/", b"filedesc://")):
        raise InputError(
            f"{path}: not a WARC archive (no WARC header at the start); give a .warc or .warc.gz file"
        )


def _decode(data: bytes, *, name: str, charset: str | None) -> str:
    try:
        return decode_text(data, name=name)
    except InputError:
        other = charset or declared_charset(data)
        if not other or other in ("utf-8", "utf8"):
            raise
        return decode_text(data, name=name, encoding=other)


def _warc_date(record: Any) -> dt.date | None:
    value = record.rec_headers.get_header("WARC-Date") or ""
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def read_warc(
    path: str, *, max_bytes: int = DEFAULT_MAX_BYTES, today: dt.date | None = None
) -> Iterator[Article | IngestFailure]:
    """Articles from the HTML records of one WARC file, in file order.

    A page without a publication date in its meta tags gets the capture date (``WARC-Date``,
    ``published_source="metadata"``). Raises InputError when the file is not a WARC archive.
    """
    archive_iterator = _import_warcio()
    try:
        fh = open(path, "rb")  # noqa: SIM115 - closed below, after the generator is done
    except OSError as exc:
        raise InputError(
            f"{path}: cannot be read ({exc.strerror or exc}); check the path"
        ) from None
    with fh:
        _check_warc(path, fh)
        record_no = 0
        try:
            for record in archive_iterator(fh, arc2warc=True):
                if not _is_html_record(record):
                    continue
                charset = _content_type(record)[1]
                record_no += 1
                record_id = (record.rec_headers.get_header("WARC-Record-ID") or "").strip("<>")
                uri = record.rec_headers.get_header("WARC-Target-URI")
                name = f"{path} [{uri or record_id}]"
                data = record.content_stream().read(max_bytes + 1)
                if len(data) > max_bytes:
                    yield IngestFailure(
                        path=path,
                        record=record_no,
                        reason=f"record {uri} is over the {max_bytes} byte limit; pass --max-bytes N to raise it",
                    )
                    continue
                try:
                    doc = extract_html(_decode(data, name=name, charset=charset), name=name)
                except InputError as exc:
                    yield IngestFailure(path=path, record=record_no, reason=str(exc))
                    continue
                published, source = choose_published(
                    metadata=None if doc.published else _warc_date(record),
                    html_meta=doc.published,
                    today=today,
                )
                yield Article(
                    id=record_id or f"{path}#{record_no}",
                    text=doc.text,
                    published=published,
                    published_source=source,
                    title=doc.title,
                    url=doc.url or uri,
                    source=doc.site_name,
                )
        except Exception as exc:  # warcio raises its own errors and OSError from gzip
            if isinstance(exc, InputError):
                raise
            raise InputError(
                f"{path}: not a readable WARC archive after record {record_no} ({type(exc).__name__}: {exc}); "
                "check the file is a complete .warc or .warc.gz"
            ) from None
