"""Tag: entity and figure spans added to each paragraph; the text itself is never touched."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from build_archive.model.article import Article, EntitySpan
from build_archive.model.entity import Entity
from build_archive.tag.entities import EntityMatcher, short_names, tag_entities
from build_archive.tag.figures import FigureRules, last_year_spoken_of, tag_figures
from build_archive.tag.knowledge import load_entities, load_gazetteer, load_tagging_rules


@dataclass(frozen=True)
class Tagger:
    """Everything tagging needs, compiled once per build."""

    entities: tuple[Entity, ...]
    matcher: EntityMatcher
    figure_rules: FigureRules

    @classmethod
    def load(cls, data_dir: Path) -> Tagger:
        entities = load_entities(data_dir / "entities.yml")
        countries = frozenset({"viet-nam", "lao"})
        if (data_dir / "gazetteer.yml").is_file():
            places, more = load_gazetteer(data_dir / "gazetteer.yml", entities)
            entities, countries = entities + places, countries | more
        rules = load_tagging_rules(data_dir / "tagging.yml")
        return cls(entities, EntityMatcher.build(entities, rules, countries), FigureRules.build(rules))

    def used_entities(self, articles: Iterable[Article]) -> tuple[Entity, ...]:
        """The curated entities, and the gazetteer's places some article mentions (one page each)."""
        mentioned = {s.id for a in articles for p in a.paragraphs for s in p.entities}
        return tuple(e for e in self.entities if not e.gazetteer or e.id in mentioned)

    def tag(self, article: Article) -> Article:
        paragraphs = []
        context_year = None
        named: list[EntitySpan] = []  # the people named so far, for "ông Triết" after "Nguyễn Minh Triết"
        for paragraph in article.paragraphs:
            entities = tag_entities(paragraph.text, self.matcher, short_names(named))
            named.extend(entities)
            figures = tag_figures(paragraph.text, self.figure_rules, article.published, entities, context_year)
            context_year = last_year_spoken_of(paragraph.text, article.published, context_year)
            paragraphs.append(dataclasses.replace(paragraph, entities=entities, figures=figures))
        return dataclasses.replace(article, paragraphs=tuple(paragraphs))
