"""The whole archive after the link stage: what the renderer and the exports read."""

from __future__ import annotations

from dataclasses import dataclass

from build_archive.model.article import Article
from build_archive.model.entity import Entity
from build_archive.model.event import Event, Series


@dataclass(frozen=True)
class Archive:
    articles: list[Article]
    entities: tuple[Entity, ...]
    events: list[Event]
    series: tuple[Series, ...]
    article_events: dict[str, list[tuple[str, str]]]  # article id → [(event id, "covers"|"mentions")]
