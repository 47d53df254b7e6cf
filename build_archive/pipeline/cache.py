"""A build cache keyed by content and code version, so a rebuild redoes only what changed.

An article's ingest → clean → tag result depends only on its seed bytes, its
sidecar, the curated data and the code; a rendered article page also on the
events it links to and the site URL. Keys hash exactly those, so a cached build
writes the same bytes as a clean one (a test checks it). Entries are pickles in
``.cache/build_archive/`` beside the project; deleting the folder is always safe.
"""

from __future__ import annotations

import hashlib
import pickle
from pathlib import Path

CACHE_FORMAT = "2"


def code_version(templates: Path, data: Path) -> str:
    """A hash of everything besides the seeds that shapes the output: code, templates, curated data."""
    digest = hashlib.sha256(CACHE_FORMAT.encode())
    package = Path(__file__).resolve().parent.parent
    for folder, pattern in ((package, "**/*.py"), (templates, "**/*"), (data, "*.y*ml")):
        for path in sorted(folder.glob(pattern)):
            if path.is_file():
                digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def key(*parts: bytes | str) -> str:
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode() if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big") + data)
    return digest.hexdigest()


class Cache:
    """Pickled values by key; a missing or unreadable entry is just a miss.

    Entries read or written are also kept in memory for the life of the object, so a
    long-lived cache (the plugin's, under ``mkdocs serve``) answers a rebuild without
    unpickling the whole archive again. ``reset_counts`` starts a new build's tally.
    """

    def __init__(self, folder: Path | None):
        self.folder = folder
        self.hits = self.misses = 0
        self.memory: dict[str, object] = {}

    def reset_counts(self) -> None:
        self.hits = self.misses = 0

    def get(self, name: str):
        if name in self.memory:
            self.hits += 1
            return self.memory[name]
        if self.folder is None:
            self.misses += 1
            return None
        path = self.folder / name[:2] / name
        try:
            value = pickle.loads(path.read_bytes())
        except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError):
            self.misses += 1
            return None
        self.hits += 1
        self.memory[name] = value
        return value

    def put(self, name: str, value) -> None:
        if self.folder is None:
            return
        self.memory[name] = value
        path = self.folder / name[:2] / name
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_bytes(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        tmp.replace(path)
