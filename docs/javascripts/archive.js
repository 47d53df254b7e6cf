// Lưu trữ Việt–Lào: the ¶ link of a paragraph copies its permanent URL.
// Without JavaScript the ¶ is still an ordinary link to the paragraph anchor.
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.va-pilcrow");
    if (!link || !navigator.clipboard) return;
    var url = new URL(link.getAttribute("href"), window.location.href).href;
    navigator.clipboard.writeText(url).then(function () {
      link.classList.add("va-copied");
      setTimeout(function () { link.classList.remove("va-copied"); }, 2000);
    }, function () { /* clipboard refused: the link still navigates */ });
  });
})();
