"""Batch engines, chosen by name: ``local`` (this machine's processes) and ``dask`` (a Dask cluster).

An engine takes an iterator of chunks and yields their ``ChunkOutput`` as they finish, in any
order; the runner writes them. Engines are context managers: entering starts the workers,
leaving stops them. An engine keeps only a few chunks in flight per worker, so memory stays
bounded however large the input is.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from types import TracebackType
from typing import Protocol

from eventcoder.errors import ConfigError
from eventcoder.scale.chunks import Chunk
from eventcoder.scale.worker import ChunkOutput, CoderSpec

__all__ = ["ENGINES", "Engine", "make_engine"]


class Engine(Protocol):
    """What the runner needs from an engine."""

    name: str

    def __enter__(self) -> Engine: ...

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...

    def run(self, chunks: Iterator[Chunk], spec: CoderSpec) -> Iterator[ChunkOutput]:
        """Code ``chunks``, yielding outputs as they finish (any order)."""
        ...


def _local(*, workers: int, scheduler: str | None) -> Engine:
    from eventcoder.scale.local import LocalEngine

    if scheduler:
        raise ConfigError(
            f"--scheduler {scheduler} needs --engine dask; the local engine runs on this machine"
        )
    return LocalEngine(workers=workers)


def _dask(*, workers: int, scheduler: str | None) -> Engine:
    from eventcoder.scale.dask import DaskEngine

    return DaskEngine(workers=workers, scheduler=scheduler)


#: Engine name -> factory. Version a name if its behaviour changes.
ENGINES: dict[str, Callable[..., Engine]] = {"local": _local, "dask": _dask}


def make_engine(name: str, *, workers: int = 1, scheduler: str | None = None) -> Engine:
    """The engine called ``name``; ConfigError lists the names when it is unknown."""
    if workers < 1:
        raise ConfigError(f"--workers {workers}: give at least 1 worker")
    try:
        factory = ENGINES[name]
    except KeyError:
        raise ConfigError(f"Unknown engine {name!r}. Available: {', '.join(ENGINES)}.") from None
    return factory(workers=workers, scheduler=scheduler)
