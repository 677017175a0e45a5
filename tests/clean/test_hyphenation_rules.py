"""clean/hyphenation.py and reflow.join_lines: a word broken by the typesetter is joined; a real
hyphen (a compound, a capital or digit after it) is kept; the document's own spelling decides."""

from __future__ import annotations

import pytest

from newsint.clean.hyphenation import is_word, join_hyphenated
from newsint.clean.reflow import join_lines


def joint(left: str, right: str, document: str = "") -> str | None:
    return join_hyphenated(left, right, document or f"{left}\n{right}")


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("Russia’s biggest military deploy-", "ment to Belarus"),
        ("the reconnais-", "sance units"),
        ("the European govern-", "ments said"),
        ("the negotia-", "tions, which"),
        ("a strategic exer-", "cise in Belarus"),
    ],
)
def test_a_broken_word_is_joined(left, right):
    assert joint(left, right) == ""


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("the joint Russian-", "Belarusian exercise"),  # capital after the break
        ("an F-", "16 fighter"),  # digit after the break
        ("a NATO-", "led force"),  # an acronym before it
        ("likely self-", "destructive concessions"),  # both halves words, the join is not
        ("a seven-", "year-old boy"),
        ("the so-", "called caliphate"),
        ("twenty-", "seven years in power"),
        ("the rebel-", "held town"),
    ],
)
def test_a_real_hyphen_is_kept(left, right):
    assert joint(left, right) == "-"


def test_the_documents_own_spelling_decides():
    # "northeast" is in the dictionary, "north-east" is how this document spells it.
    assert is_word("northeast")
    assert joint("fighting in the north-", "east of Syria", "camps in the north-east were full") == "-"
    assert joint("fighting in the north-", "east of Syria", "camps in the northeast were full") == ""


def test_no_hyphen_no_joint():
    assert joint("the troops", "moved on") is None
    assert joint("the troops -", "moved on") is None  # a spaced dash is punctuation, not a hyphen


def test_join_lines_rebuilds_one_paragraph():
    assert join_lines(["  Russia’s biggest military deploy-  ", "ment to Belarus since the   end"], "") == (
        "Russia’s biggest military deployment to Belarus since the end"
    )
    assert join_lines(["the joint Russian-", "Belarusian exercise"], "") == "the joint Russian-Belarusian exercise"
    # An unspaced dash stays unspaced; a spaced one keeps its spaces.
    assert join_lines(["between Russia and the West—", "war or reconciliation—is"], "") == (
        "between Russia and the West—war or reconciliation—is"
    )
    assert join_lines(["and — to put it", "mildly — would not"], "") == "and — to put it mildly — would not"
