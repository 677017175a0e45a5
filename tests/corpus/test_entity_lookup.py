"""Finding an entity by what a user types: `newsint entity`, `claims --about`, `search --entity`.

A linked entity is stored under its KB id and the KB's name ("North Atlantic Treaty
Organization"); its aliases live in the KB only. Any name or alias, in any case, or the KB id must
find it, on SQLite and PostgreSQL; an unlinked entity is found by its name or by how a mention of
it was written; a name the KB gives several meanings finds each of them the store holds; a
pronoun mention finds nothing.
"""

from __future__ import annotations

import pytest
from corpus_builders import article

from newsint.corpus.entities import resolve_entities
from newsint.model import Entity, Mention


def _entity(eid: str, name: str, etype: str, text: str, written: str, *, kb_id: str | None = None) -> Entity:
    """An entity stored as ``name`` whose mentions are written ``written`` (every place in ``text``)."""
    mentions, at = [], text.find(written)
    while at >= 0:
        mentions.append(Mention(at, at + len(written), written))
        at = text.find(written, at + len(written))
    assert mentions, written
    return Entity(id=eid, name=name, type=etype, kb_id=kb_id, mentions=mentions)  # type: ignore[arg-type]


NATO_TEXT = "NATO will send more troops to the east, NATO officials said."
KYIV_TEXT = "Troops were seen near Kyiv on Monday."
OBLAST_TEXT = "Troops left a village in Kiev on Tuesday."
WAGNER_TEXT = "The Wagner Group moved troops south; Wagner denied it."
PRONOUN_TEXT = "The general said troops would stay. He said so twice."
LEADER_TEXT = "The Belarusian leader said the troops would stay."
LUKASHENKO_TEXT = "Alexander Lukashenko reviewed the troops."
LUKASHENKO = "person:alexander-lukashenko"


def _corpus():
    return [
        article("nato", NATO_TEXT, entities=[
            _entity("E1", "North Atlantic Treaty Organization", "ORG", NATO_TEXT, "NATO", kb_id="org:nato"),
        ]),
        article("kyiv", KYIV_TEXT, entities=[
            _entity("E1", "Kyiv", "PLACE", KYIV_TEXT, "Kyiv", kb_id="geonames:703448"),
        ]),
        article("oblast", OBLAST_TEXT, entities=[
            _entity("E1", "Kiev", "PLACE", OBLAST_TEXT, "Kiev", kb_id="admin1:UA-13"),
        ]),
        article("wagner", WAGNER_TEXT, entities=[
            Entity("E1", "Wagner Group", "ORG", mentions=[Mention(4, 16, "Wagner Group"), Mention(37, 43, "Wagner")]),
        ]),
        # Coreference named him by a title in one article: that mention finds him in the other too.
        article("leader", LEADER_TEXT, entities=[
            _entity("E1", "Alexander Lukashenko", "PERSON", LEADER_TEXT, "The Belarusian leader", kb_id=LUKASHENKO),
        ]),
        article("lukashenko", LUKASHENKO_TEXT, entities=[
            _entity("E1", "Alexander Lukashenko", "PERSON", LUKASHENKO_TEXT, "Alexander Lukashenko", kb_id=LUKASHENKO),
        ]),
        article("pronoun", PRONOUN_TEXT, entities=[
            Entity("E1", "The general", "PERSON", mentions=[Mention(0, 11, "The general"), Mention(36, 38, "He")]),
        ]),
    ]  # fmt: skip


# Name typed -> the articles whose entity it must find. "Atlantic Alliance" and "Kiev" for the
# city are written in no article: only the KB knows them.
FINDS = {
    "NATO": {"nato"},
    "nato": {"nato"},
    "Atlantic Alliance": {"nato"},
    "north atlantic treaty ORGANIZATION": {"nato"},
    "org:nato": {"nato"},
    "ORG:NATO": {"nato"},
    "Kiev": {"kyiv", "oblast"},  # the city (a KB alias) and the oblast (its KB name): both meanings
    "wagner": {"wagner"},  # unlinked: how a mention was written
    "the belarusian leader": {"leader", "lukashenko"},  # a mention, then the KB id it has
    "Moscow": set(),
    "he": set(),  # a pronoun says nothing about who is meant
}


