"""The one place that knows the order of the stages.

    readers -> clean -> nlp -> the extract stages of ``STAGES``, in order

``STAGES`` is the registry: each stage a versioned record naming the values it reads
(``requires``) and the ones it produces (``assigns``); the registry is checked when this module
is imported (every value a stage reads is made by an earlier one or given to all of them, the
function's parameters are the values it reads, and every field of the Analysis is made). A stage
returns new records; none changes what an earlier one made. Adding an extractor is one package
under ``extract/`` and one entry here.

``analyze`` takes a RawDocument (see ``newsint.readers``) and returns the Analysis contract;
``analyze_stream`` does the same for a stream, in batches, each failure in its document's place;
``analyze_paths(paths, settings)`` reads files and analyses them: the door every front end uses
(``newsint analyze``, ingest, and what serves or shards them).
Every Analysis records the stages (with their versions) that made it, in ``Analysis.stages``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import inspect
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, TypeVar

from spacy.tokens import Doc

from newsint.clean import clean
from newsint.dates import ReferenceDay
from newsint.errors import AnalysisError, NewsintError
from newsint.extract.claims import extract_claims
from newsint.extract.contradictions import find_contradictions
from newsint.extract.entities import extract_entities, with_dateline_place, with_publisher
from newsint.extract.events import extract_events, link_incidents
from newsint.extract.judgements import extract_judgements
from newsint.extract.published import with_inferred_published, written_on_or_after
from newsint.extract.quantities import extract_quantities, timed_quantities
from newsint.extract.times import extract_times
from newsint.lang.detect import NAMES_ONLY, detect_language
from newsint.lang.names_only import NAMES_ONLY_NOTE, extract_names
from newsint.lang.ru.parse import parse_russian
from newsint.lang.ru.stages import RU_NOTE, RU_STAGES
from newsint.model import Analysis, Document, Entity
from newsint.nlp.parse import parse, parse_many
from newsint.nlp.text import remember_text
from newsint.readers import Input, read_path
from newsint.readers.raw import RawDocument
from newsint.settings import Settings

# A batch (one ``nlp.pipe`` call) ends at this many documents or once it holds this many
# characters, whichever comes first: large enough to amortise the model's overhead, small enough
# that the parser's working memory (~3.6 KB per character at once) stays under about a GB. A text
# longer than a section (nlp.sections) is parsed alone, one section at a time.
PIPE_BATCH_SIZE = 32
PIPE_BATCH_CHARS = 250_000
# Reader errors travel in the batch too (in their place, in order); a feed of a million broken
# lines must not be held in memory until the next good document comes.
PIPE_BATCH_ITEMS = 4 * PIPE_BATCH_SIZE


# --------------------------------------------------------------------------------------------
# The stage registry


@dataclass(frozen=True, slots=True)
class Stage:
    """One extract stage. ``name`` is ``newsint.<stage>.v<N>``: bump N whenever the stage's output
    can change for the same input, so that a stored analysis says which rules made it.
    ``run`` takes the values named by ``requires`` as keyword arguments and returns the value
    of each name in ``assigns`` (the value itself for one name, a tuple in order for several).
    A stage may assign a name an earlier stage made (a refinement, e.g. the dateline's place
    added to the entities) only if it also requires it: it then returns a new value."""

    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    run: Callable[..., Any]


# What every stage may read without a stage making it: the cleaned document, its spaCy Doc and
# the reference date (the user's, else the page's own, parsed once; None when neither gives one).
STAGE_INPUTS = ("document", "doc", "reference")


def _times(doc: Doc, reference: dt.date | None):
    # Relative dates resolve against the reference date; without one they stay unresolved.
    return extract_times(doc, reference)


def _published(document: Document, times, doc: Doc) -> Document:
    # A document with no date of its own gets one inferred from the text's dates, with its
    # evidence; relative expressions stay unresolved (``reference`` stays None): an inferred
    # date is not a known one.
    return document if document.published is not None else with_inferred_published(document, times, doc)


def _entities(doc: Doc, document: Document, reference: dt.date | None, times) -> list[Entity]:
    # Roles ("the Belarusian leader") resolve against the reference date; for an undated text,
    # against a lower bound on when it was written (the periods it names as reached), which is
    # enough to tell roles that held throughout.
    roles_reference: ReferenceDay | None = reference or written_on_or_after(times, doc)
    dateline_place = document.dateline.place if document.dateline else None
    entities = extract_entities(doc, reference_date=roles_reference, dateline_place=dateline_place)
    return with_publisher(entities, document.original_publisher)


def _dateline_place(entities: list[Entity], document: Document) -> list[Entity]:
    # Last: the dateline's place has no mention in the text for the stages before to read.
    return with_dateline_place(entities, document.dateline)


STAGES: tuple[Stage, ...] = (
    # Times first: the publication date inferred from the text, the roles of an undated text and
    # the dates of figures and events all read them.
    Stage("newsint.times.v1", ("doc", "reference"), ("times",), _times),
    Stage("newsint.published.v1", ("document", "times", "doc"), ("document",), _published),
    Stage("newsint.entities.v3", ("doc", "document", "reference", "times"), ("entities",), _entities),
    Stage("newsint.quantities.v1", ("doc",), ("quantities",), extract_quantities),
    Stage("newsint.claims.v3", ("doc", "entities", "quantities"), ("claims",), extract_claims),
    # A figure's date: the time expression that governs it (after claims, which do not read it).
    Stage("newsint.quantity_times.v1", ("doc", "quantities", "times"), ("quantities",), timed_quantities),
    # Events after claims (an event inside someone's claim is reported and points at it) and
    # times (the time expressions that govern a clause date its event).
    Stage("newsint.events.v3", ("doc", "entities", "claims", "times"), ("events",), extract_events),
    # One incident per occurrence: the mentions of one act share an id (the timeline counts it once).
    Stage("newsint.incidents.v1", ("doc", "events"), ("events",), link_incidents),
    # After claims: a judgement inside someone's claim is that source's (Judgement.holder).
    Stage("newsint.judgements.v2", ("doc", "claims"), ("judgements",), extract_judgements),
    Stage("newsint.contradictions.v1", ("claims", "quantities"), ("contradictions",), find_contradictions),
    Stage("newsint.dateline_place.v1", ("entities", "document"), ("entities",), _dateline_place),
)

# The Analysis fields the stages fill (all but the contract's own bookkeeping).
ANALYSIS_FIELDS = tuple(f.name for f in dataclasses.fields(Analysis) if f.name not in ("schema", "stages"))


def check_stages(stages: tuple[Stage, ...]) -> None:
    """Raise ValueError when the registry cannot run: a stage reads a value nothing made before
    it, re-assigns one without reading it, names a parameter its function lacks, repeats a
    name, or the stages leave an Analysis field unmade."""
    made = set(STAGE_INPUTS)
    names: set[str] = set()
    for stage in stages:
        if not stage.name.startswith("newsint.") or ".v" not in stage.name:
            raise ValueError(f"stage {stage.name!r}: a name is newsint.<stage>.v<N>")
        if stage.name in names:
            raise ValueError(f"stage {stage.name!r} is registered twice")
        names.add(stage.name)
        if missing := [name for name in stage.requires if name not in made]:
            raise ValueError(f"stage {stage.name!r} requires {missing}, which no earlier stage assigns")
        if redone := [name for name in stage.assigns if name in made and name not in stage.requires]:
            raise ValueError(f"stage {stage.name!r} re-assigns {redone} without requiring it")
        parameters = list(inspect.signature(stage.run).parameters)
        if sorted(parameters) != sorted(stage.requires):
            raise ValueError(
                f"stage {stage.name!r}: its function takes {parameters}, it requires {list(stage.requires)}"
            )
        made.update(stage.assigns)
    if unmade := [name for name in ANALYSIS_FIELDS if name not in made]:
        raise ValueError(f"no stage assigns the Analysis field(s) {unmade}")


check_stages(STAGES)

# Russian text goes through these instead (lang/ru), to the same Analysis fields.
RUSSIAN_STAGES: tuple[Stage, ...] = tuple(Stage(*spec) for spec in RU_STAGES)
check_stages(RUSSIAN_STAGES)


def run_stage(stage: Stage, values: dict[str, Any]) -> None:
    """Run one stage on ``values`` (the inputs and what earlier stages made), adding its output."""
    output = stage.run(**{name: values[name] for name in stage.requires})
    if len(stage.assigns) == 1:
        output = (output,)
    values.update(zip(stage.assigns, output, strict=True))


def stage_inputs(document: Document, doc: Doc, reference: dt.date | None = None) -> dict[str, Any]:
    """The values every stage may read. ``reference``: the user's date; by default the
    document's own publication date, parsed here once."""
    remember_text(doc, document.text)  # the stages read it through nlp.text.doc_text
    if reference is None and document.published:
        reference = dt.date.fromisoformat(document.published)
    return {"document": document, "doc": doc, "reference": reference}


