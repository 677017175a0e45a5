"""Participants: who acts and who is acted on, as mentions, bare group nouns or codes."""

from __future__ import annotations

from spacy.tokens import Token

from newsint.extract.entities.actors import GROUP_SECTORS
from newsint.extract.events.actor_codes import GOVERNMENT_NOUNS, GOVERNMENT_WINDOW_SENTENCES
from newsint.extract.events.grammar import (
    CONDITION_MARKS,
    OBJECT_DEPS,
    RELATIVE_PRONOUNS,
    SUBJECT_DEPS,
    clause_head,
    conjuncts,
    phrase_tokens,
)
from newsint.extract.events.lexicon import EventType, lexicon
from newsint.extract.events.mentions import ROLE_SECTORS, MentionIndex, MentionRef
from newsint.extract.events.triggers import Trigger, reported_obligation
from newsint.kb.knowledge import knowledge_base

# Prepositions whose object is a party to the event ("strikes against Ukraine", "talks with Minsk").
PARTY_PREPOSITIONS = {
    "against",
    "on",
    "with",
    "to",
    "toward",
    "towards",
    "at",
    "upon",
    "into",
    "for",
    "over",
    "between",
    "among",
}

# Prepositions whose place is the country an act is done in or for, when no party is named.
PLACE_PARTY_PREPOSITIONS = {"in", "for", "to", "into", "on", "against"}

# How many capitalised words before a token a stance prefix may stand ("anti-Islamic State").
NAME_WORDS_MAX = 3

# Nouns of asking: an answer to one ("rejected calls by", "accepted demands from") targets the asker.
REQUEST_NOUNS = {"demand", "call", "request", "appeal", "invitation", "offer", "proposal", "plea", "ultimatum", "bid"}

# Nouns of a stance taken "in" an act ("in defiance of", "in protest at"): their object is a party.
STANCE_NOUNS = {"defiance", "protest", "opposition", "retaliation", "revenge", "solidarity"}


# Verbs whose subject tells of, judges or watches an act without doing it: "the attack was
# confirmed by the Syrian foreign ministry", "Turkey condemned the bombing". A confirmer or a
# reporter is never the actor of what they confirm (issue #15).
WITNESS_VERBS = frozenset((
    "confirm", "report", "deny", "describe", "condemn", "denounce", "criticise", "criticize",
    "witness", "document", "record", "verify", "investigate", "see", "hear", "film", "photograph", "mention",
    "acknowledge", "welcome", "praise", "discuss", "debate", "monitor", "observe", "predict", "fear", "warn",
    "cite", "detail", "reveal", "publish", "say", "tell", "note", "recall", "remember", "mourn",
    "commemorate", "label", "dub", "attribute", "survive", "flee", "escape", "blame", "investigate",
))  # fmt: skip


