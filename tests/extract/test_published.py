"""Publication date inferred from the text (extract/published.py) and its place in the pipeline.

The inferred date is the latest fully written date outside future-tense clauses, only when no
other absolute date lies after it and another agrees on its year; the evidence is kept and
relative expressions stay unresolved.
"""

from __future__ import annotations

import datetime as dt

import jsonschema

from newsint.extract.published import infer_published
from newsint.model import Document, TimeExpression, load_schema
from newsint.nlp.model import load_nlp
from newsint.pipeline import analyze
from newsint.readers.raw import RawDocument


def run(text: str, reference: dt.date | None = None):
    return analyze(RawDocument(source="test.txt", reader="text", text=text), reference_date=reference)


def test_the_latest_full_date_is_inferred_with_its_evidence():
    analysis = run(
        "Troops massed near the border.\n\n"
        "The exercise was announced on 2 February 2022 and began on February 10, 2022, officials said. "
        "Yesterday the defence ministry said it would end soon."
    )
    document = analysis.document
    assert document.published == "2022-02-10" and document.published_basis == "inferred"
    assert [e.text for e in document.published_evidence] == ["February 10, 2022", "2 February 2022"]
    for evidence in document.published_evidence:
        assert document.text[evidence.start : evidence.end] == evidence.text
    # An inferred date is not a known one: "Yesterday" stays unresolved.
    yesterday = next(t for t in analysis.times if t.text == "Yesterday")
    assert yesterday.value_start is None and not yesterday.anchored
    jsonschema.Draft202012Validator(load_schema()).validate(analysis.to_dict())


def test_a_later_written_year_means_the_text_does_not_say_when_it_was_written():
    analysis = run(
        "Talks resumed.\n\nThe ceasefire was signed on 2 February 2022. Elections are planned for 2024 in the region."
    )
    assert analysis.document.published is None and analysis.document.published_basis == "unknown"
    assert analysis.document.published_evidence == []


def test_a_lone_old_date_is_not_taken_for_the_date_line():
    # An article about the past that names one day and nothing else in that year.
    analysis = run("Looking back.\n\nThe siege began on 9 December 2013 and lasted for years.")
    assert analysis.document.published is None and analysis.document.published_evidence == []


def test_a_date_in_a_future_clause_neither_counts_nor_blocks():
    analysis = run(
        "Talks stall.\n\nThe talks broke down on 2 February 2022, and in 2022 no deal is in sight. "
        "The envoys will meet again on 3 March 2022."
    )
    document = analysis.document
    assert document.published == "2022-02-02" and document.published_basis == "inferred"
    assert [e.text for e in document.published_evidence] == ["2 February 2022", "2022"]


def test_no_full_date_no_inference():
    analysis = run("Fighting resumed.\n\nThe offensive began in March 2021 and stalled last week.")
    assert analysis.document.published is None and analysis.document.published_basis == "unknown"


def test_a_known_date_is_never_replaced():
    analysis = run("Talks resumed.\n\nThe ceasefire was signed on 2 February 2022 in Minsk.", dt.date(2022, 3, 1))
    assert analysis.document.published == "2022-03-01" and analysis.document.published_basis == "user"
    assert analysis.document.published_evidence == []


def test_the_pipeline_fills_times_resolved_against_the_users_date():
    text = "Talks resumed.\n\nRussian troops have been arriving since the middle of January."
    (t,) = run(text, dt.date(2022, 2, 11)).times
    assert (t.text, t.precision) == ("the middle of January", "month-part")
    assert (t.value_start, t.value_end) == ("2022-01-11", "2022-01-21")


def test_infer_published_ignores_durations_and_unanchored_expressions():
    document = Document(id="d", source="s")
    doc = load_nlp()("ten days, Feb. 10")
    times = [
        TimeExpression("T1", "ten days", 0, 8, "day", False, kind="duration", duration="P10D"),
        TimeExpression("T2", "Feb. 10", 10, 17, "month-day", False),
    ]
    assert not infer_published(document, times, doc)
    assert document.published is None and document.published_basis == "unknown"
