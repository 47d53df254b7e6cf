"""The figures table, its CSV and JSON downloads, and the trade/investment charts as static SVG.

The charts are drawn at build time from the tagged figures: no script, no
network, readable in print, with the plotted values also given as text.
"""

from __future__ import annotations

import csv
import html
import io
import math
from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from build_archive.link.mentions import FigureRow
from build_archive.model.article import Article
from build_archive.model.enums import FigureKind
from build_archive.model.urls import figure_id, page_url
from build_archive.pages.exports import OUT_OF_RANGE, export_values, figure_values, json_items, json_list

if TYPE_CHECKING:
    from build_archive.pages.context import SiteContext
    from build_archive.pages.output import Output


CHART_METRICS = ("trade turnover", "investment")
CHART_MAX_BILLIONS = 10_000  # 10,000 tỷ USD: more than the world's trade in a year, so a misreading
CSV_FIELDS = ("id", "article", "paragraph_url", "text", "kind", "value_low", "value_high", "unit", "qualifier",
              "metric", "period", "compared_to")


def figure_rows(articles: list[Article]) -> list[FigureRow]:
    rows = []
    for article in articles:
        for paragraph in article.paragraphs:
            for n, figure in enumerate(paragraph.figures):
                rows.append(FigureRow(article, paragraph, figure, figure_id(article.id, paragraph.anchor, n)))
    return rows


def grouped(rows: list[FigureRow], metric_labels: Mapping[str, str]) -> list[tuple[str, list[FigureRow]]]:
    """Rows by metric (named metrics first, in a fixed order), each by period then article."""
    groups: dict[str, list[FigureRow]] = {}
    for row in rows:
        groups.setdefault(row.figure.metric or "", []).append(row)
    order = sorted(groups, key=lambda m: (m == "", metric_labels.get(m, m)))
    return [(m, sorted(groups[m], key=lambda r: (r.figure.period or "", r.article.id, r.id))) for m in order]


def row_record(row: FigureRow) -> dict[str, Any]:
    low, high = export_values(row.figure.value)
    record = {
        "id": row.id, "article": row.article.id,
        "paragraph_url": f"articles/{row.article.id}/#{row.paragraph.anchor}", "text": row.figure.text,
        "kind": row.figure.kind, "value_low": low, "value_high": high, "unit": row.figure.unit,
        "qualifier": row.figure.qualifier, "metric": row.figure.metric, "period": row.figure.period,
        "compared_to": row.figure.compared_to,
    }
    if row.figure.value is not None and None in (low, high):
        record["note"] = OUT_OF_RANGE
    return record


def _csv_writer(buffer: io.StringIO) -> csv.DictWriter[str]:
    return csv.DictWriter(buffer, fieldnames=CSV_FIELDS, lineterminator="\n", extrasaction="ignore")


def figure_files(rows: Sequence[FigureRow]) -> tuple[str, str]:
    """Some rows (one article's) as lines of the CSV and as items of the JSON list (see ``json_items``)."""
    buffer = io.StringIO()
    _csv_writer(buffer).writerows(row_record(row) for row in rows)
    return buffer.getvalue(), json_items([row_record(r) for r in rows], 1)


def figures_csv(lines: list[str]) -> bytes:
    """The table as CSV, from each article's ``figure_files`` lines."""
    buffer = io.StringIO()
    _csv_writer(buffer).writeheader()
    return (buffer.getvalue() + "".join(lines)).encode("utf-8-sig")  # the BOM lets spreadsheet programs read Vietnamese


def figures_json(items: list[str]) -> bytes:
    """The table as JSON, from each article's ``figure_files`` items: ``dumps(records, indent=1)``."""
    return json_list(items)


def chart_points(rows: list[FigureRow], metric: str) -> list[dict[str, Any]]:
    """Money figures in USD for one metric, one point per figure, by period.

    A running total ("investment stock") and a period's flow ("investment") are different metrics:
    a chart of one never takes a point of the other, so a total never reads as a year's collapse.
    """
    points = []
    for row in rows:
        f = row.figure
        if f.kind != FigureKind.MONEY or f.metric != metric or not (f.unit or "").startswith("USD") or not f.period:
            continue
        if "/" in f.period and f.period.split("/")[0][:4] != f.period.split("/")[1][:4]:
            continue  # several years in one figure ("trong 5 năm qua"): no single year to plot it at
        low, high = figure_values(f.value)
        if low is None or high is None or high / 1e9 > CHART_MAX_BILLIONS:
            continue  # out of range: listed in the table as text, never charted
        partial = "/" in f.period
        points.append({"year": int(f.period[:4]), "low": low / 1e9, "high": high / 1e9, "period": f.period,
                       "partial": partial, "text": f.text, "article": row.article.id, "id": row.id})
    return sorted(points, key=lambda p: (p["year"], p["partial"], p["id"]))


def _nice_step(vmax: float) -> float:
    """1, 2 or 5 times a power of ten, giving at most ten ticks up to ``vmax``."""
    power = 10.0 ** math.floor(math.log10(vmax / 10))
    return next(power * m for m in (1, 2, 5, 10) if vmax / (power * m) <= 10)


