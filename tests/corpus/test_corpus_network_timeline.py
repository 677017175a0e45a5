"""The actor network (event actors -> targets, claim sources -> entities named in the claim) and the
timeline (dated events and claims, filtered by actor code and date range)."""

from __future__ import annotations

import datetime as dt
import io

import networkx as nx
from corpus_builders import article, entity

from newsint.corpus.network import actor_network
from newsint.corpus.timeline import build_timeline
from newsint.model import Claim, ClaimSource, Event, Participant, SentenceSpan, Span


def _event(eid: str, type_: str, start: str | None) -> Event:
    return Event(
        id=eid, type=type_, sentence=SentenceSpan(0, 10), actors=[Participant(actor="RUS MIL")],
        targets=[Participant(actor="UKR MIL")], start=start,
    )  # fmt: skip


def test_network_counts_events_with_their_type_mix_and_writes_gexf() -> None:
    text = "Russian forces attacked Ukrainian positions."
    a = article("a", text, events=[_event("V1", "ASSAULT", "2022-02-24"), _event("V2", "ASSAULT", "2022-02-25")])
    b = article("b", text, events=[_event("V1", "COERCE", None)])
    graph = actor_network([a, b])
    edge = graph.edges["RUS MIL", "UKR MIL"]
    assert edge["events"] == 3 and edge["weight"] == 3
    assert edge["types"] == "ASSAULT:2 COERCE:1"
    buffer = io.BytesIO()
    nx.write_gexf(graph, buffer)
    buffer.seek(0)
    read = nx.read_gexf(buffer)
    assert read.edges["RUS MIL", "UKR MIL"]["types"] == "ASSAULT:2 COERCE:1"


def test_network_links_a_claim_source_to_the_entities_its_claim_names() -> None:
    text = "Jens Stoltenberg said Russia moved troops to Belarus."
    ents = [
        entity("E1", "Jens Stoltenberg", "PERSON", text, kb_id="person:jens-stoltenberg", actor="NATO"),
        entity("E2", "Russia", "PLACE", text, kb_id="country:RUS", iso="RUS"),
        entity("E3", "Belarus", "PLACE", text, kb_id="country:BLR", iso="BLR"),
    ]
    start = text.index("Russia")
    claim = Claim(id="C1", source=ClaimSource(entity="E1", text="Jens Stoltenberg", actor="NATO"), cue="said",
                  content=Span(start, len(text) - 1, text[start:-1]))  # fmt: skip
    graph = actor_network([article("a", text, entities=ents, claims=[claim])])
    assert set(graph.successors("person:jens-stoltenberg")) == {"country:RUS", "country:BLR"}
    assert graph.edges["person:jens-stoltenberg", "country:RUS"]["claims"] == 1
    assert graph.nodes["person:jens-stoltenberg"]["label"] == "Jens Stoltenberg"


def test_timeline_filters_by_actor_code_and_date_range(example_corpus) -> None:
    nato = build_timeline(example_corpus, actor="NATO")
    assert nato and all("NATO" in e.actors for e in nato)
    # Stoltenberg's claims are in A (4 Feb), B (10 Feb), D2 (16 Feb) and D3 (21 Feb): a claim without a
    # date of its own is dated by its article's publication.
    published = {e.start for e in nato if e.basis == "published"}
    assert published >= {"2022-02-04", "2022-02-10", "2022-02-21"}
    window = build_timeline(example_corpus, actor="NATO", start=dt.date(2022, 2, 5), end=dt.date(2022, 2, 20))
    assert window and all(e.end[:10] >= "2022-02-05" and e.start[:10] <= "2022-02-20" for e in window)
    assert {e.start for e in window if e.basis == "published"} == {"2022-02-10", "2022-02-16"}
    assert [e.start for e in window] == sorted(e.start for e in window)
    # "RUS" keeps "RUS GOV" and "RUS MIL"; it does not keep "RUSSIA"-like prefixes of other codes.
    rus = build_timeline(example_corpus, actor="RUS")
    assert rus and all(any(c == "RUS" or c.startswith("RUS ") for c in e.actors) for e in rus)


def test_timeline_never_dates_an_undated_item() -> None:
    text = "Kyiv said troops left."
    claim = Claim(id="C1", source=ClaimSource(text="Kyiv"), cue="said", content=Span(10, 21, "troops left"))
    event = _event("V1", "RETREAT", None)
    assert build_timeline([article("a", text, published=None, claims=[claim], events=[event])]) == []
