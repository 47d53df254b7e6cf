"""Bad input stops the build with a message naming the file, and leaves the built site as it was."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import build_ok, make_project, run_cli, run_mkdocs, tree_digest

GOOD = "Bài thử nghiệm về hợp tác Việt Nam - Lào\n\n(VOV) - Sáng 5/3/2024, hai bên họp tại Hà Nội.\n".encode()


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """A small project, built once successfully: the 'previous site'."""
    project = make_project(tmp_path_factory.mktemp("bad"), {"good.txt": GOOD}, keep_seeds=False)
    build_ok(project)
    return project


CASES = {
    "empty": ({"empty.txt": b""}, r"seeds/empty.txt: empty file"),
    "binary": ({"photo.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"}, r"seeds/photo.txt (byte 8): binary file"),
    "legacy code page": ({"old.txt": "Tiêu đê Hà Nam".encode("cp1258")},
                         r"seeds/old.txt:1 (byte 2): not valid UTF-8"),
    "broken yaml": ({"good.yml": b"title: Fine\ndate: [2023\n"}, r"seeds/good.yml:3: YAML does not parse"),
    "unknown field": ({"good.yml": b"title: Fine\ntitel: typo\n"}, r"seeds/good.yml:2: unknown field 'titel'"),
    "bad date": ({"good.yml": b"date: 2023-02-30\n"}, r"seeds/good.yml:1: date '2023-02-30'"),
    "duplicate key": ({"good.yml": b"title: A\ntitle: B\n"}, r"seeds/good.yml:2: key 'title' given twice"),
    "duplicate id": ({"copy.txt": GOOD}, r"seeds/good.txt: its URL articles/2024-03-05-bai-thu-nghiem"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_input_fails_clearly_and_keeps_the_previous_site(project, case):
    files, message = CASES[case]
    before = tree_digest(project / "site")
    docs_before = tree_digest(project / "docs")
    for name, content in files.items():
        (project / "seeds" / name).write_bytes(content)
    try:
        result = run_mkdocs(project)
        assert result.returncode != 0
        assert message in result.stdout + result.stderr, result.stdout + result.stderr
        cli = run_cli(project)
        assert cli.returncode == 2
        assert message in cli.stderr
        assert tree_digest(project / "site") == before, "the previously built site was changed"
        assert tree_digest(project / "docs") == docs_before, "docs/ was written despite bad input"
    finally:
        for name in files:
            (project / "seeds" / name).unlink()


def test_duplicate_id_names_both_files(project):
    (project / "seeds" / "copy.txt").write_bytes(GOOD)
    try:
        output = run_cli(project).stderr
    finally:
        (project / "seeds" / "copy.txt").unlink()
    assert "seeds/good.txt" in output and "seeds/copy.txt" in output


def test_broken_cleaning_rules_name_file_and_line(project):
    rules = project / "data" / "cleaning.yml"
    original = rules.read_bytes()
    rules.write_bytes(original + b"\nslogan: [oops\n")
    try:
        result = run_cli(project)
    finally:
        rules.write_bytes(original)
    assert result.returncode == 2
    assert "data/cleaning.yml:" in result.stderr and "YAML does not parse" in result.stderr


UNDATED = "Hội nghị giữa kỳ về hợp tác Việt Nam - Lào\n\n(VOV) - Hai bên đã họp tại Hà Nội.\n".encode()


def test_two_undated_reports_with_one_headline_both_build(tmp_path):
    """Undated, a headline alone is not unique: each URL ends with digits of its own file's name."""
    project = make_project(tmp_path, {"vov.txt": UNDATED, "qdnd.txt": UNDATED}, keep_seeds=False)
    build_ok(project)
    pages = sorted(p.parent.name for p in (project / "site" / "articles").glob("khong-ro-ngay-*/index.html"))
    assert len(pages) == 2 and pages[0] != pages[1]
    assert all(p.startswith("khong-ro-ngay-hoi-nghi-giua-ky-ve-hop-tac-viet-nam-lao-") for p in pages)
    build_ok(project)  # the same URLs on a rebuild
    assert sorted(p.parent.name for p in (project / "site" / "articles").glob("khong-ro-ngay-*/index.html")) == pages
