"""The actor network: who acts on whom, and who speaks about whom, across the corpus.

A directed graph (networkx) whose nodes are corpus entities (or bare actor codes when an event
participant has no entity) and whose edges count:

- ``events``: events in which the source node is an actor and the target node a target, with the
  PLOVER type mix (``types``: "ACCUSE:2 ASSAULT:1");
- ``claims``: claims whose source is the source node and whose content names the target node.

``weight`` is their sum. Every attribute is a string or a number, so the graph writes to GEXF
(``networkx.write_gexf``) and GraphML as is.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import networkx as nx

from newsint.corpus.entities import CorpusEntity, EntityIndex, resolve_entities
from newsint.corpus.figures import source_named_in
from newsint.model import CorpusArticle

# What a claim can be "about": agents and places, not the equipment or operation it mentions.
ABOUT_TYPES = frozenset({"PERSON", "ORG", "PLACE"})


def actor_network(articles: Sequence[CorpusArticle], index: EntityIndex | None = None) -> nx.DiGraph:
    index = index or resolve_entities(articles)
    graph = nx.DiGraph()
    type_mix: dict[tuple[str, str], Counter[str]] = {}

    def node(entity: CorpusEntity | None, actor: str | None) -> str | None:
        if entity is not None:
            if entity.key not in graph:
                graph.add_node(entity.key, label=entity.name, type=entity.type, actor=entity.actor or "")
            return entity.key
        if actor:
            if actor not in graph:
                graph.add_node(actor, label=actor, type="ACTOR", actor=actor)
            return actor
        return None

    def link(source: str | None, target: str | None, kind: str, event_type: str | None = None) -> None:
        if source is None or target is None or source == target:
            return
        if not graph.has_edge(source, target):
            graph.add_edge(source, target, weight=0, events=0, claims=0, types="")
        data = graph.edges[source, target]
        data[kind] += 1
        data["weight"] += 1
        if event_type:
            mix = type_mix.setdefault((source, target), Counter())
            mix[event_type] += 1
            data["types"] = " ".join(f"{name}:{count}" for name, count in mix.most_common())

    for article in articles:
        analysis = article.analysis
        aid = article.article_id
        for event in analysis.events:
            for actor in event.actors:
                for target in event.targets:
                    link(
                        node(index.of(aid, actor.entity), actor.actor),
                        node(index.of(aid, target.entity), target.actor),
                        "events",
                        event.type,
                    )
        for claim in analysis.claims:
            source_entity = next((e for e in analysis.entities if e.id == claim.source.entity), None)
            source_entity = source_entity or source_named_in(claim, analysis)
            speaker = node(index.of(aid, source_entity.id) if source_entity else None, claim.source.actor)
            content = claim.content
            for entity in analysis.entities:
                if entity.type in ABOUT_TYPES and any(
                    content.start <= m.start and m.end <= content.end for m in entity.mentions
                ):
                    link(speaker, node(index.of(aid, entity.id), None), "claims")
    return graph
