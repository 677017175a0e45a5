"""The quantities stage on sentences written for these tests and on real Guardian articles.

Expected values are facts about the text checked by hand, not copies of the current output.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsint.extract.quantities import APPROX_TOLERANCE, extract_quantities
from newsint.extract.quantities.numbers import parse_digits, parse_words
from newsint.model import Quantity
from newsint.nlp.model import newsint_nlp

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
GUARDIAN = SHARED / "data" / "news" / "guardian-syria.jsonl"
SEED = (
    "NATO Secretary General Jens Stoltenberg has spoken about 30,000 Russian troops, while Russian "
    "military experts have said 10,000 is a more realistic figure."
)


def quantities(text: str) -> list[Quantity]:
    doc = newsint_nlp()(text)
    found = extract_quantities(doc)
    for q in found:
        assert doc.text[q.start : q.end] == q.text, q
    assert [q.id for q in found] == [f"Q{i}" for i in range(1, len(found) + 1)]
    assert [q.start for q in found] == sorted(q.start for q in found)
    return found


def one(text: str) -> Quantity:
    found = quantities(text)
    assert len(found) == 1, [(q.text, q.value, q.unit) for q in found]
    return found[0]


def values(text: str) -> list[float | None]:
    return [q.value for q in quantities(text)]


# ------------------------------------------------------------------------------ number words


@pytest.mark.parametrize(
    ("words", "value"),
    [
        (["ten"], 10),
        (["twenty", "-", "seven"], 27),
        (["two", "hundred", "and", "fifty"], 250),
        (["a", "dozen"], 12),
        (["three", "thousand"], 3000),
        (["half", "a", "million"], 500_000),
        (["one", "million", "two", "hundred", "thousand"], 1_200_000),
        (["three", "four"], None),
    ],
)
def test_parse_words(words, value):
    assert parse_words(words) == value


def test_parse_digits():
    assert parse_digits("10,000") == 10000
    assert parse_digits("1.5") == 1.5
    assert parse_digits("1/2") == 0.5
    assert parse_digits(".001") == 0.001


# ------------------------------------------------------------------------------ the seed sentence


def test_seed_sentence():
    first, second = quantities(SEED)
    assert first.text == "about 30,000 Russian troops"
    assert first.value == 30000 and first.approximate
    assert first.low == pytest.approx(30000 * (1 - APPROX_TOLERANCE))
    assert first.high == pytest.approx(30000 * (1 + APPROX_TOLERANCE))
    assert first.unit == "troop" and first.of == "Russian troops"
    # "10,000 is a more realistic figure": the elided noun is the troops counted just before.
    assert second.text == "10,000" and second.value == 10000 and not second.approximate
    assert (second.low, second.high) == (10000, 10000)
    assert second.unit == "troop" and second.of == "Russian troops"


# ------------------------------------------------------------------------------ digits and words


@pytest.mark.parametrize(
    ("text", "span", "value", "unit"),
    [
        ("They waited ten days at the border.", "ten days", 10, "day"),
        ("He served twenty-seven years in prison.", "twenty-seven years", 27, "year"),
        ("The fund received 1.5 million refugees.", "1.5 million refugees", 1_500_000, "refugee"),
        ("The country pledged $6 million in aid.", "$6 million", 6_000_000, "dollar"),
        ("The programme costs £7.6bn a year.", "£7.6bn a year", 7_600_000_000, "GBP per year"),
        ("Officials counted 10,000 casualties.", "10,000 casualties", 10000, "casualty"),
        ("Prices rose 4.2 percent in the spring.", "4.2 percent", 4.2, "percent"),
        ("Prices rose 60% in March.", "60%", 60, "percent"),
        ("The convoy stretched 64 km along the road.", "64 km", 64, "kilometre"),
        ("A dozen tanks crossed the river.", "A dozen tanks", 12, "tank"),
        ("The navy sent three ships and 40 aircraft.", "three ships", 3, "ship"),
        ("US$473 million was paid.", "US$473 million", 473_000_000, "USD"),
        ("A 65-year-old man was arrested.", "65-year-old", 65, "year of age"),
    ],
)
def test_numbers_and_units(text, span, value, unit):
    q = quantities(text)[0]
    assert (q.text, q.value, q.unit) == (span, pytest.approx(value), unit)


def test_counted_noun_phrase_with_place():
    q = one("Satellite images show 30,000 Russian troops in Belarus.")
    assert q.unit == "troop" and q.of == "Russian troops in Belarus"


def test_half():
    q = one("Half the condos have sold.")
    assert q.value == 0.5 and q.unit is None


# ------------------------------------------------------------------------------ vague amounts


def test_tens_of_thousands_of_people():
    q = one("Tens of thousands of people fled the city.")
    assert q.value is None and (q.low, q.high) == (10_000, 100_000) and q.approximate
    assert q.unit == "people"


def test_a_few_hundred_and_dozens():
    few, dozens = quantities("A few hundred soldiers and dozens of tanks remained.")
    assert few.value is None and (few.low, few.high) == (200, 500) and few.approximate
    assert dozens.value is None and (dozens.low, dozens.high) == (12, 120) and dozens.unit == "tank"


# ------------------------------------------------------------------------------ ranges


@pytest.mark.parametrize(
    ("text", "low", "high", "span"),
    [
        ("Between 5,000 and 9,000 troops were deployed.", 5000, 9000, "Between 5,000 and 9,000 troops"),
        ("Some 5,000-9,000 troops were deployed.", 5000, 9000, "Some 5,000-9,000 troops"),
        ("Estimates range from 169,000 to 190,000 people.", 169_000, 190_000, "169,000 to 190,000 people"),
        ("Analysts expect 5% to 10% growth.", 5, 10, "5% to 10%"),
        ("Guidance was cut to US $89 to $93 billion.", 89e9, 93e9, "US $89 to $93 billion"),
        ("It lasted three or four years.", 3, 4, "three or four years"),
    ],
)
def test_ranges(text, low, high, span):
    q = one(text)
    assert q.value is None and (q.low, q.high) == (pytest.approx(low), pytest.approx(high))
    assert q.text == span


def test_change_then_level_is_not_a_range():
    assert values("The deficit increased by $43.6 billion to $419.2 billion.") == [43.6e9, 419.2e9]


# ------------------------------------------------------------------------------ hedges


@pytest.mark.parametrize(
    ("text", "low", "high", "approximate"),
    [
        ("More than 30,000 people fled.", 30000, None, False),
        ("Over 30,000 people fled.", 30000, None, False),
        ("At least 30,000 people fled.", 30000, None, False),
        ("Fewer than 30,000 people fled.", None, 30000, False),
        ("As many as 30,000 people fled.", None, 30000, False),
        ("Up to 30,000 people fled.", None, 30000, False),
        ("Nearly 30,000 people fled.", 27000, 30000, True),
        ("Almost 30,000 people fled.", 27000, 30000, True),
        ("Roughly 30,000 people fled.", 27000, 33000, True),
        ("Around 30,000 people fled.", 27000, 33000, True),
        ("Some 30,000 people fled.", 27000, 33000, True),
        ("30,000 or more people fled.", 30000, None, False),
    ],
)
def test_hedges(text, low, high, approximate):
    q = one(text)
    assert q.value == 30000 and q.approximate is approximate
    assert q.low == (pytest.approx(low) if low is not None else None)
    assert q.high == (pytest.approx(high) if high is not None else None)
    assert q.text.lower().startswith(text.split()[0].lower()) or q.text.startswith("30,000")


def test_up_to_fifteen():
    q = one("Up to 15 people were injured.")
    assert (q.value, q.low, q.high, q.unit, q.text) == (15, None, 15, "people", "Up to 15 people")


# ------------------------------------------------------------------------------ not quantities


@pytest.mark.parametrize(
    "text",
    [
        "Russia deployed Su-35 jets and S-400 systems for Zapad-2021.",
        "The exercise began on March 29 and ended on 10 February.",
        "The meeting was held in 2020.",
        "The meeting started at 9:01 p.m. local time.",
        "It was his 22nd visit and the second this year.",
        "See Page 2 of the report.",
        "The iPhone 11 went on sale.",
        "The S&P 500 closed higher.",
        "Each one they lose is replaced.",
        "Bristol City beat Charlton 2-1 at home.",
        "Hospitals are full of COVID-19 patients.",
        "The war in the 1970s left scars.",
    ],
)
def test_exclusions(text):
    assert quantities(text) == [], [(q.text, q.value) for q in quantities(text)]


def test_numbers_next_to_exclusions_survive():
    found = quantities("In March 2,000 troops arrived with 12 S-400 launchers in 2021.")
    assert [(q.value, q.unit) for q in found] == [(2000, "troop"), (12, "launcher")]


def test_unknown_unit_is_none():
    assert one("The figure was 53.").unit is None


def test_negative_values():
    assert values("The Stoxx 50 fell -1.3% and the offense was minus-5 yards.") == [-1.3, -5]


# ------------------------------------------------------------------------------ real articles


@pytest.mark.skipif(not GUARDIAN.exists(), reason=f"{GUARDIAN} not present")
def test_guardian_articles_spans_and_values():
    rows = [json.loads(line) for line in GUARDIAN.read_text(encoding="utf-8").splitlines()[:8]]
    nlp = newsint_nlp()
    total = 0
    for row in rows:
        doc = nlp(row["text"])
        found = extract_quantities(doc)
        total += len(found)
        for q in found:
            assert doc.text[q.start : q.end] == q.text
            assert q.value is not None or (q.low is not None or q.high is not None)
            if q.value is not None and q.low is not None:
                assert q.low <= q.value
            if q.value is not None and q.high is not None:
                assert q.value <= q.high
            if q.low is not None and q.high is not None:
                assert q.low <= q.high
            assert not (1900 <= (q.value or 0) <= 2100 and q.unit is None and q.text.isdigit()), q
    assert total > 20
