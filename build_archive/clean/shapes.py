"""The shape of one line: evidence about its role that holds on any outlet's page.

None of these look for one site's strings (those live in data/cleaning.yml): they
read sentence shape, length, punctuation, stop-word density, credit and byline
shape, link-list and widget shape, template placeholders and image stubs.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from build_archive.date.patterns import TIME_RE, full_dates, place_dateline

# Function words of Vietnamese prose: a sentence has many, a menu or a name has none.
STOP_WORDS = frozenset(
    "và của là có được các những cho với trong đã sẽ đang để này đó khi từ tại về theo một hai nhiều người "
    "cũng như không nhằm đến vào ra trên dưới sau trước thì mà nhưng hoặc nên do bởi vì rằng hơn cùng giữa "
    "nay đây ở lại còn việc sự".split())
SENTENCE_END = (".", "…", ".”", '."', ".)", "./.", "!", "?")
MIN_TITLE_WORDS = 4
MAX_TITLE_WORDS = 40
MAX_CAPTION = 400
MAX_SHORT_CAPTION = 300
MAX_SOURCE_CAPTION = 160
MAX_HEADLINE_STOP_RATIO = 0.25  # headlines drop function words; prose is full of them

# A dateline tag opening a lead: "TT - ", "(QT) - ", "VOV.VN - ", "ANTD.VN - ", "VOV5) - ", "(PL)- ", "- ".
LEAD_TAG_RE = re.compile(r"^(?:\(?[A-ZĐ][\w.&+]{0,15}\)\s*[-–—]|[A-ZĐ][A-ZĐ0-9.&+]{0,14}\s+[-–—]\s|[-–—]\s)")
PLACEHOLDER_RE = re.compile(r"^\{[\w ]{1,30}\}$")  # "{title}", "{keywords}": an unfilled template field
IMAGE_STUB_RE = re.compile(r"^(?:!\[[^\]]*\]\([^)]*\)\s*\|?|null|undefined|[a-z][a-z0-9_-]{2,30}\d|"
                           r"\S+\.(?:jpe?g|png|gif|webp)|/\S+)$", re.IGNORECASE)
COPYRIGHT_RE = re.compile(r"(?:©|^\(c\)|\(c\)\s*\d{4}|copyright|all rights reserved|bản quyền thuộc)", re.IGNORECASE)
# The fields every Vietnamese outlet's imprint prints at the foot of the page (licence, editor, address, contact).
IMPRINT_RE = re.compile(r"^(?:giấy phép(?: số| hoạt động)?|cơ quan chủ quản|tổng biên tập|phó tổng biên tập|"
                        r"chịu trách nhiệm(?: xuất bản| nội dung)?|tòa soạn|toà soạn|địa chỉ|điện thoại|đường dây nóng|"
                        r"hotline|fax|e-?mail|liên hệ quảng cáo)\b\s*(?::|số\b)", re.IGNORECASE)
LABEL_LINE_RE = re.compile(
    r"^(?:từ khóa|từ khoá|thẻ|tags?|thể loại|chuyên mục|chủ đề|keywords?)\s*:", re.IGNORECASE)
FOLLOW_RE = re.compile(r"^theo dõi\b.{0,60}\btrên\b", re.IGNORECASE)
SOURCE_LINE_RE = re.compile(r"^(?:nguồn(?: tin)?|source)(?:\s+[^\s:]{1,20})?\s*:\s*(?P<value>.{2,200})$", re.IGNORECASE)
PHOTO_LABEL_RE = re.compile(r"^(?:chú thích ảnh|ảnh minh họa|ảnh minh hoạ|photo|video)\s*:?$", re.IGNORECASE)
URL_RE = re.compile(r"https?://|www\.", re.IGNORECASE)
BULLET_RE = re.compile(r"^[•·▪●◦*]\s*")
COUNTER_RE = re.compile(r"^(?=.*\d)[\d\s|/.,:()]+$")
_CREDIT_WORD = r"(?P<word>Ảnh(?: tư liệu| minh họa| minh hoạ)?|ẢNH|Nguồn|NGUỒN|Photo|Video|Đồ họa|Đồ hoạ)"
CREDIT_PAREN_RE = re.compile(
    rf"^(?P<text>.*?)\s*\(\s*{_CREDIT_WORD}\s*:?\s*(?P<credit>[^()]{{1,80}}?)\)(?P<tail>\s*[.]?)\s*\|?\s*$")
# The credit after a sentence end, or after a dash ("… tại lễ ký kết - Ảnh: NGỌC AN").
_CREDIT_WORD_PLAIN = "(?:Ảnh|ẢNH|Nguồn|NGUỒN|Photo|Video|Đồ họa|Đồ hoạ)"
CREDIT_TAIL_RE = re.compile(
    rf"^(?P<text>.*?[.!?…]|.*?[^\s.!?…](?=\s+[-–—]\s*{_CREDIT_WORD_PLAIN}\b))\s*(?:[-–—]\s*)?{_CREDIT_WORD}\s*:?\s+"
    rf"(?P<credit>[^.]{{1,80}}?)\.?\s*\|?\s*$")
CREDIT_ONLY_RE = re.compile(rf"^\(?\s*{_CREDIT_WORD}\s*:\s*(?P<credit>[^()]{{1,80}}?)\s*\)?\.?$")
PHOTO_CREDIT_ONLY_RE = re.compile(r"^\(?\s*(?:Ảnh|ẢNH|Photo|Đồ họa|Đồ hoạ)\b")  # not "Nguồn:", a source line
# A byline: a name or initials, maybe with "Bài và ảnh:", a photo credit or a timestamp.
BYLINE_LABEL_RE = re.compile(r"^(?:bài(?: và ảnh)?|tin(?: và ảnh)?|nhóm phóng viên|pv|ctv|tác giả|by)\s*:\s*",
                             re.IGNORECASE)
_NAME_WORD_RE = re.compile(r"^(?:[A-ZĐÀ-Ỹ][\w'’.]*\.?|[A-ZĐ]\.)+$")
WIDGET_WORDS_RE = re.compile(
    r"(?<!\w)(?:bình luận|chia sẻ|in bài|gửi bài|lưu bài|theo dõi|đăng nhập|đăng ký|tải ứng dụng|bookmarks?|"
    r"comments?|share|print|published in|leave a|like|tweet|email|cỡ chữ|nghe đọc|xem thêm|"
    r"quay lại|trở về|đầu trang|menu|skip to)(?!\w)", re.IGNORECASE)
MAX_WIDGET_WORDS = 10
_LETTER_RE = re.compile(r"[^\W\d_]")
MAX_WIDGET_REST = 4


@functools.lru_cache(maxsize=1 << 14)  # every shape test of a line asks for its words
def words(line: str) -> tuple[str, ...]:
    return tuple(w for w in line.split() if _LETTER_RE.search(w))


@functools.lru_cache(maxsize=1 << 14)
def stop_ratio(line: str) -> float:
    found = words(line)
    return sum(w.lower().strip(",.;:“”\"()") in STOP_WORDS for w in found) / len(found) if found else 0.0


def _content(text: str) -> set[str]:
    return {w.lower().strip(",.;:!?“”\"'()[]") for w in words(text)} - STOP_WORDS


def overlap(headline: str, text: str) -> float:
    """Share of a headline's content words that the text uses too: an article repeats its own headline's words."""
    own = _content(headline)
    return len(own & _content(text)) / len(own) if own else 0.0


def sentence_like(line: str) -> bool:
    """Prose: ends a sentence, or is too long and too full of function words to be a headline."""
    n = len(words(line))
    if LEAD_TAG_RE.match(line) and n >= 4:
        return True
    if line.endswith(SENTENCE_END) and n >= 6 and not line.endswith(("?", "!")):
        return True
    return n >= 30 or (len(line) >= 180 and stop_ratio(line) >= 0.1)


def headline_like(line: str) -> bool:
    """A headline: a few words, no sentence end, not a credit, date, menu or name."""
    n = len(words(line))
    return (MIN_TITLE_WORDS <= n <= MAX_TITLE_WORDS and len(line) <= 250 and not sentence_like(line)
            and not line.endswith((",", ";", ":")) and not URL_RE.search(line) and not has_credit(line)
            and not date_line(line) and not widget(line) and not line.isupper())


def upper_headline(line: str) -> bool:
    """A headline set in capitals ("HÀ NỘI VÀ VIÊNG CHĂN TĂNG CƯỜNG HỢP TÁC"): a title only when no other is."""
    return line.isupper() and headline_like(line.title()) and not byline(line)


def _credit_match(text: str) -> re.Match[str] | None:
    return CREDIT_PAREN_RE.match(text) or CREDIT_TAIL_RE.match(text)


def split_credit(text: str) -> tuple[str, str | None]:
    """Caption text and photo credit: "Toàn cảnh Hội nghị. Ảnh: VOV" → ("Toàn cảnh Hội nghị.", "VOV")."""
    text = text.strip().removesuffix("|").strip()
    match = CREDIT_PAREN_RE.match(text)
    if match:
        return (match["text"].rstrip() + match["tail"].strip()).strip(), match["credit"].strip()
    match = CREDIT_TAIL_RE.match(text)
    if match:
        return match["text"].strip(), match["credit"].strip()
    return text, None


def has_credit(text: str) -> bool:
    """A caption with its photo credit: short, and at most one sentence once it runs long. A source
    ("Nguồn: …") rather than a photo credit makes a caption only of one short sentence: prose cites sources too."""
    caption, credit = split_credit(text)
    if credit is None or glue_points(caption):  # paragraphs glued to a caption are not a caption
        return False
    match = _credit_match(text.strip().removesuffix("|").strip())
    if match and match["word"].lower() == "nguồn":
        return len(caption) <= MAX_SOURCE_CAPTION and not re.search(r"[.!?…;]\s+\S", caption)
    return (len(caption) <= MAX_SHORT_CAPTION or
                                   (len(caption) <= MAX_CAPTION and not re.search(r"[.!?…]\s+\S", caption)))


# Words that open a paragraph of prose, not a photo caption: connectives and a quotation.
_PROSE_OPENING_RE = re.compile(
    r"^(?:[“\"]|(?:theo|bên cạnh đó|ngoài ra|tuy nhiên|đồng thời|trước đó|sau đó|như vậy|hiện nay|"
    r"cùng với|cũng|trong khi|nhân dịp|dịp này|việc|đây là|điều này|với|để|do|vì)\b)", re.IGNORECASE)


# Marks of a reported sentence, which a caption (what the photo shows) does without: tense and aspect words,
# verbs of saying, a quotation.
_REPORTED_RE = re.compile(r"(?<!\w)(?:đã|sẽ|đang|vừa|từng|cho biết|nhấn mạnh|khẳng định|cho rằng|đề nghị|bày tỏ|"
                          r"thông báo|nhất trí|thống nhất)(?!\w)|[“\"]", re.IGNORECASE)


def reported(line: str) -> bool:
    """A sentence that reports (tense, saying, quoting): body text, even when short and beside a photo."""
    return bool(_REPORTED_RE.search(line))


def prose_opening(line: str) -> bool:
    """A line that opens like a paragraph of prose, so an image beside it is no evidence it is a caption."""
    return bool(_PROSE_OPENING_RE.match(line))


@dataclass(frozen=True)
class DateMeta:
    """What a date line says besides its date that the article keeps: the byline's name, and the outlet
    it names after a slash ("Theo Hà Văn/Báo Điện tử Chính phủ")."""

    author: str | None = None
    outlet: str | None = None


MAX_DATE_LINE = 140
MAX_SECTION_WORDS = 3  # a section name ("Thời sự", "Thế giới"); four words make a headline
MAX_SECTION_CHARS = 30
# Weekdays in full or as "T2"/"CN" ("Thu", "Sun" are not read: Thu is a name too).
_WEEKDAY_RE = re.compile(r"(?<!\w)(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s+nhật|t[2-7]|cn|(?:mon|tues|wednes|thurs|"
                         r"fri|satur|sun)day)(?!\w)", re.IGNORECASE)
# A time zone, or the part of the day after a time: "(GMT+7)", "UTC+07:00", "08:15 AM", "8 giờ sáng".
_ZONE_RE = re.compile(r"\(?\s*(?<!\w)(?:GMT|UTC|ICT)\s*(?:[+-]\s*\d{1,2}(?::?\d{2})?)?\s*\)?"
                      r"|(?<=\d)\s*(?:am|pm|a\.m\.|p\.m\.|giờ|sáng|chiều|tối|trưa)(?!\w)", re.IGNORECASE)
# Words that tell when something happened: a phrase holding one before a date is prose or a caption
# ("Hội đàm ngày 12/6/2023", "Lễ ký sáng 12/6/2023"), not a section name.
_WHEN_WORDS_RE = re.compile(r"(?<!\w)(?:ngày|lúc|vào|hôm|nay|sáng|chiều|tối|trưa|đêm)(?!\w)", re.IGNORECASE)
# What parts a date line: a bar, a bullet, a comma, a spaced dash, brackets.
_PIECE_SEP_RE = re.compile(r"\s*[|•·»,;()\[\]]\s*|\s+[-–—]+\s+|^\s*[-–—]+\s*|\s*[-–—]+\s*$")
# Words that only announce the date: "Ngày đăng:", "Cập nhật lần cuối", "Posted on", "Thời gian:".
# "Đăng" alone only with its colon or another label: "Đăng Khoa" is a name.
_DATE_LABEL_RE = re.compile(r"^(?:(?:ngày|đăng tải|đăng(?=\s*:|\s+(?:ngày|lúc|vào))|lúc|vào|cập nhật(?: lần cuối)?|"
                            r"xuất bản|gửi|thời gian|giờ|date|"
                            r"published|posted|updated|last modified|last updated|on|at)(?!\w)\s*:?\s*)+", re.IGNORECASE)
_COUNTER_WORDS = (r"(?:lượt xem|lượt đọc|lượt thích|lượt chia sẻ|lượt bình luận|lượt nghe|xem|đọc|views?|reads?|"
                  r"bình luận|ý kiến|phản hồi|comments?|chia sẻ|shares?|thích|likes?)")
# "Lượt xem: 1234", "Bình luận (3)" (the bracket is a separator), "1.234 lượt xem".
_COUNTER_RE = re.compile(rf"^(?:{_COUNTER_WORDS}\s*:?\s*\d[\d.,]*|\d[\d.,]*\s*{_COUNTER_WORDS})$", re.IGNORECASE)
_OUTLET_RE = re.compile(r"^[A-ZĐ][^\s\d/]*(?:\s+[^\s\d/]+){0,5}$")  # after a byline's slash: "VOV", "Báo Nhân Dân"
_SECTION_LABEL_RE = re.compile(r"^(?:chuyên mục|danh mục|mục|category|section)\s*:\s*", re.IGNORECASE)
# A byline's label and role, then the name: "Tác giả: Thu Hà", "Bởi Thu Hà", "PV Thu Hà", "Theo Thu Hà".
_NAME_LABEL_RE = re.compile(r"^(?:tác giả|người viết|bài(?:\s+và\s+ảnh)?|tin(?:\s+và\s+ảnh)?|phóng viên|nhóm phóng viên|"
                            r"pv|ctv|viết bởi|bởi|written by|by|author|theo)\s*:?\s+(?P<name>\S.*)$", re.IGNORECASE)


@functools.lru_cache(maxsize=1 << 14)
def date_meta(line: str) -> DateMeta | None:
    """A line that is a date and, besides, only labels, separators, a weekday, a time, a time zone, counters
    and one section or byline name: "Thế giới Thứ hai, 12/6/2023, 08:15 (GMT+7)", "Posted: 12/06/2023 08:15 |
    Lượt xem: 1234", "Thu Hà - Thứ Hai, 12/06/2023 08:15". None for anything else, a sentence holding a date
    ("Ngày 12/6/2023, hai bên đã ký …") or a headline with its date among them."""
    found = full_dates(line)
    if len(line) > MAX_DATE_LINE or not found or sentence_like(line):
        return None
    if place_dateline(line):
        return DateMeta()  # "Hà Nội, ngày 6/12/2023": the place is where the article was written, not a name
    rest, at = [], 0
    for date in found:
        rest.append(line[at:date.start])
        at = max(at, date.end)
    rest.append(line[at:])
    text = TIME_RE.sub(" ", _ZONE_RE.sub(" ", _WEEKDAY_RE.sub(" ", " | ".join(rest))))
    author = section = outlet = None
    signed = False  # the name follows a byline label ("Tác giả:", "Bởi")
    for raw in _PIECE_SEP_RE.split(text):
        if raw.strip(" :.-–—") and raw.lstrip().startswith(":"):
            return None  # "18/7/1977: Ký Hiệp ước …": an entry of a timeline in the body, what happened that day
        # the date's label goes ("Đăng: …", "lúc 08:15 bởi Thu Hà": a label, then the byline)
        piece = _DATE_LABEL_RE.sub("", raw.strip(" .-–—")).strip(" :.-–—")
        if not piece or _COUNTER_RE.match(piece) or not words(WIDGET_WORDS_RE.sub(" ", piece)):
            continue  # a blank between separators, a label, a counter or a control ("Bình luận", "Chia sẻ")
        labelled = _NAME_LABEL_RE.match(piece)
        name = labelled["name"].strip(" :") if labelled else piece
        who, _, where = name.partition("/")
        if where and name_like(who.strip()) and _OUTLET_RE.match(where.strip()):
            name, outlet = who.strip(), where.strip()
        filed = _SECTION_LABEL_RE.sub("", piece)  # "Chuyên mục: Thời sự" files the article under "Thời sự"
        if author is None and name_like(name) and not any(c.isdigit() for c in name):
            author, signed = name, bool(labelled)
        elif (section is None and not labelled and 1 <= len(words(filed)) <= MAX_SECTION_WORDS
              and len(filed) <= MAX_SECTION_CHARS and filed[0].isupper() and not re.search(r"[\d.!?…:]", filed)
              and not _WHEN_WORDS_RE.search(filed)):
            section = filed  # no colon: "Ảnh: Thu Hà" is a photo credit, "Nguồn: …" a source
        else:
            return None
    if author is not None and section is not None and not signed:
        return None  # two unlabelled phrases beside a date: a headline's words ("Hội chợ Việt - Lào | 12/06/2023")
    return DateMeta(author, outlet)


def date_line(line: str) -> bool:
    """A line that is a date and little else ("09:34 | 22/08/2016 GMT+7", "Cập nhật: … 14 tháng 6, 2011",
    "Chính trị - Thứ Hai, 12/06/2023, 08:15"): page metadata, never title nor body."""
    return date_meta(line) is not None


def name_like(text: str) -> bool:
    """A person's name or initials as bylines print them: "H.GIANG", "TNT", "N.Dương", "Thái An"."""
    found = text.replace(" - ", " ").split()
    return 1 <= len(found) <= 5 and len(text) <= 40 and all(_NAME_WORD_RE.match(w) and w[0].isupper() for w in found)


