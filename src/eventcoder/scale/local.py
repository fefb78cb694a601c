"""The ``local`` engine: chunks coded in worker processes on this machine.

With one worker, chunks are coded in this process (no start-up cost). With more, a pool of
``spawn``-ed processes (never forked: a loaded spaCy pipeline must not be shared across a fork)
each builds its own ``Coder`` once. Workers exit by themselves when this process dies, even by
SIGKILL, so a killed run leaves no orphans coding on.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from types import TracebackType

from eventcoder.scale.chunks import Chunk
from eventcoder.scale.worker import ChunkOutput, CoderSpec, code_chunk, load_coder

__all__ = ["LocalEngine"]

#: Chunks in flight per worker: one being coded, one queued so the worker never waits.
_IN_FLIGHT_PER_WORKER = 2


def _watch_parent(parent: int) -> None:
    while True:
        if os.getppid() != parent:
            os._exit(1)
        time.sleep(0.5)


def _init_worker(parent: int, spec: CoderSpec) -> None:
    # Ctrl-C reaches the whole process group; the parent alone decides how to stop.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    load_coder(spec)


class LocalEngine:
    """Code chunks in ``workers`` processes on this machine."""

    name = "local"

    def __init__(self, *, workers: int = 1):
        self.workers = workers
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> LocalEngine:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=exc_type is None, cancel_futures=True)
            self._pool = None

    def run(self, chunks: Iterator[Chunk], spec: CoderSpec) -> Iterator[ChunkOutput]:
        if self.workers == 1:
            for one in chunks:
                yield code_chunk(one, spec)
            return
        self._pool = ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_init_worker,
            initargs=(os.getpid(), spec),
        )
        pending: set[Future[ChunkOutput]] = set()
        limit = self.workers * _IN_FLIGHT_PER_WORKER
        source = iter(chunks)
        exhausted = False
        while True:
            while not exhausted and len(pending) < limit:
                following = next(source, None)
                if following is None:
                    exhausted = True
                else:
                    pending.add(self._pool.submit(code_chunk, following, spec))
            if not pending:
                return
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                yield future.result()
