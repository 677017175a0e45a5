"""Store fixtures: a store per test on SQLite and on a real PostgreSQL server.

The PostgreSQL server is started once per session: ``initdb`` into a throwaway folder under /tmp,
``pg_ctl start`` on 127.0.0.1 at a free port with its unix socket in the same folder, and
stopped (``-m immediate``) and removed at the end. Each test gets a fresh database on it. The
binaries are taken from PATH or Debian's /usr/lib/postgresql/*/bin. PostgreSQL refuses to run as
root, so when the tests run as root the server runs as the ``postgres`` user (else ``nobody``)
through ``setpriv``. Without the binaries the PostgreSQL cases skip and say why.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

PG_STARTUP_TIMEOUT_S = 60


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


@pytest.fixture
def postgres_url(postgres_server: str) -> Iterator[str]:
    """A fresh, empty database on the session's server."""
    import psycopg

    name = "t_" + uuid.uuid4().hex[:12]
    with psycopg.connect(f"{postgres_server}/postgres", autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    yield f"{postgres_server}/{name}"
    with psycopg.connect(f"{postgres_server}/postgres", autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path) -> str:
    """The same store tests on both backends: a SQLite file, or a fresh PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "newsint.db")
    return request.getfixturevalue("postgres_url")


@pytest.fixture
def store(store_url):
    from newsint.store import open_store

    with open_store(store_url) as opened:
        yield opened
