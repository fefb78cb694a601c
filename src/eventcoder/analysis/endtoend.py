"""End-to-end scoring: code whole sentences, then match predicted events to gold events.

Within each sentence, predicted events are matched to gold events greedily (pairs agreeing on more
actors first). A match at level

* ``type`` needs the predicted type to be one the gold label accepts;
* ``type_source`` also needs the source country to match (a compound gold source ``USA;JOR``
  matches any member);
* ``type_source_target`` also needs the target country to match. A gold null target matches a
  predicted null target, or a predicted target that is another member of a compound gold source
  (reciprocal events such as "Hungary and Romania agreed").

A compound gold event counts once: predicted events sharing a trigger and a type form a group;
unmatched members of a group with a matched member are not false positives, and a group with no
match is one false positive. Gold sentences with no events make every predicted group there a
false positive.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from eventcoder.analysis.actorcodes import ActorKey, parse_actor_code, predicted_key, sector_matches
from eventcoder.analysis.coding import CoderLike, CoderLog, code_texts, describe
from eventcoder.analysis.gold import GoldFile, GoldLine
from eventcoder.analysis.labels import NONE, GoldType, count_label, gold_type, is_scored_prediction
from eventcoder.analysis.metrics import PRF, Confusion, LabelCounts, Scored
from eventcoder.ontology import Ontology
from eventcoder.records import Event

__all__ = ["GoldEvent", "LEVELS", "gold_events", "match_sentence", "score_end_to_end"]

LEVELS = ("type", "type_source", "type_source_target")


@dataclass(frozen=True, slots=True)
class GoldEvent:
    """A gold event reduced to what is scored; empty ``targets`` means a null target."""

    type: GoldType
    sources: tuple[ActorKey, ...]
    targets: tuple[ActorKey, ...]
    text: str = ""  # the gold codes as written, for error listings


def _side(event: Mapping[str, Any], side: str) -> tuple[ActorKey, ...]:
    listed = event.get(f"{side}_actors")
    if isinstance(listed, list) and listed:
        return tuple(
            parse_actor_code(a.get("code"), sector=a.get("sector"))
            for a in listed
            if isinstance(a, dict)
        )
    raw = event.get(side)
    if not isinstance(raw, str) or not raw.strip():
        return ()
    return tuple(parse_actor_code(part) for part in raw.split(";") if part.strip())


def gold_events(events: Sequence[Mapping[str, Any]], ontology: Ontology) -> list[GoldEvent]:
    """The scored gold events of one sentence (statements and untyped events dropped)."""
    out = []
    for e in events:
        gt = gold_type(e, ontology)
        if gt is None:
            continue
        label = f"{e.get('source')} -> {e.get('target')}"
        out.append(GoldEvent(gt, _side(e, "source"), _side(e, "target"), label))
    return out


def _country(event: Event, side: str) -> str | None:
    key = predicted_key(getattr(event, side))
    return key.country if key else None


def _source_ok(pred: Event, gold: GoldEvent) -> bool:
    countries = {k.country for k in gold.sources} or {None}
    return _country(pred, "source") in countries


def _target_ok(pred: Event, gold: GoldEvent) -> bool:
    got = _country(pred, "target")
    if gold.targets:
        return got in {k.country for k in gold.targets}
    if got is None:
        return True
    others = {k.country for k in gold.sources} - {_country(pred, "source")}
    return got in others


def _type_ok(pred: Event, gold: GoldEvent) -> bool:
    return pred.event_type in gold.type.accepts


_TESTS: dict[str, tuple[Callable[[Event, GoldEvent], bool], ...]] = {
    "type": (_type_ok,),
    "type_source": (_type_ok, _source_ok),
    "type_source_target": (_type_ok, _source_ok, _target_ok),
}


def _group(event: Event) -> tuple[int, int, str]:
    return (event.evidence.trigger_start, event.evidence.trigger_end, event.event_type)


@dataclass(frozen=True, slots=True)
class SentenceMatch:
    """Matches at one level: (pred index, gold index) pairs, false positives, misses."""

    pairs: tuple[tuple[int, int], ...]
    false_positives: tuple[int, ...]
    missed: tuple[int, ...]


def match_sentence(preds: Sequence[Event], golds: Sequence[GoldEvent], level: str) -> SentenceMatch:
    """Greedy one-to-one matching at ``level`` (see module docstring)."""
    tests = _TESTS[level]
    candidates = []
    for pi, p in enumerate(preds):
        for gi, g in enumerate(golds):
            if all(t(p, g) for t in tests):
                agree = int(_source_ok(p, g)) + int(_target_ok(p, g))
                candidates.append((-agree, gi, pi))
    candidates.sort()
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for _, gi, pi in candidates:
        if pi in used_p or gi in used_g:
            continue
        used_p.add(pi)
        used_g.add(gi)
        pairs.append((pi, gi))
    seen_groups = {_group(preds[pi]) for pi in used_p}
    fps_list = []
    for pi in range(len(preds)):
        group = _group(preds[pi])
        if pi in used_p or group in seen_groups:
            continue
        seen_groups.add(group)  # an unmatched group is one false positive
        fps_list.append(pi)
    fps = tuple(fps_list)
    missed = tuple(gi for gi in range(len(golds)) if gi not in used_g)
    return SentenceMatch(tuple(sorted(pairs)), fps, missed)


def _pair_leftovers(
    preds: Sequence[Event], golds: Sequence[GoldEvent], fps: Sequence[int], missed: Sequence[int]
) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    """Pair unmatched gold with unmatched predictions for the confusion matrix (actors first)."""
    candidates = sorted(
        (-(int(_source_ok(preds[pi], golds[gi])) + int(_target_ok(preds[pi], golds[gi]))), gi, pi)
        for pi in fps
        for gi in missed
    )
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for _, gi, pi in candidates:
        if pi in used_p or gi in used_g:
            continue
        used_p.add(pi)
        used_g.add(gi)
        pairs.append((pi, gi))
    return pairs, [g for g in missed if g not in used_g], [p for p in fps if p not in used_p]


@dataclass(slots=True)
class _ActorRates:
    n: int = 0
    source_country: int = 0
    target_country: int = 0
    source_sector_n: int = 0
    source_sector: int = 0
    target_sector_n: int = 0
    target_sector: int = 0

    def add(self, pred: Event, gold: GoldEvent) -> None:
        self.n += 1
        self.source_country += _source_ok(pred, gold)
        self.target_country += _target_ok(pred, gold)
        for side, members in (("source", gold.sources), ("target", gold.targets)):
            with_sector = [m for m in members if m.sector]
            if not with_sector:
                continue
            got = _country(pred, side)
            member = next((m for m in with_sector if m.country == got), with_sector[0])
            ok = sector_matches(member, getattr(pred, side))
            if side == "source":
                self.source_sector_n += 1
                self.source_sector += ok
            else:
                self.target_sector_n += 1
                self.target_sector += ok

    def as_dict(self) -> dict[str, Any]:
        def rate(k: int, n: int) -> float | None:
            return round(k / n, 4) if n else None

        return {
            "n_type_matched": self.n,
            "source_country": rate(self.source_country, self.n),
            "target_country": rate(self.target_country, self.n),
            "source_sector": rate(self.source_sector, self.source_sector_n),
            "source_sector_n": self.source_sector_n,
            "target_sector": rate(self.target_sector, self.target_sector_n),
            "target_sector_n": self.target_sector_n,
        }


def _gold_view(g: GoldEvent) -> dict[str, Any]:
    return {"type": g.type.label, "actors": g.text}


def _add_confusions(
    confusion: Confusion,
    line: GoldLine,
    preds: Sequence[Event],
    golds: Sequence[GoldEvent],
    m: SentenceMatch,
    label_space: set[str],
    ontology: Ontology,
) -> None:
    """Type confusions of one sentence: pair leftovers, the rest goes against NONE."""
    paired, lone_gold, lone_pred = _pair_leftovers(preds, golds, m.false_positives, m.missed)
    example = {
        "id": line.id,
        "text": line.text,
        "gold": [_gold_view(x) for x in golds],
        "predicted": [describe(e) for e in preds],
    }
    for pi, gi in paired:
        shown = count_label(preds[pi].event_type, label_space, ontology)
        confusion.add(golds[gi].type.label, shown, example)
    for gi in lone_gold:
        confusion.add(golds[gi].type.label, NONE, example)
    for pi in lone_pred:
        confusion.add(NONE, count_label(preds[pi].event_type, label_space, ontology), example)


def score_end_to_end(
    gold: GoldFile, coder: CoderLike, ontology: Ontology, coder_log: CoderLog
) -> Scored:
    """P/R/F1 at three levels, per-type F1, type confusion and actor-match rates."""
    coded = code_texts(coder, [(g.id, g.text, g.date) for g in gold.lines], coder_log)
    levels = {name: PRF() for name in LEVELS}
    labels = LabelCounts()
    confusion = Confusion()
    rates = _ActorRates()
    n_gold = no_event_sentences = false_alarm_sentences = n_pred = 0
    label_space = {g.type.label for line in gold.lines for g in gold_events(line.events, ontology)}
    for line in gold.lines:
        golds = gold_events(line.events, ontology)
        preds = [e for e in coded.get(line.id, []) if is_scored_prediction(e, ontology)]
        n_gold += len(golds)
        n_pred += len(preds)
        if not golds:
            no_event_sentences += 1
            false_alarm_sentences += bool(preds)
        for name in LEVELS:
            m = match_sentence(preds, golds, name)
            levels[name].tp += len(m.pairs)
            levels[name].fp += len(m.false_positives)
            levels[name].fn += len(m.missed)
            if name != "type":
                continue
            for pi, gi in m.pairs:
                labels.hit(golds[gi].type.label)
                confusion.add(golds[gi].type.label, golds[gi].type.label)
                rates.add(preds[pi], golds[gi])
            for gi in m.missed:
                labels.miss(golds[gi].type.label)
            for pi in m.false_positives:
                labels.spurious(count_label(preds[pi].event_type, label_space, ontology))
            _add_confusions(confusion, line, preds, golds, m, label_space, ontology)

    figures: dict[str, Any] = {
        "macro_f1": round(labels.macro_f1(), 4),
        "micro_f1": round(levels["type"].f1, 4),
        **{name: levels[name].as_dict() for name in LEVELS},
        "per_type": labels.per_type(),
        "actor_match": rates.as_dict(),
        "gold_events": n_gold,
        "predicted_events": n_pred,
        "no_event_sentences": no_event_sentences,
        "no_event_sentences_with_predictions": false_alarm_sentences,
    }
    figures["f1_type_source"] = figures["type_source"]["f1"]
    figures["f1_type_source_target"] = figures["type_source_target"]["f1"]
    return Scored(
        n=len(gold.lines),
        figures=figures,
        confusion=confusion,
        headline=("macro_f1", "micro_f1", "f1_type_source", "f1_type_source_target"),
    )
