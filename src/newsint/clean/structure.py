"""Which paragraph is the title, a standfirst, a photo caption, a dateline; the rest is body."""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsint.model import Dateline

# A title is a single phrase or sentence of at most this many words.
MAX_TITLE_WORDS = 30
MAX_TITLE_CHARS = 250
MAX_TITLE_LINES = 3
# A one-line paragraph this much longer than the wrap width was set in a wider frame than the
# body (a caption under a full-width photo), so it is not body text.
OVERLONG_LINE_RATIO = 1.05
# Before the body starts, a lone line at least this close to the wrap width is a caption: a
# headline or standfirst set in a larger font wraps at a narrower width, and body text would
# have continued on the next line.
HEADER_CAPTION_LINE_RATIO = 0.9
MAX_CAPTION_CHARS = 400

# Explicit caption conventions: a label in front, or a photo credit at the end.
_CAPTION_LABEL = re.compile(
    r"^(?:photo|photograph|image|picture|caption|pictured|above|top|below|file\s+photo|video)\s*(?:\([^)]*\))?\s*[:|–—]\s*\S",
    re.I,
)
_AGENCIES = (
    r"(?:AFP|REUTERS|Reuters|AP(?:\s+Photo)?|EPA(?:-EFE)?|TASS|Sputnik|Anadolu(?:\s+Agency)?|Xinhua|ANP|dpa"
    r"|UPI|Pool|Handout|BelTA|RIA\s+Novosti|Ukrinform)"
)
# A credit at the end of a caption: "(Photo: X)", "Photo: X", "| AFP", "REUTERS/Name",
# "Getty Images". Agency names need a separator or a slash, so "…, he told Reuters." is text.
_PHOTO_CREDIT = re.compile(
    rf"""(?:\((?:[Pp]hoto|[Ii]mage|[Pp]icture|[Cc]redit|[Ff]ile)[^)]{{0,80}}\)
        |(?:Photo|Image|Picture|Credit)s?\s*(?:by\s|:)\s*[^.]{{2,80}}
        |(?:[|©]|\s[-–—/]\s)\s*{_AGENCIES}(?:\s*/\s*[\w .'-]{{2,60}})?
        |\b{_AGENCIES}\s*/\s*[\w .'-]{{2,60}}
        |\b(?:Getty\s+Images|Shutterstock|Alamy(?:\s+Stock\s+Photo)?))\s*\.?$""",
    re.X,
)
# A credit in brackets at the very end: "… on Tuesday. (Reuters)". Only trusted on a line that
# stands between a headline and the body; a body paragraph may end the same way.
_BRACKETED_CREDIT = re.compile(rf"\(\s*{_AGENCIES}(?:\s*/\s*[\w .'-]{{2,60}})?\s*\)\s*$")
# A sentence end inside a paragraph: a lower-case word, then . ! or ?, then a capital. ("U.S.
# Media" or "Gen. Smith" are abbreviations, not sentence ends.)
_SENTENCE_INSIDE = re.compile(r"[a-z]{2,}[.!?][\"”’']?\s+[A-Z]")
# A headline may be two short sentences ("Virginian could make history. Again.").
MAX_TWO_SENTENCE_TITLE_WORDS = 12
# ... or longer, when written in headline case (most words of 4+ letters capitalised).
TITLE_CASE_MIN_WORD = 4
TITLE_CASE_SHARE = 0.8

# Wire-style dateline at the start of the first body paragraph: "MINSK, Feb 20 (Reuters) - ",
# "KYIV, Ukraine (AP) — ", "WASHINGTON — ". The place is in capitals; a date and an agency in
# brackets are optional, the dash is not.
_DATELINE = re.compile(
    r"""^(?!(?:EXCLUSIVE|BREAKING|UPDATE|UPDATED|WATCH|LIVE|ANALYSIS|OPINION|EXPLAINER|FACTBOX|INSIGHT|EDITORIAL
            |COMMENT|REVIEW|INTERVIEW|VIDEO|PHOTOS|CORRECTION)\b)
        (?P<place>[A-Z][A-Z.'’\- ]{1,40}[A-Z.](?:,\s*[A-Z][A-Za-z.'’\- ]{1,30})?)
        (?:,?\s+(?P<date>(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?)(?:,?\s+\d{4})?))?
        \s*(?:\((?P<agency>[A-Za-z][\w .&'-]{0,40})\))?
        \s*[-–—―]{1,2}\s+(?=\S)""",
    re.X,
)


@dataclass(slots=True)
class Candidate:
    text: str
    lines: int
    longest_line: int


def is_title(candidate: Candidate, *, has_more: bool, wrapped: bool) -> bool:
    text = candidate.text
    return (
        has_more
        and len(text.split()) <= MAX_TITLE_WORDS
        and len(text) <= MAX_TITLE_CHARS
        and not text.endswith((":", ","))  # "Title;" followed by a deck line is a news convention
        and (
            len(text.split()) <= MAX_TWO_SENTENCE_TITLE_WORDS or _title_case(text) or not _SENTENCE_INSIDE.search(text)
        )
        and (not wrapped or candidate.lines <= MAX_TITLE_LINES)
        and _DATELINE.match(text) is None
    )


def _title_case(text: str) -> bool:
    """Headline style: (nearly) every longer word capitalised, as no body sentence is written."""
    words = [w for w in re.findall(r"[A-Za-z’']+", text) if len(w) >= TITLE_CASE_MIN_WORD]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= TITLE_CASE_SHARE * len(words)


def is_caption(candidate: Candidate, *, wrapped: bool, width: int, before_body: bool) -> bool:
    text = candidate.text
    if len(text) > MAX_CAPTION_CHARS:
        return False
    if _CAPTION_LABEL.match(text) or _PHOTO_CREDIT.search(text):
        return True
    if before_body and _BRACKETED_CREDIT.search(text):
        return True
    if not wrapped or candidate.lines != 1:
        return False
    ratio = HEADER_CAPTION_LINE_RATIO if before_body else OVERLONG_LINE_RATIO
    return candidate.longest_line >= ratio * width


def is_caption_line(text: str) -> bool:
    """A line at the head of an article that is the lead photo's caption."""
    return bool(_CAPTION_LABEL.match(text) or _PHOTO_CREDIT.search(text) or _BRACKETED_CREDIT.search(text))


def split_dateline(text: str) -> tuple[Dateline | None, str]:
    match = _DATELINE.match(text)
    if match is None:
        return None, text
    place = match.group("place")
    # A dateline's place is a city in capitals ("MINSK", "NEW YORK"); a shouted first word of a
    # sentence ("BREAKING —") is not, so a single capitalised word needs a date or an agency.
    if not (match.group("date") or match.group("agency")) and len(place.split(",")[0]) < 3:
        return None, text
    dateline = Dateline(
        text=match.group(0).strip(),
        place=place.strip(),
        date_text=match.group("date"),
        agency=match.group("agency"),
    )
    return dateline, text[match.end() :]


def same_text(a: str, b: str) -> bool:
    """Equal once case, spacing and punctuation are set aside (a metadata title vs a headline)."""
    return _letters(a) == _letters(b)


def _letters(text: str) -> str:
    return re.sub(r"\W+", "", text).lower()
