"""Stable identifiers: article slugs and paragraph anchors.

Neither depends on file order or build order. A slug comes from the article's
own date and title; an anchor from the opening words of its own paragraph, so
editing or inserting another paragraph, or editing the end of this one, leaves
it where it was.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re

from build_archive.common.errors import InputError
from build_archive.common.textnorm import canonical_tones, fold, slugify
from build_archive.model.article import Article

ANCHOR_WORDS = 8


def paragraph_anchors(paragraphs: list[str]) -> list[str]:
    """``p-`` and six hex digits of the paragraph's first words; repeats get -2, -3."""
    anchors: list[str] = []
    seen: dict[str, int] = {}
    for text in paragraphs:
        words = re.findall(r"\w+", fold(canonical_tones(text)))[:ANCHOR_WORDS]
        base = "p-" + hashlib.sha1(" ".join(words).encode()).hexdigest()[:6]
        seen[base] = seen.get(base, 0) + 1
        anchors.append(base if seen[base] == 1 else f"{base}-{seen[base]}")
    return anchors


def article_slug(article: Article) -> str:
    """``2023-01-12-viet-nam-lao-tang-cuong-...``; undated articles say so.

    Without a date a headline alone is not unique (two outlets' undated reports of one meeting), so an
    undated article's slug ends with six hex digits of its seed's file name: stable while the file keeps
    its name (two names sharing six digits are still reported as a clash below).
    """
    title = slugify(article.title.value or "", 70) or "bai-viet"
    if article.published.date:
        return f"{article.published.date}-{title}"
    name = article.source_file.replace("\\", "/").rsplit("/", 1)[-1]
    return f"khong-ro-ngay-{title}-{hashlib.sha1(name.encode()).hexdigest()[:6]}"


def assign_ids(articles: list[Article]) -> list[Article]:
    """Give each article its slug; two articles with one slug is an error naming both."""
    by_id: dict[str, Article] = {}
    result = []
    for article in articles:
        slug = article_slug(article)
        if slug in by_id:
            other = by_id[slug].source_file
            raise InputError(article.source_file,
                             f"its URL articles/{slug}/ is also the URL of {other}; give one of them a different "
                             "title or date in its sidecar .yml")
        article = dataclasses.replace(article, id=slug)
        by_id[slug] = article
        result.append(article)
    old_urls: dict[str, str] = {}
    for article in result:
        for old in article.redirect_from:
            key = old.strip("/")
            if key in old_urls or key.removeprefix("articles/") in by_id:
                raise InputError(article.source_file, f"redirect_from '{old}' is already the URL of another article")
            old_urls[key] = article.source_file
    return result
