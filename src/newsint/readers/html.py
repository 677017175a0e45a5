"""HTML pages: trafilatura finds the main text and the page metadata; links of the main text kept."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

from newsint.errors import EmptyInputError, MalformedError
from newsint.model import Link
from newsint.readers.raw import RawDocument

# Block-level elements of trafilatura's output that become paragraphs.
_BLOCKS = ("p", "head", "list", "quote", "table", "code")


_FEED_BYTES = 64 * 1024


class _TooDeep(Exception):
    """Raised from inside the parser to stop it at the first element past the limit."""


class _DepthGauge:
    """An lxml parser target that builds nothing and keeps one number: how deep the current
    element sits in the tree that libxml2's HTML parser is building. The parser, not the markup,
    decides where an element ends (an unclosed <p> or <li> is closed by the next one, a stray
    </div> is ignored), so this is the depth of the tree trafilatura will get, at the cost of a
    counter: a hostile page cannot exhaust memory or recursion here."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.depth = self.deepest = 0

    def start(self, tag: str, attrib: dict) -> None:
        self.depth += 1
        if self.depth > self.deepest:
            self.deepest = self.depth
            if self.depth > self.limit:
                raise _TooDeep  # lxml stops the parser and re-raises this from feed()/close()

    def end(self, tag: str) -> None:
        self.depth -= 1

    def close(self) -> int:
        return self.deepest


def html_depth(data: bytes, limit: int) -> int:
    """Depth of the tree the HTML parser builds from ``data`` (the root element is level 1),
    stopping as soon as it passes ``limit``.

    Why it is checked at all: libxml2 builds at most 256 levels (unless told ``huge_tree``, which
    raises the cap, not removes it) and silently drops everything after the element that would
    go deeper, so a hostile page would come back as "no text", or worse as part of an article,
    instead of the real reason. The limit (Settings.max_html_depth, 255) is one level under that
    cap counted the same way, so a page let through is parsed whole; ``huge_tree`` is not asked
    for: it would only move the cut to 2048 levels and hand deeper trees to trafilatura's
    recursive code. The deepest of the 102 benchmark pages is 51 levels.
    """
    import lxml.etree

    gauge = _DepthGauge(limit)
    parser = lxml.etree.HTMLParser(target=gauge, recover=True, no_network=True)
    try:
        # In pieces: an exception from the target reaches us only when feed() returns, and the
        # parser may go on to the end of what it was given, so a 50 MB "<div>" bomb would be
        # parsed whole instead of stopped after its first few hundred bytes.
        for at in range(0, len(data), _FEED_BYTES):
            parser.feed(data[at : at + _FEED_BYTES])
        parser.close()
    except _TooDeep:
        pass
    except lxml.etree.LxmlError:
        pass  # nothing parsable: trafilatura will say so; the depth seen so far is what there is
    return gauge.deepest


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
            if target and _is_web_link(target):
                links.append(Link(url=target, anchor=_text_of(ref) or None))
    return paragraphs, links


def _is_web_link(url: str) -> bool:
    """An http(s) address that goes somewhere: one that urlsplit refuses ("http://[abc/", an
    unclosed IPv6 bracket) is no link, and trafilatura resolves href="#section" against the site
    root, a link to nowhere."""
    if not url.startswith(("http://", "https://")):
        return False
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return not (parts.fragment and parts.path in {"", "/"} and not parts.query)


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
