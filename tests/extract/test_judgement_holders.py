"""Judgements with negation and intensity, their holder, and hedged claims (issue #16). Sentences
in the style of news and assessment copy, not taken from any evaluation article."""

from __future__ import annotations

import datetime as dt

from newsint.model import Analysis
from newsint.pipeline import analyze
from newsint.readers.raw import RawDocument


def run(text: str) -> Analysis:
    return analyze(RawDocument(source="test", reader="text", text=text), reference_date=dt.date(2019, 3, 1))


def bands(analysis: Analysis) -> dict[str, list[float]]:
    return {j.phrase: j.probability for j in analysis.judgements}


def test_hardly_and_barely_likely_lie_below_one_in_five() -> None:
    a = run("A deal is hardly likely before the election. A truce is barely likely to hold through the winter.")
    found = bands(a)
    assert found["hardly likely"][1] <= 0.20 and found["barely likely"][1] <= 0.20, found


def test_not_likely_is_the_plain_negation_above_hardly() -> None:
    a = run("A deal is not likely before the election.")
    assert [j.probability for j in a.judgements] == [[0.2, 0.45]]


def test_all_but_certain_is_near_certainty() -> None:
    a = run("Victory for the ruling party is all but certain.")
    assert [j.probability[0] for j in a.judgements] == [0.95]


def test_no_way_i_could_is_what_happened_not_an_estimate() -> None:
    a = run("My leg was broken and there was no way I could walk.")
    assert a.judgements == []


def test_no_way_the_rebels_will_is_an_estimate() -> None:
    a = run("There is no way the rebels will hold the town.")
    assert [j.probability for j in a.judgements] == [[0.01, 0.05]]


def test_a_judgement_inside_a_claim_is_its_sources() -> None:
    a = run(
        "The Russian foreign minister, Sergei Lavrov, spoke in Moscow. "
        "Lavrov said that a new offensive was very likely. "
        "A settlement this year is unlikely."
    )
    holders = {j.phrase: j.holder for j in a.judgements}
    lavrov = next(e.id for e in a.entities if e.name.endswith("Lavrov"))
    assert holders == {"very likely": lavrov, "unlikely": "author"}


def test_may_and_is_believed_to_hedge_the_claim() -> None:
    a = run(
        "Officials said the detainees may be transferred to Iraq. "
        "Police said the suspect is believed to have left the country. "
        "The army said the town had fallen."
    )
    hedges = {c.content.text.split()[1]: c.hedge for c in a.claims}
    assert hedges == {"detainees": "hedges", "suspect": "hedges", "town": None}


def test_a_named_quotation_is_surer_than_a_pronoun_no_one_was_found_for() -> None:
    a = run("“We will not leave,” said Maria Lopez, a teacher. It said that the school would close.")
    confidence = {c.source.text: c.confidence for c in a.claims}
    assert confidence["Maria Lopez, a teacher"] > confidence["It"], confidence
