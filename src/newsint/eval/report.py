"""Scoring and rendering: run the pipeline on a gold file's article, match it, report.

    evaluate(path, settings)  -> FileReport   load the gold file, analyse its article, score
    score(gold, analysis)     -> FileReport   the pure part (tests build Analyses by hand)
    render(reports, format)   -> str          "table" (rich) or "json" (schema newsint.eval/1)
    write_report(path, reports)               the JSON report, written whole or not at all
    falls_short(reports)      -> bool         what `newsint eval --strict` exits 1 on

Per section the report gives the gold items (or checks), how many were found, recall, and —
only where the gold file lists the section under ``complete:`` — the output items counted,
precision and F1. Then every gold item missed and every forbidden item produced, each with the
sentence of the article it was expected in (or "not found in text"), and, for complete
sections, the output items that matched no gold item.

Scores are never the exit status: `newsint eval` exits 0 unless a gold file is unreadable or
invalid (or its article cannot be analysed), with ``--strict`` it also exits 1 when
``falls_short``. For check sections (entities_not, actor_mentions, events_hypothetical, and the
document's fields) "recall" is the share of checks passed.
"""

from __future__ import annotations

import io
import json
import os
import tempfile
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, get_args

from rich.console import Console
from rich.table import Table

from newsint.errors import NewsintError
from newsint.eval.gold import Gold, GoldError, load_gold
from newsint.eval.match import NOT_FOUND, Finding, SectionResult, match_analysis
from newsint.export.safe_text import json_safe, rich_text
from newsint.model import Analysis
from newsint.settings import Settings
from newsint.source_name import source_name

__all__ = [
    "REPORT_FORMATS",
    "REPORT_SCHEMA",
    "FileReport",
    "ReportFormat",
    "analyze_article",
    "evaluate",
    "falls_short",
    "render",
    "render_json",
    "render_table",
    "score",
    "to_dict",
    "write_report",
]

REPORT_SCHEMA = "newsint.eval/1"
# shared/gold/split.json: the fixed tuning/checking halves of the complete gold files.
SPLIT_FILE = "split.json"
SPLIT_GROUPS: tuple[str, ...] = ("tuning", "checking")
ReportFormat = Literal["table", "json"]
REPORT_FORMATS: tuple[str, ...] = get_args(ReportFormat)

# Same width as `newsint analyze`'s brief: wide enough for the table, narrow enough to read.
TABLE_WIDTH = 110
# Scores in the JSON report: enough digits to tell 199/200 from 1.0.
SCORE_DIGITS = 4


@dataclass(slots=True)
class FileReport:
    gold: str  # the gold file, as the user named it
    article: str
    reference_date: str | None
    complete: list[str]
    sections: list[SectionResult]
    unscored: list[str]  # sections the file has that nothing scores (scenarios)
    group: str | None = None  # "tuning" or "checking", from the split.json beside the gold file

    def missed(self) -> list[Finding]:
        return [f for s in self.sections for f in s.findings if not f.ok and not f.forbidden]

    def forbidden(self) -> list[Finding]:
        return [f for s in self.sections for f in s.findings if not f.ok and f.forbidden]

    def unexpected(self) -> list[Finding]:
        return [f for s in self.sections for f in s.unexpected]

    def nonfactual_asserted(self) -> list[Finding]:
        return [f for s in self.sections for f in s.nonfactual_asserted]


def analyze_article(gold: Gold, settings: Settings) -> Analysis:
    """Run the pipeline on the gold file's article, with its reference date."""
    from newsint.pipeline import analyze
    from newsint.readers import read_bytes, read_path

    items = read_path(gold.article, settings) if gold.record is None else read_bytes(
        _jsonl_record(gold), source=f"{source_name(gold.article)}#{gold.record}", settings=settings, suffix=".jsonl")
    documents = []
    for item in items:
        if isinstance(item, NewsintError):
            raise item
        documents.append(item)
    if len(documents) != 1:
        raise GoldError(f"article {gold.article} holds {len(documents)} documents; a gold file describes one",
                        path=source_name(gold.path))  # fmt: skip
    return analyze(documents[0], reference_date=gold.reference_date)


def _jsonl_record(gold: Gold) -> bytes:
    """The line of the gold file's JSON Lines article whose ``id`` is the record named after ``#``."""
    for line in gold.article.read_bytes().splitlines():
        try:
            record = json.loads(line)
        except ValueError:
            continue
        if isinstance(record, dict) and str(record.get("id")) == gold.record:
            return line
    raise GoldError(f"article {gold.article} has no record with id {gold.record!r}", path=source_name(gold.path))


def score(gold: Gold, analysis: Analysis) -> FileReport:
    return FileReport(
        gold=source_name(gold.path),
        article=source_name(gold.article),
        reference_date=gold.reference_date.isoformat() if gold.reference_date else None,
        complete=list(gold.complete),
        sections=match_analysis(analysis, gold.sections, gold.complete),
        unscored=gold.unscored,
    )


