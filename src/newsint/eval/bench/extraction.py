"""Article body extraction, scored as scrapinghub/article-extraction-benchmark's evaluate.py does.

The metric (re-implemented here from its description, not copied):

- tokens are the ``\\w+`` runs of a text, case kept;
- a text's shingles are its word 4-grams as a multiset (a text of 1–3 tokens is one shingle of
  all of them; an empty text has none);
- per page, TP/FP/FN are multiset intersections/excesses of predicted vs true shingles, then
  normalised by their sum so long pages weigh no more than short ones;
- precision is the mean over pages with TP+FP > 0 (an empty prediction does not count against
  precision, only recall), recall the mean over pages with TP+FN > 0; a page with FP = FN = 0
  scores 1; F1 is the harmonic mean of the two means (not a mean of per-page F1s);
- confidence intervals: ±1.96 standard deviations over bootstrap resamples of the pages.

newsint is scored on its HTML path (readers → pipeline.analyze), side by side with bare
``trafilatura.extract`` in the same run. A page newsint fails on counts as empty output.
"""

from __future__ import annotations

import gzip
import json
import random
import statistics
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from newsint.errors import InputError, NewsintError
from newsint.eval.bench.common import WORD, Report, fmt, ratio
from newsint.settings import Settings

NAME = "extraction"
DATA_FOLDER = "extraction"
SAMPLE_LIMIT = 5

SHINGLE_SIZE = 4  # the benchmark's ngram_n
BOOTSTRAP_SAMPLES = 1000  # the benchmark's --n-bootstrap default
BOOTSTRAP_SEED = 20191127  # fixed so that a rerun prints the same intervals
CI_Z = 1.96
# In --verbose, a paragraph is reported missing/extra when less than this share of its
# shingles is found on the other side.
DIFF_PARAGRAPH_THRESHOLD = 0.5

# Published on the full 181-page set (repo README, trafilatura 2.0.0); this folder is a 102-page
# public half, so the same-run trafilatura figure is the fair comparison.
ANCHORS = {
    "trafilatura 2.0.0": 0.958,
    "newspaper4k": 0.949,
    "readability-lxml": 0.922,
    "goose3": 0.896,
    "justext": 0.804,
}

TpFpFn = tuple[float, float, float]


# --------------------------------------------------------------------------------------------
# The metric


def tokenize(text: str | None) -> list[str]:
    return WORD.findall(text or "")


def shingles(text: str | None, n: int = SHINGLE_SIZE) -> Counter[tuple[str, ...]]:
    tokens = tokenize(text)
    if not tokens:
        return Counter()
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)))


def shingle_counts(true: str | None, pred: str | None, n: int = SHINGLE_SIZE) -> TpFpFn:
    """Normalised (TP, FP, FN) of one page: they sum to 1 unless both texts are empty."""
    true_sh, pred_sh = shingles(true, n), shingles(pred, n)
    tp = sum((true_sh & pred_sh).values())
    fp = sum((pred_sh - true_sh).values())
    fn = sum((true_sh - pred_sh).values())
    total = tp + fp + fn
    if total == 0:
        return (0.0, 0.0, 0.0)
    return (tp / total, fp / total, fn / total)


def page_precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return tp / (tp + fp) if tp + fp else 0.0


def page_recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return tp / (tp + fn) if tp + fn else 0.0


@dataclass(slots=True)
class Scores:
    precision: float
    recall: float
    f1: float
    precision_ci: float = 0.0
    recall_ci: float = 0.0
    f1_ci: float = 0.0


