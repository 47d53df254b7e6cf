"""Render: articles into Markdown pages under docs/, through Jinja2 templates.

Pages are Markdown files whose body is HTML escaped by Jinja2's autoescape, so
text that looks like Markdown or HTML (``# x``, ``*x*``, ``<script>``, ``{{ }}``)
reaches the reader literally. Files are written only when their bytes change,
which keeps ``mkdocs serve`` from rebuilding in a loop.
"""

from __future__ import annotations

import functools
import html
import json
from pathlib import Path

import jinja2
from markupsafe import Markup

from . import figures as fig
from .archive import Archive
from .cache import Cache, key
from .citation import article_citation, entity_jsonld, event_citation
from .events import event_sort_key, neighbours, series_index
from .feed import atom_feed
from .export import archive_json, events_ics, events_json
from .series_view import series_members
from .inline import METRIC_LABELS, entity_url, figure_id, figure_tip, figure_value_words, render_paragraph
from .knowledge import ENTITY_TYPES, TYPE_LABELS
from .mentions import articles_of, attested_roles, by_entity, provisional_entities
from .model import ROLE_LABELS, Article, Paragraph, PubDate
from .textnorm import folded_d_words, folded_pairs, vi_sort_key

# What the pipeline owns inside docs/: everything else there is hand-written.
GENERATED_FILES = ("index.md", "review.md", "feed.xml")
DEFAULT_SITE_URL = "http://127.0.0.1:8000/"
KWIC_LIMIT = 300  # mentions shown on an entity page; all of them are in data/archive.json
GENERATED_DIRS = ("articles", "raw", "data", "entities", "figures", "events", "series")

PRECISION_WORDS = {"day": "chính xác đến ngày", "month": "chỉ biết tháng", "year": "chỉ biết năm",
                   "unknown": "chưa xác định"}
BASIS_WORDS = {"stated": "ngày in trên trang", "inferred": "năm suy ra từ nội dung bài",
               "curated": "do biên tập viên xác định", "unknown": "không tìm thấy ngày"}
SOURCE_WORDS = {"dateline": "theo dòng đầu bài", "url": "theo địa chỉ bài", "chrome": "theo giao diện trang",
                "byline": "theo dòng tác giả", "page": "theo thẻ của trang", "curated": "do biên tập viên xác định",
                "text": "theo văn bản", "missing": "không có trong văn bản"}


def date_words(published: PubDate) -> str:
    """A date printed only as precisely as it is known."""
    if not published.date:
        return "Không rõ ngày"
    parts = published.date.split("-")
    if published.precision == "day":
        return f"{int(parts[2])}/{int(parts[1])}/{parts[0]}"
    if published.precision == "month":
        return f"tháng {int(parts[1])}/{parts[0]}"
    return f"năm {parts[0]}"


def front_matter_string(text: str | None) -> Markup:
    """A YAML string for front matter, HTML-escaped because Material prints page titles raw."""
    return Markup(json.dumps(html.escape(text or "", quote=False), ensure_ascii=False))


def safe_url(url: str | None) -> str | None:
    """Only http(s) links leave the archive; anything else is shown as text."""
    return url if url and url.lower().startswith(("http://", "https://")) else None


@functools.lru_cache(maxsize=None)
def relative(from_page: str, to_path: str) -> str:
    """Link from a page URL (``articles/x/``) to a site path, relative so sub-path hosting works."""
    here = [p for p in from_page.split("/") if p]
    there = to_path.split("/")
    common = 0
    while common < min(len(here), len(there) - 1) and here[common] == there[common]:
        common += 1
    target = "/".join([".."] * (len(here) - common) + there[common:])
    return target or "./"


def environment(templates_dir: Path) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates_dir / "pages"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(date_words=date_words, fm=front_matter_string, safe_url=safe_url,
                       json=lambda value: Markup(json.dumps(value, ensure_ascii=False)))
    env.globals.update(relative=relative, PRECISION_WORDS=PRECISION_WORDS, BASIS_WORDS=BASIS_WORDS,
                       SOURCE_WORDS=SOURCE_WORDS, ROLE_LABELS=ROLE_LABELS, TYPE_LABELS=TYPE_LABELS,
                       METRIC_LABELS=METRIC_LABELS, ENTITY_TYPES=ENTITY_TYPES, article_url=article_url,
                       entity_url=entity_url, figure_tip=figure_tip, figure_value_words=figure_value_words,
                       folded_d_words=folded_d_words, folded_pairs=folded_pairs, KWIC_LIMIT=KWIC_LIMIT)
    return env


