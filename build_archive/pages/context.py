"""What every page generator reads: the archive, indexes built once over it, and the renderer."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2

from build_archive.common.textnorm import vi_sort_key
from build_archive.link.events import events_by_article
from build_archive.link.mentions import FigureRow, Mention, by_entity, provisional_entities
from build_archive.model.archive import Archive
from build_archive.model.article import Article
from build_archive.model.entity import ENTITY_TYPES
from build_archive.model.event import Event, Series, event_sort_key
from build_archive.model.urls import page_url
from build_archive.pages import figures as fig
from build_archive.pages.env import environment, summary
from build_archive.pages.inline import entity_pages
from build_archive.pages.labels import Labels
from build_archive.pages.output import PageOutput
from build_archive.pipeline.cache import Cache

UNKNOWN_YEAR = "Không rõ năm"


@dataclass
class SiteContext:
    archive: Archive
    env: jinja2.Environment
    site_url: str
    cache: Cache
    raw_files: dict[str, bytes]
    labels: Labels
    site_name: str
    mentions: dict[str, tuple[Mention, ...]] = field(init=False)
    events: list[Event] = field(init=False)
    events_by_id: dict[str, Event] = field(init=False)
    series_by_id: dict[str, Series] = field(init=False)
    events_of_article: dict[str, list[Event]] = field(init=False)
    mentioned_at: dict[tuple[str, str | None], set[str]] = field(init=False)  # (article, anchor) → event ids
    covering: dict[str, frozenset[str]] = field(init=False)  # event id → ids of the articles covering it
    entity_pages: dict[str, str] = field(init=False)
    names: dict[str, str] = field(init=False)
    rows: list[FigureRow] = field(init=False)
    common: dict[str, Any] = field(init=False)

    def __post_init__(self) -> None:
        archive = self.archive
        articles = archive.articles
        self.site_url = self.site_url.rstrip("/") + "/"
        self.mentions = by_entity(articles)
        self.names = {e.id: e.name for e in archive.entities}
        self.rows = fig.figure_rows(articles)
        self.events = sorted(archive.events, key=event_sort_key)
        self.events_by_id = {e.id: e for e in self.events}
        self.series_by_id = {s.id: s for s in archive.series}
        self.events_of_article = events_by_article(self.events)
        self.mentioned_at = {}
        for event in self.events:
            for m in event.mentioned_in:
                self.mentioned_at.setdefault((m.article_id, m.anchor), set()).add(event.id)
        self.covering = {e.id: frozenset(e.covered_by) for e in self.events}
        self.entity_pages = entity_pages(self.events)
        by_year: dict[str, list[Article]] = {}
        for article in articles:
            by_year.setdefault((article.published.date or "")[:4] or UNKNOWN_YEAR, []).append(article)
        events_by_year: dict[str, list[Event]] = {}
        for event in self.events:
            events_by_year.setdefault((event.date.date or "")[:4] or UNKNOWN_YEAR, []).append(event)
        self.common = {
            "articles": articles, "by_year": by_year, "provisional": provisional_entities(self.mentions),
            "review": [a for a in articles if a.review_reasons], "mentions": self.mentions,
            "entities_by_type": {t: sorted((e for e in archive.entities if e.type == t), key=lambda e: vi_sort_key(e.name))
                                 for t in ENTITY_TYPES},
            "events": self.events, "events_by_id": self.events_by_id, "series_by_id": self.series_by_id,
            "series": archive.series, "events_by_year": events_by_year, "article_events": archive.article_events,
            "articles_by_id": {a.id: a for a in articles}, "entities_by_id": {e.id: e for e in archive.entities},
            "latest_events": [e for e in reversed(self.events) if e.covered_by][:6],
        }

    @classmethod
    def create(cls, archive: Archive, templates_dir: Path, raw_files: dict[str, bytes], site_url: str,
               labels: Labels, site_name: str, cache: Cache | None = None) -> SiteContext:
        return cls(archive, environment(templates_dir, labels, site_name), site_url, cache or Cache(None), raw_files,
                   labels, site_name)

    def render(self, path: str, template: str, **context: Any) -> PageOutput:
        """One page: the template's output is the body; its top-level ``set``s are the page's metadata."""
        module = self.env.get_template(template).make_module({"page_url": page_url(path), **self.common, **context})
        return PageOutput(html=str(module), title=getattr(module, "title", "") or "",
                          description=summary(getattr(module, "description", "")),
                          citation_meta=tuple(tuple(pair) for pair in getattr(module, "citation_meta", ()) or ()),
                          jsonld=getattr(module, "jsonld", "") or "")
