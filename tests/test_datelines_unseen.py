"""Date lines that carry other words (issue 10): a section name, a weekday, a time zone, labels, a
counter, a byline name around the date. Decided by shape, not by one site's strings.

Each page is short and written for these tests in the style of an outlet outside the dev corpus
(VnExpress, Tuổi Trẻ, Thanh Niên, VOV, Người Lao Động, Kinh tế & Đô thị, Pháp luật TP.HCM, provincial
portals, an English edition). What they check: such a line is page metadata, never the title and
never body; its date is the article's printed date (published over updated, by its label); its name
part is the author as printed, without label or role; a body sentence holding a date, a timeline
entry or a headline with its date stays what it is.
"""

from __future__ import annotations

import pytest
from conftest import clean_text

from build_archive.clean import shapes
from build_archive.common.textnorm import nfc
from build_archive.date.patterns import full_dates
from build_archive.model.enums import LineRole

TITLE = "Đắk Lắk và Attapeu ký kết biên bản hợp tác phát triển nông nghiệp vùng biên"
LEAD = ("Chiều 12/6, tại thành phố Buôn Ma Thuột, Ủy ban nhân dân tỉnh Đắk Lắk và chính quyền tỉnh Attapeu "
        "đã ký kết biên bản ghi nhớ hợp tác phát triển nông nghiệp giai đoạn tới.")
MORE = ("Theo biên bản, hai bên sẽ phối hợp chuyển giao giống cây trồng, kỹ thuật canh tác cà phê và "
        "đào tạo cán bộ khuyến nông cho các huyện biên giới của tỉnh Attapeu.")
LAST = ("Dịp này, hai tỉnh cũng thống nhất tổ chức hội chợ nông sản luân phiên hằng năm, tạo điều kiện cho "
        "doanh nghiệp và người dân hai bên tìm hiểu thị trường.")
CHROME = ("Trang chủ", "Thời sự", "Kinh tế", "Xã hội", "Thế giới")

# The shapes outlets print around the headline or byline, and what each says besides its date.
DATE_LINES = [
    # line, date, author
    ("Thế giới Thứ hai, 12/6/2023, 08:15 (GMT+7)", "2023-06-12", None),          # section + weekday + zone
    ("Posted: 12/06/2023 08:15 | Lượt xem: 1234", "2023-06-12", None),           # label + counter
    ("Cập nhật: 08:15 | 12/06/2023 | Bình luận (3)", "2023-06-12", None),        # time before date, comments
    ("Tác giả: Thu Hà | Ngày: 12/06/2023", "2023-06-12", "Thu Hà"),               # labelled byline
    ("Thu Hà - Thứ Hai, 12/06/2023 08:15", "2023-06-12", "Thu Hà"),               # byline, then the date
    ("Bởi Thu Hà | 12/06/2023 - 08:15", "2023-06-12", "Thu Hà"),
    ("12/06/2023 08:15 GMT+7 | Chính trị", "2023-06-12", None),                  # date, then the section
    ("Chính trị - Thứ Hai, 12/06/2023, 08:15", "2023-06-12", None),
    ("Thời sự • 12/06/2023", "2023-06-12", None),
    ("Thứ hai, ngày 12 tháng 6 năm 2023 - 08:15", "2023-06-12", None),
    ("12 Tháng Sáu 2023", "2023-06-12", None),                                   # the month in words
    ("June 12, 2023 | 08:15 AM", "2023-06-12", None),                            # an English edition
    ("PV Nguyễn Văn Long | 12.06.2023 | 1.234 lượt xem", "2023-06-12", "Nguyễn Văn Long"),
    ("Thứ Hai, 12/06/2023 08:15 (GMT+7) | Chia sẻ", "2023-06-12", None),
    ("Đăng ngày 12/06/2023 lúc 08:15 bởi Thu Hà", "2023-06-12", "Thu Hà"),             # a blog-style portal
    ("Đăng Khoa | 12/06/2023 08:15", "2023-06-12", "Đăng Khoa"),
    ("Đăng: 12/06/2023 | Đăng Khoa", "2023-06-12", "Đăng Khoa"),
    ("Chuyên mục: Đối ngoại | Tác giả: Phạm Thu Trang | 12/06/2023", "2023-06-12", "Phạm Thu Trang"),
]


def run(*lines: str):
    return clean_text("\n\n".join(lines) + "\n")


def roles(article, text: str) -> set[LineRole]:
    return {seg.role for line in article.source_lines for seg in line.segments if seg.text == nfc(text)}


def when(article) -> tuple[str | None, str, str]:
    return article.published.date, article.published.precision, article.published.basis


# -- the shape --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("line, date, author", DATE_LINES)
def test_the_shape_is_a_date_line_and_its_name_the_byline(line, date, author):
    meta = shapes.date_meta(nfc(line))
    assert meta is not None and meta.author == author
    assert not shapes.headline_like(nfc(line))
    assert [f.iso for f in full_dates(nfc(line))] == [date]


@pytest.mark.parametrize("line", [
    "Ngày 12/6/2023, hai bên đã ký Hiệp định hợp tác giáo dục giai đoạn 2023 - 2027.",   # a body sentence
    "Ngày 12/6/2023, Việt Nam và Lào ký kết",                                           # cut short, still prose
    "18/7/1977: Ký Hiệp ước hữu nghị và hợp tác",                                       # a timeline entry
    "18/7/1977: Ký kết",
    "Hội chợ thương mại Việt - Lào | 12/06/2023",                                       # a headline and its date
    "Thủ tướng tiếp Đại sứ Lào (05/12/2023)",
    "Hợp tác giáo dục Việt - Lào 12/06/2023",
    "Bình luận: hai bên đã thống nhất từ 12/06/2023",
    "Hội đàm ngày 12/6/2023",                                                           # a short caption
    "Lễ ký kết sáng 12/6/2023",
    "Ảnh: Thu Hà | 12/06/2023",                                                         # a photo credit
    "Nguồn: Bộ Ngoại giao | 12/06/2023",
])
def test_words_that_are_not_labels_sections_or_names_make_no_date_line(line):
    assert shapes.date_meta(nfc(line)) is None


