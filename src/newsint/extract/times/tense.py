"""The tense of the clause a time expression sits in, from the verb that governs it: a date
without a year, a bare month or a weekday is resolved into the past or the future by it (and
``extract.published`` infers a publication date only from dates in past or present clauses)."""

from __future__ import annotations

from spacy.tokens import Doc

# Verb words that mark the future when they govern the expression.
FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo", "going"})
UNTIL_WORDS = frozenset({"until", "till", "by"})
SINCE_WORDS = frozenset({"since"})
PERFECT_AUX = frozenset({"has", "have", "had", "'ve", "'d"})


def clause_tense(doc: Doc, start: int, end: int) -> int:
    """The tense of the clause the characters [start, end) sit in: -1 past, +1 future, 0 present
    or unknown, from the verb that governs the span."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return 0
    preposition = span.root.head.lower_ if span.root.dep_ == "pobj" else ""
    if preposition in SINCE_WORDS:
        return -1  # "since January 1": the date lies behind
    # Up from the expression through prepositions to its verb. Where a noun comes first, the
    # expression dates that noun ("At Monday's debate, Clinton cited ...", "victims between
    # January 1 and September 26 had ..."): the sentence's main verb tells its tense.
    token = span.root if span.root.pos_ in ("VERB", "AUX") else span.root.head
    while token.pos_ not in ("VERB", "AUX"):
        if token.pos_ not in ("ADP", "SCONJ") or token.head.i == token.i:
            token = span.sent.root
            break
        token = token.head
    if token.pos_ not in ("VERB", "AUX"):
        return 0
    auxes = [c for c in token.children if c.dep_ in ("aux", "auxpass")]
    if preposition in UNTIL_WORDS and token.tag_ != "VBD":
        return 1  # "has been postponed until Saturday": the date lies ahead
    words = {a.lower_ for a in auxes} | {token.lower_}
    if words & FUTURE_AUX:
        return 1
    if any(a.tag_ == "MD" for a in auxes) and not words & PERFECT_AUX:
        return 1  # "we could meet on Saturday": a modal looks ahead ("could have met" does not)
    if token.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return -1
    if token.tag_ == "VBN" and words & PERFECT_AUX:
        return -1
    return 0
