"""Site paths named by input (redirect sources, event ids, merge targets): relative, inside the site.

A path an editor writes becomes a folder the build writes into, so it is checked
before anything else sees it: no ``..``, no leading ``/``, no empty or hidden
segment, only characters a URL carries as they are, and never a folder the
build or Pagefind owns. Collisions with pages the site makes are checked once
every page is known (``pages/site.py`` and the plugin).
"""

from __future__ import annotations

import re

SLUG_RE = re.compile(r"[a-z0-9][a-z0-9-]{0,150}")  # ids that become one URL segment
_SEGMENT_RE = re.compile(r"[A-Za-z0-9_~-][A-Za-z0-9._~-]{0,150}")
RESERVED = ("pagefind", "404.html", "sitemap.xml", "sitemap.xml.gz", "assets")  # written by Pagefind, MkDocs, Material


def slug_problem(value: str) -> str | None:
    """Why ``value`` cannot be an id in a URL, or None."""
    if SLUG_RE.fullmatch(value):
        return None
    return f"'{value}' is not an id: use lower-case letters without marks, digits and '-' (e.g. 'ky-hop-2023')"


def path_problem(value: str) -> str | None:
    """Why ``value`` cannot be a site path (``articles/old-slug/``), or None."""
    if value.startswith("/"):
        return f"'{value}' is absolute: write the path from the site's root without the leading '/'"
    segments = value.removesuffix("/").split("/")
    if value in ("", "/") or any(s in ("", ".", "..") for s in segments):
        return f"'{value}' is not a page path: it must name a folder inside the site, without '..' or '//'"
    bad = next((s for s in segments if not _SEGMENT_RE.fullmatch(s)), None)
    if bad is not None:
        return (f"'{value}' has the segment '{bad}': use letters, digits and - _ . ~ only, "
                "not starting with '.'")
    if segments[0] in RESERVED:
        return f"'{value}' is inside '{segments[0]}', which the build itself writes"
    return None
