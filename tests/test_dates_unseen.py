"""Publication dates on pages the archive has never seen (issue 10, "Dates"; guide §2).

Each page is short and written for these tests in the style of an outlet outside the dev corpus
(Lao Động, Tuổi Trẻ, VOV, Báo Chính phủ, VietnamPlus, QĐND, Nhân Dân, Pathet Lao's Vietnamese
pages, provincial papers…). What they check, by class: every printed format is read; a date the
page prints as the article's own wins over one in the chrome, a "published" label over an
"updated" one; a date that only gives a bound (last modified, a calendar of today, a list of other
stories) is never `stated`; the year of a day printed without one comes only from the page's
own words about the reported event, never from a plan, target, anniversary, background or a
related story; when readings conflict the loser is kept for review.
"""

from __future__ import annotations

import pytest
from conftest import clean_text

from build_archive.date.patterns import full_dates, place_dateline

TITLE = "Quảng Trị và Savannakhet đẩy mạnh hợp tác phát triển hành lang kinh tế Đông - Tây"
# A lead that prints no day, and paragraphs that print no year.
LEAD = ("Lãnh đạo tỉnh Quảng Trị và tỉnh Savannakhet đã hội đàm về hợp tác phát triển hành lang kinh tế "
        "Đông - Tây, tập trung vào giao thông, thương mại và du lịch.")
MORE = ("Hai bên thống nhất tạo điều kiện thuận lợi cho hàng hóa qua cửa khẩu quốc tế Lao Bảo - Đensavẳn, "
        "đồng thời phối hợp quản lý tốt đường biên giới chung.")
CHROME = ("Trang chủ", "Thời sự", "Chính trị", "Kinh tế", "Quốc tế")


def run(*lines: str):
    return clean_text("\n\n".join(lines) + "\n")


def when(article) -> tuple[str | None, str, str]:
    published = article.published
    return published.date, published.precision, published.basis


# -- every format a page prints as the article's date -------------------------------------------------------

@pytest.mark.parametrize("line, expected", [
    ("Thứ Hai, 12/06/2023 - 08:15", "2023-06-12"),                       # Báo Chính phủ
    ("12/06/2023 08:15 GMT+7", "2023-06-12"),                            # Tuổi Trẻ
    ("Thứ hai, 12/6/2023, 08:15 (GMT+7)", "2023-06-12"),                 # VnExpress
    ("Ngày đăng: 12.06.2023 | 08:15", "2023-06-12"),                     # a provincial portal
    ("Cập nhật: 12-06-2023 08:15", "2023-06-12"),                        # Kinh tế & Đô thị
    ("Thứ hai, ngày 12 tháng 6 năm 2023", "2023-06-12"),                 # a provincial paper
    ("Monday, June 12, 2023 08:15", "2023-06-12"),                       # an English edition
    ("12th June 2023", "2023-06-12"),
    ("Jun 12, 2023 | 8:15 am", "2023-06-12"),
    ("06/22/2023 10:30 AM", "2023-06-22"),                               # US order, the first number > 12
    ("Thứ Hai, 06/12/2023 08:15", "2023-06-12"),                          # US order told by its weekday
])
def test_a_date_line_under_the_headline_is_stated(line, expected):
    article = run(*CHROME, TITLE, line, LEAD, MORE)
    assert when(article) == (expected, "day", "stated")
    assert [p.text for p in article.paragraphs] == [LEAD, MORE]


def test_the_weekday_keeps_day_month_order_when_it_agrees():
    (found,) = full_dates("Thứ Tư, 06/12/2023")
    assert (found.month, found.day) == (12, 6)


@pytest.mark.parametrize("line", [
    "Cập nhật: 14/06/2023 09:00 | Ngày đăng: 12/06/2023 08:15",
    "Ngày đăng: 12/06/2023 08:15 | Cập nhật: 14/06/2023 09:00",
])
def test_published_beats_updated_on_one_line(line):
    assert when(run(TITLE, line, LEAD, MORE)) == ("2023-06-12", "day", "stated")


def test_published_beats_updated_on_separate_lines():
    article = run(TITLE, "Cập nhật lúc: 14/06/2023 09:00", "Đăng lúc: 12/06/2023 08:15", LEAD, MORE)
    assert when(article) == ("2023-06-12", "day", "stated")


def test_a_byline_with_a_timestamp_at_the_end_of_the_article():
    article = run(TITLE, LEAD, MORE, "Hoàng Minh - 22/11/2023")
    assert when(article) == ("2023-11-22", "day", "stated")
    assert article.author.value == "Hoàng Minh"


