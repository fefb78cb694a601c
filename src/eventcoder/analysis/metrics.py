"""Counting: precision/recall/F1 per label and confusion matrices."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from eventcoder.analysis.labels import NONE

__all__ = ["Confusion", "LabelCounts", "PRF", "Scored", "mean", "prf", "reliability"]


@dataclass(slots=True)
class PRF:
    """True positives, false positives and false negatives."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


def prf(tp: int, fp: int, fn: int) -> PRF:
    return PRF(tp, fp, fn)


@dataclass(slots=True)
class LabelCounts:
    """Per-label counts; ``support`` is the number of gold items with that label."""

    counts: dict[str, PRF] = field(default_factory=lambda: defaultdict(PRF))

    def hit(self, label: str) -> None:
        self.counts[label].tp += 1

    def miss(self, label: str) -> None:
        self.counts[label].fn += 1

    def spurious(self, label: str) -> None:
        self.counts[label].fp += 1

    def micro(self) -> PRF:
        total = PRF()
        for c in self.counts.values():
            total.tp += c.tp
            total.fp += c.fp
            total.fn += c.fn
        return total

    def macro_f1(self) -> float:
        """Mean F1 over labels that occur in the gold data (support > 0)."""
        present = [c.f1 for c in self.counts.values() if c.tp + c.fn > 0]
        return sum(present) / len(present) if present else 0.0

    def per_type(self) -> dict[str, dict[str, Any]]:
        out = {}
        for label in sorted(self.counts):
            c = self.counts[label]
            out[label] = {
                "precision": round(c.precision, 4),
                "recall": round(c.recall, 4),
                "f1": round(c.f1, 4),
                "support": c.tp + c.fn,
            }
        return out


@dataclass(slots=True)
class Confusion:
    """Gold label x predicted label counts, with example ids for the off-diagonal cells."""

    cells: Counter[tuple[str, str]] = field(default_factory=Counter)
    examples: dict[tuple[str, str], list[dict[str, Any]]] = field(
        default_factory=lambda: defaultdict(list)
    )
    max_examples: int = 3

    def add(self, gold: str, predicted: str, example: dict[str, Any] | None = None) -> None:
        self.cells[(gold, predicted)] += 1
        if gold != predicted and example is not None:
            kept = self.examples[(gold, predicted)]
            if len(kept) < self.max_examples and all(
                k.get("id") != example.get("id") for k in kept
            ):
                kept.append(example)

    def labels(self) -> list[str]:
        names = {g for g, _ in self.cells} | {p for _, p in self.cells}
        return sorted(names - {NONE}) + ([NONE] if NONE in names else [])

    def as_dict(self) -> dict[str, dict[str, int]]:
        """``{gold: {predicted: count}}`` (only non-zero cells)."""
        out: dict[str, dict[str, int]] = {}
        for (g, p), n in sorted(self.cells.items()):
            out.setdefault(g, {})[p] = n
        return out

    def worst(self, n: int) -> list[dict[str, Any]]:
        """The ``n`` most frequent off-diagonal cells, with their examples."""
        wrong = [(cell, k) for cell, k in self.cells.items() if cell[0] != cell[1]]
        wrong.sort(key=lambda item: (-item[1], item[0]))
        return [
            {"gold": g, "predicted": p, "count": k, "examples": list(self.examples.get((g, p), []))}
            for (g, p), k in wrong[:n]
        ]


def mean(values: Iterable[float]) -> float:
    vals = list(values)
    return sum(vals) / len(vals) if vals else 0.0


@dataclass(slots=True)
class Scored:
    """What a scorer hands back: sentences scored, figures for the report, the confusion matrix."""

    n: int
    figures: dict[str, Any]
    confusion: Confusion | None = None
    headline: tuple[str, ...] = ()  # figure names for the SUMMARY line, in order


def reliability(pairs: Iterable[tuple[float, bool]], bins: int = 10) -> dict[str, Any]:
    """How well confidences match how often they are right: expected calibration error (ECE, the
    bin-size-weighted gap between mean confidence and accuracy over ``bins`` equal-width bins) and
    the bins themselves."""
    rows: list[list[tuple[float, bool]]] = [[] for _ in range(bins)]
    n = 0
    for conf, ok in pairs:
        c = min(max(float(conf), 0.0), 1.0)
        rows[min(int(c * bins), bins - 1)].append((c, bool(ok)))
        n += 1
    table = []
    gap = 0.0
    for i, row in enumerate(rows):
        if not row:
            continue
        mean_conf = sum(c for c, _ in row) / len(row)
        acc = sum(ok for _, ok in row) / len(row)
        gap += len(row) * abs(mean_conf - acc)
        table.append({"from": i / bins, "to": (i + 1) / bins, "n": len(row),
                      "mean_confidence": round(mean_conf, 3), "accuracy": round(acc, 3)})
    return {"ece": round(gap / n, 4) if n else None, "n": n, "bins": table}
