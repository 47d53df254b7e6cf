"""Scale benchmark: full builds of synthetic archives against bare MkDocs of the same pages.

    .venv/bin/python bench/scale.py                  # N = 250, 1000, 4000 (make bench-scale)
    .venv/bin/python bench/scale.py --sizes 250 1000

For each N: a synthetic archive (python -m build_archive.synth, seed 1) in a fresh
copy of the project; a clean full build (pipeline + MkDocs + Pagefind) and, as
the reference, a bare ``mkdocs build`` of the same generated Markdown without the
pipeline hook; a rebuild after one article changes; wall time, time per article,
peak memory, time per pipeline stage, site size, search index size and the bytes
a first search fetches in Chromium. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from build_archive.pages.site import GENERATED_DIRS, GENERATED_FILES  # noqa: E402
from build_archive.synth import generate  # noqa: E402

STAGES = ("ingest", "clean+tag", "link", "render", "write", "search index")
CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update"]


def project_copy(dest: Path, count: int) -> Path:
    dest.mkdir(parents=True)
    shutil.copy2(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    for folder in ("build_archive", "templates", "data", "csl"):
        shutil.copytree(ROOT / folder, dest / folder, ignore=shutil.ignore_patterns("__pycache__"))
    generated = set(GENERATED_FILES) | set(GENERATED_DIRS)
    shutil.copytree(ROOT / "docs", dest / "docs",
                    ignore=lambda d, names: {n for n in names if Path(d) == ROOT / "docs" and n in generated})
    generate(count, dest / "seeds", seed=1)
    return dest


def timed(command: list[str], cwd: Path, env: dict | None = None) -> tuple[float, int]:
    """Wall seconds and peak resident memory (KiB) of a command and everything it starts."""
    runner = ("import resource, subprocess, sys, json; r = subprocess.run(sys.argv[1:]); "
              "print(json.dumps([r.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss]))")
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", runner, *command], cwd=cwd, capture_output=True, text=True,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})})
    elapsed = time.perf_counter() - start
    code, peak = json.loads(result.stdout.strip().splitlines()[-1])
    if code != 0:
        raise SystemExit(f"{' '.join(command)} failed in {cwd}:\n{result.stderr[-3000:]}")
    return elapsed, peak


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


def measure(count: int, work: Path) -> dict:
    project = project_copy(work / f"n{count}", count)
    timings_file = work / f"timings-{count}.json"
    full, full_peak = timed([sys.executable, "-m", "mkdocs", "build", "--strict", "-q"], project,
                            {"BUILD_ARCHIVE_TIMINGS": str(timings_file), "SOURCE_DATE_EPOCH": "1700000000"})
    stages = json.loads(timings_file.read_text())
    bare_config = project / "mkdocs-bare.yml"
    bare_config.write_text("\n".join(line for line in (project / "mkdocs.yml").read_text().splitlines()
                                     if "mkdocs_hook" not in line and line.strip() != "hooks:") + "\n")
    bare, bare_peak = timed([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(bare_config),
                             "-d", str(work / f"bare-{count}")], project)
    # One article changes: the pipeline alone, with its cache (what `mkdocs serve` redoes).
    seed = project / "seeds" / "synth_00007.txt"
    text = seed.read_text().replace("\n\n", "\n\nMột đoạn mới do biên tập viên thêm vào bài.\n\n", 3)
    seed.write_text(text)
    rebuild_script = ("import json, sys, time; sys.path.insert(0, '.'); from pathlib import Path; "
                      "from build_archive.pipeline import Paths, build_docs; t = {}; s = time.perf_counter(); "
                      "build_docs(Paths(Path('.')), timings=t); print(json.dumps(time.perf_counter() - s))")
    result = subprocess.run([sys.executable, "-c", rebuild_script], cwd=project, capture_output=True, text=True)
    rebuild = json.loads(result.stdout.strip().splitlines()[-1])
    site = project / "site"
    pipeline = sum(v for k, v in stages.items() if k != "search index")
    return {"n": count, "full": full, "bare": bare, "peak_mib": max(full_peak, bare_peak) / 1024,
            "full_peak_mib": full_peak / 1024, "stages": stages, "pipeline": pipeline, "rebuild": rebuild,
            "site_mib": size_of(site) / 2**20, "index_mib": size_of(site / "pagefind") / 2**20,
            "pages": sum(1 for _ in site.rglob("*.html")),
            "first_search_kb": first_search_bytes(site, "%C4%90%E1%BB%93ng%20H%E1%BB%9Bi") / 1024,
            "common_search_kb": first_search_bytes(site, "kim%20ng%E1%BA%A1ch%20th%C6%B0%C6%A1ng%20m%E1%BA%A1i") / 1024}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[250, 1000, 4000])
    parser.add_argument("--keep", action="store_true", help="keep the generated projects (printed path)")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-scale-"))
    started = time.perf_counter()
    print(f"machine: {os.cpu_count()} cores; work folder {work}")
    rows = []
    for count in args.sizes:
        row = measure(count, work)
        rows.append(row)
        print(f"\nN = {count}: {row['pages']} HTML pages")
        print(f"  full build {row['full']:.1f} s ({row['full'] / count * 1000:.1f} ms/article), "
              f"bare MkDocs {row['bare']:.1f} s, full ÷ bare {row['full'] / row['bare']:.2f}")
        print(f"  pipeline {row['pipeline']:.1f} s: " + ", ".join(f"{s} {row['stages'].get(s, 0):.2f} s" for s in STAGES))
        print(f"  rebuild after one article changes: pipeline {row['rebuild']:.2f} s "
              f"= {row['rebuild'] / row['pipeline'] * 100:.0f} % of the clean pipeline")
        print(f"  peak memory {row['full_peak_mib']:.0f} MiB (full build), site {row['site_mib']:.1f} MiB, "
              f"search index {row['index_mib']:.1f} MiB")
        print(f"  first search fetched {row['first_search_kb']:.0f} KB for “Đồng Hới” (a name), "
              f"{row['common_search_kb']:.0f} KB for “kim ngạch thương mại” (words in nearly every page)")
        if not args.keep:
            shutil.rmtree(work / f"n{count}", ignore_errors=True)
            shutil.rmtree(work / f"bare-{count}", ignore_errors=True)
    by_n = {r["n"]: r for r in rows}
    print("\nTargets")
    if 1000 in by_n:
        r = by_n[1000]
        print(f"  full ÷ bare at N = 1000: {r['full'] / r['bare']:.2f} (target ≤ 1.25)")
        print(f"  rebuild after one change at N = 1000: {r['rebuild'] / r['pipeline'] * 100:.0f} % of the pipeline "
              "(target ≤ 15 %)")
    if 1000 in by_n and 4000 in by_n:
        print(f"  t(4000) ÷ t(1000): {by_n[4000]['full'] / by_n[1000]['full']:.2f} (target ≤ 4.5)")
    if 4000 in by_n:
        print(f"  peak memory at N = 4000: {by_n[4000]['full_peak_mib']:.0f} MiB (target < 2048)")
        print(f"  first search at N = 4000: {by_n[4000]['first_search_kb']:.0f} KB for a name, "
              f"{by_n[4000]['common_search_kb']:.0f} KB for the commonest words (target ≤ 300)")
    print("\nMkDocs stamps the build date into sitemap.xml(.gz) <lastmod>; with SOURCE_DATE_EPOCH set (as here and "
          "in the determinism test) two builds are byte-identical.")
    print(f"benchmark took {time.perf_counter() - started:.0f} s")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
