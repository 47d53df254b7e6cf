"""Clean: a scraped page's lines sorted into article and boilerplate.

Follows ../shared/guides/annotation.md §1. Every line of the input gets a role;
body paragraphs are kept exactly as written (only surrounding white space is
trimmed), and what is removed stays listed with its reason for the source view.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from build_archive.clean.rules import CleaningRules, Outlet
from build_archive.common.textnorm import match_key
from build_archive.date import published as dates
from build_archive.ingest.reader import RawDoc
from build_archive.model.article import (
    Article,
    Caption,
    Paragraph,
    PubDate,
    Segment,
    Sourced,
    SourceLine,
)
from build_archive.model.ids import paragraph_anchors
from build_archive.model.urls import raw_name

MAX_CAPTION = 400
_DATELINE_RE = re.compile(r"^\((?P<token>[^()]{2,24})\)\s*[-–—]\s*")
_PHOTO_N_RE = re.compile(r"^(?P<alt>.+?)\s+-\s+ảnh\s+\d+\s*(?P<rest>.*)$", re.IGNORECASE)
_CREDIT_PAREN_RE = re.compile(
    r"^(?P<text>.*?)\s*\((?:Ảnh|Nguồn|Ảnh minh họa|Ảnh minh hoạ|Photo)\s*:\s*(?P<credit>[^()]+?)\)(?P<tail>\s*[.]?)\s*$")
_CREDIT_TAIL_RE = re.compile(r"^(?P<text>.*?[.!?…])\s*(?:Ảnh|Nguồn)\s*:\s*(?P<credit>[^.]{1,80}?)\.?\s*$")
_BYLINE_RE = re.compile(r"^Theo\s+(?P<first>[^,/]{2,60}?)(?:\s*/\s*(?P<second>[^,]{2,80}))?\s*$")
_SEE_ALSO_RE = re.compile(r"^Xem thêm\s*:\s*(?P<url>\S+)\s*$", re.IGNORECASE)
_SOURCE_LABEL_RE = re.compile(r"^Nguồn\s*:\s*(?P<value>[^.]{2,80})$")
_TIMESTAMP_LINE_RE = re.compile(r"^[^.]{0,40}\b\d{1,2}/\d{1,2}/\d{4}\b[^.]{0,30}$")
_URL_HEAD_RE = re.compile(r"^(?:https?://)?(?:[a-z0-9-]+\.)+[a-z]{2,6}(?:/|$)")


@dataclass
class _State:
    """What the line walk has seen so far."""

    title: str | None = None
    in_body: bool = False
    in_tail: bool = False
    author: str | None = None
    byline_outlet: str | None = None
    source_url: str | None = None
    timestamp_lines: list[str] | None = None


def _doubled(line: str) -> bool:
    """A headline printed twice on one line: a related-story teaser."""
    n = len(line)
    if n < 31:
        return False
    half = n // 2
    if n % 2 == 1 and line[half] == " ":
        return line[:half] == line[half + 1:]
    return line[:half] == line[half:]


def split_credit(text: str) -> tuple[str, str | None]:
    """Caption text and photo credit: "Toàn cảnh Hội nghị. Ảnh: VOV" → ("Toàn cảnh Hội nghị.", "VOV")."""
    match = _CREDIT_PAREN_RE.match(text)
    if match:
        return (match["text"].rstrip() + match["tail"].strip()).strip(), match["credit"].strip()
    match = _CREDIT_TAIL_RE.match(text)
    if match:
        return match["text"].strip(), match["credit"].strip()
    return text.strip(), None


def _has_credit(text: str) -> bool:
    return len(text) <= MAX_CAPTION and split_credit(text)[1] is not None


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


def _title_like(line: str) -> bool:
    return (len(line) <= 250 and not line.endswith((".", ":", ";", ","))
            and not _DATELINE_RE.match(line) and not _has_credit(line) and len(line.split()) >= 3)


def classify(doc: RawDoc, rules: CleaningRules, outlets: tuple[Outlet, ...]) -> tuple[list[SourceLine], _State]:
    """Give every line of the document its role(s)."""
    lines = [line.strip() for line in doc.text.split("\n")]
    roles: list[tuple[Segment, ...]] = [()] * len(lines)
    state = _State(timestamp_lines=[])
    i = 0
    while i < len(lines):
        line = lines[i]
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        one = lambda role: (Segment(line, role),)  # noqa: E731 - the common case of a whole line
        if not line:
            roles[i] = ()
        elif (see_also := _SEE_ALSO_RE.match(line)) and reversed_url(see_also["url"]):
            state.source_url = state.source_url or reversed_url(see_also["url"])
            roles[i] = one("meta")
        elif state.in_body and (byline := _byline(line, outlets)):
            state.author = state.author or byline[0]
            state.byline_outlet = state.byline_outlet or byline[1]
            roles[i] = one("meta")
        elif state.in_tail:
            roles[i] = one("related")
        elif rules.is_marker(line) and state.in_body:
            state.in_tail = True
            roles[i] = one("widget" if line.isupper() or match_key(line) == "phản hồi" else "related")
        elif rules.is_chrome(line) or rules.is_marker(line):
            roles[i] = one("chrome")
        elif (source := _SOURCE_LABEL_RE.match(line)) and state.in_body:
            state.byline_outlet = state.byline_outlet or source["value"].strip()
            roles[i] = one("meta")
        elif not state.in_body and _TIMESTAMP_LINE_RE.match(line) and not _DATELINE_RE.match(line):
            state.timestamp_lines.append(line)
            roles[i] = one("meta")
        elif state.title is None and not state.in_body and _title_like(line):
            state.title = line
            roles[i] = one("title")
        elif state.title is not None and match_key(line) == match_key(state.title):
            roles[i] = one("image-alt")
        elif (photo := _PHOTO_N_RE.match(line)) and len(line) <= MAX_CAPTION + 250:
            alt_end = len(line) - len(photo["rest"])
            roles[i] = (Segment(line[:alt_end], "image-alt"), Segment(photo["rest"], "caption"))
        elif _doubled(line):
            roles[i] = one("teaser")
            if nxt and not (_doubled(nxt) or _byline(nxt, outlets) or rules.is_marker(nxt) or _has_credit(nxt)
                            or (state.title and match_key(nxt) == match_key(state.title))):
                roles[i + 1] = (Segment(nxt, "teaser"),)
                i += 1
        elif nxt == line and len(line) <= MAX_CAPTION:
            roles[i] = one("caption")
            roles[i + 1] = (Segment(nxt, "duplicate"),)
            i += 1
        elif _has_credit(line):
            roles[i] = one("caption")
        else:
            roles[i] = one("body")
            state.in_body = True
        i += 1
    return [SourceLine(n + 1, segs) for n, segs in enumerate(roles)], state


def _outlet(doc: RawDoc, paragraphs: list[str], source_url: str | None, removed: list[str],
            byline_outlet: str | None, outlets: tuple[Outlet, ...]) -> Sourced:
    for paragraph in paragraphs[:3]:
        match = _DATELINE_RE.match(paragraph)
        if match:
            outlet = _outlet_by_name(match["token"], outlets)
            if outlet:
                return Sourced(outlet.name, "dateline")
    url = source_url or doc.html_meta.get("source_url")
    if url:
        host = re.sub(r"^https?://", "", url).split("/")[0].lower().removeprefix("www.")
        for outlet in outlets:
            if any(host == d or host.endswith("." + d) for d in outlet.domains):
                return Sourced(outlet.name, "url")
    if doc.html_meta.get("outlet"):
        known = _outlet_by_name(doc.html_meta["outlet"], outlets)
        return Sourced(known.name if known else doc.html_meta["outlet"], "page")
    counts = {o.name: sum(line.count(m) for line in removed for m in o.chrome_markers) for o in outlets}
    best = max(counts.items(), key=lambda kv: (kv[1], kv[0]), default=(None, 0))
    if best[1] >= 2:
        return Sourced(best[0], "chrome")
    if byline_outlet:
        known = _outlet_by_name(byline_outlet, outlets)
        return Sourced(known.name if known else byline_outlet, "byline")
    return Sourced(None, None)


def _published(doc: RawDoc, state: _State, paragraphs: list[str]) -> PubDate:
    if "date" in doc.sidecar:
        return dates.curated(doc.sidecar["date"])
    return (dates.stated_in_header(state.timestamp_lines or [])
            or (dates.from_html_meta(doc.html_meta["published"]) if "published" in doc.html_meta else None)
            or dates.from_text(paragraphs))


def _curated(doc: RawDoc, key: str, found: Sourced) -> Sourced:
    return Sourced(doc.sidecar[key], "curated") if key in doc.sidecar else found


def clean(doc: RawDoc, rules: CleaningRules, outlets: tuple[Outlet, ...], source_dir: str = "seeds") -> Article:
    """The cleaned article; its id is filled in later by ids.assign_ids."""
    source_lines, state = classify(doc, rules, outlets)
    paragraphs: list[Paragraph] = []
    captions: list[Caption] = []
    body_lines: list[tuple[str, int]] = []
    for source_line in source_lines:
        for segment in source_line.segments:
            if segment.role == "body":
                body_lines.append((segment.text, source_line.number))
            elif segment.role == "caption":
                text, credit = split_credit(segment.text)
                captions.append(Caption(text, credit, len(body_lines), source_line.number))
    anchors = paragraph_anchors([text for text, _ in body_lines])
    paragraphs = [Paragraph(anchor, text, line) for anchor, (text, line) in zip(anchors, body_lines)]
    texts = [p.text for p in paragraphs]
    removed = [seg.text for line in source_lines for seg in line.segments if seg.removed]

    if state.title:
        title = Sourced(state.title, "page" if doc.kind == "html" else "text")
    elif doc.html_meta.get("title"):
        title = Sourced(doc.html_meta["title"], "page")
    else:
        words = " ".join(texts[0].split()[:10]) if texts else doc.name
        title = Sourced(f"[Không có tiêu đề] {words}…", "missing")
    outlet = _outlet(doc, texts, state.source_url, removed, state.byline_outlet, outlets)
    author = Sourced(state.author, "byline") if state.author else Sourced(doc.html_meta.get("author"),
                                                                           "page" if doc.html_meta.get("author") else None)
    original = Sourced(state.byline_outlet, "byline") if state.byline_outlet else Sourced(None)
    source_url = state.source_url or doc.html_meta.get("source_url")
    return Article(
        id="",
        source_file=f"{source_dir}/{doc.name}",
        raw_name=raw_name(doc.name, doc.kind),
        title=_curated(doc, "title", title),
        outlet=_curated(doc, "outlet", outlet),
        author=_curated(doc, "author", author),
        original_outlet=_curated(doc, "original_outlet", original),
        source_url=_curated(doc, "source_url", Sourced(source_url, "text" if source_url else None)),
        published=_published(doc, state, texts),
        paragraphs=tuple(paragraphs),
        captions=tuple(captions),
        source_lines=tuple(source_lines),
        redirect_from=tuple(doc.sidecar.get("redirect_from", ())),
        note=doc.sidecar.get("note"),
    )
