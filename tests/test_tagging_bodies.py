"""Organisations and places in paragraphs written in the style of outlets outside the dev corpus.

Provincial papers (Báo Nghệ An, Báo Quảng Trị, Báo Hà Tĩnh), Biên phòng, Công an nhân dân, Lao Động,
Pathet Lao's Vietnamese pages: each test is a class of name (a province's or district's bodies, an
abbreviation, a Lao place in its several spellings), with the spans the annotation guide expects.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from build_archive.tag.entities import tag_entities
from build_archive.tag.tagger import Tagger

ROOT = Path(__file__).resolve().parent.parent
TAGGER = Tagger.load(ROOT / "data")


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
