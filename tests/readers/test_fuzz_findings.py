"""Inputs the fuzz harnesses (fuzz/) found that escaped as something other than a coded error.

Each test is the finding's input, minimised or rebuilt by hand to its cause, and the coded
error it must now give. fuzz/README.md says how the harnesses run and what counts as a finding.
"""

from __future__ import annotations

import gzip

import pytest

from newsint.errors import EncryptedError, MalformedError
from newsint.readers import read_bytes
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


def _encrypted_pdf() -> bytes:
    fpdf = pytest.importorskip("fpdf", reason="fpdf2 (a dev dependency) makes the test PDFs")
    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.multi_cell(0, 6, ARTICLE)
    pdf.set_encryption(owner_password="owner", user_password="")
    return bytes(pdf.output())


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