def test_a_place_dateline_under_the_headline():
    article = run(TITLE, "Đông Hà, ngày 6 tháng 12 năm 2023", LEAD, MORE)
    assert when(article) == ("2023-12-06", "day", "stated")
    assert [p.text for p in article.paragraphs] == [LEAD, MORE]


@pytest.mark.parametrize("line, day", [
    ("Hà Nội, ngày 6/12/2023", "2023-12-06"),
    ("Viêng Chăn, 06/12/2023 08:15", "2023-12-06"),
    ("Sáng nay, 6/12/2023, hai bên ký kết", None),
    ("Hà Nội, ngày 6/12/2023 hai bên ký biên bản", None),
])
def test_place_dateline_shape(line, day):
    found = place_dateline(line)
    assert (found.iso if found else None) == day


# -- the lead's day and the year the page gives it ----------------------------------------------------------

@pytest.mark.parametrize("lead, expected", [
    ("(Chinhphu.vn) - Chiều 6/12, Phó Thủ tướng tiếp Bộ trưởng Bộ Kế hoạch và Đầu tư Lào.", "2023-12-06"),
    ("Viêng Chăn (TTXVN) - Chiều 6/12, Đại sứ Việt Nam tiếp Bộ trưởng Bộ Công Thương Lào.", "2023-12-06"),
    ("Viêng Chăn (KPL) - Sáng 6.12, Bộ Ngoại giao Lào tổ chức họp báo thường kỳ.", "2023-12-06"),
    ("QĐND Online - Sáng 6-12, Bộ Quốc phòng tổ chức lễ đón đoàn đại biểu quân sự cấp cao Lào.", "2023-12-06"),
    ("Tại Hà Nội, chiều 6/12, hai bộ trưởng đã đồng chủ trì phiên họp.", "2023-12-06"),
    ("Trong hai ngày 5 - 6.12, tại Viêng Chăn đã diễn ra kỳ họp lần thứ 46.", "2023-12-06"),
])
def test_the_leads_day_after_a_dateline_or_opener_takes_the_year_of_the_event(lead, expected):
    year = "Năm 2023 là năm bản lề thực hiện các thỏa thuận cấp cao giữa hai nước."
    assert when(run(TITLE, lead, year)) == (expected, "day", "inferred")


@pytest.mark.parametrize("context", [
    "Hai bên thống nhất Kế hoạch hợp tác năm 2025 giữa hai tỉnh.",
    "Hai bên phấn đấu đưa kim ngạch thương mại đạt 15 tỷ USD vào năm 2020.",
    "Buổi lễ nằm trong chuỗi hoạt động kỷ niệm 60 năm quan hệ ngoại giao (1962-2022).",
    "Buổi lễ kỷ niệm 60 năm Ngày thiết lập quan hệ ngoại giao (5/9/1962).",
    "Năm 1977, hai nước ký Hiệp ước hữu nghị và hợp tác.",
    "Kim ngạch thương mại hai chiều tăng 49,7% so với năm 2021.",
    "Vốn đầu tư tăng 12% so với cùng kỳ năm 2022.",
])
def test_a_year_that_is_not_the_events_is_not_borrowed(context):
    lead = "Sáng 5/9, tại Đông Hà, tỉnh Quảng Trị tổ chức gặp mặt đoàn đại biểu tỉnh Savannakhet."
    article = run(TITLE, lead, context)
    assert when(article) == (None, "unknown", "unknown")
    assert any("ngày đăng" in reason for reason in article.review_reasons)


@pytest.mark.parametrize("day, expected", [("6/10", "2022-10-06"), ("6/3", None)])
def test_a_report_on_the_first_months_of_a_year_dates_only_a_day_after_them(day, expected):
    lead = f"Chiều {day}, Sở Công Thương tổ chức hội nghị xúc tiến thương mại với các tỉnh Nam Lào."
    context = "Trong 9 tháng đầu năm 2022, kim ngạch thương mại hai chiều đạt 1,2 tỷ USD."
    assert run(TITLE, lead, context).published.date == expected


def test_a_year_end_review_in_december_is_that_years():
    lead = "Sáng 20/12, Ủy ban hợp tác hai tỉnh tổ chức hội nghị tổng kết hợp tác năm 2023."
    assert when(run(TITLE, lead, MORE)) == ("2023-12-20", "day", "inferred")


def test_a_day_with_no_year_on_the_page_stays_unknown_with_its_words():
    lead = "Ngày 6.12, tại Đông Hà, hai bên ký biên bản hợp tác về y tế."
    article = run(TITLE, lead, MORE)
    assert when(article) == (None, "unknown", "unknown")
    assert article.published.evidence == "“Ngày 6.12”"


# -- dates of other stories, of the page's display, of later edits ------------------------------------------

