"""One event from one trigger: its participants' codes, place, time and modality put together."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from newsint.extract.events.actor_codes import actor_codes, own_side
from newsint.extract.events.confidence import event_confidence
from newsint.extract.events.dates import event_dates, times_by_sentence
from newsint.extract.events.lexicon import Lexicon, lexicon
from newsint.extract.events.mentions import MentionIndex
from newsint.extract.events.modality import claim_of, claims_by_token, event_modality, intention_type
from newsint.extract.events.participants import participant_refs
from newsint.extract.events.places import event_places
from newsint.extract.events.triggers import Trigger, event_mode, find_triggers
from newsint.model import Claim, Entity, Event, SentenceSpan, TimeExpression
from newsint.model import Span as TextSpan


def extract_events(
    doc: Doc,
    entities: list[Entity],
    claims: list[Claim] | None = None,
    times: list[TimeExpression] | None = None,
) -> list[Event]:
    """Events of ``doc``, one per trigger, in text order, ids ``V1``, ``V2``…"""
    lex = lexicon()
    index = MentionIndex.build(doc, entities)
    times_in = times_by_sentence(doc, times or [])
    claim_at = claims_by_token(doc, claims or [])
    events: list[Event] = []
    for sentence in doc.sents:
        time_tokens = times_in.get(sentence.start, {})
        for trigger in find_triggers(sentence, lex):
            event = _event(len(events) + 1, trigger, sentence, index, lex, claim_at, time_tokens)
            if event is not None:
                events.append(event)
    return events


def _event(
    number: int,
    trigger: Trigger,
    sentence: Span,
    index: MentionIndex,
    lex: Lexicon,
    claim_at: dict[int, Claim],
    time_tokens: dict[int, TimeExpression],
) -> Event | None:
    kind = lex.types[trigger.type]
    token = trigger.token
    mode = event_mode(token, kind)
    military = kind.military or mode in {"military", "troops"}
    actor_refs, target_refs = participant_refs(trigger, index, kind)
    actors = actor_codes(actor_refs, index, token, military=military, fill_sector=True)
    targets = actor_codes(target_refs, index, token, military=military, fill_sector=False, source=actors)
    targets = [t for t in targets if not own_side(t, actors)]
    location, origin = event_places(token, index)
    if trigger.nominal and trigger.frame is None and not (actors or targets or location or origin):
        return None  # "the threat", "a war": a reference to an event, not a report of one
    modality, condition = event_modality(trigger, sentence, lex)
    claim = claim_of(token, claim_at)
    event_type = intention_type(trigger, modality, condition, claim is not None)
    if event_type != trigger.type:
        # A threat or a refusal is made now; an agreement to act later is still to come.
        modality = "future" if event_type == "AGREE" else "asserted"
        if event_type == "THREATEN" and trigger.type == "SANCTION":
            mode = "restrict"
    if claim is not None and modality in {"asserted", "future"}:
        modality = "reported"
    start, end, precision = event_dates(token, time_tokens)
    event = Event(
        id=f"V{number}",
        type=event_type,
        sentence=SentenceSpan(sentence.start_char, sentence.end_char),
        mode=mode,
        actors=actors,
        targets=targets,
        location=location,
        origin=origin,
        start=start,
        end=end,
        precision=precision,
        modality=modality,
        condition=condition,
        claim=claim.id if claim else None,
        equipment=_in_sentence(sentence, index, "EQUIPMENT"),
        operation=next(iter(_in_sentence(sentence, index, "OPERATION", near=token)), None),
        trigger=TextSpan(token.idx, token.idx + len(token.text), token.text),
    )
    event.confidence = event_confidence(event, nominal=trigger.nominal)
    return event


def _in_sentence(sentence: Span, index: MentionIndex, etype: str, near: Token | None = None) -> list[str]:
    found: list[str] = []
    # Token indices, not Token objects: building a Token per word of the sentence, twice per
    # event, was the stage's largest single cost.
    refs = [index.by_token[i] for i in range(sentence.start, sentence.end) if i in index.by_token]
    if near is not None:
        refs.sort(key=lambda r: abs(r.mention.start - near.idx))
    for ref in refs:
        if ref.entity.type == etype and ref.entity.id not in found:
            found.append(ref.entity.id)
    return found
