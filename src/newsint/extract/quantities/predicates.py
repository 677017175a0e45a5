"""What a number is said to count *doing*: the verb that governs a quantity, and whether it is a
count of what is there or a plan or forecast.

Two figures with one unit can still count different things: "500 people were injured" and
"killed up to 75 people" (wounded vs dead), "thousands of fighters were still active" and "800
fighters we captured". And one sentence can give what is there now and what is planned: "had
already moved nearly 2,000 troops into the region and intended to raise that to more than 6,000".
Both are read from the dependency parse the pipeline already has (no second parse).

- ``governing_verb``: a verb or participle attached to the counted noun ("people killed",
  "fighters that we captured"), else the verb the quantity is an argument of, through at most
  one preposition ("raise that to more than 6,000" -> raise). A quantity that modifies another
  noun ("a province of 3.5 million people", "training to 500 men") has none: the verb over that
  noun says nothing about what the number counts. A copula gives way to its complement ("500
  people were the injured" -> injured, "fighters were still active" -> active).
- ``modality``: "planned" when the verb is under an intention ("intended to raise", "aims to
  mass") or a future/irrealis auxiliary ("will send", "would send"); "expected" when it is under
  a forecast ("was expected to include", "were expected in Belarus"); else "asserted".
"""

from __future__ import annotations

from spacy.tokens import Token

from newsint.model import QuantityModality

# Verbs of intention: what follows is an aim, not a count of what is there. Not "seek": "seeking
# 700 women" is looking for them.
INTENTION_LEMMAS = frozenset(
    {"intend", "plan", "aim", "want", "hope", "prepare", "mean", "propose", "promise", "pledge", "vow"}
)
# Verbs of forecast: an estimate of what there will be (or is believed to be) soon.
FORECAST_LEMMAS = frozenset({"expect", "anticipate", "project", "forecast", "predict"})
# Auxiliaries that put the verb in the future or the irrealis ("would send" in reported speech).
FUTURE_AUXILIARIES = frozenset({"will", "shall", "'ll", "would", "wo"})

# Dependency labels that lead from a number to what it counts, or from a conjunct to its first.
_TO_COUNTED = frozenset({"nummod", "quantmod", "compound", "amod", "appos", "nmod", "conj"})
# Arguments of a verb a counted noun can be.
_ARGUMENT = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "oprd", "dative", "npadvmod", "ROOT", "ccomp", "xcomp"})
_PREPOSITION_OBJECT = frozenset({"pobj"})
# A verb that modifies the counted noun: "people killed", "fighters that we captured".
_NOUN_CLAUSES = frozenset({"acl", "relcl"})


def governing_verb(counted: Token) -> Token | None:
    """The verb that says what is done to or by what a quantity counts (see the module doc)."""
    token = counted
    while token.dep_ in _TO_COUNTED and token.head.i != token.i and token.head.pos_ in ("NOUN", "PROPN", "NUM"):
        token = token.head
    for child in token.children:
        if child.dep_ in _NOUN_CLAUSES and child.pos_ == "VERB":
            return child
    if token.dep_ in _PREPOSITION_OBJECT:
        preposition = token.head
        if preposition.dep_ not in ("prep", "agent", "dative"):
            return None
        token = preposition
    head = token.head
    if head.i == token.i:
        return token if token.pos_ in ("VERB", "AUX") else None
    if head.pos_ in ("VERB", "AUX") and (token.dep_ in _ARGUMENT or token.dep_ in ("prep", "agent", "dative")):
        return head
    return None


def predicate(verb: Token | None) -> str | None:
    """The governing verb's lemma; a copula's complement instead ("were the injured" -> injured)."""
    if verb is None:
        return None
    if verb.lemma_ == "be":
        complements = [c for c in verb.children if c.dep_ in ("acomp", "attr") and c.pos_ in ("ADJ", "VERB", "NOUN")]
        words = [c for c in complements if c.lemma_.lower() in COMPLEMENT_PREDICATES]
        if words:
            return COMPLEMENT_PREDICATES[words[0].lemma_.lower()]
    return verb.lemma_.lower()


# A copula's complement read as the verb it stands for ("the injured", "dead", "still active").
COMPLEMENT_PREDICATES = {
    "injured": "injure",
    "injure": "injure",
    "wounded": "wound",
    "wound": "wound",
    "dead": "die",
    "killed": "kill",
    "missing": "miss",
    "active": "active",
    "displaced": "displace",
    "homeless": "displace",
    "detained": "detain",
}


def modality(verb: Token | None) -> QuantityModality:
    """Whether the governing verb reports what is there, a plan, or a forecast (module doc)."""
    token = verb
    while token is not None:
        if any(c.dep_ == "aux" and c.lower_ in FUTURE_AUXILIARIES for c in token.children):
            return "planned"
        lemma = token.lemma_.lower()
        if lemma in INTENTION_LEMMAS or (lemma == "go" and token.i != verb.i and token.tag_ == "VBG"):
            return "planned"  # "intends to have", "aims to mass", "is going to send"
        if lemma in FORECAST_LEMMAS:
            return "expected"
        if token.dep_ != "xcomp" or token.head.i == token.i:
            break
        token = token.head  # "intended to raise": the intention governs the raise
    return "asserted"
