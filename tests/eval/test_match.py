"""The matching rules (newsint.eval.match) on small hand-made Analysis/gold pairs.

Each rule is tested with an item that matches and with near misses that must not (wrong type,
wrong actor, the other half of the month, a quantity 2% off, troops vs km, a missing substring,
one output item wanted by two gold items…), so loosening any rule fails a test here.
"""

from __future__ import annotations

from typing import Any

import pytest

from newsint.eval.match import (
    Finding,
    SectionResult,
    assign,
    bands_overlap,
    contains,
    cue_matches,
    date_matches,
    find_sentence,
    head_words,
    match_analysis,
    name_key,
    normalise,
    quantity_matches,
    sentence_spans,
    stem,
)
from newsint.extract.quantity_compare import unit_key
from newsint.model import (
    Analysis,
    Claim,
    ClaimSource,
    Contradiction,
    Document,
    Entity,
    Event,
    Judgement,
    Link,
    Location,
    Mention,
    Paragraph,
    Participant,
    Quantity,
    SentenceSpan,
    Span,
)

PARAGRAPHS = [
    "NATO Secretary General Jens Stoltenberg has spoken about 30,000 Russian troops, while Russian military "
    "experts have said 10,000 is a more realistic figure.",
    "Since the middle of January, Russia has been moving troops from the Far East to Belarus. The drills "
    "run for ten days from Feb. 10 in Belarus.",
    "If a war did break out, it’s highly unlikely the Belarusian army would take part in the fighting.",
    "Minsk has no room for maneuver left with the West, and troops near Minsk wait. Belarus could become "
    "an “Eastern European Switzerland.”",
    "Ukraine launched counterstrikes against Belarus, in this scenario.",
]
TEXT = "\n\n".join(PARAGRAPHS)


