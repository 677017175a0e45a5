"""Schema, content and pattern tests for kb/data/equipment.yaml and kb/data/operations.yaml."""

from __future__ import annotations

import datetime as dt
import gzip
import re
from importlib import resources

import pytest

from newsint.kb.equipment import (
    EquipmentEntry,
    KBDataError,
    build_alias_index,
    compile_operation_patterns,
    equipment_by_alias,
    load_equipment,
    load_equipment_kb,
    load_operations,
    load_operations_kb,
    normalize_alias,
    operations_by_alias,
)

# The category vocabulary, pinned: adding or renaming one is a deliberate change to this test too.
EQUIPMENT_CATEGORIES = {
    "combat aircraft",
    "attack aircraft",
    "bomber",
    "transport aircraft",
    "tanker aircraft",
    "airborne early warning aircraft",
    "reconnaissance aircraft",
    "trainer aircraft",
    "attack helicopter",
    "helicopter",
    "drone",
    "loitering munition",
    "naval drone",
    "ballistic missile system",
    "cruise missile",
    "anti-ship missile",
    "air-to-surface missile",
    "air-to-air missile",
    "surface-to-air missile",
    "anti-tank missile",
    "anti-tank weapon",
    "MANPADS",
    "air defence system",
    "guided bomb",
    "aerial bomb",
    "artillery munition",
    "artillery rocket",
    "main battle tank",
    "infantry fighting vehicle",
    "armoured personnel carrier",
    "armoured vehicle",
    "self-propelled artillery",
    "towed artillery",
    "multiple rocket launcher",
    "mortar",
    "aircraft carrier",
    "warship",
    "amphibious warfare ship",
    "submarine",
    "torpedo",
    "small arms",
    "electronic warfare system",
    "radar",
}
OPERATION_CATEGORIES = {"military exercise", "military operation"}

# ISO 3166-1 alpha-3 codes of the countries this knowledge base may name (pycountry is not a
# dependency): designers of weapons, participants in and hosts of operations and exercises.
ISO3 = {
    "AFG",
    "ARE",
    "ARM",
    "AUS",
    "AUT",
    "AZE",
    "BEL",
    "BFA",
    "BGR",
    "BLR",
    "BRA",
    "CAN",
    "CHE",
    "CHN",
    "CZE",
    "DEU",
    "DNK",
    "DZA",
    "EGY",
    "ESP",
    "EST",
    "FIN",
    "FRA",
    "GBR",
    "GEO",
    "GRC",
    "HRV",
    "HUN",
    "IND",
    "IDN",
    "IRN",
    "IRQ",
    "ISR",
    "ITA",
    "JOR",
    "JPN",
    "KAZ",
    "KGZ",
    "KOR",
    "KWT",
    "LAO",
    "LBN",
    "LBY",
    "LTU",
    "LUX",
    "LVA",
    "MDA",
    "MLI",
    "MMR",
    "MNG",
    "MRT",
    "NER",
    "NIC",
    "NLD",
    "NOR",
    "NZL",
    "PAK",
    "PHL",
    "POL",
    "PRK",
    "PRT",
    "PSE",
    "QAT",
    "ROU",
    "RUS",
    "SAU",
    "SDN",
    "SRB",
    "SVK",
    "SVN",
    "SWE",
    "SYR",
    "TCD",
    "THA",
    "TJK",
    "TUR",
    "TWN",
    "UKR",
    "USA",
    "UZB",
    "VEN",
    "YEM",
    "ZAF",
}

# Single-word aliases found in the English word list whose dictionary sense IS the weapon.
DICTIONARY_WEAPONS = {"exocet", "humvee", "jdam"}


def english_words() -> set[str]:
    path = resources.files("newsint.clean").joinpath("data/english_words.txt.gz")
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return {line.strip() for line in fh if line.strip() and not line.startswith("#")}


def resolve(alias: str) -> EquipmentEntry:
    (entry,) = equipment_by_alias()[normalize_alias(alias)]
    return entry


# ------------------------------------------------------------------------------- files and schema


def test_file_metadata():
    for kb in (load_equipment_kb(), load_operations_kb()):
        assert re.fullmatch(r"\d{4}\.\d{1,2}\.\d+", kb.version)
        assert kb.valid_as_of == "2026-11"
    assert set(load_equipment_kb().categories) == EQUIPMENT_CATEGORIES
    assert set(load_operations_kb().categories) == OPERATION_CATEGORIES


