"""Entity pages: the index, one list per type, and a page per entity with its mentions in context.

A named event has one page, its event page: the entity URL redirects there and the lists link to it.
An entity no article mentions and no event names keeps its page (the data export links to it), but
says so plainly, stays out of search, and the index lists it apart, as known but not yet met.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from build_archive.link.mentions import AttestedRole, articles_of, attested_roles
from build_archive.model.entity import ENTITY_TYPES
from build_archive.model.event import Event
from build_archive.model.urls import entity_url
from build_archive.pages.citation import entity_jsonld
from build_archive.pages.context import SiteContext
from build_archive.pages.output import Output, redirect_page


def named_by_events(events: Iterable[Event]) -> set[str]:
    """Entities an event page links to: its participants, place and agreements."""
    named: set[str] = set()
    for event in events:
        named.update(p.id for p in event.participants)
        named.update(event.agreements)
        if event.place:
            named.add(event.place)
    return named


def distinct_roles(known: tuple[str, ...], attested: list[AttestedRole]) -> list[AttestedRole]:
    """Roles seen in articles, less those that only repeat or shorten another ("Thứ trưởng" beside
    "Thứ trưởng Bộ Ngoại giao"): each role is listed once, in its fullest form."""
    titles = list(known) + [title for title, _, _ in attested]
    keep, seen = [], set(known)
    for role in attested:
        title = role[0]
        if title in seen or any(other != title and other.startswith(title + " ") for other in titles):
            continue
        seen.add(title)
        keep.append(role)
    return keep


def generate(ctx: SiteContext) -> Iterator[tuple[str, Output]]:
    pages = ctx.entity_pages
    named = named_by_events(ctx.events)
    unmet = {e.id for e in ctx.archive.entities
             if e.id not in ctx.mentions and e.id not in named and e.id not in pages}
    lists = {"entity_pages": pages, "unmet": unmet}
    yield "entities/index.md", ctx.render("entities/index.md", "entities.html.j2", **lists)
    for entity_type in ENTITY_TYPES:
        path = f"entities/{entity_type}/index.md"
        yield path, ctx.render(path, "entity_type.html.j2", entity_type=entity_type, **lists)
    for entity in ctx.archive.entities:
        url = entity_url(entity.type, entity.id)
        if entity.id in pages:
            yield url + "index.md", redirect_page(url, pages[entity.id], entity.name)
            continue
        found = ctx.mentions.get(entity.id, ())
        roles = distinct_roles(tuple(r.title for r in entity.roles), attested_roles(found))
        yield url + "index.md", ctx.render(url + "index.md", "entity.html.j2", entity=entity, found=found,
                                           roles=roles, in_articles=articles_of(found), unmet=unmet,
                                           jsonld=entity_jsonld(entity, ctx.site_url))
