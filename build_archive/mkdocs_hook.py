"""MkDocs hook: ``mkdocs build`` and ``mkdocs serve`` run the whole pipeline.

The pipeline runs in ``on_pre_build``, before MkDocs empties site/, so bad
input aborts the build with the previously built site intact. ``on_serve``
watches the seeds, the curated data and the templates for live reload.
"""

from __future__ import annotations

import json
import mimetypes
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # MkDocs loads hooks by path, not as part of a package
    sys.path.insert(0, str(ROOT))

from mkdocs.exceptions import PluginError  # noqa: E402

from build_archive.errors import InputError  # noqa: E402
from build_archive.pipeline import Paths, build_docs  # noqa: E402


def _paths(config) -> Paths:
    return Paths(Path(config.config_file_path).resolve().parent)


TIMINGS: dict[str, float] = {}  # seconds per stage of this build, for the benchmark (bench/scale.py)


def on_pre_build(config, **kwargs) -> None:
    TIMINGS.clear()
    try:
        build_docs(_paths(config), site_url=config.site_url, timings=TIMINGS)
    except InputError as exc:
        raise PluginError(f"Lưu trữ Việt–Lào: bad input, nothing was built: {exc}") from None


def on_post_build(config, **kwargs) -> None:
    """Index the built site with Pagefind (a chunked index: a first query fetches little)."""
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "pagefind", "--site", config.site_dir, "--silent"],
                            capture_output=True, text=True)
    if result.returncode != 0:
        raise PluginError(f"Pagefind could not index {config.site_dir}: {result.stderr or result.stdout}")
    TIMINGS["search index"] = time.perf_counter() - start
    if os.environ.get("BUILD_ARCHIVE_TIMINGS"):
        Path(os.environ["BUILD_ARCHIVE_TIMINGS"]).write_text(json.dumps(TIMINGS))


def on_serve(server, config, builder, **kwargs):
    # The raw seeds are UTF-8 .txt files; say so, as GitHub Pages does, or the
    # preview shows them as Latin-1 mojibake.
    mimetypes.add_type("text/plain; charset=utf-8", ".txt")
    paths = _paths(config)
    for folder in (paths.seeds, paths.data, paths.templates):
        server.watch(str(folder))
    return server
