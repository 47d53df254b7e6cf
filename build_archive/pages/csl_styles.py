"""APA 7, Chicago (notes-bibliography and author-date) and MLA 9 bibliography entries, in Vietnamese and English.

The official CSL styles in ``csl/`` define these entries; citeproc-js (the engine
inside Zotero) is the reference that renders them. The build has no JavaScript, and
citeproc-py prints authorless titles twice and title-cases Vietnamese, so this module
writes the entries of the one item type the archive cites (a newspaper article, or a
page of the archive) itself. Month names and terms come from the vendored CSL locale
files; ``tests/test_citation.py`` checks every entry against citeproc-js.

Names follow citeproc-js: in a Vietnamese item a Vietnamese name keeps its order
("Hà Văn", APA "Hà V."); other names are inverted in first position ("Smith, John").
"""

from __future__ import annotations

import functools
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from build_archive.model.citation import Citation, CiteDate, Creator

CSL_DIR = Path(__file__).resolve().parents[2] / "csl"
STYLES = {"apa": "APA 7", "chicago-notes-bibliography": "Chicago (chú thích – thư mục)",
          "chicago-author-date": "Chicago (tác giả – năm)", "modern-language-association": "MLA 9"}
LOCALES = {"vi-VN": "Tiếng Việt", "en-US": "English"}
_NS = {"csl": "http://purl.org/net/xbiblio/csl"}


@dataclass(frozen=True)
class Terms:
    months: tuple[str, ...]
    months_short: tuple[str, ...]
    and_: str
    et_al: str
    no_date: str
    circa: str
    circa_short: str
    retrieved: str
    punctuation_in_quote: bool


def _read_terms(root: ET.Element, into: dict[tuple[str, str], str]) -> None:
    for term in root.iterfind(".//csl:terms/csl:term", _NS):
        single = term.find("csl:single", _NS)
        text = single.text if single is not None else term.text
        into[(term.get("name", ""), term.get("form", "long"))] = text or ""


@functools.cache
def terms(style: str, lang: str) -> Terms:
    """The locale's terms with the style's own overrides for that language (APA's "ca.")."""
    found: dict[tuple[str, str], str] = {}
    locale = ET.parse(CSL_DIR / f"locales-{lang}.xml").getroot()
    _read_terms(locale, found)
    for override in ET.parse(CSL_DIR / f"{style}.csl").getroot().iterfind("csl:locale", _NS):
        if override.get("{http://www.w3.org/XML/1998/namespace}lang") in (None, lang[:2], lang):
            _read_terms(override, found)
    options = locale.find("csl:style-options", _NS)
    months = tuple(found[(f"month-{n:02d}", "long")] for n in range(1, 13))
    return Terms(months=months, months_short=tuple(found[(f"month-{n:02d}", "short")] for n in range(1, 13)),
                 and_=found[("and", "long")], et_al=found[("et-al", "long")],
                 no_date=found.get(("no date", "short"), found[("no date", "long")]),
                 circa=found[("circa", "long")], circa_short=found[("circa", "short")],
                 retrieved=found[("retrieved", "long")],
                 punctuation_in_quote=options is not None and options.get("punctuation-in-quote") == "true")


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _end(text: str, mark: str = ".") -> str:
    """Text closed by a mark, unless it already ends with one."""
    return text if re.search(r"[.?!]$", text) else text + mark


def _quoted(c: Citation, t: Terms) -> str:
    """The title closing its sentence: “Title.” in English, “Title”. in Vietnamese.

    Only a title inside a newspaper is quoted; without one it stands alone, unquoted.
    """
    title = c.display_title
    if not c.outlet:
        return _end(title)
    if t.punctuation_in_quote or re.search(r"[.?!]$", title):
        return f"“{_end(title)}”"
    return f"“{title}”."


def _initials(given: str) -> str:
    return " ".join(part[0] + "." for part in given.split())


def _name(c: Creator, style: str, first: bool) -> str:
    if not c.given:
        return c.family
    given = _initials(c.given) if style == "apa" else c.given
    if c.vietnamese:
        return f"{c.family} {given}"
    if first or style == "apa":
        return f"{c.family}, {given}"
    return f"{given} {c.family}"


