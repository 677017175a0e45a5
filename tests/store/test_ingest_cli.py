"""`newsint ingest`, `stats`, `search` and `failed` through the command line (in process)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsint.store.migrations import LATEST_VERSION

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples"
ARTICLE = (
    "Belarus says joint drills with Russia will continue\n\n"
    "Belarus said on Sunday that its joint military drills with Russia would go on, a week after they were "
    "due to end, citing tension near its borders.\n\n"
    "The defence ministry did not say how long the exercises would now last or how many troops took part.\n"
)
OTHER_ARTICLE = (
    "Ukraine puts Russian force in Belarus at 9,000\n\n"
    "Ukraine's defence minister told parliament on Monday that about 9,000 Russian soldiers were stationed in "
    "Belarus, and called reports of an imminent attack on Kyiv from the north overblown.\n\n"
    "He gave no source for the figure and took no questions after the session.\n"
)


def stats_of(cli, db) -> dict:
    result = cli("stats", "--db", db, "--format", "json")
    assert result.exit_code == 0, result.stderr
    return result.json()


def test_ingesting_the_examples_twice_leaves_the_same_counts(cli, store_url):
    first = cli("ingest", EXAMPLES, "--db", store_url)
    assert first.exit_code == 0, first.stderr
    assert first.error_lines == []
    counts = stats_of(cli, store_url)
    # examples/: three single-article text files (one in Russian), a PDF, an HTML page and a feed of
    # three articles.
    assert counts["articles"] == counts["sources"] == 8
    assert counts["failures"] == 0 and counts["claims"] > 0 and counts["entities"] > 0
    second = cli("ingest", EXAMPLES, "--db", store_url)
    assert second.exit_code == 0, second.stderr
    assert "stored 0 new article(s), 8 already stored" in second.stdout
    assert stats_of(cli, store_url) == counts


def test_a_bad_file_is_recorded_skipped_and_retried(cli, tmp_path, store_url):
    db = store_url
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(ARTICLE, encoding="utf-8")
    bad = folder / "later.txt"
    bad.write_bytes(b"")
    result = cli("ingest", folder, "--db", db)
    assert result.exit_code == 1
    assert result.error_lines == [f"newsint: error: {bad.resolve()}: empty file [N002]"]
    listed = cli("failed", "--db", db, "--format", "json").json()
    assert [(f["source"], f["code"], f["reason"]) for f in listed] == [(str(bad.resolve()), "N002", "empty file")]
    assert stats_of(cli, db)["articles"] == 1
    bad.write_text(OTHER_ARTICLE, encoding="utf-8")
    retried = cli("failed", "--db", db, "--retry")
    assert retried.exit_code == 0, retried.stderr
    assert cli("failed", "--db", db, "--format", "json").json() == []
    assert "no failed documents" in cli("failed", "--db", db).stdout
    assert stats_of(cli, db)["articles"] == 2  # the good file was not read again


def test_a_bad_feed_record_is_retried_alone(cli, tmp_path, store_url):
    db = store_url
    feed = tmp_path / "feed.jsonl"
    good = {"title": "Drills go on", "text": ARTICLE, "date": "2022-02-20"}
    feed.write_text(json.dumps(good) + "\n" + json.dumps({"title": "Blank", "text": "   "}) + "\n", encoding="utf-8")
    assert cli("ingest", feed, "--db", db).exit_code == 1
    (failure,) = cli("failed", "--db", db, "--format", "json").json()
    assert failure["source"] == f"{feed.resolve()}:2"
    second = dict(good, text=OTHER_ARTICLE)
    feed.write_text(json.dumps(good) + "\n" + json.dumps(second) + "\n", encoding="utf-8")
    retried = cli("failed", "--db", db, "--retry")
    assert retried.exit_code == 0, retried.stderr
    assert "stored 1 new article(s), 0 already stored" in retried.stdout  # record 1 was not redone
    assert stats_of(cli, db)["articles"] == 2


def test_resume_skips_sources_already_stored_or_failed(cli, tmp_path, store_url):
    db = store_url
    assert cli("ingest", EXAMPLES / "example-wire-drills-extended.txt", "--db", db).exit_code == 0
    (tmp_path / "empty.txt").write_bytes(b"")
    result = cli("ingest", EXAMPLES, tmp_path / "empty.txt", "--db", db, "--resume")
    assert result.exit_code == 1  # the empty file fails on this first attempt
    assert "stored 7 new article(s)" in result.stdout and "1 source(s) skipped" in result.stdout
    again = cli("ingest", EXAMPLES, tmp_path / "empty.txt", "--db", db, "--resume")
    assert again.exit_code == 0, again.stderr
    assert (
        "stored 0 new article(s)" in again.stdout and "9 source(s) skipped" in again.stdout
    )  # 8 articles + the empty file


def test_published_date_is_applied(cli, tmp_path, store_url):
    db = store_url
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    assert cli("ingest", article, "--db", db, "--published", "2022-02-20").exit_code == 0
    assert stats_of(cli, db)["first_published"] == "2022-02-20"
    bad = cli("ingest", article, "--db", db, "--published", "yesterday")
    assert bad.exit_code == 2 and len(bad.error_lines) == 1


def test_search_command(cli, feed_store):
    db = feed_store
    hits = cli("search", "ludicrous", "--db", db, "--format", "json").json()
    assert hits and all(h["title"].startswith("Ukraine puts Russian force") for h in hits)
    table = cli("search", "ludicrous", "--db", db)
    assert table.exit_code == 0 and "ludicrous" in table.stdout
    claims = cli("search", "troops", "--db", db, "--type", "claim", "--from", "2022-02-17", "--format", "json")
    assert claims.json() and {h["kind"] for h in claims.json()} == {"claim"}
    assert {h["published"] for h in claims.json()} == {"2022-02-21"}
    assert "no matches" in cli("search", "zzzqqq", "--db", db).stdout


# Text that FTS5, tsquery, SQL, LIKE or the driver's placeholders (? and %s) could read as syntax.
HOSTILE = [
    '"',
    "NEAR(",
    "*",
    "troops OR",
    "'; DROP TABLE articles; --",
    "-",
    "%",
    "%s",
    "?",
    "_",
    "\\",
    "troops:*",
    "!troops",
]


@pytest.mark.parametrize("query", HOSTILE)
def test_search_command_takes_any_text(cli, feed_store, query):
    result = cli("search", query, "--db", feed_store, "--format", "json")
    assert result.exit_code == 0 and result.stderr == ""
    assert isinstance(result.json(), list)
    assert stats_of(cli, feed_store)["articles"] == 3


def test_search_source_filter_ignores_case_and_takes_wildcards_as_text(cli, feed_store):
    def search(source: str) -> list[dict]:
        result = cli("search", "troops", "--source", source, "--db", feed_store, "--format", "json")
        assert result.exit_code == 0, result.stderr
        return result.json()

    # The feed's outlet is "Meridian Wire"; its path ends in examples/meridian-wire-feed.jsonl.
    assert {h["outlet"] for h in search("meridian wire")} == {"Meridian Wire"}
    assert search("MERIDIAN-WIRE-FEED")  # part of the path, in any case, on either database
    # % and _ are LIKE's wildcards: here they are characters that no outlet or path holds.
    assert search("meridian_wire") == [] and search("meridian%feed") == [] and search("%") == []


def test_store_command_errors_are_one_line(cli, tmp_path):
    from newsint.store import open_store

    open_store(str(tmp_path / "n.db")).close()  # an empty store: the option errors below are the only fault
    # Exit 1: the store cannot be used; exit 2: an option value is wrong.
    for code, *args in (
        (1, "stats", "--db", str(tmp_path / "typo.db")),  # reading commands do not create a store
        (1, "stats", "--db", str(tmp_path / "missing" / "n.db")),
        (1, "stats", "--db", str(tmp_path), "--format", "json"),  # a folder, not a file
        (1, "stats", "--db", "postgresql://nobody@127.0.0.1:1/none"),
        (2, "search", "x", "--db", str(tmp_path / "n.db"), "--type", "tank"),
        (2, "search", "x", "--db", str(tmp_path / "n.db"), "--from", "last week"),
        (2, "search", "x", "--db", str(tmp_path / "n.db"), "--to", "2022-13"),
        (2, "stats", "--db", str(tmp_path / "n.db"), "--format", "xml"),
    ):
        result = cli(*args)
        assert result.exit_code == code, args
        assert len(result.error_lines) == 1 and result.error_lines[0].startswith("newsint: error: "), result.stderr
    assert not (tmp_path / "typo.db").exists()


def test_doctor_reports_the_store(cli, tmp_path, monkeypatch):
    from newsint.cli.doctor import _store

    db = tmp_path / "n.db"
    monkeypatch.setenv("NEWSINT_DB", str(db))
    assert "none yet" in _store().detail and not db.exists()  # doctor does not create it
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    assert cli("ingest", article).exit_code == 0  # NEWSINT_DB names the store
    check = _store()
    assert check.ok and f"{db} (sqlite, schema {LATEST_VERSION}): 1 articles" in check.detail


def test_analyze_stream_yields_each_failure_in_its_place():
    from newsint.errors import EmptyInputError
    from newsint.model import Analysis
    from newsint.pipeline import analyze_stream
    from newsint.readers import RawDocument

    items = [
        RawDocument(source="a", reader="text", text=ARTICLE),
        EmptyInputError("empty file", path="b"),
        RawDocument(source="c", reader="text", text="\n\n   \n"),
        RawDocument(source="d", reader="text", text=OTHER_ARTICLE),
    ]
    out = list(analyze_stream(items, batch_size=2))
    assert [type(x).__name__ for x in out] == ["Analysis", "EmptyInputError", "EmptyInputError", "Analysis"]
    assert [x.document.source if isinstance(x, Analysis) else x.path for x in out] == ["a", "b", "c", "d"]


def test_a_damaged_store_is_one_error_line_for_every_reading_command(cli, tmp_path, damage_tables):
    db = tmp_path / "n.db"
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    assert cli("ingest", article, "--db", db).exit_code == 0
    damage_tables(db)
    for args in (("stats",), ("failed",), ("search", "drills")):
        result = cli(*args, "--db", db)
        assert result.exit_code == 1, args
        assert len(result.error_lines) == 1 and "cannot" in result.error_lines[0], result.stderr


def test_a_nul_character_in_a_feed_record_is_dropped_and_the_article_stored(cli, tmp_path, store_url):
    # JSON can carry "\u0000"; PostgreSQL's text columns cannot hold it, SQLite's can.
    feed = tmp_path / "feed.jsonl"
    text = ARTICLE.replace("joint military drills", "joint\x00 military drills")
    record = {"title": "Drills\x00 go on", "text": text, "source": "Wire\x00", "date": "2022-02-20"}
    feed.write_text(json.dumps(record) + "\n", encoding="utf-8")
    result = cli("ingest", feed, "--db", store_url)
    assert result.exit_code == 0, result.stderr
    (hit,) = cli("search", "tension", "--db", store_url, "--type", "article", "--format", "json").json()
    assert (hit["title"], hit["outlet"]) == ("Drills go on", "Wire")
    exported = cli("export", "-f", "jsonl", "--db", store_url).jsonl()
    assert "joint military drills" in exported[0]["document"]["text"]
    assert "\x00" not in json.dumps(exported, ensure_ascii=False)


def test_stats_count_the_same_on_both_backends(cli, examples_sqlite, examples_postgresql):
    on_sqlite, on_postgresql = stats_of(cli, examples_sqlite), stats_of(cli, examples_postgresql)
    assert (on_sqlite.pop("backend"), on_postgresql.pop("backend")) == ("sqlite", "postgresql")
    assert on_sqlite.pop("location") != on_postgresql.pop("location")
    assert on_sqlite["articles"] == 8 and on_sqlite["claims"] > 0
    assert on_postgresql == on_sqlite


def test_fail_fast_stops_the_ingest_at_the_first_failed_document(cli, tmp_path):
    db = tmp_path / "store.db"
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    bad = folder / "b.txt"
    bad.write_bytes(b"")
    (folder / "c.txt").write_text(OTHER_ARTICLE, encoding="utf-8")
    result = cli("ingest", folder, "--db", db, "--fail-fast")
    assert result.exit_code == 1
    assert result.error_lines == [f"newsint: error: {bad.resolve()}: empty file [N002]"]
    assert "stored 1 new article(s), 0 already stored, 1 failed" in result.stdout
    assert stats_of(cli, db)["articles"] == 1  # c.txt, after the failure, was not ingested
    assert [f["source"] for f in cli("failed", "--db", db, "--format", "json").json()] == [str(bad.resolve())]
    # --resume picks up where the stop left off: the stored and the failed files are skipped.
    resumed = cli("ingest", folder, "--db", db, "--resume")
    assert resumed.exit_code == 0, resumed.stderr
    assert "stored 1 new article(s), 0 already stored, 2 source(s) skipped (--resume), 0 failed" in resumed.stdout
    assert stats_of(cli, db)["articles"] == 2


def test_max_bytes_refuses_a_larger_input_and_stores_the_rest(cli, tmp_path):
    db = tmp_path / "store.db"
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    big = folder / "b.txt"
    big.write_text(ARTICLE + "\n\n" + OTHER_ARTICLE, encoding="utf-8")
    limit = len(ARTICLE.encode("utf-8")) + 10  # a.txt fits, b.txt does not
    result = cli("ingest", folder, "--db", db, "--max-bytes", limit)
    assert result.exit_code == 1
    (line,) = result.error_lines
    assert line.startswith(f"newsint: error: {big.resolve()}: ") and f"size limit of {limit:,}" in line
    assert line.endswith("]")
    assert stats_of(cli, db)["articles"] == 1
