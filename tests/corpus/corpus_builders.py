"""Hand-written records for corpus tests (imported as ``builders`` from the tests in this folder)."""

from __future__ import annotations

from newsint.model import Analysis, Claim, ClaimSource, CorpusArticle, Document, Entity, Event, Mention, Quantity, Span


def article(
    article_id: str,
    text: str,
    *,
    published: str | None = "2022-02-01",
    site: str | None = None,
    entities: list[Entity] | None = None,
    claims: list[Claim] | None = None,
    quantities: list[Quantity] | None = None,
    events: list[Event] | None = None,
    duplicate_of: str | None = None,
    outlet: str | None = None,
) -> CorpusArticle:
    document = Document(id=article_id, source=f"{article_id}.txt", text=text, published=published, site=site)
    analysis = Analysis(
        document=document,
        entities=entities or [],
        claims=claims or [],
        quantities=quantities or [],
        events=events or [],
    )
    return CorpusArticle(article_id=article_id, analysis=analysis, outlet=outlet, duplicate_of=duplicate_of)


def entity(eid: str, name: str, etype: str, text: str, *, kb_id=None, actor=None, **attributes) -> Entity:  # type: ignore[no-untyped-def]
    """An entity with one mention at each place ``name`` occurs in ``text``."""
    mentions, at = [], text.find(name)
    while at >= 0:
        mentions.append(Mention(at, at + len(name), name))
        at = text.find(name, at + 1)
    return Entity(id=eid, name=name, type=etype, kb_id=kb_id, actor=actor, attributes=attributes, mentions=mentions)  # type: ignore[arg-type]


def figure_article(
    article_id: str,
    text: str,
    source: str,
    figure: str,
    value: float,
    *,
    of: str | None = None,
    unit: str = "troops",
    approximate: bool = True,
    places: list[Entity] | None = None,
    published: str | None = "2022-02-01",
    site: str | None = None,
    **kwargs,  # type: ignore[no-untyped-def]
) -> CorpusArticle:
    """One article whose only claim, by ``source``, gives one figure (all spans found in ``text``)."""
    q_at = text.index(figure)
    quantity = Quantity(
        id="Q1", value=value, start=q_at, end=q_at + len(figure), text=figure, unit=unit, approximate=approximate, of=of
    )  # fmt: skip
    content_at = text.index(" said ") + len(" said ")
    claim = Claim(
        id="C1",
        source=ClaimSource(text=source),
        cue="said",
        content=Span(content_at, len(text), text[content_at:]),
        quantities=["Q1"],
    )
    return article(
        article_id, text, published=published, site=site, entities=places, claims=[claim], quantities=[quantity],
        **kwargs,
    )  # fmt: skip
