"""Figure tagging: money, percentages, counts and dates with their meaning (annotation guide §4).

Vietnamese writes 1,73 for 1.73 and 1.100 for 1100; a dot with one or two
digits before a scale word ("8.5 triệu") is a decimal. A figure's metric comes
from the nearest metric words before it in its sentence; its period from a
time expression in the sentence, a comparison ("so với năm 2021" → 2022), or
the latest year the article spoke of before it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from build_archive.date.patterns import DATE_CUE_RE as _DATE_CUE_RE
from build_archive.date.patterns import FIGURE_DATE_RE as _DATE_RE
from build_archive.date.patterns import MONTH_NAMES as _MONTH_NAMES
from build_archive.date.patterns import MONTH_RANGE_RE as _MONTH_RANGE_RE
from build_archive.date.patterns import MONTH_YEAR_RE as _MONTH_YEAR_RE
from build_archive.date.patterns import YEAR_RANGE_RE as _YEAR_RANGE_RE
from build_archive.date.patterns import YEAR_RE as _YEAR_RE
from build_archive.model.article import EntitySpan, FigureSpan, PubDate
from build_archive.model.enums import FigureKind, Qualifier
from build_archive.tag.entities import matching_form
from build_archive.tag.knowledge import TaggingRules

SCALES = {"nghìn": 1e3, "ngàn": 1e3, "triệu": 1e6, "tỷ": 1e9, "tỉ": 1e9}
_NUM = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?(?:\.\d{1,2}(?=\s*(?:nghìn|ngàn|triệu|tỷ|tỉ)(?!\w)))?"
_PERIOD_RES = (
    (re.compile(r"(?P<n>\d{1,2})\s+tháng\s+đầu\s+năm\s+(?P<y>\d{4}|nay)", re.I), "months"),
    (re.compile(r"(?P<n>\d{1,2})\s+tháng\s+đầu\s+năm(?P<y>)(?!\s*(?:\d|nay))", re.I), "months"),
    (re.compile(r"(?P<n>\d{1,2})\s+năm\s+(?:trở\s+lại\s+đây|qua|gần\s+đây|vừa\s+qua)(?P<y>)", re.I), "last years"),
    (re.compile(r"(?:cả\s+)?năm\s+(?P<y>\d{4}|nay)(?!\s*[-–]\s*\d)", re.I), "year"),
    (re.compile(r"năm\s+(?:ngoái|trước)(?P<y>)(?!\w)", re.I), "last year"),
)
_SENTENCE_COMPARE_RE = re.compile(r"so\s+với\s+(?:cùng\s+kỳ\s+)?năm\s+(?P<y>\d{4})", re.I)
_COMPARE_RE = re.compile(r"^[^.;\d]{0,25}?so\s+với\s+(?P<what>(?:cùng\s+kỳ\s+)?(?:năm\s+)?(?P<y>\d{4}))", re.I)


@dataclass(frozen=True)
class FigureRules:
    """The figure grammar compiled from data/tagging.yml."""

    amount: re.Pattern[str]
    qualifier_of: dict[str, Qualifier]
    currency_of: dict[str, str]
    metric_words: tuple[tuple[str, str], ...]  # (matching form of the words, metric)
    stock_words: tuple[str, ...] = ()  # matching forms
    flow_words: tuple[str, ...] = ()
    stock_metrics: tuple[str, ...] = ("investment", "aid")  # what can accumulate; trade is always a flow

    @classmethod
    def build(cls, rules: TaggingRules) -> FigureRules:
        qualifier_of = {matching_form(w): kind for kind, words in rules.qualifiers.items() for w in words}
        currency_of = {matching_form(w): code for code, words in rules.currencies.items() for w in words}

        def alternation(words: Iterable[str]) -> str:
            return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))

        nouns = alternation(map(matching_form, rules.count_nouns))  # "1002 mốc và cọc dấu": two nouns, one count
        amount = re.compile(
            rf"(?<![\w,.])(?:(?P<qual>{alternation(qualifier_of)})\s+)?"
            rf"(?P<n1>{_NUM})(?:\s*(?:-|–|đến|tới)\s*(?P<n2>{_NUM}))?"
            r"(?:\s*(?P<scale>nghìn|ngàn|triệu|tỷ|tỉ)(?!\w))?"
            rf"(?:(?P<pct>\s?%)|\s*(?P<cur>{alternation(currency_of)})(?P<per>/năm)?(?!\w)"
            rf"|\s*(?P<noun>(?:{nouns})(?:\s+và\s+(?:{nouns})(?!\w))?)(?!\w))",
        )
        metric_words = tuple(sorted(((matching_form(w), metric) for metric, words in rules.metrics.items()
                                     for w in words), key=lambda p: -len(p[0])))
        return cls(amount, qualifier_of, currency_of, metric_words, tuple(map(matching_form, rules.stock_words)),
                   tuple(map(matching_form, rules.flow_words)))


def parse_number(text: str) -> float:
    """Vietnamese number writing to a float: "1,73" → 1.73, "1.100" → 1100, "8.5" → 8.5."""
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", text):
        return float(text.replace(".", "").replace(",", "."))
    return float(text.replace(",", "."))


def _sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    start = max(text.rfind(". ", 0, pos), text.rfind("; ", 0, pos))
    start = start + 2 if start >= 0 else 0
    ends = [i for i in (text.find(". ", pos), text.find("; ", pos)) if i >= 0]
    return start, min(ends) if ends else len(text)


def _year_of(value: str, article_year: int | None) -> int | None:
    """"2019" → 2019; "nay" or nothing (the year the article speaks from) → the article's year."""
    return article_year if value.lower() in ("nay", "") else int(value)


