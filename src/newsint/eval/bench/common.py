"""Shared pieces of the benchmark runners: counts and scores, the report record, running the
pipeline on plain text, mapping analysed offsets back to the source text, dataset hashing, the
git commit id and the results file.

Nothing here knows about one benchmark; each benchmark module (extraction.py, geo.py, …) uses
these and returns a :class:`Report`.
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import random
import re
import statistics
import subprocess
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

from newsint.errors import InputError, NewsintError
from newsint.model import Analysis

# The repository root when running from a source checkout (src/newsint/eval/bench/common.py).
_SOURCE_ROOT = Path(__file__).resolve().parents[4]

# Figures are pinned and printed with this many decimals.
DECIMALS = 4

WORD = re.compile(r"\w+")
_NON_SPACE = re.compile(r"\S+")


# --------------------------------------------------------------------------------------------
# Counts and scores


@dataclass(slots=True)
class Counts:
    """True positives, false positives, false negatives; micro-averaged when added up."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        return f1(self.precision, self.recall)


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def ratio(numerator: float, denominator: float) -> float:
    return numerator / denominator if denominator else 0.0


def fmt(value: float | None, decimals: int = 3) -> str:
    return "–" if value is None else f"{value:.{decimals}f}"


def word_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Character spans of the ``\\w+`` tokens of ``text[start:end]``, as offsets into ``text``."""
    end = len(text) if end is None else end
    return [(m.start(), m.end()) for m in WORD.finditer(text, start, end)]


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


# --------------------------------------------------------------------------------------------
# The report every runner returns


@dataclass(slots=True)
class Report:
    """What a benchmark run produced.

    ``figures`` are newsint's figures that the floor gate pins (higher is better); ``info`` are
    other figures worth keeping (baselines, error counts, lower-is-better distances). ``table``
    is printed and recorded; its first row is the header. ``headline`` is the runner's last line.
    """

    benchmark: str
    table: list[list[str]]
    headline: str
    figures: dict[str, float] = field(default_factory=dict)
    info: dict[str, float] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    details: list[str] = field(default_factory=list)  # printed with --verbose only
    items: int = 0  # documents / sentences scored


def markdown_table(rows: Sequence[Sequence[str]]) -> str:
    header, *body = rows
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in body]
    return "\n".join(lines)


def plain_table(rows: Sequence[Sequence[str]]) -> str:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "\n".join("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip() for row in rows)


# --------------------------------------------------------------------------------------------
# Where things are


def repo_root() -> Path:
    return _SOURCE_ROOT


def default_data_dir(folder: str, root: Path | None = None) -> Path:
    """``<repo>/../shared/data/<folder>``: the public evaluation data beside the checkout."""
    return (root or repo_root()).parent / "shared" / "data" / folder


def git_commit(root: Path | None = None) -> str:
    """Short commit hash, with ``+dirty`` when the working tree has uncommitted changes."""
    cwd = root or repo_root()
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=cwd, capture_output=True, text=True, check=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"], cwd=cwd, capture_output=True, text=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return f"{commit}+dirty" if dirty else commit


def hash_files(files: Iterable[Path], base: Path) -> str:
    """sha256 over the sorted (relative path, content hash) pairs of a dataset's files.

    A renamed, added, removed or edited file changes it; the order files are listed in does not.
    """
    entries = []
    for path in files:
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        entries.append(f"{path.relative_to(base).as_posix()}\t{digest}\n")
    outer = hashlib.sha256()
    for entry in sorted(entries):
        outer.update(entry.encode("utf-8"))
    return outer.hexdigest()


def append_results(results_path: Path, report: Report, *, command: str, dataset_sha256: str, commit: str) -> None:
    """Append a dated section (date, commit, exact command, dataset hash, table, notes)."""
    now = dt.datetime.now().astimezone()
    lines = [
        "",
        f"## {report.benchmark} — {now:%Y-%m-%d %H:%M %Z} — commit `{commit}`",
        "",
        f"Command: `{command}`  ",
        f"Dataset sha256: `{dataset_sha256[:16]}…` ({report.items} items)",
        "",
        markdown_table(report.table),
        "",
    ]
    lines += [f"- {note}" for note in report.notes]
    lines += ["", f"`{report.headline}`", ""]
    if not results_path.exists():
        results_path.write_text("# Benchmark results\n\nAppended by the runners in this folder.\n", encoding="utf-8")
    with results_path.open("a", encoding="utf-8") as out:
        out.write("\n".join(lines))


# --------------------------------------------------------------------------------------------
# Running the pipeline on a plain-text dataset item


def analyze_text(text: str, *, source: str, reference_date: dt.date | None = None) -> Analysis | NewsintError:
    """The whole pipeline on plain text, as a user's text file would go through it.

    An input error (empty text after cleaning, …) is returned, not raised: the runners count it
    and score the item as empty output. Any other error (a broken install, a missing
    knowledge-base file) is raised: it would silently turn every item into a zero.
    """
    from newsint.pipeline import analyze
    from newsint.readers.raw import RawDocument

    try:
        return analyze(RawDocument(source=source, reader="text", text=text), reference_date=reference_date)
    except InputError as error:
        return error


# --------------------------------------------------------------------------------------------
# Offsets in Document.text back to the text that was fed in


class OffsetMap:
    """Maps character offsets in the analysed ``Document.text`` back to the source text.

    The cleaner reflows lines, normalises spaces, joins hyphenated words and may move the title
    or drop a byline, so offsets shift. Both texts are split into whitespace-separated tokens
    and aligned with difflib on the token sequences (a token diff is fast and robust where a
    character diff is quadratic); equal tokens map character by character, a replaced run of
    tokens maps onto the source run it replaced, and tokens that exist only in the analysed
    text (a title taken from page metadata) map to nothing.
    """

    def __init__(self, source: str, analysed: str) -> None:
        self.source = source
        self.analysed = analysed
        src = [(m.start(), m.end()) for m in _NON_SPACE.finditer(source)]
        doc = [(m.start(), m.end()) for m in _NON_SPACE.finditer(analysed)]
        self._doc_starts = [s for s, _ in doc]
        self._doc = doc
        # For each analysed token: the source span it maps to, and whether it is the same token.
        self._target: list[tuple[int, int] | None] = [None] * len(doc)
        self._exact: list[bool] = [False] * len(doc)
        src_words = [source[s:e] for s, e in src]
        doc_words = [analysed[s:e] for s, e in doc]
        if src_words == doc_words:
            self._target = list(src)
            self._exact = [True] * len(doc)
            return
        matcher = SequenceMatcher(None, doc_words, src_words, autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                for k in range(i2 - i1):
                    self._target[i1 + k] = src[j1 + k]
                    self._exact[i1 + k] = True
            elif tag == "replace":
                if i2 - i1 == j2 - j1:
                    for k in range(i2 - i1):
                        self._target[i1 + k] = src[j1 + k]
                else:  # different token counts: every analysed token maps onto the whole run
                    run = (src[j1][0], src[j2 - 1][1])
                    for k in range(i1, i2):
                        self._target[k] = run

    def _token_at(self, offset: int, *, forward: bool) -> int | None:
        """Index of the token containing ``offset``, else the next (forward) or previous one."""
        i = bisect.bisect_right(self._doc_starts, offset) - 1
        if i >= 0 and self._doc[i][0] <= offset < self._doc[i][1]:
            return i
        i = i + 1 if forward else i
        return i if 0 <= i < len(self._doc) else None

    def span(self, start: int, end: int) -> tuple[int, int] | None:
        """The source span of analysed ``[start, end)``; None when nothing in it maps back."""
        if end <= start:
            return None
        first = self._token_at(start, forward=True)
        last = self._token_at(end - 1, forward=False)
        if first is None or last is None or first > last:
            return None
        # Skip tokens at either edge that map to nothing.
        while first <= last and self._target[first] is None:
            first += 1
        while last >= first and self._target[last] is None:
            last -= 1
        if first > last:
            return None
        begin = self._point(first, start, edge="start")
        finish = self._point(last, end, edge="end")
        return (begin, finish) if finish > begin else None

    def _point(self, index: int, offset: int, *, edge: str) -> int:
        target = self._target[index]
        assert target is not None
        tok_start, tok_end = self._doc[index]
        if self._exact[index] and tok_start <= offset <= tok_end:
            return target[0] + (offset - tok_start)
        return target[0] if edge == "start" else target[1]


# --------------------------------------------------------------------------------------------
# The tuning/checking split of a shared data set (issue #17)

HALVES = ("tuning", "checking")
HALF_BOOTSTRAP_SAMPLES = 1000
HALF_BOOTSTRAP_SEED = 20261208  # fixed so that a rerun prints the same intervals
HALF_CI_Z = 1.96


def half_of(item_id: str) -> str:
    """ "checking" when sha256('check:' + id) is odd, else "tuning": the project's split of any
    data set whose shared part has been read item by item (DEVELOPERS.md)."""
    return "checking" if int(hashlib.sha256(("check:" + item_id).encode()).hexdigest(), 16) % 2 else "tuning"


def bootstrap_interval(items: Sequence[Any], statistic: Callable[[Sequence[Any]], float]) -> float:
    """± half-width of the 95% interval of ``statistic`` over resamples of ``items`` (documents
    or sentences, drawn with replacement): how far a figure on a few items can move by chance."""
    if len(items) < 2:
        return 0.0
    rng = random.Random(HALF_BOOTSTRAP_SEED)
    draws = [
        statistic([items[rng.randrange(len(items))] for _ in range(len(items))]) for _ in range(HALF_BOOTSTRAP_SAMPLES)
    ]
    return HALF_CI_Z * statistics.stdev(draws)
