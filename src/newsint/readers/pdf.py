"""PDF files: the article, read from the text with its layout; else the text of every page, with
running headers, footers and page numbers recognised.

First the layout reader (pdf_layout.py: pypdf's text visitor, lines and blocks with font size,
weight, position and links) and the block classifier (pdf_article.py) look for the article: a
web page saved as PDF carries menus, banners, comments and the browser's own header and footer,
and only the classifier tells them from the article. Its paragraphs go to the cleaner one a line
(``layout="paragraphs"``), the title and captions beside them, and everything set aside in
``removed`` with its kind. When no block reads as prose (a scan with a thin text layer, a
table-only file), the plain path below reads the pages as before.

Page furniture is found by comparing pages, not by position alone: a line that recurs at the top
or bottom of most pages (digits ignored, so "Page 3 of 5" and a dated header count as one) is a
running header or footer. Lone page numbers are caught by the cleaner's furniture rules too, but
taking them out here keeps a paragraph that runs across a page break in one piece.
"""

from __future__ import annotations

import io
import logging
import re
from collections import Counter

from newsint.dates import find_full_date
from newsint.errors import EmptyInputError, EncryptedError, MalformedError, UnsupportedError
from newsint.model import Removed
from newsint.readers.pdf_article import PAGE_NUMBER, Article, classify
from newsint.readers.pdf_layout import Block, Line, blocks_of, page_lines, page_pieces
from newsint.readers.raw import PAGE_BREAK, RawDocument

# How many lines at each edge of a page may be running headers or footers.
EDGE_LINES = 2
# A line must recur on at least this share of pages (and on two or more) to count as running.
RUNNING_LINE_MIN_SHARE = 0.5
# A page is in columns when more than this share of its lines has a gutter-wide gap inside.
COLUMN_LINE_SHARE = 0.2
_COLUMN_GAP = re.compile(r"\S {4,}\S")
_PAGE_NUMBER = PAGE_NUMBER
_DIGITS = re.compile(r"\d+")


_DAMAGED_PDF_ERRORS = (
    ValueError,
    KeyError,
    IndexError,
    TypeError,
    AttributeError,
    AssertionError,
    ZeroDivisionError,
    OverflowError,
    RecursionError,
    OSError,
)


def read_pdf(data: bytes, *, source: str) -> RawDocument:
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, PyPdfError

    # pypdf logs recoverable damage as warnings; the user sees one error line if it is fatal.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        try:
            reader = PdfReader(io.BytesIO(data), strict=False)
        except NotImplementedError as exc:
            # pypdf reads the /Encrypt dictionary on opening and refuses a scheme it does not know.
            raise EncryptedError(f"encrypted with a scheme pypdf cannot read ({exc})", path=source) from None
        if reader.is_encrypted:
            # Many PDFs are encrypted with an empty user password (printing/copy restrictions only).
            try:
                if not reader.decrypt(""):
                    raise EncryptedError("encrypted PDF; a password is needed to read it", path=source)
            except (NotImplementedError, FileNotDecryptedError):
                raise EncryptedError("encrypted PDF; a password is needed to read it", path=source) from None
        laid_out = [page_lines(page_pieces(page), number) for number, page in enumerate(reader.pages)]
        article = classify(_reading_order(laid_out), len(laid_out))
        pages = None if article is not None else [_page_text(page) for page in reader.pages]
    except (EncryptedError, EmptyInputError):
        raise
    except FileNotDecryptedError:
        raise EncryptedError("encrypted PDF; a password is needed to read it", path=source) from None
    except DependencyError as exc:
        # AES (the usual scheme since PDF 1.6) needs the optional 'cryptography' package; pypdf
        # finds out only when it first decrypts a string, after the empty password was accepted.
        raise EncryptedError(f"cannot decrypt this PDF: {exc}", path=source) from None
    except NotImplementedError as exc:  # a stream filter pypdf lacks ("Unsupported filter /JBIG2Decode"…)
        raise UnsupportedError(f"uses a PDF feature pypdf cannot read ({exc})", path=source) from None
    # PyPdfError covers pypdf's own refusals too: LimitReachedError (a declared size or a stream
    # past its anti-bomb limits), ParseError, EmptyFileError. The rest is what pypdf's parsing
    # code lets out on a damaged file (fuzz/fuzz_pdf.py finds them): its internal asserts ("mypy"),
    # an index past a short array, a zero-sized font matrix, a reference cycle.
    except (PyPdfError, *_DAMAGED_PDF_ERRORS) as exc:
        raise MalformedError(f"unreadable or truncated PDF ({type(exc).__name__}: {exc})", path=source) from None
    if article is not None:
        return _article_document(article, source)
    if not any(page.strip() for page in pages):
        raise EmptyInputError("PDF has no text layer (a scan needs OCR first)", path=source)
    text, removed = strip_page_furniture(pages)
    # A date printed in the running header is the date: the best a PDF says of itself
    # (its /CreationDate is when the file was made, not when the article was published).
    published = next((d for r in removed if r.kind == "running-header" and (d := find_full_date(r.text))), None)
    return RawDocument(
        source=source, reader="pdf", text=text, removed=removed, published=published, published_basis="text"
    )


