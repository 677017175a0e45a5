"""Corpus exports on the example corpus analysed by the real pipeline: each format parses back with
its own reader and says what the corpus holds; --out is written whole or not at all."""

from __future__ import annotations

import csv
import io
import json
import zipfile

import networkx as nx
import pytest

from newsint.errors import UsageError
from newsint.export.acled import acled_csv
from newsint.export.corpus_export import ExportFormat, check_table, render_export, write_export
from newsint.export.tables import COLUMNS, TABLES
from newsint.model import Analysis, CorpusArticle, Document, Entity, Event, Location, Mention, Participant, SentenceSpan


def test_jsonl_is_one_analysis_per_line(example_corpus) -> None:
    lines = render_export(ExportFormat.jsonl, example_corpus).decode("utf-8").splitlines()
    assert len(lines) == 8  # 8 articles in 6 files (the feed holds 3)
    assert Analysis.from_json(lines[0]) == example_corpus[0].analysis


def test_csv_zip_holds_every_table_and_the_claims_table_every_claim(example_corpus) -> None:
    archive = zipfile.ZipFile(io.BytesIO(render_export(ExportFormat.csv, example_corpus)))
    assert sorted(archive.namelist()) == sorted(f"{name}.csv" for name in TABLES)
    claims = list(csv.DictReader(io.StringIO(archive.read("claims.csv").decode("utf-8"))))
    assert len(claims) == sum(len(a.analysis.claims) for a in example_corpus)
    article = example_corpus[0]
    first = next(r for r in claims if r["article_id"] == article.article_id)
    claim = article.analysis.claims[0]
    # Offsets point back into the article's text.
    assert article.analysis.document.text[int(first["start"]) : int(first["end"])] == claim.content.text
    # An empty table still has its header (no events on main yet, or some).
    events = archive.read("events.csv").decode("utf-8").splitlines()
    assert events[0].split(",") == list(COLUMNS["events"])