def participant_refs(
    trigger: Trigger, index: MentionIndex, kind: EventType
) -> tuple[list[MentionRef | Token | str], list[MentionRef | Token | str]]:
    """Who acts and who is acted on in ``trigger``'s event: mentions, bare group nouns (resolved
    to codes later) or codes."""
    token = trigger.token
    actors: list[MentionRef | Token | str] = []
    targets: list[MentionRef | Token | str] = []
    if trigger.nominal:
        for child in token.children:
            if child.dep_ in {"amod", "compound", "nmod"} and child.i < token.i and _nationality(child):
                # "Russian strikes", "joint Russian-Belarusian exercises" (one adjective may hang on the other)
                actors.extend(t for t in child.subtree if t.i < token.i and _nationality(t))
            elif child.dep_ == "poss" or (child.dep_ in {"compound", "nmod"} and child.i < token.i):
                actors.extend(_phrase_refs(child, index))
        actors.extend(_leader_refs(token, index))  # "a Russian-led attack"
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == "by":
                actors.extend(_pobj_refs(child, index))
        head = token.head
        if token.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ in {"VERB", "AUX"}:
            head = head.head  # "remained on alert", "took part in the fighting": the verb's subject acts
            if not actors and head.lemma_.lower() not in WITNESS_VERBS:
                actors.extend(_subject_refs(head, index))
            # "three civilians were killed in a car bombing": who suffered the verb suffered the act.
            for child in head.children:
                if child.dep_ == "nsubjpass":
                    targets.extend(_phrase_refs(child, index, places=False))
        if (not actors and token.dep_ in OBJECT_DEPS | {"nsubjpass"} and head.pos_ in {"VERB", "AUX"}
                and head.lemma_.lower() not in WITNESS_VERBS):  # fmt: skip
            actors.extend(_subject_refs(head, index))  # "Ukraine launched counterstrikes"
            targets.extend(_prep_party_refs(head, index))
        targets.extend(_prep_party_refs(token, index))
        for child in token.children:  # "the invasion of South Lebanon": what the act is done to
            if child.dep_ == "prep" and child.lower_ == "of":
                targets.extend(_pobj_refs(child, index))
        targets.extend(_of_party_refs(token, index))
    elif trigger.type == "DEMAND" and reported_obligation(token):
        actors.extend(_subject_refs(token.head, index))  # who says it must be done
        targets.extend(_subject_refs(token, index))  # who must do it
    else:
        actors.extend(_subject_refs(token, index))
        passive: list[MentionRef | Token | str] = []
        for child in token.children:
            # "a camp was attacked by militiamen": a passive's subject is what the act is done to.
            passive_object = child.dep_ == "nsubjpass" and child.lower_ not in RELATIVE_PRONOUNS
            if passive_object and child.lemma_.lower() not in kind.object_nouns:
                passive.extend(_phrase_refs(child, index, places=False))
            if _relative_object(child, token) and token.head.lemma_.lower() in kind.object_nouns:
                # "Russian forces, who are deployed alongside ...": what moves is the actor's own.
                actors.extend(_phrase_refs(token.head, index) if not actors else [])
            elif _relative_object(child, token):
                # "the YPG, which they accuse of ...", "a camp that was shelled": the antecedent.
                targets.extend(_phrase_refs(token.head, index, places=False))
            elif child.dep_ in {"dobj", "dative"} and child.lemma_.lower() not in kind.object_nouns:
                targets.extend(_phrase_refs(child, index))  # "moving troops": what moves, not a target
            elif child.dep_ == "dobj":
                targets.extend(_prep_party_refs(child, index))  # "granted asylum to five officers"
            if child.dep_ == "dobj":
                targets.extend(_of_party_refs(child, index))
            if child.dep_ == "dobj" and child.lemma_.lower() in REQUEST_NOUNS:
                # "rejected calls by the rulers", "accepted demands from the rebels": the one who
                # asked is the other side of an answer to a request.
                targets.extend(_prep_refs(child, index, {"by", "from"}))
            elif child.dep_ == "dobj" and child.lemma_.lower() in lexicon().nouns:
                # "banned rallies by the opposition", "prevented the demonstration staged by
                # students": acting on someone's act acts on whoever does it.
                targets.extend(_doer_refs(child, index))
        targets.extend(_prep_party_refs(token, index))
        for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "as"):
            # "denounced as a crime Serbia's suppression of ...": the object, moved after its label.
            for label in (c for c in prep.children if c.dep_ == "pobj"):
                for moved in (c for c in label.children if c.dep_ == "appos"):
                    targets.extend(_phrase_refs(moved, index, places=False))
        for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "in"):
            # "blocked streets in defiance of the authorities": whom the stance is taken against.
            for stance in (c for c in prep.children if c.dep_ == "pobj" and c.lemma_.lower() in STANCE_NOUNS):
                targets.extend(_prep_refs(stance, index, {"of", "to", "against", "at"}))
        if not targets:
            # Not when a party follows ("Israel is opposed to French mediation": a state, not a deed).
            targets.extend(passive)
        if kind.name == "PROTEST" and not targets:
            # "blocked a road to show their disapproval of X's policies": the protest's purpose names its target.
            for clause in token.children:
                if clause.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
                    for obj in (c for c in clause.children if c.dep_ == "dobj"):
                        targets.extend(_phrase_refs(obj, index, places=False))
                        targets.extend(_prep_party_refs(obj, index))
                    targets.extend(_prep_party_refs(clause, index))
        if kind.name == "DEMAND":
            # "demanding autonomy from the authorities": whoever it is asked of.
            # "demanded an admission by Moscow": who is to do what is demanded.
            for head in (token, *(c for c in token.children if c.dep_ == "dobj")):
                targets.extend(_prep_refs(head, index, {"from"} if head is token else {"from", "by"}))
    if not targets and not trigger.nominal and kind.frame is not None:
        # "demanded that the US cancel the sale", "pushing hard for the US to support": whoever is
        # to act on a demand, threat or refusal is its target.
        for child in token.children:
            if child.dep_ in {"ccomp", "advcl"} and child.pos_ in {"VERB", "AUX"}:
                if child.dep_ == "advcl" and not any(m.lower_ == "for" for m in child.children):
                    continue
                targets.extend(r for r in _subject_refs(child, index, own=True) if not isinstance(r, Token))
    if not targets and not trigger.nominal:
        # "offered to negotiate with the president of Armenia": the complement names the other side.
        for child in token.children:
            if child.dep_ in {"xcomp", "ccomp"} and child.pos_ in {"VERB", "AUX"}:
                for grandchild in child.children:
                    if grandchild.dep_ in {"dobj", "dative"} and grandchild.lemma_.lower() not in kind.object_nouns:
                        targets.extend(_phrase_refs(grandchild, index, places=False))
                targets.extend(_prep_party_refs(child, index))
    if not targets and kind.name == "THREATEN":
        # "threatened to strike unless Israel rescinded": the one who must comply is the target.
        head = trigger.token if not trigger.nominal else clause_head(trigger.token)
        for child in head.subtree:
            if child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITION_MARKS for m in child.children):
                targets.extend(r for r in _subject_refs(child, index, own=True) if not isinstance(r, Token))
                break
    if not targets:
        # PLOVER's convention: an act done in or for a country, with no other party named, has
        # that country as its recipient ("set up a research center in Tokyo" -> JPN); a
        # withdrawal's is the country left ("will withdraw their force from Chad" -> TCD).
        targets.extend(_place_parties(token, index, withdrawal=kind.name == "RETREAT"))
    if trigger.frame is not None:
        # "threatening Minsk with new sanctions": the sanctions are the threatener's, against Minsk.
        if not actors:
            actors.extend(_subject_refs(trigger.frame.token, index))
        if not targets:
            targets.extend(participant_refs(trigger.frame, index, kind)[1])
    return actors, targets


