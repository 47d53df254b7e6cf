"""Reference-manager downloads: RIS, BibTeX and CSL-JSON for each article and for the whole archive.

Each article's files sit beside its page (``articles/<id>/<id>.ris``), so a link from the
cite box is one relative step; the whole archive's are under ``data/``. A data page
lists every export the archive publishes.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from build_archive.model.citation import article_citation
from build_archive.pages.citation import bibtex_entry, csl_item, ris_entry

if TYPE_CHECKING:
    from build_archive.pages.context import SiteContext
    from build_archive.pages.output import Output

FORMATS = (("RIS", "ris"), ("BibTeX", "bib"), ("CSL-JSON", "json"))
ARCHIVE_FILES = tuple((label, f"data/luu-tru-viet-lao.{ext}") for label, ext in FORMATS)


def article_files(article_id: str) -> tuple[tuple[str, str], ...]:
    """(label, site path) of an article's own RIS, BibTeX and CSL-JSON files."""
    return tuple((label, f"articles/{article_id}/{article_id}.{ext}") for label, ext in FORMATS)


def _csl_json(items: list[dict[str, Any]]) -> bytes:
    return (json.dumps(items, ensure_ascii=False, indent=2) + "\n").encode()


def generate(ctx: SiteContext) -> Iterator[tuple[str, Output]]:
    """Per-article files, the whole archive's three files (oldest article first), and the data page."""
    records = [article_citation(a, ctx.site_url, ctx.site_name) for a in ctx.archive.articles]
    records.sort(key=lambda c: (c.date.iso if c.date else "9999", c.id))
    for record in records:
        ris, bib, csl = (path for _, path in article_files(record.id))
        yield ris, ris_entry(record).encode()
        yield bib, bibtex_entry(record).encode()
        yield csl, _csl_json([csl_item(record)])
    ris, bib, csl = (path for _, path in ARCHIVE_FILES)
    yield ris, "\r\n".join(ris_entry(r) for r in records).encode()
    yield bib, "\n".join(bibtex_entry(r) for r in records).encode()
    yield csl, _csl_json([csl_item(r) for r in records])
    yield "data/index.md", ctx.render("data/index.md", "data.html.j2", archive_files=ARCHIVE_FILES)
