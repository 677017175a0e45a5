"""Shard outputs into the store, without analysing anything again (``newsint merge DIR``).

Every complete shard output of a run's folder (``*.jsonl.gz``, shard.py) is read twice: once to
check it whole (gzip intact, every line an Analysis), then to add its analyses with the store's
own ``add`` (one transaction each) and its failure records with ``record_failure``. A corrupt or
truncated shard is one coded error and adds nothing; the other shards go on. Merging twice adds
nothing new: an article already stored comes back ``unchanged``, and a failure whose source the
store already knows (stored or failed) is not recorded again.
"""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsint.errors import MalformedError, NewsintError, NotFoundError
from newsint.model import Analysis
from newsint.runner.records import failure_from_dict
from newsint.runner.shard import FAILURES_SUFFIX, OUTPUT_SUFFIX, failures_path
from newsint.source_name import source_name
from newsint.store.store import Outcome, Store

# What a damaged gzip or a line that is not an Analysis raises while it is read.
_BAD_LINE = (ValueError, TypeError, KeyError, AttributeError)
_DAMAGE = (OSError, EOFError, zlib.error, *_BAD_LINE)


@dataclass(slots=True)
class MergeReport:
    shards: int = 0  # shard outputs merged
    bad_shards: int = 0  # refused whole (corrupt, truncated, not newsint's)
    stored: int = 0
    duplicates: int = 0
    unchanged: int = 0
    failures: int = 0  # failure records newly recorded
    failures_known: int = 0  # failure records whose source the store already knew

    def summary(self, location: str) -> str:
        return (
            f"merged {self.shards} shard(s): stored {self.stored + self.duplicates} new article(s)"
            + (f" ({self.duplicates} near-duplicate(s) of earlier ones)" if self.duplicates else "")
            + f", {self.unchanged} already stored, {self.failures} failure(s) recorded"
            + (f", {self.bad_shards} shard(s) refused" if self.bad_shards else "")
            + f"; store: {location}"
        )


def shard_outputs(folder: Path) -> list[Path]:
    """The complete shard outputs in ``folder``, in name order; NotFoundError when there are none."""
    if not folder.is_dir():
        raise NotFoundError("no such folder" if not folder.exists() else "not a folder", path=source_name(folder))
    found = sorted(p for p in folder.glob(f"*{OUTPUT_SUFFIX}") if not p.name.startswith(".") and p.is_file())
    if not found:
        raise NotFoundError(f"no shard outputs (*{OUTPUT_SUFFIX}) in this folder", path=source_name(folder))
    return found


def merge_shards(
    folder: Path,
    store: Store,
    *,
    on_error: Callable[[NewsintError], None] = lambda error: None,
    on_shard_done: Callable[[], None] = lambda: None,
) -> MergeReport:
    """Add every shard output in ``folder`` to ``store``. A store that cannot be written stops the
    run (StoreError); a bad shard goes to ``on_error`` and is counted in ``bad_shards``."""
    report = MergeReport()
    known = store.known_sources()
    for output in shard_outputs(folder):
        try:
            _check(output)
        except MalformedError as error:
            report.bad_shards += 1
            on_error(error)
            on_shard_done()
            continue
        for analysis in _analyses(output):
            added = store.add(analysis)
            known.add(analysis.document.source)
            if added.outcome is Outcome.stored:
                report.stored += 1
            elif added.outcome is Outcome.duplicate:
                report.duplicates += 1
            else:
                report.unchanged += 1
        for record in _failure_records(failures_path(output)):
            error = failure_from_dict(record)
            if not error.path or error.path in known:
                report.failures_known += 1
                continue
            store.record_failure(error.path, error)
            known.add(error.path)
            report.failures += 1
        report.shards += 1
        on_shard_done()
    return report


def _check(output: Path) -> None:
    """Read the whole shard output (and its failures) once: a MalformedError naming the line
    when any of it is not what ``process_shard`` writes."""
    for _ in _analyses(output):
        pass
    for record in _failure_records(failures_path(output)):
        if not isinstance(record, dict) or "reason" not in record:
            raise MalformedError("not a newsint failure record", path=source_name(failures_path(output)))


def _analyses(output: Path) -> Iterator[Analysis]:
    number = 0
    try:
        with gzip.open(output, "rt", encoding="utf-8") as lines:
            for number, text in enumerate(lines, start=1):  # noqa: B007 - named in the error below
                yield Analysis.from_dict(json.loads(text))
    except _DAMAGE as error:
        # A line that is not an Analysis is named; a broken gzip stream is found after the last good one.
        where = f"line {number}" if isinstance(error, _BAD_LINE) else f"after line {number}"
        raise MalformedError(
            f"not a complete shard output ({where}: {_reason(error)})", path=source_name(output)
        ) from None


def _failure_records(path: Path) -> Iterator[dict[str, Any]]:
    if not path.is_file():  # a shard with no failure file (written by hand, or an older run)
        return
    try:
        with open(path, encoding="utf-8") as lines:
            for number, text in enumerate(lines, start=1):
                try:
                    yield json.loads(text)
                except ValueError as error:
                    raise MalformedError(
                        f"not a failure record (line {number}: {_reason(error)})", path=source_name(path)
                    ) from None
    except (OSError, UnicodeDecodeError) as error:
        raise MalformedError(f"cannot read failure records ({_reason(error)})", path=source_name(path)) from None


def _reason(error: BaseException) -> str:
    return " ".join(str(error).split())[:200] or type(error).__name__


__all__ = ["FAILURES_SUFFIX", "MergeReport", "merge_shards", "shard_outputs"]
