"""Events: who did what to whom, where and when, typed in PLOVER, with a modality.

One pass over the parse the other stages already made (no second model):

- **Triggers.** A verb or a noun whose lemma the PLOVER lexicon (``extract/data/plover.yaml``,
  derived from the manual's definitions) lists under a type. Nominal events count ("the violent
  crackdown on opposition protests"). A verb whose object is itself a trigger noun is a light
  verb ("launched counterstrikes", "imposed sanctions"): the noun is the event and the verb lends
  it its subject.
- **Frames.** AGREE, DEMAND, REJECT and THREATEN govern an embedded action ("agreed to set up",
  "threatening Minsk with new sanctions"): the embedded action is an event of its own that did
  not happen (yet): future under AGREE, hypothetical under the others.
- **Participants.** Actors from the subject (the antecedent of "who", conjuncts included), the
  "by" agent, a possessive or nationality adjectives on a nominal trigger ("Russian strikes");
  targets from the object and party prepositions ("against", "on", "with", "to"). Codes come
  from the entity stage (mentions carry metonymy, groups named by nationality carry their
  sector); a state named as the agent of a military event acts through its military (MIL), of
  any other event through its government (GOV). A bare "the regime" stands for the government
  last named within a few sentences.
- **Place and time.** Location and origin from place prepositions ("to", "in", "near" /
  "from"), or from the place a relative "where" refers to; a border resolves to the side that
  the paragraph names on its own. Start and end come from the time expressions that govern the
  trigger's clause (not those of a nested clause with its own verb).
- **Modality.** negated > conditional > hypothetical > reported > future > asserted: an event is
  asserted only when the author states that it happened or is happening.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

import yaml
from spacy.tokens import Doc, Span, Token

from newsint.extract.actors import GROUP_SECTORS
from newsint.kb import actors as actor_kb
from newsint.kb.countries import lookup_country
from newsint.kb.knowledge import knowledge_base
from newsint.model import (
    Claim,
    Entity,
    Event,
    Location,
    Mention,
    Modality,
    Participant,
    SentenceSpan,
    TimeExpression,
)
from newsint.nlp.text import doc_text

# Dependencies that lead from a phrase's head into the phrase itself (not into a nested clause).
PHRASE_DEPS = {"compound", "amod", "poss", "prep", "pobj", "nmod", "appos", "det", "nummod", "flat", "case"}
SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
OBJECT_DEPS = {"dobj", "dative", "attr", "oprd"}
CLAUSE_DEPS = {"advcl", "ccomp", "xcomp", "relcl", "acl", "csubj", "conj", "pcomp", "parataxis"}
# Prepositions whose object is a party to the event ("strikes against Ukraine", "talks with Minsk").
PARTY_PREPOSITIONS = {
    "against",
    "on",
    "with",
    "to",
    "toward",
    "towards",
    "at",
    "upon",
    "into",
    "for",
    "over",
    "between",
    "among",
}
LOCATION_PREPOSITIONS = {"in", "into", "to", "near", "at", "across", "inside", "along", "towards", "toward", "on"}
ORIGIN_PREPOSITIONS = {"from"}
RELATIVE_PRONOUNS = {"who", "that", "which"}
NEGATIONS = {"not", "n't", "never", "no"}
HYPOTHETICAL_AUX = {"would", "could", "might", "may", "should", "'d"}
FUTURE_AUX = {"will", "shall", "'ll"}
CONDITION_MARKS = {"if", "unless"}
# Nouns whose that-clause describes a possibility, not a fact ("in the eventuality that ...").
POSSIBILITY_NOUNS = {"eventuality", "event", "case", "scenario", "possibility", "prospect", "risk", "danger", "fear"}
# Verbs of intention whose complement has not happened yet ("plans to deploy").
INTENTION_VERBS = {"plan", "intend", "prepare", "aim", "seek", "want", "hope", "expect", "try", "decide"}
# Verbs whose complement the author presents as untrue ("pretending to have initiated").
PRETENCE_VERBS = {"pretend", "feign", "imagine", "suppose"}
# Verbs that never carry an event of their own but pass their subject to a trigger noun object.
LIGHT_VERBS = {"launch", "hold", "conduct", "carry", "stage", "impose", "reach", "make", "issue", "mount",
               "complete", "undertake", "open",
               "begin", "start", "continue", "resume", "take", "wage", "unleash", "fire"}  # fmt: skip
# Singular role words and the sector they give a title ("Russian President Boris Yeltsin").
ROLE_SECTORS = {
    "president": "GOV", "minister": "GOV", "premier": "GOV", "leader": "GOV", "official": "GOV", "emir": "GOV",
    "king": "GOV", "chancellor": "GOV", "secretary": "GOV", "spokesman": "GOV", "spokeswoman": "GOV",
    "ambassador": "GOV", "diplomat": "GOV", "envoy": "GOV", "government": "GOV", "ministry": "GOV",
    "authority": "GOV", "court": "JUD", "judge": "JUD", "parliament": "LEG", "lawmaker": "LEG", "army": "MIL",
    "military": "MIL", "troop": "MIL", "soldier": "MIL", "force": "MIL", "general": "MIL", "police": "COP",
    "rebel": "REB", "guerrilla": "REB", "militant": "REB", "insurgent": "REB", "newspaper": "MED",
    "union": "LAB", "worker": "LAB", "farmer": "AGR", "student": "EDU", "party": "PTY", "opposition": "OPP",
    "demonstrator": "OPP", "protester": "OPP", "people": "CVL", "prisoner": "CVL", "resident": "CVL",
}  # fmt: skip
# Heads that let their modifier name the event ("a mediation effort").
# Nouns of asking: an answer to one ("rejected calls by", "accepted demands from") targets the asker.
REQUEST_NOUNS = {"demand", "call", "request", "appeal", "invitation", "offer", "proposal", "plea", "ultimatum", "bid"}
# Nouns of a stance taken "in" an act ("in defiance of", "in protest at"): their object is a party.
STANCE_NOUNS = {"defiance", "protest", "opposition", "retaliation", "revenge", "solidarity"}
GENERIC_EVENT_HEADS = {"effort", "mission", "process", "campaign", "initiative", "bid", "drive"}
# Verbs of saying whose "must" complement is a demand.
SAY_VERBS = {"say", "insist", "tell", "state", "declare", "stress", "announce", "warn", "write", "add"}
# Cooperative and conflictual PLOVER types: a future cooperative act is an AGREE (the manual:
# "all cooperative actions reported in future tense are taken to imply intentions"); a
# conflictual act promised on a condition ("will boycott unless ...") is a THREATEN.
COOPERATIVE = {"CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"}
CONFLICTUAL = {"SANCTION", "COERCE", "ASSAULT", "FIGHT", "MOBILIZE", "REJECT", "PROTEST"}
# Bare group nouns that stand for the government last named ("the regime's crackdown").
GOVERNMENT_NOUNS = {"regime", "government", "authorities", "administration", "leadership", "junta"}
# How far back (in sentences) a bare "the regime" looks for the government it stands for.
GOVERNMENT_WINDOW_SENTENCES = 3
MILITARY_SECTOR, GOVERNMENT_SECTOR = "MIL", "GOV"
STATE_SECTORS = {"GOV", "MIL", "LEG", "JUD", "COP"}


# --------------------------------------------------------------------------------------------
# The lexicon


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
    )


# --------------------------------------------------------------------------------------------
# Entity mentions by token


@dataclass(slots=True)
class _MentionRef:
    entity: Entity
    mention: Mention

    @property
    def actor(self) -> str | None:
        if self.mention.actor or self.entity.actor:
            return self.mention.actor or self.entity.actor
        # Only a body the KB does not know: one it knows and leaves uncoded (an NGO) stays so.
        return None if self.entity.kb_id else _named_actor(self.entity.type, self.entity.name)

    @property
    def person_actor(self) -> str | None:
        """A known person's actor code when every office the knowledge base lists for them gives
        the same one (without a date the office held cannot be chosen otherwise)."""
        kb_id = self.entity.kb_id or ""
        if self.entity.type != "PERSON" or not kb_id.startswith("person:"):
            return None
        who = actor_kb.person(kb_id.split(":", 1)[1])
        codes = {role.actor for role in who.roles} if who else set()
        return codes.pop() if len(codes) == 1 else None

    @property
    def country(self) -> str | None:
        """The country of a place mention used as a party ("to Tokyo" -> JPN)."""
        kb_id = self.entity.kb_id or ""
        if kb_id.startswith("country:"):
            return kb_id.split(":", 1)[1]
        within = self.entity.attributes.get("within")
        return within if isinstance(within, str) and len(within) == 3 else None


@cache
def _named_actor(entity_type: str, name: str) -> str | None:
    """An organisation the knowledge base does not know whose own name says whose it is: one
    country by name or demonym and a sector from a role word ("Serbian Workers' Union" -> SRB LAB,
    "Lithuanian Parliament" -> LTU LEG); None otherwise."""
    if entity_type != "ORG":
        return None
    words = [w.strip("'’()") for w in name.split()]
    kb = knowledge_base()
    if len(words) < 2 or kb.adjective_country(words[-1]) or lookup_country(words[-1]):
        return None  # a name is headed by what the body is, not a demonym ("Radical French": a misparse)
    countries: set[str] = set()
    sector = None
    for i, word in enumerate(words):
        if not word[:1].isupper():
            sector = sector or ROLE_SECTORS.get(word.lower()) or ROLE_SECTORS.get(word.lower().rstrip("s"))
            continue
        for phrase in (" ".join(words[i : i + 2]), word):  # "Sri Lanka" before "Sri"
            found = lookup_country(phrase)
            code = found[0].iso3 if len(found) == 1 else kb.adjective_country(phrase)
            if code:
                countries.add(code)
                break
        lower = word.lower()
        sector = sector or ROLE_SECTORS.get(lower) or GROUP_SECTORS.get(lower) or ROLE_SECTORS.get(lower.rstrip("s"))
    if len(countries) != 1 or sector is None:
        return None  # without a role word ("Norwegian Refugee Council") the body may be no state's
    return f"{countries.pop()} {sector}"


@dataclass(slots=True)
class _Index:
    doc: Doc
    by_token: dict[int, _MentionRef] = field(default_factory=dict)
    sentence_of: dict[int, int] = field(default_factory=dict)

    @classmethod
    def build(cls, doc: Doc, entities: Iterable[Entity]) -> _Index:
        index = cls(doc)
        for entity in entities:
            for mention in entity.mentions:
                span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
                if span is None:
                    continue
                for token in span:
                    # A longer mention wins over a shorter one inside it ("Niger" in "Mali-Niger border").
                    held = index.by_token.get(token.i)
                    if held is None or len(held.mention.text) < len(mention.text):
                        index.by_token[token.i] = _MentionRef(entity, mention)
        for number, sentence in enumerate(doc.sents):
            for token in sentence:
                index.sentence_of[token.i] = number
        return index

    def at(self, token: Token) -> _MentionRef | None:
        return self.by_token.get(token.i)


# --------------------------------------------------------------------------------------------
# The extractor


@dataclass(slots=True)
class _Trigger:
    token: Token
    type: str
    nominal: bool
    frame_modality: Modality | None = None  # set when embedded under a frame verb
    frame: _Trigger | None = None


def extract_events(
    doc: Doc,
    entities: list[Entity],
    claims: list[Claim] | None = None,
    times: list[TimeExpression] | None = None,
) -> list[Event]:
    """Events of ``doc``, one per trigger, in text order, ids ``V1``, ``V2``…"""
    lex = lexicon()
    index = _Index.build(doc, entities)
    time_tokens = _time_tokens(doc, times or [])
    events: list[Event] = []
    for sentence in doc.sents:
        for trigger in _triggers(sentence, lex):
            event = _event(len(events) + 1, trigger, sentence, index, lex, claims or [], time_tokens)
            if event is not None:
                events.append(event)
    return events


def _triggers(sentence: Span, lex: Lexicon) -> Iterator[_Trigger]:
    found: dict[int, _Trigger] = {}
    for token in sentence:
        kind = _trigger_type(token, lex)
        if kind is not None:
            found[token.i] = _Trigger(token, kind, nominal=token.pos_ not in {"VERB", "AUX", "ADJ"})
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
    if token.pos_ == "ADJ" and lemma in lex.adjectives and any(c.dep_ == "xcomp" for c in token.children):
        return lex.adjectives[lemma]  # "France is ready to contribute troops"
    if token.pos_ in {"VERB", "AUX"} and _reported_obligation(token):
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


def _reported_obligation(verb: Token) -> bool:
    if not any(c.dep_ == "aux" and c.lower_ == "must" for c in verb.children):
        return False
    return verb.dep_ == "ccomp" and verb.head.lemma_.lower() in SAY_VERBS


def _object_trigger(verb: Token, lex: Lexicon) -> bool:
    return any(c.dep_ in OBJECT_DEPS and c.lemma_.lower() in lex.nouns for c in verb.children)


def _object_lemmas(token: Token) -> set[str]:
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
    objects = _object_lemmas(token)
    for name in candidates:
        kind = lex.types[name]
        if lemma in kind.requires_object and not (objects & kind.object_nouns):
            continue
        if name == "DEMAND" and lemma in {"call", "ask", "press", "push"} and not _demand_call(token):
            continue
        if name == "PROTEST" and lemma == "protest" and _state_subject(token):
            return "DISAPPROVE"  # a government "protests": verbal disapproval, not a demonstration
        explosives = lex.types["ASSAULT"].modes.get("explosives", frozenset())
        if name == "ASSAULT" and _weapon_context(token, lex.types["FIGHT"].weapons, explosives):
            return "FIGHT"  # "aircraft killed 46 civilians": conventional military force
        return name
    return None


def _demand_call(token: Token) -> bool:
    """ "called for talks", "called on Iraq to", "asked him to leave": a demand, not a phone call."""
    for child in token.children:
        if child.dep_ == "ccomp" and any(m.lower_ in {"whether", "if"} for m in child.children):
            return False  # "asked whether": a question
    return any(
        (c.dep_ == "prep" and c.lower_ in {"for", "on"})
        or c.dep_ in {"xcomp", "ccomp", "prt"}
        or (c.dep_ == "advcl" and any(m.lower_ == "for" for m in c.children))
        for c in token.children
    )


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


# --------------------------------------------------------------------------------------------
# One event


def _event(
    number: int,
    trigger: _Trigger,
    sentence: Span,
    index: _Index,
    lex: Lexicon,
    claims: list[Claim],
    time_tokens: dict[int, TimeExpression],
) -> Event | None:
    kind = lex.types[trigger.type]
    token = trigger.token
    mode = _mode(token, kind)
    military = kind.military or mode in {"military", "troops"}
    actor_refs, target_refs = _participants(trigger, index, kind)
    actors = _codes(actor_refs, index, token, military=military, fill_sector=True)
    targets = _codes(target_refs, index, token, military=military, fill_sector=False, source=actors)
    targets = [t for t in targets if not _own_side(t, actors)]
    location, origin = _places(token, index)
    if trigger.nominal and trigger.frame is None and not (actors or targets or location or origin):
        return None  # "the threat", "a war": a reference to an event, not a report of one
    modality, condition = _modality(trigger, sentence, lex)
    claim = _claim_of(token, claims)
    event_type = _intention_type(trigger, modality, condition, claim is not None)
    if event_type != trigger.type:
        # A threat or a refusal is made now; an agreement to act later is still to come.
        modality = "future" if event_type == "AGREE" else "asserted"
        if event_type == "THREATEN" and trigger.type == "SANCTION":
            mode = "restrict"
    if claim is not None and modality in {"asserted", "future"}:
        modality = "reported"
    start, end, precision = _dates(token, time_tokens)
    return Event(
        id=f"V{number}",
        type=event_type,
        sentence=SentenceSpan(sentence.start_char, sentence.end_char),
        mode=mode,
        actors=actors,
        targets=targets,
        location=location,
        origin=origin,
        start=start,
        end=end,
        precision=precision,
        modality=modality,
        condition=condition,
        claim=claim.id if claim else None,
        equipment=_in_sentence(sentence, index, "EQUIPMENT"),
        operation=next(iter(_in_sentence(sentence, index, "OPERATION", near=token)), None),
    )


def _intention_type(trigger: _Trigger, modality: Modality, condition: str | None, reported: bool) -> str:
    """What a stated intention amounts to: "Israel will evacuate the settlements" is an AGREE,
    "Syria says it will not accept refugees" a REJECT, "will boycott the elections unless the
    president steps down" a THREATEN (the PLOVER manual's reading of future and conditional acts)."""
    if trigger.frame is not None or trigger.nominal:
        return trigger.type
    clause = _clause_head(trigger.token)
    auxes = {c.lower_ for c in clause.children if c.dep_ == "aux"}
    intends = bool(auxes & FUTURE_AUX) or (reported and bool(auxes & {"would", "'d"}))
    if not intends and not (condition and auxes & {"may", "might", "could"}):
        return trigger.type
    if modality == "negated":
        has_subject = any(c.dep_ == "nsubj" for c in clause.children)
        return "REJECT" if has_subject and trigger.type in COOPERATIVE | {"AGREE"} else trigger.type
    if condition is not None and trigger.type in CONFLICTUAL | {"RETREAT"}:
        return "THREATEN"
    if trigger.type in COOPERATIVE:
        return "AGREE"
    return trigger.type