def extract(document: Document, doc: Doc, reference: dt.date | None = None) -> Analysis:
    """Every stage of ``STAGES`` in order on one parsed document."""
    values = stage_inputs(document, doc, reference)
    for stage in STAGES:
        run_stage(stage, values)
    return Analysis(**{name: values[name] for name in ANALYSIS_FIELDS}, stages=[stage.name for stage in STAGES])


# --------------------------------------------------------------------------------------------
# Running the stages on documents


def analyze(raw: RawDocument, *, reference_date: dt.date | None = None) -> Analysis:
    document = _clean(raw, reference_date)
    if document.language != "en":
        return extract_other_language(document, reference_date)
    return extract(document, parse(document.text), reference_date)


def extract_other_language(document: Document, reference: dt.date | None = None) -> Analysis:
    """A document not in English: Russian through ``RUSSIAN_STAGES``; Ukrainian and Belarusian
    knowledge-base names only; any other language nothing. What was not analysed is said in
    ``document.not_analysed``: never English rules on a text in another language."""
    if reference is None and document.published:
        reference = dt.date.fromisoformat(document.published)
    if document.language == "ru":
        values = {"document": document, "doc": parse_russian(document.text), "reference": reference}
        for stage in RUSSIAN_STAGES:
            run_stage(stage, values)
        values["document"] = dataclasses.replace(values["document"], not_analysed=RU_NOTE)
        fields = {name: values[name] for name in ANALYSIS_FIELDS}
        return Analysis(**fields, stages=[stage.name for stage in RUSSIAN_STAGES])
    if document.language in NAMES_ONLY:
        noted = dataclasses.replace(document, not_analysed=NAMES_ONLY_NOTE[document.language])
        return Analysis(
            noted, entities=extract_names(document.text, document.language, reference), stages=["newsint.names_only.v1"]
        )
    note = f"language {document.language!r}: newsint analyses English and Russian; nothing was extracted"
    return Analysis(dataclasses.replace(document, not_analysed=note), stages=[])


