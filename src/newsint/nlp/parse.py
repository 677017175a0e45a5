"""Texts to parsed Docs with newsint's pipeline, whatever their length.

A text up to ``SECTION_CHARS`` is parsed whole (``nlp.pipe`` batches them); a longer one is
parsed section by section (``sections.section_bounds``) and the sections joined into one Doc
(spaCy's ``Doc.from_docs``) whose text is the text exactly, so every offset the stages take from
it is an offset into the text. No arc, sentence or entity crosses a section boundary: each
section is a run of whole paragraphs where the text allows it.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy
from spacy.tokens import Doc

from newsint.nlp.model import newsint_nlp
from newsint.nlp.sections import SECTION_CHARS, section_bounds


def parse(text: str, *, section_chars: int = SECTION_CHARS) -> Doc:
    """One text to one Doc, in sections of at most ``section_chars`` when it is longer."""
    if len(text) <= section_chars:
        return newsint_nlp()(text)
    return _parse_in_sections(text, section_chars)


def parse_many(texts: Sequence[str]) -> list[Doc]:
    """Several texts to their Docs, in order: the ordinary ones in one ``nlp.pipe`` batch, a long
    one alone in sections. An exception in any of them is raised (the caller decides whether to
    parse them one by one to find which)."""
    docs: list[Doc | None] = [None] * len(texts)
    whole = [n for n, text in enumerate(texts) if len(text) <= SECTION_CHARS]
    batch = newsint_nlp().pipe((texts[n] for n in whole), batch_size=max(len(whole), 1))
    for n, doc in zip(whole, batch, strict=True):
        docs[n] = doc
    for n, text in enumerate(texts):
        if docs[n] is None:
            docs[n] = _parse_in_sections(text)
    return docs  # type: ignore[return-value]  # every slot filled above


def _parse_in_sections(text: str, section_chars: int = SECTION_CHARS) -> Doc:
    nlp = newsint_nlp()
    sections = []
    for start, end in section_bounds(text, section_chars):
        section = nlp(text[start:end])  # one at a time: the parser's working memory is one section's
        # No stage reads the tok2vec tensor (96 floats a token, 150 MB for a 2 MB text) and the
        # joined Doc goes without it: drop each section's at once rather than hold them all.
        section.tensor = numpy.zeros((0, 0), dtype="float32")
        sections.append(section)
    # ensure_whitespace=False: join the sections as they are. Its default adds a space after a
    # section that ends without one, which would shift every later offset.
    doc = Doc.from_docs(sections, ensure_whitespace=False, exclude=["tensor", "user_data"])
    if doc.text != text:  # the stages' offsets are offsets into ``text``; never hand on another
        raise ValueError("sections joined into a Doc whose text differs from the document's")
    return doc
