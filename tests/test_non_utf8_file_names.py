"""File names whose bytes are not UTF-8 (issue #13): every command takes them, none crashes.

A Linux file name is bytes; Python holds a byte that is not UTF-8 as a lone surrogate (PEP 383),
which no UTF-8 output, SQLite or PostgreSQL text column can hold. newsint writes such a name as
text once, where a reader takes it in (``newsint.source_name``: the byte as ``\\xNN``), and turns
that text back into the real name to read the file again (``failed --retry``).

Real files with raw 0x9B (the one-byte CSI) and 0xFF bytes in their names, on SQLite and a real
PostgreSQL server: ``ingest`` stores or records them, ``failed`` lists them, ``--resume`` skips
them, ``failed --retry`` reads the same files again, ``search`` finds them by those bytes,
``analyze`` in every format (stdout and ``--out``) and the exports write valid UTF-8, and each
error is one line. The CLI runs in process, where stdout is strict UTF-8 (as in a UTF-8 locale).
"""

from __future__ import annotations

import json
import os
import textwrap
from pathlib import Path

import pytest

from newsint.export.sink import OutputFormat
from newsint.source_name import source_name, source_path

RAW = b"\x9b\xff"  # a C1 CSI and a byte no UTF-8 text holds
SHOWN = "\\x9b\\xff"

ARTICLES = [
    "Belarus extends joint drills with Russia\n\nBelarus said on Sunday that its joint military drills with "
    "Russia would go on, a week after they were due to end, citing tension near its borders.\n",
    "Ukraine puts Russian force in Belarus at 9,000\n\nUkraine's defence minister told parliament on Monday "
    "that about 9,000 Russian soldiers were stationed in Belarus.\n",
    "Strikes reported near Sumy\n\nThe regional governor said that Russian artillery hit Sumy on 1 March 2022, "
    "wounding 9 people and damaging a school.\n",
    "Helicopters cross into Ukraine near Chernihiv\n\nThe border guard service said that Russian helicopters "
    "crossed into Ukraine near Chernihiv on 5 March 2022.\n",
    "Kherson shelled overnight\n\nUkraine said on Tuesday that Russian forces shelled Kherson, killing 3 "
    "civilians and wounding 12 more in the city centre.\n",
    "Grain convoy reaches Odesa\n\nOfficials in Odesa said on Friday that a convoy of 40 lorries carrying grain "
    "had reached the port after a delay of two days.\n",
]


def _name(raw: bytes) -> str:
    """A file name as Python's os functions give it (surrogates for the bytes that are not UTF-8)."""
    return os.fsdecode(raw)