def analyze_many(
    raws: Iterable[RawDocument], *, reference_date: dt.date | None = None, batch_size: int = PIPE_BATCH_SIZE
) -> Iterator[Analysis]:
    """Analyse a stream of documents, parsing them in batches; the first that fails raises its
    error (an unexpected exception as an AnalysisError caused by it)."""
    for outcome in analyze_stream(raws, reference_date=reference_date, batch_size=batch_size):
        if isinstance(outcome, NewsintError):
            raise outcome
        yield outcome


def _clean(raw: RawDocument, reference_date: dt.date | None) -> Document:
    document = clean(raw)
    # The language is detected once, here, from the cleaned text; the reader's metadata (an
    # HTML lang attribute) is not trusted over the text itself.
    document = dataclasses.replace(document, language=detect_language(document.text).code)
    if reference_date is not None:
        # The user's date wins over the page's: they know when they collected or dated it.
        document = dataclasses.replace(document, published=reference_date.isoformat(), published_basis="user")
    return document


def analyze_stream(
    items: Iterable[RawDocument | NewsintError],
    *,
    reference_date: dt.date | None = None,
    batch_size: int = PIPE_BATCH_SIZE,
) -> Iterator[Analysis | NewsintError]:
    """Like ``analyze_many``, but a document that fails (or an error the reader already yielded)
    comes out in its place as its error, and the stream goes on: one result per item, in order.
    Any exception a stage raises on one document fails that document alone (AnalysisError);
    MemoryError, KeyboardInterrupt and SystemExit end the run."""
    cleaned = (_cleaned(item, reference_date) for item in items)
    for batch in _batches(cleaned, batch_size):
        documents = [item for item in batch if isinstance(item, Document) and item.language == "en"]
        parsed = iter(_parsed(documents))
        for item in batch:
            if isinstance(item, NewsintError):
                yield item
                continue
            if item.language != "en":
                yield _analysed_other(item, reference_date)
                continue
            doc = next(parsed)
            yield doc if isinstance(doc, NewsintError) else _analysed(item, doc, reference_date)


def _analysed(document: Document, doc: Doc, reference_date: dt.date | None) -> Analysis | NewsintError:
    try:
        return extract(document, doc, reference_date)
    except NewsintError as error:
        return error
    except MemoryError:  # not this document's fault: the run cannot go on
        raise
    except Exception as exc:  # a bug that this document brings out: the others may be fine
        return AnalysisError.from_exception(exc, path=document.source)


def _analysed_other(document: Document, reference_date: dt.date | None) -> Analysis | NewsintError:
    try:
        return extract_other_language(document, reference_date)
    except NewsintError as error:
        return error
    except MemoryError:
        raise
    except Exception as exc:
        return AnalysisError.from_exception(exc, path=document.source)


