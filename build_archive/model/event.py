"""Events (meetings, visits, anniversaries), the series they belong to, and their relations."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .article import PubDate


@dataclass(frozen=True)
class Series:
    id: str
    name: str
    en: str | None
    kind: str
    numbered: bool
    title: str | None
    patterns: tuple[re.Pattern[str], ...]
    next_patterns: tuple[re.Pattern[str], ...] = ()


@dataclass(frozen=True)
class Participant:
    id: str
    name: str
    role: str | None
    chair: bool


@dataclass(frozen=True)
class EventMention:
    article_id: str
    anchor: str | None  # None: the title


@dataclass(frozen=True)
class Relation:
    other: str
    reason: str


@dataclass(frozen=True)
class Event:
    id: str
    title: str
    kind: str
    date: PubDate
    series: str | None = None
    ordinal: int | None = None
    en: str | None = None
    place: str | None = None  # entity id
    place_name: str | None = None
    online: bool = False
    participants: tuple[Participant, ...] = ()
    agreements: tuple[str, ...] = ()
    covered_by: tuple[str, ...] = ()
    mentioned_in: tuple[EventMention, ...] = ()
    background: bool = False
    entity: str | None = None
    anniversary_of: str | None = None
    curated: tuple[str, ...] = ()
    redirect_from: tuple[str, ...] = ()
    relations: tuple[Relation, ...] = ()
    first: bool = False  # "lần đầu": the first of its kind


@dataclass(frozen=True)
class CuratedEvents:
    entries: tuple[dict[str, Any], ...]  # as read from data/events.yml, validated where used
    path: Path


def event_sort_key(event: Event) -> tuple[str, str]:
    return (event.date.date or "9999", event.id)
