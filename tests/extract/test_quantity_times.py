"""Which time expression dates a quantity: the one that governs it in the parse, not any date in
its sentence. Sentences from examples/ and the Guardian Syria corpus, through the real pipeline."""

from __future__ import annotations

from newsint.model import Analysis
from newsint.pipeline import analyze
from newsint.readers.raw import RawDocument

# examples/example-wire-drills-extended.txt (published Feb 20, 2022: "On Friday" is Feb 18).
CARPENTER = (
    "On Friday, the U.S. ambassador to the Organization for Security and Co-operation in Europe, Michael "
    "Carpenter, told the organisation's members that Russia had probably massed between 169,000 and "
    "190,000 personnel in and near Ukraine, compared with about 100,000 on Jan. 30."
)
# examples/borderland-monitor-belarus-buildup.txt
THOMAS_GREENFIELD = (
    "Linda Thomas-Greenfield, the U.S. ambassador to the United Nations, told the Security Council on "
    "Jan. 31 that Russia had already moved nearly 5,000 troops into Belarus and intended to raise that "
    "to more than 30,000 near the Belarus–Ukraine border by early February."
)
# guardian-0009 (2019-03-12, a Tuesday: "on Tuesday" is that day).
BAGHUZ = (
    "Upwards of 30,000 people have fled the town in recent months, a number that has staggered Kurdish "
    "forces. Kurdish military leaders say as many as 2,000 people fled Baghuz on Tuesday, an exodus they "
    "claim brought them closer to victory."
)


def _dated(text: str, published: str) -> dict[str, str | None]:
    analysis: Analysis = analyze(RawDocument(source="t.txt", reader="text", text=text, published=published))
    times = {t.id: t for t in analysis.times}
    return {q.text: (times[q.time].text if q.time else None) for q in analysis.quantities}


def test_each_figure_takes_the_date_that_governs_it() -> None:
    dated = _dated(CARPENTER, "2022-02-20")
    assert dated["between 169,000 and 190,000 personnel"] == "Friday"  # the day it was said
    assert dated["about 100,000"] == "Jan. 30"


def test_a_count_and_a_plan_take_their_own_dates() -> None:
    dated = _dated(THOMAS_GREENFIELD, "2022-02-04")
    assert dated["nearly 5,000 troops"] == "Jan. 31"
    assert dated["more than 30,000"] == "early February"


def test_a_date_in_another_sentence_or_none_at_all() -> None:
    dated = _dated(BAGHUZ, "2019-03-12")
    assert dated["as many as 2,000 people"] == "Tuesday"
    # "in recent months" is a duration-like period that may or may not be recognised; the
    # first figure must never take the second sentence's Tuesday.
    assert dated["Upwards of 30,000 people"] != "Tuesday"
