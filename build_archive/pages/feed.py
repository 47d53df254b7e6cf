"""An Atom feed of the articles, newest first, for readers who follow the archive."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

from build_archive.model.article import Article

if TYPE_CHECKING:
    from build_archive.pages.context import SiteContext
    from build_archive.pages.output import Output


FEED_SIZE = 50


def _timestamp(date: str | None) -> str:
    parts = (date or "1970").split("-") + ["01", "01"]
    return f"{parts[0]}-{parts[1]}-{parts[2]}T00:00:00Z"


def atom_feed(articles: list[Article], site_url: str, site_name: str) -> bytes:
    """Deterministic: ``updated`` is the newest article's date, never the build time."""
    dated = sorted(articles, key=lambda a: (a.published.date or "0000", a.id), reverse=True)[:FEED_SIZE]
    updated = _timestamp(dated[0].published.date if dated else None)
    out = ['<?xml version="1.0" encoding="utf-8"?>', '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="vi">',
           f"<title>{escape(site_name)}: bài mới</title>", f"<id>{escape(site_url)}</id>",
           f'<link rel="alternate" href="{escape(site_url)}"/>',
           f'<link rel="self" href="{escape(site_url)}feed.xml"/>', f"<updated>{updated}</updated>"]
    for article in dated:
        url = f"{site_url}articles/{article.id}/"
        summary = article.paragraphs[0].text if article.paragraphs else ""
        out += ["<entry>", f"<title>{escape(article.title.value or '')}</title>", f"<id>{escape(url)}</id>",
                f'<link rel="alternate" href="{escape(url)}"/>',
                f"<updated>{_timestamp(article.published.date)}</updated>",
                f"<author><name>{escape(article.author.value or article.outlet.value or site_name)}</name></author>",
                f"<summary>{escape(summary)}</summary>", "</entry>"]
    out.append("</feed>")
    return ("\n".join(out) + "\n").encode()


def generate(ctx: SiteContext) -> Iterator[tuple[str, Output]]:
    yield "feed.xml", atom_feed(ctx.archive.articles, ctx.site_url, ctx.site_name)
