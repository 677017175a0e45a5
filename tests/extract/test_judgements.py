"""Estimative judgements (extract/judgements.py) on sentences written for these tests, the seed's
two gold judgements and hand-checked sentences of real Guardian articles.

Expected values are what a reader of the sentence knows (the ICD 203 band of the phrase, the
condition it hangs on), not copies of the current output. Guardian articles are read from the
shared data at run time, never copied here.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from newsint.extract.judgements import extract_judgements, lexicon
from newsint.model import Judgement
from newsint.nlp.model import load_nlp

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
GUARDIAN = SHARED / "data" / "news" / "guardian-syria.jsonl"
SEED = SHARED / "seed" / "belarus-staging-area.txt"
GOLD = SHARED / "gold" / "belarus-staging-area.yaml"

ALMOST_NO_CHANCE = [0.01, 0.05]
VERY_UNLIKELY = [0.05, 0.20]
UNLIKELY = [0.20, 0.45]
EVEN = [0.45, 0.55]
LIKELY = [0.55, 0.80]
VERY_LIKELY = [0.80, 0.95]
ALMOST_CERTAIN = [0.95, 0.99]


def judge(text: str) -> list[Judgement]:
    doc = load_nlp()(text)
    found = extract_judgements(doc)
    check_spans(text, found)
    return found


def check_spans(text: str, found: list[Judgement]) -> None:
    assert [j.id for j in found] == [f"J{n}" for n in range(1, len(found) + 1)]
    for j in found:
        assert text[j.start : j.end] == j.text, j
        assert j.phrase.lower() in j.text.lower(), j
        assert j.text == j.text.strip() and "\n" not in j.text


def one(text: str) -> Judgement:
    found = judge(text)
    assert len(found) == 1, [(j.phrase, j.probability) for j in found]
    return found[0]


# --- the seed's gold judgements ------------------------------------------------------------


def test_gold_highly_unlikely_with_its_condition():
    text = "If a war did break out, it’s highly unlikely the Belarusian army would take part in the fighting."
    j = one(text)
    assert j.phrase == "highly unlikely"
    assert j.probability == VERY_UNLIKELY
    assert j.condition == "If a war did break out"
    assert j.text == text  # the judgement's text is its sentence


def test_gold_there_is_no_way():
    j = one("There’s no way Lukashenko would involve Belarusian troops in a conflict of his own volition.")
    assert j.phrase == "no way"
    assert j.probability == ALMOST_NO_CHANCE
    assert j.condition is None


@pytest.mark.skipif(not (SEED.exists() and GOLD.exists()), reason="shared seed/gold not available")
def test_seed_article_meets_the_gold_judgements():
    from newsint.clean import clean
    from newsint.eval.match import bands_overlap, contains
    from newsint.nlp.model import newsint_nlp
    from newsint.readers.raw import RawDocument

    document = clean(RawDocument(source=str(SEED), reader="text", text=SEED.read_text("utf-8")))
    found = extract_judgements(newsint_nlp()(document.text))
    check_spans(document.text, found)
    for gold in yaml.safe_load(GOLD.read_text("utf-8"))["judgements"]:
        matches = [
            j for j in found if contains(j.text, gold["contains"]) and bands_overlap(gold["band"], j.probability)
        ]
        assert matches, f"{gold} not among {[(j.phrase, j.probability, j.text) for j in found]}"
        if "condition" in gold:
            assert any(contains(j.condition, gold["condition"]) for j in matches)
    # "In the event of war, Belarus would be forced into making risky and likely self-destructive
    # concessions": an estimate too, with its condition.
    likely = [j for j in found if j.phrase == "likely"]
    assert len(likely) == 1 and likely[0].probability == LIKELY
    assert likely[0].condition == "In the event of war"


# --- one band per lexicon class ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "phrase", "band"),
    [
        ("It is out of the question that British troops will be sent.", "out of the question", ALMOST_NO_CHANCE),
        ("A ceasefire before the winter is virtually impossible.", "virtually impossible", ALMOST_NO_CHANCE),
        ("Assad will never give up power.", "will never", ALMOST_NO_CHANCE),
        ("Officials said the rebels had no chance of holding the town.", "no chance", ALMOST_NO_CHANCE),
        ("It is very unlikely that the talks will resume this year.", "very unlikely", VERY_UNLIKELY),
        ("A deal is highly improbable.", "highly improbable", VERY_UNLIKELY),
        ("There is little chance of a ceasefire.", "little chance", VERY_UNLIKELY),
        ("The chances of a deal are slim.", "chances of a deal are slim", VERY_UNLIKELY),
        ("The government is unlikely to survive the vote.", "unlikely", UNLIKELY),
        ("It is doubtful whether the ceasefire will hold.", "doubtful", UNLIKELY),
        ("The offensive will probably not start before spring.", "probably not", UNLIKELY),
        ("The minister is not expected to attend.", "not expected to", UNLIKELY),
        ("Analysts say the vote is a toss-up.", "toss-up", EVEN),
        ("Diplomats put the chances of a deal at fifty-fifty.", "fifty-fifty", EVEN),
        ("There is a roughly even chance that the truce collapses.", "roughly even chance", EVEN),
        ("The regime is likely to retake the town within weeks.", "likely", LIKELY),
        ("The strike was probably carried out by Israeli jets.", "probably", LIKELY),
        ("The army will most likely withdraw.", "most likely", LIKELY),
        ("The vote is expected to take place on Monday.", "expected to", LIKELY),
        ("There is a good chance that talks will collapse.", "good chance", LIKELY),
        ("Chances are he will resign.", "Chances are", LIKELY),
        ("The sanctions may well backfire.", "may well", LIKELY),
        ("It is highly likely that the regime was responsible.", "highly likely", VERY_LIKELY),
        ("A second wave of refugees is very likely.", "very likely", VERY_LIKELY),
        ("The missiles were almost certainly fired from Iran.", "almost certainly", ALMOST_CERTAIN),
        ("It is virtually certain that the plan will fail.", "virtually certain", ALMOST_CERTAIN),
        ("The bill is all but certain to pass.", "all but certain", ALMOST_CERTAIN),
    ],
)
def test_band_of_each_lexicon_class(text, phrase, band):
    j = one(text)
    assert (j.phrase, j.probability) == (phrase, band)


def test_lexicon_bands_are_the_icd_203_scale():
    scale = (ALMOST_NO_CHANCE, VERY_UNLIKELY, UNLIKELY, EVEN, LIKELY, VERY_LIKELY, ALMOST_CERTAIN)
    bands = {tuple(e.band) for group in lexicon().entries.values() for e in group}
    assert bands == {tuple(b) for b in scale}  # every entry on the scale, every band used


# --- negation ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "phrase", "band"),
    [
        ("It is not likely that the talks will succeed.", "not likely", UNLIKELY),
        ("He probably won't attack.", "probably won't", UNLIKELY),
        ("The army will likely not fight.", "likely not", UNLIKELY),
        ("It's not unlikely that he wins.", "not unlikely", LIKELY),  # mirrored band, see estimative.yaml
        ("A ceasefire is not very likely.", "not very likely", UNLIKELY),
        ("The missiles were almost certainly not Iranian.", "almost certainly not", ALMOST_NO_CHANCE),
        ("He did not think a clash with the US was likely.", "likely", UNLIKELY),  # negation raising
        ("Nor is the regime likely to fall soon.", "likely", UNLIKELY),
    ],
)
def test_negation_flips_the_band(text, phrase, band):
    j = one(text)
    assert (j.phrase, j.probability) == (phrase, band)


def test_negated_possibility_is_no_band():
    assert judge("A ceasefire is not impossible.") == []


def test_a_judgement_about_a_negative_outcome_is_not_flipped():
    j = one("It is unlikely that the army will not fight.")
    assert j.probability == UNLIKELY


# --- conditions ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "condition"),
    [
        ("Russia will probably invade if talks fail.", "if talks fail"),
        ("It is almost certain that the plan will fail unless Russia backs down.", "unless Russia backs down"),
        ("Should talks fail, war is very likely.", "Should talks fail"),
        ("In the event of an attack, shortages would almost certainly get worse.", "In the event of an attack"),
        ("Absent sustained pressure, Isis could likely resurge.", "Absent sustained pressure"),
        ("It is unlikely that the army would fight if a war broke out.", "if a war broke out"),
    ],
)
def test_condition_in_the_same_sentence(text, condition):
    assert one(text).condition == condition


@pytest.mark.parametrize(
    "text",
    [
        "Even if the talks fail, the regime is likely to survive.",  # concessive, not a condition
        "If anything, the situation is likely to worsen.",  # a discourse marker
        "They probably buried them, which means that if she is repatriated, it will depend on DNA.",
    ],
)
def test_not_a_condition(text):
    assert one(text).condition is None


def test_a_condition_is_not_carried_into_the_next_sentence():
    found = judge("If Ukraine struck first, things would change. That is unlikely.")
    assert [(j.phrase, j.condition) for j in found] == [("unlikely", None)]


# --- near misses ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Likely voters favour the incumbent.",
        "An unlikely alliance was formed in 1990.",
        "Without an unlikely diplomatic solution, the war goes on.",  # attributive, one hit only below
        "The likely outcome was discussed at length.",
        "There is no way to verify the figure.",
        "But there is no way to bomb Syria into the country we want it to be.",
        "The minister was in no way responsible.",
        "It is impossible to know how many died.",
        "It is impossible to independently verify the claims.",
        "He had no chance to respond.",
        "He watched the film “Unlikely Allies” on Sunday.",
        "Women are more likely to vote than men.",
        "We will never surrender.",
        "Is it likely that the talks succeed?",
        "Questions remain on whether locals are likely to welcome the troops.",
        "HTS fighters will be expected to evacuate the zone.",  # an obligation
        "The talks may collapse, and the rebels might regroup.",  # bare modals carry no band
        "The result was better than expected.",
        "She seemed an unlikely candidate for clemency.",
    ],
)
def test_near_misses_give_no_judgement(text):
    assert judge(text) == []


# --- real articles -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def guardian() -> dict[str, str]:
    if not GUARDIAN.exists():
        pytest.skip(f"{GUARDIAN} not available")
    rows = [json.loads(line) for line in GUARDIAN.read_text("utf-8").splitlines() if line.strip()]
    return {row["id"]: row["text"] for row in rows}


def judge_article(guardian: dict[str, str], article: str) -> list[Judgement]:
    text = guardian[article]
    found = extract_judgements(load_nlp()(text))
    check_spans(text, found)
    return found


# Checked by hand: the sentence, the band a reader gives the phrase, and its condition.
@pytest.mark.parametrize(
    ("article", "phrase", "band", "condition_starts"),
    [
        ("guardian-0002", "unlikely", UNLIKELY, None),  # "It is unlikely Iraq will turn the page ..."
        ("guardian-0030", "likely", LIKELY, "Absent"),  # "Absent sustained pressure, Isis could likely resurge"
        ("guardian-0094", "almost certainly", ALMOST_CERTAIN, "in the event of"),  # shortages exacerbated
        ("guardian-0099", "could well", LIKELY, "If the rebels"),  # Assad could well resort to chemical attacks
        ("guardian-0131", "likely", UNLIKELY, None),  # "did not think a direct military clash ... was likely"
        ("guardian-0029", "close to impossible", ALMOST_NO_CHANCE, None),  # attackers thought survival ...
    ],
)
def test_hand_checked_guardian_judgements(guardian, article, phrase, band, condition_starts):
    found = [j for j in judge_article(guardian, article) if j.phrase == phrase]
    assert found, [(j.phrase, j.probability) for j in judge_article(guardian, article)]
    j = found[0]
    assert j.probability == band
    if condition_starts is None:
        assert j.condition is None
    else:
        assert j.condition is not None and j.condition.startswith(condition_starts)


# Checked by hand: estimative-looking words in these articles that are not judgements.
@pytest.mark.parametrize(
    ("article", "absent"),
    [
        ("guardian-0017", "unlikely"),  # "an unlikely champion", "an unlikely candidate for clemency"
        ("guardian-0086", "expected to"),  # "will be expected to evacuate": an obligation
        ("guardian-0184", "likely"),  # "whether locals are likely to welcome": an indirect question
        ("guardian-0125", "no way"),  # "no way to bomb Syria into ...": a means, not a clause
    ],
)
def test_hand_checked_guardian_near_misses(guardian, article, absent):
    assert absent not in [j.phrase for j in judge_article(guardian, article)]


def test_first_twenty_guardian_articles_give_well_formed_judgements(guardian):
    total = 0
    for article in list(guardian)[:20]:
        found = judge_article(guardian, article)
        total += len(found)
        for j in found:
            assert j.probability[0] < j.probability[1]
    assert total >= 10  # 13 when checked by hand, every one an estimate
