"""Incremental and parallel builds give the same bytes as a clean serial build; the generator is deterministic."""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

from conftest import build_ok, make_project, tree_digest
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config

from build_archive.pages.exports import dumps, json_items, json_list
from build_archive.pipeline import run as pipeline
from build_archive.pipeline.cache import Cache
from build_archive.pipeline.fingerprint import Fingerprints
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


def _step_serve(project: Path, twin: Path, cache: Cache, previous: dict) -> tuple[dict, dict]:
    """A `mkdocs serve` rebuild (long-lived cache) of ``project``, checked against a clean build of ``twin``."""
    outputs = build_site(Paths.at(project), cache=cache)
    clean = build_site(Paths.at(twin, use_cache=False))
    assert sorted(outputs) == sorted(clean)
    assert [path for path in outputs if outputs[path] != clean[path]] == []
    kept = {path for path, out in outputs.items() if not isinstance(out, bytes) and previous.get(path) is out}
    # redirect stubs are made afresh each build, never rendered from a template
    return outputs, {"kept": kept, "pages": {p for p, o in outputs.items() if not isinstance(o, bytes) and not o.redirect_to}}


def test_serve_rebuilds_redo_only_affected_pages_and_match_a_clean_build(tmp_path):
    """Under `mkdocs serve` rendered pages are re-used while nothing they read changed: after each edit
    (a seed, a sidecar, a new seed, a removed one, curated data) the site is what a clean build gives."""
    extra = {p.name: p.read_bytes() for p in generate(30, tmp_path / "synth", seed=5)}
    project = make_project(tmp_path / "served", extra)
    twin = make_project(tmp_path / "clean", extra)
    cache = Cache(Paths.at(project).cache, long_lived=True)

    def edit(path: str, change, *, both: bool = True) -> None:
        for root in (project, twin) if both else (project,):
            file = root / path
            file.write_text(change(file.read_text()) if file.exists() else change(""))

    outputs, seen = _step_serve(project, twin, cache, {})
    assert seen["kept"] == set()
    # A seed's lead paragraph grows: its article, its source view and the pages that read it change.
    edit("seeds/synth_00004.txt", lambda t: t.replace("\n\n", "\n\nBiên tập viên thêm một câu vào đây.\n\n", 1))
    outputs, seen = _step_serve(project, twin, cache, outputs)
    redone = seen["pages"] - seen["kept"]
    assert any(p.startswith("articles/") and p.endswith("/index.md") and p != "articles/index.md" for p in redone)
    assert "events/index.md" in seen["kept"] and len(seen["kept"]) > len(redone)
    # A figure's number changes: the figures table, its CSV and JSON and archive.json follow.
    money = re.compile(r"(\d+)(,\d+)? tỷ USD")
    name = next(p.name for p in sorted((project / "seeds").glob("synth_*.txt")) if money.search(p.read_text()))
    before = outputs["figures/figures.csv"]
    edit(f"seeds/{name}", lambda t: money.sub(lambda m: f"{int(m.group(1)) + 7}{m.group(2) or ''} tỷ USD", t, count=1))
    outputs, seen = _step_serve(project, twin, cache, outputs)
    assert outputs["figures/figures.csv"] != before and "figures/index.md" not in seen["kept"]
    # A sidecar renames an article: every list that shows its title follows.
    edit("seeds/001_a7b350cfd587fa8d.yml", lambda t: t.replace("tăng cường hợp tác", "đẩy mạnh hợp tác"))
    outputs, seen = _step_serve(project, twin, cache, outputs)
    assert "articles/index.md" not in seen["kept"]
    assert "đẩy mạnh hợp tác" in outputs["articles/index.md"].html
    # A new seed, then one removed.
    newcomer = generate(3, tmp_path / "more", seed=11)[-1].read_text()
    edit("seeds/synth_90000.txt", lambda _: newcomer)
    outputs, seen = _step_serve(project, twin, cache, outputs)
    for root in (project, twin):
        (root / "seeds" / "synth_00011.txt").unlink()
    outputs, seen = _step_serve(project, twin, cache, outputs)
    # Curated data is part of the code version: every page is rendered again.
    edit("data/outlets.yml", lambda t: t.replace("Báo Pháp luật Việt Nam", "Báo Pháp luật Việt Nam (PLVN)"))
    outputs, seen = _step_serve(project, twin, cache, outputs)
    assert seen["kept"] == set()
    # Nothing changed: every page is re-used.
    outputs, seen = _step_serve(project, twin, cache, outputs)
    assert seen["kept"] == seen["pages"]


def test_serve_dirty_rebuild_writes_what_a_clean_build_writes(tmp_path, monkeypatch):
    """MkDocs' own serve loop, in process: after an edit, the served site equals a clean `mkdocs build`."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    extra = {p.name: p.read_bytes() for p in generate(12, tmp_path / "synth", seed=9)}
    project, twin = make_project(tmp_path / "served", extra), make_project(tmp_path / "clean", extra)
    for root in (project, twin):  # no search index: Pagefind runs in the background under serve
        config_file = root / "mkdocs.yml"
        config_file.write_text(config_file.read_text().replace("  - archive:\n", "  - archive:\n      search: false\n"))
    served, url = tmp_path / "served-site", "http://127.0.0.1:8000/"

    def rebuild(first: bool = False) -> None:  # what `mkdocs serve --dirty` does on start and on each change
        config = load_config(str(project / "mkdocs.yml"), site_dir=str(served))
        if first:
            config.plugins.on_startup(command="serve", dirty=True)
        config.site_url = url
        mkdocs_build(config, serve_url=url, dirty=True)

    monkeypatch.chdir(project)
    rebuild(first=True)
    edits = [("Hai bên nhất trí duy trì,", "Hai bên, theo biên tập viên, nhất trí duy trì,"),  # a body paragraph
             ("\n\n", "\n\nMột dòng thêm vào đầu bài.\n\n")]  # the title changes: the page moves to a new URL
    for old, new in edits:
        for root in (project, twin):
            seed = root / "seeds" / "synth_00003.txt"
            assert old in seed.read_text()
            seed.write_text(seed.read_text().replace(old, new, 1))
        rebuild()
        assert tree_digest(served) == tree_digest(build_ok(twin)), new


def test_json_fragments_join_to_what_one_dump_writes():
    """Whole-archive files are joined from fragments re-used under serve: the same bytes as one dump."""
    items = [{"id": "a", "value": [1.5, None], "text": "Đồng Hới"}, {"id": "b", "nested": {"x": []}}, []]
    for indent in (1, 2):
        assert json_list(json_items([item], indent) for item in items) == dumps(items, indent=indent)
        assert json_list([json_items(items[:2], indent), json_items(items[2:], indent)]) == dumps(items, indent=indent)
    assert json_list([]) == json_list([json_items([], 1)]) == dumps([], indent=1)


def test_a_pinned_value_keeps_its_fingerprint_until_unpinned():
    """A value re-used across builds is pinned: hashed once; a container not pinned is hashed each build."""
    prints = Fingerprints()
    pinned, loose = {"rows": [1, 2]}, {"rows": [1, 2]}
    prints.pin(pinned)
    first = prints.of(pinned)
    assert prints.of(loose) == first  # the same contents, the same fingerprint
    prints.new_build()
    pinned["rows"].append(3)  # (a pinned value is never changed: this shows it is not hashed again)
    loose["rows"].append(3)
    assert prints.of(pinned) == first and prints.of(loose) != first
    prints.unpin(pinned)
    assert prints.of(pinned) == prints.of(loose)
