"""Text that looks like Markdown, HTML or a template renders literally, everywhere it appears."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import build_ok, make_project

TITLE = "Tiêu đề <script>alert('t')</script> *nghiêng* {{ config.site_name }}"
PARAGRAPHS = [
    "(VOV) - Sáng 5/3/2024, đoạn có <script>alert('x')</script> và <img src=x onerror=alert(1)> giữa câu.",
    "[bấm vào đây](javascript:alert(1)) rồi **đậm** và `mã`.",
    "# Không phải tiêu đề",
    "* không phải danh sách",
    "| a | b |",
    "{{ config.site_name }} và {% if true %}x{% endif %} và &amp; và &lt;b&gt;",
]
SEED = (TITLE + "\n\n" + "\n\n".join(PARAGRAPHS) + "\n").encode()


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    project = make_project(tmp_path_factory.mktemp("inject"), {"evil.txt": SEED}, keep_seeds=False)
    return build_ok(project)


def article_html(site: Path) -> str:
    [path] = [p for p in (site / "articles").glob("*/index.html")]
    return path.read_text()


def test_paragraphs_appear_literally(site):
    soup = BeautifulSoup(article_html(site), "html.parser")
    texts = [p.get_text().removesuffix(" ¶") for p in soup.select("p.va-para")]
    assert texts == PARAGRAPHS


def test_no_markup_from_the_text_reaches_the_page(site):
    soup = BeautifulSoup(article_html(site), "html.parser")
    body = soup.select_one("article.va-article")
    assert body.find("script") is None
    assert body.find("img") is None
    assert body.select_one("div.va-body").find(["em", "strong", "code", "table", "ul"]) is None
    assert body.find("h1").get_text() == TITLE
    assert not [a for a in soup.find_all("a") if a.get("href", "").lower().startswith("javascript:")]
    for h in soup.find_all(["h1", "h2"]):
        assert h.get_text() != "Không phải tiêu đề"


def test_title_is_literal_in_head_header_and_lists(site):
    soup = BeautifulSoup(article_html(site), "html.parser")
    assert soup.title.get_text().startswith(TITLE)
    assert all(s.get_text() != "alert('t')" for s in soup.find_all("script"))
    home = BeautifulSoup((site / "index.html").read_text(), "html.parser")
    assert TITLE in [a.get_text() for a in home.select("a.va-list__title")]


def test_source_view_is_literal_too(site):
    [path] = list((site / "articles").glob("*/source/index.html"))
    soup = BeautifulSoup(path.read_text(), "html.parser")
    lines = [li.get_text() for li in soup.select("ol.va-source li")]
    assert any(PARAGRAPHS[0] in line for line in lines)
    assert soup.select_one("ol.va-source").find("script") is None