def _own_side(target: Participant, actors: list[Participant]) -> bool:
    """A target that is the actor itself or its own state ("Syria offered its troops"); a
    government's own opposition or civilians stay targets ("crackdown on opposition protests")."""
    code = (target.actor or "").split()
    for actor in actors:
        if target.entity is not None and target.entity == actor.entity:
            return True
        same_country = bool(code) and bool(actor.actor) and actor.actor.split()[0] == code[0]
        if same_country and (len(code) == 1 or code[1] in STATE_SECTORS):
            return True
    return False


def _mode(token: Token, kind: EventType) -> str | None:
    words = {token.lemma_.lower()} | {c.lemma_.lower() for c in token.children}
    words |= _object_lemmas(token)
    for child in token.children:
        if child.dep_ == "prt":
            words.add(f"{token.lemma_.lower()} {child.lower_}")
    for mode, cues in kind.modes.items():
        if words & cues:
            return mode
    return None


# --- participants ---------------------------------------------------------------------------


def _participants(
    trigger: _Trigger, index: _Index, kind: EventType
) -> tuple[list[_MentionRef | Token | str], list[_MentionRef | Token | str]]:
    token = trigger.token
    actors: list[_MentionRef | Token | str] = []
    targets: list[_MentionRef | Token | str] = []
    if trigger.nominal:
        for child in token.children:
            if child.dep_ in {"amod", "compound", "nmod"} and child.i < token.i and _nationality(child):
                # "Russian strikes", "joint Russian-Belarusian exercises" (one adjective may hang on the other)
                actors.extend(t for t in child.subtree if t.i < token.i and _nationality(t))
            elif child.dep_ == "poss" or (child.dep_ in {"compound", "nmod"} and child.i < token.i):
                actors.extend(_phrase_refs(child, index))
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == "by":
                actors.extend(_pobj_refs(child, index))
        head = token.head
        if token.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ in {"VERB", "AUX"}:
            head = head.head  # "remained on alert", "took part in the fighting": the verb's subject acts
            if not actors:
                actors.extend(_subject_refs(head, index))
            # "three civilians were killed in a car bombing": who suffered the verb suffered the act.
            for child in head.children:
                if child.dep_ == "nsubjpass":
                    targets.extend(_phrase_refs(child, index, places=False))
        if not actors and token.dep_ in OBJECT_DEPS | {"nsubjpass"} and head.pos_ in {"VERB", "AUX"}:
            actors.extend(_subject_refs(head, index))  # "Ukraine launched counterstrikes"
            targets.extend(_prep_party_refs(head, index))
        targets.extend(_prep_party_refs(token, index))
        for child in token.children:  # "the invasion of South Lebanon": what the act is done to
            if child.dep_ == "prep" and child.lower_ == "of":
                targets.extend(_pobj_refs(child, index))
        targets.extend(_of_party_refs(token, index))
    elif trigger.type == "DEMAND" and _reported_obligation(token):
        actors.extend(_subject_refs(token.head, index))  # who says it must be done
        targets.extend(_subject_refs(token, index))  # who must do it
    else:
        actors.extend(_subject_refs(token, index))
        passive: list[_MentionRef | Token | str] = []
        for child in token.children:
            # "a camp was attacked by militiamen": a passive's subject is what the act is done to.
            passive_object = child.dep_ == "nsubjpass" and child.lower_ not in RELATIVE_PRONOUNS
            if passive_object and child.lemma_.lower() not in kind.object_nouns:
                passive.extend(_phrase_refs(child, index, places=False))
            if child.dep_ in {"dobj", "dative"} and child.lemma_.lower() not in kind.object_nouns:
                targets.extend(_phrase_refs(child, index))  # "moving troops": what moves, not a target
            elif child.dep_ == "dobj":
                targets.extend(_prep_party_refs(child, index))  # "granted asylum to five officers"
            if child.dep_ == "dobj":
                targets.extend(_of_party_refs(child, index))
            if child.dep_ == "dobj" and child.lemma_.lower() in REQUEST_NOUNS:
                # "rejected calls by the rulers", "accepted demands from the rebels": the one who
                # asked is the other side of an answer to a request.
                targets.extend(_prep_refs(child, index, {"by", "from"}))
        targets.extend(_prep_party_refs(token, index))
        for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "as"):
            # "denounced as a crime Serbia's suppression of ...": the object, moved after its label.
            for label in (c for c in prep.children if c.dep_ == "pobj"):
                for moved in (c for c in label.children if c.dep_ == "appos"):
                    targets.extend(_phrase_refs(moved, index, places=False))
        for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "in"):
            # "blocked streets in defiance of the authorities": whom the stance is taken against.
            for stance in (c for c in prep.children if c.dep_ == "pobj" and c.lemma_.lower() in STANCE_NOUNS):
                targets.extend(_prep_refs(stance, index, {"of", "to", "against", "at"}))
        if not targets:
            # Not when a party follows ("Israel is opposed to French mediation": a state, not a deed).
            targets.extend(passive)
        if kind.name == "PROTEST" and not targets:
            # "blocked a road to show their disapproval of X's policies": the protest's purpose names its target.
            for clause in token.children:
                if clause.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
                    for obj in (c for c in clause.children if c.dep_ == "dobj"):
                        targets.extend(_phrase_refs(obj, index, places=False))
                        targets.extend(_prep_party_refs(obj, index))
                    targets.extend(_prep_party_refs(clause, index))
        if kind.name == "DEMAND":
            # "demanding autonomy from the authorities": whoever it is asked of.
            # "demanded an admission by Moscow": who is to do what is demanded.
            for head in (token, *(c for c in token.children if c.dep_ == "dobj")):
                targets.extend(_prep_refs(head, index, {"from"} if head is token else {"from", "by"}))
    if not targets and not trigger.nominal and kind.frame is not None:
        # "demanded that the US cancel the sale", "pushing hard for the US to support": whoever is
        # to act on a demand, threat or refusal is its target.
        for child in token.children:
            if child.dep_ in {"ccomp", "advcl"} and child.pos_ in {"VERB", "AUX"}:
                if child.dep_ == "advcl" and not any(m.lower_ == "for" for m in child.children):
                    continue
                targets.extend(r for r in _subject_refs(child, index, own=True) if not isinstance(r, Token))
    if not targets and not trigger.nominal:
        # "offered to negotiate with the president of Armenia": the complement names the other side.
        for child in token.children:
            if child.dep_ in {"xcomp", "ccomp"} and child.pos_ in {"VERB", "AUX"}:
                for grandchild in child.children:
                    if grandchild.dep_ in {"dobj", "dative"} and grandchild.lemma_.lower() not in kind.object_nouns:
                        targets.extend(_phrase_refs(grandchild, index, places=False))
                targets.extend(_prep_party_refs(child, index))
    if not targets and kind.name == "THREATEN":
        # "threatened to strike unless Israel rescinded": the one who must comply is the target.
        head = trigger.token if not trigger.nominal else _clause_head(trigger.token)
        for child in head.subtree:
            if child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITION_MARKS for m in child.children):
                targets.extend(r for r in _subject_refs(child, index, own=True) if not isinstance(r, Token))
                break
    if not targets:
        # PLOVER's convention: an act done in or for a country, with no other party named, has
        # that country as its recipient ("set up a research center in Tokyo" -> JPN).
        targets.extend(_place_parties(token, index))
    if trigger.frame is not None:
        # "threatening Minsk with new sanctions": the sanctions are the threatener's, against Minsk.
        if not actors:
            actors.extend(_subject_refs(trigger.frame.token, index))
        if not targets:
            targets.extend(_participants(trigger.frame, index, kind)[1])
    return actors, targets