def at(phrase: str, occurrence: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(phrase, start + 1)
    return start, start + len(phrase)


def mention(phrase: str, occurrence: int = 0, actor: str | None = None) -> Mention:
    start, end = at(phrase, occurrence)
    return Mention(start, end, phrase, actor=actor)


def sentence_of(phrase: str) -> SentenceSpan:
    start, _ = at(phrase)
    s = max(TEXT.rfind(". ", 0, start) + 2, TEXT.rfind("\n", 0, start) + 1)
    e = TEXT.find(".", start) + 1
    return SentenceSpan(s, e)


def document(text: str = TEXT, **fields: Any) -> Document:
    paragraphs, offset = [], 0
    for block in text.split("\n\n"):
        paragraphs.append(Paragraph("body", offset, offset + len(block)))
        offset += len(block) + 2
    return Document(id="d", source="test", text=text, paragraphs=paragraphs, **fields)


def analysis(**items: Any) -> Analysis:
    return Analysis(document=items.pop("document", None) or document(), **items)


def section(result: list[SectionResult], name: str) -> SectionResult:
    (found,) = [s for s in result if s.section == name]
    return found


def score(sections: dict[str, Any], complete: tuple[str, ...] = (), **items: Any) -> dict[str, SectionResult]:
    return {s.section: s for s in match_analysis(analysis(**items), sections, complete)}


def oks(result: SectionResult) -> list[bool]:
    return [f.ok for f in result.findings]


STOLTENBERG = Entity("e1", "Jens Stoltenberg", "PERSON", actor="NATO", mentions=[mention("Jens Stoltenberg")])
GOLD_STOLTENBERG = {"id": "stoltenberg", "name": "Jens Stoltenberg", "type": "PERSON", "actor": "NATO"}


# --------------------------------------------------------------------------------------------
# Normalisation, names, containment


def test_normalise_straightens_quotes_and_dashes_and_whitespace() -> None:
    assert normalise("U.S., Belarus Army Chiefs Speak to Avoid Drill ‘Miscalculation’ – Pentagon") == (
        "U.S., Belarus Army Chiefs Speak to Avoid Drill 'Miscalculation' - Pentagon"
    )
    assert normalise("  a\u00a0 b\n c\u00ad ") == "a b c"
    assert normalise("Belarus") != normalise("belarus")  # document values keep their case


def test_name_key_folds_case_punctuation_and_dashes() -> None:
    assert name_key("Belarus–Ukraine border") == name_key("belarus-ukraine  Border")
    assert name_key("U.S.") == name_key("US")
    assert name_key("Su-30SM") == name_key("Su 30SM") == name_key("su/30sm")
    assert name_key("Pantsir") != name_key("Pantsir-S1")
    assert name_key("NATO") != name_key("NATO's allies")


def test_contains_needs_word_boundaries_and_the_whole_substring() -> None:
    assert contains("Russian military experts have said 10,000 is", "10,000")
    assert not contains("some 110,000 troops", "10,000")
    assert contains("it’s highly unlikely", "IT'S highly unlikely")
    assert not contains("no longer in control", "no longer in control of the situation")
    assert not contains(None, "anything")


def test_sentences_do_not_break_at_abbreviations_or_dates() -> None:
    text = "The U.S. State Department said so. The drills run from Feb. 10 to Feb. 20. Mr. Smith left."
    assert [text[s:e] for s, e in sentence_spans(text)] == [
        "The U.S. State Department said so.",
        "The drills run from Feb. 10 to Feb. 20.",
        "Mr. Smith left.",
    ]
    assert find_sentence(TEXT, "highly unlikely") == PARAGRAPHS[2]
    assert find_sentence(TEXT, "Carnegie Moscow Center") is None


# --------------------------------------------------------------------------------------------
# Cues


@pytest.mark.parametrize(
    ("gold", "output"),
    [
        ("stress", "to stress that"),
        ("stress", "stressed"),
        ("spoken about", "has spoken"),  # "about" is not a head word (it belongs to "about 30,000")
        ("said", "says"),
        ("briefed the media", "briefed the media that"),
        ("argued", "argued at length that"),
        ("replied", "replies"),
    ],
)
def test_cue_matches_head_words_by_stem(gold: str, output: str) -> None:
    assert cue_matches(gold, output)


@pytest.mark.parametrize(
    ("gold", "output"),
    [
        ("argued", "said"),
        ("briefed the media", "briefed"),  # "media" is a head word too
        ("stress", "stressful"),
        ("spoken about", "wrote about"),
        ("said", None),
        ("said", ""),
    ],
)
def test_cue_near_misses(gold: str, output: str | None) -> None:
    assert not cue_matches(gold, output)


def test_head_words_and_stems() -> None:
    assert head_words("briefed the media") == ["briefed", "media"]
    assert head_words("spoken about") == ["spoken"]
    assert head_words("has") == ["has"]  # nothing but function words: all of them
    assert stem("stress") == stem("stressed") == stem("stresses") == "stress"
    assert stem("argue") == stem("argued") == stem("argues")
    assert stem("replied") == stem("replies") == "reply"


# --------------------------------------------------------------------------------------------
# Quantities, bands, dates


def test_quantity_value_within_one_percent_and_unit_singular_or_plural() -> None:
    gold = {"value": 30000, "unit": "troops"}
    assert quantity_matches(gold, 30000, "troops")
    assert quantity_matches(gold, 30299, "troop")  # 0.997% off
    assert not quantity_matches(gold, 30600, "troops")  # 2% off
    assert not quantity_matches(gold, 29400, "troops")  # 2% off
    assert not quantity_matches(gold, 30000, "km")
    assert not quantity_matches(gold, 30000, None)
    assert not quantity_matches(gold, None, "troops")
    assert quantity_matches({"value": 10000}, 10000, "anything")  # no gold unit: unit not checked
    assert unit_key("Soldiers") == unit_key("soldier")
    assert unit_key("casualties") == unit_key("casualty")


def test_bands_overlap_only_beyond_a_shared_end_point() -> None:
    assert bands_overlap([0.05, 0.20], [0.10, 0.30])
    assert bands_overlap([0.05, 0.20], [0.0, 0.10])
    assert not bands_overlap([0.0, 0.05], [0.05, 0.20])  # touching is not overlapping
    assert not bands_overlap([0.80, 0.95], [0.05, 0.20])
    assert bands_overlap([0.0, 0.05], [0.0, 0.0])  # a point band inside
    assert not bands_overlap([0.05, 0.20], None)


@pytest.mark.parametrize(
    ("gold", "output", "precision", "ok"),
    [
        ({"value": "2022-01-15", "precision": "month-part"}, "2022-01-01", None, True),
        ({"value": "2022-01-15", "precision": "month-part"}, "2022-01-15", "month-part", True),
        ({"value": "2022-01-15", "precision": "month-part"}, "2022-01-16", None, False),  # other half
        ({"value": "2022-01-20", "precision": "month-part"}, "2022-01-31", None, True),
        ({"value": "2022-01-20", "precision": "month-part"}, "2022-01-10", None, False),
        ({"value": "2022-01-15", "precision": "month-part"}, "2022-01", None, False),  # which half?
        ({"value": "2022-01-15", "precision": "month-part"}, "2022-01-10", "month", False),  # coarser
        ({"value": "2022-01-15", "precision": "month-part"}, "2021-01-10", None, False),
        ({"value": "2022-02-10", "precision": "day"}, "2022-02-10", "day", True),
        ({"value": "2022-02-10", "precision": "day"}, "2022-02-10T09:00:00", None, True),
        ({"value": "2022-02-10", "precision": "day"}, "2022-02-11", None, False),
        ({"value": "2022-02", "precision": "month"}, "2022-02-28", None, True),
        ({"value": "2022-02", "precision": "month"}, "2022-03-01", None, False),
        ({"value": "2020", "precision": "year"}, "2020-08-09", None, True),
        ({"value": "2020", "precision": "year"}, "2020", "year", True),
        ({"value": "2020", "precision": "year"}, "2021-01-01", None, False),
        ({"value": "2020", "precision": "year"}, None, None, False),
    ],
)
def test_dates_within_the_gold_precision(gold: dict, output: str | None, precision: str | None, ok: bool) -> None:
    assert date_matches(gold, output, precision) is ok


# --------------------------------------------------------------------------------------------
# Assignment


def test_assignment_is_a_maximum_matching_not_greedy() -> None:
    # Greedy would give output 0 to gold 0 and leave gold 1 with nothing.
    assert assign([[0, 1], [0]]) == [1, 0]
    assert assign([[0], [0]]) == [0, None]
    assert assign([[], [2, 1]]) == [None, 2]


# --------------------------------------------------------------------------------------------
# Document


def test_document_values_after_quote_and_dash_normalisation() -> None:
    doc = document(title="Belarus — a staging area", captions=["Su-30SM fighters’ exercise."])
    gold = {
        "title": "Belarus - a staging area",
        "captions": ["Su-30SM fighters' exercise."],
        "body_starts_with": "NATO Secretary General",
        "body_ends_with": "in this scenario.",
        "body_paragraphs": {"min": 5, "max": 5},
        "body_must_contain": ["it's highly unlikely"],
        "body_must_not_contain": ["Related article"],
    }
    result = score({"document": gold}, document=doc)["document"]
    assert oks(result) == [True] * 7
    assert result.recall == 1.0 and result.precision is None


def test_document_near_misses() -> None:
    doc = document(title="Belarus: a staging area", original_publisher="Carnegie Endowment")
    gold = {
        "title": "belarus: a staging area",  # case is kept for document values
        "original_publisher": "Carnegie Moscow Center",
        "body_starts_with": "Secretary General",
        "body_paragraphs": {"min": 6, "max": 8},
        "body_must_contain": ["Eastern European Switzerland.”", "highly likely"],
        "body_must_not_contain": ["room for maneuver"],
        "captions": ["A caption."],
    }
    result = score({"document": gold}, document=doc)["document"]
    by_item = {f.item: f for f in result.findings}
    assert by_item["title"].detail == "got “Belarus: a staging area”"
    assert not by_item["original publisher"].ok
    assert not by_item["body starts with"].ok
    assert not by_item["body paragraphs 6–8"].ok and by_item["body paragraphs 6–8"].detail == "got 5 paragraphs"
    assert by_item["body contains “Eastern European Switzerland.””"].ok
    assert not by_item["body contains “highly likely”"].ok
    forbidden = by_item["body must not contain “room for maneuver”"]
    assert not forbidden.ok and forbidden.forbidden and forbidden.sentence.startswith("Minsk has no room")
    assert not by_item["caption: “A caption.”"].ok
    assert result.passed == 1


def test_document_precision_counts_extra_links_only_when_complete() -> None:
    doc = document(title="T")
    doc.links = [Link("https://a.example/1"), Link("https://b.example/2")]
    gold = {"title": "T", "links": [{"url": "https://a.example/1"}]}
    assert score({"document": gold}, document=doc)["document"].precision is None
    result = score({"document": gold}, ("document",), document=doc)["document"]
    assert result.recall == 1.0
    assert result.output_total == 3 and result.precision == pytest.approx(2 / 3)
    assert [f.item for f in result.unexpected] == ["“https://b.example/2”"]


# --------------------------------------------------------------------------------------------
# Entities


def test_entity_matches_by_alias_among_mentions_case_folded() -> None:
    lukashenko = Entity("e9", "Lukashenko", "PERSON", actor="BLR GOV",
                        mentions=[Mention(0, 10, "LUKASHENKO"), Mention(20, 30, "Lukashenko")])  # fmt: skip
    gold = {"name": "Alexander Lukashenko", "aliases": ["Lukashenko"], "type": "PERSON", "actor": "BLR GOV",
            "min_mentions": 2}  # fmt: skip
    result = score({"entities": [gold]}, entities=[lukashenko])["entities"]
    assert oks(result) == [True]
    assert result.findings[0].detail == "matched e9 “Lukashenko” (PERSON)"


@pytest.mark.parametrize(
    ("gold_changes", "reason"),
    [
        ({"type": "ORG"}, "type is PERSON, not ORG"),
        ({"actor": "RUS GOV"}, "actor is NATO, not RUS GOV"),
        ({"name": "Stoltenberg Jens"}, "no output entity has this name"),
        ({"min_mentions": 2}, "1 mentions, fewer than 2"),
        ({"role": "NATO Secretary General"}, None),  # informational: never scored
    ],
)
def test_entity_near_misses(gold_changes: dict, reason: str | None) -> None:
    gold = {**GOLD_STOLTENBERG, **gold_changes}
    (finding,) = score({"entities": [gold]}, entities=[STOLTENBERG])["entities"].findings
    assert finding.ok is (reason is None)
    if reason:
        assert reason in finding.detail
    # The sentence the gold name is expected in (none for a name the text does not hold).
    assert finding.sentence == (None if "name" in gold_changes else PARAGRAPHS[0])


def test_entity_optional_attributes_must_all_hold() -> None:
    belarus = Entity("e2", "Belarus", "PLACE", attributes={"kind": "country", "iso": "BLR"},
                     mentions=[mention("Belarus")])  # fmt: skip
    gold = {"name": "Belarus", "type": "PLACE", "kind": "Country", "iso": "blr"}
    assert oks(score({"entities": [gold]}, entities=[belarus])["entities"]) == [True]
    for changes in ({"iso": "UKR"}, {"kind": "region"}, {"category": "combat aircraft"}, {"origin": "RUS"}):
        finding = score({"entities": [{**gold, **changes}]}, entities=[belarus])["entities"].findings[0]
        assert not finding.ok, changes
        key = next(iter(changes))
        assert finding.detail.startswith("closest e2 “Belarus” (PLACE): " + key)


def test_an_output_entity_matches_one_gold_entity_only() -> None:
    belarus = Entity("e2", "Belarus", "PLACE", mentions=[mention("Belarus"), Mention(0, 19, "Republic of Belarus")])
    golds = [{"name": "Belarus", "type": "PLACE"}, {"name": "Republic of Belarus", "type": "PLACE"}]
    result = score({"entities": golds}, entities=[belarus])["entities"]
    assert oks(result) == [True, False]
    assert result.findings[1].detail == "its match e2 “Belarus” (PLACE) went to Belarus (PLACE)"
    assert result.recall == 0.5


def test_entity_assignment_finds_the_maximum_matching() -> None:
    ru_af = Entity("a", "Air Force", "ORG", mentions=[Mention(0, 9, "Air Force"), Mention(0, 17, "Russian Air Force")])
    by_af = Entity("b", "Belarusian Air Force", "ORG", mentions=[Mention(0, 9, "Air Force")])
    golds = [{"name": "Air Force", "type": "ORG"}, {"name": "Russian Air Force", "type": "ORG"}]
    assert oks(score({"entities": golds}, entities=[ru_af, by_af])["entities"]) == [True, True]


def test_precision_only_where_the_gold_file_is_complete() -> None:
    extra = Entity("e5", "Switzerland", "PLACE", mentions=[mention("Switzerland")])
    sections = {"entities": [GOLD_STOLTENBERG]}
    recall_only = score(sections, entities=[STOLTENBERG, extra])["entities"]
    assert recall_only.precision is None and recall_only.unexpected == []
    complete = score(sections, ("entities",), entities=[STOLTENBERG, extra])["entities"]
    assert complete.recall == 1.0 and complete.precision == 0.5 and complete.f1 == pytest.approx(2 / 3)
    (unexpected,) = complete.unexpected
    assert unexpected.item == "e5 “Switzerland” (PLACE)"
    assert unexpected.sentence == "Belarus could become an “Eastern European Switzerland.”"


# --------------------------------------------------------------------------------------------
# entities_not, actor_mentions


def test_entities_not() -> None:
    iskander_person = Entity("e3", "Iskander", "PERSON", mentions=[Mention(0, 8, "Iskander")])
    iskander_kit = Entity("e4", "Iskander", "EQUIPMENT", mentions=[Mention(0, 8, "Iskander")])
    switzerland = Entity("e5", "Switzerland", "PLACE", mentions=[mention("Switzerland")])
    golds = [
        {"text": "Iskander", "type": "PERSON"},
        {"text": "iskander"},  # any type
        {"text": "Switzerland", "type": "PLACE", "as": "event location"},
    ]
    result = score({"entities_not": golds}, entities=[iskander_kit, switzerland])["entities_not"]
    assert oks(result) == [True, False, True]  # Switzerland is produced, but is no event's location
    assert all(f.forbidden for f in result.findings)
    located = Event("v1", "MOBILIZE", sentence_of("Switzerland"), location=Location(entity="e5"))
    result = score({"entities_not": golds}, entities=[iskander_person, switzerland], events=[located])
    findings = result["entities_not"].findings
    assert [f.ok for f in findings] == [False, False, False]
    assert findings[0].detail == "produced e3 “Iskander” (PERSON)"
    assert findings[2].sentence == "Belarus could become an “Eastern European Switzerland.”"


def test_actor_mentions_resolve_through_the_mention_or_its_entity() -> None:
    gold = [{"text": "Minsk", "actor": "BLR GOV"}]
    metonymy = Entity("m", "Minsk", "PLACE", mentions=[mention("Minsk", 0, actor="BLR GOV"), mention("Minsk", 1)])
    assert oks(score({"actor_mentions": gold}, entities=[metonymy])["actor_mentions"]) == [True]
    by_entity = Entity("m", "Minsk", "ORG", actor="BLR GOV", mentions=[mention("Minsk")])
    assert oks(score({"actor_mentions": gold}, entities=[by_entity])["actor_mentions"]) == [True]
    wrong = Entity("m", "Minsk", "PLACE", mentions=[mention("Minsk", 0, actor="BLR GOV"),
                                                    mention("Minsk", 1, actor="RUS GOV")])  # fmt: skip
    (finding,) = score({"actor_mentions": gold}, entities=[wrong])["actor_mentions"].findings
    assert not finding.ok and finding.detail.endswith("resolves to RUS GOV")
    unresolved = Entity("m", "Minsk", "PLACE", mentions=[mention("Minsk")])
    assert oks(score({"actor_mentions": gold}, entities=[unresolved])["actor_mentions"]) == [False]
    assert oks(score({"actor_mentions": gold}, entities=[])["actor_mentions"]) == [False]


# --------------------------------------------------------------------------------------------
# Claims and contradictions

GOLD_CLAIMS = [
    {"id": "c-30k", "source": "stoltenberg", "cue": "spoken about", "content_contains": "30,000 Russian troops",
     "quantity": {"value": 30000, "unit": "troops", "approximate": True}},
    {"id": "c-10k", "source_text": "Russian military experts", "cue": "said", "content_contains": "10,000",
     "quantity": {"value": 10000, "unit": "troops"}},
]  # fmt: skip


def claims_output(**changes: Any) -> dict[str, Any]:
    """The two seed claims as an extractor would give them; ``changes`` override parts."""
    q30 = Quantity("q1", changes.get("q30", 30000.0), *at("30,000 Russian troops"), "30,000 Russian troops",
                   unit=changes.get("unit", "troops"), approximate=True)  # fmt: skip
    q10 = Quantity("q2", 10000.0, *at("10,000"), "10,000", unit="troop")
    c30 = Claim("k1", ClaimSource(entity=changes.get("source_entity", "e1"), text="NATO Secretary General Jens "
                "Stoltenberg", actor="NATO"), changes.get("cue30", "has spoken"),
                Span(*at(changes.get("content30", "about 30,000 Russian troops")),
                     changes.get("content30", "about 30,000 Russian troops")),
                quantities=changes.get("attached30", ["q1"]))  # fmt: skip
    c10 = Claim("k2", ClaimSource(text=changes.get("source_text", "Russian military experts")), "have said",
                Span(*at("10,000 is a more realistic figure"), "10,000 is a more realistic figure"),
                quantities=["q2"])  # fmt: skip
    return {"entities": [STOLTENBERG], "claims": [c30, c10], "quantities": [q30, q10]}


def claim_sections(**extra: Any) -> dict[str, Any]:
    return {"entities": [GOLD_STOLTENBERG], "claims": GOLD_CLAIMS, **extra}


def test_claims_match_source_cue_content_and_quantity() -> None:
    result = score(claim_sections(), **claims_output())["claims"]
    assert oks(result) == [True, True]
    assert result.findings[0].sentence == PARAGRAPHS[0]


@pytest.mark.parametrize(
    ("changes", "index", "reason"),
    [
        ({"source_entity": "e7"}, 0, "source entity is e7, not e1 (gold stoltenberg)"),
        ({"source_text": "Russian experts"}, 1, "does not contain “Russian military experts”"),
        ({"cue30": "wrote"}, 0, "lacks the head words 'spoken'"),
        ({"content30": "30,000 Russian"}, 0, "no output claim's content contains “30,000 Russian troops”"),
        ({"q30": 30600.0}, 0, "no attached quantity is 30000 troops (±1%); attached: 30600 troops"),
        ({"unit": "km"}, 0, "attached: 30000 km"),
        ({"attached30": []}, 0, "attached: none"),
    ],
)
def test_claim_near_misses(changes: dict, index: int, reason: str) -> None:
    findings = score(claim_sections(), **claims_output(**changes))["claims"].findings
    assert [f.ok for f in findings] == [i != index for i in range(2)]
    assert reason in findings[index].detail


def test_claim_source_must_be_the_matched_gold_entity() -> None:
    output = claims_output()
    output["entities"] = []  # Stoltenberg not found: a claim sourced to him cannot be found either
    (first, _) = score(claim_sections(), **output)["claims"].findings
    assert not first.ok and first.detail.endswith("its source 'stoltenberg' matched no output entity")


def test_claim_source_actor() -> None:
    gold = [{"source_text": "NATO Secretary General", "source_actor": "USA GOV", "cue": "spoken",
             "content_contains": "30,000 Russian troops"}]  # fmt: skip
    findings = score({"claims": gold}, **claims_output())["claims"].findings
    assert not findings[0].ok and "source actor is NATO, not USA GOV" in findings[0].detail
    gold[0]["source_actor"] = "NATO"
    assert score({"claims": gold}, **claims_output())["claims"].findings[0].ok


def test_an_output_claim_matches_one_gold_claim_only() -> None:
    twice = [GOLD_CLAIMS[1], {**GOLD_CLAIMS[1], "id": "c-10k-again"}]
    findings = score({"claims": twice}, **claims_output())["claims"].findings
    assert [f.ok for f in findings] == [True, False]


def test_contradictions_by_claim_or_quantity_ids() -> None:
    sections = claim_sections(contradictions=[["c-30k", "c-10k"]])
    for items in (["k1", "k2"], ["q1", "q2"], ["k1", "q2"]):
        found = score(sections, contradictions=[Contradiction(items, "values differ")], **claims_output())
        assert oks(found["contradictions"]) == [True], items
    for items in (["k1"], ["k1", "q1"], ["k2", "k3"]):
        found = score(sections, contradictions=[Contradiction(items, "values differ")], **claims_output())
        assert oks(found["contradictions"]) == [False], items
    # The claims themselves must be matched first: a wrong cue on c-30k loses the contradiction.
    found = score(sections, contradictions=[Contradiction(["k1", "k2"], "x")], **claims_output(cue30="wrote"))
    assert oks(found["contradictions"]) == [False]
    assert found["contradictions"].findings[0].detail == "gold claim(s) c-30k matched no output claim"


# --------------------------------------------------------------------------------------------
# Judgements


def judgement(band: list[float], *, condition: str | None = None, phrase: str = "highly unlikely") -> Judgement:
    start, end = at(phrase)
    return Judgement("j1", phrase, band, start, end, phrase, condition=condition)


def test_judgement_sentence_band_and_condition() -> None:
    gold = [{"contains": "the Belarusian army would take part in the fighting", "band": [0.05, 0.20],
             "condition": "If a war did break out"}]  # fmt: skip
    ok = score({"judgements": gold}, judgements=[judgement([0.1, 0.2], condition="if a war did break out")])
    assert oks(ok["judgements"]) == [True]
    touching = score({"judgements": gold}, judgements=[judgement([0.2, 0.4], condition="If a war did break out")])
    assert oks(touching["judgements"]) == [False]
    no_condition = score({"judgements": gold}, judgements=[judgement([0.1, 0.2])])
    assert oks(no_condition["judgements"]) == [False]
    elsewhere = judgement([0.1, 0.2], condition="If a war did break out", phrase="realistic")
    elsewhere = score({"judgements": gold}, judgements=[elsewhere])
    assert oks(elsewhere["judgements"]) == [False]


# --------------------------------------------------------------------------------------------
# Events

GOLD_ENTITIES = [
    {"id": "belarus", "name": "Belarus", "type": "PLACE"},
    {"id": "far-east", "name": "Russian Far East", "type": "PLACE", "aliases": ["Far East"]},
]
GOLD_DEPLOY = {"id": "e-deploy", "type": "MOBILIZE", "mode": "troops", "actors": ["RUS MIL"], "location": "belarus",
               "origin": "far-east", "start": {"value": "2022-01-15", "precision": "month-part"},
               "modality": "asserted"}  # fmt: skip


def deploy(**changes: Any) -> dict[str, Any]:
    belarus = Entity("p1", "Belarus", "PLACE", mentions=[mention("Belarus")])
    far_east = Entity("p2", "Far East", "PLACE", mentions=[mention("Far East")])
    spain = Entity("p3", "West", "PLACE", mentions=[mention("West")])
    event = Event("v1", changes.get("type", "MOBILIZE"), sentence_of("moving troops"), mode="troops",
                  actors=[Participant(actor=a) for a in changes.get("actors", ["RUS MIL", "RUS GOV"])],
                  location=Location(entity=changes.get("location", "p1")), origin=Location(entity="p2"),
                  start=changes.get("start", "2022-01-10"), precision=changes.get("precision"),
                  modality=changes.get("modality", "asserted"))  # fmt: skip
    return {"entities": [belarus, far_east, spain], "events": [event]}


def test_event_matches_type_actors_places_and_date() -> None:
    result = score({"entities": GOLD_ENTITIES, "events": [GOLD_DEPLOY]}, **deploy())
    assert oks(result["events"]) == [True]
    assert result["events"].findings[0].sentence.startswith("Since the middle of January")


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"type": "COOPERATE"}, "no output event has type MOBILIZE"),
        ({"actors": ["BLR MIL"]}, "lack ['RUS MIL']"),
        ({"start": "2022-01-20"}, "start 2022-01-20 (None) is not within 2022-01-15 (month-part)"),
        ({"start": "2022-01"}, "is not within"),
        ({"precision": "month"}, "is not within"),
        ({"location": "p3"}, "location is p3, not p1 (gold belarus)"),
        ({"modality": "hypothetical"}, "modality is hypothetical, not asserted"),
    ],
)
def test_event_near_misses(changes: dict, reason: str) -> None:
    (finding,) = score({"entities": GOLD_ENTITIES, "events": [GOLD_DEPLOY]}, **deploy(**changes))["events"].findings
    assert not finding.ok
    assert reason in finding.detail


