"""Undo hard line wraps: lines to paragraphs, with non-text lines set aside.

A print or PDF export breaks every paragraph into lines of about the same width and marks the
start of a paragraph in one of three ways: a blank line, an indent, or a short last line before
it. So two lines belong to the same paragraph unless one of those signs says otherwise — and a
line that starts in lower case always continues. Lines that are not article text (a teaser, a
footer URL, a page number) are set aside; a paragraph they interrupt mid-sentence (a page break
or a footer block inside it) is rejoined.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from newsint.clean.boilerplate import LineClass, classify_line
from newsint.clean.hyphenation import join_hyphenated
from newsint.readers.raw import PAGE_BREAK

# Lines wider than this are not hard-wrapped: one line per paragraph (or per page block).
MAX_WRAP_WIDTH = 200
# At least this many wrapped lines before the wrap width is trusted.
MIN_WRAP_EVIDENCE = 5
# The wrap width is this percentile of line lengths inside multi-line blocks: the longest lines,
# but robust to a stray over-long one (a caption in a wider frame).
WRAP_WIDTH_PERCENTILE = 0.9
# In hard-wrapped text at most this share of lines may exceed the wrap width by this ratio
# (a caption or a URL set in another frame); more means the lines are paragraphs, not wraps.
OVERLONG_LINE_RATIO = 1.25
MAX_OVERLONG_SHARE = 0.1
# A line shorter than this share of the wrap width ends its paragraph (if it ends a sentence).
SHORT_LINE_RATIO = 0.8

# Set-aside lines that a layout drops into the middle of a paragraph (a footer, a page number, a
# related-article box). A byline or a provenance line sits between paragraphs, never inside one.
INTERRUPTING_KINDS = frozenset({"links", "page-furniture", "teaser"})

# A wrapped line ending in this many spaces or more ends its paragraph.
MARKED_LINE_END = "  "
_SENTENCE_END = re.compile(r"""[.!?:…]["'”’»)\]]*$""")
_DASH_END = re.compile(r"[—–]$")


@dataclass(slots=True)
class Block:
    """A paragraph of text, or a line set aside (``line_class`` set)."""

    lines: list[str] = field(default_factory=list)  # raw lines, indentation kept
    line_class: LineClass | None = None
    after_page_break: bool = False

    @property
    def is_text(self) -> bool:
        return self.line_class is None


@dataclass(slots=True)
class Layout:
    wrapped: bool
    width: int
    base_indent: int


def measure(lines: list[str], *, trust_line_breaks: bool) -> Layout:
    """Is the text hard-wrapped, and at what width?"""
    inner = [
        line.rstrip()
        for line, nxt in itertools.pairwise(lines)
        if line.strip() and nxt.strip() and PAGE_BREAK not in (line, nxt)
    ]
    if trust_line_breaks or len(inner) < MIN_WRAP_EVIDENCE:
        return Layout(wrapped=False, width=0, base_indent=0)
    lengths = sorted(len(line) for line in inner)
    width = lengths[min(len(lengths) - 1, int(WRAP_WIDTH_PERCENTILE * len(lengths)))]
    base_indent = min(_indent(line) for line in inner)
    # Hard-wrapped text has (almost) no line far beyond the wrap width; text with one paragraph
    # per line and a short list somewhere would otherwise look wrapped at the list's width.
    filled = [len(line.rstrip()) for line in lines if line.strip() and line != PAGE_BREAK]
    overlong = sum(length > OVERLONG_LINE_RATIO * width for length in filled)
    wrapped = width <= MAX_WRAP_WIDTH and overlong <= MAX_OVERLONG_SHARE * len(filled)
    return Layout(wrapped=wrapped, width=width, base_indent=base_indent)


def split_blocks(text: str, *, trust_line_breaks: bool = False) -> tuple[list[Block], Layout]:
    lines = text.split("\n")
    layout = measure(lines, trust_line_breaks=trust_line_breaks)
    blocks: list[Block] = []
    current: Block | None = None
    # The last text paragraph, while only blanks, set-aside lines or page breaks followed it;
    # and whether a page break or a set-aside line (not just a blank line) was among them.
    interrupted: Block | None = None
    by_furniture = False
    page_break_pending = False

    for raw in lines:
        if raw == PAGE_BREAK or not raw.strip():
            interrupted, current = (current or interrupted), None
            if raw == PAGE_BREAK:
                page_break_pending = by_furniture = True
            continue
        line_class = classify_line(raw)
        if line_class is not None and _stands_alone(line_class, current, layout):
            blocks.append(Block(lines=[raw], line_class=line_class))
            interrupted, current = (current or interrupted), None
            by_furniture = by_furniture or line_class.kind in INTERRUPTING_KINDS
            continue
        if current is None and interrupted is not None and _continues(interrupted, raw, by_furniture):
            current = interrupted  # rejoin a paragraph split by a page break or a footer
        elif current is None or _starts_paragraph(current.lines[-1], raw, layout):
            current = Block(lines=[], after_page_break=page_break_pending)
            blocks.append(current)
        current.lines.append(raw)
        interrupted, by_furniture, page_break_pending = None, False, False
    return blocks, layout


def join_lines(lines: list[str], document_text: str) -> str:
    """One paragraph from its lines: spaces normalised, line-end hyphenation undone."""
    out = ""
    for raw in lines:
        line = " ".join(raw.split())
        if not out:
            out = line
            continue
        joint = join_hyphenated(out, line, document_text)
        if joint is not None:
            out = out[:-1] + joint + line
        elif _DASH_END.search(out) and not out[-2:-1].isspace():
            out += line  # "the West—" + "war": an unspaced dash stays unspaced
        else:
            out += " " + line
    return out


def ends_sentence(line: str) -> bool:
    return bool(_SENTENCE_END.search(line.rstrip()))


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _starts_paragraph(previous: str, line: str, layout: Layout) -> bool:
    first = line.lstrip()[:1]
    if first.islower():
        return False
    if not layout.wrapped:
        return True
    short = len(previous.rstrip()) < SHORT_LINE_RATIO * layout.width
    indented = _indent(line) > layout.base_indent
    if previous.endswith(MARKED_LINE_END):
        # Trailing spaces after a line's text (a Markdown hard break, a PDF copy's paragraph
        # end) mark where the writer or the exporter ended a paragraph.
        return True
    if ends_sentence(previous):
        return short or indented
    # A short line that is not a sentence end (a headline), then an indented line: new paragraph,
    # unless the short line plainly runs on (a comma, a hyphen, a dash).
    return short and indented and not previous.rstrip().endswith((",", "-", "—", "–", ";"))


def _continues(paragraph: Block, line: str, by_furniture: bool) -> bool:
    """Does ``line`` carry on a paragraph that a page break or a footer interrupted?

    A lower-case start always does. An unfinished sentence does only across furniture: after a
    plain blank line it is more likely a headline without a full stop.
    """
    if line.lstrip()[:1].islower():
        return True
    return by_furniture and not ends_sentence(paragraph.lines[-1])


def _stands_alone(line_class: LineClass, current: Block | None, layout: Layout) -> bool:
    """A set-aside line must not be a piece of a running paragraph ("By Monday, the troops…")."""
    if line_class.kind == "links" or current is None:
        return True
    previous = current.lines[-1]
    return ends_sentence(previous) or (layout.wrapped and len(previous.rstrip()) < SHORT_LINE_RATIO * layout.width)
