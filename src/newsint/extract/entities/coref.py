"""Within-article coreference for people: titles and pronouns.

- A title made of a country adjective and a role noun ("the Belarusian leader", "the Belarusian
  dictator", "Russia's defence minister") names whoever held that role at the reference date,
  looked up in the knowledge base's terms of office. Without a reference date only a lower
  bound on it may be known (``kb.common.OnOrAfter``): then only a holder whose open term had
  begun by that bound is named; with neither, nothing is resolved.
- A personal pronoun that is the subject of a clause ("he argued", "she said") refers to the last
  person named before it, preferring one who was a subject too, within a few sentences. This is
  deliberately narrow: subjects are where claims and events need their source.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from typing import Any

from spacy.tokens import Doc, Token

from newsint.dates import ReferenceDay
from newsint.kb.knowledge import knowledge_base
from newsint.model import PRONOUN_MENTIONS, Mention

# Role nouns and the kind of office they name. "leader" and "dictator" name the head of state,
# the office such words point at in news about a country.
ROLE_NOUNS: dict[tuple[str, ...], str] = {
    ("leader",): "head_of_state",
    ("president",): "head_of_state",
    ("dictator",): "head_of_state",
    ("strongman",): "head_of_state",
    ("autocrat",): "head_of_state",
    ("ruler",): "head_of_state",
    ("head", "of", "state"): "head_of_state",
    ("prime", "minister"): "head_of_government",
    ("premier",): "head_of_government",
    ("chancellor",): "head_of_government",
    ("foreign", "minister"): "foreign_minister",
    ("defence", "minister"): "defence_minister",
    ("defense", "minister"): "defence_minister",
}
# The role nouns by their first word (in ROLE_NOUNS order): most tokens start none, and a dict
# lookup turns them away at once; slicing the Doc for every role at every token cost more than
# the rest of the entity stage.
_ROLES_BY_FIRST_WORD: dict[str, list[tuple[tuple[str, ...], str]]] = {}
for _words, _kind in ROLE_NOUNS.items():
    _ROLES_BY_FIRST_WORD.setdefault(_words[0], []).append((_words, _kind))
SUBJECT_PRONOUNS = PRONOUN_MENTIONS
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
# Words before a title that say its holder is not the one in office at the reference date.
NOT_CURRENT_WORDS = {"former", "ex", "late", "then", "previous", "past", "future", "next", "incoming", "would-be"}
# How far back (in sentences) a pronoun may look for the person it stands for.
PRONOUN_WINDOW_SENTENCES = 3


def add_title_mentions(doc: Doc, groups: dict, *, reference_date: ReferenceDay | None, new_group: Callable) -> None:
    if reference_date is None:
        return
    kb = knowledge_base()
    for token in doc:
        if token.lower_ not in _ROLES_BY_FIRST_WORD:
            continue
        match = _role_at(doc, token.i)
        if match is None:
            continue
        end, kind = match
        adjective = doc[token.i - 1] if token.i > 0 else None
        if adjective is None or adjective.pos_ not in {"ADJ", "PROPN", "NOUN"}:
            continue
        iso3 = kb.adjective_country(adjective.text)
        if iso3 is None:
            continue
        if end < len(doc) and doc[end].ent_type_ == "PERSON":
            continue  # "Polish President Andrzej Duda": the name is the mention
        if _names_someone_else(doc, adjective.i, end):
            continue
        holder = kb.role_holder(iso3, kind, reference_date)
        if holder is None:
            continue
        start = adjective.i - 1 if adjective.i > 0 and doc[adjective.i - 1].lower_ == "the" else adjective.i
        span = doc[start:end]
        group = groups.get(holder.kb_id)
        if group is None:
            group = groups[holder.kb_id] = new_group(
                key=holder.kb_id,
                type="PERSON",
                name=holder.name,
                kb_id=holder.kb_id,
                attributes={**holder.attributes, "named_by_title_only": True},
                actor=holder.actor,
            )
        group.mentions.append(Mention(start=span.start_char, end=span.end_char, text=span.text))


def _names_someone_else(doc: Doc, start: int, end: int) -> bool:
    """Whether the title at doc[start:end] is not the current holder: "the former Portuguese prime
    minister" (a past holder), or a title in apposition to a name written beside it ("the Israeli
    leader, Benjamin Netanyahu", "Richard Nixon, the US president"), where the name says who."""
    before = doc[start - 1] if start > 0 else None
    if before is not None and (
        before.lower_ in NOT_CURRENT_WORDS
        or (before.text in {"-", "‑"} and start > 1 and doc[start - 2].lower_ in NOT_CURRENT_WORDS)
    ):
        return True
    if end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].ent_type_ == "PERSON":
        return True
    head = doc[end - 1]
    return head.dep_ == "appos" and head.head.ent_type_ == "PERSON"


def _role_at(doc: Doc, i: int) -> tuple[int, str] | None:
    for words, kind in _ROLES_BY_FIRST_WORD.get(doc[i].lower_, ()):
        end = i + len(words)
        if end <= len(doc) and tuple(t.lower_ for t in doc[i:end]) == words:
            return end, kind
    return None


def add_pronoun_mentions(doc: Doc, groups: dict[str, Any]) -> None:
    people: list[tuple[int, Any, bool]] = []  # (token index, group, was a subject)
    for group in groups.values():
        if group.type != "PERSON":
            continue
        for span in group.spans:
            people.append((span.start, group, span.root.dep_ in SUBJECT_DEPS))
    if not people:
        return
    pronouns = [t for t in doc if t.lower_ in SUBJECT_PRONOUNS and t.dep_ in SUBJECT_DEPS]
    if not pronouns:
        return
    people.sort(key=lambda item: item[0])
    sentence_of: dict[int, int] = {}
    number = -1
    for token in doc:  # one pass: token index -> sentence number
        number += token.is_sent_start
        sentence_of[token.i] = number
    starts = [index for index, _, _ in people]
    for token in pronouns:
        group = _antecedent(token, people, starts, sentence_of)
        if group is not None:
            group.mentions.append(Mention(start=token.idx, end=token.idx + len(token), text=token.text))


def _antecedent(pronoun: Token, people: list, starts: list[int], sentence_of: dict[int, int]) -> Any:
    """The last subject among the people named before the pronoun within the window of
    sentences, else the last person named there. ``people`` is in text order (``starts``, their
    token indexes): the window is the run just before the pronoun, walked back from it, not the
    whole list searched for each pronoun of a long article."""
    here = sentence_of[pronoun.i]
    nearest = None
    for k in range(bisect_left(starts, pronoun.i) - 1, -1, -1):
        index, group, subject = people[k]
        if here - sentence_of[index] > PRONOUN_WINDOW_SENTENCES:
            break
        if subject:
            return group
        if nearest is None:
            nearest = group
    return nearest
