"""Entity pages: the index, one list per type, and a page per entity with its mentions in context."""

from __future__ import annotations

from collections.abc import Iterator

from build_archive.link.mentions import articles_of, attested_roles
from build_archive.model.entity import ENTITY_TYPES
from build_archive.model.urls import entity_url
from build_archive.pages.citation import entity_jsonld
from build_archive.pages.context import SiteContext
from build_archive.pages.output import Output


def generate(ctx: SiteContext) -> Iterator[tuple[str, Output]]:
    yield "entities/index.md", ctx.render("entities/index.md", "entities.html.j2")
    for entity_type in ENTITY_TYPES:
        path = f"entities/{entity_type}/index.md"
        yield path, ctx.render(path, "entity_type.html.j2", entity_type=entity_type)
    for entity in ctx.archive.entities:
        found = ctx.mentions.get(entity.id, ())
        path = entity_url(entity.type, entity.id) + "index.md"
        yield path, ctx.render(path, "entity.html.j2", entity=entity, found=found, roles=attested_roles(found),
                               in_articles=articles_of(found), jsonld=entity_jsonld(entity, ctx.site_url))
