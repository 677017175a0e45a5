"""The store's schema as ordered migrations, one list for SQLite and PostgreSQL alike.

Each migration is a numbered step of SQL statements written once, with the few words that differ
between the two databases as placeholders (``{json}``, ``{real}``, ``{blob}``…) filled from the
backend's ``TYPES``; the full-text index is the one table each backend spells its own way
(``Backend.search_index_ddl``). ``schema_version`` records every applied step; ``apply`` runs the
missing ones, in order, inside the backend's exclusive write transaction, so two processes opening
a fresh store at once migrate it once. Never edit a released step: add the next one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsint.errors import StoreError

if TYPE_CHECKING:
    from newsint.store.backend import Backend


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    statements: Callable[[Backend], list[str]]


def _initial_tables(backend: Backend) -> list[str]:
    sql = [
        # One row per distinct analysed text. ``id`` is the content hash of Document.text; ``seq``
        # is the ingest order (assigned under the write lock, so it is gap-free and portable).
        """CREATE TABLE articles (
            id TEXT PRIMARY KEY,
            seq {bigint} NOT NULL UNIQUE,
            source TEXT NOT NULL,
            url TEXT,
            outlet TEXT,
            title TEXT,
            published TEXT,
            published_basis TEXT NOT NULL,
            language TEXT,
            analysis {json} NOT NULL,
            ingested_at TEXT NOT NULL,
            duplicate_of TEXT REFERENCES articles(id),
            similarity {real},
            minhash {blob}
        )""",
        "CREATE INDEX articles_published ON articles(published)",
        "CREATE INDEX articles_outlet ON articles(outlet)",
        "CREATE INDEX articles_duplicate_of ON articles(duplicate_of)",
        # Every file or record (path, path:line for JSON Lines, URL) that gave an article: the same
        # text read from two places is one article with two sources. ``--resume`` skips these.
        """CREATE TABLE sources (
            source TEXT PRIMARY KEY,
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            ingested_at TEXT NOT NULL
        )""",
        "CREATE INDEX sources_article ON sources(article_id)",
        """CREATE TABLE entities (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            entity_id TEXT NOT NULL,
            name TEXT NOT NULL,
            type TEXT NOT NULL,
            kb_id TEXT,
            actor TEXT,
            attributes {json},
            PRIMARY KEY (article_id, entity_id)
        )""",
        "CREATE INDEX entities_name ON entities(name)",
        "CREATE INDEX entities_kb_id ON entities(kb_id)",
        """CREATE TABLE mentions (
            article_id TEXT NOT NULL,
            entity_id TEXT NOT NULL,
            start_char INTEGER NOT NULL,
            end_char INTEGER NOT NULL,
            text TEXT NOT NULL,
            actor TEXT,
            FOREIGN KEY (article_id, entity_id) REFERENCES entities(article_id, entity_id) ON DELETE CASCADE
        )""",
        "CREATE INDEX mentions_entity ON mentions(article_id, entity_id)",
        """CREATE TABLE claims (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            claim_id TEXT NOT NULL,
            source_entity TEXT,
            source_text TEXT,
            source_actor TEXT,
            cue TEXT,
            content TEXT NOT NULL,
            start_char INTEGER NOT NULL,
            end_char INTEGER NOT NULL,
            hedge TEXT,
            PRIMARY KEY (article_id, claim_id)
        )""",
        "CREATE INDEX claims_source_actor ON claims(source_actor)",
        """CREATE TABLE quantities (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            quantity_id TEXT NOT NULL,
            value {real},
            low {real},
            high {real},
            unit TEXT,
            approximate INTEGER NOT NULL,
            counted TEXT,
            start_char INTEGER NOT NULL,
            end_char INTEGER NOT NULL,
            text TEXT NOT NULL,
            PRIMARY KEY (article_id, quantity_id)
        )""",
        """CREATE TABLE claim_quantities (
            article_id TEXT NOT NULL,
            claim_id TEXT NOT NULL,
            quantity_id TEXT NOT NULL,
            PRIMARY KEY (article_id, claim_id, quantity_id),
            FOREIGN KEY (article_id, claim_id) REFERENCES claims(article_id, claim_id) ON DELETE CASCADE
        )""",
        """CREATE TABLE times (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            time_id TEXT NOT NULL,
            text TEXT NOT NULL,
            start_char INTEGER NOT NULL,
            end_char INTEGER NOT NULL,
            time_precision TEXT,
            anchored INTEGER NOT NULL,
            value_start TEXT,
            value_end TEXT,
            PRIMARY KEY (article_id, time_id)
        )""",
        """CREATE TABLE events (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            event_id TEXT NOT NULL,
            type TEXT NOT NULL,
            mode TEXT,
            modality TEXT NOT NULL,
            start_date TEXT,
            end_date TEXT,
            time_precision TEXT,
            location_entity TEXT,
            lat {real},
            lon {real},
            claim_id TEXT,
            condition TEXT,
            sentence_start INTEGER NOT NULL,
            sentence_end INTEGER NOT NULL,
            actors {json},
            targets {json},
            PRIMARY KEY (article_id, event_id)
        )""",
        "CREATE INDEX events_type ON events(type)",
        """CREATE TABLE judgements (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            judgement_id TEXT NOT NULL,
            phrase TEXT NOT NULL,
            probability_low {real},
            probability_high {real},
            condition TEXT,
            start_char INTEGER NOT NULL,
            end_char INTEGER NOT NULL,
            text TEXT NOT NULL,
            PRIMARY KEY (article_id, judgement_id)
        )""",
        """CREATE TABLE contradictions (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            items {json} NOT NULL,
            reason TEXT NOT NULL,
            PRIMARY KEY (article_id, position)
        )""",
        # Inputs that could not be turned into an article; a later success removes the row.
        """CREATE TABLE failures (
            source TEXT PRIMARY KEY,
            code TEXT NOT NULL,
            reason TEXT NOT NULL,
            failed_at TEXT NOT NULL,
            attempts INTEGER NOT NULL
        )""",
        # Locality-sensitive hashing buckets of each article's MinHash signature (store/dedup.py):
        # near-duplicates share at least one bucket with high probability.
        """CREATE TABLE dedup_bands (
            bucket {bigint} NOT NULL,
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE
        )""",
        "CREATE INDEX dedup_bands_bucket ON dedup_bands(bucket)",
    ]
    return [statement.format(**backend.TYPES) for statement in sql] + backend.search_index_ddl()


def _analysis_kept_verbatim(backend: Backend) -> list[str]:
    # PostgreSQL's JSONB re-sorts object keys (shortest first) and drops duplicates, so an article
    # read back from it gave JSON whose ``attributes`` came out in another order than it went in
    # (and than SQLite gives back). The stored Analysis is the article's record: keep its text as
    # written with JSON, which PostgreSQL validates but stores as is. SQLite's TEXT already does.
    if backend.kind != "postgresql":
        return []
    return ["ALTER TABLE articles ALTER COLUMN analysis TYPE JSON USING analysis::text::json"]


def _queryable_confidence_and_holder(backend: Backend) -> list[str]:
    # The corpus views are computed in the database (issue #18): the timeline and the exports
    # filter events on their confidence, a judgement's holder is needed beside it, and paged
    # claims and events come in the order of their article's Analysis (``position``), which a
    # table does not keep by itself on PostgreSQL. Stores written before hold these only inside
    # the stored Analysis JSON: they are copied out of it here, so an upgraded store answers like
    # a new one.
    statements = [
        "ALTER TABLE events ADD COLUMN confidence {real}".format(**backend.TYPES),
        "ALTER TABLE events ADD COLUMN position INTEGER",
        "ALTER TABLE claims ADD COLUMN position INTEGER",
        "ALTER TABLE judgements ADD COLUMN holder TEXT",
    ]
    # (table, its item id column, the column filled, its value on PostgreSQL, on SQLite) where
    # ``e`` is one item of the Analysis list named like the table (``n``/``key``: its position).
    filled = (
        ("events", "event_id", "confidence", "(e->>'confidence')::float8", "json_extract(e.value, '$.confidence')"),
        ("events", "event_id", "position", "e.n - 1", "e.key"),
        ("claims", "claim_id", "position", "e.n - 1", "e.key"),
        ("judgements", "judgement_id", "holder", "e->>'holder'", "json_extract(e.value, '$.holder')"),
    )
    for table, id_column, column, postgres_value, sqlite_value in filled:
        if backend.kind == "postgresql":
            source = f"json_array_elements(a.analysis->'{table}') WITH ORDINALITY AS e(e, n)"
            same, value = f"e->>'id' = {table}.{id_column}", postgres_value
        else:
            source = f"json_each(a.analysis, '$.{table}') e"
            same, value = f"json_extract(e.value, '$.id') = {table}.{id_column}", sqlite_value
        statements.append(
            f"UPDATE {table} SET {column} = (SELECT {value} FROM articles a, {source} "
            f"WHERE a.id = {table}.article_id AND {same})"
        )
    return [
        *statements,
        # What the database-side views look up or order by, at 100,000 articles.
        "CREATE INDEX articles_seq_published ON articles(published, seq)",
        "CREATE INDEX events_start ON events(start_date)",
        "CREATE INDEX mentions_text ON mentions(text)",
        "CREATE INDEX claims_source_entity ON claims(article_id, source_entity)",
        "CREATE INDEX quantities_unit ON quantities(unit)",
    ]


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "articles, extracted items, failures, dedup, full-text index", _initial_tables),
    Migration(2, "stored analysis kept as written (JSON, not JSONB, on PostgreSQL)", _analysis_kept_verbatim),
    Migration(
        3,
        "event confidence, judgement holder, claim and event positions as columns; indexes for the corpus views",
        _queryable_confidence_and_holder,
    ),
)
LATEST_VERSION = MIGRATIONS[-1].version


def apply(backend: Backend) -> int:
    """Bring the store's schema up to date; returns the schema version it ends at."""
    with backend.write():
        tables = backend.table_names()
        _refuse_foreign(backend, tables)
        backend.execute(
            "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
            "applied_at TEXT NOT NULL)"
        )
        current = _version(backend)
        for migration in MIGRATIONS:
            if migration.version <= current:
                continue
            for statement in migration.statements(backend):
                backend.execute(statement)
            backend.execute(
                "INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)",
                (migration.version, migration.name, now()),
            )
            current = migration.version
    return current


