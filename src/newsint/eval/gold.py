"""Gold files (``shared/gold/FORMAT.md``): load one YAML file and check its structure.

``load_gold(path)`` returns a ``Gold``: the article path resolved (relative to the gold file's
folder's parent), the reference date, the ``complete:`` list, and the sections as plain dicts and
lists, exactly as written except that dates become ISO strings and ``document`` list values
become lists of dicts. Every section, every key of every item and every value type is checked
first, so the matcher never meets a typo: an unknown section or key is a ``GoldError`` that names
the valid ones, like ``gold/x.yaml: entities[3]: unknown key 'aliasses'; valid: ... [N200]``.

Some keys are informational — part of the format, kept in the file for the reader, never scored
(``INFORMATIONAL``): an entity's ``role`` and ``within``, a claim quantity's ``approximate`` and
``of``, an event's ``equipment`` and ``operation`` (their entity ids are still checked), and the
whole ``scenarios`` section (FORMAT.md: "stretch"). FORMAT.md also says a scorer "must not reject"
other informational keys (``dead``, ``injured``, a quantity's ``low``/``high``...): an item key the
schema does not know is dropped, unless it looks like a typo of a key it knows ("aliasses"), which
is still an error, so that a misspelt scored key never silently scores nothing.

Complete files (``complete: [events, claims]``) add: ``events[].contains`` (the verbatim phrase of
the event's sentence), ``events[].type`` as one type or a list of acceptable types (always a list
here, upper-cased), and ``optional: true`` on events and claims (a borderline item).
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, get_args

import yaml

from newsint.errors import NewsintError, NotFoundError
from newsint.model import EntityType, Modality
from newsint.source_name import source_name

__all__ = [
    "COMPLETABLE",
    "INFORMATIONAL",
    "PRECISIONS",
    "SCORED_SECTIONS",
    "UNSCORED_SECTIONS",
    "Gold",
    "GoldError",
    "load_gold",
    "parse_gold",
]


class GoldError(NewsintError):
    """A gold file that is not valid YAML or does not follow FORMAT.md."""

    code = "N200"


# Scored sections, in the order the report lists them (entities come before the sections that
# refer to entity ids; claims before contradictions, which refer to claim ids).
SCORED_SECTIONS: tuple[str, ...] = (
    "document",
    "entities",
    "entities_not",
    "actor_mentions",
    "claims",
    "contradictions",
    "judgements",
    "events",
    "events_hypothetical",
)
UNSCORED_SECTIONS: tuple[str, ...] = ("scenarios",)
HEADER_KEYS: tuple[str, ...] = ("article", "reference_date", "language", "complete")

# Sections whose output items can be counted for precision. The others are checks (a forbidden
# item, a mention's actor), where "an output item that matches no gold item" means nothing.
COMPLETABLE: tuple[str, ...] = ("document", "entities", "claims", "contradictions", "judgements", "events")

# Date precisions a gold start/end may carry, and how much of the date each needs.
# "week": within six days either side of the value ("last week" before a Saturday: FORMAT.md).
PRECISIONS: dict[str, int] = {"day": 3, "week": 3, "month-part": 3, "month": 2, "year": 1}

ENTITY_TYPES: tuple[str, ...] = get_args(EntityType)
MODALITIES: tuple[str, ...] = get_args(Modality)
DOCUMENT_LIST_KEYS: tuple[str, ...] = ("captions", "links", "related_articles")

INFORMATIONAL: dict[str, tuple[str, ...]] = {
    "entities": ("id", "role", "within"),
    "claims": ("id",),
    "claims.quantity": ("approximate", "of"),
    "events": ("id", "equipment", "operation"),
}

_ISO_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True, slots=True)
class Gold:
    path: Path
    article: Path
    reference_date: dt.date | None
    language: str | None
    complete: tuple[str, ...]
    sections: dict[str, Any]  # section name -> validated value; only sections the file has
    record: str | None = None  # ``file.jsonl#id``: the id of the JSON Lines record described

    @property
    def unscored(self) -> list[str]:
        return [name for name in UNSCORED_SECTIONS if name in self.sections]


def load_gold(path: Path) -> Gold:
    """Read, parse and check one gold file; resolve its article path (which must exist)."""
    source = source_name(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise NotFoundError("no such gold file", path=source) from None
    except (IsADirectoryError, PermissionError) as error:
        raise NotFoundError(f"cannot read gold file ({error.strerror})", path=source) from None
    except UnicodeDecodeError:
        raise GoldError("gold file is not UTF-8 text", path=source) from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        problem = getattr(error, "problem", None) or "not valid YAML"
        raise GoldError(f"invalid YAML{where}: {problem}", path=source) from None
    gold = parse_gold(data, path=path)
    if not gold.article.is_file():
        raise GoldError(f"article {gold.article} does not exist (article: is relative to "
                        f"{path.resolve().parent.parent})", path=source)  # fmt: skip
    return gold


def parse_gold(data: Any, *, path: Path) -> Gold:
    """Check the structure of a parsed gold file (``data``) and return it as a ``Gold``."""
    source = source_name(path)

    def fail(message: str) -> GoldError:
        return GoldError(message, path=source)

    if not isinstance(data, dict):
        raise fail("a gold file is a mapping of sections (see shared/gold/FORMAT.md)")
    known = (*HEADER_KEYS, *SCORED_SECTIONS, *UNSCORED_SECTIONS)
    for key in data:
        if key not in known:
            raise fail(f"unknown section {key!r}; valid: {', '.join(known)}")
    article = data.get("article")
    if not isinstance(article, str) or not article.strip():
        raise fail("'article' (the input's path, relative to the gold folder's parent) is required")
    # FORMAT.md: "file.jsonl#id names one line of a JSON Lines file".
    article, _, record = article.partition("#")
    article_path = Path(article)
    if not article_path.is_absolute():
        article_path = path.resolve().parent.parent / article_path
    checker = _Checker(fail)
    reference_date = checker.reference_date(data.get("reference_date"))
    language = data.get("language")
    if language is not None and not isinstance(language, str):
        raise fail("'language' must be a language code such as en")
    complete = checker.complete(data.get("complete"), present=[k for k in data if k in SCORED_SECTIONS])
    sections = {name: checker.section(name, data[name]) for name in (*SCORED_SECTIONS, *UNSCORED_SECTIONS)
                if name in data}  # fmt: skip
    checker.references(sections)
    if "events" in complete:
        for i, event in enumerate(sections.get("events", [])):
            if "contains" not in event:
                raise fail(f"events[{i}]: 'contains' is required where events are complete (the phrase of its sentence)")
    return Gold(path=path, article=article_path, reference_date=reference_date, language=language,
                complete=complete, sections=sections, record=record.strip() or None)  # fmt: skip


# --------------------------------------------------------------------------------------------
# Value checkers: (value, where) -> the value as the matcher wants it, or a GoldError.

_Check = Callable[[Any, str], Any]


class _Checker:
    def __init__(self, fail: Callable[[str], GoldError]) -> None:
        self.fail = fail

    # --- header ------------------------------------------------------------------------------

    def reference_date(self, value: Any) -> dt.date | None:
        if value is None:
            return None
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value.strip())
            except ValueError:
                pass
        raise self.fail(f"reference_date must be a date like 2019-07-23, not {value!r}")

    def complete(self, value: Any, *, present: list[str]) -> tuple[str, ...]:
        if value is None:
            return ()
        names = self.str_list(value, "complete")
        for name in names:
            if name not in COMPLETABLE:
                raise self.fail(f"complete: {name!r} cannot be complete; valid: {', '.join(COMPLETABLE)}")
            if name not in present:
                raise self.fail(f"complete: names {name!r}, but the file has no {name} section")
        return tuple(dict.fromkeys(names))

    # --- sections ----------------------------------------------------------------------------

    def section(self, name: str, value: Any) -> Any:
        if name == "document":
            return self.document(value)
        schema, required = _ITEM_SCHEMAS[name]
        if value is None:
            return []
        if not isinstance(value, list):
            raise self.fail(f"{name} must be a list")
        if name == "contradictions":
            return [self.pair(item, f"{name}[{i}]") for i, item in enumerate(value)]
        items = [self.item(item, f"{name}[{i}]", schema(self), required, open_keys=True)
                 for i, item in enumerate(value)]  # fmt: skip
        self.unique_ids(name, items)
        if name == "claims":
            for i, item in enumerate(items):
                if "source" not in item and "source_text" not in item:
                    raise self.fail(f"claims[{i}]: give 'source' (an entity id) or 'source_text'")
        return items

    def document(self, value: Any) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail("document must be a mapping")
        schema: dict[str, _Check] = {
            "title": self.text,
            "captions": self.str_list,
            "original_publisher": self.text,
            "links": lambda v, w: self.records(v, w, "url", ("url", "anchor")),
            "related_articles": lambda v, w: self.records(v, w, "title", ("title", "url")),
            "body_starts_with": self.text,
            "body_ends_with": self.text,
            "body_paragraphs": self.paragraph_count,
            "body_must_contain": self.str_list,
            "body_must_not_contain": self.str_list,
        }
        return self.item(value, "document", schema, ())

    def item(self, value: Any, where: str, schema: dict[str, _Check], required: tuple[str, ...],
             *, open_keys: bool = False) -> dict:  # fmt: skip
        """``open_keys``: keys the schema lacks are informational (dropped), unless they look like a
        typo of a known key; closed items (document, links, bounds) reject every unknown key."""
        if not isinstance(value, dict):
            raise self.fail(f"{where} must be a mapping")
        for key in value:
            if key not in schema and (not open_keys or _looks_like_typo(str(key), schema)):
                raise self.fail(f"{where}: unknown key {key!r}; valid: {', '.join(schema)}")
        for key in required:
            if value.get(key) is None:
                raise self.fail(f"{where}: {key!r} is required")
        return {key: schema[key](v, f"{where}.{key}") for key, v in value.items() if v is not None and key in schema}

    def unique_ids(self, name: str, items: list[dict]) -> None:
        seen: set[str] = set()
        for i, item in enumerate(items):
            if "id" in item:
                if item["id"] in seen:
                    raise self.fail(f"{name}[{i}]: duplicate id {item['id']!r}")
                seen.add(item["id"])

    def references(self, sections: dict[str, Any]) -> None:
        """Entity ids and claim ids used elsewhere must exist."""
        entity_ids = {e["id"] for e in sections.get("entities", []) if "id" in e}
        claim_ids = {c["id"] for c in sections.get("claims", []) if "id" in c}

        def need(ids: set[str], kind: str, value: str, where: str) -> None:
            if value not in ids:
                known = ", ".join(sorted(ids)) or "none"
                raise self.fail(f"{where}: {value!r} is not a {kind} id of this file; known: {known}")

        for i, claim in enumerate(sections.get("claims", [])):
            if "source" in claim:
                need(entity_ids, "entity", claim["source"], f"claims[{i}].source")
        for i, event in enumerate(sections.get("events", [])):
            for key in ("location", "origin", "operation"):
                if key in event:
                    need(entity_ids, "entity", event[key], f"events[{i}].{key}")
            for value in event.get("equipment", []):
                need(entity_ids, "entity", value, f"events[{i}].equipment")
        for i, pair in enumerate(sections.get("contradictions", [])):
            for value in pair:
                need(claim_ids, "claim", value, f"contradictions[{i}]")

    # --- values ------------------------------------------------------------------------------

    def text(self, value: Any, where: str) -> str:
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            raise self.fail(f"{where} must be a string")
        text = str(value)
        if not text.strip():
            raise self.fail(f"{where} must not be empty")
        return text

    def str_list(self, value: Any, where: str) -> list[str]:
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            raise self.fail(f"{where} must be a list of strings")
        return [self.text(v, f"{where}[{i}]") for i, v in enumerate(value)]

    def records(self, value: Any, where: str, main: str, keys: tuple[str, ...]) -> list[dict[str, str]]:
        """A list of strings (the ``main`` field) or of mappings with ``keys``."""
        if not isinstance(value, list):
            raise self.fail(f"{where} must be a list")
        out = []
        for i, item in enumerate(value):
            if isinstance(item, dict):
                schema = dict.fromkeys(keys, self.text)
                out.append(self.item(item, f"{where}[{i}]", schema, (main,)))
            else:
                out.append({main: self.text(item, f"{where}[{i}]")})
        return out

    def count(self, value: Any, where: str) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise self.fail(f"{where} must be a whole number ≥ 0, not {value!r}")
        return value

    def number(self, value: Any, where: str) -> float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.fail(f"{where} must be a number, not {value!r}")
        return float(value)

    def flag(self, value: Any, where: str) -> bool:
        if not isinstance(value, bool):
            raise self.fail(f"{where} must be true or false")
        return value

    def paragraph_count(self, value: Any, where: str) -> dict[str, int]:
        if isinstance(value, dict):
            bounds = self.item(value, where, {"min": self.count, "max": self.count}, ())
            if not bounds:
                raise self.fail(f"{where}: give a number or {{min, max}}")
            if bounds.get("min", 0) > bounds.get("max", bounds.get("min", 0)):
                raise self.fail(f"{where}: min is above max")
            return bounds
        number = self.count(value, where)
        return {"min": number, "max": number}

    def choice(self, options: tuple[str, ...]) -> _Check:
        def check(value: Any, where: str) -> str:
            if value not in options:
                raise self.fail(f"{where}: {value!r} is not one of {', '.join(options)}")
            return value

        return check

    def band(self, value: Any, where: str) -> list[float]:
        if not isinstance(value, list) or len(value) != 2:
            raise self.fail(f"{where} must be [low, high]")
        low, high = (self.number(v, where) for v in value)
        if not 0.0 <= low <= high <= 1.0:
            raise self.fail(f"{where} must satisfy 0 ≤ low ≤ high ≤ 1, not {value!r}")
        return [low, high]

    def pair(self, value: Any, where: str) -> list[str]:
        if not isinstance(value, list) or len(value) != 2:
            raise self.fail(f"{where} must be a pair of claim ids [a, b]")
        pair = [self.text(v, where) for v in value]
        if pair[0] == pair[1]:
            raise self.fail(f"{where}: a claim cannot contradict itself")
        return pair

    def quantity(self, value: Any, where: str) -> dict[str, Any]:
        schema = {"value": self.number, "unit": self.text, "approximate": self.flag, "of": self.text}
        return self.item(value, where, schema, ("value",), open_keys=True)

    def types(self, value: Any, where: str) -> list[str]:
        """An event type, or a list of the types a careful analyst would accept: always a list."""
        types = [t.strip().upper() for t in self.str_list(value, where)]
        if not types:
            raise self.fail(f"{where} must name at least one type")
        return types

    def when(self, value: Any, where: str) -> dict[str, str]:
        """``{value, precision}``: the value as an ISO string with as many parts as it has."""
        spec = self.item(value, where, {"value": lambda v, _w: v, "precision": self.choice(tuple(PRECISIONS))},
                         ("value", "precision"))  # fmt: skip
        raw = spec["value"]
        if isinstance(raw, dt.datetime):
            raw = raw.date()
        iso = raw.isoformat() if isinstance(raw, dt.date) else str(raw).strip()
        match = _ISO_PARTIAL.match(iso)
        if match is None:
            raise self.fail(f"{where}.value must be a date (2022, 2022-01 or 2022-01-15), not {raw!r}")
        parts = sum(1 for g in match.groups() if g is not None)
        if parts < PRECISIONS[spec["precision"]]:
            raise self.fail(f"{where}: a {spec['precision']} precision needs a fuller date than {iso}")
        try:
            dt.date(int(match[1]), int(match[2] or 1), int(match[3] or 1))
        except ValueError:
            raise self.fail(f"{where}.value {iso} is not a real date") from None
        return {"value": iso, "precision": spec["precision"]}


def _looks_like_typo(key: str, schema: dict[str, _Check]) -> bool:
    return bool(difflib.get_close_matches(key, list(schema), n=1, cutoff=0.8))


def _entity_schema(c: _Checker) -> dict[str, _Check]:
    return {"id": c.text, "name": c.text, "type": c.choice(ENTITY_TYPES), "aliases": c.str_list,
            "actor": c.text, "kind": c.text, "iso": c.text, "category": c.text, "origin": c.text,
            "min_mentions": c.count, "role": c.text, "within": c.text}  # fmt: skip


def _entity_not_schema(c: _Checker) -> dict[str, _Check]:
    return {"text": c.text, "type": c.choice(ENTITY_TYPES), "as": c.choice(("event location",))}


def _actor_mention_schema(c: _Checker) -> dict[str, _Check]:
    return {"text": c.text, "actor": c.text}


def _claim_schema(c: _Checker) -> dict[str, _Check]:
    return {"id": c.text, "source": c.text, "source_text": c.text, "source_actor": c.text, "cue": c.text,
            "content_contains": c.text, "quantity": c.quantity, "optional": c.flag}  # fmt: skip


def _judgement_schema(c: _Checker) -> dict[str, _Check]:
    return {"contains": c.text, "band": c.band, "condition": c.text}


def _event_schema(c: _Checker) -> dict[str, _Check]:
    return {"id": c.text, "type": c.types, "mode": c.text, "actors": c.str_list, "targets": c.str_list,
            "location": c.text, "origin": c.text, "start": c.when, "end": c.when,
            "modality": c.choice(MODALITIES), "condition_contains": c.text, "equipment": c.str_list,
            "operation": c.text, "contains": c.text, "optional": c.flag}  # fmt: skip


def _hypothetical_schema(c: _Checker) -> dict[str, _Check]:
    return {"contains": c.text, "type": c.text}


def _scenario_schema(c: _Checker) -> dict[str, _Check]:
    return {"name": c.text, "desirability": c.text}


def _no_schema(c: _Checker) -> dict[str, _Check]:  # contradictions are pairs, checked by _Checker.pair
    return {}


_ITEM_SCHEMAS: dict[str, tuple[Callable[[_Checker], dict[str, _Check]], tuple[str, ...]]] = {
    "entities": (_entity_schema, ("name", "type")),
    "entities_not": (_entity_not_schema, ("text",)),
    "actor_mentions": (_actor_mention_schema, ("text", "actor")),
    "claims": (_claim_schema, ("cue", "content_contains")),
    "contradictions": (_no_schema, ()),
    "judgements": (_judgement_schema, ("contains", "band")),
    "events": (_event_schema, ("type", "actors")),
    "events_hypothetical": (_hypothetical_schema, ("contains",)),
    "scenarios": (_scenario_schema, ("name",)),
}
