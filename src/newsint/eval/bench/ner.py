"""Domain entities on re3d (dev, CoNLL BIO): newsint's entities beside the base spaCy model's.

``--split train`` scores the train split the same way: a second, larger look at the same
annotation (the issue's criterion is on dev).

The CoNLL tokens of each sentence are joined into text (no space before closing punctuation or
after opening brackets, none around a hyphen token; straight double quotes alternate
open/close), so every gold entity has character offsets. Each sentence goes through the pipeline alone.

Labels compared (other re3d labels — Nationality, Quantity, Temporal, Money, DocumentReference —
are not scored):

    re3d               newsint                                   spaCy en_core_web_sm
    Person             PERSON                                    PERSON
    Organisation       ORG                                       ORG
    Location           PLACE                                     GPE, LOC, FAC
    Weapon             EQUIPMENT, attributes.kind "weapon"       –
    MilitaryPlatform   EQUIPMENT, attributes.kind "platform" (aircraft, ship, armoured vehicle…)

The kind comes from the knowledge base (newsint.kb.equipment.PLATFORM_CATEGORIES). It replaced
a regex over category names, which called anti-tank and anti-ship missiles platforms.

A leading article ("a", "an", "the") is not part of the span on either side, gold or predicted,
newsint or spaCy: re3d is inconsistent about it. In the train split, of the Weapon and MilitaryPlatform spans
written right after or beginning with an article, 13 include it and 7 do not, one of those
because the annotator labelled the article itself a Quantity ("a VBIED" is "a"=Quantity + "VBIED"=Weapon in
one sentence and one Weapon span in another). Which one a sentence got is not something a system
can learn; counting it as a miss scored annotation noise, not extraction. (It also moves a few
gold mentions out of the "named" rows: "The city" was counted as named for its capital T.)

"Equipment (either)" scores Weapon ∪ MilitaryPlatform against every EQUIPMENT entity, whatever
its category. A prediction matches *exactly* with the same span and label, and *by overlap*
with any character overlap and the same label (one-to-one). newsint mentions are mapped from
``Document.text`` back to the sentence with :class:`OffsetMap`.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from newsint.errors import NewsintError
from newsint.eval.bench.common import Counts, OffsetMap, Report, analyze_text, fmt, overlaps
from newsint.kb.equipment import equipment_kind

NAME = "ner"
DATA_FOLDER = "ner"
SAMPLE_LIMIT = 20
SPLITS = {"dev": "re3d-dev.conll", "train": "re3d-train.conll"}
DEFAULT_SPLIT = "dev"

LABELS = ("Person", "Organisation", "Location", "Weapon", "MilitaryPlatform")
EQUIPMENT = "Equipment (either)"
NEWSINT_LABELS = {"PERSON": "Person", "ORG": "Organisation", "PLACE": "Location"}
SPACY_LABELS = {"PERSON": "Person", "ORG": "Organisation", "GPE": "Location", "LOC": "Location", "FAC": "Location"}
# A lone "-" token is a split hyphen ("KC-135R", "U.S.-led", "vehicle-borne"): joined on both sides
# as the source wrote it (dashes between clauses are "–" or "--" in re3d).
_NO_SPACE_BEFORE = {",", ".", ":", ";", "!", "?", ")", "]", "}", "%", "'s", "n't", "'", "'re", "'ve", "'ll", "'d", "'m"}
_NO_SPACE_BEFORE |= {"-"}
_NO_SPACE_AFTER = {"(", "[", "{", "$", "£", "#", "-"}

# re3d also labels pronouns and common-noun phrases ("We", "the city"); the "named" rows keep
# only gold mentions written with a capital letter that are not one of these pronouns.
PRONOUNS = frozenset(
    {
        "i",
        "me",
        "my",
        "we",
        "us",
        "our",
        "he",
        "him",
        "his",
        "she",
        "her",
        "it",
        "its",
        "they",
        "them",
        "their",
        "you",
        "your",
    }
)

Span = tuple[int, int, str]  # start, end, label


@dataclass(slots=True)
class Sentence:
    text: str
    gold: list[Span]


def dataset_files(data_dir: Path, split: str = DEFAULT_SPLIT) -> list[Path]:
    return [data_dir / SPLITS[split]]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--split", choices=sorted(SPLITS), default=DEFAULT_SPLIT, help=f"which re3d split (default {DEFAULT_SPLIT})"
    )


def options_from_args(args: argparse.Namespace) -> dict:
    return {"split": args.split}


def detokenize(tokens: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """Text and each token's (start, end) in it."""
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    length = 0
    quote_open = False
    previous = ""
    for i, token in enumerate(tokens):
        space = i > 0
        if token in _NO_SPACE_BEFORE or previous in _NO_SPACE_AFTER:
            space = False
        if token == '"':
            if quote_open:
                space = False
            quote_open = not quote_open
        elif previous == '"' and quote_open:
            space = False
        if space:
            parts.append(" ")
            length += 1
        spans.append((length, length + len(token)))
        parts.append(token)
        length += len(token)
        previous = token
    return "".join(parts), spans


