"""The terminal brief: what a reader of one article needs at a glance (rich renderables).

Later stages add their sections (entities, claims, events) through ``SECTIONS``; each section
is a function Analysis -> renderable or None, so the brief grows without this file knowing them.

Every string from the article (its text, title, source, URL, names, claims) goes into a cell as
``rich_text``: shown as text, never read as rich markup, with terminal controls replaced.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from newsint.export.safe_text import rich_text
from newsint.extract.claims.confidence import DEFAULT_MIN_CLAIM_CONFIDENCE, confident_claims
from newsint.extract.events.confidence import DEFAULT_MIN_CONFIDENCE, confident
from newsint.model import Analysis

# A paragraph longer than this is shortened in the brief (the JSON always has the full text).
BRIEF_PARAGRAPH_CHARS = 220


def render_brief(analysis: Analysis, *, min_confidence: float = DEFAULT_MIN_CONFIDENCE) -> RenderableType:
    parts = [section(analysis) if section is not _events else _events(analysis, min_confidence)
             for section in SECTIONS]  # fmt: skip
    document = analysis.document
    title = rich_text(document.title or "(no title found)", style="bold")
    return Panel(Group(*(p for p in parts if p is not None)), title=title, title_align="left", expand=True)


def _header(analysis: Analysis) -> RenderableType:
    document = analysis.document
    table = Table.grid(padding=(0, 2))
    table.add_column(style="dim", no_wrap=True)
    table.add_column()
    published = document.published or "unknown"
    table.add_row("source", rich_text(document.source + (f"  ({document.reader})" if document.reader else "")))
    if document.url:
        table.add_row("url", rich_text(document.url))
    if document.site:
        table.add_row("site", rich_text(document.site))
    table.add_row("publisher", rich_text(document.original_publisher or "—"))
    if document.byline:
        table.add_row("byline", rich_text(document.byline))
    if document.dateline:
        table.add_row("dateline", rich_text(document.dateline.text))
    basis = rich_text(f"  (basis: {document.published_basis})", style="dim")
    table.add_row("published", Text.assemble(rich_text(published), basis))
    counts = Counter(p.kind for p in document.paragraphs)
    table.add_row("paragraphs", ", ".join(f"{n} {kind}" for kind, n in counts.items()))
    table.add_row("id", document.id)
    return table


def _paragraphs(analysis: Analysis) -> RenderableType:
    document = analysis.document
    table = Table.grid(padding=(0, 2))
    table.add_column(style="cyan", justify="right", no_wrap=True)
    table.add_column()
    for paragraph in document.paragraphs:
        if paragraph.kind == "title":
            continue
        text = document.paragraph_text(paragraph)
        if len(text) > BRIEF_PARAGRAPH_CHARS:
            text = text[: BRIEF_PARAGRAPH_CHARS - 1].rstrip() + "…"
        table.add_row(paragraph.kind, rich_text(text))
    return Group(Text(""), table, Text(""))


def _set_aside(analysis: Analysis) -> RenderableType | None:
    document = analysis.document
    if not (document.removed or document.links or document.related_articles):
        return None
    table = Table(title="Set aside (not analysed)", title_justify="left", show_header=True, expand=True)
    table.add_column("kind", style="yellow", no_wrap=True)
    table.add_column("text")
    for item in document.related_articles:
        table.add_row("related", rich_text(item.title + (f"  <{item.url}>" if item.url else "")))
    for link in document.links:
        table.add_row("link", rich_text(link.url + (f"  “{link.anchor}”" if link.anchor else "")))
    for removed in document.removed:
        if removed.kind not in {"teaser", "links"}:  # already listed above
            table.add_row(removed.kind, rich_text(removed.text))
    return table


def _entities(analysis: Analysis) -> RenderableType | None:
    if not analysis.entities:
        return None
    table = Table(title="Entities", title_justify="left", expand=True)
    for column, style in (("type", "magenta"), ("name", "bold"), ("n", None), ("actor", "green"), ("detail", "dim")):
        table.add_column(column, style=style, no_wrap=column in {"type", "n", "actor"})
    order = {"PERSON": 0, "ORG": 1, "PLACE": 2, "EQUIPMENT": 3, "OPERATION": 4}
    for entity in sorted(analysis.entities, key=lambda e: (order.get(e.type, 9), -len(e.mentions))):
        actors = sorted({m.actor for m in entity.mentions if m.actor} | ({entity.actor} if entity.actor else set()))
        table.add_row(
            entity.type,
            rich_text(entity.name),
            str(len(entity.mentions)),
            rich_text(", ".join(actors)),
            rich_text(_entity_detail(entity)),
        )
    return table


def _entity_detail(entity) -> str:
    a = entity.attributes
    parts = []
    if a.get("role"):
        parts.append(str(a["role"]))
    if a.get("category"):
        parts.append(str(a["category"]) + (f" ({a['origin']})" if a.get("origin") else ""))
    if a.get("lat") is not None and a.get("lon") is not None:
        parts.append(f"{a.get('kind') or 'place'} {a['lat']:.2f}, {a['lon']:.2f}")
    if a.get("figurative"):
        parts.append("figure of speech")
    if a.get("linked") is False:
        parts.append("not in KB")
    if entity.kb_id:
        parts.append(entity.kb_id)
    return "; ".join(parts)


def _claims(analysis: Analysis) -> RenderableType | None:
    if not analysis.claims:
        return None
    # Claims under the cut-off (mostly a pronoun whose speaker was not found) are left out of the
    # brief and counted below it; the JSON keeps them with their score.
    shown = confident_claims(analysis.claims)
    hidden = len(analysis.claims) - len(shown)
    quantities = {q.id: q for q in analysis.quantities}
    contradicted = {item for c in analysis.contradictions for item in c.items}
    table = Table(title="Claims (source — cue — content \\[numbers])", title_justify="left", expand=True)
    for column in ("", "source", "cue", "content", "numbers"):
        table.add_column(column, no_wrap=column == "")
    for claim in shown:
        source = claim.source.text or "(unnamed)"
        if claim.source.actor:
            source += f" [{claim.source.actor}]"
        numbers = ", ".join(quantities[q].text for q in claim.quantities if q in quantities)
        mark = Text("≠", style="bold red") if claim.id in contradicted else Text("")
        content = claim.content.text
        if len(content) > BRIEF_PARAGRAPH_CHARS:
            content = content[: BRIEF_PARAGRAPH_CHARS - 1] + "…"
        style = "red" if claim.id in contradicted else ""
        cells = (rich_text(source), rich_text(claim.cue), rich_text(content, style=style), rich_text(numbers))
        table.add_row(mark, *cells)
    parts: list[RenderableType] = [table] if shown else []
    if hidden:
        note = f"{hidden} claim(s) under confidence {DEFAULT_MIN_CLAIM_CONFIDENCE:.2f} not shown (the JSON keeps them)"
        parts.append(Text(note, style="dim"))
    for contradiction in analysis.contradictions:
        parts.append(rich_text(f"≠ contradiction: {contradiction.reason}", style="bold red"))
    return Group(*parts)


def _judgements(analysis: Analysis) -> RenderableType | None:
    if not analysis.judgements:
        return None
    table = Table(title="Judgements (ICD 203 probability band)", title_justify="left", expand=True)
    for column in ("phrase", "band", "condition", "sentence"):
        table.add_column(column, no_wrap=column in {"phrase", "band"})
    for judgement in analysis.judgements:
        low, high = judgement.probability
        text = judgement.text if len(judgement.text) <= BRIEF_PARAGRAPH_CHARS else judgement.text[:219] + "…"
        band = f"{low:.2f}–{high:.2f}"
        table.add_row(rich_text(judgement.phrase), band, rich_text(judgement.condition), rich_text(text))
    return table


def _events(analysis: Analysis, min_confidence: float = DEFAULT_MIN_CONFIDENCE) -> RenderableType | None:
    """A dated timeline of what the author asserts happened, then, apart, what someone reports
    and what is only hypothetical, conditional, negated or still to come: the events at or above
    ``min_confidence`` (the JSON keeps the others), and how many were left out."""
    if not analysis.events:
        return None
    names = {e.id: e.name for e in analysis.entities}
    text = analysis.document.text
    shown = confident(analysis.events, min_confidence)
    incidents = _incidents(shown)
    mentions = {id(event): count for event, count in incidents}
    asserted = sorted((e for e, _ in incidents if e.modality == "asserted"), key=lambda e: (e.start or "9999", e.id))
    others = [e for e, _ in incidents if e.modality != "asserted"]
    parts: list[RenderableType] = []
    if len(shown) < len(analysis.events):
        left_out = len(analysis.events) - len(shown)
        parts.append(Text(f"{left_out} event(s) below confidence {min_confidence:.2f} not shown "
                          "(--min-confidence; the JSON keeps them)", style="dim"))  # fmt: skip
    if asserted:
        parts.append(_event_table("Timeline (asserted events)", asserted, names, text, mentions, modality=False))
    if others:
        parts.append(_event_table("Reported, hypothetical and other events", others, names, text, mentions,
                                  modality=True))  # fmt: skip
    return Group(*parts)


def _incidents(events: list) -> list[tuple]:
    """One row per incident (the mentions of one act share ``Event.incident``), in order of first
    mention: the mention that tells most of it, asserted before reported, and how many mentions
    the incident has. An event with no incident (an analysis stored before the field) is its own."""
    groups: dict[str, list] = {}
    for event in events:
        groups.setdefault(event.incident or f"event {event.id}", []).append(event)
    return [(max(group, key=_informative), len(group)) for group in groups.values()]


def _informative(event) -> tuple:
    told = len([p for p in event.actors + event.targets if p.actor]) + (event.location is not None) + bool(event.start)
    return (event.modality == "asserted", told, event.confidence or 0.0)


def _event_table(
    title: str, events: list, names: dict[str, str], text: str, mentions: dict[int, int], *, modality: bool
) -> Table:
    table = Table(title=title, title_justify="left", expand=True)
    table.add_column("when", no_wrap=True)
    table.add_column("event", no_wrap=True)  # type (mode), and the modality under it
    # The trigger in context is what a reader checks the coding against: give it room.
    table.add_column("what", min_width=26, ratio=3)
    table.add_column("actors → targets", ratio=2)
    table.add_column("where", ratio=2)
    table.add_column("detail", ratio=2)
    for event in events:
        when = event.start or "unknown"
        if event.end and event.end != event.start:
            when += f" –\n{event.end}"
        elif event.start and event.end is None:
            when += " –"
        where = names.get(event.location.entity, "") if event.location and event.location.entity else ""
        if event.origin and event.origin.entity:
            where += f" (from {names.get(event.origin.entity, '?')})"
        kind = event.type + (f" ({event.mode})" if event.mode else "")
        if modality:
            kind += f"\n{event.modality}"
        parties = ", ".join(p.actor or "?" for p in event.actors) or "–"
        if event.targets:
            parties += " → " + ", ".join(p.actor or "?" for p in event.targets)
        detail = []
        if event.condition:
            detail.append(f"if: {event.condition}")
        if event.claim:
            detail.append(f"claim {event.claim}")
        if event.operation:
            detail.append(names.get(event.operation, event.operation))
        if mentions.get(id(event), 1) > 1:
            detail.append(f"{mentions[id(event)]} mentions of one incident ({event.incident})")
        table.add_row(
            rich_text(when),
            rich_text(kind),
            _trigger_in_context(event, text),
            rich_text(parties),
            rich_text(where),
            rich_text("; ".join(detail)),
        )
    return table


# Words of the sentence shown either side of an event's trigger word in the brief.
TRIGGER_CONTEXT_WORDS = 3


def _trigger_in_context(event, text: str) -> Text:
    """The trigger word in bold with a few words of its sentence either side, so the reader sees
    what was coded without opening the JSON."""
    trigger = event.trigger
    if trigger is None:
        return Text("")
    before_text = text[event.sentence.start : trigger.start]
    after_text = text[trigger.end : event.sentence.end]
    # Whole words, the text's own spacing and punctuation kept ("agreed, he said").
    before = re.search(rf"(?:\S+\s+){{0,{TRIGGER_CONTEXT_WORDS}}}\S*$", before_text)
    after = re.match(rf"\S*(?:\s+\S+){{0,{TRIGGER_CONTEXT_WORDS}}}", after_text)
    before_shown, after_shown = before.group() if before else "", after.group() if after else ""
    shown = Text("…" if before_shown.strip() != before_text.strip() else "")
    shown.append(rich_text(re.sub(r"\s+", " ", before_shown)))
    shown.append(rich_text(trigger.text, style="bold"))
    after = re.sub(r"\s+", " ", after_shown.rstrip()) + ("…" if after_shown.strip() != after_text.strip() else "")
    shown.append(rich_text(after))
    return shown


SECTIONS: list[Callable[[Analysis], RenderableType | None]] = [
    _header,
    _paragraphs,
    _entities,
    _claims,
    _events,
    _judgements,
    _set_aside,
]
