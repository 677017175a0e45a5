"""Claims from Russian reporting frames, with their sources.

    X заявил / сообщил / отметил / подчеркнул / ... , что CONTENT      the verb's subject is the source
    «CONTENT», — заявил X                                              the content comes first
    по словам X, CONTENT / по данным X, CONTENT                        the frame's noun phrase
    как сообщает X, CONTENT / CONTENT, сообщает X                      an outlet's report
    CONTENT, со ссылкой на X                                           a report citing X

The source is the reporting verb's subject (nsubj) with its dependants, or the noun phrase of
the frame up to the comma; the content is the rest of the sentence, without the frame. The
source resolves to the entity one of whose mentions lies inside it.
"""

from __future__ import annotations

import re

from newsint.lang.ru.parse import RussianParse, Sentence
from newsint.model import Claim, ClaimSource, Entity, Quantity, Span

REPORTING_VERBS = frozenset(
    {
        "заявить",
        "заявлять",
        "сообщить",
        "сообщать",
        "отметить",
        "отмечать",
        "подчеркнуть",
        "подчеркивать",
        "сказать",
        "говорить",
        "объявить",
        "пояснить",
        "добавить",
        "уточнить",
        "рассказать",
        "указать",
        "предупредить",
        "признать",
        "утверждать",
        "опровергнуть",
        "передать",
        "написать",
        "информировать",
    }
)
# Frames that open on a phrase naming the source: the source runs from the frame's end to the comma.
FRAMES = re.compile(
    r"(?P<cue>по словам|по данным|по информации|по сообщению|как сообщает|как сообщили|как заявили|как заявил"
    r"|со ссылкой на)\s+",
    re.I,
)
SOURCE_PREFERENCE = {"PERSON": 0, "ORG": 1, "PLACE": 2}
QUOTE_DASH = re.compile(r"[»\"]?\s*,?\s*[—–-]\s*$")


def extract_russian_claims(doc: RussianParse, entities: list[Entity], quantities: list[Quantity]) -> list[Claim]:
    claims: list[Claim] = []
    for sentence in doc.sentences:
        found = _frame_claim(doc, sentence) or _verb_claim(doc, sentence)
        if found is None:
            continue
        cue, (source_start, source_end), (content_start, content_end) = found
        content_start, content_end = _trimmed(doc.text, content_start, content_end)
        if content_end <= content_start:
            continue
        source_start, source_end = _trimmed(doc.text, source_start, source_end, conjunction=False)
        inside_source = [e for e in entities for m in e.mentions if source_start <= m.start and m.end <= source_end]
        # "Министр обороны Белоруссии Виктор Хренин": the person speaks, not the country named in his title.
        entity = min(inside_source, key=lambda e: SOURCE_PREFERENCE.get(e.type, 9), default=None)
        inside = [q.id for q in quantities if content_start <= q.start and q.end <= content_end]
        claims.append(
            Claim(
                id=f"C{len(claims) + 1}",
                source=ClaimSource(
                    entity=entity.id if entity else None,
                    text=doc.text[source_start:source_end],
                    actor=entity.actor if entity else None,
                    start=source_start,
                    end=source_end,
                ),
                cue=cue,
                content=Span(content_start, content_end, doc.text[content_start:content_end]),
                quantities=inside,
            )
        )
    return claims


def _frame_claim(doc: RussianParse, sentence: Sentence):
    text = doc.text[sentence.start : sentence.end]
    match = FRAMES.search(text)
    if match is None:
        return None
    comma = text.find(",", match.end())
    source_end = sentence.start + (comma if comma > 0 else len(text))
    source = (sentence.start + match.end(), source_end)
    if match.start() == 0 or text[: match.start()].strip() in ("", "Как", "как"):
        content = (source_end + 1, sentence.end)  # "По словам X, CONTENT"
    else:
        content = (sentence.start, sentence.start + match.start())  # "CONTENT, со ссылкой на X"
        source = (sentence.start + match.end(), sentence.end)
    return match["cue"].lower(), source, content


def _verb_claim(doc: RussianParse, sentence: Sentence):
    tokens = doc.sentence_tokens(sentence)
    for verb in tokens:
        if verb.lemma not in REPORTING_VERBS or verb.pos != "VERB":
            continue
        subjects = [t for t in doc.children(verb) if t.rel == "nsubj"]
        if not subjects:
            continue
        subject = doc.subtree(subjects[0])
        source = (subject[0].start, subject[-1].end)
        clause = [t for t in doc.children(verb) if t.rel in ("ccomp", "parataxis") and t.index > verb.index]
        if clause:
            content_tokens = doc.subtree(clause[0])
            return verb.text, source, (content_tokens[0].start, content_tokens[-1].end)
        before = doc.text[sentence.start : min(verb.start, source[0])]
        if QUOTE_DASH.search(before) and len(before.strip()) > 3:
            return verb.text, source, (sentence.start, sentence.start + len(QUOTE_DASH.sub("", before)))
    return None


def _trimmed(text: str, start: int, end: int, *, conjunction: bool = True) -> tuple[int, int]:
    """Without the conjunction that opens a reported clause ("что"), quotes, commas, dashes
    and the final full stop."""
    while start < end and text[start] in ' ,«"—–-':
        start += 1
    if conjunction and text[start : start + 4].lower() == "что ":
        start += 4
    while end > start and text[end - 1] in ' .,»"—–-':
        end -= 1
    return start, end
