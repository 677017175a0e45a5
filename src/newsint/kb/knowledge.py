"""One door to the knowledge base for the pipeline: names to patterns, mentions to KB entries.

The loaders (countries.py, places.py, actors.py, equipment.py) each know one kind of thing; this
module knows how the entity stage asks about them:

    name_patterns()                  every KB name, as ruler patterns (label + KB id)
    link(text, type, kb_id, date)    the KB entry a mention stands for, as a ``Link``
    operation_spans(doc)             unlisted operation/exercise names found by the KB's patterns
    adjective_country("Belarusian")  -> "BLR" (only when unambiguous)
    agent_actor(kb_id, name)         what a capital, seat of power or country stands for as an agent
    role_holder("BLR", "head_of_state", date) -> the person holding that office that day

KB ids are prefixed by kind: ``person:``, ``org:``, ``seat:``, ``country:``, ``geonames:``,
``region:``/``border:``/… (places.py), ``equipment:``, ``operation:``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from spacy.tokens import Doc, Span

from newsint.dates import ReferenceDay
from newsint.kb import actors as actor_kb
from newsint.kb.common import load_data_file, normalize_name
from newsint.kb.countries import countries, countries_for_adjective, lookup_country, metonyms_for
from newsint.kb.equipment import (
    compile_operation_patterns,
    equipment_by_alias,
    equipment_kind,
    load_equipment,
    load_operations,
    normalize_alias,
    operations_by_alias,
)
from newsint.kb.places import (
    ARABIC_ARTICLES,
    MAJOR_CITY_POPULATION,
    PlaceEntry,
    border_names,
    city_index,
    is_division_seat,
    lookup_place,
    named_places,
    place_by_id,
    transliteration_keys,
)

# Place kinds that the ruler marks by name (cities come from NER, then the gazetteer).
RULER_PLACE_KINDS = {"region", "border", "sea", "area", "strait", "gulf", "river", "continent"}
# First-level divisions the ruler marks by name: US states. The world's other divisions are linked
# where NER finds a place of their name: GeoNames' names include common words ("Central",
# "Delta", "Rivers", "Plateau") that the ruler would force into places inside other names.
RULER_DIVISIONS = ("admin1:US-",)
GENERIC_EQUIPMENT_FILE = "equipment_generic.yaml"
# Cities at least this large are marked by the ruler.
RULER_CITY_POPULATION = 250_000
# An unlinked NER "place" is looked up in the gazetteer only down to cities of this size: below
# it, a common word that happens to be a village name ("Mobile", "Of") would be linked.
MIN_LINK_POPULATION = 15000


# Labels the ruler assigns: spaCy's own for people, organisations and places (so the rest of the
# pipeline treats KB and NER entities alike) plus two of newsint's.
EQUIPMENT_LABEL = "EQUIPMENT"
OPERATION_LABEL = "OPERATION"


@dataclass(frozen=True, slots=True)
class NamePattern:
    label: str  # PERSON, ORG, GPE, LOC, EQUIPMENT, OPERATION
    text: str
    kb_id: str


@dataclass(frozen=True, slots=True)
class Link:
    kb_id: str
    name: str
    type: str  # PERSON | ORG | PLACE | EQUIPMENT | OPERATION
    actor: str | None = None
    attributes: dict[str, Any] = field(default_factory=dict)


class KnowledgeBase:
    def name_patterns(self) -> list[NamePattern]:
        patterns: list[NamePattern] = []
        for entry in load_equipment():
            for form in entry.surface_forms:
                if not entry.is_ambiguous(form):
                    patterns.append(NamePattern(EQUIPMENT_LABEL, form, f"equipment:{entry.id}"))
                    if form[-1].isalnum() and len(form) > 3 and not form.endswith("s"):
                        patterns.append(NamePattern(EQUIPMENT_LABEL, form + "s", f"equipment:{entry.id}"))
                else:
                    patterns.append(NamePattern(AMBIGUOUS_EQUIPMENT_LABEL, form, f"equipment:{entry.id}"))
        for entry in generic_equipment():
            kb_id = f"equipment-class:{entry['id']}"
            for form in _spellings(entry["forms"]):
                for variant in (form, _plural(form)):
                    patterns.append(NamePattern(EQUIPMENT_LABEL, variant, kb_id))
            for form in _spellings(entry.get("context_forms", ())):
                for variant in (form, _plural(form)):
                    patterns.append(NamePattern(AMBIGUOUS_EQUIPMENT_LABEL, variant, kb_id))
        for entry in load_operations():
            for form in (entry.name, *entry.aliases):
                if form not in entry.ambiguous:
                    patterns.append(NamePattern(OPERATION_LABEL, form, f"operation:{entry.id}"))
        for person in actor_kb.load_people():
            for form in person.surface_forms:
                if form not in person.ambiguous:
                    patterns.append(NamePattern("PERSON", form, f"person:{person.id}"))
        for org in actor_kb.load_organisations():
            for form in org.surface_forms:
                if not org.is_ambiguous(form):
                    patterns.append(NamePattern("ORG", form, f"org:{org.id}"))
        for country in countries().by_iso3.values():
            for form in (country.name, country.official_name, *country.aliases, *country.abbreviations):
                patterns.append(NamePattern("GPE", form, country.id))
            for metonym in country.metonyms:
                if metonym.ambiguous:
                    continue
                if metonym.kind == "seat":
                    for form in (metonym.name, *metonym.aliases):
                        patterns.append(NamePattern("ORG", form, f"seat:{normalize_name(metonym.name)}"))
                elif country.capital and country.capital.geonameid:
                    for form in (metonym.name, *metonym.aliases):
                        patterns.append(NamePattern("GPE", form, f"geonames:{country.capital.geonameid}"))
        for place in named_places():
            if place.id.startswith("admin1:") and not place.id.startswith(RULER_DIVISIONS):
                continue
            if place.kind in RULER_PLACE_KINDS and not place.ambiguous and not _division_shadowed(place):
                forms = [place.name, *place.aliases]
                if place.kind == "border" and len(place.countries) == 2:
                    forms += border_names(*place.countries)  # "Mali-Niger border", "Malian-Nigerien border"
                for form in forms:
                    patterns.append(NamePattern("LOC", form, place.id))
        return patterns

    def city_patterns(self) -> list[NamePattern]:
        """Large cities, which the small NER model misses now and then ("near Aleppo" comes out as
        a LANGUAGE). They are marked as candidate spans, not entities: NER still decides when a
        name is a person ("Lincoln", "Charlotte"), the gazetteer only when it is a place."""
        return [
            NamePattern("GPE", city.name, city.id)
            for city in city_index().entries(min_population=RULER_CITY_POPULATION)
            if (city.population or 0) >= RULER_CITY_POPULATION and not city.ambiguous
        ]

    # ------------------------------------------------------------------------------- linking

    def link(
        self,
        text: str,
        etype: str,
        *,
        kb_id: str | None = None,
        date: ReferenceDay | None = None,
        context: frozenset[str] = frozenset(),
    ) -> Link | None:
        """``context``: ISO3 codes of the countries the document names, which settle an ambiguous
        place name ("the Far East" in an article about Russia is the Russian Far East)."""
        if kb_id:
            return self._by_id(kb_id, date)
        if etype == "PERSON":
            return self._person(text, date)
        if etype == "ORG":
            return self._org(text, date) or self._seat(text) or self._place(text, context, named_only=True)
        if etype == "PLACE":
            return self._place(text, context, named_only=False) or self._seat(text) or self._org(text, date)
        if etype == "EQUIPMENT":
            entries = equipment_by_alias().get(normalize_alias(text), ())
            return _equipment_link(entries[0]) if len(entries) == 1 else None
        if etype == "OPERATION":
            entries = operations_by_alias().get(normalize_alias(text), ())
            return _operation_link(entries[0]) if len(entries) == 1 else None
        return None

    def _by_id(self, kb_id: str, date: ReferenceDay | None) -> Link | None:
        kind, _, key = kb_id.partition(":")
        if kind == "equipment":
            entry = _equipment_ids().get(key)
            return _equipment_link(entry) if entry else None
        if kind == "equipment-class":
            entry = next((e for e in generic_equipment() if e["id"] == key), None)
            if entry is None:
                return None
            attributes = {"category": entry["category"], "kind": equipment_kind(entry["category"]), "generic": True}
            return Link(kb_id, entry["forms"][0], "EQUIPMENT", None, attributes)
        if kind == "operation":
            entry = _operation_ids().get(key)
            return _operation_link(entry) if entry else None
        if kind == "person":
            person = actor_kb.person(key)
            return _person_link(person, date) if person else None
        if kind == "org":
            org = actor_kb.organisation(key)
            return _org_link(org, date) if org else None
        if kind == "seat":
            return self._seat(key)
        place = place_by_id(kb_id)
        return _place_link(place) if place else None

    def _person(self, text: str, date: ReferenceDay | None) -> Link | None:
        people = list(actor_kb.lookup_person(text))
        if not people:
            # By surname only when every other word written is one of the person's own names: a
            # different given name is a different person ("Diane Abbott" is not Tony Abbott,
            # "Hassan Hassan" not Jafar Hassan).
            given = [w for w in normalize_name(text).split()[:-1] if w not in NAME_TITLES]
            people = [p for p in actor_kb.people_by_surname(text) if set(given) <= _name_words(p)]
        if len(people) > 1 and date is not None:
            # Several people share the surname: the one in office at the date is the one in the news.
            people = [p for p in people if actor_kb.roles_at(p, date)]
        return _person_link(people[0], date) if len(people) == 1 else None

    def _org(self, text: str, date: ReferenceDay | None) -> Link | None:
        orgs = actor_kb.lookup_organisation(text)
        return _org_link(orgs[0], date) if len(orgs) == 1 else None

    def _seat(self, text: str) -> Link | None:
        seats = list(
            {(m.name, m.actor): m for m in metonyms_for(text) if m.kind == "seat" and not m.ambiguous}.values()
        )
        if len(seats) != 1:
            return None
        seat = seats[0]
        attributes = {"seat_of_power": True, "country": seat.iso3}
        return Link(f"seat:{normalize_name(seat.name)}", seat.name, "ORG", seat.actor, attributes)

    def _place(self, text: str, context: frozenset[str], *, named_only: bool) -> Link | None:
        found = lookup_country(text)
        if len(found) == 1:
            return _place_link(place_by_id(found[0].id))
        # A town or county is a proper name: "the metro" or "the capital" written in lower case is
        # not the town GeoNames spells "Metro" (a gazetteer match ignores case).
        proper = any(ch.isupper() for ch in text)
        candidates = lookup_place(text)
        for candidate in candidates:
            if candidate.ambiguous and candidate.iso3 not in context:
                continue
            if not proper and candidate.id.startswith(("geonames:", "county:")):
                continue
            is_city = candidate.id.startswith("geonames:")
            # A name NER called an organisation links to a named place, a capital, or the town a
            # division is named after (the division would be linked otherwise: "Hama" is the city).
            named = _is_capital(candidate) or is_division_seat(candidate, candidates)
            if is_city and ((named_only and not named) or (candidate.population or 0) < MIN_LINK_POPULATION):
                continue
            return _place_link(candidate)
        return None

    def place_by_evidence(
        self, text: str, context: frozenset[str], *, used_as_place: bool, in_context_only: bool = False
    ) -> Link | None:
        """The gazetteer place a name the linker did not place stands for, when the text uses it
        as a place (``used_as_place``: "fighting in Didim", "the town of Kafr Zita", "Manbij and
        Raqqa") or NER typed it a place; also under a transliteration variant ("Deir Ezzor" is
        Deir ez-Zor, "Qamishli" is Al Qamishli).

        A town below ``MIN_LINK_POPULATION`` (a village, a camp: "al-Hawl") needs both the use as
        a place and its country named in the article. A spelling the writer did not use counts
        only when it is the place's own name (the gazetteer's alternate names of a small town in
        another country can be anything: "Roj" is listed for a Roy), or a large city of a country
        the article names. ``in_context_only``: only a town of a country the article names (for a
        name NER typed neither a place nor a name, with nothing else to say it is one)."""
        if not any(ch.isupper() for ch in text):
            return None
        for key, variant in [(text, False), *((k, True) for k in transliteration_keys(text))]:
            for candidate in lookup_place(key):
                if candidate.ambiguous and candidate.iso3 not in context:
                    continue
                if not candidate.id.startswith("geonames:"):
                    if not variant:
                        return _place_link(candidate)
                    continue
                in_context = candidate.iso3 in context
                if in_context_only and not in_context:
                    continue
                large = (candidate.population or 0) >= MIN_LINK_POPULATION
                if not (large or (used_as_place and in_context)):
                    continue
                if variant and not (
                    _bare(candidate.name) == _bare(key)
                    or (in_context and (candidate.population or 0) >= MAJOR_CITY_POPULATION)
                ):
                    continue
                return _place_link(candidate)
        return None

    # ------------------------------------------------------------------------------- the rest

    def operation_spans(self, doc: Doc, text: str | None = None) -> list[Span]:
        """``text``: ``doc.text`` if the caller has it (spaCy rebuilds it on every access)."""
        text = doc.text if text is None else text
        spans = []
        for pattern in compile_operation_patterns():
            for match in pattern.finditer(text):
                entries = operations_by_alias().get(normalize_alias(match.name), ())
                kb_id = f"operation:{entries[0].id}" if len(entries) == 1 else ""
                span = doc.char_span(
                    match.start, match.end, label=OPERATION_LABEL, span_id=kb_id, alignment_mode="expand"
                )
                if span is not None:
                    spans.append(span)
        return spans

    def ship_spans(self, doc: Doc, text: str | None = None) -> list[Span]:
        """Ships named after a navy prefix ("USS Carney"), marked with ``SHIP_ID``: the KB lists
        classes, not hulls, so these stay unlinked."""
        spans = []
        for match in _ship_pattern().finditer(doc.text if text is None else text):
            span = doc.char_span(match.start(), match.end(), label=EQUIPMENT_LABEL, span_id=SHIP_ID)
            if span is not None:
                spans.append(span)
        return spans

    def is_adjective(self, text: str) -> bool:
        """A nationality word ("Ukrainian") rather than a place's name."""
        return bool(countries_for_adjective(text)) and not lookup_country(text)

    def adjective_country(self, word: str) -> str | None:
        found = countries_for_adjective(word)
        return found[0].iso3 if len(found) == 1 else None

    def agent_actor(self, kb_id: str | None, name: str) -> str | None:
        """What a place stands for when it acts: a capital or seat its government (from the KB's
        metonyms), a country the state (its ISO code: which branch acted is not said)."""
        for metonym in metonyms_for(name):
            if not metonym.ambiguous:
                return metonym.actor
        if kb_id and kb_id.startswith("country:"):
            return kb_id.split(":", 1)[1]
        return None

    def role_holder(self, code: str, kind: str, date: ReferenceDay) -> Link | None:
        person = actor_kb.role_holder(code, kind, date)
        return _person_link(person, date) if person else None


