"""Codes valid at the date: organisations' status periods, people's sourced terms, entries
checked only to a day (``valid_to``) and entries marked uncertain (issue #17)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from newsint.kb import actors
from newsint.kb.actors import KBDataError, actor_code, load_organisations, load_people, role_holder
from newsint.kb.common import load_data_file

_ORG_HEADER = {"version": 1, "description": "t", "sources": ["t"], "valid_as_of": "2025-01-01", "actor_codes": {}}
_PEOPLE_HEADER = {"version": 1, "description": "t", "sources": ["t"], "valid_as_of": "2025-01-01"}


def _group(**fields: Any) -> dict[str, Any]:
    return {"id": "front", "name": "Liberation Front", "aliases": [], "kind": "armed group",
            "actor": "AFG GOV", "country": "AFG"} | fields  # fmt: skip


def _envoy(**fields: Any) -> dict[str, Any]:
    role = {"role": "Envoy", "kind": "other", "country": "NOR", "actor": "NOR GOV", "start": "2019-01-07", "end": None}
    return {"id": "envoy", "name": "Ola Nordmann", "aliases": [], "roles": [role]} | fields


@pytest.fixture
def fake_files(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, Any]]:
    files: dict[str, Any] = {
        "organisations.yaml": {**_ORG_HEADER, "organisations": [_group()]},
        "people.yaml": {**_PEOPLE_HEADER, "people": [_envoy()]},
    }
    monkeypatch.setattr(actors, "load_data_file", lambda name: files[name])
    actors.reset_caches()
    yield files
    monkeypatch.undo()
    actors.reset_caches()


# ------------------------------------------------------------------------------ the shipped files


def test_the_taliban_are_insurgents_before_kabul_fell_and_the_government_after() -> None:
    [taliban] = actors.lookup_organisation("Taliban")
    assert taliban.actor_at("2019-03-20") == "AFG REB"
    assert taliban.actor_at("2021-08-14") == "AFG REB"
    assert taliban.actor_at("2021-08-15") == "AFG GOV"
    assert taliban.actor_at("2023-05-01") == "AFG GOV"
    assert taliban.actor_at(None) == "AFG GOV"  # no date: what it is now
    assert all(p.source for p in taliban.periods)


@pytest.mark.parametrize(
    ("person_id", "day", "code"),
    [
        ("mike-pence", "2019-03-20", "USA GOV"),
        ("mike-pence", "2022-03-20", None),
        ("john-bolton", "2019-03-20", "USA GOV"),
        ("john-bolton", "2020-03-20", None),
        ("sajid-javid", "2019-03-20", "GBR GOV"),
        ("lindsey-graham", "2019-03-20", "USA LEG"),
        ("johannes-hahn", "2019-03-20", "EU"),
        ("geir-pedersen", "2019-03-20", "UN"),
        # a person known in several roles carries each with its dates
        ("penny-mordaunt", "2018-06-01", "GBR GOV"),  # International Development Secretary
        ("penny-mordaunt", "2019-06-01", "GBR MIL"),  # Defence Secretary
        ("penny-mordaunt", "2023-06-01", "GBR GOV"),  # Leader of the House of Commons
        ("penny-mordaunt", "2020-06-01", None),
    ],
)
def test_widened_people_file(person_id: str, day: str, code: str | None) -> None:
    person = actors.person(person_id)
    assert person is not None
    assert actor_code(person, day) == code


def test_entries_with_an_open_term_added_with_a_source_say_when_they_were_checked() -> None:
    raw = {p["id"]: p for p in load_data_file("people.yaml")["people"]}
    sourced = [p for p in load_people() if p.source]
    assert len(sourced) >= 30
    for person in sourced:
        if any(r.end is None for r in person.roles):
            assert "valid_to" in raw[person.id], person.id
        assert person.source.startswith("https://"), person.id


def test_an_open_term_yields_no_code_after_the_day_it_was_checked() -> None:
    pedersen = actors.person("geir-pedersen")
    assert pedersen is not None
    assert actor_code(pedersen, "2025-08-31") == "UN"
    assert actor_code(pedersen, "2025-09-01") is None


# ------------------------------------------------------------------------------ the loader's rules


def test_periods_pick_the_code_of_the_day(fake_files: dict[str, Any]) -> None:
    fake_files["organisations.yaml"]["organisations"] = [
        _group(periods=[{"actor": "AFG REB", "end": "2021-08-14"}, {"actor": "AFG GOV", "start": "2021-08-15"}])
    ]
    [group] = load_organisations()
    assert (group.actor_at("2020-01-01"), group.actor_at("2022-01-01")) == ("AFG REB", "AFG GOV")


def test_a_day_in_a_month_two_periods_share_has_no_code(fake_files: dict[str, Any]) -> None:
    fake_files["organisations.yaml"]["organisations"] = [
        _group(periods=[{"actor": "AFG REB", "end": "2021-08"}, {"actor": "AFG GOV", "start": "2021-08"}])
    ]
    [group] = load_organisations()
    assert group.actor_at("2021-08-10") is None
    assert group.actor_at("2021-09-01") == "AFG GOV"


@pytest.mark.parametrize(
    ("periods", "message"),
    [
        ([{"actor": "AFG REB", "end": "2021-09-01"}, {"actor": "AFG GOV", "start": "2021-08-15"}], "follow"),
        ([{"actor": "AFG REB"}, {"actor": "AFG GOV", "start": "2021-08-15"}], "follow"),
        ([{"actor": "MARS REB"}], "actor"),
        ([{"actor": "AFG REB", "start": "2021-01-01", "end": "2020-01-01"}], "before start"),
        ([{"actor": "AFG REB", "colour": "red"}], "unknown field"),
        ([], "non-empty"),
    ],
)
def test_period_errors(fake_files: dict[str, Any], periods: list[dict[str, Any]], message: str) -> None:
    fake_files["organisations.yaml"]["organisations"] = [_group(periods=periods)]
    with pytest.raises(KBDataError, match=message):
        load_organisations()


def test_an_uncertain_entry_is_named_but_never_coded(fake_files: dict[str, Any]) -> None:
    fake_files["people.yaml"]["people"] = [_envoy(uncertain=True)]
    [envoy] = load_people()
    assert actors.lookup_person("Ola Nordmann") == (envoy,)
    assert actor_code(envoy, "2020-01-01") is None
    assert role_holder("NOR", "other", "2020-01-01") is None


def test_valid_to_bounds_an_open_term(fake_files: dict[str, Any]) -> None:
    fake_files["people.yaml"]["people"] = [_envoy(valid_to="2024-06")]
    [envoy] = load_people()
    assert actor_code(envoy, "2024-06-30") == "NOR GOV"
    assert actor_code(envoy, "2024-07-01") is None


def test_uncertain_must_be_a_boolean(fake_files: dict[str, Any]) -> None:
    fake_files["people.yaml"]["people"] = [_envoy(uncertain="maybe")]
    with pytest.raises(KBDataError, match="uncertain"):
        load_people()
