"""Political and military actors: people with their terms of office, and organisations.

    load_people() / load_organisations()      typed, frozen records from kb/data, cached
    person("recep-tayyip-erdogan")            a Person by id (organisation(id) likewise)
    lookup_person("Erdogan")                  people a name or alias can mean
    lookup_organisation("NATO")               organisations: abbreviations match with their case
    people_by_alias() / organisations_by_alias()   normalised name -> entries (with a text: its lookup)
    people_by_surname("Zelenskyy")            people whose surname is that word
    roles_at(person, date)                    the roles true at a date (start..end inclusive); for an
                                              OnOrAfter bound, the open terms begun by it
    actor_code(person, date)                  the actor of the most senior role then ("BLR GOV")
    role_holder("BLR", "head_of_state", date) the one Person holding that office then, or None
    term_conflicts()                          two holders of one single-holder office at once

Dates: a role is true from its start to its end, both inclusive; an open end means "still true"
(as of the file's ``valid_as_of``). The files never invent a day, so partial dates are honest
intervals: a start of "2019-05" counts from 2019-05-01, an end of "2019-05" until 2019-05-31.
Where two terms share a partial month the office is ambiguous in that month and ``role_holder``
says None; where one ends and the next starts on the same day (a handover) the incoming holder
is returned.

Matching: names and aliases are indexed under ``kb.common.normalize_name`` (case, accents,
punctuation and a leading "the" do not matter). Short all-capital aliases (NATO, IDF, SDF, AP)
are indexed only under ``abbreviation_key``, case kept: "IS" and "AP" are words in lower case.
House styles that write an acronym in title case ("Nato", "Isis") are listed as aliases of
their own, so "Nato" (and therefore "nato") matches by name while "is" never matches.

Loader errors (``KBDataError``): unknown fields, a missing required field, a duplicate id, an
unknown kind, an actor code that is neither ``<ISO3> <SECTOR>`` nor a code declared in
organisations.yaml, a start after its end, and an alias two entries share that is not listed
under ``ambiguous`` in every entry claiming it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType
from typing import Any, TypeVar, overload

from newsint.dates import DateError, OnOrAfter, PartialDate, as_date
from newsint.kb.common import (
    FieldChecker,
    KBDataError,
    abbreviation_key,
    is_abbreviation,
    load_data_file,
    normalize_name,
)
from newsint.kb.countries import SECTORS, country

__all__ = [
    "ORGANISATIONS_FILE",
    "ORGANISATION_KINDS",
    "PEOPLE_FILE",
    "ROLE_KINDS",
    "SINGLE_HOLDER_KINDS",
    "KBDataError",
    "Organisation",
    "Person",
    "Role",
    "StatusPeriod",
    "actor_code",
    "igo_codes",
    "load_organisations",
    "load_people",
    "lookup_organisation",
    "lookup_person",
    "organisation",
    "organisations_by_abbreviation",
    "organisations_by_alias",
    "people_by_abbreviation",
    "people_by_alias",
    "people_by_surname",
    "person",
    "reset_caches",
    "role_holder",
    "roles_at",
    "term_conflicts",
    "valid_actor_code",
]

PEOPLE_FILE = "people.yaml"
ORGANISATIONS_FILE = "organisations.yaml"

# Most senior first: actor_code() takes the actor of the most senior role held at a date.
ROLE_KINDS = (
    "head_of_state",
    "head_of_government",
    "secretary_general",
    "defence_minister",
    "foreign_minister",
    "other",
)
_SENIORITY = {kind: rank for rank, kind in enumerate(ROLE_KINDS)}
# Offices with one holder at a time (per country or organisation); "other" roles are many.
SINGLE_HOLDER_KINDS = frozenset(ROLE_KINDS) - {"other"}

ORGANISATION_KINDS = (
    "alliance",
    "igo",
    "armed forces",
    "branch",
    "agency",
    "ministry",
    "armed group",
    "media",
    "think tank",
    "party",
    "company",
    "court",
    "legislature",
    "ngo",
)
GENDERS = ("male", "female")

_ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_CODE_RE = re.compile(r"^[A-Z][A-Z0-9]{1,11}$")  # an organisation's own actor code: NATO, EU, ISIS

_PERSON_FIELDS = {
    "id", "name", "aliases", "gender", "wikidata", "roles", "surnames", "ambiguous", "note", "source", "valid_to",
    "uncertain",
}  # fmt: skip
_ROLE_FIELDS = {"role", "kind", "country", "actor", "start", "end", "organisation", "note", "source"}
_ORG_FIELDS = {
    "id", "name", "aliases", "kind", "actor", "country", "wikidata", "ambiguous", "parent", "note", "periods",
}  # fmt: skip
_PERIOD_FIELDS = {"actor", "start", "end", "source", "note"}


# --------------------------------------------------------------------------------------------- records


@dataclass(frozen=True, slots=True)
class Role:
    """One term in one office: "President of Belarus", head_of_state, BLR, BLR GOV, 1994-07-20..open."""

    title: str
    kind: str
    country: str  # ISO3, or an organisation's own code (NATO, UN, EU) for its offices
    actor: str
    start: PartialDate
    end: PartialDate | None = None  # None: still held as of the file's valid_as_of
    organisation: str | None = None  # an organisations.yaml id (Hezbollah's Secretary-General)
    note: str | None = None
    source: str | None = None  # a public page where the term can be checked
    # The last day the entry was checked (its person's ``valid_to``): an open term is not
    # assumed to go on after it — a day past it has no holder rather than a guessed one.
    checked_to: PartialDate | None = None

    @property
    def role(self) -> str:
        """The office's title, under the file's own key name."""
        return self.title

    def active_on(self, day: dt.date | str | PartialDate | OnOrAfter) -> bool:
        """True from the start's earliest day to the end's latest day, both inclusive. For an
        ``OnOrAfter`` bound, true only when the term certainly covers every day from the bound on:
        begun by then (its start's latest day) and still open."""
        if isinstance(day, OnOrAfter):
            return self.end is None and self.checked_to is None and self.start.latest <= day.day
        when = as_date(day)
        if when < self.start.earliest:
            return False
        if self.end is None:
            return self.checked_to is None or when <= self.checked_to.latest
        return when <= self.end.latest

    @property
    def seniority(self) -> int:
        return _SENIORITY[self.kind]


@dataclass(frozen=True, slots=True)
class Person:
    id: str
    name: str
    aliases: tuple[str, ...]
    roles: tuple[Role, ...]
    gender: str | None = None
    wikidata: str | None = None
    surnames: tuple[str, ...] = ()  # normalised; derived from the names unless the file says
    ambiguous: tuple[str, ...] = ()
    note: str | None = None
    source: str | None = None
    # An entry whose terms could not be checked against a public source: the name is still
    # recognised (one entity per person), but it never yields a role or an actor code.
    uncertain: bool = False

    @property
    def kb_id(self) -> str:
        return f"person:{self.id}"

    @property
    def surface_forms(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)

    def roles_at(self, day: dt.date | str | PartialDate | OnOrAfter) -> tuple[Role, ...]:
        return roles_at(self, day)

    def actor_at(self, day: dt.date | str | PartialDate | OnOrAfter) -> str | None:
        return actor_code(self, day)


@dataclass(frozen=True, slots=True)
class StatusPeriod:
    """What a group stood for over a span of time: the Taliban were an insurgency (AFG REB)
    until they took Kabul, the de facto government (AFG GOV) after. Dates as in Role."""

    actor: str
    start: PartialDate | None  # None: since the group's beginning
    end: PartialDate | None = None  # None: still so at the file's valid_as_of
    source: str | None = None
    note: str | None = None

    def active_on(self, day: dt.date | OnOrAfter) -> bool:
        if isinstance(day, OnOrAfter):
            return self.end is None and (self.start is None or self.start.latest <= day.day)
        if self.start is not None and day < self.start.earliest:
            return False
        return self.end is None or day <= self.end.latest


@dataclass(frozen=True, slots=True)
class Organisation:
    id: str
    name: str
    aliases: tuple[str, ...]
    kind: str
    actor: str | None  # what it stands for now (valid_as_of), or on any day no period covers
    country: str | None
    wikidata: str | None = None
    ambiguous: tuple[str, ...] = ()
    parent: str | None = None
    note: str | None = None
    periods: tuple[StatusPeriod, ...] = ()  # what it stood for when; earliest first

    @property
    def kb_id(self) -> str:
        return f"org:{self.id}"

    @property
    def surface_forms(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)

    def is_ambiguous(self, text: str) -> bool:
        """Whether this surface form needs context before it is taken as this organisation."""
        return _is_flagged(text, self.ambiguous)

    def actor_at(self, day: dt.date | str | PartialDate | OnOrAfter | None) -> str | None:
        """The actor code true on ``day``: a 2019 article's Taliban are AFG REB, a 2023
        article's AFG GOV. Without a date, or on a day no period covers, ``actor``; a day that
        falls in a partial month two periods share is not decided, so it has no code."""
        if not self.periods or day is None:
            return self.actor
        when = day if isinstance(day, OnOrAfter) else as_date(day)
        held = {p.actor for p in self.periods if p.active_on(when)}
        if len(held) == 1:
            return next(iter(held))
        return None if held else self.actor


def _is_flagged(text: str, flagged: tuple[str, ...]) -> bool:
    if is_abbreviation(text):
        return any(abbreviation_key(a) == abbreviation_key(text) for a in flagged)
    key = normalize_name(text)
    return any(normalize_name(a) == key for a in flagged if not is_abbreviation(a))


# --------------------------------------------------------------------------------------------- checks


class _Checker(FieldChecker):
    """Field checks for people and organisations (names matched under normalize_name)."""

    def choice(self, key: str, allowed: tuple[str, ...], *, optional: bool = False) -> str | None:
        value = self.raw.get(key)
        if value is None and optional:
            return None
        if value not in allowed:
            raise self.fail(f"{key} {value!r} is not one of {list(allowed)}")
        return str(value)

    def date(self, key: str, *, optional: bool = False) -> PartialDate | None:
        value = self.raw.get(key)
        if value is None:
            if optional:
                return None
            raise self.fail(f"missing required field {key!r}")
        try:
            return PartialDate.parse(value, where=f"{self.filename}: {self.where}: {key}")
        except DateError as error:  # a date in a data file that is not one: a bug in the data
            raise KBDataError(str(error)) from None

    def ambiguous(self, surface: tuple[str, ...]) -> tuple[str, ...]:
        flagged = self.texts("ambiguous")
        for item in flagged:
            if not _is_flagged(item, surface):
                raise self.fail(f"ambiguous {item!r} is neither the name nor an alias")
        return flagged


def valid_actor_code(code: str, igo: Mapping[str, str] | None = None) -> bool:
    """``<ISO3> <SECTOR>`` for a known country and sector, or an organisation's own declared code."""
    parts = code.split(" ")
    if len(parts) == 2:
        return parts[1] in SECTORS and len(parts[0]) == 3 and country(parts[0]) is not None
    return len(parts) == 1 and _CODE_RE.match(code) is not None and code in (igo if igo is not None else igo_codes())


def _check_ids(filename: str, ids: Iterable[str]) -> None:
    seen: set[str] = set()
    for entry_id in ids:
        if not _ID_RE.match(entry_id):
            raise KBDataError(f"entry {entry_id!r}: id must be a slug of [a-z0-9-]", path=filename)
        if entry_id in seen:
            raise KBDataError(f"duplicate id {entry_id!r}", path=filename)
        seen.add(entry_id)


_E = TypeVar("_E", Person, Organisation)


def _build_indexes(
    entries: tuple[_E, ...], filename: str
) -> tuple[Mapping[str, tuple[_E, ...]], Mapping[str, tuple[_E, ...]]]:
    """(normalised name -> entries, case-kept abbreviation -> entries); collisions must be declared."""
    names: dict[str, list[_E]] = {}
    abbreviations: dict[str, list[_E]] = {}
    for entry in entries:
        for form in entry.surface_forms:
            index, key = (
                (abbreviations, abbreviation_key(form)) if is_abbreviation(form) else (names, normalize_name(form))
            )
            claimants = index.setdefault(key, [])
            if entry not in claimants:
                claimants.append(entry)
    for index in (names, abbreviations):
        for key, claimants in index.items():
            if len(claimants) < 2:
                continue
            undeclared = [e.id for e in claimants if not any(_flag_key(a) == key for a in e.ambiguous)]
            if undeclared:
                raise KBDataError(
                    f"alias collision on {key!r} between {', '.join(e.id for e in claimants)}; undeclared in "
                    f"{undeclared} (list it under 'ambiguous' in every entry that claims it, or drop it from "
                    "all but one)",
                    path=filename,
                )
    return (
        MappingProxyType({k: tuple(v) for k, v in names.items()}),
        MappingProxyType({k: tuple(v) for k, v in abbreviations.items()}),
    )


def _flag_key(text: str) -> str:
    return abbreviation_key(text) if is_abbreviation(text) else normalize_name(text)


# --------------------------------------------------------------------------------------------- loading


@cache
def _organisations_data() -> tuple[tuple[Organisation, ...], Mapping[str, str]]:
    data = load_data_file(ORGANISATIONS_FILE)
    raw_codes = data.get("actor_codes") or {}
    if not isinstance(raw_codes, dict):
        raise KBDataError(
            "'actor_codes' must map each organisation code to what it stands for", path=ORGANISATIONS_FILE
        )
    for code in raw_codes:
        if not isinstance(code, str) or not _CODE_RE.match(code) or (len(code) == 3 and country(code)):
            raise KBDataError(f"actor code {code!r} must be upper-case and not a country code", path=ORGANISATIONS_FILE)
    codes = MappingProxyType({str(k): str(v) for k, v in raw_codes.items()})
    entries = data.get("organisations")
    if not isinstance(entries, list):
        raise KBDataError("'organisations' must be a list", path=ORGANISATIONS_FILE)
    result: list[Organisation] = []
    for i, raw in enumerate(entries):
        where = f"organisation {raw.get('id', f'#{i}') if isinstance(raw, dict) else f'#{i}'!r}"
        c = _Checker(ORGANISATIONS_FILE, raw, where)
        c.allowed(_ORG_FIELDS, ("id", "name", "kind"))
        name, aliases = c.text("name"), c.texts("aliases")
        assert name is not None
        actor = c.text("actor", optional=True)
        if actor is not None and not valid_actor_code(actor, codes):
            raise c.fail(f"actor {actor!r} is neither '<ISO3> <SECTOR>' nor a code in actor_codes")
        iso3 = c.text("country", optional=True)
        if iso3 is not None and (len(iso3) != 3 or country(iso3) is None):
            raise c.fail(f"country {iso3!r} is not an ISO 3166-1 alpha-3 code in countries.yaml")
        periods = _periods_from(raw.get("periods"), where, codes)
        result.append(
            Organisation(
                id=str(raw["id"]),
                name=name,
                aliases=aliases,
                kind=str(c.choice("kind", ORGANISATION_KINDS)),
                actor=actor,
                country=iso3,
                wikidata=c.wikidata(),
                ambiguous=c.ambiguous((name, *aliases)),
                parent=c.text("parent", optional=True),
                note=c.text("note", optional=True),
                periods=periods,
            )
        )
    organisations = tuple(result)
    _check_ids(ORGANISATIONS_FILE, (o.id for o in organisations))
    ids = {o.id for o in organisations}
    for org in organisations:
        if org.parent is not None and (org.parent not in ids or org.parent == org.id):
            raise KBDataError(
                f"organisation {org.id!r}: parent {org.parent!r} is not another id", path=ORGANISATIONS_FILE
            )
    _build_indexes(organisations, ORGANISATIONS_FILE)
    return organisations, codes


def _periods_from(raw: Any, where: str, codes: Mapping[str, str]) -> tuple[StatusPeriod, ...]:
    """An organisation's ``periods``: each an actor code valid from ``start`` (absent: from the
    beginning) to ``end`` (absent: still); in order, none overlapping another."""
    if raw is None:
        return ()
    if not isinstance(raw, list) or not raw:
        raise KBDataError(f"{where}: periods must be a non-empty list", path=ORGANISATIONS_FILE)
    periods: list[StatusPeriod] = []
    for n, item in enumerate(raw):
        c = _Checker(ORGANISATIONS_FILE, item, f"{where} period #{n}")
        c.allowed(_PERIOD_FIELDS, ("actor",))
        actor = c.text("actor")
        assert actor is not None
        if not valid_actor_code(actor, codes):
            raise c.fail(f"actor {actor!r} is neither '<ISO3> <SECTOR>' nor a code in actor_codes")
        start, end = c.date("start", optional=True), c.date("end", optional=True)
        if start is not None and end is not None and end.latest < start.earliest:
            raise c.fail(f"end {end} is before start {start}")
        if periods:
            previous = periods[-1]
            if previous.end is None or start is None or start.latest < previous.end.earliest:
                raise c.fail("periods must follow one another (each starts after the previous ends)")
        periods.append(
            StatusPeriod(actor, start, end, source=c.text("source", optional=True), note=c.text("note", optional=True))
        )
    return tuple(periods)


def _role_from(
    raw: Any, where: str, igo: Mapping[str, str], org_ids: set[str], checked_to: PartialDate | None = None
) -> Role:
    c = _Checker(PEOPLE_FILE, raw, where)
    c.allowed(_ROLE_FIELDS, ("role", "kind", "country", "actor", "start"))
    title = c.text("role")
    code = c.text("country")
    actor = c.text("actor")
    assert title is not None and code is not None and actor is not None
    if not ((len(code) == 3 and country(code) is not None) or code in igo):
        raise c.fail(f"country {code!r} is neither an ISO3 code nor an organisation code in actor_codes")
    if not valid_actor_code(actor, igo):
        raise c.fail(f"actor {actor!r} is neither '<ISO3> <SECTOR>' nor a code in actor_codes")
    start, end = c.date("start"), c.date("end", optional=True)
    assert start is not None
    if end is not None and end.latest < start.earliest:
        raise c.fail(f"end {end} is before start {start}")
    org = c.text("organisation", optional=True)
    if org is not None and org not in org_ids:
        raise c.fail(f"organisation {org!r} is not an id in {ORGANISATIONS_FILE}")
    return Role(
        title=title,
        kind=str(c.choice("kind", ROLE_KINDS)),
        country=code,
        actor=actor,
        start=start,
        end=end,
        organisation=org,
        note=c.text("note", optional=True),
        source=c.text("source", optional=True),
        checked_to=checked_to,
    )


def _derived_surnames(name: str, aliases: tuple[str, ...]) -> tuple[str, ...]:
    """The last word of the name and of every alias (a one-word alias is a surname spelling:
    "Erdoğan"), generational suffixes (Jr, III) skipped."""
    found: dict[str, None] = {}
    for form in (name, *aliases):
        words = normalize_name(form).split()
        while len(words) > 1 and words[-1] in _SUFFIXES:  # "Lloyd J. Austin III" -> austin
            words.pop()
        if words and not is_abbreviation(form):
            found[words[-1]] = None
    return tuple(found)


@cache
def load_people() -> tuple[Person, ...]:
    """people.yaml, validated (see the file's header for the rules)."""
    data = load_data_file(PEOPLE_FILE)
    organisations, igo = _organisations_data()
    org_ids = {o.id for o in organisations}
    entries = data.get("people")
    if not isinstance(entries, list):
        raise KBDataError("'people' must be a list", path=PEOPLE_FILE)
    result: list[Person] = []
    for i, raw in enumerate(entries):
        where = f"person {raw.get('id', f'#{i}') if isinstance(raw, dict) else f'#{i}'!r}"
        c = _Checker(PEOPLE_FILE, raw, where)
        c.allowed(_PERSON_FIELDS, ("id", "name", "roles"))
        name, aliases = c.text("name"), c.texts("aliases")
        assert name is not None
        raw_roles = raw["roles"]
        if not isinstance(raw_roles, list) or not raw_roles:
            raise c.fail("roles must be a non-empty list")
        checked_to = c.date("valid_to", optional=True)
        roles = tuple(_role_from(r, f"{where} role #{n}", igo, org_ids, checked_to) for n, r in enumerate(raw_roles))
        uncertain = raw.get("uncertain", False)
        if not isinstance(uncertain, bool):
            raise c.fail("uncertain must be true or false")
        if "surnames" in raw:
            surnames = tuple(normalize_name(s) for s in c.texts("surnames"))
        else:
            surnames = _derived_surnames(name, aliases)
        result.append(
            Person(
                id=str(raw["id"]),
                name=name,
                aliases=aliases,
                roles=roles,
                gender=c.choice("gender", GENDERS, optional=True),
                wikidata=c.wikidata(),
                surnames=surnames,
                ambiguous=c.ambiguous((name, *aliases)),
                note=c.text("note", optional=True),
                source=c.text("source", optional=True),
                uncertain=uncertain,
            )
        )
    people = tuple(result)
    _check_ids(PEOPLE_FILE, (p.id for p in people))
    _build_indexes(people, PEOPLE_FILE)
    return people


def load_organisations() -> tuple[Organisation, ...]:
    """organisations.yaml, validated (see the file's header for the rules)."""
    return _organisations_data()[0]


def igo_codes() -> Mapping[str, str]:
    """Actor codes of organisations that are not a country's sector: NATO, EU, UN, ISIS …"""
    return _organisations_data()[1]


# --------------------------------------------------------------------------------------------- indexes


@cache
def _people_indexes() -> tuple[Mapping[str, tuple[Person, ...]], Mapping[str, tuple[Person, ...]]]:
    return _build_indexes(load_people(), PEOPLE_FILE)


@cache
def _organisation_indexes() -> tuple[Mapping[str, tuple[Organisation, ...]], Mapping[str, tuple[Organisation, ...]]]:
    return _build_indexes(load_organisations(), ORGANISATIONS_FILE)


@overload
def people_by_alias() -> Mapping[str, tuple[Person, ...]]: ...
@overload
def people_by_alias(text: str) -> tuple[Person, ...]: ...
def people_by_alias(text: str | None = None) -> Mapping[str, tuple[Person, ...]] | tuple[Person, ...]:
    """Without an argument: normalize_name(name or alias) -> people (several only where declared
    ambiguous). With a text: the people it names (= lookup_person(text))."""
    if text is not None:
        return lookup_person(text)
    return _people_indexes()[0]


def people_by_abbreviation() -> Mapping[str, tuple[Person, ...]]:
    """abbreviation_key(alias) -> people, case kept ("MBS", "AMLO")."""
    return _people_indexes()[1]


@overload
def organisations_by_alias() -> Mapping[str, tuple[Organisation, ...]]: ...
@overload
def organisations_by_alias(text: str) -> tuple[Organisation, ...]: ...
def organisations_by_alias(
    text: str | None = None,
) -> Mapping[str, tuple[Organisation, ...]] | tuple[Organisation, ...]:
    """Without an argument: normalize_name(name or alias) -> organisations (all-caps abbreviations
    are in organisations_by_abbreviation() instead). With a text: the organisations it names
    (= lookup_organisation(text))."""
    if text is not None:
        return lookup_organisation(text)
    return _organisation_indexes()[0]


def organisations_by_abbreviation() -> Mapping[str, tuple[Organisation, ...]]:
    """abbreviation_key(alias) -> organisations, case kept: "NATO", "IDF", "U.S." style dots ignored."""
    return _organisation_indexes()[1]


def lookup_person(text: str) -> tuple[Person, ...]:
    """People a name can mean: "Erdogan", "Recep Tayyip Erdoğan", "ERDOGAN"; "MBS" with its case."""
    if is_abbreviation(text):
        found = people_by_abbreviation().get(abbreviation_key(text), ())
        if found:
            return found
    return _people_indexes()[0].get(normalize_name(text), ())


def lookup_organisation(text: str) -> tuple[Organisation, ...]:
    """Organisations a name can mean: "NATO" and "Nato" and "North Atlantic Treaty Organization"
    match; "nato" matches through the house-style alias "Nato"; "is" never matches "IS"."""
    if is_abbreviation(text):
        found = organisations_by_abbreviation().get(abbreviation_key(text), ())
        if found:
            return found
    return _organisation_indexes()[0].get(normalize_name(text), ())


@cache
def _surname_index() -> Mapping[str, tuple[Person, ...]]:
    index: dict[str, list[Person]] = {}
    for p in load_people():
        for surname in p.surnames:
            index.setdefault(surname, []).append(p)
    return MappingProxyType({k: tuple(v) for k, v in index.items()})


def people_by_surname(surname: str) -> tuple[Person, ...]:
    """People whose surname (last word of the name or of a full-name alias) is ``surname``;
    particles are ignored ("al-Assad" = "Assad", "von der Leyen" = "Leyen")."""
    words = normalize_name(surname).split()
    return _surname_index().get(words[-1], ()) if words else ()


@cache
def _by_id() -> tuple[Mapping[str, Person], Mapping[str, Organisation]]:
    return (
        MappingProxyType({p.id: p for p in load_people()}),
        MappingProxyType({o.id: o for o in load_organisations()}),
    )


def person(person_id: str) -> Person | None:
    return _by_id()[0].get(person_id.removeprefix("person:"))


def organisation(org_id: str) -> Organisation | None:
    return _by_id()[1].get(org_id.removeprefix("org:"))


# --------------------------------------------------------------------------------------------- roles in time


def roles_at(who: Person, day: dt.date | str | PartialDate | OnOrAfter) -> tuple[Role, ...]:
    """The roles ``who`` held on ``day``, most senior first (file order among equals); none for
    an entry marked uncertain."""
    if who.uncertain:
        return ()
    when = day if isinstance(day, OnOrAfter) else as_date(day)
    held = [r for r in who.roles if r.active_on(when)]
    return tuple(sorted(held, key=lambda r: r.seniority))


def actor_code(who: Person, day: dt.date | str | PartialDate | OnOrAfter) -> str | None:
    """The actor code of the most senior role held on ``day``; None when none was held."""
    held = roles_at(who, day)
    return held[0].actor if held else None


@cache
def _roles_by_office() -> Mapping[tuple[str, str, str | None], tuple[tuple[Person, Role], ...]]:
    index: dict[tuple[str, str, str | None], list[tuple[Person, Role]]] = {}
    for p in load_people():
        if p.uncertain:
            continue  # never the holder of an office it cannot be shown to hold
        for r in p.roles:
            index.setdefault((r.country, r.kind, r.organisation), []).append((p, r))
    return MappingProxyType({k: tuple(v) for k, v in index.items()})


def role_holder(
    code: str, kind: str, day: dt.date | str | PartialDate | OnOrAfter, *, organisation: str | None = None
) -> Person | None:
    """Who held the office of ``kind`` for ``code`` (ISO3 or an organisation code such as NATO)
    on ``day``; None if nobody did or it cannot be told apart (two holders in a shared partial
    month). On a handover day (one term ends, the next starts, both to the day) the incoming
    holder. ``organisation`` selects a non-state group's office (Hezbollah's Secretary-General).
    For an ``OnOrAfter`` bound, the one holder whose open term had begun by it."""
    if kind not in ROLE_KINDS:
        raise ValueError(f"unknown role kind {kind!r}; expected one of {ROLE_KINDS}")
    when = day if isinstance(day, OnOrAfter) else as_date(day)
    key = (code.strip().upper(), kind, organisation)
    active = [(p, r) for p, r in _roles_by_office().get(key, ()) if r.active_on(when)]
    holders = {p.id: p for p, _ in active}
    if len(holders) == 1:
        return next(iter(holders.values()))
    if not holders or isinstance(when, OnOrAfter):
        return None
    incoming = [(p, r) for p, r in active if r.start.precision == "day" and r.start.earliest == when]
    outgoing = [(p, r) for p, r in active if r.end is not None and r.end.precision == "day" and r.end.latest == when]
    if len({p.id for p, _ in incoming}) == 1 and len(incoming) + len(outgoing) == len(active):
        return incoming[0][0]
    return None


def reset_caches() -> None:
    """Forget everything parsed (tests that swap the data files in use this)."""
    for cached in (
        _organisations_data,
        load_people,
        _people_indexes,
        _organisation_indexes,
        _surname_index,
        _by_id,
        _roles_by_office,
    ):
        cached.cache_clear()


def term_conflicts() -> list[str]:
    """Single-holder offices held by two people at a time that is certainly shared (beyond a
    handover day or a partial month): each a line naming the office and both terms."""
    problems: list[str] = []
    for (code, kind, org), terms in _roles_by_office().items():
        if kind not in SINGLE_HOLDER_KINDS:
            continue
        ordered = sorted(terms, key=lambda pr: pr[1].start.earliest)
        for i, (p1, r1) in enumerate(ordered):
            for p2, r2 in ordered[i + 1 :]:
                if p1.id == p2.id:
                    continue
                first_end = r1.end.earliest if r1.end is not None else dt.date.max
                # certainly overlapping: the later term surely began before the earlier surely ended
                if r2.start.latest < first_end:
                    problems.append(
                        f"{code} {kind}{f' ({org})' if org else ''}: {p1.id} {r1.start}..{r1.end or 'open'} "
                        f"overlaps {p2.id} {r2.start}..{r2.end or 'open'}"
                    )
    return problems
