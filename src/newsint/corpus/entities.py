"""Entities across articles: one corpus entity per real-world person, organisation, place, ….

Two article entities are the same corpus entity when they share a knowledge-base id, or when they
have the same type and name (case and spacing aside) and no attribute conflicts: two people named
"Ahmed" whose roles or countries differ, or whose actor codes differ, stay apart. A lone surname
("Thomas-Greenfield") joins a full name of the same type when exactly one compatible full name
ends with it; when two do, it stays on its own rather than guess.

Finding an entity by what a user types (``newsint entity``, ``claims --about``, ``search
--entity``): a linked entity is stored under its KB id and the KB's own name ("North Atlantic
Treaty Organization"); its aliases ("NATO", "Atlantic Alliance") live only in the KB, so the typed
name is first resolved through the KB to the ids it can stand for (``kb_ids_for_name``). The
entity's stored names and the words its mentions were written as also match, so an unlinked
entity is found by what the articles call it. A name the KB gives several meanings ("Georgia":
the country and the US state) matches every one of them that the corpus holds: each is shown
with its own name and id, which is more use than refusing the name or picking one silently.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from newsint.kb.names import kb_ids_for_name
from newsint.model import PRONOUN_MENTIONS, CorpusArticle, Entity

# Attributes that identify who or where an entity is: different values mean different entities.
# (Descriptive ones such as population or gender are not compared: they do not tell namesakes apart
# the way a role or a country does.)
IDENTIFYING_ATTRIBUTES = ("role", "country", "iso", "within", "kind", "sector")


# Mentions written as these words say nothing about which entity is meant (the pronouns that
# coreference adds, extract/entities/coref.py SUBJECT_PRONOUNS): `newsint entity he` must not find everyone.
@dataclass(slots=True)
class EntityRef:
    """One article entity: which article, and its id inside that article's Analysis."""

    article_id: str
    entity_id: str


@dataclass(slots=True)
class CorpusEntity:
    key: str
    name: str
    type: str
    kb_id: str | None = None
    actor: str | None = None
    attributes: dict[str, Any] = field(default_factory=dict)
    names: set[str] = field(default_factory=set)
    written_as: set[str] = field(default_factory=set)  # its mentions' words, normalised (_norm), pronouns aside
    refs: list[EntityRef] = field(default_factory=list)
    mention_count: int = 0

    @property
    def article_ids(self) -> list[str]:
        return sorted({r.article_id for r in self.refs})


@dataclass(slots=True)
class EntityIndex:
    entities: list[CorpusEntity]
    by_ref: dict[tuple[str, str], CorpusEntity]

    def of(self, article_id: str, entity_id: str | None) -> CorpusEntity | None:
        return self.by_ref.get((article_id, entity_id)) if entity_id else None

    def find(self, name: str) -> list[CorpusEntity]:
        """Corpus entities called ``name``, most mentioned first: any of their KB names or aliases,
        their KB id, a stored name or the words a mention was written as, in any case; when none
        is called exactly that, those with a name containing all its words ("Macron")."""
        wanted = _norm(name)
        kb_ids = {kb_id.casefold() for kb_id in kb_ids_for_name(name)}
        found = [
            e
            for e in self.entities
            if (e.kb_id and e.kb_id.casefold() in kb_ids)
            or wanted in {_norm(n) for n in e.names}
            or (wanted in e.written_as and wanted not in PRONOUN_MENTIONS)
        ]
        if not found:
            words = set(wanted.split())
            found = [e for e in self.entities if any(words <= set(_norm(n).split()) for n in e.names)]
        return sorted(found, key=lambda e: -e.mention_count)


def resolve_entities(articles: Sequence[CorpusArticle]) -> EntityIndex:
    by_kb: dict[str, CorpusEntity] = {}
    by_name: dict[tuple[str, str], list[CorpusEntity]] = {}
    surnames: list[tuple[CorpusArticle, Entity]] = []
    entities: list[CorpusEntity] = []
    by_ref: dict[tuple[str, str], CorpusEntity] = {}

    def attach(target: CorpusEntity, article: CorpusArticle, entity: Entity) -> None:
        target.refs.append(EntityRef(article.article_id, entity.id))
        target.names.add(entity.name)
        target.written_as.update(_norm(m.text) for m in entity.mentions)
        if not target.kb_id and len(entity.name) > len(target.name):
            target.name = entity.name  # the fullest form names it ("Linda Thomas-Greenfield")
        target.mention_count += len(entity.mentions)
        target.actor = target.actor or entity.actor
        for name, value in entity.attributes.items():
            target.attributes.setdefault(name, value)
        by_ref[(article.article_id, entity.id)] = target

    def new(article: CorpusArticle, entity: Entity) -> CorpusEntity:
        key = entity.kb_id or f"{entity.type.lower()}:{_norm(entity.name)}#{len(entities)}"
        created = CorpusEntity(key=key, name=entity.name, type=entity.type, kb_id=entity.kb_id)
        entities.append(created)
        by_name.setdefault((entity.type, _norm(entity.name)), []).append(created)
        attach(created, article, entity)
        return created

    # Linked entities first, so that an unlinked namesake can join the KB entity it matches.
    ordered = [(a, e) for a in articles for e in a.analysis.entities]
    ordered.sort(key=lambda pair: pair[1].kb_id is None)
    for article, entity in ordered:
        if entity.kb_id:
            if entity.kb_id in by_kb:
                attach(by_kb[entity.kb_id], article, entity)
            else:
                by_kb[entity.kb_id] = new(article, entity)
            continue
        if entity.type == "PERSON" and len(entity.name.split()) == 1:
            surnames.append((article, entity))
            continue
        home = next(
            (c for c in by_name.get((entity.type, _norm(entity.name)), []) if compatible(c, entity)),
            None,
        )
        if home is None:
            new(article, entity)
        else:
            attach(home, article, entity)

    # Full names by their last word, so a lone surname finds its candidates without a scan.
    by_last_word: dict[str, list[CorpusEntity]] = {}
    for candidate in entities:
        if candidate.type == "PERSON":
            for last in {_norm(n).split()[-1] for n in candidate.names if n.split()}:
                by_last_word.setdefault(last, []).append(candidate)
    for article, entity in surnames:
        surname = _norm(entity.name)
        candidates = [c for c in by_last_word.get(surname, []) if compatible(c, entity)]
        if len(candidates) == 1:
            attach(candidates[0], article, entity)
        else:
            home = next(
                (c for c in by_name.get((entity.type, surname), []) if compatible(c, entity)),
                None,
            )
            if home is None:
                new(article, entity)
            else:
                attach(home, article, entity)
    return EntityIndex(entities=entities, by_ref=by_ref)


def compatible(corpus_entity: CorpusEntity, entity: Entity) -> bool:
    """No identifying attribute or actor code differs (a missing value is not a conflict)."""
    if corpus_entity.type != entity.type:
        return False
    if corpus_entity.kb_id and entity.kb_id and corpus_entity.kb_id != entity.kb_id:
        return False
    if corpus_entity.actor and entity.actor and corpus_entity.actor != entity.actor:
        return False
    for name in IDENTIFYING_ATTRIBUTES:
        ours, theirs = corpus_entity.attributes.get(name), entity.attributes.get(name)
        if ours is not None and theirs is not None and _norm(str(ours)) != _norm(str(theirs)):
            return False
    return True


def _norm(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").split())
