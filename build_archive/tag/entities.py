"""Entity tagging: standoff spans over the cleaned, never-changed paragraph text.

Known entities are found by one multi-pattern expression over a matching form
of the text (tone placement and case folded, same length, so offsets carry
over); the longest name wins. Names the knowledge base lacks are found by rules
(after role words and honorifics, Vietnamese family names, Lao romanised
names, organisation and place heads) and get a provisional id for review.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from build_archive.common.textnorm import canonical_tones, fold, slugify
from build_archive.model.article import EntitySpan
from build_archive.model.entity import Entity
from build_archive.model.enums import EntityType
from build_archive.tag.knowledge import TaggingRules
from build_archive.tag.named import NamedRules, find_named

FAMILY_NAMES = frozenset(
    "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đào Đoàn Vương Trịnh Trương Lâm "
    "Phùng Mai Tô Hà Lương Đinh Chu Cao Thái Quách Tạ Lưu Kiều Triệu Văn Tống Khổng Mạc Nông Lại Giang Từ "
    "Thân Châu Doãn Hầu Tăng Ninh Kim Âu Lò Lục Quan Quang Tòng Thào Giàng Sùng Hứa Diệp Mã Bế".split())  # not "Ông": the honorific
STOP_WORDS = frozenset(
    "của và đã sẽ tại với là có trong về để cho được các những đến từ theo năm hai cùng nhằm vào ra khi này đó "
    "đang cũng như thì mà nhưng hoặc nên do bởi trên dưới giữa sau trước".split())
# Words of English organisation names, so "World Vision" is not read as a Lao name.
NOT_LAO_NAMES = frozenset(
    "International Vision World Bank Group Company Foundation Children Save The Of And Corporation Limited Energy "
    "Power Airlines University Institute Program Project Fund Asia Pacific Development Mekong News Agency "
    "Covid Coronavirus".split())
# The same names as printed without diacritics ("Nguyen Van Hung"): read only in a run of ASCII words.
def unmarked(text: str) -> str:
    """``text`` without diacritics, its capitals kept: "Nghệ An" → "Nghe An"."""
    return "".join(fold(ch).upper() if ch.isupper() else fold(ch) for ch in text)


ASCII_FAMILY_NAMES = frozenset(unmarked(name) for name in FAMILY_NAMES) - FAMILY_NAMES
# Family names that are no common word, and middle names: a place's name right after one is a person's
# given names ("Nguyễn Thái Bình"). Not "Đoàn", "Hà", "Mai" …: "Đoàn Nghệ An" is Nghệ An's delegation.
_NAME_STARTS = frozenset("Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đào Vương Trịnh "
                         "Trương Phùng Đinh Lương Quách Tạ Lưu Kiều Khổng Nông Doãn Thị".split())
_SEP_RE = re.compile(r"\s*[-–—]\s*|\s+")
_WORD_RE = re.compile(r"\w+")
# "(TTXVN) -", "VIÊNG CHĂN (Pathet Lao) -": the outlet in parentheses is metadata, not a mention.
_DATELINE_RE = re.compile(r"^(?P<place>[^\W\d_][^()\n]{0,30}?\s*)?(?P<outlet>\([^()]{2,24}\))\s*[-–—]\s*")
_SYLLABLE = r"[^\W\d_]+"
_LOWER = "a-zàáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ"
_LINK = rf"(?:-{_SYLLABLE}| - (?=[{_LOWER}]){_SYLLABLE})"  # "Xi-xu-lít", "Căn - nhạ": spaced only before lower case
_SPACED_LINKS_RE = re.compile(rf"(?: - (?=[{_LOWER}]){_SYLLABLE})+(?![\w-])")
_HYPHEN_LINKS_RE = re.compile(rf"(?:-(?=[{_LOWER}]){_SYLLABLE})+(?![\w-])")  # "Pạc-xăn", not "Bình-Khăm"
_HYPHENATED_RE = re.compile(rf"(?<![\w-]){_SYLLABLE}{_LINK}+(?:\s{_SYLLABLE}{_LINK}+)*(?![\w-])")
_CREDIT_RE = re.compile(r"(?:ảnh|nguồn|theo|video|clip|đồ họa|bài|thực hiện|tác giả)\s*[:/-]?\s*$", re.IGNORECASE)
_PLACE_WORDS = frozenset({"tỉnh", "thủ", "đô", "phố", "huyện", "nước", "quốc", "tại", "và", "ở"})
_ROAD_RE = re.compile(r"(?<![\w-])(?:Quốc lộ|Tỉnh lộ|Đường)\s+(?:số\s+)?\d{1,3}[A-Z]?(?![\w/.,-]\d)(?![\w-])")
_JOINED_RE = re.compile(r"(?:-[a-z]+)+(?![\w-])")
_LANGUAGE_RE = re.compile(r"(?<!\w)tiếng $")  # the language named for a country, not the country
_SHORT_NAME_RE = re.compile(r" ([^\W\d_]+)(?![\w-])(?! [^\W\d_]*[A-ZĐ])")  # one word, not a longer name's first
# A paragraph that is only a byline or credit: who wrote or photographed, never a mention of a person.
_NAME = r"[^\W\d_]+(?: [^\W\d_]+){1,3}"
_BYLINE_RE = re.compile(
    rf"^\s*(?:(?:(?:tin|bài)(?:,| và)? ảnh|tin|bài|ảnh|phóng viên|pv|nhóm pv|nhóm phóng viên|ghi chép của|bút ký của|"
    rf"thực hiện|đồ họa|đồ hoạ|theo|video|clip|nguồn|tác giả)\s*:?\s+[^.!?]{{2,80}}|"
    rf"{_NAME}(?:\s*[-–,]\s*{_NAME})*\s*(?:\([^()]{{2,30}}\)|/\s*[^\s/][^/]{{0,30}})?)\s*$", re.IGNORECASE)
_CUT_OFF_RE = re.compile(r"^.{80,}\w\s*$", re.DOTALL)
_SENTENCE_END = re.compile(r"[.;:!?…“”\"()]")


@functools.lru_cache(maxsize=1 << 16)  # paragraphs, names and sentences are matched many times
def matching_form(text: str) -> str:
    """Tone placement and case folded, one character for one: offsets stay valid."""
    canon = canonical_tones(text)
    if len(canon) != len(text):
        canon = text
    lowered = canon.lower()
    if len(lowered) == len(canon):  # the common case: no character lowers to two
        return lowered
    return "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in canon)


def _key(text: str) -> str:
    return _SEP_RE.sub(lambda m: "-" if "-" in m.group() or "–" in m.group() or "—" in m.group() else " ",
                       matching_form(text).strip())


def _pattern(alias: str) -> str:
    parts = _SEP_RE.split(matching_form(alias).strip())
    seps = _SEP_RE.findall(matching_form(alias).strip())
    out = re.escape(parts[0])
    for sep, part in zip(seps, parts[1:], strict=False):
        out += (r"\s*[-–—]\s*" if sep.strip() else r"\s+") + re.escape(part)
    return out


def _words_pattern(words: Sequence[str]) -> re.Pattern[str] | None:
    if not words:
        return None
    alternatives = sorted({_pattern(w) for w in words}, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)")


def _match_names(entity: Entity) -> list[str]:
    """An entity's names, and the forms papers print without being told: a place's syllables spaced or
    hyphenated, a person's name without diacritics ("Bui Thanh Son"), a Lao person's given name alone
    ("Thongloun")."""
    names = list(entity.names)
    if entity.type == EntityType.PLACE and entity.gazetteer:  # "Nghe An", "Ha Tinh": printed without diacritics
        names += [unmarked(n) for n in entity.names if unmarked(n) != n and " " in n]
    if entity.type == EntityType.PLACE:  # "Chăm Pa Sắc", "Chăm-pa-sắc": syllables spaced or hyphenated alike
        names += [n.replace(" ", "-") for n in entity.names if " " in n and "-" not in n and n.split()[0][:1].isupper()]
        names += [n.replace("-", " ") for n in entity.names if "-" in n and " " not in n]
    if entity.type == EntityType.PERSON:
        names += [fold(n) for n in entity.names if fold(n) != n and " " in n]
        if entity.country == "LA":
            first = entity.name.split()[0]
            if first.isascii() and len(first) >= 6 and " " in entity.name:
                names.append(first)
    return list(dict.fromkeys(names))


@dataclass(frozen=True)
class EntityMatcher:
    """Compiled once per build from the knowledge base and the tagging rules."""

    entities: dict[str, Entity]
    by_key: dict[str, tuple[Entity, ...]]
    names: re.Pattern[str] | None
    roles: re.Pattern[str] | None
    honorifics: re.Pattern[str] | None
    org_heads: re.Pattern[str] | None
    place_heads: re.Pattern[str] | None
    rules: TaggingRules
    named: NamedRules
    countries: frozenset[str] = frozenset({"viet-nam", "lao"})  # place ids that are countries

    @classmethod
    def build(cls, entities: tuple[Entity, ...], rules: TaggingRules,
              countries: frozenset[str] = frozenset({"viet-nam", "lao"})) -> EntityMatcher:
        by_key: dict[str, list[Entity]] = {}
        all_names = []
        for entity in entities:
            for name in _match_names(entity):
                bucket = by_key.setdefault(_key(name), [])
                if entity not in bucket:
                    bucket.append(entity)
                all_names.append(name)
        return cls(
            entities={e.id: e for e in entities}, by_key={k: tuple(v) for k, v in by_key.items()},
            names=_words_pattern(all_names), roles=_words_pattern(rules.role_words),
            honorifics=_words_pattern(rules.honorifics), org_heads=_words_pattern(rules.organization_heads),
            place_heads=_words_pattern(rules.place_heads), rules=rules,
            named=NamedRules.build(rules.event_heads, rules.agreement_heads, rules.name_stops,
                                   (*rules.plural_markers, "nhiều", "mọi", "mỗi", "những", "các"),
                                   rules.plan_heads, rules.joint_words),
            countries=countries,
        )


def _clause_before(text: str, start: int) -> tuple[int, str]:
    """The stretch of the sentence before ``start``."""
    begin = start
    while begin > 0 and not _SENTENCE_END.match(text[begin - 1]) and start - begin < 120:
        begin -= 1
    return begin, text[begin:start]


def role_before(text: str, start: int, matcher: EntityMatcher, floor: int = 0) -> str | None:
    """"Thứ trưởng Bộ Ngoại giao" in "Thứ trưởng Bộ Ngoại giao Nguyễn Quốc Dũng".

    ``floor`` is where the previous person's name ends: a role never reaches back past it.
    """
    if matcher.roles is None:
        return None
    begin, before = _clause_before(text, start)
    if floor > begin:
        before = text[floor:start]
    found = list(matcher.roles.finditer(matching_form(before)))
    if not found:
        return None
    first = found[-1]
    tail = before[first.start():]
    if len(tail) > 70:
        return None
    for earlier in reversed(found[:-1]):  # "Tổng Bí thư, Chủ tịch nước Lào"
        between = before[earlier.end():first.start()]
        if re.fullmatch(r"[^,.;]{0,40},\s*", between):
            first = earlier
        else:
            break
    return before[first.start():].strip(" ,-–") or None


def role_after(text: str, end: int, matcher: EntityMatcher) -> str | None:
    """"Bộ trưởng Bộ Kế hoạch và Đầu tư" in "ông Nguyễn Chí Dũng, Bộ trưởng Bộ Kế hoạch và Đầu tư, …"."""
    match = re.match(r",\s*([^,.;:()]{3,90})", text[end:])
    if not match or matcher.roles is None:
        return None
    candidate = match.group(1).strip()
    role = matcher.roles.match(matching_form(candidate))
    return candidate if role else None


def _resolve(text: str, norm: str, start: int, end: int, candidates: tuple[Entity, ...],
             persons: list[tuple[int, Entity]], matcher: EntityMatcher) -> Entity | None:
    """Pick one entity for a name several share (the two "Bộ Ngoại giao"), or none for a plural."""
    if len(candidates) == 1:
        return candidates[0]
    words_before = norm[max(0, start - 12):start].split()
    after = norm[end:end + 20].strip()
    if (words_before and words_before[-1] in matcher.rules.plural_markers) or any(
            after.startswith(p) for p in matcher.rules.plural_after):
        return None
    for person_start, person in persons:  # "Thứ trưởng Bộ Ngoại giao Nguyễn Quốc Dũng"
        if 0 <= person_start - end <= 2:
            for candidate in candidates:
                if candidate.country and candidate.country == person.country:
                    return candidate
    for person_start, person in reversed(persons):  # "Thứ trưởng Ngoại giao Lào …, Bộ Ngoại giao"
        if person_start < start and person.country:
            nearby = [c for c in candidates if c.country == person.country]
            if nearby and start - person_start < 60:
                return nearby[0]
    return next((c for c in candidates if c.default), candidates[0])


def _capitalised_run(text: str, pos: int, limit: int = 4, ascii_only: bool = False) -> tuple[int, int] | None:
    """The run of capitalised words starting at ``pos`` (after spaces)."""
    words: list[re.Match[str]] = []
    for match in _WORD_RE.finditer(text, pos):
        gap = text[(words[-1].end() if words else pos):match.start()]
        if (words and gap != " ") or (not words and gap.strip()):
            break
        word = match.group()
        if not word[0].isupper() or (ascii_only and not word.isascii()) or word.isupper() and len(word) > 1:
            break
        words.append(match)
        if len(words) == limit:
            break
    return (words[0].start(), words[-1].end()) if words else None


def _person_name(text: str, pos: int, lao: bool = False) -> tuple[int, int] | None:
    """A Vietnamese name (family name + given names) or a Lao romanised name at ``pos``; in a paragraph
    about Laos, also a Lao name printed as Vietnamese syllables ("Xay Nha Hát Phôm Vi Hản")."""
    run = _capitalised_run(text, pos)
    if not run:
        return None
    words = text[run[0]:run[1]].split()
    if (words[0] in FAMILY_NAMES or words[0] in ASCII_FAMILY_NAMES and all(w.isascii() for w in words)) \
            and 2 <= len(words) <= 4:
        return run
    linked = _SPACED_LINKS_RE.match(text, run[1])
    if linked and len(words) <= 3:  # "Pheng Căn - nhạ - phim": a Lao name's syllables joined on
        return run[0], linked.end()
    syllables = _capitalised_run(text, pos, limit=8) if lao else None
    if syllables and 3 <= len(text[syllables[0]:syllables[1]].split()) <= 7 and not \
            text[syllables[0]:syllables[1]].isascii():
        return syllables
    ascii_run = _capitalised_run(text, pos, limit=3, ascii_only=True)
    if ascii_run and 2 <= len(text[ascii_run[0]:ascii_run[1]].split()) <= 3 and all(
            len(w) >= 3 for w in text[ascii_run[0]:ascii_run[1]].split()):
        joined = _JOINED_RE.match(text, ascii_run[1])  # "Prayut Chan-o-cha": a Thai name's joined syllables
        return (ascii_run[0], joined.end()) if joined else ascii_run
    return None


def dateline_outlet(text: str) -> tuple[int, int] | None:
    """Where the outlet of a dateline stands: "(TTXVN)" in "(TTXVN) -" or "HÀ NỘI (TTXVN) -" (a place
    before it only in capitals)."""
    match = _DATELINE_RE.match(text)
    if not match or (match["place"] and not match["place"].strip().isupper()):
        return None
    return match.start("outlet"), match.end("outlet")


def _free(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return all(end <= s or start >= e for s, e in spans)


# Words that end in a place head's syllable: "Biên bản Cuộc gặp" holds no village "bản".
_COMPOUNDS = frozenset({"biên bản", "văn bản", "phiên bản", "cơ bản", "căn bản", "kịch bản", "xuất bản", "nguyên bản",
                        "tái bản"})
_BELONGS_RE = re.compile(r" (?:(?:tỉnh|thành phố|thủ đô|huyện|tại) )?", re.IGNORECASE)
_BELONGS_WORDS = frozenset({"tỉnh", "thành", "phố", "thủ", "đô", "huyện", "xã"})
_DASH_RE = re.compile(r"\s*[-–]\s*")


def _places_after(text: str, end: int, places: list[tuple[int, int]], absorbed: list[tuple[int, int]],
                  named: bool, mission: bool) -> int | None:
    """Where an organisation's name ends once it takes in the place it belongs to ("Sở Ngoại vụ Hà Tĩnh",
    "Ban Tuyên huấn tỉnh Salavan"), the pair of countries it is named for ("Ngân hàng Liên doanh Lào - Việt",
    when it has words of its own before them), and for an embassy or consulate the place it is in
    ("Tổng Lãnh sự quán Việt Nam tại Pakse"), and after the pair the province it is in ("Trường … Việt Nam - Lào
    tỉnh Hủa Phăn"). None when no place follows."""
    found, pair = None, False
    for _ in range(2):
        belongs = _BELONGS_RE.match(text, end)
        if belongs is None or found is not None and not (
                mission and "tại" in belongs.group().lower() or pair and belongs.group().strip().lower() not in ("", "tại")):
            break  # a second place: where a mission is, or the province of a body named for the pair
        place = next((p for p in places if p[0] in (belongs.end(), end + 1)), None)  # "… thành phố Hồ Chí Minh"
        if place is None:
            break
        last = place
        dash = _DASH_RE.match(text, place[1])
        if dash:  # "… Việt Nam - Lào": the pair is the name's only with words of its own before it
            second = next((p for p in places if p[0] == dash.end()), None)
            if not (named and second and found is None):
                break
            absorbed.append(second)
            last, pair = second, True
        absorbed.append(place)
        end = found = last[1]
    return found


def _provisional(text: str, taken: list[tuple[int, int]], matcher: EntityMatcher, person_ends: list[int],
                 places: list[tuple[int, int]], absorbed: list[tuple[int, int]],
                 bodies: dict[tuple[int, int], EntitySpan], people: Mapping[str, EntitySpan]) -> list[EntitySpan]:
    """Names the knowledge base lacks, by rule; each gets a provisional id.

    ``places`` and ``bodies`` are the known places and organisations already tagged; those an
    organisation's name takes in ("Sở Ngoại vụ Hà Tĩnh", "Văn phòng Quốc hội") are added to
    ``absorbed`` for the caller to drop.
    """
    found: list[EntitySpan] = []
    norm = matching_form(text)

    def floor_at(start: int) -> int:
        """Where the last person named before ``start`` ends: a role never reaches back past it."""
        ends = person_ends + [f.end for f in found if f.type == EntityType.PERSON]
        return max((e for e in ends if e <= start), default=0)

    def add(start: int, end: int, kind: EntityType, role: str | None = None) -> None:
        if kind == EntityType.PERSON and _CREDIT_RE.search(text[max(0, start - 16):start]):
            return  # "Ảnh: Thanh Quỳnh", "Theo Hà Văn": a credit or byline, not a mention
        if start < end and _free([t for t in taken if t not in absorbed], start, end):
            name = text[start:end]
            found.append(EntitySpan(start, end, kind, f"provisional-{kind}-{slugify(name, 50)}", name, role,
                                    provisional=True))
            taken.append((start, end))

    # Places after a head word: "tỉnh Quảng Bình", "Thủ đô Vientiane".
    for head in (matcher.place_heads.finditer(norm) if matcher.place_heads else ()):
        previous = re.search(r"(\w+) $", norm[max(0, head.start() - 12):head.start()])
        if previous and f"{previous.group(1)} {head.group()}" in _COMPOUNDS:
            continue  # "Biên bản Cuộc gặp": "bản" ends a word here, it is no village
        run = _capitalised_run(text, head.end())
        if run and head.group() == "bản" and " " not in text[run[0]:run[1]]:
            continue  # "bản Na Xượng" is a village; "bản Ghi nhớ" a copy of a document
        if text[head.start()].isupper() and head.group().startswith("cửa khẩu"):
            gate = next((p for p in places if p[0] == head.end() + 1), None)
            if gate:  # "Cửa khẩu Quốc tế La Lay": the gate's proper name, one place
                absorbed.append(gate)
                run = (head.start(), gate[1])
            elif run:
                run = (head.start(), run[1])
        if run:  # "Công ty Cổ phần Sông Đà Nguyễn Văn An": a person's name ends the place's
            run = next(((run[0], w.start() - 1) for w in _WORD_RE.finditer(text, run[0], run[1])
                        if w.start() > run[0] and w.group() in FAMILY_NAMES and _person_name(text, w.start())), run)
        linked = _HYPHEN_LINKS_RE.match(text, run[1]) if run else None
        if run and linked:  # "huyện Pạc-xăn": a Lao name's syllables joined by hyphens are one name
            run = (run[0], linked.end())
        if run:
            add(*run, EntityType.PLACE)
    # Roads: "Quốc lộ 15", "Đường 9".
    for road in _ROAD_RE.finditer(text):
        add(road.start(), road.end(), EntityType.PLACE)
    # People: Vietnamese family name + given names, anywhere; Lao names after a role or honorific.
    for word in _WORD_RE.finditer(text):
        if (word.group() in FAMILY_NAMES or word.group() in ASCII_FAMILY_NAMES) and _free(taken, word.start(), word.end()):
            previous = re.search(r"(\w+) $", text[max(0, word.start() - 30):word.start()])
            if previous and previous.group(1)[0].isupper() and not previous.group(1).isupper() and _free(taken, word.start() - 1 - len(previous.group(1)),
                                                                     word.start() - 1):
                continue  # "Nguyễn Văn Hùng": "Văn" goes on a name, it does not start one
            run = _capitalised_run(text, word.start())
            if run and word.group() in ASCII_FAMILY_NAMES and not text[run[0]:run[1]].isascii():
                continue  # "Van" before a name with diacritics is no family name
            if run and 2 <= len(text[run[0]:run[1]].split()) <= 4:
                add(*run, EntityType.PERSON, role_before(text, run[0], matcher, floor_at(run[0]))
                    or role_after(text, run[1], matcher))
    cues = [m.end() for m in matcher.roles.finditer(norm)] if matcher.roles else []
    cues += [m.end() for m in matcher.honorifics.finditer(norm)] if matcher.honorifics else []
    about_laos = bool(re.search(r"(?<!\w)lào(?!\w)", norm))
    for cue in sorted(cues):
        # Skip over a known organisation or place right after the role ("Thứ trưởng Ngoại giao Lào X").
        pos = cue
        while True:  # "Tỉnh trưởng tỉnh Savannakhet Santiphap Phomvihane": over "tỉnh" and the place too
            nxt = next((s for s in taken if s[0] >= pos and re.fullmatch(r"\s?(?:(?:tỉnh|thành phố|thủ đô|huyện) )?", text[pos:s[0]],
                                                         re.IGNORECASE)), None)
            if nxt is None:
                break
            pos = nxt[1]
        title = matcher.honorifics.match(norm, pos + 1) if matcher.honorifics and norm[pos:pos + 1] == " " else None
        if title:  # "Thủ tướng Campuchia Samdech Techo Hun Sen": the title is no part of the name
            pos = title.end()
        name = _person_name(text, pos, about_laos)
        if name:
            add(*name, EntityType.PERSON, role_before(text, name[0], matcher, floor_at(name[0])))
            continue
        short = _SHORT_NAME_RE.match(text, pos)
        earlier = people.get(short.group(1)) if short else None
        if short and earlier and _free(taken, short.start(1), short.end(1)):  # "ông Triết" after "Nguyễn Minh Triết"
            found.append(EntitySpan(short.start(1), short.end(1), EntityType.PERSON, earlier.id, short.group(1),
                                    role_before(text, short.start(1), matcher, floor_at(short.start(1))),
                                    provisional=earlier.provisional))
            taken.append(short.span(1))
    # Lao romanised names anywhere in a paragraph about Laos ("Viengthong Siphandone").
    if re.search(r"(?<!\w)lào(?!\w)", norm):
        for match in re.finditer(r"(?<![\w-])[A-Z][a-z]{2,}(?: [A-Z][a-z]{2,}){1,3}(?![\w-])", text):
            words = [w for w in _WORD_RE.finditer(match.group()) if _free(taken, match.start() + w.start(),
                                                                           match.start() + w.end())]
            if len(words) >= 2 and not NOT_LAO_NAMES.intersection(w.group() for w in words):
                start, end = match.start() + words[0].start(), match.start() + words[-1].end()
                add(start, end, EntityType.PERSON, role_before(text, start, matcher, floor_at(start)))
    # Vietnamized Lao names, syllables joined by hyphens ("Thoong-lun Xi-xu-lít", "Pheng Căn - nhạ - phim"),
    # after a role or an honorific, or anywhere in a paragraph about Laos.
    for match in _HYPHENATED_RE.finditer(text):
        start, end = match.start(), match.end()
        role_cue = matcher.roles and matcher.roles.search(matching_form(text[max(0, start - 40):start]) + "\x00")
        first = match.group().split("-")[0].split()[0]
        syllables = re.findall(_SYLLABLE, match.group())
        if first.isupper() or (len(syllables) < 3 and all(w[0].isupper() for w in syllables)):
            continue  # "QĐND - Chuyến", "Đông-Tây": not a name
        if text[start].isupper() and (role_cue or re.search(r"(?<!\w)lào(?!\w)", norm)) and _free(taken, start, end):
            add(start, end, EntityType.PERSON, role_before(text, start, matcher, floor_at(start)))
    # Organisations: a head word and its capitalised name ("Bộ Công Thương", "Ủy ban Dân tộc"),
    # with the place it belongs to ("Sở Ngoại vụ Hà Tĩnh", "Ban Tuyên huấn tỉnh Salavan", "Tỉnh ủy Hà Tĩnh").
    org_heads = matcher.org_heads
    for head in (org_heads.finditer(norm) if org_heads else ()):
        assert org_heads is not None  # a head was found by it
        start = head.start()
        inner = next((b for b in bodies if start < b[0] < head.end() <= b[1]), None)
        if inner and text[start].isupper() and _free(taken, start, inner[0]) and org_heads.fullmatch(
                norm, start, inner[0] - 1):  # "Trường Đại học Quốc gia Lào": a head before a known name
            absorbed.append(inner)
            found.append(dataclasses.replace(bodies[inner], start=start, text=text[start:inner[1]]))
            taken.append((start, inner[1]))  # the same body, its name printed in full
            continue
        if not text[start].isupper() or not _free(taken, start, head.end()):
            continue
        words_before = norm[max(0, start - 8):start].split()
        if words_before and words_before[-1] in matcher.rules.plural_markers:
            continue
        rank = re.search(r"(?:ủy\s+viên|thường\s+trực)\s+$", norm[max(0, start - 14):start])
        end, count, lower = head.end(), 0, 0
        for word in _WORD_RE.finditer(text, head.end()):
            gap = text[end:word.start()]
            w = word.group()
            if gap not in (" ", "-", " - ") or count >= 10 or not _free(taken, word.start(), word.end()):
                break
            person = _person_name(text, word.start()) if w in FAMILY_NAMES else None
            if person and _free(taken, *person):  # "Công ty Cổ phần Hoàng Anh Gia Lai": no person runs into a place
                break
            low = w.lower()
            following = _WORD_RE.search(text, word.end())
            pair = f"{low} {following.group().lower()}" if following else ""
            if w[0].islower() and (low in matcher.named.stops or pair in matcher.named.stop_pairs):
                break  # "Ban Tuyên giáo Tỉnh ủy tham dự", "Báo Pasaxon ký thỏa thuận": a verb ends the name
            if w.lower() in STOP_WORDS:
                if w.lower() == "và" and re.match(r"\s\w", text[word.end():]) and text[word.end() + 1].isupper() \
                        and not org_heads.match(norm, word.end() + 1):  # "… và Đồn Biên phòng …": two
                    end, count = word.end(), count + 1  # "Quỹ Hòa bình và Phát triển Việt Nam"
                    continue
                break
            if count == 0 and not (w[0].isupper() or w.isdigit()):
                break
            if count and w[0].islower() and any(ch.isdigit() for ch in text[start:end].split()[-1]):
                break  # "Trường Hữu nghị T78 đào tạo …": a number or code ends the name
            lower = 0 if w[0].isupper() else lower if low in _BELONGS_WORDS else lower + 1
            if lower > 4:  # "… Kinh doanh vốn nhà nước rót vốn": a name's lower-case words are few
                break
            end, count = word.end(), count + 1
        body = next((b for b in bodies if b[0] == end + 1 and text[end] == " "), None)
        if body and count == 0 and _key(head.group()) in ("báo", "đài", "tạp chí"):
            continue  # "báo Vientiane Times": the paper itself, already named
        if body and not rank:  # "Văn phòng Quốc hội", "Ban Bí thư Trung ương Đảng Cộng sản Việt Nam": a body of that body
            absorbed.append(body)
            end, count = body[1], count + 1
        place_end = _places_after(text, end, places + [(f.start, f.end) for f in found if f.type == EntityType.PLACE],
                                  absorbed, count > 0 or _key(head.group()) in matcher.rules.pair_heads,
                                  _key(head.group()) in matcher.rules.mission_heads)
        if place_end:  # "Thường trực HĐND tỉnh Hà Tĩnh": the province's body, with its place
            end, count = place_end, count + 1
        elif rank:
            continue  # "Ủy viên Bộ Chính trị", "Thường trực Ban Bí thư": a rank, recorded with the role
        elif re.search(r"(?:^| )(?:tỉnh|thành phố|thủ đô|huyện|xã)$", text[start:end], re.I) or \
                _key(text[start:head.end()]) in matcher.rules.local_heads or any(
                    _key(text[start:end]).endswith(" " + h) for h in matcher.rules.local_heads):
            continue  # "Văn phòng UBND tỉnh", "Sở Ngoại vụ", "Ban Tuyên giáo Tỉnh ủy": a province's body, unnamed
        if _key(text[start:end]) in matcher.rules.generic_organizations:
            continue  # "Ban Tổ chức": the organisers of whatever the article is about, not a name
        if count:
            add(start, end, EntityType.ORGANIZATION)
    return found


def _chained_bodies(text: str, norm: str, known: list[tuple[int, int, tuple[Entity, ...]]], matcher: EntityMatcher
                    ) -> list[tuple[int, int, tuple[Entity, ...]]]:
    """A body's name whose last word begins another body's name is one longer name: "Văn phòng Trung
    ương Đảng" + "Đảng Nhân dân Cách mạng Lào" is the Lao party's office, not Vietnam's office and a place.
    The knowledge base's entity when it has the whole name, else a provisional organisation (``()``)."""
    if matcher.names is None:
        return known
    for start, end, candidates in sorted(known):
        if (start, end, candidates) not in known or not all(c.type == EntityType.ORGANIZATION for c in candidates):
            continue  # taken into a longer name already, or no body
        last = text.rfind(" ", start, end) + 1
        chained = matcher.names.match(norm, last) if last > start else None
        following = matcher.by_key.get(_key(chained.group()), ()) if chained else ()
        if not (chained and chained.end() > end and following and following[0].type == EntityType.ORGANIZATION):
            continue
        whole = matcher.by_key.get(_key(text[start:chained.end()]), ())
        known = [k for k in known if k[1] <= start or k[0] >= chained.end()] + [(start, chained.end(), whole)]
    return sorted(known)


def _other_country_bodies(text: str, known: list[tuple[int, int, tuple[Entity, ...]]],
                          countries: frozenset[str]) -> list[tuple[int, int, tuple[Entity, ...]]]:
    """A body's name followed by its country is one name ("Bộ Giáo dục và Thể thao Lào", "Bộ Ngoại giao
    Việt Nam"), that country's body; followed by a province, its branch there; a Vietnamese body's name followed by another country is that
    country's body, which the knowledge base may lack ("Bộ Kế hoạch và Đầu tư Lào", "Quốc hội Campuchia").

    A merged span the knowledge base has no entity for gets no candidates (``()``): it is tagged as a
    provisional organisation. "Ủy ban liên Chính phủ Việt Nam - Lào": a pair after a name is left alone.
    """
    known = sorted(known)
    out: list[tuple[int, int, tuple[Entity, ...]]] = []
    skip = False
    for current, following in zip(known, known[1:] + [None], strict=False):
        if skip:
            skip = False
            continue
        start, end, candidates = current
        country = following[2][0] if following and len(following[2]) == 1 else None
        if (following and candidates and all(c.type == EntityType.ORGANIZATION for c in candidates) and len(following[2]) == 1
                and following[2][0].type == EntityType.PLACE
                and re.fullmatch(r" (?:tỉnh|thành phố|huyện) ", text[end:following[0]])):
            out.append((start, following[1], ()))  # "Hội Hữu nghị Việt - Lào tỉnh Bắc Giang": its branch there
            skip = True
            continue
        if not (following and country and country.type == EntityType.PLACE and country.id in countries
                and following[0] - end == 1 and candidates and all(c.type == EntityType.ORGANIZATION for c in candidates)
                and not re.match(r"\s*[-–]\s*\w", text[following[1]:])):
            out.append(current)
            continue
        own = [c for c in candidates if c.country == country.country]
        if own and len(candidates) > 1:
            out.append((start, following[1], tuple(own[:1])))
            skip = True
        elif all(c.country and c.country != country.country for c in candidates):
            out.append((start, following[1], ()))
            skip = True
        elif len(candidates) == 1 and candidates[0].country == country.country:
            out.append((start, following[1], candidates))  # "Bộ Tư lệnh Bộ đội Biên phòng Việt Nam": its own country
            skip = True
        else:
            out.append(current)
    return out


def _other_countrys_regions(text: str, known: list[tuple[int, int, tuple[Entity, ...]]],
                            countries: frozenset[str]) -> list[tuple[int, int, tuple[Entity, ...]]]:
    """"miền Trung Lào", "miền Nam Lào": a region word before another country's name is that country's
    region, and the country is the place (as in "Nam Lào"); not Vietnam's "miền Trung"."""
    following = {s: c for s, _, c in known}
    return [k for k in known if not (
        k[2] and k[2][0].gazetteer and _key(text[k[0]:k[1]]).startswith("miền ")
        and any(c.id in countries and c.country != k[2][0].country for c in following.get(k[1] + 1, ())))]


def _after_role(text: str, start: int, roles: re.Pattern[str] | None) -> bool:
    """Does a title end right before ``start`` ("Phó Chủ tịch Quốc hội", "Tổng thống Nga")?"""
    if roles is None:
        return False
    window = matching_form(text[max(0, start - 30):start])
    return window.endswith(" ") and any(m.end() == len(window) - 1 for m in roles.finditer(window))


def _gazetteer_fits(text: str, start: int, end: int, candidates: tuple[Entity, ...],
                    roles: re.Pattern[str] | None = None) -> bool:
    """A gazetteer place only as a name: capitalised word for word as one of its names ("Hòa Bình" the
    province, not "Quỹ Hòa bình" peace), and a short one-syllable one ("Đức", "Nga", "Mỹ") not inside a
    run of capitalised words, where it is part of a person's name ("Nông Đức Mạnh"), unless a title
    stands right before it ("Tổng thống Nga Vladimir Putin")."""
    name = text[start:end]
    words = name.split()
    if not (words[0][0].isupper() or len(words) > 1 and words[0].lower() in ("châu", "miền", "vùng", "thành")):
        return False  # "lào": not the country; "châu Á", "thành phố Hồ Chí Minh" are written so
    if not any([w[:1].isupper() for w in words[1:]] == [w[:1].isupper() for w in n.split()[1:]]
               for c in candidates for n in _match_names(c) if _key(n) == _key(name)):
        return False  # "Quỹ Hòa bình": peace, not the province
    before = re.search(r"(\w+) $", text[max(0, start - 30):start])
    if before and before.group(1) in _NAME_STARTS:
        return False  # "Nguyễn Thái Bình", "Lê Thị Hòa Bình": a person's given names, not the province
    if " " in name.strip() or "-" in name or len(name) > 5:
        return True
    after = re.match(r" (\w+)", text[end:end + 30])
    if before and before.group(1)[0].islower() and _after_role(text, start, roles):
        return True
    return not ((before and before.group(1)[0].isupper() and before.group(1).lower() not in _PLACE_WORDS)
                or (after and after.group(1)[0].isupper()))


def short_names(spans: Iterable[EntitySpan]) -> dict[str, EntitySpan]:
    """How an article calls back the people it has named: "Triết" for Nguyễn Minh Triết (a Vietnamese
    name's given name, its last word), "Sonexay" for Sonexay Siphandone (a Lao or Thai name's first).
    A short name two people share calls back neither."""
    out: dict[str, EntitySpan] = {}
    shared: set[str] = set()
    for span in spans:
        words = span.text.split()
        if span.type != EntityType.PERSON or len(words) < 2:
            continue
        short = words[-1] if words[0] in FAMILY_NAMES or words[0] in ASCII_FAMILY_NAMES else words[0].split("-")[0]
        if short in out and out[short].id != span.id:
            shared.add(short)
        out[short] = span
    return {k: v for k, v in out.items() if k not in shared and len(k) > 1}


def tag_entities(text: str, matcher: EntityMatcher, people: Mapping[str, EntitySpan] | None = None
                 ) -> tuple[EntitySpan, ...]:
    """Entity spans for one paragraph, sorted and never overlapping. ``people``: the short names of
    the people the article named before this paragraph (``short_names``)."""
    norm = matching_form(text)
    known: list[tuple[int, int, tuple[Entity, ...]]] = []
    if matcher.names is not None:
        for match in matcher.names.finditer(norm):
            candidates = matcher.by_key.get(_key(match.group()), ())
            if candidates and all(c.gazetteer for c in candidates) and not _gazetteer_fits(
                    text, match.start(), match.end(), candidates, matcher.roles):
                continue
            if candidates:
                known.append((match.start(), match.end(), candidates))
    # "Việt-Lào", "Việt - Lào": the short "Việt" is Việt Nam only in this pairing.
    vietnam = matcher.entities.get("viet-nam")
    if vietnam:
        for match in re.finditer(r"(?<!\w)việt(?=\s*[-–]\s*lào(?!\w))|(?<=lào)\s*[-–]\s*(việt)(?!\s*nam)(?!\w)", norm):
            at = match.span(1) if match.group(1) else match.span()  # "Việt - Lào", "Lào - Việt"
            if all(at[1] <= s or at[0] >= e for s, e, _ in known):
                known.append((at[0], at[1], (vietnam,)))
    # Named events and agreements: the longest name wins over what is inside it, unless the
    # knowledge base knows a name at least as long there, or the head is inside another name ("Bộ Kế hoạch …").
    named = []
    place_starts = frozenset(s for s, _, c in known if c[0].type == EntityType.PLACE)
    for name in find_named(text, matcher.named, place_starts):
        if any(s <= name.start < e and (s < name.start or c[0].type in ("event", "agreement") and name.end <= e)
               for s, e, c in known):
            continue
        known = [k for k in known if k[1] <= name.start or k[0] >= name.end]
        named.append(name)
    outlet = dateline_outlet(text)
    if outlet:  # "(TTXVN) -" names the outlet: metadata, not a mention
        known = [k for k in known if k[1] <= outlet[0] or k[0] >= outlet[1]]
    known = _chained_bodies(text, norm, known, matcher)
    known = _other_country_bodies(text, known, matcher.countries)
    known = [k for k in known if not (_key(text[k[0]:k[1]]) in matcher.rules.role_organs
                                      and _after_role(text, k[0], matcher.roles))]  # "Phó Chủ tịch Quốc hội"
    known = [k for k in known if not (k[2] and k[2][0].type == EntityType.PLACE
                                      and _LANGUAGE_RE.search(text, max(0, k[0] - 6), k[0]))]  # "tiếng Lào"
    known = _other_countrys_regions(text, sorted(known), matcher.countries)
    persons = [(s, c[0]) for s, e, c in known if len(c) == 1 and c[0].type == EntityType.PERSON]
    spans: list[EntitySpan] = []
    taken: list[tuple[int, int]] = []
    for start, end, candidates in known:
        if not candidates:
            taken.append((start, end))
            continue
        entity = _resolve(text, norm, start, end, candidates, persons, matcher)
        taken.append((start, end))  # a plural "hai Bộ Ngoại giao" is no single entity, and not a new one either
        if entity is None:
            continue
        role = None
        if entity.type == EntityType.PERSON:
            floor = max((e for s, e in taken[:-1] if e <= start and any(
                p == s for p, _ in persons)), default=0)
            role = role_before(text, start, matcher, floor) or role_after(text, end, matcher)
        spans.append(EntitySpan(start, end, entity.type, entity.id, text[start:end], role))
    for start, end, candidates in known:
        if candidates == ():  # another country's ministry: a name the knowledge base lacks
            spans.append(EntitySpan(start, end, EntityType.ORGANIZATION,
                                    f"provisional-organization-{slugify(text[start:end], 50)}", text[start:end],
                                    provisional=True))
    for name in named:
        spans.append(EntitySpan(name.start, name.end, name.type, name.id, name.text, provisional=True))
        taken.append((name.start, name.end))
    if outlet:
        taken.append(outlet)
    absorbed: list[tuple[int, int]] = []
    places = [(s.start, s.end) for s in spans if s.type == EntityType.PLACE]
    bodies = {(s.start, s.end): s for s in spans if s.type == EntityType.ORGANIZATION}
    spans.extend(_provisional(text, taken, matcher, [e for s, e in taken if any(p == s for p, _ in persons)],
                              places, absorbed, bodies, people or {}))
    spans = [s for s in spans if (s.start, s.end) not in absorbed]  # taken into a longer name
    if len(text) < 100 and _BYLINE_RE.match(text):  # "Tin, ảnh: Nguyễn Văn Hải", "Nguyễn Hoàng (TTXVN)"
        spans = [s for s in spans if s.type != EntityType.PERSON]
    if _CUT_OFF_RE.search(text):  # a long paragraph cut off mid-word: its last word is no name ("… Bộ Ngoạ")
        spans = [s for s in spans if not (s.provisional and s.end == len(text.rstrip()))]
    return tuple(sorted(spans, key=lambda s: (s.start, s.end)))
