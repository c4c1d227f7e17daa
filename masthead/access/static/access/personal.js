// Fills the personal slots of a page served from the page cache per access variant
// (docs/caching.md): one small private request for every slot on the page.
(function () {
  "use strict";
  var script = document.currentScript;
  var slots = document.querySelectorAll("[data-personal]");
  if (!script || !slots.length || !window.fetch) return;
  var names = Array.prototype.map.call(slots, function (el) { return el.getAttribute("data-personal"); });
  var url = script.getAttribute("data-personal-url");
  url += (url.indexOf("?") < 0 ? "?" : "&") + "slots=" + encodeURIComponent(names.join(","));
  url += "&path=" + encodeURIComponent(window.location.pathname);
  fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
    .then(function (response) { return response.ok ? response.json() : {}; })
    .then(function (parts) {
      Array.prototype.forEach.call(slots, function (el) {
        var html = parts[el.getAttribute("data-personal")];
        if (typeof html === "string") el.outerHTML = html;
      });
      document.documentElement.setAttribute("data-personal-loaded", "");
    });
})();
