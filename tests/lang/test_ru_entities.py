"""Russian entities (lang/ru/entities.py) with real Natasha models: knowledge-base links through
the Cyrillic aliases, exact spans into the text, and factRuEval tuning-half documents read at
run time from ../shared (never copied)."""

from __future__ import annotations

import datetime as dt
import importlib.util
from pathlib import Path

import pytest

from newsint.lang.ru.entities import extract_russian_entities
from newsint.lang.ru.parse import parse_russian

ROOT = Path(__file__).resolve().parents[2]
FACTRUEVAL = ROOT.parent / "shared" / "data" / "ru" / "factrueval"
DAY = dt.date(2022, 2, 4)


def _benchmark():
    spec = importlib.util.spec_from_file_location("factrueval_benchmark", ROOT / "benchmarks" / "factrueval.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _entities(text: str):
    return extract_russian_entities(parse_russian(text), DAY)


def _by_kb_id(entities):
    return {e.kb_id: e for e in entities if e.kb_id}


def test_news_names_link_to_the_knowledge_base_with_actor_codes() -> None:
    text = (
        "Минобороны России сообщило о переброске комплексов «Искандер» и С-400 в Белоруссию. "
        "Лукашенко заявил, что ВСУ стягивают силы к границе, а НАТО наращивает группировку."
    )
    linked = _by_kb_id(_entities(text))
    assert linked["org:rus-mod"].actor == "RUS MIL"
    assert linked["org:ukr-armed-forces"].actor == "UKR MIL"
    assert linked["person:alexander-lukashenko"].actor == "BLR GOV"
    assert linked["org:nato"].actor == "NATO"
    assert {"equipment:iskander", "equipment:s-400", "country:BLR"} <= set(linked)
    # "России" inside "Минобороны России" is part of the ministry's name, not a mention of Russia.
    assert "country:RUS" not in linked


def test_inflected_names_and_a_later_surname_are_one_entity_with_exact_spans() -> None:
    text = "Министр обороны Белоруссии Виктор Хренин прибыл в Брест. Позднее Хренина встретили в Гомеле."
    entities = _entities(text)
    khrenin = _by_kb_id(entities)["person:viktor-khrenin"]
    assert [m.text for m in khrenin.mentions] == ["Виктор Хренин", "Хренина"]
    for entity in entities:
        for mention in entity.mentions:
            assert text[mention.start : mention.end] == mention.text


def test_a_known_surname_inside_a_longer_name_takes_the_whole_name_from_factrueval() -> None:
    # Tuning half (book_142, book_288): a KB surname inside NER's full name ("Реджеп Эрдоган",
    # "Дмитрий Анатольевич Медведев") is the whole name, linked when the given name agrees.
    if not FACTRUEVAL.is_dir():
        pytest.skip("factRuEval is not here")
    benchmark = _benchmark()
    for stem, kb_id, surname in (
        ("book_142", "person:recep-tayyip-erdogan", "Эрдоган"),
        ("book_288", "person:dmitry-medvedev", "Медведев"),
    ):
        assert not benchmark.is_checking(stem)
        text = (FACTRUEVAL / f"{stem}.txt").read_text("utf-8")
        gold = {
            (s, e)
            for s, e, kind in benchmark.gold_mentions(FACTRUEVAL / stem)
            if kind == "PER" and surname in text[s:e]
        }
        assert any(len(text[s:e].split()) > 1 for s, e in gold)  # full names are there to find
        found = {(m.start, m.end) for m in _by_kb_id(_entities(text))[kb_id].mentions}
        assert gold <= found


def test_another_person_with_a_known_surname_is_not_linked() -> None:
    text = "В Грозном открыли памятник Ахмату-Хаджи Кадырову."
    assert "person:ramzan-kadyrov" not in _by_kb_id(_entities(text))


def test_factrueval_tuning_documents_score_at_least_natashas_own_ner() -> None:
    if not FACTRUEVAL.is_dir():
        pytest.skip("factRuEval is not here")
    from collections import Counter

    benchmark = _benchmark()
    ours, natasha = Counter(), Counter()
    tuning = [p for p in sorted(FACTRUEVAL.glob("*.txt")) if not benchmark.is_checking(p.stem)]
    for path in tuning[:12]:
        text = path.read_text("utf-8")
        gold = benchmark.gold_mentions(path.with_suffix(""))
        benchmark.count(ours, gold, benchmark.newsint_mentions(text))
        benchmark.count(natasha, gold, benchmark.natasha_mentions(text))
    assert benchmark.scores(ours)["all"][2] >= benchmark.scores(natasha)["all"][2]


def test_a_given_name_is_not_a_city_and_a_longer_place_name_stays_whole() -> None:
    # "Лев" (a given name) and "Львов" (the city; also the genitive plural of "лев") must not
    # share a lemma; "Западный Иерусалим" is NER's whole name, not the knowledge base's part of it.
    text = "Правозащитник Лев Пономарев выступил во Львове, а затем в Западном Иерусалиме."
    entities = _entities(text)
    mentions = {m.text: e for e in entities for m in e.mentions}
    assert mentions["Лев Пономарев"].type == "PERSON"
    assert "Лев" not in mentions
    assert mentions["Львове"].kb_id == "geonames:702550"
    assert "Западном Иерусалиме" in mentions and "Иерусалиме" not in mentions
