"""Markdown rendering of an Analysis: for notes, tickets and newsroom wikis.

Every string from the article is escaped (``markdown_text``): a title, caption or paragraph shows as
the text it is, never as a heading, a link or HTML (``<script>`` stays text). URLs become links
only when they are http or https (``markdown_url``); a ``javascript:`` URL is shown, not linked.
"""

from __future__ import annotations

from newsint.export.safe_text import markdown_text, markdown_url
from newsint.model import Analysis


def render_markdown(analysis: Analysis) -> str:
    document = analysis.document
    out = [f"# {markdown_text(document.title or '(no title found)', one_line_only=True)}", ""]
    published = markdown_text(document.published or "unknown", one_line_only=True)
    facts = [
        ("Source", markdown_text(document.source, one_line_only=True)),
        ("URL", markdown_url(document.url)),
        ("Site", markdown_text(document.site, one_line_only=True)),
        ("Original publisher", markdown_text(document.original_publisher, one_line_only=True)),
        ("Byline", markdown_text(document.byline, one_line_only=True)),
        ("Published", f"{published} (basis: {document.published_basis})"),
    ]
    out += [f"- **{name}:** {value}" for name, value in facts if value]
    for caption in document.captions:
        out += ["", f"> *Caption:* {markdown_text(caption, one_line_only=True)}"]
    out.append("")
    body = [p for p in document.paragraphs if p.kind in {"standfirst", "body"}]
    out += [markdown_text(document.paragraph_text(p)) + "\n" for p in body]
    if document.related_articles or document.links:
        out += ["## Set aside", ""]
        out += [
            f"- Related: {markdown_text(r.title, one_line_only=True)}" + (f" {markdown_url(r.url)}" if r.url else "")
            for r in document.related_articles
        ]
        out += [f"- Link: {markdown_url(link.url)}" for link in document.links]
    return "\n".join(out).rstrip() + "\n"
