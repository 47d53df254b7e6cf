"""Hostile and broken input (issue 13): refused with a message naming file and line, or rendered inert.

Refusals are checked in-process (the pipeline raises InputError) and, where only MkDocs
can see the clash, through ``mkdocs build``. Accepted hostile seeds are built once; every
file of that site must parse (HTML, JSON, XML) and carry no element or attribute the
templates did not make, and Chromium must open no dialog and send no request outside.
"""

from __future__ import annotations

import json
import os
import pickle
import resource
import signal
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import build_ok, make_project, run_mkdocs, serve, tree_digest

from build_archive.common.errors import InputError
from build_archive.pipeline.cache import Cache
from build_archive.pipeline.run import Paths, build_site

GOOD = "Bài thử nghiệm về hợp tác Việt Nam - Lào\n\n(VOV) - Sáng 5/3/2024, hai bên họp tại Hà Nội.\n".encode()
LEAD = "Bài thử về Lào\n\n(VOV) - Sáng 5/3/2024, "


def seed(text: str) -> bytes:
    return (LEAD + text + "\n").encode()


@pytest.fixture(scope="module")
def small(tmp_path_factory) -> Path:
    return make_project(tmp_path_factory.mktemp("hostile-small"), {"good.txt": GOOD}, keep_seeds=False)


def refusal(project: Path) -> str:
    """The pipeline's message for ``project`` (it must refuse)."""
    with pytest.raises(InputError) as caught:
        build_site(Paths.at(project, use_cache=False))
    return str(caught.value)


