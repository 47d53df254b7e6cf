"""Publication dates with their precision and basis (annotation guide §2).

The strongest evidence wins. A date the page prints as the article's own is `stated`:
one labelled "Ngày đăng"/"Đăng lúc" or on the byline first, then the date line under
or just above the headline, then one labelled "Cập nhật". A date that only bounds the
day is never `stated`: one in the page chrome (maybe the day the page was shown or
crawled), "Cập nhật lần cuối" (a later edit), the timestamps of a list of other
stories; it may still give the year of the lead's day when printed just after it.
Pages often print only "Sáng 24/12": the year is then inferred from the article's own
context (body, then headline and captions), a year the text speaks of as the reported
event's, not a plan, target, anniversary, background or a related story, and the words
it came from are kept. A day is never invented. When a printed date and the lead's day
disagree, the weaker reading loses and is kept in ``PubDate.against``, so the article
is listed for review with both.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from build_archive.date.patterns import (
    FIRST_MONTHS_RE,
    TIME_RE,
    FoundDate,
    announced_dates,
    dateline_day,
    full_dates,
    valid_date,
)
from build_archive.model.article import PubDate
from build_archive.model.enums import DateBasis, Precision

__all__ = ["DateLine", "valid_date", "printed_dates", "from_html_meta", "from_text", "curated", "resolve"]

# Labels before a printed date: the article's publication, a later update, or the day the page was shown.
_LABELS = (
    ("published", re.compile(r"(?<!\w)(?:ngày đăng|đăng lúc|đăng ngày|đăng tải|ngày xuất bản|xuất bản|"
                             r"published|posted|ngày gửi|gửi lúc)(?!\w)", re.IGNORECASE)),
    ("modified", re.compile(r"(?<!\w)(?:cập nhật lần cuối|last modified|last updated|modified|sửa lần cuối|"
                            r"chỉnh sửa|sửa đổi|hiệu chỉnh)(?!\w)", re.IGNORECASE)),
    ("updated", re.compile(r"(?<!\w)(?:cập nhật|updated)(?!\w)", re.IGNORECASE)),
    ("render", re.compile(r"(?<!\w)(?:hôm nay|today|truy cập|ngày in|in ngày|printed|accessed|retrieved)(?!\w)",
                          re.IGNORECASE)),
)
# What precedes the lead's words: "(PLVN) - ", "VOV5) - ", "TTO - ", "QĐND Online - ", "VOV.VN - ", "- ",
# "Viêng Chăn (TTXVN) - ", "Hà Nội (Chinhphu.vn) – ": a few words (none a number), maybe a tag in brackets, a dash.
_DATELINE_PREFIX_RE = re.compile(r"^(?:(?:[^\s(),\d][^\s(),]*\s+){0,3}\([^()]{1,25}\)\s*[-–—:]"
                                 r"|\(?(?:[^\s(),\d][^\s(),]*\s+){0,2}[^\s(),\d][^\s(),]*\)?\s*[-–—]|[-–—])\s*")
# "Tiếp tục chuyến thăm chính thức Lào, chiều 6/12, …": an opening clause, then the part of the day it happened.
_INTRO_CLAUSE_RE = re.compile(r"^[^.;:!?\n]{3,150},$")
_PART_OF_DAY_RE = re.compile(r"^(?:sáng|chiều|tối|trưa|đêm|rạng sáng)(?!\w)", re.IGNORECASE)
# Words a lead may put before its day: "Trong hai ngày 1 - 2.12", "Tại Hà Nội, chiều 6/12", "Cũng trong sáng 6/12".
_LEAD_OPENER_RE = re.compile(
    r"^(?:(?:tại|ở)\s+[^,.\d]{1,40},\s*)?(?:(?:trong|từ|vào|cũng|đến|tới|suốt)(?:\s+(?:trong|hai|ba|bốn|năm|các|những))?\s*)?$",
    re.IGNORECASE)
# A year the text speaks of: "năm 2019", "tháng 10/2018", "Năm đoàn kết … 2012" (a named year).
_YEAR_MENTION_RES = (
    re.compile(r"(?<![\w-])[Nn]ăm\s+(\d{4})(?!\d)(?!\s*[-–]\s*\d)"),
    re.compile(r"(?<!\w)tháng\s+\d{1,2}\s*[/-]\s*(\d{4})(?!\d)"),
    re.compile(r"(?<=[\s“\"(])Năm\s+[^.;:\d()]{3,60}?\s(\d{4})(?!\d)(?!\s*[-–]\s*\d)"),
)
# Words before a year that make it a plan, target, period, anniversary, background or a comparison's base
# ("tăng 49,7% so với năm 1981", "so với cùng kỳ năm 2021"), not the event's year.
_NOT_EVENT_BEFORE = re.compile(
    r"(?:(?<!\w)(?:kế hoạch|chiến lược|mục tiêu|phấn đấu|kỷ niệm|hiệp định|hiệp ước|nghị định thư|thỏa thuận|thoả thuận|"
    r"chương trình|đề án|quy hoạch|phương hướng|định hướng|nhiệm vụ)(?!\w)[^.;:!?]{0,25}"
    r"|(?<!\w)\d{1,2}\s+tháng\s+(?:(?:đầu|cuối)\s+)?"
    r"|(?<!\w)(?:đến|tới|tầm nhìn|giai đoạn|trước|từ|kể từ|vào|sau|học|nhiệm kỳ|khóa|khoá|niên khóa|so với|cùng kỳ)"
    r"\s+(?:\S+\s+)?)$",
    re.IGNORECASE)
# A sentence opening on a year and a comma tells what happened then: "Năm 1977, hai nước ký Hiệp ước…".
_RECALLED_YEAR = re.compile(r"^\s*,")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s*|\n\s*)[\s“\"(]*$")
# Words after a year that make it background: "năm 2015, hai bên đã hoàn thành…".
_PAST_AFTER = re.compile(r"^[^.;:!?]{0,60}?(?<!\w)đã(?!\w)", re.IGNORECASE)
# Words before a full date that make it one recalled: "kỷ niệm 60 năm Ngày thiết lập quan hệ ngoại giao (5/9/1962)".
_BACKGROUND_BEFORE = re.compile(
    r"(?<!\w)(?:kỷ niệm|thành lập|thiết lập|ra đời|ngày sinh|sinh ngày|năm sinh|giải phóng|chiến thắng|truyền thống|"
    r"lịch sử|trước đây|hồi)(?!\w)[^.;!?]*$", re.IGNORECASE)
# A year-end review ("tổng kết năm 2023", "12 tháng năm 2022") is written from late in that year to early the next.
FIRST_MONTH_OF_YEAR_END_REPORT = 11
MAX_MONTH_OF_YEAR_END_REPORT = 3
# A year whose results are being reviewed ("thành tựu … đạt được trong năm 2019"): a report of its end or the next's start.
_RESULTS_BEFORE = re.compile(r"(?<!\w)(?:đạt được|thành tựu|kết quả|tổng kết)(?!\w)[^.;:!?]{0,40}$", re.IGNORECASE)
# An upcoming year ("dự kiến tổ chức đầu năm 2016"): the article was written no later than that year.
_UPCOMING_BEFORE = re.compile(r"(?<!\w)(?:dự kiến|sắp|sẽ)(?!\w)[^.;:!?]{0,30}$", re.IGNORECASE)
# A lead opening on its date: "Sáng 24/12,", "Hôm 28/6,", "(TTXVN) - Ngày 9-1," or "… chiều nay 23/7/2016".
_TODAY_RE = re.compile(r"(?<!\w)(?:hôm|sáng|chiều|tối|trưa|đêm)\s+nay\b", re.IGNORECASE)
MAX_LEAD_CHARS = 400  # the article's own day is told in its first sentences
# A fully dated event near the lead's day gives its year: up to this long after it ("ngày 28-29/6/2021" then
# "Sáng 2/7"), or shortly before one (the first day of a visit "từ ngày 18 đến 21/12/2017").
MAX_DAYS_AFTER_DATED = 200
MAX_DAYS_BEFORE_DATED = 60
# A dateline opening the lead with a full date: "Vientiane, December 5, 2022 -", "Hà Nội, 22/11/2023 -".
MAX_DATELINE_PLACE_WORDS = 3
# The day a lead reports is the day its page was printed or up to a month before (a weekly's, a Lao outlet's
# report), or the day after across midnight and time zones; further off, one of the two is not the article's.
MAX_DAYS_LEAD_BEFORE_PRINTED = 31
MAX_DAYS_LEAD_AFTER_PRINTED = 1
# Timestamps over the headline, this many or more, date a list of other stories, not the article.
MIN_LISTED_STAMPS = 2
# A date in the page's chrome (maybe the day it was shown or crawled) this soon after the lead's day gives its year.
MAX_DAYS_CHROME_AFTER_LEAD = 7


@dataclass(frozen=True)
class DateLine:
    """A line of the page that prints a date, and whether it sits where the article's own date does."""

    text: str
    own: bool  # in the headline's block or beside the byline (not loose page chrome)
    signed: bool = False  # printed on the author's byline ("Nguyễn Văn An 18:17 | 28/01/2024")
    above_title: bool = False  # over the headline, where a site also prints today's calendar


