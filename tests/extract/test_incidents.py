"""One event per occurrence (issue #15): mentions of one incident within an article share an
``incident`` id (extract/events/incidents.py, stage newsint.incidents.v1) and the brief's timeline
counts the incident once.

REPORT is three sentences of a tuning-half article (shared/gold/split.json: guardian-0139): one
roadside bombing told three ways (a death "in an explosion", a killing "on Thursday night", a
killing "by an improvised explosive device ... yesterday"), beside a distinct attack on Afrin.
GENERAL is written for these tests.
"""

from __future__ import annotations

import datetime as dt

import pytest

from newsint.export.sink import render_brief_text
from newsint.model import Analysis, Event
from newsint.pipeline import STAGES, analyze
from newsint.readers.raw import RawDocument

REPORT = (
    "The individual, who was embedded with US forces, was killed on Thursday night alongside an American "
    "soldier. A spokesperson for the MoD said: “It is with regret that we must confirm that a member of the "
    "UK armed forces was killed by an improvised explosive device in Syria yesterday.” The Syrian town, which "
    "was under Isis control until 2016, is under increasing threat from Turkey after its military forces "
    "launched an attack on the nearby city of Afrin in January."
)
GENERAL = (
    "Russian jets bombed a market in Idlib on Monday. "
    "The Russian bombing of the market was condemned by the United Nations. "
    "A second Russian attack hit a hospital in Aleppo on Tuesday. "
    "Turkish troops clashed with Kurdish fighters near Afrin. "
    "The clashes in Afrin lasted for hours."
)


def _analyse(text: str) -> Analysis:
    raw = RawDocument(source="test.txt", reader="text", text=text)
    return analyze(raw, reference_date=dt.date(2018, 3, 30))


@pytest.fixture(scope="module")
def report() -> Analysis:
    return _analyse(REPORT)


@pytest.fixture(scope="module")
def general() -> Analysis:
    return _analyse(GENERAL)


def by_trigger(analysis: Analysis, word: str, nth: int = 0) -> Event:
    return [e for e in analysis.events if e.trigger and e.trigger.text == word][nth]


def test_the_stage_is_registered_after_the_events():
    names = [stage.name for stage in STAGES]
    assert names.index("newsint.incidents.v1") == names.index("newsint.events.v3") + 1


def test_every_event_has_an_incident_numbered_in_order_of_first_mention(report: Analysis):
    incidents = [e.incident for e in report.events]
    assert all(incidents)
    first_seen = list(dict.fromkeys(incidents))
    assert first_seen == [f"I{n}" for n in range(1, len(first_seen) + 1)]


def test_two_killings_dated_to_the_same_day_are_one_incident(report: Analysis):
    # "on Thursday night" and "yesterday" both resolve to 2018-03-29.
    told, confirmed = by_trigger(report, "killed", 0), by_trigger(report, "killed", 1)
    assert told.start == confirmed.start == "2018-03-29"
    assert told.incident == confirmed.incident


def test_an_attack_on_another_place_and_month_is_a_distinct_incident(report: Analysis):
    afrin = by_trigger(report, "attack")
    assert afrin.incident != by_trigger(report, "killed").incident


def test_a_definite_re_mention_is_linked_and_a_second_attack_is_not(general: Analysis):
    bombed, bombing = by_trigger(general, "bombed"), by_trigger(general, "bombing")
    assert bombed.incident == bombing.incident  # "The Russian bombing of the market"
    assert by_trigger(general, "attack").incident != bombed.incident  # "A second Russian attack"
    assert by_trigger(general, "clashed").incident == by_trigger(general, "clashes").incident
    assert by_trigger(general, "clashed").incident != bombed.incident
    # Another kind of act is never part of an incident of violence.
    assert by_trigger(general, "condemned").incident not in {bombed.incident, by_trigger(general, "clashed").incident}


def test_the_json_keeps_every_mention_with_its_incident(general: Analysis):
    data = general.to_dict()
    assert len(data["events"]) == len(general.events)
    assert [e["incident"] for e in data["events"]] == [e.incident for e in general.events]
    assert Analysis.from_dict(data) == general


def test_the_brief_timeline_counts_an_incident_once(general: Analysis):
    brief = render_brief_text(general, color=False, min_confidence=0.0)
    brief = brief[brief.index("Timeline") :]  # the events' section, not the text's excerpt above it
    bombed = by_trigger(general, "bombed")
    mentions = [e for e in general.events if e.incident == bombed.incident]
    assert len(mentions) == 2
    assert "2 mentions of" in brief and f"({bombed.incident})" in brief
    # One row for the bombing, from its first telling; the re-mention is no row of its own.
    assert "Russian jets bombed" in brief and "The Russian bombing" not in brief
    assert brief.count("mentions of") == len(
        {e.incident for e in general.events if sum(m.incident == e.incident for m in general.events) > 1}
    )


def test_an_analysis_stored_before_incidents_reads_with_none(general: Analysis):
    data = general.to_dict()
    for event in data["events"]:
        del event["incident"]
    assert all(e.incident is None for e in Analysis.from_dict(data).events)
