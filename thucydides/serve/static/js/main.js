// The page's wiring: filters → GET /events → map + table, the time slider, the tabs, the event
// panel, the control view and the review queue with its keyboard shortcuts.

import {api, auth} from "./api.js";
import {createMap} from "./map.js";
import {createTable} from "./table.js";
import {renderEvent} from "./panel.js";
import {renderControl} from "./control.js";
import {createReviewQueue, openEditor} from "./review.js";
import {clear, el} from "./dom.js";

const MAX_LOADED = 5000; // events the page holds at once; narrow the filters for more
const PAGE_SIZE = 1000;
const DAY = 86400000;

const state = {
  meta: {writes_enabled: false},
  taxonomy: null,
  colorOf: new Map(),
  filters: {},
  events: [],
  total: 0,
  days: [], // the slider's dates, ISO strings, oldest first
  visible: [],
  selectedId: null,
  tab: "events",
  map: null,
};

const $ = (id) => document.getElementById(id);

function notify(message, kind = "info") {
  if (kind === "error") console.error(message); // for whoever watches the console (tests, devtools)
  const toast = $("toast");
  toast.textContent = message;
  toast.className = `toast toast-${kind}`;
  toast.hidden = false;
  clearTimeout(notify.timer);
  notify.timer = setTimeout(() => { toast.hidden = true; }, kind === "error" ? 8000 : 3500);
}

function writesEnabled() {
  return Boolean(state.meta.writes_enabled && auth.token);
}

// --- filters ------------------------------------------------------------------------------------

function readFilters() {
  const form = $("filters");
  const data = new FormData(form);
  const filters = {};
  for (const [name, value] of data.entries()) if (String(value).trim()) filters[name] = String(value).trim();
  return filters;
}

function fillFilterOptions() {
  for (const type of state.taxonomy.event_types) $("filter-type").append(el("option", {value: type.name}, type.name));
  for (const status of state.taxonomy.statuses) $("filter-status").append(el("option", {value: status}, status));
  for (const review of state.taxonomy.review_states) $("filter-review").append(el("option", {value: review}, review));
}

function updateExportLinks() {
  const absolute = (path) => new URL(path, window.location.href).href;
  $("export-csv").setAttribute("href", absolute(api.exportUrl(state.filters, "csv")));
  $("export-geojson").setAttribute("href", absolute(api.exportUrl(state.filters, "geojson")));
}

// --- events and the time window -------------------------------------------------------------------

async function loadEvents() {
  state.filters = readFilters();
  updateExportLinks();
  $("stats").textContent = "Loading…";
  let events = [];
  let total = 0;
  try {
    // the list views need no per-source detail (the event panel fetches it): summaries, and the
    // pages after the first two at a time
    const first = await api.events(state.filters, {limit: PAGE_SIZE, view: "summary"});
    total = first.total;
    events = first.events;
    const offsets = [];
    for (let offset = PAGE_SIZE; offset < Math.min(total, MAX_LOADED); offset += PAGE_SIZE) offsets.push(offset);
    for (let i = 0; i < offsets.length; i += 2) {
      const pages = await Promise.all(offsets.slice(i, i + 2).map((offset) =>
        api.events(state.filters, {limit: PAGE_SIZE, offset, view: "summary"})));
      for (const page of pages) events = events.concat(page.events);
    }
  } catch (error) {
    $("stats").textContent = "";
    notify(`Cannot load events: ${error.message}`, "error");
    return;
  }
  state.events = events;
  state.total = total;
  const countries = new Set(events.map((e) => e.location?.country).filter(Boolean));
  clear($("country-list")).append(...[...countries].sort().map((c) => el("option", {value: c})));
  buildTimeline();
  applyWindow();
  state.map?.fit();
}

function buildTimeline() {
  const dated = state.events.map((e) => e.date?.value).filter(Boolean).sort();
  state.days = [];
  if (dated.length) {
    const first = Date.parse(`${dated[0]}T00:00:00Z`);
    const last = Date.parse(`${dated[dated.length - 1]}T00:00:00Z`);
    for (let t = first; t <= last; t += DAY) state.days.push(new Date(t).toISOString().slice(0, 10));
  }
  const slider = $("time-slider");
  slider.max = String(Math.max(0, state.days.length - 1));
  slider.value = slider.max;
  slider.disabled = state.days.length < 2;
}