# Ambiguous equipment names ("Javelin" is also an athletics event) are marked under their own label and
# kept by the entity stage only in a military context.
AMBIGUOUS_EQUIPMENT_LABEL = "EQUIPMENT_AMBIGUOUS"


SHIP_ID = "ship"


@cache
def _ship_pattern() -> re.Pattern[str]:
    prefixes = "|".join(re.escape(p) for p in load_data_file(GENERIC_EQUIPMENT_FILE)["ship_prefixes"])
    word = r"[A-Z](?:[\w'’-]*\w|\.)"
    return re.compile(rf"\b(?:{prefixes}) {word}(?: (?:(?:de|da|du|del|la|le|of) )?{word}){{0,3}}\b")


@cache
def generic_equipment() -> tuple[dict, ...]:
    """Weapon and platform nouns (kb/data/equipment_generic.yaml): "mortar", "IEDs", "drones"."""
    return tuple(load_data_file(GENERIC_EQUIPMENT_FILE)["entries"])


_HYPHEN_BETWEEN_WORDS = re.compile(r"(?<=[a-z])-(?=[a-z])")


def _spellings(forms: Iterable[str]) -> list[str]:
    """Each form, and a hyphenated compound also with spaces: reporters drop the hyphen
    ("rocket propelled grenades", "surface to air missile"), and the ruler matches tokens."""
    spellings: list[str] = []
    for form in forms:
        spellings.append(form)
        spaced = _HYPHEN_BETWEEN_WORDS.sub(" ", form)
        if spaced != form:
            spellings.append(spaced)
    return spellings


