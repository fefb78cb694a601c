"""CAMEO and PLOVER tables: codes, names, Goldstein values, quad classes and the mapping between them.

Data lives in ``eventcoder/data/ontology`` (``cameo.csv``, ``plover.yaml``); this module reads it once.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

import yaml

from eventcoder.errors import DataFileError

__all__ = ["CameoCode", "PloverType", "Ontology", "load_ontology"]


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str
    root: str
    name: str
    goldstein: float
    quad_class: int
    plover_type: str | None
    plover_mode: str | None
    plover_context: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PloverType:
    name: str
    quad: int
    default_cameo: str
    modes: tuple[str, ...]
    gloss: str


@dataclass(frozen=True, slots=True)
class Ontology:
    cameo: dict[str, CameoCode]
    plover: dict[str, PloverType]
    legacy_labels: dict[str, tuple[str, ...]]
    penta: dict[int, str]
    penta_roots: dict[str, int] = field(default_factory=dict)  # CAMEO root -> penta class, where not the quad
    #: agent (sector) codes of other versions -> the code eventcoder writes (JRN -> MED)
    agent_aliases: dict[str, str] = field(default_factory=dict)

    def code(self, code: str) -> CameoCode:
        """The CAMEO code record; raises KeyError naming the code if unknown."""
        try:
            return self.cameo[code]
        except KeyError:
            raise KeyError(f"unknown CAMEO code {code!r}") from None

    def plover_of(self, cameo: str) -> str | None:
        c = self.cameo.get(cameo)
        return c.plover_type if c else None

    def normalise_label(self, label: str | None) -> tuple[str, ...]:
        """2023 PLOVER types an (old or new) gold label stands for; () for no event."""
        if not label:
            return ()
        label = label.strip().upper()
        if label in self.plover:
            return (label,)
        if label in self.legacy_labels:
            return self.legacy_labels[label]
        return ()

    def penta_of(self, cameo_root: str | None) -> int:
        """The Phoenix PentaClass of a CAMEO root: ``penta_roots`` in plover.yaml (statements and
        appeals 0, protest 4, reducing relations 3), else the quad class; 0 without a code."""
        if not cameo_root:
            return 0
        if cameo_root in self.penta_roots:
            return self.penta_roots[cameo_root]
        return self.cameo[cameo_root].quad_class


def _read_text(name: str) -> str:
    return resources.files("eventcoder.data.ontology").joinpath(name).read_text(encoding="utf-8")


@cache
def load_ontology() -> Ontology:
    """Load the packaged ontology tables (cached)."""
    cameo: dict[str, CameoCode] = {}
    for lineno, row in enumerate(csv.DictReader(io.StringIO(_read_text("cameo.csv"))), start=2):
        try:
            cameo[row["code"]] = CameoCode(
                code=row["code"],
                root=row["root"],
                name=row["name"],
                goldstein=float(row["goldstein"]),
                quad_class=int(row["quad_class"]),
                plover_type=row["plover_type"] or None,
                plover_mode=row["plover_mode"] or None,
                plover_context=tuple(c for c in row["plover_context"].split(";") if c),
            )
        except (KeyError, ValueError) as exc:
            raise DataFileError(f"bad CAMEO row: {exc}", path="cameo.csv", line=lineno) from exc
    raw = yaml.safe_load(_read_text("plover.yaml"))
    plover = {
        name: PloverType(
            name=name,
            quad=int(v["quad"]),
            default_cameo=str(v["default_cameo"]),
            modes=tuple(v.get("modes") or ()),
            gloss=v.get("gloss", ""),
        )
        for name, v in raw["types"].items()
    }
    for p in plover.values():
        if p.default_cameo not in cameo:
            raise DataFileError(f"{p.name}: default_cameo {p.default_cameo} is not a CAMEO code", path="plover.yaml")
    legacy = {k: tuple(v) for k, v in raw["legacy_labels"].items()}
    penta = {int(k): v for k, v in raw["penta"].items()}
    penta_roots = {str(k): int(v) for k, v in (raw.get("penta_roots") or {}).items()}
    for root, cls in penta_roots.items():
        if root not in cameo or cls not in penta:
            raise DataFileError(f"penta_roots: {root!r} -> {cls!r} is not a CAMEO root and penta class", path="plover.yaml")
    aliases = {str(k).upper(): str(v).upper() for k, v in (raw.get("agent_aliases") or {}).items()}
    return Ontology(cameo=cameo, plover=plover, legacy_labels=legacy, penta=penta, penta_roots=penta_roots, agent_aliases=aliases)
