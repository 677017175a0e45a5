"""The one place that knows the order of the stages.

    readers -> clean -> (nlp -> extract: entities, claims, quantities, times, events, judgements)

``analyze`` takes a RawDocument (see ``newsint.readers``) and returns the Analysis contract.
The extraction stages arrive with their issues; until then their lists stay empty, which the
evaluation reports honestly as zero.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

from spacy.tokens import Doc

from newsint.clean import clean
from newsint.errors import NewsintError, UsageError
from newsint.extract.claims import extract_claims
from newsint.extract.contradictions import find_contradictions
from newsint.extract.entities import extract_entities, with_dateline_place, with_publisher
from newsint.extract.events import extract_events
from newsint.extract.judgements import extract_judgements
from newsint.extract.published import infer_published, written_on_or_after
from newsint.extract.quantities import extract_quantities
from newsint.extract.quantity_times import link_quantity_times
from newsint.extract.times import extract_times
from newsint.kb.common import ReferenceDay
from newsint.model import Analysis, Document, Entity
from newsint.nlp.model import newsint_nlp
from newsint.nlp.text import remember_text
from newsint.readers.raw import RawDocument

# Documents per spaCy batch in analyze_many: large enough to amortise the model's overhead,
# small enough that a batch of long articles stays well under a few hundred MB.
PIPE_BATCH_SIZE = 32


def parse_reference_date(value: str | None) -> dt.date | None:
    """A user-supplied date (YYYY-MM-DD); a clear error for anything else."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise UsageError(f"--published must be a date like 2019-07-23, not {value!r}") from None


def analyze(raw: RawDocument, *, reference_date: dt.date | None = None) -> Analysis:
    document = _clean(raw, reference_date)
    return _extract(document, newsint_nlp()(document.text))


def analyze_many(
    raws: Iterable[RawDocument], *, reference_date: dt.date | None = None, batch_size: int = PIPE_BATCH_SIZE
) -> Iterator[Analysis]:
    """Analyse a stream of documents, parsing them in batches (spaCy's ``nlp.pipe``)."""
    documents = (_clean(raw, reference_date) for raw in raws)
    nlp = newsint_nlp()
    pairs = nlp.pipe(((d.text, d) for d in documents), as_tuples=True, batch_size=batch_size)
    for doc, document in pairs:
        yield _extract(document, doc)


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
    comes out in its place as its error, and the stream goes on: one result per item, in order."""

    def cleaned() -> Iterator[tuple[str, Document | NewsintError]]:
        for item in items:
            if isinstance(item, NewsintError):
                yield "", item
                continue
            try:
                document = _clean(item, reference_date)
            except NewsintError as error:
                yield "", error
            else:
                yield document.text, document

    for doc, outcome in newsint_nlp().pipe(cleaned(), as_tuples=True, batch_size=batch_size):
        if isinstance(outcome, NewsintError):
            yield outcome
            continue
        try:
            yield _extract(outcome, doc)
        except NewsintError as error:
            yield error
