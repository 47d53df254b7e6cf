"""Accuracy benchmark: the archive's entity and figure taggers against hand annotations.

    .venv/bin/python bench/accuracy.py            # our tagger
    .venv/bin/python bench/accuracy.py --baseline # also underthesea.ner (pip install underthesea==9.5.0)

Gold: bench/gold/seeds.yml (the five seeds), bench/gold/heldout.yml (articles
written for testing, bench/heldout/, annotated by hand before the tagger saw them,
then used to fix it) and bench/gold/sealed.yml (one more, never used to fix anything).
Prints precision / recall / F1 for entities (exact span + type; overlapping span +
type; per type; and whether the link is right) and for figure values. Prints
figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from build_archive.model.article import Article  # noqa: E402
from build_archive.pipeline.run import Paths, load_articles  # noqa: E402

TYPES = ("person", "organization", "place", "agreement", "event")
UNDERTHESEA_TYPES = {"PER": "person", "ORG": "organization", "LOC": "place"}


@dataclass(frozen=True)
class Span:
    paragraph: int
    start: int
    end: int
    type: str
    id: str | None = None  # "?" for a name the knowledge base lacks


def _locate(text: str, surface: str, after: int) -> int:
    at = text.find(surface, after)
    if at < 0:
        raise SystemExit(f"gold text {surface!r} not found in paragraph: {text[:60]!r}")
    return at


def gold_spans(article: Article, gold: dict) -> tuple[list[Span], list[tuple[Span, str, str, str]]]:
    entities, figures = [], []
    for key, items in (gold.get("entities") or {}).items():
        text, pos = article.paragraphs[int(key)].text, 0
        for item in items:
            kind, ident, surface = (part.strip() for part in item.split("|", 2))
            start = _locate(text, surface, pos)
            pos = start + len(surface)
            entities.append(Span(int(key), start, pos, kind, ident))
    for key, items in (gold.get("figures") or {}).items():
        text, pos = article.paragraphs[int(key)].text, 0
        for item in items:
            kind, value, unit, surface = (part.strip() for part in item.split("|", 3))
            start = _locate(text, surface, pos)
            pos = start + len(surface)
            figures.append((Span(int(key), start, pos, kind), value, unit, surface))
    return entities, figures


def predicted_entities(article: Article) -> list[Span]:
    return [Span(i, s.start, s.end, s.type, "?" if s.provisional else s.id)
            for i, p in enumerate(article.paragraphs) for s in p.entities]


def _value_text(value) -> str:
    def one(x):
        return x if isinstance(x, str) else (f"{x:g}" if x < 1e6 else str(int(round(x))))
    return f"{one(value[0])}..{one(value[1])}" if isinstance(value, tuple) else one(value)


def underthesea_entities(article: Article) -> list[Span]:
    from underthesea import ner

    spans = []
    for i, paragraph in enumerate(article.paragraphs):
        text, pos, current = paragraph.text, 0, None
        for token, _pos, _chunk, tag in ner(text):
            at = text.find(token, pos)
            if at < 0:
                at = pos
            end = at + len(token)
            pos = end
            kind = UNDERTHESEA_TYPES.get(tag[2:]) if tag != "O" else None
            if tag.startswith("B-") and kind:
                if current:
                    spans.append(current)
                current = Span(i, at, end, kind)
            elif tag.startswith("I-") and current and kind == current.type:
                current = Span(i, current.start, end, kind)
            else:
                if current:
                    spans.append(current)
                current = None
        if current:
            spans.append(current)
    return spans


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score_entities(gold: list[Span], pred: list[Span], types=TYPES) -> dict:
    gold = [g for g in gold if g.type in types]
    pred = [p for p in pred if p.type in types]
    key = lambda s: (s.paragraph, s.start, s.end, s.type)  # noqa: E731
    exact = len({key(g) for g in gold} & {key(p) for p in pred})
    overlap_gold = sum(any(p.paragraph == g.paragraph and p.type == g.type and p.start < g.end and g.start < p.end
                           for p in pred) for g in gold)
    overlap_pred = sum(any(p.paragraph == g.paragraph and p.type == g.type and p.start < g.end and g.start < p.end
                           for g in gold) for p in pred)
    by_key = {key(p): p for p in pred}
    linked = sum(1 for g in gold if key(g) in by_key and (by_key[key(g)].id == g.id or g.id is None))
    result = {"gold": len(gold), "pred": len(pred), "exact": prf(exact, len(pred), len(gold)),
              "overlap": (overlap_pred / len(pred) if pred else 0.0, overlap_gold / len(gold) if gold else 0.0),
              "linked": (linked, exact)}
    p, r = result["overlap"]
    result["overlap"] = (p, r, 2 * p * r / (p + r) if p + r else 0.0)
    result["per_type"] = {t: prf(len({key(g) for g in gold if g.type == t} & {key(p) for p in pred if p.type == t}),
                                 sum(p.type == t for p in pred), sum(g.type == t for g in gold)) for t in types}
    return result


def score_figures(gold: list, articles_figs: list) -> dict:
    """Figure values right: same span text found, and same kind, value and unit."""
    pred = {(p.paragraph, p.start, p.end): (p.type, v, u) for p, v, u, _ in articles_figs}
    right = sum(1 for g, value, unit, _ in gold
                if pred.get((g.paragraph, g.start, g.end)) == (g.type, value, unit))
    found = sum(1 for g, *_ in gold if (g.paragraph, g.start, g.end) in pred)
    return {"gold": len(gold), "pred": len(articles_figs), "found": found, "right": right,
            "prf": prf(right, len(articles_figs), len(gold))}


def load_set(name: str) -> tuple[list[Article], dict]:
    gold = yaml.safe_load((ROOT / "bench" / "gold" / f"{name}.yml").read_text())
    if name == "seeds":
        articles = load_articles(Paths.at(ROOT))
    else:
        tmp = Path(tempfile.mkdtemp(prefix="heldout-"))
        shutil.copytree(ROOT / "data", tmp / "data")
        shutil.copytree(ROOT / "bench" / "heldout", tmp / "seeds")
        articles = load_articles(Paths.at(tmp))
        shutil.rmtree(tmp)
    return [a for a in articles if a.source_file.split("/")[-1] in gold], gold


def run(name: str, baseline: bool) -> None:
    articles, gold = load_set(name)
    g_ents, g_figs, ours, theirs, p_figs = [], [], [], [], []
    for n, article in enumerate(sorted(articles, key=lambda a: a.source_file)):
        entities, figures = gold_spans(article, gold[article.source_file.split("/")[-1]])
        offset = n * 1000  # keep paragraphs of different articles apart

        def shift(s: Span, offset: int = offset) -> Span:
            return Span(s.paragraph + offset, s.start, s.end, s.type, s.id)
        g_ents += [shift(s) for s in entities]
        g_figs += [(shift(s), v, u, t) for s, v, u, t in figures]
        ours += [shift(s) for s in predicted_entities(article)]
        p_figs += [(Span(i + offset, f.start, f.end, f.kind), _value_text(f.value), f.unit or "-", f.text)
                   for i, p in enumerate(article.paragraphs) for f in p.figures]
        if baseline:
            theirs += [shift(s) for s in underthesea_entities(article)]
    print(f"\n== {name}: {len(articles)} articles, {len(g_ents)} gold entities, {len(g_figs)} gold figures")
    rows = [("archive tagger, all types", score_entities(g_ents, ours))]
    rows.append(("archive tagger, person/org/place", score_entities(g_ents, ours, TYPES[:3])))
    if baseline:
        rows.append(("underthesea.ner, all types", score_entities(g_ents, theirs)))
        rows.append(("underthesea.ner, person/org/place", score_entities(g_ents, theirs, TYPES[:3])))
    print(f"{'entities':38s} {'P':>6s} {'R':>6s} {'F1':>6s}   {'overlap F1':>10s}   linked right")
    for label, r in rows:
        p, rc, f = r["exact"]
        linked = f"{r['linked'][0]}/{r['linked'][1]}" if "archive" in label else "-"
        print(f"{label:38s} {p:6.3f} {rc:6.3f} {f:6.3f}   {r['overlap'][2]:10.3f}   {linked}")
    for label, r in rows:
        print(f"  per type, {label}: " + ", ".join(f"{t} F1 {v[2]:.3f}" for t, v in r["per_type"].items()
                                                  if any(g.type == t for g in g_ents)))
    fig = score_figures(g_figs, p_figs)
    p, rc, f = fig["prf"]
    print(f"figures: {fig['gold']} gold, {fig['pred']} tagged, {fig['found']} spans found, {fig['right']} values "
          f"right → values right {fig['right'] / fig['gold']:.3f} (P {p:.3f} R {rc:.3f} F1 {f:.3f})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--baseline", action="store_true", help="also score underthesea.ner")
    args = parser.parse_args()
    for name in ("seeds", "heldout", "sealed"):
        run(name, args.baseline)


if __name__ == "__main__":
    main()