def _subject_refs(verb: Token, index: MentionIndex, *, own: bool = False) -> list[MentionRef | Token | str]:
    """Who does ``verb``; with ``own`` only its own subject, never one borrowed from above."""
    if own:
        subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        return _phrase_refs(subject, index) if subject is not None and subject.lower_ not in {"it", "they"} else []
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "csubj"}]
    # "the eventuality that, ..., Ukraine launched": the parser may give both "that" and the noun.
    subject = next((c for c in subjects if c.lower_ not in RELATIVE_PRONOUNS), subjects[0] if subjects else None)
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    if agent is not None:
        return _pobj_refs(agent, index)
    if (
        subject is None
        and verb.dep_ in {"xcomp", "conj", "advcl", "acomp"}
        and verb.head.pos_ in {"VERB", "AUX", "ADJ"}
    ):
        return _subject_refs(verb.head, index)  # "agreed to set up", "met and agreed"
    if subject is None and verb.dep_ == "relcl" and not any(c.dep_ == "nsubjpass" for c in verb.children):
        subject = verb.head  # not in a passive ("whose regime has been accused"): the antecedent suffers it
    if subject is None and verb.dep_ == "acl" and verb.head.head.pos_ in {"VERB", "AUX"}:
        return _subject_refs(verb.head.head, index)  # "issued a declaration demanding that ..."

    if subject is None:
        return []
    if subject.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
        subject = verb.head  # "the man who announced": the antecedent acts
    elif subject.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "ccomp":
        # A cleft, "It was he who announced": the focus of the copula acts.
        subject = next((c for c in verb.head.children if c.dep_ == "attr"), subject)
    return _phrase_refs(subject, index)


def _pobj_refs(prep: Token, index: MentionIndex) -> list[MentionRef | Token | str]:
    refs: list[MentionRef | Token | str] = []
    for child in prep.children:
        if child.dep_ == "pobj":
            refs.extend(_phrase_refs(child, index))
    return refs


