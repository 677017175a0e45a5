"""Dump the Analysis JSON of a fixed set of articles, or check that it has not changed.

    python benchmarks/same_output.py dump FOLDER [INPUT ...]
    python benchmarks/same_output.py check FOLDER [INPUT ...]

For speed work, whose output must not change: ``dump`` with the code before the change, then
``check`` after it; ``check`` compares byte for byte and lists every document whose JSON differs
(with the first differing top-level section), exiting 1 if any does. The inputs default to the
Guardian articles of the speed benchmark (``../shared/data/news/guardian-syria.jsonl``) and every
file in ``examples/``; each input goes through ``pipeline.analyze_many`` (what ``newsint`` runs
on a stream), one JSON file per document in FOLDER, named by its position in the run. The
stage versions an Analysis records (``stages``) are left out of the comparison.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path

from newsint.errors import NewsintError

ROOT = Path(__file__).resolve().parents[1]
SUFFIXES = {".txt", ".html", ".pdf", ".jsonl"}
DEFAULT_INPUTS = (ROOT.parent / "shared" / "data" / "news" / "guardian-syria.jsonl", ROOT / "examples")


def input_files(inputs: list[Path]) -> list[Path]:
    files: list[Path] = []
    for path in inputs:
        if path.is_dir():
            files += sorted(p for p in path.iterdir() if p.is_file() and p.suffix in SUFFIXES)
        else:
            files.append(path)
    return files


def analyses(files: list[Path]) -> Iterator[tuple[str, str]]:
    """(name, JSON) for every document of every file, in order; a failure as its error text."""
    from newsint.pipeline import analyze_stream
    from newsint.readers import read_path
    from newsint.settings import Settings

    settings = Settings()
    count = 0
    for path in files:
        for outcome in analyze_stream(read_path(path, settings)):
            count += 1
            name = f"{count:04d}-{path.stem}.json"
            if isinstance(outcome, NewsintError):
                yield name, json.dumps({"error": str(outcome)}, ensure_ascii=False)
            else:
                # The stage versions are left out: bumping one is not a change of output.
                data = outcome.to_dict()
                data.pop("stages", None)
                yield name, json.dumps(data, ensure_ascii=False, indent=1)


def first_difference(before: str, after: str) -> str:
    try:
        old, new = json.loads(before), json.loads(after)
    except ValueError:
        return "not JSON"
    keys = [k for k in sorted(set(old) | set(new)) if old.get(k) != new.get(k)]
    return ", ".join(keys) or "formatting only"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument("mode", choices=("dump", "check"))
    parser.add_argument("folder", type=Path)
    parser.add_argument("inputs", nargs="*", type=Path, help="files or folders (default: Guardian articles, examples/)")
    args = parser.parse_args(argv)
    files = input_files(args.inputs or list(DEFAULT_INPUTS))
    if args.mode == "dump":
        args.folder.mkdir(parents=True, exist_ok=True)
        written = 0
        for name, text in analyses(files):
            (args.folder / name).write_text(text, encoding="utf-8")
            written += 1
        print(f"{written} analyses written to {args.folder}")
        return 0
    expected = {p.name: p.read_text(encoding="utf-8") for p in args.folder.glob("*.json")}
    seen, changed = set(), []
    for name, text in analyses(files):
        seen.add(name)
        if expected.get(name) != text:
            changed.append(f"{name}: {first_difference(expected[name], text) if name in expected else 'new'}")
    missing = sorted(set(expected) - seen)
    for line in changed + [f"{name}: missing" for name in missing]:
        print(line)
    print(f"{len(seen)} analyses, {len(changed)} changed, {len(missing)} missing")
    return 1 if changed or missing else 0


if __name__ == "__main__":
    sys.exit(main())
