// Search: the articles the filters match, a visible count, facet counts that add a filter
// (or, with "not", leave a value out), and exports of exactly what is shown.

import { apiGet, apiUrl } from "../api.js";
import { el } from "../dom.js";
import { filtersOf, navigate, routeHref } from "../state.js";

const FACETS = [
  ["outlet", "Outlet"],
  ["event_type", "Event type"],
  ["modality", "Modality"],
  ["entity", "Entity"],
];
const EXPORTS = ["jsonl", "csv", "geojson", "acled", "ftm", "gexf"];
const PAGE = 25;

export async function renderSearch(container, route, showTwin) {
  const filters = filtersOf(route.params);
  const params = { ...filters, limit: PAGE, cursor: route.params.cursor };
  const body = await apiGet("articles", params);
  showTwin(apiUrl("articles", params));

  container.append(searchForm(filters), activeFilters(filters));
  const shown = body.items.length;
  container.append(
    el("p", { class: "count", "data-testid": "count" },
      `Showing ${shown} of ${body.total} article${body.total === 1 ? "" : "s"}`),
  );
  const layout = el("div", { class: "columns" });
  layout.append(facetPanel(body.facets, filters), resultList(body.items));
  container.append(layout);
  if (body.next_cursor) {
    container.append(el("a", { class: "button", href: routeHref("search", null, { ...filters, cursor: body.next_cursor }) }, "Next page"));
  }
  container.append(
    el("p", { class: "exports" }, "Export what the filters select: ",
      EXPORTS.map((format) => [el("a", { href: apiUrl(`exports/${format}`, filters), download: "" }, format), " "])),
  );
}

function searchForm(filters) {
  const input = el("input", { type: "search", name: "q", value: filters.q || "", placeholder: "words in the text or a claim", "aria-label": "Search text" });
  const from = el("input", { type: "date", name: "from", value: filters.from || "", "aria-label": "From" });
  const to = el("input", { type: "date", name: "to", value: filters.to || "", "aria-label": "To" });
  return el("form", {
    class: "search-form",
    onsubmit: (event) => {
      event.preventDefault();
      navigate({ q: input.value.trim(), from: from.value, to: to.value, cursor: null });
    },
  }, input, " from ", from, " to ", to, " ", el("button", { type: "submit" }, "Search"));
}

function activeFilters(filters) {
  const list = el("p", { class: "active-filters" });
  for (const [name, value] of Object.entries(filters)) {
    list.append(el("span", { class: "chip" }, `${name.replace("not_", "not ")}: ${value} `,
      el("button", { type: "button", title: "Remove this filter", onclick: () => navigate({ [name]: null, cursor: null }) }, "×")));
  }
  return list;
}

function facetPanel(facets, filters) {
  const panel = el("aside", { class: "facets" });
  for (const [name, label] of FACETS) {
    const values = (facets && facets[name]) || [];
    const list = el("ul");
    for (const facet of values) {
      const shownAs = facet.label || facet.value;
      list.append(el("li", {},
        el("a", { href: routeHref("search", null, { ...filters, [name]: facet.value, cursor: null }), class: "facet" }, shownAs),
        el("span", { class: "facet-count" }, ` ${facet.count} `),
        el("a", { href: routeHref("search", null, { ...filters, [`not_${name}`]: facet.value }), class: "not", title: `Leave out ${shownAs}` }, "not"),
      ));
    }
    panel.append(el("h3", {}, label), values.length ? list : el("p", { class: "muted" }, "none"));
  }
  return panel;
}

function resultList(items) {
  const list = el("ol", { class: "results" });
  for (const item of items) {
    list.append(el("li", { class: "result" },
      el("a", { href: routeHref("article", item.id), class: "title" }, item.title || "(untitled)"),
      el("div", { class: "meta" },
        [item.outlet || "unknown outlet", item.published || "date unknown",
          `${item.counts.events} events`, `${item.counts.claims} claims`, `${item.counts.entities} entities`,
          item.duplicate_of ? "near-duplicate" : null].filter(Boolean).join(" · ")),
    ));
  }
  if (!items.length) list.append(el("li", { class: "muted" }, "No article matches these filters."));
  return list;
}
