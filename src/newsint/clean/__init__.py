"""Cleaning: RawDocument in, Document out — reflowed paragraphs with their kinds, and beside them
everything that is not analysed text (teasers, links, provenance, page furniture, byline).

Nothing is dropped silently: each line set aside is recorded in ``Document.removed``.
"""

from __future__ import annotations

import hashlib

from newsint.clean.boilerplate import URL, absolute_url
from newsint.clean.head import separate_head_caption
from newsint.clean.normalize import normalize
from newsint.clean.reflow import Block, Layout, join_lines, split_blocks
from newsint.clean.structure import Candidate, is_caption, is_title, same_text, split_dateline
from newsint.dates import parse_full_date
from newsint.errors import EmptyInputError
from newsint.model import Document, Link, Paragraph, RelatedArticle, Removed
from newsint.readers.raw import RawDocument

__all__ = ["clean"]

PARAGRAPH_SEPARATOR = "\n\n"
# How many short paragraphs (section labels, kickers) may stand above a page's headline.
MAX_KICKERS = 2


def clean(raw: RawDocument) -> Document:
    text = normalize(raw.text)
    if raw.layout == "auto":
        text = separate_head_caption(text)
    blocks, layout = split_blocks(text, trust_line_breaks=raw.layout == "paragraphs")
    document = Document(id="", source=raw.source, reader=raw.reader, url=raw.url, site=raw.site,
                        fetched=raw.fetched, language=raw.language, removed=list(raw.removed),
                        links=list(raw.links))  # fmt: skip
    candidates = _set_aside(blocks, document, text)
    kinds = _kinds(candidates, blocks, layout, raw, document)
    _assemble(document, kinds)
    if not any(kind == "body" for kind, _ in kinds):
        raise EmptyInputError("no article text left after cleaning", path=raw.source)
    document.byline = document.byline or raw.author
    if raw.published:  # the file's own metadata is more reliable than a date in the text
        document.published, document.published_basis = raw.published, raw.published_basis  # type: ignore[assignment]
    document.id = hashlib.sha256(document.text.encode("utf-8")).hexdigest()[:16]
    return document


def _set_aside(blocks: list[Block], document: Document, text: str) -> list[tuple[Block, Candidate]]:
    """Record set-aside lines on the document; return the text blocks as paragraph candidates."""
    candidates: list[tuple[Block, Candidate]] = []
    for block in blocks:
        line = block.line_class
        if line is None:
            joined = join_lines(block.lines, text)
            if joined:
                longest = max(len(raw.strip()) for raw in block.lines)
                candidates.append((block, Candidate(joined, len(block.lines), longest)))
            continue
        document.removed.append(Removed(kind=line.kind, text=line.text))
        if line.kind == "links":
            document.links.extend(Link(url=absolute_url(url)) for url in line.urls)
        elif line.kind == "teaser":
            url = absolute_url(line.url) if line.url else None
            document.related_articles.append(RelatedArticle(title=line.title or url or "", url=url))
        elif line.kind == "provenance" and document.original_publisher is None:
            document.original_publisher = line.publisher
        elif line.kind == "byline" and document.byline is None:
            document.byline = line.names
            if line.detail and (written := parse_full_date(line.detail)):
                document.published, document.published_basis = written, "text"
    return candidates


def _kinds(
    candidates: list[tuple[Block, Candidate]],
    blocks: list[Block],
    layout: Layout,
    raw: RawDocument,
    document: Document,
) -> list[tuple[str, str]]:
    """(kind, text) for each analysed paragraph, in reading order."""
    kinds: list[tuple[str, str]] = []
    rest = list(candidates)
    if raw.title:
        # The page's own headline, usually the first paragraph; a section label ("Security",
        # "TECH") that a page puts above it is set aside rather than analysed.
        at = next((i for i, (_, c) in enumerate(rest[: MAX_KICKERS + 1]) if same_text(c.text, raw.title)), None)
        if at is not None:
            for _, kicker in rest[:at]:
                document.removed.append(Removed(kind="kicker", text=kicker.text))
            rest = rest[at:]
            kinds.append(("title", rest.pop(0)[1].text))
        else:
            kinds.append(("title", raw.title))
    elif rest and is_title(rest[0][1], has_more=len(rest) > 1, wrapped=layout.wrapped):
        kinds.append(("title", rest.pop(0)[1].text))
        # "Headline;" then a deck line: the deck is the standfirst.
        if kinds[0][1].endswith(";") and len(rest) > 1 and is_title(rest[0][1], has_more=True, wrapped=False):
            kinds.append(("standfirst", rest.pop(0)[1].text))
    kinds.extend(("caption", caption) for caption in raw.captions)

    # A paragraph between the title and a byline or dateline line is the standfirst.
    byline_at = next((i for i, b in enumerate(blocks) if b.line_class and b.line_class.kind == "byline"), None)
    dateline_seen = False
    for block, candidate in rest:
        if is_caption(candidate, wrapped=layout.wrapped, width=layout.width, before_body=not _has_body(kinds)):
            kinds.append(("caption", candidate.text))
            continue
        if byline_at is not None and blocks.index(block) < byline_at and not _has_body(kinds):
            kinds.append(("standfirst", candidate.text))
            continue
        paragraph = candidate.text
        if not dateline_seen and not _has_body(kinds):
            dateline, paragraph = split_dateline(paragraph)
            if dateline is not None:
                document.dateline = dateline
                document.removed.append(Removed(kind="dateline", text=dateline.text))
            dateline_seen = True
        kinds.append(("body", paragraph))
    document.title = next((t for k, t in kinds if k == "title"), None)
    document.captions = [t for k, t in kinds if k == "caption"]
    _links_in_text(kinds, document)
    return kinds


def _has_body(kinds: list[tuple[str, str]]) -> bool:
    return any(kind == "body" for kind, _ in kinds)


def _links_in_text(kinds: list[tuple[str, str]], document: Document) -> None:
    """URLs written inside paragraphs stay in the text, and are listed as links too."""
    known = {link.url for link in document.links}
    for _, paragraph in kinds:
        for url in map(absolute_url, URL.findall(paragraph)):
            if url not in known:
                document.links.append(Link(url=url))
                known.add(url)


def _assemble(document: Document, kinds: list[tuple[str, str]]) -> None:
    parts: list[str] = []
    offset = 0
    for kind, paragraph in kinds:
        paragraph = paragraph.strip()
        if not paragraph:
            continue
        if parts:
            offset += len(PARAGRAPH_SEPARATOR)
        document.paragraphs.append(Paragraph(kind=kind, start=offset, end=offset + len(paragraph)))  # type: ignore[arg-type]
        parts.append(paragraph)
        offset += len(paragraph)
    document.text = PARAGRAPH_SEPARATOR.join(parts)
