"""The stage registry (pipeline.STAGES, issue #14): checked at import, run in order by every door,
recorded in each Analysis; stages return new records instead of changing earlier ones.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import jsonschema
import pytest

from newsint import pipeline
from newsint.model import Analysis, Document, Quantity, TimeExpression, load_schema
from newsint.nlp.model import load_nlp
from newsint.pipeline import STAGES, Stage, analyze, analyze_stream, check_stages
from newsint.readers.raw import RawDocument

TEXT = (
    "KYIV — Russian forces shelled Kharkiv on 3 March 2022, killing 12 civilians, the governor said.\n\n"
    "By 5 March 2022 the army had moved 4,000 troops to the region."
)


def raw(text: str = TEXT) -> RawDocument:
    return RawDocument(source="test.txt", reader="text", text=text)


def test_every_analysis_records_the_stages_that_made_it_in_order():
    analysis = analyze(raw())
    assert analysis.stages == [stage.name for stage in STAGES]
    assert analysis.stages[0] == "newsint.times.v1" and "newsint.events.v3" in analysis.stages
    (streamed,) = list(analyze_stream([raw()]))
    assert streamed.stages == analysis.stages
    data = analysis.to_dict()
    jsonschema.Draft202012Validator(load_schema()).validate(data)
    assert Analysis.from_dict(data) == analysis


def test_an_analysis_stored_before_stages_were_recorded_still_reads_and_validates():
    data = analyze(raw()).to_dict()
    del data["stages"]
    jsonschema.Draft202012Validator(load_schema()).validate(data)
    assert Analysis.from_dict(data).stages == []


def test_the_registry_is_well_formed():
    check_stages(STAGES)  # what the import ran; nothing raised
    names = [stage.name for stage in STAGES]
    assert len(names) == len(set(names))
    # The dateline's place is added after every stage that reads the entities.
    readers_of_entities = [
        i for i, s in enumerate(STAGES) if "entities" in s.requires and s.name != "newsint.dateline_place.v1"
    ]
    assert max(readers_of_entities) < names.index("newsint.dateline_place.v1")


def _stage(name, requires, assigns, run):
    return Stage(name, requires, assigns, run)


@pytest.mark.parametrize(
    ("broken", "message"),
    [
        # Reads a value nothing made before it.
        (
            lambda s: (_stage("newsint.early.v1", ("claims",), ("judgements",), lambda claims: []), *s),
            "requires ['claims']",
        ),
        # Makes a value an earlier stage made, without reading it: it would silently replace it.
        (lambda s: (*s, _stage("newsint.again.v1", ("doc",), ("times",), lambda doc: [])), "re-assigns ['times']"),
        # Its function's parameters are not what it declares.
        (
            lambda s: (*s, _stage("newsint.odd.v1", ("doc",), ("extra",), lambda text: [])),
            "its function takes ['text']",
        ),
        # Twice the same name.
        (lambda s: (*s, s[0]), "registered twice"),
        # A name without a version.
        (lambda s: (*s, _stage("times", ("doc",), ("extra",), lambda doc: [])), "newsint.<stage>.v<N>"),
        # An Analysis field no stage makes.
        (lambda s: tuple(x for x in s if x.name != "newsint.judgements.v2"), "judgements"),
    ],
)
def test_a_broken_registry_is_refused(broken, message):
    with pytest.raises(ValueError, match=message.replace("[", r"\[").replace("]", r"\]").replace(".", r"\.")):
        check_stages(broken(STAGES))


def test_a_new_stage_is_one_entry(monkeypatch):
    """What a new extractor needs: a function of the values it reads and one STAGES entry."""

    seen = []

    def toy(doc, judgements):
        # A refinement of the judgements (it keeps them) that proves it ran on the parse.
        seen.append(doc.text[:4])
        return list(judgements)

    registry = (*STAGES, Stage("newsint.toy.v1", ("doc", "judgements"), ("judgements",), toy))
    check_stages(registry)
    monkeypatch.setattr(pipeline, "STAGES", registry)
    analysis = analyze(raw())
    assert seen == [analysis.document.text[:4]] and analysis.stages[-1] == "newsint.toy.v1"


def test_the_published_stage_returns_a_new_document_and_leaves_the_cleaned_one_alone():
    text = "The exercise was announced on 2 February 2022 and began on February 10, 2022, officials said."
    doc = load_nlp()(text)
    cleaned = Document(id="d", source="s", text=text)
    values = pipeline.stage_inputs(cleaned, doc)
    for stage in STAGES[:2]:
        pipeline.run_stage(stage, values)
    assert values["document"] is not cleaned
    assert values["document"].published == "2022-02-10" and values["document"].published_basis == "inferred"
    assert cleaned.published is None and cleaned.published_basis == "unknown" and cleaned.published_evidence == []


def test_dating_the_figures_makes_new_quantities_and_leaves_the_found_ones_alone():
    analysis = analyze(raw(), reference_date=dt.date(2022, 3, 6))
    dated = [q for q in analysis.quantities if q.time is not None]
    assert dated, "the 4,000 troops are dated by 'By 5 March 2022'"
    times = {t.id: t for t in analysis.times}
    assert any(times[q.time].text == "5 March 2022" for q in dated)
    # The same stage on undated copies: the copies it was given keep time None.
    found = [dataclasses.replace(q, time=None) for q in analysis.quantities]
    doc = load_nlp()(analysis.document.text)
    from newsint.nlp.text import remember_text

    remember_text(doc, analysis.document.text)
    stage = next(s for s in STAGES if s.name == "newsint.quantity_times.v1")
    timed = stage.run(doc=doc, quantities=found, times=analysis.times)
    assert all(q.time is None for q in found)
    assert [q.time for q in timed] == [q.time for q in analysis.quantities]
    assert all(isinstance(q, Quantity) for q in timed) and all(isinstance(t, TimeExpression) for t in analysis.times)


def test_the_users_reference_date_reaches_the_stages_as_a_date():
    analysis = analyze(
        raw("Two days ago, the army moved 4,000 troops to the border."), reference_date=dt.date(2022, 3, 6)
    )
    assert analysis.document.published == "2022-03-06" and analysis.document.published_basis == "user"
    (ago,) = [t for t in analysis.times if "ago" in t.text]
    assert ago.value_start == "2022-03-04"


def test_the_dateline_stage_marks_a_new_entity_and_leaves_the_entity_stages_alone():
    from newsint.clean import clean
    from newsint.nlp.parse import parse

    text = "KYIV — Russian missiles struck Kyiv overnight, the city's mayor said on Telegram."
    document = clean(raw(text))
    assert document.dateline is not None and document.dateline.place
    values = pipeline.stage_inputs(document, parse(document.text))
    for stage in STAGES:
        if stage.name.startswith("newsint.dateline_place."):
            found = values["entities"]
            before = [dataclasses.replace(e, attributes=dict(e.attributes)) for e in found]
        pipeline.run_stage(stage, values)
    (kyiv,) = [e for e in values["entities"] if "dateline" in e.attributes]
    assert kyiv.mentions and kyiv.mentions[0].text == "Kyiv"  # the place the text names, marked
    assert found == before  # the entity stage's records are as it made them
    assert not any("dateline" in e.attributes for e in found)
