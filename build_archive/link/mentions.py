"""Link: who and what is mentioned where, gathered from the tagged articles.

Plain data for the entity pages, the review page, the figures page and the
JSON export. Order never depends on file order: articles are sorted by date
and id, mentions by their place in the article.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from build_archive.model.article import Article, EntitySpan, FigureSpan, Paragraph
from build_archive.model.entity import Entity

KWIC_WIDTH = 70


@dataclass(frozen=True)
class Mention:
    article: Article
    paragraph: Paragraph
    span: EntitySpan

    @property
    def left(self) -> str:
        text = self.paragraph.text[max(0, self.span.start - KWIC_WIDTH):self.span.start]
        return ("…" if self.span.start > KWIC_WIDTH else "") + text

    @property
    def right(self) -> str:
        end = self.span.end
        return self.paragraph.text[end:end + KWIC_WIDTH] + ("…" if end + KWIC_WIDTH < len(self.paragraph.text) else "")


@dataclass(frozen=True)
class FigureRow:
    article: Article
    paragraph: Paragraph
    figure: FigureSpan
    id: str


@dataclass(frozen=True)
class Provisional:
    id: str
    type: str
    name: str
    mentions: tuple[Mention, ...]


def by_entity(articles: list[Article]) -> dict[str, tuple[Mention, ...]]:
    found: dict[str, list[Mention]] = {}
    for article in articles:
        for paragraph in article.paragraphs:
            for span in paragraph.entities:
                found.setdefault(span.id, []).append(Mention(article, paragraph, span))
    return {k: tuple(v) for k, v in found.items()}


# (role, article date, first article printing it)
AttestedRole = tuple[str, str | None, Article]


def attested_roles(mentions: tuple[Mention, ...]) -> list[AttestedRole]:
    """(role, article date, first article printing it), oldest first; one line per distinct role."""
    seen: dict[str, AttestedRole] = {}
    for mention in sorted(mentions, key=lambda m: (m.article.published.date or "9999", m.article.id)):
        role = mention.span.role
        if role and role not in seen:
            seen[role] = (role, mention.article.published.date, mention.article)
    return list(seen.values())


def provisional_entities(index: dict[str, tuple[Mention, ...]]) -> list[Provisional]:
    items = [Provisional(key, ms[0].span.type, ms[0].span.text, ms)
             for key, ms in index.items() if ms[0].span.provisional]
    return sorted(items, key=lambda p: (p.type, p.id))


def articles_of(mentions: tuple[Mention, ...]) -> list[Article]:
    unique = {m.article.id: m.article for m in mentions}
    return sorted(unique.values(), key=lambda a: (a.published.date or "0000", a.id), reverse=True)


def entity_record(entity: Entity, mentions: tuple[Mention, ...]) -> dict[str, Any]:
    return {
        "id": entity.id, "type": entity.type, "name": entity.name, "aliases": list(entity.aliases),
        "url": f"entities/{entity.type}/{entity.id}/", "country": entity.country, "en": entity.en,
        "wikidata": entity.wikidata,
        "roles": [{"title": r.title, "from": r.start, "to": r.end} for r in entity.roles],
        "mentions": len(mentions), "articles": [a.id for a in articles_of(mentions)],
    }
