"""The Analysis contract (schema ``newsint.analysis/1``): typed records and their JSON form.

Every stage of the pipeline passes these plain records along; nothing here knows about spaCy,
files or databases. ``Analysis.to_dict()`` / ``Analysis.from_dict()`` are exact inverses
(``from_dict(to_dict(a)) == a``), and the JSON they produce validates against
``newsint/schema/analysis-1.json``, which ships with the package.

Offsets (``start``/``end``) are character offsets into ``Document.text``: the analysed sections
(title, standfirst, captions, body) joined as paragraphs. Material that is not analysed text —
related-article teasers, footer links, provenance lines, page furniture — lives beside it.

Additive changes keep schema version ``/1``; anything else bumps it (and ``SCHEMA_VERSION``).
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from dataclasses import dataclass, field
from importlib import resources
from typing import Any, Literal, TypeVar, get_args, get_origin, get_type_hints

SCHEMA_VERSION = "newsint.analysis/1"

ParagraphKind = Literal["title", "standfirst", "caption", "body"]
PublishedBasis = Literal["user", "metadata", "text", "inferred", "unknown"]
EntityType = Literal["PERSON", "ORG", "PLACE", "EQUIPMENT", "OPERATION"]
TimeKind = Literal["date", "time", "duration", "set"]  # the TIMEX3 types
Modality = Literal["asserted", "reported", "hypothetical", "conditional", "negated", "future"]
# A figure of what there is, of what an actor intends ("intended to raise that to"), or of what is
# forecast ("was expected to include"): only like is compared with like.
QuantityModality = Literal["asserted", "planned", "expected"]


# --------------------------------------------------------------------------------------------
# Document


@dataclass(slots=True)
class Paragraph:
    kind: ParagraphKind
    start: int
    end: int


@dataclass(slots=True)
class Link:
    url: str
    anchor: str | None = None


@dataclass(slots=True)
class RelatedArticle:
    title: str
    url: str | None = None


@dataclass(slots=True)
class Removed:
    """Material taken out of the analysed text, kept so that nothing disappears silently.

    ``kind`` is one of: teaser, links, page-furniture, running-header, provenance, byline,
    dateline, boilerplate.
    """

    kind: str
    text: str


@dataclass(slots=True)
class Dateline:
    """A wire-style dateline ("MINSK, Feb 20 (Reuters) -"), cut from the first body paragraph."""

    text: str
    place: str | None = None
    date_text: str | None = None
    agency: str | None = None


@dataclass(slots=True)
class Document:
    id: str
    source: str
    text: str = ""
    title: str | None = None
    captions: list[str] = field(default_factory=list)
    byline: str | None = None
    language: str | None = None
    published: str | None = None  # ISO date (YYYY-MM-DD) or None: never invented
    published_basis: PublishedBasis = "unknown"
    original_publisher: str | None = None
    links: list[Link] = field(default_factory=list)
    related_articles: list[RelatedArticle] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)
    # Additive fields beyond DESIGN.md's sketch (schema /1 allows them):
    url: str | None = None
    site: str | None = None
    reader: str | None = None  # which reader produced it: text, pdf, html, jsonl, warc, feed
    dateline: Dateline | None = None
    # When ``published_basis`` is "inferred": the date expressions in the text it rests on, the
    # one it was taken from first (extract/published.py); empty otherwise.
    published_evidence: list[Span] = field(default_factory=list)
    # Why part or all of the text was not analysed (a language newsint has no rules for, or
    # only names for: lang.detect); None when every stage ran. A reader of the JSON must not
    # take an empty list of claims for a text that makes none.
    not_analysed: str | None = None
    # Provenance of a page saved from the web: when it was fetched (ISO 8601 UTC timestamp: a
    # WARC record's WARC-Date, or the time newsint fetched or revalidated a URL); None for a file.
    fetched: str | None = None

    def paragraph_text(self, paragraph: Paragraph) -> str:
        return self.text[paragraph.start : paragraph.end]

    def paragraphs_of(self, kind: str) -> list[str]:
        return [self.paragraph_text(p) for p in self.paragraphs if p.kind == kind]

    @property
    def body(self) -> str:
        """The body paragraphs joined by blank lines (what the gold file's body_* fields test)."""
        return "\n\n".join(self.paragraphs_of("body"))


# --------------------------------------------------------------------------------------------
# Extracted items (filled by the extract stages; empty lists until those stages exist)


# The pronouns coreference writes as mentions of the person they refer to ("he", "she"): an entity
# lookup by name must not match every person someone called "he".
PRONOUN_MENTIONS = frozenset({"he", "she"})


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    text: str
    # The actor this mention stands for when it differs from the entity's own: a capital or a
    # seat of power used as an agent ("Minsk has no room for maneuver" -> BLR GOV) is a mention
    # of the place whose actor is the state's government; "troops near Minsk" has none.
    actor: str | None = None


@dataclass(slots=True)
class Entity:
    id: str
    name: str
    type: EntityType
    kb_id: str | None = None
    actor: str | None = None
    attributes: dict[str, Any] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)