def _words(found: FoundDate | str) -> str:
    return "“" + (found.text if isinstance(found, FoundDate) else found).strip() + "”"


def _label(text: str, at: int) -> str | None:
    """The label printed nearest before a date in its line: published, modified, updated or render, if any."""
    best: tuple[int, str] | None = None
    for kind, pattern in _LABELS:  # "cập nhật lần cuối" is read as modified, before "cập nhật" is
        for match in pattern.finditer(text[:at]):
            if best is None or match.start() > best[0]:
                best = (match.start(), kind)
    return best[1] if best else None


@dataclass(frozen=True)
class _Printed:
    """A full date printed on the page outside the body, and how strongly it is the article's own."""

    date: PubDate
    rank: int  # 3 labelled as published or on the byline, 2 the article's date line, 1 labelled as updated,
    # 0 chrome or last modified (the page changed after it came out: a bound, not the day)
    calendar: bool  # a bare day over the headline, no time or label: maybe the site's calendar of today


def printed_dates(lines: list[DateLine]) -> list[_Printed]:
    """Every full date on the page's date lines, in page order, ranked as the article's own or not."""
    found = []
    stamps = [line for line in lines if TIME_RE.search(line.text) and full_dates(line.text) and not line.signed
              and _label(line.text, len(line.text)) is None]
    listed = [line for line in stamps if line.above_title]
    if len(listed) < MIN_LISTED_STAMPS:
        listed = []
    loose = [line for line in stamps if not line.own and line not in listed]
    for line in lines:
        for date in full_dates(line.text):
            label = _label(line.text, date.start)
            timed = bool(TIME_RE.search(line.text))
            calendar = line.above_title and not timed and label is None
            if label in ("render", "modified"):
                rank = 0
            elif label == "published" or (line.signed and label is None):
                rank = 3
            elif label == "updated":
                rank = 1
            else:
                # one timestamp is the article's; several over the headline or loose in the page, a list of stories'
                rank = 2 if (line.own and line not in listed) or loose == [line] else 0
            evidence = _words(line.text)
            found.append(_Printed(PubDate(date.iso, Precision.DAY, DateBasis.STATED, evidence), rank, calendar))
    return found


