"""Link: the events articles report and mention, their series, and how they relate.

Each article *covers* at most one event (the one its title or lead reports) and
*mentions* others (visits, anniversaries, the next consultation, named years).
Sightings of one event from many articles merge by a stable id built from the
series and ordinal, or the series and date. Curated YAML (data/events.yml) can
rename, date, merge and split events, and always wins.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from build_archive.date import published as dates
from build_archive.date.patterns import LEAD_DATE_RE as _LEAD_RE
from build_archive.model.article import Article, EntitySpan, PubDate
from build_archive.model.entity import Entity
from build_archive.model.enums import DateBasis, EntityType, FigureKind, Precision
from build_archive.model.event import (
    CuratedEvents,
    Event,
    EventMention,
    Participant,
    Relation,
    Series,
    event_sort_key,
)
from build_archive.pipeline.cache import Cache
from build_archive.tag.entities import matching_form

COUNTRIES = {"viet-nam", "lao"}
AGREEMENT_NEIGHBOURS = 2  # related through a shared agreement: this many nearest on each side
PRECISION_RANK = {Precision.DAY: 3, Precision.MONTH: 2, Precision.YEAR: 1, Precision.UNKNOWN: 0}
_ONLINE_RE = re.compile(r"trực tuyến")


@dataclass
class _Sighting:
    """One article's evidence about one event."""

    id: str
    title: str
    kind: str
    date: PubDate
    article: str
    anchor: str | None
    covers: bool
    series: str | None = None
    ordinal: int | None = None
    place: str | None = None
    place_name: str | None = None
    online: bool = False
    participants: list[Participant] = field(default_factory=list)
    agreements: list[str] = field(default_factory=list)
    anniversary_of: str | None = None
    related: list[tuple[str, str, str]] = field(default_factory=list)  # (other id, reason here, reason there)
    first: bool = False


def _units(article: Article) -> list[tuple[str | None, str, tuple[EntitySpan, ...]]]:
    """(anchor, text, entity spans): the title first, then every paragraph."""
    return [(None, article.title.value or "", ())] + [(p.anchor, p.text, p.entities) for p in article.paragraphs]


def _sentence(text: str, pos: int) -> tuple[int, int]:
    start = max(text.rfind(". ", 0, pos), text.rfind("; ", 0, pos))
    start = start + 2 if start >= 0 else 0
    ends = [i for i in (text.find(". ", pos), text.find("; ", pos)) if i >= 0]
    return start, (min(ends) + 1 if ends else len(text))


def _lead_date(article: Article) -> PubDate:
    """The day the reported event happened: the lead's "Sáng 12/1", in the article's year."""
    published = article.published
    year = int(published.date[:4]) if published.date else None
    for paragraph in article.paragraphs[:4]:
        match = _LEAD_RE.search(matching_form(paragraph.text[:80]))
        y = (int(match[3]) if match[3] else year) if match else None
        if match and y:
            m, d = int(match[2]), int(match[1])
            if not dates.valid_date(y, m, d):
                continue
            value = f"{y:04d}-{m:02d}-{d:02d}"
            basis = published.basis if published.date == value else DateBasis.INFERRED
            return PubDate(value, Precision.DAY, basis, published.evidence if basis == published.basis else None)
    return published


def _names(entities: dict[str, Entity], span: EntitySpan) -> str:
    entity = entities.get(span.id)
    return entity.name if entity else span.text


