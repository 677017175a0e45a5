"""FollowTheMoney (FtM) output: entities as FtM JSON Lines, and statements.

Entities follow the FtM schemata: a person is a ``Person`` (name, country, position), an
organisation an ``Organization`` (name, country), a place an ``Address`` (full, country,
latitude, longitude), a deduplicated event an ``Event`` (name, startDate, endDate, location,
involved, summary). Equipment and named operations have no FtM schema of their own and are left
out. FtM countries are lowercase ISO 3166-1 alpha-2 codes; an actor code that is no country
(NATO, UN) is not a country and is not written as one.

Statements are the FtM statement model (as in nomenklatura / OpenSanctions): one row per value,
with ``entity_id``, ``schema``, ``prop``, ``prop_type``, ``value``, ``original_value`` (the text as
the article wrote it), ``dataset``, ``origin`` (the article), ``source_url``, and
``first_seen``/``last_seen`` (the article's publication date; empty when unknown — never the
date of the run). An attributed claim is a statement on its source's entity with the FtM
``notes`` property: the value is the claim content, the original value the whole
"source cue content" as written.
"""

from __future__ import annotations

import hashlib
import io
import json
from collections.abc import Iterator, Sequence
from typing import Any, TextIO

from newsint.corpus.entities import CorpusEntity, resolve_entities
from newsint.corpus.events import deduplicate_events
from newsint.corpus.figures import source_named_in
from newsint.export.csvfile import csv_text, write_csv
from newsint.export.safe_text import json_safe
from newsint.kb.countries import country
from newsint.model import CorpusArticle

DATASET = "newsint"
SCHEMATA = {"PERSON": "Person", "ORG": "Organization", "PLACE": "Address"}
STATEMENT_COLUMNS = (
    "id",
    "entity_id",
    "canonical_id",
    "schema",
    "prop",
    "prop_type",
    "value",
    "original_value",
    "lang",
    "dataset",
    "origin",
    "source_url",
    "first_seen",
    "last_seen",
)


def ftm_id(key: str) -> str:
    """A stable FtM id from a corpus key (the same entity gets the same id in every export)."""
    return f"{DATASET}-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:20]


def ftm_entities(articles: Sequence[CorpusArticle]) -> Iterator[dict[str, Any]]:
    index = resolve_entities(articles)
    for entity in index.entities:
        schema = SCHEMATA.get(entity.type)
        if schema is None:
            continue
        yield {"id": ftm_id(entity.key), "schema": schema, "properties": _properties(entity, schema)}
    keys = {e.key for e in index.entities}
    for event in deduplicate_events(articles, index):
        involved = sorted(ftm_id(k) for k in event.actors | event.targets if k in keys)
        first = event.reports[0]
        sentence = first.article.analysis.document.text[first.event.sentence.start : first.event.sentence.end]
        properties: dict[str, list[str]] = {"name": [event.type], "summary": [" ".join(sentence.split())]}
        if event.start:
            properties["startDate"] = [event.start]
        if event.end:
            properties["endDate"] = [event.end]
        if involved:
            properties["involved"] = involved
        key = f"event:{event.type}:{event.start}:{first.article.article_id}:{first.event.id}"
        yield {"id": ftm_id(key), "schema": "Event", "properties": properties}


def write_ftm_entities_jsonl(stream: TextIO, articles: Sequence[CorpusArticle]) -> None:
    for entity in ftm_entities(articles):
        stream.write(json_safe(json.dumps(entity, ensure_ascii=False, sort_keys=True)) + "\n")


def ftm_entities_jsonl(articles: Sequence[CorpusArticle]) -> str:
    buffer = io.StringIO()
    write_ftm_entities_jsonl(buffer, articles)
    return buffer.getvalue()


def ftm_statements(articles: Sequence[CorpusArticle]) -> Iterator[dict[str, Any]]:
    """Each statement once: a name written four times in one article is one statement from it."""
    seen: set[str] = set()
    for statement in _all_statements(articles):
        if statement["id"] not in seen:
            seen.add(statement["id"])
            yield statement


