"""Tell what kind of file some bytes are from their content; the extension is only a tie-breaker."""

from __future__ import annotations

import codecs
import gzip
import io
import json
import re
import zlib
from pathlib import Path
from typing import Literal

from newsint.errors import BinaryInputError, EncodingError, MalformedError, TooLargeError, UnsupportedError
from newsint.readers.text import bom_encoding, bomless_utf16, is_printable_text, utf16_readings

Kind = Literal["pdf", "html", "jsonl", "text", "warc", "feed"]

SNIFF_BYTES = 4096
# Share of control characters (other than whitespace) above which bytes are not text. Real text
# in any encoding has essentially none; a JPEG or a zip has many in its first kilobytes.
MAX_CONTROL_CHAR_RATIO = 0.01

_HTML_START = re.compile(rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html[\s>]|head[\s>]|body[\s>])", re.I | re.S)
# A feed's root element after the XML declaration, comments, stylesheet instructions or a doctype:
# told before the HTML tag count, which an RSS feed's many <title>s would pass.
_FEED_START = re.compile(
    rb"^\s*(<\?xml[^>]*\?>\s*)?(<!--.*?-->\s*|<\?[^>]*\?>\s*|<!doctype[^>]*>\s*)*"
    rb"<(rss[\s>]|feed[\s>]|rdf:rdf[\s>]|([\w-]+:)?feed\s[^>]*http://www\.w3\.org/2005/atom)",
    re.I | re.S,
)
_HTML_TAGS = re.compile(rb"<(p|div|article|span|a|h[1-6]|section|meta|title|br)[\s>/]", re.I)
_BINARY_MAGIC: dict[bytes, str] = {
    b"PK\x03\x04": "a zip archive (docx, epub, xlsx…)",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x7fELF": "an executable",
    b"%!PS": "a PostScript file",
    b"\xd0\xcf\x11\xe0": "an old Office document",
    b"Rar!": "a RAR archive",
    b"7z\xbc\xaf": "a 7z archive",
}
_CONTROL = re.compile(rb"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f]")
# gzip data is unpacked this much at a time, so a decompression bomb stops soon after the limit.
GUNZIP_CHUNK_BYTES = 1 << 20
WARC_MAGIC = b"WARC/"


def is_warc_file(path: Path) -> bool:
    """Whether the file is a WARC archive, plain or gzipped (told from its first record's first
    bytes): an archive is streamed record by record, never read whole."""
    try:
        with path.open("rb") as handle:
            head = handle.read(2)
            handle.seek(0)
            if head == b"\x1f\x8b":
                with gzip.GzipFile(fileobj=handle) as unpacked:
                    head = unpacked.read(len(WARC_MAGIC))
            else:
                head = handle.read(len(WARC_MAGIC))
    except (OSError, EOFError, zlib.error):
        return False  # unreadable or damaged: read_path reports it as it reads the file
    return head == WARC_MAGIC


def maybe_gunzip(data: bytes, *, source: str, max_bytes: int) -> bytes:
    """Decompress gzip data (pages are often stored as .html.gz), refusing a decompression bomb."""
    if not data.startswith(b"\x1f\x8b"):
        return data
    out = bytearray()
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as handle:
            # In pieces, not read(max_bytes + 1): that allocates the whole limit up front, and a
            # large --max-bytes ("no limit") failed with MemoryError or OverflowError.
            while len(out) <= max_bytes and (piece := handle.read(GUNZIP_CHUNK_BYTES)):
                out += piece
    # A damaged header or trailer is an OSError (BadGzipFile); damaged deflate data inside is a
    # zlib.error, which is no OSError.
    except (OSError, EOFError, zlib.error) as exc:
        raise MalformedError(f"truncated or corrupt gzip data ({exc})", path=source) from None
    if len(out) > max_bytes:
        raise TooLargeError(f"decompresses to more than {max_bytes:,} bytes (the size limit)", path=source)
    return bytes(out)


def wide_encoding(data: bytes, *, forced: str | None = None) -> str | None:
    """The encoding to read ``data`` with before judging its content, where the raw bytes would
    mislead (NULs in every other byte): a forced one, a UTF-16/32 byte order mark's, or UTF-16
    recognised without one. None for 8-bit and UTF-8 data, which are judged as bytes."""
    if forced:
        return forced
    name = bom_encoding(data)
    if name is not None and name != "utf-8-sig":
        return name
    return bomless_utf16(data)


def sniff(data: bytes, *, source: str, suffix: str = "", encoding: str | None = None) -> Kind:
    head = data[:SNIFF_BYTES]
    if head.lstrip()[:5] == b"%PDF-" or b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(WARC_MAGIC):
        return "warc"
    for magic, what in _BINARY_MAGIC.items():
        if head.startswith(magic):
            raise UnsupportedError(f"this is {what}, not an article newsint can read", path=source)
    wide = wide_encoding(data, forced=encoding)
    if wide is not None:
        # Judged as the text it decodes to: an explicit --encoding is obeyed before any NUL is
        # counted, yet a binary file read with it still shows its control characters.
        text = _decode_head(head, wide, source=source)
        if not is_printable_text(text, MAX_CONTROL_CHAR_RATIO):
            raise BinaryInputError(f"binary data, not text (control characters as {wide})", path=source)
        body = text.removeprefix("\ufeff").encode("utf-8")
    else:
        body = head.removeprefix(b"\xef\xbb\xbf")
        controls = len(_CONTROL.findall(head))
        if b"\x00" in head or controls > MAX_CONTROL_CHAR_RATIO * max(len(head), 1):
            raise BinaryInputError(f"binary data, not text (NUL or control bytes{_utf16_hint(data)})", path=source)
    if _HTML_START.match(body):
        return "html"
    if _FEED_START.match(body):
        return "feed"
    if _looks_like_jsonl(body):
        return "jsonl"
    if suffix in {".html", ".htm", ".xhtml"} or len(_HTML_TAGS.findall(body)) >= 5:
        return "html"
    return "text"


def _utf16_hint(data: bytes) -> str:
    readings = utf16_readings(data)
    if not readings:
        return ""
    return f"; it reads as text in {' and in '.join(r.upper() for r in readings)}: pass --encoding {readings[0]}"


def _decode_head(head: bytes, encoding: str, *, source: str) -> str:
    try:
        # Incremental, replacing: the head may end inside a character, and a byte the encoding
        # does not map is for the decoder proper to report, with its offset.
        return codecs.getincrementaldecoder(encoding)(errors="replace").decode(head, final=False)
    except (LookupError, UnicodeError) as exc:
        raise EncodingError(f"cannot decode as {encoding}: {exc}", path=source) from None


def _looks_like_jsonl(head: bytes) -> bool:
    first = head.lstrip().split(b"\n", 1)[0].strip()
    if not first.startswith(b"{"):
        return False
    try:
        record = json.loads(first)
    except ValueError:
        # The first line may be longer than the sniffed head; a JSON object key is enough.
        return re.match(rb'\{\s*"[\w-]+"\s*:', first) is not None
    return isinstance(record, dict)
