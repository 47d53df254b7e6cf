"""Citation: what reference managers and search engines read, and what readers copy.

Zotero reads Highwire ``citation_*``, Dublin Core and PRISM meta tags (not
JSON-LD, which serves search engines). A news article says so with
``DC.type = newspaperArticle`` and names its outlet in ``DC.source`` and
``prism.publicationName``. References cite the original outlet and the archive
URL; the access date is the reader's, filled in by the browser, so the build
stays deterministic.
"""

from __future__ import annotations

import json

from build_archive.model.article import Article
from build_archive.model.entity import Entity
from build_archive.model.event import Event

ARCHIVE_NAME = "Lưu trữ Việt–Lào"
ACCESSED = "[ngày truy cập]"
SCHEMA_TYPES = {"person": "Person", "organization": "Organization", "place": "Place", "agreement": "Legislation",
                "event": "Event"}


def script_json(data: dict) -> str:
    """JSON safe inside a <script> element."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    # No "<" at all: neither "</script>" nor "<!--" can end or swallow the element.
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _date_parts(date: str | None) -> list[int]:
    return [int(part) for part in date.split("-")] if date else []


def _vi_date(date: str | None) -> str:
    parts = _date_parts(date)
    if len(parts) == 3:
        return f"{parts[2]} tháng {parts[1]} năm {parts[0]}"
    if len(parts) == 2:
        return f"tháng {parts[1]} năm {parts[0]}"
    return f"năm {parts[0]}" if parts else "không rõ ngày"


def _bibtex_escape(text: str) -> str:
    return "".join("\\" + ch if ch in "{}%&$#_" else ch for ch in text)


def article_citation(article: Article, site_url: str) -> dict:
    url = site_url + f"articles/{article.id}/"
    title, outlet, author = article.title.value or "", article.outlet.value, article.author.value
    date = article.published.date
    source = article.source_url.value
    meta = [("citation_title", title), ("citation_language", "vi"), ("citation_public_url", url),
            ("DC.type", "newspaperArticle"), ("DC.title", title), ("DC.language", "vi"), ("DC.identifier", url)]
    if date:
        meta += [("citation_publication_date", date.replace("-", "/")), ("citation_date", date.replace("-", "/")),
                 ("DC.date", date)]
    if author:
        meta += [("citation_author", author), ("DC.creator", author)]
    if outlet:
        meta += [("citation_publisher", outlet), ("DC.source", outlet), ("DC.publisher", outlet),
                 ("prism.publicationName", outlet)]
    jsonld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": title, "inLanguage": "vi",
              "url": url, "mainEntityOfPage": url,
              "isPartOf": {"@type": "WebSite", "name": ARCHIVE_NAME, "url": site_url}}
    if date:
        jsonld["datePublished"] = date
    if author:
        jsonld["author"] = {"@type": "Person", "name": author}
    if outlet:
        jsonld["publisher"] = {"@type": "Organization", "name": outlet}
    if source:
        jsonld["isBasedOn"] = source
    who = f"{author}. " if author else ""
    where = f"{outlet}. " if outlet else ""
    original = f" Bản gốc: {source}." if source else ""
    apa = (f"{who}({_date_parts(date)[0] if date else 'không rõ năm'}). {title}. {where}"
           f"Lưu trong {ARCHIVE_NAME}, {url} (truy cập {ACCESSED}).{original}")
    chicago = (f"{who}“{title}.” {outlet + ', ' if outlet else ''}{_vi_date(date)}.{original} "
               f"{ARCHIVE_NAME}, {url}. Truy cập {ACCESSED}.")
    bib = [f"@article{{{article.id},", f"  title = {{{_bibtex_escape(title)}}},"]
    if author:
        bib.append(f"  author = {{{{{_bibtex_escape(author)}}}}},")
    if outlet:
        bib.append(f"  journal = {{{_bibtex_escape(outlet)}}},")
    if date:
        bib += [f"  date = {{{date}}},", f"  year = {{{date[:4]}}},"]
    bib += [f"  url = {{{url}}},", "  langid = {vietnamese},"]
    if source:
        bib.append(f"  note = {{Bản gốc: \\url{{{source}}}; lưu trong {ARCHIVE_NAME}}},")
    bib.append("}")
    csl = {"id": article.id, "type": "article-newspaper", "title": title, "URL": url, "language": "vi",
           "archive": ARCHIVE_NAME}
    if author:
        csl["author"] = [{"literal": author}]
    if outlet:
        csl["container-title"] = outlet
    if date:
        csl["issued"] = {"date-parts": [_date_parts(date)]}
    if source:
        csl["note"] = f"Bản gốc: {source}"
    return {"url": url, "meta": meta, "jsonld": script_json(jsonld), "apa": apa, "chicago": chicago,
            "bibtex": "\n".join(bib), "csl": json.dumps([csl], ensure_ascii=False, indent=2)}


def event_citation(event: Event, site_url: str) -> dict:
    url = site_url + f"events/{event.id}/"
    jsonld: dict = {"@context": "https://schema.org", "@type": "Event", "name": event.title, "url": url,
                    "inLanguage": "vi"}
    if event.date.date:
        jsonld["startDate"] = event.date.date
    if event.online:
        jsonld["eventAttendanceMode"] = "https://schema.org/OnlineEventAttendanceMode"
        jsonld["location"] = {"@type": "VirtualLocation", "name": "trực tuyến"}
    elif event.place_name:
        jsonld["location"] = {"@type": "Place", "name": event.place_name}
    if event.participants:
        jsonld["attendee"] = [{"@type": "Person", "name": p.name} for p in event.participants]
    apa = f"{event.title} ({_vi_date(event.date.date)}). {ARCHIVE_NAME}, {url} (truy cập {ACCESSED})."
    chicago = f"“{event.title}.” {ARCHIVE_NAME}, {_vi_date(event.date.date)}. {url}. Truy cập {ACCESSED}."
    bib = [f"@misc{{{event.id},", f"  title = {{{_bibtex_escape(event.title)}}},",
           f"  howpublished = {{{ARCHIVE_NAME}}},"]
    if event.date.date:
        bib.append(f"  date = {{{event.date.date}}},")
    bib += [f"  url = {{{url}}},", "  langid = {vietnamese},", "}"]
    csl = {"id": event.id, "type": "event", "title": event.title, "URL": url, "language": "vi",
           "publisher": ARCHIVE_NAME}
    if event.date.date:
        csl["event-date"] = {"date-parts": [_date_parts(event.date.date)]}
    return {"url": url, "meta": [("DC.title", event.title), ("DC.language", "vi"), ("DC.identifier", url)],
            "jsonld": script_json(jsonld), "apa": apa, "chicago": chicago, "bibtex": "\n".join(bib),
            "csl": json.dumps([csl], ensure_ascii=False, indent=2)}


def entity_jsonld(entity: Entity, site_url: str) -> str:
    data: dict = {"@context": "https://schema.org", "@type": SCHEMA_TYPES[entity.type], "name": entity.name,
                  "url": site_url + f"entities/{entity.type}/{entity.id}/"}
    if entity.aliases:
        data["alternateName"] = list(entity.aliases)
    if entity.wikidata:
        data["sameAs"] = f"https://www.wikidata.org/wiki/{entity.wikidata}"
    return script_json(data)
