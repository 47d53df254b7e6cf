"""Scale benchmark: full builds of synthetic archives against a bare MkDocs build of the same text.

    .venv/bin/python bench/scale.py                        # N = 250, 1000, 4000 (make bench-scale)
    .venv/bin/python bench/scale.py --sizes 500 2000 --serve-n 0

For each N: a synthetic archive (python -m build_archive.synth, seed 1) in a fresh copy of the
project. A clean full build (pipeline + MkDocs + Pagefind, through the plugin) runs in its own
process, which reports the plugin's per-stage timings (``config.plugins["archive"].timings``),
CPU seconds (its own and its children's: Pagefind, the clean+tag pool) and peak memory. The
reference is a bare ``mkdocs build`` with Material of the same articles' text as plain Markdown,
one page per article, no nav entries, no plugin. At ``--serve-n`` articles, ``mkdocs serve
--dirty`` runs and a seed is edited five times: the time from saving it to the served page
showing the edit, polled over HTTP. Last, the bytes a first search fetches in Chromium.
Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from build_archive.pipeline.run import Paths, load_articles  # noqa: E402
from build_archive.synth import generate  # noqa: E402

STAGES = ("ingest", "clean+tag", "link", "render", "pages", "link check", "search index")
CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update"]
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1700000000"}

# Run inside the measured process: a build through MkDocs' own API, reporting what the plugin timed.
BUILD = """
import json, resource, sys, time
from mkdocs.commands.build import build
from mkdocs.config import load_config
start = time.perf_counter()
config = load_config(sys.argv[1], site_dir=sys.argv[2])
build(config)
wall = time.perf_counter() - start
me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
plugin = config.plugins.get("archive")
print(json.dumps({"wall": wall, "cpu": me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime,
                  "own_cpu": me.ru_utime + me.ru_stime,
                  "peak_kib": max(me.ru_maxrss, kids.ru_maxrss), "own_peak_kib": me.ru_maxrss,
                  "children_peak_kib": kids.ru_maxrss, "timings": plugin.timings if plugin else {}}))
"""


def project_copy(dest: Path, count: int) -> Path:
    dest.mkdir(parents=True)
    shutil.copy2(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    for folder in ("build_archive", "templates", "data", "docs", "csl"):
        shutil.copytree(ROOT / folder, dest / folder, ignore=shutil.ignore_patterns("__pycache__"))
    generate(count, dest / "seeds", seed=1)
    return dest


def measured_build(config: Path, site: Path) -> dict:
    result = subprocess.run([sys.executable, "-c", BUILD, str(config), str(site)], cwd=config.parent,
                            capture_output=True, text=True, env=ENV)
    if result.returncode != 0:
        raise SystemExit(f"build of {config} failed:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def bare_project(project: Path, dest: Path) -> Path:
    """The same articles' text as plain Markdown pages with Material, no plugin, no nav entries."""
    docs = dest / "docs"
    (docs / "articles").mkdir(parents=True)
    (docs / "index.md").write_text("# Bare\n")
    for article in load_articles(Paths.at(project)):
        text = "\n\n".join(p.text for p in article.paragraphs)
        (docs / "articles" / f"{article.id}.md").write_text(f"# {article.title.value}\n\n{text}\n")
    (dest / "mkdocs.yml").write_text("site_name: Bare\nsite_url: http://127.0.0.1:8000/\ntheme:\n  name: material\n"
                                     "  font: false\nnav:\n  - index.md\nplugins: []\n"
                                     "validation:\n  nav:\n    omitted_files: ignore\n")
    return dest / "mkdocs.yml"