def test_sizes():
    assert len(load_equipment()) >= 450
    assert len(load_operations()) >= 60


def test_loaders_are_cached():
    assert load_equipment() is load_equipment()
    assert equipment_by_alias() is equipment_by_alias()
    assert compile_operation_patterns() is compile_operation_patterns()


def test_equipment_schema():
    ids = [e.id for e in load_equipment()]
    assert len(ids) == len(set(ids))
    by_id = {e.id: e for e in load_equipment()}
    for e in load_equipment():
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", e.id), e.id
        assert e.name and e.name == e.name.strip()
        assert e.category in EQUIPMENT_CATEGORIES, e
        assert e.origin in ISO3, e
        assert set(e.partners) <= ISO3, e
        assert not e.partners or e.origin in e.partners, e
        assert e.variant_of is None or (e.variant_of in by_id and e.variant_of != e.id), e
        assert e.wikidata is None or re.fullmatch(r"Q[1-9]\d*", e.wikidata)
        assert all(e.is_ambiguous(a) for a in e.ambiguous)


def test_operations_schema():
    orgs = set(load_operations_kb().organisations)
    ids = [o.id for o in load_operations()]
    assert len(ids) == len(set(ids))
    for o in load_operations():
        assert o.category in OPERATION_CATEGORIES, o
        assert o.participants and set(o.participants) <= ISO3 | orgs, o
        assert set(o.country) <= ISO3, o
        for value in (o.start, o.end):
            if value is not None:
                assert re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value), o
                if len(value) == 10:
                    dt.date.fromisoformat(value)
        if o.start and o.end:
            assert o.start <= o.end, o


def test_no_duplicate_forms_within_an_entry():
    """An alias that normalises like the name or another alias is noise: list each form once."""
    for e in (*load_equipment(), *load_operations()):
        keys = [normalize_alias(f) for f in e.surface_forms]
        assert len(keys) == len(set(keys)), (e.id, keys)


def test_alias_collisions_are_declared():
    for index in (equipment_by_alias(), operations_by_alias()):
        for key, entries in index.items():
            if len(entries) > 1:
                assert all(any(normalize_alias(a) == key for a in e.ambiguous) for e in entries), key


def test_equipment_and_operation_aliases_do_not_collide():
    assert not set(equipment_by_alias()) & set(operations_by_alias())


def test_ordinary_english_words_are_flagged_ambiguous():
    words = english_words()
    unflagged = [
        (e.id, form)
        for e in (*load_equipment(), *load_operations())
        for form in e.surface_forms
        if re.fullmatch(r"[A-Za-z]+", form)
        and form.casefold() in words
        and form.casefold() not in DICTIONARY_WEAPONS
        and not e.is_ambiguous(form)
    ]
    assert not unflagged


# ------------------------------------------------------------------------------- content


@pytest.mark.parametrize(
    ("kb_id", "name", "category", "aliases"),
    [
        ("su-30sm", "Sukhoi Su-30SM", "combat aircraft", ["Su-30SM"]),
        ("su-35s", "Sukhoi Su-35S", "combat aircraft", ["Su-35S", "Su-35"]),
        ("pantsir", "Pantsir", "air defence system", ["Pantsir-S1", "SA-22 Greyhound"]),
        ("iskander", "Iskander", "ballistic missile system", ["Iskander-M", "SS-26"]),
        ("s-400", "S-400", "air defence system", ["S-400 Triumf", "SA-21 Growler"]),
    ],
)
def test_gold_equipment(kb_id, name, category, aliases):
    entry = resolve(name)
    assert (entry.id, entry.name, entry.category, entry.origin) == (kb_id, name, category, "RUS")
    for alias in aliases:
        assert resolve(alias) is entry


def test_gold_operation():
    (entry,) = operations_by_alias()[normalize_alias("Allied Resolve")]
    assert operations_by_alias()[normalize_alias("Union Resolve 2022")] == (entry,)
    assert entry.category == "military exercise"
    assert set(entry.participants) == {"RUS", "BLR"}
    assert (entry.start, entry.end) == ("2022-02-10", "2022-02-20")


