"""One document that fails, for any reason, fails alone: the stream goes on with the others, in
input order, and the failure is one coded error (AnalysisError, N400) in the document's place.

No input makes spaCy or a stage raise on purpose (each such input is a bug, fixed when found), so
the faults are injected: a real spaCy component added to the real pipeline that raises on one
marked document, or a stage wrapped to raise on it. Everything else runs for real.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language

from newsint.errors import AnalysisError, NewsintError
from newsint.model import Analysis
from newsint.readers import RawDocument

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
ARTICLE = (EXAMPLES / "example-wire-drills-extended.txt").read_text("utf-8")
MARKER = "Qwertzuiop"  # in the document that breaks, and in no other
FAULTY_COMPONENT = "newsint_test_fails_on_marker"
FAULT: dict[str, type[BaseException]] = {"raise": ValueError}


@Language.component(FAULTY_COMPONENT)
def _fails_on_marker(doc):
    if MARKER in doc.text:
        raise FAULT["raise"]("component broke\non purpose")
    return doc


@pytest.fixture
def spacy_breaks_on_the_marker():
    """The pipeline with a component, after NER, that raises on the marked document."""
    from newsint.nlp.model import newsint_nlp

    nlp = newsint_nlp()
    nlp.add_pipe(FAULTY_COMPONENT, last=True)
    try:
        yield FAULT
    finally:
        nlp.remove_pipe(FAULTY_COMPONENT)
        FAULT["raise"] = ValueError


@pytest.fixture
def a_stage_breaks_on_the_marker(replace_stage):
    """The judgements stage raising on the marked document."""
    fault = {"raise": KeyError}

    def breaking(real):
        def judgements(doc, claims):
            if MARKER in doc.text:
                raise fault["raise"]("judgement lexicon entry")
            return real(doc, claims)

        return judgements

    replace_stage("newsint.judgements.", breaking)
    return fault


def documents(marked: int, count: int = 4) -> list[RawDocument]:
    texts = [ARTICLE.replace("Minsk", f"Minsk {n}") for n in range(count)]
    texts[marked] = texts[marked].replace("The statement did not say", f"The {MARKER} statement did not say")
    return [RawDocument(source=f"doc-{n}", reader="text", text=text) for n, text in enumerate(texts)]


def outcomes(items, batch_size: int = 32) -> list[Analysis | NewsintError]:
    from newsint.pipeline import analyze_stream

    return list(analyze_stream(items, batch_size=batch_size))


def test_a_spacy_failure_fails_its_document_and_not_its_batch(spacy_breaks_on_the_marker):
    out = outcomes(documents(marked=1))
    assert [type(x).__name__ for x in out] == ["Analysis", "AnalysisError", "Analysis", "Analysis"]
    assert [x.document.source if isinstance(x, Analysis) else x.path for x in out] == [f"doc-{n}" for n in range(4)]
    error = out[1]
    assert error.code == "N400"
    assert str(error) == "doc-1: analysis failed: ValueError: component broke on purpose [N400]"  # one line


def test_a_stage_failure_fails_its_document_alone(a_stage_breaks_on_the_marker):
    out = outcomes(documents(marked=2), batch_size=2)
    assert [type(x).__name__ for x in out] == ["Analysis", "Analysis", "AnalysisError", "Analysis"]
    assert str(out[2]) == "doc-2: analysis failed: KeyError: 'judgement lexicon entry' [N400]"


def test_analyze_many_raises_the_failure_with_its_cause(a_stage_breaks_on_the_marker):
    from newsint.pipeline import analyze_many

    with pytest.raises(AnalysisError) as raised:
        list(analyze_many(documents(marked=0, count=2)))
    assert isinstance(raised.value.__cause__, KeyError)  # the original traceback stays readable


@pytest.mark.parametrize("fatal", [KeyboardInterrupt, SystemExit, MemoryError])
def test_an_interrupt_or_exhausted_memory_in_spacy_ends_the_run(fatal, spacy_breaks_on_the_marker):
    spacy_breaks_on_the_marker["raise"] = fatal
    with pytest.raises(fatal):
        outcomes(documents(marked=1))


@pytest.mark.parametrize("fatal", [KeyboardInterrupt, SystemExit, MemoryError])
def test_an_interrupt_or_exhausted_memory_in_a_stage_ends_the_run(fatal, a_stage_breaks_on_the_marker):
    a_stage_breaks_on_the_marker["raise"] = fatal
    with pytest.raises(fatal):
        outcomes(documents(marked=1))


def test_analyze_reports_a_failing_document_and_writes_the_others(cli, tmp_path, a_stage_breaks_on_the_marker):
    for n, raw in enumerate(documents(marked=1, count=3)):
        (tmp_path / f"{n}.txt").write_text(raw.text, encoding="utf-8")
    result = cli("analyze", tmp_path, "-f", "jsonl")
    assert result.exit_code == 1
    assert result.error_lines == [
        f"newsint: error: {tmp_path / '1.txt'}: analysis failed: KeyError: 'judgement lexicon entry' [N400]"
    ]
    assert [Path(a["document"]["source"]).name for a in result.jsonl()] == ["0.txt", "2.txt"]


def feed_with_a_broken_middle_line(path: Path) -> Path:
    good = [{"title": f"Report {n}", "text": ARTICLE.replace("Minsk", f"Minsk {n}")} for n in range(4)]
    lines = [json.dumps(good[0]), json.dumps(good[1]), '{"title": "cut off", "text": "Belarus sa', json.dumps(good[2])]
    path.write_text("\n".join(lines) + "\n" + json.dumps(good[3]) + "\n", encoding="utf-8")
    return path


def test_analyze_keeps_every_line_after_a_broken_one(cli, tmp_path):
    feed = feed_with_a_broken_middle_line(tmp_path / "feed.jsonl")
    later = tmp_path / "later.txt"
    later.write_text(ARTICLE, encoding="utf-8")
    result = cli("analyze", feed, later, "-f", "jsonl")
    assert result.exit_code == 1
    (line,) = result.error_lines
    assert line.startswith(f"newsint: error: {feed}:3: not a JSON object") and line.endswith("[N007]")
    sources = [a["document"]["source"] for a in result.jsonl()]
    assert sources == [f"{feed}:1", f"{feed}:2", f"{feed}:4", f"{feed}:5", str(later)]  # input order


def test_fail_fast_stops_at_the_broken_line_with_nothing_written(cli, tmp_path):
    feed = feed_with_a_broken_middle_line(tmp_path / "feed.jsonl")
    out = tmp_path / "out.jsonl"
    result = cli("analyze", feed, "-f", "jsonl", "--out", out, "--fail-fast")
    assert result.exit_code == 1
    assert len(result.error_lines) == 1 and f"{feed}:3:" in result.error_lines[0]
    assert not out.exists() and list(tmp_path.iterdir()) == [feed]  # no temporary file left either


def test_a_run_of_reader_errors_comes_out_before_the_next_document() -> None:
    # A feed of broken lines must not be held back until the next good document: the errors of a
    # long run of them come out as they go (bounded memory), in order.
    from newsint.errors import MalformedError
    from newsint.pipeline import PIPE_BATCH_ITEMS, analyze_stream

    def many_errors():
        for n in range(1, 2 * PIPE_BATCH_ITEMS + 1):
            yield MalformedError("not JSON", path=f"feed.jsonl:{n}")
        raise AssertionError("the stream read far ahead of what it gave out")

    stream = analyze_stream(many_errors())
    first = [next(stream) for _ in range(PIPE_BATCH_ITEMS + 1)]
    assert [e.path for e in first] == [f"feed.jsonl:{n}" for n in range(1, PIPE_BATCH_ITEMS + 2)]
