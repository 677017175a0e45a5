"""Articles kept as PDF (issue #21): the body of printed pages, and the document fields of PDF
exports pasted as text.

Two data sets under ``shared/data``:

- ``pdfprint/<id>.pdf``: pages of the extraction benchmark printed by a browser; the gold body is
  ``extraction/ground-truth.json``, scored with the extraction benchmark's shingle metric
  (:mod:`newsint.eval.bench.extraction`). newsint's PDF path (reader, then cleaner) is scored
  beside raw pypdf text of the same files, no cleaning, in the same run.
- ``pdfexport/<id>.txt`` + ``<id>.gold.json``: text renderings with gold document fields in the
  ``newsint eval`` format; the figure is the share of document findings that pass (each title,
  caption, link, related article, body start/end/paragraph count and forbidden text is one).

Each set is split in two before anything is looked at: an item is in the *checking* half when
``sha256('check:' + id)`` is odd (id = the file name's stem), else in the *tuning* half. Rules
are written from the tuning half's errors only; the checking half is reported as totals, never
item by item (``--verbose`` prints per-item details of the tuning half only).

Only the cleaner's Document is scored, so the pipeline stops after cleaning:
``pipeline.analyze`` cleans first and its extract stages never change the document.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from newsint.errors import InputError, NewsintError
from newsint.eval.bench.common import Report, fmt, ratio
from newsint.eval.bench.extraction import (
    TpFpFn,
    _page_f1,
    missing_paragraphs,
    page_precision,
    page_recall,
    shingle_counts,
    with_intervals,
)

NAME = "pdf"
DATA_FOLDER = "."  # both sets live directly under shared/data
SAMPLE_LIMIT = 6

PRINT_FOLDER = "pdfprint"
EXPORT_FOLDER = "pdfexport"
TRUTH_FILE = Path("extraction") / "ground-truth.json"
HALVES = ("tuning", "checking")

# The targets, on the checking half.
BODY_F1_TARGET = 0.90
BODY_PRECISION_TARGET = 0.90
FIELD_ACCURACY_TARGET = 0.95


def half_of(item_id: str) -> str:
    """ "checking" when sha256('check:' + id) is odd, else "tuning" (the issue's split)."""
    return "checking" if int(hashlib.sha256(("check:" + item_id).encode()).hexdigest(), 16) % 2 else "tuning"


# --------------------------------------------------------------------------------------------
# The data


@dataclass(slots=True)
class PrintedPage:
    id: str
    path: Path
    truth: str


@dataclass(slots=True)
class Rendering:
    id: str
    gold_path: Path


def printed_pages(data_dir: Path, limit: int | None = None) -> list[PrintedPage]:
    truth = json.loads((data_dir / TRUTH_FILE).read_text(encoding="utf-8"))
    paths = sorted((data_dir / PRINT_FOLDER).glob("*.pdf"))[:limit]
    return [PrintedPage(p.stem, p, truth[p.stem].get("articleBody") or "") for p in paths if p.stem in truth]


def renderings(data_dir: Path, limit: int | None = None) -> list[Rendering]:
    golds = sorted((data_dir / EXPORT_FOLDER).glob("*.gold.json"))[:limit]
    return [Rendering(p.name.removesuffix(".gold.json"), p) for p in golds]


def dataset_files(data_dir: Path) -> list[Path]:
    return [
        data_dir / TRUTH_FILE,
        *sorted((data_dir / PRINT_FOLDER).glob("*.pdf")),
        *sorted((data_dir / EXPORT_FOLDER).glob("*.txt")),
        *sorted((data_dir / EXPORT_FOLDER).glob("*.gold.json")),
    ]


# --------------------------------------------------------------------------------------------
# The systems on printed pages


def newsint_body(path: Path) -> tuple[str, str | None]:
    """(body, error): newsint's PDF reader and cleaner on one file; an input error is empty."""
    from newsint.clean import clean
    from newsint.readers import read_bytes
    from newsint.settings import Settings

    try:
        for item in read_bytes(path.read_bytes(), source=path.name, settings=Settings(), suffix=".pdf"):
            if isinstance(item, NewsintError):
                raise item
            return clean(item).body, None
    except InputError as error:  # anything else (a broken install) stops the run
        return "", str(error)
    return "", "no document"


def raw_pypdf_text(path: Path) -> str:
    """pypdf's plain text of every page, joined: no cleaning at all."""
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)


BASELINES: dict[str, Callable[[Path], str]] = {"raw pypdf text": raw_pypdf_text}


# --------------------------------------------------------------------------------------------
# The text renderings


@dataclass(slots=True)
class RenderingResult:
    rendering: Rendering
    passed: int = 0
    total: int = 0
    failed: list[str] = field(default_factory=list)  # the failed findings, in words
    error: str | None = None


def score_rendering(rendering: Rendering) -> RenderingResult:
    from newsint.clean import clean
    from newsint.eval.gold import load_gold
    from newsint.eval.match import match_analysis
    from newsint.model import Analysis
    from newsint.readers import read_path
    from newsint.settings import Settings

    gold = load_gold(rendering.gold_path)
    result = RenderingResult(rendering)
    document_gold = gold.sections.get("document", {})
    try:
        items = list(read_path(gold.article, Settings()))
        raw = next(item for item in items if not isinstance(item, NewsintError))
        sections = match_analysis(Analysis(document=clean(raw)), {"document": document_gold}, gold.complete)
    except (InputError, StopIteration) as error:
        result.error = str(error) or "no document"
        result.total = _field_count(document_gold)
        return result
    for section in sections:
        for finding in section.findings:
            result.total += 1
            result.passed += finding.ok
            if not finding.ok:
                result.failed.append(f"{finding.item}: {finding.detail}")
    return result


