"""Entity mentions by token, and the actor code a mention carries (or its name gives)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from spacy.tokens import Doc, Token

from newsint.extract.entities.actors import GROUP_SECTORS
from newsint.kb import actors as actor_kb
from newsint.kb.countries import lookup_country
from newsint.kb.knowledge import knowledge_base
from newsint.model import Entity, Mention

# Singular role words and the sector they give a title ("Russian President Boris Yeltsin").
ROLE_SECTORS = {
    "president": "GOV", "minister": "GOV", "premier": "GOV", "leader": "GOV", "official": "GOV", "emir": "GOV",
    "king": "GOV", "chancellor": "GOV", "secretary": "GOV", "spokesman": "GOV", "spokeswoman": "GOV",
    "ambassador": "GOV", "diplomat": "GOV", "envoy": "GOV", "government": "GOV", "ministry": "GOV",
    "authority": "GOV", "court": "JUD", "judge": "JUD", "parliament": "LEG", "lawmaker": "LEG", "army": "MIL",
    "military": "MIL", "troop": "MIL", "soldier": "MIL", "force": "MIL", "general": "MIL", "police": "COP",
    "rebel": "REB", "guerrilla": "REB", "militant": "REB", "insurgent": "REB", "newspaper": "MED",
    "union": "LAB", "worker": "LAB", "farmer": "AGR", "student": "EDU", "party": "PTY", "opposition": "OPP",
    "demonstrator": "OPP", "protester": "OPP", "people": "CVL", "prisoner": "CVL", "resident": "CVL",
}  # fmt: skip


@dataclass(slots=True)
class MentionRef:
    entity: Entity
    mention: Mention

    @property
    def actor(self) -> str | None:
        if self.mention.actor or self.entity.actor:
            return self.mention.actor or self.entity.actor
        # Only a body the KB does not know: one it knows and leaves uncoded (an NGO) stays so.
        return None if self.entity.kb_id else named_actor(self.entity.type, self.entity.name)

    @property
    def person_actor(self) -> str | None:
        """A known person's actor code when every office the knowledge base lists for them gives
        the same one (without a date the office held cannot be chosen otherwise)."""
        kb_id = self.entity.kb_id or ""
        if self.entity.type != "PERSON" or not kb_id.startswith("person:"):
            return None
        who = actor_kb.person(kb_id.split(":", 1)[1])
        codes = {role.actor for role in who.roles} if who else set()
        return codes.pop() if len(codes) == 1 else None

    @property
    def country(self) -> str | None:
        """The country of a place mention used as a party ("to Tokyo" -> JPN)."""
        kb_id = self.entity.kb_id or ""
        if kb_id.startswith("country:"):
            return kb_id.split(":", 1)[1]
        within = self.entity.attributes.get("within")
        return within if isinstance(within, str) and len(within) == 3 else None


@cache
def named_actor(entity_type: str, name: str) -> str | None:
    """An organisation the knowledge base does not know whose own name says whose it is: one
    country by name or demonym and a sector from a role word ("Serbian Workers' Union" -> SRB LAB,
    "Lithuanian Parliament" -> LTU LEG); None otherwise."""
    if entity_type != "ORG":
        return None
    words = [w.strip("'’()") for w in name.split()]
    kb = knowledge_base()
    if len(words) < 2 or kb.adjective_country(words[-1]) or lookup_country(words[-1]):
        return None  # a name is headed by what the body is, not a demonym ("Radical French": a misparse)
    countries: set[str] = set()
    sector = None
    for i, word in enumerate(words):
        if not word[:1].isupper():
            sector = sector or ROLE_SECTORS.get(word.lower()) or ROLE_SECTORS.get(word.lower().rstrip("s"))
            continue
        for phrase in (" ".join(words[i : i + 2]), word):  # "Sri Lanka" before "Sri"
            found = lookup_country(phrase)
            code = found[0].iso3 if len(found) == 1 else kb.adjective_country(phrase)
            if code:
                countries.add(code)
                break
        lower = word.lower()
        sector = sector or ROLE_SECTORS.get(lower) or GROUP_SECTORS.get(lower) or ROLE_SECTORS.get(lower.rstrip("s"))
    if len(countries) != 1 or sector is None:
        return None  # without a role word ("Norwegian Refugee Council") the body may be no state's
    return f"{countries.pop()} {sector}"


@dataclass(slots=True)
class MentionIndex:
    doc: Doc
    by_token: dict[int, MentionRef] = field(default_factory=dict)
    sentence_of: dict[int, int] = field(default_factory=dict)

    @classmethod
    def build(cls, doc: Doc, entities: Iterable[Entity]) -> MentionIndex:
        index = cls(doc)
        for entity in entities:
            for mention in entity.mentions:
                span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
                if span is None:
                    continue
                for i in range(span.start, span.end):
                    # A longer mention wins over a shorter one inside it ("Niger" in "Mali-Niger border").
                    held = index.by_token.get(i)
                    if held is None or len(held.mention.text) < len(mention.text):
                        index.by_token[i] = MentionRef(entity, mention)
        for number, sentence in enumerate(doc.sents):
            index.sentence_of.update(dict.fromkeys(range(sentence.start, sentence.end), number))
        return index

    def at(self, token: Token) -> MentionRef | None:
        return self.by_token.get(token.i)
