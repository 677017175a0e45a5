// An entity's page: its names, mentions over time, roles in events, claims by and about it,
// each linked to the article it comes from.

import { apiGet, apiUrl } from "../api.js";
import { el, svg } from "../dom.js";
import { routeHref } from "../state.js";

export async function renderEntity(container, route, showTwin) {
  const path = `entities/${route.arg.split("/").map(encodeURIComponent).join("/")}`;
  const entity = await apiGet(path);
  showTwin(apiUrl(path));
  container.append(
    el("h2", { "data-testid": "entity-name" }, entity.name),
    el("p", { class: "meta" }, [entity.type, entity.kb_id ? `KB ${entity.kb_id}` : "not in the KB", entity.actor ? `actor ${entity.actor}` : null,
      `${entity.mentions} mentions in ${entity.articles} article(s)`].filter(Boolean).join(" · ")),
    el("p", {}, "Also written: ", entity.names.join(", ")),
    el("p", {}, el("a", { href: routeHref("search", null, { entity: entity.key }) }, "Articles naming it"), " · ",
      el("a", { href: routeHref("search", null, { not_entity: entity.key }) }, "articles without it")),
    el("h3", {}, "Mentions by publication date"), bars(entity.timeline),
    el("h3", {}, "Roles"), el("ul", {}, entity.roles.map((r) => el("li", {}, `${r.role} (${r.count})`))),
    el("h3", {}, `Claims by ${entity.name} (${entity.claims_by.length})`), claimList(entity.claims_by),
    el("h3", {}, `Claims about ${entity.name} (${entity.claims_about.length})`), claimList(entity.claims_about),
  );
}

function bars(timeline) {
  if (!timeline.length) return el("p", { class: "muted" }, "none");
  const width = Math.max(200, timeline.length * 60);
  const tallest = Math.max(...timeline.map((d) => d.mentions));
  const chart = svg("svg", { viewBox: `0 0 ${width} 90`, class: "entity-timeline" });
  timeline.forEach((d, i) => {
    const h = (d.mentions / tallest) * 60;
    chart.append(svg("rect", { x: i * 60 + 10, y: 65 - h, width: 40, height: h, class: "bar" }, svg("title", {}, `${d.date}: ${d.mentions}`)),
      svg("text", { x: i * 60 + 30, y: 82, "text-anchor": "middle", class: "axis" }, d.date));
  });
  return chart;
}

function claimList(rows) {
  return el("ul", { class: "claim-list" }, rows.map((r) => el("li", {},
    `${r.source} ${r.cue || ""}: “${r.content}” `,
    el("span", { class: "muted" }, `${r.outlet || "unknown outlet"}, ${r.published || "undated"} `),
    el("a", { href: routeHref("article", r.article_id) }, "evidence"))));
}