def bio_spans(labels: list[str], token_spans: list[tuple[int, int]]) -> list[Span]:
    spans: list[Span] = []
    current: list = []
    for tag, (start, end) in zip(labels, token_spans, strict=True):
        kind, _, label = tag.partition("-")
        if kind == "I" and current and current[2] == label:
            current[1] = end
            continue
        if current:
            spans.append(tuple(current))  # type: ignore[arg-type]
            current = []
        if kind in ("B", "I"):
            current = [start, end, label]
    if current:
        spans.append(tuple(current))  # type: ignore[arg-type]
    return spans


def load_sentences(data_dir: Path, limit: int | None = None, split: str = DEFAULT_SPLIT) -> list[Sentence]:
    sentences: list[Sentence] = []
    tokens: list[str] = []
    labels: list[str] = []

    def flush() -> None:
        if tokens:
            text, spans = detokenize(tokens)
            sentences.append(Sentence(text, bio_spans(labels, spans)))
        tokens.clear()
        labels.clear()

    for line in (data_dir / SPLITS[split]).read_text(encoding="utf-8").splitlines():
        line = line.rstrip("\r")
        if not line.strip():
            flush()
            continue
        token, _, tag = line.rpartition("\t") if "\t" in line else line.rpartition(" ")
        tokens.append(token.strip())
        labels.append(tag.strip() or "O")
    flush()
    return sentences[:limit]


# Case-sensitive: a capitalised "An" or "Al" begins an Arabic name ("An Nasiriyah"), and a
# sentence-initial "A" is rare inside a span; "The" opens names and sentences alike.
ARTICLES = ("a ", "an ", "the ", "The ")


def without_article(text: str, spans: list[Span]) -> list[Span]:
    """Each span less a leading article (see the module docstring for why)."""
    trimmed = []
    for start, end, label in spans:
        written = text[start:end]
        article = next((a for a in ARTICLES if written.startswith(a) and len(written) > len(a)), "")
        trimmed.append((start + len(article), end, label))
    return trimmed


def is_named(text: str) -> bool:
    return any(c.isupper() for c in text) and text.strip().lower() not in PRONOUNS


def equipment_label(attributes: dict) -> str:
    kind = attributes.get("kind") or equipment_kind(attributes.get("category"))
    return "MilitaryPlatform" if kind == "platform" else "Weapon"


def newsint_spans(sentence: Sentence, analysis) -> list[Span]:
    mapping = OffsetMap(sentence.text, analysis.document.text)
    spans = []
    for entity in analysis.entities:
        is_equipment = entity.type == "EQUIPMENT"
        label = equipment_label(entity.attributes) if is_equipment else NEWSINT_LABELS.get(entity.type)
        if label is None:
            continue
        for mention in entity.mentions:
            span = mapping.span(mention.start, mention.end)
            if span:
                spans.append((span[0], span[1], label))
    return sorted(set(spans))


