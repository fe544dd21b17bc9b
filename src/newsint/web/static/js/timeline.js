/* The timeline: events per month stacked by type, and articles per month, as plain SVG. */
(function () {
  "use strict";
  const W = 1000, H = 220, PAD = 56, RIGHT = 30;

  function chart(node, months, series, colourOf) {
    node.textContent = "";
    if (!months.length) { node.appendChild(NI.el("p", { className: "note", text: "Nothing dated." })); return; }
    const totals = months.map((m) => series.reduce((sum, s) => sum + (s.values.get(m) || 0), 0));
    const top = Math.max(1, ...totals);
    const step = (W - PAD - RIGHT) / months.length;
    const width = Math.max(step * 0.78, 1);
    const svg = NI.svg("svg", { viewBox: "0 0 " + W + " " + (H + 30), class: "timeline-svg", role: "img" });
    [0.5, 1].forEach((f) => {
      const y = H - (H - 10) * f;
      svg.appendChild(NI.svg("line", { x1: PAD, x2: W - RIGHT, y1: y, y2: y, class: "grid" }));
      svg.appendChild(NI.svg("text", { x: PAD - 6, y: y + 4, class: "tick end", text: NI.number(Math.round(top * f)) }));
    });
    months.forEach((month, i) => {
      let y = H;
      const x = PAD + i * step + (step - width) / 2;
      series.forEach((s) => {
        const value = s.values.get(month) || 0;
        if (!value) { return; }
        const h = (H - 10) * value / top;
        y -= h;
        svg.appendChild(NI.svg("rect", { x: x, y: y, width: width, height: h, fill: colourOf(s.name), class: "bar" },
          [NI.svg("title", { text: month + " · " + s.name + ": " + value })]));
      });
    });
    const every = Math.max(1, Math.ceil(months.length / 12));
    months.forEach((month, i) => {
      if (i % every === 0 || i === months.length - 1) {
        svg.appendChild(NI.svg("text", { x: PAD + i * step + step / 2, y: H + 18, class: "tick middle", text: month }));
      }
    });
    svg.appendChild(NI.svg("line", { x1: PAD, x2: W - RIGHT, y1: H, y2: H, class: "axis" }));
    node.appendChild(svg);
  }

  NI.getJSON("/api/timeline" + (NI.query ? "?" + NI.query : "")).then((data) => {
    const types = [...new Set(data.events.map((e) => e.type))].sort();
    const months = [...new Set(data.events.map((e) => e.month).concat(data.articles.map((a) => a.month)))].sort();
    const series = types.map((type) => ({ name: type, values: new Map(data.events.filter((e) => e.type === type).map((e) => [e.month, e.count])) }));
    const colourOf = (name) => NI.colour(types.indexOf(name));
    chart(document.getElementById("events-chart"), months, series, colourOf);
    const articles = { name: "articles", values: new Map(data.articles.map((a) => [a.month, a.count])) };
    chart(document.getElementById("articles-chart"), months, [articles], () => "#1f4e79");
    const legend = document.getElementById("timeline-legend");
    types.forEach((type) => {
      const dot = NI.el("span", { className: "dot" });
      dot.style.background = colourOf(type);
      legend.appendChild(NI.el("li", {}, [dot, type]));
    });
    const body = document.querySelector("#timeline-table tbody");
    months.slice().reverse().forEach((month) => {
      const parts = series.filter((s) => s.values.get(month)).map((s) => s.name + " " + s.values.get(month));
      const total = series.reduce((sum, s) => sum + (s.values.get(month) || 0), 0);
      body.appendChild(NI.el("tr", {}, [NI.el("td", { text: month }), NI.el("td", { className: "n", text: NI.number(articles.values.get(month) || 0) }),
        NI.el("td", { className: "n", text: NI.number(total) }), NI.el("td", { text: parts.join(", ") || "—" })]));
    });
    NI.status("timeline-status", months.length ? months.length + " months, " + months[0] + " to " + months[months.length - 1] : "Nothing dated matches these filters.");
  }).catch((error) => NI.status("timeline-status", error.message, true));
}());
