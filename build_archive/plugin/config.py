"""The plugin's typed configuration (``plugins: - archive: {...}`` in mkdocs.yml)."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class ArchiveConfig(Config):
    """Folders are relative to mkdocs.yml."""

    seeds_dir = c.Type(str, default="seeds")
    data_dir = c.Type(str, default="data")
    templates_dir = c.Type(str, default="templates/pages")
    labels = c.Type(str, default="data/labels.yml")  # the UI strings (pages/labels.py)
    cache_dir = c.Type(str, default=".cache/build_archive")
    cache = c.Type(bool, default=True)  # false: every build from scratch
    search = c.Type(bool, default=True)  # run Pagefind after the build
    max_file_mb = c.Type((int, float), default=20)  # a larger seed is refused with a message