def _plural(form: str) -> str:
    """English plural of a phrase's head word: its last ("armoured vehicle" -> "armoured
    vehicles", "IED" -> "IEDs"), or the word before "of" ("weapon of mass destruction" ->
    "weapons of mass destruction")."""
    noun, of, rest = form.partition(" of ")
    if of:
        return f"{_plural(noun)} of {rest}"
    head, _, last = form.rpartition(" ")
    if last.isupper():
        plural = last + "s"
    elif last.endswith(("s", "sh", "ch", "x")):
        plural = last + "es"
    elif last.endswith("y") and last[-2:-1] not in "aeiou":
        plural = last[:-1] + "ies"
    else:
        plural = last + "s"
    return f"{head} {plural}" if head else plural


@cache
def _equipment_ids() -> dict:
    return {entry.id: entry for entry in load_equipment()}


@cache
def _operation_ids() -> dict:
    return {entry.id: entry for entry in load_operations()}


def _equipment_link(entry) -> Link:
    attributes = {"category": entry.category, "kind": equipment_kind(entry.category), "origin": entry.origin}
    if entry.partners:
        attributes["partners"] = list(entry.partners)
    if entry.variant_of:
        attributes["variant_of"] = entry.variant_of
    if entry.wikidata:
        attributes["wikidata"] = entry.wikidata
    return Link(f"equipment:{entry.id}", entry.name, "EQUIPMENT", None, attributes)


