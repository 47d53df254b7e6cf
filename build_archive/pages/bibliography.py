"""Reference-manager downloads: RIS, BibTeX and CSL-JSON for each article and for the whole archive.

Each article's files sit beside its page (``articles/<id>/<id>.ris``), so a link from the
cite box is one relative step; the whole archive's are under ``data/``. A data page
lists every export the archive publishes.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from build_archive.model.article import Article
from build_archive.model.citation import Citation, article_citation
from build_archive.pages.citation import bibtex_entry, csl_item, ris_entry
from build_archive.pages.exports import json_items, json_list

if TYPE_CHECKING:
    from build_archive.pages.context import SiteContext
    from build_archive.pages.output import Output

FORMATS = (("RIS", "ris"), ("BibTeX", "bib"), ("CSL-JSON", "json"))
ARCHIVE_FILES = tuple((label, f"data/luu-tru-viet-lao.{ext}") for label, ext in FORMATS)


def article_files(article_id: str) -> tuple[tuple[str, str], ...]:
    """(label, site path) of an article's own RIS, BibTeX and CSL-JSON files."""
    return tuple((label, f"articles/{article_id}/{article_id}.{ext}") for label, ext in FORMATS)


def _entries(article: Article, site_url: str, site_name: str) -> tuple[Citation, str, str, str]:
    """An article's citation, its RIS and BibTeX entries and its CSL-JSON item (a fragment, see ``json_items``)."""
    record = article_citation(article, site_url, site_name)
    return record, ris_entry(record), bibtex_entry(record), json_items([csl_item(record)], 2)


def generate(ctx: SiteContext) -> Iterator[tuple[str, Output]]:
    """Per-article files, the whole archive's three files (oldest article first), and the data page."""
    entries = [ctx.of_article("bibliography", a, lambda a: _entries(a, ctx.site_url, ctx.site_name))
               for a in ctx.archive.articles]
    entries.sort(key=lambda e: (e[0].date.iso if e[0].date else "9999", e[0].id))
    for record, ris_text, bib_text, csl_text in entries:
        ris, bib, csl = (path for _, path in article_files(record.id))
        yield ris, ris_text.encode()
        yield bib, bib_text.encode()
        yield csl, json_list([csl_text])
    ris, bib, csl = (path for _, path in ARCHIVE_FILES)
    yield ris, "\r\n".join(e[1] for e in entries).encode()
    yield bib, "\n".join(e[2] for e in entries).encode()
    yield csl, json_list(e[3] for e in entries)
    yield "data/index.md", ctx.render("data/index.md", "data.html.j2", archive_files=ARCHIVE_FILES)
