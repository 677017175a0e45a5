"""Corpus views at scale (issue #18): build a large store from real analyses, time every view.

    python benchmarks/scale.py build SEED_DB OUT_DB [--articles 100000]
    python benchmarks/scale.py time DB [--timeout 120] [--memory-gib 4] [--only brief,timeline]

``build``: SEED_DB is a store of real analyses (``newsint ingest ../shared/data/news examples
--db SEED_DB``). OUT_DB gets ``--articles`` articles, each a copy of a seed article with its own
id, publication date (spread over five years), outlet (one of 400) and figures (each article's
quantities scaled by one of a few factors, so figure groups both corroborate and contradict).
Rows are the ones ``store/rows.py`` makes of each seed Analysis, as ``Store.add`` writes them,
into a store created by ``open_store`` (so the schema is exactly a real store's), in large
transactions by SQL (``INSERT … SELECT`` from the seeds' rows), without re-analysing or the
per-article near-duplicate lookup (copies carry no MinHash, so none is a near-duplicate).

``time``: runs each corpus view and export as its own ``newsint`` process (output to a file),
and reports its wall time, CPU time (user + system: the view's own cost on a shared machine) and
peak RSS (``os.wait4``'s ``ru_utime``, ``ru_stime``, ``ru_maxrss``). Each process runs under an
address-space limit (``--memory-gib``) and a timeout, so a view that would need the whole store
in memory fails fast instead of pushing a shared machine into swap; such a view is reported as
over the limit, never as a number it did not reach.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import hashlib
import json
import os
import resource
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from newsint.model import Analysis
from newsint.store import open_store
from newsint.store.rows import COLUMNS, item_rows, search_rows

ROOT = Path(__file__).resolve().parents[1]
NEWSINT = [sys.executable, "-m", "newsint"]
FIRST_DAY = dt.date(2019, 1, 1)
DAYS = 5 * 365
OUTLETS = 400
# Figures vary between copies: most repeat the seed's value (corroboration), some differ enough to
# contradict it. Chosen per article, so one article's figures stay consistent with each other.
FIGURE_FACTORS = (1.0, 1.0, 1.0, 1.0, 1.05, 0.5, 2.0, 3.0)

# name -> arguments after `newsint`; "{out}" is a file in a scratch folder.
VIEWS: dict[str, list[str]] = {
    "brief": ["brief"],
    "claims (json)": ["claims", "--format", "json"],
    "claims --contradictions (json)": ["claims", "--contradictions", "--format", "json"],
    "timeline": ["timeline"],
    "timeline --actor RUS --from 2021-01-01 --to 2021-03-31": [
        "timeline", "--actor", "RUS", "--from", "2021-01-01", "--to", "2021-03-31"],
    "entity NATO": ["entity", "NATO"],
    "search troops (20 hits)": ["search", "troops"],
    "search troops --entity NATO --from 2021": ["search", "troops", "--entity", "NATO", "--from", "2021"],
    "stats": ["stats"],
    **{f"export {f}": ["export", "--format", f, "--out", "{out}"]
       for f in ("jsonl", "csv", "geojson", "gexf", "acled", "ftm")},
}  # fmt: skip


@dataclass(frozen=True, slots=True, eq=False)  # hashed by identity: a cache key
class Seed:
    article_id: str
    source: str
    url: str | None
    title: str | None
    published_basis: str
    language: str | None
    analysis: dict
    rows: dict[str, list[tuple]]  # table -> that article's rows, article_id first
    search: list[tuple]  # (kind, article_id, item_id, body)


def read_seeds(seed_db: Path) -> list[Seed]:
    """The seed articles, with the rows the store's own ``item_rows``/``search_rows`` give for
    them (not the seed's tables: a seed written by an older schema has other columns)."""
    connection = sqlite3.connect(f"file:{seed_db}?mode=ro", uri=True)
    articles = connection.execute(
        "SELECT id, source, url, title, published_basis, language, analysis FROM articles ORDER BY seq"
    ).fetchall()
    connection.close()
    seeds = []
    for article_id, source, url, title, basis, language, analysis in articles:
        parsed = Analysis.from_json(analysis)
        rows = {table: [tuple(row) for row in table_rows]
                for table, table_rows in item_rows(article_id, parsed, str).items()}  # fmt: skip
        search = search_rows(article_id, parsed)
        seeds.append(Seed(article_id, source, url, title, basis, language, json.loads(analysis), rows, search))
    return seeds


def build(seed_db: Path, out_db: Path, articles: int) -> None:
    """The copies are written by SQL: the seed rows go into temporary tables once, then each
    table is filled for a chunk of copies by one ``INSERT … SELECT`` joining the seeds to the
    copies' ids, dates, outlets and figure factors (a Python loop over 100,000 articles and
    their ~300 rows each took hours on a shared 2-core machine)."""
    seeds = read_seeds(seed_db)
    if not seeds:
        sys.exit(f"scale.py: no articles in {seed_db}")
    open_store(str(out_db)).close()  # the real schema, every migration applied
    connection = sqlite3.connect(out_db, isolation_level=None)
    connection.execute("PRAGMA synchronous=OFF")  # a benchmark store: rebuilt, never recovered
    connection.execute("PRAGMA temp_store=MEMORY")
    start_seq = connection.execute("SELECT COALESCE(MAX(seq), 0) FROM articles").fetchone()[0]
    _load_seeds(connection, seeds)
    connection.execute(
        "CREATE TEMP TABLE copies (number INTEGER PRIMARY KEY, seed INTEGER, key TEXT, seq INTEGER, "
        "published TEXT, outlet TEXT, factor INTEGER)"
    )
    connection.executemany(
        "INSERT INTO copies VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            (
                number,
                number % len(seeds),
                hashlib.sha256(f"{seeds[number % len(seeds)].article_id}:{number}".encode()).hexdigest(),
                start_seq + number + 1,
                (FIRST_DAY + dt.timedelta(days=(number * 7919) % DAYS)).isoformat(),
                f"Outlet {number * 31 % OUTLETS:03d}",
                number % len(FIGURE_FACTORS),
            )
            for number in range(articles)
        ),
    )
    started = time.perf_counter()
    for chunk in range(0, articles, CHUNK):
        connection.execute("BEGIN")
        for statement in _copy_statements():
            connection.execute(statement, (chunk, chunk + CHUNK - 1))
        connection.execute("COMMIT")
        done = min(articles, chunk + CHUNK)
        print(f"{done} of {articles} articles, {time.perf_counter() - started:.0f} s", file=sys.stderr, flush=True)
    connection.execute("ANALYZE")
    connection.close()
    size = out_db.stat().st_size
    print(f"{articles} articles from {len(seeds)} seed analyses in {time.perf_counter() - started:.0f} s; "
          f"{size / 2**30:.2f} GiB, {size / articles / 1024:.1f} KiB per article")  # fmt: skip


