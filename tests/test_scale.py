"""Incremental and parallel builds give the same bytes as a clean serial build; the generator is deterministic."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from conftest import make_project

from build_archive.pipeline import run as pipeline
from build_archive.pipeline.cache import Cache
from build_archive.pipeline.run import Paths, build_site
from build_archive.synth import generate


def build(project: Path, use_cache: bool = True) -> tuple[dict[str, str], Cache]:
    """Every generated output's digest, and the cache with its hit and miss counts."""
    paths = Paths.at(project, use_cache)
    cache = Cache(paths.cache)
    outputs = build_site(paths, cache=cache)
    return {path: hashlib.sha256(out if isinstance(out, bytes) else repr(out).encode()).hexdigest()
            for path, out in sorted(outputs.items())}, cache


def test_synthetic_archive_is_deterministic_and_varied(tmp_path):
    first = generate(40, tmp_path / "a", seed=7)
    second = generate(40, tmp_path / "b", seed=7)
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]
    other = generate(40, tmp_path / "c", seed=8)
    assert [p.read_bytes() for p in first] != [p.read_bytes() for p in other]
    text = "\n".join(p.read_text() for p in first)
    for feature in ("Ủy ban liên Chính phủ", "Tham khảo chính trị", "tỷ USD", "Tin liên quan", "Xem thêm:", "Theo "):
        assert feature in text, feature


def test_cached_parallel_and_serial_builds_write_identical_docs(tmp_path, monkeypatch):
    extra = {p.name: p.read_bytes() for p in generate(80, tmp_path / "synth", seed=3)}
    serial = make_project(tmp_path / "serial", extra)
    parallel = make_project(tmp_path / "parallel", extra)
    monkeypatch.setattr(pipeline, "PARALLEL_MIN", 10**9)
    clean, _ = build(serial, use_cache=False)
    monkeypatch.setattr(pipeline, "PARALLEL_MIN", 1)
    cached, cache = build(parallel)
    assert cache.hits == 0
    assert clean == cached
    # A rebuild after one article changes: only that one is redone, and the result is what a clean build gives.
    seed = parallel / "seeds" / "synth_00003.txt"
    seed.write_text(seed.read_text().replace("\n\n", "\n\nMột đoạn mới thêm vào.\n\n", 1))
    shutil.copy(seed, serial / "seeds" / seed.name)
    cached, cache = build(parallel)
    # three entries an article (cleaned and tagged, its event sightings, its pages): one article's three miss
    assert cache.misses == 3 and cache.hits == 3 * (80 + 5) - 3
    clean, _ = build(serial, use_cache=False)
    assert clean == cached


def test_a_code_or_data_change_invalidates_the_cache(tmp_path):
    project = make_project(tmp_path / "p")
    assert build(project)[1].misses == 15
    assert build(project)[1].misses == 0
    outlets = project / "data" / "outlets.yml"
    outlets.write_text(outlets.read_text().replace("Báo Pháp luật Việt Nam", "Báo Pháp luật Việt Nam (PLVN)"))
    assert build(project)[1].misses == 15
    outputs = build_site(Paths.at(project))
    page = next(out for path, out in outputs.items() if path.startswith("articles/2019-") and path.endswith("index.md"))
    assert "Báo Pháp luật Việt Nam (PLVN)" in page.html
