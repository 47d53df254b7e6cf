"""Entity tagging on paragraphs written in the style of outlets the tagger was never fitted to.

VOV, VietnamPlus/TTXVN, QĐND, Biên phòng, Pathet Lao's Vietnamese pages, provincial papers, and
text stripped of its diacritics: each test checks a class of problem (organisation boundaries,
places of the region, names of the region's people, bylines and datelines), not one page.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import project_tagger

from build_archive.common.errors import InputError
from build_archive.tag.entities import short_names, tag_entities
from build_archive.tag.knowledge import load_entities, load_gazetteer

ROOT = Path(__file__).resolve().parent.parent
TAGGER = project_tagger()


def spans(text: str) -> list[tuple[str, str]]:
    return [(s.text, str(s.type)) for s in tag_entities(text, TAGGER.matcher)]


def ids(text: str) -> list[tuple[str, str]]:
    return [(s.text, s.id) for s in tag_entities(text, TAGGER.matcher)]


@pytest.mark.parametrize("text, name", [
    ("Tổng Lãnh sự quán Việt Nam tại Pakse tổ chức lễ kỷ niệm Quốc khánh.", "Tổng Lãnh sự quán Việt Nam tại Pakse"),
    ("Tham dự có đại diện Đại sứ quán Lào tại Hà Nội.", "Đại sứ quán Lào tại Hà Nội"),
    ("Bệnh viện Hữu nghị Việt Nam - Lào ở Hủa Phăn khám cho 500 người.", "Bệnh viện Hữu nghị Việt Nam - Lào"),
    ("Ngân hàng Liên doanh Lào - Việt có trụ sở tại Viêng Chăn.", "Ngân hàng Liên doanh Lào - Việt"),
    ("Trường Chính trị tỉnh Hà Tĩnh phối hợp mở lớp bồi dưỡng.", "Trường Chính trị tỉnh Hà Tĩnh"),
    ("Đại học Quốc gia Hà Nội ký thỏa thuận với đối tác.", "Đại học Quốc gia Hà Nội"),
    ("Tổng công ty Đầu tư và Kinh doanh vốn nhà nước rót vốn vào Lào.",
     "Tổng công ty Đầu tư và Kinh doanh vốn nhà nước"),
    ("Văn phòng Quốc hội phối hợp tổ chức hội thảo.", "Văn phòng Quốc hội"),
    ("Ban Bí thư Trung ương Đảng Cộng sản Việt Nam gửi điện mừng.", "Ban Bí thư Trung ương Đảng Cộng sản Việt Nam"),
    ("Hiệp hội Doanh nghiệp Việt Nam tại Lào kêu gọi hội viên ủng hộ.", "Hiệp hội Doanh nghiệp Việt Nam"),
])
def test_organisation_names_keep_their_whole_name(text, name):
    """The longest name wins (guide §3): a mission with where it is, a body of a known body, the
    pair of countries a joint body is named for, a name of many lower-case words."""
    found = spans(text)
    assert (name, "organization") in found
    inside = [t for t, _ in found if t != name and t in name]
    assert not inside, f"{inside} are inside {name!r}"


@pytest.mark.parametrize("text, name", [
    ("Chủ tịch Quốc hội Campuchia Khuon Sudary tiếp đoàn.", "Quốc hội Campuchia"),
    ("Bộ Ngoại giao Thái Lan ra thông cáo.", "Bộ Ngoại giao Thái Lan"),
])
def test_another_countrys_bodies_are_not_vietnams(text, name):
    assert (name, "organization") in spans(text)
    assert not [i for _, i in ids(text) if i.endswith("-viet-nam")]


def test_both_countries_bodies_of_the_same_name_stay_distinct():
    found = dict(ids("Hội Liên hiệp Phụ nữ Việt Nam và Hội Liên hiệp Phụ nữ Lào ký biên bản; "
                     "Kiểm toán Nhà nước Lào thăm Ngân hàng Nhà nước Việt Nam."))
    assert found["Hội Liên hiệp Phụ nữ Việt Nam"] == "hoi-lien-hiep-phu-nu-viet-nam"
    assert found["Hội Liên hiệp Phụ nữ Lào"] == "hoi-lien-hiep-phu-nu-lao"
    assert found["Kiểm toán Nhà nước Lào"] == "kiem-toan-nha-nuoc-lao"
    assert found["Ngân hàng Nhà nước Việt Nam"] == "ngan-hang-nha-nuoc-viet-nam"


def test_border_gates_are_one_place_with_their_proper_name():
    found = spans("Xe qua Cửa khẩu Quốc tế Cầu Treo về Hà Tĩnh; Cửa khẩu Quốc gia Tà Vát thông quan.")
    assert ("Cửa khẩu Quốc tế Cầu Treo", "place") in found
    assert ("Cửa khẩu Quốc gia Tà Vát", "place") in found
    assert ("Cầu Treo", "place") not in found and ("Quốc", "place") not in found


@pytest.mark.parametrize("text, expected", [
    ("Lào Cai, Lai Châu, Điện Biên giáp Phông Sa Lỳ và U Đôm Xay.",
     ["lao-cai", "lai-chau", "dien-bien", "phong-sa-ly", "u-dom-xay"]),
    ("Đoàn thăm Sầm Nưa (Hủa Phăn), Phônsavẳn và Xa-van-na-khẹt.", ["sam-neua", "hua-phan", "phonsavan", "savannakhet"]),
    ("Các nhà lãnh đạo gặp nhau ở Bandar Seri Begawan, Dili và Kuala Lumpur.",
     ["bandar-seri-begawan", "dili", "kuala-lumpur"]),
    ("Tây Nguyên và Đồng bằng sông Cửu Long xuất khẩu sang Liên minh châu Âu.",
     ["tay-nguyen", "dong-bang-song-cuu-long", "lien-minh-chau-au"]),
    ("Hàng hóa qua cửa khẩu Pa Háng, Nậm On và Bò Ten.", ["pa-hang", "nam-on", "boten"]),
])
def test_the_regions_places_in_the_spellings_papers_print(text, expected):
    assert [i for _, i in ids(text)] == expected


def test_a_country_after_a_title_before_a_name_is_a_place_and_the_name_a_person():
    found = spans("Tổng thống Nga Vladimir Putin điện đàm với Thủ tướng Đức Olaf Scholz.")
    assert ("Nga", "place") in found and ("Vladimir Putin", "person") in found
    assert ("Đức", "place") in found and ("Olaf Scholz", "person") in found
    assert spans("Nguyên Tổng Bí thư Nông Đức Mạnh dự lễ.") == [("Nông Đức Mạnh", "person")]


def test_khmer_titles_of_rank_are_no_part_of_the_name():
    found = spans("Chủ tịch Thượng viện Campuchia Samdech Techo Hun Sen tiếp đoàn.")
    assert ("Hun Sen", "person") in found
    assert not [t for t, k in found if k == "person" and "Samdech" in t]


@pytest.mark.parametrize("text", [
    "VIÊNG CHĂN (Pathet Lao) - Sáng 20/6, tại Viêng Chăn, hai bên ký kết biên bản.",
    "(Pathet Lao) - Chiều 3/5, đoàn tới Luang Prabang.",
])
def test_the_outlet_of_a_dateline_is_not_a_mention(text):
    assert not [t for t, _ in spans(text) if "Pathet" in t]


def test_names_and_places_printed_without_diacritics():
    found = spans("Pho Thu tuong Tran Hong Ha tiep doan tinh Nghe An va Ha Tinh.")
    assert ("Tran Hong Ha", "person") in found
    assert ("Nghe An", "place") in found and ("Ha Tinh", "place") in found
    assert spans("To lon va dep.") == []


def test_a_paragraph_cut_off_mid_word_leaves_no_junk_name():
    found = spans("Hôm qua, tại Hà Nội, Đoàn đại biểu cấp cao Lào đã đến thăm và làm việc với lãnh đạo Bộ Ngoạ")
    assert [t for t, _ in found] == ["Hà Nội", "Lào"]


def test_words_that_end_in_a_place_head_hold_no_place():
    assert spans("Các Biên bản Cuộc gặp thường niên đã được thực hiện.") == []


def test_the_gazetteer_refuses_an_unknown_kind(tmp_path):
    bad = tmp_path / "gazetteer.yml"
    bad.write_text("places:\n  - {kind: planet, id: sao-hoa, name: Sao Hỏa}\n")
    with pytest.raises(InputError, match="gazetteer.yml:2.*kind 'planet'"):
        load_gazetteer(bad, load_entities(ROOT / "data" / "entities.yml"))


def test_countries_of_the_gazetteer_are_known_as_countries():
    assert {"viet-nam", "lao", "thai-lan", "campuchia", "trung-quoc", "hoa-ky"} <= TAGGER.matcher.countries
    assert "hua-phan" not in TAGGER.matcher.countries


def test_a_border_post_named_for_its_gate_is_one_organisation():
    found = spans("Đồn Biên phòng Cửa khẩu Quốc tế Lao Bảo phối hợp với Đại đội Biên phòng 515 tuần tra.")
    assert [t for t, _ in found] == ["Đồn Biên phòng Cửa khẩu Quốc tế Lao Bảo", "Đại đội Biên phòng 515"]


def test_thai_names_with_joined_syllables_and_names_after_academic_titles():
    assert ("Prayut Chan-o-cha", "person") in spans("Thủ tướng Thái Lan Prayut Chan-o-cha tiếp đoàn.")
    assert ("Nguyễn Văn Hùng", "person") in spans("PGS.TS Nguyễn Văn Hùng trao bằng cho học viên.")


def test_a_bare_organ_inside_a_title_is_part_of_the_role():
    assert spans("Phó Chủ tịch Quốc hội Nguyễn Thị Thanh dự lễ.") == [("Nguyễn Thị Thanh", "person")]
    assert ("Quốc hội Lào", "organization") in spans("Phó Chủ tịch Quốc hội Lào Sommad Pholsena dự lễ.")
    assert ("Quốc hội", "organization") in spans("Quốc hội thông qua nghị quyết.")


def test_a_language_named_for_a_country_is_not_the_country():
    assert spans("Học viên học tiếng Lào một năm tại Lào.") == [("Lào", "place")]


def test_a_short_name_calls_back_the_person_the_article_named_before():
    first = tag_entities("Chủ tịch nước Nguyễn Minh Triết và ông Nguyễn Văn Hùng tới Viêng Chăn; Thủ tướng Lào "
                         "Sonexay Siphandone đón.", TAGGER.matcher)
    second = tag_entities("Ông Triết gặp ông Sonexay; ông Hùng cùng dự.", TAGGER.matcher, short_names(first))
    assert [(s.text, s.id) for s in second if s.type == "person"] == [
        ("Triết", "nguyen-minh-triet"), ("Sonexay", "sonexay-siphandone"),
        ("Hùng", "provisional-person-nguyen-van-hung")]
    assert [s.text for s in tag_entities("Ông Triết gặp ông Hùng.", TAGGER.matcher)] == []


def test_communities_schools_and_hospitals_named_by_their_kind_and_place():
    found = spans("Hội người Việt Nam tại Lào, Câu lạc bộ đồng hương Xiengkhuang và Bệnh viện đa khoa tỉnh Hủa Phăn "
                  "cùng dự; Trường hợp Lào cũng vậy.")
    assert [t for t, k in found if k == "organization"] == [
        "Hội người Việt Nam tại Lào", "Câu lạc bộ đồng hương Xiengkhuang", "Bệnh viện đa khoa tỉnh Hủa Phăn"]
    assert ("Lào", "place") in found  # "Trường hợp": a case, no school


def test_a_known_body_printed_with_its_head_word_keeps_its_link():
    assert ids("Trường Đại học Quốc gia Lào đón sinh viên.") == [("Trường Đại học Quốc gia Lào", "dai-hoc-quoc-gia-lao")]


def test_a_lao_name_printed_as_vietnamese_syllables_is_one_person():
    found = spans("Thiếu tướng Xay Nha Hát Phôm Vi Hản, Tổng tham mưu trưởng QĐND Lào, thăm đơn vị.")
    assert ("Xay Nha Hát Phôm Vi Hản", "person") in found


def test_a_village_has_a_name_of_its_own_and_a_copy_of_a_document_is_none():
    assert ("Na Xượng", "place") in spans("Người dân bản Na Xượng, huyện Nhommalath đón đoàn.")
    assert spans("Hai bên trao bản Ghi nhớ và bản Báo cáo tổng kết.") == []


@pytest.mark.parametrize("text", [
    "Tin, ảnh: Nguyễn Văn Hải",
    "Bài và ảnh: Trần Thị Minh Thu",
    "Nhóm PV Lê Minh Hoàng - Phạm Thị Hà",
    "Phóng viên Nguyễn Văn Nam (TTXVN) tại Viêng Chăn",
    "Nguyễn Hoàng (Từ Viêng Chăn)",
    "Ghi chép của Phạm Tuấn Anh",
    "Theo Hà Văn/Báo Điện tử Chính phủ",
])
def test_bylines_and_credits_are_never_persons(text):
    assert not [t for t, k in spans(text) if k == "person"]


def test_a_reporter_named_in_a_sentence_is_still_a_person():
    assert ("Nguyễn Văn Nam", "person") in spans("Phóng viên Nguyễn Văn Nam đã phỏng vấn Đại sứ Lào.")


@pytest.mark.parametrize("text, name", [
    ("Hai bên rà soát Chiến lược hợp tác giai đoạn 2021-2030.", "Chiến lược hợp tác giai đoạn 2021-2030"),
    ("Hai bộ ký kế hoạch song phương năm 2024.", "kế hoạch song phương năm 2024"),
    ("Lào thực hiện Chiến lược phát triển kinh tế - xã hội đến năm 2030.",
     "Chiến lược phát triển kinh tế - xã hội đến năm 2030"),
])
def test_plans_named_as_agreements(text, name):
    assert (name, "agreement") in spans(text)


@pytest.mark.parametrize("text", [
    "Điều này phù hợp với chiến lược phát triển của Lào đến năm 2025.",
    "Lào đang thực hiện kế hoạch 5 năm lần thứ VIII (2016-2020).",
    "Đây là Chiến lược phát triển dài hạn của Việt Nam.",
])
def test_one_countrys_own_plans_are_not_agreements(text):
    assert not [t for t, k in spans(text) if k == "agreement"]


def test_a_count_of_two_kinds_printed_as_one_group():
    from build_archive.model.article import PubDate
    from build_archive.tag.figures import tag_figures
    figs = tag_figures("Hai bên cắm 1002 mốc và cọc dấu; 1.029 cán bộ, học viên từ 11 tỉnh, thành phố dự lớp; "
                       "5 hội nghị, diễn đàn.", TAGGER.figure_rules, PubDate("2020-01-01", "day", "stated"))
    assert [(f.value, f.unit) for f in figs if f.kind == "count"] == [
        (1002, "mốc và cọc dấu"), (1029, "cán bộ, học viên"), (11, "tỉnh, thành phố"), (5, "hội nghị")]


def test_a_period_of_years_at_the_end_of_a_sentence_or_before_a_comma_is_a_date():
    from build_archive.model.article import PubDate
    from build_archive.tag.figures import tag_figures
    figs = tag_figures("Năm học 2015-2016, tỉnh tiếp nhận học viên theo kế hoạch đến 2016-2020.", TAGGER.figure_rules,
                       PubDate("2016-05-01", "day", "stated"))
    assert [f.value for f in figs if f.kind == "date"] == [("2015", "2016"), ("2016", "2020")]


def test_a_body_of_the_other_countrys_party_is_one_name_not_ours_and_a_place():
    found = spans("Đồng chí tiếp Đoàn đại biểu Văn phòng Trung ương Đảng Nhân dân Cách mạng Lào.")
    assert found == [("Văn phòng Trung ương Đảng Nhân dân Cách mạng Lào", "organization")]
    assert ids("Văn phòng Trung ương Đảng cử đoàn.") == [("Văn phòng Trung ương Đảng", "van-phong-trung-uong-dang")]


def test_a_lao_name_whose_syllables_are_joined_by_spaced_dashes():
    found = spans("Đoàn công tác tỉnh Hủa Phăn do ông Pheng Căn - nhạ - phim - Phó Bí thư, Phó Tỉnh trưởng dẫn đầu.")
    assert ("Pheng Căn - nhạ - phim", "person") in found
    assert spans("Ông Nguyễn Văn Hà - Giám đốc Sở phát biểu.") == [("Nguyễn Văn Hà", "person")]


def test_sub_committees_standing_committees_and_trade_offices():
    assert [t for t, _ in spans("Tiểu ban Hợp tác kinh tế Việt Nam - Lào và Ủy ban Thường vụ Quốc hội họp; "
                                "Thương vụ Việt Nam tại Lào cho biết.")] == [
        "Tiểu ban Hợp tác kinh tế Việt Nam - Lào", "Ủy ban Thường vụ Quốc hội", "Thương vụ Việt Nam tại Lào"]


def test_a_province_in_a_persons_given_names_is_no_place():
    found = spans("Ông Nguyễn Thái Bình và bà Lê Thị Hòa Bình phát biểu tại Thái Bình; Đoàn Nghệ An cùng dự.")
    assert found == [("Nguyễn Thái Bình", "person"), ("Lê Thị Hòa Bình", "person"), ("Thái Bình", "place"),
                     ("Nghệ An", "place")]


def test_border_districts_of_both_countries():
    assert [i for _, i in ids("Lực lượng huyện Kỳ Sơn, Tương Dương và Nọng Hét, Khăm Cợt phối hợp tuần tra.")] == [
        "ky-son", "tuong-duong", "nong-het", "kham-keut"]
