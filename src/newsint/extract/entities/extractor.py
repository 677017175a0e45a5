"""Entities: spaCy's entities (KB names marked first by the ruler) grouped, linked and typed.

For each entity mention the stage decides
- the newsint type (PERSON, ORG, PLACE, EQUIPMENT, OPERATION) — KB knowledge over NER's guess;
- the KB entry it stands for (``kb_id``), else it stays unlinked but is still reported
  (``attributes.linked = False``): recall is not sacrificed to the knowledge base;
- which other mentions are the same entity: the same KB entry; a surname after a full name; a
  title ("the Belarusian leader") resolved through the roles true at the reference date; a
  pronoun subject resolved to the last person named (coref.py);
- the actor code: a person's by their role at the reference date, an organisation's from the KB,
  a capital or seat of power used as an agent (actors.py);
- which of a place name's namesakes the article means, from the other places it names
  (geocontext.py); a name written with "province", "oblast" or "state" after it is the division
  ("Idlib province"), and a name NER typed a person or organisation in one sentence is the town
  the article names elsewhere ("the Douma attack");
- how much text a mention covers: a place as written ("the Red Sea", "northern Iraq", "Idlib
  province"), a generic weapon noun with the words that say whose or which ("ISIL vehicles"),
  a designation before a system's popular name ("KC-135R Stratotanker").

Material outside ``document.text`` (teasers, links) never reaches this stage.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc, Span

from newsint.dates import ReferenceDay
from newsint.extract.entities import actors, coref, geocontext
from newsint.extract.intervals import Intervals
from newsint.kb.common import normalize_name
from newsint.kb.knowledge import MIN_LINK_POPULATION, SHIP_ID, division_link, knowledge_base, place_link
from newsint.kb.places import lookup_place
from newsint.model import Dateline, Entity, Mention
from newsint.nlp.rulers import CITY_SPANS_KEY
from newsint.nlp.text import doc_text

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
CIVILIAN_MODIFIERS = {
    "think", "fuel", "water", "oil", "gas", "storage", "septic", "fish", "petrol", "toy", "sniffer",
    # words with a civilian sense that count only in a military context ("vehicle", "strike")
    "hunger", "general", "labour", "labor", "rail", "private", "passenger", "commercial",
    "civilian", "cargo", "electric", "police", "emergency", "delivery", "rental", "paper", "jumbo",
    # tools and idioms named after a gun: "nail gun", "smoking gun", "starting pistol"
    "nail", "glue", "staple", "spray", "paint", "heat", "radar", "speed", "smoking", "starting",
    "loose",  # "a loose cannon"
}  # fmt: skip
# Modifiers that give only a word needing context a civilian sense: a "suicide bomber" is a person,
# while a suicide car bomb, vest or drone is a weapon.
CONTEXT_FORM_CIVILIAN_MODIFIERS = {"suicide"}
MILITARY_CONTEXT_WORDS = {
    "missile", "system", "launcher", "fighter", "jet", "tank", "drone", "rocket", "artillery", "aircraft",
    "helicopter", "warship", "submarine", "howitzer", "battery", "munition", "weapon", "bomber", "interceptor",
    "air-defence", "air-defense", "defence", "defense", "strike", "warhead", "shell", "gun", "vehicle",
    "frigate", "destroyer", "corvette", "deploy", "fire", "launch", "shoot", "intercept", "arm",
    "military", "target", "destroy", "troop", "army", "militant", "airstrike", "bomb",
    "blast", "explosion", "bombing", "shelling",
}  # fmt: skip
# A designation written before a system's popular name ("KC-135R Stratotanker", "MQ-9 Reaper"):
# part of the name, even where the KB lists only the popular name.
_DESIGNATION_BEFORE = re.compile(r"(?:^|(?<=[\s(]))[A-Z]{1,4} ?[-‐‑] ?\d{1,4}[A-Z]{0,3} $")
HYPHENS = {"-", "‐", "‑", "–"}
LOCATIVE_PREPOSITIONS = {"near", "outside"}
COMPASS_WORDS = {
    "northern", "southern", "eastern", "western", "central", "north-eastern", "north-western",
    "south-eastern", "south-western", "northeastern", "northwestern", "southeastern", "southwestern",
}  # fmt: skip
PLACE_CLASS_NOUNS = {"city", "town", "village", "province", "region", "district", "capital", "port"}
ADMINISTRATIVE_WORDS = {"province", "district", "governorate", "region", "county", "oblast", "municipality"}
HONORIFICS = {
    "mr", "mrs", "ms", "miss", "dr", "sen", "senator", "rep", "gov", "governor", "mayor", "president", "judge",
    "sheriff", "officer", "sgt", "lt", "capt", "col", "gen", "coach", "rev", "father", "sir", "lord", "lady",
}  # fmt: skip
# Verbs whose subject is a speaker: a name that is their subject is not a town.
SPEECH_VERBS = {"say", "tell", "add", "explain", "write", "ask", "argue", "note", "recall", "insist", "claim"}
# Words after a name that make it the first-level division of that name, not its namesake town:
# "Idlib province", "Kharkiv oblast", "the Donetsk region", "New York state".
DIVISION_WORDS = {"province", "governorate", "oblast", "region", "state", "prefecture"}
# Capitalised after a name, these make a US county's own name ("Jackson County", "Rapides Parish").
COUNTY_WORDS = {"County", "Parish", "Borough"}
# Head nouns that say a weapon was used: the weapon before them is still a mention.
WEAPON_USE_HEADS = {
    "attack", "fire", "strike", "barrage", "blast", "explosion", "launch", "salvo", "shelling", "bombardment",
    "raid", "assault", "hit", "impact", "round", "shell",
}  # fmt: skip
EQUIPMENT_LABELS = {"EQUIPMENT", AMBIGUOUS_EQUIPMENT_LABEL}
AGAINST_PREFIXES = {"anti", "counter"}
# Particles inside Arabic names, written with a hyphen: "Nasr al-Hariri", "Abu Bakr al-Baghdadi".
NAME_PARTICLES = {"al", "el", "bin", "ibn"}
# Finite and bare verb tags; participles and gerunds are other words ("shelled", "bombing").
VERB_TAGS = {"VB", "VBP", "VBZ", "VBD"}
AIRCRAFT_ROLE_WORDS = {"attack", "bomber", "fighter", "transport", "tanker", "reconnaissance", "surveillance", "cargo"}
PREMODIFIER_DEPS = {"amod", "compound", "poss", "nmod", "npadvmod"}
QUANTIFIER_WORDS = {
    "multiple", "several", "many", "numerous", "few", "more", "most", "some", "various", "additional",
    "apparent", "alleged", "suspected", "possible", "sustained", "such", "same", "last", "first", "new",
    "only", "much", "enough", "less", "fewer",
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


def extract_entities(
    doc: Doc, *, reference_date: ReferenceDay | None, dateline_place: str | None = None
) -> list[Entity]:
    kb = knowledge_base()
    groups: dict[str, _Group] = {}
    surnames: dict[str, str] = {}  # surname -> group key of a person named in full
    spans = _entity_spans(doc)
    context = frozenset(s.ent_id_.split(":", 1)[1] for s in spans if s.ent_id_.startswith("country:"))

    for span in spans:
        etype = LABEL_TYPES[span.label_]
        if etype == "PERSON" and not span.ent_id_:
            span, etype = _locative_person(span)
        span = _trim(span)
        if span is not None and etype == "PLACE":
            span = _with_county_word(span)
        if span is None or (etype == "PLACE" and kb.is_adjective(span.text)):
            continue  # "the Ukrainian threat": a nationality, which actors.py reads, not a place
        link = kb.link(span.text, etype, kb_id=_kb_id(span), date=reference_date, context=context)
        if not _kb_id(span) and (written_division := _written_division(span, context)) is not None:
            link, etype = written_division, "PLACE"  # "Nineveh province", whatever NER called "Nineveh"
        elif _names_division(span, link):
            link = division_link(span.text, country=link.attributes.get("iso"), context=context) or link
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
                attributes=dict(link.attributes) if link else _unlinked_attributes(span),
                actor=link.actor if link else None,
            )
        if etype == "PERSON" and len(span) > 1:
            surnames.setdefault(span[-1].text, key)
        written = _place_extent(span) if etype == "PLACE" else span
        group.mentions.append(Mention(start=written.start_char, end=written.end_char, text=written.text))
        group.spans.append(span)

    _merge_surnames(groups, surnames)
    _merge_place_namesakes(groups)
    geocontext.settle_places(doc, groups.values(), dateline_place=dateline_place)
    coref.add_title_mentions(doc, groups, reference_date=reference_date, new_group=_Group)
    coref.add_pronoun_mentions(doc, groups)
    actors.add_group_actors(doc, groups, new_group=_Group)
    for group in groups.values():
        actors.mark_metonymy(group)
        actors.mark_figurative(group)
    return _entities(groups)


def _entity_spans(doc: Doc) -> list[Span]:
    cities = _city_spans(doc)
    city_tokens = Intervals((city.start, city.end) for city in cities)
    spans = [
        _longer_town_name(ent)
        for ent in doc.ents
        if ent.label_ in LABEL_TYPES and not city_tokens.overlaps(ent.start, ent.end) and not _civilian_sense(ent)
    ] + cities
    for ent in doc.ents:
        if ent.label_ != AMBIGUOUS_EQUIPMENT_LABEL or _inside_longer_name(ent):
            continue
        if _military_context(ent) and not _civilian_sense(ent):
            spans.append(Span(doc, ent.start, ent.end, label="EQUIPMENT", span_id=ent.ent_id_))
    # A ship's name after its navy's prefix ("HMS Defender") is the ship, whatever NER or a KB
    # person or place name inside it said ("USS Carney" is not Mark Carney); only the KB's own
    # equipment entry for it wins ("FS Charles de Gaulle", a class named after its first ship).
    text = doc_text(doc)
    ships = knowledge_base().ship_spans(doc, text)
    spans = [s for s in spans if (s.label_ in EQUIPMENT_LABELS and s.ent_id_) or not _overlaps(s, ships)]
    spans += [s for s in ships if not _overlaps(s, spans)]
    spans = [s for s in spans if not _describes_ship(s, ships)]
    spans += [s for s in knowledge_base().operation_spans(doc, text) if not _overlaps(s, spans)]
    spans = [
        _equipment_extent(s) if s.label_ == "EQUIPMENT" else s
        for s in _join_split_names(sorted(spans, key=lambda s: s.start))
    ]
    spans = [s for s in spans if s is not None]
    # A mention inside an equipment phrase is part of it ("bomber" in "bomber and fighter aircraft").
    equipment = Intervals((s.start, s.end) for s in spans if s.label_ == "EQUIPMENT")
    return [s for s in spans if not equipment.holds_more_than(s.start, s.end)]


def _longer_town_name(span: Span) -> Span:
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


def _describes_ship(span: Span, ships: list[Span]) -> bool:
    """A class noun written right before a ship's name is that ship's description, not another
    vessel: "the destroyer USS Carney", "the aircraft carrier FS Charles de Gaulle"."""
    if not span.ent_id_.startswith("equipment-class:"):
        return False
    return any(ship.start == span.end for ship in ships)


def _join_split_names(spans: list[Span]) -> list[Span]:
    """Adjacent ruler matches of the same system are one name ("KC-135R" + "Stratotanker")."""
    joined: list[Span] = []
    for span in spans:
        last = joined[-1] if joined else None
        same_system = (
            last is not None
            and span.label_ == last.label_ == "EQUIPMENT"
            and span.ent_id_ == last.ent_id_
            and not span.ent_id_.startswith("equipment-class:")
        )
        if same_system and last.end == span.start:
            joined[-1] = Span(span.doc, last.start, span.end, label=span.label_, span_id=span.ent_id_)
            continue
        joined.append(span)
    return joined


def _equipment_extent(span: Span) -> Span | None:
    """The whole name or noun phrase of an equipment mention. A designation written before a
    system's popular name joins it ("KC-135R Stratotanker"). A generic noun names no system, so
    the words that say which ones are part of the mention: its owner, maker or kind ("ISIL
    vehicles", "snipers' bullets", "vehicle-borne bombs", "heavy weapons"), not its number or
    article ("three tanks", "the tanks"). None where one of those words gives the phrase a
    civilian sense further out than the word before the noun ("oil tanker trucks", "fuel
    storage tanks")."""
    if span.ent_id_.startswith("equipment-class:"):
        widened = _with_premodifiers(span)
        if any(token.lower_ in CIVILIAN_MODIFIERS for token in span.doc[widened.start : span.start]):
            return None
        return widened
    doc = span.doc
    # The few tokens before the name (doc.text would rebuild the whole text on every call).
    window = doc[max(0, span.start - 6) : span.start]
    prefix = _DESIGNATION_BEFORE.search(window.text_with_ws)
    if prefix is None:
        return span
    if prefix.start() == 0 and window.start > 0 and not doc[window.start - 1].whitespace_:
        return span  # the window began inside a longer word
    extended = doc.char_span(window.start_char + prefix.start(), span.end_char, alignment_mode="expand")
    if extended is None or extended.start >= span.start:
        return span
    return Span(doc, extended.start, span.end, label=span.label_, kb_id=span.kb_id_, span_id=span.id_ or span.ent_id_)


def _with_premodifiers(span: Span) -> Span:
    doc = span.doc
    start = span.start
    while start > 0:
        token = doc[start - 1]
        hyphen_inside = token.text in HYPHENS and not token.whitespace_ and start >= 2
        possessive_mark = token.dep_ == "case" and token.head.dep_ == "poss"  # "snipers' bullets"
        # A word modifying the noun the weapon itself modifies is not the weapon's: "an imminent
        # missile strike", "the Salisbury nerve agent attack" (the strike is imminent, the attack
        # was in Salisbury).
        inside = start <= token.head.i < span.end
        modifier = token.dep_ in PREMODIFIER_DEPS and inside and not _quantifier(token)
        named_system = token.ent_type_ in EQUIPMENT_LABELS and not token.ent_id_.startswith("equipment-class:")
        if not (hyphen_inside or possessive_mark or modifier) or named_system:
            break  # a named system before a class noun stays its own mention ("Kornet missile")
        start -= 1
    while start < span.start and (doc[start].text in HYPHENS or doc[start].dep_ == "case"):
        start += 1  # never begin on a hyphen or a stray possessive marker
    start = _coordinated_roles(doc, start)
    if start == span.start:
        return span
    return Span(doc, start, span.end, label=span.label_, kb_id=span.kb_id_, span_id=span.id_ or span.ent_id_)


def _coordinated_roles(doc: Doc, start: int) -> int:
    """Roles coordinated before one head noun are one mention: "attack, bomber, fighter and
    remotely piloted aircraft" (the shared head is written once, at the end)."""
    i = start - 1
    if i < 1 or doc[i].lower_ not in {"and", "or"}:
        return start
    i -= 1
    if doc[i].text == ",":
        i -= 1
    first = None
    while i >= 0 and doc[i].lower_ in AIRCRAFT_ROLE_WORDS:
        first = i
        if i >= 1 and doc[i - 1].text == ",":
            i -= 2
        else:
            break
    return first if first is not None else start


def _quantifier(token) -> bool:
    """Words that count or hedge rather than say which: "multiple", "several", "apparent"."""
    if token.lower_ in QUANTIFIER_WORDS or token.like_num or token.pos_ in {"NUM", "DET", "PRON"}:
        return True
    # A gerund before the noun is what is done with the weapons, not which ones: "smuggling
    # weapons", "firing missiles" (the small parser often calls it a compound). Kinds written as
    # -ing words are listed whole in the knowledge base ("loitering munition").
    if token.tag_ == "VBG" or _gerund_after_preposition(token):
        return True
    # A nationality says whose, and is its own item for actor codes ("Israeli missile").
    return token.ent_type_ == "NORP" or knowledge_base().is_adjective(token.text)


def _gerund_after_preposition(token) -> bool:
    """An -ing word right after a preposition is a verb even where the small tagger calls it a
    noun: "accused of hiding weapons", "arrested for smuggling rifles"."""
    if not (token.tag_ == "NN" and token.lower_.endswith("ing") and len(token) > 4) or token.i == 0:
        return False  # an -ing adjective stays: "for incoming missiles"
    return token.nbor(-1).tag_ in {"IN", "TO"}


def _locative_person(span: Span) -> tuple[Span, str]:
    """NER's "person" right after "near" or "outside" is a place: the small model reads a
    sentence-initial "Near Tal Afar," as a name. The preposition is dropped from the mention."""
    doc = span.doc
    start = span.start
    if doc[start].lower_ in LOCATIVE_PREPOSITIONS and len(span) > 1:
        start += 1
    elif not (start > 0 and doc[start - 1].lower_ in LOCATIVE_PREPOSITIONS):
        return span, "PERSON"
    return Span(doc, start, span.end, label="GPE"), "PLACE"


def _place_extent(span: Span) -> Span:
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


def _written_division(span: Span, context: frozenset[str]):
    """The region a name with a division word after it spells in the knowledge base: "Nineveh
    province" is Nineveh Governorate even where NER typed "Nineveh" a person."""
    if not _division_word_after(span):
        return None
    link = knowledge_base().link(f"{span.text} {span.doc[span.end].text}", "PLACE", context=context)
    if link is None or not link.kb_id.startswith(("region:", "admin1:")):
        return None
    return link


def _names_division(span: Span, link) -> bool:
    """Whether a name linked to a town is written as its division's: "Idlib province", "Kharkiv
    oblast", "the Donetsk region", "New York state"."""
    if link is None or link.type != "PLACE" or not link.kb_id.startswith(("geonames:", "county:")):
        return False
    return _division_word_after(span)


def _division_word_after(span: Span) -> bool:
    return span.end < len(span.doc) and span.doc[span.end].lower_ in DIVISION_WORDS


def _modifies_next_noun(doc: Doc, end: int) -> bool:
    """Whether the name ending at ``end`` is a modifier of the noun after it: the article then
    belongs to that noun ("the Idlib enclave", "the Hama massacre"), not to the place."""
    last = doc[end - 1]
    return end < len(doc) and last.dep_ in {"compound", "nmod", "amod"} and last.head.i >= end


def _with_county_word(span: Span) -> Span:
    """ "Washington County", "Rapides Parish": the capitalised word after the name is part of
    it — the county is not the town it is named after, and is looked up as a whole (NER often
    stops before it)."""
    doc = span.doc
    if span.end < len(doc) and doc[span.end].text in COUNTY_WORDS:
        return Span(doc, span.start, span.end + 1, label=span.label_)
    return span


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


def _modifies_other_noun(span: Span) -> bool:
    """A weapon noun that only says what another thing is for or about is not a weapon mention:
    "a VBIED factory", "weapons shipments", "tank crews", "drone footage". Its use still is:
    "rocket attacks", "mortar fire"."""
    doc = span.doc
    last = doc[span.end - 1]
    if span.end >= len(doc) or last.dep_ != "compound" or last.head.i < span.end:
        return False
    head = last.head
    return head.pos_ in {"NOUN", "PROPN"} and head.lemma_.lower() not in WEAPON_USE_HEADS and not head.ent_type_


def _civilian_sense(span: Span) -> bool:
    """A weapon word in a civilian compound ("think tank", "fuel tank", "water tanks"), as the
    first part of a hyphenated modifier ("vehicle-borne", "tank-busting": the head comes later),
    as what an "anti-" word is against, or used as a verb."""
    if not span.ent_id_.startswith("equipment-class:"):
        return False
    doc = span.doc
    if span.end < len(doc) and doc[span.end].text in HYPHENS and not doc[span.end - 1].whitespace_:
        return True
    if span.start >= 2 and doc[span.start - 1].text in HYPHENS and doc[span.start - 2].lower_ in AGAINST_PREFIXES:
        return True  # "anti-aircraft defences", "counter-drone systems": what the thing is against
    if _modifies_other_noun(span):
        return True
    if len(span) == 1 and span[0].tag_ in VERB_TAGS:
        return True  # the verb: "threatened to bomb the city", "stocks could tank"
    if span.start == 0:
        return False
    modifier = doc[span.start - 1].lower_
    needs_context = span.label_ == AMBIGUOUS_EQUIPMENT_LABEL
    return modifier in CIVILIAN_MODIFIERS or (needs_context and modifier in CONTEXT_FORM_CIVILIAN_MODIFIERS)


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


def _inside_longer_name(span: Span) -> bool:
    """A system name that is also a word or a given name, written inside a longer proper name, is
    part of that name: "Nasr al-Hariri" (a person), "Able Archer" (a Nato exercise). A designation
    or a weapon word beside it does not count ("Tornado GR4", "Patriot Missiles" in a headline),
    nor a nationality or a named place or organisation before it ("Israeli Jericho missiles")."""
    if span.ent_id_.startswith("equipment-class:"):
        return False  # class nouns are lower-case words: "Coalition aircraft" is aircraft
    doc = span.doc
    if span.end + 1 < len(doc) and doc[span.end].lower_ in NAME_PARTICLES and doc[span.end + 1].text in HYPHENS:
        return True
    if _title_case(span.sent):
        return False  # a headline capitalises every word: "Kyiv Asks For More Patriot Missiles"
    if span.end < len(doc) and _plain_capitalised_word(doc[span.end]):
        return True
    if span.start > 0 and not doc[span.start].is_sent_start:
        before = doc[span.start - 1]
        return _plain_capitalised_word(before) and not before.ent_type_ and not before.is_sent_start
    return False


def _title_case(sentence: Span) -> bool:
    words = [t for t in sentence if t.is_alpha and len(t) > 3]
    return len(words) >= 3 and sum(t.is_title for t in words) >= 0.6 * len(words)


def _plain_capitalised_word(token) -> bool:
    """A capitalised word that is neither equipment, nor a designation, nor a weapon word."""
    if not (token.is_alpha and token.is_title) or token.ent_type_ in EQUIPMENT_LABELS:
        return False
    return token.lemma_.lower() not in MILITARY_CONTEXT_WORDS and not knowledge_base().is_adjective(token.text)


def _military_context(span: Span) -> bool:
    """An equipment name that is also an ordinary word or a given name ("Javelin", "Grad",
    "Hawk") counts only next to other equipment or a weapon word in the same sentence."""
    sentence = span.sent
    for token in sentence:
        if span.start <= token.i < span.end or token.ent_type_ == AMBIGUOUS_EQUIPMENT_LABEL:
            continue  # two words that each need context do not vouch for each other
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
    trimmed = Span(doc, start, end, label=span.label_, kb_id=span.kb_id_, span_id=span.id_ or span.ent_id_)
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


def _merge_place_namesakes(groups: dict[str, _Group]) -> None:
    """A name NER called an organisation or a person and a place elsewhere in the same article,
    which no knowledge-base entry claims, is that place: "If the SDF ends up governing Raqqa",
    "the Douma attack" (the small model reads many one-word Arabic town names as people). Not a
    speaker ("said Saratova") nor a name after a title ("Mayor Jackson"). Only exact names of towns,
    counties, divisions and named regions: a country or capital named as an agent is its
    government (actors.py)."""
    places: dict[str, str] = {}
    for key, group in groups.items():
        if (
            group.type == "PLACE"
            and group.kb_id
            and group.kb_id.startswith(("geonames:", "county:", "admin1:", "region:"))
        ):
            for span in group.spans:
                places.setdefault(span.text, key)
    for key in list(groups):
        group = groups[key]
        if group.type not in {"ORG", "PERSON"} or group.kb_id:
            continue
        target = places.get(group.spans[0].text) if group.spans else None
        same_name = all(span.text == group.spans[0].text for span in group.spans)
        person_cues = group.type == "PERSON" and any(_titled(span) for span in group.spans)
        if target and same_name and not person_cues and not any(_speaks(span) for span in group.spans):
            groups[target].mentions.extend(group.mentions)
            groups[target].spans.extend(group.spans)
            del groups[key]


def _titled(span: Span) -> bool:
    """Whether a title or honorific is written before the name ("Mr Jackson", "Sen. Clinton")."""
    if span.start == 0:
        return False
    before = span.doc[span.start - 1]
    return before.text.rstrip(".").lower() in HONORIFICS or before.ent_type_ == "PERSON"


def _speaks(span: Span) -> bool:
    """Whether the name is the subject of a speech verb ("Saratova says", "said Saratova"): a
    person or an organisation, not a town, whatever place elsewhere shares the name."""
    root = span.root
    return root.dep_ in {"nsubj", "nsubjpass"} and root.head.lemma_.lower() in SPEECH_VERBS


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
    for entity in entities:
        if entity.type == "PLACE" and link is not None and entity.kb_id == link.kb_id:
            entity.attributes["dateline"] = written
            return entities
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
