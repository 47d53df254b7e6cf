"""The cleaner on pages it has never seen: small pages written for these tests, one per kind of trouble.

Each page imitates an outlet's style (none is copied from the dev corpus or the seeds) and
checks the principles of clean/lines.py: a prose line is never dropped without positive
evidence; a line holding several paragraphs or a glued caption is split, never dropped;
a caption needs caption evidence; a title is never chrome; a date comes from the page
itself, the strongest evidence winning, and a chrome date is never `stated`.
"""

from __future__ import annotations

import pytest
from conftest import clean_text

P1 = ("Sáng 12/4, tại Hà Nội, Ủy ban nhân dân thành phố Hà Nội và chính quyền thủ đô Viêng Chăn đã ký kết "
      "biên bản ghi nhớ hợp tác về đào tạo cán bộ quản lý đô thị.")
P2 = ("Theo biên bản, hai bên sẽ phối hợp đào tạo cán bộ, trao đổi kinh nghiệm về quy hoạch, giao thông công cộng "
      "và xử lý rác thải trong những năm tới.")
P3 = ("Phát biểu tại buổi lễ, lãnh đạo thành phố Hà Nội khẳng định hợp tác với thủ đô Viêng Chăn là nhiệm vụ "
      "chính trị quan trọng, góp phần vun đắp quan hệ hữu nghị vĩ đại giữa hai nước.")
P4 = ("Đại diện chính quyền thủ đô Viêng Chăn cảm ơn sự giúp đỡ quý báu của thành phố Hà Nội trong nhiều năm qua "
      "và mong muốn hai bên tiếp tục mở rộng hợp tác trên các lĩnh vực có thế mạnh.")
TITLE = "Hà Nội và Viêng Chăn tăng cường hợp tác đào tạo cán bộ"


def run(text: str, url: str | None = None):
    return clean_text(text, url)


def body(article) -> list[str]:
    return [p.text for p in article.paragraphs]


def page(*lines: str) -> str:
    return "\n\n".join(lines) + "\n"


# -- paragraphs glued or flattened: split, never dropped ---------------------------------------------------

def test_paragraphs_glued_without_space_are_split():
    article = run(page(TITLE, P1 + P2 + P3, P4))
    assert body(article) == [P1, P2, P3, P4]
    assert article.title.value == TITLE


def test_page_flattened_onto_one_line_keeps_every_paragraph():
    article = run(TITLE + "\n" + P1 + P2 + P3 + P4 + "\n")
    assert body(article) == [P1, P2, P3, P4]


def test_abbreviations_and_decimals_are_not_glue():
    line = ("Chiều 5/6, tại TP.HCM, ông Nguyễn Văn A. cho biết kim ngạch đạt 1.5 tỷ USD, tăng 8.5% so với cùng kỳ; "
            "đoàn của PGS.TS Trần Văn B đã làm việc với Sở Công Thương.")
    assert body(run(page(TITLE, line, P4))) == [line, P4]


def test_caption_glued_to_paragraph_with_credit_in_brackets():
    caption = "Toàn cảnh buổi hội đàm giữa hai đoàn."
    article = run(page(TITLE, P1, P2 + caption + " (Ảnh: Nhật Bắc)", P3))
    assert body(article) == [P1, P2, P3]
    assert [(c.text, c.credit) for c in article.captions] == [(caption, "Nhật Bắc")]


def test_caption_glued_to_paragraph_credit_on_next_line():
    caption = "Lãnh đạo hai thành phố ký biên bản ghi nhớ."
    article = run(page(TITLE, P1, P2 + caption, "(Ảnh: Minh Anh/TTXVN)", P3))
    assert body(article) == [P1, P2, P3]
    assert [(c.text, c.credit) for c in article.captions] == [(caption, "Minh Anh/TTXVN")]


# -- captions need caption evidence -------------------------------------------------------------------

def test_caption_with_upper_case_credit_on_its_own_line():
    caption = "Các đại biểu chụp ảnh lưu niệm tại lễ ký kết."
    article = run(page(TITLE, P1, caption, "ẢNH: TTXVN", P2))
    assert body(article) == [P1, P2]
    assert [(c.text, c.credit) for c in article.captions] == [(caption, "TTXVN")]


def test_caption_with_upper_case_credit_on_the_same_line():
    caption = "Các đại biểu chụp ảnh lưu niệm tại lễ ký kết."
    article = run(page(TITLE, P1, caption + " ẢNH: NGỌC THẮNG", P2))
    assert body(article) == [P1, P2]
    assert [(c.text, c.credit) for c in article.captions] == [(caption, "NGỌC THẮNG")]


