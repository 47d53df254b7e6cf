"""Article pages, their source views ("Nguồn gốc") with the raw file, and redirects from old URLs."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator, Sequence

from markupsafe import Markup, escape

from build_archive.link.events import event_named
from build_archive.model.article import Article, Paragraph
from build_archive.model.citation import article_citation
from build_archive.model.enums import EntityType
from build_archive.model.event import Event
from build_archive.model.urls import article_url, figure_id, raw_path, relative
from build_archive.pages.bibliography import ARCHIVE_FILES, article_files
from build_archive.pages.citation import citation_outputs
from build_archive.pages.context import SiteContext
from build_archive.pages.inline import render_paragraph
from build_archive.pages.labels import Labels
from build_archive.pages.output import Output, redirect_page
from build_archive.pipeline.cache import key


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


def paragraph_html(article: Article, paragraph: Paragraph, names: dict[str, str], page: str, labels: Labels,
                   here: Callable[[], Sequence[Event]] = tuple,
                   pages: dict[str, str] | None = None, seen: set[str] | None = None) -> Markup:
    """``here``: the events the paragraph is cited for (see event_of_span), asked only if it has an event span."""
    ids = [figure_id(article.id, paragraph.anchor, n) for n in range(len(paragraph.figures))]
    return render_paragraph(paragraph.text, paragraph.entities, paragraph.figures, names=names,
                            link=lambda path: relative(page, path), figure_ids=ids, labels=labels, pages=pages, seen=seen,
                            event_of=lambda span: event_named(here(), span) if span.type == EntityType.EVENT else None)


def source_lines_html(article: Article, labels: Labels) -> Markup:
    """The source view's raw lines, each segment marked kept or removed with its role's label.

    Made here rather than by a template loop over every segment of every line, which was most of
    the cost of a page nobody searches.
    """
    out = []
    for line in article.source_lines:
        removed = " va-line--removed" if line.segments and all(seg.removed for seg in line.segments) else ""
        out.append(f'<li value="{line.number}" class="va-line{removed}">')
        for seg in line.segments:
            role, text, label = escape(seg.role), escape(seg.text), escape(labels.line_role[seg.role])
            if seg.removed:
                out.append(f'<del class="va-seg va-seg--removed va-seg--{role}">{text}</del>'
                           f'<span class="va-role va-role--removed">{label}</span>')
            else:
                out.append(f'<span class="va-seg va-seg--kept va-seg--{role}">{text}</span><span class="va-role">{label}</span>')
        out.append("</li>\n")
    return Markup("".join(out))


def _events_here(ctx: SiteContext, article_id: str, anchor: str) -> list[Event]:
    """The article's events a paragraph is cited for, from indexes: a popular event's mentions are not scanned."""
    at = ctx.mentioned_at.get((article_id, anchor), set())
    return [e for e in ctx.events_of_article.get(article_id, []) if e.id in at or article_id in ctx.covering[e.id]]


def _article_pages(ctx: SiteContext, article: Article) -> dict[str, Output]:
    url = article_url(article)
    seen: set[str] = set()
    html_of = {p.anchor: paragraph_html(article, p, ctx.names, url, ctx.labels,
                                        functools.partial(_events_here, ctx, article.id, p.anchor),
                                        ctx.entity_pages, seen)
               for p in article.paragraphs}
    return {
        f"{url}index.md": ctx.render(f"{url}index.md", "article.html.j2", article=article,
                                     blocks=body_blocks(article), html_of=html_of,
                                     cite=citation_outputs(article_citation(article, ctx.site_url, ctx.site_name),
                                                           article_files(article.id), ARCHIVE_FILES)),
        f"{url}source.md": ctx.render(f"{url}source.md", "source.html.j2", article=article,
                                      source_lines=source_lines_html(article, ctx.labels)),
    }


def generate(ctx: SiteContext) -> Iterator[tuple[str, Output]]:
    """Each article's page and source view (cached by the article and the events it links to)."""
    for article in ctx.archive.articles:
        linked = [(e, r, ctx.events_by_id[e].title) for e, r in ctx.archive.article_events.get(article.id, [])]
        page_key = ("page-" + key(article.cache_key, article.id, repr(linked), ctx.site_url, ctx.site_name)
                    if article.cache_key else "")
        pages = ctx.cache.get(page_key) if page_key else None
        if not pages:
            pages = _article_pages(ctx, article)
            if page_key:
                ctx.cache.put(page_key, pages)
        yield from pages.items()
        yield raw_path(article.raw_name), ctx.raw_files[article.raw_name]
        for old in article.redirect_from:
            old_url = old.strip("/") + "/"
            yield old_url + "index.md", redirect_page(old_url, article_url(article), article.title.value or "")
