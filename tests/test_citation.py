"""Citations, stable URLs across rebuilds, sub-path hosting, feed, sitemap and the 404 page."""

from __future__ import annotations

import dataclasses
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT, build_ok, make_project, serve

NEW_ARTICLE = ("Tin mới về hợp tác Việt Nam - Lào\n\n(VOV) - Ngày 3/4/2024, tại Hà Nội, hai bên họp bàn về "
               "hợp tác giáo dục.\n").encode()


def soup_of(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(), "xml" if path.suffix == ".xml" else "html.parser")


def meta(soup: BeautifulSoup, name: str) -> list[str]:
    return [m["content"] for m in soup.find_all("meta", attrs={"name": name})]


SITE_URL = "http://127.0.0.1:8000/"
CITEPROC = ROOT / "tests" / "citeproc"
INFERRED = "2022-viet-lao-tang-cuong-hop-tac-ngoai-giao-kinh-te"  # year inferred, title restored by an editor
SIGNED = "2023-01-12-viet-nam-lao-tang-cuong-ket-noi-ho-tro-nhau-xay-dung-nen-kinh-te-doc"  # byline "Hà Văn"


def archive_articles(site: Path) -> list[dict]:
    return json.loads((site / "data" / "archive.json").read_text())["articles"]


def zotero_item(soup: BeautifulSoup) -> dict:
    """The item Zotero's Embedded Metadata translator makes of a page's meta tags (its rules, in short).

    DC.type names the item type (Highwire's citation_title alone would guess journalArticle);
    citation_author is split by processHighwireCreators/cleanAuthor: "Family, Given" at the
    comma, otherwise the last word is the family name; z.<field> tags fill that field.
    """
    def first(name: str) -> str | None:
        found = meta(soup, name)
        return found[0] if found else None

    creators = []
    for name in meta(soup, "citation_author"):
        family, _, given = name.partition(",") if "," in name else (name.rsplit(" ", 1)[-1], "", name.rsplit(" ", 1)[0])
        creators.append({"lastName": family.strip(), "firstName": given.strip()})
    item_type = first("DC.type") or ("journalArticle" if first("citation_title") else "webpage")
    return {"itemType": item_type, "title": first("citation_title"), "creators": creators,
            "publicationTitle": first("prism.publicationName") or first("DC.source"),
            "date": first("citation_publication_date") or first("citation_date"), "url": first("citation_public_url"),
            "language": first("citation_language"), "archive": first("z.archive"), "extra": first("z.extra") or ""}


def test_meta_tags_make_the_zotero_item_the_article_is(site):
    for article in archive_articles(site):
        soup = soup_of(site / article["url"] / "index.html")
        url = SITE_URL + article["url"]
        item = zotero_item(soup)
        title = article["title"] if article["provenance"]["title"] != "curated" else f"[{article['title']}]"
        assert item["itemType"] == "newspaperArticle"
        assert (item["title"], item["publicationTitle"], item["url"], item["language"]) == (
            title, article["outlet"], url, "vi")
        assert item["date"] == article["published"]["date"].replace("-", "/")
        assert item["archive"] == "Lưu trữ Việt–Lào"
        assert soup.find("link", rel="canonical")["href"] == url
        if article["source_url"]:
            assert "Bài gốc: " + article["source_url"] in item["extra"]
        if article["published"]["basis"] == "inferred":
            assert "suy ra" in item["extra"]
        if article["id"] == SIGNED:
            assert item["creators"] == [{"lastName": "Hà", "firstName": "Văn"}]
        else:
            assert item["creators"] == []
        [ld] = [json.loads(s.string) for s in soup.find_all("script", type="application/ld+json")]
        assert ld["@type"] == "NewsArticle" and ld["headline"] == title and ld["url"] == url
        assert ld["datePublished"] == article["published"]["date"]
        assert ld.get("isBasedOn") == article["source_url"]


