// The event panel: the reconciled values, the claim chain (who says it, through whom), each
// source's own claims side by side, the article text with the evidence highlighted, and the
// audit trail. Everything from the server is rendered as text (see dom.js).

import {api} from "./api.js";
import {clear, el, externalLink, formatNumber} from "./dom.js";
import {highlightedText} from "./highlight.js";

function badge(text, kind) {
  return el("span", {class: ["badge", kind && `badge-${kind}`]}, text);
}

function placeText(location) {
  if (!location) return "unknown";
  const parts = [location.name || location.text, location.admin2, location.admin1, location.country]
    .filter((part, index, all) => part && all.indexOf(part) === index);
  return parts.join(", ");
}

function actorText(actor) {
  if (!actor) return "–";
  const said = actor.text && actor.text !== actor.name ? ` (“${actor.text}”)` : "";
  return `${actor.name}${said}`;
}

function fatalitiesText(fatalities) {
  if (!fatalities) return "0";
  let text = formatNumber(fatalities.count);
  if (fatalities.low !== null && fatalities.high !== null && fatalities.low !== undefined) {
    text += fatalities.low === fatalities.high ? "" : ` (${fatalities.low}–${fatalities.high})`;
  }
  if (fatalities.text) text += ` · “${fatalities.text}”`;
  return text;
}

/** "Speaker (role) [tweet] → relayed by Outlet": innermost speaker first, as the data has it */
export function claimChain(attribution, outlet) {
  const chain = el("ol", {class: "claim-chain"});
  for (const link of attribution || []) {
    chain.append(el("li", {},
      el("span", {class: "speaker"}, link.speaker),
      link.role ? el("span", {class: "role"}, ` (${link.role})`) : null,
      link.channel ? badge(link.channel, "channel") : null,
      link.via ? el("span", {class: "via"}, ` via ${link.via}`) : null,
    ));
  }
  if (outlet) chain.append(el("li", {class: "outlet"}, el("span", {class: "role"}, "reported by "), el("span", {class: "speaker"}, outlet)));
  if (!chain.children.length) chain.append(el("li", {class: "muted"}, "no attribution: the outlet's own report"));
  return chain;
}

function factsTable(event) {
  const rows = [
    ["Date", `${event.date?.value || "unknown"}${event.date?.precision ? ` (precision ${event.date.precision})` : ""}${event.date?.text ? ` · “${event.date.text}”` : ""}`],
    ["Location", `${placeText(event.location)}${event.location?.geo_precision ? ` · geo precision ${event.location.geo_precision}` : ""}`],
    ["Actor 1", actorText(event.actor1)],
    ["Actor 2", actorText(event.actor2)],
    ["Fatalities", fatalitiesText(event.fatalities)],
    ["PLOVER", event.plover ? `${event.plover.event_type}${event.plover.mode ? ` / ${event.plover.mode}` : ""}${event.plover.context?.length ? ` · ${event.plover.context.join(", ")}` : ""}` : "–"],
    ["Confidence", event.confidence !== undefined ? `${Math.round(event.confidence * 100)}%` : "–"],
    ["Corroboration", `${event.corroboration ?? 0} independent outlet${event.corroboration === 1 ? "" : "s"}${event.conflicting ? " · sources conflict" : ""}`],
  ];
  return el("table", {class: "facts"}, el("tbody", {}, rows.map(([name, value]) => el("tr", {}, el("th", {}, name), el("td", {}, value)))));
}

function claimsTable(claims) {
  if (!claims || !claims.length) return el("p", {class: "muted"}, "No separate claims recorded.");
  return el("table", {class: "grid claims"},
    el("thead", {}, el("tr", {}, ["Outlet", "Says", "Speaker", "What, where", "Deaths"].map((h) => el("th", {}, h)))),
    el("tbody", {}, claims.map((claim) => el("tr", {class: claim.stance === "denies" ? "denies" : null},
      el("td", {}, claim.outlet || claim.article_id, claim.independent === false ? badge("copy", "muted") : null),
      el("td", {}, badge(claim.stance === "denies" ? "denies" : claim.status, claim.stance === "denies" ? "denied" : claim.status)),
      el("td", {}, claim.speaker || "–"),
      el("td", {}, claim.sub_event_type || "–", el("div", {class: "muted small"}, claim.location || "place unknown")),
      el("td", {class: "num"}, claim.fatalities ? formatNumber(claim.fatalities.count) : "–"),
    ))),
  );
}

