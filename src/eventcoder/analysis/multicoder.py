"""CAMEO root agreement with a human majority (multicoder).

Each row is one sentence coded by 2-5 people; ``events`` is the majority coding. Rows nobody
coded (``n_coders`` 0) are skipped. Identical sentences are coded once.

* relevance: gold relevant when the majority has at least one event (statements included);
  predicted relevant when the coder returns any event.
* root agreement, on rows with majority events: the root of the coder's most confident event is
  one of the majority roots (``root_agreement``); ``root_agreement_any`` accepts any predicted root;
  ``root_agreement_events`` leaves statements (root 01) out on both sides, on rows whose majority
  has a non-statement event. A miss is shown in the confusion under the first non-01 majority root.
"""

from __future__ import annotations

from eventcoder.analysis.coding import CoderLike, CoderLog, best_event, code_texts, describe
from eventcoder.analysis.gold import GoldFile
from eventcoder.analysis.labels import NONE
from eventcoder.analysis.metrics import PRF, Confusion, LabelCounts, Scored
from eventcoder.ontology import Ontology

__all__ = ["score_multicoder"]


def _root(value: object) -> str | None:
    text = str(value or "").strip()
    return text[:2] if len(text) >= 2 and text[:2].isdigit() else None


def score_multicoder(
    gold: GoldFile, coder: CoderLike, ontology: Ontology, coder_log: CoderLog
) -> Scored:
    rows = [g for g in gold.lines if int(g.raw.get("n_coders") or 0) > 0]
    unique: dict[str, str] = {}
    for g in rows:
        unique.setdefault(g.text, g.id)
    coded = code_texts(coder, [(i, t, None) for t, i in unique.items()], coder_log)
    relevance = PRF()
    correct_rel = 0
    agree = agree_any = with_majority = 0
    agree_events = with_events = 0
    roots = LabelCounts()
    confusion = Confusion()
    for g in rows:
        events = coded.get(unique[g.text], [])
        gold_roots = [
            r for r in (_root(e.get("cameo_root") or e.get("cameo")) for e in g.events) if r
        ]
        gold_rel, pred_rel = bool(g.events), bool(events)
        correct_rel += gold_rel == pred_rel
        relevance.tp += gold_rel and pred_rel
        relevance.fp += pred_rel and not gold_rel
        relevance.fn += gold_rel and not pred_rel
        if not gold_roots:
            continue
        with_majority += 1
        event_roots = [r for r in gold_roots if r != "01"]
        if event_roots:
            with_events += 1
            best_scored = best_event([e for e in events if e.cameo_root != "01"])
            agree_events += best_scored is not None and best_scored.cameo_root in event_roots
        best = best_event(events)
        pred_root = best.cameo_root if best else None
        agree_any += any(e.cameo_root in gold_roots for e in events)
        if pred_root is not None and pred_root in gold_roots:
            agree += 1
            roots.hit(pred_root)
            confusion.add(pred_root, pred_root)
            continue
        shown = next((r for r in gold_roots if r != "01"), gold_roots[0])
        roots.miss(shown)
        if pred_root:
            roots.spurious(pred_root)
        example = {"id": g.id, "text": g.text, "gold": gold_roots, "predicted": describe(best)}
        confusion.add(shown, pred_root or NONE, example)
    n = len(rows)
    figures = {
        "root_agreement": round(agree / with_majority, 4) if with_majority else None,
        "root_agreement_any": round(agree_any / with_majority, 4) if with_majority else None,
        "rows_with_majority": with_majority,
        "root_agreement_events": round(agree_events / with_events, 4) if with_events else None,
        "rows_with_majority_events": with_events,
        "relevance_accuracy": round(correct_rel / n, 4) if n else None,
        "relevance": relevance.as_dict(),
        "unique_sentences": len(unique),
        "rows_without_coders": len(gold.lines) - n,
        "macro_f1": round(roots.macro_f1(), 4),
        "micro_f1": round(roots.micro().f1, 4),
        "per_type": roots.per_type(),
    }
    return Scored(
        n=n,
        figures=figures,
        confusion=confusion,
        headline=(
            "root_agreement",
            "root_agreement_events",
            "relevance_accuracy",
            "macro_f1",
            "micro_f1",
        ),
    )