def redirect_page(old_url: str, new_url: str, title: str) -> bytes:
    """A page at an old URL that sends readers (and search engines) to the new one."""
    target = relative(old_url, new_url)
    return (f"---\ntitle: {front_matter_string(title)}\nredirect_to: {json.dumps(target)}\n---\n\n"
            f'<meta http-equiv="refresh" content="0; url={html.escape(target)}">\n'
            f"<script>location.replace({json.dumps(target)} + location.hash);</script>\n"
            f'<p>Trang này đã chuyển tới <a href="{html.escape(target)}">{html.escape(title)}</a>.</p>\n').encode()


def page_url(path: str) -> str:
    """The directory URL MkDocs gives a Markdown file: a/index.md → a/, a/b.md → a/b/."""
    stem = path.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def article_url(article: Article) -> str:
    return f"articles/{article.id}/"


def body_blocks(article: Article) -> list[tuple[str, object, int]]:
    """Paragraphs (numbered from 1) and captions, in reading order."""
    blocks: list[tuple[str, object, int]] = []
    captions = sorted(article.captions, key=lambda c: (c.after, c.line))
    index = 0
    for n, paragraph in enumerate(article.paragraphs):
        while index < len(captions) and captions[index].after <= n:
            blocks.append(("caption", captions[index], 0))
            index += 1
        blocks.append(("paragraph", paragraph, n + 1))
    blocks.extend(("caption", caption, 0) for caption in captions[index:])
    return blocks


def paragraph_html(article: Article, paragraph: Paragraph, names: dict[str, str], page: str) -> Markup:
    ids = [figure_id(article.id, paragraph.anchor, n) for n in range(len(paragraph.figures))]
    return render_paragraph(paragraph.text, paragraph.entities, paragraph.figures, names=names,
                            link=lambda path: relative(page, path), figure_ids=ids)


