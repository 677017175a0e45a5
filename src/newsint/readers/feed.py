"""RSS and Atom feeds (feedparser): each item that carries its article is a document.

An item's article is its full content (RSS ``content:encoded``, Atom ``<content>``) or, failing
that, a description long enough to be one (FULL_DESCRIPTION_CHARS of text); its title, its
published (else updated) date and its link (the document's URL) come with it. The content is
the article itself, not a page around it, so its HTML is turned into paragraphs here, block by
block, without trafilatura's search for a page's main text (which drops short articles whole).

An item with only a link (a headline feed) is fetched when ``Settings.fetch_links`` allows
(``--fetch-links``) and read as the page it links to; otherwise it is skipped and counted, one
note on stderr per feed. An item's source is ``<feed>:<item number>`` (from 1); a failed item is
its error in its place, and the rest go on.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator
from urllib.parse import urljoin

from newsint.errors import EmptyInputError, MalformedError, NewsintError
from newsint.model import Link
from newsint.readers.html import html_depth
from newsint.readers.notes import note
from newsint.readers.raw import RawDocument
from newsint.readers.text import repair_text
from newsint.settings import Settings

# A description this long (in characters of text) is an article, not a teaser: teasers run to a
# sentence or two (under 300 characters in the feeds of the major outlets), a wire story's body
# to thousands.
FULL_DESCRIPTION_CHARS = 600
# The elements whose text is one paragraph each.
_BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "figcaption", "dd", "dt", "tr"}


def read_feed(
    data: bytes, *, source: str, settings: Settings, base_url: str | None = None, follow_links: bool | None = None
) -> Iterator[RawDocument | NewsintError]:
    """One document per item with its article (see the module docstring). ``follow_links``:
    fetch link-only items (default: ``settings.fetch_links``)."""
    import feedparser

    follow = settings.fetch_links if follow_links is None else follow_links
    # A file object, never the bytes themselves: given a str or bytes, feedparser first tries it
    # as a URL to fetch and as a file name to open.
    try:
        parsed = feedparser.parse(io.BytesIO(data), sanitize_html=True, resolve_relative_uris=False)
    except MemoryError:
        raise
    except Exception as exc:
        # feedparser catches what its XML parsers raise, not all its own code does: an encoding
        # declaration holding a NUL escapes as ValueError (found by fuzz/fuzz_feed.py).
        raise MalformedError(f"unreadable feed ({type(exc).__name__})", path=source) from None
    # .get, not attributes: empty input leaves out "version" (and an attribute that is not there
    # raises AttributeError).
    entries = parsed.get("entries") or []
    if not parsed.get("version") and not entries:
        reason = getattr(parsed.get("bozo_exception"), "getMessage", lambda: "")() or "no RSS or Atom items"
        raise MalformedError(f"unreadable feed ({' '.join(str(reason).split())[:200]})", path=source)
    if not entries:
        raise EmptyInputError("feed has no items", path=source)
    base = base_url or _text((parsed.get("feed") or {}).get("link"))
    link_only = 0
    for number, entry in enumerate(entries, start=1):
        where = f"{source}:{number}"
        link = _text(entry.get("link"))
        if link and base:
            link = urljoin(base, link)
        title = _text(entry.get("title"))
        published = _date(entry.get("published_parsed") or entry.get("updated_parsed"))
        html = _article_html(entry)
        if html is None:
            if not link:
                yield EmptyInputError("feed item has neither content nor a link", path=where)
            elif follow:
                yield from _fetched_item(link, title, published, settings)
            else:
                link_only += 1
            continue
        try:
            yield _item_document(html, where=where, title=title, published=published, link=link, settings=settings)
        except NewsintError as error:
            yield error
    if link_only:
        note(source, f"skipped {link_only} item(s) with only a link (--fetch-links fetches them)")


def _article_html(entry) -> str | None:
    """The item's article as HTML (plain text escaped into it), or None when it has none."""
    import html as html_escape

    contents = [c for c in entry.get("content") or [] if (c.get("value") or "").strip()]
    if contents:
        best = max(contents, key=lambda c: len(c["value"]))
        value = best["value"]
        return value if "html" in (best.get("type") or "html") else f"<pre>{html_escape.escape(value)}</pre>"
    summary = entry.get("summary") or ""
    if summary and len(_plain(summary)) >= FULL_DESCRIPTION_CHARS:
        return summary
    return None


def _item_document(
    html: str, *, where: str, title: str | None, published: str | None, link: str | None, settings: Settings
) -> RawDocument:
    raw = html.encode("utf-8")
    if html_depth(raw, settings.max_html_depth) > settings.max_html_depth:
        raise MalformedError(
            f"HTML nested more than {settings.max_html_depth} levels deep (refused as hostile)", path=where
        )
    paragraphs, links = _paragraphs(html)
    if not paragraphs:
        raise EmptyInputError("feed item has no article text", path=where)
    return RawDocument(
        source=where,
        reader="feed",
        text="\n".join(paragraphs),
        layout="paragraphs",
        title=title,
        published=published,
        url=link,
        links=links,
    )


def _fetched_item(
    link: str, title: str | None, published: str | None, settings: Settings
) -> Iterator[RawDocument | NewsintError]:
    from newsint.readers.url import read_url  # here: url.py reads feeds through this module

    try:
        for item in read_url(link, settings, follow_feed_links=False):
            if not isinstance(item, NewsintError):
                item.title = item.title or title
                item.published = item.published or published
            yield item
    except NewsintError as error:
        yield error


def _paragraphs(html: str) -> tuple[list[str], list[Link]]:
    """The text of each block element (one without blocks inside), in order; text outside any
    block (a description with <br> line breaks) one paragraph per line."""
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except Exception:  # lxml raises ParserError or ValueError for a fragment it cannot build
        return [], []
    paragraphs: list[str] = []
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue  # comments, processing instructions
        if element.tag in _BLOCKS and not any(
            isinstance(inner.tag, str) and inner.tag in _BLOCKS for inner in element.iterdescendants()
        ):
            paragraphs.append(element.text_content())
    if not paragraphs:
        for br in root.iter("br"):
            br.tail = "\n" + (br.tail or "")
        paragraphs = root.text_content().split("\n")
    paragraphs = [text for text in (" ".join(repair_text(p).split()) for p in paragraphs) if text]
    links = [
        Link(url=href, anchor=" ".join(anchor.text_content().split()) or None)
        for anchor in root.iter("a")
        if (href := (anchor.get("href") or "").strip()).startswith(("http://", "https://"))
    ]
    return paragraphs, links


def _plain(html: str) -> str:
    return " ".join(_paragraphs(html)[0])


def _text(value: object) -> str | None:
    return " ".join(repair_text(value.replace("\x00", "")).split()) or None if isinstance(value, str) else None


def _date(parsed) -> str | None:
    """The date of feedparser's UTC struct_time; None when absent or impossible."""
    if not parsed:
        return None
    try:
        return dt.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday).isoformat()
    except (ValueError, AttributeError):
        return None
