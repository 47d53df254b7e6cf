"""Export: the whole archive as one JSON file for researchers and outside tools.

The field names are a published interface (see the README): later stages fill
``entities``, ``figures`` and ``events`` but never rename anything.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from build_archive.link.mentions import entity_record
from build_archive.model.archive import Archive
from build_archive.model.article import Article, EntitySpan, FigureSpan, FigureValue
from build_archive.model.enums import Precision
from build_archive.model.event import Event

if TYPE_CHECKING:
    from build_archive.pages.context import SiteContext
    from build_archive.pages.output import Output

MAX_FIGURE = 1e18  # beyond this a figure is a misreading ("10000000 tỷ USD"): its text is kept, its value not
OUT_OF_RANGE = "value out of range: kept as text only"


def json_number(value: float | str) -> float | None:
    """A figure's number as JSON can carry it: finite and plausible, else None (its text stays). A date is none."""
    if isinstance(value, int | float) and math.isfinite(value) and abs(value) <= MAX_FIGURE:
        return value
    return None


def figure_values(value: FigureValue) -> tuple[float | None, float | None]:
    """(low, high) of a figure's number, each finite or None."""
    low, high = value if isinstance(value, tuple) else (value, value)
    return json_number(low), json_number(high)


def export_values(value: FigureValue) -> tuple[float | str | None, float | str | None]:
    """(low, high) as the exports write them: a date as its ISO text, a number as in ``figure_values``."""
    low, high = value if isinstance(value, tuple) else (value, value)
    return (low if isinstance(low, str) else json_number(low)), (high if isinstance(high, str) else json_number(high))


def dumps(data: object, **options: Any) -> bytes:
    """JSON text of ``data``, refusing NaN and Infinity (they are not JSON)."""
    return (json.dumps(data, ensure_ascii=False, allow_nan=False, **options) + "\n").encode()


def json_items(items: list[Any], indent: int) -> str:
    """The items of a JSON list as ``dumps(items, indent=indent)`` writes them between its brackets.

    A file is then made of fragments (one an article or event, each re-used while its source is
    the same) by ``json_list``, with the same bytes as ``dumps`` of the whole list.
    """
    return json.dumps(items, ensure_ascii=False, allow_nan=False, indent=indent)[2:-2] if items else ""


def json_list(fragments: Iterable[str]) -> bytes:
    """``dumps`` of a whole list (with an indent), from its items' ``json_items`` fragments in order."""
    parts = [f for f in fragments if f]
    return ("[\n" + ",\n".join(parts) + "\n]\n" if parts else "[]\n").encode()


def entity_span_record(span: EntitySpan) -> dict[str, Any]:
    record = {"start": span.start, "end": span.end, "type": span.type, "id": span.id, "text": span.text}
    if span.role:
        record["role"] = span.role
    if span.provisional:
        record["provisional"] = True
    return record


def figure_span_record(figure: FigureSpan) -> dict[str, Any]:
    low, high = export_values(figure.value)
    value = [low, high] if isinstance(figure.value, tuple) else low
    record = {"start": figure.start, "end": figure.end, "kind": figure.kind, "value": value, "unit": figure.unit,
              "qualifier": figure.qualifier, "metric": figure.metric, "period": figure.period, "text": figure.text,
              "compared_to": figure.compared_to}
    if figure.value is not None and None in (low, high):
        record["note"] = OUT_OF_RANGE
    return record


def article_record(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "url": f"articles/{article.id}/",
        "source_file": article.source_file,
        "title": article.title.value,
        "outlet": article.outlet.value,
        "author": article.author.value,
        "source_url": article.source_url.value,
        "published": {
            "date": article.published.date,
            "precision": article.published.precision,
            "basis": article.published.basis,
        },
        "paragraphs": [
            {"anchor": p.anchor, "text": p.text, "entities": [entity_span_record(e) for e in p.entities],
             "figures": [figure_span_record(f) for f in p.figures]} for p in article.paragraphs
        ],
        "captions": [{"text": c.text, "credit": c.credit} for c in article.captions],
        "removed": list(article.removed),
        "events": [],
        "original_outlet": article.original_outlet.value,
        "provenance": {
            "title": article.title.basis,
            "outlet": article.outlet.basis,
            "author": article.author.basis,
            "source_url": article.source_url.basis,
            "date_evidence": article.published.evidence,
        },
    }


