"""Attributed claims: who said what — source, cue, content — from the dependency parse.

Shapes recognised (all from the parse, none from any one article):

- a reporting verb with a subject and a clausal complement: "X argued at length that …",
  "X briefed the media that …", "… , X said.", "X has said 2,000 is closer to the truth";
- a reporting verb with "about"/"on" and a noun phrase: "X has spoken about 4,000 refugees";
- a reporting verb inside an infinitive or a noun's complement, its source found up the tree:
  "he has taken every opportunity to stress that …";
- "according to X, …";
- a direct quote that runs on into the next sentences, until a sentence with its own cue;
- passive or impersonal reports without a named source ("it was reported that …"): source None.

The source is linked to an entity when one of the entity's mentions (a name, a title, a pronoun
resolved by coref.py) lies in the source phrase; its actor code comes from that mention or entity.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

from newsint.extract.intervals import Intervals, ItemsByStart
from newsint.model import Claim, ClaimSource, Entity, Mention, Quantity
from newsint.model import Span as TextSpan
from newsint.nlp.text import doc_text

# Reporting verbs (lemmas). Derived from the communication and cognition verbs that attribution
# corpora (PolNeAR, PARC) annotate as cues; "think"/"believe" included, as those corpora do.
CUE_VERBS = frozenset(
    """say tell state claim argue announce add note insist warn stress emphasise emphasize explain report
    write suggest believe think acknowledge admit deny confirm reply respond answer allege assert
    declare predict estimate brief speak accuse charge contend maintain indicate reveal testify tweet
    post conclude complain urge vow promise recall concede caution observe remark comment describe
    disclose inform announce assure boast blame criticize criticise demand propose recommend question
    wonder ask learn hear show find expect fear hope worry know understand agree disagree point signal
    threaten pledge reiterate repeat counter retort quip joke lament acknowledge notify brief mention
    yell shout chant scream whisper exclaim""".split()
)
# Verbs that report only when a quotation follows them ("She continued: “…”"); elsewhere they
# report nothing ("continued to fight").
QUOTE_CUE_VERBS = frozenset({"continue", "go", "begin", "start", "finish", "end", "put"})
# Cues that need a clausal complement to be reporting ("show that …", not "show a film").
CLAUSE_ONLY_CUES = frozenset(
    {
        "show",
        "find",
        "know",
        "understand",
        "learn",
        "hear",
        "expect",
        "hope",
        "fear",
        "worry",
        "agree",
        "think",
        "believe",
        "point",
        "signal",
        "ask",
        "wonder",
        "question",
    }
)
# Cues whose object is what was said about ("spoke about X", "commented on X").
TOPIC_PREPOSITIONS = frozenset({"about", "on", "of"})
# Prepositions that belong to the cue, not to what was said ("spoke about", "called for").
CUE_PREPOSITIONS = TOPIC_PREPOSITIONS | {"for"}
# The author's stance, from the cue: "claimed" keeps a distance, "acknowledged" endorses.
DISTANCING_CUES = frozenset({"claim", "allege", "insist", "purport", "contend", "boast"})
ENDORSING_CUES = frozenset(
    {"acknowledge", "admit", "confirm", "reveal", "show", "point", "concede", "disclose", "learn"}
)
HEDGE_WORDS = frozenset({"apparently", "reportedly", "allegedly", "purportedly", "seemingly", "supposedly"})
# Stance and communication verbs whose object or infinitive is the attributed content, as
# attribution corpora annotate them ("called the deal a disaster", "cited a poll", "wants to
# stay", "pledged to rebuild"); kept only with a speaker-like subject.
OBJECT_CUES = frozenset(
    """call cite describe criticize criticise attack mention praise condemn urge support want plan pledge
    promise vow decline refuse seek propose demand blast slam accuse defend dismiss reject welcome
    endorse oppose predict dispute stress highlight question lambaste protest denounce laud tout hail
    applaud outline portray depict label brand dub deem blame credit link warn insist reiterate
    dispute challenge question intend explore examine view document recommend downplay express invoke
    press implore confront promote""".split()
)
# What an object cue's content is made of: its object with the object's predicate ("called the
# charges fabricated"), an infinitive ("urged Congress to act"), and the preposition that carries
# the proposal or the description ("called for a ban", "called on X to resign", "cited X as Y").
OBJECT_CONTENT_DEPS = frozenset({"dobj", "oprd", "xcomp", "ccomp"})
OBJECT_CONTENT_PREPOSITIONS = frozenset({"for", "on", "as"})
# Records and measurements that "show" or "find" something as a person would say it ("polls show
# Clinton ahead", "the video shows him with his hands in the air").
EVIDENCE_NOUNS = frozenset(
    """poll polls polling survey surveys study studies video videos footage data analysis document documents
    report reports transcript research average averages record records slide figures statistics photo
    photos image images audit review investigation count tally""".split()
)
EVIDENCE_CUES = frozenset({"show", "find", "reveal", "indicate", "suggest"})
# Verbs whose direct object is the topic of what was said ("spoke about 4,000 refugees").
TOPIC_VERBS = frozenset({"speak", "talk", "write", "comment", "testify", "tweet", "post"})
# Nouns for people who can be reported as knowing, finding or believing something.
SPEAKER_NOUNS = frozenset(
    """official officials expert analyst analysts source spokesman spokeswoman spokesperson minister
    president leader diplomat diplomats observer observers researcher researchers scientist investigator
    investigators intelligence agency ministry government authority authorities report study survey poll
    people resident residents witness witnesses activist activists commander officer officers general
    critic critics lawyer lawyers prosecutor prosecutors judge court police military army woman man
    member members voter voters campaign party committee commission council group union company
    administration department office spokesperson aide aides adviser advisers senator lawmaker
    lawmakers governor mayor candidate nominee chairman chairwoman director chief secretary
    ambassador family""".split()
)
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
CONTENT_DEPS = frozenset({"ccomp", "xcomp", "parataxis"})
# Quotation marks as tokens: curly, straight, and the doubled apostrophes of wire and archive
# text (''like this'').
OPEN_QUOTES = ("“", '"', "‘", "''", "``")
CLOSE_QUOTES = ("”", '"', "’", "''")
QUOTE_ENDS = (*CLOSE_QUOTES, ".")  # a quoted sentence ends with its mark, or its stop outside it


def extract_claims(doc: Doc, entities: list[Entity], quantities: list[Quantity]) -> list[Claim]:
    reports: list[tuple[list[Token], Span | None, Span]] = []
    taken: set[tuple[int, int]] = set()
    # Direct quotes first: their content is the whole quotation, across sentences, which the
    # clause-level rules below would cut at the sentence end.
    quoted: list[tuple[int, int]] = []
    # Names a speaker label may use: the people's and organisations' mentions, and a person's
    # surname ("Sanders: …" over an article about Bernie Sanders).
    speakers = {m.text for e in entities if e.type in SPEAKER_ENTITY_TYPES for m in e.mentions}
    speakers |= {e.name.split()[-1] for e in entities if e.type == "PERSON" and e.name.split()}
    for cue, source, content in [*_label_claims(doc, speakers), *_quote_claims(doc)]:
        quoted.append((content.start_char, content.end_char))
        taken.add((content.start_char, content.end_char))
        reports.append((cue, source, content))
    quotations = Intervals((m.start(), m.end()) for m in _QUOTATION.finditer(doc_text(doc)))
    quoted_spans = Intervals(quoted)
    for sentence in doc.sents:
        for found in _claims_in(sentence):
            cue, source, content = found
            key = (content.start_char, content.end_char)
            if content.end <= content.start or key in taken:
                continue
            if _first_person(source) and quotations.holds(cue[0].idx, cue[0].idx + 1):
                continue  # "“I think we'll win,” she said": the quoted speaker's own words
            if quoted_spans.holds(content.start_char, content.start_char + 1) or quoted_spans.holds(
                content.end_char - 1, content.end_char
            ):
                continue  # the same report, already taken whole as a quotation
            taken.add(key)
            reports.append((cue, source, _extend_quote(content, doc)))
    contents = Intervals((content.start, content.end) for _, _, content in reports)
    reports = [r for r in reports if not _nested(r, contents)]
    # Looked up by where they stand, not searched for each claim: a long article has thousands.
    mentions = ItemsByStart((m.start, m.end, (entity, m)) for entity in entities for m in entity.mentions)
    figures = ItemsByStart((q.start, q.end, q) for q in quantities)
    return [_claim(n, *report, mentions, figures) for n, report in enumerate(reports, 1)]


def _first_person(source: Span | None) -> bool:
    return source is not None and source.root.lower_ in {"i", "we", "me", "us"}


def _nested(report: tuple[list[Token], Span | None, Span], contents: Intervals) -> bool:
    """A report inside what someone else is reported to have said, by a pronoun or nobody named
    ("Begum said she wanted to return": "wanted" is part of Begum's claim, not a claim of its own).
    A named speaker inside keeps their claim ("the UN said 4,000 were there, while local officials
    said 1,500"). ``contents``: the token extents of every report's content."""
    cue, source, content = report
    if source is not None and source.root.pos_ != "PRON":
        return False
    # Another report's content that holds this one's cue and content and is longer than it.
    start, end = min(cue[0].i, content.start), max(cue[0].i + 1, content.end)
    if (start, end) != (content.start, content.end):
        return contents.holds(start, end)
    return contents.holds_more_than(start, end)


# A speaker label is a short name before a colon at the start of a paragraph.
LABEL_MAX_TOKENS = 5
LABEL_ENTITY_TYPES = frozenset({"PERSON", "ORG", "NORP"})
SPEAKER_ENTITY_TYPES = frozenset({"PERSON", "ORG"})


def _label_claims(doc: Doc, speakers: set[str]) -> Iterable[tuple[list[Token], Span, Span]]:
    """A paragraph that opens with a speaker's name and a colon: a transcript turn ("PENCE: Well,
    look, …") or a headline that quotes ("Sanders: Clinton needs to …"). The name must be a person
    or an organisation (tagged here, or named so elsewhere in the article), a noun for a speaker or
    a record ("Poll: …"), or, in a transcript (a label that opens two or more paragraphs), any
    capitalised label: speakers whom the tagger may not know as names."""
    labels: list[tuple[Span, Token, Span]] = []
    paragraph_starts = list(_paragraph_starts(doc))
    for start in paragraph_starts:
        if doc[start].text in OPEN_QUOTES:
            start += 1
        colon = next((t for t in doc[start : start + LABEL_MAX_TOKENS + 1] if t.text == ":"), None)
        if colon is None or colon.i == start:
            continue
        name = doc[start : colon.i]
        if not all(t.is_alpha or t.text in {".", "-", "'", "’"} for t in name) or not name[0].text[:1].isupper():
            continue
        end = colon.i + 1
        while end < len(doc) and "\n" not in doc[end].text:
            end += 1
        content = _trim(doc, list(doc[colon.i + 1 : end]))
        if content is not None and len(content) >= 3:
            labels.append((name, colon, content))
    repeated = Counter(name.text for name, _, _ in labels)
    transcript = any(count > 1 and name.isupper() for name, count in repeated.items())
    for index, (name, colon, content) in enumerate(labels):
        if transcript and name.text.isupper():
            # A turn runs on over the paragraphs after it, up to the next speaker's label or a
            # stage direction ("(CROSSTALK.)").
            limit = labels[index + 1][0].start if index + 1 < len(labels) else len(doc)
            content = _turn(doc, content, limit, paragraph_starts)
        if (transcript and name.text.isupper()) or name.text in speakers or _named_speaker(name):
            yield [colon], name, content


def _turn(doc: Doc, content: Span, limit: int, paragraph_starts: list[int]) -> Span:
    end = content.end
    # The paragraphs after the content, found by bisection: a transcript has a turn per paragraph.
    for k in range(bisect_left(paragraph_starts, content.end), len(paragraph_starts)):
        start = paragraph_starts[k]
        opening = start + 1 if doc[start].text in OPEN_QUOTES else start
        if opening >= limit or doc[opening].text in {"(", "["}:
            break
        stop = start
        while stop < len(doc) and "\n" not in doc[stop].text:
            stop += 1
        paragraph = _trim(doc, list(doc[start:stop]))
        if paragraph is not None:
            end = paragraph.end
    return doc[content.start : end]


def _paragraph_starts(doc: Doc) -> Iterable[int]:
    for token in doc:
        if not token.is_space and (token.i == 0 or "\n" in doc[token.i - 1].text_with_ws):
            yield token.i


def _named_speaker(name: Span) -> bool:
    if any(t.ent_type_ == "GPE" or t.ent_type_ in {"DATE", "TIME"} for t in name):
        return False  # a dateline ("WASHINGTON:") or a time stamp
    head = name.root
    return (
        head.ent_type_ in LABEL_ENTITY_TYPES
        or head.lemma_.lower() in SPEAKER_NOUNS
        or head.lemma_.lower() in EVIDENCE_NOUNS
    )


# A quotation: curly, straight or doubled-apostrophe marks. A quotation that runs over several
# paragraphs reopens each of them and closes only at its end (“…¶“…”), so a paragraph break is
# allowed inside one only where the next paragraph opens with the same mark. A paragraph that
# opens with a closing curly mark (”…”) is a mistyped opening one.
_QUOTATION = re.compile(
    r"“(?:[^“”\n]|\n\s*“)+?”"
    r"|(?<![^\n])”[^“”\n]+?”"
    r"|\"(?:[^\"\n]|\n\s*\")+?\""
    r"|''(?:[^'\n]|'(?!')|\n\s*'')+?''"
)
# How far (in tokens) a cue may stand from the quotation it introduces or follows.
QUOTE_CUE_WINDOW = 6
# … or, when only the speaker's description stands between, this far.
QUOTE_SOURCE_WINDOW = 25


def _quote_claims(doc: Doc) -> Iterable[tuple[list[Token], Span | None, Span]]:
    """“…,” she said. “…”  /  He said: “…”  /  “My hope,” he said, “is that …”"""
    quotes = [doc.char_span(m.start(), m.end(), alignment_mode="expand") for m in _QUOTATION.finditer(doc_text(doc))]
    quotes = [q for q in quotes if q is not None and len(q) >= 3]
    used: set[int] = set()
    for index, quote in enumerate(quotes):
        if index in used:
            continue
        cue = _cue_after(quote) or _cue_before(quote)
        if cue is None:
            signed = _signature(quote)  # “…” ― Sonya Herridge
            if signed is not None:
                yield [signed[0]], signed[1], quote
            continue
        end = quote.end
        # Further quotations with no cue of their own continue the same report.
        for later in range(index + 1, len(quotes)):
            nxt = quotes[later]
            gap = doc[end : nxt.start]
            too_far = len(gap) > QUOTE_CUE_WINDOW + 2 and not _only_attribution(gap, cue)
            own_cue = bool(gap.text.strip()) and _has_cue(gap) and cue.i not in range(gap.start, gap.end)
            if too_far or own_cue:
                break  # a new report starts (or the text between is the author's)
            if _cue_after(nxt) is not None and nxt.start > cue.i and _cue_after(nxt).i != cue.i:
                break
            if "\n\n" in gap.text and not nxt.text.startswith(OPEN_QUOTES):
                break
            used.add(later)
            end = nxt.end
        content = doc[quote.start : end]
        yield _cue_tokens(cue, content), _source_of(cue), content


def _only_attribution(gap: Span, cue: Token) -> bool:
    """Is the text between two quotations nothing but the report's own attribution clause, however
    long the speaker's description ("…,” said Rep. Jane Doe (D-N.C.), head of the caucus. “…")?"""
    return cue.i in range(gap.start, gap.end) and all(t.is_punct or t.is_space or _in_subtree(t, cue) for t in gap)


def _signature(quote: Span) -> tuple[Token, Span] | None:
    """A quotation signed with a dash and a name, as in reader-reaction pieces."""
    doc = quote.doc
    if quote.end + 1 >= len(doc) or doc[quote.end].text not in {"―", "—", "–", "-"}:
        return None
    start = end = quote.end + 1
    while end < len(doc) and end - start < 5 and doc[end].pos_ == "PROPN":
        end += 1
    return (doc[quote.end], doc[start:end]) if end > start else None


def _has_cue(span: Span) -> bool:
    return any(t.lemma_.lower() in CUE_VERBS and t.pos_ in {"VERB", "AUX"} for t in span)


def _cue_after(quote: Span) -> Token | None:
    """The cue just after a quotation ("…,” he said), or further on when all that stands between
    is the speaker's description ("…,” panel Chairman Rep. Jane Doe (R-Utah) said)."""
    doc = quote.doc
    inner = quote.text.rstrip("”\"’' ")
    if inner.endswith(".") and quote.end < len(doc) and doc[quote.end].text[:1].isupper():
        return None  # “… forces.” Russia has demanded …: a new sentence, not this quotation's cue
    for token in doc[quote.end : min(len(doc), quote.end + QUOTE_SOURCE_WINDOW)]:
        if token.text in {".", "!", "?"} or "\n" in token.text:
            return None
        if token.lemma_.lower() in CUE_VERBS and token.pos_ in {"VERB", "AUX"}:
            if token.i - quote.end < QUOTE_CUE_WINDOW or _only_subject_between(quote.end, token):
                return token
            return None
    return None


def _only_subject_between(start: int, verb: Token) -> bool:
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.i < verb.i), None)
    if subject is None:
        return False
    between = verb.doc[start : verb.i]
    return all(t.is_punct or _in_subtree(t, subject) or t.head.i == verb.i for t in between)


