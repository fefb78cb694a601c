"""Score a coder against one gold file: pick the scorer, time it, build the report."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eventcoder.analysis.coding import CoderLike, CoderLog
from eventcoder.analysis.endtoend import score_end_to_end
from eventcoder.analysis.gold import KINDS, BadLine, detect_kind, read_gold
from eventcoder.analysis.location import score_location
from eventcoder.analysis.metrics import Confusion, Scored
from eventcoder.analysis.multicoder import score_multicoder
from eventcoder.analysis.pairs import score_pairs
from eventcoder.analysis.penta import score_penta
from eventcoder.errors import ConfigError, InputError
from eventcoder.ontology import load_ontology

__all__ = ["EvalReport", "evaluate"]


@dataclass(frozen=True, slots=True)
class EvalReport:
    """The result of scoring one gold file."""

    file: str
    name: str
    kind: str
    n: int
    n_lines: int
    bad_lines: tuple[BadLine, ...]
    coder_failures: tuple[dict[str, str], ...]
    seconds: float
    figures: dict[str, Any]
    confusion: Confusion | None
    headline: tuple[str, ...] = field(default_factory=tuple)

    @property
    def summary(self) -> str:
        """One line, e.g. ``plv_dev: n=1044 macro_f1=0.61 micro_f1=0.66``."""
        parts = [f"{self.name}: n={self.n}"]
        for key in self.headline:
            value = self.figures.get(key)
            parts.append(f"{key}={value:.2f}" if isinstance(value, float) else f"{key}={value}")
        if self.bad_lines:
            parts.append(f"bad_lines={len(self.bad_lines)}")
        if self.coder_failures:
            parts.append(f"coder_failures={len(self.coder_failures)}")
        return " ".join(parts)

    @property
    def sentences_per_s(self) -> float:
        return round(self.n / self.seconds, 2) if self.seconds > 0 else 0.0

    def worst_confusions(self, n: int) -> list[dict[str, Any]]:
        return self.confusion.worst(n) if self.confusion is not None and n > 0 else []

    def to_dict(self, *, errors: int = 0) -> dict[str, Any]:
        """JSON-ready: ``n``, ``macro_f1``, ``micro_f1``, ``per_type``, ``confusion``, ``summary``…"""
        out: dict[str, Any] = {
            "file": self.file,
            "kind": self.kind,
            "n": self.n,
            "n_lines": self.n_lines,
        }
        out.update({k: v for k, v in self.figures.items() if k != "location_misses" or errors})
        out["confusion"] = self.confusion.as_dict() if self.confusion is not None else {}
        out["bad_lines"] = {
            "count": len(self.bad_lines),
            "first": [{"line": b.lineno, "reason": b.reason} for b in self.bad_lines[:10]],
        }
        out["coder_failures"] = {
            "count": len(self.coder_failures),
            "first": list(self.coder_failures[:10]),
        }
        out["seconds"] = round(self.seconds, 2)
        out["sentences_per_s"] = self.sentences_per_s
        if errors:
            out["errors"] = self.worst_confusions(errors)
        out["summary"] = self.summary
        return out


def evaluate(
    path: str | Path,
    coder: CoderLike,
    *,
    kind: str | None = None,
    given_actors: bool | None = None,
    limit: int | None = None,
) -> EvalReport:
    """Score ``coder`` on the gold file at ``path``.

    ``kind`` is detected from the file's fields when None (see ``gold.KINDS``). ``given_actors``
    None means: use the given actor spans where the file has them (pairs, penta). Raises
    InputError for an unreadable file or one with no scorable lines, ConfigError for a kind or
    ``given_actors`` the file does not support.

    Example:
        >>> report = evaluate("plv_dev.jsonl", Coder(), limit=50)
        >>> print(report.summary)
    """
    gold = read_gold(path, limit=limit)
    if not gold.lines:
        reason = (
            f" ({len(gold.bad)} unreadable lines, first: {gold.bad[0].reason})" if gold.bad else ""
        )
        raise InputError(
            f"no gold lines to score in {str(path)!r}{reason}; is it a gold JSON-lines file?"
        )
    found = detect_kind(gold.lines)
    kind = kind or found
    if kind not in KINDS:
        raise ConfigError(
            f"cannot tell how to score {str(path)!r} (kind {kind!r}); expected one of: {', '.join(KINDS)}"
        )
    if given_actors and kind not in ("pairs", "penta"):
        raise ConfigError(
            f"--given-actors needs gold actor spans, which {gold.name} ({kind}) does not have; "
            "drop the option"
        )
    use_given = given_actors if given_actors is not None else True
    ontology = load_ontology()
    coder_log = CoderLog()
    started = time.perf_counter()
    scored: Scored
    if kind == "pairs":
        scored = score_pairs(gold, coder, ontology, coder_log, given_actors=use_given)
    elif kind == "penta":
        scored = score_penta(gold, coder, ontology, coder_log, given_actors=use_given)
    elif kind == "multicoder":
        scored = score_multicoder(gold, coder, ontology, coder_log)
    elif kind == "location":
        scored = score_location(gold, coder, ontology, coder_log)
    else:
        scored = score_end_to_end(gold, coder, ontology, coder_log)
    seconds = time.perf_counter() - started
    return EvalReport(
        file=str(path),
        name=gold.name,
        kind=kind,
        n=scored.n,
        n_lines=len(gold.lines) + len(gold.bad),
        bad_lines=gold.bad,
        coder_failures=tuple(coder_log.failures),
        seconds=seconds,
        figures=scored.figures,
        confusion=scored.confusion,
        headline=scored.headline,
    )
