"""Cleaning, titles and dates against the development corpus's hand-written expectations.

    .venv/bin/python bench/dev_cleaning.py            # dev and measure splits, and the five seeds
    .venv/bin/python bench/dev_cleaning.py --details  # also each dev-split miss (never the measure split's)

Each raw page goes through ingest and clean exactly as a seed would (read_seed, then clean
with the project's data/), without tagging. Scores, per split:

- body recall: share of expected paragraphs found in the output exactly (NFC);
- body precision: share of output body characters that belong to expected paragraphs;
- leaked chrome: share of expected chrome lines whose text reaches the body;
- titles right: exact; for a page with no printed title, right when the output is marked as
  not printed or guessed and is not a chrome line;
- dates right: value and precision; and how many wrong dates were marked `stated`.

jusText 3.0 (Vietnamese stop-list, each raw line a <p>) is scored on the same cleaning
figures as a baseline when it is installed (requirements-bench.txt); otherwise skipped.
The measure split is only ever printed in aggregate.
"""

from __future__ import annotations

import argparse
import html
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import devgold  # noqa: E402

from build_archive.clean.lines import clean  # noqa: E402
from build_archive.clean.rules import load_cleaning_rules, load_outlets  # noqa: E402
from build_archive.common.errors import InputError  # noqa: E402
from build_archive.common.textnorm import nfc  # noqa: E402 - the reader's NFC (no-break spaces made plain)
from build_archive.ingest.reader import read_seed  # noqa: E402
from build_archive.model.article import Article  # noqa: E402

UNTITLED_BASES = {"missing", "guessed"}
MIN_LEAK_PROBE = 12  # shorter chrome ("aa", "Menu") is counted only when it is a whole body paragraph


@dataclass
class Expected:
    """What one page should give: a dev-corpus file or a seed."""

    name: str
    split: str
    path: Path
    title: str | None
    date: str | None
    precision: str
    paragraphs: list[str]
    chrome: list[str]  # texts that must not reach the body


@dataclass
class Tally:
    pages: int = 0
    expected_paragraphs: int = 0
    found_paragraphs: int = 0
    body_chars: int = 0
    good_chars: int = 0
    chrome: int = 0
    leaked: int = 0
    titles: int = 0
    titles_right: int = 0
    dates_right: int = 0
    wrong_stated: int = 0
    misses: list[str] = field(default_factory=list)
    lost_as: dict[str, int] = field(default_factory=dict)  # role the cleaner gave each lost paragraph
    def row(self, label: str, with_meta: bool = True) -> str:
        def pct(a: int, b: int) -> str:
            return f"{100 * a / b:6.1f} %" if b else "     – "
        meta = (f" {self.titles_right:>3d}/{self.pages:<3d} {pct(self.titles_right, self.pages)}"
                f" {self.dates_right:>3d}/{self.pages:<3d} {pct(self.dates_right, self.pages)} {self.wrong_stated:>6d}"
                if with_meta else f" {'–':>16s} {'–':>16s} {'–':>6s}")
        return (f"{label:28s} {self.pages:>5d} {pct(self.found_paragraphs, self.expected_paragraphs)}"
                f" {pct(self.good_chars, self.body_chars)} {self.leaked:>3d}/{self.chrome:<3d}"
                f"{pct(self.leaked, self.chrome)}" + meta)


HEADER = (f"{'':28s} {'pages':>5s} {'recall':>8s} {'precision':>8s} {'leaked chrome':>14s}"
          f" {'titles right':>16s} {'dates right':>16s} {'stated':>6s}")


def from_gold(article: devgold.GoldArticle) -> Expected:
    chrome = [text for _, text in article.removed_lines() if text]
    return Expected(article.name, article.split, article.path, article.title and nfc(article.title), article.date,
                    article.precision, [nfc(text) for _, text in article.paragraphs], [nfc(c) for c in chrome])


def seeds() -> list[Expected]:
    """The five seeds, from the expectations of tests/test_clean_seeds.py."""
    sys.path.insert(0, str(ROOT / "tests"))
    from test_clean_seeds import EXPECTED  # noqa: PLC0415 - the seeds' expectations live with their tests

    found = []
    for name, expected in sorted(EXPECTED.items()):
        path = ROOT / "seeds" / name
        lines = nfc(path.read_bytes().decode("utf-8")).split("\n")
        date, precision, _ = expected["published"]
        found.append(Expected(name, "seeds", path, expected["title"], date, precision,
                              [lines[n - 1].strip() for n in expected["body_lines"]], expected["boilerplate"]))
    return found


