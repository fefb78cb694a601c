"""Five-class typing (penta_dev): 0 statement, 1 verbal cooperation, 2 material cooperation,
3 verbal conflict, 4 material conflict.

The prediction is ``Ontology.penta_of`` of the coder's best event's CAMEO root; no event, or a
statement (root 01), is class 0. With ``given_actors`` and findable actor strings (or the two
``reciprocal_actors``), ``Coder.code_pair`` is used; otherwise the sentence is coded end to end
and the most confident event stands for it.
"""

from __future__ import annotations

from eventcoder.analysis.coding import (
    CoderLike,
    CoderLog,
    best_event,
    code_pair_safely,
    code_texts,
    describe,
)
from eventcoder.analysis.gold import GoldFile, GoldLine, find_surface
from eventcoder.analysis.metrics import Confusion, LabelCounts, Scored
from eventcoder.ontology import Ontology
from eventcoder.records import Event

__all__ = ["penta_spans", "score_penta"]

Span = tuple[int, int]


def penta_spans(line: GoldLine) -> tuple[Span | None, Span | None] | None:
    """Given actor spans of a penta line, or None when the line has none that can be found."""
    if not line.raw.get("has_actor_spans") or not line.events:
        return None
    event = line.events[0]
    names = [event.get("source"), event.get("target")]
    if not any(names) and isinstance(event.get("reciprocal_actors"), list):
        names = (list(event["reciprocal_actors"]) + [None, None])[:2]
    src = find_surface(line.text, names[0])
    tgt = find_surface(line.text, names[1], near=src[1] if src else None)
    if src is None and tgt is None:
        return None
    return src, tgt


def _penta(event: Event | None, ontology: Ontology) -> int:
    if event is None:
        return 0
    try:
        return ontology.penta_of(event.cameo_root)
    except KeyError:
        return 0


def score_penta(
    gold: GoldFile,
    coder: CoderLike,
    ontology: Ontology,
    coder_log: CoderLog,
    *,
    given_actors: bool = True,
) -> Scored:
    lines = [g for g in gold.lines if g.events and isinstance(g.events[0].get("penta"), int)]
    spans = {g.id: penta_spans(g) for g in lines} if given_actors else {}
    to_code = [(g.id, g.text, g.date) for g in lines if spans.get(g.id) is None]
    coded = code_texts(coder, to_code, coder_log)
    labels = LabelCounts()
    confusion = Confusion()
    correct = used_pairs = 0
    for g in lines:
        span = spans.get(g.id)
        if span is not None:
            used_pairs += 1
            pred = code_pair_safely(coder, g.id, g.text, span[0], span[1], coder_log, date=g.date)
        else:
            pred = best_event(coded.get(g.id, []))
        want, got = str(g.events[0]["penta"]), str(_penta(pred, ontology))
        if want == got:
            correct += 1
            labels.hit(want)
            confusion.add(want, got)
            continue
        labels.miss(want)
        labels.spurious(got)
        confusion.add(
            want, got, {"id": g.id, "text": g.text, "gold": want, "predicted": describe(pred)}
        )
    n = len(lines)
    figures = {
        "accuracy": round(correct / n, 4) if n else 0.0,
        "macro_f1": round(labels.macro_f1(), 4),
        "micro_f1": round(labels.micro().f1, 4),
        "per_type": labels.per_type(),
        "coded_with_given_actors": used_pairs,
        "given_actors": given_actors,
    }
    return Scored(n=n, figures=figures, confusion=confusion, headline=("accuracy", "macro_f1"))
