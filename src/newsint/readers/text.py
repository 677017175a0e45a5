"""Plain text in any common encoding: detect it, decode it, repair mojibake."""

from __future__ import annotations

import codecs
import re
import unicodedata

import charset_normalizer
import ftfy

from newsint.errors import EmptyInputError, EncodingError
from newsint.readers.raw import RawDocument

# A valid UTF-8 multi-byte sequence. Bytes that contain these but do not decode as a whole are
# corrupt UTF-8 (a truncated copy, a bad concatenation), not a legacy encoding: guessing would
# silently garble them, so they are refused with the byte offset instead.
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")

# Legacy encodings news text actually arrives in. charset-normalizer can name exotic ones for
# short or odd inputs; outside this list its guess is not trusted.
COMMON_ENCODINGS = {
    "ascii", "utf_8", "utf_16", "utf_16_le", "utf_16_be", "utf_32", "cp1252", "latin_1", "iso8859_15",
    "cp1251", "koi8_r", "koi8_u", "iso8859_5", "mac_cyrillic", "cp1250", "iso8859_2", "cp1253",
    "iso8859_7", "cp1254", "iso8859_9", "cp1255", "iso8859_8", "cp1256", "iso8859_6", "cp1257",
    "mac_roman", "gb18030", "gb2312", "gbk", "big5", "shift_jis", "cp932", "euc_jp", "euc_kr", "cp949",
}  # fmt: skip

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# UTF-16 without a byte order mark: what PowerShell's Out-File, SQL Server exports and some
# Windows tools write. Its mark is NUL bytes nearly all on one side of the two-byte units: the
# high byte of every letter, digit, space and line break below U+0100 (and of the spaces and
# line breaks between words of any script written with spaces). 8-bit text has no NUL at all,
# so only bytes that would otherwise be refused as binary are ever read this way; binary data
# has NULs too, so the units must also decode, and the text be printable, before it is believed.
UTF16_MIN_NUL_SHARE = 0.1  # of the units: a Cyrillic or Greek text's spaces and newlines alone pass
# NULs on the other side, as a share of those on the NUL side: a few code points like U+4E00 ("一")
# or U+0100 have a NUL low byte; binary data has NULs on both sides.
UTF16_MAX_WRONG_SIDE_SHARE = 0.05
# Characters that no text contains: C0 controls other than whitespace (and ESC, which terminal
# captures carry and the cleaner strips), surrogates, private use, unassigned code points. Binary
# data read as UTF-16 is full of them. C1 controls are left out: they are what cp1252 quotes
# become when a user forces latin-1, a wrong choice but not a binary file.
_C0_CONTROLS = frozenset(
    "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1c\x1d\x1e\x1f"
)
_NOT_TEXT_CATEGORIES = frozenset({"Cs", "Co", "Cn"})
UTF16_SNIFF_BYTES = 4096


def bomless_utf16(data: bytes) -> str | None:
    """The codec of UTF-16 text without a BOM ("utf-16-le" or "utf-16-be"); None for anything else."""
    head = data[:UTF16_SNIFF_BYTES]
    if len(data) % 2 or b"\x00" not in head:
        return None
    units = len(head) // 2
    nul_low, nul_high = head[0::2].count(0), head[1::2].count(0)  # in little-endian order
    name, nul_side, other_side = (
        ("utf-16-le", nul_high, nul_low) if nul_high >= nul_low else ("utf-16-be", nul_low, nul_high)
    )
    if nul_side < UTF16_MIN_NUL_SHARE * units or other_side > UTF16_MAX_WRONG_SIDE_SHARE * nul_side:
        return None
    return name if _reads_as_text(head, name) else None


def utf16_readings(data: bytes) -> list[str]:
    """The UTF-16 byte orders in which ``data`` (with NULs, so no 8-bit text) reads as printable
    text, for a hint where bomless_utf16 is not sure: CJK text has few NULs, on both sides, and
    often reads as text in both orders, so the user must say which."""
    head = data[:UTF16_SNIFF_BYTES]
    if len(data) % 2 or b"\x00" not in head:
        return []
    return [name for name in ("utf-16-le", "utf-16-be") if _reads_as_text(head, name)]


