"""``eventcoder run INPUT... --out DIR``: code many articles into Parquet and DuckDB, resumably."""

from __future__ import annotations

from pathlib import Path

import click
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from eventcoder.cli.options import (
    coder_mode,
    dictionaries_option,
    max_bytes_option,
    mode_options,
    statements_option,
)
from eventcoder.ingest import DEFAULT_MAX_BYTES
from eventcoder.scale.engines import ENGINES
from eventcoder.scale.runner import RunSummary, run_batch
from eventcoder.scale.worker import (
    DEFAULT_FACTORY,
    LEARNED_FACTORY,
    STATING_FACTORY,
    STATING_LEARNED_FACTORY,
)

__all__ = ["command", "format_summary"]


class _RateColumn(ProgressColumn):
    """Articles per second, averaged by rich over the last half minute."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(
            "  -- articles/s" if speed is None else f"{speed:6.1f} articles/s", style="cyan"
        )


class _BarProgress:
    """A ``ProgressSink`` drawn as a rich progress bar on stderr."""

    def __init__(self, console: Console):
        self._progress = Progress(
            TextColumn("coding"),
            BarColumn(),
            MofNCompleteColumn(),
            _RateColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            TimeElapsedColumn(),
            console=console,
            transient=False,
        )
        self._task: TaskID | None = None

    def __enter__(self) -> _BarProgress:
        self._progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._progress.stop()

    def start(self, total: int | None) -> None:
        self._task = self._progress.add_task("coding", total=total)

    def advance(self, articles: int) -> None:
        if self._task is None:
            return
        task = self._progress.tasks[0]
        if task.total is not None and task.completed + articles > task.total:
            self._progress.update(self._task, total=task.completed + articles)
        self._progress.advance(self._task, articles)


def format_summary(s: RunSummary) -> str:
    """The end-of-run summary printed on stderr."""
    lines = [
        f"Output in {s.out}",
        f"  articles read     {s.articles:>10,}",
        f"  coded, events     {s.coded:>10,}",
        f"  coded, no event   {s.no_event:>10,}",
        f"  rejected          {s.rejected:>10,}"
        + (
            " (" + ", ".join(f"{k}: {v:,}" for k, v in s.rejected_by_kind.items()) + ")"
            if s.rejected_by_kind
            else ""
        ),
    ]
    if s.failed:
        lines.append(f"  coder errors      {s.failed:>10,}  (see errors.jsonl)")
    lines += [
        f"  sentences         {s.sentences:>10,}",
        f"  events            {s.events:>10,}",
        f"  time              {s.seconds:>10.1f} s"
        + (
            f" (resumed: {s.chunks_resumed} of {s.chunks} chunks were already done)"
            if s.chunks_resumed
            else ""
        ),
    ]
    return "\n".join(lines)


@click.command("run")
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option(
    "--out",
    "out",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Output folder: events.parquet, articles.parquet, errors.jsonl, eventcoder.duckdb.",
)
@click.option(
    "--workers",
    "-w",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Worker processes.",
)
@click.option(
    "--engine",
    type=click.Choice(list(ENGINES)),
    default="local",
    show_default=True,
    help="local: processes on this machine; dask: a Dask cluster (local unless --scheduler).",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    default=None,
    help="Dask scheduler address (tcp://10.0.0.5:8786) or scheduler file (JSON).",
)
@click.option(
    "--batch-size",
    type=click.IntRange(min=1),
    default=32,
    show_default=True,
    help="Articles per spaCy batch.",
)
@dictionaries_option(folders=False)
@max_bytes_option(
    DEFAULT_MAX_BYTES, "Reject input files (JSONL/CSV/WARC: records) larger than this many bytes."
)
@click.option(
    "--force", is_flag=True, help="Replace the output of a different earlier run in --out."
)
@click.option(
    "--fail-fast",
    is_flag=True,
    help="Stop at the first bad input or coder error instead of recording it.",
)
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@click.option("--chunk-size", type=click.IntRange(min=1), default=None, hidden=True)
@mode_options
@statements_option
@click.option("--coder-factory", default=DEFAULT_FACTORY, hidden=True)
def command(
    inputs: tuple[str, ...],
    out: Path,
    workers: int,
    engine: str,
    scheduler: str | None,
    batch_size: int,
    dictionaries: tuple[Path, ...],
    max_bytes: int,
    force: bool,
    fail_fast: bool,
    quiet: bool,
    chunk_size: int | None,
    fast: bool,
    learned: bool,
    statements: bool,
    coder_factory: str,
) -> None:
    """Code every article in INPUT... (files, folders, .warc.gz, or - for stdin) into --out.

    Killed and run again with the same command, it resumes where it stopped.

    Example: eventcoder run news/ --out coded/ --workers 2
    """
    console = Console(stderr=True)
    coder_mode(fast, learned)  # rejects --fast with --learned
    if coder_factory == DEFAULT_FACTORY:
        coder_factory = {
            (False, False): DEFAULT_FACTORY,
            (True, False): LEARNED_FACTORY,
            (False, True): STATING_FACTORY,
            (True, True): STATING_LEARNED_FACTORY,
        }[learned, statements]
    kwargs = dict(
        engine=engine,
        workers=workers,
        scheduler=scheduler,
        batch_size=batch_size,
        dictionaries=dictionaries,
        max_bytes=max_bytes,
        force=force,
        fail_fast=fail_fast,
        chunk_size=chunk_size,
        coder_factory=coder_factory,
    )
    if quiet:
        summary = run_batch(list(inputs), out, **kwargs)  # type: ignore[arg-type]
    else:
        with _BarProgress(console) as bar:
            summary = run_batch(list(inputs), out, progress=bar, **kwargs)  # type: ignore[arg-type]
    console.print(format_summary(summary), highlight=False)
