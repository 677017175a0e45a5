"""The corpus commands' answers to bad input: one coded error line, a non-zero exit, nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    from newsint.cli import app

    path = str(tmp_path_factory.mktemp("store") / "examples.db")
    result = CliRunner().invoke(app, ["ingest", str(EXAMPLES / "borderland-monitor-belarus-buildup.txt"), "--db", path])
    assert result.exit_code == 0, result.output
    return path


def test_export_with_a_bad_format_is_one_usage_line(cli, db, tmp_path) -> None:
    out = tmp_path / "x.out"
    result = cli("export", "--format", "xml", "--out", out, "--db", db)
    assert result.exit_code == 2
    assert result.error_lines == [
        "newsint: error: --format must be one of jsonl, csv, geojson, gexf, acled, ftm, not 'xml' [N100]"
    ]
    assert list(tmp_path.iterdir()) == []


def test_a_missing_store_is_a_store_error_and_creates_nothing(cli, tmp_path) -> None:
    missing = tmp_path / "none.db"
    result = cli("brief", "--db", missing)
    assert result.exit_code == 1  # an input error (N200), not a usage error: the exit code says the same as the code
    assert result.error_lines == [
        f"newsint: error: {missing}: no store here: run `newsint ingest FILES` first, or pass --db [N200]"
    ]
    assert not missing.exists()


def test_an_empty_store_is_one_coded_line(cli, tmp_path) -> None:
    from newsint.store import open_store

    empty = tmp_path / "empty.db"
    open_store(str(empty)).close()
    result = cli("timeline", "--db", empty)
    assert result.exit_code == 1
    assert result.error_lines == [
        f"newsint: error: {empty}: the store holds no articles: run `newsint ingest FILES` first [N002]"
    ]


@pytest.mark.parametrize("command", [("entity", ""), ("entity", "  "), ("claims", "--about", "")])
def test_an_empty_entity_name_is_a_usage_error_not_every_entity(cli, db, command) -> None:
    result = cli(*command, "--db", db)
    assert result.exit_code == 2
    assert len(result.error_lines) == 1 and result.error_lines[0].endswith(
        "is empty: give a name or knowledge-base id [N100]"
    )
    assert result.stdout == ""


def test_an_unknown_entity_is_a_coded_not_found_line(cli, db) -> None:
    result = cli("entity", "Nobody Atall", "--db", db)
    assert result.exit_code == 1
    assert result.error_lines == ["newsint: error: no entity named 'Nobody Atall' in the store [N001]"]
