"""newsint's user cache: where derived data (built from the packaged KB, kept between runs) lives.

``$NEWSINT_CACHE_DIR``, else ``$XDG_CACHE_HOME/newsint``, else ``~/.cache/newsint``. Every entry
is rebuildable: a missing, stale or corrupt entry is rebuilt, one that cannot be written is
bypassed, each with one warning line on stderr — never a failed command. Files are written to a
temporary name and renamed into place, so a concurrent reader never sees half of one.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

CACHE_DIR_ENV = "NEWSINT_CACHE_DIR"


def cache_dir() -> Path:
    override = os.environ.get(CACHE_DIR_ENV)
    if override:
        return Path(override)
    xdg = os.environ.get("XDG_CACHE_HOME")
    # The XDG spec: a relative $XDG_CACHE_HOME is invalid and is ignored.
    base = Path(xdg) if xdg and Path(xdg).is_absolute() else Path.home() / ".cache"
    return base / "newsint"


def warn(message: str) -> None:
    print(f"newsint: warning: {message}", file=sys.stderr, flush=True)


def read_entry(path: Path) -> tuple[bytes | None, str | None]:
    """(content, None); (None, None) when there is none; (None, why) when it cannot be read or is
    not to be trusted."""
    try:
        with path.open("rb") as handle:
            if problem := _untrusted(os.fstat(handle.fileno())):
                return None, problem
            return handle.read(), None
    except (FileNotFoundError, NotADirectoryError):  # no cache yet (writing it will say why if it cannot)
        return None, None
    except OSError as exc:
        return None, f"cannot read the cache ({exc.strerror or exc})"


def _untrusted(status: os.stat_result) -> str | None:
    """Why an entry is not to be loaded: some entries are pickles (kb/common.py), and loading a
    pickle runs whatever its writer chose, so only a file this account or root wrote, and that no
    one else can change, is read (a shared or world-writable cache folder is not trusted)."""
    if status.st_uid not in (os.getuid(), 0):
        return "the cache file belongs to another user; not read"
    if status.st_mode & 0o022:
        return "the cache file is writable by other users; not read"
    return None


def write_entry(path: Path, content: bytes) -> None:
    """Write ``content`` to ``path`` atomically; a failure warns once and the command goes on."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}-", suffix=".tmp")
        try:
            # mkstemp makes it private (0600); a cache of the packaged KB is no secret, and other
            # accounts sharing the folder (a test running as another user) may read it.
            os.fchmod(handle, 0o644)
            with os.fdopen(handle, "wb") as out:
                out.write(content)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as exc:
        warn(f"{path}: cannot write the cache ({exc.strerror or exc}); it is rebuilt at each start")
