"""Entities of the knowledge base: people, organizations, places, agreements, events."""

from __future__ import annotations

from dataclasses import dataclass

from .enums import EntityType

ENTITY_TYPES = tuple(EntityType)


@dataclass(frozen=True)
class Role:
    title: str
    start: str | None = None  # YYYY or YYYY-MM
    end: str | None = None


@dataclass(frozen=True)
class Entity:
    id: str
    type: EntityType
    name: str
    aliases: tuple[str, ...] = ()
    country: str | None = None
    en: str | None = None
    wikidata: str | None = None
    roles: tuple[Role, ...] = ()
    default: bool = False
    gazetteer: bool = False  # from data/gazetteer.yml: gets a page only once an article mentions it

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)