def size_of(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def first_search_bytes(site: Path, query: str) -> int:
    from conftest import serve
    from playwright.sync_api import sync_playwright

    url, server = serve(site)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            page = browser.new_page()
            sizes: list[int] = []
            page.on("response", lambda r: sizes.append(len(r.body())) if "/pagefind/" in r.url and r.ok else None)
            page.goto(url + "search/?q=" + query)
            page.wait_for_selector(".va-search__result", timeout=60000)
            page.wait_for_timeout(300)
            browser.close()
            return sum(sizes)
    finally:
        server.shutdown()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except OSError:
        return ""


def serve_latency(project: Path, edits: int = 5) -> list[float]:
    """Seconds from saving an edited seed to `mkdocs serve --dirty` serving the page with the edit."""
    article = next(a for a in load_articles(Paths.at(project)) if a.raw_name.startswith("synth_00007"))
    seed = project / article.source_file
    port = _free_port()
    url = f"http://127.0.0.1:{port}/articles/{article.id}/"
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dirty", "-a", f"127.0.0.1:{port}"],
                              cwd=project, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 900
        while article.id not in _fetch(url):
            if time.monotonic() > deadline or server.poll() is not None:
                raise SystemExit("mkdocs serve did not come up")
            time.sleep(0.5)
        time.sleep(3)  # let the first build's background search indexing settle
        times = []
        original, lead = seed.read_text(), article.paragraphs[0].text
        for n in range(edits):
            marker = f"Câu sửa thử số {n} của biên tập viên"
            seed.write_text(original.replace(lead, f"{lead} {marker}.", 1))
            saved = time.monotonic()
            while marker not in _fetch(url):
                if time.monotonic() - saved > 120:
                    raise SystemExit("the edit never showed")
                time.sleep(0.05)
            times.append(time.monotonic() - saved)
            time.sleep(2)
        seed.write_text(original)
        return times
    finally:
        server.terminate()
        server.wait(30)


def measure(count: int, work: Path, serve: bool) -> dict:
    project = project_copy(work / f"n{count}", count)
    full = measured_build(project / "mkdocs.yml", project / "site")
    bare = measured_build(bare_project(project, work / f"bare-{count}"), work / f"bare-{count}" / "site")
    site = project / "site"
    row = {"n": count, "full": full, "bare": bare, "pages": sum(1 for _ in site.rglob("*.html")),
           "site_mib": size_of(site) / 2**20, "index_mib": size_of(site / "pagefind") / 2**20,
           "first_search_kb": first_search_bytes(site, "%C4%90%E1%BB%93ng%20H%E1%BB%9Bi") / 1024,
           "common_search_kb": first_search_bytes(site, "kim%20ng%E1%BA%A1ch%20th%C6%B0%C6%A1ng%20m%E1%BA%A1i") / 1024}
    if serve:
        row["serve"] = serve_latency(project)
    return row


def report(row: dict) -> None:
    n, full, bare = row["n"], row["full"], row["bare"]
    print(f"\nN = {n}: {row['pages']} HTML pages")
    print(f"  full build: {full['wall']:.1f} s wall, {full['cpu']:.1f} s CPU ({full['cpu'] / n * 1000:.1f} ms CPU/article; "
          f"MkDocs' own process {full['own_cpu']:.1f} s, its children {full['cpu'] - full['own_cpu']:.1f} s: "
          "the clean+tag pool and Pagefind), "
          f"peak {full['peak_kib'] / 1024:.0f} MiB (MkDocs {full['own_peak_kib'] / 1024:.0f}, "
          f"largest child {full['children_peak_kib'] / 1024:.0f}: Pagefind or a clean+tag worker)")
    print(f"  bare MkDocs + Material, same text: {bare['wall']:.1f} s wall, {bare['cpu']:.1f} s CPU "
          f"({bare['cpu'] / n * 1000:.1f} ms CPU/article), peak {bare['peak_kib'] / 1024:.0f} MiB")
    print(f"  CPU per article, full ÷ bare: {full['cpu'] / bare['cpu']:.2f}")
    print("  stages (s): " + ", ".join(f"{s} {full['timings'].get(s, 0):.2f}" for s in STAGES))
    print(f"  site {row['site_mib']:.1f} MiB, search index {row['index_mib']:.1f} MiB; first search fetched "
          f"{row['first_search_kb']:.0f} KB for “Đồng Hới”, {row['common_search_kb']:.0f} KB for “kim ngạch thương mại”")
    if "serve" in row:
        times = ", ".join(f"{t:.2f}" for t in row["serve"])
        print(f"  mkdocs serve --dirty, seed saved → page shows the edit: median {statistics.median(row['serve']):.2f} s "
              f"({times})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[250, 1000, 4000])
    parser.add_argument("--serve-n", type=int, default=1000, help="measure the serve edit loop at this N (0: never)")
    parser.add_argument("--keep", action="store_true", help="keep the generated projects (printed path)")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-scale-"))
    started = time.perf_counter()
    print(f"machine: {os.cpu_count()} cores; work folder {work}")
    rows = []
    for count in args.sizes:
        row = measure(count, work, serve=count == args.serve_n)
        rows.append(row)
        report(row)
        if not args.keep:
            shutil.rmtree(work / f"n{count}", ignore_errors=True)
            shutil.rmtree(work / f"bare-{count}", ignore_errors=True)
    if len(rows) > 1:
        a, b = rows[0], rows[-1]
        growth = (b["full"]["cpu"] / b["n"]) / (a["full"]["cpu"] / a["n"])
        print(f"\nCPU per article at N = {b['n']} ÷ at N = {a['n']}: {growth:.2f} (1.00 is linear)")
    print("MkDocs stamps the build date into sitemap.xml(.gz) <lastmod>; SOURCE_DATE_EPOCH is set here.")
    print(f"benchmark took {time.perf_counter() - started:.0f} s")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
