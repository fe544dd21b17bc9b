/* The outlet republication network as plain SVG: outlets on a circle (sized by the texts
   they published first or republished), arrows from the first publisher to each copier. */
(function () {
  "use strict";
  const S = 720, C = S / 2, R = S / 2 - 120, MAX_NODES = 40, MAX_ROWS = 500;
  const holder = document.getElementById("network-graph");

  /** The most connected outlets and the links between them (a circle of hundreds is unreadable). */
  function busiest(data) {
    const degree = new Map();
    data.edges.forEach((e) => {
      degree.set(e.source, (degree.get(e.source) || 0) + e.weight);
      degree.set(e.target, (degree.get(e.target) || 0) + e.weight);
    });
    const nodes = data.nodes.slice().sort((a, b) => (degree.get(b.id) || 0) - (degree.get(a.id) || 0) || (a.id < b.id ? -1 : 1))
      .slice(0, MAX_NODES);
    const kept = new Set(nodes.map((n) => n.id));
    return { nodes: nodes, edges: data.edges.filter((e) => kept.has(e.source) && kept.has(e.target)) };
  }

  function draw(all) {
    const data = busiest(all);
    const nodes = data.nodes;
    const index = new Map(nodes.map((n, i) => [n.id, i]));
    const place = nodes.map((n, i) => {
      const angle = -Math.PI / 2 + 2 * Math.PI * i / nodes.length;
      return { x: C + R * Math.cos(angle), y: C + R * Math.sin(angle), angle: angle };
    });
    const top = Math.max(1, ...data.edges.map((e) => e.weight));
    const size = (n) => 6 + 10 * Math.sqrt((n.originals + n.republished) / Math.max(1, ...nodes.map((m) => m.originals + m.republished)));
    const svg = NI.svg("svg", { viewBox: "0 0 " + S + " " + S, class: "network-svg", role: "img" });
    svg.appendChild(NI.svg("defs", {}, [NI.svg("marker", { id: "arrow", viewBox: "0 0 10 10", refX: 9, refY: 5,
      markerWidth: 12, markerHeight: 12, markerUnits: "userSpaceOnUse", orient: "auto-start-reverse" }, [NI.svg("path", { d: "M0,0 L10,5 L0,10 z", class: "arrow-head" })])]));
    const edges = NI.svg("g", { class: "edges" });
    data.edges.forEach((edge) => {
      const a = place[index.get(edge.source)], b = place[index.get(edge.target)];
      const target = nodes[index.get(edge.target)];
      const dx = b.x - a.x, dy = b.y - a.y, len = Math.hypot(dx, dy) || 1;
      const end = { x: b.x - dx / len * (size(target) + 3), y: b.y - dy / len * (size(target) + 3) };
      const bend = { x: (a.x + end.x) / 2 + (C - (a.x + end.x) / 2) * 0.25, y: (a.y + end.y) / 2 + (C - (a.y + end.y) / 2) * 0.25 };
      edges.appendChild(NI.svg("path", { d: "M" + a.x + "," + a.y + " Q" + bend.x + "," + bend.y + " " + end.x + "," + end.y,
        class: "edge", "stroke-width": 1 + 5 * edge.weight / top, "marker-end": "url(#arrow)",
        "data-source": edge.source, "data-target": edge.target },
      [NI.svg("title", { text: edge.source + " → " + edge.target + ": " + edge.weight + " texts" })]));
    });
    svg.appendChild(edges);
    nodes.forEach((node, i) => {
      const p = place[i];
      const anchor = Math.cos(p.angle) > 0.2 ? "start" : Math.cos(p.angle) < -0.2 ? "end" : "middle";
      const lx = p.x + Math.cos(p.angle) * (size(node) + 8), ly = p.y + Math.sin(p.angle) * (size(node) + 8) + 4;
      const group = NI.svg("g", { class: "node", tabindex: 0, "data-outlet": node.id }, [
        NI.svg("circle", { cx: p.x, cy: p.y, r: size(node), class: node.originals >= node.republished ? "origin" : "copier" }),
        NI.svg("text", { x: lx, y: ly, "text-anchor": anchor, text: node.id }),
        NI.svg("title", { text: node.id + ": first published " + node.originals + ", republished " + node.republished + " texts" }),
      ]);
      group.addEventListener("click", () => focus(svg, node.id));
      group.addEventListener("keydown", (e) => { if (e.key === "Enter") { focus(svg, node.id); } });
      svg.appendChild(group);
    });
    holder.appendChild(svg);
  }

  function focus(svg, outlet) {
    const on = svg.getAttribute("data-focus") !== outlet;
    svg.setAttribute("data-focus", on ? outlet : "");
    svg.classList.toggle("focused", on);
    svg.querySelectorAll(".edge").forEach((edge) => edge.classList.toggle("lit", on &&
      (edge.getAttribute("data-source") === outlet || edge.getAttribute("data-target") === outlet)));
    svg.querySelectorAll(".node").forEach((n) => n.classList.toggle("lit", on && n.getAttribute("data-outlet") === outlet));
  }

  NI.getJSON("/api/outlets/graph" + (NI.query ? "?" + NI.query : "")).then((data) => {
    if (data.edges.length) { draw(data); }
    if (data.nodes.length > MAX_NODES) {
      holder.appendChild(NI.el("p", { className: "note", text: "The " + MAX_NODES + " outlets with the most republication links are drawn." }));
    }
    else { holder.appendChild(NI.el("p", { className: "note", text: "No outlet republished another outlet's text among these articles." })); }
    const body = document.querySelector("#edges-table tbody");
    if (data.edges.length > MAX_ROWS) {
      const caption = NI.el("caption", { text: "The " + MAX_ROWS + " strongest of " + NI.number(data.edges.length) + " links (all of them: /api/outlets/graph)" });
      body.parentNode.insertBefore(caption, body.parentNode.firstChild);
    }
    data.edges.slice(0, MAX_ROWS).forEach((e) => body.appendChild(NI.el("tr", {}, [NI.el("td", { text: e.source }), NI.el("td", { text: e.target }),
      NI.el("td", { className: "n", text: NI.number(e.weight) })])));
    NI.status("network-status", NI.count(data.duplicate_groups, "text") + " published more than once; " +
      NI.count(data.edges.length, "republication link") + " between " + NI.count(data.nodes.length, "outlet") + ", in the " + NI.number(data.computed_over) +
      (data.matching > data.computed_over ? " most recent of " + NI.number(data.matching) : "") + " matching articles.");
  }).catch((error) => NI.status("network-status", error.message, true))
    .finally(() => holder.setAttribute("data-loaded", "true"));
}());