class Inputs:
    """A folder of real files with such names; ``shown(path)`` is how newsint names each."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder.resolve()
        self.report = self.folder / _name(b"report " + RAW + b".txt")  # analyses
        self.empty = self.folder / _name(b"empty " + RAW + b".txt")  # fails: empty
        self.feed = self.folder / _name(b"feed " + RAW + b".jsonl")  # record 1 analyses, record 2 fails
        # Twins: one name holds the byte 0xFF, the other the four characters "\xff". They must stay
        # two sources, and a retry of the first must read the first.
        self.twin_raw = self.folder / _name(b"twin\xff.txt")  # fails: empty
        self.twin_literal = self.folder / "twin\\xff.txt"  # analyses
        try:
            self.report.write_text(ARTICLES[0], encoding="utf-8")
        except (OSError, UnicodeEncodeError) as error:  # a file system that takes UTF-8 names only
            pytest.skip(f"cannot create a file whose name is not UTF-8 here: {error}")
        self.empty.write_bytes(b"")
        self.write_feed(ARTICLES[1], "   ")
        self.twin_raw.write_bytes(b"")
        self.twin_literal.write_text(ARTICLES[2], encoding="utf-8")

    def write_feed(self, first: str, second: str) -> None:
        lines = [json.dumps({"title": f"Feed {n}", "text": text}) for n, text in ((1, first), (2, second))]
        self.feed.write_text("\n".join(lines) + "\n", encoding="utf-8")

    @staticmethod
    def shown(path: Path) -> str:
        return source_name(path)


@pytest.fixture
def inputs(tmp_path: Path) -> Inputs:
    (tmp_path / "in").mkdir()
    return Inputs(tmp_path / "in")


def _no_traceback(result) -> None:
    assert "Traceback" not in result.stderr, result.stderr
    assert "UnicodeEncodeError" not in result.stderr


def test_source_name_is_text_and_maps_back_to_the_same_bytes() -> None:
    for raw in [b"plain.txt", "caf\u00e9 \u0416.txt".encode(), b"a\x9b\xffb", b"a\\xffb", b"a\\\xff", b"\\x\\x5c\xc3"]:
        name = source_name(_name(raw))
        name.encode("utf-8")  # valid text: no surrogate left
        assert os.fsencode(source_path(name)) == raw
    assert source_name(_name(b"plain \xc3\xa9.txt")) == "plain \u00e9.txt"  # a UTF-8 name is itself
    assert source_name(_name(b"r\x9b\xff.txt")) == "r\\x9b\\xff.txt"
    assert source_name(_name(b"t\xff")) != source_name("t\\xff")  # the twins keep distinct names


def test_ingest_failed_resume_retry_and_search_take_names_that_are_not_utf8(cli, inputs, store_url) -> None:
    db = store_url
    shown = inputs.shown
    result = cli("ingest", inputs.folder, "--db", db)
    _no_traceback(result)
    assert result.exit_code == 1
    assert sorted(result.error_lines) == sorted(
        [
            f"newsint: error: {shown(inputs.empty)}: empty file [N002]",
            f'newsint: error: {shown(inputs.feed)}:2: record has no "text" or "html" [N002]',
            f"newsint: error: {shown(inputs.twin_raw)}: empty file [N002]",
        ]
    ), result.stderr
    assert "stored 3 new article(s), 0 already stored, 3 failed" in result.stdout

    listed = cli("failed", "--db", db, "--format", "json")
    _no_traceback(listed)
    assert {f["source"] for f in listed.json()} == {shown(inputs.empty), f"{shown(inputs.feed)}:2",
                                                      shown(inputs.twin_raw)}  # fmt: skip
    table = cli("failed", "--db", db)
    _no_traceback(table)
    assert table.exit_code == 0 and SHOWN in table.stdout

    resumed = cli("ingest", inputs.folder, "--db", db, "--resume")
    _no_traceback(resumed)
    assert resumed.exit_code == 0, resumed.stderr
    assert "stored 0 new article(s), 0 already stored, 6 source(s) skipped (--resume), 0 failed" in resumed.stdout

    inputs.empty.write_text(ARTICLES[3], encoding="utf-8")
    inputs.write_feed(ARTICLES[1], ARTICLES[4])
    inputs.twin_raw.write_text(ARTICLES[5], encoding="utf-8")
    retried = cli("failed", "--db", db, "--retry")
    _no_traceback(retried)
    assert retried.exit_code == 0, retried.stderr
    # The three failed sources read again, from the files with those bytes in their names (the
    # twin with "\xff" written out would be "already stored").
    assert "stored 3 new article(s), 0 already stored, 0 failed" in retried.stdout
    assert cli("failed", "--db", db, "--format", "json").json() == []

    hits = cli("search", "Sumy", "--db", db, "--format", "json")
    _no_traceback(hits)
    assert {h["source"] for h in hits.json()} == {shown(inputs.twin_literal)}
    by_bytes = cli("search", "Belarus", "--source", _name(b" " + RAW), "--db", db, "--format", "json")
    _no_traceback(by_bytes)
    assert {h["source"] for h in by_bytes.json()} == {shown(inputs.report), f"{shown(inputs.feed)}:1"}
    for args in (["search", _name(b"Belarus\xff")], ["search", "Belarus", "--entity", _name(b"\xff")]):
        odd = cli(*args, "--db", db, "--format", "json")
        _no_traceback(odd)
        assert odd.exit_code == 0 and isinstance(odd.json(), list)


def test_the_store_commands_write_such_names_as_text(cli, inputs, store_url, tmp_path) -> None:
    db = store_url
    assert cli("ingest", inputs.folder, "--db", db).exit_code == 1  # the empty files fail
    expected = {inputs.shown(inputs.report), f"{inputs.shown(inputs.feed)}:1", inputs.shown(inputs.twin_literal)}
    exported = cli("export", "-f", "jsonl", "--db", db)
    _no_traceback(exported)
    assert {article["document"]["source"] for article in exported.jsonl()} == expected
    out = tmp_path / _name(b"articles " + RAW + b".csv")
    table = cli("export", "-f", "csv", "--table", "articles", "--db", db, "--out", out)
    _no_traceback(table)
    assert table.exit_code == 0 and all(source in out.read_bytes().decode("utf-8") for source in expected)
    for args in (["brief"], ["claims"], ["stats", "-f", "json"], ["search", "Belarus"]):
        result = cli(*args, "--db", db)
        _no_traceback(result)
        assert result.exit_code == 0, (args, result.stderr)


@pytest.mark.parametrize("output_format", list(OutputFormat))
def test_analyze_writes_such_names_as_text_in_every_format(cli, inputs, tmp_path, output_format) -> None:
    out = tmp_path / _name(b"out " + RAW)
    to_stdout = cli("analyze", inputs.folder, "-f", output_format)
    to_file = cli("analyze", inputs.folder, "-f", output_format, "--out", out)
    for result in (to_stdout, to_file):
        _no_traceback(result)
        assert result.exit_code == 1  # the empty files and the blank record fail, each on one line
        assert len(result.error_lines) == 3, result.stderr
        assert all(line.startswith("newsint: error: ") and "\\xff" in line for line in result.error_lines)
    expected = {inputs.shown(inputs.report), f"{inputs.shown(inputs.feed)}:1", inputs.shown(inputs.twin_literal)}
    for text in (to_stdout.stdout, out.read_bytes().decode("utf-8")):  # the file: strict UTF-8
        if output_format == OutputFormat.json:
            assert {d["document"]["source"] for d in json.loads(text)} == expected
        elif output_format == OutputFormat.jsonl:
            assert {json.loads(line)["document"]["source"] for line in text.splitlines()} == expected
        elif output_format == OutputFormat.geojson:
            assert json.loads(text)["type"] == "FeatureCollection"
        elif output_format in (OutputFormat.brief, OutputFormat.markdown):
            assert SHOWN in text.replace("\\\\", "\\")  # markdown escapes the backslash


def test_a_store_whose_file_name_is_not_utf8(cli, inputs, tmp_path) -> None:
    db = tmp_path / _name(b"store " + RAW + b".db")
    result = cli("ingest", inputs.report, "--db", db)
    _no_traceback(result)
    assert result.exit_code == 0 and f"store: {source_name(db)}" in result.stdout
    stats = cli("stats", "--db", db, "--format", "json")
    _no_traceback(stats)
    assert stats.json()["location"] == source_name(db)
    missing = cli("stats", "--db", tmp_path / _name(b"none " + RAW + b".db"))
    assert missing.exit_code == 1 and len(missing.error_lines) == 1
    assert missing.error_lines[0].startswith(f"newsint: error: {source_name(tmp_path)}/none {SHOWN}.db: no store")


@pytest.mark.parametrize("url", ["postgresql://nobody@127.0.0.1:1/db%ff", "postgresql://nobody@127.0.0.1:1/db\udcff"])
def test_a_postgresql_url_with_a_byte_that_is_not_utf8_is_one_error_line(cli, url) -> None:
    result = cli("stats", "--db", url)
    _no_traceback(result)
    assert result.exit_code == 1
    assert result.error_lines == ["newsint: error: not a valid PostgreSQL URL (a byte in it is not UTF-8) [N200]"]


def test_eval_takes_a_gold_file_whose_name_is_not_utf8(cli, tmp_path) -> None:
    (tmp_path / "seed").mkdir()
    (tmp_path / "seed" / "a.txt").write_text(ARTICLES[0], encoding="utf-8")
    (tmp_path / "gold").mkdir()
    gold = tmp_path / "gold" / _name(b"gold " + RAW + b".yaml")
    body = "article: seed/a.txt\nentities:\n  - {name: Belarus, type: PLACE}\n"
    try:
        gold.write_text(textwrap.dedent(body), encoding="utf-8")
    except (OSError, UnicodeEncodeError) as error:
        pytest.skip(f"cannot create a file whose name is not UTF-8 here: {error}")
    report = tmp_path / _name(b"report " + RAW + b".json")
    for args in (["-f", "json"], ["-f", "table"], ["--report", report]):
        result = cli("eval", gold, *args)
        _no_traceback(result)
        assert result.exit_code == 0, result.stderr
    (file_report,) = json.loads(report.read_bytes().decode("utf-8"))["files"]
    assert file_report["gold"] == source_name(gold)
