"""How an article is named and dated wherever a reader meets it: decided here, once, for every
page, the search index, the feed and the data files.

    >>> shown_title(article_without_title)        # the file name stands in
    '000_x.txt'
    >>> source_label(article_from_reuters)         # who published it
    'رويترز'
    >>> source_label(article_of_unknown_outlet)     # else a short title: a whole part of its headline
    'هل تنجح خطة الحكومة لدعم المزارعين'
"""
from __future__ import annotations

import datetime as dt
import re

from babel import Locale
from babel.dates import format_date

from .config.site import Config
from .model import Article, DateValue

# The search page's filters, in the order shown; each has its label in ui_text ("search_facet_…").
SEARCH_FACETS = ("outlet", "topic", "person", "organization", "place")
SHORT_TITLE_WORDS = 10  # an article without a known publisher is cited by a part of its headline this short
TITLE_PARTS_RE = re.compile(r"\s*(?::|\.\.+|…|؟|\?|\s[-–—|]\s)\s*")


def shown_title(article: Article) -> str:
    """The headline, or for a text with none and no derived one, its file name."""
    return article.title or article.source_file


def publisher_name(article: Article) -> str | None:
    """Who published it (the outlet, or for wire copy of unknown outlet, the agency)."""
    return article.publisher.name if article.publisher else None


def source_label(article: Article, words: int = SHORT_TITLE_WORDS) -> str:
    """How a citation names the article: its publisher, else a short title (``short_title``)."""
    return publisher_name(article) or short_title(shown_title(article), words)


def short_title(title: str, words: int = SHORT_TITLE_WORDS) -> str:
    """The first part of a headline that names its story on its own: a headline's label
    («تقرير:»، «عاجل -») is left out, a part longer than ``words`` words is passed over, and
    a headline with no part that short is named by its first ``words`` words (a reader is
    never shown a headline cut mid-phrase when a whole part of it will do)."""
    parts = [p for p in TITLE_PARTS_RE.split(title) if p.strip()]
    named = [p for p in parts if len(p.split()) > 1] or parts
    short = next((p for p in named if len(p.split()) <= words), None)
    if short is not None:
        return short.strip()
    first = named[0].split() if named else title.split()
    return " ".join(first) if len(first) <= words else " ".join(first[:words]) + "…"


def format_date_value(value: DateValue, locale: str, year_unknown: str = "") -> str | None:
    """"26 تموز 2021" (ar_IQ), "تموز 2021", "2021", "آب (السنة غير مذكورة)"; None when there is
    no date."""
    if value.precision == "day":
        return format_date(dt.date(value.year, value.month, value.day), "d MMMM y", locale=locale)
    if value.precision == "month":
        return format_date(dt.date(value.year, value.month, 1), "MMMM y", locale=locale)
    if value.precision == "year":
        return str(value.year)
    if value.month:  # a month with its year lost: say so, invent nothing
        month = format_date(dt.date(2000, value.month, 1), "MMMM", locale=locale)
        return f"{month} ({year_unknown})" if year_unknown else month
    return None


def shown_date(value: DateValue, config: Config) -> str | None:
    """A date as the site shows it, in the configured locale; a lost year said in words."""
    return format_date_value(value, config.locale, config.ui["year_unknown"])


def reading_time(word_count: int, config: Config) -> str:
    minutes = round(word_count / config.words_per_minute)
    category = Locale.parse(config.language).plural_form(minutes)
    return config.ui[f"minutes_{category}"].format(n=minutes)
