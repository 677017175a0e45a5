"""One test per attribution rule, on sentences taken from real news articles (PolNeAR's 2016
U.S. election coverage and the Guardian), with the expected source, cue and content read by hand."""

from __future__ import annotations

import datetime as dt

from newsint.model import Analysis, Claim
from newsint.pipeline import analyze
from newsint.readers.raw import RawDocument


def run(text: str) -> Analysis:
    return analyze(RawDocument(source="test", reader="text", text=text), reference_date=dt.date(2016, 9, 20))


def claims_of(analysis: Analysis) -> list[tuple[str | None, str | None, str]]:
    return [(c.source.text, c.cue, c.content.text) for c in analysis.claims]


def with_content(analysis: Analysis, start: str) -> Claim:
    found = [c for c in analysis.claims if c.content.text.lstrip("“\"'").startswith(start)]
    assert len(found) == 1, claims_of(analysis)
    return found[0]


# ---- where the source phrase stands


def test_the_source_span_is_the_phrase_as_written_not_a_pronoun_in_the_content() -> None:
    a = run("Green Party candidate Jill Stein said she plans to join her supporters at the protest.")
    claim = with_content(a, "she plans")
    assert claim.source.text == "Green Party candidate Jill Stein"
    assert a.document.text[claim.source.start : claim.source.end] == claim.source.text


def test_a_pronoun_source_is_located_where_it_was_written() -> None:
    a = run("Bernie Sanders spoke in Ohio on Monday. He said the trade deal would cost jobs.")
    claim = with_content(a, "the trade deal")
    assert claim.source.text == "He"
    assert claim.source.start == a.document.text.index("He said")
    person = next(e for e in a.entities if e.id == claim.source.entity)
    assert person.name == "Bernie Sanders"
