"""nlp/text.py: the stages read a Doc's text once, and it is the text the Doc was parsed from."""

from __future__ import annotations

from newsint.nlp.model import load_nlp
from newsint.nlp.text import doc_text, remember_text


def test_doc_text_is_the_parsed_text_and_is_built_once() -> None:
    text = "Shelling resumed near the town on Monday.\n\nOfficials said 12 people were hurt."
    doc = load_nlp()(text)
    first = doc_text(doc)
    assert first == text
    assert doc_text(doc) is first  # kept, not rebuilt (Doc.text returns a new string each time)
    assert doc.text is not doc.text


def test_remembered_text_is_what_the_stages_read() -> None:
    text = "Talks ended in Geneva."
    doc = load_nlp()(text)
    remember_text(doc, text)
    assert doc_text(doc) is text
