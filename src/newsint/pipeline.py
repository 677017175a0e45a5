"""The one place that knows the order of the stages.

    readers -> clean -> (nlp -> extract: entities, claims, quantities, times, events, judgements)

``analyze`` takes a RawDocument (see ``newsint.readers``) and returns the Analysis contract;
``analyze_stream`` does the same for a stream, in batches, each failure in its document's place.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from spacy.tokens import Doc

from newsint.clean import clean
from newsint.dates import ReferenceDay
from newsint.errors import AnalysisError, NewsintError
from newsint.extract.claims import extract_claims
from newsint.extract.contradictions import find_contradictions
from newsint.extract.entities import extract_entities, with_dateline_place, with_publisher
from newsint.extract.events import extract_events
from newsint.extract.judgements import extract_judgements
from newsint.extract.published import infer_published, written_on_or_after
from newsint.extract.quantities import extract_quantities
from newsint.extract.quantity_times import link_quantity_times
from newsint.extract.times import extract_times
from newsint.model import Analysis, Document, Entity
from newsint.nlp.parse import parse, parse_many
from newsint.nlp.text import remember_text
from newsint.readers import read_path
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


def analyze(raw: RawDocument, *, reference_date: dt.date | None = None) -> Analysis:
    document = _clean(raw, reference_date)
    return _extract(document, parse(document.text))


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
    if reference_date is not None:
        # The user's date wins over the page's: they know when they collected or dated it.
        document.published, document.published_basis = reference_date.isoformat(), "user"
    return document


def entities_of(document: Document, doc: Doc, roles_reference: ReferenceDay | None = None) -> list[Entity]:
    """The entity stage as the pipeline runs it (the speed runner times it alone).
    ``roles_reference``: what roles ("the Belarusian leader") resolve against — the publication
    date, or for an undated text a lower bound on it; by default the publication date."""
    dateline_place = document.dateline.place if document.dateline else None
    reference = roles_reference or _reference_date(document)
    entities = extract_entities(doc, reference_date=reference, dateline_place=dateline_place)
    return with_publisher(entities, document.original_publisher)


def _reference_date(document: Document) -> dt.date | None:
    return dt.date.fromisoformat(document.published) if document.published else None


def _extract(document: Document, doc: Doc) -> Analysis:
    remember_text(doc, document.text)  # the stages read it through nlp.text.doc_text
    # Relative dates resolve against the publication date, whatever its basis; without one they
    # stay unresolved.
    reference = _reference_date(document)
    # Times first: without a publication date, the periods the text names as reached still bound
    # when it was written, which is enough to tell roles that held throughout.
    times = extract_times(doc, reference)
    if document.published is None:
        # Inferred from the text's own dates, with the evidence recorded; relative expressions
        # stay unresolved (``reference`` stays None): an inferred date is not a known one.
        infer_published(document, times, doc)
    entities = entities_of(document, doc, reference or written_on_or_after(times, doc))
    quantities = extract_quantities(doc)
    claims = extract_claims(doc, entities, quantities)
    link_quantity_times(doc, quantities, times)
    # Events after claims (an event inside someone's claim is reported and points at it) and
    # times (the time expressions that govern a clause date its event).
    events = extract_events(doc, entities, claims, times)
    return Analysis(
        document=document,
        # The dateline's place last: it has no mention in the text for the stages above to read.
        entities=with_dateline_place(entities, document.dateline),
        claims=claims,
        quantities=quantities,
        times=times,
        events=events,
        judgements=extract_judgements(doc),
        contradictions=find_contradictions(claims, quantities),
    )


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
        documents = [item for item in batch if isinstance(item, Document)]
        parsed = iter(_parsed(documents))
        for item in batch:
            if isinstance(item, NewsintError):
                yield item
                continue
            doc = next(parsed)
            yield doc if isinstance(doc, NewsintError) else _analysed(item, doc)


def _analysed(document: Document, doc: Doc) -> Analysis | NewsintError:
    try:
        return _extract(document, doc)
    except NewsintError as error:
        return error
    except MemoryError:  # not this document's fault: the run cannot go on
        raise
    except Exception as exc:  # a bug that this document brings out: the others may be fine
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


def _batches(items: Iterator[Document | NewsintError], size: int) -> Iterator[list[Document | NewsintError]]:
    """Consecutive items, at most ``size`` documents and about PIPE_BATCH_CHARS characters each."""
    batch: list[Document | NewsintError] = []
    documents = chars = 0
    for item in items:
        batch.append(item)
        if isinstance(item, Document):
            documents += 1
            chars += len(item.text)
        if documents >= size or chars >= PIPE_BATCH_CHARS or len(batch) >= PIPE_BATCH_ITEMS:
            yield batch
            batch, documents, chars = [], 0, 0
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
    paths: Iterable[Path | NewsintError],
    settings: Settings,
    *,
    keep: Callable[[Path, RawDocument | NewsintError], bool] | None = None,
) -> Iterator[Analysis | NewsintError]:
    """Every document in these files analysed, one outcome per document in input order: the door
    that ``newsint analyze`` and ``newsint ingest`` share. ``paths`` are files, or errors standing
    in their place (``readers.expand`` gives both), passed on as they are. Each file is read by
    ``readers.read_path`` with ``settings``, and the documents of all files are analysed as one
    stream (``analyze_stream``: batched across files, against ``settings.reference_date``); a file
    that cannot be read comes out as its error, in its place.

    ``keep(path, item)``: whether to analyse this document (or report this error) of that file;
    ``newsint ingest --resume`` and ``newsint failed --retry`` pass over some. With
    ``settings.fail_fast`` the first error is the last outcome, and after an input that cannot
    be read nothing more is read."""

    def items() -> Iterator[RawDocument | NewsintError]:
        for path in paths:
            for item in documents_of(path):
                yield item
                if settings.fail_fast and isinstance(item, NewsintError):
                    return

    def documents_of(path: Path | NewsintError) -> Iterator[RawDocument | NewsintError]:
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

    for outcome in analyze_stream(items(), reference_date=settings.reference_date):
        yield outcome
        if settings.fail_fast and isinstance(outcome, NewsintError):
            return
