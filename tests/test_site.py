"""The built site from the real seeds: pages, links, data export, raw files, determinism."""

from __future__ import annotations

import json
import posixpath
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup
from conftest import ROOT, build_ok, make_project

from build_archive.plugin.pagefind_stable import stabilise
from build_archive.plugin.search_input import SEARCHED_PAGES, searched

SEEDS = sorted(p.name for p in (ROOT / "seeds").glob("*.txt"))


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_archive_json_has_the_published_shape(site):
    data = json.loads((site / "data" / "archive.json").read_text())
    assert set(data) >= {"articles", "entities", "events"}
    assert sorted(a["source_file"] for a in data["articles"]) == [f"seeds/{n}" for n in SEEDS]
    for article in data["articles"]:
        assert {"id", "url", "source_file", "title", "outlet", "author", "source_url", "published", "paragraphs",
                "captions", "removed", "events"} <= set(article)
        assert article["url"] == f"articles/{article['id']}/"
        assert (site / article["url"] / "index.html").is_file()
        assert set(article["published"]) == {"date", "precision", "basis"}
        for paragraph in article["paragraphs"]:
            assert set(paragraph) >= {"anchor", "text", "entities", "figures"}
        for caption in article["captions"]:
            assert set(caption) == {"text", "credit"}


def test_date_figures_export_their_iso_value(site):
    """A date is no out-of-range number: its value is the ISO date (or range) it was read as."""
    data = json.loads((site / "data" / "archive.json").read_text())
    dates = [f for a in data["articles"] for p in a["paragraphs"] for f in p["figures"] if f["kind"] == "date"]
    assert dates
    for figure in dates:
        assert "note" not in figure
        values = figure["value"] if isinstance(figure["value"], list) else [figure["value"]]
        assert all(re.fullmatch(r"(\d{4}|-)-?(\d\d)?(-\d\d)?", v) for v in values), figure


def test_every_article_page_has_its_paragraph_anchors(site):
    data = json.loads((site / "data" / "archive.json").read_text())
    for article in data["articles"]:
        soup = BeautifulSoup((site / article["url"] / "index.html").read_text(), "html.parser")
        ids = [p["id"] for p in soup.select("p.va-para")]
        assert ids == [p["anchor"] for p in article["paragraphs"]]
        for p in soup.select("p.va-para"):
            assert p.select_one("a.va-pilcrow")["href"] == "#" + p["id"]


def test_raw_files_are_published_byte_for_byte(site):
    for name in SEEDS:
        assert (site / "raw" / name).read_bytes() == (ROOT / "seeds" / name).read_bytes()


def test_navigation_holds_index_pages_only(site):
    soup = BeautifulSoup((site / "index.html").read_text(), "html.parser")
    nav_links = {a.get_text(strip=True) for a in soup.select("nav.md-nav--primary a.md-nav__link")}
    assert {"Trang chủ", "Bài viết", "Phương pháp"} <= nav_links
    assert not any("articles/20" in (a.get("href") or "") for a in soup.select("nav.md-nav--primary a"))


def test_home_leads_with_latest_events_and_series(site):
    soup = BeautifulSoup((site / "index.html").read_text(), "html.parser")
    headings = [h.get_text() for h in soup.select("h2")]
    assert headings[:2] == ["Sự kiện mới nhất", "Chuỗi sự kiện"]
    latest = soup.select_one("#su-kien-moi").find_next("ul").select("a")
    assert latest[0].get_text() == "Hội nghị giữa kỳ Ủy ban Hợp tác Việt Nam – Lào năm 2023"


def test_home_lists_articles_newest_first_with_honest_dates(site):
    soup = BeautifulSoup((site / "index.html").read_text(), "html.parser")
    dates = [li.select_one(".va-list__date").get_text() for li in soup.select("ul.va-list--articles li")]
    assert dates == ["12/9/2023", "12/1/2023", "năm 2022", "31/8/2021", "24/12/2019"]
    assert soup.html["lang"] == "vi"


