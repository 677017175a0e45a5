"""Attributed claims on PolNeAR (brat standoff): source, cue and content against newsint claims.

Gold: every ``E`` line of type ``Attribution`` / ``Attribution-no-source`` ties a Content, a Cue
and (optionally) a Source text-bound annotation; spans may be discontinuous (``10 24;30 40``).
Two articles of dev carry six annotators' files each; the first file in name order is used.

newsint's claims come from ``Analysis.claims``. Their offsets are into ``Document.text`` (the
pipeline reflows), so they are mapped back to the article file with :class:`OffsetMap` (a token
alignment of the two texts), and so is the source phrase's span (``ClaimSource.start/end``): a
source written as a pronoun is compared where it was written, as PolNeAR annotates it, not at
some other mention of the entity it resolves to. ``Claim.cue`` carries no offsets: it is located
as the occurrence of that text nearest to the claim's content in the file (and so is a source
without offsets, through a mention of its entity or its text).

Matching (one-to-one, each gold item takes its best-scoring unused prediction, as the
GenderGapTracker quote evaluation does):

- content ≥0.3: |gold tokens ∩ predicted tokens| / |gold tokens| ≥ 0.3 (tokens: ``\\w+`` runs,
  identified by position); content exact: the same token set;
- source, cue: any token overlap; scored on their own (P/R/F1 over all sources / cues) and as
  accuracy on the attributions whose content matched at ≥0.3.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from newsint.errors import NewsintError
from newsint.eval.bench.common import Counts, OffsetMap, Report, analyze_text, fmt, ratio, word_spans
from newsint.model import Analysis

NAME = "attribution"
DATA_FOLDER = "attribution/polnear/dev"
SAMPLE_LIMIT = 5

CONTENT_OVERLAP = 0.3  # GenderGapTracker's lower threshold (its figures: F1 0.837 at 0.3)
ANCHOR_NOTE = (
    "No system leaderboard on PolNeAR; annotator agreement α 0.754. Closest tool figure: "
    "GenderGapTracker quote extractor F1 0.837 at 0.3 span overlap, speaker accuracy 0.865 "
    "(its own 98-article set)."
)
ANCHORS = {"GenderGapTracker content F1 @0.3 (other data)": 0.837, "GenderGapTracker speaker accuracy": 0.865}

Spans = tuple[tuple[int, int], ...]
_ENTRY = re.compile(r"^(T\d+)\t(\S+) ([\d ;]+)\t")


@dataclass(slots=True)
class Attribution:
    content: Spans
    cue: Spans = ()
    source: Spans = ()


@dataclass(slots=True)
class Article:
    name: str
    text: str
    gold: list[Attribution]
    annotation_file: str
    annotators: int = 1


def parse_spans(field_text: str) -> Spans:
    spans = []
    for part in field_text.split(";"):
        start, end = part.split()
        spans.append((int(start), int(end)))
    return tuple(spans)


def parse_brat(ann: str) -> list[Attribution]:
    """The attributions of one ``.ann`` file (relations without a Content are skipped)."""
    bound: dict[str, Spans] = {}
    relations: list[dict[str, str]] = []
    for line in ann.splitlines():
        if line.startswith("T"):
            match = _ENTRY.match(line)
            if match:
                bound[match.group(1)] = parse_spans(match.group(3))
        elif line.startswith("E"):
            _, _, body = line.partition("\t")
            args = dict(part.split(":", 1) for part in body.split())
            if any(key.startswith("Attribution") for key in args):
                relations.append(args)
    result = []
    for args in relations:
        contents = [bound[v] for k, v in args.items() if k.startswith("Content") and v in bound]
        if not contents:
            continue
        content = tuple(sorted(span for spans in contents for span in spans))
        cue = bound.get(args.get("Cue", ""), ())
        source = bound.get(args.get("Source", ""), ())
        result.append(Attribution(content, cue, source))
    return result


def dataset_files(data_dir: Path) -> list[Path]:
    return sorted((data_dir / "text").glob("*.txt")) + sorted((data_dir / "attributions").glob("*.ann"))


def load_articles(data_dir: Path, limit: int | None = None) -> list[Article]:
    articles = []
    for path in sorted((data_dir / "text").glob("*.txt"))[:limit]:
        name = path.stem
        annotations = sorted((data_dir / "attributions").glob(f"{name}_*.ann"))
        annotations = [a for a in annotations if a.stem.rsplit("_", 1)[0] == name]
        if not annotations:
            continue
        text = path.read_text(encoding="utf-8")
        gold = parse_brat(annotations[0].read_text(encoding="utf-8"))
        articles.append(Article(name, text, gold, annotations[0].name, len(annotations)))
    return articles


# --------------------------------------------------------------------------------------------
# Predictions mapped back to the article file


def predictions(article: Article, analysis: Analysis) -> list[Attribution]:
    mapping = OffsetMap(article.text, analysis.document.text)
    mentions = {e.id: e.mentions for e in analysis.entities}
    result: list[Attribution] = []
    report_of: dict[tuple[int | None, int | None, str | None], int] = {}
    for claim in analysis.claims:
        content = mapping.span(claim.content.start, claim.content.end)
        if content is None:
            content = _nearest(article.text, claim.content.text, 0)
        if content is None:
            continue
        cue = _nearest(article.text, claim.cue, content[0]) if claim.cue else None
        source = None
        if claim.source.start is not None and claim.source.end is not None:
            source = mapping.span(claim.source.start, claim.source.end)
        if source is None and claim.source.entity and claim.source.entity in mentions:
            mapped = [mapping.span(m.start, m.end) for m in mentions[claim.source.entity]]
            mapped = [m for m in mapped if m is not None]
            if mapped:
                source = min(mapped, key=lambda m: abs(m[0] - content[0]))
        if source is None and claim.source.text:
            source = _nearest(article.text, claim.source.text, content[0])
        # PolNeAR's unit is the whole report: a quotation newsint gives one claim per sentence
        # (same source phrase, same cue) is one attribution with several content spans, as
        # PolNeAR writes a quotation broken by its attribution.
        key = (claim.source.start, claim.source.end, claim.cue)
        if claim.source.start is not None and key in report_of:
            earlier = result[report_of[key]]
            result[report_of[key]] = Attribution((*earlier.content, content), earlier.cue, earlier.source)
            continue
        report_of[key] = len(result)
        result.append(Attribution((content,), (cue,) if cue else (), (source,) if source else ()))
    return result


def _nearest(text: str, phrase: str | None, near: int) -> tuple[int, int] | None:
    """The occurrence of ``phrase`` (whitespace-insensitive) closest to offset ``near``."""
    words = (phrase or "").split()
    if not words:
        return None
    pattern = re.compile(r"\s+".join(re.escape(w) for w in words))
    found = [(m.start(), m.end()) for m in pattern.finditer(text)]
    return min(found, key=lambda s: abs(s[0] - near)) if found else None


# --------------------------------------------------------------------------------------------
# Matching


def tokens_of(text: str, spans: Spans) -> frozenset[tuple[int, int]]:
    return frozenset(tok for start, end in spans for tok in word_spans(text, start, end))


def coverage(gold: frozenset, pred: frozenset) -> float:
    """Share of the gold tokens that the prediction covers (asymmetric, gold is the reference)."""
    return ratio(len(gold & pred), len(gold))


def match(
    gold: list[frozenset], pred: list[frozenset], *, threshold: float, exact: bool = False
) -> list[tuple[int, int]]:
    """(gold index, predicted index) pairs; each gold item takes its best unused prediction."""
    pairs = []
    used: set[int] = set()
    for gi, g in enumerate(gold):
        best, best_score = None, 0.0
        for pi, p in enumerate(pred):
            if pi in used or not g or not p:
                continue
            score = (1.0 if g == p else 0.0) if exact else coverage(g, p)
            if score > best_score and score >= threshold:
                best, best_score = pi, score
        if best is not None:
            used.add(best)
            pairs.append((gi, best))
    return pairs


@dataclass(slots=True)
class Tally:
    content_loose: Counts = field(default_factory=Counts)
    content_exact: Counts = field(default_factory=Counts)
    source: Counts = field(default_factory=Counts)
    cue: Counts = field(default_factory=Counts)
    matched: int = 0  # attributions whose content matched at the loose threshold
    source_right: int = 0  # … of which the source overlaps the gold source (both empty counts)
    cue_right: int = 0


def score_article(article: Article, predicted: list[Attribution], tally: Tally) -> None:
    text = article.text
    gold_content = [tokens_of(text, a.content) for a in article.gold]
    pred_content = [tokens_of(text, a.content) for a in predicted]
    loose = match(gold_content, pred_content, threshold=CONTENT_OVERLAP)
    exact = match(gold_content, pred_content, threshold=1.0, exact=True)
    tally.content_loose += Counts(len(loose), len(predicted) - len(loose), len(article.gold) - len(loose))
    tally.content_exact += Counts(len(exact), len(predicted) - len(exact), len(article.gold) - len(exact))
    for role in ("source", "cue"):
        gold_role = [tokens_of(text, getattr(a, role)) for a in article.gold if getattr(a, role)]
        pred_role = [tokens_of(text, getattr(a, role)) for a in predicted if getattr(a, role)]
        pairs = match(gold_role, pred_role, threshold=1e-9)
        counts = Counts(len(pairs), len(pred_role) - len(pairs), len(gold_role) - len(pairs))
        setattr(tally, role, getattr(tally, role) + counts)
    for gi, pi in loose:
        tally.matched += 1
        for role in ("source", "cue"):
            g = tokens_of(text, getattr(article.gold[gi], role))
            p = tokens_of(text, getattr(predicted[pi], role))
            right = (not g and not p) or bool(g & p)
            setattr(tally, f"{role}_right", getattr(tally, f"{role}_right") + right)


# --------------------------------------------------------------------------------------------
# The run


def run(data_dir: Path, *, limit: int | None = None, verbose: bool = False) -> Report:
    articles = load_articles(data_dir, limit)
    tally = Tally()
    errors: list[str] = []
    details: list[str] = []
    for article in articles:
        analysis = analyze_text(article.text, source=article.name)
        if isinstance(analysis, NewsintError):
            errors.append(str(analysis))
            predicted: list[Attribution] = []
        else:
            predicted = predictions(article, analysis)
        before = tally.content_loose.tp
        score_article(article, predicted, tally)
        if verbose:
            details.append(
                f"{article.name}: gold {len(article.gold)}, predicted {len(predicted)}, "
                f"content matched @0.3 {tally.content_loose.tp - before}"
            )
    return report(articles, tally, errors, details)


def report(articles: list[Article], tally: Tally, errors: list[str], details: list[str]) -> Report:
    table = [["item", "precision", "recall", "F1", "accuracy on matched"]]
    rows = [
        ("content ≥0.3 token overlap", tally.content_loose, None),
        ("content exact span", tally.content_exact, None),
        ("source (token overlap)", tally.source, ratio(tally.source_right, tally.matched)),
        ("cue (token overlap)", tally.cue, ratio(tally.cue_right, tally.matched)),
    ]
    for label, counts, accuracy in rows:
        table.append([label, fmt(counts.precision), fmt(counts.recall), fmt(counts.f1), fmt(accuracy)])
    for label, value in ANCHORS.items():
        table.append([label, "", "", fmt(value) if "F1" in label else "", fmt(value) if "accuracy" in label else ""])
    gold_total = tally.content_loose.tp + tally.content_loose.fn
    predicted_total = tally.content_loose.tp + tally.content_loose.fp
    multi = [a.name for a in articles if a.annotators > 1]
    notes = [
        f"{len(articles)} articles, {gold_total} gold attributions, {predicted_total} newsint claims; "
        f"{len(errors)} articles failed in the pipeline (scored as no claims).",
        f"{len(multi)} articles have several annotators' files; the first in name order is the gold.",
        "Claim content and source offsets are mapped from Document.text back to the file by token "
        "alignment; the cue text by its nearest occurrence to the content.",
        ANCHOR_NOTE,
    ]
    notes += [f"pipeline error: {e}" for e in errors[:5]]
    figures = {
        "content_f1_overlap": tally.content_loose.f1,
        "content_f1_exact": tally.content_exact.f1,
        "source_f1": tally.source.f1,
        "cue_f1": tally.cue.f1,
        # The second target: of the attributions whose content matched, how many have the
        # right source (GenderGapTracker's speaker accuracy, 0.865 on its own set).
        "source_accuracy_matched": ratio(tally.source_right, tally.matched),
    }
    info = {"errors": float(len(errors)), "gold_attributions": float(gold_total)}
    headline = (
        f"headline: attribution content F1@0.3 newsint {tally.content_loose.f1:.3f} "
        f"(GenderGapTracker 0.837 on its own data)"
    )
    return Report(NAME, table, headline, figures, info, notes, details, items=len(articles))
