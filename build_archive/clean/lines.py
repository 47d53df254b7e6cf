"""Clean: a scraped page's lines sorted into article and boilerplate.

Follows ../shared/guides/annotation.md §1. Every line of the input gets a role,
decided from evidence that holds on any outlet's page (clean/shapes.py): the lead
is the first line of prose; the headline the nearest headline-shaped line above
it; date lines, bylines, captions and page furniture around them are told by their
shape, position and repetition; data/cleaning.yml adds one site's chrome. Body
paragraphs are kept exactly as written (only surrounding white space is trimmed);
when unsure, a line stays in the body and the article is listed for review. What
is removed stays listed with its reason for the source view.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from build_archive.clean import shapes
from build_archive.clean.rules import CleaningRules, Outlet
from build_archive.common.textnorm import match_key, slugify
from build_archive.date import published as dates
from build_archive.date.patterns import TIME_RE, full_dates, place_dateline
from build_archive.date.published import DateLine
from build_archive.ingest.reader import RawDoc
from build_archive.model.article import (
    GUESSED,
    Article,
    Caption,
    Paragraph,
    PubDate,
    Segment,
    Sourced,
    SourceLine,
)
from build_archive.model.enums import LineRole, SourceBasis
from build_archive.model.ids import paragraph_anchors
from build_archive.model.urls import raw_name

_DATELINE_RE = re.compile(r"^\((?P<token>[^()]{2,24})\)\s*[-–—]\s*")
_TAG_RE = re.compile(r"^\(?(?P<token>[A-ZĐ][\w.&+]{0,15})\)?\s*[-–—]\s")
_PHOTO_N_RE = re.compile(r"^(?P<alt>.+?)\s+-\s+ảnh\s+\d+\s*(?P<rest>.*)$", re.IGNORECASE)
_BYLINE_RE = re.compile(r"^Theo\s+(?P<first>[^,/]{2,60}?)(?:\s*/\s*(?P<second>[^,]{2,80}))?\s*$")
_SEE_ALSO_RE = re.compile(r"^Xem thêm\s*:\s*(?P<url>\S+)\s*$", re.IGNORECASE)
_URL_HEAD_RE = re.compile(r"^(?:https?://)?(?:[a-z0-9-]+\.)+[a-z]{2,6}(?:/|$)")
_URL_IN_RE = re.compile(r"https?://\S+")
# A dateline run into the headline: "… Việt – Lào QĐND - Thứ Sáu, 18/11/2011,".
_TRAILING_DATELINE_RE = re.compile(
    r"^(?P<head>.+?)\s+(?P<tail>(?:[A-ZĐ][\w.]{1,12}\s*[-–]\s*)?(?:(?:Thứ\s+\w+|Chủ nhật),?\s*)?"
    r"\d{1,2}/\d{1,2}/\d{4},?)$")
# A caption glued on the end of a paragraph ("… đã đề ra.Phó Thủ tướng Lào … Sinh.") is no longer than this.
MAX_GLUED_CAPTION = 250
# An image printed as its path or markdown inside a line of text: "… /uploads/news/2017_03/a.jpg Caption. Text".
_INLINE_IMAGE_RE = re.compile(r"(?:!\[[^\]]*\]\([^)]*\)|(?:https?://|/)\S+\.(?:jpe?g|png|gif|webp))\s*\|?",
                              re.IGNORECASE)
MAX_STUB_CAPTION = 250
MAX_SIGNATURE = 80  # what follows the closing mark "./." on its line: a signature ("Minh Hằng/VOV-Viêng Chăn")
MAX_LIST_LABEL_WORDS = 6
TITLE_CONTEXT_LINES = 12  # the lead and the lines after it, whose words a headline repeats
MIN_TITLE_OVERLAP = 0.5
MAX_TEASER_LINES = 12  # other stories' headlines and leads above this article's headline
MAX_FOREIGN_OVERLAP = 0.25
MIN_LISTED = 2  # headlines under a label that make it a list of other stories

_DATE_HEAD_RE = re.compile(r"^(?P<date>(?:\d{1,2}:\d{2}\s*[-|,]?\s*)?(?:(?:Thứ\s+\w+|Chủ nhật),?\s*)?"
                           r"\d{1,2}[/.-]\d{1,2}[/.-]\d{4}"
                           r"(?:\s*[-|,]?\s*\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:AM|PM))?(?:\s*\(?GMT\+?\d*\)?)?)?)"
                           r"\s*[-|,]?\s+(?P<head>[^\d\s].+)$", re.IGNORECASE)


def _date_before_head(line: str) -> tuple[str, str] | None:
    """(date, headline) of a date line run into the headline after it."""
    match = _DATE_HEAD_RE.match(line)
    if not match or not shapes.date_line(match["date"]):
        return None
    return match["date"], match["head"]


_TAG_BEFORE_RE = re.compile(r"(?:^|\s)(\(?[A-ZĐ][\w.&+]{0,15}\)?\s*[-–—|])\s*$")  # a dateline tag ending a prefix
# A link in a line: a short line with one is a link or a notice; a page flattened onto one line may hold one.
_URL_TEXT_RE = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
MIN_FLAT_LINE = 400
_TAG_AT_RE = re.compile(r"\(?[A-ZĐ][\w.&+]{1,15}\)?\s*[-–—]\s")  # a dateline tag, where a lead opens
_READERS_RE = re.compile(r"(?<!\w)(?:bình luận|ý kiến|phản hồi|cảm nhận|hỏi đáp|comments?)(?!\w)", re.IGNORECASE)
_CRUMB_RE = re.compile(r".*\s(?:>|»|/|\|)\s")  # a breadcrumb before a flattened headline: up to its last separator
_SYMBOLS_RE = re.compile(r"^[^\w\s“\"'(\[]+\s+")  # emoji or bullets before a headline
# A title candidate: (line index, the headline, what followed it on the same line).
_Candidate = tuple[int, str, str | None]


@dataclass
class _State:
    """What the line walk has found besides each line's role."""

    title: str | None = None
    title_evidence: str | None = None
    author: str | None = None
    byline_outlet: str | None = None
    source_url: str | None = None
    date_lines: list[DateLine] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _doubled(line: str) -> bool:
    """A headline printed twice on one line: a related-story teaser."""
    n = len(line)
    if n < 31:
        return False
    half = n // 2
    if n % 2 == 1 and line[half] == " ":
        return line[:half] == line[half + 1:]
    return line[:half] == line[half:]


