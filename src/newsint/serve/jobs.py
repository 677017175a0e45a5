"""Ingest jobs (write scope): placeholder router until jobs land."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter(prefix="/api/1", tags=["jobs"])