def _covered(article: Article, series: tuple[Series, ...], entities: dict[str, Entity]) -> _Sighting | None:
    for anchor, text, _spans in _units(article)[:5]:
        norm = matching_form(text)
        found = []
        for s in series:
            for pattern in s.patterns:
                match = pattern.search(norm)
                if match and not re.search(r"(chuyến thăm|kỷ niệm|tiếp theo)[^.;]{0,40}$", norm[:match.start()]):
                    found.append((match.start(), s, match))
        if not found:
            continue
        _, s, match = min(found, key=lambda f: f[0])
        ordinal = int(match["n"]) if s.numbered and "n" in match.groupdict() and match["n"] else None
        if s.numbered and ordinal is None:
            continue
        when = _lead_date(article)
        year = when.date[:4] if when.date else ""
        event_id = f"{s.id}-{ordinal}" if ordinal is not None else f"{s.id}-{when.date or 'khong-ro-ngay'}"
        head = match.groupdict().get("head") or ""
        title = (s.title or s.name).format(n=ordinal, year=year or "?", head=head[:1].upper() + head[1:])
        sighting = _Sighting(event_id, title, s.kind, when, article.id, anchor, True, s.id, ordinal)
        sighting.first = bool(re.search(r"lần đầu", norm))
        _describe(article, sighting, entities)
        return sighting
    return None


def _describe(article: Article, sighting: _Sighting, entities: dict[str, Entity]) -> None:
    """Place, chairs, participants and agreements of the event an article reports."""
    lead = " ".join(p.text for p in article.paragraphs[:4])
    sighting.online = bool(_ONLINE_RE.search(matching_form((article.title.value or "") + " " + lead)))
    chairs: set[str] = set()
    for paragraph in article.paragraphs[:4]:
        at = matching_form(paragraph.text).find("đồng chủ trì")
        if at >= 0:
            start, _ = _sentence(paragraph.text, at)
            chairs |= {s.id for s in paragraph.entities if s.type == EntityType.PERSON and start <= s.start < at}
    for paragraph in article.paragraphs[:4]:
        places = [s for s in paragraph.entities if s.type == EntityType.PLACE and s.id not in COUNTRIES]
        if places and not sighting.place:
            sighting.place, sighting.place_name = places[0].id, _names(entities, places[0])
    seen: set[str] = set()
    for paragraph in article.paragraphs:
        for span in paragraph.entities:
            if span.type == EntityType.PERSON and span.id not in seen:
                seen.add(span.id)
                sighting.participants.append(Participant(span.id, _names(entities, span), span.role, span.id in chairs))
            if span.type == EntityType.AGREEMENT and span.id not in sighting.agreements:
                sighting.agreements.append(span.id)
    sighting.participants.sort(key=lambda p: (not p.chair,))


def _visits(article: Article, covered: _Sighting | None, entities: dict[str, Entity]) -> list[_Sighting]:
    found = []
    for paragraph in article.paragraphs:
        norm = matching_form(paragraph.text)
        for match in re.finditer(r"chuyến thăm", norm):
            start, end = _sentence(paragraph.text, match.start())
            of = norm.find(" của ", match.end(), end)
            if of < 0:
                continue
            visitor = next((s for s in paragraph.entities if s.type == EntityType.PERSON and of < s.start < of + 80), None)
            dest = next((s for s in paragraph.entities if s.type == EntityType.PLACE and s.id in COUNTRIES
                         and match.end() <= s.start < of), None)
            if not visitor or not dest:
                continue
            when = next((f for f in paragraph.figures if f.kind == FigureKind.DATE and visitor.end <= f.start < visitor.end + 20),
                        None)
            within = re.search(r"trong khuôn khổ\s*$", norm[max(0, match.start() - 20):match.start()])
            if when:
                day = str(when.value[0] if isinstance(when.value, tuple) else when.value)
                date = PubDate(day, Precision.DAY, DateBasis.STATED, f"“{when.text}”")
                words = f" ({when.text})"
            elif within and covered and covered.date.date:
                day = covered.date.date
                date = PubDate(day[:7], Precision.MONTH, DateBasis.INFERRED,
                               f"hội thảo ngày {day} diễn ra trong khuôn khổ chuyến thăm")
                words = ""
            else:
                continue
            visitor_id = visitor.id.removeprefix("provisional-person-")
            role = f"{visitor.role} " if visitor.role else ""
            title = f"Chuyến thăm chính thức {_names(entities, dest)} của {role}{_names(entities, visitor)}{words}"
            sighting = _Sighting(f"chuyen-tham-{dest.id}-{visitor_id}-{day[:7]}", title, "visit", date,
                                 article.id, paragraph.anchor, False, "chuyen-tham-chinh-thuc", place=dest.id,
                                 place_name=_names(entities, dest))
            sighting.participants.append(Participant(visitor.id, _names(entities, visitor), visitor.role, False))
            if within and covered:
                sighting.related.append((covered.id, "Trong khuôn khổ chuyến thăm này diễn ra: ",
                                         "Diễn ra trong khuôn khổ: "))
            found.append(sighting)
    return found


