"""The verb that governs a quantity and its modality, on sentences from examples/ and the Guardian
Syria corpus (/work/shared/data/news/guardian-syria.jsonl), read through the real parse."""

from __future__ import annotations

from newsint.extract.quantities import extract_quantities
from newsint.extract.quantity_compare import same_quantity
from newsint.model import Quantity
from newsint.nlp.model import newsint_nlp

# examples/borderland-monitor-belarus-buildup.txt
NOW_AND_PLANNED = (
    "Linda Thomas-Greenfield, the U.S. ambassador to the United Nations, told the Security Council on "
    "Jan. 31 that Russia had already moved nearly 5,000 troops into Belarus and intended to raise that "
    "to more than 30,000 near the Belarus–Ukraine border by early February."
)
FORECAST = (
    "NATO Secretary General Jens Stoltenberg said on Thursday that Russia’s biggest military deployment "
    "to Belarus since the end of the Cold War was under way, and that the force there was expected to "
    "include about 30,000 combat troops."
)
WOULD_SEND = "Russian Deputy Defence Minister Alexander Fomin said Russia would send 12 Su-35 fighters to Belarus."
# examples/meridian-wire-feed.jsonl
INTENDS = (
    "Russia intends to have more than 30,000 troops near the Belarus-Ukraine border by early February, "
    "U.S. Ambassador to the United Nations Linda Thomas-Greenfield told the Security Council on Monday."
)
# Guardian: guardian-0127, guardian-0125, guardian-0091.
INJURED = (
    "She also questioned World Health Organisation reports that 500 people were the injured in the "
    "chemical attack in Douma."
)
KILLED = (
    "Downing Street said senior ministers had agreed it was highly likely the Syrian government was "
    "responsible for the “shocking and barbaric” gas attack on the rebel-held town of Douma, which "
    "killed up to 75 people."
)
POPULATION = (
    "“Any attack on this province of 3.5 million people … will trigger another wave of migration into "
    "Turkey and from there to Europe and elsewhere,” he said."
)


def _quantities(text: str) -> dict[str, Quantity]:
    return {q.text: q for q in extract_quantities(newsint_nlp()(text))}


def test_a_count_and_a_plan_in_one_sentence_are_told_apart() -> None:
    found = _quantities(NOW_AND_PLANNED)
    now, planned = found["nearly 5,000 troops"], found["more than 30,000"]
    assert (now.predicate, now.modality) == ("move", "asserted")
    assert (planned.predicate, planned.modality) == ("raise", "planned")
    assert planned.unit == "troop"  # same unit: only the modality keeps them apart
    assert not same_quantity(now, planned)


def test_intention_future_and_forecast() -> None:
    assert _quantities(INTENDS)["more than 30,000 troops"].modality == "planned"
    assert _quantities(WOULD_SEND)["12 Su-35 fighters"].modality == "planned"
    forecast = _quantities(FORECAST)["about 30,000 combat troops"]
    assert (forecast.predicate, forecast.modality) == ("include", "expected")


def test_the_verb_over_people_says_what_is_counted() -> None:
    injured = _quantities(INJURED)["500 people"]
    killed = _quantities(KILLED)["up to 75 people"]
    assert injured.predicate == "injure"  # a copula gives way to its complement
    assert killed.predicate == "kill"
    # A quantity that modifies another noun has no governing verb of its own.
    assert _quantities(POPULATION)["3.5 million people"].predicate is None


def test_generic_units_compare_only_with_the_same_verb() -> None:
    injured = _quantities(INJURED)["500 people"]
    killed = _quantities(KILLED)["up to 75 people"]
    population = _quantities(POPULATION)["3.5 million people"]
    assert not same_quantity(injured, killed)
    assert not same_quantity(killed, population)  # unknown verb: nothing says they count the same
    also_killed = _quantities("Activists said the strike killed 500 people in Douma.")["500 people"]
    assert same_quantity(killed, also_killed)
