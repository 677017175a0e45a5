"""Actor codes beyond the knowledge base's own: metonymy, groups named by nationality, figures of speech.

- **Metonymy.** A capital or a seat of power used as an agent stands for the state's government
  ("Minsk has no room for maneuver", "Washington has taken to taunting him", "threatening Minsk
  with sanctions", "Minsk's new role"); used as a place ("troops near Minsk", "flew to Moscow")
  it stays a place. A country used as an agent ("Russia has been moving troops") stands for the
  state (its ISO code alone: which branch acted is not said). The decision is syntactic: the
  mention's role in the dependency parse.
- **Nationality + group noun.** "Russian troops", "the Belarusian army", "Ukrainian officials"
  name an actor (RUS MIL, BLR MIL, UKR GOV) even without a named organisation; "Russian
  military experts" do not (the head noun is "experts").
- **Figures of speech.** A place with an indefinite article ("a second Singapore",
  "a new Iran") is a comparison, not a location; such mentions are flagged so that no event is
  ever placed there.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spacy.tokens import Doc, Span, Token

from newsint.kb.knowledge import knowledge_base
from newsint.model import Mention

AGENT_DEPS = {"nsubj", "nsubjpass", "csubj"}
# Verbs whose direct object is an actor when it is a capital or a country ("threaten Minsk").
ACTOR_OBJECT_VERBS = {
    "threaten", "sanction", "warn", "urge", "accuse", "pressure", "pressurize", "press", "persuade",
    "support", "back", "criticize", "criticise", "condemn", "blame", "punish", "reward", "invite",
    "force", "help", "ask", "tell", "call", "court", "isolate", "recognize", "recognise", "engage",
    "trust", "distrust", "defy", "challenge", "confront", "deter", "reassure", "lobby", "goad",
    "taunt", "provoke", "appease", "placate", "bribe", "coerce", "attack", "blackmail",
}  # fmt: skip
# Prepositions after a relation noun that make their object a party ("loyalty to Moscow",
# "talks with Minsk", "pressure from Washington") rather than a place ("in Moscow", "near Minsk").
RELATION_PREPOSITIONS = {"to", "with", "from", "against", "toward", "towards", "between", "by"}
MOTION_NOUNS = {"flight", "flights", "trip", "trips", "visit", "visits", "route", "road", "train", "trains",
                "return", "journey", "way", "border", "distance", "kilometres", "kilometers", "miles"}  # fmt: skip
# Nouns after a possessive place that keep it a place ("Minsk's streets", "Moscow's outskirts").
PLACE_PART_NOUNS = {
    "street", "streets", "outskirts", "suburb", "suburbs", "centre", "center", "airport", "residents",
    "population", "mayor", "skyline", "district", "districts", "square", "metro", "subway", "river",
    "neighbourhood", "neighborhood", "neighbourhoods", "neighborhoods", "citizens", "people", "inhabitants",
    "region", "territory", "border", "borders", "north", "south", "east", "west", "coast", "capital",
}  # fmt: skip

# Group nouns and the sector they name after a nationality word.
GROUP_SECTORS = {
    "troops": "MIL", "soldiers": "MIL", "forces": "MIL", "army": "MIL", "armies": "MIL", "military": "MIL",
    "navy": "MIL", "servicemen": "MIL", "paratroopers": "MIL", "units": "MIL", "brigades": "MIL",
    "battalions": "MIL", "generals": "MIL", "commanders": "MIL", "sailors": "MIL", "pilots": "MIL",
    "officials": "GOV", "government": "GOV", "authorities": "GOV", "diplomats": "GOV", "leadership": "GOV",
    "regime": "GOV", "administration": "GOV", "ministers": "GOV", "leaders": "GOV", "lawmakers": "LEG",
    "parliament": "LEG", "legislators": "LEG", "police": "COP", "rebels": "REB", "militants": "REB",
    "insurgents": "REB", "separatists": "REB", "guerrillas": "REB", "militias": "REB", "militia": "REB",
    "opposition": "OPP", "protesters": "OPP", "protestors": "OPP", "dissidents": "OPP", "activists": "OPP",
    "civilians": "CVL", "residents": "CVL", "citizens": "CVL", "refugees": "CVL", "villagers": "CVL",
    "mothers": "CVL", "media": "MED", "journalists": "MED", "reporters": "MED", "businesses": "BUS",
    "companies": "BUS", "firms": "BUS", "banks": "BUS", "courts": "JUD", "judges": "JUD",
}  # fmt: skip

# A modifier that names a sector between a nationality and a government noun: "US military
# leaders" are the military's (USA MIL), "Syrian rebel leaders" the rebels'. Only a government
# noun gives way: "Syrian government forces" are still the armed forces.
SECTOR_MODIFIERS = {
    "military": "MIL", "army": "MIL", "naval": "MIL", "navy": "MIL", "defence": "MIL", "defense": "MIL",
    "rebel": "REB", "militia": "REB", "opposition": "OPP", "police": "COP",
}  # fmt: skip
# Modifiers that make a nationality's group a faction, not the state's: "Syrian Kurdish
# forces" are not Syria's armed forces. No code is better than the state's (precision first).
FACTION_MODIFIERS = {
    "kurdish", "sunni", "shia", "shiite", "shi'ite", "alawite", "druze", "islamist", "jihadist", "tribal",
    "separatist", "breakaway", "insurgent",
}  # fmt: skip
# Entity types whose words are a name's, not a group noun: "Syrian Democratic Forces" is the
# SDF (the knowledge base's), not Syria's armed forces.
NAMED_ENTITY_TYPES = {"ORG", "PERSON", "GPE", "LOC", "FAC"}


def agentive(span: Span) -> bool:
    """Is this place mention used as an agent or a party rather than as a location?"""
    root = _effective_root(span)
    head = root.head
    if root.dep_ in AGENT_DEPS:
        return True
    if root.dep_ == "pobj" and head.dep_ == "agent":  # "was criticised by Moscow"
        return True
    if root.dep_ == "poss":
        return head.lower_ not in PLACE_PART_NOUNS
    if root.dep_ == "dobj":
        return head.lemma_.lower() in ACTOR_OBJECT_VERBS
    if root.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in RELATION_PREPOSITIONS:
        governor = head.head
        return governor.pos_ in {"NOUN", "PROPN"} and governor.lower_ not in MOTION_NOUNS
    return False


def _effective_root(span: Span) -> Token:
    """The mention's root, or for a conjunct ("Moscow and Minsk said") the first conjunct's."""
    root = span.root
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    return root


def figurative(span: Span) -> bool:
    """ "a second Singapore", "a new Iran", "another Afghanistan"."""
    root = span.root
    doc = span.doc
    for token in (*root.children, *(doc[span.start - i] for i in (1, 2, 3) if span.start - i >= 0)):
        if token.i < span.start and token.lower_ in {"a", "an", "another"} and token.dep_ == "det":
            # Only adjectives may stand between ("a second Singapore"); "an invitation from
            # Egypt", "a visit to Iran": the article is another noun's.
            between = doc[token.i + 1 : span.start]
            if all(t.pos_ in {"ADJ", "ADV", "NUM"} for t in between):
                return True
    return False


def mark_metonymy(group: Any) -> None:
    """Give agentive mentions of capitals, seats of power and countries their actor code."""
    if group.type != "PLACE" and not group.attributes.get("seat_of_power"):
        return
    actor = knowledge_base().agent_actor(group.kb_id, group.name)
    if actor is None:
        return
    by_start = {span.start_char: span for span in group.spans}
    for mention in group.mentions:
        span = by_start.get(mention.start)
        if span is not None and (group.attributes.get("seat_of_power") or agentive(span)):
            mention.actor = actor


def mark_figurative(group: Any) -> None:
    if group.type != "PLACE" or not group.spans:
        return
    figures = [span for span in group.spans if figurative(span)]
    if figures:
        group.attributes["figurative_mentions"] = len(figures)
        if len(figures) == len(group.spans):
            group.attributes["figurative"] = True


def add_group_actors(doc: Doc, groups: dict[str, Any], *, new_group: Callable) -> None:
    """ "Russian troops" -> an ORG entity standing for RUS MIL (one per actor code)."""
    kb = knowledge_base()
    for token in doc:
        sector = GROUP_SECTORS.get(token.lower_)
        if sector is None or token.pos_ not in {"NOUN", "PROPN"} or token.dep_ in {"amod", "compound"}:
            continue
        if token.ent_type_ in NAMED_ENTITY_TYPES:
            continue
        if any(c.lower_ in FACTION_MODIFIERS for c in token.children if c.i < token.i):
            continue
        if sector == "GOV":
            named = [
                SECTOR_MODIFIERS[c.lower_] for c in token.children if c.i < token.i and c.lower_ in SECTOR_MODIFIERS
            ]
            sector = named[0] if named else sector
        nationality = next(
            (child for child in token.children if child.dep_ in {"amod", "compound", "nmod"} and child.i < token.i),
            None,
        )
        if nationality is None:
            continue
        iso3 = kb.adjective_country(nationality.text)
        if iso3 is None:
            continue
        actor = f"{iso3} {sector}"
        start = nationality.i - 1 if nationality.i > 0 and doc[nationality.i - 1].lower_ == "the" else nationality.i
        span = doc[start : token.i + 1]
        key = f"actor:{actor}"
        group = groups.get(key)
        if group is None:
            group = groups[key] = new_group(
                key=key,
                type="ORG",
                name=doc[nationality.i : token.i + 1].text,
                kb_id=None,
                attributes={"generic": True, "country": iso3, "sector": sector, "linked": False},
                actor=actor,
            )
        group.mentions.append(Mention(start=span.start_char, end=span.end_char, text=span.text))
