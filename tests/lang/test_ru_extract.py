"""Russian dates, figures, claims and events (lang/ru) on sentences written for these tests in
the style of ministry statements and wire copy, parsed by the real Natasha models."""

from __future__ import annotations

import datetime as dt
from functools import cache

from newsint.lang.ru.claims import extract_russian_claims
from newsint.lang.ru.entities import extract_russian_entities
from newsint.lang.ru.events import extract_russian_events
from newsint.lang.ru.parse import RussianParse, parse_russian
from newsint.lang.ru.quantities import extract_russian_quantities
from newsint.lang.ru.times import extract_russian_times

PUBLISHED = dt.date(2022, 2, 4)  # a Friday


@cache
def _analysis(text: str):
    parse = parse_russian(text)
    entities = extract_russian_entities(parse, PUBLISHED)
    quantities = extract_russian_quantities(parse)
    claims = extract_russian_claims(parse, entities, quantities)
    times = extract_russian_times(parse, PUBLISHED)
    events = extract_russian_events(parse, entities, claims, times)
    return parse, entities, quantities, claims, times, events


def _times(text: str, reference: dt.date | None = PUBLISHED):
    return {t.text: (t.value_start, t.value_end) for t in extract_russian_times(RussianParse(text=text), reference)}


# ------------------------------------------------------------------------------------- dates


def test_dates_resolve_against_the_publication_date() -> None:
    found = _times("Учения начнутся с 10 февраля. В середине января войска прибыли, а в четверг начались стрельбы.")
    assert found["с 10 февраля"] == ("2022-02-10", None)  # from that day: the end is not said
    assert found["В середине января"] == ("2022-01-11", "2022-01-20")
    assert found["в четверг"] == ("2022-02-03", "2022-02-03")


def test_a_date_without_a_year_takes_the_nearest_year() -> None:
    # A December date in an early-February article is last December's.
    assert _times("Переговоры прошли 28 декабря.")["28 декабря"] == ("2021-12-28", "2021-12-28")
    assert _times("Переговоры прошли 28 декабря 2019 года.")["28 декабря 2019 года"] == ("2019-12-28", "2019-12-28")


def test_without_a_publication_date_relative_dates_stay_unresolved() -> None:
    (time,) = extract_russian_times(RussianParse(text="Вчера министр прибыл в Минск."), None)
    assert (time.text, time.anchored, time.value_start) == ("Вчера", False, None)


# ----------------------------------------------------------------------------------- figures


def test_figures_with_russian_multipliers_number_words_and_bounds() -> None:
    text = (
        "В Белоруссию прибудут около 30 тыс. военнослужащих, более 200 000 человек участвовали в учениях "
        "на пяти полигонах."
    )
    _, _, quantities, *_ = _analysis(text)
    by_text = {q.text: q for q in quantities}
    troops = by_text["около 30 тыс. военнослужащих"]
    assert (troops.value, troops.unit, troops.approximate) == (30000, "военнослужащий", True)
    people = by_text["более 200 000 человек"]
    assert (people.value, people.low, people.unit) == (200000, 200000, "человек")
    assert by_text["пяти полигонах"].value == 5
    for q in quantities:
        assert text[q.start : q.end] == q.text


def test_dates_years_and_model_numbers_are_not_figures() -> None:
    text = "В 2021 году 10 февраля Минобороны показало комплексы С-400 и истребители Су-35."
    _, _, quantities, *_ = _analysis(text)
    assert quantities == []


# ------------------------------------------------------------------------------------ claims


def test_a_reporting_verb_gives_a_claim_with_its_speaker_as_source() -> None:
    text = "Министр обороны Белоруссии Виктор Хренин заявил, что учения продлятся до 20 февраля."
    _, entities, _, claims, *_ = _analysis(text)
    (claim,) = claims
    speaker = next(e for e in entities if e.kb_id == "person:viktor-khrenin")
    assert claim.source.entity == speaker.id  # the person, not the country in his title
    assert claim.content.text == "учения продлятся до 20 февраля"
    assert text[claim.content.start : claim.content.end] == claim.content.text


def test_frames_po_slovam_and_kak_soobshchaet_and_a_quotation_first() -> None:
    text = (
        "По словам Лукашенко, в Белоруссию прибудут около 30 тыс. военнослужащих. "
        "Как сообщает ТАСС, эшелоны уже прибывают в Брест. "
        "«Ни один российский военный не останется после учений», — сказал Владимир Макей."
    )
    _, entities, quantities, claims, *_ = _analysis(text)
    names = {e.id: e.kb_id for e in entities}
    sources = {names.get(c.source.entity): c for c in claims}
    lukashenko = sources["person:alexander-lukashenko"]
    assert lukashenko.cue == "по словам"
    assert lukashenko.quantities == [q.id for q in quantities if "30 тыс." in q.text]
    assert sources["org:tass"].content.text == "эшелоны уже прибывают в Брест"
    makei = sources["person:vladimir-makei"]
    assert makei.content.text == "Ни один российский военный не останется после учений"


# ------------------------------------------------------------------------------------ events


def test_events_of_the_high_precision_subset_with_actors_and_modality() -> None:
    text = (
        "Россия перебросила войска в Белоруссию. "
        "Евросоюз ввел санкции против Белоруссии. "
        "Россия и Белоруссия проведут учения с 10 февраля. "
        "Песков заявил, что Россия не собирается атаковать Украину."
    )
    _, entities, _, claims, _, events = _analysis(text)
    names = {e.id: e.kb_id for e in entities}
    coded = {(v.type, v.mode, v.modality): v for v in events}
    moved = coded[("MOBILIZE", "troops", "asserted")]
    assert [names[a.entity] for a in moved.actors] == ["country:RUS"]
    sanction = coded[("SANCTION", "restrict", "asserted")]
    assert [a.actor for a in sanction.actors] == ["EU"]
    assert coded[("MOBILIZE", "exercise", "future")].start == "2022-02-10"
    attack = coded[("FIGHT", None, "negated")]
    assert attack.claim == claims[-1].id
    assert [names[t.entity] for t in attack.targets] == ["country:UKR"]
    assert len(events) == 4


def test_a_verb_outside_the_subset_or_without_its_object_makes_no_event() -> None:
    # "провести переговоры" is not an exercise; "ввести войска" is not a sanction.
    *_, events = _analysis("Стороны провели переговоры в Минске, а Россия ввела новые правила.")
    assert events == []