def reversed_url(text: str) -> str | None:
    """A source URL, read backwards when the page printed it backwards (annotation guide §1)."""
    for candidate in (text, text[::-1]):
        if _URL_HEAD_RE.match(candidate.lower()):
            return candidate if candidate.startswith("http") else "https://" + candidate
    return None


def _byline(line: str, outlets: tuple[Outlet, ...]) -> tuple[str | None, str | None] | None:
    """(author, original outlet) of a "Theo Hà Văn/Báo Điện tử Chính phủ" line."""
    match = _BYLINE_RE.match(line)
    if not match or len(line) > 140 or shapes.widget(line):  # "Theo dõi Báo X trên Google News" is a button
        return None
    first, second = match["first"].strip(), (match["second"] or "").strip() or None
    if first.endswith(shapes.SENTENCE_END) or shapes.reported(first):
        return None  # "Theo Thủ tướng, đây là …" is a sentence, not a byline
    if second:
        return first, second
    if _outlet_by_name(first, outlets) or first.isupper():
        return None, first
    return first, None


def _outlet_by_name(name: str, outlets: tuple[Outlet, ...]) -> Outlet | None:
    key = match_key(name)
    for outlet in outlets:
        if key in {match_key(n) for n in (outlet.name, outlet.short, *outlet.aliases, *outlet.datelines)}:
            return outlet
    return None


def _credited_prose(line: str) -> bool:
    """A line with a photo credit that opens like a news lead ("Sáng 12/4, … đã …. Ảnh: X"): a paragraph the
    photo's credit was run into, not a caption."""
    return shapes.has_credit(line) and _opens_lead(line) and shapes.reported(shapes.split_credit(line)[0])


def _removed_shape(line: str, rules: CleaningRules) -> bool:
    """Lines that are page furniture wherever they stand."""
    return (rules.is_chrome(line) or shapes.stub(line) or shapes.footer(line) or shapes.widget(line)
            or _doubled(line) or _see_more(line))


def _see_more(line: str) -> bool:
    """A pointer to another story (">> Xem thêm: <headline>"), not a sentence."""
    return (bool(shapes.SEE_MORE_RE.match(line)) and not line.endswith(shapes.SENTENCE_END)
            and len(shapes.words(line)) <= shapes.MAX_TITLE_WORDS)


_OPENING_RE = re.compile(r"^(?:sáng|chiều|tối|trưa|đêm|hôm|ngày|rạng sáng|từ ngày|vào)\b[^,]{0,30}\d", re.IGNORECASE)


def _opens_lead(line: str) -> bool:
    """A line that opens an article: a dateline tag ("(PLVN) -", "TT -") or the day ("Sáng 24/12,")."""
    return bool(shapes.LEAD_TAG_RE.match(line) or _OPENING_RE.match(line))


