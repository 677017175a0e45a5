"""UTF-16 without a byte order mark (issue #13): read when forced with --encoding, recognised
without it, and never at the cost of letting a binary file through as text.

The articles are written for these tests; the binary files are real ones made here (a PNG, a
zip, a WAV, a compressed PDF) or the running Python's own executable.
"""

from __future__ import annotations

import io
import random
import struct
import sys
import wave
import zipfile
import zlib
from pathlib import Path

import pytest

from newsint.errors import BinaryInputError, EncodingError, UnsupportedError
from newsint.readers import read_bytes
from newsint.readers.text import bomless_utf16, decode
from newsint.settings import Settings

ENGLISH = (
    "Kharkiv power cut after overnight drone strike\n\n"
    "Two drones struck an energy facility on the city's outskirts overnight, the regional governor "
    "said on Tuesday. About 3,000 homes lost power; repair crews were sent at dawn.\n"
)
RUSSIAN = (
    "Харьков, 12 марта. Два беспилотника ночью атаковали энергетический объект на окраине города, "
    "сообщил губернатор области. Без света остались около 3000 домов.\n"
)
PAGE = (
    "<!DOCTYPE html><html><head><title>Kharkiv power cut</title></head><body><article>"
    "<h1>Kharkiv power cut</h1><p>Two drones struck an energy facility on the city's outskirts "
    "overnight, the regional governor said on Tuesday, and about 3,000 homes lost power.</p>"
    "<p>Repair crews were sent at dawn, according to the state grid operator.</p></article></body></html>"
)


def _read(data: bytes, suffix: str = ".txt", encoding: str | None = None) -> list:
    return list(read_bytes(data, source=f"article{suffix}", settings=Settings(encoding=encoding), suffix=suffix))


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_forced_utf16_is_obeyed_before_the_binary_check(codec):
    (raw,) = _read(ENGLISH.encode(codec), encoding=codec)
    assert raw.text == ENGLISH


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("text", [ENGLISH, RUSSIAN], ids=["english", "russian"])
def test_utf16_without_bom_is_recognised(codec, text):
    data = text.encode(codec)
    assert bomless_utf16(data) == codec
    (raw,) = _read(data)
    assert raw.reader == "text"
    assert raw.text == text


def test_utf16_page_without_bom_goes_to_the_html_reader():
    (raw,) = _read(PAGE.encode("utf-16-le"), suffix=".html")
    assert raw.reader == "html"
    assert raw.title == "Kharkiv power cut"
    assert "3,000 homes lost power" in raw.text


def test_utf16_jsonl_without_bom_is_a_feed():
    feed = '{"title": "Kharkiv power cut", "text": "Two drones struck an energy facility."}\n'
    (raw,) = _read(feed.encode("utf-16-le"), suffix=".jsonl")
    assert raw.reader == "jsonl"
    assert raw.text == "Two drones struck an energy facility."


def test_utf16_too_unlike_ascii_to_be_sure_of_is_refused_with_a_hint_and_read_when_forced():
    # Chinese has no spaces between words: few NULs ("一" is 00 4E, a newline 0A 00), on both
    # sides. Not believed without a BOM, but the error says what to pass, and passing it works.
    chinese = (
        "哈尔科夫州州长周二表示，两架无人机夜间袭击了该市郊区的一处能源设施，约三千户家庭断电。一名工人受伤。\n" * 3
    )
    data = chinese.encode("utf-16-le")
    with pytest.raises(BinaryInputError, match=r"reads as text in UTF-16-LE.*pass --encoding utf-16-le"):
        _read(data)
    (raw,) = _read(data, encoding="utf-16-le")
    assert raw.text == chinese


def test_8bit_text_is_never_read_as_utf16():
    # Without a NUL byte nothing is UTF-16 ("Bush hid the facts" read as CJK is the classic mistake).
    assert bomless_utf16(b"Bush hid the facts") is None
    assert decode(b"Bush hid the facts", source="a.txt") == "Bush hid the facts"


def test_codecs_that_raise_unicode_error_are_a_clear_encoding_error():
    # "undefined" raises UnicodeError, which is no UnicodeDecodeError.
    with pytest.raises(EncodingError, match="cannot decode as undefined"):
        _read(ENGLISH.encode(), encoding="undefined")


# Real binary files. Each is read whole (where its magic bytes name it) and from inside, where a
# sniffer sees no magic: at an even and an odd offset, so both byte orders of UTF-16 are tried.
def _png() -> bytes:
    # A photo-like image (noise over a gradient), which compresses poorly, as photos do.
    noise = random.Random(13)
    width, height = 128, 128
    rows = b"".join(
        b"\x00" + bytes((x + y + noise.randrange(64)) % 256 for x in range(width) for _ in range(3))
        for y in range(height)
    )

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def _zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("article.txt", ENGLISH * 20)
        archive.writestr("photo.jpg", random.Random(13).randbytes(20_000), zipfile.ZIP_STORED)
    return buffer.getvalue()


def _wav() -> bytes:
    # Quiet 16-bit audio: every high byte is 0x00 or 0xFF, the very pattern of UTF-16 text.
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as audio:
        audio.setnchannels(1)
        audio.setsampwidth(2)
        audio.setframerate(8000)
        audio.writeframes(b"".join(struct.pack("<h", (n * 37) % 200 - 100) for n in range(8000)))
    return buffer.getvalue()


def _pdf() -> bytes:
    fpdf = pytest.importorskip("fpdf", reason="fpdf2 (a dev dependency) makes the test PDFs")
    pdf = fpdf.FPDF()
    pdf.set_font("Helvetica", size=11)
    for page in range(3):
        pdf.add_page()
        pdf.multi_cell(0, 6, " ".join(f"{ENGLISH} ({page}.{n})" for n in range(30)))
    return bytes(pdf.output())  # content streams compressed (fpdf2's default)


def _elf() -> bytes:
    data = Path(sys.executable).resolve().read_bytes()[:200_000]
    if not data.startswith(b"\x7fELF"):
        pytest.skip("the Python executable here is not an ELF file")
    return data


BINARIES = {"png": _png, "zip": _zip, "wav": _wav, "pdf": _pdf, "elf": _elf}


@pytest.mark.parametrize("offset", [0, 1000, 1001])
@pytest.mark.parametrize("kind", BINARIES)
def test_binary_files_stay_refused(kind, offset):
    data = BINARIES[kind]()[offset : offset + 4096]  # what the sniffer reads; even: the most UTF-16-like
    assert len(data) == 4096
    assert bomless_utf16(data) is None
    if kind == "pdf" and offset == 0:
        return  # a whole PDF is the PDF reader's
    with pytest.raises((BinaryInputError, UnsupportedError)) as caught:
        _read(data)
    assert "reads as text" not in str(caught.value)  # no hint to force a binary file open
