"""Readers: bytes in, RawDocument out. The kind of file is told from its content (detect.py).

``expand`` turns the command line's paths, folders and globs into files, and its ``http(s)://``
arguments into WebAddress inputs; ``read_path`` reads one input into RawDocuments (several for a
JSON Lines file, a feed or a WARC archive). Errors are NewsintError values: a whole-file error
is raised, a per-record error is yielded in its place so the rest goes on.

    detect.py   what kind of file: PDF, WARC, HTML, feed, JSON Lines or text; gzip unpacked
    text.py     decoding and repair of text files (and of any text an input carries)
    pdf.py      PDF text (pdf_layout.py, pdf_article.py: printed pages to an article)
    html.py     a web page's main text and metadata (trafilatura)
    jsonl.py    one article per line
    warc.py     a crawl's archive, streamed: each HTML response record a page (FastWARC)
    feed.py     RSS and Atom items with their article (feedparser)
    url.py      a URL input: fetched, then read like a file; fetch.py does the fetching
                (robots.txt, pace, conditional GET, limits, the address check)
    notes.py    what a reader passed over, counted, as one line on stderr
    raw.py      RawDocument
"""

from __future__ import annotations

import glob
import io
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from newsint.errors import EmptyInputError, NewsintError, NotFoundError, TooLargeError
from newsint.readers.detect import is_warc_file, maybe_gunzip, sniff, wide_encoding
from newsint.readers.feed import read_feed
from newsint.readers.fetch import is_url
from newsint.readers.html import read_html
from newsint.readers.jsonl import read_jsonl
from newsint.readers.pdf import read_pdf
from newsint.readers.raw import RawDocument
from newsint.readers.text import decode, read_text
from newsint.readers.url import WebAddress, read_url
from newsint.readers.warc import read_warc
from newsint.settings import Settings
from newsint.source_name import source_name

__all__ = ["Input", "RawDocument", "WebAddress", "expand", "input_name", "read_bytes", "read_path"]

# What the command line's arguments become: files, and http(s) URLs to fetch.
Input = Path | WebAddress

# Files a folder walk skips: hidden files, editor backups, and this tool's own stores/outputs.
_SKIP_SUFFIXES = {".db", ".db-wal", ".db-shm", ".py", ".pyc", ".md", ".yaml", ".yml", ".toml", ".lock"}


def expand(args: list[str]) -> list[Input | NewsintError]:
    """Paths, folders (recursively) and glob patterns to files, and ``http(s)://`` URLs, in the
    order given, each once; an argument that names nothing readable stands in the list as its
    error, so a run reports (or, with --fail-fast, stops at) the first bad input in the order the
    user gave."""
    items: list[Input | NewsintError] = []
    seen: set[Path] = set()
    urls: set[str] = set()
    for arg in args:
        path = Path(arg)
        if is_url(arg):
            if arg not in urls:
                urls.add(arg)
                items.append(WebAddress(arg))
            continue
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and _wanted(p, root=path))
            if not found:
                items.append(NotFoundError("folder has no readable files", path=source_name(arg)))
        elif path.is_file():
            found = [path]
        elif glob.has_magic(arg):
            found = sorted(Path(p) for p in glob.glob(arg, recursive=True) if Path(p).is_file())
            if not found:
                items.append(NotFoundError("no file matches this pattern", path=source_name(arg)))
        else:
            reason = "not a regular file" if path.exists() else "no such file or folder"
            items.append(NotFoundError(reason, path=source_name(arg)))
            found = []
        for file in found:
            if file not in seen:
                seen.add(file)
                items.append(file)
    return items


def _wanted(path: Path, *, root: Path) -> bool:
    parts = path.relative_to(root).parts
    return not any(p.startswith((".", "__")) for p in parts) and path.suffix.lower() not in _SKIP_SUFFIXES


def input_name(item: Input) -> str:
    """The input as its documents' sources name it: the file's text (source_name) or the URL."""
    return item.url if isinstance(item, WebAddress) else source_name(item)


