"""Domain entity rulers: knowledge-base names, added before spaCy's NER so they win.

The base model calls some weapon systems persons or organisations; an EntityRuler placed before
``ner`` marks every knowledge-base alias first (with the KB id as the entity id), and NER labels
only what is left. Patterns match the text as written (ORTH), with a capitalised and an
upper-case variant of each alias, so "kremlin" in running lower-case prose is not forced into
an entity while "Kremlin" and "KREMLIN" are.
"""

from __future__ import annotations

from collections.abc import Iterable

from newsint.kb.knowledge import NamePattern

RULER_NAME = "newsint_kb_ruler"


def ruler_patterns(names: Iterable[NamePattern]) -> list[dict]:
    patterns: list[dict] = []
    seen: set[tuple[str, str]] = set()
    for name in names:
        text = " ".join(name.text.split())
        if len(text) < 2:
            continue
        for variant in _variants(text):
            key = (variant, name.kb_id)
            if key not in seen:
                seen.add(key)
                patterns.append({"label": name.label, "pattern": variant, "id": name.kb_id})
    return patterns


def _variants(text: str) -> list[str]:
    variants = [text]
    if text[0].islower():
        variants.append(text[0].upper() + text[1:])
    if len(text) > 3 and not text.isupper():
        variants.append(text.upper())
    return variants


def add_entity_ruler(nlp, patterns: list[dict]):
    """Add (once) the KB EntityRuler ahead of ``ner``; KB entities overwrite NER's guesses."""
    if RULER_NAME in nlp.pipe_names:
        return nlp.get_pipe(RULER_NAME)
    # First in the pipeline, not just before "ner": spaCy runs the components in front of a ruler
    # over every pattern text when the patterns are added (20,000 names through the tagger and
    # parser cost seconds at each start); matching on ORTH needs only the tokenizer. The entities
    # it sets pass untouched through tagger and parser, and NER labels around them.
    ruler = nlp.add_pipe(
        "entity_ruler",
        name=RULER_NAME,
        first=True,
        config={"phrase_matcher_attr": "ORTH", "overwrite_ents": True, "validate": False},
    )
    ruler.add_patterns(patterns)
    return ruler


CITY_RULER_NAME = "newsint_city_ruler"
CITY_SPANS_KEY = "newsint_cities"


def add_city_ruler(nlp, patterns: list[dict]):
    """Candidate city names into ``doc.spans["newsint_cities"]`` (not ``doc.ents``)."""
    if CITY_RULER_NAME in nlp.pipe_names:
        return nlp.get_pipe(CITY_RULER_NAME)
    ruler = nlp.add_pipe(
        "span_ruler",
        name=CITY_RULER_NAME,
        first=True,  # see add_entity_ruler
        config={"spans_key": CITY_SPANS_KEY, "phrase_matcher_attr": "ORTH", "validate": False},
    )
    ruler.add_patterns(patterns)
    return ruler
