"""A name as a user types it ("NATO", "nato", "Putin", "org:nato") to the KB ids it can
stand for: what the store's entity filters and the corpus's entity lookup resolve through, so that
any name or alias finds a stored entity."""

from __future__ import annotations


def kb_ids_for_name(name: str) -> set[str]:
    """Every KB id ``name`` can stand for, in any case: the id itself ("org:nato"), and each
    person, organisation, place (country, region, city…), seat of power, equipment or operation
    that has it as its name or an alias. Several for an ambiguous name; none for one the KB lacks."""
    from newsint.kb import actors, equipment
    from newsint.kb.common import normalize_name
    from newsint.kb.countries import metonyms_for
    from newsint.kb.places import lookup_place

    found = {name.strip()}
    if ":" in name and len(name.split()) == 1:
        # "org:nato", "country:EST": a KB id, which no name or alias looks like; answered without
        # loading the KB's name indexes (seconds), which scripts that pass ids would pay every run.
        return found
    # The KB matches all-capital abbreviations only as written ("IS" is not the word "is" in an
    # article); a user typing "nato" or "idf" means the abbreviation, so its capitals are tried too.
    for form in dict.fromkeys((name, name.upper())):
        found.update(person.kb_id for person in actors.lookup_person(form))
        found.update(org.kb_id for org in actors.lookup_organisation(form))
        found.update(place.id for place in lookup_place(form))
        found.update(f"seat:{normalize_name(m.name)}" for m in metonyms_for(form) if m.kind == "seat")
        key = equipment.normalize_alias(form)
        found.update(f"equipment:{entry.id}" for entry in equipment.equipment_by_alias().get(key, ()))
        found.update(f"operation:{entry.id}" for entry in equipment.operations_by_alias().get(key, ()))
    return found