def evaluate(path: Path, settings: Settings | None = None, split: Path | None = None) -> FileReport:
    """Load one gold file, analyse its article and score the Analysis. Raises NewsintError.

    ``split``: a split.json (``{"tuning": [names], "checking": [names]}``); by default the one
    beside the gold file, if any. The file's group is the list that names its stem."""
    gold = load_gold(path)
    report = score(gold, analyze_article(gold, settings or Settings.from_env()))
    report.group = split_group(path, split)
    return report


def split_group(path: Path, split: Path | None = None) -> str | None:
    """The half of the split (tuning or checking) that names this gold file; None: neither."""
    split = split or path.parent / SPLIT_FILE
    if not split.is_file():
        return None
    try:
        data = json.loads(split.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise GoldError("not a JSON split file (tuning/checking lists of gold file names)",
                        path=source_name(split)) from None  # fmt: skip
    if not isinstance(data, dict):
        raise GoldError("a split file is a mapping of group names to lists", path=source_name(split))
    for group in SPLIT_GROUPS:
        names = data.get(group) or []
        if isinstance(names, list) and path.stem in names:
            return group
    return None


def falls_short(reports: list[FileReport]) -> bool:
    """True when a section scores below 1.0: recall, or precision where the file is complete."""
    for report in reports:
        for section in report.sections:
            if any(value is not None and value < 1.0 for value in (section.recall, section.precision)):
                return True
    return False


# --------------------------------------------------------------------------------------------
# JSON


def to_dict(reports: list[FileReport]) -> dict[str, Any]:
    return {
        "schema": REPORT_SCHEMA,
        "files": [_file_dict(r) for r in reports],
        "total": _total(reports),
        "groups": {g: _total([r for r in reports if r.group == g]) for g in SPLIT_GROUPS
                   if any(r.group == g for r in reports)},  # fmt: skip
        "passed": not falls_short(reports),
    }


def _file_dict(report: FileReport) -> dict[str, Any]:
    return {
        "gold": report.gold,
        "article": report.article,
        "reference_date": report.reference_date,
        "complete": report.complete,
        "sections": {s.section: _section_dict(s) for s in report.sections},
        "missed": [_finding_dict(f) for f in report.missed()],
        "forbidden": [_finding_dict(f) for f in report.forbidden()],
        "unexpected": [_finding_dict(f) for f in report.unexpected()],
        "nonfactual_asserted": [_finding_dict(f) for f in report.nonfactual_asserted()],
        "unscored": report.unscored,
        "group": report.group,
    }


def _section_dict(section: SectionResult) -> dict[str, Any]:
    return {
        "gold": len(section.findings),
        "found": section.passed,
        "recall": _round(section.recall),
        "complete": section.complete,
        "output": section.output_total,
        "unexpected": len(section.unexpected) if section.complete else None,
        "precision": _round(section.precision),
        "f1": _round(section.f1),
        "optional_matched": section.optional_matched if section.complete else None,
        "nonfactual_asserted": len(section.nonfactual_asserted) if section.complete else None,
    }


def _finding_dict(finding: Finding) -> dict[str, Any]:
    return {
        "section": finding.section,
        "item": finding.item,
        "detail": finding.detail,
        "sentence": finding.sentence,  # null: not found in the text (or a check without text)
    }


def _total(reports: list[FileReport]) -> dict[str, Any]:
    """Counts summed over the files, per section (micro-averaged scores)."""
    totals: dict[str, dict[str, Any]] = {}
    for report in reports:
        for section in report.sections:
            row = totals.setdefault(section.section, {"gold": 0, "found": 0, "output": None, "unexpected": None,
                                                      "nonfactual_asserted": None})  # fmt: skip
            row["gold"] += len(section.findings)
            row["found"] += section.passed
            if section.complete:
                row["output"] = (row["output"] or 0) + (section.output_total or 0)
                row["unexpected"] = (row["unexpected"] or 0) + len(section.unexpected)
                row["nonfactual_asserted"] = (row["nonfactual_asserted"] or 0) + len(section.nonfactual_asserted)
    for row in totals.values():
        row["recall"] = _round(row["found"] / row["gold"]) if row["gold"] else None
        row["precision"] = _round((row["output"] - row["unexpected"]) / row["output"]) if row["output"] else None
    return totals


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, SCORE_DIGITS)


def render_json(reports: list[FileReport]) -> str:
    # json_safe: the findings quote article text, whose C1 and bidi controls json.dumps writes raw.
    return json_safe(json.dumps(to_dict(reports), ensure_ascii=False, indent=2)) + "\n"


def write_report(path: Path, reports: list[FileReport]) -> None:
    """The JSON report, whole or nothing: a temp file beside ``path``, then a rename."""
    text = render_json(reports)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


