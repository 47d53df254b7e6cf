"""The pipeline: seeds → ingest → clean → ids → render, each stage a plain function.

Everything is read and checked before anything is written, so bad input stops
the build with the previous docs/ and site/ untouched.
"""

from __future__ import annotations

import dataclasses
import multiprocessing
import os
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from build_archive.clean.lines import clean
from build_archive.clean.rules import CleaningRules, Outlet, load_cleaning_rules, load_outlets
from build_archive.common.errors import InputError, SiteCollision
from build_archive.common.files import MAX_FILE_BYTES, read_bounded
from build_archive.ingest.reader import list_seeds, read_seed
from build_archive.link.curated import explain_collision, load_curated_events, load_series
from build_archive.link.events import build_events
from build_archive.model.archive import Archive
from build_archive.model.article import Article
from build_archive.model.event import CuratedEvents, Series
from build_archive.model.ids import assign_ids
from build_archive.pages.labels import load_labels
from build_archive.pages.output import Output
from build_archive.pages.site import DEFAULT_SITE_NAME, DEFAULT_SITE_URL, render_site
from build_archive.pipeline.cache import Cache, code_version, key
from build_archive.tag.tagger import Tagger


@dataclass(frozen=True)
class Paths:
    """Where the archive's inputs live: by default beside mkdocs.yml (the plugin's config can move them)."""

    root: Path
    seeds: Path
    data: Path
    templates: Path
    cache: Path | None  # None: no build cache
    max_seed_bytes: int = MAX_FILE_BYTES  # a larger seed is refused (plugin option max_file_mb)
    labels: Path | None = None  # the UI strings (plugin option labels); None: data/labels.yml

    @property
    def labels_file(self) -> Path:
        return self.labels or self.data / "labels.yml"

    @classmethod
    def at(cls, root: Path, use_cache: bool = True) -> Paths:
        root = root.resolve()
        return cls(root, root / "seeds", root / "data", root / "templates" / "pages",
                   root / ".cache" / "build_archive" if use_cache else None)


Progress = Callable[[str, int, int, str], None]


def _quiet(stage: str, done: int, total: int, name: str) -> None:
    """The default progress report: none."""


@contextmanager
def stage(timings: dict[str, float], name: str) -> Iterator[None]:
    """Add the time spent in the block to ``timings[name]``."""
    start = time.perf_counter()
    try:
        yield
    finally:
        timings[name] = timings.get(name, 0.0) + time.perf_counter() - start


def sort_key(article: Article) -> tuple[str, str]:
    """Newest first in lists; undated articles last; ties broken by id, never by file order."""
    return (article.published.date or "0000", article.id)


PARALLEL_MIN = 64  # below this many articles to process, a process pool costs more than it saves
# (rules, outlets, tagger) for forked workers; set just before the pool starts
_WORKER: tuple[CleaningRules, tuple[Outlet, ...], Tagger] | None = None


def _process(job: tuple[str, str | None, str]) -> Article:
    """Ingest, clean and tag one seed (in this process or a forked worker)."""
    path, sidecar, source_dir = job
    assert _WORKER is not None, "load_articles sets _WORKER before processing"
    rules, outlets, tagger = _WORKER
    doc = read_seed(Path(path), Path(sidecar) if sidecar else None)
    return tagger.tag(clean(doc, rules, outlets, source_dir=source_dir))


def _seed_key(path: Path, sidecar: Path | None, version: str, cache: Cache, limit: int) -> str:
    """A seed's cache key: its name (two files with the same bytes are two articles), bytes, sidecar, code.

    Within one long-lived cache (``mkdocs serve``) a file whose size and modification time are
    unchanged is not read and hashed again.
    """
    stamp = "stat-" + key(str(path), str(sidecar), version, *(
        f"{s.st_mtime_ns}:{s.st_size}" for s in (path.stat(), *((sidecar.stat(),) if sidecar else ()))))
    found = cache.memory.get(stamp)
    if not isinstance(found, str):
        found = key(path.name, read_bounded(path, limit), read_bounded(sidecar) if sidecar else b"",
                    path.parent.name, version)
        cache.memory[stamp] = found
    return found


