"""Publication date inferred from the text (extract/published.py) and its place in the pipeline.

The inferred date is the latest fully written date outside future-tense clauses, only when no
other absolute date lies after it and another agrees on its year; the evidence is kept and
relative expressions stay unresolved.
"""

from __future__ import annotations

import datetime as dt

import jsonschema

from newsint.dates import OnOrAfter
from newsint.extract.published import with_inferred_published, written_on_or_after
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


def test_inference_ignores_durations_and_unanchored_expressions():
    document = Document(id="d", source="s")
    doc = load_nlp()("ten days, Feb. 10")
    times = [
        TimeExpression("T1", "ten days", 0, 8, "day", False, kind="duration", duration="P10D"),
        TimeExpression("T2", "Feb. 10", 10, 17, "month-day", False),
    ]
    assert with_inferred_published(document, times, doc) is document
    assert document.published is None and document.published_basis == "unknown"


def bound(text: str, today: dt.date = dt.date(2026, 1, 1)) -> OnOrAfter | None:
    analysis = run(text)
    return written_on_or_after(analysis.times, load_nlp()(analysis.document.text), today=today)


def test_the_writing_is_bounded_by_the_latest_period_named_as_reached():
    text = "Fighting resumed.\n\nThe offensive began in March 2021 and stalled, as it had in 2019."
    assert bound(text) == OnOrAfter(dt.date(2021, 3, 1))


def test_future_periods_and_days_after_today_do_not_bound_the_writing():
    text = "Talks stall.\n\nThe ceasefire collapsed in 2019. The envoys will meet again in 2024."
    assert bound(text) == OnOrAfter(dt.date(2019, 1, 1))  # "will meet … in 2024" lies ahead
    assert bound("Plans.\n\nThe treaty was signed in 2030.", today=dt.date(2026, 1, 1)) is None
    assert bound("Talks resumed.\n\nThe offensive stalled last week.") is None  # nothing absolute


def test_an_undated_text_still_codes_a_leader_whose_term_covers_every_possible_day():
    # No publication date anywhere: the text's own "2020" bounds it below, Lukashenko was
    # president on every day since (term open since 1994) and so is coded, and a title naming
    # the office ("the Belarusian leader") resolves to him; Stoltenberg left NATO in 2024, so he
    # is not coded as NATO on the strength of an undated text.
    analysis = run(
        "Minsk and the West.\n\nAlexander Lukashenko has ruled since 1994. Until 2020 he balanced "
        "Russia against the West. Jens Stoltenberg criticised the crackdown, and the Belarusian "
        "leader replied angrily."
    )
    assert analysis.document.published is None
    people = {e.name: e for e in analysis.entities if e.type == "PERSON"}
    lukashenko = people["Alexander Lukashenko"]
    assert lukashenko.actor == "BLR GOV" and lukashenko.attributes["role"] == "President of Belarus"
    assert "the Belarusian leader" in [m.text for m in lukashenko.mentions]
    assert people["Jens Stoltenberg"].actor is None and "role" not in people["Jens Stoltenberg"].attributes
