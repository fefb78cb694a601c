"""What runs on a worker: code one chunk into Arrow tables, with one cached ``Coder`` per process.

Both engines call ``code_chunk``; it is a plain top-level function of picklable arguments so that
a process pool or a Dask worker can run it. Building a ``Coder`` loads spaCy and the dictionaries
(seconds), so each worker process builds it once, on its first chunk, and keeps it.
"""

from __future__ import annotations

import importlib
import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import pyarrow as pa

from eventcoder.errors import ConfigError, PipelineError
from eventcoder.records import Article, CodingResult
from eventcoder.scale.chunks import Chunk
from eventcoder.store.schema import ArticleOutcome, article_row, articles_table, events_table

__all__ = ["ChunkOutput", "CoderSpec", "code_chunk", "load_coder", "resolve_factory"]

log = logging.getLogger(__name__)

DEFAULT_FACTORY = "eventcoder.coder:Coder"
LEARNED_FACTORY = "eventcoder.coder:learned_coder"  # classifier votes (--learned)
STATING_FACTORY = "eventcoder.coder:stating_coder"  # also public statements (--statements)
STATING_LEARNED_FACTORY = "eventcoder.coder:stating_learned_coder"  # --learned --statements


@dataclass(frozen=True, slots=True)
class CoderSpec:
    """How a worker builds its coder and codes a chunk (picklable, hashable)."""

    factory: str = DEFAULT_FACTORY  # "module:attribute", called as factory(dictionaries=[...])
    dictionaries: tuple[str, ...] = ()
    batch_size: int = 32
    fail_fast: bool = False


@dataclass(frozen=True, slots=True)
class ChunkOutput:
    """A coded chunk, ready to be written as parts."""

    index: int
    key: str
    events: pa.Table
    articles: pa.Table


def resolve_factory(name: str) -> Callable[..., Any]:
    """The callable named ``module:attribute``; ConfigError when it cannot be imported."""
    module_name, sep, attr = name.partition(":")
    if not sep or not module_name or not attr:
        raise ConfigError(f"coder factory {name!r} is not of the form 'module:attribute'")
    try:
        obj: Any = importlib.import_module(module_name)
        for part in attr.split("."):
            obj = getattr(obj, part)
    except (ImportError, AttributeError) as exc:
        raise ConfigError(
            f"cannot load coder factory {name!r}: {exc}; check the module path"
        ) from exc
    if not callable(obj):
        raise ConfigError(f"coder factory {name!r} is not callable")
    return obj  # type: ignore[no-any-return]


_LOCK = threading.Lock()
_CODERS: dict[tuple[str, tuple[str, ...]], Any] = {}


def load_coder(spec: CoderSpec) -> Any:
    """This process's coder for ``spec``, built on first use."""
    key = (spec.factory, spec.dictionaries)
    coder = _CODERS.get(key)
    if coder is None:
        coder = resolve_factory(spec.factory)(dictionaries=list(spec.dictionaries))
        _CODERS[key] = coder
    return coder


def _code_each(
    coder: Any, articles: Sequence[Article], spec: CoderSpec
) -> list[CodingResult | BaseException]:
    """Code articles in batches; when the coder raises, only the article that made it fails.

    Results already yielded are kept; the next ``batch_size`` articles (where the bad one must
    be) are coded one by one, then batched coding resumes after them.
    """
    results: list[CodingResult | BaseException] = []
    start = 0
    while start < len(articles):
        try:
            for result in coder.pipe(articles[start:], batch_size=spec.batch_size):
                results.append(result)
                start += 1
        except Exception as exc:
            if spec.fail_fast:
                raise
            end = min(start + spec.batch_size, len(articles))
            log.warning("coder failed (%s); coding articles %d-%d one by one", exc, start, end - 1)
            for article in articles[start:end]:
                try:
                    results.extend(coder.pipe([article], batch_size=1))
                except Exception as one:  # noqa: BLE001 - recorded per article, the run goes on
                    results.append(one)
            start = end
        else:
            break
    if len(results) != len(articles):
        raise PipelineError(
            f"the coder returned {len(results)} results for {len(articles)} articles; "
            "Coder.pipe must yield one CodingResult per article, in input order"
        )
    return results


def code_chunk(chunk: Chunk, spec: CoderSpec) -> ChunkOutput:
    """Code every readable article of ``chunk``; rejected inputs become rows with their reason.

    With ``spec.fail_fast`` a coder error raises PipelineError naming the article.
    """
    articles = [item.article for item in chunk.items if item.article is not None]
    with _LOCK:  # a coder is not thread-safe; Dask workers should run one thread each
        coder = load_coder(spec)
        try:
            results = _code_each(coder, articles, spec) if articles else []
        except Exception as exc:
            raise PipelineError(
                f"coding chunk {chunk.index} (articles {chunk.items[0].id!r}..{chunk.items[-1].id!r}) "
                f"failed: {type(exc).__name__}: {exc}; rerun without --fail-fast to record it and go on"
            ) from exc

    events = []
    rows = []
    it = iter(results)
    for item in chunk.items:
        if item.article is None:
            outcome = ArticleOutcome(
                status="rejected", path=item.path, error_kind=item.error_kind, error=item.error
            )
            rows.append(article_row(None, outcome, id=item.id))
            continue
        result = next(it)
        n_chars = len(item.article.text)
        if isinstance(result, BaseException):
            outcome = ArticleOutcome(
                status="failed",
                path=item.path,
                error_kind="coder-error",
                error=f"{type(result).__name__}: {result}",
                n_chars=n_chars,
            )
        else:
            if result.article.id != item.id:
                raise PipelineError(
                    f"the coder returned article {result.article.id!r} where {item.id!r} was expected; "
                    "Coder.pipe must keep input order"
                )
            events.extend(result.events)
            outcome = ArticleOutcome(
                status="coded" if result.events else "no_event",
                path=item.path,
                n_events=len(result.events),
                n_sentences=result.n_sentences,
                n_chars=n_chars,
                notes=tuple(result.notes),
            )
        rows.append(article_row(item.article, outcome, id=item.id))
    return ChunkOutput(chunk.index, chunk.key, events_table(events), articles_table(rows))
