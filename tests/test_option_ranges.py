"""Integer options and variables out of range: one usage line, or lowered where that is what is meant.

``search --limit`` and ``analyze --max-bytes`` must be 1 or more (click's IntRange, through typer):
0, a negative number or a word is one ``newsint: error:`` line and exit 2. A number past what the
database or a Python buffer can take means "all hits" / "no size limit" and is lowered to the
largest usable value instead of crashing with an OverflowError. ``NEWSINT_MAX_INPUT_BYTES`` is
checked the same way, for every command that reads inputs.
"""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
HTML = EXAMPLES / "eastern-marches-union-resolve.html"
HUGE = "99999999999999999999"  # past 2**64: no database integer and no buffer size holds it


def _one_usage_line(result, starts: str) -> None:
    assert result.exit_code == 2, result.stderr
    assert "Traceback" not in result.stderr
    (line,) = result.error_lines
    assert line.startswith(f"newsint: error: {starts}") and line.endswith("[N100]"), line


@pytest.mark.parametrize("value", ["0", "-5", "ten"])
def test_a_search_limit_below_one_or_not_a_number_is_one_usage_line(cli, feed_store, value) -> None:
    result = cli("search", "troops", "--db", feed_store, "--limit", value)
    _one_usage_line(result, "--limit: ")
    assert result.stdout == ""


def test_a_search_limit_past_any_integer_means_every_hit(cli, feed_store) -> None:
    every = cli("search", "troops", "--db", feed_store, "--limit", "100000", "--format", "json")
    huge = cli("search", "troops", "--db", feed_store, "--limit", HUGE, "--format", "json")
    assert huge.exit_code == 0, huge.stderr
    assert huge.json() == every.json() and len(every.json()) > 1


def test_the_store_api_lowers_a_huge_limit_too(feed_store) -> None:
    from newsint.store import open_store

    with open_store(feed_store, read_only=True) as store:
        assert store.search("troops", limit=10**30) == store.search("troops", limit=100000)


@pytest.mark.parametrize("value", ["0", "-1", "lots"])
def test_max_bytes_below_one_or_not_a_number_is_one_usage_line(cli, value) -> None:
    result = cli("analyze", HTML, "--max-bytes", value, "--format", "json")
    _one_usage_line(result, "--max-bytes: ")
    assert result.stdout == ""


def test_max_bytes_past_any_buffer_size_means_no_limit(cli, tmp_path) -> None:
    # gzip input is unpacked up to the limit: a read of limit + 1 bytes overflowed before.
    packed = tmp_path / "page.html.gz"
    packed.write_bytes(gzip.compress(HTML.read_bytes()))
    result = cli("analyze", packed, "--max-bytes", HUGE, "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert result.json()["document"]["title"]


def test_a_gzip_bomb_still_stops_at_the_limit(cli, tmp_path) -> None:
    bomb = tmp_path / "bomb.txt.gz"
    bomb.write_bytes(gzip.compress(b"troops " * 3_000_000))  # 21 MB unpacked, 20 kB packed
    result = cli("analyze", bomb, "--max-bytes", "1000000", "--format", "json")
    assert result.exit_code == 1
    assert result.error_lines == [
        f"newsint: error: {bomb}: decompresses to more than 1,000,000 bytes (the size limit) [N003]"
    ]


@pytest.mark.parametrize("value", ["0", "-3", "50MB"])
@pytest.mark.parametrize("command", ["analyze", "ingest"])
def test_a_bad_max_input_bytes_variable_is_one_usage_line(cli, tmp_path, command, value) -> None:
    db = tmp_path / "new.db"
    args = (command, HTML, "--db", db) if command == "ingest" else (command, HTML, "--format", "json")
    result = cli(*args, env={"NEWSINT_MAX_INPUT_BYTES": value})
    _one_usage_line(result, "NEWSINT_MAX_INPUT_BYTES must be a whole number of bytes, 1 or more, not ")
    assert repr(value) in result.error_lines[0]
    assert result.stdout == "" and not db.exists()  # ingest stopped before creating the store


def test_a_huge_max_input_bytes_variable_means_no_limit(cli, tmp_path) -> None:
    packed = tmp_path / "page.html.gz"
    packed.write_bytes(gzip.compress(HTML.read_bytes()))
    result = cli("analyze", packed, "--format", "json", env={"NEWSINT_MAX_INPUT_BYTES": HUGE})
    assert result.exit_code == 0, result.stderr
