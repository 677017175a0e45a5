"""Speed of the corpus stage: seconds per step over N stored-style articles.

    python benchmarks/corpus_speed.py ANALYSES.jsonl [--copies K]

ANALYSES.jsonl is what `newsint analyze -f jsonl` writes. Each analysis is repeated K times under
new article ids (K independent outlets saying the same things: the worst case for grouping, as
every figure finds its matches), so the corpus has lines x K articles. Prints one line per step.
Nothing is recorded: the figures go in the report that quotes them, with this command.
"""

from __future__ import annotations

import argparse
import dataclasses
import time
from pathlib import Path

from newsint.corpus.brief import corpus_brief
from newsint.corpus.entities import resolve_entities
from newsint.corpus.events import deduplicate_events
from newsint.corpus.figures import compare_figures
from newsint.corpus.network import actor_network
from newsint.corpus.timeline import build_timeline
from newsint.export.corpus_export import ExportFormat, render_export
from newsint.model import Analysis, CorpusArticle


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("analyses", type=Path)
    parser.add_argument("--copies", type=int, default=1)
    args = parser.parse_args()
    analyses = [Analysis.from_json(line) for line in args.analyses.read_text(encoding="utf-8").splitlines() if line]
    articles = [
        CorpusArticle(
            f"{copy}-{a.document.id}",
            dataclasses.replace(a, document=dataclasses.replace(a.document, site=f"outlet {copy}")),
        )
        for copy in range(args.copies)
        for a in analyses
    ]
    print(f"{len(articles)} articles, {sum(len(a.analysis.claims) for a in articles)} claims")
    steps = {
        "resolve_entities": lambda: resolve_entities(articles),
        "compare_figures": lambda: compare_figures(articles),
        "deduplicate_events": lambda: deduplicate_events(articles),
        "actor_network": lambda: actor_network(articles),
        "build_timeline": lambda: build_timeline(articles),
        "corpus_brief": lambda: corpus_brief(articles),
        **{f"export {f}": (lambda f=f: render_export(f, articles)) for f in ExportFormat},
    }
    for name, step in steps.items():
        started = time.perf_counter()
        step()
        print(f"{name:22s} {time.perf_counter() - started:8.2f} s")


if __name__ == "__main__":
    main()
