"""Triggers: the words that name an event, their PLOVER type and mode, and the frames that embed them."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Span, Token

from newsint.extract.entities.actors import GROUP_SECTORS
from newsint.extract.events.grammar import OBJECT_DEPS, SUBJECT_DEPS
from newsint.extract.events.lexicon import CONFLICTUAL, EventType, Lexicon
from newsint.extract.events.sense import not_an_event
from newsint.kb.knowledge import knowledge_base
from newsint.model import Modality

# Verbs that never carry an event of their own but pass their subject to a trigger noun object.
LIGHT_VERBS = {"launch", "hold", "conduct", "carry", "stage", "impose", "reach", "make", "issue", "mount",
               "complete", "undertake", "open",
               "begin", "start", "continue", "resume", "take", "wage", "unleash", "fire"}  # fmt: skip

# Nouns of a warning's repercussions that make it a threat ("warned of retaliation").
REPERCUSSION_NOUNS = {"consequence", "retaliation", "reprisal", "response", "punishment", "price", "action"}
# Weapons whose coming a warning announces ("warned that missiles will be coming").
ARMS_NOUNS = {"missile", "rocket", "bomb", "warplane", "jet", "drone", "tank", "warship"}
# Subjects of a warning's clause that are the warner's own side ("Turkey has warned it will not stand by").
WARNER_PRONOUNS = {"it", "we", "they", "i", "he", "she"}

# Heads that let their modifier name the event ("a mediation effort").
GENERIC_EVENT_HEADS = {"effort", "mission", "process", "campaign", "initiative", "bid", "drive"}

# Verbs of saying whose "must" complement is a demand.
SAY_VERBS = {"say", "insist", "tell", "state", "declare", "stress", "announce", "warn", "write", "add"}


@dataclass(slots=True)
class Trigger:
    token: Token
    type: str
    nominal: bool
    frame_modality: Modality | None = None  # set when embedded under a frame verb
    frame: Trigger | None = None


def find_triggers(sentence: Span, lex: Lexicon) -> Iterator[Trigger]:
    found: dict[int, Trigger] = {}
    for token in sentence:
        kind = _trigger_type(token, lex)
        if kind is not None:
            found[token.i] = Trigger(token, kind, nominal=token.pos_ not in {"VERB", "AUX", "ADJ"})
    # Frames: an embedded trigger under AGREE/DEMAND/REJECT/THREATEN did not happen (yet).
    for trigger in found.values():
        frame = lex.types[trigger.type].frame
        if frame is None or trigger.nominal:
            continue
        for child in _embedded(trigger.token):
            inner = found.get(child.i)
            if inner is not None and inner.frame is None:
                inner.frame, inner.frame_modality = trigger, frame
                if trigger.type == "AGREE" and inner.type in CONFLICTUAL:
                    # "have sworn to fight until ...": a commitment to conflict is a threat.
                    trigger.type, inner.frame_modality = "THREATEN", "hypothetical"
    # A trigger noun that is the object of another (non-frame) trigger verb is that event's
    # content ("announced the exercises"), not an event of its own.
    for trigger in list(found.values()):
        head = trigger.token.head
        if (
            trigger.nominal
            and trigger.frame is None
            and trigger.token.dep_ in OBJECT_DEPS
            and head.i in found
            and not found[head.i].nominal
            and not (found[head.i].type == "STATEMENT" and _indefinite(trigger.token))
        ):
            del found[trigger.token.i]
    # Figurative and idiomatic uses, states and the frames of claims are not events (sense.py).
    for index in [i for i, t in found.items() if not_an_event(t, found) is not None]:
        del found[index]
    yield from sorted(found.values(), key=lambda t: t.token.i)


def _indefinite(noun: Token) -> bool:
    """ "announced a suspension of air links" is news of its own; "announced the exercises" refers
    back to an event already told."""
    return not any(c.dep_ in {"det", "poss"} and c.lower_ not in {"a", "an"} for c in noun.children)


def _embedded(verb: Token) -> Iterator[Token]:
    """The actions a frame verb governs: complements, objects, "with"/"for"/"to" objects."""
    for child in verb.children:
        if child.dep_ in {"xcomp", "ccomp"}:
            yield child
            yield from (c for c in child.children if c.dep_ == "conj")
            yield from (c for c in child.children if c.dep_ in OBJECT_DEPS)
        elif child.dep_ in OBJECT_DEPS:
            yield child
        elif child.dep_ == "advcl" and any(
            c.lower_ in {"to", "for"} and c.dep_ in {"aux", "mark"} for c in child.children
        ):
            yield child  # "sworn to fight", "pushing hard for the US to support": parsed as adverbial
        elif child.dep_ == "prep" and child.lower_ in {"with", "for", "to", "on"}:
            yield from (c for c in child.children if c.dep_ in {"pobj", "pcomp"})


def _trigger_type(token: Token, lex: Lexicon) -> str | None:
    lemma = token.lemma_.lower()
    pos = token.pos_
    if pos == "NOUN" and lemma not in lex.noun_heads and lemma not in GENERIC_EVENT_HEADS:
        return None
    if pos == "VERB" and lemma not in lex.verb_heads and token.dep_ != "ccomp":
        return None  # no reading, and no "must" complement of a verb of saying (reported_obligation)
    if token.pos_ == "ADJ" and lemma in lex.adjectives and any(c.dep_ == "xcomp" for c in token.children):
        return lex.adjectives[lemma]  # "France is ready to contribute troops"
    if token.pos_ in {"VERB", "AUX"} and reported_obligation(token):
        return "DEMAND"  # "Russia said that Sudan must return the helicopter"
    if token.pos_ == "NOUN" and lemma in GENERIC_EVENT_HEADS:
        # "a mediation effort", "a mediation mission": the modifier names the event.
        inner = next((c.lemma_.lower() for c in token.children if c.dep_ == "compound"), None)
        if inner in lex.nouns:
            return _choose_noun_type(token, inner, lex.nouns[inner], lex)
    if token.pos_ == "VERB" and token.dep_ not in {"amod", "compound"}:
        particle = next((c.lower_ for c in token.children if c.dep_ == "prt"), None)
        candidates = lex.verbs.get(f"{lemma} {particle}") if particle else None
        if candidates is None:
            if lemma in LIGHT_VERBS and _object_trigger(token, lex):
                return None  # "launched counterstrikes": the noun is the event
            candidates = lex.verbs.get(lemma)
        if not candidates:
            return None
        return _choose_verb_type(token, lemma, candidates, lex)
    if token.pos_ == "NOUN" and token.dep_ != "compound":
        compound = next((c.lemma_.lower() for c in token.children if c.dep_ == "compound"), None)
        candidates = lex.nouns.get(f"{compound} {lemma}") if compound else None
        candidates = candidates or lex.nouns.get(lemma)
        if not candidates:
            return None
        return _choose_noun_type(token, lemma, candidates, lex)
    return None


def reported_obligation(verb: Token) -> bool:
    if verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in SAY_VERBS:
        return False
    return any(c.dep_ == "aux" and c.lower_ == "must" for c in verb.children)


def _object_trigger(verb: Token, lex: Lexicon) -> bool:
    return any(c.dep_ in OBJECT_DEPS and c.lemma_.lower() in lex.nouns for c in verb.children)


def object_lemmas(token: Token) -> set[str]:
    lemmas = set()
    for child in token.children:
        if child.dep_ in OBJECT_DEPS or child.dep_ == "nsubjpass":
            lemmas.add(child.lemma_.lower())
            for grandchild in child.children:
                if grandchild.dep_ in {"compound", "amod", "conj"}:
                    lemmas.add(grandchild.lemma_.lower())
                elif grandchild.dep_ == "prep" and grandchild.lower_ == "of":  # "tons of food aid"
                    lemmas.update(t.lemma_.lower() for t in grandchild.subtree)
        if child.dep_ == "prep":
            lemmas.update(c.lemma_.lower() for c in child.children if c.dep_ == "pobj")
    return lemmas


def _choose_verb_type(token: Token, lemma: str, candidates: tuple[str, ...], lex: Lexicon) -> str | None:
    objects = object_lemmas(token)
    for name in candidates:
        kind = lex.types[name]
        if lemma in kind.requires_object and not (objects & kind.object_nouns):
            continue
        if lemma in kind.requires_to and not _governs_to(token):
            continue
        if name == "THREATEN" and lemma == "warn" and not _coercive_warning(token, lex):
            return "STATEMENT"  # "UN agencies warned that world hunger was rising": a warning of a risk
        if name == "DEMAND" and lemma == "insist" and _insists_on_a_fact(token):
            return "STATEMENT"  # "Russia has long insisted it was staged by rebels": a claim
        if name == "DEMAND" and lemma in {"call", "ask", "press", "push"} and not _demand_call(token):
            continue
        if name == "PROTEST" and lemma == "protest" and _state_subject(token):
            return "DISAPPROVE"  # a government "protests": verbal disapproval, not a demonstration
        explosives = lex.types["ASSAULT"].modes.get("explosives", frozenset())
        if name == "ASSAULT" and _weapon_context(token, lex.types["FIGHT"].weapons, explosives):
            return "FIGHT"  # "aircraft killed 46 civilians": conventional military force
        if name == "ASSAULT" and _killed_in_combat(token):
            return "FIGHT"  # "killed fighting Isis", "killed in action": a death in battle
        return name
    return None


# What a death in battle is said to happen in ("killed in action", "killed in clashes with").
COMBAT_NOUNS = {"action", "battle", "clash", "fighting", "combat", "firefight", "skirmish", "offensive", "war",
                "crossfire", "gunfight", "shootout"}  # fmt: skip
COMBAT_GERUNDS = {"fighting", "battling", "defending"}


def _killed_in_combat(verb: Token) -> bool:
    """ "were killed fighting Islamic State", "killed in action", "killed last week in clashes with US
    forces": a combatant's death in fighting is FIGHT, not one-sided violence."""
    for child in verb.children:
        if child.dep_ in {"advcl", "xcomp", "conj", "dobj"} and child.lower_ in COMBAT_GERUNDS:
            return True  # "killed fighting Isis" (the parser may read "fighting" as an object)
        if child.dep_ == "prep" and child.lower_ in {"in", "during"}:
            if any(c.dep_ == "pobj" and c.lemma_.lower() in COMBAT_NOUNS for c in child.children):
                return True
    return False


