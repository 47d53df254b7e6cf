"""A build cache keyed by content and code version, so a rebuild redoes only what changed.

An article's ingest → clean → tag result depends only on its seed bytes, its
sidecar, the curated data and the code; a rendered article page also on the
events it links to and the site URL. Keys hash exactly those, so a cached build
writes the same bytes as a clean one (a test checks it). Entries are pickles in
``.cache/build_archive/`` beside the project; deleting the folder is always safe.

An entry is trusted only if it proves itself: it starts with a hash of its own key
and bytes, so an entry copied under another name, cut short or changed by one byte
is a miss, as is one that will not unpickle (another Python, another protocol).
Each write goes to a temporary file of its own, renamed into place, so two builds
sharing the folder never see half an entry or each other's temporary files.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from pathlib import Path
from typing import Any

CACHE_FORMAT = "4"  # 4: the model's vocabularies are enums
_MAGIC = b"build_archive cache " + CACHE_FORMAT.encode() + b"\n"


def code_version(templates: Path, data: Path, *files: Path) -> str:
    """A hash of everything besides the seeds that shapes the output: code, templates, curated data
    (and ``files`` kept elsewhere, such as a labels file the plugin config names)."""
    digest = hashlib.sha256(CACHE_FORMAT.encode())
    package = Path(__file__).resolve().parent.parent
    for folder, pattern in ((package, "**/*.py"), (templates, "**/*"), (data, "*.y*ml")):
        for path in sorted(folder.glob(pattern)):
            if path.is_file():
                digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes())
    for path in files:
        digest.update(b"\0" + path.read_bytes() if path.is_file() else b"\0")
    return digest.hexdigest()


def key(*parts: bytes | str) -> str:
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode() if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big") + data)
    return digest.hexdigest()


def _seal(name: str, payload: bytes) -> bytes:
    return hashlib.sha256(name.encode() + b"\0" + payload).digest()


class Cache:
    """Pickled values by key; a missing, unreadable or unproven entry is just a miss.

    Entries read or written are also kept in memory for the life of the object, so a
    long-lived cache (the plugin's, under ``mkdocs serve``) answers a rebuild without
    unpickling the whole archive again. ``reset_counts`` starts a new build's tally.
    ``long_lived`` says a later build will ask again: worth keeping what only memory holds
    (rendered aggregate pages, the template environment), see ``pages/context.py``.
    """

    def __init__(self, folder: Path | None, long_lived: bool = False):
        self.folder = folder
        self.long_lived = long_lived and folder is not None
        self.hits = self.misses = 0
        self.memory: dict[str, object] = {}

    def reset_counts(self) -> None:
        self.hits = self.misses = 0

    def get(self, name: str) -> Any:
        if name in self.memory:
            self.hits += 1
            return self.memory[name]
        if self.folder is None:
            self.misses += 1
            return None
        path = self.folder / name[:2] / name
        try:
            data = path.read_bytes()
            head, seal, payload = data[:len(_MAGIC)], data[len(_MAGIC):len(_MAGIC) + 32], data[len(_MAGIC) + 32:]
            if head != _MAGIC or seal != _seal(name, payload):
                raise ValueError("not this key's entry")
            value = pickle.loads(payload)
        except Exception:  # noqa: BLE001 - any failure to read an entry back is a miss, never an error
            self.misses += 1
            return None
        self.hits += 1
        self.memory[name] = value
        return value

    def put(self, name: str, value: object) -> None:
        if self.folder is None:
            return
        self.memory[name] = value
        path = self.folder / name[:2] / name
        payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        tmp = None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=name[:16], suffix=".tmp")
            with os.fdopen(fd, "wb") as handle:
                handle.write(_MAGIC + _seal(name, payload) + payload)
            os.replace(tmp, path)
        except OSError:  # a read-only or full disk: the build goes on without this entry
            if tmp is not None and os.path.exists(tmp):
                os.unlink(tmp)
