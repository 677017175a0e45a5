"""Equipment mentions: which weapon words name a weapon, and how much text the mention covers.

A class noun ("tank", "drone") is a weapon only outside a civilian compound ("think tank", "fuel
tank"); a system name that is also an ordinary word or a given name ("Javelin", "Grad") only in
a military context and outside a longer proper name. A mention covers the words that say whose
or which ("ISIL vehicles"), and a designation written before a system's popular name
("KC-135R Stratotanker").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from newsint.kb.knowledge import knowledge_base

AMBIGUOUS_EQUIPMENT_LABEL = "EQUIPMENT_AMBIGUOUS"
EQUIPMENT_LABELS = {"EQUIPMENT", AMBIGUOUS_EQUIPMENT_LABEL}
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
# The hyphens a compound is written with (places.py reads them too: "north-western Syria").
HYPHENS = {"-", "‐", "‑", "–"}
# Head nouns that say a weapon was used: the weapon before them is still a mention.
WEAPON_USE_HEADS = {
    "attack", "fire", "strike", "barrage", "blast", "explosion", "launch", "salvo", "shelling", "bombardment",
    "raid", "assault", "hit", "impact", "round", "shell",
}  # fmt: skip
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


def civilian_sense(span: Span) -> bool:
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


def military_context(span: Span) -> bool:
    """An equipment name that is also an ordinary word or a given name ("Javelin", "Grad",
    "Hawk") counts only next to other equipment or a weapon word in the same sentence."""
    sentence = span.sent
    for token in sentence:
        if span.start <= token.i < span.end or token.ent_type_ == AMBIGUOUS_EQUIPMENT_LABEL:
            continue  # two words that each need context do not vouch for each other
        if token.lemma_.lower() in MILITARY_CONTEXT_WORDS or token.ent_type_ == "EQUIPMENT":
            return True
    return False


def inside_longer_name(span: Span) -> bool:
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


def describes_ship(span: Span, ships: list[Span]) -> bool:
    """A class noun written right before a ship's name is that ship's description, not another
    vessel: "the destroyer USS Carney", "the aircraft carrier FS Charles de Gaulle"."""
    if not span.ent_id_.startswith("equipment-class:"):
        return False
    return any(ship.start == span.end for ship in ships)


def join_split_names(spans: list[Span]) -> list[Span]:
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


def equipment_extent(span: Span) -> Span | None:
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