def test_descriptions_are_escaped_and_cut_at_a_word(site):
    for article in archive_articles(site):
        soup = soup_of(site / article["url"] / "index.html")
        [description] = meta(soup, "description")
        first = " ".join(article["paragraphs"][0]["text"].split())
        if description.endswith("…"):
            kept = description[:-1]
            assert first.startswith(kept) and first[len(kept)] in " ,;:–-", (kept[-12:], first[len(kept):][:12])
        else:
            assert description == first
    page = next((site / "articles").glob("2019-*/index.html")).read_text()
    assert '&#34;Hội thảo' in page or '&quot;Hội thảo' in page


def cite_box(site: Path, article_id: str) -> dict[tuple[str, str | None], str]:
    soup = soup_of(site / "articles" / article_id / "index.html")
    return {(pre["data-format"], pre.get("data-lang")): pre.get_text() for pre in soup.select("pre.va-cite__text")}


def citeproc(items: list[dict]) -> dict:
    """Reference renderings by citeproc-js with the vendored official styles and locales."""
    if not (CITEPROC / "node_modules" / "citeproc").is_dir():
        pytest.fail(f"{CITEPROC}/node_modules is missing: run `make test` (npm ci --prefix tests/citeproc)")
    from build_archive.pages.csl_styles import CSL_DIR, LOCALES, STYLES
    job = {"csl_dir": str(CSL_DIR), "styles": list(STYLES), "langs": list(LOCALES), "items": items}
    result = subprocess.run(["node", str(CITEPROC / "render.js")], input=json.dumps(job), capture_output=True,
                            text=True, timeout=240, check=True)
    return json.loads(result.stdout)


def variants() -> list:
    """Shapes the seeds lack: several, Western and one-word names; no date; month or circa dates; no outlet."""
    from build_archive.model.citation import Citation, CiteDate, parse_creator
    base = Citation(id="v", kind="article", title="Việt Nam, Lào tăng cường kết nối", title_supplied=False,
                    creators=(parse_creator("Hà Văn"),), date=CiteDate((2023, 1, 12)), outlet="Báo Kinh tế & Đô thị",
                    original_outlet=None, original_url=None, url=SITE_URL + "articles/v/",
                    archive_name="Lưu trữ Việt–Lào", archive_url=SITE_URL)
    names = [parse_creator(n) for n in ("Hà Văn", "Nguyễn Minh Anh", "Lê Thị Hồng")]
    shapes = {
        "two": {"creators": tuple(names[:2])}, "three": {"creators": tuple(names)},
        "western": {"creators": (parse_creator("John Smith"), parse_creator("Thongloun Sisoulith"))},
        "one-word": {"creators": (parse_creator("TTXVN"),)}, "no-date": {"date": None},
        "no-date-unsigned": {"date": None, "creators": ()}, "month": {"date": CiteDate((2023, 5))},
        "month-circa-unsigned": {"date": CiteDate((2023, 9), True), "creators": ()},
        "day-circa": {"date": CiteDate((2023, 6, 2), True)}, "year": {"date": CiteDate((2021,))},
        "question": {"title": "Vì sao Lào chọn Việt Nam?", "creators": ()},
        "question-signed": {"title": "Vì sao Lào chọn Việt Nam?"},
        "exclaim": {"title": "Việt Nam - Lào: mãi mãi anh em!"},
        "no-outlet": {"outlet": None, "creators": ()}, "no-outlet-signed": {"outlet": None},
        "supplied": {"title_supplied": True, "creators": (), "date": CiteDate((2022,), True)},
    }
    return [dataclasses.replace(base, id="v-" + name, **change) for name, change in shapes.items()]


def test_style_strings_equal_citeproc_js_for_every_article_and_style(site):
    """The box's APA, Chicago and MLA strings are what Zotero's engine makes of the box's own CSL-JSON."""
    from build_archive.pages.citation import csl_item
    from build_archive.pages.csl_styles import LOCALES, STYLES, bibliography_entry
    boxes = {a["id"]: cite_box(site, a["id"]) for a in archive_articles(site)}
    items = [json.loads(box[("csl", None)])[0] for box in boxes.values()]
    extra = variants()
    reference = citeproc(items + [csl_item(v) for v in extra])
    wrong = [(article_id, style, lang, box[(style, lang)], reference[article_id][style][lang])
             for article_id, box in boxes.items() for style in STYLES for lang in LOCALES
             if box[(style, lang)] != reference[article_id][style][lang]]
    wrong += [(v.id, style, lang, bibliography_entry(v, style, lang), reference[v.id][style][lang])
              for v in extra for style in STYLES for lang in LOCALES
              if bibliography_entry(v, style, lang) != reference[v.id][style][lang]]
    assert not wrong, "\n".join(f"{i} {s} {lang}\n  ours: {ours}\n  ref:  {ref}" for i, s, lang, ours, ref in wrong)
    assert len(boxes) == 5


