"""The claims stage put together: speaker labels and quotations first, then the reports each
sentence's parse holds; each report linked to its source's entity and given the author's stance."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from newsint.extract.claims.clauses import claims_in
from newsint.extract.claims.confidence import claim_confidence
from newsint.extract.claims.grammar import trim
from newsint.extract.claims.labels import SPEAKER_ENTITY_TYPES, label_claims
from newsint.extract.claims.lexicon import CLOSE_QUOTES, DISTANCING_CUES, ENDORSING_CUES, HEDGE_WORDS, OPEN_QUOTES
from newsint.extract.claims.quotes import QUOTATION, extend_quote, quote_claims
from newsint.extract.claims.sources import Resolution, SourceResolver
from newsint.extract.intervals import Intervals, ItemsByStart
from newsint.model import Claim, ClaimSource, Entity, Quantity
from newsint.model import Span as TextSpan
from newsint.nlp.text import doc_text


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
    for cue, source, content in [*label_claims(doc, speakers), *quote_claims(doc)]:
        quoted.append((content.start_char, content.end_char))
        taken.add((content.start_char, content.end_char))
        reports.append((cue, source, content))
    quotations = Intervals((m.start(), m.end()) for m in QUOTATION.finditer(doc_text(doc)))
    quoted_spans = Intervals(quoted)
    for sentence in doc.sents:
        for found in claims_in(sentence):
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
            reports.append((cue, source, extend_quote(content, doc)))
    contents = Intervals((content.start, content.end) for _, _, content in reports)
    reports = [r for r in reports if not _nested(r, contents)]
    # In text order: a pronoun's source may be the speaker of a claim before it.
    reports.sort(key=lambda r: (r[1].start if r[1] is not None else r[2].start, r[2].start))
    resolver = SourceResolver(entities)
    resolved = [(report, resolver.resolve(report[1])) for report in reports]
    # A claim is someone's: with no source phrase ("it is said that …") the analyst has no one to
    # weigh it by (precision first). An unresolved pronoun stays, written as it stands.
    kept = [(report, resolution) for report, resolution in resolved if report[1] is not None]
    # Looked up by where they stand, not searched for each claim: a long article has thousands.
    figures = ItemsByStart((q.start, q.end, q) for q in quantities)
    kept.sort(key=lambda item: item[0][2].start)
    claims: list[Claim] = []
    for report, resolution in kept:
        confidence = claim_confidence(report[0], report[1], report[2], resolution.entity)
        for piece in _quoted_sentences(report, quotations):
            claims.append(_claim(len(claims) + 1, report[0], report[1], piece, resolution, figures, confidence))
    return claims


def _quoted_sentences(report: tuple[list[Token], Span | None, Span], quotations: Intervals) -> list[Span]:
    """A quotation that runs over several sentences, from a speaker named in full, as one claim per
    sentence with the same source: each sentence is a statement an analyst may need to weigh or
    cite alone. Only where the source is a name or a description, not a pronoun: a pronoun's
    speaker is found by proximity, and one wrong guess would be repeated on every sentence.
    Anything else stays whole."""
    _, source, content = report
    whole = [content]
    if source is None or source.root.pos_ == "PRON" or not content.text.startswith(OPEN_QUOTES):
        return whole
    pieces = []
    tokens: list[Token] = []
    for sentence in content.sents:
        # Inside the quotation only: the attribution between two quotations ("…,” it said. “…”)
        # is no part of what was said.
        tokens += [
            t for t in sentence if content.start <= t.i < content.end and quotations.holds(t.idx, t.idx + len(t.text))
        ]
        # The parser's sentence break is not always the writer's ("… inside out and there's …"),
        # and an opening mark may be left at the end of the sentence before: carry on until a
        # sentence ends and holds words enough to stand alone.
        if not _ends_a_sentence(sentence) or sum(not t.is_punct for t in tokens) < MIN_QUOTED_SENTENCE_WORDS:
            continue
        piece = trim(content.doc, tokens)
        tokens = []
        if piece is not None:
            pieces.append(piece)
    if tokens and pieces:  # a last piece cut off by the content's end
        piece = trim(content.doc, tokens)
        if piece is not None and sum(not t.is_punct for t in piece) >= MIN_QUOTED_SENTENCE_WORDS:
            pieces.append(piece)
    return pieces if len(pieces) > 1 else whole


def _ends_a_sentence(sentence: Span) -> bool:
    words = [t for t in sentence if not t.is_space and t.text not in CLOSE_QUOTES]
    return bool(words) and words[-1].text in {".", "!", "?", "…"}


# A quoted sentence shorter than this ("“No.”") is kept inside the claim before it, not alone.
MIN_QUOTED_SENTENCE_WORDS = 3


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


def _claim(number: int, cue: list[Token], source: Span | None, content: Span, resolution: Resolution,
           quantities: ItemsByStart[Quantity], confidence: float) -> Claim:  # fmt: skip
    entity, actor = resolution.entity, resolution.actor
    verb_lemmas = {t.lemma_.lower() for t in cue}
    hedge = None
    if verb_lemmas & DISTANCING_CUES:
        hedge = "distances"
    elif any(t.lower_ in HEDGE_WORDS for t in content.sent) or _it_appears(content) or _modal_hedge(content):
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
        confidence=confidence,
    )


# Modals of possibility and passives of belief that qualify what was said ("the fighters may be
# transferred", "he is believed to have fled"): the source offers it as possible, not as fact.
HEDGE_MODALS = frozenset({"may", "might", "could"})
BELIEF_PARTICIPLES = frozenset({"believed", "thought", "understood", "suspected", "rumoured", "rumored"})


def _modal_hedge(content: Span) -> bool:
    for token in content:
        if token.head.i != token.i and content.start <= token.head.i < content.end:
            continue  # only the content's own heads: "a man who may know" does not hedge the claim
        children = list(token.children)
        if any(c.dep_ == "aux" and c.lower_ in HEDGE_MODALS for c in children):
            return True
        if token.lower_ in BELIEF_PARTICIPLES and any(c.dep_ == "auxpass" for c in children):
            return True
    return False


def _it_appears(content: Span) -> bool:
    sentence = content.sent.text.lower()
    return any(p in sentence for p in ("it appears", "it seems", "appears to", "seems to"))
