"""The worst inputs the archive has met, each built alone: time and peak memory per case.

Each case is a throwaway project (the code, templates and data of this checkout, one
hostile seed beside one ordinary article) checked with ``python -m build_archive``,
which runs every stage in memory. A case should take well under a second beyond the
baseline and end in exit 0 (built) or exit 2 (refused with a message), never a traceback.

    .venv/bin/python bench/hostile.py [--timeout 60] [CASE ...]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOOD = "Bài thử nghiệm về hợp tác Việt Nam - Lào\n\n(VOV) - Sáng 5/3/2024, hai bên họp tại Hà Nội.\n"
TITLE = "Bài thử về Lào\n\n(VOV) - Sáng 5/3/2024, "


def _nested_yaml(depth: int) -> bytes:
    return b"title: " + b"[" * depth + b"]" * depth + b"\n"


def _alias_bomb(levels: int) -> bytes:
    lines = ['a0: &a0 ["x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    for n in range(1, levels):
        lines.append(f"a{n}: &a{n} [" + ", ".join([f"*a{n - 1}"] * 9) + "]")
    return ("\n".join(lines) + "\n").encode()


def cases() -> dict[str, dict[str, bytes]]:
    """Case name → extra seed files (name → bytes)."""
    return {
        "baseline": {},
        "figure 10000000 tỷ USD": {"h.txt": (TITLE + "kim ngạch thương mại Việt Nam - Lào năm 2023 đạt "
                                               "10000000 tỷ USD.\n").encode()},
        "figure of 400 digits": {"h.txt": (TITLE + "Có " + "9" * 400 + " người tham dự và kim ngạch thương mại "
                                             "năm 2023 đạt " + "9" * 400 + " USD.\n").encode()},
        "one 100 KB word": {"h.txt": (TITLE + "x" * 100_000 + "\n").encode()},
        "one 10 KB word": {"h.txt": (TITLE + "x" * 10_000 + "\n").encode()},
        "one 5 MB line": {"h.txt": (TITLE + "Việt Nam và Lào hợp tác. " * 200_000 + "\n").encode()},
        "seed of 25 MB": {"h.txt": (TITLE + ("Việt Nam và Lào hợp tác.\n\n" * 1_000_000)).encode()},
        "sidecar title of 200,000 characters": {"h.txt": (TITLE + "hai bên họp.\n").encode(),
                                                "h.yml": ("title: " + "Lào " * 50_000 + "\n").encode()},
        "YAML alias bomb": {"h.txt": (TITLE + "hai bên họp.\n").encode(), "h.yml": _alias_bomb(9)},
        "YAML nested 100,000 deep": {"h.txt": (TITLE + "hai bên họp.\n").encode(), "h.yml": _nested_yaml(100_000)},
        "HTML nested 20,000 deep": {"h.html": ("<html><body><h1>Bài thử về Lào</h1>" + "<div>\n" * 20_000
                                                + "<p>Sáng 5/3/2024, hai bên họp.</p>" + "</div>" * 20_000
                                                + "</body></html>").encode()},
    }


def make_project(folder: Path, seeds: dict[str, bytes]) -> Path:
    folder.mkdir()
    shutil.copy2(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    ignore = shutil.ignore_patterns("__pycache__")
    for name in ("build_archive", "templates", "data"):
        shutil.copytree(ROOT / name, folder / name, ignore=ignore)
    (folder / "seeds").mkdir()
    (folder / "seeds" / "good.txt").write_text(GOOD, encoding="utf-8")
    for name, content in seeds.items():
        (folder / "seeds" / name).write_bytes(content)
    return folder


def measure(project: Path, timeout: float) -> tuple[float, float, str]:
    """Seconds, peak resident MB and the outcome of one check of ``project``."""
    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-m", "build_archive", "--root", str(project)], cwd=project,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = start + timeout
    while True:
        pid, status, usage = os.wait4(child.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() > deadline:
            child.kill()
            pid, status, usage = os.wait4(child.pid, 0)
            return time.perf_counter() - start, usage.ru_maxrss / 1024, f"KILLED after {timeout:.0f} s"
        time.sleep(0.02)
    seconds = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    err = child.stderr.read()
    child.stdout.close()
    child.stderr.close()
    if child.returncode == 0:
        outcome = "built"
    elif "Traceback" in err:
        outcome = "TRACEBACK: " + err.strip().splitlines()[-1][:100]
    else:
        message = next((line for line in err.splitlines() if line.startswith("error:")), err.strip()[-140:])
        outcome = f"exit {child.returncode}, " + message[:150]
    return seconds, usage.ru_maxrss / 1024, outcome


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cases", nargs="*", help="case names (default: all)")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds before a case is killed")
    args = parser.parse_args()
    chosen = {n: s for n, s in cases().items() if not args.cases or n in args.cases or n == "baseline"}
    print(f"{'case':38} {'seconds':>8} {'peak MB':>8}  outcome")
    with tempfile.TemporaryDirectory(prefix="hostile-") as tmp:
        for n, (name, seeds) in enumerate(chosen.items()):
            project = make_project(Path(tmp) / f"p{n}", seeds)
            seconds, peak, outcome = measure(project, args.timeout)
            print(f"{name:38} {seconds:8.2f} {peak:8.0f}  {outcome}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
