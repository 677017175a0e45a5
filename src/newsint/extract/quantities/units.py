"""Units: what a number counts or measures. A unit written after it ("5 km", "£6m pounds",
"$500 a month"); else the noun it counts, with its compounds and what it is of ("about 4,000
Turkish troops in Syria"); a person's age ("aged 68"); and for a bare number, the unit of a
nearby figure it stands in for ("4,000 troops, while analysts said 2,500": ellipsis)."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from newsint.extract.quantities.lexicon import (
    ATTACHED_UNITS,
    CURRENCIES,
    POUND_WORDS,
    RATE_NOUNS,
    SYMBOL_UNITS,
    WORD_UNITS,
)
from newsint.extract.quantities.mention import Mention, tokens_of

INHERIT_RATIO = 10.0
MAX_OF_TOKENS = 10


PERSON_PRONOUNS = {"he", "she", "i", "you", "we", "they", "who"}
OF_PREPOSITIONS = {"in", "near", "at", "on", "from", "inside", "outside", "along", "across", "within",
                   "around", "of", "into", "to"}  # fmt: skip


_WORD_UNIT = re.compile(
    r"(?P<sep>[\s-]?)(?P<u>"
    + "|".join(re.escape(k).replace(r"\ ", r"\s") for k in sorted([*WORD_UNITS, *POUND_WORDS], key=len, reverse=True))
    + r")(?![A-Za-z])",
    re.I,
)
_SYMBOL_UNIT = re.compile(
    r"(?P<sep>\s?)(?P<u>"
    + "|".join(re.escape(k).replace(r"\ ", r"\s") for k in sorted(SYMBOL_UNITS, key=len, reverse=True))
    + r")(?![A-Za-z\d])"
)
_ATTACHED_UNIT = re.compile(r"(?P<u>[glLmpt])(?![A-Za-z\d])")
_RATE = re.compile(
    r"(?:\s(?:a|an|per|each)\s|/)(?P<p>"
    + "|".join(sorted(RATE_NOUNS, key=len, reverse=True))
    + r")s?(?![A-Za-z])(?!\s+(?:earlier|ago|before|later|after|on)\b)",
    re.I,
)


def unit_at(text: str, pos: int, m: Mention) -> bool:
    """Read a unit written right after the number at ``pos``; set m.unit/unit_end."""
    has_currency = m.unit is not None
    symbol = _SYMBOL_UNIT.match(text, pos)
    word = _WORD_UNIT.match(text, pos)
    attached = _ATTACHED_UNIT.match(text, pos)
    found: tuple[str, int] | None = None
    if symbol and (not has_currency or SYMBOL_UNITS[symbol.group("u")] not in CURRENCIES):
        found = SYMBOL_UNITS[symbol.group("u")], symbol.end()
    if word and (found is None or word.end() > found[1]):
        key = " ".join(word.group("u").lower().split())
        pound = "GBP" if m.scaled > 1 or has_currency else "pound-mass"  # "£5m pounds", "1/2 pound"
        unit = pound if key in POUND_WORDS else WORD_UNITS[key]
        if word.group("sep") == "-" and unit in CURRENCIES:
            unit = ""
        if unit and not (has_currency and unit in CURRENCIES):
            found = unit, word.end()
    if found is None and attached and not has_currency:
        found = ATTACHED_UNITS[attached.group("u")], attached.end()
    if found is None:
        return False
    m.unit, m.unit_end = found
    return True


def attach_unit(doc: Doc, m: Mention) -> None:
    text = m.text
    if m.unit is None or m.unit in CURRENCIES:
        currency = m.unit
        if unit_at(text, m.unit_end, m):
            if currency and m.unit not in CURRENCIES:
                m.unit = currency  # "$500 US": the prefix already said it
        else:
            m.unit = currency
    if m.unit is not None:
        rate = _RATE.match(text, m.unit_end)
        if rate:
            m.unit = f"{m.unit} per {RATE_NOUNS[rate.group('p').lower()]}"
            m.unit_end = rate.end()
        _of_after_measure(doc, m)


def _of_after_measure(doc: Doc, m: Mention) -> None:
    """ "12.3m tonnes of jet fuel" -> of "jet fuel"."""
    after = re.match(r"\s+of\s+", m.text[m.unit_end : m.unit_end + 6])
    if not after:
        return
    span = tokens_of(doc, m.unit_end + after.end(), m.unit_end + after.end() + 1)
    if span is None:
        return
    tok = span[0]
    head = tok if tok.pos_ in ("NOUN", "PROPN") else tok.head
    if head.pos_ in ("NOUN", "PROPN") and head.i >= tok.i:
        m.of = _phrase(doc, head, tok.i)


def find_counted_noun(doc: Doc, m: Mention) -> None:
    span = tokens_of(doc, m.start, m.end)
    if span is None:
        return
    last = span[-1]
    nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
    head = None
    if nxt is not None and nxt.lower_ == "of":
        objects = [c for c in nxt.children if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN")]
        if objects:
            head = objects[0]
    if head is None and not m.vague:
        candidate = last.head
        if last.dep_ in ("nummod", "compound", "quantmod", "amod", "nmod", "appos") and candidate.i > last.i:
            between = doc[last.i + 1 : candidate.i]
            if all(
                t.pos_ in ("ADJ", "NOUN", "PROPN", "PUNCT", "VERB", "ADV") and t.text not in ",;:()" for t in between
            ):
                head = candidate
        if head is None:
            k = last.i + 1
            run = []
            while k < len(doc) and doc[k].pos_ in ("ADJ", "NOUN", "PROPN") and len(run) < 4:
                run.append(doc[k])
                k += 1
            nouns = [t for t in run if t.pos_ == "NOUN"]
            if nouns and run[-1].pos_ == "NOUN":
                head = run[-1]
    if head is None or not _countable(head):
        return
    m.head = head
    compounds = [
        c.lower_
        for c in head.lefts
        if c.dep_ == "compound" and c.pos_ == "NOUN" and c.is_alpha and not c.ent_type_ and c.i > last.i
    ]  # "job cuts" -> "job cut"; not "F-16 jets"
    lemma = head.lemma_.lower() if head.pos_ == "NOUN" else re.sub(r"(?<=[a-z])s$", "", head.text)
    lemma = WORD_UNITS.get(lemma, WORD_UNITS.get(head.lower_, lemma))
    m.unit = " ".join([*compounds, lemma])
    m.of = _phrase(doc, head, last.i + 1)
    adjacent = head.i > last.i and all(
        t.pos_ in ("ADJ", "NOUN", "PROPN", "PUNCT", "VERB", "ADV") for t in doc[last.i + 1 : head.i]
    )
    if adjacent:
        m.span_end = max(m.span_end, head.idx + len(head))  # "about 4,000 Turkish troops"


def _countable(head: Token) -> bool:
    if head.pos_ == "PROPN":
        return head.tag_ == "NNPS"
    return head.pos_ == "NOUN" and head.is_alpha and head.lower_ not in ("%",)


def _phrase(doc: Doc, head: Token, left_limit: int) -> str:
    """The head noun with its left modifiers (not before left_limit) and an attached preposition."""
    start = head.i
    for child in head.lefts:
        if child.i >= left_limit and child.dep_ in ("amod", "compound", "nmod", "poss", "npadvmod", "advmod", "punct"):
            start = min(start, max(child.left_edge.i, left_limit))
    while start < head.i and doc[start].pos_ in ("PUNCT", "DET"):
        start += 1
    end = head.i + 1
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ in OF_PREPOSITIONS and child.i == end:
            sub = [t for t in child.subtree]
            stop = child.i
            for t in sub:
                if t.i != stop or t.pos_ in ("VERB", "AUX") or t.text in ",;:()" or t.dep_ in ("relcl", "acl"):
                    break
                stop = t.i + 1
            if stop - head.i <= MAX_OF_TOKENS and stop > child.i + 1:
                end = stop
            break
    return doc[start:end].text


def ages(doc: Doc, mentions: list[Mention]) -> None:
    """ "He will be 35", "who was 10", "aged 68": a person's age in years."""
    for m in mentions:
        if m.unit is not None or m.is_range or m.vague or m.value is None or not (0 < m.value < 130):
            continue
        span = tokens_of(doc, m.start, m.end)
        if span is None:
            continue
        tok = span[-1]
        prev = doc[span[0].i - 1] if span[0].i > 0 else None
        person = False
        if tok.dep_ in ("attr", "acomp") and tok.head.lemma_ == "be":
            subjects = [c for c in tok.head.children if c.dep_ == "nsubj"]
            person = any(c.lower_ in PERSON_PRONOUNS or c.ent_type_ == "PERSON" for c in subjects)
        if person or (prev is not None and prev.lower_ == "aged"):
            m.unit = "year of age"


def inherit_units(doc: Doc, text: str, mentions: list[Mention]) -> None:
    for i, m in enumerate(mentions):
        if m.unit is not None or m.vague or m.is_range or m.value is None:
            continue
        # "8 or $9": the currency of the amount it is coordinated with.
        if i + 1 < len(mentions) and mentions[i + 1].unit in CURRENCIES:
            between = text[m.span_end : mentions[i + 1].start].strip()
            if between in ("or", "to", "and", "-"):
                m.unit = mentions[i + 1].unit
                continue
        sentence = tokens_of(doc, m.start, m.end)
        if sentence is None:
            continue
        sent_start = sentence[0].sent.start_char
        for prev in reversed(mentions[:i]):
            if prev.start < sent_start:
                break
            if prev.unit is None or prev.value is None:
                continue
            if (
                prev.value
                and m.value
                and max(abs(prev.value), abs(m.value)) <= INHERIT_RATIO * min(abs(prev.value), abs(m.value))
            ):
                m.unit, m.of = prev.unit, prev.of
                break
