"""Every link a generated page makes inside the site must reach a page or file of the site.

MkDocs checks links in Markdown; generated pages skip Markdown, so the plugin checks
theirs here and reports a broken one as a warning (a failure under ``--strict``).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable
from urllib.parse import unquote, urlsplit

_LINK_RE = re.compile(r'\s(?:href|src)="([^"#?][^"]*)"')


def broken_links(pages: Iterable[tuple[str, str]], targets: set[str]) -> list[tuple[str, str]]:
    """(page URL, link) for each relative link in ``pages`` (URL, HTML) that reaches none of ``targets``.

    ``targets`` are site paths: page URLs (``articles/x/``) and file paths (``raw/x.txt``).
    """
    broken = []
    for url, body in pages:
        for link in set(_LINK_RE.findall(body)):
            parts = urlsplit(link)
            if parts.scheme or parts.netloc or link.startswith(("/", "mailto:", "data:")):
                continue
            path = unquote(parts.path).replace("&amp;", "&")
            resolved = posixpath.normpath(posixpath.join(url, path)).lstrip("./")
            if path.endswith("/") or path in ("", "."):
                resolved = (resolved + "/").lstrip("/") if resolved not in ("", ".") else ""
            if resolved not in targets and resolved.rstrip("/") + "/" not in targets:
                broken.append((url, link))
    return sorted(broken)


def folder_clashes(dest_paths: Iterable[str]) -> list[tuple[str, str]]:
    """(file, path below it) where one output is a file and another needs a folder of that name.

    A redirect at ``javascripts/search.js/`` would need ``javascripts/search.js`` to be a folder.
    """
    dests = sorted(set(dest_paths))
    files = set(dests)
    clashes = []
    for path in dests:
        parts = path.split("/")
        for n in range(1, len(parts)):
            folder = "/".join(parts[:n])
            if folder in files:
                clashes.append((folder, path))
    return clashes
