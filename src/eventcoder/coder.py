"""The coder: runs the stages over an article and returns coded events.

    ingest -> nlp (spaCy) -> actors -> events -> places, dates -> records

``Coder`` holds the loaded pipeline, actor knowledge base and lexicon; build it once and reuse it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from pathlib import Path

from eventcoder.records import Article, CodingResult, Event

__all__ = ["Coder", "code_text"]


class Coder:
    """Codes articles into events.

    Example:
        >>> coder = Coder()
        >>> events = coder.code_text("Israeli troops raided Jenin.", date=dt.date(2023, 7, 3))
    """

    def __init__(self, *, dictionaries: Iterable[str | Path] = (), pipeline: str | None = None):
        from eventcoder.actors import ActorResolver, load_actor_kb
        from eventcoder.events import EventExtractor
        from eventcoder.nlp import load_pipeline
        from eventcoder.ontology import load_ontology

        self.nlp = load_pipeline(pipeline)
        self.ontology = load_ontology()
        kb = load_actor_kb(extra_dictionaries=[Path(p) for p in dictionaries])
        self.actors = ActorResolver(kb, self.nlp)
        self.events = EventExtractor()

    # -- public API -------------------------------------------------------------------------
    def code_text(
        self, text: str, *, date: dt.date | None = None, article_id: str = "doc"
    ) -> list[Event]:
        """Code one text; ``date`` is its publication date (default: today)."""
        article = Article(
            id=article_id,
            text=text,
            published=date or dt.date.today(),
            published_source="option" if date else "today",
        )
        return self.code_article(article).events

    def code_article(self, article: Article) -> CodingResult:
        return next(self.pipe([article]))

    def pipe(self, articles: Iterable[Article], *, batch_size: int = 32) -> Iterator[CodingResult]:
        """Code many articles, streaming; results come in input order."""
        from eventcoder.pipeline import run_pipeline

        yield from run_pipeline(self, articles, batch_size=batch_size)

    def code_pair(
        self,
        text: str,
        source: tuple[int, int] | None,
        target: tuple[int, int] | None,
        *,
        date: dt.date | None = None,
    ) -> Event | None:
        """Type the event between a given source and target (character spans) in one sentence.

        Used for pair-classification gold sets; returns None when no event is found.
        """
        from eventcoder.pipeline import code_given_pair

        return code_given_pair(self, text, source, target, date=date)


_DEFAULT: Coder | None = None


def code_text(text: str, *, date: dt.date | None = None, article_id: str = "doc") -> list[Event]:
    """Code one text with a shared default ``Coder`` (built on first use)."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Coder()
    return _DEFAULT.code_text(text, date=date, article_id=article_id)
