"""Schema, content and lookup tests for kb/data/people.yaml and kb/data/organisations.yaml."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest

from newsint.dates import OnOrAfter, PartialDate
from newsint.kb import actors
from newsint.kb.actors import (
    ORGANISATION_KINDS,
    ROLE_KINDS,
    KBDataError,
    actor_code,
    igo_codes,
    load_organisations,
    load_people,
    lookup_organisation,
    lookup_person,
    organisation,
    people_by_surname,
    person,
    role_holder,
    roles_at,
    term_conflicts,
    valid_actor_code,
)
from newsint.kb.common import REQUIRED_HEADER_KEYS, load_data_file
from newsint.kb.countries import country, lookup_country, metonyms_for

SEED_DATE = dt.date(2022, 2, 11)  # the seed article's reference date


def _codes(text: str) -> list[str]:
    return text.split()


G20 = _codes("ARG AUS BRA CAN CHN FRA DEU IND IDN ITA JPN KOR MEX RUS SAU ZAF TUR GBR USA")
NATO = _codes(
    "ALB BEL BGR CAN HRV CZE DNK EST FIN FRA DEU GRC HUN ISL ITA LVA LTU LUX MNE NLD MKD NOR POL PRT "
    "ROU SVK SVN ESP SWE TUR GBR USA"
)
EU = _codes(
    "AUT BEL BGR HRV CYP CZE DNK EST FIN FRA DEU GRC HUN IRL ITA LVA LTU LUX MLT NLD POL PRT ROU SVK SVN ESP SWE"
)
CSTO = _codes("RUS BLR ARM KAZ KGZ TJK")
NEIGHBOURS = {  # land neighbours of Russia, Ukraine, Syria, Iran and Israel, and those five
    "RUS": "NOR FIN EST LVA LTU POL BLR UKR GEO AZE KAZ CHN MNG PRK",
    "UKR": "BLR POL SVK HUN ROU MDA RUS",
    "SYR": "TUR IRQ JOR ISR LBN",
    "IRN": "IRQ TUR ARM AZE TKM AFG PAK",
    "ISR": "LBN SYR JOR EGY PSE",
}
REQUIRED_COUNTRIES = sorted(
    set(G20) | set(NATO) | set(EU) | set(CSTO) | set(NEIGHBOURS) | {c for v in NEIGHBOURS.values() for c in v.split()}
)
# Offices with no holder in the file on a sample date, each for a stated reason (see the header).
KNOWN_GAPS = {
    ("LBN", "head_of_state", "2014-06-01"),  # vacancy 2014-05..2016-10
    ("LBN", "head_of_state", "2016-06-01"),
    ("LBN", "head_of_state", "2023-06-01"),  # vacancy 2022-10..2025-01
    ("ARM", "head_of_state", "2022-02-11"),  # acting head of state not recorded
    ("KOR", "head_of_state", "2025-06-01"),  # acting presidents not recorded
    ("KOR", "head_of_government", "2025-06-01"),
}
NO_HEAD_OF_GOVERNMENT_RECORDED = {"PRK", "KGZ"}  # premiers not recorded (KGZ: before 2021-10)
SAMPLE_DATES = ("2014-06-01", "2016-06-01", "2019-06-01", "2022-02-11", "2023-06-01", "2025-06-01")


# --------------------------------------------------------------------------------------------- schema


@pytest.mark.parametrize("filename", ["people.yaml", "organisations.yaml"])
def test_header_keys(filename: str) -> None:
    data = load_data_file(filename)
    for key in REQUIRED_HEADER_KEYS:
        assert data.get(key), f"{filename} lacks {key}"
    assert data.get("coverage"), "coverage must be stated, honestly"


def test_files_load_with_substance() -> None:
    people, orgs = load_people(), load_organisations()
    assert len(people) >= 500
    assert sum(len(p.roles) for p in people) >= 650
    assert len(orgs) >= 300


def test_people_required_fields_and_vocabulary() -> None:
    for p in load_people():
        assert p.id and p.name and p.roles, p.id
        assert p.gender in (None, "male", "female")
        for role in p.roles:
            assert role.title and role.kind in ROLE_KINDS, (p.id, role)
            assert valid_actor_code(role.actor), (p.id, role.actor)
            assert country(role.country) is not None or role.country in igo_codes(), (p.id, role.country)
            assert isinstance(role.start, PartialDate)
            if role.end is not None:
                assert role.start.earliest <= role.end.latest, (p.id, role)
            if role.organisation is not None:
                assert organisation(role.organisation) is not None, (p.id, role.organisation)
    assert sum(p.gender is not None for p in load_people()) / len(load_people()) > 0.95


def test_roles_start_in_or_before_the_period_covered() -> None:
    valid_until = dt.date(2026, 11, 30)
    for p in load_people():
        for role in p.roles:
            assert role.start.earliest <= valid_until, (p.id, role)


def test_organisations_required_fields_and_vocabulary() -> None:
    for org in load_organisations():
        assert org.kind in ORGANISATION_KINDS, org.id
        if org.actor is not None:
            assert valid_actor_code(org.actor), (org.id, org.actor)
        if org.country is not None:
            assert country(org.country) is not None, (org.id, org.country)
        if org.parent is not None:
            assert organisation(org.parent) is not None, (org.id, org.parent)


def test_igo_codes_are_not_country_codes_and_are_used() -> None:
    used = {o.actor for o in load_organisations()} | {r.country for p in load_people() for r in p.roles}
    for code in igo_codes():
        assert country(code) is None or len(code) != 3, code
    assert {"NATO", "EU", "UN", "ISIS"} <= set(igo_codes()) & used


def test_no_overlapping_terms_in_single_holder_offices() -> None:
    assert term_conflicts() == []


def test_organisation_aliases_leave_seats_of_power_to_countries() -> None:
    """The Kremlin, the White House, the Pentagon ... are countries.yaml metonyms, not organisations;
    no organisation may claim a country name either."""
    for org in load_organisations():
        for form in org.surface_forms:
            assert not metonyms_for(form), (org.id, form)
            assert not lookup_country(form), (org.id, form)


# --------------------------------------------------------------------------------------------- coverage


@pytest.mark.parametrize("day", SAMPLE_DATES)
def test_every_required_country_has_a_head_of_state(day: str) -> None:
    missing = [
        c
        for c in REQUIRED_COUNTRIES
        if role_holder(c, "head_of_state", day) is None and (c, "head_of_state", day) not in KNOWN_GAPS
    ]
    assert missing == []


@pytest.mark.parametrize("day", SAMPLE_DATES)
def test_every_required_country_has_a_head_of_government(day: str) -> None:
    missing = [
        c
        for c in REQUIRED_COUNTRIES
        if c not in NO_HEAD_OF_GOVERNMENT_RECORDED
        and role_holder(c, "head_of_government", day) is None
        and (c, "head_of_government", day) not in KNOWN_GAPS
    ]
    assert missing == []


@pytest.mark.parametrize(
    "code", ["USA", "RUS", "UKR", "BLR", "CHN", "GBR", "FRA", "DEU", "TUR", "ISR", "IRN", "SYR", "POL", "EST"]
)
@pytest.mark.parametrize("kind", ["defence_minister", "foreign_minister"])
def test_ministers_of_the_most_newsworthy_countries(code: str, kind: str) -> None:
    assert role_holder(code, kind, "2023-06-01") is not None


# --------------------------------------------------------------------------------------------- facts


@pytest.mark.parametrize(
    ("code", "kind", "day", "expected"),
    [
        ("NATO", "secretary_general", SEED_DATE, "jens-stoltenberg"),
        ("NATO", "secretary_general", dt.date(2025, 1, 1), "mark-rutte"),
        ("NATO", "secretary_general", "2014-10-01", "jens-stoltenberg"),  # handover day: the incoming one
        ("NATO", "secretary_general", "2024-10-01", "mark-rutte"),
        ("BLR", "head_of_state", SEED_DATE, "alexander-lukashenko"),
        ("USA", "head_of_state", SEED_DATE, "joe-biden"),
        ("USA", "head_of_state", "2025-06-01", "donald-trump"),
        ("USA", "head_of_government", "2019-06-01", "donald-trump"),
        ("USA", "head_of_state", "2021-01-20", "joe-biden"),
        ("UKR", "head_of_state", SEED_DATE, "volodymyr-zelenskyy"),
        ("RUS", "head_of_state", SEED_DATE, "vladimir-putin"),
        ("DEU", "head_of_government", SEED_DATE, "olaf-scholz"),
        ("DEU", "head_of_government", "2025-06-01", "friedrich-merz"),
        ("GBR", "head_of_government", SEED_DATE, "boris-johnson"),
        ("FRA", "head_of_state", SEED_DATE, "emmanuel-macron"),
        ("RUS", "foreign_minister", SEED_DATE, "sergey-lavrov"),
        ("RUS", "defence_minister", SEED_DATE, "sergei-shoigu"),
        ("RUS", "defence_minister", "2025-01-01", "andrei-belousov"),
        ("UN", "secretary_general", SEED_DATE, "antonio-guterres"),
        ("EU", "foreign_minister", SEED_DATE, "josep-borrell"),
        ("SYR", "head_of_state", SEED_DATE, "bashar-al-assad"),
        ("SYR", "head_of_state", "2025-06-01", "ahmed-al-sharaa"),
        ("TUR", "head_of_government", "2016-01-01", "ahmet-davutoglu"),
        ("TUR", "head_of_government", "2020-01-01", "recep-tayyip-erdogan"),
    ],
)
def test_role_holder_facts(code: str, kind: str, day: Any, expected: str) -> None:
    holder = role_holder(code, kind, day)
    assert holder is not None and holder.id == expected


def test_role_holder_is_none_out_of_office_or_unknown() -> None:
    assert role_holder("NATO", "secretary_general", "1900-01-01") is None
    assert role_holder("XXX", "head_of_state", SEED_DATE) is None
    with pytest.raises(ValueError):
        role_holder("BLR", "tsar", SEED_DATE)


def test_stoltenberg_in_and_out_of_office() -> None:
    stoltenberg = person("jens-stoltenberg")
    assert stoltenberg is not None
    assert [r.kind for r in roles_at(stoltenberg, SEED_DATE)] == ["secretary_general"]
    assert actor_code(stoltenberg, SEED_DATE) == "NATO"
    assert all(r.country != "NATO" for r in roles_at(stoltenberg, dt.date(2025, 1, 1)))
    assert actor_code(stoltenberg, dt.date(2020, 1, 1)) == "NATO"


def test_lukashenko_matches_the_gold() -> None:
    lukashenko = person("alexander-lukashenko")
    assert lukashenko is not None
    assert lukashenko.name == "Alexander Lukashenko" and lukashenko.gender == "male"
    [role] = roles_at(lukashenko, SEED_DATE)
    expected = ("President of Belarus", "head_of_state", "BLR", "BLR GOV")
    assert (role.title, role.kind, role.country, role.actor) == expected
    assert str(role.start) == "1994-07-20" and role.end is None
    assert actor_code(lukashenko, SEED_DATE) == "BLR GOV"
    assert actor_code(lukashenko, "1990-01-01") is None


def test_a_lower_bound_gives_only_roles_held_on_every_day_after_it() -> None:
    # An undated text that speaks of 2020 as past: written on 2020-01-01 or later.
    since_2020 = OnOrAfter(dt.date(2020, 1, 1))
    lukashenko, stoltenberg, trump = (person(i) for i in ("alexander-lukashenko", "jens-stoltenberg", "donald-trump"))
    assert lukashenko and stoltenberg and trump
    assert actor_code(lukashenko, since_2020) == "BLR GOV"  # in office since 1994, term open
    assert roles_at(stoltenberg, since_2020) == ()  # NATO until 2024, Norway's finance minister only from 2025
    assert actor_code(stoltenberg, OnOrAfter(dt.date(2025, 3, 1))) == "NOR GOV"
    # Trump's second term starts 2025-01-20: a text from 2024 on may predate it.
    assert roles_at(trump, OnOrAfter(dt.date(2024, 1, 1))) == ()
    assert actor_code(trump, OnOrAfter(dt.date(2025, 1, 20))) == "USA GOV"
    # A start known only to the month counts from its last day.
    aleinik_successor = person("maxim-ryzhenkov")
    assert aleinik_successor and not roles_at(aleinik_successor, OnOrAfter(dt.date(2024, 4, 15)))
    assert roles_at(aleinik_successor, OnOrAfter(dt.date(2024, 4, 30)))


def test_role_holder_for_a_lower_bound_needs_one_open_term_begun_by_it() -> None:
    assert role_holder("BLR", "head_of_state", OnOrAfter(dt.date(2020, 1, 1))).id == "alexander-lukashenko"  # type: ignore[union-attr]
    assert role_holder("USA", "head_of_state", OnOrAfter(dt.date(2024, 1, 1))) is None  # Biden, then Trump
    assert role_holder("NATO", "secretary_general", OnOrAfter(dt.date(2020, 1, 1))) is None  # Stoltenberg, then Rutte
    assert role_holder("NATO", "secretary_general", OnOrAfter(dt.date(2024, 10, 1))).id == "mark-rutte"  # type: ignore[union-attr]


def test_actor_code_takes_the_most_senior_role() -> None:
    netanyahu = person("benjamin-netanyahu")
    assert netanyahu is not None
    held = roles_at(netanyahu, "2017-01-01")  # prime minister and foreign minister at once
    assert [r.kind for r in held] == ["head_of_government", "foreign_minister"]
    assert actor_code(netanyahu, "2017-01-01") == "ISR GOV"
    shoigu = person("sergei-shoigu")
    assert shoigu is not None and actor_code(shoigu, SEED_DATE) == "RUS MIL"
    prigozhin = person("yevgeny-prigozhin")
    assert prigozhin is not None
    assert actor_code(prigozhin, "2023-06-24") == "RUS MIL" and actor_code(prigozhin, "2024-01-01") is None


def test_month_precision_dates_are_honest_intervals() -> None:
    # Aleinik's term ends "2024-04" and Ryzhenkov's starts "2024-04": in that month nobody can tell.
    aleinik = person("sergei-aleinik")
    assert aleinik is not None
    assert roles_at(aleinik, "2024-04-30") and not roles_at(aleinik, "2024-05-01")
    assert roles_at(aleinik, "2022-12-01")  # a month-precision start counts from the 1st
    assert role_holder("BLR", "foreign_minister", "2024-04-15") is None
    assert role_holder("BLR", "foreign_minister", "2024-03-15").id == "sergei-aleinik"  # type: ignore[union-attr]
    assert role_holder("BLR", "foreign_minister", "2024-05-15").id == "maxim-ryzhenkov"  # type: ignore[union-attr]


def test_non_state_leaders() -> None:
    assert role_holder("LBN", "secretary_general", "2020-01-01") is None  # not a state office
    nasrallah = role_holder("LBN", "secretary_general", "2020-01-01", organisation="hezbollah")
    assert nasrallah is not None and nasrallah.id == "hassan-nasrallah"
    assert actor_code(nasrallah, "2020-01-01") == "LBN REB"
    assert not roles_at(nasrallah, "2024-09-28")
    qassem = role_holder("LBN", "secretary_general", "2025-01-01", organisation="hezbollah")
    assert qassem is not None and qassem.id == "naim-qassem"
    sharaa = lookup_person("Abu Mohammad al-Jolani")
    assert [p.id for p in sharaa] == ["ahmed-al-sharaa"]
    assert actor_code(sharaa[0], "2022-01-01") == "SYR REB"
    assert actor_code(sharaa[0], "2025-06-01") == "SYR GOV"


# --------------------------------------------------------------------------------------------- lookups


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Zelensky", "volodymyr-zelenskyy"),
        ("Zelenskyy", "volodymyr-zelenskyy"),
        ("Zelenskiy", "volodymyr-zelenskyy"),
        ("Volodymyr Zelensky", "volodymyr-zelenskyy"),
        ("Lukashenka", "alexander-lukashenko"),
        ("Alyaksandr Lukashenka", "alexander-lukashenko"),
        ("LUKASHENKO", "alexander-lukashenko"),
        ("Jens Stoltenberg", "jens-stoltenberg"),
        ("Erdogan", "recep-tayyip-erdogan"),
        ("Recep Tayyip Erdoğan", "recep-tayyip-erdogan"),
        ("Ahmed al-Sharaa", "ahmed-al-sharaa"),
        ("Jolani", "ahmed-al-sharaa"),
        ("MBS", "mohammed-bin-salman"),
    ],
)
def test_lookup_person(text: str, expected: str) -> None:
    assert [p.id for p in lookup_person(text)] == [expected]


def test_abbreviated_people_keep_their_case() -> None:
    assert lookup_person("mbs") == ()
    assert [p.id for p in lookup_person("PUTIN")] == ["vladimir-putin"]  # a headline in capitals


def test_alias_indexes_as_mappings_and_as_lookups() -> None:
    assert [p.id for p in actors.people_by_alias()["lukashenka"]] == ["alexander-lukashenko"]
    assert [p.id for p in actors.people_by_alias("Lukashenka")] == ["alexander-lukashenko"]
    assert [o.id for o in actors.organisations_by_alias()["state department"]] == ["usa-state-department"]
    assert [o.id for o in actors.organisations_by_alias("State Department")] == ["usa-state-department"]
    assert "NATO" in actors.organisations_by_abbreviation() and "NATO" not in actors.organisations_by_alias()
    [role] = roles_at(person("jens-stoltenberg"), "2022-02-11")  # type: ignore[arg-type]
    assert role.role == role.title == "NATO Secretary General"  # the gold's role, under the file's key


def test_people_by_surname() -> None:
    assert [p.id for p in people_by_surname("Lukashenko")] == ["alexander-lukashenko"]
    assert [p.id for p in people_by_surname("Zelenskyy")] == ["volodymyr-zelenskyy"]
    assert [p.id for p in people_by_surname("al-Assad")] == ["bashar-al-assad"]
    assert [p.id for p in people_by_surname("von der Leyen")] == ["ursula-von-der-leyen"]
    assert [p.id for p in people_by_surname("Xi")] == ["xi-jinping"]  # family name first
    assert {p.id for p in people_by_surname("Sharif")} == {"nawaz-sharif", "shehbaz-sharif"}
    assert people_by_surname("Jinping") == ()
    assert people_by_surname("III") == ()  # monarchs have no surname
    assert people_by_surname("") == ()


@pytest.mark.parametrize(
    ("text", "org_id", "actor"),
    [
        ("State Department", "usa-state-department", "USA GOV"),
        ("U.S. State Department", "usa-state-department", "USA GOV"),
        ("United States Department of State", "usa-state-department", "USA GOV"),
        ("Russian Air Force", "rus-air-force", "RUS MIL"),
        ("Russian Aerospace Forces", "rus-air-force", "RUS MIL"),
        ("VKS", "rus-air-force", "RUS MIL"),
        ("Air Force of the Republic of Belarus", "blr-air-force", "BLR MIL"),
        ("Belarusian Air Force", "blr-air-force", "BLR MIL"),
        ("Armed Forces of Ukraine", "ukr-armed-forces", "UKR MIL"),
        ("IDF", "isr-idf", "ISR MIL"),
        ("Israel Defense Forces", "isr-idf", "ISR MIL"),
        ("IRGC", "irn-irgc", "IRN MIL"),
        ("Department of Defense", "usa-dod", "USA MIL"),
        ("NATO", "nato", "NATO"),
        ("Nato", "nato", "NATO"),
        ("North Atlantic Treaty Organization", "nato", "NATO"),
        ("SDF", "sdf", "SYR REB"),
        ("Hezbollah", "hezbollah", "LBN REB"),
        ("Houthis", "houthis", "YEM REB"),
        ("Ansar Allah", "houthis", "YEM REB"),
        ("ISIS", "islamic-state", "ISIS"),
        ("Daesh", "islamic-state", "ISIS"),
        ("Wagner Group", "wagner-group", "RUS MIL"),
        ("TASS", "tass", "RUS MED"),
        ("BelTA", "belta", "BLR MED"),
        ("Al Jazeera", "al-jazeera", "QAT MED"),
        ("BBC", "bbc", "GBR MED"),
        ("The Moscow Times", "moscow-times", "RUS MED"),
        ("MI6", "gbr-mi6", "GBR GOV"),
        ("KGB of Belarus", "blr-kgb", "BLR GOV"),
    ],
)
def test_lookup_organisation(text: str, org_id: str, actor: str) -> None:
    found = lookup_organisation(text)
    assert [o.id for o in found] == [org_id]
    assert found[0].actor == actor


def test_carnegie_moscow_center_is_a_source_not_an_actor() -> None:
    [carnegie] = lookup_organisation("Carnegie Moscow Center")
    assert carnegie.kind == "think tank" and carnegie.actor is None and carnegie.country == "RUS"


def test_abbreviations_match_with_their_case() -> None:
    """Decision: all-caps aliases (NATO, IS, AP) match only with their case; house styles that write
    acronyms in title case ("Nato") are aliases of their own, so "nato" still matches by name, while
    the words "is" and "ap" never match an organisation."""
    assert [o.id for o in lookup_organisation("nato")] == ["nato"]
    assert lookup_organisation("is") == ()
    assert lookup_organisation("Is") == ()
    assert lookup_organisation("ap") == ()
    assert lookup_organisation("sdf") == ()
    assert [o.id for o in lookup_organisation("IS")] == ["islamic-state"]
    assert [o.id for o in lookup_organisation("N.A.T.O.")] == ["nato"]


def test_declared_ambiguities() -> None:
    [islamic_state] = lookup_organisation("IS")
    assert islamic_state.is_ambiguous("IS") and not islamic_state.is_ambiguous("ISIS")
    [ap] = lookup_organisation("AP")
    assert ap.is_ambiguous("AP") and not ap.is_ambiguous("Associated Press")
    assert {o.id for o in lookup_organisation("CSIS")} == {"csis-us", "can-csis"}
    assert {o.id for o in lookup_organisation("IAF")} == {"isr-air-force", "ind-air-force"}
    [state] = lookup_organisation("State")
    assert state.is_ambiguous("State")


# --------------------------------------------------------------------------------------------- loader errors

_ORG_HEADER = {
    "version": 1,
    "description": "t",
    "sources": ["t"],
    "valid_as_of": "2025-01-01",
    "actor_codes": {"NATO": "North Atlantic Treaty Organization"},
}
_PEOPLE_HEADER = {"version": 1, "description": "t", "sources": ["t"], "valid_as_of": "2025-01-01"}


def _org(**fields: Any) -> dict[str, Any]:
    return {
        "id": "nato",
        "name": "North Atlantic Treaty Organization",
        "aliases": ["NATO"],
        "kind": "alliance",
        "actor": "NATO",
        "country": None,
    } | fields


def _person(**fields: Any) -> dict[str, Any]:
    role = {
        "role": "President of Belarus",
        "kind": "head_of_state",
        "country": "BLR",
        "actor": "BLR GOV",
        "start": dt.date(1994, 7, 20),
        "end": None,
    }
    return {
        "id": "alexander-lukashenko",
        "name": "Alexander Lukashenko",
        "aliases": ["Lukashenka"],
        "roles": [role],
    } | fields


@pytest.fixture
def fake_files(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, Any]]:
    files: dict[str, Any] = {
        "organisations.yaml": {**_ORG_HEADER, "organisations": [_org()]},
        "people.yaml": {**_PEOPLE_HEADER, "people": [_person()]},
    }
    monkeypatch.setattr(actors, "load_data_file", lambda name: files[name])
    actors.reset_caches()
    yield files
    monkeypatch.undo()
    actors.reset_caches()


def test_fake_files_load(fake_files: dict[str, Any]) -> None:
    assert [p.id for p in load_people()] == ["alexander-lukashenko"]
    assert [o.id for o in load_organisations()] == ["nato"]


@pytest.mark.parametrize(
    ("orgs", "message"),
    [
        ([_org(), _org()], "duplicate id"),
        ([_org(), _org(id="nato-2", name="Other")], "alias collision"),  # both claim "NATO"
        ([_org(actor="MARS GOV")], "actor"),
        ([_org(actor="BLR XYZ")], "actor"),
        ([_org(kind="club")], "kind"),
        ([_org(colour="blue")], "unknown field"),
        ([_org(country="ZZZ")], "country"),
        ([_org(parent="nobody")], "parent"),
        ([_org(ambiguous=["OTAN"])], "neither the name nor an alias"),
    ],
)
def test_organisation_loader_errors(fake_files: dict[str, Any], orgs: list[dict[str, Any]], message: str) -> None:
    fake_files["organisations.yaml"]["organisations"] = orgs
    with pytest.raises(KBDataError, match=message):
        load_organisations()


def test_declared_collision_is_allowed(fake_files: dict[str, Any]) -> None:
    fake_files["organisations.yaml"]["organisations"] = [
        _org(ambiguous=["NATO"]),
        _org(id="nato-2", name="Other", ambiguous=["NATO"]),
    ]
    assert len(load_organisations()) == 2


def _role(**fields: Any) -> dict[str, Any]:
    return {
        "role": "President of Belarus",
        "kind": "head_of_state",
        "country": "BLR",
        "actor": "BLR GOV",
        "start": "1994-07-20",
        "end": None,
    } | fields


@pytest.mark.parametrize(
    ("people", "message"),
    [
        ([_person(), _person()], "duplicate id"),
        ([_person(), _person(id="other", name="Other", aliases=["Lukashenka"])], "alias collision"),
        ([_person(roles=[_role(start="2020-01-01", end="2019-12-31")])], "before start"),
        ([_person(roles=[_role(start="2019-13")])], "not a calendar date"),
        ([_person(roles=[_role(start="July 1994")])], "not a date"),
        ([_person(roles=[_role(kind="tsar")])], "kind"),
        ([_person(roles=[_role(country="XXX")])], "country"),
        ([_person(roles=[_role(actor="BLR")])], "actor"),
        ([_person(roles=[_role(organisation="wagner-group")])], "organisation"),
        ([_person(roles=[])], "roles"),
        ([_person(gender="unknown")], "gender"),
        ([_person(wikidata="124784")], "wikidata"),
        ([_person(roles=[_role(extra=1)])], "unknown field"),
    ],
)
def test_people_loader_errors(fake_files: dict[str, Any], people: list[dict[str, Any]], message: str) -> None:
    fake_files["people.yaml"]["people"] = people
    with pytest.raises(KBDataError, match=message):
        load_people()


def test_term_conflicts_are_found(fake_files: dict[str, Any]) -> None:
    fake_files["people.yaml"]["people"] = [
        _person(),
        _person(id="usurper", name="Usurper", aliases=[], roles=[_role(start="2020-08", end="2021")]),
    ]
    [conflict] = term_conflicts()
    assert "BLR head_of_state" in conflict and "usurper" in conflict
    assert role_holder("BLR", "head_of_state", "2020-09-01") is None  # two holders: ambiguous


def test_handover_and_shared_partial_month_are_not_conflicts(fake_files: dict[str, Any]) -> None:
    fake_files["people.yaml"]["people"] = [
        _person(roles=[_role(end="2020-08-10")]),
        _person(id="successor", name="Successor", aliases=[], roles=[_role(start="2020-08-10", end="2021-05")]),
        _person(id="third", name="Third", aliases=[], roles=[_role(start="2021-05")]),
    ]
    assert term_conflicts() == []
    assert role_holder("BLR", "head_of_state", "2020-08-10").id == "successor"  # type: ignore[union-attr]
    assert role_holder("BLR", "head_of_state", "2020-08-09").id == "alexander-lukashenko"  # type: ignore[union-attr]
    assert role_holder("BLR", "head_of_state", "2021-05-20") is None
    assert role_holder("BLR", "head_of_state", "2021-06-01").id == "third"  # type: ignore[union-attr]