def _cue_before(quote: Span) -> Token | None:
    doc = quote.doc
    window = doc[max(0, quote.start - QUOTE_CUE_WINDOW) : quote.start]
    if window and window[-1].lemma_.lower() in CUE_VERBS and window[-1].pos_ == "VERB":
        return window[-1]  # no comma: "Trump declared “I think NATO may be obsolete.”"
    if not window or window[-1].text not in {",", ":"}:
        return None
    for token in reversed(window):
        if token.text in {".", "!", "?"} or "\n" in token.text:
            return None
        if token.lemma_.lower() in CUE_VERBS | QUOTE_CUE_VERBS and token.pos_ in {"VERB", "AUX"}:
            return token
    return None


def _claims_in(sentence: Span) -> Iterable[tuple[list[Token], Span | None, Span]]:
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
        if lemma not in CUE_VERBS and lemma not in OBJECT_CUES:
            continue
        content = _content_of(token)
        source = _source_of(token)
        if lemma in EVIDENCE_CUES and _evidence(source) and (content is None or content.root.dep_ not in CONTENT_DEPS):
            content = _object_content(token, evidence=True)  # "polls show Clinton ahead"
        elif content is not None and lemma in CLAUSE_ONLY_CUES and content.root.dep_ not in CONTENT_DEPS:
            continue
        if content is None:
            continue
        reported = lemma in CUE_VERBS and content.root.dep_ in CONTENT_DEPS and lemma not in CLAUSE_ONLY_CUES
        if not reported and not _speaker_like(source):
            continue  # "it is not known how …", "the drills show that …": no one is reported
        yield _cue_tokens(token, content), source, content


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
        return _trim(doc, list(verb.head.subtree))
    # "X said" after the content: the content clause is the verb's head ("Troops left, X said").
    if (
        verb.dep_ in {"parataxis", "ccomp"}
        and verb.head.i < verb.i
        and verb.head.pos_ in {"VERB", "AUX"}
        and _quoted_or_comma_before(verb, verb.head)
    ):
        head = verb.head
        tokens = [t for t in head.subtree if t.i < verb.i and not _in_subtree(t, verb)]
        return _trim(doc, tokens)
    if verb.lemma_.lower() in OBJECT_CUES:  # "called the plan a disaster", "called on X to resign"
        return _object_content(verb)
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in TOPIC_PREPOSITIONS:
            # "spoke on Friday", "commented on Twitter" name when or where, not what about.
            objects = [c for c in child.children if c.dep_ == "pobj" and c.ent_type_ not in {"DATE", "TIME"}]
            if objects:
                return _trim(doc, list(objects[0].subtree))
    if verb.lemma_.lower() in TOPIC_VERBS:  # "has spoken about 4,000 refugees" (about as quantmod)
        for child in verb.children:
            if child.dep_ == "dobj":
                return _trim(doc, list(child.subtree))
    if verb.lemma_.lower() not in CLAUSE_ONLY_CUES:  # "denied the report", "stressed her support"
        return _object_content(verb, prepositions=False)
    return None