class _Walk:
    """The roles of a page's lines, decided from the lead outwards."""

    def __init__(self, lines: list[str], rules: CleaningRules, outlets: tuple[Outlet, ...], url: str | None):
        self.lines, self.rules, self.outlets, self.url = lines, rules, outlets, url
        self.roles: list[tuple[Segment, ...]] = [()] * len(lines)
        self.state = _State(source_url=url)
        self.kept: set[str] = set()  # match keys of body and caption text seen so far
        self.heads: dict[int, tuple[tuple[Segment, ...], int]] = {}  # a flattened lead line: its head, where the lead starts

    def set(self, i: int, role: LineRole) -> None:
        self.roles[i] = (Segment(self.lines[i], role),)

    def after(self, i: int) -> int | None:
        """The next non-blank line after i."""
        for j in range(i + 1, len(self.lines)):
            if self.lines[j]:
                return j
        return None

    # -- the header: teasers, the lead, the title -------------------------------------------------

    def find_lead(self) -> int | None:
        """The first line of prose, past teaser blocks (a headline printed twice, then its lead)."""
        lines, blocks = self.lines, []
        i = 0
        while i < len(lines):
            line = lines[i]
            j = self.after(i)
            if not line or _removed_shape(line, self.rules) or shapes.date_line(line) or self.rules.is_marker(line):
                i += 1
                continue
            if (j is not None and lines[j] == line and not shapes.headline_like(line) and not shapes.byline(line)
                    and len(line) <= shapes.MAX_CAPTION):
                k = self.after(j)
                if (_opens_lead(line) or k is None or not _opens_lead(lines[k])
                        or not (shapes.has_credit(line) or shapes.LEAD_TAG_RE.match(lines[k]))):
                    self.set(j, LineRole.DUPLICATE)  # the lead printed twice: the first printing is the article's
                    return i
                # a caption printed twice above the lead: credited, or the lead opens the article with its dateline tag
                self.set(i, LineRole.CAPTION)
                self.set(j, LineRole.DUPLICATE)
                self.kept.add(match_key(shapes.split_credit(line)[0]))
                i = j + 1
                continue
            if shapes.headline_like(line) and j is not None and lines[j] == line:
                k = self.after(j)
                lead = k if k is not None and shapes.sentence_like(lines[k]) else None
                blocks.append((i, j, lead))
                i = (lead if lead is not None else j) + 1
                continue
            if ((shapes.sentence_like(line) and not shapes.has_credit(line)
                 and (not shapes.URL_RE.search(line) or len(_URL_TEXT_RE.sub("", line)) >= MIN_FLAT_LINE))
                    or (_credited_prose(line) and shapes.sentence_like(shapes.split_credit(line)[0]))):
                if len(blocks) == 1:  # one headline printed twice above its lead: this article's own
                    blocks.clear()
                for block in blocks:
                    for n in block:
                        if n is not None:
                            self.set(n, LineRole.TEASER)
                return i
            i += 1
        if len(blocks) >= 2:  # a page of teasers only (an author's or a section's listing)
            for block in blocks:
                for n in block:
                    if n is not None:
                        self.set(n, LineRole.TEASER)
            self.state.notes.append("trang chỉ có danh sách tin (tiêu đề in hai lần kèm đoạn mở đầu), không có bài")
            return None
        if blocks:
            return blocks[0][2] if blocks[0][2] is not None else None
        return None

    def past_teasers(self, lead: int) -> int:
        """The lead again when other stories (headline, one-line lead) come before this article's headline: a
        headline further down, under it a date line, then prose that speaks of it and not of them."""
        lines, skipped = self.lines, [lead]
        if any(shapes.date_line(line) for line in lines[:lead]):
            return lead  # this article's headline and date line are above the lead already
        j = self.after(lead)
        while j is not None and len(skipped) <= MAX_TEASER_LINES:
            k = self.after(j)
            while k is not None and shapes.date_line(lines[k]):
                k = self.after(k)
            if (k is not None and k != self.after(j) and shapes.headline_like(lines[j])
                    and shapes.sentence_like(lines[k])):
                prose = self._prose_after(k)
                if shapes.overlap(lines[j], prose) >= MIN_TITLE_OVERLAP and all(
                        shapes.overlap(lines[n], prose) < MIN_TITLE_OVERLAP for n in skipped):
                    self.state.notes.append(f"dòng {lead + 1}–{j}: tin khác trước tiêu đề của bài, bỏ: "
                                            f"“{lines[lead][:60]}”")
                    return k
            if not (shapes.headline_like(lines[j]) or shapes.sentence_like(lines[j])):
                return lead
            skipped.append(j)
            j = self.after(j)
        return lead

    def header(self, lead: int | None) -> None:
        """Title, date lines, bylines, captions and chrome above the lead."""
        end = lead if lead is not None else len(self.lines)
        lines = self.lines
        keys = [match_key(line) for line in lines[:end]]
        repeated = {k for k in keys if k and keys.count(k) > 1}
        candidates: list[_Candidate] = []
        for i in range(end):
            line = lines[i]
            if not line or self.roles[i]:
                continue
            j = self.after(i)
            previous = next((self.roles[k][-1].role for k in range(i - 1, -1, -1) if self.roles[k]), None)
            nxt = lines[j] if j is not None and j < end else ""
            if nxt and nxt != line and nxt.startswith(line) and len(line) < len(nxt):
                self.set(i, LineRole.IMAGE_ALT)  # alt text, then the caption that begins with it
            elif shapes.date_line(line) or place_dateline(line):  # "Hà Nội, ngày 6/12/2023"
                self.set(i, LineRole.META)
            elif self.rules.is_chrome(line) or _removed_shape(line, self.rules):
                self.set(i, LineRole.CHROME)
            elif (shapes.has_credit(line) or previous == LineRole.IMAGE_ALT
                  or (candidates and self._after_image(i) and not shapes.reported(line))):
                self.set(i, LineRole.CAPTION)  # credited, under its alt text, or under a photo below the headline
            elif keys[i] in repeated and not shapes.headline_like(line):
                self.set(i, LineRole.CHROME)  # a section label printed twice (a headline printed twice stays a candidate)
            elif (split := _TRAILING_DATELINE_RE.match(line)) and shapes.headline_like(split["head"]):
                candidates.append((i, split["head"], split["tail"]))
            elif (date_head := _date_before_head(line)) and shapes.headline_like(date_head[1]):
                candidates.append((i, date_head[1], date_head[0]))  # "Thứ Tư, 18/09/2024 10:15 Headline"
            elif shapes.headline_like(line) or shapes.upper_headline(line):
                candidates.append((i, _SYMBOLS_RE.sub("", line), None))  # "⚡ Headline": the emoji is chrome
        title = self._pick_title(candidates, lead)
        for i, head, tail in candidates:
            if title is not None and i == title[0]:
                at = lines[i].index(head)
                before, after = lines[i][:at].strip(), lines[i][at + len(head):].strip()
                self.roles[i] = (*((Segment(before, LineRole.META if before == tail else LineRole.CHROME),) if before else ()),
                                 Segment(head, LineRole.TITLE), *((Segment(after, LineRole.META),) if after else ()))
                if tail:
                    self.state.date_lines.append(DateLine(tail, True))
                self.state.title = head
            else:
                self.set(i, LineRole.CHROME)
        if title is None and lead is not None and (flat := shapes.head_on_lead(lines[lead])):
            head, date, rest = flat  # a page flattened onto one line: headline, date, then the lead
            meta = lines[lead][len(head):len(lines[lead]) - len(rest)].strip()
            crumbs: tuple[Segment, ...] = ()
            if (last := _CRUMB_RE.search(head)) and shapes.headline_like(head[last.end():]):
                crumbs, head = (Segment(head[:last.end()].strip(), LineRole.CHROME),), head[last.end():]
            self.heads[lead] = ((*crumbs, Segment(head, LineRole.TITLE), *((Segment(meta, LineRole.META),) if meta else ())),
                                len(lines[lead]) - len(rest))
            self.state.title = head
            if date:
                self.state.date_lines.append(DateLine(date, True))
            self.state.notes.append(f"dòng {lead + 1}: trang dồn trên một dòng, tiêu đề tách ra từ đầu dòng: "
                                    f"“{head[:60]}”")
        title_at = title[0] if title else None
        for i in range(end):
            line = lines[i]
            if not line:
                continue
            if not self.roles[i]:
                author = shapes.byline(line)
                if author and title_at is not None and i > title_at:
                    self._credit_byline(author)
                    self.set(i, LineRole.META)
                    self.state.date_lines.append(DateLine(line, True, signed=True))  # "Tên Tác Giả 18:17 | 28/01/2024"
                else:
                    self.set(i, LineRole.CHROME)
            elif self.roles[i][0].role == LineRole.META and (shapes.date_line(line) or place_dateline(line)):
                self._date_line(line, self._in_title_block(i, title_at, end), above_title=title_at is not None and i < title_at)
            elif self.roles[i][0].role == LineRole.CAPTION:
                self.kept.add(match_key(shapes.split_credit(line)[0]))

    def _after_image(self, i: int) -> bool:
        """The line before i is an image stub or a photo label."""
        before = next((k for k in range(i - 1, -1, -1) if self.lines[k]), None)
        return before is not None and bool(shapes.stub(self.lines[before]) or shapes.PHOTO_LABEL_RE.match(self.lines[before]))

    def _in_title_block(self, i: int, title_at: int | None, end: int) -> bool:
        """Between the headline and the lead, or just above the headline with nothing but blanks between."""
        if title_at is None:
            return False
        if title_at < i < end:
            return True
        return i < title_at and all(not line for line in self.lines[i + 1:title_at])

    def _pick_title(self, candidates: list[_Candidate], lead: int | None) -> _Candidate | None:
        """The headline: one the source URL's slug spells, else the nearest above the lead."""
        if not candidates:
            return None
        if self.url:
            slug = self.url.rstrip("/").rsplit("/", 1)[-1]
            for candidate in candidates:
                words = slugify(candidate[1], max_length=400).split("-")
                if len(words) >= 3 and "-".join(words[:6]) in slug:
                    return candidate
        mixed = [c for c in candidates if not shapes.upper_headline(c[1])]  # an all-capitals line only when alone
        pool = mixed or candidates
        if lead is None or len(pool) == 1:
            return pool[-1]
        text = self._prose_after(lead)
        nearest = pool[-1]
        if shapes.overlap(nearest[1], text) >= MIN_TITLE_OVERLAP:
            return nearest
        # a short line nearest the lead that the article never speaks of (a section chip, an audio-player
        # label) gives way to a headline above it whose words the article repeats
        foreign = shapes.overlap(nearest[1], text) < MAX_FOREIGN_OVERLAP  # another story's headline
        better = [c for c in pool[:-1] if shapes.overlap(c[1], text) >= MIN_TITLE_OVERLAP
                  and (foreign or len(shapes.words(c[1])) > len(shapes.words(nearest[1])))]
        if better:
            self.state.notes.append(f"tiêu đề chọn “{better[-1][1][:60]}” thay cho dòng gần đoạn mở đầu hơn "
                                    f"“{nearest[1][:60]}”, vì bài nhắc lại các từ của nó")
            return better[-1]
        return nearest

    def _prose_after(self, lead: int) -> str:
        """The article's first paragraphs of prose (not the headlines of a list of other stories among them)."""
        return " ".join(line for line in self.lines[lead:lead + TITLE_CONTEXT_LINES] if shapes.sentence_like(line))

    def _date_line(self, line: str, own: bool, above_title: bool = False) -> bool:
        """A date line's date for dating; the byline name it carries ("Thu Hà - Thứ Hai, 12/06/2023") is the
        author's, and makes the date the article's own. Whether it was signed."""
        meta = shapes.date_meta(line)
        author = meta.author if meta else None
        if author:
            self._credit_byline(author)
        if meta and meta.outlet:
            self.state.byline_outlet = self.state.byline_outlet or meta.outlet
        self.state.date_lines.append(DateLine(line, own or bool(author), signed=bool(author), above_title=above_title))
        return bool(author)

    def _credit_byline(self, name: str) -> None:
        outlet = _outlet_by_name(name, self.outlets)
        if outlet:
            self.state.byline_outlet = self.state.byline_outlet or name
        else:
            self.state.author = self.state.author or name

    # -- the body ----------------------------------------------------------------------------------

    def body(self, lead: int) -> None:
        lines, state = self.lines, self.state
        in_tail = closed = resumable = False
        after_image = False
        for i in range(lead, len(lines)):
            line = lines[i]
            if not line or self.roles[i]:
                continue
            if i in self.heads:
                self.roles[i] = self._body_segments(i)
                self.kept.update(match_key(seg.text) for seg in self.roles[i] if seg.role == LineRole.BODY)
                continue
            key = match_key(line)
            image = after_image
            after_image = False
            if in_tail and resumable and not closed and self._prose_resumes(i):
                in_tail = False  # a box of other stories inside the article: its prose goes on below it
                state.notes.append(f"dòng {i + 1}: văn xuôi tiếp tục sau danh sách tin khác, giữ trong bài: "
                                   f"“{line[:60]}”")
            if (see_also := _SEE_ALSO_RE.match(line)) and reversed_url(see_also["url"]):
                state.source_url = state.source_url or reversed_url(see_also["url"])
                self.set(i, LineRole.META)
            elif byline := _byline(line, self.outlets):
                state.author = state.author or byline[0]
                state.byline_outlet = state.byline_outlet or byline[1]
                self.set(i, LineRole.META)
                closed = True
            elif in_tail:
                self.set(i, LineRole.RELATED)
            elif self.rules.is_marker(line) or (i > lead and self._heads_a_list(i)):
                if not self.rules.is_marker(line):
                    state.notes.append(f"dòng {i + 1} mở danh sách tin khác (nhãn ngắn trên các dòng tiêu đề), "
                                       f"bỏ từ đây: “{line[:60]}”")
                in_tail = True
                widget = line.isupper() or bool(_READERS_RE.search(line))  # readers' comments are prose: never resume
                self.set(i, LineRole.WIDGET if widget else LineRole.RELATED)
                resumable = not widget and not self._ended(i)
            elif (source := shapes.SOURCE_LINE_RE.match(line)) and len(line) <= 250:
                url = _URL_IN_RE.search(line)
                if url:
                    state.source_url = state.source_url or url.group(0)
                else:
                    state.byline_outlet = state.byline_outlet or source["value"].strip()
                self.set(i, LineRole.META)
                closed = True
            elif shapes.stub(line) or shapes.PHOTO_LABEL_RE.match(line):
                self.set(i, LineRole.CHROME)
                after_image = True
            elif shapes.date_line(line):
                self.set(i, LineRole.META)
                closed = self._date_line(line, self._beside_byline(i)) or closed  # a signed one closes the text
                if i > lead and self._headlines_follow(i):  # the article's date, then a list of other stories
                    in_tail, resumable = True, not self._ended(i)
            elif _doubled(line):
                self.set(i, LineRole.TEASER)
                j = self.after(i)
                nxt = lines[j] if j is not None else ""
                if j is not None and nxt and not (_doubled(nxt) or _byline(nxt, self.outlets) or self.rules.is_marker(nxt)
                                or shapes.has_credit(nxt) or (state.title and match_key(nxt) == match_key(state.title))):
                    self.set(j, LineRole.TEASER)
            elif _removed_shape(line, self.rules):
                self.set(i, LineRole.CHROME)
            elif self._teaser_after_sapo(i, lead):
                self.set(i, LineRole.TEASER)
                state.notes.append(f"dòng {i + 1} bỏ như tiêu đề của tin khác chen giữa sapo và thân bài: "
                                   f"“{line[:60]}”")
            elif state.title is not None and key == match_key(state.title):
                self.set(i, LineRole.IMAGE_ALT)
            elif (photo := _PHOTO_N_RE.match(line)) and len(line) <= shapes.MAX_CAPTION + 250:
                alt_end = len(line) - len(photo["rest"])
                self.roles[i] = (Segment(line[:alt_end], LineRole.IMAGE_ALT), Segment(photo["rest"], LineRole.CAPTION))
            elif (state.title is not None and line.startswith(state.title + " ")
                  and shapes.has_credit(line[len(state.title):].strip())):
                self.roles[i] = (Segment(state.title, LineRole.IMAGE_ALT), Segment(line[len(state.title):].strip(), LineRole.CAPTION))
            elif (author := shapes.byline(line)) and (closed or i > lead) and len(line) <= 60:
                self._credit_byline(author)
                self.set(i, LineRole.META)
                if full_dates(line):  # "Thu Hà - 22/11/2023"
                    state.date_lines.append(DateLine(line, True, signed=True))
                closed = True
            elif key in self.kept or (shapes.has_credit(line) and match_key(shapes.split_credit(line)[0]) in self.kept):
                self.set(i, LineRole.DUPLICATE)
            elif shapes.glue_points(line):  # paragraphs (maybe a caption) glued without a space: split
                self.roles[i] = self._body_segments(i)
                self.kept.update(match_key(seg.text) for seg in self.roles[i])
            elif shapes.CREDIT_ONLY_RE.match(line):
                self.set(i, LineRole.CAPTION)
            elif _credited_prose(line):
                self.roles[i] = self._credit_split(line)
                self.kept.add(key)
                state.notes.append(f"dòng {i + 1} có tên tác giả ảnh nhưng mở đầu như đoạn tin, giữ trong bài: "
                                   f"“{line[:60]}”")
            elif shapes.has_credit(line):
                self.set(i, LineRole.CAPTION)
                self.kept.add(match_key(shapes.split_credit(line)[0]))
            elif (((image and not shapes.prose_opening(line)) or self._credit_follows(i)) and len(line) <= MAX_STUB_CAPTION
                  and not re.search(r"[.!?…]\s+\S", line)):
                if not shapes.reported(line):
                    self.set(i, LineRole.CAPTION)
                    self.kept.add(key)
                else:  # beside a photo or over a credit but written as a report: body, listed for review
                    self.roles[i] = self._body_segments(i)
                    self.kept.update(match_key(seg.text) for seg in self.roles[i])
                    state.notes.append(f"dòng {i + 1} cạnh ảnh nhưng viết như câu tường thuật, giữ trong bài: "
                                       f"“{line[:60]}”")
            elif closed and not shapes.sentence_like(line) and not self._prose_resumes(self.after(i)):
                self.set(i, LineRole.CHROME)
            else:
                if closed and self._prose_resumes(i if shapes.sentence_like(line) else self.after(i)):
                    closed = False  # a byline under the sapo: the article goes on below it
                self.roles[i] = self._body_segments(i)
                self.kept.update(match_key(seg.text) for seg in self.roles[i])
                if closed:
                    state.notes.append(f"dòng {i + 1} giữ trong bài dù đứng sau dòng tác giả/nguồn: "
                                       f"“{line[:60]}…”")

    def _heads_a_list(self, i: int) -> bool:
        """A short label ("Có thể bạn quan tâm", "👉 Bài viết liên quan:") over headlines, not prose: the page's
        list of other stories begins (a subheading is followed by prose)."""
        line = self.lines[i]
        if (not 1 <= len(shapes.words(line)) <= MAX_LIST_LABEL_WORDS or line.endswith(shapes.SENTENCE_END)
                or self.rules.is_chrome(line) or shapes.date_line(line)):  # a date line is the article's, not a label
            return False
        if line.endswith(":") and shapes.stop_ratio(line) > 0:  # "Các nội dung hợp tác gồm:" opens the body's list
            return False
        return self._headlines_follow(i)

    def _headlines_follow(self, i: int) -> bool:
        """The lines after i are headlines of other stories, not prose."""
        following: list[str] = []
        j = self.after(i)
        while j is not None and len(following) < MIN_LISTED:
            following.append(self.lines[j])
            j = self.after(j)
        return len(following) == MIN_LISTED and all(
            (shapes.headline_like(nxt) or shapes.upper_headline(nxt)) and not nxt.endswith(shapes.SENTENCE_END)
            for nxt in following)

    def _ended(self, i: int) -> bool:
        """The article's text closed before line i: its last body paragraph ends with the closing mark "./."."""
        for k in range(i - 1, -1, -1):
            body = [seg.text for seg in self.roles[k] if seg.role == LineRole.BODY]
            if body:
                return body[-1].rstrip().endswith(("./.", "/."))
        return False

    def _prose_resumes(self, i: int | None) -> bool:
        """Two paragraphs of prose in a row: the article again, not a list of headlines each with its lead."""
        if i is None:
            return False
        j = self.after(i)
        return (j is not None and all(shapes.sentence_like(self.lines[n]) and not shapes.headline_like(self.lines[n])
                                      and not _removed_shape(self.lines[n], self.rules) for n in (i, j)))

    @staticmethod
    def _credit_split(line: str) -> tuple[Segment, ...]:
        """A paragraph and the photo credit run into its end; a credit in brackets stays inside the paragraph."""
        match = shapes.CREDIT_TAIL_RE.match(line)
        if not match:
            return (Segment(line, LineRole.BODY),)
        return Segment(match["text"], LineRole.BODY), Segment(line[match.end("text"):].strip(), LineRole.META)

    def _beside_byline(self, i: int) -> bool:
        """A date line next to the article's byline ("Minh Hằng" / "22/11/2023"): the article's own date."""
        before = next((k for k in range(i - 1, -1, -1) if self.lines[k]), None)
        j = self.after(i)
        return ((before is not None and any(seg.role == LineRole.META and shapes.byline(seg.text) for seg in self.roles[before]))
                or (j is not None and shapes.byline(self.lines[j]) is not None and not shapes.date_line(self.lines[j])))

    def _teaser_after_sapo(self, i: int, lead: int) -> bool:
        """A headline-shaped line right after the sapo, prose after it: another story's headline (a subheading
        does not come before the body has begun). Not the page's own headline printed again."""
        if self.after(lead) != i or not shapes.headline_like(self.lines[i]):
            return False
        if self.state.title is not None and match_key(self.lines[i]) == match_key(self.state.title):
            return False
        j = self.after(i)
        if j is None or not shapes.sentence_like(self.lines[j]):
            return False
        # a subheading speaks of what the article does; another story's headline does not
        text = (self.state.title or "") + " " + self._prose_after(lead)
        return shapes.overlap(self.lines[i], text) < MIN_TITLE_OVERLAP

    def _credit_follows(self, i: int) -> bool:
        """The next line is a photo credit alone ("ẢNH: TTXVN"): line i is its caption if it is one sentence."""
        j = self.after(i)
        return (j is not None and bool(shapes.CREDIT_ONLY_RE.match(self.lines[j]))
                and bool(shapes.PHOTO_CREDIT_ONLY_RE.match(self.lines[j])))

    def _body_segments(self, i: int) -> tuple[Segment, ...]:
        """A body line; a caption glued on its end (its credit on the next line) or a credit run into it split off;
        an image path inside it splits it (the first sentence after the image is its caption); the head of a
        flattened page (headline, date) goes before."""
        head, start = self.heads.get(i, ((), 0))
        return (*head, *self._text_segments(i, self.lines[i][start:]))

    def _furniture(self, text: str) -> LineRole | None:
        """The role of page furniture sharing a line with a paragraph; None for anything that may be prose."""
        if not text or text.endswith((",", ";")) or (shapes.sentence_like(text) and not shapes.footer(text)):
            return None
        byline = _byline(text, self.outlets)
        if byline and (byline[1] or shapes.name_like(byline[0] or "")):
            return LineRole.META
        if (shapes.date_line(text) or shapes.byline(text)
                or (shapes.SOURCE_LINE_RE.match(text) and len(text) <= 250)):
            return LineRole.META
        if self.rules.is_marker(text) or _see_more(text):
            return LineRole.RELATED
        if shapes.CREDIT_ONLY_RE.match(text):
            return LineRole.META  # a credit run into a paragraph ("… tỉnh. Ảnh: Thanh Quỳnh"), as the guide's bylines
        if shapes.has_credit(text):
            return LineRole.CAPTION
        if text.endswith(shapes.SENTENCE_END) and not shapes.footer(text):
            return None
        if _removed_shape(text, self.rules) or shapes.link_list(text):
            return LineRole.CHROME
        return None

    def _meta(self, text: str) -> None:
        """What a byline, source or date split off a paragraph's line says."""
        if source := shapes.SOURCE_LINE_RE.match(text):
            url = _URL_IN_RE.search(text)
            if url:
                self.state.source_url = self.state.source_url or url.group(0)
            else:
                self.state.byline_outlet = self.state.byline_outlet or source["value"].strip()
        elif byline := _byline(text, self.outlets):
            self.state.author = self.state.author or byline[0]
            self.state.byline_outlet = self.state.byline_outlet or byline[1]
        elif shapes.date_line(text):
            self._date_line(text, False)
        elif author := shapes.byline(text):
            self._credit_byline(author)

    def _peel(self, line: str) -> tuple[tuple[Segment, ...], str, tuple[Segment, ...]]:
        """Furniture before and after a paragraph on its line ("Chia sẻ Facebook Sáng 12/4, …", "… hai nước.
        Từ khóa: …", "… hai nước./.Minh Hằng/VOV"): split off, the paragraph's text untouched."""
        before: tuple[Segment, ...] = ()
        head = shapes.CAPTION_HEAD_RE.match(line)
        date_head = _date_before_head(line)
        first, _, after_first = line.partition(" ")
        if head and shapes.sentence_like(head["rest"]) and (role := self._furniture(head["caption"])) in (
                LineRole.CAPTION, LineRole.META):
            before, line = (Segment(head["caption"], role),), head["rest"]  # a caption, or a credit alone
        elif date_head and shapes.sentence_like(date_head[1]):
            before, line = (Segment(date_head[0], LineRole.META),), date_head[1]
            self._meta(date_head[0])
        elif shapes.stub(first) and shapes.sentence_like(after_first):
            before, line = (Segment(first, LineRole.CHROME),), after_first.strip()  # "null Sáng 12/4, …"
        else:
            for start in shapes.lead_openings(line):
                if tag := _TAG_BEFORE_RE.search(line[:start]):
                    start = tag.start(1)  # the dateline tag heads the paragraph ("VTV.vn - Sáng 12/4, …")
                if not line[:start].strip():
                    break
                role = self._furniture(line[:start].strip())
                if (role == LineRole.META and _TAG_AT_RE.match(line, start)
                        and not (shapes.date_line(line[:start]) or TIME_RE.search(line[:start]))):
                    break  # a place before the tag is the dateline's ("Viêng Chăn, 12/4 (KPL) - …"): it stays
                if role and shapes.sentence_like(line[start:]):
                    before, line = (Segment(line[:start].strip(), role),), line[start:]
                    if role == LineRole.META:
                        self._meta(before[0].text)
                    break
        for end in shapes.SENTENCE_BREAK_RE.finditer(line):
            text, rest = line[:end.end()], line[end.end():].strip()
            if len(shapes.words(text)) < shapes.MIN_GLUED_WORDS or not rest:
                continue
            closing = text.endswith("./.") and len(rest) <= MAX_SIGNATURE and not shapes.sentence_like(rest)
            role = LineRole.META if closing else self._furniture(rest)
            if role:
                if role == LineRole.META:
                    self._meta(rest)
                return before, text, (Segment(rest, role),)
        return before, line, ()

    def _text_segments(self, i: int, line: str) -> tuple[Segment, ...]:
        before, line, after = self._peel(line)
        return (*before, *self._prose_segments(i, line), *after)

    def _prose_segments(self, i: int, line: str) -> tuple[Segment, ...]:
        image = _INLINE_IMAGE_RE.search(line)
        if image:
            before, after = line[:image.start()].strip(), line[image.end():].strip()
            first = _FIRST_SENTENCE_RE.match(after)
            caption = first[1] if first and len(first[1]) <= MAX_STUB_CAPTION and not shapes.reported(first[1]) else ""
            rest = after[len(caption):].strip()
            parts = [Segment(before, LineRole.BODY)] if before else []
            parts.append(Segment(image.group(0).strip(), LineRole.CHROME))
            parts += [Segment(caption, LineRole.CAPTION)] if caption else []
            parts += [Segment(rest, LineRole.BODY)] if rest else []
            return tuple(parts)
        points = shapes.glue_points(line)
        pieces = [line[a:b] for a, b in zip([0, *points], [*points, len(line)], strict=True)]
        segments = [Segment(piece, LineRole.BODY) for piece in pieces]
        last = pieces[-1]
        if len(pieces) > 1 and len(last) <= MAX_GLUED_CAPTION and (self._credit_follows(i) or shapes.has_credit(last)):
            return (*segments[:-1], Segment(last, LineRole.CAPTION))  # a caption glued on, with its credit
        match = shapes.CREDIT_TAIL_RE.match(last)
        if (match and (len(last) > MAX_STUB_CAPTION or len(re.findall(r"[.!?…]\s", match["text"])) >= 1)
                and shapes.name_like(match["credit"].strip())):
            return (*segments[:-1], Segment(match["text"], LineRole.BODY), Segment(last[len(match["text"]):].strip(), LineRole.META))
        return tuple(segments)