CHUNK = 10_000  # copies per transaction
_STAMP = "2026-12-08T00:00:00+00:00"


def _load_seeds(connection: sqlite3.Connection, seeds: list[Seed]) -> None:
    connection.execute(
        "CREATE TEMP TABLE seed_articles (seed INTEGER PRIMARY KEY, url TEXT, title TEXT, language TEXT)"
    )
    connection.executemany(
        "INSERT INTO seed_articles VALUES (?, ?, ?, ?)", [(n, s.url, s.title, s.language) for n, s in enumerate(seeds)]
    )
    connection.execute("CREATE TEMP TABLE seed_json (seed INTEGER, factor INTEGER, analysis TEXT)")
    connection.executemany(
        "INSERT INTO seed_json VALUES (?, ?, ?)",
        [(n, f, _analysis_json(s, value)) for n, s in enumerate(seeds) for f, value in enumerate(FIGURE_FACTORS)],
    )
    connection.execute("CREATE INDEX temp.seed_json_key ON seed_json(seed, factor)")
    connection.execute("CREATE TEMP TABLE factors (factor INTEGER PRIMARY KEY, value REAL)")
    connection.executemany("INSERT INTO factors VALUES (?, ?)", list(enumerate(FIGURE_FACTORS)))
    for table, columns in COLUMNS.items():
        connection.execute(f"CREATE TEMP TABLE seed_{table} (seed INTEGER, {', '.join(columns)})")
        marks = ", ".join("?" * (len(columns) + 1))
        connection.executemany(
            f"INSERT INTO seed_{table} VALUES ({marks})",
            [(n, *row) for n, s in enumerate(seeds) for row in s.rows[table]],
        )
        connection.execute(f"CREATE INDEX temp.seed_{table}_seed ON seed_{table}(seed)")
    connection.execute("CREATE TEMP TABLE seed_search (seed INTEGER, kind TEXT, item_id TEXT, body TEXT)")
    connection.executemany(
        "INSERT INTO seed_search VALUES (?, ?, ?, ?)",
        [(n, kind, item, body) for n, s in enumerate(seeds) for kind, _, item, body in s.search],
    )
    connection.execute("CREATE INDEX temp.seed_search_seed ON seed_search(seed)")