def test_all_internal_links_and_anchors_resolve(site):
    ids_by_page = {}
    for page in html_pages(site):
        ids_by_page[page] = {el["id"] for el in BeautifulSoup(page.read_text(), "html.parser").find_all(id=True)}
    broken = []
    for page, _ in ids_by_page.items():
        soup = BeautifulSoup(page.read_text(), "html.parser")
        for el in soup.find_all(["a", "link", "script", "img"]):
            url = el.get("href") or el.get("src")
            if not url or urlsplit(url).scheme or url.startswith("//"):
                continue
            parts = urlsplit(url)
            base = site if parts.path.startswith("/") else page.parent  # 404.html links from the site root
            target = Path(posixpath.normpath(base / unquote(parts.path.lstrip("/")))) if parts.path else page
            if not parts.path:
                target = page
            elif target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{page.relative_to(site)} → {url}")
            elif parts.fragment and target.suffix == ".html" and parts.fragment not in ids_by_page.get(target, set()):
                broken.append(f"{page.relative_to(site)} → {url} (no such anchor)")
    assert not broken, broken


def test_nothing_is_loaded_from_another_site(site):
    for page in html_pages(site):
        soup = BeautifulSoup(page.read_text(), "html.parser")
        for el in soup.find_all(["script", "link", "img", "iframe"]):
            url = el.get("src") or (el.get("href") if el.name == "link" and el.get("rel") != ["canonical"] else None)
            assert not url or not re.match(r"^(https?:)?//", url) or "127.0.0.1" in url, (page, url)


def test_source_view_marks_what_was_removed(site):
    page = next((site / "articles").glob("2023-01-12-*/source/index.html"))
    soup = BeautifulSoup(page.read_text(), "html.parser")
    removed = [d.get_text() for d in soup.select("del.va-seg--removed")]
    assert "Tin bài liên quan" in removed
    assert any(t.startswith("KOICA hỗ trợ") for t in removed)
    labels = {s.get_text() for s in soup.select(".va-role--removed")}
    assert {"Danh sách tin khác", "Tin liên quan chèn trong bài", "Giao diện trang (điều hướng, logo, khẩu hiệu)"} <= labels
    assert len(soup.select("ol.va-source > li")) == len((ROOT / "seeds" / "002_e3906118eabb911a.txt")
                                                        .read_text().split("\n"))


def test_two_clean_builds_give_the_same_bytes(tmp_path, site):
    env = {"SOURCE_DATE_EPOCH": "1700000000"}
    first = build_ok(make_project(tmp_path / "a"), env=env)
    second = build_ok(make_project(tmp_path / "b"), env=env)
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    different = [str(f) for f in files if (first / f).read_bytes() != (second / f).read_bytes()]
    assert not different, different


def test_every_entity_in_the_knowledge_base_has_a_page_with_its_mentions(site):
    import yaml
    data = json.loads((site / "data" / "archive.json").read_text())
    kb = yaml.safe_load((ROOT / "data" / "entities.yml").read_text())["entities"]
    assert sorted(e["id"] for e in data["entities"]) == sorted(e["id"] for e in kb)
    for entity in data["entities"]:
        page = site / entity["url"] / "index.html"
        assert page.is_file(), entity["url"]
    dung = next(e for e in data["entities"] if e["id"] == "nguyen-quoc-dung")
    soup = BeautifulSoup((site / dung["url"] / "index.html").read_text(), "html.parser")
    hits = soup.select("ol.va-kwic a.va-kwic__hit")
    assert len(hits) == dung["mentions"] == 4
    assert all(a["href"].startswith("../../../articles/") and "#p-" in a["href"] for a in hits)
    assert "Thứ trưởng Bộ Ngoại giao" in soup.select_one("#vai-tro").find_next("ul").get_text()


