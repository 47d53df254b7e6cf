"""Ingest: every file in seeds/ read, decoded strictly and normalised.

Decoding never guesses. UTF-8 (with or without BOM) and UTF-16 with a BOM are
read; anything else is refused with the byte offset, because a wrong guess
would silently corrupt an archive that claims to quote its sources.

Only regular files inside seeds/ are read, each within a size limit; a line or
a word longer than any article has is refused here, once, so no later stage's
pattern ever meets one (their cost grows with the length of what they scan).
"""

from __future__ import annotations

import logging
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bs4 import BeautifulSoup, Tag
from bs4.element import Comment, NavigableString

from build_archive.common.errors import InputError
from build_archive.common.files import MAX_FILE_BYTES, read_bounded, regular_size
from build_archive.common.safetext import check_text
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
MAX_LINE_CHARS = 50_000  # a paragraph of ~8,000 words; real ones stay under 5,000 characters
MAX_WORD_CHARS = 2_000  # longer than any URL an article prints
_LONG_WORD_RE = re.compile(rf"(?<!\S)\S{{{MAX_WORD_CHARS + 1}}}")  # tried at word starts only: linear
# Reported on MkDocs' plugin logger, so `mkdocs build --strict` counts it; the CLI prints it.
log = logging.getLogger("mkdocs.plugins.archive")


@dataclass(frozen=True)
class RawDoc:
    """One seed as read: its exact bytes, and the text the cleaner works on."""

    name: str
    path: Path
    raw: bytes
    text: str  # NFC, "\n" line ends; for HTML, the page's text one block a line
    kind: str  # "txt" or "html"
    html_meta: dict[str, Any] = field(default_factory=dict[str, Any])
    sidecar: dict[str, Any] = field(default_factory=dict[str, Any])


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
    return nfc(check_text(path, text.replace("\r\n", "\n").replace("\r", "\n")))


def check_lengths(path: Path, text: str) -> None:
    """Refuse a line or a word longer than any article has (each naming its line)."""
    for line_no, line in enumerate(text.split("\n"), 1):
        if len(line) > MAX_LINE_CHARS:
            raise InputError(path, f"a line of {len(line):,} characters (the limit is {MAX_LINE_CHARS:,}): "
                                   "not an article's paragraph; break it into paragraphs or remove it", line=line_no)
    long_word = _LONG_WORD_RE.search(text)
    if long_word:
        raise InputError(path, f"a word of over {MAX_WORD_CHARS:,} characters without a space: not article text; "
                               "remove it", line=text.count("\n", 0, long_word.start()) + 1)


def _meta(metas: list[Tag], *names: str) -> str | None:
    """The first non-empty content of a <meta> named ``names[0]``, else ``names[1]``…; property before name."""
    for name in names:
        for attr in ("property", "name", "itemprop"):
            tag = next((m for m in metas if m.get(attr) == name), None)
            if tag is not None:
                content = tag.get("content")
                if isinstance(content, str) and content.strip():
                    return nfc(content.strip())
                break
    return None


def html_to_text(html: str) -> tuple[str, dict[str, Any]]:
    """A saved web page as lines of text, one block element a line, plus its metadata."""
    soup = BeautifulSoup(html, "html.parser")
    canonical = soup.find("link", rel="canonical")
    metas = soup.find_all("meta")  # one walk of the tree, not one per name
    meta = {
        "title": _meta(metas, "og:title"),
        "outlet": _meta(metas, "og:site_name"),
        "source_url": (canonical.get("href") if canonical else None) or _meta(metas, "og:url"),
        "published": _meta(metas, "article:published_time", "datePublished", "pubdate"),
        "author": _meta(metas, "author", "article:author"),
    }
    lines: list[str] = []
    buffer: list[str] = []

    def flush() -> None:
        line = re.sub(r"\s+", " ", "".join(buffer)).strip()
        buffer.clear()
        if line:
            lines.append(line)

    # A stack, not recursion: a page nested 100,000 deep is walked like a flat one.
    stack: list[Tag | str | None] = [soup.body or soup]
    while stack:
        item = stack.pop()
        if item is None:  # the start or end of a block element
            flush()
        elif isinstance(item, str):
            buffer.append(item)
        else:
            for child in reversed(item.contents):
                if isinstance(child, Comment):
                    continue
                if isinstance(child, NavigableString):
                    stack.append(str(child))
                elif isinstance(child, Tag) and child.name not in _SKIPPED:
                    if child.name == "br":
                        stack.append(None)
                    else:
                        stack += [None, child, None] if child.name in _BLOCKS else [child]
    flush()
    return nfc("\n".join(lines)), {k: v for k, v in meta.items() if v}


