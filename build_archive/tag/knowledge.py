"""The knowledge base (data/entities.yml) and the tagger's word lists (data/tagging.yml).

Both are validated on load: every entity needs an id, a known type and a name;
ids are unique; an error names the file and the line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from build_archive.common.errors import InputError
from build_archive.common.textnorm import match_key
from build_archive.common.yamldata import (
    Field,
    check_mapping,
    line_of,
    load_file,
    load_records,
)
from build_archive.model.entity import ENTITY_TYPES, Entity, Role
from build_archive.model.enums import EntityType, Qualifier

_ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_MONTH_RE = re.compile(r"^\d{4}(-\d{2})?$")


@dataclass(frozen=True)
class TaggingRules:
    role_words: tuple[str, ...]
    honorifics: tuple[str, ...]
    organization_heads: tuple[str, ...]
    place_heads: tuple[str, ...]
    plural_markers: tuple[str, ...]
    plural_after: tuple[str, ...]
    qualifiers: dict[Qualifier, tuple[str, ...]]
    currencies: dict[str, tuple[str, ...]]
    count_nouns: tuple[str, ...]
    metrics: dict[str, tuple[str, ...]]
    event_heads: tuple[str, ...] = ()
    agreement_heads: tuple[str, ...] = ()
    name_stops: tuple[str, ...] = ()
    stock_words: tuple[str, ...] = ()
    flow_words: tuple[str, ...] = ()
    local_heads: tuple[str, ...] = ()
    generic_organizations: frozenset[str] = frozenset()
    mission_heads: frozenset[str] = frozenset()
    pair_heads: frozenset[str] = frozenset()
    role_organs: frozenset[str] = frozenset()
    plan_heads: tuple[str, ...] = ()
    joint_words: tuple[str, ...] = ()


_ROLE_SCHEMA = {"title": Field((str,), required=True), "from": Field((str, int)), "to": Field((str, int))}
_ENTITY_SCHEMA = {
    "id": Field((str,), required=True),
    "type": Field((str,), required=True),
    "name": Field((str,), required=True),
    "aliases": Field((list,), items=str),
    "country": Field((str,)),
    "en": Field((str,)),
    "wikidata": Field((str,)),
    "roles": Field((list,)),
    "default": Field((bool,)),
}


def _items(node: yaml.Node, key: str) -> list[yaml.Node]:
    """The item nodes of the list under ``key`` in a mapping node."""
    items: list[yaml.Node] = dict((k.value, v) for k, v in node.value)[key].value
    return items


_PLACE_SCHEMA = {k: v for k, v in _ENTITY_SCHEMA.items() if k not in ("type", "roles", "default")}
_PLACE_SCHEMA["kind"] = Field((str,))
PLACE_KINDS = ("country", "region", "capital", "city", "province", "town", "border-gate", "river", "mountain")


def load_gazetteer(path: Path, known: tuple[Entity, ...]) -> tuple[tuple[Entity, ...], frozenset[str]]:
    """data/gazetteer.yml: places of the region, each a place entity, and the ids of those that are countries
    ("Quốc hội Campuchia" is that country's body). An id or name already known, or an unknown kind, is refused."""
    taken = {e.id for e in known}
    names = {match_key(n): e.id for e in known for n in e.names}
    places = []
    countries = set()
    for entry, item_node in load_records(path, "places", _PLACE_SCHEMA, "a place"):
        line = line_of(item_node)
        if "kind" in entry and entry["kind"] not in PLACE_KINDS:
            raise InputError(path, f"place kind '{entry['kind']}' is not one of {', '.join(PLACE_KINDS)}", line=line)
        if entry.get("kind") == "country":
            countries.add(entry["id"])
        if not _ID_RE.match(entry["id"]):
            raise InputError(path, f"place id '{entry['id']}' must be lower-case ASCII words joined by '-'", line=line)
        if entry["id"] in taken:
            raise InputError(path, f"place id '{entry['id']}' is given twice (or also in entities.yml)", line=line)
        for name in (entry["name"], *entry.get("aliases", [])):
            if match_key(name) in names:
                raise InputError(path, f"name '{name}' is already that of '{names[match_key(name)]}'", line=line)
            names[match_key(name)] = entry["id"]
        taken.add(entry["id"])
        places.append(Entity(id=entry["id"], type=EntityType.PLACE, name=entry["name"], aliases=tuple(entry.get("aliases", [])),
                             country=entry.get("country"), en=entry.get("en"), wikidata=entry.get("wikidata"),
                             gazetteer=True))
    return tuple(places), frozenset(countries)


def load_entities(path: Path) -> tuple[Entity, ...]:
    entities = []
    for entry, item_node in load_records(path, "entities", _ENTITY_SCHEMA, "an entity"):
        line = line_of(item_node)
        if not _ID_RE.match(entry["id"]):
            raise InputError(path, f"entity id '{entry['id']}' must be lower-case ASCII words joined by '-'", line=line)
        if entry["type"] not in ENTITY_TYPES:
            raise InputError(path, f"entity type '{entry['type']}' is not one of {', '.join(ENTITY_TYPES)}", line=line)
        roles = []
        role_nodes = _items(item_node, "roles") if "roles" in entry else []
        for role, role_node in zip(entry.get("roles", []), role_nodes, strict=False):
            role = check_mapping(path, role, role_node, _ROLE_SCHEMA, "a role")
            for key in ("from", "to"):
                if key in role and not _MONTH_RE.match(str(role[key])):
                    raise InputError(path, f"role '{key}' must be YYYY or YYYY-MM", line=line_of(role_node))
            roles.append(Role(role["title"], str(role["from"]) if "from" in role else None,
                              str(role["to"]) if "to" in role else None))
        entities.append(Entity(
            id=entry["id"], type=EntityType(entry["type"]), name=entry["name"], aliases=tuple(entry.get("aliases", [])),
            country=entry.get("country"), en=entry.get("en"), wikidata=entry.get("wikidata"), roles=tuple(roles),
            default=entry.get("default", False),
        ))
    return tuple(entities)


_STRS = Field((list,), items=str)
_TAGGING_SCHEMA = {name: _STRS for name in (
    "role_words", "honorifics", "organization_heads", "place_heads", "plural_markers", "plural_after", "count_nouns",
    "event_heads", "agreement_heads", "name_stops", "stock_words", "flow_words", "local_heads",
    "generic_organizations", "mission_heads", "pair_heads", "role_organs", "plan_heads", "joint_words")}
_TAGGING_SCHEMA.update({name: Field((dict,), required=True) for name in ("qualifiers", "currencies", "metrics")})


def _str_lists(path: Path, mapping: dict[str, Any], what: str) -> dict[str, tuple[str, ...]]:
    for key, value in mapping.items():
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise InputError(path, f"{what} '{key}' must be a list of words")
    return {str(k): tuple(v) for k, v in mapping.items()}


def load_tagging_rules(path: Path) -> TaggingRules:
    data, node = load_file(path)
    data = check_mapping(path, data, node, _TAGGING_SCHEMA, "tagging rules")
    qualifiers = _str_lists(path, data["qualifiers"], "qualifier")
    unknown = set(qualifiers) - {Qualifier.APPROX, Qualifier.MORE_THAN, Qualifier.LESS_THAN}
    if unknown:
        raise InputError(path, f"qualifier kinds are approx, more-than, less-than (not {', '.join(sorted(unknown))})")
    return TaggingRules(
        role_words=tuple(data.get("role_words", [])), honorifics=tuple(data.get("honorifics", [])),
        organization_heads=tuple(data.get("organization_heads", [])), place_heads=tuple(data.get("place_heads", [])),
        plural_markers=tuple(map(match_key, data.get("plural_markers", []))),
        plural_after=tuple(map(match_key, data.get("plural_after", []))),
        qualifiers={Qualifier(k): v for k, v in qualifiers.items()}, currencies=_str_lists(path, data["currencies"], "currency"),
        count_nouns=tuple(data.get("count_nouns", [])), metrics=_str_lists(path, data["metrics"], "metric"),
        event_heads=tuple(data.get("event_heads", [])), agreement_heads=tuple(data.get("agreement_heads", [])),
        name_stops=tuple(data.get("name_stops", [])), stock_words=tuple(data.get("stock_words", [])),
        flow_words=tuple(data.get("flow_words", [])),
        local_heads=tuple(match_key(w) for w in data.get("local_heads", [])),
        generic_organizations=frozenset(match_key(w) for w in data.get("generic_organizations", [])),
        mission_heads=frozenset(match_key(w) for w in data.get("mission_heads", [])),
        pair_heads=frozenset(match_key(w) for w in data.get("pair_heads", [])),
        role_organs=frozenset(match_key(w) for w in data.get("role_organs", [])),
        plan_heads=tuple(data.get("plan_heads", [])), joint_words=tuple(data.get("joint_words", [])),
    )