def test_caption_after_an_image_stub_without_credit():
    caption = "Quang cảnh lễ ký kết biên bản ghi nhớ"
    article = run(page(TITLE, P1, "![]()", caption, P2))
    assert body(article) == [P1, P2]
    assert [c.text for c in article.captions] == [caption]


def test_caption_printed_twice_is_one_caption():
    caption = "Đoàn đại biểu thủ đô Viêng Chăn thăm khu đô thị mới. Ảnh: Hồng Phúc"
    article = run(page(TITLE, P1, caption, caption, P2))
    assert body(article) == [P1, P2]
    assert len(article.captions) == 1 and article.captions[0].credit == "Hồng Phúc"


def test_short_prose_without_caption_evidence_stays_body():
    short = "Lễ ký kết diễn ra trong không khí hữu nghị, thân tình."
    assert body(run(page(TITLE, P1, short, P2))) == [P1, short, P2]


def test_anh_n_glued_to_the_caption():
    caption = "Hai bên ký kết biên bản ghi nhớ hợp tác giai đoạn mới."
    article = run(page(TITLE, P1, f"{TITLE} - ảnh 1{caption}", P2))
    assert body(article) == [P1, P2]
    assert [c.text for c in article.captions] == [caption]


# -- teasers and other stories ---------------------------------------------------------------------------

def test_unrelated_teaser_headline_between_sapo_and_body_is_removed():
    sapo = "- Hai thành phố thủ đô vừa ký kết văn kiện hợp tác đầu tiên về đào tạo cán bộ quản lý đô thị."
    teaser = "Chủ tịch nước tiếp Đại sứ Campuchia chào từ biệt"
    article = run(page(sapo, teaser, P2, P3))
    assert body(article) == [sapo, P2, P3]
    assert any("dòng 3" in note for note in article.clean_notes)


def test_related_list_after_marker_is_not_body():
    article = run(page(TITLE, P1, P2, "Tin liên quan", "Thủ tướng tiếp Bộ trưởng Bộ Ngoại giao Lào",
                       "Khai mạc Hội chợ thương mại Việt - Lào năm nay"))
    assert body(article) == [P1, P2]


# -- bylines, follow lines, footers ------------------------------------------------------------------------

def test_byline_with_timestamp_below_title_gives_author_and_stated_date():
    article = run(page(TITLE, "Nguyễn Minh Châu 18:17 | 28/01/2024", P1, P2))
    assert body(article) == [P1, P2]
    assert article.author.value == "Nguyễn Minh Châu"
    assert (article.published.date, article.published.basis) == ("2024-01-28", "stated")


def test_bare_author_name_at_the_end_is_meta():
    article = run(page(TITLE, P1, P2, "Minh Hằng"))
    assert body(article) == [P1, P2]
    assert article.author.value == "Minh Hằng"


def test_follow_line_is_chrome_and_never_an_author():
    article = run(page(TITLE, P1, P2, "Thu Trang", "Theo dõi Báo Thủ đô trên Google News"))
    assert body(article) == [P1, P2]
    assert article.author.value == "Thu Trang"


def test_keyword_category_source_and_copyright_footers():
    article = run(page(TITLE, P1, P2, "Nguồn tin: Cổng thông tin điện tử thành phố",
                       "Từ khóa: Hà Nội, Viêng Chăn, hợp tác", "Thể loại: Đối ngoại",
                       "© Bản quyền thuộc Cổng thông tin điện tử thành phố. Ghi rõ nguồn khi phát hành lại "
                       "thông tin từ website này."))
    assert body(article) == [P1, P2]


def test_initials_byline_then_outlet_attribution():
    article = run(page(TITLE, P1, P2, "H.T.", "Theo TTXVN"))
    assert body(article) == [P1, P2]


# -- titles -------------------------------------------------------------------------------------------------

def test_menu_emoji_and_app_banner_are_never_the_title():
    article = run(page("Skip to main content", "☰ Menu", "🔍", "Tải ứng dụng Báo Thủ đô",
                       "Thời sự", "Chính trị", TITLE, P1, P2))
    assert article.title.value == TITLE
    assert body(article) == [P1, P2]