def _next_in_series(article: Article, covered: _Sighting | None, series: tuple[Series, ...]) -> list[_Sighting]:
    if not covered or covered.ordinal is None:
        return []
    s = next(s for s in series if s.id == covered.series)
    found = []
    for paragraph in article.paragraphs:
        norm = matching_form(paragraph.text)
        for pattern in s.next_patterns:
            match = pattern.search(norm)
            if not match:
                continue
            start, end = _sentence(paragraph.text, match.start())
            year = re.search(r"năm (\d{4})", norm[match.end():end])
            date = PubDate(year[1], Precision.YEAR, DateBasis.INFERRED, f"“{paragraph.text[match.start():end].strip()}”") if year \
                else PubDate(None, Precision.UNKNOWN, DateBasis.UNKNOWN)
            n = covered.ordinal + 1
            found.append(_Sighting(f"{s.id}-{n}", (s.title or s.name).format(n=n, year=year[1] if year else "?",
                                                                            head=""),
                                   s.kind, date, article.id, paragraph.anchor, False, s.id, n))
    return found


def _anniversaries(article: Article, curated: CuratedEvents) -> list[_Sighting]:
    found = []
    for entry in curated.entries:
        if not entry["_anniversary"] or "date" not in entry:
            continue
        for paragraph in article.paragraphs:
            norm = matching_form(paragraph.text)
            for pattern in entry["_anniversary"]:
                for match in pattern.finditer(norm):
                    n = int(match["n"])
                    year = int(entry["date"][:4]) + n
                    title = entry.get("anniversary_title", "Kỷ niệm {n} năm").format(n=n)
                    sighting = _Sighting(f"ky-niem-{n}-nam-{entry['id']}", title, "anniversary",
                                         PubDate(str(year), Precision.YEAR, DateBasis.INFERRED,
                                                 f"{entry['date'][:4]} + {n} năm"),
                                         article.id, paragraph.anchor, False, anniversary_of=entry["id"])
                    sighting.related.append((entry["id"], f"Kỷ niệm {n} năm của: ", f"Lễ kỷ niệm {n} năm: "))
                    found.append(sighting)
    return found


def _entity_events(article: Article, curated: CuratedEvents) -> list[_Sighting]:
    by_entity = {e["entity"]: e for e in curated.entries if e.get("entity")}
    found = []
    for paragraph in article.paragraphs:
        for span in paragraph.entities:
            entry = by_entity.get(span.id)
            if entry:
                found.append(_Sighting(entry["id"], entry.get("title", span.text), entry.get("kind", "event"),
                                       PubDate(None, Precision.UNKNOWN, DateBasis.UNKNOWN), article.id, paragraph.anchor, False))
    return found


def _better(a: PubDate, b: PubDate) -> PubDate:
    return b if PRECISION_RANK[b.precision] > PRECISION_RANK[a.precision] else a


def detect(article: Article, series: tuple[Series, ...], curated: CuratedEvents,
           entities: dict[str, Entity]) -> list[_Sighting]:
    covered = _covered(article, series, entities)
    sightings = ([covered] if covered else []) + _visits(article, covered, entities) \
        + _next_in_series(article, covered, series) + _anniversaries(article, curated) \
        + _entity_events(article, curated)
    split = next((e["id"] for e in curated.entries if article.source_file in e.get("articles", [])), None)
    if covered and split:
        covered.id = split
    if covered:  # the report mentions the others: "related" both ways
        for other in sightings[1:]:
            if other.id != covered.id and not any(r[0] == covered.id for r in other.related):
                other.related.append((covered.id, "Được nhắc tới trong bài về: ", "Bài về sự kiện này nhắc tới: "))
    return sightings


