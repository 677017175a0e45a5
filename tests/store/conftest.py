"""Store fixtures: an open store per test, on each backend (``store_url`` is in tests/conftest.py)."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def store(store_url):
    from newsint.store import open_store

    with open_store(store_url) as opened:
        yield opened


@pytest.fixture
def damage_tables():
    """A function that overwrites the root page of every table of a SQLite store but
    schema_version: the file still opens and migrates, and every read of the data fails."""
    import sqlite3

    def damage(path: Path) -> None:
        with sqlite3.connect(path) as connection:
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # every page in the main file
            page_size = connection.execute("PRAGMA page_size").fetchone()[0]
            roots = [row[0] for row in connection.execute(
                "SELECT rootpage FROM sqlite_master WHERE rootpage > 1 AND tbl_name != 'schema_version'"
            )]  # fmt: skip
        connection.close()
        with path.open("r+b") as handle:
            for page in roots:
                handle.seek((page - 1) * page_size)
                handle.write(b"\xa5" * page_size)

    return damage