LEAD_6_12 = "Sáng 6/12, tại Đông Hà, lãnh đạo hai tỉnh đã hội đàm về hợp tác phát triển hành lang kinh tế."


def test_the_year_of_a_related_story_is_not_borrowed():
    article = run(TITLE, LEAD_6_12, MORE, "Tin liên quan", "Quảng Trị tiếp đoàn đại biểu tỉnh Savannakhet (05/12/2023)",
                  "Khai mạc hội chợ thương mại Việt - Lào tại Lao Bảo (04/12/2023)")
    assert when(article) == (None, "unknown", "unknown")


def test_a_dated_headline_left_after_the_body_does_not_give_the_year():
    article = run(TITLE, LEAD_6_12, MORE, "Quảng Trị tiếp đoàn đại biểu tỉnh Savannakhet (05/12/2023)")
    assert article.published.date is None


def test_timestamps_of_a_list_of_stories_over_the_headline_are_not_the_articles():
    article = run("Tin mới", "Quảng Trị tiếp đoàn đại biểu tỉnh Savannakhet", "05/12/2023 10:20",
                  "Khai mạc hội chợ thương mại Việt - Lào tại Lao Bảo", "04/12/2023 09:00", TITLE, LEAD_6_12, MORE)
    assert article.published.basis != "stated" and article.published.date is None
    assert article.published.against and "05/12/2023" in article.published.against


def test_timestamps_of_a_list_after_the_body_are_not_the_articles():
    article = run(TITLE, LEAD_6_12, MORE, "Quảng Trị tiếp đoàn đại biểu tỉnh Savannakhet", "05/12/2023 10:20",
                  "Khai mạc hội chợ thương mại Việt - Lào tại Lao Bảo", "04/12/2023 09:00")
    assert article.published.basis != "stated" and article.published.date is None


def test_the_articles_own_date_beats_a_list_beside_it():
    article = run(TITLE, "Thứ Tư, 06/12/2023 - 15:30", LEAD_6_12, MORE, "Tin khác",
                  "Quảng Trị tiếp đoàn đại biểu tỉnh Savannakhet", "05/12/2023 10:20")
    assert when(article) == ("2023-12-06", "day", "stated")


def test_a_calendar_over_the_headline_that_the_lead_contradicts_is_not_stated():
    article = run("Thứ Năm, 15/05/2025", TITLE, LEAD_6_12, MORE)
    assert when(article) == (None, "unknown", "unknown")
    assert "2025-05-15" in (article.published.against or "")
    assert any("2025-05-15" in reason for reason in article.review_reasons)


def test_a_calendar_in_the_chrome_days_after_the_leads_day_gives_its_year():
    article = run("Thứ Năm, 07/12/2023", *CHROME, TITLE, LEAD_6_12, MORE)
    assert when(article) == ("2023-12-06", "day", "inferred")
    assert "07/12/2023" in (article.published.evidence or "")


def test_a_calendar_in_the_chrome_long_after_is_only_listed():
    article = run("Thứ Năm, 15/05/2025", *CHROME, TITLE, LEAD_6_12, MORE)
    assert when(article) == (None, "unknown", "unknown")
    assert "2025-05-15" in (article.published.against or "")


def test_a_last_modified_date_is_not_the_publication_date():
    article = run(TITLE, LEAD_6_12, MORE, "Cập nhật lần cuối: 20/01/2025 10:00")
    assert when(article) == (None, "unknown", "unknown")
    assert "2025-01-20" in (article.published.against or "")
    assert [p.text for p in article.paragraphs] == [LEAD_6_12, MORE]


def test_a_last_modified_date_soon_after_the_leads_day_gives_its_year():
    article = run(TITLE, LEAD_6_12, MORE, "Cập nhật lần cuối: 20/12/2023 10:00")
    assert when(article) == ("2023-12-06", "day", "inferred")


def test_a_printed_date_the_lead_contradicts_is_listed_with_both_readings():
    article = run(TITLE, "Ngày đăng: 15/05/2025", LEAD_6_12, MORE)
    assert when(article) == ("2025-05-15", "day", "stated")
    assert "6/12" in (article.published.against or "")
    assert any("bị bác" in reason for reason in article.review_reasons)


def test_a_photo_caption_dating_the_same_event_gives_the_year():
    caption = "Lãnh đạo hai tỉnh hội đàm tại Đông Hà ngày 6/12/2023. (Ảnh: Thanh Hải)"
    article = run(TITLE, LEAD_6_12, caption, MORE)
    assert [c.text for c in article.captions] == ["Lãnh đạo hai tỉnh hội đàm tại Đông Hà ngày 6/12/2023."]
    assert when(article) == ("2023-12-06", "day", "inferred")


