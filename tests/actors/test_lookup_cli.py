"""``eventcoder actors lookup``: one line per candidate, JSON, and a clear error when unknown."""

from __future__ import annotations

import json

from click.testing import CliRunner

from eventcoder.cli import main


def test_lookup_cli_prints_code_and_why() -> None:
    result = CliRunner().invoke(main, ["actors", "lookup", "Abu Mazen", "--date", "2023-07-30"])
    assert result.exit_code == 0, result.output
    assert "PSEGOV" in result.output
    assert "Mahmoud Abbas" in result.output
    assert "2005-01-15..present on 2023-07-30" in result.output


def test_lookup_cli_json_lists_actors() -> None:
    result = CliRunner().invoke(main, ["actors", "lookup", "Egyptian police", "--json"])
    assert result.exit_code == 0, result.output
    actors = json.loads(result.output)
    assert actors[0]["cameo_code"] == "EGYCOP"
    assert actors[0]["resolution"] == "sector-noun"


def test_lookup_cli_unknown_name_exits_1() -> None:
    result = CliRunner().invoke(main, ["actors", "lookup", "Qwertyuiop Zxcv"])
    assert result.exit_code == 1
    assert "is not a known actor name" in result.output


def test_lookup_cli_bad_date_is_a_usage_error() -> None:
    result = CliRunner().invoke(main, ["actors", "lookup", "Hamas", "--date", "30/07/2023"])
    assert result.exit_code == 2
    assert "YYYY-MM-DD" in result.output


def test_lookup_cli_reads_dictionaries(shared_dir) -> None:
    path = shared_dir / "dictionaries" / "PETR.Validate.actors.txt"
    result = CliRunner().invoke(main, ["actors", "lookup", "Arnor", "--dictionaries", str(path)])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-1].startswith("ARN")
