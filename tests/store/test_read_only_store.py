"""A store the user cannot write (read-only media, someone else's folder) can still be read.

The read commands open the store read-only: SQLite with ``mode=ro``, plus ``immutable=1`` where
the folder is not writable (a WAL database cannot otherwise be read there: SQLite would have to
create its ``-shm`` index beside it); PostgreSQL with a read-only session. Writing (``ingest``)
into such a store is one StoreError line.

Permissions are real: the commands run in a separate process as a user the kernel holds to the
permission bits. The tests run as root here, and root may write anything, so that process runs
as ``nobody`` through ``setpriv``/``runuser`` (as tests/conftest.py runs PostgreSQL); run as
another user, it is that user and the bits apply to it directly.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsint.errors import NotFoundError, StoreError
from newsint.store import open_store
from newsint.store.migrations import LATEST_VERSION

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "example-wire-drills-extended.txt"
READ_COMMANDS = [
    ["stats"],
    ["search", "troops"],
    ["brief"],
    ["claims"],
    ["entity", "NATO"],
    ["timeline"],
    ["export", "--format", "jsonl"],
    ["failed"],
]
# Runs each command of argv[2] (JSON) against the store argv[1], in this one process.
RUN_COMMANDS = """
import json, sys, traceback
from typer.testing import CliRunner
from newsint.cli import app
results = []
for args in json.loads(sys.argv[2]):
    result = CliRunner().invoke(app, [*args, "--db", sys.argv[1]])
    crash = result.exception if not isinstance(result.exception, (SystemExit, type(None))) else None
    results.append({"args": args, "exit": result.exit_code, "stdout": result.stdout, "stderr": result.stderr,
                    "crash": "".join(traceback.format_exception(crash)) if crash else None})
print(json.dumps(results))
"""


def _unprivileged() -> list[str]:
    """The command prefix that runs a process as a user the permission bits apply to."""
    if os.name != "posix":
        pytest.skip("POSIX permissions")
    if os.geteuid() != 0:
        return []
    import pwd

    try:
        nobody = pwd.getpwnam("nobody")
    except KeyError:
        pytest.skip("running as root and there is no `nobody` user to drop to")
    if setpriv := shutil.which("setpriv"):
        return [setpriv, f"--reuid={nobody.pw_uid}", f"--regid={nobody.pw_gid}", "--clear-groups", "--"]
    if runuser := shutil.which("runuser"):
        return [runuser, "-u", "nobody", "--"]
    pytest.skip("running as root and neither setpriv nor runuser is there to drop to `nobody`")


def _run_as_reader(db: Path, commands: list[list[str]]) -> list[dict]:
    done = subprocess.run(
        [*_unprivileged(), sys.executable, "-c", RUN_COMMANDS, str(db), json.dumps(commands)],
        capture_output=True,
        text=True,
        timeout=600,
        env={k: v for k, v in os.environ.items() if k not in ("NEWSINT_DB", "NEWSINT_MAX_INPUT_BYTES")},
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.fixture(params=["read-only folder", "read-only file"])
def locked_store(request, examples_sqlite) -> Iterator[Path]:
    """A copy of the examples store that the reader process cannot write: the file (0444) in a
    folder it cannot write either (0555), or in one it can (0777). The folder's name has a space,
    '#' and '?' in it, which a SQLite URI must escape."""
    outer = Path(tempfile.mkdtemp(prefix="newsint-ro-"))
    outer.chmod(0o755)  # mkdtemp makes it 0700: the reader must get through it
    folder = outer / "media #1?"
    folder.mkdir()
    db = folder / "newsint.db"
    shutil.copyfile(examples_sqlite, db)  # closed by its writer: the WAL is checkpointed into the file
    db.chmod(0o444)
    folder.chmod(0o555 if request.param == "read-only folder" else 0o777)
    try:
        yield db
    finally:
        folder.chmod(0o755)
        shutil.rmtree(outer)


def test_every_read_command_works_and_ingest_is_one_store_error(locked_store) -> None:
    before = hashlib.sha256(locked_store.read_bytes()).hexdigest()
    results = _run_as_reader(locked_store, [*READ_COMMANDS, ["ingest", str(EXAMPLE)]])
    *reads, ingest = results
    for result in reads:
        assert result["crash"] is None, result["crash"]
        assert (result["exit"], result["stderr"]) == (0, ""), result
        assert result["stdout"].strip(), result["args"]
    assert "org:nato" in reads[READ_COMMANDS.index(["entity", "NATO"])]["stdout"]
    assert ingest["crash"] is None and ingest["exit"] == 1
    why = "the file is read-only" if os.access(locked_store.parent, os.W_OK) else "its folder is read-only"
    assert why in ingest["stderr"]
    assert ingest["stderr"].startswith(f"newsint: error: {locked_store}: cannot write to the store: ")
    assert len(ingest["stderr"].splitlines()) == 1 and ingest["stderr"].rstrip().endswith("[N200]")
    assert hashlib.sha256(locked_store.read_bytes()).hexdigest() == before


def test_a_store_opened_read_only_reads_and_refuses_every_write(store_url) -> None:
    with open_store(store_url) as store:
        store.record_failure("/data/one.txt", NotFoundError("no such file", path="/data/one.txt"))
    with open_store(store_url, read_only=True) as store:
        assert [f.source for f in store.failures()] == ["/data/one.txt"]
        with pytest.raises(StoreError):
            store.record_failure("/data/two.txt", NotFoundError("no such file", path="/data/two.txt"))
    with open_store(store_url, read_only=True) as store:
        assert [f.source for f in store.failures()] == ["/data/one.txt"]


def test_read_only_never_creates_a_store(tmp_path) -> None:
    missing = tmp_path / "typo.db"
    with pytest.raises(StoreError, match="no store here"):
        open_store(str(missing), read_only=True)
    assert not missing.exists()


def test_read_only_reads_an_older_schema_only_where_nothing_it_reads_changed(store_url) -> None:
    with open_store(store_url) as store, store._db.write():
        store._db.execute("DELETE FROM schema_version WHERE version >= 2")  # as a store of version 1 was
        # Step 3 added columns that a version-1 store lacks (tests/store/test_schema_upgrade.py).
        for index in ("articles_seq_published", "events_start", "mentions_text", "claims_source_entity",
                      "quantities_unit"):  # fmt: skip
            store._db.execute(f"DROP INDEX {index}")
        store._db.execute("ALTER TABLE events DROP COLUMN confidence")
        store._db.execute("ALTER TABLE events DROP COLUMN position")
        store._db.execute("ALTER TABLE claims DROP COLUMN position")
        store._db.execute("ALTER TABLE judgements DROP COLUMN holder")
    # Step 2 changed how the analysis column is stored on PostgreSQL, step 3 added columns on
    # both: a reader cannot apply either.
    with pytest.raises(StoreError, match="schema version 1, older than this newsint reads"):
        open_store(store_url, read_only=True)
    with open_store(store_url) as store:  # a writer brings it up to date
        assert store.schema_version == LATEST_VERSION
