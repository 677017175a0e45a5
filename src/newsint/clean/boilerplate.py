"""Lines that are not article text: teasers, bare links, page furniture, provenance, bylines.

Each rule looks at one whole line (stripped) and says what it is. The rules are written for the
conventions of news layouts in general — print exports, PDF exports, syndicated copies — not
for any one article: a teaser is a label ("Related article:", "Read more:", "See also:") and a
title; a provenance line says where the piece first appeared; furniture is a page number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

LineKind = Literal["teaser", "links", "page-furniture", "provenance", "byline"]

URL = re.compile(r"(?:https?://|www\.)[^\s<>\"'“”‘’()\[\]–—―]+[^\s<>\"'“”‘’()\[\]–—―.,;:!?]", re.I)


def absolute_url(url: str) -> str:
    """A "www." address as a browser reads it (http, which redirects where https is served)."""
    return url if re.match(r"^[a-z][a-z0-9+.-]*://", url, re.I) else f"http://{url}"


_TEASER = re.compile(
    r"""^(?:related(?:\s+(?:article|articles|story|stories|content|reading|coverage|link|links|video))?
        |read\s+(?:more|also|next|further)|also\s+read|see\s+also|more\s+on\s+this(?:\s+story)?
        |recommended(?:\s+reading)?|you\s+(?:may|might)\s+also\s+like|don[’']t\s+miss|further\s+reading)
        \s*[:：|»›>]\s*(?P<title>\S.*)$""",
    re.I | re.X,
)
# "RELATED: title", "MORE: title" in capitals are teasers even with a dash separator.
_TEASER_CAPS = re.compile(r"^(?:RELATED|READ MORE|SEE ALSO|MORE|ALSO READ|WATCH)\s*[:–—-]\s*(?P<title>\S.*)$")

_PAGE_FURNITURE = re.compile(
    r"""^(?:(?:page|p\.|pg\.?)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?
        |\d{1,4}\s*(?:of|/)\s*\d{1,4}
        |[-–—]?\s*\d{1,4}\s*[-–—]?
        |\[\s*\d{1,4}\s*\])$""",
    re.I | re.X,
)

# "This article was first published by X." / "Originally published in X on 3 May 2022." / "This
# story appeared first on X." / "Republished with permission from X." — the publisher is kept.
_PROVENANCE = (
    re.compile(
        r"""^(?:a\s+version\s+of\s+)?(?:this|the)\s+(?:article|story|piece|report|post|column|commentary
            |analysis|op-ed|essay|interview|text)\s+(?:was|is|has\s+been|had\s+been)\s+
            (?:first\s+|originally\s+|previously\s+)?(?:published|posted|printed|appeared|released)\s+
            (?:first\s+|originally\s+)?(?:by|in|on|at|with)\s+(?P<publisher>.+?)\.?$""",
        re.I | re.X,
    ),
    re.compile(
        r"""^(?:a\s+version\s+of\s+)?(?:this|the)\s+(?:article|story|piece|report|post|column|commentary
            |analysis|op-ed|essay|interview)\s+(?:first\s+|originally\s+)?(?:appeared|ran)\s+
            (?:first\s+|originally\s+)?(?:in|on|at)\s+(?P<publisher>.+?)\.?$""",
        re.I | re.X,
    ),
    re.compile(
        r"^(?:it\s+was\s+)?(?:first|originally)\s+(?:published|appeared|posted)\s+(?:by|in|on|at)\s+(?P<publisher>.+?)\.?$",
        re.I,
    ),
    re.compile(
        r"""^(?:republished|reprinted|reproduced|syndicated)\s+(?:here\s+)?(?:with\s+(?:kind\s+)?permission\s+)?
            (?:from|of|by)\s+(?P<publisher>.+?)\.?$""",
        re.I | re.X,
    ),
)
# Where a publisher name stops: ", and is republished…", " on 3 May", " under a Creative Commons…".
_PUBLISHER_END = re.compile(
    r"""\s*(?:[,;(]|\s-\s|\s–\s|\s—\s
        |\s+on\s+(?:\d|the\s+\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)
        |\s+under\s|\s+and\s+is\s|\s+and\s+has\s|\s+and\s+was\s|\s+as\s+part\s+of\s|\s+https?://)""",
    re.I | re.X,
)

# "By Jane Roe", "By Jane Roe and John Doe, Reuters", "By JANE ROE | Moscow". A name is one to
# five capitalised words (particles allowed); the whole line stays short.
# Case matters here (no re.I): names are capitalised, so "By Western estimates, …" is prose.
_NAME_WORD = r"(?:[A-Z][\w.'’-]*|(?:de|da|van|von|der|al|el|bin|ibn|le|la|du|di))"
_NAME = rf"{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,4}}"
# Several names: "A and B", "A, B and C"; a comma not followed by a later "and" starts the
# affiliation ("By Jane Roe and John Doe, Reuters").
_BYLINE = re.compile(
    rf"^(?i:by)\s+(?P<names>{_NAME}(?:(?:\s*,\s*{_NAME})*\s*(?:\s(?i:and)\s|&)\s*{_NAME})?)"
    r"(?:\s*[,|/–—―-]\s*(?P<affiliation>[^.]{0,60}))?$"
)
MAX_BYLINE_CHARS = 90
_NOT_NAMES = re.compile(
    r"^(?:the|a|an|this|that|then|now|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february"
    r"|march|april|june|july|august|september|october|november|december|contrast|comparison|far|law|most"
    r"|some|all|way|means|then|late|early|mid|noon|midnight|tonight|tomorrow|yesterday|default)\b",
    re.I,
)


@dataclass(frozen=True, slots=True)
class LineClass:
    kind: LineKind
    text: str
    title: str | None = None  # teaser title
    url: str | None = None  # teaser URL
    urls: tuple[str, ...] = ()  # bare links
    publisher: str | None = None  # provenance
    names: str | None = None  # byline: who wrote it
    detail: str | None = None  # byline: what follows the names ("Reuters", "February 4, 2022")


def classify_line(line: str) -> LineClass | None:
    """What a stand-alone line is, or None when it may be article text."""
    text = " ".join(line.split())
    if not text:
        return None
    urls = URL.findall(text)
    if urls and not URL.sub("", text).strip(" \t,;|•·-–—"):
        return LineClass("links", text, urls=tuple(urls))
    if match := (_TEASER.match(text) or _TEASER_CAPS.match(text)):
        title, url = _split_title_url(match.group("title"))
        if title or url:
            return LineClass("teaser", text, title=title, url=url)
    if _PAGE_FURNITURE.match(text):
        return LineClass("page-furniture", text)
    if len(text) <= 250 and (publisher := provenance_publisher(text)):
        return LineClass("provenance", text, publisher=publisher)
    if match := byline_match(text):
        return LineClass("byline", text, names=match.group("names"), detail=match.group("affiliation"))
    return None


def provenance_publisher(text: str) -> str | None:
    for pattern in _PROVENANCE:
        if match := pattern.match(text):
            publisher = _PUBLISHER_END.split(match.group("publisher"), maxsplit=1)[0]
            publisher = re.sub(r"^(?:the\s+(?:website|site|blog|pages)\s+of\s+)", "", publisher, flags=re.I)
            # "first published by the Carnegie Moscow Center": a lower-case article is prose, not
            # part of the name (a name that starts with "The" is written with a capital).
            publisher = publisher.removeprefix("the ")
            publisher = publisher.strip(" .,:;\"'“”‘’")
            # A publisher is a name: it starts with a capital (or a digit: "38 North").
            if publisher and (publisher[0].isupper() or publisher[0].isdigit()) and len(publisher) <= 100:
                return publisher
    return None


def byline_match(text: str) -> re.Match[str] | None:
    if len(text) > MAX_BYLINE_CHARS or text.endswith(("?", "!", ":")):
        return None
    match = _BYLINE.match(text)
    if match is None or _NOT_NAMES.match(match.group("names")) or not match.group("names")[0].isupper():
        return None
    return match


def _split_title_url(value: str) -> tuple[str, str | None]:
    url_match = URL.search(value)
    url = url_match.group(0) if url_match else None
    title = URL.sub("", value) if url else value
    title = title.strip(" \t()[]<>|–—-:")
    return title, url
