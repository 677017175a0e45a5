"""Readings of the dependency parse that every kind of report shares: a subtree, a phrase
trimmed of its edge punctuation, a time adjunct, the cue as a reader would quote it, its source."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from newsint.extract.claims.lexicon import CLOSE_QUOTES, CUE_PREPOSITIONS, CUE_VERBS, OPEN_QUOTES

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


def in_subtree(token: Token, root: Token) -> bool:
    # Tokens are compared by position: spaCy makes a new Token object on every access.
    return root.left_edge.i <= token.i <= root.right_edge.i and (token.i == root.i or root in token.ancestors)


def trim(doc: Doc, tokens: list[Token]) -> Span | None:
    """The tokens' extent without edge punctuation and conjunctions ("…," or "that … ."), keeping
    quotation marks that enclose the content."""
    if not tokens:
        return None
    start, end = min(t.i for t in tokens), max(t.i for t in tokens) + 1
    while start < end and (
        (doc[start].is_punct and doc[start].text not in OPEN_QUOTES) or doc[start].lower_ in {"that", "and", "but"}
    ):
        start += 1
    while end > start and doc[end - 1].is_punct and doc[end - 1].text not in CLOSE_QUOTES:
        end -= 1
    # A quotation opened inside the content closes inside it ("… from the Ukrainian “threat.”").
    opened = sum(t.text in "“" for t in doc[start:end]) - sum(t.text in "”" for t in doc[start:end])
    if opened > 0:
        sentence_end = doc[end - 1].sent.end
        close = next((t.i for t in doc[end:sentence_end] if t.text in "”"), None)
        if close is not None:
            end = close + 1
    return doc[start:end] if end > start else None


def is_time_adjunct(child: Token) -> bool:
    """A time adjunct ("on Friday", "this week"), which is not what was said."""
    if child.ent_type_ in {"DATE", "TIME"}:
        return True
    return child.dep_ == "prep" and any(c.dep_ == "pobj" and c.ent_type_ in {"DATE", "TIME"} for c in child.children)


def cue_tokens(verb: Token, content: Span) -> list[Token]:
    """The cue as a reader would quote it: auxiliaries, negation, particle, the addressee
    ("briefed the media", "told reporters"), and "about" for a topic ("spoken about")."""
    tokens = [verb]
    for child in verb.children:
        if child.dep_ in {"aux", "auxpass", "neg", "prt"} and child.i < verb.i + 2:
            tokens.append(child)
        elif child.dep_ in {"dobj", "dative"} and child.i < content.start and not _overlaps(child, content):
            tokens.extend(child.subtree)
        elif (
            child.dep_ == "prep"
            and child.lower_ in CUE_PREPOSITIONS
            and child.i < content.start + 1
            and not is_time_adjunct(child)
        ):
            tokens.append(child)
    return sorted(tokens, key=lambda t: t.i)


def _overlaps(token: Token, span: Span) -> bool:
    return span.start <= token.i < span.end


def source_of(verb: Token) -> Span | None:
    """The subject of the cue, looking through infinitives and noun complements ("he has taken
    every opportunity to stress that …" -> he); None for passives and impersonal "it"."""
    node = verb
    for _ in range(4):
        for child in node.children:
            if child.dep_ == "nsubj" and (child.lower_ not in {"it", "there"} or _speaking_it(child, verb, node)):
                if child.lower_ in {"who", "that", "which"} and node.dep_ == "relcl":
                    child = node.head  # "the minister, who said …": the minister
                end = _source_end(child)
                # "The charity Doctors Without Borders said": a noun and a name the parser read as
                # two subjects, one phrase.
                second = next((c for c in node.children if c.dep_ == "nsubj" and c.left_edge.i == end), None)
                if second is not None:
                    end = _source_end(second)
                return child.doc[child.left_edge.i : end]
            if child.dep_ == "agent":  # "was said by X"
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects:
                    return child.doc[objects[0].left_edge.i : _source_end(objects[0])]
        if node.dep_ == "acl" and node.tag_ == "VBG" and node.head.i != node.i:
            # "a report urging the government to act": the noun the participle describes speaks.
            return node.doc[node.head.left_edge.i : _source_end(node.head)]
        if node.dep_ in {"xcomp", "acl", "advcl", "relcl", "conj"} and node.head.i != node.i:
            node = node.head if node.dep_ != "acl" else node.head.head
            continue
        break
    return None


def _speaking_it(subject: Token, cue: Token, verb: Token) -> bool:
    """ "it said", "it goes on to suggest" name an organisation or a record that speaks; "it seems",
    "it is reported" name no one."""
    return (
        subject.lower_ == "it"
        and cue.lemma_.lower() in CUE_VERBS
        and verb.lemma_.lower() not in {"seem", "appear", "be", "remain", "look"}
        and not any(c.dep_ in {"auxpass", "nsubjpass"} for c in cue.children)
        and subject.i < verb.i
    )


def _source_end(head: Token) -> int:
    """A source phrase ends at its head, its compounds and its name, not its relative clause."""
    end = head.i + 1
    for child in head.children:
        if child.i > head.i and child.dep_ in {"compound", "appos", "flat", "prep", "amod", "nummod"}:
            if child.dep_ == "prep" and child.lower_ not in {"of", "at", "for", "from", "in"}:
                continue
            end = max(end, child.right_edge.i + 1)
    # A name runs to its end, whatever the parser hung inside it ("Doctors Without Borders").
    doc = head.doc
    if head.ent_type_:
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
    return end
