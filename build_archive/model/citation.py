"""One citation record per article or event page: what every citation output is rendered from.

Meta tags, the cite box, the RIS / BibTeX / CSL-JSON downloads and JSON-LD all
read this record, so they cannot disagree. It keeps what a reference manager
needs and what it usually loses: Vietnamese names family name first, how sure
the date is (an inferred year is "circa"), an editor-supplied title (shown in
brackets), the original outlet and address, and the archive the item came from.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from build_archive.common.textnorm import canonical_tones, nfc
from build_archive.model.article import Article, PubDate
from build_archive.model.enums import SourceBasis
from build_archive.model.event import Event
from build_archive.model.urls import article_url, event_url

# Vietnamese family names (họ) that begin a personal name; with one-syllable words
# this is how a Vietnamese name is told apart from a Lao, Thai or Western one.
VIETNAMESE_FAMILY_NAMES = frozenset("""
nguyễn trần lê phạm hoàng huỳnh phan vũ võ đặng bùi đỗ hồ ngô dương lý lí hà đào đinh mai trịnh
lương lâm cao tạ tô triệu kiều quách thái từ trương vương văn đoàn chu châu lưu đàm đồng khúc
giang kim la lại lục mạc mạnh nghiêm ninh nông phùng quan quản tăng thân thạch tiêu tống ung
viên vi yên âu doãn diệp hứa khổng lã lò mã mẫn nhâm ông phó phí phương sầm thiều thủy tôn
trang ứng
""".split())
_VIETNAMESE_LETTERS = set("ăâđêôơư")
_SYLLABLE = re.compile(r"^[^\W\d_]{1,7}$")


@dataclass(frozen=True)
class Creator:
    """A person as cited: family and given name, or a name that has no such parts."""

    family: str
    given: str = ""
    vietnamese: bool = False  # family name first when written out ("Hà Văn")

    @property
    def written(self) -> str:
        """The name as the byline writes it."""
        if not self.given:
            return self.family
        return f"{self.family} {self.given}" if self.vietnamese else f"{self.given} {self.family}"

    @property
    def inverted(self) -> str:
        """"Family, Given": the form Zotero, Google Scholar, RIS and BibTeX split correctly."""
        return f"{self.family}, {self.given}" if self.given else self.family


def _looks_vietnamese(words: list[str]) -> bool:
    """One-syllable words, and a known family name first or a letter only Vietnamese writes."""
    if not all(_SYLLABLE.match(w) for w in words):
        return False
    marked = any(ch in _VIETNAMESE_LETTERS or len(unicodedata.normalize("NFD", ch)) > 1
                 for w in words for ch in w.lower())
    return words[0].lower() in VIETNAMESE_FAMILY_NAMES or marked


def parse_creator(name: str) -> Creator:
    """A byline name split by its shape: Vietnamese family-name first, other names as written.

    "Hà Văn" → family Hà, given Văn. "Thongloun Sisoulith", "John Smith" → the last word is
    the family name, as Western and Lao names are written. One word stays whole.
    """
    words = canonical_tones(nfc(name)).split()
    if len(words) < 2 or any("-" in w for w in words):
        return Creator(family=" ".join(words))
    if _looks_vietnamese(words):
        return Creator(family=words[0], given=" ".join(words[1:]), vietnamese=True)
    return Creator(family=words[-1], given=" ".join(words[:-1]))


@dataclass(frozen=True)
class CiteDate:
    """A publication date as precisely as it is known, and whether it was inferred."""

    parts: tuple[int, ...]  # (year,), (year, month) or (year, month, day)
    circa: bool = False
    evidence: str | None = None

    @classmethod
    def of(cls, published: PubDate) -> CiteDate | None:
        if not published.date:
            return None
        return cls(tuple(int(p) for p in published.date.split("-")), published.basis == "inferred",
                   published.evidence if published.basis == "inferred" else None)

    @property
    def iso(self) -> str:
        return "-".join(f"{p:02d}" if i else f"{p:04d}" for i, p in enumerate(self.parts))

    @property
    def slashed(self) -> str:
        """YYYY/MM/DD or YYYY: Google Scholar's citation_publication_date."""
        return self.iso.replace("-", "/")


@dataclass(frozen=True)
class Citation:
    """Everything a citation of one archive page says, from which every format is rendered."""

    id: str
    kind: str  # article | event
    title: str
    title_supplied: bool  # restored by an editor, not printed on the page: shown in brackets
    creators: tuple[Creator, ...]
    date: CiteDate | None
    outlet: str | None
    original_outlet: str | None  # where a reprint first appeared, when not the outlet itself
    original_url: str | None
    url: str  # the page in this archive
    archive_name: str
    archive_url: str
    language: str = "vi"

    @property
    def container(self) -> str | None:
        """What the item appeared in: the newspaper, or for a page of its own the archive."""
        return self.outlet if self.kind == "article" else self.archive_name

    @property
    def display_title(self) -> str:
        return f"[{self.title}]" if self.title_supplied else self.title


def split_byline(author: str) -> list[str]:
    """Several names in one byline ("Hà Văn - Minh Anh", "A, B và C")."""
    return [p.strip() for p in re.split(r"\s+[-–]\s+|\s*[,;]\s*|\s+và\s+", author) if p.strip()]


def article_citation(article: Article, site_url: str, site_name: str) -> Citation:
    original = article.original_outlet.value
    return Citation(
        id=article.id, kind="article", title=article.title.value or "",
        title_supplied=article.title.basis == SourceBasis.CURATED,
        creators=tuple(parse_creator(n) for n in split_byline(article.author.value or "")),
        date=CiteDate.of(article.published), outlet=article.outlet.value,
        original_outlet=original if original and original != article.outlet.value else None,
        original_url=article.source_url.value, url=site_url + article_url(article),
        archive_name=site_name, archive_url=site_url)


def event_citation(event: Event, site_url: str, site_name: str) -> Citation:
    """An event page cites as a page of the archive: the event's date is not the page's."""
    return Citation(
        id=event.id, kind="event", title=event.title, title_supplied=False, creators=(), date=None,
        outlet=None, original_outlet=None, original_url=None, url=site_url + event_url(event.id),
        archive_name=site_name, archive_url=site_url)
