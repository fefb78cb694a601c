from __future__ import annotations

from pathlib import Path

import pytest
from scale_fakes import read_output, write_corpus

from eventcoder.scale.runner import run_batch

FAKE = "scale_fakes:FakeCoder"


@pytest.fixture(scope="module")
def corpus_and_local_output(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    base = tmp_path_factory.mktemp("engines")
    corpus = write_corpus(base / "corpus", n_articles=30)
    out = base / "local1"
    run_batch([str(corpus)], out, chunk_size=4, coder_factory=FAKE)
    return corpus, out


def test_local_engine_with_two_workers_matches_one_worker(corpus_and_local_output: tuple[Path, Path], tmp_path: Path) -> None:
    corpus, reference = corpus_and_local_output
    summary = run_batch([str(corpus)], tmp_path / "out", chunk_size=4, workers=2, coder_factory=FAKE)
    assert summary.chunks == 9
    assert read_output(tmp_path / "out") == read_output(reference)


def test_dask_engine_matches_the_local_engine(corpus_and_local_output: tuple[Path, Path], tmp_path: Path) -> None:
    pytest.importorskip("distributed", reason="the dask engine needs eventcoder[dask]")
    corpus, reference = corpus_and_local_output
    summary = run_batch([str(corpus)], tmp_path / "out", chunk_size=4, workers=2, engine="dask", coder_factory=FAKE)
    assert summary.events > 0
    assert read_output(tmp_path / "out") == read_output(reference)
