"""Sidecars: an editor's corrections for one article (seeds/<name>.yml), validated on load."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from build_archive.common.errors import InputError
from build_archive.common.yamldata import Field, check_mapping, line_of, load_file

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
_DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def _real_date(text: str) -> bool:
    parts = [int(p) for p in text.split("-")] + [1, 1]
    try:
        dt.date(*parts[:3])
    except ValueError:
        return False
    return True


def load_sidecar(path: Path) -> dict:
    """An editor's corrections for one article; values it sets win and are shown as curated."""
    data, node = load_file(path)
    data = check_mapping(path, data, node, SIDECAR_SCHEMA, "a sidecar")
    if "date" in data:
        data["date"] = str(data["date"])
        if not _DATE_RE.match(data["date"]) or not _real_date(data["date"]):
            line = next((line_of(v) for k, v in node.value if k.value == "date"), None)
            raise InputError(path, f"date '{data['date']}' must be YYYY, YYYY-MM or YYYY-MM-DD", line=line)
    return data