def _reads_as_text(head: bytes, codec: str) -> bool:
    try:
        # Incremental: the sniffed head may end between the two halves of a surrogate pair.
        text = codecs.getincrementaldecoder(codec)().decode(head, final=False)
    except UnicodeDecodeError:
        return False
    return is_printable_text(text)


def is_printable_text(text: str, max_share: float = 0.01) -> bool:
    """No more than ``max_share`` of the characters are ones that no text contains."""
    bad = sum(c in _C0_CONTROLS or unicodedata.category(c) in _NOT_TEXT_CATEGORIES for c in text)
    return bad <= max_share * len(text)


# ftfy repairs mojibake ("â€™" -> "’") but by default also straightens curly quotes, which would
# change the article's text; keep the author's typography.
_FTFY_CONFIG = ftfy.TextFixerConfig(uncurl_quotes=False, fix_character_width=False, explain=False)


def bom_encoding(data: bytes) -> str | None:
    return next((name for bom, name in _BOMS if data.startswith(bom)), None)


def decode(data: bytes, *, source: str, encoding: str | None = None) -> str:
    """Bytes to text: a forced encoding, else a BOM, else strict UTF-8, else a detected legacy one."""
    if encoding:
        try:
            return repair_text(data.decode(encoding))
        # UnicodeError, not only UnicodeDecodeError: the "undefined" and "idna" codecs raise it.
        except (LookupError, UnicodeError) as exc:
            raise EncodingError(f"cannot decode as {encoding}: {exc}", path=source) from None
    name = bom_encoding(data) or bomless_utf16(data)
    if name is not None:
        try:
            return repair_text(data.decode(name))
        except UnicodeDecodeError as exc:
            raise EncodingError(f"invalid {name.upper()} at byte {exc.start}", path=source) from None
    try:
        return repair_text(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        if _UTF8_MULTIBYTE.search(data):
            raise EncodingError(
                f"invalid UTF-8 at byte {exc.start} (the rest is UTF-8; pass --encoding to force one)",
                path=source,
            ) from None
    if (western := _western(data)) is not None:
        return repair_text(western)
    best = charset_normalizer.from_bytes(data).best()
    if best is None or best.encoding not in COMMON_ENCODINGS:
        guess = f" (best guess {best.encoding})" if best is not None else ""
        raise EncodingError(f"unknown text encoding{guess}; pass --encoding", path=source)
    return repair_text(str(best))


# Latin-1/cp1252 text is mostly ASCII letters with a few accented ones inside words ("añadió",
# "naïve"); the same bytes read as cp1250 or cp1251 differ only in those letters, which is why a
# statistical detector can pick the wrong one. Text in a non-Latin script read as cp1252 is
# instead made almost wholly of accented letters ("Ïðèâåò"), and Central European text shows
# symbols inside words ("³" for "ł"); both are left to the detector.
MAX_WESTERN_ACCENTED_SHARE = 0.3
# Latin-1 symbols that are letters in cp1250 ("³" = "ł", "¿" = "ż", "¹" = "ą"); guillemets,
# "¡", "·" and "°" are ordinary punctuation next to words, and "¿" only opens a Spanish question.
_SYMBOL_IN_WORD = re.compile(
    "[A-Za-z\u00c0-\u00ff][\u0080-\u009f\u00a2-\u00aa\u00ac-\u00af\u00b1-\u00b6\u00b8-\u00ba\u00bc-\u00bf]"
    "|[\u00a2-\u00aa\u00ac-\u00af\u00b1-\u00b6\u00b8-\u00ba\u00bc-\u00be][A-Za-z]"
)


def _western(data: bytes) -> str | None:
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    letters = [c for c in text if c.isalpha()]
    accented = sum(not c.isascii() for c in letters)
    if not letters or accented > MAX_WESTERN_ACCENTED_SHARE * len(letters):
        return None
    if _SYMBOL_IN_WORD.search(text.replace("’", "").replace("‘", "")):
        return None
    return text


def repair_text(text: str) -> str:
    return ftfy.fix_text(text, config=_FTFY_CONFIG)


def read_text(data: bytes, *, source: str, encoding: str | None = None) -> RawDocument:
    text = decode(data, source=source, encoding=encoding)
    if not text.strip():
        raise EmptyInputError("no text in file", path=source)
    return RawDocument(source=source, reader="text", text=text)
