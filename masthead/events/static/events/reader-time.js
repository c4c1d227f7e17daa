// The event's times in the reader's own time zone, if it differs from the venue's.
// A file, not an inline script: the page is served from the shared page cache, where a
// Content-Security-Policy nonce would be the same for every reader (see core.csp).
(function () {
  var el = document.querySelector(".reader-time");
  if (!el || !window.Intl) return;
  var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (!zone || zone === el.dataset.venueZone) return;
  var f = new Intl.DateTimeFormat(undefined, {weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit"});
  el.textContent = el.dataset.label + ": " + f.format(new Date(el.dataset.start)) + " – " + f.format(new Date(el.dataset.end)) + " (" + zone + ")";
  el.hidden = false;
})();
