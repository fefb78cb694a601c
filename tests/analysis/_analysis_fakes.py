"""A stand-in coder and an Event builder, so the scorer is tested without spaCy."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Iterator

from eventcoder.ontology import load_ontology
from eventcoder.records import Actor, Article, CodingResult, Event, Evidence, Location

Span = tuple[int, int]


def actor(
    country: str | None = None, *, code: str | None = None, sectors: tuple[str, ...] = ()
) -> Actor:
    name = country or code or "someone"
    return Actor(
        name=name, text=name, start=0, end=1, country=country, sectors=sectors, cameo_code=code
    )


def event(
    event_type: str,
    *,
    cameo: str | None = None,
    source: Actor | None = None,
    target: Actor | None = None,
    trigger: Span = (0, 1),
    confidence: float = 0.5,
    location: Location | None = None,
) -> Event:
    ontology = load_ontology()
    if cameo is None:
        cameo = ontology.plover[event_type].default_cameo
    return Event(
        id=f"ev-{event_type}-{trigger[0]}",
        article_id="doc",
        event_type=event_type,
        mode=None,
        negated=False,
        tense_mode="asserted",
        cameo=cameo,
        cameo_root=cameo[:2],
        quad_class=ontology.code(cameo).quad_class,
        goldstein=ontology.code(cameo).goldstein,
        source=source,
        target=target,
        evidence=Evidence("", 0, 0, "trigger", trigger[0], trigger[1]),
        why="hand-made test event",
        confidence=confidence,
        date=None,
        location=location,
    )


def place(name: str, start: int | None, end: int | None) -> Location:
    return Location(
        extracted_place=name,
        resolved_place=name,
        geonameid=None,
        lat=None,
        lon=None,
        admin1=None,
        country_code=None,
        feature_class="P",
        resolution="exact",
        start=start,
        end=end,
    )


class FakeCoder:
    """Answers from hand-made tables keyed by sentence text; records what it was asked."""

    def __init__(
        self,
        by_text: dict[str, list[Event]] | None = None,
        *,
        pairs: dict[str, Event | None] | None = None,
        fail_on: Iterable[str] = (),
    ):
        self.by_text = by_text or {}
        self.pairs = pairs or {}
        self.fail_on = set(fail_on)
        self.pair_calls: list[tuple[str, Span | None, Span | None]] = []
        self.events_known: list[bool] = []
        self.coded: Counter[str] = Counter()

    def code_text(self, text: str, *, date: dt.date | None = None) -> list[Event]:
        if text in self.fail_on:
            raise RuntimeError(f"cannot code {text[:20]!r}")
        self.coded[text] += 1
        return list(self.by_text.get(text, []))

    def code_pair(
        self,
        text: str,
        source: Span | None,
        target: Span | None,
        *,
        date: dt.date | None = None,
        event_known: bool = False,
    ) -> Event | None:
        if text in self.fail_on:
            raise RuntimeError(f"cannot code {text[:20]!r}")
        self.pair_calls.append((text, source, target))
        self.events_known.append(event_known)
        return self.pairs.get(text)

    def pipe(self, articles: Iterable[Article], *, batch_size: int = 32) -> Iterator[CodingResult]:
        for a in articles:
            yield CodingResult(article=a, events=self.code_text(a.text, date=a.published))
