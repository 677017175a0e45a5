// The map and the timeline, linked: the timeline shows every matching event by day; dragging
// across it (brushing) sets the period, which filters the map and the event list. The map is
// Leaflet over country outlines shipped with the package (no tile server); events at nearby
// places are clustered into one circle with their count.

import { apiGet, apiUrl } from "../api.js";
import { el, svg } from "../dom.js";
import { filtersOf, navigate, routeHref } from "../state.js";
import { eventFilterForm } from "./event_filters.js";

const TIMELINE_WIDTH = 900;
const TIMELINE_HEIGHT = 110;
const CLUSTER_PIXELS = 36; // events closer than this on screen are one circle
const LIST_SIZE = 200;
const DAY = 86400000;
let basemap = null; // the country outlines, fetched once per page

export async function renderMap(container, route, showTwin) {
  const filters = filtersOf(route.params);
  const { from, to, ...undated } = filters;
  const [events, timeline] = await Promise.all([
    apiGet("events", { ...filters, limit: LIST_SIZE }),
    apiGet("events/timeline", undated),
  ]);
  basemap = basemap || (await fetch("/static/vendor/countries.geojson").then((r) => r.json()));
  showTwin(apiUrl("events", { ...filters, limit: LIST_SIZE }));

  const located = events.items.filter((e) => e.latitude !== null && e.longitude !== null);
  const mapBox = el("div", { id: "map", "data-testid": "map" });
  container.append(
    eventFilterForm(filters),
    el("p", { class: "count", "data-testid": "count" },
      `Showing ${events.items.length} of ${events.total} events (${located.length} on the map)`,
      from || to ? ` · period ${from || "…"} to ${to || "…"} ` : "",
      from || to ? el("button", { type: "button", onclick: () => navigate({ from: null, to: null }) }, "clear period") : ""),
    timelineChart(timeline, from, to),
    mapBox,
    eventList(events.items),
  );
  // Leaflet measures its box: it is drawn once the view is on the page.
  return () => drawMap(mapBox, located, filters);
}

function drawMap(box, events, filters) {
  const map = L.map(box, { worldCopyJump: true, attributionControl: true });
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Outlines: countryinfo (MIT) · Leaflet");
  L.geoJSON(basemap, { style: { color: "#8aa0b4", weight: 1, fillColor: "#eef2f5", fillOpacity: 1 }, interactive: false }).addTo(map);
  const layer = L.layerGroup().addTo(map);
  const draw = () => {
    layer.clearLayers();
    for (const cluster of clusters(map, events)) {
      const marker = L.circleMarker([cluster.lat, cluster.lon], {
        radius: 6 + 3 * Math.sqrt(cluster.events.length), color: "#a8322d", fillColor: "#d9534f", fillOpacity: 0.75, weight: 1,
      });
      // Popups and tooltips get DOM elements, never strings: Leaflet sets a string as HTML.
      marker.bindTooltip(el("span", {}, `${cluster.events.length} event${cluster.events.length === 1 ? "" : "s"}: ${cluster.names.join(", ")}`));
      marker.bindPopup(popup(cluster.events));
      layer.addLayer(marker);
    }
  };
  if (filters.bbox) {
    const [w, s, e, n] = filters.bbox.split(",").map(Number);
    map.fitBounds([[s, w], [n, e]]);
  } else if (events.length) {
    map.fitBounds(events.map((e) => [e.latitude, e.longitude]), { padding: [40, 40], maxZoom: 6 });
  } else {
    map.setView([50, 20], 3);
  }
  map.on("zoomend", draw);
  draw();
  const control = L.control({ position: "topright" });
  control.onAdd = () => el("button", {
    type: "button", class: "map-button",
    onclick: () => {
      const b = map.getBounds();
      const clip = (v, lim) => Math.max(-lim, Math.min(lim, v)).toFixed(2);
      navigate({ bbox: [clip(b.getWest(), 180), clip(b.getSouth(), 90), clip(b.getEast(), 180), clip(b.getNorth(), 90)].join(",") });
    },
  }, "Filter to this area");
  control.addTo(map);
}

function clusters(map, events) {
  const groups = new Map();
  for (const event of events) {
    const point = map.project([event.latitude, event.longitude]);
    const key = `${Math.round(point.x / CLUSTER_PIXELS)}:${Math.round(point.y / CLUSTER_PIXELS)}`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(event);
  }
  return [...groups.values()].map((group) => ({
    events: group,
    lat: group.reduce((s, e) => s + e.latitude, 0) / group.length,
    lon: group.reduce((s, e) => s + e.longitude, 0) / group.length,
    names: [...new Set(group.map((e) => e.location || "unnamed place"))],
  }));
}

