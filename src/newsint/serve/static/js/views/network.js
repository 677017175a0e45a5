// The actor network: who acts on whom (events) and who speaks about whom (claims). The layout
// is computed on the server (networkx); this only draws it as SVG: line width by weight, circle
// size by how connected the actor is. Filtered by event type and period like the map.

import { apiGet, apiUrl } from "../api.js";
import { el, svg } from "../dom.js";
import { filtersOf, routeHref } from "../state.js";
import { eventFilterForm } from "./event_filters.js";

const WIDTH = 960;
const HEIGHT = 620;
const MARGIN = 70;
const TYPE_COLOURS = { PERSON: "#3b6ea5", ORG: "#7a4ea3", PLACE: "#3f8f5a", ACTOR: "#b5651d", EQUIPMENT: "#777", OPERATION: "#a33" };

export async function renderNetwork(container, route, showTwin) {
  const filters = filtersOf(route.params);
  const params = { ...filters, max_nodes: route.params.max_nodes, min_weight: route.params.min_weight };
  const graph = await apiGet("network", params);
  showTwin(apiUrl("network", params));
  container.append(
    eventFilterForm(filters),
    el("p", { class: "count", "data-testid": "count" }, `Showing ${graph.nodes.length} actors and ${graph.edges.length} links`),
    drawing(graph),
    el("p", { class: "muted" }, "Arrows point from the actor (or the speaker) to the target (or the one spoken about). Click an actor for its entity page."),
  );
}

function drawing(graph) {
  const place = (node) => [MARGIN + node.x * (WIDTH - 2 * MARGIN), MARGIN + node.y * (HEIGHT - 2 * MARGIN)];
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const picture = svg("svg", { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, class: "network", "data-testid": "network" },
    svg("defs", {}, svg("marker", { id: "arrow", viewBox: "0 0 10 10", refX: 18, refY: 5, markerWidth: 6, markerHeight: 6, orient: "auto-start-reverse" },
      svg("path", { d: "M 0 0 L 10 5 L 0 10 z", fill: "#889" }))));
  for (const edge of graph.edges) {
    const [x1, y1] = place(byId.get(edge.source));
    const [x2, y2] = place(byId.get(edge.target));
    picture.append(svg("line", { x1, y1, x2, y2, class: edge.events ? "edge events" : "edge claims", "stroke-width": 1 + Math.log2(edge.weight), "marker-end": "url(#arrow)" },
      svg("title", {}, `${byId.get(edge.source).label} → ${byId.get(edge.target).label}: ${edge.events} events${edge.types ? " (" + edge.types + ")" : ""}, ${edge.claims} claims`)));
  }
  for (const node of graph.nodes) {
    const [x, y] = place(node);
    const link = svg("a", { href: node.type === "ACTOR" ? routeHref("search", null, { actor: node.id }) : routeHref("entity", node.id), class: "node" },
      svg("circle", { cx: x, cy: y, r: 5 + 2 * Math.sqrt(node.weight), fill: TYPE_COLOURS[node.type] || "#555" }),
      svg("text", { x: x + 9, y: y + 4 }, node.label),
      svg("title", {}, `${node.label} (${node.type}${node.actor ? ", " + node.actor : ""}): weight ${node.weight}`));
    picture.append(link);
  }
  return picture;
}
