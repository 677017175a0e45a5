"""Direct quotations: the cue before or after a quotation, the quotations after it that carry
on the same report, a quotation signed with a dash and a name."""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

from newsint.extract.claims.grammar import SUBJECT_DEPS, cue_tokens, in_subtree, source_of
from newsint.extract.claims.lexicon import CUE_VERBS, OPEN_QUOTES, QUOTE_CUE_VERBS, QUOTE_ENDS
from newsint.nlp.text import doc_text

# A quotation: curly, straight or doubled-apostrophe marks. A quotation that runs over several
# paragraphs reopens each of them and closes only at its end (“…¶“…”), so a paragraph break is
# allowed inside one only where the next paragraph opens with the same mark — or, in text whose
# paragraphs were joined into one line (feeds, JSON Lines exports), where a sentence's end is
# followed by the reopening mark (“… regret. “The individual …”). A paragraph that opens with a
# closing curly mark (”…”) is a mistyped opening one.
QUOTATION = re.compile(
    r"“(?:[^“”\n]|(?<=[.!?]\s)“|\n\s*“)+?”"
    r"|(?<![^\n])”[^“”\n]+?”"
    r"|\"(?:[^\"\n]|\n\s*\")+?\""
    r"|''(?:[^'\n]|'(?!')|\n\s*'')+?''"
)
# How far (in tokens) a cue may stand from the quotation it introduces or follows.
QUOTE_CUE_WINDOW = 6
# … or, when only the speaker's description stands between, this far.
QUOTE_SOURCE_WINDOW = 25


def quote_claims(doc: Doc) -> Iterable[tuple[list[Token], Span | None, Span]]:
    """“…,” she said. “…”  /  He said: “…”  /  “My hope,” he said, “is that …”"""
    quotes = [doc.char_span(m.start(), m.end(), alignment_mode="expand") for m in QUOTATION.finditer(doc_text(doc))]
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
        yield cue_tokens(cue, content), source_of(cue), content


def _only_attribution(gap: Span, cue: Token) -> bool:
    """Is the text between two quotations nothing but the report's own attribution clause, however
    long the speaker's description ("…,” said Rep. Jane Doe (D-N.C.), head of the caucus. “…")?"""
    return cue.i in range(gap.start, gap.end) and all(t.is_punct or t.is_space or in_subtree(t, cue) for t in gap)


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
    return all(t.is_punct or in_subtree(t, subject) or t.head.i == verb.i for t in between)


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


def extend_quote(content: Span, doc: Doc) -> Span:
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
