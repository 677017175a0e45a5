"""``extract_quantities``: numbers found, their units attached, those that are not quantities
dropped, ranges merged, hedges applied, counted nouns found, ages and ellipsis read, then each
quantity's governing verb (``predicate``/``modality``)."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsint.extract.quantities.filters import entity_index, not_a_quantity
from newsint.extract.quantities.finding import blocked_chars, coverage, digit_mentions, word_mentions
from newsint.extract.quantities.hedges import apply_hedges
from newsint.extract.quantities.mention import Mention, tokens_of
from newsint.extract.quantities.predicates import governing_verb, modality, predicate
from newsint.extract.quantities.ranges import merge_ranges
from newsint.extract.quantities.units import ages, attach_unit, find_counted_noun, inherit_units
from newsint.model import Quantity
from newsint.nlp.text import doc_text


def extract_quantities(doc: Doc) -> list[Quantity]:
    text = doc_text(doc)
    blocked = blocked_chars(text)
    mentions = [m for m in digit_mentions(text, blocked)]
    taken = [(m.start, m.end) for m in mentions]
    mentions += word_mentions(doc, coverage(taken, len(text)))
    mentions.sort(key=lambda m: m.start)
    ents = entity_index(doc)
    for m in mentions:
        m.text = text
        attach_unit(doc, m)
        if not m.vague:
            m.reason = not_a_quantity(doc, m, ents)
    mentions = [m for m in merge_ranges(text, mentions) if m.reason is None]
    for m in mentions:
        apply_hedges(text, m)
        if m.unit is None and m.head is None:
            find_counted_noun(doc, m)
    ages(doc, mentions)
    inherit_units(doc, text, mentions)
    quantities = []
    for m in mentions:
        if m.value is None and m.low is None and m.high is None:
            continue
        verb = _governing_verb(doc, m)
        quantities.append(
            Quantity(
                id=f"Q{len(quantities) + 1}",
                value=m.value,
                start=m.span_start,
                end=m.span_end,
                text=text[m.span_start : m.span_end],
                low=m.low,
                high=m.high,
                unit=m.unit,
                approximate=m.approximate,
                of=m.of,
                predicate=predicate(verb),
                modality=modality(verb),
            )
        )
    return quantities


def _governing_verb(doc: Doc, m: Mention) -> Token | None:
    """The verb over what the quantity counts (its counted noun, else the number's last token)."""
    span = tokens_of(doc, m.start, m.end)
    number = span[-1] if span is not None and len(span) else None
    head = m.head
    if head is not None and number is not None and head.dep_ == "pobj" and head.head.head == number:
        head = None  # "thousands of fighters were active": the number is the verb's argument
    if head is not None:
        return governing_verb(head)
    return governing_verb(number) if number is not None else None
