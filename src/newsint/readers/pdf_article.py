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
GOOD_MIN_WORDS = 8
GOOD_MIN_STOPWORD_SHARE = 0.3
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
# Body-type blocks that are not prose count this much of their length in a run's score.
NEUTRAL_WEIGHT = 0.5
TRAILING_NEUTRAL = True
TRAILING_AFTER_GAP = True
# A block that starts right of this share of the article column's width is beside it.
SIDEBAR_START_SHARE = 0.6
# A run after a heading of comments or related stories counts this share of its text.
AFTER_END_HEADING_WEIGHT = 0.25
# A caption is at most this long, in smaller type than the body.
MAX_CAPTION_CHARS = 400
# The title is at least this much larger than body type and this short.
TITLE_MIN_SIZE_RATIO = 1.15
MAX_TITLE_WORDS = 40
MAX_SUBHEADING_WORDS = 15
# A title is looked for on the article's first page and this many pages before it.
TITLE_PAGES_BEFORE = 1

PAGE_NUMBER = re.compile(r"^\s*(?:page\s+)?[-–—]?\s*\d{1,4}\s*[-–—]?\s*(?:(?:of|/)\s*\d{1,4})?\s*$", re.I)
_WORD = re.compile(r"\w+", re.U)
_DIGITS = re.compile(r"\d+")
_BYLINE = re.compile(r"^(?:by|von|par|por|di|door|av|af)\s+\S", re.I)
# A photo gallery's own lines: its counter ("Image 1 of 8") and its buttons.
_GALLERY = re.compile(
    r"^(?:(?:image|photo|picture|slide|foto|bild|imagen)\s+\d+\s+(?:of|/|von|de|sur|di)\s+\d+"
    r"|(?:caption|close|expand|enlarge|photo|image|gallery)$)",
    re.I,
)
# A line of article metadata: "Published 18 November 2019 By", "Updated 1:39 am EST, …".
# It names the act and carries a date or time; a "By …" line with one is a byline too.
_METADATA = re.compile(
    r"\b(?:published|updated|posted|last\s+(?:updated|modified)|modified|publicado|atualizado|actualizado"
    r"|veröffentlicht|aktualisiert|publié|mis\s+à\s+jour|pubblicato|aggiornato)\b|^by\s",
    re.I,
)
MAX_METADATA_WORDS = 20
# News-photo caption phrasing (wire style): "In this Nov. 19, 2019, file photo, …", "A, left, and
# B, right, …", "Image copyright …", "(AP Photo/…)". Set in body type, it is still no body.
_CAPTION_PHRASE = re.compile(
    r"\b(?:in\s+this\s+(?:[\w.]+\s+){0,4}(?:file\s+)?(?:photo|image|picture)|file\s+photo"
    r"|image\s+(?:copyright|caption)|\((?:AP|AFP|Reuters|Getty)\s+(?:Photo|Images?)\b)"
    r"|\w,\s+(?:left|right|center|centre|second\s+(?:from\s+)?(?:left|right)),\s",
    re.I,
)
MAX_CAPTION_WORDS = 80
# A call to action: subscribe, follow, share, support. Short blocks with one are promotion.
_CALL_TO_ACTION = re.compile(
    r"\b(?:sign\s+up|subscribe|newsletter|follow\s+(?:us|me)\b|share\s+(?:this|your)|click\s+here"
    r"|download\s+(?:our|the)\s+app|support\s+(?:us|our)\b|become\s+a\s+(?:member|subscriber)"
    r"|abonnieren|inscreva-se|suscríbete|abonnez-vous|iscriviti)\b",
    re.I,
)
MAX_PROMOTION_WORDS = 40
# An advertisement's label, alone in its block.
_AD_LABEL = re.compile(
    r"^\W*(?:advertisement|advertising|sponsored(?:\s+by)?|sponsored\s+content|ad|anzeige|werbung"
    r"|publicidade|publicidad|publicité|pubblicità|реклама)\W*$",
    re.I,
)
# The heading of what follows an article: readers' comments, related or recommended stories.
# Prose after it is not the article.
_END_HEADING = re.compile(
    r"^\W*(?:\d+\s+)?(?:top[- ]rated\s+|readers?'?\s+|latest\s+|user\s+|show\s+|view\s+)?"
    r"(?:comments?|responses?|replies|discussion|conversation|leave\s+a\s+(?:reply|comment)"
    r"|join\s+the\s+(?:discussion|conversation)|(?:post|add)\s+a\s+comment"
    r"|kommentare?|commentaires?|comentarios?|commenti|reacties|komentarze)\b"
    r"|^\W*(?:related(?:\s+(?:stories|articles|posts|news|content|coverage|links|reading))?"
    r"|(?:you\s+)?(?:may|might)\s+(?:also\s+)?(?:like|enjoy|be\s+interested)"
    r"|more\s+(?:stories|articles|news|from|on|in|like\s+this|to\s+read|coverage)"
    r"|(?:most\s+(?:read|popular|viewed|shared|commented)|popular\s+(?:now|stories|posts|articles)"
    r"|trending(?:\s+now|\s+stories)?|recommended(?:\s+for\s+you|\s+stories|\s+reading)?"
    r"|read\s+next|up\s+next|what\s+to\s+read\s+next|editor'?s\s+picks|top\s+stories|latest\s+(?:news|stories))"
    r"|você\s+(?:pode|também\s+pode)\s+gostar|leia\s+(?:também|mais)|veja\s+também|te\s+puede\s+interesar"
    r"|lee\s+también|(?:à\s+)?lire\s+aussi|sur\s+le\s+même\s+sujet|leggi\s+anche"
    r"|das\s+könnte\s+sie\s+auch\s+interessieren|mehr\s+zum\s+thema|lesen\s+sie\s+auch"
    r"|ook\s+interessant|читайте\s+также)\b",
    re.I,
)
MAX_HEADING_WORDS = 6
_SENTENCE_END = re.compile(r"[.!?…:;\"”’)»]\s*$")


