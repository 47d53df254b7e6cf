"""Export: the whole archive as one JSON file for researchers and outside tools.

The field names are a published interface (see the README): later stages fill
``entities``, ``figures`` and ``events`` but never rename anything.
"""

from __future__ import annotations

import json

from .knowledge import Entity
from .mentions import Mention, entity_record
from .model import Article, EntitySpan, FigureSpan


def entity_span_record(span: EntitySpan) -> dict:
    record = {"start": span.start, "end": span.end, "type": span.type, "id": span.id, "text": span.text}
    if span.role:
        record["role"] = span.role
    if span.provisional:
        record["provisional"] = True
    return record


def figure_span_record(figure: FigureSpan) -> dict:
    value = list(figure.value) if isinstance(figure.value, tuple) else figure.value
    return {"start": figure.start, "end": figure.end, "kind": figure.kind, "value": value, "unit": figure.unit,
            "qualifier": figure.qualifier, "metric": figure.metric, "period": figure.period, "text": figure.text,
            "compared_to": figure.compared_to}


def article_record(article: Article) -> dict:
    return {
        "id": article.id,
        "url": f"articles/{article.id}/",
        "source_file": article.source_file,
        "title": article.title.value,
        "outlet": article.outlet.value,
        "author": article.author.value,
        "source_url": article.source_url.value,
        "published": {
            "date": article.published.date,
            "precision": article.published.precision,
            "basis": article.published.basis,
        },
        "paragraphs": [
            {"anchor": p.anchor, "text": p.text, "entities": [entity_span_record(e) for e in p.entities],
             "figures": [figure_span_record(f) for f in p.figures]} for p in article.paragraphs
        ],
        "captions": [{"text": c.text, "credit": c.credit} for c in article.captions],
        "removed": list(article.removed),
        "events": [],
        "original_outlet": article.original_outlet.value,
        "provenance": {
            "title": article.title.basis,
            "outlet": article.outlet.basis,
            "author": article.author.basis,
            "source_url": article.source_url.basis,
            "date_evidence": article.published.evidence,
        },
    }


def archive_json(articles: list[Article], entities: tuple[Entity, ...] = (),
                 mentions: dict[str, tuple[Mention, ...]] | None = None) -> bytes:
    mentions = mentions or {}
    data = {"articles": [article_record(a) for a in articles],
            "entities": [entity_record(e, mentions.get(e.id, ())) for e in entities], "events": []}
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode()