def scores(pages: Sequence[TpFpFn]) -> Scores:
    precisions = [page_precision(*p) for p in pages if p[0] + p[1] > 0]
    recalls = [page_recall(*p) for p in pages if p[0] + p[2] > 0]
    precision = statistics.mean(precisions) if precisions else 0.0
    recall = statistics.mean(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Scores(precision, recall, f1)


def _resamples(n: int, samples: int, seed: int) -> list[list[int]]:
    rng = random.Random(seed)
    return [[rng.randrange(n) for _ in range(n)] for _ in range(samples)]


def with_intervals(pages: Sequence[TpFpFn], samples: int = BOOTSTRAP_SAMPLES, seed: int = BOOTSTRAP_SEED) -> Scores:
    result = scores(pages)
    if len(pages) < 2 or samples < 2:
        return result
    draws = [scores([pages[i] for i in idx]) for idx in _resamples(len(pages), samples, seed)]
    result.precision_ci = CI_Z * statistics.stdev(d.precision for d in draws)
    result.recall_ci = CI_Z * statistics.stdev(d.recall for d in draws)
    result.f1_ci = CI_Z * statistics.stdev(d.f1 for d in draws)
    return result


def f1_difference(
    a: Sequence[TpFpFn], b: Sequence[TpFpFn], samples: int = BOOTSTRAP_SAMPLES, seed: int = BOOTSTRAP_SEED
) -> tuple[float, float]:
    """Mean and ±CI of F1(a) − F1(b) over paired bootstrap resamples (the benchmark's
    ``--bootstrap-differences``): an interval that contains 0 means no measurable difference."""
    if len(a) < 2:
        return scores(a).f1 - scores(b).f1, 0.0
    diffs = [
        scores([a[i] for i in idx]).f1 - scores([b[i] for i in idx]).f1 for idx in _resamples(len(a), samples, seed)
    ]
    return statistics.mean(diffs), CI_Z * statistics.stdev(diffs)


# --------------------------------------------------------------------------------------------
# The dataset and the extractors


@dataclass(slots=True)
class Page:
    id: str
    url: str
    html: bytes  # gzip-compressed, as stored
    truth: str


def dataset_files(data_dir: Path) -> list[Path]:
    return [data_dir / "ground-truth.json", *sorted((data_dir / "html").glob("*.html.gz"))]


def load_pages(data_dir: Path, limit: int | None = None) -> list[Page]:
    truth = json.loads((data_dir / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for key in sorted(truth)[:limit]:
        path = data_dir / "html" / f"{key}.html.gz"
        pages.append(Page(key, truth[key].get("url", ""), path.read_bytes(), truth[key].get("articleBody") or ""))
    return pages


@dataclass(slots=True)
class NewsintOutput:
    """The texts newsint gives for one page, under each reading of "the article body"."""

    body: str = ""  # Document.body: body paragraphs only (the contract's body)
    standfirst_body: str = ""  # standfirst + body paragraphs, in order
    analysed: str = ""  # Document.text: title, captions, standfirst, body
    reader: str = ""  # the HTML reader's text before cleaning (diagnostic)
    error: str | None = None


# Which text of NewsintOutput each reported variant scores; "body" is the headline.
NEWSINT_VARIANTS = {
    "body": "newsint body (headline)",
    "standfirst_body": "newsint standfirst+body",
    "analysed": "newsint all analysed text",
    "reader": "newsint reader, before cleaning",
}


def newsint_output(page: Page, settings: Settings | None = None) -> NewsintOutput:
    from newsint.pipeline import analyze
    from newsint.readers import read_bytes

    settings = settings or Settings()
    out = NewsintOutput()
    try:
        for item in read_bytes(page.html, source=f"{page.id}.html.gz", settings=settings, suffix=".gz"):
            if isinstance(item, NewsintError):
                raise item
            out.reader = item.text
            document = analyze(item).document
            out.body = document.body
            out.standfirst_body = "\n\n".join(
                document.paragraph_text(p) for p in document.paragraphs if p.kind in ("standfirst", "body")
            )
            out.analysed = document.text
            break
    except InputError as error:  # anything else (a broken install) stops the run
        out.error = str(error)
    return out


def trafilatura_default(page: Page) -> str:
    """Bare ``trafilatura.extract`` with default options, on the page decoded as the benchmark
    decodes it (utf-8 text)."""
    import trafilatura

    return trafilatura.extract(gzip.decompress(page.html).decode("utf-8")) or ""


def trafilatura_benchmark(page: Page) -> str:
    """As the benchmark's extractors/run_trafilatura.py calls it: ``include_comments=False``."""
    import trafilatura

    return trafilatura.extract(gzip.decompress(page.html).decode("utf-8"), include_comments=False) or ""


BASELINES: dict[str, Callable[[Page], str]] = {
    "trafilatura default": trafilatura_default,
    "trafilatura include_comments=False": trafilatura_benchmark,
}
HEADLINE_BASELINE = "trafilatura default"


# --------------------------------------------------------------------------------------------
# The run


@dataclass(slots=True)
class PageResult:
    page: Page
    newsint: NewsintOutput
    baselines: dict[str, str] = field(default_factory=dict)


def run(data_dir: Path, *, limit: int | None = None, verbose: bool = False, baselines: bool = True) -> Report:
    pages = load_pages(data_dir, limit)
    settings = Settings()
    results = []
    for page in pages:
        result = PageResult(page, newsint_output(page, settings))
        if baselines:
            result.baselines = {name: extract(page) for name, extract in BASELINES.items()}
        results.append(result)
    return report(results, verbose=verbose)


def report(results: list[PageResult], *, verbose: bool = False) -> Report:
    truths = [r.page.truth for r in results]
    systems: dict[str, list[str]] = {
        label: [getattr(r.newsint, variant) for r in results] for variant, label in NEWSINT_VARIANTS.items()
    }
    baseline_names = list(results[0].baselines) if results else []
    for name in baseline_names:
        systems[name] = [r.baselines[name] for r in results]
    counts = {
        name: [shingle_counts(t, p) for t, p in zip(truths, texts, strict=True)] for name, texts in systems.items()
    }
    scored = {name: with_intervals(pages) for name, pages in counts.items()}
    failures = [r for r in results if r.newsint.error]
    empty = {name: sum(1 for text in texts if not text.strip()) for name, texts in systems.items()}

    table = [["system", "precision", "recall", "F1", "F1 ±95%", "empty or failed pages"]]
    for name, s in scored.items():
        table.append([name, fmt(s.precision), fmt(s.recall), fmt(s.f1), f"±{s.f1_ci:.3f}", str(empty[name])])
    for name, value in ANCHORS.items():
        table.append([f"{name} (published, full 181-page set)", "", "", fmt(value), "", ""])

    headline_name = NEWSINT_VARIANTS["body"]
    ours = scored[headline_name]
    notes = [
        f"{len(results)} pages; newsint failed on {len(failures)} (scored as empty output).",
        "Metric: the benchmark's shingle (word 4-gram) precision/recall, per-page normalised, "
        "macro-averaged; F1 of the means.",
    ]
    info = {"newsint_errors": float(len(failures))}
    headline = f"headline: extraction F1 newsint {ours.f1:.3f}"
    if HEADLINE_BASELINE in scored:
        theirs = scored[HEADLINE_BASELINE]
        diff, diff_ci = f1_difference(counts[headline_name], counts[HEADLINE_BASELINE])
        notes.append(
            f"F1 newsint − trafilatura default: {diff:+.3f} ± {diff_ci:.3f} (paired bootstrap; "
            f"{'no measurable difference' if abs(diff) <= diff_ci else 'a real difference'})."
        )
        wins, losses = _wins_losses(counts[headline_name], counts[HEADLINE_BASELINE])
        notes.append(f"Per page vs trafilatura default: newsint better on {wins}, worse on {losses}.")
        headline += f" trafilatura {theirs.f1:.3f}"
        for name in baseline_names:
            key = name.replace(" ", "_").replace("=", "_").lower()
            info[f"{key}_f1"] = round(scored[name].f1, 6)
    for error in failures:
        notes.append(f"newsint failed: {error.newsint.error}")

    # F1s are gated; precision and recall are kept as information (a change may trade one for
    # the other and still be an improvement).
    figures = {f"newsint_{v}_f1": scored[NEWSINT_VARIANTS[v]].f1 for v in ("body", "standfirst_body", "analysed")}
    info["newsint_body_precision"] = ours.precision
    info["newsint_body_recall"] = ours.recall

    details = page_details(results, counts, headline_name) if verbose else []
    return Report(NAME, table, headline, figures, info, notes, details, items=len(results))


def _wins_losses(a: Sequence[TpFpFn], b: Sequence[TpFpFn]) -> tuple[int, int]:
    wins = losses = 0
    for x, y in zip(a, b, strict=True):
        fx, fy = _page_f1(x), _page_f1(y)
        wins += fx > fy + 1e-9
        losses += fx < fy - 1e-9
    return wins, losses


def _page_f1(counts: TpFpFn) -> float:
    p, r = page_precision(*counts), page_recall(*counts)
    return 2 * p * r / (p + r) if p + r else 0.0


# --------------------------------------------------------------------------------------------
# Per-page diffs (--verbose)


def page_details(results: list[PageResult], counts: dict[str, list[TpFpFn]], system: str) -> list[str]:
    lines: list[str] = []
    base = counts.get(HEADLINE_BASELINE)
    order = sorted(
        range(len(results)),
        key=lambda i: _page_f1(counts[system][i]) - (_page_f1(base[i]) if base else 1.0),
    )
    for i in order:
        r = results[i]
        ours = counts[system][i]
        line = (
            f"{r.page.id[:12]}  newsint P {page_precision(*ours):.3f} R {page_recall(*ours):.3f} "
            f"F1 {_page_f1(ours):.3f}"
        )
        if base:
            line += f"  trafilatura F1 {_page_f1(base[i]):.3f}"
        lines.append(line + f"  {r.page.url}")
        if r.newsint.error:
            lines.append(f"    ERROR {r.newsint.error}")
        for text in missing_paragraphs(r.page.truth, r.newsint.body):
            lines.append(f"    - missing: {_clip(text)}")
        for text in missing_paragraphs(r.newsint.body, r.page.truth):
            lines.append(f"    + extra:   {_clip(text)}")
    return lines


def missing_paragraphs(reference: str, other: str) -> list[str]:
    """Paragraphs of ``reference`` whose shingles are mostly absent from ``other``."""
    other_sh = shingles(other)
    other_words = f" {' '.join(tokenize(other))} "
    found = []
    for paragraph in (p.strip() for p in reference.split("\n")):
        words = tokenize(paragraph)
        if not words:
            continue
        if len(words) < SHINGLE_SIZE:  # too short for a shingle of its own: look for the words in a row
            if f" {' '.join(words)} " not in other_words:
                found.append(paragraph)
            continue
        sh = shingles(paragraph)
        hit = sum((sh & other_sh).values())
        if ratio(hit, sum(sh.values())) < DIFF_PARAGRAPH_THRESHOLD:
            found.append(paragraph)
    return found


def _clip(text: str, width: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
