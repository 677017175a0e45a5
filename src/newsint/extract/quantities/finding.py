"""Finding numbers: digits by a regular expression over the text (it sees "£7.6bn", "USD10m",
"256GB" that the tokenizer splits unevenly), with their currency, sign, fraction and scale;
number words by a walk over the tokens ("twenty-seven", "half a million"), vague amounts
("tens of thousands", "a few hundred") among them. Dates and clock times written in digits are
blocked first."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from newsint.extract.quantities.lexicon import CURRENCY_PREFIXES
from newsint.extract.quantities.mention import Mention
from newsint.extract.quantities.numbers import LARGE, NUMBER_WORDS, SCALES, VAGUE_PLURALS, parse_digits, parse_words
from newsint.extract.quantities.units import unit_at

PRONOUN_ONE_BEFORE = {"the", "this", "that", "each", "every", "any", "no", "which", "another", "same",
                      "only", "last", "next", "little", "big", "new", "old", "other", "a", "an"}  # fmt: skip


_CUR_LETTERS = "|".join(
    re.escape(k) for k in sorted(CURRENCY_PREFIXES, key=len, reverse=True) if k[0].isalpha() or k == "$US"
)
_NUMBER = re.compile(
    r"(?P<cur>(?:(?<![A-Za-z])(?:" + _CUR_LETTERS + r")|US\s\$|HK\s\$|AU\s\$|NZ\s\$|(?<![A-Za-z])S\s\$"
    r"|[$£€¥])\s?)?"
    r"(?P<sign>[-−](?=[\d.])|(?<![A-Za-z])minus[-\s](?=\d))?"
    r"(?P<cur2>[$£€¥])?"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!,\d)|\d+(?:\.\d+)?|\.\d+)"
    r"(?:/(?P<den>\d+))?"
)
_SCALE = re.compile(
    r"(?:(?P<att>bn|bln|mn|mln|mil|tn|trn|[kKmMbB])(?![A-Za-z\d/²])"
    r"|\s(?P<sp>bn|mn|mln|mil|tn|m)\.?(?![A-Za-z\d])"
    r"|[\s-](?P<w>(?:hundred|thousand|million|billion|trillion)(?:\s(?:hundred|thousand|million|billion|trillion))*)"
    r"(?![A-Za-z]))"
)


# Dates and clock times written with digits: never quantities.
_DATE_TIME = re.compile(
    r"\b\d{4}-\d{1,2}-\d{1,2}(?:T[\d:.]+Z?)?"
    r"|\b\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:\s?[ap]\.?m\.?)?"
    r"|\b\d{1,2}/\d{1,2}/\d{2,4}\b"
    r"|\b\d{1,2}(?:\.\d{2})?\s?[ap]\.?m\.?(?![A-Za-z])",
    re.I,
)


def blocked_chars(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _DATE_TIME.finditer(text)]


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)


def coverage(spans: list[tuple[int, int]], length: int) -> bytearray:
    """One byte per character of the text, 1 where one of ``spans`` covers it: whether a token
    overlaps any span is then one search of its characters, where comparing every token with
    every span grew with the square of the article's length."""
    covered = bytearray(length)
    for start, end in spans:
        end = min(end, length)
        if start < end:
            covered[start:end] = b"\x01" * (end - start)
    return covered


