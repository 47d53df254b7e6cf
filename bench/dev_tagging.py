"""Tagging accuracy on the development corpus (bench/gold/dev), split by split, and on the seeds.

    .venv/bin/python bench/dev_tagging.py              # dev and measure splits, then the seeds
    .venv/bin/python bench/dev_tagging.py --baseline   # also underthesea.ner (make bench-accuracy's venv)
    .venv/bin/python bench/dev_tagging.py --show 017   # misses and extras of dev files (never measure ones)

The tagger runs over the EXPECTED body paragraphs with the expected date as the published
date, so cleaning and dating errors do not mix into the tagging scores. Entities: exact and
overlap matching (same type, spans overlap), per type, and links (of gold spans whose id is in
the knowledge base, how many are found with that id). Figures: a gold figure is right when an
overlapping tagged figure has the same kind, value and unit.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import accuracy  # noqa: E402
import devgold  # noqa: E402
from accuracy import TYPES, Span, score_entities, underthesea_entities  # noqa: E402

from build_archive.common.textnorm import fold  # noqa: E402
from build_archive.model.article import Article, Paragraph, PubDate, Sourced  # noqa: E402
from build_archive.tag.tagger import Tagger  # noqa: E402


def gold_article(gold: devgold.GoldArticle) -> Article:
    """An untagged Article whose paragraphs are the expected body, dated as expected."""
    none = Sourced(None)
    return Article(
        id=gold.name, source_file=f"dev/{gold.name}.txt", raw_name=f"{gold.name}.txt", title=Sourced(gold.title),
        outlet=Sourced(gold.outlet), author=none, original_outlet=none, source_url=none,
        published=PubDate(gold.date, gold.precision if gold.date else "unknown", gold.basis),
        paragraphs=tuple(Paragraph(f"p{i}", text, line) for i, (line, text) in enumerate(gold.paragraphs)),
        captions=(), source_lines=())


def value_text(value) -> str:
    """A figure value as the gold files write it: 1029, 2015-12-21, 2015..2016."""
    if isinstance(value, (tuple, list)):
        return f"{value_text(value[0])}..{value_text(value[1])}"
    if isinstance(value, str):
        return value
    return f"{value:g}" if abs(value) < 1e6 else str(int(round(value)))


def same_value(gold: str, predicted: str) -> bool:
    if gold == predicted:
        return True
    g, p = gold.split(".."), predicted.split("..")
    if len(g) != len(p):
        return False
    try:
        return all(abs(float(a) - float(b)) <= 1e-9 * max(1.0, abs(float(a))) for a, b in zip(g, p, strict=True))
    except ValueError:
        return False


def same_unit(gold: str, predicted: str | None) -> bool:
    return fold((gold or "-").strip()).lower() == fold((predicted or "-").strip()).lower()


def score_links(gold: list[Span], pred: list[Span], known: set[str]) -> tuple[int, int]:
    """Of gold spans whose id the knowledge base has: how many an overlapping same-type span links right."""
    wanted = [g for g in gold if g.id in known]
    right = sum(any(p.paragraph == g.paragraph and p.type == g.type and p.start < g.end and g.start < p.end
                    and p.id == g.id for p in pred) for g in wanted)
    return right, len(wanted)


def score_figures(gold: list[tuple[Span, str, str]], pred: list[tuple[Span, str, str]]) -> dict:
    """Values right: an overlapping tagged figure of the same kind, value and unit."""
    def overlapping(g):
        return [p for p in pred if p[0].paragraph == g[0].paragraph and p[0].start < g[0].end
                and g[0].start < p[0].end]
    found = sum(bool(overlapping(g)) for g in gold)
    right = sum(any(p[0].type == g[0].type and same_value(g[1], p[1]) and same_unit(g[2], p[2])
                    for p in overlapping(g)) for g in gold)
    extra = sum(not any(p[0].paragraph == g[0].paragraph and p[0].start < g[0].end and g[0].start < p[0].end
                        for g in gold) for p in pred)
    return {"gold": len(gold), "pred": len(pred), "found": found, "right": right, "extra": extra}


def tag_split(tagger: Tagger, articles: list[devgold.GoldArticle], baseline: bool):
    g_ents, ours, theirs, g_figs, p_figs = [], [], [], [], []
    for n, gold in enumerate(articles):
        offset = n * 1000  # keeps paragraphs of different articles apart
        article = tagger.tag(gold_article(gold))
        g_ents += [Span(s.paragraph + offset, s.start, s.end, s.type, s.id) for s in gold.entities]
        g_figs += [(Span(s.paragraph + offset, s.start, s.end, s.type), s.id, s.unit) for s in gold.figures]
        for i, paragraph in enumerate(article.paragraphs):
            ours += [Span(i + offset, s.start, s.end, s.type, s.id) for s in paragraph.entities]
            p_figs += [(Span(i + offset, f.start, f.end, f.kind), value_text(f.value), f.unit or "-")
                       for f in paragraph.figures]
        if baseline:
            theirs += [Span(s.paragraph + offset, s.start, s.end, s.type) for s in underthesea_entities(article)]
    return g_ents, ours, theirs, g_figs, p_figs


def report(name: str, tagger: Tagger, articles: list[devgold.GoldArticle], baseline: bool) -> None:
    g_ents, ours, theirs, g_figs, p_figs = tag_split(tagger, articles, baseline)
    print(f"\n== dev corpus, split {name}: {len(articles)} articles, {len(g_ents)} gold entities, "
          f"{len(g_figs)} gold figures")
    rows = [("archive tagger", score_entities(g_ents, ours))]
    if baseline:
        rows.append(("underthesea.ner (person/org/place only)", score_entities(g_ents, theirs)))
    print(f"{'entities':40s} {'P':>6s} {'R':>6s} {'F1':>6s}   {'overlap P':>9s} {'R':>6s} {'F1':>6s}")
    for label, r in rows:
        print(f"{label:40s} {r['exact'][0]:6.3f} {r['exact'][1]:6.3f} {r['exact'][2]:6.3f}   "
              f"{r['overlap'][0]:9.3f} {r['overlap'][1]:6.3f} {r['overlap'][2]:6.3f}")
        for t in TYPES:
            typed = score_entities(g_ents, ours if label == "archive tagger" else theirs, (t,))
            print(f"  {t:38s} {typed['exact'][0]:6.3f} {typed['exact'][1]:6.3f} {typed['exact'][2]:6.3f}   "
                  f"{typed['overlap'][0]:9.3f} {typed['overlap'][1]:6.3f} {typed['overlap'][2]:6.3f}"
                  f"   ({typed['gold']} gold, {typed['pred']} tagged)")
    right, wanted = score_links(g_ents, ours, {e.id for e in tagger.entities})
    print(f"links: {right}/{wanted} gold spans with a knowledge-base id found with that id"
          f" ({right / wanted if wanted else 0:.3f})")
    fig = score_figures(g_figs, p_figs)
    print(f"figures: {fig['gold']} gold, {fig['pred']} tagged ({fig['extra']} not in gold), {fig['found']} found, "
          f"{fig['right']} right (kind, value, unit) → values right {fig['right'] / max(1, fig['gold']):.3f}")


def show(tagger: Tagger, gold: devgold.GoldArticle) -> None:
    """Per-span differences for one dev file (refuses measure files)."""
    if gold.split != "dev":
        raise SystemExit(f"{gold.name} is kept for measuring: its spans are not shown")
    article = tagger.tag(gold_article(gold))
    for i, paragraph in enumerate(article.paragraphs):
        want = {(s.start, s.end, s.type): s for s in gold.entities if s.paragraph == i}
        got = {(s.start, s.end, s.type): s for s in paragraph.entities}
        for key in sorted(set(want) | set(got)):
            if key in want and key in got:
                if got[key].id != want[key].id and not got[key].provisional:
                    print(f"  {i:2d} LINK  {key[2]:12s} {want[key].text!r}: want {want[key].id}, got {got[key].id}")
                continue
            mark = "MISS " if key in want else "EXTRA"
            span = want.get(key) or got.get(key)
            print(f"  {i:2d} {mark} {key[2]:12s} {span.text!r}" + (f" [{span.id}]" if key in want else ""))
        fwant = [(s.start, s.end, s.type, s.id, s.unit, s.text) for s in gold.figures if s.paragraph == i]
        fgot = [(f.start, f.end, f.kind, value_text(f.value), f.unit or "-", f.text) for f in paragraph.figures]
        for w in fwant:
            hit = [g for g in fgot if g[0] < w[1] and w[0] < g[1]]
            if not any(g[2] == w[2] and same_value(w[3], g[3]) and same_unit(w[4], g[4]) for g in hit):
                print(f"  {i:2d} FIG   want {w[2]} {w[3]} {w[4]} {w[5]!r}; got {[g[2:] for g in hit]}")
        for g in fgot:
            if not any(g[0] < w[1] and w[0] < g[1] for w in fwant):
                print(f"  {i:2d} FIG+  {g[2]} {g[3]} {g[4]} {g[5]!r}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--baseline", action="store_true", help="also score underthesea.ner")
    parser.add_argument("--show", nargs="*", metavar="NNN", help="per-span differences of these dev files (all if none)")
    parser.add_argument("--no-seeds", action="store_true", help="skip the seeds")
    args = parser.parse_args()
    tagger = Tagger.load(ROOT / "data")
    everything = devgold.load()
    if not everything:
        print("the development corpus (../shared/corpus/dev) is not here: dev scores skipped")
    if args.show is not None:
        for gold in everything:
            if gold.split == "dev" and (not args.show or gold.name in args.show):
                print(f"-- {gold.name}")
                show(tagger, gold)
        return
    for split in ("dev", "measure"):
        articles = [a for a in everything if a.split == split]
        if articles:
            report(split, tagger, articles, args.baseline)
    if not args.no_seeds:
        accuracy.run("seeds", args.baseline)


if __name__ == "__main__":
    main()
