"""Citation outputs, each rendered from one ``Citation`` record (``model/citation.py``).

Zotero reads Highwire ``citation_*``, Dublin Core and PRISM meta tags, not JSON-LD
(which serves search engines). Its Embedded Metadata translator hands every
``DC.*``, ``prism.*`` and ``z.*`` tag to its RDF translator, which copies a
``z.<field>`` tag straight into that Zotero field: ``z.archive`` fills Archive and
``z.extra`` fills Extra (Library Catalog is always overwritten with the host name).
``citation_author`` is written "Family, Given", the form Zotero and Google Scholar
split right for Vietnamese names. The access date is the reader's, so the build
stays deterministic and the styles print none.
"""

from __future__ import annotations

import json
import re
from typing import Any

from build_archive.model.citation import Citation
from build_archive.model.entity import Entity
from build_archive.model.event import Event
from build_archive.pages.csl_styles import LOCALES, STYLES, bibliography_entry

__all__ = ["citation_outputs", "csl_item", "bibtex_entry", "ris_entry", "event_jsonld",
           "entity_jsonld"]

SCHEMA_TYPES = {"person": "Person", "organization": "Organization", "place": "Place", "agreement": "Legislation",
                "event": "Event"}
BIBTEX_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def script_json(data: dict[str, Any]) -> str:
    """JSON safe inside a <script> element."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    # No "<" at all: neither "</script>" nor "<!--" can end or swallow the element.
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def notes(c: Citation) -> list[str]:
    """What no standard field holds: the original address and outlet, and why a date is "circa"."""
    lines = []
    if c.original_url:
        lines.append(f"Bài gốc: {c.original_url}")
    if c.original_outlet:
        lines.append(f"Đăng lại từ: {c.original_outlet}")
    if c.date and c.date.circa:
        lines.append("Năm đăng suy ra từ nội dung bài" + (f": {c.date.evidence}" if c.date.evidence else ""))
    if c.title_supplied:
        lines.append("Tiêu đề do biên tập viên khôi phục (trang đã lưu không in tiêu đề)")
    return lines


def meta_tags(c: Citation) -> list[tuple[str, str]]:
    """Highwire, Dublin Core, PRISM and Zotero tags, in the forms their readers parse."""
    meta = [("citation_title", c.display_title), ("citation_language", c.language), ("citation_public_url", c.url),
            ("DC.type", "newspaperArticle" if c.kind == "article" else "webpage"), ("DC.title", c.display_title),
            ("DC.language", c.language), ("DC.identifier", c.url), ("z.archive", c.archive_name)]
    for creator in c.creators:
        meta += [("citation_author", creator.inverted), ("DC.creator", creator.inverted)]
    if c.date:
        meta += [("citation_publication_date", c.date.slashed), ("citation_date", c.date.slashed),
                 ("DC.date", c.date.iso)]
    if c.container:
        meta += [("citation_publisher", c.container), ("DC.source", c.container),
                 ("prism.publicationName", c.container)]
    extra = notes(c)
    if extra:
        meta.append(("z.extra", "\n".join(extra)))
    return meta


def jsonld(c: Citation) -> dict[str, Any]:
    data: dict[str, Any] = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": c.display_title,
                  "inLanguage": c.language, "url": c.url, "mainEntityOfPage": c.url,
                  "isPartOf": {"@type": "WebSite", "name": c.archive_name, "url": c.archive_url}}
    if c.date:
        data["datePublished"] = c.date.iso
    if c.creators:
        data["author"] = [{"@type": "Person", "name": p.written, "familyName": p.family,
                           **({"givenName": p.given} if p.given else {})} for p in c.creators]
    if c.outlet:
        data["publisher"] = {"@type": "Organization", "name": c.outlet}
    if c.original_url:
        data["isBasedOn"] = c.original_url
    return data


def csl_item(c: Citation) -> dict[str, Any]:
    """CSL-JSON, as Zotero exports and imports it and citeproc renders it."""
    item: dict[str, Any] = {"id": c.id, "type": "article-newspaper" if c.kind == "article" else "webpage",
                  "title": c.display_title, "URL": c.url, "language": c.language, "archive": c.archive_name}
    if c.creators:
        # A name that is not Vietnamese is marked so citeproc-js does not keep it in Vietnamese order.
        item["author"] = [{"family": p.family, **({"given": p.given} if p.given else {}),
                           **({} if p.vietnamese or not p.given else {"multi": {"main": "und"}})}
                          for p in c.creators]
    if c.container:
        item["container-title"] = c.container
    if c.date:
        item["issued"] = {"date-parts": [list(c.date.parts)], **({"circa": True} if c.date.circa else {})}
    if notes(c):
        item["note"] = "\n".join(notes(c))
    return item


def _bib_escape(text: str) -> str:
    return re.sub(r"([{}%&$#_])", r"\\\1", text).replace("~", r"\textasciitilde{}").replace("^", r"\^{}")


def _bib_protect(text: str) -> str:
    """Capitalised words in braces, so BibTeX's sentence casing keeps them (Việt, Lào, VOV)."""
    return " ".join("{" + w + "}" if any(ch.isupper() for ch in w) else w for w in _bib_escape(text).split(" "))


