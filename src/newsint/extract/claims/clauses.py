"""Reports within a sentence: a reporting verb and what it governs ("X said that …", "X called
the plan a disaster"), "according to X", "in a poll …", "in his view …"."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Span, Token

from newsint.extract.claims.grammar import (
    SUBJECT_DEPS,
    cue_tokens,
    in_subtree,
    is_time_adjunct,
    source_of,
    trim,
)
from newsint.extract.claims.lexicon import (
    CLAUSE_ONLY_CUES,
    CLOSE_QUOTES,
    COMMISSIVE_CUES,
    CUE_VERBS,
    EVIDENCE_CUES,
    EVIDENCE_NOUNS,
    OBJECT_CONTENT_DEPS,
    OBJECT_CONTENT_PREPOSITIONS,
    OBJECT_CUES,
    SPEAKER_NOUNS,
    STANCE_CUES,
    TOPIC_PREPOSITIONS,
    TOPIC_VERBS,
)
from newsint.extract.claims.sources import RECORD_NOUNS

CONTENT_DEPS = frozenset({"ccomp", "xcomp", "parataxis"})


def claims_in(sentence: Span) -> Iterable[tuple[list[Token], Span | None, Span]]:
    for token in sentence:
        lower = token.lower_
        if lower == "according" and token.dep_ == "prep":
            found = _according_to(token)
            if found:
                yield found
            continue
        if lower == "in" and token.dep_ == "prep":
            found = _in_record(token)
            if found:
                yield found
            continue
        if token.pos_ not in {"VERB", "AUX"}:
            continue
        lemma = token.lemma_.lower()
        if lemma in PASSIVE_REPORT_CUES:
            found = _passive_report(token)
            if found:
                yield found
                continue
        if lemma not in CUE_VERBS and lemma not in OBJECT_CUES:
            continue
        content = _content_of(token)
        source = source_of(token)
        if lemma in EVIDENCE_CUES and _evidence(source) and (content is None or content.root.dep_ not in CONTENT_DEPS):
            content = _object_content(token, evidence=True)  # "polls show Clinton ahead"
        elif content is not None and lemma in CLAUSE_ONLY_CUES and content.root.dep_ not in CONTENT_DEPS:
            continue
        if content is None or _own_infinitive(token, content, lemma):
            continue
        # A reporting verb with a clause reports whoever its subject is; any other reading needs a
        # subject that can speak or record ("it is not known how …", "the drills show that …",
        # "history suggests …": no one is reported).
        reported = lemma in CUE_VERBS and content.root.dep_ in CONTENT_DEPS and lemma not in CLAUSE_ONLY_CUES
        if (not reported or lemma in EVIDENCE_CUES) and not _speaker_like(source):
            continue
        yield cue_tokens(token, content), source, content


def _content_of(verb: Token) -> Span | None:
    doc = verb.doc
    # A clause after the cue first ("briefed the media that …"): a clause before it and cut off by
    # a colon is usually the author's own sentence that the report explains.
    clauses = [
        child
        for child in verb.children
        if child.dep_ in {"ccomp", "parataxis"} or (child.dep_ == "xcomp" and child.i > verb.i and _is_clause(child))
    ]
    for child in sorted(clauses, key=lambda c: (c.i < verb.i, abs(c.i - verb.i))):
        if child.i < verb.i and not _quoted_or_comma_before(verb, child):
            continue
        return _clause_span(child, exclude=verb)
    # A cue set off by commas inside the content ("Acts of protest, Mr. Obama said, are acts of
    # patriotism"): what was said is the whole clause around it, taken as one span.
    if verb.dep_ == "parataxis" and verb.head.i > verb.i and _set_off_by_commas(verb):
        return trim(doc, list(verb.head.subtree))
    # "X said" after the content: the content clause is the verb's head ("Troops left, X said").
    # The parser may read "…, his mother told the BBC" as a second clause joined to the first
    # (conj): it is the same report when the cue's subject follows the comma and the cue says
    # nothing after it but whom it was told.
    if (
        (verb.dep_ in {"parataxis", "ccomp"} or (verb.dep_ == "conj" and _closing_attribution(verb)))
        and verb.head.i < verb.i
        and verb.head.pos_ in {"VERB", "AUX"}
        and _quoted_or_comma_before(verb, verb.head)
    ):
        head = verb.head
        tokens = [t for t in head.subtree if t.i < verb.i and not in_subtree(t, verb)]
        return trim(doc, tokens)
    if verb.lemma_.lower() in OBJECT_CUES:  # "called the plan a disaster", "called on X to resign"
        content = _object_content(verb)
        if verb.lemma_.lower() in STANCE_CUES and content is not None and _bare_object(content):
            return None  # "condemned the attack", "welcomed the move": a stance, not a statement
        return content
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in TOPIC_PREPOSITIONS:
            # "spoke on Friday", "commented on Twitter" name when or where, not what about.
            objects = [c for c in child.children if c.dep_ == "pobj" and c.ent_type_ not in {"DATE", "TIME"}]
            if objects:
                return trim(doc, list(objects[0].subtree))
    if verb.lemma_.lower() in TOPIC_VERBS:  # "has spoken about 4,000 refugees" (about as quantmod)
        for child in verb.children:
            if child.dep_ == "dobj":
                return trim(doc, list(child.subtree))
    if verb.lemma_.lower() not in CLAUSE_ONLY_CUES:  # "denied the report", "stressed her support"
        content = _object_content(verb, prepositions=False)
        # "has told the Turks", "warned him": the one addressed, not what was said.
        return None if content is not None and _addressee(content) else content
    return None


def _closing_attribution(verb: Token) -> bool:
    """Is this cue an attribution set after its content: its own subject right after a comma, no
    "and" before it, and nothing after it but an addressee ("…, his mother, Jane Doe, told BBC
    News.")?"""
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.i < verb.i), None)
    if subject is None or subject.left_edge.i == 0 or verb.doc[subject.left_edge.i - 1].text != ",":
        return False
    if any(c.dep_ == "cc" for c in verb.head.children if subject.left_edge.i - 2 <= c.i < verb.i):
        return False
    after = [c for c in verb.children if c.i > verb.i and not c.is_punct]
    return all(
        (c.dep_ in {"dobj", "dative"} and _addressee(verb.doc[c.left_edge.i : c.right_edge.i + 1]))
        or is_time_adjunct(c)
        for c in after
    )


