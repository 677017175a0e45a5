"""Which blocks of a PDF are the article: a block classifier over layout and text features.

A page saved as PDF by a browser carries the whole page: menus, cookie notices, share bars,
"most read" lists, footers, comments, and the browser's own header and footer on every sheet.
The article is told from them as jusText tells it in HTML, with the layout added:

1. *Page chrome* is what recurs on most pages at the same place (digits ignored): the browser's
   date/title header and file/page-count footer, a site's sticky banner.
2. The *body type* is the font size that carries the most prose (long blocks, many stop words,
   few links). A *good* block is prose in body type; an article is a run of good blocks, and the
   run with the most text wins: runs are cut where a stretch of other material (menus, teasers,
   a comment form) lies between them.
3. Inside the run, every block in body type that is not a link list is kept (subheadings, list
   items, table rows, short paragraphs); smaller type there is a caption; link lists and
   share bars are set aside.
4. The title is the largest type above the article's first block (its page or the one before);
   a "By …" line and a date line between title and body are the byline.

Everything set aside is returned with its kind, so the cleaner records it in ``removed``.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass, field

from newsint.model import Removed
from newsint.readers.pdf_layout import SIZE_TOLERANCE, Block

# A block is prose ("good") with at least this many words and this share of stop words …
GOOD_MIN_WORDS = 12
GOOD_MIN_STOPWORD_SHARE = 0.25
# … and at most this share of its characters under a link.
GOOD_MAX_LINK_DENSITY = 0.3
# A block mostly under links is a link list (menu, teaser list, tag cloud), whatever its size.
LINK_LIST_DENSITY = 0.5
# Chrome recurs on at least this share of the pages (and on two or more).
CHROME_MIN_SHARE = 0.5
# Between two runs of good blocks, more than this many characters of other material (or this
# many link-list blocks) ends an article.
RUN_BREAK_CHARS = 400
RUN_BREAK_LINK_BLOCKS = 3
# A caption is at most this long, in smaller type than the body.
MAX_CAPTION_CHARS = 400
# The title is at least this much larger than body type and this short.
TITLE_MIN_SIZE_RATIO = 1.15
MAX_TITLE_WORDS = 40
# A title is looked for on the article's first page and this many pages before it.
TITLE_PAGES_BEFORE = 1

_WORD = re.compile(r"\w+", re.U)
_DIGITS = re.compile(r"\d+")
_BYLINE = re.compile(r"^(?:by|von|par|por|di|door|av|af)\s+\S", re.I)
_SENTENCE_END = re.compile(r"[.!?…:;\"”’)»]\s*$")


@dataclass(slots=True)
class Article:
    title: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    author: str | None = None
    removed: list[Removed] = field(default_factory=list)
    running: list[str] = field(default_factory=list)  # the chrome lines, for the page's date


@functools.cache
def _stoplists() -> dict[str, frozenset[str]]:
    import justext  # trafilatura's dependency; its stop-word lists cover 100 languages

    return {name: frozenset(justext.get_stoplist(name)) for name in justext.get_stoplists()}


def stopwords_for(words: list[str]) -> frozenset[str]:
    """The stop-word list that covers most of these words: the text's language, near enough."""
    counts = Counter(w.lower() for w in words)
    best, best_hits = frozenset(), 0
    for stoplist in _stoplists().values():
        hits = sum(n for w, n in counts.items() if w in stoplist)
        if hits > best_hits:
            best, best_hits = stoplist, hits
    return best


def chrome_shapes(blocks: list[Block], pages: int) -> set[str]:
    """Block shapes (text with digits masked, plus rough position) on most pages."""
    if pages < 2:
        return set()
    counts: Counter[str] = Counter()
    for page in range(pages):
        counts.update({_shape(b) for b in blocks if b.page == page})
    needed = max(2, CHROME_MIN_SHARE * pages)
    return {shape for shape, n in counts.items() if n >= needed}


def _shape(block: Block) -> str:
    return f"{round(block.top / 20)}|" + _DIGITS.sub("#", " ".join(block.text.split())).lower()


