"""Places compared across articles by the countries they lie in."""

from __future__ import annotations

from newsint.model import Entity


def place_keys(entity: Entity) -> set[str]:
    """The countries a place lies in (a city its country, a border both sides), else its name."""
    attributes = entity.attributes
    kb_id = entity.kb_id or ""
    if kb_id.startswith("border:"):
        return set(kb_id.removeprefix("border:").split("-"))
    code = attributes.get("iso") or attributes.get("within")
    if code:
        return {str(code)}
    return {entity.name.lower()}
