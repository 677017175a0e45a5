"""The SQLite backend: one file, WAL journal, one writer at a time, FTS5 full-text index.

Several processes may open the same file: readers never block (WAL), and each write runs in
``BEGIN IMMEDIATE``, which takes the file's write lock up front, so two ``newsint ingest`` runs
take turns per article instead of failing half-way with "database is locked"; a writer waits up
to ``BUSY_TIMEOUT_S`` for the lock. A killed process leaves at most an uncommitted transaction,
which SQLite rolls back when the file is next opened.
"""

from __future__ import annotations

import contextlib
import re
import sqlite3
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, ClassVar

from newsint.errors import StoreError
from newsint.store.backend import SNIPPET_END, SNIPPET_START, SNIPPET_WORDS, Backend, SearchSQL

# How long a writer waits for another process's transaction to finish. One article's write
# takes milliseconds; the margin covers a checkpoint on a slow disk or a long `failed --retry`.
BUSY_TIMEOUT_S = 60.0

# synchronous=NORMAL in WAL mode: a committed transaction survives the process being killed (the
# WAL is in the OS's hands at commit) and the file is never corrupted; only a power cut can lose
# the last few commits. FULL would fsync every article, which costs more than the write itself.
_PRAGMAS = ("PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL", "PRAGMA foreign_keys=ON")

# Words of the user's search text; each is quoted for FTS5, so AND/OR/NEAR/* and quotes in
# the text are searched for as words (or dropped), never interpreted as query syntax.
_WORD = re.compile(r"\w+")


def _execute_when_free(connection: sqlite3.Connection, sql: str) -> None:
    """Run ``sql``, retrying while another connection holds the lock it needs.

    Switching a new file to WAL needs an exclusive lock, and SQLite answers "database is locked"
    at once, without its busy handler, when two processes open a fresh store together (the
    handler would deadlock them). Once a store is in WAL mode the pragma needs no lock.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_S
    delay = 0.01
    while True:
        try:
            connection.execute(sql)
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(delay)
            delay = min(delay * 2, 0.5)


class SQLiteBackend(Backend):
    kind = "sqlite"
    TYPES: ClassVar[dict[str, str]] = {"json": "TEXT", "real": "REAL", "blob": "BLOB", "bigint": "INTEGER"}
    driver_errors = (sqlite3.Error,)

    def __init__(self, path: str) -> None:
        self.path = path
        self.display_name = path
        if Path(path).is_dir():
            raise StoreError("cannot open the store: this is a folder, not a database file", path=path)
        folder = Path(path).parent
        if not folder.is_dir():
            raise StoreError("cannot create the store: its folder does not exist", path=path)
        try:
            # isolation_level=None: no implicit transactions; write() opens them explicitly.
            self.connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
            for pragma in _PRAGMAS:
                _execute_when_free(self.connection, pragma)
        except sqlite3.DatabaseError as error:
            raise StoreError(f"cannot open the store ({error})", path=path) from None
        self._in_write = False

    def execute(self, sql: str, params: Sequence[Any] = ()) -> sqlite3.Cursor:
        return self.connection.execute(sql, params)

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if rows:
            self.connection.executemany(sql, rows)

    @contextlib.contextmanager
    def write(self) -> Iterator[None]:
        self.connection.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.connection.execute("ROLLBACK")
            raise
        self.connection.execute("COMMIT")

    def close(self) -> None:
        self.connection.close()

    def table_names(self) -> set[str]:
        return {row[0] for row in self.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}

    def search_index_ddl(self) -> list[str]:
        if not fts5_available():
            raise StoreError(
                "this Python's SQLite has no FTS5 (full-text search); use one built with it", path=self.path
            )
        # porter: "troops" finds "troop"; remove_diacritics: "Lukasenka" finds "Lukašenka".
        return [
            "CREATE VIRTUAL TABLE search_index USING fts5(kind UNINDEXED, article_id UNINDEXED, item_id UNINDEXED, "
            "body, tokenize = 'porter unicode61 remove_diacritics 2')"
        ]

    def search_sql(self, query: str) -> SearchSQL | None:
        words = _WORD.findall(query)
        if not words:
            return None
        snippet = f"snippet(search_index, 3, '{SNIPPET_START}', '{SNIPPET_END}', '…', {SNIPPET_WORDS})"
        match = " ".join(f'"{word}"' for word in words)  # every word, each a quoted FTS5 string
        return SearchSQL("search_index s", "search_index MATCH ?", snippet, "bm25(search_index)", (match,))


def fts5_available() -> bool:
    connection = sqlite3.connect(":memory:")
    try:
        connection.execute("CREATE VIRTUAL TABLE probe USING fts5(body)")
        return True
    except sqlite3.OperationalError:
        return False
    finally:
        connection.close()
