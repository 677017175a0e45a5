"""Mentions grouped into entities: the group an entity is built in, the key an unlinked name is
grouped by, the merges that join two groups, and the numbered entities they become."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Span

from newsint.model import Entity, Mention

HONORIFICS = {
    "mr", "mrs", "ms", "miss", "dr", "sen", "senator", "rep", "gov", "governor", "mayor", "president", "judge",
    "sheriff", "officer", "sgt", "lt", "capt", "col", "gen", "coach", "rev", "father", "sir", "lord", "lady",
}  # fmt: skip
# Verbs whose subject is a speaker: a name that is their subject is not a town.
SPEECH_VERBS = {"say", "tell", "add", "explain", "write", "ask", "argue", "note", "recall", "insist", "claim"}
_LEADING_DETERMINER = re.compile(r"^(?:the|a|an)\s+", re.I)
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")


@dataclass(slots=True)
class EntityGroup:
    key: str
    type: str
    name: str
    kb_id: str | None
    mentions: list[Mention] = field(default_factory=list)
    attributes: dict[str, Any] = field(default_factory=dict)
    actor: str | None = None
    spans: list[Span] = field(default_factory=list)


def name_key(text: str) -> str:
    text = _POSSESSIVE.sub("", _LEADING_DETERMINER.sub("", text))
    return " ".join(re.sub(r"[^\w\s-]", " ", text.casefold()).split())


def merge_surnames(groups: dict[str, EntityGroup], surnames: dict[str, str]) -> None:
    """A surname seen before its full name ("Guterres … Antonio Guterres") joins it too."""
    for key in list(groups):
        group = groups[key]
        if group.type != "PERSON" or group.kb_id or " " in group.name:
            continue
        target = surnames.get(group.name)
        if target and target != key and target in groups:
            groups[target].mentions.extend(group.mentions)
            groups[target].spans.extend(group.spans)
            del groups[key]


def merge_surname_namesakes(groups: dict[str, EntityGroup], surnames: dict[str, str]) -> None:
    """A lone surname NER typed an organisation or an unplaced place, after the article named
    that person in full, is the person: "Anna Petrova, a nurse … Petrova added" (one entity per
    referent, never a PERSON and a PLACE for one name). Not where the text uses it as a place
    ("in Jackson"): that one stays a place."""
    for key in list(groups):
        group = groups[key]
        if group.type not in {"ORG", "PLACE"} or group.kb_id or not group.spans:
            continue
        written = group.spans[0].text
        target = surnames.get(written)
        if target is None or target not in groups or any(len(s) != 1 or s.text != written for s in group.spans):
            continue
        if any(s.start > 0 and s.doc[s.start - 1].lower_ in _PLACE_WORDS_BEFORE for s in group.spans):
            continue
        if any(
            other_key not in (key, target) and len(span) > 1 and span[-1].text == written
            for other_key, other in groups.items()
            for span in other.spans
        ):
            continue  # two named in full share the surname ("Vasiliki Scurfield … Kosta Scurfield"): which one?
        groups[target].mentions.extend(group.mentions)
        groups[target].spans.extend(group.spans)
        del groups[key]


# Words before a name that make it a place's ("in Jackson", "near Petrova", "the town of").
_PLACE_WORDS_BEFORE = {"in", "near", "outside", "across", "around", "inside", "from", "into", "at", "of", "to"}


def merge_place_namesakes(groups: dict[str, EntityGroup]) -> None:
    """A name NER called an organisation or a person and a place elsewhere in the same article,
    which no knowledge-base entry claims, is that place: "If the SDF ends up governing Raqqa",
    "the Douma attack" (the small model reads many one-word Arabic town names as people). Not a
    speaker ("said Saratova") nor a name after a title ("Mayor Jackson"). Only exact names of towns,
    counties, divisions and named regions: a country or capital named as an agent is its
    government (actors.py)."""
    places: dict[str, str] = {}
    for key, group in groups.items():
        if (
            group.type == "PLACE"
            and group.kb_id
            and group.kb_id.startswith(("geonames:", "county:", "admin1:", "region:"))
        ):
            for span in group.spans:
                places.setdefault(span.text, key)
    for key in list(groups):
        group = groups[key]
        if group.type not in {"ORG", "PERSON"} or group.kb_id:
            continue
        target = places.get(group.spans[0].text) if group.spans else None
        same_name = all(span.text == group.spans[0].text for span in group.spans)
        person_cues = group.type == "PERSON" and any(_titled(span) for span in group.spans)
        if target and same_name and not person_cues and not any(_speaks(span) for span in group.spans):
            groups[target].mentions.extend(group.mentions)
            groups[target].spans.extend(group.spans)
            del groups[key]


def _titled(span: Span) -> bool:
    """Whether a title or honorific is written before the name ("Mr Jackson", "Sen. Clinton")."""
    if span.start == 0:
        return False
    before = span.doc[span.start - 1]
    return before.text.rstrip(".").lower() in HONORIFICS or before.ent_type_ == "PERSON"


def _speaks(span: Span) -> bool:
    """Whether the name is the subject of a speech verb ("Saratova says", "said Saratova"): a
    person or an organisation, not a town, whatever place elsewhere shares the name."""
    root = span.root
    return root.dep_ in {"nsubj", "nsubjpass"} and root.head.lemma_.lower() in SPEECH_VERBS


def numbered_entities(groups: dict[str, EntityGroup]) -> list[Entity]:
    ordered = sorted(groups.values(), key=lambda g: min(m.start for m in g.mentions))
    entities = []
    for number, group in enumerate(ordered, start=1):
        mentions = sorted(group.mentions, key=lambda m: m.start)
        entities.append(
            Entity(
                id=f"E{number}",
                name=group.name,
                type=group.type,  # type: ignore[arg-type]
                kb_id=group.kb_id,
                actor=group.actor,
                attributes=group.attributes,
                mentions=mentions,
            )
        )
    return entities
