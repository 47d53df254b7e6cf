"""Curated event knowledge: the series (data/series.yml) and editors' events (data/events.yml), validated on load."""

from __future__ import annotations

import re
from pathlib import Path

from build_archive.common.errors import InputError
from build_archive.common.yamldata import Field, line_of, load_records
from build_archive.model.event import CuratedEvents, Series

_PATTERN_LIST = Field((list,), items=str)
_SERIES_SCHEMA = {"id": Field((str,), required=True), "name": Field((str,), required=True), "en": Field((str,)),
                  "kind": Field((str,), required=True), "numbered": Field((bool,)), "title": Field((str,)),
                  "patterns": _PATTERN_LIST, "next_patterns": _PATTERN_LIST}
_EVENT_SCHEMA = {"id": Field((str,), required=True), "title": Field((str,)), "en": Field((str,)),
                 "kind": Field((str,)), "date": Field((str, int)), "place": Field((str,)),
                 "entity": Field((str,)), "agreements": _PATTERN_LIST, "merge": _PATTERN_LIST,
                 "articles": _PATTERN_LIST, "anniversary_patterns": _PATTERN_LIST,
                 "anniversary_title": Field((str,)), "series": Field((str,)), "ordinal": Field((int,))}
_DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def _compile(path: Path, patterns: list[str], line: int | None) -> tuple[re.Pattern[str], ...]:
    out = []
    for pattern in patterns:
        try:
            out.append(re.compile(pattern))
        except re.error as exc:
            raise InputError(path, f"pattern '{pattern}' is not a regular expression: {exc}", line=line) from None
    return tuple(out)


def load_series(path: Path) -> tuple[Series, ...]:
    series = []
    for entry, item_node in load_records(path, "series", _SERIES_SCHEMA, "a series"):
        series.append(Series(entry["id"], entry["name"], entry.get("en"), entry["kind"], entry.get("numbered", False),
                             entry.get("title"), _compile(path, entry.get("patterns", []), line_of(item_node)),
                             _compile(path, entry.get("next_patterns", []), line_of(item_node))))
    return tuple(series)


def load_curated_events(path: Path) -> CuratedEvents:
    entries = []
    for entry, item_node in load_records(path, "events", _EVENT_SCHEMA, "an event"):
        if "date" in entry:
            entry["date"] = str(entry["date"])
            if not _DATE_RE.match(entry["date"]):
                raise InputError(path, f"event date '{entry['date']}' must be YYYY, YYYY-MM or YYYY-MM-DD",
                                 line=line_of(item_node))
        entry["_line"] = line_of(item_node)
        entry["_anniversary"] = _compile(path, entry.get("anniversary_patterns", []), line_of(item_node))
        entries.append(entry)
    return CuratedEvents(tuple(entries), path)
