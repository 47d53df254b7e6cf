"""The cleaner on the five real seeds, against expectations read off the raw files by hand.

Body paragraphs are named by their line numbers in the raw file: the test
checks that exactly those lines, unaltered, are the article's paragraphs.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from build_archive.common.textnorm import nfc
from build_archive.pipeline.run import Paths, load_articles

ROOT = Path(__file__).resolve().parent.parent

EXPECTED = {
    "000_7084457fe9d3a1ff.txt": {
        "title": "Bộ Ngoại giao Việt – Lào lần đầu tổ chức hội thảo về ngoại giao kinh tế",
        "title_basis": "text",
        "body_lines": [5, 7, 9, 11, 13, 15, 17, 19, 21, 23, 25],
        "captions": [("Thứ trưởng Bộ Ngoại giao Nguyễn Quốc Dũng phát biểu tại Hội thảo.", None)],
        "outlet": "Báo Pháp luật Việt Nam", "outlet_basis": "dateline",
        "author": None, "original_outlet": None, "source_url": None,
        "published": ("2019-12-24", "day", "inferred"),
        "boilerplate": ["Tin cùng chuyên mục", "Sắp xếp tổ chức bộ máy", "Đọc thêm", "Tô Lâm", "quyền con người",
                        "Giai cấp công nhân"],
    },
    "001_a7b350cfd587fa8d.txt": {
        "title": "Việt - Lào tăng cường hợp tác ngoại giao kinh tế",
        "title_basis": "curated",
        "body_lines": [1, 2, 3, 4, 5, 6, 7, 8],
        "captions": [],
        "outlet": "Báo điện tử VOV", "outlet_basis": "url",
        "author": None, "original_outlet": None,
        "source_url": "https://vov.vn/kinh-te/viet-lao-tang-cuong-hop-tac-ngoai-giao-kinh-te-post963978.vov",
        "published": ("2022", "year", "inferred"),
        "boilerplate": ["Xem thêm", "nv.vov"],
    },
    "002_e3906118eabb911a.txt": {
        "title": "Việt Nam, Lào tăng cường kết nối, hỗ trợ nhau xây dựng nền kinh tế độc lập, tự chủ",
        "title_basis": "text",
        "body_lines": [7, 15, 17, 19, 21, 23, 28, 30, 32, 34, 36, 41, 43, 45, 47, 49, 54, 56, 58],
        "captions": [
            ("Thủ tướng Phạm Minh Chính và Thủ tướng Lào Sonexay Siphandone đồng chủ trì kỳ họp lần thứ 45 "
             "Ủy ban liên Chính phủ về hợp tác song phương Việt Nam-Lào.", "VGP/Nhật Bắc"),
            ("Ngay từ đầu năm 2022, Chính phủ hai nước đã tập trung chỉ đạo triển khai các thỏa thuận hợp tác, "
             "cụ thể hóa bằng chương trình công tác của Chính phủ và nhiều chính sách, văn bản chỉ đạo điều hành.",
             "VGP/Nhật Bắc"),
            ("Thành công của kỳ họp sẽ tạo ra động lực mới, đưa hợp tác giữa hai nước ngày càng đi vào thực chất, "
             "hiệu quả.", "VGP/Nhật Bắc"),
            ("Thủ tướng Phạm Minh Chính cùng Thủ tướng Lào Sonexay Siphandone tham quan trưng bày ảnh giới thiệu "
             "đất nước, con người và quan hệ gắn bó, tin cậy, thủy chung, trong sáng, hợp tác toàn diện "
             "Việt Nam-Lào.", "VGP/Nhật Bắc"),
        ],
        "outlet": "Báo Điện tử Chính phủ", "outlet_basis": "byline",
        "author": "Hà Văn", "original_outlet": "Báo Điện tử Chính phủ", "source_url": None,
        "published": ("2023-01-12", "day", "stated"),
        "boilerplate": ["Trang chủ", "Chuyên gia Mỹ", "Sáng ngày 5/1", "KOICA", "Xây dựng cộng đồng người Việt",
                        "Tin bài liên quan", "Theo Hà Văn", "infographic", "[Video]", "Phiên bản di động", "aa"],
    },
    "003_86bde91ffab74a3d.txt": {
        "title": "Tham khảo Chính trị Việt Nam-Lào lần thứ 6 theo hình thức trực tuyến",
        "title_basis": "text",
        "body_lines": [7, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19],
        "captions": [("Thứ trưởng Ngoại giao Nguyễn Quốc Dũng phát biểu tại Tham khảo Chính trị Việt Nam-Lào "
                      "lần thứ 6.", "Baoquocte.vn")],
        "outlet": "Báo Kinh tế & Đô thị", "outlet_basis": "chrome",
        "author": None, "original_outlet": None, "source_url": None,
        "published": ("2021-08-31", "day", "inferred"),
        "boilerplate": ["Việt Nam vươn mình", "Logo", "Đăng ký ấn phẩm", "Đọc nhiều", "HỎI ĐÁP THÔNG MINH",
                        "Rất hay", "BÌNH LUẬN", "Đừng bỏ lỡ", "Vương quốc Anh", "Tin Tài Trợ"],
    },
    "004_929a0ff899138e30.txt": {
        "title": "Quan hệ Việt - Lào tiếp tục đi vào chiều sâu, gắn bó, tin cậy",
        "title_basis": "text",
        "body_lines": [4, 8, 10, 14, 16],
        "captions": [("Toàn cảnh Hội nghị.", "VOV"),
                     ("Ông Nguyễn Chí Dũng, Bộ trưởng Bộ Kế hoạch và Đầu tư đánh giá giữa kỳ về tình hình triển "
                      "khai thỏa thuận hợp tác Việt Nam-Lào.", "VOV")],
        "outlet": "VOV5 – Đài Tiếng nói Việt Nam", "outlet_basis": "dateline",
        "author": None, "original_outlet": None, "source_url": None,
        "published": ("2023-09-12", "day", "inferred"),
        "boilerplate": ["Tin liên quan", "Phản hồi", "Các tin/bài khác", "- ảnh 1"],
    },
}


@pytest.fixture(scope="module")
def articles():
    return {a.source_file.split("/")[-1]: a for a in load_articles(Paths.at(ROOT))}


def raw_lines(name: str) -> list[str]:
    return nfc((ROOT / "seeds" / name).read_bytes().decode("utf-8")).split("\n")


def test_every_seed_becomes_one_article(articles):
    assert sorted(articles) == sorted(EXPECTED)


def test_seeds_are_the_shared_seeds_byte_for_byte():
    shared = ROOT.parent / "shared" / "seeds"
    if not shared.is_dir():
        pytest.skip("../shared/seeds is not beside this checkout")
    for path in shared.iterdir():
        assert (ROOT / "seeds" / path.name).read_bytes() == path.read_bytes(), path.name


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_title(articles, name):
    assert articles[name].title.value == EXPECTED[name]["title"]
    assert articles[name].title.basis == EXPECTED[name]["title_basis"]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_body_paragraphs_are_exactly_the_article_lines_unaltered(articles, name):
    lines = raw_lines(name)
    expected = [lines[n - 1].strip() for n in EXPECTED[name]["body_lines"]]
    article = articles[name]
    assert [p.text for p in article.paragraphs] == expected
    assert [p.line for p in article.paragraphs] == EXPECTED[name]["body_lines"]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_captions_once_each_with_credit_split(articles, name):
    assert [(c.text, c.credit) for c in articles[name].captions] == EXPECTED[name]["captions"]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_no_boilerplate_in_the_body(articles, name):
    body = "\n".join(p.text for p in articles[name].paragraphs)
    captions = "\n".join(c.text for c in articles[name].captions)
    for phrase in EXPECTED[name]["boilerplate"]:
        assert phrase not in body, phrase
        assert phrase not in captions, phrase


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_metadata(articles, name):
    article, expected = articles[name], EXPECTED[name]
    assert article.outlet.value == expected["outlet"]
    assert article.outlet.basis == expected["outlet_basis"]
    assert article.author.value == expected["author"]
    assert article.original_outlet.value == expected["original_outlet"]
    assert article.source_url.value == expected["source_url"]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_date_with_precision_and_basis(articles, name):
    published = articles[name].published
    assert (published.date, published.precision, published.basis) == EXPECTED[name]["published"]
    if published.basis == "inferred":
        assert published.evidence, "an inferred date says what it was inferred from"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_nothing_lost_every_nonblank_line_has_a_role(articles, name):
    """Each raw line is accounted for: kept (with a role) or removed (with a reason)."""
    article = articles[name]
    lines = raw_lines(name)
    assert len(article.source_lines) == len(lines)
    for source_line, raw in zip(article.source_lines, lines, strict=True):
        assert "".join(seg.text for seg in source_line.segments).replace(" ", "") == raw.strip().replace(" ", "")


def test_dateline_stays_at_the_head_of_the_first_paragraph(articles):
    assert articles["000_7084457fe9d3a1ff.txt"].paragraphs[0].text.startswith("(PLVN) - Sáng 24/12,")
    assert articles["004_929a0ff899138e30.txt"].paragraphs[0].text.startswith("(VOV5) - Sáng nay (12/9),")


def test_removed_lines_are_kept_for_the_source_view(articles):
    removed = articles["002_e3906118eabb911a.txt"].removed
    assert any("KOICA hỗ trợ gần 8.5 triệu USD" in line for line in removed)
    assert "Tin bài liên quan" in removed


def test_undated_year_only_article_is_listed_for_review(articles):
    assert articles["001_a7b350cfd587fa8d.txt"].review_reasons == ("chỉ biết năm đăng",)
    assert not articles["002_e3906118eabb911a.txt"].review_reasons


def _clean_text(tmp_path, text: str):
    from build_archive.clean.lines import clean
    from build_archive.clean.rules import load_cleaning_rules, load_outlets
    from build_archive.ingest.reader import read_seed

    path = tmp_path / "page.txt"
    path.write_text(text, encoding="utf-8")
    return clean(read_seed(path, None), load_cleaning_rules(ROOT / "data" / "cleaning.yml"),
                 load_outlets(ROOT / "data" / "outlets.yml"))


def test_chrome_around_an_unseen_page_is_told_by_its_shape(tmp_path):
    lead = "(TTXVN) - Sáng 6/12, tại Hà Nội, hai bên đã ký kết biên bản hợp tác về giáo dục và đào tạo."
    second = "Hai bên nhất trí tăng cường trao đổi đoàn các cấp trong thời gian tới."
    article = _clean_text(tmp_path, "\n".join([
        "Skip to main content", "Menu", "Tải ứng dụng", "{title}", "", "Việt Nam và Lào ký biên bản hợp tác giáo dục",
        "Nguyễn Văn An 18:17 | 28/01/2024", "", lead, "![]() |", "Toàn cảnh lễ ký. ẢNH: TTXVN", "", second,
        "Theo dõi Báo Tin tức trên", "Từ khóa: Việt Nam, Lào", "Copyright © 2024 Báo Tin tức"]))
    assert [p.text for p in article.paragraphs] == [lead, second]
    assert article.title == type(article.title)("Việt Nam và Lào ký biên bản hợp tác giáo dục", "text")
    assert article.author.value == "Nguyễn Văn An"
    assert (article.published.date, article.published.basis) == ("2024-01-28", "stated")
    assert [(c.text, c.credit) for c in article.captions] == [("Toàn cảnh lễ ký.", "TTXVN")]


def test_a_date_in_page_chrome_is_never_stated(tmp_path):
    article = _clean_text(tmp_path, "\n".join([
        "Thứ Hai, 15/01/2024", "Thời sự", "Quốc tế", "",
        "Ngày 19/5, tại Hà Nội, diễn ra lễ hội hữu nghị Việt Nam - Lào lần thứ hai với nhiều hoạt động."]))
    assert article.published.basis != "stated"
    assert "15/01/2024" in article.published.against
    assert any("bác" in reason for reason in article.review_reasons)


def test_plan_and_target_years_are_not_the_articles_year(tmp_path):
    article = _clean_text(tmp_path, "Chiều 12/9, hai bên rà soát Kế hoạch hợp tác năm 2025 và mục tiêu "
                                    "kim ngạch đạt 15 tỷ USD vào năm 2020, như đã thống nhất.")
    assert (article.published.date, article.published.precision) == (None, "unknown")


@pytest.mark.parametrize("text, expected", [
    ("22/11/2023", (2023, 11, 22)), ("11/22/2023", (2023, 11, 22)), ("06 March 2011", (2011, 3, 6)),
    ("October 24, 2017", (2017, 10, 24)), ("14 tháng 6, 2011", (2011, 6, 14)), ("18.11.2011", (2011, 11, 18)),
])
def test_every_full_date_format(text, expected):
    from build_archive.date.patterns import full_dates

    (found,) = full_dates(text)
    assert (found.year, found.month, found.day) == expected


@pytest.mark.parametrize("text, day_month", [
    ("ngày 6.12", (6, 12)), ("Sáng nay (19-12)", (19, 12)), ("từ ngày 1 - 2.12", (2, 12)), ("Chiều 27/8", (27, 8)),
])
def test_day_month_after_a_time_word(text, day_month):
    from build_archive.date.patterns import announced_dates

    (found,) = announced_dates(text)
    assert (found.day, found.month) == day_month
    assert not announced_dates("hỗ trợ 8.5 triệu USD")


def test_first_months_of_a_year_give_the_year(tmp_path):
    article = _clean_text(tmp_path, "Sáng 14/10, hai bên đánh giá kết quả hợp tác 9 tháng đầu năm 2022 "
                                    "và thống nhất phương hướng cho thời gian tới.")
    assert (article.published.date, article.published.basis) == ("2022-10-14", "inferred")
    assert "9 tháng đầu năm 2022" in article.published.evidence
