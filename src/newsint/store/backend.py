"""What the store needs from a database, and where the store is: SQLite or PostgreSQL.

The store writes its SQL once, with ``?`` placeholders (always bound parameters: no value is ever
put into the SQL text); a backend translates the placeholders, opens the connection, provides an
exclusive write transaction (the single writer) and spells the full-text index and its query.

Where the store lives: ``--db`` on the command line, else the ``NEWSINT_DB`` environment variable,
else ``newsint.db`` in the current folder. ``postgresql://…`` (or ``postgres://…``) is a PostgreSQL
server; anything else is a SQLite file path (``sqlite:///path`` is accepted too).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, Protocol

DEFAULT_STORE = "newsint.db"
# Search snippets: the database puts the matched words between these marks (about SNIPPET_WORDS
# words around them), and the store turns them into spans of the plain snippet (SearchHit.matches).
# Two private-use code points, not "[" and "]": a mark must be a character the indexed text can
# never hold, or a "[/i]" in an article reads as a match. rows.search_rows replaces them in the
# text it indexes (they stay in the stored article), so every one in a snippet is the database's.
SNIPPET_START, SNIPPET_END = "\ue000", "\ue001"
SNIPPET_WORDS = 16
STORE_ENV = "NEWSINT_DB"


class Cursor(Protocol):
    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...


@dataclass(frozen=True, slots=True)
class SearchSQL:
    """Pieces the store assembles into its search query over ``search_index s``."""

    tables: str  # FROM clause: ``search_index s`` and whatever the match needs
    match: str  # WHERE condition keeping matching rows
    snippet: str  # expression: the matched words in context, marked with SNIPPET_START/END
    rank: str  # expression: lower is a better match
    params: tuple[Any, ...]  # bound parameters of tables + match, in that order


class Backend:
    """One connection to one store. Subclasses: SQLiteBackend, PostgresBackend."""

    kind: ClassVar[str]
    # Column types that differ between the databases (migrations.py fills them in).
    TYPES: ClassVar[dict[str, str]]
    display_name: str  # the store as shown to the user (never a password)
    read_only: bool  # opened for reading only: never migrated, every write refused by the database
    driver_errors: tuple[type[Exception], ...]  # what the database driver raises when the database fails

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Cursor:
        raise NotImplementedError

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        raise NotImplementedError

    @contextlib.contextmanager
    def write(self) -> Iterator[None]:
        """One exclusive write transaction: committed whole on exit, rolled back on any error."""
        raise NotImplementedError
        yield  # pragma: no cover

    def close(self) -> None:
        raise NotImplementedError

    def table_names(self) -> set[str]:
        """The tables the database already holds (in the schema the store uses)."""
        raise NotImplementedError

    def search_index_ddl(self) -> list[str]:
        """The statements that create the full-text index table ``search_index``."""
        raise NotImplementedError

    def search_sql(self, query: str) -> SearchSQL | None:
        """The pieces of a full-text query for the user's text taken as plain words (all of them
        must match); None when the text has no word to search for."""
        raise NotImplementedError

    def json_param(self, text: str) -> Any:
        """A JSON document as a parameter for a ``{json}`` column."""
        return text

    def loads_json(self, value: Any) -> Any:
        """A ``{json}`` column's value as Python data."""
        import json

        return json.loads(value) if isinstance(value, str | bytes) else value


def resolve_location(db: str | None) -> str:
    """The store the user means: ``--db``, else ``NEWSINT_DB``, else ``newsint.db`` here."""
    return db or os.environ.get(STORE_ENV) or DEFAULT_STORE


def is_postgres(location: str) -> bool:
    return location.startswith(("postgresql://", "postgres://"))


def sqlite_path(location: str) -> str:
    return location.removeprefix("sqlite:///") if location.startswith("sqlite:///") else location