@dataclass(slots=True)
class ClaimSource:
    entity: str | None = None  # entity id when resolvable
    text: str | None = None  # the source phrase as written
    actor: str | None = None
    # Where the source phrase stands in Document.text (a pronoun stands where it was written,
    # its entity is the resolution); None when the claim has no source phrase.
    start: int | None = None
    end: int | None = None


@dataclass(slots=True)
class Span:
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Claim:
    id: str
    source: ClaimSource
    cue: str | None
    content: Span
    quantities: list[str] = field(default_factory=list)
    hedge: str | None = None  # endorses | hedges | distances | None
    # How sure the extractor is that this is someone's claim and that the source is right, 0-1:
    # higher for a named source and a reporting verb with a clause or a quotation, lower for a
    # source left as a pronoun or an object cue's reading (extract/claims/confidence.py).
    confidence: float | None = None


@dataclass(slots=True)
class Quantity:
    id: str
    value: float | None
    start: int
    end: int
    text: str
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    approximate: bool = False
    of: str | None = None
    # Additive fields beyond DESIGN.md's sketch: the lemma of the verb that governs the figure
    # ("killed", "displace", "move"; None when the parse gives none) and its modality.
    predicate: str | None = None
    modality: QuantityModality = "asserted"
    time: str | None = None  # id of the time expression that governs the figure (when it holds)


@dataclass(slots=True)
class TimeExpression:
    id: str
    text: str
    start: int
    end: int
    precision: str | None = None
    anchored: bool = False
    value_start: str | None = None  # ISO date/datetime, None when unknown
    value_end: str | None = None  # inclusive
    # Additive fields beyond DESIGN.md's sketch (schema /1 allows them), as TIMEX3 types them:
    kind: TimeKind = "date"
    duration: str | None = None  # ISO 8601 duration of a duration or a set's period (P10D, PXY)


@dataclass(slots=True)
class Participant:
    entity: str | None = None
    actor: str | None = None


@dataclass(slots=True)
class Location:
    entity: str | None = None
    lat: float | None = None
    lon: float | None = None


@dataclass(slots=True)
class SentenceSpan:
    start: int
    end: int


@dataclass(slots=True)
class Event:
    id: str
    type: str
    sentence: SentenceSpan
    mode: str | None = None
    actors: list[Participant] = field(default_factory=list)
    targets: list[Participant] = field(default_factory=list)
    location: Location | None = None
    origin: Location | None = None
    start: str | None = None
    end: str | None = None
    precision: str | None = None
    modality: Modality = "asserted"
    condition: str | None = None
    claim: str | None = None
    equipment: list[str] = field(default_factory=list)
    operation: str | None = None
    # Additive beyond DESIGN.md's sketch: the word the event was coded from ("strikes", "agreed"),
    # so that a reader can check the coding against the text, not only against the sentence.
    trigger: Span | None = None
    # Additive (issue #15): how likely a careful analyst is to accept the event as coded (type and
    # modality), 0-1, from extract/events/confidence.py; the brief's timeline and the exports show
    # events at or above a threshold (--min-confidence), the JSON keeps all. None: not scored
    # (an analysis stored before the field existed).
    confidence: float | None = None
    # Additive (issue #15): which incident the event is a mention of ("I1", "I2"…, in order of
    # first mention, from extract/events/incidents.py): mentions of one act within an article
    # share it, so that the timeline counts the act once. None: an analysis stored before.
    incident: str | None = None