def test_csv_figures_table_marks_the_contradiction_and_the_corroboration(example_corpus) -> None:
    text = render_export(ExportFormat.csv, example_corpus, table="figures").decode("utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    (nato,) = {r["group_id"] for r in rows if r["source"] == "Jens Stoltenberg"}
    (ukraine,) = {r["group_id"] for r in rows if r["source"] == "Oleksii Reznikov"}
    nato_row = next(r for r in rows if r["group_id"] == nato)
    assert nato_row["corroborated"] == "True" and nato_row["independent_outlets"] == "3"
    assert ukraine in nato_row["contradicts"].split("|")


def test_csv_single_table_and_bad_table_names(example_corpus) -> None:
    text = render_export(ExportFormat.csv, example_corpus, table="articles").decode("utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert {r["outlet"] for r in rows} >= {"The Borderland Monitor", "Eastern Marches Daily", "Meridian Wire"}
    with pytest.raises(UsageError, match="--table must be one of"):
        check_table(ExportFormat.csv, "nope")
    with pytest.raises(UsageError, match="applies to csv and ftm"):
        check_table(ExportFormat.gexf, "claims")


def test_geojson_places_are_lon_lat_with_mention_counts(example_corpus) -> None:
    collection = json.loads(render_export(ExportFormat.geojson, example_corpus))
    assert collection["type"] == "FeatureCollection"
    by_name = {f["properties"]["name"]: f for f in collection["features"]}
    minsk = by_name["Minsk"]
    lon, lat = minsk["geometry"]["coordinates"]
    assert 27.0 < lon < 28.0 and 53.5 < lat < 54.5  # Minsk: 53.9 N, 27.6 E
    # One feature per place across the corpus: Belarus is named in all 8 articles (the Russian
    # one as Беларусь/Белоруссия: one place whatever the language).
    assert [f["properties"]["name"] for f in collection["features"]].count("Belarus") == 1
    assert by_name["Belarus"]["properties"]["articles"] == 8
    assert by_name["Belarus"]["properties"]["mentions"] >= 7


def test_per_article_geojson_carries_each_place_iso3(example_corpus) -> None:
    from newsint.export.geojson import places_geojson

    # The per-article collection (``newsint analyze --format geojson``) of the Borderland Monitor story.
    article = next(a for a in example_corpus if "borderland" in (a.analysis.document.source or "").lower())
    features = places_geojson([article.analysis])["features"]
    iso_by_name = {f["properties"]["name"]: f["properties"]["iso3"] for f in features}
    assert iso_by_name["Belarus"] == "BLR"
    assert iso_by_name["Brussels"] == "BEL"  # a city carries its country's code
    assert iso_by_name["Ukraine"] == "UKR"


def test_gexf_reads_back_as_the_actor_network(example_corpus) -> None:
    graph = nx.read_gexf(io.BytesIO(render_export(ExportFormat.gexf, example_corpus)))
    assert graph.number_of_edges() > 0
    labels = nx.get_node_attributes(graph, "label")
    stoltenberg = next(n for n, label in labels.items() if label == "Jens Stoltenberg")
    # His claims name Belarus (A: "deployment to Belarus").
    assert any(labels[t] == "Belarus" for t in graph.successors(stoltenberg))


def test_ftm_entities_follow_the_schemata(example_corpus) -> None:
    entities = [json.loads(line) for line in render_export(ExportFormat.ftm, example_corpus).splitlines()]
    by_name = {e["properties"]["name"][0]: e for e in entities}
    stoltenberg = by_name["Jens Stoltenberg"]
    assert stoltenberg["schema"] == "Person"
    assert stoltenberg["properties"]["position"] == ["NATO Secretary General"]
    assert by_name["Belarus"]["schema"] == "Address" and by_name["Belarus"]["properties"]["country"] == ["by"]
    assert {e["schema"] for e in entities} <= {"Person", "Organization", "Address", "Event"}
    assert len({e["id"] for e in entities}) == len(entities)


def test_ftm_statements_carry_provenance_and_claims(example_corpus) -> None:
    text = render_export(ExportFormat.ftm, example_corpus, table="statements").decode("utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    by_id = {a.article_id: a for a in example_corpus}
    for row in rows:
        published = by_id[row["origin"]].analysis.document.published or ""
        assert row["first_seen"] == row["last_seen"] == published[:10]
        assert row["dataset"] == "newsint"
    assert len({r["id"] for r in rows}) == len(rows)  # one row per statement
    notes = [r for r in rows if r["prop"] == "notes" and "30,000" in r["value"]]
    # The original value is the claim as written, source and cue included; it hangs on the Person.
    stoltenberg = [
        r
        for r in notes
        if r["original_value"].startswith("NATO Secretary General Jens Stoltenberg said")
        and "about 30,000 combat troops" in r["value"]
    ]
    assert stoltenberg and all(r["schema"] == "Person" for r in stoltenberg)


def _event_article(modality: str, precision: str | None) -> CorpusArticle:
    text = "Russian forces shelled Kharkiv."
    kharkiv = Entity(id="E1", name="Kharkiv", type="PLACE", attributes={"iso": "UKR"},
                     mentions=[Mention(23, 30, "Kharkiv")])  # fmt: skip
    event = Event(
        id="V1", type="ASSAULT", mode="shelling", sentence=SentenceSpan(0, len(text)),
        actors=[Participant(actor="RUS MIL")], targets=[Participant(actor="UKR CVL")],
        location=Location(entity="E1", lat=49.98, lon=36.25), start="2022-02-28", precision=precision,
        modality=modality,
    )  # fmt: skip
    document = Document(id=f"doc-{modality}", source="x.txt", text=text, published="2022-03-01", site="Wire")
    return CorpusArticle(document.id, Analysis(document=document, entities=[kharkiv], events=[event]))


def test_acled_rows_are_factual_dated_events() -> None:
    rows = list(csv.DictReader(io.StringIO(acled_csv([_event_article("asserted", "day")]))))
    (row,) = rows
    assert (row["event_date"], row["time_precision"], row["event_type"]) == ("2022-02-28", "1", "ASSAULT")
    assert (row["actor1"], row["actor2"], row["location"]) == ("RUS MIL", "UKR CVL", "Kharkiv")
    assert (row["latitude"], row["longitude"], row["source"]) == ("49.98", "36.25", "Wire")
    assert row["notes"] == "Russian forces shelled Kharkiv."
    assert list(csv.DictReader(io.StringIO(acled_csv([_event_article("hypothetical", "day")])))) == []
    (month,) = csv.DictReader(io.StringIO(acled_csv([_event_article("reported", "month")])))
    assert month["time_precision"] == "3"


def test_out_is_written_whole_or_not_at_all(tmp_path) -> None:
    out = tmp_path / "corpus.jsonl"
    out.write_text("previous\n")
    write_export(b"new\n", out)
    assert out.read_text() == "new\n"
    with pytest.raises(IsADirectoryError):
        write_export(b"x", tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus.jsonl"]  # no temporary file left
    with pytest.raises(OSError):
        write_export(b"x", tmp_path / "missing-folder" / "out.csv")
