"""The site: every page and file, from one generator per page kind, as path → output."""

from __future__ import annotations

from pathlib import Path

from build_archive.common.errors import SiteCollision
from build_archive.model.archive import Archive
from build_archive.model.urls import page_url
from build_archive.pages import (
    article,
    bibliography,
    entity,
    event,
    exports,
    feed,
    figures,
    home,
    series,
)
from build_archive.pages.context import SiteContext
from build_archive.pages.labels import Labels
from build_archive.pages.output import Output
from build_archive.pipeline.cache import Cache

DEFAULT_SITE_URL = "http://127.0.0.1:8000/"
DEFAULT_SITE_NAME = "Lưu trữ Việt–Lào"  # what mkdocs.yml's site_name says; the plugin passes that
GENERATORS = (home, article, entity, figures, event, series, feed, exports, bibliography)


def render_site(archive: Archive, templates_dir: Path, raw_files: dict[str, bytes], labels: Labels,
                site_url: str = DEFAULT_SITE_URL, site_name: str = DEFAULT_SITE_NAME,
                cache: Cache | None = None, version: str = "") -> dict[str, Output]:
    """Every generated page and file, as a path relative to the docs folder → its output."""
    ctx = SiteContext.create(archive, templates_dir, raw_files, site_url, labels, site_name, cache, version)
    outputs: dict[str, Output] = {}
    urls: set[str] = set()
    for generator in GENERATORS:
        for path, output in generator.generate(ctx):
            url = page_url(path) if path.endswith(".md") else path
            if url in urls:  # a redirect or merge naming a page the site makes: never silently replaced
                raise SiteCollision(url)
            urls.add(url)
            outputs[path] = output
    return outputs
