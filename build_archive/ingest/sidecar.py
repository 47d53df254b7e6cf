"""Sidecars: an editor's corrections for one article (seeds/<name>.yml), validated on load."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from build_archive.common.errors import InputError
from build_archive.common.sitepaths import path_problem
from build_archive.common.yamldata import Field, check_mapping, line_of, load_file
from build_archive.date.patterns import CURATED_DATE_RE

_STR_LIST = Field((list,), items=str)

SIDECAR_SCHEMA = {
    "title": Field((str,)),
    "outlet": Field((str,)),
    "author": Field((str,)),
    "original_outlet": Field((str,)),
    "source_url": Field((str,)),
    "date": Field((str, int)),
    "redirect_from": _STR_LIST,
    "note": Field((str,)),
}
MAX_FIELD_CHARS = 1_000  # a title, outlet or author longer than this is a paste gone wrong


def _real_date(text: str) -> bool:
    parts = [int(p) for p in text.split("-")] + [1, 1]
    try:
        dt.date(*parts[:3])
    except ValueError:
        return False
    return True


def load_sidecar(path: Path) -> dict[str, Any]:
    """An editor's corrections for one article; values it sets win and are shown as curated."""
    data, node = load_file(path)
    data = check_mapping(path, data, node, SIDECAR_SCHEMA, "a sidecar")
    values = {k.value: v for k, v in node.value} if node is not None else {}
    for name in ("title", "outlet", "author", "original_outlet", "source_url"):
        if len(data.get(name, "")) > MAX_FIELD_CHARS:
            raise InputError(path, f"'{name}' has {len(data[name]):,} characters (the limit is {MAX_FIELD_CHARS:,})",
                             line=line_of(values[name]))
    for item, item_node in zip(data.get("redirect_from", ()), getattr(values.get("redirect_from"), "value", ()),
                               strict=True):
        if problem := path_problem(item):
            raise InputError(path, f"redirect_from {problem}", line=line_of(item_node))
    if "date" in data:
        data["date"] = str(data["date"])
        if not CURATED_DATE_RE.match(data["date"]) or not _real_date(data["date"]):
            line = line_of(values.get("date"))
            raise InputError(path, f"date '{data['date']}' must be YYYY, YYYY-MM or YYYY-MM-DD", line=line)
    return data