def _prep_party_refs(token: Token, index: MentionIndex) -> list[MentionRef | Token | str]:
    refs: list[MentionRef | Token | str] = []
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in PARTY_PREPOSITIONS:
            for pobj in child.children:
                if pobj.dep_ != "pobj":
                    continue
                found = _phrase_refs(pobj, index, places=False)
                if not found:
                    # "mobilized reservists for a possible war against Iraq": the party of the deed named;
                    # "an investigation into crimes committed by Croat forces": whoever did the deed.
                    # (the participle right after the noun: a parse's far "acl" is often a misattachment)
                    done = (a for c in pobj.children if c.dep_ == "acl" and c.i == pobj.i + 1 for a in c.children)
                    for inner in (*pobj.children, *done):
                        if (
                            inner.dep_ == "prep" and inner.lower_ in {"against", "on", "upon"}
                        ) or inner.dep_ == "agent":
                            found += [
                                r
                                for c in inner.children
                                if c.dep_ == "pobj"
                                for r in _phrase_refs(c, index, places=False)
                            ]
                refs.extend(found)
    return refs


def _doer_refs(act: Token, index: MentionIndex) -> list[MentionRef | Token | str]:
    """Whoever does the act a noun names: its "by" phrase, or the agent of a participle right
    after it ("the demonstration staged by students")."""
    refs = _prep_refs(act, index, {"by"})
    for participle in (c for c in act.children if c.dep_ == "acl" and c.i == act.i + 1):
        for agent in (c for c in participle.children if c.dep_ == "agent"):
            refs.extend(_pobj_refs(agent, index))
    return refs


def _of_party_refs(noun: Token, index: MentionIndex) -> list[MentionRef | Token | str]:
    """ "a suspension of air links with Serbia": the other side of the relation an "of" names
    (not "on" or "in", which mostly say where: "part of a stronghold on the border")."""
    refs: list[MentionRef | Token | str] = []
    for of in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"):
        for pobj in (c for c in of.children if c.dep_ == "pobj"):
            refs.extend(_prep_refs(pobj, index, {"with", "against", "between", "among"}))
    return refs


def _prep_refs(token: Token, index: MentionIndex, prepositions: set[str]) -> list[MentionRef | Token | str]:
    """Parties under ``token``'s own prepositions of the given kinds, places only as actors."""
    refs: list[MentionRef | Token | str] = []
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in prepositions:
            for pobj in (c for c in child.children if c.dep_ == "pobj"):
                refs.extend(_phrase_refs(pobj, index, places=False))
    return refs


def _place_parties(token: Token, index: MentionIndex, *, withdrawal: bool = False) -> list[MentionRef | Token | str]:
    prepositions = PLACE_PARTY_PREPOSITIONS | ({"from"} if withdrawal else set())
    refs: list[MentionRef | Token | str] = []
    heads = [token]
    if token.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
        heads.append(token.head)  # "sent personnel to Bosnia to investigate": where it was sent to do it
    for _ in range(2):  # "agreed to set up a research center in Tokyo": two steps down
        heads += [c for h in heads for c in h.children if c.dep_ in {"dobj", "xcomp"} and c not in heads]
    for head in heads:
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ in prepositions:
                for pobj in (c for c in child.children if c.dep_ == "pobj"):
                    for member in conjuncts(pobj):
                        for candidate in [member, *phrase_tokens(member)]:
                            ref = index.at(candidate)
                            if ref is not None and ref.entity.type == "PLACE" and ref.country:
                                if not ref.entity.attributes.get("figurative"):
                                    refs.append(ref.country)
                                break
    return refs


