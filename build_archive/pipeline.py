"""The pipeline: seeds → ingest → clean → ids → render, each stage a plain function.

Everything is read and checked before anything is written, so bad input stops
the build with the previous docs/ and site/ untouched.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from .archive import Archive
from .clean import clean
from .curated import load_cleaning_rules, load_outlets
from .errors import InputError
from .events import build_events, load_curated_events, load_series
from .ids import assign_ids
from .ingest import list_seeds, read_seed
from .model import Article
from .render import DEFAULT_SITE_URL, render_site, write_outputs
from .tag import Tagger


@dataclass(frozen=True)
class Paths:
    root: Path

    @property
    def seeds(self) -> Path:
        return self.root / "seeds"

    @property
    def data(self) -> Path:
        return self.root / "data"

    @property
    def templates(self) -> Path:
        return self.root / "templates"

    @property
    def docs(self) -> Path:
        return self.root / "docs"


Progress = Callable[[str, int, int, str], None]


def _quiet(stage: str, done: int, total: int, name: str) -> None:
    """The default progress report: none."""


def sort_key(article: Article) -> tuple[str, str]:
    """Newest first in lists; undated articles last; ties broken by id, never by file order."""
    return (article.published.date or "0000", article.id)


def load_articles(paths: Paths, progress: Progress = _quiet, tagger: Tagger | None = None) -> list[Article]:
    """Ingest and clean every seed, then tag it; sorted newest first."""
    tagger = tagger or Tagger.load(paths.data)
    rules = load_cleaning_rules(paths.data / "cleaning.yml")
    outlets = load_outlets(paths.data / "outlets.yml")
    seeds = list_seeds(paths.seeds)
    articles = []
    for n, (path, sidecar) in enumerate(seeds, 1):
        progress("clean", n, len(seeds), path.name)
        doc = read_seed(path, sidecar)
        articles.append(clean(doc, rules, outlets, source_dir=path.parent.name))
    articles = assign_ids(articles)
    articles = [tagger.tag(article) for article in articles]
    return sorted(articles, key=sort_key, reverse=True)


def load_archive(paths: Paths, progress: Progress = _quiet) -> Archive:
    """Every stage up to rendering: articles tagged, events detected and linked."""
    tagger = Tagger.load(paths.data)
    series = load_series(paths.data / "series.yml")
    curated = load_curated_events(paths.data / "events.yml")
    articles = load_articles(paths, progress, tagger)
    progress("link", 0, 1, "")
    events, article_events = build_events(articles, series, curated, tagger.entities)
    progress("link", 1, 1, "")
    return Archive(articles, tagger.entities, events, series, article_events)


def raw_copies(articles: list[Article], paths: Paths) -> dict[str, bytes]:
    """The verbatim input files, published beside the articles (HTML as .txt, so it never runs)."""
    return {a.raw_name: (paths.root / a.source_file).read_bytes() for a in articles}


def build_docs(paths: Paths, progress: Progress = _quiet, site_url: str | None = None) -> dict[str, int]:
    """Run every stage and write docs/; raises InputError before writing anything on bad input."""
    try:
        archive = load_archive(paths, progress)
    except InputError as exc:
        raise exc.relative_to(paths.root) from None
    articles = archive.articles
    progress("render", 0, 1, "")
    outputs = render_site(archive, paths.templates, raw_copies(articles, paths),
                          site_url or os.environ.get("SITE_URL") or DEFAULT_SITE_URL)
    progress("render", 1, 1, "")
    written, deleted = write_outputs(paths.docs, outputs)
    return {"articles": len(articles), "files": len(outputs), "written": written, "deleted": deleted}