def test_english_headline():
    title = "Vietnam, Laos share experience in training urban managers"
    lead = ("Hanoi (VNA) - Hanoi and Vientiane signed a memorandum of understanding on training urban "
            "managers on April 12, 2024.")
    article = run(page(title, lead, "The two capitals will also exchange experience in public transport "
                                     "and waste treatment."))
    assert article.title.value == title


def test_headline_after_a_date_line():
    article = run(page("Thứ Hai, 06/03/2017 - 10:15", TITLE, P1, P2))
    assert article.title.value == TITLE
    assert (article.published.date, article.published.basis) == ("2017-03-06", "stated")


def test_title_matching_the_url_slug_wins_over_a_nearer_teaser():
    url = "https://example.vn/doi-ngoai/ha-noi-va-vieng-chan-tang-cuong-hop-tac-dao-tao-can-bo-123.html"
    article = run(page(TITLE, "Hội chợ thương mại Việt - Lào mở cửa đón khách", P1, P2), url)
    assert article.title.value == TITLE


def test_untitled_page_gets_a_guessed_placeholder_from_its_first_sentence():
    article = run(page("Chia sẻ", "Bình luận (0)", P1, P2))
    assert article.title.guessed and article.title.value.startswith("[Sáng 12/4, tại Hà Nội")
    assert body(article) == [P1, P2]


# -- dates --------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("line, expected", [
    ("16:04 15/12/2025", "2025-12-15"),
    ("Cập nhật: 08:08 GMT - thứ ba, 14 tháng 6, 2011", "2011-06-14"),
    ("Thứ Hai, 06/03/2017", "2017-03-06"),
    ("Ngày đăng: 22.11.2023", "2023-11-22"),
    ("11/22/2023 10:30 AM", "2023-11-22"),
    ("March 6, 2017", "2017-03-06"),
    ("06 March 2011", "2011-03-06"),
    ("Thứ sáu 03/08/2012 | 09:13:00", "2012-08-03"),
    ("10/01/2013 01:27 GMT+7", "2013-01-10"),
    ("Chủ nhật, 5/1/2020, 07:00 (GMT+7)", "2020-01-05"),
])
def test_dateline_below_the_title_is_stated(line, expected):
    article = run(page(TITLE, line, P1, P2))
    assert (article.published.date, article.published.precision, article.published.basis) == (
        expected, "day", "stated")
    assert body(article) == [P1, P2]


def test_dateline_above_the_title():
    article = run(page("07/08/2011 - 20:41", TITLE, P1, P2))
    assert (article.published.date, article.published.basis) == ("2011-08-07", "stated")


def test_render_date_in_the_page_ribbon_is_never_stated():
    article = run(page("Thứ Năm, 15/05/2025", "Trang chủ", "Thời sự", "Chính trị", "Kinh tế", "Xã hội",
                       TITLE, P1, P2))
    assert article.published.basis != "stated"
    assert article.title.value == TITLE


def test_relative_date_with_the_year_elsewhere_in_the_text():
    lead = "Sáng nay (19-12), Chủ tịch nước chủ trì lễ đón Tổng Bí thư, Chủ tịch nước Lào thăm Việt Nam."
    more = "Đây là chuyến thăm cấp nhà nước đầu tiên của lãnh đạo Lào trong năm 2017 và là dịp quan trọng."
    article = run(page(TITLE, lead, more))
    assert (article.published.date, article.published.basis) == ("2017-12-19", "inferred")


@pytest.mark.parametrize("text", [
    "Hai bên thống nhất Kế hoạch hợp tác năm 2025 giữa hai thành phố.",
    "Phấn đấu kim ngạch thương mại đạt 5 tỷ USD vào năm 2030.",
    "Hai nước kỷ niệm 60 năm Ngày thiết lập quan hệ ngoại giao (1962 - 2022).",
])
def test_plan_target_and_anniversary_years_are_not_the_articles(text):
    lead = "Chiều 3/3, tại Viêng Chăn, đoàn đại biểu thành phố Hà Nội đã làm việc với chính quyền thủ đô."
    article = run(page(TITLE, lead, text))
    assert article.published.precision == "unknown"


def test_day_month_with_dots_and_a_stated_year():
    lead = "Ngày 6.12, tại Hà Nội, hai bên tổ chức lễ bế mạc “Năm Đoàn kết hữu nghị Việt Nam - Lào 2022”."
    article = run(page(TITLE, lead, P2))
    assert article.published.date == "2022-12-06"


