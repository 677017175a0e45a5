"""The durable store of analysed articles: one interface over SQLite or PostgreSQL.

    store = open_store(None)          # --db / NEWSINT_DB / ./newsint.db
    store.add(analysis)               # one transaction; a no-op when the text is already stored
    for article in store.articles():  # CorpusArticle records, in ingest order
        ...

Articles are keyed by the content hash of their analysed text, so storing the same article again
changes nothing but the list of places it was read from. A near-duplicate (a syndicated copy, the
same wire story on another site; see dedup.py) is stored too, with ``duplicate_of`` pointing at
the first-stored copy, so corpus analysis can count the group as one independent source.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import re
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from newsint.errors import NewsintError, StoreError, UsageError
from newsint.kb.names import kb_ids_for_name
from newsint.model import PRONOUN_MENTIONS, Analysis, CorpusArticle
from newsint.source_name import source_name
from newsint.store import dedup, migrations
from newsint.store.backend import SNIPPET_END, SNIPPET_START, Backend, is_postgres, resolve_location, sqlite_path
from newsint.store.rows import INSERTS, item_rows, search_rows

# Articles fetched per query while streaming ``articles()``: bounded memory, few round trips.
PAGE_SIZE = 200
DEFAULT_SEARCH_LIMIT = 20
# The largest LIMIT both databases take (a signed 64-bit integer: SQLite's INTEGER, PostgreSQL's
# BIGINT). A larger search limit means "every hit", so it is lowered to this, not refused.
MAX_SQL_INTEGER = 2**63 - 1
SEARCH_KINDS = ("article", "claim")
_ISO_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?$")
# Lone surrogates: how Python holds a command-line argument's bytes that are not UTF-8 (PEP 383).
_SURROGATE = re.compile("[\ud800-\udfff]")
_SNIPPET_MARK = re.compile(f"([{SNIPPET_START}{SNIPPET_END}])")
# A snippet spans paragraphs: shown on one line, its breaks and runs of spaces are one space.
_WHITESPACE = re.compile(r"[ \t\n]+")


class Outcome(StrEnum):
    stored = "stored"  # a new, independent article
    duplicate = "duplicate"  # a new article, linked to the copy it repeats
    unchanged = "unchanged"  # this text was already stored: nothing written but its source


@dataclass(frozen=True, slots=True)
class Added:
    article_id: str
    outcome: Outcome
    duplicate_of: str | None = None
    similarity: float | None = None


@dataclass(frozen=True, slots=True)
class Failure:
    source: str
    code: str
    reason: str
    failed_at: str
    attempts: int


@dataclass(frozen=True, slots=True)
class SearchHit:
    kind: str  # "article" or "claim"
    article_id: str
    item_id: str | None  # the claim's id for a claim hit
    snippet: str  # the matched words in context, as plain text on one line
    matches: list[tuple[int, int]]  # where the matched words are: [start, end) offsets into snippet
    title: str | None
    outlet: str | None
    published: str | None
    source: str
    duplicate_of: str | None
    claim_source: str | None = None  # who made the claim, as written
    cue: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class StoreStats:
    location: str
    backend: str
    schema_version: int
    articles: int
    independent_articles: int  # articles that are not near-duplicates of an earlier one
    duplicates: int
    sources: int  # files, records and URLs read into articles
    outlets: int
    entities: int  # distinct entities over the corpus: by KB id, else by type and name
    mentions: int
    claims: int
    quantities: int
    times: int
    events: int
    judgements: int
    contradictions: int  # within-article contradictions found by the pipeline
    failures: int
    first_published: str | None
    last_published: str | None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def content_key(text: str) -> str:
    """The article's key: SHA-256 of its analysed text (hex)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def outlet_of(analysis: Analysis) -> str | None:
    """The publishing site as the reader found it, else the URL's host; None when unknown."""
    document = analysis.document
    if document.site:
        return document.site
    if document.url:
        host = urlsplit(document.url).hostname
        return host.removeprefix("www.") if host else None
    return None