def classify(blocks: list[Block], pages: int) -> Article | None:
    """The article in these blocks (in reading order), or None when no block reads as prose."""
    article = Article()
    chrome = chrome_shapes(blocks, pages)
    content: list[Block] = []
    for block in blocks:
        if _shape(block) in chrome:
            article.removed.append(Removed(kind="running-header", text=block.text))
            article.running.append(block.text)
        else:
            content.append(block)
    words = [w for b in content for w in _WORD.findall(b.text)]
    stop = stopwords_for(words)
    body_size = _body_size(content, stop)
    if body_size is None:
        return None
    good = [_is_good(b, stop) and _same_size(b.size, body_size) for b in content]
    first, last = _main_run(content, good)

    title_at = _title_index(content, first, body_size)
    for index, block in enumerate(content):
        text = block.text
        if index == title_at:
            article.title = text
        elif index < first or index > last:
            kind = "byline" if title_at is not None and title_at < index < first and _is_byline(block) else _kind(block)
            if kind == "byline" and article.author is None and _BYLINE.match(text):
                article.author = _BYLINE.sub(lambda m: m.group(0)[-1], text, count=1)
            article.removed.append(Removed(kind=kind, text=text))
        elif block.link_density > LINK_LIST_DENSITY and not good[index]:
            article.removed.append(Removed(kind="links", text=text))
        elif _same_size(block.size, body_size):
            _append_paragraph(article, block, content[index - 1] if index else None)
        elif block.size < body_size and len(text) <= MAX_CAPTION_CHARS:
            article.captions.append(text)
        elif block.size > body_size and len(_WORD.findall(text)) <= MAX_TITLE_WORDS:
            article.paragraphs.append(text)  # a subheading in larger type
        else:
            article.removed.append(Removed(kind="boilerplate", text=text))
    return article if article.paragraphs else None


def _body_size(blocks: list[Block], stop: frozenset[str]) -> float | None:
    chars: Counter[float] = Counter()
    for block in blocks:
        if _is_good(block, stop):
            chars[block.size] += len(block.text)
    return chars.most_common(1)[0][0] if chars else None


def _is_good(block: Block, stop: frozenset[str]) -> bool:
    words = _WORD.findall(block.text)
    if len(words) < GOOD_MIN_WORDS or block.link_density > GOOD_MAX_LINK_DENSITY:
        return False
    return sum(w.lower() in stop for w in words) >= GOOD_MIN_STOPWORD_SHARE * len(words)


def _same_size(a: float, b: float) -> bool:
    return abs(a - b) < SIZE_TOLERANCE


def _main_run(blocks: list[Block], good: list[bool]) -> tuple[int, int]:
    """First and last index of the run of good blocks with the most text."""
    runs: list[tuple[int, int, int]] = []  # (first, last, good chars)
    start = end = None
    chars = gap_chars = gap_links = 0
    for index, block in enumerate(blocks):
        if good[index]:
            if start is not None and (gap_chars > RUN_BREAK_CHARS or gap_links >= RUN_BREAK_LINK_BLOCKS):
                runs.append((start, end, chars))
                start, chars = None, 0
            if start is None:
                start = index
            end, gap_chars, gap_links = index, 0, 0
            chars += len(block.text)
        elif start is not None:
            gap_chars += len(block.text)
            gap_links += block.link_density > LINK_LIST_DENSITY
    if start is not None:
        runs.append((start, end, chars))
    first, last, _ = max(runs, key=lambda run: run[2])
    return first, last


def _title_index(blocks: list[Block], first: int, body_size: float) -> int | None:
    page = blocks[first].page
    best: int | None = None
    for index in range(first - 1, -1, -1):
        block = blocks[index]
        if block.page < page - TITLE_PAGES_BEFORE:
            break
        if (
            block.size >= body_size * TITLE_MIN_SIZE_RATIO
            and block.link_density <= LINK_LIST_DENSITY
            and 0 < len(_WORD.findall(block.text)) <= MAX_TITLE_WORDS
            and (best is None or block.size > blocks[best].size + SIZE_TOLERANCE)
        ):
            best = index
    return best


def _is_byline(block: Block) -> bool:
    return bool(_BYLINE.match(block.text)) and len(block.text) < 200


def _kind(block: Block) -> str:
    return "links" if block.link_density > LINK_LIST_DENSITY else "boilerplate"


def _append_paragraph(article: Article, block: Block, previous: Block | None) -> None:
    """A paragraph cut by a page break continues on the next page: join the two halves."""
    text = block.text
    if (
        article.paragraphs
        and previous is not None
        and previous.page < block.page
        and not _SENTENCE_END.search(article.paragraphs[-1])
        and text[:1].islower()
    ):
        article.paragraphs[-1] += " " + text
    else:
        article.paragraphs.append(text)
