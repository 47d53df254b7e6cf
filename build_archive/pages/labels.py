"""The words readers see for the model's values, from one data file (data/labels.yml).

Loaded and checked once per build: a section keyed by one of the model's vocabularies must
label every value and nothing else, so a new enum member without a label, or a typo in the
file, stops the build with the file and line instead of showing a raw key on a page.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from types import MappingProxyType
from typing import Any, TypeVar

import yaml

from build_archive.common.errors import InputError
from build_archive.common.yamldata import Field, check_mapping, line_of, load_file
from build_archive.model.enums import DateBasis, EntityType, FigureKind, LineRole, Precision, Qualifier, SourceBasis

E = TypeVar("E", bound=StrEnum)

@dataclass(frozen=True)
class Labels:
    precision: Mapping[Precision, str]
    date_basis: Mapping[DateBasis, str]  # an article's date
    event_date_basis: Mapping[DateBasis, str]  # an event's date
    source_basis: Mapping[SourceBasis, str]
    entity_type: Mapping[EntityType, str]
    figure_kind: Mapping[FigureKind, str]  # in tooltips
    figure_kind_short: Mapping[FigureKind, str]  # in the figures table
    qualifier: Mapping[Qualifier, str]
    line_role: Mapping[LineRole, str]
    metric: Mapping[str, str]
    event_kind: Mapping[str, str]
    country: Mapping[str, str]
    curated_field: Mapping[str, str]


def _checked(path: Path, name: str, data: dict[str, Any], node: yaml.Node | None,
             vocabulary: type[StrEnum] | None) -> dict[str, str]:
    """A section's labels: text, and for a vocabulary every value and no other."""
    key_nodes = {k.value: k for k, _ in node.value} if isinstance(node, yaml.MappingNode) else {}
    values = {str(k): v for k, v in data.items()}
    known = set(vocabulary or ())
    for key, value in values.items():
        if vocabulary is not None and key not in known:
            allowed = ", ".join(vocabulary)
            raise InputError(path, f"unknown key '{key}' in {name} (allowed: {allowed})", line=line_of(key_nodes.get(key)))
        if not isinstance(value, str):
            raise InputError(path, f"the label of '{key}' in {name} must be text", line=line_of(key_nodes.get(key)))
    missing = [value for value in vocabulary or () if value not in values]
    if missing:
        raise InputError(path, f"{name} lacks a label for {', '.join(missing)}", line=line_of(node))
    return values


def load_labels(path: Path) -> Labels:
    data, node = load_file(path)
    schema = {name: Field((dict,), required=True) for name in Labels.__dataclass_fields__}
    data = check_mapping(path, data, node, schema, "labels")
    nodes = {k.value: v for k, v in node.value} if isinstance(node, yaml.MappingNode) else {}

    def keyed(name: str, vocabulary: type[E]) -> Mapping[E, str]:
        labels = _checked(path, name, data[name], nodes.get(name), vocabulary)
        return MappingProxyType({vocabulary(k): v for k, v in labels.items()})

    def open_(name: str) -> Mapping[str, str]:
        return MappingProxyType(_checked(path, name, data[name], nodes.get(name), None))

    return Labels(
        precision=keyed("precision", Precision), date_basis=keyed("date_basis", DateBasis),
        event_date_basis=keyed("event_date_basis", DateBasis), source_basis=keyed("source_basis", SourceBasis),
        entity_type=keyed("entity_type", EntityType), figure_kind=keyed("figure_kind", FigureKind),
        figure_kind_short=keyed("figure_kind_short", FigureKind), qualifier=keyed("qualifier", Qualifier),
        line_role=keyed("line_role", LineRole), metric=open_("metric"), event_kind=open_("event_kind"),
        country=open_("country"), curated_field=open_("curated_field"),
    )