def classify(doc: RawDoc, rules: CleaningRules, outlets: tuple[Outlet, ...]) -> tuple[list[SourceLine], _State]:
    """Give every line of the document its role(s)."""
    lines = [line.strip() for line in doc.text.split("\n")]
    walk = _Walk(lines, rules, outlets, doc.html_meta.get("source_url") or doc.sidecar.get("source_url"))
    for line in lines:  # a source URL printed anywhere helps pick the title
        see_also = _SEE_ALSO_RE.match(line)
        if see_also and reversed_url(see_also["url"]) and not walk.url:
            walk.url = reversed_url(see_also["url"])
    lead = walk.find_lead()
    if lead is not None:
        lead = walk.past_teasers(lead)
    walk.header(lead)
    if lead is not None:
        walk.body(lead)
    else:
        walk.state.notes.append("không tìm thấy đoạn văn nào của bài")
    return [SourceLine(n + 1, segs) for n, segs in enumerate(walk.roles)], walk.state


def _outlet(doc: RawDoc, paragraphs: list[str], source_url: str | None, removed: list[str],
            byline_outlet: str | None, outlets: tuple[Outlet, ...]) -> Sourced:
    for paragraph in paragraphs[:3]:
        match = _DATELINE_RE.match(paragraph) or _TAG_RE.match(paragraph)
        if match:
            outlet = _outlet_by_name(match["token"], outlets)
            if outlet:
                return Sourced(outlet.name, SourceBasis.DATELINE)
    url = source_url or doc.html_meta.get("source_url")
    if url:
        host = re.sub(r"^https?://", "", url).split("/")[0].lower().removeprefix("www.")
        for outlet in outlets:
            if any(host == d or host.endswith("." + d) for d in outlet.domains):
                return Sourced(outlet.name, SourceBasis.URL)
    if doc.html_meta.get("outlet"):
        known = _outlet_by_name(doc.html_meta["outlet"], outlets)
        return Sourced(known.name if known else doc.html_meta["outlet"], SourceBasis.PAGE)
    counts = {o.name: sum(line.count(m) for line in removed for m in o.chrome_markers) for o in outlets}
    best = max(counts.items(), key=lambda kv: (kv[1], kv[0]), default=(None, 0))
    if best[1] >= 2:
        return Sourced(best[0], SourceBasis.CHROME)
    if byline_outlet:
        known = _outlet_by_name(byline_outlet, outlets)
        return Sourced(known.name if known else byline_outlet, SourceBasis.BYLINE)
    return Sourced(None, None)