def _subject_refs(verb: Token, index: _Index, *, own: bool = False) -> list[_MentionRef | Token | str]:
    """Who does ``verb``; with ``own`` only its own subject, never one borrowed from above."""
    if own:
        subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        return _phrase_refs(subject, index) if subject is not None and subject.lower_ not in {"it", "they"} else []
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "csubj"}]
    # "the eventuality that, ..., Ukraine launched": the parser may give both "that" and the noun.
    subject = next((c for c in subjects if c.lower_ not in RELATIVE_PRONOUNS), subjects[0] if subjects else None)
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    if agent is not None:
        return _pobj_refs(agent, index)
    if (
        subject is None
        and verb.dep_ in {"xcomp", "conj", "advcl", "acomp"}
        and verb.head.pos_ in {"VERB", "AUX", "ADJ"}
    ):
        return _subject_refs(verb.head, index)  # "agreed to set up", "met and agreed"
    if subject is None and verb.dep_ == "relcl":
        subject = verb.head
    if subject is None and verb.dep_ == "acl" and verb.head.head.pos_ in {"VERB", "AUX"}:
        return _subject_refs(verb.head.head, index)  # "issued a declaration demanding that ..."

    if subject is None:
        return []
    if subject.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
        subject = verb.head  # "the man who announced": the antecedent acts
    elif subject.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "ccomp":
        # A cleft, "It was he who announced": the focus of the copula acts.
        subject = next((c for c in verb.head.children if c.dep_ == "attr"), subject)
    return _phrase_refs(subject, index)