def spacy_spans(doc) -> list[Span]:
    return [(e.start_char, e.end_char, SPACY_LABELS[e.label_]) for e in doc.ents if e.label_ in SPACY_LABELS]


def _merge_equipment(spans: list[Span]) -> list[Span]:
    return [(s, e, EQUIPMENT) for s, e, label in spans if label in ("Weapon", "MilitaryPlatform")]


@dataclass(slots=True)
class Tally:
    exact: dict[str, Counts] = field(default_factory=dict)
    overlap: dict[str, Counts] = field(default_factory=dict)

    def add(self, label: str, exact: Counts, overlap: Counts) -> None:
        self.exact[label] = self.exact.get(label, Counts()) + exact
        self.overlap[label] = self.overlap.get(label, Counts()) + overlap

    def micro(self, kind: str, labels: tuple[str, ...] = LABELS) -> Counts:
        table = self.exact if kind == "exact" else self.overlap
        total = Counts()
        for label in labels:
            total += table.get(label, Counts())
        return total


def span_counts(gold: list[Span], predicted: list[Span]) -> tuple[Counts, Counts]:
    """(exact, overlap) counts for spans of one label."""
    gold_set, pred_set = set(gold), set(predicted)
    tp = len(gold_set & pred_set)
    exact = Counts(tp, len(pred_set) - tp, len(gold_set) - tp)
    used: set[int] = set()
    hits = 0
    preds = sorted(pred_set)
    for g in sorted(gold_set):
        hit = next((i for i, p in enumerate(preds) if i not in used and overlaps(g[:2], p[:2])), None)
        if hit is not None:
            used.add(hit)
            hits += 1
    return exact, Counts(hits, len(preds) - hits, len(gold_set) - hits)


def score(gold: list[Span], predicted: list[Span], tally: Tally, labels: tuple[str, ...] = LABELS) -> None:
    for label in labels:
        tally.add(label, *span_counts([g for g in gold if g[2] == label], [p for p in predicted if p[2] == label]))
    tally.add(EQUIPMENT, *span_counts(_merge_equipment(gold), _merge_equipment(predicted)))


# The shares of its written occurrences a string must be labelled at to enter the lexicon.
CEILING_SHARES = (0.25, 1 / 3, 0.5)


def load_splits(data_dir: Path) -> dict[str, list[Sentence]]:
    return {name: load_sentences(data_dir, split=name) for name in SPLITS}


def lexicon_ceiling(splits: dict[str, list[Sentence]], split: str, label: str) -> dict[float, Counts]:
    """What a context-free lookup could score on ``split`` for one label, at each of
    ``CEILING_SHARES``: a lexicon of every string the gold of *both* splits gives that label, each
    kept only where the gold labels it at more than that share of its written occurrences (counted
    on both splits, so the lexicon has seen this split's answers), matched case-insensitively,
    longest match first.

    It measures the annotation, not a system: a lookup can only be as consistent as the labels it
    copies, and re3d labels the same words ("strikes", "vehicles") in some sentences and not others;
    a lower share buys recall with precision. ``splits``: every split's sentences (``load_splits``).
    """

    def gold_of(sentence: Sentence) -> set[tuple[int, int]]:
        return {(s, e) for s, e, gold_label in without_article(sentence.text, sentence.gold) if gold_label == label}

    strings = {
        sentence.text[s:e].lower()
        for sentences in splits.values()
        for sentence in sentences
        for s, e in gold_of(sentence)
    }
    patterns = {w: re.compile(r"(?<!\w)" + re.escape(w) + r"(?!\w)") for w in strings}

    def occurrences(sentence: Sentence) -> list[tuple[int, int, str]]:
        lowered = sentence.text.lower()
        return [(m.start(), m.end(), w) for w, pattern in patterns.items() for m in pattern.finditer(lowered)]

    written, labelled = Counter(), Counter()
    for sentences in splits.values():
        for sentence in sentences:
            gold = gold_of(sentence)
            for s, e, w in occurrences(sentence):
                written[w] += 1
                labelled[w] += (s, e) in gold
    scores = {}
    for share in CEILING_SHARES:
        lexicon = {w for w in written if labelled[w] > share * written[w]}
        total = Counts()
        for sentence in splits[split]:
            found = [(s, e) for s, e, w in occurrences(sentence) if w in lexicon]
            longest = [a for a in found if not any(b != a and b[0] <= a[0] and a[1] <= b[1] for b in found)]
            gold = [(s, e, label) for s, e in gold_of(sentence)]
            total += span_counts(gold, [(s, e, label) for s, e in longest])[0]
        scores[share] = total
    return scores


