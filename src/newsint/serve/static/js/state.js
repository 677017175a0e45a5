// The view and its filters live in the URL's fragment (#/view/arg?name=value…), so that a
// reload, a bookmark or a link sent to a colleague opens the same view with the same filters.

export const FILTER_NAMES = [
  "q", "entity", "not_entity", "actor", "event_type", "not_event_type",
  "modality", "outlet", "not_outlet", "from", "to", "bbox",
];

export function currentRoute() {
  const hash = location.hash.replace(/^#\/?/, "");
  const [path, query = ""] = hash.split("?", 2);
  const parts = path.split("/");
  const view = parts[0] || "search";
  const arg = parts.length > 1 ? decodeURIComponent(parts.slice(1).join("/")) : null;
  return { view, arg, params: Object.fromEntries(new URLSearchParams(query)) };
}

export function routeHref(view, arg = null, params = {}) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") query.set(name, value);
  }
  const text = query.toString();
  return `#/${view}${arg !== null ? "/" + encodeURIComponent(arg) : ""}${text ? "?" + text : ""}`;
}

export function filtersOf(params) {
  const filters = {};
  for (const name of FILTER_NAMES) if (params[name]) filters[name] = params[name];
  return filters;
}

// Replace some parameters of the current view and navigate (a new history entry).
export function navigate(changes, view = null) {
  const route = currentRoute();
  const params = { ...route.params, ...changes };
  for (const [name, value] of Object.entries(params)) if (value === null || value === "") delete params[name];
  location.hash = routeHref(view || route.view, view ? null : route.arg, params);
}