def read_path(path: Input, settings: Settings) -> Iterator[RawDocument | NewsintError]:
    """One file's documents (several for a JSON Lines file, a feed or a WARC archive, a bad
    record as its error in its place), or a URL's once fetched; a file that cannot be read at
    all raises its error."""
    if isinstance(path, WebAddress):
        yield from read_url(path.url, settings)
        return
    source = source_name(path)  # text even when the name's bytes are not UTF-8 (source_name.py)
    if is_warc_file(path):
        # An archive is streamed, however large (a crawl's WARC is often a GB); the size limit
        # applies to each record instead.
        try:
            with path.open("rb") as stream:
                yield from read_warc(
                    stream,
                    source=source,
                    max_record_bytes=settings.max_input_bytes,
                    max_html_depth=settings.max_html_depth,
                )
        except PermissionError:
            raise NotFoundError("permission denied", path=source) from None
        return
    try:
        size = path.stat().st_size
        if size > settings.max_input_bytes:
            raise TooLargeError(
                f"{size:,} bytes is over the size limit of {settings.max_input_bytes:,} (--max-bytes)",
                path=source,
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise NotFoundError("no such file", path=source) from None
    except PermissionError:
        raise NotFoundError("permission denied", path=source) from None
    except IsADirectoryError:
        raise NotFoundError("is a folder", path=source) from None
    yield from read_bytes(data, source=source, settings=settings, suffix=path.suffix.lower())


def read_bytes(
    data: bytes,
    *,
    source: str,
    settings: Settings,
    suffix: str = "",
    url: str | None = None,
    follow_feed_links: bool | None = None,
) -> Iterator[RawDocument | NewsintError]:
    """The documents in ``data``; ``settings`` gives the size and depth limits and the forced
    encoding, if any. ``url``: where the data was fetched from (a page's links and a feed's
    relative links resolve against it); ``follow_feed_links``: see ``readers.url.read_url``."""
    encoding = settings.encoding
    if len(data) > settings.max_input_bytes:
        raise TooLargeError(f"over the size limit of {settings.max_input_bytes:,} bytes", path=source)
    if not data.strip():
        raise EmptyInputError("empty file", path=source)
    data = maybe_gunzip(data, source=source, max_bytes=settings.max_input_bytes)
    if suffix == ".gz":
        suffix = Path(source.removesuffix(".gz")).suffix.lower()
    kind = sniff(data, source=source, suffix=suffix, encoding=encoding)
    if kind == "pdf":
        yield read_pdf(data, source=source)
    elif kind == "warc":
        yield from read_warc(
            io.BytesIO(data),
            source=source,
            max_record_bytes=settings.max_input_bytes,
            max_html_depth=settings.max_html_depth,
        )
    elif kind == "feed":
        yield from read_feed(data, source=source, settings=settings, base_url=url, follow_links=follow_feed_links)
    elif kind == "html":
        # A page in a forced encoding or in UTF-16/32 is decoded here: trafilatura guesses 8-bit
        # and UTF-8 pages well, but a forced encoding must win and NULs must not reach lxml.
        wide = wide_encoding(data, forced=encoding)
        page = decode(data, source=source, encoding=wide) if wide else data
        yield read_html(page, source=source, max_depth=settings.max_html_depth, url=url)
    elif kind == "jsonl":
        text = decode(data, source=source, encoding=encoding)
        yield from read_jsonl(text, source=source, max_html_depth=settings.max_html_depth)
    else:
        yield read_text(data, source=source, encoding=encoding)


def _read_warc(stream: BinaryIO, *, source: str, settings: Settings) -> Iterator[RawDocument | NewsintError]:
    # The size limit is each record's: a crawl's archive is often a GB, and is streamed.
    limits = {"max_record_bytes": settings.max_input_bytes, "max_html_depth": settings.max_html_depth}
    yield from read_warc(stream, source=source, **limits)