_SIGNATURE_OUTLET_RE = re.compile(r"\s*/\s*[A-ZĐ][\w.+&-]*(?:[\s-]+[A-ZĐÀ-Ỹ][\w.+&]*){0,4}$")


def byline(line: str) -> str | None:
    """The author of a byline line ("Bài và ảnh: HỒNG VÂN", "Thái An - Ảnh: Phạm Hải",
    "Tên Tác Giả 18:17 | 28/01/2024"), or None if the line is not one."""
    if (meta := date_meta(line)) is not None:
        return meta.author  # a date line's name part, without label, weekday or date
    text = BULLET_RE.sub("", line).strip()
    text = BYLINE_LABEL_RE.sub("", text)
    text = re.split(r"\s+[-–]\s+(?:Ảnh|ẢNH)\s*:", text)[0]
    text = _SIGNATURE_OUTLET_RE.sub("", text)  # "Minh Hằng/VOV-Miền Trung": the name, then outlet and place
    for found in full_dates(text):
        text = text.replace(found.text, " ")
    text = TIME_RE.sub(" ", text).replace("|", " ").strip(" -–,")
    text = re.sub(r"\s+", " ", text)
    return text if name_like(text) else None


def widget(line: str) -> bool:
    """A share/print/comment/follow control, a counter or a link list, not prose."""
    text = BULLET_RE.sub("", line).strip()
    if COUNTER_RE.match(text) or PHOTO_LABEL_RE.match(text) or (LABEL_LINE_RE.match(text) and not sentence_like(text)):
        return True
    if FOLLOW_RE.match(text):  # "Theo dõi Báo Thủ đô trên Google News", not "Theo dõi diễn biến trên …, hai bên …."
        return len(words(text)) <= MAX_WIDGET_WORDS and not text.endswith(SENTENCE_END) and "," not in text
    if len(words(text)) <= MAX_WIDGET_WORDS and WIDGET_WORDS_RE.search(text) and not text.endswith("."):
        # the control's words and a name or count at most ("Tải ứng dụng Báo Thủ đô"), not a headline
        # that happens to use one ("Vietnam, Laos share experience in…")
        return len(words(WIDGET_WORDS_RE.sub(" ", text))) <= MAX_WIDGET_REST
    return link_list(text)