def _names(creators: tuple[Creator, ...], style: str, t: Terms) -> str:
    names = [_name(c, style, i == 0) for i, c in enumerate(creators)]
    if style == "modern-language-association" and len(names) > 2:
        return f"{names[0]}, {t.et_al}"
    if len(names) == 1:
        return names[0]
    last = "& " if style == "apa" else t.and_ + " "
    return ", ".join(names[:-1]) + ", " + last + names[-1]


def _day_month_year(d: CiteDate, t: Terms, short: bool = False) -> str:
    months = t.months_short if short else t.months
    words = [str(d.parts[2])] if len(d.parts) > 2 else []
    words += [months[d.parts[1] - 1]] if len(d.parts) > 1 else []
    return " ".join(words + [str(d.parts[0])])


def _month_day(d: CiteDate, t: Terms) -> str:
    words = [t.months[d.parts[1] - 1]] if len(d.parts) > 1 else []
    return " ".join(words + ([str(d.parts[2])] if len(d.parts) > 2 else []))


def _apa(c: Citation, t: Terms) -> str:
    title = _end(c.display_title)
    if c.date:
        date = (f"{t.circa_short} " if c.date.circa else "") + str(c.date.parts[0])
        if len(c.date.parts) > 1:
            date += ", " + _month_day(c.date, t)
    else:
        date = t.no_date
    head = f"{_end(_names(c.creators, 'apa', t))} ({date}). {title}" if c.creators else f"{title} ({date})."
    tail = [_end(x) for x in (c.outlet, c.archive_name) if x]
    url = c.url if c.date else f"{_cap(t.retrieved)} {c.url}"
    return " ".join([head, *tail, url])


def _chicago_date(d: CiteDate | None, lang: str, t: Terms) -> str:
    if not d:
        return t.no_date
    if lang.startswith("en") and len(d.parts) > 1:
        text = _month_day(d, t) + (", " if len(d.parts) > 2 else " ") + str(d.parts[0])
    else:
        text = _day_month_year(d, t)
    return f"[{text}?]" if d.circa else text


def _chicago_notes(c: Citation, lang: str, t: Terms) -> str:
    title, date = _quoted(c, t), _chicago_date(c.date, lang, t)
    if c.creators:
        parts = [_end(_names(c.creators, "chicago-notes-bibliography", t)), title,
                 _end(f"{c.outlet}, {date}" if c.outlet else date)]
    else:
        parts = ([_end(c.outlet)] if c.outlet else []) + [title, _end(date)]
    return " ".join([*parts, _end(c.archive_name), _end(c.url)])


def _chicago_author_date(c: Citation, t: Terms) -> str:
    d = c.date
    year = t.no_date if not d else (f"[{d.parts[0]}?]" if d.circa else str(d.parts[0]))
    when = _month_day(d, t) if d else ""
    title = _quoted(c, t)
    if c.creators:
        where = ", ".join(x for x in (c.outlet, when) if x)
        parts = [_end(_names(c.creators, "chicago-author-date", t)), _end(year), title] + ([_end(where)] if where else [])
    elif c.outlet:
        parts = [_end(c.outlet), _end(year), title] + ([_end(when)] if when else [])
    else:  # the title stands in for the author
        parts = [title, _end(year)] + ([_end(when)] if when else [])
    return " ".join([*parts, _end(c.archive_name), _end(c.url)])


def _mla(c: Citation, lang: str, t: Terms) -> str:
    date = ""
    if c.date:
        date = _day_month_year(c.date, t, short=lang.startswith("en"))
        date = f"{_cap(t.circa)} {date}" if c.date.circa else date
    where = ", ".join(x for x in (c.outlet, date, c.archive_name, c.url) if x)
    head = [_end(_names(c.creators, "modern-language-association", t))] if c.creators else []
    return " ".join([*head, _quoted(c, t), _end(where)])


def bibliography_entry(citation: Citation, style: str, lang: str) -> str:
    """One entry of the style's bibliography, as plain text (citeproc-js's "text" output)."""
    t = terms(style, lang)
    if style == "apa":
        return _apa(citation, t)
    if style == "chicago-notes-bibliography":
        return _chicago_notes(citation, lang, t)
    if style == "chicago-author-date":
        return _chicago_author_date(citation, t)
    if style == "modern-language-association":
        return _mla(citation, lang, t)
    raise ValueError(f"unknown citation style {style!r}")
