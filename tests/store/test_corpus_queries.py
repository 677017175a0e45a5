"""The database-side corpus queries (store/queries.py) against the examples store on SQLite and
PostgreSQL: paging returns every row once, in the Analysis order, and the filters and facets
agree with what the stored Analyses say."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from newsint.errors import UsageError
from newsint.store import open_store
from newsint.store.queries import (
    CorpusFilter,
    claim_page,
    claims,
    event_page,
    event_type_counts,
    outlet_counts,
)


@pytest.fixture
def analyses(cli, examples_store) -> list[dict]:
    result = cli("export", "--format", "jsonl", "--db", examples_store)
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_claim_pages_cover_every_claim_once_in_analysis_order(examples_store, analyses) -> None:
    expected = [(a["document"]["source"], c["id"]) for a in analyses for c in a["claims"]]
    assert len(expected) > 20
    with open_store(examples_store, read_only=True) as store:
        sources = {row[0]: row[1] for row in store._db.execute("SELECT id, source FROM articles").fetchall()}
        seen, cursor, pages = [], None, 0
        while True:
            page = claim_page(store, CorpusFilter(), limit=7, cursor=cursor)
            seen += [(sources[c.article_id], c.claim_id) for c in page.items]
            pages += 1
            if page.next_cursor is None:
                break
            cursor = page.next_cursor
        assert seen == expected
        assert pages == -(-len(expected) // 7)
        assert [(sources[c.article_id], c.claim_id) for c in claims(store, CorpusFilter())] == expected


def test_event_filters_and_facets_agree_with_the_analyses(examples_store, analyses) -> None:
    events = [(a, e) for a in analyses for e in a["events"]]
    with open_store(examples_store, read_only=True) as store:
        every = event_page(store, CorpusFilter(), limit=1000).items
        assert [(e.event_id, e.type) for e in every] == [(e["id"], e["type"]) for _, e in events]
        # An unscored event (None: an analysis stored before scores, or a Russian event) is kept,
        # as extract/events/confidence.confident keeps it.
        confident = event_page(store, CorpusFilter(min_confidence=0.7), limit=1000).items
        assert [e.event_id for e in confident] == [e["id"] for _, e in events if e["confidence"] is None or e["confidence"] >= 0.7]
        assert 0 < len(confident) < len(every)
        statements = event_page(store, CorpusFilter(event_types=("STATEMENT",)), limit=1000).items
        assert statements and {e.type for e in statements} == {"STATEMENT"}
        assert event_type_counts(store, CorpusFilter()) == sorted(
            Counter(e["type"] for _, e in events).items(), key=lambda item: (-item[1], item[0])
        )
        outlets = outlet_counts(store, CorpusFilter())
        assert dict(outlets)["Meridian Wire"] == 3 and sum(n for _, n in outlets) == len(analyses)
        # Negative and date filters.
        without = outlet_counts(store, CorpusFilter(exclude_outlets=("Meridian Wire",)))
        assert "Meridian Wire" not in dict(without) and sum(n for _, n in without) == len(analyses) - 3
        in_2022 = claim_page(store, CorpusFilter(date_from="2022", date_to="2022-02"), limit=1000).items
        assert in_2022 and all(c.published and "2022-01" <= c.published[:7] <= "2022-02" for c in in_2022)


def test_bad_cursor_limit_or_date_is_a_usage_error(examples_store) -> None:
    with open_store(examples_store, read_only=True) as store:
        for bad in ("nonsense", "W10=", "'; DROP TABLE claims; --"):
            with pytest.raises(UsageError, match="not a cursor"):
                claim_page(store, CorpusFilter(), cursor=bad)
        with pytest.raises(UsageError, match="a page holds"):
            claim_page(store, CorpusFilter(), limit=0)
        with pytest.raises(UsageError, match="date_from must be a date"):
            claim_page(store, CorpusFilter(date_from="2022-13"))
        assert store.stats().claims > 0  # nothing dropped
