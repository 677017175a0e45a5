"""Terminal renderings (rich) of the corpus views: the brief, figures, an entity profile, the timeline."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Group, RenderableType
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from newsint.corpus.article import CorpusArticle
from newsint.corpus.brief import CorpusBrief
from newsint.corpus.figures import FigureContradiction, FigureGroup, FigureReport
from newsint.corpus.outlets import outlet_name
from newsint.corpus.profile import EntityProfile
from newsint.corpus.timeline import TimelineEntry

# Longer claim or event texts are shortened on screen (the exports always have the full text).
TEXT_CHARS = 160


def render_corpus_brief(brief: CorpusBrief) -> RenderableType:
    header = Text.assemble(
        ("Corpus: ", "bold"),
        f"{brief.articles} articles ({brief.independent_articles} independent) from {len(brief.outlets)} outlets",
    )
    outlets = Table(title="Sources", title_justify="left", show_header=True)
    outlets.add_column("outlet")
    outlets.add_column("articles", justify="right")
    for name, count in brief.outlets:
        outlets.add_row(escape(name), str(count))
    entities = Table(title="Most named", title_justify="left", show_header=True)
    for column in ("entity", "type", "actor", "articles", "mentions"):
        entities.add_column(column, justify="right" if column in ("articles", "mentions") else "left")
    for entity in brief.top_entities:
        entities.add_row(
            escape(entity.name),
            entity.type,
            entity.actor or "",
            str(len(entity.article_ids)),
            str(entity.mention_count),
        )
    parts: list[RenderableType] = [header, outlets, entities, render_timeline(brief.timeline, title="Timeline")]
    parts.append(render_figures(brief.figures))
    return Group(*parts)


def render_figures(report: FigureReport, *, contradictions_only: bool = False) -> RenderableType:
    parts: list[RenderableType] = []
    contradictions = report.contradictions
    parts.append(Text(f"Contradicted figures ({len(contradictions)})", style="bold red"))
    if not contradictions:
        parts.append(Text("  none found", style="dim"))
    for number, contradiction in enumerate(contradictions, 1):
        parts.append(_contradiction(number, contradiction))
    # Corroborations are shown with --contradictions too: agreement is half of the answer.
    corroborated = report.corroborated
    parts.append(Text(f"Corroborated figures ({len(corroborated)})", style="bold green"))
    if not corroborated:
        parts.append(Text("  none found", style="dim"))
    for group in corroborated:
        parts.append(_group(group, indent="  "))
    if not contradictions_only:
        single = [g for g in report.groups if not g.corroborated]
        parts.append(Text(f"Figures from one source and one outlet ({len(single)})", style="bold"))
        for group in single:
            parts.append(_group(group, indent="  "))
    return Group(*parts)


def _contradiction(number: int, contradiction: FigureContradiction) -> RenderableType:
    ratio = f" — the larger is {contradiction.ratio:.1f} times the smaller" if contradiction.ratio else ""
    head = Text(f"  ≠ {number}. {contradiction.first.subject}{ratio}", style="red")
    return Group(head, _group(contradiction.first, indent="     "), _group(contradiction.second, indent="     "))


def _group(group: FigureGroup, *, indent: str) -> RenderableType:
    outlets, sources = group.independent_outlets, len(group.sources)
    counts = f"{outlets} independent outlet{'s' if outlets != 1 else ''}, {sources} source{'s' if sources != 1 else ''}"
    lines = [Text(f"{indent}{_interval(group)} (unit: {group.figures[0].quantity.unit}) — {counts}", style="bold")]
    for side in group.by_source():
        actor = f" [{side.actor}]" if side.actor else ""
        carried = ", ".join(side.outlets) if side.outlets else "outlet unknown"
        figures = "; ".join(f"“{t}”" for t in side.texts)
        lines.append(Text(f"{indent}  {side.source}{actor}: {figures} (in {carried})"))
    return Group(*lines)


def _interval(group: FigureGroup) -> str:
    low, high = group.interval
    if low == float("-inf"):
        return f"≤{high:,.0f}"
    if high == float("inf"):
        return f"≥{low:,.0f}"
    if round(low) == round(high):
        return f"{low:,.0f}"
    return f"{low:,.0f}–{high:,.0f}"


def render_timeline(entries: Sequence[TimelineEntry], *, title: str | None = None) -> RenderableType:
    table = Table(title=title, title_justify="left", show_header=True, expand=False)
    for column in ("date", "kind", "actors", "what", "outlet"):
        table.add_column(column, no_wrap=column in ("date", "kind"))
    for entry in entries:
        date = entry.start if entry.end == entry.start else f"{entry.start} – {entry.end}"
        basis = " (published)" if entry.basis == "published" else ""
        table.add_row(
            date + basis,
            entry.kind,
            ", ".join(entry.actors),
            escape(_short(entry.text)),
            escape(entry.outlet or ""),
        )
    if not entries:
        return Text("No dated events or claims match.", style="dim")
    return table


def render_profile(profile: EntityProfile) -> RenderableType:
    entity = profile.entity
    head = Table.grid(padding=(0, 2))
    head.add_column(style="dim")
    head.add_column()
    head.add_row("entity", Text(entity.name, style="bold"))
    head.add_row("type", entity.type)
    head.add_row("kb id", entity.kb_id or "— (not in the knowledge base)")
    head.add_row("actor", entity.actor or "—")
    if len(entity.names) > 1:
        head.add_row("also named", ", ".join(sorted(n for n in entity.names if n != entity.name)))
    carried = ", ".join(profile.outlets)
    head.add_row("articles", f"{len(entity.article_ids)} in {len(profile.outlets)} outlets: {carried}")
    head.add_row("mentions", "  ".join(f"{date}: {count}" for date, count in profile.mentions_by_date.items()))
    if profile.roles:
        head.add_row("roles", ", ".join(f"{role} ({n})" for role, n in profile.roles.most_common()))
    parts: list[RenderableType] = [head]
    for title, rows in (("Claims by", profile.claims_by), ("Claims about", profile.claims_about)):
        table = Table(title=f"{title} {entity.name} ({len(rows)})", title_justify="left", show_header=True)
        for column in ("published", "source", "claim", "outlet"):
            table.add_column(column)
        for row in rows:
            table.add_row(
                (row.published or "unknown")[:10],
                escape(_short(row.source, 60)),
                escape(_short(f"{row.cue or ''} {row.text}".strip())),
                escape(row.outlet or ""),
            )
        parts.append(table)
    return Group(*parts)


def _short(text: str, limit: int = TEXT_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def render_claims(articles: Sequence[CorpusArticle], profile: EntityProfile | None) -> RenderableType:
    """Every claim in the corpus, or (with a profile) the claims by and about one entity."""
    if profile is not None:
        return Group(*render_profile(profile).renderables[1:])
    table = Table(title="Claims", title_justify="left", show_header=True)
    for column in ("published", "source", "claim", "outlet"):
        table.add_column(column)
    for article in articles:
        document = article.analysis.document
        for claim in article.analysis.claims:
            table.add_row(
                (document.published or "unknown")[:10],
                escape(_short(" ".join((claim.source.text or "unnamed source").split()), 60)),
                escape(_short(" ".join(f"{claim.cue or ''} {claim.content.text}".split()))),
                escape(outlet_name(article) or ""),
            )
    return table
