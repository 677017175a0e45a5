"""Russian entities: Natasha's named-entity spans and the knowledge base's Cyrillic names,
grouped into entities and linked to knowledge-base ids with the same actor codes as English.

A name the alias files know ("Минобороны России", "ВСУ", "Искандер") is taken whole, whatever
NER made of its parts (NER tags "России" in "Минобороны России" as a place); NER's persons,
places and organisations outside those names are kept, and linked when their lemmas are a
knowledge-base name. A surname alone after the full name ("Сергей Иванов ... Иванов") is the
same person.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from newsint.kb.common import normalize_name
from newsint.kb.knowledge import knowledge_base
from newsint.lang.names import NameIndex, NameMatch
from newsint.lang.ru.parse import RussianParse, natasha
from newsint.model import Entity, Mention

NER_TYPES = {"PER": "PERSON", "LOC": "PLACE", "ORG": "ORG"}


@dataclass(frozen=True, slots=True)
class NameSpan:
    """One mention before grouping: its tokens, type and (when known) knowledge-base id."""

    first: int
    last: int
    type: str
    normal: str  # the name in its normal form, for the group of an unlinked name
    kb_id: str | None = None


@dataclass(slots=True)
class _Group:
    type: str
    name: str
    kb_id: str | None
    actor: str | None
    attributes: dict[str, Any]
    mentions: list[Mention] = field(default_factory=list)


# pymorphy's mark of a place name. Only places: a surname's readings (masculine genitive
# "Хренина" or a feminine nominative) are better left in pymorphy's own order.
PLACE_GRAMMEME = "Geox"


def russian_lemma(word: str) -> str:
    """The word's dictionary form; for a capitalised word, its reading as a place where it has
    one ("Львов" the city, not the genitive plural of "лев", which the name "Лев" shares)."""
    forms = natasha().morph_vocab(word)
    if not forms:
        return word
    if word[:1].isupper():
        places = [form for form in forms if PLACE_GRAMMEME in form.tag]
        if places:
            return places[0].normal
    return forms[0].normal


@cache
def russian_names() -> NameIndex:
    from razdel import tokenize

    return NameIndex(russian_lemma, lambda name: [t.text for t in tokenize(name)])


def name_spans(parse: RussianParse) -> list[NameSpan]:
    """The mentions of a text, in order: knowledge-base names first, NER's spans outside them."""
    index = russian_names()
    matches = [m for m in index.find([t.text for t in parse.tokens]) if _inside_a_sentence(parse, m)]
    spans: list[NameSpan] = []
    taken: set[int] = set()
    for match in matches:
        # A known surname inside NER's longer name of a person ("Реджеп Эрдоган", "Дмитрий
        # Анатольевич Медведев") is that name: the mention is the whole of it, and it is the
        # known person only if the given name agrees (another Kadyrov is not Ramzan).
        longer = next(
            (
                n
                for n in parse.names
                if n.label == "PER"
                and n.first <= match.first
                and match.last <= n.last
                and n.last - n.first > match.last - match.first
            ),
            None,
        )
        if longer is not None and match.entry.type == "PERSON":
            given = parse.tokens[longer.first].text
            kb_id = match.entry.kb_id if index.key_of(given) in _given_names(index, match.entry.kb_id) else None
            spans.append(NameSpan(longer.first, longer.last, "PERSON", longer.normal, kb_id))
            taken.update(range(longer.first, longer.last))
            continue
        if longer_name(parse, match) is not None:
            continue  # a part of a longer name NER found ("Голос Америки", "Западный Иерусалим")
        spans.append(NameSpan(match.first, match.last, match.entry.type, match.entry.written, match.entry.kb_id))
        taken.update(range(match.first, match.last))
    for name in parse.names:
        inside = set(range(name.first, name.last))
        if inside & taken:
            continue  # part of a longer knowledge-base name, or one of them itself
        etype = NER_TYPES[name.label]
        spans.append(
            NameSpan(name.first, name.last, etype, name.normal, _linked(index, parse, name.first, name.last, etype))
        )
    return sorted(spans, key=lambda s: s.first)


def longer_name(parse: RussianParse, match: NameMatch):
    """NER's name that holds the match and is longer than it, if any."""
    return next(
        (
            n
            for n in parse.names
            if n.first <= match.first and match.last <= n.last and n.last - n.first > match.last - match.first
        ),
        None,
    )


def _given_names(index: NameIndex, kb_id: str | None) -> set[str]:
    """The first words (lemmas) of a knowledge-base person's names of more than one word."""
    return {key[0] for key, entries in index.names.items() if len(key) > 1 and any(e.kb_id == kb_id for e in entries)}


def _inside_a_sentence(parse: RussianParse, match: NameMatch) -> bool:
    return parse.tokens[match.first].sentence == parse.tokens[match.last - 1].sentence


def _linked(index: NameIndex, parse: RussianParse, first: int, last: int, etype: str) -> str | None:
    """The knowledge-base id of an NER span whose words are a known name ("Владимира Путина"),
    or, for a person, whose last word is a known person's surname."""
    words = [t.text for t in parse.tokens[first:last]]
    candidates = [m for m in index.find(words) if m.first == 0 and m.last == len(words)]
    if not candidates and etype == "PERSON" and len(words) > 1:
        candidates = [m for m in index.find(words[-1:]) if m.entry.type == "PERSON"]
    if len(candidates) == 1 and _compatible(candidates[0].entry.type, etype):
        return candidates[0].entry.kb_id
    return None


def _compatible(kb_type: str, ner_type: str) -> bool:
    # NER calls a country an organisation when it acts ("Россия ввела санкции"): a place's
    # name is still that place; a person is never a place.
    return kb_type == ner_type or {kb_type, ner_type} <= {"ORG", "PLACE"}


def extract_russian_entities(parse: RussianParse, reference: dt.date | None) -> list[Entity]:
    kb = knowledge_base()
    groups: dict[str, _Group] = {}
    surnames: dict[str, str] = {}  # a full name's last word (lemma) -> its group's key
    for span in name_spans(parse):
        start, end = parse.tokens[span.first].start, parse.tokens[span.last - 1].end
        text = parse.text[start:end]
        link = kb.link(text, span.type, kb_id=span.kb_id, date=reference) if span.kb_id else None
        surname = parse.tokens[span.last - 1].lemma
        if link is not None:
            key = link.kb_id
        elif span.type == "PERSON" and span.last - span.first == 1 and surname in surnames:
            key = surnames[surname]
        else:
            key = f"{span.type}:{normalize_name(span.normal)}"
        group = groups.get(key)
        if group is None:
            attributes = dict(link.attributes) if link else {}
            attributes["name_ru"] = span.normal
            group = groups[key] = _Group(
                type=link.type if link else span.type,
                name=link.name if link else span.normal,
                kb_id=link.kb_id if link else None,
                actor=link.actor if link else None,
                attributes=attributes,
            )
        if span.type == "PERSON" and span.last - span.first > 1:
            surnames.setdefault(surname, key)
        group.mentions.append(Mention(start=start, end=end, text=text))
    ordered = sorted(groups.values(), key=lambda g: g.mentions[0].start)
    return [
        Entity(
            id=f"E{number}",
            name=group.name,
            type=group.type,  # type: ignore[arg-type]
            kb_id=group.kb_id,
            actor=group.actor,
            attributes=group.attributes,
            mentions=group.mentions,
        )
        for number, group in enumerate(ordered, start=1)
    ]
