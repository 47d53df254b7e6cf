"""Curated event knowledge: the series (data/series.yml) and editors' events (data/events.yml), validated on load."""

from __future__ import annotations

import re
import string
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from build_archive.common.errors import InputError, SiteCollision
from build_archive.common.sitepaths import slug_problem
from build_archive.common.yamldata import Field, line_of, load_file, load_records
from build_archive.date.patterns import CURATED_DATE_RE
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


def _compile(path: Path, patterns: list[str], line: int | None) -> tuple[re.Pattern[str], ...]:
    out = []
    for pattern in patterns:
        try:
            out.append(re.compile(pattern))
        except re.error as exc:
            raise InputError(path, f"pattern '{pattern}' is not a regular expression: {exc}", line=line) from None
    return tuple(out)


def _check_template(path: Path, entry: dict[str, Any], key: str, fields: set[str], line: int | None) -> None:
    """A title the code fills with ``str.format``: only the named fields, no attribute or index access."""
    text = entry.get(key)
    if text is None:
        return
    allowed = ", ".join("{" + f + "}" for f in sorted(fields))
    try:
        names = [(name, spec) for _, name, spec, _ in string.Formatter().parse(text) if name is not None]
    except ValueError as exc:
        raise InputError(path, f"{key} '{text}' has a stray brace ({exc}); write {{{{ or }}}} for a literal brace",
                         line=line) from None
    for name, spec in names:
        if name not in fields or "{" in (spec or ""):
            raise InputError(path, f"{key} '{text}' uses {{{name}}}: only {allowed} can be filled in "
                                   "(write {{ or }} for a literal brace)", line=line)


def _check_ids(path: Path, entry: dict[str, Any], keys: tuple[str, ...], line: int | None) -> None:
    """Ids become URL folders (events/<id>/): each a plain slug."""
    for key in keys:
        values = entry.get(key, [])
        for value in [values] if isinstance(values, str) else values:
            if problem := slug_problem(value):
                raise InputError(path, f"{key}: {problem}", line=line)


def load_series(path: Path) -> tuple[Series, ...]:
    series = []
    for entry, item_node in load_records(path, "series", _SERIES_SCHEMA, "a series"):
        _check_ids(path, entry, ("id",), line_of(item_node))
        for key in ("title", "name"):
            _check_template(path, entry, key, {"n", "year", "head"}, line_of(item_node))
        series.append(Series(entry["id"], entry["name"], entry.get("en"), entry["kind"], entry.get("numbered", False),
                             entry.get("title"), _compile(path, entry.get("patterns", []), line_of(item_node)),
                             _compile(path, entry.get("next_patterns", []), line_of(item_node))))
    return tuple(series)


def load_curated_events(path: Path) -> CuratedEvents:
    entries = []
    for entry, item_node in load_records(path, "events", _EVENT_SCHEMA, "an event"):
        _check_ids(path, entry, ("id", "merge", "series"), line_of(item_node))
        _check_template(path, entry, "anniversary_title", {"n"}, line_of(item_node))
        if "date" in entry:
            entry["date"] = str(entry["date"])
            if not CURATED_DATE_RE.match(entry["date"]):
                raise InputError(path, f"event date '{entry['date']}' must be YYYY, YYYY-MM or YYYY-MM-DD",
                                 line=line_of(item_node))
        entry["_line"] = line_of(item_node)
        entry["_anniversary"] = _compile(path, entry.get("anniversary_patterns", []), line_of(item_node))
        entries.append(entry)
    return CuratedEvents(tuple(entries), path)


def explain_collision(exc: SiteCollision, seeds_dir: Path, events_file: Path) -> InputError:
    """The sidecar or events.yml line whose redirect_from or merge made ``exc.url``; else ``exc`` itself."""
    folder = exc.url.strip("/")
    def redirect_folder(value: str) -> str:
        return value.strip("/")

    def merge_folder(value: str) -> str:
        return f"events/{value}"

    declared = [(p, "redirect_from", redirect_folder) for p in sorted(seeds_dir.glob("*.y*ml"))]
    declared.append((events_file, "merge", merge_folder))
    for path, key, to_folder in declared:
        try:
            _, root = load_file(path)
        except (InputError, OSError):
            continue
        for node in _nodes(root):
            if isinstance(node, yaml.MappingNode):
                for k, v in node.value:
                    if k.value == key and isinstance(v, yaml.SequenceNode):
                        for item in v.value:
                            if isinstance(item.value, str) and to_folder(item.value) == folder:
                                return InputError(path, f"{key} '{item.value}': site/{exc.url} is also "
                                                        f"{exc.other}; choose a path the site does not use",
                                                  line=line_of(item))
    return exc


def _nodes(root: yaml.Node | None) -> Iterator[yaml.Node]:
    stack = [root] if root is not None else []
    while stack:
        node = stack.pop()
        yield node
        if isinstance(node, yaml.MappingNode):
            stack += [v for _, v in node.value]
        elif isinstance(node, yaml.SequenceNode):
            stack += node.value