/**
 * Fill ``container`` with ``event`` (GET /events/{id}). ``actions`` has onOpen(id) to open
 * another event and, when writes are possible, onReview(event, action).
 */
export async function renderEvent(container, event, {onOpen, onReview, writesEnabled}) {
  clear(container);
  const header = el("header", {class: "event-head"},
    el("div", {class: "event-kicker"}, event.event_type),
    el("h2", {id: "event-title"}, event.sub_event_type),
    el("div", {class: "badges"},
      badge(event.status, event.status),
      badge(event.review_state || "unreviewed", `review-${event.review_state || "unreviewed"}`),
      el("span", {class: "event-id", title: "event id"}, event.id),
    ),
  );
  const reviewBar = el("div", {class: "review-bar"});
  if (writesEnabled && onReview) {
    for (const [action, label, key] of [["accept", "Accept", "a"], ["reject", "Reject", "r"], ["edit", "Edit…", "e"]]) {
      reviewBar.append(el("button", {class: ["btn", `btn-${action}`], type: "button", title: `${label} (${key} in the review queue)`, on: {click: () => onReview(event, action)}}, label));
    }
  } else {
    reviewBar.append(el("span", {class: "muted"}, "Set a write token (top right) to review."));
  }

  const sources = event.sources || [];
  const sourceList = el("ul", {class: "sources"});
  const articleBox = el("div", {class: "article-box"}, el("p", {class: "muted"}, "Loading the article…"));
  let activeButton = null;

  async function showArticle(source, button) {
    if (activeButton) activeButton.classList.remove("active");
    activeButton = button;
    button?.classList.add("active");
    clear(articleBox).append(el("p", {class: "muted"}, "Loading the article…"));
    try {
      const data = await api.article(source.article_id);
      const article = data.article;
      clear(articleBox).append(
        el("div", {class: "article-meta"},
          el("strong", {class: "article-title"}, article.title || "(untitled)"),
          el("span", {}, [article.source, article.published].filter(Boolean).join(" · ")),
          article.url ? externalLink(article.url, "open original") : null,
        ),
        highlightedText(article.text || "", data.evidence || [], {currentId: event.id, onOpen}),
      );
    } catch (error) {
      clear(articleBox).append(el("p", {class: "error-text"}, `Cannot load article ${source.article_id}: ${error.message}`));
    }
  }

  sources.forEach((source, index) => {
    const button = el("button", {class: "source-open", type: "button"}, "show text");
    button.addEventListener("click", () => showArticle(source, button));
    sourceList.append(el("li", {},
      el("div", {class: "source-line"},
        el("strong", {}, source.source || "unknown outlet"),
        el("span", {class: "muted"}, ` ${source.published || ""}`),
        source.duplicate_of ? badge(`copy of ${source.duplicate_of}`, "muted") : null,
        badge(source.status, source.status),
        button,
      ),
      source.title ? el("div", {class: "source-title"}, source.title) : null,
      source.url ? el("div", {class: "source-url"}, externalLink(source.url)) : null,
      claimChain(source.attribution, null),
    ));
    if (index === 0) queueMicrotask(() => showArticle(source, button));
  });
  if (!sources.length) clear(articleBox).append(el("p", {class: "muted"}, "No sources stored."));

  const audit = el("details", {class: "audit"}, el("summary", {}, "Audit trail"));
  audit.addEventListener("toggle", async () => {
    if (!audit.open || audit.dataset.loaded) return;
    audit.dataset.loaded = "1";
    try {
      const data = await api.audit(event.id);
      audit.append(el("ol", {class: "audit-list"}, data.entries.map((entry) => el("li", {},
        el("time", {}, entry.at), " ", el("strong", {}, entry.actor), ` ${entry.action}`,
        entry.note ? el("span", {class: "muted"}, ` — ${entry.note}`) : null,
        entry.changes && Object.keys(entry.changes).length ? el("code", {class: "changes"}, JSON.stringify(entry.changes)) : null,
      ))));
    } catch (error) {
      audit.append(el("p", {class: "error-text"}, error.message));
    }
  });

  container.append(
    header,
    reviewBar,
    factsTable(event),
    el("h3", {}, "Claim chain"),
    claimChain(event.attribution, sources[0]?.source),
    el("h3", {}, `Sources (${sources.length})`),
    sourceList,
    el("h3", {}, "Claims side by side"),
    claimsTable(event.claims),
    el("h3", {}, "Article text and evidence"),
    articleBox,
    audit,
  );
}
