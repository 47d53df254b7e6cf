"""The cleaner on page layouts of outlets outside the dev corpus, one test per kind of trouble.

Every page here is written for this test in the style of an outlet the dev corpus does not
hold (Tuổi Trẻ, Thanh Niên, VnExpress, VietnamPlus, Lao Động, Công an nhân dân, QĐND, VOV,
Khaosan Pathet Lao, provincial papers); none is copied. The rules checked are the ones of
../shared/guides/annotation.md §1: a body paragraph is never lost or altered — a line that
holds a paragraph and something else is split, the paragraph's text untouched; a caption
needs caption evidence; when unsure a line stays body and the article is listed for review;
a title is never chrome.
"""

from __future__ import annotations

import pytest
from conftest import clean_text

from build_archive.model.enums import LineRole

TITLE = "Quảng Trị và Savannakhet hợp tác phát triển hành lang kinh tế Đông - Tây"
LEAD = ("Sáng 18/9, tại thành phố Đông Hà, Ủy ban nhân dân tỉnh Quảng Trị và chính quyền tỉnh Savannakhet "
        "đã tổ chức hội nghị thường niên về hợp tác phát triển hành lang kinh tế Đông - Tây.")
P2 = ("Hai bên thống nhất đẩy mạnh kết nối giao thông, tạo thuận lợi cho hàng hóa qua cặp cửa khẩu quốc tế "
      "Lao Bảo - Đensavẳn và phối hợp quản lý tốt đường biên giới chung.")
P3 = ("Phát biểu tại hội nghị, lãnh đạo tỉnh Savannakhet cảm ơn sự giúp đỡ của tỉnh Quảng Trị trong đào tạo "
      "nguồn nhân lực và mong muốn hai tỉnh mở rộng hợp tác trong lĩnh vực nông nghiệp.")
P4 = ("Nhân dịp này, hai tỉnh ký kết biên bản hợp tác giai đoạn mới, trong đó ưu tiên các dự án thương mại, "
      "du lịch và giáo dục.")


def run(text: str, url: str | None = None):
    return clean_text(text, url)


def body(article) -> list[str]:
    return [p.text for p in article.paragraphs]


def page(*lines: str) -> str:
    return "\n\n".join(lines) + "\n"


def roles(article, line: int) -> list[tuple[str, str]]:
    return [(seg.role, seg.text) for seg in article.source_lines[line - 1].segments]


# -- titles: never chrome -----------------------------------------------------------------------------------

def test_section_chip_between_headline_and_date_is_not_the_title():
    article = run(page("Trang chủ", TITLE, "Quan hệ quốc tế - Đối ngoại", "Thứ Sáu, 20/09/2024 15:30", LEAD, P2))
    assert article.title.value == TITLE
    assert body(article) == [LEAD, P2]


def test_audio_player_labels_are_not_the_title():
    article = run(page("Thời sự", TITLE, "Nghe bài viết", "Giọng nữ miền Bắc", "Thứ Năm, 19/9/2024, 07:00 (GMT+7)",
                       LEAD, P2))
    assert article.title.value == TITLE


def test_emoji_before_the_headline_is_chrome():
    article = run(page("🏠", "📱 Tải App", "🔴 TRỰC TIẾP", "⚡ " + TITLE, LEAD, P2))
    assert article.title.value == TITLE
    assert roles(article, 7) == [(LineRole.CHROME, "⚡"), (LineRole.TITLE, TITLE)]


def test_uncredited_caption_under_a_photo_below_the_headline_is_not_the_title():
    caption = "Lãnh đạo hai tỉnh tại hội nghị"
    article = run(page("![logo](/static/logo.png)", TITLE, "![](/uploads/2024/09/hoi-nghi.jpg)", caption,
                       "(CAND) - " + LEAD, P2))
    assert article.title.value == TITLE
    assert [c.text for c in article.captions] == [caption]
    assert body(article) == ["(CAND) - " + LEAD, P2]


