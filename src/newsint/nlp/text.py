"""The text of a parsed document, read once.

spaCy's ``Doc.text`` is not stored: every access joins the text of every token again (a
measurable share of the extraction stages' time on long articles, several stages reading it).
The stages read it through ``doc_text``, which keeps the string on the Doc itself.
"""

from __future__ import annotations

from spacy.tokens import Doc

_TEXT_KEY = "newsint.text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, built on the first call for this Doc and kept in its ``user_data``."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


def remember_text(doc: Doc, text: str) -> None:
    """Give ``doc`` the text it was parsed from, so no stage has to rebuild it. spaCy's tokenizer
    is non-destructive: the Doc of a string always has that string as its text."""
    doc.user_data[_TEXT_KEY] = text
