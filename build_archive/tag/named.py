"""Named events and agreements by rule: a head word, then the name that follows it.

"Kỳ họp lần thứ 46 Ủy ban liên Chính phủ …", "Tham khảo Chính trị lần thứ nhất",
"Nghị định thư về …", "Thỏa thuận về Kế hoạch hợp tác … năm 2025", "Hiệp định …
giai đoạn 2016 - 2020", "Năm Đoàn kết hữu nghị …", "60 năm Ngày thiết lập quan hệ
ngoại giao". A name runs from its head over words until punctuation or a word that
ends a name (a verb, "tại", "vào" …). What makes a head a name rather than the common
noun: a capital on the head, or a mark of a particular one in what follows (an
ordinal, a year or period, a quoted or capitalised name). The whole name is one span:
it wins over the places and bodies inside it (annotation guide §3, longest name).
The head words and the words that end a name are in data/tagging.yml.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from build_archive.common.textnorm import canonical_tones, slugify
from build_archive.model.enums import EntityType

_ROMAN = r"(?:[IVXLC]+)"
_ORDINAL = rf"(?:lần\s+thứ\s+(?:\d+|{_ROMAN}|nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười\w*)|thứ\s+(?:\d+|{_ROMAN}|nhất|hai|ba|tư)|vòng\s+\d+|khóa\s+{_ROMAN}|khoá\s+{_ROMAN}|{_ROMAN}(?!\w))"
_YEAR = r"(?:(?:năm|giai\s+đoạn|nhiệm\s+kỳ|đến\s+năm|tầm\s+nhìn(?:\s+đến)?(?:\s+năm)?)\s+)?(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?"
_QUOTE = r"[“\"«][^”\"»]{2,160}[”\"»]"
_PAIR = r"(?:Việt\s*Nam|Việt|VN|Lào)\s*[-–]\s*(?:Việt\s*Nam|Việt|VN|Lào)(?!\w)"
_ABBREVIATION = r"\([A-ZĐ][A-ZĐ0-9&+-]{1,11}\)"  # "Hội nghị Bộ trưởng Quốc phòng ASEAN (ADMM) lần thứ 17"
_TOKEN_RE = re.compile(rf"\s*(?P<tok>{_QUOTE}|{_ORDINAL}|{_YEAR}|\(\d{{4}}\s*[-–]\s*\d{{4}}\)|{_PAIR}|{_ABBREVIATION}|"
                       rf"[\w&]+(?:[.-]\w+)*|[-–])")
_ORDINAL_RE = re.compile(rf"^{_ORDINAL}$")
_ORDINAL_NEXT_RE = re.compile(rf"\s*{_ORDINAL}")
_YEAR_RE = re.compile(rf"^{_YEAR}$")
_RECURRING_RE = re.compile(r"(?<!\w)(?:thường\s+niên|định\s+kỳ|hằng\s+năm|hàng\s+năm)(?!\w)", re.IGNORECASE)
_PARTICULAR_RE = re.compile(rf"(?<!\w)(?:{_ORDINAL}|(?:19|20)\d\d)(?!\w)")
_WORDS_RE = re.compile(r"\w+")
_ANCHOR_RE = re.compile(rf"^(?:{_QUOTE}|{_ORDINAL}|{_YEAR}|\(\d{{4}}\s*[-–]\s*\d{{4}}\)|{_PAIR})$")
_ANNIVERSARY_RE = re.compile(
    r"(?<![\w,.])(?:(?:[Kk]ỷ|[Kk]ỉ)\s+niệm\s+)?(?P<n>\d{1,3})\s+năm\s+(?:[Nn]gày\s+)?(?:[Tt]hành\s+lập|[Tt]hiết\s+lập|"
    r"[Kk]ý(?:\s+kết)?|[Cc]hiến\s+thắng|[Gg]iải\s+phóng|[Qq]uốc\s+khánh|[Tt]hương\s+binh|[Ss]inh|[Tt]ruyền\s+thống|"
    r"[Cc]ách\s+mạng|[Nn]gày)(?!\w)")
_NAMED_YEAR_RE = re.compile(r"(?<![\d\w])(?P<head>[Nn]ăm)\s+(?=[Đđ]oàn\s+kết|[Hh]ữu\s+nghị|[^\W\d])")


@dataclass(frozen=True)
class NamedRules:
    """Compiled from data/tagging.yml: heads of event and agreement names, and the words that end a name."""

    heads: re.Pattern[str]
    kind_of: dict[str, EntityType]
    stops: frozenset[str]
    stop_pairs: frozenset[str]
    plural: frozenset[str]
    plan_heads: frozenset[str] = frozenset()
    joint: re.Pattern[str] | None = None

    @classmethod
    def build(cls, event_heads: Iterable[str], agreement_heads: Iterable[str], stop_words: Iterable[str],
              plural_markers: Iterable[str], plan_heads: Iterable[str] = (),
              joint_words: Iterable[str] = ()) -> NamedRules:
        kind_of = ({h.lower(): EntityType.EVENT for h in event_heads}
                   | {h.lower(): EntityType.AGREEMENT for h in agreement_heads})
        alternatives = sorted((r"\s+".join(map(re.escape, h.split())) for h in kind_of), key=len, reverse=True)
        heads = re.compile(r"(?<![\w-])(?:" + "|".join(alternatives) + r")(?![\w-])", re.IGNORECASE)
        words = {w.lower() for w in stop_words}
        joint = sorted((r"\s+".join(map(re.escape, w.split())) for w in joint_words), key=len, reverse=True)
        return cls(heads, kind_of, frozenset(w for w in words if " " not in w),
                   frozenset(w for w in words if " " in w), frozenset(p.lower() for p in plural_markers),
                   frozenset(canonical_tones(h).lower() for h in plan_heads),
                   re.compile(rf"(?<!\w)(?:{'|'.join(joint)})(?!\w)|{_PAIR}", re.IGNORECASE) if joint else None)


@dataclass(frozen=True)
class Named:
    start: int
    end: int
    type: EntityType  # event or agreement
    text: str

    @property
    def id(self) -> str:
        return f"provisional-{self.type}-{slugify(self.text, 60)}"


def _words_after(text: str, pos: int, n: int = 2) -> list[str]:
    """The next ``n`` words after ``pos``, lower case, without punctuation."""
    return [w.lower() for w in _WORDS_RE.findall(text[pos:pos + 40])[:n]]


def _place_then_mark(text: str, pos: int) -> bool:
    """One to three capitalised words, then a year or an ordinal: "tại Việt Nam năm 2024"."""
    words = 0
    for match in _TOKEN_RE.finditer(text, pos):
        tok = match["tok"]
        if words and (_YEAR_RE.match(tok) or _ORDINAL_RE.match(tok)):
            return True
        if not tok[0].isupper() or words == 3 or match.start() != pos:
            return False
        words, pos = words + 1, match.end()
    return False


def _ordinal_ahead(text: str, pos: int, rules: NamedRules, limit: int = 10) -> bool:
    """After a comma: does the name go on to an ordinal before any word that ends a name?

    "Hội nghị Hợp tác, phát triển các tỉnh biên giới … lần thứ ba", "Kỳ họp thứ 6, Quốc hội khóa XV".
    """
    end = pos
    for _ in range(limit):
        match = _TOKEN_RE.match(text, end)
        if not match:
            return False
        tok = match["tok"]
        if _ORDINAL_RE.match(tok) and not re.fullmatch(r"[IVXLC]+", tok):
            return True
        nxt = _words_after(text, match.end(), 1)
        if tok.lower() in rules.stops or (nxt and f"{tok.lower()} {nxt[0]}" in rules.stop_pairs) or tok in "-–":
            return False
        end = match.end()
    return False


def _name_end(text: str, pos: int, rules: NamedRules, limit: int, strong_only: bool = False,
              places: frozenset[int] = frozenset(), event: bool = False) -> tuple[int, int, bool]:
    """Where a name starting at ``pos`` ends: (end of all its words, end of its last mark, saw a mark).

    A mark is an ordinal, a year or period, a quoted name, a pair of the two countries, or a capitalised
    word; with ``strong_only`` (a head in lower case) a capitalised word counts only when it is a known
    place right after the head ("chiến tranh Đông Dương") or comes after an ordinal ("kỳ họp lần thứ 39
    Ủy ban liên Chính phủ"), and a capitalised head further on is the real name ("thỏa thuận hai Chính
    phủ về Chiến lược …"): no name here. A name never runs across "và" into another ("Chiến lược … và
    Hiệp định …"); an event's name ends at its year ("Diễn đàn Doanh nghiệp 2023 thu hút …") unless
    "giữa" or an ordinal follows.
    """
    end = last_anchor = pos
    anchored = pending = ordinal_seen = False
    count = 0
    while count < limit:
        match = _TOKEN_RE.match(text, end)
        if not match:
            break
        tok = match["tok"]
        low = tok.lower()
        nxt = _words_after(text, match.end())
        if low == "tại" and event and _place_then_mark(text, match.end()):
            pass  # "Tuần Văn hóa Lào tại Việt Nam năm 2024" goes on; "… tại Hà Nội" ends
        elif low in rules.stops or (nxt and f"{low} {nxt[0]}" in rules.stop_pairs):
            break
        after = text[match.end():].lstrip()[:1]
        if tok in "-–" and not (after.isupper() or after.isdigit() or nxt[:2] == ["xã", "hội"]):
            break  # "Đông-Tây" goes on; "kinh tế - xã hội" too; a dash before a clause does not
        if low == "trong" and not nxt[:1] == ["lĩnh"]:  # "trong lĩnh vực" belongs to a plan's name
            break
        if low == "và" and nxt and (nxt[0] in rules.plural or nxt[0][0].isdigit()
                                    or rules.heads.match(text, match.end() + 1)):
            break  # "… lần thứ 49 và các Hội nghị liên quan", "50 năm … và 35 năm …", "… và Hiệp định …"
        if strong_only and not ordinal_seen and tok[0].isupper() and rules.heads.match(text, match.start("tok")):
            return end, last_anchor, False
        end = match.end()
        count += 1
        capital = tok[0].isupper()
        strong = bool(_ANCHOR_RE.match(tok))
        ordinal_seen = ordinal_seen or bool(_ORDINAL_RE.match(tok))
        if strong or (capital and (not strong_only or ordinal_seen
                                   or (count == 1 and match.start("tok") in places))):
            last_anchor, anchored, pending = end, True, capital and not strong and " " not in tok
        elif pending:  # "Quốc hội", "Chính phủ": a capitalised word's second syllable
            last_anchor, pending = end, False
        if event and _YEAR_RE.match(tok) and not (nxt[:1] == ["giữa"] or _ORDINAL_NEXT_RE.match(text, end)):
            break
        # ", Lào - Việt Nam 2022" and ", tầm nhìn 2030" continue a name after a comma; so does a
        # clause that goes on to the name's ordinal.
        tail = re.match(rf",\s*(?={_PAIR}|tầm\s+nhìn)", text[end:])
        if not tail and event and text[end:end + 1] == ",":
            tail = re.match(r",\s*", text[end:]) if _ordinal_ahead(text, end + 1, rules) else None
        if tail:
            end += tail.end()
    return end, last_anchor, anchored


def find_named(text: str, rules: NamedRules, places: frozenset[int] = frozenset()) -> list[Named]:
    """Event and agreement names in one paragraph, longest first where they overlap.

    ``places`` are where known place names start in the text. Matching reads old and new tone
    placement alike ("Toạ đàm", "Văn hoá"); the names keep the text as printed.
    """
    shown, canon = text, canonical_tones(text)
    text = canon if len(canon) == len(text) else text
    found: list[Named] = []
    for match in rules.heads.finditer(text):
        kind = rules.kind_of[re.sub(r"\s+", " ", match.group().lower())]
        before = text[max(0, match.start() - 12):match.start()].lower().split()
        if before and before[-1] in rules.plural:  # "các hiệp định", "hai hội nghị": no single one
            continue
        capital = match.group()[0].isupper()
        if re.search(r"(?:\bBộ|trưởng)\s+$", text[max(0, match.start() - 10):match.start()]):
            continue  # "Bộ Kế hoạch và Đầu tư", "Bộ trưởng Kế hoạch": a ministry, not a plan
        end, anchor_end, anchored = _name_end(text, match.end(), rules, 28 if kind == EntityType.AGREEMENT else 18,
                                              strong_only=not capital, places=places,
                                              event=kind == EntityType.EVENT)
        if re.match(r"\s+(?:của\s|hằng\s+năm|hàng\s+năm|các\s+năm)", text[match.end():]) or \
                re.match(r"\s+(?:hằng|hàng)\s+năm", text[end:]):
            continue  # "Thỏa thuận của Lãnh đạo …", "Kế hoạch hợp tác hằng năm": a kind of document, not one
        if kind == EntityType.AGREEMENT and capital:
            stop = end if end > match.end() else None
        else:  # an event, or a lower-case head, is named only by a mark of a particular one
            stop = anchor_end if anchored else None
        if stop is None:
            continue
        if kind == EntityType.AGREEMENT and rules.joint and canonical_tones(match.group()).lower() in rules.plan_heads \
                and not rules.joint.search(text, match.end(), stop) \
                and not (capital and _PARTICULAR_RE.search(text, match.end(), stop)):
            continue  # "chiến lược phát triển của Lào đến năm 2025": one country's own plan, not by name an agreement
        if kind == EntityType.EVENT and _RECURRING_RE.search(text, match.end(), stop) and not _PARTICULAR_RE.search(
                text, match.end(), stop):
            continue  # "Cuộc gặp thường niên giữa 2 Bộ Chính trị": a kind of meeting, not one of them
        found.append(Named(match.start(), stop, kind, shown[match.start():stop].rstrip(" -–,")))
    for match in _ANNIVERSARY_RE.finditer(text):
        end, _, _ = _name_end(text, match.end(), rules, 14)
        if end > match.end():
            found.append(Named(match.start(), end, EntityType.EVENT, shown[match.start():end].rstrip(" -–,")))
    for match in _NAMED_YEAR_RE.finditer(text):
        if not (text[match.end()].isupper() or re.match(r"(?:đoàn kết|hữu nghị)", text[match.end():], re.I)):
            continue
        if re.search(r"\d\s+$", text[max(0, match.start() - 5):match.start()]):
            continue  # "trong 5 năm Việt Nam …": a duration
        end, anchor_end, anchored = _name_end(text, match.end(), rules, 12)
        if anchored:
            found.append(Named(match.start(), anchor_end, EntityType.EVENT, shown[match.start():anchor_end].rstrip(" -–,")))
    found = [Named(n.start, n.start + len(n.text), n.type, n.text) for n in found]
    out: list[Named] = []
    for named in sorted(found, key=lambda n: (-(n.end - n.start), n.start)):
        if all(named.end <= o.start or named.start >= o.end for o in out):
            out.append(named)
    return sorted(out, key=lambda n: n.start)