def _own_infinitive(verb: Token, content: Span, lemma: str) -> bool:
    """Is the content an infinitive whose subject is the cue's own ("pledged to use gas", "is
    planning to appeal")? That is an intention or an action, not a report. A directive keeps its
    infinitive when an addressee stands between ("urged the government to act"), and a report of a
    clause ("vowed that …") is not an infinitive."""
    root = content.root
    if root.dep_ != "xcomp" or root.head.i != verb.i or not any(c.tag_ == "TO" for c in root.children):
        return False
    if lemma in COMMISSIVE_CUES:
        return False
    addressee = any(
        (c.dep_ in {"dobj", "dative"} or (c.dep_ == "prep" and c.lower_ in {"on", "upon"})) and c.i < root.i
        for c in verb.children
    )
    return not addressee


def _set_off_by_commas(verb: Token) -> bool:
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.i < verb.i), None)
    start = subject.left_edge.i if subject is not None else verb.i
    end = verb.right_edge.i + 1
    doc = verb.doc
    return start > 0 and doc[start - 1].text == "," and end < len(doc) and doc[end - 1].text == ","


def _object_content(verb: Token, *, evidence: bool = False, prepositions: bool = True) -> Span | None:
    """The object, its predicate and the proposal of an object cue; "for" and "on" stay with the
    cue ("called for | a ban"), "as" with the content ("cited X | as an example"). What a record
    shows keeps every complement after the verb ("show | Clinton with a lead in Ohio")."""
    tokens: list[Token] = []
    for child in verb.children:
        if child.i < verb.i or is_time_adjunct(child):
            continue
        if child.dep_ in OBJECT_CONTENT_DEPS or (evidence and child.dep_ in {"prep", "advmod", "acomp"}):
            tokens.extend(child.subtree)
        elif prepositions and child.dep_ == "prep" and child.lower_ in OBJECT_CONTENT_PREPOSITIONS:
            tokens.extend(t for t in child.subtree if t.lower_ == "as" or t.i != child.i)
        elif tokens and child.dep_ == "advcl" and any(c.tag_ == "TO" for c in child.children):
            # "calls on the government to act", the infinitive parsed as an adverbial clause.
            tokens.extend(child.subtree)
        elif tokens and child.dep_ in {"conj", "dobj"} and not _has_subject(child):
            # A second object or action that the parser hung on the cue ("mentioned refinancing
            # loans and forcing universities to …", "promising to meet and exceed his goals").
            tokens.extend(child.subtree)
    return trim(verb.doc, tokens)


