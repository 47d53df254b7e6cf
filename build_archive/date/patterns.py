"""Every date shape Vietnamese outlets print, in one place, for clean, tag and link.

Numeric dates come with "/", "-" or "." ("24/12", "24-12-2010", "ngày 6.12",
"1 - 2.12"), in US order when the first number cannot be a day ("11/22/2023"),
with English month names ("06 March 2011", "October 24, 2017"; read by
python-dateutil) or Vietnamese words ("14 tháng 6, 2011"). A bare day.month
is a date only after a word that announces one ("ngày", "sáng", "hôm"…), so
"8.5 triệu" never becomes the 8th of May.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from dateutil import parser as dateutil_parser

# Shared with link/events.py (the day of the reported event) and tag/figures.py (date figures).
LEAD_DATE_RE = re.compile(r"(?:sáng|chiều|tối|trưa|ngày)(?:\s+nay)?\s*(?:ngày\s*)?\(?(\d{1,2})/(\d{1,2})(?:/(\d{4}))?")

# A full numeric date: 22/11/2023, 26-8-2010, 18.11.2011 (one separator kind throughout).
FULL_DATE_RE = re.compile(r"(?<![\d/.,-])(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4})(?![\d/.-]?\d)")
# Day and month announced by a time word: "Sáng 24/12", "hôm nay (19-12)", "ngày 6.12", "Từ ngày 8-9/7".
TIME_WORD = r"(?:sáng|chiều|tối|trưa|đêm|rạng sáng|hôm|ngày)(?:\s+nay|\s+qua|\s+mai)?"
DAY_MONTH_RE = re.compile(
    rf"(?<!\w)(?P<word>{TIME_WORD})\s*(?:ngày\s*)?\(?\s*(?:(?P<d1>\d{{1,2}})\s*(?:[-–]|đến)\s*(?:ngày\s*)?)?"
    r"(?P<d>\d{1,2})\s*(?P<sep>[/.-])\s*(?P<m>\d{1,2})(?:(?P=sep)(?P<y>\d{4}))?(?![\d/]|\.\d)\)?",
    re.IGNORECASE)
# The same in words: "Ngày 6 tháng 12,", "Sáng 6 tháng 12 năm 2023".
DAY_MONTH_WORDS_RE = re.compile(
    rf"(?<!\w)(?P<word>{TIME_WORD})\s*(?:ngày\s*)?(?P<d>\d{{1,2}})\s+tháng\s+(?P<m>\d{{1,2}})(?!\d)"
    r"(?:,?\s+(?:năm\s+)?(?P<y>\d{4})(?!\d))?", re.IGNORECASE)
# Vietnamese month names ("tháng Sáu", "tháng Mười Hai", "tháng Chạp"), as dates and figures print them.
MONTH_NAMES = {"Giêng": 1, "Một": 1, "Hai": 2, "Ba": 3, "Tư": 4, "Năm": 5, "Sáu": 6, "Bảy": 7, "Tám": 8,
                "Chín": 9, "Mười": 10, "Mười Một": 11, "Mười một": 11, "Mười Hai": 12, "Mười hai": 12, "Chạp": 12}
_MONTH_WORD = "|".join(sorted(MONTH_NAMES, key=len, reverse=True))
# "14 tháng 6, 2011", "ngày 14 tháng 6 năm 2011", "12 Tháng Sáu 2023". A month name is read only capitalised
# ("12 tháng năm 2022" is twelve months of 2022, not the 12th of May).
VI_WORDS_DATE_RE = re.compile(rf"(?<!\d)(?P<d>\d{{1,2}})\s+tháng\s+(?:(?P<m>\d{{1,2}})|(?-i:(?P<mw>{_MONTH_WORD})))(?!\w)"
                              r",?\s+(?:năm\s+)?(?P<y>\d{4})(?!\d)", re.IGNORECASE)
_EN_MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|December|"
              "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec")
_ORDINAL = r"(?:st|nd|rd|th)?"
EN_DATE_RE = re.compile(
    rf"(?<!\w)(?:\d{{1,2}}{_ORDINAL}\s+(?:of\s+)?(?:{_EN_MONTHS})\.?,?\s+\d{{4}}"
    rf"|(?:{_EN_MONTHS})\.?\s+\d{{1,2}}{_ORDINAL},?\s+\d{{4}})(?!\w)",
    re.IGNORECASE)
_ORDINAL_SUFFIX_RE = re.compile(r"(?<=\d)(?:st|nd|rd|th)\b|\bof\s+", re.IGNORECASE)
# The weekday printed before a date ("Thứ Hai, 06/12/2023", "T2 06/12", "Monday, 12/06/2023") tells D/M from M/D.
_WEEKDAYS = {"thứ hai": 0, "thứ 2": 0, "t2": 0, "thứ ba": 1, "thứ 3": 1, "t3": 1, "thứ tư": 2, "thứ 4": 2, "t4": 2,
             "thứ năm": 3, "thứ 5": 3, "t5": 3, "thứ sáu": 4, "thứ 6": 4, "t6": 4, "thứ bảy": 5, "thứ 7": 5, "t7": 5,
             "chủ nhật": 6, "cn": 6, "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
             "saturday": 5, "sunday": 6}
_WEEKDAY_BEFORE_RE = re.compile(
    r"(?<!\w)(" + "|".join(sorted(_WEEKDAYS, key=len, reverse=True)) + r")(?!\w)[\s,.(|-]*(?:ngày\s*)?$",
    re.IGNORECASE)
TIME_RE = re.compile(r"(?<!\d)\d{1,2}[:h]\d{2}(?::\d{2})?(?!\d)")
# "9 tháng đầu năm 2022", "6 tháng đầu năm": a report on part of a year, context for its dates.
FIRST_MONTHS_RE = re.compile(r"(\d{1,2})\s+tháng\s+(?:đầu\s+)?năm\s+(\d{4})", re.IGNORECASE)

# A date an editor writes in a sidecar or data/events.yml: YYYY, YYYY-MM or YYYY-MM-DD.
CURATED_DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


@dataclass(frozen=True)
class FoundDate:
    """A date printed in a text, with the words it was read from."""

    year: int | None
    month: int
    day: int
    start: int
    end: int
    text: str

    @property
    def iso(self) -> str:
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}" if self.year else f"--{self.month:02d}-{self.day:02d}"


def valid_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def full_dates(text: str) -> list[FoundDate]:
    """Every complete date in the text, whatever its format, in reading order."""
    return list(_full_dates(text))


@functools.lru_cache(maxsize=1 << 14)  # cleaning and dating ask about the same lines many times
def _full_dates(text: str) -> tuple[FoundDate, ...]:
    found: list[FoundDate] = []
    for match in FULL_DATE_RE.finditer(text):
        a, b, year = int(match["a"]), int(match["b"]), int(match["y"])
        day, month = (a, b) if valid_date(year, b, a) else (b, a)  # US order only when D/M is impossible
        weekday = _WEEKDAY_BEFORE_RE.search(text[max(0, match.start() - 16):match.start()])
        us = valid_date(year, a, b)
        if weekday and us and _WEEKDAYS[weekday[1].lower()] == us.weekday() != (valid_date(year, b, a) or us).weekday():
            day, month = b, a  # "Thursday, 06/22/2023" is US order, and so is "Monday, 06/12/2023"
        if valid_date(year, month, day):
            found.append(FoundDate(year, month, day, match.start(), match.end(), match.group(0)))
    for match in VI_WORDS_DATE_RE.finditer(text):
        day, year = int(match["d"]), int(match["y"])
        month = int(match["m"]) if match["m"] else MONTH_NAMES[match["mw"]]
        if valid_date(year, month, day):
            found.append(FoundDate(year, month, day, match.start(), match.end(), match.group(0)))
    for match in EN_DATE_RE.finditer(text):
        try:
            when = dateutil_parser.parse(_ORDINAL_SUFFIX_RE.sub("", match.group(0)), default=dt.datetime(1900, 1, 1))
        except (ValueError, OverflowError):
            continue
        found.append(FoundDate(when.year, when.month, when.day, match.start(), match.end(), match.group(0)))
    return tuple(sorted(found, key=lambda f: f.start))


# "Hà Nội, ngày 6/12/2023", "Viêng Chăn, 06/12/2023 08:15": a place, then the day the article was written there.
_PLACE_DATELINE_RE = re.compile(r"^(?:[A-ZĐ][\w.]*\s*){1,3},\s*(?:ngày\s+)?$")
_AFTER_DATELINE_RE = re.compile(r"^[\s,|:-]*(?:\d{1,2}[:h]\d{2}(?::\d{2})?)?[\s()]*(?:GMT\s*\+?\s*7)?[\s()]*$")


def place_dateline(line: str) -> FoundDate | None:
    """The date of a line that is a place and a full date and nothing else ("Hà Nội, ngày 6/12/2023")."""
    found = full_dates(line)
    if len(found) == 1 and _PLACE_DATELINE_RE.match(line[:found[0].start]) and _AFTER_DATELINE_RE.match(
            line[found[0].end:]):
        return found[0]
    return None


# A wire dateline with the day before the agency's tag: "Viêng Chăn, 6/12 (KPL) -", "Vientiane, Dec. 6 (VNA) –".
_DATELINE_DAY_RE = re.compile(
    r"^(?:[A-ZĐ][^\s,()]*\s*){1,3},\s*(?:ngày\s+)?(?:(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})"
    rf"|(?P<mon>{_EN_MONTHS})\.?\s+(?P<d2>\d{{1,2}}))(?:[/.-](?P<y>\d{{4}}))?\s*\([^()]{{1,25}}\)\s*[-–—]",
    re.IGNORECASE)


def dateline_day(text: str) -> FoundDate | None:
    """The day of a wire dateline that opens a lead ("Viêng Chăn, 6/12 (KPL) -"), the year when printed."""
    match = _DATELINE_DAY_RE.match(text)
    if not match:
        return None
    year = int(match["y"]) if match["y"] else None
    if match["mon"]:
        month = dateutil_parser.parse(match["mon"] + " 1", default=dt.datetime(2000, 1, 1)).month
        day = int(match["d2"])
    else:
        day, month = int(match["d"]), int(match["m"])
    if not valid_date(year or 2000, month, day):
        return None
    start = match.start("d") if match["d"] else match.start("mon")
    end = match.end("y") if match["y"] else (match.end("m") if match["m"] else match.end("d2"))
    return FoundDate(year, month, day, start, end, text[start:end])


def announced_dates(text: str) -> list[FoundDate]:
    """Dates after a time word ("Chiều 12/9", "hôm nay (19-12)", "ngày 6.12", "Ngày 6 tháng 12"), the year when
    printed, in reading order."""
    found = []
    for pattern in (DAY_MONTH_RE, DAY_MONTH_WORDS_RE):
        for match in pattern.finditer(text):
            day, month = int(match["d"]), int(match["m"])
            year = int(match["y"]) if match["y"] else None
            if valid_date(year or 2000, month, day):
                found.append(FoundDate(year, month, day, match.start(), match.end(), match.group(0)))
    return sorted(found, key=lambda f: f.start)

# Dates and periods as figures (tag/figures.py).
_RANGE_SEP = r"\s*(?:-|–|đến|tới)\s*(?:ngày\s+)?"
# One date, or a range of dates: "24/12", "13-4", "ngày 6.12", "5/9/1962-5/9/2022", "8-9/7",
# "23-26/7/2016", "từ ngày 27/7 đến 5/8/2012", "từ ngày 24 đến ngày 26-8-2010".
FIGURE_DATE_RE = re.compile(
    r"(?<![\d/.,\w])(?:(?P<from>[Tt]ừ\s+(?:ngày\s+)?)?(?P<d1>\d{1,2})(?:(?P<s1>[/.-])(?P<m1>\d{1,2})"
    r"(?:(?P=s1)(?P<y1>\d{4}))?)?" + _RANGE_SEP + r")?"
    r"(?P<d>\d{1,2})(?P<sep>[/.-])(?P<m>\d{1,2})(?:(?P=sep)(?P<y>\d{4}))?(?![\d/]|[.,-]\d)")
DATE_CUE_RE = re.compile(r"(?:ngày|sáng|chiều|tối|trưa|đêm|hôm|nay|qua)\s*\(?\s*$", re.IGNORECASE)
MONTH_RANGE_RE = re.compile(
    r"(?:[Tt]ừ\s+)?[Tt]háng\s+(?P<m1>\d{1,2})\s*[/-]\s*(?P<y1>\d{4})\s*(?:-|–|đến|tới)\s*"
    r"tháng\s+(?P<m2>\d{1,2})\s*[/-]\s*(?P<y2>\d{4})(?!\d)")
MONTH_YEAR_RE = re.compile(
    rf"(?<!\w)(?<!\d\s)[Tt]háng\s+(?:(?P<m>\d{{1,2}})|(?P<mw>{_MONTH_WORD})(?!\w))"
    r"(?:\s*[/-]\s*(?P<y>\d{4})|\s+năm\s+(?P<y2>\d{4}))?(?![\d/])")
YEAR_RANGE_RE = re.compile(r"(?<![\d/.,-])(?P<y1>(?:19|20)\d\d)\s*[-–]\s*(?P<y2>(?:19|20)\d\d)(?![\d/]|[.,-]\d)")
YEAR_RE = re.compile(r"(?<!\w)(?:(?:đầu|cuối|giữa)\s+)?[Nn]ăm\s+(?P<y>(?:19|20)\d\d)(?![\d/.,-]\d|\s*[-–]\s*\d)")
