"""Search snippets mark the matched words by position, never by a character the text could hold.

The store used to mark matches with "[" and "]", so an article's own brackets ("[/i]", "[x]")
read as matches: `newsint search` showed "[x]" as a bold "x" and dropped the brackets. The
databases now mark matches with two private-use characters that the indexed text never holds
(rows.search_rows replaces them), and the store gives the snippet as plain text with the spans of
the matches (SearchHit.matches). Real pipeline, SQLite and a real PostgreSQL server.
"""

from __future__ import annotations

import re

import pytest

from newsint.store.backend import SNIPPET_END, SNIPPET_START

# Brackets of every kind an article can hold, and the two mark characters themselves.
ARTICLE = (
    "Shelling near Kharkiv [/i]\n\n"
    f"The regional governor said that [bold]Russian[/bold] artillery hit Kharkiv [x] on Monday, wounding "
    f"9 people {SNIPPET_START} and {SNIPPET_END} damaging a school.\n"
)
BOLD = re.compile(r"\x1b\[1m(.*?)\x1b\[0m")  # rich's bold, with FORCE_COLOR


@pytest.fixture
def bracket_store(store_url, tmp_path) -> str:
    """A store on each backend holding the article (by `newsint ingest`)."""
    from typer.testing import CliRunner

    from newsint.cli import app

    path = tmp_path / "brackets.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    result = CliRunner().invoke(app, ["ingest", str(path), "--db", store_url])
    assert result.exit_code == 0, result.output
    return store_url


def _check_hit(snippet: str, matches: list) -> None:
    assert SNIPPET_START not in snippet and SNIPPET_END not in snippet
    found = [(m.start(), m.end()) for m in re.finditer("Kharkiv", snippet)]
    assert found and [tuple(span) for span in matches] == found  # every match, and nothing else


def test_a_snippet_keeps_the_articles_brackets_and_gives_the_matches_by_position(bracket_store) -> None:
    from newsint.store import open_store

    with open_store(bracket_store, read_only=True) as store:
        hits = store.search("Kharkiv")
        assert {h.kind for h in hits} == {"article", "claim"}
        for hit in hits:
            _check_hit(hit.snippet, hit.matches)
        (claim,) = [h for h in hits if h.kind == "claim"]
        assert "Kharkiv [x] on Monday" in claim.snippet  # (each database picks its own window)
        article = next(h for h in hits if h.kind == "article")
        assert "Kharkiv [/i] The regional governor" in article.snippet
        # The stored article keeps the private-use characters; only the index replaces them.
        assert SNIPPET_START in store.article(article.article_id).analysis.document.text


def test_search_json_gives_the_snippet_and_the_spans_of_the_matches(cli, bracket_store) -> None:
    result = cli("search", "Kharkiv", "--db", bracket_store, "--format", "json")
    assert result.exit_code == 0, result.stderr
    hits = result.json()
    assert hits
    for hit in hits:
        _check_hit(hit["snippet"], hit["matches"])
    assert any("[x]" in hit["snippet"] for hit in hits)


def test_search_table_bolds_the_matches_and_shows_brackets_as_text(cli, bracket_store) -> None:
    result = cli("search", "Kharkiv", "--db", bracket_store, env={"FORCE_COLOR": "1", "COLUMNS": "200"})
    assert result.exit_code == 0, result.stderr
    bold = {text.strip() for text in BOLD.findall(result.stdout)} - {"", "kind", "article", "snippet"}  # headers
    assert bold == {"Kharkiv"}, result.stdout
    # "[x]" appears only in the snippet (the title holds "[/i]"): shown as written, not bold.
    assert "[x]" in BOLD.sub(r"\1", result.stdout)