def check(backend: Backend) -> int:
    """The schema version of a store opened read-only, which is never migrated: refused when it is
    not (yet) a newsint store, newer than this newsint, or older in a way that matters here (a
    pending step with statements for this backend; on SQLite no step after the first has any)."""
    tables = backend.table_names()
    _refuse_foreign(backend, tables)
    if "schema_version" not in tables:
        raise StoreError("an empty database, not yet a newsint store: run `newsint ingest FILES` first",
                         path=backend.display_name)  # fmt: skip
    current = _version(backend)
    if any(migration.statements(backend) for migration in MIGRATIONS if migration.version > current):
        raise StoreError(
            f"the store has schema version {current}, older than this newsint reads ({LATEST_VERSION}); "
            "`newsint ingest` upgrades it where it can be written",
            path=backend.display_name,
        )
    return current


def _refuse_foreign(backend: Backend, tables: set[str]) -> None:
    if tables and "schema_version" not in tables:
        # Another application's database: adding newsint's tables to it would change what
        # the user pointed at by mistake, so it is refused untouched.
        raise StoreError(
            f"not a newsint store: the database already holds other tables ({', '.join(sorted(tables)[:3])}"
            f"{', …' if len(tables) > 3 else ''})",
            path=backend.display_name,
        )


def _version(backend: Backend) -> int:
    current = backend.execute("SELECT MAX(version) FROM schema_version").fetchone()[0] or 0
    if current > LATEST_VERSION:
        raise StoreError(
            f"the store has schema version {current}, newer than this newsint understands ({LATEST_VERSION}); "
            "upgrade newsint",
            path=backend.display_name,
        )
    return current


def now() -> str:
    """UTC time to the second, ISO 8601: sortable as text in both databases."""
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
