"""Inputs the fuzz harnesses (fuzz/) found that escaped as something other than a coded error.

Each test is the finding's input, minimised or rebuilt by hand to its cause, and the coded
error it must now give. fuzz/README.md says how the harnesses run and what counts as a finding.
"""

from __future__ import annotations

import gzip
import io
import re

import pytest

from newsint.errors import EncryptedError, MalformedError
from newsint.readers import read_bytes
from newsint.readers.html import read_html
from newsint.readers.pdf import read_pdf
from newsint.settings import Settings

ARTICLE = "Two drones struck an energy facility on the outskirts of Kharkiv overnight, the governor said.\n"


def _read_all(data: bytes, suffix: str) -> list:
    return list(read_bytes(data, source=f"article{suffix}", settings=Settings(), suffix=suffix))


def test_gzip_with_corrupt_deflate_data_is_malformed():
    # A good gzip header, then deflate data that zlib rejects ("invalid block type"): gzip raises
    # zlib.error for it, which is not the OSError a bad header gives.
    data = gzip.compress(ARTICLE.encode(), mtime=0)
    corrupt = data[:10] + b"\xff" * 12 + data[22:]
    with pytest.raises(MalformedError, match="corrupt gzip"):
        _read_all(corrupt, ".gz")


def _pdf(*, encrypted: bool = False) -> bytes:
    fpdf = pytest.importorskip("fpdf", reason="fpdf2 (a dev dependency) makes the test PDFs")
    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.multi_cell(0, 6, ARTICLE)
    if encrypted:
        pdf.set_encryption(owner_password="owner", user_password="")
    return bytes(pdf.output())


def _encrypted_pdf() -> bytes:
    return _pdf(encrypted=True)


def test_pdf_encrypted_with_a_scheme_pypdf_does_not_know_is_an_encryption_error():
    data = _encrypted_pdf()
    assert b"/V 2" in data
    # /V 0 is "an undocumented algorithm" in the PDF spec; pypdf raises NotImplementedError on
    # opening the file. Same length, so the cross-reference offsets still hold.
    with pytest.raises(EncryptedError, match="scheme pypdf cannot read"):
        read_pdf(data.replace(b"/V 2", b"/V 0"), source="report.pdf")


def test_the_untouched_encrypted_pdf_still_reads():
    # The control for the test above: the empty user password opens it.
    assert "Kharkiv" in read_pdf(_encrypted_pdf(), source="report.pdf").text


def test_pdf_whose_xref_table_declares_an_absurd_size_is_malformed():
    # pypdf's anti-bomb limit raises LimitReachedError, which is no PdfReadError.
    data = _pdf()
    header = re.search(rb"xref\n0 \d+\n", data)
    assert header is not None
    with pytest.raises(MalformedError, match="LimitReachedError"):
        read_pdf(data.replace(header.group(0), b"xref\n0 65535\n"), source="report.pdf")


def test_aes_encrypted_pdf_without_the_cryptography_package_is_an_encryption_error():
    # Not a fuzz find but the same escape, seen while fixing the one above: pypdf decrypts AES
    # only with the optional 'cryptography' package and raises DependencyError without it. The
    # file is RC4-encrypted by pypdf with an empty user password (the key and /U are the same for
    # R3 and R4), then its /Encrypt dictionary switched to AES (/V 4 /R 4 /CFM /AESV2).
    pytest.importorskip("fpdf", reason="fpdf2 (a dev dependency) makes the test PDFs")
    try:
        import cryptography  # noqa: F401
    except ImportError:
        pass
    else:
        pytest.skip("'cryptography' is installed here: pypdf decrypts AES with it")
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(_pdf())))
    writer.encrypt(user_password="", owner_password="owner", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    data = buffer.getvalue()
    assert b"/V 2\n/R 3\n" in data
    aes = data.replace(
        b"/V 2\n/R 3\n", b"/V 4\n/R 4\n/CF << /StdCF << /CFM /AESV2 /Length 16 >> >> /StmF /StdCF /StrF /StdCF\n"
    )
    with pytest.raises(EncryptedError, match="cryptography"):
        read_pdf(aes, source="report.pdf")


def test_pdf_with_an_indirect_reference_inside_a_content_stream_is_malformed():
    # pypdf parses content-stream operands without the document, so "1 0 R" there trips its
    # internal `assert pdf is not None, "mypy"` in both text modes. Found by the smoke run of
    # fuzz_pdf.py (-seed=13); rebuilt here by hand: the same length, so the offsets still hold.
    fpdf = pytest.importorskip("fpdf", reason="fpdf2 (a dev dependency) makes the test PDFs")
    pdf = fpdf.FPDF()
    pdf.set_compression(False)
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.multi_cell(0, 6, ARTICLE)
    data = bytes(pdf.output())
    assert b"0.57 w\n" in data
    with pytest.raises(MalformedError, match="AssertionError"):
        read_pdf(data.replace(b"0.57 w\n", b"1 0 R w"), source="report.pdf")


def test_html_link_that_urlsplit_refuses_is_dropped_not_fatal():
    # An unclosed IPv6 bracket: urlsplit raises ValueError("Invalid IPv6 URL"). Found by
    # fuzz_html.py (a seed's link target mutated); the page is still read, that link left out.
    page = (
        "<html><head><title>Drone strike cuts power</title></head><body><article><p>Two drones struck an "
        'energy facility overnight, the <a href="http://[2001:db8::1/statement">regional governor</a> '
        'said, and about 3,000 homes lost power, <a href="https://example.org/grid">the grid operator</a> '
        "said on Tuesday morning.</p></article></body></html>"
    )
    raw = read_html(page, source="page.html", max_depth=255)
    assert "3,000 homes lost power" in raw.text
    assert [link.url for link in raw.links] == ["https://example.org/grid"]
