"""Who a claim's source phrase stands for: the entity it names, or the one it refers back to.

- A name, a title or a pronoun that coreference resolved (extract/entities/coref.py): the entity
  whose mention is the head of the phrase ("UN Secretary-General Antonio Guterres" is the person).
- A record ("the report by the Henry Jackson Society", "Amnesty's report", "a UN study"): its
  author, the entity named beside the noun. "The report" or "the paper" alone is the nearest
  record before it whose author was named.
- "he"/"she" that coreference left alone: the person who last spoke in the claims before it, a
  few sentences back ("“…,” said Jane Doe. … She said …").
- "they": the organisation or group that last spoke, one or two sentences back.

What cannot be resolved keeps its written phrase and no entity. The written phrase always stays
beside the entity (ClaimSource.text).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from spacy.tokens import Span, Token

from newsint.extract.intervals import ItemsByStart
from newsint.model import Entity

# Nouns for written records that have an author who speaks through them.
RECORD_NOUNS = frozenset(
    """report paper study statement document analysis survey letter review investigation dossier
    assessment briefing communique communiqué memo memorandum""".split()
)
# Prepositions that name a record's author ("a report by X", "a statement from X").
AUTHOR_PREPOSITIONS = frozenset({"by", "from"})
# How far ahead a record written "a report" may be named with its author ("The report by X").
RECORD_LOOKAHEAD_SENTENCES = 1
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
GROUP_PRONOUNS = frozenset({"they", "them"})
# "it said", "the ministry said", "the spokesman added": the organisation that last spoke.
ORGANISATION_PRONOUNS = frozenset({"it"})
ORGANISATION_NOUNS = frozenset(
    """ministry department agency organisation organization group army military government council
    commission charity office spokesman spokeswoman spokesperson""".split()
)
# Nouns that stand for the organisation's spokesperson, not a part of its name.
SPOKESPERSON_NOUNS = frozenset({"spokesman", "spokeswoman", "spokesperson"})
# Words that say a person's gender when written just before their name ("his mother, Jane Doe",
# "Mrs Doe") or a pronoun that coreference linked to them: "she" after a man who spoke is not him.
FEMALE_WORDS = frozenset(
    """she her hers herself mrs ms miss madam mother stepmother daughter wife sister grandmother aunt
    niece widow queen princess spokeswoman congresswoman chairwoman businesswoman""".split()
)
MALE_WORDS = frozenset(
    """he him his himself mr sir father stepfather son husband brother grandfather uncle nephew
    widower king prince spokesman congressman chairman businessman""".split()
)
GENDER_WINDOW_TOKENS = 3
# How far back (in sentences) an unresolved "he"/"she" looks for the last speaker, and "they".
LAST_SPEAKER_WINDOW = 6
LAST_GROUP_WINDOW = 2
SPEAKING_GROUP_TYPES = frozenset({"ORG", "NORP", "GROUP"})


@dataclass(slots=True)
class Resolution:
    entity: str | None
    actor: str | None


@dataclass(slots=True)
class _Speaker:
    sentence: int
    entity: Entity


class SourceResolver:
    """Resolves the sources of a document's claims, taken in text order (each resolved speaker
    is remembered for the pronouns after it)."""

    def __init__(self, entities: list[Entity]) -> None:
        self._mentions = ItemsByStart((m.start, m.end, (e, m)) for e in entities for m in e.mentions)
        self._by_id = {e.id: e for e in entities}
        self._speakers: list[_Speaker] = []
        self._genders: dict[str, str | None] = {}

    def resolve(self, source: Span | None) -> Resolution:
        if source is None:
            return Resolution(None, None)
        head = source.root
        entity, actor = self._named(source)
        if entity is not None and len(source) == 1 and head.lower_ in PERSON_PRONOUNS:
            if not self._agrees(head, entity):
                entity, actor = None, None  # coreference gave "she" a man (or "he" a woman): look again
            elif entity in self._by_id and self._gender(self._by_id[entity], head.doc) is None:
                # A speaker just before whom the text calls a woman (for "she") or a man (for "he")
                # is a surer antecedent than coreference's pick of unknown gender.
                known = self._last_speaker(head, known_gender=True)
                if known is not None:
                    entity, actor = known.id, known.actor
        if entity is None and head.lemma_.lower() in RECORD_NOUNS:
            found = self._record_author(head)
            if found is not None:
                entity, actor = found.id, found.actor
        elif entity is None and head.lower_ in PERSON_PRONOUNS | GROUP_PRONOUNS and len(source) == 1:
            found = self._last_speaker(head)
            if found is not None:
                entity, actor = found.id, found.actor
        elif entity is None and _organisation_reference(source):
            found = self._last_organisation(head)
            if found is not None:
                entity, actor = found.id, found.actor
        if entity is not None:
            self._remember(head, entity)
        return Resolution(entity, actor)

    def _named(self, source: Span) -> tuple[str | None, str | None]:
        head = source.root
        best = None
        for entity, mention in self._mentions.within(source.start_char, source.end_char):
            # The head of the phrase decides: "UN Secretary-General Antonio Guterres" is the
            # person, not the UN; "an anonymous Foreign Office official" is an official, not
            # the department — no entity, but the department's actor code.
            is_head = mention.start <= head.idx < mention.end
            rank = (is_head, entity.type == "PERSON", mention.end)
            if best is None or rank > best[0]:
                best = (rank, entity, mention)
        if best is None:
            return None, None
        (is_head, _, _), entity, mention = best
        # "the group Friends of Kurdistan", "the charity Médecins Sans Frontières": a common noun
        # before the name that ends the phrase says what the named one is.
        named_after = mention.end == source.end_char and head.pos_ == "NOUN" and head.idx < mention.start
        return (entity.id if is_head or named_after else None), mention.actor or entity.actor

    def _author_of(self, noun: Token) -> Entity | None:
        """The entity named as the record's author: "by X", "from X", "X's report", "a UN report"."""
        candidates: list[Token] = []
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ in AUTHOR_PREPOSITIONS:
                candidates.extend(c for c in child.children if c.dep_ == "pobj")
            elif child.dep_ in {"poss", "compound"} and child.i < noun.i:
                candidates.append(child)
        for candidate in candidates:
            entity = self._entity_at(candidate)
            if entity is not None:
                return entity
        return None

    def _record_author(self, noun: Token) -> Entity | None:
        own = self._author_of(noun)
        if own is not None:
            return own
        determiners = {c.lower_ for c in noun.children if c.dep_ == "det"}
        doc = noun.doc
        if determiners & {"the", "this", "that"}:
            for token in reversed(doc[: noun.i]):
                if token.lemma_.lower() in RECORD_NOUNS and token.pos_ == "NOUN":
                    author = self._author_of(token)
                    if author is not None:
                        return author
        elif determiners & {"a", "an"}:
            # A lead that names a record before its author: "… condemned a report urging X. The
            # report, by the Y Society, …": the same noun, made definite, in the next sentences.
            here = _sentence_number(noun)
            lemma = noun.lemma_.lower()
            for token in doc[noun.i + 1 :]:
                if _sentence_number(token) - here > RECORD_LOOKAHEAD_SENTENCES:
                    break
                if token.lemma_.lower() == lemma and any(c.lower_ == "the" for c in token.children):
                    return self._author_of(token)
        return None

    def _entity_at(self, token: Token) -> Entity | None:
        for entity, mention in self._mentions.within(token.left_edge.idx, token.right_edge.idx + len(token.right_edge)):
            if mention.start <= token.idx < mention.end:
                return entity
        return None

    def _last_speaker(self, pronoun: Token, *, known_gender: bool = False) -> Entity | None:
        """The last speaker a pronoun may stand for; ``known_gender``: only one the text gives the
        pronoun's gender."""
        here = _sentence_number(pronoun)
        person = pronoun.lower_ in PERSON_PRONOUNS
        window = LAST_SPEAKER_WINDOW if person else LAST_GROUP_WINDOW
        for speaker in reversed(self._speakers):
            if here - speaker.sentence > window:
                return None
            if (speaker.entity.type == "PERSON") == person and (person or speaker.entity.type in SPEAKING_GROUP_TYPES):
                if person and not self._agrees(pronoun, speaker.entity.id):
                    continue  # "she" after a man who spoke: an earlier speaker, if any
                if known_gender and self._gender(speaker.entity, pronoun.doc) is None:
                    continue
                return speaker.entity
        return None

    def _agrees(self, pronoun: Token, entity_id: str) -> bool:
        entity = self._by_id.get(entity_id)
        if entity is None or entity.type != "PERSON" or pronoun.lower_ not in PERSON_PRONOUNS:
            return True
        wanted = "f" if pronoun.lower_ in FEMALE_WORDS else "m"
        gender = self._gender(entity, pronoun.doc)
        return gender is None or gender == wanted

    def _last_organisation(self, reference: Token) -> Entity | None:
        """The organisation that last spoke a sentence or two back, for "it", "the spokesman" or
        "the ministry" (whose name must then hold the noun: "the ministry" is not the army)."""
        here = _sentence_number(reference)
        noun = reference.lemma_.lower()
        for speaker in reversed(self._speakers):
            if here - speaker.sentence > LAST_GROUP_WINDOW:
                return None
            if speaker.entity.type != "ORG":
                continue
            if noun in ORGANISATION_NOUNS - SPOKESPERSON_NOUNS and noun not in speaker.entity.name.lower():
                continue
            return speaker.entity
        return None

    def _gender(self, entity: Entity, doc) -> str | None:
        """ "f", "m" or None: from the nearest word written just before each of the person's named
        mentions ("his mother, Jane Doe": mother, not his); None when they disagree or say nothing.
        Pronouns that coreference linked are not read: they are the guesses this would check."""
        if entity.id in self._genders:
            return self._genders[entity.id]
        seen: set[str] = set()
        for mention in entity.mentions:
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None or span.root.pos_ == "PRON":
                continue
            for token in reversed(doc[max(0, span.start - GENDER_WINDOW_TOKENS) : span.start]):
                word = token.lower_.rstrip(".")
                if word in FEMALE_WORDS or word in MALE_WORDS:
                    seen.add("f" if word in FEMALE_WORDS else "m")
                    break
        gender = next(iter(seen)) if len(seen) == 1 else None
        self._genders[entity.id] = gender
        return gender

    def _remember(self, head: Token, entity_id: str) -> None:
        entity = self._by_id.get(entity_id)
        if entity is not None:
            self._speakers.append(_Speaker(_sentence_number(head), entity))


def _sentence_number(token: Token) -> int:
    # spaCy keeps no sentence index: the doc's user data caches the sentence starts, so each
    # look-up is a bisection.
    doc = token.doc
    starts = doc.user_data.get("newsint.claims.sentence_starts")
    if starts is None:
        starts = doc.user_data["newsint.claims.sentence_starts"] = [s.start for s in doc.sents]
    return bisect_right(starts, token.i) - 1


def _organisation_reference(source: Span) -> bool:
    """ "it", or "the ministry"/"the spokesman" alone: a reference back to an organisation."""
    head = source.root
    if len(source) == 1:
        return head.lower_ in ORGANISATION_PRONOUNS
    determiners = [t for t in source if t.dep_ == "det"]
    return (
        len(source) == 2
        and len(determiners) == 1
        and determiners[0].lower_ == "the"
        and head.lemma_.lower() in ORGANISATION_NOUNS
    )
