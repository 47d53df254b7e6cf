"""Content fingerprints of the values a page is rendered from, so a rebuild can tell what changed.

Two values with the same fingerprint render the same. An article is fully given by its
cache key (its seed's name and bytes, its sidecar, the code version) and its id, so it is
fingerprinted by those two strings, not by its text; every other value by its contents.
A value whose contents cannot be seen (no dataclass, container or plain scalar) is
fingerprinted by ``repr``: at worst a needless re-render, never a stale page.

Under ``mkdocs serve`` one ``Fingerprints`` lives across rebuilds: an immutable value (a
frozen dataclass or tuple of immutable values, such as a cached article's paragraphs) keeps
its fingerprint into the next build, so a rebuild hashes only what is new. So does a value
``pin``ned as never changed once made (a dict or list re-used from an earlier build).
"""

from __future__ import annotations

import dataclasses
import enum
import hashlib
from collections.abc import Mapping
from typing import Any

from build_archive.model.article import Article

_SCALAR_TYPES = frozenset((str, int, float, bool, type(None)))
_SCALARS = (str, int, float, bool, type(None), enum.Enum)
_Entry = tuple[object, bytes, bool]  # the value (kept alive, so its id is not reused), its print, immutable


class Fingerprints:
    """Fingerprints of a build's values, each composite value computed once (by identity)."""

    def __init__(self) -> None:
        self._memo: dict[int, _Entry] = {}  # this build's
        self._kept: dict[int, _Entry] = {}  # the previous build's immutable values
        self._fields: dict[type, tuple[tuple[str, ...], bool]] = {}  # field names, frozen
        self._pinned: dict[int, object] = {}  # values taken as immutable although they are containers

    def new_build(self) -> None:
        """Forget this build's mutable values (lists, dicts: they may change); keep the immutable ones."""
        self._kept = {k: entry for k, entry in self._memo.items() if entry[2]}
        self._memo = {}

    def pin(self, value: object) -> None:
        """Take ``value`` (and what it holds) as immutable: its holder promises never to change it."""
        self._pinned[id(value)] = value

    def unpin(self, value: object) -> None:
        """``value`` is no longer used: forget it (the fingerprint of a new value with its id is computed anew)."""
        if self._pinned.get(id(value)) is value:
            del self._pinned[id(value)]
            self._memo.pop(id(value), None)
            self._kept.pop(id(value), None)

    def of(self, value: Any) -> bytes:
        return self._entry(value)[1]

    def _entry(self, value: Any) -> _Entry:
        kind = type(value)
        if kind in _SCALAR_TYPES or isinstance(value, _SCALARS):
            text = f"{kind.__name__}:{value!r}".encode()
            return value, text if len(text) <= 64 else b"#" + hashlib.blake2b(text, digest_size=16).digest(), True
        found = self._memo.get(id(value)) or self._kept.get(id(value)) or self._compute(value)
        self._memo[id(value)] = found
        return found

    def _compute(self, value: Any) -> _Entry:
        kind = type(value)
        if kind is Article and value.cache_key:
            return value, f"Article:{value.id}:{value.cache_key}".encode(), True
        frozen = kind is tuple or kind is frozenset
        if kind in self._fields or (dataclasses.is_dataclass(value) and not isinstance(value, type)):
            if kind not in self._fields:
                self._fields[kind] = (tuple(f.name for f in dataclasses.fields(value)),
                                      kind.__dataclass_params__.frozen)
            names, frozen = self._fields[kind]
            children = [self._entry(getattr(value, name)) for name in names]
        elif isinstance(value, Mapping):
            children = [e for k, v in value.items() for e in (self._entry(k), self._entry(v))]
        elif isinstance(value, (list, tuple)):
            children = [self._entry(item) for item in value]
        elif isinstance(value, (set, frozenset)):
            children = sorted((self._entry(item) for item in value), key=lambda e: e[1])
        else:
            return value, b"repr:" + repr(value).encode(), False
        parts = [kind.__qualname__.encode()]
        for _, part, immutable in children:
            parts.append(part)
            frozen = frozen and immutable
        return value, b"#" + hashlib.blake2b(b"\0".join(len(p).to_bytes(4, "big") + p for p in parts),
                                             digest_size=16).digest(), frozen or self._pinned.get(id(value)) is value
