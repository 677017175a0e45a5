"""Coreference by title: a country adjective and a role noun of one or several words names
whoever held that role on the reference date. The holders below are public record for 6 May 2019."""

from __future__ import annotations

import datetime as dt

import pytest

from newsint.pipeline import analyze
from newsint.readers.raw import RawDocument

DAY = dt.date(2019, 5, 6)


def titled(text: str) -> dict[str, str]:
    """Mention text -> KB id of the person it was resolved to, for title-only mentions."""
    analysis = analyze(RawDocument(source="test", reader="text", text=text), reference_date=DAY)
    return {m.text: e.kb_id for e in analysis.entities if e.attributes.get("named_by_title_only") for m in e.mentions}


@pytest.mark.parametrize(
    ("text", "mention", "kb_id"),
    [
        # one-word role noun
        ("Talks resumed on Monday. The German chancellor said the sanctions would stay.",
         "The German chancellor", "person:angela-merkel"),
        # two-word role nouns, sharing no first word with a one-word one
        ("The British prime minister met troops in Estonia on Monday.",
         "The British prime minister", "person:theresa-may"),
        ("The French defence minister arrived in Estonia later.",
         "The French defence minister", "person:florence-parly"),
        # three words whose first ("head") is an ordinary noun elsewhere
        ("The Turkish head of state spoke in Ankara.", "The Turkish head of state", "person:recep-tayyip-erdogan"),
    ],
)  # fmt: skip
def test_title_names_the_role_holder(text, mention, kb_id):
    assert titled(text).get(mention) == kb_id


def test_role_noun_without_its_other_words_is_no_title():
    # "prime" and "head" alone start no role: "the British head" and "the French prime" name nobody
    assert titled("The British head teacher and the French prime suspect met.") == {}


@pytest.mark.parametrize(
    "text",
    [
        # Guardian 2018-04-14: a past holder, not the one in office
        "It was the former Portuguese prime minister's turn once again to raise the alarm.",
        "The ex-British prime minister spoke in Tallinn on Monday.",
        # Guardian 2018-04-14 and 2017-10-04: the name in apposition says who; the title describes them
        "The Israeli leader, Benjamin Netanyahu, has tried to convince Moscow to rein in Iran.",
        "Talabani met the US president, Richard Nixon, and his secretary of state in Washington.",
    ],
)
def test_a_former_holder_or_a_title_beside_a_name_is_not_the_current_holder(text):
    assert titled(text) == {}