def _when(child: Token) -> bool:
    """A time adjunct ("on Friday", "this week"), which is not what was said."""
    if child.ent_type_ in {"DATE", "TIME"}:
        return True
    return child.dep_ == "prep" and any(c.dep_ == "pobj" and c.ent_type_ in {"DATE", "TIME"} for c in child.children)


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
        if child.i < verb.i or _when(child):
            continue
        if child.dep_ in OBJECT_CONTENT_DEPS or (evidence and child.dep_ in {"prep", "advmod", "acomp"}):
            tokens.extend(child.subtree)
        elif prepositions and child.dep_ == "prep" and child.lower_ in OBJECT_CONTENT_PREPOSITIONS:
            tokens.extend(t for t in child.subtree if t.lower_ == "as" or t.i != child.i)
        elif tokens and child.dep_ in {"conj", "dobj"} and not _has_subject(child):
            # A second object or action that the parser hung on the cue ("mentioned refinancing
            # loans and forcing universities to …", "promising to meet and exceed his goals").
            tokens.extend(child.subtree)
    return _trim(verb.doc, tokens)


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
    tokens = [t for t in head.subtree if _in_subtree(t, head) or not _in_subtree(t, exclude)]
    # A time adjunct right after the cue is when it was said ("said on Monday the deal …"), which
    # the parser often hangs on the reported clause.
    if exclude.i < head.i:
        opening = [c for c in head.children if c.i < head.i and c.left_edge.i == exclude.i + 1]
        if opening and _when(opening[0]):
            tokens = [t for t in tokens if not _in_subtree(t, opening[0])]
    return _trim(head.doc, tokens)


