"""Write coding results to a text stream as JSON Lines, one JSON document, or a table.

Writers are chosen by name from ``WRITERS`` (``jsonl``, ``json``, ``table``). Each takes the
results and a text stream and returns the number of events written.

- ``jsonl``: one JSON object per event (``Event.to_dict()``), streamed as results arrive.
- ``json``: per article ``{"article": {...}, "events": [...], "notes": [...]}``; the article
  record includes ``text``, the string every event offset indexes. One article gives one
  object; several give a JSON list of such objects.
- ``table``: a rich table per article (type, CAMEO, source, target, trigger, date, location).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import Any, TextIO

from eventcoder.errors import ConfigError
from eventcoder.records import Actor, Article, CodingResult, Event, to_jsonable

__all__ = ["WRITERS", "article_record", "result_record", "write_events"]

Writer = Callable[[Iterable[CodingResult], TextIO], int]


def article_record(article: Article) -> dict[str, Any]:
    """The article as a JSON-ready dict (all fields, dates as ISO strings)."""
    record: dict[str, Any] = to_jsonable(article)
    return record


def result_record(result: CodingResult) -> dict[str, Any]:
    """One article's results as ``{"article", "n_sentences", "events", "notes"}``."""
    return {
        "article": article_record(result.article),
        "n_sentences": result.n_sentences,
        "events": [event.to_dict() for event in result.events],
        "notes": list(result.notes),
    }


def _write_jsonl(results: Iterable[CodingResult], stream: TextIO) -> int:
    n = 0
    for result in results:
        for event in result.events:
            stream.write(json.dumps(event.to_dict(), ensure_ascii=False) + "\n")
            n += 1
        stream.flush()
    return n


def _write_json(results: Iterable[CodingResult], stream: TextIO) -> int:
    records = [result_record(r) for r in results]
    document: Any = records[0] if len(records) == 1 else records
    stream.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    return sum(len(r["events"]) for r in records)


def _actor_cell(actor: Actor | None) -> str:
    if actor is None:
        return "-"
    code = actor.cameo_code or actor.country or ""
    return f"{actor.name} ({code})" if code else actor.name


def _event_row(event: Event) -> tuple[str, ...]:
    kind = event.event_type + (f"/{event.mode}" if event.mode else "")
    if event.negated:
        kind = "not " + kind
    place = "-"
    if event.location is not None:
        place = event.location.resolved_place or event.location.extracted_place
    return (
        kind,
        event.cameo,
        _actor_cell(event.source),
        _actor_cell(event.target),
        event.evidence.trigger,
        event.date.isoformat() if event.date else "-",
        place,
    )


def _write_table(results: Iterable[CodingResult], stream: TextIO) -> int:
    from rich.console import Console
    from rich.table import Table

    console = Console(file=stream, width=max(120, Console(file=stream).width), highlight=False)
    n = 0
    for result in results:
        article = result.article
        published = article.published.isoformat() if article.published else "no date"
        table = Table(
            title=f"{article.id} ({published}, {article.published_source})",
            caption=f"{len(result.events)} events from {result.n_sentences} sentences",
        )
        for column in ("type", "cameo", "source", "target", "trigger", "date", "location"):
            table.add_column(column, overflow="fold")
        for event in result.events:
            table.add_row(*_event_row(event))
            n += 1
        console.print(table)
    return n


#: Writer by format name; the CLI's --format choices are these keys.
WRITERS: dict[str, Writer] = {
    "jsonl": _write_jsonl,
    "json": _write_json,
    "table": _write_table,
}


def write_events(results: Iterable[CodingResult], fmt: str, stream: TextIO) -> int:
    """Write ``results`` to ``stream`` in format ``fmt``; returns the number of events written.

    Raises ConfigError naming the available formats when ``fmt`` is unknown.
    """
    try:
        writer = WRITERS[fmt]
    except KeyError:
        raise ConfigError(
            f"unknown output format {fmt!r}; available: {', '.join(WRITERS)}"
        ) from None
    return writer(results, stream)
