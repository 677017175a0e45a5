"""Complete gold files (FORMAT.md "Complete files"): event and claim precision, strict event recall,
the actor-code equivalences, type lists, optional items, and the count of events stated as fact
where the gold event is non-factual. Every expected figure below was worked out by hand from the
small text and the hand-built outputs; the reasoning is written beside each assertion.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from newsint.eval.gold import GoldError, parse_gold
from newsint.eval.match import SectionResult, match_analysis
from newsint.eval.match.complete import actor_accepted, modality_class, type_accepted
from newsint.model import (
    Analysis,
    Claim,
    ClaimSource,
    Document,
    Entity,
    Event,
    Mention,
    Paragraph,
    Participant,
    SentenceSpan,
    Span,
)

SENTENCES = [
    "Turkish jets bombed a village near Afrin on Monday.",
    "The rebels in the valley were spared an assault by the army.",
    "Kurdish fighters of the YPG clashed with Isis near Raqqa.",
    "Officials from both sides met in Geneva.",
    "Protesters demanded the release of the prisoners.",
    "The foreign minister, Ali Veli, said the ceasefire was holding across the north.",
    "He said the talks would resume soon.",
]
TEXT = " ".join(SENTENCES)


def sentence(index: int) -> SentenceSpan:
    start = TEXT.index(SENTENCES[index])
    return SentenceSpan(start, start + len(SENTENCES[index]))


def span(phrase: str) -> Span:
    start = TEXT.index(phrase)
    return Span(start, start + len(phrase), phrase)


def event(event_id: str, kind: str, index: int, actors: list[str] = (), targets: list[str] = (),
          modality: str = "asserted") -> Event:  # fmt: skip
    return Event(event_id, kind, sentence(index), actors=[Participant(actor=a) for a in actors],
                 targets=[Participant(actor=a) for a in targets], modality=modality)  # type: ignore[arg-type]


def analysis(**items: Any) -> Analysis:
    doc = Document(id="d", source="test", text=TEXT, paragraphs=[Paragraph("body", 0, len(TEXT))])
    return Analysis(document=doc, **items)


GOLD_EVENTS = [
    {"id": "e-bombed", "contains": "Turkish jets bombed a village", "type": ["ASSAULT", "FIGHT"],
     "actors": ["TUR"], "modality": "asserted"},
    {"id": "e-spared", "contains": "were spared an assault by the army", "type": ["ASSAULT"],
     "actors": ["SYR MIL"], "modality": "negated"},
    {"id": "e-clash", "contains": "clashed with Isis near Raqqa", "type": ["FIGHT"], "actors": ["YPG"],
     "targets": ["ISIL"], "modality": "asserted"},
    {"id": "e-met", "contains": "Officials from both sides met", "type": ["CONSULT"], "actors": [],
     "modality": "asserted", "optional": True},
    {"id": "e-demand", "contains": "Protesters demanded the release", "type": ["DEMAND"], "actors": ["SYR CVL"],
     "modality": "asserted"},
]  # fmt: skip


def complete_events(outputs: list[Event]) -> SectionResult:
    (result,) = match_analysis(analysis(events=outputs), {"events": GOLD_EVENTS}, ("events",))
    return result


def test_event_precision_strict_recall_and_nonfactual_count_by_hand() -> None:
    outputs = [
        event("v1", "ASSAULT", 0, actors=["TUR MIL"]),  # right; strict: bare TUR accepts TUR MIL
        event("v2", "ASSAULT", 1, actors=["SYR MIL"]),  # wrong class (asserted vs negated); non-factual as fact
        event("v3", "FIGHT", 2, actors=["SYR REB"], targets=["IS"]),  # right; strict: YPG = SYR REB, ISIL = IS
        event("v4", "CONSULT", 3),  # matches the optional gold item: no false positive
        event("v5", "AGREE", 0, actors=["TUR GOV"]),  # no gold AGREE in sentence 1: wrong
        event("v6", "REQUEST", 4),  # REQUEST = DEMAND: right, but the gold actor is missing (not strict)
    ]
    result = complete_events(outputs)
    # 6 outputs, 2 wrong (v2, v5): precision 4/6.
    assert result.output_total == 6 and len(result.unexpected) == 2
    assert result.precision == pytest.approx(4 / 6)
    assert sorted(f.item.split()[0] for f in result.unexpected) == ["v2", "v5"]
    # Required gold items: 4 (e-met is optional); strictly found: e-bombed, e-clash.
    assert [f.item.split(":")[0] for f in result.findings] == ["e-bombed", "e-spared", "e-clash", "e-demand"]
    assert [f.ok for f in result.findings] == [True, False, True, False]
    assert result.recall == pytest.approx(0.5)
    assert result.optional_matched == 1
    assert [f.item.split()[0] for f in result.nonfactual_asserted] == ["v2"]


def test_a_nonfactual_output_in_a_nonfactual_sentence_is_right() -> None:
    result = complete_events([event("v2", "ASSAULT", 1, actors=["SYR MIL"], modality="negated")])
    # Right (same class), strictly found (SYR MIL), and no non-factual-as-fact count.
    assert result.precision == 1.0 and result.nonfactual_asserted == []
    assert [f.ok for f in result.findings] == [False, True, False, False]


def test_one_output_event_is_right_for_one_gold_event_only() -> None:
    # Two outputs for the one bombing: the second is a false positive (one event per mention).
    result = complete_events([event("v1", "ASSAULT", 0, actors=["TUR"]), event("v1b", "FIGHT", 0, actors=["TUR"])])
    assert result.precision == 0.5


@pytest.mark.parametrize(
    ("gold", "outputs", "accepted"),
    [
        ("TUR", ["TUR MIL"], True),
        ("TUR MIL", ["TUR GOV"], False),  # a sector given must be met
        ("SDF", ["SYR REB"], True),
        ("SYR REB", ["YPG"], True),
        ("HTS", ["SYR REB"], True),
        ("PKK", ["TUR REB"], True),
        ("PKK", ["SYR REB"], False),
        ("IS", ["ISIS"], True),
        ("ISIL", ["IS"], True),
        ("RUS", ["RUSSIA"], False),
    ],
)
def test_actor_code_equivalences(gold: str, outputs: list[str], accepted: bool) -> None:
    assert actor_accepted(gold, outputs) is accepted


def test_type_and_modality_classes() -> None:
    assert type_accepted("REQUEST", ["DEMAND"]) and type_accepted("ACCUSE", ["disapprove"])
    assert not type_accepted("ASSAULT", ["FIGHT", "COERCE"])
    assert {modality_class(m) for m in ("asserted", "reported")} == {"factual"}
    assert {modality_class(m) for m in ("negated", "hypothetical", "conditional", "future")} == {"non-factual"}


GOLD_CLAIMS = [
    {"id": "c-ceasefire", "source": "veli", "cue": "said",
     "content_contains": "the ceasefire was holding across the north"},
    {"id": "c-talks", "source": "veli", "cue": "said", "content_contains": "the talks would resume soon"},
]  # fmt: skip
VELI = Entity("p1", "Ali Veli", "PERSON", mentions=[Mention(TEXT.index("Ali Veli"), TEXT.index("Ali Veli") + 8,
                                                             "Ali Veli")])  # fmt: skip


def test_claim_precision_and_recall_by_hand() -> None:
    veli = ClaimSource(text="Ali Veli")
    outputs = [
        Claim("k1", veli, "said", span("ceasefire was holding across")),  # 4 words inside the gold phrase: right
        Claim("k2", ClaimSource(text="He"), "said", span("the talks would resume soon")),  # pronoun source: wrong
        Claim("k3", veli, "said", span("was holding")),  # 2 words inside: too short to be right
    ]
    sections = {"entities": [{"id": "veli", "name": "Ali Veli", "type": "PERSON"}], "claims": GOLD_CLAIMS}
    result = {s.section: s for s in match_analysis(analysis(entities=[VELI], claims=outputs), sections,
                                                   ("claims",))}["claims"]  # fmt: skip
    assert result.precision == pytest.approx(1 / 3)
    assert [f.ok for f in result.findings] == [True, False]


def parse(data: dict) -> Any:
    return parse_gold({"article": "a.txt", **data}, path=Path("/g/gold/x.yaml"))


def test_complete_file_additions_parse() -> None:
    gold = parse({
        "complete": ["events", "claims"],
        "claims": [{"id": "c", "source_text": "officials", "cue": "said", "content_contains": "x y z",
                    "optional": True, "quantity": {"value": 3, "low": 2, "high": 4}}],
        "events": [{"contains": "bombed", "type": ["assault", "FIGHT"], "actors": [], "optional": True,
                    "dead": 4, "comment": "informational keys are accepted"}],
    })  # fmt: skip
    (item,) = gold.sections["events"]
    assert item["type"] == ["ASSAULT", "FIGHT"] and item["optional"] is True and "dead" not in item
    assert gold.sections["claims"][0]["quantity"] == {"value": 3.0}


def test_a_typo_of_a_known_key_is_still_an_error() -> None:
    with pytest.raises(GoldError, match=r"events\[0\]: unknown key 'contain'"):
        parse({"events": [{"contain": "bombed", "type": "ASSAULT", "actors": []}]})


def test_complete_events_need_contains() -> None:
    with pytest.raises(GoldError, match=r"events\[0\]: 'contains' is required"):
        parse({"complete": ["events"], "events": [{"type": "ASSAULT", "actors": []}]})


def test_jsonl_record_article_and_split_groups(cli, tmp_path: Path) -> None:
    """A real run: ``file.jsonl#id`` picks the record, split.json beside the gold files groups totals."""
    (tmp_path / "data").mkdir()
    records = [{"id": "a1", "text": "Nothing happened here at all."}, {"id": "a2", "text": TEXT}]
    (tmp_path / "data" / "news.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    for name in ("t1", "c1"):
        (gold_dir / f"{name}.yaml").write_text(
            "article: data/news.jsonl#a2\ncomplete: [events]\nevents:\n"
            "  - {contains: \"Turkish jets bombed a village\", type: [ASSAULT, FIGHT], actors: [TUR],"
            " modality: asserted, dead: 3}\n", encoding="utf-8")  # fmt: skip
    (gold_dir / "split.json").write_text(json.dumps({"tuning": ["t1"], "checking": ["c1"]}), encoding="utf-8")
    result = cli("eval", "--format", "json", str(gold_dir / "t1.yaml"), str(gold_dir / "c1.yaml"))
    report = json.loads(result.stdout)
    assert [f["group"] for f in report["files"]] == ["tuning", "checking"]
    assert set(report["groups"]) == {"tuning", "checking"}
    assert report["groups"]["tuning"]["events"]["gold"] == 1
    assert report["files"][0]["article"].endswith("news.jsonl")
    summary = cli("eval", "--summary", str(gold_dir / "t1.yaml"), str(gold_dir / "c1.yaml")).stdout
    assert "Totals: tuning half (1 files)" in summary and "Totals: checking half (1 files)" in summary
    assert "Missed" not in summary  # totals only


def test_jsonl_record_that_does_not_exist_is_one_error_line(cli, tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "news.jsonl").write_text(json.dumps({"id": "a1", "text": TEXT}) + "\n", encoding="utf-8")
    (tmp_path / "gold").mkdir()
    gold = tmp_path / "gold" / "x.yaml"
    gold.write_text("article: data/news.jsonl#zz\nevents: []\n", encoding="utf-8")
    result = cli("eval", str(gold))
    assert result.exit_code != 0 and result.stderr.count("\n") == 1
    assert "has no record with id 'zz'" in result.stderr and "Traceback" not in result.stderr