def test_unsigned_articles_lead_with_title_or_newspaper_and_give_the_full_date(site):
    box = cite_box(site, "2019-12-24-bo-ngoai-giao-viet-lao-lan-dau-to-chuc-hoi-thao-ve-ngoai-giao-kinh-te")
    title = "Bộ Ngoại giao Việt – Lào lần đầu tổ chức hội thảo về ngoại giao kinh tế"
    assert box[("apa", "en-US")].startswith(f"{title}. (ca. 2019, December 24). Báo Pháp luật Việt Nam.")
    assert box[("chicago-notes-bibliography", "en-US")].startswith(f"Báo Pháp luật Việt Nam. “{title}.”")
    signed = cite_box(site, SIGNED)
    assert signed[("apa", "en-US")].startswith("Hà V. (2023, January 12). Việt Nam, Lào")
    assert signed[("modern-language-association", "vi-VN")].startswith("Hà Văn. “Việt Nam, Lào")


def test_an_inferred_date_reads_circa_everywhere(site):
    box = cite_box(site, INFERRED)
    title = "[Việt - Lào tăng cường hợp tác ngoại giao kinh tế]"
    assert box[("apa", "en-US")].startswith(f"{title}. (ca. 2022). Báo điện tử VOV. Lưu trữ Việt–Lào.")
    assert "[2022?]" in box[("chicago-notes-bibliography", "vi-VN")]
    assert "[2022?]" in box[("chicago-author-date", "en-US")]
    assert "Circa 2022" in box[("modern-language-association", "en-US")]
    [csl] = json.loads(box[("csl", None)])
    assert csl["issued"] == {"date-parts": [[2022]], "circa": True} and csl["title"] == title
    assert "year = {[2022]}" in box[("bibtex", None)] and "date = {2022~}" in box[("bibtex", None)]
    assert "DA  - 2022///ca.\n" in box[("ris", None)]  # an HTML parser reads CRLF as LF
    page = soup_of(site / "articles" / INFERRED / "index.html")
    assert "khoảng" in page.select_one(".va-cite").get_text()


def bibtex_rendered(path: Path) -> dict[str, str]:
    from pybtex.backends.plaintext import Backend
    from pybtex.database import parse_file
    from pybtex.style.formatting.plain import Style
    entries = parse_file(str(path), "bibtex").entries
    return {e.key: e.text.render(Backend()) for e in Style().format_entries(entries.values())}


def test_bibtex_renders_in_the_plain_style_with_capitals_kept(site):
    rendered = bibtex_rendered(site / "data" / "luu-tru-viet-lao.bib")
    assert len(rendered) == 5
    for article in archive_articles(site):
        title = article["title"] if article["provenance"]["title"] != "curated" else f"[{article['title']}]"
        assert rendered[article["id"]].startswith(("Văn Hà. " if article["id"] == SIGNED else "") + title + ". "), \
            rendered[article["id"]]
        single = bibtex_rendered(site / "articles" / article["id"] / f"{article['id']}.bib")
        assert single == {article["id"]: rendered[article["id"]]}
    bib = cite_box(site, SIGNED)[("bibtex", None)]
    assert "author = {Hà, Văn}" in bib and "entrysubtype = {newspaper}" in bib and bib.startswith("@article{")
    assert "howpublished = {Báo Kinh tế \\& Đô thị}" in (site / "data" / "luu-tru-viet-lao.bib").read_text()


