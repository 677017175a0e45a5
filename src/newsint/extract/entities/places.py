"""Place mentions: which spans are places, which division a name written with "province" or
"oblast" is, and how much text the mention covers ("the Red Sea", "northern Iraq")."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from newsint.extract.entities.equipment import HYPHENS
from newsint.kb.common import normalize_name
from newsint.kb.knowledge import MIN_LINK_POPULATION, knowledge_base
from newsint.kb.places import lookup_place

LOCATIVE_PREPOSITIONS = {"near", "outside"}
COMPASS_WORDS = {
    "northern", "southern", "eastern", "western", "central", "north-eastern", "north-western",
    "south-eastern", "south-western", "northeastern", "northwestern", "southeastern", "southwestern",
}  # fmt: skip
PLACE_CLASS_NOUNS = {"city", "town", "village", "province", "region", "district", "capital", "port"}
ADMINISTRATIVE_WORDS = {"province", "district", "governorate", "region", "county", "oblast", "municipality"}
# Words after a name that make it the first-level division of that name, not its namesake town:
# "Idlib province", "Kharkiv oblast", "the Donetsk region", "New York state".
DIVISION_WORDS = {"province", "governorate", "oblast", "region", "state", "prefecture"}
# Capitalised after a name, these make a US county's own name ("Jackson County", "Rapides Parish").
COUNTY_WORDS = {"County", "Parish", "Borough"}


def longer_town_name(span: Span) -> Span:
    """A knowledge-base place name that is part of a longer town's name is that town: "Kansas
    City" (not Kansas), "New London" (not London), "Panama City". The ruler marks the short name
    before NER runs, so NER never sees the long one; here one capitalised word before or after it
    joins it when the two are a GeoNames town's own name (not a variant) of some size."""
    if not span.ent_id_ or span.label_ not in {"GPE", "LOC"}:
        return span
    doc = span.doc
    options = []
    if span.end < len(doc) and _free_title_word(doc[span.end]):
        options.append((span.start, span.end + 1))
    if span.start > 0 and _free_title_word(doc[span.start - 1]):
        options.append((span.start - 1, span.end))
    for start, end in options:
        name = doc[start:end].text
        key = normalize_name(name)
        if any(
            place.id.startswith("geonames:")
            and normalize_name(place.name) == key
            and (place.population or 0) >= MIN_LINK_POPULATION
            for place in lookup_place(name)
        ):
            return Span(doc, start, end, label="GPE")
    return span


def _free_title_word(token) -> bool:
    return token.is_alpha and token.is_title and not token.ent_type_


def locative_person(span: Span) -> tuple[Span, str]:
    """NER's "person" right after "near" or "outside" is a place: the small model reads a
    sentence-initial "Near Tal Afar," as a name. The preposition is dropped from the mention."""
    doc = span.doc
    start = span.start
    if doc[start].lower_ in LOCATIVE_PREPOSITIONS and len(span) > 1:
        start += 1
    elif not (start > 0 and doc[start - 1].lower_ in LOCATIVE_PREPOSITIONS):
        return span, "PERSON"
    return Span(doc, start, span.end, label="GPE"), "PLACE"


def with_county_word(span: Span) -> Span:
    """ "Washington County", "Rapides Parish": the capitalised word after the name is part of
    it — the county is not the town it is named after, and is looked up as a whole (NER often
    stops before it)."""
    doc = span.doc
    if span.end < len(doc) and doc[span.end].text in COUNTY_WORDS:
        return Span(doc, span.start, span.end + 1, label=span.label_)
    return span


def written_division_link(span: Span, context: frozenset[str]):
    """The region a name with a division word after it spells in the knowledge base: "Nineveh
    province" is Nineveh Governorate even where NER typed "Nineveh" a person."""
    if not _division_word_after(span):
        return None
    link = knowledge_base().link(f"{span.text} {span.doc[span.end].text}", "PLACE", context=context)
    if link is None or not link.kb_id.startswith(("region:", "admin1:")):
        return None
    return link


def names_division(span: Span, link) -> bool:
    """Whether a name linked to a town is written as its division's: "Idlib province", "Kharkiv
    oblast", "the Donetsk region", "New York state"."""
    if link is None or link.type != "PLACE" or not link.kb_id.startswith(("geonames:", "county:")):
        return False
    return _division_word_after(span)


def _division_word_after(span: Span) -> bool:
    return span.end < len(span.doc) and span.doc[span.end].lower_ in DIVISION_WORDS


def place_extent(span: Span) -> Span:
    """A place's mention as written: with the article the name takes ("the Red Sea", "the
    Gulf"), a compass word that narrows it ("northern Iraq"), and the administrative word that
    follows it ("Idlib province", "Mosul district"). The entity (name, link, coordinates) is
    the bare name's; the mention says which part of it the text meant."""
    doc = span.doc
    start, end = span.start, span.end
    if end < len(doc) and doc[end].lower_ in ADMINISTRATIVE_WORDS:
        end += 1
    if start > 0 and doc[start - 1].lower_ in COMPASS_WORDS:
        start -= 1
        if start > 1 and doc[start - 1].text in HYPHENS and doc[start - 2].lower_ in {"north", "south"}:
            start -= 2  # "north-western Syria", split by the tokenizer
    elif start > 1 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in PLACE_CLASS_NOUNS:
        # "the city of Mosul", "the Syrian town of Dabiq", "the port city of Tartus"
        head = start - 2
        while head > 0 and head > start - 5 and doc[head - 1].pos_ in {"ADJ", "PROPN", "NOUN"}:
            head -= 1
        if head > 0 and doc[head - 1].lower_ == "the":
            start = head
    if start > 0 and doc[start - 1].lower_ == "the" and not _modifies_next_noun(doc, end):
        start -= 1
    if (start, end) == (span.start, span.end):
        return span
    return Span(doc, start, end, label=span.label_)


def _modifies_next_noun(doc: Doc, end: int) -> bool:
    """Whether the name ending at ``end`` is a modifier of the noun after it: the article then
    belongs to that noun ("the Idlib enclave", "the Hama massacre"), not to the place."""
    last = doc[end - 1]
    return end < len(doc) and last.dep_ in {"compound", "nmod", "amod"} and last.head.i >= end
