"""Files to stored articles: read, analyse (batched, streaming) and store, one transaction each.

Memory stays flat however many files a run reads: documents flow from the readers through
``pipeline.analyze_paths`` (the door ``newsint analyze`` uses too) into ``Store.add`` one by one.
An input that fails (unreadable file, no article text, a bad JSON Lines record) is recorded in the
store's failures with its reason and code, and the run goes on (``Settings.fail_fast``: it stops
there). Killing the run loses nothing already committed; ``resume=True`` then skips every source
the store already holds or has recorded as failed, without reading it again. Sources are stored
as absolute paths so that a resumed run from another folder still finds them, written as text by
``newsint.source_name`` (a name whose bytes are not UTF-8 included), which ``retry_paths`` turns
back into the file's real name.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from newsint.errors import NewsintError, StoreError
from newsint.model import Analysis
from newsint.readers import Input, RawDocument, WebAddress, expand, input_name
from newsint.readers.fetch import is_url
from newsint.settings import Settings
from newsint.source_name import source_path
from newsint.store.store import Outcome, Store

# A JSON Lines record's source is "<file>:<line>" (readers/jsonl.py).
_RECORD_SOURCE = re.compile(r"^(?P<file>.+):(?P<line>\d+)$")


@dataclass(slots=True)
class IngestReport:
    stored: int = 0  # new independent articles
    duplicates: int = 0  # new articles linked to an earlier copy
    unchanged: int = 0  # already in the store (same text)
    skipped: int = 0  # sources passed over by --resume
    failed: int = 0
    errors: list[NewsintError] = field(default_factory=list)

    def summary(self, location: str) -> str:
        parts = [
            f"stored {self.stored + self.duplicates} new article(s)"
            + (f" ({self.duplicates} near-duplicate(s) of earlier ones)" if self.duplicates else ""),
            f"{self.unchanged} already stored",
        ]
        if self.skipped:
            parts.append(f"{self.skipped} source(s) skipped (--resume)")
        parts.append(f"{self.failed} failed")
        return f"{', '.join(parts)}; store: {location}"


def ingest(
    paths: list[str],  # files, folders, globs and http(s) URLs
    store: Store,
    *,
    settings: Settings,
    resume: bool = False,
    only: set[str] | None = None,
    workers: int = 1,
    on_error: Callable[[NewsintError], None] = lambda error: None,
    on_file_done: Callable[[], None] = lambda: None,
) -> IngestReport:
    """Store the articles in ``paths`` (files, folders, globs), read and analysed as ``settings``
    say (``pipeline.analyze_paths``; with ``settings.fail_fast`` the run stops at the first failed
    document, recorded like any other). ``only``: keep just these sources (``newsint failed
    --retry``). ``workers`` > 1: the analysis runs in that many worker processes
    (``runner.local_pool``), the outcomes come back in input order and this process stays the
    store's one writer, so the store ends the same as with one. A store that cannot be written
    stops the run (StoreError)."""
    report = IngestReport()
    known = store.known_sources() if resume else set()

    def files() -> Iterator[Input | NewsintError]:
        for entry in expand(paths):
            if isinstance(entry, NewsintError):
                yield entry
                continue
            path = entry if isinstance(entry, WebAddress) else entry.resolve()
            if input_name(path) in known:  # as read_path names what it reads
                report.skipped += 1
                on_file_done()
                continue
            yield path
            on_file_done()  # once the stream asks for the next file, this one has been read

    def wanted(path: Input, item: RawDocument | NewsintError) -> bool:
        source = item.path if isinstance(item, NewsintError) else item.source
        if only is not None and input_name(path) not in only and source not in only:
            return False
        if source in known:  # one record of a JSON Lines file stored by an earlier run
            report.skipped += 1
            return False
        return True

    # Imported here: the pipeline loads spaCy, which `newsint failed` (retry_paths) never needs.
    from newsint.runner.local_pool import analyze_paths_parallel

    for outcome in analyze_paths_parallel(files(), settings, workers=workers, keep=wanted):
        if isinstance(outcome, NewsintError):
            _fail(store, report, outcome, on_error)
            continue
        _store(store, report, outcome, on_error)
    return report


def _store(store: Store, report: IngestReport, analysis: Analysis, on_error: Callable[[NewsintError], None]) -> None:
    try:
        added = store.add(analysis)
    except StoreError as error:
        # One article the database refused (a constraint, a value it cannot hold): recorded like
        # any failed input. If recording fails too, the store itself is unusable: that ends the run.
        _fail(store, report, error, on_error)
        return
    if added.outcome is Outcome.stored:
        report.stored += 1
    elif added.outcome is Outcome.duplicate:
        report.duplicates += 1
    else:
        report.unchanged += 1


def _fail(store: Store, report: IngestReport, error: NewsintError, on_error: Callable[[NewsintError], None]) -> None:
    report.failed += 1
    report.errors.append(error)
    on_error(error)
    if error.path:
        store.record_failure(error.path, error)


def retry_paths(sources: list[str]) -> list[str]:
    """The files to read again for these failed sources: the file itself, or the JSON Lines file,
    WARC or feed a ``file:line`` record came from (a feed's URL for ``URL:item``); a source that
    no longer exists is kept (it fails again).
    Each is the file's real name (``source_path``), which may hold bytes that are not UTF-8."""
    files: dict[str, None] = {}
    for source in sources:
        path = source_path(source)
        match = _RECORD_SOURCE.match(source)
        if not Path(path).exists() and match and Path(source_path(match["file"])).is_file():
            files[source_path(match["file"])] = None
        elif match and is_url(source) and urlsplit(source).path:
            # An item of a feed fetched from a URL ("URL:item"): the feed. A URL with no path
            # ("http://host:8080") ends in its port, not an item number, and is kept whole.
            files[match["file"]] = None
        else:
            files[path] = None
    return list(files)
