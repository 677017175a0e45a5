"""A PDF page's text with its layout: lines and blocks with font size, weight, position and links.

pypdf's text visitor hands over each piece of text it extracts together with the text and
graphics matrices and the font in use; the text itself is pypdf's (its spacing decisions
included), so joining the pieces of one line in content order gives pypdf's own line. Pieces
whose baselines agree form a line; consecutive lines of one style whose spacing is the page's
usual line spacing form a block (a paragraph, a list item, a heading, a menu).

Link annotations (``/Annots``, ``/Subtype /Link``) are kept as rectangles: a browser's "Save as
PDF" keeps every hyperlink of the page, so the share of a block's text under a link is the
link density that tells a menu or a teaser list from prose.

Coordinates are PDF points, ``top`` measured down from the top of the page so that reading
order sorts ascending.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from dataclasses import dataclass, field

# Pieces whose baselines differ by less than this share of the font size are on one line.
SAME_LINE_SHARE = 0.4
# Lines belong to one block when their baseline gap is at most this multiple of the usual gap.
BLOCK_GAP_FACTOR = 1.3
# Font sizes closer than this (points) are one size.
SIZE_TOLERANCE = 0.6
# A run's width is not given by the visitor; this average glyph width (in ems) estimates it.
GLYPH_EM = 0.5
# Beyond this many pieces on one page the page is treated as having no layout worth reading
# (a generated or hostile file): its plain text stands as one block.
MAX_PIECES_PER_PAGE = 50_000
# A list item's bullet or number. Dashes are left out: a wrapped line of prose may start with
# one ("– among them …").
_BULLET = re.compile(r"^(?:[•·▪▫◦‣∙●○■□►▸*]\s|\d{1,2}[.)]\s)")
_BOLD = re.compile(r"bold|black|heavy|semibold|demi", re.I)


@dataclass(slots=True)
class Piece:
    text: str
    x: float
    baseline: float  # distance from the top of the page
    size: float
    bold: bool
    linked: bool


@dataclass(slots=True)
class Line:
    page: int
    text: str
    x0: float
    x1: float
    baseline: float
    size: float  # the size of most of its characters
    bold: bool  # most of its characters are bold
    link_chars: int


@dataclass(slots=True)
class Block:
    page: int
    lines: list[Line] = field(default_factory=list)

    @property
    def text(self) -> str:
        return " ".join(line.text for line in self.lines)

    @property
    def size(self) -> float:
        return Counter(round(line.size * 2) / 2 for line in self.lines for _ in line.text).most_common(1)[0][0]

    @property
    def bold(self) -> bool:
        return sum(len(line.text) for line in self.lines if line.bold) * 2 > len(self.text)

    @property
    def top(self) -> float:
        return self.lines[0].baseline - self.lines[0].size

    @property
    def bottom(self) -> float:
        return self.lines[-1].baseline

    @property
    def x0(self) -> float:
        return min(line.x0 for line in self.lines)

    @property
    def link_density(self) -> float:
        chars = sum(len(line.text.strip()) for line in self.lines)
        return sum(line.link_chars for line in self.lines) / chars if chars else 0.0


def page_pieces(page) -> list[Piece]:
    """The page's text pieces with position, size, weight and whether a link covers them."""
    height = float(page.mediabox.height)
    links = _link_rects(page)
    pieces: list[Piece] = []

    def visit(text: str, cm, tm, font, font_size) -> None:
        if not text or len(pieces) > MAX_PIECES_PER_PAGE:
            return
        # The text origin in page space: the text matrix's translation through the CTM.
        tx, ty = tm[4], tm[5]
        x = cm[0] * tx + cm[2] * ty + cm[4]
        y = cm[1] * tx + cm[3] * ty + cm[5]
        scale = math.hypot(tm[2] * cm[0] + tm[3] * cm[2], tm[2] * cm[1] + tm[3] * cm[3])
        size = abs(float(font_size) * scale) if font_size else 0.0
        if not all(math.isfinite(v) for v in (x, y, size)):
            return
        name = str(font.get("/BaseFont", "")) if hasattr(font, "get") else ""
        mid_x = x + len(text.strip()) * size * GLYPH_EM / 2
        linked = any(r[0] <= mid_x <= r[2] and r[1] <= y + size * 0.3 and y <= r[3] + size * 0.3 for r in links)
        pieces.append(Piece(text, x, height - y, size, bool(_BOLD.search(name)), linked))

    page.extract_text(visitor_text=visit)
    return pieces


