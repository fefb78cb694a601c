from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow.dataset as ds
import pytest
from scale_fakes import read_output, write_corpus

from eventcoder.errors import ConfigError, InputError, StoreError
from eventcoder.scale.engines import make_engine
from eventcoder.scale.inputs import default_reader
from eventcoder.scale.runner import run_batch

FAKE = "scale_fakes:FakeCoder"


def _run(inputs: list[Path], out: Path, **kw: Any):  # noqa: ANN202
    kw.setdefault("chunk_size", 4)
    return run_batch([str(p) for p in inputs], out, coder_factory=FAKE, **kw)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return write_corpus(tmp_path / "corpus")


def test_run_batch_codes_every_article_into_parquet_and_duckdb(
    corpus: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    summary = _run([corpus], out)
    assert summary.articles == 40 + 2 + 2
    assert summary.rejected == 0 and summary.failed == 0
    events, articles = read_output(out)
    assert len(events) == summary.events > 0
    assert len({e[0] for e in events}) == len(events)  # event ids are unique
    parquet_events = ds.dataset(out / "events.parquet", partitioning="hive").to_table()
    assert sorted(parquet_events.column("id").to_pylist()) == [e[0] for e in events]
    parquet_articles = ds.dataset(out / "articles.parquet").to_table()
    assert parquet_articles.num_rows == summary.articles
    assert set(parquet_articles.column("status").to_pylist()) == {"coded", "no_event"}
    assert (out / "errors.jsonl").read_text() == ""


def test_run_batch_keeps_the_coders_event_ids(corpus: Path, tmp_path: Path) -> None:
    _run([corpus], tmp_path / "out")
    events, _ = read_output(tmp_path / "out")
    ids = {e[0] for e in events}
    record = json.loads((corpus / "feed.jsonl").read_text().splitlines()[1])
    attacked = record["text"].index("attacked")
    met = record["text"].index(" met ") + 1
    assert {f"feed-1:{attacked}-{attacked + 8}", f"feed-1:{met}-{met + 3}"} <= ids


def test_run_batch_accounts_for_every_bad_input(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus", n_articles=6)
    (corpus / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "latin1.txt").write_bytes("Caf\xe9 owners met in Paris.".encode("latin-1"))
    (corpus / "huge.txt").write_bytes(b"Israel attacked Gaza. " * 1_400_000)  # 30.8 MB
    with (corpus / "feed.jsonl").open("a", encoding="utf-8") as fh:
        fh.write('{"id": "broken", "text": "Mali met\n')
    out = tmp_path / "out"
    summary = _run([corpus], out)
    errors = [json.loads(line) for line in (out / "errors.jsonl").read_text().splitlines()]
    kinds = {
        Path(e["path"]).name + ("" if e["path"] == e["id"] else "+line"): e["kind"] for e in errors
    }
    assert kinds == {
        "binary.txt": "binary",
        "empty.txt": "empty",
        "latin1.txt": "not-utf8",
        "huge.txt": "too-large",
        "feed.jsonl+line": "bad-json",
    }
    assert all(e["status"] == "rejected" and e["error"] for e in errors)
    assert summary.rejected == 5
    assert summary.rejected_by_kind == {
        "bad-json": 1,
        "binary": 1,
        "empty": 1,
        "not-utf8": 1,
        "too-large": 1,
    }
    assert summary.coded + summary.no_event == 6 + 2 + 2
    _, articles = read_output(out)
    assert len(articles) == summary.articles == 6 + 2 + 2 + 5


def test_run_batch_records_a_coder_error_and_codes_the_rest(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus", n_articles=6)
    (corpus / "bomb.txt").write_text("EXPLODE. Israel attacked Gaza.")
    summary = _run([corpus], tmp_path / "out")
    assert summary.failed == 1
    assert summary.coded + summary.no_event == 6 + 2 + 2
    error = json.loads((tmp_path / "out" / "errors.jsonl").read_text())
    assert (
        error["status"] == "failed"
        and error["id"] == "bomb"
        and "fake coder cannot code" in error["error"]
    )


def test_run_batch_fail_fast_stops_at_a_bad_input(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus", n_articles=3)
    (corpus / "empty.txt").write_bytes(b"")
    with pytest.raises(InputError, match="empty.txt: file is empty.*--fail-fast"):
        _run([corpus], tmp_path / "out", fail_fast=True)


def test_run_batch_rejects_a_second_article_with_the_same_id(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus", n_articles=3)
    sub = corpus / "again"
    sub.mkdir()
    (sub / "report.txt").write_text("Israel attacked Gaza.")
    summary = _run([corpus], tmp_path / "out")
    assert summary.rejected_by_kind == {"duplicate-id": 1}
    _, articles = read_output(tmp_path / "out")
    assert sum(1 for a in articles if a[0] == "report") == 2


class _Crash(BaseException):
    """Stands for the process dying: not an Exception, so nothing catches it."""


def test_run_batch_resumes_after_a_crash_with_the_same_output(corpus: Path, tmp_path: Path) -> None:
    def crashing_reader(path: str) -> Iterator[Any]:
        for n, item in enumerate(default_reader(path)):
            if n == 25:
                raise _Crash
            yield item

    out = tmp_path / "out"
    with pytest.raises(_Crash):
        _run([corpus], out, reader=crashing_reader)
    assert not (out / "eventcoder.duckdb").exists()
    resumed = _run([corpus], out)
    assert resumed.chunks_resumed >= 5
    clean = tmp_path / "clean"
    _run([corpus], clean)
    assert read_output(out) == read_output(clean)


def test_run_batch_rerun_of_a_finished_run_codes_nothing_again(
    corpus: Path, tmp_path: Path
) -> None:
    first = _run([corpus], tmp_path / "out")
    before = read_output(tmp_path / "out")
    again = _run([corpus], tmp_path / "out")
    assert again.chunks_resumed == again.chunks == first.chunks
    assert read_output(tmp_path / "out") == before


def test_run_batch_refuses_the_output_of_another_run(corpus: Path, tmp_path: Path) -> None:
    _run([corpus], tmp_path / "out")
    with pytest.raises(StoreError, match="different run.*--force"):
        _run([corpus / "feed.jsonl"], tmp_path / "out")
    summary = _run([corpus / "feed.jsonl"], tmp_path / "out", force=True)
    assert summary.articles == 40


def test_run_batch_names_a_missing_input(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="nope.jsonl: no such file"):
        _run([tmp_path / "nope.jsonl"], tmp_path / "out")


def test_make_engine_lists_the_engines_for_an_unknown_name() -> None:
    with pytest.raises(ConfigError, match="Unknown engine 'daks'. Available: local, dask"):
        make_engine("daks")


def test_local_engine_refuses_a_scheduler() -> None:
    with pytest.raises(ConfigError, match="--engine dask"):
        make_engine("local", scheduler="tcp://10.0.0.1:8786")


def test_run_batch_cuts_a_small_input_into_chunks_for_every_worker(
    corpus: Path, tmp_path: Path
) -> None:
    summary = run_batch([str(corpus)], tmp_path / "out", coder_factory=FAKE)
    assert summary.articles == 44
    assert summary.chunks == 5  # chunks of at least 10 articles, so two workers both get work


def test_run_batch_fail_fast_stops_at_a_coder_error(tmp_path: Path) -> None:
    from eventcoder.errors import PipelineError

    corpus = write_corpus(tmp_path / "corpus", n_articles=3)
    (corpus / "bomb.txt").write_text("EXPLODE. Israel attacked Gaza.")
    with pytest.raises(
        PipelineError, match="RuntimeError: fake coder cannot code article bomb.*--fail-fast"
    ):
        _run([corpus], tmp_path / "out", fail_fast=True)


def test_run_batch_isolates_coder_errors_in_a_long_chunk(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus", n_articles=30)
    lines = (corpus / "feed.jsonl").read_text().splitlines()
    lines[5] = json.dumps({"id": "bad-5", "text": "EXPLODE here."})
    lines[20] = json.dumps({"id": "bad-20", "text": "EXPLODE there."})
    (corpus / "feed.jsonl").write_text("\n".join(lines) + "\n")
    summary = _run([corpus], tmp_path / "out", chunk_size=50, batch_size=4)
    assert summary.failed == 2
    assert summary.coded + summary.no_event == 30 - 2 + 4
    clean = _run([corpus], tmp_path / "clean", chunk_size=50, batch_size=64)
    assert read_output(tmp_path / "out") == read_output(tmp_path / "clean")
    assert clean.failed == 2


def test_run_batch_refuses_to_resume_when_the_input_changed_unseen(
    corpus: Path, tmp_path: Path
) -> None:
    # Standard input cannot be stamped like a file; the chunk keys catch a different stream.
    out = tmp_path / "out"
    _run([corpus], out)

    def other_reader(path: str) -> Iterator[Any]:
        for item in default_reader(path):
            yield (
                item if not hasattr(item, "text") else type(item)(id="x" + item.id, text=item.text)
            )

    with pytest.raises(StoreError, match="made from other input than this run reads"):
        _run([corpus], out, reader=other_reader)

    def short_reader(path: str) -> Iterator[Any]:
        # feed.jsonl's 40 articles fill chunks 0-9 exactly; the other files made chunk 10
        return iter(default_reader(path)) if path.endswith("feed.jsonl") else iter(())

    with pytest.raises(StoreError, match="input is shorter than in the earlier run"):
        _run([corpus], out, reader=short_reader)


def test_run_batch_names_a_coder_factory_that_cannot_be_loaded(
    corpus: Path, tmp_path: Path
) -> None:
    with pytest.raises(ConfigError, match="cannot load coder factory 'scale_fakes:NoSuchCoder'"):
        run_batch([str(corpus)], tmp_path / "out", coder_factory="scale_fakes:NoSuchCoder")


def test_run_batch_names_a_missing_dictionary(corpus: Path, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="--dictionaries .*extra.yaml: no such file"):
        _run([corpus], tmp_path / "out", dictionaries=[tmp_path / "extra.yaml"])


def test_run_batch_names_a_folder_without_inputs(tmp_path: Path) -> None:
    (tmp_path / "pics").mkdir()
    (tmp_path / "pics" / "a.png").write_bytes(b"\x89PNG")
    with pytest.raises(InputError, match="pics: folder has no input files"):
        _run([tmp_path / "pics"], tmp_path / "out")
