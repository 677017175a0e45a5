"""Gold files (newsint.eval.gold) and `newsint eval` end to end.

The seed gold file is read from the repository's sibling ``shared/`` at test time; where it is
absent those tests skip with the reason.
"""

from __future__ import annotations

import json
import re
import textwrap
from pathlib import Path
from typing import Any

import pytest

from newsint.errors import NewsintError
from newsint.eval.gold import GoldError, load_gold, parse_gold

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
SEED_GOLD = SHARED / "gold" / "belarus-staging-area.yaml"

needs_seed = pytest.mark.skipif(not SEED_GOLD.is_file(), reason=f"no seed gold file at {SEED_GOLD}")

ARTICLE = """\
Belarus has become a staging area.

Minsk said on Monday that the drills would go ahead. NATO Secretary General Jens Stoltenberg has
spoken about 30,000 Russian troops.

Moscow did not comment.
"""


def write_gold(tmp_path: Path, body: str, *, article: str = ARTICLE) -> Path:
    """A gold file at tmp/gold/x.yaml whose article is tmp/seed/a.txt (FORMAT.md's layout)."""
    (tmp_path / "seed").mkdir(exist_ok=True)
    (tmp_path / "seed" / "a.txt").write_text(article, encoding="utf-8")
    (tmp_path / "gold").mkdir(exist_ok=True)
    path = tmp_path / "gold" / "x.yaml"
    path.write_text("article: seed/a.txt\nreference_date: 2022-02-11\n" + textwrap.dedent(body), encoding="utf-8")
    return path


def parse(data: dict[str, Any]) -> Any:
    return parse_gold({"article": "seed/a.txt", **data}, path=Path("/g/gold/x.yaml"))


# --------------------------------------------------------------------------------------------
# Loading and checking gold files


def test_load_resolves_the_article_from_the_gold_folders_parent(tmp_path: Path) -> None:
    gold = load_gold(write_gold(tmp_path, "entities:\n  - {id: a, name: Minsk, type: PLACE}\n"))
    assert gold.article == (tmp_path / "seed" / "a.txt").resolve()
    assert gold.reference_date.isoformat() == "2022-02-11"
    assert gold.sections["entities"] == [{"id": "a", "name": "Minsk", "type": "PLACE"}]


@needs_seed
def test_the_seed_gold_file_is_valid() -> None:
    gold = load_gold(SEED_GOLD)
    assert gold.article.name == "belarus-staging-area.txt"
    assert gold.sections["events"][0]["start"] == {"value": "2022-01-15", "precision": "month-part"}
    assert gold.sections["events"][4]["start"] == {"value": "2020", "precision": "year"}
    assert gold.sections["document"]["links"][0] == {"url": "https://www.svaboda.org/a/31681892.html"}
    assert gold.unscored == ["scenarios"]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"entites": []}, "unknown section 'entites'; valid: article, reference_date"),
        ({"entities": [{"name": "X", "type": "PERSON", "aliasses": []}]}, "entities[0]: unknown key 'aliasses'"),
        ({"entities": [{"name": "X"}]}, "entities[0]: 'type' is required"),
        ({"entities": [{"name": "X", "type": "PEOPLE"}]}, "'PEOPLE' is not one of PERSON, ORG, PLACE"),
        ({"entities": [{"name": "X", "type": "ORG", "min_mentions": "many"}]}, "min_mentions must be a whole"),
        (
            {"entities": [{"id": "a", "name": "X", "type": "ORG"}, {"id": "a", "name": "Y", "type": "ORG"}]},
            "duplicate id 'a'",
        ),
        ({"claims": [{"cue": "said", "content_contains": "x"}]}, "give 'source' (an entity id) or 'source_text'"),
        (
            {"claims": [{"source": "nobody", "cue": "said", "content_contains": "x"}]},
            "claims[0].source: 'nobody' is not a entity id of this file",
        ),
        (
            {
                "claims": [{"id": "c", "source_text": "s", "cue": "said", "content_contains": "x"}],
                "contradictions": [["c", "d"]],
            },
            "contradictions[0]: 'd' is not a claim id",
        ),
        (
            {"claims": [{"source_text": "s", "cue": "said", "content_contains": "x", "quantity": {"unit": "troops"}}]},
            "quantity: 'value' is required",
        ),
        ({"judgements": [{"contains": "x", "band": [0.5, 0.2]}]}, "0 ≤ low ≤ high ≤ 1"),
        (
            {"events": [{"type": "MOBILIZE", "actors": [], "start": {"value": "2022-01", "precision": "day"}}]},
            "a day precision needs a fuller date than 2022-01",
        ),
        (
            {
                "events": [
                    {"type": "MOBILIZE", "actors": [], "start": {"value": "2022-01-15", "precision": "fortnight"}}
                ]
            },
            "'fortnight' is not one of day, week, month-part, month, year",
        ),
        ({"events": [{"type": "MOBILIZE", "actors": [], "location": "nowhere"}]}, "events[0].location: 'nowhere'"),
        ({"events": [{"type": "MOBILIZE", "actors": [], "modality": "likely"}]}, "'likely' is not one of asserted"),
        ({"entities_not": [{"text": "Minsk", "as": "event actor"}]}, "'event actor' is not one of event location"),
        ({"document": {"body_paragraphs": {"min": 16, "max": 15}}}, "min is above max"),
        ({"document": {"titel": "x"}}, "document: unknown key 'titel'; valid: title, captions"),
        ({"complete": ["entities_not"], "entities_not": []}, "'entities_not' cannot be complete"),
        ({"complete": ["claims"]}, "complete: names 'claims', but the file has no claims section"),
        ({"reference_date": "11/02/2022"}, "reference_date must be a date like 2019-07-23"),
    ],
)
def test_invalid_gold_files_say_what_and_where(data: dict, message: str) -> None:
    with pytest.raises(GoldError) as caught:
        parse(data)
    assert message in str(caught.value)
    assert str(caught.value).startswith("/g/gold/x.yaml: ") and str(caught.value).endswith("[N200]")