@pytest.mark.parametrize(
    ("alias", "kb_id", "origin"),
    [
        ("Bayraktar TB2", "bayraktar-tb2", "TUR"),
        ("Shahed-136", "shahed-136", "IRN"),
        ("Geran-2", "geran-2", "IRN"),
        ("Kinzhal", "kinzhal", "RUS"),
        ("Storm Shadow", "storm-shadow", "FRA"),
        ("HIMARS", "himars", "USA"),
        ("M142", "himars", "USA"),
        ("M777", "m777", "GBR"),
        ("An-124", "an-124", "UKR"),
        ("T-64BV", "t-64", "UKR"),
        ("Neptune", "neptune", "UKR"),
        ("NASAMS", "nasams", "NOR"),
        ("BrahMos", "brahmos", "IND"),
        ("KN-23", "kn-23", "PRK"),
        ("Leopard 2A6", "leopard-2", "DEU"),
        ("BM-21 Grad", "bm-21", "RUS"),
        ("Eurofighter", "eurofighter-typhoon", "DEU"),
    ],
)
def test_origins(alias, kb_id, origin):
    entry = resolve(alias)
    assert (entry.id, entry.origin) == (kb_id, origin)


def test_joint_designs_list_partners():
    assert set(resolve("Storm Shadow").partners) == {"FRA", "GBR"}
    assert set(resolve("Eurofighter").partners) == {"DEU", "GBR", "ITA", "ESP"}
    assert set(resolve("JF-17").partners) == {"CHN", "PAK"}


def test_declared_shared_aliases():
    hawks = {e.id for e in equipment_by_alias()[normalize_alias("Hawk")]}
    assert hawks == {"hawk-sam", "bae-hawk"}
    assert {e.id for e in equipment_by_alias()[normalize_alias("IRIS-T")]} == {"iris-t", "iris-t-slm"}


def test_risky_aliases_are_flagged():
    assert resolve("BM-21").is_ambiguous("Grad")
    assert resolve("Iskander-M").is_ambiguous("Iskander")
    assert not resolve("Iskander-M").is_ambiguous("Iskander-M")
    assert resolve("MIM-104").is_ambiguous("Patriot")


def test_variants_point_to_their_parent():
    assert resolve("Su-30SM").variant_of == "su-30"
    assert resolve("Geran-2").variant_of == "shahed-136"
    assert resolve("T-90M").variant_of == "t-90"


# ------------------------------------------------------------------------------- normalisation


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Su-30SM", "Su 30SM"),
        ("Su-30SM", "SU-30SM"),
        ("Su-30SM", "Su30SM"),
        ("Su-30SM", "Su–30SM"),  # en dash
        ("Su-30SM", "Su‑30SM"),  # non-breaking hyphen
        ("S-400 Triumf", "s400 triumf"),
        ("F/A-18", "FA-18"),
        ("Bayraktar Akıncı", "Bayraktar Akinci"),
        ("Scorpène", "Scorpene"),
        ("David's Sling", "Davids Sling"),
        ("David’s Sling", "David's Sling"),
        ("Mk. 84", "Mk 84"),
    ],
)
def test_normalize_alias_equal(a, b):
    assert normalize_alias(a) == normalize_alias(b)


@pytest.mark.parametrize(("a", "b"), [("Su-30", "Su-30SM"), ("T-72", "T-72B3"), ("S-300", "S-300V")])
def test_normalize_alias_distinct(a, b):
    assert normalize_alias(a) != normalize_alias(b)


def test_alias_lookup_is_separator_insensitive():
    assert resolve("su 30sm").id == "su-30sm"
    assert resolve("PANTSIR S1").id == "pantsir"


def test_undeclared_collision_is_an_error():
    a = EquipmentEntry("a", "Alpha", ("Hawk",), "drone", "USA")
    b = EquipmentEntry("b", "Beta", ("HAWK",), "drone", "GBR", ambiguous=("HAWK",))
    with pytest.raises(KBDataError, match="alias collision on 'hawk'"):
        build_alias_index((a, b))
    declared = EquipmentEntry("a", "Alpha", ("Hawk",), "drone", "USA", ambiguous=("Hawk",))
    assert len(build_alias_index((declared, b))["hawk"]) == 2


# ------------------------------------------------------------------------------- patterns


def find(text: str) -> list[tuple[str, str]]:
    return [(m.pattern, m.name) for p in compile_operation_patterns() for m in p.finditer(text)]


def test_pattern_examples_from_the_data_file():
    by_id = {p.id: p for p in compile_operation_patterns()}
    for spec in load_operations_kb().patterns:
        pattern = by_id[spec["id"]]
        for text, name in spec["examples"]["match"]:
            assert [m.name for m in pattern.finditer(text)] == [name], (spec["id"], text)
        for text in spec["examples"]["no_match"]:
            assert not list(pattern.finditer(text)), (spec["id"], text)


