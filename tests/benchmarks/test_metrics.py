"""The benchmark metrics on tiny hand-made inputs, each chosen so that a loosened metric fails."""

from __future__ import annotations

import math
import types
from pathlib import Path

import pytest

from newsint.eval.bench import attribution, events, extraction, geo, ner, quantities, times
from newsint.eval.bench import floors as gate
from newsint.eval.bench.common import Counts, OffsetMap, Report, hash_files

# --------------------------------------------------------------------------------------------
# common


def test_counts_micro_scores() -> None:
    c = Counts(3, 1, 2) + Counts(1, 1, 0)
    assert (c.tp, c.fp, c.fn) == (4, 2, 2)
    assert c.precision == pytest.approx(4 / 6)
    assert c.recall == pytest.approx(4 / 6)
    assert Counts().f1 == 0.0


def test_offset_map_undoes_reflow() -> None:
    source = "Troops  massed\nnear the\nborder, officials said."
    analysed = "Troops massed near the border, officials said."
    mapping = OffsetMap(source, analysed)
    start = analysed.index("near the border")
    span = mapping.span(start, start + len("near the border"))
    assert span is not None
    assert " ".join(source[span[0] : span[1]].split()) == "near the border"


def test_offset_map_hyphen_join_and_invented_title() -> None:
    source = "The alliance re-\nemerged as a force."
    analysed = "A Title From Metadata\n\nThe alliance reemerged as a force."
    mapping = OffsetMap(source, analysed)
    assert mapping.span(0, len("A Title From Metadata")) is None  # not in the source
    start = analysed.index("reemerged")
    span = mapping.span(start, start + len("reemerged"))
    assert span is not None and source[span[0] : span[1]] == "re-\nemerged"
    start = analysed.index("as a force")
    assert mapping.span(start, start + 10) == (source.index("as a force"), source.index("as a force") + 10)


