"""The archive as a MkDocs plugin: the pipeline runs before MkDocs touches site/, pages are made in memory.

``on_pre_build`` reads and validates every input and generates every page, so bad
input stops the build with the previous site intact. ``on_files`` hands the pages
to MkDocs as generated files; ``on_post_build`` indexes the site with Pagefind.
Under ``mkdocs serve`` the index is rebuilt in the background after the first
build, so an edited article shows at once and search catches up a few seconds later.
``mkdocs build`` writes into a folder beside site/ and swaps it in when complete
(``atomic.py``); ``serve`` and ``--dirty`` builds write in place as MkDocs does.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import logging
import mimetypes
import os
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal, cast

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import CountHandler
from mkdocs.utils.templates import TemplateContext

from build_archive.common.errors import InputError, SiteCollision
from build_archive.link.curated import explain_collision
from build_archive.pages.output import Output, PageOutput
from build_archive.pipeline.cache import Cache
from build_archive.pipeline.run import Paths, build_site, stage
from build_archive.plugin.atomic import AtomicSite
from build_archive.plugin.config import ArchiveConfig
from build_archive.plugin.links import broken_links, folder_clashes
from build_archive.plugin.page import ArchivePage, digest, generated_file, nav_titles
from build_archive.plugin.pagefind_stable import stabilise
from build_archive.plugin.search_input import SEARCHED_PAGES, write_copy

log = logging.getLogger("mkdocs.plugins.archive")
GC_DELAY = 1.0  # seconds after a `mkdocs serve` rebuild before garbage collection resumes


class ArchivePlugin(BasePlugin[ArchiveConfig]):
    def __init__(self) -> None:
        self.timings: dict[str, float] = {}  # seconds per stage of the last build (read by bench/scale.py)
        self.outputs: dict[str, Output] = {}
        self.previous: dict[str, tuple[Output, str]] = {}  # path → (output, digest) of the previous build
        self.cache: Cache | None = None
        self.serving = False
        self.dirty = False
        self.atomic: AtomicSite | None = None  # set while a `mkdocs build` writes its new folder
        self.paths: Paths | None = None
        self._indexer: threading.Thread | None = None
        self._indexed = False  # the first build of `mkdocs serve` indexes in the foreground
        self._pending: str | None = None
        self._lock = threading.Lock()
        self._building = False  # between on_pre_build and the build's end (guarded by _lock)
        self._in_nav: set[int] = set()
        self._written: dict[str, str] = {}  # under `mkdocs serve`: generated path → where the last build wrote it
        self._shareable = False
        self._fragments: dict[tuple[object, ...], str] = {}
        self.site_name = ""  # mkdocs.yml's site_name, set in on_config
        self._compiled = _CompiledTemplates()
        self._search_input: Path | None = None  # a one-shot build's pages as Pagefind reads them (search_input.py)

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        self.serving = command == "serve"
        self.dirty = dirty

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path).resolve().parent
        self.paths = Paths(root, root / self.config.seeds_dir, root / self.config.data_dir,
                           root / self.config.templates_dir,
                           root / self.config.cache_dir if self.config.cache else None,
                           max_seed_bytes=int(self.config.max_file_mb * 1024 * 1024),
                           labels=root / self.config.labels)
        self.site_name = config.site_name
        # MkDocs calls on_config before every build; under `mkdocs serve` the cache is kept across
        # rebuilds, with its memory layer (articles unpickled once) and the pages rendered last time.
        if self.cache is None or self.cache.folder != self.paths.cache or not self.serving:
            self.cache = Cache(self.paths.cache, long_lived=self.serving)
        if not self.serving and not self.dirty:
            self.atomic = AtomicSite(Path(config.site_dir))
            try:
                config.site_dir = str(self.atomic.begin())
            except OSError as exc:
                self.atomic = None
                raise PluginError(f"{self.site_name}: cannot prepare a new site beside {config.site_dir}: "
                                  f"{exc.strerror} ({exc.filename}); check that its folder is writable") from None
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        assert self.paths is not None and self.cache is not None
        # No cyclic garbage collection during a build: the archive is many long-lived objects that
        # every collection would walk again (under `mkdocs serve`, several previous builds' worth).
        with self._lock:
            self._building = True
            gc.disable()
        self.timings = {}
        self.cache.reset_counts()
        try:
            self.outputs = build_site(self.paths, site_url=config.site_url, timings=self.timings, cache=self.cache,
                                      site_name=self.site_name)
        except InputError as exc:
            raise PluginError(f"{self.site_name}: bad input, nothing was built: {exc}") from None

    def _refuse_clash(self, url: str, other: str) -> None:
        assert self.paths is not None
        exc = explain_collision(SiteCollision(url, other), self.paths.seeds, self.paths.data / "events.yml")
        raise PluginError(f"{self.site_name}: bad input, nothing was built: {exc.relative_to(self.paths.root)}")

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        with stage(self.timings, "pages"):
            current, changed, titles, written = {}, set(), nav_titles(config.nav), {}
            by_dest = {f.dest_uri: f for f in files}
            for path, output in self.outputs.items():
                same = False
                if self.serving:  # only a `mkdocs serve` rebuild asks what changed since the last build
                    before = self.previous.get(path)
                    # The cache hands back the very same object for an unchanged article: no need to hash it.
                    hashed = before[1] if before is not None and before[0] is output else digest(output)
                    same = before is not None and before[1] == hashed
                    current[path] = (output, hashed)
                if not same:
                    changed.add(path)
                file = generated_file(config, path, output, same, titles.get(path))
                if isinstance(output, PageOutput) and output.redirect_to and file.dest_uri in by_dest:
                    self._refuse_clash(file.url, f"the hand-written docs/{by_dest[file.dest_uri].src_uri}")
                if (existing := files.get_file_from_path(path)) is not None:
                    log.warning(f"docs/{path} is hidden by the archive's generated page of the same name; "
                                "delete it (generated pages are never written to docs/)")
                    files.remove(existing)
                files.append(file)
                if self.serving:
                    written[path] = file.abs_dest_path
            self.previous = current
            self._remove_stale(written)
            for folder, path in folder_clashes(f.dest_uri for f in files):
                self._refuse_clash(folder + "/", f"the file {folder} (it cannot also be a folder for {path})")
        with stage(self.timings, "link check"):
            # A full build checks every page; a `mkdocs serve` rebuild only the pages that changed.
            targets = {f.url for f in files} | {f.src_uri for f in files}
            pages = [(f.url, output.html) for path, output in self.outputs.items()
                     if isinstance(output, PageOutput) and (not self.serving or path in changed)
                     and (f := files.get_file_from_path(path)) is not None]
            for url, link in broken_links(pages, targets):
                log.warning(f"the generated page {url or '/'} links to '{link}', which is not in the site")
        return files

    def _remove_stale(self, written: dict[str, str]) -> None:
        """Under `mkdocs serve`, delete what the previous build generated and this one does not (a seed
        removed or renamed): MkDocs' dirty rebuilds never delete, and the served site must be what a clean
        build writes."""
        for path in self._written.keys() - written.keys():
            dest = Path(self._written[path])
            dest.unlink(missing_ok=True)
            with contextlib.suppress(OSError):  # the page's folder, if now empty
                dest.parent.rmdir()
        self._written = written

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        self._in_nav = {id(page) for page in nav.pages}
        self._fragments = {}
        self._shareable = all(page.url.count("/") <= 1 for page in nav.pages)  # see on_page_context
        return nav

    def on_env(self, env: jinja2.Environment, *, config: MkDocsConfig, files: Files) -> jinja2.Environment:
        """MkDocs renders the pages next.

        Under `mkdocs serve` its templates (Material's page and partials) are compiled once, not on
        every rebuild, and collection waits until the edited page is served (on_post_build). A one-shot
        build freezes what lives to the end (the archive, the pages) out of the collector's sight and
        resumes collection, so what rendering a page leaves behind is freed as it goes; it never reads
        the outputs again: each page's HTML is dropped once written (on_post_page).
        """
        if self.serving:
            env.bytecode_cache = self._compiled
            return env
        gc.freeze()
        gc.enable()
        assert self.cache is not None
        self.outputs = {}
        self.cache.memory.clear()  # only `mkdocs serve` rebuilds read it again
        if self.config.search and self.atomic is not None:  # not --dirty, which renders only some pages
            # Beside site/ under the build's lock; a killed build's copy goes at the next build.
            self._search_input = self.atomic.final.with_name(f".{self.atomic.final.name}.search")
            shutil.rmtree(self._search_input, ignore_errors=True)
            self._search_input.mkdir()
        return env

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        if not self.serving and isinstance(page, ArchivePage):
            page.release()
        if self._search_input is not None:
            write_copy(self._search_input, page.file.dest_uri, output)
        return output

    def on_page_context(self, context: TemplateContext, *, page: Page, config: MkDocsConfig,
                        nav: Navigation) -> TemplateContext:
        """Share what Material renders the same among generated pages outside the nav at the same depth.

        The tabs, sidebar, header (but its title), styles, scripts and footer (templates/overrides/):
        no nav item is active, and MkDocs makes every link to a nav page (all of them one folder deep)
        or to an asset relative by the page's depth and its first folder alone.
        """
        if self._shareable and isinstance(page, ArchivePage) and id(page) not in self._in_nav and not page.toc:
            scope = (page.url.split("/")[0], page.url.count("/"), tuple(page.meta.get("hide", ())), page.edit_url)
            # Jinja takes any key; MkDocs' TemplateContext lists only its own.
            cast(dict[str, Any], context)["archive_memo"] = functools.partial(self._fragment, scope)
        return context

    def _fragment(self, scope: tuple[object, ...], name: str, caller: Callable[[], str]) -> str:
        key = (name, *scope)
        if key not in self._fragments:
            self._fragments[key] = caller()
        return self._fragments[key]

    def on_build_error(self, *, error: Exception) -> None:
        gc.unfreeze()
        self._enable_gc()
        self._drop_search_input()
        if self.atomic is not None:
            self.atomic.abandon()
            self.atomic = None
            if isinstance(error, OSError):  # a full disk, a read-only folder: a message, not a traceback
                log.error(f"{self.site_name}: could not write the site: {error}; site/ is as it was")
                raise Abort("Aborted: the site could not be written") from None

    def on_shutdown(self) -> None:
        if self.atomic is not None:
            self.atomic.abandon()
        self._drop_search_input()

    def _drop_search_input(self) -> None:
        if self._search_input is not None:
            shutil.rmtree(self._search_input, ignore_errors=True)
            self._search_input = None

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.serving:
            # Everything the build made is young: the first collection walks all of it (a few tenths
            # of a second). Under `mkdocs serve` it runs a second later, once the edited page is served.
            with self._lock:
                self._building = False
            timer = threading.Timer(GC_DELAY, self._enable_gc, kwargs={"unless_building": True})
            timer.daemon = True
            timer.start()
        else:
            gc.unfreeze()
            self._enable_gc()
        if self.config.search:
            if self.serving and self._indexed:
                self._request_index(config.site_dir)  # in the background: the edited page shows at once
            else:
                self._index(config.site_dir)
                self._indexed = True
        if self.atomic is not None:
            if config.strict and _strict_warnings():
                return  # MkDocs aborts next; on_build_error drops the new folder
            self.atomic.commit()
            config.site_dir = str(self.atomic.final)  # for `gh-deploy`, which reads it after the build
            self.atomic = None
        if self.serving:
            log.info("archive stages (s): " + ", ".join(f"{k} {v:.2f}" for k, v in self.timings.items()))

    def _enable_gc(self, unless_building: bool = False) -> None:
        with self._lock:
            if not (unless_building and self._building):
                self._building = False
                gc.enable()

    def _index(self, site_dir: str, background: bool = False) -> None:
        """Index the built site with Pagefind (a chunked index: a first query fetches little).

        In the background (``mkdocs serve``) it runs at the lowest CPU priority, so it never slows
        the rebuild that shows an editor's change.
        """
        start = time.perf_counter()
        if self._search_input is not None and not background:  # a one-shot build: its pages' content only
            source = ["--site", str(self._search_input), "--output-path", str(Path(site_dir) / "pagefind")]
        else:
            source = ["--site", site_dir, "--glob", SEARCHED_PAGES]
        result = subprocess.run([sys.executable, "-m", "pagefind", *source, "--silent"],
                                capture_output=True, text=True, preexec_fn=(lambda: os.nice(19)) if background else None)
        self._drop_search_input()
        if result.returncode != 0:
            raise PluginError(f"Pagefind could not index {site_dir}: {result.stderr or result.stdout}")
        stabilise(site_dir)
        self.timings["search index"] = time.perf_counter() - start

    def _request_index(self, site_dir: str) -> None:
        """Re-index after the running indexing (if any) ends; requests made meanwhile collapse into one."""
        with self._lock:
            self._pending = site_dir
            if self._indexer is not None and self._indexer.is_alive():
                return
            self._indexer = threading.Thread(target=self._index_pending, daemon=True)
            self._indexer.start()

    def _index_pending(self) -> None:
        while True:
            with self._lock:
                site_dir, self._pending = self._pending, None
            if site_dir is None:
                return
            try:
                self._index(site_dir, background=True)
            except PluginError as exc:
                log.error(str(exc))

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        # The raw seeds are UTF-8 .txt files; say so, as GitHub Pages does, or the
        # preview shows them as Latin-1 mojibake.
        mimetypes.add_type("text/plain; charset=utf-8", ".txt")
        assert self.paths is not None
        for folder in (self.paths.seeds, self.paths.data, self.paths.templates):
            server.watch(str(folder))
        return server


def _strict_warnings() -> bool:
    """Whether MkDocs' strict-mode counter has seen a warning (it aborts after on_post_build)."""
    return any(isinstance(h, CountHandler) and h.get_counts() for h in logging.getLogger("mkdocs").handlers)


class _CompiledTemplates(jinja2.BytecodeCache):
    """Compiled templates kept in memory, by name and source: an edited template compiles again."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self._code:
            bucket.bytecode_from_string(self._code[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()
