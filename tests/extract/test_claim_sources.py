"""Who a pronoun or a bare "the ministry" stands for (issue #16): the speaker before it whose
gender the text gives, the organisation that last spoke. Sentences written in the style of wire
copy, not taken from any evaluation article."""

from __future__ import annotations

import datetime as dt

from newsint.model import Analysis, Claim
from newsint.pipeline import analyze
from newsint.readers.raw import RawDocument


def run(text: str) -> Analysis:
    return analyze(RawDocument(source="test", reader="text", text=text), reference_date=dt.date(2019, 3, 1))


def speaker_of(analysis: Analysis, content: str) -> str | None:
    claim: Claim = next(c for c in analysis.claims if content in c.content.text)
    return next((e.name for e in analysis.entities if e.id == claim.source.entity), None)


def test_she_is_the_woman_who_spoke_not_the_man_before_her() -> None:
    a = run(
        "“The road is closed,” said Omar Haddad, a local aid worker. “We have had no food for a week,” "
        "said his mother, Jane Haddad. He said the trucks could not pass. She said the children were hungry."
    )
    assert speaker_of(a, "the children were hungry") == "Jane Haddad"
    assert speaker_of(a, "the trucks could not pass") == "Omar Haddad"


def test_it_said_is_the_organisation_that_last_spoke() -> None:
    a = run(
        "The International Committee of the Red Cross said the camp was full. It said more tents were "
        "needed before the winter."
    )
    assert speaker_of(a, "more tents were needed") == "International Committee of the Red Cross"


def test_the_ministry_is_the_ministry_that_spoke_not_another_organisation() -> None:
    a = run(
        "The Ministry of Health said 40 people had been treated. The ministry said the hospital was full. "
        "Amnesty International said the figures were too low. The ministry added that more doctors had arrived."
    )
    assert speaker_of(a, "the hospital was full") == "Ministry of Health"
    assert speaker_of(a, "more doctors had arrived") == "Ministry of Health"


def test_a_resolved_pronoun_ranks_below_a_name_and_above_the_cut_off() -> None:
    from newsint.extract.claims.confidence import DEFAULT_MIN_CLAIM_CONFIDENCE

    a = run("The International Committee of the Red Cross said the camp was full. It said more tents were needed.")
    named = next(c for c in a.claims if "the camp was full" in c.content.text)
    resolved = next(c for c in a.claims if "more tents" in c.content.text)
    assert resolved.source.text == "It" and resolved.source.entity == named.source.entity is not None
    assert DEFAULT_MIN_CLAIM_CONFIDENCE <= (resolved.confidence or 0) < (named.confidence or 0)