def link_list(line: str) -> bool:
    """Items strung with separators ("- a - b - c - d"): a menu or a list of links."""
    parts = [p for p in re.split(r"\s+[-|•·»]\s+|\s*\|\s*", line) if p.strip()]
    return len(parts) >= 4 and max(len(words(p)) for p in parts) <= 5 and stop_ratio(line) < 0.15


def stub(line: str) -> bool:
    """An image or template stub: "![]() |", "{keywords}", "null", a bare file name."""
    return bool(PLACEHOLDER_RE.match(line) or IMAGE_STUB_RE.match(line))


MAX_FOOTER_LEAD = 40
MAX_FOOTER_WORDS = 12


def footer(line: str) -> bool:
    """A copyright or disclaimer footer, or a field of the outlet's imprint ("Giấy phép số …", "Địa chỉ: …")."""
    if len(words(line)) > 25:
        return False
    mark = COPYRIGHT_RE.search(line)  # near the start, or on a short line: not a sentence that runs into one
    return (bool(mark and (mark.start() <= MAX_FOOTER_LEAD or len(words(line)) <= MAX_FOOTER_WORDS))
            or (bool(IMPRINT_RE.match(line)) and not line.endswith(SENTENCE_END)))


# A sentence end run into the next sentence without a space ("… đã đề ra.Phó Thủ tướng …"): paragraphs
# (or a caption) that lost their line break. Abbreviations ("TP.HCM", "PGS.TS", "N.Dương") are not.
# An acronym of three capitals or more ends a sentence too ("… với ASEAN.Phó Thủ tướng"), when a word
# in lower case follows ("PGS.TS", "TP.HCM" are not glue).
_GLUE_RE = re.compile(r"(?:(?<=[^\W\d_A-ZĐ]|\d|[”\"’)])|(?<=[A-ZĐ]{3}))(?:[.!?…]|\./\.)[”\"’)]?"
                      r"(?=[“\"]?[A-ZĐÀ-Ỹ][^\W\d_]*[\s,])")
