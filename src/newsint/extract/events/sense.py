"""Is this trigger word used in its eventive sense? Figurative and idiomatic uses, states, claims
and descriptions are not events (ANNOTATE.md: "figurative uses", "states", "reporting verbs of
claims"); each rule names the reading it rejects.

``not_an_event(trigger, found)`` returns the reason a trigger is no event, or None. ``found`` holds
the sentence's other triggers by token index (a noun that is another trigger's subject may be
that event's participant, not an event of its own).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Protocol

from spacy.tokens import Token

from newsint.extract.events.grammar import OBJECT_DEPS

# "denied involvement in the attack", "denies any links to the PKK", "denied that it had ...":
# rejecting an accusation is a claim about the past, not the refusal of a proposal.
DENIAL_OBJECTS = frozenset((
    "involvement", "responsibility", "link", "tie", "connection", "role", "allegation", "accusation",
    "claim", "report", "charge", "knowledge", "wrongdoing", "part", "presence", "existence", "use",
))  # fmt: skip
DENIAL_VERBS = frozenset(("deny",))

# Nouns that frame a claim ("in a statement given to the Guardian"): the claim is the news.
CLAIM_FRAME_PREPOSITIONS = frozenset(("in",))

HYPHENS = frozenset(("-", "‐", "‑"))

# Objects of a taking of ground that are not ground: "capture the public mood".
TAKING_VERBS = frozenset(("capture", "recapture", "seize", "overrun", "storm", "occupy"))
ABSTRACT_OBJECTS = frozenset((
    "mood", "imagination", "attention", "moment", "essence", "spirit", "heart", "mind", "headline", "market",
    "momentum", "initiative", "opportunity", "chance", "vote", "seat", "title", "image", "feeling", "sense",
    "zeitgeist", "audience", "interest", "support", "public", "agenda", "debate", "narrative", "power",
))  # fmt: skip
# Phrasal meetings that need a party: "sat down with the rebels", not "sat down to breakfast".
PARTY_VERBS = frozenset(("sit",))


class _Trigger(Protocol):
    token: Token
    type: str
    nominal: bool


def not_an_event(trigger: _Trigger, found: Mapping[int, _Trigger]) -> str | None:
    """The reason of the first rule of ``SENSE_RULES`` that rejects ``trigger``, or None."""
    for reason, rejects in SENSE_RULES:
        if rejects(trigger, found):
            return reason
    return None


def _objects(token: Token) -> set[str]:
    return {c.lemma_.lower() for c in token.children if c.dep_ in OBJECT_DEPS | {"nsubjpass"}}


def _is_hyphenated_modifier(trigger: _Trigger, found: Mapping[int, _Trigger]) -> bool:
    return _hyphenated_modifier(trigger.token)


def _is_readiness_for_conflict(trigger: _Trigger, found: Mapping[int, _Trigger]) -> bool:
    return trigger.type == "AGREE" and trigger.token.pos_ == "ADJ" and _frames_conflict(trigger.token, found)


def _is_denial(trigger: _Trigger, found: Mapping[int, _Trigger]) -> bool:
    token = trigger.token
    return (not trigger.nominal and token.lemma_.lower() in DENIAL_VERBS
            and bool(_objects(token) & DENIAL_OBJECTS or any(c.dep_ == "ccomp" for c in token.children)))  # fmt: skip


def _is_reception(trigger: _Trigger, found: Mapping[int, _Trigger]) -> bool:
    token = trigger.token
    return (not trigger.nominal and token.lemma_.lower() == "meet" and _passive(token)
            and any(c.dep_ == "prep" and c.lower_ == "with" for c in token.children))  # fmt: skip


def _is_abstract_taking(trigger: _Trigger, found: Mapping[int, _Trigger]) -> bool:
    token = trigger.token
    objects = _objects(token)
    return (not trigger.nominal and token.lemma_.lower() in TAKING_VERBS
            and bool(objects) and objects <= ABSTRACT_OBJECTS)  # fmt: skip


def _is_partyless_sitting(trigger: _Trigger, found: Mapping[int, _Trigger]) -> bool:
    token = trigger.token
    return (not trigger.nominal and token.lemma_.lower() in PARTY_VERBS
            and not any(c.dep_ == "prep" and c.lower_ == "with" for c in token.children))  # fmt: skip


def _is_claim_frame(trigger: _Trigger, found: Mapping[int, _Trigger]) -> bool:
    token = trigger.token
    return (trigger.nominal and trigger.type == "STATEMENT" and token.head.dep_ == "prep"
            and token.head.lower_ in CLAIM_FRAME_PREPOSITIONS)  # fmt: skip


# Each rule: the reading it rejects, and the test. Checked in order; the first that holds wins.
SENSE_RULES: tuple[tuple[str, Callable[[_Trigger, Mapping[int, _Trigger]], bool]], ...] = (
    ("a hyphenated modifier ('US-backed forces') describes, it does not report", _is_hyphenated_modifier),
    ("'willing to fight': a readiness for conflict is neither an agreement nor a threat", _is_readiness_for_conflict),
    ("a denial of an accusation is a claim", _is_denial),
    ("'was met with anger': a reception, not a meeting", _is_reception),
    ("'capture the public mood': no ground is taken", _is_abstract_taking),
    ("'sat down to breakfast': a meeting needs a party", _is_partyless_sitting),
    ("'in a statement': the frame of a claim", _is_claim_frame),
)


def _frames_conflict(adjective: Token, found: Mapping[int, _Trigger]) -> bool:
    conflictual = {"FIGHT", "ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "THREATEN", "PROTEST"}
    return any(c.dep_ == "xcomp" and c.i in found and found[c.i].type in conflictual for c in adjective.children)


# The two types of an act of violence (one act may be told by a word of each).
VIOLENCE_TYPES = frozenset(("ASSAULT", "FIGHT"))


def _passive(verb: Token) -> bool:
    return any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children)


def _hyphenated_modifier(token: Token) -> bool:
    doc = token.doc
    return (token.i > 0 and doc[token.i - 1].text in HYPHENS and token.dep_ in {"amod", "compound", "nmod"}
            and token.head.i > token.i)  # fmt: skip
