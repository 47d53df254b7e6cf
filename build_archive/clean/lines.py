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
from build_archive.date.patterns import full_dates, place_dateline
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
MAX_LIST_LABEL_WORDS = 6
MIN_LISTED = 2  # headlines under a label that make it a list of other stories

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
    if not match or len(line) > 140:
        return None
    first, second = match["first"].strip(), (match["second"] or "").strip() or None
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


def _removed_shape(line: str, rules: CleaningRules) -> bool:
    """Lines that are page furniture wherever they stand."""
    return (rules.is_chrome(line) or shapes.stub(line) or shapes.footer(line) or shapes.widget(line)
            or _doubled(line))


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
            if shapes.sentence_like(line) and not shapes.URL_RE.search(line) and not shapes.has_credit(line):
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
            elif shapes.has_credit(line) or previous == LineRole.IMAGE_ALT:
                self.set(i, LineRole.CAPTION)
            elif keys[i] in repeated and not shapes.headline_like(line):
                self.set(i, LineRole.CHROME)  # a section label printed twice (a headline printed twice stays a candidate)
            elif (split := _TRAILING_DATELINE_RE.match(line)) and shapes.headline_like(split["head"]):
                candidates.append((i, split["head"], split["tail"]))
            elif shapes.headline_like(line) or shapes.upper_headline(line):
                candidates.append((i, line, None))
        title = self._pick_title(candidates, lead)
        for i, head, tail in candidates:
            if title is not None and i == title[0]:
                if tail:
                    self.roles[i] = (Segment(head, LineRole.TITLE), Segment(lines[i][len(head):].strip(), LineRole.META))
                    self.state.date_lines.append(DateLine(tail, True))
                else:
                    self.set(i, LineRole.TITLE)
                self.state.title = head
            else:
                self.set(i, LineRole.CHROME)
        if title is None and lead is not None and (flat := shapes.head_on_lead(lines[lead])):
            head, date, rest = flat  # a page flattened onto one line: headline, date, then the lead
            meta = lines[lead][len(head):len(lines[lead]) - len(rest)].strip()
            self.heads[lead] = ((Segment(head, LineRole.TITLE), *((Segment(meta, LineRole.META),) if meta else ())),
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
                self.state.date_lines.append(DateLine(line, self._in_title_block(i, title_at, end),
                                                      above_title=title_at is not None and i < title_at))
            elif self.roles[i][0].role == LineRole.CAPTION:
                self.kept.add(match_key(shapes.split_credit(line)[0]))

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
        return (mixed or candidates)[-1]

    def _credit_byline(self, name: str) -> None:
        outlet = _outlet_by_name(name, self.outlets)
        if outlet:
            self.state.byline_outlet = self.state.byline_outlet or name
        else:
            self.state.author = self.state.author or name

    # -- the body ----------------------------------------------------------------------------------

    def body(self, lead: int) -> None:
        lines, state = self.lines, self.state
        in_tail = closed = False
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
                self.set(i, LineRole.WIDGET if line.isupper() or key == "phản hồi" else LineRole.RELATED)
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
                state.date_lines.append(DateLine(line, self._beside_byline(i)))
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
            elif shapes.has_credit(line):
                self.set(i, LineRole.CAPTION)
                self.kept.add(match_key(shapes.split_credit(line)[0]))
            elif (((image and not shapes.prose_opening(line)) or self._credit_follows(i)) and len(line) <= MAX_STUB_CAPTION
                  and not re.search(r"[.!?…]\s+\S", line)):
                self.set(i, LineRole.CAPTION)
                self.kept.add(key)
            elif closed and not shapes.sentence_like(line):
                self.set(i, LineRole.CHROME)
            else:
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
                or self.rules.is_chrome(line)):
            return False
        if line.endswith(":") and shapes.stop_ratio(line) > 0:  # "Các nội dung hợp tác gồm:" opens the body's list
            return False
        following: list[str] = []
        j = self.after(i)
        while j is not None and len(following) < MIN_LISTED:
            following.append(self.lines[j])
            j = self.after(j)
        return len(following) == MIN_LISTED and all(
            (shapes.headline_like(nxt) or shapes.upper_headline(nxt)) and not nxt.endswith(shapes.SENTENCE_END)
            for nxt in following)

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
        return j is not None and shapes.sentence_like(self.lines[j])

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

    def _text_segments(self, i: int, line: str) -> tuple[Segment, ...]:
        image = _INLINE_IMAGE_RE.search(line)
        if image:
            before, after = line[:image.start()].strip(), line[image.end():].strip()
            first = _FIRST_SENTENCE_RE.match(after)
            caption = first[1] if first and len(first[1]) <= MAX_STUB_CAPTION else ""
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