def _sightings(article: Article, series: tuple[Series, ...], curated: CuratedEvents,
               entities: dict[str, Entity], cache: Cache | None) -> list[_Sighting]:
    """detect(), cached with the article: it depends only on the article, the data and the code."""
    if cache is None or not article.cache_key:
        return detect(article, series, curated, entities)
    name = f"sightings-{article.cache_key}-{article.id}"
    found: list[_Sighting] | None = cache.get(name)
    if found is None:
        found = detect(article, series, curated, entities)
        cache.put(name, found)
    return found  # a fresh object either way: detected now, or unpickled


def build_events(articles: list[Article], series: tuple[Series, ...], curated: CuratedEvents,
                 entities: tuple[Entity, ...], cache: Cache | None = None
                 ) -> tuple[list[Event], dict[str, list[tuple[str, str]]]]:
    """All events, and per article its (event id, covers|mentions) list."""
    by_id_entity = {e.id: e for e in entities}
    merged: dict[str, dict[str, Any]] = {}
    article_events: dict[str, list[tuple[str, str]]] = {a.id: [] for a in articles}
    aliases = {old: e["id"] for e in curated.entries for old in e.get("merge", [])}
    pairs: dict[tuple[str, str], tuple[str, str]] = {}

    for article in articles:
        sightings = _sightings(article, series, curated, by_id_entity, cache)
        covered_ids = {aliases.get(s.id, s.id) for s in sightings if s.covers}
        for s in sightings:
            s.id = aliases.get(s.id, s.id)
            if not s.covers and s.id in covered_ids:
                continue  # the article reports this event; it does not merely mention it
            record = merged.setdefault(s.id, {"sighting": s, "date": s.date, "covered": [], "mentioned": []})
            if s.covers and not record["sighting"].covers:
                keep_date = record["date"]
                record["sighting"] = s
                record["date"] = _better(s.date, keep_date) if s.date.precision != Precision.DAY else s.date
            else:
                record["date"] = _better(record["date"], s.date)
            if s.covers:
                record["covered"].append(article.id)
            else:
                record["mentioned"].append(EventMention(article.id, s.anchor))
            relation = "covers" if s.covers else "mentions"
            if (s.id, relation) not in article_events[article.id]:
                article_events[article.id].append((s.id, relation))
            for other, here, there in s.related:
                other = aliases.get(other, other)
                if other != s.id:
                    pairs.setdefault((s.id, other), (here, there))

    events: dict[str, Event] = {}
    for event_id, record in merged.items():
        s = record["sighting"]
        events[event_id] = Event(
            id=event_id, title=s.title, kind=s.kind, date=record["date"], series=s.series, ordinal=s.ordinal,
            place=s.place, place_name=s.place_name, online=s.online, participants=tuple(s.participants),
            agreements=tuple(s.agreements), covered_by=tuple(sorted(set(record["covered"]))),
            mentioned_in=tuple(dict.fromkeys(record["mentioned"])), anniversary_of=s.anniversary_of, first=s.first)
    events = _apply_curated(events, curated, by_id_entity)
    return _relate(events, pairs, by_id_entity), article_events


def _apply_curated(events: dict[str, Event], curated: CuratedEvents, entities: dict[str, Entity]) -> dict[str, Event]:
    for entry in curated.entries:
        event = events.get(entry["id"])
        fields: dict[str, Any] = {}
        if event is None:
            if "date" not in entry or "title" not in entry:
                continue  # a correction for an event no article has produced yet
            event = Event(id=entry["id"], title=entry["title"], kind=entry.get("kind", "event"),
                          date=dates.curated(entry["date"]))
        for key in ("title", "en", "kind", "entity", "series", "ordinal"):
            if key in entry:
                fields[key] = entry[key]
        if "date" in entry:
            fields["date"] = dates.curated(entry["date"])
        if "place" in entry:
            place = entities.get(entry["place"])
            fields["place"], fields["place_name"] = (place.id, place.name) if place else (None, entry["place"])
        if "agreements" in entry:
            fields["agreements"] = tuple(entry["agreements"])
        fields["background"] = entry.get("kind", event.kind) == "background"
        fields["curated"] = tuple(k for k in ("title", "date", "place", "kind") if k in entry)
        fields["redirect_from"] = tuple(entry.get("merge", ()))
        events[entry["id"]] = dataclasses.replace(event, **fields)
    return events


