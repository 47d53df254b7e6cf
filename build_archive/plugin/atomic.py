"""An atomic site: MkDocs builds into a new folder beside site/, swapped in only when complete.

Whatever stops a build (bad input, a strict-mode warning, a full disk, ``kill -9``),
site/ is the previous complete site or the new complete one, never half of each.
The swap is one ``renameat2(RENAME_EXCHANGE)`` where Linux offers it, else two
renames that the next build repairs if a kill falls between them. A lock file
beside site/ makes a second build of the same site wait for the first.
"""

from __future__ import annotations

import ctypes
import errno
import fcntl
import logging
import os
import shutil
from pathlib import Path

log = logging.getLogger("mkdocs.plugins.archive")
_AT_FDCWD, _RENAME_EXCHANGE = -100, 2


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders in one step; False where the system cannot."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):
        return False
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.EXDEV, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(a))


class AtomicSite:
    """The folders beside ``site_dir``: ``.site.new`` (being built), ``.site.old`` (being removed), the lock."""

    def __init__(self, site_dir: Path):
        self.final = site_dir
        self.new = site_dir.with_name(f".{site_dir.name}.new")
        self.old = site_dir.with_name(f".{site_dir.name}.old")
        self.lock_path = site_dir.with_name(f".{site_dir.name}.lock")
        self._lock: int | None = None

    def begin(self) -> Path:
        """Lock, repair what a killed build left, and give MkDocs an empty folder to build into."""
        self.final.parent.mkdir(parents=True, exist_ok=True)
        self._lock = os.open(self.lock_path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(self._lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            log.info(f"another build of {self.final} is running; waiting for it to finish")
            fcntl.flock(self._lock, fcntl.LOCK_EX)
        if not self.final.exists() and self.old.is_dir():
            self.old.rename(self.final)  # killed between the two renames of a swap
        for leftover in (self.new, self.old):
            shutil.rmtree(leftover, ignore_errors=True)
        self.new.mkdir()
        return self.new

    def commit(self) -> None:
        """Put the new site in place of the old one, then remove the old one."""
        if not self.final.exists():
            self.new.rename(self.final)
        elif _exchange(self.new, self.final):
            shutil.rmtree(self.new, ignore_errors=True)  # now the old site
        else:
            self.final.rename(self.old)
            self.new.rename(self.final)
            shutil.rmtree(self.old, ignore_errors=True)
        self.release()

    def abandon(self) -> None:
        """Drop the half-built folder; site/ was never touched."""
        shutil.rmtree(self.new, ignore_errors=True)
        self.release()

    def release(self) -> None:
        if self._lock is not None:
            os.close(self._lock)
            self._lock = None