def test_date_line_beside_the_closing_byline_is_the_articles():
    article = run(page(TITLE, P1, P2, "Minh Hằng", "22/11/2023"))
    assert (article.published.date, article.published.precision) == ("2023-11-22", "day")
    assert body(article) == [P1, P2]


def test_chrome_date_agreeing_with_the_leads_day_gives_the_year():
    lead = "Hôm 28/6, tại Hà Nội, hai bên đã ký kết 12 văn kiện hợp tác trong nhiều lĩnh vực quan trọng."
    article = run(page("Published in", "Việt Nam", "28/06/2021", TITLE, "Chia sẻ", "Trang chủ", "Tin tức",
                       lead, P2))
    assert (article.published.date, article.published.precision) == ("2021-06-28", "day")


# -- more headline shapes ----------------------------------------------------------------------------------

def test_upper_case_headline():
    title = "HÀ NỘI VÀ VIÊNG CHĂN TĂNG CƯỜNG HỢP TÁC ĐÀO TẠO CÁN BỘ"
    article = run(page("THỜI SỰ", title, P1, P2))
    assert article.title.value == title
    assert body(article) == [P1, P2]


def test_headline_printed_twice_above_its_lead():
    article = run(page(TITLE, "Đối ngoại", TITLE, P1, P2))
    assert article.title.value == TITLE
    assert body(article) == [P1, P2]


def test_headline_with_question_mark():
    title = "Vì sao Viêng Chăn chọn Hà Nội làm đối tác đào tạo cán bộ?"
    article = run(page(title, P1, P2))
    assert article.title.value == title


def test_sapo_without_final_stop_is_not_the_title():
    sapo = ("Hai thủ đô vừa ký kết văn kiện hợp tác đầu tiên về đào tạo cán bộ quản lý đô thị, mở ra giai đoạn "
            "hợp tác mới giữa Hà Nội và Viêng Chăn trong những năm tới")
    article = run(page(TITLE, sapo, P1, P2))
    assert article.title.value == TITLE
    assert body(article) == [sapo, P1, P2]


def test_headline_between_breadcrumb_and_byline():
    article = run(page("Trang chủ / Thời sự / Đối ngoại", TITLE, "Thứ Hai, 06/03/2017 - 10:15", "Thu Hà",
                       P1, P2, "Từ khóa: Hà Nội, Viêng Chăn"))
    assert article.title.value == TITLE
    assert article.author.value == "Thu Hà"
    assert (article.published.date, article.published.basis) == ("2017-03-06", "stated")
    assert body(article) == [P1, P2]


def test_page_flattened_with_headline_and_date_on_the_lead_line():
    article = run(f"Chia sẻ\n{TITLE} 12/04/2024 10:15 (HNM) - {P1}{P2}{P3}\n")
    assert article.title.value == TITLE
    assert body(article) == ["(HNM) - " + P1, P2, P3]
    assert (article.published.date, article.published.basis) == ("2024-04-12", "stated")
    assert any("một dòng" in note for note in article.clean_notes)


def test_untitled_page_opening_mid_prose_is_not_split_for_a_headline():
    line = "Hai bên nhất trí rằng Ngày 12/4 là ngày lịch sử của hai dân tộc anh em và sẽ được ghi nhớ mãi mãi."
    article = run(page(line, P2))
    assert body(article) == [line, P2] and article.title.guessed


def test_sapo_printed_twice_before_a_lead_opening_on_its_day_stays_body():
    sapo = "Hai thủ đô vừa ký kết văn kiện hợp tác đầu tiên về đào tạo cán bộ quản lý đô thị."
    article = run(page(TITLE, sapo, sapo, P1, P2))
    assert body(article) == [sapo, P1, P2]
    assert not article.captions


def test_credited_caption_printed_twice_before_the_lead():
    caption = "Quang cảnh lễ ký kết biên bản ghi nhớ. (Ảnh: HỒNG PHÚC)"
    article = run(page(TITLE, caption, caption, P1, P2))
    assert body(article) == [P1, P2]
    assert [(c.text, c.credit) for c in article.captions] == [("Quang cảnh lễ ký kết biên bản ghi nhớ.", "HỒNG PHÚC")]


@pytest.mark.parametrize("opening", [
    "Theo kế hoạch, hai bên sẽ cử 50 cán bộ sang học tập tại Hà Nội.",
    "“Đây là dấu mốc quan trọng”, lãnh đạo thành phố nhấn mạnh.",
    "Bên cạnh đó, hai bên thống nhất trao đổi đoàn định kỳ.",
])
def test_a_paragraph_after_an_image_stub_opening_like_prose_stays_body(opening):
    article = run(page(TITLE, P1, "{keywords}", opening, P2))
    assert body(article) == [P1, opening, P2]


