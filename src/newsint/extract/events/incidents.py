"""One incident per occurrence: the mentions of one act within an article share an ``incident`` id.

A report tells one bombing several times: "two soldiers died in an explosion ... they were killed by
a roadside bomb on Monday ... the attack was claimed by". Each mention stays an event of its own
(its sentence, trigger and modality are evidence); ``Event.incident`` says which are one act, so
that the brief's timeline (and whatever counts occurrences) counts it once.

Two mentions are linked only on positive evidence, never because nothing tells them apart:

- **Within a sentence**, a mention that the other's clause governs through a preposition or an
  adverbial clause ("died in an explosion", "killed during an ambush", "killed fighting Isis"):
  the death and its manner are one act.
- **Across sentences**, an anaphoric re-mention: a definite or demonstrative noun ("the attack",
  "this bombing", "the strike") refers back to the latest earlier incident it is compatible with.
  An indefinite or ordinal noun ("a second attack", "another strike", "new clashes") is a new one.
  Or the same day: two compatible mentions dated to the same day ("was shot dead on Monday night"
  ... "was killed by a sniper on Monday").

Compatible means: the same type family (ASSAULT and FIGHT are one family of violence; every other
type is its own), both factual (asserted or reported: a threatened attack is not the attack that
happened), and no conflict in what both name: actors, targets, place, date. A conflict on any one
keeps them apart ("the Russian strike" is not the earlier American one).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from spacy.tokens import Doc, Token

from newsint.model import Event

# ASSAULT and FIGHT are coded from the same words read two ways ("the bomber struck", "clashes"):
# one act of violence may be a mention of each.
TYPE_FAMILIES = {"ASSAULT": "violence", "FIGHT": "violence"}

FACTUAL_MODALITIES = frozenset(("asserted", "reported"))

# Determiners that point back at something already told ("the attack", "this strike").
ANAPHORIC_DETERMINERS = frozenset(("the", "this", "that", "these", "those"))
# Words that make a noun a further occurrence, not a re-mention ("a second attack", "new clashes").
NEW_OCCURRENCE_WORDS = frozenset((
    "another", "second", "third", "fourth", "fifth", "new", "further", "fresh", "latest", "next", "other",
    "previous", "earlier", "first", "separate", "subsequent", "later", "renewed", "similar",
))  # fmt: skip

# How a mention governs another of the same act in its sentence: "died in an explosion" (prep),
# "killed fighting Isis" / "killed when the bomb exploded" (adverbial clause).
MANNER_DEPS = frozenset(("prep", "pobj", "pcomp", "advcl", "agent"))


def link_incidents(doc: Doc, events: list[Event]) -> list[Event]:
    """The events with ``incident`` ids (``I1``, ``I2``… in order of first mention), as new records."""
    tokens = [_trigger_token(doc, event) for event in events]
    incident_of: list[int] = []  # per event, the index of its incident's first event
    for index in range(len(events)):
        incident_of.append(_antecedent(index, events, tokens, incident_of))
    numbers: dict[int, int] = {}
    linked = []
    for event, first in zip(events, incident_of, strict=True):
        number = numbers.setdefault(first, len(numbers) + 1)
        linked.append(dataclasses.replace(event, incident=f"I{number}"))
    return linked


def _antecedent(index: int, events: list[Event], tokens: list[Token | None], incident_of: list[int]) -> int:
    """The first event of the incident that ``events[index]`` re-mentions; its own index if none."""
    event, token = events[index], tokens[index]
    if token is None or event.modality not in FACTUAL_MODALITIES:
        return index
    for earlier in reversed(range(index)):
        other, other_token = events[earlier], tokens[earlier]
        if other_token is None or not _compatible(event, other):
            continue
        same_sentence = other.sentence.start == event.sentence.start
        if same_sentence and _manner_of(token, other_token):
            return incident_of[earlier]
        if not same_sentence and (_anaphoric(token) or _same_day(event, other)):
            # Compatible with every mention of that incident, not only the nearest one.
            members = [events[i] for i in range(earlier + 1) if incident_of[i] == incident_of[earlier]]
            if all(_compatible(event, member) for member in members):
                return incident_of[earlier]
    return index


def _trigger_token(doc: Doc, event: Event) -> Token | None:
    if event.trigger is None:
        return None
    span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _family(event_type: str) -> str:
    return TYPE_FAMILIES.get(event_type, event_type)


def _compatible(one: Event, other: Event) -> bool:
    if _family(one.type) != _family(other.type) or other.modality not in FACTUAL_MODALITIES:
        return False
    if _conflict(_codes(p.actor for p in one.actors), _codes(p.actor for p in other.actors)):
        return False
    if _conflict(_codes(p.actor for p in one.targets), _codes(p.actor for p in other.targets)):
        return False
    here, there = one.location, other.location
    if here is not None and there is not None and here.entity and there.entity and here.entity != there.entity:
        return False
    return not _dates_conflict(one, other)


def _codes(actors: Iterable[str | None]) -> set[str]:
    # The country or organisation, not the sector: "USA MIL" and "USA GOV" name the same side, and
    # a mention coded without a sector ("USA") is not a different one.
    return {actor.split()[0] for actor in actors if actor}


def _conflict(one: set[str], other: set[str]) -> bool:
    return bool(one) and bool(other) and not one & other


def _dates_conflict(one: Event, other: Event) -> bool:
    if not one.start or not other.start:
        return False
    # Dates of different precision compare on what both state ("2018-03" holds "2018-03-29").
    width = min(len(one.start), len(other.start))
    return one.start[:width] != other.start[:width]


def _same_day(one: Event, other: Event) -> bool:
    """Both dated to the same day: two violent deaths told on one day of one place-free report
    are one act far more often than two (a date to the day is rare and specific)."""
    return bool(one.start) and one.start == other.start and one.precision == other.precision == "day"


def _anaphoric(noun: Token) -> bool:
    """ "the attack", "this bombing": a definite noun that no word marks as a further occurrence."""
    if noun.pos_ not in {"NOUN", "PROPN"}:
        return False
    determiners = {c.lower_ for c in noun.children if c.dep_ in {"det", "predet"}}
    modifiers = {c.lower_ for c in noun.children if c.dep_ in {"amod", "nummod", "det", "predet", "advmod"}}
    return bool(determiners & ANAPHORIC_DETERMINERS) and not modifiers & NEW_OCCURRENCE_WORDS


def _manner_of(one: Token, other: Token) -> bool:
    """One trigger tells how the other happened: it hangs off the other's word through a
    preposition or an adverbial clause ("died in an explosion", "killed fighting Isis")."""
    return _governs(one, other) or _governs(other, one)


def _governs(head: Token, dependent: Token) -> bool:
    node = dependent
    while node.head.i != node.i:
        if node.dep_ not in MANNER_DEPS:
            return False
        node = node.head
        if node.i == head.i:
            return True
    return False