def test_a_place_dateline_gives_no_author():
    assert shapes.date_meta("Hà Nội, ngày 12/6/2023") == shapes.DateMeta()


def test_a_month_name_is_read_only_when_it_is_one():
    assert [f.iso for f in full_dates("ngày 3 tháng Mười Hai năm 2022")] == ["2022-12-03"]
    assert full_dates("kết quả 12 tháng năm 2022 của hai bên") == []  # twelve months of 2022


# -- on a page --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("line, date, author", DATE_LINES)
@pytest.mark.parametrize("above", [False, True])
def test_a_date_line_beside_the_headline_is_meta_and_dates_the_article(line, date, author, above):
    header = (line, TITLE) if above else (TITLE, line)
    article = run(*CHROME, *header, LEAD, MORE)
    assert article.title.value == TITLE
    assert [p.text for p in article.paragraphs] == [LEAD, MORE]
    assert roles(article, line) == {LineRole.META}
    assert when(article) == (date, "day", "stated")
    assert article.author.value == author


@pytest.mark.parametrize("line", [line for line, _, _ in DATE_LINES])
def test_a_date_line_is_never_the_title_of_a_page_without_a_headline(line):
    article = run(*CHROME, line, LEAD, MORE)
    assert nfc(line) not in article.title.value
    assert [p.text for p in article.paragraphs] == [LEAD, MORE]


def test_a_date_line_between_an_english_headline_and_the_lead_is_not_the_title():
    title = "Dak Lak and Attapeu sign agricultural cooperation memorandum"  # an English edition's headline
    article = run(*CHROME, title, "Thế giới Thứ hai, 12/6/2023, 08:15 (GMT+7)", LEAD, MORE)
    assert article.title.value == title
    assert when(article) == ("2023-06-12", "day", "stated")


def test_published_beats_updated_across_date_lines_with_other_words():
    article = run(*CHROME, TITLE, "Cập nhật: 08:15 | 13/06/2023 | Bình luận (3)",
                  "Posted: 12/06/2023 07:30 | Lượt xem: 1234", LEAD, MORE)
    assert when(article) == ("2023-06-12", "day", "stated")


def test_a_signed_date_line_at_the_foot_of_the_article():
    article = run(*CHROME, TITLE, LEAD, MORE, "Thu Hà - Thứ Hai, 12/06/2023 08:15", "Tin liên quan")
    assert [p.text for p in article.paragraphs] == [LEAD, MORE]
    assert article.author.value == "Thu Hà"
    assert when(article) == ("2023-06-12", "day", "stated")


def test_theo_names_the_outlet_not_an_author():
    article = run(*CHROME, TITLE, "Theo TTXVN | 12/06/2023 08:15", LEAD, MORE)
    assert article.author.value is None
    assert article.original_outlet.value == "TTXVN"
    assert when(article) == ("2023-06-12", "day", "stated")


@pytest.mark.parametrize("sentence", [
    "Ngày 12/6/2023, hai bên đã ký Hiệp định hợp tác phát triển nông nghiệp giai đoạn 2023 - 2027.",
    "18/7/1977: Ký Hiệp ước hữu nghị và hợp tác",
])
def test_a_body_line_holding_a_date_stays_body(sentence):
    article = run(*CHROME, TITLE, LEAD, MORE, sentence, LAST)
    assert [p.text for p in article.paragraphs] == [LEAD, MORE, nfc(sentence), LAST]


@pytest.mark.parametrize("line", ["Thu Hà - Thứ Hai, 12/06/2023 08:15", "12/06/2023 08:15 GMT+7 | Chính trị",
                                  "12/06/2023 08:15"])
def test_headlines_of_other_stories_under_the_articles_date_line_leave_the_body(line):
    article = run(*CHROME, TITLE, LEAD, MORE, line, "Hội chợ nông sản Việt - Lào mở cửa tại Attapeu",
                  "Quảng Nam tăng cường giao lưu với tỉnh Sekong")
    assert [p.text for p in article.paragraphs] == [LEAD, MORE]
    assert roles(article, line) == {LineRole.META}
    assert when(article) == ("2023-06-12", "day", "stated")


def test_a_date_line_run_into_the_lead_is_split_off():
    line = "Tác giả: Thu Hà | Ngày: 12/06/2023"
    article = run(*CHROME, TITLE, line + " " + LEAD, MORE)
    assert [p.text for p in article.paragraphs] == [LEAD, MORE]
    assert article.author.value == "Thu Hà"
    assert when(article) == ("2023-06-12", "day", "stated")


def test_a_signed_date_line_run_onto_the_last_paragraph_is_split_off():
    article = run(*CHROME, TITLE, LEAD, MORE + " Thu Hà - Thứ Hai, 12/06/2023 08:15")
    assert [p.text for p in article.paragraphs] == [LEAD, MORE]
    assert article.author.value == "Thu Hà"
    assert when(article) == ("2023-06-12", "day", "stated")


def test_a_byline_with_its_outlet_after_a_slash_beside_the_date():
    article = run(*CHROME, TITLE, "Theo Hà Văn/Báo Điện tử Chính phủ | 12/06/2023 08:15", LEAD, MORE)
    assert (article.author.value, article.original_outlet.value) == ("Hà Văn", "Báo Điện tử Chính phủ")
    assert when(article) == ("2023-06-12", "day", "stated")
