"""Natasha's analysis of a Russian text as plain records: tokens with lemma, part of speech,
morphological features and dependency head; sentences; named-entity spans.

Natasha (slovnet models and navec embeddings, shipped inside their wheels) does the work; this
module loads it once and copies what the stages read into typed records, so that no stage
depends on Natasha's own classes. Natasha's lemmatiser is pymorphy2's analyser; it is built here
with the dictionary's path given, because pymorphy2 otherwise finds its dictionary through
``pkg_resources``, which Python 3.12's environments no longer ship.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

PARAGRAPH = re.compile(r"\S(?:.|\n(?!\s*\n))*")  # text up to a blank line


@dataclass(frozen=True, slots=True)
class Token:
    index: int  # position in RussianParse.tokens
    start: int
    end: int
    text: str
    lemma: str  # lower case
    pos: str  # Universal Dependencies tag
    feats: dict[str, str]
    rel: str  # dependency relation to the head
    head: int | None  # index of the head token; None for a sentence's root
    sentence: int


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    first: int  # index of its first token
    last: int  # index one past its last token


@dataclass(frozen=True, slots=True)
class NamedSpan:
    start: int
    end: int
    label: str  # PER, LOC, ORG
    text: str
    normal: str  # Natasha's normal form ("Юрия Лужкова" -> "Юрий Лужков")
    first: int  # token indexes, first and one past the last
    last: int


@dataclass(slots=True)
class RussianParse:
    text: str
    tokens: list[Token] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    names: list[NamedSpan] = field(default_factory=list)

    def sentence_tokens(self, sentence: Sentence) -> list[Token]:
        return self.tokens[sentence.first : sentence.last]

    def children(self, token: Token) -> list[Token]:
        sentence = self.sentences[token.sentence]
        return [t for t in self.sentence_tokens(sentence) if t.head == token.index]

    def subtree(self, token: Token) -> list[Token]:
        """The token and everything below it, in text order."""
        found = [token]
        frontier = [token]
        while frontier:
            frontier = [child for t in frontier for child in self.children(t)]
            found += frontier
        return sorted(found, key=lambda t: t.index)


@dataclass(frozen=True, slots=True)
class _Natasha:
    segmenter: Any
    morph_vocab: Any
    morph_tagger: Any
    syntax_parser: Any
    ner_tagger: Any


@cache
def natasha() -> _Natasha:
    import pymorphy2_dicts_ru
    from natasha import NewsEmbedding, NewsMorphTagger, NewsNERTagger, NewsSyntaxParser, Segmenter
    from natasha.morph.vocab import MorphForm, MorphVocab, PymorphyAnalyzer

    class _MorphVocab(MorphVocab):
        def __init__(self) -> None:
            PymorphyAnalyzer.__init__(self, path=pymorphy2_dicts_ru.get_path(), result_type=MorphForm)

    embedding = NewsEmbedding()
    return _Natasha(
        Segmenter(), _MorphVocab(), NewsMorphTagger(embedding), NewsSyntaxParser(embedding), NewsNERTagger(embedding)
    )


def parse_russian(text: str) -> RussianParse:
    from natasha import Doc
    from natasha.doc import adapt_spans

    tools = natasha()
    result = RussianParse(text=text)
    # NER reads the whole text at once, as Natasha's own does (a short paragraph alone, a
    # headline or a one-line quotation, gives it too little context); the syntax is parsed
    # paragraph by paragraph, below.
    names = tools.ner_tagger(text).spans if text.strip() else []
    # Paragraph by paragraph: a sentence never runs across a paragraph break (a dateline or a
    # heading without a full stop is not the start of the next paragraph's first sentence).
    for paragraph in PARAGRAPH.finditer(text):
        offset = paragraph.start()
        doc = Doc(paragraph.group())
        doc.segment(tools.segmenter)
        doc.tag_morph(tools.morph_tagger)
        doc.parse_syntax(tools.syntax_parser)
        end_of_paragraph = offset + len(paragraph.group())
        inside = [
            (s.start - offset, s.stop - offset, s.type)
            for s in names
            if offset <= s.start and s.stop <= end_of_paragraph
        ]
        doc.spans = list(adapt_spans(doc, inside))
        doc.envelop_span_tokens()
        for sentence in doc.sents:
            number, first = len(result.sentences), len(result.tokens)
            ids = {token.id: first + i for i, token in enumerate(sentence.tokens)}
            for i, token in enumerate(sentence.tokens):
                token.lemmatize(tools.morph_vocab)
                result.tokens.append(
                    Token(
                        index=first + i,
                        start=offset + token.start,
                        end=offset + token.stop,
                        text=token.text,
                        lemma=(token.lemma or token.text).lower(),
                        pos=token.pos or "X",
                        feats=dict(token.feats or {}),
                        rel=token.rel or "",
                        head=ids.get(token.head_id),
                        sentence=number,
                    )
                )
            result.sentences.append(
                Sentence(offset + sentence.start, offset + sentence.stop, first, len(result.tokens))
            )
        starts = {t.start: t.index for t in result.tokens}
        ends = {t.end: t.index + 1 for t in result.tokens}
        for span in doc.spans:
            span.normalize(tools.morph_vocab)
            start, end = offset + span.start, offset + span.stop
            if start in starts and end in ends:
                result.names.append(
                    NamedSpan(start, end, span.type, span.text, span.normal or span.text, starts[start], ends[end])
                )
    return result
