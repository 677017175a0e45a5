"""The entity stage put together: which spans enter it, how each is linked and grouped, and the
group-wide passes (namesakes, coreference, actor codes) that follow."""

from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Doc, Span

from newsint.dates import ReferenceDay
from newsint.extract.entities import actors, coref, geocontext
from newsint.extract.entities.equipment import (
    AMBIGUOUS_EQUIPMENT_LABEL,
    EQUIPMENT_LABELS,
    civilian_sense,
    describes_ship,
    equipment_extent,
    inside_longer_name,
    join_split_names,
    military_context,
)
from newsint.extract.entities.groups import (
    EntityGroup,
    merge_place_namesakes,
    merge_surname_namesakes,
    merge_surnames,
    name_key,
    numbered_entities,
)
from newsint.extract.entities.places import (
    add_repeated_place_mentions,
    locative_person,
    longer_town_name,
    names_division,
    organisation_around_place,
    place_extent,
    used_as_place,
    with_county_word,
    written_division_link,
)
from newsint.extract.intervals import Intervals
from newsint.kb.knowledge import SHIP_ID, division_link, knowledge_base
from newsint.kb.places import spelling_key
from newsint.model import Entity, Mention
from newsint.nlp.rulers import CITY_SPANS_KEY
from newsint.nlp.text import doc_text

MISLABELLED = "MISLABELLED"
# spaCy / ruler labels -> newsint types. NORP (nationalities) are not entities: they feed actor
# codes ("Russian troops"); dates, numbers and works of art belong to other stages or none.
LABEL_TYPES = {
    "PERSON": "PERSON",
    "ORG": "ORG",
    "GPE": "PLACE",
    "LOC": "PLACE",
    "FAC": "PLACE",
    "EQUIPMENT": "EQUIPMENT",
    "OPERATION": "OPERATION",
    # The small model calls some one-word town names products or works of art ("would hold
    # Manbij"): such a span enters only if the gazetteer places it (see extract_entities).
    "PRODUCT": MISLABELLED,
    "WORK_OF_ART": MISLABELLED,
    "LANGUAGE": MISLABELLED,
}
# An entity text with no letter, or one a tokenizer split badly, is not a name.
_HAS_LETTER = re.compile(r"[A-Za-z]")
MAX_NAME_TOKENS = 10


