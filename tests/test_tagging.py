"""Entity and figure tagging: standoff spans that never change the text."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import unicodedata
from html import unescape
from pathlib import Path

import pytest
from conftest import project_tagger
from hypothesis import given, settings
from hypothesis import strategies as st

from build_archive.model.article import PubDate
from build_archive.pages.inline import render_paragraph
from build_archive.pages.labels import load_labels
from build_archive.pipeline.run import Paths, load_articles
from build_archive.tag.figures import parse_number, tag_figures

ROOT = Path(__file__).resolve().parent.parent
TAGGER = project_tagger()
ARTICLE_DATE = PubDate("2023-09-12", "day", "stated")
VI_TEXT = st.text(alphabet=st.sampled_from(list(
    "aăâbcdđeêghiklmnoôơpqrstuưvxyÀÁẢÃẠàáảãạĐỦỤỨÙƯỷủụứùưhoàòóNguyễnLàoViệt 0123456789,.%-/()\"'<>&*#|{}\n\u00a0")))


def entities(text):
    from build_archive.tag.entities import tag_entities
    return tag_entities(text, TAGGER.matcher)


def figures(text, published=ARTICLE_DATE):
    return tag_figures(text, TAGGER.figure_rules, published, entities(text))


def amounts(text, published=ARTICLE_DATE):
    """Figures other than dates ("năm 2019" is a date figure of its own)."""
    return tuple(f for f in figures(text, published) if f.kind != "date")


def check_spans(text, spans):
    last_end = 0
    for span in spans:
        assert 0 <= span.start < span.end <= len(text)
        assert span.text == text[span.start:span.end]
        assert span.start >= last_end, "spans of one kind never overlap"
        last_end = span.end


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), VI_TEXT))
def test_tagging_never_changes_the_text(text):
    ents, figs = entities(text), figures(text)
    check_spans(text, ents)
    check_spans(text, figs)
    html = render_paragraph(text, ents, figs, names={}, link=lambda p: p, figure_ids=[f"f{i}" for i in range(len(figs))],
                            labels=load_labels(ROOT / "data" / "labels.yml"))
    # The only tags are the archive's own <a …> and </a>, with every attribute value escaped.
    assert len(re.findall(r"<a ", str(html))) <= len(ents) + len(figs)
    assert unescape(re.sub(r"<[^>]*>", "", str(html))) == text


@pytest.mark.parametrize("text, entity_id", [  # a session's name is an event now: the committee stands alone here
    ("Ủy ban liên Chính phủ họp thường niên.", "uy-ban-lien-chinh-phu-viet-nam-lao"),
    ("Uỷ ban liên Chính phủ họp thường niên.", "uy-ban-lien-chinh-phu-viet-nam-lao"),
    ("UỶ BAN LIÊN CHÍNH PHỦ HỌP THƯỜNG NIÊN.", "uy-ban-lien-chinh-phu-viet-nam-lao"),
    ("Thủ tướng Lào Sonexay Siphandone phát biểu.", "sonexay-siphandone"),
])
def test_known_entities_match_whatever_the_tone_placement_or_case(text, entity_id):
    assert entity_id in [s.id for s in entities(text)]


def test_longest_name_wins_and_roles_are_not_part_of_a_person():
    spans = entities("Thứ trưởng Bộ Ngoại giao Lào Thongphan Savanphet phát biểu.")
    assert [(s.text, s.type, s.id) for s in spans] == [
        ("Bộ Ngoại giao Lào", "organization", "bo-ngoai-giao-lao"),
        ("Thongphan Savanphet", "person", "thongphan-savanphet")]
    assert spans[1].role == "Thứ trưởng Bộ Ngoại giao Lào"


def test_the_two_foreign_ministries_are_told_apart_by_context():
    vn = entities("Thứ trưởng Bộ Ngoại giao Nguyễn Quốc Dũng phát biểu.")
    assert vn[0].id == "bo-ngoai-giao-viet-nam"
    la = entities("Bộ trưởng Ngoại giao Lào Saleumxay Kommasith khẳng định Bộ Ngoại giao sẽ phối hợp.")
    assert [s.id for s in la if s.type == "organization"] == ["bo-ngoai-giao-lao"]
    plural = entities("Hai bên đề nghị hai Bộ Ngoại giao tăng cường hợp tác; Bộ Ngoại giao hai nước đã ký.")
    assert not [s for s in plural if s.type == "organization"]


def test_pairs_like_viet_lao_are_two_places():
    spans = entities("quan hệ đặc biệt Việt-Lào và Việt Nam - Lào")
    assert [(s.text, s.id) for s in spans] == [("Việt", "viet-nam"), ("Lào", "lao"), ("Việt Nam", "viet-nam"),
                                               ("Lào", "lao")]


def test_unknown_names_get_provisional_ids():
    spans = entities("Tham dự có Bộ trưởng Bộ Công Thương Nguyễn Hồng Diên và Đại sứ Lào tại Việt Nam "
                     "Khamphao Ernthavanh tại tỉnh Hủa Phăn.")
    found = {(s.text, s.type) for s in spans if s.provisional}
    assert found == {("Nguyễn Hồng Diên", "person"), ("Khamphao Ernthavanh", "person")}
    assert all(s.id.startswith("provisional-") for s in spans if s.provisional)
    # The ministry and the province are known now (data/entities.yml, data/gazetteer.yml).
    assert {(s.text, s.id) for s in spans if not s.provisional} >= {
        ("Bộ Công Thương", "bo-cong-thuong-viet-nam"), ("Hủa Phăn", "hua-phan")}


@pytest.mark.parametrize("text, value", [("1,73", 1.73), ("1.100", 1100.0), ("764,5", 764.5), ("8.5", 8.5),
                                         ("12.345.678,9", 12345678.9)])
def test_vietnamese_number_writing(text, value):
    assert parse_number(text) == value


def test_the_guides_money_example():
    [fig] = amounts("kim ngạch thương mại hai chiều cả năm 2019 ước đạt 1,1 đến 1,2 tỷ USD.")
    assert (fig.kind, fig.value, fig.unit, fig.qualifier, fig.metric, fig.period) == (
        "money", (1.1e9, 1.2e9), "USD", "approx", "trade turnover", "2019")
    assert fig.text == "ước đạt 1,1 đến 1,2 tỷ USD"


def test_decimal_dot_before_a_scale_word_and_thousands_dot():
    [money] = figures("KOICA hỗ trợ gần 8.5 triệu USD xây dựng trường.")
    assert (money.value, money.qualifier) == (8.5e6, "approx")
    [count] = figures("giúp hơn 1.100 người dân tiếp cận nước sạch")
    assert (count.kind, count.value, count.unit, count.qualifier) == ("count", 1100.0, "người", "more-than")


def test_percent_change_keeps_its_metric_and_comparison():
    money, percent = amounts("kim ngạch thương mại hai chiều đạt 1,73 tỷ USD, tăng 24% so với năm 2021.")
    assert (percent.kind, percent.value, percent.metric, percent.compared_to, percent.period) == (
        "percent", 24.0, "trade turnover", "năm 2021", "2022")
    assert money.compared_to is None and money.period == "2022"
    [target] = amounts("phấn đấu tăng kim ngạch thương mại năm 2023 từ 10-15% so với năm 2022")
    assert (target.value, target.period, target.compared_to) == ((10.0, 15.0), "2023", "năm 2022")


def test_relative_periods_resolve_against_the_article_date():
    [fig] = figures("Kim ngạch thương mại trong 6 tháng đầu năm nay đạt hơn 833 triệu USD.")
    assert fig.period == "2023-01/2023-06" and fig.qualifier == "more-than"


def test_dates_with_the_year_inferred_and_ranges():
    assert [(f.kind, f.value) for f in figures("Sáng 24/12, hai bên họp.", PubDate("2019-12-24", "day", "inferred"))] \
        == [("date", "2019-12-24")]
    [visit] = figures("chuyến thăm (ngày 28-29/6/2021) thành công")
    assert visit.value == ("2021-06-28", "2021-06-29")


def test_ordinals_and_agreement_years_are_not_figures():
    text = "kỳ họp lần thứ 45 và Chiến lược hợp tác 10 năm giai đoạn 2021-2030 cùng 2 nước"
    assert figures(text) == ()


@pytest.fixture(scope="module")
def unseen(tmp_path_factory):
    """Articles written for the tests, never among the seeds, with the real knowledge base untouched."""
    root = tmp_path_factory.mktemp("unseen")
    shutil.copytree(ROOT / "data", root / "data")
    shutil.copytree(ROOT / "bench" / "heldout", root / "seeds")
    return root, {a.source_file.split("/")[-1]: a for a in load_articles(Paths.at(root))}


def test_a_new_article_gets_people_ministries_places_and_figures_tagged(unseen):
    _, articles = unseen
    article = articles["901_tham-khao-7.txt"]
    tagged = {(s.text, s.type) for p in article.paragraphs for s in p.entities}
    assert {("Đỗ Hùng Việt", "person"), ("Viengthong Siphandone", "person"), ("Luang Prabang", "place"),
            ("Bộ Ngoại giao Lào", "organization")} <= tagged
    assert ("Tham khảo chính trị lần thứ 7 giữa Bộ Ngoại giao Việt Nam và Bộ Ngoại giao Lào", "event") in tagged
    figs = [(f.kind, f.value) for p in article.paragraphs for f in p.figures]
    assert ("money", 1.2e9) in figs and ("percent", 26.0) in figs


def test_what_the_rules_could_not_place_is_on_the_review_list(unseen):
    root, _ = unseen
    result = subprocess.run([sys.executable, "-m", "build_archive", "review", "--root", str(root)],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    for name in ("Đỗ Hùng Việt", "Viengthong Siphandone"):
        assert name in result.stdout
    for name in ("Luang Prabang", "Bộ Công Thương", "Hủa Phăn"):  # in the gazetteer and knowledge base now
        assert name not in result.stdout.split("# names")[-1]


def test_nfd_input_is_tagged_like_nfc(tmp_path):
    root = tmp_path
    shutil.copytree(ROOT / "data", root / "data")
    (root / "seeds").mkdir()
    text = "Tiêu đề bài thử\n\nSáng 5/3/2024, Thủ tướng Phạm Minh Chính tiếp Đại sứ tại Hà Nội.\n"
    (root / "seeds" / "nfd.txt").write_text(unicodedata.normalize("NFD", text))
    [article] = load_articles(Paths.at(root))
    assert [s.id for s in article.paragraphs[0].entities] == ["pham-minh-chinh", "ha-noi"]


def test_event_spans_of_a_detected_event_link_to_its_page(site):
    """"Kỳ họp lần thứ 46 …" in an article that reports the 46th session goes to events/<id>/."""
    import json

    from bs4 import BeautifulSoup

    events = {e["id"] for e in json.loads((site / "data" / "archive.json").read_text())["events"]}
    linked = []
    for page in sorted((site / "articles").rglob("index.html")):
        for a in BeautifulSoup(page.read_text(), "html.parser").select("a.va-ent--event"):
            found = re.search(r"events/([^/]+)/$", a["href"])
            if found:
                linked.append(found.group(1))
    assert linked and set(linked) <= events