def _all_statements(articles: Sequence[CorpusArticle]) -> Iterator[dict[str, Any]]:
    index = resolve_entities(articles)
    for article in articles:
        analysis = article.analysis
        document = analysis.document
        seen = (document.published or "")[:10]
        base = {
            "dataset": DATASET,
            "origin": article.article_id,
            "source_url": document.url or "",
            "first_seen": seen,
            "last_seen": seen,
            "lang": document.language or "",
        }
        for entity in analysis.entities:
            corpus_entity = index.of(article.article_id, entity.id)
            schema = SCHEMATA.get(entity.type)
            if corpus_entity is None or schema is None:
                continue
            entity_id = ftm_id(corpus_entity.key)
            for mention in entity.mentions:
                yield _statement(base, entity_id, schema, "name", "name", corpus_entity.name, mention.text)
            for prop, value in _properties(corpus_entity, schema).items():
                if prop == "name":
                    continue
                for item in value:
                    yield _statement(base, entity_id, schema, prop, _PROP_TYPES.get(prop, "string"), item, "")
        for claim in analysis.claims:
            speaker = next((e for e in analysis.entities if e.id == claim.source.entity), None)
            speaker = speaker or source_named_in(claim, analysis)
            corpus_speaker = index.of(article.article_id, speaker.id) if speaker else None
            if corpus_speaker is None or SCHEMATA.get(corpus_speaker.type) is None:
                continue  # a claim whose source is no entity has no FtM entity to hang on
            written = " ".join(f"{claim.source.text or ''} {claim.cue or ''} {claim.content.text}".split())
            yield _statement(
                base,
                ftm_id(corpus_speaker.key),
                SCHEMATA[corpus_speaker.type],
                "notes",
                "text",
                " ".join(claim.content.text.split()),
                written,
            )


def write_ftm_statements_csv(stream: TextIO, articles: Sequence[CorpusArticle]) -> None:
    write_csv(stream, STATEMENT_COLUMNS, ftm_statements(articles))


def ftm_statements_csv(articles: Sequence[CorpusArticle]) -> str:
    return csv_text(STATEMENT_COLUMNS, ftm_statements(articles))


_PROP_TYPES = {"country": "country", "latitude": "number", "longitude": "number", "position": "string"}


def _statement(
    base: dict[str, str], entity_id: str, schema: str, prop: str, prop_type: str, value: str, original: str
) -> dict[str, Any]:
    key = f"{entity_id}.{prop}.{value}.{base['origin']}.{original}"
    return {
        "id": hashlib.sha1(key.encode("utf-8")).hexdigest(),
        "entity_id": entity_id,
        "canonical_id": entity_id,
        "schema": schema,
        "prop": prop,
        "prop_type": prop_type,
        "value": value,
        "original_value": original if original and original != value else "",
        **base,
    }


def _properties(entity: CorpusEntity, schema: str) -> dict[str, list[str]]:
    attributes = entity.attributes
    names = sorted(entity.names - {entity.name})
    properties: dict[str, list[str]] = {"name": [entity.name]}
    if names and schema != "Address":
        properties["alias"] = names
    code = _country(attributes.get("country") or attributes.get("iso") or attributes.get("within"))
    if code:
        properties["country"] = [code]
    if schema == "Person" and attributes.get("role"):
        properties["position"] = [str(attributes["role"])]
    if schema == "Address":
        properties["full"] = [entity.name]
        if attributes.get("lat") is not None and attributes.get("lon") is not None:
            properties["latitude"] = [str(attributes["lat"])]
            properties["longitude"] = [str(attributes["lon"])]
    return properties


def _country(code: Any) -> str | None:
    if not code:
        return None
    found = country(str(code))
    return found.iso2.lower() if found else None
