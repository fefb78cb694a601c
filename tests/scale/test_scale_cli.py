from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner
from scale_fakes import write_corpus

from eventcoder.cli.run import command

FAKE = "scale_fakes:FakeCoder"


def test_run_command_prints_a_summary_with_rejection_reasons(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus", n_articles=6)
    (corpus / "empty.txt").write_bytes(b"")
    out = tmp_path / "out"
    result = CliRunner().invoke(
        command, [str(corpus), "--out", str(out), "--coder-factory", FAKE, "-q"]
    )
    assert result.exit_code == 0, result.output
    assert re.search(r"articles read\s+11\n", result.output)
    assert re.search(r"rejected\s+1 \(empty: 1\)", result.output)
    assert (out / "eventcoder.duckdb").is_file() and (out / "errors.jsonl").is_file()


def test_run_command_resumes_and_says_so(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus", n_articles=30)
    args = [str(corpus), "--out", str(tmp_path / "out"), "--coder-factory", FAKE, "-q"]
    CliRunner().invoke(command, args)
    again = CliRunner().invoke(command, args)
    assert again.exit_code == 0, again.output
    assert "resumed: 4 of 4 chunks were already done" in again.output


def test_run_command_help_has_an_example() -> None:
    result = CliRunner().invoke(command, ["--help"])
    assert "Example: eventcoder run" in result.output
    assert "--chunk-size" not in result.output  # test-only option stays hidden


def test_run_command_reads_an_article_from_stdin(tmp_path: Path) -> None:
    out = tmp_path / "out"
    args = ["-", "--out", str(out), "--coder-factory", FAKE, "-q"]
    result = CliRunner().invoke(command, args, input="Israel attacked Gaza. Egypt met Qatar.")
    assert result.exit_code == 0, result.output
    assert re.search(r"events\s+2\n", result.output)


def test_run_command_max_bytes_lets_a_large_file_through(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "long.txt").write_text("Israel attacked Gaza. " * 1000)  # 22 kB
    small = CliRunner().invoke(
        command,
        [
            str(corpus),
            "--out",
            str(tmp_path / "a"),
            "--max-bytes",
            "10000",
            "--coder-factory",
            FAKE,
            "-q",
        ],
    )
    assert re.search(r"rejected\s+1 \(too-large: 1\)", small.output), small.output
    large = CliRunner().invoke(
        command,
        [
            str(corpus),
            "--out",
            str(tmp_path / "b"),
            "--max-bytes",
            "100000",
            "--coder-factory",
            FAKE,
            "-q",
        ],
    )
    assert re.search(r"events\s+1,000\n", large.output), large.output


def test_run_command_picks_the_coder_for_learned_and_statements(tmp_path: Path, monkeypatch) -> None:
    import pytest

    from eventcoder.coder import stating_coder
    from eventcoder.scale.worker import resolve_factory

    picked: list[str] = []

    def fake_run_batch(inputs, out, **kwargs):
        picked.append(kwargs["coder_factory"])
        raise SystemExit(0)

    monkeypatch.setattr("eventcoder.cli.run.run_batch", fake_run_batch)
    corpus = write_corpus(tmp_path / "corpus", n_articles=1)
    for flags in ([], ["--learned"], ["--statements"], ["--learned", "--statements"]):
        CliRunner().invoke(command, [str(corpus), "--out", str(tmp_path / "o"), "-q", *flags])
    assert picked == [
        "eventcoder.coder:Coder",
        "eventcoder.coder:learned_coder",
        "eventcoder.coder:stating_coder",
        "eventcoder.coder:stating_learned_coder",
    ]
    assert all(callable(resolve_factory(name)) for name in picked)
    with pytest.MonkeyPatch.context() as m:
        made: list[dict] = []
        m.setattr("eventcoder.coder.Coder", lambda **kw: made.append(kw))
        stating_coder(dictionaries=[])
    assert made == [{"dictionaries": [], "mode": "fast", "statements": True}]