def from_html_meta(value: str) -> PubDate | None:
    match = re.match(r"(\d{4})-(\d{2})-(\d{2})", value)
    if match and valid_date(int(match[1]), int(match[2]), int(match[3])):
        return PubDate(match.group(0), Precision.DAY, DateBasis.STATED, f"“{value}”")
    return None


@dataclass(frozen=True)
class _Year:
    year: int
    words: str
    kind: str  # event | results | upcoming


# "các năm 2021, năm 2022 và 6 tháng đầu năm nay": this year follows the last one listed.
_THEN_THIS_YEAR_RE = re.compile(r"năm\s+(\d{4})\s*(?:,|và)\s*(?:\d{1,2}\s+tháng\s+(?:đầu\s+)?)?năm\s+nay",
                                re.IGNORECASE)


def year_mentions(text: str) -> list[_Year]:
    """Years the text speaks of as its own time, with what kind of mention each is."""
    years = [_Year(int(m[1]) + 1, m.group(0), "event") for m in _THEN_THIS_YEAR_RE.finditer(text)]
    for pattern in _YEAR_MENTION_RES:
        for match in pattern.finditer(text):
            before = text[max(0, match.start() - 60):match.start()]
            after = text[match.end():match.end() + 80]
            year = int(match[1])
            if _UPCOMING_BEFORE.search(before):
                years.append(_Year(year, match.group(0), "upcoming"))
            elif _NOT_EVENT_BEFORE.search(before) or (_RECALLED_YEAR.match(after) and _SENTENCE_START.search(before)):
                continue
            elif _RESULTS_BEFORE.search(before):
                years.append(_Year(year, match.group(0), "results"))
            elif not _PAST_AFTER.match(after):
                years.append(_Year(year, match.group(0), "event"))
    return years


