"""WARC archives (.warc, .warc.gz): every HTML page a crawler saved becomes a document.

A ``response`` record with HTTP status 200 and an HTML content type is read by the HTML reader;
its WARC-Target-URI becomes the document's URL and its WARC-Date the ``fetched`` time. Every
other record (requests, metadata, redirects, images, PDFs…) is skipped and counted: the counts
come out as one note on stderr per file (``newsint: note: FILE: …``, notes.py), never as failures.

A record's source is ``<file>:<offset>``, the byte offset of the record in the file as stored
(compressed, for .warc.gz) — the offset that CDX indexes and ``warcio extract`` use to find it.

Damage: records are streamed, so a 1 GB archive never sits in memory. The records read before
the damage are kept (they are whole: each one's length is checked against its Content-Length),
and the file then yields one MalformedError in its place, naming the offset where reading
stopped. A record's page that fails (no article text, over the size limit) is that record's
error alone, like a bad line of a JSON Lines file.

Parsed with FastWARC: 2.0-2.8x warcio's records/s on the same .warc.gz over runs on this shared
machine (benchmarks/warc.py, RESULTS.md). Neither library reports a file cut short inside a
record (both hand back the part that is there), hence the length check here.
"""

from __future__ import annotations

import http.client
import io
from collections import Counter
from collections.abc import Iterator
from typing import BinaryIO

from newsint.errors import MalformedError, NewsintError, TooLargeError
from newsint.readers.detect import maybe_gunzip
from newsint.readers.html import read_html
from newsint.readers.notes import note
from newsint.readers.raw import RawDocument

_HTML_TYPES = {"text/html", "application/xhtml+xml"}


def read_warc(
    stream: BinaryIO, *, source: str, max_record_bytes: int, max_html_depth: int
) -> Iterator[RawDocument | NewsintError]:
    """One RawDocument per HTML page in the archive, a failed page as its error in its place;
    damage after the first records as one final error (see the module docstring)."""
    from fastwarc.warc import ArchiveIterator

    skipped: Counter[str] = Counter()
    pages = 0
    position = 0
    try:
        # parse_http=False: the block is read whole and its length checked first (truncation),
        # then its HTTP head is parsed here.
        for record in ArchiveIterator(stream, parse_http=False):
            position = record.stream_pos
            where = f"{source}:{record.stream_pos}"
            declared_text = record.headers.get("Content-Length")
            if declared_text is None or record.headers.get("WARC-Type") is None:
                # Both are mandatory: a record without them is the head of one cut short (a
                # .warc.gz cut inside a record's gzip member comes out this way).
                raise _Truncated(record.stream_pos)
            declared = int(declared_text)
            block = record.reader.read(max_record_bytes + 1)
            if len(block) > max_record_bytes:
                yield TooLargeError(f"record over the size limit of {max_record_bytes:,} bytes", path=where)
                continue
            if len(block) < declared:
                raise _Truncated(record.stream_pos)
            kind = _skip_reason(record.headers.get("WARC-Type"), block)
            if kind is not None:
                skipped[kind] += 1
                continue
            pages += 1
            try:
                yield _read_page(
                    record.headers, block, where=where, max_bytes=max_record_bytes, max_html_depth=max_html_depth
                )
            except NewsintError as error:
                yield error
    except _Truncated as cut:
        cut_short = f"truncated WARC: the record at byte {cut.offset} is cut short; the records before it were read"
        yield MalformedError(cut_short, path=source)
    except (OSError, ValueError, EOFError) as exc:
        yield MalformedError(
            f"corrupt WARC after byte {position} ({_one_line(exc)}); the records before it were read", path=source
        )
    else:
        if not pages and not skipped:
            yield MalformedError("no WARC records", path=source)
    if skipped:
        details = ", ".join(f"{count} {kind}" for kind, count in skipped.most_common())
        note(source, f"{pages} HTML page(s) read; skipped {details}")


class _Truncated(Exception):
    def __init__(self, offset: int) -> None:
        self.offset = offset


def _skip_reason(warc_type: str | None, block: bytes) -> str | None:
    """Why a record is no HTML page (a short name to count it under), or None for a page."""
    if warc_type != "response":
        return f"{warc_type or 'untyped'} record(s)"
    status, headers, _ = _http_head(block)
    if status is None:
        return "non-HTTP response(s)"
    if status != 200:
        return f"HTTP {status} response(s)"
    content_type = (headers.get_content_type() if headers is not None else "") or "no content type"
    if content_type not in _HTML_TYPES:
        return f"{content_type} response(s)"
    return None


def _http_head(block: bytes) -> tuple[int | None, http.client.HTTPMessage | None, bytes]:
    """(status, headers, payload) of an HTTP response block; (None, None, b"") when it is none."""
    head, separator, payload = block.partition(b"\r\n\r\n")
    if not separator:
        head, separator, payload = block.partition(b"\n\n")
    status_line, _, header_lines = head.partition(b"\n")
    parts = status_line.split(None, 2)
    if not separator or len(parts) < 2 or not parts[0].startswith(b"HTTP/") or not parts[1].isdigit():
        return None, None, b""
    try:
        headers = http.client.parse_headers(io.BytesIO(header_lines + b"\r\n\r\n"))
    except http.client.HTTPException:  # more than 100 headers, or a header line over 64 KiB
        return None, None, b""
    return int(parts[1]), headers, payload


def _read_page(warc_headers, block: bytes, *, where: str, max_bytes: int, max_html_depth: int) -> RawDocument:
    _, headers, payload = _http_head(block)
    encoding = (headers.get("Content-Encoding") or "").strip().lower() if headers is not None else ""
    if encoding in {"gzip", "x-gzip"}:
        payload = maybe_gunzip(payload, source=where, max_bytes=max_bytes)
    url = warc_headers.get("WARC-Target-URI") or None
    page = read_html(payload, source=where, max_depth=max_html_depth, url=url)
    page.reader = "warc"
    page.url = url or page.url  # what the crawler fetched, not the page's own canonical claim
    page.fetched = warc_headers.get("WARC-Date") or None
    return page


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:200] or type(exc).__name__