@dataclass(slots=True)
class Article:
    title: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
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
            if PAGE_NUMBER.match(block.text):
                article.removed.append(Removed(kind="page-furniture", text=block.text))
            else:
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
    # A block in another column than the article's prose (a sidebar printed beside it) is
    # neither part of the article nor a gap in it.
    beside = _beside(content, good)
    for block in (b for b, out in zip(content, beside, strict=True) if out):
        article.removed.append(Removed(kind=_kind(block) if block.link_density > LINK_LIST_DENSITY else "sidebar",
                                       text=block.text))  # fmt: skip
    good = [g for g, out in zip(good, beside, strict=True) if not out]
    content = [b for b, out in zip(content, beside, strict=True) if not out]
    first, last = _main_run(content, good, body_size, _end_headings(content))

    title_at = _title_index(content, first, body_size)
    for index, block in enumerate(content):
        text = block.text
        if index == title_at:
            article.title = text
        elif index < first or index > last:
            if title_at is not None and title_at < index < first and _is_byline(block):
                # The cleaner reads bylines ("By A and B | Analysis"); it gets the line as text.
                article.paragraphs.append(text)
                continue
            kind = _kind(block)
            article.removed.append(Removed(kind=kind, text=text))
        elif block.link_density > LINK_LIST_DENSITY and not good[index]:
            article.removed.append(Removed(kind="links", text=text))
        elif _GALLERY.match(text) and len(_WORD.findall(text)) > MAX_HEADING_WORDS:
            article.captions.append(text)  # "Image 1 of 8" and the photo's caption
        elif _GALLERY.match(text):
            article.removed.append(Removed(kind="boilerplate", text=text))
        elif _is_metadata(text):
            article.removed.append(Removed(kind="byline", text=text))
        elif _AD_LABEL.match(text) or _is_promotion(text):
            article.removed.append(Removed(kind="boilerplate", text=text))
        elif _is_caption_text(text):
            article.captions.append(text)
        elif _same_size(block.size, body_size):
            _append_paragraph(article, block, content[index - 1] if index else None)
        elif block.size < body_size and len(text) <= MAX_CAPTION_CHARS:
            article.captions.append(text)
        elif _is_subheading(block, body_size):
            article.paragraphs.append(text)
        else:
            article.removed.append(Removed(kind="boilerplate", text=text))
    return article if article.paragraphs else None


def _body_size(blocks: list[Block], stop: frozenset[str]) -> float | None:
    chars: Counter[float] = Counter()
    for block in blocks:
        if _is_good(block, stop):
            chars[block.size] += len(block.text)
    return chars.most_common(1)[0][0] if chars else None


