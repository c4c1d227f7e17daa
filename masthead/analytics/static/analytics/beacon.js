/* Masthead's page-view beacon: first-party, no cookie, nothing stored in the browser.
   Sends nothing when Do-Not-Track or Global Privacy Control is on. See analytics/counting.py. */
(function () {
  var nav = navigator;
  if (nav.doNotTrack === "1" || window.doNotTrack === "1" || nav.globalPrivacyControl === true) return;
  var body = document.body, data = new URLSearchParams();
  data.set("p", location.pathname);
  if (body.dataset.pageId) data.set("id", body.dataset.pageId);
  var paywall = document.querySelector(".paywall[data-reason]");
  if (paywall) data.set("c", paywall.getAttribute("data-reason"));
  var miss = document.querySelector("[data-search-miss]");
  if (miss) data.set("s", miss.getAttribute("data-search-miss"));
  var url = body.dataset.beacon || "/_hit";
  if (nav.sendBeacon) { nav.sendBeacon(url, data); return; }
  fetch(url, { method: "POST", body: data, keepalive: true, credentials: "omit" });
})();
