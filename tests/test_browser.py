"""The site as a reader meets it: Debian's Chromium driven by Playwright, served on 127.0.0.1."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

ARTICLE = "articles/2023-09-12-quan-he-viet-lao-tiep-tuc-di-vao-chieu-sau-gan-bo-tin-cay/"
WIDTHS = {"desktop": (1280, 900), "phone": (390, 844)}


def open_page(page, site_url, path):
    outside = []
    page.on("request", lambda request: outside.append(request.url)
            if not request.url.startswith(site_url) and not request.url.startswith("data:") else None)
    response = page.goto(site_url + path)
    assert response.ok, path
    page.wait_for_load_state("networkidle")
    return outside


def test_home_lists_the_articles_and_leads_to_them(page, site_url):
    outside = open_page(page, site_url, "")
    assert page.locator("h1").first.inner_text() == "Lưu trữ Việt–Lào"
    titles = page.locator("ul.va-list--articles a.va-list__title").all_inner_texts()
    assert len(titles) == 5
    assert titles[0] == "Quan hệ Việt - Lào tiếp tục đi vào chiều sâu, gắn bó, tin cậy"
    page.locator("ul.va-list--articles a.va-list__title").first.click()
    page.wait_for_load_state()
    assert page.url == site_url + ARTICLE
    assert not outside, outside


def test_article_page_reads_as_an_article(page, site_url):
    outside = open_page(page, site_url, ARTICLE)
    meta = page.locator("dl.va-meta").inner_text()
    assert "VOV5 – Đài Tiếng nói Việt Nam" in meta
    assert "12/9/2023" in meta and "năm suy ra từ nội dung bài" in meta
    paragraphs = page.locator("p.va-para")
    assert paragraphs.count() == 5
    assert paragraphs.first.inner_text().startswith("(VOV5) - Sáng nay (12/9), tại thành phố Đồng Hới")
    captions = page.locator("figure.va-caption").all_inner_texts()
    assert any("Toàn cảnh Hội nghị." in c and "Ảnh: VOV" in c for c in captions)
    assert page.title().startswith("Quan hệ Việt - Lào tiếp tục đi vào chiều sâu")
    assert not outside, outside


def test_pilcrow_links_to_the_paragraph_and_copies_its_url(browser, site_url):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    open_page(page, site_url, ARTICLE)
    paragraph = page.locator("p.va-para").nth(2)
    anchor = paragraph.get_attribute("id")
    paragraph.locator("a.va-pilcrow").click()
    assert page.url == site_url + ARTICLE + "#" + anchor
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == site_url + ARTICLE + "#" + anchor
    context.close()


def test_paragraph_anchor_url_lands_on_the_paragraph(page, site_url):
    open_page(page, site_url, ARTICLE)
    anchor = page.locator("p.va-para").nth(3).get_attribute("id")
    page.goto(site_url + ARTICLE + "#" + anchor)
    assert page.locator(f"#{anchor}").is_visible()
    assert page.evaluate(f"document.querySelector('#{anchor}').matches(':target')")


def test_source_view_shows_the_raw_text_with_removed_parts_marked(page, site_url):
    open_page(page, site_url, ARTICLE)
    page.get_by_text("Xem nguồn gốc và phần đã lọc").click()
    page.wait_for_load_state()
    assert page.url == site_url + ARTICLE + "source/"
    removed = page.locator("del.va-seg--removed").all_inner_texts()
    assert "Tin liên quan" in removed and "Phản hồi" in removed
    # Removed text is struck through, not only coloured.
    decoration = page.locator("del.va-seg--removed").first.evaluate("e => getComputedStyle(e).textDecorationLine")
    assert "line-through" in decoration


def test_raw_file_opens_as_text(page, site_url):
    response = page.goto(site_url + "raw/004_929a0ff899138e30.txt")
    assert response.ok
    assert "Quan hệ Việt - Lào tiếp tục đi vào chiều sâu" in page.locator("body").inner_text()


SCREENSHOTS = {"home": "", "article": ARTICLE, "event": "events/ky-hop-uy-ban-lien-chinh-phu-45/",
               "chronology": "events/", "figures": "figures/", "search": "search/?q=dong+hoi",
               "source": ARTICLE + "source/", "entity": "entities/person/nguyen-quoc-dung/", "review": "review/"}


@pytest.mark.parametrize("width", sorted(WIDTHS))
@pytest.mark.parametrize("name", sorted(SCREENSHOTS))
def test_screenshots_have_no_sideways_scroll(browser, site_url, screenshot_dir, width, name):
    w, h = WIDTHS[width]
    context = browser.new_context(viewport={"width": w, "height": h})
    page = context.new_page()
    outside = open_page(page, site_url, SCREENSHOTS[name])
    if name == "search":
        page.wait_for_selector(".va-search__result")
    page.screenshot(path=str(screenshot_dir / f"{name}-{width}.png"), full_page=False)
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{name} scrolls sideways by {overflow}px at {w}px"
    assert not outside, outside
    context.close()


def test_every_text_is_set_in_the_sites_own_font(page, site_url):
    fonts = []
    page.on("response", lambda r: fonts.append(r.url) if r.url.endswith(".woff2") else None)
    open_page(page, site_url, ARTICLE)
    assert page.evaluate("document.fonts.check('16px \"Noto Sans\"', 'Đồng Hới')")
    assert "Noto Sans Mono" in page.locator("pre.va-cite__text").last.evaluate("e => getComputedStyle(e).fontFamily")
    assert fonts and all(u.startswith(site_url) for u in fonts)
    assert "MkDocs" in page.locator(".md-copyright").inner_text() and "Made with" not in page.content()
    assert page.locator("nav.md-tabs").get_attribute("aria-label") == "Các mục chính"


def tip_box(page):
    box = page.locator("#va-tip")
    box.wait_for(state="visible")
    return box


def test_hovering_a_figure_shows_its_normalised_value(page, site_url):
    open_page(page, site_url, "articles/2023-01-12-viet-nam-lao-tang-cuong-ket-noi-ho-tro-nhau-xay-dung-nen-kinh-te-doc/")
    figure = page.locator("a.va-fig", has_text="1,73 tỷ USD")
    figure.hover()
    tip = tip_box(page).inner_text()
    assert "1\u202f730\u202f000\u202f000 USD" in tip and "kim ngạch thương mại" in tip and "2022" in tip
    assert "Số tiền" in figure.get_attribute("aria-label")
    person = page.locator("a.va-ent--person", has_text="Phạm Minh Chính").first
    person.focus()
    assert "Thủ tướng" in tip_box(page).inner_text()
    assert person.get_attribute("aria-describedby") == "va-tip"
    page.keyboard.press("Escape")
    assert not page.locator("#va-tip").is_visible()
    person.click()
    page.wait_for_load_state()
    assert page.url.endswith("entities/person/pham-minh-chinh/")
    assert page.locator("h1").first.inner_text() == "Phạm Minh Chính"


def test_on_touch_a_first_tap_shows_the_note_and_a_second_follows(browser, site_url):
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    page = context.new_page()
    path = "articles/2023-01-12-viet-nam-lao-tang-cuong-ket-noi-ho-tro-nhau-xay-dung-nen-kinh-te-doc/"
    open_page(page, site_url, path)
    figure = page.locator("a.va-fig", has_text="1,73 tỷ USD")
    figure.tap()
    box = tip_box(page).bounding_box()
    assert page.url == site_url + path
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    figure.tap()
    page.wait_for_url("**/figures/#*")
    context.close()


def test_first_mention_is_tagged_in_full_and_later_ones_quietly(page, site_url):
    open_page(page, site_url, ARTICLE)
    places = page.locator("a.va-ent--place", has_text="Lào")
    assert places.count() >= 3
    assert "va-ent--again" not in places.first.get_attribute("class")
    assert all("va-ent--again" in places.nth(i).get_attribute("class") for i in range(1, places.count()))
    event = page.locator(".va-legend .va-ent--event")
    assert "wavy" not in event.evaluate("e => getComputedStyle(e).textDecorationStyle")


EVERY_KIND = {
    "home": "", "article": ARTICLE, "source": ARTICLE + "source/", "articles": "articles/",
    "event": "events/ky-hop-uy-ban-lien-chinh-phu-45/", "chronology": "events/", "series": "series/",
    "series page": "series/tham-khao-chinh-tri/", "entities": "entities/", "entity type": "entities/person/",
    "entity": "entities/person/nguyen-quoc-dung/", "figures": "figures/", "review": "review/",
    "about": "about/", "search": "search/?q=L%C3%A0o&kind=B%C3%A0i+vi%E1%BA%BFt",
}


@pytest.mark.parametrize("name", sorted(EVERY_KIND))
def test_no_page_scrolls_sideways_on_a_phone(browser, site_url, screenshot_dir, name):
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True)
    page = context.new_page()
    outside = open_page(page, site_url, EVERY_KIND[name])
    tagged = page.locator("a.va-ent, a.va-fig")
    if tagged.count():
        tagged.last.scroll_into_view_if_needed()
        tagged.last.focus()  # its note open
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{name} scrolls sideways by {overflow}px at 390px"
    assert not outside, outside
    context.close()


def test_reader_can_turn_highlighting_off_and_it_stays_off(page, site_url):
    open_page(page, site_url, ARTICLE)
    entity = page.locator("a.va-ent--place").first
    assert entity.evaluate("e => getComputedStyle(e).borderBottomStyle") == "dotted"
    toggle = page.locator("button.va-toggle")
    assert toggle.is_visible() and toggle.get_attribute("aria-pressed") == "false"
    toggle.click()
    assert toggle.get_attribute("aria-pressed") == "true"
    assert entity.evaluate("e => getComputedStyle(e).borderBottomStyle") == "none"
    page.reload()
    assert page.locator("a.va-ent--place").first.evaluate("e => getComputedStyle(e).borderBottomStyle") == "none"


def test_chronology_filters_by_kind_and_series(page, site_url):
    open_page(page, site_url, "events/")
    rows = page.locator(".va-event-row")
    total = rows.count()
    assert total >= 12
    page.get_by_label("Sự kiện nền").uncheck()
    visible = [r for r in rows.all() if r.is_visible()]
    assert len(visible) == total - 2
    assert not page.locator("section.va-year[data-year='1962']").is_visible()
    page.get_by_label("Chuyến thăm chính thức").uncheck()
    assert all("Chuyến thăm" not in r.inner_text() for r in rows.all() if r.is_visible())


def test_event_page_links_to_neighbours_and_related(page, site_url):
    open_page(page, site_url, "events/tham-khao-chinh-tri-6/")
    nav = page.locator("nav.va-series-nav")
    assert "lần thứ 5" in nav.inner_text() and "chưa có trong kho" in nav.inner_text()
    nav.get_by_role("link", name="Tham khảo chính trị Việt Nam – Lào lần thứ 7").click()
    page.wait_for_load_state()
    assert page.url.endswith("events/tham-khao-chinh-tri-7/")
    assert "lần thứ 6" in page.locator("nav.va-series-nav").inner_text()
