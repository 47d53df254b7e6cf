"""Publication dates with their precision and basis (annotation guide §2).

Pages often print only "Sáng 24/12". The year is then inferred from the
article's own context, and the words it came from are kept as evidence. A day
is never invented: without a day and month the date stays a year or unknown.
"""

from __future__ import annotations

import datetime as dt
import re

from build_archive.model.article import PubDate

_TIMESTAMP_RE = re.compile(r"(?<!\d)(\d{1,2})/(\d{1,2})/(\d{4})(?!\d)")
_LEAD_RE = re.compile(
    r"^(?:\([^()]{2,20}\)\s*[-–—]\s*)?"  # dateline "(PLVN) - "
    r"(?:(?:Sáng|Chiều|Tối|Trưa|Đêm|Ngày|Hôm nay|Hôm qua|Rạng sáng)(?:\s+nay)?\s*(?:ngày\s*)?)"
    r"\(?(\d{1,2})/(\d{1,2})(?:/(\d{4}))?\)?",
    re.IGNORECASE,
)
_DATELINE_PREFIX_RE = re.compile(r"^\([^()]{2,20}\)\s*[-–—]\s*")
_FULL_DATE_RE = re.compile(r"(?<![\d/])(?:(\d{1,2})\s*[-–]\s*)?(\d{1,2})/(\d{1,2})/(\d{4})(?![\d/])")
_FIRST_MONTHS_RE = re.compile(r"(\d{1,2})\s+tháng\s+(?:đầu\s+)?năm\s+(\d{4})", re.IGNORECASE)
_YEAR_RE = re.compile(r"(?<![-–\d])\b[Nn]ăm\s+(\d{4})\b(?!\s*[-–]\s*\d{4})")
_FUTURE_BEFORE = re.compile(r"(?:đến|tới|tầm nhìn|giai đoạn|trước)\s*$", re.IGNORECASE)


def valid_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def stated_in_header(lines: list[str]) -> PubDate | None:
    """A timestamp line of the page header ("12:26 | 12/01/2023 GMT+7")."""
    for line in lines:
        match = _TIMESTAMP_RE.search(line)
        if match and valid_date(int(match[3]), int(match[2]), int(match[1])):
            day, month, year = int(match[1]), int(match[2]), int(match[3])
            return PubDate(f"{year:04d}-{month:02d}-{day:02d}", "day", "stated", f"“{line.strip()}”")
    return None


def from_html_meta(value: str) -> PubDate | None:
    match = re.match(r"(\d{4})-(\d{2})-(\d{2})", value)
    if match and valid_date(int(match[1]), int(match[2]), int(match[3])):
        return PubDate(match.group(0), "day", "stated", f"“{value}”")
    return None


def _mentioned_years(text: str) -> list[tuple[int, str]]:
    years = []
    for match in _YEAR_RE.finditer(text):
        if _FUTURE_BEFORE.search(text[max(0, match.start() - 12):match.start()]):
            continue
        years.append((int(match[1]), match.group(0)))
    return years


def infer_year(day: int, month: int, text: str) -> tuple[int, str] | None:
    """The year of a day/month from the article's context, with the words that gave it."""
    # 1. A fully dated event shortly before the day/month ("ngày 28-29/6/2021").
    for match in _FULL_DATE_RE.finditer(text):
        d, m, y = int(match[2]), int(match[3]), int(match[4])
        then = valid_date(y, m, d)
        if not then:
            continue
        for year in (y, y + 1):
            now = valid_date(year, month, day)
            if now and 0 <= (now - then).days <= 200:
                return year, match.group(0)
    # 2. A report on the first months of a year ("7 tháng đầu năm 2021").
    for match in _FIRST_MONTHS_RE.finditer(text):
        months, year = int(match[1]), int(match[2])
        if 1 <= months <= 12:
            return (year + 1 if months == 12 else year), match.group(0)
    # 3. The latest year the article speaks of as present or past ("năm 2019").
    years = _mentioned_years(text)
    if years:
        return max(years)
    return None


def from_text(paragraphs: list[str]) -> PubDate:
    """The date printed at the head of the lead ("Sáng 24/12,"), year inferred if absent."""
    whole = "\n".join(paragraphs)
    for paragraph in paragraphs[:4]:
        match = _LEAD_RE.match(paragraph)
        if not match:
            continue
        day, month = int(match[1]), int(match[2])
        if match[3]:
            if valid_date(int(match[3]), month, day):
                return PubDate(f"{int(match[3]):04d}-{month:02d}-{day:02d}", "day", "stated",
                               "“" + _DATELINE_PREFIX_RE.sub("", match.group(0)).strip() + "”")
            continue
        if not valid_date(2000, month, day) and not (month == 2 and day == 29):
            continue
        found = infer_year(day, month, whole)
        if found is None:
            return PubDate(None, "unknown", "unknown", "“" + _DATELINE_PREFIX_RE.sub("", match.group(0)).strip() + "”")
        year, evidence = found
        if valid_date(year, month, day):
            said = _DATELINE_PREFIX_RE.sub("", match.group(0)).strip()
            return PubDate(f"{year:04d}-{month:02d}-{day:02d}", "day", "inferred", f"“{said}”, “{evidence}”")
    years = sorted({year for year, _ in _mentioned_years(whole)})
    if len(years) == 1:
        evidence = next(words for year, words in _mentioned_years(whole) if year == years[0])
        return PubDate(f"{years[0]:04d}", "year", "inferred", f"“{evidence}”")
    return PubDate(None, "unknown", "unknown", None)


def curated(value: str) -> PubDate:
    precision = {4: "year", 7: "month", 10: "day"}[len(value)]
    return PubDate(value, precision, "curated", None)
