"""Entities: spaCy's entities (KB names marked first by the ruler) grouped, linked and typed.

For each entity mention the stage decides
- the newsint type (PERSON, ORG, PLACE, EQUIPMENT, OPERATION) — KB knowledge over NER's guess;
- the KB entry it stands for (``kb_id``), else it stays unlinked but is still reported
  (``attributes.linked = False``): recall is not sacrificed to the knowledge base;
- which other mentions are the same entity: the same KB entry; a surname after a full name; a
  title ("the Belarusian leader") resolved through the roles true at the reference date; a
  pronoun subject resolved to the last person named (coref.py);
- the actor code: a person's by their role at the reference date, an organisation's from the KB,
  a capital or seat of power used as an agent (actors.py).

Material outside ``document.text`` (teasers, links) never reaches this stage.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc, Span

from newsint.extract import actors, coref
from newsint.kb.knowledge import knowledge_base
from newsint.model import Entity, Mention
from newsint.nlp.rulers import CITY_SPANS_KEY

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
}
AMBIGUOUS_EQUIPMENT_LABEL = "EQUIPMENT_AMBIGUOUS"
CIVILIAN_MODIFIERS = {"think", "fuel", "water", "oil", "gas", "storage", "septic", "fish", "petrol", "toy", "sniffer"}
MILITARY_CONTEXT_WORDS = {
    "missile", "system", "launcher", "fighter", "jet", "tank", "drone", "rocket", "artillery", "aircraft",
    "helicopter", "warship", "submarine", "howitzer", "battery", "munition", "weapon", "bomber", "interceptor",
    "air-defence", "air-defense", "defence", "defense", "strike", "warhead", "shell", "gun", "vehicle",
    "frigate", "destroyer", "corvette", "deploy", "fire", "launch", "shoot", "intercept", "arm",
}  # fmt: skip
_LEADING_DETERMINER = re.compile(r"^(?:the|a|an)\s+", re.I)
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
# An entity text with no letter, or one a tokenizer split badly, is not a name.
_HAS_LETTER = re.compile(r"[A-Za-z]")
MAX_NAME_TOKENS = 10


@dataclass(slots=True)
class _Group:
    key: str
    type: str
    name: str
    kb_id: str | None
    mentions: list[Mention] = field(default_factory=list)
    attributes: dict[str, Any] = field(default_factory=dict)
    actor: str | None = None
    spans: list[Span] = field(default_factory=list)


def extract_entities(doc: Doc, *, reference_date: dt.date | None) -> list[Entity]:
    kb = knowledge_base()
    groups: dict[str, _Group] = {}
    surnames: dict[str, str] = {}  # surname -> group key of a person named in full
    spans = _entity_spans(doc)
    context = frozenset(s.ent_id_.split(":", 1)[1] for s in spans if s.ent_id_.startswith("country:"))

    for span in spans:
        etype = LABEL_TYPES[span.label_]
        span = _trim(span)
        if span is None or (etype == "PLACE" and kb.is_adjective(span.text)):
            continue  # "the Ukrainian threat": a nationality, which actors.py reads, not a place
        link = kb.link(span.text, etype, kb_id=span.ent_id_ or None, date=reference_date, context=context)
        if link is not None:
            etype = link.type
            key = link.kb_id
        elif etype == "PERSON" and len(span) == 1 and span.text in surnames:
            key = surnames[span.text]
        else:
            key = f"{etype}:{_name_key(span.text)}"
        group = groups.get(key)
        if group is None:
            group = groups[key] = _Group(
                key=key,
                type=etype,
                name=link.name if link else span.text,
                kb_id=link.kb_id if link else None,
                attributes=dict(link.attributes) if link else {"linked": False},
                actor=link.actor if link else None,
            )
        if etype == "PERSON" and len(span) > 1:
            surnames.setdefault(span[-1].text, key)
        group.mentions.append(Mention(start=span.start_char, end=span.end_char, text=span.text))
        group.spans.append(span)

    _merge_surnames(groups, surnames)
    coref.add_title_mentions(doc, groups, reference_date=reference_date, new_group=_Group)
    coref.add_pronoun_mentions(doc, groups)
    actors.add_group_actors(doc, groups, new_group=_Group)
    for group in groups.values():
        actors.mark_metonymy(group)
        actors.mark_figurative(group)
    return _entities(groups)


def _entity_spans(doc: Doc) -> list[Span]:
    cities = _city_spans(doc)
    spans = [
        ent for ent in doc.ents if ent.label_ in LABEL_TYPES and not _overlaps(ent, cities) and not _civilian_sense(ent)
    ] + cities
    for ent in doc.ents:
        if ent.label_ == AMBIGUOUS_EQUIPMENT_LABEL and _military_context(ent):
            spans.append(Span(doc, ent.start, ent.end, label="EQUIPMENT", span_id=ent.ent_id_))
    spans += [s for s in knowledge_base().operation_spans(doc) if not _overlaps(s, spans)]
    return sorted(spans, key=lambda s: s.start)


def _civilian_sense(span: Span) -> bool:
    """A weapon word in a civilian compound: "think tank", "fuel tank", "water tanks"."""
    if not span.ent_id_.startswith("equipment-class:") or span.start == 0:
        return False
    return span.doc[span.start - 1].lower_ in CIVILIAN_MODIFIERS


def _city_spans(doc: Doc) -> list[Span]:
    """Gazetteer city names NER missed or mislabelled ("near Aleppo" as a LANGUAGE). NER's
    PERSON wins ("Lincoln said"), and so does any knowledge-base entity."""
    out = []
    for span in doc.spans.get(CITY_SPANS_KEY, []):
        overlapping = [e for e in doc.ents if e.start < span.end and span.start < e.end]
        if any(e.label_ == "PERSON" or e.ent_id_ for e in overlapping):
            continue
        if overlapping and not all(e.start >= span.start and e.end <= span.end for e in overlapping):
            continue  # part of a longer name ("Aleppo Citadel", "New York Times")
        out.append(Span(doc, span.start, span.end, label="GPE", span_id=span.id_))
    return out


def _military_context(span: Span) -> bool:
    """An equipment name that is also an ordinary word or a given name ("Iskander", "Grad",
    "Hawk") counts only next to other equipment or a weapon word in the same sentence."""
    sentence = span.sent
    for token in sentence:
        if span.start <= token.i < span.end:
            continue
        if token.lemma_.lower() in MILITARY_CONTEXT_WORDS or token.ent_type_ == "EQUIPMENT":
            return True
    return False


def _overlaps(span: Span, spans: list[Span]) -> bool:
    return any(span.start < other.end and other.start < span.end for other in spans)


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
    trimmed = Span(doc, start, end, label=span.label_, kb_id=span.kb_id_, span_id=span.ent_id_)
    if not _HAS_LETTER.search(trimmed.text):
        return None
    return trimmed


def _name_key(text: str) -> str:
    text = _POSSESSIVE.sub("", _LEADING_DETERMINER.sub("", text))
    return " ".join(re.sub(r"[^\w\s-]", " ", text.casefold()).split())


def _merge_surnames(groups: dict[str, _Group], surnames: dict[str, str]) -> None:
    """A surname seen before its full name ("Guterres … Antonio Guterres") joins it too."""
    for key in list(groups):
        group = groups[key]
        if group.type != "PERSON" or group.kb_id or " " in group.name:
            continue
        target = surnames.get(group.name)
        if target and target != key and target in groups:
            groups[target].mentions.extend(group.mentions)
            groups[target].spans.extend(group.spans)
            del groups[key]


def _entities(groups: dict[str, _Group]) -> list[Entity]:
    ordered = sorted(groups.values(), key=lambda g: min(m.start for m in g.mentions))
    entities = []
    for number, group in enumerate(ordered, start=1):
        mentions = sorted(group.mentions, key=lambda m: m.start)
        entities.append(
            Entity(
                id=f"E{number}",
                name=group.name,
                type=group.type,  # type: ignore[arg-type]
                kb_id=group.kb_id,
                actor=group.actor,
                attributes=group.attributes,
                mentions=mentions,
            )
        )
    return entities


def with_publisher(entities: list[Entity], publisher: str | None) -> list[Entity]:
    """The original publisher named by a provenance line is an organisation the article names,
    outside its analysed text: kept as an ORG entity with no mention (nothing to point at in
    ``document.text``) and ``attributes.source = "original_publisher"``, unless the text names it."""
    if not publisher:
        return entities
    key = _name_key(publisher)
    for entity in entities:
        if _name_key(entity.name) == key or any(_name_key(m.text) == key for m in entity.mentions):
            entity.attributes["original_publisher"] = True
            return entities
    link = knowledge_base().link(publisher, "ORG", kb_id=None, date=None)
    attributes = dict(link.attributes) if link else {"linked": False}
    attributes["source"] = "original_publisher"
    entity = Entity(
        id=f"E{len(entities) + 1}",
        name=link.name if link else publisher,
        type="ORG",
        kb_id=link.kb_id if link else None,
        actor=link.actor if link else None,
        attributes=attributes,
    )
    return [*entities, entity]
