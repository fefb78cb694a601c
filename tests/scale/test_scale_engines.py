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


def test_local_engine_with_two_workers_matches_one_worker(
    corpus_and_local_output: tuple[Path, Path], tmp_path: Path
) -> None:
    corpus, reference = corpus_and_local_output
    summary = run_batch(
        [str(corpus)], tmp_path / "out", chunk_size=4, workers=2, coder_factory=FAKE
    )
    assert summary.chunks == 9
    assert read_output(tmp_path / "out") == read_output(reference)


def test_dask_engine_matches_the_local_engine(
    corpus_and_local_output: tuple[Path, Path], tmp_path: Path
) -> None:
    pytest.importorskip("distributed", reason="the dask engine needs eventcoder[dask]")
    corpus, reference = corpus_and_local_output
    summary = run_batch(
        [str(corpus)], tmp_path / "out", chunk_size=4, workers=2, engine="dask", coder_factory=FAKE
    )
    assert summary.events > 0
    assert read_output(tmp_path / "out") == read_output(reference)


def test_dask_engine_uses_a_running_cluster_given_by_address(
    corpus_and_local_output: tuple[Path, Path], tmp_path: Path
) -> None:
    distributed = pytest.importorskip(
        "distributed", reason="the dask engine needs eventcoder[dask]"
    )
    corpus, reference = corpus_and_local_output
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None
    ) as cluster:
        with distributed.Client(cluster) as client:
            run_batch(
                [str(corpus)],
                tmp_path / "out",
                chunk_size=4,
                engine="dask",
                scheduler=cluster.scheduler_address,
                coder_factory=FAKE,
            )
            tasks = client.run_on_scheduler(
                lambda dask_scheduler: len(dask_scheduler.transition_log)
            )
    assert tasks > 0  # the chunks ran on this cluster
    assert read_output(tmp_path / "out") == read_output(reference)


def test_dask_engine_names_an_unreachable_scheduler(tmp_path: Path) -> None:
    pytest.importorskip("distributed", reason="the dask engine needs eventcoder[dask]")
    import dask

    from eventcoder.errors import PipelineError

    corpus = write_corpus(tmp_path / "corpus", n_articles=2)
    with (
        dask.config.set({"distributed.comm.timeouts.connect": "1s"}),
        pytest.raises(PipelineError, match="cannot connect to Dask at tcp://127.0.0.1:9"),
    ):
        run_batch(
            [str(corpus)],
            tmp_path / "out",
            engine="dask",
            scheduler="tcp://127.0.0.1:9",
            coder_factory=FAKE,
        )
