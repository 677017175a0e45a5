// Claims: the figures sources disagree on, as a matrix (which source gives which figure in
// which outlet; independent outlets counted once), the figures several sources or outlets
// agree on, and the claims themselves with a link to each one's evidence.

import { apiGet, apiUrl } from "../api.js";
import { el } from "../dom.js";
import { filtersOf, routeHref } from "../state.js";

const CLAIMS_SHOWN = 100;

export async function renderClaims(container, route, showTwin) {
  const filters = filtersOf(route.params);
  const [contradicted, corroborated, claims] = await Promise.all([
    apiGet("figures", { ...filters, kind: "contradicted" }),
    apiGet("figures", { ...filters, kind: "corroborated" }),
    apiGet("claims", { ...filters, limit: CLAIMS_SHOWN }),
  ]);
  showTwin(apiUrl("figures", { ...filters, kind: "contradicted" }));
  container.append(el("h2", {}, `Contradicted figures (${contradicted.total})`));
  if (!contradicted.items.length) container.append(el("p", { class: "muted" }, "No contradicted figures."));
  for (const pair of contradicted.items) {
    container.append(matrix(pair.sides, pair.ratio ? `one side is ${pair.ratio.toFixed(1)}× the other` : "contradicted"));
  }
  container.append(el("h2", {}, `Corroborated figures (${corroborated.total})`));
  for (const group of corroborated.items) container.append(matrix([group], `${group.independent_outlets} independent outlet(s)`));
  container.append(el("h2", {}, `Claims (showing ${claims.items.length} of ${claims.total})`), claimTable(claims.items));
}

function matrix(sides, caption) {
  const outlets = [...new Set(sides.flatMap((side) => side.sources.flatMap((s) => s.outlets)))].sort();
  const table = el("table", { class: "matrix", "data-testid": "claims-matrix" },
    el("caption", {}, `${sides[0].unit || "figure"}: ${caption}`),
    el("thead", {}, el("tr", {}, el("th", {}, "Side"), el("th", {}, "Source"), outlets.map((o) => el("th", {}, o)))));
  const body = el("tbody");
  sides.forEach((side, number) => {
    for (const source of side.sources) {
      body.append(el("tr", { class: `side-${number}` },
        el("td", {}, sides.length > 1 ? `${number + 1}: ${range(side)}` : range(side)),
        el("td", {}, source.source, source.actor ? ` (${source.actor})` : ""),
        outlets.map((outlet) => el("td", {}, source.outlets.includes(outlet)
          ? [source.figures.join("; "), ...source.articles.map((id) => [" ", el("a", { href: routeHref("article", id), class: "evidence-link" }, "evidence")])]
          : ""))));
    }
  });
  table.append(body);
  return table;
}

function range(side) {
  const fmt = (v) => (v === null ? "?" : Number(v).toLocaleString("en"));
  return side.low === side.high ? fmt(side.low) : `${fmt(side.low)}–${fmt(side.high)}`;
}

function claimTable(items) {
  const table = el("table", { class: "claims" },
    el("thead", {}, el("tr", {}, ["Source", "Cue", "Content", "Figures", "Outlet", "Confidence", ""].map((h) => el("th", {}, h)))));
  const body = el("tbody");
  for (const c of items) {
    body.append(el("tr", {},
      el("td", {}, c.source || "unnamed"), el("td", {}, c.cue || ""), el("td", {}, c.content), el("td", {}, c.figures.join("; ")),
      el("td", {}, c.outlet || ""), el("td", {}, c.confidence === null ? "" : c.confidence.toFixed(2)),
      el("td", {}, el("a", { href: routeHref("article", c.article_id) }, "evidence"))));
  }
  table.append(body);
  return table;
}
