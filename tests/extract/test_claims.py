"""Attributed claims and contradictions on sentences written for these tests (checked by hand)."""

from __future__ import annotations

import datetime as dt

import pytest

from newsint.extract.contradictions import find_contradictions
from newsint.extract.quantity_compare import interval
from newsint.model import Analysis, Claim, ClaimSource, Quantity, Span
from newsint.pipeline import analyze
from newsint.readers.raw import RawDocument


def run(text: str) -> Analysis:
    return analyze(RawDocument(source="test", reader="text", text=text), reference_date=dt.date(2022, 2, 11))


def only(analysis: Analysis) -> Claim:
    assert len(analysis.claims) == 1, [(c.source.text, c.cue, c.content.text) for c in analysis.claims]
    return analysis.claims[0]


def test_indirect_speech_with_an_addressee() -> None:
    claim = only(run("A senior Pentagon official told reporters that the brigade had left the border."))
    assert claim.source.text == "A senior Pentagon official"
    assert claim.cue == "told reporters"
    assert claim.content.text == "the brigade had left the border"


def test_a_source_found_through_an_infinitive() -> None:
    a = run("The minister took every chance to insist that the drills were defensive.")
    claim = only(a)
    assert claim.source.text == "The minister"
    assert claim.content.text == "the drills were defensive"
    assert claim.hedge == "distances"  # "insist": the author keeps a distance


def test_a_named_person_is_linked_with_their_actor_code() -> None:
    a = run("Jens Stoltenberg said on Thursday that the alliance would not send troops.")
    claim = only(a)
    person = next(e for e in a.entities if e.id == claim.source.entity)
    assert person.name == "Jens Stoltenberg" and claim.source.actor == "NATO"


def test_a_quotation_runs_on_after_its_cue() -> None:
    # One claim per quoted sentence, each the commander's (issue #16: a named or described speaker
    # is sure enough to carry every sentence of the quotation).
    a = run("“We will stay as long as needed,” the commander said. “Nobody will push us out.”")
    assert [(c.source.text, c.content.text) for c in a.claims] == [
        ("the commander", "“We will stay as long as needed,”"),
        ("the commander", "“Nobody will push us out.”"),
    ]


def test_according_to() -> None:
    claim = only(run("According to Ukrainian border guards, about 9,000 troops were in Belarus."))
    assert claim.cue == "According to"
    assert claim.source.text == "Ukrainian border guards"
    assert "9,000 troops were in Belarus" in claim.content.text


def test_no_claim_without_someone_reported() -> None:
    assert run("It is not known how many soldiers are involved.").claims == []
    assert run("The figures show that the deployment grew in January.").claims == []


def _claim(cid: str, source: str, qids: list[str]) -> Claim:
    return Claim(id=cid, source=ClaimSource(text=source), cue="said", content=Span(0, 1, "x"), quantities=qids)


def _quantity(qid: str, value: float, unit: str | None = "troops", approximate: bool = False, **bounds) -> Quantity:
    return Quantity(id=qid, value=value, start=0, end=1, text=f"{value:,.0f}", unit=unit, approximate=approximate,
                    **bounds)  # fmt: skip


def test_figures_from_two_sources_that_cannot_both_be_true_contradict() -> None:
    claims = [_claim("C1", "NATO", ["Q1"]), _claim("C2", "Russian experts", ["Q2"])]
    quantities = [_quantity("Q1", 30000, approximate=True), _quantity("Q2", 10000)]
    (found,) = find_contradictions(claims, quantities)
    assert found.items == ["C1", "C2"] and "3.0 times" in found.reason


def test_figures_within_their_stated_approximation_do_not_contradict() -> None:
    claims = [_claim("C1", "NATO", ["Q1"]), _claim("C2", "Kyiv", ["Q2"])]
    assert find_contradictions(claims, [_quantity("Q1", 30000, approximate=True), _quantity("Q2", 32000)]) == []
    # "more than 30,000" and 45,000 agree; 25,000 does not.
    bounded = _quantity("Q1", 30000, low=30000.0)
    assert find_contradictions(claims, [bounded, _quantity("Q2", 45000)]) == []
    assert len(find_contradictions(claims, [bounded, _quantity("Q2", 25000)])) == 1


def test_different_units_or_the_same_source_never_contradict() -> None:
    claims = [_claim("C1", "NATO", ["Q1"]), _claim("C2", "Kyiv", ["Q2"])]
    assert find_contradictions(claims, [_quantity("Q1", 30000), _quantity("Q2", 10, unit="days")]) == []
    same = [_claim("C1", "NATO", ["Q1"]), _claim("C2", "nato", ["Q2"])]
    assert find_contradictions(same, [_quantity("Q1", 30000), _quantity("Q2", 10000)]) == []


def test_interval_reflects_the_hedge() -> None:
    assert interval(_quantity("Q", 100, approximate=True)) == (pytest.approx(90.0), pytest.approx(110.0))
    assert interval(_quantity("Q", 100)) == (100, 100)
    assert interval(_quantity("Q", 15, high=15.0)) == (float("-inf"), 15.0)


def test_brief_lists_claims_marks_contradictions_and_bands() -> None:
    from newsint.export.sink import render_brief_text

    a = run(
        "NATO said about 30,000 soldiers were in the region, while Russian officials said 9,000 soldiers were. "
        "If talks fail, it is highly unlikely the army would stay."
    )
    text = render_brief_text(a, color=False)
    assert "Claims (source — cue — content [numbers])" in text
    assert "≠ contradiction:" in text and "30,000" in text
    assert "highly unlikely" in text and "0.05–0.20" in text
