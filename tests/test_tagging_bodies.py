"""Organisations and places in paragraphs written in the style of outlets outside the dev corpus.

Provincial papers (Báo Nghệ An, Báo Quảng Trị, Báo Hà Tĩnh), Biên phòng, Công an nhân dân, Lao Động,
Pathet Lao's Vietnamese pages: each test is a class of name (a province's or district's bodies, an
abbreviation, a Lao place in its several spellings), with the spans the annotation guide expects.
"""

from __future__ import annotations

import pytest
from conftest import project_tagger

from build_archive.tag.entities import tag_entities

TAGGER = project_tagger()


def spans(text: str) -> list[tuple[str, str]]:
    return [(s.text, str(s.type)) for s in tag_entities(text, TAGGER.matcher)]


def ids(text: str) -> dict[str, str]:
    return {s.text: s.id for s in tag_entities(text, TAGGER.matcher)}


@pytest.mark.parametrize("text, names", [
    ("(Báo Nghệ An) - Chiều 12/3, Đảng ủy tỉnh Xiêng Khoảng cử đoàn sang thăm Ủy ban nhân dân huyện Kỳ Sơn.",
     ["Đảng ủy tỉnh Xiêng Khoảng", "Ủy ban nhân dân huyện Kỳ Sơn"]),
    ("Đoàn đại biểu HĐND tỉnh Quảng Nam đã làm việc với MTTQ tỉnh Sê Kông về công tác dân vận.",
     ["HĐND tỉnh Quảng Nam", "MTTQ tỉnh Sê Kông"]),
    ("BĐBP Hà Tĩnh phối hợp với lực lượng bảo vệ biên giới của tỉnh Bolikhamxay tuần tra song phương.",
     ["BĐBP Hà Tĩnh"]),
    ("Chính quyền tỉnh Chăm-pa-xắc và Ủy ban Chính quyền tỉnh Luông Nậm Thà cảm ơn Sở Ngoại giao tỉnh "
     "Luông Pha Băng.", ["Chính quyền tỉnh Chăm-pa-xắc", "Ủy ban Chính quyền tỉnh Luông Nậm Thà",
                         "Sở Ngoại giao tỉnh Luông Pha Băng"]),
    ("Bộ Chỉ huy Quân sự tỉnh Quảng Bình, Công an tỉnh Thanh Hóa và Hội đồng nhân dân tỉnh Lai Châu dự lễ.",
     ["Bộ Chỉ huy Quân sự tỉnh Quảng Bình", "Công an tỉnh Thanh Hóa", "Hội đồng nhân dân tỉnh Lai Châu"]),
])
def test_a_provinces_or_districts_body_takes_in_the_place_it_belongs_to(text, names):
    """Guide §3, the longest name wins: the province inside a body's name is part of that span, not a place."""
    found = spans(text)
    for name in names:
        assert (name, "organization") in found
        assert not [t for t, kind in found if kind == "place" and t in name], found


def test_abbreviations_link_to_the_body_they_stand_for():
    found = ids("Đảng Nhân dân Cách mạng Lào (LPRP) và ĐNDCM Lào cảm ơn; ASEAN và AIPA họp tại Viêng Chăn; "
                "ĐHQG Hà Nội ký kết với Đại học Quốc gia Lào.")
    assert found["LPRP"] == found["ĐNDCM Lào"] == "dang-nhan-dan-cach-mang-lao"
    assert found["AIPA"] == "aipa" and found["ASEAN"] == "asean"
    assert found["ĐHQG Hà Nội"] == "dai-hoc-quoc-gia-ha-noi"
    assert "Hà Nội" not in found


@pytest.mark.parametrize("spelling", ["Sa-vẳn-na-khệt", "Xa-vẳn-na-khệt", "Savannakhet"])
def test_lao_provinces_in_the_spellings_vietnamese_papers_print(spelling):
    assert ids(f"Đoàn công tác đã đến tỉnh {spelling} hôm qua.") == {spelling: "savannakhet"}
    assert ids("Nhà máy nằm ở Atapeu.") == {"Atapeu": "attapeu"}


def test_a_number_or_code_ends_a_bodys_name():
    found = spans("(Lao Động) - Trường Hữu nghị T78 đào tạo hàng nghìn học sinh Lào mỗi năm.")
    assert ("Trường Hữu nghị T78", "organization") in found