def test_article_is_required_and_must_exist(tmp_path: Path) -> None:
    with pytest.raises(GoldError, match="'article'"):
        parse_gold({"entities": []}, path=tmp_path / "x.yaml")
    gold = tmp_path / "gold" / "x.yaml"
    gold.parent.mkdir()
    gold.write_text("article: seed/missing.txt\n", encoding="utf-8")
    with pytest.raises(GoldError, match=r"missing\.txt does not exist"):
        load_gold(gold)


def test_unreadable_gold_files(tmp_path: Path) -> None:
    with pytest.raises(NewsintError, match="no such gold file"):
        load_gold(tmp_path / "none.yaml")
    bad = tmp_path / "bad.yaml"
    bad.write_text("article: a.txt\nentities: [\n  - {name: X\n", encoding="utf-8")
    with pytest.raises(GoldError, match=r"invalid YAML at line \d+"):
        load_gold(bad)
    listing = tmp_path / "list.yaml"
    listing.write_text("- article: a.txt\n", encoding="utf-8")
    with pytest.raises(GoldError, match="a gold file is a mapping of sections"):
        load_gold(listing)


# --------------------------------------------------------------------------------------------
# `newsint eval` on the seed


@needs_seed
def test_eval_seed_json_passes_every_scored_section(cli) -> None:
    from newsint.eval.report import analyze_article

    result = cli("eval", SEED_GOLD, "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert result.error_lines == []
    report = result.json()
    assert report["schema"] == "newsint.eval/1"
    (file,) = report["files"]
    sections = file["sections"]
    assert sections["document"] == {"gold": 15, "found": 15, "recall": 1.0, "complete": False, "output": None,
                                    "unexpected": None, "precision": None, "f1": None,
                                    "optional_matched": None, "nonfactual_asserted": None}  # fmt: skip
    assert [m for m in file["missed"] if m["section"] == "document"] == []
    assert file["unscored"] == ["scenarios"]
    # Every missed item says why and where: the sentence it was expected in is a sentence of the
    # analysed text (or None when the key string is not in it at all).
    text = " ".join(analyze_article(load_gold(SEED_GOLD), _settings()).document.text.split())
    for missed in file["missed"]:
        assert missed["detail"]
        assert missed["sentence"] is None or " ".join(missed["sentence"].split()) in text
    # Every stage has landed: the seed's gold passes in full, events included.
    assert sections["events"]["recall"] == 1.0 and sections["events_hypothetical"]["recall"] == 1.0
    assert file["missed"] == []
    assert report["passed"] is True


@needs_seed
def test_eval_seed_table(cli) -> None:
    result = cli("eval", SEED_GOLD)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert re.search(r"document\s+│\s+15\s+│\s+15\s+│\s+1\.00\s+│\s+–", out)
    assert re.search(r"entities\s+│\s+20\s+│", out)
    assert "Missed (0)" in out and "Forbidden items produced (0)" in out and "Not scored: scenarios" in out
    assert re.search(r"events\s+│\s+5\s+│\s+5\s+│\s+1\.00", out)


@needs_seed
def test_eval_table_lists_a_missed_item_with_its_sentence(cli, tmp_path: Path) -> None:
    gold = write_gold(
        tmp_path,
        """\
        events:
          - {id: e-none, type: ASSAULT, actors: [FRA MIL], condition_contains: "if it participates"}
        """,
    )
    result = cli("eval", gold)
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    index = next(i for i, line in enumerate(lines) if line.startswith("  ["))  # the first missed item
    where = next(line for line in lines[index + 1 :] if line.strip().startswith("in:"))  # the item may wrap
    assert where.strip().startswith("in: ")
    assert all(line == line.rstrip() for line in lines[index:])  # wrapped without padding


@needs_seed
def test_eval_report_file_is_the_json_report(cli, tmp_path: Path) -> None:
    target = tmp_path / "out" / "report.json"
    table = cli("eval", SEED_GOLD, "--report", target)
    assert table.exit_code == 0, table.stderr
    assert "Missed (" in table.stdout
    as_json = cli("eval", SEED_GOLD, "--format", "json")
    assert json.loads(target.read_text(encoding="utf-8")) == as_json.json()
    assert [p.name for p in target.parent.iterdir()] == ["report.json"]


@needs_seed
def test_eval_report_is_written_whole_or_not_at_all(cli, tmp_path: Path, monkeypatch) -> None:
    import newsint.eval.report as report_module

    target = tmp_path / "report.json"
    target.write_text("old", encoding="utf-8")

    def failing_replace(src: str, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(report_module.os, "replace", failing_replace)
    result = cli("eval", SEED_GOLD, "--report", target, "--format", "json")
    assert result.exit_code == 1
    assert result.error_lines == [f"newsint: error: {target}: cannot write the report (No space left on device) [N500]"]
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


@needs_seed
def test_eval_strict_exits_1_when_a_section_is_below_one(cli, tmp_path: Path) -> None:
    gold = write_gold(tmp_path, "events:\n  - {type: ASSAULT, actors: [FRA MIL]}\n")
    assert cli("eval", gold).exit_code == 0
    strict = cli("eval", gold, "--strict")
    assert strict.exit_code == 1 and strict.error_lines == []


def test_eval_strict_passes_when_every_section_is_full(cli, tmp_path: Path) -> None:
    gold = write_gold(
        tmp_path,
        """\
        document:
          body_must_contain: ["Jens Stoltenberg has spoken about 30,000 Russian troops."]
          body_must_not_contain: ["https://"]
        events_hypothetical:
          - {contains: "Moscow did not comment", type: ASSAULT}
        """,
    )
    result = cli("eval", gold, "--strict", "--format", "json")
    assert result.exit_code == 0, result.stdout + result.stderr
    (file,) = result.json()["files"]
    assert file["sections"]["document"]["recall"] == 1.0
    assert file["article"] == str((tmp_path / "seed" / "a.txt").resolve())


def test_eval_precision_appears_only_for_complete_sections(cli, tmp_path: Path) -> None:
    gold = write_gold(
        tmp_path,
        """\
        complete: [entities]
        entities:
          - {name: Minsk, type: PLACE}
        claims:
          - {source_text: Minsk, cue: said, content_contains: "the drills would go ahead"}
        """,
    )
    result = cli("eval", gold, "--format", "json")
    sections = result.json()["files"][0]["sections"]
    assert sections["entities"]["complete"] is True and isinstance(sections["entities"]["output"], int)
    assert sections["claims"]["complete"] is False and sections["claims"]["precision"] is None
    assert "entities (complete)" in cli("eval", gold).stdout


def test_eval_invalid_gold_is_one_error_line_and_exit_1(cli, tmp_path: Path) -> None:
    gold = write_gold(tmp_path, "entites:\n  - {name: Minsk, type: PLACE}\n")
    result = cli("eval", gold)
    assert result.exit_code == 1
    assert result.stdout == ""
    (line,) = result.error_lines
    assert line.startswith(f"newsint: error: {gold}: unknown section 'entites'; valid: ")
    assert line.endswith("[N200]")


def test_eval_other_gold_files_still_report_when_one_is_invalid(cli, tmp_path: Path) -> None:
    good = write_gold(tmp_path, "document:\n  body_must_contain: [Moscow]\n")
    result = cli("eval", tmp_path / "missing.yaml", good, "--format", "json")
    assert result.exit_code == 1
    assert result.error_lines == [f"newsint: error: {tmp_path / 'missing.yaml'}: no such gold file [N001]"]
    assert [f["gold"] for f in result.json()["files"]] == [str(good)]


def test_eval_unknown_format_is_a_usage_error(cli, tmp_path: Path) -> None:
    gold = write_gold(tmp_path, "document:\n  body_must_contain: [Moscow]\n")
    result = cli("eval", gold, "--format", "xml")
    assert result.exit_code == 2
    assert result.error_lines == ["newsint: error: --format must be one of table, json, not 'xml' [N100]"]


def _settings():
    from newsint.settings import Settings

    return Settings()
