"""RawDocument: what every reader returns — decoded text plus whatever metadata the file carried."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from newsint.model import Link, Removed

# "auto": the cleaner decides from the text whether lines are hard-wrapped (text and PDF exports).
# "paragraphs": one paragraph per line, already trustworthy (HTML main text from trafilatura).
Layout = Literal["auto", "paragraphs"]

# A page break inside RawDocument.text. PDF readers join pages with it; plain-text exports
# sometimes carry it too. The cleaner treats it as a place where a paragraph may continue.
PAGE_BREAK = "\f"


@dataclass(slots=True)
class RawDocument:
    source: str
    reader: str
    text: str
    layout: Layout = "auto"
    title: str | None = None
    published: str | None = None  # ISO date the file itself states, never guessed
    published_basis: str = "metadata"  # "metadata" (page/feed metadata) or "text" (a printed date)
    author: str | None = None
    site: str | None = None
    url: str | None = None
    fetched: str | None = None  # ISO 8601 UTC time a web page was fetched (WARC-Date, or newsint's fetch)
    language: str | None = None
    links: list[Link] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    # Material the reader already took out (PDF running headers, page numbers…).
    removed: list[Removed] = field(default_factory=list)
