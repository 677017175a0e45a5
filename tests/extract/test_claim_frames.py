"""A claim is a speech or cognition act with a source (issue #16): what is not one, and who the
source phrase stands for. Sentences written in the style of wire and newspaper copy, not taken
from any evaluation article."""

from __future__ import annotations

import datetime as dt

from newsint.model import Analysis
from newsint.pipeline import analyze
from newsint.readers.raw import RawDocument


def run(text: str) -> Analysis:
    return analyze(RawDocument(source="test", reader="text", text=text), reference_date=dt.date(2019, 3, 1))


def contents(analysis: Analysis) -> list[str]:
    return [c.content.text for c in analysis.claims]


def entity_name(analysis: Analysis, entity_id: str | None) -> str | None:
    return next((e.name for e in analysis.entities if e.id == entity_id), None)


# ---- intentions and actions are not claims


def test_a_verb_with_its_own_infinitive_is_an_intention_not_a_report() -> None:
    a = run(
        "Government forces are preparing to attack the rebel-held city of Daraa. "
        "The ministry planned to move the prisoners to a camp in the north. "
        "Thousands of families have sought shelter in the mountains."
    )
    assert a.claims == [], contents(a)


def test_a_promise_or_a_threat_reports_its_infinitive() -> None:
    a = run("The Turkish president, Recep Tayyip Erdoğan, has vowed to crush the militia.")
    assert [c.content.text for c in a.claims] == ["to crush the militia"]


def test_a_directive_with_an_addressee_reports_what_they_are_to_do() -> None:
    a = run("Amnesty International urged the government to release the journalists.")
    assert [c.content.text for c in a.claims] == ["the government to release the journalists"]


def test_a_stance_towards_a_thing_is_not_a_statement() -> None:
    a = run("The opposition condemned the airstrike. The mayor welcomed the new bridge.")
    assert a.claims == [], contents(a)


def test_told_someone_without_what_was_told_is_not_a_claim() -> None:
    a = run("The US military has told the Turkish army. Later it withdrew its troops.")
    assert a.claims == [], contents(a)


def test_accused_of_keeps_what_they_are_accused_of() -> None:
    a = run("Britain accused Russia of poisoning the former spy.")
    assert [c.content.text for c in a.claims] == ["Russia of poisoning the former spy"]


def test_a_report_with_no_one_reporting_is_not_kept() -> None:
    a = run("It is reported that 20 soldiers died. Two officers are also said to have been wounded.")
    assert a.claims == [], contents(a)


def test_an_abstract_subject_suggests_nothing_said() -> None:
    a = run("History suggests the dispute will be settled within weeks.")
    assert a.claims == [], contents(a)


# ---- who the source phrase stands for


def test_the_report_is_its_author_named_before() -> None:
    a = run(
        "A report by Human Rights Watch documents dozens of detentions. "
        "The report says that the detainees were held without charge."
    )
    claim = next(c for c in a.claims if "without charge" in c.content.text)
    assert claim.source.text == "The report"
    assert entity_name(a, claim.source.entity) == "Human Rights Watch"


def test_a_participle_on_a_record_makes_the_record_the_source() -> None:
    a = run("Relatives criticised a report by Amnesty International urging the government to close the camps.")
    claim = next(c for c in a.claims if "close the camps" in c.content.text)
    assert claim.source.text.startswith("a report")
    assert entity_name(a, claim.source.entity) == "Amnesty International"


def test_she_said_after_a_long_quotation_is_the_last_speaker() -> None:
    a = run(
        "“We have waited four years for an answer,” said Maria Lopez, the mother of a missing reporter. "
        "“Nobody has told us anything. The letters go unanswered. The calls go unanswered. "
        "We are still waiting.” She said the family would take the case to court."
    )
    claim = next(c for c in a.claims if "take the case to court" in c.content.text)
    assert claim.source.text == "She"
    assert entity_name(a, claim.source.entity) == "Maria Lopez"


def test_they_said_is_the_group_that_spoke_just_before() -> None:
    a = run(
        "The charity Doctors Without Borders said its hospital in the town had been hit twice. "
        "“Our staff are exhausted and supplies are running out,” they said."
    )
    first, second = a.claims
    assert first.source.text == "The charity Doctors Without Borders" and first.source.entity is not None
    assert second.source.text == "they" and second.source.entity == first.source.entity


def test_a_record_named_first_and_its_author_in_the_next_sentence() -> None:
    a = run(
        "Rights groups have welcomed a report urging the army to open its prisons to inspectors. "
        "The report by Human Rights Watch lists 40 sites."
    )
    claim = next(c for c in a.claims if "open its prisons" in c.content.text)
    assert claim.source.text.startswith("a report")
    assert entity_name(a, claim.source.entity) == "Human Rights Watch"


def test_calls_on_someone_keeps_what_they_are_to_do() -> None:
    a = run("The report, which calls on the government to close the camps, was published on Monday.")
    assert any(c.content.text == "the government to close the camps" for c in a.claims), contents(a)


# ---- reports the parser hangs in unusual places (issue #16)


def test_according_to_whose_name_the_parser_made_the_subject() -> None:
    a = run("According to the defence analyst Margaret Okafor, the new drones may change the course of the war.")
    assert [(c.cue, c.source.text, c.content.text) for c in a.claims] == [
        ("According to", "the defence analyst Margaret Okafor", "the new drones may change the course of the war")
    ]


def test_a_cue_after_its_content_read_as_a_second_clause() -> None:
    a = run("He is still in custody and is preparing an appeal, his lawyer, Daniel Mercer, told Reuters.")
    assert [(c.source.text, c.content.text) for c in a.claims] == [
        ("his lawyer, Daniel Mercer", "He is still in custody and is preparing an appeal")
    ]


def test_two_actions_joined_by_and_are_not_a_report() -> None:
    a = run("The army shelled the villages, and the police told the residents to leave.")
    assert [c.content.text for c in a.claims if "shelled" in c.content.text] == []


def test_a_passive_report_with_its_source_as_the_agent() -> None:
    a = run(
        "Dozens of chemical attacks have been recorded by the Organisation for the Prohibition of Chemical "
        "Weapons. The deaths of three aid workers were confirmed by the United Nations on Monday."
    )
    found = {(c.cue, c.content.text) for c in a.claims}
    assert ("have been recorded by", "Dozens of chemical attacks") in found, found
    assert ("were confirmed by", "The deaths of three aid workers") in found, found
    un = next(c for c in a.claims if c.content.text.startswith("The deaths"))
    assert entity_name(a, un.source.entity) == "United Nations"


def test_a_passive_by_a_thing_is_no_report() -> None:
    a = run("The attack was recorded by a security camera outside the bank.")
    assert a.claims == [], contents(a)
