"""Judgements: estimative language mapped to ICD 203 probability bands.

``extract_judgements(doc)`` finds where the author, or a source the author quotes, states how
likely an uncertain or future outcome is ("it's highly unlikely the navy would take
part", "there is no way the general would commit his reserves", "Russia will probably not
invade") and maps the phrase to one of the seven ICD 203 bands. The lexicon is data
(``extract/data/estimative.yaml``: the ICD 203 table, Kent's words of estimative probability),
with the syntactic check each phrase must pass; this module holds the checks.

Decisions (see the lexicon's header for the word list):

- One judgement per estimative phrase. ``phrase`` is the phrase as written, with its negation when
  the negator sits next to it ("not likely", "probably won't"). ``start``/``end``/``text`` are the
  *sentence* that holds the phrase (clipped to its line, whitespace trimmed): the sentence is
  what the phrase qualifies, and what a reader (and the gold scorer) checks.
- Only explicit estimative terms count. Bare modals ("may", "might", "could") and "possibly" /
  "perhaps" state a possibility without a likelihood and are not emitted.
- The parse keeps out words that look estimative but are not: attributive adjectives ("likely
  voters", "an unlikely alliance"), comparatives ("more likely to"), the reporter's knowledge
  ("no way to verify", "impossible to say"), opportunities ("a chance to speak"), vows ("we will
  never surrender"), titles (a WORK_OF_ART entity, or a short quotation in title case),
  questions (a sentence ending in "?" asks, it does not judge), and a phrase inside an
  indirect question or a supposition ("whether locals are likely to", "if it is likely that").
- Negation of the phrase's clause ("is not likely", "probably won't") mirrors the band
  (p -> 1 - p: likely <-> unlikely), unless the lexicon names another band or drops it.
- ``condition``: an "if" / "unless" clause, an "in the event of" / "in case of" / clause-initial
  "absent" phrase, or an inverted "should / were / had ..." clause in the *same sentence*, attached to the clause that
  holds the phrase or inside it, e.g. "If a war did break out" for "If a war did break out, it's
  highly unlikely ...". A condition stated in an earlier sentence is not carried over ("If
  Ukraine struck first, things would change. That is unlikely." has no condition on "unlikely").
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml
from spacy.tokens import Doc, Span, Token

from newsint.model import Claim, Judgement
from newsint.nlp.text import doc_text

__all__ = ["Lexicon", "extract_judgements", "lexicon"]

# Words that, just before an adjective, make it a comparison rather than a band.
COMPARATIVES = frozenset({"more", "less", "least", "as", "equally", "twice", "times", "than"})
# Clause links through which a predicative adjective or a modal adverb reaches its clause.
PREDICATIVE_DEPS = frozenset({"acomp", "attr", "xcomp", "oprd", "ccomp", "advmod", "ROOT", "conj", "appos", "advcl"})
CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "csubj", "advcl", "acl", "relcl"})
SCOPE_DEPS = frozenset({"acomp", "attr", "oprd", "advmod", "neg", "nsubj", "npadvmod", "aux"})
COMPLEMENT_DEPS = frozenset({"ccomp", "xcomp", "acomp", "acl", "attr"})
DEONTIC_MODALS = frozenset({"will", "'ll", "would", "'d", "should", "must", "shall"})
# "He did not think a clash was likely" = "he thought a clash unlikely" (negation raising).
# (Word forms, not lemmas: the pipeline may run without its lemmatizer.)
NEG_RAISING = frozenset(
    form
    for stem, past in (
        ("think", "thought"),
        ("believe", "believed"),
        ("expect", "expected"),
        ("suppose", "supposed"),
        ("imagine", "imagined"),
        ("anticipate", "anticipated"),
        ("reckon", "reckoned"),
        ("seem", "seemed"),
        ("appear", "appeared"),
    )
    for form in (stem, stem + "s", past)
)
NEGATORS = frozenset({"not", "n't", "never"})
# Adverbs that negate with emphasis ("hardly likely", "barely possible", "scarcely certain"): the
# negation's band, one band further from even ("not likely" 20-45%, "hardly likely" 5-20%).
EMPHATIC_NEGATORS = frozenset({"hardly", "barely", "scarcely"})
FIRST_SECOND_PERSON = frozenset({"i", "we", "you"})
QUOTE_CHARS = frozenset({'"', "“", "”", "‘", "’", "'", "«", "»"})
TITLE_LABELS = frozenset({"WORK_OF_ART", "LAW", "EVENT", "PRODUCT", "ORG", "PERSON"})
FUNCTION_WORDS = frozenset({"to", "that", "not", "of", "the", "than", "out", "'ll", "will", "but", "all", "in"})


@dataclass(frozen=True, slots=True)
class Entry:
    tokens: tuple[str, ...]
    band: tuple[float, float]
    kind: str
    negated: tuple[float, float] | None  # band when negated; None drops the judgement
    key: int  # index in tokens of the word the syntactic checks look at


@dataclass(frozen=True, slots=True)
class Lexicon:
    entries: dict[str, list[Entry]]  # first token -> entries, longest first
    chance_nouns: frozenset[str]
    chance_qualifiers: dict[str, tuple[float, float]]
    knowledge_verbs: frozenset[str]
    chances_are: tuple[float, float]
    bands: tuple[tuple[float, float], ...]  # the ICD 203 bands, lowest first


def _norm(text: str) -> str:
    return text.lower().replace("’", "'").replace("‘", "'")


def _mirror(band: tuple[float, float]) -> tuple[float, float]:
    return (round(1 - band[1], 2), round(1 - band[0], 2))


@cache
def lexicon() -> Lexicon:
    """The estimative lexicon shipped as ``extract/data/estimative.yaml``, parsed once."""
    raw = yaml.safe_load(resources.files("newsint.extract").joinpath("data/estimative.yaml").read_text("utf-8"))
    bands = {name: (float(lo), float(hi)) for name, (lo, hi) in raw["bands"].items()}
    entries: dict[str, list[Entry]] = {}
    for item in raw["entries"]:
        tokens = tuple(_norm(item["phrase"]).split())
        band = bands[item["band"]]
        if "negated" not in item:
            negated: tuple[float, float] | None = _mirror(band)
        elif item["negated"] in (None, "none"):
            negated = None
        else:
            negated = bands[item["negated"]]
        key = max((i for i, t in enumerate(tokens) if t not in FUNCTION_WORDS), default=len(tokens) - 1)
        entries.setdefault(tokens[0], []).append(Entry(tokens, band, item["kind"], negated, key))
    for group in entries.values():
        group.sort(key=lambda e: -len(e.tokens))
    return Lexicon(
        entries=entries,
        chance_nouns=frozenset(raw["chance_nouns"]),
        chance_qualifiers={word: bands[name] for word, name in raw["chance_qualifiers"].items()},
        knowledge_verbs=frozenset(raw["knowledge_verbs"]),
        chances_are=bands[raw["chances_are"]],
        bands=tuple(sorted(bands.values())),
    )


@dataclass(slots=True)
class _Match:
    tokens: list[Token]  # the phrase's own tokens (in order)
    key: Token  # the word the checks and the negation look at
    band: tuple[float, float]
    negated: tuple[float, float] | None
    kind: str


def extract_judgements(doc: Doc, claims: Sequence[Claim] | None = None) -> list[Judgement]:
    """Estimative judgements in ``doc`` (a parsed spaCy Doc of ``document.text``), in text order,
    with ids J1, J2, ... Given the document's ``claims``, each judgement gets its holder: the
    source of the claim whose content holds its phrase, else the author."""
    lex = lexicon()
    found: list[tuple[int, Judgement]] = []
    for sent in doc.sents:
        if _is_question(sent):
            continue
        used: set[int] = set()
        for match in [*_lexicon_matches(sent, lex), *_chance_matches(sent, lex)]:
            if used.intersection(t.i for t in match.tokens):
                continue
            if match.kind == "chance" and (_in_title(match) or _in_question_or_condition(match.key)):
                continue
            judgement = _judge(sent, match)
            if judgement is None:
                continue
            used.update(t.i for t in match.tokens)
            found.append((match.tokens[0].i, judgement))
    found.sort(key=lambda pair: pair[0])
    for n, (_, judgement) in enumerate(found, start=1):
        judgement.id = f"J{n}"
    if claims is not None:
        for index, judgement in found:
            judgement.holder = _holder(doc[index].idx, claims)
    return [judgement for _, judgement in found]


def _holder(at: int, claims: Sequence[Claim]) -> str | None:
    """The source entity of the innermost claim whose content holds offset ``at`` ("officials
    said an attack was likely": the officials'), "author" when none does; None when that claim's
    source is not resolved to an entity."""
    holding = [c for c in claims if c.content.start <= at < c.content.end]
    if not holding:
        return "author"
    innermost = min(holding, key=lambda c: c.content.end - c.content.start)
    return innermost.source.entity


# --- matching -------------------------------------------------------------------------------


def _lexicon_matches(sent: Span, lex: Lexicon) -> Iterator[_Match]:
    words = [_norm(t.text) for t in sent]
    i = 0
    while i < len(sent):
        for entry in lex.entries.get(words[i], ()):
            n = len(entry.tokens)
            if tuple(words[i : i + n]) != entry.tokens:
                continue
            tokens = list(sent[i : i + n])
            match = _Match(tokens, tokens[entry.key], entry.band, entry.negated, entry.kind)
            if _passes(match, lex):
                yield match
                i += n - 1
                break
        i += 1


def _chance_matches(sent: Span, lex: Lexicon) -> Iterator[_Match]:
    """ "little chance of", "a good chance that", "the chances of a deal are slim", "chances are"."""
    for noun in sent:
        if noun.pos_ not in ("NOUN", "PROPN") or _norm(noun.text) not in lex.chance_nouns:
            continue
        qualifier = next(
            (c for c in noun.children if c.dep_ in ("amod", "det") and _norm(c.text) in lex.chance_qualifiers), None
        )
        predicate = None
        if qualifier is None and noun.dep_ == "nsubj":
            predicate = next(
                (
                    c
                    for c in noun.head.children
                    if c.dep_ in ("acomp", "attr") and _norm(c.text) in lex.chance_qualifiers
                ),
                None,
            )
        word = qualifier if qualifier is not None else predicate
        if word is not None:
            if predicate is None and not _has_chance_complement(noun):
                continue
            band = lex.chance_qualifiers[_norm(word.text)]
            lo, hi = sorted((word.i, noun.i))
            tokens = list(sent.doc[lo : hi + 1])
            yield _Match(tokens, noun, band, _mirror(band), "chance")
        elif (
            _norm(noun.text) == "chances"
            and noun.dep_ == "nsubj"
            and noun.head.i == noun.i + 1
            and _norm(noun.head.text) in ("are", "'re")
            and any(c.dep_ == "ccomp" and c.i > noun.head.i for c in noun.head.children)
        ):  # "Chances are he will resign" (Kent: "chances are good")
            yield _Match([noun, noun.head], noun, lex.chances_are, _mirror(lex.chances_are), "chance")


def _has_chance_complement(noun: Token) -> bool:
    """The chance is *of* an outcome: "chance of a ceasefire", "chance that talks collapse" --
    not "a chance to speak" (an opportunity)."""
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in ("of", "for"):
            return True
        if child.dep_ in CLAUSE_DEPS and not _is_infinitive(child):
            return True
    return False


# --- checks per kind ------------------------------------------------------------------------


def _passes(match: _Match, lex: Lexicon) -> bool:
    if _in_title(match) or _in_question_or_condition(match.key):
        return False
    key = match.key
    kind = match.kind
    if kind == "fixed":
        return True
    if kind == "adverb":
        return not _comparative(match)
    if kind in ("adjective", "adjective_clause", "impossible"):
        if key.pos_ == "PROPN" or _comparative(match) or not _predicative(key):
            return False
        if kind == "adjective_clause" and not _takes_clause(key):
            return False
        return not (kind == "impossible" and _about_knowledge(key, lex))
    if kind == "expected":
        passive = any(c.dep_ == "auxpass" for c in key.children)
        complement = any(c.dep_ in ("xcomp", "ccomp") for c in key.children)
        # "HTS will be expected to evacuate the zone" is an obligation, not a forecast.
        deontic = any(c.dep_ == "aux" and _norm(c.text) in DEONTIC_MODALS for c in key.children)
        return key.tag_ == "VBN" and passive and complement and not deontic
    if kind == "never":
        verb = key.head
        if verb.pos_ not in ("VERB", "AUX") or verb.i < key.i:
            return False
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        return bool(subjects) and all(_norm(s.text) not in FIRST_SECOND_PERSON for s in subjects)
    if kind == "no_way":
        return _no_way_clause(key, lex)
    raise ValueError(f"estimative.yaml: unknown kind {kind!r}")


def _comparative(match: _Match) -> bool:
    first = match.tokens[0]
    return first.i > first.sent.start and _norm(first.nbor(-1).text) in COMPARATIVES


def _predicative(word: Token) -> bool:
    """Not attributive: "the army is unlikely to", "will likely", not "likely voters"."""
    first = word
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    if first.dep_ == "amod" and first.head.i < first.i:
        return True  # after its noun: "injuries likely to have been caused by bombs"
    if first.dep_ in ("amod", "compound", "nmod", "poss"):
        return _adverbial_before_adjective(word)
    return first.dep_ in PREDICATIVE_DEPS or first.dep_ in ("npadvmod", "dep", "parataxis")


def _adverbial_before_adjective(word: Token) -> bool:
    """ "likely self-destructive concessions", "likely fatal wounds": the adjective is an adverb
    of the next adjective (likely = probably), not an attribute of the noun."""
    first = word
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    noun = first.head  # what the (first) adjective is an attribute of
    # Only "likely", and only after a coordinator ("risky and likely self-destructive"): in "an
    # unlikely diplomatic solution" the adjective is an attribute of "diplomatic solution".
    if _norm(word.text) != "likely" or word.i == 0 or word.i + 1 >= len(word.doc):
        return False
    if not (word.nbor(-1).dep_ == "cc" or word.nbor(-1).text in (",", "—", "–")):
        return False
    nxt = word.nbor(1)
    target = nxt if nxt.tag_ in ("JJ", "VBN") else nxt.head
    if not word.i < target.i < noun.i or target.tag_ not in ("JJ", "VBN") or target.i - word.i > 3:
        return False
    return not target.ent_type_ and not target.text[:1].isupper()


def _takes_clause(word: Token) -> bool:
    heads = [word, word.head] if word.dep_ != "ROOT" else [word]
    for head in heads:
        for child in head.children:
            if child.dep_ in CLAUSE_DEPS and child.i != word.i:
                return True
            if child.dep_ in ("nsubj", "expl") and child.lower_ == "it":
                return True
    return any(t.lower_ == "to" for t in word.rights)


def _about_knowledge(word: Token, lex: Lexicon) -> bool:
    """ "impossible to verify / say / know": the reporter's knowledge, not an outcome."""
    for head in (word, word.head):
        for child in head.children:
            if (
                child.dep_ in ("xcomp", "ccomp", "advcl")
                and _is_infinitive(child)
                and (_norm(child.text) in lex.knowledge_verbs)
            ):
                return True
    return False


def _no_way_clause(way: Token, lex: Lexicon) -> bool:
    """ "there is no way the general would commit ...": "no way" with a finite clause of its own;
    not "no way to verify", "no way out", "in no way responsible"."""
    det = way.nbor(-1) if way.i > 0 else None
    if det is None or det.lower_ != "no":
        return False
    if det.i > 0 and det.nbor(-1).lower_ in ("in", "by", "any"):
        return False
    for child in way.children:
        # The clause must follow "no way" directly: in "no way to bomb Syria into the country we
        # want", "we want" is a clause of "country", not what "no way" rules out.
        if child.dep_ in CLAUSE_DEPS and child.left_edge.i == way.i + 1:
            if _is_infinitive(child):
                return False
            if _first_person_ability(child):
                return False
            has_subject = any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in child.children)
            has_that = any(c.dep_ == "mark" and c.lower_ == "that" for c in child.children)
            return has_subject or has_that
    return False


