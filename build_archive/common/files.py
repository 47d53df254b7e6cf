"""Reading an input file safely: a regular file only, bounded in size, every failure a message.

A FIFO would block the build forever and a device (``/dev/zero``) would fill the
memory, so only regular files are read; an OS error (permission, a symbolic link
that leads nowhere) becomes an InputError that names the file and what to do.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from build_archive.common.errors import InputError

MAX_FILE_BYTES = 20 * 1024 * 1024  # default limit for one seed or data file (plugin option max_file_mb)


def file_kind(mode: int) -> str:
    for test, name in ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a FIFO (named pipe)"),
                       (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
                       (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return name
    return "not a regular file"


def regular_size(path: Path) -> int:
    """The size of ``path`` (following links), or an InputError if it is no readable regular file."""
    try:
        info = path.stat()
    except OSError as exc:
        if path.is_symlink():
            raise InputError(path, f"symbolic link that leads nowhere ({exc.strerror}); fix or delete it") from None
        raise InputError(path, f"cannot be read: {exc.strerror}") from None
    if not stat.S_ISREG(info.st_mode):
        raise InputError(path, f"{file_kind(info.st_mode)}, not a file: only regular files are read")
    return info.st_size


def read_bounded(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of a regular file no larger than ``limit``; never blocks on a FIFO or reads a device."""
    size = regular_size(path)
    if size > limit:
        raise InputError(path, f"{size:,} bytes, over the limit of {limit:,}: split the file, or raise "
                               "max_file_mb in the archive plugin's settings (mkdocs.yml)")
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        raise InputError(path, f"cannot be read: {exc.strerror}; check its permissions") from None
    if len(data) > limit:
        raise InputError(path, f"over the limit of {limit:,} bytes (it grew while being read)")
    return data
