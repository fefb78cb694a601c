from __future__ import annotations

from pathlib import Path

import pytest

from eventcoder.errors import StoreError
from eventcoder.store.manifest import MANIFEST_NAME, RunManifest, open_output


def _manifest(
    chunk_size: int = 10,
    inputs: tuple[dict[str, object], ...] = ({"path": "/a.txt", "size": 1, "mtime_ns": 1},),
) -> RunManifest:
    return RunManifest(
        schema="s",
        version="v",
        inputs=inputs,
        dictionaries=(),
        chunk_size=chunk_size,
        coder="m:f",
        max_bytes=1000,
    )


def test_open_output_starts_fresh_then_resumes_the_same_run(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert open_output(out, _manifest()) is False
    assert (out / MANIFEST_NAME).exists()
    assert open_output(out, _manifest()) is True


def test_open_output_refuses_a_different_run_without_force(tmp_path: Path) -> None:
    open_output(tmp_path, _manifest())
    with pytest.raises(StoreError, match="different run.*chunk size.*--force"):
        open_output(tmp_path, _manifest(chunk_size=20))


def test_open_output_names_changed_inputs(tmp_path: Path) -> None:
    open_output(tmp_path, _manifest())
    with pytest.raises(StoreError, match="inputs"):
        open_output(tmp_path, _manifest(inputs=({"path": "/b.txt", "size": 1, "mtime_ns": 1},)))


def test_open_output_with_force_clears_the_earlier_output(tmp_path: Path) -> None:
    open_output(tmp_path, _manifest())
    (tmp_path / "articles.parquet").mkdir()
    (tmp_path / "articles.parquet" / "part-000000-k.parquet").write_bytes(b"x")
    (tmp_path / "notes.txt").write_text("mine")
    assert open_output(tmp_path, _manifest(chunk_size=20), force=True) is False
    assert not (tmp_path / "articles.parquet").exists()
    assert (tmp_path / "notes.txt").read_text() == "mine"


def test_open_output_refuses_a_folder_with_other_files(tmp_path: Path) -> None:
    (tmp_path / "thesis.tex").write_text("x")
    with pytest.raises(StoreError, match="not made by 'eventcoder run'.*thesis.tex"):
        open_output(tmp_path, _manifest())


def test_open_output_refuses_a_file(tmp_path: Path) -> None:
    (tmp_path / "f").write_text("x")
    with pytest.raises(StoreError, match="is a file"):
        open_output(tmp_path / "f", _manifest())


def test_lock_output_refuses_a_second_run_on_the_same_folder(tmp_path: Path) -> None:
    from eventcoder.store.manifest import lock_output

    with lock_output(tmp_path / "out"):
        with pytest.raises(StoreError, match="another 'eventcoder run' is writing to"):
            with lock_output(tmp_path / "out"):
                pass
    with lock_output(tmp_path / "out"):  # free again once the first run is done
        pass
