// The table view of the events in the current filters and time window: sortable, one row per
// event, a click (or Enter) opens it. Long lists render in pages so the browser stays quick.

import {clear, el, formatNumber} from "./dom.js";

const PAGE = 300;

const COLUMNS = [
  {key: "date", label: "Date", value: (e) => e.date?.value || ""},
  {key: "type", label: "Event", value: (e) => `${e.event_type} ${e.sub_event_type}`},
  {key: "actors", label: "Actors", value: (e) => [e.actor1?.name, e.actor2?.name].filter(Boolean).join(" vs ")},
  {key: "place", label: "Location", value: (e) => placeOf(e)},
  {key: "deaths", label: "Deaths", value: (e) => e.fatalities?.count || 0, numeric: true},
  {key: "sources", label: "Src", value: (e) => e.corroboration || 0, numeric: true, title: "independent outlets"},
  {key: "status", label: "Status", value: (e) => `${e.status} ${e.review_state || "unreviewed"}`, title: "status of the report, then the analyst's review"},
];

function placeOf(event) {
  const location = event.location;
  if (!location) return "";
  return [location.name || location.text, location.country_iso].filter(Boolean).join(", ");
}

function placeTitle(event) {
  const location = event.location;
  if (!location) return "unknown place";
  return [location.name || location.text, location.admin2, location.admin1, location.country].filter(Boolean).join(", ");
}

export function createTable(container, {colorOf, onOpen}) {
  let events = [];
  let sortKey = "date";
  let descending = true;
  let shown = PAGE;
  let selectedId = null;

  function sorted() {
    const column = COLUMNS.find((c) => c.key === sortKey);
    const factor = descending ? -1 : 1;
    return [...events].sort((a, b) => {
      const [x, y] = [column.value(a), column.value(b)];
      if (x < y) return -factor;
      if (x > y) return factor;
      return a.id < b.id ? -1 : 1;
    });
  }

  function row(event) {
    const dot = el("span", {class: "dot"});
    dot.style.backgroundColor = colorOf.get(event.event_type) || "#6b7280";
    const tr = el("tr", {
      class: ["event-row", event.id === selectedId && "selected", event.review_state === "rejected" && "rejected"],
      tabindex: 0,
      dataset: {eventId: event.id},
      on: {
        click: () => onOpen(event.id),
        keydown: (key) => { if (key.key === "Enter") onOpen(event.id); },
      },
    },
      el("td", {class: "nowrap"}, event.date?.value || "–"),
      el("td", {}, dot, el("span", {class: "sub-type"}, event.sub_event_type), el("div", {class: "muted small"}, event.event_type)),
      el("td", {}, [event.actor1?.name, event.actor2?.name].filter(Boolean).join(" vs ") || "–"),
      el("td", {title: placeTitle(event)}, placeOf(event) || "–"),
      el("td", {class: "num"}, formatNumber(event.fatalities?.count || 0)),
      el("td", {class: "num"}, String(event.corroboration || 0)),
      el("td", {class: "stack"},
        el("span", {class: ["badge", `badge-${event.status}`]}, event.status),
        el("span", {class: ["badge", `badge-review-${event.review_state || "unreviewed"}`]}, event.review_state || "unreviewed"),
      ),
    );
    return tr;
  }

  function render() {
    clear(container);
    if (!events.length) {
      container.append(el("p", {class: "empty"}, "No events match the filters and the time window."));
      return;
    }
    const head = el("tr", {}, COLUMNS.map((column) => {
      const arrow = column.key === sortKey ? (descending ? " ▾" : " ▴") : "";
      return el("th", {
        class: [column.numeric && "num", "sortable"],
        title: column.title || `sort by ${column.label.toLowerCase()}`,
        tabindex: 0,
        on: {click: () => sortBy(column.key), keydown: (key) => { if (key.key === "Enter") sortBy(column.key); }},
      }, column.label + arrow);
    }));
    const rows = sorted();
    const body = el("tbody", {}, rows.slice(0, shown).map(row));
    container.append(el("table", {class: "grid events-table"}, el("thead", {}, head), body));
    if (rows.length > shown) {
      container.append(el("button", {class: "btn more", type: "button", on: {click: () => { shown += PAGE; render(); }}},
        `Show ${Math.min(PAGE, rows.length - shown)} more of ${rows.length - shown}`));
    }
  }

  function sortBy(key) {
    descending = key === sortKey ? !descending : key === "date" || key === "deaths" || key === "sources";
    sortKey = key;
    render();
  }

  return {
    setEvents(list) { events = list; shown = PAGE; render(); },
    select(id) {
      selectedId = id;
      for (const tr of container.querySelectorAll("tr.event-row")) tr.classList.toggle("selected", tr.dataset.eventId === id);
    },
  };
}