def run(
    data_dir: Path,
    *,
    limit: int | None = None,
    verbose: bool = False,
    baselines: bool = True,
    split: str = DEFAULT_SPLIT,
) -> Report:
    sentences = load_sentences(data_dir, limit, split)
    ours, base, ours_named, base_named = Tally(), Tally(), Tally(), Tally()
    errors = 0
    details = []
    for i, sentence in enumerate(sentences):
        analysis = analyze_text(sentence.text, source=f"re3d-{split}:{i}")
        if isinstance(analysis, NewsintError):
            errors += 1
            predicted: list[Span] = []
        else:
            predicted = without_article(sentence.text, newsint_spans(sentence, analysis))
        gold = without_article(sentence.text, [g for g in sentence.gold if g[2] in LABELS])
        score(gold, predicted, ours)
        score(_named(sentence, gold), predicted, ours_named)
        if verbose and (gold or predicted):
            shown = f"gold {_show(sentence, gold)}\n    newsint {_show(sentence, predicted)}"
            details.append(f"[{i}] {sentence.text[:100]}\n    {shown}")
    if baselines:
        from newsint.nlp.model import load_nlp

        nlp = load_nlp()
        for sentence, doc in zip(sentences, nlp.pipe(s.text for s in sentences), strict=True):
            gold = without_article(sentence.text, [g for g in sentence.gold if g[2] in LABELS])
            predicted = without_article(sentence.text, spacy_spans(doc))
            score(gold, predicted, base)
            score(_named(sentence, gold), predicted, base_named)
    named = (ours_named, base_named if baselines else None)
    ceiling: dict[str, dict[float, Counts]] = {}
    if not limit:  # a sample run is a quick look; the ceiling reads both whole splits
        splits = load_splits(data_dir)
        ceiling = {label: lexicon_ceiling(splits, split, label) for label in ("Weapon", "MilitaryPlatform")}
    return report(ours, base if baselines else None, named, len(sentences), errors, details, split, ceiling)


def _show(sentence: Sentence, spans: list[Span]) -> list[tuple[str, str]]:
    return [(sentence.text[s:e], label) for s, e, label in spans]


def _named(sentence: Sentence, gold: list[Span]) -> list[Span]:
    return [g for g in gold if is_named(sentence.text[g[0] : g[1]])]