def _governs_to(verb: Token) -> bool:
    """ "committed to peace", "swore to fight", "committed troops to Afghanistan", "swore
    allegiance to Isis": a "to" under the verb, its to-clause or its object."""
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "to":
            return True
        if child.dep_ in {"xcomp", "advcl"} and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
            return True
        if child.dep_ == "dobj" and any(c.dep_ == "prep" and c.lower_ == "to" for c in child.children):
            return True
    return False


def _demand_call(token: Token) -> bool:
    """ "called for talks", "called on Iraq to", "asked him to leave": a demand, not a phone call."""
    for child in token.children:
        if child.dep_ == "ccomp" and _embedded_question(child):
            return False  # "asked whether", "asked why people still go hungry": a question
    return any(
        (c.dep_ == "prep" and c.lower_ in {"for", "on"})
        or c.dep_ in {"xcomp", "ccomp", "prt"}
        or (c.dep_ == "advcl" and any(m.lower_ == "for" for m in c.children))
        for c in token.children
    )


def _coercive_warning(verb: Token, lex: Lexicon) -> bool:
    """A warning is a threat (the PLOVER manual: "coercive or forceful warnings with serious
    potential repercussions") when it is addressed to a party ("warned Kurdish activists
    against staging protests", "warned the Syrian president not to attack"), when it announces
    the warner's own act ("Turkey has warned it will not stand by") or a conditional response
    ("warned that the US would respond if Assad used chemical weapons") or the act of an armed
    force ("warned that Turkish troops intended to advance"), or when it warns of an
    act of force ("warned of retaliation"). A warning of a risk ("aid agencies warned that 4.4
    million people have been affected", "warned of the dangers of a military clash") is not."""
    conflict_nouns = {n for name in (*CONFLICTUAL, "THREATEN") for n in lex.types[name].nouns}
    for child in verb.children:
        if child.dep_ in {"dobj", "dative", "xcomp"} or (child.dep_ == "prep" and child.lower_ == "against"):
            return True
        if child.dep_ == "prep" and child.lower_ == "of":
            acts = {c.lemma_.lower() for c in child.children if c.dep_ == "pobj"}
            if acts & (conflict_nouns | REPERCUSSION_NOUNS):
                return True
        if child.dep_ == "ccomp":
            subject = next((c for c in child.children if c.dep_ in SUBJECT_DEPS), None)
            if subject is not None and (subject.lower_ in WARNER_PRONOUNS or _armed(subject)):
                return True  # "warned that police will no longer tolerate rallies", "that missiles will be coming"
            if any(c.dep_ == "advcl" and any(m.lower_ in {"if", "unless"} for m in c.children) for c in child.children):
                return True
    return False


