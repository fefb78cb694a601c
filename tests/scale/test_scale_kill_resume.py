"""Kill a real ``eventcoder run`` with SIGKILL midway, run it again, and compare with a clean run."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from scale_fakes import read_output, write_corpus

from eventcoder.scale.runner import run_batch

HERE = Path(__file__).resolve().parent
FAKE = "scale_fakes:FakeCoder"
LAUNCH = "import sys; from eventcoder.cli.run import command; sys.exit(command())"
CHUNK = 4


def _env(delay: float) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(HERE), env.get("PYTHONPATH", "")) if p)
    env["EVENTCODER_FAKE_DELAY"] = str(delay)
    return env


def _args(corpus: Path, out: Path) -> list[str]:
    return [
        sys.executable,
        "-c",
        LAUNCH,
        str(corpus),
        "--out",
        str(out),
        "--workers",
        "2",
        "--chunk-size",
        str(CHUNK),
        "--coder-factory",
        FAKE,
        "--quiet",
    ]


def _children(pid: int) -> list[int]:
    try:
        import psutil
    except ImportError:
        return []
    try:
        return [c.pid for c in psutil.Process(pid).children(recursive=True)]
    except psutil.NoSuchProcess:
        return []


def _alive(pid: int) -> bool:
    try:
        import psutil
    except ImportError:
        return False
    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


@pytest.mark.issue(6)
def test_run_killed_by_sigkill_resumes_to_the_output_of_a_clean_run(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus", n_articles=80)
    n_chunks = -(-(80 + 4) // CHUNK)
    out = tmp_path / "out"
    parts = out / "articles.parquet"

    proc = subprocess.Popen(
        _args(corpus, out), env=_env(0.08), stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        if parts.is_dir() and len(list(parts.glob("part-*.parquet"))) >= 3:
            break
        time.sleep(0.02)
    workers = _children(proc.pid)
    assert proc.poll() is None, (
        "the run ended before it could be killed: " + proc.stderr.read().decode()[-2000:]
    )
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)
    proc.stdout.close()
    proc.stderr.close()

    done_at_kill = len(list(parts.glob("part-*.parquet")))
    assert 3 <= done_at_kill < n_chunks
    assert not (out / "eventcoder.duckdb").exists()
    deadline = time.monotonic() + 10
    while any(_alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(_alive(w) for w in workers), "worker processes outlived the killed run"

    rerun = subprocess.run(
        _args(corpus, out), env=_env(0), capture_output=True, text=True, timeout=120
    )
    assert rerun.returncode == 0, rerun.stderr[-2000:]
    assert "already done" in rerun.stderr

    clean = tmp_path / "clean"
    run_batch([str(corpus)], clean, chunk_size=CHUNK, coder_factory=FAKE)
    events, articles = read_output(out)
    assert (events, articles) == read_output(clean)
    assert len({e[0] for e in events}) == len(events) > 0
    assert len(articles) == 80 + 4
