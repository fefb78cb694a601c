"""Typed records that the pipeline stages pass to each other.

Every stage talks through these types only. All character offsets are into the
original article text (``Article.text``), so ``text[start:end]`` is the evidence.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date as Date
from typing import Any

#: How an actor mention was resolved to a code. "implicit": an actor the text does not name but the
#: event implies (the government a domestic protest is aimed at); its text is "" and its offsets are
#: those of the trigger, so they still slice the text.
RESOLUTIONS = ("exact", "alias", "title", "sector-noun", "coreference", "place", "unresolved", "implicit")

#: Tense/modality of an event as reported.
TENSE_MODES = ("asserted", "future", "hypothetical", "reported")


@dataclass(frozen=True, slots=True)
class Article:
    """One input document."""

    id: str
    text: str
    published: Date | None = None
    published_source: str = "unknown"  # "option", "metadata", "html-meta", "today"
    title: str | None = None
    url: str | None = None
    source: str | None = None


@dataclass(frozen=True, slots=True)
class Actor:
    """A coded actor: who acts or is acted upon."""

    name: str  # canonical name, e.g. "Hamas" or "Israel"
    text: str  # the words in the article
    start: int
    end: int
    country: str | None  # ISO 3166 alpha-3 (PSE for Palestine, XKX for Kosovo)
    sectors: tuple[str, ...] = ()  # PLOVER/CAMEO agent codes: GOV, MIL, COP, REB, ...
    cameo_code: str | None = None  # e.g. "ISRMIL", "PSENGOHMS"
    wikidata: str | None = None
    resolution: str = "exact"
    why: str = ""


@dataclass(frozen=True, slots=True)
class Location:
    """Where an event happened."""

    extracted_place: str
    resolved_place: str | None
    geonameid: int | None
    lat: float | None
    lon: float | None
    admin1: str | None
    country_code: str | None  # ISO3
    feature_class: str | None  # GeoNames feature class: P (place), A (admin), L (area), ...
    resolution: str  # exact, sentence, document, country
    start: int | None = None
    end: int | None = None
    why: str = ""


@dataclass(frozen=True, slots=True)
class Size:
    """Casualty and arrest counts stated for an event."""

    killed: int | None = None
    injured: int | None = None
    arrested: int | None = None
    approximate: bool = False
    text: str | None = None


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where in the article the event was read."""

    sentence: str
    sentence_index: int
    sentence_start: int
    trigger: str
    trigger_start: int
    trigger_end: int


@dataclass(frozen=True, slots=True)
class Event:
    """One coded event."""

    id: str
    article_id: str
    event_type: str  # PLOVER 2023 type
    mode: str | None
    negated: bool
    tense_mode: str
    cameo: str
    cameo_root: str
    quad_class: int
    goldstein: float
    source: Actor | None
    target: Actor | None
    evidence: Evidence
    why: str
    confidence: float
    date: Date | None
    date_precision: str | None = None  # day, week, month, year
    date_text: str | None = None
    date_why: str | None = None
    location: Location | None = None
    size: Size | None = None
    context: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready dict (dates as ISO strings)."""
        return to_jsonable(self)


@dataclass(slots=True)
class CodingResult:
    """Everything coded from one article."""

    article: Article
    events: list[Event] = field(default_factory=list)
    n_sentences: int = 0
    notes: list[str] = field(default_factory=list)


def to_jsonable(obj: Any) -> Any:
    """Convert records (recursively) into JSON-ready values."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_jsonable(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, Date):
        return obj.isoformat()
    if isinstance(obj, tuple | list):
        return [to_jsonable(x) for x in obj]
    if isinstance(obj, dict):
        return {k: to_jsonable(v) for k, v in obj.items()}
    return obj