def _operation_link(entry) -> Link:
    attributes: dict[str, Any] = {"category": entry.category, "participants": list(entry.participants)}
    for key in ("start", "end"):
        if getattr(entry, key):
            attributes[key] = getattr(entry, key)
    return Link(f"operation:{entry.id}", entry.name, "OPERATION", None, attributes)


def _person_link(person, date: ReferenceDay | None) -> Link:
    attributes: dict[str, Any] = {}
    roles = actor_kb.roles_at(person, date) if date else ()
    if roles:
        senior = roles[0]  # most senior first
        attributes["role"] = senior.title
        attributes["country"] = senior.country
    if getattr(person, "gender", None):
        attributes["gender"] = person.gender
    if getattr(person, "wikidata", None):
        attributes["wikidata"] = person.wikidata
    actor = actor_kb.actor_code(person, date) if date else None
    return Link(f"person:{person.id}", person.name, "PERSON", actor, attributes)


def _org_link(org, date: ReferenceDay | None) -> Link:
    attributes: dict[str, Any] = {"kind": org.kind}
    if org.country:
        attributes["country"] = org.country
    if getattr(org, "wikidata", None):
        attributes["wikidata"] = org.wikidata
    # A group's code at the article's date, not today's: the Taliban of a 2019 article are rebels.
    return Link(f"org:{org.id}", org.name, "ORG", org.actor_at(date), attributes)