def test_the_headline_naming_the_events_year_gives_it():
    title = "Hội nghị tổng kết hợp tác Quảng Trị - Savannakhet năm 2023"
    assert when(run(title, LEAD_6_12, MORE)) == ("2023-12-06", "day", "inferred")


def test_a_plan_year_in_the_headline_does_not():
    title = "Quảng Trị và Savannakhet ký Kế hoạch hợp tác năm 2025"
    assert when(run(title, LEAD_6_12, MORE)) == (None, "unknown", "unknown")


@pytest.mark.parametrize("lead", [
    "Tiếp tục chuyến thăm chính thức Lào, chiều 6/12, Chủ tịch Quốc hội đã hội kiến Thủ tướng Lào.",
    "Nhân dịp kỷ niệm 48 năm Quốc khánh Lào, sáng 6/12, lãnh đạo tỉnh đến chúc mừng Tổng Lãnh sự quán Lào.",
])
def test_the_leads_day_after_an_opening_clause(lead):
    year = "Năm 2023 là năm bản lề thực hiện các thỏa thuận cấp cao giữa hai nước."
    assert when(run(TITLE, lead, year)) == ("2023-12-06", "day", "inferred")


def test_a_day_inside_the_sentence_is_not_the_leads():
    lead = "Hai bên nhất trí tổ chức kỳ họp tiếp theo vào ngày 6/12 tại Viêng Chăn, theo kế hoạch đã thống nhất."
    year = "Năm 2023 là năm bản lề thực hiện các thỏa thuận cấp cao giữa hai nước."
    assert when(run(TITLE, lead, year)) == ("2023", "year", "inferred")


@pytest.mark.parametrize("lead, more, expected", [
    ("Viêng Chăn, 6/12 (KPL) - Bộ Ngoại giao Lào tổ chức họp báo thường kỳ về quan hệ với Việt Nam.",
     "Năm 2023 là năm bản lề thực hiện các thỏa thuận cấp cao giữa hai nước.", "2023-12-06"),
    ("Vientiane, Dec. 6 (VNA) – The two provinces signed a memorandum on the East-West Economic Corridor.",
     "The memorandum follows talks held on December 5, 2023 in Savannakhet.", "2023-12-06"),
    ("HANOI, December 6 (VNA) - Vietnam and Laos reviewed their cooperation in transport.",
     "The two sides agreed to meet again next year.", None),
])
def test_a_wire_dateline_with_the_day_before_the_agencys_tag(lead, more, expected):
    published = run(TITLE, lead, more).published
    assert published.date == expected and published.basis != "stated"
    assert "6" in (published.evidence or "")


def test_the_leads_day_in_words():
    lead = "Ngày 6 tháng 12, tại Viêng Chăn, Bộ Ngoại giao Lào tổ chức họp báo về quan hệ với Việt Nam."
    year = "Năm 2023 là năm bản lề thực hiện các thỏa thuận cấp cao giữa hai nước."
    assert when(run(TITLE, lead, year)) == ("2023-12-06", "day", "inferred")
    assert when(run(TITLE, lead, MORE)) == (None, "unknown", "unknown")


@pytest.mark.parametrize("caption", [
    "Lễ ký Hiệp ước hữu nghị và hợp tác năm 1977. (Ảnh: Tư liệu)",
    "Lễ ký Hiệp ước hữu nghị và hợp tác năm 1977. Ảnh tư liệu: TTXVN",
    "Hai tỉnh kết nghĩa từ năm 1989. (Ảnh: Báo Quảng Trị)",
])
def test_a_year_in_a_photo_caption_does_not_give_the_year(caption):
    """A caption gives the year only by a full date near the lead's day: an archive photo tells another time."""
    article = run(TITLE, LEAD_6_12, caption, MORE)
    assert article.captions and article.published.date is None


def test_a_recalled_full_date_in_the_lead_is_not_the_articles_year():
    lead = ("Nhân dịp kỷ niệm Ngày thiết lập quan hệ ngoại giao Việt Nam - Lào (5/9/1962), lãnh đạo tỉnh Quảng Trị "
            "đã gặp mặt cán bộ, lưu học sinh Lào đang học tập tại tỉnh.")
    assert run(TITLE, lead, MORE).published.date is None


def test_the_direction_for_next_year_is_not_the_events_year():
    lead = "VOV.VN - Trong hai ngày 5 - 6.12, tại Viêng Chăn, đã diễn ra Kỳ họp lần thứ 46 Ủy ban liên Chính phủ."
    more = "Kỳ họp đánh giá kết quả hợp tác năm 2023 và thống nhất phương hướng hợp tác năm 2024."
    assert when(run(TITLE, lead, more)) == ("2023-12-06", "day", "inferred")
