"""Errors a user can cause, each with a code and one line that names the file and the reason.

    NewsintError                 base: ``code``, ``message``, ``path``; one line via ``str()``
    ├── InputError               the input cannot be turned into a document
    │   ├── NotFoundError        N001  path does not exist / glob matched nothing
    │   ├── EmptyInputError      N002  file or text empty after cleaning
    │   ├── TooLargeError        N003  over the configured size limit
    │   ├── BinaryInputError     N004  binary data where text was expected
    │   ├── EncodingError        N005  bytes that no common encoding decodes
    │   ├── UnsupportedError     N006  a kind of file newsint has no reader for
    │   ├── MalformedError       N007  a PDF/HTML/JSONL that its parser rejects (truncated, too deep…)
    │   ├── EncryptedError       N008  an encrypted PDF
    │   ├── FetchError           N009  a URL that could not be fetched (unreachable, timeout, an
    │   │                              HTTP error status, too many redirects)
    │   └── RefusedError         N011  a URL newsint will not fetch: robots.txt disallows it, or it
    │                                  leads to a private, loopback or link-local address
    │                                  (--allow-private), or to a scheme other than http(s)
    ├── UsageError               N100  a bad option value (a date that is not a date, …)
    ├── StoreError               N200  the store cannot be opened, read or written (bad URL,
    │                                  unreachable server, not a newsint database, newer schema)
    ├── SetupError               N300  newsint itself is not fully installed (no spaCy model)
    ├── AnalysisError            N400  a stage failed on one document (an unexpected exception,
    │                                  named with its message: a bug to report); the others go on
    └── OutputError              N500  an output file cannot be written (no such folder, a
                                       folder in its place, no permission, disk full)

The CLI prints ``newsint: error: <str(err)>`` on stderr and exits non-zero; no traceback. The
exceptions are plain picklable values (they cross process boundaries in batch runs), and
``retryable`` says whether running again could help.
"""

from __future__ import annotations

import traceback


class NewsintError(Exception):
    code = "N000"
    retryable = False

    def __init__(self, message: str, *, path: str | None = None) -> None:
        super().__init__(message, path)
        self.message = message
        self.path = path

    def __reduce__(self):  # keep subclasses picklable with their keyword argument
        return (_rebuild, (type(self), self.message, self.path))

    def __str__(self) -> str:
        where = f"{self.path}: " if self.path else ""
        return f"{where}{self.message} [{self.code}]"


def _rebuild(cls: type[NewsintError], message: str, path: str | None) -> NewsintError:
    return cls(message, path=path)


class InputError(NewsintError):
    code = "N010"


class NotFoundError(InputError):
    code = "N001"


class EmptyInputError(InputError):
    code = "N002"


class TooLargeError(InputError):
    code = "N003"


class BinaryInputError(InputError):
    code = "N004"


class EncodingError(InputError):
    code = "N005"


class UnsupportedError(InputError):
    code = "N006"


class MalformedError(InputError):
    code = "N007"


class EncryptedError(InputError):
    code = "N008"


class FetchError(InputError):
    code = "N009"
    retryable = True  # a server down or slow now may answer later


class RefusedError(InputError):
    """Fetching is refused by policy, not by the network: asking again changes nothing."""

    code = "N011"


class UsageError(NewsintError):
    code = "N100"


class StoreError(NewsintError):
    code = "N200"
    retryable = True  # a locked file or an unreachable server may be fine on the next attempt


class SetupError(NewsintError):
    """Something newsint needs is not installed; the message names the command that installs it.
    No input is at fault, so the run stops at once instead of failing every input the same way."""

    code = "N300"


# Enough of an exception's message to recognise it; the rest would flood the error line.
MAX_DETAIL_CHARS = 300


class AnalysisError(NewsintError):
    code = "N400"

    @classmethod
    def from_exception(cls, exc: Exception, *, path: str | None) -> AnalysisError:
        """The exception as one line naming its type and message (cut short: a message can quote
        a whole text), with no control characters to reach a terminal."""
        detail = "".join(c if c.isprintable() else " " for c in str(exc)[: 4 * MAX_DETAIL_CHARS])
        detail = " ".join(detail.split())
        if len(detail) > MAX_DETAIL_CHARS:
            detail = detail[: MAX_DETAIL_CHARS - 1] + "…"
        error = cls(f"analysis failed: {type(exc).__name__}" + (f": {detail}" if detail else ""), path=path)
        # The original traceback stays readable (pipeline.analyze_many re-raises with it), but not
        # the local variables of its frames: a run keeps its errors, and those would keep Docs.
        traceback.clear_frames(exc.__traceback__)
        error.__cause__ = exc
        return error


class OutputError(NewsintError):
    """``--out`` or ``--report`` cannot be written; nothing half-written is left behind (outputs
    go to a temporary sibling first). Named with the file and the system's reason."""

    code = "N500"
