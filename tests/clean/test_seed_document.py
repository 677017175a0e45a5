"""The founding example: `newsint analyze seed/belarus-staging-area.txt` against the gold file.

Every field of the gold file's ``document:`` section is checked, with the values read from
``shared/gold/belarus-staging-area.yaml`` at test time (compared after whitespace and quote
normalisation), once through typer's CliRunner and once as a real process of the installed
command.
"""

from __future__ import annotations

import itertools
import json
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
SEED = SHARED / "seed" / "belarus-staging-area.txt"
GOLD = SHARED / "gold" / "belarus-staging-area.yaml"
PUBLISHED = "2022-02-11"

_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"'})


def norm(text: str | None) -> str:
    return " ".join(unicodedata.normalize("NFC", text or "").translate(_QUOTES).split())


@pytest.fixture(scope="module")
def gold() -> dict:
    if not (SEED.exists() and GOLD.exists()):
        pytest.skip(f"seed article or gold file not found under {SHARED.resolve()}")
    return yaml.safe_load(GOLD.read_text("utf-8"))["document"]


@pytest.fixture(scope="module")
def analysis(gold) -> dict:
    from typer.testing import CliRunner

    from newsint.cli import app

    result = CliRunner().invoke(app, ["analyze", str(SEED), "--published", PUBLISHED, "--format", "json"])
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def document(analysis) -> dict:
    return analysis["document"]


def _paragraphs(document: dict, kind: str | None = None) -> list[str]:
    return [
        document["text"][p["start"] : p["end"]] for p in document["paragraphs"] if kind is None or p["kind"] == kind
    ]


def _body(document: dict) -> str:
    return "\n\n".join(_paragraphs(document, "body"))


def test_title(document, gold):
    assert norm(document["title"]) == norm(gold["title"])


def test_captions(document, gold):
    assert [norm(c) for c in document["captions"]] == [norm(c) for c in gold["captions"]]


def test_original_publisher(document, gold):
    assert norm(document["original_publisher"]) == norm(gold["original_publisher"])


def test_links(document, gold):
    assert [link["url"] for link in document["links"]] == gold["links"]


def test_related_articles(document, gold):
    assert [norm(r["title"]) for r in document["related_articles"]] == [norm(t) for t in gold["related_articles"]]


def test_body_starts_and_ends(document, gold):
    body = norm(_body(document))
    assert body.startswith(norm(gold["body_starts_with"]))
    assert body.endswith(norm(gold["body_ends_with"]))


def test_body_paragraph_count(document, gold):
    count = len(_paragraphs(document, "body"))
    assert gold["body_paragraphs"]["min"] <= count <= gold["body_paragraphs"]["max"]


def test_body_must_contain(document, gold):
    body = norm(_body(document))
    for phrase in gold["body_must_contain"]:
        assert norm(phrase) in body, phrase


def test_must_not_contain_anywhere_in_the_analysed_text(document, gold):
    # Stricter than the gold file asks: not in the body, nor in the title or captions either.
    text = norm(document["text"])
    for phrase in gold["body_must_not_contain"]:
        assert norm(phrase) not in text, phrase


def test_published_is_the_users_date(document):
    assert document["published"] == PUBLISHED
    assert document["published_basis"] == "user"


def test_paragraph_offsets_slice_the_text_exactly(document):
    paragraphs = document["paragraphs"]
    slices = _paragraphs(document)
    assert slices and all(s and s == s.strip() for s in slices)
    # In order, not overlapping, and together with their separators they are the whole text.
    assert all(a["end"] <= b["start"] for a, b in itertools.pairwise(paragraphs))
    assert "\n\n".join(slices) == document["text"]
    assert paragraphs[0]["start"] == 0 and paragraphs[-1]["end"] == len(document["text"])


def test_no_paragraph_keeps_a_hard_line_break(document):
    for paragraph in _paragraphs(document):
        assert "\n" not in paragraph and "\r" not in paragraph and "\f" not in paragraph
        assert "  " not in paragraph  # trailing double spaces and stray indents are gone


def test_kinds_title_and_caption_present(document, gold):
    kinds = [p["kind"] for p in document["paragraphs"]]
    assert kinds[0] == "title"
    assert kinds.count("title") == 1
    assert kinds.count("caption") == len(gold["captions"])
    assert _paragraphs(document, "title") == [document["title"]]
    assert _paragraphs(document, "caption") == document["captions"]


def test_teasers_links_and_provenance_are_recorded_as_removed(document):
    kinds = {r["kind"] for r in document["removed"]}
    assert {"teaser", "links", "provenance"} <= kinds


def test_validates_against_the_shipped_schema(analysis):
    import jsonschema

    from newsint.model import load_schema

    jsonschema.Draft202012Validator(load_schema()).validate(analysis)


def test_same_result_from_a_real_process(analysis, gold):
    """The installed command, run the way a user runs it, from the repository root."""
    relative = Path("..") / "shared" / "seed" / "belarus-staging-area.txt"
    command = [sys.executable, "-m", "newsint", "analyze", str(relative), "--published", PUBLISHED, "--format", "json"]
    done = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    from_process = json.loads(done.stdout)
    # Only the source path may differ (relative here, absolute through the runner).
    assert from_process["document"]["source"].endswith("belarus-staging-area.txt")
    for key in ("source",):
        from_process["document"].pop(key)
        analysis = {**analysis, "document": {k: v for k, v in analysis["document"].items() if k != key}}
    assert from_process == analysis
