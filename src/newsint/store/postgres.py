"""The PostgreSQL backend (psycopg 3), for a team sharing one store.

Writes are serialised like SQLite's: each write transaction first takes one transaction-level
advisory lock, so concurrent ingests take turns per article, ingest order (``seq``) stays
gap-free and near-duplicate detection sees every article committed before it. Full-text search is
a ``tsvector`` column generated from the text (English configuration) with a GIN index.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from typing import Any, ClassVar

from newsint.errors import StoreError
from newsint.store.backend import SNIPPET_END, SNIPPET_START, SNIPPET_WORDS, Backend, SearchSQL

# The advisory lock key that serialises newsint writers on one database (any fixed 64-bit number
# unlikely to collide with another application's: the ASCII of "newsint" ).
WRITE_LOCK_KEY = 0x6E657773696E74
CONNECT_TIMEOUT_S = 10


class PostgresBackend(Backend):
    kind = "postgresql"
    TYPES: ClassVar[dict[str, str]] = {"json": "JSONB", "real": "DOUBLE PRECISION", "blob": "BYTEA",
                                       "bigint": "BIGINT"}  # fmt: skip

    def __init__(self, url: str, *, read_only: bool = False) -> None:
        try:
            import psycopg
        except ImportError:
            raise StoreError('PostgreSQL needs psycopg: pip install "psycopg[binary]"') from None
        self.driver_errors = (psycopg.Error,)
        try:
            info = psycopg.conninfo.conninfo_to_dict(url)
        except psycopg.ProgrammingError as error:
            raise StoreError(f"not a valid PostgreSQL URL ({_first_line(error)})") from None
        except UnicodeError:
            # A byte that is not UTF-8, typed (Python holds it as a lone surrogate) or as %XX:
            # libpq and PostgreSQL take names as UTF-8 text, which cannot hold it.
            raise StoreError("not a valid PostgreSQL URL (a byte in it is not UTF-8)") from None
        host = info.get("host") or "localhost"
        self.display_name = f"postgresql://{host}:{info.get('port') or 5432}/{info.get('dbname') or ''}"
        try:
            self.connection = psycopg.connect(url, autocommit=True, connect_timeout=CONNECT_TIMEOUT_S)
        except psycopg.Error as error:
            raise StoreError(f"cannot connect ({_first_line(error)})", path=self.display_name) from None
        self.read_only = read_only
        if read_only:
            # Every transaction of this session read-only, the implicit ones of autocommit included:
            # a command that only reads cannot change the store, whatever the role may do.
            self.connection.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")

    @staticmethod
    def _sql(sql: str) -> str:
        # The store writes ``?``; psycopg binds ``%s``. The store's SQL holds no literal % or ?.
        return sql.replace("?", "%s")

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self.connection.execute(self._sql(sql), params)

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if rows:
            with self.connection.cursor() as cursor:
                cursor.executemany(self._sql(sql), rows)

    @contextlib.contextmanager
    def write(self) -> Iterator[None]:
        with self.connection.transaction():
            self.connection.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK_KEY,))
            yield

    def close(self) -> None:
        self.connection.close()

    def table_names(self) -> set[str]:
        rows = self.execute("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()")
        return {row[0] for row in rows.fetchall()}

    def search_index_ddl(self) -> list[str]:
        return [
            """CREATE TABLE search_index (
                kind TEXT NOT NULL,
                article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                item_id TEXT,
                body TEXT NOT NULL,
                tsv tsvector GENERATED ALWAYS AS (to_tsvector('english', body)) STORED
            )""",
            "CREATE INDEX search_index_tsv ON search_index USING GIN (tsv)",
            "CREATE INDEX search_index_article ON search_index(article_id)",
        ]

    def search_sql(self, query: str) -> SearchSQL | None:
        if not query.strip():
            return None
        # plainto_tsquery reads the text as plain words joined by AND: no operator in it counts.
        options = f"StartSel={SNIPPET_START}, StopSel={SNIPPET_END}, MaxWords={SNIPPET_WORDS + 4}, MinWords=8"
        return SearchSQL(
            tables="search_index s CROSS JOIN plainto_tsquery('english', ?) q",
            match="s.tsv @@ q",
            snippet=f"ts_headline('english', s.body, q, '{options}')",
            rank="-ts_rank(s.tsv, q)",
            params=(query,),
        )

    def json_param(self, text: str) -> Any:
        from psycopg.types.json import Json

        # Sent as ``json``, not ``jsonb``: a jsonb parameter would be parsed (its keys re-sorted)
        # before reaching the JSON column that keeps the stored analysis as written; JSONB columns
        # take a json value by PostgreSQL's assignment cast.
        return Json(text, dumps=lambda value: value)  # already JSON text: pass it through


def _first_line(error: Exception) -> str:
    """libpq's reason: its first line says what failed ("connection refused", "password authentication
    failed"); the lines after it are hints ("Is the server running…?") that name no cause."""
    text = str(error).strip()
    return text.splitlines()[0].removeprefix("connection failed: ") if text else type(error).__name__
