"""Near-duplicate detection on real reports: copies are found, different reports are not."""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path

import pytest

from newsint.store import dedup

GUARDIAN = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "news" / "guardian-syria.jsonl"


@pytest.fixture(scope="module")
def reports() -> list[str]:
    if not GUARDIAN.exists():
        pytest.skip(f"shared data not found: {GUARDIAN}")
    with GUARDIAN.open(encoding="utf-8") as handle:
        return [json.loads(line)["text"] for line in handle]


def edited_copy(text: str) -> str:
    """A syndicated copy: new headline, one sentence reworded, one dropped, a footer added."""
    sentences = re.split(r"(?<=[.!?])\s+", text)
    assert len(sentences) > 12, "the test needs a full-length report"
    sentences[5] = "Officials declined to say how the figures had been arrived at."
    del sentences[9]
    return "Syria talks stall over detainees\n\n" + " ".join(sentences) + "\n\nDistributed by a partner news service."


def test_an_edited_copy_is_a_near_duplicate(reports):
    for text in reports[:20]:
        score = dedup.similarity(dedup.signature(text), dedup.signature(edited_copy(text)))
        assert score >= dedup.DUPLICATE_SIMILARITY, score


def test_different_reports_on_the_same_war_are_not(reports):
    signatures = [dedup.signature(t) for t in reports]
    scores = [dedup.similarity(a, b) for a, b in itertools.combinations(signatures, 2) if a and b]
    assert len(scores) > 6000  # every pair of the 119 reports
    assert max(scores) < dedup.DUPLICATE_SIMILARITY


def test_a_copy_shares_a_bucket_and_unrelated_reports_rarely_do(reports):
    first, copy = dedup.signature(reports[0]), dedup.signature(edited_copy(reports[0]))
    assert set(dedup.buckets(first)) & set(dedup.buckets(copy))
    shared = sum(
        bool(set(dedup.buckets(dedup.signature(a))) & set(dedup.buckets(dedup.signature(b))))
        for a, b in zip(reports[1:40], reports[41:80], strict=True)
    )
    assert shared <= 2


def test_signature_is_stable_and_ignores_case_and_punctuation():
    text = " ".join(f"word{n} said the minister on day {n}," for n in range(30))
    assert dedup.signature(text) == dedup.signature(text.upper().replace(",", " ;"))
    assert dedup.signature(text) is not None and len(dedup.signature(text)) == dedup.SIGNATURE_SIZE * 4


def test_short_texts_have_no_signature():
    assert dedup.signature("Troops massed near the border on Sunday.") is None
