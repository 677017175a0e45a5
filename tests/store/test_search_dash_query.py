"""A search query that starts with '-' reads as an option; `--` before it makes it the query, as
the command's help and the README say."""

from __future__ import annotations

from pathlib import Path

README = Path(__file__).resolve().parents[2] / "README.md"


def test_a_query_after_double_dash_is_searched_not_read_as_an_option(cli, feed_store) -> None:
    plain = cli("search", "--db", feed_store, "--format", "json", "troops")
    dashed = cli("search", "--db", feed_store, "--format", "json", "--", "-troops")
    assert dashed.exit_code == 0, dashed.stderr
    assert dashed.json() == plain.json() and plain.json()
    without = cli("search", "--db", feed_store, "--format", "json", "-troops")
    assert without.exit_code == 2 and without.stdout == ""  # what `--` is for


def test_help_and_readme_say_how_to_search_for_a_leading_dash(cli) -> None:
    result = cli("search", "--help")
    assert "put -- before it (newsint search --db x.db -- -1.5)" in " ".join(result.stdout.split())
    assert "`newsint search --db corpus.db -- -1.5`" in README.read_text(encoding="utf-8")
