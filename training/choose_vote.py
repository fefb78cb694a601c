"""Choose how much the lexicon's type counts in the learned vote, on our own held-out pairs.

The learned mode adds ``LEXICON_BONUS`` to the classifier's probability of the type the rules give
(when the rules' trigger connects the pair). This script measures, on the held-out split that
``train.py`` makes from our own data (the same seed, so none of these pairs was trained on), the
macro-F1 of the rules alone, the classifier alone and the vote for several bonuses, and prints them.
It never reads ../shared.

Usage (repo root, after training):
    python training/choose_vote.py [--model DIR] [--threads 1] [--limit N]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import torch  # noqa: E402
from train import load_rows, split  # noqa: E402
from train import macro_f1 as train_macro_f1  # noqa: E402

from eventcoder.coder import Coder  # noqa: E402
from eventcoder.events.classifier import NONE_LABEL, PairClassifier  # noqa: E402
from eventcoder.events.learned import vote  # noqa: E402
from eventcoder.pipeline import lexicon_pair  # noqa: E402

BONUSES = (0.0, 0.1, 0.25, 0.5, 1.0)


def macro_f1(gold: list[str], pred: list[str]) -> float:
    """Macro-F1 over the labels present in ``gold`` (``train.macro_f1`` on label names)."""
    names = sorted(set(gold) | set(pred))
    number = {name: k for k, name in enumerate(names)}
    f1, _ = train_macro_f1([number[g] for g in gold], [number[p] for p in pred], range(len(names)))
    return f1


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", type=Path, default=None)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--limit", type=int, default=None, help="score only the first N held-out pairs")
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    _, test = split(load_rows())
    # pairs with an event, written by hand (templates are easy for both); NONE pairs kept apart
    rows = [r for r in test if not r.get("template") and r["label"] != NONE_LABEL]
    rows = rows[: args.limit] if args.limit else rows
    clf = PairClassifier.load(args.model)
    if clf is None:
        raise SystemExit("the classifier could not be loaded (see the log above)")
    coder = Coder(mode="fast")
    gold, rules, lexicon_types = [], [], []
    for r in rows:
        src = tuple(r["source"]) if isinstance(r.get("source"), list) else None
        tgt = tuple(r["target"]) if isinstance(r.get("target"), list) else None
        _, _, best, connected = lexicon_pair(coder, r["text"], src, tgt)
        gold.append(r["label"])
        rules.append(best.final_type if best is not None else NONE_LABEL)
        lexicon_types.append(best.final_type if best is not None and connected else None)
    probs = clf.predict([r["marked"] for r in rows])
    print(f"{len(rows)} held-out hand-written pairs with an event")
    print(f"rules alone (fast mode): macro-F1 {macro_f1(gold, rules):.3f}")
    alone = [vote(p, None, allow_none=False).event_type for p in probs]
    print(f"classifier alone:        macro-F1 {macro_f1(gold, alone):.3f}")
    for bonus in BONUSES:
        pred = [vote(p, t, allow_none=False, bonus=bonus).event_type for p, t in zip(probs, lexicon_types, strict=True)]
        print(f"vote, lexicon bonus {bonus:<4}: macro-F1 {macro_f1(gold, pred):.3f}")


if __name__ == "__main__":
    main()
