"""Ingest: every file in seeds/ read, decoded strictly and normalised.

Decoding never guesses. UTF-8 (with or without BOM) and UTF-16 with a BOM are
read; anything else is refused with the byte offset, because a wrong guess
would silently corrupt an archive that claims to quote its sources.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

from build_archive.common.errors import InputError
from build_archive.common.textnorm import nfc
from build_archive.ingest.sidecar import load_sidecar

ARTICLE_SUFFIXES = (".txt", ".html", ".htm")
SIDECAR_SUFFIXES = (".yml", ".yaml")
IGNORED_SUFFIXES = (".md",)  # notes for editors may live beside the seeds

_BLOCKS = {
    "address", "article", "aside", "blockquote", "caption", "dd", "div", "dl", "dt", "figcaption", "figure",
    "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "li", "main", "nav", "ol", "p", "pre", "section",
    "table", "td", "th", "tr", "ul", "body", "html",
}
_SKIPPED = {"script", "style", "noscript", "template", "svg", "iframe", "head", "button", "form", "select"}
_BAD_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class RawDoc:
    """One seed as read: its exact bytes, and the text the cleaner works on."""

    name: str
    path: Path
    raw: bytes
    text: str  # NFC, "\n" line ends; for HTML, the page's text one block a line
    kind: str  # "txt" or "html"
    html_meta: dict = field(default_factory=dict)
    sidecar: dict = field(default_factory=dict)


def decode(path: Path, raw: bytes) -> str:
    """Bytes to text, or an InputError naming the file and the byte offset."""
    if not raw.strip():
        raise InputError(path, "empty file: an article needs at least a title or a paragraph")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = raw.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(path, "not valid UTF-16 despite its byte-order mark", offset=exc.start) from None
    else:
        nul = raw.find(b"\x00")
        if nul >= 0:
            raise InputError(path, "binary file (NUL byte), not an article text", offset=nul)
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = raw.count(b"\n", 0, exc.start) + 1
            raise InputError(path, "not valid UTF-8; save the file as UTF-8 (legacy code pages are not guessed)",
                             line=line, offset=exc.start) from None
    bad = _BAD_CONTROL.search(text)
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        raise InputError(path, f"control character U+{ord(bad.group()):04X}: binary data, not an article text",
                         line=line)
    return nfc(text.replace("\r\n", "\n").replace("\r", "\n"))


def _meta(soup: BeautifulSoup, *names: str) -> str | None:
    for name in names:
        tag = soup.find("meta", attrs={"property": name}) or soup.find("meta", attrs={"name": name}) \
            or soup.find("meta", attrs={"itemprop": name})
        if tag and tag.get("content", "").strip():
            return nfc(tag["content"].strip())
    return None


def html_to_text(html: str) -> tuple[str, dict]:
    """A saved web page as lines of text, one block element a line, plus its metadata."""
    soup = BeautifulSoup(html, "html.parser")
    canonical = soup.find("link", rel="canonical")
    meta = {
        "title": _meta(soup, "og:title"),
        "outlet": _meta(soup, "og:site_name"),
        "source_url": (canonical.get("href") if canonical else None) or _meta(soup, "og:url"),
        "published": _meta(soup, "article:published_time", "datePublished", "pubdate"),
        "author": _meta(soup, "author", "article:author"),
    }
    lines: list[str] = []
    buffer: list[str] = []

    def flush() -> None:
        line = re.sub(r"\s+", " ", "".join(buffer)).strip()
        buffer.clear()
        if line:
            lines.append(line)

    def walk(node: Tag) -> None:
        for child in node.children:
            if isinstance(child, Comment):
                continue
            if isinstance(child, NavigableString):
                buffer.append(str(child))
            elif isinstance(child, Tag):
                if child.name in _SKIPPED:
                    continue
                if child.name == "br":
                    flush()
                elif child.name in _BLOCKS:
                    flush()
                    walk(child)
                    flush()
                else:
                    walk(child)

    walk(soup.body or soup)
    flush()
    return nfc("\n".join(lines)), {k: v for k, v in meta.items() if v}


def read_seed(path: Path, sidecar_path: Path | None) -> RawDoc:
    raw = path.read_bytes()
    text = decode(path, raw)
    kind, html_meta = "txt", {}
    if path.suffix.lower() in (".html", ".htm"):
        kind = "html"
        text, html_meta = html_to_text(text)
        if not text.strip():
            raise InputError(path, "the page has no text outside scripts and markup")
    sidecar = load_sidecar(sidecar_path) if sidecar_path else {}
    return RawDoc(name=path.name, path=path, raw=raw, text=text, kind=kind, html_meta=html_meta, sidecar=sidecar)


def list_seeds(seeds_dir: Path) -> list[tuple[Path, Path | None]]:
    """Article files with their optional sidecars, sorted by name; strays are errors."""
    if not seeds_dir.is_dir():
        raise InputError(seeds_dir, "the seeds folder does not exist")
    articles: dict[str, Path] = {}
    sidecars: dict[str, Path] = {}
    for path in sorted(seeds_dir.iterdir()):
        if path.name.startswith(".") or path.is_dir():
            continue
        suffix = path.suffix.lower()
        if suffix in ARTICLE_SUFFIXES:
            if path.stem in articles:
                raise InputError(path, f"two articles share the name '{path.stem}' (also {articles[path.stem].name})")
            articles[path.stem] = path
        elif suffix in SIDECAR_SUFFIXES:
            sidecars[path.stem] = path
        elif suffix not in IGNORED_SUFFIXES:
            raise InputError(path, f"unknown kind of file '{suffix}': seeds are .txt or .html, with .yml sidecars")
    for stem, path in sidecars.items():
        if stem not in articles:
            raise InputError(path, f"sidecar for an article that does not exist (no {stem}.txt or {stem}.html)")
    return [(path, sidecars.get(stem)) for stem, path in sorted(articles.items())]
