"""Near-duplicate articles: MinHash over word shingles, with locality-sensitive hashing buckets.

The same wire story republished by many sites, or a syndicated copy with its own headline, footer
or one reworded sentence, is not an independent source. Two articles' bodies are compared as sets
of word ``SHINGLE_WORDS``-grams: their Jaccard similarity (shared shingles / all shingles) is near
1 for copies and near 0 for different articles, even on the same topic and day, because separate
reporters rarely write the same five words in a row more than a handful of times.

A MinHash signature (``SIGNATURE_SIZE`` minimums of independent hash functions over the shingles)
estimates the Jaccard similarity of two articles as the share of equal positions. The signature
is cut into ``BANDS`` bands; articles that agree on a whole band land in the same bucket, so the
store finds candidates with one indexed lookup instead of comparing against every article.
With 32 bands of 4 rows, a pair at Jaccard 0.5 shares a bucket with probability 0.87, at 0.7
with 0.9998; pairs below ``DUPLICATE_SIMILARITY`` that do share a bucket are rejected on the full
signature.
"""

from __future__ import annotations

import hashlib
import re

import numpy as np

SHINGLE_WORDS = 5
SIGNATURE_SIZE = 128
BANDS = 32
ROWS_PER_BAND = SIGNATURE_SIZE // BANDS
# Estimated Jaccard similarity of the shingle sets from which two articles count as copies. A
# copy with a new headline and footer and one changed sentence in twenty keeps about 0.75; of the
# 7,021 pairs of different Guardian reports on the Syrian war (shared/data/news), the most similar
# pair scores 0.20 and the mean 0.0003 (tests/store/test_dedup.py).
DUPLICATE_SIMILARITY = 0.5
# Bodies with fewer shingles than this (a few sentences) are too short to tell a copy from two
# briefs that share a stock phrase; they are only ever deduplicated by exact content.
MIN_SHINGLES = 20
# Fixed seed: signatures are stored, so the hash functions must be the same in every run.
_SEED = 20221130
_CHUNK = 4096  # shingles hashed at once, to bound memory on very long documents
_WORD = re.compile(r"\w+")

_rng = np.random.default_rng(_SEED)
# Multiply-shift hashing (Dietzfelbinger): h(x) = (a·x + b) mod 2^64, top 32 bits, with a odd;
# uint64 arithmetic in numpy wraps modulo 2^64, which is exactly the family's definition.
_A = _rng.integers(1, 2**63, size=SIGNATURE_SIZE, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
_B = _rng.integers(0, 2**63, size=SIGNATURE_SIZE, dtype=np.uint64)


def shingles(text: str) -> set[int]:
    """The 64-bit hashes of the text's word ``SHINGLE_WORDS``-grams (lower-cased, punctuation dropped)."""
    words = _WORD.findall(text.lower())
    grams = (" ".join(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1))
    # blake2b, not hash(): Python's string hash changes from process to process.
    return {int.from_bytes(hashlib.blake2b(g.encode(), digest_size=8).digest(), "little") for g in grams}


def signature(text: str) -> bytes | None:
    """The MinHash signature of the text (``SIGNATURE_SIZE`` uint32, as bytes), or None when too short."""
    hashed = shingles(text)
    if len(hashed) < MIN_SHINGLES:
        return None
    values = np.fromiter(hashed, dtype=np.uint64, count=len(hashed))
    minimum = np.full(SIGNATURE_SIZE, np.iinfo(np.uint32).max, dtype=np.uint64)
    for start in range(0, len(values), _CHUNK):
        chunk = values[start : start + _CHUNK]
        mixed = (_A[:, None] * chunk[None, :] + _B[:, None]) >> np.uint64(32)
        minimum = np.minimum(minimum, mixed.min(axis=1))
    return minimum.astype("<u4").tobytes()


def similarity(first: bytes, second: bytes) -> float:
    """Estimated Jaccard similarity of the two texts behind these signatures."""
    a = np.frombuffer(first, dtype="<u4")
    b = np.frombuffer(second, dtype="<u4")
    return float(np.count_nonzero(a == b)) / SIGNATURE_SIZE


def buckets(sig: bytes) -> list[int]:
    """One bucket per band: a signed 64-bit hash of the band's number and rows (fits BIGINT)."""
    width = ROWS_PER_BAND * 4
    return [
        int.from_bytes(
            hashlib.blake2b(bytes([band]) + sig[band * width : (band + 1) * width], digest_size=8).digest(),
            "little",
            signed=True,
        )
        for band in range(BANDS)
    ]
