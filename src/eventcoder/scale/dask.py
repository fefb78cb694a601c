"""The ``dask`` engine: chunks coded as tasks on a Dask cluster.

Without a scheduler it starts a ``LocalCluster`` of ``workers`` single-threaded worker processes
on this machine. With an address (``tcp://host:8786``) or a scheduler file (the JSON written by
``dask scheduler --scheduler-file``) it uses that cluster, waiting for it up to Dask's
``distributed.comm.timeouts.connect``; its workers must have eventcoder installed (and any
``--dictionaries`` at the same path). Each worker process builds one ``Coder`` and keeps it for
all its chunks. Results come back to this process, which alone writes the output folder, so the
cluster needs no shared file system.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType
from typing import Any

from eventcoder.errors import ConfigError, PipelineError
from eventcoder.scale.chunks import Chunk
from eventcoder.scale.worker import ChunkOutput, CoderSpec, code_chunk

__all__ = ["DaskEngine"]

_IN_FLIGHT_PER_THREAD = 2
_INSTALL_HINT = "the dask engine needs Dask: pip install 'eventcoder[dask]'"


def _import_distributed() -> Any:
    try:
        import distributed
    except ImportError:
        raise ConfigError(_INSTALL_HINT) from None
    return distributed


class DaskEngine:
    """Code chunks on a Dask cluster (a local one unless ``scheduler`` is given)."""

    name = "dask"

    def __init__(self, *, workers: int = 1, scheduler: str | None = None):
        _import_distributed()  # fail before the output folder is touched
        self.workers = workers
        self.scheduler = scheduler
        self._cluster: Any = None
        self._client: Any = None

    def __enter__(self) -> DaskEngine:
        distributed = _import_distributed()
        try:
            if self.scheduler and Path(self.scheduler).is_file():
                self._client = distributed.Client(scheduler_file=self.scheduler)
            elif self.scheduler:
                self._client = distributed.Client(self.scheduler)
            else:
                self._cluster = distributed.LocalCluster(
                    n_workers=self.workers,
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=None,
                    silence_logs=logging.ERROR,
                )
                self._client = distributed.Client(self._cluster)
        except (OSError, TimeoutError) as exc:
            self.__exit__(None, None, None)
            where = self.scheduler or "a local cluster"
            raise PipelineError(
                f"cannot connect to Dask at {where}: {exc}; check --scheduler and that the scheduler runs"
            ) from exc
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None

    def run(self, chunks: Iterator[Chunk], spec: CoderSpec) -> Iterator[ChunkOutput]:
        distributed = _import_distributed()
        client = self._client
        if client is None:
            raise RuntimeError("DaskEngine.run called outside 'with engine:'")
        threads = sum(client.nthreads().values()) or 1
        limit = threads * _IN_FLIGHT_PER_THREAD
        source = iter(chunks)
        running = distributed.as_completed()
        in_flight = 0

        def submit() -> bool:
            chunk = next(source, None)
            if chunk is None:
                return False
            key = f"eventcoder-chunk-{chunk.index}-{chunk.key}"
            running.add(client.submit(code_chunk, chunk, spec, key=key, pure=False, retries=1))
            return True

        while in_flight < limit and submit():
            in_flight += 1
        for future in running:
            output: ChunkOutput = future.result()
            future.release()
            in_flight -= 1
            yield output
            while in_flight < limit and submit():
                in_flight += 1