def _first_person_ability(verb: Token) -> bool:
    """ "there was no way I could walk": what the speaker could or could not do, told as it
    happened, not a judgement of how likely something is."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(_norm(s.text) in FIRST_SECOND_PERSON | {"me", "us"} for s in subjects) and any(
        c.dep_ == "aux" and c.lower_ in ("could", "can", "can't", "couldn't") for c in verb.children
    )


def _is_infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and not any(
        c.dep_ in ("nsubj", "nsubjpass") for c in verb.children
    )


def _in_title(match: _Match) -> bool:
    """A title, not a judgement: "the film “Unlikely Allies”" (a WORK_OF_ART entity, or a short
    quotation whose words are all capitalised)."""
    if any(t.ent_type_ in TITLE_LABELS for t in match.tokens):
        return True
    sent = match.tokens[0].sent
    first, last = match.tokens[0].i, match.tokens[-1].i
    opening = next((t for t in reversed(sent.doc[sent.start : first]) if t.text in QUOTE_CHARS), None)
    closing = next((t for t in sent.doc[last + 1 : sent.end] if t.text in QUOTE_CHARS), None)
    if opening is None or closing is None or closing.i - opening.i > 9:
        return False
    words = [t for t in sent.doc[opening.i + 1 : closing.i] if t.is_alpha]
    return len(words) >= 2 and all(w.text[:1].isupper() for w in words)


def _in_question_or_condition(key: Token) -> bool:
    """ "whether locals are likely to welcome ...", "if it is likely that ...": the phrase is asked
    about or supposed, not asserted."""
    scope = key.head if key.dep_ in SCOPE_DEPS else key
    return any(c.dep_ == "mark" and c.lower_ in ("whether", "if", "unless") for c in (*key.children, *scope.children))


def _is_question(sent: Span) -> bool:
    # The sentence's text cut from the document's (Span.text joins its tokens again at each call).
    text = doc_text(sent.doc)[sent.start_char : sent.end_char]
    return text.rstrip().rstrip("”\"’'»)").endswith("?")


# --- the judgement --------------------------------------------------------------------------


def _judge(sent: Span, match: _Match) -> Judgement | None:
    band: tuple[float, float] | None = match.band
    negator = _negator(match)
    if negator is not None:
        band = match.negated
        if band is not None and negator.lower_ in EMPHATIC_NEGATORS:
            band = _further_from_even(band)
    if band is None:
        return None
    span = list(match.tokens)
    if negator is not None and (0 < match.tokens[0].i - negator.i <= 2 or 0 < negator.i - match.tokens[-1].i <= 2):
        span.append(negator)
    doc = sent.doc
    lo, hi = min(t.i for t in span), max(t.i for t in span)
    start, end = _sentence_bounds(sent, match.tokens[0].idx)
    return Judgement(
        id="",
        phrase=doc[lo : hi + 1].text,
        probability=[band[0], band[1]],
        start=start,
        end=end,
        text=doc_text(doc)[start:end],
        condition=_condition(sent, match),
    )


def _further_from_even(band: tuple[float, float]) -> tuple[float, float]:
    """The next ICD 203 band away from even odds: 20-45% -> 5-20%, 55-80% -> 80-95%; the outer
    bands stay."""
    bands = list(lexicon().bands)
    index = bands.index(band) if band in bands else None
    if index is None:
        return band
    middle = len(bands) // 2
    if index < middle:
        return bands[max(index - 1, 0)]
    if index > middle:
        return bands[min(index + 1, len(bands) - 1)]
    return band


def _negator(match: _Match) -> Token | None:
    """The negation of the clause the phrase qualifies ("is not likely", "probably won't")."""
    if match.kind == "never":
        return None
    key = match.key
    own = {t.i for t in match.tokens}
    if any(_norm(t.text) in NEGATORS for t in match.tokens):
        return None  # "probably not", "almost certainly not": the lexicon's band already says it
    heads = [key]
    if key.dep_ in PREDICATIVE_DEPS and key.dep_ not in ("ROOT", "conj", "appos", "ccomp", "advcl"):
        heads.append(key.head)
    if match.kind == "chance" and key.dep_ in ("attr", "nsubj", "dobj"):
        heads.append(key.head)
    clause = heads[-1]
    if clause.dep_ in ("ccomp", "xcomp") and _norm(clause.head.text) in NEG_RAISING:
        heads.append(clause.head)
    for head in heads:
        for child in head.children:
            if child.dep_ == "neg" and child.i not in own and _norm(child.text) in NEGATORS:
                return child
            if child.dep_ == "advmod" and child.i not in own and child.lower_ in EMPHATIC_NEGATORS:
                return child
    before = key.doc[match.tokens[0].i - 1] if match.tokens[0].i > 0 else None
    if before is not None and before.lower_ in EMPHATIC_NEGATORS:
        return before  # "hardly likely", whatever the parser hung "hardly" on
    # "Nor is X likely to disappear": a sentence-initial "nor" negates the main clause.
    first = key.sent[0]
    if first.lower_ == "nor" and first.head.i in {key.i, *(t.i for t in key.ancestors)}:
        return first
    return None


def _sentence_bounds(sent: Span, at: int) -> tuple[int, int]:
    """The sentence's characters around offset ``at``, clipped to its line, whitespace trimmed."""
    text = doc_text(sent.doc)
    start, end = sent.start_char, sent.end_char
    line_start = text.rfind("\n", start, at)
    if line_start != -1:
        start = line_start + 1
    line_end = text.find("\n", at, end)
    if line_end != -1:
        end = line_end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _condition(sent: Span, match: _Match) -> str | None:
    """The conditional clause in the same sentence that the judged clause depends on."""
    key = match.key
    # The clause the phrase qualifies: its verb for a modal adverb or a predicative adjective
    # ("it is almost certain that X will fail unless Y": "unless" hangs off X, under "is").
    scope = key.head if key.dep_ in SCOPE_DEPS else key
    ancestors = {scope.i, *(t.i for t in scope.ancestors)}
    # ... or inside what the phrase judges: its complement clauses ("unlikely the army would
    # fight if war broke out"), not a relative clause hanging off it ("..., which means that if
    # she's repatriated, it'll depend on DNA evidence").
    inside: set[int] = set()
    todo = [scope]
    while todo:
        tok = todo.pop()
        inside.add(tok.i)
        todo.extend(c for c in tok.children if c.dep_ in COMPLEMENT_DEPS)
    own = {t.i for t in match.tokens}
    for lo, hi, attach in _conditional_clauses(sent):
        if any(lo <= i <= hi for i in own):
            continue
        if attach.i in ancestors or attach.i in inside:
            return _trimmed(sent.doc[lo : hi + 1])
    return None


