"""Read articles from files or stdin: ``.txt``, ``.html``/``.htm``, ``.json``, ``.jsonl``, ``.csv``.

Readers are chosen by name from ``READERS`` (the file suffix picks the name unless ``kind`` is
given; unknown suffixes and stdin read as plain text).

Offsets: for text input, ``Article.text`` has exactly the characters of the file decoded as UTF-8
(no newline translation; a byte-order mark counts as one character and becomes a space), with
boilerplate lines overwritten by spaces. So ``open(path, encoding="utf-8", newline="").read()``
sliced with an event's offsets gives the same words as ``Article.text``. For HTML the offsets are
into the extracted main text; for JSON/JSONL/CSV into the record's ``text`` value.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from eventcoder.errors import InputError
from eventcoder.ingest.boilerplate import blank_boilerplate
from eventcoder.ingest.decode import DEFAULT_MAX_BYTES, STDIN, decode_text, read_bytes
from eventcoder.ingest.failure import IngestFailure
from eventcoder.ingest.html import declared_charset, extract_html
from eventcoder.ingest.published import choose_published
from eventcoder.ingest.structured import ReadOptions, read_csv, read_json, read_jsonl
from eventcoder.records import Article

__all__ = ["READERS", "SUFFIXES", "input_kind", "read_article", "read_articles"]

Reader = Callable[[str, ReadOptions], Iterator[Article | IngestFailure]]


def _display(path: str) -> str:
    return "<stdin>" if path == STDIN else path


def _article_id(path: str) -> str:
    return "stdin" if path == STDIN else Path(path).stem


def read_txt(path: str, options: ReadOptions) -> Iterator[Article | IngestFailure]:
    """One article from a UTF-8 text file (the whole file is the article)."""
    name = _display(path)
    text = decode_text(read_bytes(path, max_bytes=options.max_bytes), name=name)
    blanked = blank_boilerplate(text)
    if not blanked.strip():
        raise InputError(
            f"{name}: holds only boilerplate lines (links, ads, copyright); give the article text"
        )
    published, source = choose_published(option=options.published, today=options.today)
    yield Article(id=_article_id(path), text=blanked, published=published, published_source=source)


def read_html(path: str, options: ReadOptions) -> Iterator[Article | IngestFailure]:
    """One article from an HTML page: main text, title, URL, site name and date meta tags."""
    name = _display(path)
    data = read_bytes(path, max_bytes=options.max_bytes)
    try:
        html = decode_text(data, name=name)
    except InputError:
        charset = declared_charset(data)
        if not charset or charset in ("utf-8", "utf8"):
            raise
        html = decode_text(data, name=name, encoding=charset)
    doc = extract_html(html, name=name)
    published, source = choose_published(
        option=options.published, html_meta=doc.published, today=options.today
    )
    yield Article(
        id=_article_id(path),
        text=doc.text,
        published=published,
        published_source=source,
        title=doc.title,
        url=doc.url,
        source=doc.site_name,
    )


#: Reader by name; the CLI and config select them by these names.
READERS: dict[str, Reader] = {
    "txt": read_txt,
    "html": read_html,
    "json": read_json,
    "jsonl": read_jsonl,
    "csv": read_csv,
}

#: File suffix -> reader name.
SUFFIXES = {
    ".txt": "txt",
    ".text": "txt",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
}


def input_kind(path: str | Path) -> str:
    """The reader name for ``path``: from its suffix; stdin and unknown suffixes are ``txt``."""
    if str(path) == STDIN:
        return "txt"
    return SUFFIXES.get(Path(path).suffix.lower(), "txt")


def _options(published: dt.date | None, max_bytes: int, today: dt.date | None) -> ReadOptions:
    if max_bytes < 1:
        raise ValueError(f"max_bytes must be positive, not {max_bytes}")
    return ReadOptions(published=published, max_bytes=max_bytes, today=today or dt.date.today())


def _reader(kind: str | None, path: str) -> Reader:
    name = kind or input_kind(path)
    try:
        return READERS[name]
    except KeyError:
        raise ValueError(f"unknown input kind {name!r}; available: {', '.join(READERS)}") from None


def _expand(paths: Iterable[str | Path]) -> Iterator[str]:
    for p in paths:
        s = str(p)
        if s != STDIN and Path(s).is_dir():
            for child in sorted(Path(s).rglob("*")):
                if child.is_file() and child.suffix.lower() in SUFFIXES:
                    yield str(child)
        else:
            yield s


def read_articles(
    path_or_paths: str | Path | Iterable[str | Path],
    *,
    published: dt.date | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    kind: str | None = None,
    today: dt.date | None = None,
) -> Iterator[Article | IngestFailure]:
    """Articles from files, folders (searched for known suffixes, sorted) or ``"-"`` (stdin).

    Never raises for one bad item: a file, JSONL line, CSV row or JSON element that cannot be
    read is yielded as an ``IngestFailure`` and reading goes on. ``max_bytes`` limits each file
    (for JSONL and CSV, each record's text). ``published`` beats every date found in the input.

    Example:
        >>> for item in read_articles(["a.txt", "feed.jsonl"], published=None):
        ...     print(item.message if isinstance(item, IngestFailure) else item.id)
    """
    options = _options(published, max_bytes, today)
    paths = [path_or_paths] if isinstance(path_or_paths, str | Path) else path_or_paths
    for path in _expand(paths):
        reader = _reader(kind, path)
        try:
            yield from reader(path, options)
        except InputError as exc:
            yield IngestFailure.from_error(_display(path), exc)


def read_article(
    path: str | Path,
    *,
    published: dt.date | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    kind: str | None = None,
    today: dt.date | None = None,
) -> Article:
    """Exactly one article from a file or ``"-"`` (stdin).

    Raises InputError (one line: the file, the problem, the fix) for a missing file, a
    directory, empty, binary, non-UTF-8 or too large input, HTML without text, broken JSON, or
    a structured file that does not hold exactly one article.

    Example:
        >>> article = read_article("examples/ceasefire-talks.txt", published=dt.date(2024, 3, 16))
    """
    s = str(path)
    options = _options(published, max_bytes, today)
    items = list(_reader(kind, s)(s, options))
    failures = [i for i in items if isinstance(i, IngestFailure)]
    if failures:
        raise failures[0].to_error()
    if len(items) != 1:
        raise InputError(
            f"{_display(s)}: holds {len(items)} articles, read_article reads exactly one; "
            "use read_articles for several"
        )
    article = items[0]
    assert isinstance(article, Article)
    return article
