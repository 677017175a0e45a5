"""The knowledge-base rulers' patterns, built once and kept in a user cache.

Building the two rulers at every start cost seconds: loading the KB (gazetteer, people,
organisations, equipment) to list tens of thousands of name patterns, then running spaCy's tokenizer over each
pattern text. Both results depend only on the KB data, the code that derives the patterns, the
model (its tokenizer) and spaCy, so they are stored once, keyed by a hash of all of them:

    patterns      the ruler patterns exactly as ``ruler_patterns`` makes them (label, text, id)
    tokens        each pattern text's tokens (words and trailing spaces), as the model's
                  tokenizer split it

The rulers are then filled through spaCy's own ``add_patterns`` (so their state is what a fresh
build gives), with the tokenizer swapped for the stored tokens while it runs: regex tokenization of
the pattern texts was most of the rulers' cost. The file is msgpack (``srsly``, spaCy's own
serialisation library), written to a temporary file and renamed into place, so a reader never sees
half of it.

Where, and what happens to a stale, corrupt or unwritable cache: newsint/cache.py.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import srsly

from newsint.cache import cache_dir, read_entry, warn, write_entry

CACHE_FILE = "kb-rulers.msgpack"
# Bumped when the layout of the file changes.
CACHE_FORMAT = 1
# The code that turns the KB data into patterns: a change here changes the patterns, so it is part
# of the key even when newsint's version number did not move (a development checkout).
_PATTERN_SOURCES = ("kb", "nlp/rulers.py", "nlp/ruler_cache.py")


@dataclass(frozen=True, slots=True)
class RulerPatterns:
    """What the two rulers are filled with: patterns and, per distinct pattern text, its tokens."""

    city: list[dict]
    entity: list[dict]
    tokens: dict[str, tuple[list[str], list[bool]]]


def cache_key(model_name: str, model_version: str | None) -> str:
    """A hash of everything the patterns and their tokens depend on."""
    import spacy

    package = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256()
    for part in (
        f"format={CACHE_FORMAT}",
        f"newsint={_newsint_version()}",
        f"spacy={spacy.__version__}",
        f"model={model_name}=={model_version}",
    ):
        digest.update(part.encode() + b"\0")
    for path in _key_files(package):
        digest.update(str(path.relative_to(package)).encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _key_files(package: Path) -> list[Path]:
    files: list[Path] = []
    for source in _PATTERN_SOURCES:
        path = package / source
        files += (
            sorted(p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
            if path.is_dir()
            else [path]
        )
    return files


def _newsint_version() -> str:
    try:
        return importlib.metadata.version("newsint")
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


def load_or_build(key: str, build: Callable[[], RulerPatterns]) -> RulerPatterns:
    """The cached patterns under ``key``, or ``build()``'s, stored for the next start."""
    path = cache_dir() / CACHE_FILE
    content, problem = read_entry(path)
    if content is not None:
        cached, problem = _decode(content, key)
        if cached is not None:
            return cached
    if problem:
        warn(f"{path}: {problem}; rebuilding it")
    patterns = build()
    write_entry(path, _encode(key, patterns))
    return patterns


def _decode(content: bytes, key: str) -> tuple[RulerPatterns | None, str | None]:
    try:
        data = srsly.msgpack_loads(content)
        if data["key"] != key:
            return None, "the rule cache is out of date"
        tokens = {text: (list(words), [bool(s) for s in spaces]) for text, words, spaces in data["tokens"]}
        patterns = RulerPatterns(city=_patterns(data["city"]), entity=_patterns(data["entity"]), tokens=tokens)
        if any(p["pattern"] not in tokens for p in patterns.city + patterns.entity):
            raise ValueError("pattern without tokens")
        return patterns, None
    except Exception:
        return None, "the rule cache is corrupt"


def _patterns(rows: list) -> list[dict]:
    return [{"label": str(label), "pattern": str(text), "id": str(kb_id)} for label, text, kb_id in rows]


def _encode(key: str, patterns: RulerPatterns) -> bytes:
    return srsly.msgpack_dumps(
        {
            "key": key,
            "city": [[p["label"], p["pattern"], p["id"]] for p in patterns.city],
            "entity": [[p["label"], p["pattern"], p["id"]] for p in patterns.entity],
            "tokens": [[text, words, spaces] for text, (words, spaces) in patterns.tokens.items()],
        }
    )


def tokenize_patterns(nlp, patterns: list[dict]) -> dict[str, tuple[list[str], list[bool]]]:
    """Each distinct pattern text's tokens, as the model's tokenizer splits it."""
    texts = dict.fromkeys(p["pattern"] for p in patterns)
    return {doc.text: ([t.text for t in doc], [bool(t.whitespace_) for t in doc]) for doc in nlp.tokenizer.pipe(texts)}


@contextmanager
def stored_tokens(nlp, tokens: dict[str, tuple[list[str], list[bool]]]) -> Iterator[None]:
    """While open, ``nlp`` tokenizes a known pattern text from ``tokens`` (a Doc built from the
    stored words, no regex work) and anything else with its own tokenizer."""
    from spacy.tokens import Doc

    tokenizer = nlp.tokenizer

    def from_store(text: str) -> Doc:
        stored = tokens.get(text)
        if stored is None:
            return tokenizer(text)
        return Doc(nlp.vocab, words=stored[0], spaces=stored[1])

    nlp.tokenizer = from_store
    try:
        yield
    finally:
        nlp.tokenizer = tokenizer