def _cleaned(item: RawDocument | NewsintError, reference_date: dt.date | None) -> Document | NewsintError:
    if isinstance(item, NewsintError):
        return item
    try:
        return _clean(item, reference_date)
    except NewsintError as error:
        return error
    except MemoryError:
        raise
    except Exception as exc:
        return AnalysisError.from_exception(exc, path=item.source)


_Item = TypeVar("_Item", Document | NewsintError, RawDocument | NewsintError)


def _batches(items: Iterator[Document | NewsintError], size: int) -> Iterator[list[Document | NewsintError]]:
    """Consecutive items, at most ``size`` documents and about PIPE_BATCH_CHARS characters each."""
    return batched_by_size(items, documents=size, chars=PIPE_BATCH_CHARS, max_items=PIPE_BATCH_ITEMS)


def batched_by_size(items: Iterable[_Item], *, documents: int, chars: int, max_items: int) -> Iterator[list[_Item]]:
    """Consecutive items in lists closed at ``documents`` texts, ``chars`` characters of text or
    ``max_items`` entries (errors passing through count as entries only)."""
    batch: list[_Item] = []
    texts = length = 0
    for item in items:
        batch.append(item)
        if not isinstance(item, NewsintError):
            texts += 1
            length += len(item.text)  # type: ignore[attr-defined]  # a Document or RawDocument
        if texts >= documents or length >= chars or len(batch) >= max_items:
            yield batch
            batch, texts, length = [], 0, 0
    if batch:
        yield batch


def _parsed(documents: list[Document]) -> list[Doc | NewsintError]:
    """The documents' Docs, in order, parsed together; when that fails, each alone, so that one
    document spaCy chokes on fails by itself and not with its batch."""
    try:
        return list(parse_many([document.text for document in documents]))
    except MemoryError:
        raise
    except Exception:
        return [_parsed_alone(document) for document in documents]


def _parsed_alone(document: Document) -> Doc | NewsintError:
    try:
        return parse(document.text)
    except MemoryError:
        raise
    except Exception as exc:
        return AnalysisError.from_exception(exc, path=document.source)


def analyze_paths(
    paths: Iterable[Input | NewsintError],
    settings: Settings,
    *,
    keep: Callable[[Input, RawDocument | NewsintError], bool] | None = None,
) -> Iterator[Analysis | NewsintError]:
    """Every document in these files analysed, one outcome per document in input order: the door
    that ``newsint analyze`` and ``newsint ingest`` share. ``paths`` are files or URLs
    (``readers.WebAddress``, fetched), or errors standing in their place (``readers.expand``
    gives both), passed on as they are. Each file is read by ``readers.read_path`` with
    ``settings``, and the documents of all files are analysed as one stream (``analyze_stream``:
    batched across files, against ``settings.reference_date``); a file that cannot be read comes
    out as its error, in its place.

    ``keep(path, item)``: whether to analyse this document (or report this error) of that file;
    ``newsint ingest --resume`` and ``newsint failed --retry`` pass over some. With
    ``settings.fail_fast`` the first error is the last outcome, and after an input that cannot
    be read nothing more is read. (``runner.local_pool.analyze_paths_parallel`` is the same door
    with the analysis in worker processes: it reads through ``read_items`` as this does.)"""
    for outcome in analyze_stream(read_items(paths, settings, keep=keep), reference_date=settings.reference_date):
        yield outcome
        if settings.fail_fast and isinstance(outcome, NewsintError):
            return


def read_items(
    paths: Iterable[Input | NewsintError],
    settings: Settings,
    *,
    keep: Callable[[Input, RawDocument | NewsintError], bool] | None = None,
) -> Iterator[RawDocument | NewsintError]:
    """The documents of these files, read as ``analyze_paths`` reads them (its ``keep`` and
    ``settings.fail_fast`` included), each unreadable file or bad record as its error in its place."""

    def items() -> Iterator[RawDocument | NewsintError]:
        for path in paths:
            for item in documents_of(path):
                yield item
                if settings.fail_fast and isinstance(item, NewsintError):
                    return

    def documents_of(path: Input | NewsintError) -> Iterator[RawDocument | NewsintError]:
        if isinstance(path, NewsintError):
            yield path
            return
        try:
            for item in read_path(path, settings):
                if keep is None or keep(path, item):
                    yield item
        except NewsintError as error:
            if keep is None or keep(path, error):
                yield error

    return items()
