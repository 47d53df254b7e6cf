"""Export: the whole archive as one JSON file for researchers and outside tools.

The field names are a published interface (see the README): later stages fill
``entities``, ``figures`` and ``events`` but never rename anything.
"""

from __future__ import annotations

import json

from .model import Article


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
            {"anchor": p.anchor, "text": p.text, "entities": [], "figures": []} for p in article.paragraphs
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


def archive_json(articles: list[Article]) -> bytes:
    data = {"articles": [article_record(a) for a in articles], "entities": [], "events": []}
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode()
