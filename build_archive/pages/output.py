"""What a page generator produces: a page's HTML body with its metadata, or a file's bytes.

Pages go straight into MkDocs as generated pages (see ``plugin/page.py``): their HTML
is used as made, never re-read as Markdown.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass

from build_archive.model.urls import relative


@dataclass(frozen=True)
class PageOutput:
    """A generated page: its body HTML and what goes into ``page.meta`` (title, description, tags)."""

    html: str
    title: str
    description: str = ""
    citation_meta: tuple[tuple[str, str], ...] = ()
    jsonld: str = ""
    redirect_to: str = ""


Output = PageOutput | bytes  # a page, or a file copied as is (raw text, JSON, CSV, feeds)


def redirect_page(old_url: str, new_url: str, title: str) -> PageOutput:
    """A page at an old URL that sends readers (and search engines) to the new one, keeping the #anchor."""
    target = relative(old_url, new_url)
    body = (f'<meta http-equiv="refresh" content="0; url={html.escape(target)}">\n'
            f"<script>location.replace({json.dumps(target)} + location.hash);</script>\n"
            f'<p>Trang này đã chuyển tới <a href="{html.escape(target)}">{html.escape(title)}</a>.</p>\n')
    return PageOutput(html=body, title=title, redirect_to=target)
