"""Outlets and independence: a syndicated copy counts as its original's outlet; unknown outlets
never merge with each other."""

from __future__ import annotations

from corpus_builders import article

from newsint.corpus.outlets import Outlets, outlet_name
from newsint.model import Dateline


def test_outlet_name_prefers_the_store_then_the_document() -> None:
    plain = article("a", "Text.", site="Site Name")
    assert outlet_name(plain) == "Site Name"
    plain.outlet = "example.org"
    assert outlet_name(plain) == "example.org"
    wire = article("b", "Text.")
    assert outlet_name(wire) is None
    wire.analysis.document.dateline = Dateline(text="MINSK, Feb 20 (Example Wire) -", agency="Example Wire")
    assert outlet_name(wire) == "Example Wire"
    wire.analysis.document.original_publisher = "The Monitor"
    assert outlet_name(wire) == "The Monitor"


def test_independence_keys() -> None:
    original = article("a", "Text.", site="Wire")
    copy = article("b", "Text.", site="Paper", duplicate_of="a")
    unknown_1, unknown_2 = article("c", "Text."), article("d", "Text.")
    same_outlet = article("e", "Other text.", site="wire")
    outlets = Outlets([original, copy, unknown_1, unknown_2, same_outlet])
    assert outlets.independent_key(copy) == outlets.independent_key(original) == "outlet:wire"
    assert outlets.independent_key(same_outlet) == "outlet:wire"  # case and spacing aside
    assert outlets.independent_key(unknown_1) != outlets.independent_key(unknown_2)
    assert outlets.count([original, copy, unknown_1, unknown_2, same_outlet]) == 3
