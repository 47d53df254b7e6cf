"""The closed vocabularies of the model. Each member equals its string ("day" == Precision.DAY), so
templates, CSS classes and JSON exports read the same text as before; mypy checks every producer.

Their labels for readers live in data/labels.yml, keyed by these values (loaded by pages/labels.py).
"""

from __future__ import annotations

from enum import StrEnum


class Precision(StrEnum):
    """How much of a date is known."""

    DAY = "day"
    MONTH = "month"
    YEAR = "year"
    UNKNOWN = "unknown"


class DateBasis(StrEnum):
    """Where a date came from."""

    STATED = "stated"  # printed on the page
    INFERRED = "inferred"  # read from the article's context
    CURATED = "curated"  # set by an editor
    UNKNOWN = "unknown"


class SourceBasis(StrEnum):
    """Where a metadata value (title, outlet, author, URL) came from."""

    DATELINE = "dateline"
    URL = "url"
    CHROME = "chrome"
    BYLINE = "byline"
    PAGE = "page"
    TEXT = "text"
    CURATED = "curated"
    GUESSED = "guessed"  # not printed as such: made from the evidence given


class EntityType(StrEnum):
    """Kinds of entity, in the order the site lists them."""

    PERSON = "person"
    ORGANIZATION = "organization"
    PLACE = "place"
    AGREEMENT = "agreement"
    EVENT = "event"


class FigureKind(StrEnum):
    MONEY = "money"
    PERCENT = "percent"
    COUNT = "count"
    DATE = "date"


class Qualifier(StrEnum):
    """How a figure relates to its number ("khoảng 50", "hơn 50", "dưới 50")."""

    EXACT = "exact"
    APPROX = "approx"
    MORE_THAN = "more-than"
    LESS_THAN = "less-than"


class LineRole(StrEnum):
    """The role a stretch of a raw line plays; the first four are kept in the article."""

    TITLE = "title"
    BODY = "body"
    CAPTION = "caption"
    META = "meta"
    CHROME = "chrome"
    RELATED = "related"
    TEASER = "teaser"
    WIDGET = "widget"
    DUPLICATE = "duplicate"
    IMAGE_ALT = "image-alt"