def _pobj_refs(prep: Token, index: _Index) -> list[_MentionRef | Token | str]:
    refs: list[_MentionRef | Token | str] = []
    for child in prep.children:
        if child.dep_ == "pobj":
            refs.extend(_phrase_refs(child, index))
    return refs


def _prep_party_refs(token: Token, index: _Index) -> list[_MentionRef | Token | str]:
    refs: list[_MentionRef | Token | str] = []
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in PARTY_PREPOSITIONS:
            for pobj in child.children:
                if pobj.dep_ != "pobj":
                    continue
                found = _phrase_refs(pobj, index, places=False)
                if not found:
                    # "mobilized reservists for a possible war against Iraq": the party of the deed named;
                    # "an investigation into crimes committed by Croat forces": whoever did the deed.
                    # (the participle right after the noun: a parse's far "acl" is often a misattachment)
                    done = (a for c in pobj.children if c.dep_ == "acl" and c.i == pobj.i + 1 for a in c.children)
                    for inner in (*pobj.children, *done):
                        if (
                            inner.dep_ == "prep" and inner.lower_ in {"against", "on", "upon"}
                        ) or inner.dep_ == "agent":
                            found += [
                                r
                                for c in inner.children
                                if c.dep_ == "pobj"
                                for r in _phrase_refs(c, index, places=False)
                            ]
                refs.extend(found)
    return refs