def open_store(url: str | None = None, *, create: bool = True, read_only: bool = False) -> Store:
    """Open (creating and migrating when needed) the store at ``url``: ``postgresql://…`` or a
    SQLite file path; None means ``NEWSINT_DB``, else ``newsint.db`` in the current folder.
    ``create=False``: a SQLite file that does not exist is an error, so a mistyped ``--db`` is
    reported instead of answered from a new, empty store left behind. ``read_only=True`` (commands
    that only read; implies ``create=False``): the database refuses every write and the schema is
    checked, never migrated, so a store on read-only media can be read."""
    location = resolve_location(url)
    backend: Backend
    if is_postgres(location):
        from newsint.store.postgres import PostgresBackend

        backend = PostgresBackend(location, read_only=read_only)
    else:
        from newsint.store.sqlite import SQLiteBackend

        path = sqlite_path(location)
        if (read_only or not create) and not Path(path).exists():
            raise StoreError("no store here: run `newsint ingest FILES` first, or pass --db", path=source_name(path))
        backend = SQLiteBackend(path, read_only=read_only)
    try:
        version = migrations.check(backend) if read_only else migrations.apply(backend)
    except NewsintError:
        backend.close()
        raise
    except Exception as error:  # the driver's own error: a file that is no database, a server refusing DDL
        backend.close()
        raise StoreError(f"cannot open the store ({_reason(error)})", path=backend.display_name) from None
    return Store(backend, version)


def _entity_named(name: str) -> tuple[str, list[Any]]:
    """A condition on ``entities x``: the entity is the one ``name`` means, as EntityIndex.find
    matches it (corpus/entities.py): its KB id is one the KB gives for the name (alias, any
    case), or its stored name or a mention of it is written that way (any case, pronouns aside)."""
    name = " ".join(name.split())
    kb_ids = sorted({kb_id.lower() for kb_id in kb_ids_for_name(name)})
    condition = f"LOWER(x.kb_id) IN ({', '.join('?' * len(kb_ids))}) OR LOWER(x.name) = LOWER(?)"
    params: list[Any] = [*kb_ids, name]
    if name.lower() not in PRONOUN_MENTIONS:
        condition += (
            " OR EXISTS (SELECT 1 FROM mentions m WHERE m.article_id = x.article_id "
            "AND m.entity_id = x.entity_id AND LOWER(m.text) = LOWER(?))"
        )
        params.append(name)
    return f"({condition})", params


def _is_partial_date(value: str) -> bool:
    """YYYY, YYYY-MM or YYYY-MM-DD naming a real year, month or day (2022-13 and 2022-02-30 are not)."""
    if not _ISO_DATE.match(value):
        return False
    year, month, day = [*value.split("-"), "01", "01"][:3]
    try:
        dt.date(int(year), int(month), int(day))
    except ValueError:
        return False
    return True


def _as_text(value: str) -> str:
    """A search argument as text the database takes: neither SQLite nor PostgreSQL can hold a lone
    surrogate, so each becomes U+FFFD. Stored text holds none (the readers decode every input, and
    a file name is stored by ``source_name``), so it could match nothing anyway."""
    return _SURROGATE.sub("\ufffd", value)


def _like_pattern(value: str) -> str:
    """``value`` anywhere in a text, in any case, for ``LIKE … ESCAPE '\\'``: %, _ and \\ as themselves."""
    return "%" + value.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _unmark(marked: str) -> tuple[str, list[tuple[int, int]]]:
    """A snippet as the database marks it (backend.SNIPPET_START/END around each match) as plain
    text on one line, and the spans of the matched words in that text."""
    text: list[str] = []
    matches: list[tuple[int, int]] = []
    length, start = 0, None
    for piece in _SNIPPET_MARK.split(_WHITESPACE.sub(" ", marked).strip()):
        if piece == SNIPPET_START:
            start = length
        elif piece == SNIPPET_END:
            if start is not None and length > start:
                matches.append((start, length))
            start = None
        else:
            text.append(piece)
            length += len(piece)
    return "".join(text), matches


