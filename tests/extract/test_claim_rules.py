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
    found = [c for c in analysis.claims if c.content.text.lstrip("“”\"'").startswith(start)]
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


# ---- direct quotations


def test_a_long_attribution_clause_between_two_quotations_joins_them() -> None:
    # HuffPost, 2016-09-16: the speaker's description makes the gap long, but it is all attribution.
    a = run(
        "“This is a disgusting day,” said Rep. G.K. Butterfield (D-N.C.), head of the Congressional "
        "Black Caucus. “Donald Trump is a disgusting fraud. He had no proof of it.”"
    )
    # One claim per quoted sentence (issue #16), all of them the speaker's.
    claim = with_content(a, "This is a disgusting day")
    assert claim.source.text.startswith("Rep. G.K. Butterfield")
    assert with_content(a, "He had no proof of it").source.text == claim.source.text
    assert with_content(a, "Donald Trump is a disgusting fraud").source.text == claim.source.text


def test_doubled_apostrophes_mark_a_quotation() -> None:
    # New York Times archive text, 2016-09-16.
    a = run(
        "Mrs. Clinton has shied away from a sweeping tax overhaul. ''It's more tinkering at the edges,'' "
        "said Alan Cole, an economist at the Tax Foundation. ''I wouldn't call it reform.''"
    )
    claim = with_content(a, "It's more tinkering")
    assert claim.content.text.startswith("''It's")
    assert claim.source.text == "Alan Cole, an economist at the Tax Foundation"
    second = with_content(a, "I wouldn't call it reform")
    assert second.content.text.endswith("call it reform.''") and second.source.text == claim.source.text


def test_a_quotation_over_several_paragraphs_reopens_each_and_closes_at_the_end() -> None:
    a = run(
        "The senator spoke to reporters on Tuesday.\n\n"
        "“We have seen this before,” she said. “The bank squeezed its employees.\n\n"
        "“Nobody at the top has been held accountable.”"
    )
    claim = with_content(a, "We have seen this before")
    assert claim.content.text.endswith("held accountable.”")
    assert claim.source.text == "she"


def test_a_paragraph_opening_with_a_mistyped_closing_mark_is_still_a_signed_quotation() -> None:
    # HuffPost readers' reactions, 2016-09-27: ”…” ― Name.
    a = run("”Fear. I am truly afraid that he will win the election.” ― Edwin G. Monroy")
    claim = with_content(a, "Fear.")
    assert claim.source.text == "Edwin G. Monroy"


# ---- object cues and records


def test_called_takes_the_object_and_its_predicate() -> None:
    # Politico, 2016-09: the description is the content, not just the thing described.
    a = run("The Trump campaign called the charges unsubstantiated and fabricated by former employees.")
    claim = with_content(a, "the charges")
    assert claim.content.text == "the charges unsubstantiated and fabricated by former employees"
    assert claim.source.text == "The Trump campaign"


def test_called_on_someone_to_act() -> None:
    a = run("Rep. Adam Schiff called on President Obama to retaliate against Russia for interference in the election.")
    claim = with_content(a, "President Obama")
    assert claim.content.text == "President Obama to retaliate against Russia for interference in the election"


def test_cited_something_as_something() -> None:
    a = run("Clinton cited Trump's past remarks about Machado as examples of his disrespect for women.")
    claim = with_content(a, "Trump's past remarks")
    assert claim.content.text.endswith("as examples of his disrespect for women")


def test_a_poll_shows_a_noun_phrase() -> None:
    # Politico, 2016-09-25: "show" with an object, said of a record, not a person.
    a = run("Polling averages show Clinton with a lead in the low single digits.")
    claim = with_content(a, "Clinton")
    assert claim.source.text == "Polling averages"
    assert claim.content.text == "Clinton with a lead in the low single digits"


def test_show_with_an_object_and_no_record_as_subject_is_no_claim() -> None:
    a = run("The museum shows a film about the civil rights movement every afternoon.")
    assert a.claims == []


# ---- where the cue stands


def test_a_cue_set_off_by_commas_inside_the_content() -> None:
    # New York Times, 2016-09-25.
    a = run("Acts of protest, Mr. Obama said, are acts of patriotism, whether it was sitting at a lunch counter.")
    claim = with_content(a, "Acts of protest")
    assert claim.source.text == "Mr. Obama"
    assert claim.content.text.endswith("sitting at a lunch counter")


def test_a_long_speaker_description_between_quotation_and_cue() -> None:
    # Politico, 2016-09-22.
    a = run(
        '"Subpoenas are not optional," panel Chairman Rep. Jason Chaffetz (R-Utah) said after the witness '
        'failed to appear. "He is a crucial fact witness in this investigation."'
    )
    claim = with_content(a, "Subpoenas are not optional")
    assert "Chaffetz" in claim.source.text
    second = with_content(a, "He is a crucial fact witness")
    assert second.content.text.endswith('fact witness in this investigation."') and "Chaffetz" in second.source.text


# ---- speaker labels


def test_a_transcript_turn_is_a_claim_by_its_speaker() -> None:
    # Breitbart, 2016-09-25: a television interview transcribed with speaker labels.
    a = run(
        "Pence spoke to Fox News on Sunday.\n\n"
        "WALLACE: Will Gennifer Flowers be at the debate tomorrow night?\n\n"
        "PENCE: Well, look, Gennifer Flowers will not be attending the debate.\n\n"
        "WALLACE: Why did the campaign invite her at all?"
    )
    turns = [(c.source.text, c.cue, c.content.text) for c in a.claims if c.cue == ":"]
    assert ("PENCE", ":", "Well, look, Gennifer Flowers will not be attending the debate") in turns
    assert len(turns) == 3


