/* Shared helpers of the workbench pages. Data from the corpus is only ever put into the
   page with textContent or setAttribute on safe attributes, never as HTML. */
(function () {
  "use strict";
  const NI = (window.NI = {});

  /** An element: NI.el("a", {href: "/x", className: "y", text: "z"}, [children]). */
  NI.el = function (tag, attrs, children) {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([key, value]) => {
      if (value === null || value === undefined || value === false) { return; }
      if (key === "text") { node.textContent = String(value); }
      else if (key === "className") { node.className = value; }
      else if (key === "href") { node.setAttribute("href", NI.safeHref(value)); }
      else { node.setAttribute(key, String(value)); }
    });
    (children || []).forEach((child) => {
      if (child !== null && child !== undefined) {
        node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
      }
    });
    return node;
  };

  /** Only same-site paths and http(s) URLs become links; anything else goes nowhere. */
  NI.safeHref = function (value) {
    const text = String(value);
    if (text.startsWith("/") && !text.startsWith("//")) { return text; }
    try {
      const url = new URL(text);
      if (url.protocol === "http:" || url.protocol === "https:") { return url.href; }
    } catch (error) { /* not a URL */ }
    return "#";
  };

  NI.svg = function (tag, attrs, children) {
    const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
    Object.entries(attrs || {}).forEach(([key, value]) => {
      if (key === "text") { node.textContent = String(value); }
      else { node.setAttribute(key, String(value)); }
    });
    (children || []).forEach((child) => node.appendChild(child));
    return node;
  };

  NI.getJSON = function (url) {
    return fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then((response) => response.json().then((body) => {
        if (!response.ok) { throw new Error(body.error || response.statusText); }
        return body;
      }));
  };

  NI.articleLink = function (id, title) {
    return NI.el("a", { href: "/articles/" + encodeURIComponent(id), text: title || "Untitled article" });
  };

  NI.query = window.location.search.replace(/^\?/, "");

  NI.status = function (id, text, isError) {
    const node = document.getElementById(id);
    if (node) {
      node.textContent = text;
      node.classList.toggle("error", Boolean(isError));
    }
  };

  NI.number = (n) => Number(n).toLocaleString("en");
  NI.count = (n, noun, plural) => NI.number(n) + " " + (Number(n) === 1 ? noun : plural || noun + "s");

  /** A Leaflet map whose base layer is the bundled country outlines (works offline);
      an online tile layer is offered, switched off, only when the server was given one. */
  NI.baseMap = function (element) {
    const map = L.map(element, { worldCopyJump: true, minZoom: 1, maxZoom: 14, zoomSnap: 0.25 });
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution("Outlines: Natural Earth");
    map.setView([30, 20], 2);
    const outlines = fetch("/api/geo/countries", { credentials: "same-origin" })
      .then((response) => response.json())
      .then((data) => {
        // land first, borders on top, so that no country's fill covers a neighbour's border
        const renderer = L.canvas({ padding: 0.5 });
        L.geoJSON(data, { interactive: false, renderer: renderer,
          style: { stroke: false, fillColor: "#f4f1ea", fillOpacity: 1 } }).addTo(map);
        L.geoJSON(data, { interactive: false, renderer: renderer,
          style: { color: "#a3acb6", weight: 0.8, fill: false } }).addTo(map);
        element.setAttribute("data-outlines", "loaded");
      });
    const tiles = document.body.getAttribute("data-tiles");
    if (tiles) {
      const layer = L.tileLayer(tiles, { attribution: "Tiles © OpenStreetMap contributors", maxZoom: 18 });
      L.control.layers(null, { "Online tiles": layer }, { collapsed: false }).addTo(map);
    }
    map.outlinesLoaded = outlines;
    return map;
  };

  /* The outlet names offered while typing in a filter form (from the facets API, so that
     pages stay small however many outlets the corpus has). */
  const outlets = document.getElementById("outlet-names");
  if (outlets) {
    NI.getJSON("/api/facets").then((facets) => {
      facets.outlets.forEach((name) => outlets.appendChild(NI.el("option", { value: name })));
    }).catch(() => { /* typing still works without suggestions */ });
  }

  const PALETTE = ["#1f5f99", "#c0392b", "#2f9e44", "#9c36b5", "#e8590c", "#0c8599", "#5f3dc4",
    "#c2255c", "#5c940d", "#495057", "#f08c00", "#1971c2"];
  NI.colour = function (index) { return PALETTE[index % PALETTE.length]; };
}());