def test_seed_sentence():
    text = "joint Russian-Belarusian military exercises called “Allied Resolve” are taking place"
    assert find(text) == [("called-exercise", "Allied Resolve")]
    (m,) = [m for p in compile_operation_patterns() for m in p.finditer(text)]
    assert text[m.start : m.end] == "Allied Resolve"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Zapad-2021 drew 200,000 troops, Moscow said.", "Zapad-2021"),
        ("after Tsentr-2019 ended", "Tsentr-2019"),
        ("Ukraine's Operation Spiderweb hit bombers", "Operation Spiderweb"),
        ("under Operation Gideon's Chariots", "Operation Gideon's Chariots"),
        ("drills named “Union Resolve 2022”", "Union Resolve 2022"),
    ],
)
def test_patterns_find_new_names(text, name):
    assert name in [n for _, n in find(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Operations resumed after the ceasefire.",
        "Operation of the plant was halted.",
        "the operation continued overnight",
        "Euro-2020 was postponed.",
        "COVID-2019 cases rose.",
        "Qatar-2022 was the most expensive World Cup.",
        "the exercise was called off",
        "The 2S19 and T-72B3 fired from positions near Avdiivka.",
    ],
)
def test_patterns_negative(text):
    assert find(text) == []


# ------------------------------------------------------------------------------- loader errors


@pytest.fixture
def fake_file(monkeypatch):
    """Feed the loaders a hand-made file; caches are cleared before and after."""
    from newsint.kb import equipment

    caches = (
        equipment.load_equipment_kb,
        equipment.load_operations_kb,
        equipment.equipment_by_alias,
        equipment.operations_by_alias,
        equipment.compile_operation_patterns,
    )

    def use(data):
        for fn in caches:
            fn.cache_clear()
        monkeypatch.setattr(equipment, "load_data_file", lambda name: data)

    yield use
    monkeypatch.undo()
    for fn in caches:
        fn.cache_clear()


def _equipment_file(*entries):
    return {"version": "t", "valid_as_of": "2026-11", "categories": {"drone": ""}, "entries": list(entries)}


GOOD = {"id": "x", "name": "X-1", "aliases": ["X1 drone"], "category": "drone", "origin": "USA"}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"category": "spaceship"}, "not in the vocabulary"),
        ({"origin": "US"}, "ISO 3166-1 alpha-3"),
        ({"origin": "SUN", "partners": ["RUS"]}, "must include the origin"),
        ({"variant_of": "nothing"}, "is not an id"),
        ({"aliases": ["ok", True]}, "non-empty string"),
        ({"ambiguous": ["Y-2"]}, "neither the name nor an alias"),
        ({"wikidata": "123"}, "QID"),
        ({"colour": "red"}, "unknown field"),
        ({"id": "X 1"}, "slug"),
    ],
)
def test_equipment_loader_rejects(fake_file, change, message):
    fake_file(_equipment_file({**GOOD, **change}))
    with pytest.raises(KBDataError, match=message):
        load_equipment_kb()


def test_equipment_loader_rejects_duplicates_and_collisions(fake_file):
    fake_file(_equipment_file(GOOD, dict(GOOD)))
    with pytest.raises(KBDataError, match="duplicate id"):
        load_equipment_kb()
    fake_file(_equipment_file(GOOD, {**GOOD, "id": "y", "name": "X1"}))
    with pytest.raises(KBDataError, match="alias collision"):
        load_equipment_kb()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"start": "2022-02-30"}, "not a real date"),
        ({"start": "Feb 2022"}, "ISO date"),
        ({"start": "2022-02-20", "end": "2022-02-10"}, "before start"),
        ({"participants": ["WAGNER"]}, "alpha-3 code or one of"),
        ({"participants": []}, "at least one"),
    ],
)
def test_operations_loader_rejects(fake_file, change, message):
    entry = {"id": "o", "name": "Op", "aliases": [], "category": "military exercise", "participants": ["RUS"]}
    fake_file(
        {
            "version": "t",
            "valid_as_of": "2026-11",
            "categories": {"military exercise": ""},
            "organisations": {"NATO": ""},
            "entries": [{**entry, **change}],
        }
    )
    with pytest.raises(KBDataError, match=message):
        load_operations_kb()
