"""What Pagefind reads: the searchable pages, and in a one-shot build only their content.

Pagefind parses a whole page to find the part marked ``data-pagefind-body``; Material's head,
header, tabs, sidebar and icons are most of a page's bytes. As MkDocs writes a searchable page,
a copy cut down to the ``<html>`` tag (its language), the ``<title>`` and Material's content
``<article>`` (which holds the body with its filters, metadata and sort keys) goes into a folder
Pagefind reads instead of the site: the same index (a test compares the bytes) from half the HTML.
"""

from __future__ import annotations

import re
from pathlib import Path

# The pages whose templates mark a body to index: an article, an event, an entity. Every other
# page would be parsed only to be skipped, the source views among them.
SEARCHED_PAGES = "{articles/*,events/*,entities/*/*}/index.html"

_HEAD, _ALTERNATIVES, _TAIL = re.fullmatch(r"(.*)\{(.*)\}(.*)", SEARCHED_PAGES).groups()  # type: ignore[union-attr]
_SEARCHED = re.compile("|".join(re.escape(_HEAD + alt + _TAIL).replace(r"\*", "[^/]+")
                                for alt in _ALTERNATIVES.split(",")))
_CONTENT = '<article class="md-content__inner md-typeset">'  # Material's base.html
_HTML = re.compile(r"<html[^>]*>")
_TITLE = re.compile(r"<title>.*?</title>", re.S)


def searched(dest_uri: str) -> bool:
    """Whether a site file is one Pagefind reads (``SEARCHED_PAGES``)."""
    return _SEARCHED.fullmatch(dest_uri) is not None


def content_of(page: str) -> str:
    """The page as Pagefind needs it; the whole page if Material's markup is not where expected."""
    start, end = page.find(_CONTENT), page.rfind("</article>")
    html, title = _HTML.search(page), _TITLE.search(page)
    if start < 0 or end < start or html is None or title is None:
        return page
    return (f'<!doctype html>\n{html.group(0)}<head><meta charset="utf-8">{title.group(0)}</head>'
            f'<body>{page[start:end + len("</article>")]}</body></html>\n')


def write_copy(folder: Path, dest_uri: str, page: str) -> None:
    """Put a searchable page's content where Pagefind will read it (pages without a body are skipped)."""
    if searched(dest_uri) and "data-pagefind-body" in page:
        path = folder / dest_uri
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content_of(page).encode("utf-8", errors="xmlcharrefreplace"))  # as MkDocs writes it
