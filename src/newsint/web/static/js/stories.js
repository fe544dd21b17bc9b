/* Story clusters of the current filter, biggest first. */
(function () {
  "use strict";
  const list = document.getElementById("stories");
  const CHIPS = 12, SHOWN = 6;
  NI.getJSON("/api/stories" + (NI.query ? "?" + NI.query : "")).then((data) => {
    const shown = data.stories.filter((s) => s.size > 1);
    const singles = data.stories.filter((s) => s.size === 1);
    shown.forEach((story) => list.appendChild(card(story)));
    if (singles.length) {
      const more = NI.el("details", { className: "card singles" }, [
        NI.el("summary", { text: NI.number(data.stories_total - data.multi_article) + " stories told by a single article" }),
        NI.el("ul", { className: "doc-list" }, singles.map((s) => NI.el("li", {}, [
          NI.articleLink(s.members[0].article_id, s.headline),
          NI.el("span", { className: "doc-meta", text: (s.outlets[0] || "unknown outlet") + " · " + (s.first_published || "undated") })]))),
      ]);
      list.appendChild(NI.el("li", { className: "story-singles" }, [more]));
    }
    NI.status("stories-status", NI.count(data.multi_article, "story", "stories") + " told by several articles, out of " + NI.number(data.stories_total) +
      " in the " + NI.number(data.computed_over) + (data.matching > data.computed_over ? " most recent of " + NI.number(data.matching) : "") + " matching articles.");
  }).catch((error) => NI.status("stories-status", error.message, true))
    .finally(() => list.setAttribute("data-loaded", "true"));

  function card(story) {
    const dates = story.first_published ? story.first_published + (story.last_published !== story.first_published ? " – " + story.last_published : "") : "undated";
    return NI.el("li", { className: "story card" }, [
      NI.el("div", { className: "story-head" }, [
        NI.el("h2", {}, [NI.articleLink(story.members[0].article_id, story.headline)]),
        NI.el("span", { className: "count", text: story.size + " articles" })]),
      NI.el("p", { className: "hit-meta" }, [NI.el("span", { text: dates }), NI.el("span", { text: story.outlets.length + " outlets" })]),
      NI.el("ul", { className: "chips" }, story.outlets.slice(0, CHIPS).map((o) => NI.el("li", { className: "chip", text: o }))
        .concat(story.outlets.length > CHIPS ? [NI.el("li", { className: "chip more", text: "+" + (story.outlets.length - CHIPS) + " more" })] : [])),
      members(story.members.slice(0, SHOWN)),
      story.members.length > SHOWN ? NI.el("details", { className: "more-members" }, [
        NI.el("summary", { text: (story.members.length - SHOWN) + " more articles" }),
        members(story.members.slice(SHOWN), SHOWN + 1)]) : null,
    ]);
  }

  function members(list, start) {
    return NI.el("ol", { className: "doc-list", start: start || 1 }, list.map((m) => NI.el("li", {}, [
      NI.articleLink(m.article_id, m.title),
      NI.el("span", { className: "doc-meta", text: (m.outlet || "unknown outlet") + " · " + (m.published || "undated") })])));
  }
}());
