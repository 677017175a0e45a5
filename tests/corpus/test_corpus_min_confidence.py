"""The corpus timeline and the exports (but jsonl, the Analysis contract) show only events at or
above DEFAULT_MIN_CONFIDENCE by default; ``--min-confidence`` changes the threshold (issue #18)."""

from __future__ import annotations

import csv
import io
import json

from newsint.extract.events.confidence import DEFAULT_MIN_CONFIDENCE


def _low_confidence_events(db: str, cli) -> list[dict]:
    stored = cli("export", "--format", "jsonl", "--db", db)
    return [e for line in stored.stdout.splitlines() for e in json.loads(line)["events"]
            if e["confidence"] is not None and e["confidence"] < DEFAULT_MIN_CONFIDENCE]  # fmt: skip


def test_timeline_leaves_out_low_confidence_events_by_default(cli, examples_store) -> None:
    low = [e for e in _low_confidence_events(examples_store, cli) if e["start"]]
    # The Belarusian president's announcement (a STATEMENT scored 0.55, dated 2022-01-17).
    assert any(e["type"] == "STATEMENT" and e["start"] == "2022-01-17" for e in low)
    default = cli("timeline", "--db", examples_store)
    every = cli("timeline", "--db", examples_store, "--min-confidence", "0")
    assert default.exit_code == every.exit_code == 0
    assert "2022-01-17" in every.stdout and "STATEMENT: Belarusian President" in every.stdout
    assert "STATEMENT: Belarusian President" not in default.stdout
    assert default.stdout.count("│ event │") < every.stdout.count("│ event │")


def test_exports_leave_out_low_confidence_events_jsonl_keeps_them(cli, examples_store) -> None:
    def events_table(*option: str) -> list[dict]:
        result = cli("export", "--format", "csv", "--table", "events", "--db", examples_store, *option)
        assert result.exit_code == 0, result.stderr
        return list(csv.DictReader(io.StringIO(result.stdout)))

    default, every = events_table(), events_table("--min-confidence", "0")
    assert len(default) < len(every)
    assert all(float(row["confidence"]) >= DEFAULT_MIN_CONFIDENCE for row in default if row.get("confidence"))
    acled_default = cli("export", "--format", "acled", "--db", examples_store).stdout
    acled_every = cli("export", "--format", "acled", "--db", examples_store, "--min-confidence", "0").stdout
    assert "Belarusian President Alexander Lukashenko announced" in acled_every
    assert "Belarusian President Alexander Lukashenko announced" not in acled_default
    # Everything kept at a threshold of 1 is what claims to be certain: no event is scored 1.
    strict = cli("export", "--format", "acled", "--db", examples_store, "--min-confidence", "1").stdout
    assert strict.splitlines()[1:] == []
    assert _low_confidence_events(examples_store, cli)  # jsonl keeps every event


def test_min_confidence_out_of_range_is_one_clear_error(cli, examples_store) -> None:
    result = cli("timeline", "--db", examples_store, "--min-confidence", "1.5")
    assert result.exit_code != 0 and "Traceback" not in result.stderr
