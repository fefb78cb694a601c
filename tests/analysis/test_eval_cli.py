from __future__ import annotations

import json
from pathlib import Path

import pytest
from _analysis_fakes import FakeCoder, actor, event
from click.testing import CliRunner

FIXTURES = Path(__file__).parent / "fixtures"
E2 = "Japan demanded that Germany withdraw the envoy."


@pytest.fixture
def fake_coder(monkeypatch):
    made: list[dict] = []

    def factory(**kwargs):
        made.append(kwargs)
        return FakeCoder(by_text={E2: [event("REQUEST", source=actor("JPN"), target=actor("DEU"))]})

    monkeypatch.setattr("eventcoder.coder.Coder", factory)
    return made


def _run(args):
    from eventcoder.cli.eval import command

    return CliRunner().invoke(command, [str(a) for a in args])


def test_eval_cli_json_is_one_object(fake_coder):
    result = _run([FIXTURES / "end2end_mini.jsonl", "--json", "--errors", "2"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["n"] == 5
    assert data["per_type"]["DEMAND"]["f1"] == 1.0
    assert {"macro_f1", "micro_f1", "confusion", "summary", "errors"} <= data.keys()
    assert len(data["errors"]) <= 2


def test_eval_cli_text_ends_with_summary(fake_coder):
    result = _run([FIXTURES / "end2end_mini.jsonl", "--limit", "2"])
    assert result.exit_code == 0, result.output
    assert "Per type" in result.output
    assert result.output.strip().splitlines()[-1].startswith("SUMMARY end2end_mini: n=2 ")


def test_eval_cli_passes_dictionaries(fake_coder, tmp_path):
    extra = tmp_path / "my.actors.txt"
    extra.write_text("")
    result = _run([FIXTURES / "end2end_mini.jsonl", "--dictionaries", extra, "--limit", "1"])
    assert result.exit_code == 0, result.output
    assert fake_coder == [{"dictionaries": [extra], "statements": False}]


def test_eval_cli_given_actors_on_end_to_end_file_is_a_clean_error(fake_coder):
    from eventcoder.cli import main

    result = CliRunner().invoke(
        main, ["eval", str(FIXTURES / "end2end_mini.jsonl"), "--given-actors"]
    )
    assert result.exit_code == 1
    assert "--given-actors needs gold actor spans" in result.output
    assert "Traceback" not in result.output


def test_eval_cli_help_documents_scoring_rules():
    result = _run(["--help"])
    assert "YIELD -> CONCEDE or RETREAT" in result.output
    assert "Example:" in result.output


def test_eval_cli_statements_flag_reaches_the_coder(fake_coder):
    assert _run([FIXTURES / "end2end_mini.jsonl", "--statements"]).exit_code == 0
    assert _run([FIXTURES / "end2end_mini.jsonl"]).exit_code == 0
    assert [m["statements"] for m in fake_coder] == [True, False]
