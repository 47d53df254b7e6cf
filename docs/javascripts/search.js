// Lưu trữ Việt–Lào search: Pagefind's chunked index, with our own query folding, excerpts and ranking touch.
// - The index holds each page's Đ-words folded to D ("dong") and its folded syllable pairs ("donghoi"),
//   after a ⁂ at the end of the page text: "Dong Hoi" finds "Đồng Hới", and a multi-word query reads the
//   small index entries of rare pairs. Excerpts are cut from the page's own text before the ⁂, so the
//   folded words never show and the match is marked in the page's own diacritics.
// - The search page (docs/search.md) shows every match (a true total, ten at a time), filters and sort
//   through Pagefind's filter and sort metadata, all kept in the URL. The header box shows the first
//   results as one types; Enter opens the search page.
(function () {
  "use strict";
  var configNode = document.getElementById("__config");
  var base = configNode ? JSON.parse(configNode.textContent).base || "." : ".";
  var root = new URL(base.replace(/\/?$/, "/"), window.location.href);
  var SENTINEL = "\u2042";
  var PAGE = 10;
  var FILTERS = ["kind", "year", "outlet", "event", "person"];
  var KIND_ORDER = { "Bài viết": 2, "Sự kiện": 1 };
  var TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;
  var pagefind = null;

  function load() {
    if (!pagefind) {
      pagefind = import(new URL("pagefind/pagefind.js", root).href).then(function (pf) {
        return pf.options({ baseUrl: root.pathname }).then(function () { return pf; });
      });
    }
    return pagefind;
  }

  // ---- Vietnamese words: folded (no marks, đ → d) and exact (either tone placement: Uỷ = Ủy).
  function fold(word) {
    return word.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d").toLowerCase();
  }
  function exact(word) {
    var nfd = word.toLowerCase().normalize("NFD");
    return nfd.replace(TONES, "").normalize("NFC") + (nfd.match(TONES) || []).join("");
  }
  function tokens(text) {
    var re = /[\p{L}\p{N}]+/gu, out = [], m;
    while ((m = re.exec(text))) out.push({ start: m.index, end: m.index + m[0].length, folded: fold(m[0]), exact: exact(m[0]) });
    return out;
  }
  function queryWords(query) {
    return tokens(query.normalize("NFC")).map(function (t) { return { folded: t.folded, exact: t.exact }; });
  }

  // The query Pagefind runs: the first and last folded syllable pair of a multi-word query (a pair is
  // rare where a syllable is common); a single word as typed, Đ folded.
  function indexQuery(words) {
    if (words.length < 2) return words.map(function (w) { return w.folded; }).join(" ");
    var pairs = [];
    for (var i = 0; i + 1 < words.length; i++) pairs.push(words[i].folded + words[i + 1].folded);
    return pairs.length > 2 ? pairs[0] + " " + pairs[pairs.length - 1] : pairs.join(" ");
  }

  // Every match, ranked by Pagefind (or sorted by date); falls back to the words when no pair matches.
  function find(query, filters, sort) {
    var words = queryWords(query);
    var sent = indexQuery(words);
    var options = { filters: filters || {}, sort: sort ? { date: sort } : {} };
    return load().then(function (pf) {
      return pf.search(sent, options).then(function (search) {
        if (search.results.length || words.length < 2) return { pf: pf, sent: sent, search: search };
        sent = words.map(function (w) { return w.folded; }).join(" ");
        return pf.search(sent, options).then(function (s) { return { pf: pf, sent: sent, search: s }; });
      });
    }).then(function (found) {
      found.words = words;
      found.query = query;
      return found;
    });
  }

  // ---- Where the query is in a page's own text.
  function pageText(data) {
    var text = data.content || "";
    var cut = text.lastIndexOf(SENTINEL);
    return (cut >= 0 ? text.slice(0, cut) : text).replace(/\s+/g, " ").trim();
  }

  // A word matches folded; the last one also as a prefix while the reader is still typing it.
  var typing = false;
  function wordMatches(token, word, last) {
    return token.folded === word.folded || (typing && last && word.folded.length > 1 && token.folded.indexOf(word.folded) === 0);
  }
  function phraseAt(toks, i, words) {
    for (var j = 0; j < words.length; j++) {
      if (!toks[i + j] || !wordMatches(toks[i + j], words[j], j === words.length - 1)) return false;
    }
    return true;
  }

  // The best place: the phrase in the reader's diacritics (3), the folded phrase (2), else the
  // stretch holding most query words (1), else nothing (0).
  function locate(toks, words) {
    var k = words.length, best = { at: -1, length: 0, score: 0 };
    if (!k) return best;
    for (var i = 0; i + k <= toks.length; i++) {
      if (!phraseAt(toks, i, words)) continue;
      var same = words.every(function (w, j) { return toks[i + j].exact === w.exact; });
      if ((same ? 3 : 2) > best.score) best = { at: i, length: k, score: same ? 3 : 2 };
      if (best.score === 3) return best;
    }
    if (best.score) return best;
    var most = 0;
    toks.forEach(function (t, i) {
      if (!words.some(function (w, n) { return wordMatches(t, w, n === k - 1); })) return;
      var seen = {};
      for (var x = i; x < Math.min(toks.length, i + 20); x++) {
        words.forEach(function (w, n) { if (wordMatches(toks[x], w, n === k - 1)) seen[n] = true; });
      }
      var count = Object.keys(seen).length;
      if (count > most) { most = count; best = { at: i, length: 1, score: 1 }; }
    });
    return best;
  }

  // Text with the query marked, as DOM nodes (never HTML from the index): the whole phrase where the
  // page holds it (words.length > 1), else each query word.
  function marked(text, words, into) {
    var toks = tokens(text), pos = 0, spans = [], k = words.length, phrase = false, i;
    for (i = 0; k > 1 && i < toks.length; i++) {
      if (phraseAt(toks, i, words)) { spans.push([toks[i].start, toks[i + k - 1].end]); phrase = true; i += k - 1; }
    }
    if (!phrase) {
      toks.forEach(function (t) {
        if (words.some(function (w, n) { return wordMatches(t, w, n === k - 1); })) spans.push([t.start, t.end]);
      });
    }
    spans.forEach(function (span) {
      into.appendChild(document.createTextNode(text.slice(pos, span[0])));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(span[0], span[1]);
      into.appendChild(mark);
      pos = span[1];
    });
    into.appendChild(document.createTextNode(text.slice(pos)));
    return into;
  }

  // About 30 words of the page's own text around the match, cut between syllables.
  function excerpt(data, words, size) {
    var text = pageText(data), title = data.meta.title || "";
    if (title && text.indexOf(title) === 0) text = text.slice(title.length).replace(/^[\s.]+/, "");
    var toks = tokens(text), where = locate(toks, words), n = size || 30;
    var first = Math.max(0, (where.at < 0 ? 0 : where.at) - Math.floor(n / 3));
    var last = Math.min(toks.length - 1, first + n - 1);
    var out = document.createElement("p");
    out.className = "va-search__excerpt";
    if (!toks.length) return out;
    // From the space before the first word to the space after the last: punctuation stays whole.
    var from = first > 0 ? text.lastIndexOf(" ", toks[first].start) + 1 : 0;
    var to = last < toks.length - 1 ? text.indexOf(" ", toks[last].end) : -1;
    var piece = text.slice(from, to < 0 ? text.length : to);
    marked((from > 0 ? "… " : "") + piece + (to >= 0 ? " …" : ""), words, out);
    return out;
  }

  // Pages holding the query as a phrase first (the reader's own diacritics above the folded form),
  // then articles before event and entity pages, then Pagefind's order: within each batch shown.
  function rank(items, words) {
    // A query typed without marks says nothing about diacritics: every folded phrase counts the same.
    var marked = words.some(function (w) { return w.exact !== w.folded; });
    items.forEach(function (item, i) {
      var where = locate(tokens((item.data.meta.title || "") + " . " + pageText(item.data)), words);
      var phrase = where.score >= 2 ? (marked ? where.score : 2) : 0;
      item.key = [phrase, KIND_ORDER[item.data.meta.kind] || 0, -i];
    });
    return items.slice().sort(function (a, b) {
      for (var i = 0; i < 3; i++) { if (a.key[i] !== b.key[i]) return b.key[i] - a.key[i]; }
      return 0;
    });
  }

  function batch(found, from, to, ranked) {
    return Promise.all(found.search.results.slice(from, to).map(function (r) {
      return r.data().then(function (data) { return { data: data }; });
    })).then(function (items) { return ranked ? rank(items, found.words) : items; });
  }

  function resultNode(item, words, tag, size) {
    var li = document.createElement(tag || "li");
    li.className = "va-search__result";
    var a = document.createElement("a");
    a.href = item.data.url;
    a.className = "va-search__title";
    marked(item.data.meta.title || item.data.url, words, a);
    li.appendChild(a);
    var info = [item.data.meta.kind, item.data.meta.datelabel].filter(Boolean).join(" · ");
    if (info) {
      var span = document.createElement("span");
      span.className = "va-search__info";
      span.textContent = " " + info;
      li.appendChild(span);
    }
    li.appendChild(excerpt(item.data, words, size));
    return li;
  }

  function searchUrl(params) {
    var url = new URL("search/", root);
    url.search = params.toString();
    return url.href;
  }

  window.vaSearch = { find: find, indexQuery: indexQuery, queryWords: queryWords };

  // ---- The search page.
  (function () {
    var box = document.querySelector(".va-search");
    if (!box) return;
    var form = box.querySelector("form");
    var input = box.querySelector("input[name=q]");
    var status = box.querySelector(".va-search__status");
    var list = box.querySelector(".va-search__results");
    var more = box.querySelector(".va-search__more");
    var refine = box.querySelector(".va-search__refine");
    var sortSelect = box.querySelector("select[name=sort]");
    var current = null, shown = 0, facetsLoaded = false, run = 0;

    function state() {
      var params = new URLSearchParams();
      params.set("q", input.value.trim());
      box.querySelectorAll("input[name=kind]:checked").forEach(function (i) { params.append("kind", i.value); });
      FILTERS.slice(1).forEach(function (name) {
        var select = box.querySelector("select[name=" + name + "]");
        if (select && select.value) params.set(name, select.value);
      });
      if (sortSelect.value) params.set("sort", sortSelect.value);
      return params;
    }

    function filtersOf(params) {
      var filters = {};
      var kinds = params.getAll("kind");
      if (kinds.length) filters.kind = { any: kinds };
      FILTERS.slice(1).forEach(function (name) { if (params.get(name)) filters[name] = params.get(name); });
      return filters;
    }

    function restore(params) {
      input.value = params.get("q") || "";
      var kinds = params.getAll("kind");
      box.querySelectorAll("input[name=kind]").forEach(function (i) { i.checked = kinds.indexOf(i.value) >= 0; });
      FILTERS.slice(1).forEach(function (name) {
        var select = box.querySelector("select[name=" + name + "]"), value = params.get(name);
        if (!select) return;
        if (value && !Array.prototype.some.call(select.options, function (o) { return o.value === value; })) {
          select.appendChild(new Option(value, value));
        }
        select.value = value || "";
      });
      sortSelect.value = params.get("sort") || "";
    }

    // Facet choices with their counts among the current results (once the filter index is loaded).
    function facets(counts) {
      Object.keys(counts || {}).forEach(function (name) {
        if (name === "kind") {
          box.querySelectorAll("input[name=kind]").forEach(function (i) {
            var label = i.parentNode.querySelector(".va-count");
            if (label) label.textContent = "(" + (counts.kind[i.value] || 0) + ")";
          });
          return;
        }
        var select = box.querySelector("select[name=" + name + "]");
        if (!select) return;
        var value = select.value;
        var entries = Object.keys(counts[name]).filter(function (v) { return counts[name][v] > 0 || v === value; });
        entries.sort(name === "year" ? function (a, b) { return b.localeCompare(a); } : function (a, b) {
          return (counts[name][b] - counts[name][a]) || a.localeCompare(b, "vi");
        });
        select.length = 1;
        entries.forEach(function (v) { select.appendChild(new Option(v + " (" + (counts[name][v] || 0) + ")", v)); });
        select.value = value;
      });
    }

    function loadFacets() {
      if (facetsLoaded) return Promise.resolve();
      facetsLoaded = true;
      return load().then(function (pf) { return pf.filters(); });
    }

    function showMore() {
      var from = shown, to = Math.min(current.search.results.length, shown + PAGE);
      var mine = run;
      return batch(current, from, to, !sortSelect.value).then(function (items) {
        if (mine !== run) return;
        items.forEach(function (item) { list.appendChild(resultNode(item, current.words)); });
        shown = to;
        more.hidden = shown >= current.search.results.length;
        more.textContent = "Xem thêm " + Math.min(PAGE, current.search.results.length - shown) + " kết quả";
      });
    }

    function search(push) {
      typing = false;
      var params = state();
      var query = params.get("q");
      if (push) window.history.replaceState(null, "", "?" + params.toString());
      list.textContent = "";
      more.hidden = true;
      if (!query) { status.textContent = ""; return Promise.resolve(); }
      var mine = ++run;
      status.textContent = "Đang tìm…";
      var wantFacets = refine.open || FILTERS.some(function (n) { return params.get(n); });
      return (wantFacets ? loadFacets() : Promise.resolve()).then(function () {
        return find(query, filtersOf(params), params.get("sort"));
      }).then(function (found) {
        if (mine !== run) return;
        current = found;
        shown = 0;
        var total = found.search.results.length;
        if (facetsLoaded) facets(found.search.filters);
        // The status (and its data-total, which tests read) changes once the first results are shown.
        return (total ? showMore() : Promise.resolve()).then(function () {
          if (mine !== run) return;
          status.dataset.indexQuery = found.sent;
          status.dataset.total = String(total);
          status.textContent = total ? total + " kết quả cho “" + query + "”" : "Không tìm thấy kết quả cho “" + query + "”";
        });
      }).catch(function (error) {
        status.textContent = "Không tải được chỉ mục tìm kiếm (" + error.message + ").";
      });
    }

    restore(new URLSearchParams(window.location.search));
    if (FILTERS.some(function (n) { return new URLSearchParams(window.location.search).get(n); })) refine.open = true;
    form.addEventListener("submit", function (event) { event.preventDefault(); search(true); });
    form.addEventListener("change", function (event) { if (event.target !== input) search(true); });
    refine.addEventListener("toggle", function () { if (refine.open && !facetsLoaded && input.value.trim()) search(false); });
    more.addEventListener("click", function () { showMore(); });
    window.addEventListener("popstate", function () { restore(new URLSearchParams(window.location.search)); search(false); });
    if (input.value.trim()) search(false);
  })();

  // ---- Results as one types in the header box (Enter opens the search page).
  (function () {
    var input = document.getElementById("va-header-q");
    if (!input) return;
    var panel = document.createElement("div");
    panel.id = "va-suggest";
    panel.className = "va-suggest";
    panel.hidden = true;
    panel.setAttribute("role", "region");
    panel.setAttribute("aria-label", "Kết quả tìm nhanh");
    var status = document.createElement("p");
    status.className = "va-suggest__status";
    status.setAttribute("role", "status");
    var list = document.createElement("ol");
    list.className = "va-suggest__list";
    var all = document.createElement("a");
    all.className = "va-suggest__all";
    panel.append(status, list, all);
    document.body.appendChild(panel);
    input.setAttribute("aria-controls", panel.id);
    var timer = null, run = 0;

    function close() { panel.hidden = true; }
    function update() {
      var query = input.value.trim(), mine = ++run;
      if (query.length < 2) { close(); return; }
      typing = true;
      find(query).then(function (found) {
        return batch(found, 0, 5, true).then(function (items) { return { found: found, items: items }; });
      }).then(function (r) {
        if (mine !== run) return;
        typing = true;
        var total = r.found.search.results.length;
        list.textContent = "";
        r.items.forEach(function (item) { list.appendChild(resultNode(item, r.found.words, "li", 18)); });
        status.textContent = total ? total + " kết quả" : "Không tìm thấy kết quả cho “" + query + "”";
        all.hidden = !total;
        all.href = searchUrl(new URLSearchParams({ q: query }));
        all.textContent = "Xem tất cả " + total + " kết quả →";
        panel.hidden = false;
      }).catch(function () { close(); });
    }
    input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(update, 180); });
    input.addEventListener("keydown", function (event) {
      if (event.key === "Escape") close();
      if (event.key === "ArrowDown" && !panel.hidden) {
        var first = panel.querySelector("a");
        if (first) { event.preventDefault(); first.focus(); }
      }
    });
    panel.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { close(); input.focus(); }
    });
    document.addEventListener("click", function (event) {
      if (!panel.contains(event.target) && event.target !== input) close();
    });
  })();
})();
