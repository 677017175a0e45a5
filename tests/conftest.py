"""Shared fixtures: a CLI runner that keeps stdout and stderr apart, the example corpus, and
stores on both backends.

Test modules locate the shared evaluation data themselves, as the repository root's sibling
``shared/`` (``Path(__file__).resolve().parents[N] / ".." / "shared"``), read it at run time and
never copy it into the repository; where it is absent they skip with the reason. (Helpers are
not imported from this file: with several ``conftest.py`` files in folders without
``__init__.py``, ``import conftest`` is ambiguous.)

Stores: every store-backed test runs on SQLite and on a real PostgreSQL server (``store_url``,
``examples_store``, ``feed_store``). The PostgreSQL server is started once per session: ``initdb``
into a throwaway folder under /tmp, ``pg_ctl start`` on 127.0.0.1 at a free port with its unix
socket in the same folder, and stopped (``-m immediate``) and removed at the end. Each test (or
each shared read-only store) gets a fresh database on it. The binaries are taken from PATH or
Debian's /usr/lib/postgresql/*/bin. PostgreSQL refuses to run as root, so when the tests run as
root the server runs as the ``postgres`` user (else ``nobody``) through ``setpriv``. Without the
binaries the PostgreSQL cases skip and say why.
"""

from __future__ import annotations

import contextlib
import glob
import json
import os
import shutil
import socket
import subprocess
import tempfile
import traceback
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsint.model import CorpusArticle

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

# Tests never read or write the user's cache (newsint/cache.py): one throwaway cache for the whole
# session, set before anything builds the model so that the CLI run in subprocesses shares it.
TEST_CACHE_DIR = tempfile.mkdtemp(prefix="newsint-test-cache-")
# Shared with the tests that run the CLI as another user (read-only stores), like /tmp itself.
os.chmod(TEST_CACHE_DIR, 0o1777)
os.environ["NEWSINT_CACHE_DIR"] = TEST_CACHE_DIR
# The CLI tests run commands in this process, many of them, on a few documents each: one worker
# (the in-process path, its model loaded once for the session). The tests of worker processes
# (tests/runner/) ask for them with --workers.
os.environ["NEWSINT_WORKERS"] = "1"


def pytest_unconfigure(config) -> None:
    shutil.rmtree(TEST_CACHE_DIR, ignore_errors=True)


PG_STARTUP_TIMEOUT_S = 60


@dataclass
class CliResult:
    exit_code: int
    stdout: str
    stderr: str

    @property
    def error_lines(self) -> list[str]:
        return [line for line in self.stderr.splitlines() if line.strip()]

    def json(self):
        return json.loads(self.stdout)

    def jsonl(self) -> list[dict]:
        return [json.loads(line) for line in self.stdout.splitlines() if line.strip()]


@pytest.fixture
def cli(monkeypatch) -> Callable[..., CliResult]:
    """Run ``newsint`` in-process (typer's CliRunner on ``newsint.cli.app``).

    An exception that escapes the command is added to stderr as the traceback a user would see,
    so "no traceback on stderr" covers it.
    """
    from newsint.cli import app

    monkeypatch.delenv("NEWSINT_MAX_INPUT_BYTES", raising=False)

    def run(*args: object, env: dict[str, str] | None = None) -> CliResult:
        result = CliRunner().invoke(app, [str(a) for a in args], env=env, catch_exceptions=True)
        stderr = result.stderr
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            stderr += "".join(traceback.format_exception(result.exception))
        return CliResult(result.exit_code, result.stdout, stderr)

    return run


def _pg_bin(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), reverse=True)  # newest major first
    return candidates[0] if candidates else None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _run_as() -> tuple[list[str], int | None, int | None]:
    """The command prefix (and uid/gid) that runs the server as a non-root user when we are root."""
    if os.geteuid() != 0:
        return [], None, None
    import pwd

    for user in ("postgres", "nobody"):
        try:
            entry = pwd.getpwnam(user)
        except KeyError:
            continue
        setpriv = shutil.which("setpriv")
        if setpriv:
            return (
                [setpriv, f"--reuid={entry.pw_uid}", f"--regid={entry.pw_gid}", "--clear-groups", "--"],
                (entry.pw_uid),
                entry.pw_gid,
            )
        runuser = shutil.which("runuser")
        if runuser:
            return [runuser, "-u", user, "--"], entry.pw_uid, entry.pw_gid
    pytest.skip("running as root and no non-root user (postgres, nobody) with setpriv/runuser to run PostgreSQL")


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """The base URL (no database name) of a PostgreSQL server running for this test session."""
    initdb, pg_ctl = _pg_bin("initdb"), _pg_bin("pg_ctl")
    if not (initdb and pg_ctl):
        pytest.skip("PostgreSQL server binaries (initdb, pg_ctl) not found on PATH or in /usr/lib/postgresql/*/bin")
    pytest.importorskip("psycopg", reason="psycopg (the PostgreSQL driver) is not installed")
    prefix, uid, gid = _run_as()
    folder = Path(tempfile.mkdtemp(prefix="newsint-pg-"))
    if uid is not None:
        os.chown(folder, uid, gid)
    data, log, port = folder / "data", folder / "server.log", _free_port()
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.PIPE, "text": True}
    try:
        done = subprocess.run(
            [*prefix, initdb, "-D", str(data), "-U", "newsint", "--auth=trust", "-E", "UTF8", "--no-sync"],
            **quiet,
            timeout=PG_STARTUP_TIMEOUT_S,
        )
        if done.returncode:
            pytest.skip(f"initdb failed: {done.stderr.strip().splitlines()[-1:]}")
        options = f"-c listen_addresses=127.0.0.1 -p {port} -k {folder} -c fsync=off -c full_page_writes=off"
        done = subprocess.run(
            [*prefix, pg_ctl, "-D", str(data), "-o", options, "-l", str(log), "-w", "-t", str(PG_STARTUP_TIMEOUT_S),
             "start"],
            **quiet,
            timeout=PG_STARTUP_TIMEOUT_S + 10,
        )  # fmt: skip
        if done.returncode:
            tail = log.read_text(errors="replace").strip().splitlines()[-3:] if log.exists() else []
            pytest.skip(f"PostgreSQL did not start: {done.stderr.strip()} {tail}")
        try:
            yield f"postgresql://newsint@127.0.0.1:{port}"
        finally:
            subprocess.run([*prefix, pg_ctl, "-D", str(data), "-m", "immediate", "stop"], **quiet, timeout=60)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@contextlib.contextmanager