def test_share_and_print_buttons_under_the_headline_are_never_the_author():
    article = run(page("VietnamPlus", "Thế giới", TITLE, "Thứ Năm, 19/9/2024 - 10:15", "Email", "In",
                       "Savannakhet (TTXVN) - " + LEAD, P2))
    assert article.author.value is None
    assert body(article)[0] == "Savannakhet (TTXVN) - " + LEAD


def test_teaser_headline_between_the_headline_and_the_lead():
    teaser = "Chủ tịch nước tiếp Đại sứ Campuchia chào từ biệt nhân dịp kết thúc nhiệm kỳ công tác"
    article = run(page(TITLE, teaser, LEAD, P2))
    assert article.title.value == TITLE
    assert body(article) == [LEAD, P2]


H1 = "Thủ tướng tiếp Bộ trưởng Bộ Ngoại giao Lào"
S1 = "Chiều 17/9, Thủ tướng đã tiếp Bộ trưởng Bộ Ngoại giao Lào đang thăm chính thức Việt Nam."
H2 = "Khai mạc Hội chợ thương mại Việt - Lào tại Viêng Chăn"
S2 = "Hội chợ thu hút hơn 200 gian hàng của doanh nghiệp hai nước tham gia trong năm ngày."


def test_other_stories_with_their_leads_above_the_headline():
    article = run(page("Tin nổi bật", H1, S1, H2, S2, TITLE, "Thứ Tư, 18/09/2024 10:15", LEAD, P2, P3))
    assert article.title.value == TITLE
    assert body(article) == [LEAD, P2, P3]
    assert any("tin khác trước tiêu đề" in note for note in article.clean_notes)


@pytest.mark.parametrize("between", ["Thứ Năm, 19/09/2024", "Minh Anh"])
def test_subheadings_of_the_article_are_not_taken_for_a_later_headline(between):
    sub1, sub2 = "Kết nối giao thông", "Hợp tác nông nghiệp"
    head = (TITLE, "Thứ Tư, 18/09/2024 10:15") if between[0].isdigit() or between.startswith("Thứ") else (TITLE,)
    article = run(page(*head, LEAD, sub1, P2, sub2, between, P3))
    assert article.title.value == TITLE
    assert body(article) == [LEAD, sub1, P2, sub2, P3]


def test_date_line_run_into_the_headline_after_it():
    article = run(page("Thứ Tư, 18/09/2024 10:15 " + TITLE, "(QTO) - " + LEAD, P2))
    assert article.title.value == TITLE
    assert roles(article, 1) == [(LineRole.META, "Thứ Tư, 18/09/2024 10:15"), (LineRole.TITLE, TITLE)]
    assert (article.published.date, article.published.basis) == ("2024-09-18", "stated")


# -- a paragraph sharing its line with something else: split, never lost or altered ---------------------------

@pytest.mark.parametrize("caption, credit", [
    ("Toàn cảnh hội nghị. Ảnh: TTXVN", "TTXVN"),
    ("Toàn cảnh hội nghị (Ảnh: Minh Anh)", "Minh Anh"),
    ("Toàn cảnh hội nghị. Ảnh: Hoàng Chương/Vietnam+", "Hoàng Chương/Vietnam+"),
    ("Toàn cảnh hội nghị. ẢNH: NGỌC THẮNG", "NGỌC THẮNG"),
])
def test_caption_and_credit_before_a_paragraph_on_one_line(caption, credit):
    article = run(page(TITLE, LEAD, f"{caption} {P2}", P3))
    assert body(article) == [LEAD, P2, P3]
    assert [c.credit for c in article.captions] == [credit]


@pytest.mark.parametrize("prefix", ["Chia sẻ Facebook Twitter", "Trang chủ", "Thứ Năm, 19/09/2024 10:15"])
def test_chrome_before_the_lead_on_its_line(prefix):
    article = run(page(TITLE, f"{prefix} {LEAD}", P2))
    assert body(article) == [LEAD, P2]


def test_byline_with_timestamp_run_into_the_lead():
    article = run(page(TITLE, "Nguyễn Minh Châu 18:17 | 18/09/2024 (LĐO) - " + LEAD, P2))
    assert body(article) == ["(LĐO) - " + LEAD, P2]
    assert article.author.value == "Nguyễn Minh Châu"


