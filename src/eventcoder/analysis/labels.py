"""Gold labels -> the PLOVER 2023 types a prediction may have to count as correct.

Rules (also in ``eventcoder eval --help``):

* PLOVER labels go through ``Ontology.normalise_label``: older labels map to one or more 2023
  types (YIELD -> CONCEDE or RETREAT, DEMAND -> REQUEST, DISAPPROVE -> ACCUSE or REJECT,
  FIGHT -> ASSAULT, INVESTIGATE -> ACCUSE). ``A|B`` means either. A prediction matching any
  mapped type is correct and is counted under the gold's own label.
* A gold event with only a CAMEO code (or whose PLOVER type was derived from CAMEO) is mapped
  with ``Ontology.plover_of`` (trying the code, its 3-digit base, then its root).
* CAMEO root ``01`` (statements), or no PLOVER type at all, means "no event".
* Predicted events whose type is not a PLOVER type, or whose CAMEO root is ``01``, are ignored.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Any

from eventcoder.ontology import Ontology
from eventcoder.records import Event

__all__ = ["NONE", "GoldType", "count_label", "gold_type", "is_scored_prediction"]

#: Row/column name for "no event" in confusion matrices.
NONE = "NONE"


@dataclass(frozen=True, slots=True)
class GoldType:
    """The label a gold event is reported under and the 2023 types that match it."""

    label: str
    accepts: tuple[str, ...]


def _from_label(label: str, ontology: Ontology) -> GoldType | None:
    accepts: list[str] = []
    for part in label.split("|"):
        for t in ontology.normalise_label(part):
            if t not in accepts:
                accepts.append(t)
    return GoldType(label.strip().upper(), tuple(accepts)) if accepts else None


def _from_cameo(code: str, ontology: Ontology) -> GoldType | None:
    for candidate in (code, code[:3], code[:2]):
        if candidate in ontology.cameo:
            plover = ontology.plover_of(candidate)
            return GoldType(plover, (plover,)) if plover else None
    return None


def gold_type(event: Mapping[str, Any], ontology: Ontology) -> GoldType | None:
    """The gold event's type, or None when it counts as "no event"."""
    cameo = str(event.get("cameo") or "").strip()
    root = str(event.get("cameo_root") or cameo[:2])
    if root == "01":
        return None
    plover = event.get("plover")
    if isinstance(plover, str) and plover.strip() and not event.get("plover_derived"):
        return _from_label(plover, ontology)
    if cameo:
        mapped = _from_cameo(cameo, ontology)
        if mapped is not None or cameo[:3] in ontology.cameo:
            return mapped
    if isinstance(plover, str) and plover.strip():
        return _from_label(plover, ontology)
    return None


def is_scored_prediction(event: Event, ontology: Ontology) -> bool:
    """Predicted events that take part in type scoring (PLOVER types, not statements)."""
    return event.event_type in ontology.plover and event.cameo_root != "01"


def count_label(predicted: str, label_space: Collection[str], ontology: Ontology) -> str:
    """The label a wrong prediction is counted under, so precision lines up with gold labels.

    A type that is itself a gold label stays; otherwise the first older gold label that maps to
    it (CONCEDE -> YIELD when the gold uses YIELD); otherwise the type itself.
    """
    if predicted in label_space:
        return predicted
    for old, new in ontology.legacy_labels.items():
        if old in label_space and predicted in new:
            return old
    return predicted