def _link_rects(page) -> list[tuple[float, float, float, float]]:
    rects = []
    annotations = page.get("/Annots")
    if annotations is None:
        return rects
    for ref in annotations.get_object() or []:
        annotation = ref.get_object()
        if not hasattr(annotation, "get") or annotation.get("/Subtype") != "/Link":
            continue
        rect = annotation.get("/Rect")
        try:
            x0, y0, x1, y1 = (float(v) for v in rect)
        except (TypeError, ValueError):
            continue
        rects.append((min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)))
    return rects


def page_lines(pieces: list[Piece], page_number: int) -> list[Line]:
    """Pieces on one baseline, in content order, joined as pypdf spaced them."""
    lines: list[Line] = []
    current: list[Piece] = []

    def flush() -> None:
        text = "".join(p.text for p in current)
        if text.strip():
            sizes: Counter[float] = Counter()
            bold = link = 0
            for p in current:
                chars = len(p.text.strip())
                sizes[round(p.size, 1)] += chars
                bold += chars if p.bold else 0
                link += chars if p.linked else 0
            chars = sum(sizes.values())
            size = sizes.most_common(1)[0][0]
            x0 = min(p.x for p in current if p.text.strip())
            x1 = max(p.x + len(p.text) * p.size * GLYPH_EM for p in current)
            baseline = max(p.baseline for p in current if p.text.strip())
            lines.append(Line(page_number, " ".join(text.split()), x0, x1, baseline, size, bold * 2 > chars, link))
        current.clear()

    for piece in pieces:
        for k, part in enumerate(piece.text.split("\n")):
            if k:  # pypdf's own line break
                flush()
            if not part:
                continue
            fragment = Piece(part, piece.x, piece.baseline, piece.size, piece.bold, piece.linked)
            if current and part.strip():
                ref = next((p for p in reversed(current) if p.text.strip()), None)
                if ref is not None and abs(ref.baseline - piece.baseline) > SAME_LINE_SHARE * max(
                    ref.size, piece.size, 1
                ):
                    flush()
            current.append(fragment)
    flush()
    return lines


def usual_line_gap(lines: list[Line]) -> dict[float, float]:
    """Per font size, the most common baseline gap between consecutive lines of that size."""
    gaps: dict[float, Counter[float]] = {}
    for a, b in itertools.pairwise(lines):
        if a.page == b.page and abs(a.size - b.size) < SIZE_TOLERANCE:
            gap = round(b.baseline - a.baseline, 0)
            if 0 < gap < 3 * max(a.size, 1):
                gaps.setdefault(round(a.size * 2) / 2, Counter())[gap] += 1
    return {size: counter.most_common(1)[0][0] for size, counter in gaps.items()}


def blocks_of(lines: list[Line]) -> list[Block]:
    """Consecutive lines of one size and weight, at the usual spacing, as blocks; a bulleted or
    numbered list item starts a block of its own."""
    gaps = usual_line_gap(lines)
    blocks: list[Block] = []
    for line in lines:
        last = blocks[-1].lines[-1] if blocks else None
        if (
            last is not None
            and last.page == line.page
            and _continues(last, line, gaps)
            and not _BULLET.match(line.text)
        ):
            blocks[-1].lines.append(line)
        else:
            blocks.append(Block(line.page, [line]))
    return blocks


def _continues(last: Line, line: Line, gaps: dict[float, float]) -> bool:
    if abs(last.size - line.size) >= SIZE_TOLERANCE or last.bold != line.bold:
        return False
    usual = gaps.get(round(last.size * 2) / 2, last.size * 1.5)
    gap = line.baseline - last.baseline
    if not (0 < gap <= usual * BLOCK_GAP_FACTOR + 0.5):
        return False
    # A line that starts well away from the last one's left edge begins something else (a
    # column, an indented item).
    return abs(line.x0 - last.x0) < 2 * max(line.size, 1)
