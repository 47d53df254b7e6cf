"""Ingest: encodings that are read, and bad files that are refused with a clear message."""

from pathlib import Path

import pytest

from build_archive.common.errors import InputError
from build_archive.ingest.reader import decode, html_to_text, list_seeds

TEXT = "Tiêu đề bài\n\nĐoạn văn thứ nhất về Việt Nam và Lào.\n"


@pytest.mark.parametrize("raw", [
    TEXT.encode("utf-8"),
    b"\xef\xbb\xbf" + TEXT.encode("utf-8"),
    TEXT.replace("\n", "\r\n").encode("utf-8"),
    TEXT.encode("utf-16"),
    TEXT.replace(" ", "\u00a0").encode("utf-8"),
])
def test_accepted_encodings_give_the_same_text(raw):
    assert decode(Path("x.txt"), raw) == TEXT


def test_empty_file_is_refused():
    with pytest.raises(InputError, match=r"seeds/a\.txt: empty file"):
        decode(Path("seeds/a.txt"), b"  \n\n")


def test_binary_file_is_refused_with_the_offset():
    with pytest.raises(InputError) as info:
        decode(Path("seeds/b.txt"), b"PNG\x89\x00\x01\x02")
    assert info.value.offset == 4
    assert "seeds/b.txt" in str(info.value) and "binary" in str(info.value)


def test_legacy_code_page_is_refused_not_guessed():
    raw = "Tiêu đê\nHà Nam".encode("cp1258")  # Windows-1258, the legacy Vietnamese code page
    with pytest.raises(InputError) as info:
        decode(Path("seeds/c.txt"), raw)
    first_non_ascii = next(i for i, byte in enumerate(raw) if byte > 127)
    assert f"seeds/c.txt:1 (byte {first_non_ascii}): not valid UTF-8" in str(info.value)


def test_html_page_gives_one_block_a_line_without_scripts():
    html = """<html><head><title>t</title><script>var x = 1;</script>
    <link rel="canonical" href="https://vov.vn/a-post1.vov"><meta property="og:site_name" content="VOV">
    <meta property="article:published_time" content="2023-01-12T10:00:00+07:00"></head>
    <body><nav>Trang chủ</nav><h1>Tiêu đề <b>đậm</b></h1><p>Đoạn <i>một</i>
    tiếp.</p><p>Đoạn hai.</p><style>p{}</style></body></html>"""
    text, meta = html_to_text(html)
    assert text.split("\n") == ["Trang chủ", "Tiêu đề đậm", "Đoạn một tiếp.", "Đoạn hai."]
    assert meta["source_url"] == "https://vov.vn/a-post1.vov"
    assert meta["outlet"] == "VOV"
    assert meta["published"].startswith("2023-01-12")


def test_unknown_files_and_orphan_sidecars_are_errors(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT)
    (tmp_path / "a.doc").write_text("x")
    with pytest.raises(InputError, match=r"a\.doc: unknown kind of file"):
        list_seeds(tmp_path)
    (tmp_path / "a.doc").unlink()
    (tmp_path / "b.yml").write_text("title: x\n")
    with pytest.raises(InputError, match=r"b\.yml: sidecar for an article that does not exist"):
        list_seeds(tmp_path)
