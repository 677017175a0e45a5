"""The corpus commands against a real store holding the example corpus, ingested once per backend
(SQLite and PostgreSQL) with `newsint ingest examples/`: claims, entity, timeline, export, brief."""

from __future__ import annotations

import csv
import io
import json
import zipfile

import networkx as nx
import pytest

from newsint.export.tables import TABLES
from newsint.model import Analysis


@pytest.fixture
def db(examples_store) -> str:
    return examples_store


def test_claims_contradictions_reports_contradicted_and_corroborated_figures(cli, db) -> None:
    result = cli("claims", "--contradictions", "--db", db, "--format", "json")
    assert result.exit_code == 0, result.stderr
    report = result.json()
    # NATO's about 30,000 vs Ukraine's about 9,000 Russian troops (examples/README.md, "Contradiction").
    pairs = [
        ({s["source"] for s in c["sides"][0]["sources"]}, {s["source"] for s in c["sides"][1]["sources"]})
        for c in report["contradicted"]
    ]
    assert any({"Jens Stoltenberg", "Oleksii Reznikov"} <= a | b and not a & b for a, b in pairs)
    # Stoltenberg's figure, carried by A, B and D3: three independent outlets.
    (nato,) = [g for g in report["corroborated"] if "Jens Stoltenberg" in {s["source"] for s in g["sources"]}]
    assert nato["independent_outlets"] == 3
    stoltenberg = next(s for s in nato["sources"] if s["source"] == "Jens Stoltenberg")
    assert stoltenberg["actor"] == "NATO"
    assert sorted(stoltenberg["outlets"]) == ["Eastern Marches Daily", "Meridian Wire", "The Borderland Monitor"]


def test_claims_contradictions_as_text_names_both_sides(cli, db) -> None:
    result = cli("claims", "--contradictions", "--db", db)
    assert result.exit_code == 0, result.stderr
    assert "Contradicted figures" in result.stdout and "Corroborated figures" in result.stdout
    assert "Andriy Demchenko" in result.stdout and "3 independent outlets" in result.stdout


def test_claims_about_an_entity(cli, db) -> None:
    result = cli("claims", "--about", "Jens Stoltenberg", "--db", db, "--format", "json")
    assert result.exit_code == 0, result.stderr
    rows = result.json()
    by = [r for r in rows if r["relation"] == "by"]
    assert {r["outlet"] for r in by} == {"The Borderland Monitor", "Eastern Marches Daily", "Meridian Wire"}
    assert any("30,000" in r["content"] for r in by)
    unknown = cli("claims", "--about", "Nobody Atall", "--db", db)
    assert unknown.exit_code == 1 and unknown.error_lines == [
        "newsint: error: no entity named 'Nobody Atall' in the store [N001]"
    ]


def test_entity_profile(cli, db) -> None:
    result = cli("entity", "Lukashenko", "--db", db)
    assert result.exit_code == 0, result.stderr
    assert "person:alexander-lukashenko" in result.stdout and "President of Belarus" in result.stdout
    assert "Claims by Alexander Lukashenko" in result.stdout


def test_timeline_filters(cli, db) -> None:
    result = cli("timeline", "--actor", "NATO", "--from", "2022-02-05", "--to", "2022-02-20", "--db", db)
    assert result.exit_code == 0, result.stderr
    # Claims reported on 10 and 16 Feb are in; those of 4 and 21 Feb are out unless a date in the claim
    # itself reaches into the range ("later this month", said on 4 Feb).
    assert "2022-02-10 (published)" in result.stdout and "2022-02-16 (published)" in result.stdout
    assert "2022-02-04 (published)" not in result.stdout and "2022-02-21 (published)" not in result.stdout
    bad = cli("timeline", "--from", "Feb 5", "--db", db)
    assert bad.exit_code == 2
    assert bad.error_lines == ["newsint: error: --from must be a date like 2019-07-23, not 'Feb 5' [N100]"]


