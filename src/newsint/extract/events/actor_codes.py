"""Actor codes for participants: sectors filled from the event, bare group nouns resolved, own side dropped."""

from __future__ import annotations

from spacy.tokens import Token

from newsint.extract.entities.actors import GROUP_SECTORS
from newsint.extract.events.mentions import MentionIndex, MentionRef
from newsint.kb.knowledge import knowledge_base
from newsint.model import Participant

# Bare group nouns that stand for the government last named ("the regime's crackdown").
GOVERNMENT_NOUNS = {"regime", "government", "authorities", "administration", "leadership", "junta"}

# How far back (in sentences) a bare "the regime" looks for the government it stands for.
GOVERNMENT_WINDOW_SENTENCES = 3

# Group nouns for people away from their own country: a bare one is not the source's people.
DISPLACED_NOUNS = {"refugees", "migrants", "asylum-seekers", "exiles", "evacuees"}

MILITARY_SECTOR, GOVERNMENT_SECTOR = "MIL", "GOV"

STATE_SECTORS = {"GOV", "MIL", "LEG", "JUD", "COP"}


def own_side(target: Participant, actors: list[Participant]) -> bool:
    """A target that is the actor itself, or a state's own state ("Syria offered its troops"); a
    government's own opposition or civilians stay targets ("crackdown on opposition protests"),
    and so does the state that rebels, workers or protesters act against ("rebels demanding that
    the Turkish government provide information")."""
    code = (target.actor or "").split()
    for actor in actors:
        if target.entity is not None and target.entity == actor.entity:
            return True
        acting = (actor.actor or "").split()
        same_country = bool(code) and bool(acting) and acting[0] == code[0]
        state_actor = len(acting) == 1 or (len(acting) > 1 and acting[1] in STATE_SECTORS)
        if same_country and state_actor and (len(code) == 1 or code[1] in STATE_SECTORS):
            return True
    return False


def actor_codes(
    refs: list[MentionRef | Token | str],
    index: MentionIndex,
    trigger: Token,
    *,
    military: bool,
    fill_sector: bool,
    source: list[Participant] | None = None,
) -> list[Participant]:
    kb = knowledge_base()
    out: list[Participant] = []
    for ref in refs:
        if isinstance(ref, str):
            code, entity = ref, None
        elif isinstance(ref, MentionRef):
            code = ref.actor or ref.person_actor or ref.country
            entity = ref.entity.id
        else:
            entity = None
            # A nationality adjective on a nominal trigger ("Russian strikes"), else a bare group noun.
            country = kb.adjective_country(ref.text)
            code = country if country is not None else _bare_group(ref, index, trigger, source or [])
        if code is None:
            continue
        if fill_sector and " " not in code and len(code) == 3 and not _is_igo(code):
            code = f"{code} {MILITARY_SECTOR if military else GOVERNMENT_SECTOR}"
        participant = Participant(entity=entity, actor=code)
        if participant not in out:
            out.append(participant)
    return out


def _is_igo(code: str) -> bool:
    return not code.isalpha() or code in {"NATO", "UN", "EU", "IGO", "OSCE", "AU"}


def _bare_group(noun: Token, index: MentionIndex, trigger: Token, source: list[Participant]) -> str | None:
    """ "the regime" -> the government last named; "opposition protests" -> the source's country."""
    sector = "GOV" if noun.lemma_.lower() in GOVERNMENT_NOUNS else GROUP_SECTORS.get(noun.lower_)
    if sector is None:
        return None
    if noun.lemma_.lower() not in GOVERNMENT_NOUNS:
        if noun.lower_ in DISPLACED_NOUNS:
            return None  # "will not accept any more refugees": people from elsewhere
        countries = [p.actor.split()[0] for p in source if p.actor and len(p.actor.split()[0]) == 3]
        return f"{countries[0]} {sector}" if countries else None
    here = index.sentence_of.get(noun.i, 0)
    for i in range(noun.i - 1, -1, -1):
        if here - index.sentence_of.get(i, 0) > GOVERNMENT_WINDOW_SENTENCES:
            break
        ref = index.by_token.get(i)
        if ref is not None and ref.actor and ref.actor.endswith(f" {sector}"):
            return ref.actor
    return None
