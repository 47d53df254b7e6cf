"""The one error type bad input raises: it always names the file."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path


class InputError(Exception):
    """Bad input: a message that names the file, and the line or byte where known."""

    def __init__(self, path: Path | str, message: str, *, line: int | None = None, offset: int | None = None):
        self.path = str(path)
        self.line = line
        self.offset = offset
        self.message = message
        where = self.path + (f":{line}" if line is not None else "")
        if offset is not None:
            where += f" (byte {offset})"
        super().__init__(f"{where}: {message}")

    def __reduce__(self) -> tuple[Callable[..., InputError], tuple[object, ...]]:
        """Pickle with every field, so an error raised in a worker process arrives whole."""
        return _rebuild, (self.path, self.message, self.line, self.offset)

    def relative_to(self, root: Path) -> InputError:
        """The same error with its path shown from the project folder."""
        try:  # abspath, not resolve(): a symbolic link is named as itself, and a loop does not raise
            path = Path(os.path.abspath(self.path)).relative_to(root.resolve())
        except ValueError:
            return self
        return InputError(path, self.message, line=self.line, offset=self.offset)


def _rebuild(path: str, message: str, line: int | None, offset: int | None) -> InputError:
    return InputError(path, message, line=line, offset=offset)


class SiteCollision(InputError):
    """Two outputs claim one URL: raised where pages are collected, explained where inputs are known."""

    def __init__(self, url: str, other: str = "another page of the site"):
        super().__init__(f"site/{url}", f"made twice: a redirect_from or an event merge names {other}; "
                                        "choose a path the site does not use")
        self.url = url
        self.other = other

    def __reduce__(self) -> tuple[Callable[..., InputError], tuple[object, ...]]:
        return SiteCollision, (self.url, self.other)