def _csv_rows(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"))))


def _read_export(fmt: str, data: bytes) -> object:
    """The export parsed back with the reader its format is made for."""
    if fmt == "jsonl":
        return [Analysis.from_json(line) for line in data.decode("utf-8").splitlines()]
    if fmt == "csv":
        archive = zipfile.ZipFile(io.BytesIO(data))
        return {name: _csv_rows(archive.read(name)) for name in archive.namelist()}
    if fmt == "acled":
        return _csv_rows(data)
    if fmt == "gexf":
        return nx.read_gexf(io.BytesIO(data))
    if fmt == "ftm":
        return [json.loads(line) for line in data.decode("utf-8").splitlines()]
    return json.loads(data)


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "geojson", "gexf", "acled", "ftm"])
def test_export_each_format_to_a_file(cli, db, tmp_path, fmt) -> None:
    out = tmp_path / f"corpus.{fmt}"
    result = cli("export", "--format", fmt, "--out", out, "--db", db)
    assert result.exit_code == 0 and result.stderr == ""
    exported = _read_export(fmt, out.read_bytes())
    if fmt == "jsonl":  # 8 articles in 6 files (the feed holds 3), in ingest order
        assert len(exported) == 8 and len({a.document.id for a in exported}) == 8
    elif fmt == "csv":
        assert sorted(exported) == sorted(f"{name}.csv" for name in TABLES)
        assert len(exported["articles.csv"]) == 8 and exported["claims.csv"]
    elif fmt == "acled":
        assert out.read_text(encoding="utf-8").startswith("event_id_cnty,event_date,time_precision,")
    elif fmt == "gexf":
        assert "Jens Stoltenberg" in nx.get_node_attributes(exported, "label").values()
    elif fmt == "ftm":
        assert {"Person", "Address"} <= {e["schema"] for e in exported}
    else:
        assert exported["type"] == "FeatureCollection"
        assert "Minsk" in {f["properties"]["name"] for f in exported["features"]}


def test_export_refuses_a_bad_table_and_writes_nothing(cli, db, tmp_path) -> None:
    out = tmp_path / "x.csv"
    result = cli("export", "-f", "csv", "--table", "nope", "-o", out, "--db", db)
    assert result.exit_code == 2 and len(result.error_lines) == 1
    assert "--table must be one of articles" in result.stderr
    assert not out.exists() and list(tmp_path.iterdir()) == []


def test_a_missing_store_is_one_error_line_and_creates_nothing(cli, tmp_path) -> None:
    missing = tmp_path / "none.db"
    result = cli("claims", "--contradictions", "--db", missing)
    assert result.exit_code == 1
    assert result.error_lines == [
        f"newsint: error: {missing}: no store here: run `newsint ingest FILES` first, or pass --db [N200]"
    ]
    assert not missing.exists()


def test_brief(cli, db) -> None:
    result = cli("brief", "--db", db)
    assert result.exit_code == 0, result.stderr
    for part in ("8 articles", "Meridian Wire", "Most named", "Timeline", "Contradicted figures", "Corroborated"):
        assert part in result.stdout


# Every read-only command, with the arguments the tests above use.
COMMANDS = [
    ("brief",),
    ("claims", "--format", "json"),
    ("claims",),
    ("claims", "--contradictions", "--format", "json"),
    ("claims", "--contradictions"),
    ("claims", "--about", "Jens Stoltenberg", "--format", "json"),
    ("entity", "Lukashenko"),
    ("entity", "Belarus"),
    ("timeline",),
    ("timeline", "--actor", "NATO", "--from", "2022-02-05", "--to", "2022-02-20"),
    *(("export", "-f", fmt) for fmt in ("jsonl", "geojson", "gexf", "acled", "ftm")),
    *(("export", "-f", "csv", "--table", table) for table in TABLES),
    ("export", "-f", "ftm", "--table", "statements"),
]


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_both_backends_give_the_same_answer(cli, examples_sqlite, examples_postgresql, command) -> None:
    # The same corpus stored in SQLite and in PostgreSQL: same articles, same order, same output.
    on_sqlite = cli(*command, "--db", examples_sqlite)
    on_postgresql = cli(*command, "--db", examples_postgresql)
    assert on_sqlite.exit_code == on_postgresql.exit_code == 0, on_sqlite.stderr + on_postgresql.stderr
    assert on_sqlite.stdout.strip()
    assert on_postgresql.stdout == on_sqlite.stdout