def test_share_buttons_before_a_dateline_tag_in_lower_case():
    assert body(run(page(TITLE, "Chia sẻ VTV.vn - " + LEAD, P2))) == ["VTV.vn - " + LEAD, P2]


@pytest.mark.parametrize("lead", [
    "VOV.VN - " + LEAD,
    "VTV.vn - " + LEAD,
    "Savannakhet (KPL) - " + LEAD,
    "Đông Hà, 18/9 (TTXVN) - " + LEAD,
])
def test_a_dateline_before_the_lead_stays_with_it(lead):
    assert body(run(page(TITLE, lead, P2))) == [lead, P2]


@pytest.mark.parametrize("suffix, role", [
    ("Từ khóa: Quảng Trị, Savannakhet, hành lang kinh tế", LineRole.CHROME),
    ("Tags: Quảng Trị Savannakhet", LineRole.CHROME),
    ("Chia sẻ", LineRole.CHROME),
    ("Theo TTXVN", LineRole.META),
    ("Nguồn: Báo Quảng Trị", LineRole.META),
])
def test_footer_run_onto_the_last_paragraph(suffix, role):
    article = run(page(TITLE, LEAD, P2, f"{P3} {suffix}"))
    assert body(article) == [LEAD, P2, P3]
    assert roles(article, 7) == [(LineRole.BODY, P3), (role, suffix)]


def test_pointer_to_another_story_run_onto_a_paragraph_or_on_its_own_line():
    see_more = ">> Xem thêm: Thủ tướng tiếp Bộ trưởng Bộ Ngoại giao Lào"
    article = run(page(TITLE, LEAD, f"{P2} {see_more}", P3, "👉 Đọc thêm: Khai mạc Hội chợ thương mại Việt - Lào", P4))
    assert body(article) == [LEAD, P2, P3, P4]


def test_caption_with_its_credit_in_brackets_glued_before_a_paragraph():
    article = run(page(TITLE, LEAD, "Toàn cảnh hội nghị (Ảnh: TTXVN)" + P2, P3))
    assert body(article) == [LEAD, P2, P3]
    assert [(c.text, c.credit) for c in article.captions] == [("Toàn cảnh hội nghị", "TTXVN")]


def test_signature_after_the_closing_mark():
    article = run(page(TITLE, "VOV.VN - " + LEAD, P2[:-1] + "./." + "Minh Hằng/VOV-Miền Trung"))
    assert body(article) == ["VOV.VN - " + LEAD, P2[:-1] + "./."]


def test_vov_signature_on_its_own_line():
    article = run(page(TITLE, "VOV.VN - " + LEAD, P2, "Minh Hằng/VOV-Miền Trung"))
    assert body(article) == ["VOV.VN - " + LEAD, P2]
    assert article.author.value == "Minh Hằng"


def test_lao_dong_dateline_with_a_bar_stays_with_the_lead():
    assert body(run(page(TITLE, "Nguyễn Minh Châu 18:17 | 18/09/2024", "LĐO | " + LEAD, P2))) == ["LĐO | " + LEAD, P2]


def test_paragraphs_glued_after_an_acronym():
    first = LEAD[:-1] + " với sự tham dự của đại diện ASEAN."
    assert body(run(page(TITLE, first + P2, P3))) == [first, P2, P3]


def test_abbreviated_titles_are_not_glue():
    line = ("Đoàn của GS.TSKH Nguyễn Văn An và PGS.TS Trần Bình đã làm việc với Sở Ngoại vụ tỉnh Quảng Trị "
            "về dự án đào tạo.")
    assert body(run(page(TITLE, LEAD, line))) == [LEAD, line]


def test_page_flattened_after_a_breadcrumb():
    article = run(f"Trang chủ > Thời sự > {TITLE} 18/09/2024 10:15 (QTO) - {LEAD}{P2}{P3}\n")
    assert article.title.value == TITLE
    assert body(article) == ["(QTO) - " + LEAD, P2, P3]


