"""Small readings of the dependency parse that every part of the events stage shares."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

# Dependencies that lead from a phrase's head into the phrase itself (not into a nested clause).
PHRASE_DEPS = {"compound", "amod", "poss", "prep", "pobj", "nmod", "appos", "det", "nummod", "flat", "case"}

SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}

OBJECT_DEPS = {"dobj", "dative", "attr", "oprd"}

RELATIVE_PRONOUNS = {"who", "that", "which"}

CONDITION_MARKS = {"if", "unless"}


def conjuncts(head: Token) -> list[Token]:
    members = [head]
    stack = [head]
    while stack:
        for child in stack.pop().children:
            if child.dep_ == "conj" and child.pos_ in {"NOUN", "PROPN", "PRON", "ADJ"}:
                members.append(child)
                stack.append(child)
    return members


def phrase_tokens(head: Token) -> Iterator[Token]:
    """Tokens of the noun phrase under ``head``, without nested clauses, nearest first."""
    queue = [head]
    while queue:
        token = queue.pop(0)
        for child in token.children:
            if child.dep_ in PHRASE_DEPS and not (child.dep_ == "prep" and child.lower_ not in {"of", "from"}):
                yield child
                queue.append(child)


def clause_head(token: Token) -> Token:
    """The verb whose clause holds ``token`` (itself for a verb)."""
    current = token
    while current.pos_ not in {"VERB", "AUX"} and current.head.i != current.i:
        current = current.head
    return current


def subtree_text(head: Token) -> str:
    tokens = list(head.subtree)
    return head.doc[tokens[0].i : tokens[-1].i + 1].text


def is_under(token: Token, head: Token) -> bool:
    return token.i == head.i or head in token.ancestors