def _copy_statements() -> list[str]:
    """One INSERT … SELECT per table, over the copies numbered between the two parameters."""
    chosen = "c.number BETWEEN ? AND ?"
    analysis = "j.analysis"
    for placeholder, value in (
        (_PUBLISHED, "c.published"),
        (_SITE, "c.outlet"),
        (_SOURCE, "'synthetic://' || c.number"),
    ):
        # The stand-in as JSON text ("\u0000published") becomes the copy's value as a JSON string
        # (dates, "Outlet 123" and "synthetic://N" need no escaping).
        analysis = f"replace({analysis}, '{json.dumps(placeholder)}', '\"' || {value} || '\"')"
    statements = [
        "INSERT INTO articles (id, seq, source, url, outlet, title, published, published_basis, language, analysis, "
        f"ingested_at) SELECT c.key, c.seq, 'synthetic://' || c.number, s.url, c.outlet, s.title, c.published, "
        f"'metadata', s.language, {analysis}, '{_STAMP}' FROM copies c JOIN seed_articles s ON s.seed = c.seed "
        f"JOIN seed_json j ON j.seed = c.seed AND j.factor = c.factor WHERE {chosen} ORDER BY c.number",
        f"INSERT INTO sources (source, article_id, ingested_at) SELECT 'synthetic://' || c.number, c.key, '{_STAMP}' "
        f"FROM copies c WHERE {chosen}",
        "INSERT INTO search_index (kind, article_id, item_id, body) SELECT r.kind, c.key, r.item_id, r.body "
        f"FROM copies c JOIN seed_search r ON r.seed = c.seed WHERE {chosen} ORDER BY c.number, r.rowid",
    ]
    for table, columns in COLUMNS.items():
        values = [
            "c.key" if column == "article_id"
            else f"r.{column} * f.value" if table == "quantities" and column in ("value", "low", "high")
            else f"r.{column}"
            for column in columns
        ]  # fmt: skip
        statements.append(
            f"INSERT INTO {table} ({', '.join(columns)}) SELECT {', '.join(values)} FROM copies c "
            f"JOIN seed_{table} r ON r.seed = c.seed JOIN factors f ON f.factor = c.factor "
            f"WHERE {chosen} ORDER BY c.number, r.rowid"
        )
    return statements


# Stand-ins for what each copy changes in its Analysis JSON: the JSON of a seed at one figure
# factor is written once (json.dumps of a 50 KB Analysis per copy was most of the build time).
_PUBLISHED, _SITE, _SOURCE = "\x00published", "\x00site", "\x00source"


