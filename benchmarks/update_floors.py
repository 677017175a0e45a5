"""Re-run benchmarks and raise their pinned floors in benchmarks/floors.json.

    python benchmarks/update_floors.py [NAME ...] [--kind full|sample|both] [--dry-run]
                                       [--allow-lower --reason "why"]

Floors only go up. A figure that dropped, a figure no longer reported, or a dataset whose
sha256 changed makes this refuse (exit 1, nothing written) unless ``--allow-lower`` is given
with a ``--reason``, which is recorded in the file's history beside the changes.
The logic lives in newsint.eval.bench.floors; this file is the command.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from newsint.eval.bench import BENCHMARKS, load
from newsint.eval.bench import floors as gate

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="benchmarks/update_floors.py", description=__doc__.strip().splitlines()[0])
    parser.add_argument(
        "names", nargs="*", metavar="NAME", help=f"benchmarks (default: all of {', '.join(BENCHMARKS)})"
    )
    parser.add_argument("--kind", choices=("full", "sample", "both"), default="both")
    parser.add_argument("--dry-run", action="store_true", help="say what would change; write nothing")
    parser.add_argument("--allow-lower", action="store_true", help="accept lower figures or a changed dataset")
    parser.add_argument("--reason", help="why a floor is lowered or a dataset changed (required with --allow-lower)")
    args = parser.parse_args(argv)
    if args.allow_lower and not (args.reason and args.reason.strip()):
        parser.error('--allow-lower needs --reason "..." (it is kept in floors.json\'s history)')
    unknown = [n for n in args.names if n not in BENCHMARKS]
    if unknown:
        parser.error(f"unknown benchmark(s): {', '.join(unknown)}; available: {', '.join(BENCHMARKS)}")
    modules = [load(name) for name in (args.names or BENCHMARKS)]
    kinds = gate.KINDS if args.kind == "both" else (args.kind,)
    path = gate.floors_path(ROOT)
    outcome = gate.update_floors(
        modules,
        path=path,
        root=ROOT,
        kinds=kinds,
        allow_lower=args.allow_lower,
        reason=args.reason,
        dry_run=args.dry_run,
    )
    for line in outcome.raised:
        print(f"raise  {line}")
    for line in outcome.lowered:
        print(f"LOWER  {line}")
    if outcome.status:
        print(
            "\nrefused: a floor would go down or a dataset changed; nothing written. If that is intended, "
            'rerun with --allow-lower --reason "...".',
            file=sys.stderr,
        )
    elif outcome.written:
        print(f"wrote {path.relative_to(ROOT)}")
    else:
        print("(dry run: nothing written)")
    return outcome.status


if __name__ == "__main__":
    sys.exit(main())
