"""Entities the article names outside its analysed text: the original publisher of a provenance
line and the place of a wire dateline, kept with no mention but traced by their own attribute."""

from __future__ import annotations

import dataclasses

from newsint.extract.entities import geocontext
from newsint.extract.entities.groups import name_key
from newsint.kb.knowledge import knowledge_base, place_link
from newsint.model import Dateline, Entity


def with_publisher(entities: list[Entity], publisher: str | None) -> list[Entity]:
    """The original publisher named by a provenance line is an organisation the article names,
    outside its analysed text: kept as an ORG entity with no mention (nothing to point at in
    ``document.text``) and ``attributes.source = "original_publisher"``, unless the text names it."""
    if not publisher:
        return entities
    key = name_key(publisher)
    for entity in entities:
        if name_key(entity.name) == key or any(name_key(m.text) == key for m in entity.mentions):
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


def with_dateline_place(entities: list[Entity], dateline: Dateline | None) -> list[Entity]:
    """The place of a wire dateline ("BAGHDAD —", "HEMPSTEAD, N.Y., Sept. 26 (UPI) —"), which the
    cleaner cuts from the analysed text into ``Document.dateline``: where the report was filed,
    which the article's own text need not name.

    A mention's offsets point into ``document.text``, where the dateline is not; so the place is
    traced, like the original publisher, by its own attribute: ``attributes.dateline`` holds its
    ``start``, ``end`` and ``text`` in ``document.dateline.text``. The entity the text names, if it
    is the same place, gets that attribute; otherwise a PLACE entity with no mention is added
    (``attributes.source = "dateline"``)."""
    if dateline is None or not dateline.place:
        return entities
    start = dateline.text.find(dateline.place)
    if start < 0:
        return entities
    written = {"start": start, "end": start + len(dateline.place), "text": dateline.place}
    town = geocontext.dateline_town(dateline.place)
    link = place_link(town) if town is not None else None
    for index, entity in enumerate(entities):
        if entity.type == "PLACE" and link is not None and entity.kb_id == link.kb_id:
            # A new record: the entity stage's own stays as it made it.
            marked = dataclasses.replace(entity, attributes={**entity.attributes, "dateline": written})
            return [*entities[:index], marked, *entities[index + 1 :]]
    attributes = dict(link.attributes) if link else {"linked": False}
    attributes["source"] = "dateline"
    attributes["dateline"] = written
    entity = Entity(
        id=f"E{len(entities) + 1}",
        name=link.name if link else dateline.place.split(",")[0].strip().title(),
        type="PLACE",
        kb_id=link.kb_id if link else None,
        attributes=attributes,
    )
    return [*entities, entity]