def _has_subject(token: Token) -> bool:
    return any(c.dep_ in SUBJECT_DEPS for c in token.children)


def _quoted_or_comma_before(verb: Token, clause: Token) -> bool:
    """Content placed before its cue is set off by a comma, a colon or a closing quote just before
    the cue's phrase ("… ,” he said"; "Troops will stay, the minister said")."""
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.i < verb.i), None)
    boundary = subject.left_edge.i if subject is not None else verb.i
    before = verb.doc[max(boundary - 2, 0) : boundary]
    return any(t.text in {",", ":"} or t.text in CLOSE_QUOTES for t in before)


def _is_clause(token: Token) -> bool:
    return any(c.dep_ in SUBJECT_DEPS for c in token.children) or token.tag_ in {"VBD", "VBZ", "VBP", "MD"}


def _clause_span(head: Token, *, exclude: Token) -> Span | None:
    # (In this order: inside the head's subtree is found by a short walk up to the head; outside
    # the cue's, by a walk up to the root of the sentence.)
    tokens = [t for t in head.subtree if in_subtree(t, head) or not in_subtree(t, exclude)]
    # A time adjunct right after the cue is when it was said ("said on Monday the deal …"), which
    # the parser often hangs on the reported clause.
    if exclude.i < head.i:
        opening = [c for c in head.children if c.i < head.i and c.left_edge.i == exclude.i + 1]
        if opening and is_time_adjunct(opening[0]):
            tokens = [t for t in tokens if not in_subtree(t, opening[0])]
    return trim(head.doc, tokens)


# People a speaker addresses ("told reporters", "warned lawmakers"): an object made of one of these
# is who heard it, not what was said.
AUDIENCE_NOUNS = frozenset(
    """reporter journalist press media audience crowd supporter lawmaker parliament MP mp delegate
    listener viewer reader colleague counterpart""".split()
)


def _bare_object(content: Span) -> bool:
    """Is the content a noun phrase alone, with no predicate, proposal or description of it?"""
    heads = [t for t in content if not (content.start <= t.head.i < content.end) or t.head.i == t.i]
    if len(heads) != 1 or heads[0].dep_ != "dobj":
        return False
    # "disputes the idea that she needed …": the noun's "that" clause is a proposition.
    return not any(
        c.dep_ in {"acl", "ccomp", "relcl"} and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
        for c in heads[0].children
    )


def _addressee(content: Span) -> bool:
    """Is the content nothing but someone addressed (no infinitive or clause of what they were told)?"""
    heads = [t for t in content if t.head.i == t.i or not (content.start <= t.head.i < content.end)]
    if len(heads) != 1:
        return False
    head = heads[0]
    lemma = head.lemma_.lower()
    return (
        head.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"}
        or head.pos_ in {"PRON", "PROPN"}
        or lemma in AUDIENCE_NOUNS
        or (lemma in SPEAKER_NOUNS and lemma not in EVIDENCE_NOUNS and lemma not in RECORD_NOUNS)
    )


def _speaker_like(source: Span | None) -> bool:
    """Can this phrase be someone who speaks or thinks? A person or organisation name, a pronoun,
    or a noun for people (officials, experts, a spokesman)."""
    if source is None:
        return False
    head = source.root
    return (
        head.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"}
        or head.pos_ in {"PRON", "PROPN"}
        or head.lemma_.lower() in SPEAKER_NOUNS
        or head.lemma_.lower() in EVIDENCE_NOUNS
    )


def _evidence(source: Span | None) -> bool:
    """Is the subject a record or a measurement (a poll, a video, an analysis) rather than a person?"""
    return source is not None and source.root.lemma_.lower() in EVIDENCE_NOUNS


