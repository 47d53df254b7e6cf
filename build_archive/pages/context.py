"""What every page generator reads: the archive, indexes built once over it, and the renderer."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar, cast

import jinja2
from jinja2 import meta

from build_archive.common.textnorm import vi_sort_key
from build_archive.link.events import events_by_article
from build_archive.link.mentions import FigureRow, Mention, by_entity, provisional_entities
from build_archive.model.archive import Archive
from build_archive.model.article import Article
from build_archive.model.entity import ENTITY_TYPES
from build_archive.model.event import Event, Series, event_sort_key
from build_archive.model.urls import page_url
from build_archive.pages import figures as fig
from build_archive.pages.env import environment, summary
from build_archive.pages.inline import entity_pages
from build_archive.pages.labels import Labels
from build_archive.pages.output import PageOutput
from build_archive.pipeline.cache import Cache, key
from build_archive.pipeline.fingerprint import Fingerprints

UNKNOWN_YEAR = "Không rõ năm"
T = TypeVar("T")


@dataclass
class SiteContext:
    archive: Archive
    env: jinja2.Environment
    site_url: str
    cache: Cache
    raw_files: dict[str, bytes]
    labels: Labels
    site_name: str
    version: str = ""  # the code version (pipeline/cache.py); "" renders every page afresh
    prints: Fingerprints = field(default_factory=Fingerprints)
    mentions: dict[str, tuple[Mention, ...]] = field(init=False)
    events: list[Event] = field(init=False)
    events_by_id: dict[str, Event] = field(init=False)
    series_by_id: dict[str, Series] = field(init=False)
    events_of_article: dict[str, list[Event]] = field(init=False)
    mentioned_at: dict[tuple[str, str | None], set[str]] = field(init=False)  # (article, anchor) → event ids
    covering: dict[str, frozenset[str]] = field(init=False)  # event id → ids of the articles covering it
    entity_pages: dict[str, str] = field(init=False)
    names: dict[str, str] = field(init=False)
    rows: list[FigureRow] = field(init=False)
    common: dict[str, Any] = field(init=False)

    def __post_init__(self) -> None:
        archive = self.archive
        articles = archive.articles
        self.site_url = self.site_url.rstrip("/") + "/"
        self.mentions = by_entity_merged([self.of_article("mentions", a, lambda a: by_entity([a])) for a in articles])
        self.names = {e.id: e.name for e in archive.entities}
        self.rows = [row for a in articles for row in self.figure_rows_of(a)]
        self.events = sorted(archive.events, key=event_sort_key)
        self.events_by_id = {e.id: e for e in self.events}
        self.series_by_id = {s.id: s for s in archive.series}
        self.events_of_article = events_by_article(self.events)
        self.mentioned_at = {}
        for event in self.events:
            for m in event.mentioned_in:
                self.mentioned_at.setdefault((m.article_id, m.anchor), set()).add(event.id)
        self.covering = {e.id: frozenset(e.covered_by) for e in self.events}
        self.entity_pages = entity_pages(self.events)
        by_year: dict[str, list[Article]] = {}
        for article in articles:
            by_year.setdefault((article.published.date or "")[:4] or UNKNOWN_YEAR, []).append(article)
        events_by_year: dict[str, list[Event]] = {}
        for event in self.events:
            events_by_year.setdefault((event.date.date or "")[:4] or UNKNOWN_YEAR, []).append(event)
        self.common = {
            "articles": articles, "by_year": by_year, "provisional": provisional_entities(self.mentions),
            "review": [a for a in articles if a.review_reasons], "mentions": self.mentions,
            "entities_by_type": {t: sorted((e for e in archive.entities if e.type == t), key=lambda e: vi_sort_key(e.name))
                                 for t in ENTITY_TYPES},
            "events": self.events, "events_by_id": self.events_by_id, "series_by_id": self.series_by_id,
            "series": archive.series, "events_by_year": events_by_year, "article_events": archive.article_events,
            "articles_by_id": {a.id: a for a in articles}, "entities_by_id": {e.id: e for e in archive.entities},
            "latest_events": [e for e in reversed(self.events) if e.covered_by][:6],
        }

    @classmethod
    def create(cls, archive: Archive, templates_dir: Path, raw_files: dict[str, bytes], site_url: str,
               labels: Labels, site_name: str, cache: Cache | None = None, version: str = "") -> SiteContext:
        cache = cache or Cache(None)
        # One environment per code version in a long-lived cache (`mkdocs serve`): templates compile
        # once. Fingerprints too live across its builds (see pipeline/fingerprint.py).
        env_key = key("jinja-env", str(templates_dir), site_name, version) if version and cache.long_lived else ""
        env, prints = (cache.memory.get(env_key), cache.memory.get("fingerprints")) if env_key else (None, None)
        if not isinstance(env, jinja2.Environment):
            env = environment(templates_dir, labels, site_name)
        if not isinstance(prints, Fingerprints):
            prints = Fingerprints()
        prints.new_build()
        if env_key:
            cache.memory[env_key], cache.memory["fingerprints"] = env, prints
        return cls(archive, env, site_url, cache, raw_files, labels, site_name, version, prints)

    def memo(self, name: str, stamp: Callable[[], object], make: Callable[[], T]) -> T:
        """``make()``, re-used from the previous build of this process (``mkdocs serve``) while ``stamp()``
        is the same: for the work before a page renders, or a fragment of a whole-archive file.

        ``name`` holds one entry (the last version); ``stamp`` must say everything ``make`` reads
        apart from the code version, the site URL and the site name, which are added here.
        """
        if not self.version or not self.cache.long_lived:
            return make()
        inputs = (self.version, self.site_url, self.site_name, stamp())
        found = self.cache.memory.get("memo-" + name)
        if isinstance(found, tuple) and found[0] == inputs:
            return cast(T, found[1])
        if isinstance(found, tuple):
            self.prints.unpin(found[1])
        value = make()
        self.prints.pin(value)  # never changed once made: its fingerprint carries over to later builds
        self.cache.memory["memo-" + name] = (inputs, value)
        return value

    def of_article(self, kind: str, article: Article, make: Callable[[Article], T], *extra: object) -> T:
        """``make(article)``, re-used while the article is the same (its id and cache key) and ``extra`` too."""
        if not article.cache_key:
            return make(article)
        return self.memo(f"{kind}-{article.id}", lambda: (article.id, article.cache_key, extra), lambda: make(article))

    def figure_rows_of(self, article: Article) -> tuple[FigureRow, ...]:
        return self.of_article("figure-rows", article, lambda a: tuple(fig.figure_rows([a])))

    def render(self, path: str, template: str, **context: Any) -> PageOutput:
        """One page, re-used from the previous build of this process when nothing it reads changed.

        What a page reads is what it is given (``context``), the shared values its template names,
        and, of the shared lookup tables, the entries it looked up (recorded while it rendered).
        """
        if not self.version or not self.cache.long_lived:
            return self._render(path, template, {**self.common, **context})
        tables = {name: self.common[name] for name in self._shared_names(template)
                  if name not in context and isinstance(self.common.get(name), dict)}
        fixed = sorted(((name, value) for name, value in {"page_url": page_url(path), **{
            name: self.common[name] for name in self._shared_names(template) if name in self.common}, **context
        }.items() if name not in tables), key=lambda item: item[0])
        memo_key = "render-" + path  # one entry a page: the memory holds the last version of each
        inputs = key(self.version, template, self.site_url, self.site_name,
                     *(name.encode() + b"=" + self.prints.of(value) for name, value in fixed))
        found = self.cache.memory.get(memo_key)
        if (isinstance(found, tuple) and found[0] == inputs
                and all(self._read(tables[name], k) == p for (name, k), p in found[1].items())):
            return cast(PageOutput, found[2])
        reads: dict[tuple[str, object], bytes] = {}
        recorded = {name: _Recorded(name, table, self, reads) for name, table in tables.items()}
        output = self._render(path, template, {**self.common, **recorded, **context})
        self.cache.memory[memo_key] = (inputs, reads, output)
        return output

    def _read(self, table: dict[Any, Any], entry: object) -> bytes:
        """The fingerprint of one entry of a lookup table (``_WHOLE``: of the whole table)."""
        if entry is _WHOLE:
            return self.prints.of(table)
        return self.prints.of(table[entry]) if entry in table else b"-"

    def _shared_names(self, template: str) -> set[str]:
        """The names a template (with those it imports or includes) uses and does not set itself."""
        memo_key = key("template-names", self.version, template)
        names = self.cache.memory.get(memo_key)
        if not isinstance(names, set):
            names, todo, seen = set[str](), [template], set[str]()
            while todo:
                name = todo.pop()
                if name in seen:
                    continue
                seen.add(name)
                assert self.env.loader is not None
                ast = self.env.parse(self.env.loader.get_source(self.env, name)[0])
                names |= meta.find_undeclared_variables(ast)
                for included in meta.find_referenced_templates(ast):
                    if included is None:  # a name computed at render time: it could read anything
                        names |= set(self.common)
                    else:
                        todo.append(included)
            self.cache.memory[memo_key] = names
        return names

    def _render(self, path: str, template: str, context: dict[str, Any]) -> PageOutput:
        """One page: the template's output is the body; its top-level ``set``s are the page's metadata."""
        module = self.env.get_template(template).make_module({"page_url": page_url(path), **context})
        return PageOutput(html=str(module), title=getattr(module, "title", "") or "",
                          description=summary(getattr(module, "description", "")),
                          citation_meta=tuple(tuple(pair) for pair in getattr(module, "citation_meta", ()) or ()),
                          jsonld=getattr(module, "jsonld", "") or "")


def by_entity_merged(parts: list[dict[str, tuple[Mention, ...]]]) -> dict[str, tuple[Mention, ...]]:
    """Each article's mentions by entity (``by_entity`` of one article), joined in article order."""
    found: dict[str, list[Mention]] = {}
    for part in parts:
        for entity_id, mentions in part.items():
            found.setdefault(entity_id, []).extend(mentions)
    return {k: tuple(v) for k, v in found.items()}


_WHOLE = object()  # a read of a whole lookup table: its keys, its length, iterating over it


class _Recorded(Mapping[Any, Any]):
    """A shared lookup table as a page sees it: notes each entry the page reads, and fingerprints it."""

    def __init__(self, name: str, table: dict[Any, Any], ctx: SiteContext, reads: dict[tuple[str, object], bytes]):
        self._name, self._table, self._ctx, self._reads = name, table, ctx, reads

    def _note(self, entry: object) -> None:
        if (self._name, entry) not in self._reads:
            self._reads[self._name, entry] = self._ctx._read(self._table, entry)

    def __getitem__(self, entry: object) -> Any:
        self._note(entry)
        return self._table[entry]

    def __contains__(self, entry: object) -> bool:
        self._note(entry)
        return entry in self._table

    def __iter__(self) -> Iterator[Any]:
        self._note(_WHOLE)
        return iter(self._table)

    def __len__(self) -> int:
        self._note(_WHOLE)
        return len(self._table)
