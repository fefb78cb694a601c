"""Measure the pair classifier on ../shared/eval/plv_dev.jsonl (given actors). Measure only: never tune on it.

Gold labels use the older PLOVER set, where YIELD stands for CONCEDE or RETREAT; predictions of either
count as YIELD. Each pair has an event, so the prediction is the most probable of the 16 types (NONE is
left out; the share of pairs the model would call NONE is reported separately). Prints macro-F1,
per-type F1, the reliability of the calibrated confidence (ECE, 10 bins) and the throughput.

Usage (from the repo root):
    python training/eval_plv.py [--threads 1] [--model DIR]
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import torch

from eventcoder.events.classifier import NONE_LABEL, PairClassifier
from eventcoder.ontology import load_ontology

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT / ".." / "shared"
YIELD = {"CONCEDE", "RETREAT"}


def to_our_marks(marked: str) -> str:
    return (marked.replace("<s>", "[S] ").replace("</s>", " [/S]")
            .replace("<t>", "[T] ").replace("</t>", " [/T]"))  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--model", type=Path, default=None)
    ap.add_argument("--file", default="plv_dev.jsonl")
    args = ap.parse_args()
    path = SHARED / "eval" / args.file
    if not path.is_file():
        raise SystemExit(f"{path} is absent: put the shared folder beside the checkout")
    torch.set_num_threads(args.threads)
    onto = load_ontology()
    clf = PairClassifier.load(args.model)
    if clf is None:
        raise SystemExit("the classifier could not be loaded (see the log above)")

    texts, gold = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        for ev in row["events"]:
            label = (ev.get("plover") or "").upper()
            if not ev.get("marked_sentence") or not onto.normalise_label(label):
                continue
            texts.append(to_our_marks(ev["marked_sentence"]))
            gold.append(label)

    clf.predict(texts[:32])  # warm-up
    t0, c0 = time.perf_counter(), time.process_time()
    probs = clf.predict(texts)
    secs, cpu = time.perf_counter() - t0, time.process_time() - c0

    preds, confs, none_top = [], [], 0
    for p in probs:
        if max(p, key=p.__getitem__) == NONE_LABEL:
            none_top += 1
        typed = {k: v for k, v in p.items() if k != NONE_LABEL}
        z = sum(typed.values())
        best = max(typed, key=typed.__getitem__)
        preds.append("YIELD" if best in YIELD else best)
        confs.append(typed[best] / z)

    labels = sorted(set(gold))
    print(f"{path.name}: {len(gold)} pairs, {len(labels)} gold labels")
    f1s = {}
    for lab in labels:
        tp = sum(g == lab and p == lab for g, p in zip(gold, preds, strict=True))
        fp = sum(g != lab and p == lab for g, p in zip(gold, preds, strict=True))
        fn = sum(g == lab and p != lab for g, p in zip(gold, preds, strict=True))
        f1s[lab] = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    acc = sum(g == p for g, p in zip(gold, preds, strict=True)) / len(gold)
    print(f"macro-F1 {sum(f1s.values()) / len(f1s):.3f}  accuracy {acc:.3f}")
    for lab in labels:
        print(f"  {lab:10s} F1 {f1s[lab]:.3f}  (n={gold.count(lab)})")
    print(f"model's top label was NONE for {none_top} pairs ({none_top / len(gold):.1%})")

    bins = [[0, 0.0, 0.0] for _ in range(10)]
    for c, g, p in zip(confs, gold, preds, strict=True):
        b = bins[min(9, int(c * 10))]
        b[0] += 1
        b[1] += c
        b[2] += g == p
    ece = sum(abs(s - k) for n, s, k in bins if n) / len(gold)
    print(f"reliability (temperature {clf.temperature:.3f}): ECE {ece:.3f}")
    for i, (n, s, k) in enumerate(bins):
        if n:
            print(
                f"  conf {i / 10:.1f}-{(i + 1) / 10:.1f}: n={n:4d} mean conf {s / n:.2f} accuracy {k / n:.2f}"
            )
    print(
        f"speed: {len(texts) / secs:.0f} pairs/s wall on {args.threads} thread(s), "
        f"{len(texts) / cpu:.0f} pairs per CPU-second (batch 64)"
    )


if __name__ == "__main__":
    main()