def _of_party_refs(noun: Token, index: _Index) -> list[_MentionRef | Token | str]:
    """ "a suspension of air links with Serbia": the other side of the relation an "of" names
    (not "on" or "in", which mostly say where: "part of a stronghold on the border")."""
    refs: list[_MentionRef | Token | str] = []
    for of in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"):
        for pobj in (c for c in of.children if c.dep_ == "pobj"):
            refs.extend(_prep_refs(pobj, index, {"with", "against", "between", "among"}))
    return refs


def _prep_refs(token: Token, index: _Index, prepositions: set[str]) -> list[_MentionRef | Token | str]:
    """Parties under ``token``'s own prepositions of the given kinds, places only as actors."""
    refs: list[_MentionRef | Token | str] = []
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in prepositions:
            for pobj in (c for c in child.children if c.dep_ == "pobj"):
                refs.extend(_phrase_refs(pobj, index, places=False))
    return refs


def _place_parties(token: Token, index: _Index) -> list[_MentionRef | Token | str]:
    refs: list[_MentionRef | Token | str] = []
    heads = [token]
    for _ in range(2):  # "agreed to set up a research center in Tokyo": two steps down
        heads += [c for h in heads for c in h.children if c.dep_ in {"dobj", "xcomp"} and c not in heads]
    for head in heads:
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ in {"in", "for", "to", "into", "on", "against"}:
                for pobj in (c for c in child.children if c.dep_ == "pobj"):
                    for member in _conjuncts(pobj):
                        for candidate in [member, *_phrase_tokens(member)]:
                            ref = index.at(candidate)
                            if ref is not None and ref.entity.type == "PLACE" and ref.country:
                                if not ref.entity.attributes.get("figurative"):
                                    refs.append(ref.country)
                                break
    return refs