def test_paragraph_citing_a_source_in_brackets_stays_body():
    line = ("Kim ngạch thương mại hai chiều năm 2023 đạt 1,6 tỷ USD, tăng 5% so với năm trước; hai bên đặt "
            "mục tiêu đạt 2 tỷ USD trong năm tới. (Nguồn: Tổng cục Hải quan)")
    article = run(page(TITLE, P1, line, P2))
    assert line in body(article) or body(article)[1].startswith("Kim ngạch")


@pytest.mark.parametrize("lead, more, expected", [
    ("Chiều 6/10, tại Hà Nội, Bộ Công Thương tổ chức hội nghị xúc tiến thương mại Việt Nam - Lào.",
     "Trong 9 tháng đầu năm 2022, kim ngạch thương mại hai chiều đạt 1,2 tỷ USD.", "2022-10-06"),
    ("(PLVN) - Sáng 24-12, tại Hà Nội, Bộ Ngoại giao hai nước tổ chức hội thảo.",
     "Hội thảo là hoạt động thiết thực chào mừng năm 2019 thành công.", "2019-12-24"),
    ("Tối 4-11 (giờ địa phương), tại Viêng Chăn, hai bên trao đổi về dự án cao tốc.",
     "Dự án được kỳ vọng hoàn thành trước năm 2030.", None),
    ("Hôm nay 24-11, tại Hà Nội, diễn ra lễ kỷ niệm.",
     "Năm 2016 đánh dấu nhiều sự kiện quan trọng trong quan hệ hai nước.", "2016-11-24"),
    ("Sáng nay (19/12), Chủ tịch nước chủ trì lễ đón.", "Chuyến thăm diễn ra từ ngày 18 đến 21/12/2017.",
     "2017-12-19"),
    ("Vientiane, December 5, 2022 - The two sides signed a cooperation agreement.",
     "The agreement covers education.", "2022-12-05"),
    ("Từ ngày 8-9/7, Thứ trưởng Ngoại giao đã thăm và làm việc tại Lào.",
     "Chuyến thăm nằm trong khuôn khổ kế hoạch hợp tác năm 2025.", None),
])
def test_the_leads_day_and_its_year_from_the_page_only(lead, more, expected):
    published = run(page(TITLE, lead, more)).published
    assert published.date == expected and published.basis != "stated"


@pytest.mark.parametrize("marker", ["Có thể bạn quan tâm", "👉 Bài viết liên quan:", "TIN LIÊN QUAN", "Xem thêm"])
def test_a_short_label_heading_a_list_of_headlines_ends_the_article(marker):
    article = run(page(TITLE, P1, P2, marker, "Thủ tướng tiếp Bộ trưởng Bộ Ngoại giao Lào",
                       "Khai mạc Hội chợ thương mại Việt - Lào tại Viêng Chăn", "Lào ra mắt sách về Chủ tịch Hồ Chí Minh"))
    assert body(article) == [P1, P2]


def test_a_subheading_followed_by_prose_stays_body():
    sub = "Mở rộng hợp tác đào tạo"
    assert body(run(page(TITLE, P1, P2, sub, P3, P4))) == [P1, P2, sub, P3, P4]


def test_a_list_inside_the_body_stays_body():
    label = "Các nội dung hợp tác gồm:"
    items = ["Đào tạo cán bộ quản lý đô thị", "Trao đổi kinh nghiệm quy hoạch giao thông công cộng"]
    assert body(run(page(TITLE, P1, label, *items, P2))) == [P1, label, *items, P2]


@pytest.mark.parametrize("text", [
    page(TITLE, P1 + P2 + P3, P4),
    f"Chia sẻ\n{TITLE} 12/04/2024 10:15 (HNM) - {P1}{P2}{P3}\n",
    page(TITLE, P1, P2 + "Toàn cảnh buổi hội đàm giữa hai đoàn. (Ảnh: Nhật Bắc)", P3),
])
def test_split_lines_keep_every_character(text):
    article = run(text)
    for source_line, raw in zip(article.source_lines, text.split("\n"), strict=True):
        assert "".join(seg.text for seg in source_line.segments).replace(" ", "") == raw.strip().replace(" ", "")