def render_site(archive: Archive, templates_dir: Path, raw_files: dict[str, bytes],
                site_url: str = DEFAULT_SITE_URL, cache: Cache | None = None) -> dict[str, bytes]:
    """Every generated file, as relative path → bytes."""
    articles, entities = archive.articles, archive.entities
    site_url = site_url.rstrip("/") + "/"
    env = environment(templates_dir)
    by_year: dict[str, list[Article]] = {}
    for article in articles:
        by_year.setdefault((article.published.date or "")[:4] or "Không rõ năm", []).append(article)
    mentions = by_entity(articles)
    names = {e.id: e.name for e in entities}
    provisional = provisional_entities(mentions)
    rows = fig.figure_rows(articles)
    entities_by_type = {t: sorted((e for e in entities if e.type == t), key=lambda e: vi_sort_key(e.name))
                        for t in ENTITY_TYPES}
    events = sorted(archive.events, key=event_sort_key)
    events_by_id = {e.id: e for e in events}
    series_by_id = {s.id: s for s in archive.series}
    events_by_year: dict[str, list] = {}
    for event in events:
        events_by_year.setdefault((event.date.date or "")[:4] or "Không rõ năm", []).append(event)
    articles_by_id = {a.id: a for a in articles}
    common = {"articles": articles, "by_year": by_year, "provisional": provisional,
              "review": [a for a in articles if a.review_reasons], "mentions": mentions,
              "entities_by_type": entities_by_type, "events": events, "events_by_id": events_by_id,
              "series_by_id": series_by_id, "series": archive.series, "events_by_year": events_by_year,
              "article_events": archive.article_events, "articles_by_id": articles_by_id,
              "entities_by_id": {e.id: e for e in entities},
              "latest_events": [e for e in reversed(events) if e.covered_by][:6]}
    outputs: dict[str, bytes] = {}

    def page(path: str, template: str, **context: object) -> None:
        rendered = env.get_template(template).render(page_url=page_url(path), **common, **context)
        outputs[path] = rendered.encode()

    page("index.md", "home.md.j2")
    page("articles/index.md", "articles.md.j2")
    page("review.md", "review.md.j2")
    cache = cache or Cache(None)
    for article in articles:
        url = article_url(article)
        linked = [(e, r, events_by_id[e].title) for e, r in archive.article_events.get(article.id, [])]
        page_key = "page-" + key(article.cache_key, article.id, repr(linked), site_url) if article.cache_key else ""
        cached = cache.get(page_key) if page_key else None
        if cached:
            outputs.update(cached)
        else:
            html_of = {p.anchor: paragraph_html(article, p, names, url) for p in article.paragraphs}
            page(f"articles/{article.id}/index.md", "article.md.j2", article=article, blocks=body_blocks(article),
                 html_of=html_of, cite=article_citation(article, site_url))
            page(f"articles/{article.id}/source.md", "source.md.j2", article=article)
            if page_key:
                cache.put(page_key, {p: outputs[p] for p in (f"articles/{article.id}/index.md",
                                                              f"articles/{article.id}/source.md")})
        for old in article.redirect_from:
            old_url = old.strip("/") + "/"
            outputs[old_url + "index.md"] = redirect_page(old_url, url, article.title.value or "")
    page("entities/index.md", "entities.md.j2")
    for entity_type in ENTITY_TYPES:
        page(f"entities/{entity_type}/index.md", "entity_type.md.j2", entity_type=entity_type)
    for entity in entities:
        found = mentions.get(entity.id, ())
        page(f"entities/{entity.type}/{entity.id}/index.md", "entity.md.j2", entity=entity, found=found,
             roles=attested_roles(found), in_articles=articles_of(found), jsonld=entity_jsonld(entity, site_url))
    charts = {}
    for n, metric in enumerate(fig.CHART_METRICS):
        points = fig.chart_points(rows, metric)
        title = ("Kim ngạch thương mại Việt Nam – Lào" if metric == "trade turnover"
                 else "Đầu tư của Việt Nam vào Lào") + " (tỷ USD)"
        charts[metric] = (Markup(fig.chart_svg(points, title, f"chart{n}")), points, title)
    page("figures/index.md", "figures.md.j2", groups=fig.grouped(rows), charts=charts, rows=rows)
    page("events/index.md", "chronology.md.j2")
    rows_by_article: dict[str, list] = {}
    for row in rows:
        rows_by_article.setdefault(row.article.id, []).append(row)
    index = series_index(events)
    for event in events:
        prev, nxt = neighbours(event, index, series_by_id)
        page(f"events/{event.id}/index.md", "event.md.j2", event=event, prev=prev, next=nxt,
             rows=[r for a in event.covered_by for r in rows_by_article.get(a, ())],
             cite=event_citation(event, site_url))
        for old in event.redirect_from:
            outputs[f"events/{old}/index.md"] = redirect_page(f"events/{old}/", f"events/{event.id}/", event.title)
    page("series/index.md", "series_index.md.j2")
    for s in archive.series:
        page(f"series/{s.id}/index.md", "series.md.j2", s=s, members=series_members(s, events))
    outputs["feed.xml"] = atom_feed(articles, site_url)
    outputs["events/events.json"] = events_json(events)
    outputs["events/events.ics"] = events_ics(events)
    outputs["figures/figures.csv"] = fig.figures_csv(rows)
    outputs["figures/figures.json"] = fig.figures_json(rows)
    for name, raw in raw_files.items():
        outputs[f"raw/{name}"] = raw
    outputs["data/archive.json"] = archive_json(archive, mentions)
    return outputs


def write_outputs(docs_dir: Path, outputs: dict[str, bytes]) -> tuple[int, int]:
    """Write what changed, delete generated files that are no longer produced; (written, deleted)."""
    written = deleted = 0
    for rel, content in sorted(outputs.items()):
        target = docs_dir / rel
        if target.is_file() and target.read_bytes() == content:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
        written += 1
    stale = [docs_dir / f for f in GENERATED_FILES if f not in outputs and (docs_dir / f).exists()]
    for folder in GENERATED_DIRS:
        for path in sorted((docs_dir / folder).rglob("*")) if (docs_dir / folder).is_dir() else []:
            if path.is_file() and path.relative_to(docs_dir).as_posix() not in outputs:
                stale.append(path)
    for path in stale:
        path.unlink()
        deleted += 1
    for folder in GENERATED_DIRS:
        for path in sorted((docs_dir / folder).rglob("*"), reverse=True) if (docs_dir / folder).is_dir() else []:
            if path.is_dir() and not any(path.iterdir()):
                path.rmdir()
    return written, deleted
