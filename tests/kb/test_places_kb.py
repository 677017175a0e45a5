"""The GeoNames city index."""

from __future__ import annotations

from newsint.kb.knowledge import RULER_CITY_POPULATION, knowledge_base
from newsint.kb.places import city_index


def test_entries_above_a_population_are_those_a_full_scan_keeps():
    # entries(min_population=...) reads the population from the row before building an entry;
    # it must keep exactly the entries a scan of every entry keeps, in the same order.
    index = city_index()
    floor = 1_000_000
    scanned = [e.id for e in index.entries() if (e.population or 0) >= floor]
    assert [e.id for e in index.entries(min_population=floor)] == scanned
    assert len(scanned) > 100  # the world has a few hundred cities of a million or more


def test_city_ruler_patterns_are_large_cities():
    patterns = knowledge_base().city_patterns()
    ids = {p.kb_id for p in patterns}
    assert "geonames:170063" in ids  # Aleppo
    assert all(city_index().by_geonameid(int(i.split(":")[1])).population >= RULER_CITY_POPULATION for i in ids)
