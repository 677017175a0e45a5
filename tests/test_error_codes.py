"""Every error a user can cause through the ``newsint`` command is one coded line.

A representative bad invocation of each command, through the real CLI (typer's CliRunner, the
``cli`` fixture, which adds any escaped exception's traceback to stderr): stderr holds only lines
``newsint: error: <reason> [Nnnn]`` with the expected code, the exit status is the one that code
means (2 for a usage error, 1 for any other) and there is no traceback.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
GOOD = EXAMPLES / "example-wire-drills-extended.txt"
ERROR_LINE = re.compile(r"^newsint: error: \S.* \[(?P<code>N\d{3})\]$")

# id: (arguments, with {tmp} for a fresh folder and {store} for the examples store; exit; code)
BAD_INVOCATIONS = {
    "analyze a missing file": (["analyze", "{tmp}/nope.txt"], 1, "N001"),
    "analyze --published not a date": (["analyze", GOOD, "--published", "2024-13-01"], 2, "N100"),
    "analyze --format unknown": (["analyze", GOOD, "--format", "xml"], 2, "N100"),
    "analyze --max-bytes 0": (["analyze", GOOD, "--max-bytes", "0"], 2, "N100"),
    "analyze --out in no folder": (["analyze", GOOD, "--out", "{tmp}/no/such/folder/out.json"], 1, "N500"),
    "analyze --out a folder": (["analyze", GOOD, "--out", "{tmp}"], 1, "N500"),
    "ingest --published not a date": (["ingest", GOOD, "--published", "soon", "--db", "{tmp}/new.db"], 2, "N100"),
    "stats with no store": (["stats", "--db", "{tmp}/missing.db"], 1, "N200"),
    "stats --format unknown": (["stats", "--db", "{store}", "--format", "xml"], 2, "N100"),
    "failed with no store": (["failed", "--db", "{tmp}/missing.db"], 1, "N200"),
    "search --type unknown": (["search", "drills", "--db", "{store}", "--type", "poem"], 2, "N100"),
    "search --from not a date": (["search", "drills", "--db", "{store}", "--from", "yesterday"], 2, "N100"),
    "eval a missing gold file": (["eval", "{tmp}/missing.yaml"], 1, "N001"),
    "eval --format unknown": (["eval", "{tmp}/missing.yaml", "--format", "xml"], 2, "N100"),
    "brief with no store": (["brief", "--db", "{tmp}/missing.db"], 1, "N200"),
    "claims --about empty": (["claims", "--db", "{store}", "--about", " "], 2, "N100"),
    "entity unknown": (["entity", "Nobody Atall", "--db", "{store}"], 1, "N001"),
    "timeline from > to": (["timeline", "--db", "{store}", "--from", "2022-02-01", "--to", "2022-01-01"], 2, "N100"),
    "timeline --to not a date": (["timeline", "--db", "{store}", "--to", "Feb 5"], 2, "N100"),
    "export --format unknown": (["export", "--db", "{store}", "--format", "xml"], 2, "N100"),
    "export --table unknown": (["export", "--db", "{store}", "--format", "csv", "--table", "nope"], 2, "N100"),
    "export --out in no folder": (["export", "--db", "{store}", "-f", "gexf", "--out", "{tmp}/no/x.gexf"], 1, "N500"),
}


@pytest.mark.parametrize("name", BAD_INVOCATIONS)
def test_each_bad_invocation_is_one_coded_line(cli, request, tmp_path, name) -> None:
    args, exit_code, code = BAD_INVOCATIONS[name]
    store = request.getfixturevalue("examples_sqlite") if any("{store}" in str(a) for a in args) else ""
    result = cli(*(str(a).format(tmp=tmp_path, store=store) for a in args))
    assert "Traceback" not in result.stderr, result.stderr
    assert result.error_lines, "no error line"
    for line in result.error_lines:
        match = ERROR_LINE.match(line)
        assert match, f"not a coded error line: {line!r}"
        assert match["code"] == code, line
    assert result.exit_code == exit_code, result.stderr
    assert not (tmp_path / "new.db").exists()  # a failed start leaves no empty store behind


def test_a_bad_environment_variable_is_one_coded_line(cli) -> None:
    result = cli("analyze", GOOD, env={"NEWSINT_MAX_INPUT_BYTES": "lots"})
    assert result.exit_code == 2
    assert result.error_lines == [
        "newsint: error: NEWSINT_MAX_INPUT_BYTES must be a whole number of bytes, 1 or more, not 'lots' [N100]"
    ]