def chart_svg(points: list[dict[str, Any]], title: str, chart_id: str) -> str:
    """A small dot-and-range chart: years across, billions of USD up. Hollow dots are part-year figures.

    Drawn at its own size (the page scrolls it sideways on a narrow screen rather than shrink it),
    so its 13-unit labels print at 13 px.
    """
    width, height, left, right, top, bottom = 640, 330, 56, 16, 36, 70
    esc = html.escape
    desc = "; ".join(f"{p['period']}: {p['text']}" for p in points) or "Chưa có số liệu."
    tid = chart_id
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" '
           f'aria-labelledby="t-{tid} d-{tid}" class="va-chart">']
    out.append(f'<title id="t-{tid}">{esc(title)}</title><desc id="d-{tid}">{esc(desc)}</desc>')
    out.append(f'<text x="{left}" y="20" font-size="15" font-weight="bold" fill="currentColor">{esc(title)}</text>')
    if not points:
        out.append(f'<text x="{left}" y="{height // 2}" font-size="13" fill="currentColor">Chưa có số liệu.</text>')
        return "".join(out) + "</svg>"
    years: list[int] = [p["year"] for p in points]
    y0, y1 = min(years) - 1, max(years) + 1
    highest: float = max(p["high"] for p in points) or 1
    step = 0.5 if highest <= 3 else 1 if highest <= 8 else 2 if highest <= 20 else _nice_step(highest)
    vmax = (int(highest * 1.05 / step) + 1) * step  # the top gridline above the highest point
    plot_w, plot_h = width - left - right, height - top - bottom

    def x(year: float) -> float:
        return round(left + (year - y0) / (y1 - y0) * plot_w, 1)

    def y(value: float) -> float:
        return round(top + plot_h - value / vmax * plot_h, 1)

    tick = 0.0
    while tick <= vmax + step / 100:
        out.append(f'<line x1="{left}" x2="{width - right}" y1="{y(tick)}" y2="{y(tick)}" stroke="currentColor" '
                   f'stroke-opacity="0.15"/>')
        out.append(f'<text x="{left - 6}" y="{y(tick) + 4}" font-size="13" text-anchor="end" '
                   f'fill="currentColor">{str(tick).replace(".", ",").removesuffix(",0")}</text>')
        tick += step
    for year in range(y0, y1 + 1):
        out.append(f'<text x="{x(year)}" y="{height - bottom + 18}" font-size="13" text-anchor="middle" '
                   f'fill="currentColor">{year}</text>')
    out.append(f'<text x="{left}" y="{height - 30}" font-size="13" fill="currentColor">'
               'Tỷ USD theo năm của số liệu; chấm rỗng: số liệu một phần năm;</text>')
    out.append(f'<text x="{left}" y="{height - 10}" font-size="13" fill="currentColor">'
               'vạch đứng: khoảng ước tính.</text>')
    for p in points:
        cx = x(p["year"] + (0.15 if p["partial"] else 0))
        if p["high"] > p["low"]:
            out.append(f'<line x1="{cx}" x2="{cx}" y1="{y(p["low"])}" y2="{y(p["high"])}" stroke="currentColor" '
                       'stroke-width="3"/>')
        fill = "none" if p["partial"] else "currentColor"
        mid = (p["low"] + p["high"]) / 2
        out.append(f'<circle cx="{cx}" cy="{y(mid)}" r="5" fill="{fill}" stroke="currentColor" stroke-width="2">'
                   f'<title>{esc(p["period"] + ": " + p["text"])}</title></circle>')
    return "".join(out) + "</svg>"


def generate(ctx: SiteContext) -> Iterator[tuple[str, Output]]:
    """The figures page with its charts, and the table as CSV and JSON."""
    charts = {}
    for n, metric in enumerate(CHART_METRICS):
        points = chart_points(ctx.rows, metric)
        title = ("Kim ngạch thương mại Việt Nam – Lào" if metric == "trade turnover"
                 else "Đầu tư của Việt Nam vào Lào") + " (tỷ USD)"
        charts[metric] = (Markup(chart_svg(points, title, f"chart{n}")), points, title)
    path = "figures/index.md"
    macros: Any = ctx.env.get_template("_figure_row.j2").make_module({"page_url": page_url(path)})
    row = macros.figure_row
    row_html = {a.id: ctx.of_article("figure-row-html", a, lambda a: {r.id: row(r) for r in ctx.figure_rows_of(a)})
                for a in ctx.archive.articles}
    yield path, ctx.render(path, "figures.html.j2", groups=grouped(ctx.rows, ctx.labels.metric), charts=charts,
                           rows=ctx.rows, row_html=row_html)
    # each article's fragment of the two files is re-used while the article is the same
    files = [ctx.of_article("figure-files", a, lambda a: figure_files(ctx.figure_rows_of(a))) for a in ctx.archive.articles]
    yield "figures/figures.csv", figures_csv([lines for lines, _ in files])
    yield "figures/figures.json", figures_json([items for _, items in files])