def _phrase_refs(head: Token, index: _Index, *, places: bool = True) -> list[_MentionRef | Token | str]:
    """The actor mentions a noun phrase names: its head's, else the first inside it; conjuncts too.

    With ``places=False`` a place mention counts only when used as a party (it has an actor code
    through metonymy or is a country), so "troops to the border" gives no target.
    """
    refs: list[_MentionRef | Token | str] = []
    for member in _conjuncts(head):
        ref = _phrase_ref(member, index, places=places)
        titled = _titled(member, index)
        if ref is not None and not (ref.actor or ref.person_actor or ref.country) and titled:
            refs.extend(titled)  # "Israeli Prime Minister Ehud Barak": the title says who he acts for
        elif ref is not None:
            refs.append(ref)
        elif titled:
            refs.extend(titled)
        elif member.lower_ in {"it", "they"} and _antecedent(member, index):
            refs.append(_antecedent(member, index))
        elif _group_noun(member) or (member.lower_ in {"he", "she"} and _person_before(member, index)):
            refs.append(
                _person_before(member, index) if member.pos_ == "PRON" else member
            )  # a bare group noun, resolved against the context later
        else:
            # "Senior Hungarian and Romanian officials": nationality conjuncts inside the phrase;
            # "opposition protests": a group noun modifying a nominal event.
            for modifier in member.children:
                modifies = modifier.dep_ in {"amod", "compound"} and modifier.i < member.i
                if modifies and (_nationality(modifier) or _group_noun(modifier)):
                    refs.append(modifier)
            if not refs:
                # "the rights of Palestinians", "the welfare of 2,000 Libyans": a people named in the phrase.
                refs.extend(f"{code} CVL" for code in map(_people, _phrase_tokens(member)) if code)
    return refs


def _nationality(token: Token) -> bool:
    return token.pos_ in {"ADJ", "PROPN", "NOUN"} and knowledge_base().adjective_country(token.text) is not None


def _people(token: Token) -> str | None:
    """The country of a plural demonym noun ("Palestinians", "Libyans"), else None."""
    if token.pos_ not in {"NOUN", "PROPN"} or not token.text.endswith("s") or not token.text[:1].isupper():
        return None
    return knowledge_base().adjective_country(token.text[:-1])


def _group_noun(token: Token) -> bool:
    return token.pos_ == "NOUN" and (token.lower_ in GROUP_SECTORS or token.lemma_.lower() in GOVERNMENT_NOUNS)


def _titled(head: Token, index: _Index) -> list[str]:
    """An actor code from a title: a nationality or country and a role word in the phrase
    ("Russian President Boris Yeltsin", "Pakistan President Zia", "the president of Armenia",
    "Nigerians"), the sector from the role word; None without both a country and a role."""
    kb = knowledge_base()
    tokens = [head, *_phrase_tokens(head)]
    # "Demonstrators in Baghdad", "people in Hong Kong": a group placed in a country.
    tokens += [t for c in head.children if c.dep_ == "prep" and c.lower_ == "in" for t in c.subtree]
    countries: list[str] = []
    sector = None
    for token in tokens:
        if _stance_prefixed(token):
            continue
        ref = index.at(token)
        if ref is not None and ref.entity.type == "ORG" and ref.actor and token.i != head.i:
            return [ref.actor]  # "Arab League Secretary General Chadli Klibi": he acts for the League
        country = kb.adjective_country(token.text)  # "Senior Hungarian and Romanian officials": both
        if country is None and ref is not None and ref.entity.type == "PLACE" and token.i != head.i:
            country = ref.country
        if country is not None and country not in countries:
            countries.append(country)
        if sector is None:
            sector = ROLE_SECTORS.get(token.lemma_.lower()) or GROUP_SECTORS.get(token.lower_)
    if not countries and head.pos_ in {"PROPN", "NOUN"} and head.text.endswith("s"):
        plural = kb.adjective_country(head.text[:-1])  # "Nigerians", "Palestinians": the people
        countries, sector = ([plural], sector or "CVL") if plural else ([], sector)
    if not countries or sector is None:
        return []
    return [f"{country} {sector}" for country in countries]


def _antecedent(pronoun: Token, index: _Index) -> _MentionRef | None:
    """ "Iraq said it would allow": the nearest actor named before, in the same sentence."""
    for i in range(pronoun.i - 1, pronoun.sent.start - 1, -1):
        ref = index.by_token.get(i)
        if ref is not None and ref.entity.type in {"ORG", "PLACE"} and (ref.actor or ref.country):
            return ref
    return None


def _person_before(pronoun: Token, index: _Index) -> _MentionRef | None:
    """A pronoun the entity stage left alone ("It was he who announced"): the person named last."""
    here = index.sentence_of.get(pronoun.i, 0)
    for i in range(pronoun.i - 1, -1, -1):
        if here - index.sentence_of.get(i, 0) > GOVERNMENT_WINDOW_SENTENCES:
            return None
        ref = index.by_token.get(i)
        if ref is not None and ref.entity.type == "PERSON":
            return ref
    return None


def _conjuncts(head: Token) -> list[Token]:
    members = [head]
    stack = [head]
    while stack:
        for child in stack.pop().children:
            if child.dep_ == "conj" and child.pos_ in {"NOUN", "PROPN", "PRON", "ADJ"}:
                members.append(child)
                stack.append(child)
    return members


def _phrase_ref(head: Token, index: _Index, *, places: bool) -> _MentionRef | None:
    ref = index.at(head)
    if ref is not None and _usable(ref, places):
        return ref
    for token in _phrase_tokens(head):
        ref = index.at(token)
        if ref is not None and _usable(ref, places) and not _stance_prefixed(token):
            return ref
    return None


def _stance_prefixed(token: Token) -> bool:
    """ "an anti-Syria journalist", "pro-Kremlin media": the name says whom they stand for or against."""
    doc = token.doc
    return token.i >= 2 and doc[token.i - 1].text == "-" and doc[token.i - 2].lower_ in {"anti", "pro"}