def _periods(text: str, article_year: int | None) -> list[tuple[int, int, str]]:
    """Time expressions in a text: (start, end, ISO period)."""
    found: list[tuple[int, int, str]] = []
    for regex, kind in _PERIOD_RES:
        for match in regex.finditer(text):
            year = _year_of(match["y"], article_year)
            if year is None or any(s <= match.start() < e for s, e, _ in found):
                continue
            if re.search(r"so\s+với\s+(?:cùng\s+kỳ\s+)?$", text[max(0, match.start() - 20):match.start()], re.I):
                continue  # a comparison, not the period
            if kind == "months":
                months = int(match["n"])
                period = f"{year}" if months >= 12 else f"{year}-01/{year}-{months:02d}"
            elif kind == "last years":  # "trong 5 năm trở lại đây" in 2023: 2019–2023
                period = f"{year - int(match['n']) + 1}/{year}"
            elif kind == "last year":
                period = f"{year - 1}"
            else:
                period = f"{year}"
            found.append((match.start(), match.end(), period))
    return sorted(found)


def _day(year: int | None, month: int, day: int) -> str:
    """An ISO date; without a known year, the month-day form "--MM-DD"."""
    return f"{year:04d}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}"


def _dates(text: str, article_year: int | None) -> list[tuple[int, int, str | tuple[str, str]]]:
    """Dates, months, years and their ranges, longest first; a date without a year takes the article's."""
    found: list[tuple[int, int, str | tuple[str, str]]] = []

    def add(start: int, end: int, value: str | tuple[str, str]) -> None:
        if all(end <= s or start >= e for s, e, _ in found):
            found.append((start, end, value))

    for m in _MONTH_RANGE_RE.finditer(text):
        if 1 <= int(m["m1"]) <= 12 and 1 <= int(m["m2"]) <= 12:
            add(m.start(), m.end(), (f"{m['y1']}-{int(m['m1']):02d}", f"{m['y2']}-{int(m['m2']):02d}"))
    for m in _DATE_RE.finditer(text):
        day, month = int(m["d"]), int(m["m"])
        day1 = int(m["d1"]) if m["d1"] else None
        month1 = int(m["m1"]) if m["m1"] else month
        if not (1 <= month <= 12 and 1 <= day <= 31 and 1 <= month1 <= 12 and (day1 is None or 1 <= day1 <= 31)):
            continue
        cued = m["from"] or _DATE_CUE_RE.search(text[max(0, m.start() - 16):m.start()])
        if m["sep"] != "/" and not m["y"] and not cued:
            continue  # "10-15", "2.5": a date with dashes or dots but no year needs "ngày", "sáng" … before it
        if m["d1"] and not m["m1"] and m["sep"] == "-" and not m["y"]:
            continue
        year = int(m["y"]) if m["y"] else article_year
        year1 = int(m["y1"]) if m["y1"] else year
        start = m.start("from") if m["from"] else m.start("d1") if m["d1"] else m.start("d")
        if day1 is None:
            add(start, m.end(), _day(year, month, day))
        else:
            add(start, m.end(), (_day(year1, month1, day1), _day(year, month, day)))
    for m in _MONTH_YEAR_RE.finditer(text):
        month = int(m["m"]) if m["m"] else _MONTH_NAMES[m["mw"]]
        year_text = m["y"] or m["y2"] or (str(article_year) if article_year else None)
        if 1 <= month <= 12 and year_text and not (m["mw"] == "Năm" and re.match(r"\s*\d", text[m.end():])):
            add(m.start(), m.end(), f"{year_text}-{month:02d}")
    for m in _YEAR_RANGE_RE.finditer(text):
        if int(m["y1"]) < int(m["y2"]):
            add(m.start(), m.end(), (m["y1"], m["y2"]))
    for m in _YEAR_RE.finditer(text):
        if not re.search(r"so\s+với\s+(?:cùng\s+kỳ\s+)?$", text[max(0, m.start() - 20):m.start()], re.I):
            add(m.start(), m.end(), m["y"])
    return sorted(found)


