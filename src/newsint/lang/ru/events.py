"""A high-precision subset of PLOVER events in Russian: a few verbs (and verb + object pairs)
whose reading is not in doubt in conflict news, with the actor (the verb's subject), the target
(its object) and the modality.

    нанести удар (по X)      FIGHT         атаковать, обстрелять X    FIGHT
    перебросить войска/силы  MOBILIZE      провести учения            MOBILIZE (mode "exercise")
    ввести санкции           SANCTION      (mode "restrict")

Modality: negated when "не" governs the verb; future for a future-tense verb or one under
"планировать / намереваться / собираться / будет"; hypothetical under "может / могут"; reported
when the sentence is a claim's content (the event then points at the claim).
"""

from __future__ import annotations

from newsint.lang.ru.parse import RussianParse, Token
from newsint.model import Claim, Entity, Event, Participant, SentenceSpan, Span, TimeExpression

# verb lemma -> (type, mode, the object lemmas it needs; empty: none needed)
TRIGGERS: dict[str, tuple[str, str | None, frozenset[str]]] = {
    "нанести": ("FIGHT", None, frozenset({"удар", "удары", "авиаудар", "ракетный"})),
    "наносить": ("FIGHT", None, frozenset({"удар", "удары", "авиаудар"})),
    "атаковать": ("FIGHT", None, frozenset()),
    "обстрелять": ("FIGHT", "heavy-weapons", frozenset()),
    "обстреливать": ("FIGHT", "heavy-weapons", frozenset()),
    "перебросить": (
        "MOBILIZE",
        "troops",
        frozenset(
            {
                "войско",
                "войска",
                "сила",
                "подразделение",
                "военнослужащий",
                "техника",
                "дивизион",
                "батальон",
                "бригада",
            }
        ),
    ),
    "перебрасывать": (
        "MOBILIZE",
        "troops",
        frozenset({"войско", "войска", "сила", "подразделение", "военнослужащий", "техника"}),
    ),
    "провести": ("MOBILIZE", "exercise", frozenset({"учение", "учения"})),
    "проводить": ("MOBILIZE", "exercise", frozenset({"учение", "учения"})),
    "ввести": ("SANCTION", "restrict", frozenset({"санкция", "ограничение", "эмбарго"})),
    "вводить": ("SANCTION", "restrict", frozenset({"санкция", "ограничение", "эмбарго"})),
}
FUTURE_GOVERNORS = frozenset({"планировать", "намереваться", "собираться", "намерен", "быть"})
HYPOTHETICAL_GOVERNORS = frozenset({"мочь"})


def extract_russian_events(
    doc: RussianParse, entities: list[Entity], claims: list[Claim], times: list[TimeExpression]
) -> list[Event]:
    events: list[Event] = []
    for verb in doc.tokens:
        trigger = TRIGGERS.get(verb.lemma)
        if trigger is None or verb.pos != "VERB":
            continue
        event_type, mode, objects = trigger
        children = doc.children(verb)
        if objects and not any(c.rel in ("obj", "nsubj:pass", "obl") and c.lemma in objects for c in children):
            continue
        sentence = doc.sentences[verb.sentence]
        claim = next((c for c in claims if c.content.start <= verb.start < c.content.end), None)
        events.append(
            Event(
                id=f"V{len(events) + 1}",
                type=event_type,
                mode=mode,
                sentence=SentenceSpan(sentence.start, sentence.end),
                actors=_participants(doc, entities, _subjects(doc, verb)),
                targets=_participants(doc, entities, _targets(doc, children, objects)),
                modality=_modality(doc, verb, claim is not None),
                claim=claim.id if claim else None,
                trigger=Span(verb.start, verb.end, verb.text),
                start=_date(times, sentence.start, sentence.end),
            )
        )
    return events


def _subjects(doc: RussianParse, verb: Token) -> list[Token]:
    """The verb's subject; an infinitive's is its governing verb's ("Россия не собирается
    атаковать": Russia would be the attacker)."""
    subjects = [c for c in doc.children(verb) if c.rel == "nsubj"]
    if not subjects and verb.feats.get("VerbForm") == "Inf" and verb.head is not None:
        subjects = [c for c in doc.children(doc.tokens[verb.head]) if c.rel == "nsubj"]
    return subjects


def _targets(doc: RussianParse, children: list[Token], objects: frozenset[str]) -> list[Token]:
    # "нанесли удар по Киеву": the target hangs from the object noun ("удар по ..."); "атаковали
    # Киев": it is the object itself. A needed object ("войска", "учения") is not a target.
    found = [c for c in children if c.rel == "obj" and c.lemma not in objects]
    for child in children:
        if child.lemma in objects:
            found += [g for g in doc.children(child) if g.rel == "nmod"]
    return found


def _participants(doc: RussianParse, entities: list[Entity], heads: list[Token]) -> list[Participant]:
    participants = []
    for head in heads:
        words = doc.subtree(head)
        start, end = words[0].start, words[-1].end
        entity = next((e for e in entities for m in e.mentions if start <= m.start and m.end <= end), None)
        if entity is not None:
            # A country acting is its state: the ISO3 code, as the actor codes begin.
            country = entity.kb_id.split(":", 1)[1] if entity.kb_id and entity.kb_id.startswith("country:") else None
            participants.append(Participant(entity=entity.id, actor=entity.actor or country))
    return participants


def _modality(doc: RussianParse, verb: Token, reported: bool) -> str:
    children = doc.children(verb)
    head = doc.tokens[verb.head] if verb.head is not None else None
    if any(c.lemma == "не" for c in children):
        return "negated"
    if head is not None and verb.feats.get("VerbForm") == "Inf" and any(c.lemma == "не" for c in doc.children(head)):
        return "negated"  # "не собирается атаковать", "не будет атаковать"
    if head is not None and head.lemma in HYPOTHETICAL_GOVERNORS:
        return "hypothetical"
    if verb.feats.get("Tense") == "Fut" or (
        head is not None and head.lemma in FUTURE_GOVERNORS and verb.feats.get("VerbForm") == "Inf"
    ):
        return "future"
    if any(c.lemma == "быть" and c.feats.get("Tense") == "Fut" for c in children):
        return "future"
    return "reported" if reported else "asserted"


def _date(times: list[TimeExpression], start: int, end: int) -> str | None:
    # The first resolved date in the event's sentence: a high-precision subset, nothing cleverer.
    return next((t.value_start for t in times if start <= t.start < end and t.value_start), None)
