"""Ukrainian and Belarusian: knowledge-base names found through their lemmas, nothing else.

newsint has no NER, syntax or reporting-frame rules for these languages. What it can do
honestly is find the people, organisations and places the alias files name (Ukrainian forms
are listed there beside the Russian ones), with each word brought to its dictionary form:
pymorphy3's Ukrainian dictionary (pymorphy3-dicts-uk) for Ukrainian; for Belarusian, which
has no pymorphy dictionary, the word as written (only the forms the file lists match). The
document's note says the rest is not analysed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import cache

from newsint.kb.knowledge import knowledge_base
from newsint.lang.names import NameIndex
from newsint.model import Entity, Mention

NAMES_ONLY_NOTE = {
    "uk": "Ukrainian: only knowledge-base names are found; claims, figures, dates and events are not analysed",
    "be": (
        "Belarusian: only knowledge-base names (as written) are found; claims, figures, dates and events "
        "are not analysed"
    ),
}


@cache
def _ukrainian_lemmatiser() -> Callable[[str], str]:
    import pymorphy3

    analyser = pymorphy3.MorphAnalyzer(lang="uk")

    def lemma(word: str) -> str:
        forms = analyser.parse(word)
        return forms[0].normal_form if forms else word

    return lemma


@cache
def name_index(language: str) -> NameIndex:
    from razdel import tokenize

    lemmatiser = _ukrainian_lemmatiser() if language == "uk" else str.lower
    return NameIndex(lemmatiser, lambda name: [t.text for t in tokenize(name)])


def extract_names(text: str, language: str, reference: dt.date | None) -> list[Entity]:
    from razdel import tokenize

    tokens = list(tokenize(text))
    kb = knowledge_base()
    entities: dict[str, Entity] = {}
    for match in name_index(language).find([t.text for t in tokens]):
        start, end = tokens[match.first].start, tokens[match.last - 1].stop
        link = kb.link(text[start:end], match.entry.type, kb_id=match.entry.kb_id, date=reference)
        if link is None:
            continue
        entity = entities.get(link.kb_id)
        if entity is None:
            entity = entities[link.kb_id] = Entity(
                id=f"E{len(entities) + 1}",
                name=link.name,
                type=link.type,  # type: ignore[arg-type]
                kb_id=link.kb_id,
                actor=link.actor,
                attributes=dict(link.attributes),
            )
        entity.mentions.append(Mention(start=start, end=end, text=text[start:end]))
    return list(entities.values())
