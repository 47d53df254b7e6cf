"""Events, series and relations: what the seeds give, new articles, curated corrections."""

from __future__ import annotations

import json

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT, build_ok, make_project

from build_archive.link.series import neighbours, series_index
from build_archive.pipeline.run import Paths, load_archive


@pytest.fixture(scope="module")
def seeds():
    archive = load_archive(Paths.at(ROOT))
    return archive, {e.id: e for e in archive.events}


def chairs(event):
    return sorted(p.name for p in event.participants if p.chair)


@pytest.mark.parametrize("event_id, date, precision, place, online, chair_names, covered", [
    ("ngoai-giao-kinh-te-2019-12-24", "2019-12-24", "day", None, False, [], ["2019-12-24-"]),
    ("tham-khao-chinh-tri-6", "2021-08-31", "day", None, True, ["Nguyễn Quốc Dũng", "Phoxay Khaykhamphithoune"],
     ["2021-08-31-"]),
    ("ky-hop-uy-ban-lien-chinh-phu-45", "2023-01-12", "day", "Vientiane", False,
     ["Phạm Minh Chính", "Sonexay Siphandone"], ["2023-01-12-"]),
    ("hoi-nghi-giua-ky-2023-09-12", "2023-09-12", "day", "Đồng Hới", False, [], ["2023-09-12-"]),
    ("ngoai-giao-kinh-te-2022", "2022", "year", None, False, [], ["2022-"]),
])
def test_reported_events_from_the_seeds(seeds, event_id, date, precision, place, online, chair_names, covered):
    event = seeds[1][event_id]
    assert (event.date.date, event.date.precision, event.place_name, event.online) == (date, precision, place, online)
    assert chairs(event) == chair_names
    assert [c[:len(p)] for c, p in zip(event.covered_by, covered, strict=True)] == covered


def test_the_first_seminar_is_marked_first_and_took_place_during_the_visit(seeds):
    events = seeds[1]
    seminar = events["ngoai-giao-kinh-te-2019-12-24"]
    assert seminar.first and seminar.title.startswith("Hội thảo ngoại giao kinh tế")
    visit = events["chuyen-tham-viet-nam-saleumxay-kommasith-2019-12"]
    assert (visit.date.date, visit.date.precision) == ("2019-12", "month")
    assert [p.name for p in visit.participants] == ["Saleumxay Kommasith"]
    assert {r.other for r in seminar.relations} == {visit.id}
    assert {r.other for r in visit.relations} == {seminar.id}


def test_mentioned_visits_anniversaries_and_next_consultation(seeds):
    events = seeds[1]
    assert events["chuyen-tham-viet-nam-thongloun-sisoulith-2021-06"].date.date == "2021-06-28"
    assert events["chuyen-tham-lao-nguyen-xuan-phuc-2021-08"].date.date == "2021-08-09"
    sixty = events["ky-niem-60-nam-thiet-lap-quan-he-ngoai-giao-1962"]
    assert (sixty.date.date, sixty.date.precision, sixty.anniversary_of) == ("2022", "year",
                                                                            "thiet-lap-quan-he-ngoai-giao-1962")
    assert events["ky-niem-45-nam-ky-hiep-uoc-huu-nghi-va-hop-tac-1977"].date.date == "2022"
    assert events["thiet-lap-quan-he-ngoai-giao-1962"].background
    assert events["nam-doan-ket-huu-nghi-2022"].date.date == "2022"
    nxt = events["tham-khao-chinh-tri-7"]
    assert (nxt.date.date, nxt.date.precision, nxt.covered_by) == ("2022", "year", ())


def test_review_and_session_are_related_through_the_plan_they_share(seeds):
    events = seeds[1]
    review = events["hoi-nghi-giua-ky-2023-09-12"]
    [relation] = [r for r in review.relations if r.other == "ky-hop-uy-ban-lien-chinh-phu-45"]
    assert "Hiệp định hợp tác song phương" in relation.reason and "Kế hoạch hợp tác" in relation.reason


def test_relations_and_series_neighbours_are_symmetric(seeds):
    archive, events = seeds
    series = {s.id: s for s in archive.series}
    for event in archive.events:
        for relation in event.relations:
            assert event.id in {r.other for r in events[relation.other].relations}, (event.id, relation.other)
        prev, nxt = neighbours(event, series_index(archive.events), series)
        if prev and prev.get("event"):
            assert neighbours(prev["event"], series_index(archive.events), series)[1]["event"].id == event.id
        if nxt and nxt.get("event"):
            assert neighbours(nxt["event"], series_index(archive.events), series)[0]["event"].id == event.id


def test_the_45th_session_implies_a_44th(seeds):
    archive, events = seeds
    prev, nxt = neighbours(events["ky-hop-uy-ban-lien-chinh-phu-45"], series_index(archive.events), {s.id: s for s in archive.series})
    assert prev == {"implied": "Kỳ họp lần thứ 44 Ủy ban liên Chính phủ Việt Nam – Lào"}
    assert nxt is None


@pytest.fixture(scope="module")
def grown(tmp_path_factory):
    """The seeds plus new articles about the 46th session and the 7th consultation; no YAML edited."""
    extra = {p.name: p.read_bytes() for p in (ROOT / "bench" / "heldout").glob("90[01]*.txt")}
    project = make_project(tmp_path_factory.mktemp("grown"), extra)
    return project, load_archive(Paths.at(project))


