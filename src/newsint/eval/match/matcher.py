"""One gold file's sections matched against an Analysis, section by section, through one generic
one-to-one matcher; and how findings name the items they concern."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from newsint.eval.match.assignment import assign
from newsint.eval.match.complete import actor_accepted, modality_class, type_accepted
from newsint.eval.match.results import Finding, SectionResult
from newsint.eval.match.rules import (
    bands_overlap,
    cue_matches,
    date_matches,
    head_words,
    quantity_matches,
    same_code,
    same_value,
)
from newsint.eval.match.text import Sentences, contains, name_key, normalise
from newsint.model import Analysis, Claim, Contradiction, Entity, Event, Judgement, Mention

T = TypeVar("T")
_Checks = list[tuple[bool, str]]  # (passed, what failed); the first check identifies the item


def _first_failure(checks: _Checks) -> tuple[int, str | None]:
    for depth, (passed, message) in enumerate(checks):
        if not passed:
            return depth, message
    return len(checks), None


@dataclass(frozen=True, slots=True)
class _Rules(Generic[T]):
    noun: str  # "entities", for "the output has no entities"
    checks: Callable[[dict, T], _Checks]
    gold_label: Callable[[dict], str]
    output_label: Callable[[T], str]
    anchors: Callable[[dict], list[str]]  # strings to find the expected sentence by
    output_span: Callable[[T], tuple[int, int] | None]


class _Matcher:
    """Holds the analysis, the sentence index and the gold-id → output maps across sections."""

    def __init__(self, analysis: Analysis, sections: Mapping[str, Any], complete: Collection[str]) -> None:
        self.analysis = analysis
        self.document = analysis.document
        self.sentences = Sentences(analysis.document.text)
        self.sections = sections
        self.complete = set(complete)
        self.gold_entities = {e["id"]: e for e in sections.get("entities", []) if "id" in e}
        self.gold_claims = {c["id"]: c for c in sections.get("claims", []) if "id" in c}
        self.entity_map: dict[str, str] = {}  # gold entity id -> output entity id
        self.claim_map: dict[str, Claim] = {}  # gold claim id -> output claim
        self.quantities = {q.id: q for q in analysis.quantities}

    def run(self) -> list[SectionResult]:
        steps: dict[str, Callable[[Any], SectionResult]] = {
            "document": self.document_section,
            "entities": self.entities,
            "entities_not": self.entities_not,
            "actor_mentions": self.actor_mentions,
            "claims": self.claims,
            "contradictions": self.contradictions,
            "judgements": self.judgements,
            "events": self.events,
            "events_hypothetical": self.events_hypothetical,
        }
        return [step(self.sections[name]) for name, step in steps.items() if name in self.sections]

    # --- the generic one-to-one matcher -------------------------------------------------------

    def match(self, section: str, golds: list[dict], outputs: Sequence[T], rules: _Rules[T],
              *, complete: bool | None = None) -> tuple[SectionResult, list[int | None]]:  # fmt: skip
        verdicts = [[_first_failure(rules.checks(g, o)) for o in outputs] for g in golds]
        candidates = [[i for i, (_, failure) in enumerate(row) if failure is None] for row in verdicts]
        assignment = assign(candidates)
        findings = []
        for g, (gold, row, got) in enumerate(zip(golds, verdicts, assignment, strict=True)):
            label = rules.gold_label(gold)
            sentence = self.sentences.of(rules.anchors(gold))
            if got is not None:
                detail = f"matched {rules.output_label(outputs[got])}"
                findings.append(Finding(section, label, True, detail=detail, sentence=sentence))
                continue
            if not outputs:
                detail = f"the output has no {rules.noun}"
            elif candidates[g]:
                taker = next(i for i, o in enumerate(assignment) if o == candidates[g][0])
                detail = (f"its match {rules.output_label(outputs[candidates[g][0]])} went to "
                          f"{rules.gold_label(golds[taker])}")  # fmt: skip
            else:
                best = max(range(len(outputs)), key=lambda i: row[i][0])
                depth, failure = row[best]
                detail = failure if depth == 0 else f"closest {rules.output_label(outputs[best])}: {failure}"
            findings.append(Finding(section, label, False, detail=detail, sentence=sentence))
        result = SectionResult(section, findings, complete=section in self.complete if complete is None else complete)
        if result.complete:
            taken = {o for o in assignment if o is not None}
            result.output_total = len(outputs)
            for i, output in enumerate(outputs):
                if i not in taken:
                    span = rules.output_span(output)
                    sentence = self.sentences.text_around(*span) if span else None
                    result.unexpected.append(Finding(section, rules.output_label(output), False,
                                                     detail="matches no gold item", sentence=sentence))  # fmt: skip
        return result, assignment

    # --- document ------------------------------------------------------------------------------

    def document_section(self, gold: dict[str, Any]) -> SectionResult:
        doc = self.document
        findings: list[Finding] = []
        output_total = 0
        unexpected: list[Finding] = []

        def check(label: str, ok: bool, got: str, key: str | None, *, forbidden: bool = False) -> None:
            detail = None if ok else f"got {got}"
            sentence = self.sentences.of([key]) if key else None
            findings.append(Finding("document", label, ok, forbidden, detail, sentence, anchored=key is not None))

        def values(label: str, golds: list[dict], outputs: list[dict], main: str) -> None:
            nonlocal output_total
            rules: _Rules[dict] = _Rules(
                noun=label,
                checks=lambda g, o: [(all(_same_text(o.get(k), v) for k, v in g.items()), f"no output {label} is it")],
                gold_label=lambda g: f"{label}: {_quote(g[main])}",
                output_label=lambda o: _quote(o[main]),
                anchors=lambda g: [g[main]],
                output_span=lambda o: None,
            )
            result, _ = self.match("document", golds, outputs, rules, complete="document" in self.complete)
            findings.extend(result.findings)
            output_total += result.output_total or 0
            unexpected.extend(result.unexpected)

        if "title" in gold:
            check("title", _same_text(doc.title, gold["title"]), _quote(doc.title), gold["title"])
        if doc.title is not None:
            output_total += 1
            if not _same_text(doc.title, gold.get("title")):
                unexpected.append(Finding("document", f"title: {_quote(doc.title)}", False, detail="no gold title"))
        if "captions" in gold or doc.captions:
            values("caption", [{"text": c} for c in gold.get("captions", [])],
                   [{"text": c} for c in doc.captions], "text")  # fmt: skip
        if "original_publisher" in gold:
            ok = _same_text(doc.original_publisher, gold["original_publisher"])
            check("original publisher", ok, _quote(doc.original_publisher), gold["original_publisher"])
        if "links" in gold or doc.links:
            outputs = [{"url": link.url, "anchor": link.anchor} for link in doc.links]
            values("link", gold.get("links", []), outputs, "url")
        if "related_articles" in gold or doc.related_articles:
            outputs = [{"title": r.title, "url": r.url} for r in doc.related_articles]
            values("related article", gold.get("related_articles", []), outputs, "title")
        body = doc.body
        flat = normalise(body)
        if "body_starts_with" in gold:
            want = gold["body_starts_with"]
            check("body starts with", flat.startswith(normalise(want)), _quote(_excerpt(flat, start=True)), want)
        if "body_ends_with" in gold:
            want = gold["body_ends_with"]
            check("body ends with", flat.endswith(normalise(want)), _quote(_excerpt(flat, start=False)), want)
        if "body_paragraphs" in gold:
            count, bounds = len(doc.paragraphs_of("body")), gold["body_paragraphs"]
            ok = bounds.get("min", 0) <= count <= bounds.get("max", count)
            check(f"body paragraphs {_bounds(bounds)}", ok, f"{count} paragraphs", None)
        for want in gold.get("body_must_contain", []):
            check(f"body contains {_quote(want)}", normalise(want) in flat, "a body without it", want)
        for unwanted in gold.get("body_must_not_contain", []):
            present = normalise(unwanted) in flat
            findings.append(Finding("document", f"body must not contain {_quote(unwanted)}", not present, True,
                                    "it does" if present else None,
                                    self.sentences.of([unwanted]) if present else None))  # fmt: skip
        complete = "document" in self.complete
        return SectionResult("document", findings, complete=complete,
                             output_total=output_total if complete else None,
                             unexpected=unexpected if complete else [])  # fmt: skip

    # --- entities ------------------------------------------------------------------------------

    def entities(self, golds: list[dict]) -> SectionResult:
        result, assignment = self.match("entities", golds, self.analysis.entities, self.entity_rules())
        for gold, got in zip(golds, assignment, strict=True):
            if got is not None and "id" in gold:
                self.entity_map[gold["id"]] = self.analysis.entities[got].id
        return result

    def entity_rules(self) -> _Rules[Entity]:
        def checks(g: dict, e: Entity) -> _Checks:
            names = {name_key(n) for n in (g["name"], *g.get("aliases", []))}
            surfaces = {name_key(e.name), *(name_key(m.text) for m in e.mentions)}
            out: _Checks = [
                (bool(names & surfaces), "no output entity has this name or an alias as its name or a mention"),
                (e.type == g["type"], f"type is {e.type}, not {g['type']}"),
            ]
            if "actor" in g:
                out.append((same_code(e.actor, g["actor"]), f"actor is {e.actor}, not {g['actor']}"))
            for key in ("kind", "iso", "category", "origin"):
                if key in g:
                    value = e.attributes.get(key)
                    out.append((same_value(value, g[key]), f"{key} is {value!r}, not {g[key]!r}"))
            if "min_mentions" in g:
                count = len(e.mentions)
                out.append((count >= g["min_mentions"], f"{count} mentions, fewer than {g['min_mentions']}"))
            return out

        return _Rules(
            noun="entities",
            checks=checks,
            gold_label=lambda g: f"{g['name']} ({g['type']})",
            output_label=_entity_label,
            anchors=lambda g: [g["name"], *g.get("aliases", [])],
            output_span=lambda e: (e.mentions[0].start, e.mentions[0].end) if e.mentions else None,
        )

    def entities_not(self, golds: list[dict]) -> SectionResult:
        located = {e.location.entity for e in self.analysis.events if e.location and e.location.entity}
        findings = []
        for gold in golds:
            key = name_key(gold["text"])
            offenders = [e for e in self.analysis.entities
                         if key in {name_key(e.name), *(name_key(m.text) for m in e.mentions)}
                         and gold.get("type") in (None, e.type)
                         and (gold.get("as") != "event location" or e.id in located)]  # fmt: skip
            label = f"no {gold.get('type', 'entity')} {_quote(gold['text'])}"
            if gold.get("as"):
                label += f" as {gold['as']}"
            if not offenders:
                findings.append(Finding("entities_not", label, True, True, sentence=self.sentences.of([gold["text"]])))
                continue
            offender = offenders[0]
            mention = next((m for m in offender.mentions if name_key(m.text) == key), None)
            sentence = self.sentences.text_around(mention.start, mention.end) if mention else None
            detail = f"produced {_entity_label(offender)}"
            findings.append(Finding("entities_not", label, False, True, detail,
                                    sentence or self.sentences.of([gold["text"]])))  # fmt: skip
        return SectionResult("entities_not", findings)

    def actor_mentions(self, golds: list[dict]) -> SectionResult:
        """A mention resolves to its own actor (Mention.actor, for metonymy) or else its entity's.

        Found: at least one mention with this text resolves to the gold code, and none resolves to
        another code. A mention that resolves to no actor ("troops near Minsk") is no error.
        """
        findings = []
        for gold in golds:
            key, want = name_key(gold["text"]), gold["actor"]
            label = f"{_quote(gold['text'])} → {want}"
            resolved = [(m, _mention_actor(e, m)) for e in self.analysis.entities for m in e.mentions
                        if name_key(m.text) == key]  # fmt: skip
            wrong = next(((m, a) for m, a in resolved if a is not None and not same_code(a, want)), None)
            right = any(same_code(a, want) for _, a in resolved)
            if wrong is not None:
                mention, actor = wrong
                detail = f"the mention at {mention.start} resolves to {actor}"
                sentence = self.sentences.text_around(mention.start, mention.end)
            else:
                detail = None if right else ("no output mention has this text" if not resolved
                                             else "no mention with this text resolves to an actor")  # fmt: skip
                sentence = self.sentences.of([gold["text"]])
            findings.append(Finding("actor_mentions", label, right and wrong is None, detail=detail, sentence=sentence))
        return SectionResult("actor_mentions", findings)

    # --- claims and contradictions -------------------------------------------------------------

    def claims(self, golds: list[dict]) -> SectionResult:
        if "claims" in self.complete:
            return self.complete_claims(golds)
        result, assignment = self.match("claims", golds, self.analysis.claims, self.claim_rules())
        for gold, got in zip(golds, assignment, strict=True):
            if got is not None and "id" in gold:
                self.claim_map[gold["id"]] = self.analysis.claims[got]
        return result

    def claim_rules(self) -> _Rules[Claim]:
        def checks(g: dict, c: Claim) -> _Checks:
            want = g["content_contains"]
            out: _Checks = [(contains(c.content.text, want), f"no output claim's content contains {_quote(want)}")]
            if "source" in g:
                target = self.entity_map.get(g["source"])
                if target is None:
                    out.append((False, f"its source {g['source']!r} matched no output entity"))
                else:
                    out.append((c.source.entity == target,
                                f"source entity is {c.source.entity}, not {target} (gold {g['source']})"))  # fmt: skip
            if "source_text" in g:
                message = f"source text {_quote(c.source.text)} does not contain {_quote(g['source_text'])}"
                out.append((contains(c.source.text, g["source_text"]), message))
            if "source_actor" in g:
                out.append((same_code(c.source.actor, g["source_actor"]),
                            f"source actor is {c.source.actor}, not {g['source_actor']}"))  # fmt: skip
            out.append((cue_matches(g["cue"], c.cue),
                        f"cue {_quote(c.cue)} lacks the head words {' '.join(head_words(g['cue']))!r}"))  # fmt: skip
            if "quantity" in g:
                quantity = g["quantity"]
                attached = [self.quantities[i] for i in c.quantities if i in self.quantities]
                ok = any(quantity_matches(quantity, q.value, q.unit) for q in attached)
                seen = ", ".join(f"{q.value:g} {q.unit or ''}".strip() if q.value is not None else q.text
                                 for q in attached) or "none"  # fmt: skip
                want_q = f"{quantity['value']:g} {quantity.get('unit', '')}".strip()
                out.append((ok, f"no attached quantity is {want_q} (±1%); attached: {seen}"))
            return out

        return _Rules(
            noun="claims",
            checks=checks,
            gold_label=_claim_label,
            output_label=lambda c: f"{c.id} {_quote(_clip(c.content.text))}",
            anchors=lambda g: [g["content_contains"]],
            output_span=lambda c: (c.content.start, c.content.end),
        )

    def contradictions(self, golds: list[list[str]]) -> SectionResult:
        def refers(item: Contradiction, claim: Claim) -> bool:
            return claim.id in item.items or any(q in item.items for q in claim.quantities)

        def checks(pair: dict, item: Contradiction) -> _Checks:
            claims = [self.claim_map.get(i) for i in pair["ids"]]
            unmatched = [i for i, c in zip(pair["ids"], claims, strict=True) if c is None]
            out: _Checks = [(not unmatched, f"gold claim(s) {', '.join(unmatched)} matched no output claim")]
            for gold_id, claim in zip(pair["ids"], claims, strict=True):
                if claim is not None:
                    message = f"its items {item.items} name neither {claim.id} ({gold_id}) nor its quantities"
                    out.append((refers(item, claim), message))
            return out

        def span(item: Contradiction) -> tuple[int, int] | None:
            for ref in item.items:
                claim = next((c for c in self.analysis.claims if c.id == ref), None)
                if claim is not None:
                    return claim.content.start, claim.content.end
                if ref in self.quantities:
                    return self.quantities[ref].start, self.quantities[ref].end
            return None

        rules: _Rules[Contradiction] = _Rules(
            noun="contradictions",
            checks=checks,
            gold_label=lambda p: " ↔ ".join(p["ids"]),
            output_label=lambda c: f"{' ↔ '.join(c.items)} ({c.reason})",
            anchors=lambda p: [self.gold_claims[i]["content_contains"] for i in p["ids"] if i in self.gold_claims],
            output_span=span,
        )
        result, _ = self.match("contradictions", [{"ids": pair} for pair in golds], self.analysis.contradictions, rules)
        return result

    # --- judgements ----------------------------------------------------------------------------

    def judgements(self, golds: list[dict]) -> SectionResult:
        def checks(g: dict, j: Judgement) -> _Checks:
            sentence = self.sentences.text_around(j.start, j.end)
            out: _Checks = [
                (contains(j.text, g["contains"]) or contains(sentence, g["contains"]),
                 f"no output judgement's sentence contains {_quote(g['contains'])}"),
                (bands_overlap(g["band"], j.probability), f"band {j.probability} does not overlap {g['band']}"),
            ]  # fmt: skip
            if "condition" in g:
                out.append((contains(j.condition, g["condition"]),
                            f"condition {_quote(j.condition)} does not contain {_quote(g['condition'])}"))  # fmt: skip
            return out

        rules: _Rules[Judgement] = _Rules(
            noun="judgements",
            checks=checks,
            gold_label=lambda g: f"{_quote(g['contains'])} {g['band']}",
            output_label=lambda j: f"{j.id} {_quote(j.phrase)} {j.probability}",
            anchors=lambda g: [g["contains"]],
            output_span=lambda j: (j.start, j.end),
        )
        result, _ = self.match("judgements", golds, self.analysis.judgements, rules)
        return result

    # --- events --------------------------------------------------------------------------------

    def events(self, golds: list[dict]) -> SectionResult:
        if "events" in self.complete:
            return self.complete_events(golds)

        def codes(participants: list) -> set[str]:
            return {" ".join(p.actor.upper().split()) for p in participants if p.actor}

        def entity_check(g: dict, key: str, got: str | None) -> tuple[bool, str]:
            target = self.entity_map.get(g[key])
            if target is None:
                return False, f"its {key} {g[key]!r} matched no output entity"
            return got == target, f"{key} is {got}, not {target} (gold {g[key]})"

        def checks(g: dict, e: Event) -> _Checks:
            out: _Checks = [(e.type.upper() in _gold_types(g), f"no output event has type {'/'.join(_gold_types(g))}")]
            for key, participants in (("actors", e.actors), ("targets", e.targets)):
                if key in g:
                    missing = {" ".join(c.upper().split()) for c in g[key]} - codes(participants)
                    out.append((not missing, f"{key} {sorted(codes(participants))} lack {sorted(missing)}"))
            if "mode" in g:
                out.append((same_value(e.mode, g["mode"]), f"mode is {e.mode}, not {g['mode']}"))
            if "modality" in g:
                out.append((e.modality == g["modality"], f"modality is {e.modality}, not {g['modality']}"))
            for key, place in (("location", e.location), ("origin", e.origin)):
                if key in g:
                    out.append(entity_check(g, key, place.entity if place else None))
            for key, value in (("start", e.start), ("end", e.end)):
                if key in g:
                    when = g[key]
                    message = f"{key} {value} ({e.precision}) is not within {when['value']} ({when['precision']})"
                    out.append((date_matches(when, value, e.precision), message))
            if "condition_contains" in g:
                message = f"condition {_quote(e.condition)} does not contain {_quote(g['condition_contains'])}"
                out.append((contains(e.condition, g["condition_contains"]), message))
            return out

        def anchors(g: dict) -> list[str]:
            # A gold event has no text of its own: the sentence shown is the first holding its
            # condition, or the name of its operation, origin or location (in that order).
            keys = [g["condition_contains"]] if "condition_contains" in g else []
            for key in ("operation", "origin", "location"):
                entity = self.gold_entities.get(g.get(key, ""))
                if entity:
                    keys += [entity["name"], *entity.get("aliases", [])]
            return keys

        rules: _Rules[Event] = _Rules(
            noun="events",
            checks=checks,
            gold_label=_event_label,
            output_label=lambda e: f"{e.id} {e.type} by {', '.join(sorted(codes(e.actors))) or '?'} ({e.modality})",
            anchors=anchors,
            output_span=lambda e: (e.sentence.start, e.sentence.end),
        )
        result, _ = self.match("events", golds, self.analysis.events, rules)
        return result

    # --- complete files (FORMAT.md "Complete files"; the rules in match/complete.py) -------------

    def complete_match(self, section: str, golds: list[dict], outputs: Sequence[T], right: Callable[[dict, T], bool],
                       strict: Callable[[dict, T], _Checks], gold_label: Callable[[dict], str],
                       output_label: Callable[[T], str], output_span: Callable[[T], tuple[int, int]],
                       anchors: Callable[[dict], list[str]]) -> tuple[SectionResult, list[int | None]]:  # fmt: skip
        """Precision by ``right`` over all gold items (optional ones included), one output per gold
        item; recall by ``right`` plus ``strict`` over the required gold items. An output matched
        to an optional gold item is no false positive (FORMAT.md), so it counts as right; how many
        there were is kept (``optional_matched``) for the reader."""
        loose = assign([[i for i, o in enumerate(outputs) if right(g, o)] for g in golds])
        taken = {o: g for g, o in enumerate(loose) if o is not None}
        required = [g for g in golds if not g.get("optional")]
        rules: _Rules[T] = _Rules(noun=section, checks=lambda g, o: [(right(g, o), "no output item is right for it"),
                                                                     *strict(g, o)],
                                  gold_label=gold_label, output_label=output_label, anchors=anchors,
                                  output_span=output_span)  # fmt: skip
        result, assignment = self.match(section, required, outputs, rules, complete=False)
        result.complete = True
        optional = {o for o, g in taken.items() if golds[g].get("optional")}
        result.optional_matched = len(optional)
        result.output_total = len(outputs)
        for i, output in enumerate(outputs):
            if i not in taken:
                sentence = self.sentences.text_around(*output_span(output))
                result.unexpected.append(Finding(section, output_label(output), False,
                                                 detail="right for no gold item", sentence=sentence))  # fmt: skip
        return result, assignment

    def gold_sentences(self, golds: list[dict], key: str) -> list[list[tuple[int, int]]]:
        """For each gold item, the sentence spans of the document holding its ``key`` phrase."""
        out = []
        for gold in golds:
            spans = [self.sentences.around(*span) for span in self.sentences.find(gold[key])]
            out.append([s for s in spans if s is not None])
        return out

    def complete_events(self, golds: list[dict]) -> SectionResult:
        events = self.analysis.events
        where = self.gold_sentences(golds, "contains")
        index = {id(g): i for i, g in enumerate(golds)}

        def in_sentence(g: dict, e: Event) -> bool:
            return any(e.sentence.start < end and start < e.sentence.end for start, end in where[index[id(g)]])

        def right(g: dict, e: Event) -> bool:
            return (in_sentence(g, e) and type_accepted(e.type, _gold_types(g))
                    and modality_class(e.modality) == modality_class(g.get("modality")))  # fmt: skip

        def place_names(entity_id: str) -> set[str]:
            entity = self.gold_entities.get(entity_id, {})
            return {name_key(n) for n in (entity.get("name", entity_id), *entity.get("aliases", []))}

        def output_place_names(place: Any) -> set[str]:
            entity = next((x for x in self.analysis.entities if place and x.id == place.entity), None)
            return {name_key(entity.name), *(name_key(m.text) for m in entity.mentions)} if entity else set()

        def strict(g: dict, e: Event) -> _Checks:
            out: _Checks = []
            for key, participants in (("actors", e.actors), ("targets", e.targets)):
                have = [p.actor for p in participants if p.actor]
                missing = [c for c in g.get(key, []) if not actor_accepted(c, have)]
                out.append((not missing, f"{key} {sorted(have)} lack {missing}"))
            for key, place in (("location", e.location), ("origin", e.origin)):
                if key in g:
                    out.append((bool(place_names(g[key]) & output_place_names(place)),
                                f"{key} is {place.entity if place else None}, not {g[key]}"))  # fmt: skip
            for key, value in (("start", e.start), ("end", e.end)):
                if key in g:
                    when = g[key]
                    out.append((date_matches(when, value, e.precision),
                                f"{key} {value} ({e.precision}) is not within {when['value']} ({when['precision']})"))  # fmt: skip
            return out

        result, _ = self.complete_match(
            "events", golds, events, right, strict, _event_label,
            lambda e: f"{e.id} {e.type} by {', '.join(sorted(p.actor for p in e.actors if p.actor)) or '?'} ({e.modality})",
            lambda e: (e.sentence.start, e.sentence.end), lambda g: [g["contains"]])  # fmt: skip
        # Factual output in a sentence whose gold events are all non-factual: the worst error an
        # analyst meets (a thing that did not happen on the timeline as a fact).
        for e in events:
            if modality_class(e.modality) != "factual":
                continue
            here = [g for g in golds if in_sentence(g, e)]
            if here and all(modality_class(g.get("modality")) == "non-factual" for g in here):
                result.nonfactual_asserted.append(Finding(
                    "events", f"{e.id} {e.type} ({e.modality})", False,
                    detail=f"gold: {', '.join(str(g.get('modality')) for g in here)}",
                    sentence=self.sentences.text_around(e.sentence.start, e.sentence.end)))  # fmt: skip
        return result

    def complete_claims(self, golds: list[dict]) -> SectionResult:
        """Right: content holds ``content_contains`` (or lies inside it, four words or more) and the
        source is the claim's source: its entity's name or an alias, or ``source_text``, contained
        either way in the output source text or equal to the output entity's name or a mention.
        A pronoun source is never right ("he" has not told the analyst who spoke)."""
        entities = {e.id: e for e in self.analysis.entities}

        def source_names(g: dict) -> list[str]:
            if "source" in g:
                entity = self.gold_entities.get(g["source"], {})
                return [entity.get("name", g["source"]), *entity.get("aliases", [])]
            return [g["source_text"]]

        def right(g: dict, c: Claim) -> bool:
            want = g["content_contains"]
            inside = len(c.content.text.split()) >= MIN_CLAIM_WORDS_INSIDE and contains(want, c.content.text)
            if not (contains(c.content.text, want) or inside):
                return False
            text = c.source.text or ""
            if name_key(text) in _PRONOUNS:
                return False
            entity = entities.get(c.source.entity or "")
            surfaces = {name_key(entity.name), *(name_key(m.text) for m in entity.mentions)} if entity else set()
            for name in source_names(g):
                if name_key(name) in surfaces or contains(text, name) or (text.strip() and contains(name, text)):
                    return True
            return False

        result, assignment = self.complete_match(
            "claims", golds, self.analysis.claims, right, lambda g, c: [], _claim_label,
            lambda c: f"{c.id} {_quote(_clip(c.content.text))}", lambda c: (c.content.start, c.content.end),
            lambda g: [g["content_contains"]])  # fmt: skip
        required = [g for g in golds if not g.get("optional")]
        for gold, got in zip(required, assignment, strict=True):
            if got is not None and "id" in gold:
                self.claim_map[gold["id"]] = self.analysis.claims[got]
        return result

    def events_hypothetical(self, golds: list[dict]) -> SectionResult:
        findings = []
        for gold in golds:
            kind = gold.get("type")
            label = f"no asserted {kind or 'event'} from {_quote(gold['contains'])}"
            spans = [self.sentences.around(*span) for span in self.sentences.find(gold["contains"])]
            spans = [s for s in spans if s is not None]
            if not spans:
                findings.append(Finding("events_hypothetical", label, False, True, "its sentence is not in the text"))
                continue
            sentence = self.document.text[spans[0][0] : spans[0][1]]
            offender = next((e for e in self.analysis.events
                             if e.modality == "asserted" and (kind is None or e.type.upper() == kind.upper())
                             and any(e.sentence.start < end and start < e.sentence.end for start, end in spans)),
                            None)  # fmt: skip
            detail = None if offender is None else f"produced {offender.id} {offender.type} (asserted)"
            findings.append(Finding("events_hypothetical", label, offender is None, True, detail, sentence))
        return SectionResult("events_hypothetical", findings)


def match_analysis(
    analysis: Analysis, sections: Mapping[str, Any], complete: Collection[str] = ()
) -> list[SectionResult]:
    """Score ``analysis`` against a gold file's ``sections`` (as ``gold.load_gold`` returns them)."""
    return _Matcher(analysis, sections, complete).run()


