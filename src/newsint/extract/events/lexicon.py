"""The PLOVER lexicon: event types, their trigger verbs, nouns and adjectives, modes and constraints."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

from newsint.model import Modality

# Cooperative and conflictual PLOVER types: a future cooperative act is an AGREE (the manual:
# "all cooperative actions reported in future tense are taken to imply intentions"); a
# conflictual act promised on a condition ("will boycott unless ...") is a THREATEN.
COOPERATIVE = {"CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"}

CONFLICTUAL = {"SANCTION", "COERCE", "ASSAULT", "FIGHT", "MOBILIZE", "REJECT", "PROTEST"}


@dataclass(frozen=True, slots=True)
class EventType:
    name: str
    verbs: frozenset[str]
    nouns: frozenset[str]
    frame: Modality | None
    modes: dict[str, frozenset[str]]
    military: bool
    requires_object: frozenset[str]
    object_nouns: frozenset[str]
    requires_to: frozenset[str]
    joint_only: frozenset[str]
    non_state: bool
    adjectives: frozenset[str]
    weapons: frozenset[str]


@dataclass(frozen=True, slots=True)
class Lexicon:
    types: dict[str, EventType]
    verbs: dict[str, tuple[str, ...]]  # lemma -> types: object-constrained readings first, then file order
    nouns: dict[str, tuple[str, ...]]
    adjectives: dict[str, str]
    aliases: dict[str, str]
    # The words a token must be to start a trigger: a verb's lemma ("pull" of "pull out"), a
    # noun's head ("game" of "war game"). A token that is neither is skipped before its children
    # are read (the trigger scan is the stage's hot loop).
    verb_heads: frozenset[str]
    noun_heads: frozenset[str]


@cache
def lexicon() -> Lexicon:
    """The PLOVER lexicon shipped as ``extract/data/plover.yaml``, parsed once."""
    text = resources.files("newsint.extract").joinpath("data/plover.yaml").read_text("utf-8")
    raw = yaml.safe_load(text)
    types: dict[str, EventType] = {}
    verbs: dict[str, list[str]] = {}
    nouns: dict[str, list[str]] = {}
    adjectives: dict[str, str] = {}
    for name, spec in raw["types"].items():
        types[name] = EventType(
            name=name,
            verbs=frozenset(spec.get("verbs", [])),
            nouns=frozenset(spec.get("nouns", [])),
            frame=spec.get("frame"),
            modes={mode: frozenset(words) for mode, words in (spec.get("modes") or {}).items()},
            military=bool(spec.get("military")),
            requires_object=frozenset(spec.get("requires_object", [])),
            object_nouns=frozenset(spec.get("object_nouns", [])),
            requires_to=frozenset(spec.get("requires_to", [])),
            joint_only=frozenset(spec.get("joint_only", [])),
            non_state=bool(spec.get("non_state")),
            adjectives=frozenset(spec.get("adjectives", [])),
            weapons=frozenset(spec.get("weapons", [])),
        )
        for lemma in spec.get("verbs", []):
            verbs.setdefault(lemma, []).append(name)
        for lemma in spec.get("nouns", []):
            nouns.setdefault(lemma, []).append(name)
        for lemma in spec.get("adjectives", []):
            adjectives.setdefault(lemma, name)

    def specific_first(lemma: str, names: list[str]) -> tuple[str, ...]:
        # "block the road" is a protest, "block the resolution" a rejection: a reading that
        # needs a particular object is tried before the general one.
        return tuple(sorted(names, key=lambda n: lemma not in types[n].requires_object))

    return Lexicon(
        types,
        {k: specific_first(k, v) for k, v in verbs.items()},
        {k: tuple(v) for k, v in nouns.items()},
        adjectives,
        dict(raw.get("aliases") or {}),
        frozenset(lemma.split()[0] for lemma in verbs),
        frozenset(lemma.split()[-1] for lemma in nouns),
    )
