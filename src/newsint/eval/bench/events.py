"""Events on the PLOVER gold-standard records: event type, and source/target actor codes.

Each record is one sentence with its PLOVER event type (``event``), its source and target
actors (``source`` / ``target``: lists of ``{actorText, code, sector}``; a target may be missing,
``null`` or ``""``) and sometimes a ``mode``. The sentence goes through the pipeline alone.

Figures:

- type accuracy: records where some newsint event in the sentence has the gold type;
- the scored event is the first newsint event with the gold type, else the first event;
- source / target actor F1, micro over all records, at two levels: the full code
  (``"USA GOV"``: country or group code plus the primary sector) and the code alone (``"USA"``);
- mode accuracy: on records with a gold mode, the share where newsint has both type and mode right.

Normalisation (both sides): codes upper-cased; CAMEO-style country codes in the gold mapped to
ISO (``JAP`` → ``JPN``, ``ITL`` → ``ITA``, ``VTN`` → ``VNM``); a sector is its first three letters (``CVLalb`` →
``CVL``), ``***`` means none; newsint actors naming an intergovernmental organisation (``NATO``,
``UN``, ``EU``…) compare as ``IGO``, the gold's code for them.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from newsint.errors import NewsintError
from newsint.eval.bench.common import Counts, Report, analyze_text, fmt, ratio

NAME = "events"
DATA_FOLDER = "events"
SAMPLE_LIMIT = 20

CAMEO_TO_ISO = {"JAP": "JPN", "ITL": "ITA", "GER": "DEU", "UK": "GBR", "VTN": "VNM"}
UNKNOWN_SECTOR = "***"
IGOS = frozenset(
    {
        "IGO",
        "NATO",
        "UN",
        "UNO",
        "EU",
        "AU",
        "ASEAN",
        "APEC",
        "OSCE",
        "OPEC",
        "WTO",
        "IMF",
        "WB",
        "ECOWAS",
        "GCC",
        "OAS",
        "OIC",
        "ARAB_LEAGUE",
        "CSTO",
        "SCO",
        "G7",
        "G20",
    }
)


@dataclass(slots=True)
class Record:
    id: str
    text: str
    event: str
    sources: list[tuple[str, str]]  # (code, sector or "")
    targets: list[tuple[str, str]]
    mode: str = ""


def dataset_files(data_dir: Path) -> list[Path]:
    return [data_dir / "plover-gsr.json"]


def _actors(value: object) -> list[tuple[str, str]]:
    if isinstance(value, dict):
        value = [value]
    if not isinstance(value, list):
        return []
    actors = []
    for actor in value:
        if isinstance(actor, dict) and actor.get("code"):
            actors.append(normalize_actor(str(actor["code"]), str(actor.get("sector") or "")))
    return actors


def normalize_actor(code: str, sector: str = "") -> tuple[str, str]:
    code = code.strip().upper()
    code = CAMEO_TO_ISO.get(code, code)
    if code in IGOS:
        code = "IGO"
    sector = sector.strip()
    sector = "" if sector == UNKNOWN_SECTOR else sector[:3].upper()
    return code, sector


def parse_actor(actor: str | None) -> tuple[str, str] | None:
    """newsint's actor string (``"RUS MIL"``, ``"NATO"``) as (code, sector)."""
    if not actor or not actor.strip():
        return None
    code, _, sector = actor.strip().partition(" ")
    return normalize_actor(code, sector.split()[0] if sector.split() else "")


def load_records(data_dir: Path, limit: int | None = None) -> list[Record]:
    data = json.loads((data_dir / "plover-gsr.json").read_text(encoding="utf-8"))
    records = []
    for r in data[:limit]:
        records.append(
            Record(
                r["id"], r["text"], r["event"], _actors(r.get("source")), _actors(r.get("target")), r.get("mode") or ""
            )
        )
    return records