def _in_subtree(token: Token, root: Token) -> bool:
    # Tokens are compared by position: spaCy makes a new Token object on every access.
    return root.left_edge.i <= token.i <= root.right_edge.i and (token.i == root.i or root in token.ancestors)


def _trim(doc: Doc, tokens: list[Token]) -> Span | None:
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


def _cue_tokens(verb: Token, content: Span) -> list[Token]:
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
            and not _when(child)
        ):
            tokens.append(child)
    return sorted(tokens, key=lambda t: t.i)


def _overlaps(token: Token, span: Span) -> bool:
    return span.start <= token.i < span.end


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


def _source_of(verb: Token) -> Span | None:
    """The subject of the cue, looking through infinitives and noun complements ("he has taken
    every opportunity to stress that …" -> he); None for passives and impersonal "it"."""
    node = verb
    for _ in range(4):
        for child in node.children:
            if child.dep_ == "nsubj" and child.lower_ not in {"it", "there"}:
                if child.lower_ in {"who", "that", "which"} and node.dep_ == "relcl":
                    child = node.head  # "the minister, who said …": the minister
                return child.doc[child.left_edge.i : _source_end(child)]
            if child.dep_ == "agent":  # "was said by X"
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects:
                    return child.doc[objects[0].left_edge.i : _source_end(objects[0])]
        if node.dep_ in {"xcomp", "acl", "advcl", "relcl", "conj"} and node.head.i != node.i:
            node = node.head if node.dep_ != "acl" else node.head.head
            continue
        break
    return None


