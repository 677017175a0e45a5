"""HTML pages: trafilatura finds the main text and the page metadata; links of the main text kept."""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import urlsplit

from newsint.errors import EmptyInputError, MalformedError
from newsint.model import Link
from newsint.readers.raw import RawDocument

# Elements that never have children, so an opening tag does not deepen the tree.
_VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
        "basefont",
        "frame",
        "isindex",
        "keygen",
    ]
)
_TAG = re.compile(rb"<(/?)([a-zA-Z][a-zA-Z0-9:-]*)\b[^>]*?(/?)>")
# Block-level elements of trafilatura's output that become paragraphs.
_BLOCKS = ("p", "head", "list", "quote", "table", "code")


def html_depth(data: bytes, limit: int) -> int:
    """Nesting depth of the markup, stopping early once past ``limit``.

    A cheap scan over the tags: libxml2 silently cuts a tree deeper than 256 levels, so a
    hostile page would otherwise come back as "no text" instead of the real reason.
    """
    depth = deepest = 0
    for match in _TAG.finditer(data):
        closing, name, self_closing = match.groups()
        if name.lower().decode("ascii", "replace") in _VOID or self_closing:
            continue
        depth = max(depth - 1, 0) if closing else depth + 1
        if depth > deepest:
            deepest = depth
            if deepest > limit:
                break
    return deepest


def read_html(data: bytes | str, *, source: str, max_depth: int, url: str | None = None) -> RawDocument:
    from trafilatura import bare_extraction

    raw = data.encode("utf-8") if isinstance(data, str) else data
    if html_depth(raw, max_depth) > max_depth:
        raise MalformedError(f"HTML nested more than {max_depth} levels deep (refused as hostile)", path=source)
    try:
        extracted = bare_extraction(
            raw,
            url=url,
            include_links=True,
            include_comments=False,  # reader comments are not the article
            include_tables=True,
            with_metadata=True,
        )
    except (ValueError, TypeError, RecursionError) as exc:
        raise MalformedError(f"unparsable HTML ({type(exc).__name__})", path=source) from None
    if extracted is None or extracted.body is None:
        raise EmptyInputError("no article text found in the page", path=source)
    paragraphs, links = _paragraphs_and_links(extracted.body)
    if not paragraphs:
        raise EmptyInputError("no article text found in the page", path=source)
    return RawDocument(
        source=source,
        reader="html",
        text="\n".join(paragraphs),
        layout="paragraphs",
        title=_clean(extracted.title),
        published=_clean(extracted.date),
        author=_clean(extracted.author),
        site=_clean(extracted.sitename),
        url=_clean(extracted.url) or url,
        language=_clean(extracted.language),
        links=links,
        captions=_figure_captions(raw) if b"figcaption" in raw.lower() else [],
    )


def _blocks(element) -> Iterator:
    """Block elements in reading order, looking inside the containers trafilatura sometimes
    leaves around them (a fallback extraction returns one <div> holding every <p>)."""
    for child in element:
        if child.tag in _BLOCKS:
            yield child
        elif len(child):
            yield from _blocks(child)


def _paragraphs_and_links(body) -> tuple[list[str], list[Link]]:
    paragraphs: list[str] = []
    links: list[Link] = []
    for element in _blocks(body):
        if element.tag == "list":
            texts = [_text_of(item) for item in element.iter("item")]
        elif element.tag == "table":
            texts = [" | ".join(_text_of(cell) for cell in row.iter("cell")) for row in element.iter("row")]
        else:
            texts = [_text_of(element)]
        paragraphs.extend(t for t in texts if t)
        for ref in element.iter("ref"):
            target = ref.get("target")
            if target and target.startswith(("http://", "https://")) and not _in_page_anchor(target):
                links.append(Link(url=target, anchor=_text_of(ref) or None))
    return paragraphs, links


def _in_page_anchor(url: str) -> bool:
    """trafilatura resolves href="#section" against the site root: a link to nowhere."""
    parts = urlsplit(url)
    return bool(parts.fragment) and parts.path in {"", "/"} and not parts.query


def _text_of(element) -> str:
    return " ".join("".join(element.itertext()).split())


def _clean(value: str | None) -> str | None:
    value = " ".join(value.split()) if value else None
    return value or None


def _figure_captions(raw: bytes) -> list[str]:
    """Figure captions of the article (trafilatura drops them; analysts want them)."""
    import lxml.html

    try:
        tree = lxml.html.fromstring(raw)
    except (ValueError, lxml.etree.ParserError):
        return []
    scope = tree.xpath("//article") or tree.xpath("//main") or [tree]
    captions: list[str] = []
    for root in scope[:1]:
        for caption in root.iter("figcaption"):
            text = _text_of(caption)
            if text and text not in captions:
                captions.append(text)
    return captions