def test_dataset_hash_sees_edits_and_renames(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("one")
    (tmp_path / "b.txt").write_text("two")
    files = sorted(tmp_path.glob("*.txt"))
    first = hash_files(files, tmp_path)
    assert hash_files(list(reversed(files)), tmp_path) == first  # order does not matter
    (tmp_path / "b.txt").write_text("two!")
    assert hash_files(files, tmp_path) != first
    (tmp_path / "b.txt").write_text("two")
    (tmp_path / "b.txt").rename(tmp_path / "c.txt")
    assert hash_files(sorted(tmp_path.glob("*.txt")), tmp_path) != first


# --------------------------------------------------------------------------------------------
# extraction (scrapinghub shingles)


def test_shingles_are_word_4grams_with_short_text_as_one() -> None:
    assert extraction.tokenize("It's 9:30 — go!") == ["It", "s", "9", "30", "go"]
    assert list(extraction.shingles("a b c d e")) == [("a", "b", "c", "d"), ("b", "c", "d", "e")]
    assert list(extraction.shingles("a b")) == [("a", "b")]
    assert extraction.shingles("") == {}


def test_shingle_f1_identical_is_one_disjoint_is_zero() -> None:
    text = "Troops massed near the border on Tuesday, officials said."
    assert extraction.scores([extraction.shingle_counts(text, text)]).f1 == 1.0
    disjoint = extraction.shingle_counts(text, "Completely different words appear in this other sentence here.")
    assert extraction.scores([disjoint]).f1 == 0.0


def test_shingle_partial_case_by_hand() -> None:
    # true shingles {abcd, bcde}; predicted {abcd, bcdx}: TP 1, FP 1, FN 1, each 1/3 after normalising.
    counts = extraction.shingle_counts("a b c d e", "a b c d x")
    assert counts == pytest.approx((1 / 3, 1 / 3, 1 / 3))
    s = extraction.scores([counts])
    assert (s.precision, s.recall, s.f1) == pytest.approx((0.5, 0.5, 0.5))


def test_shingles_are_a_multiset_and_case_sensitive() -> None:
    # true: abcd ×2, bcda, cdab, dabc (5); predicted abcd once: P 1, R 1/5.
    counts = extraction.shingle_counts("a b c d a b c d", "a b c d")
    assert extraction.page_precision(*counts) == 1.0
    assert extraction.page_recall(*counts) == pytest.approx(0.2)
    assert extraction.shingle_counts("The cat sat down", "the cat sat down") == (0.0, 0.5, 0.5)


def test_empty_prediction_hurts_recall_not_precision() -> None:
    pages = [extraction.shingle_counts("a b c d", "a b c d"), extraction.shingle_counts("a b c d", "")]
    s = extraction.scores(pages)
    assert s.precision == 1.0  # the empty page is left out of the precision mean
    assert s.recall == 0.5
    assert s.f1 == pytest.approx(2 * 1.0 * 0.5 / 1.5)  # F1 of the means, not a mean of F1s


def test_bootstrap_is_reproducible_and_zero_for_identical_systems() -> None:
    pages = [extraction.shingle_counts("a b c d e f", p) for p in ("a b c d e f", "a b c d", "x y z w", "")]
    assert extraction.with_intervals(pages).f1_ci == extraction.with_intervals(pages).f1_ci
    assert extraction.f1_difference(pages, pages) == (0.0, 0.0)


# --------------------------------------------------------------------------------------------
# attribution (PolNeAR brat)

ANN = (
    "T1\tSource 0 6\tAgents\n"
    "T2\tCue 7 11\tsaid\n"
    "T3\tContent 12 30;35 40\tthe army moved in; today\n"
    "T4\tAttribution 7 11\tsaid\n"
    "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
    "T5\tCue 50 57\taccording\n"
    "T6\tContent 41 49\tall good\n"
    "T7\tAttribution-no-source 50 57\taccording\n"
    "E2\tAttribution-no-source:T7 Content:T6 Cue:T5\n"
    "T8\tDiscard 60 70\tread more\n"
)


def test_brat_parse_discontinuous_and_sourceless() -> None:
    gold = attribution.parse_brat(ANN)
    assert gold[0] == attribution.Attribution(((12, 30), (35, 40)), ((7, 11),), ((0, 6),))
    assert gold[1].source == () and gold[1].cue == ((50, 57),)
    assert len(gold) == 2  # the Discard span is no attribution


def test_content_match_threshold_is_share_of_gold_tokens() -> None:
    text = "one two three four five six seven eight nine ten"
    gold = attribution.tokens_of(text, ((0, len(text)),))
    three = attribution.tokens_of(text, ((0, len("one two three")),))
    two = attribution.tokens_of(text, ((0, len("one two")),))
    assert attribution.match([gold], [three], threshold=0.3) == [(0, 0)]  # 3/10 ≥ 0.3
    assert attribution.match([gold], [two], threshold=0.3) == []  # 2/10 < 0.3
    assert attribution.match([gold], [three], threshold=1.0, exact=True) == []
    assert attribution.match([gold], [gold], threshold=1.0, exact=True) == [(0, 0)]


def test_one_prediction_matches_one_gold_only() -> None:
    text = "alpha beta gamma delta"
    whole = attribution.tokens_of(text, ((0, len(text)),))
    assert attribution.match([whole, whole], [whole], threshold=0.3) == [(0, 0)]


# --------------------------------------------------------------------------------------------
# geo


def test_haversine_known_distances() -> None:
    assert geo.haversine_km(0, 0, 0, 1) == pytest.approx(111.195, abs=0.01)
    assert geo.haversine_km(51.5074, -0.1278, 48.8566, 2.3522) == pytest.approx(343.5, abs=1.0)  # London–Paris
    assert geo.haversine_km(10, 20, 10, 20) == 0.0


def test_161_km_threshold() -> None:
    one_degree = geo.haversine_km(0, 0, 1, 0)
    assert geo.within(geo.haversine_km(0, 0, 160 / one_degree, 0))
    assert not geo.within(geo.haversine_km(0, 0, 162 / one_degree, 0))
    assert geo.within(161.0) and not geo.within(161.01)


def test_geo_scoring_counts_recall_and_distance() -> None:
    article = geo.Article(
        "1",
        "Paris and Lyon",
        [geo.Toponym(0, 5, "Paris", 48.8566, 2.3522), geo.Toponym(10, 14, "Lyon", 45.764, 4.8357)],
    )
    tally = geo.Tally()
    # Paris found and placed 5 km away; Lyon not found; one extra place that is no gold toponym.
    geo.score_article(article, [geo.Place(0, 5, 48.9, 2.35), geo.Place(6, 9, None, None)], tally)
    assert (tally.detection.tp, tally.detection.fn, tally.detection.fp) == (1, 1, 1)
    assert (tally.resolved, tally.correct, tally.gold_with_coords) == (1, 1, 2)


def test_a_place_with_the_golds_geonames_id_is_right_wherever_newsint_puts_it() -> None:
    # Canada: the gold point is GeoNames' (60.1 N 113.6 W), newsint gives the polygon centroid
    # (57.7 N 101.6 W), ~700 km away. Same GeoNames id: right; the distance-only count says wrong.
    # A place with another id is still judged by distance (Ottawa for Canada: wrong).
    article = geo.Article(
        "1",
        "Canada and Canada",
        [
            geo.Toponym(0, 6, "Canada", 60.10867, -113.64258, 6251999),
            geo.Toponym(11, 17, "Canada", 60.10867, -113.64258, 6251999),
        ],
    )
    tally = geo.Tally()
    geo.score_article(
        article, [geo.Place(0, 6, 57.7488, -101.5698, 6251999), geo.Place(11, 17, 45.41, -75.70, 6094817)], tally
    )
    assert (tally.resolved, tally.correct, tally.correct_by_distance) == (2, 1, 0)
    assert tally.errors_km[0] == 0.0 and tally.errors_km[1] > 1000


# --------------------------------------------------------------------------------------------
# quantities (CQE)


def test_gold_values_ranges_and_signs() -> None:
    assert quantities.parse_value("275.0") == 275.0
    assert quantities.parse_value("-1.3") == -1.3
    assert quantities.parse_value("1.0-1.5") == (1.0, 1.5)
    assert quantities.parse_value("3.0 - 4.0") == (3.0, 4.0)


def test_cqe_value_tolerance_is_relative_to_prediction() -> None:
    assert quantities.values_match(100000.0, 100000.5)  # within 1e-5 relative
    assert not quantities.values_match(100.0, 100.01)
    assert not quantities.values_match((1.0, 2.0), 1.5)  # a range never matches a number


def test_cqe_value_credit_without_unit_credit() -> None:
    tally = quantities.Tally()
    gold = [quantities.Item(30.0, "percentage"), quantities.Item(5.0, "dollar")]
    predicted = [quantities.Item(30.0, "percentage"), quantities.Item(5.0, "euro")]
    quantities.score_sentence(gold, predicted, tally)
    assert (tally.value, tally.value_unit) == (2, 1)
    value, value_unit = tally.counts(tally.value), tally.counts(tally.value_unit)
    assert value.f1 == 1.0 and value_unit.f1 == 0.5


def test_cqe_value_credits_capped_per_sentence() -> None:
    tally = quantities.Tally()
    # Two predictions with the right value and wrong units: still one value credit for one gold.
    quantities.score_sentence(
        [quantities.Item(3.0, "yard")], [quantities.Item(3.0, "-"), quantities.Item(3.0, "m")], tally
    )
    assert (tally.value, tally.value_unit, tally.predicted) == (1, 0, 2)


def test_unit_normalisation() -> None:
    assert quantities.normalize_unit("%") == "percentage"
    assert quantities.normalize_unit("Troops") == "troop"
    assert quantities.normalize_unit("Celsius") == "celsius"
    assert quantities.normalize_unit(None) == "-"


# --------------------------------------------------------------------------------------------
# times (TempEval-3)


def test_relaxed_matches_overlap_strict_needs_same_extent() -> None:
    tally = times.Tally()
    gold = [times.Timex(10, 21, "2013-03-15")]  # "last Friday"
    system = [times.Timex(15, 21, "2013-03-15")]  # "Friday"
    times.score_document(gold, system, tally)
    s = times.scores(tally)
    assert s.relaxed.f1 == 1.0
    assert s.strict.f1 == 0.0
    assert s.value_f1 == 1.0


def test_value_f1_is_accuracy_times_relaxed_f1() -> None:
    tally = times.Tally()
    gold = [times.Timex(0, 5, "2013"), times.Timex(10, 15, "2013-03"), times.Timex(20, 25, "P1D")]
    system = [times.Timex(0, 5, "2013"), times.Timex(10, 15, "2013-04"), times.Timex(40, 45, "2012")]
    times.score_document(gold, system, tally)
    s = times.scores(tally)
    assert s.relaxed.f1 == pytest.approx(2 / 3)
    assert s.value_accuracy == pytest.approx(1 / 2)
    assert s.value_f1 == pytest.approx(1 / 3)


def test_alignment_is_one_to_one() -> None:
    pairs = times.align([times.Timex(0, 10, "")], [times.Timex(0, 4, ""), times.Timex(5, 10, "")])
    assert len(pairs) == 1


def test_timex3_value_at_precision() -> None:
    assert times.timex3_value("2013-03-22", "year") == "2013"
    assert times.timex3_value("2013-03-22", "month") == "2013-03"
    assert times.timex3_value("2013-03-22", "week") == "2013-W12"
    assert times.timex3_value("2013-03-22", "day") == "2013-03-22"
    assert times.timex3_value("2013-03-23T15:00", "minute") == "2013-03-23T15:00"
    assert times.timex3_value(None, "day") == ""


def test_timex3_value_of_parts_durations_sets_and_the_present() -> None:
    assert times.timex3_value("2013-01-01", "year-part") == "2013"  # "early this year"
    assert times.timex3_value(None, "day", "duration", "P10D") == "P10D"
    # An anchored duration is still scored as its length, as TIMEX3 types it.
    assert times.timex3_value("2022-02-10", "day", "duration", "P10D") == "P10D"
    assert times.timex3_value(None, None, "set", "P1Y") == "P1Y"
    assert times.timex3_value("2013-03-22", "present") == "PRESENT_REF"


# --------------------------------------------------------------------------------------------
# events (PLOVER)


def test_actor_codes_normalised_and_compared() -> None:
    assert events.normalize_actor("JAP", "GOV") == ("JPN", "GOV")
    assert events.normalize_actor("VTN", "MIL") == ("VNM", "MIL")  # the gold's CAMEO code for Viet Nam
    assert events.normalize_actor("PHL", "REBmos") == ("PHL", "REB")
    assert events.normalize_actor("USA", "***") == ("USA", "")
    assert events.parse_actor("NATO") == ("IGO", "")
    gold = [("RUS", "MIL"), ("BLR", "GOV")]
    predicted = [events.parse_actor("RUS MIL"), events.parse_actor("BLR")]
    assert events.actor_counts(gold, predicted, with_sector=True) == Counts(1, 1, 1)
    assert events.actor_counts(gold, predicted, with_sector=False) == Counts(2, 0, 0)


# --------------------------------------------------------------------------------------------
# ner (re3d)


def test_detokenize_and_bio_spans() -> None:
    text, spans = ner.detokenize(["The", "U.S.", "army", "(", "USA", ")", "said", ",", '"', "no", '"', "."])
    assert text == 'The U.S. army (USA) said, "no".'
    tags = ["O", "B-Organisation", "I-Organisation", "O", "B-Organisation", "O", "O", "O", "O", "O", "O", "O"]
    found = ner.bio_spans(tags, spans)
    assert [(text[s:e], label) for s, e, label in found] == [("U.S. army", "Organisation"), ("USA", "Organisation")]


def test_ner_exact_versus_overlap() -> None:
    gold = [(0, 20, "Organisation")]
    exact, overlap = ner.span_counts(gold, [(4, 20, "Organisation")])
    assert exact.f1 == 0.0
    assert overlap.f1 == 1.0


def test_ner_leading_article_is_not_part_of_either_span() -> None:
    # re3d writes "a VBIED" as one Weapon span in one sentence and as "a"=Quantity + "VBIED" in another.
    text = "Strikes destroyed a VBIED and the Coalition entered An Nasiriyah."
    gold = [(18, 25, "Weapon"), (30, 43, "Organisation"), (52, 64, "Location")]
    assert [text[s:e] for s, e, _ in gold] == ["a VBIED", "the Coalition", "An Nasiriyah"]
    trimmed = ner.without_article(text, gold)
    assert [text[s:e] for s, e, _ in trimmed] == ["VBIED", "Coalition", "An Nasiriyah"]  # a name's "An" stays
    exact, _ = ner.span_counts(trimmed, ner.without_article(text, [(20, 25, "Weapon"), (34, 43, "Organisation")]))
    assert (exact.tp, exact.fp, exact.fn) == (2, 0, 1)


def test_equipment_category_to_re3d_label() -> None:
    assert ner.equipment_label({"category": "combat aircraft"}) == "MilitaryPlatform"
    assert ner.equipment_label({"category": "ballistic missile system"}) == "Weapon"
    # A missile against tanks or ships is a weapon, not a platform (the old regex got this wrong).
    assert ner.equipment_label({"category": "anti-tank missile"}) == "Weapon"
    assert ner.equipment_label({"category": "anti-ship missile"}) == "Weapon"
    assert ner.equipment_label({"kind": "platform", "category": "warship"}) == "MilitaryPlatform"
    assert ner.equipment_label({}) == "Weapon"


def _conll(sentences: list[list[tuple[str, str]]]) -> str:
    return "\n\n".join("\n".join(f"{token}\t{tag}" for token, tag in sentence) for sentence in sentences) + "\n"


def test_the_lexicon_ceiling_keeps_a_string_only_above_its_labelled_share(tmp_path: Path) -> None:
    # "strikes" is labelled in 1 of its 3 uses (one in dev, two in train), "mortar" in both of its.
    labelled = [("Two", "O"), ("strikes", "B-Weapon"), ("hit", "O"), ("a", "O"), ("mortar", "B-Weapon"), (".", "O")]
    plain = [("Two", "O"), ("strikes", "O"), ("hit", "O"), ("a", "O"), ("bridge", "O"), (".", "O")]
    mortar = [("A", "O"), ("mortar", "B-Weapon"), ("fired", "O"), (".", "O")]
    (tmp_path / "re3d-dev.conll").write_text(_conll([labelled]), encoding="utf-8")
    (tmp_path / "re3d-train.conll").write_text(_conll([plain, plain, mortar]), encoding="utf-8")
    assert [s.text for s in ner.load_sentences(tmp_path, split="train")][2] == "A mortar fired."
    scores = ner.lexicon_ceiling(ner.load_splits(tmp_path), "dev", "Weapon")
    # Over a quarter (1/3 > 0.25): both strings, both dev mentions found.
    assert (scores[0.25].tp, scores[0.25].fp, scores[0.25].fn) == (2, 0, 0)
    # Over a third and over a half: "strikes" (exactly 1/3) is out, a miss on dev.
    assert (scores[1 / 3].tp, scores[1 / 3].fn) == (1, 1)
    assert (scores[0.5].tp, scores[0.5].fn) == (1, 1)
    # On train the quarter lexicon labels the two unlabelled "strikes": precision pays.
    train = ner.lexicon_ceiling(ner.load_splits(tmp_path), "train", "Weapon")[0.25]
    assert (train.tp, train.fp, train.fn) == (1, 2, 0)
    assert ner.dataset_files(tmp_path, split="train") == [tmp_path / "re3d-train.conll"]


# --------------------------------------------------------------------------------------------
# the floor gate


def test_pin_floors_down() -> None:
    assert gate.pin(0.95678) == 0.9567
    assert gate.pin(0.9) == 0.9  # no float drift below an exact value
    assert gate.check({"f1": 0.9567}, {"f1": gate.pin(0.95678)}) == []
    assert gate.check({"f1": 0.9566}, {"f1": 0.9567})
    assert gate.check({}, {"f1": 0.5})  # a figure that disappears fails too


def _fake_benchmark(tmp_path: Path, value: float) -> types.ModuleType:
    data = tmp_path / "shared" / "data" / "fake"
    data.mkdir(parents=True, exist_ok=True)
    if not (data / "gold.txt").exists():
        (data / "gold.txt").write_text("gold", encoding="utf-8")
    module = types.ModuleType("fake")
    module.NAME, module.DATA_FOLDER, module.SAMPLE_LIMIT = "fake", "fake", 1

    def dataset_files(data_dir: Path) -> list[Path]:
        return [data_dir / "gold.txt"]

    def run(data_dir: Path, *, limit: int | None = None, verbose: bool = False) -> Report:
        return Report("fake", [["h"]], "headline: fake", figures={"f1": value})

    module.dataset_files, module.run = dataset_files, run
    return module


def test_the_command_records_a_run_whatever_options_the_runner_takes(tmp_path: Path) -> None:
    # speed.py has a --passes option its dataset does not depend on; ner.py's --split chooses the
    # file. Recording hashes the dataset with the options dataset_files accepts, and only those.
    from newsint.eval.bench import cli

    root = tmp_path / "main"
    (root / "benchmarks").mkdir(parents=True)
    module = _fake_benchmark(tmp_path, 0.8)
    module.__doc__ = "A fake benchmark."
    module.add_arguments = lambda parser: parser.add_argument("--passes", type=int, default=3)
    module.options_from_args = lambda args: {"passes": args.passes}
    module.run = lambda data_dir, *, limit=None, verbose=False, passes=3: Report(
        "fake", [["passes"], [str(passes)]], "headline: fake", figures={"f1": 0.8}
    )
    assert cli.main(module, ["--passes", "2"], root=root) == 0
    assert "`python benchmarks/fake.py --passes 2`" in (root / "benchmarks" / "RESULTS.md").read_text()


def test_update_floors_raises_and_refuses_to_lower(tmp_path: Path) -> None:
    root = tmp_path / "main"
    root.mkdir()
    path = root / "floors.json"
    quiet = {"path": path, "root": root, "log": lambda line: None}
    assert gate.update_floors([_fake_benchmark(tmp_path, 0.8)], **quiet).written
    assert gate.load_floors(path)["benchmarks"]["fake"]["full"] == {"f1": 0.8}
    assert gate.update_floors([_fake_benchmark(tmp_path, 0.9)], **quiet).raised
    assert gate.load_floors(path)["benchmarks"]["fake"]["sample"] == {"f1": 0.9}

    before = path.read_text()
    refused = gate.update_floors([_fake_benchmark(tmp_path, 0.7)], **quiet)
    assert refused.status == 1 and not refused.written and path.read_text() == before
    with pytest.raises(ValueError):
        gate.update_floors([_fake_benchmark(tmp_path, 0.7)], allow_lower=True, **quiet)
    lowered = gate.update_floors([_fake_benchmark(tmp_path, 0.7)], allow_lower=True, reason="metric fix", **quiet)
    assert lowered.written
    floors = gate.load_floors(path)
    assert floors["benchmarks"]["fake"]["full"] == {"f1": 0.7}
    assert floors["history"][-1]["reason"] == "metric fix"


def test_update_floors_refuses_a_changed_dataset(tmp_path: Path) -> None:
    root = tmp_path / "main"
    root.mkdir()
    path = root / "floors.json"
    quiet = {"path": path, "root": root, "log": lambda line: None}
    gate.update_floors([_fake_benchmark(tmp_path, 0.8)], **quiet)
    (tmp_path / "shared" / "data" / "fake" / "gold.txt").write_text("edited gold", encoding="utf-8")
    outcome = gate.update_floors([_fake_benchmark(tmp_path, 0.8)], **quiet)
    assert outcome.status == 1
    assert any("dataset sha256 changed" in line for line in outcome.lowered)


def test_nan_never_passes_a_floor() -> None:
    assert gate.check({"f1": math.nan}, {"f1": 0.1})


# --------------------------------------------------------------------------------------------
# Predictions placed on the analysed text map back to the dataset's own text


SOURCE_TEXT = (
    "Troops massed near the\nborder on Tuesday, officials said.\n\n"
    "NATO said that about 30,000 Russian troops\nwere in Belarus, a spokesman told reporters in Brussels."
)


def _analysis_with(items: dict) -> object:
    from newsint.eval.bench.common import analyze_text

    analysis = analyze_text(SOURCE_TEXT, source="fixture")
    assert not isinstance(analysis, Exception)
    for name, value in items.items():
        setattr(analysis, name, value)
    return analysis


def _at(analysis, phrase: str) -> tuple[int, int]:
    start = analysis.document.text.index(phrase)
    return start, start + len(phrase)


def test_claims_map_back_to_the_file() -> None:
    from newsint.model import Claim, ClaimSource, Entity, Mention, Span

    analysis = _analysis_with({})
    content = "about 30,000 Russian troops were in Belarus"
    start, end = _at(analysis, content)
    n0, n1 = _at(analysis, "NATO")
    analysis.entities = [Entity("e1", "NATO", "ORG", mentions=[Mention(n0, n1, "NATO")])]
    analysis.claims = [Claim("c1", ClaimSource(entity="e1", text="NATO"), "said that", Span(start, end, content))]
    article = attribution.Article("fixture", SOURCE_TEXT, [], "fixture.ann")
    (predicted,) = attribution.predictions(article, analysis)
    (content_span,) = predicted.content
    assert " ".join(SOURCE_TEXT[content_span[0] : content_span[1]].split()) == content
    assert SOURCE_TEXT[predicted.source[0][0] : predicted.source[0][1]] == "NATO"
    assert SOURCE_TEXT[predicted.cue[0][0] : predicted.cue[0][1]] == "said that"


def test_places_times_entities_quantities_map_back() -> None:
    from newsint.model import Entity, Mention, Quantity, TimeExpression

    analysis = _analysis_with({})
    b0, b1 = _at(analysis, "Belarus")
    t0, t1 = _at(analysis, "Tuesday")
    analysis.entities = [
        Entity("p1", "Belarus", "PLACE", attributes={"lat": 53.9, "lon": 27.57}, mentions=[Mention(b0, b1, "Belarus")])
    ]
    analysis.times = [TimeExpression("t1", "Tuesday", t0, t1, precision="day", value_start="2022-02-15")]
    analysis.quantities = [Quantity("q1", 30000.0, 0, 1, "30,000", unit="troops")]

    article = geo.Article("1", SOURCE_TEXT, [])
    (place,) = geo.predicted_places(article, analysis)
    assert SOURCE_TEXT[place.start : place.end] == "Belarus" and place.lat == 53.9

    document = times.TimeDocument("fixture", SOURCE_TEXT, None, [])
    (timex,) = times.system_timexes(document, analysis)
    assert SOURCE_TEXT[timex.start : timex.end] == "Tuesday" and timex.value == "2022-02-15"

    sentence = ner.Sentence(SOURCE_TEXT, [])
    assert [(SOURCE_TEXT[s:e], label) for s, e, label in ner.newsint_spans(sentence, analysis)] == [
        ("Belarus", "Location")
    ]
    assert quantities.predicted_items(analysis) == [quantities.Item(30000.0, "troop")]


def test_event_scoring_picks_the_event_of_the_gold_type() -> None:
    from newsint.model import Event, Participant, SentenceSpan

    record = events.Record("r1", "…", "ASSAULT", [("RUS", "MIL")], [("UKR", "")])
    predicted = [
        Event("v1", "CONSULT", SentenceSpan(0, 1), actors=[Participant(actor="BLR GOV")]),
        Event("v2", "ASSAULT", SentenceSpan(0, 1), actors=[Participant(actor="RUS MIL")],
              targets=[Participant(actor="UKR CVL")]),
    ]  # fmt: skip
    tally = events.Tally()
    events.score_record(record, predicted, tally)
    assert tally.type_right == 1
    assert tally.source_full == Counts(1, 0, 0)
    assert tally.target_full == Counts(0, 1, 1) and tally.target_code == Counts(1, 0, 0)


def test_unit_normalisation_maps_iso_codes_and_each_side_of_a_rate() -> None:
    from newsint.eval.bench.quantities import normalize_unit

    assert normalize_unit("AUD") == "australian dollar"
    assert normalize_unit("AUD per month") == "australian dollar per month"
    assert normalize_unit("dollars per barrel") == "dollar per barrel"
    assert normalize_unit("revolutions per minute") == "revolutions per minute"  # CQE keeps this plural
    assert normalize_unit("troops") == "troop"
    assert normalize_unit(None) == "-"


def test_speed_stage_rows_are_ratios_to_bare_spacy() -> None:
    from newsint.eval.bench import speed

    stages = [speed.StageTime("bare", cpu_s=10.0), speed.StageTime("+ entities", cpu_s=11.0),
              speed.StageTime("+ claims", cpu_s=12.0), speed.StageTime("+ all", cpu_s=14.5)]  # fmt: skip
    rows = speed.stage_rows(stages)
    assert [r[1] for r in rows] == [
        "10.0 s = 1.00×",
        "11.0 s = 1.10×, adds +10%",
        "12.0 s = 1.20×, adds +10%",
        "14.5 s = 1.45×, adds +25%",
    ]
    assert rows[1][3] == "pass"  # 1.10 ≤ 1.15
    assert rows[2][2:] == ["adds ≤ 15%", "pass"]  # claims add 1.0 s of bare spaCy's 10 s
    assert rows[3][2:] == ["adds ≤ 20%", "FAIL"]  # times and events add 2.5 s: 25% > 20%
    stages[1].cpu_s = 12.0
    assert speed.stage_rows(stages)[1][3] == "FAIL"  # 1.20 > 1.15
    assert speed.stage_rows([]) == []


def test_speed_stage_budgets_are_a_gated_figure() -> None:
    from newsint.eval.bench import speed

    stages = [speed.StageTime("bare", cpu_s=10.0), speed.StageTime("+ entities", cpu_s=11.0),
              speed.StageTime("+ claims", cpu_s=12.0), speed.StageTime("+ all", cpu_s=14.5)]  # fmt: skip
    report = speed.report(speed.Measurements(stages=stages))
    assert report.figures["stage_budgets_met"] == 0.0  # times and events add 25% > 20%
    assert report.info["stage_3_added_share"] == 0.25
    stages[3].cpu_s = 13.9  # adds 19%
    assert speed.report(speed.Measurements(stages=stages)).figures["stage_budgets_met"] == 1.0
    stages[2].cpu_s = 12.6  # claims add 16% > 15% (and times and events 13%)
    assert speed.report(speed.Measurements(stages=stages)).figures["stage_budgets_met"] == 0.0
    assert "stage_budgets_met" not in speed.report(speed.Measurements()).figures


def test_speed_stage_groups_add_each_registered_stage_to_its_group() -> None:
    from newsint.eval.bench import speed

    per_stage = {
        "newsint.times.v1": 1.0,
        "newsint.entities.v1": 0.5,
        "newsint.quantities.v1": 0.25,
        "newsint.claims.v2": 0.25,  # the version does not matter
        "newsint.toy.v1": 2.0,  # in no group: counted with the last, never left out
        "newsint.dateline_place.v1": 0.25,
    }
    rows = speed.stage_groups(spacy_cpu=10.0, parse_cpu=10.5, per_stage=per_stage)
    # bare 10; + rulers 0.5 and entities 0.75 = 11.25; + quantities and claims 0.5 = 11.75;
    # + times 1 and the toy stage 2 = 14.75.
    assert [r.cpu_s for r in rows] == [10.0, 11.25, 11.75, 14.75]
    assert [r.label for r in rows[1:]] == [label for label, _ in speed.STAGE_GROUPS]
    assert speed.single_stage_rows({"newsint.times.v1": 1.0}, 10.0) == [
        ["  stage newsint.times.v1", "1.00 s = 10.0% of bare spaCy", "", ""]
    ]


def test_attribution_scores_a_quotation_given_per_sentence_as_one_report() -> None:
    # PolNeAR's unit is the whole quotation; newsint gives one claim per quoted sentence with the
    # same source phrase and cue (issue #16). Scored as one attribution with both spans, it
    # covers the gold quotation; scored apart, the second sentence would be a false positive.
    from newsint.pipeline import analyze
    from newsint.readers.raw import RawDocument

    text = (
        "“The road to the camp is closed and the trucks cannot pass,” said Omar Haddad, a local aid "
        "worker. “We have had no flour for a week and the children are hungry.”\n"
    )
    analysis = analyze(RawDocument(source="t", reader="text", text=text))
    assert len(analysis.claims) == 2, [c.content.text for c in analysis.claims]
    first, second = text.index("The road"), text.index("We have had")
    gold_content = ((first - 1, text.index("pass,”") + 6), (second - 1, text.index("hungry.”") + 8))
    gold = attribution.Attribution(gold_content, (), ())
    article = attribution.Article("t", text, [gold], "t.ann")
    predicted = attribution.predictions(article, analysis)
    assert len(predicted) == 1 and len(predicted[0].content) == 2
    tally = attribution.Tally()
    attribution.score_article(article, predicted, tally)
    assert tally.content_loose.f1 == 1.0
