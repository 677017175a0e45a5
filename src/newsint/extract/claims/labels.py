"""Speaker labels: a paragraph that opens with a name and a colon, as a transcript turn or a
headline that quotes."""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

from newsint.extract.claims.grammar import trim
from newsint.extract.claims.lexicon import EVIDENCE_NOUNS, OPEN_QUOTES, SPEAKER_NOUNS

# A speaker label is a short name before a colon at the start of a paragraph.
LABEL_MAX_TOKENS = 5
LABEL_ENTITY_TYPES = frozenset({"PERSON", "ORG", "NORP"})
SPEAKER_ENTITY_TYPES = frozenset({"PERSON", "ORG"})


def label_claims(doc: Doc, speakers: set[str]) -> Iterable[tuple[list[Token], Span, Span]]:
    """A paragraph that opens with a speaker's name and a colon: a transcript turn ("PENCE: Well,
    look, …") or a headline that quotes ("Sanders: Clinton needs to …"). The name must be a person
    or an organisation (tagged here, or named so elsewhere in the article), a noun for a speaker or
    a record ("Poll: …"), or, in a transcript (a label that opens two or more paragraphs), any
    capitalised label: speakers whom the tagger may not know as names."""
    labels: list[tuple[Span, Token, Span]] = []
    paragraph_starts = list(_paragraph_starts(doc))
    for start in paragraph_starts:
        if doc[start].text in OPEN_QUOTES:
            start += 1
        colon = next((t for t in doc[start : start + LABEL_MAX_TOKENS + 1] if t.text == ":"), None)
        if colon is None or colon.i == start:
            continue
        name = doc[start : colon.i]
        if not all(t.is_alpha or t.text in {".", "-", "'", "’"} for t in name) or not name[0].text[:1].isupper():
            continue
        end = colon.i + 1
        while end < len(doc) and "\n" not in doc[end].text:
            end += 1
        content = trim(doc, list(doc[colon.i + 1 : end]))
        if content is not None and len(content) >= 3:
            labels.append((name, colon, content))
    repeated = Counter(name.text for name, _, _ in labels)
    transcript = any(count > 1 and name.isupper() for name, count in repeated.items())
    for index, (name, colon, content) in enumerate(labels):
        if transcript and name.text.isupper():
            # A turn runs on over the paragraphs after it, up to the next speaker's label or a
            # stage direction ("(CROSSTALK.)").
            limit = labels[index + 1][0].start if index + 1 < len(labels) else len(doc)
            content = _turn(doc, content, limit, paragraph_starts)
        if (transcript and name.text.isupper()) or name.text in speakers or _named_speaker(name):
            yield [colon], name, content


def _turn(doc: Doc, content: Span, limit: int, paragraph_starts: list[int]) -> Span:
    end = content.end
    # The paragraphs after the content, found by bisection: a transcript has a turn per paragraph.
    for k in range(bisect_left(paragraph_starts, content.end), len(paragraph_starts)):
        start = paragraph_starts[k]
        opening = start + 1 if doc[start].text in OPEN_QUOTES else start
        if opening >= limit or doc[opening].text in {"(", "["}:
            break
        stop = start
        while stop < len(doc) and "\n" not in doc[stop].text:
            stop += 1
        paragraph = trim(doc, list(doc[start:stop]))
        if paragraph is not None:
            end = paragraph.end
    return doc[content.start : end]


def _paragraph_starts(doc: Doc) -> Iterable[int]:
    for token in doc:
        if not token.is_space and (token.i == 0 or "\n" in doc[token.i - 1].text_with_ws):
            yield token.i


def _named_speaker(name: Span) -> bool:
    if any(t.ent_type_ == "GPE" or t.ent_type_ in {"DATE", "TIME"} for t in name):
        return False  # a dateline ("WASHINGTON:") or a time stamp
    head = name.root
    return (
        head.ent_type_ in LABEL_ENTITY_TYPES
        or head.lemma_.lower() in SPEAKER_NOUNS
        or head.lemma_.lower() in EVIDENCE_NOUNS
    )