def _reading_order(laid_out: list[list[Line]]) -> list[Block]:
    """Each page's blocks top to bottom: a browser paints a page out of order (a headline
    positioned after the first paragraphs in the content stream)."""
    ordered: list[Block] = []
    for lines in laid_out:
        ordered += sorted(blocks_of(lines), key=lambda b: (b.top, b.x0))
    return ordered


def _article_document(article: Article, source: str) -> RawDocument:
    """The classifier's article as the cleaner takes it: one paragraph a line, trusted."""
    published = next((d for line in article.running if (d := find_full_date(line))), None)
    return RawDocument(
        source=source,
        reader="pdf",
        text="\n".join(article.paragraphs),
        layout="paragraphs",
        title=article.title,
        captions=article.captions,
        removed=article.removed,
        published=published,
        published_basis="text",
    )


def _page_text(page) -> str:
    """The page's text with its blank lines between paragraphs kept.

    pypdf's layout mode keeps the vertical gaps (the plain mode loses them, and with them most
    paragraph breaks) but lays columns side by side; a page where many lines have a wide gap
    inside is in columns, and the plain mode, which reads column by column, is used instead.
    """
    layout = page.extract_text(extraction_mode="layout") or ""
    lines = [line.rstrip() for line in layout.splitlines()]
    filled = [line for line in lines if line.strip()]
    inner = filled[EDGE_LINES:-EDGE_LINES] if len(filled) > 2 * EDGE_LINES else filled
    if inner and sum(bool(_COLUMN_GAP.search(line.strip())) for line in inner) > COLUMN_LINE_SHARE * len(inner):
        return page.extract_text() or ""
    margin = min((len(line) - len(line.lstrip()) for line in filled), default=0)
    return "\n".join(line[margin:] for line in lines)


def strip_page_furniture(pages: list[str]) -> tuple[str, list[Removed]]:
    """Remove running headers/footers and page numbers; join the pages with PAGE_BREAK."""
    page_lines = [page.splitlines() for page in pages]
    running = _running_lines(page_lines)
    removed: list[Removed] = []
    kept_pages: list[str] = []
    for lines in page_lines:
        edge = _edge_indexes(lines)
        kept: list[str] = []
        for index, line in enumerate(lines):
            if index in edge and _PAGE_NUMBER.match(line) and line.strip():
                removed.append(Removed(kind="page-furniture", text=" ".join(line.split())))
            elif index in edge and _shape(line) in running:
                removed.append(Removed(kind="running-header", text=" ".join(line.split())))
            else:
                kept.append(line)
        kept_pages.append("\n".join(kept))
    return PAGE_BREAK.join(kept_pages), removed


def _edge_indexes(lines: list[str]) -> set[int]:
    """Indexes of the first and last EDGE_LINES non-blank lines of a page."""
    filled = [i for i, line in enumerate(lines) if line.strip()]
    return set(filled[:EDGE_LINES] + filled[-EDGE_LINES:])


def _shape(line: str) -> str:
    return _DIGITS.sub("#", " ".join(line.split())).lower()


def _running_lines(page_lines: list[list[str]]) -> set[str]:
    if len(page_lines) < 2:
        return set()
    counts: Counter[str] = Counter()
    for lines in page_lines:
        counts.update({_shape(lines[i]) for i in _edge_indexes(lines)})
    needed = max(2, RUNNING_LINE_MIN_SHARE * len(page_lines))
    return {shape for shape, n in counts.items() if n >= needed and shape.strip()}