def read_seed(path: Path, sidecar_path: Path | None) -> RawDoc:
    raw = read_bounded(path, regular_size(path))  # the size limit was checked when the seeds were listed
    text = decode(path, raw)
    kind = "txt"
    html_meta: dict[str, Any] = {}
    if path.suffix.lower() in (".html", ".htm"):
        kind = "html"
        text, html_meta = html_to_text(text)
        if not text.strip():
            raise InputError(path, "the page has no text outside scripts and markup")
    check_lengths(path, text)  # the text, not the markup: saved pages often sit on one long line
    sidecar = load_sidecar(sidecar_path) if sidecar_path else {}
    return RawDoc(name=path.name, path=path, raw=raw, text=text, kind=kind, html_meta=html_meta, sidecar=sidecar)


def _inside(path: Path, folder: Path) -> Path:
    """A seed as a regular file inside ``folder`` (a symbolic link may point only within it)."""
    check_text(path, path.name)
    if path.is_symlink():
        target = Path(os.path.realpath(path))  # realpath, unlike resolve(), does not raise on a loop
        if not target.is_relative_to(os.path.realpath(folder)):
            raise InputError(path, f"symbolic link to {target}, outside the seeds folder: copy the file into "
                                   "seeds/ instead (only files inside it are published)")
    return path


def list_seeds(seeds_dir: Path, max_bytes: int = MAX_FILE_BYTES) -> list[tuple[Path, Path | None]]:
    """Article files with their optional sidecars, sorted by name; strays are errors, skipped files reported."""
    if not seeds_dir.is_dir():
        raise InputError(seeds_dir, "the seeds folder does not exist")
    articles: dict[str, Path] = {}
    sidecars: dict[str, Path] = {}
    for path in sorted(seeds_dir.iterdir()):
        if path.name.startswith(".") or path.is_dir() and not path.is_symlink():
            what = "folder" if path.is_dir() else "hidden file"
            log.warning(f"{seeds_dir.name}/{path.name}: {what} skipped; seeds/ holds only articles (.txt, .html) "
                        "and their .yml sidecars")
            continue
        suffix = path.suffix.lower()
        if suffix in ARTICLE_SUFFIXES:
            if path.stem in articles:
                raise InputError(path, f"two articles share the name '{path.stem}' (also {articles[path.stem].name})")
            articles[path.stem] = _inside(path, seeds_dir)
        elif suffix in SIDECAR_SUFFIXES:
            sidecars[path.stem] = _inside(path, seeds_dir)
        elif suffix in IGNORED_SUFFIXES:
            continue
        else:
            raise InputError(path, f"unknown kind of file '{suffix}': seeds are .txt or .html, with .yml sidecars")
        size = regular_size(path)
        if size > max_bytes:
            raise InputError(path, f"{size:,} bytes, over the limit of {max_bytes:,} for one seed: split it, or "
                                   "raise max_file_mb in the archive plugin's settings (mkdocs.yml)")
    for stem, path in sidecars.items():
        if stem not in articles:
            raise InputError(path, f"sidecar for an article that does not exist (no {stem}.txt or {stem}.html)")
    return [(path, sidecars.get(stem)) for stem, path in sorted(articles.items())]
