"""Curated YAML, loaded with line numbers and checked against a small schema.

Editors write this data by hand, so every complaint names the file and the
line of the offending key, and unknown fields are refused rather than ignored
(a typo such as ``titel:`` must not silently do nothing).

The work is bounded by the file's length: aliases (``*name``) are refused, so a
few hundred bytes cannot expand into billions of nodes, and nesting deeper than
``MAX_DEPTH`` is refused before the scanner or the composer recurses into it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn

import yaml

from build_archive.common.errors import InputError
from build_archive.common.files import read_bounded
from build_archive.common.safetext import check_text

MAX_DEPTH = 40  # curated data nests three or four levels; a hundred is an attack or an accident


@dataclass(frozen=True)
class Field:
    """One allowed key: the Python types its value may have, and whether it must be there."""

    types: tuple[type, ...]
    required: bool = False
    items: type | None = None  # element type, for lists


class _Loader(yaml.SafeLoader):
    """SafeLoader that leaves dates as text, refuses aliases and bounds nesting."""

    def fetch_flow_collection_start(self, TokenClass: type[yaml.Token]) -> None:
        # Checked in the scanner: its cost per token grows with the flow depth.
        if self.flow_level >= MAX_DEPTH:
            raise yaml.scanner.ScannerError(None, None, f"nested deeper than {MAX_DEPTH} levels", self.get_mark())
        super().fetch_flow_collection_start(TokenClass)

    def _refuse(self, problem: str) -> NoReturn:
        """Stop at the next event, naming its place."""
        event = self.peek_event()  # type: ignore[no-untyped-call]  # unannotated in types-PyYAML
        raise yaml.composer.ComposerError(None, None, problem, event.start_mark)

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            self._refuse("aliases (*name) are not allowed here; write the value out")
        self._depth = getattr(self, "_depth", 0) + 1
        try:
            if self._depth > MAX_DEPTH:
                self._refuse(f"nested deeper than {MAX_DEPTH} levels")
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def parse(path: Path, text: str) -> tuple[Any, yaml.Node | None]:
    """The document and its node tree; a syntax error names its line."""
    loader = None
    try:
        loader = _Loader(text)  # the reader refuses unprintable characters here, before any token
        node = loader.get_single_node()
        if node is None:
            return None, None
        _check_nodes(path, node)
        return loader.construct_document(node), node
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise InputError(path, f"YAML does not parse: {exc.problem or exc.context}", line=line) from None
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        raise InputError(path, f"YAML does not parse: {exc.reason} (character U+{exc.character:04X})",
                         line=line) from None
    except yaml.YAMLError as exc:
        raise InputError(path, f"YAML does not parse: {exc}") from None
    finally:
        if loader is not None:
            loader.dispose()


def _check_nodes(path: Path, root: yaml.Node) -> None:
    """Refuse duplicate keys and forbidden characters; each node once (no aliases: a tree)."""
    stack = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.ScalarNode):
            check_text(path, node.value, node.start_mark.line + 1)
        elif isinstance(node, yaml.MappingNode):
            seen: dict[Any, int] = {}
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode):
                    line = key.start_mark.line + 1
                    if key.value in seen:
                        raise InputError(path, f"key '{key.value}' given twice (first on line {seen[key.value]})",
                                         line=line)
                    seen[key.value] = line
                stack += (value, key)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(reversed(node.value))


def line_of(node: yaml.Node | None) -> int | None:
    return node.start_mark.line + 1 if node is not None else None


def check_mapping(path: Path, data: Any, node: yaml.Node | None, schema: dict[str, Field], what: str) -> dict[str, Any]:
    """Return ``data`` as a dict after checking it against ``schema``."""
    if data is None:
        return {}
    if not isinstance(data, dict) or not isinstance(node, yaml.MappingNode):
        raise InputError(path, f"{what} must be a mapping of field: value", line=line_of(node))
    key_nodes = {k.value: (k, v) for k, v in node.value if isinstance(k, yaml.ScalarNode)}
    for key, value in data.items():
        key_node, value_node = key_nodes.get(str(key), (None, None))
        field = schema.get(str(key))
        if field is None:
            allowed = ", ".join(sorted(schema))
            raise InputError(path, f"unknown field '{key}' in {what} (allowed: {allowed})", line=line_of(key_node))
        if not isinstance(value, field.types) or isinstance(value, bool) and bool not in field.types:
            names = " or ".join(t.__name__ for t in field.types)
            raise InputError(path, f"field '{key}' must be {names}, not {type(value).__name__}", line=line_of(value_node))
        if field.items is not None and isinstance(value, list) \
                and any(not isinstance(item, field.items) for item in value):
            raise InputError(path, f"every item of '{key}' must be {field.items.__name__}", line=line_of(value_node))
    for key, field in schema.items():
        if field.required and key not in data:
            raise InputError(path, f"{what} lacks the required field '{key}'", line=line_of(node))
    return dict(data)


def load_file(path: Path) -> tuple[Any, yaml.Node | None]:
    """Parse a YAML file read as UTF-8; undecodable bytes name their offset."""
    raw = read_bounded(path)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(path, "not valid UTF-8", offset=exc.start) from None
    return parse(path, text)


def load_records(path: Path, top_key: str, schema: dict[str, Field], what: str) -> list[tuple[dict[str, Any], yaml.Node]]:
    """A file holding ``top_key:`` a list of mappings, each checked against ``schema``, ids unique.

    Returns each record with its node, so callers can name the line of a later complaint.
    """
    data, node = load_file(path)
    data = check_mapping(path, data, node, {top_key: Field((list,), required=True)}, f"{top_key} file")
    if not isinstance(node, yaml.MappingNode):  # an empty file
        raise InputError(path, f"{top_key} file lacks the required field '{top_key}'")
    nodes = dict((k.value, v) for k, v in node.value)[top_key].value
    records: list[tuple[dict[str, Any], yaml.Node]] = []
    seen: dict[Any, int | None] = {}
    for item, item_node in zip(data[top_key], nodes, strict=True):
        entry = check_mapping(path, item, item_node, schema, what)
        if "id" in entry:
            if entry["id"] in seen:
                raise InputError(path, f"id '{entry['id']}' used twice (first on line {seen[entry['id']]})",
                                 line=line_of(item_node))
            seen[entry["id"]] = line_of(item_node)
        records.append((entry, item_node))
    return records