function windowEnd() {
  return state.days[Number($("time-slider").value)] || null;
}

function inWindow(event) {
  const end = windowEnd();
  const days = Number($("time-window").value);
  const date = event.date?.value;
  if (!end) return true;
  if (!date) return days === 0; // undated events only in the open-ended window
  if (date > end) return false;
  if (days === 0) return true;
  const start = new Date(Date.parse(`${end}T00:00:00Z`) - (days - 1) * DAY).toISOString().slice(0, 10);
  return date >= start;
}

function windowText(end) {
  const days = Number($("time-window").value);
  if (days === 0) return `… → ${end}`;
  if (days === 1) return end;
  const start = new Date(Date.parse(`${end}T00:00:00Z`) - (days - 1) * DAY).toISOString().slice(0, 10);
  return `${start} → ${end}`;
}

function applyWindow() {
  state.visible = state.events.filter(inWindow);
  const end = windowEnd();
  $("time-label").textContent = end ? windowText(end) : "no dated events";
  state.map?.setEvents(state.visible);
  state.map?.select(state.selectedId);
  table.setEvents(state.visible);
  table.select(state.selectedId);
  $("count-events").textContent = String(state.visible.length);
  const capped = state.total > state.events.length ? ` (first ${state.events.length.toLocaleString("en-GB")} loaded — narrow the filters)` : "";
  $("stats").textContent = `${state.visible.length.toLocaleString("en-GB")} shown · ${state.total.toLocaleString("en-GB")} match${capped}`;
  if (state.tab === "control" || $("show-control").checked) loadControl();
}

// --- tabs, event panel, control ------------------------------------------------------------------

function showTab(name) {
  state.tab = name;
  for (const button of document.querySelectorAll(".tab")) button.setAttribute("aria-selected", String(button.dataset.tab === name));
  for (const panel of document.querySelectorAll(".tab-panel")) panel.hidden = panel.id !== `tab-${name}`;
  if (name === "control") loadControl();
  if (name === "review") queue.load();
}

async function openEvent(id) {
  state.selectedId = id;
  showTab("event");
  state.map?.select(id);
  table.select(id);
  if (window.location.hash !== `#event=${encodeURIComponent(id)}`) {
    history.replaceState(null, "", `#event=${encodeURIComponent(id)}`);
  }
  const panel = $("tab-event");
  clear(panel).append(el("p", {class: "muted"}, "Loading…"));
  try {
    const event = await api.event(id);
    await renderEvent(panel, event, {onOpen: openEvent, onReview: reviewFromPanel, writesEnabled: writesEnabled()});
  } catch (error) {
    clear(panel).append(el("p", {class: "error-text"}, `Cannot open event ${id}: ${error.message}`));
  }
}

let controlRequest = 0;
async function loadControl() {
  const request = ++controlRequest;
  try {
    const data = await api.control(windowEnd());
    if (request !== controlRequest) return; // a newer slider position won
    renderControl($("tab-control"), data, {onOpen: openEvent});
    state.map?.setControl(data.records, $("show-control").checked);
  } catch (error) {
    notify(`Cannot load control: ${error.message}`, "error");
  }
}

// --- reviews -------------------------------------------------------------------------------------

function replaceEvent(updated) {
  const swap = (list) => list.map((event) => (event.id === updated.id ? updated : event));
  state.events = swap(state.events);
  state.visible = swap(state.visible);
  state.map?.setEvents(state.visible);
  state.map?.select(state.selectedId);
  table.setEvents(state.visible);
  table.select(state.selectedId);
}

async function submitReview(event, action, options = {}) {
  if (!writesEnabled()) {
    notify("Set the write token first (top right).", "error");
    openTokenDialog();
    throw new Error("no write token");
  }
  const updated = await api.review(event.id, action, options);
  replaceEvent(updated);
  notify(`${updated.sub_event_type} (${updated.id}): ${updated.review_state}`, "ok");
  return updated;
}