def _usable(ref: _MentionRef, places: bool) -> bool:
    if ref.entity.type in {"EQUIPMENT", "OPERATION"}:
        return False
    if ref.entity.type == "PLACE":
        if ref.entity.attributes.get("figurative"):
            return False
        return places or ref.actor is not None or (ref.country is not None and ref.entity.kb_id.startswith("country:"))
    return True


def _phrase_tokens(head: Token) -> Iterator[Token]:
    """Tokens of the noun phrase under ``head``, without nested clauses, nearest first."""
    queue = [head]
    while queue:
        token = queue.pop(0)
        for child in token.children:
            if child.dep_ in PHRASE_DEPS and not (child.dep_ == "prep" and child.lower_ not in {"of", "from"}):
                yield child
                queue.append(child)


def _codes(
    refs: list[_MentionRef | Token | str],
    index: _Index,
    trigger: Token,
    *,
    military: bool,
    fill_sector: bool,
    source: list[Participant] | None = None,
) -> list[Participant]:
    kb = knowledge_base()
    out: list[Participant] = []
    for ref in refs:
        if isinstance(ref, str):
            code, entity = ref, None
        elif isinstance(ref, _MentionRef):
            code = ref.actor or ref.person_actor or ref.country
            entity = ref.entity.id
        else:
            entity = None
            # A nationality adjective on a nominal trigger ("Russian strikes"), else a bare group noun.
            country = kb.adjective_country(ref.text)
            code = country if country is not None else _bare_group(ref, index, trigger, source or [])
        if code is None:
            continue
        if fill_sector and " " not in code and len(code) == 3 and not _is_igo(code):
            code = f"{code} {MILITARY_SECTOR if military else GOVERNMENT_SECTOR}"
        participant = Participant(entity=entity, actor=code)
        if participant not in out:
            out.append(participant)
    return out


def _is_igo(code: str) -> bool:
    return not code.isalpha() or code in {"NATO", "UN", "EU", "IGO", "OSCE", "AU"}


def _bare_group(noun: Token, index: _Index, trigger: Token, source: list[Participant]) -> str | None:
    """ "the regime" -> the government last named; "opposition protests" -> the source's country."""
    sector = "GOV" if noun.lemma_.lower() in GOVERNMENT_NOUNS else GROUP_SECTORS.get(noun.lower_)
    if sector is None:
        return None
    if noun.lemma_.lower() not in GOVERNMENT_NOUNS:
        countries = [p.actor.split()[0] for p in source if p.actor and len(p.actor.split()[0]) == 3]
        return f"{countries[0]} {sector}" if countries else None
    here = index.sentence_of.get(noun.i, 0)
    for i in range(noun.i - 1, -1, -1):
        if here - index.sentence_of.get(i, 0) > GOVERNMENT_WINDOW_SENTENCES:
            break
        ref = index.by_token.get(i)
        if ref is not None and ref.actor and ref.actor.endswith(f" {sector}"):
            return ref.actor
    return None


# --- places ---------------------------------------------------------------------------------


def _places(token: Token, index: _Index) -> tuple[Location | None, Location | None]:
    location = origin = None
    for child in token.children:
        if child.dep_ != "prep":
            continue
        if child.lower_ in ORIGIN_PREPOSITIONS and origin is None:
            origin = _place_under(child, index)
        elif child.lower_ in LOCATION_PREPOSITIONS and location is None:
            location = _place_under(child, index)
    clause = _clause_head(token)
    if location is None:
        location = _relative_where(clause, index)
    if location is None and clause.i != token.i:
        for child in clause.children:
            if child.dep_ == "prep" and child.lower_ in {"in", "near", "at", "inside", "across"}:
                location = _place_under(child, index)
                if location is not None:
                    break
    return location, origin


def _place_under(prep: Token, index: _Index) -> Location | None:
    for pobj in (c for c in prep.children if c.dep_ == "pobj"):
        for token in [pobj, *_phrase_tokens(pobj)]:
            ref = index.at(token)
            if ref is not None and ref.entity.type == "PLACE" and not ref.entity.attributes.get("figurative"):
                if ref.mention.actor is not None:
                    continue  # a party ("threatening Minsk"), not a place
                return _location(ref, index)
    return None


def _relative_where(clause: Token, index: _Index) -> Location | None:
    """ "... to the border where exercises are taking place": the place "where" refers to."""
    where = next((c for c in clause.children if c.lower_ == "where" and c.dep_ == "advmod"), None)
    if where is None:
        return None
    for i in range(where.i - 1, where.sent.start - 1, -1):
        ref = index.by_token.get(i)
        if ref is not None and ref.entity.type == "PLACE" and ref.mention.actor is None:
            return _location(ref, index)
    return None


def _location(ref: _MentionRef, index: _Index) -> Location:
    entity = ref.entity
    if (entity.kb_id or "").startswith("border:"):
        side = _border_side(ref, index)
        if side is not None:
            entity = side
    lat, lon = entity.attributes.get("lat"), entity.attributes.get("lon")
    return Location(entity=entity.id, lat=lat, lon=lon)


def _border_side(ref: _MentionRef, index: _Index) -> Entity | None:
    """The side of a border that the paragraph names on its own ("the Mali-Niger border ...
    French troops in Niger" -> Niger); None when it names both or neither."""
    codes = ref.entity.kb_id.split(":", 1)[1].split("-")
    text = doc_text(index.doc)
    start = text.rfind("\n\n", 0, ref.mention.start) + 1
    end = text.find("\n\n", ref.mention.end)
    end = len(text) if end < 0 else end
    sides: dict[str, Entity] = {}
    for other in index.by_token.values():
        kb_id = other.entity.kb_id or ""
        if (
            kb_id.startswith("country:")
            and kb_id.split(":", 1)[1] in codes
            and start <= other.mention.start < end
            and other.mention is not ref.mention
        ):
            sides[kb_id] = other.entity
    return next(iter(sides.values())) if len(sides) == 1 else None


# --- modality -------------------------------------------------------------------------------


