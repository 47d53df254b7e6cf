"""The chronology, a page per event (with the meetings before and after it), and calendar exports."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from build_archive.link.mentions import FigureRow
from build_archive.link.series import neighbours, series_index
from build_archive.model.citation import event_citation
from build_archive.model.event import Event
from build_archive.model.urls import event_url
from build_archive.pages.citation import citation_outputs, event_jsonld
from build_archive.pages.context import SiteContext
from build_archive.pages.exports import event_json, events_ics, json_list
from build_archive.pages.output import Output, redirect_page


def generate(ctx: SiteContext) -> Iterator[tuple[str, Output]]:
    yield "events/index.md", ctx.render("events/index.md", "chronology.html.j2")
    rows_by_article: dict[str, list[FigureRow]] = {}
    for row in ctx.rows:
        rows_by_article.setdefault(row.article.id, []).append(row)
    index = series_index(ctx.events)
    for event in ctx.events:
        prev, nxt = neighbours(event, index, ctx.series_by_id)
        path = event_url(event.id) + "index.md"
        yield path, ctx.render(path, "event.html.j2", event=event, prev=prev, next=nxt,
                               rows=[r for a in event.covered_by for r in rows_by_article.get(a, ())],
                               cite=_cite(ctx, event))
        for old in event.redirect_from:
            yield event_url(old) + "index.md", redirect_page(event_url(old), event_url(event.id), event.title)
    yield "events/events.json", json_list(event_json(ctx, e, compact=False) for e in ctx.events)
    yield "events/events.ics", events_ics(ctx.events, ctx.site_name)


def _cite(ctx: SiteContext, event: Event) -> dict[str, Any]:
    """The event's cite box and JSON-LD, made again only when the event changed."""
    return ctx.memo("event-cite-" + event.id, lambda: ctx.prints.of(event), lambda: dict(
        citation_outputs(event_citation(event, ctx.site_url, ctx.site_name)),
        jsonld=event_jsonld(event, ctx.site_url + event_url(event.id))))
