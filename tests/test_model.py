"""The Analysis contract: lossless JSON, a schema that matches the dataclasses, strict loading.

The schema/dataclass comparison walks both from the top (``Analysis`` and the schema root)
following the field types and the ``$ref``s, so a field added, renamed or retyped on one side
only fails here; the hypothesis strategy is derived from the dataclass type hints in the same
way, so it covers new fields without being edited.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import types
import typing
from pathlib import Path
from typing import Any, Literal, get_args, get_origin, get_type_hints

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsint import model
from newsint.model import SCHEMA_VERSION, Analysis, load_schema

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
SEED = Path(__file__).resolve().parents[1] / ".." / "shared" / "seed" / "belarus-staging-area.txt"
VALIDATOR = jsonschema.Draft202012Validator(load_schema())


def test_the_shipped_schema_is_a_valid_draft_2020_12_schema():
    schema = load_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["properties"]["schema"] == {"const": SCHEMA_VERSION}


# --------------------------------------------------------------------------------------------
# Schema <-> dataclasses


def _unwrap_optional(hint: Any) -> tuple[Any, bool]:
    if get_origin(hint) in (typing.Union, types.UnionType):
        options = [a for a in get_args(hint) if a is not type(None)]
        assert len(options) == 1, hint
        return options[0], True
    return hint, False


def _resolve(node: dict, schema: dict) -> tuple[dict, bool]:
    """A property schema to (object schema, nullable), following $ref and oneOf [null, $ref]."""
    nullable = False
    if "oneOf" in node:
        branches = node["oneOf"]
        nullable = {"type": "null"} in branches
        (node,) = [b for b in branches if b != {"type": "null"}]
    if "$ref" in node:
        name = node["$ref"].removeprefix("#/$defs/")
        return schema["$defs"][name], nullable
    return node, nullable


def _types(node: dict) -> set[str]:
    declared = node.get("type")
    types_ = set(declared) if isinstance(declared, list) else {declared} if declared else set()
    if "enum" in node:
        types_ |= {"null" if v is None else "string" for v in node["enum"]}
    if "const" in node:
        types_.add("string")
    return types_


# Fields added to schema /1 after analyses were first stored (optional in the schema; read as their
# default by from_dict when absent).
ADDED_LATER = {
    "Analysis.stages",
    "Analysis.events[].confidence",
    "Analysis.events[].incident",
    "Analysis.claims[].confidence",
    "Analysis.judgements[].holder",
    "Analysis.document.not_analysed",
    "Analysis.document.fetched",
}

_JSON_TYPE = {str: "string", int: "integer", float: "number", bool: "boolean"}


def _compare(cls: type, node: dict, schema: dict, seen: set[str], path: str) -> None:
    hints = get_type_hints(cls)
    fields = [f.name for f in dataclasses.fields(cls)]
    assert node.get("type") == "object" and node.get("additionalProperties") is False, path
    assert set(node["properties"]) == set(fields), f"{path}: schema {sorted(node['properties'])} vs fields {fields}"
    # Every field is always written, so all are required, except those added to the contract
    # later: analyses written before them must still validate (an additive change).
    added_later = {name for name in fields if f"{path}.{name}" in ADDED_LATER}
    assert set(node["required"]) == set(fields) - added_later, f"{path}: every field is always written"
    for name in fields:
        hint, optional = _unwrap_optional(hints[name])
        prop, nullable = _resolve(node["properties"][name], schema)
        where = f"{path}.{name}"
        if dataclasses.is_dataclass(hint):
            assert nullable == optional, where
            if where not in seen:
                seen.add(where)
                _compare(hint, prop, schema, seen, where)
        elif get_origin(hint) is list:
            (item,) = get_args(hint)
            assert prop.get("type") == "array", where
            item_node, _ = _resolve(prop["items"], schema)
            if dataclasses.is_dataclass(item):
                _compare(item, item_node, schema, seen, where + "[]")
            else:
                assert _JSON_TYPE[item] in _types(item_node), where
        elif get_origin(hint) is dict:
            assert prop.get("type") == "object", where
        elif get_origin(hint) is Literal:
            assert set(prop["enum"]) - {None} == set(get_args(hint)), where
        else:
            allowed = _types(prop)
            assert _JSON_TYPE[hint] in allowed, f"{where}: {hint} vs {allowed}"
            assert ("null" in allowed) == optional, f"{where}: nullable in schema and dataclass must agree"


def _all_defs_reached(schema: dict) -> set[str]:
    text = json.dumps(schema)
    return {name for name in schema["$defs"] if f'"#/$defs/{name}"' in text}


def test_schema_properties_match_the_dataclass_fields_exactly():
    schema = load_schema()
    _compare(Analysis, schema, schema, set(), "Analysis")
    # No orphan definition in the schema that no field uses.
    assert _all_defs_reached(schema) == set(schema["$defs"])


def _inner_types(hint: Any):
    yield hint
    for arg in get_args(hint):
        yield from _inner_types(arg)


def test_every_record_dataclass_is_in_the_contract():
    reached: set[type] = set()

    def walk(cls: type) -> None:
        reached.add(cls)
        for hint in get_type_hints(cls).values():
            for inner in _inner_types(hint):
                if isinstance(inner, type) and dataclasses.is_dataclass(inner) and inner not in reached:
                    walk(inner)

    walk(Analysis)
    declared = {obj for obj in vars(model).values() if isinstance(obj, type) and dataclasses.is_dataclass(obj)}
    # CorpusArticle wraps an Analysis with the store's key and outlet: it travels between the
    # store and the corpus stage, never in the Analysis JSON.
    assert declared - {model.CorpusArticle} == reached


# --------------------------------------------------------------------------------------------
# Hypothesis: Analyses with every record type populated, derived from the type hints

_TEXT = st.text(max_size=20)
_JSON_VALUE = st.recursive(
    st.none() | st.booleans() | st.integers(-(10**6), 10**6) | st.floats(allow_nan=False, allow_infinity=False) | _TEXT,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_TEXT, inner, max_size=3),
    max_leaves=8,
)
# Constraints the schema states that a Python type hint cannot.
_OVERRIDES: dict[tuple[str, str], st.SearchStrategy] = {
    ("Claim", "hedge"): st.sampled_from([None, "endorses", "hedges", "distances"]),
    ("Judgement", "probability"): st.lists(st.floats(0, 1), min_size=2, max_size=2),
    ("Contradiction", "items"): st.lists(_TEXT, min_size=2, max_size=4),
    ("Document", "published"): st.none() | st.dates(dt.date(1900, 1, 1), dt.date(2100, 1, 1)).map(dt.date.isoformat),
    ("Analysis", "schema"): st.just(SCHEMA_VERSION),
}


def _strategy(hint: Any, *, owner: str = "", field: str = "", populated: bool = False) -> st.SearchStrategy:
    if (owner, field) in _OVERRIDES:
        return _OVERRIDES[(owner, field)]
    hint, optional = _unwrap_optional(hint)
    if optional:
        return st.none() | _strategy(hint)
    origin = get_origin(hint)
    if origin is Literal:
        return st.sampled_from(get_args(hint))
    if origin is list:
        (item,) = get_args(hint)
        return st.lists(_strategy(item), min_size=1 if populated else 0, max_size=3)
    if origin is dict:
        return st.dictionaries(_TEXT, _JSON_VALUE, max_size=3)
    if dataclasses.is_dataclass(hint):
        hints = get_type_hints(hint)
        return st.builds(
            hint,
            **{
                f.name: _strategy(hints[f.name], owner=hint.__name__, field=f.name, populated=hint is Analysis)
                for f in dataclasses.fields(hint)
            },
        )
    return {
        str: _TEXT,
        int: st.integers(0, 10**9),
        float: st.floats(allow_nan=False, allow_infinity=False),
        bool: st.booleans(),
    }[hint]


ANALYSES = _strategy(Analysis)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(ANALYSES)
def test_round_trip_of_generated_analyses_is_lossless(analysis):
    assert analysis.entities and analysis.claims and analysis.events and analysis.contradictions
    text = analysis.to_json()
    again = Analysis.from_json(text)
    assert again == analysis
    assert again.to_json() == text
    assert Analysis.from_dict(json.loads(analysis.to_json(indent=2))) == analysis


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(ANALYSES)
def test_generated_analyses_validate_against_the_schema(analysis):
    VALIDATOR.validate(json.loads(analysis.to_json()))


def test_to_dict_puts_schema_first():
    analysis = Analysis(document=model.Document(id="x", source="s"))
    assert next(iter(analysis.to_dict())) == "schema"


# --------------------------------------------------------------------------------------------
# Real outputs


def _real_analyses() -> list[tuple[str, Analysis]]:
    from newsint.pipeline import analyze
    from newsint.readers import read_path
    from newsint.settings import Settings

    paths = sorted(p for p in EXAMPLES.iterdir() if p.suffix in {".txt", ".pdf", ".html", ".jsonl"})
    if SEED.exists():
        paths.append(SEED)
    out = []
    for path in paths:
        for number, raw in enumerate(read_path(path, Settings()), start=1):
            out.append((f"{path.name}#{number}", analyze(raw, reference_date=dt.date(2022, 2, 11))))
    return out


REAL = _real_analyses()


def test_real_outputs_cover_every_example():
    names = {name.split("#")[0] for name, _ in REAL}
    assert {p.name for p in EXAMPLES.iterdir() if p.suffix in {".txt", ".pdf", ".html", ".jsonl"}} <= names
    assert sum(name.startswith("meridian-wire-feed.jsonl") for name, _ in REAL) == 3


@pytest.mark.parametrize(("name", "analysis"), REAL, ids=[name for name, _ in REAL])
def test_real_output_round_trips_and_validates(name, analysis):
    data = json.loads(analysis.to_json())
    VALIDATOR.validate(data)
    assert Analysis.from_json(analysis.to_json()) == analysis
    assert Analysis.from_dict(data).to_dict() == data


# --------------------------------------------------------------------------------------------
# Strict loading


def _seed_like() -> dict:
    return json.loads(REAL[0][1].to_json())


@pytest.mark.parametrize(
    "where",
    [
        lambda d: d,
        lambda d: d["document"],
        lambda d: d["document"]["paragraphs"][0],
        lambda d: d["document"]["removed"][0] if d["document"]["removed"] else d["document"],
    ],
    ids=["top", "document", "paragraph", "removed"],
)
def test_unknown_fields_are_rejected(where):
    data = _seed_like()
    where(data)["surprise"] = 1
    with pytest.raises(ValueError, match="unknown field"):
        Analysis.from_dict(data)
    assert not VALIDATOR.is_valid(data)


@pytest.mark.parametrize("version", ["newsint.analysis/2", "newsint.analysis/0", "", None, "analysis/1"])
def test_a_wrong_schema_version_is_rejected(version):
    data = _seed_like()
    data["schema"] = version
    with pytest.raises(ValueError, match="unsupported schema"):
        Analysis.from_dict(data)
    assert not VALIDATOR.is_valid(data)


def test_a_missing_schema_version_is_rejected():
    data = _seed_like()
    del data["schema"]
    with pytest.raises(ValueError, match="unsupported schema"):
        Analysis.from_dict(data)
