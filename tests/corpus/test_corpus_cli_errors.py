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
