"""Run the coder over gold sentences without letting one failure stop the evaluation."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from eventcoder.records import Article, CodingResult, Event

__all__ = ["CoderLike", "CoderLog", "best_event", "code_texts", "code_pair_safely", "describe"]

log = logging.getLogger(__name__)

Span = tuple[int, int]


class CoderLike(Protocol):
    """The part of :class:`eventcoder.Coder` the scorer uses."""

    def code_text(self, text: str, *, date: dt.date | None = None) -> list[Event]: ...

    def code_pair(
        self,
        text: str,
        source: Span | None,
        target: Span | None,
        *,
        date: dt.date | None = None,
        event_known: bool = False,
    ) -> Event | None: ...

    def pipe(self, articles: Any, *, batch_size: int = ...) -> Any: ...


@dataclass(slots=True)
class CoderLog:
    """Sentences the coder failed on (id and message), kept for the report."""

    failures: list[dict[str, str]] = field(default_factory=list)

    def failed(self, item_id: str, exc: BaseException) -> None:
        log.warning("coder failed on %s: %s", item_id, exc)
        self.failures.append({"id": item_id, "error": f"{type(exc).__name__}: {exc}"})


def code_texts(
    coder: CoderLike,
    items: Sequence[tuple[str, str, dt.date | None]],
    coder_log: CoderLog,
    *,
    batch_size: int = 64,
) -> dict[str, list[Event]]:
    """Code ``(id, text, date)`` items with ``coder.pipe`` in batches; ``{id: events}``.

    A batch that raises is retried one sentence at a time so only the bad sentence is lost.
    """
    out: dict[str, list[Event]] = {}
    for start in range(0, len(items), batch_size):
        batch = items[start : start + batch_size]
        articles = [
            Article(id=i, text=t, published=d, published_source="option" if d else "unknown")
            for i, t, d in batch
        ]
        try:
            results: list[CodingResult] = list(coder.pipe(articles, batch_size=batch_size))
            if len(results) != len(articles):
                raise RuntimeError(
                    f"pipe returned {len(results)} results for {len(articles)} articles"
                )
            for article, result in zip(articles, results, strict=True):
                out[article.id] = list(result.events)
        except Exception:  # noqa: BLE001 - retry one by one to isolate the failing sentence
            for article in articles:
                try:
                    out[article.id] = list(coder.code_text(article.text, date=article.published))
                except Exception as exc:  # noqa: BLE001
                    coder_log.failed(article.id, exc)
                    out[article.id] = []
    return out


def code_pair_safely(
    coder: CoderLike,
    item_id: str,
    text: str,
    source: Span | None,
    target: Span | None,
    coder_log: CoderLog,
    *,
    date: dt.date | None = None,
    event_known: bool = False,
) -> Event | None:
    try:
        return coder.code_pair(text, source, target, date=date, event_known=event_known)
    except Exception as exc:  # noqa: BLE001 - one bad sentence must not stop the run
        coder_log.failed(item_id, exc)
        return None


def best_event(events: Sequence[Event]) -> Event | None:
    """The most confident event (the earliest one on ties)."""
    best: Event | None = None
    for e in events:
        if best is None or e.confidence > best.confidence:
            best = e
    return best


def _actor(actor: Any) -> str | None:
    if actor is None:
        return None
    code = actor.cameo_code or actor.country or "?"
    return f"{actor.text} [{code}]"


def describe(event: Event | None) -> dict[str, Any]:
    """What was predicted and why, for error listings."""
    if event is None:
        return {"type": None}
    return {
        "type": event.event_type,
        "cameo": event.cameo,
        "trigger": event.evidence.trigger,
        "source": _actor(event.source),
        "target": _actor(event.target),
        "why": event.why,
    }