def digit_mentions(text: str, blocked: list[tuple[int, int]]) -> list[Mention]:
    out = []
    for match in _NUMBER.finditer(text):
        num_end = match.end("num")
        start = match.start()
        sign = match.group("sign")
        cur = (match.group("cur") or match.group("cur2") or "").strip()
        if (
            sign
            and start == match.start("sign")
            and start > 0
            and (text[start - 1].isalnum() or text[start - 1] in ")/")
        ):
            sign, start = None, match.start("sign") + len(match.group("sign"))  # "5,000-9,000": a range
            if match.group("cur2"):
                cur = match.group("cur2")
        if _overlaps(start, match.end(), blocked):
            continue
        before = text[start - 1] if start > 0 else " "
        if not cur and (before.isalnum() or before in "_."):
            continue  # "S23", "mk5", "v1.2.3": part of a name or code
        hyphenated = not cur and not sign and before in "-‐" and start > 1 and text[start - 2].isalpha()
        if hyphenated and not re.search(r"(?:\bminus|\bto)$", text[max(0, start - 6) : start - 1], re.I):
            continue  # "F-16", "Exercise-2019", "COVID-19" (not "minus-5", "200,000 to-260,000")
        value = parse_digits(match.group("num"))
        end = num_end
        if match.group("den"):
            numerator, denominator = value or 0, float(match.group("den"))
            if not (0 < denominator <= 16 and numerator < denominator):
                continue  # "24/7", "9/11": not a fraction
            value = numerator / denominator
            end = match.end("den")
        if value is None:
            continue
        if sign:
            value = -value
        m = Mention(start, end, value, raw=value, plain=bool(re.fullmatch(r"\d+", match.group("num"))) and not cur)
        if cur:
            m.unit = CURRENCY_PREFIXES.get(cur.replace(" ", ""), "dollar")
        scale = _SCALE.match(text, end)
        if scale:
            word = scale.group("att") or scale.group("sp") or scale.group("w")
            factor = 1.0
            for part in word.split():
                factor *= SCALES[part]
            following = text[scale.end() : scale.end() + 2]
            if word == "m" and not cur and not (following[:1] == " " and following[1:2].isalpha()):
                factor = 0  # "100m." is metres; "12.3m tonnes", "$6m" are millions
            if word in ("b", "B") and not cur:
                factor = 0
            if scale.group("sp") == "m" and not cur:
                factor = 0
            if factor:
                m.scaled, m.value, m.plain = factor, value * factor, False
                end = scale.end()
        m.end = m.unit_end = end
        after = text[end : end + 1]
        if after.isalpha() and not unit_at(text, end, m):
            continue  # "22nd", "1970s", "5G", "9AB8": an ordinal, a decade or a code
        out.append(m)
    return out


def word_mentions(doc: Doc, taken: bytearray) -> list[Mention]:
    """Numbers written in words, outside the characters ``taken`` (see ``coverage``) by the
    numbers written in digits."""
    out: list[Mention] = []
    tokens = list(doc)
    i, n = 0, len(tokens)
    while i < n:
        tok = tokens[i]
        low = tok.lower_
        if low not in _WORD_NUMBER_STARTS or taken.find(1, tok.idx, tok.idx + len(tok)) != -1:
            i += 1
            continue
        vague = _vague_at(tokens, i)
        if vague:
            j, lo, hi = vague
            m = Mention(tok.idx, tokens[j].idx + len(tokens[j]), None, low=lo, high=hi, vague=True, words=True)
            m.approximate, m.unit_end = True, m.end
            out.append(m)
            i = j + 1
            continue
        if low == "half" and _half_is_number(tokens, i):
            m = Mention(tok.idx, tok.idx + len(tok), 0.5, raw=0.5, words=True)
            m.unit_end = m.end
            out.append(m)
            i += 1
            continue
        starts_number = low in NUMBER_WORDS or (
            low in ("a", "an", "half") and i + 1 < n and tokens[i + 1].lower_ in {*LARGE, "hundred", "dozen", "a", "an"}
        )
        if not starts_number or (
            low in ("hundred", "thousand", "million", "billion", "trillion") and i > 0 and tokens[i - 1].like_num
        ):
            i += 1
            continue
        j = i
        value = parse_words([tok.text])
        k = i + 1
        while k < n:
            nxt = tokens[k].lower_
            if nxt in ("-", "and", "a", "an") and k + 1 < n and tokens[k + 1].lower_ in NUMBER_WORDS:
                candidate = parse_words([t.text for t in tokens[i : k + 2]])
                if candidate is None:
                    break
                value, j, k = candidate, k + 1, k + 2
                continue
            if nxt in NUMBER_WORDS:
                candidate = parse_words([t.text for t in tokens[i : k + 1]])
                if candidate is None:
                    break
                value, j, k = candidate, k, k + 1
                continue
            break
        if value is None or (j == i and low in ("a", "an", "half")):
            i = j + 1
            continue
        if low == "one" and j == i and not _one_is_number(tokens, i):
            i += 1
            continue
        if j == i and low in ("hundred", "thousand", "dozen", "million", "billion", "trillion"):
            i += 1
            continue  # a bare scale noun: "the hundred", "a dozen" is caught with its "a"
        m = Mention(tok.idx, tokens[j].idx + len(tokens[j]), value, raw=value, words=True)
        m.unit_end = m.end
        if any(t.lower_ in LARGE for t in tokens[i : j + 1]):
            m.scaled = 1e3
        out.append(m)
        i = j + 1
    return out