def _same_text(output: str | None, gold: str | None) -> bool:
    if gold is None:
        return output is None
    return output is not None and normalise(output) == normalise(gold)


def _quote(text: str | None) -> str:
    return "nothing" if text is None else f"“{text}”"


def _clip(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _excerpt(text: str, *, start: bool, width: int = 80) -> str:
    if len(text) <= width:
        return text
    return text[:width] + "…" if start else "…" + text[-width:]


def _bounds(bounds: Mapping[str, int]) -> str:
    low, high = bounds.get("min"), bounds.get("max")
    if low == high:
        return f"= {low}"
    if high is None:
        return f"≥ {low}"
    return f"≤ {high}" if low is None else f"{low}–{high}"


def _mention_actor(entity: Entity, mention: Mention) -> str | None:
    return getattr(mention, "actor", None) or entity.actor


def _entity_label(entity: Entity) -> str:
    return f"{entity.id} “{entity.name}” ({entity.type})"


# FORMAT.md: an output claim inside the gold phrase is right when it has four words or more.
MIN_CLAIM_WORDS_INSIDE = 4
_PRONOUNS = frozenset(("he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "this", "that"))


def _gold_types(gold: dict) -> list[str]:
    """A gold event's acceptable types, upper-cased (gold.py makes a list; hand-built sections may not)."""
    types = gold["type"]
    return [t.upper() for t in ([types] if isinstance(types, str) else types)]


def _event_label(gold: dict) -> str:
    types = "/".join(_gold_types(gold))
    return f"{gold.get('id', types)}: {types} by {', '.join(gold['actors']) or '?'}"


def _claim_label(gold: dict) -> str:
    source = gold.get("source") or gold.get("source_text")
    name = f"{gold['id']}: " if "id" in gold else ""
    return f"{name}{source} {gold['cue']} {_quote(gold['content_contains'])}"
