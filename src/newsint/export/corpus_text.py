"""Terminal renderings (rich) of the corpus views: the brief, figures, an entity profile, the timeline.

Every string from the articles (outlets, names, claim sources and contents, figures as written)
goes into the tables as ``rich_text``: shown as text, never read as rich markup, with terminal
controls replaced (export/safe_text.py).
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from newsint.corpus.brief import CorpusBrief
from newsint.corpus.figures import FigureContradiction, FigureGroup, FigureReport
from newsint.corpus.outlets import outlet_name
from newsint.corpus.profile import EntityProfile
from newsint.corpus.timeline import TimelineEntry
from newsint.export.safe_text import rich_text
from newsint.model import CorpusArticle

# Longer claim or event texts are shortened on screen (the exports always have the full text).
TEXT_CHARS = 160


def render_corpus_brief(brief: CorpusBrief) -> RenderableType:
    header = Text.assemble(
        ("Corpus: ", "bold"),
        f"{brief.articles} articles ({brief.independent_articles} independent) from {len(brief.outlets)} outlets",
    )  # counts only: no input text
    outlets = Table(title="Sources", title_justify="left", show_header=True)
    outlets.add_column("outlet")
    outlets.add_column("articles", justify="right")
    for name, count in brief.outlets:
        outlets.add_row(rich_text(name), str(count))
    entities = Table(title="Most named", title_justify="left", show_header=True)
    for column in ("entity", "type", "actor", "articles", "mentions"):
        entities.add_column(column, justify="right" if column in ("articles", "mentions") else "left")
    for entity in brief.top_entities:
        entities.add_row(
            rich_text(entity.name),
            entity.type,
            rich_text(entity.actor),
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
    head = rich_text(f"  ≠ {number}. {contradiction.first.subject}{ratio}", style="red")
    return Group(head, _group(contradiction.first, indent="     "), _group(contradiction.second, indent="     "))


def _group(group: FigureGroup, *, indent: str) -> RenderableType:
    outlets, sources = group.independent_outlets, len(group.sources)
    counts = f"{outlets} independent outlet{'s' if outlets != 1 else ''}, {sources} source{'s' if sources != 1 else ''}"
    unit = group.figures[0].quantity.unit
    lines = [rich_text(f"{indent}{_interval(group)} (unit: {unit}) — {counts}", style="bold")]
    for side in group.by_source():
        actor = f" [{side.actor}]" if side.actor else ""
        carried = ", ".join(side.outlets) if side.outlets else "outlet unknown"
        figures = "; ".join(f"“{t}”" for t in side.texts)
        lines.append(rich_text(f"{indent}  {side.source}{actor}: {figures} (in {carried})"))
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
            rich_text(date + basis),
            rich_text(entry.kind),
            rich_text(", ".join(entry.actors)),
            rich_text(_short(entry.text)),
            rich_text(entry.outlet),
        )
    if not entries:
        return Text("No dated events or claims match.", style="dim")
    return table


def render_profile(profile: EntityProfile) -> RenderableType:
    entity = profile.entity
    head = Table.grid(padding=(0, 2))
    head.add_column(style="dim")
    head.add_column()
    head.add_row("entity", rich_text(entity.name, style="bold"))
    head.add_row("type", rich_text(entity.type))
    head.add_row("kb id", rich_text(entity.kb_id or "— (not in the knowledge base)"))
    head.add_row("actor", rich_text(entity.actor or "—"))
    if len(entity.names) > 1:
        head.add_row("also named", rich_text(", ".join(sorted(n for n in entity.names if n != entity.name))))
    carried = ", ".join(profile.outlets)
    head.add_row("articles", rich_text(f"{len(entity.article_ids)} in {len(profile.outlets)} outlets: {carried}"))
    mentions = "  ".join(f"{date}: {count}" for date, count in profile.mentions_by_date.items())
    head.add_row("mentions", rich_text(mentions))
    if profile.roles:
        head.add_row("roles", rich_text(", ".join(f"{role} ({n})" for role, n in profile.roles.most_common())))
    parts: list[RenderableType] = [head]
    for title, rows in (("Claims by", profile.claims_by), ("Claims about", profile.claims_about)):
        heading = rich_text(f"{title} {entity.name} ({len(rows)})")
        table = Table(title=heading, title_justify="left", show_header=True)
        for column in ("published", "source", "claim", "outlet"):
            table.add_column(column)
        for row in rows:
            table.add_row(
                rich_text((row.published or "unknown")[:10]),
                rich_text(_short(row.source, 60)),
                rich_text(_short(f"{row.cue or ''} {row.text}".strip())),
                rich_text(row.outlet),
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
                rich_text((document.published or "unknown")[:10]),
                rich_text(_short(" ".join((claim.source.text or "unnamed source").split()), 60)),
                rich_text(_short(" ".join(f"{claim.cue or ''} {claim.content.text}".split()))),
                rich_text(outlet_name(article)),
            )
    return table