def _source_end(head: Token) -> int:
    """A source phrase ends at its head, its compounds and its name, not its relative clause."""
    end = head.i + 1
    for child in head.children:
        if child.i > head.i and child.dep_ in {"compound", "appos", "flat", "prep", "amod", "nummod"}:
            if child.dep_ == "prep" and child.lower_ not in {"of", "at", "for", "from", "in"}:
                continue
            end = max(end, child.right_edge.i + 1)
    return end


def _according_to(token: Token) -> tuple[list[Token], Span | None, Span] | None:
    to = next((c for c in token.children if c.lower_ == "to"), None)
    objects = [c for c in to.children if c.dep_ == "pobj"] if to is not None else []
    if not objects:
        return None
    source = token.doc[objects[0].left_edge.i : objects[0].right_edge.i + 1]
    clause = token.head
    tokens = [t for t in clause.subtree if not (token.left_edge.i <= t.i <= token.right_edge.i)]
    content = _trim(token.doc, tokens)
    if content is None:
        return None
    return [token, to], source, content


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
    content = _trim(token.doc, tokens)
    return ([token], source, content) if content is not None else None


def _extend_quote(content: Span, doc: Doc) -> Span:
    """A direct quote that goes on past its sentence ("“… ,” he said. “…”") continues the claim."""
    text = content.text
    if not text or not text.startswith(OPEN_QUOTES):
        return content
    end = content.end
    sentence = content.sent
    nxt = doc[sentence.end].sent if sentence.end < len(doc) else None
    while nxt is not None and nxt.text.strip().startswith(OPEN_QUOTES) and nxt.text.strip().endswith(QUOTE_ENDS):
        if any(t.lemma_.lower() in CUE_VERBS and t.pos_ == "VERB" for t in nxt):
            break
        end = nxt.end
        nxt = doc[nxt.end].sent if nxt.end < len(doc) else None
    return doc[content.start : end] if end > content.end else content


