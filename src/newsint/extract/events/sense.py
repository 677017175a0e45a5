"""Is this trigger word used in its eventive sense? Figurative and idiomatic uses, states, claims
and descriptions are not events (ANNOTATE.md: "figurative uses", "states", "reporting verbs of
claims"); each rule names the reading it rejects.

``not_an_event(trigger, found)`` returns the reason a trigger is no event, or None. ``found`` holds
the sentence's other triggers by token index (a noun that is another trigger's subject may be
that event's participant, not an event of its own).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol

from spacy.tokens import Token

from newsint.extract.events.grammar import OBJECT_DEPS, SUBJECT_DEPS

# "denied involvement in the attack", "denies any links to the PKK", "denied that it had ...":
# rejecting an accusation is a claim about the past, not the refusal of a proposal.
DENIAL_OBJECTS = frozenset((
    "involvement", "responsibility", "link", "tie", "connection", "role", "allegation", "accusation",
    "claim", "report", "charge", "knowledge", "wrongdoing", "part", "presence", "existence", "use",
))  # fmt: skip
DENIAL_VERBS = frozenset(("deny",))

# What is "released", "shared" or "returned" when it is information, not a person or a thing
# that changes hands ("no further details have been released", "sharing Facebook posts").
INFORMATION_NOUNS = frozenset((
    "detail", "information", "name", "figure", "statement", "report", "footage", "video", "image",
    "photo", "photograph", "picture", "post", "data", "result", "document", "record", "list", "book",
    "album", "song", "film", "message", "letter", "transcript", "finding", "number", "identity",
))  # fmt: skip
INFORMATION_VERBS = frozenset(("release", "share", "publish", "issue", "return"))

# A noun of conflict used of a mood or a relationship ("hostility to Trump's policies"): only its
# plural names fighting ("hostilities resumed").
PLURAL_ONLY_NOUNS = frozenset(("hostility",))

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

# Present-tense passive auxiliaries: "weapons that are banned" describes a state.
PRESENT_PASSIVE_AUX = frozenset(("is", "are", "'s", "'re", "am"))


class _Trigger(Protocol):
    token: Token
    type: str
    nominal: bool


def not_an_event(trigger: _Trigger, found: Mapping[int, _Trigger]) -> str | None:
    token = trigger.token
    lemma = token.lemma_.lower()
    if _hyphenated_modifier(token):
        return "a hyphenated modifier ('US-backed forces') describes, it does not report"
    if trigger.type == "AGREE" and token.pos_ == "ADJ" and _frames_conflict(token, found):
        return "'willing to fight': a readiness for conflict is neither an agreement nor a threat"
    if trigger.nominal:
        return _nominal_reason(token, lemma, trigger, found)
    objects = {c.lemma_.lower() for c in token.children if c.dep_ in OBJECT_DEPS | {"nsubjpass"}}
    if lemma in DENIAL_VERBS and (objects & DENIAL_OBJECTS or any(c.dep_ == "ccomp" for c in token.children)):
        return "a denial of an accusation is a claim"
    if lemma in INFORMATION_VERBS and objects & INFORMATION_NOUNS:
        return "information released or shared is no event"
    if lemma == "meet" and _passive(token) and any(c.dep_ == "prep" and c.lower_ == "with" for c in token.children):
        return "'was met with anger': a reception, not a meeting"
    if lemma == "demonstrate" and (objects or any(c.dep_ in {"ccomp", "xcomp"} for c in token.children)
                                   or _subject_is_event(token, found)):  # fmt: skip
        return "'demonstrated that/its resolve', 'as the clashes demonstrated': showing, not protesting"
    if _present_state_passive(token):
        return "a present passive with no agent ('weapons that are banned') is a state"
    if lemma in TAKING_VERBS and objects and objects <= ABSTRACT_OBJECTS:
        return "'capture the public mood': no ground is taken"
    if lemma in PARTY_VERBS and not any(c.dep_ == "prep" and c.lower_ == "with" for c in token.children):
        return "'sat down to breakfast': a meeting needs a party"
    return None


def _frames_conflict(adjective: Token, found: Mapping[int, _Trigger]) -> bool:
    conflictual = {"FIGHT", "ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "THREATEN", "PROTEST"}
    return any(c.dep_ == "xcomp" and c.i in found and found[c.i].type in conflictual for c in adjective.children)


def _nominal_reason(token: Token, lemma: str, trigger: _Trigger, found: Mapping[int, _Trigger]) -> str | None:
    if lemma in PLURAL_ONLY_NOUNS and token.tag_ != "NNS":
        return "'hostility' in the singular is a mood"
    if trigger.type == "STATEMENT" and token.head.dep_ == "prep" and token.head.lower_ in CLAIM_FRAME_PREPOSITIONS:
        return "'in a statement': the frame of a claim"
    head = found.get(token.head.i)
    if head is not None and not head.nominal and _same_kind(head.type, trigger.type) and token.dep_ in SUBJECT_DEPS:
        return "the subject of a verb of its kind ('protesters demonstrated', 'the attack killed five') is that event"
    return None


# One act of violence told by a noun and a verb ("the attack killed five"): one event.
VIOLENCE_TYPES = frozenset(("ASSAULT", "FIGHT"))


def _same_kind(one: str, other: str) -> bool:
    return one == other or (one in VIOLENCE_TYPES and other in VIOLENCE_TYPES)


def _passive(verb: Token) -> bool:
    return any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children)


def _subject_is_event(verb: Token, found: Mapping[int, _Trigger]) -> bool:
    """ "as the clashes demonstrated": an act shows something; "protesters" (a PROTEST noun that
    names people) demonstrate."""
    return any(c.dep_ in SUBJECT_DEPS and c.i in found and found[c.i].nominal and found[c.i].type != "PROTEST"
               for c in verb.children)  # fmt: skip


def _hyphenated_modifier(token: Token) -> bool:
    doc = token.doc
    return (token.i > 0 and doc[token.i - 1].text in HYPHENS and token.dep_ in {"amod", "compound", "nmod"}
            and token.head.i > token.i)  # fmt: skip


def _present_state_passive(verb: Token) -> bool:
    auxes = [c for c in verb.children if c.dep_ == "auxpass"]
    if not auxes or any(a.lower_ not in PRESENT_PASSIVE_AUX for a in auxes):
        return False
    if any(c.dep_ in {"aux", "agent"} for c in verb.children):
        return False  # "is being shelled", "has been banned", "is banned by the court": an act
    return verb.dep_ in {"relcl", "acl"}  # in a description of a noun: "weapons that are banned"