def extract_entities(
    doc: Doc, *, reference_date: ReferenceDay | None, dateline_place: str | None = None
) -> list[Entity]:
    kb = knowledge_base()
    groups: dict[str, EntityGroup] = {}
    surnames: dict[str, str] = {}  # surname -> group key of a person named in full
    shared_surnames: set[str] = set()
    spans = _entity_spans(doc)
    context = frozenset(s.ent_id_.split(":", 1)[1] for s in spans if s.ent_id_.startswith("country:"))
    place_tokens = frozenset(i for s in spans if LABEL_TYPES[s.label_] == "PLACE" for i in range(s.start, s.end))

    for span in spans:
        etype = LABEL_TYPES[span.label_]
        if etype == "PERSON" and not span.ent_id_:
            span, etype = locative_person(span)
        span = _trim(span)
        if span is not None and etype == "PLACE":
            span = with_county_word(span)
        if span is None or (etype == "PLACE" and kb.is_adjective(span.text)):
            continue  # "the Ukrainian threat": a nationality, which actors.py reads, not a place
        if etype == MISLABELLED:
            # Only a town the text uses as a place, or one in a country the article names.
            # The use as a place may be another mention's ("the city of Manbij … Manbij fell").
            evidence = any(used_as_place(same, "ORG", place_tokens) for same in spans if same.text == span.text)
            link = kb.place_by_evidence(span.text, context, used_as_place=evidence, in_context_only=not evidence)
            if link is None:
                continue
            etype = "PLACE"
        if etype == "PERSON" and len(span) == 1 and span.text in surnames:
            # A surname after the article introduced someone of that name in full is that person,
            # not a knowledge-base namesake ("Diane Abbott … Abbott said").
            group = groups[surnames[span.text]]
            group.mentions.append(Mention(start=span.start_char, end=span.end_char, text=span.text))
            group.spans.append(span)
            continue
        link = kb.link(span.text, etype, kb_id=_kb_id(span), date=reference_date, context=context)
        if link is None and not _kb_id(span) and (etype == "PLACE" or used_as_place(span, etype, place_tokens)):
            # A gazetteer name the text uses as a place is a place, whatever NER typed it
            # ("in Didim", "the town of Kafr Zita"), also as transliterated ("Deir Ezzor").
            placed = kb.place_by_evidence(span.text, context, used_as_place=used_as_place(span, etype, place_tokens))
            if placed is not None:
                link, etype = placed, "PLACE"
        if not _kb_id(span) and (written_division := written_division_link(span, context)) is not None:
            link, etype = written_division, "PLACE"  # "Nineveh province", whatever NER called "Nineveh"
        elif names_division(span, link):
            link = division_link(span.text, country=link.attributes.get("iso"), context=context) or link
        if link is not None:
            etype = link.type
            key = link.kb_id
        elif etype == "PERSON" and len(span) == 1 and span.text in surnames:
            key = surnames[span.text]
        elif etype == "PLACE":
            key = f"PLACE:{spelling_key(span.text)}"  # "Baghuz" and "Baghouz": one unlisted place
        else:
            key = f"{etype}:{name_key(span.text)}"
        group = groups.get(key)
        if group is None:
            group = groups[key] = EntityGroup(
                key=key,
                type=etype,
                name=link.name if link else span.text,
                kb_id=link.kb_id if link else None,
                attributes=dict(link.attributes) if link else _unlinked_attributes(span),
                actor=link.actor if link else None,
            )
        if etype == "PERSON" and len(span) > 1:
            last = span[-1].text
            if last in shared_surnames or surnames.get(last, key) != key:
                # Two people of one surname ("Maria Kovacs … Peter Kovacs"): a lone "Kovacs"
                # after both is neither's for certain.
                surnames.pop(last, None)
                shared_surnames.add(last)
            else:
                surnames[last] = key
        written = place_extent(span) if etype == "PLACE" else span
        group.mentions.append(Mention(start=written.start_char, end=written.end_char, text=written.text))
        group.spans.append(span)

    merge_surnames(groups, surnames)
    merge_surname_namesakes(groups, surnames)
    merge_place_namesakes(groups)
    add_repeated_place_mentions(doc, groups.values())
    geocontext.settle_places(doc, groups.values(), dateline_place=dateline_place)
    coref.add_title_mentions(doc, groups, reference_date=reference_date, new_group=EntityGroup)
    coref.add_pronoun_mentions(doc, groups)
    actors.add_group_actors(doc, groups, new_group=EntityGroup)
    for group in groups.values():
        actors.mark_metonymy(group)
        actors.mark_figurative(group)
    return numbered_entities(groups)