def _measure(metric: str | None, before: str, rules: FigureRules) -> str | None:
    """A running total ("tổng vốn đăng ký lũy kế đến nay") is the stock of its metric, told apart
    from a flow in one period ("vốn đầu tư mới trong năm 2022"), so that charts never join the two."""
    if metric in rules.stock_metrics and any(w in before for w in rules.stock_words) \
            and not any(w in before for w in rules.flow_words):
        return f"{metric} stock"
    return metric


def _metric(norm: str, start: int, sentence_start: int, rules: FigureRules) -> str | None:
    best: tuple[int, str] | None = None
    window = norm[sentence_start:start]
    for words, metric in rules.metric_words:
        at = window.rfind(words)
        if at >= 0 and (best is None or at > best[0]):
            best = (at, metric)
    return best[1] if best else None


def tag_figures(text: str, rules: FigureRules, published: PubDate, entities: tuple[EntitySpan, ...] = (),
                context_year: str | None = None) -> tuple[FigureSpan, ...]:
    """Figure spans for one paragraph. ``context_year`` is the latest year spoken of before it."""
    article_year = int(published.date[:4]) if published.date else None
    norm = matching_form(text)
    blocked = [(e.start, e.end) for e in entities if e.type in ("agreement", "event")]  # "Chiến lược 10 năm …"
    figures: list[FigureSpan] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in taken + blocked)

    for start, end, when in _dates(text, article_year):
        if free(start, end):
            span = when if isinstance(when, str) else f"{when[0]}/{when[1]}"
            figures.append(FigureSpan(start, end, FigureKind.DATE, when, None, Qualifier.EXACT, None,
                                      None if span.startswith("--") else span, text[start:end]))
            taken.append((start, end))

    periods = _periods(text, article_year)
    for match in rules.amount.finditer(norm):
        start = match.start("n1")
        end = match.end()
        if not free(start, end):
            continue
        scale = SCALES.get(match["scale"] or "", 1.0)
        low = round(parse_number(text[match.start("n1"):match.end("n1")]) * scale, 6)
        value: float | tuple[float, float] = low
        if match["n2"]:
            value = (low, round(parse_number(text[match.start("n2"):match.end("n2")]) * scale, 6))
        if match["pct"]:
            kind, unit = FigureKind.PERCENT, "%"
            value = (round(value[0] / scale, 6), round(value[1] / scale, 6)) if isinstance(value, tuple) \
                else round(value / scale, 6)
        elif match["cur"]:
            kind, unit = FigureKind.MONEY, rules.currency_of[match["cur"]] + ("/năm" if match["per"] else "")
        else:
            kind, unit = FigureKind.COUNT, text[match.start("noun"):match.end("noun")]
        qualifier = rules.qualifier_of.get(match["qual"] or "", Qualifier.EXACT)
        if match["qual"]:
            start = match.start()
        sentence_start, sentence_end = _sentence_bounds(text, start)
        compare = _COMPARE_RE.match(text[end:sentence_end])
        compared_to = compare["what"] if compare else None
        metric = _measure(_metric(norm, start, sentence_start, rules), norm[sentence_start:start], rules)
        in_sentence = [p for p in periods if sentence_start <= p[0] < sentence_end]
        before = [p for p in in_sentence if p[0] < start]
        period: str | None
        if before:
            period = before[-1][2]
        elif in_sentence:
            period = in_sentence[0][2]
        elif (sentence_compare := _SENTENCE_COMPARE_RE.search(text[sentence_start:sentence_end])):
            period = str(int(sentence_compare["y"]) + 1)  # "… so với năm 2021": the figures are for 2022
        else:
            earlier = [p for p in periods if p[0] < start]
            period = earlier[-1][2] if earlier else context_year
        figures.append(FigureSpan(start, end, kind, value, unit, qualifier, metric, period, text[start:end],
                                  compared_to))
        taken.append((start, end))
    return tuple(sorted(figures, key=lambda f: (f.start, f.end)))


def last_year_spoken_of(text: str, published: PubDate, before: str | None) -> str | None:
    """The latest year the text speaks of (not in comparisons): the context for later paragraphs."""
    article_year = int(published.date[:4]) if published.date else None
    periods = _periods(text, article_year)
    return periods[-1][2][:4] if periods else before