@dataclass(slots=True)
class Judgement:
    id: str
    phrase: str
    probability: list[float]
    start: int
    end: int
    text: str
    condition: str | None = None
    # Whose judgement it is: the entity id of the source whose claim holds it ("officials said
    # an attack was likely"), "author" for the article's own, None when the claim's source is
    # not resolved to an entity.
    holder: str | None = None


@dataclass(slots=True)
class Contradiction:
    items: list[str]
    reason: str


@dataclass(slots=True)
class Analysis:
    document: Document
    entities: list[Entity] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    times: list[TimeExpression] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    judgements: list[Judgement] = field(default_factory=list)
    contradictions: list[Contradiction] = field(default_factory=list)
    # The extract stages that made this analysis, with their versions ("newsint.times.v1"), in
    # the order they ran (``pipeline.STAGES``): which rules a stored analysis comes from.
    stages: list[str] = field(default_factory=list)
    schema: str = SCHEMA_VERSION

    def to_dict(self) -> dict[str, Any]:
        data = _dump(self)
        # "schema" leads the object, as in DESIGN.md, so a reader of a JSONL line sees it first.
        return {"schema": data.pop("schema"), **data}

    def to_json(self, *, indent: int | None = None) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Analysis:
        if data.get("schema") != SCHEMA_VERSION:
            raise ValueError(f"unsupported schema {data.get('schema')!r}; this newsint reads {SCHEMA_VERSION}")
        return _load(cls, data)

    @classmethod
    def from_json(cls, text: str) -> Analysis:
        return cls.from_dict(json.loads(text))


# --------------------------------------------------------------------------------------------
# The stored article: what the store hands to corpus analysis (one analysed article and where it
# came from). Here, beside the Analysis it carries, so that the store does not import the corpus.


@dataclass(slots=True)
class CorpusArticle:
    """One stored article.

    ``article_id`` is the store's key (the content hash of the analysed text). ``outlet`` is the
    publishing site or source name when known. ``duplicate_of`` points at the first-stored copy
    when this article is a near-duplicate (a syndicated or re-published wire story): corpus
    analysis counts a group of copies as one independent source.
    """

    article_id: str
    analysis: Analysis
    outlet: str | None = None
    duplicate_of: str | None = None

    @property
    def independent_source(self) -> str:
        """The key that identifies this article's independent origin (itself, or the copy it repeats)."""
        return self.duplicate_of or self.article_id


def load_schema() -> dict[str, Any]:
    """The JSON Schema of the Analysis contract, as shipped in the package."""
    return json.loads(resources.files("newsint.schema").joinpath("analysis-1.json").read_text("utf-8"))


# --------------------------------------------------------------------------------------------
# Generic (de)serialisation driven by the dataclass type hints: one place, no per-record code.

T = TypeVar("T")
_HINTS: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    if cls not in _HINTS:
        _HINTS[cls] = get_type_hints(cls)
    return _HINTS[cls]


def _dump(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _dump(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, list):
        return [_dump(v) for v in value]
    if isinstance(value, dict):
        return {k: _dump(v) for k, v in value.items()}
    return value


def _load(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in get_args(hint) if a is not type(None)]
        return _load(options[0], value) if len(options) == 1 else value
    if origin is list:
        (item,) = get_args(hint) or (Any,)
        return [_load(item, v) for v in value]
    if origin is dict:
        return dict(value)
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        hints = _hints(hint)
        known = {f.name for f in dataclasses.fields(hint)}
        unknown = set(value) - known
        if unknown:
            raise ValueError(f"{hint.__name__}: unknown field(s) {sorted(unknown)}")
        return hint(**{k: _load(hints[k], v) for k, v in value.items()})
    if hint is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    return value