def _beside(blocks: list[Block], good: list[bool]) -> list[bool]:
    """Which blocks start right of the middle of the article's column (a sidebar)."""
    lefts: Counter[float] = Counter()
    widths: list[float] = []
    for block, is_good in zip(blocks, good, strict=True):
        if is_good:
            lefts[round(block.x0)] += len(block.text)
            widths += [line.x1 - line.x0 for line in block.lines]
    if not lefts:
        return [False] * len(blocks)
    left = lefts.most_common(1)[0][0]
    widths.sort()
    middle = left + widths[len(widths) // 2] * SIDEBAR_START_SHARE
    return [block.x0 > middle for block in blocks]


def _is_subheading(block: Block, body_size: float) -> bool:
    return (
        block.size > body_size
        and block.link_density <= LINK_LIST_DENSITY
        and 0 < len(_WORD.findall(block.text)) <= MAX_SUBHEADING_WORDS
    )


def _is_metadata(text: str) -> bool:
    return (
        bool(_METADATA.search(text))
        and any(c.isdigit() for c in text)
        and len(_WORD.findall(text)) <= MAX_METADATA_WORDS
    )


def _is_caption_text(text: str) -> bool:
    return bool(_CAPTION_PHRASE.search(text)) and len(_WORD.findall(text)) <= MAX_CAPTION_WORDS


def _is_promotion(text: str) -> bool:
    return bool(_CALL_TO_ACTION.search(text)) and len(_WORD.findall(text)) <= MAX_PROMOTION_WORDS


def _is_good(block: Block, stop: frozenset[str]) -> bool:
    if _GALLERY.match(block.text) or _is_metadata(block.text) or _is_caption_text(block.text):
        return False
    words = _WORD.findall(block.text)
    if len(words) < GOOD_MIN_WORDS or block.link_density > GOOD_MAX_LINK_DENSITY:
        return False
    return sum(w.lower() in stop for w in words) >= GOOD_MIN_STOPWORD_SHARE * len(words)


def _same_size(a: float, b: float) -> bool:
    return abs(a - b) < SIZE_TOLERANCE


def _end_headings(blocks: list[Block]) -> list[int]:
    """Indexes of the headings of comment sections and related-story lists."""
    return [
        i
        for i, b in enumerate(blocks)
        if len(_WORD.findall(b.text)) <= MAX_HEADING_WORDS and _END_HEADING.match(b.text)
    ]


def _main_run(blocks: list[Block], good: list[bool], body_size: float, end_headings: list[int]) -> tuple[int, int]:
    """First and last index of the run of good blocks with the most text.

    Body-type blocks that are not prose (list items, table rows, short paragraphs) neither
    break a run nor start one, and count half; other material between good blocks (menus,
    teaser lists, type of another size) breaks the run once there is enough of it. A heading of
    comments or related stories always breaks it, and a run before the first such heading wins
    over what follows it, however long.
    """
    runs: list[tuple[int, int, float]] = []  # (first, last, score)
    breaks = set(end_headings)
    start = end = None
    score = 0.0
    gap_chars = gap_links = 0
    for index, block in enumerate(blocks):
        if index in breaks and start is not None:
            runs.append((start, end, score))
            start = None
        neutral = _same_size(block.size, body_size) and block.link_density <= LINK_LIST_DENSITY
        if (
            start is not None
            and (good[index] or neutral)
            and (gap_chars > RUN_BREAK_CHARS or gap_links >= RUN_BREAK_LINK_BLOCKS)
        ):
            runs.append((start, end, score))
            start = None
        if good[index]:
            if start is None:
                start, score = index, 0.0
            score += len(block.text)
            end, gap_chars, gap_links = index, 0, 0
        elif start is not None:
            if neutral and gap_chars == gap_links == 0:
                # Body type right after the run (a list, a table) continues it.
                score += NEUTRAL_WEIGHT * len(block.text)
                end = index if TRAILING_NEUTRAL else end
            elif neutral:
                score += NEUTRAL_WEIGHT * len(block.text)
                end = index if TRAILING_AFTER_GAP else end
            elif _is_subheading(block, body_size):
                pass  # a subheading in larger type: neither text nor a gap
            else:
                gap_chars += len(block.text)
                gap_links += block.link_density > LINK_LIST_DENSITY
    if start is not None:
        runs.append((start, end, score))
    # A run that follows such a heading counts for less: readers' comments and related
    # excerpts can outweigh a short article, but an aside inside a long article (a "More on …"
    # box) cannot outweigh the rest of it. A heading above the first prose is in a menu.
    after = [i for i in end_headings if i > runs[0][0]]

    def weight(run: tuple[int, int, float]) -> float:
        return run[2] * (AFTER_END_HEADING_WEIGHT if after and run[0] > after[0] else 1.0)

    first, last, _ = max(runs, key=weight)
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
    """A paragraph cut by a page break continues on the next page: join the two halves.

    It is cut when the last block of the page before, in the same type, stops without ending
    its sentence.
    """
    text = block.text
    if (
        article.paragraphs
        and previous is not None
        and previous.page < block.page
        and _same_size(previous.size, block.size)
        and article.paragraphs[-1].endswith(previous.text)
        and not _SENTENCE_END.search(previous.text)
    ):
        article.paragraphs[-1] += " " + text
    else:
        article.paragraphs.append(text)