def _phrase_refs(head: Token, index: MentionIndex, *, places: bool = True) -> list[MentionRef | Token | str]:
    """The actor mentions a noun phrase names: its head's, else the first inside it; conjuncts too.

    With ``places=False`` a place mention counts only when used as a party (it has an actor code
    through metonymy or is a country), so "troops to the border" gives no target.
    """
    refs: list[MentionRef | Token | str] = []
    for member in conjuncts(head):
        ref = _phrase_ref(member, index, places=places)
        titled = _titled(member, index)
        if ref is not None and not (ref.actor or ref.person_actor or ref.country) and titled:
            refs.extend(titled)  # "Israeli Prime Minister Ehud Barak": the title says who he acts for
        elif ref is not None and ref.entity.attributes.get("generic") and len(titled) > 1:
            refs.extend(titled)  # "US and British forces": a role noun held by several nations
        elif ref is not None:
            refs.append(ref)
        elif titled:
            refs.extend(titled)
        elif _leader_refs(member, index):
            refs.extend(_leader_refs(member, index))  # "the US-led coalition"
        elif member.lower_ in {"it", "they"} and _antecedent(member, index):
            refs.append(_antecedent(member, index))
        elif _group_noun(member) or (member.lower_ in {"he", "she"} and _person_before(member, index)):
            refs.append(
                _person_before(member, index) if member.pos_ == "PRON" else member
            )  # a bare group noun, resolved against the context later
        else:
            # "Senior Hungarian and Romanian officials": nationality conjuncts inside the phrase;
            # "opposition protests": a group noun modifying a nominal event.
            for modifier in member.children:
                modifies = modifier.dep_ in {"amod", "compound"} and modifier.i < member.i
                if modifies and (_nationality(modifier) or _group_noun(modifier)):
                    refs.append(modifier)
            if not refs:
                # "the rights of Palestinians", "the welfare of 2,000 Libyans": a people named in the phrase.
                refs.extend(f"{code} CVL" for code in map(_people, phrase_tokens(member)) if code)
    return refs


def _nationality(token: Token) -> bool:
    return token.pos_ in {"ADJ", "PROPN", "NOUN"} and knowledge_base().adjective_country(token.text) is not None


def _people(token: Token) -> str | None:
    """The country of a plural demonym noun ("Palestinians", "Libyans"), else None."""
    if token.pos_ not in {"NOUN", "PROPN"} or not token.text.endswith("s") or not token.text[:1].isupper():
        return None
    return knowledge_base().adjective_country(token.text[:-1])


def _group_noun(token: Token) -> bool:
    return token.pos_ == "NOUN" and (token.lower_ in GROUP_SECTORS or token.lemma_.lower() in GOVERNMENT_NOUNS)


def _titled(head: Token, index: MentionIndex) -> list[str]:
    """An actor code from a title: a nationality or country and a role word in the phrase
    ("Russian President Boris Yeltsin", "Pakistan President Zia", "the president of Armenia",
    "Nigerians"), the sector from the role word; None without both a country and a role."""
    kb = knowledge_base()
    tokens = [head, *phrase_tokens(head)]
    # "US and British forces": a nation joined to a modifier before the head.
    tokens += [c for t in tokens if t.i < head.i for c in t.children if c.dep_ == "conj" and c.i < head.i]
    # "Demonstrators in Baghdad", "people in Hong Kong": a group placed in a country, when the
    # phrase names none of its own ("US forces in Syria" are American).
    placed = [t for c in head.children if c.dep_ == "prep" and c.lower_ == "in" for t in c.subtree]
    countries: list[str] = []
    sector = None
    # A group the entity stage named by one nationality ("US and British forces" -> USA MIL) is
    # read here word by word: the title may name more nations than the group's code.
    head_ref = index.at(head)
    generic = head_ref is not None and bool(head_ref.entity.attributes.get("generic"))
    if generic:
        tokens = [t for t in tokens if t.i <= head.i]  # "US troops from Syria" are American
    own_countries = 0
    for number, token in enumerate([*tokens, *placed]):
        if number == len(tokens):
            own_countries = len(countries)
        if _stance_prefixed(token) or (own_countries and token in placed):
            continue
        ref = index.at(token)
        if ref is not None and ref.entity.type == "ORG" and ref.actor and token.i != head.i and not generic:
            return [ref.actor]  # "Arab League Secretary General Chadli Klibi": he acts for the League
        country = kb.adjective_country(token.text)  # "Senior Hungarian and Romanian officials": both
        if country is None and ref is not None and ref.entity.type == "PLACE" and token.i != head.i:
            country = ref.country
        if country is not None and country not in countries:
            countries.append(country)
        if sector is None:
            sector = ROLE_SECTORS.get(token.lemma_.lower()) or GROUP_SECTORS.get(token.lower_)
    if not countries and head.pos_ in {"PROPN", "NOUN"} and head.text.endswith("s"):
        plural = kb.adjective_country(head.text[:-1])  # "Nigerians", "Palestinians": the people
        countries, sector = ([plural], sector or "CVL") if plural else ([], sector)
    if not countries or sector is None:
        return []
    return [f"{country} {sector}" for country in countries]


