"""Where an event happened (location) and where it came from (origin)."""

from __future__ import annotations

from spacy.tokens import Token

from newsint.extract.events.grammar import clause_head, phrase_tokens
from newsint.extract.events.mentions import MentionIndex, MentionRef
from newsint.model import Entity, Location
from newsint.nlp.text import doc_text

LOCATION_PREPOSITIONS = {"in", "into", "to", "near", "at", "across", "inside", "along", "towards", "toward", "on"}

ORIGIN_PREPOSITIONS = {"from"}


def event_places(token: Token, index: MentionIndex) -> tuple[Location | None, Location | None]:
    location = origin = None
    for child in token.children:
        if child.dep_ != "prep":
            continue
        if child.lower_ in ORIGIN_PREPOSITIONS and origin is None:
            origin = _place_under(child, index)
        elif child.lower_ in LOCATION_PREPOSITIONS and location is None:
            location = _place_under(child, index)
    clause = clause_head(token)
    if location is None:
        location = _relative_where(clause, index)
    if location is None and clause.i != token.i:
        for child in clause.children:
            if child.dep_ == "prep" and child.lower_ in {"in", "near", "at", "inside", "across"}:
                location = _place_under(child, index)
                if location is not None:
                    break
    return location, origin


def _place_under(prep: Token, index: MentionIndex) -> Location | None:
    for pobj in (c for c in prep.children if c.dep_ == "pobj"):
        for token in [pobj, *phrase_tokens(pobj)]:
            ref = index.at(token)
            if ref is not None and ref.entity.type == "PLACE" and not ref.entity.attributes.get("figurative"):
                if ref.mention.actor is not None:
                    continue  # a party ("threatening Minsk"), not a place
                return _location(ref, index)
    return None


def _relative_where(clause: Token, index: MentionIndex) -> Location | None:
    """ "... to the border where exercises are taking place": the place "where" refers to."""
    where = next((c for c in clause.children if c.lower_ == "where" and c.dep_ == "advmod"), None)
    if where is None:
        return None
    for i in range(where.i - 1, where.sent.start - 1, -1):
        ref = index.by_token.get(i)
        if ref is not None and ref.entity.type == "PLACE" and ref.mention.actor is None:
            return _location(ref, index)
    return None


def _location(ref: MentionRef, index: MentionIndex) -> Location:
    entity = ref.entity
    if (entity.kb_id or "").startswith("border:"):
        side = _border_side(ref, index)
        if side is not None:
            entity = side
    lat, lon = entity.attributes.get("lat"), entity.attributes.get("lon")
    return Location(entity=entity.id, lat=lat, lon=lon)


def _border_side(ref: MentionRef, index: MentionIndex) -> Entity | None:
    """The side of a border that the paragraph names on its own ("the Mali-Niger border ...
    French troops in Niger" -> Niger); None when it names both or neither."""
    codes = ref.entity.kb_id.split(":", 1)[1].split("-")
    text = doc_text(index.doc)
    start = text.rfind("\n\n", 0, ref.mention.start) + 1
    end = text.find("\n\n", ref.mention.end)
    end = len(text) if end < 0 else end
    sides: dict[str, Entity] = {}
    for other in index.by_token.values():
        kb_id = other.entity.kb_id or ""
        if (
            kb_id.startswith("country:")
            and kb_id.split(":", 1)[1] in codes
            and start <= other.mention.start < end
            and other.mention is not ref.mention
        ):
            sides[kb_id] = other.entity
    return next(iter(sides.values())) if len(sides) == 1 else None
