"""Military equipment and named operations/exercises: typed records from ``kb/data``.

    load_equipment_kb() / load_operations_kb()  the whole file: version, validity, vocabulary, entries
    load_equipment() / load_operations()        the entries (tuples of frozen records), cached
    equipment_by_alias() / operations_by_alias()  normalised alias -> entries claiming it
    build_alias_index(entries)                  the same index for any entries, collisions checked
    compile_operation_patterns()                the regexes that recognise unlisted names
    normalize_alias(text)                       the matching key shared by everything above
    KBDataError                                 (from kb.common) a data file breaks its own rules

normalize_alias is deliberately more aggressive than kb.common.normalize_name: designations are
written with and without their separators ("F-16", "F 16", "F16"; "AK-47", "AK47"), so every
separator is dropped, not just unified.

Both files document their schema in their header comment. The loader enforces it: required fields,
the category vocabulary, ISO3-shaped codes, unique ids, ``variant_of`` targets, ISO dates, and
alias collisions — two entries may claim the same normalised alias only if both list it under
``ambiguous`` (a deliberate, declared ambiguity such as "Hawk": the MIM-23 and the BAE trainer).
"""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType
from typing import Any, TypeVar

from newsint.kb.common import FieldChecker, KBDataError, load_data_file

__all__ = [
    "EQUIPMENT_FILE",
    "OPERATIONS_FILE",
    "PLATFORM_CATEGORIES",
    "EquipmentEntry",
    "EquipmentKB",
    "KBDataError",
    "OperationEntry",
    "OperationMatch",
    "OperationPattern",
    "OperationsKB",
    "build_alias_index",
    "compile_operation_patterns",
    "equipment_by_alias",
    "equipment_kind",
    "load_equipment",
    "load_equipment_kb",
    "load_operations",
    "load_operations_kb",
    "normalize_alias",
    "operations_by_alias",
]

EQUIPMENT_FILE = "equipment.yaml"
OPERATIONS_FILE = "operations.yaml"

_ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_ISO3_RE = re.compile(r"^[A-Z]{3}$")
# Full date, year-month or year: only as precise as the source is sure of.
_DATE_RE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")

# Characters that never distinguish two names: whitespace, every hyphen and dash, dots, slashes,
# underscores, apostrophes and quotes ("F-16V" == "F 16V" == "F16V", "David's" == "Davids").
_SEPARATORS_RE = re.compile(r"[\s\-‐‑‒–—―−_./\\'’‘`\"“”·]+")
# Letters that do not decompose under NFKD but that reporters write without the mark.
_FOLD = str.maketrans({"ı": "i", "ø": "o", "đ": "d", "ł": "l", "ß": "ss", "ə": "e", "æ": "ae", "œ": "oe"})

_EQUIPMENT_FIELDS = {"id", "name", "aliases", "category", "origin", "partners", "variant_of", "wikidata", "ambiguous"}
_OPERATION_FIELDS = {
    "id",
    "name",
    "aliases",
    "category",
    "participants",
    "start",
    "end",
    "country",
    "recurring",
    "ambiguous",
    "wikidata",
}
_PATTERN_FIELDS = {"id", "category", "description", "regex", "guard", "examples"}


# Categories whose members carry people or weapons (aircraft, ships, armoured vehicles) rather
# than being the weapon fired: the platform/weapon split analysts (and re3d's MilitaryPlatform vs
# Weapon) draw. Self-propelled guns and rocket launchers stay weapons: they are named as artillery.
# Covers the categories of equipment.yaml and of equipment_generic.yaml.
PLATFORM_CATEGORIES = frozenset(
    {
        "combat aircraft",
        "attack aircraft",
        "bomber",
        "transport aircraft",
        "tanker aircraft",
        "airborne early warning aircraft",
        "reconnaissance aircraft",
        "trainer aircraft",
        "military aircraft",
        "attack helicopter",
        "helicopter",
        "drone",
        "naval drone",
        "main battle tank",
        "infantry fighting vehicle",
        "armoured personnel carrier",
        "armoured vehicle",
        "military vehicle",
        "engineering vehicle",
        "aircraft carrier",
        "warship",
        "amphibious warfare ship",
        "submarine",
    }
)


def equipment_kind(category: str | None) -> str:
    """The kind of equipment: "platform" for a carrier (aircraft, ship, armoured vehicle), else "weapon"."""
    return "platform" if category in PLATFORM_CATEGORIES else "weapon"


