"""What every knowledge-base loader shares: name normalisation and data-file loading (partial
dates, which the data files use, are ``newsint.dates.PartialDate``).

    normalize_name("The Kremlin")        -> "kremlin"       case, accents, dashes, punctuation, "the"
    abbreviation_key("U.S.")              -> "US"            case kept: "US" is a country, "us" is not
    load_data_file("people.yaml")         -> dict            header checked: version, sources, valid_as_of

Loader errors (a duplicate id, an alias two entities share without saying so, a date that is not
a date) raise ``KBDataError`` naming the file and the entry: the data ships with the package, so
such an error is a bug in the data, caught by the schema tests before release.
"""

from __future__ import annotations

import hashlib
import pickle
import re
import unicodedata
from functools import cache, lru_cache
from importlib import resources
from typing import Any

import yaml

from newsint.cache import cache_dir, read_entry, warn, write_entry
from newsint.errors import NewsintError

DATA_PACKAGE = "newsint.kb.data"
# Bumped when what the YAML cache stores changes shape.
_YAML_CACHE_FORMAT = 1

# Every data file opens with these keys, so a reader (and `newsint doctor`) can say what it is,
# where it came from and until when it is believed true.
REQUIRED_HEADER_KEYS = ("version", "description", "sources", "valid_as_of")


class KBDataError(NewsintError):
    """A knowledge-base file breaks its own schema (duplicate id, undeclared alias collision …)."""

    code = "K001"


# Dashes and hyphens of every width, the slash and the underscore separate words the same way.
_DASHES = re.compile(r"[\u002d\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2043\ufe63\uff0d/_]+")
# Apostrophes and quotes vanish inside words ("Côte d'Ivoire" ~ "Cote dIvoire" ~ "Côte d’Ivoire").
_APOSTROPHES = re.compile(r"[\u0027\u2018\u2019\u201b\u02bc\u02bb\u0060\u00b4\u2032]")
_PUNCT = re.compile(r"[^\w\s]")
_LEADING_THE = re.compile(r"^the\s+")
# Letters that NFKD does not take apart but that news spells without the mark.
_EXTRA_FOLDS = str.maketrans(
    {"ł": "l", "ø": "o", "đ": "d", "ð": "d", "þ": "th", "æ": "ae", "œ": "oe", "ı": "i", "ß": "ss"}
)


@lru_cache(maxsize=65536)
def normalize_name(text: str) -> str:
    """The key under which a name is indexed: case, accents, dashes, punctuation and a leading
    "the" do not matter ("The Kremlin" = "kremlin"; "Mali–Niger border" = "mali niger
    border"; "Zelenskyy" ≠ "Zelensky" — spelling variants are listed as aliases, not guessed)."""
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    folded = folded.casefold().translate(_EXTRA_FOLDS)
    folded = _APOSTROPHES.sub("", folded)
    folded = _DASHES.sub(" ", folded)
    folded = _PUNCT.sub(" ", folded)
    folded = " ".join(folded.split())
    return _LEADING_THE.sub("", folded)


def abbreviation_key(text: str) -> str:
    """Case-sensitive key for all-caps abbreviations ("U.S." = "US" = "U. S."; "us" is not)."""
    return re.sub(r"[\s.]+", "", text)


def is_abbreviation(text: str) -> bool:
    """Short all-capital forms (US, UK, UAE, IS, SDF) must match with their case."""
    letters = abbreviation_key(text)
    return 1 < len(letters) <= 6 and letters.isupper() and letters.isalpha()


@cache
def load_data_file(name: str) -> dict[str, Any]:
    """Parse one YAML file under ``kb/data`` (C loader when PyYAML has it) and check its header."""
    resource = resources.files(DATA_PACKAGE).joinpath(name)
    try:
        text = resource.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise KBDataError(f"knowledge-base file {name} is missing from the package", path=name) from exc
    data = _parsed_yaml(name, text)
    if not isinstance(data, dict):
        raise KBDataError("a knowledge-base file must be a mapping with a header", path=name)
    missing = [key for key in REQUIRED_HEADER_KEYS if key not in data]
    if missing:
        raise KBDataError(f"header lacks {', '.join(missing)}", path=name)
    return data