_ABBREVIATIONS = frozenset("tp tt ths ts tskh pgs gs ks bs mr ms dr st vs no tx tr p q h".split())
MIN_GLUED_WORDS = 4


def glue_points(line: str) -> list[int]:
    """Where paragraphs glued without a space meet: each side at least a few words."""
    points, start = [], 0
    for match in _GLUE_RE.finditer(line):
        head = line[start:match.start()]
        last = head.split()[-1].lower().strip("“”\"’()").rsplit(".", 1)[-1] if head.split() else ""
        nxt = line[match.end():].lstrip("“\"")
        acronym = line[match.start() - 1].isupper()
        if (nxt[:1].isupper() and (not acronym or nxt[1:2].islower()) and last not in _ABBREVIATIONS and len(words(head)) >= MIN_GLUED_WORDS
                and len(words(line[match.end():])) >= MIN_GLUED_WORDS):
            points.append(match.end())
            start = match.end()
    return points


# Where an article's lead opens inside a flattened line: a dateline tag ("(TTXVN) - ") or a capitalised
# time word with its day ("Sáng 12/4,"), which prose only writes at a sentence's start.
_LEAD_OPEN_RE = re.compile(r"(?<=\s)(?:\(?[A-ZĐ][\w.&+]{1,15}\)\s*[-–—]\s|[A-ZĐ][A-ZĐ0-9.&+]{1,14}\s[-–—]\s|"
                           r"(?:Sáng|Chiều|Tối|Trưa|Ngày|Hôm|Rạng sáng)(?:\s+nay)?\s+\(?\d{1,2}[/.-]\d{1,2}\b)")
