"""Search in the real browser: Vietnamese typed with or without diacritics, either tone placement."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from conftest import build_ok, make_project, serve

pytestmark = pytest.mark.browser

DONG_HOI_ARTICLE = "Quan hệ Việt - Lào tiếp tục đi vào chiều sâu, gắn bó, tin cậy"
SESSION_45_ARTICLE = "Việt Nam, Lào tăng cường kết nối, hỗ trợ nhau xây dựng nền kinh tế độc lập, tự chủ"


def search(page, site_url, query):
    page.goto(site_url + "search/?q=" + quote(query))
    page.wait_for_function("() => { const s = document.querySelector('.va-search__status'); "
                           "return s && s.textContent && s.textContent !== 'Đang tìm…'; }", timeout=15000)
    return page.locator(".va-search__result")


def first_article(results):
    for i in range(results.count()):
        if "Bài viết" in results.nth(i).locator(".va-search__info").inner_text():
            return results.nth(i).locator(".va-search__title").inner_text()
    return None


@pytest.mark.parametrize("query", ["Dong Hoi", "dong hoi", "đồng hới", "Đồng Hới"])
def test_dong_hoi_typed_any_way_finds_the_same_article_first(page, site_url, query):
    results = search(page, site_url, query)
    assert results.first.locator(".va-search__title").inner_text() == DONG_HOI_ARTICLE
    assert first_article(results) == DONG_HOI_ARTICLE


@pytest.mark.parametrize("query", ["Uy ban lien Chinh phu", "Ủy ban liên Chính phủ", "Uỷ ban liên Chính phủ"])
def test_intergovernmental_committee_any_tone_placement_finds_the_45th_session(page, site_url, query):
    results = search(page, site_url, query)
    titles = [results.nth(i).locator(".va-search__title").inner_text() for i in range(min(3, results.count()))]
    assert titles[0] == SESSION_45_ARTICLE
    assert "Kỳ họp lần thứ 45 Ủy ban liên Chính phủ Việt Nam – Lào" in titles


@pytest.mark.parametrize("query, page_title", [("Saleumxay", "Saleumxay Kommasith"),
                                               ("Sonexay Siphandone", "Sonexay Siphandone"),
                                               ("Quang Binh", "Quảng Bình"),
                                               ("Nguyen Ba Hung", "Nguyễn Bá Hùng"),
                                               ("tham khao chinh tri lan thu 6", "Tham khảo chính trị Việt Nam – Lào lần thứ 6")])
def test_lao_names_entities_and_events_are_findable(page, site_url, query, page_title):
    results = search(page, site_url, query)
    titles = [results.nth(i).locator(".va-search__title").inner_text() for i in range(results.count())]
    assert page_title in titles


def test_results_show_title_highlighted_passage_and_date(page, site_url):
    results = search(page, site_url, "Đồng Hới")
    first = results.first
    assert "12/9/2023" in first.locator(".va-search__info").inner_text()
    assert first.locator(".va-search__excerpt mark").count() >= 1
    first.locator(".va-search__title").click()
    page.wait_for_load_state()
    assert page.locator("h1").first.inner_text() == DONG_HOI_ARTICLE


@pytest.mark.parametrize("query, first", [("Hội đồng", "Bài về hội đồng"), ("hơi đông", "Bài về hơi đông")])
def test_exact_diacritics_rank_above_folded_matches(browser, tmp_path, query, first):
    """"Hội đồng" and "hơi đông" fold alike ("hoi dong"): the page with the reader's own spelling comes first."""
    seeds = {
        "a.txt": "Bài về hơi đông người\n\n(VOV) - Ngày 1/2/2024, hơi đông người tại hội trường tỉnh.\n".encode(),
        "b.txt": "Bài về hội đồng nhân dân\n\n(VOV) - Ngày 2/2/2024, Hội đồng nhân dân tỉnh họp.\n".encode(),
    }
    site = build_ok(make_project(tmp_path, seeds, keep_seeds=False))
    url, server = serve(site)
    try:
        tab = browser.new_page()
        results = search(tab, url, query)
        titles = [results.nth(i).locator(".va-search__title").inner_text() for i in range(results.count())]
        assert len([t for t in titles if t.startswith("Bài về")]) == 2, titles
        assert titles[0].startswith(first), titles
        tab.close()
    finally:
        server.shutdown()


def test_header_box_searches_from_any_page_and_nothing_leaves_the_site(page, site_url):
    outside = []
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(site_url) else None)
    page.goto(site_url + "events/")
    page.fill("#va-header-q", "Vientiane")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search/?q=Vientiane")
    page.wait_for_selector(".va-search__result")
    assert page.locator(".va-search__title", has_text="Vientiane").count() >= 1
    assert not outside, outside


def test_first_query_payload_is_small(page, site_url):
    sizes = []
    page.on("response", lambda r: sizes.append(len(r.body())) if "/pagefind/" in r.url and r.ok else None)
    search(page, site_url, "kim ngạch thương mại")
    print(f"\nfirst query fetched {sum(sizes)} bytes in {len(sizes)} Pagefind requests")
    assert sum(sizes) < 300_000


