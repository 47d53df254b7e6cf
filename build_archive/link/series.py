"""A series' meetings in order, with the ones the archive lacks shown as gaps."""

from __future__ import annotations

import bisect
from typing import Any

from build_archive.model.event import Event, Series


def series_members(series: Series, events: list[Event]) -> list[dict[str, Any]]:
    """Rows for a series page: events, and for numbered series the missing numbers as ranges."""
    members = [e for e in events if e.series == series.id]
    if not series.numbered:
        return [{"event": e} for e in sorted(members, key=lambda e: (e.date.date or "9999", e.id))]
    by_n = {e.ordinal: e for e in members if e.ordinal is not None}
    rows: list[dict[str, Any]] = []
    expected = 1
    for n in sorted(by_n):
        if n > expected:
            rows.append({"gap": (expected, n - 1)})
        rows.append({"event": by_n[n]})
        expected = n + 1
    return rows


def series_index(events: list[Event]) -> dict[str, list[Event]]:
    """Each series' events, in order (by ordinal, else by date): built once, read per event page."""
    index: dict[str, list[Event]] = {}
    for event in events:
        if event.series:
            index.setdefault(event.series, []).append(event)
    for members in index.values():
        members.sort(key=_order)
    return index


def _order(event: Event) -> tuple[int, str, str]:
    return event.ordinal or 0, event.date.date or "9999", event.id


def _numbered(same: list[Event], n: int) -> Event | None:
    """The last event of ``same`` (in series order) numbered ``n``: a bisection, not a scan per event page."""
    i = bisect.bisect_right(same, n, key=lambda e: e.ordinal or 0)
    while i > 0 and (same[i - 1].ordinal or 0) == n:
        if same[i - 1].ordinal == n:
            return same[i - 1]
        i -= 1
    return None


def neighbours(event: Event, index: dict[str, list[Event]],
               series: dict[str, Series]) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
    """Previous and next in the series: an event, or one implied by the numbering but not in the archive."""
    if not event.series or event.series not in series:
        return None, None
    s = series[event.series]
    same = index.get(event.series, [])
    if s.numbered and event.ordinal is not None:
        prev = _numbered(same, event.ordinal - 1)
        nxt = _numbered(same, event.ordinal + 1)
        title = s.title or s.name
        prev_d = {"event": prev} if prev else ({"implied": title.format(n=event.ordinal - 1, year="?", head="")}
                                               if event.ordinal > 1 else None)
        next_d = {"event": nxt} if nxt else None
        return prev_d, next_d
    ordered = same
    i = bisect.bisect_left(ordered, _order(event), key=_order)  # ids are unique: its own place
    if i == len(ordered) or ordered[i] is not event:
        i = ordered.index(event)
    return ({"event": ordered[i - 1]} if i > 0 else None), ({"event": ordered[i + 1]} if i + 1 < len(ordered) else None)
