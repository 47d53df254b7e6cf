"""Merging standoff spans into a paragraph's HTML, at the very end of the pipeline.

Every character of the text is escaped; spans only add elements around
stretches of it, so stripping the markup gives the paragraph back exactly.
Tooltips live in attributes (shown by CSS on hover and keyboard focus), never
in the text flow.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable

from markupsafe import Markup

from build_archive.model.article import EntitySpan, FigureSpan
from build_archive.model.enums import FigureKind
from build_archive.model.event import Event
from build_archive.model.urls import entity_url, event_url
from build_archive.pages.labels import Labels


def format_number(value: float) -> str:
    """1730000000 → "1 730 000 000"; 6.9 → "6,9" (Vietnamese decimal comma, thin-space thousands)."""
    whole, _, fraction = f"{value:.6f}".rstrip("0").rstrip(".").partition(".")
    groups: list[str] = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    return "\u202f".join(groups) + ("," + fraction if fraction else "")


def _value_words(value: float | str) -> str:
    return value if isinstance(value, str) else format_number(value)


def figure_value_words(figure: FigureSpan, labels: Labels) -> str:
    value = figure.value
    text = " – ".join(map(_value_words, value)) if isinstance(value, tuple) else _value_words(value)
    if figure.kind == FigureKind.DATE:
        return text
    qualifier = labels.qualifier[figure.qualifier]
    return " ".join(part for part in (qualifier, text, figure.unit or "") if part).replace(" %", "%")


def figure_tip(figure: FigureSpan, labels: Labels) -> str:
    parts = [labels.figure_kind[figure.kind], figure_value_words(figure, labels)]
    if figure.metric:
        parts.append(labels.metric.get(figure.metric, figure.metric))
    if figure.period and figure.kind != FigureKind.DATE:
        parts.append("thời kỳ " + figure.period)
    if figure.compared_to:
        parts.append("so với " + figure.compared_to)
    return " · ".join(parts)


def entity_tip(span: EntitySpan, canonical: str | None, labels: Labels) -> str:
    parts = [labels.entity_type[span.type], canonical or span.text]
    if span.role:
        parts.append(span.role)
    if span.provisional:
        parts.append("chưa có trong cơ sở tri thức")
    return " · ".join(parts)


def entity_pages(events: Iterable[Event]) -> dict[str, str]:
    """Entity id → site path, for entities whose page is another kind's: a named event's is its event page."""
    return {event.entity: event_url(event.id) for event in events if event.entity}


def render_paragraph(text: str, entities: tuple[EntitySpan, ...], figures: tuple[FigureSpan, ...], *,
                     names: dict[str, str], link: Callable[[str], str], figure_ids: list[str], labels: Labels,
                     pages: dict[str, str] | None = None, seen: set[str] | None = None,
                     event_of: Callable[[EntitySpan], str | None] = lambda span: None) -> Markup:
    """The paragraph as HTML. ``link(path)`` makes a site path relative to the page; ``pages``: see entity_pages;
    ``event_of(span)`` is the detected event an event span names, whose page it then links to.

    ``seen`` (shared by an article's paragraphs) holds the entities already shown: a name is tagged in
    full on its first mention and quietly after, so the commonest ("Việt Nam", "Lào") do not drown the rest.
    """
    opens: list[tuple[int, int, str, str]] = []  # (start, end, opening tag, closing tag)
    for span in entities:
        tip = entity_tip(span, names.get(span.id), labels)
        event_id = event_of(span)
        target = (pages or {}).get(span.id) or entity_url(span.type, span.id)
        href = link(event_url(event_id) if event_id else f"review/#{span.id}" if span.provisional else target)
        extra = " va-ent--provisional" if span.provisional else ""
        if seen is not None:
            extra += " va-ent--again" if span.id in seen else ""
            seen.add(span.id)
        opens.append((span.start, span.end,
                      f'<a class="va-ent va-ent--{span.type}{extra}" href="{html.escape(href)}" '
                      f'data-tip="{html.escape(tip)}" aria-label="{html.escape(span.text + " (" + tip + ")")}">',
                      "</a>"))
    for figure, fid in zip(figures, figure_ids, strict=True):
        tip = figure_tip(figure, labels)
        opens.append((figure.start, figure.end,
                      f'<a class="va-fig va-fig--{figure.kind}" href="{html.escape(link("figures/"))}#{fid}" '
                      f'data-tip="{html.escape(tip)}" aria-label="{html.escape(figure.text + " (" + tip + ")")}">',
                      "</a>"))
    opens.sort(key=lambda o: (o[0], -o[1]))
    out: list[str] = []
    pos = 0
    for start, end, opening, closing in opens:
        if start < pos:  # overlaps an element already written: the data keeps it, the page shows one
            continue
        out.append(html.escape(text[pos:start], quote=False))
        out.append(opening + html.escape(text[start:end], quote=False) + closing)
        pos = end
    out.append(html.escape(text[pos:], quote=False))
    return Markup("".join(out))