_DATE_TAIL_RE = re.compile(r"(?:(?:Thứ\s+\w+|Chủ nhật),?\s*)?[\d/.:|\s,()+-]*(?:GMT|AM|PM)?[\d/.:|\s,()+-]*$",
                           re.IGNORECASE)


def lead_openings(line: str) -> list[int]:
    """Where a lead could open inside a line (a dateline tag, a time word with its day), in the first 400 characters."""
    return [m.start() for m in _LEAD_OPEN_RE.finditer(line[:400])]


# A sentence's end where a line may go on with something else: "… hai nước. Từ khóa: …", "… hai nước./.Minh Hằng".
SENTENCE_BREAK_RE = re.compile(r"(?:\./\.|[.!?…][”\"’)]?)(?=\s|[A-ZĐÀ-Ỹ(])")
# A caption and its credit opening a line, a paragraph after it: the credit is in brackets, in capitals
# ("Ảnh: TTXVN", "ẢNH: NGỌC AN") or ends on an outlet after a slash ("Ảnh: Hoàng Chương/Vietnam+").
CAPTION_HEAD_RE = re.compile(
    r"^(?P<caption>.{0,400}?(?:\(\s*(?:Ảnh(?: tư liệu| minh họa| minh hoạ)?|ẢNH|Photo)\s*:[^()]{1,80}\)\.?"
    r"|[.!?…]?\s*(?:[-–—]\s*)?(?:Ảnh(?: tư liệu| minh họa| minh hoạ)?|ẢNH|Photo)\s*:\s*(?:[A-ZĐÀ-Ỹ0-9/+&.-]{2,}(?:\s+[A-ZĐÀ-Ỹ0-9/+&.-]+)*(?=\s+[A-ZĐÀ-Ỹ][a-zà-ỹđ])"
    r"|(?:[^\s()]+\s+){0,4}[^\s()]*/[^\s()]+)))(?:\s+|(?<=\)))(?P<rest>[“\"]?[A-ZĐÀ-Ỹ].*)$")
# A pointer to another story run onto a paragraph's line: "… hai nước. >> Xem thêm: Thủ tướng tiếp …".
SEE_MORE_RE = re.compile(r"^(?:>>|»|▶|👉|\(?\*\)?)?\s*(?:xem thêm|đọc thêm|tin liên quan|bài liên quan|mời xem)\b",
                         re.IGNORECASE)


def head_on_lead(line: str) -> tuple[str, str | None, str] | None:
    """A page flattened onto one line: (headline, date line or None, the rest from the lead on)."""
    match = _LEAD_OPEN_RE.search(line[:400])
    if not match:
        return None
    prefix, rest = line[:match.start()].rstrip(), line[match.start():]
    date = None
    tail = _DATE_TAIL_RE.search(prefix)
    if tail and tail.start() < len(prefix) and full_dates(prefix[tail.start():]):
        prefix, date = prefix[:tail.start()].rstrip(), prefix[tail.start():].strip()
    last = prefix.split()[-1].lower() if prefix.split() else ""
    if (not headline_like(prefix) or prefix.endswith(SENTENCE_END) or not sentence_like(rest)
            or last in STOP_WORDS or stop_ratio(prefix) > MAX_HEADLINE_STOP_RATIO):
        return None
    return prefix, date, rest