def test_page_flattened_with_a_link_in_it_is_not_dropped():
    line = f"{LEAD}{P2}{P3}Nguồn: https://baoquangtri.vn/quang-tri-savannakhet-hop-tac-123.htm"
    article = run(page(TITLE, line))
    assert body(article) == [LEAD, P2, P3]
    assert article.source_url.value == "https://baoquangtri.vn/quang-tri-savannakhet-hop-tac-123.htm"


def test_a_short_notice_with_a_link_is_not_the_lead():
    notice = "Trang đã được chuyển sang địa chỉ mới http://example.blogspot.com/ ."
    article = run(page(notice, TITLE, LEAD, P2))
    assert article.title.value == TITLE
    assert body(article) == [LEAD, P2]


def test_a_long_line_opening_with_a_chrome_prefix_is_not_dropped():
    assert body(run(page(TITLE, "Trang chủ " + LEAD, P2))) == [LEAD, P2]


def test_short_lead_with_a_photo_credit_run_into_it():
    lead = "Sáng 18/9, tại Đông Hà, lãnh đạo hai tỉnh đã ký kết biên bản hợp tác giai đoạn mới."
    article = run(page(TITLE, f"{lead} Ảnh: Thanh Quỳnh", P2))
    assert body(article) == [lead, P2]
    assert article.clean_notes


# -- a paragraph is not a caption without caption evidence --------------------------------------------------

def test_a_reported_sentence_after_a_photo_stays_body():
    short = "Hai bên đã ký kết năm văn kiện hợp tác quan trọng."
    article = run(page(TITLE, LEAD, "![]()", short, P2))
    assert body(article) == [LEAD, short, P2]
    assert any("dòng 7" in note for note in article.clean_notes)


def test_a_reported_sentence_over_a_credit_stays_body():
    article = run(page(TITLE, LEAD, "THANH HÀ", P2, "Ảnh: NGỌC THẮNG"))
    assert body(article) == [LEAD, P2]
    assert [(c.text, c.credit) for c in article.captions] == [("", "NGỌC THẮNG")]


def test_tuoi_tre_caption_with_a_dash_before_its_credit():
    caption = "Lãnh đạo hai tỉnh Quảng Trị và Savannakhet tại hội nghị"
    article = run(page(TITLE, "TTO - " + LEAD, f"{caption} - Ảnh: HOÀNG TÁO", P2))
    assert body(article) == ["TTO - " + LEAD, P2]
    assert [(c.text, c.credit) for c in article.captions] == [(caption, "HOÀNG TÁO")]


def test_a_photo_caption_without_a_report_is_still_a_caption():
    caption = "Quang cảnh hội nghị thường niên giữa hai tỉnh"
    article = run(page(TITLE, LEAD, "![]()", caption, P2))
    assert [c.text for c in article.captions] == [caption]
    assert body(article) == [LEAD, P2]


# -- chrome told from prose --------------------------------------------------------------------------------

def test_imprint_footer():
    article = run(page(TITLE, LEAD, P2, "Giấy phép số 123/GP-BTTTT cấp ngày 1/1/2020",
                       "Tổng biên tập: Nguyễn Văn A", "Địa chỉ: 01 Hùng Vương, Đông Hà, Quảng Trị",
                       "Điện thoại: 0233 1234 567 - Email: toasoan@example.vn"))
    assert body(article) == [LEAD, P2]
    assert article.published.precision != "day" or article.published.basis != "stated"


@pytest.mark.parametrize("line", [
    "Theo dõi diễn biến trên thị trường, Sở Công Thương hai tỉnh đã thống nhất nhiều biện pháp hỗ trợ.",
    "Theo Chủ tịch tỉnh đây là dấu mốc quan trọng.",
    "Các điểm (a), (b), (c) của biên bản được hai bên thống nhất",
    "Chủ đề: “Hợp tác vì phát triển bền vững” được hai bên lựa chọn cho hội nghị lần này, với nhiều nội dung thiết thực.",
])
def test_prose_that_looks_a_little_like_chrome_stays_body(line):
    assert body(run(page(TITLE, LEAD, P2, line, P3))) == [LEAD, P2, line, P3]


