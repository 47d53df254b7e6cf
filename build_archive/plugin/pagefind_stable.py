"""Pagefind's filter index in a stable order, so two builds of the same site give the same bytes.

Pagefind 1.5 writes each filter's values (and the list of filters) in hash-map order, which changes
from run to run, and names the files by their content. After it runs, the filter chunks are rewritten
with values sorted, renamed by their content, and the metadata file and entry point that name them
are rewritten to match. The formats are Pagefind's own: gzip of ``pagefind_dcd`` + CBOR arrays of
text, unsigned integers and arrays (what ``minicbor`` writes for its structs).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import struct
from pathlib import Path
from typing import Any

SIGNATURE = b"pagefind_dcd"

# What the CBOR subset holds: an unsigned integer, a text, or an array of these.
Item = Any


def _decode(data: bytes, i: int = 0) -> tuple[Item, int]:
    head = data[i]
    major, info = head >> 5, head & 31
    i += 1
    if info < 24:
        value = info
    elif info in (24, 25, 26, 27):
        size = 1 << (info - 24)
        value = int.from_bytes(data[i:i + size], "big")
        i += size
    else:
        raise ValueError(f"unexpected CBOR head {head:#x}")
    if major == 0:
        return value, i
    if major == 3:
        return data[i:i + value].decode(), i + value
    if major == 4:
        items: list[Item] = []
        for _ in range(value):
            item, i = _decode(data, i)
            items.append(item)
        return items, i
    raise ValueError(f"unexpected CBOR major type {major}")


def _head(major: int, value: int) -> bytes:
    if value < 24:
        return bytes([major << 5 | value])
    for info, fmt in ((24, ">B"), (25, ">H"), (26, ">I"), (27, ">Q")):
        if value < 1 << (8 * struct.calcsize(fmt)):
            return bytes([major << 5 | info]) + struct.pack(fmt, value)
    raise ValueError(value)


def _encode(item: Item) -> bytes:
    if isinstance(item, int):
        return _head(0, item)
    if isinstance(item, str):
        raw = item.encode()
        return _head(3, len(raw)) + raw
    return _head(4, len(item)) + b"".join(_encode(x) for x in item)


def read(path: Path) -> Item:
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise ValueError(f"{path} is not a Pagefind file")
    return _decode(data, len(SIGNATURE))[0]


def write(folder: Path, prefix: str, digits: int, suffix: str, item: Item) -> str:
    """Write ``item`` under a name from its content; returns the name without the suffix."""
    data = SIGNATURE + _encode(item)
    name = f"{prefix}_{hashlib.sha256(data).hexdigest()[:digits]}"
    (folder / f"{name}{suffix}").write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
    return name


def stabilise(site_dir: str | Path) -> None:
    """Rewrite ``site_dir/pagefind``'s filter chunks, metadata and entry point in a stable order."""
    root = Path(site_dir) / "pagefind"
    entry_path = root / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    for _language, info in sorted(entry["languages"].items()):
        meta_path = root / f"pagefind.{info['hash']}.pf_meta"
        meta = read(meta_path)
        prefix = info["hash"].rsplit("_", 1)[0]
        filters = []
        for name, chunk in meta[3]:
            chunk_path = root / "filter" / f"{chunk}.pf_filter"
            key, values = read(chunk_path)
            chunk_path.unlink()
            values = sorted([value, sorted(pages)] for value, pages in values)
            filters.append([name, write(root / "filter", prefix, 7, ".pf_filter", [key, values])])
        meta[3] = sorted(filters)
        meta_path.unlink()
        info["hash"] = write(root, f"pagefind.{prefix}", 10, ".pf_meta", meta).removeprefix("pagefind.")
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
