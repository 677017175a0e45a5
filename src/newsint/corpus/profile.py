"""An entity's profile across the corpus: mentions over time, roles, claims by and about it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from newsint.corpus.entities import CorpusEntity, EntityIndex
from newsint.corpus.figures import source_named_in
from newsint.corpus.outlets import outlet_name
from newsint.model import Claim, CorpusArticle


@dataclass(slots=True)
class ProfileClaim:
    article_id: str
    outlet: str | None
    published: str | None
    source: str
    cue: str | None
    text: str
    claim: Claim


@dataclass(slots=True)
class EntityProfile:
    entity: CorpusEntity
    mentions_by_date: dict[str, int]  # publication date (or "unknown") -> mentions
    roles: Counter[str] = field(default_factory=Counter)  # "actor: ASSAULT", "target: ACCUSE", attribute roles
    claims_by: list[ProfileClaim] = field(default_factory=list)
    claims_about: list[ProfileClaim] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)


def entity_profile(entity: CorpusEntity, articles: Sequence[CorpusArticle], index: EntityIndex) -> EntityProfile:
    refs = {(r.article_id, r.entity_id) for r in entity.refs}
    by_date: Counter[str] = Counter()
    roles: Counter[str] = Counter()
    if entity.attributes.get("role"):
        roles[f"role: {entity.attributes['role']}"] += 1
    claims_by: list[ProfileClaim] = []
    claims_about: list[ProfileClaim] = []
    outlets: set[str] = set()
    for article in articles:
        analysis = article.analysis
        aid = article.article_id
        own = [e for e in analysis.entities if (aid, e.id) in refs]
        if not own:
            continue
        own_ids = {e.id for e in own}
        date = (analysis.document.published or "unknown")[:10]
        by_date[date] += sum(len(e.mentions) for e in own)
        if outlet := outlet_name(article):
            outlets.add(outlet)
        for event in analysis.events:
            if any(p.entity in own_ids for p in event.actors):
                roles[f"actor: {event.type}"] += 1
            if any(p.entity in own_ids for p in event.targets):
                roles[f"target: {event.type}"] += 1
        for claim in analysis.claims:
            speaker = claim.source.entity
            if speaker is None and (named := source_named_in(claim, analysis)) is not None:
                speaker = named.id
            row = ProfileClaim(
                article_id=aid,
                outlet=outlet_name(article),
                published=analysis.document.published,
                source=" ".join((claim.source.text or "unnamed source").split()),
                cue=claim.cue,
                text=" ".join(claim.content.text.split()),
                claim=claim,
            )
            if speaker in own_ids:
                claims_by.append(row)
            elif any(claim.content.start <= m.start and m.end <= claim.content.end for e in own for m in e.mentions):
                claims_about.append(row)
    return EntityProfile(
        entity=entity,
        mentions_by_date=dict(sorted(by_date.items())),
        roles=roles,
        claims_by=claims_by,
        claims_about=claims_about,
        outlets=sorted(outlets),
    )
