"""The SQLite backend: one file, WAL journal, one writer at a time, FTS5 full-text index.

Several processes may open the same file: readers never block (WAL), and each write runs in
``BEGIN IMMEDIATE``, which takes the file's write lock up front, so two ``newsint ingest`` runs
take turns per article instead of failing half-way with "database is locked"; a writer waits up
to ``BUSY_TIMEOUT_S`` for the lock. A killed process leaves at most an uncommitted transaction,
which SQLite rolls back when the file is next opened.

Commands that only read open the file read-only (URI ``mode=ro``), so a store on read-only media
(a DVD, a read-only mount, a colleague's folder) can be read. A WAL database needs its ``-shm``
index beside it even to be read, and SQLite cannot create one in a folder it cannot write
(https://sqlite.org/wal.html#readonly): there, with no ``-wal`` file present (every change is
in the database file itself), it is opened ``immutable=1``, which reads the file as it stands
without locks or the index.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, ClassVar

from newsint.errors import StoreError
from newsint.source_name import source_name
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

    def __init__(self, path: str, *, read_only: bool = False) -> None:
        self.path = path
        # Shown and printed (``stats -f json``): text, even when the file's name is not UTF-8.
        self.display_name = source_name(path)
        self.read_only = read_only
        if Path(path).is_dir():
            raise StoreError("cannot open the store: this is a folder, not a database file", path=self.display_name)
        folder = Path(path).parent
        if not folder.is_dir():
            raise StoreError("cannot create the store: its folder does not exist", path=self.display_name)
        if not read_only:
            _check_writable(Path(path))
        try:
            if read_only:
                self.connection = _connect_read_only(Path(path))
            else:
                # isolation_level=None: no implicit transactions; write() opens them explicitly.
                self.connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
                for pragma in _PRAGMAS:
                    _execute_when_free(self.connection, pragma)
        except sqlite3.DatabaseError as error:
            raise StoreError(f"cannot open the store ({error})", path=self.display_name) from None
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
                "this Python's SQLite has no FTS5 (full-text search); use one built with it", path=self.display_name
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


def _check_writable(path: Path) -> None:
    """Refuse a store this process cannot write with the reason, not SQLite's "attempt to write a
    readonly database" halfway through opening it. In WAL mode a writer creates ``-wal`` and
    ``-shm`` files beside the database, so the folder must be writable as well as the file.
    (``os.access`` asks the kernel: it knows read-only mounts, and that root may write anyway.)"""
    if path.exists() and not os.access(path, os.W_OK):
        reason = "cannot write to the store: the file is read-only (the read commands still work)"
        raise StoreError(reason, path=source_name(path))
    if not os.access(path.parent, os.W_OK):
        verb = "write to" if path.exists() else "create"
        raise StoreError(
            f"cannot {verb} the store: its folder is read-only (SQLite writes its journal there; "
            "the read commands still work)",
            path=source_name(path),
        )


def _connect_read_only(path: Path) -> sqlite3.Connection:
    """A connection that cannot write, on writable and read-only media alike (see the module notes)."""
    path = path.resolve()
    options = "mode=ro"
    if not os.access(path.parent, os.W_OK) and not Path(f"{path}-wal").exists():
        options += "&immutable=1"
    # as_uri() percent-encodes the path, so a '?', '#' or '%' in a folder name stays part of it.
    return sqlite3.connect(f"{path.as_uri()}?{options}", uri=True, timeout=BUSY_TIMEOUT_S, isolation_level=None)


def fts5_available() -> bool:
    connection = sqlite3.connect(":memory:")
    try:
        connection.execute("CREATE VIRTUAL TABLE probe USING fts5(body)")
        return True
    except sqlite3.OperationalError:
        return False
    finally:
        connection.close()