def normalize_alias(text: str) -> str:
    """The matching key of a name: case-folded, accents and separators removed.

    >>> normalize_alias("F-16V") == normalize_alias("F 16V") == normalize_alias("F16V")
    True
    >>> normalize_alias("Bayraktar Akıncı") == normalize_alias("Bayraktar Akinci")
    True
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_FOLD))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SEPARATORS_RE.sub("", stripped.translate(_FOLD))


# --------------------------------------------------------------------------------------------- records


class _NamedEntry:
    """Surface forms and ambiguity, shared by equipment and operation entries (each a frozen
    dataclass with ``name``, ``aliases`` and ``ambiguous``)."""

    __slots__ = ()
    name: str
    aliases: tuple[str, ...]
    ambiguous: tuple[str, ...]

    @property
    def surface_forms(self) -> tuple[str, ...]:
        """The canonical name followed by every alias."""
        return (self.name, *self.aliases)

    def is_ambiguous(self, text: str) -> bool:
        """Whether this surface form needs context before it is taken as this entry."""
        key = normalize_alias(text)
        return any(normalize_alias(a) == key for a in self.ambiguous)


@dataclass(frozen=True, slots=True)
class EquipmentEntry(_NamedEntry):
    id: str
    name: str
    aliases: tuple[str, ...]
    category: str
    origin: str
    partners: tuple[str, ...] = ()
    variant_of: str | None = None
    wikidata: str | None = None
    ambiguous: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class OperationEntry(_NamedEntry):
    id: str
    name: str
    aliases: tuple[str, ...]
    category: str
    participants: tuple[str, ...]
    start: str | None = None
    end: str | None = None
    country: tuple[str, ...] = ()
    recurring: bool = False
    ambiguous: tuple[str, ...] = ()
    wikidata: str | None = None


@dataclass(frozen=True, slots=True)
class EquipmentKB:
    version: str
    valid_as_of: str
    categories: Mapping[str, str]
    entries: tuple[EquipmentEntry, ...]


@dataclass(frozen=True, slots=True)
class OperationMatch:
    pattern: str  # the pattern id
    category: str
    name: str
    start: int  # character offsets of the name in the searched text
    end: int


@dataclass(frozen=True, slots=True)
class OperationPattern:
    id: str
    category: str
    regex: re.Pattern[str]
    guard: frozenset[str]
    description: str = ""

    def finditer(self, text: str) -> Iterator[OperationMatch]:
        """Names this pattern finds in ``text``, guard words dropped."""
        for m in self.regex.finditer(text):
            head = m.group("head") if "head" in self.regex.groupindex else m.group("name").split()[0]
            if head.casefold() in self.guard:
                continue
            yield OperationMatch(self.id, self.category, m.group("name"), m.start("name"), m.end("name"))


@dataclass(frozen=True, slots=True)
class OperationsKB:
    version: str
    valid_as_of: str
    categories: Mapping[str, str]
    organisations: Mapping[str, str]
    entries: tuple[OperationEntry, ...]
    patterns: tuple[Mapping[str, Any], ...]  # raw pattern specs; compile_operation_patterns() compiles


# --------------------------------------------------------------------------------------------- loading


def _read(filename: str) -> dict[str, Any]:
    """The file through the shared loader (header checked there), then this schema's top level."""
    data = load_data_file(filename)
    for key in ("categories", "entries"):
        if key not in data:
            raise KBDataError(f"missing top-level field {key!r}", path=filename)
    if not isinstance(data["categories"], dict) or not isinstance(data["entries"], list):
        raise KBDataError("'categories' must be a mapping and 'entries' a list", path=filename)
    return data