@dataclass(frozen=True)
class Curated:
    """The curated data every build reads (data/*.yml), and the code version it was read under."""

    version: str
    tagger: Tagger
    rules: CleaningRules
    outlets: tuple[Outlet, ...]
    series: tuple[Series, ...]
    events: CuratedEvents

    @classmethod
    def load(cls, paths: Paths, cache: Cache) -> Curated:
        """Read and check data/; under `mkdocs serve`, once per code version (which hashes data/ too)."""
        version = code_version(paths.templates, paths.data, paths.labels_file)
        memo_key = "curated-" + version
        found = cache.memory.get(memo_key) if cache.long_lived else None
        if isinstance(found, Curated):
            return found
        curated = cls(version, Tagger.load(paths.data), load_cleaning_rules(paths.data / "cleaning.yml"),
                      load_outlets(paths.data / "outlets.yml"), load_series(paths.data / "series.yml"),
                      load_curated_events(paths.data / "events.yml"))
        if cache.long_lived:
            cache.memory[memo_key] = curated
        return curated


def load_articles(paths: Paths, progress: Progress = _quiet, timings: dict[str, float] | None = None,
                  cache: Cache | None = None, curated: Curated | None = None) -> list[Article]:
    """Ingest, clean and tag every seed (cached by content, in parallel); sorted newest first."""
    global _WORKER
    timings = timings if timings is not None else {}
    cache = cache or Cache(None)
    curated = curated or Curated.load(paths, cache)
    version = curated.version
    _WORKER = (curated.rules, curated.outlets, curated.tagger)
    with stage(timings, "ingest"):
        seeds = list_seeds(paths.seeds, paths.max_seed_bytes)
        keys = [_seed_key(path, sidecar, version, cache, paths.max_seed_bytes) for path, sidecar in seeds]
        found = [cache.get("article-" + k) for k in keys]
    todo = [(str(path), str(sidecar) if sidecar else None, path.parent.name)
            for (path, sidecar), article in zip(seeds, found, strict=True) if article is None]
    with stage(timings, "clean+tag"):
        if len(todo) >= PARALLEL_MIN and (os.cpu_count() or 1) > 1:
            with ProcessPoolExecutor(os.cpu_count(), mp_context=multiprocessing.get_context("fork")) as pool:
                fresh = list(pool.map(_process, todo, chunksize=16))
        else:
            fresh = []
            for n, job in enumerate(todo, 1):
                progress("clean", n, len(todo), Path(job[0]).name)
                fresh.append(_process(job))
    progress("clean", len(seeds), len(seeds), f"{len(todo)} processed, {len(seeds) - len(todo)} from cache")
    fresh_iter = iter(fresh)
    articles = []
    for k, article in zip(keys, found, strict=True):
        if article is None:
            article = next(fresh_iter)
            cache.put("article-" + k, article)
        articles.append(dataclasses.replace(article, cache_key=k))
    articles = assign_ids(articles)
    return sorted(articles, key=sort_key, reverse=True)


def load_archive(paths: Paths, progress: Progress = _quiet, timings: dict[str, float] | None = None,
                 cache: Cache | None = None) -> Archive:
    """Every stage up to rendering: articles tagged, events detected and linked."""
    timings = timings if timings is not None else {}
    cache = cache if cache is not None else Cache(None)
    with stage(timings, "ingest"):
        data = Curated.load(paths, cache)
    articles = load_articles(paths, progress, timings, cache, data)
    progress("link", 0, 1, "")
    with stage(timings, "link"):
        events, article_events = build_events(articles, data.series, data.events, data.tagger.entities, cache)
    progress("link", 1, 1, "")
    return Archive(articles, data.tagger.used_entities(articles), events, data.series, article_events)


def raw_copies(articles: list[Article], paths: Paths) -> dict[str, bytes]:
    """The verbatim input files, published beside the articles (HTML as .txt, so it never runs)."""
    return {a.raw_name: (paths.root / a.source_file).read_bytes() for a in articles}


def build_site(paths: Paths, progress: Progress = _quiet, site_url: str | None = None,
               timings: dict[str, float] | None = None, cache: Cache | None = None,
               site_name: str = DEFAULT_SITE_NAME) -> dict[str, Output]:
    """Run every stage; every generated page and file, in memory. Raises InputError on bad input."""
    timings = timings if timings is not None else {}
    cache = cache if cache is not None else Cache(paths.cache)
    try:
        labels = load_labels(paths.labels_file)
        archive = load_archive(paths, progress, timings, cache)
    except InputError as exc:
        raise exc.relative_to(paths.root) from None
    progress("render", 0, 1, "")
    with stage(timings, "render"):
        try:
            outputs = render_site(archive, paths.templates, raw_copies(archive.articles, paths), labels,
                                  site_url or os.environ.get("SITE_URL") or DEFAULT_SITE_URL, site_name, cache,
                                  code_version(paths.templates, paths.data, paths.labels_file))
        except SiteCollision as exc:
            raise explain_collision(exc, paths.seeds, paths.data / "events.yml").relative_to(paths.root) from None
    progress("render", 1, 1, "")
    return outputs
