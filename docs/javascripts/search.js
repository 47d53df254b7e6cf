// Lưu trữ Việt–Lào search page: Pagefind's chunked index, our own ranking touch and rendering.
// The index holds each page's Đ-words folded to D ("dong"), so "Dong Hoi" finds "Đồng Hới";
// results where the query's own diacritics appear are ranked above folded matches.
(function () {
  "use strict";
  var box = document.querySelector(".va-search");
  if (!box) return;
  var input = box.querySelector("input[name=q]");
  var status = box.querySelector(".va-search__status");
  var list = box.querySelector(".va-search__results");
  var base = JSON.parse(document.getElementById("__config").textContent).base || ".";
  var root = new URL(base.replace(/\/?$/, "/"), window.location.href);
  var pagefind = null;

  function load() {
    if (!pagefind) {
      pagefind = import(new URL("pagefind/pagefind.js", root).href).then(function (pf) {
        return pf.options({ baseUrl: root.pathname, excerptLength: 28 }).then(function () { return pf; });
      });
    }
    return pagefind;
  }

  var KIND_ORDER = { "Bài viết": 2, "Sự kiện": 1 };

  // Folded as the index folds: no marks, đ → d (Unicode does not decompose đ).
  function fold(text) {
    return words(text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D")).join(" ");
  }

  function words(text) {
    return text.normalize("NFC").toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  }

  // Only <mark> survives from an excerpt: everything else becomes text.
  function excerptNode(html) {
    var template = document.createElement("template");
    template.innerHTML = html;
    var out = document.createElement("p");
    out.className = "va-search__excerpt";
    template.content.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        out.appendChild(mark);
      } else {
        out.appendChild(document.createTextNode(node.textContent));
      }
    });
    return out;
  }

  function render(results, query) {
    list.textContent = "";
    results.forEach(function (r) {
      var li = document.createElement("li");
      li.className = "va-search__result";
      var a = document.createElement("a");
      a.href = r.data.url;
      a.className = "va-search__title";
      a.textContent = r.data.meta.title || r.data.url;
      li.appendChild(a);
      var info = [r.data.meta.kind, r.data.meta.datelabel].filter(Boolean).join(" · ");
      if (info) {
        var span = document.createElement("span");
        span.className = "va-search__info";
        span.textContent = " " + info;
        li.appendChild(span);
      }
      li.appendChild(excerptNode(r.data.excerpt || ""));
      list.appendChild(li);
    });
    status.textContent = results.length ? results.length + " kết quả cho “" + query + "”" : "Không tìm thấy kết quả cho “" + query + "”";
  }

  function run(query) {
    query = query.trim();
    if (!query) { status.textContent = ""; list.textContent = ""; return; }
    status.textContent = "Đang tìm…";
    // A multi-word query is searched by its folded syllable pairs ("donghoi"): pages carry them,
    // and a pair is rare where a syllable is common, so the index part fetched stays small.
    // The first and last pair are enough to find the candidates; the phrase check below ranks.
    var folded = fold(query).split(" ");
    var pairs = [];
    for (var i = 0; i + 1 < folded.length; i++) pairs.push(folded[i] + folded[i + 1]);
    var pairQuery = pairs.length > 2 ? pairs[0] + " " + pairs[pairs.length - 1] : pairs.join(" ");
    load().then(function (pf) {
      if (!pairQuery) return pf.search(query);
      return pf.search(pairQuery).then(function (search) {
        return search.results.length ? search : pf.search(query);
      });
    }).then(function (search) {
      return Promise.all(search.results.slice(0, 8).map(function (result) {
        return result.data().then(function (data) { return { score: result.score, data: data }; });
      }));
    }).then(function (results) {
      // Pagefind matches words, not phrases: rank pages that hold the query as a phrase first,
      // the reader's own diacritics above the folded form, then articles before event and
      // entity pages, then Pagefind's score.
      var exactQuery = " " + words(query).join(" ") + " ";
      var foldedQuery = " " + fold(query) + " ";
      var marked = exactQuery !== foldedQuery;
      results.forEach(function (r) {
        var text = (r.data.meta.title || "") + " " + (r.data.content || "");
        var phrase = marked && (" " + words(text).join(" ") + " ").indexOf(exactQuery) >= 0 ? 2
          : (" " + fold(text) + " ").indexOf(foldedQuery) >= 0 ? 1 : 0;
        r.key = [phrase, KIND_ORDER[r.data.meta.kind] || 0, r.score];
      });
      results.sort(function (a, b) {
        for (var i = 0; i < 3; i++) { if (a.key[i] !== b.key[i]) return b.key[i] - a.key[i]; }
        return 0;
      });
      render(results, query);
    }).catch(function (error) {
      status.textContent = "Không tải được chỉ mục tìm kiếm (" + error.message + ").";
    });
  }

  var params = new URLSearchParams(window.location.search);
  if (params.get("q")) {
    input.value = params.get("q");
    run(input.value);
  }
  box.querySelector("form").addEventListener("submit", function (event) {
    event.preventDefault();
    var url = new URL(window.location.href);
    url.searchParams.set("q", input.value);
    window.history.replaceState(null, "", url);
    run(input.value);
  });
})();
