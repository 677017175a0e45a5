"""When an event happened: the time expression that governs its trigger."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsint.extract.events.grammar import clause_head, is_under
from newsint.model import TimeExpression
from newsint.nlp.text import doc_text


def times_by_sentence(doc: Doc, times: list[TimeExpression]) -> dict[int, dict[int, TimeExpression]]:
    """The resolved times by the first token of their sentence, then by the token that heads
    them. Only a time in the trigger's own sentence can govern it (both tests below follow the
    parse, which stays inside a sentence), so a trigger is not tried on a long article's every time."""
    out: dict[int, dict[int, TimeExpression]] = {}
    for time in times:
        span = doc.char_span(time.start, time.end, alignment_mode="expand")
        if span is not None and (time.value_start or time.value_end):
            root = span.root
            out.setdefault(root.sent.start, {})[root.i] = time
    return out


def event_dates(token: Token, time_tokens: dict[int, TimeExpression]) -> tuple[str | None, str | None, str | None]:
    """The time expression that governs the trigger: inside a nominal trigger's own phrase, else
    attached to the trigger's clause (not to a nested clause with a verb of its own).
    ``time_tokens``: the times of the trigger's sentence (``times_by_sentence``)."""
    if not time_tokens:
        return None, None, None
    clause = clause_head(token)
    candidates = []
    for i, time in time_tokens.items():
        root = token.doc[i]
        if token.pos_ != "VERB" and is_under(root, token):
            candidates.append((0, abs(i - token.i), time))
        elif clause_head(root.head if root.pos_ in {"VERB", "AUX"} else root).i == clause.i:
            candidates.append((1, abs(i - token.i), time))
    if not candidates:
        return None, None, None
    time = min(candidates, key=lambda c: (c[0], c[1]))[2]
    before = doc_text(token.doc)[max(0, time.start - 6) : time.start].lower()
    if time.text.lower().startswith("since") or before.rstrip().endswith("since"):
        # "since the middle of January": the event began then and has not ended.
        return time.value_start, None, time.precision
    return time.value_start, time.value_end, time.precision
