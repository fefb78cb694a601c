"""Event location picking (location_dev).

Gold ``spans`` mark the trigger (VERB) and the place(s) (LOCATION). Some spans carry token
indices where character offsets belong; when a span has ``text`` that does not sit at its offsets,
the occurrence of that text nearest to its token position is used instead.

For every gold event with a location, the coder's event whose trigger is nearest the gold VERB is
taken; it is correct when its ``location`` span (``start``/``end``) overlaps a gold LOCATION span.
When the coder gives a location without offsets, its ``extracted_place`` is compared with the gold
location strings instead (case-insensitive). Also reported: how often no event / no location came
back, and how often a location was given where the gold has none.
"""

from __future__ import annotations

import re
from typing import Any

from eventcoder.analysis.coding import CoderLike, CoderLog, code_texts
from eventcoder.analysis.gold import GoldFile, GoldLine
from eventcoder.analysis.metrics import Scored
from eventcoder.ontology import Ontology
from eventcoder.records import Event

__all__ = ["gold_location_spans", "score_location"]

Span = tuple[int, int]


def _token_offsets(text: str) -> list[int]:
    return [m.start() for m in re.finditer(r"\w+|[^\w\s]", text)]


def _repair(text: str, span: dict[str, Any], tokens: list[int]) -> Span | None:
    start, end = span.get("start"), span.get("end")
    surface = span.get("text")
    if isinstance(start, int) and isinstance(end, int) and end > start:
        if not isinstance(surface, str) or text[start:end] == surface:
            return (start, end)
    if not isinstance(surface, str) or not surface:
        return None
    found = [m.start() for m in re.finditer(re.escape(surface), text)]
    if not found:
        return None
    token = span.get("token_start")
    if isinstance(token, int) and token < len(tokens):
        near = tokens[token]
        best = min(found, key=lambda s: abs(s - near))
    else:
        best = found[0]
    return (best, best + len(surface))


def gold_location_spans(line: GoldLine) -> tuple[Span | None, list[Span]]:
    """The VERB span and the LOCATION spans of a line, repaired where needed."""
    tokens = _token_offsets(line.text)
    verb: Span | None = None
    places: list[Span] = []
    for span in line.raw.get("spans") or ():
        if not isinstance(span, dict):
            continue
        fixed = _repair(line.text, span, tokens)
        if fixed is None:
            continue
        if span.get("label") == "VERB" and verb is None:
            verb = fixed
        elif span.get("label") == "LOCATION":
            places.append(fixed)
    return verb, places


def _distance(event: Event, verb: Span) -> int:
    s, e = event.evidence.trigger_start, event.evidence.trigger_end
    if s < verb[1] and verb[0] < e:
        return 0
    return min(abs(s - verb[1]), abs(verb[0] - e))


def _nearest(events: list[Event], verb: Span) -> Event | None:
    """The event whose trigger is closest to the gold VERB span (the first on ties)."""
    best: Event | None = None
    for e in events:
        if best is None or _distance(e, verb) < _distance(best, verb):
            best = e
    return best


def _located_right(event: Event, places: list[Span], names: list[str]) -> bool:
    loc = event.location
    if loc is None:
        return False
    if loc.start is not None and loc.end is not None:
        return any(loc.start < e and s < loc.end for s, e in places)
    return loc.extracted_place.strip().lower() in {n.strip().lower() for n in names}


def score_location(
    gold: GoldFile, coder: CoderLike, ontology: Ontology, coder_log: CoderLog
) -> Scored:
    scored: list[tuple[GoldLine, Span, list[Span]]] = []
    for g in gold.lines:
        verb, places = gold_location_spans(g)
        if verb is not None:
            scored.append((g, verb, places))
    coded = code_texts(coder, [(g.id, g.text, g.date) for g, _, _ in scored], coder_log)
    with_loc = correct = no_event = no_location = 0
    without_loc = spurious = 0
    misses: list[dict[str, Any]] = []
    for g, verb, places in scored:
        events = coded.get(g.id, [])
        nearest = _nearest(events, verb)
        names = [str(x) for e in g.events for x in (e.get("location") or ())]
        if not places:
            without_loc += 1
            spurious += bool(nearest is not None and nearest.location is not None)
            continue
        with_loc += 1
        if nearest is None:
            no_event += 1
            reason = "no event"
        elif nearest.location is None:
            no_location += 1
            reason = "no location"
        elif _located_right(nearest, places, names):
            correct += 1
            continue
        else:
            reason = "wrong place"
        if len(misses) < 20:
            misses.append(
                {
                    "id": g.id,
                    "reason": reason,
                    "text": g.text,
                    "gold": [g.text[s:e] for s, e in places],
                    "predicted": nearest.location.extracted_place
                    if nearest is not None and nearest.location is not None
                    else None,
                }
            )

    def rate(k: int, n: int) -> float | None:
        return round(k / n, 4) if n else None

    figures: dict[str, Any] = {
        "location_accuracy": rate(correct, with_loc),
        "gold_with_location": with_loc,
        "no_event_rate": rate(no_event, with_loc),
        "no_location_rate": rate(no_location, with_loc),
        "gold_without_location": without_loc,
        "spurious_location_rate": rate(spurious, without_loc),
        "unusable_lines": len(gold.lines) - len(scored),
        "location_misses": misses,
        "macro_f1": None,
        "micro_f1": None,
        "per_type": {},
    }
    return Scored(
        n=len(scored),
        figures=figures,
        confusion=None,
        headline=("location_accuracy", "no_location_rate"),
    )