def test_a_news_agency_called_a_hang_and_its_abbreviation_are_one_body():
    found = ids("Thông tấn xã Việt Nam phối hợp với Hãng Thông tấn Lào (KPL) đưa tin.")
    assert found["Hãng Thông tấn Lào"] == found["KPL"] == "thong-tan-xa-lao"
    assert "Lào" not in found


def test_an_events_name_ends_before_where_it_is_held():
    found = spans("(Pathet Lao) - Lễ hội Pi May ở Luông Pha Băng thu hút du khách Việt Nam.")
    assert ("Lễ hội Pi May", "event") in found and ("Luông Pha Băng", "place") in found


def test_vietnams_regions_and_another_countrys_regions():
    """"miền Trung" is Vietnam's region, a place; "miền Nam Lào" is written with the country, the place."""
    found = ids("Các tỉnh miền Trung hợp tác với miền Nam Lào; miền Trung Việt Nam giáp Lào.")
    assert found["miền Trung"] == "mien-trung"
    assert "miền Nam" not in found and found["Lào"] == "lao"
    assert ("miền Nam", "place") not in spans("Các tỉnh miền Nam Lào giáp Campuchia.")


def test_a_departments_name_with_a_dash_is_one_body_of_the_province():
    """"Sở Lao động - Thương binh và Xã hội Hà Tĩnh": no fragment of the ministry's name inside it."""
    found = spans("(Báo Hà Tĩnh) - Sở Lao động - Thương binh và Xã hội Hà Tĩnh hỗ trợ lao động về từ Lào.")
    assert found[0] == ("Sở Lao động - Thương binh và Xã hội Hà Tĩnh", "organization")
    assert ("Hà Tĩnh", "place") not in found


def test_youth_union_of_a_province():
    found = spans("Tỉnh đoàn Nghệ An và Đoàn Thanh niên Nhân dân Cách mạng Lào tỉnh Xiêng Khoảng tổ chức trại hè.")
    assert ("Tỉnh đoàn Nghệ An", "organization") in found
    assert not [t for t, kind in found if kind == "place"]


def test_a_district_whose_syllables_are_joined_by_hyphens_is_one_place():
    found = spans("Bác sĩ khám bệnh cho người dân huyện Pạc-xăn, tỉnh Bolykhămxay.")
    assert ("Pạc-xăn", "place") in found and ("Pạc", "place") not in found


@pytest.mark.parametrize("text, name", [
    ("(Người Lao Động) - Công ty Cổ phần Hoàng Anh Gia Lai trồng cao su ở Attapeu.", "Công ty Cổ phần Hoàng Anh Gia Lai"),
    ("Ủy ban nhân dân thành phố Hồ Chí Minh tiếp đoàn tỉnh Chăm-pa-xắc.", "Ủy ban nhân dân thành phố Hồ Chí Minh"),
    ("Sở Ngoại vụ Thành phố Hồ Chí Minh hỗ trợ lưu học sinh Lào.", "Sở Ngoại vụ Thành phố Hồ Chí Minh"),
    ("Học viện Biên phòng đào tạo học viên Lào.", "Học viện Biên phòng"),
])
def test_a_company_or_citys_body_keeps_the_place_in_its_name_and_ends_before_a_verb(text, name):
    found = spans(text)
    assert (name, "organization") in found
    assert not [t for t, _ in found if t != name and t in name], found


def test_a_person_after_a_companys_name_is_no_part_of_it():
    found = spans("Giám đốc Công ty Cổ phần Sông Đà Nguyễn Văn An cho biết.")
    assert ("Công ty Cổ phần Sông Đà", "organization") in found and ("Nguyễn Văn An", "person") in found


def test_the_city_named_for_ho_chi_minh_is_the_place_with_its_head():
    assert ids("Học sinh Lào học tại thành phố Hồ Chí Minh.") == {"Lào": "lao",
                                                                "thành phố Hồ Chí Minh": "thanh-pho-ho-chi-minh"}


