// Building the page from data. Every string from an article goes in as a text node
// (textContent), never as markup: `<script>` in an article is shown, not run. Links are made
// only to the dashboard's own views and API paths (safeHref), never to a URL from an article.

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === "href") node.setAttribute("href", safeHref(value));
    else if (name.startsWith("on") && typeof value === "function") node.addEventListener(name.slice(2), value);
    else if (name === "dataset") Object.assign(node.dataset, value);
    else node.setAttribute(name, value === true ? "" : String(value));
  }
  append(node, children);
  return node;
}

export function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

// Only the dashboard's own routes (#/…) and the server's own paths (/api/…, /docs, /static/…).
export function safeHref(href) {
  const text = String(href);
  if (text.startsWith("#/") || /^\/(api|docs|static)\//.test(text) || text === "/docs") return text;
  return "#/search";
}

export function clear(node) {
  node.replaceChildren();
  return node;
}

export function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null) continue;
    if (name.startsWith("on") && typeof value === "function") node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function message(text, kind = "muted") {
  return el("p", { class: kind }, text);
}