def _armed(noun: Token) -> bool:
    """Police, troops, forces, missiles: who or what carries out force."""
    return GROUP_SECTORS.get(noun.lower_) in {"MIL", "COP"} or noun.lemma_.lower() in ARMS_NOUNS


def _insists_on_a_fact(verb: Token) -> bool:
    """ "insisted their son is innocent", "insisted it would push the militants out": a claim;
    "insisted on funding the wall", "insisted he ask the question", "insisted that Assad's
    departure must be a precondition": a demand."""
    if any((c.dep_ == "prep" and c.lower_ in {"on", "upon"}) or c.dep_ == "xcomp" for c in verb.children):
        return False
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    if not clauses:
        return False
    for clause in clauses:
        auxes = {c.lower_ for c in clause.children if c.dep_ == "aux"}
        if auxes & {"must", "should", "shall"} or _subjunctive(clause, verb, auxes):
            return False  # an obligation, or a subjunctive ("insisted he ask", "insisting that X comply")
    return True


def _subjunctive(clause: Token, verb: Token, auxes: set[str]) -> bool:
    """A bare verb where the indicative would be marked: after a past tense ("insisted I fight
    again", not "fought") or with a singular subject ("insist that the administration comply")."""
    if auxes or clause.tag_ not in {"VB", "VBP"} or clause.lower_ != clause.lemma_.lower():
        return False
    subject = next((c for c in clause.children if c.dep_ in SUBJECT_DEPS), None)
    singular = subject is not None and (subject.tag_ in {"NN", "NNP"} or subject.lower_ in {"he", "she", "it"})
    return verb.tag_ in {"VBD", "VBN"} or singular