# (query, a title expected among the first three results): names, phrases and figures, typed with
# and without diacritics, in either tone placement.
READER_QUERIES = [
    ("Đồng Hới", DONG_HOI_ARTICLE),
    ("dong hoi", DONG_HOI_ARTICLE),
    ("ky hop lan thu 45", SESSION_45_ARTICLE),
    ("Phạm Minh Chính", SESSION_45_ARTICLE),
    ("pham minh chinh", SESSION_45_ARTICLE),
    ("1,73 tỷ USD", SESSION_45_ARTICLE),
    ("833 triệu USD", DONG_HOI_ARTICLE),
    ("Saleumxay", "Bộ Ngoại giao Việt – Lào lần đầu tổ chức hội thảo về ngoại giao kinh tế"),
    ("tham khao chinh tri lan thu 6", "Tham khảo Chính trị Việt Nam-Lào lần thứ 6 theo hình thức trực tuyến"),
    ("Uỷ ban liên Chính phủ", SESSION_45_ARTICLE),
    ("ngoại giao kinh tế", "Bộ Ngoại giao Việt – Lào lần đầu tổ chức hội thảo về ngoại giao kinh tế"),
    ("Nguyen Ba Hung", "Việt - Lào tăng cường hợp tác ngoại giao kinh tế"),
    ("kim ngach thuong mai", DONG_HOI_ARTICLE),
]


def folded_words(text):
    import unicodedata
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    import re
    return re.findall(r"\w+", text)


def pagefind_total(page, index_query, filters=None):
    return page.evaluate("""([q, filters]) => import(new URL('pagefind/pagefind.js', document.baseURI.replace(/search\\/.*$/, '')).href)
        .then(pf => pf.options({baseUrl: '/'}).then(() => pf.search(q, {filters: filters || {}})))
        .then(s => s.results.length)""", [index_query, filters or {}])


@pytest.mark.parametrize("query, title", READER_QUERIES)
def test_reader_queries_find_the_page_with_its_own_words_marked(browser, site_url, query, title):
    tab = browser.new_page()
    results = search(tab, site_url, query)
    titles = [results.nth(i).locator(".va-search__title").inner_text() for i in range(min(3, results.count()))]
    assert title in titles, titles
    hit = results.nth(titles.index(title))
    excerpt = hit.locator(".va-search__excerpt").inner_text()
    marks = [folded_words(m) for m in hit.locator(".va-search__excerpt mark").all_inner_texts()]
    assert "⁂" not in excerpt and marks, excerpt
    assert any(set(m) <= set(folded_words(query)) for m in marks), (marks, query)
    # The total is Pagefind's own count for the query the page sent it.
    status = tab.locator(".va-search__status")
    total = int(status.get_attribute("data-total"))
    assert status.inner_text().startswith(f"{total} kết quả")
    assert pagefind_total(tab, status.get_attribute("data-index-query")) == total
    # Every word of the excerpt is the page's own (no folded index words).
    hit.locator(".va-search__title").click()
    tab.wait_for_load_state()
    own = set(folded_words(tab.locator("article, .va-event, .va-entity").first.inner_text()))
    assert set(folded_words(excerpt)) <= own, set(folded_words(excerpt)) - own
    tab.close()


def test_every_match_is_counted_and_shown_ten_at_a_time(page, site_url):
    results = search(page, site_url, "Lào")
    total = int(page.locator(".va-search__status").get_attribute("data-total"))
    assert total > 10 and results.count() == 10
    while page.locator(".va-search__more").is_visible():
        page.locator(".va-search__more").click()
        page.wait_for_function(f"() => document.querySelectorAll('.va-search__result').length > {results.count() - 1}")
        page.wait_for_timeout(200)
    assert results.count() == total
    titles = results.locator(".va-search__title").all_inner_texts()
    assert len(set(titles)) >= total - 2  # a page each (an event and its article may share a title)


def test_filters_and_sort_narrow_the_results_and_live_in_the_url(page, site_url):
    search(page, site_url, "Lào")
    total = int(page.locator(".va-search__status").get_attribute("data-total"))
    page.locator(".va-search__refine summary").click()
    page.wait_for_function("() => document.querySelector('select[name=year]').options.length > 1")
    page.get_by_label("Bài viết").check()
    page.wait_for_function(f"() => document.querySelector('.va-search__status').dataset.total !== '{total}'")
    articles = int(page.locator(".va-search__status").get_attribute("data-total"))
    assert 0 < articles < total
    assert all("Bài viết" in i for i in page.locator(".va-search__info").all_inner_texts())
    page.locator("select[name=sort]").select_option("asc")
    page.wait_for_timeout(500)
    assert "kind=B%C3%A0i+vi%E1%BA%BFt" in page.url and "sort=asc" in page.url
    dates = page.locator(".va-search__info").all_inner_texts()
    assert dates[0].endswith("24/12/2019"), dates
    assert pagefind_total(page, "lao", {"kind": {"any": ["Bài viết"]}}) == articles
    page.locator("select[name=person]").select_option("Phạm Minh Chính")
    page.wait_for_function(f"() => document.querySelector('.va-search__status').dataset.total !== '{articles}'")
    narrowed = int(page.locator(".va-search__status").get_attribute("data-total"))
    shown = page.locator(".va-search__title").all_inner_texts()
    assert narrowed == 1 and shown == [SESSION_45_ARTICLE]
    # The URL reproduces the view.
    url = page.url
    other = page.context.new_page()
    other.goto(url)
    other.wait_for_function("() => document.querySelector('.va-search__status').dataset.total")
    assert other.locator(".va-search__title").all_inner_texts() == shown
    assert other.locator("select[name=person]").input_value() == "Phạm Minh Chính"
    assert other.locator("input[name=kind][value='Bài viết']").is_checked()


def test_header_box_shows_results_as_one_types(page, site_url):
    page.goto(site_url + "events/")
    page.locator("#va-header-q").press_sequentially("dong ho", delay=40)
    panel = page.locator("#va-suggest")
    panel.wait_for(state="visible")
    page.wait_for_function("() => document.querySelectorAll('#va-suggest .va-search__result').length")
    assert DONG_HOI_ARTICLE in panel.inner_text()
    assert "⁂" not in panel.inner_text() and "donghoi" not in panel.inner_text()
    width = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert width <= 0
    page.keyboard.press("Escape")
    assert not panel.is_visible()
