"""Human-readable rendering of an :class:`EvalReport` (rich tables, returned as text)."""

from __future__ import annotations

import io
from typing import Any

from rich.console import Console
from rich.table import Table

from eventcoder.analysis.evaluate import EvalReport

__all__ = ["render_text"]


def _fmt(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.3f}"
    return "-" if value is None else str(value)


def _per_type(report: EvalReport) -> Table | None:
    per_type = report.figures.get("per_type") or {}
    if not per_type:
        return None
    table = Table(title="Per type", title_justify="left")
    for col in ("type", "precision", "recall", "f1", "support"):
        table.add_column(col, justify="left" if col == "type" else "right")
    for label, row in per_type.items():
        table.add_row(label, *(_fmt(row[k]) for k in ("precision", "recall", "f1", "support")))
    return table


def _levels(report: EvalReport) -> Table | None:
    rows = [
        (name, report.figures[name])
        for name in ("type", "type_source", "type_source_target")
        if name in report.figures
    ]
    if not rows:
        return None
    table = Table(title="Matching levels (end to end)", title_justify="left")
    for col in ("level", "precision", "recall", "f1", "tp", "fp", "fn"):
        table.add_column(col, justify="left" if col == "level" else "right")
    for name, row in rows:
        table.add_row(
            name, *(_fmt(row[k]) for k in ("precision", "recall", "f1", "tp", "fp", "fn"))
        )
    return table


def _confusion(report: EvalReport) -> Table | None:
    if report.confusion is None or not report.confusion.cells:
        return None
    labels = report.confusion.labels()
    table = Table(
        title="Confusion (rows: gold, columns: predicted, first 4 letters)",
        title_justify="left",
        box=None,
        padding=(0, 1),
    )
    table.add_column("gold \\ pred", no_wrap=True)
    for label in labels:
        table.add_column(label[:4], justify="right", no_wrap=True)
    for gold in labels:
        cells = [report.confusion.cells.get((gold, p), 0) for p in labels]
        if any(cells):
            table.add_row(gold, *(str(c) if c else "." for c in cells))
    return table


def _scalars(report: EvalReport) -> Table:
    table = Table(title=f"{report.name} ({report.kind})", title_justify="left", show_header=False)
    table.add_column("figure")
    table.add_column("value", justify="right")
    skip = {"per_type", "type", "type_source", "type_source_target", "location_misses", "reliability"}
    for key, value in report.figures.items():
        if key in skip:
            continue
        if isinstance(value, dict):
            for sub, v in value.items():
                table.add_row(f"{key}.{sub}", _fmt(v))
        else:
            table.add_row(key, _fmt(value))
    table.add_row("sentences/s", _fmt(report.sentences_per_s))
    table.add_row("bad gold lines", str(len(report.bad_lines)))
    table.add_row("coder failures", str(len(report.coder_failures)))
    return table


def _reliability(report: EvalReport) -> Table | None:
    """Confidence bins against how often the type was right (predicted pairs only)."""
    rel = report.figures.get("reliability")
    if not isinstance(rel, dict) or not rel.get("bins"):
        return None
    table = Table(
        title=f"confidence reliability (ECE {rel['ece']}, n={rel['n']})", title_justify="left"
    )
    for col in ("confidence", "n", "mean confidence", "accuracy"):
        table.add_column(col, justify="right")
    for b in rel["bins"]:
        table.add_row(
            f"{b['from']:.1f}-{b['to']:.1f}", str(b["n"]), _fmt(b["mean_confidence"]), _fmt(b["accuracy"])
        )
    return table


def _errors(report: EvalReport, n: int, console: Console) -> None:
    worst = report.worst_confusions(n)
    if worst:
        console.print(f"[bold]Worst {len(worst)} confusions[/bold]")
    for cell in worst:
        console.print(f"  {cell['gold']} -> {cell['predicted']}: {cell['count']}")
        for ex in cell["examples"]:
            console.print(f"    [{ex['id']}] {ex['text']}", markup=False, highlight=False)
            preds = ex["predicted"] if isinstance(ex["predicted"], list) else [ex["predicted"]]
            console.print(f"      gold: {ex['gold']}", markup=False, highlight=False)
            if not preds:
                console.print("      predicted: nothing", markup=False, highlight=False)
            for p in preds:
                console.print(f"      predicted: {p}", markup=False, highlight=False)
    misses = report.figures.get("location_misses") or []
    if misses and n > 0:
        console.print("[bold]Location misses[/bold]")
        for m in misses[:n]:
            console.print(
                f"  [{m['id']}] {m['reason']}: gold={m['gold']} predicted={m['predicted']}: {m['text']}",
                markup=False,
                highlight=False,
            )
    for b in report.bad_lines[:n]:
        console.print(f"  bad gold line {b.lineno}: {b.reason}", markup=False)
    for f in report.coder_failures[:n]:
        console.print(f"  coder failed on {f['id']}: {f['error']}", markup=False)


def render_text(report: EvalReport, *, errors: int = 0, width: int = 120) -> str:
    """Tables for the figures, per-type scores and confusion, then the SUMMARY line."""
    buffer = io.StringIO()
    n_labels = len(report.confusion.labels()) if report.confusion is not None else 0
    width = max(width, 16 + 6 * n_labels)
    console = Console(
        file=buffer, width=width, force_terminal=False, color_system=None, soft_wrap=True
    )
    console.print(_scalars(report))
    for table in (_levels(report), _per_type(report), _reliability(report), _confusion(report)):
        if table is not None:
            console.print(table)
    if errors:
        _errors(report, errors, console)
    console.print(f"SUMMARY {report.summary}", markup=False, highlight=False)
    return buffer.getvalue()