def _entity_spans(doc: Doc) -> list[Span]:
    cities = _city_spans(doc)
    city_tokens = Intervals((city.start, city.end) for city in cities)
    spans = [
        _organisation_or_place(longer_town_name(ent))
        for ent in doc.ents
        if ent.label_ in LABEL_TYPES
        and LABEL_TYPES[ent.label_] != MISLABELLED
        and not city_tokens.overlaps(ent.start, ent.end)
        and not civilian_sense(ent)
    ] + cities
    for ent in doc.ents:
        if ent.label_ != AMBIGUOUS_EQUIPMENT_LABEL or inside_longer_name(ent):
            continue
        if military_context(ent) and not civilian_sense(ent):
            spans.append(Span(doc, ent.start, ent.end, label="EQUIPMENT", span_id=ent.ent_id_))
    # A ship's name after its navy's prefix ("HMS Defender") is the ship, whatever NER or a KB
    # person or place name inside it said ("USS Carney" is not Mark Carney); only the KB's own
    # equipment entry for it wins ("FS Charles de Gaulle", a class named after its first ship).
    text = doc_text(doc)
    ships = knowledge_base().ship_spans(doc, text)
    spans = [s for s in spans if (s.label_ in EQUIPMENT_LABELS and s.ent_id_) or not _overlaps(s, ships)]
    spans += [s for s in ships if not _overlaps(s, spans)]
    spans = [s for s in spans if not describes_ship(s, ships)]
    spans += [s for s in knowledge_base().operation_spans(doc, text) if not _overlaps(s, spans)]
    # Last, so that every name that is something else wins ("Steppe Shield", an exercise).
    spans += [
        ent
        for ent in doc.ents
        if LABEL_TYPES.get(ent.label_) == MISLABELLED
        and not city_tokens.overlaps(ent.start, ent.end)
        and not _overlaps(ent, spans)
    ]
    spans = [
        equipment_extent(s) if s.label_ == "EQUIPMENT" else s
        for s in join_split_names(sorted(spans, key=lambda s: s.start))
    ]
    spans = [s for s in spans if s is not None]
    # A mention inside an equipment phrase is part of it ("bomber" in "bomber and fighter aircraft").
    equipment = Intervals((s.start, s.end) for s in spans if s.label_ == "EQUIPMENT")
    return [s for s in spans if not equipment.holds_more_than(s.start, s.end)]


def _organisation_or_place(span: Span) -> Span:
    """A knowledge-base place that begins an organisation's name is part of it ("Middle East
    Institute"), not a place of the article."""
    if span.label_ in {"GPE", "LOC"} and span.ent_id_:
        return organisation_around_place(span) or span
    return span


def _city_spans(doc: Doc) -> list[Span]:
    """Gazetteer city names NER missed or mislabelled ("near Aleppo" as a LANGUAGE). NER's
    PERSON wins ("Lincoln said"), and so does any knowledge-base entity."""
    out = []
    ents = doc.ents  # rebuilt at every access: read once, and each token's entity looked up
    entity_at = {i: n for n, ent in enumerate(ents) for i in range(ent.start, ent.end)}
    for span in doc.spans.get(CITY_SPANS_KEY, []):
        overlapping = [ents[n] for n in sorted({entity_at[i] for i in range(span.start, span.end) if i in entity_at})]
        if any(e.label_ == "PERSON" or e.ent_id_ for e in overlapping):
            continue
        if overlapping and not all(e.start >= span.start and e.end <= span.end for e in overlapping):
            continue  # part of a longer name ("Aleppo Citadel", "New York Times")
        out.append(Span(doc, span.start, span.end, label="GPE", span_id=span.id_))
    return out


def _overlaps(span: Span, spans: list[Span]) -> bool:
    return any(span.start < other.end and other.start < span.end for other in spans)


def _kb_id(span: Span) -> str | None:
    """The KB id the ruler gave the span's tokens; for an equipment phrase widened around its
    name ("attack and fighter aircraft", whose first token has none) the id it was given."""
    if span.id_ == SHIP_ID:  # a person's name in a ship's ("USS Carney") does not make it that person
        return span.ent_id_ if span.ent_id_.startswith("equipment") else None
    if span.ent_id_:
        return span.ent_id_
    if span.label_ == "EQUIPMENT" and span.id_:
        return span.id_
    return None


def _unlinked_attributes(span: Span) -> dict[str, Any]:
    if span.id_ == SHIP_ID:  # a span's own id (ent_id_ is read from the tokens' entity ids)
        return {"linked": False, "category": "warship", "kind": "platform"}
    return {"linked": False}


def _trim(span: Span) -> Span | None:
    """Drop a leading article and a trailing possessive: "the Kremlin's" -> "Kremlin"."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and doc[start].lower_ in {"the", "a", "an"}:
        start += 1
    while end > start and doc[end - 1].text in {"'s", "’s", "'", "’"}:
        end -= 1
    if start >= end or end - start > MAX_NAME_TOKENS:
        return None
    trimmed = Span(doc, start, end, label=span.label_, kb_id=span.kb_id_, span_id=span.id_ or span.ent_id_)
    if not _HAS_LETTER.search(trimmed.text):
        return None
    return trimmed