def bibtex_entry(c: Citation) -> str:
    """An entry for BibTeX and biblatex: ``@article`` with ``entrysubtype = {newspaper}``.

    An unsigned article is ``@misc`` with the outlet as ``howpublished``: BibTeX's
    article needs an author, and naming the newspaper as one would invent it.
    """
    kind = "article" if c.kind == "article" and c.creators else "misc"
    fields = []
    if c.creators:
        fields.append(("author", " and ".join(_bib_escape(p.inverted) if p.given else "{" + _bib_escape(p.family) + "}"
                                              for p in c.creators)))
    fields.append(("title", _bib_protect(c.display_title)))
    if c.outlet and kind == "article":
        fields += [("journaltitle", _bib_escape(c.outlet)), ("journal", _bib_escape(c.outlet))]
    elif c.outlet:
        fields.append(("howpublished", _bib_escape(c.outlet)))
    elif c.kind == "event":
        fields.append(("howpublished", _bib_escape(c.archive_name)))
    if c.kind == "article":
        fields.append(("entrysubtype", "newspaper"))
    if c.date:
        year = f"[{c.date.parts[0]}]" if c.date.circa else str(c.date.parts[0])
        fields += [("date", c.date.iso + ("~" if c.date.circa else "")), ("year", year)]
        if len(c.date.parts) > 1:
            fields.append(("month", BIBTEX_MONTHS[c.date.parts[1] - 1]))
    fields += [("url", c.url), ("langid", "vietnamese")]
    note = [_bib_escape(line) for line in notes(c)]
    fields.append(("note", "; ".join([*note, f"Lưu trong {c.archive_name}"])))
    body = ",\n".join(f"  {k} = {v}" if k == "month" else f"  {k} = {{{v}}}" for k, v in fields)
    return f"@{kind}{{{c.id},\n{body}\n}}\n"


def ris_entry(c: Citation) -> str:
    """RIS as Zotero imports it: DB → Archive, N1 → notes, DA's fourth part keeps "ca."."""
    lines = [("TY", "NEWS" if c.kind == "article" else "ELEC"), ("TI", c.display_title)]
    lines += [("AU", p.inverted) for p in c.creators]
    if c.container:
        lines.append(("T2", c.container))
    if c.date:
        parts = [f"{c.date.parts[0]:04d}", *(f"{p:02d}" for p in c.date.parts[1:])]
        parts += [""] * (3 - len(parts))
        lines += [("DA", "/".join(parts) + "/" + ("ca." if c.date.circa else "")), ("PY", str(c.date.parts[0]))]
    lines += [("LA", c.language), ("UR", c.url), ("DB", c.archive_name)]
    lines += [("N1", line) for line in notes(c)]
    lines.append(("ER", ""))
    return "".join(f"{tag}  - {value}".rstrip() + "\r\n" for tag, value in lines)


def styles(c: Citation) -> list[tuple[str, str, list[tuple[str, str, str]]]]:
    """Each style's bibliography entry in each locale: [(lang, label, [(style, label, text)])]."""
    return [(lang, lang_label, [(style, label, bibliography_entry(c, style, lang)) for style, label in STYLES.items()])
            for lang, lang_label in LOCALES.items()]


def citation_outputs(c: Citation, downloads: tuple[tuple[str, str], ...] = (),
                     archive_downloads: tuple[tuple[str, str], ...] = ()) -> dict[str, Any]:
    """What a page template needs: meta tags, JSON-LD, the box's strings and the downloads' paths.

    Only articles get style strings: an event page is a page of the archive, not a publication.
    """
    out = {"url": c.url, "record": c, "meta": meta_tags(c), "bibtex": bibtex_entry(c), "ris": ris_entry(c),
           "csl": json.dumps([csl_item(c)], ensure_ascii=False, indent=2), "styles": [], "jsonld": "",
           "downloads": downloads, "archive_downloads": archive_downloads}
    if c.kind == "article":
        out["styles"] = styles(c)
        out["jsonld"] = script_json(jsonld(c))
    return out


def event_jsonld(event: Event, url: str) -> str:
    data: dict[str, Any] = {"@context": "https://schema.org", "@type": "Event", "name": event.title, "url": url,
                  "inLanguage": "vi"}
    if event.date.date:
        data["startDate"] = event.date.date
    if event.online:
        data["eventAttendanceMode"] = "https://schema.org/OnlineEventAttendanceMode"
        data["location"] = {"@type": "VirtualLocation", "name": "trực tuyến"}
    elif event.place_name:
        data["location"] = {"@type": "Place", "name": event.place_name}
    if event.participants:
        data["attendee"] = [{"@type": "Person", "name": p.name} for p in event.participants]
    return script_json(data)


def entity_jsonld(entity: Entity, site_url: str) -> str:
    data: dict[str, Any] = {"@context": "https://schema.org", "@type": SCHEMA_TYPES[entity.type], "name": entity.name,
                  "url": site_url + f"entities/{entity.type}/{entity.id}/"}
    if entity.aliases:
        data["alternateName"] = list(entity.aliases)
    if entity.wikidata:
        data["sameAs"] = f"https://www.wikidata.org/wiki/{entity.wikidata}"
    return script_json(data)