async function reviewFromPanel(event, action) {
  let options = {};
  if (action === "edit") {
    options = await openEditor(event, state.taxonomy);
    if (!options) return;
  }
  try {
    await submitReview(event, action, options);
    await openEvent(event.id);
  } catch (error) {
    if (error.message !== "no write token") notify(`Could not ${action}: ${error.message}`, "error");
  }
}

function updateReviewCount(count) {
  $("count-review").textContent = count ? String(count) : "";
}

// --- token dialog ----------------------------------------------------------------------------------

function openTokenDialog() {
  $("token-input").value = auth.token;
  $("reviewer-input").value = auth.reviewer;
  $("token-dialog").showModal();
}

function updateTokenButton() {
  const button = $("token-button");
  if (!state.meta.writes_enabled) {
    button.textContent = "Read-only server";
    button.disabled = true;
    button.title = "this server has no write token configured";
  } else {
    button.textContent = auth.token ? `Reviewer: ${auth.reviewer}` : "Set write token";
    button.classList.toggle("has-token", Boolean(auth.token));
  }
}

// --- start ---------------------------------------------------------------------------------------

const table = createTable($("tab-events"), {colorOf: state.colorOf, onOpen: openEvent});
const queue = createReviewQueue($("tab-review"), {
  colorOf: state.colorOf,
  onOpen: openEvent,
  review: submitReview,
  edit: (event) => openEditor(event, state.taxonomy),
  notify,
  onCount: updateReviewCount,
});

function isTyping(target) {
  return target instanceof HTMLElement && (target.isContentEditable || ["INPUT", "SELECT", "TEXTAREA"].includes(target.tagName));
}

function wire() {
  // a new filter shows its result: the list of matching events
  const filterAndList = () => { showTab("events"); return loadEvents(); };
  $("filters").addEventListener("submit", (event) => { event.preventDefault(); filterAndList(); });
  $("filters").addEventListener("reset", () => setTimeout(filterAndList, 0));
  for (const id of ["filter-type", "filter-status", "filter-review"]) $(id).addEventListener("change", filterAndList);
  $("time-slider").addEventListener("input", applyWindow);
  $("time-window").addEventListener("change", applyWindow);
  $("show-control").addEventListener("change", () => loadControl());
  for (const button of document.querySelectorAll(".tab")) button.addEventListener("click", () => showTab(button.dataset.tab));
  $("token-button").addEventListener("click", openTokenDialog);
  $("token-form").addEventListener("submit", () => {
    auth.token = $("token-input").value.trim();
    auth.reviewer = $("reviewer-input").value;
    updateTokenButton();
    if (state.selectedId && state.tab === "event") openEvent(state.selectedId);
  });
  $("token-clear").addEventListener("click", () => {
    auth.token = "";
    $("token-dialog").close();
    updateTokenButton();
  });
  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target) || document.querySelector("dialog[open]")) return;
    if (state.tab === "review" && queue.handleKey(event.key)) {
      event.preventDefault();
      return;
    }
    if (event.key === "/") {
      event.preventDefault();
      $("filter-actor").focus();
    }
  });
}

async function start() {
  wire();
  let colors;
  try {
    [state.meta, colors] = await Promise.all([
      api.meta(),
      fetch("/static/data/colors.json").then((response) => response.json()),
    ]);
  } catch (error) {
    notify(`Cannot reach the server: ${error.message}`, "error");
    return;
  }
  // the vocabularies come from the server (the reconcile rules), the colours from the page
  state.taxonomy = {
    event_types: state.meta.event_types,
    statuses: state.meta.statuses,
    review_states: state.meta.review_states,
    control_states: colors.control_states,
  };
  for (const type of state.taxonomy.event_types) state.colorOf.set(type.name, colors.event_types[type.name] || "#6b7280");
  fillFilterOptions();
  updateTokenButton();
  state.map = await createMap($("map"), {
    tileUrl: state.meta.tile_url,
    attribution: state.meta.tile_attribution,
    colorOf: state.colorOf,
    controlColors: state.taxonomy.control_states,
    onSelect: openEvent,
  });
  await loadEvents();
  queue.load(); // fills the Review tab's count
  const match = /^#event=(.+)$/.exec(window.location.hash);
  if (match) openEvent(decodeURIComponent(match[1]));
  document.body.dataset.ready = "true"; // for tests and scripts: the first load is done
}

start();