def _fresh_database(server: str) -> Iterator[str]:
    """A new, empty database on the server, dropped afterwards (even with connections left open)."""
    import psycopg

    name = "t_" + uuid.uuid4().hex[:12]
    with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    try:
        yield f"{server}/{name}"
    finally:
        with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture
def postgres_url(postgres_server: str) -> Iterator[str]:
    """A fresh, empty database on the session's server."""
    with _fresh_database(postgres_server) as url:
        yield url


BACKENDS = ["sqlite", "postgresql"]


@pytest.fixture(params=BACKENDS)
def store_url(request, tmp_path) -> str:
    """The same store tests on both backends: a SQLite file, or a fresh PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "newsint.db")
    return request.getfixturevalue("postgres_url")


@contextlib.contextmanager
def _ingested_store(backend: str, request, tmp_path_factory, *paths: Path) -> Iterator[str]:
    """A store on ``backend`` holding ``paths``, ingested by ``newsint ingest``."""
    from newsint.cli import app

    with contextlib.ExitStack() as stack:
        if backend == "sqlite":
            url = str(tmp_path_factory.mktemp("store") / "newsint.db")
        else:
            url = stack.enter_context(_fresh_database(request.getfixturevalue("postgres_server")))
        args = ["ingest", *(str(p) for p in paths), "--db", url]
        result = CliRunner().invoke(app, args, env={"NEWSINT_MAX_INPUT_BYTES": None})
        assert result.exit_code == 0, result.output
        yield url


@pytest.fixture(scope="session")
def examples_sqlite(request, tmp_path_factory) -> Iterator[str]:
    """examples/ ingested once per session into a SQLite file; tests must only read it."""
    with _ingested_store("sqlite", request, tmp_path_factory, EXAMPLES) as url:
        yield url


@pytest.fixture(scope="session")
def examples_postgresql(request, tmp_path_factory) -> Iterator[str]:
    """examples/ ingested once per session into a PostgreSQL database; tests must only read it."""
    with _ingested_store("postgresql", request, tmp_path_factory, EXAMPLES) as url:
        yield url


@pytest.fixture(params=BACKENDS)
def examples_store(request) -> str:
    """The store URL of examples/ on each backend (ingested once per session); read only."""
    return request.getfixturevalue(f"examples_{request.param}")


@pytest.fixture(scope="session", params=BACKENDS)
def feed_store(request, tmp_path_factory) -> Iterator[str]:
    """examples/meridian-wire-feed.jsonl (three articles) ingested once per backend; read only."""
    with _ingested_store(request.param, request, tmp_path_factory, EXAMPLES / "meridian-wire-feed.jsonl") as url:
        yield url


@pytest.fixture(scope="session")
def example_corpus() -> list[CorpusArticle]:
    """examples/ analysed by the real pipeline, in memory (no store), once per session."""
    from newsint.pipeline import analyze_many
    from newsint.readers import expand, read_path
    from newsint.settings import Settings

    raws = [item for path in expand([str(EXAMPLES)]) for item in read_path(path, Settings())]
    assert not [r for r in raws if isinstance(r, Exception)]
    return [CorpusArticle(article_id=a.document.id, analysis=a) for a in analyze_many(raws)]


@pytest.fixture
def replace_stage(monkeypatch) -> Callable[[str, Callable[..., object]], None]:
    """``replace_stage("newsint.quantities.", wrap)``: run that stage of ``pipeline.STAGES`` as
    ``wrap(real_run)`` returns it, for this test only (the registry is the one place the
    pipeline finds its stages; patching a module's imported function would not reach it)."""
    import dataclasses

    from newsint import pipeline

    def replace(prefix: str, wrap: Callable[..., object]) -> None:
        (stage,) = [s for s in pipeline.STAGES if s.name.startswith(prefix)]
        new = dataclasses.replace(stage, run=wrap(stage.run))
        monkeypatch.setattr(pipeline, "STAGES", tuple(new if s is stage else s for s in pipeline.STAGES))

    return replace