class _Checker(FieldChecker):
    """Field checks for equipment and operations (names matched under normalize_alias)."""

    @staticmethod
    def normalize(text: str) -> str:
        return normalize_alias(text)

    def __init__(self, filename: str, raw: Any, index: int) -> None:
        entry_id = raw.get("id", f"#{index}") if isinstance(raw, dict) else f"#{index}"
        super().__init__(filename, raw, f"entry {entry_id!r}")

    def codes(self, key: str, valid: set[str] | None = None) -> tuple[str, ...]:
        codes = self.texts(key)
        for code in codes:
            if not (_ISO3_RE.match(code) or (valid is not None and code in valid)):
                raise self.fail(
                    f"{key!r} holds {code!r}: expected an ISO 3166-1 alpha-3 code"
                    + (f" or one of {sorted(valid)}" if valid else "")
                )
        return codes

    def date(self, key: str) -> str | None:
        value = self.raw.get(key)
        if value is None:
            return None
        if isinstance(value, _dt.date):  # an unquoted date in YAML
            value = value.isoformat()
        elif isinstance(value, int):  # an unquoted year
            value = str(value)
        if not isinstance(value, str) or not _DATE_RE.match(value):
            raise self.fail(f"{key!r} must be an ISO date (YYYY, YYYY-MM or YYYY-MM-DD), got {value!r}")
        parts = [int(p) for p in value.split("-")]
        try:
            _dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
        except ValueError as exc:
            raise self.fail(f"{key!r} is not a real date: {value!r}") from exc
        return value

    def category(self, categories: Mapping[str, str]) -> str:
        value = self.text("category")
        assert value is not None
        if value not in categories:
            raise self.fail(f"category {value!r} is not in the vocabulary: {sorted(categories)}")
        return value

    def ambiguous(self, surface: tuple[str, ...]) -> tuple[str, ...]:
        flagged = self.texts("ambiguous")
        keys = {normalize_alias(s) for s in surface}
        for item in flagged:
            if normalize_alias(item) not in keys:
                raise self.fail(f"ambiguous {item!r} is neither the name nor an alias")
        return flagged


def _check_ids(filename: str, entries: tuple[EquipmentEntry, ...] | tuple[OperationEntry, ...]) -> None:
    seen: set[str] = set()
    for entry in entries:
        if not _ID_RE.match(entry.id):
            raise KBDataError(f"{filename}: entry {entry.id!r}: id must be a slug of [a-z0-9-]")
        if entry.id in seen:
            raise KBDataError(f"{filename}: duplicate id {entry.id!r}")
        seen.add(entry.id)


_E = TypeVar("_E", EquipmentEntry, OperationEntry)


def build_alias_index(entries: tuple[_E, ...], filename: str = "<entries>") -> Mapping[str, tuple[_E, ...]]:
    """normalised alias -> entries; a shared key must be declared ambiguous by every claimant."""
    index: dict[str, list[_E]] = {}
    for entry in entries:
        for key in dict.fromkeys(normalize_alias(form) for form in entry.surface_forms):
            index.setdefault(key, []).append(entry)
    for key, claimants in index.items():
        if len(claimants) > 1:
            undeclared = [e.id for e in claimants if not any(normalize_alias(a) == key for a in e.ambiguous)]
            if undeclared:
                ids = ", ".join(e.id for e in claimants)
                raise KBDataError(
                    f"{filename}: alias collision on {key!r} between {ids}; undeclared in {undeclared} "
                    "(list it under 'ambiguous' in every entry that claims it, or drop it from all but one)"
                )
    return MappingProxyType({key: tuple(value) for key, value in index.items()})


@cache
def load_equipment_kb() -> EquipmentKB:
    """equipment.yaml, validated (see the file's header for the rules)."""
    data = _read(EQUIPMENT_FILE)
    categories = MappingProxyType({str(k): str(v) for k, v in data["categories"].items()})
    entries: list[EquipmentEntry] = []
    for i, raw in enumerate(data["entries"]):
        c = _Checker(EQUIPMENT_FILE, raw, i)
        c.allowed(_EQUIPMENT_FIELDS, ("id", "name", "aliases", "category", "origin"))
        name, aliases = c.text("name"), c.texts("aliases")
        assert name is not None
        origin = raw.get("origin")
        if not isinstance(origin, str) or not _ISO3_RE.match(origin):
            raise c.fail(
                f"origin must be one ISO 3166-1 alpha-3 code (joint designs: lead here, all in "
                f"'partners'), got {origin!r}"
            )
        partners = c.codes("partners")
        if partners and origin not in partners:
            raise c.fail(f"partners {list(partners)} must include the origin {origin!r}")
        entries.append(
            EquipmentEntry(
                id=str(raw["id"]),
                name=name,
                aliases=aliases,
                category=c.category(categories),
                origin=origin,
                partners=partners,
                variant_of=c.text("variant_of", optional=True),
                wikidata=c.wikidata(),
                ambiguous=c.ambiguous((name, *aliases)),
            )
        )
    result = tuple(entries)
    _check_ids(EQUIPMENT_FILE, result)
    _check_variants(EQUIPMENT_FILE, result)
    build_alias_index(result, EQUIPMENT_FILE)
    return EquipmentKB(str(data["version"]), str(data["valid_as_of"]), categories, result)


def _check_variants(filename: str, entries: tuple[EquipmentEntry, ...]) -> None:
    parents = {e.id: e.variant_of for e in entries}
    for entry in entries:
        seen = {entry.id}
        parent = entry.variant_of
        while parent is not None:
            if parent not in parents:
                raise KBDataError(f"{filename}: entry {entry.id!r}: variant_of {parent!r} is not an id")
            if parent in seen:
                raise KBDataError(f"{filename}: entry {entry.id!r}: variant_of forms a cycle")
            seen.add(parent)
            parent = parents[parent]


