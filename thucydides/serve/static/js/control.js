// The district control view: each district's state on the slider's date (who holds it, whether
// that is assessed by independent reports or only claimed by one side), with its sources.

import {clear, el} from "./dom.js";

export function renderControl(container, data, {onOpen}) {
  clear(container);
  const records = data.records || [];
  container.append(el("p", {class: "muted"}, data.at ? `State of each district on ${data.at}.` : "Every change of control."));
  if (!records.length) {
    container.append(el("p", {class: "empty"}, "No control records up to this date."));
    return;
  }
  const counts = records.reduce((all, r) => ({...all, [r.state]: (all[r.state] || 0) + 1}), {});
  container.append(el("div", {class: "control-summary"},
    Object.entries(counts).map(([state, count]) => el("span", {class: ["badge", `badge-control-${state}`]}, `${count} ${state}`))));
  const rows = [...records].sort((a, b) => (a.admin1 || "").localeCompare(b.admin1 || "") || a.name.localeCompare(b.name));
  container.append(el("table", {class: "grid control-table"},
    el("thead", {}, el("tr", {}, ["District", "State", "Controller", "Since", "Events"].map((h) => el("th", {}, h)))),
    el("tbody", {}, rows.map((record) => el("tr", {class: "control-row", dataset: {geonameid: record.geonameid ?? ""}},
      el("td", {},
        el("strong", {}, record.name),
        el("div", {class: "muted small"}, record.level === "ADM1" ? "province" : (record.admin1 || "")),
      ),
      el("td", {},
        el("span", {class: ["badge", `badge-control-${record.state}`]}, record.state),
        el("div", {class: "muted small", title: record.basis === "claimed" ? "one side's word only" : "independent or neutral reports"}, record.basis),
      ),
      el("td", {}, record.controller || "–"),
      el("td", {class: "nowrap"}, record.date || "–"),
      el("td", {}, (record.event_ids || []).map((id, index) =>
        el("button", {class: "link", type: "button", title: `open event ${id}`, on: {click: () => onOpen(id)}}, `#${index + 1}`))),
    ))),
  ));
}
