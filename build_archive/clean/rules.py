"""Loading the curated YAML: cleaning rules, outlets and per-article sidecars.

Each loader validates its file and returns plain frozen data, so the stages
that use it never see a malformed value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from build_archive.common.errors import InputError
from build_archive.common.textnorm import match_key
from build_archive.common.yamldata import (
    Field,
    check_mapping,
    load_file,
    load_records,
)

MAX_BREADCRUMB_WORDS = 12


@dataclass(frozen=True)
class CleaningRules:
    chrome_lines: frozenset[str]
    chrome_prefixes: tuple[str, ...]
    slogans: frozenset[str]
    section_markers: frozenset[str]
    section_marker_patterns: tuple[re.Pattern[str], ...]

    def is_chrome(self, line: str) -> bool:
        """A whole line of chrome; a prefix only marks a breadcrumb, a short line, not a page flattened after it."""
        key = match_key(line)
        return (key in self.chrome_lines or key in self.slogans
                or (key.startswith(self.chrome_prefixes) and len(key.split()) <= MAX_BREADCRUMB_WORDS))

    def is_marker(self, line: str) -> bool:
        key = match_key(line)
        return key in self.section_markers or any(p.fullmatch(key) for p in self.section_marker_patterns)


@dataclass(frozen=True)
class Outlet:
    id: str
    name: str
    short: str
    datelines: tuple[str, ...]
    domains: tuple[str, ...]
    chrome_markers: tuple[str, ...]
    aliases: tuple[str, ...]


_STR_LIST = Field((list,), items=str)


def load_cleaning_rules(path: Path) -> CleaningRules:
    data, node = load_file(path)
    schema = {name: _STR_LIST for name in
              ("chrome_lines", "chrome_prefixes", "slogans", "section_markers", "section_marker_patterns")}
    data = check_mapping(path, data, node, schema, "cleaning rules")
    patterns = []
    for pattern in data.get("section_marker_patterns", []):
        try:
            patterns.append(re.compile(match_key(pattern), re.IGNORECASE))
        except re.error as exc:
            raise InputError(path, f"section_marker_patterns: '{pattern}' is not a regular expression: {exc}") from None
    return CleaningRules(
        chrome_lines=frozenset(map(match_key, data.get("chrome_lines", []))),
        chrome_prefixes=tuple(p.casefold() for p in data.get("chrome_prefixes", [])),
        slogans=frozenset(map(match_key, data.get("slogans", []))),
        section_markers=frozenset(map(match_key, data.get("section_markers", []))),
        section_marker_patterns=tuple(patterns),
    )


_OUTLET_SCHEMA = {
    "id": Field((str,), required=True),
    "name": Field((str,), required=True),
    "short": Field((str,)),
    "datelines": _STR_LIST,
    "domains": _STR_LIST,
    "chrome_markers": _STR_LIST,
    "aliases": _STR_LIST,
}


def load_outlets(path: Path) -> tuple[Outlet, ...]:
    outlets = []
    for entry, _node in load_records(path, "outlets", _OUTLET_SCHEMA, "an outlet"):
        outlets.append(Outlet(
            id=entry["id"], name=entry["name"], short=entry.get("short", entry["name"]),
            datelines=tuple(entry.get("datelines", [])), domains=tuple(entry.get("domains", [])),
            chrome_markers=tuple(entry.get("chrome_markers", [])), aliases=tuple(entry.get("aliases", [])),
        ))
    return tuple(outlets)