def _according_to(token: Token) -> tuple[list[Token], Span | None, Span] | None:
    to = next((c for c in token.children if c.lower_ == "to"), None)
    objects = [c for c in to.children if c.dep_ == "pobj"] if to is not None else []
    doc = token.doc
    if objects:
        # Without the comma the parser may hang on the name ("according to X, …").
        source = trim(doc, list(objects[0].subtree))
        phrase_end = token.right_edge.i
    else:
        # The parser sometimes makes the source the subject of the clause ("According to expert
        # Jane Doe, the weapons may …" with "Doe" as the subject of "may"): the phrase between "to"
        # and the comma that closes the opening is still the source.
        found = _phrase_to_comma(doc, to) if to is not None and token.i < to.i else None
        if found is None:
            return None
        source, phrase_end = found
    clause = token.head
    tokens = [t for t in clause.subtree if not (token.left_edge.i <= t.i <= phrase_end)]
    content = trim(token.doc, tokens)
    if content is None:
        return None
    return [token, to], source, content


# How many tokens an "according to" phrase the parser did not attach may run before its comma.
ACCORDING_TO_MAX_TOKENS = 12


def _phrase_to_comma(doc, to: Token) -> tuple[Span, int] | None:
    """ "according to <phrase>," at the start of a clause: the phrase, and the comma's index; None
    unless the phrase ends in a name or a noun (a speaker, not a clause)."""
    limit = min(len(doc), to.i + 1 + ACCORDING_TO_MAX_TOKENS)
    comma = next((t.i for t in doc[to.i + 1 : limit] if t.text == "," or t.is_sent_end), None)
    if comma is None or doc[comma].text != "," or comma == to.i + 1:
        return None
    phrase = doc[to.i + 1 : comma]
    if phrase[-1].pos_ not in {"PROPN", "NOUN"} or any(t.pos_ in {"VERB", "AUX"} for t in phrase):
        return None
    return phrase, comma


# Verbs that report in the passive with their source as the agent ("the deaths were confirmed by
# the ministry", "dozens of attacks have been recorded by the OPCW"): what the agent vouches for
# is the subject.
PASSIVE_REPORT_CUES = frozenset({"confirm", "record", "document", "report", "verify", "announce", "register"})


def _passive_report(verb: Token) -> tuple[list[Token], Span | None, Span] | None:
    if not any(c.dep_ == "auxpass" for c in verb.children):
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    objects = [c for c in agent.children if c.dep_ == "pobj"] if agent is not None else []
    if subject is None or not objects or subject.lower_ in {"it", "this", "that", "which", "who"}:
        return None
    source = source_of(verb)
    if not _speaker_like(source):
        return None  # "was recorded by a camera", "were verified by analysis"
    content = trim(verb.doc, list(subject.subtree))
    if content is None:
        return None
    auxiliaries = [c for c in verb.children if c.dep_ in {"aux", "auxpass", "neg"}]
    return sorted([*auxiliaries, verb, agent], key=lambda t: t.i), source, content


# "In a poll …", "in his view …": what follows is the record's or the person's, not the author's.
RECORD_VIEW_NOUNS = frozenset({"view", "eyes", "opinion", "words", "mind", "estimation", "judgment", "judgement"})


def _in_record(token: Token) -> tuple[list[Token], Span | None, Span] | None:
    objects = [c for c in token.children if c.dep_ == "pobj"]
    clause = token.head
    if not objects or clause.pos_ not in {"VERB", "AUX"} or clause.lemma_.lower() in CUE_VERBS:
        return None  # "said in an interview": the verb is the cue
    noun = objects[0]
    lemma = noun.lemma_.lower()
    if lemma in RECORD_VIEW_NOUNS:
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        if owner is None:
            return None
        source = token.doc[owner.left_edge.i : owner.right_edge.i + 1]  # "in his view" -> his
    elif lemma in EVIDENCE_NOUNS:
        source = token.doc[noun.left_edge.i : noun.right_edge.i + 1]  # "in the latest poll"
    else:
        return None
    tokens = [t for t in clause.subtree if not (token.left_edge.i <= t.i <= token.right_edge.i)]
    content = trim(token.doc, tokens)
    return ([token], source, content) if content is not None else None
