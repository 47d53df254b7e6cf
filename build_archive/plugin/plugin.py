"""The archive as a MkDocs plugin: the pipeline runs before MkDocs touches site/, pages are made in memory.

``on_pre_build`` reads and validates every input and generates every page, so bad
input stops the build with the previous site intact. ``on_files`` hands the pages
to MkDocs as generated files; ``on_post_build`` indexes the site with Pagefind.
Under ``mkdocs serve`` the index is rebuilt in the background after the first
build, so an edited article shows at once and search catches up a few seconds later.
"""

from __future__ import annotations

import logging
import mimetypes
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any, Literal

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files

from build_archive.common.errors import InputError
from build_archive.pages.output import Output, PageOutput
from build_archive.pipeline.run import Paths, build_site, stage
from build_archive.plugin.config import ArchiveConfig
from build_archive.plugin.links import broken_links
from build_archive.plugin.page import digest, generated_file, nav_titles
from build_archive.plugin.pagefind_stable import stabilise

log = logging.getLogger("mkdocs.plugins.archive")


class ArchivePlugin(BasePlugin[ArchiveConfig]):
    def __init__(self) -> None:
        self.timings: dict[str, float] = {}  # seconds per stage of the last build (read by bench/scale.py)
        self.outputs: dict[str, Output] = {}
        self.digests: dict[str, str] = {}  # path → digest of the output in the previous build
        self.serving = False
        self.paths: Paths | None = None
        self._indexer: threading.Thread | None = None

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        self.serving = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path).resolve().parent
        self.paths = Paths(root, root / self.config.seeds_dir, root / self.config.data_dir,
                           root / self.config.templates_dir,
                           root / self.config.cache_dir if self.config.cache else None)
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        assert self.paths is not None
        self.timings = {}
        try:
            self.outputs = build_site(self.paths, site_url=config.site_url, timings=self.timings)
        except InputError as exc:
            raise PluginError(f"Lưu trữ Việt–Lào: bad input, nothing was built: {exc}") from None

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        with stage(self.timings, "pages"):
            digests, titles = {}, nav_titles(config.nav)
            for path, output in self.outputs.items():
                if (existing := files.get_file_from_path(path)) is not None:
                    log.warning(f"docs/{path} is hidden by the archive's generated page of the same name; "
                                "delete it (generated pages are never written to docs/)")
                    files.remove(existing)
                digests[path] = digest(output)
                files.append(generated_file(config, path, output, self.digests.get(path) == digests[path],
                                            titles.get(path)))
            self.digests = digests
        with stage(self.timings, "link check"):
            targets = {f.url for f in files} | {f.src_uri for f in files}
            pages = [(f.url, output.html) for path, output in self.outputs.items()
                     if isinstance(output, PageOutput) and (f := files.get_file_from_path(path)) is not None]
            for url, link in broken_links(pages, targets):
                log.warning(f"the generated page {url or '/'} links to '{link}', which is not in the site")
        return files

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if not self.config.search:
            return
        if self.serving and self._indexer is not None:  # a rebuild under `mkdocs serve`
            self._indexer.join()
            self._indexer = threading.Thread(target=self._index, args=(config.site_dir,), daemon=True)
            self._indexer.start()
            return
        self._index(config.site_dir)
        if self.serving:
            self._indexer = threading.Thread(target=lambda: None)
            self._indexer.start()

    def _index(self, site_dir: str) -> None:
        """Index the built site with Pagefind (a chunked index: a first query fetches little)."""
        start = time.perf_counter()
        result = subprocess.run([sys.executable, "-m", "pagefind", "--site", site_dir, "--silent"],
                                capture_output=True, text=True)
        if result.returncode != 0:
            raise PluginError(f"Pagefind could not index {site_dir}: {result.stderr or result.stdout}")
        stabilise(site_dir)
        self.timings["search index"] = time.perf_counter() - start

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        # The raw seeds are UTF-8 .txt files; say so, as GitHub Pages does, or the
        # preview shows them as Latin-1 mojibake.
        mimetypes.add_type("text/plain; charset=utf-8", ".txt")
        assert self.paths is not None
        for folder in (self.paths.seeds, self.paths.data, self.paths.templates):
            server.watch(str(folder))
        return server
