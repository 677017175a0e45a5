"""`newsint ingest` and `newsint analyze` over a folder with a 2 MB article, a JSON Lines feed with
a broken line and ordinary articles: every good article is stored (analysed), the bad line is
recorded (reported) once, and a resumed run ends cleanly. And a document a stage fails on is
recorded with its coded error while the others are stored.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples"
EXAMPLE_ARTICLES = 8  # examples/: three text files (one in Russian), a PDF, an HTML page, a feed of three
LONG_CHARS = 2_000_000
FEED_RECORDS = (
    {
        "title": "Belarus extends drills",
        "date": "2022-02-20",
        "text": "Belarus said on Sunday that its joint military drills with Russia would go on.\n\n"
        "The defence ministry in Minsk gave no end date for the exercises.",
    },
    {
        "title": "Kyiv puts Russian force in Belarus at 9,000",
        "date": "2022-02-21",
        "text": "Ukraine's defence minister told parliament on Monday that about 9,000 Russian soldiers "
        "were stationed in Belarus.\n\nHe gave no source for the figure.",
    },
)
MARKER = "Qwertzuiop"


def long_article() -> str:
    """An article, a data appendix of 1,024-character hex "words" (cheap to parse), the article
    again: 2 MB, twice spaCy's max_length."""
    article = (EXAMPLES / "borderland-monitor-belarus-buildup.txt").read_text("utf-8").rstrip("\n") + "\n\n"
    paragraph = " ".join(f"{n:04x}" * 256 for n in range(10)) + ".\n\n"
    appendix = paragraph * ((LONG_CHARS - 2 * len(article)) // len(paragraph) + 1)
    return article + appendix + article


@pytest.fixture
def mixed_folder(tmp_path) -> Path:
    folder = tmp_path / "in"
    shutil.copytree(EXAMPLES, folder)
    (folder / "long-report.txt").write_text(long_article(), encoding="utf-8")
    first, second = (json.dumps(record) for record in FEED_RECORDS)
    (folder / "wire.jsonl").write_text(
        f'{first}\n{{"title": "cut off", "text": "Belarus sa\n{second}\n', encoding="utf-8"
    )
    return folder


def test_a_folder_with_a_2mb_article_and_a_broken_line_is_ingested_resumed_and_analysed(cli, tmp_path, mixed_folder):
    db = tmp_path / "n.db"
    feed = (mixed_folder / "wire.jsonl").resolve()
    bad_line = f"{feed}:2"
    good = EXAMPLE_ARTICLES + 1 + len(FEED_RECORDS)

    ingested = cli("ingest", mixed_folder, "--db", db)
    assert ingested.exit_code == 1  # a failure happened
    (error,) = ingested.error_lines
    assert error.startswith(f"newsint: error: {bad_line}: not a JSON object") and error.endswith("[N007]")
    assert f"stored {good} new article(s)" in ingested.stdout
    failures = cli("failed", "--db", db, "--format", "json").json()
    assert [(f["source"], f["code"]) for f in failures] == [(bad_line, "N007")]
    stats = cli("stats", "--db", db, "--format", "json").json()
    assert stats["articles"] == good

    resumed = cli("ingest", mixed_folder, "--db", db, "--resume")
    assert resumed.exit_code == 0, resumed.stderr
    assert resumed.error_lines == [] and "stored 0 new article(s)" in resumed.stdout

    analysed = cli("analyze", mixed_folder, "-f", "jsonl")
    assert analysed.exit_code == 1
    (error,) = analysed.error_lines
    assert error.startswith(f"newsint: error: {mixed_folder / 'wire.jsonl'}:2: not a JSON object")
    analyses = analysed.jsonl()
    assert len(analyses) == good
    (long,) = [a for a in analyses if a["document"]["source"].endswith("long-report.txt")]
    assert len(long["document"]["text"]) > LONG_CHARS - 100  # the whole text, not refused
    mentions = [m for e in long["entities"] for m in e["mentions"]]
    assert max(m["start"] for m in mentions) > LONG_CHARS - 10_000  # the copy after the appendix


@pytest.fixture
def a_stage_breaks_on_the_marker(replace_stage):
    def breaking(real):
        def quantities(doc):
            if MARKER in doc.text:
                raise IndexError("list index out of range")
            return real(doc)

        return quantities

    replace_stage("newsint.quantities.", breaking)


def test_a_document_a_stage_fails_on_is_recorded_and_the_others_stored(
    cli, tmp_path, store_url, a_stage_breaks_on_the_marker
):
    folder = tmp_path / "in"
    folder.mkdir()
    for n, record in enumerate(FEED_RECORDS):
        (folder / f"{n}.txt").write_text(record["text"], encoding="utf-8")
    broken = folder / "1a.txt"  # between the two in the order files are read
    broken.write_text(f"The {MARKER} ministry said on Sunday that the drills would go on.", encoding="utf-8")
    result = cli("ingest", folder, "--db", store_url)
    assert result.exit_code == 1
    reason = "analysis failed: IndexError: list index out of range"
    assert result.error_lines == [f"newsint: error: {broken.resolve()}: {reason} [N400]"]
    failures = cli("failed", "--db", store_url, "--format", "json").json()
    assert [(f["source"], f["code"], f["reason"]) for f in failures] == [(str(broken.resolve()), "N400", reason)]
    assert cli("stats", "--db", store_url, "--format", "json").json()["articles"] == 2
    resumed = cli("ingest", folder, "--db", store_url, "--resume")
    assert resumed.exit_code == 0, resumed.stderr
    assert "3 source(s) skipped (--resume)" in resumed.stdout