def _alias_bomb(levels: int = 9) -> bytes:
    lines = ['a0: &a0 ["x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    lines += [f"a{n}: &a{n} [" + ", ".join([f"*a{n - 1}"] * 9) + "]" for n in range(1, levels)]
    return ("\n".join(lines) + "\n").encode()


# name → (files written into seeds/, the message expected)
SEED_CASES = {
    "C1 control in a title": ({"h.txt": "Bài thử \u0086 tiêu đề <img src=x onerror=alert(1)>\n\nSáng 5/3/2024.\n"
                                        .encode()}, "seeds/h.txt:1: control character U+0086"),
    "mojibake": ({"h.txt": seed("đã nói â\u0080\u0099 rồi")}, "seeds/h.txt:3: control character U+0080 after 'â'"),
    "U+FFFE in text": ({"h.txt": seed("ký \ufffe kết")}, "seeds/h.txt:3: non-character U+FFFE"),
    "U+FFFF in an HTML seed": ({"h.html": "<h1>Bài</h1><p>Sáng 5/3/2024 \uffff</p>".encode()},
                               "seeds/h.html:1: non-character U+FFFF"),
    "C1 escape in a sidecar": ({"good.yml": b'title: "Ti\\x86tle"\n'}, "seeds/good.yml:1: control character U+0086"),
    "lone surrogate in a sidecar": ({"good.yml": b'author: "a"\ntitle: "\\ud800"\n'},
                                    "seeds/good.yml:2: lone surrogate U+D800"),
    "NUL in a sidecar": ({"good.yml": b"title: a\x00b\n"}, "seeds/good.yml:1: YAML does not parse"),
    "deeply nested sidecar": ({"good.yml": b"title: " + b"[" * 5000 + b"]" * 5000 + b"\n"},
                              "seeds/good.yml:1: YAML does not parse: nested deeper than 40 levels"),
    "deeply nested block YAML": ({"good.yml": b"title:\n" + b"".join(b" " * n + b"- \n" for n in range(2, 200))},
                                 "nested deeper than 40 levels"),
    "YAML alias bomb": ({"good.yml": _alias_bomb()}, "seeds/good.yml:2: YAML does not parse: aliases (*name)"),
    "sidecar title of 200,000 characters": ({"good.yml": ("title: " + "Lào " * 50_000).encode()},
                                            "seeds/good.yml:1: 'title' has 199,999 characters"),
    "redirect outside the site": ({"good.yml": b"redirect_from:\n  - ../../../../tmp/x/\n"},
                                  "seeds/good.yml:2: redirect_from '../../../../tmp/x/' is not a page path"),
    "redirect to the root": ({"good.yml": b"redirect_from: ['/']\n"}, "seeds/good.yml:1: redirect_from '/' is absolute"),
    "redirect into pagefind/": ({"good.yml": b"redirect_from:\n  - pagefind/pagefind.js\n"},
                                "seeds/good.yml:2: redirect_from 'pagefind/pagefind.js' is inside 'pagefind'"),
    "redirect over the article list": ({"good.yml": b"title: Bai thu\nredirect_from:\n  - articles/\n"},
                                       "seeds/good.yml:3: redirect_from 'articles/': site/articles/ is also another page"),
    "redirect over a source view": ({"good.yml": b"redirect_from:\n  - articles/2024-03-05-bai-thu-nghiem-ve-hop-tac"
                                                 b"-viet-nam-lao/source\n"}, "seeds/good.yml:2: redirect_from"),
    "one 100 KB word": ({"h.txt": seed("x" * 100_000)}, "seeds/h.txt:3: a line of 100,023 characters"),
    "one 10 KB word": ({"h.txt": seed("x" * 10_000)}, "seeds/h.txt:3: a word of over 2,000 characters"),
    "a 5 MB line": ({"h.txt": seed("Việt Nam và Lào. " * 300_000)}, "seeds/h.txt:3: a line of"),
    "a FIFO": ({}, "seeds/pipe.txt: a FIFO (named pipe), not a file"),
    "a symbolic link outside seeds/": ({}, "seeds/host.txt: symbolic link to /etc/hostname, outside the seeds folder"),
    "a symbolic link to /dev/zero": ({}, "seeds/zero.txt: symbolic link to /dev/zero, outside the seeds folder"),
    "a dangling symbolic link": ({}, "seeds/gone.txt: symbolic link that leads nowhere"),
    "an unreadable seed (a link loop)": ({}, "seeds/loop.txt: symbolic link that leads nowhere"),
    "a seed over the size limit": ({}, "seeds/big.txt: 21,000,000 bytes, over the limit of 20,971,520"),
}


def _special(seeds: Path, case: str) -> list[Path]:
    """Files no bytes can describe: FIFOs, links, a sparse giant."""
    if case == "a FIFO":
        os.mkfifo(seeds / "pipe.txt")
        return [seeds / "pipe.txt"]
    links = {"a symbolic link outside seeds/": ("host.txt", "/etc/hostname"),
             "a symbolic link to /dev/zero": ("zero.txt", "/dev/zero"),
             "a dangling symbolic link": ("gone.txt", str(seeds / "missing.txt")),
             "an unreadable seed (a link loop)": ("loop.txt", str(seeds / "loop.txt"))}
    if case in links:
        name, target = links[case]
        (seeds / name).symlink_to(target)
        return [seeds / name]
    if case == "a seed over the size limit":
        with open(seeds / "big.txt", "wb") as handle:
            handle.truncate(21_000_000)
        return [seeds / "big.txt"]
    return []


@pytest.mark.parametrize("case", list(SEED_CASES))
def test_hostile_seed_is_refused_with_file_and_line(small, case):
    files, message = SEED_CASES[case]
    seeds = small / "seeds"
    made = _special(seeds, case)
    for name, content in files.items():
        (seeds / name).write_bytes(content)
        made.append(seeds / name)
    start = time.perf_counter()
    try:
        assert message in refusal(small)
    finally:
        for path in made:
            path.unlink()
    assert time.perf_counter() - start < 30, "a refusal must not wait on the input"


def test_symbolic_link_inside_seeds_is_followed(small):
    (small / "seeds" / "same.txt").symlink_to("good.txt")
    try:
        assert "its URL articles/2024-03-05-bai-thu-nghiem" in refusal(small)  # a duplicate, found as one
    finally:
        (small / "seeds" / "same.txt").unlink()


def _edit(path: Path, old: str, new: str) -> str:
    original = path.read_text(encoding="utf-8")
    assert old in original
    path.write_text(original.replace(old, new, 1), encoding="utf-8")
    return original


DATA_CASES = {
    "event id with ..": ("events.yml", "  - id: thiet-lap-quan-he-ngoai-giao-1962\n", "  - id: ../../x\n",
                         "data/events.yml:7: id: '../../x' is not an id"),
    "merge with ..": ("events.yml", "    kind: background\n    date: 1962-09-05\n",
                      "    kind: background\n    date: 1962-09-05\n    merge: [../x]\n",
                      "data/events.yml:7: merge: '../x' is not an id"),
    "merge over an article list": ("events.yml", "    kind: background\n    date: 1962-09-05\n",
                                   "    kind: background\n    date: 1962-09-05\n    merge: [index.md]\n",
                                   "data/events.yml:7: merge: 'index.md' is not an id"),
    "{name} in a series title": ("series.yml", "title: Kỳ họp lần thứ {n} Ủy ban", "title: Kỳ họp {name} Ủy ban",
                                 "data/series.yml:7: title 'Kỳ họp {name} Ủy ban"),
    "attribute access in a series title": ("series.yml", "title: Kỳ họp lần thứ {n} Ủy ban",
                                           "title: Kỳ họp {n.__class__} Ủy ban", "uses {n.__class__}"),
    "stray brace in an anniversary title": ("events.yml", "anniversary_title: Kỷ niệm {n} năm thiết lập",
                                            "anniversary_title: Kỷ niệm {n năm thiết lập", "has a stray brace"),
}


@pytest.mark.parametrize("case", list(DATA_CASES))
def test_hostile_curated_data_is_refused_with_file_and_line(small, case):
    name, old, new, message = DATA_CASES[case]
    path = small / "data" / name
    original = _edit(path, old, new)
    try:
        assert message in refusal(small)
    finally:
        path.write_text(original, encoding="utf-8")


@pytest.mark.parametrize("redirect,message", [
    ("about/", "seeds/good.yml:2: redirect_from 'about/': site/about/ is also the hand-written docs/about.md"),
    ("javascripts/search.js", "seeds/good.yml:2: redirect_from 'javascripts/search.js'"),
])
def test_redirect_over_a_hand_written_file_is_refused(tmp_path, redirect, message):
    project = make_project(tmp_path, {"good.txt": GOOD, "good.yml": f"redirect_from:\n  - {redirect}\n".encode()},
                           keep_seeds=False)
    result = run_mkdocs(project)
    output = result.stdout + result.stderr
    assert result.returncode != 0 and message in output, output
    assert "Traceback" not in output
    assert not (project / "site").exists() and not (project / ".site.new").exists()


def test_dotfiles_and_folders_in_seeds_are_reported(small):
    (small / "seeds" / ".hidden.txt").write_bytes(GOOD)
    (small / "seeds" / "notes").mkdir()
    try:
        result = run_mkdocs(small)
    finally:
        (small / "seeds" / ".hidden.txt").unlink()
        (small / "seeds" / "notes").rmdir()
    output = result.stdout + result.stderr
    assert "seeds/.hidden.txt: hidden file skipped" in output and "seeds/notes: folder skipped" in output
    assert result.returncode != 0  # --strict: a warning stops the build


# ---- a site built from hostile seeds that are accepted -------------------------------------------

QUOTE_TRAP = '0;url=//example.org/x" http-equiv="refresh" x="'  # protocol-relative: still leaves the site
HOSTILE_SEEDS = {
    # A prose lead (so the cleaner keeps it as the first paragraph, the description's source).
    "quote.txt": ("Bài thử mô tả có dấu nháy\n\n(VOV) - Sáng 6/3/2024, hai đoàn đã hội đàm tại Hà Nội về hợp tác "
                  "kinh tế và thương mại giữa hai nước, " + QUOTE_TRAP + " trong năm nay.\n").encode(),
    "comment.txt": "Tiêu đề <!--<script> và </script><script>alert(1)</script>\n\n(VOV) - Sáng 7/3/2024, hai bên "
                   "họp <!--<script>.\n".encode(),
    "comment.yml": "outlet: \"Báo <!--<script> </script><script>alert('o')</script>\"\n"
                   "author: \"Tác giả \\\" onmouseover=alert(1) x=\\\"\"\n"
                   "source_url: \"javascript:alert(1)//\\u2028\\u2029\"\n".encode(),
    "bidi.txt": "Tiêu đề \u202eđảo chiều\u202c và \u2066cô lập\u2069\n\n(VOV) - Sáng 8/3/2024, hai bên họp "
                "\u2028 dòng \u2029 đoạn.\n".encode(),
    "huge.txt": ("Kim ngạch thương mại\n\n(VOV) - Sáng 9/3/2024, kim ngạch thương mại Việt Nam - Lào năm 2023 đạt "
                 "10000000 tỷ USD, tăng " + "9" * 400 + " người.\n").encode(),
    "x.html": b"<html><head><meta property='og:title' content='Trang HTML'></head><body><h1>Trang HTML</h1>"
              b"<p>(VOV) - S\xc3\xa1ng 10/3/2024, hai b\xc3\xaan h\xe1\xbb\x8dp <script>alert(2)</script>.</p>"
              b"</body></html>",
    "x.html.txt": "Tệp văn bản cùng tên\n\n(VOV) - Sáng 11/3/2024, hai bên họp.\n".encode(),
    "a#b?c%d e.txt": "Tên tệp lạ của bài thử\n\n(VOV) - Sáng 12/3/2024, hai bên họp.\n".encode(),
    "redir.txt": "Bài có địa chỉ cũ\n\n(VOV) - Sáng 13/3/2024, hai bên họp.\n".encode(),
    "redir.yml": b"redirect_from:\n  - articles/dia-chi-cu/\n",
}


@pytest.fixture(scope="module")
def hostile_project(tmp_path_factory) -> Path:
    project = make_project(tmp_path_factory.mktemp("hostile-site"), HOSTILE_SEEDS)
    build_ok(project)
    return project


@pytest.fixture(scope="module")
def hostile_site(hostile_project) -> Path:
    return hostile_project / "site"


class _Collector(HTMLParser):
    """Tag and attribute names, and whether every non-void element closes in order."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
            "path", "circle", "line", "rect", "stop", "use", "polyline", "polygon", "ellipse"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.names: set[tuple[str, str]] = set()
        self.refresh = 0

    def handle_starttag(self, tag, attrs):
        self.names.add((tag, ""))
        for name, value in attrs:
            self.names.add((tag, name))
            if tag == "meta" and name == "http-equiv" and (value or "").lower() == "refresh":
                self.refresh += 1


def _parse_html(text: str) -> _Collector:
    parser = _Collector()
    parser.feed(text)
    parser.close()
    return parser


def _strict_json(text: str):
    def refuse(name):
        raise ValueError(f"{name} is not JSON")
    return json.loads(text, parse_constant=refuse)


def test_every_file_of_a_hostile_site_parses(hostile_site, site):
    """HTML, JSON and XML parsers over every file; no tag or attribute the templates did not make."""
    allowed = set()
    for path in site.rglob("*.html"):
        allowed |= _parse_html(path.read_text(encoding="utf-8")).names
    seen = 0
    for path in sorted(hostile_site.rglob("*")):
        if not path.is_file():
            continue
        rel = path.relative_to(hostile_site).as_posix()
        if path.suffix == ".html":
            text = path.read_text(encoding="utf-8")
            parsed = _parse_html(text)
            is_redirect = '<meta name="robots" content="noindex">' in text
            made = allowed | ({("meta", "http-equiv")} if is_redirect else set())
            extra = {n for n in parsed.names - made if not n[1].startswith("data-")}
            assert not extra, f"{rel}: markup no template makes: {extra}"
            assert not any(attr.startswith("on") for _, attr in parsed.names), rel
            assert parsed.refresh == (1 if is_redirect else 0), f"{rel}: a refresh the templates did not make"
            for block in text.split('<script type="application/ld+json">')[1:]:
                _strict_json(block.split("</script>", 1)[0])
        elif path.suffix == ".json":
            _strict_json(path.read_text(encoding="utf-8"))
        elif path.suffix == ".xml":
            ET.fromstring(path.read_bytes())
        seen += 1
    assert seen > 50


def test_quote_in_the_description_stays_inside_the_attribute(hostile_site):
    [page] = [p for p in (hostile_site / "articles").glob("*-bai-thu-mo-ta-co-dau-nhay/index.html")]
    head = page.read_text(encoding="utf-8").split("</head>", 1)[0]
    assert 'http-equiv="refresh"' not in head
    assert "&quot; http-equiv=&quot;refresh&quot;" in head or "&#34; http-equiv=&#34;refresh&#34;" in head


def test_comment_in_a_title_does_not_blank_the_page(hostile_site):
    [page] = list((hostile_site / "articles").glob("*-tieu-de-script-va-script*/index.html"))
    text = page.read_text(encoding="utf-8")
    assert "<!--<script>" not in text.split("</head>", 1)[0].split("application/ld+json", 1)[-1]
    assert '<h1 class="va-title">' in text or "<h1" in text.split("</head>", 1)[1]
    assert "Báo &lt;!--&lt;script&gt;" in text


def test_one_raw_copy_per_seed_whatever_its_name(hostile_site):
    raw = hostile_site / "raw"
    assert (raw / "html" / "x.html.txt").read_bytes() == HOSTILE_SEEDS["x.html"]
    assert (raw / "x.html.txt").read_bytes() == HOSTILE_SEEDS["x.html.txt"]
    assert (raw / "a#b?c%d e.txt").read_bytes() == HOSTILE_SEEDS["a#b?c%d e.txt"]
    [page] = list((hostile_site / "articles").glob("*-ten-tep-la-cua-bai-thu/index.html"))
    assert 'href="../../raw/a%23b%3Fc%25d%20e.txt"' in page.read_text(encoding="utf-8")


def test_absurd_figures_are_text_not_values_and_never_charted(hostile_site):
    archive = _strict_json((hostile_site / "data" / "archive.json").read_text(encoding="utf-8"))
    [article] = [a for a in archive["articles"] if a["source_file"].endswith("huge.txt")]
    figures = [f for p in article["paragraphs"] for f in p["figures"] if f["kind"] != "date"]  # a date's is ISO text
    assert figures and all(f["value"] is None or abs(max(f["value"] if isinstance(f["value"], list)
                                                          else [f["value"]])) <= 1e18 for f in figures)
    assert any(f.get("note") for f in figures)
    rows = _strict_json((hostile_site / "figures" / "figures.json").read_text(encoding="utf-8"))
    assert any(r.get("note") for r in rows)
    figures_page = (hostile_site / "figures" / "index.html").read_text(encoding="utf-8")
    assert "10000000 tỷ USD" in figures_page
    assert figures_page.count("<line") < 200


def test_a_removed_redirect_leaves_no_page(hostile_project):
    old = hostile_project / "site" / "articles" / "dia-chi-cu" / "index.html"
    assert old.is_file()
    sidecar = hostile_project / "seeds" / "redir.yml"
    sidecar.unlink()
    try:
        build_ok(hostile_project)
        assert not old.exists()
    finally:
        sidecar.write_bytes(HOSTILE_SEEDS["redir.yml"])
        build_ok(hostile_project)


@pytest.mark.browser
def test_no_dialog_and_no_request_outside_on_hostile_pages(hostile_site, browser):
    url, server = serve(hostile_site)
    pages = ["", "articles/", "figures/", "review/"] + sorted(
        p.parent.relative_to(hostile_site).as_posix() + "/" for p in (hostile_site / "articles").glob("*/index.html"))
    dialogs, outside = [], []
    context = browser.new_context()
    try:
        tab = context.new_page()
        tab.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        tab.on("request", lambda r: outside.append(r.url) if not r.url.startswith(("http://127.0.0.1", "data:"))
               else None)
        for path in pages:
            response = tab.goto(url + path)
            assert response.ok, path
            tab.wait_for_load_state("networkidle")
            assert tab.url.startswith(url), f"{path} navigated to {tab.url}"
            tab.mouse.move(300, 300)
    finally:
        context.close()
        server.shutdown()
    assert not dialogs, dialogs
    assert not outside, outside


# ---- the cache, the lock, an atomic site -------------------------------------------------------------

def test_cache_entry_must_prove_its_key_and_bytes(tmp_path):
    writer = Cache(tmp_path)
    writer.put("article-aa", "Kommasith")
    writer.put("article-bb", "Saleumxay")

    def read(name):  # a fresh cache, as the next build has: it reads the entry from disk
        return Cache(tmp_path).get(name)

    assert read("article-aa") == "Kommasith"
    a, b = tmp_path / "ar" / "article-aa", tmp_path / "ar" / "article-bb"
    a_bytes, b_bytes = a.read_bytes(), b.read_bytes()
    a.write_bytes(b_bytes)  # swapped with another entry
    assert read("article-aa") is None
    a.write_bytes(a_bytes.replace(b"Kommasith", b"Kommasitz"))  # one byte changed
    assert read("article-aa") is None
    head = a_bytes[:-len(pickle.dumps("Kommasith", protocol=pickle.HIGHEST_PROTOCOL))]
    a.write_bytes(a_bytes)
    assert read("article-aa") == "Kommasith"
    payload = b"\x80\x63" + a_bytes[len(head) + 2:]  # a pickle protocol from the future, correctly sealed
    from build_archive.pipeline import cache as cache_module
    a.write_bytes(head[:len(cache_module._MAGIC)] + cache_module._seal("article-aa", payload) + payload)
    assert read("article-aa") is None


def _mkdocs(project: Path, **options) -> subprocess.Popen:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=project, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True,
                            **options)


def test_site_is_whole_after_kill_at_any_moment(tmp_path):
    project = make_project(tmp_path, {"good.txt": GOOD}, keep_seeds=False)
    build_ok(project)
    before = tree_digest(project / "site")
    (project / "seeds" / "more.txt").write_bytes(seed("hai bên ký kết."))
    seen = []
    for delay in (0.3, 1.0, 1.8, 2.6, 3.4, 4.2):
        child = _mkdocs(project)
        time.sleep(delay)
        os.killpg(child.pid, signal.SIGKILL)
        child.wait()
        child.stdout.close()
        seen.append(tree_digest(project / "site"))
    after_digest = tree_digest(build_ok(project))
    assert after_digest != before
    assert set(seen) <= {before, after_digest}, "site/ was found half-written"
    assert not (project / ".site.new").exists() and not (project / ".site.old").exists()
    assert not (project / ".site.search").exists()  # what Pagefind read (plugin/search_input.py)


def test_two_builds_at_once_both_succeed(tmp_path):
    project = make_project(tmp_path, {"good.txt": GOOD}, keep_seeds=False)
    first, second = _mkdocs(project), _mkdocs(project)
    outputs = [child.communicate(timeout=300)[0] for child in (first, second)]
    assert first.returncode == 0 and second.returncode == 0, outputs
    once = tree_digest(project / "site")
    assert tree_digest(build_ok(project)) == once


def test_full_disk_is_a_message_and_keeps_the_site(tmp_path):
    project = make_project(tmp_path, {"good.txt": GOOD}, keep_seeds=False)
    build_ok(project)
    before = tree_digest(project / "site")
    (project / "seeds" / "more.txt").write_bytes(seed("hai bên ký kết."))

    def small_files():  # every file the build writes stops at 64 KB, as on a full disk
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, 64 * 1024))

    child = _mkdocs(project, preexec_fn=small_files)
    output = child.communicate(timeout=300)[0]
    assert child.returncode != 0
    assert "could not write the site" in output and "Traceback" not in output, output
    assert tree_digest(project / "site") == before
    assert not (project / ".site.new").exists()