def _conditional_clauses(sent: Span) -> Iterator[tuple[int, int, Token]]:
    """(first token, last token, the token the clause attaches to) for each condition."""
    for tok in sent:
        low = tok.lower_
        if low in ("if", "unless") and tok.dep_ == "mark" and tok.head.dep_ == "advcl":
            prev = tok.nbor(-1).lower_ if tok.i > sent.start else ""
            if prev in ("even", "as"):
                continue  # concessive "even if", comparative "as if"
            if tok.i + 1 < sent.end and tok.nbor(1).lower_ == "anything":
                continue  # "If anything, ..." is a discourse marker
            clause = tok.head
            yield tok.i, clause.right_edge.i, clause.head
        elif (
            low in ("event", "case")
            and tok.head.lower_ == "in"
            and tok.head.dep_ == "prep"
            and (tok.dep_ == "pobj" and any(c.lower_ in ("of", "that") for c in tok.rights))
        ):
            prep = tok.head
            yield prep.i, prep.right_edge.i, prep.head
        elif low == "absent" and (tok.i == sent.start or tok.nbor(-1).is_punct):
            # "Absent sustained pressure, Isis could likely ...": the parser reads clause-initial
            # "absent" in many ways, so the phrase runs to the next comma and qualifies the
            # sentence's main clause.
            comma = next((t for t in sent.doc[tok.i + 1 : min(tok.i + 10, sent.end)] if t.text == ","), None)
            if comma is not None:
                yield tok.i, comma.i - 1, sent.root
        elif (
            low in ("should", "were", "had")
            and tok.dep_ in ("aux", "auxpass", "ROOT")
            and tok.head.dep_ == "advcl"
            and any(c.dep_ in ("nsubj", "nsubjpass") and c.left_edge.i == tok.i + 1 for c in tok.head.children)
        ):
            clause = tok.head
            yield tok.i, clause.right_edge.i, clause.head


def _trimmed(span: Span) -> str | None:
    tokens = list(span)
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
        tokens.pop()
    if not tokens:
        return None
    return doc_text(span.doc)[tokens[0].idx : tokens[-1].idx + len(tokens[-1].text)]