def _published(doc: RawDoc, state: _State, paragraphs: list[str], captions: list[str]) -> PubDate:
    if "date" in doc.sidecar:
        return dates.curated(doc.sidecar["date"])
    return dates.resolve(state.date_lines, doc.html_meta.get("published"), paragraphs, state.title, captions)


def _curated(doc: RawDoc, key: str, found: Sourced) -> Sourced:
    return Sourced(doc.sidecar[key], SourceBasis.CURATED) if key in doc.sidecar else found


TITLE_GUESS_WORDS = 14
_FIRST_SENTENCE_RE = re.compile(r"^(.+?[.!?…])(?:\s|$)")


def guessed_title(paragraphs: list[str], name: str) -> Sourced:
    """A placeholder for a page that prints no headline: its first body sentence, in brackets, marked guessed."""
    if not paragraphs:
        return Sourced(f"[{name}]", GUESSED, "tên tệp: trang không có tiêu đề và không có đoạn văn nào")
    text = _DATELINE_RE.sub("", paragraphs[0])
    text = re.sub(r"^(?:\(?[A-ZĐ][\w.&+]{0,15}\)?\s*[-–—]\s*|[-–—]\s*)", "", text)
    match = _FIRST_SENTENCE_RE.match(text)
    sentence = (match[1] if match else text).rstrip(".")
    words = sentence.split()
    guess = " ".join(words[:TITLE_GUESS_WORDS]) + ("…" if len(words) > TITLE_GUESS_WORDS else "")
    return Sourced(f"[{guess}]", GUESSED, f"từ câu đầu của bài: “{guess}”")