def _parsed_yaml(name: str, text: str) -> Any:
    """The YAML's data, from the user cache (newsint/cache.py) when it holds this very text: PyYAML
    builds the Python objects in Python even with its C parser, which cost seconds at each start
    for the whole KB, where unpickling costs milliseconds. Keyed by the text's hash, so an edited
    file is parsed again; the cache is the user's own folder, as trusted as the installed code."""
    key = hashlib.sha256(f"{_YAML_CACHE_FORMAT}\0{yaml.__version__}\0".encode() + text.encode("utf-8")).hexdigest()
    path = cache_dir() / f"kb-{name}.pickle"
    content, problem = read_entry(path)
    if content is not None:
        try:
            cached_key, data = pickle.loads(content)
            if cached_key == key:
                return data
            problem = "the cache is out of date"
        except Exception:
            problem = "the cache is corrupt"
    if problem:
        warn(f"{path}: {problem}; rebuilding it")
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        data = yaml.load(text, Loader=loader)
    except yaml.YAMLError as exc:
        raise KBDataError(f"not valid YAML: {exc}", path=name) from exc
    write_entry(path, pickle.dumps((key, data), protocol=pickle.HIGHEST_PROTOCOL))
    return data


def data_path(name: str) -> Any:
    """A Traversable for a file under ``kb/data`` (for binary index files)."""
    return resources.files(DATA_PACKAGE).joinpath(name)


QID_RE = re.compile(r"^Q[1-9][0-9]*$")


class FieldChecker:
    """Field checks for one data-file entry; every error names the file and the entry.

    The loaders subclass it for their own fields (dates, categories, codes); ``normalize`` is the
    key their names are matched under, so "normalises to nothing" means the same as a lookup.
    """

    @staticmethod
    def normalize(text: str) -> str:
        return normalize_name(text)

    def __init__(self, filename: str, raw: Any, where: str) -> None:
        if not isinstance(raw, dict):
            raise KBDataError(f"{where} is not a mapping", path=filename)
        self.filename = filename
        self.raw = raw
        self.where = where

    def fail(self, message: str) -> KBDataError:
        return KBDataError(f"{self.where}: {message}", path=self.filename)

    def allowed(self, fields: set[str], required: tuple[str, ...]) -> None:
        unknown = set(self.raw) - fields
        if unknown:
            raise self.fail(f"unknown field(s) {sorted(unknown)}; allowed: {sorted(fields)}")
        for key in required:
            if self.raw.get(key) is None:
                raise self.fail(f"missing required field {key!r}")

    def text(self, key: str, *, optional: bool = False) -> str | None:
        value = self.raw.get(key)
        if value is None and optional:
            return None
        if not isinstance(value, str) or not value.strip() or value != value.strip():
            raise self.fail(f"{key!r} must be a non-empty string without surrounding spaces, got {value!r}")
        return value

    def texts(self, key: str) -> tuple[str, ...]:
        value = self.raw.get(key) or []
        if not isinstance(value, list):
            raise self.fail(f"{key!r} must be a list")
        for item in value:
            if not isinstance(item, str) or not item.strip() or item != item.strip():
                raise self.fail(f"{key!r} holds {item!r}: each item must be a non-empty string")
            if not self.normalize(item):
                raise self.fail(f"{key!r} holds {item!r}, which normalises to nothing")
        return tuple(value)

    def wikidata(self) -> str | None:
        value = self.text("wikidata", optional=True)
        if value is not None and not QID_RE.match(value):
            raise self.fail(f"wikidata must be a QID like 'Q123', got {value!r}")
        return value
