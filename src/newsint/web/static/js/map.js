/* The event map: every located event of the filter, clustered; a popup leads to the article. */
(function () {
  "use strict";
  const node = document.getElementById("events-map");
  if (!node) { return; }
  const map = NI.baseMap(node);
  const clusters = L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 50, chunkedLoading: true });
  map.addLayer(clusters);

  function popup(props) {
    const what = props.mode ? props.type + " / " + props.mode : props.type;
    const flags = ["hedged", "negated", "hypothetical"].filter((f) => props[f]);
    return NI.el("div", { className: "event-popup" }, [
      NI.el("p", { className: "popup-type" }, [NI.el("b", { text: what }), flags.length ? " (" + flags.join(", ") + ")" : ""]),
      NI.el("p", { className: "popup-meta", text: [props.place, props.date].filter(Boolean).join(" · ") }),
      props.actor || props.target ? NI.el("p", { className: "popup-meta", text: (props.actor || "?") + " → " + (props.target || "?") }) : null,
      NI.el("p", { className: "popup-quote", text: "“" + props.text + "”" }),
      NI.el("p", {}, [NI.articleLink(props.article_id, props.title), NI.el("span", { className: "doc-meta", text: " " + (props.outlet || "") })]),
    ]);
  }

  NI.getJSON("/api/events" + (NI.query ? "?" + NI.query : "")).then((data) => {
    const types = [...new Set(data.features.map((f) => f.properties.type))].sort();
    const colours = new Map(types.map((t, i) => [t, i]));
    const counts = new Map();
    const markers = data.features.map((feature) => {
      const [lon, lat] = feature.geometry.coordinates;
      const props = feature.properties;
      counts.set(props.type, (counts.get(props.type) || 0) + 1);
      const icon = L.divIcon({ className: "event-marker c-" + (colours.get(props.type) % 12), iconSize: [14, 14] });
      return L.marker([lat, lon], { icon: icon, title: props.type }).bindPopup(popup(props), { maxWidth: 320 });
    });
    clusters.addLayers(markers);
    const legend = document.getElementById("type-legend");
    types.forEach((type) => legend.appendChild(NI.el("li", {}, [
      NI.el("span", { className: "dot c-" + (colours.get(type) % 12) }), type + " ",
      NI.el("span", { className: "count", text: NI.number(counts.get(type)) })])));
    node.setAttribute("data-events", String(markers.length));
    NI.status("map-status", markers.length
      ? NI.number(markers.length) + " located events" + (data.truncated ? " (the most recent; narrow the filters to see others)" : "")
      : "No located event matches these filters.");
    if (markers.length) {
      // (the cluster layer adds markers in chunks, so its own bounds are not ready yet)
      map.fitBounds(L.latLngBounds(markers.map((m) => m.getLatLng())), { padding: [30, 30], maxZoom: 6 });
    }
  }).catch((error) => NI.status("map-status", error.message, true));
}());
