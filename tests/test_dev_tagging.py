"""Tagging of real pages' classes of names and figures, on sentences written for these tests,
and (when ../shared/corpus/dev is here) the development corpus's scores as a floor."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from conftest import project_tagger

from build_archive.common.errors import InputError
from build_archive.link.mentions import FigureRow
from build_archive.model.article import FigureSpan, PubDate
from build_archive.pages.figures import chart_points
from build_archive.tag.entities import tag_entities
from build_archive.tag.figures import tag_figures
from build_archive.tag.knowledge import load_entities, load_gazetteer

ROOT = Path(__file__).resolve().parent.parent
TAGGER = project_tagger()
DATED = PubDate("2024-03-05", "day", "stated")
UNDATED = PubDate(None, "unknown", "unknown")


def spans(text):
    return [(s.text, s.type) for s in tag_entities(text, TAGGER.matcher)]


def ids(text):
    return [(s.text, s.id) for s in tag_entities(text, TAGGER.matcher)]


def dates(text, published=DATED):
    return [(f.text, f.value) for f in tag_figures(text, TAGGER.figure_rules, published,
                                                   tag_entities(text, TAGGER.matcher)) if f.kind == "date"]


@pytest.mark.parametrize("text, name", [
    ("Sáng nay, Kỳ họp lần thứ 47 Ủy ban liên Chính phủ Việt Nam - Lào khai mạc.",
     "Kỳ họp lần thứ 47 Ủy ban liên Chính phủ Việt Nam - Lào"),
    ("Hai bên tiến hành Tham khảo Chính trị lần thứ nhất tại Hà Nội.", "Tham khảo Chính trị lần thứ nhất"),
    ("Đoàn dự Diễn đàn Hợp tác Kinh tế Việt Nam - Lào lần thứ 3 tổ chức ở Pakse.",
     "Diễn đàn Hợp tác Kinh tế Việt Nam - Lào lần thứ 3"),
    ("Tỉnh tổ chức Lễ hội “Sắc màu văn hóa biên giới” thu hút đông người dân.", "Lễ hội “Sắc màu văn hóa biên giới”"),
    ("Các hoạt động chào mừng Năm Hữu nghị Việt Nam - Lào 2027 diễn ra sôi nổi.",
     "Năm Hữu nghị Việt Nam - Lào 2027"),
    ("Buổi gặp mặt kỷ niệm 70 năm Ngày thành lập Quân tình nguyện được tổ chức trang trọng.",
     "kỷ niệm 70 năm Ngày thành lập Quân tình nguyện"),
])
def test_meetings_forums_festivals_and_named_years_are_events_whole(text, name):
    found = spans(text)
    assert (name, "event") in found
    start = text.index(name)
    inner = [t for t, _ in found if t != name and start <= text.find(t) < start + len(name)]
    assert not inner, "the longest name wins over the places and bodies inside it"


@pytest.mark.parametrize("text, name", [
    ("Sáng 12/1, Hội nghị cấp cao giữa các tỉnh 3 nước Việt Nam - Lào - Campuchia lần thứ 11 đã khai mạc.",
     "Hội nghị cấp cao giữa các tỉnh 3 nước Việt Nam - Lào - Campuchia lần thứ 11"),
    ("Đối thoại Chính sách Quốc phòng Việt Nam - Lào lần thứ 4 diễn ra tại Hà Nội.",
     "Đối thoại Chính sách Quốc phòng Việt Nam - Lào lần thứ 4"),
    ("Kỳ họp thứ 42 Ủy ban liên Chính phủ về hợp tác song phương Việt Nam - Lào được tổ chức tại Viêng Chăn.",
     "Kỳ họp thứ 42 Ủy ban liên Chính phủ về hợp tác song phương Việt Nam - Lào"),
    ("Bên lề kỳ họp lần thứ 45 Ủy ban liên Chính phủ, hai Bộ trưởng đã gặp nhau.",
     "kỳ họp lần thứ 45 Ủy ban liên Chính phủ"),
    ("Hội nghị Hợp tác, phát triển các tỉnh biên giới Việt Nam – Lào lần thứ ba được tổ chức tại Kon Tum.",
     "Hội nghị Hợp tác, phát triển các tỉnh biên giới Việt Nam – Lào lần thứ ba"),
    ("Kỳ họp thứ 6, Quốc hội khóa IX của Lào diễn ra tại Viêng Chăn.", "Kỳ họp thứ 6, Quốc hội khóa IX của Lào"),
    ("Hội nghị Bộ trưởng Quốc phòng ASEAN (ADMM) lần thứ 17 diễn ra tại Hà Nội.",
     "Hội nghị Bộ trưởng Quốc phòng ASEAN (ADMM) lần thứ 17"),
    ("Tuần Văn hoá Lào tại Việt Nam năm 2024 khai mạc tối qua.", "Tuần Văn hoá Lào tại Việt Nam năm 2024"),
    ("Festival Huế 2024 thu hút du khách Lào.", "Festival Huế 2024"),
    ("Hội nghị giao ban lần thứ 10 giữa tỉnh Quảng Trị và tỉnh Savannakhet diễn ra.",
     "Hội nghị giao ban lần thứ 10 giữa tỉnh Quảng Trị và tỉnh Savannakhet"),
    ("Giải bóng đá hữu nghị Việt Nam - Lào lần thứ 2 khép lại.", "Giải bóng đá hữu nghị Việt Nam - Lào lần thứ 2"),
    ("Toạ đàm “Hợp tác giáo dục Việt Nam - Lào” diễn ra sáng qua.", "Toạ đàm “Hợp tác giáo dục Việt Nam - Lào”"),
])
def test_meetings_in_the_many_ways_outlets_name_them(text, name):
    assert (name, "event") in spans(text)


def test_a_kind_of_recurring_meeting_is_not_one_of_them():
    assert not [t for t, k in spans("Hai bên quán triệt các Biên bản Cuộc gặp thường niên giữa 2 Bộ Chính trị.")
                if k == "event"]
    assert ("Hội nghị thường niên lần thứ 15 giữa hai Bộ Công an", "event") in spans(
        "Hội nghị thường niên lần thứ 15 giữa hai Bộ Công an được tổ chức.")


@pytest.mark.parametrize("text, name", [
    ("Hai bên thống nhất Kế hoạch hợp tác năm 2025 giữa hai Bộ Quốc phòng.",
     "Kế hoạch hợp tác năm 2025 giữa hai Bộ Quốc phòng"),
    ("Hai Bộ trưởng ký Bản ghi nhớ về hợp tác trong lĩnh vực giáo dục giai đoạn 2021 - 2025.",
     "Bản ghi nhớ về hợp tác trong lĩnh vực giáo dục giai đoạn 2021 - 2025"),
    ("Hai bên ký Biên bản Kỳ họp lần thứ 46 Ủy ban liên Chính phủ Việt Nam - Lào.",
     "Biên bản Kỳ họp lần thứ 46 Ủy ban liên Chính phủ Việt Nam - Lào"),
    ("Chiến lược phát triển kinh tế - xã hội 10 năm 2021 - 2030 đã được thông qua.",
     "Chiến lược phát triển kinh tế - xã hội 10 năm 2021 - 2030"),
])
def test_minutes_memoranda_and_plans_with_their_periods(text, name):
    assert (name, "agreement") in spans(text)


@pytest.mark.parametrize("text", [
    "Ban Tổ chức cho biết chương trình sẽ kéo dài 3 ngày.",
    "Đồng chí Trần Cẩm Tú, Ủy viên Bộ Chính trị, Thường trực Ban Bí thư, dự buổi lễ.",
    "Trưởng Ban Tuyên giáo Tỉnh ủy dẫn đầu đoàn.",
    "Đại diện các bộ, ngành của hai nước cùng tham dự.",
    "Bộ sẽ phối hợp với Sở để triển khai.",
])
def test_generic_bodies_and_ranks_are_not_organisation_names(text):
    assert not [t for t, k in spans(text) if k == "organization"]


def test_organisation_names_end_before_the_verb_and_take_their_place():
    assert ("Ban Chỉ đạo Tây Bắc", "organization") in spans("Ban Chỉ đạo Tây Bắc làm việc với tỉnh Điện Biên.")
    assert ("Báo Pasaxon", "organization") in spans("Báo Nhân Dân và Báo Pasaxon ký thỏa thuận hợp tác.")
    assert spans("Hội Hữu nghị Việt Nam - Lào tỉnh Quảng Trị tổ chức gặp mặt.") == [
        ("Hội Hữu nghị Việt Nam - Lào tỉnh Quảng Trị", "organization")]
    assert spans("Quỹ Hòa bình và Phát triển Việt Nam trao học bổng.") == [
        ("Quỹ Hòa bình và Phát triển Việt Nam", "organization")]
    assert ("Bộ Giáo dục và Thể thao Lào", "bo-giao-duc-lao") in ids("Bộ Giáo dục và Thể thao Lào cử đoàn sang.")


@pytest.mark.parametrize("text, expected", [
    ("Tỉnh Chăm-pa-sắc và tỉnh Xa-van-na-khệt", [("Chăm-pa-sắc", "champasak"), ("Xa-van-na-khệt", "savannakhet")]),
    ("Đoàn tới Viên Chăn rồi Luang Phrabang.", [("Viên Chăn", "vientiane"), ("Luang Phrabang", "luang-prabang")]),
    ("Khu vực Châu Á - Thái Bình Dương phát triển.", [("Châu Á - Thái Bình Dương", "chau-a-thai-binh-duong")]),
    ("Xe qua cửa khẩu Cầu Treo - Nậm Phao.", [("Cầu Treo", "cau-treo"), ("Nậm Phao", "nam-phao")]),
])
def test_places_of_laos_and_the_region_in_several_spellings(text, expected):
    assert ids(text) == expected


def test_roads_are_places():
    assert ("Quốc lộ 8", "place") in spans("Quốc lộ 8 nối Hà Tĩnh với Bolikhamxay.")


@pytest.mark.parametrize("text, name", [
    ("Quốc vương Campuchia Norodom Sihamoni tiếp Chủ tịch nước.", "Norodom Sihamoni"),
    ("Tỉnh trưởng tỉnh Savannakhet Santiphap Phomvihane tiếp đoàn.", "Santiphap Phomvihane"),
    ("Đại tướng Chansamone Chanyalath, Bộ trưởng Quốc phòng Lào.", "Chansamone Chanyalath"),
])
def test_lao_thai_and_khmer_persons_after_their_titles(text, name):
    assert (name, "person") in spans(text)


@pytest.mark.parametrize("text, name", [
    ("Hai bộ trưởng ký Nghị định thư về phân giới cắm mốc giữa hai nước vào năm 2016.",
     "Nghị định thư về phân giới cắm mốc giữa hai nước"),
    ("Hai Chính phủ thông qua Thỏa thuận về Kế hoạch hợp tác Việt Nam - Lào năm 2026.",
     "Thỏa thuận về Kế hoạch hợp tác Việt Nam - Lào năm 2026"),
    ("Hiệp định thương mại song phương giai đoạn 2016 - 2020 đã mang lại kết quả.",
     "Hiệp định thương mại song phương giai đoạn 2016 - 2020"),
])
def test_agreements_plans_and_protocols_with_their_years_and_periods(text, name):
    assert (name, "agreement") in spans(text)


def test_names_do_not_run_into_the_next_name_or_generic_mentions():
    found = spans("Hai bên rà soát Chiến lược hợp tác giai đoạn 2021-2030 và Hiệp định hợp tác giai đoạn 2026-2030.")
    assert ("Chiến lược hợp tác giai đoạn 2021-2030", "agreement") in found
    assert ("Hiệp định hợp tác giai đoạn 2026-2030", "agreement") in found
    assert not [t for t, k in spans("Các hiệp định đã ký đều được thực hiện tốt.") if k == "agreement"]
    assert not [t for t, k in spans("Hội nghị đã thông qua nhiều nội dung quan trọng.") if k == "event"]


@pytest.mark.parametrize("text, expected", [
    ("Đoàn đến Viêng Chăn rồi đi Luổng Nặm Thà.", [("Viêng Chăn", "vientiane"), ("Luổng Nặm Thà", "luang-nam-tha")]),
    ("Tỉnh Bolikhamxay giáp Hà Tĩnh; tỉnh Khammouane giáp Quảng Bình.",
     [("Bolikhamxay", "bolykhamxay"), ("Hà Tĩnh", "ha-tinh"), ("Khammouane", "kham-muon"), ("Quảng Bình", "quang-binh")]),
    ("Thái Lan, Campuchia và Trung Quốc cùng dự.", [("Thái Lan", "thai-lan"), ("Campuchia", "campuchia"),
                                                   ("Trung Quốc", "trung-quoc")]),
])
def test_the_gazetteer_knows_the_regions_places_in_their_spellings(text, expected):
    assert ids(text) == expected


def test_countries_and_cities_are_never_persons_and_short_ones_stay_in_names():
    assert ("Luang Prabang", "place") in spans("Ông Somphone đến Luang Prabang hôm qua.")
    assert ("Thái Lan", "place") in spans("Phái đoàn Thái Lan gửi điện mừng.")
    assert spans("Đồng chí Trần Đức Hải phát biểu.") == [("Trần Đức Hải", "person")]
    assert ("Đức", "place") in spans("Đoàn thăm Đức và Pháp.")


def test_parties_and_state_bodies_of_both_countries_are_distinct_entities():
    text = ("Đảng Cộng sản Việt Nam và Đảng Nhân dân Cách mạng Lào; Chính phủ Lào và Chính phủ Việt Nam; "
            "Quốc hội Lào tiếp đoàn.")
    assert [i for _, i in ids(text)] == ["dang-cong-san-viet-nam", "dang-nhan-dan-cach-mang-lao", "chinh-phu-lao",
                                         "chinh-phu-viet-nam", "quoc-hoi-lao"]


def test_same_named_ministries_are_resolved_by_context():
    assert ("Bộ Quốc phòng Lào", "bo-quoc-phong-lao") in ids("Bộ Quốc phòng Lào cử đoàn sang.")
    assert ("Bộ Quốc phòng", "bo-quoc-phong-viet-nam") in ids("Bộ Quốc phòng tổ chức hội thao.")


def test_local_bodies_take_their_place_and_generic_ones_are_not_names():
    assert spans("Đoàn của Sở Ngoại vụ Quảng Trị làm việc.") == [("Sở Ngoại vụ Quảng Trị", "organization")]
    assert spans("Lãnh đạo Sở Ngoại vụ tỉnh cùng dự.") == []
    assert spans("Ủy viên Bộ Chính trị tới dự.") == []


@pytest.mark.parametrize("text, name", [
    ("Đại sứ Lào Xổm-phăn Xỉ-xu-vông phát biểu.", "Xổm-phăn Xỉ-xu-vông"),
    ("Tổng Bí thư, Chủ tịch nước Lào Thoong-lun Xi-xu-lít tiếp đoàn.", "Thoong-lun Xi-xu-lít"),
])
def test_vietnamized_lao_names_with_hyphens_are_persons(text, name):
    assert (name, "person") in spans(text)


def test_names_without_diacritics_link_to_the_vietnamese_form():
    assert ("Bui Thanh Son", "bui-thanh-son") in ids("Foreign minister Bui Thanh Son met the delegation.")


def test_credits_and_bylines_are_not_persons():
    assert not [t for t, k in spans("Toàn cảnh buổi lễ. Ảnh: Nguyễn Văn Hùng") if k == "person"]


def test_no_junk_from_inside_words():
    found = spans("Xe qua Cửa khẩu Quốc tế Cầu Treo về tỉnh Hà Tĩnh.")
    assert ("Quốc", "place") not in found and ("Hà Tĩnh", "place") in found


@pytest.mark.parametrize("text, published, expected", [
    ("Chuyến thăm diễn ra từ ngày 6 đến 7/1/2024.", DATED, [("từ ngày 6 đến 7/1/2024", ("2024-01-06", "2024-01-07"))]),
    ("Đoàn ở Lào từ ngày 24 đến ngày 26-8-2010.", DATED, [("từ ngày 24 đến ngày 26-8-2010",
                                                           ("2010-08-24", "2010-08-26"))]),
    ("Hội nghị họp trong hai ngày 8-9/7.", DATED, [("8-9/7", ("2024-07-08", "2024-07-09"))]),
    ("Hội nghị họp trong hai ngày 8-9/7.", UNDATED, [("8-9/7", ("--07-08", "--07-09"))]),
    ("Sáng 13-4, đoàn tới Viêng Chăn.", UNDATED, [("13-4", "--04-13")]),
    ("Sáng 13-4, đoàn tới Viêng Chăn.", DATED, [("13-4", "2024-04-13")]),
    ("Từ tháng 7/2013 đến tháng 12/2014 hai bên làm việc.", DATED, [("Từ tháng 7/2013 đến tháng 12/2014",
                                                                     ("2013-07", "2014-12"))]),
    ("Bầu cử diễn ra hồi tháng Ba.", DATED, [("tháng Ba", "2024-03")]),
    ("Năm học 2015-2016 có nhiều học viên.", DATED, [("2015-2016", ("2015", "2016"))]),
    ("Dự án hoàn thành trong năm 2014.", DATED, [("năm 2014", "2014")]),
])
def test_dates_ranges_and_dates_without_a_year(text, published, expected):
    assert dates(text, published) == expected


def test_ranges_of_numbers_are_not_dates():
    assert dates("Tăng trưởng đạt 10-15% mỗi năm, khoảng 2-3 lần.") == []


def test_relative_periods_resolve_against_the_article_date():
    figs = tag_figures("Trong 5 năm trở lại đây, kim ngạch thương mại tăng 20%.", TAGGER.figure_rules,
                       PubDate("2023-06-01", "day", "stated"))
    assert [(f.kind, f.period) for f in figs] == [("percent", "2019/2023")]
    [fig] = tag_figures("9 tháng đầu năm, kim ngạch thương mại đạt 1,2 tỷ USD.", TAGGER.figure_rules,
                        PubDate("2023-10-01", "day", "stated"))
    assert fig.period == "2023-01/2023-09"


def test_stock_and_flow_are_different_metrics_and_charts_never_join_them():
    stock = tag_figures("Lũy kế đến nay, tổng vốn đăng ký của Việt Nam tại Lào đạt 5,5 tỷ USD.",
                        TAGGER.figure_rules, DATED)
    flow = tag_figures("Riêng năm 2022, vốn đầu tư mới của Việt Nam vào Lào đạt 300 triệu USD.",
                       TAGGER.figure_rules, DATED)
    [s] = [f for f in stock if f.kind == "money"]
    [f] = [f for f in flow if f.kind == "money"]
    assert (s.metric, f.metric) == ("investment stock", "investment")
    rows = []
    for n, fig in enumerate((s, f)):
        row = FigureRow(article=type("A", (), {"id": f"a{n}"})(), paragraph=None,
                        figure=FigureSpan(fig.start, fig.end, fig.kind, fig.value, fig.unit, fig.qualifier, fig.metric,
                                          "2022", fig.text), id=f"f{n}")
        rows.append(row)
    assert [p["id"] for p in chart_points(rows, "investment")] == ["f1"]


def test_the_gazetteer_refuses_a_name_or_id_given_twice(tmp_path):
    known = load_entities(ROOT / "data" / "entities.yml")
    bad = tmp_path / "gazetteer.yml"
    bad.write_text("places:\n  - {id: lao-2, name: Lào}\n")
    with pytest.raises(InputError, match="gazetteer.yml:2"):
        load_gazetteer(bad, known)


def test_gazetteer_places_get_a_page_only_once_mentioned():
    used = {e.id for e in TAGGER.used_entities([])}
    assert "viet-nam" in used and "hua-phan" not in used


def test_development_corpus_scores_stay_above_their_floor():
    sys.path.insert(0, str(ROOT / "bench"))
    import devgold
    from accuracy import Span, score_entities
    from dev_tagging import gold_article, score_figures, value_text

    articles = devgold.load("dev")
    if not articles:
        pytest.skip("../shared/corpus/dev is not here")
    gold, pred, g_figs, p_figs = [], [], [], []
    for n, g in enumerate(articles):
        tagged = TAGGER.tag(gold_article(g))
        gold += [Span(s.paragraph + 1000 * n, s.start, s.end, s.type, s.id) for s in g.entities]
        g_figs += [(Span(s.paragraph + 1000 * n, s.start, s.end, s.type), s.id, s.unit) for s in g.figures]
        for i, p in enumerate(tagged.paragraphs):
            pred += [Span(i + 1000 * n, s.start, s.end, s.type, s.id) for s in p.entities]
            p_figs += [(Span(i + 1000 * n, f.start, f.end, f.kind), value_text(f.value), f.unit or "-")
                       for f in p.figures]
    assert score_entities(gold, pred)["overlap"][2] >= 0.90
    figs = score_figures(g_figs, p_figs)
    assert figs["right"] / figs["gold"] >= 0.85