def actor_counts(gold: list[tuple[str, str]], predicted: list[tuple[str, str]], *, with_sector: bool) -> Counts:
    def key(actor: tuple[str, str]) -> str:
        return f"{actor[0]} {actor[1]}".strip() if with_sector else actor[0]

    g, p = Counter(key(a) for a in gold), Counter(key(a) for a in predicted)
    tp = sum((g & p).values())
    return Counts(tp, sum(p.values()) - tp, sum(g.values()) - tp)


@dataclass(slots=True)
class Tally:
    records: int = 0
    type_right: int = 0
    predicted_events: int = 0
    mode_gold: int = 0
    mode_right: int = 0
    errors: int = 0
    source_full: Counts = field(default_factory=Counts)
    source_code: Counts = field(default_factory=Counts)
    target_full: Counts = field(default_factory=Counts)
    target_code: Counts = field(default_factory=Counts)


def score_record(record: Record, events: list, tally: Tally) -> None:
    tally.records += 1
    tally.predicted_events += len(events)
    chosen = next((e for e in events if e.type == record.event), events[0] if events else None)
    type_right = chosen is not None and chosen.type == record.event
    tally.type_right += type_right
    if record.mode:
        tally.mode_gold += 1
        tally.mode_right += type_right and (chosen.mode or "") == record.mode
    sources = [a for a in (parse_actor(p.actor) for p in (chosen.actors if chosen else [])) if a]
    targets = [a for a in (parse_actor(p.actor) for p in (chosen.targets if chosen else [])) if a]
    tally.source_full += actor_counts(record.sources, sources, with_sector=True)
    tally.source_code += actor_counts(record.sources, sources, with_sector=False)
    tally.target_full += actor_counts(record.targets, targets, with_sector=True)
    tally.target_code += actor_counts(record.targets, targets, with_sector=False)


def run(data_dir: Path, *, limit: int | None = None, verbose: bool = False) -> Report:
    records = load_records(data_dir, limit)
    tally = Tally()
    details = []
    for record in records:
        analysis = analyze_text(record.text, source=record.id)
        if isinstance(analysis, NewsintError):
            tally.errors += 1
            events: list = []
        else:
            events = analysis.events
        score_record(record, events, tally)
        if verbose:
            got = [(e.type, [p.actor for p in e.actors], [p.actor for p in e.targets]) for e in events]
            details.append(f"{record.id}: gold {record.event} {record.sources} → {record.targets}; newsint {got}")
    return report(tally, details)


def report(tally: Tally, details: list[str]) -> Report:
    accuracy = ratio(tally.type_right, tally.records)
    table = [["figure", "precision", "recall", "F1 / accuracy"]]
    table.append(["event type accuracy", "", "", fmt(accuracy)])
    for label, counts in (
        ("source actor (code + sector)", tally.source_full),
        ("source actor (code)", tally.source_code),
        ("target actor (code + sector)", tally.target_full),
        ("target actor (code)", tally.target_code),
    ):
        table.append([label, fmt(counts.precision), fmt(counts.recall), fmt(counts.f1)])
    table.append(["mode accuracy (records with a gold mode)", "", "", fmt(ratio(tally.mode_right, tally.mode_gold))])
    notes = [
        f"{tally.records} sentences, {tally.predicted_events} newsint events; {tally.errors} sentences failed "
        "in the pipeline (scored as no events). No published figures for this set.",
    ]
    figures = {
        "type_accuracy": accuracy,
        "source_f1": tally.source_full.f1,
        "source_code_f1": tally.source_code.f1,
        "target_f1": tally.target_full.f1,
        "target_code_f1": tally.target_code.f1,
    }
    info = {"errors": float(tally.errors), "predicted_events": float(tally.predicted_events)}
    headline = (
        f"headline: events type accuracy newsint {accuracy:.3f} source F1 {tally.source_full.f1:.3f} "
        f"target F1 {tally.target_full.f1:.3f} (no published anchor)"
    )
    return Report(NAME, table, headline, figures, info, notes, details, items=tally.records)
