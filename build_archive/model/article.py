"""The plain data the stages pass along. Frozen: the cleaned text never changes."""

from __future__ import annotations

from dataclasses import dataclass

from .enums import DateBasis, EntityType, FigureKind, LineRole, Precision, Qualifier, SourceBasis

GUESSED = SourceBasis.GUESSED

# A figure's value: a number or (low, high) of numbers; for a date, an ISO date or (first, last).
FigureValue = float | str | tuple[float, float] | tuple[str, str]

# The roles whose text stays in the article; the source view shows every role.
KEPT_ROLES = {LineRole.TITLE, LineRole.BODY, LineRole.CAPTION, LineRole.META}


@dataclass(frozen=True)
class Segment:
    """A stretch of one raw line and the role the cleaner gave it."""

    text: str
    role: LineRole

    @property
    def removed(self) -> bool:
        return self.role not in KEPT_ROLES


@dataclass(frozen=True)
class SourceLine:
    number: int  # 1-based line in the text the cleaner read
    segments: tuple[Segment, ...]


@dataclass(frozen=True)
class EntitySpan:
    """A mention: characters start..end of the paragraph, linked to one entity."""

    start: int
    end: int
    type: EntityType
    id: str
    text: str
    role: str | None = None
    provisional: bool = False  # found by rule, not yet in the knowledge base


@dataclass(frozen=True)
class FigureSpan:
    """A number with its meaning (annotation guide §4)."""

    start: int
    end: int
    kind: FigureKind
    value: FigureValue  # a number, an ISO date, or (low, high)
    unit: str | None
    qualifier: Qualifier
    metric: str | None
    period: str | None  # "2019", "2023-01/2023-06"
    text: str
    compared_to: str | None = None  # "tăng 24% so với năm 2021" → "2021"


@dataclass(frozen=True)
class Paragraph:
    anchor: str
    text: str
    line: int
    entities: tuple[EntitySpan, ...] = ()
    figures: tuple[FigureSpan, ...] = ()


@dataclass(frozen=True)
class Caption:
    text: str
    credit: str | None
    after: int  # how many body paragraphs come before it
    line: int


@dataclass(frozen=True)
class PubDate:
    date: str | None  # YYYY, YYYY-MM or YYYY-MM-DD
    precision: Precision
    basis: DateBasis
    evidence: str | None = None  # the words the date or its year was read from
    against: str | None = None  # a reading that lost to this one, with its words (listed for review)


@dataclass(frozen=True)
class Sourced:
    """A metadata value with where it came from (dateline, url, chrome, byline, page, text, curated;
    or guessed: not printed as such, made from the evidence given; a guessed title is stored in brackets
    so that every place showing it shows it as a guess)."""

    value: str | None
    basis: SourceBasis | None = None
    evidence: str | None = None  # why a guessed or doubtful value was chosen, and what spoke against it

    @property
    def guessed(self) -> bool:
        return self.basis == GUESSED


@dataclass(frozen=True)
class Article:
    id: str
    source_file: str  # path relative to the project, e.g. seeds/000_x.txt
    raw_name: str  # file name of the verbatim copy on the site
    title: Sourced
    outlet: Sourced
    author: Sourced
    original_outlet: Sourced
    source_url: Sourced
    published: PubDate
    paragraphs: tuple[Paragraph, ...]
    captions: tuple[Caption, ...]
    source_lines: tuple[SourceLine, ...]
    redirect_from: tuple[str, ...] = ()
    note: str | None = None
    clean_notes: tuple[str, ...] = ()  # the cleaner's doubts: lines kept in the body that may not belong
    cache_key: str = ""  # hash of everything this article was built from (see cache.py)

    @property
    def removed(self) -> tuple[str, ...]:
        return tuple(seg.text for line in self.source_lines for seg in line.segments if seg.removed)

    @property
    def review_reasons(self) -> tuple[str, ...]:
        """Why an editor should look at this article, if at all."""
        reasons = []
        if self.title.guessed:
            reasons.append("không có tiêu đề in trên trang; tiêu đề tạm " + (self.title.evidence or ""))
        elif self.title.evidence:
            reasons.append("tiêu đề cần xem lại: " + self.title.evidence)
        published = self.published
        if published.precision in (Precision.YEAR, Precision.UNKNOWN):
            reasons.append("chưa xác định được ngày đăng" if published.precision == Precision.UNKNOWN
                           else "chỉ biết năm đăng")
        elif published.basis == DateBasis.INFERRED:
            reasons.append(f"năm đăng suy ra từ ngữ cảnh: {published.evidence}")
        if published.against:
            reasons.append(f"bằng chứng ngày khác bị bác: {published.against}")
        if self.outlet.value is None:
            reasons.append("chưa rõ cơ quan báo chí")
        reasons.extend(self.clean_notes)
        return tuple(reasons)