def test_byline_under_the_sapo_does_not_end_the_article():
    sapo = "Hai tỉnh vừa ký kết văn kiện hợp tác mới về phát triển hành lang kinh tế Đông - Tây."
    sub = "Mở rộng hợp tác thương mại"
    article = run(page(TITLE, sapo, "THANH HÀ", LEAD, sub, P2, P3))
    assert body(article) == [sapo, LEAD, sub, P2, P3]
    assert article.author.value == "THANH HÀ"


def test_a_subheading_right_after_the_sapo_is_not_a_teaser():
    sapo = "Hai tỉnh vừa ký kết văn kiện hợp tác mới về phát triển hành lang kinh tế Đông - Tây."
    sub = "Hợp tác phát triển hành lang kinh tế"
    assert body(run(page(TITLE, sapo, sub, LEAD, P2))) == [sapo, sub, LEAD, P2]


def test_prose_after_a_box_of_other_stories_inside_the_article():
    article = run(page(TITLE, LEAD, P2, "Tin liên quan", "Thủ tướng tiếp Bộ trưởng Bộ Ngoại giao Lào",
                       "Khai mạc Hội chợ thương mại Việt - Lào tại Viêng Chăn", P3, P4, "Minh Anh"))
    assert body(article) == [LEAD, P2, P3, P4]
    assert article.author.value == "Minh Anh"
    assert any("dòng 13" in note for note in article.clean_notes)


def test_readers_comments_never_come_back_as_body():
    comments = ["Bài viết rất hay, mong hai tỉnh tiếp tục hợp tác hiệu quả hơn nữa trong thời gian tới.",
                "Tôi đã từng đến Savannakhet, người dân ở đây rất thân thiện và mến khách."]
    article = run(page(TITLE, LEAD, P2, "Ý kiến bạn đọc", *comments))
    assert body(article) == [LEAD, P2]


@pytest.mark.parametrize("label", ["Từ khóa", "Tags"])
def test_a_keyword_label_on_its_own_line_ends_the_article(label):
    article = run(page(TITLE, LEAD, P2, label, "Quảng Trị", "Savannakhet", "hành lang kinh tế Đông - Tây"))
    assert body(article) == [LEAD, P2]


def test_a_list_of_other_stories_with_their_leads_is_not_prose():
    teaser_lead = "Chiều 17/9, Thủ tướng đã tiếp Bộ trưởng Bộ Ngoại giao Lào đang thăm chính thức Việt Nam."
    other_lead = "Hội chợ thu hút hơn 200 gian hàng của doanh nghiệp hai nước tham gia trong năm ngày."
    article = run(page(TITLE, LEAD, P2, "Tin cùng chuyên mục", "Thủ tướng tiếp Bộ trưởng Bộ Ngoại giao Lào",
                       teaser_lead, "Khai mạc Hội chợ thương mại Việt - Lào tại Viêng Chăn", other_lead))
    assert body(article) == [LEAD, P2]


def test_nothing_is_lost_on_a_page_of_every_trouble():
    text = page("Skip to main content", "☰ Menu", "Tải ứng dụng", "Thời sự", TITLE, "Quan hệ quốc tế - Đối ngoại",
                "Thứ Tư, 18/09/2024 - 10:15", "Chia sẻ Facebook Twitter (QTO) - " + LEAD,
                "Toàn cảnh hội nghị. ẢNH: TTXVN " + P2, "Tin liên quan", "Thủ tướng tiếp Bộ trưởng Bộ Ngoại giao Lào",
                "Khai mạc Hội chợ thương mại Việt - Lào tại Viêng Chăn", P3, P4 + " Từ khóa: Quảng Trị, Savannakhet",
                "Theo dõi Báo Quảng Trị trên Google News", "© 2024 Báo Quảng Trị")
    article = run(text)
    assert article.title.value == TITLE
    assert body(article) == ["(QTO) - " + LEAD, P2, P3, P4]
    for source_line, raw in zip(article.source_lines, text.split("\n"), strict=True):
        assert "".join(seg.text for seg in source_line.segments).replace(" ", "") == raw.strip().replace(" ", "")