def test_a_headline_that_quotes_a_named_person() -> None:
    # Politico, 2016-09-16: the headline names the speaker by surname, the body in full.
    a = run(
        "Sanders: Clinton needs to get away from all of this personality stuff\n\n"
        "Bernie Sanders spoke to supporters in Ohio on Friday."
    )
    claim = with_content(a, "Clinton needs to")
    assert claim.source.text == "Sanders" and claim.cue == ":"


def test_a_dateline_is_not_a_speaker() -> None:
    a = run("WASHINGTON: The Senate voted on the budget bill on Tuesday after a long debate.")
    assert [c for c in a.claims if c.cue == ":"] == []


def test_a_reporting_verb_with_a_noun_phrase_object() -> None:
    # HuffPost, 2016-09: stance verbs whose object is what the source put forward.
    a = run("The woman disputes the idea that she needed to be hospitalized in the first place.")
    claim = with_content(a, "the idea")
    assert claim.source.text == "The woman" and claim.cue == "disputes"


def test_said_on_a_day_is_no_claim() -> None:
    # The Guardian, 2019: the day a statement was made is not what was said.
    a = run("The shadow home secretary spoke to the BBC. She said on Friday.")
    assert [c for c in a.claims if c.content.text == "Friday"] == []


def test_a_second_action_the_parser_hung_on_the_cue_stays_in_the_content() -> None:
    # HuffPost, 2016-09: "mentioned X and Y", the parser attaches Y to the verb.
    a = run("Donald Trump has mentioned refinancing student loans and forcing universities to spend more.")
    claim = with_content(a, "refinancing student loans")
    assert claim.content.text.endswith("forcing universities to spend more")


def test_in_a_poll_the_clause_is_the_polls() -> None:
    # Politico, 2016-09-25.
    a = run("In the previous Washington Post/ABC News poll, Clinton led Trump by 5 percentage points.")
    claim = with_content(a, "Clinton led Trump")
    assert claim.cue == "In" and claim.source.text == "the previous Washington Post/ABC News poll"


def test_in_his_view_the_clause_is_his() -> None:
    a = run("In his view, the museum would make visitors face uncomfortable truths.")
    claim = with_content(a, "the museum would")
    assert claim.source.text == "his"


def test_in_a_place_is_no_claim() -> None:
    a = run("In the capital, protesters gathered outside the parliament on Monday.")
    assert a.claims == []


def test_continued_with_a_colon_before_a_quotation() -> None:
    # West Journal, 2016-09-26.
    a = run("Limbaugh spoke on his show. He continued: “They are demanding this, and putting pressure on him.”")
    claim = with_content(a, "They are demanding this")
    assert claim.source.text == "He" and claim.cue.startswith("continued")


# ---- reports inside reports


def test_a_pronoun_report_inside_a_claim_is_part_of_it() -> None:
    # The Guardian, 2019-03: "wanted" is part of what Begum said, not a second claim.
    a = run("Begum, now 19, said last month she wanted to return home for the health of her unborn child.")
    assert len(a.claims) == 1
    assert a.claims[0].cue == "said"
    assert a.claims[0].content.text.endswith("she wanted to return home for the health of her unborn child")


def test_a_named_speaker_inside_a_claim_keeps_their_own() -> None:
    a = run("NATO said about 30,000 soldiers were in the region, while Russian officials said 9,000 soldiers were.")
    sources = {c.source.text for c in a.claims}
    assert {"NATO", "Russian officials"} <= sources


def test_a_cue_right_before_a_quotation_without_a_comma() -> None:
    # HuffPost, 2016-09: "declared “…”".
    a = run("Trump declared “I think NATO may be obsolete. Things are different now.”")
    claim = with_content(a, "I think NATO")
    assert claim.source.text == "Trump"
    assert with_content(a, "Things are different now").source.text == "Trump"


def test_a_transcript_turn_runs_on_to_the_next_speaker() -> None:
    a = run(
        "Partial transcript as follows:\n\n"
        "WALLACE: Do you really see those two as equivalent?\n\n"
        "PENCE: Well, look, you know, he has been saying some pretty tough stuff.\n\n"
        "But the truth is that Donald Trump has a unique way of communicating.\n\n"
        "(CROSSTALK.)\n\n"
        "WALLACE: Governor, I want to try to get to the next question."
    )
    turn = next(c for c in a.claims if c.source.text == "PENCE")
    assert turn.content.text.endswith("a unique way of communicating")


def test_a_first_person_report_inside_a_quotation_is_the_quoted_speakers() -> None:
    # A quotation that no cue attributes: its "I think" is still not the author's report.
    a = run("The banner on the stage read “I think we deserve better than this.”")
    assert a.claims == []


def test_a_cue_after_a_quotation_that_ends_its_sentence_starts_a_new_report() -> None:
    # The Guardian, 2018-09: the second quotation is still Kalin's, not Russia's.
    a = run(
        "“Russian jets cannot afford attacks while Turkish soldiers are there,” Kalin said. “We know that they do "
        "not care about civilians.” Russia has demanded that Erdoğan force the withdrawal of jihadist forces."
    )
    russia = [c for c in a.claims if c.source.text == "Russia"]
    assert len(russia) == 1 and russia[0].content.text.startswith("Erdoğan force the withdrawal")
    assert with_content(a, "Russian jets").source.text == "Kalin"
    assert with_content(a, "We know that they do not care").source.text == "Kalin"


def test_the_day_is_not_part_of_the_cue() -> None:
    a = run("Erdoğan said on Monday the agreement had averted a great humanitarian disaster.")
    claim = with_content(a, "the agreement")
    assert claim.cue == "said"
