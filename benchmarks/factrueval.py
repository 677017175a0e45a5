"""factRuEval-2016 mention F1, exact spans, per type: newsint's Russian entities beside
Natasha's own NER, in the same run, on the tuning and the checking half.

    python benchmarks/factrueval.py [--data ../shared/data/ru/factrueval] [--errors]

A gold mention is an object of ``*.objects`` (Person -> PER, Location and LocOrg -> LOC,
Org -> ORG) stretching from its first span's start to its last span's end, in characters of
``*.txt``; a predicted mention counts when its start, end and type are a gold mention's. The
halves: a document (id = the file stem, "book_100") is CHECKING when
sha256("check:" + id) is odd, else TUNING. ``--errors`` lists the tuning half's misses and
false hits (never the checking half's).
"""

from __future__ import annotations

import argparse
import hashlib
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "ru" / "factrueval"
GOLD_TYPES = {"Person": "PER", "Location": "LOC", "LocOrg": "LOC", "Org": "ORG"}
NEWSINT_TYPES = {"PERSON": "PER", "PLACE": "LOC", "ORG": "ORG"}
TYPES = ("PER", "LOC", "ORG")


def is_checking(doc_id: str) -> bool:
    return int(hashlib.sha256(("check:" + doc_id).encode()).hexdigest(), 16) % 2 == 1


def gold_mentions(stem: Path) -> set[tuple[int, int, str]]:
    spans: dict[str, tuple[int, int]] = {}
    for line in stem.with_suffix(".spans").read_text("utf-8").splitlines():
        parts = line.split()
        if len(parts) >= 4:
            spans[parts[0]] = (int(parts[2]), int(parts[2]) + int(parts[3]))
    mentions = set()
    for line in stem.with_suffix(".objects").read_text("utf-8").splitlines():
        parts = line.split("#")[0].split()
        if len(parts) < 3 or parts[1] not in GOLD_TYPES:
            continue
        extents = [spans[s] for s in parts[2:] if s in spans]
        if extents:
            mentions.add((min(a for a, _ in extents), max(b for _, b in extents), GOLD_TYPES[parts[1]]))
    return mentions


def newsint_mentions(text: str) -> set[tuple[int, int, str]]:
    from newsint.lang.ru.entities import extract_russian_entities
    from newsint.lang.ru.parse import parse_russian

    found = set()
    for entity in extract_russian_entities(parse_russian(text), None):
        if entity.type in NEWSINT_TYPES:
            found |= {(m.start, m.end, NEWSINT_TYPES[entity.type]) for m in entity.mentions}
    return found


def natasha_mentions(text: str) -> set[tuple[int, int, str]]:
    from natasha import Doc

    from newsint.lang.ru.parse import natasha

    tools = natasha()
    doc = Doc(text)
    doc.segment(tools.segmenter)
    doc.tag_ner(tools.ner_tagger)
    return {(span.start, span.stop, span.type) for span in doc.spans}


def scores(counts: Counter) -> dict[str, tuple[float, float, float]]:
    result = {}
    for kind in (*TYPES, "all"):
        tp, fp, fn = (counts[(kind, k)] for k in ("tp", "fp", "fn"))
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        result[kind] = (p, r, 2 * p * r / (p + r) if p + r else 0.0)
    return result


def count(counts: Counter, gold: set, predicted: set) -> None:
    for kind in TYPES:
        g = {m for m in gold if m[2] == kind}
        p = {m for m in predicted if m[2] == kind}
        for key, value in (("tp", len(g & p)), ("fp", len(p - g)), ("fn", len(g - p))):
            counts[(kind, key)] += value
            counts[("all", key)] += value


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--errors", action="store_true", help="list the tuning half's errors")
    args = parser.parse_args(argv)
    counts = {(half, system): Counter() for half in ("tuning", "checking") for system in ("newsint", "natasha")}
    documents = Counter()
    for path in sorted(args.data.glob("*.txt")):
        half = "checking" if is_checking(path.stem) else "tuning"
        documents[half] += 1
        text = path.read_text("utf-8")
        gold = gold_mentions(path.with_suffix(""))
        ours = newsint_mentions(text)
        count(counts[(half, "newsint")], gold, ours)
        count(counts[(half, "natasha")], gold, natasha_mentions(text))
        if args.errors and half == "tuning":
            for start, end, kind in sorted(gold - ours):
                print(f"{path.stem} MISS {kind} {text[start:end]!r}")
            for start, end, kind in sorted(ours - gold):
                print(f"{path.stem} FALSE {kind} {text[start:end]!r}")
    print("half      documents  system   " + "  ".join(f"{t:>16}" for t in (*TYPES, "all")))
    for (half, system), counter in counts.items():
        cells = "  ".join(f"P{p:.2f} R{r:.2f} F{f:.2f}" for p, r, f in scores(counter).values())
        print(f"{half:9} {documents[half]:9}  {system:8} {cells}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
