"""The command line every runner in ``benchmarks/`` shares.

    python benchmarks/<name>.py [DATA_DIR] [--limit N] [--no-record] [--verbose] [runner options]

Prints the table and notes, appends a dated section to ``benchmarks/RESULTS.md`` unless
``--no-record``, and prints the headline figure on the last line.
"""

from __future__ import annotations

import argparse
import inspect
import shlex
import sys
import time
from pathlib import Path
from types import ModuleType

from newsint.eval.bench.common import (
    Report,
    append_results,
    default_data_dir,
    git_commit,
    hash_files,
    plain_table,
    repo_root,
)


def parser_for(module: ModuleType) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=f"benchmarks/{module.NAME}.py", description=(module.__doc__ or "").strip().splitlines()[0]
    )
    parser.add_argument(
        "data_dir",
        nargs="?",
        type=Path,
        help=f"dataset folder (default: <repo>/../shared/data/{module.DATA_FOLDER})",
    )
    parser.add_argument("--limit", type=int, help="score only the first N items (sorted), for a quick look")
    parser.add_argument("--no-record", action="store_true", help="do not append to benchmarks/RESULTS.md")
    parser.add_argument("--verbose", "-v", action="store_true", help="per-item details")
    if hasattr(module, "add_arguments"):
        module.add_arguments(parser)
    return parser


def main(module: ModuleType, argv: list[str] | None = None, *, root: Path | None = None) -> int:
    root = root or repo_root()
    argv = sys.argv[1:] if argv is None else argv
    args = parser_for(module).parse_args(argv)
    data_dir = (args.data_dir or default_data_dir(module.DATA_FOLDER, root)).resolve()
    if not data_dir.is_dir():
        print(f"{module.NAME}: no dataset folder at {data_dir}", file=sys.stderr)
        return 2
    options = module.options_from_args(args) if hasattr(module, "options_from_args") else {}
    started = time.perf_counter()
    report: Report = module.run(data_dir, limit=args.limit, verbose=args.verbose, **options)
    elapsed = time.perf_counter() - started
    print(plain_table(report.table))
    print()
    for note in report.notes:
        print(f"- {note}")
    if args.verbose and report.details:
        print()
        print("\n".join(report.details))
    print(f"\n({report.items} items in {elapsed:.1f} s)")
    if not args.no_record:
        command = "python " + shlex.join([f"benchmarks/{module.NAME}.py", *argv])
        # A runner whose dataset depends on an option (ner --split) takes it in dataset_files too.
        accepted = inspect.signature(module.dataset_files).parameters
        digest = hash_files(
            module.dataset_files(data_dir, **{k: v for k, v in options.items() if k in accepted}), data_dir
        )
        results = root / "benchmarks" / "RESULTS.md"
        append_results(results, report, command=command, dataset_sha256=digest, commit=git_commit(root))
        print(f"recorded in {results.relative_to(root)}")
    print(report.headline)
    return 0