def clean(doc: RawDoc, rules: CleaningRules, outlets: tuple[Outlet, ...], source_dir: str = "seeds") -> Article:
    """The cleaned article; its id is filled in later by ids.assign_ids."""
    source_lines, state = classify(doc, rules, outlets)
    captions: list[Caption] = []
    body_lines: list[tuple[str, int]] = []
    for source_line in source_lines:
        for segment in source_line.segments:
            if segment.role == LineRole.BODY:
                body_lines.append((segment.text, source_line.number))
            elif segment.role == LineRole.CAPTION:
                text, credit = shapes.split_credit(segment.text)
                only = shapes.CREDIT_ONLY_RE.match(segment.text)
                if only and captions and captions[-1].credit is None and captions[-1].after == len(body_lines):
                    captions[-1] = Caption(captions[-1].text, only["credit"].strip(), captions[-1].after,
                                           captions[-1].line)
                elif only:
                    captions.append(Caption("", only["credit"].strip(), len(body_lines), source_line.number))
                else:
                    captions.append(Caption(text, credit, len(body_lines), source_line.number))
    anchors = paragraph_anchors([text for text, _ in body_lines])
    paragraphs = [Paragraph(anchor, text, line) for anchor, (text, line) in zip(anchors, body_lines, strict=True)]
    texts = [p.text for p in paragraphs]
    removed = [seg.text for line in source_lines for seg in line.segments if seg.removed]

    if state.title:
        title = Sourced(state.title, SourceBasis.PAGE if doc.kind == "html" else SourceBasis.TEXT, state.title_evidence)
    elif doc.html_meta.get("title"):
        title = Sourced(doc.html_meta["title"], SourceBasis.PAGE)
    else:
        title = guessed_title(texts, doc.name)
    outlet = _outlet(doc, texts, state.source_url, removed, state.byline_outlet, outlets)
    author = Sourced(state.author, SourceBasis.BYLINE) if state.author else Sourced(doc.html_meta.get("author"),
                                                                           SourceBasis.PAGE if doc.html_meta.get("author") else None)
    original = Sourced(state.byline_outlet, SourceBasis.BYLINE) if state.byline_outlet else Sourced(None)
    source_url = state.source_url or doc.html_meta.get("source_url")
    return Article(
        id="",
        source_file=f"{source_dir}/{doc.name}",
        raw_name=raw_name(doc.name, doc.kind),
        title=_curated(doc, "title", title),
        outlet=_curated(doc, "outlet", outlet),
        author=_curated(doc, "author", author),
        original_outlet=_curated(doc, "original_outlet", original),
        source_url=_curated(doc, "source_url", Sourced(source_url, SourceBasis.TEXT if source_url else None)),
        published=_published(doc, state, texts, [c.text for c in captions]),
        paragraphs=tuple(paragraphs),
        captions=tuple(captions),
        source_lines=tuple(source_lines),
        redirect_from=tuple(doc.sidecar.get("redirect_from", ())),
        note=doc.sidecar.get("note"),
        clean_notes=tuple(state.notes),
    )
