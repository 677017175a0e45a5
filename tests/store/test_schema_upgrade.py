"""A store written before schema step 3 (event confidence, judgement holder, claim and event
positions as columns, the corpus views' indexes) upgrades in place when a writer opens it, on both backends: the new
columns are filled from the stored Analysis, so the upgraded store answers like a new one."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsint.errors import StoreError
from newsint.store import open_store
from newsint.store.migrations import LATEST_VERSION

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "borderland-monitor-belarus-buildup.txt"
STEP_3_INDEXES = ("articles_seq_published", "events_start", "mentions_text", "claims_source_entity",
                  "quantities_unit")  # fmt: skip


def as_version_2(url: str) -> None:
    """Turn a current store into what schema version 2 wrote: no step-3 columns or indexes."""
    with open_store(url) as store, store._db.write():
        for index in STEP_3_INDEXES:
            store._db.execute(f"DROP INDEX {index}")
        store._db.execute("ALTER TABLE events DROP COLUMN confidence")
        store._db.execute("ALTER TABLE events DROP COLUMN position")
        store._db.execute("ALTER TABLE claims DROP COLUMN position")
        store._db.execute("ALTER TABLE judgements DROP COLUMN holder")
        store._db.execute("DELETE FROM schema_version WHERE version >= 3")


def _columns(url: str) -> tuple[list, list, list]:
    with open_store(url, read_only=True) as store:
        events = store._db.execute(
            "SELECT article_id, event_id, confidence, position FROM events ORDER BY 1, 2"
        ).fetchall()
        claims = store._db.execute("SELECT article_id, claim_id, position FROM claims ORDER BY 1, 2").fetchall()
        judgements = store._db.execute(
            "SELECT article_id, judgement_id, holder FROM judgements ORDER BY 1, 2"
        ).fetchall()
    return [tuple(r) for r in events], [tuple(r) for r in claims], [tuple(r) for r in judgements]


def test_an_old_store_upgrades_in_place_with_confidence_and_holder_filled(cli, store_url) -> None:
    assert cli("ingest", EXAMPLE, "--db", store_url).exit_code == 0
    events, claims, judgements = _columns(store_url)
    # What a new store holds: the values of the Analysis, some of them set; positions 0, 1, 2…
    assert events and all(isinstance(c, float) for _, _, c, _ in events)
    assert sorted(p for _, _, _, p in events) == list(range(len(events)))
    assert sorted(p for _, _, p in claims) == list(range(len(claims)))
    assert any(h is not None for _, _, h in judgements)
    as_version_2(store_url)
    with pytest.raises(StoreError, match="schema version 2, older than this newsint reads"):
        open_store(store_url, read_only=True)
    with open_store(store_url) as store:  # a writer upgrades it
        assert store.schema_version == LATEST_VERSION
        indexes = {row[0] for row in store._db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'index'" if store.backend == "sqlite"
            else "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()"
        ).fetchall()}  # fmt: skip
    assert set(STEP_3_INDEXES) <= indexes
    assert _columns(store_url) == (events, claims, judgements)
    # Nothing lost from the store, and the views read it.
    assert cli("stats", "--db", store_url, "--format", "json").json()["articles"] == 1
    assert cli("timeline", "--db", store_url).exit_code == 0
