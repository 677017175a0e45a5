"""Ingest jobs: documents submitted to the API, analysed and stored in the background, with
their progress, their failed documents and "retry the failed ones only" (Aleph #926, #3912).

One worker thread runs the jobs in turn: the store has one writer (SQLite's BEGIN IMMEDIATE),
and analysis is CPU-bound, so running two at once would only make both slower. A job's
documents are written to a private temporary folder and go through the same door as
`newsint ingest` (``newsint.ingest.ingest``). Jobs live in memory: a restart forgets them (the
store keeps every failure, `newsint failed`).
"""

from __future__ import annotations

import queue
import re
import tempfile
import threading
import uuid
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel, Field

from newsint.errors import NewsintError
from newsint.serve.auth import can_read, can_write
from newsint.serve.errors import ApiError

router = APIRouter(prefix="/api/1", tags=["jobs"])

# A job of more documents than this is refused: bulk loads belong to `newsint ingest` on the
# machine itself; the request size limit bounds the bytes, this bounds the queue's work.
MAX_DOCUMENTS_PER_JOB = 100
MAX_JOBS_KEPT = 200  # the oldest finished jobs are forgotten past this
READABLE_SUFFIXES = (".txt", ".html", ".htm", ".jsonl")
_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


class SubmittedDocument(BaseModel):
    name: str = Field(
        min_length=1, max_length=200, description="A name for it; .html / .jsonl pick that reader, else text."
    )
    text: str = Field(min_length=1)


class JobRequest(BaseModel):
    documents: list[SubmittedDocument] = Field(min_length=1, max_length=MAX_DOCUMENTS_PER_JOB)


class JobState(StrEnum):
    queued = "queued"
    running = "running"
    done = "done"
    failed = "failed"  # the job itself could not run (the store refused); documents fail one by one otherwise


@dataclass(slots=True)
class FailedDocument:
    name: str
    code: str
    reason: str


@dataclass(slots=True)
class Job:
    id: str
    documents: int
    state: JobState = JobState.queued
    stored: int = 0
    duplicates: int = 0
    unchanged: int = 0
    failed: int = 0
    failures: list[FailedDocument] = field(default_factory=list)
    error: str | None = None
    retry_of: str | None = None
    # The submitted documents, kept so that "retry" can send the failed ones again.
    texts: dict[str, str] = field(default_factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        del data["texts"]
        data["done"] = self.stored + self.duplicates + self.unchanged + self.failed
        return data


def _file_name(number: int, name: str) -> str:
    stem = _UNSAFE_NAME.sub("_", Path(name).name)[:80] or "document"
    return f"{number:03d}-{stem}" if stem.endswith(READABLE_SUFFIXES) else f"{number:03d}-{stem}.txt"


class JobRunner:
    def __init__(self, store_url: str | None, on_stored) -> None:
        self.store_url = store_url
        self.on_stored = on_stored
        self.jobs: dict[str, Job] = {}
        self._queue: queue.Queue[Job] = queue.Queue()
        self._lock = threading.Lock()
        self._worker: threading.Thread | None = None

    def submit(self, texts: dict[str, str], retry_of: str | None = None) -> Job:
        job = Job(id=uuid.uuid4().hex[:16], documents=len(texts), texts=texts, retry_of=retry_of)
        with self._lock:
            finished = [j for j in self.jobs.values() if j.state in (JobState.done, JobState.failed)]
            for old in finished[: max(0, len(self.jobs) + 1 - MAX_JOBS_KEPT)]:
                del self.jobs[old.id]
            self.jobs[job.id] = job
            if self._worker is None or not self._worker.is_alive():
                self._worker = threading.Thread(target=self._work, name="newsint-ingest-jobs", daemon=True)
                self._worker.start()
        self._queue.put(job)
        return job

    def _work(self) -> None:
        while True:
            job = self._queue.get()
            try:
                self._run(job)
            finally:
                self._queue.task_done()

    def _run(self, job: Job) -> None:
        from newsint.ingest import ingest
        from newsint.settings import Settings
        from newsint.store import open_store

        job.state = JobState.running
        with tempfile.TemporaryDirectory(prefix="newsint-job-") as folder:
            names: dict[str, str] = {}
            for number, (name, text) in enumerate(job.texts.items()):
                path = Path(folder) / _file_name(number, name)
                path.write_text(text, encoding="utf-8")
                names[path.name] = name

            def failed(error: NewsintError) -> None:
                shown = names.get(Path(error.path or "").name.split(":")[0], error.path or "?")
                job.failures.append(FailedDocument(shown, error.code, error.message))

            try:
                with open_store(self.store_url) as store:
                    report = ingest([folder], store, settings=Settings(), on_error=failed)
            except NewsintError as error:
                job.state, job.error = JobState.failed, error.message
                return
        job.stored, job.duplicates, job.unchanged, job.failed = (
            report.stored,
            report.duplicates,
            report.unchanged,
            report.failed,
        )
        job.state = JobState.done
        if report.stored or report.duplicates:
            self.on_stored()

    def wait(self) -> None:
        """Until every submitted job has run (tests, and a server shutting down cleanly)."""
        self._queue.join()


def runner(request: Request) -> JobRunner:
    return request.app.state.jobs


RunnerDep = Annotated[JobRunner, Depends(runner)]


@router.post("/jobs", status_code=202, dependencies=[can_write], summary="Submit documents to analyse and store")
def submit_job(body: JobRequest, jobs: RunnerDep) -> dict[str, Any]:
    texts: dict[str, str] = {}
    for document in body.documents:
        if document.name in texts:
            raise ApiError(422, f"body.documents: the name {document.name!r} is given twice")
        texts[document.name] = document.text
    return jobs.submit(texts).to_dict()


@router.get("/jobs", dependencies=[can_read], summary="Ingest jobs, newest first")
def list_jobs(jobs: RunnerDep) -> dict[str, Any]:
    items = [j.to_dict() for j in reversed(list(jobs.jobs.values()))]
    return {"items": items, "total": len(items), "limit": len(items), "next_cursor": None}


@router.get("/jobs/{job_id}", dependencies=[can_read], summary="One job: progress, counts, failed documents")
def get_job(job_id: str, jobs: RunnerDep) -> dict[str, Any]:
    job = jobs.jobs.get(job_id)
    if job is None:
        raise ApiError(404, f"no job {job_id!r}")
    return job.to_dict()


@router.post(
    "/jobs/{job_id}/retry",
    status_code=202,
    dependencies=[can_write],
    summary="A new job of this job's failed documents only",
)
def retry_job(job_id: str, jobs: RunnerDep) -> dict[str, Any]:
    job = jobs.jobs.get(job_id)
    if job is None:
        raise ApiError(404, f"no job {job_id!r}")
    if job.state in (JobState.queued, JobState.running):
        raise ApiError(409, "the job has not finished", "not_finished")
    failed_names = {f.name for f in job.failures}
    if job.state is JobState.done and not failed_names:
        raise ApiError(409, "no document of this job failed", "nothing_to_retry")
    texts = {n: t for n, t in job.texts.items() if n in failed_names} if failed_names else job.texts
    return jobs.submit(texts, retry_of=job.id).to_dict()
