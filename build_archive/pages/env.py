"""The Jinja2 environment page templates render in: autoescape on, filters and labels.

Every string from an article reaches the page through autoescape, so text that
looks like HTML (``<script>``, ``{{ }}``) is shown literally.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path

import jinja2
from markupsafe import Markup

from build_archive.common.textnorm import folded_d_words, folded_pairs
from build_archive.model.article import PubDate
from build_archive.model.entity import ENTITY_TYPES
from build_archive.model.enums import Precision
from build_archive.model.urls import (
    article_url,
    entity_url,
    event_url,
    raw_url,
    relative,
    series_url,
)
from build_archive.pages.inline import figure_tip, figure_value_words
from build_archive.pages.labels import Labels

KWIC_LIMIT = 300  # mentions shown on an entity page; all of them are in data/archive.json


def date_words(published: PubDate) -> str:
    """A date printed only as precisely as it is known."""
    if not published.date:
        return "Không rõ ngày"
    parts = published.date.split("-")
    if published.precision == Precision.DAY:
        return f"{int(parts[2])}/{int(parts[1])}/{parts[0]}"
    if published.precision == Precision.MONTH:
        return f"tháng {int(parts[1])}/{parts[0]}"
    return f"năm {parts[0]}"


def summary(text: str | None, limit: int = 200) -> str:
    """At most ``limit`` characters, cut at a word boundary (never mid-syllable), with an ellipsis."""
    text = " ".join((text or "").split())
    if len(text) <= limit:
        return text
    cut = text[:limit - 1]
    space = cut.rfind(" ")
    return (cut[:space] if space > limit // 2 else cut).rstrip(" ,;:–-") + "…"


def safe_url(url: str | None) -> str | None:
    """Only http(s) links leave the archive; anything else is shown as text."""
    return url if url and url.lower().startswith(("http://", "https://")) else None


def environment(templates_dir: Path, labels: Labels, site_name: str) -> jinja2.Environment:
    """The environment; ``labels`` and ``site_name`` (mkdocs.yml's) are globals of every template."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates_dir),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(date_words=date_words, safe_url=safe_url, summary=summary,
                       json=lambda value: Markup(json.dumps(value, ensure_ascii=False)))
    env.globals.update(relative=relative, labels=labels, site_name=site_name, ENTITY_TYPES=ENTITY_TYPES,
                       article_url=article_url, entity_url=entity_url, event_url=event_url, series_url=series_url,
                       raw_url=raw_url, figure_tip=functools.partial(figure_tip, labels=labels),
                       figure_value_words=functools.partial(figure_value_words, labels=labels),
                       folded_d_words=folded_d_words, folded_pairs=folded_pairs, KWIC_LIMIT=KWIC_LIMIT)
    return env