def event_record(event: Event) -> dict[str, Any]:
    return {
        "id": event.id, "url": f"events/{event.id}/", "title": event.title, "en": event.en, "kind": event.kind,
        "series": event.series, "ordinal": event.ordinal,
        "date": {"date": event.date.date, "precision": event.date.precision, "basis": event.date.basis},
        "place": event.place, "place_name": event.place_name, "online": event.online,
        "background": event.background,
        "participants": [{"id": p.id, "name": p.name, "role": p.role, "chair": p.chair} for p in event.participants],
        "agreements": list(event.agreements), "covered_by": list(event.covered_by),
        "mentioned_in": [{"article": m.article_id, "anchor": m.anchor} for m in event.mentioned_in],
        "related": [{"event": r.other, "reason": r.reason.rstrip(": ")} for r in event.relations],
        "anniversary_of": event.anniversary_of, "curated": list(event.curated),
    }


def event_json(ctx: SiteContext, event: Event, compact: bool) -> str:
    """An event's record as an item of ``events/events.json`` (see ``json_items``) or, ``compact``, of
    ``archive.json``; re-used while the event is the same."""
    return ctx.memo(f"event-json-{compact}-{event.id}", lambda: ctx.prints.of(event), lambda: (
        json.dumps(event_record(event), ensure_ascii=False, allow_nan=False, separators=(",", ":")) if compact
        else json_items([event_record(event)], 1)))


def _ics_text(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def events_ics(events: list[Event], site_name: str) -> bytes:
    """iCalendar of the events whose day is known (a month or a year is no calendar date)."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Luu tru Viet-Lao//Bien nien//VI", "CALSCALE:GREGORIAN",
             f"X-WR-CALNAME:{_ics_text(site_name)}"]
    for event in events:
        if event.date.precision != Precision.DAY or not event.date.date:
            continue
        day = event.date.date.replace("-", "")
        lines += ["BEGIN:VEVENT", f"UID:{event.id}@luu-tru-viet-lao", f"DTSTAMP:{day}T000000Z",
                  f"DTSTART;VALUE=DATE:{day}", f"SUMMARY:{_ics_text(event.title)}"]
        if event.place_name or event.online:
            lines.append(f"LOCATION:{_ics_text('trực tuyến' if event.online else event.place_name or '')}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return ("\r\n".join(lines) + "\r\n").encode()


def _events_of(archive: Archive, article: Article) -> tuple[tuple[str, str], ...]:
    return tuple(archive.article_events.get(article.id, ()))


def _article_json(article: Article, events: tuple[tuple[str, str], ...]) -> str:
    record = dict(article_record(article), events=[{"id": e, "relation": r} for e, r in events])
    return json.dumps(record, ensure_ascii=False, allow_nan=False, separators=(",", ":"))


def archive_json(ctx: SiteContext) -> bytes:
    """``dumps`` of the whole archive (no indent), joined from each article's and each event's
    record, re-used while the article or event is the same; the entities' records are made anew."""
    archive = ctx.archive
    articles = [ctx.of_article("archive-json", a, lambda a: _article_json(a, _events_of(archive, a)),
                               _events_of(archive, a)) for a in archive.articles]
    entities = [entity_record(e, ctx.mentions.get(e.id, ())) for e in archive.entities]
    events = [event_json(ctx, e, compact=True) for e in sorted(archive.events, key=lambda e: (e.date.date or "9999", e.id))]
    # No indent: with one, the json module falls back to its pure-Python encoder (10× slower).
    entities_text = json.dumps(entities, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    return ('{"articles":[' + ",".join(articles) + '],"entities":' + entities_text
            + ',"events":[' + ",".join(events) + "]}\n").encode()


def generate(ctx: SiteContext) -> Iterator[tuple[str, Output]]:
    """The whole archive as one JSON file (names fixed: outside tools rely on them)."""
    yield "data/archive.json", archive_json(ctx)
