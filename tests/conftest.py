"""Shared fixtures: throwaway copies of the project, real builds, a real browser."""

from __future__ import annotations

import functools
import hashlib
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _ignore(folder: str, names: list[str]) -> set[str]:
    return {n for n in names if n in ("__pycache__", ".pytest_cache")}


@functools.cache
def _cleaning_data():
    from build_archive.clean.rules import load_cleaning_rules, load_outlets
    return load_cleaning_rules(ROOT / "data" / "cleaning.yml"), load_outlets(ROOT / "data" / "outlets.yml")


@functools.cache
def project_tagger():
    """The tagger over the project's data/, loaded once for every test module that tags."""
    from build_archive.tag.tagger import Tagger
    return Tagger.load(ROOT / "data")


def clean_text(text: str, url: str | None = None):
    """Clean one raw page given as text, read as a seed is (NFC), with the project's data/."""
    from build_archive.clean.lines import clean
    from build_archive.common.textnorm import nfc
    from build_archive.ingest.reader import RawDoc
    text = nfc(text)
    doc = RawDoc(name="page.txt", path=Path("page.txt"), raw=text.encode(), text=text, kind="txt",
                 html_meta={"source_url": url} if url else {})
    rules, outlets = _cleaning_data()
    return clean(doc, rules, outlets)


def make_project(dest: Path, seeds: dict[str, bytes] | None = None, keep_seeds: bool = True) -> Path:
    """A copy of the project in ``dest``: code, templates, data, hand-written docs and seeds.

    ``seeds`` adds (or, with ``keep_seeds=False``, replaces) files in seeds/.
    """
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy2(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    for folder in ("build_archive", "templates", "data", "csl"):
        shutil.copytree(ROOT / folder, dest / folder, ignore=_ignore)
    shutil.copytree(ROOT / "docs", dest / "docs", ignore=_ignore)
    if keep_seeds:
        shutil.copytree(ROOT / "seeds", dest / "seeds")
    else:
        (dest / "seeds").mkdir()
    for name, content in (seeds or {}).items():
        (dest / "seeds" / name).write_bytes(content)
    return dest


def tree_digest(folder: Path) -> str:
    """One hash of a folder's files, names and bytes: to tell that a build left it untouched."""
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def run_mkdocs(project: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    full_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", *args], cwd=project,
                          capture_output=True, text=True, env=full_env, timeout=300)


def run_cli(project: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "build_archive", *args], cwd=project, capture_output=True,
                          text=True, timeout=300)


def build_ok(project: Path, *args: str, env: dict | None = None) -> Path:
    result = run_mkdocs(project, *args, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


@pytest.fixture(scope="session")
def built_project(tmp_path_factory) -> Path:
    """The real seeds, built once into a throwaway copy of the project."""
    project = make_project(tmp_path_factory.mktemp("archive"))
    build_ok(project)
    return project


@pytest.fixture(scope="session")
def site(built_project: Path) -> Path:
    return built_project / "site"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    # Like GitHub Pages: text files are declared UTF-8.
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, ".txt": "text/plain; charset=utf-8"}

    def log_message(self, *args) -> None:  # keep test output readable
        pass


def serve(directory: Path):
    """Serve a folder on 127.0.0.1 on a free port; returns (base URL, server)."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server


@pytest.fixture(scope="session")
def site_url(site: Path):
    url, server = serve(site)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: run `make test` (it installs Debian's chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture(scope="session")
def screenshot_dir() -> Path:
    """Screenshots land here for people to look at (kept after the run)."""
    folder = Path(os.environ.get("SCREENSHOT_DIR", ROOT / ".pytest_cache" / "screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder
