// Article text with its evidence spans highlighted, built from text nodes and <mark> elements.
// The server's offsets count Unicode code points (Python); JavaScript strings count UTF-16 units,
// so offsets are converted first, or every span after an emoji or a rare CJK character would slip.

import {el} from "./dom.js";

/** code-point offset → UTF-16 offset, for this text (identity when it has no astral characters) */
export function utf16Offsets(text) {
  if (!/[\uD800-\uDFFF]/.test(text)) return (offset) => offset;
  const positions = [];
  let unit = 0;
  for (const char of text) {
    positions.push(unit);
    unit += char.length;
  }
  positions.push(unit);
  return (offset) => positions[Math.max(0, Math.min(offset, positions.length - 1))];
}

/**
 * A node holding ``text`` in which each span ({start, end, event_id}) is a <mark>; spans of
 * ``currentId`` get the class "ev-current", others "ev-other" (clickable through ``onOpen``).
 */
export function highlightedText(text, spans, {currentId, onOpen} = {}) {
  const toUnit = utf16Offsets(text);
  const cuts = new Set([0, text.length]);
  const ranges = [];
  for (const span of spans) {
    const start = toUnit(span.start);
    const end = toUnit(span.end);
    if (!(end > start) || start < 0 || end > text.length) continue;
    ranges.push({start, end, eventId: span.event_id});
    cuts.add(start);
    cuts.add(end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const container = el("div", {class: "article-text"});
  for (let i = 0; i < points.length - 1; i++) {
    const [from, to] = [points[i], points[i + 1]];
    const piece = text.slice(from, to);
    const covering = ranges.filter((range) => range.start <= from && range.end >= to);
    if (!covering.length) {
      container.append(document.createTextNode(piece));
      continue;
    }
    const current = covering.some((range) => range.eventId === currentId);
    const others = [...new Set(covering.map((range) => range.eventId))].filter((id) => id !== currentId);
    const mark = el("mark", {
      class: current ? "ev-current" : "ev-other",
      title: current ? "evidence for this event" : `evidence for event ${others.join(", ")}`,
      dataset: {eventId: current ? currentId : others[0]},
    }, piece);
    if (!current && onOpen) {
      mark.tabIndex = 0;
      mark.addEventListener("click", () => onOpen(others[0]));
      mark.addEventListener("keydown", (event) => { if (event.key === "Enter") onOpen(others[0]); });
    }
    container.append(mark);
  }
  return container;
}
