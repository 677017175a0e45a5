"""The plain-dict forms of what crosses a process boundary: documents in, outcomes out.

Workers (a process pool's or a Dask cluster's) get and give plain dicts, never spaCy Docs or live
objects: a dict pickles the same under every serialiser, costs nothing to inspect in a failed
task, and is what the shard files hold. An outcome is ``{"analysis": Analysis.to_dict()}`` or
``{"failure": {...}}``; a failure keeps the error's class, so the parent raises or reports the
very error an in-process run would (same code, same line).
"""

from __future__ import annotations

import dataclasses
from typing import Any

from newsint import errors
from newsint.errors import NewsintError
from newsint.model import Analysis, Link, Removed
from newsint.readers.raw import RawDocument


def raw_to_dict(raw: RawDocument) -> dict[str, Any]:
    return dataclasses.asdict(raw)


def raw_from_dict(data: dict[str, Any]) -> RawDocument:
    fields = dict(data)
    fields["links"] = [Link(**link) for link in fields.get("links", ())]
    fields["removed"] = [Removed(**removed) for removed in fields.get("removed", ())]
    return RawDocument(**fields)


def failure_to_dict(error: NewsintError) -> dict[str, Any]:
    """A failure record: the source, the code and the reason (``newsint failed`` shows these),
    and the error's class to rebuild it by."""
    return {"source": error.path, "code": error.code, "reason": error.message, "error": type(error).__name__}


def failure_from_dict(data: dict[str, Any]) -> NewsintError:
    """The error a failure record stands for; an unknown class (a record from a newer newsint)
    comes back as the base error with its code kept in the reason."""
    cls = getattr(errors, str(data.get("error")), None)
    if isinstance(cls, type) and issubclass(cls, NewsintError):
        return cls(str(data["reason"]), path=data.get("source"))
    return NewsintError(f"{data['reason']} ({data.get('code')})", path=data.get("source"))


def item_to_dict(item: RawDocument | NewsintError) -> dict[str, Any]:
    """A document to analyse, or a reader's error passing through in its place."""
    return {"failure": failure_to_dict(item)} if isinstance(item, NewsintError) else {"document": raw_to_dict(item)}


def item_from_dict(data: dict[str, Any]) -> RawDocument | NewsintError:
    return failure_from_dict(data["failure"]) if "failure" in data else raw_from_dict(data["document"])


def outcome_to_dict(outcome: Analysis | NewsintError) -> dict[str, Any]:
    if isinstance(outcome, NewsintError):
        return {"failure": failure_to_dict(outcome)}
    return {"analysis": outcome.to_dict()}


def outcome_from_dict(data: dict[str, Any]) -> Analysis | NewsintError:
    return failure_from_dict(data["failure"]) if "failure" in data else Analysis.from_dict(data["analysis"])