function popup(events) {
  return el("div", { class: "popup" }, el("ul", {}, events.slice(0, 12).map((e) =>
    el("li", {}, el("a", { href: routeHref("article", e.article_id) }, `${e.event_date || "undated"} ${e.event_type}`),
      ` ${e.actor1 || "?"} → ${e.actor2 || "?"} (${e.modality})`))),
    events.length > 12 ? el("p", {}, `and ${events.length - 12} more`) : null);
}

function timelineChart(timeline, from, to) {
  const wrap = el("div", { class: "timeline", "data-testid": "timeline" });
  if (!timeline.days.length) {
    wrap.append(el("p", { class: "muted" }, "No dated events."));
    return wrap;
  }
  const first = Date.parse(timeline.days[0].date);
  const last = Date.parse(timeline.days[timeline.days.length - 1].date) + DAY;
  const span = Math.max(last - first, DAY);
  const x = (ms) => ((ms - first) / span) * TIMELINE_WIDTH;
  const tallest = Math.max(...timeline.days.map((d) => d.events));
  const barWidth = Math.max(2, (DAY / span) * TIMELINE_WIDTH - 1);
  const chart = svg("svg", { viewBox: `0 0 ${TIMELINE_WIDTH} ${TIMELINE_HEIGHT + 20}`, class: "timeline-chart", role: "img", "aria-label": "Events per day; drag to choose a period" });
  if (from || to) {
    const a = x(from ? Date.parse(from) : first);
    const b = x(to ? Date.parse(to) + DAY : last);
    chart.append(svg("rect", { x: a, y: 0, width: Math.max(1, b - a), height: TIMELINE_HEIGHT, class: "brushed" }));
  }
  for (const day of timeline.days) {
    const h = (day.events / tallest) * (TIMELINE_HEIGHT - 10);
    chart.append(svg("rect", { x: x(Date.parse(day.date)), y: TIMELINE_HEIGHT - h, width: barWidth, height: h, class: "bar" },
      svg("title", {}, `${day.date}: ${day.events} event${day.events === 1 ? "" : "s"}`)));
  }
  chart.append(svg("text", { x: 0, y: TIMELINE_HEIGHT + 16, class: "axis" }, timeline.days[0].date));
  chart.append(svg("text", { x: TIMELINE_WIDTH, y: TIMELINE_HEIGHT + 16, class: "axis", "text-anchor": "end" }, timeline.days[timeline.days.length - 1].date));
  const selection = svg("rect", { x: 0, y: 0, width: 0, height: TIMELINE_HEIGHT, class: "selection" });
  chart.append(selection);

  // Brushing: press, drag, release; the days under the drag become the period.
  const dateAt = (event) => {
    const box = chart.getBoundingClientRect();
    const ratio = Math.min(1, Math.max(0, (event.clientX - box.left) / box.width));
    return first + ratio * span;
  };
  let pressed = null;
  chart.addEventListener("pointerdown", (event) => { pressed = dateAt(event); chart.setPointerCapture(event.pointerId); });
  chart.addEventListener("pointermove", (event) => {
    if (pressed === null) return;
    const now = dateAt(event);
    selection.setAttribute("x", x(Math.min(pressed, now)));
    selection.setAttribute("width", Math.abs(x(now) - x(pressed)));
  });
  chart.addEventListener("pointerup", (event) => {
    if (pressed === null) return;
    const [a, b] = [pressed, dateAt(event)].sort((p, q) => p - q);
    pressed = null;
    const day = (ms) => new Date(Math.floor(ms / DAY) * DAY).toISOString().slice(0, 10);
    navigate({ from: day(a), to: day(b) });
  });
  wrap.append(chart, el("p", { class: "muted" }, `${timeline.undated} undated event${timeline.undated === 1 ? "" : "s"} not shown on the timeline. Drag across the bars to choose a period.`));
  return wrap;
}

function eventList(items) {
  const table = el("table", { class: "events", "data-testid": "event-list" },
    el("thead", {}, el("tr", {}, ["Date", "Type", "Actor 1", "Actor 2", "Location", "Modality", "Outlet", ""].map((h) => el("th", {}, h)))));
  const rows = el("tbody");
  for (const e of items) {
    rows.append(el("tr", {},
      el("td", {}, e.event_date || "undated"), el("td", {}, e.event_type), el("td", {}, e.actor1 || ""), el("td", {}, e.actor2 || ""),
      el("td", {}, e.location || ""), el("td", {}, e.modality), el("td", {}, e.source || ""),
      el("td", {}, el("a", { href: routeHref("article", e.article_id) }, "evidence"))));
  }
  table.append(rows);
  return table;
}
