"""Generated pages and files handed to MkDocs in memory, their HTML used as made.

An ``ArchivePage`` skips Python-Markdown: its body is HTML the page templates
already escaped, so a Markdown pass would only re-parse it (most of a build's time).
An ``ArchiveFile`` remembers whether its bytes changed since the previous build in
this process, so ``mkdocs serve --dirty`` rebuilds only the pages an edit touched.
"""

from __future__ import annotations

import hashlib
import html
import os
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from build_archive.pages.output import Output, PageOutput


class ArchiveFile(File):
    unchanged = False  # same bytes as in the previous build of this process

    def is_modified(self) -> bool:
        return not (self.unchanged and os.path.isfile(self.abs_dest_path))


def page_meta(output: PageOutput, homepage: bool = False) -> dict[str, Any]:
    """``page.meta`` as Material's templates read it; they print titles and descriptions unescaped.

    The home page has no meta title, so its <title> is the site's name alone, not said twice.
    """
    hide = ["toc", "navigation"]  # the nav lists only the index pages, shown as tabs: the left column would be empty
    meta: dict[str, Any] = {"hide": hide} if homepage else {"title": html.escape(output.title), "hide": hide}
    if output.description:
        meta["description"] = html.escape(output.description)
    if output.citation_meta:
        meta["citation_meta"] = [list(pair) for pair in output.citation_meta]
    if output.jsonld:
        meta["jsonld"] = output.jsonld
    if output.redirect_to:
        meta["redirect_to"] = output.redirect_to
    return meta


class ArchivePage(Page):
    def __init__(self, file: File, config: MkDocsConfig, output: PageOutput, nav_title: str | None) -> None:
        super().__init__(nav_title, file, config)
        self.output: PageOutput | None = output
        # Set now, not only in read_source: a dirty build reads only changed pages, but the
        # navigation shows every page's title.
        self.markdown, self.meta = "", page_meta(output, self.is_homepage)

    def read_source(self, config: MkDocsConfig) -> None:
        assert self.output is not None, "a released page is not read again"
        self.markdown, self.meta = "", page_meta(self.output, self.is_homepage)

    def render(self, config: MkDocsConfig, files: Files) -> None:
        assert self.output is not None, "a released page is not rendered again"
        self.content = self.output.html
        self.toc = get_toc([])
        self.links_to_anchors = {}

    def release(self) -> None:
        """Let go of the page's HTML once MkDocs has it written (a one-shot build never reads it again)."""
        self.output = None
        self.content = None


def digest(output: Output) -> str:
    data = output if isinstance(output, bytes) else repr(output).encode()
    return hashlib.sha256(data).hexdigest()


def nav_titles(nav: Any) -> dict[str, str]:
    """The titles mkdocs.yml's nav gives to pages: path → title."""
    titles: dict[str, str] = {}
    for item in nav or []:
        if isinstance(item, dict):
            for title, value in item.items():
                if isinstance(value, str):
                    titles[value] = title
                else:
                    titles.update(nav_titles(value))
    return titles


def generated_file(config: MkDocsConfig, path: str, output: Output, unchanged: bool,
                   nav_title: str | None = None) -> ArchiveFile:
    """A file of the site that exists only in memory: a page, or bytes copied as they are."""
    file = ArchiveFile.generated(config, path, content=output if isinstance(output, bytes) else "")
    assert isinstance(file, ArchiveFile)
    file.unchanged = unchanged
    if isinstance(output, PageOutput):
        ArchivePage(file, config, output, nav_title)  # sets file.page
    return file