# --------------------------------------------------------------------------------------------
# Table


def render(reports: list[FileReport], output_format: str = "table", *, color: bool = False,
           summary: bool = False) -> str:  # fmt: skip
    if output_format == "json":
        return render_json(reports)
    return render_table(reports, color=color, summary=summary)


def render_table(reports: list[FileReport], *, color: bool = False, summary: bool = False) -> str:
    """Per file, then totals (over all files and per half of the split) when there are several;
    ``summary``: the totals only (the checking half is read as totals, never item by item)."""
    buffer = io.StringIO()
    console = Console(file=buffer, width=TABLE_WIDTH, force_terminal=color, color_system="auto" if color else None,
                      highlight=False, soft_wrap=False)  # fmt: skip
    if not summary:
        for index, report in enumerate(reports):
            if index:
                console.print()
            _print_file(console, report)
    if summary or len(reports) > 1:
        groups = [("all files", reports)] + [(f"{g} half", [r for r in reports if r.group == g])
                                             for g in SPLIT_GROUPS]  # fmt: skip
        for index, (name, members) in enumerate(g for g in groups if g[1]):
            if index or not summary:
                console.print()
            _print_totals(console, f"Totals: {name} ({len(members)} files)", _total(members))
    return buffer.getvalue()


def _print_totals(console: Console, title: str, totals: dict[str, dict[str, Any]]) -> None:
    console.print(rich_text(title, style="bold"))
    table = Table(show_edge=False)
    for name in ("section", "gold", "found", "recall", "output", "wrong", "precision", "non-factual as fact"):
        table.add_column(name, justify="left" if name == "section" else "right")  # type: ignore[arg-type]
    for section, row in totals.items():
        def cell(key: str) -> str:
            return "–" if row.get(key) is None else str(row[key])

        table.add_row(section, cell("gold"), cell("found"), _score_cell(row["recall"]), cell("output"),
                      cell("unexpected"), _score_cell(row["precision"]), cell("nonfactual_asserted"))  # fmt: skip
    console.print(table)


def _print_file(console: Console, report: FileReport) -> None:
    title = f"{report.gold} — {report.article}"
    if report.reference_date:
        title += f" (reference date {report.reference_date})"
    console.print(rich_text(title, style="bold"))
    table = Table(show_edge=False)
    for name, justify in (("section", "left"), ("gold", "right"), ("found", "right"), ("recall", "right"),
                          ("output", "right"), ("precision", "right"), ("F1", "right")):  # fmt: skip
        table.add_column(name, justify=justify)  # type: ignore[arg-type]
    for s in report.sections:
        recall = _score_cell(s.recall)
        output = str(s.output_total) if s.complete else "–"
        table.add_row(s.section + (" (complete)" if s.complete else ""), str(len(s.findings)), str(s.passed),
                      recall, output, _score_cell(s.precision), _score_cell(s.f1))  # fmt: skip
    console.print(table)
    _print_list(console, "Missed", report.missed())
    _print_list(console, "Forbidden items produced", report.forbidden())
    if any(s.complete for s in report.sections):
        _print_list(console, "Output items matching no gold item", report.unexpected())
    if any(s.complete and s.section == "events" for s in report.sections):
        _print_list(console, "Events asserted or reported where the gold event is non-factual",
                    report.nonfactual_asserted())  # fmt: skip
    if report.unscored:
        console.print(f"\nNot scored: {', '.join(report.unscored)}")


def _score_cell(value: float | None) -> str:
    if value is None:
        return "–"
    text = f"{value:.2f}"
    return f"[green]{text}[/green]" if value >= 1.0 else f"[red]{text}[/red]" if value == 0 else text


def _print_list(console: Console, heading: str, findings: list[Finding]) -> None:
    console.print(f"\n[bold]{heading}[/bold] ({len(findings)})")
    for finding in findings:
        line = f"[{finding.section}] {finding.item}"
        if finding.detail:
            line += f" — {finding.detail}"
        _print_wrapped(console, line, indent=2)
        if finding.anchored:
            _print_wrapped(console, f"in: {finding.sentence or NOT_FOUND}", indent=6, style="dim")


def _print_wrapped(console: Console, text: str, *, indent: int, style: str | None = None) -> None:
    """Wrapped with a hanging indent, no trailing spaces (rich's own wrap pads lines to the width)."""
    lines = textwrap.wrap(text, width=TABLE_WIDTH, initial_indent=" " * indent, subsequent_indent=" " * (indent + 2),
                          break_long_words=False, break_on_hyphens=False)  # fmt: skip
    for line in lines:
        # rich_text: article text and gold items are shown as text, never markup, emoji codes or controls.
        console.print(rich_text(line, style=style or ""), highlight=False, soft_wrap=True)
