"""Events deduplicated across reports. Analysis.events is still empty on main (issue #6), so these
records are written by hand: same type, shared actor, compatible date and place merge; nothing else."""

from __future__ import annotations

from corpus_builders import article, entity

from newsint.corpus.events import deduplicate_events
from newsint.model import Event, Location, Participant, SentenceSpan

TEXT = "Russian forces shelled Kharkiv in Ukraine."


def _report(article_id: str, *, type_="ASSAULT", start="2022-02-24", end=None, modality="asserted",
            actor="RUS MIL", place="Ukraine", iso="UKR", site=None):  # type: ignore[no-untyped-def]  # fmt: skip
    text = TEXT.replace("Ukraine", place)
    ents = [entity("E1", place, "PLACE", text, iso=iso)]
    event = Event(
        id="V1", type=type_, sentence=SentenceSpan(0, len(text)), actors=[Participant(actor=actor)],
        targets=[Participant(entity="E1")], location=Location(entity="E1"), start=start, end=end, modality=modality,
    )  # fmt: skip
    return article(article_id, text, entities=ents, events=[event], site=site)


def test_three_reports_of_one_shelling_are_one_event_with_their_outlets() -> None:
    merged = deduplicate_events(
        [_report("a", site="One"), _report("b", site="Two"), _report("c", start="2022-02", site="Three")]
    )
    (event,) = merged
    assert len(event.reports) == 3 and event.outlets == ["One", "Three", "Two"]
    assert event.independent_outlets == 3
    assert event.start == "2022-02-24"  # the month-precision report allows the day the others give


def test_different_type_date_place_actor_or_modality_keep_events_apart() -> None:
    base = _report("a")
    for other in (
        _report("b", type_="ACCUSE"),
        _report("b", start="2022-03-01"),
        _report("b", place="Poland", iso="POL"),
        _report("b", actor="UKR MIL"),
        _report("b", modality="hypothetical"),
    ):
        assert len(deduplicate_events([base, other])) == 2


def test_unknown_date_and_place_do_not_block_a_merge() -> None:
    undated = _report("b", start=None)
    undated.analysis.events[0].location = None
    assert len(deduplicate_events([_report("a"), undated])) == 1
