// The map: one circle per event (colour = ACLED event type, area ∝ fatalities), the district
// control layer, OpenStreetMap tiles when they load and a plain background with a graticule when
// they do not (offline). Leaflet is loaded from web/node_modules; without it the page still works
// and says why there is no map.

import {el} from "./dom.js";

const LEAFLET_URL = "/vendor/leaflet/leaflet-src.esm.js";

export function markerRadius(fatalities) {
  // area grows with the count, so 100 deaths do not hide a whole province
  return Math.min(26, 5 + 2.2 * Math.sqrt(Math.max(0, fatalities || 0)));
}

function hasPoint(location) {
  return location && Number.isFinite(location.latitude) && Number.isFinite(location.longitude);
}

export async function createMap(container, {tileUrl, attribution, colorOf, controlColors, onSelect}) {
  let L;
  try {
    L = await import(LEAFLET_URL);
  } catch (error) {
    container.classList.add("map-missing");
    container.append(
      el("div", {class: "map-message"},
        el("strong", {}, "Map unavailable"),
        el("span", {}, "Leaflet is not installed: run `npm ci` in web/ and reload. The table, event and review views work without it."),
      ),
    );
    return null;
  }

  const map = L.map(container, {zoomControl: true, worldCopyJump: true, preferCanvas: false}).setView([20, 30], 3);
  map.attributionControl.setPrefix(false);
  const eventLayer = L.featureGroup().addTo(map);
  const controlLayer = L.layerGroup();
  const graticule = L.layerGroup();
  const markers = new Map();
  let selectedId = null;

  // --- tiles, or a plain background when offline ---------------------------------------------
  const tiles = L.tileLayer(tileUrl, {
    maxZoom: 18,
    attribution,
    referrerPolicy: "origin", // OpenStreetMap's tile policy asks for it; the page itself sends none
  });
  let tileLoaded = false;
  let offline = false;
  tiles.on("tileload", () => { tileLoaded = true; });
  tiles.on("tileerror", () => {
    if (tileLoaded || offline) return;
    offline = true;
    map.removeLayer(tiles);
    container.classList.add("map-offline");
    map.attributionControl.addAttribution("Offline: no map tiles");
    graticule.addTo(map);
    drawGraticule();
  });
  tiles.addTo(map);

  function drawGraticule() {
    graticule.clearLayers();
    const step = map.getZoom() >= 6 ? 1 : map.getZoom() >= 4 ? 5 : 10;
    const style = {color: "#b9c3d3", weight: 1, opacity: 0.8, interactive: false};
    for (let lat = -80; lat <= 80; lat += step) graticule.addLayer(L.polyline([[lat, -180], [lat, 180]], style));
    for (let lon = -180; lon <= 180; lon += step) graticule.addLayer(L.polyline([[-85, lon], [85, lon]], style));
  }
  map.on("zoomend", () => { if (offline) drawGraticule(); });

  // --- legend ---------------------------------------------------------------------------------
  const legend = L.control({position: "bottomleft"});
  legend.onAdd = () => {
    const box = el("div", {class: "legend"}, el("div", {class: "legend-title"}, "Event type"));
    for (const [name, color] of colorOf.entries()) {
      const swatch = el("span", {class: "swatch"});
      swatch.style.backgroundColor = color; // CSSOM, not a style attribute: allowed by the CSP
      box.append(el("div", {class: "legend-row"}, swatch, name));
    }
    box.append(el("div", {class: "legend-note"}, "Size: fatalities · ring: claimed or denied"));
    L.DomEvent.disableClickPropagation(box);
    return box;
  };
  legend.addTo(map);

  function tooltipFor(event) {
    const place = event.location ? (event.location.name || event.location.text) : "unknown place";
    return el("div", {class: "map-tip"},
      el("strong", {}, event.sub_event_type || event.event_type),
      el("div", {}, `${event.date && event.date.value ? event.date.value : "undated"} · ${place}`),
      el("div", {}, [event.actor1 && event.actor1.name, event.actor2 && event.actor2.name].filter(Boolean).join(" vs ") || "actors unknown"),
      el("div", {}, `Fatalities: ${event.fatalities ? event.fatalities.count : 0} · ${event.status}`),
    );
  }

  function styleFor(event, selected) {
    const color = colorOf.get(event.event_type) || "#6b7280";
    // one side's word (claimed, denied) is drawn as a ring in the type's colour, fact as a disc
    const claimed = event.status === "claimed" || event.status === "denied";
    return {
      radius: markerRadius(event.fatalities && event.fatalities.count),
      color: selected ? "#111827" : claimed ? color : "#ffffff",
      weight: selected ? 3 : claimed ? 2.5 : 1,
      fillColor: color,
      fillOpacity: event.review_state === "rejected" ? 0.15 : claimed ? 0.3 : 0.82,
      className: "event-marker",
    };
  }

  return {
    leaflet: map,
    setEvents(events) {
      eventLayer.clearLayers();
      markers.clear();
      // biggest first, so small circles stay clickable on top
      const ordered = [...events].sort((a, b) => (b.fatalities?.count || 0) - (a.fatalities?.count || 0));
      for (const event of ordered) {
        if (!hasPoint(event.location)) continue;
        const marker = L.circleMarker([event.location.latitude, event.location.longitude], styleFor(event, event.id === selectedId));
        marker.bindTooltip(tooltipFor(event), {direction: "top", offset: [0, -4]});
        marker.on("click", () => onSelect(event.id));
        eventLayer.addLayer(marker);
        markers.set(event.id, {marker, event});
      }
    },
    fit() {
      const bounds = eventLayer.getBounds();
      if (bounds.isValid()) map.fitBounds(bounds.pad(0.25), {maxZoom: 8});
    },
    select(id) {
      const previous = markers.get(selectedId);
      if (previous) previous.marker.setStyle(styleFor(previous.event, false));
      selectedId = id;
      const current = markers.get(id);
      if (current) {
        current.marker.setStyle(styleFor(current.event, true));
        current.marker.bringToFront();
        if (!map.getBounds().contains(current.marker.getLatLng())) map.panTo(current.marker.getLatLng());
      }
    },
    setControl(records, visible) {
      controlLayer.clearLayers();
      for (const record of records) {
        if (!hasPoint(record)) continue;
        const color = controlColors[record.state] || "#8a94a6";
        const square = L.circleMarker([record.latitude, record.longitude], {
          radius: 11, color, weight: 3, fill: false, dashArray: record.basis === "claimed" ? "4 3" : null,
        });
        square.bindTooltip(el("div", {class: "map-tip"},
          el("strong", {}, record.name),
          el("div", {}, `${record.state}${record.controller ? ` · ${record.controller}` : ""} (${record.basis})`),
          el("div", {}, `since ${record.date || "?"}`),
        ));
        controlLayer.addLayer(square);
      }
      if (visible) controlLayer.addTo(map);
      else map.removeLayer(controlLayer);
    },
    invalidate() { map.invalidateSize(); },
    isOffline() { return offline; },
  };
}