def test_a_new_numbered_session_lands_in_its_series_linked_both_ways(grown):
    _, archive = grown
    events = {e.id: e for e in archive.events}
    series = {s.id: s for s in archive.series}
    new = events["ky-hop-uy-ban-lien-chinh-phu-46"]
    assert (new.date.date, new.place_name, chairs(new)) == ("2024-01-09", "Hà Nội",
                                                            ["Phạm Minh Chính", "Sonexay Siphandone"])
    assert neighbours(new, series_index(archive.events), series)[0]["event"].id == "ky-hop-uy-ban-lien-chinh-phu-45"
    assert neighbours(events["ky-hop-uy-ban-lien-chinh-phu-45"], series_index(archive.events), series)[1]["event"].id == new.id


def test_a_new_consultation_merges_with_the_one_announced_and_links_both_ways(grown):
    _, archive = grown
    events = {e.id: e for e in archive.events}
    series = {s.id: s for s in archive.series}
    seventh = events["tham-khao-chinh-tri-7"]
    assert (seventh.date.date, seventh.date.precision, seventh.place_name) == ("2022-11-15", "day", "Luang Prabang")
    assert seventh.covered_by == ("2022-11-15-tham-khao-chinh-tri-viet-nam-lao-lan-thu-7-tai-luang-prabang",)
    assert [m.article_id[:10] for m in seventh.mentioned_in] == ["2021-08-31"]
    assert neighbours(seventh, series_index(archive.events), series)[0]["event"].id == "tham-khao-chinh-tri-6"
    assert neighbours(events["tham-khao-chinh-tri-6"], series_index(archive.events), series)[1]["event"].id == seventh.id


def test_the_grown_site_builds_with_event_and_series_pages(grown):
    project, _ = grown
    site = build_ok(project)
    page = BeautifulSoup((site / "events" / "ky-hop-uy-ban-lien-chinh-phu-45" / "index.html").read_text(),
                         "html.parser")
    nav = page.select_one("nav.va-series-nav").get_text(" ", strip=True)
    assert "Kỳ họp lần thứ 44" in nav and "Kỳ họp lần thứ 46" in nav
    series = BeautifulSoup((site / "series" / "ky-hop-uy-ban-lien-chinh-phu" / "index.html").read_text(),
                           "html.parser")
    rows = [li.get_text(" ", strip=True) for li in series.select("ol.va-list li")]
    assert rows[0].startswith("— Các lần thứ 1–44") and "lần thứ 45" in rows[1] and "lần thứ 46" in rows[2]


def test_curated_yaml_wins(tmp_path):
    project = make_project(tmp_path)
    events_yml = project / "data" / "events.yml"
    events_yml.write_text(events_yml.read_text() + """
  - id: hoi-nghi-giua-ky-2023-09-12
    title: Hội nghị đánh giá giữa kỳ Hiệp định 2021–2025
    place: quang-binh
  - id: ngoai-giao-kinh-te-2022
    date: 2022-06
    merge: [ky-niem-45-nam-ky-hiep-uoc-huu-nghi-va-hop-tac-1977]
""")
    archive = load_archive(Paths.at(project))
    events = {e.id: e for e in archive.events}
    review = events["hoi-nghi-giua-ky-2023-09-12"]
    assert (review.title, review.place_name) == ("Hội nghị đánh giá giữa kỳ Hiệp định 2021–2025", "Quảng Bình")
    assert set(review.curated) == {"title", "place"}
    talk = events["ngoai-giao-kinh-te-2022"]
    assert (talk.date.date, talk.date.precision, talk.date.basis) == ("2022-06", "month", "curated")
    assert "ky-niem-45-nam-ky-hiep-uoc-huu-nghi-va-hop-tac-1977" not in events
    assert talk.redirect_from == ("ky-niem-45-nam-ky-hiep-uoc-huu-nghi-va-hop-tac-1977",)
    site = build_ok(project)
    redirect = (site / "events" / "ky-niem-45-nam-ky-hiep-uoc-huu-nghi-va-hop-tac-1977" / "index.html").read_text()
    assert 'http-equiv="refresh"' in redirect and "../ngoai-giao-kinh-te-2022/" in redirect


def test_chronology_exports(site):
    events = json.loads((site / "events" / "events.json").read_text())
    assert {e["id"] for e in events} >= {"tham-khao-chinh-tri-6", "ky-hop-uy-ban-lien-chinh-phu-45"}
    ics = (site / "events" / "events.ics").read_text()
    assert ics.count("BEGIN:VEVENT") == sum(1 for e in events if e["date"]["precision"] == "day")
    assert "DTSTART;VALUE=DATE:20230112" in ics and "LOCATION:Vientiane" in ics
    data = json.loads((site / "data" / "archive.json").read_text())
    article = next(a for a in data["articles"] if a["id"].startswith("2021-08-31"))
    assert {"id": "tham-khao-chinh-tri-6", "relation": "covers"} in article["events"]
    assert {"id": "chuyen-tham-lao-nguyen-xuan-phuc-2021-08", "relation": "mentions"} in article["events"]
    chronology = BeautifulSoup((site / "events" / "index.html").read_text(), "html.parser")
    dates = {row.a.get_text(): row.select_one(".va-list__date").get_text() for row in chronology.select(".va-event-row")}
    assert dates["Kỷ niệm 60 năm thiết lập quan hệ ngoại giao Việt Nam – Lào"] == "năm 2022"
    assert dates["Chuyến thăm chính thức Việt Nam của Bộ trưởng Ngoại giao Lào Saleumxay Kommasith"] == "tháng 12/2019"