def test_event_targets_mode_and_condition() -> None:
    gold = {"type": "THREATEN", "mode": "restrict", "actors": ["USA GOV"], "targets": ["BLR GOV"],
            "condition_contains": "if it participates in Russian aggression"}  # fmt: skip
    event = Event("v2", "THREATEN", SentenceSpan(0, 10), mode="Restrict", actors=[Participant(actor="USA  GOV")],
                  targets=[Participant(actor="BLR GOV")],
                  condition="if it participates in Russian aggression against Ukraine")  # fmt: skip
    assert oks(score({"events": [gold]}, events=[event])["events"]) == [True]
    for change in ({"targets": [Participant(actor="BLR OPP")]}, {"mode": "sanction"}, {"condition": "if asked"}):
        changed = Event(**{**{f: getattr(event, f) for f in event.__slots__}, **change})
        assert oks(score({"events": [gold]}, events=[changed])["events"]) == [False], change


def test_an_output_event_matches_one_gold_event_only() -> None:
    twice = [GOLD_DEPLOY, {**GOLD_DEPLOY, "id": "e-deploy-2"}]
    result = score({"entities": GOLD_ENTITIES, "events": twice}, **deploy())["events"]
    assert oks(result) == [True, False]


def test_events_hypothetical() -> None:
    gold = [{"contains": "Ukraine launched counterstrikes against Belarus", "type": "ASSAULT"}]

    def produced(**fields: Any) -> list[bool]:
        event = Event("v3", fields.get("type", "ASSAULT"), fields.get("sentence", sentence_of("Ukraine launched")),
                      modality=fields.get("modality", "asserted"))  # fmt: skip
        return oks(score({"events_hypothetical": gold}, events=[event])["events_hypothetical"])

    assert produced() == [False]
    assert produced(modality="hypothetical") == [True]
    assert produced(modality="conditional") == [True]
    assert produced(type="MOBILIZE") == [True]
    assert produced(sentence=sentence_of("moving troops")) == [True]
    untyped = score({"events_hypothetical": [{"contains": "Ukraine launched counterstrikes"}]},
                    events=[Event("v3", "MOBILIZE", sentence_of("Ukraine launched"))])  # fmt: skip
    assert oks(untyped["events_hypothetical"]) == [False]
    missing = score({"events_hypothetical": [{"contains": "Belarus invaded Mars"}]})["events_hypothetical"]
    assert missing.findings[0] == Finding("events_hypothetical", "no asserted event from “Belarus invaded Mars”",
                                          False, True, "its sentence is not in the text")  # fmt: skip
