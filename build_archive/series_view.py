"""A series' meetings in order, with the ones the archive lacks shown as gaps."""

from __future__ import annotations

from .events import Event, Series


def series_members(series: Series, events: list[Event]) -> list[dict]:
    """Rows for a series page: events, and for numbered series the missing numbers as ranges."""
    members = [e for e in events if e.series == series.id]
    if not series.numbered:
        return [{"event": e} for e in sorted(members, key=lambda e: (e.date.date or "9999", e.id))]
    by_n = {e.ordinal: e for e in members if e.ordinal is not None}
    rows: list[dict] = []
    expected = 1
    for n in sorted(by_n):
        if n > expected:
            rows.append({"gap": (expected, n - 1)})
        rows.append({"event": by_n[n]})
        expected = n + 1
    return rows
