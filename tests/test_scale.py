"""Incremental and parallel builds give the same bytes as a clean serial build; the generator is deterministic."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from build_archive import pipeline
from build_archive.pipeline import Paths, build_docs
from build_archive.synth import generate
from conftest import make_project


def docs_digest(docs: Path) -> dict[str, str]:
    return {p.relative_to(docs).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(docs.rglob("*")) if p.is_file()}


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
    build_docs(Paths(serial), use_cache=False)
    monkeypatch.setattr(pipeline, "PARALLEL_MIN", 1)
    summary = build_docs(Paths(parallel))
    assert summary["cache_hits"] == 0
    assert docs_digest(serial / "docs") == docs_digest(parallel / "docs")
    # A rebuild after one article changes: only that one is redone, and the result is what a clean build gives.
    seed = parallel / "seeds" / "synth_00003.txt"
    seed.write_text(seed.read_text().replace("\n\n", "\n\nMột đoạn mới thêm vào.\n\n", 1))
    shutil.copy(seed, serial / "seeds" / seed.name)
    summary = build_docs(Paths(parallel))
    # three entries an article (cleaned and tagged, its event sightings, its pages): one article's three miss
    assert summary["cache_misses"] == 3 and summary["cache_hits"] == 3 * (80 + 5) - 3
    build_docs(Paths(serial), use_cache=False)
    assert docs_digest(serial / "docs") == docs_digest(parallel / "docs")


def test_a_code_or_data_change_invalidates_the_cache(tmp_path):
    project = make_project(tmp_path / "p")
    assert build_docs(Paths(project))["cache_misses"] == 15
    assert build_docs(Paths(project))["cache_misses"] == 0
    outlets = project / "data" / "outlets.yml"
    outlets.write_text(outlets.read_text().replace("Báo Pháp luật Việt Nam", "Báo Pháp luật Việt Nam (PLVN)"))
    assert build_docs(Paths(project))["cache_misses"] == 15
    assert "Báo Pháp luật Việt Nam (PLVN)" in next((project / "docs" / "articles").glob("2019-*/index.md")).read_text()
