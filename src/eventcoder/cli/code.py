"""``eventcoder code ARTICLE``: code one article (or one structured file) and print its events."""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

import click

from eventcoder.cli.options import (
    IsoDate,
    coder_mode,
    dictionaries_option,
    max_bytes_option,
    mode_options,
    statements_option,
)
from eventcoder.errors import InputError
from eventcoder.ingest import DEFAULT_MAX_BYTES, STDIN, IngestFailure, read_articles
from eventcoder.records import Article
from eventcoder.store.output import WRITERS, write_events

__all__ = ["command", "load_articles"]


_IsoDate = IsoDate


def load_articles(article: str, *, published: dt.date | None, max_bytes: int) -> list[Article]:
    """All articles in ``article`` (a file or ``-``); the first bad one raises InputError."""
    if article != STDIN and Path(article).is_dir():
        raise InputError(
            f"{article}: is a directory; `eventcoder code` reads one article file (or '-' for stdin)"
        )
    articles: list[Article] = []
    for item in read_articles([article], published=published, max_bytes=max_bytes):
        if isinstance(item, IngestFailure):
            raise item.to_error()
        articles.append(item)
    if not articles:
        raise InputError(f"{article}: holds no articles; give a file with article text")
    return articles


@click.command("code")
@click.argument("article", metavar="ARTICLE")
@click.option(
    "--date",
    "published",
    type=_IsoDate(),
    default=None,
    help="Publication date (YYYY-MM-DD); beats any date in the input. Default: input metadata, else today.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(list(WRITERS)),
    default="jsonl",
    show_default=True,
    help="jsonl: one event per line; json: one document with the article and its events; table: for reading.",
)
@dictionaries_option(folders=True)
@max_bytes_option(DEFAULT_MAX_BYTES, "Refuse inputs larger than this many bytes.")
@mode_options
@statements_option
def command(
    article: str,
    published: dt.date | None,
    fmt: str,
    dictionaries: tuple[Path, ...],
    max_bytes: int,
    fast: bool,
    learned: bool,
    statements: bool,
) -> None:
    """Code ARTICLE (a .txt, .html, .json, .jsonl or .csv file, or - for stdin) into events.

    Events go to stdout; notes and errors go to stderr. Evidence offsets index the article
    text: for .txt input, the file's own characters; for HTML, the extracted text (shown by
    --format json).

    Example: eventcoder code examples/ceasefire-talks.txt --date 2024-03-16
    """
    articles = load_articles(article, published=published, max_bytes=max_bytes)
    for a in articles:
        if a.published_source == "today" and a.published is not None:
            click.echo(
                f"note: no publication date given for {a.id}; using today {a.published.isoformat()}; "
                "pass --date",
                err=True,
            )

    from eventcoder.coder import Coder

    coder = Coder(dictionaries=list(dictionaries), statements=statements, **coder_mode(fast, learned))
    try:
        n = write_events(coder.pipe(articles), fmt, sys.stdout)
    except BrokenPipeError:  # e.g. piped into `head`: stop quietly, as other tools do
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
    if n == 0 and fmt == "jsonl":
        click.echo("note: no events found", err=True)

