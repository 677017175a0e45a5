"""One input shard in, its analyses out: ``process_shard(shard, output)``, the unit of a batch run.

A shard is anything the readers take as one input: a JSON Lines file, a folder, a single article,
a WARC once a reader for it exists (it goes through ``readers.expand`` and
``pipeline.analyze_paths`` like every other input). Its output is two files in the run's folder:

    NAME-HASH.jsonl.gz          one Analysis (``Analysis.to_dict()``) per line, gzip
    NAME-HASH.failures.jsonl    one failure record per document that failed: source, code, reason

NAME is the shard's own name (made safe for a file name) and HASH a digest of its absolute path,
so that two shards called ``day1.jsonl`` in different folders do not share an output.

Idempotent and resumable: both files are written under temporary names (with the writing
process's id) and renamed into place, the failures first and the analyses last. The analyses
file existing is the one sign that a shard is complete: a shard whose output exists is skipped,
and a worker killed mid-shard leaves only a temporary file, which ``remove_leftovers`` clears
before and after a run.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import re
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from newsint.errors import NewsintError
from newsint.runner.records import failure_to_dict
from newsint.runner.worker import peak_rss_mib, prepare_worker
from newsint.settings import Settings
from newsint.source_name import source_name

OUTPUT_SUFFIX = ".jsonl.gz"
FAILURES_SUFFIX = ".failures.jsonl"
TEMP_SUFFIX = ".tmp"
# gzip's default level 9 costs several times level 6 for a few percent smaller JSON.
GZIP_LEVEL = 6
# Enough of the shard's name to recognise it in a listing; the hash keeps it unique.
MAX_NAME_CHARS = 80
_UNSAFE_NAME_CHARS = re.compile(r"[^A-Za-z0-9._-]+")
# What ``_temp_name`` makes: ".NAME.jsonl.gz.PID.tmp" or ".NAME.failures.jsonl.PID.tmp".
_TEMP_NAME = re.compile(rf"\..+({re.escape(OUTPUT_SUFFIX)}|{re.escape(FAILURES_SUFFIX)})\.\d+{re.escape(TEMP_SUFFIX)}")


@dataclass(slots=True)
class ShardReport:
    """What one ``process_shard`` call did (a plain dict across processes: ``to_dict``)."""

    shard: str
    output: str
    documents: int = 0  # analyses written
    failed: int = 0  # failure records written
    skipped: bool = False  # the output existed already: nothing was done
    worker_pid: int = 0
    worker_peak_rss_mib: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def shard_output(shard: Path, out_dir: Path) -> Path:
    """Where this shard's analyses go in ``out_dir`` (the same path for the same shard, every run)."""
    absolute = shard.resolve()
    digest = hashlib.sha256(os.fsencode(absolute)).hexdigest()[:12]
    name = _UNSAFE_NAME_CHARS.sub("_", source_name(absolute.name)).strip("._")[:MAX_NAME_CHARS] or "shard"
    return out_dir / f"{name}-{digest}{OUTPUT_SUFFIX}"


def failures_path(output: Path) -> Path:
    """The failure records beside a shard's analyses."""
    return output.with_name(output.name.removesuffix(OUTPUT_SUFFIX) + FAILURES_SUFFIX)


def is_complete(output: Path) -> bool:
    return output.is_file()


def process_shard(shard: str | Path, output: str | Path, settings: Settings | None = None) -> dict[str, Any]:
    """Analyse every document of ``shard`` into ``output`` (and its failures file), unless
    ``output`` exists; returns the ``ShardReport`` as a plain dict. A document that fails is
    recorded and the rest go on; an error of the writing itself (disk full) raises, and leaves no
    output, so the shard runs again next time."""
    from newsint.pipeline import analyze_paths
    from newsint.readers import expand

    shard, output = Path(shard), Path(output)
    report = ShardReport(source_name(shard), source_name(output), worker_pid=os.getpid())
    if is_complete(output):
        report.skipped = True
        return report.to_dict()
    settings = settings or Settings.from_env()
    prepare_worker()  # already done by the worker plugin or the pool's initializer: then free
    analyses_temp = _temp_name(output)
    failures_final = failures_path(output)
    failures_temp = _temp_name(failures_final)
    try:
        with (
            gzip.open(analyses_temp, "wt", encoding="utf-8", compresslevel=GZIP_LEVEL) as analyses,
            open(failures_temp, "w", encoding="utf-8") as failures,
        ):
            for outcome in analyze_paths(expand([os.fspath(shard)]), settings):
                if isinstance(outcome, NewsintError):
                    failures.write(json.dumps(failure_to_dict(outcome), ensure_ascii=False) + "\n")
                    report.failed += 1
                else:
                    analyses.write(outcome.to_json() + "\n")
                    report.documents += 1
            failures.flush()
            os.fsync(failures.fileno())
        _fsync(analyses_temp)
        # The analyses last: once they are in place the shard counts as done.
        os.replace(failures_temp, failures_final)
        os.replace(analyses_temp, output)
    finally:
        for temp in (analyses_temp, failures_temp):
            temp.unlink(missing_ok=True)
    report.worker_peak_rss_mib = round(peak_rss_mib(), 1)
    return report.to_dict()


def remove_leftovers(out_dir: Path) -> int:
    """Delete the temporary files of shards that were being written when their worker died; call
    only while no shard of this folder is being processed. Returns how many were removed."""
    removed = 0
    for temp in out_dir.iterdir():
        if _TEMP_NAME.fullmatch(temp.name):
            temp.unlink(missing_ok=True)
            removed += 1
    return removed


def _temp_name(final: Path) -> Path:
    # Hidden, and named by the process writing it: two attempts at one shard (a task Dask ran
    # twice) never write the same file, and a test or an operator can tell who was writing it.
    return final.with_name(f".{final.name}.{os.getpid()}{TEMP_SUFFIX}")


def _fsync(path: Path) -> None:
    with open(path, "rb") as file:
        os.fsync(file.fileno())