def body_scores(expected: Expected, body: list[str], tally: Tally, details: bool) -> None:
    wanted = list(expected.paragraphs)
    remaining = list(body)
    found = 0
    for paragraph in wanted:
        if paragraph in remaining:
            remaining.remove(paragraph)
            found += 1
        elif details:
            tally.misses.append(f"{expected.name}: lost {paragraph[:70]!r}")
    tally.expected_paragraphs += len(wanted)
    tally.found_paragraphs += found
    for paragraph in body:
        tally.body_chars += len(paragraph)
        if paragraph in wanted or any(paragraph in w for w in wanted):
            tally.good_chars += len(paragraph)
        else:
            inside = sum(len(w) for w in wanted if w and w in paragraph)
            tally.good_chars += min(inside, len(paragraph))
            if details:
                tally.misses.append(f"{expected.name}: extra {paragraph[:70]!r}")
    text = "\n".join(body)
    for probe in expected.chrome:
        tally.chrome += 1
        if any(probe in w for w in wanted):
            continue  # the chrome repeats article text (a second printing): only its first printing counts
        if probe in body or (len(probe) >= MIN_LEAK_PROBE and probe in text):
            tally.leaked += 1
            if details:
                tally.misses.append(f"{expected.name}: leaked {probe[:70]!r}")


def lost_roles(expected: Expected, article: Article, tally: Tally) -> None:
    """Aggregate only: which role swallowed each expected paragraph the body lacks."""
    body = [p.text for p in article.paragraphs]
    for paragraph in expected.paragraphs:
        if paragraph in body:
            continue
        roles = sorted({seg.role + (" (part of it)" if seg.text in paragraph else " (holding more)")
                        for line in article.source_lines for seg in line.segments
                        if seg.text and seg.text != paragraph and (seg.text in paragraph or paragraph in seg.text)}
                       | {seg.role for line in article.source_lines for seg in line.segments if seg.text == paragraph})
        key = "+".join(roles) or "split or changed"
        tally.lost_as[key] = tally.lost_as.get(key, 0) + 1


def title_right(expected: Expected, article: Article) -> bool:
    if expected.title is not None:
        return article.title.value == expected.title
    chrome = set(expected.chrome)
    value = (article.title.value or "").strip("[]").removeprefix("Không có tiêu đề] ")
    return article.title.basis in UNTITLED_BASES and value not in chrome


def score_ours(pages: list[Expected], details: bool) -> Tally:
    rules = load_cleaning_rules(ROOT / "data" / "cleaning.yml")
    outlets = load_outlets(ROOT / "data" / "outlets.yml")
    tally = Tally()
    for expected in pages:
        tally.pages += 1
        try:
            sidecar = expected.path.with_suffix(".yml")
            article = clean(read_seed(expected.path, sidecar if sidecar.is_file() else None), rules, outlets)
        except InputError as exc:
            tally.misses.append(f"{expected.name}: refused ({exc})")
            body_scores(expected, [], tally, details)
            continue
        body_scores(expected, [p.text for p in article.paragraphs], tally, details)
        lost_roles(expected, article, tally)
        if title_right(expected, article):
            tally.titles_right += 1
        elif details:
            tally.misses.append(f"{expected.name}: title {article.title.value!r} ({article.title.basis}), "
                                f"expected {expected.title!r}")
        published = article.published
        if (published.date, published.precision) == (expected.date, expected.precision):
            tally.dates_right += 1
        else:
            tally.wrong_stated += published.basis == "stated"
            if details:
                tally.misses.append(f"{expected.name}: date {published.date} {published.precision} "
                                    f"{published.basis} ({published.evidence}), expected {expected.date} "
                                    f"{expected.precision}")
    return tally


def score_justext(pages: list[Expected]) -> Tally | None:
    try:
        import justext  # noqa: PLC0415 - optional baseline
    except ImportError:
        return None
    stoplist = justext.get_stoplist("Vietnamese")
    tally = Tally()
    for expected in pages:
        tally.pages += 1
        text = nfc(expected.path.read_bytes().decode("utf-8", errors="replace"))
        page = "<html><body>" + "".join(f"<p>{html.escape(line.strip())}</p>" for line in text.split("\n")
                                        if line.strip()) + "</body></html>"
        body = [nfc(p.text.strip()) for p in justext.justext(page.encode("utf-8"), stoplist, encoding="utf-8")
                if not p.is_boilerplate]
        body_scores(expected, body, tally, False)
    return tally


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--details", action="store_true", help="list each miss of the dev split and the seeds")
    args = parser.parse_args(argv)
    corpus = devgold.load()
    sets = [("dev", [from_gold(a) for a in corpus if a.split == "dev"]),
            ("measure", [from_gold(a) for a in corpus if a.split == "measure"]),
            ("seeds", seeds())]
    if not corpus:
        print("development corpus not found (../shared/corpus/dev or $DEV_CORPUS): seeds only")
    print(HEADER)
    justext_missing = False
    shown: list[str] = []
    for name, pages in sets:
        if not pages:
            continue
        ours = score_ours(pages, args.details and name != "measure")
        print(ours.row(f"{name}: archive"))
        if ours.lost_as:
            print(f"{'':28s} lost paragraphs, by the role given: "
                  + ", ".join(f"{role} {n}" for role, n in sorted(ours.lost_as.items())))
        baseline = score_justext(pages)
        if baseline is None:
            justext_missing = True
        else:
            print(baseline.row(f"{name}: jusText 3.0", with_meta=False))
        shown += ours.misses if name != "measure" else []
    if justext_missing:
        print("(jusText not installed: pip install -r requirements-bench.txt for the baseline)")
    for line in shown:
        print("  " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