def _relate(events: dict[str, Event], pairs: dict[tuple[str, str], tuple[str, str]], entities: dict[str, Entity]) -> list[Event]:
    relations: dict[str, dict[str, str]] = {e: {} for e in events}

    def add(a: str, b: str, reason_a: str, reason_b: str) -> None:
        if a in events and b in events and a != b:
            relations[a].setdefault(b, reason_a)
            relations[b].setdefault(a, reason_b)

    for (a, b), (here, there) in pairs.items():
        add(a, b, here, there)
    # Reported events sharing an agreement are related; each to its nearest neighbours in time
    # under that agreement, so a plan cited by hundreds of meetings does not link them all pairwise.
    background_agreements = {ag for e in events.values() if e.background for ag in e.agreements}
    by_agreement: dict[str, list[Event]] = {}
    for event in sorted(events.values(), key=event_sort_key):
        if event.covered_by:
            for agreement in event.agreements:
                if agreement not in background_agreements:
                    by_agreement.setdefault(agreement, []).append(event)
    shared: dict[tuple[str, str], list[str]] = {}
    for agreement, members in sorted(by_agreement.items()):
        for i, earlier in enumerate(members):
            for later in members[i + 1:i + 1 + AGREEMENT_NEIGHBOURS]:
                shared.setdefault((earlier.id, later.id), []).append(agreement)
    for (a, b), agreements in shared.items():
        names = "; ".join(entities[ag].name if ag in entities else ag for ag in agreements)
        add(a, b, f"Cùng liên quan đến {names}: ", f"Cùng liên quan đến {names}: ")
    out = []
    for event_id in sorted(events):
        rel = tuple(Relation(other, reason) for other, reason in sorted(relations[event_id].items()))
        out.append(dataclasses.replace(events[event_id], relations=rel))
    return out




_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def _numbers_in(text: str) -> set[int]:
    """Ordinals a name prints: "46", "XIX" → {46, 19}."""
    found = {int(n) for n in re.findall(r"\d+", text)}
    for roman in re.findall(r"(?<!\w)[IVXLC]+(?!\w)", text):
        values = [_ROMAN_VALUES[c] for c in roman]
        found.add(sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values)))
    return found


def events_by_article(events: Sequence[Event]) -> dict[str, list[Event]]:
    """Each article's events (covered or mentioned), in the order of ``events``: built once per site."""
    index: dict[str, list[Event]] = {}
    for event in events:
        for article_id in dict.fromkeys([*event.covered_by, *(m.article_id for m in event.mentioned_in)]):
            index.setdefault(article_id, []).append(event)
    return index


def event_of_span(events: Sequence[Event], article_id: str, anchor: str, span: EntitySpan) -> str | None:
    """The detected event an event span of a paragraph names, if any: its link then goes to events/<id>/.

    Hook for the event pages: an event the paragraph is cited for that is the span's curated entity,
    or whose ordinal the span prints ("Kỳ họp lần thứ 46 …" → the 46th session). None: the span keeps
    its entity (or review) link. ``events`` may be all events or just the article's (events_by_article).
    """
    if span.type != EntityType.EVENT:
        return None
    here = [e for e in events if any(m.article_id == article_id and m.anchor == anchor for m in e.mentioned_in)
            or article_id in e.covered_by]
    return event_named(here, span)


def event_named(here: Sequence[Event], span: EntitySpan) -> str | None:
    """Of the events a paragraph is cited for (``here``, in event order), the one ``span`` names; see event_of_span."""
    for event in here:
        if event.entity and event.entity == span.id:
            return event.id
    numbers = _numbers_in(span.text)
    matching = [e for e in here if e.ordinal is not None and e.ordinal in numbers]
    return matching[0].id if len(matching) == 1 else None
