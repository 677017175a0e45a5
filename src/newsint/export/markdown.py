"""Markdown rendering of an Analysis: for notes, tickets and newsroom wikis."""

from __future__ import annotations

from newsint.model import Analysis


def render_markdown(analysis: Analysis) -> str:
    document = analysis.document
    out = [f"# {document.title or '(no title found)'}", ""]
    facts = [
        ("Source", document.source),
        ("URL", document.url),
        ("Site", document.site),
        ("Original publisher", document.original_publisher),
        ("Byline", document.byline),
        ("Published", f"{document.published or 'unknown'} (basis: {document.published_basis})"),
    ]
    out += [f"- **{name}:** {value}" for name, value in facts if value]
    for caption in document.captions:
        out += ["", f"> *Caption:* {caption}"]
    out.append("")
    out += [document.paragraph_text(p) + "\n" for p in document.paragraphs if p.kind in {"standfirst", "body"}]
    if document.related_articles or document.links:
        out += ["## Set aside", ""]
        out += [f"- Related: {r.title}" + (f" <{r.url}>" if r.url else "") for r in document.related_articles]
        out += [f"- Link: <{link.url}>" for link in document.links]
    return "\n".join(out).rstrip() + "\n"