def _background_date(text: str, found: FoundDate) -> bool:
    """A full date the text recalls rather than reports (an anniversary's origin, a founding, a birth), or one
    that dates a headline in a list of other stories ("Thủ tướng tiếp Đại sứ Lào (05/12/2023)")."""
    before = text[max(0, found.start - 80):found.start]
    line_start = text.rfind("\n", 0, found.start) + 1
    line_end = text.find("\n", found.end)
    head, tail = text[line_start:found.start], text[found.end:line_end if line_end >= 0 else len(text)]
    listed = (not tail.strip(" )]") and head.rstrip().endswith(("(", "[", "-", "–", "|"))
              and not re.search(r"[.!?]\s", head))
    return listed or bool(_BACKGROUND_BEFORE.search(before))


def infer_year(day: int, month: int, text: str, captions: str = "") -> tuple[int, str] | None:
    """The year of a day/month from the article's context, with the words that gave it; a photo caption (maybe
    an archive photo) only by a full date near the day."""
    # 1. A fully dated event shortly before the day/month ("ngày 28-29/6/2021"), not one recalled ("(5/9/1962)").
    for source in (text, captions):
        for found in full_dates(source):
            if found.year is None or _background_date(source, found):
                continue
            then = valid_date(found.year, found.month, found.day)
            for year in (found.year, found.year + 1):
                now = valid_date(year, month, day)
                if then and now and -MAX_DAYS_BEFORE_DATED <= (now - then).days <= MAX_DAYS_AFTER_DATED:
                    return year, _words(found)
    # 2. A report on the first months of a year ("7 tháng đầu năm 2021"), written once those months are over.
    for match in FIRST_MONTHS_RE.finditer(text):
        months, year = int(match[1]), int(match[2])
        if months == 12 and month <= MAX_MONTH_OF_YEAR_END_REPORT:
            return year + 1, _words(match.group(0))
        if 1 <= months <= month:
            return year, _words(match.group(0))
    # 3. The year the article speaks of as its own; a year whose results are reviewed at its end or early in the next.
    mentions = year_mentions(text)
    events = [m for m in mentions if m.kind == "event"]
    if events:
        best = max(events, key=lambda m: m.year)
        return best.year, _words(best.words)
    results = [m for m in mentions if m.kind == "results"]
    if results and (month <= MAX_MONTH_OF_YEAR_END_REPORT or month >= FIRST_MONTH_OF_YEAR_END_REPORT):
        best = max(results, key=lambda m: m.year)
        return best.year + (month <= MAX_MONTH_OF_YEAR_END_REPORT), _words(best.words)
    return None


