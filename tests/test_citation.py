"""Citations, stable URLs across rebuilds, sub-path hosting, feed, sitemap and the 404 page."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import build_ok, make_project, serve

NEW_ARTICLE = ("Tin mới về hợp tác Việt Nam - Lào\n\n(VOV) - Ngày 3/4/2024, tại Hà Nội, hai bên họp bàn về "
               "hợp tác giáo dục.\n").encode()


def soup_of(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(), "xml" if path.suffix == ".xml" else "html.parser")


def meta(soup: BeautifulSoup, name: str) -> list[str]:
    return [m["content"] for m in soup.find_all("meta", attrs={"name": name})]


def test_article_citation_metadata_matches_the_article(site):
    data = json.loads((site / "data" / "archive.json").read_text())
    for article in data["articles"]:
        soup = soup_of(site / article["url"] / "index.html")
        url = "http://127.0.0.1:8000/" + article["url"]
        assert meta(soup, "citation_title") == [article["title"]]
        assert meta(soup, "citation_language") == ["vi"]
        assert meta(soup, "citation_public_url") == [url]
        assert soup.find("link", rel="canonical")["href"] == url
        assert meta(soup, "DC.type") == ["newspaperArticle"]
        assert meta(soup, "citation_publication_date") == [article["published"]["date"].replace("-", "/")]
        assert meta(soup, "citation_publisher") == ([article["outlet"]] if article["outlet"] else [])
        assert meta(soup, "prism.publicationName") == meta(soup, "citation_publisher")
        assert meta(soup, "citation_author") == ([article["author"]] if article["author"] else [])
        [ld] = [json.loads(s.string) for s in soup.find_all("script", type="application/ld+json")]
        assert ld["@type"] == "NewsArticle" and ld["headline"] == article["title"] and ld["url"] == url
        assert ld["datePublished"] == article["published"]["date"]
        assert ld.get("isBasedOn") == article["source_url"]
        if article["outlet"]:
            assert ld["publisher"] == {"@type": "Organization", "name": article["outlet"]}


def test_cite_box_formats_cite_outlet_and_archive(site):
    page = next((site / "articles").glob("2022-*/index.html"))
    soup = soup_of(page)
    texts = {pre["data-format"]: pre.get_text() for pre in soup.select("pre.va-cite__text")}
    assert set(texts) == {"apa", "chicago", "bibtex", "csl"}
    archive_url = "http://127.0.0.1:8000/articles/2022-viet-lao-tang-cuong-hop-tac-ngoai-giao-kinh-te/"
    source = "https://vov.vn/kinh-te/viet-lao-tang-cuong-hop-tac-ngoai-giao-kinh-te-post963978.vov"
    for key in ("apa", "chicago"):
        assert "Báo điện tử VOV" in texts[key] and archive_url in texts[key] and source in texts[key]
        assert "[ngày truy cập]" in texts[key]
    assert texts["bibtex"].startswith("@article{2022-viet-lao-tang-cuong-hop-tac-ngoai-giao-kinh-te,")
    assert "journal = {Báo điện tử VOV}" in texts["bibtex"]
    [csl] = json.loads(texts["csl"])
    assert (csl["type"], csl["container-title"], csl["URL"], csl["issued"]) == (
        "article-newspaper", "Báo điện tử VOV", archive_url, {"date-parts": [[2022]]})


def test_event_and_entity_pages_carry_schema_org(site):
    event = soup_of(site / "events" / "ky-hop-uy-ban-lien-chinh-phu-45" / "index.html")
    [ld] = [json.loads(s.string) for s in event.find_all("script", type="application/ld+json")]
    assert (ld["@type"], ld["startDate"], ld["location"]) == ("Event", "2023-01-12", {"@type": "Place",
                                                                                       "name": "Vientiane"})
    assert event.select("pre.va-cite__text")
    for path, kind in [("entities/person/pham-minh-chinh", "Person"), ("entities/organization/asean", "Organization"),
                       ("entities/place/vientiane", "Place")]:
        [ld] = [json.loads(s.string) for s in soup_of(site / path / "index.html").find_all(
            "script", type="application/ld+json")]
        assert ld["@type"] == kind
    assert json.loads(soup_of(site / "entities/place/vientiane/index.html").find(
        "script", type="application/ld+json").string)["sameAs"] == "https://www.wikidata.org/wiki/Q9326"


def test_sitemap_feed_and_a_helpful_404(site):
    sitemap = (site / "sitemap.xml").read_text()
    assert "http://127.0.0.1:8000/articles/2023-01-12-" in sitemap
    feed = (site / "feed.xml").read_text()
    entries = re.findall(r"<entry>.*?</entry>", feed, re.S)
    assert len(entries) == 5 and "<title>Quan hệ Việt - Lào" in entries[0]
    not_found = soup_of(site / "404.html")
    assert not_found.find("form", role="search") and not_found.find("a", string="Về trang chủ")


def ids_by_page(site: Path) -> dict[str, set[str]]:
    return {str(p.relative_to(site)): {el["id"] for el in soup_of(p).find_all(id=True)}
            for p in site.rglob("*.html") if "pagefind" not in p.parts}


def test_urls_and_anchors_survive_a_new_article_and_an_edited_paragraph(tmp_path):
    before = ids_by_page(build_ok(make_project(tmp_path / "before")))
    project = make_project(tmp_path / "after", {"zzz_new.txt": NEW_ARTICLE})
    seed = project / "seeds" / "004_929a0ff899138e30.txt"
    text = seed.read_text()
    edited = text.replace("ngăn chặn có hiệu quả các thế lực", "ngăn chặn có hiệu quả mọi thế lực")
    assert edited != text
    seed.write_text(edited)
    after = ids_by_page(build_ok(project))
    missing = [page for page in before if page not in after]
    assert not missing, missing
    lost = {page: sorted(ids - after[page]) for page, ids in before.items()
            if page.startswith("articles/") and {i for i in ids if i.startswith("p-")} - after[page]}
    assert not lost, lost
    assert any(p.startswith("articles/2024-04-03-tin-moi") for p in after)


def test_a_curated_redirect_keeps_an_old_url_and_its_anchor(tmp_path, browser):
    project = make_project(tmp_path)
    (project / "seeds" / "004_929a0ff899138e30.yml").write_text(
        "redirect_from: [articles/2023-09-12-quan-he-viet-lao-cu/]\n")
    site = build_ok(project)
    url, server = serve(site)
    try:
        page = browser.new_page()
        page.goto(url + "articles/2023-09-12-quan-he-viet-lao-cu/#p-7e1e2c")
        page.wait_for_url("**/articles/2023-09-12-quan-he-viet-lao-tiep-tuc-di-vao-chieu-sau-gan-bo-tin-cay/#p-7e1e2c")
        assert page.locator("#p-7e1e2c").is_visible()
        page.close()
    finally:
        server.shutdown()


@pytest.mark.browser
def test_the_site_works_under_a_sub_path(tmp_path, browser):
    """GitHub project pages serve the site at /<repo>/: links, assets and search must follow."""
    project = make_project(tmp_path / "project")
    root = tmp_path / "www"
    root.mkdir()
    url, server = serve(root)
    try:
        site = build_ok(project, env={"SITE_URL": url + "luu-tru/"})
        shutil.move(str(site), str(root / "luu-tru"))
        page = browser.new_page()
        failed = []
        page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
        page.goto(url + "luu-tru/")
        assert page.locator("h1").first.inner_text() == "Lưu trữ Việt–Lào"
        page.locator("ul.va-list--articles a.va-list__title").first.click()
        page.wait_for_load_state()
        assert page.url.startswith(url + "luu-tru/articles/")
        assert page.evaluate("getComputedStyle(document.querySelector('.va-meta')).display") == "grid"
        page.goto(url + "luu-tru/search/?q=dong%20hoi")
        page.wait_for_selector(".va-search__result")
        href = page.locator(".va-search__title").first.get_attribute("href")
        assert href.startswith("/luu-tru/"), href
        canonical = page.locator("link[rel=canonical]").get_attribute("href")
        assert canonical == url + "luu-tru/search/"
        assert not failed, failed
        page.close()
    finally:
        server.shutdown()


def test_no_generated_file_links_outside_except_sources(site):
    for html_file in site.rglob("*.html"):
        for tag in soup_of(html_file).find_all(["script", "link", "img"], src=True):
            assert not re.match(r"https?://(?!127\.0\.0\.1)", tag["src"]), (html_file, tag["src"])
