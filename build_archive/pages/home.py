"""The index pages: home, the list of articles by year, and what an editor should review."""

from __future__ import annotations

from collections.abc import Iterator

from build_archive.pages.context import SiteContext
from build_archive.pages.output import Output


def generate(ctx: SiteContext) -> Iterator[tuple[str, Output]]:
    yield "index.md", ctx.render("index.md", "home.html.j2")
    yield "articles/index.md", ctx.render("articles/index.md", "articles.html.j2")
    yield "review.md", ctx.render("review.md", "review.html.j2")
