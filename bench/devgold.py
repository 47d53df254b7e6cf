"""The development corpus's expectations (bench/gold/dev/*.yml) read against its raw texts.

The texts stay in ../shared/corpus/dev/ (or $DEV_CORPUS); this module pairs each file
with its expectations and turns line-based annotations into paragraphs and spans, for the
benchmark and the tests. Texts and expectations are compared in NFC, as the pipeline reads.
"""

from __future__ import annotations

import os
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "bench" / "gold" / "dev"
REMOVED = "chrome"


def corpus_dir() -> Path | None:
    """The raw texts, if they are beside the project (CI has ../shared/; a bare clone may not)."""
    folder = Path(os.environ.get("DEV_CORPUS", ROOT.parent / "shared" / "corpus" / "dev"))
    return folder if (folder / "INDEX.tsv").is_file() else None


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


@dataclass(frozen=True)
class GoldSpan:
    paragraph: int  # index into GoldArticle.paragraphs
    start: int
    end: int
    type: str  # entity type, or figure kind
    id: str = ""  # entity id; figure value for figures
    unit: str = ""
    text: str = ""


@dataclass
class GoldArticle:
    name: str  # "012"
    path: Path  # the raw text
    split: str  # dev | measure
    title: str | None
    date: str | None
    precision: str
    basis: str
    outlet: str | None
    author: str | None
    raw_lines: list[str]
    roles: dict[int, str]  # raw line (1-based) → title | body | caption | meta | chrome
    paragraphs: list[tuple[int, str]] = field(default_factory=list)  # (raw line, text)
    captions: list[tuple[int, str, str | None]] = field(default_factory=list)
    entities: list[GoldSpan] = field(default_factory=list)
    figures: list[GoldSpan] = field(default_factory=list)

    def removed_lines(self) -> list[tuple[int, str]]:
        """Lines that are not article text at all: none of them may reach the body."""
        return [(n, self.raw_lines[n - 1].strip()) for n, role in sorted(self.roles.items()) if role == REMOVED]


def _locate(article: GoldArticle, line: int, surface: str, cursor: dict[int, tuple[int, int]],
            what: str) -> tuple[int, int, int]:
    """(paragraph index, start, end) of the next occurrence of ``surface`` on ``line``."""
    indexes = [i for i, (n, _) in enumerate(article.paragraphs) if n == line]
    if not indexes:
        raise ValueError(f"{article.name}.yml: {what} on line {line}, which is not a body line")
    start_para, start_at = cursor.get(line, (indexes[0], 0))
    for i in indexes:
        if i < start_para:
            continue
        at = article.paragraphs[i][1].find(surface, start_at if i == start_para else 0)
        if at >= 0:
            cursor[line] = (i, at + len(surface))
            return i, at, at + len(surface)
    raise ValueError(f"{article.name}.yml: {what} {surface!r} not found (in order) on line {line}")


def load_article(gold_path: Path, corpus: Path) -> GoldArticle:
    data = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    raw_path = corpus / (gold_path.stem + ".txt")
    raw_lines = nfc(raw_path.read_bytes().decode("utf-8", errors="replace")).split("\n")
    article = GoldArticle(
        name=gold_path.stem, path=raw_path, split=data.get("split", "dev"),
        title=nfc(data["title"]) if data.get("title") else None, date=str(data["date"]) if data.get("date") else None,
        precision=data.get("precision", "unknown"), basis=data.get("basis", "unknown"),
        outlet=data.get("outlet"), author=data.get("author"), raw_lines=raw_lines,
        roles={int(k): v for k, v in (data.get("lines") or {}).items()})
    overrides = {int(k): [nfc(t) for t in v] for k, v in (data.get("body") or {}).items()}
    for line, role in sorted(article.roles.items()):
        if role == "body":
            for text in overrides.get(line, [raw_lines[line - 1].strip()]):
                article.paragraphs.append((line, text))
    article.captions = [(int(c["line"]), nfc(c["text"]), c.get("credit")) for c in data.get("captions") or []]
    cursor: dict[int, tuple[int, int]] = {}
    for item in data.get("entities") or []:
        line, kind, ident, surface = (part.strip() for part in item.split("|", 3))
        i, start, end = _locate(article, int(line), nfc(surface), cursor, "entity")
        article.entities.append(GoldSpan(i, start, end, kind, ident, text=nfc(surface)))
    cursor = {}
    for item in data.get("figures") or []:
        line, kind, value, unit, surface = (part.strip() for part in item.split("|", 4))
        i, start, end = _locate(article, int(line), nfc(surface), cursor, "figure")
        article.figures.append(GoldSpan(i, start, end, kind, value, unit, nfc(surface)))
    return article


def load(split: str | None = None) -> list[GoldArticle]:
    """Every annotated file of the corpus (or of one split); [] when the corpus is not here.

    A file whose text is absent is skipped: DEV_CORPUS may point at a copy holding only the
    dev split, so that whoever works on the code cannot see the measure split even by accident.
    """
    corpus = corpus_dir()
    if corpus is None:
        return []
    articles = [load_article(path, corpus) for path in sorted(GOLD.glob("[0-9]*.yml"))
                if (corpus / (path.stem + ".txt")).is_file()]
    return [a for a in articles if split is None or a.split == split]