def _embedded_question(clause: Token) -> bool:
    """A clause that opens with "whether", "if" or a wh-word ("why", "how difficult", "what")."""
    first = next(iter(clause.subtree))
    return first.lower_ in {"whether", "if"} or first.tag_ in {"WRB", "WP", "WDT", "WP$"}


def _weapon_context(verb: Token, weapons: frozenset[str], explosives: frozenset[str]) -> bool:
    """Killed by aircraft, missiles, shelling: military force; a bomb stays one-sided assault."""
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS | {"agent"} or (child.dep_ == "prep" and child.lower_ in {"in", "with", "by"}):
            lemmas = {t.lemma_.lower() for t in child.subtree}
            if lemmas & explosives:
                return False
            if lemmas & weapons:
                return True
        if child.dep_ == "advcl" and child.lemma_.lower() == "use":
            return True
    return False


def _state_subject(token: Token) -> bool:
    subject = next((c for c in token.children if c.dep_ in SUBJECT_DEPS), None)
    return subject is not None and subject.ent_type_ in {"GPE"}


def _choose_noun_type(token: Token, lemma: str, candidates: tuple[str, ...], lex: Lexicon) -> str | None:
    for name in candidates:
        kind = lex.types[name]
        if lemma in kind.joint_only and not _joint(token):
            return "MOBILIZE"  # one side's exercise is a show of force, not cooperation
        if name == "PROTEST" and lemma == "strike" and not _labour_strike(token):
            continue
        return name
    return None


def _joint(noun: Token) -> bool:
    """ "joint exercises", "Russian-Belarusian exercises", "exercises with Belarus"."""
    modifiers = [c for c in noun.children if c.dep_ in {"amod", "compound"}]
    if any(m.lower_ in {"joint", "combined", "bilateral", "multilateral", "allied"} for m in modifiers):
        return True
    kb = knowledge_base()
    if sum(1 for m in modifiers if kb.adjective_country(m.text)) >= 2:
        return True
    return any(c.dep_ == "prep" and c.lower_ == "with" for c in noun.children)


def _labour_strike(noun: Token) -> bool:
    """A strike by workers (the sentence speaks of work, workers or unions), not a military one."""
    own = {c.lemma_.lower() for c in noun.children} | {noun.head.lemma_.lower()}
    if own & {"general", "hunger", "go", "nationwide", "national", "worker", "union"}:
        return True
    return bool({t.lemma_.lower() for t in noun.sent} & {"worker", "union", "teacher", "employee", "labour"})


def event_mode(token: Token, kind: EventType) -> str | None:
    words = {token.lemma_.lower()} | {c.lemma_.lower() for c in token.children}
    words |= object_lemmas(token)
    for child in token.children:
        if child.dep_ == "prt":
            words.add(f"{token.lemma_.lower()} {child.lower_}")
    for mode, cues in kind.modes.items():
        if words & cues:
            return mode
    return None
