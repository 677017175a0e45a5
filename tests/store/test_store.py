"""The store's interface on both backends (SQLite file and a real PostgreSQL server).

Articles come from the real pipeline over the repository's examples and Guardian reports; the
expected counts are computed from those analyses, not copied from the store's output.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsint.errors import StoreError, UsageError
from newsint.model import Analysis, Entity, Mention
from newsint.store import Outcome, content_key, open_store
from newsint.store.migrations import LATEST_VERSION

REPO = Path(__file__).resolve().parents[2]
FEED = REPO / "examples" / "meridian-wire-feed.jsonl"
GUARDIAN = REPO / ".." / "shared" / "data" / "news" / "guardian-syria.jsonl"

# What search text may contain that FTS5 or SQL would read as syntax.
HOSTILE_QUERIES = [
    '"',
    "'",
    "troops'",
    '"troops',
    "OR",
    "troops OR",
    "AND NOT",
    "NEAR(",
    "NEAR(troops Belarus, 2)",
    "*",
    "troop*",
    "^troops",
    "troops:",
    "body:troops",
    "'; DROP TABLE articles; --",
    "); DELETE FROM articles; --",
    "%",
    "_",
    "\\",
    "",
    "   ",
    "-",
    "troops -Belarus",
    "a" * 2000,
]


@pytest.fixture(scope="module")
def feed_analyses() -> list[Analysis]:
    from newsint.pipeline import analyze_many
    from newsint.readers import read_path
    from newsint.settings import Settings

    return list(analyze_many(read_path(FEED, Settings())))


def guardian_texts(count: int) -> list[str]:
    if not GUARDIAN.exists():
        pytest.skip(f"shared data not found: {GUARDIAN}")
    with GUARDIAN.open(encoding="utf-8") as handle:
        return [json.loads(line)["text"] for _, line in zip(range(count), handle, strict=False)]


def test_articles_come_back_whole_in_ingest_order(store, feed_analyses):
    added = [store.add(a) for a in reversed(feed_analyses)]
    assert [a.outcome for a in added] == [Outcome.stored] * len(feed_analyses)
    articles = list(store.articles())
    assert [a.analysis for a in articles] == list(reversed(feed_analyses))
    # As JSON too, byte for byte: records compare dicts regardless of key order, JSON does not.
    assert [a.analysis.to_json() for a in articles] == [a.to_json() for a in reversed(feed_analyses)]
    assert [a.article_id for a in articles] == [content_key(a.document.text) for a in reversed(feed_analyses)]
    assert {a.outlet for a in articles} == {"Meridian Wire"}  # the feed's "source" field
    assert all(a.duplicate_of is None for a in articles)


def test_adding_the_same_article_again_changes_nothing(store, feed_analyses):
    for analysis in feed_analyses:
        store.add(analysis)
    before = store.stats()
    again = store.add(feed_analyses[0])
    assert again.outcome is Outcome.unchanged
    assert again.article_id == content_key(feed_analyses[0].document.text)
    assert store.stats() == before
    assert len(list(store.articles())) == len(feed_analyses)


def test_stats_count_what_the_analyses_hold(store, feed_analyses):
    for analysis in feed_analyses:
        store.add(analysis)
    stats = store.stats()
    assert stats.articles == stats.independent_articles == stats.sources == len(feed_analyses)
    assert stats.claims == sum(len(a.claims) for a in feed_analyses)
    assert stats.quantities == sum(len(a.quantities) for a in feed_analyses)
    assert stats.mentions == sum(len(e.mentions) for a in feed_analyses for e in a.entities)
    assert stats.judgements == sum(len(a.judgements) for a in feed_analyses)
    assert stats.contradictions == sum(len(a.contradictions) for a in feed_analyses)
    distinct = {e.kb_id or f"{e.type}:{e.name.lower()}" for a in feed_analyses for e in a.entities}
    assert stats.entities == len(distinct)
    assert stats.outlets == 1
    assert stats.first_published == "2022-01-31"  # the feed's first record, dated in its metadata
    assert stats.schema_version == LATEST_VERSION


def test_search_finds_articles_and_claims_with_snippets(store, feed_analyses):
    for analysis in feed_analyses:
        store.add(analysis)
    hits = store.search("ludicrous")  # one word in one article of the feed (checked by hand)
    assert hits and {h.article_id for h in hits} == {content_key(feed_analyses[2].document.text)}
    assert any(h.snippet[start:end] == "ludicrous" for h in hits for start, end in h.matches)
    claims = store.search("ludicrous", type="claim")
    assert claims and all(h.kind == "claim" and h.claim_source for h in claims)
    assert all(h.kind == "article" for h in store.search("ludicrous", type="article"))


def test_search_filters(store, feed_analyses):
    for analysis in feed_analyses:
        store.add(analysis)
    everything = {h.article_id for h in store.search("Belarus", limit=100)}
    assert len(everything) == 3
    # The feed's records are dated 2022-01-31, 2022-02-16 and 2022-02-21.
    assert {h.published for h in store.search("Belarus", date_from="2022-02-01", limit=100)} == {
        "2022-02-16",
        "2022-02-21",
    }
    assert {h.published for h in store.search("Belarus", date_to="2022-01", limit=100)} == {"2022-01-31"}
    assert store.search("Belarus", date_from="2023") == []
    assert {h.article_id for h in store.search("Belarus", source="meridian wire", limit=100)} == everything
    assert {h.article_id for h in store.search("Belarus", source="meridian-wire-feed.jsonl:2", limit=100)} == {
        content_key(feed_analyses[1].document.text)
    }
    assert store.search("Belarus", source="no such outlet") == []
    with_name = {
        content_key(a.document.text) for a in feed_analyses if any(e.name == "Jens Stoltenberg" for e in a.entities)
    }
    assert with_name, "the feed names Jens Stoltenberg"
    assert {h.article_id for h in store.search("Belarus", entity="jens stoltenberg", limit=100)} == with_name
    assert store.search("Belarus", entity="Nobody Anybody") == []
    assert len(store.search("Belarus", limit=2)) == 2


@pytest.mark.parametrize("query", HOSTILE_QUERIES)
def test_search_text_is_never_syntax(store, feed_analyses, query):
    store.add(feed_analyses[0])
    hits = store.search(query)
    assert isinstance(hits, list)
    assert store.stats().articles == 1  # nothing was dropped or deleted


def test_hostile_words_are_searched_as_words(store, feed_analyses):
    store.add(feed_analyses[0])
    # A stray quote or NEAR( is part of no word: the words around it are still found.
    assert store.search('"troops') and store.search("troops'") and store.search("NEAR(troops")


def test_bad_filters_are_one_clear_error(store):
    with pytest.raises(UsageError, match="search type"):
        store.search("x", type="tank")
    with pytest.raises(UsageError, match="--from"):
        store.search("x", date_from="last week")
    # Shaped like dates but naming no month or day: refused, not compared as text.
    with pytest.raises(UsageError, match="--to"):
        store.search("x", date_to="2022-13")
    with pytest.raises(UsageError, match="--from"):
        store.search("x", date_from="2022-02-30")
    assert store.search("x", date_from="2022", date_to="2022-02-28") == []


def test_failures_are_recorded_and_cleared_by_a_success(store, feed_analyses):
    from newsint.errors import EmptyInputError

    source = feed_analyses[0].document.source
    store.record_failure(source, EmptyInputError("no article text left after cleaning", path=source))
    store.record_failure(source, EmptyInputError("no article text left after cleaning", path=source))
    (failure,) = store.failures()
    assert (failure.source, failure.code, failure.attempts) == (source, "N002", 2)
    assert source in store.known_sources()
    store.add(feed_analyses[0])
    assert store.failures() == []
    assert source in store.known_sources()  # now as a stored source


def test_an_article_the_database_refuses_leaves_nothing(store, feed_analyses):
    store.add(feed_analyses[0])
    before = store.stats()
    broken = Analysis.from_dict(feed_analyses[1].to_dict())
    twin = Entity(id="E1", name="Twin", type="ORG", mentions=[Mention(0, 4, "Twin")])
    broken.entities += [twin, twin]  # the same entity id twice: the primary key refuses the second
    with pytest.raises(StoreError, match="cannot store"):
        store.add(broken)
    assert store.stats() == before
    assert [a.article_id for a in store.articles()] == [content_key(feed_analyses[0].document.text)]
    store.add(feed_analyses[1])  # the store is still usable
    assert store.stats().articles == 2


def test_near_duplicate_is_linked_and_a_different_report_is_not(store, feed_analyses):
    base = feed_analyses[2]
    copy = Analysis.from_dict(base.to_dict())
    document = copy.document
    # A syndicated copy: another outlet's headline, a reworded sentence, a footer line added.
    document.text = (
        "Kyiv says Russian force in Belarus smaller than feared\n\n"
        + document.body.replace("ludicrous", "absurd", 1)
        + "\n\nReporting by a partner agency; editing by the desk."
    )
    document.source, document.site = "partner.example/kyiv-belarus", "Partner Agency"
    first, second, other = store.add(base), store.add(copy), store.add(feed_analyses[0])
    assert second.outcome is Outcome.duplicate
    assert second.duplicate_of == first.article_id
    assert second.similarity is not None and second.similarity >= 0.5
    assert other.outcome is Outcome.stored  # same conflict, same days, different report
    stats = store.stats()
    assert (stats.articles, stats.duplicates, stats.independent_articles) == (3, 1, 2)
    by_id = {a.article_id: a for a in store.articles()}
    assert by_id[second.article_id].independent_source == first.article_id


def test_a_copy_of_a_copy_points_at_the_first(store, feed_analyses):
    base = feed_analyses[2]
    copies = []
    for n in range(2):
        copy = Analysis.from_dict(base.to_dict())
        copy.document.text = copy.document.text + f"\n\nRepublished by outlet {n}."
        copy.document.source = f"outlet-{n}"
        copies.append(copy)
    first = store.add(base)
    assert [store.add(c).duplicate_of for c in copies] == [first.article_id, first.article_id]


def test_reopening_keeps_everything_and_migrates_once(store_url, feed_analyses):
    with open_store(store_url) as store:
        store.add(feed_analyses[0])
    with open_store(store_url) as store:
        assert store.stats().articles == 1
        assert store.schema_version == LATEST_VERSION
        rows = store._db.execute("SELECT version FROM schema_version").fetchall()
    assert [r[0] for r in rows] == list(range(1, LATEST_VERSION + 1))


def test_a_store_from_a_newer_newsint_is_refused(store_url):
    with open_store(store_url) as store, store._db.write():
        store._db.execute("INSERT INTO schema_version (version, name, applied_at) VALUES (99, 'future', 'x')")
    with pytest.raises(StoreError, match="newer than this newsint"):
        open_store(store_url)


def test_unusable_locations_are_one_clear_error(tmp_path):
    with pytest.raises(StoreError, match="folder does not exist"):
        open_store(str(tmp_path / "missing" / "newsint.db"))
    not_a_db = tmp_path / "notes.db"
    not_a_db.write_text("these are notes, not a database\n" * 100)
    with pytest.raises(StoreError, match="cannot open the store"):
        open_store(str(not_a_db))
    with pytest.raises(StoreError, match=r"cannot connect \(connection to server .* failed: Connection refused\)"):
        open_store("postgresql://nobody@127.0.0.1:1/none")
    with pytest.raises(StoreError, match="a folder, not a database file"):
        open_store(str(tmp_path))
    with pytest.raises(StoreError, match="no store here"):
        open_store(str(tmp_path / "typo.db"), create=False)
    assert not (tmp_path / "typo.db").exists()


def test_another_applications_database_is_refused_untouched(store_url):
    import sqlite3

    if store_url.startswith("postgresql://"):
        import psycopg

        with psycopg.connect(store_url, autocommit=True) as connection:
            connection.execute("CREATE TABLE customers (name TEXT)")
            connection.execute("CREATE TABLE orders (item TEXT)")
    else:
        with sqlite3.connect(store_url) as connection:
            connection.execute("CREATE TABLE customers (name TEXT)")
            connection.execute("CREATE TABLE orders (item TEXT)")
        connection.close()
    with pytest.raises(StoreError, match=r"not a newsint store: .*\(customers, orders\)"):
        open_store(store_url)
    if store_url.startswith("postgresql://"):
        with psycopg.connect(store_url) as connection:
            tables = {row[0] for row in connection.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
            )}  # fmt: skip
    else:
        with sqlite3.connect(store_url) as connection:
            tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        connection.close()
    assert tables == {"customers", "orders"}


def test_store_location_defaults(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NEWSINT_DB", raising=False)
    with open_store(None) as store:
        assert store.location == "newsint.db"
    assert (tmp_path / "newsint.db").exists()
    monkeypatch.setenv("NEWSINT_DB", str(tmp_path / "other.db"))
    with open_store(None) as store:
        assert store.location == str(tmp_path / "other.db")
    with open_store(f"sqlite:///{tmp_path / 'third.db'}"):
        pass
    assert (tmp_path / "third.db").exists()


def test_sqlite_store_is_in_wal_mode(tmp_path):
    with open_store(str(tmp_path / "n.db")) as store:
        assert store._db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store._db.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_guardian_copy_is_linked_and_another_report_on_the_war_is_not(store):
    from newsint.pipeline import analyze_many
    from newsint.readers import RawDocument

    first, second = guardian_texts(2)  # two reports on the Syrian war, both on detained Isis fighters
    sentences = first.split(". ")
    sentences[3] = "A spokesman declined to comment on the negotiations when contacted on Tuesday"
    copy = "Iraq seeks fee to try Isis suspects\n\n" + ". ".join(sentences) + "\n\nThis story was syndicated."
    raws = [
        RawDocument(source="guardian/first", reader="text", text=first),
        RawDocument(source="partner/copy", reader="text", text=copy),
        RawDocument(source="guardian/second", reader="text", text=second),
    ]
    original, syndicated, other = (store.add(a) for a in analyze_many(raws))
    assert syndicated.outcome is Outcome.duplicate and syndicated.duplicate_of == original.article_id
    assert other.outcome is Outcome.stored and other.duplicate_of is None


def test_concurrent_writers_store_each_article_once(store_url, feed_analyses):
    import threading

    outcomes: list = []
    errors: list = []

    def work():
        try:  # each writer opens the fresh store itself: the first migration races too
            with open_store(store_url) as store:
                outcomes.extend(store.add(a) for a in feed_analyses)
        except Exception as error:  # collected: an exception in a thread would otherwise be lost
            errors.append(error)

    threads = [threading.Thread(target=work) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []
    assert sum(o.outcome is Outcome.stored for o in outcomes) == len(feed_analyses)
    assert sum(o.outcome is Outcome.unchanged for o in outcomes) == 2 * len(feed_analyses)
    with open_store(store_url) as store:
        seqs = [row[0] for row in store._db.execute("SELECT seq FROM articles ORDER BY seq").fetchall()]
        assert seqs == list(range(1, len(feed_analyses) + 1))
        assert [r[0] for r in store._db.execute("SELECT version FROM schema_version").fetchall()] == list(
            range(1, LATEST_VERSION + 1)
        )


def test_a_damaged_store_fails_on_reading_with_one_clear_error(tmp_path, feed_analyses, damage_tables):
    path = tmp_path / "n.db"
    with open_store(str(path)) as store:
        for analysis in feed_analyses:
            store.add(analysis)
    damage_tables(path)
    with open_store(str(path)) as store:
        for read in (store.stats, store.failures, store.known_sources, lambda: list(store.articles()),
                     lambda: store.search("troops")):  # fmt: skip
            with pytest.raises(StoreError, match=r"cannot (read|search) the store \("):
                read()
        with pytest.raises(StoreError, match="cannot record a failed input"):
            from newsint.errors import EmptyInputError

            store.record_failure("x.txt", EmptyInputError("empty file", path="x.txt"))


def test_a_schema_1_postgresql_store_is_migrated_to_keep_the_analysis_as_written(postgres_url, feed_analyses):
    # A store made before migration 2 held the analysis as JSONB; opening it converts the column.
    with open_store(postgres_url) as store, store._db.write():
        store._db.execute("ALTER TABLE articles ALTER COLUMN analysis TYPE JSONB USING analysis::text::jsonb")
        store._db.execute("DELETE FROM schema_version WHERE version >= 2")
        # Nor had it step 3's columns and indexes (tests/store/test_schema_upgrade.py).
        for index in ("articles_seq_published", "events_start", "mentions_text", "claims_source_entity",
                      "quantities_unit"):  # fmt: skip
            store._db.execute(f"DROP INDEX {index}")
        for table, column in (("events", "confidence"), ("events", "position"), ("claims", "position"),
                              ("judgements", "holder")):  # fmt: skip
            store._db.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
    with open_store(postgres_url) as store:
        store.add(feed_analyses[0])
        column_type = "SELECT data_type FROM information_schema.columns WHERE table_name = ? AND column_name = ?"
        assert store._db.execute(column_type, ("articles", "analysis")).fetchone()[0] == "json"
        assert store.schema_version == LATEST_VERSION
        (article,) = store.articles()
    assert article.analysis.to_json() == feed_analyses[0].to_json()
