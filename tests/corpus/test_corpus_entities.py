"""Entities resolved across articles: by KB id, by name and type when attributes agree, and a lone
surname to the one full name it can belong to."""

from __future__ import annotations

from corpus_builders import article, entity

from newsint.corpus.entities import resolve_entities


def test_same_kb_id_is_one_entity_across_the_examples(example_corpus) -> None:
    index = resolve_entities(example_corpus)
    (stoltenberg,) = [e for e in index.entities if e.kb_id == "person:jens-stoltenberg"]
    # Named in A, B, D2 and D3 (examples/README.md and the texts).
    assert len(stoltenberg.article_ids) == 4


def test_surname_joins_the_full_name_across_articles(example_corpus) -> None:
    index = resolve_entities(example_corpus)
    (found,) = index.find("Thomas-Greenfield")
    assert "Linda Thomas-Greenfield" in found.names and found.name == "Linda Thomas-Greenfield"
    assert len(found.article_ids) >= 2  # A and D1 at least


def test_namesakes_with_conflicting_attributes_stay_apart() -> None:
    text = "Ahmed spoke."
    a = article("a", text, entities=[entity("E1", "Ahmed Ali", "PERSON", "Ahmed Ali spoke.", country="SYR")])
    b = article("b", text, entities=[entity("E1", "Ahmed Ali", "PERSON", "Ahmed Ali spoke.", country="IRQ")])
    c = article("c", text, entities=[entity("E1", "Ahmed Ali", "PERSON", "Ahmed Ali spoke.")])
    index = resolve_entities([a, b, c])
    assert len(index.entities) == 2  # c (no country) joins the first; a and b never merge
    assert index.of("a", "E1") is not index.of("b", "E1")
    assert index.of("c", "E1") is index.of("a", "E1")


def test_different_roles_or_actor_codes_stay_apart_and_types_never_merge() -> None:
    text = "Ahmed Ali spoke."
    a = article("a", text, entities=[entity("E1", "Ahmed Ali", "PERSON", text, role="governor")])
    b = article("b", text, entities=[entity("E1", "Ahmed Ali", "PERSON", text, role="footballer")])
    c = article("c", text, entities=[entity("E1", "Ahmed Ali", "ORG", text)])
    d = article("d", text, entities=[entity("E1", "Ahmed Ali", "PERSON", text, actor="SYR GOV")])
    e = article("e", text, entities=[entity("E1", "Ahmed Ali", "PERSON", text, actor="IRQ GOV")])
    assert len(resolve_entities([a, b, c]).entities) == 3
    assert len(resolve_entities([d, e]).entities) == 2


def test_an_ambiguous_surname_is_not_guessed() -> None:
    text = "Ali spoke."
    a = article("a", "Ahmed Ali spoke.", entities=[entity("E1", "Ahmed Ali", "PERSON", "Ahmed Ali spoke.")])
    b = article("b", "Omar Ali spoke.", entities=[entity("E1", "Omar Ali", "PERSON", "Omar Ali spoke.")])
    c = article("c", text, entities=[entity("E1", "Ali", "PERSON", text)])
    index = resolve_entities([a, b, c])
    assert len(index.entities) == 3
    assert index.of("c", "E1").names == {"Ali"}