def ris_records(text: str) -> list[dict[str, list[str]]]:
    """RIS read as Zotero's RIS translator reads it: one record per TY … ER, tags to values."""
    records: list[dict[str, list[str]]] = []
    for line in text.split("\r\n"):
        match = re.match(r"^([A-Z][A-Z0-9]) {2}-(?: (.*))?$", line)
        if not match:
            assert not line, repr(line)
            continue
        if match[1] == "TY":
            records.append({})
        records[-1].setdefault(match[1], []).append(match[2] or "")
    return records


def test_ris_carries_type_archive_original_address_and_circa(site):
    records = {r["UR"][0]: r for r in ris_records((site / "data" / "luu-tru-viet-lao.ris").read_bytes().decode())}
    assert len(records) == 5
    for article in archive_articles(site):
        record = records[SITE_URL + article["url"]]
        assert record["TY"] == ["NEWS"] and record["DB"] == ["Lưu trữ Việt–Lào"] and record["T2"] == [article["outlet"]]
        assert record["DA"][0].endswith("/ca.") == (article["published"]["basis"] == "inferred")
        assert record.get("AU", []) == (["Hà, Văn"] if article["id"] == SIGNED else [])
        if article["source_url"]:
            assert "Bài gốc: " + article["source_url"] in record["N1"]
    single = (site / "articles" / INFERRED / f"{INFERRED}.ris").read_bytes().decode()
    assert ris_records(single) == [records[SITE_URL + f"articles/{INFERRED}/"]]


def test_downloads_are_linked_from_cite_box_articles_index_and_data_page(site):
    for page, wanted in [(f"articles/{INFERRED}/index.html", {f"{INFERRED}.ris", f"{INFERRED}.bib", f"{INFERRED}.json",
                                                              "../../data/luu-tru-viet-lao.ris"}),
                         ("articles/index.html", {"../data/luu-tru-viet-lao.bib"}),
                         ("data/index.html", {"luu-tru-viet-lao.json", "archive.json"})]:
        hrefs = {a["href"] for a in soup_of(site / page).find_all("a", href=True)}
        assert wanted <= hrefs, (page, wanted - hrefs)
    items = json.loads((site / "data" / "luu-tru-viet-lao.json").read_text())
    assert [i["id"] for i in items] == sorted(i["id"] for i in items)  # oldest first: ids start with the date
    [signed] = [i for i in items if i["id"] == SIGNED]
    assert signed["author"] == [{"family": "Hà", "given": "Văn"}] and signed["type"] == "article-newspaper"


@pytest.mark.browser
def test_cite_box_shows_one_locale_at_a_time_and_adds_the_access_date(page, site_url):
    page.goto(site_url + f"articles/{INFERRED}/")
    vi, en = page.locator("#cite-text-apa-vi-VN"), page.locator("#cite-text-apa-en-US")
    assert vi.is_visible() and not en.is_visible()
    page.locator("button.va-cite__locale[data-cite-locale='en-US']").click()
    assert en.is_visible() and not vi.is_visible()
    assert en.inner_text().startswith("[Việt - Lào tăng cường hợp tác ngoại giao kinh tế]. (ca. 2022).")
    page.reload()
    assert page.locator("#cite-text-apa-en-US").is_visible()  # the choice is remembered
    assert "urldate = {" in page.locator("#cite-text-bibtex").inner_text()
    assert "Y2  - " in page.locator("#cite-text-ris").inner_text()
    page.evaluate("localStorage.clear()")


def test_names_are_split_by_their_shape():
    from build_archive.model.citation import parse_creator, split_byline
    assert (parse_creator("Hà Văn").family, parse_creator("Hà Văn").given) == ("Hà", "Văn")
    assert parse_creator("Nguyễn Thị Minh Khai").inverted == "Nguyễn, Thị Minh Khai"
    assert parse_creator("Hà Văn").written == "Hà Văn"
    assert parse_creator("Thongloun Sisoulith").inverted == "Sisoulith, Thongloun"
    assert parse_creator("John Smith").written == "John Smith"
    assert parse_creator("TTXVN").inverted == "TTXVN"
    assert split_byline("Hà Văn - Minh Anh") == ["Hà Văn", "Minh Anh"]


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