def _reason(error: Exception) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__


class Store:
    def __init__(self, backend: Backend, schema_version: int) -> None:
        self._db = backend
        self.schema_version = schema_version
        self.location = backend.display_name
        self.backend = backend.kind

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextlib.contextmanager
    def _driver_errors(self, action: str) -> Iterator[None]:
        """The database's own errors (a damaged file, a lost connection) as one clear StoreError:
        a store can fail on any read, not only when it is opened."""
        try:
            yield
        except self._db.driver_errors as error:
            raise StoreError(f"cannot {action} ({_reason(error)})", path=self.location) from None

    # ---------------------------------------------------------------------------------------
    # Writing

    def add(self, analysis: Analysis) -> Added:
        """Store one analysed article in one transaction (all its rows, or none)."""
        document = analysis.document
        key = content_key(document.text)
        # Everything that costs CPU happens before the write lock is taken.
        signature = dedup.signature(document.body or document.text)
        items = item_rows(key, analysis, self._db.json_param)
        search = search_rows(key, analysis)
        analysis_json = self._db.json_param(analysis.to_json())
        stamp = migrations.now()
        try:
            with self._db.write():
                existing = self._db.execute("SELECT duplicate_of FROM articles WHERE id = ?", (key,)).fetchone()
                if existing is not None:
                    self._record_source(document.source, key, stamp)
                    return Added(key, Outcome.unchanged, existing[0])
                duplicate_of, score = self._near_duplicate(signature) if signature else (None, None)
                seq = self._db.execute("SELECT COALESCE(MAX(seq), 0) + 1 FROM articles").fetchone()[0]
                self._db.execute(
                    "INSERT INTO articles (id, seq, source, url, outlet, title, published, published_basis, language, "
                    "analysis, ingested_at, duplicate_of, similarity, minhash) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (key, seq, document.source, document.url, outlet_of(analysis), document.title, document.published,
                     document.published_basis, document.language, analysis_json, stamp, duplicate_of, score,
                     signature),
                )  # fmt: skip
                for table, rows in items.items():
                    self._db.executemany(INSERTS[table], rows)
                self._db.executemany(
                    "INSERT INTO search_index (kind, article_id, item_id, body) VALUES (?, ?, ?, ?)", search
                )
                if signature:
                    self._db.executemany(
                        "INSERT INTO dedup_bands (bucket, article_id) VALUES (?, ?)",
                        [(bucket, key) for bucket in dedup.buckets(signature)],
                    )
                self._record_source(document.source, key, stamp)
        except NewsintError:
            raise
        except Exception as error:  # the driver's error (disk full, a constraint): one clear line
            raise StoreError(f"cannot store the article ({_reason(error)})", path=document.source) from None
        outcome = Outcome.duplicate if duplicate_of else Outcome.stored
        return Added(key, outcome, duplicate_of, score)

    def _record_source(self, source: str, key: str, stamp: str) -> None:
        self._db.execute(
            "INSERT INTO sources (source, article_id, ingested_at) VALUES (?, ?, ?) "
            "ON CONFLICT (source) DO UPDATE SET article_id = excluded.article_id, ingested_at = excluded.ingested_at",
            (source, key, stamp),
        )
        self._db.execute("DELETE FROM failures WHERE source = ?", (source,))

    def _near_duplicate(self, signature: bytes) -> tuple[str | None, float | None]:
        """The first-stored copy of the most similar stored article, when similar enough."""
        bucket_list = dedup.buckets(signature)
        marks = ", ".join("?" * len(bucket_list))
        candidates = self._db.execute(
            "SELECT id, duplicate_of, minhash FROM articles WHERE id IN "
            f"(SELECT article_id FROM dedup_bands WHERE bucket IN ({marks}))",
            bucket_list,
        ).fetchall()
        best: tuple[float, str] | None = None
        for article_id, duplicate_of, stored in candidates:
            score = dedup.similarity(signature, bytes(stored))
            if score >= dedup.DUPLICATE_SIMILARITY and (best is None or score > best[0]):
                best = (score, duplicate_of or article_id)
        return (best[1], best[0]) if best else (None, None)

    def record_failure(self, source: str, error: NewsintError) -> None:
        """Remember an input that could not be stored (``newsint failed`` lists them)."""
        with self._driver_errors("record a failed input"), self._db.write():
            self._db.execute(
                "INSERT INTO failures (source, code, reason, failed_at, attempts) VALUES (?, ?, ?, ?, 1) "
                "ON CONFLICT (source) DO UPDATE SET code = excluded.code, reason = excluded.reason, "
                "failed_at = excluded.failed_at, attempts = failures.attempts + 1",
                (source, error.code, error.message, migrations.now()),
            )

    # ---------------------------------------------------------------------------------------
    # Reading

    def articles(self) -> Iterator[CorpusArticle]:
        """Every stored article in ingest order, its Analysis rebuilt from the stored JSON."""
        after = 0
        while True:
            with self._driver_errors("read the store"):
                page = self._db.execute(
                    "SELECT seq, id, analysis, outlet, duplicate_of FROM articles WHERE seq > ? ORDER BY seq LIMIT ?",
                    (after, PAGE_SIZE),
                ).fetchall()
            for seq, article_id, analysis, outlet, duplicate_of in page:
                yield CorpusArticle(article_id, Analysis.from_dict(self._db.loads_json(analysis)), outlet, duplicate_of)
                after = seq
            if len(page) < PAGE_SIZE:
                return

    def article(self, article_id: str) -> CorpusArticle | None:
        with self._driver_errors("read the store"):
            row = self._db.execute(
                "SELECT id, analysis, outlet, duplicate_of FROM articles WHERE id = ?", (article_id,)
            ).fetchone()
        if row is None:
            return None
        return CorpusArticle(row[0], Analysis.from_dict(self._db.loads_json(row[1])), row[2], row[3])

    def known_sources(self) -> set[str]:
        """Every source already stored or recorded as failed (what ``--resume`` skips)."""
        with self._driver_errors("read the store"):
            stored = self._db.execute("SELECT source FROM sources").fetchall()
            failed = self._db.execute("SELECT source FROM failures").fetchall()
        return {row[0] for row in stored} | {row[0] for row in failed}

    def failures(self) -> list[Failure]:
        with self._driver_errors("read the store"):
            rows = self._db.execute(
                "SELECT source, code, reason, failed_at, attempts FROM failures ORDER BY failed_at, source"
            ).fetchall()
        return [Failure(*row) for row in rows]

    def stats(self) -> StoreStats:
        with self._driver_errors("read the store"):
            return self._stats()

    def _stats(self) -> StoreStats:
        def count(sql: str) -> int:
            return int(self._db.execute(sql).fetchone()[0] or 0)

        first, last = self._db.execute("SELECT MIN(published), MAX(published) FROM articles").fetchone()
        articles = count("SELECT COUNT(*) FROM articles")
        duplicates = count("SELECT COUNT(*) FROM articles WHERE duplicate_of IS NOT NULL")
        return StoreStats(
            location=self.location,
            backend=self.backend,
            schema_version=self.schema_version,
            articles=articles,
            independent_articles=articles - duplicates,
            duplicates=duplicates,
            sources=count("SELECT COUNT(*) FROM sources"),
            outlets=count("SELECT COUNT(DISTINCT outlet) FROM articles"),
            entities=count(
                "SELECT COUNT(*) FROM (SELECT DISTINCT COALESCE(kb_id, type || ':' || LOWER(name)) FROM entities) d"
            ),
            mentions=count("SELECT COUNT(*) FROM mentions"),
            claims=count("SELECT COUNT(*) FROM claims"),
            quantities=count("SELECT COUNT(*) FROM quantities"),
            times=count("SELECT COUNT(*) FROM times"),
            events=count("SELECT COUNT(*) FROM events"),
            judgements=count("SELECT COUNT(*) FROM judgements"),
            contradictions=count("SELECT COUNT(*) FROM contradictions"),
            failures=count("SELECT COUNT(*) FROM failures"),
            first_published=first,
            last_published=last,
        )

    def search(
        self,
        query: str,
        *,
        entity: str | None = None,
        type: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        source: str | None = None,
        limit: int = DEFAULT_SEARCH_LIMIT,
    ) -> list[SearchHit]:
        """Articles and claims whose text has all the words of ``query``, best first.

        The query is plain words: quotes, ``OR``, ``NEAR(``, ``*`` or SQL in it are searched for
        as text (or ignored), never run. Filters: ``entity`` (an entity the article mentions: any
        name or KB alias of it, or its KB id, any case), ``type`` (``article`` or ``claim``), ``date_from``/``date_to``
        (publication date, inclusive, ISO), ``source`` (the outlet's name, or part of the file
        path or URL the article was read from).
        """
        if type is not None and type not in SEARCH_KINDS:
            raise UsageError(f"search type must be one of {', '.join(SEARCH_KINDS)}, not {type!r}")
        for name, value in (("from", date_from), ("to", date_to)):
            if value is not None and not _is_partial_date(value):
                raise UsageError(f"--{name} must be a date like 2019, 2019-03 or 2019-03-23, not {value!r}")
        query = _as_text(query)
        built = self._db.search_sql(query)
        if built is None:
            return []
        params = list(built.params)
        sql = [
            f"SELECT s.kind, s.article_id, s.item_id, {built.snippet}, {built.rank} AS rank, a.title, a.outlet, "
            f"a.published, a.source, a.duplicate_of, c.source_text, c.cue FROM {built.tables} "
            "JOIN articles a ON a.id = s.article_id "
            "LEFT JOIN claims c ON s.kind = 'claim' AND c.article_id = s.article_id AND c.claim_id = s.item_id",
            f"WHERE {built.match}",
        ]
        if type is not None:
            sql.append("AND s.kind = ?")
            params.append(type)
        if date_from is not None:
            sql.append("AND a.published >= ?")
            params.append(date_from)
        if date_to is not None:
            # "2022-02" as an upper bound includes every day of February (dates compare as text).
            sql.append("AND a.published <= ?")
            params.append(date_to + "-12-31"[len(date_to) - 4 :] if len(date_to) < 10 else date_to)
        if entity is not None:
            named, named_params = _entity_named(_as_text(entity))
            # The articles with an entity of that name, and those with the same KB entity under any
            # other name: "Guterres", a mention in one article, finds "António Guterres" in the next.
            sql.append(
                f"AND a.id IN (SELECT x.article_id FROM entities x WHERE {named} UNION "
                f"SELECT e.article_id FROM entities e WHERE e.kb_id IN (SELECT x.kb_id FROM entities x WHERE {named}))"
            )
            params += named_params + named_params
        if source is not None:
            # LIKE ignores case in SQLite but not in PostgreSQL: both sides lowered, so it does in both.
            # A path is stored as its source_name (a byte that is not UTF-8 as \xNN): so is the
            # path the user gives, so that the bytes they typed find it.
            sql.append(
                "AND (LOWER(a.outlet) = LOWER(?) "
                "OR LOWER(a.source) LIKE ? ESCAPE '\\' OR LOWER(a.url) LIKE ? ESCAPE '\\')"
            )
            params += [_as_text(source), _like_pattern(source_name(source)), _like_pattern(_as_text(source))]
        # Equal ranks within one article (its claims) are otherwise in whatever order the database
        # scans them, which in PostgreSQL is not insertion order: the item id settles it.
        sql.append("ORDER BY rank, a.seq, s.kind, s.item_id LIMIT ?")
        params.append(min(max(0, limit), MAX_SQL_INTEGER))
        with self._driver_errors("search the store"):
            rows = self._db.execute(" ".join(sql), params).fetchall()
        return [
            SearchHit(
                kind, article_id, item_id, *_unmark(marked), title, outlet, published, src, dup, claim_source, cue
            )
            for kind, article_id, item_id, marked, _rank, title, outlet, published, src, dup, claim_source, cue in rows
        ]
