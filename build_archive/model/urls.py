"""Every address on the site, built in one place: a page's URL, a paragraph's, a file's.

URLs are directory URLs relative to the site root (``articles/<id>/``); ``relative``
turns one into a link from another page, so the site works under any sub-path.
"""

from __future__ import annotations

import functools
import hashlib
from typing import TYPE_CHECKING
from urllib.parse import quote

if TYPE_CHECKING:
    from build_archive.model.article import Article


def page_url(path: str) -> str:
    """The directory URL MkDocs gives a Markdown file: a/index.md → a/, a/b.md → a/b/."""
    stem = path.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def article_url(article: Article) -> str:
    return f"articles/{article.id}/"


def entity_url(entity_type: str, entity_id: str) -> str:
    return f"entities/{entity_type}/{entity_id}/"


def figure_id(article_id: str, anchor: str, index: int) -> str:
    """A figure's row on the figures page; stable while its paragraph's anchor is."""
    return "f-" + hashlib.sha1(f"{article_id}#{anchor}#{index}".encode()).hexdigest()[:10]


def event_url(event_id: str) -> str:
    return f"events/{event_id}/"


def series_url(series_id: str) -> str:
    return f"series/{series_id}/"


def raw_name(seed_name: str, kind: str) -> str:
    """Where a seed's verbatim copy goes under raw/: one per seed, whatever its name.

    A text seed keeps its name; a saved page goes under html/ with .txt added (so it is
    shown, never run), which no text seed can reach: seeds/ holds no folders.
    """
    return seed_name if kind == "txt" else f"html/{seed_name}.txt"


def raw_path(raw_name: str) -> str:
    """The verbatim input file's path in the site, published as text beside the articles."""
    return f"raw/{raw_name}"


def raw_url(raw_name: str) -> str:
    """The link to the verbatim input file: its name percent-encoded, so # ? % and spaces survive."""
    return quote(raw_path(raw_name))


def paragraph_url(article_id: str, anchor: str) -> str:
    return f"articles/{article_id}/#{anchor}"


@functools.cache
def relative(from_page: str, to_path: str) -> str:
    """Link from a page URL (``articles/x/``) to a site path, relative so sub-path hosting works."""
    here = [p for p in from_page.split("/") if p]
    there = to_path.split("/")
    common = 0
    while common < min(len(here), len(there) - 1) and here[common] == there[common]:
        common += 1
    target = "/".join([".."] * (len(here) - common) + there[common:])
    return target or "./"