@functools.cache
def _analysis_json(seed: Seed, factor: float) -> str:
    analysis = dict(seed.analysis)
    analysis["document"] = {**seed.analysis["document"], "published": _PUBLISHED, "site": _SITE,
                            "published_basis": "metadata", "source": _SOURCE}  # fmt: skip
    analysis["quantities"] = [
        {**q, **{k: q[k] * factor for k in ("value", "low", "high") if isinstance(q.get(k), int | float)}}
        for q in seed.analysis["quantities"]
    ]
    return json.dumps(analysis, ensure_ascii=False)


@dataclass(frozen=True, slots=True)
class Timing:
    view: str
    seconds: float
    cpu_seconds: float  # user + system: what the view costs, whatever else the machine runs
    peak_rss_mib: float
    outcome: str  # "ok", "timeout", "exit N: first line of stderr"


def time_view(name: str, arguments: list[str], db: Path, timeout: float, memory_bytes: int) -> Timing:
    with tempfile.TemporaryDirectory(prefix="newsint-scale-") as scratch:
        args = [a.replace("{out}", str(Path(scratch) / "export.out")) for a in arguments]

        def limit_memory() -> None:
            resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))

        with open(Path(scratch) / "stdout", "wb") as stdout, open(Path(scratch) / "stderr", "wb") as stderr:
            started = time.perf_counter()
            process = subprocess.Popen([*NEWSINT, *args, "--db", str(db)], stdout=stdout, stderr=stderr,
                                       preexec_fn=limit_memory)  # fmt: skip
            outcome = "ok"
            deadline = started + timeout
            while True:
                pid, status, usage = os.wait4(process.pid, os.WNOHANG)
                if pid:
                    break
                if time.perf_counter() > deadline:
                    process.send_signal(signal.SIGKILL)
                    pid, status, usage = os.wait4(process.pid, 0)
                    outcome = "timeout"
                    break
                time.sleep(0.05)
            seconds = time.perf_counter() - started
        code = os.waitstatus_to_exitcode(status)
        if outcome == "ok" and code != 0:
            error = (Path(scratch) / "stderr").read_text(errors="replace").strip().splitlines()
            outcome = f"exit {code}: {(error[-1] if error else '')[:90]}"
    return Timing(name, seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, outcome)


def time_views(db: Path, timeout: float, memory_gib: float, only: list[str] | None) -> None:
    with open_store(str(db), read_only=True) as store:
        stats = store.stats()
    print(f"store: {db} ({stats.backend}), {stats.articles} articles, {stats.claims} claims, "
          f"{stats.events} events, {stats.mentions} mentions")  # fmt: skip
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}; cores: {os.cpu_count()}")
    print(f"limits per view: {timeout:.0f} s, {memory_gib:g} GiB address space")
    print()
    print("| view | wall s | CPU s | peak RSS MiB | outcome |")
    print("|---|---:|---:|---:|---|")
    for name, arguments in VIEWS.items():
        if only and not any(o in name for o in only):
            continue
        timing = time_view(name, arguments, db, timeout, int(memory_gib * 2**30))
        print(
            f"| {timing.view} | {timing.seconds:.1f} | {timing.cpu_seconds:.1f} | {timing.peak_rss_mib:.0f} "
            f"| {timing.outcome} |",
            flush=True,
        )
    print(f"\nload average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    build_command = commands.add_parser("build")
    build_command.add_argument("seed_db", type=Path)
    build_command.add_argument("out_db", type=Path)
    build_command.add_argument("--articles", type=int, default=100_000)
    time_command = commands.add_parser("time")
    time_command.add_argument("db")
    time_command.add_argument("--timeout", type=float, default=120.0)
    time_command.add_argument("--memory-gib", type=float, default=4.0)
    time_command.add_argument("--only", help="comma-separated parts of view names")
    args = parser.parse_args()
    if args.command == "build":
        if args.out_db.exists():
            sys.exit(f"scale.py: {args.out_db} exists: give a new file")
        build(args.seed_db, args.out_db, args.articles)
    else:
        time_views(Path(args.db), args.timeout, args.memory_gib, args.only.split(",") if args.only else None)


if __name__ == "__main__":
    main()