def _claim(number: int, cue: list[Token], source: Span | None, content: Span,
           mentions: ItemsByStart[tuple[Entity, Mention]], quantities: ItemsByStart[Quantity]) -> Claim:  # fmt: skip
    entity, actor = _source_entity(source, mentions)
    verb_lemmas = {t.lemma_.lower() for t in cue}
    hedge = None
    if verb_lemmas & DISTANCING_CUES:
        hedge = "distances"
    elif any(t.lower_ in HEDGE_WORDS for t in content.sent) or _it_appears(content):
        hedge = "hedges"
    elif verb_lemmas & ENDORSING_CUES:
        hedge = "endorses"
    doc = content.doc
    cue_text = doc[cue[0].i : cue[-1].i + 1].text if cue else None
    inside = [q.id for q in quantities.within(content.start_char, content.end_char)]
    return Claim(
        id=f"C{number}",
        source=ClaimSource(
            entity=entity,
            text=source.text if source is not None else None,
            actor=actor,
            start=source.start_char if source is not None else None,
            end=source.end_char if source is not None else None,
        ),
        cue=cue_text,
        content=TextSpan(start=content.start_char, end=content.end_char, text=content.text),
        quantities=inside,
        hedge=hedge,
    )


def _it_appears(content: Span) -> bool:
    sentence = content.sent.text.lower()
    return any(p in sentence for p in ("it appears", "it seems", "appears to", "seems to"))


def _source_entity(
    source: Span | None, mentions: ItemsByStart[tuple[Entity, Mention]]
) -> tuple[str | None, str | None]:
    if source is None:
        return None, None
    head = source.root
    best = None
    for entity, mention in mentions.within(source.start_char, source.end_char):
        # The head of the phrase decides: "UN Secretary-General Antonio Guterres" is the
        # person, not the UN; "an anonymous Foreign Office official" is an official, not
        # the department — no entity, but the department's actor code.
        is_head = mention.start <= head.idx < mention.end
        rank = (is_head, entity.type == "PERSON", mention.end)
        if best is None or rank > best[0]:
            best = (rank, entity, mention)
    if best is None:
        return None, None
    (is_head, _, _), entity, mention = best
    return (entity.id if is_head else None), mention.actor or entity.actor
