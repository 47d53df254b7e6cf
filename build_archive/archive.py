"""The whole archive after the link stage: what the renderer and the exports read."""

from __future__ import annotations

from dataclasses import dataclass

from .events import Event, Series
from .knowledge import Entity
from .model import Article


@dataclass(frozen=True)
class Archive:
    articles: list[Article]
    entities: tuple[Entity, ...]
    events: list[Event]
    series: tuple[Series, ...]
    article_events: dict[str, list[tuple[str, str]]]  # article id → [(event id, "covers"|"mentions")]