def _division_shadowed(place: PlaceEntry) -> bool:
    """A first-level division named like a country or like a large city that bears the name as
    its own ("Georgia", "Washington"): the ruler would force every mention to the division, so
    these are left to NER and the gazetteer's ranking (the country, the capital) and to
    extract/entities/geocontext.py, which moves them to the division on the article's evidence."""
    if not place.id.startswith("admin1:"):
        return False
    key = normalize_name(place.name)
    return any(
        other.kind in {"country", "territory"}
        or (
            other.id.startswith("geonames:")
            and normalize_name(other.name) == key
            and (other.population or 0) >= RULER_CITY_POPULATION
        )
        for other in lookup_place(place.name)
        if other.id != place.id
    )


def division_link(name: str, *, country: str | None, context: frozenset[str] = frozenset()) -> Link | None:
    """The first-level division called ``name`` ("Idlib" in "Idlib province"): the one in
    ``country`` (ISO3; the country of what the bare name was linked to) if there is one, else the
    only unambiguous one, else one in a country the article names (``context``)."""
    divisions = [c for c in lookup_place(name) if c.id.startswith("admin1:")]
    chosen = next((d for d in divisions if country and d.iso3 == country), None)
    if chosen is None:
        usable = [d for d in divisions if not d.ambiguous or d.iso3 in context]
        chosen = usable[0] if len(usable) == 1 else None
    return _place_link(chosen)


def place_link(place: PlaceEntry | None) -> Link | None:
    """The Link for a gazetteer entry chosen outside ``link`` (extract/entities/geocontext.py)."""
    return _place_link(place)


def _place_link(place: PlaceEntry | None) -> Link | None:
    if place is None:
        return None
    attributes: dict[str, Any] = {"kind": place.kind, "lat": place.lat, "lon": place.lon}
    if place.iso3:
        attributes["iso"] = place.iso3
    if place.kind not in {"country", "territory"} and place.iso3:
        attributes["within"] = place.iso3
    if place.population:
        attributes["population"] = place.population
    if place.geonameid:
        attributes["geonameid"] = place.geonameid
    if place.approximate:
        attributes["approximate"] = True
    return Link(place.id, place.name, "PLACE", None, attributes)


def _bare(name: str) -> str:
    """A place name without its Arabic article: "Al Qāmishlī" -> "qamishli"."""
    words = normalize_name(name).split()
    return " ".join(words[1:] if len(words) > 1 and words[0] in ARABIC_ARTICLES else words)


def _is_capital(place: PlaceEntry) -> bool:
    return any(m.kind == "capital" for m in metonyms_for(place.name))


@cache
def knowledge_base() -> KnowledgeBase:
    return KnowledgeBase()


# Words that may stand before a name without being a given name ("President Erdogan").
NAME_TITLES = frozenset(
    """president prime minister general gen mr mrs ms miss dr sir dame lord lady king queen prince
    princess sheikh ayatollah colonel col lt lieutenant sgt sergeant major capt captain secretary
    senator sen rep judge justice chancellor emir crown the""".split()
)


def _name_words(person: actor_kb.Person) -> set[str]:
    """The words of a person's names other than the surname: what a given name written before the
    surname must be one of ("Hassan Hassan" is not Jafar Hassan though "Hassan" is in his name)."""
    words: set[str] = set()
    for name in (person.name, *person.aliases):
        words.update(normalize_name(name).split()[:-1])
    return words
