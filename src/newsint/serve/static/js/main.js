// The dashboard's router: the fragment names the view; each view renders into #view and
// says which API call it shows (its JSON twin, linked in the footer).

import { apiGet, ApiError, setKey } from "./api.js";
import { clear, el, message } from "./dom.js";
import { currentRoute } from "./state.js";
import { renderClaims } from "./views/claims.js";
import { renderEntity } from "./views/entity.js";
import { renderEvidence } from "./views/evidence.js";
import { renderMap } from "./views/map.js";
import { renderNetwork } from "./views/network.js";
import { renderSearch } from "./views/search.js";

const VIEWS = {
  search: renderSearch,
  article: renderEvidence,
  map: renderMap,
  network: renderNetwork,
  claims: renderClaims,
  entity: renderEntity,
};

const root = document.getElementById("view");
const twin = document.getElementById("json-twin");
let rendering = 0;

export function showTwin(url) {
  twin.setAttribute("href", url);
  twin.textContent = url;
}

async function render() {
  const run = ++rendering;
  const route = currentRoute();
  for (const link of document.querySelectorAll("nav a[data-view]")) {
    link.classList.toggle("active", link.dataset.view === route.view);
  }
  const view = VIEWS[route.view] || renderSearch;
  clear(root).append(message("Loading…"));
  const container = el("section", { class: `view view-${route.view}` });
  try {
    const mounted = await view(container, route, showTwin);
    if (run !== rendering) return; // a newer navigation has taken over
    clear(root).append(container);
    if (typeof mounted === "function") mounted(); // views that measure their box (the map)
    document.body.dataset.ready = route.view;
  } catch (error) {
    if (run !== rendering) return;
    clear(root).append(errorBox(error));
    document.body.dataset.ready = "error";
  }
}

function errorBox(error) {
  if (error instanceof ApiError && error.status === 401) document.getElementById("key-form").hidden = false;
  const code = error instanceof ApiError ? ` [${error.code}]` : "";
  return el("div", { class: "error", role: "alert" }, `Error${code}: ${error.message}`);
}

document.getElementById("key-form").addEventListener("submit", (event) => {
  event.preventDefault();
  setKey(document.getElementById("api-key").value.trim());
  render();
  storeLine();
});

async function storeLine() {
  try {
    const stats = await apiGet("stats");
    document.getElementById("store-line").textContent =
      `${stats.articles} articles · ${stats.outlets} outlets · ${stats.events} events · ${stats.claims} claims`;
  } catch {
    document.getElementById("store-line").textContent = "";
  }
}

window.addEventListener("hashchange", render);
render();
storeLine();
