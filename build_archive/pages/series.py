"""Series pages: each series' meetings in order, with the ones the archive lacks shown as gaps."""

from __future__ import annotations

from collections.abc import Iterator

from build_archive.link.series import series_members
from build_archive.model.urls import series_url
from build_archive.pages.context import SiteContext
from build_archive.pages.output import Output


def generate(ctx: SiteContext) -> Iterator[tuple[str, Output]]:
    yield "series/index.md", ctx.render("series/index.md", "series_index.html.j2")
    for s in ctx.archive.series:
        path = series_url(s.id) + "index.md"
        yield path, ctx.render(path, "series.html.j2", s=s, members=series_members(s, ctx.events))
