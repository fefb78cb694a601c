"""Event typing with the actors given (plv_dev): one gold type per source-target pair.

With ``given_actors`` the spans of the marked ``<s>``/``<t>`` actors are passed to
``Coder.code_pair`` with ``event_known=True``: every pair of a pair set takes part in an event
(PLV has no "no event" label), so the coder must name a type rather than answer "no event"; without, the sentence is coded end to end and the event whose actors overlap
the marked spans best (else the most confident one) stands for the pair.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from eventcoder.analysis.coding import (
    CoderLike,
    CoderLog,
    best_event,
    code_pair_safely,
    code_texts,
    describe,
)
from eventcoder.analysis.gold import GoldFile, find_surface, marked_spans
from eventcoder.analysis.labels import (
    NONE,
    GoldType,
    count_label,
    gold_type,
    is_scored_prediction,
)
from eventcoder.analysis.metrics import Confusion, LabelCounts, Scored, reliability
from eventcoder.ontology import Ontology
from eventcoder.records import Actor, Event

__all__ = ["pair_spans", "score_pairs"]

Span = tuple[int, int]


def pair_spans(text: str, event: Mapping[str, Any]) -> tuple[Span | None, Span | None]:
    """Source and target spans for a gold pair: from the markers, else by searching the strings."""
    marked = event.get("marked_sentence")
    src, tgt = marked_spans(marked, text) if isinstance(marked, str) else (None, None)
    if src is None:
        src = find_surface(text, event.get("source"))
    if tgt is None:
        tgt = find_surface(text, event.get("target"), near=src[1] if src else None)
    return src, tgt


def _overlap(actor: Actor | None, span: Span | None) -> int:
    if actor is None or span is None:
        return 0
    return max(0, min(actor.end, span[1]) - max(actor.start, span[0]))


def _pick(events: Sequence[Event], src: Span | None, tgt: Span | None) -> Event | None:
    if not events:
        return None
    scored = [
        (_overlap(e.source, src) + _overlap(e.target, tgt), e.confidence, -i)
        for i, e in enumerate(events)
    ]
    best = max(range(len(events)), key=lambda i: scored[i])
    if scored[best][0] == 0:
        return best_event(events)
    return events[best]


@dataclass(frozen=True, slots=True)
class _Pair:
    item_id: str
    line_id: str
    text: str
    date: dt.date | None
    gold: GoldType
    source: Span | None
    target: Span | None


def score_pairs(
    gold: GoldFile,
    coder: CoderLike,
    ontology: Ontology,
    coder_log: CoderLog,
    *,
    given_actors: bool = True,
) -> Scored:
    """Per-type P/R/F1, macro/micro F1, accuracy and confusion over gold pairs."""
    pairs: list[_Pair] = []
    unmapped = 0
    for line in gold.lines:
        for k, event in enumerate(line.events):
            gt = gold_type(event, ontology)
            if gt is None:
                unmapped += 1
                continue
            src, tgt = pair_spans(line.text, event)
            item_id = f"{line.id}#{k}" if len(line.events) > 1 else line.id
            pairs.append(_Pair(item_id, line.id, line.text, line.date, gt, src, tgt))
    label_space = {p.gold.label for p in pairs}

    predictions: dict[str, Event | None] = {}
    if given_actors:
        for p in pairs:
            # every pair of a pair set takes part in an event: the task is to type it
            predictions[p.item_id] = code_pair_safely(
                coder, p.item_id, p.text, p.source, p.target, coder_log, date=p.date, event_known=True
            )
    else:
        coded = code_texts(coder, [(g.id, g.text, g.date) for g in gold.lines], coder_log)
        for p in pairs:
            events = [e for e in coded.get(p.line_id, []) if is_scored_prediction(e, ontology)]
            predictions[p.item_id] = _pick(events, p.source, p.target)

    labels = LabelCounts()
    confusion = Confusion()
    correct = no_spans = 0
    confidences: list[tuple[float, bool]] = []
    for p in pairs:
        if p.source is None and p.target is None:
            no_spans += 1
        pred = predictions.get(p.item_id)
        ptype = (
            pred.event_type if pred is not None and is_scored_prediction(pred, ontology) else None
        )
        if ptype is not None:
            confidences.append((pred.confidence, ptype in p.gold.accepts))
        if ptype is not None and ptype in p.gold.accepts:
            correct += 1
            labels.hit(p.gold.label)
            confusion.add(p.gold.label, p.gold.label)
            continue
        labels.miss(p.gold.label)
        shown = count_label(ptype, label_space, ontology) if ptype else NONE
        if ptype:
            labels.spurious(shown)
        example = {
            "id": p.item_id,
            "text": p.text,
            "gold": p.gold.label,
            "predicted": describe(pred),
        }
        confusion.add(p.gold.label, shown, example)

    n = len(pairs)
    micro = labels.micro()
    figures = {
        "n_pairs": n,
        "accuracy": round(correct / n, 4) if n else 0.0,
        "macro_f1": round(labels.macro_f1(), 4),
        "micro_f1": round(micro.f1, 4),
        "micro": micro.as_dict(),
        "per_type": labels.per_type(),
        "pairs_without_spans": no_spans,
        "gold_events_without_type": unmapped,
        "given_actors": given_actors,
        "confidence_ece": (calibration := reliability(confidences))["ece"],
        "reliability": calibration,
    }
    return Scored(
        n=len({p.line_id for p in pairs}),
        figures=figures,
        confusion=confusion,
        headline=("macro_f1", "micro_f1", "accuracy"),
    )
