"""Place mentions: which spans are places, which division a name written with "province" or
"oblast" is, and how much text the mention covers ("the Red Sea", "northern Iraq")."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from newsint.extract.entities.equipment import HYPHENS
from newsint.kb.common import normalize_name
from newsint.kb.knowledge import MIN_LINK_POPULATION, knowledge_base
from newsint.kb.places import lookup_place
from newsint.model import Mention

LOCATIVE_PREPOSITIONS = {"near", "outside"}
# Words before a name that use it as a place ("fighting in Manbij", "across Idlib"). For a name
# NER typed a person, not "from" or "to": they introduce speakers and addressees as often.
PERSON_PLACE_PREPOSITIONS = {"in", "near", "outside", "across", "around", "inside"}
ORG_PLACE_PREPOSITIONS = PERSON_PLACE_PREPOSITIONS | {"from", "into", "towards", "toward", "at"}
# "north of Bodrum", "20km south-east of Idlib".
DIRECTION_WORDS = {
    "north", "south", "east", "west", "north-east", "north-west", "south-east", "south-west",
    "northeast", "northwest", "southeast", "southwest", "east-northeast",
}  # fmt: skip
# Lower-case nouns after a name that make it a place's: "the al-Hawl camp", "Manbij city",
# "the Idlib countryside".
PLACE_NOUNS_AFTER = {
    "city",
    "town",
    "village",
    "province",
    "district",
    "countryside",
    "camp",
    "governorate",
    "airport",
}
# Between two names of a list: "Manbij, Raqqa and Deir ez-Zor".
LIST_JOINERS = {",", "and", "or"}
# The last word of an organisation's name that may begin with a place's: "Middle East
# Institute", "Washington Post", "Syria Campaign Network". The ruler marks the place before NER
# reads the sentence, so NER never sees the longer name.
ORGANISATION_HEAD_WORDS = {
    "Institute", "Institution", "Center", "Centre", "Council", "Forum", "University", "College",
    "Foundation", "Society", "Observatory", "Monitor", "Times", "Post", "Journal", "Herald",
    "Tribune", "Review", "Agency", "Committee", "Corporation", "Company", "Bank", "Airlines",
    "Airways", "Association", "Federation", "Network", "Project", "Initiative", "Studies",
}  # fmt: skip
MAX_ORGANISATION_WORDS_AFTER_PLACE = 3
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


def used_as_place(span: Span, etype: str, place_tokens: frozenset[int]) -> bool:
    """Whether the text uses a name as a place, whatever NER typed it: after a locative
    preposition ("in Didim"), as the name of a "town/city/village of", or in a list beside a
    place ("Kafr Zita and Latamneh"). ``place_tokens``: the token indices of the sentence's
    other place names (NER's and the knowledge base's). A name followed by "'s" is never one
    ("in Assad's speech")."""
    doc = span.doc
    if span.end < len(doc) and doc[span.end].text in {"'s", "’s"}:
        return False
    before = doc[span.start - 1] if span.start > 0 else None
    prepositions = PERSON_PLACE_PREPOSITIONS if etype == "PERSON" else ORG_PLACE_PREPOSITIONS
    if before is not None and before.lower_ in prepositions:
        return True
    if span.start > 1 and before.lower_ == "of" and doc[span.start - 2].lower_ in PLACE_CLASS_NOUNS | DIRECTION_WORDS:
        return True  # "the town of Kafr Zita", "the Syrian city of Manbij", "north of Bodrum"
    if span.end < len(doc) and doc[span.end].text in PLACE_NOUNS_AFTER:
        return True  # "the al-Hawl camp" (lower case: "Manbij Military Council" is a name)
    if before is not None and before.text in LIST_JOINERS and span.start - 2 in place_tokens:
        return True  # "Raqqa and Manbij"
    after = doc[span.end] if span.end < len(doc) else None
    return after is not None and after.text in LIST_JOINERS and span.end + 1 in place_tokens


def organisation_around_place(span: Span) -> Span | None:
    """The organisation whose name a knowledge-base place begins ("Middle East Institute"): the
    place and the capitalised words after it up to an organisation's head word, as an ORG."""
    doc = span.doc
    end = span.end
    limit = min(len(doc), span.end + MAX_ORGANISATION_WORDS_AFTER_PLACE)
    while end < limit and doc[end].is_title and doc[end].is_alpha:
        end += 1
        if doc[end - 1].text in ORGANISATION_HEAD_WORDS:
            return Span(doc, span.start, end, label="ORG")
    return None


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


def add_repeated_place_mentions(doc: Doc, groups) -> None:
    """A placed town's name written again where NER saw no entity ("the city of Manbij …
    Manbij fell a week later") is a mention of that town: the same name in one article is the
    same referent. Only names written capitalised, on tokens no entity claims."""
    claimed = {i for group in groups for span in group.spans for i in range(span.start, span.end)}
    for group in groups:
        if group.type != "PLACE" or not (group.kb_id or "").startswith(("geonames:", "admin1:", "region:")):
            continue
        for written in {tuple(t.text for t in span) for span in group.spans if span.text[:1].isupper()}:
            width = len(written)
            for start in range(len(doc) - width + 1):
                if doc[start].text != written[0] or any(i in claimed for i in range(start, start + width)):
                    continue
                span = doc[start : start + width]
                if tuple(t.text for t in span) != written or any(t.ent_type_ for t in span):
                    continue
                group.mentions.append(Mention(start=span.start_char, end=span.end_char, text=span.text))
                group.spans.append(span)
                claimed.update(range(start, start + width))
