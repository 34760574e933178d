// Building the page from data: every string from the server (article text, titles, actor names,
// URLs) is untrusted. Text goes in through textContent / text nodes only, never innerHTML, and a
// link gets an href only when it is http(s); so hostile content renders as inert text.

/**
 * el("td", {class: "num", title: "…", dataset: {id: "e1"}, on: {click: fn}}, child, "text", …)
 * Children are nodes or strings (strings become text nodes). Attributes are set one by one
 * through setAttribute, so a value is never parsed as markup; "on*" attributes are refused.
 */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "on") {
      for (const [type, handler] of Object.entries(value)) node.addEventListener(type, handler);
    } else if (name === "dataset") {
      for (const [key, item] of Object.entries(value)) node.dataset[key] = String(item);
    } else if (name === "class") {
      node.className = Array.isArray(value) ? value.filter(Boolean).join(" ") : String(value);
    } else if (name.toLowerCase().startsWith("on") || name.toLowerCase() === "style") {
      throw new Error(`refusing attribute ${name}`);
    } else if (name === "href") {
      const safe = safeUrl(value);
      if (safe) node.setAttribute("href", safe);
    } else {
      node.setAttribute(name, value === true ? "" : String(value));
    }
  }
  append(node, children);
  return node;
}

export function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

/** The URL if it is an absolute http(s) URL, else null ("javascript:", "data:" … are dropped). */
export function safeUrl(value) {
  if (typeof value !== "string" || !value.trim()) return null;
  try {
    const url = new URL(value.trim());
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

/** A link that opens outside the app without telling the target where it came from. */
export function externalLink(url, label) {
  const safe = safeUrl(url);
  if (!safe) return el("span", {class: "unsafe-url", title: "not an http(s) link"}, label || url || "");
  return el("a", {href: safe, target: "_blank", rel: "noopener noreferrer nofollow"}, label || safe);
}

export function formatNumber(value) {
  return value === null || value === undefined ? "–" : Number(value).toLocaleString("en-GB");
}

export function show(node, visible) {
  node.hidden = !visible;
}