@pytest.fixture
def lookup_store(store_url) -> str:
    from newsint.store import open_store

    with open_store(store_url) as store:
        for corpus_article in _corpus():
            store.add(corpus_article.analysis)
    return store_url


def _article_of(text: str) -> str:
    return next(a.article_id for a in _corpus() if a.analysis.document.text in text)


@pytest.mark.parametrize("name", FINDS)
def test_search_entity_takes_any_name_alias_case_or_kb_id(cli, lookup_store, name) -> None:
    result = cli("search", "troops", "--entity", name, "--db", lookup_store, "--format", "json", "--limit", "100")
    assert result.exit_code == 0, result.stderr
    from newsint.store import open_store

    with open_store(lookup_store) as store:
        found = {_article_of(store.article(hit["article_id"]).analysis.document.text) for hit in result.json()}
    assert found == FINDS[name]


@pytest.mark.parametrize("name", FINDS)
def test_entity_command_takes_any_name_alias_case_or_kb_id(cli, lookup_store, name) -> None:
    result = cli("entity", name, "--db", lookup_store)
    if not FINDS[name]:
        assert result.exit_code == 1
        assert result.error_lines == [f"newsint: error: no entity named {name!r} in the store [N001]"]
        return
    assert result.exit_code == 0, result.stderr
    expected_ids = {"nato": "org:nato", "kyiv": "geonames:703448", "oblast": "admin1:UA-13", "leader": LUKASHENKO}
    for found in FINDS[name]:
        assert expected_ids.get(found, "Wagner Group" if found == "wagner" else LUKASHENKO) in result.stdout
    if name == "the belarusian leader":
        assert "articles  2" in result.stdout  # one entity over both articles


def test_claims_about_takes_an_alias(cli, lookup_store) -> None:
    by_alias = cli("claims", "--about", "Atlantic Alliance", "--db", lookup_store, "--format", "json")
    by_id = cli("claims", "--about", "org:nato", "--db", lookup_store, "--format", "json")
    assert by_alias.exit_code == 0, by_alias.stderr
    assert by_alias.stdout == by_id.stdout


def test_the_index_finds_by_alias_and_keeps_pronouns_out() -> None:
    index = resolve_entities(_corpus())
    assert [e.kb_id for e in index.find("Atlantic Alliance")] == ["org:nato"]
    assert {e.kb_id for e in index.find("kiev")} == {"geonames:703448", "admin1:UA-13"}
    assert [e.name for e in index.find("WAGNER")] == ["Wagner Group"]
    assert index.find("he") == [] and index.find("She") == []


def test_kb_resolution_covers_each_kind_of_kb_entry() -> None:
    from newsint.kb.names import kb_ids_for_name

    assert "org:nato" in kb_ids_for_name("nato")
    assert "org:isr-idf" in kb_ids_for_name("idf")  # an all-caps abbreviation typed in lower case
    assert "person:vladimir-putin" in kb_ids_for_name("putin")
    assert {"country:GEO", "admin1:US-GA"} <= kb_ids_for_name("Georgia")
    assert "seat:kremlin" in kb_ids_for_name("the kremlin")
    assert "equipment:f-16" in kb_ids_for_name("F16")
    assert "operation:zapad-2021" in kb_ids_for_name("zapad-2021")
    assert kb_ids_for_name("Xyzzy Qwertyland") == {"Xyzzy Qwertyland"}


def test_the_pronouns_left_out_are_those_coreference_adds() -> None:
    from newsint.extract.entities.coref import SUBJECT_PRONOUNS
    from newsint.model import PRONOUN_MENTIONS

    assert SUBJECT_PRONOUNS <= PRONOUN_MENTIONS
