/* The article page: highlight toggles, the map of its places and routes, and the
   near-duplicate and corroboration panels (read from the JSON API). */
(function () {
  "use strict";
  const text = document.getElementById("article-text");
  if (!text) { return; }

  document.querySelectorAll("input[data-kind]").forEach((box) => {
    const sync = () => text.classList.toggle("show-" + box.getAttribute("data-kind"), box.checked);
    sync();
    box.addEventListener("change", sync);
  });

  const flash = () => {
    text.querySelectorAll(".flash").forEach((node) => node.classList.remove("flash"));
    const match = /^#m-([a-z]+(?:-[0-9]+)+)$/.exec(window.location.hash);
    if (!match) { return; }
    text.querySelectorAll('[data-ids~="' + match[1] + '"]').forEach((node) => node.classList.add("flash"));
  };
  window.addEventListener("hashchange", flash);
  flash();

  const mapNode = document.getElementById("article-map");
  const id = (mapNode || document.getElementById("duplicates")).getAttribute("data-article-id");
  const api = "/api/articles/" + encodeURIComponent(id);

  if (mapNode) {
    const map = NI.baseMap(mapNode);
    NI.getJSON(api).then((analysis) => drawPlaces(map, mapNode, analysis))
      .catch((error) => mapNode.replaceWith(NI.el("p", { className: "note error", text: error.message })));
  }

  function drawPlaces(map, node, analysis) {
    const seen = new Set();
    const points = [];
    analysis.places.forEach((place) => {
      if (place.lat === null || place.lon === null) { return; }
      const key = JSON.stringify([place.name, place.lat, place.lon]);
      if (seen.has(key)) { return; }
      seen.add(key);
      const icon = L.divIcon({ className: "place-marker kind-" + (place.kind || "other"), iconSize: [14, 14] });
      const label = NI.el("span", {}, [NI.el("b", { text: place.name }),
        " " + [place.country_code, place.kind].filter(Boolean).join(" · ")]);
      L.marker([place.lat, place.lon], { icon: icon, title: place.name, alt: place.name })
        .bindTooltip(label).addTo(map);
      points.push([place.lat, place.lon]);
    });
    analysis.routes.forEach((route) => {
      const line = (route.geometry.coordinates || []).map((c) => [c[1], c[0]]);
      if (line.length < 2) { return; }
      L.polyline(line, { color: "#c0392b", weight: 3, opacity: 0.85, className: "route-line" })
        .bindTooltip(NI.el("span", { text: route.places.map((p) => p.name).join(" → ") })).addTo(map);
      line.forEach((p) => points.push(p));
    });
    node.setAttribute("data-markers", String(seen.size));
    if (points.length === 1) { map.setView(points[0], 6); }
    else if (points.length > 1) { map.fitBounds(points, { padding: [24, 24], maxZoom: 8 }); }
  }

  function fill(panelId, nodes) {
    const panel = document.getElementById(panelId);
    panel.querySelectorAll(".loading").forEach((n) => n.remove());
    nodes.forEach((n) => panel.appendChild(n));
    panel.setAttribute("data-loaded", "true");
  }

  function describe(doc) {
    return [doc.outlet || "unknown outlet", doc.published || "undated"].join(" · ");
  }

  NI.getJSON(api + "/duplicates").then((result) => {
    const group = result.group;
    if (!group) {
      fill("duplicates", [NI.el("p", { className: "note", text:
        "No near-copy of this text is stored (" + result.candidates_checked + " similar texts checked)." })]);
      return;
    }
    const others = group.members.filter((m) => m.article_id !== id);
    const intro = NI.el("p", { className: "summary", text: group.size + " copies of this text; first published by " +
      (group.original.outlet || "an unknown outlet") + (group.original.published ? " on " + group.original.published : "") + "." });
    const list = NI.el("ul", { className: "doc-list" }, others.map((m) => NI.el("li", {}, [
      NI.articleLink(m.article_id, m.title),
      NI.el("span", { className: "doc-meta", text: describe(m) + " · similarity " + m.similarity.toFixed(2) +
        (m.article_id === group.original.article_id ? " · original" : "") }),
    ])));
    fill("duplicates", [intro, list]);
  }).catch((error) => fill("duplicates", [NI.el("p", { className: "note error", text: error.message })]));

  NI.getJSON(api + "/corroboration").then((result) => {
    if (!result.events.length) {
      fill("corroboration", [NI.el("p", { className: "note", text: "No event of another outlet matches this article's located, dated events (same type, within " +
        result.max_km + " km and " + result.max_days + " days)." })]);
      return;
    }
    fill("corroboration", result.events.map((event) => NI.el("div", { className: "corroborated" }, [
      NI.el("p", { className: "summary" }, [NI.el("b", { text: event.type }),
        " at " + (event.place || "?") + (event.date ? ", " + event.date : "") + ": “" + event.text + "”"]),
      NI.el("ul", { className: "doc-list" }, event.corroborated_by.map((m) => NI.el("li", {}, [
        NI.articleLink(m.article_id, m.title),
        NI.el("span", { className: "doc-meta", text: describe(m) + " · " + m.distance_km + " km, " + m.days_apart + " days apart" }),
      ]))),
    ])));
  }).catch((error) => fill("corroboration", [NI.el("p", { className: "note error", text: error.message })]));
}());
