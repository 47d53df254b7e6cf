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
