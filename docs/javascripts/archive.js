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

// A reader toggle that turns entity and figure highlighting off (remembered across pages).
(function () {
  "use strict";
  var KEY = "va-plain";
  function apply(plain) {
    document.body.classList.toggle("va-plain", plain);
    document.querySelectorAll(".va-toggle").forEach(function (button) {
      button.hidden = false;
      button.setAttribute("aria-pressed", plain ? "true" : "false");
      button.textContent = plain ? "Bật đánh dấu" : "Tắt đánh dấu";
    });
  }
  var stored = false;
  try { stored = localStorage.getItem(KEY) === "1"; } catch (e) { /* storage blocked */ }
  apply(stored);
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest(".va-toggle");
    if (!button) return;
    var plain = !document.body.classList.contains("va-plain");
    try { localStorage.setItem(KEY, plain ? "1" : "0"); } catch (e) { /* storage blocked */ }
    apply(plain);
  });
})();

// Chronology filters: by series and kind. Without JavaScript every event is listed.
(function () {
  "use strict";
  var form = document.querySelector("form.va-filters");
  if (!form) return;
  form.hidden = false;
  function update() {
    var series = Array.prototype.map.call(form.querySelectorAll("input[name=series]:checked"), function (i) { return i.value; });
    var kinds = Array.prototype.map.call(form.querySelectorAll("input[name=kind]:checked"), function (i) { return i.value; });
    document.querySelectorAll(".va-event-row").forEach(function (row) {
      row.hidden = series.indexOf(row.dataset.series) < 0 || kinds.indexOf(row.dataset.kind) < 0;
    });
    document.querySelectorAll(".va-year").forEach(function (section) {
      section.hidden = !section.querySelector(".va-event-row:not([hidden])");
    });
  }
  form.addEventListener("change", update);
})();

// Citations: one locale of the styles at a time (remembered), the reader's access date in the
// BibTeX, RIS and CSL-JSON, and each format copied. Without JavaScript both locales are shown.
(function () {
  "use strict";
  var blocks = document.querySelectorAll(".va-cite__text");
  if (!blocks.length) return;
  var KEY = "va-cite-lang";
  function showLocale(lang) {
    document.querySelectorAll(".va-cite__styles").forEach(function (group) {
      group.hidden = group.dataset.citeLang !== lang;
    });
    document.querySelectorAll(".va-cite__locale").forEach(function (button) {
      button.setAttribute("aria-pressed", button.dataset.citeLocale === lang ? "true" : "false");
    });
  }
  var switcher = document.querySelector(".va-cite__locales");
  if (switcher) {
    switcher.hidden = false;
    var stored = null;
    try { stored = localStorage.getItem(KEY); } catch (e) { /* storage blocked */ }
    var langs = Array.prototype.map.call(switcher.querySelectorAll(".va-cite__locale"), function (b) { return b.dataset.citeLocale; });
    showLocale(langs.indexOf(stored) >= 0 ? stored : langs[0]);
    switcher.addEventListener("click", function (event) {
      var button = event.target.closest && event.target.closest(".va-cite__locale");
      if (!button) return;
      try { localStorage.setItem(KEY, button.dataset.citeLocale); } catch (e) { /* storage blocked */ }
      showLocale(button.dataset.citeLocale);
    });
  }
  var now = new Date();
  var pad = function (n) { return (n < 10 ? "0" : "") + n; };
  var iso = now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
  blocks.forEach(function (block) {
    var format = block.dataset.format;
    if (format === "bibtex") {
      block.textContent = block.textContent.replace(/\n}\n?$/, ",\n  urldate = {" + iso + "}\n}\n");
    } else if (format === "ris") {
      block.textContent = block.textContent.replace(/ER {2}-\s*$/, "Y2  - " + iso.replace(/-/g, "/") + "\r\nER  -\r\n");
    } else if (format === "csl") {
      try {
        var items = JSON.parse(block.textContent);
        items.forEach(function (item) { item.accessed = { "date-parts": [[now.getFullYear(), now.getMonth() + 1, now.getDate()]] }; });
        block.textContent = JSON.stringify(items, null, 2);
      } catch (e) { /* leave it as built */ }
    }
  });
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest(".va-copy");
    if (!button || !navigator.clipboard) return;
    var text = document.getElementById(button.dataset.copy).textContent;
    navigator.clipboard.writeText(text).then(function () {
      button.textContent = "Đã chép";
      setTimeout(function () { button.textContent = "Sao chép"; }, 2000);
    });
  });
})();

// Notes on entities and figures (their data-tip): one box, placed inside the screen (below the name,
// or above it near the bottom; never past the left or right edge). Mouse: on hover. Keyboard: on
// focus, Escape hides. Touch: the first tap shows the note, a second tap on the same name follows it.
(function () {
  "use strict";
  var SELECTOR = "a.va-ent[data-tip], a.va-fig[data-tip]";
  var tip = null, shownFor = null, touched = false;

  function box() {
    if (!tip) {
      tip = document.createElement("div");
      tip.className = "va-tip";
      tip.id = "va-tip";
      tip.setAttribute("role", "tooltip");
      tip.hidden = true;
      document.body.appendChild(tip);
    }
    return tip;
  }

  function show(link) {
    var note = box();
    note.textContent = link.dataset.tip;
    note.hidden = false;
    note.style.left = "0px";
    note.style.top = "0px";
    var r = link.getBoundingClientRect(), w = note.offsetWidth, h = note.offsetHeight, margin = 8;
    var vw = document.documentElement.clientWidth, vh = document.documentElement.clientHeight;
    var left = Math.min(Math.max(margin, r.left), vw - w - margin);
    var top = r.bottom + 6 + h > vh ? r.top - h - 6 : r.bottom + 6;
    note.style.left = Math.max(margin, left) + "px";
    note.style.top = Math.max(margin, top) + "px";
    link.setAttribute("aria-describedby", "va-tip");
    shownFor = link;
  }

  function hide() {
    if (tip) tip.hidden = true;
    if (shownFor) shownFor.removeAttribute("aria-describedby");
    shownFor = null;
  }

  function target(event) { return event.target.closest && event.target.closest(SELECTOR); }

  document.addEventListener("pointerdown", function (event) { touched = event.pointerType === "touch"; }, true);
  document.addEventListener("mouseover", function (event) { var link = target(event); if (link && !touched) show(link); });
  document.addEventListener("mouseout", function (event) { if (target(event) && !touched) hide(); });
  document.addEventListener("focusin", function (event) { var link = target(event); if (link && !touched) show(link); });
  document.addEventListener("focusout", function (event) { if (target(event)) hide(); });
  document.addEventListener("keydown", function (event) { touched = false; if (event.key === "Escape") hide(); });
  document.addEventListener("click", function (event) {
    var link = target(event);
    if (!link) { if (touched) hide(); return; }
    if (touched && shownFor !== link) { event.preventDefault(); show(link); }
  });
  window.addEventListener("scroll", function () { if (shownFor) show(shownFor); }, { passive: true });
})();
