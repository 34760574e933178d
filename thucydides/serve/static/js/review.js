// The review queue (unreviewed events, conflicting and least confident first) and the edit form.
// Keyboard, while the queue is open: j/↓ next, k/↑ previous, a accept, r reject, e edit,
// Enter open in the event panel.

import {api} from "./api.js";
import {clear, el, formatNumber} from "./dom.js";

export function createReviewQueue(container, {colorOf, onOpen, review, edit, notify, onCount}) {
  let items = [];
  let index = 0;
  let busy = false;

  function card(event, position) {
    const dot = el("span", {class: "dot"});
    dot.style.backgroundColor = colorOf.get(event.event_type) || "#6b7280";
    const evidence = (event.evidence || [])[0];
    return el("li", {
      class: ["queue-item", position === index && "current"],
      dataset: {eventId: event.id},
      tabindex: -1,
      on: {click: () => { index = position; render(); }, dblclick: () => onOpen(event.id)},
    },
      el("div", {class: "queue-line"},
        dot,
        el("strong", {}, event.sub_event_type),
        el("span", {class: "muted"}, ` · ${event.date?.value || "undated"} · ${event.location ? (event.location.name || event.location.text) : "unknown place"}`),
        event.conflicting ? el("span", {class: "badge badge-denied"}, "conflicting") : null,
      ),
      el("div", {class: "queue-line small"},
        [event.actor1?.name, event.actor2?.name].filter(Boolean).join(" vs ") || "actors unknown",
        ` · deaths ${formatNumber(event.fatalities?.count || 0)} · `,
        el("span", {class: ["badge", `badge-${event.status}`]}, event.status),
        ` · confidence ${Math.round((event.confidence || 0) * 100)}% · ${event.corroboration || 0} outlet(s)`,
      ),
      evidence ? el("blockquote", {class: "queue-evidence"}, evidence.text) : null,
    );
  }

  function render() {
    onCount?.(items.length);
    clear(container);
    container.append(el("p", {class: "keys"},
      ...[["j/k", "move"], ["a", "accept"], ["r", "reject"], ["e", "edit"], ["Enter", "open"]]
        .flatMap(([key, what]) => [el("kbd", {}, key), ` ${what}  `])));
    if (!items.length) {
      container.append(el("p", {class: "empty"}, "The review queue is empty."));
      return;
    }
    index = Math.max(0, Math.min(index, items.length - 1));
    const list = el("ol", {class: "queue"}, items.map(card));
    container.append(list);
    list.children[index]?.scrollIntoView({block: "nearest"});
  }

  async function decide(action) {
    const event = items[index];
    if (!event || busy) return;
    busy = true;
    try {
      let options = {};
      if (action === "edit") {
        options = await edit(event);
        if (!options) return;
      }
      await review(event, action, options);
      items = items.filter((item) => item.id !== event.id);
      render();
    } catch (error) {
      notify(`Could not ${action} ${event.id}: ${error.message}`, "error");
    } finally {
      busy = false;
    }
  }

  return {
    async load() {
      clear(container).append(el("p", {class: "muted"}, "Loading the review queue…"));
      try {
        items = (await api.reviewQueue(100)).events;
      } catch (error) {
        items = [];
        notify(`Cannot load the review queue: ${error.message}`, "error");
      }
      index = 0;
      render();
    },
    /** true when the key was one of the queue's */
    handleKey(key) {
      switch (key) {
        case "j": case "ArrowDown": index = Math.min(index + 1, items.length - 1); render(); return true;
        case "k": case "ArrowUp": index = Math.max(index - 1, 0); render(); return true;
        case "a": decide("accept"); return true;
        case "r": decide("reject"); return true;
        case "e": decide("edit"); return true;
        case "Enter": if (items[index]) onOpen(items[index].id); return true;
        default: return false;
      }
    },
  };
}

/**
 * The edit form in a <dialog>; resolves to {changes, note} with only the fields the analyst
 * changed, or null when cancelled.
 */
export function openEditor(event, taxonomy) {
  return new Promise((resolve) => {
    const types = taxonomy.event_types;
    const typeSelect = el("select", {name: "event_type"}, types.map((t) => el("option", {value: t.name}, t.name)));
    typeSelect.value = event.event_type;
    const subSelect = el("select", {name: "sub_event_type"});
    const fillSubTypes = () => {
      const type = types.find((t) => t.name === typeSelect.value);
      clear(subSelect).append(...(type ? type.sub_event_types : []).map((s) => el("option", {value: s}, s)));
      if ([...subSelect.options].some((o) => o.value === event.sub_event_type)) subSelect.value = event.sub_event_type;
    };
    typeSelect.addEventListener("change", fillSubTypes);
    fillSubTypes();
    const status = el("select", {name: "status"}, taxonomy.statuses.map((s) => el("option", {value: s}, s)));
    status.value = event.status;
    const fatalities = el("input", {name: "fatalities", type: "number", min: 0, step: 1, value: event.fatalities?.count ?? 0});
    const actor1 = el("input", {name: "actor1", type: "text", value: event.actor1?.name || "", maxlength: 200});
    const actor2 = el("input", {name: "actor2", type: "text", value: event.actor2?.name || "", maxlength: 200});
    const date = el("input", {name: "date", type: "date", value: event.date?.value || ""});
    const note = el("textarea", {name: "note", rows: 2, maxlength: 4000, placeholder: "why (kept in the audit trail)"});
    const field = (label, input) => el("label", {class: "field"}, el("span", {}, label), input);

    const dialog = el("dialog", {class: "editor", "aria-labelledby": "editor-title"});
    const form = el("form", {method: "dialog"},
      el("h3", {id: "editor-title"}, "Edit event"),
      el("p", {class: "muted small"}, event.id),
      field("Event type", typeSelect),
      field("Sub-event type", subSelect),
      field("Status", status),
      field("Fatalities", fatalities),
      field("Actor 1", actor1),
      field("Actor 2", actor2),
      field("Date", date),
      field("Note", note),
      el("div", {class: "dialog-buttons"},
        el("button", {type: "button", class: "btn", value: "cancel", on: {click: () => dialog.close("cancel")}}, "Cancel"),
        el("button", {type: "submit", class: "btn btn-accept", value: "save"}, "Save"),
      ),
    );
    dialog.append(form);
    form.addEventListener("submit", (submitEvent) => {
      submitEvent.preventDefault();
      dialog.close("save");
    });
    dialog.addEventListener("close", () => {
      dialog.remove();
      if (dialog.returnValue !== "save") return resolve(null);
      const changes = {};
      if (typeSelect.value !== event.event_type) changes.event_type = typeSelect.value;
      if (subSelect.value !== event.sub_event_type) changes.sub_event_type = subSelect.value;
      if (status.value !== event.status) changes.status = status.value;
      if (Number(fatalities.value) !== (event.fatalities?.count ?? 0)) changes.fatalities = Number(fatalities.value);
      // a renamed actor keeps its ACLED actor type; an emptied field removes the actor
      for (const [name, input] of [["actor1", actor1], ["actor2", actor2]]) {
        const value = input.value.trim();
        if (value !== (event[name]?.name || "")) changes[name] = value ? {name: value, inter: event[name]?.inter ?? null} : null;
      }
      if (date.value && date.value !== (event.date?.value || "")) changes.date = date.value;
      resolve(Object.keys(changes).length ? {changes, note: note.value.trim() || null} : null);
    });
    document.body.append(dialog);
    dialog.showModal();
  });
}
