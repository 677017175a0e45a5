"""A text longer than spaCy's ``max_length`` (1,000,000 characters) is analysed, not refused
(spaCy's E088 used to end the run), with every span exact however far into the text it lies.

The long text is an article, a data appendix of long unbroken "words" (a hex dump: cheap to
parse, so the test's time goes on what it tests), the same article again past character
1,500,000, and more data. It is analysed once for the module, among two ordinary articles in one
stream (one ``nlp.pipe`` batch for them, sections for it).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from newsint.model import Analysis
from newsint.readers import RawDocument

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
ARTICLE = (EXAMPLES / "example-wire-drills-extended.txt").read_text("utf-8").rstrip("\n") + "\n\n"
SPACY_MAX_LENGTH = 1_000_000
LATE = 1_500_000  # where the second copy of the article begins, at the latest
NAME = "Viktor Khrenin"  # a person the article names, tagged by spaCy's NER


def data_appendix(chars: int) -> str:
    """Paragraphs of ten 1,024-character hex "words", each paragraph closed by a full stop."""
    paragraph = " ".join(f"{n:04x}" * 256 for n in range(10)) + ".\n\n"
    return paragraph * (chars // len(paragraph) + 1)


def long_text() -> str:
    head = ARTICLE + data_appendix(LATE - len(ARTICLE))
    return head + ARTICLE + data_appendix(200_000)


@pytest.fixture(scope="module")
def analyses() -> list[Analysis]:
    from newsint.pipeline import analyze_stream

    items = [
        RawDocument(source="before", reader="text", text=ARTICLE),
        RawDocument(source="long", reader="text", text=long_text()),
        RawDocument(source="after", reader="text", text=ARTICLE.replace("Minsk", "Brest")),
    ]
    return list(analyze_stream(items))


@pytest.fixture(scope="module")
def long_analysis(analyses) -> Analysis:
    return analyses[1]


def test_the_long_text_is_analysed_in_its_place_among_the_others(analyses):
    assert [type(a).__name__ for a in analyses] == ["Analysis"] * 3
    assert [a.document.source for a in analyses] == ["before", "long", "after"]
    assert len(analyses[1].document.text) > LATE > SPACY_MAX_LENGTH


def test_a_name_past_character_1_500_000_is_found_at_its_exact_offset(long_analysis):
    text = long_analysis.document.text
    late = text.index(NAME, LATE)
    mentions = [m for e in long_analysis.entities for m in e.mentions]
    assert any(m.start == late and m.end == late + len(NAME) for m in mentions)
    # Every mention, near the start or past the data, is the text at its offsets.
    assert all(text[m.start : m.end] == m.text for m in mentions)
    assert max(m.start for m in mentions) > LATE


def test_late_sentences_claims_and_times_have_exact_spans(long_analysis):
    text = long_analysis.document.text
    second_copy = text.index(ARTICLE[:60], LATE)
    late_events = [e for e in long_analysis.events if e.sentence.start > second_copy]
    assert late_events
    for event in late_events:
        trigger = event.trigger
        assert text[trigger.start : trigger.end] == trigger.text
        assert event.sentence.start <= trigger.start < trigger.end <= event.sentence.end
    late_claims = [c for c in long_analysis.claims if c.content.start > second_copy]
    assert late_claims and all(text[c.content.start : c.content.end] == c.content.text for c in late_claims)
    late_times = [t for t in long_analysis.times if t.start > second_copy]
    assert late_times and all(text[t.start : t.end] == t.text for t in late_times)


def test_the_late_copy_reads_as_the_article_alone_does(analyses, long_analysis):
    """The article's body past the data gives the events the article alone gives, in sentences
    that begin where its sentences begin, at offsets shifted by where it stands. (From its second
    paragraph on: cleaning takes the dateline off the start of a document, not off the copy.)"""
    alone = analyses[0]
    body = "Defence Minister Viktor Khrenin said"
    start_alone, start_late = alone.document.text.index(body), long_analysis.document.text.index(body, LATE)
    shift = start_late - start_alone
    expected = [
        (e.type, e.trigger.start + shift, e.sentence.start + shift)
        for e in alone.events
        if e.sentence.start >= start_alone
    ]
    late = [(e.type, e.trigger.start, e.sentence.start) for e in long_analysis.events if e.sentence.start >= start_late]
    assert len(expected) > 5 and late == expected
