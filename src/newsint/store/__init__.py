"""The durable store: analysed articles and their extracted items in SQLite (default) or PostgreSQL.

backend.py      where the store is (--db, NEWSINT_DB, ./newsint.db) and what a database must do
sqlite.py       SQLite: WAL, one writer (BEGIN IMMEDIATE), FTS5
postgres.py     PostgreSQL (psycopg 3): advisory-lock writer, tsvector + GIN
migrations.py   the ordered schema steps, shared by both
rows.py         an Analysis as table rows
dedup.py        near-duplicates: MinHash over word shingles, LSH buckets
store.py        Store: add, articles, stats, search, failures
ingest.py       files to stored articles, streaming, resumable (the `ingest` command)
"""

from newsint.store.store import Added, Failure, Outcome, SearchHit, Store, StoreStats, content_key, open_store

__all__ = ["Added", "Failure", "Outcome", "SearchHit", "Store", "StoreStats", "content_key", "open_store"]
