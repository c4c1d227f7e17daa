// Share actions on articles (content/article_page.html): copy the link, or the phone's own share
// sheet where the browser has one. Without JavaScript the email link still works.
document.querySelectorAll("[data-share]").forEach(function (bar) {
  var url = bar.dataset.shareUrl, title = bar.dataset.shareTitle;
  var copy = bar.querySelector("[data-share-copy]"), native = bar.querySelector("[data-share-native]");
  if (navigator.share && native) {
    native.hidden = false;
    native.addEventListener("click", function () { navigator.share({title: title, url: url}).catch(function () {}); });
  }
  if (copy) {
    copy.hidden = false;
    copy.addEventListener("click", function () {
      var done = function () { copy.textContent = copy.dataset.copied; copy.setAttribute("aria-live", "polite"); };
      if (navigator.clipboard) { navigator.clipboard.writeText(url).then(done, function () { window.prompt("", url); }); }
      else { window.prompt("", url); }
    });
  }
});