def _lead_date(paragraphs: list[str]) -> FoundDate | None:
    """The day the lead reports as today's: "Sáng 24/12", "hôm nay (19-12)", "chiều nay 23/7/2016", or a dateline
    with a full date ("Vientiane, December 5, 2022 - …") or a day ("Viêng Chăn, 6/12 (KPL) - …")."""
    for paragraph in paragraphs[:1]:
        for found in full_dates(paragraph[:MAX_LEAD_CHARS // 4]):
            place = paragraph[:found.start].strip(" ,(")
            after = paragraph[found.end:].lstrip(" )")
            if (len(place.split()) <= MAX_DATELINE_PLACE_WORDS and not any(c.isdigit() for c in place)
                    and after[:1] in ("", "-", "–", "—", ":")):
                return found
    for paragraph in paragraphs[:1]:
        if dated := dateline_day(paragraph):
            return dated
    for paragraph in paragraphs[:3]:
        head = _DATELINE_PREFIX_RE.sub("", paragraph, count=1)
        for found in announced_dates(head[:MAX_LEAD_CHARS]):
            before = head[:found.start].strip(" (")
            if (_LEAD_OPENER_RE.match(before) or _TODAY_RE.search(found.text)
                    or (_PART_OF_DAY_RE.match(found.text) and _INTRO_CLAUSE_RE.match(before))):
                return found
    return None


def from_text(paragraphs: list[str], headline: str | None = None, captions: Sequence[str] = ()) -> PubDate:
    """The date the lead gives its event, its year inferred if absent (from the body and the headline, or a full
    date in a photo caption near the day: they tell the same event); else the year the body speaks of."""
    whole = "\n".join(paragraphs)
    found = _lead_date(paragraphs)
    if found and found.year:
        return PubDate(found.iso, Precision.DAY, DateBasis.INFERRED, _words(found))
    if found:
        year = infer_year(found.day, found.month, "\n".join([*paragraphs, headline or ""]), "\n".join(captions))
        if year and valid_date(year[0], found.month, found.day):
            return PubDate(f"{year[0]:04d}-{found.month:02d}-{found.day:02d}", Precision.DAY, DateBasis.INFERRED,
                           f"{_words(found)}, {year[1]}")
        return PubDate(None, Precision.UNKNOWN, DateBasis.UNKNOWN, _words(found))
    for paragraph in paragraphs[:1]:
        dated = [found for found in full_dates(paragraph) if not _background_date(paragraph, found)]
        if dated:
            return PubDate(f"{dated[0].year:04d}", Precision.YEAR, DateBasis.INFERRED, _words(dated[0]))
    years = sorted({m.year for m in year_mentions(whole) if m.kind == "event"})
    if len(years) == 1:
        words = next(m.words for m in year_mentions(whole) if m.year == years[0])
        return PubDate(f"{years[0]:04d}", Precision.YEAR, DateBasis.INFERRED, _words(words))
    return PubDate(None, Precision.UNKNOWN, DateBasis.UNKNOWN, None)


def _upper_bound(text: str) -> _Year | None:
    """The earliest year the text still speaks of as to come ("dự kiến tổ chức đầu năm 2016")."""
    upcoming = [m for m in year_mentions(text) if m.kind == "upcoming"]
    return min(upcoming, key=lambda m: m.year) if upcoming else None


def _fits(printed: PubDate, lead: FoundDate) -> bool:
    """Whether the lead's day can be the day a printed date was published (the same day or shortly before)."""
    assert printed.date is not None
    when = dt.date.fromisoformat(printed.date)
    for year in ([lead.year] if lead.year else [when.year, when.year - 1]):
        day = valid_date(year, lead.month, lead.day)
        if day and -MAX_DAYS_LEAD_AFTER_PRINTED <= (when - day).days <= MAX_DAYS_LEAD_BEFORE_PRINTED:
            return True
    return False


def _lead_reading(text: PubDate, lead: FoundDate) -> str:
    return f"{text.date} ({text.evidence})" if text.date else f"ngày {lead.day}/{lead.month} ({_words(lead)})"


def _with_year_from(printed: PubDate, lead: FoundDate, text: PubDate, within: int) -> PubDate:
    """The lead's day in the year of a chrome or last-modified date printed shortly after it."""
    assert printed.date is not None
    when = dt.date.fromisoformat(printed.date)
    for year in (when.year, when.year - 1):
        day = valid_date(year, lead.month, lead.day)
        if day and 0 <= (when - day).days <= within:
            return PubDate(day.isoformat(), Precision.DAY, DateBasis.INFERRED, f"{_words(lead)}, {printed.evidence}")
    return text


def resolve(lines: list[DateLine], html_meta: str | None, paragraphs: list[str], headline: str | None = None,
            captions: Sequence[str] = ()) -> PubDate:
    """The publication date from every reading, strongest first; a losing reading is kept as ``against``.

    A date printed as the article's own is checked against the day the lead reports: when they disagree, a
    bare date over the headline (the shape of a site's calendar of today) loses to the lead's reading; any
    other printed date keeps its value, and the article is listed for review with both readings."""
    printed = printed_dates(lines)
    own = max((p for p in printed if p.rank), key=lambda p: p.rank, default=None)  # the first of the highest rank
    meta = from_html_meta(html_meta) if html_meta else None
    if own is None and meta:
        own = _Printed(meta, 3, False)
    chrome = next((p for p in printed if not p.rank), None)
    text = from_text(paragraphs, headline, captions)
    lead = _lead_date(paragraphs)
    bound = _upper_bound("\n".join(paragraphs))
    if own:
        stated = own.date
        if bound and stated.date and int(stated.date[:4]) > bound.year:
            against = f"{stated.date} ({stated.evidence}): bài còn nói {_words(bound.words)} là sắp tới"
            return replace(text if text.date and int(text.date[:4]) <= bound.year else
                           PubDate(None, Precision.UNKNOWN, DateBasis.UNKNOWN, None), against=against)
        if lead and not _fits(stated, lead):
            if own.calendar:
                note = "ngày in trên đầu trang, không khớp ngày trong bài, có thể là ngày hiển thị trang"
                return replace(text, against=f"{stated.date} ({stated.evidence}): {note}")
            return replace(stated, against=_lead_reading(text, lead))
        if text.date and stated.date and text.precision == Precision.DAY and text.date[:4] != stated.date[:4]:
            return replace(stated, against=f"{text.date} ({text.evidence})")
        return stated
    if chrome:
        modified = chrome.date.evidence is not None and _label(chrome.date.evidence, len(chrome.date.evidence)) == "modified"
        if lead and not lead.year:
            within = MAX_DAYS_LEAD_BEFORE_PRINTED if modified else MAX_DAYS_CHROME_AFTER_LEAD
            text = _with_year_from(chrome.date, lead, text, within)
        if text.evidence and chrome.date.evidence and chrome.date.evidence in text.evidence:
            return text
        why = "ngày sửa bài, sau ngày đăng" if modified else "ngày in trên khung trang, có thể là ngày tải trang"
        return replace(text, against=f"{chrome.date.date} ({chrome.date.evidence}): {why}")
    return text


def curated(value: str) -> PubDate:
    precision = {4: Precision.YEAR, 7: Precision.MONTH, 10: Precision.DAY}[len(value)]
    return PubDate(value, precision, DateBasis.CURATED, None)