def report(
    ours: Tally,
    base: Tally | None,
    named: tuple[Tally, Tally | None],
    items: int,
    errors: int,
    details: list[str],
    split: str = DEFAULT_SPLIT,
    ceiling: dict[str, dict[float, Counts]] | None = None,
) -> Report:
    table = [
        [
            "label",
            "gold",
            "newsint P",
            "newsint R",
            "newsint F1",
            "newsint F1 overlap",
            "spaCy P",
            "spaCy R",
            "spaCy F1",
            "spaCy F1 overlap",
        ]
    ]
    spacy_labels = ("Person", "Organisation", "Location")
    for label in (*LABELS, EQUIPMENT):
        exact, loose = ours.exact.get(label, Counts()), ours.overlap.get(label, Counts())
        row = [label, str(exact.tp + exact.fn), fmt(exact.precision), fmt(exact.recall), fmt(exact.f1), fmt(loose.f1)]
        if base is not None and label in spacy_labels:
            b, bl = base.exact.get(label, Counts()), base.overlap.get(label, Counts())
            row += [fmt(b.precision), fmt(b.recall), fmt(b.f1), fmt(bl.f1)]
        else:
            row += ["–"] * 4
        table.append(row)
    micro = ours.micro("exact")
    micro3 = ours.micro("exact", spacy_labels)
    row = [
        "micro, Person+Org+Location",
        str(micro3.tp + micro3.fn),
        fmt(micro3.precision),
        fmt(micro3.recall),
        fmt(micro3.f1),
        fmt(ours.micro("overlap", spacy_labels).f1),
    ]
    base3 = base.micro("exact", spacy_labels) if base is not None else None
    if base is not None and base3 is not None:
        row += [fmt(base3.precision), fmt(base3.recall), fmt(base3.f1), fmt(base.micro("overlap", spacy_labels).f1)]
    else:
        row += ["–"] * 4
    table.append(row)
    named_ours, named_base = named
    n3 = named_ours.micro("exact", spacy_labels)
    row = [
        "micro, Person+Org+Location, named gold only",
        str(n3.tp + n3.fn),
        fmt(n3.precision),
        fmt(n3.recall),
        fmt(n3.f1),
        fmt(named_ours.micro("overlap", spacy_labels).f1),
    ]
    if named_base is not None:
        b3 = named_base.micro("exact", spacy_labels)
        row += [fmt(b3.precision), fmt(b3.recall), fmt(b3.f1), fmt(named_base.micro("overlap", spacy_labels).f1)]
    else:
        row += ["–"] * 4
    table.append(row)
    table.append(
        [
            "micro, all five",
            str(micro.tp + micro.fn),
            fmt(micro.precision),
            fmt(micro.recall),
            fmt(micro.f1),
            fmt(ours.micro("overlap").f1),
            "–",
            "–",
            "–",
            "–",
        ]
    )
    notes = [
        f"re3d {split}: {items} sentences; {errors} failed in the pipeline (scored as no entities).",
        "spaCy is the base model newsint loads (newsint.nlp.model.load_nlp), run on the same text; "
        "it has no weapon or platform label.",
        "No published figure for this split. re3d labels pronouns and common-noun phrases too "
        "('We', 'me', 'the families of the victims', 'the city'); the 'named gold only' row keeps the "
        "gold mentions with a capital letter that are not pronouns (precision there still counts every "
        "prediction against the reduced gold).",
    ]
    info: dict[str, float] = {"errors": float(errors)}
    for label, by_share in (ceiling or {}).items():
        points = "; ".join(f"over {share:.2f}: P {fmt(c.precision)} R {fmt(c.recall)}" for share, c in by_share.items())
        notes.append(
            f"{label}, lexicon ceiling (a lookup of every gold {label} string of both splits, kept where the "
            f"gold labels it at over a share of its occurrences; see lexicon_ceiling): {points}."
        )
    figures = {f"{label.lower()}_f1": ours.exact.get(label, Counts()).f1 for label in LABELS}
    figures["equipment_f1_overlap"] = ours.overlap.get(EQUIPMENT, Counts()).f1
    figures["micro_f1"] = micro.f1
    headline = f"headline: ner micro F1 (Person+Org+Location) newsint {micro3.f1:.3f}"
    if base3 is not None:
        info["spacy_micro3_f1"] = base3.f1
        headline += f" spaCy {base3.f1:.3f}"
    headline += f"; equipment F1 newsint {ours.exact.get(EQUIPMENT, Counts()).f1:.3f}"
    return Report(NAME, table, headline, figures, info, notes, details, items=items)
