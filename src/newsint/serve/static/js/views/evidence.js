// The evidence view: the article's text with every entity, claim, quantity, time and event
// marked at its characters. Spans overlap (a quantity inside a claim inside an event's
// sentence), so the text is cut at every span boundary and each piece carries the records that
// cover it; clicking a piece lists those records with their confidence.

import { apiGet, apiUrl } from "../api.js";
import { clear, el } from "../dom.js";
import { routeHref } from "../state.js";

const KINDS = ["entity", "claim", "quantity", "time", "event"];

export async function renderEvidence(container, route, showTwin) {
  const article = await apiGet(`articles/${encodeURIComponent(route.arg)}`);
  showTwin(apiUrl(`articles/${encodeURIComponent(route.arg)}`));
  const analysis = article.analysis;
  const doc = analysis.document;
  const annotations = collect(analysis);
  const details = el("aside", { class: "record", "data-testid": "record" }, el("p", { class: "muted" }, "Click a highlighted passage to see what was extracted from it."));

  const legend = el("p", { class: "legend" }, KINDS.map((kind) => [el("span", { class: `mark ${kind}` }, kind), " "]));
  const meta = el("p", { class: "meta" },
    [article.outlet || "unknown outlet", doc.published ? `published ${doc.published} (${doc.published_basis})` : "publication date unknown", doc.source].join(" · "));

  container.append(
    el("h2", { "data-testid": "article-title" }, doc.title || "(untitled)"),
    meta,
    legend,
    el("div", { class: "evidence" }, highlighted(doc.text, annotations, details, article), details),
  );
  if (doc.links && doc.links.length) {
    // Article links are shown as text, never followed from here: a `javascript:` URL is data.
    container.append(el("h3", {}, "Links in the article"),
      el("ul", { class: "links" }, doc.links.map((link) => el("li", {}, el("code", {}, link.url), link.anchor ? ` — ${link.anchor}` : ""))));
  }
}

function collect(analysis) {
  const found = [];
  for (const entity of analysis.entities) {
    for (const mention of entity.mentions) found.push({ kind: "entity", start: mention.start, end: mention.end, record: entity, label: `${entity.type} ${entity.name}` });
  }
  for (const claim of analysis.claims) {
    found.push({ kind: "claim", start: claim.content.start, end: claim.content.end, record: claim, label: `claim by ${claim.source.text || "unnamed source"}`, confidence: claim.confidence });
  }
  for (const quantity of analysis.quantities) found.push({ kind: "quantity", start: quantity.start, end: quantity.end, record: quantity, label: `figure ${quantity.text}` });
  for (const time of analysis.times) found.push({ kind: "time", start: time.start, end: time.end, record: time, label: `time ${time.text}` });
  for (const event of analysis.events) {
    const span = event.trigger || event.sentence;
    found.push({ kind: "event", start: span.start, end: span.end, record: event, label: `event ${event.type} (${event.modality})`, confidence: event.confidence });
  }
  return found.filter((a) => Number.isInteger(a.start) && Number.isInteger(a.end) && a.end > a.start);
}

function highlighted(text, annotations, details, article) {
  const cuts = new Set([0, text.length]);
  for (const a of annotations) { cuts.add(a.start); cuts.add(a.end); }
  const points = [...cuts].filter((p) => p >= 0 && p <= text.length).sort((a, b) => a - b);
  const body = el("div", { class: "article-text", "data-testid": "article-text" });
  for (let i = 0; i + 1 < points.length; i++) {
    const [start, end] = [points[i], points[i + 1]];
    const piece = text.slice(start, end);
    const covering = annotations.filter((a) => a.start <= start && end <= a.end);
    if (!covering.length) { body.append(document.createTextNode(piece)); continue; }
    // The innermost kind colours the piece (a figure inside a claim shows as a figure).
    const innermost = covering.reduce((a, b) => (b.end - b.start < a.end - a.start ? b : a));
    const kinds = [...new Set(covering.map((a) => a.kind))];
    body.append(el("span", {
      class: `mark ${innermost.kind} ${kinds.map((k) => "has-" + k).join(" ")}`,
      title: covering.map((a) => a.label).join("; "),
      tabindex: "0",
      onclick: () => showRecords(details, covering, article),
    }, piece));
  }
  return body;
}

function showRecords(details, covering, article) {
  clear(details).append(el("h3", {}, `${covering.length} record${covering.length === 1 ? "" : "s"} here`));
  for (const a of covering) {
    const confidence = a.confidence === undefined || a.confidence === null ? "not scored" : a.confidence.toFixed(2);
    const box = el("div", { class: `record-item ${a.kind}`, "data-kind": a.kind },
      el("h4", {}, a.label),
      el("p", {}, `confidence: ${confidence}`));
    const key = a.kind === "entity" ? article.entity_keys[a.record.id] : null;
    if (key) box.append(el("p", {}, el("a", { href: routeHref("entity", key) }, "Entity page")));
    box.append(el("pre", {}, JSON.stringify(a.record, null, 2)));
    details.append(box);
  }
}
