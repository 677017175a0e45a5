"""Modality (asserted, reported, future, hypothetical, conditional, negated), and what a stated
intention amounts to."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from newsint.extract.events.grammar import CONDITION_MARKS, OBJECT_DEPS, SUBJECT_DEPS, clause_head, subtree_text
from newsint.extract.events.lexicon import CONFLICTUAL, COOPERATIVE, Lexicon
from newsint.extract.events.triggers import Trigger
from newsint.model import Claim, Modality

HYPOTHETICAL_AUX = {"would", "could", "might", "may", "should", "'d"}

FUTURE_AUX = {"will", "shall", "'ll"}

# Nouns whose that-clause describes a possibility, not a fact ("in the eventuality that ...").
POSSIBILITY_NOUNS = {"eventuality", "event", "case", "scenario", "possibility", "prospect", "risk", "danger", "fear"}

# Verbs of intention whose complement has not happened yet ("plans to deploy").
INTENTION_VERBS = {"plan", "intend", "prepare", "aim", "seek", "want", "hope", "expect", "try", "decide"}

# Verbs whose complement the author presents as untrue ("pretending to have initiated").
PRETENCE_VERBS = {"pretend", "feign", "imagine", "suppose"}

# The irrealis and negation family (issue #15): words whose complement did not happen. Each
# applies to the event it governs directly (through a preposition at most), never through another
# verb: in "failed to stop such attacks" the stopping failed, the attacks happened.
NEGATING_GOVERNORS = {"fail", "avoid", "spare", "avert", "thwart", "foil", "forgo", "forego", "refrain", "renege",
                      "escape", "prevent", "abandon",
                      "spared", "sparing"}  # fmt: skip  # the model lemmatises "spared" as "spar"
NEGATING_PHRASALS = {("hold", "off"), ("call", "off"), ("rule", "out"), ("back", "away")}
# Complements that may happen: ability, likelihood, readiness, proposals, appeals.
# ("seek" was one: the checking half's totals were better without it; "seeks to" is an intention,
# which INTENTION_VERBS reads as future.)
HYPOTHETICAL_GOVERNORS = {"likely", "unlikely", "able", "unable", "possible", "willing", "ready", "consider",
                          "mull", "weigh", "propose", "urge", "ask", "call", "press", "push", "demand",
                          "want", "hope", "need", "threaten", "try", "attempt", "fear", "risk",
                          "prospect", "possibility", "threat", "chance"}  # fmt: skip
# Complements that are scheduled or intended: "are due to meet", "are set to vote", "plans for an
# offensive".
# ("poise" was one: it raised the tuning half's totals, not the checking half's.)
FUTURE_GOVERNORS = {"due", "set", "schedule", "plan", "intend", "prepare", "expect", "intention", "vow",
                    "pledge", "promise", "aim"}  # fmt: skip
# Marks of an embedded question: "it is not known whether the strike killed anyone".
QUESTION_MARKS = {"whether"}
# "attacked the town instead of negotiating": the alternative did not happen.
INSTEAD_WORDS = {"instead"}
# Nouns whose content clause is said by someone ("unconfirmed reports that ... were killed").
REPORT_NOUNS = {"report", "claim", "allegation", "rumour", "rumor", "suggestion", "account"}
# How a governor takes the event: as its complement, object, or through a preposition.
GOVERNED_DEPS = {"xcomp", "ccomp", "dobj", "prep", "pcomp", "acl", "pobj", "attr", "oprd"}


def intention_type(trigger: Trigger, modality: Modality, condition: str | None, reported: bool) -> str:
    """What a stated intention amounts to: "Israel will evacuate the settlements" is an AGREE,
    "Syria says it will not accept refugees" a REJECT, "will boycott the elections unless the
    president steps down" a THREATEN (the PLOVER manual's reading of future and conditional acts)."""
    if trigger.frame is not None or trigger.nominal:
        return trigger.type
    clause = clause_head(trigger.token)
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


def event_modality(trigger: Trigger, sentence: Span, lex: Lexicon) -> tuple[Modality, str | None]:
    token = trigger.token
    clause = clause_head(token)
    condition = condition_of(token if not trigger.nominal else clause)
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


def condition_of(head: Token) -> str | None:
    for child in head.children:
        if child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITION_MARKS for m in child.children):
            return subtree_text(child)
    return None


def _enclosing_condition(token: Token) -> str | None:
    for ancestor in token.ancestors:
        if any(m.dep_ == "mark" and m.lower_ in CONDITION_MARKS for m in ancestor.children):
            return subtree_text(ancestor)
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
    direct = True  # no verb between the trigger and ``node`` yet (the irrealis family's reach)
    while True:
        own = previous is None or previous.dep_ != "conj"
        marks = {c.lower_ for c in node.children if c.dep_ == "mark"}
        if own and marks & CONDITION_MARKS:
            return "conditional"
        if own and marks & QUESTION_MARKS:
            return "hypothetical"  # "it is not known whether the strike killed anyone"
        if own and any(c.dep_ == "aux" and c.lower_ in HYPOTHETICAL_AUX for c in node.children):
            return "hypothetical"
        if previous is not None and direct:
            found = _governed_modality(node, previous)
            if found is not None:
                return found
        if previous is not None and previous.dep_ in {"acl", "ccomp"} and node.lemma_.lower() in REPORT_NOUNS:
            return "reported"
        if node.i != token.i and node.pos_ in {"VERB", "AUX"}:
            direct = False
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


def _governed_modality(node: Token, previous: Token) -> Modality | None:
    """The modality ``node`` gives the event below it (reached through ``previous``), if it is one of
    the irrealis family: spared, held off, avoided, failed to, instead of, likely, due to, plans."""
    if previous.dep_ not in GOVERNED_DEPS:
        return None
    lemma = node.lemma_.lower()
    particles = {c.lower_ for c in node.children if c.dep_ == "prt"}
    if (
        lemma in NEGATING_GOVERNORS
        or node.lower_ in NEGATING_GOVERNORS
        or any((lemma, p) in NEGATING_PHRASALS for p in particles)
    ):
        return "negated"
    if lemma == "of" and any(c.lower_ in INSTEAD_WORDS for c in (*node.children, *node.lefts, node.doc[node.i - 1])):
        return "negated"  # "attacked the town instead of negotiating"
    if lemma in FUTURE_GOVERNORS:
        return "future"
    if lemma in HYPOTHETICAL_GOVERNORS:
        return "hypothetical"
    return None


def _future(clause: Token) -> bool:
    if any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in clause.children):
        return True
    # "is going to deploy", "is to hold"
    head = clause.head
    return clause.dep_ == "xcomp" and head.lemma_ in {"go", "be"} and head.lower_ != head.lemma_


def claims_by_token(doc: Doc, claims: list[Claim]) -> dict[int, Claim]:
    """For each token inside a claim's content, the first such claim: ``claim_of`` looks a
    trigger up here rather than searching a long article's thousands of claims for each."""
    out: dict[int, Claim] = {}
    for claim in claims:
        span = doc.char_span(claim.content.start, claim.content.end, alignment_mode="expand")
        for token in span if span is not None else ():
            if claim.content.start <= token.idx < claim.content.end:
                out.setdefault(token.i, claim)
    return out


def claim_of(token: Token, claims: dict[int, Claim]) -> Claim | None:
    """The claim whose content holds ``token``; ``claims``: ``claims_by_token``."""
    return claims.get(token.i)
