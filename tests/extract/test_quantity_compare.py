"""One rule for "the same counted unit" in the extractor, the corpus and the scorer (issue #14)."""

from __future__ import annotations

import pytest

from newsint.eval.match import quantity_matches
from newsint.extract.quantity_compare import singular, unit_key


@pytest.mark.parametrize(
    ("plural", "expected"),
    [
        ("troops", "troop"),
        ("casualties", "casualty"),  # was "casualtie" in the corpus's figure subjects
        ("losses", "loss"),  # was "losse", so "losses" and "loss" counted different things
        ("churches", "church"),
        ("boxes", "box"),
        ("missiles", "missile"),
        ("refugees", "refugee"),
        ("gas", "gas"),  # short words and words that only end in s stay
        ("status", "status"),
        ("crisis", "crisis"),
        ("press", "press"),
        ("km", "km"),
    ],
)
def test_singular_follows_the_regular_english_rules(plural: str, expected: str) -> None:
    assert singular(plural) == expected


def test_unit_key_is_the_head_noun_singular() -> None:
    assert unit_key("combat troops") == unit_key("Troop") == "troop"
    assert unit_key("civilian casualties") == "casualty"
    assert unit_key("") == unit_key("  ,") == ""


def test_the_scorer_uses_the_extractors_rule_for_the_same_unit() -> None:
    # The scorer used to keep every word ("combat troop" != "troop") while the extractor and the
    # corpus compared head nouns: a figure the corpus grouped with the gold's was scored a miss.
    gold = {"value": 4000, "unit": "troops"}
    assert quantity_matches(gold, 4000, "combat troops")
    assert not quantity_matches(gold, 4000, "tanks")
