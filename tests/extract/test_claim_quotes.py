"""Quotations that run over several sentences and paragraphs (issue #16): one claim per sentence
when the speaker is named, whole when the speaker is only a pronoun. Sentences written in the
style of wire copy, not taken from any evaluation article."""

from __future__ import annotations

import datetime as dt

from newsint.model import Analysis
from newsint.pipeline import analyze
from newsint.readers.raw import RawDocument


def run(text: str) -> Analysis:
    return analyze(RawDocument(source="test", reader="text", text=text), reference_date=dt.date(2019, 3, 1))


def contents(analysis: Analysis) -> list[str]:
    return [c.content.text for c in analysis.claims]


# Paragraphs joined into one line, as feeds and JSON Lines exports give them: the quotation
# reopens each paragraph (“…. “…) and closes only at its end.
JOINED_PARAGRAPHS = (
    "The convoy was hit near the border on Tuesday. A spokeswoman for the Red Cross said: "
    "“Two of our drivers were wounded by shrapnel and taken to hospital. "
    "“The trucks were carrying flour and medicine for the camps in the south. "
    "We have suspended all deliveries in the area until further notice.” "
    "The army did not comment."
)


def test_a_quotation_over_joined_paragraphs_is_one_claim_per_sentence_from_its_named_speaker() -> None:
    a = run(JOINED_PARAGRAPHS)
    found = contents(a)
    assert any("Two of our drivers were wounded" in c for c in found), found
    assert any("The trucks were carrying flour" in c for c in found), found
    assert any("We have suspended all deliveries" in c for c in found), found
    # One sentence each, every one with the spokeswoman as its source.
    assert not any("Two of our drivers" in c and "The trucks" in c for c in found), found
    quoted = [
        c
        for c in a.claims
        if "drivers" in c.content.text or "trucks" in c.content.text or "suspended" in c.content.text
    ]
    assert {c.source.text for c in quoted} == {"A spokeswoman for the Red Cross"}


def test_each_sentence_of_the_quotation_lies_at_its_exact_span() -> None:
    a = run(JOINED_PARAGRAPHS)
    text = a.document.text
    for claim in a.claims:
        assert text[claim.content.start : claim.content.end] == claim.content.text


def test_the_attribution_between_two_quotations_is_not_part_of_either() -> None:
    a = run(
        "“The shelling went on all night and nobody could leave the basement,” said Maria Kovalenko, "
        "a teacher in the town. “In the morning the school was gone.”"
    )
    found = contents(a)
    assert any("The shelling went on all night" in c for c in found), found
    assert any("In the morning the school was gone" in c for c in found), found
    assert not any("teacher" in c for c in found), found


def test_a_pronoun_speaker_keeps_the_quotation_whole() -> None:
    # "it" is found by proximity: one claim, not the guess repeated on every sentence.
    a = run(
        "The monitoring group published its figures on Monday. “Civilians are being killed every day "
        "in the north of the province,” it said. “The fighting has closed every road to the city.”"
    )
    quoted = [c for c in a.claims if "Civilians are being killed" in c.content.text]
    assert len(quoted) == 1
    assert "closed every road" in quoted[0].content.text


def test_the_brief_leaves_out_claims_under_the_cut_off_and_the_json_keeps_them() -> None:
    from newsint.export.sink import render_brief_text
    from newsint.extract.claims.confidence import DEFAULT_MIN_CLAIM_CONFIDENCE

    # A pronoun no speaker can be found for (no one spoke before it) scores under the cut-off.
    a = run(
        "Heavy rain fell over the valley on Sunday. “The bridge will not hold another night,” he said. "
        "The regional governor, Ana Petrescu, said the dam was safe."
    )
    low = [c for c in a.claims if c.confidence is not None and c.confidence < DEFAULT_MIN_CLAIM_CONFIDENCE]
    high = [c for c in a.claims if c.confidence is not None and c.confidence >= DEFAULT_MIN_CLAIM_CONFIDENCE]
    assert [c.source.text for c in low] == ["he"], [(c.source.text, c.confidence) for c in a.claims]
    assert high and "Petrescu" in (high[0].source.text or "")
    text = render_brief_text(a, color=False)
    claims_table = text[text.index("Claims (source") :]  # the paragraphs above quote the whole text
    assert "the dam was safe" in claims_table
    assert "The bridge will not hold" not in claims_table
    assert "1 claim(s) under confidence 0.50 not shown" in claims_table
    assert "The bridge will not hold" in a.to_json()