def test_entity_type_index_is_in_vietnamese_alphabetical_order(site):
    from build_archive.common.textnorm import vi_sort_key
    soup = BeautifulSoup((site / "entities" / "place" / "index.html").read_text(), "html.parser")
    names = [li.a.get_text() for li in soup.select("ul.va-columns li")]
    assert names == sorted(names, key=vi_sort_key)
    assert names.index("Đồng Hới") > names.index("Biển Đông")


def test_paragraph_spans_in_the_export_point_at_their_text(site):
    data = json.loads((site / "data" / "archive.json").read_text())
    total_entities = total_figures = 0
    for article in data["articles"]:
        for paragraph in article["paragraphs"]:
            for span in paragraph["entities"] + paragraph["figures"]:
                assert paragraph["text"][span["start"]:span["end"]] == span["text"]
            total_entities += len(paragraph["entities"])
            total_figures += len(paragraph["figures"])
    assert total_entities > 100 and total_figures >= 25  # 25 amounts and dates, and the years the seeds name
    turnover = [f for a in data["articles"] for p in a["paragraphs"] for f in p["figures"] if f["text"] == "1,73 tỷ USD"]
    assert turnover == [{"start": turnover[0]["start"], "end": turnover[0]["end"], "kind": "money", "value": 1.73e9,
                         "unit": "USD", "qualifier": "exact", "metric": "trade turnover", "period": "2022",
                         "text": "1,73 tỷ USD", "compared_to": None}]


def test_figures_page_table_chart_and_downloads(site):
    soup = BeautifulSoup((site / "figures" / "index.html").read_text(), "html.parser")
    rows = soup.select(".va-figures table tbody tr")
    exported = len(json.loads((site / "figures" / "figures.json").read_text()))
    assert len(rows) == exported >= 25  # the seeds' 25 amounts and dates, and the years they name
    charts = soup.select("svg.va-chart")
    assert len(charts) == 2 and all(c.find("title") and c.find("desc") for c in charts)
    assert "1,73 tỷ USD" in charts[0].find("desc").get_text()
    csv_text = (site / "figures" / "figures.csv").read_text(encoding="utf-8-sig")
    assert csv_text.splitlines()[0].startswith("id,article,paragraph_url,text,kind")
    assert len(csv_text.splitlines()) == exported + 1
    # every inline figure links to its row
    ids = {row["id"] for row in rows}
    article = next((site / "articles").glob("2023-01-12-*/index.html"))
    links = BeautifulSoup(article.read_text(), "html.parser").select("a.va-fig")
    assert links and all(a["href"].split("#")[1] in ids for a in links)


def test_pagefind_reads_exactly_the_pages_marked_for_search(site):
    """Pagefind reads only SEARCHED_PAGES: every page with a search body is among them, and all are indexed."""
    marked = [p.relative_to(site).as_posix() for p in site.rglob("*.html") if "data-pagefind-body" in p.read_text()]
    assert {"articles", "events", "entities"} <= {path.split("/")[0] for path in marked}
    assert [path for path in marked if not searched(path)] == []
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text())
    assert entry["languages"]["vi"]["page_count"] == len(marked)


def test_pagefind_indexes_the_pages_content_as_it_would_the_whole_site(site, tmp_path):
    """The build feeds Pagefind each searchable page cut to its content: the index is the one the full pages give."""
    whole = tmp_path / "site"
    shutil.copytree(site, whole, ignore=shutil.ignore_patterns("pagefind"))
    result = subprocess.run([sys.executable, "-m", "pagefind", "--site", str(whole), "--glob", SEARCHED_PAGES, "--silent"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    stabilise(whole)
    built = {p.relative_to(site / "pagefind"): p.read_bytes() for p in (site / "pagefind").rglob("*") if p.is_file()}
    assert built == {p.relative_to(whole / "pagefind"): p.read_bytes() for p in (whole / "pagefind").rglob("*") if p.is_file()}