def _clause_head(token: Token) -> Token:
    """The verb whose clause holds ``token`` (itself for a verb)."""
    current = token
    while current.pos_ not in {"VERB", "AUX"} and current.head.i != current.i:
        current = current.head
    return current


def _modality(trigger: _Trigger, sentence: Span, lex: Lexicon) -> tuple[Modality, str | None]:
    token = trigger.token
    clause = _clause_head(token)
    condition = _condition_of(token if not trigger.nominal else clause)
    if _negated(token, clause, trigger.nominal):
        return "negated", condition
    kind = lex.types[trigger.type]
    if condition is not None and kind.frame is None:
        return "conditional", condition
    found = _context_modality(token)
    if found is not None:
        return found, condition or _enclosing_condition(token)
    if trigger.frame_modality is not None:
        return trigger.frame_modality, condition
    if sentence.text.rstrip().endswith("?"):
        return "hypothetical", condition
    if _future(clause):
        return "future", condition
    return "asserted", condition


def _negated(token: Token, clause: Token, nominal: bool) -> bool:
    if any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in token.children):
        return True
    if nominal and token.dep_ in SUBJECT_DEPS | OBJECT_DEPS and any(c.dep_ == "neg" for c in clause.children):
        return True
    # "would not allow the country to be occupied": the negation reaches the complement.
    current = clause
    while current.dep_ in {"xcomp", "ccomp"} and current.head.i != current.i:
        current = current.head
        if any(c.dep_ == "neg" for c in current.children):
            return True
    return False


def _condition_of(head: Token) -> str | None:
    for child in head.children:
        if child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITION_MARKS for m in child.children):
            return _text(child)
    return None


def _enclosing_condition(token: Token) -> str | None:
    for ancestor in token.ancestors:
        if any(m.dep_ == "mark" and m.lower_ in CONDITION_MARKS for m in ancestor.children):
            return _text(ancestor)
    return None


def _context_modality(token: Token) -> Modality | None:
    """Conditional or hypothetical from the clauses above the trigger, its own included.

    The walk stops at an adverbial clause that is not a condition ("as the economy has been hit
    by sanctions, it would be easier to ..."): a reason or a time clause is the author's premise,
    asserted whatever the main clause's mood. Through a conjunct it skips the conjunct head's own
    auxiliaries ("X happened and Y would follow") but goes on to what governs both.
    """
    previous: Token | None = None
    node = token
    while True:
        own = previous is None or previous.dep_ != "conj"
        marks = {c.lower_ for c in node.children if c.dep_ == "mark"}
        if own and marks & CONDITION_MARKS:
            return "conditional"
        if own and any(c.dep_ == "aux" and c.lower_ in HYPOTHETICAL_AUX for c in node.children):
            return "hypothetical"
        if (
            previous is not None
            and previous.dep_ in {"acl", "ccomp", "relcl"}
            and node.lemma_.lower() in POSSIBILITY_NOUNS
        ):
            return "hypothetical"
        if previous is not None and previous.dep_ == "xcomp":
            if node.lemma_.lower() in PRETENCE_VERBS:
                return "hypothetical"
            if node.lemma_.lower() in INTENTION_VERBS:
                return "future"
        if node.dep_ == "advcl" and not marks & CONDITION_MARKS:
            return None
        if node.head.i == node.i:
            return None
        previous, node = node, node.head


def _future(clause: Token) -> bool:
    if any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in clause.children):
        return True
    # "is going to deploy", "is to hold"
    head = clause.head
    return clause.dep_ == "xcomp" and head.lemma_ in {"go", "be"} and head.lower_ != head.lemma_


def _text(head: Token) -> str:
    tokens = list(head.subtree)
    return head.doc[tokens[0].i : tokens[-1].i + 1].text


def _claim_of(token: Token, claims: list[Claim]) -> Claim | None:
    for claim in claims:
        if claim.content.start <= token.idx < claim.content.end:
            return claim
    return None


# --- time -----------------------------------------------------------------------------------


def _time_tokens(doc: Doc, times: list[TimeExpression]) -> dict[int, TimeExpression]:
    out: dict[int, TimeExpression] = {}
    for time in times:
        span = doc.char_span(time.start, time.end, alignment_mode="expand")
        if span is not None and (time.value_start or time.value_end):
            out[span.root.i] = time
    return out


def _dates(token: Token, time_tokens: dict[int, TimeExpression]) -> tuple[str | None, str | None, str | None]:
    """The time expression that governs the trigger: inside a nominal trigger's own phrase, else
    attached to the trigger's clause (not to a nested clause with a verb of its own)."""
    if not time_tokens:
        return None, None, None
    clause = _clause_head(token)
    candidates = []
    for i, time in time_tokens.items():
        root = token.doc[i]
        if token.pos_ != "VERB" and _under(root, token):
            candidates.append((0, abs(i - token.i), time))
        elif _clause_head(root.head if root.pos_ in {"VERB", "AUX"} else root).i == clause.i:
            candidates.append((1, abs(i - token.i), time))
    if not candidates:
        return None, None, None
    time = min(candidates, key=lambda c: (c[0], c[1]))[2]
    before = doc_text(token.doc)[max(0, time.start - 6) : time.start].lower()
    if time.text.lower().startswith("since") or before.rstrip().endswith("since"):
        # "since the middle of January": the event began then and has not ended.
        return time.value_start, None, time.precision
    return time.value_start, time.value_end, time.precision


def _under(token: Token, head: Token) -> bool:
    return token.i == head.i or head in token.ancestors


# --- equipment, operations ------------------------------------------------------------------


def _in_sentence(sentence: Span, index: _Index, etype: str, near: Token | None = None) -> list[str]:
    found: list[str] = []
    refs = [index.by_token[t.i] for t in sentence if t.i in index.by_token]
    if near is not None:
        refs.sort(key=lambda r: abs(r.mention.start - near.idx))
    for ref in refs:
        if ref.entity.type == etype and ref.entity.id not in found:
            found.append(ref.entity.id)
    return found
