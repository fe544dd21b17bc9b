(function () {
  "use strict";
  var article = document.getElementById("article");
  if (!article) { return; }
  var each = function (nodes, fn) { Array.prototype.forEach.call(nodes, fn); };
  var sync = function (box) {
    article.classList.toggle("show-" + box.getAttribute("data-kind"), box.checked);
  };
  each(document.querySelectorAll("input[data-kind]"), function (box) {
    sync(box);
    box.addEventListener("change", function () { sync(box); });
  });
  var flash = function () {
    each(article.querySelectorAll(".flash"), function (el) { el.classList.remove("flash"); });
    var match = /^#m-([a-z]+(?:-[0-9]+)+)$/.exec(window.location.hash);
    if (!match) { return; }
    each(article.querySelectorAll('[data-ids~="' + match[1] + '"]'), function (el) {
      el.classList.add("flash");
    });
  };
  window.addEventListener("hashchange", flash);
  flash();
}());
