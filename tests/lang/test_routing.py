"""The language routing of pipeline.py: English through STAGES as before, Russian through the
Russian stages to the same Analysis contract, Ukrainian names only, any other language stored
with a note and nothing extracted; and through the CLI, on real files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from newsint.model import Analysis, load_schema
from newsint.pipeline import RUSSIAN_STAGES, STAGES, analyze
from newsint.readers.raw import RawDocument

ROOT = Path(__file__).resolve().parents[2]
RUSSIAN_EXAMPLE = ROOT / "examples" / "ru-ministry-statement-union-resolve.txt"


def _raw(text: str) -> RawDocument:
    return RawDocument(source="test.txt", reader="text", text=text)


def test_english_goes_through_the_english_stages() -> None:
    analysis = analyze(
        _raw("NATO Secretary General Jens Stoltenberg said on Thursday that the deployment was under way.")
    )
    assert analysis.document.language == "en"
    assert analysis.document.not_analysed is None
    assert analysis.stages == [stage.name for stage in STAGES]


def test_another_language_is_stored_with_a_note_and_nothing_extracted() -> None:
    text = "Das Verteidigungsministerium teilte am Donnerstag mit, dass 30.000 Soldaten an der Übung teilnehmen."
    analysis = analyze(_raw(text))
    assert analysis.document.language == "de"
    assert "nothing was extracted" in (analysis.document.not_analysed or "")
    assert (analysis.entities, analysis.quantities, analysis.claims, analysis.events) == ([], [], [], [])
    assert analysis.document.text  # the text itself is kept


def test_ukrainian_gets_knowledge_base_names_through_its_lemmas() -> None:
    text = "Міністерство оборони України повідомило, що Зеленський провів нараду з командуванням ЗСУ у Києві."
    analysis = analyze(_raw(text))
    assert analysis.document.language == "uk"
    assert "not analysed" in (analysis.document.not_analysed or "")
    linked = {e.kb_id for e in analysis.entities}
    assert {"person:volodymyr-zelenskyy", "org:ukr-armed-forces", "org:ukr-mod"} <= linked
    assert analysis.claims == []


def test_the_russian_example_through_the_cli_validates_against_the_schema() -> None:
    import jsonschema

    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "newsint",
            "analyze",
            str(RUSSIAN_EXAMPLE),
            "--published",
            "2022-01-18",
            "--format",
            "json",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    data = json.loads(result.stdout)
    data = data[0] if isinstance(data, list) else data
    jsonschema.validate(data, load_schema())
    analysis = Analysis.from_dict(data)
    assert analysis.document.language == "ru"
    assert analysis.stages == [stage.name for stage in RUSSIAN_STAGES]
    linked = {e.kb_id: e for e in analysis.entities if e.kb_id}
    # The examples' people and places are linked (the issue's "done when").
    assert {
        "person:alexander-lukashenko",
        "person:viktor-khrenin",
        "person:dmitry-peskov",
        "country:BLR",
        "country:POL",
        "org:rus-mod",
        "equipment:s-400",
    } <= set(linked)
    assert linked["person:alexander-lukashenko"].actor == "BLR GOV"
    assert any(c.cue == "по словам" for c in analysis.claims)
    # The dateline ("Москва, 18 января 2022 года") is its own paragraph: the ministry, not Moscow,
    # is the source of the first paragraph's report.
    ministry = next(c for c in analysis.claims if c.cue == "сообщило")
    assert ministry.source.text == "Министерство обороны России"
    assert any(t.text == "В середине января" and t.value_start == "2022-01-11" for t in analysis.times)
    text = analysis.document.text
    spans = [(m.start, m.end, m.text) for e in analysis.entities for m in e.mentions]
    spans += [(q.start, q.end, q.text) for q in analysis.quantities] + [
        (t.start, t.end, t.text) for t in analysis.times
    ]
    spans += [(c.content.start, c.content.end, c.content.text) for c in analysis.claims]
    assert all(text[start:end] == written for start, end, written in spans)