def _antecedent(pronoun: Token, index: MentionIndex) -> MentionRef | None:
    """ "Iraq said it would allow": the nearest actor named before, in the same sentence; not the
    noun a relative clause hangs on when the pronoun is that clause's subject ("the YPG, which they
    accuse": "they" are not the YPG)."""
    clause = pronoun.head
    hung_on = index.at(clause.head) if clause.dep_ == "relcl" and pronoun.dep_ in SUBJECT_DEPS else None
    for i in range(pronoun.i - 1, pronoun.sent.start - 1, -1):
        ref = index.by_token.get(i)
        if ref is not None and ref.entity.type in {"ORG", "PLACE"} and (ref.actor or ref.country):
            if hung_on is not None and ref.entity is hung_on.entity:
                continue
            return ref
    return None


def _relative_object(child: Token, verb: Token) -> bool:
    """A relative pronoun standing for what the relative clause's verb acts on."""
    if verb.dep_ != "relcl" or child.lower_ not in RELATIVE_PRONOUNS:
        return False
    return child.dep_ in {"dobj", "nsubjpass"}


def _person_before(pronoun: Token, index: MentionIndex) -> MentionRef | None:
    """A pronoun the entity stage left alone ("It was he who announced"): the person named last."""
    here = index.sentence_of.get(pronoun.i, 0)
    for i in range(pronoun.i - 1, -1, -1):
        if here - index.sentence_of.get(i, 0) > GOVERNMENT_WINDOW_SENTENCES:
            return None
        ref = index.by_token.get(i)
        if ref is not None and ref.entity.type == "PERSON":
            return ref
    return None


def _phrase_ref(head: Token, index: MentionIndex, *, places: bool) -> MentionRef | None:
    ref = index.at(head)
    if ref is not None and _usable(ref, places):
        return ref
    for token in phrase_tokens(head):
        ref = index.at(token)
        if ref is not None and _usable(ref, places) and not _stance_prefixed(token):
            return ref
    return None


def _stance_prefixed(token: Token) -> bool:
    """ "an anti-Syria journalist", "pro-Kremlin media", "the anti-Islamic State coalition": the
    name says whom they stand for or against (a name of several words is prefixed at its start)."""
    doc = token.doc
    start = token.i
    while start > 0 and doc[start - 1].text[:1].isupper() and token.i - start < NAME_WORDS_MAX:
        start -= 1
    return start >= 2 and doc[start - 1].text == "-" and doc[start - 2].lower_ in {"anti", "pro"}


def _leader_refs(noun: Token, index: MentionIndex) -> list[MentionRef | Token | str]:
    """ "the US-led coalition", "a Russian-led attack", "the Saudi-led coalition": whoever leads it."""
    refs: list[MentionRef | Token | str] = []
    for led in (c for c in noun.children if c.dep_ == "amod" and c.lemma_.lower() == "lead" and c.i < noun.i):
        if led.i == 0 or noun.doc[led.i - 1].text != "-":
            continue
        for leader in (c for c in led.children if c.i < led.i and c.dep_ in {"npadvmod", "compound", "nmod", "amod"}):
            ref = index.at(leader)
            if ref is not None and _usable(ref, places=False) and not _stance_prefixed(leader):
                refs.append(ref)
            elif _nationality(leader):
                refs.append(leader)
    return refs


def _usable(ref: MentionRef, places: bool) -> bool:
    if ref.entity.type in {"EQUIPMENT", "OPERATION"}:
        return False
    if ref.entity.type == "PLACE":
        if ref.entity.attributes.get("figurative"):
            return False
        return places or ref.actor is not None or (ref.country is not None and ref.entity.kb_id.startswith("country:"))
    return True
