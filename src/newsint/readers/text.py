"""Plain text in any common encoding: detect it, decode it, repair mojibake."""

from __future__ import annotations

import codecs
import re

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

# ftfy repairs mojibake ("â€™" -> "’") but by default also straightens curly quotes, which would
# change the article's text; keep the author's typography.
_FTFY_CONFIG = ftfy.TextFixerConfig(uncurl_quotes=False, fix_character_width=False, explain=False)


def decode(data: bytes, *, source: str, encoding: str | None = None) -> str:
    """Bytes to text: a forced encoding, else a BOM, else strict UTF-8, else a detected legacy one."""
    if encoding:
        try:
            return _repair(data.decode(encoding))
        except (LookupError, UnicodeDecodeError) as exc:
            raise EncodingError(f"cannot decode as {encoding}: {exc}", path=source) from None
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return _repair(data.decode(name))
            except UnicodeDecodeError as exc:
                raise EncodingError(f"invalid {name.upper()} at byte {exc.start}", path=source) from None
    try:
        return _repair(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        if _UTF8_MULTIBYTE.search(data):
            raise EncodingError(
                f"invalid UTF-8 at byte {exc.start} (the rest is UTF-8; pass --encoding to force one)",
                path=source,
            ) from None
    if (western := _western(data)) is not None:
        return _repair(western)
    best = charset_normalizer.from_bytes(data).best()
    if best is None or best.encoding not in COMMON_ENCODINGS:
        guess = f" (best guess {best.encoding})" if best is not None else ""
        raise EncodingError(f"unknown text encoding{guess}; pass --encoding", path=source)
    return _repair(str(best))


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


def _repair(text: str) -> str:
    return ftfy.fix_text(text, config=_FTFY_CONFIG)


def read_text(data: bytes, *, source: str, encoding: str | None = None) -> RawDocument:
    text = decode(data, source=source, encoding=encoding)
    if not text.strip():
        raise EmptyInputError("no text in file", path=source)
    return RawDocument(source=source, reader="text", text=text)