def _field_count(document_gold: dict) -> int:
    """Findings a document section yields: what an unreadable item scores zero out of."""
    count = sum(1 for key in ("title", "original_publisher", "body_starts_with", "body_ends_with",
                              "body_paragraphs") if key in document_gold)  # fmt: skip
    count += sum(len(document_gold.get(key, [])) for key in ("captions", "links", "related_articles"))
    return count + sum(len(document_gold.get(key, [])) for key in ("body_must_contain", "body_must_not_contain"))


# --------------------------------------------------------------------------------------------
# The run


@dataclass(slots=True)
class PageResult:
    page: PrintedPage
    newsint: str
    error: str | None
    baselines: dict[str, str] = field(default_factory=dict)


def run(data_dir: Path, *, limit: int | None = None, verbose: bool = False, baselines: bool = True) -> Report:
    pages = []
    for page in printed_pages(data_dir, limit):
        body, error = newsint_body(page.path)
        result = PageResult(page, body, error)
        if baselines:
            result.baselines = {name: extract(page.path) for name, extract in BASELINES.items()}
        pages.append(result)
    rendered = [score_rendering(r) for r in renderings(data_dir, limit)]
    return report(pages, rendered, verbose=verbose)


def report(pages: list[PageResult], rendered: list[RenderingResult], *, verbose: bool = False) -> Report:
    table = [["data", "half", "system", "items", "precision", "recall", "F1 (field accuracy)", "F1 ±95%"]]
    figures: dict[str, float] = {}
    info: dict[str, float] = {}
    notes: list[str] = []
    system_names = ["newsint", *(pages[0].baselines if pages else [])]
    counts: dict[str, list[TpFpFn]] = {}
    for half in HALVES:
        chosen = [r for r in pages if half_of(r.page.id) == half]
        for system in system_names:
            texts = [r.newsint if system == "newsint" else r.baselines[system] for r in chosen]
            pairs = [shingle_counts(r.page.truth, text) for r, text in zip(chosen, texts, strict=True)]
            counts[f"{half}/{system}"] = pairs
            s = with_intervals(pairs)
            table.append(["printed pages", half, system, str(len(chosen)), fmt(s.precision), fmt(s.recall),
                          fmt(s.f1), f"±{s.f1_ci:.3f}"])  # fmt: skip
            key = system.replace(" ", "_")
            target = figures if system == "newsint" else info
            target[f"{half}_{key}_body_f1"] = s.f1
            info[f"{half}_{key}_body_precision"] = s.precision
            info[f"{half}_{key}_body_recall"] = s.recall
    for half in HALVES:
        chosen_r = [r for r in rendered if half_of(r.rendering.id) == half]
        passed, total = sum(r.passed for r in chosen_r), sum(r.total for r in chosen_r)
        accuracy = ratio(passed, total)
        table.append(["text renderings", half, "newsint", str(len(chosen_r)), "", "",
                      f"{fmt(accuracy)} ({passed}/{total})", ""])  # fmt: skip
        figures[f"{half}_rendering_field_accuracy"] = accuracy
    failures = [r for r in pages if r.error]
    notes.append(
        f"{len(pages)} printed pages, newsint failed on {len(failures)} (scored as empty output); "
        f"{len(rendered)} text renderings. Halves: checking when sha256('check:' + id) is odd."
    )
    notes.append(
        f"Targets (checking half): body F1 ≥ {BODY_F1_TARGET} with precision ≥ {BODY_PRECISION_TARGET}; "
        f"field accuracy ≥ {FIELD_ACCURACY_TARGET}."
    )
    check_f1 = figures.get("checking_newsint_body_f1", 0.0)
    check_fields = figures.get("checking_rendering_field_accuracy", 0.0)
    headline = f"headline: pdf checking body F1 newsint {check_f1:.3f}"
    if "checking/raw pypdf text" in counts:
        headline += f" raw pypdf {info['checking_raw_pypdf_text_body_f1']:.3f}"
    headline += f"; rendering fields {check_fields:.3f}"
    details = _details(pages, rendered) if verbose else []
    return Report(NAME, table, headline, figures, info, notes, details, items=len(pages) + len(rendered))


def _details(pages: list[PageResult], rendered: list[RenderingResult]) -> list[str]:
    """Per-item diffs of the tuning half only: the checking half is read as totals."""
    lines = ["Tuning half, printed pages (worst first):"]
    tuning = [r for r in pages if half_of(r.page.id) == "tuning"]
    scored = sorted(((shingle_counts(r.page.truth, r.newsint), r) for r in tuning), key=lambda x: _page_f1(x[0]))
    for c, r in scored:
        lines.append(f"{r.page.id[:12]}  P {page_precision(*c):.3f} R {page_recall(*c):.3f} F1 {_page_f1(c):.3f}")
        if r.error:
            lines.append(f"    ERROR {r.error}")
        lines += [f"    - missing: {_clip(t)}" for t in missing_paragraphs(r.page.truth, r.newsint)]
        lines += [f"    + extra:   {_clip(t)}" for t in missing_paragraphs(r.newsint, r.page.truth)]
    lines.append("Tuning half, text renderings:")
    for r in rendered:
        if half_of(r.rendering.id) != "tuning":
            continue
        lines.append(f"{r.rendering.id}  {r.passed}/{r.total}" + (f"  ERROR {r.error}" if r.error else ""))
        lines += [f"    ✗ {_clip(f, 150)}" for f in r.failed]
    return lines


def _clip(text: str, width: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
