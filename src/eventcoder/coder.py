"""The coder: runs the stages over an article and returns coded events.

    ingest -> nlp (spaCy) -> actors -> events -> places, dates -> records

``Coder`` holds the loaded pipeline, actor knowledge base and lexicon; build it once and reuse it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from pathlib import Path

from eventcoder.errors import ConfigError
from eventcoder.records import Article, CodingResult, Event

__all__ = ["Coder", "code_text", "fast_coder", "learned_coder"]


class Coder:
    """Codes articles into events.

    Example:
        >>> coder = Coder()
        >>> events = coder.code_text("Israeli troops raided Jenin.", date=dt.date(2023, 7, 3))
    """

    #: ``fast`` (default): lexicon and parse rules alone; ``learned``: the learned pair classifier
    #: votes with the lexicon (needs ``eventcoder[ml]``); ``auto``: learned when installed, else fast.
    #: Fast is the default because the shipped classifier does not yet beat the rules (README).
    MODES = ("auto", "fast", "learned")

    def __init__(
        self,
        *,
        dictionaries: Iterable[str | Path] = (),
        pipeline: str | None = None,
        mode: str = "fast",
        statements: bool = False,
    ):
        if mode not in self.MODES:
            raise ConfigError(f"unknown mode {mode!r}; choose one of: {', '.join(self.MODES)}")
        from eventcoder.actors import ActorResolver, load_actor_kb
        from eventcoder.events import EventExtractor
        from eventcoder.nlp import load_pipeline
        from eventcoder.ontology import load_ontology

        self.nlp = load_pipeline(pipeline)
        self.ontology = load_ontology()
        kb = load_actor_kb(extra_dictionaries=[Path(p) for p in dictionaries])
        self.actors = ActorResolver(kb, self.nlp)
        # statements: also code public statements (CAMEO 01, event_type STATEMENT), which PLOVER
        # does not code; for CAMEO users and CAMEO-coded gold sets
        self.events = EventExtractor(statements=statements)
        self.learned = None
        if mode != "fast":
            from eventcoder.events.learned import LearnedTyper

            self.learned = LearnedTyper.load()
            if self.learned is None and mode == "learned":
                raise ConfigError(
                    "the learned mode needs the ml extra: pip install 'eventcoder[ml]' (or use --fast)"
                )
        self.mode = "learned" if self.learned is not None else "fast"

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
        event_known: bool = False,
    ) -> Event | None:
        """Type the event between a given source and target (character spans) in one sentence.

        Returns None when no event is found. With ``event_known=True`` the caller knows the pair
        takes part in an event (a pair-classification set such as PLV, where every pair is an
        event): the speech-verb "statement" rule is skipped and the classifier answers with its most
        likely PLOVER type instead of NONE. The fast mode still returns None when no trigger
        word is in the sentence at all.
        """
        from eventcoder.pipeline import code_given_pair

        return code_given_pair(self, text, source, target, date=date, event_known=event_known)


def fast_coder(*, dictionaries: Iterable[str | Path] = ()) -> Coder:
    """A rules-only coder (the batch runner's ``--fast`` factory)."""
    return Coder(dictionaries=dictionaries, mode="fast")


def learned_coder(*, dictionaries: Iterable[str | Path] = ()) -> Coder:
    """A coder whose event types the learned classifier votes on (the batch runner's ``--learned``)."""
    return Coder(dictionaries=dictionaries, mode="learned")


def stating_coder(*, dictionaries: Iterable[str | Path] = ()) -> Coder:
    """A rules-only coder that also codes public statements (the batch runner's ``--statements``)."""
    return Coder(dictionaries=dictionaries, mode="fast", statements=True)


def stating_learned_coder(*, dictionaries: Iterable[str | Path] = ()) -> Coder:
    """``learned_coder`` that also codes public statements (``--learned --statements``)."""
    return Coder(dictionaries=dictionaries, mode="learned", statements=True)


_DEFAULT: Coder | None = None


def code_text(text: str, *, date: dt.date | None = None, article_id: str = "doc") -> list[Event]:
    """Code one text with a shared default ``Coder`` (built on first use)."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Coder()
    return _DEFAULT.code_text(text, date=date, article_id=article_id)