def test_a_body_followed_by_its_own_country_is_one_name():
    found = ids("(QĐND) - Bộ Tư lệnh Bộ đội Biên phòng Việt Nam và Bộ Quốc phòng Lào phối hợp tuần tra.")
    assert found["Bộ Tư lệnh Bộ đội Biên phòng Việt Nam"] == "bo-tu-lenh-bo-doi-bien-phong"
    assert found["Bộ Quốc phòng Lào"] == "bo-quoc-phong-lao"
    assert "Việt Nam" not in found and "Lào" not in found


def test_a_provinces_standing_board_is_its_body_not_a_place():
    """"Thường trực HĐND tỉnh Hà Tĩnh": a rank word before a province's body still leaves the body's name."""
    found = spans("(Báo Quảng Trị) - Thường trực HĐND tỉnh Hà Tĩnh và Thường trực Tỉnh ủy Quảng Trị dự lễ.")
    assert ("HĐND tỉnh Hà Tĩnh", "organization") in found and ("Tỉnh ủy Quảng Trị", "organization") in found
    assert not [t for t, kind in found if kind == "place"]
    ranked = spans("Thường trực Ban Bí thư Trung ương Đảng Cộng sản Việt Nam Trần Cẩm Tú tiếp đoàn.")
    assert ("Đảng Cộng sản Việt Nam", "organization") in ranked


@pytest.mark.parametrize("spelling, place", [("Thà Khẹt", "tha-khek"), ("Sayaboury", "xay-nha-bu-ly"),
                                             ("Xay Nhạ Bu Li", "xay-nha-bu-ly"), ("Át-ta-pư", "attapeu"),
                                             ("Savannaket", "savannakhet")])
def test_more_spellings_of_lao_provinces_and_towns(spelling, place):
    assert ids(f"Đoàn đã đến {spelling} hôm qua.") == {spelling: place}


@pytest.mark.parametrize("text, name", [
    ("(VietnamPlus) - Nhà máy do Tập đoàn Việt - Lào đầu tư đã phát điện.", "Tập đoàn Việt - Lào"),
    ("Trường phổ thông dân tộc nội trú Việt Nam - Lào tỉnh Hủa Phăn được bàn giao.",
     "Trường phổ thông dân tộc nội trú Việt Nam - Lào tỉnh Hủa Phăn"),
])
def test_a_company_or_school_named_for_the_two_countries(text, name):
    found = spans(text)
    assert (name, "organization") in found
    assert not [t for t, kind in found if kind == "place"], found


def test_a_body_named_for_the_pair_does_not_take_in_where_it_stands():
    found = spans("Trường Hữu nghị Việt Nam - Lào tại Viêng Chăn khai giảng.")
    assert ("Trường Hữu nghị Việt Nam - Lào", "organization") in found and ("Viêng Chăn", "place") in found


def test_lao_and_vietnamese_broadcasters_and_papers_are_bodies_not_places():
    found = ids("Theo báo Vientiane Mai và Đài Truyền hình Việt Nam (VTV), đoàn đã đến Viêng Chăn.")
    assert found["báo Vientiane Mai"] == "bao-vientiane-mai"
    assert found["Đài Truyền hình Việt Nam"] == found["VTV"] == "dai-truyen-hinh-viet-nam"
    assert found["Viêng Chăn"] == "vientiane" and "Vientiane" not in found


def test_a_city_named_for_a_person_is_a_place_with_its_head_word():
    found = ids("Đoàn đến thành phố Kaysone Phomvihane, tỉnh Savannakhet, thăm bảo tàng Chủ tịch Kaysone Phomvihane.")
    assert found["thành phố Kaysone Phomvihane"] == "thanh-pho-kaysone-phomvihane"
    assert found["Kaysone Phomvihane"] == "kaysone-phomvihane"


def test_a_district_or_commune_named_after_a_describing_word():
    found = spans("(Biên phòng) - Đồn giúp dân xã biên giới Tà Cạ và huyện vùng cao Quế Phong đón Tết.")
    assert ("Tà Cạ", "place") in found and ("Quế Phong", "place") in found


def test_a_department_named_for_regions_is_one_body_not_three_places():
    found = spans("Vụ trưởng Vụ Đông Nam Á - Nam Á - Nam Thái Bình Dương Bộ Ngoại giao cùng dự.")
    assert found == [("Vụ Đông Nam Á - Nam Á - Nam Thái Bình Dương Bộ Ngoại giao", "organization")]