@cache
def load_operations_kb() -> OperationsKB:
    """operations.yaml, validated (see the file's header for the rules)."""
    data = _read(OPERATIONS_FILE)
    categories = MappingProxyType({str(k): str(v) for k, v in data["categories"].items()})
    organisations = MappingProxyType({str(k): str(v) for k, v in (data.get("organisations") or {}).items()})
    entries: list[OperationEntry] = []
    for i, raw in enumerate(data["entries"]):
        c = _Checker(OPERATIONS_FILE, raw, i)
        c.allowed(_OPERATION_FIELDS, ("id", "name", "aliases", "category", "participants"))
        name, aliases = c.text("name"), c.texts("aliases")
        assert name is not None
        participants = c.codes("participants", set(organisations))
        if not participants:
            raise c.fail("participants must name at least one country or organisation")
        start, end = c.date("start"), c.date("end")
        if start and end and end < start:
            raise c.fail(f"end {end} is before start {start}")
        recurring = raw.get("recurring", False)
        if not isinstance(recurring, bool):
            raise c.fail("recurring must be true or false")
        entries.append(
            OperationEntry(
                id=str(raw["id"]),
                name=name,
                aliases=aliases,
                category=c.category(categories),
                participants=participants,
                start=start,
                end=end,
                country=c.codes("country"),
                recurring=recurring,
                ambiguous=c.ambiguous((name, *aliases)),
                wikidata=c.wikidata(),
            )
        )
    result = tuple(entries)
    _check_ids(OPERATIONS_FILE, result)
    build_alias_index(result, OPERATIONS_FILE)
    patterns = data.get("patterns") or []
    if not isinstance(patterns, list) or not all(isinstance(p, dict) for p in patterns):
        raise KBDataError(f"{OPERATIONS_FILE}: 'patterns' must be a list of mappings")
    return OperationsKB(
        str(data["version"]),
        str(data["valid_as_of"]),
        categories,
        organisations,
        result,
        tuple(MappingProxyType(p) for p in patterns),
    )


def load_equipment() -> tuple[EquipmentEntry, ...]:
    return load_equipment_kb().entries


def load_operations() -> tuple[OperationEntry, ...]:
    return load_operations_kb().entries


@cache
def equipment_by_alias() -> Mapping[str, tuple[EquipmentEntry, ...]]:
    """normalize_alias(form) -> the entries with that name or alias (several only if declared ambiguous)."""
    return build_alias_index(load_equipment(), EQUIPMENT_FILE)


@cache
def operations_by_alias() -> Mapping[str, tuple[OperationEntry, ...]]:
    return build_alias_index(load_operations(), OPERATIONS_FILE)


@cache
def compile_operation_patterns() -> tuple[OperationPattern, ...]:
    """The ``patterns`` of operations.yaml, compiled; each has a ``name`` group, most a ``head``."""
    kb = load_operations_kb()
    compiled: list[OperationPattern] = []
    for spec in kb.patterns:
        where = f"{OPERATIONS_FILE}: pattern {spec.get('id')!r}"
        unknown = set(spec) - _PATTERN_FIELDS
        if unknown:
            raise KBDataError(f"{where}: unknown field(s) {sorted(unknown)}")
        if spec.get("category") not in kb.categories:
            raise KBDataError(f"{where}: category {spec.get('category')!r} not in {sorted(kb.categories)}")
        try:
            regex = re.compile(str(spec["regex"]))
        except (KeyError, re.error) as exc:
            raise KBDataError(f"{where}: regex does not compile: {exc}") from exc
        if "name" not in regex.groupindex:
            raise KBDataError(f"{where}: regex has no (?P<name>...) group")
        guard = spec.get("guard") or []
        if not isinstance(guard, list) or not all(isinstance(g, str) for g in guard):
            raise KBDataError(f"{where}: guard must be a list of words")
        compiled.append(
            OperationPattern(
                id=str(spec["id"]),
                category=str(spec["category"]),
                regex=regex,
                guard=frozenset(g.casefold() for g in guard),
                description=str(spec.get("description", "")),
            )
        )
    ids = [p.id for p in compiled]
    if len(ids) != len(set(ids)):
        raise KBDataError(f"{OPERATIONS_FILE}: duplicate pattern ids in {ids}")
    return tuple(compiled)