# Every word a number in words can start with (each branch of word_mentions and _vague_at
# begins with one of them): the rest of the tokens, nearly all, are passed over at once.
_WORD_NUMBER_STARTS = (
    frozenset(NUMBER_WORDS) | frozenset(VAGUE_PLURALS) | {"few", "several", "couple", "a", "an", "half"}
)


def _vague_at(tokens: list[Token], i: int) -> tuple[int, float, float] | None:
    """ "tens of thousands", "hundreds", "a few hundred", "several thousand": (last index, low, high)."""
    n = len(tokens)
    low = tokens[i].lower_
    if low in VAGUE_PLURALS and tokens[i].pos_ in ("NOUN", "NUM"):
        base = VAGUE_PLURALS[low]
        if i + 2 < n and tokens[i + 1].lower_ == "of" and tokens[i + 2].lower_ in ("thousands", "millions", "billions"):
            big = VAGUE_PLURALS[tokens[i + 2].lower_]
            return i + 2, base * big, base * big * 10
        if low == "tens" and not (i + 1 < n and tokens[i + 1].lower_ == "of"):
            return None
        return i, base, base * 10
    if low in ("few", "several", "couple") and i + 1 < n:
        j = i + 1
        if low == "couple" and tokens[j].lower_ == "of" and j + 1 < n:
            j += 1
        word = tokens[j].lower_
        if word in ("hundred", "thousand", "million", "billion", "dozen"):
            size = SCALES.get(word, 12.0)
            factor = {"few": (2, 5), "several": (3, 9), "couple": (2, 2)}[low]
            return j, factor[0] * size, factor[1] * size
    if low in ("a",) and i + 2 < n and tokens[i + 1].lower_ in ("few", "couple"):
        inner = _vague_at(tokens, i + 1)
        if inner:
            return inner
    return None


def _half_is_number(tokens: list[Token], i: int) -> bool:
    """ "half the condos", "half of the troops" (not "the second half", "half-time", "half a million")."""
    if i > 0 and (tokens[i - 1].lower_ in PRONOUN_ONE_BEFORE or tokens[i - 1].ent_type_ == "ORDINAL"):
        return False
    nxt = tokens[i + 1].lower_ if i + 1 < len(tokens) else ""
    after = tokens[i + 2].lower_ if i + 2 < len(tokens) else ""
    if nxt in ("a", "an") and after in NUMBER_WORDS:
        return False  # "half a million": read as one number
    return nxt in ("the", "of", "its", "their", "his", "her", "our", "a", "an", "all", "these", "those")


def _one_is_number(tokens: list[Token], i: int) -> bool:
    tok = tokens[i]
    if tok.tag_ != "CD":
        return False
    if i > 0 and tokens[i - 1].lower_ in PRONOUN_ONE_BEFORE:
        return False
    return not (i + 1 < len(tokens) and tokens[i + 1].lower_ in ("another", "day"))
